"""The validated set of records: models, cross-record checks, lookups.

`load_catalog` reads every file, validates it against its model and then
checks the records against each other, gathering every problem before it
returns (an author fixes them all in one go). Nothing is rendered from a
catalog that has errors.
"""

from __future__ import annotations

import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from pydantic import BaseModel, ValidationError

from .load import Document, SourceFile, discover, read_document
from .models import (
    KIND_BY_FOLDER,
    SLUG_MAX,
    Account,
    Campaign,
    Guideline,
    Lesson,
    Person,
    Taxonomy,
)
from .load import SLUG
from .problems import Problem, Problems, quote, suggest
from .progress import counting
from .safety import check_record_text

# Record kinds read by the whole organisation, where personal data is refused.
PERSONAL_DATA_KINDS = {"campaign", "lesson"}

# File names the generated folders use for their own pages.
RESERVED_IDS = {"index"}

@dataclass(frozen=True)
class Entry:
    """One valid record with where it came from."""

    id: str
    record: Any
    doc: Document

    @property
    def path(self) -> str:
        return self.doc.path


@dataclass
class Catalog:
    taxonomy: Taxonomy
    taxonomy_doc: Document
    campaigns: dict[str, Entry] = field(default_factory=dict)
    lessons: dict[str, Entry] = field(default_factory=dict)
    guidelines: dict[str, Entry] = field(default_factory=dict)
    people: dict[str, Entry] = field(default_factory=dict)
    accounts: dict[str, Entry] = field(default_factory=dict)
    # Every id that has a file, valid or not: a reference to a record with
    # its own errors is not reported as unknown as well.
    ids: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def of_kind(self, kind: str) -> dict[str, Entry]:
        return {
            "campaign": self.campaigns,
            "lesson": self.lessons,
            "guideline": self.guidelines,
            "person": self.people,
            "account": self.accounts,
        }[kind]

    def entries(self) -> Iterable[Entry]:
        for kind in ("campaign", "lesson", "guideline", "person", "account"):
            yield from self.of_kind(kind).values()

    def __len__(self) -> int:
        return sum(1 for _ in self.entries())


# --- turning pydantic's errors into words -------------------------------------

_PATTERN_WORDS = {
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$": "an id: lower-case letters, digits and single hyphens, for example 'hyves-stage-2009'",
    r"^https?://\S+$": "a web address starting with http:// or https://",
    r"^[^@\s]+@[^@\s]+\.[^@\s]+$": "an email address",
    r"^\+?[0-9 ()-]{6,20}$": "a phone number (digits, spaces, +, - and brackets)",
    r"^([a-z0-9]+(?:-[a-z0-9]+)*:)?[a-z0-9]+(?:-[a-z0-9]+)*$": "a learning goal id, or campaign-id:goal-id",
}


def _label(loc: tuple[Any, ...]) -> str:
    """How a field is named in a message: 'owner', 'item 2 of channels'."""
    names = [part for part in loc if isinstance(part, str) and part != "[key]"]
    if loc and isinstance(loc[-1], int):
        parent = names[-1] if names else "the list"
        return f"item {loc[-1] + 1} of '{parent}'"
    return f"'{names[-1]}'" if names else "the record"


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    return quote(value)


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> Any:
    """The model whose field the last name in `loc` is (None if there is none)."""
    names = [part for part in loc if isinstance(part, str) and part != "[key]"]
    current: Any = model
    for name in names[:-1]:
        info = getattr(current, "model_fields", {}).get(name)
        current = _inner_model(info.annotation) if info is not None else None
        if current is None:
            return None
    return current


