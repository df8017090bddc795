"""The site as readers see it: the example handbook in a real Chromium.

The built example site is served on 127.0.0.1 and driven with Playwright
through Debian's Chromium (browsers cannot be downloaded here). Every page a
test opens is watched: no console error, and no request to any other host.
Screenshots of each page kind are left in test-artifacts/screenshots/.

Without Chromium these tests fail, on every machine, and say how to
install it: a skipped test would guard nothing.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from .browser_support import AXE, SCREENSHOTS, Watched, require_browser, serve

pytestmark = pytest.mark.slow

PAGE_KINDS = {
    "home": "",
    "campaign": "records/campaigns/facebook-fanpagina-monteurs-2010/",
    "lesson": "records/lessons/dialoogmoe-2023/",
    "platform": "records/platforms/linkedin/",
    "channel": "records/channels/vacaturebanken/",
    "person": "records/people/lotte-jansen/",
    "account": "records/accounts/hyves-werken-bij/",
    "campaign-list": "records/campaigns/",
    "lesson-list": "records/lessons/",
    "account-register": "records/accounts/",
    "dashboard": "records/dashboard/",
    "figures": "records/figures/",
    "timeline": "records/timeline/",
    "reference": "reference/",
    "manager": "records/people/eva-smit/",
}
# Pages whose tables a reader compares: at 1,280 px none may hide a column
# behind a horizontal scroll.
TABLE_PAGES = ["campaign", "platform", "channel", "account-register", "dashboard", "figures",
               "person"]
# Tables whose key columns must stay in view on a 390 px phone: (page, table, key column headers).
# The tables of results (figures, campaign, platform): test_figures_on_a_phone.
KEY_COLUMNS = [
    ("account-register", 0, ["Account", "Status", "Eigenaar"]),
]
FITS = """() => [...document.querySelectorAll('article table')].map(t => [t.scrollWidth, t.clientWidth])"""
VISIBLE = """([index, headers]) => {
    const table = document.querySelectorAll('article table')[index];
    const box = table.getBoundingClientRect();
    const cells = [...table.querySelectorAll('thead th')];
    return headers.map(h => {
        const cell = cells.find(c => c.textContent.trim() === h);
        if (!cell) return h + ': missing';
        const r = cell.getBoundingClientRect();
        const shown = getComputedStyle(cell).display !== 'none' && r.left >= box.left - 1 && r.right <= box.right + 1
                      && r.right <= window.innerWidth;
        return h + ': ' + (shown ? 'shown' : 'hidden');
    });
}"""


# Every chart of the page, as drawn: the smallest of its texts in CSS px.
# An SVG shown by <img> has no DOM to measure, so its own file (the drawing
# <picture> chose, `currentSrc`) is read as text (parsed into a document,
# it would break the page's style policy): a text's size in the SVG's units
# (matplotlib writes `<text style="font-size: 9px; …">`), times the width
# the image is shown at, over the width of its viewBox. Then every table
# with a cost per hire: its headings, hidden or not and whether each lies
# inside the window, whether it scrolls sideways, and the note over it that
# names its hidden columns.
FIGURES = """async () => {
    const charts = [];
    for (const img of document.querySelectorAll('article img')) {
        await img.decode();
        const svg = await (await fetch(img.currentSrc)).text();
        const box = /<svg\\b[^>]*\\bviewBox="([^"]*)"/.exec(svg)[1].split(/[\\s,]+/).map(Number);
        const sizes = [...svg.matchAll(/<text\\b[^>]*>/g)].map(([tag]) => {
            const size = /font-size:\\s*([\\d.]+)px/.exec(tag);
            return size ? Number(size[1]) : NaN;  // a text without a size fails the test
        });
        const shown = img.getBoundingClientRect().width;
        charts.push({src: img.currentSrc.split('/charts/')[1], texts: sizes.length,
                     smallest: Math.round(100 * Math.min(...sizes) * shown / box[2]) / 100});
    }
    const tables = [];
    for (const table of document.querySelectorAll('article table')) {
        const headings = [...table.querySelectorAll('thead th')];
        if (!headings.some(h => h.textContent.trim() === 'Kosten per aanname')) continue;
        const columns = headings.map(h => {
            const r = h.getBoundingClientRect();
            const state = getComputedStyle(h).display === 'none' ? 'hidden'
                : r.left >= 0 && r.right <= document.documentElement.clientWidth ? 'in view' : 'out of view';
            return [h.textContent.trim(), state];
        });
        let note = table.closest('.md-typeset__scrollwrap') || table;
        do { note = note.previousElementSibling; } while (note && !note.matches('.handbook-left-out, h2, table'));
        const noted = note && note.matches('.handbook-left-out') && note.getBoundingClientRect().height > 0
            && getComputedStyle(note).visibility === 'visible' ? note.textContent.trim() : null;
        tables.push({columns, scrolls: table.scrollWidth > table.clientWidth, note: noted});
    }
    return {charts, tables, page_scrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth};
}"""
FIGURE_PAGES = {"figures": 2, "campaign": 0, "platform": 1, "channel": 1}  # page kind: its charts


@pytest.fixture(scope="module")
def sites(example_nl: Path, example_en: Path):
    """The example handbook built in Dutch and in English (once for the
    run, shared with the tests that read its pages), each served."""
    require_browser()
    served = {language: serve(project / "site") for language, project in (("nl", example_nl), ("en", example_en))}
    yield {language: url for language, (url, _) in served.items()}
    for _, server in served.values():
        server.shutdown()
        server.server_close()


def _watched_page(browser, viewport: dict[str, int] | None = None, **options):
    """A page in a fresh context (1,280 × 900 unless `viewport` says
    otherwise); after the test, nothing may have left 127.0.0.1 and nothing
    may have been logged as an error."""
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900}, **options)
    page = Watched(context.new_page())
    yield page
    try:
        assert page.outside() == [], "requests left 127.0.0.1"
        assert page.errors == [], "console errors"
    finally:
        context.close()


@pytest.fixture
def watched(browser):
    yield from _watched_page(browser)


@pytest.fixture
def phone(browser):
    """A watched page on a 390 × 844 phone."""
    yield from _watched_page(browser, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)


def test_the_home_page_renders_with_its_navigation(sites, watched) -> None:
    page = watched.page
    page.goto(sites["nl"])
    assert page.title() == "Wervingshandboek"
    assert page.locator("html").get_attribute("lang") == "nl"
    navigation = page.locator("nav.md-nav--primary").first
    for label in ("Campagnes", "Lessen", "Platforms", "Kennisgezondheid", "Tijdlijn"):
        assert navigation.get_by_text(label, exact=True).count() >= 1, label


RESULT_LINKS = "pagefind-results a.pf-result-link"


def _search(page, base: str, term: str, key: str = "Control+k") -> list[str]:
    """Open the search from the header as a reader does, type, and read the
    result links (pages, not their sections) as they appear."""
    page.goto(base)
    # The button is there once the search has its words (handbook.js).
    page.locator(".handbook-search button").wait_for()
    page.keyboard.press(key)
    # The search box only: the filter checkboxes of the same modal appear
    # as soon as Pagefind has loaded its filters, sometimes before typing.
    page.locator("pagefind-modal").get_by_role("searchbox").fill(term)
    page.locator(RESULT_LINKS).first.wait_for(timeout=15_000)
    return _settled_links(page)


def _settled_links(page) -> list[str]:
    """The result links once the list has them all: each result's link
    comes when its page's data has loaded, so the list grows for a moment
    (on a busy machine 4 of 18 were read)."""
    seen, same_since = -1, time.monotonic()
    while time.monotonic() - same_since < 0.3:
        count = page.locator(RESULT_LINKS).count()
        if count != seen:
            seen, same_since = count, time.monotonic()
        page.wait_for_timeout(50)
    return page.locator(RESULT_LINKS).evaluate_all("links => links.map(a => a.getAttribute('href'))")


def test_a_dutch_search_term_finds_the_lesson(sites, watched) -> None:
    hrefs = _search(watched.page, sites["nl"], "dialoogmoe")
    assert any("records/lessons/dialoogmoe-2023/" in href for href in hrefs[:3]), hrefs
    assert watched.outside() == [] and watched.errors == []


def test_an_english_search_term_finds_the_lesson_in_the_english_site(sites, watched) -> None:
    """In English, in the English site's words: what a result is, the summary."""
    page = watched.page
    hrefs = _search(page, sites["en"], "spammer", key="/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert any("records/lessons/vacatures-in-facebookgroepen-2024/" in href for href in hrefs[:3]), hrefs
    assert page.locator(".handbook-search button").inner_text() == "Search"
    assert page.locator("pagefind-input input").get_attribute("placeholder") == "Search the handbook"
    page.wait_for_function("() => document.querySelectorAll('.handbook-result-about').length > 0")
    assert "Lesson · 30 April 2024" in page.locator(".handbook-result-about").all_inner_texts()
    assert re.fullmatch(r"\d+ results? for ‘spammer’", page.locator(".handbook-search-summary").inner_text())


def test_search_finds_dutch_word_forms_and_not_the_lists(sites, watched) -> None:
    # "campagnes" finds pages that say "campagne": Pagefind stems Dutch.
    hrefs = _search(watched.page, sites["nl"], "aanbrengbonussen")
    assert any("/records/lessons/" in href or "/records/campaigns/" in href for href in hrefs), hrefs
    assert not any("/records/lists/" in href or "/records/tags/" in href for href in hrefs), hrefs


def test_search_finds_a_lesson_on_its_own_page_not_on_every_page_that_lists_it(sites, watched) -> None:
    """Ten later campaigns list this lesson under what was already known, its
    author's page lists it too: a search for a word of its title finds the
    lesson, not each page that links to it. Its own campaign is found: the
    lesson answers one of that campaign's learning goals."""
    hrefs = _search(watched.page, sites["nl"], "advertentiezuil")
    assert any("/records/lessons/eenrichtingsverkeer-hyves-2009/" in href for href in hrefs[:2]), hrefs
    assert [href for href in hrefs if "/records/campaigns/" in href or "/records/people/" in href] == [
        "/records/campaigns/hyves-stagiairs-2009/"], hrefs


def test_a_common_word_shows_the_best_fifty_and_says_how_many_there_are(sites, watched) -> None:
    """A word on most pages ('de'): the list holds the fifty best (in a
    handbook of 10,000 records a placeholder for each of thousands of results
    kept the browser busy for seconds); the summary counts them all."""
    page = watched.page
    _search(page, sites["nl"], "de")
    results = page.locator("pagefind-results ul.pf-results > li.pf-result")
    summary = page.locator(".handbook-search-summary")
    page.wait_for_function("() => document.querySelector('.handbook-search-summary').innerText.startsWith('De beste')")
    said = re.fullmatch(r"De beste 50 van ([\d.]+) resultaten voor ‘de’; kies een filter om te verfijnen\.",
                        summary.inner_text())
    assert said, summary.inner_text()
    assert int(said[1].replace(".", "")) > 50
    assert results.count() == 50
    # In English too, in the English site's words.
    _search(page, sites["en"], "de")
    page.wait_for_function("() => document.querySelector('.handbook-search-summary').innerText.startsWith('The best')")
    assert re.fullmatch(r"The best 50 of [\d,]+ results for ‘de’; choose a filter to narrow them down\.",
                        summary.inner_text()), summary.inner_text()
    assert watched.outside() == [] and watched.errors == []


def test_a_record_s_facts_are_not_what_search_finds(sites, watched) -> None:
    """Every lesson has the label 'Auteur' in its facts: a search for the
    word finds the one lesson whose text says it, not every lesson. Nor do
    the facts' values count: the records of someone who left say "zonder
    opvolger" beside their name, but no record's own text says it."""
    hrefs = _search(watched.page, sites["nl"], "auteur")
    assert [href for href in hrefs if "/records/lessons/" in href] == ["/records/lessons/inmail-templates-2025/"], hrefs
    hrefs = _search(watched.page, sites["nl"], "opvolger")
    assert [href for href in hrefs if re.match(r"/records/(lessons|campaigns|accounts|platforms|people)/", href)] == [], hrefs


def test_the_handbook_s_own_headings_and_intros_are_not_what_search_finds(sites, watched) -> None:
    """Every person's page has the heading "Wat deze persoon beheert" and a
    link "Wat … beheert", but no person's record says the word: search finds
    pages whose text does, not the people."""
    page = watched.page
    page.goto(sites["nl"] + "records/people/fatima-el-amrani/")
    assert page.locator("h2", has_text="Wat deze persoon beheert").count() == 1
    hrefs = _search(page, sites["nl"], "beheert")
    assert "/records/accounts/youtube-regio-west/" in hrefs  # its description says it
    assert [href for href in hrefs if "/records/people/" in href] == [], hrefs


# The search's filters in the order a reader narrows a question down.
FILTER_ORDER = ["Soort", "Platform", "Doelgroep", "Kanaal", "Jaar", "Tag", "Niveau", "Status"]
RESULT_BOXES = """(height) => [...document.querySelectorAll('pagefind-results li.pf-result')].map(r => {
    const box = r.getBoundingClientRect(); return box.bottom <= height && box.height > 0; })"""


@pytest.mark.parametrize("screen", ["watched", "phone"])
def test_a_search_answers_in_the_site_s_words_and_says_which_word_found_nothing(sites, request, screen: str) -> None:
    """"Should we run a LinkedIn campaign for trainees?" No page says
    "trainees": the summary says so, and what "LinkedIn" found, instead of
    counting those as results of both. Results come first, at 1,280 px and
    on a phone: the filters folded, the first results whole on the first
    screen, each saying what it is (and when, but for the platform's own
    page), with what the record says (not
    its title again). Every word is the site's ("je", not "u"; no "Reset"),
    and the filters come in a fixed order."""
    watched = request.getfixturevalue(screen)
    page = watched.page
    height = page.viewport_size["height"]
    _search(page, sites["nl"], "LinkedIn trainees")
    summary = page.locator(".handbook-search-summary")
    page.wait_for_function("() => document.querySelector('.handbook-search-summary').innerText.startsWith('Niets')")
    assert re.fullmatch(r"Niets gevonden voor ‘trainees’\. \d+ resultaten voor ‘LinkedIn’", summary.inner_text())
    assert page.locator(".handbook-search button").inner_text() == "Zoeken"
    assert page.locator("pagefind-input input").get_attribute("placeholder") == "Zoek in het handboek"
    assert page.locator("pagefind-input [id^=pf-input-hint]").text_content() == "Resultaten verschijnen terwijl je typt"
    assert page.locator("pagefind-input button.pf-input-clear").inner_text() == "Wissen"
    assert "esc sluiten" in page.locator("pagefind-keyboard-hints").inner_text().replace("\n", " ")

    results = page.locator("pagefind-results li.pf-result")
    results.nth(2).locator(".pf-result-excerpt").wait_for()
    assert page.locator(".handbook-search-filters").get_attribute("open") is None
    whole = page.evaluate(RESULT_BOXES, height)
    assert whole[:3] == [True, True, True], whole
    for n in range(3):
        result = results.nth(n)
        about = result.locator(".handbook-result-about").inner_text()
        assert re.fullmatch(r"Les · \d{1,2} [a-z]+ \d{4}|Campagne · \d{4}(–\d{4}| – loopt nog)?|Platform", about), about
        title = result.locator(".pf-result-title").inner_text()
        excerpt = result.locator(".pf-result-excerpt").inner_text()
        assert len(excerpt) > 40 and not excerpt.startswith(title[:20]), (title, excerpt)

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"search-{page.viewport_size['width']}.png"))

    page.locator(".handbook-search-filters > summary").click()
    assert page.locator(".handbook-search-groups details.handbook-filter").evaluate_all(
        "groups => groups.map(g => g.querySelector('.handbook-filter-name').textContent)") == FILTER_ORDER


