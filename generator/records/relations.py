"""The relations between records, as structured keys.

A relation lists records of one kind (`records`, plural: 'campaigns') by what
they name (`subject`: a vocabulary's term, a person, a campaign, a lesson, a
year, or a value of the records themselves such as 'level'). Its `name` is
how addresses and labels spell it ('campaigns-of-platform'), never read back:
code asks a relation for its kind and subject. The relations to the terms of
a vocabulary come from its declaration (`vocabularies`), one per listed use.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from .vocabularies import PLURALS, VOCABULARIES, Use, Vocabulary


class Relation(NamedTuple):
    records: str
    subject: str
    name: str

    @property
    def title_label(self) -> str:
        """The label of the title of its full list: 'list_campaigns_of_platform'."""
        return "list_" + self.name.replace("-", "_")



@cache
def of(records: str, subject: str) -> Relation:
    """The records of one kind that name one subject: 'campaigns-of-platform'."""
    return Relation(records, subject, f"{records}-of-{subject}")


def of_term(vocabulary: Vocabulary, use: Use) -> Relation:
    """The records that name a term of `vocabulary` by `use`."""
    return of(PLURALS[use.kind], vocabulary.term)


def term_relations(vocabulary: Vocabulary) -> list[Relation]:
    """The relations of a term's page, kind by kind in the order the
    vocabulary declares its uses (one per kind)."""
    found: list[Relation] = []
    for use in vocabulary.uses:
        relation = of_term(vocabulary, use)
        if use.listed and relation not in found:
            found.append(relation)
    if vocabulary.lessons_inherit:
        found.append(inherited_lessons(vocabulary))
    return found


def inherited_lessons(vocabulary: Vocabulary) -> Relation:
    """The lessons of the campaigns that name a term (`Vocabulary.lessons_inherit`)."""
    return of("lessons", vocabulary.term)


def vocabulary_of(relation: Relation) -> Vocabulary | None:
    """The vocabulary whose terms `relation` is about, if any."""
    return next((v for v in VOCABULARIES if v.term == relation.subject), None)


LESSONS_OF_CAMPAIGN = of("lessons", "campaign")
LESSONS_OF_LEVEL = of("lessons", "level")
LESSONS_OF_STATUS = of("lessons", "status")
LESSONS_OF_YEAR = of("lessons", "year")
LESSONS_BY_AUTHOR = Relation("lessons", "person", "lessons-by-author")
SUPERSEDES = Relation("lessons", "lesson", "supersedes")
RECURRED_BY = Relation("lessons", "lesson", "recurred-by")
CAMPAIGNS_OF_RECRUITMENT = of("campaigns", "recruitment")
CAMPAIGNS_OF_YEAR = of("campaigns", "year")
CAMPAIGNS_RUN_BY = Relation("campaigns", "person", "campaigns-run-by")
CAMPAIGNS_SECURED_BY = Relation("campaigns", "person", "campaigns-secured-by")
ACCOUNTS_OWNED_BY = Relation("accounts", "person", "accounts-owned-by")
ACCOUNTS_BACKED_UP_BY = Relation("accounts", "person", "accounts-backed-up-by")
GUIDELINES_OWNED_BY = Relation("guidelines", "person", "guidelines-owned-by")
SUCCESSOR_OF = Relation("people", "person", "successor-of")
