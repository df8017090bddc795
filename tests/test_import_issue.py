"""`handbook import-issue`: a filled-in handover form (GitHub's issue event)
as draft lessons and a handover proposal. The issue's text is built from
the form's own fields, as GitHub writes it; hostile answers give records
that hold the text as text, or refusals at their line of the issue."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.records.load import load_catalog
from generator.words.problems import Problems

from .conftest import FIXTURE_EPOCH, ROOT, TODAY
from .helpers import make_project

FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "kennisoverdracht.yml"
SUCCESSOR = "name: Sanne Visser\nrole: recruiter\nteam: Werving\n"

ANSWERS = {
    "leaver": "eva-jansen",
    "last_day": "2026-12-31",
    "successor": "sanne-visser",
    "message": "Bel de hogescholen in september, niet in juni.\nDe vacatureteksten staan in de gedeelde map.",
    "open_goals": "- linkedin-ict-2024:respons Een op de vijf, als het bericht persoonlijk is.",
    "accounts": "linkedin-werken-bij: wachtwoord in de teamkluis (map Werving); tweestapsverificatie op de teamtelefoon",
    "lesson_1_title": "Persoonlijke berichten krijgen antwoord",
    "lesson_1_campaigns": "linkedin-ict-2024",
    "lesson_1_level": "fundament",
    "lesson_1_what_happened": "Standaardberichten kregen bijna geen reactie.\nPersoonlijke wel: *vijf keer* zoveel.",
    "lesson_1_lesson": "Wie ontwikkelaars benadert, schrijft elk bericht zelf.",
    "lesson_1_recommendation": "Noem in de eerste zin iets uit hun eigen werk.",
}


def form_fields() -> list[dict]:
    return [element for element in yaml.safe_load(FORM.read_text("utf-8"))["body"] if element["type"] != "markdown"]


def body(answers: dict[str, str]) -> str:
    """The issue's text as GitHub writes a filled-in form: each label a
    heading, the answer below it, `_No response_` for none."""
    return "\n\n".join(f"### {field['attributes']['label']}\n\n{answers.get(field['id']) or '_No response_'}"
                       for field in form_fields())


def heading_of(text: str, ident: str) -> int:
    """The line of the issue's text with the heading of `ident`'s question;
    its answer starts two lines further."""
    label = next(field["attributes"]["label"] for field in form_fields() if field["id"] == ident)
    return text.split("\n").index(f"### {label}") + 1


def event(tmp_path: Path, answers: dict[str, str] | None = None, text: str | None = None, **issue) -> Path:
    payload = {"action": "opened", "issue": {
        "number": 42, "title": "Kennisoverdracht: Eva", "body": body(answers or ANSWERS) if text is None else text,
        "user": {"login": "eva-jansen"}, "labels": [{"name": "kennisoverdracht"}],
        "created_at": "2026-10-20T09:30:00Z", **issue}}
    path = tmp_path / "event.json"
    path.write_text(json.dumps(payload), "utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project", {"data/people/sanne-visser.yml": SUCCESSOR,
                                               ".github/ISSUE_TEMPLATE/kennisoverdracht.yml": FORM.read_text("utf-8")})


def run(project: Path, event_path: Path, *args: str):
    os.environ["SOURCE_DATE_EPOCH"] = FIXTURE_EPOCH
    try:
        return CliRunner().invoke(main, ["import-issue", str(event_path), "--language", "nl",
                                         "--project", str(project), *args])
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


def files(project: Path) -> set[str]:
    return {path.relative_to(project).as_posix() for path in project.rglob("*") if path.is_file()}


LESSON = """\
# yaml-language-server: $schema=../../schemas/lesson.schema.json
# Wat een campagne ons leerde, over het fundament of over de uitvoering.
# Elk veld staat beschreven in de beschrijving van de records (handbook/reference.md).
# Concept uit issue #42 (les 1). Zolang niemand het bewerkt, vervangt een nieuwe import van het issue dit bestand; laat de regel hieronder staan.
# import-issue: issue=42 lesson=1 sha256=2b08bdbba5f7d4dc

# De les in één regel.
title: Persoonlijke berichten krijgen antwoord

# Wanneer de les is getrokken.
date: 2026-10-20

# Id van de persoon die de les schreef en bijhoudt (de ids staan in de lijst Mensen).
author: eva-jansen

# Ids van de campagnes waaruit de les komt.
campaigns:
- linkedin-ict-2024

# foundation (fundament): over waarom en voor wie (community, inhoud, doelen); execution (uitvoering): over details zoals platform, timing, budget.
level: foundation

# Wat er gebeurde.
what_happened: |-
  Standaardberichten kregen bijna geen reactie.
  Persoonlijke wel: \\*vijf keer\\* zoveel.

# Wat we ervan leerden.
lesson: Wie ontwikkelaars benadert, schrijft elk bericht zelf.

# Wat we de volgende keer doen.
recommendation: Noem in de eerste zin iets uit hun eigen werk.

# proposed (voorgesteld), accepted (aanvaard), of superseded (vervangen door een latere les).
status: proposed
"""

PROPOSAL = """\
# Kennisoverdracht: Eva Jansen vertrekt, Sanne Visser neemt het over

Uit het formulier in #42, ingevuld door @eva-jansen. Laatste werkdag van Eva Jansen: 2026-12-31.

## Wat Eva Jansen je wil vertellen

