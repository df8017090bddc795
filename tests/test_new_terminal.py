"""`handbook new` in a real terminal, as a new author uses it: mistakes at
the prompts are caught where they are typed, asked again with a suggestion,
and nothing typed is lost, not even when the author stops halfway."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import yaml

from .conftest import FIXTURE_EPOCH, ROOT


def _spawn(project: Path) -> pexpect.spawn:
    env = {**os.environ, "SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "PYTHONPATH": str(ROOT), "TERM": "dumb"}
    return pexpect.spawn(sys.executable, ["-m", "generator", "new", "lesson", "--project", str(project)],
                         env=env, encoding="utf-8", timeout=30, dimensions=(40, 200))


def _waiting_for_input(child: pexpect.spawn) -> None:
    """Until the tool sleeps in a read of its terminal, as it does while a
    person looks at a prompt. A Ctrl-C sent in the instant between a prompt
    being written and the read starting would be a race of the test, not a
    person's stop (the signal lands before the read, which then waits on)."""
    import time

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        state = Path(f"/proc/{child.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        call = Path(f"/proc/{child.pid}/syscall").read_text().split()
        if state == "S" and call[:2] == ["0", "0x0"]:  # read(0, ...)
            return
        time.sleep(0.01)
    raise AssertionError("the tool never waited for input")


def _answer(child: pexpect.spawn, prompt: str, text: str) -> None:
    child.expect_exact(prompt)
    child.sendline(text)


def _tell(child: pexpect.spawn, happened: str, learned: str) -> None:
    """The two stories, a line each (an empty line ends one), and no recommendation."""
    _answer(child, "Wat er gebeurde", happened)
    child.sendline("")
    _answer(child, "Wat hebben we geleerd", learned)
    child.sendline("")
    _answer(child, "Wat doen we de volgende keer", "")


def test_mistakes_at_the_prompts_are_asked_again_and_the_record_is_written(project: Path) -> None:
    child = _spawn(project)
    _answer(child, "De les in één regel", "Ouders beslissen mee")
    _answer(child, "Datum van de les", "15-03-2024")
    child.expect_exact("'15-03-2024' is geen datum; schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2012-03-15")
    _answer(child, "Datum van de les", "2024-12-15")
    child.expect_exact("eva-jansen — ")  # people offered with their names
    _answer(child, "Wie schrijft haar", "eva")
    child.expect_exact("'eva' is geen van de keuzes (bedoel je 'eva-jansen'?)")
    _answer(child, "Wie schrijft haar", "tom-bakker")
    child.expect_exact("'tom-bakker' is uit dienst; noem iemand die hier nu werkt")
    _answer(child, "Wie schrijft haar", "eva-jansen")
    _answer(child, "Uit welke campagne(s) komt ze", "linkedin-ict-2042")
    child.expect_exact("(bedoel je 'linkedin-ict-2024'?)")
    _answer(child, "Uit welke campagne(s) komt ze", "linkedin-ict-2024")
    child.expect_exact("respons — ")  # a learning goal is offered with its question
    _answer(child, "Welk(e) leerdoel(en) beantwoordt ze", "respons")
    child.expect_exact("execution — uitvoering")  # each choice with its Dutch name
    _answer(child, "Over het fundament of over de uitvoering", "uitvoerig")
    child.expect_exact("kies uit: foundation (fundament), execution (uitvoering) (bedoel je 'execution'?)")
    _answer(child, "Over het fundament of over de uitvoering", "Uitvoering")  # the Dutch name, as the site shows it
    _answer(child, "Wat er gebeurde", "De video's bereikten de studenten.")
    child.sendline("Maar de ouders beslisten mee.")
    child.sendline("")
    _answer(child, "Wat hebben we geleerd", "Overtuig ook de ouders.")
    child.sendline("")
    _answer(child, "Wat doen we de volgende keer", "")
    _answer(child, "Id (de bestandsnaam)", "")
    child.expect_exact("data/lessons/ouders-beslissen-mee.yml geschreven")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = (project / "data/lessons/ouders-beslissen-mee.yml").read_text("utf-8")
    record = yaml.safe_load(text)
    assert record["what_happened"] == "De video's bereikten de studenten.\nMaar de ouders beslisten mee."
    assert (record["date"].isoformat(), record["author"], record["level"]) == ("2024-12-15", "eva-jansen", "execution")
    assert record["campaigns"] == ["linkedin-ict-2024"] and record["answers"] == ["respons"]
    assert "\n# recommendation:\n" in text and "\n# recurs:\n" in text  # the optional fields, to fill in later
    assert not (project / ".drafts" / "new-lesson.json").exists()


def test_an_author_who_stops_halfway_finds_their_answers_offered_again(project: Path) -> None:
    child = _spawn(project)
    _answer(child, "De les in één regel", "Eerst luisteren")
    _answer(child, "Datum van de les", "2024-12-15")
    _answer(child, "Wie schrijft haar", "eva-jansen")
    child.expect_exact("Uit welke campagne(s) komt ze")
    _waiting_for_input(child)
    child.sendintr()  # Ctrl-C: the author stops
    child.expect(pexpect.EOF)
    child.close()
    assert (project / ".drafts" / "new-lesson.json").exists()

    child = _spawn(project)
    _answer(child, "Er zijn antwoorden van een eerdere poging in .drafts/new-lesson.json; die gebruiken?", "")
    _answer(child, "De les in één regel [Eerst luisteren]", "")
    _answer(child, "Datum van de les [2024-12-15]", "")
    _answer(child, "Wie schrijft haar (id van de persoon) [eva-jansen]", "")
    _answer(child, "Uit welke campagne(s) komt ze", "")
    _answer(child, "Over het fundament of over de uitvoering", "foundation")
    _tell(child, "We zonden alleen.", "Eerst luisteren.")
    child.expect_exact("Id (de bestandsnaam) [eerst-luisteren]")
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    record = yaml.safe_load((project / "data/lessons/eerst-luisteren.yml").read_text("utf-8"))
    assert (record["title"], record["author"], record["level"]) == ("Eerst luisteren", "eva-jansen", "foundation")
    assert not (project / ".drafts" / "new-lesson.json").exists()


def test_the_id_offered_is_one_that_is_free(project: Path) -> None:
    (project / "data/lessons/eerst-luisteren.yml").write_text(
        (project / "data/lessons/weer-gezonden.yml").read_text("utf-8"), "utf-8")
    child = _spawn(project)
    _answer(child, "De les in één regel", "Eerst luisteren")
    _answer(child, "Datum van de les", "2024-12-15")
    _answer(child, "Wie schrijft haar", "eva-jansen")
    _answer(child, "Uit welke campagne(s) komt ze", "")
    _answer(child, "Over het fundament of over de uitvoering", "foundation")
    _tell(child, "We zonden alleen.", "Eerst luisteren.")
    _answer(child, "Id (de bestandsnaam) [eerst-luisteren-2]", "eerst-luisteren")
    child.expect_exact("er is al een record 'eerst-luisteren'; 'eerst-luisteren-2' is vrij")
    _answer(child, "Id (de bestandsnaam)", "")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert (project / "data/lessons/eerst-luisteren-2.yml").is_file()


def test_answers_right_alone_but_not_together_are_asked_again(project: Path) -> None:
    """A lesson dated before its campaign began: the check of the whole
    record finds it after the last question, and the fields concerned are
    asked again there and then, instead of the record being refused."""
    child = _spawn(project)
    _answer(child, "De les in één regel", "Te vroeg")
    _answer(child, "Datum van de les", "2013-01-10")
    _answer(child, "Wie schrijft haar", "eva-jansen")
    _answer(child, "Uit welke campagne(s) komt ze", "linkedin-ict-2024")
    _answer(child, "Welk(e) leerdoel(en) beantwoordt ze", "")
    _answer(child, "Over het fundament of over de uitvoering", "foundation")
    _tell(child, "We begonnen te vroeg.", "Eerst de campagne.")
    _answer(child, "Id (de bestandsnaam)", "")
    child.expect_exact("elk antwoord klopt, maar samen nog niet; daarom nog een keer:")
    child.expect_exact("na de datum van deze les")
    # The problem is placed at the campaign and names the date: both are
    # asked again, the date first, as the record has them.
    _answer(child, "Datum van de les [2013-01-10]", "2013-01-11")
    _answer(child, "Uit welke campagne(s) komt ze (mag leeg, Enter slaat over) [linkedin-ict-2024]", "")
    # Still too early, the answers changed: the same two questions again.
    child.expect_exact("elk antwoord klopt, maar samen nog niet; daarom nog een keer:")
    _answer(child, "Datum van de les [2013-01-11]", "")
    _answer(child, "Uit welke campagne(s) komt ze (mag leeg, Enter slaat over) [linkedin-ict-2024]", "")
    # Kept as they were: every question comes back, to change any.
    child.expect_exact("elk antwoord klopt, maar samen nog niet; daarom nog een keer:")
    _answer(child, "De les in één regel [Te vroeg]", "")
    _answer(child, "Datum van de les [2013-01-11]", "2024-12-15")
    _answer(child, "Wie schrijft haar (id van de persoon) [eva-jansen]", "")
    _answer(child, "Uit welke campagne(s) komt ze (mag leeg, Enter slaat over) [linkedin-ict-2024]", "")
    _answer(child, "Welk(e) leerdoel(en) beantwoordt ze", "")
    _answer(child, "Over het fundament of over de uitvoering", "")
    _answer(child, "Wat er gebeurde", "")
    _answer(child, "Wat hebben we geleerd", "")
    _answer(child, "Wat doen we de volgende keer", "")
    child.expect_exact("data/lessons/te-vroeg.yml geschreven")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    record = yaml.safe_load((project / "data/lessons/te-vroeg.yml").read_text("utf-8"))
    assert record["date"].isoformat() == "2024-12-15" and record["campaigns"] == ["linkedin-ict-2024"]


def test_lines_typed_before_a_stop_in_a_story_are_kept(project: Path) -> None:
    child = _spawn(project)
    _answer(child, "De les in één regel", "Half verteld")
    _answer(child, "Datum van de les", "2024-12-15")
    _answer(child, "Wie schrijft haar", "eva-jansen")
    _answer(child, "Uit welke campagne(s) komt ze", "")
    _answer(child, "Over het fundament of over de uitvoering", "foundation")
    _answer(child, "Wat er gebeurde", "De eerste regel.")
    _waiting_for_input(child)
    child.sendline("De tweede regel.")
    child.expect_exact("De tweede regel.\r\n  ")
    _waiting_for_input(child)  # read, and the next line asked for
    child.sendintr()  # Ctrl-C halfway through the story
    child.expect_exact("gestopt")
    child.expect(pexpect.EOF)
    child.close()
    import json

    draft = json.loads((project / ".drafts" / "new-lesson.json").read_text("utf-8"))
    assert draft["what_happened"] == "De eerste regel.\nDe tweede regel."


def test_stopping_a_second_time_keeps_what_the_first_attempt_had(project: Path) -> None:
    import json

    draft = project / ".drafts" / "new-lesson.json"
    draft.parent.mkdir(exist_ok=True)
    first = {"title": "Twee keer gestopt", "date": "2024-12-15", "author": "eva-jansen", "level": "foundation",
             "what_happened": "Het hele verhaal.", "lesson": "Wat we leerden.", "id": "mijn-eigen-id"}
    draft.write_text(json.dumps(first), "utf-8")  # as the first attempt, stopped at the id, left it

    child = _spawn(project)
    _answer(child, "die gebruiken?", "")
    _answer(child, "De les in één regel [Twee keer gestopt]", "Twee keer gestopt, anders")
    child.expect_exact("Datum van de les [2024-12-15]")
    _waiting_for_input(child)
    child.sendintr()  # stopped again, after one changed answer
    child.expect(pexpect.EOF)
    assert json.loads(draft.read_text("utf-8")) == {**first, "title": "Twee keer gestopt, anders"}

    child = _spawn(project)  # the third time, every answer is offered, the id typed before too
    _answer(child, "die gebruiken?", "")
    for prompt in ("[Twee keer gestopt, anders]", "[2024-12-15]", "[eva-jansen]", "Uit welke campagne(s)",
                   "[foundation (fundament)]", "[Het hele verhaal.]", "[Wat we leerden.]", "Wat doen we de volgende keer"):
        _answer(child, prompt, "")
    _answer(child, "Id (de bestandsnaam) [mijn-eigen-id]", "")
    child.expect_exact("data/lessons/mijn-eigen-id.yml geschreven")
    child.expect(pexpect.EOF)


def test_a_kept_answer_that_no_longer_fits_is_not_offered(project: Path) -> None:
    """The draft answered a learning goal of another campaign than the one
    now chosen: said once, and Enter skips it instead of asking forever."""
    import json

    draft = project / ".drafts" / "new-lesson.json"
    draft.parent.mkdir(exist_ok=True)
    draft.write_text(json.dumps({"title": "Van campagne gewisseld", "date": "2024-12-15", "author": "eva-jansen",
                                 "campaigns": ["linkedin-ict-2024"], "answers": ["respons"]}), "utf-8")
    child = _spawn(project)
    _answer(child, "die gebruiken?", "")
    for prompt in ("[Van campagne gewisseld]", "[2024-12-15]", "[eva-jansen]"):
        _answer(child, prompt, "")
    _answer(child, "Uit welke campagne(s) komt ze (mag leeg, Enter slaat over) [linkedin-ict-2024]", "hyves-stage-2010")
    child.expect_exact("het eerdere antwoord 'respons' past niet meer")
    _answer(child, "Welk(e) leerdoel(en) beantwoordt ze (mag leeg, Enter slaat over): ", "")
    _answer(child, "Over het fundament of over de uitvoering", "foundation")
    _tell(child, "We wisselden.", "Kies eerst de campagne.")
    _answer(child, "Id (de bestandsnaam)", "")
    child.expect_exact("data/lessons/van-campagne-gewisseld.yml geschreven")
    child.expect(pexpect.EOF)


def test_answers_kept_through_every_question_end_with_the_draft_not_a_loop(project: Path) -> None:
    """An author who keeps the same answers after seeing every question
    again means to stop: the record is refused with the answers kept,
    instead of the questions coming round for ever."""
    child = _spawn(project)
    for prompt, text in (("De les in één regel", "Te vroeg"), ("Datum van de les", "2013-01-10"),
                         ("Wie schrijft haar", "eva-jansen"), ("Uit welke campagne(s) komt ze", "linkedin-ict-2024"),
                         ("Welk(e) leerdoel(en) beantwoordt ze", ""),
                         ("Over het fundament of over de uitvoering", "foundation"),
                         ("Wat er gebeurde", "We begonnen te vroeg.")):
        _answer(child, prompt, text)
    child.sendline("")
    _answer(child, "Wat hebben we geleerd", "Eerst de campagne.")
    child.sendline("")
    _answer(child, "Wat doen we de volgende keer", "")
    _answer(child, "Id (de bestandsnaam)", "")
    child.expect_exact("daarom nog een keer:")
    _answer(child, "Datum van de les [2013-01-10]", "")
    _answer(child, "Uit welke campagne(s) komt ze (mag leeg, Enter slaat over) [linkedin-ict-2024]", "")
    child.expect_exact("daarom nog een keer:")
    for prompt in ("[Te vroeg]", "[2013-01-10]", "[eva-jansen]", "[linkedin-ict-2024]", "beantwoordt ze",
                   "[foundation (fundament)]", "[We begonnen te vroeg.]", "[Eerst de campagne.]",
                   "Wat doen we de volgende keer"):
        _answer(child, prompt, "")
    child.expect_exact("het nieuwe record komt niet door de controle:")
    child.expect_exact("je antwoorden zijn bewaard: `handbook new lesson` biedt ze opnieuw aan")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert (project / ".drafts" / "new-lesson.json").exists()
    assert not (project / "data/lessons/te-vroeg.yml").exists()


def test_text_the_check_would_refuse_is_asked_again_where_it_is_typed(project: Path) -> None:
    child = _spawn(project)
    _answer(child, "De les in één regel", "Ouders beslissen mee")
    _answer(child, "Datum van de les", "2024-12-15")
    _answer(child, "Wie schrijft haar", "eva-jansen")
    _answer(child, "Uit welke campagne(s) komt ze", "linkedin-ict-2024, linkedin-ict-2024")  # one campaign, typed twice
    _answer(child, "Welk(e) leerdoel(en) beantwoordt ze", "respons")
    _answer(child, "Over het fundament of over de uitvoering", "execution")
    _answer(child, "Wat er gebeurde", "Mail <b>kees@example.nl</b> of bel 020 123 4567, graag.")
    child.sendline("")
    child.expect_exact("'what_happened' (wat er gebeurde) bevat HTML ('<b>')")
    child.expect_exact("bevat een e-mailadres ('kees@example.nl')")
    child.expect_exact("bevat een telefoonnummer ('020 123 4567')")
    _tell(child, "Kees heeft de cijfers.", "Overtuig ook de ouders.")
    _answer(child, "Id (de bestandsnaam)", "")
    child.expect_exact("data/lessons/ouders-beslissen-mee.yml geschreven")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    record = yaml.safe_load((project / "data/lessons/ouders-beslissen-mee.yml").read_text("utf-8"))
    assert record["what_happened"] == "Kees heeft de cijfers."
    assert record["campaigns"] == ["linkedin-ict-2024"] and record["answers"] == ["respons"]
