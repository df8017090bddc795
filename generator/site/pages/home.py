"""The ways in on the home page, and the feed of new and changed lessons.

The home page itself (`handbook/index.md`) is written by hand; it includes
the generated `records/home.snippet` (pymdownx.snippets): the headline
figures, the newest lessons, the key recommendations and where to go next.
The Atom feed lets people follow the lessons in a feed reader or a chat tool.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from datetime import date
from typing import Any, Iterable

from markupsafe import escape

from ...records.text import gist, render_markdown
from ..render import Raw, link
from .shared import COVERAGE_CHART, FEED_PAGE, Job, Page, Site, record_path

HOME = "home.snippet"
# Included by the page for authors (handbook/authors.md): the ways to write in the browser.
NEW_RECORD = "new-record.snippet"
FEED = "feed.xml"
NEWEST = 5
FEED_ENTRIES = 50
ATOM = "http://www.w3.org/2005/Atom"


# The headline figures on the home page, and the dashboard's list of what each counts.
HEADLINE_LISTS = {"headline_answered": "unanswered-goals", "headline_orphaned": "left-without-successor",
                  "headline_overdue": "overdue-reviews"}


def updated(site: Site, lesson_id: str) -> date:
    """When a lesson last changed, as the records tell: its date or its last review."""
    lesson = site.c.lessons[lesson_id].record
    return max(lesson.date, lesson.reviewed or lesson.date)


def home_page(site: Site) -> Page:
    c = site.c
    current = site.current(c.lessons)
    newest = sorted(current, key=lambda k: (c.lessons[k].record.date, k), reverse=True)[:NEWEST]
    key = sorted((k for k in current if c.lessons[k].record.level == "foundation"
                  and c.lessons[k].record.status == "accepted" and c.lessons[k].record.recommendation),
                 key=lambda k: (c.lessons[k].record.date, k), reverse=True)[:NEWEST]
    health = site.health

    def lesson(ident: str) -> Any:
        return link(c.lessons[ident].record.title, site.from_home(record_path("lesson", ident)))

    return Page(HOME, "home.md.j2", {
        # Each figure leads to what it counts, on the dashboard.
        "headlines": [{"value": h.value, "label": site.headline_label(h.key, h.value),
                       "url": site.from_home("dashboard.md") + "#" + HEADLINE_LISTS[h.key]}
                      for h in health.headlines if h.key in HEADLINE_LISTS],
        "newest": [{"link": lesson(k), "detail": site.lesson_status(c.lessons[k].record),
                    "day": c.lessons[k].record.date, "gist": gist(c.lessons[k].record.lesson)} for k in newest],
        "key": [{"link": lesson(k),
                 "text": render_markdown(c.lessons[k].record.recommendation or "", heading_level=4)} for k in key],
        "links": {name: site.from_home(target) for name, target in (
            ("dashboard", "dashboard.md"), ("figures", "figures.md"), ("timeline", "timeline.md"),
            ("lessons", "lessons/index.md"), ("campaigns", "campaigns/index.md"), ("feed", FEED_PAGE),
            ("coverage", COVERAGE_CHART))},
    })


def feed(site: Site) -> str:
    """An Atom feed (RFC 4287) of the newest new or changed lessons."""
    c, L = site.c, site.L
    base = (site.site_url.rstrip("/") + "/records/") if site.site_url else ""

    def ident(name: str) -> str:  # stable ids, whatever the site's address
        return uuid.uuid5(uuid.NAMESPACE_URL, f"handbook:{name}").urn

    def stamp(day: date) -> str:
        return f"{day.isoformat()}T00:00:00Z"

    lessons = sorted(site.current(c.lessons), key=lambda k: (updated(site, k), k), reverse=True)[:FEED_ENTRIES]
    root = ET.Element("feed", {"xmlns": ATOM, "xml:lang": site.language})
    ET.SubElement(root, "title").text = f"{site.site_name}: {L['lessons'].lower()}"
    ET.SubElement(root, "id").text = ident("lessons")
    ET.SubElement(root, "updated").text = stamp(max((updated(site, k) for k in lessons), default=c.today))
    ET.SubElement(root, "link", {"rel": "self", "type": "application/atom+xml", "href": base + FEED})
    ET.SubElement(root, "link", {"rel": "alternate", "type": "text/html", "href": base + "lessons/"})
    ET.SubElement(ET.SubElement(root, "author"), "name").text = site.site_name
    for lesson_id in lessons:
        lesson = c.lessons[lesson_id].record
        entry = ET.SubElement(root, "entry")
        ET.SubElement(entry, "title").text = lesson.title
        ET.SubElement(entry, "id").text = ident(f"lessons/{lesson_id}")
        ET.SubElement(entry, "published").text = stamp(lesson.date)
        ET.SubElement(entry, "updated").text = stamp(updated(site, lesson_id))
        page = record_path("lesson", lesson_id)[:-3] + "/"
        ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": base + page})
        ET.SubElement(ET.SubElement(entry, "author"), "name").text = site.person_name(lesson.author)
        ET.SubElement(entry, "category", {"term": lesson.level, "label": L[lesson.level]})
        summary = f"{L[lesson.status]}, {L[lesson.level].lower()}. {' '.join(lesson.lesson.split())}"
        if lesson.recommendation:
            summary += f" {L['recommendation']}: {' '.join(lesson.recommendation.split())}"
        ET.SubElement(entry, "summary", {"type": "text"}).text = summary
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def feed_page(site: Site) -> Page:
    """The feed as a page readers can read: the lessons it holds, newest
    change first, and its address (in full where the site knows its own)."""
    c, L = site.c, site.L
    lessons = sorted(site.current(c.lessons), key=lambda k: (updated(site, k), k), reverse=True)[:FEED_ENTRIES]
    feed = site.rel(FEED_PAGE, FEED)
    return Page(FEED_PAGE, "feed.md.j2", {
        "title": L["feed_title"],
        "feed": feed,
        "address": (site.site_url.rstrip("/") + "/records/" + FEED) if site.site_url else feed,
        "entries": [dict(item, detail=Raw("{} · {}").format(changed(site, k), site.lesson_status(c.lessons[k].record)))
                    for k, item in zip(lessons, site.lesson_items(FEED_PAGE, lessons, ordered=True))],
    })


def changed(site: Site, lesson_id: str) -> str:
    """The date the feed orders a lesson by, as its entry says it: when it
    was written, or when it was last reviewed ("herzien op 5 oktober 2024"),
    not the year a list of lessons shows: the order is then what is shown."""
    lesson = site.c.lessons[lesson_id].record
    day = updated(site, lesson_id)
    return f"{site.L['written_on' if day == lesson.date else 'reviewed_on']} {site.day(day)}"


def new_record_snippet(site: Site) -> str:
    """Links to the repository's editor with a new lesson or campaign in it,
    and what to do there (Markdown, included by a hand-written page)."""
    L = site.L
    lesson, campaign = site.new_record_url("lesson"), site.new_record_url("campaign")
    if lesson is None or campaign is None:
        return escape(L["no_browser_path"]) + "\n"
    return (f'<p class="handbook-action">{link(L["new_in_browser"], lesson)} · '
            f'{link(L["new_in_browser_campaign"], campaign)}</p>\n\n{escape(L["new_in_browser_help"])}\n')


def jobs(site: Site, only: set[str] | None) -> Iterable[Job]:
    if only is not None:
        return []
    made: list[Job] = [(HOME, lambda: home_page(site)), (FEED, lambda: Page(FEED, "", {}, raw=feed(site))),
                       (FEED_PAGE, lambda: feed_page(site)),
                       (NEW_RECORD, lambda: Page(NEW_RECORD, "", {}, raw=new_record_snippet(site)))]
    return made

