"""The fixture project built with the real engine: pages, links, privacy."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from .helpers import broken_links, site_pages

pytestmark = pytest.mark.slow


def test_every_record_has_its_page(built_site: Path) -> None:
    site = built_site / "site" / "records"
    data = built_site / "data"
    taxonomy = yaml.safe_load((data / "taxonomy.yml").read_text("utf-8"))
    expected = [f"platforms/{p}" for p in taxonomy["platforms"]] + [f"channels/{c}" for c in taxonomy["channels"]]
    for folder in ("campaigns", "lessons", "people", "accounts"):
        expected += [f"{folder}/{f.stem}" for f in (data / folder).iterdir()]
    assert len(expected) == 13
    missing = [page for page in expected if not (site / page / "index.html").is_file()]
    assert missing == []


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    assert broken_links(built_site / "site") == []


def test_the_site_loads_nothing_from_another_host(built_site: Path) -> None:
    outside = [
        f"{page}: <{tag} {attribute}={url}>"
        for page, parsed in site_pages(built_site / "site").items()
        for tag, attribute, url in parsed.refs
        if tag != "a" and urlsplit(url).scheme not in ("", "data")
    ]
    assert outside == []


def test_the_site_asks_not_to_be_indexed(built_site: Path) -> None:
    site = built_site / "site"
    assert (site / "robots.txt").read_text("utf-8") == "User-agent: *\nDisallow: /\n"
    for page, parsed in site_pages(site).items():
        assert parsed.meta.get("robots") == "noindex, nofollow", page


def test_generated_pages_are_not_listed_in_the_navigation(built_site: Path) -> None:
    home = (built_site / "site" / "index.html").read_text("utf-8")
    assert "records/campaigns/" in home  # the index page is in the navigation
    assert "records/campaigns/hyves-stage-2010/" not in home.split('<div class="md-content"')[0]


def test_a_build_that_fails_after_the_engine_leaves_the_previous_site(built_site: Path, tmp_path: Path,
                                                                         monkeypatch) -> None:
    """The engine builds a whole new site, the audit then refuses it: the
    site that was there stays, byte for byte, and no half-built folder is left."""
    import shutil

    from generator.build import BuildFailed, build_site

    from .conftest import FIXTURE_EPOCH, copy_project

    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    project = copy_project(tmp_path / "p")
    shutil.copytree(built_site / "site", project / "site")
    before = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    # A hand-written page with a script: the records are valid and the engine
    # builds, but the audit of the built pages refuses the result.
    authors = project / "handbook" / "authors.md"
    authors.write_text(authors.read_text("utf-8") + "\n<script>alert(1)</script>\n", "utf-8")
    with pytest.raises(BuildFailed, match="the built pages failed the safety audit") as failure:
        build_site(project)
    [refused] = failure.value.problems.errors
    lines = authors.read_text("utf-8").splitlines()
    assert (refused.path, refused.line, refused.col, refused.message) == (
        "handbook/authors.md", len(lines), 1,
        "a <script> in the page's own text; scripts come only from the theme and from extra_javascript in mkdocs.yml")
    after = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


def _lesson_page_after(project: Path, people: dict[str, str]) -> str:
    from generator.build import generate_pages

    for ident, text in people.items():
        (project / "data" / "people" / f"{ident}.yml").write_text(text, "utf-8")
    generate_pages(project)
    return (project / "handbook" / "records" / "lessons" / "luister-eerst.md").read_text("utf-8")


def test_whoever_left_is_named_with_whom_to_ask_now(project: Path) -> None:
    """Tom Bakker wrote the lesson and left; Eva Jansen took over. Where his
    name stands, so does hers. Had she left too, her successor is who to
    ask; a chain that goes round or ends with someone gone says nobody took over."""
    eva = "name: Eva Jansen\nrole: recruiter\nteam: Werving\n"
    page = _lesson_page_after(project, {})
    said = ('<a href="../../people/tom-bakker/">Tom Bakker</a> (vertrokken op 30 juni 2014) — vraag '
            '<a href="../../people/eva-jansen/">Eva Jansen</a>')
    assert f"<td>{said}</td>" in page and f"Eigenaar: {said} ·" in page
    page = _lesson_page_after(project, {
        "eva-jansen": eva + "left: 2020-01-31\nsuccessor: lotte-smit\n",
        "lotte-smit": "name: Lotte Smit\nrole: recruiter\nteam: Werving\n"})
    assert ('Tom Bakker</a> (vertrokken op 30 juni 2014) — vraag <a href="../../people/lotte-smit/">Lotte Smit</a>'
            in page)
    page = _lesson_page_after(project, {"eva-jansen": eva + "left: 2020-01-31\nsuccessor: tom-bakker\n"})
    assert ('Tom Bakker</a> (vertrokken op 30 juni 2014) <span class="handbook-flag handbook-flag--critical">'
            in page) and "— vraag" not in page


def test_search_has_its_words_and_its_filters_in_order_beside_the_index(built_site: Path) -> None:
    """The build writes the search's words (the catalogs' `search` table)
    and the filters the index holds, in the order a reader narrows down,
    beside the index; handbook.js hands them to Pagefind's components."""
    import json
    import re

    from generator.records.vocabularies import VOCABULARIES
    from generator.site.search import FILTER_ORDER, WORDS, filter_order
    from generator.words.catalogs import LANGUAGES, texts

    written = json.loads((built_site / "site" / "pagefind" / WORDS).read_text("utf-8"))
    assert written["words"] == texts("nl", "labels", "search")
    assert written["words"]["input_hint"] == "Resultaten verschijnen terwijl je typt"
    # The fixture's records have no target group: that filter is not offered.
    assert written["filters"] == ["Soort", "Platform", "Kanaal", "Jaar", "Tag", "Niveau", "Status"]
    # The order names filters there are (`Site.filters`); one it does not
    # name (a new vocabulary's) comes after them.
    assert set(FILTER_ORDER) <= {"kind", "level", "status", "year"} | {v.term for v in VOCABULARIES if v.filter}
    assert filter_order("nl", ["Jaar", "Sector", "Soort", "Tag"]) == ["Soort", "Jaar", "Tag", "Sector"]
    # Pagefind fills in what stands in brackets: each language has what the English words have.
    english = {key: sorted(re.findall(r"\[[A-Z_]+\]", text)) for key, text in texts("en", "labels", "search").items()}
    for language in LANGUAGES:
        assert {key: sorted(re.findall(r"\[[A-Z_]+\]", text))
                for key, text in texts(language, "labels", "search").items()} == english, language


