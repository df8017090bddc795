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

Which files are read is `sources`; the invisible characters said in them,
`invisible`; the pages written by hand, read with the same reader, are
checked in `handwritten`.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler
from yaml.events import ScalarEvent

try:  # libyaml's event parser: fast, and iterative (no recursion in C)
    from yaml._yaml import CParser as _EventParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _EventParser = None

from ..words.messages import number, say, yaml_problem
from ..words.problems import Problems, quote
from .invisible import character_named, controls_as_spaces, escaped_invisible, report_invisible

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


def position_of_offset(raw: bytes, offset: int) -> tuple[int, int]:
    """Line and column (from 1) of the byte at `offset` of a file."""
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
        line, col = position_of_offset(raw, exc.start)
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
    # Said; the rest of the file is still read, controls and the characters
    # that reorder text as spaces.
    return controls_as_spaces(text)


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
                        for line, col, char in escaped_invisible(event.value, source_lines(), event.start_mark,
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
