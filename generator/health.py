"""Knowledge health and return on investment, worked out from the catalog.

What the handbook exists for (seed 001): organisations repeat their mistakes
because lessons are drawn at the wrong level or never secured, and knowledge
leaves with people. The findings below make that visible; the figures answer
where hires really come from, at what cost (seeds 002, 003). Everything is
relative to the build date, never to the clock.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from .catalog import Catalog
from .emit import months_later

# A finished campaign gets this long to produce its first lesson.
LESSON_GRACE = timedelta(days=90)
FIGURES = ("reach", "engagement", "shares", "conversations", "applications", "hires", "cost", "hours")

FINDINGS = {
    "unanswered-goals": "Learning goals of finished campaigns that no lesson answers",
    "campaigns-without-lessons": "Finished campaigns without any lesson",
    "left-without-successor": "Knowledge owned by people who left without a successor",
    "overdue-reviews": "Reviews that are overdue",
    "accounts-without-owner": "Accounts without an owner or a backup owner",
    "dormant-accounts": "Dormant accounts",
    "recurring-lessons": "The same mistake again: chains of recurring lessons",
    "lessons-without-recommendation": "Lessons without a recommendation",
    "proposed-lessons": "Proposed lessons waiting for review",
}


@dataclass(frozen=True)
class Item:
    """One thing a finding is about: a record, and what is the matter."""

    kind: str  # record kind: campaign, lesson, guideline, person, account
    id: str
    path: str  # the record's file
    detail: str  # in words, for the command line
    owner: str | None = None  # person id, where the finding is grouped by owner
    facts: dict[str, Any] = field(default_factory=dict)  # the same, as data, for pages in any language


@dataclass
class Report:
    today: date
    findings: dict[str, list[Item]] = field(default_factory=dict)
    accounts_per_platform: dict[str, Counter] = field(default_factory=dict)
    level_balance: dict[str, Counter] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "as_of": self.today.isoformat(),
            "findings": {
                name: {
                    "title": FINDINGS[name],
                    "count": len(items),
                    "items": [item.__dict__ for item in items],
                }
                for name, items in self.findings.items()
            },
            "accounts_per_platform": {p: dict(sorted(c.items())) for p, c in sorted(self.accounts_per_platform.items())},
            "lesson_levels_per_campaign": {k: dict(sorted(c.items())) for k, c in sorted(self.level_balance.items())},
        }


def _left(catalog: Catalog, person: str | None) -> bool:
    """True when `person` left and nobody took over their knowledge."""
    if person is None or person not in catalog.people:
        return False
    record = catalog.people[person].record
    return record.left is not None and record.successor is None


def report(catalog: Catalog, today: date) -> Report:
    c = catalog
    out = Report(today)
    findings: dict[str, list[Item]] = {name: [] for name in FINDINGS}

    answered = {
        (campaign, goal)
        for entry in c.lessons.values()
        for campaign, goal in _answers(c, entry.record)
    }
    lessons_of: dict[str, list[str]] = defaultdict(list)
    for lesson_id, entry in sorted(c.lessons.items()):
        for campaign in entry.record.campaigns:
            lessons_of[campaign].append(lesson_id)

    for cid, entry in sorted(c.campaigns.items()):
        campaign = entry.record
        finished = campaign.status == "finished" and campaign.period.end is not None
        if finished:
            for goal in campaign.learning_goals:
                if (cid, goal.id) not in answered:
                    findings["unanswered-goals"].append(
                        Item("campaign", cid, entry.path, f"{goal.id}: {goal.question}", campaign.knowledge_owner,
                             {"goal": goal.id, "question": goal.question}))
            if not lessons_of[cid] and campaign.period.end + LESSON_GRACE < today:
                findings["campaigns-without-lessons"].append(
                    Item("campaign", cid, entry.path, f"finished {campaign.period.end}", campaign.knowledge_owner,
                         {"date": str(campaign.period.end)}))
        for role in ("knowledge_owner", "owner"):
            person = getattr(campaign, role)
            if _left(c, person):
                findings["left-without-successor"].append(
                    Item("campaign", cid, entry.path, f"{role.replace('_', ' ')}: {person}", person,
                         {"role": role, "person": person}))
        levels = Counter(c.lessons[lid].record.level for lid in lessons_of[cid])
        out.level_balance[cid] = Counter({"foundation": levels["foundation"], "execution": levels["execution"]})

    for lid, entry in sorted(c.lessons.items()):
        lesson = entry.record
        if _left(c, lesson.author):
            findings["left-without-successor"].append(Item("lesson", lid, entry.path, f"author: {lesson.author}", lesson.author,
                                                                    {"role": "author", "person": lesson.author}))
        if lesson.review_by is not None and lesson.review_by < today and lesson.status != "superseded":
            findings["overdue-reviews"].append(
                Item("lesson", lid, entry.path, f"due {lesson.review_by}", lesson.author, {"date": str(lesson.review_by)}))
        if lesson.recommendation is None and lesson.status != "superseded":
            findings["lessons-without-recommendation"].append(Item("lesson", lid, entry.path, lesson.title, lesson.author,
                                                                             {"date": str(lesson.date)}))
        if lesson.status == "proposed":
            findings["proposed-lessons"].append(Item("lesson", lid, entry.path, f"since {lesson.date}", lesson.author,
                                                             {"date": str(lesson.date)}))

    # Chains: every lesson that repeats another, followed back to the first time.
    repeated_by: dict[str, list[str]] = defaultdict(list)
    for lid, entry in c.lessons.items():
        if entry.record.recurs in c.lessons:
            repeated_by[entry.record.recurs].append(lid)
    for first in sorted(repeated_by):
        if c.lessons[first].record.recurs in c.lessons:
            continue  # not the first time
        chain, current = [first], first
        while repeated_by.get(current):
            current = sorted(repeated_by[current], key=lambda k: (c.lessons[k].record.date, k))[0]
            chain.append(current)
        last = c.lessons[chain[-1]]
        findings["recurring-lessons"].append(
            Item("lesson", chain[-1], last.path, " → ".join(chain), last.record.author, {"chain": chain}))

    for gid, entry in sorted(c.guidelines.items()):
        guideline = entry.record
        due = months_later(guideline.reviewed, guideline.review_every_months)
        if due < today:
            findings["overdue-reviews"].append(Item("guideline", gid, entry.path, f"due {due}", guideline.owner, {"date": str(due)}))
        if _left(c, guideline.owner):
            findings["left-without-successor"].append(
                Item("guideline", gid, entry.path, f"owner: {guideline.owner}", guideline.owner,
                     {"role": "owner", "person": guideline.owner}))

    for aid, entry in sorted(c.accounts.items()):
        account = entry.record
        out.accounts_per_platform.setdefault(account.platform, Counter())[account.status] += 1
        if account.status == "archived":
            continue  # an archived account asks nothing more of anyone
        if account.reviewed is None or months_later(account.reviewed, account.review_every_months) < today:
            due = months_later(account.reviewed, account.review_every_months) if account.reviewed else None
            findings["overdue-reviews"].append(
                Item("account", aid, entry.path, f"due {due}" if due else "never reviewed", account.owner,
                     {"date": str(due) if due else ""}))
        missing = [role for role, person in (("owner", account.owner), ("backup owner", account.backup_owner))
                   if person is None]
        if missing:
            findings["accounts-without-owner"].append(
                Item("account", aid, entry.path, "no " + " and no ".join(missing), account.owner,
                     {"missing": [role.replace(" ", "_") for role in missing]}))
        for role, person in (("owner", account.owner), ("backup owner", account.backup_owner)):
            if _left(c, person):
                findings["left-without-successor"].append(Item("account", aid, entry.path, f"{role}: {person}", person,
                                                                {"role": role.replace(" ", "_"), "person": person}))
        if account.status == "dormant":
            findings["dormant-accounts"].append(Item("account", aid, entry.path, account.handle, account.owner,
                                                            {"platform": account.platform}))

    out.findings = findings
    return out


def _answers(catalog: Catalog, lesson: Any) -> list[tuple[str, str]]:
    pairs = []
    for answer in lesson.answers:
        if ":" in answer:
            campaign, goal = answer.split(":", 1)
            pairs.append((campaign, goal))
            continue
        for campaign in lesson.campaigns:
            if campaign in catalog.campaigns and any(g.id == answer for g in catalog.campaigns[campaign].record.learning_goals):
                pairs.append((campaign, answer))
                break
    return pairs


# --- figures --------------------------------------------------------------------------


def totals(rows: list[Any]) -> dict[str, float | None]:
    """Sums of the figures of result rows; None where no row knows a figure."""
    sums: dict[str, float | None] = {name: None for name in FIGURES}
    for row in rows:
        for name in FIGURES:
            value = getattr(row, name)
            if value is not None:
                sums[name] = (sums[name] or 0) + value
    return sums


def derived(sums: dict[str, float | None]) -> dict[str, float | None]:
    """Cost per application and per hire, and the funnel's conversions."""

    def ratio(a: str, b: str) -> float | None:
        top, bottom = sums.get(a), sums.get(b)
        return top / bottom if top is not None and bottom else None

    return {
        "cost_per_application": ratio("cost", "applications"),
        "cost_per_hire": ratio("cost", "hires"),
        "hours_per_hire": ratio("hours", "hires"),
        "applications_per_1000_reach": None if (per_reach := ratio("applications", "reach")) is None else per_reach * 1000,
        "hires_per_application": ratio("hires", "applications"),
    }


def figures_by(catalog: Catalog, key: str) -> dict[str, dict[str, float | None]]:
    """Result totals and derived figures per channel, platform, year or recruitment."""
    groups: dict[str, list[Any]] = defaultdict(list)
    for entry in catalog.campaigns.values():
        campaign = entry.record
        for row in campaign.results:
            if key == "channel":
                groups[row.channel].append(row)
            elif key == "platform":
                if row.platform:
                    groups[row.platform].append(row)
            elif key == "year":
                groups[str(campaign.period.start.year)].append(row)
            elif key == "recruitment":
                groups[campaign.recruitment].append(row)
    result = {}
    for name in sorted(groups):
        sums = totals(groups[name])
        result[name] = {**sums, **derived(sums)}
    return result
