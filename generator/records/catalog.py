"""The catalog: the validated records and everything derived from them, once.

Every verdict and figure the handbook shows is worked out here and nowhere
else: which learning goal each answer refers to, who and what refers to each
record, one review verdict per record, and the result figures per campaign,
channel, platform, year and kind of recruitment. Pages, the health report, the
dashboard and the command line only read a catalog; they never recompute.

`derive` is total: it runs on a catalog whose cross-record checks found
errors too (references to records that are missing are simply left out), so
the checks and the derivation can never disagree about what a record means.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Iterable, Literal

import numpy as np

from .writing import months_later
from .read import Document
from .models import FOLDERS, Campaign, Handover, Lesson, Taxonomy, responsibilities
from .relations import (ACCOUNTS_BACKED_UP_BY, ACCOUNTS_OWNED_BY, CAMPAIGNS_OF_RECRUITMENT, CAMPAIGNS_OF_YEAR,
                        CAMPAIGNS_RUN_BY, CAMPAIGNS_SECURED_BY, GUIDELINES_OWNED_BY, LESSONS_BY_AUTHOR,
                        LESSONS_OF_CAMPAIGN, LESSONS_OF_LEVEL, LESSONS_OF_STATUS, LESSONS_OF_YEAR, RECURRED_BY,
                        SUCCESSOR_OF, SUPERSEDES, Relation, inherited_lessons, of, of_term)
from .vocabularies import VOCABULARIES, terms_named

# The figures a result row can hold; sums and derived ratios are built from them.
FIGURES = ("reach", "engagement", "shares", "conversations", "applications", "hires", "cost", "hours")
# The groupings of the figures pages; a year is the year a campaign started.
FIGURE_GROUPS = ("channel", "platform", "year", "recruitment")
# A review that falls due this soon is announced (`handbook remind`); one of
# a record that someone took over, due this soon after the handover, is on
# the handover's checklist.
SOON = timedelta(days=30)


@dataclass(frozen=True)
class Entry:
    """One valid record with where it came from."""

    id: str
    record: Any
    doc: Document
    # Required fields that failed validation and hold stand-ins: such an
    # entry is only checked for its references, never put in the catalog.
    placeholders: frozenset[str] = frozenset()

    @property
    def path(self) -> str:
        return self.doc.path


Verdict = Literal["due", "overdue", "not-applicable"]


@dataclass(frozen=True)
class Review:
    """When a record was last checked, when it must be checked next, and the
    verdict on the build date. A superseded lesson and an archived account
    ask no review ('not-applicable'); an account never reviewed is overdue."""

    reviewed: date | None
    due: date | None
    verdict: Verdict

    @property
    def overdue(self) -> bool:
        return self.verdict == "overdue"


NO_REVIEW = Review(None, None, "not-applicable")


@dataclass(frozen=True)
class Checklist:
    """What is still to do after a handover (a `Handover` record): the
    accounts whose access has not moved yet, the learning goals of the
    leaver's campaigns that no lesson answers yet, and the reviews of the
    records that moved that were due at the handover and not done since.
    Each part is read from the records as they are now: a lesson that
    answers a goal, or a review, takes it off."""

    person: str  # who left (the record's id)
    successor: str  # whom the record names as taking over
    day: date  # when the handover was made
    moved: tuple[tuple[str, str, str], ...]  # (kind, id, field) of the records that moved, as written
    access: tuple[tuple[str, date | None], ...]  # (account, when its access moved, or None)
    goals: tuple[tuple[str, str], ...]  # (campaign, goal) not answered yet
    reviews: tuple[tuple[str, str], ...]  # (kind, id) due at the handover and not reviewed since

    @property
    def open_access(self) -> list[str]:
        return [account for account, moved in self.access if moved is None]

    @property
    def counts(self) -> dict[str, int]:
        """How many things of each part are still to do."""
        return {"access": len(self.open_access), "goals": len(self.goals), "reviews": len(self.reviews)}

    @property
    def open(self) -> int:
        """How many things are still to do."""
        return sum(self.counts.values())


@dataclass(frozen=True)
class AnswerProblem:
    """Why an answer in a lesson refers to no learning goal (worded by the checks)."""

    reason: Literal["not-own-campaign", "no-campaigns", "ambiguous", "unknown-goal", "unknown-campaign"]
    goal: str
    campaign: str | None = None
    candidates: tuple[str, ...] = ()  # campaigns holding the goal, or the goals there are


def resolve_answer(own: list[str], answer: str, goals: dict[str, dict[str, str]]) -> tuple[str, str] | AnswerProblem:
    """'goal' or 'campaign:goal' in a lesson from the campaigns `own` ->
    (campaign id, goal id).

    A bare goal id is looked up in the lesson's own campaigns and must be in
    exactly one of them; 'campaign:goal' names the campaign, which must be
    one of the lesson's. `goals`: campaign id -> its goals (`Catalog.goals`)."""
    if ":" in answer:
        campaign_id, goal_id = answer.split(":", 1)
        if campaign_id not in own:
            return AnswerProblem("not-own-campaign", goal_id, campaign_id)
        candidates = [campaign_id] if campaign_id in goals else []
    else:
        goal_id = answer
        candidates = [c for c in own if c in goals]
    if not own:
        return AnswerProblem("no-campaigns", goal_id)
    if not candidates:
        return AnswerProblem("unknown-campaign", goal_id)
    owners = [c for c in candidates if goal_id in goals[c]]
    if len(owners) == 1:
        return owners[0], goal_id
    if owners:
        return AnswerProblem("ambiguous", goal_id, candidates=tuple(owners))
    known = tuple(g for c in candidates for g in goals[c])
    return AnswerProblem("unknown-goal", goal_id, candidates=known)


