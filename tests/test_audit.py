"""The audit of built pages, one rule at a time, and the policy it writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.site.audit import audit_site
from generator.site.policy import inline_scripts, policy, policy_element, script_hash, with_policy
from generator.words.problems import Problems

THEME_SCRIPT = '<script>__md_scope=new URL("{base}",location)</script>'
THEME_FORM = '<form class="md-search__form" name="search"><input name="query"></form>'


def _page(base: str, body: str) -> str:
    return (f"<!doctype html><html><head><meta charset=utf-8>{THEME_SCRIPT.format(base=base)}"
            f'<script src="{base}/assets/javascripts/bundle.js"></script></head>'
            f"<body>{THEME_FORM}<article>\n{body}\n</article></body></html>")


def _audit(tmp_path: Path, body: str, name: str = "records/x/index.html") -> list[str]:
    site = tmp_path / "site"
    (site / "records" / "x").mkdir(parents=True)
    (site / "404.html").write_text(_page(".", ""), "utf-8")
    (site / name).write_text(_page("../..", body), "utf-8")
    problems = Problems()
    audit_site(site, problems)
    return [f"{p.line}:{p.col}: {p.message}" if p.path.endswith(name) else str(p) for p in problems.sorted()]


IN_PAGE = "a <script> in the page's own text; scripts come only from the theme and from extra_javascript in mkdocs.yml"
RULES = [
    ("<script>alert(1)</script>", IN_PAGE),
    ("<!--><script>alert(1)</script>-->", IN_PAGE),
    ('<script src="https://cdn.invalid/a.js"></script>', IN_PAGE),
    ('<script src="../../uploads/a.js"></script>', IN_PAGE),
    # The theme's own script, named again in the page's text.
    ('<script src="../../assets/javascripts/bundle.js"></script>', IN_PAGE),
    ('<img src="x.png" onerror="alert(1)">', "<img> has the event handler 'onerror', which runs script"),
    ('<p ONCLICK="alert(1)">x</p>', "<p> has the event handler 'onclick', which runs script"),
    ('<a href="&#106;avascript:alert(1)">x</a>', "<a href> uses a 'javascript:' address"),
    ('<a href=" java\tscript:alert(1)">x</a>', "<a href> uses a 'javascript:' address"),
    ('<a href="vbscript:msgbox(1)">x</a>', "<a href> uses a 'vbscript:' address"),
    ('<img src="data:image/svg+xml;base64,PHN2Zz4=">', "<img src> uses a 'data:' address"),
    ('<a href="ftp://files.invalid/a">x</a>', "<a href> links to a 'ftp:' address"),
    ('<img src="//evil.invalid/a.png">', "<img src> loads //evil.invalid/a.png from another host"),
    ('<img src="/\\evil.invalid/a.png">', "<img src> loads /\\evil.invalid/a.png from another host"),
    ('<img src="https://evil.invalid/a.png">', "<img src> loads https://evil.invalid/a.png from another host"),
    ('<img srcset="a.png 1x, https://evil.invalid/b.png 2x">', "<img srcset> loads https://evil.invalid/b.png from another host"),
    ('<video poster="//evil.invalid/p.png"></video>', "<video poster> loads //evil.invalid/p.png from another host"),
    ('<link rel="stylesheet" href="https://evil.invalid/a.css">', "<link href> loads https://evil.invalid/a.css from another host"),
    ('<link rel="prefetch alternate" href="https://evil.invalid/a">',
     "<link href> loads https://evil.invalid/a from another host"),
    ('<div style="background:url(//evil.invalid/a.png)">x</div>', "<div> loads a resource through its style attribute"),
    ("<style>@import url(//evil.invalid/a.css)</style>", "a <style> element that the theme did not put there"),
    ('<iframe src="a.html"></iframe>', "<iframe> embeds another document; the handbook does not"),
    ('<object data="a.swf"></object>', "<object> embeds another document; the handbook does not"),
    ('<embed src="a.swf">', "<embed> embeds another document; the handbook does not"),
    ('<base href="https://evil.invalid/">',
     "<base> changes where every link and image of the page leads; the handbook does not"),
    ('<form action="https://evil.invalid/"><input></form>', "a <form> that the theme did not put there"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.invalid">', "<meta http-equiv=refresh> sends the reader elsewhere"),
    ('<noscript><p title="</noscript><img src=x>"></p></noscript>',
     "<noscript> holds content that browsers read differently when they run script"),
    ('<svg><animate attributeName="href" values="https://evil.invalid"/></svg>',
     "<animate> changes an address while the page is shown"),
    ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "<a xlink:href> uses a 'javascript:' address"),
    ('<em id="__config">{}</em>', "<em> has the id '__config', which names the theme's settings"),
    ('<h3 id="__search">x</h3><h3 id="__search">y</h3>', "a second element with the id '__search', which the theme uses"),
]


@pytest.mark.parametrize(("body", "message"), RULES, ids=[f"rule-{n}" for n in range(len(RULES))])
def test_each_rule_refuses_its_construct(tmp_path: Path, body: str, message: str) -> None:
    found = _audit(tmp_path, body)
    assert [line.split(": ", 1)[1] for line in found] == [message]
    assert found[0].startswith("2:")  # on the line of the article's content


def test_the_theme_s_own_scripts_and_forms_pass_at_any_depth(tmp_path: Path) -> None:
    assert _audit(tmp_path, '<p>Gewone tekst met <a href="../../lessons/x/">een link</a> en '
                            '<a href="https://www.example.invalid/" rel="noopener">een site</a>.</p>') == []


def test_a_style_sheet_that_loads_from_elsewhere_fails(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "assets" / "a.css").write_text(
        '.icon{mask-image:url("data:image/svg+xml;charset=utf-8,<svg/>")}\n'
        "@import 'https://evil.invalid/b.css';\nbody{background:url(//evil.invalid/c.png)}\n", "utf-8")
    problems = Problems()
    audit_site(site, problems)
    assert [str(p) for p in problems.sorted()] == [
        "site/assets/a.css:2:1: error: the style sheet loads https://evil.invalid/b.css from another host",
        "site/assets/a.css:3:17: error: the style sheet loads //evil.invalid/c.png from another host",
    ]


def test_a_page_without_a_policy_gets_one_naming_its_own_scripts(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "404.html").write_text(_page(".", ""), "utf-8")
    (site / "a" / "index.html").write_text(_page("..", "<p>x</p>"), "utf-8")
    problems = Problems()
    result = audit_site(site, problems, protect=True)
    assert problems.items == []
    assert (result.pages, result.protected) == (2, 2)
    own = policy({script_hash('__md_scope=new URL("..",location)')})
    page = (site / "a" / "index.html").read_text("utf-8")
    assert page.startswith(f'<!doctype html><html><head><meta charset=utf-8><meta '
                           f'http-equiv="Content-Security-Policy" content="{own}"><script>')
    assert script_hash('__md_scope=new URL(".",location)') in (site / "404.html").read_text("utf-8")
    assert script_hash('__md_scope=new URL(".",location)') not in page  # another page's script
    assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-" in own
    assert "'unsafe-inline'" not in own and "'unsafe-eval'" not in own
    again = Problems()
    assert audit_site(site, again, protect=True).protected == 0  # checked, not written twice
    assert again.items == []
    assert (site / "a" / "index.html").read_text("utf-8") == page


def _with_policy(page: str, scripts: list[str]) -> str:
    return with_policy(page, policy_element(script_hash(text) for text in scripts))


@pytest.mark.parametrize(("page", "message"), [
    (_with_policy(_page("../..", "<p>x</p>"), ['__md_scope=new URL(".",location)']),
     "the page's Content-Security-Policy does not name exactly the inline scripts the page holds"),
    (_with_policy(_page("../..", "<p>x</p>"), ['__md_scope=new URL("../..",location)', "alert(1)"]),
     "the page's Content-Security-Policy does not name exactly the inline scripts the page holds"),
    (_with_policy(_page("../..", "<p>x</p>"), []),
     "the page's Content-Security-Policy does not name exactly the inline scripts the page holds"),
    (_page("../..", "<p>x</p>").replace("</head>", policy_element([script_hash(
        '__md_scope=new URL("../..",location)')]) + "</head>"),
     "a <script> stands before the page's Content-Security-Policy"),
])
def test_a_policy_the_engine_wrote_must_fit_the_page(tmp_path: Path, page: str, message: str) -> None:
    site = tmp_path / "site"
    (site / "records" / "x").mkdir(parents=True)
    (site / "404.html").write_text(_page(".", ""), "utf-8")
    (site / "records" / "x" / "index.html").write_text(page, "utf-8")
    problems = Problems()
    audit_site(site, problems, protect=True)
    assert [p.message for p in problems.errors] == [message]


def test_the_engine_s_reading_of_inline_scripts_is_the_audit_s(built_site: Path) -> None:
    """The policy MkDocs writes (from `policy.inline_scripts`) names what the
    audit's HTML5 parser finds in every page of the built handbook."""
    from generator.site.audit import _PageAudit

    pages = sorted((built_site / "site").rglob("*.html"))
    for page in pages:
        raw = page.read_text("utf-8")
        auditor = _PageAudit(page.name, raw, None, Problems())
        auditor.run()
        assert inline_scripts(raw) == auditor.scripts, page
        assert auditor.policies == [policy(script_hash(text) for text in auditor.scripts)], page
    assert len(pages) > 30


