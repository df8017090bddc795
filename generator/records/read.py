"""Files -> raw records with source positions: the hardened YAML reader.

Every YAML file and every front matter goes through `read_document`. It reads
YAML as *data* and nothing more:

* every scalar stays a string (``NO``, ``010``, ``1:20`` are text; the models
  decide what a value means), only an empty value or ``~``/``null`` is "no value";
* duplicate keys, anchors, aliases, tags and several documents are errors;
* size and nesting depth are limited before the parser can exhaust memory or
  the stack (the tree is built from libyaml's event stream without recursion);
* bad UTF-8, NUL bytes and unclosed front matter are located errors, never an
  empty record.

The result keeps, for every key and value, its line and column, so that any
later error (a pydantic error location, a broken reference) can point at it.
"""

from __future__ import annotations

import html
import os
import re
import stat
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import regex
import yaml
from frontmatter.default_handlers import YAMLHandler
from yaml.events import ScalarEvent

try:  # libyaml's event parser: fast, and iterative (no recursion in C)
    from yaml._yaml import CParser as _EventParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _EventParser = None

from ..words.messages import number, say, yaml_problem
from .models import KIND_BY_FOLDER
from ..words.problems import Problems, quote, suggest

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 24
NULL_WORDS = {"", "~", "null", "Null", "NULL"}

Loc = tuple[Any, ...]


@dataclass
class Document:
    """One parsed file: its data, and where each piece of it stands."""

    path: str
    data: dict[str, Any] | None
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    # Values written with | or >, and how far their lines are indented in
    # the file (a column in the value is that much further right there).
    block_scalars: dict[Loc, int] = field(default_factory=dict)
    # Values whose lines YAML joined (folded blocks, >, and text or quotes
    # over several lines): where their text starts, and the file's lines of it.
    joined: dict[Loc, tuple[int, int, tuple[str, ...]]] = field(default_factory=dict)
    quoted: set[Loc] = field(default_factory=set)  # values written in quotes
    body: str | None = None  # Markdown narrative of a `.md` record
    body_line: int = 1  # line of the file on which the body starts
    # Fields left out because their lines were not valid YAML (reported):
    # the rest of the file is still read, so that its problems are said too.
    broken: set[str] = field(default_factory=set)
    # Values whose mistake is said already (an alias, a tag): nothing more
    # is said of what they hold.
    said: set[Loc] = field(default_factory=set)
    # Fields left out, or lists that lost items, in validation (reported):
    # what depends on them is not judged as if they were complete.
    trimmed: set[str] = field(default_factory=set)

    def at(self, loc: Loc) -> tuple[int, int]:
        """Position of the value at `loc`, or of its nearest ancestor."""
        loc = tuple(loc)
        while loc:
            if loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.values.get((), (1, 1))

    def key_at(self, loc: Loc) -> tuple[int, int]:
        """Position of the key that names `loc` (for unknown fields)."""
        loc = tuple(loc)
        if loc in self.keys:
            return self.keys[loc]
        return self.at(loc)


def _position_of_offset(raw: bytes, offset: int) -> tuple[int, int]:
    line = raw.count(b"\n", 0, offset) + 1
    start = raw.rfind(b"\n", 0, offset) + 1
    return line, len(raw[start:offset].decode("utf-8", "replace")) + 1


def decode(raw: bytes, path: str, problems: Problems) -> str | None:
    """Bytes -> text: UTF-8 only, a byte-order mark is allowed, NUL is not."""
    if len(raw) > MAX_FILE_BYTES:
        problems.error(path, 1, 1, say("file_too_large", limit=number(MAX_FILE_BYTES)))
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _position_of_offset(raw, exc.start)
        problems.error(
            path, line, col,
            say("not_utf8", byte=f"{raw[exc.start]:02x}"),
        )
        return None
    nul = text.find("\0")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        col = nul - (text.rfind("\n", 0, nul) + 1) + 1
        problems.error(path, line, col, say("nul"))
        return None
    if not report_invisible(text, path, problems):
        return text
    # Said; the rest of the file is still read. Controls, which YAML cannot
    # read, and the characters that reorder text are read as a space (so that
    # every line and column stays where it is); the others stay, so that an
    # address or a number they split is still found (`safety.find_contacts`).
    return _READ_AS_SPACE.sub(" ", text)


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