# --- figures ------------------------------------------------------------------


def totals(rows: Iterable[Any]) -> dict[str, float | None]:
    """Sums of the figures of result rows; None where no row knows a figure."""
    sums: dict[str, float | None] = {name: None for name in FIGURES}
    for row in rows:
        for name in FIGURES:
            value = getattr(row, name)
            if value is not None:
                sums[name] = (sums[name] or 0) + value
    return sums


def with_ratios(sums: dict[str, float | None]) -> dict[str, float | None]:
    """Sums plus cost per application and per hire, and the funnel's conversions."""

    def ratio(a: str, b: str) -> float | None:
        top, bottom = sums.get(a), sums.get(b)
        return top / bottom if top is not None and bottom else None

    per_reach = ratio("applications", "reach")
    return {
        **sums,
        "cost_per_application": ratio("cost", "applications"),
        "cost_per_hire": ratio("cost", "hires"),
        "hours_per_hire": ratio("hours", "hires"),
        "applications_per_1000_reach": None if per_reach is None else per_reach * 1000,
        "hires_per_application": ratio("hires", "applications"),
    }


# --- the catalog ----------------------------------------------------------------


@dataclass
class Catalog:
    taxonomy: Taxonomy
    taxonomy_doc: Document
    today: date  # the build date: verdicts are relative to it, never to the clock
    campaigns: dict[str, Entry] = field(default_factory=dict)
    lessons: dict[str, Entry] = field(default_factory=dict)
    guidelines: dict[str, Entry] = field(default_factory=dict)
    people: dict[str, Entry] = field(default_factory=dict)
    accounts: dict[str, Entry] = field(default_factory=dict)
    handovers: dict[str, Entry] = field(default_factory=dict)  # by the id of who left
    # Every id that has a file, valid or not: a reference to a record with
    # its own errors is not reported as unknown as well.
    ids: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # Links and images in record text to the handbook's pages and files
    # (`safety.Address`), followed by `load.check_docs_folder`.
    addresses: list[Any] = field(default_factory=list)

    # --- derived by `derive`, read by everyone else ---
    answers: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # lesson -> (campaign, goal)
    answered_by: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (campaign, goal) -> lessons
    related: dict[tuple[Relation, str], list[str]] = field(default_factory=dict)  # (relation, id) -> ids
    reviews: dict[tuple[str, str], Review] = field(default_factory=dict)  # (kind, id) -> review
    campaign_figures: dict[str, dict[str, float | None]] = field(default_factory=dict)
    # Learning goals of finished campaigns that no lesson answers, and per
    # start year (answered, asked) of finished campaigns' goals.
    unanswered_goals: list[tuple[str, str]] = field(default_factory=list)
    goals_per_year: dict[int, tuple[int, int]] = field(default_factory=dict)
    figures: dict[str, dict[str, dict[str, float | None]]] = field(default_factory=dict)  # group -> key -> figures
    checklists: dict[str, Checklist] = field(default_factory=dict)  # who left -> what their handover still asks

    @functools.cached_property
    def goals(self) -> dict[str, dict[str, str]]:
        """Campaign id -> learning goal id -> question: found by id, not by scanning."""
        return {cid: {g.id: g.question for g in e.record.learning_goals} for cid, e in self.campaigns.items()}

    def prepare(self) -> None:
        """Compute the derived tables pages read lazily, now."""
        self.goals  # noqa: B018
        self._lesson_table  # noqa: B018
        self._unanswered_newest_first  # noqa: B018

    def question(self, campaign_id: str, goal_id: str) -> str:
        return self.goals[campaign_id][goal_id]

    def of_kind(self, kind: str) -> dict[str, Entry]:
        return {
            "campaign": self.campaigns,
            "lesson": self.lessons,
            "guideline": self.guidelines,
            "person": self.people,
            "account": self.accounts,
            "handover": self.handovers,
        }[kind]

    def forget_positions(self) -> None:
        """Once the records are checked, the pages need of each file only
        its path: where each value stands in it (the larger part of the
        memory of 10,000 records) is let go. Not for a catalog whose files
        stay cached (`handbook serve`), whose documents are kept anyway."""
        for kind in FOLDERS:
            records = self.of_kind(kind)
            for ident, entry in records.items():
                records[ident] = replace(entry, doc=Document(path=entry.doc.path, data=None))

    def entries(self) -> Iterable[tuple[str, Entry]]:
        """(kind, entry) of every record, kind by kind, in id order."""
        for kind in FOLDERS:
            for _, entry in sorted(self.of_kind(kind).items()):
                yield kind, entry

    def __len__(self) -> int:
        return sum(len(self.of_kind(kind)) for kind in FOLDERS)

    def responsibilities_of(self, person: str) -> dict[tuple[str, str], list[str]]:
        """(kind, id) -> the fields that name `person` as who answers for the
        record now (the `Responsibility` marks of its model, stand-ins too):
        what their successor takes over, whatever the record's status."""
        return dict(self._responsible.get(person, {}))

    @functools.cached_property
    def _responsible(self) -> dict[str, dict[tuple[str, str], list[str]]]:
        """Person -> `responsibilities_of` them: everyone's, in one pass."""
        found: dict[str, dict[tuple[str, str], list[str]]] = defaultdict(dict)
        for kind, entry in self.entries():
            for name in responsibilities(type(entry.record)):
                person = getattr(entry.record, name)
                if person is not None:
                    found[person].setdefault((kind, entry.id), []).append(name)
        return found

    def of(self, relation: Relation, ident: str | None) -> list[str]:
        """Ids related to `ident`: (LESSONS_OF_CAMPAIGN, 'x') -> lesson ids, in id order."""
        return self.related.get((relation, ident), []) if ident is not None else []

    def applicable_lessons(self, platforms: list[str], channels: list[str], scenario: str | None,
                           exclude: set[str] = frozenset(), before: date | None = None,
                           limit: int | None = None, after: date | None = None) -> tuple[list[str], int]:
        """What the handbook already knows for a campaign on these platforms and
        channels in this scenario: the lessons that apply to any of them, from
        other campaigns (`exclude`: the campaign's own), superseded ones left
        out; foundation before execution, then the most matches, then newest.
        Only lessons drawn before `before`, or after `after` (what was learned
        since a campaign ended). The first `limit` of them (all without one),
        and how many there are.

        Every campaign page asks this of every lesson, so it is counted over
        arrays (one per relation, made once) rather than lesson by lesson."""
        table = self._lesson_table
        ok, matches, _ = self._applicable(platforms, channels, scenario, exclude, before, after)
        found = np.flatnonzero(ok)
        # np.lexsort sorts by the last key first: level, then matches, then date, then id.
        order = found[np.lexsort((found, -table.day[found], -matches[found], table.execution[found]))]
        return [table.ids[i] for i in order[:limit]], len(found)

    def applicable_rest(self, platforms: list[str], channels: list[str], scenario: str | None,
                        exclude: set[str] = frozenset(), before: date | None = None, after: date | None = None,
                        shown: Iterable[str] = ()) -> list[tuple[Relation, str, int]]:
        """Of the lessons `applicable_lessons` finds, those not `shown`, per
        platform, channel and scenario they apply to: (relation, term, how
        many), in that order, terms without any left out. The list of
        lessons of each term holds that many and more; a lesson that
        applies to two of them is counted under both."""
        table = self._lesson_table
        ok, _, per_term = self._applicable(platforms, channels, scenario, exclude, before, after)
        ok[np.array([table.position[ident] for ident in shown], dtype=np.intp)] = False
        counted = [(relation, term, int(ok[positions].sum())) for relation, term, positions in per_term]
        return [(relation, term, n) for relation, term, n in counted if n]

    def _applicable(self, platforms: list[str], channels: list[str], scenario: str | None, exclude: set[str],
                    before: date | None, after: date | None) -> tuple[Any, Any, list[tuple[Relation, str, Any]]]:
        """Which lessons apply (a mask over the lesson table), how many of
        the terms each matches, and each term's lessons (positions)."""
        table = self._lesson_table
        per_term = [(relation, value, table.indices(relation, value))
                    for relation, values in ((of("lessons", "platform"), platforms), (of("lessons", "channel"), channels),
                                             (of("lessons", "scenario"), [scenario] if scenario else []))
                    for value in values]
        positions = [found for _, _, found in per_term]
        # How many of them each lesson matches (bincount: np.add.at was most of a campaign page).
        matches = np.bincount(np.concatenate(positions), minlength=len(table.ids)) if positions \
            else np.zeros(len(table.ids), dtype=np.intp)
        ok = (matches > 0) & table.applies
        if before is not None:
            ok &= table.day < before.toordinal()
        if after is not None:
            ok &= table.day > after.toordinal()
        for campaign_id in exclude:
            ok[table.indices(LESSONS_OF_CAMPAIGN, campaign_id)] = False
        return ok, matches, per_term

    @functools.cached_property
    def _lesson_table(self) -> LessonTable:
        return LessonTable(self)

    def open_questions(self, platforms: list[str], channels: list[str], scenario: str | None,
                       exclude: set[str] = frozenset(), before: date | None = None,
                       limit: int | None = None) -> list[tuple[str, str]]:
        """Learning goals of similar earlier campaigns (same platform, channel or
        scenario) that no lesson answers yet: (campaign id, goal id), newest
        first; the first `limit` of them (all without one)."""
        wanted_platforms, wanted_channels = set(platforms), set(channels)
        found: list[tuple[str, str]] = []
        for start, cid, goal in self._unanswered_newest_first:
            if before is not None and start >= before or cid in exclude:
                continue
            campaign = self.campaigns[cid].record
            if (wanted_platforms.isdisjoint(campaign.platforms) and wanted_channels.isdisjoint(campaign.channels)
                    and (scenario is None or campaign.scenario != scenario)):
                continue
            found.append((cid, goal))
            if limit is not None and len(found) >= limit:
                break
        return found

    @functools.cached_property
    def _unanswered_newest_first(self) -> list[tuple[date, str, str]]:
        return sorted(((self.campaigns[cid].record.period.start, cid, goal) for cid, goal in self.unanswered_goals),
                      key=lambda t: (-t[0].toordinal(), t[1], t[2]))

    def recurring(self, lesson_id: str) -> str | None:
        """'repeat' for a lesson that repeats an earlier mistake, 'repeated' for
        the first time of a mistake that came back, else None."""
        if self.lessons[lesson_id].record.recurs in self.lessons:
            return "repeat"
        return "repeated" if self.of(RECURRED_BY, lesson_id) else None

    def review(self, kind: str, ident: str) -> Review:
        return self.reviews.get((kind, ident), NO_REVIEW)

    def left_without_successor(self, person: str | None) -> bool:
        """True when `person` left and nobody took over their knowledge: no
        successor, or every successor in the chain left too (the pages then
        say "zonder opvolger" beside the name, as `taken_over_by` finds)."""
        entry = self.people.get(person) if person is not None else None
        return entry is not None and entry.record.left is not None and self.taken_over_by(person) is None

    def taken_over_by(self, person: str) -> str | None:
        """Who now holds what `person` held: the first successor in the chain
        who has not left; None when the chain ends, or goes round, first."""
        seen = {person}
        successor = self.people[person].record.successor
        while successor is not None and successor in self.people and successor not in seen:
            if self.people[successor].record.left is None:
                return successor
            seen.add(successor)
            successor = self.people[successor].record.successor
        return None

    def finished(self, campaign: Campaign) -> bool:
        return campaign.status == "finished" and campaign.period.end is not None

    def title(self, kind: str, ident: str) -> str:
        """What a record is called in lists: title, name, handle or platform."""
        if kind == "guideline":
            platform = self.taxonomy.platforms.get(ident)
            return platform.name if platform else ident
        if kind == "handover":  # of whom it is
            return self.people[ident].record.name if ident in self.people else ident
        record = self.of_kind(kind)[ident].record
        return getattr(record, "title", None) or getattr(record, "name", None) or record.handle


