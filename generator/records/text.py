"""Record text -> HTML, once, with the parser that checks it.

Markdown fields are rendered here, at generation, by one CommonMark parser
(markdown-it-py) with raw HTML switched off, so `<script>` in a lesson is
text. Links and images pass `safe_url`, judged after the parser has decoded
entities and normalised the address. The HTML then passes an allow-list
sanitizer (nh3, a binding of the Rust library Ammonia) as a second layer,
independent of the first.

The generated pages carry this HTML in raw HTML blocks, which the engine
passes through without reading them as Markdown; only headings stay
Markdown headings (with every character that could mean something to
Markdown written as a character reference), so the table of contents still
lists them. `handbook check` inspects the same text with the same parser and
the same `safe_url`, to report what the renderer will refuse.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup, escape

from ..project.addresses import leaves_site, scheme_of

LINK_SCHEMES = frozenset({"http", "https", "mailto"})
# Lists and quotes inside each other: markdown-it stops at 20 levels of
# tokens (which protects it from deep input) and leaves the rest out; the
# check reports a field that reaches that depth, so nothing disappears.
NESTING_SHOWN = 19

# What record text may become: the HTML of CommonMark with tables, nothing else.
ALLOWED_TAGS = frozenset({
    "p", "br", "hr", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a", "img",
    "table", "thead", "tbody", "tr", "th", "td", "h1", "h2", "h3", "h4", "h5", "h6", "del", "s",
})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"}}

def safe_url(url: str, image: bool = False) -> bool:
    """Links may go to http, https and mailto addresses or stay in the
    handbook; images must come from the handbook itself (the site loads
    nothing from other hosts)."""
    if image:
        return not leaves_site(url)
    scheme = scheme_of(url)
    if scheme is None:
        return not leaves_site(url)
    return scheme in LINK_SCHEMES


def _validate_link(url: str) -> bool:
    # markdown-it asks this for links and images alike; images are judged
    # once more in `_image_rule` below, where the parser knows which is which.
    return safe_url(url)


@lru_cache(maxsize=2)
def parser(html_allowed: bool = False) -> MarkdownIt:
    """The one Markdown configuration. `html_allowed` is for the check only,
    which must *see* raw HTML to report it; rendering never allows it."""
    md = MarkdownIt("commonmark", {"html": html_allowed, "linkify": False, "typographer": False})
    md.enable("table").enable("strikethrough")
    # The check sees every address and judges it itself, to name it in its message.
    md.validateLink = (lambda url: True) if html_allowed else _validate_link
    return md


# --- rendering --------------------------------------------------------------------------


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    """The sanitizer's own rule for addresses, as strict as the parser's."""
    if name == "src" and not safe_url(value, image=True):
        return None
    if name == "href" and not safe_url(value):
        return None
    return value


_ALIGN = re.compile(r' style="text-align:(left|right|center)"')


@lru_cache(maxsize=1)
def _cleaner() -> nh3.Cleaner:
    """The sanitizer, set up once (not for every fragment)."""
    return nh3.Cleaner(
        allowed_classes={cell: {"align-left", "align-right", "align-center"} for cell in ("th", "td")},
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=_keep_attribute,
        url_schemes=set(LINK_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def _sanitize(fragment: str) -> str:
    # Table alignment comes as a style attribute, which pages may not carry:
    # as a class of the handbook's style sheet it survives the sanitizer.
    return _cleaner().clean(_ALIGN.sub(r' class="align-\1"', fragment))


def _drop_outside_images(tokens: list[Token]) -> None:
    """An image from another host becomes its alt text: nothing is loaded."""
    for token in tokens:
        for index, child in enumerate(token.children or []):
            if child.type == "image" and not safe_url(str(child.attrGet("src") or ""), image=True):
                text = Token("text", "", 0)
                text.content = child.content
                token.children[index] = text


def _heading_text(tokens: list[Token]) -> str:
    """A heading's inline content as plain text."""
    parts = []
    for token in tokens:
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
            elif child.type == "image":
                parts.append(child.content)
    return "".join(parts)


def heading_text(text: str) -> Markup:
    """Text for a Markdown heading line: letters, digits and spaces as they
    are, every other character as a numeric character reference, so no
    Markdown or attribute syntax can form; on one line."""
    flat = " ".join(str(text).split())
    return Markup("".join(c if c.isalnum() or c == " " else f"&#{ord(c)};" for c in flat))


def html_block(inner: str, css_class: str = "handbook-text") -> str:
    """A raw HTML block: the engine passes it through as it is."""
    return f'<div class="{css_class}">\n{inner.strip()}\n</div>'


def _rewrite_links(tokens: list[Token], link_target: Callable[[str], str]) -> None:
    """Links and images inside the handbook ('../lessons/x.md',
    '../../assets/x.png', written from the record's generated page) get
    the address the page or file is served at."""
    for token in tokens:
        for child in token.children or []:
            name = "href" if child.type == "link_open" else "src" if child.type == "image" else None
            address = child.attrGet(name) if name else None
            if address and scheme_of(str(address)) is None and not leaves_site(str(address)):
                child.attrSet(name, link_target(str(address)))


# A heading longer than this is shown as a bold paragraph: a Markdown
# heading line is read by the engine, whose cost grows faster than its length.
MAX_HEADING = 200
# Headings from record text a page turns into Markdown headings, at most: the
# theme's search looks each one up in the table of contents (quadratic).
MAX_HEADINGS = 50
# Ids of headings in record text: a prefix no id of the theme ('__config',
# '__search') or of the page's own sections has.
HEADING_ID_PREFIX = "t-"