> Bel de hogescholen in september, niet in juni.
> De vacatureteksten staan in de gedeelde map.

## Open leerdoelen, met het vermoedelijke antwoord

- **linkedin-ict-2024:respons** — Hoeveel benaderde ontwikkelaars reageren?
  Vermoedelijk antwoord van Eva Jansen: Een op de vijf, als het bericht persoonlijk is.

## Accounts en waar de toegang ligt

- **linkedin-werken-bij** (Werken bij Voorbeeld, linkedin): wachtwoord in de teamkluis (map Werving); tweestapsverificatie op de teamtelefoon

Wachtwoorden staan niet in deze pull request en niet in het issue: Sanne Visser haalt ze uit de kluis of laat ze opnieuw instellen.

## Lessen in deze pull request (concepten, status proposed)

- `data/lessons/persoonlijke-berichten-krijgen-antwoord.yml` — Persoonlijke berichten krijgen antwoord (fundament; linkedin-ict-2024)

## Wat nu

1. Lees de concepten na en vul aan wat ontbreekt, zoals welke leerdoelen een les beantwoordt (`answers`); `handbook check` controleert ze.
2. Geef op of na de laatste werkdag alles waarvoor Eva Jansen verantwoordelijk is aan Sanne Visser; zonder `--write` toont de opdracht eerst wat er verandert:

   ```sh
   handbook handover eva-jansen --to sanne-visser --on 2026-12-31
   handbook handover eva-jansen --to sanne-visser --on 2026-12-31 --write
   ```

3. Laat Sanne Visser de toegang tot de accounts overnemen: nieuwe wachtwoorden, en de tweestapsverificatie op een eigen toestel.

