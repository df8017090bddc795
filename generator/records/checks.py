"""Cross-record checks: references, dates and chains that span records.

Each check reports a located problem; they all run, on every record that
validated, so one run shows every mistake. What an answer or a reference
*means* is decided in `catalog` (the same function the derivation uses), so
a check and a page never disagree.
"""

from __future__ import annotations

from typing import Any, Iterable

from .catalog import Catalog, Entry, resolve_answer
from .writing import slugify
from .models import Account, Campaign, Guideline, Handover, Lesson, MODELS, Person, responsibilities
from .vocabularies import VOCABULARIES, terms_named
from ..words.messages import say
from ..words.problems import Problems, quote, suggest


# File names the generated folders use for their own pages.
RESERVED_IDS = {"index"}
# Suggestions a run makes at most: enough for any real set of mistakes,
# bounded for a file of sixty thousand invented names.
SUGGESTIONS = 1000


class _Checker:
    def __init__(self, catalog: Catalog, problems: Problems) -> None:
        self.c = catalog
        self.problems = problems
        self._sorted: dict[str, tuple[str, ...]] = {}  # what -> known ids, sorted once
        self._suggestions: dict[tuple[str, str], str] = {}
        self._names: dict[str, dict[str, str]] = {}  # what -> ids by their names made into ids

    def error(self, entry: Entry, loc: tuple[Any, ...], message: str, reads: tuple[str, ...] = ()) -> None:
        if self._reported(entry, loc, reads):
            self.problems.error(entry.path, *entry.doc.at(loc), message)

    def warning(self, entry: Entry, loc: tuple[Any, ...], message: str, reads: tuple[str, ...] = ()) -> None:
        if self._reported(entry, loc, reads):
            self.problems.warning(entry.path, *entry.doc.at(loc), message)

    @staticmethod
    def _reported(entry: Entry, loc: tuple[Any, ...], reads: tuple[str, ...]) -> bool:
        """A record with stand-ins for failed fields (reported) is checked
        like any other, but for what is said at such a field; and nothing is
        said that `reads` (the other fields a check looks at) a field that
        holds a stand-in or lost a faulty part: that is no one's mistake,
        or said already where it is."""
        if loc[0] in entry.placeholders:
            return False
        return not reads or (entry.placeholders.isdisjoint(reads) and entry.doc.trimmed.isdisjoint(reads))

    def ref(self, entry: Entry, loc: tuple[Any, ...], value: str | None, known: Iterable[str], what: str) -> bool:
        if value is None:
            return False
        known = set(known) if not isinstance(known, (dict, set)) else known
        if value in known:
            return True
        hint = self.suggestion(what, value, self.known_sorted(what, known))
        if what == getattr(entry.record, "kind", None) and f"'{entry.id}'" in hint:
            hint = ""  # a record never refers to itself: its own id is no suggestion
        self.error(entry, loc, say(f"unknown_{what}", value=quote(value), hint=hint))
        return False

    def known_sorted(self, what: str, known: Iterable[str]) -> tuple[str, ...]:
        if what not in self._sorted:
            self._sorted[what] = tuple(sorted(known))
        return self._sorted[what]

    def suggestion(self, what: str, value: str, known: tuple[str, ...]) -> str:
        """' (did you mean ...?)', once per distinct unknown value (a thousand
        records naming the same missing person cost one), and for at most
        SUGGESTIONS distinct values a run: past that, messages go without."""
        key = (what, value)
        if key not in self._suggestions:
            if len(self._suggestions) >= SUGGESTIONS:
                return ""
            named = self._by_name(what).get(slugify(value))
            self._suggestions[key] = say("did_you_mean", value=f"'{named}'") if named else suggest(
                value, tuple(sorted(known)) if not isinstance(known, tuple) else known)
        return self._suggestions[key]

    def _by_name(self, what: str) -> dict[str, str]:
        """The ids by their names as the site shows them, made into ids:
        'technisch-personeel' is the tag 'techniek', named "Technisch personeel"."""
        if what not in self._names:
            c, tax = self.c, self.c.taxonomy
            records = {"person": (c.people, "name"), "campaign": (c.campaigns, "title"), "lesson": (c.lessons, "title")}
            terms = {v.term: getattr(tax, v.section) for v in VOCABULARIES}
            if what in records:
                entries, attribute = records[what]
                names = {k: getattr(e.record, attribute) for k, e in entries.items()}
            else:
                names = {k: term.name for k, term in terms.get(what, {}).items()}
            self._names[what] = {slugify(name): ident for ident, name in sorted(names.items())}
        return self._names[what]

    def refs(self, entry: Entry, loc: tuple[Any, ...], values: list[str], known: Any, what: str) -> None:
        for index, value in enumerate(values):
            self.ref(entry, loc + (index,), value, known, what)