def _heading_id(text: str, taken: set[str]) -> str:
    base = HEADING_ID_PREFIX + (re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-") or "kop")
    ident, number = base, 1
    while ident in taken:
        number += 1
        ident = f"{base}-{number}"
    taken.add(ident)
    return ident


def render_markdown(text: str, heading_level: int = 3, link_target: Callable[[str], str] | None = None,
                    heading_ids: set[str] | None = None) -> Markup:
    """A Markdown field -> the generated page's fragment: raw HTML blocks of
    sanitized HTML, with the field's headings as Markdown headings (the
    first level becomes `heading_level`, deeper ones follow)."""
    md = parser()
    tokens = md.parse(text)
    _drop_outside_images(tokens)
    if link_target is not None:
        _rewrite_links(tokens, link_target)
    levels = sorted({int(t.tag[1]) for t in tokens if t.type == "heading_open"})
    local_ids: set[str] = set()
    parts: list[str] = []
    pending: list[Token] = []

    def flush() -> None:
        if pending:
            rendered = _sanitize(md.renderer.render(pending, md.options, {}))
            if rendered.strip():
                parts.append(html_block(rendered))
            pending.clear()

    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open" and token.level == 0:
            flush()
            close = next(i for i in range(index, len(tokens)) if tokens[i].type == "heading_close")
            level = min(6, heading_level + levels.index(int(token.tag[1])))
            words = " ".join(_heading_text(tokens[index + 1:close]).split())
            taken = heading_ids if heading_ids is not None else local_ids
            if len(words) > MAX_HEADING or len(taken) >= MAX_HEADINGS:
                parts.append(html_block(f"<p><strong>{escape(words)}</strong></p>"))
            else:
                ident = _heading_id(words, taken)
                parts.append(f"{'#' * level} {heading_text(words)} {{ #{ident} }}")
            index = close + 1
            continue
        pending.append(token)
        index += 1
    flush()
    return Markup("\n\n".join(parts))


def render_text(text: str | None) -> Markup:
    """A plain-text field as HTML: escaped, on one line."""
    return escape(" ".join(str(text or "").split()))


# --- what the check reports ----------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    # "html", "link", "image": refused; "link_within", "image_within": an
    # address inside the handbook (a path), which must lead to a page or file
    kind: str
    snippet: str  # the HTML, or the address
    block_line: int  # line of the field's text where the block starts (0-based)
    scheme: str | None = None


def _walk(tokens: Iterable[Token]) -> Iterable[Token]:
    for token in tokens:
        yield token
        yield from token.children or []


def inspect_markdown(text: str) -> list[Finding]:
    """What in a Markdown field the renderer will not carry over: raw HTML
    (shown as text), links and images to addresses it refuses. Parsed by
    the same parser, with HTML visible and every address kept to judge it."""
    tokens = parser(html_allowed=True).parse(text)
    findings = []
    block_line = 0
    line = 0
    for token in tokens:
        if token.map:
            line = token.map[0]
        if token.level >= NESTING_SHOWN:  # where the parser stopped reading deeper
            findings.append(Finding("nesting", "", line))
            break
    for token in _walk(tokens):
        if token.map:
            block_line = token.map[0]
        if token.type in ("html_block", "html_inline"):
            findings.append(Finding("html", token.content.strip().split("\n")[0], block_line))
        elif token.type == "link_open":
            url = str(token.attrGet("href") or "")
            if not safe_url(url):
                findings.append(Finding("link", url, block_line, scheme_of(url)))
            elif scheme_of(url) is None:
                findings.append(Finding("link_within", url, block_line))
        elif token.type == "image":
            url = str(token.attrGet("src") or "")
            if not safe_url(url, image=True):
                findings.append(Finding("image", url, block_line, scheme_of(url)))
            else:
                findings.append(Finding("image_within", url, block_line))
    return findings


def plain_text(text: str) -> str:
    """What a reader of a rendered Markdown field sees or can follow: its
    text, code and link addresses, with escapes, entities and
    percent-encoding undone (the personal-data check reads this too)."""
    from urllib.parse import unquote

    parts: list[str] = []
    for token in parser().parse(text):
        if token.type in ("fence", "code_block"):
            parts.append(token.content)
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type == "link_open":
                parts.append(unquote(html.unescape(str(child.attrGet("href") or ""))))
            elif child.type == "image":
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append("\n")
    return " ".join(parts)


# A lesson's gist in a list: its first sentence, or as many words as fit.
GIST_LENGTH = 220


# Every list that names a lesson shows its gist: at 10,000 records some
# 110,000 entries of 12,000 texts. Each text is parsed once per process.
@lru_cache(maxsize=None)
def gist(text: str, length: int = GIST_LENGTH) -> str:
    """What a Markdown field says first, as plain text for a list: the words
    of its first paragraph (link texts, not addresses), up to the end of its
    first sentence when that fits in `length` characters, else cut after a
    word with '…'."""
    words: list[str] = []
    for token in parser().parse(text):
        if token.type == "paragraph_close" and words:
            break
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                words.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                words.append(" ")
    said = " ".join("".join(words).split())
    end = re.search(r"[.!?](?=\s|$)", said)
    if end is not None and end.end() <= length:
        return said[:end.end()]
    if len(said) <= length:
        return said
    cut = said[:length].rsplit(" ", 1)[0] if " " in said[:length] else said[:length]
    return cut.rstrip(",;:–- ") + "…"
