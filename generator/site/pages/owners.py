"""A page per owner ("Wat ik beheer"): what needs doing, by the findings of
the health report; what to hand over before leaving; and everything the
person owns. Linked from their person page and from the dashboard."""

from __future__ import annotations

from functools import partial
from typing import Any, Iterable

from ...records.health import ACTOR, BY_SEVERITY, SEVERITY
from .findings import entry
from .shared import Job, Page, Site, owner_path, record_path
from ...records.relations import (ACCOUNTS_BACKED_UP_BY, ACCOUNTS_OWNED_BY, CAMPAIGNS_RUN_BY, CAMPAIGNS_SECURED_BY,
                                 GUIDELINES_OWNED_BY, LESSONS_BY_AUTHOR)


def owned(site: Site, person: str) -> list[tuple[str, list[dict[str, Any]]]]:
    """(label, entries) of everything `person` owns, in a fixed order."""
    frm = owner_path(person)
    groups = [
        ("secures_campaigns", site.capped(frm, CAMPAIGNS_SECURED_BY, person)),
        ("ran_campaigns", site.capped(frm, CAMPAIGNS_RUN_BY, person)),
        ("wrote_lessons", site.capped(frm, LESSONS_BY_AUTHOR, person)),
        ("owns_guidelines", site.capped(frm, GUIDELINES_OWNED_BY, person)),
        ("owns_accounts", site.capped(frm, ACCOUNTS_OWNED_BY, person)),
        ("backs_up_accounts", site.capped(frm, ACCOUNTS_BACKED_UP_BY, person)),
    ]
    return [(key, items) for key, items in groups if items["total"]]


def owners(site: Site) -> list[str]:
    """Everyone: every person page links to what that person owns."""
    return sorted(site.c.people)


def owner_page(site: Site, person: str) -> Page:
    c, L = site.c, site.L
    path = owner_path(person)
    record = c.people[person].record
    todo = []
    for name in BY_SEVERITY:
        items = site.findings_of(person).get(name, [])
        if items:
            todo.append({
                "title": L[f"finding_{name}"],
                "severity": SEVERITY[name],
                "severity_label": L[f"severity_{SEVERITY[name]}"],
                "actor": L[f"actor_{ACTOR[name]}"],
                "action": L[f"action_{name}"],
                "entries": [entry(site, path, name, item) for item in items],
            })
    groups = owned(site, person)
    if record.left is not None:
        handover = L["handover_left"] if record.successor else L["handover_left_alone"]
    else:
        handover = L["handover_staying"]
    return Page(path, "owner.md.j2", {
        "title": L["owner_page_title"].format(name=record.name),
        "person": site.person(path, person),
        "person_page": site.rel(path, record_path("person", person)),
        "left": record.left,
        "successor": site.person(path, record.successor) if record.successor else None,
        "todo": todo,
        "handover": handover,
        "groups": [{"label": L[key], "entries": items} for key, items in groups],
        "tags": [],
        "hide": ["toc"] if not todo else [],
    })


def jobs(site: Site, only: set[str] | None) -> Iterable[Job]:
    if only is not None:
        return []
    return [(owner_path(person), partial(owner_page, site, person)) for person in owners(site)]
