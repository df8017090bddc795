"""What an author reads is in the site's language, Dutch by default: the
common mistakes, said where they are, in the author's words (that every
language is complete is test_catalogs.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.words.messages import say, speaking

from .conftest import ROOT
from .helpers import fixture_text, make_project

# Where problems are made: each of these reports through `say` only.
LESSON = "data/lessons/weer-gezonden.yml"
# A handbook whose site is Dutch (the language setting is theme.language).
SITE = "site_name: Handboek\ndocs_dir: handbook\ntheme:\n  name: material\n  language: nl\n"
# An invisible character, as the check says it: {} is what it is.
HIDDEN = ("error: hier staat een onzichtbaar {}; haal het weg (het kan veranderen hoe de tekst wordt getoond of "
          "gelezen)")


def test_a_field_and_a_value_are_shown_with_their_dutch_names_beside_the_code() -> None:
    from generator.words.messages import choice, field

    with speaking("nl"):
        assert field("knowledge_owner") == "'knowledge_owner' (kennisborger)"
        assert choice("foundation") == "foundation (fundament)"
        assert say("summary", errors=1, warnings=2) == "1 fout(en), 2 waarschuwing(en)"
    with speaking("en"):
        assert field("knowledge_owner") == "'knowledge_owner'"
        assert choice("foundation") == "foundation"


def _check(tmp_path: Path, files: dict[str, str] | None = None):
    """`handbook check` on the fixture handbook with `files` written over it, in its language (Dutch)."""
    project = make_project(tmp_path, files)
    (project / "mkdocs.yml").write_text(SITE, "utf-8")
    (project / "handbook").mkdir(exist_ok=True)
    return CliRunner().invoke(main, ["check", "--project", str(project)], env={"GITHUB_ACTIONS": None})


def test_the_common_mistakes_are_reported_in_dutch_all_at_once(tmp_path: Path) -> None:
    """An author's usual mistakes, all in one run, in the site's language (Dutch)."""
    text = fixture_text(LESSON)
    mistakes = (text.replace("title: Opnieuw alleen gezonden", "titel: Opnieuw alleen gezonden")
                .replace("date: 2024-12-01", "date: 15-03-2024")
                .replace("level: execution", "level: Execution")
                .replace("author: eva-jansen", "author: eva"))
    result = _check(tmp_path, {
        LESSON: mistakes,
        "data/lessons/met-tab.yml": text.replace("campaigns: [linkedin-ict-2024]", "campaigns:\n\t- linkedin-ict-2024"),
        "data/lessons/met-dubbele-punt.yml": text.replace("lesson: Dezelfde", "lesson: Let op: dezelfde"),
    })
    assert result.output.splitlines() == [
        "data/lessons/met-dubbele-punt.yml:7:15: error: dit is geen geldige YAML: hier mag geen ':' met een spatie "
        "erna staan (een ':' met een spatie erna begint een nieuw veld; zet tekst met ': ' tussen aanhalingstekens)",
        "data/lessons/met-tab.yml:5:1: error: dit is geen geldige YAML: met dit teken kan geen waarde beginnen "
        "(spring in met spaties, niet met tabs)",
        "data/lessons/weer-gezonden.yml:1:1: error: onbekend veld 'titel' (bedoel je 'title'?)",
        "data/lessons/weer-gezonden.yml:2:7: error: 'date' (datum): '15-03-2024' is geen datum; schrijf hem als "
        "JJJJ-MM-DD, bijvoorbeeld 2012-03-15",
        # a wrong reference in a file that also has other errors, a required field among them
        "data/lessons/weer-gezonden.yml:3:9: error: onbekende persoon 'eva' (bedoel je 'eva-jansen'?)",
        "data/lessons/weer-gezonden.yml:5:8: error: 'Execution' is niet toegestaan voor 'level' (niveau); kies uit: "
        "foundation (fundament), execution (uitvoering) (bedoel je 'execution'?)",
        "6 fout(en), 0 waarschuwing(en)",
    ]
    assert result.exit_code == 1


def test_all_is_well_is_said_and_english_is_one_setting_away(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project / "mkdocs.yml").write_text(SITE, "utf-8")
    (project / "handbook").mkdir()
    dutch = CliRunner().invoke(main, ["check", "--project", str(project)], env={"GITHUB_ACTIONS": None})
    english = CliRunner().invoke(main, ["check", "--project", str(project), "--language", "en"],
                                 env={"GITHUB_ACTIONS": None})
    assert (dutch.output, dutch.exit_code) == ("Alles in orde: 10 records\n", 0)
    assert (english.output, english.exit_code) == ("All is well: 10 records\n", 0)


def test_the_readme_s_example_lesson_passes_the_check_on_the_example_handbook(tmp_path: Path) -> None:
    """'Adding a lesson' in the README, verbatim: its file, with its ids, in
    the example handbook a fresh clone has."""
    import re

    from .conftest import FIXTURE_EPOCH, copy_project

    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index("## Adding a lesson"):]
    path = re.search(r"such as `(data/lessons/[a-z0-9-]+\.yml)`", section).group(1)
    block = re.search(r"```yaml\n(.*?)\n\s*```", section, re.S).group(1)
    text = "\n".join(line[3:] for line in block.split("\n")) + "\n"
    project = copy_project(tmp_path / "p", ROOT / "data")
    assert not (project / path).exists()
    records = CliRunner().invoke(main, ["check", "--project", str(project)],
                                 env={"GITHUB_ACTIONS": None, "SOURCE_DATE_EPOCH": FIXTURE_EPOCH}).output
    (project / path).write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["check", "--project", str(project)],
                                env={"GITHUB_ACTIONS": None, "SOURCE_DATE_EPOCH": FIXTURE_EPOCH})
    count = int(re.fullmatch(r"Alles in orde: (\d+) records\n", records).group(1))
    assert (result.output, result.exit_code) == (f"Alles in orde: {count + 1} records\n", 0)


def test_the_report_speaks_the_site_s_language(tmp_path: Path) -> None:
    from .conftest import FIXTURE_EPOCH, copy_project

    project = copy_project(tmp_path / "p")
    env = {"GITHUB_ACTIONS": None, "SOURCE_DATE_EPOCH": FIXTURE_EPOCH}
    dutch = CliRunner().invoke(main, ["report", "--project", str(project)], env=env).stdout.splitlines()
    english = CliRunner().invoke(main, ["report", "--project", str(project), "--language", "en"], env=env)
    assert dutch[0].startswith("Kennisgezondheid op ")
    assert "Accounts per platform (actief/slapend/gearchiveerd):" in dutch
    assert "Lessen per campagne (fundament/uitvoering):" in dutch
    assert english.stdout.splitlines()[0].startswith("Knowledge health as of ")
    assert len(dutch) == len(english.stdout.splitlines())  # the same report, line for line


def test_a_failed_build_says_so_in_the_site_s_language(tmp_path: Path) -> None:
    """The line a failed `handbook build` ends with is the author's language
    too, after every problem; the previous site stays."""
    text = fixture_text(LESSON).replace("level: execution", "level: Execution")
    project = make_project(tmp_path, {LESSON: text})
    (project / "mkdocs.yml").write_text(SITE, "utf-8")
    (project / "handbook").mkdir()
    env = {"GITHUB_ACTIONS": None, "SOURCE_DATE_EPOCH": "1700000000"}
    dutch = CliRunner().invoke(main, ["build", "--project", str(project)], env=env)
    english = CliRunner().invoke(main, ["build", "--project", str(project), "--language", "en"], env=env)
    assert dutch.exit_code == english.exit_code == 1
    assert dutch.stdout.splitlines()[-1] == "1 fout(en), 0 waarschuwing(en)"
    assert dutch.stderr.splitlines() == ["bouwen mislukt: de controle vond fouten; de vorige site blijft zoals hij was"]
    assert english.stderr.splitlines() == ["build failed: the check found errors; the previous site is left as it was"]


def test_a_dutch_name_written_for_a_value_is_answered_with_the_code(tmp_path: Path) -> None:
    """The site shows 'Niveau: Uitvoering'; an author who copies it is told the code to write."""
    result = _check(tmp_path, {LESSON: fixture_text(LESSON).replace("level: execution", "level: Uitvoering")})
    assert result.output.splitlines()[0] == (
        "data/lessons/weer-gezonden.yml:5:8: error: 'Uitvoering' is niet toegestaan voor 'level' (niveau); kies uit: "
        "foundation (fundament), execution (uitvoering) (in een bestand staat de code: schrijf 'execution')")


def test_the_web_editor_s_starting_name_is_not_kept(tmp_path: Path) -> None:
    """A lesson saved in the browser under the name the editor starts with
    would be taken over by the next author's: it is to be named after itself."""
    result = _check(tmp_path, {"data/lessons/nieuwe-les.yml": fixture_text(LESSON)})
    assert result.output.splitlines()[0] == (
        "data/lessons/nieuwe-les.yml:1:1: error: 'nieuwe-les' is de naam waarmee de webeditor begint; noem het "
        "bestand naar het record, bijvoorbeeld 'ouders-beslissen-mee.yml', zodat het volgende er niet voor in de "
        "plaats komt")
    assert result.exit_code == 1


