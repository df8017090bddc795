"""However many records the handbook holds, no generated page lists more than
a page's worth of them, and every record is a few clicks from the navigation."""

from __future__ import annotations

import re
from collections import deque
from pathlib import Path

import pytest

from generator.project.settings import GENERATED
from generator.site.pages.shared import PAGE_SIZE

from .conftest import EXAMPLE_DATA, FIXTURE_EPOCH, copy_project

LINK = re.compile(r'<a href="([^"#]*)(?:#[^"]*)?">')


def navigation(project: Path) -> list[str]:
    """The generated pages the site's navigation lists, relative to the
    generated folder, read from the project's mkdocs.yml by MkDocs' own
    loader: a page added to the navigation is a starting point here too."""
    from mkdocs.config import load_config

    pages: list[str] = []
    pending = [load_config(config_file=str(project / "mkdocs.yml"))["nav"]]
    while pending:  # entries are a page, {title: page}, or {title: [entries]}
        entry = pending.pop()
        if isinstance(entry, list):
            pending.extend(reversed(entry))
        elif isinstance(entry, dict):
            pending.extend(reversed(list(entry.values())))
        elif isinstance(entry, str) and entry.startswith(f"{GENERATED}/"):
            pages.append(entry.removeprefix(f"{GENERATED}/"))
    return pages


@pytest.fixture(scope="module")
def generated(synthetic: Path) -> Path:
    """The generated pages of the synthetic handbook (built once for the run)."""
    return synthetic / "handbook" / "records"


def _target(page: str, href: str) -> str | None:
    """The generated page a relative link of `page` goes to."""
    if href.startswith(("http", "mailto:", "/")) or not href:
        return None
    here = page[:-3].removesuffix("index").rstrip("/")
    here_parts = [p for p in (here.split("/") if not page.endswith("index.md") else here.split("/")) if p]
    parts = here_parts[:]
    for part in [p for p in href.split("/") if p]:
        parts = parts[:-1] if part == ".." else parts + [part]
    if href.endswith(".svg") or href.endswith(".xml") or href.endswith(".json"):
        return None
    path = "/".join(parts)
    return path


def test_no_page_lists_more_records_than_a_page_holds(generated: Path) -> None:
    largest = {}
    for page in generated.rglob("*.md"):
        text = page.read_text("utf-8")
        rows = text.count("<li>") + text.count("<tr>")
        largest[page.relative_to(generated).as_posix()] = (rows, len(text.encode("utf-8")))
    worst = max(largest.items(), key=lambda item: item[1][0])
    # A page of entries and the few other rows of its page; or, on a page of
    # groups, a few entries of each year or platform.
    assert worst[1][0] <= PAGE_SIZE + 60, worst
    biggest = max(largest.items(), key=lambda item: item[1][1])
    assert biggest[1][1] < 150_000, biggest
    # The data set is large enough that lists were split.
    assert (generated / "lists" / "pages" / "accounts" / "2.md").is_file()
    assert any((generated / "lists").glob("lessons-of-platform/*/2.md"))
    assert any((generated / "lists").glob("campaigns-of-channel/*/2.md"))


def test_every_record_is_a_few_clicks_from_the_navigation_and_every_page_is_linked(generated: Path) -> None:
    served = {}
    for page in generated.rglob("*.md"):
        rel = page.relative_to(generated).as_posix()
        served[rel[:-3].removesuffix("/index").removesuffix("index") if rel.endswith("index.md") else rel[:-3]] = rel
    listed = navigation(generated.parent.parent)
    assert "campaigns/index.md" in listed and "tags/index.md" in listed
    depth = {served[p[:-3].removesuffix("/index")]: 0 for p in listed}
    queue = deque(depth)
    while queue:
        page = queue.popleft()
        folder = page[:-3].removesuffix("index").rstrip("/") if page.endswith("index.md") else page[:-3]
        for href in LINK.findall((generated / page).read_text("utf-8")):
            if href.startswith(("http", "mailto:", "/")) or href.endswith((".svg", ".xml", ".json")):
                continue
            parts = [p for p in folder.split("/") if p]
            for part in (p for p in href.split("/") if p and p != "."):
                parts = parts[:-1] if part == ".." else parts + [part]
            target = served.get("/".join(parts))
            if target is not None and target not in depth:
                depth[target] = depth[page] + 1
                queue.append(target)
    records = [p.relative_to(generated).as_posix() for folder in ("campaigns", "lessons", "accounts", "people")
               for p in (generated / folder).glob("*.md") if p.name != "index.md"]
    unreached = [r for r in records if r not in depth]
    assert len(records) > 900
    assert unreached == []
    assert max(depth[r] for r in records) <= 4
    # No page is made that nothing links to.
    assert sorted(set(served.values()) - set(depth)) == []