Closes #42
"""


def test_the_form_is_a_valid_issue_form_with_the_fields_the_command_reads() -> None:
    result = subprocess.run([str(Path(sys.executable).parent / "check-jsonschema"), "--builtin-schema",
                             "vendor.github-issue-forms", str(FORM)], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    form = yaml.safe_load(FORM.read_text("utf-8"))
    assert (form["name"], form["labels"]) == ("Kennisoverdracht bij vertrek", ["kennisoverdracht"])
    ids = [field["id"] for field in form_fields()]
    labels = [field["attributes"]["label"] for field in form_fields()]
    assert len(set(ids)) == len(ids) and len(set(labels)) == len(labels)  # each answer found by its own heading
    required = {field["id"] for field in form_fields() if (field.get("validations") or {}).get("required")}
    assert required == {"leaver", "last_day", "successor", "message"}
    lessons = [f"lesson_{n}_{name}" for n in (1, 2, 3)
               for name in ("title", "campaigns", "level", "what_happened", "lesson", "recommendation")]
    assert ids == ["leaver", "last_day", "successor", "message", "open_goals", "accounts", *lessons]
    # It says, where the access is asked for, never to write a password.
    intro = form["body"][0]["attributes"]["value"]
    assert "Schrijf hier nooit een wachtwoord" in intro
    assert "Nooit het wachtwoord zelf." in next(f for f in form_fields() if f["id"] == "accounts")["attributes"][
        "description"]


def test_without_write_it_shows_the_records_and_the_proposal_and_writes_nothing(project: Path, tmp_path: Path) -> None:
    before = files(project)
    result = run(project, event(tmp_path))
    assert result.exit_code == 0, result.output
    path = "data/lessons/persoonlijke-berichten-krijgen-antwoord.yml"
    shown = result.output
    assert shown.startswith(f"zou {path} schrijven:\n{LESSON}\n# Mag ook:")
    assert f"voorstel voor de pull request, in .drafts/kennisoverdracht-42.md:\n{PROPOSAL}\n" in shown
    assert shown.endswith("niets geschreven; met --write worden de concepten geschreven en gecontroleerd\n")
    assert files(project) == before


def test_with_write_it_writes_the_records_and_the_proposal_and_checks_them(project: Path, tmp_path: Path) -> None:
    before = files(project)
    result = run(project, event(tmp_path), "--write")
    path = "data/lessons/persoonlijke-berichten-krijgen-antwoord.yml"
    assert (result.exit_code, result.output) == (0, (f"{path} geschreven\n.drafts/kennisoverdracht-42.md geschreven\n"
                                                    "Alles in orde: 12 records\n"))
    assert files(project) - before == {path, ".drafts/kennisoverdracht-42.md"}
    text = (project / path).read_text("utf-8")
    assert text.startswith(LESSON)
    assert (project / ".drafts/kennisoverdracht-42.md").read_text("utf-8") == PROPOSAL
    problems = Problems()
    catalog = load_catalog(project, problems, TODAY)
    assert problems.items == []
    lesson = catalog.lessons["persoonlijke-berichten-krijgen-antwoord"].record
    assert (lesson.status, lesson.author, lesson.level) == ("proposed", "eva-jansen", "foundation")


def test_write_never_overwrites_a_record(project: Path, tmp_path: Path) -> None:
    taken = project / "data/lessons/persoonlijke-berichten-krijgen-antwoord.yml"
    kept = (project / "data/lessons/weer-gezonden.yml").read_text("utf-8")
    taken.write_text(kept, "utf-8")  # someone's lesson, under the name the title makes
    answers = {**ANSWERS, "lesson_2_title": ANSWERS["lesson_1_title"], "lesson_2_what_happened": "Weer.",
               "lesson_2_lesson": "Nog eens."}
    result = run(project, event(tmp_path, answers), "--write")
    assert result.output.splitlines()[:2] == [
        "data/lessons/persoonlijke-berichten-krijgen-antwoord-2.yml geschreven",
        "data/lessons/persoonlijke-berichten-krijgen-antwoord-3.yml geschreven"]
    assert taken.read_text("utf-8") == kept
    # The same issue again: its own drafts are found by their mark, never made twice.
    before = files(project)
    again = run(project, event(tmp_path, answers), "--write")
    assert (again.exit_code, again.output) == (0, (
        "data/lessons/persoonlijke-berichten-krijgen-antwoord-2.yml ongewijzigd\n"
        "data/lessons/persoonlijke-berichten-krijgen-antwoord-3.yml ongewijzigd\n"
        ".drafts/kennisoverdracht-42.md ongewijzigd\n"
        "Alles in orde: 14 records\n"))
    assert files(project) == before
    assert taken.read_text("utf-8") == kept


def test_a_level_left_open_is_the_default_and_an_empty_lesson_is_none(project: Path, tmp_path: Path) -> None:
    answers = {**ANSWERS, "lesson_1_level": "", "lesson_1_campaigns": "", "lesson_1_recommendation": ""}
    result = run(project, event(tmp_path, answers), "--write")
    assert result.exit_code == 0, result.output
    record = yaml.safe_load((project / "data/lessons/persoonlijke-berichten-krijgen-antwoord.yml").read_text("utf-8"))
    assert (record["level"], "campaigns" in record, "recommendation" in record) == ("execution", False, False)
    assert len(list((project / "data/lessons").iterdir())) == 4  # lessons 2 and 3 were left empty


# --- the same issue imported again: its drafts are found by their mark and replaced, never made twice --------

DRAFT = "data/lessons/persoonlijke-berichten-krijgen-antwoord.yml"


def test_a_new_import_replaces_the_drafts_nobody_edited(project: Path, tmp_path: Path) -> None:
    assert run(project, event(tmp_path), "--write").exit_code == 0
    before = files(project)
    # The leaver edits the issue: another title and another lesson.
    answers = {**ANSWERS, "lesson_1_title": "Een persoonlijk bericht krijgt antwoord",
               "lesson_1_lesson": "Schrijf elk bericht zelf."}
    result = run(project, event(tmp_path, answers), "--write")
    assert (result.exit_code, result.output) == (0, (f"{DRAFT} vervangen\n.drafts/kennisoverdracht-42.md geschreven\n"
                                                    "Alles in orde: 12 records\n"))
    assert files(project) == before  # the draft keeps its file, and its id
    record = yaml.safe_load((project / DRAFT).read_text("utf-8"))
    assert (record["title"], record["lesson"]) == ("Een persoonlijk bericht krijgt antwoord", "Schrijf elk bericht zelf.")
    assert f"- `{DRAFT}` — Een persoonlijk bericht krijgt antwoord (fundament; linkedin-ict-2024)" in (
        project / ".drafts/kennisoverdracht-42.md").read_text("utf-8")
    again = run(project, event(tmp_path, answers))
    assert again.output.startswith(f"{DRAFT} blijft zoals het is: het concept zegt al wat het issue zegt\n"
                                   "voorstel voor de pull request, in .drafts/kennisoverdracht-42.md:\n")


def test_a_draft_someone_edited_since_is_left_as_it_is_and_said(project: Path, tmp_path: Path) -> None:
    assert run(project, event(tmp_path), "--write").exit_code == 0
    edited = (project / DRAFT).read_text("utf-8").replace("level: foundation", "level: foundation\nanswers: [respons]")
    (project / DRAFT).write_text(edited, "utf-8")  # the reviewer completes it
    answers = {**ANSWERS, "lesson_1_lesson": "Schrijf elk bericht zelf."}
    result = run(project, event(tmp_path, answers), "--write")
    assert (result.exit_code, result.output) == (0, (
        ".drafts/kennisoverdracht-42.md ongewijzigd\n"
        f"{DRAFT}:1:1: warning: dit concept uit issue #42 (les 1) is bewerkt sinds de import en blijft zoals het is; "
        "neem de nieuwe antwoorden zelf over, of verwijder het bestand om het opnieuw te laten maken\n"
        "0 fout(en), 1 waarschuwing(en)\n"))
    assert (project / DRAFT).read_text("utf-8") == edited
    assert [path.name for path in (project / "data/lessons").glob("persoonlijke*")] == [Path(DRAFT).name]


def test_the_draft_of_a_lesson_taken_out_of_the_issue_goes_unless_edited(project: Path, tmp_path: Path) -> None:
    two = {**ANSWERS, "lesson_2_title": "Tweede les", "lesson_2_what_happened": "Iets.", "lesson_2_lesson": "Dit."}
    assert run(project, event(tmp_path, two), "--write").exit_code == 0
    second = project / "data/lessons/tweede-les.yml"
    assert second.is_file()
    shown = run(project, event(tmp_path))
    assert shown.output.startswith(f"{DRAFT} blijft zoals het is: het concept zegt al wat het issue zegt\n"
                                   "zou data/lessons/tweede-les.yml verwijderen: les 2 staat niet meer in het issue\n")
    result = run(project, event(tmp_path), "--write")
    assert (result.exit_code, result.output) == (0, (
        f"{DRAFT} ongewijzigd\n"
        "data/lessons/tweede-les.yml verwijderd: les 2 staat niet meer in het issue\n"
        ".drafts/kennisoverdracht-42.md geschreven\nAlles in orde: 12 records\n"))
    assert not second.exists()
    # An edited draft of a lesson taken out stays.
    assert run(project, event(tmp_path, two), "--write").exit_code == 0
    second.write_text(second.read_text("utf-8") + "# nagekeken\n", "utf-8")
    result = run(project, event(tmp_path), "--write")
    assert result.output.splitlines()[2] == (
        "data/lessons/tweede-les.yml:1:1: warning: les 2 staat niet meer in issue #42, maar dit concept ervan is "
        "bewerkt sinds de import en blijft; verwijder het bestand als het weg moet")
    assert second.read_text("utf-8").endswith("# nagekeken\n")


def test_the_drafts_of_another_issue_are_not_touched(project: Path, tmp_path: Path) -> None:
    assert run(project, event(tmp_path), "--write").exit_code == 0
    first = (project / DRAFT).read_text("utf-8")
    result = run(project, event(tmp_path, number=43), "--write")
    assert result.output.splitlines()[0] == f"{DRAFT.removesuffix('.yml')}-2.yml geschreven"
    assert (project / DRAFT).read_text("utf-8") == first


# --- the answers in any order: each is read by its heading -------------------------------------------------


def sections(answers: dict[str, str]) -> list[str]:
    return body(answers).split("\n\n### ")


def test_answers_in_another_order_are_read_by_their_headings(project: Path, tmp_path: Path) -> None:
    parts = sections(ANSWERS)
    shuffled = "### " + "\n\n### ".join([part.removeprefix("### ") for part in reversed(parts)])
    result = run(project, event(tmp_path, text=shuffled), "--write")
    assert (result.exit_code, result.output) == (0, (f"{DRAFT} geschreven\n.drafts/kennisoverdracht-42.md geschreven\n"
                                                    "Alles in orde: 12 records\n"))
    assert (project / DRAFT).read_text("utf-8").startswith(LESSON)
    assert (project / ".drafts/kennisoverdracht-42.md").read_text("utf-8") == PROPOSAL


def test_out_of_order_only_a_heading_really_absent_or_doubled_is_said(project: Path, tmp_path: Path) -> None:
    parts = [part.removeprefix("### ") for part in sections(ANSWERS)]
    without = [part for part in parts if not part.startswith("Laatste werkdag")]
    text = "### " + "\n\n### ".join(reversed(without))
    assert refused(project, tmp_path, {}, text=text) == [
        "issue #42:1:1: error: het antwoord op 'Laatste werkdag (JJJJ-MM-DD)' staat niet in het issue: de kop met "
        "die vraag ontbreekt (is het formulier of de tekst van het issue veranderd?)",
        "1 fout(en), 0 waarschuwing(en)",
        "niets geschreven: pas de antwoorden in het issue aan (de workflow probeert het bij elke wijziging opnieuw)"]
    doubled = "### " + "\n\n### ".join([*reversed(parts), parts[1]])
    line = doubled.split("\n").index("### Laatste werkdag (JJJJ-MM-DD)") + 1
    assert refused(project, tmp_path, {}, text=doubled)[0] == (
        f"issue #42:{len(doubled.split(chr(10))) - 2}:1: error: de kop met de vraag 'Laatste werkdag (JJJJ-MM-DD)' "
        f"staat twee keer in het issue (ook op regel {line}), zodat niet te zeggen is welk antwoord erbij hoort; "
        "laat er één staan")


# --- what is wrong in the answers: every problem at once, at its line of the issue -------------------------


def refused(project: Path, tmp_path: Path, answers: dict[str, str], text: str | None = None) -> list[str]:
    before = files(project)
    result = run(project, event(tmp_path, answers, text), "--write")
    assert result.exit_code == 1
    assert files(project) == before  # nothing written, anywhere
    assert "Traceback" not in result.output + result.stderr
    assert result.stderr == ("niets geschreven: pas de antwoorden in het issue aan "
                             "(de workflow probeert het bij elke wijziging opnieuw)\n")
    return result.output.splitlines()


def test_every_wrong_answer_is_said_at_once_where_it_stands(project: Path, tmp_path: Path) -> None:
    answers = {**ANSWERS, "leaver": "eva-jansn", "last_day": "31-12-2026", "successor": "tom-bakker", "message": "",
               "open_goals": "linkedin-ict-2024:respon Ja\nlinkedin-ict-2024 Ja\nzomaar wat\nlinkedin-ict-2024:respons",
               "accounts": "linkedin-werken-bj: kluis\nlinkedin-werken-bij",
               "lesson_1_campaigns": "linkedin-ict-2042, ../../etc/passwd", "lesson_1_level": "misschien",
               "lesson_2_title": "Tweede", "lesson_2_what_happened": "Iets.", "lesson_2_lesson": "Mail eva@example.org",
               "lesson_3_what_happened": "Alleen dit."}
    text = body(answers)
    at = {field["id"]: heading_of(text, field["id"]) + 2 for field in form_fields()}
    empty = {ident: line - 2 for ident, line in at.items()}  # an empty answer is said at its question
    goals = "'Welke leerdoelen van je campagnes zijn nog open, en wat denk je dat het antwoord is?'"
    accounts = "'Welke accounts beheer je, en waar ligt de toegang?'"
    assert refused(project, tmp_path, answers) == [
        (f"issue #42:{at['leaver']}:1: error: 'Wie vertrekt? (id van de persoon)': onbekende persoon 'eva-jansn' "
        "(bedoel je 'eva-jansen'?)"),
        (f"issue #42:{at['last_day']}:1: error: 'Laatste werkdag (JJJJ-MM-DD)': '31-12-2026' is geen datum; "
        "schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2012-03-15"),
        (f"issue #42:{at['successor']}:1: error: 'Wie neemt het over? (id van de persoon)': 'tom-bakker' is uit "
        "dienst; noem iemand die hier nu werkt"),
        f"issue #42:{empty['message']}:1: error: 'Wat zou je je opvolger vertellen?': hier is een antwoord nodig",
        (f"issue #42:{at['open_goals']}:1: error: {goals}: campagne 'linkedin-ict-2024' heeft geen leerdoel 'respon'; "
        "wel: respons (bedoel je 'respons'?)"),
        (f"issue #42:{at['open_goals'] + 1}:1: error: {goals}: noem ook het leerdoel van 'linkedin-ict-2024': "
        "schrijf een van linkedin-ict-2024:respons, dan je antwoord"),
        (f"issue #42:{at['open_goals'] + 2}:1: error: {goals}: 'zomaar wat': schrijf eerst de campagne en het "
        "leerdoel als campagne-id:leerdoel-id, dan je antwoord"),
        (f"issue #42:{at['open_goals'] + 3}:1: error: {goals}: schrijf achter 'linkedin-ict-2024:respons' wat jij "
        "denkt dat het antwoord is"),
        (f"issue #42:{at['accounts']}:1: error: {accounts}: onbekend account 'linkedin-werken-bj' "
        "(bedoel je 'linkedin-werken-bij'?)"),
        (f"issue #42:{at['accounts'] + 1}:1: error: {accounts}: schrijf achter 'linkedin-werken-bij' waar de toegang "
        "ligt: welke wachtwoordkluis, wie de tweestapsverificatie heeft"),
        (f"issue #42:{at['lesson_1_campaigns']}:1: error: 'Les 1: uit welke campagne(s)? (ids, met komma's)': "
        "onbekende campagne '../../etc/passwd'"),
        (f"issue #42:{at['lesson_1_campaigns']}:1: error: 'Les 1: uit welke campagne(s)? (ids, met komma's)': "
        "onbekende campagne 'linkedin-ict-2042' (bedoel je 'linkedin-ict-2024'?)"),
        (f"issue #42:{at['lesson_1_level']}:1: error: 'Les 1: gaat ze over het fundament of over de uitvoering?': "
        "'misschien' is geen van de keuzes; kies uit: foundation (fundament), execution (uitvoering)"),
        (f"issue #42:{at['lesson_2_lesson']}:1: error: 'Les 2: wat heb je ervan geleerd?': 'lesson' (les) bevat een "
        "e-mailadres ('eva@example.org'); contactgegevens horen alleen in de velden 'email' en 'phone' van een "
        "persoon: noem de persoon bij diens id"),
        (f"issue #42:{empty['lesson_3_title']}:1: error: 'Les 3: de les in één regel': hier is een "
        "antwoord nodig"),
        (f"issue #42:{empty['lesson_3_lesson']}:1: error: 'Les 3: wat heb je ervan geleerd?': hier is een "
        "antwoord nodig"),
        "16 fout(en), 0 waarschuwing(en)",
        "niets geschreven: pas de antwoorden in het issue aan (de workflow probeert het bij elke wijziging opnieuw)",
    ]


# --- the accounts: every one the handover gives the successor --------------------------------------------------

ACCOUNT = ("platform: {platform}\nhandle: {handle}\n{owners}purpose: Voor stagiairs.\nstatus: {status}\n"
           "reviewed: 2024-01-10\n")


def test_the_proposal_names_every_account_the_handover_moves_owner_or_stand_in(project: Path, tmp_path: Path) -> None:
    from generator.authors.handover import plan

    for ident, platform, handle, owners, status in [
            ("linkedin-stage", "linkedin", "Stage bij Voorbeeld", "owner: tom-bakker\nbackup_owner: eva-jansen\n",
             "active"),
            ("hyves-oud", "hyves", "Oud bij Voorbeeld", "backup_owner: eva-jansen\n", "archived"),
            ("linkedin-trainees", "linkedin", "Trainees", "owner: sanne-visser\nbackup_owner: tom-bakker\n", "active")]:
        (project / f"data/accounts/{ident}.yml").write_text(
            ACCOUNT.format(platform=platform, handle=handle, owners=owners, status=status), "utf-8")
    result = run(project, event(tmp_path, {**ANSWERS, "accounts": ""}))
    assert result.exit_code == 0, result.output
    shown = result.output.split("## Accounts en waar de toegang ligt\n\n", 1)[1].split("\n\nWachtwoorden", 1)[0]
    assert shown == (
        "Niets genoemd.\n\n"
        "Volgens het accountregister ook van Eva Jansen, maar niet genoemd: vraag waar de toegang ligt.\n"
        "- **hyves-oud** (Oud bij Voorbeeld, hyves; tweede eigenaar; gearchiveerd)\n"
        "- **linkedin-stage** (Stage bij Voorbeeld, linkedin; tweede eigenaar)\n"
        "- **linkedin-werken-bij** (Werken bij Voorbeeld, linkedin; eigenaar)")
    # The same accounts as the handover moves: one rule, the models' responsibilities.
    problems = Problems()
    catalog = load_catalog(project, problems, TODAY)
    moved = plan(project, catalog, "eva-jansen", "sanne-visser", None, TODAY, TODAY)
    assert sorted(change.path for change in moved.changes if change.kind == "account") == [
        "data/accounts/hyves-oud.yml", "data/accounts/linkedin-stage.yml", "data/accounts/linkedin-werken-bij.yml"]


# --- hostile answers: records that hold the text as text, or refusals ----------------------------------------


def test_injected_yaml_markup_and_script_are_kept_as_text_in_a_valid_record(project: Path, tmp_path: Path) -> None:
    story = "---\nfoo\nstatus: accepted\n<script>alert(1)</script> [klik](javascript:alert(1)) {{ config }}\n# kop"
    answers = {**ANSWERS, "lesson_1_title": "foo\nstatus: accepted", "lesson_1_what_happened": story,
               "lesson_1_lesson": "&amp; & *nadruk* | tabel |\n    ingesprongen\n1. lijst"}
    result = run(project, event(tmp_path, answers), "--write")
    assert result.exit_code == 0, result.output
    problems = Problems()
    catalog = load_catalog(project, problems, TODAY)
    assert problems.items == []
    lesson = catalog.lessons["foo-status-accepted"].record
    assert (lesson.title, lesson.status) == ("foo status: accepted", "proposed")
    assert lesson.what_happened == ("\\---\nfoo\nstatus: accepted\n\\<script\\>alert(1)\\</script\\> "
                                    "\\[klik\\](javascript:alert(1)) {{ config }}\n\\# kop")
    assert lesson.lesson == "\\&amp; \\& \\*nadruk\\* \\| tabel \\|\ningesprongen\n1\\. lijst"
    from generator.records.text import plain_text

    # What readers see is what was typed (the indentation aside).
    assert " ".join(plain_text(lesson.what_happened).split()) == " ".join(story.split())


def test_a_control_character_is_refused_where_it_stands(project: Path, tmp_path: Path) -> None:
    answers = {**ANSWERS, "lesson_1_lesson": "Ja\x1b[31m rood"}
    line = heading_of(body(answers), "lesson_1_lesson") + 2
    assert refused(project, tmp_path, answers)[0] == (
        f"issue #42:{line}:3: error: hier staat een onzichtbaar stuurteken (U+001B); haal het weg (het kan "
        "veranderen hoe de tekst wordt getoond of gelezen)")


def test_an_id_typed_with_characters_that_hide_or_reorder_it_is_shown_escaped(project: Path, tmp_path: Path) -> None:
    answers = {**ANSWERS, "leaver": "eva\u202ejansen", "successor": "sanne\u200bvisser"}
    text = body(answers)
    leaver, successor = heading_of(text, "leaver") + 2, heading_of(text, "successor") + 2
    assert refused(project, tmp_path, answers)[:4] == [
        f"issue #42:{leaver}:1: error: 'Wie vertrekt? (id van de persoon)': onbekende persoon 'eva\\u202ejansen' "
        "(bedoel je 'eva-jansen'?)",
        f"issue #42:{leaver}:4: error: hier staat een onzichtbaar stuurteken (U+202E RIGHT-TO-LEFT OVERRIDE); haal "
        "het weg (het kan veranderen hoe de tekst wordt getoond of gelezen)",
        f"issue #42:{successor}:1: error: 'Wie neemt het over? (id van de persoon)': onbekende persoon "
        "'sanne\\u200bvisser' (bedoel je 'sanne-visser'?)",
        f"issue #42:{successor}:6: error: hier staat een onzichtbaar teken (U+200B ZERO WIDTH SPACE); haal het weg "
        "(het kan veranderen hoe de tekst wordt getoond of gelezen)",
    ]


@pytest.mark.parametrize("ident", ["leaver", "successor"])
@pytest.mark.parametrize("value", ["../../etc/passwd", "eva-jansen/../../x", "..", "C:\\Windows"])
def test_an_id_that_is_a_path_is_an_unknown_person(project: Path, tmp_path: Path, ident: str, value: str) -> None:
    lines = refused(project, tmp_path, {**ANSWERS, ident: value})
    assert f"onbekende persoon '{value}'" in lines[0]
    assert lines[0].startswith(f"issue #42:{heading_of(body(ANSWERS), ident) + 2}:1: error: ")


LINK_REFUSED = ("niets geschreven: {path} is een symbolische koppeling; het handboek schrijft alleen in het project "
                "zelf, nooit via een koppeling: maak er een {kind} van\n")


def test_a_lesson_folder_that_leads_elsewhere_is_not_written_into(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    (project / "data/lessons").rename(outside)
    (project / "data/lessons").symlink_to(outside)
    before = {path.name for path in outside.iterdir()}
    for write in ((), ("--write",)):
        result = run(project, event(tmp_path), *write)
        assert (result.exit_code, result.stdout, result.stderr) == (
            1, "", LINK_REFUSED.format(path="data/lessons", kind="gewone map"))
    assert {path.name for path in outside.iterdir()} == before
    assert not (project / ".drafts").exists()


@pytest.mark.parametrize("link", [".drafts", ".drafts/kennisoverdracht-42.md"])
def test_a_proposal_that_would_be_written_through_a_link_is_refused(project: Path, tmp_path: Path, link: str) -> None:
    """Nothing is written, in the project or outside it, and nothing is said to be."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "kennisoverdracht-42.md").write_text("van iemand anders\n", "utf-8")
    if link == ".drafts":
        (project / ".drafts").symlink_to(outside)
    else:
        (project / ".drafts").mkdir()
        (project / link).symlink_to(outside / "kennisoverdracht-42.md")
    lessons = sorted((project / "data/lessons").iterdir())
    for write in ((), ("--write",)):
        result = run(project, event(tmp_path), *write)
        kind = "gewone map" if link == ".drafts" else "gewoon bestand"
        assert (result.exit_code, result.stdout, result.stderr) == (1, "", LINK_REFUSED.format(path=link, kind=kind))
    assert sorted((project / "data/lessons").iterdir()) == lessons
    assert [(path.name, path.read_text("utf-8")) for path in outside.iterdir()] == [
        ("kennisoverdracht-42.md", "van iemand anders\n")]