def test_a_person_written_by_name_is_answered_with_the_id(tmp_path: Path) -> None:
    result = _check(tmp_path, {LESSON: fixture_text(LESSON).replace("author: eva-jansen", "author: Eva Jansen")})
    assert result.output.splitlines()[0] == (
        "data/lessons/weer-gezonden.yml:3:9: error: onbekende persoon 'Eva Jansen' (bedoel je 'eva-jansen'?)")


def test_a_partial_or_capitalised_reference_gets_its_id_suggested(tmp_path: Path) -> None:
    result = _check(tmp_path, {LESSON: fixture_text(LESSON).replace("author: eva-jansen", "author: eva-jansn")
                               .replace("campaigns: [linkedin-ict-2024]", "campaigns: [linkedin]")})
    assert result.output.splitlines()[:2] == [
        "data/lessons/weer-gezonden.yml:3:9: error: onbekende persoon 'eva-jansn' (bedoel je 'eva-jansen'?)",
        "data/lessons/weer-gezonden.yml:4:13: error: onbekende campagne 'linkedin' (bedoel je 'linkedin-ict-2024'?)"]


def test_a_yaml_mistake_does_not_hide_the_other_problems_of_its_file(tmp_path: Path) -> None:
    """Two unquoted colons, a tab and a wrong person in one file: all four
    in one run (the fields with broken lines are not also called missing)."""
    text = (fixture_text(LESSON)
            .replace("author: eva-jansen", "author: eva")
            .replace("lesson: Dezelfde", "lesson: Let op: dezelfde")
            .replace("what_happened: Ook", "what_happened: Nog: ook")
            .replace("campaigns: [linkedin-ict-2024]", "campaigns:\n\t- linkedin-ict-2024"))
    result = _check(tmp_path, {LESSON: text})
    lines = result.output.splitlines()
    assert [line.split(": error: ")[0] for line in lines[:-1]] == [
        "data/lessons/weer-gezonden.yml:3:9",  # eva
        "data/lessons/weer-gezonden.yml:5:1",  # the tab
        "data/lessons/weer-gezonden.yml:7:19",  # Nog: ook
        "data/lessons/weer-gezonden.yml:8:15",  # Let op: dezelfde
    ], lines
    assert lines[0].endswith("onbekende persoon 'eva' (bedoel je 'eva-jansen'?)")
    assert lines[-1] == "4 fout(en), 0 waarschuwing(en)"
    assert result.exit_code == 1


