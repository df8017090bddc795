"""One page per person, and a backlog you can work: the dashboard and each
person's page agree on who must do what; every row has one link and names
each person once; every "and N more" leads to a list that holds them all;
whoever left is named with who took over, wherever they are named as
responsible; the manager comes from mkdocs.yml, checked against the records."""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.records.health import FINDINGS
from generator.site.pages.shared import page_url
from generator.words.labels import LABELS

from .conftest import FIXTURE_EPOCH

TITLES = {LABELS["nl"][f"finding_{name}"]: name for name in FINDINGS}
ROW = re.compile(r"^<li>(.*)</li>$", re.MULTILINE)
FIRST_LINK = re.compile(r'^<a href="([^"]+)">')
DONE_BY = re.compile(r"te doen door ([^<]+?)(?:<br>|$)")
MORE = re.compile(r'<p class="handbook-more" data-pagefind-ignore><a href="([^"]+)">En nog (\d+): de hele lijst '
                  r'\((\d+)\)</a> →</p>')


def _records(project: Path) -> Path:
    return project / "handbook" / "records"


def _target(page: str, href: str) -> str:
    """Where a relative link of generated page `page` leads, as a served path ('campaigns/x/#goal-y')."""
    here = page_url(page)
    folder = here if here.endswith("/") else posixpath.dirname(here) + "/"
    address, _, anchor = href.partition("#")
    target = posixpath.normpath(posixpath.join(folder, address)) + ("/" if address.endswith("/") else "")
    return target + (f"#{anchor}" if anchor else "")


def _generated(served: str) -> str:
    """The generated page served at `served` ('lists/findings/x/' -> 'lists/findings/x.md')."""
    return served.rstrip("/") + ".md"


def _rows(text: str) -> list[str]:
    return ROW.findall(text)


def _list_rows(records: Path, first: str) -> list[tuple[str, str]]:
    """(page, row) of every page of the paged list whose first page is `first`."""
    pages = [first] + sorted((p.relative_to(records).as_posix() for p in (records / first[:-3]).glob("*.md")),
                             key=lambda p: int(Path(p).stem))
    return [(page, row) for page in pages for row in _rows((records / page).read_text("utf-8"))]


def _sections(text: str, level: str) -> list[tuple[str, str]]:
    """(heading, body) of each section of `level` ('## ', '### ')."""
    parts = re.split(rf"^{level}(.+?) \{{[^}}]*\}}$", text, flags=re.MULTILINE)
    return list(zip(parts[1::2], parts[2::2]))


def _rows_with_more(records: Path, page: str, body: str) -> tuple[list[tuple[str, str]], list[tuple[str, int, int]]]:
    """The rows of a section and of the whole list its "and N more" leads to."""
    rows = [(page, row) for row in _rows(body)]
    mores = [(_generated(_target(page, href)), int(n), int(total)) for href, n, total in MORE.findall(body)]
    for first, _, _ in mores:
        rows = _list_rows(records, first)  # the whole list holds the first rows too
    return rows, mores


def dashboard_items(records: Path) -> set[tuple[str, str, str]]:
    """(who, finding, record) of every row of the dashboard and its lists."""
    found = set()
    text = (records / "dashboard.md").read_text("utf-8")
    for heading, body in _sections(text, "## "):
        name = TITLES.get(re.sub(r" \(\d+\)$", "", heading))
        if name is None:
            continue
        rows, _ = _rows_with_more(records, "dashboard.md", body)
        for page, row in rows:
            who = DONE_BY.search(row)
            assert who is not None, row  # every row names who acts (the example names its manager)
            found.add((html.unescape(who.group(1)), name, _target(page, FIRST_LINK.match(row).group(1))))
    return found


def person_items(records: Path) -> set[tuple[str, str, str]]:
    """(person, finding, record) of every to-do on every person's page and its lists."""
    found = set()
    for path in sorted((records / "people").glob("*.md")):
        if path.name == "index.md":
            continue
        text = path.read_text("utf-8")
        name = html.unescape(re.search(r'^title: "(.+)"$', text, re.MULTILINE).group(1))
        page = path.relative_to(records).as_posix()
        todo = dict(_sections(text, "## "))
        todo = next((body for heading, body in todo.items() if heading.startswith("Te doen (")), "")
        for heading, body in _sections(todo, "### "):
            finding = TITLES[re.sub(r" \(\d+\)$", "", heading)]
            rows, _ = _rows_with_more(records, page, body)
            for row_page, row in rows:
                assert "te doen door" not in row, row  # on their own page, they are who acts
                found.add((name, finding, _target(row_page, FIRST_LINK.match(row).group(1))))
    return found