def test_the_writer_never_writes_through_a_link_nor_outside_its_folder(tmp_path: Path) -> None:
    from generator.project.write import WriteRefused, remove_in, writable_in, write_in
    from generator.words.messages import speaking

    root, outside = tmp_path / "project", tmp_path / "outside"
    (root / "data").mkdir(parents=True)
    outside.mkdir()
    (outside / "x.yml").write_text("buiten\n", "utf-8")
    (root / "data/lessons").symlink_to(outside)
    (root / "data/x.yml").symlink_to(outside / "x.yml")
    cases = {"data/lessons/x.yml": "data/lessons is een symbolische koppeling; het handboek schrijft alleen in het "
                                   "project zelf, nooit via een koppeling: maak er een gewone map van",
             "data/x.yml": "data/x.yml is een symbolische koppeling; het handboek schrijft alleen in het project "
                           "zelf, nooit via een koppeling: maak er een gewoon bestand van",
             "data/../x.yml": "data/../x.yml ligt buiten het project", "/etc/x": "/etc/x ligt buiten het project",
             "./x.yml": "./x.yml ligt buiten het project"}
    with speaking("nl"):
        for path, said in cases.items():
            for attempt in (lambda path=path: write_in(root, path, "x"),
                            lambda path=path: write_in(root, path, "x", new=True),
                            lambda path=path: writable_in(root, path), lambda path=path: remove_in(root, path)):
                with pytest.raises(WriteRefused) as refused:
                    attempt()
                assert str(refused.value) == said
        assert write_in(root, "data/people/nieuw.yml", "a\n", new=True) is True
        with pytest.raises(WriteRefused) as refused:
            write_in(root, "data/people/nieuw.yml", "b\n", new=True)
        assert str(refused.value) == "data/people/nieuw.yml bestaat al en blijft zoals het is"
        assert (write_in(root, "data/people/nieuw.yml", "a\n"), write_in(root, "data/people/nieuw.yml", "b\n")) == (
            False, True)
    assert [(path.name, path.read_text("utf-8")) for path in outside.iterdir()] == [("x.yml", "buiten\n")]
    assert (root / "data/people/nieuw.yml").read_text("utf-8") == "b\n"
    assert sorted(path.name for path in (root / "data/people").iterdir()) == ["nieuw.yml"]  # no temporary file left


