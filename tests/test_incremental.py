"""Incremental generation: unchanged pages keep their bytes and their time."""

from __future__ import annotations

from pathlib import Path

from generator.build import generate_pages
from generator.records.load import ReadCache


def _snapshot(root: Path) -> dict[str, tuple[int, bytes]]:
    return {p.relative_to(root).as_posix(): (p.stat().st_mtime_ns, p.read_bytes()) for p in root.rglob("*.md")}


def _edit_title(project: Path) -> None:
    lesson = project / "data" / "lessons" / "weer-gezonden.yml"
    lesson.write_text(lesson.read_text("utf-8").replace("Opnieuw alleen gezonden", "Weer alleen gezonden"), "utf-8")


def test_one_changed_record_rewrites_only_the_pages_that_show_it(project: Path) -> None:
    generate_pages(project)
    records = project / "handbook" / "records"
    before = _snapshot(records)
    _edit_title(project)
    figures = generate_pages(project)
    after = _snapshot(records)
    rewritten = sorted(path for path in after if after[path] != before[path])
    showing = sorted(path for path in after if b"Weer alleen gezonden" in after[path][1])
    assert rewritten == showing == [
        "campaigns/linkedin-ict-2024.md",
        "dashboard.md",  # the lesson is proposed and has no recommendation
        "feed.md",  # the page of the feed of new lessons
        "lessons/index.md",
        "lessons/luister-eerst.md",  # "made again in" links to the edited lesson
        "lessons/weer-gezonden.md",
        "lists/lessons-by-status.md",
        "people/eva-jansen.md",  # what Eva wrote and must do: the lesson has no recommendation
        "timeline/2024.md",  # the timeline's page of that year
    ]
    assert figures.changed == len(rewritten) + 3  # and records.json, feed.xml and home.snippet


def test_the_quick_pass_writes_only_the_edited_records_pages(project: Path) -> None:
    cache = ReadCache()
    generate_pages(project, cache=cache)
    records = project / "handbook" / "records"
    before = _snapshot(records)
    _edit_title(project)
    figures = generate_pages(project, cache=cache, only={"data/lessons/weer-gezonden.yml"})
    after = _snapshot(records)
    assert sorted(path for path in after if after[path] != before[path]) == ["lessons/weer-gezonden.md"]
    assert (figures.pages, figures.changed, figures.removed) == (1, 1, 0)
    # The full pass that follows brings the lists and links up to date.
    assert generate_pages(project, cache=cache).changed == 11  # the 8 other pages that show it, and 3 files


def test_the_export_written_in_parts_is_the_one_json_text_and_kept_when_unchanged(project: Path) -> None:
    """records.json is written record by record (at 10,000 records it is
    17 MB): its bytes are those of the whole export dumped at once, and a
    generation that changes nothing leaves the file as it was; one that
    changes a record replaces it."""
    import json

    generate_pages(project)
    export = project / "handbook" / "records" / "records.json"
    text = export.read_text("utf-8")
    assert text == json.dumps({"records": json.loads(text)["records"]}, ensure_ascii=False, indent=1) + "\n"
    before = export.stat()
    assert generate_pages(project).changed == 0
    assert (export.stat().st_ino, export.stat().st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    _edit_title(project)
    generate_pages(project)
    assert export.stat().st_ino != before.st_ino and "Weer alleen gezonden" in export.read_text("utf-8")
    assert not list(export.parent.glob(".records.json.*"))  # no part left behind
