"""Record text is data: checks that keep it from becoming HTML, script or a leak.

* Markdown fields may not hold raw HTML, nor links or images whose address
  uses a scheme other than http, https or mailto (relative links are fine).
  They are read with markdown-it-py, a CommonMark parser that reports where
  each block starts; its link validation is switched off here, so that a
  `javascript:` link is reported instead of being quietly shown as text by
  this parser while another parser would turn it into a link.
* Campaigns and lessons may not hold email addresses or phone numbers: they
  are read by the whole organisation. The people registry's contact fields
  are the one place for them.
"""

from __future__ import annotations

import functools
import html
import re
from typing import Any, Iterable

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .load import Document
from .models import MarkdownText
from .problems import Problems, quote

SAFE_SCHEMES = {"http", "https", "mailto"}

_parser = MarkdownIt("commonmark").enable("table")
_parser.validateLink = lambda url: True  # judge every link here, see above

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# Dutch numbers (06-12345678, 020 123 4567, +31 6 1234 5678) and other
# international ones (+44 20 7946 0958). Figures such as 12.000, dates such
# as 2012-03-01 and 15-03-2012 (followed by a time) are not matched.
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)[1-9]\d{0,2}(?:[\s.-]?\(?\d\)?){6,12}(?!\d)|(?<![\w.,/-])0[1-9](?:[\s.-]?\d){8}(?![\d,])")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def scheme_of(url: str) -> str | None:
    """The scheme a browser would see in `url`, or None for a relative link."""
    cleaned = _CONTROL.sub("", html.unescape(url)).lower()
    match = re.match(r"^([a-z][a-z0-9+.-]*):", cleaned)
    return match.group(1) if match else None


def _walk(tokens: Iterable[Token]) -> Iterable[Token]:
    """Every block token, each followed by its inline tokens."""
    for token in tokens:
        yield token
        yield from token.children or []


def _locate(text: str, needle: str, first_line: int, block_line: int) -> tuple[int, int]:
    """Line and column of `needle` in a Markdown field, searching from its block."""
    lines = text.split("\n")
    for index in range(block_line, len(lines)):
        col = lines[index].find(needle)
        if col >= 0:
            return first_line + index, col + 1
    return first_line + block_line, 1


# Raw HTML needs '<'; a link or image needs '](' (inline) or ']:' (a
# reference definition), however its address is written. Text with none of
# these holds neither, and most Markdown fields are such text: they skip the
# parser. (The audit of the built pages stays behind this.)
_MAY_BE_UNSAFE = re.compile(r"<|\]\(|\]:")


def check_markdown(text: str, path: str, first_line: int, first_col: int, field: str, problems: Problems) -> None:
    """Report raw HTML and unsafe links in one Markdown field.

    `first_line`/`first_col`: where the field's text starts in the file (for a
    block scalar or a body, the column of its lines is 1).
    """
    if not _MAY_BE_UNSAFE.search(text):
        return
    tokens = _parser.parse(text)
    block_line = 0
    for token in _walk(tokens):
        if token.map:
            block_line = token.map[0]
        if token.type in ("html_block", "html_inline"):
            snippet = token.content.strip().split("\n")[0]
            line, col = _locate(text, snippet, first_line, block_line)
            if line == first_line:
                col += first_col - 1
            problems.error(
                path, line, col,
                f"'{field}' contains HTML ({quote(snippet, 40)}); records hold plain Markdown only",
            )
        elif token.type in ("link_open", "image"):
            attribute = "href" if token.type == "link_open" else "src"
            url = str(token.attrGet(attribute) or "")
            scheme = scheme_of(url)
            if scheme is not None and scheme not in SAFE_SCHEMES:
                line, col = _locate(text, url.split("\n")[0][:20] or "(", first_line, block_line)
                if line == first_line:
                    col += first_col - 1
                what = "a link" if token.type == "link_open" else "an image"
                problems.error(
                    path, line, col,
                    f"'{field}' has {what} to a '{scheme}:' address; only http, https and mailto addresses "
                    "or links within the handbook are allowed",
                )


@functools.cache
def markdown_fields(model: type) -> frozenset[str]:
    """Names of a model's top-level fields that hold Markdown."""
    names = set()
    for name, info in model.model_fields.items():
        if any(isinstance(meta, MarkdownText) for meta in _metadata(info)):
            names.add(name)
    return frozenset(names)


def _metadata(info: Any) -> list[Any]:
    import typing

    found = list(info.metadata)
    stack = [info.annotation]
    while stack:
        annotation = stack.pop()
        found.extend(getattr(annotation, "__metadata__", ()))
        stack.extend(typing.get_args(annotation))
    return found


def _is_narrative(doc: Document, loc: tuple[Any, ...]) -> bool:
    """The Markdown below the fields of a `.md` record (not a `body:` field)."""
    return loc == ("body",) and doc.body is not None and ("body",) not in doc.keys


def _text_start(doc: Document, loc: tuple[Any, ...]) -> tuple[int, int]:
    """Where the text of a value begins in the file."""
    if _is_narrative(doc, loc):
        return doc.body_line, 1
    return doc.at(loc)


def check_record_text(doc: Document, model: type, personal_data: bool, problems: Problems) -> None:
    """Markdown safety for a record's Markdown fields; personal data for all its text."""
    data = dict(doc.data or {})
    if doc.body:
        data["body"] = doc.body
    for name in sorted(markdown_fields(model)):
        value = data.get(name)
        if isinstance(value, str):
            line, col = _text_start(doc, (name,))
            if (name,) in doc.block_scalars:
                line, col = line + 1, 1
            elif (name,) in doc.quoted:
                col += 1
            check_markdown(value, doc.path, line, col, name, problems)
    if personal_data:
        for loc, value in _strings(data, ()):
            for pattern, what, needed in ((_EMAIL, "an email address", "@"), (_PHONE, "a phone number", "0+")):
                # Cheap test first: an address needs '@', a number a 0 or a +.
                if not any(char in value for char in needed):
                    continue
                match = pattern.search(value)
                if match:
                    line, col = _text_start(doc, loc)
                    if loc in doc.block_scalars or _is_narrative(doc, loc):
                        offset_lines = value.count("\n", 0, match.start())
                        line += offset_lines + (0 if _is_narrative(doc, loc) else 1)
                        col = match.start() - (value.rfind("\n", 0, match.start()) + 1) + 1
                    elif "\n" not in value:
                        col += match.start() + (1 if loc in doc.quoted else 0)
                    problems.error(
                        doc.path, line, col,
                        f"'{loc[0]}' contains {what} ({quote(match.group(0), 40)}); personal data does not "
                        "belong in campaigns and lessons: name the person by their id instead",
                    )


def _strings(value: Any, loc: tuple[Any, ...]) -> Iterable[tuple[tuple[Any, ...], str]]:
    """Every piece of text in a record, with its location (depth first)."""
    pending = [(loc, value)]
    while pending:
        here, item = pending.pop()
        if item.__class__ is str:
            yield here, item
        elif item.__class__ is dict:
            pending.extend((here + (key,), child) for key, child in reversed(item.items()))
        elif item.__class__ is list:
            pending.extend((here + (index,), child) for index, child in reversed(list(enumerate(item))))
