"""`handbook new` in a real terminal, as a new author uses it: mistakes at
the prompts are caught where they are typed, asked again with a suggestion,
and nothing typed is lost, not even when the author stops halfway."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import pytest
import yaml

from .conftest import FIXTURE_EPOCH, ROOT
from .helpers import STOP, Answer, Conversation

pytestmark = pytest.mark.slow  # a real terminal session of seconds each


def _spawn(project: Path) -> pexpect.spawn:
    env = {**os.environ, "SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "PYTHONPATH": str(ROOT), "TERM": "dumb"}
    child = pexpect.spawn(sys.executable, ["-m", "generator", "new", "lesson", "--project", str(project)],
                          env=env, encoding="utf-8", timeout=30, dimensions=(40, 200))
    # pexpect sleeps 50 ms before each line it sends; a line here is only
    # sent once the tool waits in a read of its terminal (`_waiting_for_input`).
    child.delaybeforesend = None
    return child


def _waiting_for_input(child: pexpect.spawn, read: int = 0) -> bool:
    """Until the tool sleeps in a read of its terminal, as it does while a
    person looks at a prompt, having read `read` bytes in all (the line
    typed last has been taken); False when it ended instead. A
    Ctrl-C sent in the instant between a prompt being written and the read
    starting would be a race of the test, not a person's stop (the signal
    lands before the read, which then waits on)."""
    import time

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{child.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            if state in ("Z", "X"):
                return False
            call = Path(f"/proc/{child.pid}/syscall").read_text().split()
            taken = _bytes_read(child)
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            return False  # gone (or going)
        if state == "S" and call[:2] == ["0", "0x0"] and taken >= read:  # read(0, ...)
            return True
        time.sleep(0.01)
    raise AssertionError("the tool never waited for input")


def _bytes_read(child: pexpect.spawn) -> int:
    """The bytes the tool has read so far, from its terminal and its files."""
    return int(Path(f"/proc/{child.pid}/io").read_text().split("rchar:", 1)[1].split()[0])


def _shown(child: pexpect.spawn) -> str:
    """What the tool wrote since the last look, up to its prompt: every
    prompt ends with a space, so the terminal is read until its output
    does, and nothing more comes."""
    import time

    shown, deadline = "", time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            shown += child.read_nonblocking(65536, timeout=0.05)
        except pexpect.TIMEOUT:
            if shown.endswith(" "):
                return shown
        except pexpect.EOF:
            return shown
    raise AssertionError(f"no prompt after {shown!r}")


def _converse(child: pexpect.spawn, answers: dict[str, Answer]) -> str:
    """Answer each question the tool asks by what it asks (see
    `Conversation`), a line at a time as a person types, until it ends or
    the author stops; what the terminal showed, all of it."""
    conversation = Conversation(answers)
    said, typing = "", []  # the lines of an answer still to type, at the prompts that follow
    try:
        read = 0
        while _waiting_for_input(child, read):
            said += _shown(child)
            if not typing:
                typing = conversation.reply(said.rsplit("\n", 1)[-1].replace("\r", "")).split("\n")
            line = typing.pop(0)
            if line == STOP:
                child.sendintr()
                break
            read = _bytes_read(child) + len(line.encode("utf-8")) + 1
            child.sendline(line)
        child.expect(pexpect.EOF)
        said += child.before
    finally:
        child.close(force=True)  # a test that failed on the way leaves no tool waiting at a prompt
    conversation.check()
    return said.replace("\r\n", "\n")


def _in_order(said: str, *parts: str) -> None:
    """Each of `parts` shown, in this order (other lines between them)."""
    at = 0
    for part in parts:
        found = said.find(part, at)
        assert found >= 0, f"{part!r} not shown after {said[:at][-300:]!r}"
        at = found + len(part)


# The two stories, a line each (an empty line, Enter, ends one), and no recommendation.
def _tell(happened: str, learned: str) -> dict[str, Answer]:
    return {"Wat er gebeurde": happened, "Wat hebben we geleerd": learned}


def test_mistakes_at_the_prompts_are_asked_again_and_the_record_is_written(project: Path) -> None:
    child = _spawn(project)
    said = _converse(child, {
        "De les in één regel": "Ouders beslissen mee",
        "Datum van de les": ["15-03-2024", "2024-12-15"],
        "Wie schrijft haar": ["eva", "tom-bakker", "eva-jansen"],
        "Uit welke campagne(s) komt ze": ["linkedin-ict-2042", "linkedin-ict-2024"],
        "Welk(e) leerdoel(en) beantwoordt ze": "respons",
        # the Dutch name, as the site shows it
        "Over het fundament of over de uitvoering": ["uitvoerig", "Uitvoering"],
        "Wat er gebeurde": "De video's bereikten de studenten.\nMaar de ouders beslisten mee.",
        "Wat hebben we geleerd": "Overtuig ook de ouders.",
        "Wat doen we de volgende keer": "",
        "Id (de bestandsnaam)": "",
    })
    _in_order(
        said,
        "Datum van de les", "'15-03-2024' is geen datum; schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2012-03-15",
        "Datum van de les",
        "eva-jansen — ",  # people offered with their names
        "Wie schrijft haar", "'eva' is geen van de keuzes (bedoel je 'eva-jansen'?)",
        "Wie schrijft haar", "'tom-bakker' is uit dienst; noem iemand die hier nu werkt", "Wie schrijft haar",
        "Uit welke campagne(s) komt ze", "(bedoel je 'linkedin-ict-2024'?)", "Uit welke campagne(s) komt ze",
        "respons — ",  # a learning goal is offered with its question
        "Welk(e) leerdoel(en) beantwoordt ze",
        "execution — uitvoering",  # each choice with its Dutch name
        "Over het fundament of over de uitvoering",
        "kies uit: foundation (fundament), execution (uitvoering) (bedoel je 'execution'?)",
        "Over het fundament of over de uitvoering",
        "Wat er gebeurde", "Wat hebben we geleerd", "Wat doen we de volgende keer", "Id (de bestandsnaam)",
        "data/lessons/ouders-beslissen-mee.yml geschreven",
    )
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
    _converse(child, {"De les in één regel": "Eerst luisteren", "Datum van de les": "2024-12-15",
                      "Wie schrijft haar": "eva-jansen",
                      "Uit welke campagne(s) komt ze": STOP})  # Ctrl-C: the author stops
    child.close()
    assert (project / ".drafts" / "new-lesson.json").exists()

    child = _spawn(project)
    said = _converse(child, {
        "Er zijn antwoorden van een eerdere poging in .drafts/new-lesson.json; die gebruiken?": "",
        "De les in één regel [Eerst luisteren]": "",
        "Datum van de les [2024-12-15]": "",
        "Wie schrijft haar (id van de persoon) [eva-jansen]": "",
        "Uit welke campagne(s) komt ze": "",
        "Over het fundament of over de uitvoering": "foundation",
        **_tell("We zonden alleen.", "Eerst luisteren."),
        "Id (de bestandsnaam) [eerst-luisteren]": "",
    })
    _in_order(said, "Id (de bestandsnaam) [eerst-luisteren]")
    child.close()
    assert child.exitstatus == 0
    record = yaml.safe_load((project / "data/lessons/eerst-luisteren.yml").read_text("utf-8"))
    assert (record["title"], record["author"], record["level"]) == ("Eerst luisteren", "eva-jansen", "foundation")
    assert not (project / ".drafts" / "new-lesson.json").exists()


def test_the_id_offered_is_one_that_is_free(project: Path) -> None:
    (project / "data/lessons/eerst-luisteren.yml").write_text(
        (project / "data/lessons/weer-gezonden.yml").read_text("utf-8"), "utf-8")
    child = _spawn(project)
    said = _converse(child, {
        "De les in één regel": "Eerst luisteren", "Datum van de les": "2024-12-15", "Wie schrijft haar": "eva-jansen",
        "Uit welke campagne(s) komt ze": "", "Over het fundament of over de uitvoering": "foundation",
        **_tell("We zonden alleen.", "Eerst luisteren."),
        "Id (de bestandsnaam)": ["eerst-luisteren", ""],
    })
    _in_order(said, "Id (de bestandsnaam) [eerst-luisteren-2]",
              "er is al een record 'eerst-luisteren'; 'eerst-luisteren-2' is vrij", "Id (de bestandsnaam)")
    child.close()
    assert child.exitstatus == 0
    assert (project / "data/lessons/eerst-luisteren-2.yml").is_file()


def test_answers_right_alone_but_not_together_are_asked_again(project: Path) -> None:
    """A lesson dated before its campaign began: the check of the whole
    record finds it after the last question, and the fields concerned are
    asked again there and then, instead of the record being refused."""
    child = _spawn(project)
    said = _converse(child, {
        "De les in één regel": ["Te vroeg", ""],
        "Datum van de les": ["2013-01-10", "2013-01-11", "", "2024-12-15"],
        "Wie schrijft haar": ["eva-jansen", ""],
        "Uit welke campagne(s) komt ze": ["linkedin-ict-2024", "", "", ""],
        "Welk(e) leerdoel(en) beantwoordt ze": ["", ""],
        "Over het fundament of over de uitvoering": ["foundation", ""],
        "Wat er gebeurde": ["We begonnen te vroeg.", ""],
        "Wat hebben we geleerd": ["Eerst de campagne.", ""],
        "Wat doen we de volgende keer": ["", ""],
        "Id (de bestandsnaam)": "",
    })
    campaigns_kept = "Uit welke campagne(s) komt ze (mag leeg, Enter slaat over) [linkedin-ict-2024]"
    _in_order(
        said,
        "Id (de bestandsnaam)",
        "elk antwoord klopt, maar samen nog niet; daarom nog een keer:",
        "na de datum van deze les",
        # The problem is placed at the campaign and names the date: both are
        # asked again, the date first, as the record has them.
        "Datum van de les [2013-01-10]", campaigns_kept,
        # Still too early, the answers changed: the same two questions again.
        "elk antwoord klopt, maar samen nog niet; daarom nog een keer:",
        "Datum van de les [2013-01-11]", campaigns_kept,
        # Kept as they were: every question comes back, to change any.
        "elk antwoord klopt, maar samen nog niet; daarom nog een keer:",
        "De les in één regel [Te vroeg]", "Datum van de les [2013-01-11]",
        "Wie schrijft haar (id van de persoon) [eva-jansen]", campaigns_kept,
        "Welk(e) leerdoel(en) beantwoordt ze", "Over het fundament of over de uitvoering", "Wat er gebeurde",
        "Wat hebben we geleerd", "Wat doen we de volgende keer",
        "data/lessons/te-vroeg.yml geschreven",
    )
    child.close()
    assert child.exitstatus == 0
    record = yaml.safe_load((project / "data/lessons/te-vroeg.yml").read_text("utf-8"))
    assert record["date"].isoformat() == "2024-12-15" and record["campaigns"] == ["linkedin-ict-2024"]


def test_lines_typed_before_a_stop_in_a_story_are_kept(project: Path) -> None:
    child = _spawn(project)
    said = _converse(child, {
        "De les in één regel": "Half verteld", "Datum van de les": "2024-12-15", "Wie schrijft haar": "eva-jansen",
        "Uit welke campagne(s) komt ze": "", "Over het fundament of over de uitvoering": "foundation",
        # Ctrl-C halfway through the story, when the next line is asked for
        "Wat er gebeurde": f"De eerste regel.\nDe tweede regel.\n{STOP}",
    })
    _in_order(said, "De tweede regel.\n  ", "gestopt")
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
    _converse(child, {"die gebruiken?": "", "De les in één regel [Twee keer gestopt]": "Twee keer gestopt, anders",
                      "Datum van de les [2024-12-15]": STOP})  # stopped again, after one changed answer
    assert json.loads(draft.read_text("utf-8")) == {**first, "title": "Twee keer gestopt, anders"}

    child = _spawn(project)  # the third time, every answer is offered, the id typed before too
    kept = ("[Twee keer gestopt, anders]", "[2024-12-15]", "[eva-jansen]", "Uit welke campagne(s)",
            "[foundation (fundament)]", "[Het hele verhaal.]", "[Wat we leerden.]", "Wat doen we de volgende keer")
    said = _converse(child, {"die gebruiken?": "", **dict.fromkeys(kept, ""),
                             "Id (de bestandsnaam) [mijn-eigen-id]": ""})
    _in_order(said, *kept, "Id (de bestandsnaam) [mijn-eigen-id]", "data/lessons/mijn-eigen-id.yml geschreven")


def test_a_kept_answer_that_no_longer_fits_is_not_offered(project: Path) -> None:
    """The draft answered a learning goal of another campaign than the one
    now chosen: said once, and Enter skips it instead of asking forever."""
    import json

    draft = project / ".drafts" / "new-lesson.json"
    draft.parent.mkdir(exist_ok=True)
    draft.write_text(json.dumps({"title": "Van campagne gewisseld", "date": "2024-12-15", "author": "eva-jansen",
                                 "campaigns": ["linkedin-ict-2024"], "answers": ["respons"]}), "utf-8")
    child = _spawn(project)
    goals_without_default = "Welk(e) leerdoel(en) beantwoordt ze (mag leeg, Enter slaat over): "
    said = _converse(child, {
        "die gebruiken?": "", "[Van campagne gewisseld]": "", "[2024-12-15]": "", "[eva-jansen]": "",
        "Uit welke campagne(s) komt ze (mag leeg, Enter slaat over) [linkedin-ict-2024]": "hyves-stage-2010",
        goals_without_default: "",
        "Over het fundament of over de uitvoering": "foundation",
        **_tell("We wisselden.", "Kies eerst de campagne."),
        "Id (de bestandsnaam)": "",
    })
    _in_order(said, "het eerdere antwoord 'respons' past niet meer", goals_without_default,
              "data/lessons/van-campagne-gewisseld.yml geschreven")


def test_answers_kept_through_every_question_end_with_the_draft_not_a_loop(project: Path) -> None:
    """An author who keeps the same answers after seeing every question
    again means to stop: the record is refused with the answers kept,
    instead of the questions coming round for ever."""
    child = _spawn(project)
    said = _converse(child, {
        "De les in één regel": ["Te vroeg", ""], "Datum van de les": ["2013-01-10", "", ""],
        "Wie schrijft haar": ["eva-jansen", ""], "Uit welke campagne(s) komt ze": ["linkedin-ict-2024", "", ""],
        "Welk(e) leerdoel(en) beantwoordt ze": ["", ""],
        "Over het fundament of over de uitvoering": ["foundation", ""],
        "Wat er gebeurde": ["We begonnen te vroeg.", ""], "Wat hebben we geleerd": ["Eerst de campagne.", ""],
        "Wat doen we de volgende keer": ["", ""],
        "Id (de bestandsnaam)": "",
    })
    _in_order(
        said,
        "Id (de bestandsnaam)",
        "daarom nog een keer:",
        "Datum van de les [2013-01-10]", "Uit welke campagne(s) komt ze (mag leeg, Enter slaat over) [linkedin-ict-2024]",
        "daarom nog een keer:",
        "[Te vroeg]", "[2013-01-10]", "[eva-jansen]", "[linkedin-ict-2024]", "beantwoordt ze",
        "[foundation (fundament)]", "[We begonnen te vroeg.]", "[Eerst de campagne.]", "Wat doen we de volgende keer",
        "het nieuwe record komt niet door de controle:",
        "je antwoorden zijn bewaard: `handbook new lesson` biedt ze opnieuw aan",
    )
    child.close()
    assert child.exitstatus == 1
    assert (project / ".drafts" / "new-lesson.json").exists()
    assert not (project / "data/lessons/te-vroeg.yml").exists()


def test_text_the_check_would_refuse_is_asked_again_where_it_is_typed(project: Path) -> None:
    child = _spawn(project)
    said = _converse(child, {
        "De les in één regel": "Ouders beslissen mee", "Datum van de les": "2024-12-15",
        "Wie schrijft haar": "eva-jansen",
        "Uit welke campagne(s) komt ze": "linkedin-ict-2024, linkedin-ict-2024",  # one campaign, typed twice
        "Welk(e) leerdoel(en) beantwoordt ze": "respons", "Over het fundament of over de uitvoering": "execution",
        "Wat er gebeurde": ["Mail <b>kees@example.nl</b> of bel 020 123 4567, graag.", "Kees heeft de cijfers."],
        "Wat hebben we geleerd": "Overtuig ook de ouders.",
        "Id (de bestandsnaam)": "",
    })
    _in_order(said, "'what_happened' (wat er gebeurde) bevat HTML ('<b>')",
              "bevat een e-mailadres ('kees@example.nl')", "bevat een telefoonnummer ('020 123 4567')",
              "Wat er gebeurde", "data/lessons/ouders-beslissen-mee.yml geschreven")
    child.close()
    assert child.exitstatus == 0
    record = yaml.safe_load((project / "data/lessons/ouders-beslissen-mee.yml").read_text("utf-8"))
    assert record["what_happened"] == "Kees heeft de cijfers."
    assert record["campaigns"] == ["linkedin-ict-2024"] and record["answers"] == ["respons"]
