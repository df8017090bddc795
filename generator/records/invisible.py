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

# Characters no text an author writes needs, and that hide or reorder it:
# C0 controls but tab, line feed and carriage return; DEL and C1 controls;
# every character Unicode asks to show as nothing (Default_Ignorable_Code_Point:
# the soft hyphen, zero-width spaces and joiners, the word joiner, variation
# selectors, tags, fillers), which split a word or an address where no one
# sees it; and every character that reorders text (Bidi_Control: overrides,
# isolates and marks, "Trojan source").
_CONTROLS = "\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
# Besides: every other format character (Cf), and the interlinear
# annotation marks and object replacement character (U+FFF9-U+FFFC), which
# Chromium draws as nothing.
_UNSEEN = r"\p{Default_Ignorable_Code_Point}\p{Bidi_Control}\p{Cf}\uFFF9-\uFFFC"
# But an emoji is often drawn from several characters, some of them
# invisible on their own, that together are one visible picture; so that
# emoji keep working these stay: a variation selector directly after a
# visible character (U+2764 U+FE0F is a red heart drawn as a picture, U+FE0E
# asks for text); a zero-width joiner between two pictures, the first perhaps
# with its selector or skin tone (woman, U+200D, laptop: a woman at a
# computer); and the tags of the flags of England, Scotland and Wales.
_EMOJI_PARTS = (
    r"[\uFE0E\uFE0F](?<=[^\s\p{Cc}" + _UNSEEN + r"].)"
    r"|\u200D(?<=\p{Extended_Pictographic}[\uFE0F\p{Emoji_Modifier}]?.)(?=\p{Extended_Pictographic})"
    r"|\U0001F3F4\U000E0067\U000E0062(?:\U000E0065\U000E006E\U000E0067|\U000E0073\U000E0063\U000E0074"
    r"|\U000E0077\U000E006C\U000E0073)\U000E007F"
)
_INVISIBLE = regex.compile(_EMOJI_PARTS + "|(?P<hidden>[" + _CONTROLS + _UNSEEN + "])")
# The same in a value after YAML's escapes are read, with NUL and the
# Unicode noncharacters, which no text needs either.
_HIDDEN = regex.compile(_EMOJI_PARTS + "|(?P<hidden>[\x00" + _CONTROLS + _UNSEEN + "\ufdd0-\ufdef\ufffe\uffff])")
# Controls and characters that reorder text: a file's text is read with a
# space for each (said first).
_READ_AS_SPACE = regex.compile("[" + _CONTROLS + r"\p{Bidi_Control}]")
_CONTROL_CHARACTER = regex.compile(r"[\p{Cc}\p{Bidi_Control}]")
# Invisible characters said in one file, at most.
MAX_INVISIBLE = 20


def invisible_characters(text: str, pattern: regex.Pattern[str] = _INVISIBLE) -> Iterator[tuple[int, str]]:
    """Where each invisible character of `text` stands (its offset), and
    which it is; the parts of emoji are no such characters."""
    for match in pattern.finditer(text):
        if match.group("hidden") is not None:
            yield match.start(), match.group("hidden")


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
            for _, char in invisible_characters(html.unescape(match.group()), _HIDDEN):
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
    made = Counter(char for _, char in invisible_characters(value, _HIDDEN))
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