def _block_indent(lines: list[str], header: int, value: str) -> int:
    """How far the lines of a block value below line `header` (from 0) stand
    indented in the file: where its first line with text stands (a literal
    block's lines are the file's lines, so also with an indentation
    indicator, '|2'); else where the first line with text starts. Only the
    block's own lines are read (not the rest of the file for each block)."""
    for number, part in enumerate(value.split("\n"), header + 1):
        if number >= len(lines):
            break
        if part.strip():
            if lines[number].endswith(part):
                return len(lines[number]) - len(part)
            break
    for number in range(header + 1, len(lines)):
        if lines[number].strip():
            return len(lines[number]) - len(lines[number].lstrip(" "))
    return 0


# One escape in a double-quoted YAML value: '\x07', '\u202e', '\U0001F600', '\a'.
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_NAMED_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "v": "\v", "f": "\f", "e": "\x1b", "N": "\x85"}


def _escaped_invisible(value: str, lines: list[str], start: Any, end: Any) -> list[tuple[int, int, str]]:
    """Where a double-quoted value (from `start` to `end`) makes an invisible
    character with an escape ('\\u00ad', '\\x80'): line and column (from 0) of
    each backslash, and the character (at most MAX_INVISIBLE); the value's
    start when the escape cannot be found. Those that stand in the file as
    themselves are said already (`decode`)."""
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


_KIND_WORDS = {
    "MappingStartEvent": "a group of fields",
    "SequenceStartEvent": "a list",
}


def _yaml_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return say("hint_colon")
    if "could not find expected ':'" in problem:
        return say("hint_name_value")
    if "found character '\\t'" in problem or "tab" in problem:
        return say("hint_tab")
    if "did not find expected key" in problem or "expected <block end>" in problem:
        return say("hint_indent")
    return ""


def _continues_a_field(lines: list[str], number: int) -> bool:
    """Line `number` (from 0) is text without a field name, below a field:
    a story written on further lines without indenting them."""
    if number >= len(lines) or ":" in lines[number] or " " not in lines[number].strip():
        return False  # one word alone ('owner') is more likely a field that lacks its ':'
    above = next((line for line in reversed(lines[:number]) if line.strip()), "")
    return bool(_TOP_KEY.match(above)) or (not above.startswith(("#", "-", " ")) and ":" not in above
                                            and bool(above.strip()))


# YAML errors reported in one file, at most (each is a new reading of it),
# and only in a file of the size a record has: a hostile megabyte is read once.
MAX_RECOVERIES = 20
RECOVER_BYTES = 100_000