def test_the_dashboard_and_the_person_pages_agree_on_who_must_do_what(example_nl: Path) -> None:
    records = _records(example_nl)
    on_dashboard = dashboard_items(records)
    on_person_pages = person_items(records)
    assert on_dashboard == on_person_pages
    report = json.loads(CliRunner().invoke(main, ["report", "--project", str(example_nl), "--format", "json"],
                                           env={"SOURCE_DATE_EPOCH": FIXTURE_EPOCH}).stdout)
    assert report["manager"] == "eva-smit"
    # Every item of the report is there once, with the person the report names.
    items = [(name, item) for name, finding in report["findings"].items() for item in finding["items"]]
    assert len(on_dashboard) == len(items) == 49
    assert {who for who, _, _ in on_dashboard} == {
        "Eva Smit", "Noor Hendriks", "Lotte Jansen", "Mark Visser", "Sanne de Vries", "Bram Peters",
        "Ruben de Graaf", "Fatima El Amrani"}
    # The manager acts on what only a manager can; someone who took over acts for who left.
    assert ("Eva Smit", "left-without-successor", "campaigns/tiktok-mbo-techniek-2024/") in on_dashboard
    assert ("Lotte Jansen", "lessons-without-recommendation",
            "lessons/video-deelt-beter-dan-vacature-2013/") in on_dashboard  # Joost Bakker wrote it


def test_every_row_of_the_backlog_has_one_link_and_names_each_person_once(example_nl: Path) -> None:
    records = _records(example_nl)
    names = [json.loads(line.split(": ", 1)[1]) for line in
             (line for path in (records / "people").glob("*.md") for line in path.read_text("utf-8").splitlines()[:2])
             if line.startswith("title: ")]
    pages = ["dashboard.md", *(p.relative_to(records).as_posix() for p in (records / "lists" / "findings").rglob("*.md")),
             *(p.relative_to(records).as_posix() for p in (records / "people").glob("*.md"))]
    rows = 0
    for page in pages:
        text = (records / page).read_text("utf-8")
        if page.startswith("people/"):
            text = next((body for heading, body in _sections(text, "## ") if heading.startswith("Te doen (")), "")
        elif page == "dashboard.md":
            text = "".join(body for heading, body in _sections(text, "## ")
                           if re.sub(r" \(\d+\)$", "", heading) in TITLES)
        for row in _rows(text):
            rows += 1
            assert row.count("<a ") == 1, (page, row)
            assert FIRST_LINK.match(row), (page, row)  # the one link: the record
            said = html.unescape(re.sub(r"<[^>]+>", "", row))
            assert all(said.count(name) <= 1 for name in names), (page, row)
            assert "Bewerk dit record" not in row
    assert rows == 43 + 16 + 49  # the dashboard's rows, the whole list of overdue reviews, every person's


def test_every_and_more_leads_to_a_list_that_holds_all_of_them(example_nl: Path) -> None:
    records = _records(example_nl)
    dashboard = (records / "dashboard.md").read_text("utf-8")
    section = dashboard.split("{ #overdue-reviews }", 1)[1].split("\n## ", 1)[0]
    shown = _rows(section)
    (first, n, total), = [(_generated(_target("dashboard.md", href)), int(n), int(total))
                          for href, n, total in MORE.findall(section)]
    assert first == "lists/findings/overdue-reviews.md" and (len(shown), n, total) == (10, 6, 16)

    def same(page: str, row: str) -> tuple[str, str]:  # a row as it reads, wherever it stands
        href = FIRST_LINK.match(row).group(1)
        return _target(page, href), row.removeprefix(f'<a href="{href}">')

    whole = [same(page, row) for page, row in _list_rows(records, first)]
    assert len(whole) == total and whole[:len(shown)] == [same("dashboard.md", row) for row in shown]
    text = (records / first).read_text("utf-8")
    assert text.startswith('---\ntitle: "Achterstallige beoordelingen"\nsearch:\n  exclude: true\n---')
    assert '<a href="../../../dashboard/#overdue-reviews">Kennisgezondheid</a> · 16 in totaal' in text


ASK_LOTTE = '— vraag <a href="[^"]*lotte-jansen/">Lotte Jansen</a>'
NOBODY = '<span class="handbook-flag handbook-flag--critical">zonder opvolger</span>'


@pytest.mark.parametrize(("leaver", "left", "now", "successor", "kinds"), [
    # On the dashboard, the handover still to be made: "… · te doen door Lotte Jansen".
    ("Joost Bakker", "30 juni 2014", ASK_LOTTE, "lotte-jansen", {"campaigns", "lessons", "tags", "people", "dashboard.md"}),
    ("Thomas Mulder", "30 september 2024", NOBODY, None,
     {"campaigns", "lessons", "platforms", "accounts", "dashboard.md", "people"}),
])
def test_whoever_left_is_named_with_who_took_over_on_every_page(example_nl: Path, leaver: str, left: str, now: str,
                                                                 successor: str | None, kinds: set[str]) -> None:
    """Wherever a page names someone who left (as owner, knowledge owner,
    author, in a list of people, on the dashboard), it says when they left
    and who to ask now, or that nobody took over: on every kind of page.
    Only their own page names them alone (its notice says the same), and
    the page of who took over says from whom."""
    records = _records(example_nl)
    own = f"people/{leaver.lower().replace(' ', '-')}.md"
    after = rf"{left}\)? {now}"  # "(vertrokken op 30 juni 2014) — vraag …"; in the list of people, a column
    named = set()
    for path in sorted(records.rglob("*.md")):
        page = path.relative_to(records).as_posix()
        if page == own:
            continue
        if page == f"people/{successor}.md":
            assert re.search(rf'<th scope="row">Opvolger van</th><td><a href="[^"]+">{leaver}</a> '
                             rf"\(vertrokken op {left}\)</td>", path.read_text("utf-8"))
            continue
        for line in path.read_text("utf-8").splitlines():
            # Named by the handbook: linked to their page, or in a row of the dashboard (an
            # author's own words about them, in a record's text, are the author's).
            named_here = re.findall(rf"{leaver}</a>|{leaver} \(", line)
            if named_here:
                # A row of what is to be done names who does it: whoever took over.
                asked = re.findall(after, line) or (
                    re.findall(r"te doen door Lotte Jansen", line) if successor == "lotte-jansen" else [])
                assert len(named_here) == len(asked), (page, line)
                named.add(page.split("/")[0])
    assert named == kinds


