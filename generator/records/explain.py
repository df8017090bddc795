"""Pydantic's errors in words a recruiter understands, at the line and
column of the value they are about: which field, what was written, what is
allowed, and the nearest allowed value when there is one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .writing import slugify
from .read import Document
from ..words.messages import FIELD_NAMES, choice, code_of, describe, number, say
from ..words.messages import field as field_name
from .vocabularies import VOCABULARIES
from .fields import model_inside
from .fields import EMAIL_PATTERN, GITHUB_PATTERN, GOAL_REF_PATTERN, PHONE_PATTERN, SLUG, SLUG_MAX, SLUG_PATTERN, URL_PATTERN
from ..words.problems import quote, suggest




_PATTERN_WORDS = {
    SLUG_PATTERN: "pattern_slug",
    URL_PATTERN: "pattern_url",
    EMAIL_PATTERN: "pattern_email",
    PHONE_PATTERN: "pattern_phone",
    GOAL_REF_PATTERN: "pattern_goal",
    GITHUB_PATTERN: "pattern_github",
}

# Reference fields whose ids are not their records' names made into ids.
TITLED_REFERENCES = {"campaigns", "tags", "recurs", "superseded_by", "answers", "campaign"}
# References an author often writes by the title the site shows ('Hyves
# stage 2009' for 'hyves-stage-2009'): a value that cannot be an id is said
# after all records are read, with the id whose title it is (`checks`).
DEFERRED_REFERENCES = {"campaigns": "campaign", "recurs": "lesson", "superseded_by": "lesson",
                       "author": "person", "owner": "person", "knowledge_owner": "person", "successor": "person",
                       "backup_owner": "person",
                       **{use.path[-1]: v.term for v in VOCABULARIES for use in v.uses}}


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


def field_label(loc: tuple[Any, ...]) -> str:
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


def explain(error: dict[str, Any], model: type[BaseModel], doc: Document) -> tuple[int, int, str]:
    """One pydantic error -> (line, col, message a recruiter understands)."""
    kind = error["type"]
    loc = tuple(error["loc"])
    value = error.get("input")
    label = field_label(loc)
    line, col = doc.at(loc)

    if kind == "missing":
        return (*doc.at(loc[:-1]), say("missing", field=label, help=_field_help(model, loc)))
    if kind == "extra_forbidden":
        return (*doc.key_at(loc), unknown_field(model, loc)[0])
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
        item = model_inside(info.annotation) if info is not None else None
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


def unknown_field(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[str, str | None]:
    """The message for a field name the record kind does not have, and the
    field meant when it is written by its name in a language the handbook
    speaks."""
    names = _field_names(model, loc)
    # 'datum' is the Dutch name of 'date', as the messages and the reference show it.
    written = str(loc[-1]).strip().casefold()
    meant = [name for name in names if _named(name, written)]
    hint = say("did_you_mean", value=f"'{meant[0]}'") if meant else suggest(str(loc[-1]), names)
    if not hint:  # a field of a group below ('kanalen' in a lesson is 'channels' under 'applies_to')
        holder = _model_at(model, loc)
        for name, info in getattr(holder, "model_fields", {}).items():
            inner = model_inside(info.annotation)
            below = [field for field in getattr(inner, "model_fields", {})
                     if field.casefold() == written or _named(field, written)]
            if below:
                hint = say("did_you_mean", value=say("under_group", field=below[0], group=name))
                break
    return say("unknown_field", name=f"'{loc[-1]}'", hint=hint), (meant[0] if meant else None)


def _named(field: str, written: str) -> bool:
    """Whether `written` (casefolded) is the field's name in a language the handbook speaks."""
    return any(name.casefold() == written for name in FIELD_NAMES.everywhere(field))


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