def test_the_open_search_with_its_filters_is_accessible(sites, scanned) -> None:
    """Results, the unfolded filters and an open dropdown, as axe sees them."""
    page = scanned.page
    _search(page, sites["nl"], "LinkedIn trainees")
    _check_filter(page, "Platform", "LinkedIn")
    page.locator('details.handbook-filter[data-filter="Doelgroep"] > summary').click()
    page.locator('details.handbook-filter[data-filter="Doelgroep"] .handbook-filter-value:visible').first.wait_for()
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [f"{violation['id']} ({violation['impact']}): {violation['help']} — "
               + "; ".join(node["target"][0] for node in violation["nodes"][:3])
               for violation in results["violations"] if violation["impact"] in ("serious", "critical")]
    assert serious == [], "\n".join(serious)


def test_a_search_filter_narrows_the_results_to_one_kind(sites, watched) -> None:
    page = watched.page
    hrefs = _search(page, sites["nl"], "linkedin")
    assert {href.split("/")[2] for href in hrefs} > {"lessons"}, hrefs
    _check_filter(page, "Soort", "Les")
    # Results change a moment after the click: wait until every one is a lesson.
    page.wait_for_function(
        "() => { const links = [...document.querySelectorAll('pagefind-results a.pf-result-link')];"
        " return links.length > 0 && links.every(a => a.getAttribute('href').includes('/records/lessons/')); }",
        timeout=10_000)


