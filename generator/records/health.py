"""Knowledge health and return on investment, worked out from the catalog.

What the handbook exists for (seed 001): organisations repeat their mistakes
because lessons are drawn at the wrong level or never secured, and knowledge
leaves with people. The findings below make that visible; the figures answer
where hires really come from, at what cost (seeds 002, 003). Every verdict
is read from the catalog (relative to the build date, never to the clock);
this module only gathers them into findings.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from .catalog import Catalog
from ..words.labels import LABELS
from ..words.messages import FIELD_NAMES, say, say_counted
from .relations import CAMPAIGNS_OF_YEAR, LESSONS_OF_CAMPAIGN, LESSONS_OF_YEAR, RECURRED_BY

# A finished campaign gets this long to produce its first lesson.
LESSON_GRACE = timedelta(days=90)

# The kinds of finding, most urgent first. Their titles are labels in the catalogs
# ('finding_' + name), in every language the handbook speaks.
FINDINGS = (
    "unanswered-goals",
    "campaigns-without-lessons",
    "left-without-successor",
    "handovers-owed",
    "open-handovers",
    "overdue-reviews",
    "accounts-without-owner",
    "dormant-accounts",
    "recurring-lessons",
    "lessons-without-recommendation",
    "proposed-lessons",
)


def _role(role: str) -> str:
    """A role as the report names it: 'knowledge owner', in Dutch 'kennisborger'."""
    return FIELD_NAMES.get(role, role.replace("_", " "))


def finding_words(name: str) -> list[str]:
    """The labels a finding needs in the catalog of every language: its
    title, what to do, its severity and who acts (a test holds each one there)."""
    return [f"finding_{name}", f"action_{name}", f"severity_{SEVERITY[name]}", f"actor_{ACTOR[name]}"]


def finding_title(name: str, language: str = "en") -> str:
    return LABELS[language][f"finding_{name}"]


# How bad each finding is, and who acts on it (what they should do is the
# label 'action_' + name). Knowledge that left with someone is lost for good
# unless someone takes it over; an unanswered learning goal is the mistake
# the handbook exists to prevent (seed 001); the rest is upkeep. The actor
# is a role; `who_acts` turns it into the one person who acts on each item.
SEVERITY = {
    "left-without-successor": "critical",
    # An account whose passwords and admin rights are still with someone
    # who left is a door left open; the rest of a handover is knowledge
    # that leaves with them unless someone secures it.
    "open-handovers": "high",
    # Someone took over, but the records still name who left: until the
    # handover is made, the pages send readers to them and nobody gets
    # their reminders.
    "handovers-owed": "high",
    "unanswered-goals": "high",
    "campaigns-without-lessons": "high",
    "recurring-lessons": "high",
    "overdue-reviews": "medium",
    "accounts-without-owner": "medium",
    "proposed-lessons": "medium",
    "dormant-accounts": "low",
    "lessons-without-recommendation": "low",
}
SEVERITIES = ("critical", "high", "medium", "low")
ACTOR = {
    "left-without-successor": "manager",
    "open-handovers": "successor",
    "handovers-owed": "successor",
    "unanswered-goals": "knowledge_owner",
    "campaigns-without-lessons": "knowledge_owner",
    "recurring-lessons": "manager",
    "overdue-reviews": "owner",
    "accounts-without-owner": "manager",
    "proposed-lessons": "reviewer",
    "dormant-accounts": "owner",
    "lessons-without-recommendation": "author",
}
BY_SEVERITY = tuple(sorted(FINDINGS, key=lambda name: (SEVERITIES.index(SEVERITY[name]), FINDINGS.index(name))))


@dataclass(frozen=True)
class Headline:
    """One figure at the top of the dashboard, with last year's beside it."""

    key: str  # its label
    value: float | None
    previous: float | None = None  # the same figure a year before, where it has one


@dataclass(frozen=True)
class Item:
    """One thing a finding is about: a record, and what is the matter."""

    kind: str  # record kind: campaign, lesson, guideline, person, account
    id: str
    path: str  # the record's file
    detail: str  # in words, for the command line
    owner: str | None = None  # person id: whom the record names for what the finding is about
    facts: dict[str, Any] = field(default_factory=dict)  # the same, as data, for pages in any language
    # Person id of who is to act on it now (`who_acts`); None when nobody can
    # be named (no manager in the settings). The dashboard and that person's
    # page both read it, so they agree on who must do what.
    who: str | None = None


@dataclass
class Report:
    today: date
    manager: str | None = None  # who acts for the manager now (`acting`), if anyone
    findings: dict[str, list[Item]] = field(default_factory=dict)
    accounts_per_platform: dict[str, Counter] = field(default_factory=dict)
    level_balance: dict[str, Counter] = field(default_factory=dict)
    headlines: list[Headline] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "as_of": self.today.isoformat(),
            "manager": self.manager,
            "findings": {
                name: {
                    "title": finding_title(name),
                    "severity": SEVERITY[name],
                    "who_acts": ACTOR[name],
                    "what_to_do": LABELS["en"][f"action_{name}"],
                    "count": len(items),
                    "items": [item.__dict__ for item in items],
                }
                for name, items in self.findings.items()
            },
            "headlines": {h.key: {"value": h.value, "previous_year": h.previous} for h in self.headlines},
            "accounts_per_platform": {p: dict(sorted(c.items())) for p, c in sorted(self.accounts_per_platform.items())},
            "lesson_levels_per_campaign": {k: dict(sorted(c.items())) for k, c in sorted(self.level_balance.items())},
        }


