"""The pages written by hand in the docs folder: the checks a record's text
has that apply to them too.

Every invisible character in a page is said, as in a record; and the
values of a page's front matter, which the theme prints as HTML, are plain
text. What else is wrong with a page the engine says itself.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import regex

from ..words.messages import say
from ..words.problems import Problems
from .invisible import report_invisible
from .read import parse_yaml, position_of_offset, split_front_matter


def check_page(file: Path, path: str, problems: Problems) -> None:
    """A page written by hand in the docs folder: every invisible character
    in it said, as in a record. A file that is no plain file or that cannot
    be read is left to the engine, which says why."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(file, flags)
    except OSError:
        return
    with os.fdopen(descriptor, "rb") as handle:
        try:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                return
            raw = handle.read()
        except OSError:
            return
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as failure:  # the engine would stop on it, in English
        problems.error(path, *position_of_offset(raw, failure.start), say("not_utf8", byte=f"{raw[failure.start]:02x}"))
        return
    report_invisible(text, path, problems)
    if file.suffix == ".md":
        _check_page_front(text, path, problems)


# What the theme prints of a page's front matter (its title, in the
# navigation of every page, the tab's title and the header; its
# description, in an attribute) it prints as HTML, unescaped.
_MARKUP_IN_VALUE = regex.compile(r"[<>\"]|&(?:#|[A-Za-z][A-Za-z0-9]*;)")


def _check_page_front(text: str, path: str, problems: Problems) -> None:
    """The values of a hand-written page's front matter are plain text: no
    '<', '>', '"' or character reference, read as YAML reads them."""
    if not text.startswith("---"):
        return
    quiet = Problems()  # MkDocs says what is wrong with the front matter itself
    parts = split_front_matter(text, path, quiet)
    if parts is None:
        return
    front, fm_line, _, _ = parts
    doc = parse_yaml(front, path, quiet, line_offset=fm_line - 1)
    if not isinstance(doc.data, dict):
        return
    for key, value in doc.data.items():
        # Every text in it, also in a list (the theme prints `subtitle: [...]` as text).
        pending = [value]
        while pending:
            item = pending.pop()
            if isinstance(item, (list, tuple)):
                pending.extend(item)
            elif isinstance(item, dict):
                pending.extend([*item.keys(), *item.values()])
            elif isinstance(item, str) and (found := _MARKUP_IN_VALUE.search(item)):
                line, col = doc.at((key,))
                problems.error(path, line, col, say("page_front_markup", field=key, found=found.group()))
                break
