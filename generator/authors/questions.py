"""What `handbook new` asks for each kind of record, and the choices it offers.

The questions are written here in both languages; a field that names a
vocabulary's terms and is not asked below gets its question from the
vocabulary's labels. Choices come from the models' own types (closed fields),
the taxonomy (terms still in use) and the records (people still here,
campaigns newest first, learning goals of the chosen campaigns).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..records.catalog import Catalog, resolve_answer

from ..words.catalogs import texts
from ..words.messages import VALUE_NAMES, language, names_beside, word
from ..records.vocabularies import VOCABULARIES
from ..words.labels import LABELS
from ..records.models import Account, Campaign, Lesson, allowed


@dataclass(frozen=True)
class Essential:
    """One field `handbook new` asks for."""

    field: str  # dotted for nested fields: 'period.start'
    asks: str  # the question's key in the catalog: 'lesson.title'
    shape: str = "text"  # text | story (several lines) | date | choice | ref | refs | items | count
    source: str | None = None  # for choice/ref/refs: where the choices come from
    required: bool = True
    label: str | None = None  # a label of the pages that words the question when the catalog has none

    @property
    def question(self) -> str:
        if self.label is not None and self.asks not in texts(language(), "messages", "question"):
            return LABELS[language()][self.label]
        return word("question", self.asks)


ESSENTIALS: dict[str, list[Essential]] = {
    "lesson": [
        Essential("title", "lesson.title"),
        Essential("date", "lesson.date", "date"),
        Essential("author", "lesson.author", "ref", "people"),
        Essential("campaigns", "lesson.campaigns", "refs", "campaigns", required=False),
        Essential("answers", "lesson.answers", "refs", "goals", required=False),
        Essential("level", "lesson.level", "choice", "level"),
        Essential("what_happened", "lesson.what_happened", "story"),
        Essential("lesson", "lesson.lesson", "story"),
        Essential("recommendation", "lesson.recommendation", "story", required=False),
    ],
    "campaign": [
        Essential("title", "campaign.title"),
        Essential("summary", "campaign.summary", "story"),
        Essential("status", "campaign.status", "choice", "status"),
        Essential("period.start", "campaign.period.start", "date"),
        Essential("period.end", "campaign.period.end", "date", required=False),
        Essential("owner", "campaign.owner", "ref", "people"),
        Essential("knowledge_owner", "campaign.knowledge_owner", "ref", "people"),
        Essential("recruitment", "campaign.recruitment", "choice", "recruitment"),
        Essential("scenario", "campaign.scenario", "ref", "scenarios"),
        Essential("platforms", "campaign.platforms", "refs", "platforms", required=False),
        Essential("channels", "campaign.channels", "refs", "channels"),
        Essential("audience", "campaign.audience"),
        Essential("audience_goal", "campaign.audience_goal"),
        Essential("business_goals", "campaign.business_goals", "items"),
        Essential("learning_goals", "campaign.learning_goals", "items"),
    ],
    "guideline": [
        Essential("summary", "guideline.summary", "story"),
        Essential("recruitment", "guideline.recruitment", "refs", "recruitment"),
        Essential("dos", "guideline.dos", "items"),
        Essential("donts", "guideline.donts", "items"),
        Essential("tone_of_voice", "guideline.tone_of_voice"),
        Essential("webcare_hours", "guideline.webcare_hours", "count"),
        Essential("approval", "guideline.approval"),
        Essential("owner", "guideline.owner", "ref", "people"),
        Essential("reviewed", "guideline.reviewed", "date"),
    ],
    "person": [
        Essential("name", "person.name"),
        Essential("role", "person.role"),
        Essential("team", "person.team"),
        Essential("email", "person.email", required=False),
    ],
    "account": [
        Essential("platform", "account.platform", "ref", "platforms"),
        Essential("handle", "account.handle"),
        Essential("url", "account.url", required=False),
        Essential("owner", "account.owner", "ref", "people", required=False),
        Essential("backup_owner", "account.backup_owner", "ref", "people", required=False),
        Essential("purpose", "account.purpose"),
        Essential("status", "account.status", "choice", "account_status"),
        Essential("reviewed", "account.reviewed", "date", required=False),
    ],
}


def _vocabulary_questions() -> None:
    """A question for every field that names a vocabulary's terms and is not
    asked above (a vocabulary declared later): worded by the catalog's
    question for it ('campaign.target_groups') or else by the vocabulary's
    name; its choices are the vocabulary's terms."""
    for v in VOCABULARIES:
        for use in v.uses:
            asked = ESSENTIALS.get(use.kind, [])
            if not v.asked or len(use.path) != 1 or any(e.field == use.path[0] for e in asked):
                continue
            question = Essential(use.path[0], f"{use.kind}.{use.path[0]}", "refs" if use.many else "ref",
                                 v.section, required=use.description is None, label=v.section if use.many else v.term)
            # asked with the other terms of the record: after the last question that offers terms
            terms = {other.section for other in VOCABULARIES}
            after = max((i for i, e in enumerate(asked) if e.source in terms), default=len(asked) - 1)
            asked.insert(after + 1, question)