def acting(c: Catalog, person: str | None) -> str | None:
    """Who acts for `person` now: they themselves while they work here; when
    they left, whoever took over their work (through everyone who took over
    and left in turn, `Catalog.taken_over_by`); None when nobody did, or
    `person` is nobody the handbook knows."""
    if person is None or person not in c.people:
        return None
    if c.people[person].record.left is None:
        return person
    return c.taken_over_by(person)


def who_acts(c: Catalog, name: str, item: Item, manager: str | None) -> str | None:
    """The one person who is to act on `item` of finding `name`, by its
    ACTOR: the manager (`manager`, already as `acting` gives it), or the
    person the record names for it (a campaign's knowledge owner, a record's
    owner, a lesson's author, a handover's successor; an account's backup
    owner stands in for its owner). Whoever took over from someone who left
    acts for them; where nobody did, the manager acts, who must name
    someone. A proposed lesson is reviewed by the knowledge owner of its
    first campaign, or by the manager when that is its own author."""
    actor = ACTOR[name]
    if actor == "manager":
        return manager
    if actor == "reviewer":
        lesson = c.lessons[item.id].record
        owners = [c.campaigns[k].record.knowledge_owner for k in lesson.campaigns if k in c.campaigns]
        reviewer = acting(c, owners[0]) if owners else None
        return reviewer if reviewer is not None and reviewer != acting(c, lesson.author) else manager
    candidates = [item.owner]
    if item.kind == "account":
        candidates.append(c.accounts[item.id].record.backup_owner)
    for person in candidates:
        now = acting(c, person)
        if now is not None:
            return now
    return manager