def test_from_a_campaign_to_its_lesson_and_back(sites, watched) -> None:
    page = watched.page
    page.goto(sites["nl"] + "records/campaigns/facebook-fanpagina-monteurs-2010/")
    lessons = page.locator(":is(h2#lessen + ul, h2#lessen + .handbook-order + ul) a")
    assert lessons.count() >= 1
    title = lessons.first.inner_text()
    lessons.first.click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text().startswith(title)
    page.locator("article a[href*='campaigns/facebook-fanpagina-monteurs-2010']").first.click()
    page.wait_for_load_state()
    assert "records/campaigns/facebook-fanpagina-monteurs-2010/" in page.url


def test_a_platform_page_lists_its_campaigns_lessons_and_accounts(sites, watched) -> None:
    page = watched.page
    page.goto(sites["nl"] + "records/platforms/facebook/")
    for heading in ("campagnes", "lessen-die-hier-gelden", "accounts"):
        items = page.locator(f":is(h2#{heading} + ul, h2#{heading} + .handbook-order + ul) li")
        assert items.count() >= 1, heading


def test_the_dashboard_shows_its_charts(sites, watched) -> None:
    page = watched.page
    page.goto(sites["nl"] + "records/dashboard/")
    charts = page.locator("article img[src$='.svg']")
    assert charts.count() == 3
    for index in range(3):
        chart = charts.nth(index)
        chart.scroll_into_view_if_needed()
        assert chart.evaluate("img => img.complete && img.naturalWidth > 0")
        assert chart.get_attribute("alt")


def test_light_and_dark(sites, watched) -> None:
    page = watched.page
    page.goto(sites["nl"])
    body = page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') !== '{before}'")
    assert {before, body.get_attribute("data-md-color-scheme")} == {"default", "slate"}


def test_the_navigation_works_on_a_narrow_screen(sites, browser) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = Watched(context.new_page())
    try:
        page.page.goto(sites["nl"])
        page.page.locator(".md-header label.md-header__button[for=__drawer]").click()
        link = page.page.locator("nav.md-nav--primary a.md-nav__link", has_text=re.compile(r"^\s*Lessen\s*$")).first
        link.wait_for(state="visible")
        link.click()
        page.page.wait_for_load_state()
        assert page.page.url.endswith("records/lessons/")
        assert page.outside() == [] and page.errors == []
    finally:
        context.close()


@pytest.fixture
def scanned(browser):
    """A page in a context that lets the test add the accessibility scanner's
    script, which the site's Content-Security-Policy would refuse."""
    yield from _watched_page(browser, bypass_csp=True)


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_each_page_kind_is_accessible_and_leaves_a_screenshot(sites, scanned, kind: str) -> None:
    page = scanned.page
    page.goto(sites["nl"] + PAGE_KINDS[kind])
    # Loaded, with its fonts and its charts drawn: what a reader sees (not
    # half a second of network silence, which would only wait).
    page.wait_for_load_state("load")
    page.evaluate("() => document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => r())))")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{kind}.png"), full_page=False)
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results["violations"] if violation["impact"] in ("serious", "critical")
    ]
    assert serious == [], "\n".join(serious)