def test_a_file_of_broken_lines_is_read_again_a_bounded_number_of_times(tmp_path: Path) -> None:
    from generator.records.read import MAX_RECOVERIES, parse_yaml
    from generator.words.problems import Problems

    text = "".join(f"veld{n}: een: twee\n" for n in range(5_000))
    problems = Problems()
    parse_yaml(text, "data/lessons/x.yml", problems)
    assert len(problems.errors) == MAX_RECOVERIES + 1


def test_an_unclosed_quote_is_placed_where_it_opens(tmp_path: Path) -> None:
    """libyaml notices at the end of the file; the author looks for the quote."""
    text = fixture_text(LESSON).replace("lesson: Dezelfde", 'lesson: "Dezelfde').replace("level: execution",
                                                                                       "level: Execution")
    result = _check(tmp_path, {LESSON: text})
    assert result.output.splitlines() == [
        "data/lessons/weer-gezonden.yml:5:8: error: 'Execution' is niet toegestaan voor 'level' (niveau); kies uit: "
        "foundation (fundament), execution (uitvoering) (bedoel je 'execution'?)",
        "data/lessons/weer-gezonden.yml:7:9: error: dit is geen geldige YAML: het aanhalingsteken dat hier begint "
        "wordt nergens gesloten (sluit de tekst met hetzelfde teken)",
        "2 fout(en), 0 waarschuwing(en)",
    ]


def test_a_story_on_unindented_lines_and_a_field_indented_by_a_tab_hide_nothing_else(tmp_path: Path) -> None:
    """The two YAML slips a recruiter makes most: the story goes on at the
    margin, or a field is pushed in by a tab. Each is said once, with what
    to do, and the other problems of the file are said in the same run."""
    text = fixture_text(LESSON).replace("level: execution", "level: uitvoering")
    result = _check(tmp_path, {
        "data/lessons/verhaal.yml": text.replace("what_happened: Ook op LinkedIn plaatsten we alleen vacatures.",
                                                 "what_happened:\nOok op LinkedIn plaatsten we\nalleen vacatures.")
                                        .replace("date:", "datum:"),
        "data/lessons/met-tab.yml": text.replace("what_happened: Ook", "\twhat_happened: Ook"),
    })
    level = ("error: 'uitvoering' is niet toegestaan voor 'level' (niveau); kies uit: foundation (fundament), "
             "execution (uitvoering) (in een bestand staat de code: schrijf 'execution')")
    assert result.output.splitlines() == [
        f"data/lessons/met-tab.yml:5:8: {level}",
        "data/lessons/met-tab.yml:6:1: error: dit is geen geldige YAML: een tab verstoort het inspringen "
        "(spring in met spaties, niet met tabs)",
        "data/lessons/verhaal.yml:2:1: error: onbekend veld 'datum' (bedoel je 'date'?)",
        f"data/lessons/verhaal.yml:5:8: {level}",
        "data/lessons/verhaal.yml:7:1: error: dit is geen geldige YAML: de ':' na de veldnaam ontbreekt (dit lijkt "
        "meer tekst van het veld erboven: spring zulke regels in met twee spaties, of schrijf '|' na de veldnaam en "
        "spring de tekst eronder in)",
        "5 fout(en), 0 waarschuwing(en)",
    ]


def test_a_lesson_saved_among_the_campaigns_is_told_where_it_belongs(tmp_path: Path) -> None:
    result = _check(tmp_path, {"data/campaigns/ouders-2024.yml": fixture_text(LESSON)})
    assert result.output.splitlines() == [
        "data/campaigns/ouders-2024.yml:1:1: error: dit bestand heeft de velden van een les: het hoort in "
        "data/lessons/",
        "1 fout(en), 0 waarschuwing(en)",
    ]


def test_a_list_with_one_faulty_item_still_has_its_other_items_checked(tmp_path: Path) -> None:
    """One run for a list holding a misspelt id and a title: both are said,
    and a title made into an id gets the record's real id."""
    text = fixture_text(LESSON).replace("campaigns: [linkedin-ict-2024]",
                                        "campaigns: [linkedin-ict-2032, stagiairs-werven-op-hyves, Hyves stage]")
    result = _check(tmp_path, {LESSON: text})
    assert result.output.splitlines() == [
        "data/lessons/weer-gezonden.yml:4:13: error: onbekende campagne 'linkedin-ict-2032' "
        "(bedoel je 'linkedin-ict-2024'?)",
        "data/lessons/weer-gezonden.yml:4:32: error: onbekende campagne 'stagiairs-werven-op-hyves' "
        "(bedoel je 'hyves-stage-2010'?)",
        "data/lessons/weer-gezonden.yml:4:59: error: onbekende campagne 'Hyves stage' (bedoel je 'hyves-stage-2010'?)",
        "3 fout(en), 0 waarschuwing(en)",
    ]


def test_a_markdown_lesson_without_its_closing_line_has_its_fields_checked_too(tmp_path: Path) -> None:
    text = ("---\ntitle: Open verhaal\ndatum: 2024-01-01\nauthor: eva-jansen\nlevel: uitvoering\n"
            "what_happened: Het begon.\nlesson: Sluit af.\n\nHier begint het verhaal.\n")
    result = _check(tmp_path, {"data/lessons/open.md": text})
    assert result.output.splitlines() == [
        "data/lessons/open.md:3:1: error: onbekend veld 'datum' (bedoel je 'date'?)",
        "data/lessons/open.md:5:8: error: 'uitvoering' is niet toegestaan voor 'level' (niveau); kies uit: "
        "foundation (fundament), execution (uitvoering) (in een bestand staat de code: schrijf 'execution')",
        "data/lessons/open.md:8:1: error: de velden bovenaan zijn niet afgesloten: zet een regel '---' na het "
        "laatste veld",
        "3 fout(en), 0 waarschuwing(en)",
    ]