def report(c: Catalog, manager: str | None = None) -> Report:
    """The findings, read from the catalog's relations and review verdicts;
    each item with who is to act on it (`manager`: the person id the
    settings name as the manager, or None)."""
    today = c.today
    out = Report(today, acting(c, manager))
    findings: dict[str, list[Item]] = {name: [] for name in FINDINGS}

    for cid, entry in sorted(c.campaigns.items()):
        campaign = entry.record
        lessons = c.of(LESSONS_OF_CAMPAIGN, cid)
        if c.finished(campaign):
            if not lessons and campaign.period.end + LESSON_GRACE < today:
                findings["campaigns-without-lessons"].append(
                    Item("campaign", cid, entry.path, say("finished_on", date=campaign.period.end), campaign.knowledge_owner,
                         {"date": str(campaign.period.end)}))
        for role in ("knowledge_owner", "owner"):
            person = getattr(campaign, role)
            if c.left_without_successor(person):
                findings["left-without-successor"].append(
                    Item("campaign", cid, entry.path, say("role_is", role=_role(role), person=person), person,
                         {"role": role, "person": person}))
        levels = Counter(c.lessons[lid].record.level for lid in lessons)
        out.level_balance[cid] = Counter({"foundation": levels["foundation"], "execution": levels["execution"]})

    for cid, goal_id in c.unanswered_goals:  # the campaign's own order: by id
        entry = c.campaigns[cid]
        question = c.question(cid, goal_id)
        findings["unanswered-goals"].append(
            Item("campaign", cid, entry.path, f"{goal_id}: {question}", entry.record.knowledge_owner,
                 {"goal": goal_id, "question": question}))

    for kind in ("lesson", "guideline", "account"):
        for ident, entry in sorted(c.of_kind(kind).items()):
            review = c.review(kind, ident)
            if review.overdue:
                owner = entry.record.author if kind == "lesson" else entry.record.owner
                findings["overdue-reviews"].append(
                    Item(kind, ident, entry.path, say("due_on", date=review.due) if review.due else say("never_reviewed"), owner,
                         {"date": str(review.due) if review.due else ""}))

    for lid, entry in sorted(c.lessons.items()):
        lesson = entry.record
        if c.left_without_successor(lesson.author):
            findings["left-without-successor"].append(Item("lesson", lid, entry.path, say("role_is", role=_role("author"), person=lesson.author),
                                                           lesson.author, {"role": "author", "person": lesson.author}))
        if lesson.recommendation is None and lesson.status != "superseded":
            findings["lessons-without-recommendation"].append(Item("lesson", lid, entry.path, lesson.title,
                                                                   lesson.author, {"date": str(lesson.date)}))
        if lesson.status == "proposed":
            findings["proposed-lessons"].append(Item("lesson", lid, entry.path, say("since", date=lesson.date), lesson.author,
                                                     {"date": str(lesson.date)}))

    # Chains: every lesson that repeats another, followed back to the first time.
    for first in sorted(c.lessons):
        if not c.of(RECURRED_BY, first) or c.lessons[first].record.recurs in c.lessons:
            continue  # repeated by none, or not the first time
        chain, seen, current = [first], {first}, first
        while True:
            later = [k for k in c.of(RECURRED_BY, current) if k not in seen]
            if not later:
                break
            current = min(later, key=lambda k: (c.lessons[k].record.date, k))
            chain.append(current)
            seen.add(current)
        last = c.lessons[chain[-1]]
        findings["recurring-lessons"].append(
            Item("lesson", chain[-1], last.path, " → ".join(chain), last.record.author, {"chain": chain}))

    for gid, entry in sorted(c.guidelines.items()):
        guideline = entry.record
        if c.left_without_successor(guideline.owner):
            findings["left-without-successor"].append(
                Item("guideline", gid, entry.path, say("role_is", role=_role("owner"), person=guideline.owner), guideline.owner,
                     {"role": "owner", "person": guideline.owner}))

    for aid, entry in sorted(c.accounts.items()):
        account = entry.record
        out.accounts_per_platform.setdefault(account.platform, Counter())[account.status] += 1
        if account.status == "archived":
            continue  # an archived account asks nothing more of anyone
        missing = [role for role, person in (("owner", account.owner), ("backup_owner", account.backup_owner))
                   if person is None]
        if missing:
            findings["accounts-without-owner"].append(
                Item("account", aid, entry.path, say("no_one_as", roles=say("and_no").join(map(_role, missing))),
                     account.owner, {"missing": missing}))
        for role, person in (("owner", account.owner), ("backup_owner", account.backup_owner)):
            if c.left_without_successor(person):
                findings["left-without-successor"].append(
                    Item("account", aid, entry.path, say("role_is", role=_role(role), person=person), person,
                         {"role": role, "person": person}))
        if account.status == "dormant":
            findings["dormant-accounts"].append(Item("account", aid, entry.path, account.handle, account.owner,
                                                     {"platform": account.platform}))

    # A handover while its checklist has anything open: one item each, for
    # whoever holds the leaver's work now (`who_acts`: the successor, or
    # whoever took over from them).
    for person, checklist in sorted(c.checklists.items()):
        if checklist.open:
            counts = checklist.counts
            findings["open-handovers"].append(Item(
                "handover", person, c.handovers[person].path,
                "; ".join(say_counted(f"open_{part}", n) for part, n in counts.items() if n),
                checklist.successor, counts))

    # Someone who left, whose work someone took over, but whom records still
    # name as responsible and whose handover was never made (recorded by
    # hand on their person record alone): one item each, for whoever holds
    # their work now, with the command that makes the handover.
    for person, entry in sorted(c.people.items()):
        heir = c.taken_over_by(person) if entry.record.left is not None else None
        named = sum(map(len, c.responsibilities_of(person).values())) if heir is not None else 0
        if named and person not in c.handovers:
            findings["handovers-owed"].append(Item(
                "person", person, entry.path,
                say("handover_owed", count=named, person=person, successor=heir),
                heir, {"records": named, "successor": heir}))

    # One entry per record and person who left, whatever roles they had in it.
    merged: dict[tuple[str, str, str | None], Item] = {}
    for item in findings["left-without-successor"]:
        key = (item.kind, item.id, item.owner)
        if key in merged:
            first = merged[key]
            roles = first.facts["roles"] + [item.facts["role"]]
            merged[key] = Item(first.kind, first.id, first.path, f"{first.detail}; {item.detail}", first.owner,
                               {"roles": roles, "person": first.facts["person"]})
        else:
            merged[key] = Item(item.kind, item.id, item.path, item.detail, item.owner,
                               {"roles": [item.facts["role"]], "person": item.facts["person"]})
    findings["left-without-successor"] = list(merged.values())
    # Most overdue first; never reviewed before anything with a date.
    findings["overdue-reviews"].sort(key=lambda item: (item.facts["date"] or "", item.kind, item.id))
    out.findings = {name: [replace(item, who=who_acts(c, name, item, out.manager)) for item in items]
                    for name, items in findings.items()}
    out.headlines = headlines(c, out.findings)
    return out


def headlines(c: Catalog, findings: dict[str, list[Item]]) -> list[Headline]:
    """This year's lessons, campaigns and hires against last year's, the share
    of learning goals answered, and what most needs someone now."""
    year, last = str(c.today.year), str(c.today.year - 1)

    def hires(of_year: str) -> float | None:
        return (c.figures["year"].get(of_year) or {}).get("hires")

    answered = sum(a for a, _ in c.goals_per_year.values())
    asked = sum(n for _, n in c.goals_per_year.values())
    return [
        Headline("headline_lessons", len(c.of(LESSONS_OF_YEAR, year)), len(c.of(LESSONS_OF_YEAR, last))),
        Headline("headline_campaigns", len(c.of(CAMPAIGNS_OF_YEAR, year)), len(c.of(CAMPAIGNS_OF_YEAR, last))),
        Headline("headline_hires", hires(year), hires(last)),
        Headline("headline_answered", round(100 * answered / asked) if asked else None),
        Headline("headline_orphaned", len(findings["left-without-successor"])),
        Headline("headline_overdue", len(findings["overdue-reviews"])),
    ]