@pytest.fixture(scope="module")
def handover_site(handed_over: Path):
    """The example handbook after its first handover (conftest), served."""
    require_browser()
    url, server = serve(handed_over / "site")
    yield url
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("width", [1280, 390])
def test_a_handover_page_reads_on_a_screen_and_a_phone(handover_site, browser, width: int) -> None:
    """Thomas Mulder's handover, as Fatima opens it from her reminder: where
    it is (Start › Mensen › Overdracht · 2026, the menu on Mensen), what is
    still to do in view below the facts, nothing wider than the screen, and
    nothing the accessibility scanner calls serious."""
    for watched in _watched_page(browser, viewport={"width": width, "height": 900 if width > 400 else 844},
                                 bypass_csp=True, **({"is_mobile": True, "has_touch": True} if width < 400 else {})):
        page = watched.page
        page.goto(handover_site + "records/handovers/thomas-mulder/#to-do")
        page.wait_for_load_state("load")
        assert page.locator("article h1").inner_text().removesuffix("¶") == "Overdracht van Thomas Mulder"
        assert [t.strip() for t in page.locator("article nav.handbook-path li").all_inner_texts()] == [
            "Start", "Mensen", "Overdracht · 2026"]
        marked = page.locator("nav.md-nav--primary .md-nav__item--active > .md-nav__link").first
        assert marked.inner_text().strip() == "Mensen"
        to_do = page.locator("article h2#to-do")
        assert to_do.inner_text().removesuffix("¶") == "Nog te doen (5)"
        box = to_do.bounding_box()
        assert box is not None and 0 <= box["y"] < 200, box  # the anchor brings it in view
        assert page.locator("article ul li", has_text="toegang nog niet over").count() == 2  # the to-do and what moved
        assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"handover-{width}.png"), full_page=True)
        page.add_script_tag(path=str(AXE))
        results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        serious = [f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:3])
                   for v in results["violations"] if v["impact"] in ("serious", "critical")]
        assert serious == [], "\n".join(serious)


@pytest.mark.parametrize("kind", TABLE_PAGES)
def test_no_table_hides_a_column_at_1280_px(sites, watched, kind: str) -> None:
    page = watched.page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(sites["nl"] + PAGE_KINDS[kind])
    widths = page.evaluate(FITS)
    assert widths, "the page has tables"
    assert [w for w in widths if w[0] > w[1]] == [], "a table scrolls sideways"


@pytest.mark.parametrize(("kind", "index", "headers"), KEY_COLUMNS)
def test_key_columns_stay_in_view_on_a_phone(sites, phone, kind: str, index: int, headers: list[str]) -> None:
    phone.page.goto(sites["nl"] + PAGE_KINDS[kind])
    assert phone.page.evaluate(VISIBLE, [index, headers]) == [f"{h}: shown" for h in headers]


def test_figures_on_a_phone(sites, phone, watched) -> None:
    """On a phone 390 px wide every chart's text is at least 11 px (the wide
    drawing, shrunk, was 3.7 to 4.6 px); a table of results keeps its first
    column, the hires and the cost per hire in view without scrolling
    sideways, and says which columns it leaves out. At 1,280 px every
    column is there and no chart's text is smaller than 11 px (it was
    9.1 px on a channel's page)."""
    for kind, count in FIGURE_PAGES.items():
        phone.page.goto(sites["nl"] + PAGE_KINDS[kind])
        seen = phone.page.evaluate(FIGURES)
        assert len(seen["charts"]) == count, (kind, seen["charts"])
        for chart in seen["charts"]:
            assert chart["texts"] > 10 and chart["smallest"] >= 11, (kind, chart)
        assert seen["tables"] and not seen["page_scrolls"], kind
        for table in seen["tables"]:
            states = dict(table["columns"])
            assert not table["scrolls"] and "out of view" not in states.values(), (kind, table)
            assert states["Kosten per aanname"] == "in view" and states.get("Aangenomen", "in view") == "in view", (
                kind, table)
            # Its first column (the one-row table of a platform has none that names a row).
            assert table["columns"][0][1] == "in view" or table["columns"][0][0] == "Bereik", (kind, table)
            hidden = [name for name, state in table["columns"] if state == "hidden"]
            if hidden:
                assert table["note"] and table["note"].startswith("Op een smal scherm zonder de kolommen "), (kind, table)
                named = table["note"].removeprefix("Op een smal scherm zonder de kolommen ").split(";")[0]
                assert re.split(r", | en ", named) == hidden, (kind, table)
        assert any(table["note"] for table in seen["tables"]), kind

        watched.page.goto(sites["nl"] + PAGE_KINDS[kind])
        seen = watched.page.evaluate(FIGURES)
        assert len(seen["charts"]) == count, (kind, seen["charts"])
        for chart in seen["charts"]:
            assert chart["smallest"] >= 11, (kind, chart)  # a channel's page was 9.1 px
        for table in seen["tables"]:
            assert {state for _, state in table["columns"]} == {"in view"} and not table["scrolls"], (kind, table)
            assert table["note"] is None, (kind, table)


def test_the_dashboard_summary_is_on_the_first_screen(sites, watched) -> None:
    page = watched.page
    page.goto(sites["nl"] + PAGE_KINDS["dashboard"])
    summary = page.locator("article table").first
    assert summary.locator("thead th").all_inner_texts() == ["Bevinding", "Aantal", "Ernst", "Wie"]
    from generator.records.health import FINDINGS

    assert summary.locator("tbody tr").count() == len(FINDINGS)
    assert page.locator(".handbook-headline").count() == 6
    box = summary.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 900 + 120  # in view, or nearly, without scrolling far


def test_the_backlog_and_a_person_s_to_do_list_work_on_a_desk_and_on_a_phone(sites, watched, phone) -> None:
    """At 1,280 and at 390 px: nothing scrolls sideways; every row of the
    backlog has one link; a name in "who has what to do" leads to that
    person's list, in view, whose first row leads to its record."""
    one_link = ("() => [...document.querySelectorAll('article ul[data-pagefind-ignore] > li')]"
                ".filter(li => li.querySelectorAll('a').length !== 1).map(li => li.textContent)")
    wide = "() => document.documentElement.scrollWidth <= window.innerWidth"
    for screen, height in ((watched, 900), (phone, 844)):
        page = screen.page
        page.goto(sites["nl"] + PAGE_KINDS["dashboard"])
        assert page.evaluate(wide), "the dashboard scrolls sideways"
        assert page.locator("article ul[data-pagefind-ignore] > li").count() >= 40
        assert page.evaluate(one_link) == []
        who = page.locator("article a[href$='people/eva-smit/#to-do']")
        who.click()
        page.wait_for_url("**/records/people/eva-smit/#to-do")
        heading = page.locator("article h2#to-do")
        heading.wait_for()
        box = heading.bounding_box()
        assert box is not None and 0 <= box["y"] <= height, box
        assert page.evaluate(wide), "the person's page scrolls sideways"
        assert [h.removesuffix("¶") for h in page.locator("article h2").all_inner_texts()] == [
            "Te doen (27)", "Wat deze persoon beheert"]
        first = page.locator("article h2#to-do ~ ul li a").first
        target = first.get_attribute("href")
        first.click()
        page.wait_for_load_state()
        assert page.url.split("#")[0].endswith(target.split("#")[0].lstrip("./")), (page.url, target)
        assert screen.outside() == [] and screen.errors == []


@pytest.mark.parametrize("lesson", ["dialoogmoe-2023", "facebook-boven-hyves-2011", "vacatures-in-facebookgroepen-2024"])
def test_a_lesson_s_text_is_on_the_first_screen_of_a_phone(sites, phone, lesson: str) -> None:
    """Right under the title (after a notice that a later lesson replaces
    it): the lesson, then what to do; a repeated mistake and the facts after."""
    phone.page.goto(sites["nl"] + f"records/lessons/{lesson}/")
    box = phone.page.locator("article h2#de-les + .handbook-text p").first.bounding_box()
    assert box is not None and box["y"] + min(box["height"], 48) <= 844, box
    headings = [h.removesuffix("¶") for h in phone.page.locator("article h2").all_inner_texts()]
    assert headings[:2] == ["De les", "Aanbeveling"], headings