def test_every_problem_in_one_text_is_reported_where_it_stands(tmp_path: Path) -> None:
    """Several addresses, numbers, tags and hidden characters in one text:
    all in one run, each at its own line and column (a block's lines are
    indented in the file)."""
    text = (fixture_text(LESSON)
            .replace("what_happened: Ook op LinkedIn plaatsten we alleen vacatures.",
                     "what_happened: |\n  Eerst <b>vet</b> en dan\n"
                     "  mail naar jan@example.nl of piet@example.nl, of bel 06-12345678.")
            .replace("lesson: Dezelfde fout als in 2010.", 'lesson: "Een \\u0007 bel en \\x01 nog een \\a"'))
    result = _check(tmp_path, {LESSON: text})
    html = "bevat HTML ('{}'); records bevatten alleen gewone Markdown (schrijf \\< en \\> of zet de tekst tussen " \
           "`backticks` om < en > als tekst te tonen)"
    contact = "bevat {}; contactgegevens horen alleen in de velden 'email' en 'phone' van een persoon: noem de " \
              "persoon bij diens id"
    hidden = "hier staat een onzichtbaar stuurteken (U+{}) als escape; haal het weg (het kan veranderen hoe de " \
             "tekst wordt getoond of gelezen)"
    assert result.output.splitlines() == [
        f"{LESSON}:7:9: error: 'what_happened' (wat er gebeurde) " + html.format("<b>"),
        f"{LESSON}:7:15: error: 'what_happened' (wat er gebeurde) " + html.format("</b>"),
        f"{LESSON}:8:13: error: 'what_happened' (wat er gebeurde) " + contact.format("een e-mailadres ('jan@example.nl')"),
        f"{LESSON}:8:31: error: 'what_happened' (wat er gebeurde) " + contact.format("een e-mailadres ('piet@example.nl')"),
        f"{LESSON}:8:55: error: 'what_happened' (wat er gebeurde) " + contact.format("een telefoonnummer ('06-12345678')"),
        f"{LESSON}:9:14: error: " + hidden.format("0007"),
        f"{LESSON}:9:28: error: " + hidden.format("0001"),
        f"{LESSON}:9:41: error: " + hidden.format("0007"),
        "8 fout(en), 0 waarschuwing(en)",
    ]


def test_a_record_with_a_bad_file_name_still_has_all_its_problems_said(tmp_path: Path) -> None:
    text = fixture_text(LESSON).replace("date: 2024-12-01", "date: 15-12-2024").replace("eva-jansen", "eva")
    result = _check(tmp_path, {"data/lessons/Mijn Les!.yml": text, "data/lessons/.verborgen-les.yml": text,
                               "data/lessons/.les.yml.swp": "x", "data/lessons/._les.yml": "x"})
    assert result.output.splitlines() == [
        "data/lessons/.verborgen-les.yml:1:1: warning: dit bestand wordt niet gelezen: een naam die met een punt "
        "begint is verborgen; haal de punt weg als het een record is",
        "data/lessons/Mijn Les!.yml:1:1: error: de bestandsnaam 'Mijn Les!' kan geen id zijn; gebruik kleine "
        "letters, cijfers en losse streepjes, hoogstens 64 tekens, bijvoorbeeld 'hyves-stage-2009'",
        "data/lessons/Mijn Les!.yml:2:7: error: 'date' (datum): '15-12-2024' is geen datum; schrijf hem als "
        "JJJJ-MM-DD, bijvoorbeeld 2012-03-15",
        "data/lessons/Mijn Les!.yml:3:9: error: onbekende persoon 'eva' (bedoel je 'eva-jansen'?)",
        "3 fout(en), 1 waarschuwing(en)",
    ]


def test_a_campaign_or_tag_written_by_its_title_is_answered_with_its_id(tmp_path: Path) -> None:
    text = (fixture_text(LESSON)
            .replace("campaigns: [linkedin-ict-2024]", "campaigns: [ICT'ers benaderen via LinkedIn, Open dag]")
            .replace("status: proposed", "status: proposed\nanswers: [respons]\ntags: [Stage]"))
    result = _check(tmp_path, {LESSON: text})
    assert result.output.splitlines() == [
        f"{LESSON}:4:13: error: onbekende campagne 'ICT'ers benaderen via LinkedIn' "
        "(bedoel je 'linkedin-ict-2024'?)",
        f"{LESSON}:4:45: error: 'Open dag' is niet geldig voor item 2 van 'campaigns' (campagnes); schrijf een "
        "id: kleine letters, cijfers en losse streepjes, bijvoorbeeld 'hyves-stage-2009'",
        f"{LESSON}:11:8: error: onbekende tag 'Stage' (bedoel je 'stage'?)",
        "3 fout(en), 0 waarschuwing(en)",
    ]


def test_a_wrong_field_name_on_a_line_that_is_not_yaml_is_said_in_the_same_run(tmp_path: Path) -> None:
    text = fixture_text(LESSON).replace("title: Opnieuw alleen gezonden", "titel: Let op: opnieuw alleen gezonden")
    result = _check(tmp_path, {LESSON: text})
    assert result.output.splitlines() == [
        f"{LESSON}:1:1: error: onbekend veld 'titel' (bedoel je 'title'?)",
        f"{LESSON}:1:14: error: dit is geen geldige YAML: hier mag geen ':' met een spatie erna staan (een ':' met "
        "een spatie erna begint een nieuw veld; zet tekst met ': ' tussen aanhalingstekens)",
        "2 fout(en), 0 waarschuwing(en)",
    ]


