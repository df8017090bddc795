"""The record kinds, as pydantic models.

Every scalar arrives from the reader as a string; the types (`fields`) decide
what it means, with no silent coercion. Unknown fields are rejected. The
field descriptions are the record reference (the handbook's reference page
and the JSON Schema that editors use are generated from them). The
taxonomy's model and the fields that name terms of a vocabulary declared
there are made from `vocabularies.VOCABULARIES`.
"""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    Field,
    StringConstraints,
    create_model,
)

from .fields import (EMAIL_PATTERN, GITHUB_MAX, GITHUB_PATTERN, GOAL_REF_PATTERN, PHONE_PATTERN, URL_PATTERN, Day, Euros, Hours, Markdown, Model,
                     Months, Number, People, Recruitment, Slug, SlugList, Text, WithinHours, _no_repeats)
from .vocabularies import VOCABULARIES, DeclarationError, distinct, Channel, Platform, Scenario, Term  # noqa: F401

class Responsibility:
    """Marks a field that names who answers for a record *now*: when they
    leave, `handbook handover` gives it to whoever takes over. A field that
    names someone without it is history and stays as written: who ran a
    campaign, who wrote a lesson.

    `stands_in_for`: the field of the person this one stands in for; the
    two never name the same person, so a stand-in who takes over the field
    they stand in for leaves their own empty."""

    def __init__(self, stands_in_for: str | None = None) -> None:
        self.stands_in_for = stands_in_for

    def __repr__(self) -> str:
        return f"Responsibility(stands_in_for={self.stands_in_for!r})"


class Record(Model):
    """Fields that every record kind has."""

    kind: ClassVar[str]
    folder: ClassVar[str]

    tags: SlugList = Field(default_factory=list, description="Tags from the taxonomy, for the tag index.")
    body: Markdown | None = Field(
        default=None,
        description="The narrative, in Markdown. In a `.md` record this is the text below the fields.",
    )



def _taxonomy() -> type[Model]:
    """The taxonomy: one section per vocabulary, in the order they are declared."""
    distinct(VOCABULARIES)
    sections = {
        v.section: (dict[Slug, v.model], Field(max_length=v.max_terms, description=v.description)
                    if v.required else Field(default_factory=dict, max_length=v.max_terms, description=v.description))
        for v in VOCABULARIES
    }
    return create_model("Taxonomy", __base__=_TaxonomyBase, __module__=__name__, __doc__=_TaxonomyBase.__doc__,
                        **sections)


class _TaxonomyBase(Model):
    """The controlled vocabularies, kept as data so the organisation can change them."""

    kind: ClassVar[str] = "taxonomy"


Taxonomy = _taxonomy()


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
    # Read by `handbook remind` only: a reader of the site has no use for it,
    # so no page and no export shows it (`exclude`: model_dump leaves it out).
    github: Annotated[str, StringConstraints(pattern=GITHUB_PATTERN, max_length=GITHUB_MAX)] | None = Field(
        default=None, exclude=True,
        description="Their GitHub account (login), such as 'lottejansen': the weekly reminder of what they must "
                    "do is an issue assigned to it. Without one, their reminders go to the manager. "
                    "Not shown on the site.",
    )


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
    knowledge_owner: Annotated[Slug, Responsibility()] = Field(description="Person id of who secures what the campaign teaches.")
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
    owner: Annotated[Slug, Responsibility()] = Field(description="Person id of who keeps this guideline current.")
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
    owner: Annotated[Slug | None, Responsibility()] = Field(
        default=None, description="Person id of who is responsible for the account.")
    backup_owner: Annotated[Slug | None, Responsibility(stands_in_for="owner")] = Field(
        default=None, description="Person id of who stands in for the owner.")
    purpose: Text = Field(description="What the account is for.")
    recruitment: Recruitment | None = Field(default=None, description="active or passive recruitment.")
    status: Literal["active", "dormant", "archived"] = Field(description="active, dormant or archived.")
    reviewed: Day | None = Field(default=None, description="When the account was last checked.")
    review_every_months: Months = Field(default=12, description="Months between reviews (1 to 120).")