def test_a_list_of_lessons_says_what_each_lesson_says(sites, watched) -> None:
    page = watched.page
    page.goto(sites["nl"] + PAGE_KINDS["lesson-list"])
    entries = page.locator("article ul li")
    assert entries.count() >= 5
    gists = entries.locator(".handbook-gist").all_inner_texts()
    assert len(gists) == entries.count() and all(len(g) > 10 for g in gists), gists
    # What the lesson page itself says first, not the title again.
    first = entries.first
    title = first.locator("a").first.inner_text()
    gist = first.locator(".handbook-gist").inner_text()
    first.locator("a").first.click()
    assert page.locator("h1").inner_text().removesuffix("¶") == title
    assert page.locator("article h2#de-les + .handbook-text p").first.inner_text().startswith(
        gist.removesuffix("…"))


def _filter_value(page, name: str, value: str):
    """The button of `value` among the values of filter `name`."""
    return page.locator(f'details.handbook-filter[data-filter="{name}"] .handbook-filter-value').filter(
        has=page.locator("span:first-child", has_text=re.compile(f"^{re.escape(value)}$")))


def _check_filter(page, name: str, value: str) -> int:
    """Unfold the filters (if they are folded) and the values of filter
    `name` (if they are folded), and choose `value`: as a reader taps,
    whose taps it returns."""
    taps = 0
    folder = page.locator(".handbook-search-filters")
    if folder.get_attribute("open") is None:
        folder.locator("> summary").click()
        taps += 1
    group = page.locator(f'details.handbook-filter[data-filter="{name}"]')
    if group.get_attribute("open") is None:
        group.locator("> summary").click()
        taps += 1
    button = _filter_value(page, name, value)
    button.click()
    page.wait_for_function("(b) => b.getAttribute('aria-pressed') === 'true'", arg=button.element_handle())
    return taps + 1


def test_one_search_with_two_filters_answers_what_we_know_of_a_platform_for_a_group(sites, watched,
                                                                                   example_nl: Path) -> None:
    """"What do we know about LinkedIn for ICT specialists?": one search,
    filtered by platform and by target group (a lesson is in the groups of
    its campaigns), gives exactly those lessons, one result each, and
    each result says that it is a lesson, of when, and what the lesson says;
    folded, the filters say what they narrow to."""
    from generator.records.load import load_catalog
    from generator.words.labels import format_day
    from generator.words.problems import Problems

    from .conftest import MANAGER, TODAY

    catalog = load_catalog(example_nl, Problems(), TODAY)
    expected = {f"/records/lessons/{lid}/" for lid, entry in catalog.lessons.items()
                if "linkedin" in entry.record.applies_to.platforms
                and any("ict-specialisten" in catalog.campaigns[cid].record.target_groups
                        for cid in entry.record.campaigns)}
    assert len(expected) >= 2
    page = watched.page
    _search(page, sites["nl"], "linkedin")
    _check_filter(page, "Soort", "Les")
    _check_filter(page, "Platform", "LinkedIn")
    _check_filter(page, "Doelgroep", "ICT-specialisten")
    # A result is filled in when it comes into view: each is scrolled to until all are.
    try:
        page.wait_for_function(
            "(n) => { const results = [...document.querySelectorAll('pagefind-results li.pf-result')];"
            " results.forEach(result => result.scrollIntoView());"
            " return results.length === n"
            " && document.querySelectorAll('pagefind-results a.pf-result-link').length === n; }",
            arg=len(expected), timeout=30_000)
    except Exception:
        shown = page.locator("pagefind-results a.pf-result-link").evaluate_all("ls => ls.map(a => a.href)")
        pytest.fail(f"{page.locator('.handbook-search-summary').inner_text()!r}: {shown}, expected {sorted(expected)}")
    found = page.locator("pagefind-results a.pf-result-link").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)")
    assert sorted(found) == sorted(expected)
    excerpts = page.locator("pagefind-results .pf-result-excerpt").all_inner_texts()
    assert len(excerpts) == len(expected) and all(len(text) > 40 for text in excerpts), excerpts
    about = dict(zip(found, page.locator("pagefind-results .handbook-result-about").all_inner_texts()))
    assert about == {path: "Les · " + format_day(catalog.lessons[path.split("/")[3]].record.date, "nl")
                     for path in expected}
    page.locator(".handbook-search-filters > summary").click()
    assert page.locator(".handbook-search-filters > summary").inner_text() == (
        "Filters: Les, LinkedIn, ICT-specialisten")


def test_the_menu_names_the_handbook_once(sites, watched) -> None:
    """The menu's title is the site's name; its first entry leads home
    under a name of its own, not the same words again."""
    page = watched.page
    page.goto(sites["nl"] + PAGE_KINDS["lesson"])
    labels = [text.strip() for text in page.locator("nav.md-nav--primary").first.locator(
        ".md-nav__title, .md-nav__link").all_inner_texts() if text.strip()]
    assert labels.count("Wervingshandboek") == 1, labels
    assert "Start" in labels


@pytest.mark.parametrize("width", [1280, 390])
def test_a_record_page_says_where_it_is_and_the_menu_marks_its_section(sites, browser, width: int) -> None:
    """Above the title: the way back (Start › Lessen › Les · 2023), each
    step a link that leads where it says; the menu marks the section the
    record belongs to. The same on a phone, on one line above the title."""
    for page in _watched_page(browser, viewport={"width": width, "height": 900 if width > 400 else 844}):
        for kind, section, here in (("lesson", "Lessen", "Les · 2023"), ("campaign", "Campagnes", "Campagne · 2010"),
                                    ("person", "Mensen", "Persoon"), ("channel", "Kanalen", "Kanaal")):
            page.page.goto(sites["nl"] + PAGE_KINDS[kind])
            path = page.page.locator("article nav.handbook-path")
            assert path.get_attribute("aria-label") == "Je bent hier"
            assert [t.strip() for t in path.locator("li").all_inner_texts()] == ["Start", section, here]
            crumb = path.locator("li").nth(0).bounding_box()
            title = page.page.locator("article h1").bounding_box()
            assert crumb is not None and title is not None and crumb["y"] + crumb["height"] <= title["y"] + 1
            assert crumb["height"] < 30, crumb  # one line, also at 390 px
            marked = page.page.locator("nav.md-nav--primary .md-nav__item--active > .md-nav__link").first
            assert marked.inner_text().strip() == section
        path.locator("a", has_text="Kanalen").click()
        assert page.page.locator("article h1").inner_text().removesuffix("¶") == "Kanalen"


