"""Record text rendered once: the parser with HTML off, the link rules, and
the sanitizer behind them, each shown to hold on its own."""

from __future__ import annotations

import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from generator.records import text as markup
from generator.records.text import heading_text, render_markdown, safe_url

from .payloads import MARKDOWN, PLAIN

ALLOWED = markup.ALLOWED_TAGS | {"html", "head", "body", "div"}


def _dangers(html: str) -> list[str]:
    """What in a fragment could run or load: read as a browser reads it."""
    found = []
    tree = LexborHTMLParser(f"<body>{html}</body>")
    for node in tree.root.traverse(include_text=False):
        tag = node.tag or ""
        if tag.startswith("-"):
            continue
        if tag not in ALLOWED:
            found.append(f"<{tag}>")
        for name, value in node.attributes.items():
            if name.lower().startswith("on") or name.lower() in ("style", "srcset"):
                found.append(f"<{tag} {name}>")
            if name in ("href", "src") and not safe_url(value or "", image=name == "src"):
                found.append(f"<{tag} {name}={value}>")
    return found


@pytest.mark.parametrize("payload", MARKDOWN + PLAIN, ids=[f"payload-{n}" for n in range(len(MARKDOWN + PLAIN))])
def test_no_payload_survives_rendering(payload: str) -> None:
    rendered = str(render_markdown(payload))
    blocks = [line for line in rendered.split("\n\n") if not line.startswith("#")]
    assert _dangers("\n".join(blocks)) == []
    for heading in (line for line in rendered.split("\n") if line.startswith("#")):
        # A heading is letters, digits, spaces and character references only, and our own id.
        text, ident = re.fullmatch(r"#+ (.*) \{ #(t-[a-z0-9-]+) \}", heading).groups()
        assert all(part.isalnum() or part == " " for part in text.replace("&#", "").replace(";", ""))


@pytest.mark.parametrize("payload", MARKDOWN, ids=[f"payload-{n}" for n in range(len(MARKDOWN))])
def test_the_sanitizer_alone_holds_what_the_parser_would_let_through(payload: str) -> None:
    # As if the parser passed raw HTML: turned on here on purpose, the sanitizer must still hold.
    raw = markup.parser(html_allowed=True).render(payload)
    assert _dangers(markup._sanitize(raw)) == []


def test_headings_of_a_field_stay_headings_for_the_table_of_contents() -> None:
    taken: set[str] = {"t-eerste-kop"}  # another field on the page has one already
    rendered = str(render_markdown("# Eerste *kop*\n\nTekst.\n\n## Onder {: #x }\n\nMeer.\n\n# __config",
                                   heading_level=3, heading_ids=taken))
    assert rendered.split("\n\n") == [
        "### Eerste kop { #t-eerste-kop-2 }",
        '<div class="handbook-text">\n<p>Tekst.</p>\n</div>',
        "#### Onder &#123;&#58; &#35;x &#125; { #t-onder-x }",
        '<div class="handbook-text">\n<p>Meer.</p>\n</div>',
        "### &#95;&#95;config { #t-config }",  # never an id of the theme's
    ]


def test_a_very_long_heading_is_a_bold_paragraph() -> None:
    rendered = str(render_markdown("# " + "<>&" * 100))
    assert rendered == '<div class="handbook-text">\n<p><strong>' + "&lt;&gt;&amp;" * 100 + "</strong></p>\n</div>"


def test_table_alignment_survives_the_sanitizer() -> None:
    rendered = str(render_markdown("| a | b |\n|:-:|--:|\n| 1 | 2 |"))
    assert '<td class="align-center">1</td>' in rendered and '<td class="align-right">2</td>' in rendered


def test_author_links_never_become_another_scheme_or_leave_the_pages() -> None:
    from generator.site.pages.shared import Site

    site = Site.__new__(Site)
    site.directory_urls, site.links_from_source = True, False
    assert site.author_link("lessons/a.md", "../lessons/b.md#x") == "../b/#x"
    assert site.author_link("lessons/a.md", "zz/http:/127.0.0.2/login/.md") == "../zz/http:/127.0.0.2/login/"
    assert site.author_link("lessons/a.md", "a/http:/127.0.0.2/login/.md") == "./http:/127.0.0.2/login/"
    assert site.author_link("lessons/a.md", "/lessons/b.md") == "/lessons/b.md"
    assert site.author_link("lessons/a.md", "../../../x.md") == "../../../x.md"


