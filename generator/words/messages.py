"""What the tools say to an author, in Dutch and English.

Every message of `handbook check` (and of the build's record checks) is a
key in MESSAGES with its text in both languages; a message is made with
`say(key, **values)` in the language of the run, set once by the command
(`speaking(language)`, from the site's one language setting or
`--language`). A test holds that every key has both texts with the same
placeholders and that no problem is reported with text that is not made
here, so the two languages stay complete by construction.

The `PATH:LINE:COL: error:` prefix is not translated: editors and CI read
it. Field names and allowed values stay as they are written in the records
(records must not break); in Dutch each is shown with its Dutch name beside
it: 'knowledge_owner' (kennisborger), foundation (fundament).
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

LANGUAGES = ("nl", "en")
_language: ContextVar[str] = ContextVar("language", default="nl")


def language() -> str:
    return _language.get()


@contextmanager
def speaking(name: str | None) -> Iterator[None]:
    """Messages made inside the block are in `name` ('nl' or 'en'; None: Dutch)."""
    token = _language.set(name if name in LANGUAGES else "nl")
    try:
        yield
    finally:
        _language.reset(token)


def set_language(name: str | None) -> None:
    """The language of the rest of this command (see `speaking`)."""
    _language.set(name if name in LANGUAGES else "nl")


def say(key: str, **values: object) -> str:
    english, dutch = MESSAGES[key]
    return (dutch if _language.get() == "nl" else english).format(**values)


def quote(value: object, limit: int = 60) -> str:
    """A value as it appears in a message: quoted, shortened, one line
    (shortened first: a long value is not read to its end)."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return "'" + text.replace("\n", " ") + "'"


def field(name: object) -> str:
    """A field as a message names it: 'owner', in Dutch 'owner' (eigenaar)."""
    text = f"'{name}'"
    if _language.get() == "nl" and name in FIELD_NAMES:
        text += f" ({FIELD_NAMES[name]})"  # type: ignore[index]
    return text


def choice(value: str) -> str:
    """An allowed value as a message lists it: foundation, in Dutch foundation (fundament)."""
    if _language.get() == "nl" and value in VALUE_NAMES:
        return f"{value} ({VALUE_NAMES[value]})"
    return value


def number(value: object) -> str:
    """A whole number with grouping: 1,000 in English, 1.000 in Dutch."""
    if not isinstance(value, int):
        return str(value)
    text = f"{value:,}"
    return text.replace(",", ".") if _language.get() == "nl" else text


# libyaml's own words for what it could not read, in Dutch; a problem not
# listed here is shown as libyaml says it.
YAML_PROBLEMS_NL = {
    "mapping values are not allowed here": "hier mag geen ':' met een spatie erna staan",
    "mapping values are not allowed in this context": "hier mag geen ':' met een spatie erna staan",
    "found character that cannot start any token": "met dit teken kan geen waarde beginnen",
    "could not find expected ':'": "de ':' na de veldnaam ontbreekt",
    "did not find expected key": "hier werd een veldnaam verwacht",
    "did not find expected '-' indicator": "hier werd een '-' verwacht",
    "found unexpected end of stream": "het bestand houdt onverwacht op",
    "the quote that opens here is never closed (close the text with the same quote)":
        "het aanhalingsteken dat hier begint wordt nergens gesloten (sluit de tekst met hetzelfde teken)",
    "found unknown escape character": "onbekend escape-teken",
    "found unexpected ':'": "onverwachte ':'",
    "did not find expected node content": "hier werd een waarde verwacht",
    "expected <block end>, but found '<block mapping start>'": "deze regel springt verder in dan de regel ervoor",
    "expected <block end>, but found '<block sequence start>'": "deze lijst springt anders in dan de regel ervoor",
    "did not find expected alphabetic or numeric character": "hier werd een letter of cijfer verwacht",
    "found undefined tag handle": "onbekend typelabel",
    "did not find expected comment or line break": "na deze waarde mag alleen nog commentaar staan",
    "found a tab character that violates indentation": "een tab verstoort het inspringen",
    "found a tab character where an indentation space is expected": "hier staat een tab waar een spatie hoort",
    "did not find expected hexdecimal number": "na deze \\ hoort een tekencode; een \\ in tekst tussen dubbele "
                                               "aanhalingstekens begint een escape (schrijf \\\\, of gebruik enkele "
                                               "aanhalingstekens)",
    "did not find expected ',' or ']'": "een lijst tussen [ ] wordt niet gesloten (mist er een ']' of een ','?)",
    "did not find expected ',' or '}'": "een groep tussen { } wordt niet gesloten (mist er een '}' of een ','?)",
    "did not find expected <document start>": "hier hoort een veld te beginnen (springt de eerste regel in?)",
}


def yaml_problem(problem: str) -> str:
    if _language.get() == "nl":
        return YAML_PROBLEMS_NL.get(problem, problem)
    return problem


# The Dutch name of every field of every record kind (the reference shows
# them too). A test fails when a model has a field without one.
FIELD_NAMES: dict[str, str] = {
    "answers": "beantwoorde leerdoelen",
    "applications": "sollicitaties",
    "applies_to": "geldt voor",
    "approval": "goedkeuring",
    "audience": "doelgroep",
    "audience_goal": "doel bij de doelgroep",
    "author": "auteur",
    "backup_owner": "tweede eigenaar",
    "body": "verhaal",
    "budget": "budget",
    "business_goals": "bedrijfsdoelen",
    "campaigns": "campagnes",
    "channel": "kanaal",
    "channels": "kanalen",
    "closed": "gesloten op",
    "conversations": "gesprekken",
    "cost": "kosten",
    "date": "datum",
    "description": "beschrijving",
    "donts": "niet doen",
    "dos": "wel doen",
    "email": "e-mailadres",
    "end": "einde",
    "engagement": "interactie",
    "evidence": "onderbouwing",
    "group": "groep",
    "handle": "accountnaam",
    "hires": "aannames",
    "hours": "uren",
    "id": "id",
    "joined": "in dienst sinds",
    "knowledge_owner": "kennisborger",
    "learning_goals": "leerdoelen",
    "left": "uit dienst op",
    "lesson": "les",
    "level": "niveau",
    "listening": "luisteren",
    "name": "naam",
    "name_en": "Engelse naam",
    "owner": "eigenaar",
    "period": "periode",
    "phone": "telefoonnummer",
    "platform": "platform",
    "platforms": "platforms",
    "purpose": "doel",
    "question": "vraag",
    "reach": "bereik",
    "recommendation": "aanbeveling",
    "recruitment": "soort werving",
    "recurs": "herhaalt",
    "results": "resultaten",
    "review_by": "herzien vóór",
    "review_every_months": "herzien elke zoveel maanden",
    "reviewed": "herzien op",
    "role": "rol",
    "scenario": "scenario",
    "scenarios": "scenario's",
    "shares": "gedeeld",
    "start": "begin",
    "status": "status",
    "successor": "opvolger",
    "suits": "past bij",
    "summary": "samenvatting",
    "superseded_by": "vervangen door",
    "tags": "tags",
    "team": "team",
    "title": "titel",
    "tone_of_voice": "toon",
    "url": "webadres",
    "webcare_hours": "reactietijd in uren",
    "what_happened": "wat er gebeurde",
}

# The Dutch name of every allowed value (a test holds it for every Literal).
VALUE_NAMES: dict[str, str] = {
    "accepted": "aanvaard",
    "active": "actief",
    "archived": "gearchiveerd",
    "dormant": "slapend",
    "execution": "uitvoering",
    "finished": "afgerond",
    "foundation": "fundament",
    "jobboard": "vacaturebank",
    "network": "netwerk",
    "other": "overig",
    "own": "eigen kanaal",
    "paid": "betaald",
    "passive": "passief",
    "planned": "gepland",
    "proposed": "voorgesteld",
    "running": "loopt",
    "social": "sociale media",
    "stopped": "gestopt",
    "superseded": "vervangen",
}



def code_of(word: str, choices: list[str] | tuple[str, ...]) -> str | None:
    """The allowed value `word` names: the code itself in any case
    ('Execution'), or its Dutch name ('uitvoering'), which the site shows
    and an author may copy; None when it names none of `choices`."""
    wanted = " ".join(word.split()).casefold()
    for code in choices:
        name = VALUE_NAMES.get(code, code)  # also as the choices are listed: 'execution (uitvoering)'
        if wanted in (code.casefold(), name.casefold(), f"{code} ({name})".casefold()):
            return code
    return None