def test_a_large_site_is_audited_in_two_halves_and_nothing_is_missed(tmp_path: Path, forking: list[bool]) -> None:
    """From 2,000 files on, a second process audits every other file: a bad
    page in either half is reported, and every page that passes gets the policy."""
    from generator.site import audit

    site = tmp_path / "site"
    site.mkdir()
    (site / "404.html").write_text(_page(".", ""), "utf-8")
    count = audit.PARALLEL_FROM + 10
    for n in range(count):
        folder = site / f"p{n:05d}"
        folder.mkdir()
        body = '<img src="x.png" onerror="alert(1)">' if n in (7, 8) else "<p>x</p>"
        (folder / "index.html").write_text(_page("..", body), "utf-8")
    problems = Problems()
    result = audit_site(site, problems, protect=True)
    bad = sorted({p.path for p in problems.errors})
    assert bad == ["site/p00007/index.html", "site/p00008/index.html"]  # one from each half
    assert (result.pages, result.protected) == (count + 1, count - 1)
    assert forking == [True]  # the second half in a second process
    assert all(("Content-Security-Policy" in (site / f"p{n:05d}" / "index.html").read_text("utf-8")) == (n not in (7, 8))
               for n in range(count))


# Pages where an element the audit must see hides in an unusual spelling:
# each is audited both ways (the watched elements only, every element).
TRICKY = [
    '<a href="x"onclick="alert(1)">x</a>',
    "<a href=x/onclick=alert(1)>x</a>",
    "<img/src=x/onerror=alert(1)>",
    "<p title='x'ONMOUSEOVER = 'alert(1)'>x</p>",
    '<a href="&#106;avascript&#58;alert(1)">x</a>',
    '<a href="java&amp;#115;cript&amp;colon;alert(1)">x</a>',
    '<area href="vbscript&colon;x">',
    '<svg><use xlink:href="https://evil.invalid/a.svg#x"/></svg>',
    '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>',
    '<svg><set attributeName="xlink:href" to="javascript:alert(1)"/></svg>',
    '<link rel="preload" href="//evil.invalid/x.js">',
    '<div id="__config">x</div><span id="__config">y</span>',
    '<video><source src="https://evil.invalid/v.mp4"></video>',
    '<table background="//evil.invalid/b.png"><tr><td>x</td></tr></table>',
    '<p style="color:red">x</p><p STYLE="background:url(https://evil.invalid/)">y</p>',
    '<template><script>alert(1)</script></template>',
    "<math><mi xlink:href='javascript:alert(1)'>x</mi></math>",
    '<a href="../../lessons/x/">gewoon</a> <a href="#y">anker</a> on = tekst met on= erin',
]


