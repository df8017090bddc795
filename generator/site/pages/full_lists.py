"""The full lists: every record of one relation (the campaigns on a platform,
the lessons of an author, the records with a tag ...), a hundred to a page.
Other pages show the first few of such a list and link here; every record is
then at most a few clicks from an index page, however large the handbook.

So are the backlog's: every item of one kind of finding (the dashboard shows
the first few), everyone with something to do, and one person's items of
one kind (their page shows the first few): every "and N more" leads to a
list that holds them all."""

from __future__ import annotations

from functools import partial
from typing import Iterable

from ...records.health import SEVERITY
from ..render import Raw, link
from .findings import (BALANCE, BALANCE_SHOWN, FIRST, MOST_PEOPLE, WHO_ACTS, balance_rows, entry, finding_list,
                       to_do_address, to_do_list, who_rows)
from .shared import PAGE_SIZE, SHOWN, Job, Page, Site, flag, list_path, numbered, pages_of
from ...records.relations import CAMPAIGNS_OF_RECRUITMENT, LESSONS_OF_LEVEL, LESSONS_OF_STATUS, Relation, vocabulary_of


def subject(site: Site, frm: str, relation: Relation, key: str) -> tuple[str, Raw]:
    """What a list is of: its name, and a link to its own page."""
    c, L = site.c, site.L
    if vocabulary_of(relation) is not None:
        return site.names[relation.subject][key], site.term_link(frm, relation.subject, key)
    if relation.subject == "year":
        return key, link(key, site.rel(frm, "campaigns/index.md") + f"#{key}")
    if relation.subject == "person":
        return site.person_name(key), site.record_link(frm, "person", key)
    if relation.subject == "campaign":
        return c.title("campaign", key), site.campaign_link(frm, key)
    if relation.subject == "lesson":
        return c.title("lesson", key), site.lesson_link(frm, key)
    # recruitment, level, status: a value of the records themselves
    return L[key], link(L[key], site.rel(frm, LIST_OF_VALUE[relation]) + f"#{key}")


# Where the lists by a value of the records themselves live.
LIST_OF_VALUE = {
    CAMPAIGNS_OF_RECRUITMENT: "lists/campaigns-by-recruitment.md",
    LESSONS_OF_LEVEL: "lessons/index.md",
    LESSONS_OF_STATUS: "lists/lessons-by-status.md",
}


def full_list_page(site: Site, relation: Relation, key: str, number: int) -> Page:
    L = site.L
    first = list_path(relation, key)
    path = numbered(first, number)
    ids = site.members(relation, key)
    kind = relation.records
    name, back = subject(site, path, relation, key)
    start = (number - 1) * PAGE_SIZE
    return Page(path, "collection.md.j2", {
        "title": L[relation.title_label].format(name=name),
        "intro": Raw("{} · {}{}").format(back, site.counted(f"total_{kind}", len(ids)),
                                         f". {L['lessons_order']}" if kind == "lessons" and len(ids) > 1 else ""),
        "entries": site.entries(path, relation, ids, start, start + PAGE_SIZE),
        "pager_links": site.pager(first, number, len(ids)),
    })


def finding_page(site: Site, name: str, person: str | None, number: int) -> Page:
    """Page `number` of every item of finding `name` (`person`: theirs only),
    each row as the dashboard shows it."""
    L = site.L
    if person is None:
        items, first, named = site.health.findings[name], finding_list(name), True
    else:
        items, first, named = site.to_do(person)[name], to_do_list(person, name), False
    path = numbered(first, number)
    if person is None:
        back = link(L["dashboard"], site.rel(path, "dashboard.md") + f"#{name}")
    else:
        back = link(site.person_name(person), to_do_address(site, path, person))
    start = (number - 1) * PAGE_SIZE
    return Page(path, "collection.md.j2", {
        "title": L[f"finding_{name}"] if person is None else f"{L[f'finding_{name}']}: {site.person_name(person)}",
        "intro": Raw("{} · {} · {} {}").format(back, L["total_found"].format(count=site.number(len(items))),
                                               flag(L[f"severity_{SEVERITY[name]}"], SEVERITY[name]),
                                               L[f"action_{name}"]),
        "entries": [entry(site, path, name, item, named) for item in items[start:start + PAGE_SIZE]],
        "pager_links": site.pager(first, number, len(items)),
    })


def who_acts_page(site: Site, number: int) -> Page:
    """Page `number` of everyone with something to do, as the dashboard lists its first few."""
    L = site.L
    path = numbered(WHO_ACTS, number)
    people = site.people_to_do
    start = (number - 1) * PAGE_SIZE
    return Page(path, "table.md.j2", {
        "title": L["who_does_what"],
        "intro": Raw("{} · {}").format(link(L["dashboard"], site.rel(path, "dashboard.md") + "#who"),
                                       site.counted("total_people", len(people))),
        "columns": [L["who_acts"], L["how_many"], L["most_severe"]],
        "secondary": [],
        "rows": who_rows(site, path, people[start:start + PAGE_SIZE]),
        "pager_links": site.pager(WHO_ACTS, number, len(people)),
        "hide": ["toc"],
    })


def balance_page(site: Site, number: int) -> Page:
    """Page `number` of every campaign's balance of foundation and
    execution, as the dashboard shows its newest."""
    L = site.L
    path = numbered(BALANCE, number)
    start = (number - 1) * PAGE_SIZE
    return Page(path, "table.md.j2", {
        "title": L["level_balance"],
        "intro": Raw("{} · {}").format(link(L["dashboard"], site.rel(path, "dashboard.md") + "#balance"),
                                       L["level_balance_intro"]),
        "columns": [L["campaign"], L["foundation"], L["execution"]],
        "secondary": [],
        "rows": [[row["link"], row["foundation"], row["execution"]]
                 for row in balance_rows(site, path, start, start + PAGE_SIZE)],
        "pager_links": site.pager(BALANCE, number, len(site.health.level_balance)),
        "hide": ["toc"],
    })


def _paged(first: str, count: int, make) -> list[Job]:
    return [(numbered(first, number), partial(make, number)) for number in range(1, pages_of(count) + 1)]


def jobs(site: Site, only: set[str] | None) -> Iterable[Job]:
    if only is not None:
        return []
    made: list[Job] = []
    for relation, key in site.full_lists():
        first = list_path(relation, key)
        for number in range(1, pages_of(len(site.members(relation, key))) + 1):
            made.append((numbered(first, number), partial(full_list_page, site, relation, key, number)))
    # Only the lists a page links to: the dashboard's beyond its first rows, a person's beyond theirs.
    for name, items in site.health.findings.items():
        if len(items) > FIRST:
            made += _paged(finding_list(name), len(items), partial(finding_page, site, name, None))
    if len(site.health.level_balance) > BALANCE_SHOWN:
        made += _paged(BALANCE, len(site.health.level_balance), partial(balance_page, site))
    if len(site.people_to_do) > MOST_PEOPLE:
        made += _paged(WHO_ACTS, len(site.people_to_do), partial(who_acts_page, site))
    for person, _, _ in sorted(site.people_to_do):
        for name, items in site.to_do(person).items():
            if len(items) > SHOWN:
                made += _paged(to_do_list(person, name), len(items), partial(finding_page, site, name, person))
    return made