def test_a_finished_campaign_shows_what_was_learned_since(sites, watched, example_nl: Path) -> None:
    """After its own results, lessons and story, and what was known before
    it began: the lessons drawn since it ended, from later campaigns on its
    platforms, channels or scenario, each with what it says and its year
    (none before the campaign's end)."""
    page = watched.page
    page.goto(sites["nl"] + PAGE_KINDS["campaign"])  # finished on 31 December 2010
    headings = [h.removesuffix("¶") for h in page.locator("article h2").all_inner_texts()]
    assert headings[-2:] == ["Wat we al weten", "Sindsdien geleerd"], headings
    assert headings.index("Resultaten") < headings.index("Lessen") < headings.index("Wat we al weten")
    since = page.locator("article h2#sindsdien-geleerd + .handbook-text li")
    assert since.count() == 10
    years = [int(re.search(r" · (\d{4})", text).group(1)) for text in since.all_inner_texts()]
    assert min(years) >= 2011, years
    assert all(len(g) > 10 for g in since.locator(".handbook-gist").all_inner_texts())
    assert "En nog" in page.locator("article h2#sindsdien-geleerd + .handbook-text").inner_text()


def test_home_figures_lead_to_what_they_count_and_the_feed_has_a_page(sites, watched) -> None:
    page = watched.page
    page.goto(sites["nl"])
    # A search field right under the title: the handbook's search, as from the header.
    field = page.locator("article .handbook-home-search button")
    field.wait_for()
    assert field.inner_text().strip() == "Zoek in het handboek"
    assert page.locator("article h1").bounding_box()["y"] < field.bounding_box()["y"] < 300
    field.click()
    page.locator("pagefind-modal").get_by_role("searchbox").fill("aanbrengregeling")
    page.locator(RESULT_LINKS).first.wait_for(timeout=15_000)
    # The home page (which names lessons) is a way in, not a result: search finds the records.
    found = page.locator(RESULT_LINKS).evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    assert found and all(path.startswith("/records/") for path in found), found
    page.keyboard.press("Escape")
    # No list that repeats the menu: the page's links are its figures, lessons and ways in.
    assert page.locator("article > ul > li > a[href='records/campaigns/']").count() == 0
    figure = page.locator("a.handbook-headline").nth(1)
    assert "pagina's van vertrokken collega's zonder opvolger" in figure.inner_text()
    figure.click()
    assert page.url.endswith("records/dashboard/#left-without-successor")
    heading = page.locator("h2#left-without-successor").bounding_box()
    assert heading is not None and 0 <= heading["y"] < 200  # the list it counts, in view
    page.goto(sites["nl"])
    page.get_by_role("link", name="Nieuwe lessen volgen").click()
    assert page.locator("article h1").inner_text().removesuffix("¶") == "Nieuwe lessen volgen"
    address = page.locator("article a code").inner_text()
    assert address == "https://example-org.github.io/wervingshandboek/records/feed.xml"
    assert page.locator("article .handbook-gist").count() >= 10


# Search that answers "what does the handbook know about LinkedIn for
# interns?", at the size of a real team's years of work too.
SUMMARY = ".handbook-search-summary"


@pytest.fixture(scope="module")
def synthetic_site(synthetic: Path):
    """The synthetic handbook of 1,000 records (conftest), served."""
    require_browser()
    url, server = serve(synthetic / "site")
    yield url
    server.shutdown()
    server.server_close()


def _said(page, term: str) -> tuple[str, list[str]]:
    """Type `term` into the open search (after emptying it: the line then
    gives the hint again, so the next line is about `term`); the line that
    counts the results, and the results the list has drawn."""
    box = page.locator("pagefind-modal").get_by_role("searchbox")
    box.fill("")
    page.wait_for_function("() => document.querySelector('.handbook-search-summary').innerText.startsWith('Typ een')")
    box.fill(term)
    page.wait_for_function(
        "() => !/^(Zoeken naar|Typ een|Laden)/.test(document.querySelector('.handbook-search-summary').innerText)",
        timeout=15_000)
    said = page.locator(SUMMARY).inner_text()
    if not said.startswith(("Niets gevonden", "Geen pagina")) or ". " in said:
        page.locator(RESULT_LINKS).first.wait_for()
        page.wait_for_timeout(150)  # the first screen of results, filled in
    return said, page.locator(RESULT_LINKS).evaluate_all("links => links.map(a => a.getAttribute('href'))")


def _open_search(page, base: str) -> None:
    page.goto(base)
    page.locator(".handbook-search button").wait_for()
    page.locator(".handbook-search button").click()
    page.locator("pagefind-modal").get_by_role("searchbox").wait_for()


def test_a_word_the_index_does_not_have_is_said_and_not_searched_for(sites, synthetic_site, watched) -> None:
    """Pagefind finds a word no page has by the longest word of the index
    that begins it: "interns" by "in" (58 results in the example handbook),
    "xqzv" by "x" (12; 197 of 1,000 records). Such a word is said to be
    unmatched and the results are what the other words find; a word the
    index has (also in another form, "stagiairs") or one being typed
    ("linkedi") is searched for."""
    page = watched.page
    _open_search(page, sites["nl"])
    assert _said(page, "interns") == ("Niets gevonden voor ‘interns’.", [])
    assert _said(page, "xqzv") == ("Niets gevonden voor ‘xqzv’.", [])
    alone, found = _said(page, "LinkedIn")
    count = int(re.fullmatch(r"(\d+) resultaten voor ‘LinkedIn’", alone)[1])
    assert count >= 10 and found
    said, also = _said(page, "LinkedIn interns")
    assert said == f"Niets gevonden voor ‘interns’. {count} resultaten voor ‘LinkedIn’"
    assert also[:3] == found[:3]
    assert _said(page, "xqzv LinkedIn interns")[0] == (
        f"Niets gevonden voor ‘xqzv’, ‘interns’. {count} resultaten voor ‘LinkedIn’")
    said, found = _said(page, "stagiairs")
    assert re.fullmatch(r"\d+ resultaten voor ‘stagiairs’", said) and "/records/campaigns/hyves-stagiairs-2009/" in found
    assert re.fullmatch(r"\d+ resultaten voor ‘linkedi’", _said(page, "linkedi")[0])
    # Each word is there, but no page has both: said, with what to do instead.
    assert _said(page, "LinkedIn stagiairs") == (
        "Geen pagina heeft alle woorden van ‘LinkedIn stagiairs’; zoek op één woord en kies een filter.", [])

    _open_search(page, synthetic_site)
    assert _said(page, "xqzv") == ("Niets gevonden voor ‘xqzv’.", [])
    alone = _said(page, "LinkedIn")[0]
    total = re.fullmatch(r"De beste 50 van ([\d.]+) resultaten voor ‘LinkedIn’; kies een filter om te verfijnen\.", alone)
    assert total, alone
    assert _said(page, "LinkedIn stagiairsx")[0] == (
        f"Niets gevonden voor ‘stagiairsx’. De beste 50 van {total[1]} resultaten voor ‘LinkedIn’; "
        "kies een filter om te verfijnen.")
    assert watched.outside() == [] and watched.errors == []


