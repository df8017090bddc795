"""The page of each handover (`data/handovers/<person>.yml`): who left, who
took over and when, what moved, and the checklist that goes with it, as the
catalog works it out (`catalog.Checklist`): the accounts whose passwords,
two-factor device and admin rights are still to move, the learning goals
of the leaver's campaigns that no lesson answers yet, and the reviews of
what moved that were due at the handover. The leaver's page links here;
the dashboard too, while anything is open (the finding `open-handovers`)."""

from __future__ import annotations

from functools import partial
from typing import Any, Iterable

from ...records.catalog import Entry
from ..render import Raw, link
from .findings import TO_DO_ANCHOR
from .shared import Job, Page, Site, flag, record_path, wanted

# What moved, grouped as a person's page groups what they hold: by the
# kind of record and the field that named them (every `Responsibility`).
MOVED_GROUPS = {("campaign", "knowledge_owner"): "secures_campaigns", ("guideline", "owner"): "owns_guidelines",
                ("account", "owner"): "owns_accounts", ("account", "backup_owner"): "backs_up_accounts"}


def handover_page(site: Site, entry: Entry) -> Page:
    c, L = site.c, site.L
    checklist = c.checklists[entry.id]
    path = record_path("handover", entry.id)
    leaver = c.people[entry.id].record if entry.id in c.people else None
    # Who takes the access over now: the successor, or, when they left in
    # turn, whoever holds their work (the checklist is theirs to finish).
    holder = checklist.successor
    if holder in c.people and c.people[holder].record.left is not None:
        holder = c.taken_over_by(holder) or holder
    name = site.person_name(holder)
    access = dict(checklist.access)
    groups = []
    for (kind, field), label in MOVED_GROUPS.items():
        ids = [ident for moved_kind, ident, moved_field in checklist.moved if (moved_kind, moved_field) == (kind, field)]
        if not ids:
            continue
        if kind == "account":
            entries = site.account_items(path, ids)
            for ident, item in zip(sorted(ids), entries):
                item["detail"] = Raw("{} · {}").format(item["detail"], _access_state(site, access.get(ident, False)))
        else:
            entries = {"campaign": site.campaign_items, "guideline": site.guideline_items}[kind](path, ids)
        groups.append({"label": L[label], "entries": entries})
    accounts = site.account_items(path, checklist.open_access)
    for item in accounts:
        item["detail"] = Raw("{} · {}").format(item["detail"], _access_state(site, None))
    goals = [{"link": link(c.question(cid, gid), site.url(path, "campaign", cid, f"goal-{gid}")),
              "detail": c.campaigns[cid].record.title} for cid, gid in checklist.goals]
    reviews = []
    for kind, ident in checklist.reviews:
        review = c.review(kind, ident)
        reviews.append({"link": site.term_link(path, "platform", ident) if kind == "guideline"
                        else site.record_link(path, kind, ident),
                        "detail": f"{L['due_on']} {site.day(review.due)}" if review.due
                        else f"{L['reviewed']}: {L['never_reviewed']}"})
    leaver_name = leaver.name if leaver is not None else entry.id
    return Page(path, "handover.md.j2", {
        # Found from the people, where the leaver's page links here: the menu marks that section too.
        "crumbs": site.crumbs(path, "people/index.md", L["people"], f"{L['handover']} · {checklist.day.year}"),
        "section": site.from_home("people/index.md"),
        "filters": site.filters("handover", year=checklist.day.year),
        "id": entry.id,
        "title": L["handover_of"].format(name=leaver_name),
        "who_left": site.person(path, entry.id),
        "who_took_over": site.person(path, checklist.successor),
        "day": checklist.day,
        "open": checklist.open,
        "to_do_anchor": TO_DO_ANCHOR,
        "access": accounts,
        "access_intro": L["handover_access_intro"].format(name=name, edit=L["edit"]),
        "goals": goals,
        "goals_intro": L["handover_goals_intro"].format(name=leaver_name),
        "reviews": reviews,
        "moved": groups,
        "moved_count": len(checklist.moved),
        "body": entry.record.body,
        "source": site.source(entry),
    })


def _access_state(site: Site, moved: Any) -> Raw:
    """Whether an account's access has moved: the day, or a flag that it has not."""
    if moved:
        return Raw.escape(site.L["access_moved_on"].format(day=site.day(moved)))
    return flag(site.L["access_not_moved"], "high")


def jobs(site: Site, only: set[str] | None) -> Iterable[Job]:
    for ident, entry in sorted(site.c.handovers.items()):
        if wanted(only, entry):
            yield record_path("handover", ident), partial(handover_page, site, entry)
