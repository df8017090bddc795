"""Records on disk -> a checked catalog, with every problem located.

`load_catalog` reads every file, validates it against its model and then
checks the records against each other, gathering every problem before it
returns (an author fixes them all in one go). Nothing is rendered from a
catalog that has errors. Pydantic's errors are put into words a recruiter
understands here.
"""

from __future__ import annotations

import functools
import os
import posixpath
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, get_args
from urllib.parse import unquote

from pydantic import BaseModel, TypeAdapter, ValidationError

from .catalog import Catalog, Entry, derive
from .checks import NEW_FILE_NAMES, RESERVED_IDS, check_references, check_titled_references
from .emit import slugify
from .load import Document, SourceFile, check_page, discover, read_document
from .messages import FIELD_NAMES, choice, code_of, describe, kind_name, number, say
from .messages import field as field_name
from .parallel import elsewhere
from .models import (
    EMAIL_PATTERN,
    GOAL_REF_PATTERN,
    KIND_BY_FOLDER,
    PHONE_PATTERN,
    SLUG,
    SLUG_MAX,
    SLUG_PATTERN,
    URL_PATTERN,
    Taxonomy,
)
from .problems import Problem, Problems, quote, suggest
from .progress import counting
from .safety import Address, check_record_text
from .published import shown_path
from .settings import GENERATED



# --- turning pydantic's errors into words -------------------------------------

_PATTERN_WORDS = {
    SLUG_PATTERN: "pattern_slug",
    URL_PATTERN: "pattern_url",
    EMAIL_PATTERN: "pattern_email",
    PHONE_PATTERN: "pattern_phone",
    GOAL_REF_PATTERN: "pattern_goal",
}

# Reference fields whose ids are not their records' names made into ids.
TITLED_REFERENCES = {"campaigns", "tags", "recurs", "superseded_by", "answers", "campaign"}
# References an author often writes by the title the site shows ('Hyves
# stage 2009' for 'hyves-stage-2009'): a value that cannot be an id is said
# after all records are read, with the id whose title it is (`checks`).
DEFERRED_REFERENCES = {"campaigns": "campaign", "tags": "tag", "recurs": "lesson", "superseded_by": "lesson",
                       "author": "person", "owner": "person", "knowledge_owner": "person", "successor": "person",
                       "backup_owner": "person", "scenario": "scenario", "platforms": "platform",
                       "channels": "channel", "platform": "platform"}


@dataclass(frozen=True)
class Deferred:
    """A reference written as a title: where, what, and the message said when
    no record can be named instead."""

    loc: tuple[Any, ...]
    value: str
    what: str
    line: int
    col: int
    message: str


def _pattern_words(pattern: str) -> str:
    return say(_PATTERN_WORDS[pattern]) if pattern in _PATTERN_WORDS else say("pattern_other", pattern=pattern)


def _label(loc: tuple[Any, ...]) -> str:
    """How a field is named in a message: 'owner', 'item 2 of channels'."""
    names = [part for part in loc if isinstance(part, str) and part != "[key]"]
    if loc and isinstance(loc[-1], int):
        parent = field_name(names[-1]) if names else say("the_list")
        return say("item_of", number=loc[-1] + 1, parent=parent)
    return field_name(names[-1]) if names else say("the_record")


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return say("a_group")
    if isinstance(value, list):
        return say("a_list")
    if value is None:
        return say("empty")
    return quote(value)


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> Any:
    """The model whose field the last name in `loc` is (None if there is
    none): fields, list items and mapping keys ('tags', 'ict', 'naam') are
    followed as the data nests."""
    current: Any = model
    for part in loc[:-1]:
        if part == "[key]":
            continue
        if _is_model(current):
            info = current.model_fields.get(part) if isinstance(part, str) else None
            if info is None:
                return None
            current = _unwrapped(info.annotation)
        else:  # an index of a list or a key of a mapping: into what it holds
            current = _unwrapped(_held(current))
    return current if _is_model(current) else None


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _unwrapped(annotation: Any) -> Any:
    """Past Optional[...] and Annotated[...]: a model, a list or mapping type, or a plain type."""
    import typing

    while typing.get_origin(annotation) not in (None, list, dict) and _held(annotation) is not None:
        annotation = _held(annotation)
    return annotation


