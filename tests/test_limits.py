"""Extreme values, costly small inputs, CI logs, odd files, scaffolding,
permissions and personal data: no traceback, no hang, nothing leaked."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import BuildFailed, generate_pages
from generator.cli import main
from generator.words.problems import Problems
from generator.records.safety import _find_emails, find_contacts
from generator.records.load import load_catalog

from .conftest import FIXTURE_EPOCH, ROOT, TODAY, copy_project
from .helpers import edit, fixture_text, make_project, in_english

LESSON = "data/lessons/weer-gezonden.yml"
GUIDELINE = "data/platforms/linkedin.yml"
CAMPAIGN = "data/campaigns/linkedin-ict-2024.yml"


def invoke(*args: str, env: dict[str, str | None] | None = None):
    return CliRunner().invoke(main, in_english(list(args)), env={"SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "GITHUB_ACTIONS": None,
                                                     **(env or {})})


def errors_of(project: Path) -> list[str]:
    problems = Problems()
    load_catalog(project, problems, TODAY)
    return [str(p) for p in problems.sorted()]


# --- bounded values --------------------------------------------------------------------

BOUNDS = [
    (edit(GUIDELINE, "review_every_months: 12", "review_every_months: 99999999"),
     "data/platforms/linkedin.yml:12:22: error: 'review_every_months' is too large: at most 120"),
    (edit(GUIDELINE, "review_every_months: 12", "review_every_months: 0"),
     "data/platforms/linkedin.yml:12:22: error: 'review_every_months' is too small: at least 1"),
    (edit(GUIDELINE, "webcare_hours: 24", "webcare_hours: 100000"),
     "data/platforms/linkedin.yml:8:16: error: 'webcare_hours' is too large: at most 720"),
    (edit(GUIDELINE, "reviewed: 2020-01-15", "reviewed: 9999-12-31"),
     "data/platforms/linkedin.yml:11:11: error: 'reviewed': '9999-12-31' is not a date the handbook can use; "
     "write a year from 1990 to 2100"),
    (edit(LESSON, "date: 2024-12-01", "date: 0001-01-01"),
     "data/lessons/weer-gezonden.yml:2:7: error: 'date': '0001-01-01' is not a date the handbook can use; "
     "write a year from 1990 to 2100"),
    (edit(CAMPAIGN, "  start: 2024-09-01", "  start: 2024-09-01\n  end: 2101-01-01"),
     "data/campaigns/linkedin-ict-2024.yml:6:8: error: 'end': '2101-01-01' is not a date the handbook can use; "
     "write a year from 1990 to 2100"),
    (edit(CAMPAIGN, "learning_goals:", "results:\n  - channel: social\n    reach: 99999999999\n"
                                       "    cost: 999999999999.99\nlearning_goals:"),
     "data/campaigns/linkedin-ict-2024.yml:18:12: error: 'reach' is too large: at most 1,000,000,000"),
]


@pytest.mark.parametrize(("files", "message"), BOUNDS, ids=[f"bound-{n}" for n in range(len(BOUNDS))])
def test_a_value_out_of_its_range_is_a_located_error(tmp_path: Path, files: dict, message: str) -> None:
    assert message in errors_of(make_project(tmp_path, files))


@pytest.mark.parametrize(("value", "shown"), [("99999999999999", "'99999999999999'"), ("١٢٣٤", "'١٢٣٤'"),
                                               ("-1", "'-1'"), ("1e9", "'1e9'"), ("0", "'0'")])
def test_a_wrong_source_date_epoch_is_one_clear_message(project: Path, value: str, shown: str) -> None:
    message = (f"SOURCE_DATE_EPOCH is {shown}; it must be the build moment in whole seconds since 1970-01-01 UTC "
               "(digits only, for example 1793491200), from 1990 to 2100")
    for command in ("check", "report", "build"):
        result = invoke(command, "--project", str(project), env={"SOURCE_DATE_EPOCH": value})
        assert result.exit_code in (1, 2), command
        assert message in result.output, command
        assert "Traceback" not in result.output


# --- cost linear in the input -----------------------------------------------------------


def test_the_largest_adversarial_text_is_checked_and_rendered(project: Path) -> None:
    """The largest Markdown a field may hold, made of what parsers find hardest:
    it is checked and rendered, and the page shows it as text (the figures are
    in `make bench`)."""
    body = "[" * 60_000 + "![" * 20_000
    (project / "data/lessons/weer-gezonden.md").write_text(
        "---\n" + fixture_text(LESSON) + "---\n" + body + "\n", "utf-8")
    (project / LESSON).unlink()
    generate_pages(project)
    page = (project / "handbook/records/lessons/weer-gezonden.md").read_text("utf-8")
    assert "[" * 1000 in page


# A field of 100,000 characters holding a link 20,000 times: each is looked
# for where the field's text stands in the file, written as a literal
# block on one line, or folded over 200 lines (whose lines YAML joins).
LINKS_IN_ONE_FIELD = {
    "literal": ("lesson: |-\n  " + "[](#)" * 20_000 + "\n", [(8, 6 + 5 * n) for n in range(20_000)]),
    "folded": ("lesson: >-\n" + "".join("  " + "[](#)" * 100 + "\n" for _ in range(200)),
               [(8 + n // 100, 6 + 5 * (n % 100)) for n in range(20_000)]),
}


@pytest.mark.parametrize("form", LINKS_IN_ONE_FIELD)
def test_twenty_thousand_links_in_one_field_are_found_in_one_search_each_at_its_place(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, form: str) -> None:
    """Every link of the field at its own line and column, and the text
    searched once for all of them (not once per link: that took minutes)."""
    from generator.records import safety
    from generator.records.read import read_document
    from generator.records.models import Lesson

    field, places = LINKS_IN_ONE_FIELD[form]
    project = make_project(tmp_path, edit(LESSON, "lesson: Dezelfde fout als in 2010.\n", field))
    searches: list[tuple[int, set[str]]] = []
    search = safety._occurrences

    def counted(text: str, needles: set[str], start: int = 0) -> dict[str, list[int]]:
        searches.append((len(text), set(needles)))
        return search(text, needles, start)

    monkeypatch.setattr(safety, "_occurrences", counted)
    problems, addresses = Problems(), []
    doc = read_document(project / LESSON, LESSON, problems)
    safety.check_record_text(doc, Lesson, True, problems, addresses)
    assert [str(problem) for problem in problems.items] == []
    assert [(address.line, address.col, address.url) for address in addresses] == [
        (line, col, "#") for line, col in places]
    assert [needles for _, needles in searches] == [{"#"}]


def test_many_links_to_one_address_written_once_are_each_said(tmp_path: Path) -> None:
    """Twenty links by one reference, its address written once: the first
    is said where the address stands, the others where their block starts."""
    text = "lesson: |\n  " + "[a][r] " * 20 + "\n\n  [r]: javascript:x\n"
    project = make_project(tmp_path, edit(LESSON, "lesson: Dezelfde fout als in 2010.\n", text))
    problems = Problems()
    load_catalog(project, problems, TODAY)
    scheme = ("error: 'lesson' has a link to a 'javascript:' address; only http, https and mailto addresses or "
              "links within the handbook are allowed")
    assert [str(problem) for problem in problems.items] == [f"{LESSON}:10:8: {scheme}"] + [f"{LESSON}:8:3: {scheme}"] * 19


@pytest.mark.parametrize(("target", "said"), [("../lessons/luister-eerst.md#", "All is well: 10 records"),
                                              ("javascript:", "2 error(s), 0 warning(s)")])
def test_one_long_address_used_by_thousands_of_links_is_read_about_once(
        project: Path, monkeypatch: pytest.MonkeyPatch, target: str, said: str) -> None:
    """7,000 links by one reference to an address of 50,000 characters (to
    a page of the handbook, or refused) are checked and said reading that
    address about once, not once per link (100 KB took half a minute).
    Refused, they are said on two lines (where the address stands, and
    where the links' block starts), and counted as the two printed."""
    import html
    from urllib.parse import unquote

    from generator.project import addresses as markup
    from generator.records import load as validate
    from generator.cli import main as handbook

    text = "[a][r] " * 7_000 + "\n\n[r]: " + target + "a" * 50_000
    (project / LESSON).write_text(fixture_text(LESSON).replace(
        "lesson: Dezelfde fout als in 2010.\n", "lesson: |-\n" + "".join(f"  {line}\n" for line in text.split("\n"))))
    read: list[int] = []
    unescape, control_or_space = html.unescape, markup._CONTROL_OR_SPACE

    def counted_unescape(text: str) -> str:
        read.append(len(text))
        return unescape(text)

    def counted_unquote(text: str, *args: object, **kwargs: object) -> str:
        read.append(len(text))
        return unquote(text, *args, **kwargs)

    class CountedPattern:
        def sub(self, replacement: str, text: str) -> str:
            read.append(len(text))
            return control_or_space.sub(replacement, text)

    monkeypatch.setattr(html, "unescape", counted_unescape)
    monkeypatch.setattr(validate, "unquote", counted_unquote)
    monkeypatch.setattr(markup, "_CONTROL_OR_SPACE", CountedPattern())
    result = CliRunner().invoke(handbook, ["check", "--language", "en", "--project", str(project)],
                                env={"SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "GITHUB_ACTIONS": None})
    assert result.output.splitlines()[-1] == said
    assert sum(read) < 20 * len(text)


def test_every_one_of_twenty_thousand_findings_in_one_field_is_reported_at_its_place(tmp_path: Path) -> None:
    """The report says each of them (no cap per field), top to bottom."""
    body = "".join("<b>" * 100 + "\n" for _ in range(200))
    lesson = fixture_text(LESSON).replace("lesson: Dezelfde fout als in 2010.\n", "lesson: Kort.\n")
    project = make_project(tmp_path, {LESSON: None, "data/lessons/weer-gezonden.md": f"---\n{lesson}---\n{body}"})
    result = invoke("check", "--project", str(project))
    html = ("error: 'body' contains HTML ('<b>'); records hold plain Markdown only (to show < and > as text, "
            "write \\< and \\> or put the text in `backticks`)")
    assert result.output.splitlines() == [
        f"data/lessons/weer-gezonden.md:{12 + n // 100}:{1 + 3 * (n % 100)}: {html}" for n in range(20_000)
    ] + ["20000 error(s), 0 warning(s)"]


@pytest.mark.parametrize("text", ["a" * 100_000 + "@", "a@" * 50_000, "x" * 1000 + "@" + "b." * 49_000])
def test_the_address_search_finds_nothing_in_long_text_without_one(text: str) -> None:
    assert list(_find_emails(text)) == []
    assert [m.group(0) for m in _find_emails(text + " kees@example.com")] == ["kees@example.com"]


def test_a_text_full_of_addresses_gets_a_bounded_number_reported() -> None:
    text = "jan@example.nl 06-12345678 " * 50_000
    found = find_contacts(text)
    assert len(found) == 20
    assert [what for what, _ in found[:2]] == ["an_email_address", "a_phone_number"]


def test_a_long_chain_of_recurring_lessons_and_one_loop(tmp_path: Path) -> None:
    files: dict[str, str | None] = {}
    for number in range(1500):
        text = fixture_text(LESSON).replace("recurs: luister-eerst", f"recurs: keten-{number - 1}" if number else "")
        files[f"data/lessons/keten-{number}.yml"] = text.replace("Opnieuw alleen gezonden", f"Keten {number}")
    files["data/lessons/lus-a.yml"] = fixture_text(LESSON).replace("recurs: luister-eerst", "recurs: lus-b")
    files["data/lessons/lus-b.yml"] = fixture_text(LESSON).replace("recurs: luister-eerst", "recurs: lus-a")
    found = errors_of(make_project(tmp_path, files))
    assert found == ["data/lessons/lus-a.yml:8:9: error: lessons repeat each other in a circle: lus-a → lus-b → lus-a"]


def test_one_suggestion_per_distinct_unknown_value(tmp_path: Path) -> None:
    files = {f"data/lessons/les-{n}.yml": fixture_text(LESSON).replace("author: eva-jansen", "author: eva-janssen")
             for n in range(300)}
    found = errors_of(make_project(tmp_path, files))
    assert len(found) == 300
    assert found[0] == "data/lessons/les-0.yml:3:9: error: unknown person 'eva-janssen' (did you mean 'eva-jansen'?)"


# --- output that cannot be forged ----------------------------------------------------------


def test_record_text_never_starts_a_line_of_output(tmp_path: Path) -> None:
    project = make_project(tmp_path, {
        LESSON: fixture_text(LESSON) + '"titel\\n::error file=x.py,line=1::vals\\r\\n::stop-commands::tok": x\n',
    })
    result = invoke("check", "--project", str(project), env={"GITHUB_ACTIONS": "true"})
    lines = result.stdout.splitlines()
    assert lines == [
        "data/lessons/weer-gezonden.yml:10:1: error: unknown field 'titel\\n::error file=x.py,line=1::vals\\r\\n"
        "::stop-commands::tok'",
        "::error file=data/lessons/weer-gezonden.yml,line=10,col=1::unknown field 'titel%0A::error file=x.py,"
        "line=1::vals%0D%0A::stop-commands::tok'",
        "1 error(s), 0 warning(s)",
    ]


# --- files --------------------------------------------------------------------------------


def test_a_pipe_in_data_is_a_located_error_not_a_hang(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    os.mkfifo(project / "data" / "lessons" / "wacht.yml")
    result = subprocess.run([sys.executable, "-m", "generator", "check", "--language", "en", "--project", str(project)],
                            capture_output=True, text=True, timeout=60,
                            env={**os.environ, "SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == ("data/lessons/wacht.yml:1:1: error: this is not a plain file "
                                             "(a pipe, socket or device); records are plain files")


@pytest.mark.parametrize(("escape", "what"), [
    ("\\x80", "control character (U+0080)"),
    ("\\u202e", "control character (U+202E RIGHT-TO-LEFT OVERRIDE)"),
    ("\\0", "control character (U+0000)"),
    ("\\uffff", "character (U+FFFF)"),
    ("\\u00ad", "character (U+00AD SOFT HYPHEN)"),
    ("\\U000E0041", "character (U+E0041 TAG LATIN CAPITAL LETTER A)"),
])
def test_a_control_character_written_as_an_escape_is_located(tmp_path: Path, escape: str, what: str) -> None:
    project = make_project(tmp_path, edit(LESSON, "title: Opnieuw alleen gezonden",
                                          f'title: "Opnieuw{escape} alleen gezonden"'))
    assert errors_of(project) == [
        f"data/lessons/weer-gezonden.yml:1:16: error: an invisible {what} is written here as "
        "an escape; remove it (it can change how the text is shown or read)"]


@pytest.mark.parametrize(("title", "said"), [
    ('"Opnieuw\u00ad alleen"', [(16, "is here")]),
    ('"Op\\u00adnieuw\u00ad alleen"', [(11, "is written here as an escape"), (22, "is here")]),
])
def test_an_invisible_character_in_quotes_is_said_once(tmp_path: Path, title: str, said: list) -> None:
    """As it stands in the file, and not again as if it were an escape."""
    project = make_project(tmp_path, edit(LESSON, "title: Opnieuw alleen gezonden", f"title: {title}"))
    assert errors_of(project) == [
        f"data/lessons/weer-gezonden.yml:1:{col}: error: an invisible character (U+00AD SOFT HYPHEN) {where}; "
        "remove it (it can change how the text is shown or read)" for col, where in said]


def test_an_emoji_written_with_escapes_is_no_invisible_character(tmp_path: Path) -> None:
    project = make_project(tmp_path, edit(LESSON, "title: Opnieuw alleen gezonden",
                                          'title: "Opnieuw \\U0001F469\\u200D\\U0001F4BB \\u2764\\uFE0F"'))
    assert errors_of(project) == []


def test_a_date_and_a_time_are_not_a_phone_number(tmp_path: Path) -> None:
    project = make_project(tmp_path, edit(LESSON, "Dezelfde fout als in 2010.",
                                          "Dezelfde fout als in 2010, gezien op 05-03-2024 09:00."))
    assert errors_of(project) == []


def test_lists_nested_too_deeply_to_be_shown_are_reported(tmp_path: Path) -> None:
    nested = "".join("  " * depth + f"- stap {depth}\n" for depth in range(12))
    text = "lesson: |\n" + "".join("  " + line + "\n" for line in nested.splitlines()) + "  \n  BELANGRIJK\n"
    project = make_project(tmp_path, {LESSON: fixture_text(LESSON).replace("lesson: Dezelfde fout als in 2010.\n", text)})
    assert errors_of(project) == [
        "data/lessons/weer-gezonden.yml:16:1: error: 'lesson' has lists or quotes inside each other too deeply "
        "(about 9 levels and more); the handbook would leave the deepest part out, so make it flatter"]


def test_a_taxonomy_name_is_short(tmp_path: Path) -> None:
    project = make_project(tmp_path, edit("data/taxonomy.yml", "name: Hyves", "name: " + "H" * 81))
    assert errors_of(project) == ["data/taxonomy.yml:3:11: error: 'name' is too long: at most 80 characters"]


def test_a_control_character_is_one_located_line(tmp_path: Path) -> None:
    project = make_project(tmp_path, edit(LESSON, "Dezelfde fout", "Dezelfde\x07fout"))
    assert errors_of(project) == [
        "data/lessons/weer-gezonden.yml:7:17: error: an invisible control character (U+0007) is here; "
        "remove it (it can change how the text is shown or read)"]


# --- scaffolding ----------------------------------------------------------------------------


@pytest.mark.parametrize("ident", ["../../uit", "/tmp/uit", "Hoofdletters", "a/b", "..", "x" * 65])
def test_a_scaffold_id_that_is_not_an_id_writes_nothing(project: Path, ident: str) -> None:
    before = sorted(p for p in project.parent.rglob("*"))
    result = invoke("new", "person", "--project", str(project), "--id", ident, "--no-input",
                    "--set", "name=Iemand", "--set", "role=recruiter", "--set", "team=Werving")
    assert result.exit_code == 1
    assert result.output.startswith("new person: the file name '") and "' cannot be an id;" in result.output
    assert sorted(p for p in project.parent.rglob("*")) == before


# --- permissions -------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_built_site_has_the_modes_of_normal_build_output(built_site: Path) -> None:
    """The fixture project's build (shared), made with the umask 022 of an
    ordinary machine: the handbook's own working folders (made private)
    leave no trace in the modes."""
    site = built_site / "site"
    modes = {stat.S_IMODE(p.stat().st_mode) for p in [site, *site.rglob("*")] if p.is_dir()}
    assert modes == {0o755}
    modes = {stat.S_IMODE(p.stat().st_mode) for p in site.rglob("*") if p.is_file()}
    assert modes == {0o644}


# --- personal data -----------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("show", [False, True])
def test_contact_details_only_of_current_staff_and_only_when_allowed(tmp_path: Path, show: bool) -> None:
    files = {"data/people/tom-bakker.yml": fixture_text("data/people/tom-bakker.yml")
             + "email: tom.bakker@example.org\nphone: 06-12345678\n"}
    project = copy_project(tmp_path / "p", make_project(tmp_path / "d", files) / "data")
    if show:
        config = project / "mkdocs.yml"
        config.write_text(config.read_text("utf-8").replace("show_contact_details: false",
                                                            "show_contact_details: true"), "utf-8")
    assert invoke("build", "--project", str(project)).exit_code == 0
    site = project / "site"
    published = "\n".join(p.read_text("utf-8") for p in site.rglob("*") if p.suffix in (".html", ".json"))
    assert "tom.bakker@example.org" not in published and "06-12345678" not in published
    assert ("eva.jansen@example.org" in published) is show
    export = json.loads((site / "records" / "records.json").read_text("utf-8"))["records"]
    eva = next(r for r in export if r["id"] == "eva-jansen")["record"]
    assert ("email" in eva) is show


# --- extreme values everywhere: never a traceback -------------------------------------------------

DATES = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat)
NUMBERS = st.one_of(st.integers(min_value=0, max_value=10**13).map(str), st.sampled_from(
    ["0", "999999999999", "1000000000", "0.01", "999999999999.99", "1e308", "-1", "NaN", "inf", "007"]))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(day=DATES, later=DATES, count=NUMBERS, money=NUMBERS, months=NUMBERS)
def test_extreme_numbers_and_dates_never_end_in_a_traceback(tmp_path_factory, day, later, count, money,
                                                            months) -> None:
    base = tmp_path_factory.mktemp("extreme")
    files = {
        **edit(LESSON, "date: 2024-12-01", f"date: {day}\nreview_by: {later}\nreviewed: {day}"),
        **edit(GUIDELINE, "review_every_months: 12", f"review_every_months: {months}"),
        **edit(CAMPAIGN, "learning_goals:", f"budget: {money}\nresults:\n  - channel: social\n    reach: {count}\n"
                                            f"    hires: {count}\n    cost: {money}\n    hours: {money}\n"
                                            "learning_goals:"),
        "data/accounts/extreem.yml": f"platform: linkedin\nhandle: x\npurpose: y\nstatus: active\n"
                                     f"reviewed: {later}\nreview_every_months: {months}\n",
        "data/people/extreem.yml": f"name: X\nrole: y\nteam: z\njoined: {day}\nleft: {later}\n",
    }
    project = copy_project(base / "p", make_project(base / "d", files) / "data")
    for command in (["check"], ["report"], ["report", "--format", "json"], ["generate"]):
        result = invoke(*command, "--project", str(project))
        assert result.exit_code in (0, 1), (command, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit), (command, result.exception)
    if invoke("check", "--project", str(project)).exit_code == 0:
        try:
            generate_pages(project)
        except BuildFailed as failure:  # a clear refusal is fine; a crash is not
            assert str(failure)


# --- what a second hostile author found -------------------------------------------------------


def test_record_text_never_forms_the_older_ci_command_form(tmp_path: Path) -> None:
    project = make_project(tmp_path, edit(LESSON, "author: eva-jansen", 'author: "##[stop-commands]tok1"'))
    result = invoke("check", "--project", str(project), env={"GITHUB_ACTIONS": "true"})
    assert "##[" not in result.output
    assert result.stdout.splitlines()[0] == (
        "data/lessons/weer-gezonden.yml:3:9: error: '##\\[stop-commands]tok1' is not valid for 'author'; write an "
        "id: lower-case letters, digits and single hyphens, such as 'stop-commands-tok1'")


@pytest.mark.parametrize("text", [
    "Mail joost.bakker\\@example.org voor de cijfers.",
    "Mail joost.bakker&#64;example.org voor de cijfers.",
    "Zie [mail](mailto:eva.smit%40example.org).",
    "Mail joost.bakker＠example.org voor de cijfers.",
    "Bel 06\\-00000102 voor de cijfers.",
    "Bel 06 – 0000 0102 voor de cijfers.",
    "Bel (06) 00000102 voor de cijfers.",
    "Mail rené@example.org voor de cijfers.",
    "Mail karel@bücher.example voor de cijfers.",
    "Mail jan(at)example.org voor de cijfers.",
    "Mail jan [at] example [dot] org voor de cijfers.",
    "Bel 06  **-**  00000102 voor de cijfers.",
    "App [mij](https://wa.me/31600000102) voor de cijfers.",
    "App mij op https://api.whatsapp.com/send?phone=31600000102 voor de cijfers.",
])
def test_contact_details_are_found_however_they_are_written(tmp_path: Path, text: str) -> None:
    project = make_project(tmp_path, edit(LESSON, "lesson: Dezelfde fout als in 2010.", f"lesson: '{text}'"))
    found = errors_of(project)
    assert len(found) == 1 and found[0].startswith("data/lessons/weer-gezonden.yml:7:")
    assert "contact details belong only in a person's 'email' and 'phone' fields" in found[0]


CONTACT = ("error: 'lesson' contains {}; contact details belong only in a person's 'email' and 'phone' fields: "
           "name the person by their id instead")
INVISIBLE = "error: an invisible character ({}) is here; remove it (it can change how the text is shown or read)"


@pytest.mark.parametrize("number", [
    "06-12345678", "06/1234 5678", "06/0000 0106", "+31 (0)6 1234 5678", "0031 6 12345678", "020-1234567",
    "(020) 123 4567", "+31 20 123 4567", "06 1234 5678", "+31612345678",
])
def test_a_phone_number_as_the_dutch_write_it_is_found(tmp_path: Path, number: str) -> None:
    project = make_project(tmp_path, edit(LESSON, "lesson: Dezelfde fout als in 2010.",
                                          f"lesson: Bel {number} voor de cijfers."))
    assert errors_of(project) == [f"{LESSON}:7:13: " + CONTACT.format(f"a phone number ('{number}')")]


@pytest.mark.parametrize("text", [
    "Begonnen op 15-03-2012.", "Begonnen op 15/03/2012.", "Begonnen op 2012-03-01.", "Gezien op 05-03-2024 09:00.",
    "Gezien op 05/03/2024 09:00.", "Bereik 12.000 mensen.", "Bereik 1.000.000 mensen.", "Kosten € 25.000 per jaar.",
    "Van 2010-2012 liep het.", "Van 2010/2012 liep het.", "Van 01-01-2010 tot 31-12-2012.",
    "Het filmpje had +1 200 000 weergaven.", "Om 10 uur (at) het kantoor.",
])
def test_dates_figures_and_ranges_are_no_phone_numbers(tmp_path: Path, text: str) -> None:
    project = make_project(tmp_path, edit(LESSON, "lesson: Dezelfde fout als in 2010.", f"lesson: {text}"))
    assert errors_of(project) == []


@pytest.mark.parametrize(("written", "hidden", "found"), [
    ("jan\u00ad@example.nl", [(16, "U+00AD SOFT HYPHEN")], "an email address ('jan@example.nl')"),
    ("jan@exam\u200cple.nl", [(21, "U+200C ZERO WIDTH NON-JOINER")], "an email address ('jan@example.nl')"),
    ("06\u200d12345678", [(15, "U+200D ZERO WIDTH JOINER")], "a phone number ('0612345678')"),
    ("06-1234\u034f5678", [(20, "U+034F COMBINING GRAPHEME JOINER")], "a phone number ('06-12345678')"),
    ("0\u00ad6\u00ad/0000\u00ad0106", [(14, "U+00AD SOFT HYPHEN"), (16, "U+00AD SOFT HYPHEN"),
                                     (22, "U+00AD SOFT HYPHEN")], "a phone number ('06/00000106')"),
    ("jan\uff20example.nl", [], "an email address ('jan@example.nl')"),
])
def test_a_contact_detail_split_by_an_invisible_character_is_found_and_both_are_said(
        tmp_path: Path, written: str, hidden: list, found: str) -> None:
    project = make_project(tmp_path, edit(LESSON, "lesson: Dezelfde fout als in 2010.",
                                          f"lesson: Bel {written} voor de cijfers."))
    assert errors_of(project) == sorted(
        [f"{LESSON}:7:{col}: " + INVISIBLE.format(what) for col, what in hidden]
        + [f"{LESSON}:7:13: " + CONTACT.format(found)])


def test_contact_details_are_refused_in_every_kind_but_a_persons_own_fields(tmp_path: Path) -> None:
    files = {
        "data/people/tom-bakker.yml": fixture_text("data/people/tom-bakker.yml")
        + "body: Bereikbaar via tom.bakker@example.org of +31 6 0000 0102.\n",
        **edit(GUIDELINE, "approval: De recruiter zelf; campagnes via communicatie.",
               "approval: Eva (eva.jansen@example.org)"),
    }
    assert errors_of(make_project(tmp_path, files)) == [
        "data/people/tom-bakker.yml:6:22: error: 'body' contains an email address ('tom.bakker@example.org'); "
        "contact details belong only in a person's 'email' and 'phone' fields: name the person by their id instead",
        "data/people/tom-bakker.yml:6:48: error: 'body' contains a phone number ('+31 6 0000 0102'); "
        "contact details belong only in a person's 'email' and 'phone' fields: name the person by their id instead",
        "data/platforms/linkedin.yml:9:16: error: 'approval' contains an email address ('eva.jansen@example.org'); "
        "contact details belong only in a person's 'email' and 'phone' fields: name the person by their id instead",
    ]


def test_many_learning_goals_answered_at_once_stay_linear(tmp_path: Path) -> None:
    goals = "".join(f"  - id: doel-{n}\n    question: Vraag {n}?\n" for n in range(3000))
    campaign = fixture_text(CAMPAIGN).split("learning_goals:")[0] + "learning_goals:\n" + goals
    lesson = fixture_text(LESSON).replace("recurs: luister-eerst\n", "") + "answers:\n" + "".join(
        f"  - doel-{n}\n" for n in range(3000)) + "  - doel-x\n"
    found = errors_of(make_project(tmp_path, {CAMPAIGN: campaign, LESSON: lesson}))
    assert found == [
        "data/lessons/weer-gezonden.yml:3010:5: error: unknown learning goal 'doel-x'; the goals of this lesson's "
        "campaigns are: doel-0, doel-1, doel-2, doel-3, doel-4, doel-5, doel-6, doel-7, doel-8, doel-9 and 2990 more (did you mean 'doel-0'?)"]


def test_digits_are_ascii_digits(tmp_path: Path) -> None:
    project = make_project(tmp_path, edit(GUIDELINE, "webcare_hours: 24", "webcare_hours: ٧٢٠"))
    assert errors_of(project) == [
        "data/platforms/linkedin.yml:8:16: error: 'webcare_hours': '٧٢٠' is not a whole number; write digits only, "
        "for example 1200"]


def test_a_taxonomy_id_that_names_an_index_page_is_refused(tmp_path: Path) -> None:
    project = make_project(tmp_path, edit("data/taxonomy.yml", "  linkedin:", "  index:"))
    assert "data/taxonomy.yml:6:3: error: the id 'index' is reserved for the handbook's own pages; choose another" \
        in errors_of(project)


def test_a_folder_that_cannot_be_read_is_a_located_problem(tmp_path: Path) -> None:
    import shutil

    project = make_project(tmp_path)
    (project / "data" / "people").chmod(0o000)
    try:
        result = subprocess.run(
            [shutil.which("setpriv"), "--bounding-set", "-dac_override,-dac_read_search", "--inh-caps",
             "-dac_override,-dac_read_search", sys.executable, "-m", "generator", "check", "--project", str(project)],
            capture_output=True, text=True, timeout=60,
            env={**os.environ, "SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "PYTHONPATH": str(ROOT)})
    finally:
        (project / "data" / "people").chmod(0o755)
    assert "Traceback" not in result.stdout + result.stderr
    # In the site's language (Dutch here); the reason is the system's words.
    assert ("data/people:1:1: error: deze map kan niet worden gelezen (Permission denied); controleer de rechten"
            in result.stdout.splitlines())


def test_a_hand_written_configuration_beside_mkdocs_yml_is_left_alone(project: Path) -> None:
    (project / ".mkdocs.en.yml").write_text("# mijn eigen\n", "utf-8")
    result = invoke("build", "--project", str(project), "--language", "en")
    assert result.exit_code == 1
    assert ".mkdocs.en.yml exists and was not written by the handbook; it is left as it is" in result.output
    assert (project / ".mkdocs.en.yml").read_text("utf-8") == "# mijn eigen\n"


@pytest.mark.parametrize(("address", "message"), [
    ("127.0.0.1:99999", "serve: '127.0.0.1:99999' is not an address to serve on; write HOST:PORT, for example "
                        "127.0.0.1:8000"),
    ("nergens", "serve: 'nergens' is not an address to serve on; write HOST:PORT, for example 127.0.0.1:8000"),
])
def test_serve_says_clearly_where_it_cannot_listen(project: Path, address: str, message: str) -> None:
    result = invoke("serve", "--project", str(project), "--address", address)
    assert (result.exit_code, result.output.strip()) == (1, message)


def test_serve_says_clearly_when_its_port_is_taken(project: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = invoke("serve", "--project", str(project), "--address", f"127.0.0.1:{port}")
    assert (result.exit_code, result.output.strip()) == (
        1, f"serve: port {port} on 127.0.0.1 is in use (another preview?); stop that one, or choose another port "
           f"with --address 127.0.0.1:{port + 1}")


@pytest.mark.parametrize(("text", "number"), [
    ("Bel 020 123 4567, graag.", "020 123 4567"),
    ("Bel (020) 123 45 67.", "(020) 123 45 67"),
    ("tel. 010-1234567; fax", "010-1234567"),
])
def test_a_phone_number_in_a_sentence_is_found(text: str, number: str) -> None:
    assert [match.group(0) for _, match in find_contacts(text)] == [number]


@pytest.mark.parametrize("text", ["06-12345678,5 euro", "In (2012) 12345678 views", "kosten (0,5) 1234567"])
def test_figures_beside_a_comma_or_in_brackets_are_not_a_phone_number(text: str) -> None:
    assert find_contacts(text) == []