def bad_event(tmp_path: Path, content: bytes | None) -> Path:
    path = tmp_path / "event.json"
    if content is not None:
        path.write_bytes(content)
    return path


def payload(**issue) -> bytes:
    base = {"number": 42, "title": "t", "body": body(ANSWERS), "user": {"login": "eva-jansen"},
            "labels": [{"name": "kennisoverdracht"}], "created_at": "2026-10-20T09:30:00Z"}
    return json.dumps({"issue": {**base, **issue}}).encode()


@pytest.mark.parametrize(("content", "said"), [
    (b'{"issue": {"number": 42,,}}', ("event.json:1:25: error: dit is geen JSON: 'hier verwacht JSON een naam "
                                     "tussen dubbele aanhalingstekens'")),
    (b"\xff\xfe{}", "event.json:1:1: error: dit is geen JSON: 'een byte waarmee geen UTF-8-teken begint'"),
    (b"[" * 100_000 + b"]" * 100_000, ("event.json:1:1: error: dit is geen JSON: 'de JSON is dieper genest dan een "
                                       "issue ooit is'")),
    (b'{"action": "opened"}', ("event.json:1:1: error: hier staat geen issue in; geef het bestand dat GitHub een "
                              "workflow over een issue geeft ($GITHUB_EVENT_PATH), met het veld 'issue'")),
    (b'"issue"', ("event.json:1:1: error: hier staat geen issue in; geef het bestand dat GitHub een workflow over "
                 "een issue geeft ($GITHUB_EVENT_PATH), met het veld 'issue'")),
    (payload(number="42; rm -rf /"), "event.json:1:1: error: issue.number ontbreekt of is niet wat GitHub erin zet"),
    (payload(body=["a"], created_at="gisteren"),
     "event.json:1:1: error: issue.body ontbreekt of is niet wat GitHub erin zet"),
    (payload(labels=[{"name": "les"}]), ("issue #42:1:1: error: dit issue heeft het label 'kennisoverdracht' niet: "
                                        "het is geen ingevuld formulier .github/ISSUE_TEMPLATE/kennisoverdracht.yml")),
    (payload(body="x" * 10_000_000), ("issue #42:1:1: error: de tekst van het issue is 10000000 tekens lang; GitHub "
                                     "bewaart er hoogstens 65536, dus dit is geen ingevuld formulier")),
    (payload(body="Hallo"), ("issue #42:1:1: error: het antwoord op 'Laatste werkdag (JJJJ-MM-DD)' staat niet "
                            "in het issue: de kop met die vraag ontbreekt (is het formulier of de tekst van het "
                            "issue veranderd?)")),
    (None, "event.json:1:1: error: het bestand kan niet worden gelezen: 'het bestand bestaat niet'"),
], ids=["json", "encoding", "nesting", "no-issue", "not-an-object", "number", "body", "label", "10-mb", "no-form",
        "missing"])