def test_no_page_of_what_someone_owns_remains_beside_their_own(example_nl: Path) -> None:
    """One page per person: the pages "Wat … beheert" are gone, and nothing links to them."""
    records = _records(example_nl)
    assert not (records / "owners").exists() and not (example_nl / "site" / "records" / "owners").exists()
    linking = [p.relative_to(example_nl).as_posix() for folder in (records, example_nl / "site")
               for p in folder.rglob("*") if p.suffix in (".md", ".html", ".json", ".xml")
               and "owners/" in p.read_text("utf-8")]
    assert linking == []
    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    assert "records/owners" not in readme and "Wat ik beheer" not in readme


# --- the manager, from mkdocs.yml ------------------------------------------------------


def _name_manager(project: Path, value: str) -> int:
    """Write `manager: value` into the project's mkdocs.yml; the line it stands on."""
    config = project / "mkdocs.yml"
    lines = config.read_text("utf-8").splitlines(keepends=True)
    at = next(n for n, line in enumerate(lines) if line.startswith("    show_contact_details:")) + 1
    lines.insert(at, f"    manager: {value}\n")
    config.write_text("".join(lines), "utf-8")
    return at + 1


def _run(*args: str):
    return CliRunner().invoke(main, list(args), env={"SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "GITHUB_ACTIONS": None})


def test_a_manager_nobody_knows_is_a_warning_at_its_place_and_the_site_is_built(project: Path) -> None:
    from generator.build import generate_pages

    line = _name_manager(project, "eva-jansn")
    result = _run("check", "--project", str(project))  # the project's language: Dutch
    said = (f"mkdocs.yml:{line}:14: warning: extra.handbook.manager noemt onbekende persoon 'eva-jansn' (bedoel je "
            "'eva-jansen'?); wat de manager moet doen, staat nu bij niemand op de lijst")
    assert (result.exit_code, result.output.splitlines()) == (0, [said, "0 fout(en), 1 waarschuwing(en)"])
    generated = generate_pages(project)  # the same warning, and the pages
    assert [str(problem) for problem in generated.problems.sorted()] == [said]
    dashboard = (project / "handbook/records/dashboard.md").read_text("utf-8")
    assert "Het handboek noemt geen manager" in dashboard and "nog niemand aangewezen" in dashboard


def test_a_manager_setting_that_is_no_id_is_an_error_at_its_line(project: Path) -> None:
    line = _name_manager(project, "[eva-jansen, tom-bakker]")
    result = _run("check", "--project", str(project))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.splitlines()[0] == (
        f"mkdocs.yml:{line}:1: error: extra.handbook.manager in mkdocs.yml is het id van een persoon uit de lijst "
        "Mensen (zoals eva-smit), niet ['eva-jansen', 'tom-bakker']")
    result = _run("build", "--project", str(project))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "extra.handbook.manager in mkdocs.yml is het id van een persoon" in result.output


def test_when_the_manager_leaves_whoever_took_over_acts(project: Path) -> None:
    _name_manager(project, "eva-jansen")
    report = json.loads(_run("report", "--project", str(project), "--format", "json").stdout)
    assert report["manager"] == "eva-jansen"
    assert [item["who"] for item in report["findings"]["accounts-without-owner"]["items"]] == ["eva-jansen"]
    # The proposed lesson's author is the knowledge owner of its campaign: the manager reviews it.
    assert [item["who"] for item in report["findings"]["proposed-lessons"]["items"]] == ["eva-jansen"]
    eva = project / "data/people/eva-jansen.yml"
    eva.write_text(eva.read_text("utf-8") + "left: 2026-01-31\nsuccessor: lotte-smit\n", "utf-8")
    (project / "data/people/lotte-smit.yml").write_text("name: Lotte Smit\nrole: recruiter\nteam: Werving\n", "utf-8")
    report = json.loads(_run("report", "--project", str(project), "--format", "json").stdout)
    assert report["manager"] == "lotte-smit"
    assert {item["who"] for finding in report["findings"].values() for item in finding["items"]} == {"lotte-smit"}
    text = _run("report", "--project", str(project)).stdout
    assert [line for line in text.splitlines() if line.startswith("  data/accounts/linkedin-werken-bij.yml: geen ")
            and line.endswith(" [lotte-smit]")]  # who acts, as the dashboard names them
