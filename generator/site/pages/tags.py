"""The tags: an index of every tag in the taxonomy, and a page per tag with
the records that carry it, kind by kind (the first few of each, and a link
to all of them)."""

from __future__ import annotations

from functools import partial
from typing import Iterable

from .shared import Job, Page, Site, tag_path

# The kinds of record a tag can be on, in the order a tag's page shows them.
KINDS = (("campaigns", "campaigns-of-tag"), ("lessons", "lessons-of-tag"), ("guidelines", "guidelines-of-tag"),
         ("accounts", "accounts-of-tag"), ("people", "people-of-tag"))


def tag_index(site: Site) -> Page:
    c, L, path = site.c, site.L, "tags/index.md"
    tags = sorted(site.tag_names, key=lambda k: (site.tag_names[k].casefold(), k))
    return Page(path, "table.md.j2", {
        "title": L["tags"], "intro": L["all_tags_intro"],
        "columns": [L["tag"]] + [L[kind] for kind, _ in KINDS],
        "secondary": [3, 4, 5],
        "hide": ["toc"],
        "search_exclude": True,
        "rows": [[site.tag_link(path, tag)] + [len(c.of(relation, tag)) for _, relation in KINDS] for tag in tags],
    })


def tag_page(site: Site, tag: str) -> Page:
    L, path = site.L, tag_path(tag)
    sections = []
    for kind, relation in KINDS:
        capped = site.capped(path, relation, tag)
        if capped["total"]:
            sections.append({"label": L[kind], "list": capped})
    return Page(path, "tag.md.j2", {
        "title": f"{L['tag']}: {site.tag_names[tag]}",
        "description": site.c.taxonomy.tags[tag].description,
        "tag_id": tag,
        "index": site.rel(path, "tags/index.md"),
        "sections": sections,
    })


def jobs(site: Site, only: set[str] | None) -> Iterable[Job]:
    if only is not None:
        return []
    made: list[Job] = [("tags/index.md", partial(tag_index, site))]
    made += [(tag_path(tag), partial(tag_page, site, tag)) for tag in sorted(site.tag_names)]
    return made