def test_a_campaign_named_twice_is_said_once_and_the_answers_are_not_blamed(tmp_path: Path) -> None:
    text = (fixture_text(LESSON).replace("campaigns: [linkedin-ict-2024]", "campaigns: [linkedin-ict-2024, linkedin-ict-2024]")
            .replace("status: proposed", "status: proposed\nanswers: [respons]"))
    result = _check(tmp_path, {LESSON: text})
    assert result.output.splitlines() == [
        f"{LESSON}:4:32: error: 'campaigns' (campagnes): 'linkedin-ict-2024' staat hier voor de tweede keer; "
        "houd er één",
        "1 fout(en), 0 waarschuwing(en)",
    ]


def test_a_taxonomy_with_mistakes_still_has_the_other_files_checked_against_it(tmp_path: Path) -> None:
    """A faulty term is there (only written wrongly), a section that cannot
    be read holds every id: neither makes a reference to it unknown; a
    reference to nothing the taxonomy has is said in the same run."""
    taxonomy = (fixture_text("data/taxonomy.yml")
                .replace("  hyves:\n    name: Hyves\n", "  Hyves:\n    naam: Hyves\n")
                .replace("tags:\n  stage:\n", "tags:\n\tstage:\n"))
    lesson = fixture_text(LESSON).replace("eva-jansen", "eva").replace("status: proposed",
                                                                        "status: proposed\ntags: [stage]")
    result = _check(tmp_path, {"data/taxonomy.yml": taxonomy, LESSON: lesson})
    assert result.output.splitlines() == [
        "data/lessons/weer-gezonden.yml:3:9: error: onbekende persoon 'eva' (bedoel je 'eva-jansen'?)",
        "data/taxonomy.yml:2:3: error: 'Hyves' is geen geldige id; gebruik een id: kleine letters, cijfers en "
        "losse streepjes, bijvoorbeeld 'hyves-stage-2009'",
        "data/taxonomy.yml:3:5: error: 'name' (naam) ontbreekt (naam zoals het Nederlandse handboek hem toont "
        "(hoogstens 80 tekens))",
        "data/taxonomy.yml:3:5: error: onbekend veld 'naam' (bedoel je 'name'?)",
        "data/taxonomy.yml:24:1: error: dit is geen geldige YAML: met dit teken kan geen waarde beginnen (spring "
        "in met spaties, niet met tabs)",
        "5 fout(en), 0 waarschuwing(en)",
    ]


def test_every_mistake_in_one_list_is_said_in_one_run(tmp_path: Path) -> None:
    text = fixture_text(LESSON).replace("status: proposed",
                                        "status: proposed\ntags: [Stage, stage, stage, stages, rendement, rendement]")
    result = _check(tmp_path, {LESSON: text})
    assert result.output.splitlines() == [
        f"{LESSON}:10:8: error: onbekende tag 'Stage' (bedoel je 'stage'?)",
        f"{LESSON}:10:22: error: 'tags' (tags): 'stage' staat hier voor de tweede keer; houd er één",
        f"{LESSON}:10:29: error: onbekende tag 'stages' (bedoel je 'stage'?)",
        f"{LESSON}:10:37: error: onbekende tag 'rendement'",
        f"{LESSON}:10:48: error: 'tags' (tags): 'rendement' staat hier voor de tweede keer; houd er één",
        "5 fout(en), 0 waarschuwing(en)",
    ]


def test_an_invisible_character_in_a_file_hides_none_of_its_other_problems(tmp_path: Path) -> None:
    text = (fixture_text(LESSON).replace("title: Opnieuw alleen", "title: Opnieuw\x07alleen")
            .replace("Ook op LinkedIn", "Ook op Linked\u200bIn").replace("date: 2024-12-01", "datum: 2024-12-01"))
    result = _check(tmp_path, {LESSON: text})
    assert result.output.splitlines() == [
        f"{LESSON}:1:15: " + HIDDEN.format("stuurteken (U+0007)"),
        f"{LESSON}:2:1: error: onbekend veld 'datum' (bedoel je 'date'?)",
        f"{LESSON}:6:29: " + HIDDEN.format("teken (U+200B ZERO WIDTH SPACE)"),
        "3 fout(en), 0 waarschuwing(en)",
    ]


@pytest.mark.parametrize(("char", "said"), [
    ("\u00ad", "teken (U+00AD SOFT HYPHEN)"),
    ("\u034f", "teken (U+034F COMBINING GRAPHEME JOINER)"),
    ("\u200b", "teken (U+200B ZERO WIDTH SPACE)"),
    ("\u200c", "teken (U+200C ZERO WIDTH NON-JOINER)"),
    ("\u200d", "teken (U+200D ZERO WIDTH JOINER)"),
    ("\u2061", "teken (U+2061 FUNCTION APPLICATION)"),
    ("\u2065", "teken (U+2065)"),
    ("\u180e", "teken (U+180E MONGOLIAN VOWEL SEPARATOR)"),
    ("\u3164", "teken (U+3164 HANGUL FILLER)"),
    ("\ufeff", "teken (U+FEFF ZERO WIDTH NO-BREAK SPACE)"),
    ("\U000e0041", "teken (U+E0041 TAG LATIN CAPITAL LETTER A)"),
    ("\U000e0100", "teken (U+E0100 VARIATION SELECTOR-17)"),
    ("\u200e", "stuurteken (U+200E LEFT-TO-RIGHT MARK)"),
    ("\u061c", "stuurteken (U+061C ARABIC LETTER MARK)"),
    ("\u202e", "stuurteken (U+202E RIGHT-TO-LEFT OVERRIDE)"),
    ("\u2066", "stuurteken (U+2066 LEFT-TO-RIGHT ISOLATE)"),
    ("\x07", "stuurteken (U+0007)"),
])
def test_every_invisible_character_is_said_with_its_name(tmp_path: Path, char: str, said: str) -> None:
    result = _check(tmp_path, {LESSON: fixture_text(LESSON).replace("Ook op LinkedIn", f"Ook op Linked{char}In")})
    assert result.output.splitlines() == [f"{LESSON}:6:29: " + HIDDEN.format(said), "1 fout(en), 0 waarschuwing(en)"]


