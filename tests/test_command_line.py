"""The command line speaks the language of the run: Click's own words
("Gebruik:", "Fout: Ontbrekende optie '--to'.") and the handbook's help,
from the `cli` catalogs; never a Python traceback; and what was typed is
shown with every character that hides or reorders it made visible."""

from __future__ import annotations

import ast
import gettext
import importlib
import inspect
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import click
import pytest

from generator import spoken
from generator.cli import main
from generator.words import catalogs

from .helpers import make_project

HANDBOOK = Path(sys.executable).parent / "handbook"


def handbook(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The installed `handbook` command, as an author runs it, in `project`."""
    environment = {**os.environ, "COLUMNS": "80"}
    environment.pop("GITHUB_ACTIONS", None)
    return subprocess.run([str(HANDBOOK), *args], cwd=project, capture_output=True, text=True, env=environment,
                          timeout=120, check=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


def english_site(project: Path) -> None:
    (project / "mkdocs.yml").write_text("site_name: Handbook\ndocs_dir: handbook\ntheme:\n  name: material\n"
                                        "  language: en\n", "utf-8")
    (project / "handbook").mkdir()


def test_a_missing_option_is_said_in_dutch(project: Path) -> None:
    result = handbook(project, "handover", "eva-jansen")
    assert (result.returncode, result.stdout, result.stderr) == (2, "", (
        "Gebruik: handbook handover [OPTIES] PERSOON\n"
        "Typ 'handbook handover --help' voor uitleg.\n"
        "\n"
        "Fout: Ontbrekende optie '--to'.\n"))


def test_an_unknown_option_is_said_in_dutch_with_the_nearest_one(project: Path) -> None:
    result = handbook(project, "import-issue", "event.json", "--writ")
    assert (result.returncode, result.stdout, result.stderr) == (2, "", (
        "Gebruik: handbook import-issue [OPTIES] GEBEURTENIS\n"
        "Typ 'handbook import-issue --help' voor uitleg.\n"
        "\n"
        "Fout: Er is geen optie '--writ'. Bedoel je '--write'?\n"))
    result = handbook(project, "check", "--bogus")
    assert result.stderr.splitlines()[-1] == "Fout: Er is geen optie '--bogus'."


def test_the_help_of_a_command_is_in_dutch(project: Path) -> None:
    result = handbook(project, "import-issue", "--help")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == """\
Gebruik: handbook import-issue [OPTIES] GEBEURTENIS

  Een ingevuld formulier voor kennisoverdracht (het bestand dat GitHub over
  een issue geeft, GEBEURTENIS) als concepten van lessen en een voorstel voor
  de overdracht.

Opties:
  --language [nl|en]  Taal van de meldingen (standaard: theme.language in
                      mkdocs.yml).
  -C, --project MAP   Map van het handboek (met mkdocs.yml en data/).
                      [standaard: .]
  --write             Schrijf de concepten van lessen en het voorstel en
                      controleer ze; zonder deze optie alleen tonen. Een
                      concept dat een eerdere import van het issue maakte,
                      wordt vervangen zolang niemand het bewerkte.
  -h, --help          Toon deze uitleg en stop.
"""


def test_the_list_of_commands_is_in_dutch(project: Path) -> None:
    result = handbook(project, "--help")
    assert result.stdout.splitlines()[:6] == [
        "Gebruik: handbook [OPTIES] OPDRACHT [ARGUMENTEN]...", "",
        "  Het wervingshandboek: controleer de records, bouw de site.", "", "Opties:",
        "  -h, --help  Toon deze uitleg en stop."]
    assert "  check         Controleer elk record en meld alle problemen in één keer." in result.stdout.splitlines()


def test_the_language_is_chosen_as_for_every_other_message(project: Path) -> None:
    """--language first, else the site's language; the option may stand
    anywhere on the line, also after the mistake."""
    said = "Error: Missing option '--to'.\n"
    assert handbook(project, "handover", "eva-jansen", "--language", "en").stderr.endswith(said)
    assert handbook(project, "handover", "--language=en", "eva-jansen").stderr.endswith(said)
    english_site(project)
    result = handbook(project, "handover", "eva-jansen")
    assert result.stderr == ("Usage: handbook handover [OPTIONS] PERSON\nTry 'handbook handover --help' for help.\n\n"
                             + said)
    assert handbook(project, "handover", "eva-jansen", "--language", "nl").stderr.endswith(
        "Fout: Ontbrekende optie '--to'.\n")
    assert handbook(project, "handover", "--help").stdout.startswith(
        "Usage: handbook handover [OPTIONS] PERSON\n\n  Give what PERSON answers for to SUCCESSOR")


def test_a_wrong_value_is_said_in_dutch_with_the_handbooks_own_words(project: Path, tmp_path: Path) -> None:
    result = handbook(project, "check", "--project", str(tmp_path / "project" / "data" / "taxonomy.yml"))
    assert result.stderr.splitlines()[-1] == (
        f"Fout: Ongeldige waarde voor '--project' / '-C': Map '{tmp_path}/project/data/taxonomy.yml' is een bestand.")
    result = handbook(project, "new", "lesson", "--no-input", "--set", "title")
    assert result.stderr.splitlines()[-1] == "Fout: --set 'title': schrijf het als VELD=WAARDE"
    result = handbook(project, "check", "--language", "fr")
    assert result.stderr.splitlines()[-1] == "Fout: Ongeldige waarde voor '--language': 'fr' is geen van 'nl', 'en'."
    assert "Traceback" not in result.stderr


def test_what_was_typed_is_shown_with_every_hidden_character_made_visible(project: Path) -> None:
    result = handbook(project, "handover", "eva-jansen", "--to", "sanne", "extra\u202e\u200bwoord")
    assert (result.returncode, result.stderr.splitlines()[-1]) == (
        2, "Fout: Onverwacht extra argument (extra\\u202e\\u200bwoord)")
    result = handbook(project, "new", "lesson", "--no-input", "--set", "author=eva\u202ejansen", "--set", "title=T")
    assert "'eva\\u202ejansen'" in result.stdout + result.stderr
    assert "\u202e" not in result.stdout + result.stderr


# --- every word has its entry ---------------------------------------------------------------------------------


def clicks_words() -> set[str]:
    """Every message id Click says through gettext (`_(...)`, `ngettext(...)`,
    the singular of the latter), read from its source, and the words of
    Click's usage line and help that the handbook says in its language."""
    found: set[str] = set()
    for info in pkgutil.iter_modules(click.__path__):
        tree = ast.parse(Path(click.__path__[0], f"{info.name}.py").read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("_", "ngettext") and node.args \
                    and isinstance(node.args[0], ast.Constant):
                found.add(node.args[0].value)
    found |= {click.Command("x").options_metavar, click.Group("x").subcommand_metavar,
              click.Option(["--x"], required=True).get_help_extra(click.Context(click.Command("x")))["required"]}
    return found


def handbooks_words() -> set[str]:
    """Every help text and metavar of every command of the handbook."""
    found = {inspect.cleandoc(main._help)}
    for name, command in main.commands.items():
        found.add(inspect.cleandoc(command._help))
        context = click.Context(command, info_name=name)
        for parameter in command.params:
            if parameter._help:
                found.add(parameter._help)
            metavar = type(parameter).__mro__[1].make_metavar(parameter, context)
            if not (isinstance(parameter, click.Option) and parameter.is_flag) and metavar[0] not in "[{":
                found.add(metavar)  # a list of choices is written as the records write them
    return found


def test_every_word_of_click_and_every_help_text_has_its_entry_and_no_entry_is_stale() -> None:
    for language in catalogs.LANGUAGES:
        entries = set(catalogs.texts(language, "cli")) | set(catalogs.plural_texts(language, "cli"))
        assert sorted(clicks_words() - entries) == [], language
        assert sorted(handbooks_words() - entries) == [], language
        assert sorted(entries - clicks_words() - handbooks_words()) == [], language


def test_every_option_and_argument_says_its_help_in_the_language_of_the_run() -> None:
    for command in main.commands.values():
        assert type(command) is spoken.Command
        assert all(type(parameter) in (spoken.Option, spoken.Argument) for parameter in command.params), command.name
        assert all(isinstance(parameter.type, spoken.PathType) for parameter in command.params
                   if isinstance(parameter.type, click.Path)), command.name


def test_every_module_of_click_says_its_words_through_the_handbooks_catalogs() -> None:
    for info in pkgutil.iter_modules(click.__path__):
        if info.name == "_winconsole" and sys.platform != "win32":
            continue
        module = importlib.import_module(f"click.{info.name}")
        assert getattr(module, "_", None) is not gettext.gettext, module.__name__
        assert getattr(module, "ngettext", None) is not gettext.ngettext, module.__name__
    assert len(spoken.click_modules()) >= 9


def test_the_dutch_entries_keep_clicks_placeholders_and_conversions() -> None:
    """'{value!r}' stays '{value!r}': Click fills it in as it is written."""
    import string

    def fields(text: str) -> set[tuple[str, str | None, str]]:
        return {(name, conversion, spec) for _, name, spec, conversion in string.Formatter().parse(text)
                if name is not None}

    english = catalogs.texts("en", "cli")
    for key, text in catalogs.texts("nl", "cli").items():
        assert fields(text) == fields(english[key]) == fields(key), key


@pytest.mark.parametrize("after", [0.1, 0.3, 0.6])
def test_ctrl_c_while_the_command_starts_is_a_stop_not_a_traceback(project: Path, after: float) -> None:
    """Ctrl-C a moment after `handbook check` starts, while it is still
    loading (it takes about half a second): it stops, as a shell reports a
    Ctrl-C (130), whatever it was doing, with no Python traceback."""
    import signal
    import subprocess
    import sys
    import time

    from .conftest import ROOT

    process = subprocess.Popen([sys.executable, "-m", "generator", "check", "--project", str(project)],
                               env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    time.sleep(after)
    process.send_signal(signal.SIGINT)
    out, errors = process.communicate(timeout=30)
    assert "Traceback" not in out + errors, errors
    assert process.returncode in (0, 130), (process.returncode, errors)
