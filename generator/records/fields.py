"""The types every record field is made of: ids, dates, counts, amounts,
text and Markdown, each read from the string the reader gives, with no
silent coercion; and the base of every model, which rejects unknown fields.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal, get_args

from ..project.settings import FIRST_YEAR, LAST_YEAR
from ..words.messages import quote, say
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

# The one definition of an id: a file name, a reference, a learning goal.
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUG_MAX = 64
SLUG = re.compile(SLUG_PATTERN)
# A learning goal as a lesson names it: 'goal', or 'campaign:goal'.
GOAL_REF_PATTERN = r"^([a-z0-9]+(?:-[a-z0-9]+)*:)?[a-z0-9]+(?:-[a-z0-9]+)*$"
URL_PATTERN = r"^https?://\S+$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
PHONE_PATTERN = r"^\+?[0-9 ()-]{6,20}$"
# A GitHub account as GitHub allows it: letters, digits and single hyphens
# between them, at most 39 characters (the length is the type's max_length).
GITHUB_PATTERN = r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$"
GITHUB_MAX = 39


# The largest figures a result may hold: more than any campaign reaches or
# spends, small enough that every sum and ratio stays exact.
MAX_PEOPLE = 1_000_000_000  # reach, engagement, shares
MAX_COUNT = 10_000_000  # conversations, applications, hires
MAX_EUROS = 1_000_000_000
MAX_HOURS = 10_000_000


class MarkdownText:
    """Marks a field whose text is Markdown (checked for HTML and unsafe links)."""

    def __repr__(self) -> str:
        return "MarkdownText()"


def _day(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value.strip()):
            raise ValueError(say("not_a_date", value=quote(value)))
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(say("no_such_date", value=quote(value))) from None
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise ValueError(say("date_out_of_range", value=quote(value), first=FIRST_YEAR, last=LAST_YEAR))
        return day
    return value


def _count(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip().replace("_", "")
        if re.fullmatch(r"-[0-9]{1,12}", text):
            raise ValueError(say("below_zero", value=quote(value)))
        if not re.fullmatch(r"[0-9]{1,12}", text):
            raise ValueError(say("not_whole_number", value=quote(value)))
        return int(text)
    return value


def _amount(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"-[0-9]{1,12}(\.[0-9]{1,2})?", text):
            raise ValueError(say("below_zero", value=quote(value)))
        if not re.fullmatch(r"[0-9]{1,12}(\.[0-9]{1,2})?", text):
            raise ValueError(say("not_an_amount", value=quote(value)))
        return float(text)
    return value


def _text(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    return value


Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=SLUG_MAX),
    Field(description="lower-case letters, digits and single hyphens"),
]
Text = Annotated[str, BeforeValidator(_text), StringConstraints(min_length=1, max_length=2_000)]
Markdown = Annotated[str, BeforeValidator(_text), StringConstraints(min_length=1, max_length=100_000), MarkdownText()]
Day = Annotated[
    date,
    BeforeValidator(_day),
    WithJsonSchema({"type": "string", "format": "date", "description": "a date as YYYY-MM-DD"}),
]
# Written as digits; never negative (the reader's patterns allow no sign).
# The bounds of each field are its Field(le=...), which the schemas show too.
Count = Annotated[int, Field(ge=0), BeforeValidator(_count)]
Amount = Annotated[float, Field(ge=0), BeforeValidator(_amount)]
People = Annotated[int, Field(ge=0, le=MAX_PEOPLE), BeforeValidator(_count)]
Number = Annotated[int, Field(ge=0, le=MAX_COUNT), BeforeValidator(_count)]
Euros = Annotated[float, Field(ge=0, le=MAX_EUROS), BeforeValidator(_amount)]
Hours = Annotated[float, Field(ge=0, le=MAX_HOURS), BeforeValidator(_amount)]
Months = Annotated[int, Field(ge=1, le=120), BeforeValidator(_count)]  # between reviews: up to ten years
WithinHours = Annotated[int, Field(ge=0, le=720), BeforeValidator(_count)]  # a webcare answer: within a month
Recruitment = Literal["active", "passive"]


def _no_repeats(values: list[str]) -> list[str]:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            # Its own kind of error: the check places each repeat and keeps the list's first of each.
            raise PydanticCustomError("listed_twice", "{text}", {"text": say("listed_twice", value=quote(value))})
        seen.add(value)
    return values


SlugList = Annotated[list[Slug], AfterValidator(_no_repeats)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def model_inside(annotation: Any) -> type[BaseModel] | None:
    """The model a field's type holds (`Period`, `list[Result]`, `AppliesTo | None`), or None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in get_args(annotation):
        found = model_inside(argument)
        if found is not None:
            return found
    return None
