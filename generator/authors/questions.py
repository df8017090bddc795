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

from ..words.messages import VALUE_NAMES, language
from ..records.vocabularies import VOCABULARIES
from ..words.labels import LABELS
from ..records.models import Account, Campaign, Lesson, allowed


@dataclass(frozen=True)
class Essential:
    """One field `handbook new` asks for."""

    field: str  # dotted for nested fields: 'period.start'
    english: str  # the question, in English and in Dutch
    dutch: str
    shape: str = "text"  # text | story (several lines) | date | choice | ref | refs | items | count
    source: str | None = None  # for choice/ref/refs: where the choices come from
    required: bool = True

    @property
    def question(self) -> str:
        return self.dutch if language() == "nl" else self.english


ESSENTIALS: dict[str, list[Essential]] = {
    "lesson": [
        Essential("title", "The lesson in one line", "De les in één regel"),
        Essential("date", "Date of the lesson", "Datum van de les", "date"),
        Essential("author", "Who writes it (person id)", "Wie schrijft haar (id van de persoon)", "ref", "people"),
        Essential("campaigns", "Campaign(s) it came from", "Uit welke campagne(s) komt ze", "refs", "campaigns",
                  required=False),
        Essential("answers", "Learning goal(s) it answers", "Welk(e) leerdoel(en) beantwoordt ze", "refs", "goals",
                  required=False),
        Essential("level", "About the foundation or about the execution", "Over het fundament of over de uitvoering",
                  "choice", "level"),
        Essential("what_happened", "What happened", "Wat er gebeurde", "story"),
        Essential("lesson", "What did we learn", "Wat hebben we geleerd", "story"),
        Essential("recommendation", "What to do next time", "Wat doen we de volgende keer", "story",
                  required=False),
    ],
    "campaign": [
        Essential("title", "Name of the campaign", "Naam van de campagne"),
        Essential("summary", "What it did, in a sentence or two", "Wat ze deed, in een zin of twee", "story"),
        Essential("status", "Status", "Status", "choice", "status"),
        Essential("period.start", "First day", "Eerste dag", "date"),
        Essential("period.end", "Last day (empty while it runs)", "Laatste dag (leeg zolang ze loopt)", "date",
                  required=False),
        Essential("owner", "Who runs it (person id)", "Wie voert haar uit (id van de persoon)", "ref", "people"),
        Essential("knowledge_owner", "Who secures what it teaches (person id)",
                  "Wie borgt wat ze ons leert (id van de persoon)", "ref", "people"),
        Essential("recruitment", "Active or passive recruitment", "Actieve of passieve werving", "choice",
                  "recruitment"),
        Essential("scenario", "Scenario", "Scenario", "ref", "scenarios"),
        Essential("platforms", "Platform(s)", "Platform(s)", "refs", "platforms", required=False),
        Essential("channels", "Channel(s)", "Kanaal/kanalen", "refs", "channels"),
        Essential("audience", "Who it is for", "Voor wie ze is"),
        Essential("audience_goal", "What the audience itself wants", "Wat de doelgroep zelf wil"),
        Essential("business_goals", "What the organisation wants to achieve", "Wat de organisatie wil bereiken",
                  "items"),
        Essential("learning_goals", "What do we want to learn from it?", "Wat willen we ervan leren?", "items"),
    ],
    "guideline": [
        Essential("summary", "What the organisation uses the platform for",
                  "Waarvoor de organisatie het platform gebruikt", "story"),
        Essential("recruitment", "Purpose", "Doel", "refs", "recruitment"),
        Essential("dos", "Something to do on this platform", "Iets om op dit platform wel te doen", "items"),
        Essential("donts", "Something never to do on this platform", "Iets om op dit platform nooit te doen",
                  "items"),
        Essential("tone_of_voice", "How we sound there", "Hoe we daar klinken"),
        Essential("webcare_hours", "Hours within which a question gets an answer",
                  "Binnen hoeveel uur een vraag antwoord krijgt", "count"),
        Essential("approval", "Who approves a message before it goes out", "Wie een bericht goedkeurt voor het uitgaat"),
        Essential("owner", "Who keeps this guideline current (person id)",
                  "Wie houdt deze richtlijn bij (id van de persoon)", "ref", "people"),
        Essential("reviewed", "Date of this review", "Datum van deze herziening", "date"),
    ],
    "person": [
        Essential("name", "Full name", "Volledige naam"),
        Essential("role", "Job title", "Functie"),
        Essential("team", "Team or department", "Team of afdeling"),
        Essential("email", "Work email address", "E-mailadres op het werk", required=False),
    ],
    "account": [
        Essential("platform", "Platform", "Platform", "ref", "platforms"),
        Essential("handle", "Name of the account on the platform", "Naam van het account op het platform"),
        Essential("url", "Address of the account", "Webadres van het account", required=False),
        Essential("owner", "Who is responsible (person id)", "Wie is verantwoordelijk (id van de persoon)", "ref",
                  "people", required=False),
        Essential("backup_owner", "Who stands in (person id)", "Wie neemt het over bij afwezigheid (id van de persoon)",
                  "ref", "people", required=False),
        Essential("purpose", "What the account is for", "Waarvoor het account is"),
        Essential("status", "Status", "Status", "choice", "account_status"),
        Essential("reviewed", "Date of this review", "Datum van deze herziening", "date", required=False),
    ],
}


def _vocabulary_questions() -> None:
    """A question for every field that names a vocabulary's terms and is not
    asked above (a vocabulary declared later), worded by the vocabulary's
    labels; its choices are the vocabulary's terms."""
    for v in VOCABULARIES:
        for use in v.uses:
            asked = ESSENTIALS.get(use.kind, [])
            if not v.asked or len(use.path) != 1 or any(e.field == use.path[0] for e in asked):
                continue
            words = LABELS["en"][v.section if use.many else v.term], LABELS["nl"][v.section if use.many else v.term]
            asked.append(Essential(use.path[0], *words, "refs" if use.many else "ref", v.section,
                                   required=use.description is None))


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
    allowed value's Dutch name."""
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
    if source in CHOICES and language() == "nl":
        return {option: VALUE_NAMES[option] for option in options if option in VALUE_NAMES}
    return {}
