"""What each person must do, as the GitHub issue that reminds them.

The to-dos are the ones the dashboard and each person's page give them
(`Site.to_do`, from the findings and `health.who_acts`), so a reminder
never asks someone for more, or less, than their page shows; and beside
them the reviews that fall due within `UPCOMING_DAYS`, which no finding
holds yet, given by the same rule as an overdue review (`who_acts`).

One issue per person with a GitHub account (`github:` in their record),
assigned to it; everyone else's to-dos in one issue for the manager, who
passes them on. Each issue carries a hidden marker with whom it is for, so
the next run finds it again (`github`). Written in the site's language;
record text is escaped, so nothing in a record becomes a link, a heading
or a mention in the issue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from urllib.parse import quote

from ..project.settings import Settings
from ..records.catalog import SOON, Catalog
from ..records.health import BY_SEVERITY, SEVERITY, Item, who_acts
from ..site.pages.findings import TO_DO_ANCHOR, detail, handover_parts, to_do_list
from ..site.pages.shared import SHOWN, Site, record_path

# A review is announced this long before it falls due: the workflow runs
# every week, so an owner hears of it four times before it is overdue, and
# the shortest review interval (a month) is never announced before the
# last review was done. (A handover's checklist asks for the reviews due as
# soon after it.)
UPCOMING_DAYS = SOON.days
# The to-dos that are no finding (yet): reviews due within UPCOMING_DAYS.
UPCOMING = "upcoming-reviews"
UPCOMING_SEVERITY = "low"

# Whom an issue is for, hidden in its body: a person id, or WITHOUT_ACCOUNT
# for the manager's issue of everyone without a GitHub account ('@' is in
# no id, so no person's marker can be that one).
WITHOUT_ACCOUNT = "@manager"
MARKER = "<!-- handbook-remind: {} -->"
MARKER_PATTERN = re.compile(r"^<!-- handbook-remind: (@manager|[a-z0-9]+(?:-[a-z0-9]+)*) -->$", re.MULTILINE)

# GitHub refuses an issue body over 65,536 characters: a longer reminder
# lists fewer items of each kind (the site has them all), and in the end
# is cut.
BODY_LIMIT = 60_000
# How many items of one kind an issue lists, tried in turn until the body fits.
SHOWN_STEPS = (SHOWN, 5, 3, 1, 0)
# Record text in an issue, at most (a title may be 2,000 characters).
TEXT_LIMIT = 200


@dataclass(frozen=True)
class Task:
    """One thing a person must do: the record, why, and where to do it."""

    person: str  # who acts
    finding: str  # a name of `health.FINDINGS`, or UPCOMING
    severity: str
    kind: str
    id: str
    path: str  # the record's file
    title: str
    why: str
    page: str  # the record's page on the site: a full address, or its path without `site_url`
    edit: str | None  # the record's file in the repository's web editor
    parts: tuple[str, ...] = ()  # what it asks, one thing a line (a handover's open checklist), in words

    def as_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Reminder:
    """One issue: whom it is for (None: the manager's issue for everyone
    without a GitHub account), the login to assign, what it says."""

    person: str | None
    login: str | None
    title: str
    body: str
    tasks: list[Task] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.person or WITHOUT_ACCOUNT

    @property
    def marker(self) -> str:
        return MARKER.format(self.key)

    def as_json(self) -> dict[str, Any]:
        return {"person": self.person, "login": self.login, "title": self.title, "body": self.body,
                "marker": self.marker, "items": [task.as_json() for task in self.tasks]}


def site_of(catalog: Catalog, settings: Settings) -> Site:
    """The catalog as the site of `settings` shows it (its language, its
    addresses, its manager): what the dashboard reads too."""
    return Site(catalog, settings.language, settings.source_url, settings.directory_urls,
                site_url=settings.site_url, site_name=settings.site_name, manager=settings.manager)


def reminders(site: Site) -> list[Reminder]:
    """Everyone's reminder: one issue for each person with a GitHub account
    and something to do, most to do first as the dashboard lists them; then
    the manager's issue of everyone else's, when there is any."""
    tasks = to_dos(site)
    own, others = [], {}
    for person, theirs in tasks.items():
        login = site.c.people[person].record.github
        if login is not None:
            own.append(Reminder(person, login, *_issue(site, person, theirs), theirs))
        else:
            others[person] = theirs
    if others:
        manager = site.health.manager
        login = site.c.people[manager].record.github if manager is not None else None
        everyone = [task for theirs in others.values() for task in theirs]
        own.append(Reminder(None, login, *_without_account(site, manager, others), everyone))
    return own


def to_dos(site: Site, days: int = UPCOMING_DAYS) -> dict[str, list[Task]]:
    """person -> what they must do: first what the dashboard gives them
    (`Site.to_do`), most severe first, then the reviews due within `days`;
    in the order of the dashboard's list of who has what to do."""
    upcoming = _upcoming(site, days)
    order = [person for person, _, _ in site.people_to_do]
    order += sorted(set(upcoming) - set(order), key=lambda p: (site.person_name(p).casefold(), p))
    found = {}
    for person in order:
        theirs = site.to_do(person)
        found[person] = [_task(site, person, name, item) for name in BY_SEVERITY for item in theirs.get(name, [])]
        found[person] += [_task(site, person, UPCOMING, item) for item in upcoming.get(person, [])]
    return found