def test_an_invisible_character_is_said_wherever_an_author_writes_text(tmp_path: Path) -> None:
    """In a value, a field name and a comment of a record, in the fields and
    the story of a Markdown record, in the taxonomy and in a page written by
    hand; not in the pages the handbook writes itself (handbook/records/)."""
    story = "data/lessons/luister-en-reageer.md"
    files = {
        LESSON: "# Een op\u00admerking\n" + fixture_text(LESSON).replace("Ook op LinkedIn", "Ook op Linked\u200cIn")
        .replace("status: proposed", "status: proposed\nta\u2060gs: [stage]"),
        story: fixture_text(story).replace("Luisteren werkt", "Luisteren\u200d werkt")
        .replace("Het verhaal", "Het \u2066verhaal"),
        "data/taxonomy.yml": fixture_text("data/taxonomy.yml").replace("Nederlands sociaal", "Neder\u00adlands sociaal"),
        "handbook/werkwijze.md": "# Werkwijze\n\nBel ons ge\u00adrust.\n",
        "handbook/records/lessons/oud.md": "# Oud\n\nGe\u00adschreven door het handboek.\n",
    }
    result = _check(tmp_path, files)
    assert result.output.splitlines() == [
        f"{story}:9:18: " + HIDDEN.format("teken (U+200D ZERO WIDTH JOINER)"),
        f"{story}:15:5: " + HIDDEN.format("stuurteken (U+2066 LEFT-TO-RIGHT ISOLATE)"),
        f"{LESSON}:1:9: " + HIDDEN.format("teken (U+00AD SOFT HYPHEN)"),
        f"{LESSON}:7:29: " + HIDDEN.format("teken (U+200C ZERO WIDTH NON-JOINER)"),
        f"{LESSON}:11:1: error: onbekend veld 'ta\\u2060gs' (bedoel je 'tags'?)",  # shown, not hidden
        f"{LESSON}:11:3: " + HIDDEN.format("teken (U+2060 WORD JOINER)"),
        "data/taxonomy.yml:4:23: " + HIDDEN.format("teken (U+00AD SOFT HYPHEN)"),
        "handbook/werkwijze.md:3:11: " + HIDDEN.format("teken (U+00AD SOFT HYPHEN)"),
        "8 fout(en), 0 waarschuwing(en)",
    ]


# Emoji drawn from several characters: a woman at a computer (with a skin
# tone too), a red heart, a rainbow flag, a heart on fire, a woman running,
# a keycap 1, a victory hand as text, the flag of Scotland, a pirate flag.
EMOJI = ("Team \U0001f469\u200d\U0001f4bb \u2764\ufe0f \U0001f3f3\ufe0f\u200d\U0001f308 "
         "\U0001f469\U0001f3fd\u200d\U0001f4bb \u2764\ufe0f\u200d\U0001f525 \U0001f3c3\u200d\u2640\ufe0f 1\ufe0f\u20e3 "
         "\u270c\ufe0e \U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f "
         "\U0001f3f4\u200d\u2620\ufe0f")


def test_emoji_drawn_from_several_characters_are_not_invisible_characters(tmp_path: Path) -> None:
    files = {LESSON: fixture_text(LESSON).replace("Ook op LinkedIn", f"Ook op LinkedIn {EMOJI}"),
             "handbook/werkwijze.md": f"# Werkwijze\n\n{EMOJI}\n"}
    result = _check(tmp_path, files)
    assert result.output.splitlines() == ["Alles in orde: 10 records"]


def test_an_address_and_a_number_split_by_invisible_characters_are_said_with_them(tmp_path: Path) -> None:
    """Both the hidden character and the contact detail, each where it
    stands, also in text over several lines (which YAML joins)."""
    text = fixture_text(LESSON).replace(
        "lesson: Dezelfde fout als in 2010.",
        "lesson: >\n  Dezelfde fout als in 2010.\n  Mail jan\u00ad.smit@example.nl\n  of bel 06\u200c/1234 5678.")
    result = _check(tmp_path, {LESSON: text})
    contact = ("error: 'lesson' (les) bevat {}; contactgegevens horen alleen in de velden 'email' en 'phone' van een "
               "persoon: noem de persoon bij diens id")
    assert result.output.splitlines() == [
        f"{LESSON}:9:8: " + contact.format("een e-mailadres ('jan.smit@example.nl')"),
        f"{LESSON}:9:11: " + HIDDEN.format("teken (U+00AD SOFT HYPHEN)"),
        f"{LESSON}:10:10: " + contact.format("een telefoonnummer ('06/1234 5678')"),
        f"{LESSON}:10:12: " + HIDDEN.format("teken (U+200C ZERO WIDTH NON-JOINER)"),
        "4 fout(en), 0 waarschuwing(en)",
    ]


