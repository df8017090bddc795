"""Characters no one sees: where a text holds one, and its name in a message.

Every text the generator reads from a file (a record, a hand-written page)
is searched for characters that hide or reorder what it says: controls,
characters Unicode shows as nothing, and characters that reorder text
("Trojan source"); also when an HTML character reference or a YAML escape
makes one. The parts of emoji are no such characters.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from typing import Any, Iterator

import regex

from ..words.messages import say
from ..words.problems import Problems
from ..words.unseen import CONTROLS, HIDDEN, invisible_characters

__all__ = ["character_named", "controls_as_spaces", "escaped_invisible", "invisible_characters",
           "invisible_references", "report_invisible"]

# Which characters no one sees is said in `words.unseen`, so that every
# message shows them as escapes by the same rule.
# Controls and characters that reorder text: a file's text is read with a
# space for each (said first).
_READ_AS_SPACE = regex.compile("[" + CONTROLS + r"\p{Bidi_Control}]")
_CONTROL_CHARACTER = regex.compile(r"[\p{Cc}\p{Bidi_Control}]")
# Invisible characters said in one file, at most.
MAX_INVISIBLE = 20


# A character reference as HTML reads it, also a legacy named one without
# its ';' ('&shy'), which a browser decodes in a hand-written page.
_REFERENCE = regex.compile(r"&(?:#[xX][0-9a-fA-F]{1,6};?|#[0-9]{1,7};?|[A-Za-z][A-Za-z0-9]{1,31};?)")


def invisible_references(text: str) -> Iterator[tuple[int, str]]:
    """Where a character reference stands that a browser reads as an
    invisible character ('&#x202E;', '&shy;'), and that character: the
    Markdown parser and the browser decode them into the page."""
    at = text.find("&")
    while at >= 0:
        match = _REFERENCE.match(text, at)
        if match is not None:
            for _, char in invisible_characters(html.unescape(match.group()), HIDDEN):
                yield at, char
                break
            at = text.find("&", match.end())
        else:
            at = text.find("&", at + 1)


def character_named(char: str) -> str:
    """An invisible character as a message names it: 'character (U+00AD SOFT
    HYPHEN)'; a control character, which has no name, by its code only."""
    name = unicodedata.name(char, "")
    character = f"U+{ord(char):04X} {name}".strip()
    if _CONTROL_CHARACTER.match(char):
        return say("a_control_character", character=character)
    return say("an_invisible_character", character=character)


def report_invisible(text: str, path: str, problems: Problems) -> bool:
    """Say every invisible character of `text` (at most MAX_INVISIBLE) at its
    line and column, with its name; whether there was one."""
    found, line, counted, line_start = 0, 1, 0, 0
    hidden = [(offset, char, "invisible") for offset, char in invisible_characters(text)]
    if "&" in text:
        hidden = sorted(hidden + [(offset, char, "invisible_reference") for offset, char in invisible_references(text)])
    for offset, char, key in hidden:
        line += text.count("\n", counted, offset)
        counted = offset
        line_start = text.rfind("\n", line_start, offset) + 1 or line_start
        problems.error(path, line, offset - line_start + 1, say(key, what=character_named(char)))
        found += 1
        if found == MAX_INVISIBLE:
            break
    return found > 0


# One escape in a double-quoted YAML value: '\x07', '\u202e', '\U0001F600', '\a'.
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_NAMED_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "v": "\v", "f": "\f", "e": "\x1b", "N": "\x85"}


def escaped_invisible(value: str, lines: list[str], start: Any, end: Any) -> list[tuple[int, int, str]]:
    """Where a double-quoted value (from `start` to `end`) makes an invisible
    character with an escape ('\\u00ad', '\\x80'): line and column (from 0) of
    each backslash, and the character (at most MAX_INVISIBLE); the value's
    start when the escape cannot be found. Those that stand in the file as
    themselves are said already (`read.decode`)."""
    made = Counter(char for _, char in invisible_characters(value, HIDDEN))
    if made:
        written = lines[start.line:end.line + 1]
        if written:
            written[-1] = written[-1][:end.column] if len(written) > 1 else written[-1][start.column:end.column]
            if len(written) > 1:
                written[0] = written[0][start.column:]
        made -= Counter(char for _, char in invisible_characters("\n".join(written)))
    if not made:
        return []
    return list(_hidden_escapes(lines, start, end, set(made))) or [(start.line, start.column, next(iter(made)))]


def _hidden_escapes(lines: list[str], start: Any, end: Any, chars: set[str]) -> Iterator[tuple[int, int, str]]:
    """Where a double-quoted value (from `start` to `end`) writes one of
    `chars` as an escape: line and column (from 0) of each backslash, and
    the character, every one of them (at most MAX_INVISIBLE)."""
    found = 0
    for number in range(start.line, min(end.line + 1, len(lines))):
        line = lines[number]
        first = start.column if number == start.line else 0
        last = end.column if number == end.line else len(line)
        for match in _ESCAPE.finditer(line, first, last):
            code = match.group(1)
            try:
                char = chr(int(code[1:], 16)) if len(code) > 1 else _NAMED_ESCAPES.get(code, "")
            except ValueError:  # beyond Unicode: YAML refused it already
                continue
            if char in chars:
                yield number, match.start(), char
                found += 1
                if found == MAX_INVISIBLE:
                    return


def controls_as_spaces(text: str) -> str:
    """`text` with a space for each control and each character that
    reorders text (said first, by `report_invisible`): YAML cannot read
    controls, and every line and column stays where it is. The other
    invisible characters stay, so that an address or a number they split
    is still found (`safety.find_contacts`)."""
    return _READ_AS_SPACE.sub(" ", text)
