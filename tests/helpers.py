"""Shared test helpers: a project built from the fixture data set plus inline files."""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"


def make_project(tmp_path: Path, files: dict[str, str | bytes | None] | None = None) -> Path:
    """A project in `tmp_path`: a copy of tests/fixtures/data as `data/`, then `files`.

    Keys are paths relative to the project (``"data/people/eva-jansen.yml"``),
    as `handbook check` reports them. A str value is written as UTF-8, bytes as
    they are, and None deletes the file (or folder).
    """
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    for name, content in (files or {}).items():
        target = tmp_path / name
        if content is None:
            if target.is_dir():
                shutil.rmtree(target)
            else:
                target.unlink()
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return tmp_path


def fixture_text(path: str) -> str:
    """Text of a fixture file, by its path in a project (``"data/..."``)."""
    return (FIXTURE_DATA.parent / path).read_text(encoding="utf-8")


def edit(path: str, old: str, new: str) -> dict[str, str]:
    """`{path: fixture text with old replaced by new}`, for `make_project`.

    `old` must occur exactly once, so that a changed fixture fails loudly
    instead of silently testing nothing.
    """
    return {path: replace_once(fixture_text(path), old, new)}


def replace_once(text: str, old: str, new: str) -> str:
    """`text` with `old`, which must occur exactly once, replaced by `new`."""
    count = text.count(old)
    if count != 1:
        raise AssertionError(f"{old!r} occurs {count} times, expected once")
    return text.replace(old, new)


def rename(path: str, new_path: str) -> dict[str, str | None]:
    """`{new_path: fixture text of path, path: None}`: the fixture file moved."""
    return {new_path: fixture_text(path), path: None}


SPEAKING = {"check", "report", "build", "generate", "serve", "new"}


def in_english(args: list[str]) -> list[str]:
    """A `handbook` command line with `--language en` after its command (the
    fixture's site is Dutch; these tests read the English messages)."""
    args = list(args)
    if args and args[0] in SPEAKING and "--language" not in args:
        args[1:1] = ["--language", "en"]
    return args
