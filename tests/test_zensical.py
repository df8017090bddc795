"""The way out from Material for MkDocs: Zensical builds the same generated
tree, and the site it builds passes the same audit and gets the same search."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import GITHUB, EXAMPLE_DATA, FIXTURE_EPOCH, ROOT, copy_project
from .helpers import broken_links


@pytest.mark.slow
def test_zensical_builds_the_example_handbook_with_its_search(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p", EXAMPLE_DATA)
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--project", str(project), "--engine", "zensical"],
        env={"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "PYTHONPATH": str(ROOT), **GITHUB},
        capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    # Zensical's progress is not shown when it succeeds: only the handbook's last line.
    assert result.stdout.startswith("site gebouwd in site/ (") and result.stdout.count("\n") == 1, result.stdout
    site = project / "site"
    lesson = (site / "records" / "lessons" / "dialoogmoe-2023" / "index.html").read_text("utf-8")
    assert "Polls en taggen werken niet meer" in lesson
    assert 'data-pagefind-filter="Soort">Les<' in lesson
    assert "Content-Security-Policy" in lesson  # the audit passed and the policy was written
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    # One search, the handbook's: Zensical's own is off (nothing in its index, no button).
    assert json.loads((site / "search.json").read_text("utf-8"))["items"] == []
    assert "<pagefind-modal-trigger" in lesson and 'for="__search"' not in lesson
    assert (site / ".handbook-site").is_file()
    # Zensical reads relative addresses in a page's HTML from its file, not
    # from its address: every link, image and anchor still leads somewhere.
    assert broken_links(site) == []
    # Every record page was built.
    for folder in ("campaigns", "lessons", "people", "accounts"):
        for record in (EXAMPLE_DATA / folder).glob("*.yml"):
            assert (site / "records" / folder / record.stem / "index.html").is_file(), record


def test_zensical_with_a_site_folder_outside_the_project_says_why_before_building(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p", EXAMPLE_DATA)
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--project", str(project), "--engine", "zensical",
         "--site-dir", str(tmp_path / "elders")],
        env={"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "PYTHONPATH": str(ROOT), **GITHUB},
        capture_output=True, text=True)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (
        f"bouwen mislukt: Zensical bouwt alleen binnen de projectmap ({project.resolve()}): kies daar een "
        f"--site-dir, en kopieer de site daarna naar {tmp_path / 'elders'}; de vorige site blijft zoals hij was\n")
    assert not (tmp_path / "elders").exists() and not (project / "handbook" / "records").exists()


@pytest.mark.slow
def test_a_failed_zensical_build_says_why_without_a_traceback_or_colour_codes(tmp_path: Path) -> None:
    """Zensical ends a --strict build that failed with a Python traceback and
    colours every character; the author reads its finding, plainly."""
    project = copy_project(tmp_path / "p", EXAMPLE_DATA)
    authors = project / "handbook" / "authors.md"
    authors.write_text(authors.read_text("utf-8") + "\n[weg](records/lessons/weg.md)\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--project", str(project), "--engine", "zensical"],
        env={"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "PYTHONPATH": str(ROOT), **GITHUB},
        capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "\x1b" not in result.stderr
    assert "page does not exist" in result.stderr and "authors.md:" in result.stderr
    assert result.stderr.endswith(
        "bouwen mislukt: zensical build --strict mislukte (zie de meldingen hierboven); "
        "de vorige site blijft zoals hij was\n")