@pytest.mark.parametrize("body", [body for body, _ in RULES] + TRICKY)
def test_visiting_only_the_watched_elements_finds_what_visiting_every_element_finds(body: str) -> None:
    """The audit visits only the elements its selectors pick out (WATCHED);
    an element they miss must be one no check says anything about."""
    from generator.site.audit import Theme, _PageAudit

    theme_page = _PageAudit("404.html", _page(".", ""), None, Problems())
    theme_page.run(every=True)
    outcomes = []
    for every in (True, False):
        problems = Problems()
        auditor = _PageAudit("p.html", _page("../..", body), theme_page.found, problems)
        auditor.run(every=every)
        outcomes.append(([str(p) for p in problems.items], auditor.scripts, auditor.found, auditor.ids_seen))
    assert outcomes[0] == outcomes[1]
    assert isinstance(theme_page.found, Theme)


def test_the_built_handbook_is_audited_alike_both_ways(built_site: Path) -> None:
    """Every page of the real built site: the same findings, scripts and
    theme parts whether every element is visited or the watched ones."""
    from generator.site.audit import _MAYBE_HANDLER, _PageAudit

    pages = sorted(p for p in (built_site / "site").rglob("*") if p.suffix == ".html")
    assert len(pages) > 30
    watched = 0
    for page in pages:
        raw = page.read_text("utf-8")
        watched += _MAYBE_HANDLER.search(raw) is None
        outcomes = []
        for every in (True, False):
            problems = Problems()
            auditor = _PageAudit(page.name, raw, None, problems)
            auditor.run(every=every)
            outcomes.append(([str(p) for p in problems.items], auditor.scripts, auditor.found, auditor.ids_seen))
        assert outcomes[0] == outcomes[1], page
    assert watched > len(pages) * 0.9  # the quick way is the usual one