# key: (English, Dutch). Placeholders are filled by `say`; values that come
# from a record arrive quoted and shortened (problems.quote).
MESSAGES: dict[str, tuple[str, str]] = {
    # --- the summary of a run
    "summary": ("{errors} error(s), {warnings} warning(s)", "{errors} fout(en), {warnings} waarschuwing(en)"),
    "all_well": ("All is well: {records} records", "Alles in orde: {records} records"),
    "all_well_warnings": ("All is well: {records} records, {warnings} warning(s)",
                          "Alles in orde: {records} records, {warnings} waarschuwing(en)"),
    "did_you_mean": (" (did you mean {value}?)", " (bedoel je {value}?)"),
    "write_the_code": (" (a file holds the code: write {value})",
                       " (in een bestand staat de code: schrijf {value})"),
    "or": ("{first} or {second}", "{first} of {second}"),
    # --- how a field or a value is named
    "item_of": ("item {number} of {parent}", "item {number} van {parent}"),
    "the_list": ("the list", "de lijst"),
    "the_record": ("the record", "het record"),
    "a_group": ("a group of fields", "een groep velden"),
    "a_list": ("a list", "een lijst"),
    "a_single_value": ("a single value", "één losse waarde"),
    "empty": ("empty", "leeg"),
    "none": ("none", "geen"),
    "and_more": ("{shown} and {more} more", "{shown} en nog {more}"),
    # --- a reference to something that does not exist (Dutch: de/het decides the adjective)
    "unknown_person": ("unknown person {value}{hint}", "onbekende persoon {value}{hint}"),
    "unknown_campaign": ("unknown campaign {value}{hint}", "onbekende campagne {value}{hint}"),
    "unknown_lesson": ("unknown lesson {value}{hint}", "onbekende les {value}{hint}"),
    "unknown_platform": ("unknown platform {value}{hint}", "onbekend platform {value}{hint}"),
    "unknown_channel": ("unknown channel {value}{hint}", "onbekend kanaal {value}{hint}"),
    "unknown_scenario": ("unknown scenario {value}{hint}", "onbekend scenario {value}{hint}"),
    "unknown_tag": ("unknown tag {value}{hint}", "onbekende tag {value}{hint}"),
    # --- patterns, as words
    "pattern_slug": ("an id: lower-case letters, digits and single hyphens, for example 'hyves-stage-2009'",
                     "een id: kleine letters, cijfers en losse streepjes, bijvoorbeeld 'hyves-stage-2009'"),
    "pattern_slug_like": ("an id: lower-case letters, digits and single hyphens, such as {example}",
                          "een id: kleine letters, cijfers en losse streepjes, zoals {example}"),
    "pattern_url": ("a web address starting with http:// or https://",
                    "een webadres dat begint met http:// of https://"),
    "pattern_email": ("an email address", "een e-mailadres"),
    "pattern_phone": ("a phone number (digits, spaces, +, - and brackets)",
                      "een telefoonnummer (cijfers, spaties, +, - en haakjes)"),
    "pattern_goal": ("a learning goal id, or campaign-id:goal-id", "een leerdoel-id, of campagne-id:leerdoel-id"),
    "pattern_other": ("text matching {pattern}", "tekst volgens het patroon {pattern}"),
    # --- a field's value (validation)
    "missing": ("{field} is missing{help}", "{field} ontbreekt{help}"),
    "unknown_field": ("unknown field {name}{hint}", "onbekend veld {name}{hint}"),
    "not_an_id": ("{value} is not a valid id; use {words}", "{value} is geen geldige id; gebruik {words}"),
    "empty_value": ("{field} is empty; give it a value", "{field} is leeg; geef het een waarde"),
    "not_allowed": ("{value} is not allowed for {field}; choose one of: {choices}{hint}",
                    "{value} is niet toegestaan voor {field}; kies uit: {choices}{hint}"),
    "not_valid": ("{value} is not valid for {field}; write {words}",
                  "{value} is niet geldig voor {field}; schrijf {words}"),
    "empty_text": ("{field} is empty; write something or remove the line",
                   "{field} is leeg; schrijf iets of haal de regel weg"),
    "too_long_text": ("{field} is too long: at most {limit} characters",
                      "{field} is te lang: hoogstens {limit} tekens"),
    "too_many": ("{field} has too many items: at most {limit}", "{field} heeft te veel items: hoogstens {limit}"),
    "too_few": ("{field} needs at least {limit} item(s){help}", "{field} heeft minstens {limit} item(s) nodig{help}"),
    "must_be_list": ("{field} must be a list, with each item on its own line starting with '- '{hint}",
                     "{field} moet een lijst zijn, met elk item op een eigen regel die begint met '- '{hint}"),
    "list_of_groups_hint": (" (each item is a group of fields, one below the other: {shown})",
                            " (elk item is een groep velden, onder elkaar: {shown})"),
    "list_hint": (" (write it as '- {value}' on the next line)", " (schrijf het als '- {value}' op de volgende regel)"),
    "must_be_group": ("{field} must be a group of fields (name: value), not {what}",
                      "{field} moet een groep velden zijn (naam: waarde), niet {what}"),
    "must_be_text": ("{field} must be text, not {what}", "{field} moet tekst zijn, niet {what}"),
    "too_large": ("{field} is too large: at most {limit}", "{field} is te groot: hoogstens {limit}"),
    "too_small": ("{field} is too small: at least {limit}", "{field} is te klein: minstens {limit}"),
    "must_be_number": ("{field} must be a number, not {what}", "{field} moet een getal zijn, niet {what}"),
    "must_be_date": ("{field} must be a date (YYYY-MM-DD), not {what}",
                     "{field} moet een datum zijn (JJJJ-MM-DD), niet {what}"),
    "must_be_bool": ("{field} must be true or false, not {what}", "{field} moet true (ja) of false (nee) zijn, niet {what}"),
    "field_says": ("{field}: {text}", "{field}: {text}"),
    "body_twice": ("the narrative is given twice: as 'body' and below the fields; keep one",
                   "het verhaal staat er twee keer: als 'body' en onder de velden; houd er één"),
    "not_a_date": ("{value} is not a date; write it as YYYY-MM-DD, for example 2012-03-15",
                   "{value} is geen datum; schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2012-03-15"),
    "no_such_date": ("{value} is not a date that exists (the month or day is out of range)",
                     "{value} is een datum die niet bestaat (de maand of de dag klopt niet)"),
    "date_out_of_range": ("{value} is not a date the handbook can use; write a year from {first} to {last}",
                          "{value} is geen datum die het handboek kan gebruiken; schrijf een jaar van {first} tot {last}"),
    "not_whole_number": ("{value} is not a whole number; write digits only, for example 1200",
                         "{value} is geen heel getal; schrijf alleen cijfers, bijvoorbeeld 1200"),
    "preview_built": ("pages ready in {value} seconds", "pagina's klaar in {value} seconden"),
    "preview_serving": ("the preview is at {value}", "het voorbeeld staat op {value}"),
    "language_empty": ("theme.language in mkdocs.yml is empty; set it to one of: {choices}",
                       "theme.language in mkdocs.yml is leeg; kies een van: {choices}"),
    "language_unknown": ("theme.language {value} in mkdocs.yml: the handbook speaks {choices}",
                         "theme.language {value} in mkdocs.yml: het handboek spreekt {choices}"),
    "under_group": ("'{field}' under '{group}:'", "'{field}' onder '{group}:'"),
    "below_zero": ("{value} is below zero; write 0 or more", "{value} is kleiner dan nul; schrijf 0 of meer"),
    "not_an_amount": ("{value} is not an amount; write digits with a decimal point, for example 1250.50",
                      "{value} is geen bedrag; schrijf cijfers met een punt voor de centen, bijvoorbeeld 1250.50"),
    "listed_twice": ("{value} is listed twice", "{value} staat er twee keer in"),
    "repeated": ("{field}: {value} is listed here a second time; keep one",
                 "{field}: {value} staat hier voor de tweede keer; houd er één"),
    # --- references and facts across records (checks)
    "reserved_taxonomy_id": ("the id {value} is reserved for the handbook's own pages; choose another",
                             "de id {value} is gereserveerd voor de eigen pagina's van het handboek; kies een andere"),
    "successor_without_left": ("a successor is only given for someone who has left; add 'left'",
                               "een opvolger geef je alleen bij iemand die weg is; vul 'left' (uit dienst op) in"),
    "own_successor": ("a person cannot be their own successor", "iemand kan niet zijn eigen opvolger zijn"),
    "successor_left_too": ("successor {value} has left too; name who holds the knowledge now",
                           "opvolger {value} is ook weg; noem wie de kennis nu heeft"),
    "left_before_joined": ("'left' is before 'joined'", "'left' (uit dienst op) ligt vóór 'joined' (in dienst sinds)"),
    "ends_before_start": ("the campaign ends ({end}) before it starts ({start})",
                          "de campagne eindigt ({end}) voordat hij begint ({start})"),
    "finished_without_end": ("a finished campaign needs an end date under 'period'",
                             "een afgeronde campagne heeft een einddatum nodig onder 'period' (periode)"),
    "platform_closed_before": ("{platform} closed on {closed}, before this campaign started ({start})",
                               "{platform} is gesloten op {closed}, voordat deze campagne begon ({start})"),
    "platform_closed_during": ("{platform} closed on {closed}, while this campaign still ran",
                               "{platform} is gesloten op {closed}, terwijl deze campagne nog liep"),
    "goal_twice": ("learning goal id {value} is used twice in this campaign",
                   "leerdoel-id {value} komt twee keer voor in deze campagne"),
    "channel_not_listed": ("results for channel {value}, which the campaign does not list under 'channels'",
                           "resultaten voor kanaal {value}, dat de campagne niet noemt onder 'channels' (kanalen)"),
    "platform_not_listed": ("results for platform {value}, which the campaign does not list under 'platforms'",
                            "resultaten voor platform {value}, dat de campagne niet noemt onder 'platforms'"),
    "more_hires": ("more hires ({hires}) than applications ({applications})",
                   "meer aannames ({hires}) dan sollicitaties ({applications})"),
    "campaign_after_lesson": ("campaign {value} starts on {start}, after this lesson's date ({date}); "
                              "a lesson comes from a campaign that ran before it",
                              "campagne {value} begint op {start}, na de datum van deze les ({date}); "
                              "een les komt uit een campagne die ervoor liep"),
    "superseded_without_by": ("a superseded lesson must say which lesson replaces it in 'superseded_by'",
                              "een vervangen les zegt in 'superseded_by' (vervangen door) welke les haar vervangt"),
    "by_without_superseded": ("'superseded_by' is only given when 'status' is superseded",
                              "'superseded_by' (vervangen door) geef je alleen als 'status' superseded (vervangen) is"),
    "supersedes_itself": ("a lesson cannot supersede itself", "een les kan zichzelf niet vervangen"),
    "reviewed_after_due": ("the lesson was reviewed on {reviewed}, on or after this date; set the date of the next review",
                           "de les is herzien op {reviewed}, op of na deze datum; zet de datum van de volgende herziening"),
    "repeats_itself": ("a lesson cannot repeat itself", "een les kan zichzelf niet herhalen"),
    "recurs_later": ("'recurs' names a later lesson ({date}); it must name an earlier one",
                     "'recurs' (herhaalt) noemt een latere les ({date}); noem een eerdere"),
    "guideline_not_platform": ("a guideline's file name is its platform id, and {value} is not a platform in "
                               "the taxonomy{hint}",
                               "de bestandsnaam van een richtlijn is de id van het platform, en {value} is geen "
                               "platform in de taxonomie{hint}"),
    "backup_is_owner": ("the backup owner must be someone other than the owner",
                        "de tweede eigenaar moet iemand anders zijn dan de eigenaar"),
    "answers_without_campaigns": ("a lesson answers learning goals of its campaigns; list them under 'campaigns'",
                                  "een les beantwoordt leerdoelen van haar campagnes; noem die onder 'campaigns' "
                                  "(campagnes)"),
    "not_own_campaign": ("campaign {value} is not one of this lesson's 'campaigns'",
                         "campagne {value} staat niet bij de 'campaigns' (campagnes) van deze les"),
    "ambiguous_goal": ("learning goal {value} is in several of this lesson's campaigns; write one of: {choices}",
                       "leerdoel {value} staat in meer campagnes van deze les; schrijf een van: {choices}"),
    "unknown_goal": ("unknown learning goal {value}; the goals of this lesson's campaigns are: {shown}{hint}",
                     "onbekend leerdoel {value}; de leerdoelen van de campagnes van deze les zijn: {shown}{hint}"),
    "supersede_circle": ("lessons supersede each other in a circle: {chain}",
                         "lessen vervangen elkaar in een kringetje: {chain}"),
    "repeat_circle": ("lessons repeat each other in a circle: {chain}",
                      "lessen herhalen elkaar in een kringetje: {chain}"),
    # --- record text (safety)
    "too_nested": ("{field} has lists or quotes inside each other too deeply (about 9 levels and more); the handbook "
                   "would leave the deepest part out, so make it flatter",
                   "{field} heeft lijsten of citaten te diep in elkaar (ongeveer 9 niveaus en meer); het handboek zou "
                   "het diepste deel weglaten, dus maak het vlakker"),
    "contains_html": ("{field} contains HTML ({snippet}); records hold plain Markdown only (to show < and > as "
                      "text, write \\< and \\> or put the text in `backticks`)",
                      "{field} bevat HTML ({snippet}); records bevatten alleen gewone Markdown (schrijf \\< en "
                      "\\> of zet de tekst tussen `backticks` om < en > als tekst te tonen)"),
    "image_scheme": ("{field} has an image from a {scheme} address; the handbook shows only images of its own "
                     "and loads nothing from other sites",
                     "{field} heeft een afbeelding van een {scheme}-adres; het handboek toont alleen eigen "
                     "afbeeldingen en laadt niets van andere sites"),
    "image_elsewhere": ("{field} has an image from another site ({snippet}); the handbook shows only images of "
                        "its own and loads nothing from other sites",
                        "{field} heeft een afbeelding van een andere site ({snippet}); het handboek toont alleen "
                        "eigen afbeeldingen en laadt niets van andere sites"),
    "link_scheme": ("{field} has a link to a {scheme} address; only http, https and mailto addresses or links "
                    "within the handbook are allowed",
                    "{field} heeft een link naar een {scheme}-adres; alleen http-, https- en mailto-adressen of "
                    "links binnen het handboek zijn toegestaan"),
    "link_nowhere": ("{field} links to {snippet}, which is no page or file of the handbook; link to a record as "
                     "../lessons/its-id.md (as from its page), to a file in {docs}/ as ../../its-name",
                     "{field} linkt naar {snippet}, maar dat is geen pagina of bestand van het handboek; link naar "
                     "een record als ../lessons/id-van-de-les.md (gezien vanaf zijn pagina), naar een bestand in "
                     "{docs}/ als ../../naam-van-het-bestand"),
    "image_nowhere": ("{field} shows the image {snippet}, which is no file of the handbook; put the image in "
                      "{docs}/assets/ and write ../../assets/its-name.png",
                      "{field} toont de afbeelding {snippet}, maar die staat niet in het handboek; zet de afbeelding "
                      "in {docs}/assets/ en schrijf ../../assets/naam-van-de-afbeelding.png"),
    "link_without_scheme": ("{field} has a link to another site without 'https:' ({snippet}); write the whole "
                            "address, starting with https://",
                            "{field} heeft een link naar een andere site zonder 'https:' ({snippet}); schrijf het "
                            "hele adres, beginnend met https://"),
    "contact_details": ("{field} contains {what} ({found}); contact details belong only in a person's 'email' and "
                        "'phone' fields: name the person by their id instead",
                        "{field} bevat {what} ({found}); contactgegevens horen alleen in de velden 'email' en "
                        "'phone' van een persoon: noem de persoon bij diens id"),
    "an_email_address": ("an email address", "een e-mailadres"),
    "a_phone_number": ("a phone number", "een telefoonnummer"),
    # --- handbook new
    "answer_needed": ("an answer is needed here", "hier is een antwoord nodig"),
    "choose_from": ("{value} is not one of the choices; choose one of: {choices}{hint}",
                    "{value} is geen van de keuzes; kies uit: {choices}{hint}"),
    "not_an_option": ("{value} is not one of the choices{hint}", "{value} is geen van de keuzes{hint}"),
    "person_left": ("{value} has left; name someone who works here now",
                    "{value} is uit dienst; noem iemand die hier nu werkt"),
    "id_taken": ("a record {value} exists already; {free} is free", "er is al een record {value}; {free} is vrij"),
    "new_records_have_errors": ("the records have errors already; run `handbook check` and fix them first",
                                "de records bevatten al fouten; voer `handbook check` uit en herstel ze eerst"),
    "new_resume_draft": ("There are answers of an earlier try in {path}; use them?",
                         "Er zijn antwoorden van een eerdere poging in {path}; die gebruiken?"),
    "new_would_not_pass": ("the new record would not pass the check:", "het nieuwe record komt niet door de controle:"),
    "new_draft_kept": ("your answers are kept: `handbook new {kind}` offers them again",
                       "je antwoorden zijn bewaard: `handbook new {kind}` biedt ze opnieuw aan"),
    "new_choose_from": ("  choose from:", "  kies uit:"),
    "new_default_dropped": ("the earlier answer '{value}' no longer fits ({problem}); it is not offered again",
                            "het eerdere antwoord '{value}' past niet meer ({problem}); het wordt niet meer voorgesteld"),
    "new_choose_from_several": ("  choose from (several may be given, with spaces or commas between):",
                                "  kies uit (meer mogen, met spaties of komma's ertussen):"),
    "new_more_options": ("    … and {count} more: type an id or part of it, and what is close is suggested",
                         "    … en nog {count}: typ een id of een deel ervan, dan wordt voorgesteld wat erop lijkt"),
    "new_optional": (" (optional, Enter to skip)", " (mag leeg, Enter slaat over)"),
    "new_story": (" (several lines; an empty line ends)", " (meer regels mogen; een lege regel sluit af)"),
    "new_story_optional": (" (optional: Enter skips; several lines, an empty line ends)",
                           " (mag leeg: Enter slaat over; meer regels mogen, een lege regel sluit af)"),
    "new_ask_again": ("every answer is right, but together they are not yet; asked again:",
                      "elk antwoord klopt, maar samen nog niet; daarom nog een keer:"),
    "new_refused": ("new {kind}: ", "{kind} niet aangemaakt: "),
    "yes_no": ("Y/n", "J/n"),
    "answer_yes_no": ("answer y (yes) or n (no)", "antwoord j (ja) of n (nee)"),
    "write_date": (" Written as YYYY-MM-DD, for example 2024-03-15.", " Schrijf als JJJJ-MM-DD, bijvoorbeeld 2024-03-15."),
    "new_another": ("another, Enter when done", "nog een, Enter als je klaar bent"),
    "new_wrote": ("wrote {path}; check it with `handbook check` and preview with `make serve`",
                  "{path} geschreven; controleer met `handbook check` en bekijk met `make serve`"),
    "new_optional_fields": ("Optional: remove the '# ' before a field to fill it in.",
                            "Mag ook: haal '# ' voor een veld weg om het in te vullen."),
    "check_found_errors": ("the check found errors", "de controle vond fouten"),
    "blank_file_name": ("Give the file a name of its own, such as {example}, then fill in the fields.",
                        "Geef het bestand een eigen naam, zoals {example}, en vul dan de velden in."),
    "see_reference": ("Every field is described in the handbook's records reference (handbook/reference.md).",
                      "Elk veld staat beschreven in de beschrijving van de records (handbook/reference.md)."),
    "new_missing": ("missing: {fields}", "ontbreekt: {fields}"),
    "new_not_filled_in": ("{name} is not a field that `handbook new {kind}` fills in; it fills in: {fields}",
                          "{name} is geen veld dat `handbook new {kind}` invult; het vult in: {fields}"),
    "new_exists": ("{path} exists already; it is left as it is", "{path} bestaat al; het blijft zoals het is"),
    "new_guideline_id": ("a guideline's id is a platform without one; choose from: {choices}",
                         "de id van een richtlijn is een platform zonder richtlijn; kies uit: {choices}"),
    "new_give_id": ("give the record an id with --id", "geef het record een id met --id"),
    "known_header": ("What we already know ({total} lessons apply; foundation first):",
                     "Wat we al weten ({total} lessen gelden; fundament eerst):"),
    "known_repeat": (" [repeated mistake]", " [herhaalde fout]"),
    "known_repeated": (" [mistake came back later]", " [fout kwam later terug]"),
    "known_none": ("  - no lessons of other campaigns apply yet", "  - er gelden nog geen lessen van andere campagnes"),
    "known_open": ("Still open in similar earlier campaigns:", "Nog open in vergelijkbare eerdere campagnes:"),
    # --- the preview
    "preview_error_heading": ("Errors in {path}", "Fouten in {path}"),
    "preview_error_title": ("This record has errors", "Dit record heeft fouten"),
    "preview_error_intro": ("The preview shows the record again once these are fixed; `handbook check` says the same.",
                            "De preview toont het record weer zodra deze fouten hersteld zijn; `handbook check` "
                            "zegt hetzelfde."),
    "no_build_date": ("cannot tell the build date: set SOURCE_DATE_EPOCH or build from a git checkout",
                      "de bouwdatum is niet te bepalen: zet SOURCE_DATE_EPOCH of bouw vanuit een git-checkout "
                      "(niet uit een uitgepakte zip)"),
    "bad_epoch": ("SOURCE_DATE_EPOCH is {value}; it must be the build moment in whole seconds since 1970-01-01 UTC "
                  "(digits only, for example 1793491200), from {first} to {last}",
                  "SOURCE_DATE_EPOCH is {value}; het moet het bouwmoment zijn in hele seconden sinds 1970-01-01 UTC "
                  "(alleen cijfers, bijvoorbeeld 1793491200), van {first} tot {last}"),
    "no_config": ("there is no mkdocs.yml in {path}", "er is geen mkdocs.yml in {path}"),
    "preview_notice_title": ("{errors} error(s) in {files} file(s): the preview shows the last good version",
                             "{errors} fout(en) in {files} bestand(en): de preview toont de laatste goede versie"),
    "preview_notice_waiting": ("{errors} error(s) in {files} file(s): the preview shows the records once they are "
                               "fixed (until then its pages are empty; no record is lost)",
                               "{errors} fout(en) in {files} bestand(en): de preview toont de records zodra deze "
                               "hersteld zijn (tot dan zijn de pagina's leeg; er is geen record kwijt)"),
    "preview_waiting": ("not generated: {reason}; the preview shows the records once they are fixed",
                        "niet gemaakt: {reason}; de preview toont de records zodra de fouten hersteld zijn"),
    "preview_notice_intro": ("Every page says this until the records are right again; `handbook check` says the same.",
                             "Elke pagina zegt dit tot de records weer kloppen; `handbook check` zegt hetzelfde."),
    "preview_notice_open": ("show the record's page", "toon de pagina van het record"),
    "preview_notice_more": ("and {count} more: see the terminal or `handbook check`",
                            "en nog {count}: zie de terminal of `handbook check`"),
    "preview_error_shown": ("the errors are also shown on the page of the record in the preview",
                            "de fouten staan ook op de pagina van het record in de preview"),
    "preview_not_regenerated": ("not regenerated: {reason}; the preview keeps the last good pages",
                                "niet opnieuw gemaakt: {reason}; de preview houdt de laatste goede pagina's"),
    "preview_regenerated_edited": ("regenerated the edited records' pages: {changed} of {pages} changed",
                                   "de pagina's van de gewijzigde records opnieuw gemaakt: {changed} van {pages} gewijzigd"),
    "preview_regenerated_all": ("regenerated all pages: {changed} of {pages} changed",
                                "alle pagina's opnieuw gemaakt: {changed} van {pages} gewijzigd"),
    "preview_bad_address": ("'{address}' is not an address to serve on; write HOST:PORT, for example 127.0.0.1:8000",
                            "'{address}' is geen adres voor de preview; schrijf HOST:POORT, bijvoorbeeld 127.0.0.1:8000"),
    "preview_port_taken": ("port {port} on {host} is in use (another preview?); stop that one, or choose another "
                           "port with --address {host}:{next}",
                           "poort {port} op {host} is al in gebruik (draait er nog een preview?); stop die, of kies "
                           "een andere poort met --address {host}:{next}"),
    "preview_cannot_serve": ("cannot serve on {address}: {reason}", "kan de preview niet starten op {address}: {reason}"),
    # --- how a command ends
    "build_failed": ("build failed: {reason}; the previous site is left as it was",
                     "bouwen mislukt: {reason}; de vorige site blijft zoals hij was"),
    "built": ("site built in {site}/ ({pages} pages made from the records, search index, safety audit)",
              "site gebouwd in {site}/ ({pages} pagina's gemaakt uit de records, zoekindex, veiligheidscontrole)"),
    "generation_failed": ("generation failed: {reason}", "maken van de pagina's mislukt: {reason}"),
    "serve_failed": ("serve: {reason}", "preview: {reason}"),
    "stopped": ("stopped", "gestopt"),
    "unexpected": ("handbook: the command stopped on something it did not expect ({text}); nothing was published. "
                   "Please report this with the command you ran.",
                   "handbook: de opdracht stopte op iets onverwachts ({text}); er is niets gepubliceerd. Meld dit "
                   "graag, met de opdracht die je gaf."),
    "engine_not_started": ("{engine} could not be started: {reason}", "{engine} kon niet starten: {reason}"),
    "zensical_outside": ("Zensical builds only inside the project folder ({project}): choose a --site-dir there, "
                         "and copy the site to {site} afterwards",
                         "Zensical bouwt alleen binnen de projectmap ({project}): kies daar een --site-dir, "
                         "en kopieer de site daarna naar {site}"),
    "engine_failed": ("{engine} build --strict failed (see its messages above)",
                      "{engine} build --strict mislukte (zie de meldingen hierboven)"),
    "search_failed": ("the search index could not be made ({detail})",
                      "de zoekindex kon niet worden gemaakt ({detail})"),
    "search_unreadable": ("the search index is not as this handbook expects ({detail}); is Pagefind of another "
                          "version than the lock file's?",
                          "de zoekindex is niet zoals dit handboek hem verwacht ({detail}); is Pagefind van een andere "
                          "versie dan in het lock-bestand?"),
    "search_folder_taken": ("the handbook has a folder '{folder}/' of its own; that name is the search index's: "
                            "rename the folder",
                            "het handboek heeft een eigen map '{folder}/'; die naam is van de zoekindex: geef de map "
                            "een andere naam"),
    # --- the safety audit of the built pages (a page written by hand, or the theme)
    "audit_second_id": ("a second element with the id '{ident}', which the theme uses",
                        "een tweede element met de id '{ident}', die het thema zelf gebruikt"),
    "audit_config_id": ("<{tag}> has the id '__config', which names the theme's settings",
                        "<{tag}> heeft de id '__config', die de instellingen van het thema aanduidt"),
    "audit_handler": ("<{tag}> has the event handler '{name}', which runs script",
                      "<{tag}> heeft het attribuut '{name}', dat een script uitvoert"),
    "audit_base": ("<base> changes where every link and image of the page leads; the handbook does not",
                   "<base> verandert waar elke link en afbeelding van de pagina heen leidt; dat doet het handboek niet"),
    "audit_embeds": ("<{tag}> embeds another document; the handbook does not",
                     "<{tag}> sluit een ander document in; dat doet het handboek niet"),
    "audit_noscript": ("<noscript> holds content that browsers read differently when they run script",
                       "<noscript> bevat inhoud die browsers anders lezen als ze scripts uitvoeren"),
    "audit_refresh": ("<meta http-equiv=refresh> sends the reader elsewhere",
                      "<meta http-equiv=refresh> stuurt de lezer ergens anders heen"),
    "audit_animate": ("<{tag}> changes an address while the page is shown",
                      "<{tag}> verandert een adres terwijl de pagina getoond wordt"),
    "audit_style_attribute": ("<{tag}> loads a resource through its style attribute",
                              "<{tag}> laadt iets via zijn style-attribuut"),
    "audit_form": ("a <form> that the theme did not put there", "een <form> die niet van het thema is"),
    "audit_style": ("a <style> element that the theme did not put there",
                    "een <style>-element dat niet van het thema is"),
    "audit_scheme": ("<{tag} {name}> uses a '{scheme}:' address", "<{tag} {name}> gebruikt een '{scheme}:'-adres"),
    "audit_link_scheme": ("<{tag} href> links to a '{scheme}:' address",
                          "<{tag} href> linkt naar een '{scheme}:'-adres"),
    "audit_elsewhere": ("<{tag} {name}> loads {url} from another host",
                        "<{tag} {name}> laadt {url} van een andere server"),
    "audit_script_src": ("<script src={src}> is not one of the site's own scripts",
                         "<script src={src}> is geen van de eigen scripts van de site"),
    "audit_script_in_page": ("a <script> in the page's own text; scripts come only from the theme and from "
                             "extra_javascript in mkdocs.yml",
                             "een <script> in de tekst van de pagina; scripts komen alleen van het thema en uit "
                             "extra_javascript in mkdocs.yml"),
    "audit_inline_script": ("an inline <script> that the theme did not put there",
                            "een <script> in de pagina die niet van het thema is"),
    "audit_css_elsewhere": ("the style sheet loads {url} from another host",
                            "de stylesheet laadt {url} van een andere server"),
    "audit_no_head": ("the page has no <head> to carry the Content-Security-Policy",
                      "de pagina heeft geen <head> voor de Content-Security-Policy"),
    "audit_policy_mismatch": ("the page's Content-Security-Policy does not name exactly the inline scripts the "
                              "page holds",
                              "de Content-Security-Policy van de pagina noemt niet precies de scripts die in de "
                              "pagina staan"),
    "audit_script_before_policy": ("a <script> stands before the page's Content-Security-Policy",
                                   "er staat een <script> vóór de Content-Security-Policy van de pagina"),
    "audit_failed": ("the built pages failed the safety audit", "de gebouwde pagina's zijn afgekeurd bij de veiligheidscontrole"),
    # --- the knowledge-health report
    "finished_on": ("finished {date}", "afgerond op {date}"),
    "role_is": ("{role}: {person}", "{role}: {person}"),
    "due_on": ("due {date}", "herzien vóór {date}"),
    "never_reviewed": ("never reviewed", "nooit herzien"),
    "since": ("since {date}", "sinds {date}"),
    "no_one_as": ("no {roles}", "geen {roles}"),
    "and_no": (" and no ", " en geen "),
    "health_as_of": ("Knowledge health as of {date}", "Kennisgezondheid op {date}"),
    "accounts_per_platform": ("Accounts per platform (active/dormant/archived):",
                              "Accounts per platform (actief/slapend/gearchiveerd):"),
    "lessons_per_campaign": ("Lessons per campaign (foundation/execution):",
                             "Lessen per campagne (fundament/uitvoering):"),
    "report_has_errors": ("report: the records have errors; fix them first",
                          "report: de records bevatten fouten; herstel die eerst"),
    # --- reading files (load)
    "file_too_large": ("the file is larger than {limit} bytes; a record is never this long",
                       "het bestand is groter dan {limit} bytes; zo lang is een record nooit"),
    "not_utf8": ("the file is not UTF-8 text (byte 0x{byte} here); save it as UTF-8",
                 "het bestand is geen UTF-8-tekst (byte 0x{byte} hier); sla het op als UTF-8"),
    "nul": ("the file contains a NUL character; is it a binary file?",
            "het bestand bevat een NUL-teken; is het een binair bestand?"),
    "invisible": ("an invisible {what} is here; remove it (it can change how the text is shown or read)",
                  "hier staat een onzichtbaar {what}; haal het weg (het kan veranderen hoe de tekst wordt getoond of "
                  "gelezen)"),
    "page_front_markup": ("'{field}' at the top of the page holds '{found}': the theme shows it on every page as "
                          "it is written, so write plain text here, without < > \" or character references",
                          "'{field}' bovenaan de pagina bevat '{found}': het thema toont dit op elke pagina zoals "
                          "het er staat; schrijf hier gewone tekst, zonder < > \" of tekenverwijzingen"),
    "invisible_reference": ("an invisible {what} is written here as a character reference; remove it (it can "
                            "change how the text is shown or read)",
                            "hier staat een onzichtbaar {what} als tekenverwijzing (zoals &#x202E;); haal het weg "
                            "(het kan veranderen hoe de tekst wordt getoond of gelezen)"),
    "invisible_escape": ("an invisible {what} is written here as an escape; remove it (it can change how the text "
                         "is shown or read)",
                         "hier staat een onzichtbaar {what} als escape; haal het weg (het kan veranderen hoe de "
                         "tekst wordt getoond of gelezen)"),
    "a_control_character": ("control character ({character})", "stuurteken ({character})"),
    "an_invisible_character": ("character ({character})", "teken ({character})"),
    "field_needs_name": ("a field needs a name before its ':'", "een veld heeft een naam nodig vóór de ':'"),
    "field_name_plain": ("a field name must be plain text, not {what}", "een veldnaam moet gewone tekst zijn, niet {what}"),
    "field_twice": ("field {name} is given twice (first on line {line}); keep one",
                    "veld {name} staat er twee keer (eerst op regel {line}); houd er één"),
    "one_document": ("a record holds one YAML document; remove this '---' and what follows",
                     "een record is één YAML-document; haal deze '---' en wat erna komt weg"),
    "yaml_alias": ("'*{name}' repeats another part of the file (a YAML alias); write the value out in full",
                   "'*{name}' herhaalt een ander deel van het bestand (een YAML-alias); schrijf de waarde voluit"),
    "yaml_anchor": ("'&{name}' marks a part of the file for repeating (a YAML anchor); remove it",
                    "'&{name}' markeert een deel van het bestand om te herhalen (een YAML-anker); haal het weg"),
    "yaml_tag": ("{tag} is a YAML type tag; records hold plain values only, remove it",
                 "{tag} is een YAML-typelabel; records bevatten alleen gewone waarden, haal het weg"),
    "too_deep": ("the fields are nested more than {limit} levels deep; records are never this deep",
                 "de velden zitten meer dan {limit} niveaus diep in elkaar; zo diep is een record nooit"),
    "not_yaml": ("this is not valid YAML: {problem}{hint}", "dit is geen geldige YAML: {problem}{hint}"),
    "hint_colon": (" (a ':' followed by a space starts a new field; put text that contains ': ' in quotes)",
                   " (een ':' met een spatie erna begint een nieuw veld; zet tekst met ': ' tussen aanhalingstekens)"),
    "hint_name_value": (" (each line of a group of fields must look like 'name: value')",
                        " (elke regel van een groep velden ziet eruit als 'naam: waarde')"),
    "hint_continued": (" (this looks like more text of the field above: indent such lines with two spaces, "
                       "or write '|' after the field's name and indent the text below it)",
                       " (dit lijkt meer tekst van het veld erboven: spring zulke regels in met twee spaties, "
                       "of schrijf '|' na de veldnaam en spring de tekst eronder in)"),
    "hint_tab": (" (indent with spaces, not tabs)", " (spring in met spaties, niet met tabs)"),
    "hint_indent": (" (check the indentation of this line and the one before it)",
                    " (controleer hoe ver deze regel en de regel ervoor inspringen)"),
    "record_empty": ("the record is empty; it needs its fields (name: value)",
                     "het record is leeg; het heeft velden nodig (naam: waarde)"),
    "record_not_fields": ("a record must be a set of fields (name: value), not {what}",
                          "een record moet bestaan uit velden (naam: waarde), niet uit {what}"),
    "md_no_start": ("a Markdown record must start with a line '---', then its fields, then a line '---'",
                    "een Markdown-record begint met een regel '---', dan de velden, dan een regel '---'"),
    "md_not_closed": ("the fields at the top are not closed: add a line '---' after the last field",
                      "de velden bovenaan zijn niet afgesloten: zet een regel '---' na het laatste veld"),
    "md_no_fields": ("the fields between the two '---' lines are missing",
                     "de velden tussen de twee regels '---' ontbreken"),
    "file_gone": ("the file disappeared while the handbook read it; run the command again",
                  "het bestand verdween terwijl het handboek het las; voer de opdracht opnieuw uit"),
    "cannot_read": ("the file cannot be read ({reason})", "het bestand kan niet worden gelezen ({reason})"),
    "not_plain_file": ("this is not a plain file (a pipe, socket or device); records are plain files",
                       "dit is geen gewoon bestand (een pipe, socket of apparaat); records zijn gewone bestanden"),
    "folder_unreadable": ("this folder cannot be read ({reason}); check its permissions",
                          "deze map kan niet worden gelezen ({reason}); controleer de rechten"),
    "no_data_folder": ("there is no folder 'data' with the records", "er is geen map 'data' met de records"),
    "symlink": ("this is a symbolic link; records must be real files inside data/",
                "dit is een symbolische koppeling; records zijn echte bestanden in data/"),
    "unknown_folder": ("unknown folder {name}; records go in one of: {choices}{hint}",
                       "onbekende map {name}; records horen in een van: {choices}{hint}"),
    "nested_folder": ("folders inside {name} are not read; move the records up",
                      "mappen in {name} worden niet gelezen; zet de records een map hoger"),
    "not_record_suffix": ("only .yml and .md files are records{hint}", "alleen .yml- en .md-bestanden zijn records{hint}"),
    "rename_yml": (" (rename it to .yml)", " (hernoem het naar .yml)"),
    "stray_file": ("only taxonomy.yml belongs directly in data/; records go in their kind's folder",
                   "alleen taxonomy.yml hoort direct in data/; records horen in de map van hun soort"),
    "hidden_file": ("this file is not read: a name that starts with a dot is hidden; remove the dot if it is a "
                    "record",
                    "dit bestand wordt niet gelezen: een naam die met een punt begint is verborgen; haal de punt weg "
                    "als het een record is"),
    "no_taxonomy": ("the taxonomy (platforms, channels, scenarios, tags) is missing",
                    "de taxonomie (platforms, kanalen, scenario's, tags) ontbreekt"),
    # --- files and ids (validate)
    "taxonomy_no_narrative": ("the taxonomy has no narrative", "de taxonomie heeft geen verhaal"),
    "id_twice": ("the id {value} is used twice: here and in {other}; rename one of the files",
                 "de id {value} komt twee keer voor: hier en in {other}; hernoem een van de bestanden"),
    "bad_file_name": ("the file name {value} cannot be an id; use lower-case letters, digits and single hyphens, "
                      "at most {limit} characters, for example 'hyves-stage-2009'",
                      "de bestandsnaam {value} kan geen id zijn; gebruik kleine letters, cijfers en losse streepjes, "
                      "hoogstens {limit} tekens, bijvoorbeeld 'hyves-stage-2009'"),
    "docs_symlink": ("the docs folder is a symbolic link; it must be a real folder",
                     "de docs-map is een symbolische koppeling; het moet een echte map zijn"),
    "docs_file_symlink": ("this is a symbolic link; the handbook publishes real files only",
                          "dit is een symbolische koppeling; het handboek publiceert alleen echte bestanden"),
    # --- files beside the records (published.py)
    "file_special": ("this is not a plain file (a pipe, socket or device); the handbook publishes plain files only",
                     "dit is geen gewoon bestand (maar een pipe, socket of apparaat); het handboek publiceert alleen "
                     "gewone bestanden"),
    "file_hard_link": ("this file is a hard link ({links} names for one file, perhaps one outside the repository); "
                       "put a copy here instead",
                       "dit bestand is een harde koppeling ({links} namen voor één bestand, misschien een buiten de "
                       "repository); zet hier een kopie neer"),
    "file_not_its_type": ("this file is not what its name says: a {type} file starts differently; save it again "
                          "as {type}",
                          "dit bestand is niet wat de naam zegt: een {type}-bestand begint anders; sla het opnieuw "
                          "op als {type}"),
    "file_document": ("a {type} file is a web page that a browser runs as it is; the handbook does not publish "
                      "such files: write a page as .md, an image as .png, .jpg or .svg",
                      "een {type}-bestand is een webpagina die een browser uitvoert zoals ze is; die publiceert het "
                      "handboek niet: schrijf een pagina als .md, een afbeelding als .png, .jpg of .svg"),
    "file_script": ("a {type} file is a script; the site runs only the theme's scripts and those named under "
                    "extra_javascript in mkdocs.yml",
                    "een {type}-bestand is een script; de site voert alleen de scripts van het thema uit en die "
                    "onder extra_javascript in mkdocs.yml staan"),
    "file_unknown_type": ("the handbook does not publish {type} files: only pages (.md), images (.png, .jpg, "
                          ".gif, .webp, .svg), PDFs, fonts, style sheets (.css) and text (.txt)",
                          "het handboek publiceert geen {type}-bestanden: alleen pagina's (.md), afbeeldingen (.png, "
                          ".jpg, .gif, .webp, .svg), pdf's, lettertypen, stylesheets (.css) en tekst (.txt)"),
    "file_name_control": ("the file's name holds a control character (a line break, a tab); rename it",
                          "de naam van het bestand bevat een stuurteken (een regeleinde, een tab); geef het een "
                          "andere naam"),
    "generated_tracked": ("this file is in git, but {folder} is made by the handbook itself on every build; take "
                          "it out of git (git rm --cached)",
                          "dit bestand staat in git, maar {folder} maakt het handboek bij elke bouw zelf; haal het "
                          "uit git (git rm --cached)"),
    "file_no_extension": ("name-without-extension", "naam-zonder-extensie"),
    "svg_element": ("the SVG image holds <{element}> ({namespace}), which is not a drawing element: an image may "
                    "hold shapes, text and colours only, no script, link, embedded page or editor data; export "
                    "it again as plain SVG",
                    "de SVG-afbeelding bevat <{element}> ({namespace}), en dat is geen tekenelement: een afbeelding "
                    "mag alleen vormen, tekst en kleuren bevatten, geen script, link, ingesloten pagina of gegevens "
                    "van het tekenprogramma; exporteer haar opnieuw als gewone SVG"),
    "svg_attribute": ("the SVG image's <{element}> has the attribute {attribute}, which is not a drawing "
                      "attribute (event handlers and editor data are refused); export it again as plain SVG",
                      "<{element}> in de SVG-afbeelding heeft het attribuut {attribute}, en dat is geen "
                      "tekenattribuut (scripts bij een gebeurtenis en gegevens van het tekenprogramma worden "
                      "geweigerd); exporteer haar opnieuw als gewone SVG"),
    "svg_href": ("the SVG image's {attribute} points at {value}; an image may only point inside itself ('#id')",
                 "{attribute} in de SVG-afbeelding wijst naar {value}; een afbeelding mag alleen naar iets in "
                 "zichzelf wijzen ('#id')"),
    "svg_loads": ("the SVG image's {attribute} loads or runs something ({value}); an image may only point inside "
                  "itself ('url(#id)')",
                  "{attribute} in de SVG-afbeelding laadt of start iets ({value}); een afbeelding mag alleen naar "
                  "iets in zichzelf wijzen ('url(#id)')"),
    "svg_style_loads": ("the SVG image's <style> loads or runs something; an image may only point inside itself",
                        "de <style> van de SVG-afbeelding laadt of start iets; een afbeelding mag alleen naar iets "
                        "in zichzelf wijzen"),
    "svg_instruction": ("the file holds the instruction <?{target}?>, which makes a browser run a style sheet "
                        "over it; remove it",
                        "het bestand bevat de instructie <?{target}?>, waarmee een browser er een stylesheet op "
                        "loslaat; haal die weg"),
    "svg_dtd": ("the file declares its own DTD or entities (<!DOCTYPE … [ … ]> or <!ENTITY …>), where a script "
                "can hide; save the image again without them (as 'plain SVG')",
                "het bestand declareert een eigen DTD of entiteiten (<!DOCTYPE … [ … ]> of <!ENTITY …>), waarin een "
                "script verborgen kan zitten; sla de afbeelding opnieuw op zonder (als 'gewone SVG')"),
    "svg_not_xml": ("the file cannot be read as an SVG image ({reason}); export it again",
                    "het bestand is niet te lezen als SVG-afbeelding ({reason}); exporteer het opnieuw"),
    "xml_namespace": ("the XML file holds <{element}> ({namespace}), which the site does not write",
                      "het XML-bestand bevat <{element}> ({namespace}), en dat schrijft de site niet"),
    "snippets_outside_docs": ("mkdocs.yml: pymdownx.snippets' base_path {path} lies outside the docs folder; a page "
                              "may include only files of the docs folder",
                              "mkdocs.yml: base_path {path} van pymdownx.snippets ligt buiten de docs-map; een pagina "
                              "mag alleen bestanden uit de docs-map invoegen"),
    "snippets_download": ("mkdocs.yml: pymdownx.snippets' url_download would let a page include text from another "
                          "host; the handbook loads nothing from elsewhere",
                          "mkdocs.yml: url_download van pymdownx.snippets laat een pagina tekst van een andere server "
                          "invoegen; het handboek haalt niets van elders"),
    "config_python_tag": ("{file}: a '!!python' tag makes a Python object, and runs code while the settings "
                          "are read; write plain values",
                          "{file}: een '!!python'-tag maakt een Python-object en voert code uit terwijl de "
                          "instellingen worden gelezen; schrijf gewone waarden"),
    "config_path_outside": ("{setting} names {path}, which is outside the repository; the handbook publishes "
                            "only files of the repository",
                            "{setting} noemt {path}, en dat ligt buiten de repository; het handboek publiceert "
                            "alleen bestanden uit de repository"),
    "config_path_link": ("{setting} leads through the symbolic link {path}; name a real folder or file",
                         "{setting} loopt via de symbolische koppeling {path}; noem een echte map of een echt "
                         "bestand"),
    "config_remote": ("{setting} names {url}, on another host; the site loads nothing from elsewhere: put the file "
                      "in the docs folder",
                      "{setting} noemt {url}, op een andere server; de site laadt niets van elders: zet het "
                      "bestand in de docs-map"),
    "reserved_id": ("the id {value} is reserved for the handbook's own pages; rename the file",
                    "de id {value} is gereserveerd voor de eigen pagina's van het handboek; hernoem het bestand"),
    "wrong_folder": ("this file has the fields of a {kind}: it belongs in {folder}",
                     "dit bestand heeft de velden van een {kind}: het hoort in {folder}"),
    "starting_name": ("{value} is the name the web editor starts with; name the file after the record, "
                      "for example 'parents-decide-too.yml', so that the next one does not take its place",
                      "{value} is de naam waarmee de webeditor begint; noem het bestand naar het record, "
                      "bijvoorbeeld 'ouders-beslissen-mee.yml', zodat het volgende er niet voor in de plaats komt"),
}


