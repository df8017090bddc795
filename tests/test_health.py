"""Knowledge health and figures: the report, the dashboard, the charts."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build import generate_pages
from generator.cli import main
from generator.records.health import ACTOR, FINDINGS, SEVERITY

from .conftest import EXAMPLE_DATA, FIXTURE_EPOCH, ROOT, copy_project
from .helpers import in_english


def invoke(*args: str):
    return CliRunner().invoke(main, in_english(list(args)), env={"SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "GITHUB_ACTIONS": None})


def test_the_json_report_of_the_fixture(project: Path) -> None:
    result = invoke("report", "--project", str(project), "--format", "json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["as_of"] == "2026-11-01"
    found = {name: [(i["id"], i["detail"], i["owner"]) for i in f["items"]] for name, f in report["findings"].items()}
    assert found == {
        "unanswered-goals": [("hyves-stage-2010", "kosten: Wat kost een stagiair via Hyves?", "tom-bakker")],
        "campaigns-without-lessons": [],
        # Tom Bakker left, but Eva Jansen took over: nothing is orphaned.
        "left-without-successor": [],
        # ... but one record still names him: the handover is still to be made, by her.
        "handovers-owed": [("tom-bakker", "not handed over yet: tom-bakker is still named in records (1×); "
                                          "make the handover with: handbook handover tom-bakker --to eva-jansen",
                            "eva-jansen")],
        "open-handovers": [],
        "overdue-reviews": [("linkedin", "due 2021-01-15", "eva-jansen"),
                            ("linkedin-werken-bij", "due 2025-01-10", "eva-jansen")],
        "accounts-without-owner": [("linkedin-werken-bij", "no backup owner", "eva-jansen")],
        "dormant-accounts": [],
        "recurring-lessons": [("weer-gezonden", "luister-eerst → weer-gezonden", "eva-jansen")],
        "lessons-without-recommendation": [("luister-en-reageer", "Luister, en reageer binnen een dag", "eva-jansen"),
                                           ("weer-gezonden", "Opnieuw alleen gezonden", "eva-jansen")],
        "proposed-lessons": [("weer-gezonden", "since 2024-12-01", "eva-jansen")],
    }
    assert report["findings"]["overdue-reviews"]["items"][0]["path"] == "data/platforms/linkedin.yml"
    assert report["accounts_per_platform"] == {"hyves": {"archived": 1}, "linkedin": {"active": 1}}
    assert report["lesson_levels_per_campaign"] == {
        "hyves-stage-2010": {"execution": 0, "foundation": 2},
        "linkedin-ict-2024": {"execution": 1, "foundation": 0},
    }


def test_a_successor_leaving_too_orphans_the_knowledge(project: Path) -> None:
    eva = project / "data/people/eva-jansen.yml"
    eva.write_text(eva.read_text("utf-8") + "left: 2026-01-31\n", "utf-8")
    report = json.loads(invoke("report", "--project", str(project), "--format", "json").stdout)
    orphaned = [(i["kind"], i["id"], i["detail"]) for i in report["findings"]["left-without-successor"]["items"]]
    assert ("campaign", "linkedin-ict-2024", "knowledge owner: eva-jansen; owner: eva-jansen") in orphaned
    assert ("guideline", "linkedin", "owner: eva-jansen") in orphaned
    assert ("account", "linkedin-werken-bij", "owner: eva-jansen") in orphaned


def test_strict_check_turns_chosen_findings_into_failures(project: Path) -> None:
    assert invoke("check", "--project", str(project)).exit_code == 0
    result = invoke("check", "--project", str(project), "--strict", "unanswered-goals", "--strict", "proposed-lessons")
    assert result.exit_code == 1
    assert result.output.splitlines()[:2] == [
        "data/campaigns/hyves-stage-2010.md:1:1: error: unanswered-goals: kosten: Wat kost een stagiair via Hyves?",
        "data/lessons/weer-gezonden.yml:1:1: error: proposed-lessons: since 2024-12-01",
    ]


def test_the_dashboard_of_the_example_data_shows_every_kind_of_finding(example_nl: Path) -> None:
    """Each with items, but for the handovers not finished yet: the example
    handbook has no handover yet (its first, Thomas Mulder's, is made in
    tests/test_reader_pages.py, and its dashboard shows that one)."""
    dashboard = (example_nl / "handbook/records/dashboard.md").read_text("utf-8")
    counts = {anchor: int(count)
              for count, anchor in re.findall(r"^## .+ \((\d+)\) \{ #([a-z-]+) \}$", dashboard, re.MULTILINE)}
    assert sorted(counts) == sorted(FINDINGS)
    assert counts.pop("open-handovers") == 0
    assert all(count > 0 for count in counts.values()), counts


def test_charts_are_static_svg_and_the_same_bytes_every_build(example_nl: Path, tmp_path: Path, monkeypatch) -> None:
    """The example handbook's charts as its build (shared) made them, and as a
    second generation in another folder makes them."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    monkeypatch.setenv("HANDBOOK_CACHE", "")  # drawn here, whatever the shared build read from the drawings kept
    project = copy_project(tmp_path / "tweede", EXAMPLE_DATA)
    generate_pages(project)
    assert not (project / ".cache").exists()
    built = [{p.name: p.read_bytes() for p in sorted((folder / "handbook/records/charts").glob("*.svg"))}
             for folder in (example_nl, project)]
    # Each drawn twice: wide, and narrow for a phone.
    assert sorted(built[0]) == ["channels.narrow.svg", "channels.svg", "goal-coverage.narrow.svg",
                                "goal-coverage.svg", "platforms.narrow.svg", "platforms.svg",
                                "years.narrow.svg", "years.svg"]
    assert built[0] == built[1]
    for name, svg in built[0].items():
        text = svg.decode("utf-8")
        assert "<script" not in text and "http://www.w3.org" in text, name
        assert not re.search(r'(?:href|src)="(?!#)', text), name  # nothing but its own ids


