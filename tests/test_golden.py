"""Golden files: the generated Markdown of the fixture data set.

A change to templates or pages shows up as a diff of tests/golden/ in review.
Rewrite them with `make golden` after checking the change is intended.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import generate_pages

GOLDEN = Path(__file__).parent / "golden"


def _tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text("utf-8")
        for p in sorted(root.rglob("*.md"))
    }


def test_generated_markdown_matches_golden_files(project: Path, request: pytest.FixtureRequest) -> None:
    generate_pages(project)
    produced = _tree(project / "handbook" / "records")
    if request.config.getoption("--update-golden"):
        for stale in GOLDEN.rglob("*.md"):
            stale.unlink()
        for path, text in produced.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(text, "utf-8")
    expected = _tree(GOLDEN)
    assert sorted(produced) == sorted(expected), "pages added or missing; run `make golden` and review"
    for path in expected:
        assert produced[path] == expected[path], f"{path} differs from tests/golden/{path}; run `make golden` and review"


def test_a_second_generation_rewrites_nothing(project: Path) -> None:
    first = generate_pages(project)
    pages = sorted((project / "handbook" / "records").rglob("*.md"))
    times = {p: p.stat().st_mtime_ns for p in pages}
    second = generate_pages(project)
    assert first.changed == first.pages > 0
    assert second.changed == 0
    assert {p: p.stat().st_mtime_ns for p in pages} == times