def parse_yaml(text: str, path: str, problems: Problems, line_offset: int = 0,
               recoveries: int = MAX_RECOVERIES) -> Document:
    """Parse one YAML document into plain dicts, lists and strings.

    `line_offset` shifts reported lines (front matter starts below `---`).
    Problems are appended; the returned document's data is None when the file
    could not be read as a mapping at all.
    """
    doc = Document(path=path, data=None)
    if _EventParser is None:  # pragma: no cover
        raise RuntimeError("PyYAML must be built with libyaml")
    parser = _EventParser(text)

    first_line = 1 + line_offset
    values = doc.values

    def pos(mark: Any) -> tuple[int, int]:
        return mark.line + first_line, mark.column + 1

    stack: list[_Frame] = []
    root: Any = None
    documents = 0
    lines: list[str] = []

    def source_lines() -> list[str]:
        """The lines of the text, split once and only when needed."""
        if not lines:
            lines.extend(text.split("\n"))
        return lines

    def mark_style(loc: Loc, style: str, event: Any) -> None:
        """Remember how a value was written: quoted, or as a block and how
        far its lines are indented; and the lines of a value whose lines
        YAML joined, to find a place in it again."""
        start, end = event.start_mark, event.end_mark
        if style in ("|", ">"):
            doc.block_scalars[loc] = _block_indent(source_lines(), start.line, event.value if style == "|" else "")
            if style == ">":
                doc.joined[loc] = (start.line + first_line + 1, 1, tuple(source_lines()[start.line + 1:end.line + 1]))
            return
        if style:
            doc.quoted.add(loc)
        if end.line > start.line:
            doc.joined[loc] = (start.line + first_line, start.column + 1, tuple(source_lines()[start.line:end.line + 1]))

    def place(value: Any, event: Any) -> Loc | None:
        """Attach `value` to the open container; its location, or None when
        it was a key or is thrown away (already reported)."""
        nonlocal root
        mark = event.start_mark
        at = (mark.line + first_line, mark.column + 1)
        if not stack:
            root = value
            values[()] = at
            return ()
        frame = stack[-1]
        container = frame.container
        if container.__class__ is list:
            if frame.loc is None:
                return None
            child = frame.loc + (len(container),)
            container.append(value)
            values[child] = at
            return child
        if frame.expecting_key:
            frame.expecting_key = False
            frame.key = None
            if not isinstance(value, str):
                what = _KIND_WORDS.get(type(event).__name__, "an empty value")
                if value is None:
                    problems.error(path, *at, say("field_needs_name"))
                else:
                    problems.error(path, *at, say("field_name_plain", what=what))
                return None
            if frame.loc is not None and value in frame.container:
                first = doc.keys[frame.loc + (value,)]
                problems.error(
                    path, *at,
                    say("field_twice", name=quote(value), line=first[0]),
                )
                return None
            frame.key, frame.key_at = value, at
            return None
        frame.expecting_key = True
        if frame.key is None or frame.loc is None:
            return None
        child = frame.loc + (frame.key,)
        container[frame.key] = value
        doc.keys[child] = frame.key_at
        values[child] = at
        return child

    try:
        get_event = parser.get_event
        while (event := get_event()) is not None:
            kind = event.__class__
            # Scalars are most events: they come first and check the least.
            if kind is ScalarEvent and not event.anchor and event.tag is None:
                style = event.style
                if not style:
                    loc = place(None if event.value in NULL_WORDS else event.value, event)
                    if loc is not None and event.end_mark.line != event.start_mark.line:
                        mark_style(loc, "", event)
                else:
                    loc = place(event.value, event)
                    if loc is not None:
                        mark_style(loc, style, event)
                    if style == '"':
                        # Escapes ('\x80', '\u202e') make characters the file does not show.
                        for line, col, char in _escaped_invisible(event.value, source_lines(), event.start_mark,
                                                                  event.end_mark):
                            problems.error(path, line + first_line, col + 1,
                                           say("invisible_escape", what=character_named(char)))
                continue
            name = kind.__name__
            if name == "DocumentStartEvent":
                documents += 1
                if documents > 1:
                    problems.error(
                        path, *pos(event.start_mark),
                        say("one_document"),
                    )
                    return doc
                continue
            if name in ("StreamStartEvent", "StreamEndEvent", "DocumentEndEvent"):
                continue
            if name in ("MappingEndEvent", "SequenceEndEvent"):
                stack.pop()
                continue
            if name == "AliasEvent":
                problems.error(
                    path, *pos(event.start_mark),
                    say("yaml_alias", name=event.anchor),
                )
                said = place(None, event)
                if said is not None:
                    doc.said.add(said)
                continue
            if event.anchor:
                problems.error(
                    path, *pos(event.start_mark),
                    say("yaml_anchor", name=event.anchor),
                )
            tagged = event.tag not in (None, "!")
            if tagged:
                tag = event.tag.replace("tag:yaml.org,2002:", "!!")
                problems.error(
                    path, *pos(event.start_mark),
                    say("yaml_tag", tag=f"'{tag}'"),
                )
            if name == "ScalarEvent":
                plain = event.style in (None, "")
                loc = place(None if plain and event.value in NULL_WORDS else event.value, event)
                if loc is not None and (not plain or event.end_mark.line != event.start_mark.line):
                    mark_style(loc, event.style or "", event)
                if loc is not None and tagged:
                    doc.said.add(loc)
                continue
            # A mapping or a sequence opens.
            if len(stack) >= MAX_DEPTH:
                problems.error(
                    path, *pos(event.start_mark),
                    say("too_deep", limit=MAX_DEPTH),
                )
                return doc
            container: Any = {} if name == "MappingStartEvent" else []
            stack.append(_Frame(container, place(container, event)))
            if tagged and stack[-1].loc is not None:
                doc.said.add(stack[-1].loc)
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc)
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        if ("could not find expected ':'" in problem or problem.startswith("did not find expected ',' or ")) \
                and getattr(exc, "context_mark", None) is not None:
            # libyaml notices on a later line (an unclosed '[' at the end of
            # the file); the fault is on the line where it opens.
            mark = exc.context_mark
        if "quoted scalar" in str(getattr(exc, "context", "")) and getattr(exc, "context_mark", None) is not None \
                and problem.startswith("found unexpected end"):
            mark = exc.context_mark  # noticed where the file ends; the fault is the quote that opens here
            problem = "the quote that opens here is never closed (close the text with the same quote)"
        line, col = pos(mark) if mark is not None else (1 + line_offset, 1)
        hint = _yaml_hint(problem)
        lines = text.split("\n")
        if mark is not None and mark.line < len(lines) and lines[mark.line][mark.column : mark.column + 1] == "\t":
            hint = say("hint_tab")
        elif "could not find expected ':'" in problem and mark is not None and _continues_a_field(lines, mark.line):
            hint = say("hint_continued")
        problems.error(path, line, col, say("not_yaml", problem=yaml_problem(problem), hint=hint))
        if mark is not None and recoveries > 0 and len(text) <= RECOVER_BYTES:
            return _recovered(text, mark.line, path, problems, line_offset, recoveries - 1) or doc
        return doc

    if root is None:
        problems.error(path, 1 + line_offset, 1, say("record_empty"))
        return doc
    if not isinstance(root, dict):
        what = say("a_list") if isinstance(root, list) else say("a_single_value")
        problems.error(path, *doc.values[()], say("record_not_fields", what=what))
        return doc
    doc.data = root
    return doc