def _upcoming(site: Site, days: int) -> dict[str, list[Item]]:
    """The reviews that fall due within `days` after the build date, by who
    acts on them: whom an overdue review would go to (`who_acts`)."""
    c = site.c
    soon = c.today + timedelta(days=days)
    found: dict[str, list[Item]] = {}
    for kind in ("lesson", "guideline", "account"):
        for ident, entry in sorted(c.of_kind(kind).items()):
            review = c.review(kind, ident)
            if review.overdue or review.due is None or not c.today <= review.due <= soon:
                continue
            owner = entry.record.author if kind == "lesson" else entry.record.owner
            item = Item(kind, ident, entry.path, "", owner, {"date": str(review.due)})
            person = who_acts(c, "overdue-reviews", item, site.health.manager)
            if person is not None:
                found.setdefault(person, []).append(item)
    for items in found.values():
        items.sort(key=lambda item: (item.facts["date"], item.kind, item.id))
    return found


def _task(site: Site, person: str, finding: str, item: Item) -> Task:
    page = site.from_home(record_path(item.kind, item.id))
    if finding == "unanswered-goals":
        page += f"#goal-{item.facts['goal']}"
    if finding == "open-handovers":
        page += f"#{TO_DO_ANCHOR}"
    return Task(person, finding, SEVERITY.get(finding, UPCOMING_SEVERITY), item.kind, item.id, item.path,
                site.title(item.kind, item.id), _why(site, finding, item), _address(site, page),
                site.source_of(item.path)["edit_url"],
                tuple(handover_parts(site, item.id)) if finding == "open-handovers" else ())


def _why(site: Site, finding: str, item: Item) -> str:
    """What is the matter, in words, as the dashboard's row says it (without its markup)."""
    L = site.L
    if finding == UPCOMING:
        return f"{L['due_on']} {site.day(date.fromisoformat(item.facts['date']))}"
    if finding == "left-without-successor":
        person = site.c.people[item.facts["person"]].record
        roles = ", ".join(L[role] for role in item.facts["roles"])
        return f"{roles}: {person.name} ({L['left_on']} {site.day(person.left)}), {L['no_successor']}"
    said = detail(site, finding, item)
    return "" if said is None else str(said)


def _address(site: Site, path: str) -> str:
    """A page's address: in full where the site's address is known."""
    return f"{site.site_url.rstrip('/')}/{path}" if site.site_url else path


def _to_do_address(site: Site, person: str, finding: str, count: int) -> str:
    """Where all of a person's items of one kind are: their page, or the
    whole list when their page shows only the first (as the page links it)."""
    if finding != UPCOMING and count > SHOWN:
        return _address(site, site.from_home(to_do_list(person, finding)))
    return _address(site, site.from_home(record_path("person", person)) + f"#{TO_DO_ANCHOR}")


# --- the text of an issue ---------------------------------------------------------

# What Markdown (GitHub's) reads as markup within a line: escaped in record
# text, so a title cannot make a link, an image, emphasis, HTML or a table.
# '@' is followed by a zero-width space (as an entity, in the issue only),
# so a record naming '@someone' does not notify them.
_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|~&])")


def text(value: str, limit: int = TEXT_LIMIT) -> str:
    """Record text as inert Markdown on one line, shortened."""
    value = " ".join(value.split())
    if len(value) > limit:
        value = value[: limit - 1].rstrip() + "…"
    return _MARKDOWN.sub(r"\\\1", value).replace("@", "@&#8203;")