class LessonTable:
    """The lessons as arrays, in id order: whether each still applies, whether
    it is about execution, its day; and per relation the positions of its
    lessons. Made once per catalog."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.ids = sorted(catalog.lessons)
        self.position = {lid: i for i, lid in enumerate(self.ids)}
        records = [catalog.lessons[lid].record for lid in self.ids]
        self.applies = np.array([r.status != "superseded" for r in records], dtype=bool)
        self.execution = np.array([r.level != "foundation" for r in records], dtype=np.int8)
        self.day = np.array([r.date.toordinal() for r in records], dtype=np.int64)
        self._indices: dict[tuple[str, str], np.ndarray] = {}

    def indices(self, relation: Relation, key: str) -> np.ndarray:
        found = self._indices.get((relation, key))
        if found is None:
            found = self._indices[relation, key] = np.array(
                [self.position[lid] for lid in self.catalog.of(relation, key)], dtype=np.intp)
        return found


def derive(catalog: Catalog) -> Catalog:
    """Work out, once, every relation, verdict and figure; returns `catalog`."""
    _relations(catalog)
    _reviews(catalog)
    _figures(catalog)
    _checklists(catalog)
    return catalog


def _relations(c: Catalog) -> None:
    related: dict[tuple[Relation, str], list[str]] = defaultdict(list)
    answered_by: dict[tuple[str, str], list[str]] = defaultdict(list)
    for lesson_id, entry in sorted(c.lessons.items()):
        lesson: Lesson = entry.record
        resolved = []
        for answer in lesson.answers:
            pair = resolve_answer(lesson.campaigns, answer, c.goals)
            if isinstance(pair, tuple) and pair not in resolved:
                resolved.append(pair)
                answered_by[pair].append(lesson_id)
        c.answers[lesson_id] = resolved
        for campaign_id in lesson.campaigns:
            if campaign_id in c.campaigns:
                related[LESSONS_OF_CAMPAIGN, campaign_id].append(lesson_id)
        if lesson.superseded_by in c.lessons:
            related[SUPERSEDES, lesson.superseded_by].append(lesson_id)
        if lesson.recurs in c.lessons:
            related[RECURRED_BY, lesson.recurs].append(lesson_id)
        related[LESSONS_OF_LEVEL, lesson.level].append(lesson_id)
        related[LESSONS_OF_STATUS, lesson.status].append(lesson_id)
        related[LESSONS_OF_YEAR, str(lesson.date.year)].append(lesson_id)
        related[LESSONS_BY_AUTHOR, lesson.author].append(lesson_id)
    for campaign_id, entry in sorted(c.campaigns.items()):
        campaign: Campaign = entry.record
        related[CAMPAIGNS_OF_RECRUITMENT, campaign.recruitment].append(campaign_id)
        related[CAMPAIGNS_OF_YEAR, str(campaign.period.start.year)].append(campaign_id)
        related[CAMPAIGNS_RUN_BY, campaign.owner].append(campaign_id)
        related[CAMPAIGNS_SECURED_BY, campaign.knowledge_owner].append(campaign_id)
    for account_id, entry in sorted(c.accounts.items()):
        if entry.record.owner is not None:
            related[ACCOUNTS_OWNED_BY, entry.record.owner].append(account_id)
        if entry.record.backup_owner is not None:
            related[ACCOUNTS_BACKED_UP_BY, entry.record.backup_owner].append(account_id)
    for platform, entry in sorted(c.guidelines.items()):
        related[GUIDELINES_OWNED_BY, entry.record.owner].append(platform)
    for person_id, entry in sorted(c.people.items()):
        if entry.record.successor is not None:
            related[SUCCESSOR_OF, entry.record.successor].append(person_id)
    for vocabulary in VOCABULARIES:
        for use in vocabulary.uses:
            if use.listed:
                relation = of_term(vocabulary, use)
                for ident, entry in sorted(c.of_kind(use.kind).items()):
                    for term in terms_named(entry.record, use):
                        related[relation, term].append(ident)
    # A lesson bears on what its campaigns name where lessons name nothing
    # themselves (their target groups): listed with those terms too.
    for vocabulary in VOCABULARIES:
        if vocabulary.lessons_inherit:
            relation = inherited_lessons(vocabulary)
            uses = [use for use in vocabulary.uses if use.kind == "campaign"]
            for lesson_id, entry in sorted(c.lessons.items()):
                for term in sorted({term for campaign_id in entry.record.campaigns if campaign_id in c.campaigns
                                    for use in uses for term in terms_named(c.campaigns[campaign_id].record, use)}):
                    related[relation, term].append(lesson_id)
    c.related = dict(related)
    c.answered_by = dict(answered_by)
    per_year: dict[int, list[int]] = {}
    for campaign_id, entry in sorted(c.campaigns.items()):
        campaign = entry.record
        if not c.finished(campaign):
            continue
        counts = per_year.setdefault(campaign.period.start.year, [0, 0])
        for goal in campaign.learning_goals:
            counts[1] += 1
            if (campaign_id, goal.id) in c.answered_by:
                counts[0] += 1
            else:
                c.unanswered_goals.append((campaign_id, goal.id))
    c.goals_per_year = {year: (answered, asked) for year, (answered, asked) in sorted(per_year.items())}


def _verdict(due: date | None, today: date) -> Verdict:
    return "overdue" if due is not None and due < today else "due" if due is not None else "not-applicable"


def _reviews(c: Catalog) -> None:
    today = c.today
    for ident, entry in c.campaigns.items():
        c.reviews["campaign", ident] = Review(entry.record.reviewed, None, "not-applicable")
    for ident, entry in c.lessons.items():
        lesson: Lesson = entry.record
        reviewed = lesson.reviewed or lesson.date
        if lesson.status == "superseded":  # replaced: nobody keeps it current any more
            c.reviews["lesson", ident] = Review(reviewed, None, "not-applicable")
        elif lesson.review_by is not None and lesson.reviewed is not None and lesson.reviewed >= lesson.review_by:
            # Reviewed when it was due; the next date is not set yet (the check warns).
            c.reviews["lesson", ident] = Review(reviewed, None, "not-applicable")
        else:
            c.reviews["lesson", ident] = Review(reviewed, lesson.review_by, _verdict(lesson.review_by, today))
    for ident, entry in c.guidelines.items():
        guideline = entry.record
        due = months_later(guideline.reviewed, guideline.review_every_months)
        c.reviews["guideline", ident] = Review(guideline.reviewed, due, _verdict(due, today))
    for ident, entry in c.accounts.items():
        account = entry.record
        if account.status == "archived":  # an archived account asks nothing more of anyone
            c.reviews["account", ident] = Review(account.reviewed, None, "not-applicable")
        elif account.reviewed is None:  # never looked at: that is overdue
            c.reviews["account", ident] = Review(None, None, "overdue")
        else:
            due = months_later(account.reviewed, account.review_every_months)
            c.reviews["account", ident] = Review(account.reviewed, due, _verdict(due, today))


def _figures(c: Catalog) -> None:
    groups: dict[str, dict[str, list[Any]]] = {name: defaultdict(list) for name in FIGURE_GROUPS}
    for ident, entry in sorted(c.campaigns.items()):
        campaign: Campaign = entry.record
        if campaign.results:
            c.campaign_figures[ident] = with_ratios(totals(campaign.results))
        for row in campaign.results:
            groups["channel"][row.channel].append(row)
            if row.platform:
                groups["platform"][row.platform].append(row)
            groups["year"][str(campaign.period.start.year)].append(row)
            groups["recruitment"][campaign.recruitment].append(row)
    c.figures = {
        name: {key: with_ratios(totals(rows)) for key, rows in sorted(members.items())}
        for name, members in groups.items()
    }


def _checklists(c: Catalog) -> None:
    """Each handover's checklist (`Checklist`), from the records as they are now."""
    for person, entry in sorted(c.handovers.items()):
        handover: Handover = entry.record
        moved = tuple((m.kind, m.id, m.field) for m in handover.moved if m.id in c.of_kind(m.kind))
        # Their campaigns: those whose knowledge they secured, and those they ran.
        campaigns = {ident for kind, ident, _ in moved if kind == "campaign"} | set(c.of(CAMPAIGNS_RUN_BY, person))
        goals = tuple(pair for pair in c.unanswered_goals if pair[0] in campaigns)
        reviews = []
        for kind, ident in dict.fromkeys((kind, ident) for kind, ident, _ in moved):
            review = c.review(kind, ident)
            if review.verdict == "not-applicable" or (review.reviewed is not None and review.reviewed >= handover.date):
                continue  # asks no review, or reviewed since the handover
            if review.due is None or review.due <= handover.date + SOON:
                reviews.append((kind, ident))
        access: dict[str, date | None] = {}
        for item in handover.access:
            if item.account in c.accounts:
                access[item.account] = access.get(item.account) or item.moved
        c.checklists[person] = Checklist(person, handover.successor, handover.date, moved, tuple(access.items()),
                                         goals, tuple(reviews))