# A field is a line that starts at the left margin with a name and a colon.
_TOP_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*)\s*:(?:\s|$)")
_INDENTED_KEY = re.compile(r"[ \t]+([A-Za-z_][A-Za-z0-9_-]*)\s*:(?:\s|$)")


def _recovered(text: str, line: int, path: str, problems: Problems, line_offset: int,
               recoveries: int) -> Document | None:
    """After a YAML error on `line` (0-based): the file read again without
    the field whose lines hold the error, so that its other problems (YAML
    or not) are reported in the same run. None when the error is not inside
    a field at the left margin."""
    lines = text.split("\n")
    line = min(line, len(lines) - 1)
    start = next((n for n in range(line, -1, -1) if _TOP_KEY.match(lines[n])), None)
    if start is None:
        return None
    indented = _INDENTED_KEY.match(lines[line])
    if indented and start < line and _TOP_KEY.sub("", lines[start], count=1).strip() not in ("", "|", ">", "|-", ">-"):
        # A field indented by mistake ('\twhat_happened: ...') below a field
        # that has its value: that one line is the fault, not the field above.
        start, end, key = line, line + 1, indented.group(1)
    else:
        end = start + 1
        while end < len(lines) and (not lines[end].strip() or lines[end][:1] in (" ", "\t", "#", "-", "]", "}")
                                    or not _TOP_KEY.match(lines[end]) and ":" not in lines[end]):
            # Indented lines, and text at the margin (a story's next lines, not indented).
            if lines[end][:1] == "-" and not lines[end].startswith("- ") and lines[end].strip() != "-":
                break
            if lines[end].startswith("---"):
                break
            end += 1
        if line >= end:  # the error lies outside the block (a stray line at the margin): leave out that line too
            end = line + 1
        key = _TOP_KEY.match(lines[start]).group(1)
    rest = lines[:start] + [""] * (end - start) + lines[end:]
    if not any(text.strip() and not text.lstrip().startswith("#") for text in rest):
        return None  # nothing else in the file
    doc = parse_yaml("\n".join(rest), path, problems, line_offset, recoveries)
    if doc.data is None:
        return None
    doc.broken.add(key)
    doc.keys.setdefault((key,), (start + 1 + line_offset, 1))  # for a field name that is wrong too
    return doc