def check_titled_references(catalog: Catalog, problems: Problems, titled: list[tuple[str, Any]]) -> None:
    """References that cannot be ids (`explain.Deferred`): a record or a
    term written by its title or name is answered with its id ('Hyves stage
    2009' -> 'hyves-stage-2009', 'Eva' -> 'eva-jansen'), or with the ids it
    comes close to; when none comes close, with how an id is written."""
    if not titled:
        return
    ch = _Checker(catalog, problems)
    tax = catalog.taxonomy
    known = {"campaign": catalog.ids["campaign"], "lesson": catalog.ids["lesson"], "person": catalog.ids["person"],
             **{v.term: getattr(tax, v.section) for v in VOCABULARIES}}
    for path, item in titled:
        hint = ch.suggestion(item.what, item.value, ch.known_sorted(item.what, known[item.what]))
        if hint:
            problems.error(path, item.line, item.col, say(f"unknown_{item.what}", value=quote(item.value), hint=hint))
        else:
            problems.error(path, item.line, item.col, item.message)


def check_references(catalog: Catalog, problems: Problems, partial: dict[str, list[Entry]] | None = None) -> None:
    """Every check across records. `partial`: records with stand-ins for
    failed required fields (or an id that cannot be used), by kind: they
    are checked and seen by the checks of the others like every record, for
    the duration of the checks (never in the catalog the pages are made
    from), but for what depends on a stand-in."""
    visiting = [(kind, entry) for kind, entries in (partial or {}).items() for entry in entries
                if entry.id not in catalog.of_kind(kind)]
    for kind, entry in visiting:
        catalog.of_kind(kind)[entry.id] = entry
    catalog.__dict__.pop("goals", None)  # computed again, with theirs
    try:
        _check_all(catalog, problems)
    finally:
        for kind, entry in visiting:
            del catalog.of_kind(kind)[entry.id]
        catalog.__dict__.pop("goals", None)