def _field_names(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Names of the fields allowed where an unknown field `loc` was found."""
    return list(getattr(_model_at(model, loc), "model_fields", {}))


def _inner_model(annotation: Any) -> Any:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def explain(error: dict[str, Any], model: type[BaseModel], doc: Document) -> tuple[int, int, str]:
    """One pydantic error -> (line, col, message a recruiter understands)."""
    kind = error["type"]
    loc = tuple(error["loc"])
    value = error.get("input")
    label = _label(loc)
    line, col = doc.at(loc)

    if kind == "missing":
        return (*doc.at(loc[:-1]), f"{label} is missing" + _field_help(model, loc))
    if kind == "extra_forbidden":
        line, col = doc.key_at(loc)
        return line, col, f"unknown field '{loc[-1]}'" + suggest(str(loc[-1]), _field_names(model, loc))
    if loc and loc[-1] == "[key]":
        line, col = doc.key_at(loc[:-1])
        if kind == "string_pattern_mismatch":
            return line, col, f"{quote(loc[-2])} is not a valid id; use {_PATTERN_WORDS[error['ctx']['pattern']]}"
    if value is None:
        return line, col, f"{label} is empty; give it a value"
    if kind == "literal_error":
        choices = [c.strip(" '") for c in error["ctx"]["expected"].replace(" or ", ", ").split(",")]
        return line, col, (
            f"{quote(value)} is not allowed for {label}; choose one of: {', '.join(choices)}"
            + suggest(str(value), choices)
        )
    if kind == "string_pattern_mismatch":
        words = _PATTERN_WORDS.get(error["ctx"]["pattern"], f"text matching {error['ctx']['pattern']}")
        return line, col, f"{quote(value)} is not valid for {label}; write {words}"
    if kind in ("string_too_short", "too_short") and isinstance(value, str):
        return line, col, f"{label} is empty; write something or remove the line"
    if kind in ("string_too_long", "too_long") and isinstance(value, str):
        return line, col, f"{label} is too long: at most {error['ctx']['max_length']:,} characters"
    if kind == "too_short":
        return line, col, f"{label} needs at least {error['ctx']['min_length']} item(s)" + _field_help(model, loc)
    if kind == "list_type":
        hint = f" (write it as '- {value}' on the next line)" if isinstance(value, str) else ""
        return line, col, f"{label} must be a list, with each item on its own line starting with '- '{hint}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return line, col, f"{label} must be a group of fields (name: value), not {_describe(value)}"
    if kind == "string_type":
        return line, col, f"{label} must be text, not {_describe(value)}"
    if kind in ("int_type", "float_type"):
        return line, col, f"{label} must be a number, not {_describe(value)}"
    if kind in ("date_type", "date_from_datetime_parsing"):
        return line, col, f"{label} must be a date (YYYY-MM-DD), not {_describe(value)}"
    if kind == "value_error":
        return line, col, f"{label}: {error['ctx']['error']}"
    if kind == "bool_type":
        return line, col, f"{label} must be true or false, not {_describe(value)}"
    return line, col, f"{label}: {error['msg']}"


def _field_help(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    """The field's description, as a parenthesis to a message."""
    names = [part for part in loc if isinstance(part, str) and part != "[key]"]
    info = getattr(_model_at(model, loc), "model_fields", {}).get(names[-1]) if names else None
    if info is not None and info.description:
        return f" ({info.description[0].lower()}{info.description[1:].rstrip('.')})"
    return ""


def validate_document(model: type[BaseModel], doc: Document, problems: Problems) -> Any | None:
    """The record, or None. After errors (already reported), a record is
    still returned when leaving out the faulty fields makes it valid."""
    data = dict(doc.data or {})
    if doc.body:
        if "body" in data:
            line, col = doc.key_at(("body",))
            problems.error(doc.path, line, col, "the narrative is given twice: as 'body' and below the fields; keep one")
            return None
        data["body"] = doc.body
        doc.values[("body",)] = (doc.body_line, 1)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        for error in errors:
            problems.error(doc.path, *explain(error, model, doc))
    # Cross-record checks still run on what is valid, so that one run reports
    # a wrong reference next to a typo in another field: validate again
    # without the fields that failed (this works when they were optional).
    bad = {error["loc"][0] for error in errors if error["loc"]}
    try:
        return model.model_validate({k: v for k, v in data.items() if k not in bad})
    except ValidationError:
        return None


# --- loading ------------------------------------------------------------------


def _fold(identifier: str) -> str:
    return unicodedata.normalize("NFKC", identifier).casefold()


@dataclass
class _FileResult:
    """What reading, and then validating, one file gave."""

    doc: Document
    read_problems: list[Problem]
    validated: bool = False
    record: Any = None
    validate_problems: list[Problem] = field(default_factory=list)


@dataclass
class ReadCache:
    """Files already read and validated, by path, kept while their size,
    time and inode stay the same: `handbook serve` re-reads only what an
    author changed."""

    files: dict[str, tuple[tuple[int, int, int], _FileResult]] = field(default_factory=dict)

    def get(self, source: SourceFile) -> _FileResult:
        stat = source.file.stat()
        key = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        cached = self.files.get(source.path)
        if cached is not None and cached[0] == key:
            return cached[1]
        result = _read(source)
        self.files[source.path] = (key, result)
        return result


def _read(source: SourceFile) -> _FileResult:
    problems = Problems()
    doc = read_document(source.file, source.path, problems)
    return _FileResult(doc, problems.items)


def load_catalog(
    project: Path,
    problems: Problems,
    timings: dict[str, float] | None = None,
    progress: bool = False,
    cache: ReadCache | None = None,
) -> Catalog | None:
    """Read, validate and cross-check every record under `project/data`.

    `timings`, when given, receives the seconds spent reading ('load') and
    validating ('validate'); `progress` shows a counter on the terminal;
    `cache` keeps what unchanged files gave from one call to the next.
    """
    started = time.perf_counter()
    files = discover(project, problems)
    read = cache.get if cache is not None else _read
    results = [(source, read(source)) for source in counting(files, "records read", progress)]
    read_done = time.perf_counter()
    taxonomy: Taxonomy | None = None
    taxonomy_doc = Document(path="data/taxonomy.yml", data=None)
    staged: dict[str, dict[str, Entry]] = defaultdict(dict)
    seen: dict[tuple[str, str], SourceFile] = {}
    known_ids: dict[str, set[str]] = defaultdict(set)

    for source, result in results:
        doc = result.doc
        problems.extend(result.read_problems)
        if source.folder == "":
            taxonomy_doc = doc
            if doc.data is not None:
                if doc.body:
                    problems.error(doc.path, doc.body_line, 1, "the taxonomy has no narrative")
                taxonomy = validate_document(Taxonomy, doc, problems)
            continue
        model = KIND_BY_FOLDER[source.folder]
        ident = source.file.stem
        # Two names that one file system (or one reader) could take for the
        # same file are one id: fold case and Unicode forms before comparing.
        key = (source.folder, _fold(ident))
        if key in seen:
            problems.error(
                source.path, 1, 1,
                f"the id '{ident}' is used twice: here and in {seen[key].path}; rename one of the files",
            )
            continue
        seen[key] = source
        known_ids[model.kind].add(ident)
        if not SLUG.match(ident) or len(ident) > SLUG_MAX:
            problems.error(
                source.path, 1, 1,
                f"the file name {quote(ident)} cannot be an id; use lower-case letters, digits and "
                f"single hyphens, at most {SLUG_MAX} characters, for example 'hyves-stage-2009'",
            )
            continue
        if ident in RESERVED_IDS:
            problems.error(source.path, 1, 1, f"the id '{ident}' is reserved for the handbook's own pages; rename the file")
            continue
        if doc.data is None:
            continue
        if not result.validated:
            found = Problems()
            result.record = validate_document(model, doc, found)
            check_record_text(doc, model, model.kind in PERSONAL_DATA_KINDS, found)
            result.validate_problems, result.validated = found.items, True
        problems.extend(result.validate_problems)
        if result.record is not None:
            staged[model.kind][ident] = Entry(ident, result.record, doc)

    catalog = None
    if taxonomy is not None:
        catalog = Catalog(taxonomy, taxonomy_doc, ids=known_ids)
        for kind, entries in staged.items():
            catalog.of_kind(kind).update(entries)
        check_references(catalog, problems)
    if timings is not None:
        timings["load"] = read_done - started
        timings["validate"] = time.perf_counter() - read_done
    return catalog


# --- cross-record checks --------------------------------------------------------


class _Checker:
    def __init__(self, catalog: Catalog, problems: Problems) -> None:
        self.c = catalog
        self.problems = problems

    def error(self, entry: Entry, loc: tuple[Any, ...], message: str) -> None:
        self.problems.error(entry.path, *entry.doc.at(loc), message)

    def warning(self, entry: Entry, loc: tuple[Any, ...], message: str) -> None:
        self.problems.warning(entry.path, *entry.doc.at(loc), message)

    def ref(self, entry: Entry, loc: tuple[Any, ...], value: str | None, known: Iterable[str], what: str) -> bool:
        if value is None:
            return False
        known = set(known) if not isinstance(known, (dict, set)) else known
        if value in known:
            return True
        self.error(entry, loc, f"unknown {what} {quote(value)}" + suggest(value, known))
        return False

    def refs(self, entry: Entry, loc: tuple[Any, ...], values: list[str], known: Any, what: str) -> None:
        for index, value in enumerate(values):
            self.ref(entry, loc + (index,), value, known, what)


def check_references(catalog: Catalog, problems: Problems) -> None:
    ch = _Checker(catalog, problems)
    tax = catalog.taxonomy
    people = catalog.ids["person"]

    for entry in catalog.people.values():
        person: Person = entry.record
        if person.successor is not None:
            if person.left is None:
                ch.error(entry, ("successor",), "a successor is only given for someone who has left; add 'left'")
            elif person.successor == entry.id:
                ch.error(entry, ("successor",), "a person cannot be their own successor")
            elif ch.ref(entry, ("successor",), person.successor, people, "person") and \
                    person.successor in catalog.people:
                if catalog.people[person.successor].record.left is not None:
                    ch.warning(entry, ("successor",), f"successor '{person.successor}' has left too; name who holds the knowledge now")
        if person.left and person.joined and person.left < person.joined:
            ch.error(entry, ("left",), "'left' is before 'joined'")

    for entry in catalog.campaigns.values():
        campaign: Campaign = entry.record
        ch.ref(entry, ("owner",), campaign.owner, people, "person")
        ch.ref(entry, ("knowledge_owner",), campaign.knowledge_owner, people, "person")
        ch.ref(entry, ("scenario",), campaign.scenario, tax.scenarios, "scenario")
        ch.refs(entry, ("platforms",), campaign.platforms, tax.platforms, "platform")
        ch.refs(entry, ("channels",), campaign.channels, tax.channels, "channel")
        ch.refs(entry, ("tags",), campaign.tags, tax.tags, "tag")
        period = campaign.period
        if period.end is not None and period.end < period.start:
            ch.error(entry, ("period", "end"), f"the campaign ends ({period.end}) before it starts ({period.start})")
        if campaign.status == "finished" and period.end is None:
            ch.error(entry, ("status",), "a finished campaign needs an end date under 'period'")
        for index, platform in enumerate(campaign.platforms):
            closed = tax.platforms[platform].closed if platform in tax.platforms else None
            if closed is not None and period.start > closed:
                ch.error(
                    entry, ("platforms", index),
                    f"{tax.platforms[platform].name} closed on {closed}, before this campaign started ({period.start})",
                )
            elif closed is not None and (period.end is None or period.end > closed):
                ch.warning(
                    entry, ("platforms", index),
                    f"{tax.platforms[platform].name} closed on {closed}, while this campaign still ran",
                )
        goal_ids: dict[str, int] = {}
        for index, goal in enumerate(campaign.learning_goals):
            if goal.id in goal_ids:
                ch.error(entry, ("learning_goals", index, "id"),
                         f"learning goal id '{goal.id}' is used twice in this campaign")
            goal_ids[goal.id] = index
        for index, result in enumerate(campaign.results):
            loc = ("results", index)
            if ch.ref(entry, loc + ("channel",), result.channel, tax.channels, "channel") and \
                    result.channel not in campaign.channels:
                ch.error(entry, loc + ("channel",),
                         f"results for channel '{result.channel}', which the campaign does not list under 'channels'")
            if result.platform is not None and \
                    ch.ref(entry, loc + ("platform",), result.platform, tax.platforms, "platform") and \
                    result.platform not in campaign.platforms:
                ch.error(entry, loc + ("platform",),
                         f"results for platform '{result.platform}', which the campaign does not list under 'platforms'")
            if result.hires is not None and result.applications is not None and result.hires > result.applications:
                ch.warning(entry, loc + ("hires",),
                           f"more hires ({result.hires}) than applications ({result.applications})")

    for entry in catalog.lessons.values():
        lesson: Lesson = entry.record
        ch.ref(entry, ("author",), lesson.author, people, "person")
        ch.refs(entry, ("campaigns",), lesson.campaigns, catalog.ids["campaign"], "campaign")
        for index, campaign_id in enumerate(lesson.campaigns):
            source = catalog.campaigns.get(campaign_id)
            if source is not None and source.record.period.start > lesson.date:
                ch.error(entry, ("campaigns", index),
                         f"campaign '{campaign_id}' starts on {source.record.period.start}, "
                         f"after this lesson's date ({lesson.date}); a lesson comes from a campaign that ran before it")
        ch.refs(entry, ("applies_to", "platforms"), lesson.applies_to.platforms, tax.platforms, "platform")
        ch.refs(entry, ("applies_to", "channels"), lesson.applies_to.channels, tax.channels, "channel")
        ch.refs(entry, ("applies_to", "scenarios"), lesson.applies_to.scenarios, tax.scenarios, "scenario")
        ch.refs(entry, ("tags",), lesson.tags, tax.tags, "tag")
        for index, answer in enumerate(lesson.answers):
            resolve_answer(ch, entry, index, answer)
        if lesson.status == "superseded" and lesson.superseded_by is None:
            ch.error(entry, ("status",), "a superseded lesson must say which lesson replaces it in 'superseded_by'")
        if lesson.superseded_by is not None:
            if lesson.status != "superseded":
                ch.error(entry, ("superseded_by",), "'superseded_by' is only given when 'status' is superseded")
            if lesson.superseded_by == entry.id:
                ch.error(entry, ("superseded_by",), "a lesson cannot supersede itself")
            else:
                ch.ref(entry, ("superseded_by",), lesson.superseded_by, catalog.ids["lesson"], "lesson")
        if lesson.recurs is not None:
            if lesson.recurs == entry.id:
                ch.error(entry, ("recurs",), "a lesson cannot repeat itself")
            elif ch.ref(entry, ("recurs",), lesson.recurs, catalog.ids["lesson"], "lesson") and \
                    lesson.recurs in catalog.lessons:
                earlier = catalog.lessons[lesson.recurs].record
                if earlier.date > lesson.date:
                    ch.error(entry, ("recurs",),
                             f"'recurs' names a later lesson ({earlier.date}); it must name an earlier one")
    _check_cycles(ch, catalog, "superseded_by", "supersede")
    _check_cycles(ch, catalog, "recurs", "repeat")

    for entry in catalog.guidelines.values():
        guideline: Guideline = entry.record
        if entry.id not in tax.platforms:
            ch.problems.error(
                entry.path, 1, 1,
                f"a guideline's file name is its platform id, and '{entry.id}' is not a platform in the taxonomy"
                + suggest(entry.id, tax.platforms),
            )
        ch.ref(entry, ("owner",), guideline.owner, people, "person")
        ch.refs(entry, ("tags",), guideline.tags, tax.tags, "tag")

    for entry in catalog.accounts.values():
        account: Account = entry.record
        ch.ref(entry, ("platform",), account.platform, tax.platforms, "platform")
        ch.ref(entry, ("owner",), account.owner, people, "person")
        ch.ref(entry, ("backup_owner",), account.backup_owner, people, "person")
        if account.owner is not None and account.owner == account.backup_owner:
            ch.error(entry, ("backup_owner",), "the backup owner must be someone other than the owner")
        ch.refs(entry, ("tags",), account.tags, tax.tags, "tag")

    for entry in catalog.people.values():
        ch.refs(entry, ("tags",), entry.record.tags, tax.tags, "tag")


def resolve_answer(ch: _Checker, entry: Entry, index: int, answer: str) -> tuple[str, str] | None:
    """'goal' or 'campaign:goal' -> (campaign id, goal id), reporting problems."""
    lesson: Lesson = entry.record
    loc = ("answers", index)
    campaigns = ch.c.campaigns
    if ":" in answer:
        campaign_id, goal_id = answer.split(":", 1)
        if campaign_id not in lesson.campaigns:
            ch.error(entry, loc, f"campaign '{campaign_id}' is not one of this lesson's 'campaigns'")
            return None
        candidates = [campaign_id] if campaign_id in campaigns else []
    else:
        goal_id = answer
        candidates = [c for c in lesson.campaigns if c in campaigns]
    if not lesson.campaigns:
        ch.error(entry, loc, "a lesson answers learning goals of its campaigns; list them under 'campaigns'")
        return None
    owners = [c for c in candidates if any(g.id == goal_id for g in campaigns[c].record.learning_goals)]
    if len(owners) == 1:
        return owners[0], goal_id
    if len(owners) > 1:
        ch.error(entry, loc, f"learning goal '{goal_id}' is in several of this lesson's campaigns; "
                             f"write one of: {', '.join(f'{c}:{goal_id}' for c in owners)}")
        return None
    known = [g.id for c in candidates for g in campaigns[c].record.learning_goals]
    if candidates:
        ch.error(entry, loc, f"unknown learning goal {quote(goal_id)}; the goals of this lesson's campaigns are: "
                             f"{', '.join(known) or 'none'}" + suggest(goal_id, known))
    return None


def _check_cycles(ch: _Checker, catalog: Catalog, field_name: str, verb: str) -> None:
    """Follow `field_name` links between lessons; report each loop once."""
    reported: set[str] = set()
    for start in sorted(catalog.lessons):
        path: list[str] = []
        current: str | None = start
        while current is not None and current in catalog.lessons and current not in path:
            path.append(current)
            current = getattr(catalog.lessons[current].record, field_name)
        if current is not None and current in path:
            loop = path[path.index(current):]
            if len(loop) == 1 or reported & set(loop):
                continue
            reported.update(loop)
            first = min(loop)
            entry = catalog.lessons[first]
            chain = " → ".join(loop[loop.index(first):] + loop[:loop.index(first)] + [first])
            ch.error(entry, (field_name,), f"lessons {verb} each other in a circle: {chain}")
