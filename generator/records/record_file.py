"""A record as a file an author edits: the schema line, the kind's
description, each field under its description, and the optional fields as
commented lines, so that authors learn they exist. `handbook new` writes
one filled in; the "new lesson in the browser" link of the site opens one
with its fields still empty (`blank_record`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .writing import dump_fields
from ..words.messages import describe, explain_kind, say
from .fields import model_inside
from .models import MODELS


# A file name for each kind, as the blank record suggests one.
EXAMPLE_NAMES = {"lesson": "ouders-beslissen-mee-2024.yml", "campaign": "tiktok-mbo-techniek-2024.yml"}


def blank_record(kind: str) -> str:
    """A new record of `kind` with its required fields still to fill in (a
    new lesson proposed). Dates are left empty, with how to write them: the
    site that offers this file was built on another day than it is used."""
    model = MODELS[kind]
    lines = [
        f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json",
        f"# {explain_kind(model.__name__, model.__doc__.strip().splitlines()[0])}",
        f"# {say('blank_file_name', example=EXAMPLE_NAMES.get(kind, kind + '.yml'))}",
        "",
    ]
    for name, info in model.model_fields.items():
        if not info.is_required():
            continue
        dated = _without_none(info.annotation) is date
        lines.append(f"# {describe(model.__name__, name, info.description)}" + (say("write_date") if dated else ""))
        lines += _empty_field(name, info).split("\n")
        lines.append("")
    if kind == "lesson":
        lines += [f"# {describe(model.__name__, 'status', model.model_fields['status'].description)}",
                  "status: proposed", ""]
    fields = {"status": "proposed"} if kind == "lesson" else {}
    return "\n".join(lines) + "\n" + _optional(model, set(model.model_fields) - _required(model) - set(fields) - {"status"}
                                         if kind == "lesson" else set(model.model_fields) - _required(model))


def _required(model: Any) -> set[str]:
    return {name for name, info in model.model_fields.items() if info.is_required()}


def _optional(model: Any, names: set[str]) -> str:
    optional = [name for name in model.model_fields if name in names and name not in UNOFFERED]
    if not optional:
        return ""
    lines = [f"# {say('new_optional_fields')}", ""]
    for name in optional:
        info = model.model_fields[name]
        lines.append(f"# {describe(model.__name__, name, info.description)}")
        lines += [f"# {line}" for line in _empty_field(name, info).split("\n")]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def render_record(kind: str, fields: dict[str, Any], schema_path: str) -> str:
    """The record file: the schema line, the kind's description, then each
    field under its description."""
    model = MODELS[kind]
    lines = [
        f"# yaml-language-server: $schema={schema_path}",
        f"# {explain_kind(model.__name__, model.__doc__.strip().splitlines()[0])}",
        f"# {say('see_reference')}",
        "",
    ]
    for name, value in fields.items():
        lines.append(f"# {describe(model.__name__, name, model.model_fields[name].description)}")
        lines.append(dump_fields({name: value}).rstrip("\n"))
        lines.append("")
    text = "\n".join(lines).rstrip("\n") + "\n"
    optional = {name for name, info in model.model_fields.items() if name not in fields and not info.is_required()}
    # The fields an author may add, so that they know these exist.
    return text + ("\n" + _optional(model, optional) if _optional(model, optional) else "")


# Optional fields not offered in a new record: the story below the fields of
# a Markdown record, and what only a later review of the lesson fills in.
UNOFFERED = {"body", "superseded_by", "reviewed", "left"}


def _empty_field(name: str, info: Any) -> str:
    """`name:` as an author would start it: a list (of groups of fields: one
    item to copy), a group of fields, or one value."""
    import typing

    annotation = _without_none(info.annotation)
    if typing.get_origin(annotation) is list:
        item = model_inside(typing.get_args(annotation)[0]) if typing.get_args(annotation) else None
        if item is None:
            return f"{name}: []"
        children = [f"{child}: []" if typing.get_origin(_without_none(sub.annotation)) is list else f"{child}:"
                    for child, sub in item.model_fields.items()]
        return "\n".join([f"{name}:", f"  - {children[0]}"] + [f"    {child}" for child in children[1:]])
    inner = model_inside(annotation)
    if inner is not None:
        return "\n".join([f"{name}:"] + [f"  {child}: []" if typing.get_origin(_without_none(sub.annotation)) is list
                                         else f"  {child}:" for child, sub in inner.model_fields.items()])
    return f"{name}:"


def _without_none(annotation: Any) -> Any:
    """`X | None` as X."""
    import types
    import typing

    arguments = [argument for argument in typing.get_args(annotation) if argument is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(arguments) == 1:
        return arguments[0]
    return annotation