def test_pages_of_figures_are_not_what_a_search_for_words_finds(sites, synthetic_site, watched) -> None:
    """The dashboard and the figures page are tables of numbers beside the
    names of platforms and campaigns: "LinkedIn stagiairs" found the
    dashboard alone (LinkedIn in its table of accounts, "Stagiairs werven
    via Hyves" in its table of campaigns). Their tables are not indexed: a
    search for a platform finds the records, the pages of figures not."""
    page = watched.page
    for base in (sites["nl"], synthetic_site):
        _open_search(page, base)
        for term in ("LinkedIn", "LinkedIn stagiairs"):
            found = _said(page, term)[1]
            assert not [href for href in found if href.endswith(("/records/dashboard/", "/records/figures/"))], (
                base, term, found)
    found = _said(page, "LinkedIn stagiairs")[1]
    assert found and all(href.startswith(("/records/campaigns/", "/records/lessons/")) for href in found[:5]), found


@pytest.mark.parametrize("width", [390, 1280])
def test_two_filters_without_a_word_list_what_they_give_with_every_value_on_the_screen(synthetic_site, browser,
                                                                                       width: int) -> None:
    """"What does the handbook know about LinkedIn for interns?", on a
    phone and at a desk: open the search, unfold the filters, choose
    "Platform: LinkedIn" and "Doelgroep: Studenten en stagiairs": six taps
    (eight with the dropdowns, whose menus opened off the screen, "Soort"
    at x = −111 px). Every value of every filter lies within the screen.
    Without a word, the filters alone list the records they give (it was an
    empty list without a word of explanation), and the line says so."""
    for screen in _watched_page(browser, viewport={"width": width, "height": 844 if width < 400 else 900},
                                is_mobile=width < 400, has_touch=width < 400):
        page = screen.page
        page.goto(synthetic_site)
        page.locator(".handbook-search button").wait_for()
        page.locator(".handbook-search button").click()
        taps = 1
        assert page.locator(SUMMARY).inner_text() == "Typ een woord, of kies een filter om alles te zien wat eronder valt."
        page.locator(".handbook-search-filters > summary").click()
        taps += 1
        inside = """(width) => [...document.querySelectorAll('.handbook-filter[open] .handbook-filter-value:not([hidden])')]
            .map(b => b.getBoundingClientRect()).every(r => r.left >= 0 && r.right <= width && r.width > 0)"""
        page.locator("details.handbook-filter:not([hidden])").first.wait_for()  # once the index says what it has
        names = page.locator("details.handbook-filter:not([hidden])").evaluate_all(
            "groups => groups.map(g => g.dataset.filter)")
        assert names == FILTER_ORDER
        for name in names:  # every menu, on the screen
            page.locator(f'details.handbook-filter[data-filter="{name}"] > summary').click()
            assert page.evaluate(inside, width), name
        page.locator('details.handbook-filter[data-filter="Status"] > summary').click()  # folded again
        taps += _check_filter(page, "Platform", "LinkedIn") + _check_filter(page, "Doelgroep", "Studenten en stagiairs")
        assert taps == 6
        page.wait_for_function("() => /voor deze filters/.test(document.querySelector('.handbook-search-summary').innerText)")
        said = page.locator(SUMMARY).inner_text()
        count = re.fullmatch(r"(?:De eerste 50 van )?(\d+) resultaten voor deze filters(; kies nog een filter of typ "
                             r"een woord om te verfijnen\.)?", said)
        assert count and int(count[1]) >= 10, said
        assert page.locator(".handbook-search-filters > summary").inner_text() == (
            "Filters: LinkedIn, Studenten en stagiairs")
        page.locator(RESULT_LINKS).first.wait_for()
        first = page.locator("pagefind-results li.pf-result").first.bounding_box()
        assert first is not None and first["y"] + first["height"] <= page.viewport_size["height"], first
        # Each result is a record of that platform and that group, and says what it is.
        hrefs = page.locator(RESULT_LINKS).evaluate_all("links => links.map(a => a.getAttribute('href'))")
        for href in hrefs[:5]:
            html = page.evaluate("(href) => fetch(href).then(r => r.text())", href)
            assert 'data-pagefind-filter="Platform">LinkedIn<' in html, href
            assert 'data-pagefind-filter="Doelgroep">Studenten en stagiairs<' in html, href
        abouts = page.locator(".handbook-result-about").all_inner_texts()
        assert abouts and all(re.match(r"(Les|Campagne) · ", about) for about in abouts), abouts


def window_said(page) -> list[str]:
    """What the page's screen-reader announcer said, in order (recorded by the observer the test set up)."""
    return page.evaluate("() => window.__said")


def test_escape_folds_a_filter_and_search_speaks_the_site_s_language(sites, scanned) -> None:
    """Escape in an unfolded filter folds it and leaves the search open (it
    closed the whole search); a second Escape closes the search. What the
    filters say, to the eye and to a screen reader (their names, what is
    announced), is in the site's language: the dropdowns said "Loading
    filter options...", "LinkedIn, 16 results", "LinkedIn selected"."""
    page = scanned.page
    page.goto(sites["nl"])
    page.evaluate("""() => { window.__said = [];
        new MutationObserver(changes => changes.forEach(c => {
            const at = c.target.nodeType === 1 ? c.target : c.target.parentElement;
            const t = (c.target.textContent || '').trim();
            if (t && at && at.closest('[data-pagefind-announcer]')) window.__said.push(t); })).observe(document.body,
            {subtree: true, childList: true, characterData: true}); }""")
    page.locator(".handbook-search button").click()
    page.locator("pagefind-modal").get_by_role("searchbox").fill("linkedin")
    page.locator(RESULT_LINKS).first.wait_for()
    _check_filter(page, "Platform", "LinkedIn")
    group = page.locator('details.handbook-filter[data-filter="Platform"]')
    _filter_value(page, "Platform", "LinkedIn").focus()
    page.keyboard.press("Escape")
    assert group.get_attribute("open") is None
    assert page.evaluate("() => document.querySelector('dialog.pf-modal').open")
    assert page.evaluate("() => document.activeElement.closest('details.handbook-filter').dataset.filter") == "Platform"
    page.wait_for_timeout(600)  # what is announced is written a moment after
    announced = page.evaluate("""() => [...document.querySelectorAll('[data-pagefind-announcer] [aria-live]')]
        .map(r => r.textContent).concat(window.__said)""")
    shown = page.evaluate("""() => { const d = document.querySelector('dialog.pf-modal');
        const named = [...d.querySelectorAll('*')].flatMap(e => ['aria-label', 'placeholder', 'title']
            .map(a => e.getAttribute(a)).filter(Boolean));
        return [...d.querySelectorAll('.handbook-search-filters, .handbook-search-summary, pagefind-input, pagefind-keyboard-hints')]
            .map(e => e.innerText).concat(named); }""")
    english = re.compile(r"\b(results?|selected|deselected|Loading|options|Search|Clear|Close|filters? selected|No filter)\b")
    assert [text for text in announced + shown if english.search(text)] == []
    assert any(re.fullmatch(r"\d+ resultaten voor ‘linkedin’", text) for text in announced), announced
    # Only the handbook's own lines are announced: Pagefind's "Geen resultaten"
    # came, assertively, before each of them.
    said = [text for text in window_said(page) if text]
    assert said and all(re.fullmatch(r"(De beste \d+ van )?\d+ resultaten? voor (‘linkedin’|deze filters)\.?( .*)?", text)
                        for text in said), said
    page.keyboard.press("Escape")
    assert not page.evaluate("() => document.querySelector('dialog.pf-modal').open")
    assert scanned.errors == []


