"""The full lists: every record of one relation (the campaigns on a platform,
the lessons of an author, the records with a tag ...), a hundred to a page.
Other pages show the first few of such a list and link here; every record is
then at most a few clicks from an index page, however large the handbook."""

from __future__ import annotations

from functools import partial
from typing import Iterable

from ..render import Raw, link
from .shared import FULL_LISTS, PAGE_SIZE, Job, Page, Site, list_path, numbered, pages_of, tag_path


def subject(site: Site, frm: str, relation: str, key: str) -> tuple[str, Raw]:
    """What a list is of: its name, and a link to its own page."""
    c, L = site.c, site.L
    about = relation.rpartition("-")[2]
    if about == "platform":
        return site.platform_names[key], site.platform_link(frm, key)
    if about == "channel":
        return site.channel_names[key], site.channel_link(frm, key)
    if about == "scenario":
        return site.scenario_names[key], site.scenario_link(frm, key)
    if about == "tag":
        return site.tag_names[key], link(site.tag_names[key], site.rel(frm, tag_path(key)))
    if about == "year":
        return key, link(key, site.rel(frm, "campaigns/index.md") + f"#{key}")
    if relation in ("campaigns-run-by", "campaigns-secured-by", "lessons-by-author", "accounts-owned-by",
                    "accounts-backed-up-by", "guidelines-owned-by"):
        return site.person_name(key), site.record_link(frm, "person", key)
    if relation == "lessons-of-campaign":
        return c.title("campaign", key), site.campaign_link(frm, key)
    if relation in ("recurred-by", "supersedes"):
        return c.title("lesson", key), site.lesson_link(frm, key)
    # recruitment, level, status: a value of the records themselves
    return L[key], link(L[key], site.rel(frm, LIST_OF_VALUE[relation]) + f"#{key}")


# Where the lists by a value of the records themselves live.
LIST_OF_VALUE = {
    "campaigns-of-recruitment": "lists/campaigns-by-recruitment.md",
    "lessons-of-level": "lessons/index.md",
    "lessons-of-status": "lists/lessons-by-status.md",
}


def full_list_page(site: Site, relation: str, key: str, number: int) -> Page:
    L = site.L
    first = list_path(relation, key)
    path = numbered(first, number)
    ids = site.members(relation, key)
    kind = FULL_LISTS[relation]
    name, back = subject(site, path, relation, key)
    start = (number - 1) * PAGE_SIZE
    return Page(path, "collection.md.j2", {
        "title": L[f"list_{relation.replace('-', '_')}"].format(name=name),
        "intro": Raw("{} · {}").format(back, L[f"total_{kind}"].format(count=site.number(len(ids)))),
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