def _held(annotation: Any) -> Any:
    """What a list, a mapping or an optional/annotated type holds."""
    import typing

    origin = typing.get_origin(annotation)
    args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
    if origin is list and args:
        return args[0]
    if origin is dict and len(args) == 2:
        return args[1]
    if origin is not None and args:  # Annotated[...], Optional[...]
        return args[0]
    return None


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
        return (*doc.at(loc[:-1]), say("missing", field=label, help=_field_help(model, loc)))
    if kind == "extra_forbidden":
        return (*doc.key_at(loc), _unknown_field(model, loc)[0])
    if loc and loc[-1] == "[key]":
        line, col = doc.key_at(loc[:-1])
        if kind == "string_pattern_mismatch":
            return line, col, say("not_an_id", value=quote(loc[-2]), words=_pattern_words(error["ctx"]["pattern"]))
    if value is None:
        return line, col, say("empty_value", field=label)
    if kind == "literal_error":
        choices = [c.strip(" '") for c in error["ctx"]["expected"].replace(" or ", ", ").split(",")]
        named = code_of(str(value), choices)  # 'Execution', or the Dutch 'uitvoering'
        if named is None:
            hint = suggest(str(value), choices)
        elif named.casefold() == " ".join(str(value).split()).casefold():  # 'Execution'
            hint = say("did_you_mean", value=f"'{named}'")
        else:  # the Dutch name, as the site and the prompts show it: a file holds the code
            hint = say("write_the_code", value=f"'{named}'")
        return line, col, say("not_allowed", value=quote(value), field=label,
                              choices=", ".join(choice(c) for c in choices), hint=hint)
    if kind == "string_pattern_mismatch":
        words = _pattern_words(error["ctx"]["pattern"])
        like = slugify(str(value))[:SLUG_MAX].strip("-")
        # A name made into an id: 'Eva Jansen' is 'eva-jansen', 'LinkedIn' 'linkedin'; a campaign's or
        # a tag's title rarely is its id, so there the example would lead astray.
        if error["ctx"]["pattern"] == SLUG_PATTERN and SLUG.match(like) and loc[0] not in TITLED_REFERENCES:
            words = say("pattern_slug_like", example=f"'{like}'")
        return line, col, say("not_valid", value=quote(value), field=label, words=words)
    if kind in ("string_too_short", "too_short") and isinstance(value, str):
        return line, col, say("empty_text", field=label)
    if kind in ("string_too_long", "too_long") and isinstance(value, str):
        return line, col, say("too_long_text", field=label, limit=_number(error["ctx"]["max_length"]))
    if kind == "too_long":
        return line, col, say("too_many", field=label, limit=_number(error["ctx"]["max_length"]))
    if kind == "too_short":
        return line, col, say("too_few", field=label, limit=error["ctx"]["min_length"], help=_field_help(model, loc))
    if kind == "list_type":
        info = getattr(_model_at(model, loc), "model_fields", {}).get(loc[-1]) if isinstance(loc[-1], str) else None
        item = _inner_model(info.annotation) if info is not None else None
        if item is not None and isinstance(value, str):  # each item is a group: 'learning_goals' (id, question)
            first, *rest = [name for name, info in item.model_fields.items() if info.is_required()] or ["id"]
            shown = f"- {first}: …" + "".join(f" / {name}: …" for name in rest)
            hint = say("list_of_groups_hint", shown=shown)
        else:
            hint = say("list_hint", value=value) if isinstance(value, str) else ""
        return line, col, say("must_be_list", field=label, hint=hint)
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return line, col, say("must_be_group", field=label, what=_describe(value))
    if kind == "string_type":
        return line, col, say("must_be_text", field=label, what=_describe(value))
    if kind == "less_than_equal":
        return line, col, say("too_large", field=label, limit=_number(error["ctx"]["le"]))
    if kind == "greater_than_equal":
        return line, col, say("too_small", field=label, limit=_number(error["ctx"]["ge"]))
    if kind in ("int_type", "float_type"):
        return line, col, say("must_be_number", field=label, what=_describe(value))
    if kind in ("date_type", "date_from_datetime_parsing"):
        return line, col, say("must_be_date", field=label, what=_describe(value))
    if kind == "value_error":
        return line, col, say("field_says", field=label, text=error["ctx"]["error"])
    if kind == "listed_twice":
        return line, col, say("field_says", field=label, text=error["ctx"]["text"])
    if kind == "bool_type":
        return line, col, say("must_be_bool", field=label, what=_describe(value))
    return line, col, say("field_says", field=label, text=error["msg"])