class _Frame:
    """An open mapping or sequence while the event stream is read."""

    __slots__ = ("container", "loc", "expecting_key", "key", "key_at")

    def __init__(self, container: Any, loc: Loc | None) -> None:
        self.container = container
        self.loc = loc  # None: a thrown-away part, parsed but not kept
        self.expecting_key = True
        self.key: str | None = None
        self.key_at = (0, 0)



_FM = YAMLHandler.FM_BOUNDARY


def split_front_matter(text: str, path: str, problems: Problems) -> tuple[str, int, str, int] | None:
    """A `.md` record -> (front matter, its first line, body, its first line).

    python-frontmatter's own boundary pattern finds the two `---` lines; where
    it would return empty metadata without a word (no opening line, no closing
    line), this reports why.
    """
    first = _FM.match(text)
    if first is None:
        problems.error(
            path, 1, 1,
            say("md_no_start"),
        )
        return None
    second = _FM.search(text, first.end())
    if second is None:
        # The closing line forgotten, the story below an empty line: the
        # fields end there, and are still read, so that their problems are
        # said in the same run.
        blank = re.search(r"\n[ \t]*\n", text[first.end():])
        if blank is None or not text[first.end():first.end() + blank.start()].strip():
            problems.error(path, 1, 1, say("md_not_closed"))
            return None
        fm_start, fm_end = first.end(), first.end() + blank.start() + 1
        fm_line = text.count("\n", 0, fm_start) + 1
        body_line = text.count("\n", 0, fm_end) + 1
        problems.error(path, body_line, 1, say("md_not_closed"))
        return text[fm_start:fm_end], fm_line, text[fm_end:], body_line
    # The boundary pattern also swallows blank lines after '---'; count them.
    fm_start = first.end()
    fm_line = text.count("\n", 0, fm_start) + 1
    body_start = second.end()
    body_line = text.count("\n", 0, body_start) + 1
    front = text[fm_start : second.start()]
    if not front.strip():
        problems.error(path, 1, 1, say("md_no_fields"))
        return None
    return front, fm_line, text[body_start:], body_line


