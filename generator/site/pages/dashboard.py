"""The knowledge-health dashboard: a backlog to work. On one screen what is
wrong, how bad it is and who acts; then who has what to do (each person
linked to their list, on their own page); then each kind of finding, most
severe first, with what to do and its first rows, each naming who acts
(every row one link, to its record), and a link to the whole list."""

from __future__ import annotations

from typing import Any, Iterable

from ...records.health import BY_SEVERITY, SEVERITY, Report
from ...words.labels import format_number
from .findings import (BALANCE, BALANCE_SHOWN, FIRST, MOST_PEOPLE, WHO_ACTS, actor, balance_rows, capped, finding_list,
                       who_rows)
from ..render import link
from .shared import CHANNEL_CHART, COVERAGE_CHART, YEARS_CHART, Job, Page, Site

PATH = "dashboard.md"


def _headline(site: Site, key: str, value: float | None, previous: float | None) -> dict[str, Any]:
    L, year = site.L, site.c.today.year
    shown = "–" if value is None else format_number(value, site.language) + ("%" if key == "headline_answered" else "")
    change = None
    if previous is not None and value is not None:
        difference = value - previous
        sign = "+" if difference > 0 else "−" if difference < 0 else "±"
        change = f"{sign}{format_number(abs(difference), site.language)} {L['versus']} {year - 1}"
    return {"label": site.headline_label(key, value), "value": shown, "change": change,
            "url": _headline_target(site, key)}


def _headline_target(site: Site, key: str) -> str:
    """What a headline figure counts, as a link (as on the home page): the
    dashboard's own list of a finding, or the page that lists the year's
    lessons and campaigns, or the hires per year."""
    finding = {"headline_answered": "unanswered-goals", "headline_orphaned": "left-without-successor",
               "headline_overdue": "overdue-reviews"}.get(key)
    if finding is not None:
        return f"#{finding}"
    if key == "headline_hires":
        return site.rel(PATH, "figures.md") + "#by-year"
    year = site.c.today.year
    has_year = any(e.record.period.start.year == year for e in site.c.campaigns.values()) or any(
        e.record.date.year == year for e in site.c.lessons.values())
    return site.rel(PATH, f"timeline/{year}.md" if has_year else "timeline.md")


def dashboard_page(site: Site, health: Report) -> Page:
    """What to do first (the summary of findings), then the headline
    figures, each a link to what it counts: on a phone the six cards stood
    before what to do, 830 px down."""
    L = site.L
    sections = []
    for name in BY_SEVERITY:
        items = health.findings[name]
        sections.append({
            "anchor": name,
            "title": L[f"finding_{name}"],
            "count": len(items),
            "severity": SEVERITY[name],
            "severity_label": L[f"severity_{SEVERITY[name]}"],
            "actor": actor(site, name, health.manager),
            "action": L[f"action_{name}"],
            "rows": capped(site, PATH, name, items, finding_list(name), shown=FIRST),
        })
    people = site.people_to_do
    more_people = None
    if len(people) > MOST_PEOPLE:
        more_people = link(L["and_more_all"].format(n=site.number(len(people) - MOST_PEOPLE),
                                                    count=site.number(len(people))), site.rel(PATH, WHO_ACTS))
    platforms = sorted(health.accounts_per_platform, key=lambda p: site.names["platform"][p].casefold())
    balance = balance_rows(site, PATH, 0, BALANCE_SHOWN)
    balance_more = None
    if len(health.level_balance) > BALANCE_SHOWN:
        balance_more = link(L["and_more_all"].format(n=site.number(len(health.level_balance) - BALANCE_SHOWN),
                                                     count=site.number(len(health.level_balance))),
                            site.rel(PATH, BALANCE))
    return Page(PATH, "dashboard.md.j2", {
        "title": L["dashboard"],
        "as_of": health.today,
        "no_manager": health.manager is None,
        "headlines": [_headline(site, h.key, h.value, h.previous) for h in health.headlines],
        "sections": sections,
        "who": who_rows(site, PATH, people[:MOST_PEOPLE]),
        "who_more": more_people,
        "accounts": [
            {"platform": site.term_link(PATH, "platform", p),
             "active": health.accounts_per_platform[p]["active"],
             "dormant": health.accounts_per_platform[p]["dormant"],
             "archived": health.accounts_per_platform[p]["archived"]}
            for p in platforms
        ],
        "accounts_total": sum(sum(counts.values()) for counts in health.accounts_per_platform.values()),
        "balance": balance,
        "balance_more": balance_more,
        "charts": [
            {"src": site.rel(PATH, YEARS_CHART), "alt": L["chart_years_alt"]},
            {"src": site.rel(PATH, COVERAGE_CHART), "alt": L["chart_coverage_alt"]},
            {"src": site.rel(PATH, CHANNEL_CHART), "alt": L["chart_channels_alt"]},
        ],
        "hide": ["toc"],
    })


def jobs(site: Site, only: set[str] | None) -> Iterable[Job]:
    if only is not None:
        return []
    return [(PATH, lambda: dashboard_page(site, site.health))]