_number = number


def _unknown_field(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[str, str | None]:
    """The message for a field name the record kind does not have, and the
    field meant when it is written by its Dutch name."""
    names = _field_names(model, loc)
    # 'datum' is the Dutch name of 'date', as the messages and the reference show it.
    written = str(loc[-1]).strip().casefold()
    dutch = [name for name in names if FIELD_NAMES.get(name, "").casefold() == written]
    hint = say("did_you_mean", value=f"'{dutch[0]}'") if dutch else suggest(str(loc[-1]), names)
    if not hint:  # a field of a group below ('kanalen' in a lesson is 'channels' under 'applies_to')
        holder = _model_at(model, loc)
        for name, info in getattr(holder, "model_fields", {}).items():
            inner = _inner_model(info.annotation)
            below = [field for field in getattr(inner, "model_fields", {})
                     if field.casefold() == written or FIELD_NAMES.get(field, "").casefold() == written]
            if below:
                hint = say("did_you_mean", value=say("under_group", field=below[0], group=name))
                break
    return say("unknown_field", name=f"'{loc[-1]}'", hint=hint), (dutch[0] if dutch else None)


def _field_help(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    """The field's description, as a parenthesis to a message."""
    names = [part for part in loc if isinstance(part, str) and part != "[key]"]
    owner = _model_at(model, loc)
    info = getattr(owner, "model_fields", {}).get(names[-1]) if names else None
    if info is not None and info.description:
        text = describe(owner.__name__, names[-1], info.description)
        said = f"{text[0].lower()}{text[1:].rstrip('.')}"
        # Not what the field's name already says: 'what_happened' (wat er gebeurde).
        if said.casefold() in (names[-1].replace("_", " ").casefold(), FIELD_NAMES.get(names[-1], "").casefold()):
            return ""
        return f" ({said})"
    return ""


def validate_document(model: type[BaseModel], doc: Document, problems: Problems,
                      placeholders: set[str] | None = None, deferred: list[Deferred] | None = None) -> Any | None:
    """The record, or None. After errors (already reported), a record is
    still returned when leaving out the faulty fields makes it valid; with
    `placeholders` also when a required field failed: it gets a stand-in
    value, and its name is added to `placeholders`. With `deferred`, a
    reference written as a title is put there instead of being reported."""
    data = dict(doc.data or {})
    if doc.body:
        if "body" in data:
            line, col = doc.key_at(("body",))
            problems.error(doc.path, line, col, say("body_twice"))
            return None
        data["body"] = doc.body
        doc.values[("body",)] = (doc.body_line, 1)
    # Fields whose lines were not valid YAML are reported already: not as
    # missing too, and the record is partial (as with stand-ins, below).
    broken = doc.broken & set(model.model_fields)
    # A field left out for its YAML may have a wrong name too ('titel: Let
    # op: ...'): said now, not after the line is mended. The field its Dutch
    # name means is then not missing: it is that line.
    for name in sorted(doc.broken - set(model.model_fields)):
        message, meant = _unknown_field(model, (name,))
        problems.error(doc.path, *doc.key_at((name,)), message)
        if meant is not None:
            broken.add(meant)
    # A field written by its Dutch name ('datum', 'rol') where that field is
    # missing: said once, and its value checked as the field's value, so
    # that '15-03-2024' is said in the same run as the name.
    for name in [key for key in data if key not in model.model_fields]:
        message, meant = _unknown_field(model, (name,))
        if meant is not None and meant not in data and meant != "body":
            problems.error(doc.path, *doc.key_at((name,)), message)
            data[meant] = data.pop(name)
            _rename(doc, name, meant)
    whole = placeholders is None  # the caller takes no partial record
    said: set[tuple[Any, ...]] = set()

    def say_errors(errors: list[dict[str, Any]], left_out: set[tuple[Any, ...]]) -> list[dict[str, Any]]:
        """Report what was not said yet; the errors that leave something to drop."""
        acted = []
        for error in errors:
            loc = tuple(error["loc"])
            if error["type"] == "missing" and (loc in left_out or len(loc) == 1 and loc[0] in broken):
                continue  # its lines were not YAML, or it was left out below for its own (reported) error
            if error["type"] == "too_short" and loc in trimmed_here:
                continue  # a list with items, each of them faulty (reported): not an empty one
            acted.append(error)
            if any(loc[:len(done)] == done for done in doc.said):
                continue  # an alias or a tag: said when the file was read
            value = error.get("input")
            key = (loc, error["type"], error["msg"], value if isinstance(value, (str, int, float)) else None)
            if key in said:
                continue
            said.add(key)
            if error["type"] == "listed_twice":
                _say_repeats(error, doc, problems)
                continue
            line, col, message = explain(error, model, doc)
            if deferred is not None and _written_as_title(error):
                deferred.append(Deferred(loc, error["input"], DEFERRED_REFERENCES[loc[0]], line, col, message))
            else:
                problems.error(doc.path, line, col, message)
        return acted

    def valid(record: Any) -> Any | None:
        if broken and whole:
            return None
        if placeholders is not None:
            placeholders.update(broken)
        return record

    # Cross-record checks still run on what is valid, so that one run reports
    # a wrong reference next to a typo in another field: validate again
    # without what failed (a list keeps its good items, a repeated item is
    # kept once), and say what that shows, until the record holds or
    # nothing more can be left out.
    current: dict[str, Any] = data
    left_out: set[tuple[Any, ...]] = set()
    trimmed_here: set[tuple[Any, ...]] = set()  # fields that lost faulty parts in this validation
    for _ in range(MAX_ROUNDS):
        try:
            return valid(model.model_validate(current))
        except ValidationError as exc:
            errors = say_errors(exc.errors(include_url=False), left_out)
        trimmed = _without(current, errors, doc)
        if trimmed is None:
            break
        trimmed_here.update((name,) for name in current if name in doc.trimmed)
        current, dropped = trimmed
        left_out |= dropped
    if placeholders is None or (broken and whole):
        return None
    # A required field failed: stand-ins for it make a record that is still
    # checked with the others (`checks` says nothing that rests on a
    # stand-in). A required field that still fails in part (a period whose
    # start is wrong) gets one as a whole.
    fields = model.model_fields
    missing = {name for name, info in fields.items() if info.is_required() and name not in current}
    for _ in range(2):
        try:
            record = model.model_validate({**current, **{name: _stand_in(model, name) for name in missing}})
        except _NoStandIn:
            return None
        except ValidationError as exc:
            failing = {error["loc"][0] for error in exc.errors(include_url=False) if error["loc"]}
            if not failing or not all(name in fields and fields[name].is_required() for name in failing):
                return None
            missing |= failing
            continue
        placeholders.update(missing | broken)
        return record
    return None


# Validations of one record at most: each leaves out what the one before
# found faulty (a list item, then the list's repeats, then ...).
MAX_ROUNDS = 5


def _without(data: dict[str, Any], errors: list[dict[str, Any]],
             doc: Document) -> tuple[dict, set[tuple[Any, ...]]] | None:
    """`data` without what `errors` found faulty, and where fields were left
    out whole; None when nothing could be left out. A list or a mapping keeps its
    good items ('campaigns: [bestaat-niet-2032, Hyves stage]' still has the
    first checked as a reference), a repeated item is kept once."""
    by_field: dict[str, list[dict[str, Any]]] = {}
    for error in errors:
        if error["loc"] and error["loc"][0] in data:
            by_field.setdefault(error["loc"][0], []).append(error)
    if not by_field:
        return None
    kept, dropped = dict(data), set()
    for name, found in by_field.items():
        items = kept[name]
        doc.trimmed.add(name)
        if isinstance(items, list) and all(len(e["loc"]) >= 2 and isinstance(e["loc"][1], int) for e in found):
            wrong = {e["loc"][1] for e in found}
            keep = [index for index in range(len(items)) if index not in wrong]
        elif isinstance(items, list) and all(e["type"] == "listed_twice" for e in found):
            keep = _first_of_each(items)
        elif isinstance(items, dict) and all(len(e["loc"]) >= 2 and e["loc"][1] in items for e in found):
            wrong_keys = {e["loc"][1] for e in found}
            kept[name] = {key: value for key, value in items.items() if key not in wrong_keys}
            dropped.update((name, key) for key in wrong_keys)
            continue
        else:
            del kept[name]
            dropped.add((name,))
            continue
        kept[name] = [items[index] for index in keep]
        _renumber(doc, name, keep)
    return kept, dropped


def _first_of_each(items: list[Any]) -> list[int]:
    """The indexes of the items that are not a repeat of an earlier one."""
    seen: set[str] = set()
    keep = []
    for index, item in enumerate(items):
        if str(item) not in seen:
            seen.add(str(item))
            keep.append(index)
    return keep


def _say_repeats(error: dict[str, Any], doc: Document, problems: Problems) -> None:
    """Every repeat in a list, where it stands (not where the list begins)."""
    where, items = tuple(error["loc"]), error["input"]
    if not isinstance(items, list):
        problems.error(doc.path, *doc.at(where), error["msg"])
        return
    first = set(_first_of_each(items))
    for index, item in enumerate(items):
        if index not in first:
            problems.error(doc.path, *doc.at(where + (index,)), say("repeated", value=quote(item), field=_label(where)))


def _rename(doc: Document, old: str, new: str) -> None:
    """Every position and mark of field `old` under the name `new`."""
    for table in (doc.values, doc.keys, doc.block_scalars, doc.joined):
        for loc in [loc for loc in table if loc[:1] == (old,)]:
            table[(new, *loc[1:])] = table.pop(loc)
    for marks in (doc.quoted, doc.said):
        for loc in [loc for loc in marks if loc[:1] == (old,)]:
            marks.discard(loc)
            marks.add((new, *loc[1:]))


def _written_as_title(error: dict[str, Any]) -> bool:
    loc = error["loc"]
    return (error["type"] == "string_pattern_mismatch" and error["ctx"]["pattern"] == SLUG_PATTERN
            and bool(loc) and loc[0] in DEFERRED_REFERENCES and loc[-1] != "[key]" and isinstance(error["input"], str))


def _renumber(doc: Document, name: str, kept: list[int]) -> None:
    """Positions of a list's kept items under their new indexes: what is
    said about item 0 of the shortened list points at the line it was on."""
    new_index = {old: new for new, old in enumerate(kept)}
    for table in (doc.values, doc.keys):
        items = [loc for loc in table if len(loc) >= 2 and loc[0] == name and isinstance(loc[1], int)]
        positions = [(loc, table.pop(loc)) for loc in items]
        table.update({(name, new_index[loc[1]], *loc[2:]): at for loc, at in positions if loc[1] in new_index})


class _NoStandIn(Exception):
    pass


def _stand_in(model: type[BaseModel], name: str) -> Any:
    """A valid value for a required field of `model`, standing in for one that failed."""
    info = model.model_fields[name]
    return _valid_value(Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation)


@functools.cache
def _valid_value(annotation: Any) -> Any:
    import typing

    inner = annotation
    while typing.get_origin(inner) is Annotated:
        inner = typing.get_args(inner)[0]
    candidates: list[Any] = []
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        candidates.append({name: _stand_in(inner, name) for name, info in inner.model_fields.items()
                           if info.is_required()})
    if typing.get_origin(inner) is Literal:
        candidates.append(typing.get_args(inner)[0])
    if typing.get_origin(inner) is list:
        item = typing.get_args(inner)[0] if typing.get_args(inner) else str
        candidates += [[], [_valid_value(item)]]
    candidates += ["stand-in", "2000-01-01", 1]
    adapter = TypeAdapter(annotation)
    for candidate in candidates:
        try:
            adapter.validate_python(candidate)
            return candidate
        except ValidationError:
            continue
    raise _NoStandIn(str(annotation))


# --- loading ------------------------------------------------------------------


def _better_folder(model: type[BaseModel], data: dict[str, Any]) -> Any:
    """The kind of record whose fields `data` has, when it is not the kind
    of its folder: a lesson saved among the campaigns. None otherwise."""
    keys = set(data) - {"body"}
    unknown = keys - set(model.model_fields)
    if len(unknown) < 3:
        return None
    best = max(KIND_BY_FOLDER.values(), key=lambda kind: (len(keys & set(kind.model_fields)), kind is model))
    fits = len(keys & set(best.model_fields))
    return best if best is not model and fits > len(keys) - len(unknown) and fits >= len(keys) - 1 else None


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
    placeholders: set[str] = field(default_factory=set)  # required fields that failed: stand-ins
    deferred: list[Deferred] = field(default_factory=list)  # references written as titles
    addresses: list[Address] = field(default_factory=list)  # links and images to the handbook's pages and files


@dataclass
class ReadCache:
    """Files already read and validated, by path, kept while their size,
    time and inode stay the same: `handbook serve` re-reads only what an
    author changed."""

    files: dict[str, tuple[tuple[int, int, int], _FileResult]] = field(default_factory=dict)

    def get(self, source: SourceFile) -> _FileResult:
        try:
            stat = source.file.stat()
        except OSError:  # gone since it was listed: read it as it is now (the reader says what is wrong)
            return _read(source)
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


def _validated(result: _FileResult, model: type[BaseModel], text_checks: bool) -> _FileResult:
    """`result` with its record validated (once: a cached result keeps it)."""
    if not result.validated:
        found = Problems()
        result.record = validate_document(model, result.doc, found, result.placeholders, result.deferred)
        if text_checks:
            check_record_text(result.doc, model, True, found, result.addresses)
        result.validate_problems, result.validated = found.items, True
    return result


def _read_all(files: list[SourceFile], text_checks: bool, progress: bool) -> list[_FileResult]:
    """Read and validate every record file, each on its own: in two processes
    from PARALLEL_FROM files on (reading and validating 10,000 records took
    4.6 s on one core)."""

    def share(part: list[SourceFile], shown: bool = False) -> list[_FileResult]:
        results = [_read(source) for source in counting(part, "records read", shown)]
        for source, result in zip(part, results, strict=True):
            if source.folder and result.doc.data is not None:
                _validated(result, KIND_BY_FOLDER[source.folder], text_checks)
        return results

    with elsewhere(lambda: share(files[1::2]), wanted=len(files) >= PARALLEL_FROM) as there:
        mine = share(files[0::2], progress)
    results: list[_FileResult] = [None] * len(files)  # type: ignore[list-item]
    results[0::2], results[1::2] = mine, there()
    return results


PARALLEL_FROM = 2_000


def load_catalog(
    project: Path,
    problems: Problems,
    today: date,
    timings: dict[str, float] | None = None,
    progress: bool = False,
    cache: ReadCache | None = None,
    text_checks: bool = True,
) -> Catalog | None:
    """Read, validate and cross-check every record under `project/data`, then
    derive the catalog's relations, verdicts (as of `today`) and figures.

    `timings`, when given, receives the seconds spent reading ('load') and
    validating ('validate'); `progress` shows a counter on the terminal;
    `cache` keeps what unchanged files gave from one call to the next.
    `text_checks=False` leaves out the checks of record text (HTML, links,
    personal data): only for tests that show the layers behind them hold
    on their own.
    """
    started = time.perf_counter()
    files = discover(project, problems)
    if cache is None:
        results = list(zip(files, _read_all(files, text_checks, progress), strict=True))
    else:
        read = cache.get if cache is not None else _read
        results = [(source, read(source)) for source in counting(files, "records read", progress)]
    read_done = time.perf_counter()
    taxonomy: Taxonomy | None = None
    faulty_taxonomy: Taxonomy | None = None  # one with mistakes, made to check the other files against
    taxonomy_doc = Document(path="data/taxonomy.yml", data=None)
    staged: dict[str, dict[str, Entry]] = defaultdict(dict)
    partial: dict[str, list[Entry]] = defaultdict(list)  # with stand-ins or an unusable id: checked, never shown
    seen: dict[tuple[str, str], SourceFile] = {}
    known_ids: dict[str, set[str]] = defaultdict(set)
    addresses: list[Address] = []  # to be followed once the docs folder is read
    titled: list[tuple[str, Deferred]] = []  # references written as titles, by file

    for source, result in results:
        doc = result.doc
        problems.extend(result.read_problems)
        if source.folder == "":
            taxonomy_doc = doc
            if doc.data is not None:
                if doc.body:
                    problems.error(doc.path, doc.body_line, 1, say("taxonomy_no_narrative"))
                before = len(problems.errors)
                taxonomy = validate_document(Taxonomy, doc, problems)
                if len(problems.errors) > before or doc.broken:
                    # Its mistakes are said; the other files are still checked against it.
                    taxonomy, faulty_taxonomy = None, _taxonomy_for_checks(doc)
                if text_checks:
                    check_record_text(doc, Taxonomy, True, problems)
            continue
        model = KIND_BY_FOLDER[source.folder]
        ident = source.file.stem
        # Two names that one file system (or one reader) could take for the
        # same file are one id: fold case and Unicode forms before comparing.
        key = (source.folder, _fold(ident))
        # A record whose id cannot be used still has its own problems said
        # (all in one run), but it is not added to the handbook.
        usable = False
        if key in seen:
            problems.error(source.path, 1, 1, say("id_twice", value=quote(ident), other=seen[key].path))
        elif not SLUG.match(ident) or len(ident) > SLUG_MAX:
            problems.error(source.path, 1, 1, say("bad_file_name", value=quote(ident), limit=SLUG_MAX))
        elif ident in RESERVED_IDS:
            problems.error(source.path, 1, 1, say("reserved_id", value=quote(ident)))
        else:
            usable = True
        if key not in seen:
            seen[key] = source
            known_ids[model.kind].add(ident)
        key_owner = seen[key]
        if ident in NEW_FILE_NAMES.get(model.kind, {}).values():
            problems.error(source.path, 1, 1, say("starting_name", value=quote(ident)))
        if doc.data is None:
            continue
        elsewhere_kind = _better_folder(model, doc.data)
        if elsewhere_kind is not None:
            # Said alone: every field missing or unknown here follows from it.
            problems.error(source.path, 1, 1, say("wrong_folder", kind=kind_name(elsewhere_kind.kind),
                                                  folder=f"data/{elsewhere_kind.folder}/"))
            continue
        _validated(result, model, text_checks)
        problems.extend(result.validate_problems)
        titled.extend((source.path, item) for item in result.deferred)
        if not usable:
            if result.record is not None and key_owner is source:  # its references are checked still
                partial[model.kind].append(Entry(ident, result.record, doc, frozenset(result.placeholders)))
            continue
        if result.record is not None and result.placeholders:
            partial[model.kind].append(Entry(ident, result.record, doc, frozenset(result.placeholders)))
        elif result.record is not None:
            staged[model.kind][ident] = Entry(ident, result.record, doc)
        addresses.extend(result.addresses)

    catalog = None
    if taxonomy is not None or faulty_taxonomy is not None:
        catalog = Catalog(taxonomy or faulty_taxonomy, taxonomy_doc, today, ids=known_ids, addresses=addresses)
        for kind, entries in staged.items():
            catalog.of_kind(kind).update(entries)
        check_references(catalog, problems, partial)
        check_titled_references(catalog, problems, titled)
        if taxonomy is None:  # checked only: no handbook is made from a faulty taxonomy
            catalog = None
        else:
            derive(catalog)
    else:  # without the taxonomy no record can be named: the format is said
        for path, item in titled:
            problems.error(path, item.line, item.col, item.message)
    if timings is not None:
        timings["load"] = read_done - started
        timings["validate"] = time.perf_counter() - read_done
    return catalog




class _Unread(dict):
    """A section of the taxonomy that could not be read (its mistake is
    said): every id counts as one of it, so that no reference to it is
    called unknown for a mistake that is not the referrer's."""

    def __init__(self, term: type[BaseModel]) -> None:
        super().__init__()
        self.term = term

    def __contains__(self, key: object) -> bool:
        return True

    def __missing__(self, key: str) -> BaseModel:
        return _stand_in_term(self.term, key)


def _stand_in_term(term: type[BaseModel], key: str) -> BaseModel:
    """A term of the taxonomy whose entry has mistakes (said): its id as its name."""
    return term.model_construct(name=key, **({"group": "other"} if "group" in term.model_fields else {}))


def _taxonomy_for_checks(doc: Document) -> Taxonomy:
    """The taxonomy as far as it can be read, to check the other files
    against when it has mistakes: every term whose id can be read, a faulty
    one as a stand-in (it is there, only written wrongly), and a section that
    cannot be read at all as one that holds every id."""
    data = doc.data if isinstance(doc.data, dict) else {}
    sections: dict[str, Any] = {}
    for name, info in Taxonomy.model_fields.items():
        term = get_args(info.annotation)[1]
        raw = data.get(name)
        if name in doc.broken or (name not in data and info.is_required()) or \
                (raw is not None and not isinstance(raw, dict)):
            sections[name] = _Unread(term)
            continue
        terms: dict[str, Any] = {}
        for key, value in (raw or {}).items():
            if not isinstance(key, str):
                continue
            try:
                terms[key] = term.model_validate(value)
            except ValidationError:
                terms[key] = _stand_in_term(term, key)
        for key in list(terms):  # an id written wrongly ('Hyves'): the one meant is there too
            terms.setdefault(slugify(key), _stand_in_term(term, key))
        sections[name] = terms
    return Taxonomy.model_construct(**sections)


def check_docs_folder(project: Path, docs: Path, problems: Problems, catalog: Catalog | None = None) -> None:
    """Its pages written by hand hold no invisible characters (as records do
    not). With `catalog`: every link and image in its records' text leads to
    a page or file written by hand in the docs folder. (What may be
    published from there at all, links and hard links refused:
    `published.check_published`.)"""
    shown = shown_path(project, docs)
    if docs.is_symlink():
        return
    written: set[str] = set()  # the files written by hand, as paths in the docs folder
    for folder, subfolders, files in os.walk(docs):
        here = Path(folder)
        inside = here.relative_to(docs).as_posix()
        if inside.split("/")[0] != GENERATED:
            written.update(name if inside == "." else f"{inside}/{name}" for name in files)
            for name in sorted(files):
                # A plain file only: a link is refused elsewhere, a pipe would never end.
                # Pages, and text a page can include (snippets).
                if name.endswith((".md", ".txt")) and (here / name).is_file() and not (here / name).is_symlink():
                    check_page(here / name, f"{shown}/{(here / name).relative_to(docs).as_posix()}", problems)
    if catalog is not None:
        leads: dict[tuple[str, str, bool], bool] = {}  # each address once, however many links use it
        for address in catalog.addresses:
            key = (address.url, address.path, address.image)
            if key not in leads:
                leads[key] = _leads_somewhere(address, written, catalog.ids)
            if not leads[key]:
                problems.error(address.path, address.line, address.col, say(
                    "image_nowhere" if address.image else "link_nowhere", field=field_name(address.field),
                    snippet=quote(address.url, 60), docs=shown))


def _leads_somewhere(address: Address, written: set[str], ids: dict[str, set[str]]) -> bool:
    """Whether a link or image in a record's text, written as from the
    record's page (`records/lessons/x.md`), leads to a record's page or to
    a file written by hand in the docs folder."""
    path = unquote(address.url.partition("#")[0])
    if not path:
        return not address.image  # an anchor on the record's own page
    if path.startswith("/") or "?" in path or "\\" in path:
        return False  # from the site's root: wrong wherever the site is served from
    folder = address.path.split("/")[-2]
    target = posixpath.normpath(posixpath.join(GENERATED, folder, path))
    if target.split("/")[0] != GENERATED:
        return target in written
    kind_folder, _, name = target.partition("/")[2].partition("/")
    model = KIND_BY_FOLDER.get(kind_folder)
    stem = name.removesuffix(".md")
    return (model is not None and not address.image and name.endswith(".md") and "/" not in name
            and (stem == "index" or stem in ids.get(model.kind, ())))