def test_search_indexes_words_not_tables_of_figures(example_nl: Path) -> None:
    """A page the handbook draws from figures (the dashboard, the figures
    page) is found by its words, not by its tables: "LinkedIn stagiairs"
    found the dashboard alone, by "LinkedIn" in its table of accounts and
    "Stagiairs werven via Hyves" in its table of campaigns, and the figures
    page's indexed text was four words in ten a number. On every page of
    the handbook's making, a table with column headings (a table of
    figures) is not indexed; what is, is mostly words."""
    import gzip
    import json
    import re
    from html.parser import HTMLParser

    class Tables(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            # Each open element: its tag, whether search reads it (the page's body, `data-pagefind-body`)
            # and whether it skips it, or it is a record's own text.
            self.open: list[tuple[str, bool, bool]] = []
            self.table: bool | None = None  # in a table search reads
            self.indexed: list[str] = []

        def handle_starttag(self, tag: str, attrs: list) -> None:
            if tag in ("br", "img", "hr", "wbr", "input", "meta", "link", "source", "col"):
                return
            named = dict(attrs)
            skipped = "data-pagefind-ignore" in named or "handbook-text" in (named.get("class") or "").split()
            self.open.append((tag, "data-pagefind-body" in named, skipped))
            if tag == "table":
                self.table = any(read for _, read, _ in self.open) and not any(s for _, _, s in self.open)
            if tag == "thead" and self.table:
                self.indexed.append(self.get_starttag_text() or tag)

        def handle_endtag(self, tag: str) -> None:
            for at in range(len(self.open) - 1, -1, -1):
                if self.open[at][0] == tag:
                    del self.open[at:]
                    break

    site = example_nl / "site"
    found = {}
    for page in sorted((site / "records").rglob("index.html")):
        tables = Tables()
        tables.feed(page.read_text("utf-8"))
        if tables.indexed:
            found[page.relative_to(site).as_posix()] = len(tables.indexed)
    assert found == {}

    words = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        fragment = json.loads(data[len(b"pagefind_dcd"):])
        words[fragment["url"]] = fragment["content"].split()
    numbers = {url: sum(1 for w in said if re.search(r"\d", w) and not re.search(r"[^\W\d_]{3,}", w)) / len(said)
               for url, said in words.items() if len(said) >= 40}
    assert {"/records/dashboard/", "/records/figures/"} <= set(words)
    assert {url: share for url, share in numbers.items() if share >= 0.15} == {}
    # The dashboard is found by its findings and what to do about them.
    assert "Gearchiveerd" not in words["/records/dashboard/"] and "opvolger" in words["/records/dashboard/"]