GENERATE = ("import sys; from pathlib import Path; from generator.build import generate_pages; "
            "generate_pages(Path('.')); print('matplotlib' in sys.modules)")


def test_a_chart_is_drawn_once_and_again_when_what_it_shows_changes(tmp_path: Path, monkeypatch) -> None:
    """The charts are kept by what they show (generator/site/drawings.py):
    a second build reads them without so much as loading matplotlib; new
    figures are drawn anew; a kept drawing that is not whole is drawn again;
    a cache that cannot be written costs nothing but the drawing."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    monkeypatch.delenv("HANDBOOK_CACHE")
    project = copy_project(tmp_path / "handboek", EXAMPLE_DATA)
    kept = project / ".cache" / "handbook" / "charts"
    charts = project / "handbook" / "records" / "charts"

    def generate() -> bool:
        """Generate in a process of its own; whether it drew (loaded matplotlib)."""
        result = subprocess.run([sys.executable, "-c", GENERATE], cwd=project, capture_output=True, text=True,
                                env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert result.returncode == 0, result.stderr
        return result.stdout.strip() == "True"

    def drawn() -> dict[str, bytes]:
        return {p.relative_to(charts).as_posix(): p.read_bytes() for p in sorted(charts.rglob("*.svg"))}

    assert generate()
    first = drawn()
    assert len(first) == 38 and sorted(p.name for p in kept.iterdir()) == sorted(
        p.name for p in kept.glob("*.svg")) and len(list(kept.iterdir())) == 38
    assert sorted(p.read_bytes() for p in kept.iterdir()) == sorted(first.values())

    assert not generate()  # every chart read, none drawn
    assert drawn() == first

    # A drawing cut off (by a full disk, say), and six more hires through referrals:
    whole = next(p for p in kept.iterdir() if p.read_bytes() == first["platforms.svg"])
    whole.write_bytes(first["platforms.svg"][:5000])
    campaign = project / "data" / "campaigns" / "ambassadeurs-linkedin-2026.yml"
    campaign.write_text(campaign.read_text("utf-8").replace("hires: 6", "hires: 16", 1), "utf-8")
    assert generate()
    now = drawn()
    assert now["platforms.svg"] == first["platforms.svg"] and whole.read_bytes() == first["platforms.svg"]
    # the chart of every channel changed, and referrals' own; nothing else
    changed = {name for name, svg in now.items() if svg != first[name]}
    assert {"channels.svg", "channels.narrow.svg", "channel/referrals.svg"} <= changed
    assert not any(name.startswith(("platform", "years", "goal-coverage")) for name in changed)
    assert len(list(kept.iterdir())) == 38 + len(changed)

    shutil.rmtree(project / ".cache")
    (project / ".cache").write_text("geen map", "utf-8")  # the cache cannot be made: drawn, and nothing said
    monkeypatch.setenv("HANDBOOK_CACHE", str(project / ".cache" / "handbook"))
    assert generate() and drawn()["years.svg"] == first["years.svg"]


@pytest.mark.parametrize("narrow", [False, True])
def test_a_highlighted_chart_is_what_matplotlib_draws(narrow: bool) -> None:
    """A platform's chart is the whole chart with a few styles changed in its
    text, not a drawing of its own: the same bytes as drawing it, for a
    label of one line and (drawn, as bold moves its lines) of several."""
    from generator.site.charts import Bars

    labels = ["LinkedIn", "Eigen website (werken-bij-site)", "X (voorheen Twitter)"]
    bars = Bars("Aannames en kosten per aanname, per platform", labels,
                {"Aangenomen": [14, 2, None], "Kosten per aanname": [1771.4, 5800, None]},
                {"Aangenomen": str, "Kosten per aanname": lambda v: f"€ {v:.0f}"},
                notes={"Kosten per aanname": ["n = 14", "n = 2", "n = 0"]}, narrow=narrow)
    whole = bars.svg()
    for highlight in range(len(labels)):
        picked = bars.svg(highlight)
        assert picked == bars._drawn(highlight), highlight
        # Its label (each line, on each panel that has labels) and its two values bold, the other bars pale.
        lines = bars.names[highlight].count("\n") + 1
        assert picked.count("font-weight: 700") - whole.count("font-weight: 700") == (2 if narrow else 1) * lines + 2
        assert picked.count("fill-opacity") == 2 * (len(labels) - 1)
    assert whole == bars._drawn(None)


def test_every_record_is_in_the_export_with_its_page(project: Path) -> None:
    generate_pages(project)
    export = json.loads((project / "handbook/records/records.json").read_text("utf-8"))["records"]
    assert len(export) == 10  # 2 campaigns, 3 lessons, 1 guideline, 2 people, 2 accounts
    lesson = next(r for r in export if r["id"] == "weer-gezonden")
    assert (lesson["kind"], lesson["url"], lesson["source"]) == (
        "lesson", "records/lessons/weer-gezonden/", "data/lessons/weer-gezonden.yml")
    assert lesson["record"]["recurs"] == "luister-eerst" and lesson["record"]["date"] == "2024-12-01"


def test_one_review_verdict_for_page_and_report(tmp_path: Path, monkeypatch) -> None:
    """The catalog decides once: a superseded lesson asks no review (its page
    has no warning, the report does not list it) and an account never
    reviewed is overdue on its page and in the report alike."""
    from .helpers import edit, make_project

    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    files = edit("data/accounts/linkedin-werken-bij.yml", "reviewed: 2024-01-10\n", "")
    project = copy_project(tmp_path / "p", make_project(tmp_path / "d", files) / "data")
    generate_pages(project)
    records = project / "handbook" / "records"
    account = (records / "accounts" / "linkedin-werken-bij.md").read_text("utf-8")
    assert ('<div class="admonition warning" data-pagefind-ignore>\n<p class="admonition-title">Mogelijk verouderd</p>\n'
            "<p>Deze pagina is nog nooit beoordeeld; bekijk of wat er staat nog klopt.</p>") in account
    superseded = (records / "lessons" / "luister-eerst.md").read_text("utf-8")
    assert "Mogelijk verouderd" not in superseded  # review_by 2012-01-01 is long past, but it was replaced
    report = json.loads(invoke("report", "--project", str(project), "--format", "json").stdout)
    overdue = [(i["id"], i["detail"]) for i in report["findings"]["overdue-reviews"]["items"]]
    assert overdue == [("linkedin-werken-bij", "never reviewed"), ("linkedin", "due 2021-01-15")]  # most overdue first


def test_a_review_on_or_after_its_date_is_not_overdue_and_asks_for_the_next_date(tmp_path: Path, monkeypatch) -> None:
    from .helpers import make_project

    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    lesson = "data/lessons/luister-en-reageer.md"
    project = make_project(tmp_path, {})
    text = (project / lesson).read_text("utf-8")
    (project / lesson).write_text(text.replace("review_by: 2030-01-01", "review_by: 2025-01-01\nreviewed: 2025-03-01"),
                                  "utf-8")
    result = invoke("check", "--project", str(project))
    assert result.exit_code == 0
    assert [line for line in result.stdout.splitlines() if "review" in line] == [
        f"{lesson}:13:12: warning: the lesson was reviewed on 2025-03-01, on or after this date; "
        "set the date of the next review"]
    report = json.loads(invoke("report", "--project", str(project), "--format", "json").stdout)
    assert "luister-en-reageer" not in [i["id"] for i in report["findings"]["overdue-reviews"]["items"]]


def test_every_finding_has_its_words_in_every_language() -> None:
    """A finding added to FINDINGS without its labels is named here, by
    language and label, rather than failing as a KeyError in a report."""
    from generator.records.health import FINDINGS, finding_words
    from generator.words.catalogs import LANGUAGES, texts

    missing = [f"{language}/labels.po: {key}" for name in FINDINGS for key in finding_words(name)
               for language in LANGUAGES if key not in texts(language, "labels")]
    assert missing == []
    assert set(FINDINGS) == set(SEVERITY) == set(ACTOR)


def test_a_handover_still_to_be_made_is_asked_of_the_successor_until_it_is_made(project: Path) -> None:
    """Tom Bakker's successor is on his record, but a record still names him:
    the successor is asked to make the handover, with the command; once made,
    the request goes (and the handover's own checklist takes over)."""
    report = json.loads(invoke("report", "--project", str(project), "--format", "json").stdout)
    assert [(i["id"], i["who"]) for i in report["findings"]["handovers-owed"]["items"]] == [("tom-bakker", "eva-jansen")]
    result = invoke("handover", "tom-bakker", "--to", "eva-jansen", "--write", "--project", str(project))
    assert result.exit_code == 0, result.output
    report = json.loads(invoke("report", "--project", str(project), "--format", "json").stdout)
    assert report["findings"]["handovers-owed"]["items"] == []
