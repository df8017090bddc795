"""The record kinds, as pydantic models.

Every scalar arrives from the reader as a string; the types below decide what
it means, with no silent coercion: a date must be written as a date, a count
as digits, a choice as one of its words. Unknown fields are rejected. The
field descriptions are the record reference (the handbook's reference page
and the JSON Schema that editors use are generated from them).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, ClassVar, Literal, get_args, get_origin

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


class Record(Model):
    """Fields that every record kind has."""

    kind: ClassVar[str]
    folder: ClassVar[str]

    tags: SlugList = Field(default_factory=list, description="Tags from the taxonomy, for the tag index.")
    body: Markdown | None = Field(
        default=None,
        description="The narrative, in Markdown. In a `.md` record this is the text below the fields.",
    )


# --- taxonomy -------------------------------------------------------------


# A name in a list, a chart's label or a navigation entry: short.
Name = Annotated[str, BeforeValidator(_text), StringConstraints(min_length=1, max_length=80)]


class Term(Model):
    name: Name = Field(description="Name as shown in the Dutch handbook (at most 80 characters).")
    name_en: Name | None = Field(default=None, description="Name in the English handbook (defaults to `name`).")
    description: Text | None = Field(default=None, description="One or two sentences on what the term means.")


class Platform(Term):
    url: Annotated[str, StringConstraints(pattern=URL_PATTERN, max_length=300)] | None = Field(
        default=None, description="The platform's public address."
    )
    closed: Day | None = Field(
        default=None,
        description="Date the platform closed down (Hyves closed in 2013); no campaign may start on it after.",
    )


class Channel(Term):
    group: Literal["social", "own", "paid", "network", "jobboard", "other"] = Field(
        description="What kind of channel: social media, own website, paid advertising, "
        "network (referrals, relations), job board, or other."
    )


class Scenario(Term):
    suits: list[Recruitment] = Field(
        default_factory=list,
        description="Which kinds of recruitment the scenario suits: active, passive or both.",
    )


class Taxonomy(Model):
    """The controlled vocabularies, kept as data so the organisation can change them."""

    kind: ClassVar[str] = "taxonomy"

    # At most so many terms: every index page shows each of them once.
    platforms: dict[Slug, Platform] = Field(max_length=100, description="Social media and other platforms, by id.")
    channels: dict[Slug, Channel] = Field(
        max_length=100, description="Recruitment channels, by id: where candidates come from.")
    scenarios: dict[Slug, Scenario] = Field(max_length=100, description="Scenarios of social media management, by id.")
    tags: dict[Slug, Term] = Field(default_factory=dict, max_length=500, description="Tags, by id.")


# --- people ---------------------------------------------------------------


class Person(Record):
    """Someone who owns or secures knowledge. Owners everywhere refer to people by id."""

    kind: ClassVar[str] = "person"
    folder: ClassVar[str] = "people"

    name: Text = Field(description="Full name.")
    role: Text = Field(description="Job title, for example 'recruiter' or 'arbeidsmarktcommunicatie'.")
    team: Text = Field(description="Team or department.")
    email: Annotated[str, StringConstraints(pattern=EMAIL_PATTERN, max_length=200)] | None = Field(
        default=None, description="Work email address."
    )
    phone: Annotated[str, StringConstraints(pattern=PHONE_PATTERN)] | None = Field(
        default=None, description="Work phone number."
    )
    joined: Day | None = Field(default=None, description="Date they joined.")
    left: Day | None = Field(default=None, description="Date they left the organisation; their knowledge needs a new owner.")
    successor: Slug | None = Field(default=None, description="Person id of whoever took over their knowledge.")


# --- campaigns ------------------------------------------------------------


class Period(Model):
    start: Day = Field(description="First day of the campaign.")
    end: Day | None = Field(default=None, description="Last day; leave out while the campaign runs.")


class LearningGoal(Model):
    id: Slug = Field(description="Short id, unique within the campaign; lessons name it in `answers`.")
    question: Text = Field(description="What do we want to learn from this campaign? Phrase it as a question.")


class Result(Model):
    channel: Slug = Field(description="Channel id the figures belong to.")
    platform: Slug | None = Field(default=None, description="Platform id, where the channel ran on one.")
    reach: People | None = Field(default=None, description="People who saw the message.")
    engagement: People | None = Field(default=None,
                                     description="Likes, comments, clicks: people who reacted.")
    shares: People | None = Field(default=None, description="Times the message was shared onwards.")
    conversations: Number | None = Field(default=None, description="Dialogues started with candidates.")
    applications: Number | None = Field(default=None, description="Applications received.")
    hires: Number | None = Field(default=None, description="People hired.")
    cost: Euros | None = Field(default=None, description="Money spent, in euros.")
    hours: Hours | None = Field(default=None, description="Hours of work spent.")


class Campaign(Record):
    """A recruitment campaign: what it wanted to achieve and what it wanted to learn."""

    kind: ClassVar[str] = "campaign"
    folder: ClassVar[str] = "campaigns"

    title: Text = Field(description="Name of the campaign.")
    summary: Text = Field(description="One or two sentences: what the campaign did.")
    status: Literal["planned", "running", "finished", "stopped"] = Field(
        description="planned, running, finished, or stopped early."
    )
    period: Period = Field(description="When the campaign ran.")
    owner: Slug = Field(description="Person id of who ran the campaign.")
    knowledge_owner: Slug = Field(description="Person id of who secures what the campaign teaches.")
    recruitment: Recruitment = Field(
        description="active: finding and approaching candidates; passive: employer branding, broadcasting."
    )
    scenario: Slug = Field(description="Scenario id of social media management.")
    platforms: SlugList = Field(default_factory=list, description="Platform ids the campaign ran on.")
    channels: SlugList = Field(min_length=1, description="Channel ids through which candidates were reached.")
    audience: Text = Field(description="Who the campaign was for.")
    audience_goal: Text = Field(description="What the audience itself wants (its goal, not ours).")
    listening: Markdown | None = Field(
        default=None, description="What listening to the audience found before the campaign started."
    )
    business_goals: list[Text] = Field(min_length=1, description="What the organisation wanted to achieve.")
    learning_goals: list[LearningGoal] = Field(
        min_length=1, description="What do we want to learn from it? At least one."
    )
    budget: Euros | None = Field(default=None, description="Budget in euros.")
    results: list[Result] = Field(default_factory=list, description="Figures per channel, where known.")
    reviewed: Day | None = Field(default=None, description="When the page was last checked to be right.")


# --- lessons --------------------------------------------------------------


class AppliesTo(Model):
    platforms: SlugList = Field(default_factory=list, description="Platform ids the lesson applies to.")
    channels: SlugList = Field(default_factory=list, description="Channel ids the lesson applies to.")
    scenarios: SlugList = Field(default_factory=list, description="Scenario ids the lesson applies to.")


class Lesson(Record):
    """What a campaign taught, at the level of the foundation or of the execution."""

    kind: ClassVar[str] = "lesson"
    folder: ClassVar[str] = "lessons"

    title: Text = Field(description="The lesson in one line.")
    date: Day = Field(description="When the lesson was drawn.")
    author: Slug = Field(description="Person id of who wrote the lesson and keeps it current.")
    campaigns: SlugList = Field(default_factory=list, description="Campaign ids the lesson came from.")
    answers: Annotated[
        list[Annotated[str, StringConstraints(pattern=GOAL_REF_PATTERN)]],
        AfterValidator(_no_repeats),
    ] = Field(
        default_factory=list,
        description="Ids of the learning goals this lesson answers, from its campaigns; "
        "write `campaign:goal` where two of its campaigns use the same goal id.",
    )
    level: Literal["foundation", "execution"] = Field(
        description="foundation: about why and for whom (community, content, goals); "
        "execution: about details such as platform, timing, budget."
    )
    what_happened: Markdown = Field(description="What happened.")
    lesson: Markdown = Field(description="What we learned from it.")
    recommendation: Markdown | None = Field(default=None, description="What to do next time.")
    evidence: list[Text] = Field(default_factory=list, description="Figures or sources that support the lesson.")
    applies_to: AppliesTo = Field(default_factory=AppliesTo, description="Where the lesson applies.")
    status: Literal["proposed", "accepted", "superseded"] = Field(
        default="proposed", description="proposed, accepted, or superseded by a later lesson."
    )
    superseded_by: Slug | None = Field(default=None, description="Lesson id that replaces this one.")
    recurs: Slug | None = Field(
        default=None, description="Lesson id of an earlier lesson this one repeats: the same mistake again."
    )
    review_by: Day | None = Field(default=None, description="When the lesson must be checked again.")
    reviewed: Day | None = Field(default=None, description="When the lesson was last checked to be right.")


# --- platform guidelines ----------------------------------------------------


class Guideline(Record):
    """How the organisation uses one platform. The file name is the platform id."""

    kind: ClassVar[str] = "guideline"
    folder: ClassVar[str] = "platforms"

    summary: Text = Field(description="What the organisation uses the platform for.")
    recruitment: Annotated[list[Recruitment], AfterValidator(_no_repeats)] = Field(
        min_length=1, description="Purpose: active and/or passive recruitment."
    )
    dos: list[Text] = Field(min_length=1, description="What to do on this platform.")
    donts: list[Text] = Field(min_length=1, description="What never to do on this platform.")
    tone_of_voice: Text = Field(description="How we sound on this platform.")
    webcare_hours: WithinHours = Field(description="Hours within which a question or complaint gets an answer "
                                                   "(at most 720, a month).")
    approval: Text = Field(description="Who approves a message before it goes out.")
    owner: Slug = Field(description="Person id of who keeps this guideline current.")
    reviewed: Day = Field(description="When the guideline was last checked to be right.")
    review_every_months: Months = Field(default=12, description="Months between reviews (1 to 120).")


# --- accounts ----------------------------------------------------------------


class Account(Record):
    """One social media account of the organisation: the register against sprawl."""

    kind: ClassVar[str] = "account"
    folder: ClassVar[str] = "accounts"

    platform: Slug = Field(description="Platform id.")
    handle: Text = Field(description="Name of the account on the platform.")
    url: Annotated[str, StringConstraints(pattern=URL_PATTERN, max_length=300)] | None = Field(
        default=None, description="Address of the account."
    )
    owner: Slug | None = Field(default=None, description="Person id of who is responsible for the account.")
    backup_owner: Slug | None = Field(default=None, description="Person id of who stands in for the owner.")
    purpose: Text = Field(description="What the account is for.")
    recruitment: Recruitment | None = Field(default=None, description="active or passive recruitment.")
    status: Literal["active", "dormant", "archived"] = Field(description="active, dormant or archived.")
    reviewed: Day | None = Field(default=None, description="When the account was last checked.")
    review_every_months: Months = Field(default=12, description="Months between reviews (1 to 120).")


RECORD_KINDS: tuple[type[Record], ...] = (Campaign, Lesson, Guideline, Person, Account)
# The one map of kinds and folders: a record kind's folder under data/ is also
# the folder of its pages in the site.
MODELS: dict[str, type[Record]] = {model.kind: model for model in RECORD_KINDS}
KIND_BY_FOLDER: dict[str, type[Record]] = {model.folder: model for model in RECORD_KINDS}
FOLDERS: dict[str, str] = {model.kind: model.folder for model in RECORD_KINDS}


def allowed(model: type[BaseModel], name: str) -> list[str]:
    """The words a closed field accepts, read from its type (a Literal, or a
    list of one), so that scaffold prompts and messages never repeat them."""
    found: list[str] = []
    stack = [model.model_fields[name].annotation]
    while stack:
        annotation = stack.pop(0)
        if get_origin(annotation) is Literal:
            found += [value for value in get_args(annotation) if value not in found]
        else:
            stack += list(get_args(annotation))
    return found
