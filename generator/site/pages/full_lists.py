"""The full lists: every record of one relation (the campaigns on a platform,
the lessons of an author, the records with a tag ...), a hundred to a page.
Other pages show the first few of such a list and link here; every record is
then at most a few clicks from an index page, however large the handbook."""

from __future__ import annotations

from functools import partial
from typing import Iterable

from ..render import Raw, link
from .shared import PAGE_SIZE, Job, Page, Site, list_path, numbered, pages_of
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
        "intro": Raw("{} · {}").format(back, site.counted(f"total_{kind}", len(ids))),
        "entries": site.entries(path, relation, ids, start, start + PAGE_SIZE),
        "pager_links": site.pager(first, number, len(ids)),
    })


def jobs(site: Site, only: set[str] | None) -> Iterable[Job]:
    if only is not None:
        return []
    made: list[Job] = []
    for relation, key in site.full_lists():
        first = list_path(relation, key)
        for number in range(1, pages_of(len(site.members(relation, key))) + 1):
            made.append((numbered(first, number), partial(full_list_page, site, relation, key, number)))
    return made