def _check_all(catalog: Catalog, problems: Problems) -> None:
    ch = _Checker(catalog, problems)

    def entries(kind: str) -> list[Entry]:
        return list(catalog.of_kind(kind).values())

    tax = catalog.taxonomy
    people = catalog.ids["person"]

    for vocabulary in VOCABULARIES:
        if vocabulary.page is None:
            continue
        for key in getattr(tax, vocabulary.section):  # each has a page named after its id
            if key in RESERVED_IDS:
                problems.error(catalog.taxonomy_doc.path, *catalog.taxonomy_doc.key_at((vocabulary.section, key)),
                               say("reserved_taxonomy_id", value=quote(key)))

    for entry in entries("person"):
        person: Person = entry.record
        if person.successor is not None:
            if person.left is None:
                ch.error(entry, ("successor",), say("successor_without_left"), reads=("left",))
            elif person.successor == entry.id:
                ch.error(entry, ("successor",), say("own_successor"))
            elif ch.ref(entry, ("successor",), person.successor, people, "person") and \
                    person.successor in catalog.people:
                # A successor who left in turn is history, and whom to ask
                # follows their successors (`taken_over_by`): only where
                # that ends with nobody is the knowledge without an owner.
                if catalog.people[person.successor].record.left is not None and \
                        catalog.taken_over_by(entry.id) is None:
                    ch.warning(entry, ("successor",), say("successor_left_too", value=quote(person.successor)))
        if person.left and person.joined and person.left < person.joined:
            ch.error(entry, ("left",), say("left_before_joined"), reads=("joined",))

    for entry in entries("campaign"):
        campaign: Campaign = entry.record
        ch.ref(entry, ("owner",), campaign.owner, people, "person")
        ch.ref(entry, ("knowledge_owner",), campaign.knowledge_owner, people, "person")
        period = campaign.period
        if period.end is not None and period.end < period.start:
            ch.error(entry, ("period", "end"), say("ends_before_start", end=period.end, start=period.start))
        if campaign.status == "finished" and period.end is None:
            ch.error(entry, ("status",), say("finished_without_end"), reads=("period",))
        for index, platform in enumerate(campaign.platforms):
            closed = tax.platforms[platform].closed if platform in tax.platforms else None
            if closed is not None and period.start > closed:
                ch.error(
                    entry, ("platforms", index),
                    say("platform_closed_before", platform=tax.platforms[platform].name, closed=closed,
                        start=period.start), reads=("period",),
                )
            elif closed is not None and (period.end is None or period.end > closed):
                ch.warning(
                    entry, ("platforms", index),
                    say("platform_closed_during", platform=tax.platforms[platform].name, closed=closed),
                    reads=("period",),
                )
        goal_ids: dict[str, int] = {}
        for index, goal in enumerate(campaign.learning_goals):
            if goal.id in goal_ids:
                ch.error(entry, ("learning_goals", index, "id"),
                         say("goal_twice", value=quote(goal.id)))
            goal_ids[goal.id] = index
        for index, result in enumerate(campaign.results):
            loc = ("results", index)
            if ch.ref(entry, loc + ("channel",), result.channel, tax.channels, "channel") and \
                    result.channel not in campaign.channels:
                ch.error(entry, loc + ("channel",),
                         say("channel_not_listed", value=quote(result.channel)), reads=("channels",))
            if result.platform is not None and \
                    ch.ref(entry, loc + ("platform",), result.platform, tax.platforms, "platform") and \
                    result.platform not in campaign.platforms:
                ch.error(entry, loc + ("platform",),
                         say("platform_not_listed", value=quote(result.platform)), reads=("platforms",))
            if result.hires is not None and result.applications is not None and result.hires > result.applications:
                ch.warning(entry, loc + ("hires",),
                           say("more_hires", hires=result.hires, applications=result.applications))

    for entry in entries("lesson"):
        lesson: Lesson = entry.record
        ch.ref(entry, ("author",), lesson.author, people, "person")
        ch.refs(entry, ("campaigns",), lesson.campaigns, catalog.ids["campaign"], "campaign")
        for index, campaign_id in enumerate(lesson.campaigns):
            source = catalog.campaigns.get(campaign_id)
            if source is not None and "period" not in source.placeholders and source.record.period.start > lesson.date:
                ch.error(entry, ("campaigns", index),
                         say("campaign_after_lesson", value=quote(campaign_id), start=source.record.period.start,
                             date=lesson.date), reads=("date",))
        for index, answer in enumerate(lesson.answers):
            _check_answer(ch, entry, index, answer)
        if lesson.status == "superseded" and lesson.superseded_by is None:
            ch.error(entry, ("status",), say("superseded_without_by"))
        if lesson.superseded_by is not None:
            if lesson.status != "superseded":
                ch.error(entry, ("superseded_by",), say("by_without_superseded"), reads=("status",))
            if lesson.superseded_by == entry.id:
                ch.error(entry, ("superseded_by",), say("supersedes_itself"))
            else:
                ch.ref(entry, ("superseded_by",), lesson.superseded_by, catalog.ids["lesson"], "lesson")
        if lesson.review_by is not None and lesson.reviewed is not None and lesson.reviewed >= lesson.review_by:
            ch.warning(entry, ("review_by",), say("reviewed_after_due", reviewed=lesson.reviewed), reads=("reviewed",))
        if lesson.recurs is not None:
            if lesson.recurs == entry.id:
                ch.error(entry, ("recurs",), say("repeats_itself"))
            elif ch.ref(entry, ("recurs",), lesson.recurs, catalog.ids["lesson"], "lesson") and \
                    lesson.recurs in catalog.lessons:
                earlier = catalog.lessons[lesson.recurs]
                if "date" not in earlier.placeholders and earlier.record.date > lesson.date:
                    ch.error(entry, ("recurs",),
                             say("recurs_later", date=earlier.record.date), reads=("date",))
    _check_cycles(ch, catalog, "superseded_by", "supersede")
    _check_cycles(ch, catalog, "recurs", "repeat")

    for entry in entries("guideline"):
        guideline: Guideline = entry.record
        if entry.id not in tax.platforms:
            ch.problems.error(
                entry.path, 1, 1,
                say("guideline_not_platform", value=quote(entry.id), hint=suggest(entry.id, tax.platforms)),
            )
        ch.ref(entry, ("owner",), guideline.owner, people, "person")

    for entry in entries("account"):
        account: Account = entry.record
        ch.ref(entry, ("owner",), account.owner, people, "person")
        ch.ref(entry, ("backup_owner",), account.backup_owner, people, "person")
        if account.owner is not None and account.owner == account.backup_owner:
            ch.error(entry, ("backup_owner",), say("backup_is_owner"), reads=("owner",))

    for entry in entries("handover"):
        _check_handover(ch, entry)

    # Every reference to a vocabulary's terms, as the vocabularies declare them.
    for vocabulary in VOCABULARIES:
        known = getattr(tax, vocabulary.section)
        for use in vocabulary.uses:
            for entry in entries(use.kind):
                named = terms_named(entry.record, use)
                if use.many:
                    ch.refs(entry, use.path, named, known, vocabulary.term)
                elif named:
                    ch.ref(entry, use.path, named[0], known, vocabulary.term)


