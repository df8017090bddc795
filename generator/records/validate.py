"""One record against its model, with every problem located.

`validate_document` validates what was read from one file; after an error it
leaves out the faulty fields and validates again (at most a few rounds), so
one run names every mistake in the record and the rest of the record is
still checked against the others.
"""

from __future__ import annotations

import functools
from typing import Annotated, Any, Literal

from pydantic import BaseModel, TypeAdapter, ValidationError

from .read import Document
from ..words.messages import say
from .fields import SLUG_PATTERN
from ..words.problems import Problems, quote



from .explain import DEFERRED_REFERENCES, Deferred, explain, field_label, unknown_field


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
        message, meant = unknown_field(model, (name,))
        problems.error(doc.path, *doc.key_at((name,)), message)
        if meant is not None:
            broken.add(meant)
    # A field written by its Dutch name ('datum', 'rol') where that field is
    # missing: said once, and its value checked as the field's value, so
    # that '15-03-2024' is said in the same run as the name.
    for name in [key for key in data if key not in model.model_fields]:
        message, meant = unknown_field(model, (name,))
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
            problems.error(doc.path, *doc.at(where + (index,)), say("repeated", value=quote(item), field=field_label(where)))


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
