"""The controlled vocabularies, declared once: platforms, channels, scenarios,
tags, target groups.

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

import re
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


class DeclarationError(Exception):
    """A vocabulary declared in a way the handbook cannot hold (a maintainer's
    mistake, found when the generator is imported: every test fails on it)."""


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
    platform's, by the record of the same id). `filter`: search narrows
    records down by it; `found`: search finds its term pages (by default
    when it is a filter; not the tags': hundreds of lists)."""

    section: str
    term: str
    model: type[Term]
    description: str
    uses: tuple[Use, ...]
    required: bool = False
    max_terms: int = 100
    page: str | None = None
    own_pages: bool = True
    filter: bool = False
    asked: bool = True
    found: bool | None = None

    def __post_init__(self) -> None:
        if not (isinstance(self.model, type) and issubclass(self.model, Term)):
            raise DeclarationError(f"vocabulary {self.section!r}: its model must be Term or a model built on it")
        for use in self.uses:
            if use.kind not in PLURALS:
                raise DeclarationError(f"vocabulary {self.section!r}: {use.kind!r} is no record kind "
                                       f"(one of {', '.join(PLURALS)})")
        # Names become keys of the catalogs, fields of the records and addresses of pages.
        for name in (self.section, self.term, *(use.path[-1] for use in self.uses)):
            if not re.fullmatch(r"[a-z]+(?:_[a-z]+)*", name):
                raise DeclarationError(f"vocabulary {self.section!r}: {name!r} is not lower-case words joined by '_'")
        if self.page is not None and not re.fullmatch(r"[a-z]+(?:-[a-z]+)*", self.page):
            raise DeclarationError(f"vocabulary {self.section!r}: page {self.page!r} is not lower-case words joined by '-'")

    @property
    def searched(self) -> bool:
        """Whether search finds the term pages."""
        return self.filter if self.found is None else self.found

    @property
    def lessons_inherit(self) -> bool:
        """Whether a lesson bears on this vocabulary's terms through the
        campaigns it came from: campaigns name them, lessons do not (a
        target group): its term's page lists those lessons too."""
        return (any(use.kind == "campaign" and use.listed for use in self.uses)
                and not any(use.kind == "lesson" for use in self.uses))

    def words(self) -> dict[tuple[str, str | None], list[str]]:
        """The entries this vocabulary needs in the catalog of every language,
        by (domain, context): a test holds that each one is there."""
        labels = [self.section, self.term]
        if self.page is not None and self.own_pages:
            labels += [f"all_{self.section}_intro", f"{self.term}_id", f"{self.term}_unused"]
        labels += [f"list_{PLURALS[use.kind]}_of_{self.term}" for use in self.uses if use.listed]
        if self.lessons_inherit:
            labels += [f"list_lessons_of_{self.term}", f"lessons_of_{self.term}"]
        # `handbook new` asks for a field the vocabulary declares (by its kind and field name).
        questions = sorted(f"{use.kind}.{use.path[-1]}" for use in self.uses
                           if self.asked and use.description is not None and len(use.path) == 1)
        model_names = {"campaign": "Campaign", "lesson": "Lesson", "guideline": "Guideline", "account": "Account",
                       "person": "Person"}
        return {
            ("labels", None): sorted(set(labels)),
            ("messages", None): [f"unknown_{self.term}"],
            ("messages", "field"): sorted({self.section, *(use.path[-1] for use in self.uses)}),
            ("messages", "question"): questions,
            ("messages", "field description"): sorted(
                {f"Taxonomy.{self.section}"}
                | {f"{model_names[use.kind]}.{use.path[-1]}" for use in self.uses if use.description}),
        }


# How each kind of record is named in a relation and its lists.
PLURALS = {"campaign": "campaigns", "lesson": "lessons", "guideline": "guidelines", "account": "accounts",
           "person": "people"}


VOCABULARIES: tuple[Vocabulary, ...] = (
    Vocabulary(
        "platforms", "platform", Platform, "Social media and other platforms, by id.",
        uses=(Use("campaign", ("platforms",)), Use("lesson", ("applies_to", "platforms")),
              Use("account", ("platform",), many=False)),
        required=True, page="platforms", own_pages=False, filter=True,
    ),
    Vocabulary(
        "channels", "channel", Channel, "Recruitment channels, by id: where candidates come from.",
        uses=(Use("campaign", ("channels",)), Use("lesson", ("applies_to", "channels"))),
        required=True, page="channels", filter=True,
    ),
    Vocabulary(
        "scenarios", "scenario", Scenario, "Scenarios of social media management, by id.",
        uses=(Use("campaign", ("scenario",), many=False), Use("lesson", ("applies_to", "scenarios"))),
        required=True,
    ),
    Vocabulary(
        "tags", "tag", Term, "Tags, by id.",
        uses=tuple(Use(kind, ("tags",)) for kind in ("campaign", "lesson", "guideline", "account", "person")),
        max_terms=500, page="tags", asked=False, filter=True, found=False,
    ),
    Vocabulary(
        "target_groups", "target_group", Term, "Target groups, by id: the people a campaign wants to reach.",
        uses=(Use("campaign", ("target_groups",), description="Target group ids: who the campaign wants to reach."),),
        page="target-groups", filter=True,
    ),
)


def distinct(vocabularies: tuple[Vocabulary, ...]) -> None:
    """Two vocabularies may not share a section, a term, a page folder or a
    record field: each names one place in the taxonomy, the site and the records."""
    for what, names in (("section", [v.section for v in vocabularies]), ("term", [v.term for v in vocabularies]),
                        ("page", [v.page for v in vocabularies if v.page is not None]),
                        ("field", [(u.kind, u.path) for v in vocabularies for u in v.uses])):
        twice = sorted({str(name) for name in names if names.count(name) > 1})
        if twice:
            raise DeclarationError(f"two vocabularies declare the same {what}: {', '.join(twice)}")


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