def describe(model: str, name: str, english: str | None) -> str:
    """A field's description in the language of the run: the model's own
    (English) text, or its Dutch translation below."""
    if _language.get() == "nl":
        return DESCRIPTIONS_NL.get(f"{model}.{name}", english or "")
    return english or ""


def explain_kind(model: str, english: str) -> str:
    """A record kind's one-line description, in the language of the run."""
    return KINDS_NL.get(model, english) if _language.get() == "nl" else english


# The record kinds in Dutch: their name and their one-line description.
KIND_NAMES_NL = {"lesson": "Les", "campaign": "Campagne", "guideline": "Richtlijn", "person": "Persoon",
                 "account": "Account"}


def kind_name(kind: str) -> str:
    """'lesson', in Dutch 'les'."""
    return KIND_NAMES_NL[kind].lower() if _language.get() == "nl" else kind


KINDS_NL = {
    "Account": "Eén sociale-media-account van de organisatie: het register tegen wildgroei.",
    "Campaign": "Een wervingscampagne: wat ze wilde bereiken en wat ze wilde leren.",
    "Guideline": "Hoe de organisatie één platform gebruikt. De bestandsnaam is de id van het platform.",
    "Lesson": "Wat een campagne ons leerde, over het fundament of over de uitvoering.",
    "Person": "Iemand die kennis beheert of borgt. Eigenaren verwijzen overal naar mensen met hun id.",
    "Taxonomy": "De vaste lijsten, als gegevens, zodat de organisatie ze kan aanpassen.",
}