def test_an_event_that_is_no_filled_in_form_is_refused_in_one_line(project: Path, tmp_path: Path, content: bytes | None,
                                                                   said: str, monkeypatch: pytest.MonkeyPatch) -> None:
    before = files(project)
    bad_event(tmp_path, content)
    monkeypatch.chdir(tmp_path)  # the event file as a workflow names it, relative
    result = run(project, Path("event.json"), "--write")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == said
    assert "Traceback" not in result.output
    assert files(project) == before


@pytest.mark.parametrize("text", ["", '{"a" 1}', '{"a": 1 "b"}', '{"a": 1,}', '"abc', '"a\x01"', '"\\q"', '"\\u12"',
                                  "{} x"])
def test_every_complaint_of_the_json_reader_is_said_in_the_catalogs_words(text: str) -> None:
    """What Python's JSON reader says about an event file is said in the
    language of the run, not in the reader's English."""
    from generator.words.catalogs import LANGUAGES, texts

    with pytest.raises(json.JSONDecodeError) as failure:
        json.loads(text)
    for language in LANGUAGES:
        assert failure.value.msg in texts(language, "messages", "json"), language


def test_the_workflow_imports_only_the_forms_issues_with_least_privilege() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/kennisoverdracht.yml").read_text("utf-8"))
    assert workflow[True] == {"issues": {"types": ["opened", "edited", "labeled"]}}  # `on:` reads as True
    assert workflow["permissions"] == {}
    job = workflow["jobs"]["import"]
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "read"}
    assert "contains(github.event.issue.labels.*.name, 'kennisoverdracht')" in job["if"]
    assert "github.event.issue.author_association" in job["if"]
    runs = [step for step in job["steps"] if "run" in step]
    assert runs[1]["run"].strip() == '.venv/bin/handbook import-issue "$GITHUB_EVENT_PATH" --write'
    # Of the issue, only its number reaches a shell, through the environment.
    assert runs[2]["env"] == {"GH_TOKEN": "${{ github.token }}", "ISSUE": "${{ github.event.issue.number }}"}
    assert all("env" not in step or step is runs[2] for step in job["steps"])
    assert "--body-file" in runs[2]["run"] and ".drafts/kennisoverdracht-${ISSUE}.md" in runs[2]["run"]