def test_a_place_in_text_over_several_lines_is_found_in_the_file(tmp_path: Path) -> None:
    """Plain text over several lines, a folded block with an empty line, a
    quoted text over two lines, a literal block with an indentation
    indicator: each address and tag at its own line and column."""
    text = (fixture_text(LESSON)
            .replace("what_happened: Ook op LinkedIn plaatsten we alleen vacatures.",
                     "what_happened: Ook op LinkedIn\n  via a@b.nl en\n  ook c@d.nl en <b>vet</b>")
            .replace("lesson: Dezelfde fout als in 2010.",
                     'lesson: >\n  Gevouwen\n\n  leeg en e@f.nl en g@h.nl\nrecommendation: "Lang\n  met k@l.nl"\n'
                     "evidence:\n  - |2\n      Ingesprongen m@n.nl"))
    result = _check(tmp_path, {LESSON: text})
    contact = "bevat een e-mailadres ('{}'); contactgegevens horen alleen in de velden 'email' en 'phone' van een " \
              "persoon: noem de persoon bij diens id"
    html = "bevat HTML ('{}'); records bevatten alleen gewone Markdown (schrijf \\< en \\> of zet de tekst tussen " \
           "`backticks` om < en > als tekst te tonen)"
    assert result.output.splitlines() == [
        f"{LESSON}:7:7: error: 'what_happened' (wat er gebeurde) " + contact.format("a@b.nl"),
        f"{LESSON}:8:7: error: 'what_happened' (wat er gebeurde) " + contact.format("c@d.nl"),
        f"{LESSON}:8:17: error: 'what_happened' (wat er gebeurde) " + html.format("<b>"),
        f"{LESSON}:8:23: error: 'what_happened' (wat er gebeurde) " + html.format("</b>"),
        f"{LESSON}:12:11: error: 'lesson' (les) " + contact.format("e@f.nl"),
        f"{LESSON}:12:21: error: 'lesson' (les) " + contact.format("g@h.nl"),
        f"{LESSON}:14:7: error: 'recommendation' (aanbeveling) " + contact.format("k@l.nl"),
        f"{LESSON}:17:20: error: 'evidence' (onderbouwing) " + contact.format("m@n.nl"),
        "8 fout(en), 0 waarschuwing(en)",
    ]


def test_a_message_names_the_mistake_made_and_nothing_that_follows_from_it(tmp_path: Path) -> None:
    """A negative amount is below zero (not 'no amount'); an alias or a
    tag is said once, not also as an empty value or a list; a person is not
    offered as their own successor; an address in a tag's description is
    blamed on the description."""
    person = fixture_text("data/people/eva-jansen.yml") + "left: 2024-01-01\nsuccessor: eva-jansen-2\n"
    campaign = fixture_text("data/campaigns/linkedin-ict-2024.yml").replace(
        "audience: Ervaren ontwikkelaars", "audience: Ervaren ontwikkelaars\nbudget: -5")
    lesson = (fixture_text(LESSON).replace("title: Opnieuw alleen gezonden", "title: &t Opnieuw alleen gezonden")
              .replace("lesson: Dezelfde fout als in 2010.", "lesson: *t")
              .replace("author: eva-jansen", "author: !!python/object/apply:os.system [ls]"))
    taxonomy = fixture_text("data/taxonomy.yml").replace("    name_en: Internship",
                                                         "    name_en: Internship\n    description: Mail a@b.nl")
    result = _check(tmp_path, {"data/people/eva-jansen.yml": person, "data/campaigns/linkedin-ict-2024.yml": campaign,
                               LESSON: lesson, "data/taxonomy.yml": taxonomy})
    assert result.output.splitlines() == [
        "data/campaigns/linkedin-ict-2024.yml:13:9: error: 'budget' (budget): '-5' is kleiner dan nul; schrijf 0 of meer",
        "data/lessons/weer-gezonden.yml:1:8: error: '&t' markeert een deel van het bestand om te herhalen (een "
        "YAML-anker); haal het weg",
        "data/lessons/weer-gezonden.yml:3:9: error: '!!python/object/apply:os.system' is een YAML-typelabel; records "
        "bevatten alleen gewone waarden, haal het weg",
        "data/lessons/weer-gezonden.yml:7:9: error: '*t' herhaalt een ander deel van het bestand (een YAML-alias); "
        "schrijf de waarde voluit",
        "data/people/eva-jansen.yml:6:12: error: onbekende persoon 'eva-jansen-2'",
        "data/people/tom-bakker.yml:5:12: warning: opvolger 'eva-jansen' is ook weg; noem wie de kennis nu heeft",
        "data/taxonomy.yml:27:23: error: 'description' (beschrijving) bevat een e-mailadres ('a@b.nl'); "
        "contactgegevens horen alleen in de velden 'email' en 'phone' van een persoon: noem de persoon bij diens id",
        "6 fout(en), 1 waarschuwing(en)",
    ]


def test_a_record_with_a_wrong_required_value_is_still_checked_with_and_by_the_others(tmp_path: Path) -> None:
    """A campaign whose status is not allowed still has its goals checked,
    and the lessons from it are checked against it; a person whose role is
    missing still has the dates and the successor checked: in one run."""
    campaign = (fixture_text("data/campaigns/linkedin-ict-2024.yml").replace("status: running", "status: lopend")
                .replace("  - id: respons\n", "  - id: respons\n    question: Twee keer?\n  - id: respons\n"))
    lesson = (fixture_text(LESSON).replace("date: 2024-12-01", "date: 2024-01-01").replace("level: execution", "level: x")
              .replace("status: proposed", "status: proposed\nanswers: [ouderz]"))
    person = (fixture_text("data/people/eva-jansen.yml").replace("role: recruiter", "functie: recruiter")
              + "joined: 2020-01-01\nleft: 2019-01-01\nsuccessor: eva-jansen\n")
    result = _check(tmp_path, {"data/campaigns/linkedin-ict-2024.yml": campaign, LESSON: lesson,
                               "data/people/eva-jansen.yml": person})
    assert result.output.splitlines() == [
        "data/campaigns/linkedin-ict-2024.yml:3:9: error: 'lopend' is niet toegestaan voor 'status' (status); kies "
        "uit: planned (gepland), running (loopt), finished (afgerond), stopped (gestopt)",
        "data/campaigns/linkedin-ict-2024.yml:19:9: error: leerdoel-id 'respons' komt twee keer voor in deze campagne",
        f"{LESSON}:4:13: error: campagne 'linkedin-ict-2024' begint op 2024-09-01, na de datum van deze les "
        "(2024-01-01); een les komt uit een campagne die ervoor liep",
        f"{LESSON}:5:8: error: 'x' is niet toegestaan voor 'level' (niveau); kies uit: foundation (fundament), "
        "execution (uitvoering)",
        f"{LESSON}:10:11: error: onbekend leerdoel 'ouderz'; de leerdoelen van de campagnes van deze les zijn: respons",
        "data/people/eva-jansen.yml:1:1: error: 'role' (rol) ontbreekt (functie, bijvoorbeeld 'recruiter' of "
        "'arbeidsmarktcommunicatie')",
        "data/people/eva-jansen.yml:2:1: error: onbekend veld 'functie'",
        "data/people/eva-jansen.yml:6:7: error: 'left' (uit dienst op) ligt vóór 'joined' (in dienst sinds)",
        "data/people/eva-jansen.yml:7:12: error: iemand kan niet zijn eigen opvolger zijn",
        "data/people/tom-bakker.yml:5:12: warning: opvolger 'eva-jansen' is ook weg; noem wie de kennis nu heeft",
        "9 fout(en), 1 waarschuwing(en)",
    ]