# Every field description of every model, in Dutch ('Model.field'); a test
# fails when a model has a description without one here.
_RECORD = {
    "tags": "Tags uit de taxonomie, voor het overzicht per tag.",
    "body": "Het verhaal, in Markdown. In een `.md`-record is dit de tekst onder de velden.",
}
_TERM = {
    "name": "Naam zoals het Nederlandse handboek hem toont (hoogstens 80 tekens).",
    "name_en": "Naam in het Engelse handboek (anders `name`).",
    "description": "Een of twee zinnen over wat de term betekent.",
}
DESCRIPTIONS_NL: dict[str, str] = {
    **{f"{model}.{name}": text for model in ("Account", "Campaign", "Guideline", "Lesson", "Person", "Record")
       for name, text in _RECORD.items()},
    **{f"{model}.{name}": text for model in ("Channel", "Platform", "Scenario", "Term") for name, text in _TERM.items()},
    "Account.platform": "Id van het platform.",
    "Account.handle": "Naam van het account op het platform.",
    "Account.url": "Webadres van het account.",
    "Account.owner": "Id van de persoon die verantwoordelijk is voor het account.",
    "Account.backup_owner": "Id van de persoon die de eigenaar vervangt.",
    "Account.purpose": "Waarvoor het account is.",
    "Account.recruitment": "active (actieve) of passive (passieve) werving.",
    "Account.status": "active (actief), dormant (slapend) of archived (gearchiveerd).",
    "Account.reviewed": "Wanneer het account voor het laatst is nagekeken.",
    "Account.review_every_months": "Maanden tussen twee herzieningen (1 tot 120).",
    "AppliesTo.platforms": "Ids van de platforms waarvoor de les geldt.",
    "AppliesTo.channels": "Ids van de kanalen waarvoor de les geldt.",
    "AppliesTo.scenarios": "Ids van de scenario's waarvoor de les geldt.",
    "Campaign.title": "Naam van de campagne.",
    "Campaign.summary": "Een of twee zinnen: wat de campagne deed.",
    "Campaign.status": "planned (gepland), running (loopt), finished (afgerond) of stopped (vroegtijdig gestopt).",
    "Campaign.period": "Wanneer de campagne liep.",
    "Campaign.owner": "Id van de persoon die de campagne uitvoerde.",
    "Campaign.knowledge_owner": "Id van de persoon die borgt wat de campagne ons leert.",
    "Campaign.recruitment": "active (actief): kandidaten zoeken en benaderen; passive (passief): werkgeversmerk, "
                            "zenden.",
    "Campaign.scenario": "Id van het scenario voor sociale-mediabeheer.",
    "Campaign.platforms": "Ids van de platforms waarop de campagne liep.",
    "Campaign.channels": "Ids van de kanalen waarlangs kandidaten werden bereikt.",
    "Campaign.audience": "Voor wie de campagne was.",
    "Campaign.audience_goal": "Wat de doelgroep zelf wil (haar doel, niet het onze).",
    "Campaign.listening": "Wat luisteren naar de doelgroep opleverde voordat de campagne begon.",
    "Campaign.business_goals": "Wat de organisatie wilde bereiken.",
    "Campaign.learning_goals": "Wat willen we ervan leren? Minstens één.",
    "Campaign.budget": "Budget in euro's.",
    "Campaign.results": "Cijfers per kanaal, waar bekend.",
    "Campaign.reviewed": "Wanneer de pagina voor het laatst is nagekeken.",
    "Channel.group": "Soort kanaal: social (sociale media), own (eigen website), paid (betaalde advertenties), "
                     "network (netwerk: aanbrengen, relaties), jobboard (vacaturebank) of other (overig).",
    "Guideline.summary": "Waarvoor de organisatie het platform gebruikt.",
    "Guideline.recruitment": "Doel: active (actieve) en/of passive (passieve) werving.",
    "Guideline.dos": "Wat je op dit platform wel doet.",
    "Guideline.donts": "Wat je op dit platform nooit doet.",
    "Guideline.tone_of_voice": "Hoe we op dit platform klinken.",
    "Guideline.webcare_hours": "Binnen hoeveel uur een vraag of klacht antwoord krijgt (hoogstens 720, een maand).",
    "Guideline.approval": "Wie een bericht goedkeurt voor het uitgaat.",
    "Guideline.owner": "Id van de persoon die deze richtlijn bijhoudt.",
    "Guideline.reviewed": "Wanneer de richtlijn voor het laatst is nagekeken.",
    "Guideline.review_every_months": "Maanden tussen twee herzieningen (1 tot 120).",
    "LearningGoal.id": "Korte id, uniek binnen de campagne; lessen noemen hem in `answers`.",
    "LearningGoal.question": "Wat willen we van deze campagne leren? Schrijf het als vraag.",
    "Lesson.title": "De les in één regel.",
    "Lesson.date": "Wanneer de les is getrokken.",
    "Lesson.author": "Id van de persoon die de les schreef en bijhoudt (de ids staan in de lijst Mensen).",
    "Lesson.campaigns": "Ids van de campagnes waaruit de les komt.",
    "Lesson.answers": "Ids van de leerdoelen die deze les beantwoordt, uit haar campagnes; schrijf `campagne:leerdoel` "
                      "als twee van haar campagnes dezelfde leerdoel-id gebruiken.",
    "Lesson.level": "foundation (fundament): over waarom en voor wie (community, inhoud, doelen); execution "
                    "(uitvoering): over details zoals platform, timing, budget.",
    "Lesson.what_happened": "Wat er gebeurde.",
    "Lesson.lesson": "Wat we ervan leerden.",
    "Lesson.recommendation": "Wat we de volgende keer doen.",
    "Lesson.evidence": "Cijfers of bronnen die de les onderbouwen.",
    "Lesson.applies_to": "Waar de les geldt.",
    "Lesson.status": "proposed (voorgesteld), accepted (aanvaard), of superseded (vervangen door een latere les).",
    "Lesson.superseded_by": "Id van de les die deze vervangt.",
    "Lesson.recurs": "Id van een eerdere les die deze herhaalt: dezelfde fout opnieuw.",
    "Lesson.review_by": "Wanneer de les opnieuw moet worden nagekeken.",
    "Lesson.reviewed": "Wanneer de les voor het laatst is nagekeken.",
    "Period.start": "Eerste dag van de campagne.",
    "Period.end": "Laatste dag; laat weg zolang de campagne loopt.",
    "Person.name": "Volledige naam.",
    "Person.role": "Functie, bijvoorbeeld 'recruiter' of 'arbeidsmarktcommunicatie'.",
    "Person.team": "Team of afdeling.",
    "Person.email": "E-mailadres op het werk.",
    "Person.phone": "Telefoonnummer op het werk.",
    "Person.joined": "Datum van indiensttreding.",
    "Person.left": "Datum waarop de persoon de organisatie verliet; de kennis heeft dan een nieuwe eigenaar nodig.",
    "Person.successor": "Id van de persoon die de kennis overnam.",
    "Platform.url": "Het openbare webadres van het platform.",
    "Platform.closed": "Datum waarop het platform sloot (Hyves sloot in 2013); daarna mag er geen campagne op beginnen.",
    "Result.channel": "Id van het kanaal waar de cijfers bij horen.",
    "Result.platform": "Id van het platform, als het kanaal op één platform liep.",
    "Result.reach": "Mensen die het bericht zagen.",
    "Result.engagement": "Likes, reacties, klikken: mensen die reageerden.",
    "Result.shares": "Hoe vaak het bericht werd doorgedeeld.",
    "Result.conversations": "Gesprekken die met kandidaten begonnen.",
    "Result.applications": "Ontvangen sollicitaties.",
    "Result.hires": "Aangenomen mensen.",
    "Result.cost": "Uitgegeven geld, in euro's.",
    "Result.hours": "Bestede werkuren.",
    "Scenario.suits": "Bij welke soort werving het scenario past: active (actief), passive (passief) of beide.",
    "Taxonomy.platforms": "Sociale media en andere platforms, per id.",
    "Taxonomy.channels": "Wervingskanalen, per id: waar kandidaten vandaan komen.",
    "Taxonomy.scenarios": "Scenario's voor sociale-mediabeheer, per id.",
    "Taxonomy.tags": "Tags, per id.",
}
