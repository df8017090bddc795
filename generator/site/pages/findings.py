"""Findings of the health report as list entries, in the site's language:
shared by the dashboard and the owners' pages."""

from __future__ import annotations

from datetime import date
from typing import Any

from ...records.health import Item
from ..render import Raw, join, link
from .shared import Site, flag, owner_path, record_path


def detail(site: Site, frm: str, finding: str, facts: dict[str, Any]) -> Any:
    """What a finding says of one record, in the site's language."""
    L = site.L

    def day(text: str) -> str:
        return site.day(date.fromisoformat(text))

    if finding == "unanswered-goals":
        return facts["question"]
    if finding == "left-without-successor":
        return f"{', '.join(L[role] for role in facts['roles'])}: {site.person_name(facts['person'])}"
    if finding == "accounts-without-owner":
        return ", ".join(L[f"no_{role}"] for role in facts["missing"])
    if finding == "dormant-accounts":
        return site.names["platform"][facts["platform"]]
    if finding == "recurring-lessons":
        return join([site.lesson_link(frm, lesson) for lesson in facts["chain"]], " → ")
    if finding == "overdue-reviews":
        return f"{L['due_on']} {day(facts['date'])}" if facts["date"] else L["never_reviewed"]
    if finding == "campaigns-without-lessons":
        return f"{L['finished_on']} {day(facts['date'])}"
    # A finding of its own kind: its date when it has one, else what the item says.
    return day(facts["date"]) if facts.get("date") else None


def entry(site: Site, frm: str, finding: str, item: Item) -> dict[str, Any]:
    """One finding about one record: its link, what is the matter, who owns
    it (linked to what they own) and where to edit it."""
    owner = None
    if item.owner is not None and item.owner in site.c.people:
        owner = link(site.person_name(item.owner), site.rel(frm, owner_path(item.owner)))
        person = site.c.people[item.owner].record
        if person.left is not None:  # an action for someone who left: say so, and who took over
            successor = person.successor
            owner = Raw("{} ({} {})").format(owner, site.L["left_on"], site.day(person.left)) if successor else \
                Raw("{} {}").format(owner, flag(site.L["no_successor"], "critical"))
            if successor:
                owner = Raw("{} → {}").format(owner, link(site.person_name(successor),
                                                          site.rel(frm, owner_path(successor))))
    return {
        "link": link(site.title(item.kind, item.id), site.rel(frm, record_path(item.kind, item.id))),
        "detail": detail(site, frm, finding, item.facts),
        "owner": owner,
        "edit": site.source_of(item.path)["edit_url"],
    }