def _check_handover(ch: _Checker, entry: Entry) -> None:
    """A handover is named after the person who left (its file name), and
    names records that exist by fields that make someone responsible."""
    handover: Handover = entry.record
    people = ch.c.ids["person"]
    if entry.id not in people:
        hint = ch.suggestion("person", entry.id, ch.known_sorted("person", people))
        ch.problems.error(entry.path, 1, 1, say("handover_not_a_person", value=quote(entry.id), hint=hint))
    elif entry.id in ch.c.people and ch.c.people[entry.id].record.left is None:
        ch.problems.error(entry.path, 1, 1, say("handover_not_left", value=quote(entry.id)))
    # What it records has happened: a day after the check's day would tick
    # off what has not (an account's access counted as moved).
    if handover.date > ch.c.today:
        ch.error(entry, ("date",), say("handover_recorded_future", date=handover.date.isoformat()))
    for index, access in enumerate(handover.access):
        if access.moved is not None and access.moved > ch.c.today:
            ch.error(entry, ("access", index, "moved"), say("handover_recorded_future", date=access.moved.isoformat()))
    if handover.successor == entry.id:
        ch.error(entry, ("successor",), say("own_successor"))
    else:
        ch.ref(entry, ("successor",), handover.successor, people, "person")
    for index, moved in enumerate(handover.moved):
        ch.ref(entry, ("moved", index, "id"), moved.id, ch.c.ids[moved.kind], moved.kind)
        marked = responsibilities(MODELS[moved.kind])
        if moved.field not in marked:
            ch.error(entry, ("moved", index, "field"),
                     say("not_a_responsibility", value=quote(moved.field), choices=", ".join(marked)))
    seen: set[str] = set()
    for index, access in enumerate(handover.access):
        if access.account in seen:
            ch.error(entry, ("access", index, "account"), say("access_twice", value=quote(access.account)))
        seen.add(access.account)
        ch.ref(entry, ("access", index, "account"), access.account, ch.c.ids["account"], "account")


def _check_answer(ch: _Checker, entry: Entry, index: int, answer: str) -> None:
    """Report an answer that names no learning goal, in words."""
    found = resolve_answer(entry.record.campaigns, answer, ch.c.goals)
    if isinstance(found, tuple):
        return
    loc = ("answers", index)
    unsure = [c for c in entry.record.campaigns if c in ch.c.campaigns and
              ("learning_goals" in ch.c.campaigns[c].placeholders or "learning_goals" in ch.c.campaigns[c].doc.trimmed)]
    if unsure and found.reason in ("ambiguous", "unknown-goal"):
        return  # a campaign's own goals have a mistake (said there): its goals are not known for sure
    reads = ("campaigns",)  # answers are read against the record's own campaigns, all of them
    if found.reason == "no-campaigns":
        ch.error(entry, loc, say("answers_without_campaigns"), reads=reads)
    elif found.reason == "not-own-campaign":
        ch.error(entry, loc, say("not_own_campaign", value=quote(found.campaign)), reads=reads)
    elif found.reason == "ambiguous":
        ch.error(entry, loc, say("ambiguous_goal", value=quote(found.goal),
                                 choices=", ".join(f"{c}:{found.goal}" for c in found.candidates)), reads=reads)
    elif found.reason == "unknown-goal":
        shown = ", ".join(found.candidates[:10])
        if len(found.candidates) > 10:
            shown = say("and_more", shown=shown, more=len(found.candidates) - 10)
        ch.error(entry, loc, say("unknown_goal", value=quote(found.goal), shown=shown or say("none"),
                                 hint=ch.suggestion("goal", found.goal, found.candidates)), reads=reads)
    # "unknown-campaign": the campaign reference itself is reported already


def _check_cycles(ch: _Checker, catalog: Catalog, field_name: str, verb: str) -> None:
    """Follow `field_name` links between lessons; report each loop once.

    Each lesson links to at most one other, so every lesson is visited once:
    a walk stops at a lesson an earlier walk finished (linear in the lessons).
    """
    finished: set[str] = set()
    for start in sorted(catalog.lessons):
        walk: dict[str, int] = {}  # lesson -> position in this walk
        current: str | None = start
        while current is not None and current in catalog.lessons and current not in finished \
                and current not in walk:
            walk[current] = len(walk)
            current = getattr(catalog.lessons[current].record, field_name)
        if current is not None and current in walk:
            path = list(walk)
            loop = path[walk[current]:]
            if len(loop) > 1:
                first = min(loop)
                entry = catalog.lessons[first]
                at = loop.index(first)
                chain = " → ".join(loop[at:] + loop[:at] + [first])
                ch.error(entry, (field_name,), say(f"{verb}_circle", chain=chain))
        finished.update(walk)