def test_a_password_in_the_form_is_refused_at_its_line_and_never_repeated(project: Path, tmp_path: Path) -> None:
    """Where the access lives (a vault, a phone) belongs in the form; the
    password itself never: it is refused at its line, without repeating
    it, and nothing is written (so no pull request carries it)."""
    answers = {**ANSWERS, "accounts": "linkedin-werken-bij: wachtwoord is Zomer2026!"}
    text = body(answers)
    line = heading_of(text, "accounts") + 2
    before = files(project)
    result = run(project, event(tmp_path, answers), "--write")
    assert result.exit_code == 1
    assert ("issue #42:%d:1: error: 'Welke accounts beheer je, en waar ligt de toegang?': dit lijkt een wachtwoord: "
            "zet nooit een wachtwoord in een issue, alleen waar het staat (welke kluis, wie het apparaat heeft); pas "
            "het issue aan en verander dat wachtwoord, want iedereen met toegang tot de repository kan het lezen"
            % line) in result.output
    assert "Zomer2026" not in result.output and files(project) == before
    # Wherever it is typed: a lesson (which the site would publish), a presumed answer.
    hidden = {**ANSWERS, "lesson_1_lesson": "Eerste regel.\nHet wachtwoord: Welkom01, op een briefje.",
              "open_goals": "- linkedin-ict-2024:respons wachtwoord: Hunter2!"}
    result = run(project, event(tmp_path, hidden), "--write")
    text = body(hidden)
    said = [line.split(": error: ")[0] for line in result.output.splitlines() if "lijkt een wachtwoord" in line]
    assert said == [f"issue #42:{heading_of(text, 'open_goals') + 2}:1",
                    f"issue #42:{heading_of(text, 'lesson_1_lesson') + 3}:1"]
    assert "Welkom01" not in result.output and "Hunter2" not in result.output and files(project) == before
    # Where it lives, in words, is what the question asks for.
    answers["accounts"] = "linkedin-werken-bij: wachtwoord: teamkluis (map Werving); tweestapsverificatie op de teamtelefoon"
    assert run(project, event(tmp_path, answers)).exit_code == 0