def _read_regular_file(file: Path, path: str, problems: Problems) -> bytes | None:
    """The bytes of a plain file, at most one byte past the limit. A pipe, a
    socket or a device is refused without waiting on it (opened
    non-blocking, looked at before reading); a file that went away or cannot
    be read is a located problem, never a crash."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(file, flags)
    except FileNotFoundError:
        problems.error(path, 1, 1, say("file_gone"))
        return None
    except OSError as exc:
        problems.error(path, 1, 1, say("cannot_read", reason=exc.strerror or exc))
        return None
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            problems.error(path, 1, 1, say("not_plain_file"))
            return None
        try:
            return handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            problems.error(path, 1, 1, say("cannot_read", reason=exc.strerror or exc))
            return None


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
        problems.error(path, *_position_of_offset(raw, failure.start), say("not_utf8", byte=f"{raw[failure.start]:02x}"))
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


def read_document(file: Path, path: str, problems: Problems) -> Document:
    """Read one record file (`.yml` or `.md`); never raises for bad content."""
    raw = _read_regular_file(file, path, problems)
    if raw is None:
        return Document(path=path, data=None)
    text = decode(raw, path, problems)
    if text is None:
        return Document(path=path, data=None)
    if file.suffix != ".md":
        return parse_yaml(text, path, problems)
    parts = split_front_matter(text, path, problems)
    if parts is None:
        return Document(path=path, data=None)
    front, fm_line, body, body_line = parts
    doc = parse_yaml(front, path, problems, line_offset=fm_line - 1)
    stripped = body.lstrip("\n")
    doc.body = stripped.rstrip()
    doc.body_line = body_line + (len(body) - len(stripped))
    return doc


RECORD_SUFFIXES = (".yml", ".md")


@dataclass(frozen=True)
class SourceFile:
    """A record file found under `data/`."""

    file: Path  # on disk
    path: str  # as reported: relative to the project, with '/'
    folder: str  # kind folder, or '' for the taxonomy


def _listing(folder: Path, rel: Any, problems: Problems) -> list[Path]:
    """A folder's entries in order; one that cannot be read is a located problem."""
    try:
        return sorted(folder.iterdir())
    except OSError as exc:
        problems.error(rel(folder), 1, 1, say("folder_unreadable", reason=exc.strerror or exc))
        return []


def discover(project: Path, problems: Problems) -> list[SourceFile]:
    """Every record file under `data/`, in a stable order.

    Unknown folders and file types are errors (a misplaced lesson must not be
    silently left out); symbolic links are refused, since they could make a
    record read a file outside the repository.
    """


    data = project / "data"
    found: list[SourceFile] = []

    def rel(p: Path) -> str:
        return p.relative_to(project).as_posix()

    if not data.is_dir() or data.is_symlink():
        problems.error("data", 1, 1, say("no_data_folder"))
        return found
    for entry in _listing(data, rel, problems):
        if entry.name.startswith(".") or entry.name == "README.md":
            continue
        if entry.is_symlink():
            problems.error(rel(entry), 1, 1, say("symlink"))
            continue
        if entry.is_dir():
            if entry.name not in KIND_BY_FOLDER:
                problems.error(
                    rel(entry), 1, 1,
                    say("unknown_folder", name=quote(entry.name), choices=", ".join(sorted(KIND_BY_FOLDER)),
                        hint=suggest(entry.name, KIND_BY_FOLDER)),
                )
                continue
            for file in _listing(entry, rel, problems):
                if file.name.startswith("."):
                    # Editors' and systems' own files (.les.yml.swp, ._les.yml, .#les.yml) are
                    # passed over; a record someone hid by its name is said.
                    if file.suffix in RECORD_SUFFIXES and not file.name.startswith(("._", ".#")) \
                            and not file.is_symlink() and file.is_file():
                        problems.warning(rel(file), 1, 1, say("hidden_file"))
                    continue
                if file.is_symlink():
                    problems.error(rel(file), 1, 1, say("symlink"))
                elif file.is_dir():
                    problems.error(rel(file), 1, 1, say("nested_folder", name=quote(entry.name)))
                elif file.suffix not in RECORD_SUFFIXES:
                    hint = say("rename_yml") if file.suffix == ".yaml" else ""
                    problems.error(rel(file), 1, 1, say("not_record_suffix", hint=hint))
                else:
                    found.append(SourceFile(file, rel(file), entry.name))
            continue
        if entry.name == "taxonomy.yml":
            found.append(SourceFile(entry, rel(entry), ""))
        else:
            problems.error(rel(entry), 1, 1, say("stray_file"))
    if not any(f.folder == "" for f in found):
        problems.error("data/taxonomy.yml", 1, 1, say("no_taxonomy"))
    return found