def test_two_processes_write_what_one_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             forking: list[bool]) -> None:
    """Pages are made by two processes from PARALLEL_FROM pages on (lowered
    here, so that the example handbook takes that path; `make bench` times
    both at 1,000 to 10,000 records); one process then writes exactly the
    same files: it rewrites and removes none."""
    import generator.build as build

    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    monkeypatch.setattr(build, "PARALLEL_FROM", 20)
    project = copy_project(tmp_path / "p", EXAMPLE_DATA)
    first = build.generate_pages(project)
    assert first.pages > build.PARALLEL_FROM and forking == [True]
    generated = project / "handbook" / "records"
    pages = {p.relative_to(generated).as_posix(): p.read_bytes() for p in generated.rglob("*") if p.is_file()}
    monkeypatch.setattr(build, "PARALLEL_FROM", 10**9)
    again = build.generate_pages(project)
    assert again.changed == 0 and again.removed == 0
    assert {p.relative_to(generated).as_posix(): p.read_bytes() for p in generated.rglob("*") if p.is_file()} == pages
    assert forking == [True]  # the second generation: one process


def test_the_pager_reaches_any_page_of_a_long_list_in_three_clicks() -> None:
    """A list of 49 pages: the pager of each page links its neighbours,
    every tenth page and the last, so a reader reaches any page from any
    other in at most three clicks (not by paging through the middle)."""
    from generator.words.labels import LABELS
    from generator.site.pages.shared import PAGE_SIZE, Site

    site = Site.__new__(Site)
    site.directory_urls, site.links_from_source, site.L = True, False, LABELS["nl"]
    total = 49

    def links(number: int) -> set[int]:
        pager = site.pager("lists/lessons.md", number, total * PAGE_SIZE)
        return {page["number"] for page in pager["pages"] if not page["gap"]} - {number}

    assert sorted(links(1)) == [2, 3, 4, 5, 10, 20, 30, 40, 49]
    worst = 0
    for start in range(1, total + 1):
        clicks, frontier = {start: 0}, [start]
        while frontier:
            reached = []
            for page in frontier:
                for other in links(page) - clicks.keys():
                    clicks[other] = clicks[page] + 1
                    reached.append(other)
            frontier = reached
        assert len(clicks) == total
        worst = max(worst, max(clicks.values()))
    assert worst == 3


def test_every_and_more_of_the_backlog_leads_to_a_list_that_holds_all_of_them(generated: Path) -> None:
    """The dashboard shows the first rows of each kind of finding and the
    first people with something to do; a person's page the first rows of
    each kind: every "and N more" leads to a paged list of exactly all of
    them, the shown ones first, every row with one link."""
    from .test_backlog import MORE, _generated, _list_rows, _rows, _target

    pages = ["dashboard.md"] + sorted(p.relative_to(generated).as_posix() for p in (generated / "people").glob("*.md"))
    followed = []
    for page in pages:
        text = (generated / page).read_text("utf-8")
        for block in re.split(r"^#{2,3} ", text, flags=re.MULTILINE):
            for href, more, total in MORE.findall(block):
                first = _generated(_target(page, href))
                if first in ("lists/who-acts.md", "lists/level-balance.md"):  # tables
                    shown = block.split("<tbody>", 1)[1].count("<tr>")
                    whole = sum(_generated_rows(generated, first))
                else:
                    shown = len(_rows(block))
                    rows = _list_rows(generated, first)
                    assert all(row.count("<a ") == 1 for _, row in rows), first
                    whole = len(rows)
                assert (shown + int(more), whole) == (int(total), int(total)), (page, first)
                followed.append(first)
    assert "lists/who-acts.md" in followed
    assert any(first.startswith("lists/findings/") for first in followed)
    assert any(first.startswith("lists/to-do/") for first in followed)  # someone has more than ten of a kind


def _generated_rows(generated: Path, first: str) -> list[int]:
    """The rows of the table on each page of a paged table."""
    pages = [generated / first, *sorted((generated / first[:-3]).glob("*.md"))]
    return [page.read_text("utf-8").split("<tbody>", 1)[1].count("<tr>") for page in pages]