def test_a_field_written_by_its_dutch_name_has_its_value_checked_in_the_same_run(tmp_path: Path) -> None:
    text = (fixture_text(LESSON).replace("date: 2024-12-01", "datum: 15-12-2024")
            .replace("author: eva-jansen", "auteur: Eva"))
    result = _check(tmp_path, {LESSON: text})
    assert result.output.splitlines() == [
        f"{LESSON}:2:1: error: onbekend veld 'datum' (bedoel je 'date'?)",
        f"{LESSON}:2:8: error: 'date' (datum): '15-12-2024' is geen datum; schrijf hem als JJJJ-MM-DD, bijvoorbeeld "
        "2012-03-15",
        f"{LESSON}:3:1: error: onbekend veld 'auteur' (bedoel je 'author'?)",
        f"{LESSON}:3:9: error: onbekende persoon 'Eva' (bedoel je 'eva-jansen'?)",
        "4 fout(en), 0 waarschuwing(en)",
    ]


@pytest.mark.parametrize(("title", "where", "said"), [
    ('"Map C:\\Users\\eva"', "1:17", "na deze \\ hoort een tekencode; een \\ in tekst tussen dubbele aanhalingstekens "
                                     "begint een escape (schrijf \\\\, of gebruik enkele aanhalingstekens)"),
    ("[opnieuw, alleen", "1:8", "een lijst tussen [ ] wordt niet gesloten (mist er een ']' of een ','?)"),
    ("{opnieuw: alleen", "1:8", "een groep tussen { } wordt niet gesloten (mist er een '}' of een ','?)"),
])
def test_a_yaml_mistake_is_said_in_dutch_where_it_is(tmp_path: Path, title: str, where: str, said: str) -> None:
    text = fixture_text(LESSON).replace("title: Opnieuw alleen gezonden", f"title: {title}")
    result = _check(tmp_path, {LESSON: text})
    assert result.output.splitlines() == [f"{LESSON}:{where}: error: dit is geen geldige YAML: {said}",
                                          "1 fout(en), 0 waarschuwing(en)"]


def test_a_wrong_date_inside_a_period_is_said_once_and_the_campaign_still_checked(tmp_path: Path) -> None:
    campaign = (fixture_text("data/campaigns/linkedin-ict-2024.yml").replace("  start: 2024-09-01", "  start: 01-09-2024")
                .replace("owner: eva-jansen\nknowledge_owner", "owner: eva\nknowledge_owner"))
    result = _check(tmp_path, {"data/campaigns/linkedin-ict-2024.yml": campaign})
    assert result.output.splitlines() == [
        "data/campaigns/linkedin-ict-2024.yml:5:10: error: 'start' (begin): '01-09-2024' is geen datum; schrijf hem "
        "als JJJJ-MM-DD, bijvoorbeeld 2012-03-15",
        "data/campaigns/linkedin-ict-2024.yml:6:8: error: onbekende persoon 'eva' (bedoel je 'eva-jansen'?)",
        "2 fout(en), 0 waarschuwing(en)",
    ]


def test_a_field_of_a_group_written_at_the_top_is_pointed_to_its_group(tmp_path: Path) -> None:
    text = fixture_text(LESSON) + "kanalen: [social]\n"
    result = _check(tmp_path, {LESSON: text})
    assert result.output.splitlines() == [
        f"{LESSON}:10:1: error: onbekend veld 'kanalen' (bedoel je 'channels' onder 'applies_to:'?)",
        "1 fout(en), 0 waarschuwing(en)",
    ]


def test_a_list_of_groups_written_as_one_line_is_shown_its_fields(tmp_path: Path) -> None:
    campaign = fixture_text("data/campaigns/linkedin-ict-2024.yml").replace(
        "learning_goals:\n  - id: respons\n    question: Hoeveel benaderde ontwikkelaars reageren?\n",
        "learning_goals: Reageren ontwikkelaars?\n")
    result = _check(tmp_path, {"data/campaigns/linkedin-ict-2024.yml": campaign})
    assert result.output.splitlines()[0] == (
        "data/campaigns/linkedin-ict-2024.yml:16:17: error: 'learning_goals' (leerdoelen) moet een lijst zijn, met "
        "elk item op een eigen regel die begint met '- ' (elk item is een groep velden, onder elkaar: - id: … / "
        "question: …)")


def test_a_list_whose_one_item_is_faulty_is_not_also_called_empty(tmp_path: Path) -> None:
    campaign = fixture_text("data/campaigns/linkedin-ict-2024.yml").replace("channels: [social]",
                                                                            "channels: [social media]")
    result = _check(tmp_path, {"data/campaigns/linkedin-ict-2024.yml": campaign})
    assert result.output.splitlines() == [
        "data/campaigns/linkedin-ict-2024.yml:11:12: error: onbekend kanaal 'social media' (bedoel je 'social'?)",
        "1 fout(en), 0 waarschuwing(en)",
    ]
