"""Characters no one sees: which they are, and a text that shows them.

Controls, characters Unicode shows as nothing, and characters that reorder
text ("Trojan source") hide or change what a text says. The records'
checks say where one stands (`records.invisible`); every message shows a
value with such characters written as escapes (`shown`: '\\u202e'), so
that an id typed with one is neither hidden nor reordered in a terminal,
a log or a pull request. The parts of emoji are no such characters.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

# Characters no text an author writes needs, and that hide or reorder it:
# C0 controls but tab, line feed and carriage return; DEL and C1 controls;
# every character Unicode asks to show as nothing (Default_Ignorable_Code_Point:
# the soft hyphen, zero-width spaces and joiners, the word joiner, variation
# selectors, tags, fillers), which split a word or an address where no one
# sees it; and every character that reorders text (Bidi_Control: overrides,
# isolates and marks, "Trojan source").
CONTROLS = "\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
# Besides: every other format character (Cf), and the interlinear
# annotation marks and object replacement character (U+FFF9-U+FFFC), which
# Chromium draws as nothing.
UNSEEN = r"\p{Default_Ignorable_Code_Point}\p{Bidi_Control}\p{Cf}\uFFF9-\uFFFC"
# But an emoji is often drawn from several characters, some of them
# invisible on their own, that together are one visible picture; so that
# emoji keep working these stay: a variation selector directly after a
# visible character (U+2764 U+FE0F is a red heart drawn as a picture, U+FE0E
# asks for text); a zero-width joiner between two pictures, the first perhaps
# with its selector or skin tone (woman, U+200D, laptop: a woman at a
# computer); and the tags of the flags of England, Scotland and Wales.
EMOJI_PARTS = (
    r"[\uFE0E\uFE0F](?<=[^\s\p{Cc}" + UNSEEN + r"].)"
    r"|\u200D(?<=\p{Extended_Pictographic}[\uFE0F\p{Emoji_Modifier}]?.)(?=\p{Extended_Pictographic})"
    r"|\U0001F3F4\U000E0067\U000E0062(?:\U000E0065\U000E006E\U000E0067|\U000E0073\U000E0063\U000E0074"
    r"|\U000E0077\U000E006C\U000E0073)\U000E007F"
)
INVISIBLE = regex.compile(EMOJI_PARTS + "|(?P<hidden>[" + CONTROLS + UNSEEN + "])")
# The same in a value after YAML's escapes are read, with NUL and the
# Unicode noncharacters, which no text needs either.
HIDDEN = regex.compile(EMOJI_PARTS + "|(?P<hidden>[\x00" + CONTROLS + UNSEEN + "\ufdd0-\ufdef\ufffe\uffff])")
# What a message shows as an escape: the hidden characters, and every
# character that breaks a line (tab, line feed, carriage return, the line and
# paragraph separators) unless it is to be kept.
_SHOWN = regex.compile(EMOJI_PARTS + "|(?P<hidden>[\x00-\x1f\x7f-\x9f\u2028\u2029" + UNSEEN
                       + "\ufdd0-\ufdef\ufffe\uffff])")


def invisible_characters(text: str, pattern: regex.Pattern[str] = INVISIBLE) -> Iterator[tuple[int, str]]:
    """Where each invisible character of `text` stands (its offset), and
    which it is; the parts of emoji are no such characters."""
    for match in pattern.finditer(text):
        if match.group("hidden") is not None:
            yield match.start(), match.group("hidden")


def escape(char: str) -> str:
    """A character as an escape: '\\u202e', '\\x1b', '\\n'."""
    return char.encode("unicode_escape").decode("ascii")


def shown(text: str, keep: str = "") -> str:
    """`text` with every character no one sees (and every one that breaks a
    line, but those in `keep`) written as its escape ('\\u202e'), and the
    parts of emoji as they are."""
    def visible(match: regex.Match[str]) -> str:
        char = match.group("hidden")
        return match.group() if char is None or char in keep else escape(char)

    return _SHOWN.sub(visible, text)
