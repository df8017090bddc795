"""Findings of the health report as the rows of a backlog, in the site's
language: shared by the dashboard, its full lists and each person's page.

One row per item, with one link: to the record's page, where what the
finding is about stands in full (the learning goal, the review date, who
owns it) and editing is one click further. Then what is the matter, in words
without links, and who acts: each name once. The dashboard and a person's
page read who acts from the same `Item.who`, so they cannot disagree.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ...records.health import ACTOR, Item
from ...records.text import gist
from ..render import Raw, link
from .shared import SHOWN, Site, flag, record_path

# The full list of one kind of finding (the dashboard shows its first few),
# and of one person's items of one kind (their page shows the first few).
FINDINGS_FOLDER = "lists/findings"
TO_DO_FOLDER = "lists/to-do"
# Everyone with something to do, with how much (the dashboard shows the first few).
WHO_ACTS = "lists/who-acts.md"
# Rows the dashboard shows of each kind of finding, and people it shows in
# "who has what to do": the rest are on the full lists, which exist only
# beyond these (a list no page links to would be an orphan).
FIRST = 10
MOST_PEOPLE = 20
# Every campaign's balance of foundation and execution (the dashboard shows the newest).
BALANCE = "lists/level-balance.md"
BALANCE_SHOWN = 2 * FIRST
# The anchor of the to-do list on a person's page.
TO_DO_ANCHOR = "to-do"


def finding_list(name: str) -> str:
    return f"{FINDINGS_FOLDER}/{name}.md"


def to_do_list(person: str, name: str) -> str:
    return f"{TO_DO_FOLDER}/{person}/{name}.md"


def detail(site: Site, finding: str, item: Item) -> Any:
    """What a finding says of one record, in the site's language, as text:
    the row's one link is the record's."""
    L, facts = site.L, item.facts

    def day(text: str) -> str:
        return site.day(date.fromisoformat(text))

    if finding == "unanswered-goals":
        return facts["question"]
    if finding == "left-without-successor":
        person = site.c.people[facts["person"]].record
        return Raw("{}: {} ({} {}) {}").format(", ".join(L[role] for role in facts["roles"]), person.name,
                                               L["left_on"], site.day(person.left),
                                               flag(L["no_successor"], "critical"))
    if finding == "accounts-without-owner":
        return ", ".join(L[f"no_{role}"] for role in facts["missing"])
    if finding == "dormant-accounts":
        return site.names["platform"][facts["platform"]]
    if finding == "recurring-lessons":
        first = site.c.lessons[facts["chain"][0]].record
        return L["made_again"].format(times=len(facts["chain"]), year=first.date.year)
    if finding == "overdue-reviews":
        return f"{L['due_on']} {day(facts['date'])}" if facts["date"] else L["never_reviewed"]
    if finding == "campaigns-without-lessons":
        return f"{L['finished_on']} {day(facts['date'])}"
    if finding == "proposed-lessons":
        return f"{L['proposed_on']} {day(facts['date'])}"
    if finding == "open-handovers":
        return still_open(site, facts)
    if finding == "handovers-owed":
        return L["owed_detail"].format(records=site.counted("owed_records", facts["records"]),
                                       person=item.id, successor=facts["successor"])
    # A finding of its own kind: its date when it has one, else nothing more.
    return day(facts["date"]) if facts.get("date") else None


def still_open(site: Site, counts: dict[str, int]) -> str:
    """What a handover still asks, in a few words ("nog open: toegang tot 1
    account, 2 leerdoelen"), from its `Checklist.counts`."""
    parts = [site.counted(f"open_{part}", n) for part, n in counts.items() if n]
    return f"{site.L['still_open']}: {', '.join(parts)}"


def handover_parts(site: Site, person: str) -> list[str]:
    """Each thing the handover of `person` still asks, in words, as its page
    lists them: an account whose access has not moved, a learning goal no
    lesson answers (with its campaign), a review due (with when)."""
    c, L = site.c, site.L
    checklist = c.checklists[person]
    parts = []
    for account in checklist.open_access:
        record = c.accounts[account].record
        parts.append(f"{L['access_not_moved']}: {record.handle} ({site.names['platform'][record.platform]})")
    for cid, gid in checklist.goals:
        parts.append(f"{L['goal']}: {c.question(cid, gid)} ({c.campaigns[cid].record.title})")
    for kind, ident in checklist.reviews:
        review = c.review(kind, ident)
        parts.append(f"{site.title(kind, ident)}: " + (f"{L['due_on']} {site.day(review.due)}" if review.due
                                                        else f"{L['reviewed']}: {L['never_reviewed']}"))
    return parts


def who(site: Site, person: str | None) -> Raw:
    """Who acts on a row: a name, or a warning that nobody can be named."""
    if person is None:
        return flag(site.L["nobody_named"], "high")
    return Raw.escape(site.L["done_by"].format(name=site.person_name(person)))


def entry(site: Site, frm: str, finding: str, item: Item, named: bool = True) -> dict[str, Any]:
    """One row: the record (linked to its page, a campaign's at the learning
    goal concerned, a handover's at what it still asks), what is the
    matter, and who acts (`named`; on a person's own page they are who
    acts). A lesson's row says what the lesson says, as every list of
    lessons does."""
    address = site.rel(frm, record_path(item.kind, item.id))
    if finding == "unanswered-goals":
        address += f"#goal-{item.facts['goal']}"
    if finding == "open-handovers":
        address += f"#{TO_DO_ANCHOR}"  # what it still asks, first on its page
    said = detail(site, finding, item)
    title = link(site.title(item.kind, item.id), address)
    if named:
        said = Raw(" · ").join([part for part in (said, who(site, item.who)) if part])
    return {
        "link": title,
        "detail": said,
        "gist": gist(site.c.lessons[item.id].record.lesson) if item.kind == "lesson" else None,
    }


def capped(site: Site, frm: str, finding: str, items: list[Item], whole: str, named: bool = True,
           shown: int = SHOWN) -> dict[str, Any]:
    """The first `shown` rows, and when there are more, one link to the
    whole list (`whole`, paged) that holds every one of them."""
    more = None
    if len(items) > shown:
        more = link(site.L["and_more_all"].format(n=site.number(len(items) - shown), count=site.number(len(items))),
                    site.rel(frm, whole))
    return {"entries": [entry(site, frm, finding, item, named) for item in items[:shown]], "more": more,
            "total": len(items)}


def actor(site: Site, finding: str, manager: str | None) -> str:
    """Who acts on a kind of finding, as its heading says it: the manager
    by name; else the role, as each row names the person."""
    if ACTOR[finding] == "manager" and manager is not None:
        return site.L["actor_manager_named"].format(name=site.person_name(manager))
    return site.L[f"actor_{ACTOR[finding]}"]


def to_do_address(site: Site, frm: str, person: str) -> str:
    """A person's to-do list: on their own page."""
    return site.rel(frm, record_path("person", person)) + f"#{TO_DO_ANCHOR}"


def who_rows(site: Site, frm: str, people: list[tuple[str, int, str]]) -> list[list[Any]]:
    """A row per person with something to do (`Site.people_to_do`): their
    name, linked to their list; how many items; the most severe."""
    L = site.L
    return [[link(site.person_name(person), to_do_address(site, frm, person)), site.number(count),
             flag(L[f"severity_{severity}"], severity)] for person, count, severity in people]


def balance_rows(site: Site, frm: str, start: int, stop: int) -> list[dict[str, Any]]:
    """Rows `start` to `stop` of the balance of foundation and execution,
    per campaign, newest first (the dashboard shows the first, `BALANCE` all)."""
    c, balance = site.c, site.health.level_balance
    ordered = sorted(balance, key=lambda cid: (-c.campaigns[cid].record.period.start.toordinal(), cid))
    return [{"link": site.campaign_link(frm, cid), "foundation": balance[cid]["foundation"],
             "execution": balance[cid]["execution"]} for cid in ordered[start:stop]]