def test_a_superseded_lesson_says_so_in_search(sites, watched) -> None:
    """A lesson that no longer applies is found, and its result says it was
    superseded: its advice was overturned."""
    page = watched.page
    _open_search(page, sites["nl"])
    _said(page, "Hyves Facebook monteurs")
    abouts = page.locator("pagefind-results li.pf-result").evaluate_all(
        "items => items.map(li => [li.querySelector('a.pf-result-link').getAttribute('href'),"
        " (li.querySelector('.handbook-result-about') || {}).innerText || ''])")
    assert ["/records/lessons/facebook-boven-hyves-2011/", "Les · 25 januari 2011 · Vervangen"] in abouts, abouts
    assert all(about.endswith("Vervangen") == (href == "/records/lessons/facebook-boven-hyves-2011/")
               for href, about in abouts if href.startswith("/records/lessons/")), abouts


def test_the_word_vertrokken_finds_the_people_who_left(sites, watched, example_nl: Path) -> None:
    """A person page of someone who left is found by "vertrokken", and the
    people who left are the filter Status: Vertrokken."""
    from generator.records.load import load_catalog
    from generator.words.problems import Problems

    from .conftest import MANAGER, TODAY

    catalog = load_catalog(example_nl, Problems(), TODAY)
    left = {f"/records/people/{pid}/" for pid, entry in catalog.people.items() if entry.record.left is not None}
    assert len(left) >= 2
    page = watched.page
    _open_search(page, sites["nl"])
    said, found = _said(page, "vertrokken")
    assert left <= set(found), (said, found)
    assert [href for href in found if href.startswith("/records/people/")] == sorted(
        [href for href in found if href in left], key=found.index)
    # Each result says so, and whom to ask now, without opening the page.
    abouts = page.locator("pagefind-results li.pf-result").evaluate_all(
        "items => items.map(li => [li.querySelector('a.pf-result-link').getAttribute('href'),"
        " (li.querySelector('.handbook-result-about') || {}).innerText || ''])")
    for href, about in abouts:
        if href in left:
            now = catalog.taken_over_by(href.split("/")[-2]) or MANAGER.split()[-1]  # nobody took over: the manager
            assert about == "Persoon · Vertrokken" + (f" · vraag {catalog.people[now].record.name}" if now else ""), about
    page.locator("pagefind-modal").get_by_role("searchbox").fill("")
    _check_filter(page, "Soort", "Persoon")
    _check_filter(page, "Status", "Vertrokken")
    page.wait_for_function("(n) => /^\\d+ resultaten? voor deze filters$/.test("
                           "document.querySelector('.handbook-search-summary').innerText)"
                           " && document.querySelectorAll('pagefind-results a.pf-result-link').length === n",
                           arg=len(left))
    assert set(page.locator(RESULT_LINKS).evaluate_all("links => links.map(a => a.getAttribute('href'))")) == left


# At 390 px: every column a table hides is named in the note over it, no
# table is wider than the page's column, and no text is under 12 px.
PHONE_PAGES = ["account-register", "account", "dashboard", "figures", "channel", "campaign", "platform", "person",
               "lesson-list", "home"]
PHONE = """() => {
    const tables = [...document.querySelectorAll('article table')].map(table => {
        const hidden = [...table.querySelectorAll('thead th')].filter(h => getComputedStyle(h).display === 'none')
            .map(h => h.textContent.trim());
        let note = table.closest('.md-typeset__scrollwrap') || table;
        do { note = note.previousElementSibling; } while (note && !note.matches('.handbook-left-out, h2, table'));
        const said = note && note.matches('.handbook-left-out') && note.getBoundingClientRect().height > 0
            ? note.textContent.trim() : null;
        const box = (table.closest('.md-typeset__scrollwrap') || table).getBoundingClientRect();
        return {hidden, said, cut: table.scrollWidth > box.width + 1 || box.right > document.documentElement.clientWidth};
    });
    const small = [];
    const walk = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
    for (let node; (node = walk.nextNode());) {
        const element = node.parentElement, style = getComputedStyle(element);
        if (!node.textContent.trim() || element.closest('[hidden], template') || style.visibility === 'hidden'
            || element.getClientRects().length === 0) continue;
        if (parseFloat(style.fontSize) < 12) small.push(style.fontSize + ' ' + node.textContent.trim().slice(0, 30));
    }
    return {tables, small};
}"""


@pytest.mark.parametrize("kind", PHONE_PAGES)
def test_on_a_phone_tables_say_what_they_hide_fit_and_no_text_is_under_12_px(sites, phone, kind: str) -> None:
    """The account register and an account's facts were cut off at 390 px;
    the people list hid its Team column without a word; the sub-lines of
    lists and tables were 10.9 px."""
    phone.page.goto(sites["nl"] + PAGE_KINDS[kind])
    seen = phone.page.evaluate(PHONE)
    for table in seen["tables"]:
        assert not table["cut"], (kind, table)
        if table["hidden"]:
            assert table["said"], (kind, table)
            named = re.sub(r"^Op een smal scherm zonder de kolom(?:men)? ", "", table["said"]).split(";")[0]
            assert re.split(r", | en ", named) == table["hidden"], (kind, table)
    assert seen["small"] == [], (kind, seen["small"][:5])


def test_the_people_list_says_it_hides_the_team_on_a_phone(sites, phone) -> None:
    phone.page.goto(sites["nl"] + "records/people/")
    seen = phone.page.evaluate(PHONE)
    assert [(t["hidden"], t["said"].split(";")[0]) for t in seen["tables"]] == [
        (["Team"], "Op een smal scherm zonder de kolom Team")]


def test_on_a_phone_the_dashboard_says_what_to_do_first_and_its_figures_are_links(sites, phone) -> None:
    page = phone.page
    page.goto(sites["nl"] + PAGE_KINDS["dashboard"])
    heading = page.locator("article h2#wat-nu-te-doen").bounding_box()
    cards = page.locator("article .handbook-headlines").bounding_box()
    assert heading is not None and cards is not None
    assert heading["y"] < 844 / 2 and heading["y"] < cards["y"], (heading, cards)  # it was 830 px down
    links = page.locator("article a.handbook-headline")
    assert links.count() == 6
    links.nth(5).click()
    page.wait_for_url("**/records/dashboard/#overdue-reviews")


def test_charts_are_dark_in_the_dark_palette(sites, watched) -> None:
    """Drawn dark on white, the charts were white boxes on the dark page."""
    from io import BytesIO

    from PIL import Image, ImageStat

    page = watched.page
    page.goto(sites["nl"] + PAGE_KINDS["figures"])
    page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
    chart = page.locator("article .handbook-chart img").first
    chart.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('article .handbook-chart img').complete")
    image = Image.open(BytesIO(chart.screenshot())).convert("L")
    assert ImageStat.Stat(image).median[0] < 80, ImageStat.Stat(image).median
    page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'default')")
    image = Image.open(BytesIO(chart.screenshot())).convert("L")
    assert ImageStat.Stat(image).median[0] > 200