def _with_vocabularies(model: type[Record]) -> type[Record]:
    """`model` with the fields that vocabularies declare for its kind (a list
    of term ids each, empty by default); `model` itself when there are none."""
    added = {
        use.path[-1]: (SlugList if use.many else Slug | None,
                       Field(default_factory=list, description=use.description) if use.many
                       else Field(default=None, description=use.description))
        for v in VOCABULARIES for use in v.uses
        if use.kind == model.kind and use.description is not None and len(use.path) == 1
    }
    for name in added:
        if name in model.model_fields:
            raise DeclarationError(f"a vocabulary declares the field {name!r} of a {model.kind}, "
                                   "which the record already has")
    for v in VOCABULARIES:
        for use in v.uses:
            if use.kind == model.kind and use.description is None and use.path[0] not in model.model_fields:
                raise DeclarationError(f"vocabulary {v.section!r}: a {model.kind} has no field {use.path[0]!r}; "
                                       "give the use a description to declare it")
    if not added:
        return model
    return create_model(model.__name__, __base__=model, __module__=__name__, __doc__=model.__doc__, **added)


Campaign = _with_vocabularies(Campaign)
Lesson = _with_vocabularies(Lesson)
Guideline = _with_vocabularies(Guideline)
Person = _with_vocabularies(Person)
Account = _with_vocabularies(Account)



def responsibilities(model: type[BaseModel]) -> dict[str, Responsibility]:
    """The fields of `model` that name who answers for the record now (its
    `Responsibility` marks), in the order of the model."""
    return {name: mark for name, info in model.model_fields.items()
            for mark in info.metadata if isinstance(mark, Responsibility)}


# --- handovers -------------------------------------------------------------------

# What a handover can move: the kinds whose records name someone as
# responsible, and those fields, read from the marks (a new Responsibility
# is a new value here too, and in the JSON Schema).
_MARKED = {model.kind: responsibilities(model) for model in (Campaign, Lesson, Guideline, Person, Account)}
MovedKind = Literal[tuple(kind for kind, marks in _MARKED.items() if marks)]  # type: ignore[valid-type]
MovedField = Literal[tuple(dict.fromkeys(name for marks in _MARKED.values() for name in marks))]  # type: ignore[valid-type]


class Moved(Model):
    """One responsibility that moved to the successor: a record, and the
    field that named the person who left and now names the successor."""

    kind: MovedKind = Field(description="The kind of record: campaign, guideline or account.")
    id: Slug = Field(description="The record's id (a guideline's is its platform's id).")
    field: MovedField = Field(description="The field that named them: knowledge_owner, owner or backup_owner.")


class Access(Model):
    """An account the successor must be able to run: its passwords, the
    device for its two-factor sign-in and its admin rights."""

    account: Slug = Field(description="Account id.")
    moved: Day | None = Field(
        default=None, description="When its passwords, two-factor device and admin rights went to the successor; "
                                  "empty until they have.")


class Handover(Model):
    """What someone who left handed over, to whom and when, and the access to accounts that must follow."""

    kind: ClassVar[str] = "handover"
    folder: ClassVar[str] = "handovers"

    successor: Slug = Field(description="Person id of who took over. The file name is the id of who left.")
    date: Day = Field(description="When the handover was made.")
    moved: list[Moved] = Field(default_factory=list,
                               description="What moved to the successor, as `handbook handover` wrote it.")
    access: list[Access] = Field(
        default_factory=list,
        description="The accounts whose passwords, two-factor device and admin rights must go to the successor: "
                    "fill in the day each has.")
    body: Markdown | None = Field(
        default=None,
        description="Notes on the handover, in Markdown. In a `.md` record this is the text below the fields.",
    )


RECORD_KINDS: tuple[type[Model], ...] = (Campaign, Lesson, Guideline, Person, Account, Handover)
# The one map of kinds and folders: a record kind's folder under data/ is also
# the folder of its pages in the site.
MODELS: dict[str, type[Model]] = {model.kind: model for model in RECORD_KINDS}
KIND_BY_FOLDER: dict[str, type[Model]] = {model.folder: model for model in RECORD_KINDS}
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
