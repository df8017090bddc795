"""An attacker's records in a real Chromium: nothing runs, nothing loads from elsewhere.

Payloads of every class (tests/payloads.py) are planted in every kind of
field of every record kind of a copy of the example handbook. Each layer is
shown to hold on its own:

* the check reports them, located (the first layer);
* with the check switched off, the renderer, the sanitizer and the audit
  still let nothing through: every page of the built site is opened and no
  planted script runs (Chromium's debugger sees no script compiled but the
  theme's), no element carries an event handler, no request leaves
  127.0.0.1;
* a script and an outside image written straight into a built page (as if
  everything before had failed) are stopped by the Content-Security-Policy.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build import build_site
from generator.cli import main

from .conftest import EXAMPLE_DATA, FIXTURE_EPOCH, copy_project
from .payloads import MARKDOWN, plant
from .browser_support import ScriptWatch, Watched, not_the_theme_s, require_browser, serve

pytestmark = pytest.mark.slow

HANDLERS = "() => [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]" \
           ".filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory):
    require_browser()
    project = copy_project(tmp_path_factory.mktemp("hostile") / "p", EXAMPLE_DATA)
    planted = plant(project / "data")
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = FIXTURE_EPOCH
    try:
        build_site(project, text_checks=False)
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
    url, server = serve(project / "site")
    yield project, planted, url
    server.shutdown()
    server.server_close()


def test_the_check_reports_the_planted_markdown(hostile_site) -> None:
    project, planted, _ = hostile_site
    result = CliRunner().invoke(main, ["check", "--language", "en", "--project", str(project)],
                                env={"SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "GITHUB_ACTIONS": None})
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    for path in planted[:-1]:  # every record file with Markdown fields
        found = [line for line in lines if line.startswith(path + ":")]
        assert any("contains HTML ('<script>window.__pwned=1</script>')" in line for line in found), path
        assert any("has a link to a 'javascript:' address" in line for line in found), path
    assert len(MARKDOWN) > 30


def test_no_planted_payload_runs_or_loads_in_chromium(hostile_site, browser) -> None:
    project, _, url = hostile_site
    site = project / "site"
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))
    assert len(pages) > 100
    theme_files = {p.relative_to(site).as_posix() for p in site.rglob("*.js")}
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watch = ScriptWatch(context)
    page = Watched(watch.page)
    missing: list[str] = []
    page.page.on("response", lambda response: missing.append(response.url) if response.status == 404 else None)
    try:
        ran, handlers, foreign = [], [], []
        for relative in pages:
            foreign += not_the_theme_s(watch, url, site, relative, theme_files)
            if page.page.evaluate("() => window.__pwned !== undefined"):
                ran.append(relative)
            handlers += [f"{relative}: {h}" for h in page.page.evaluate(HANDLERS)]
        assert foreign == []
        # The planted text is there, shown as text.
        page.page.goto(url + "records/lessons/aanval-les/")
        assert "<script>window.__pwned=1</script>" in page.page.inner_text("article")
        # And so in search: the planted titles in its results (through its
        # result template), the planted terms among its filters.
        page.page.goto(url)
        page.page.locator(".handbook-search button").wait_for()
        page.page.keyboard.press("Control+k")
        page.page.locator("pagefind-modal").get_by_role("searchbox").fill("onerror")
        titles = page.page.locator("pagefind-results a.pf-result-link")
        titles.first.wait_for(timeout=15_000)
        page.page.locator(".handbook-search-filters > summary").click()
        platforms = page.page.locator('details.handbook-filter[data-filter="Platform"]')
        platforms.locator("> summary").click()
        assert "<img src=x onerror=window.__pwned=1>" in platforms.locator(
            ".handbook-filter-value > span:first-child").all_inner_texts()
        assert any("<img src=x onerror=window.__pwned=1>" in title for title in titles.all_inner_texts())
        if page.page.evaluate("() => window.__pwned !== undefined"):
            ran.append("search")
        handlers += [f"search: {h}" for h in page.page.evaluate(HANDLERS)]
        assert ran == []
        assert handlers == []
        assert page.outside() == []
        # What an author's own relative image address names that is not in
        # the handbook is missing, and says so; it is no error of the site.
        # ('/\\127.0.0.2/c.png' stays on this host: the parser encodes the backslash).
        assert sorted({address.split("/", 3)[3] for address in missing}) == ["%5C127.0.0.2/c.png"]
        assert [e for e in page.errors if "404" not in e] == []
    finally:
        context.close()


def test_the_content_security_policy_stops_what_slipped_through(hostile_site, browser, tmp_path: Path) -> None:
    project, _, url = hostile_site
    page_file = project / "site" / "records" / "lessons" / "aanval-les" / "index.html"
    original = page_file.read_text("utf-8")
    page_file.write_text(original.replace(
        "</article>",
        '<script>window.__pwned=1</script><img src="http://127.0.0.2/x.png">'
        '<link rel="stylesheet" href="//127.0.0.2/a.css"><div style="background:url(http://127.0.0.2/b.png)">x</div>'
        "</article>", 1), "utf-8")
    context = browser.new_context()
    page = Watched(context.new_page())
    answered: list[str] = []
    failed: list[tuple[str, str]] = []
    page.page.on("response", lambda response: answered.append(response.url))
    page.page.on("requestfailed", lambda request: failed.append((request.url, request.failure or "")))
    try:
        page.page.goto(url + "records/lessons/aanval-les/")
        page.page.wait_for_load_state("load")
        page.page.wait_for_timeout(300)
        assert page.page.evaluate("() => window.__pwned") is None
        # Chromium announces the requests it then refuses: none is answered.
        assert [address for address in answered if address.startswith("http://127.0.0.2")] == []
        planted = {"http://127.0.0.2/a.css", "http://127.0.0.2/b.png", "http://127.0.0.2/x.png"}
        assert {reason for _, reason in failed} == {"csp"}
        assert set(page.outside()) == {address for address, _ in failed} <= planted
        refused = [error for error in page.errors if "Content Security Policy" in error]
        assert len(refused) >= 3, page.errors
    finally:
        context.close()
        page_file.write_text(original, "utf-8")