def _link(label: str, address: str | None) -> str:
    """A Markdown link; without a full address, the path as code."""
    if address is None:
        return label
    if not address.startswith(("https://", "http://")):
        return f"{label} (`{address}`)"
    return f"[{label}]({quote(address, safe=':/#?=&%~+,@!$;*')})"


def _items(site: Site, person: str, tasks: list[Task], shown: int, level: str) -> list[str]:
    """One person's tasks, a section per kind: its title and count, what to
    do, and the first `shown` tasks, each with its link, why and edit link."""
    L, lines = site.L, []
    for finding in [*BY_SEVERITY, UPCOMING]:
        of_kind = [task for task in tasks if task.finding == finding]
        if not of_kind:
            continue
        if finding == UPCOMING:
            title, action = site.counted("remind_upcoming", UPCOMING_DAYS), L["remind_upcoming_action"]
        else:
            title, action = L[f"finding_{finding}"], L[f"action_{finding}"]
        lines += ["", f"{level} {title} ({site.number(len(of_kind))})", "", action, ""]
        for task in of_kind[:shown]:
            edit = f" · {_link(L['remind_edit'], task.edit)}" if task.edit else ""
            why = f" — {text(task.why)}" if task.why else ""
            lines.append(f"- {L[task.kind]}: {_link(text(task.title), task.page)}{why}{edit}")
            lines += [f"  - {text(part)}" for part in task.parts]
        if len(of_kind) > shown:
            more = L["and_more_all"].format(n=site.number(len(of_kind) - shown), count=site.number(len(of_kind)))
            lines.append(f"- {_link(more, _to_do_address(site, person, finding, len(of_kind)))}")
    return lines


def _fit(make) -> str:
    """The longest body GitHub takes: fewer items of each kind until it
    fits, then cut at a line, saying so."""
    for shown in SHOWN_STEPS:
        body = make(shown)
        if len(body) <= BODY_LIMIT:
            return body
    cut = body[:BODY_LIMIT].rpartition("\n")[0]
    return cut + "\n\n…\n"


def _issue(site: Site, person: str, tasks: list[Task]) -> tuple[str, str]:
    """The title and body of one person's reminder."""
    L, name = site.L, site.person_name(person)
    title = L["remind_title"].format(things=site.counted("remind_things", len(tasks)), name=name)
    page = _address(site, site.from_home(record_path("person", person)) + f"#{TO_DO_ANCHOR}")

    def make(shown: int) -> str:
        lines = [MARKER.format(person), L["remind_hello"].format(name=text(name)), "",
                 L["remind_intro"].format(things=site.counted("remind_things", len(tasks)),
                                          date=site.day(site.c.today)), "",
                 L["remind_your_page"].format(page=_link(text(name), page), days=UPCOMING_DAYS)]
        lines += _items(site, person, tasks, shown, "###")
        lines += ["", "---", "", L["remind_footer"]]
        return "\n".join(lines) + "\n"

    return title, _fit(make)


def _without_account(site: Site, manager: str | None, others: dict[str, list[Task]]) -> tuple[str, str]:
    """The title and body of the manager's issue: the to-dos of everyone
    without a GitHub account, a section per person."""
    L = site.L
    count = sum(map(len, others.values()))
    people = site.counted("remind_people", len(others))
    title = L["remind_title_without_account"].format(things=site.counted("remind_things", count), people=people)

    def make(shown: int) -> str:
        greeting = (L["remind_hello"].format(name=text(site.person_name(manager))) if manager is not None
                    else L["remind_hello_nobody"])
        lines = [MARKER.format(WITHOUT_ACCOUNT), greeting, "",
                 site.counted("remind_without_account_intro", len(others), date=site.day(site.c.today))]
        if manager is None:
            lines += ["", L["remind_no_manager"]]
        for person, tasks in others.items():
            name = text(site.person_name(person))
            page = _address(site, site.from_home(record_path("person", person)) + f"#{TO_DO_ANCHOR}")
            lines += ["", f"## {name}: {site.counted('remind_things', len(tasks))}", "",
                      L["remind_their_page"].format(page=_link(name, page), days=UPCOMING_DAYS)]
            lines += _items(site, person, tasks, shown, "###")
        lines += ["", "---", "", L["remind_footer"]]
        return "\n".join(lines) + "\n"

    return title, _fit(make)


def marker_of(body: str) -> str | None:
    """Whom an issue's body says it is for (its marker), or None."""
    found = MARKER_PATTERN.search(body or "")
    return found.group(1) if found else None