_vocabulary_questions()
FIXED = {"lesson": {"status": "proposed"}}
# The closed choices, read from the models' own types.
CHOICES = {
    "level": allowed(Lesson, "level"),
    "status": allowed(Campaign, "status"),
    "recruitment": allowed(Campaign, "recruitment"),
    "account_status": allowed(Account, "status"),
}


def choices(catalog: Catalog, source: str, answers: dict[str, Any]) -> list[str]:
    """What may be chosen for a field, from the taxonomy and the records."""
    if source in CHOICES:
        return CHOICES[source]
    if source == "goals":
        campaigns = answers.get("campaigns") or []
        goals = [(c, g.id) for c in campaigns if c in catalog.campaigns for g in catalog.campaigns[c].record.learning_goals]
        # A goal id alone where it names one goal (as the check resolves it), else 'campaign:goal'.
        return [g if resolve_answer(campaigns, g, catalog.goals) == (c, g) else f"{c}:{g}" for c, g in goals]
    tax = catalog.taxonomy
    known: dict[str, Any] = {
        "people": {k: e for k, e in catalog.people.items() if e.record.left is None},
        "campaigns": catalog.campaigns,
        # a term that closed (a platform that shut down) is no longer offered
        **{v.section: {k: t for k, t in getattr(tax, v.section).items() if getattr(t, "closed", None) is None}
           for v in VOCABULARIES},
    }[source]
    if source == "campaigns":  # the newest first: the one a lesson comes from is most often recent
        return sorted(known, key=lambda c: (-known[c].record.period.start.toordinal(), c))
    return sorted(known)


def option_labels(catalog: Catalog, source: str | None, options: list[str],
                  answers: dict[str, Any] | None = None) -> dict[str, str]:
    """What an option means, shown beside it: a learning goal's question (and
    its campaign, when the lesson comes from several), a person's name, an
    allowed value's name (beside the code, in any language but English)."""
    if source == "goals":
        campaigns = [c for c in (answers or {}).get("campaigns") or [] if c in catalog.campaigns]
        labels = {}
        for option in options:
            campaign, _, goal = option.rpartition(":")
            for cid in ([campaign] if campaign else campaigns):
                question = catalog.goals.get(cid, {}).get(goal)
                if question:
                    labels[option] = f"{question} ({cid})" if len(campaigns) > 1 else question
                    break
        return labels
    if source == "people":
        return {option: catalog.people[option].record.name for option in options if option in catalog.people}
    if source == "campaigns":
        return {option: catalog.campaigns[option].record.title for option in options if option in catalog.campaigns}
    if source in CHOICES and names_beside():
        return {option: VALUE_NAMES[option] for option in options if option in VALUE_NAMES}
    return {}