def test_author_links_and_images_get_the_address_each_engine_serves_them_at() -> None:
    """Written as from the record's page (records/lessons/a.md); MkDocs leaves
    the address to the browser (from records/lessons/a/), Zensical rewrites
    it from the page's file (records/lessons/)."""
    from generator.site.pages.shared import Site

    site = Site.__new__(Site)
    site.directory_urls, site.links_from_source = True, False
    assert site.author_link("lessons/a.md", "../../authors.md#kop") == "../../../authors/#kop"
    assert site.author_link("lessons/a.md", "../../assets/logo.svg") == "../../../assets/logo.svg"
    assert site.author_link("lessons/a.md", "#kop") == "#kop"
    site.links_from_source = True
    assert site.author_link("lessons/a.md", "../lessons/b.md#x") == "b/#x"
    assert site.author_link("lessons/a.md", "../../assets/logo.svg") == "../../assets/logo.svg"
    assert str(render_markdown("![logo](../../assets/logo.svg)", link_target=lambda src: "../" + src)) == (
        '<div class="handbook-text">\n<p><img src="../../../assets/logo.svg" alt="logo"></p>\n</div>')


def test_links_are_kept_or_shown_as_text() -> None:
    rendered = str(render_markdown(
        "[a](https://www.example.invalid/x) [b](mailto:hr@example.invalid) [c](../lessons/x.md#y) "
        "[d](javascript:alert(1)) [e](//evil.invalid/)", link_target=lambda href: "../../lessons/x/#y"))
    assert rendered == (
        '<div class="handbook-text">\n<p>'
        '<a href="https://www.example.invalid/x" rel="noopener noreferrer nofollow">a</a> '
        '<a href="mailto:hr@example.invalid" rel="noopener noreferrer nofollow">b</a> '
        '<a href="../../lessons/x/#y" rel="noopener noreferrer nofollow">c</a> '
        "[d](javascript:alert(1)) [e](//evil.invalid/)</p>\n</div>"
    )


def test_images_from_elsewhere_become_their_alt_text() -> None:
    assert str(render_markdown("![grafiek](https://evil.invalid/a.png) ![eigen](../charts/a.svg)")) == (
        '<div class="handbook-text">\n<p>grafiek <img src="../charts/a.svg" alt="eigen"></p>\n</div>'
    )


def test_heading_text_leaves_no_syntax() -> None:
    assert str(heading_text("Vraag <b>1</b> { #x } `y` *z*")) == (
        "Vraag &#60;b&#62;1&#60;&#47;b&#62; &#123; &#35;x &#125; &#96;y&#96; &#42;z&#42;"
    )


@pytest.mark.parametrize(("text", "said"), [
    # The first sentence, when it fits.
    ("Luisteren werkt pas als er ook webcare is. Daarna komt de rest.", "Luisteren werkt pas als er ook webcare is."),
    # Emphasis, code and links as a reader reads them: their words, not their marks or addresses.
    ("Lees **eerst** de [richtlijn](https://example.org/x) en `check`.\n\nTweede alinea.",
     "Lees eerst de richtlijn en check."),
    # Lines of one paragraph joined; a later paragraph is not read.
    ("Een zin zonder punt\nover twee regels\n\nen nog een alinea.", "Een zin zonder punt over twee regels"),
    # A dot inside a number or an address ends no sentence.
    ("Kosten per aanname 1.250 euro op werkenbij.nl, daarna minder. Tweede zin.",
     "Kosten per aanname 1.250 euro op werkenbij.nl, daarna minder."),
    # Markup is words here; the page's template escapes them.
    ("<script>alert(1)</script> is tekst.", "<script>alert(1)</script> is tekst."),
    ("", ""),
])
def test_a_gist_is_the_first_sentence_in_plain_words(text: str, said: str) -> None:
    assert markup.gist(text) == said


def test_a_gist_too_long_for_a_list_is_cut_after_a_word() -> None:
    text = "Woord " * 100 + "einde."
    said = markup.gist(text, length=40)
    assert said == "Woord Woord Woord Woord Woord Woord…" and len(said) <= 41
    assert markup.gist("x" * 300, length=40) == "x" * 40 + "…"
