"""The controlled vocabularies, declared once: platforms, channels, scenarios, tags.

Each vocabulary is one `Vocabulary` entry: its section of `data/taxonomy.yml`
and the model of a term, the record fields that name its terms, whether a
term has a page of its own, whether search can narrow by it and whether
`handbook new` offers its terms. The taxonomy's model, the checks of
references (with their suggestions), the relations of the catalog, the pages
of the terms, the search filters and the scaffold's questions are all read
from these entries; the words (the term's name, its index's title) are
labels in the catalogs of each language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, StringConstraints

from .fields import URL_PATTERN, Day, Model, Recruitment, Text, _text

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


@dataclass(frozen=True)
class Use:
    """A record field that names terms of a vocabulary: `path` from the
    record ('applies_to', 'platforms'), one id or a list of them. With a
    `description` the field is declared here and added to the kind's model;
    without, the model declares it. `listed`: the term's page and lists show
    the records that name it this way."""

    kind: str
    path: tuple[str, ...]
    many: bool = True
    listed: bool = True
    description: str | None = None


@dataclass(frozen=True)
class Vocabulary:
    """One controlled vocabulary. `section`: its key in the taxonomy and the
    plural in labels ('channels'); `term`: one of its terms ('channel'), the
    name in messages (`unknown_channel`), labels and relations. `page`: the
    folder of each term's page ('channels' -> channels/<id>.md), None for a
    term without one (it is then an anchor on the list of campaigns by it);
    `own_pages`: the term pages are made from the taxonomy (not, as a
    platform's, by the record of the same id)."""

    section: str
    term: str
    model: type[Term]
    description: str
    uses: tuple[Use, ...]
    required: bool = True
    max_terms: int = 100
    page: str | None = None
    own_pages: bool = True
    filter: bool = False
    asked: bool = True


VOCABULARIES: tuple[Vocabulary, ...] = (
    Vocabulary(
        "platforms", "platform", Platform, "Social media and other platforms, by id.",
        uses=(Use("campaign", ("platforms",)), Use("lesson", ("applies_to", "platforms")),
              Use("account", ("platform",), many=False)),
        page="platforms", own_pages=False, filter=True,
    ),
    Vocabulary(
        "channels", "channel", Channel, "Recruitment channels, by id: where candidates come from.",
        uses=(Use("campaign", ("channels",)), Use("lesson", ("applies_to", "channels"))),
        page="channels", filter=True,
    ),
    Vocabulary(
        "scenarios", "scenario", Scenario, "Scenarios of social media management, by id.",
        uses=(Use("campaign", ("scenario",), many=False), Use("lesson", ("applies_to", "scenarios"))),
    ),
    Vocabulary(
        "tags", "tag", Term, "Tags, by id.",
        uses=tuple(Use(kind, ("tags",)) for kind in ("campaign", "lesson", "guideline", "account", "person")),
        required=False, max_terms=500, page="tags", asked=False,
    ),
    Vocabulary(
        "target_groups", "target_group", Term, "Target groups, by id: the people a campaign wants to reach.",
        uses=(Use("campaign", ("target_groups",), description="Target group ids: who the campaign wants to reach."),),
        required=False, page="target-groups", filter=True,
    ),
)


def vocabulary(term: str) -> Vocabulary:
    """The vocabulary whose terms are `term`s."""
    return next(v for v in VOCABULARIES if v.term == term)


def terms_named(record: object, use: Use) -> list[str]:
    """The term ids `record` names by `use` (none when the field is empty)."""
    value = record
    for name in use.path:
        value = getattr(value, name, None)
    if value is None:
        return []
    return list(value) if use.many else [value]
