"""Shared test helpers: a project built from the fixture data set plus inline files."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

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


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, url)
        self.ids: set[str] = set()
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "meta" and values.get("name"):
            self.meta[values["name"]] = values.get("content") or ""
        for attribute in ("href", "src"):
            if values.get(attribute):
                self.refs.append((tag, attribute, values[attribute]))


def _parse(file: Path) -> _Links:
    parser = _Links()
    parser.feed(file.read_text("utf-8"))
    return parser


def site_pages(site: Path) -> dict[str, _Links]:
    return {p.relative_to(site).as_posix(): _parse(p) for p in sorted(site.rglob("*.html"))}


def _target(site: Path, page: str, url: str) -> tuple[Path, str]:
    base = "http://handbook.invalid/" + page
    resolved = urlsplit(urljoin(base, url))
    path = unquote(resolved.path).lstrip("/")
    file = site / path
    if path == "" or path.endswith("/"):
        file = file / "index.html"
    return file, resolved.fragment


def broken_links(site: Path) -> list[str]:
    """Every address of a built site's pages that leads to no file of the
    site, or to an anchor its page does not have (addresses that leave the
    site are not followed)."""
    pages = site_pages(site)
    broken = []
    for page, parsed in pages.items():
        for tag, attribute, url in parsed.refs:
            if urlsplit(url).scheme in ("http", "https", "mailto"):
                continue
            file, fragment = _target(site, page, url)
            if not file.exists():
                broken.append(f"{page}: {tag} {attribute}={url}")
            elif fragment and file.suffix == ".html":
                if fragment not in pages[file.relative_to(site).as_posix()].ids:
                    broken.append(f"{page}: {url} (no anchor #{fragment})")
    return broken
