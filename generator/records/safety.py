"""Record text is data: checks that keep it from becoming HTML, script or a leak.

* Markdown fields may not hold raw HTML, nor links to addresses other than
  http, https, mailto or the handbook's own pages, nor images from outside
  the handbook. They are read by the parser that renders them
  (`text.inspect_markdown`), so what is reported here is exactly what the
  renderer would show as text or leave out.
* Campaigns and lessons may not hold email addresses or phone numbers: they
  are read by the whole organisation. The people registry's contact fields
  are the one place for them.
"""

from __future__ import annotations

import bisect
import functools
import html
import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

import regex

from .read import Document
from .text import inspect_markdown, plain_text
from .fields import MarkdownText
from ..words.messages import field as field_name
from ..words.messages import say
from ..words.problems import Problems, quote

# Bounded parts (RFC 5321: a local part has at most 64 characters, a label
# at most 63) and tried only around each '@' (see `_find_emails`): the cost is
# linear in the text, however it is made.
# Letters of any script, as addresses may have them ('rené@', '@bücher.nl').
_EMAIL = re.compile(r"[\w.%+-]{1,64}@[^\W_](?:[\w-]{0,62})(?:\.[\w-]{1,63}){0,8}\.[^\W\d_]{2,24}")
_EMAIL_WINDOW = (64, 600)


_LOCAL_PART = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-")


def _find_emails(text: str) -> Iterator[re.Match[str]]:
    """The email addresses in `text`: at each '@', one match from where
    its local part starts (at most 64 characters back); no search, so the
    cost stays a small constant per '@' whatever surrounds it."""
    at = text.find("@")
    while at >= 0:
        start = at
        while start > 0 and at - start < 64 and (text[start - 1] in _LOCAL_PART or text[start - 1].isalnum()):
            start -= 1
        match = _EMAIL.match(text, start, at + _EMAIL_WINDOW[1]) if start < at else None
        if match is not None:
            yield match
            at = text.find("@", match.end())
        else:
            at = text.find("@", at + 1)


# Dutch numbers as the Dutch write them (06-12345678, 06/1234 5678, 020-1234567,
# 020 123 4567, (020) 123 4567, +31 (0)6 1234 5678, 0031 6 12345678,
# +31 20 123 4567) and other international ones (+44 20 7946 0958). Figures
# such as 12.000 and 1.000.000, ranges such as 2010-2012, and dates such as
# 2012-03-01, 15-03-2012 and 15/03/2012 (followed by a time) are not matched.
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)[1-9]\d{0,2}(?:[ \t]{0,2}[.\-]?[ \t]{0,2}\(?\d\)?){7,12}(?!\d)"
                    r"|(?<![\w.,/-])(?:\(0\d{1,3}\)(?:[ \t]{0,2}[.\-/]?[ \t]{0,2}\d){6,8}"
                    r"|0[1-9](?:[ \t]{0,2}[.\-/]?[ \t]{0,2}\d){8})(?!\d|,\d)", re.ASCII)

# Raw HTML needs '<'; a link or image needs '](' (inline) or ']:' (a
# reference definition), however its address is written; nesting deep enough
# to be cut needs deep indentation or many markers in a row. Text with none
# of these holds none of them, and most Markdown fields are such text: they
# skip the parser. (The renderer and the audit of the built pages stay behind this.)
_MAY_BE_UNSAFE = re.compile(r"<|\]\(|\]:|(?m:^[ \t]{16,})|(?:(?:[>*+\-]|\d{1,9}[.)])[ \t]*){8}")


# A date written day-month-year, which the phone pattern would take for a
# number when a time follows it ('05-03-2024 09:00').
_DATE_FIRST = re.compile(r"\d{2}[-./]\d{2}[-./]\d{4}")


def _find_phones(text: str) -> Iterator[re.Match[str]]:
    """The phone numbers in `text` that are not a date and a time."""
    start = 0
    while (match := _PHONE.search(text, start)) is not None:
        if not _DATE_FIRST.match(text, match.start()):
            yield match
            start = match.end()
        else:
            start = match.start() + 1


def find_in_lines(joined: tuple[int, int, tuple[str, ...]], needle: str, before: int = 0) -> tuple[int, int] | None:
    """Where `needle` stands in the file's lines of a value (after `before`
    earlier occurrences of it): line and column, or None when it is not
    there as it was read (split over two lines, or written with escapes)."""
    first_line, first_col, lines = joined
    for number, line in enumerate(lines):
        at = first_col - 1 if number == 0 else 0
        while (at := line.find(needle, at)) >= 0:
            if before == 0:
                return first_line + number, at + 1
            before -= 1
            at += 1
    return None


# What a finding is looked for by: the first characters of its HTML or of
# its address as written. Short, so that every place of every needle of a
# text is found in one pass over it (`_occurrences`).
NEEDLE_LENGTH = 20


def _occurrences(text: str, needles: set[str], start: int = 0) -> dict[str, list[int]]:
    """Every offset from `start` at which each of `needles` (none longer than
    NEEDLE_LENGTH, none empty) begins in `text`, in order. One pass over the
    text, however many findings and needles there are: a search per finding
    from the start of its text cost minutes for 20,000 links in one field."""
    found: dict[str, list[int]] = {needle: [] for needle in needles}
    if not found:
        return found
    if len(found) == 1:
        (needle, places), = found.items()
        at = text.find(needle, start)
        while at >= 0:
            places.append(at)
            at = text.find(needle, at + 1)
        return found
    lengths: dict[str, set[int]] = {}  # at most NEEDLE_LENGTH for each first character
    for needle in needles:
        lengths.setdefault(needle[0], set()).add(len(needle))
    firsts = re.compile("[" + "".join(re.escape(char) for char in lengths) + "]")
    for match in firsts.finditer(text, start):
        at = match.start()
        for length in lengths[match.group()]:
            places = found.get(text[at:at + length])
            if places is not None:
                places.append(at)
    return found


class _Places:
    """Where the findings of one text stand: each at the first place of its
    needle, from its block on, that no earlier finding took. Every place is
    found at the start (`_occurrences`); then each needle has its own
    cursor, which only moves on, so the whole text is read about once."""

    def __init__(self, lines: list[str] | tuple[str, ...], needles: set[str], first_col: int = 1) -> None:
        self.text = "\n".join(lines)
        self.starts = [0]  # where each line starts in `text`
        for line in lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.places = _occurrences(self.text, {needle for needle in needles if needle}, first_col - 1)
        self.cursors: dict[str, int] = {}
        self.taken: set[int] = set()

    def take(self, needle: str, from_line: int = 0) -> tuple[int, int] | None:
        """Line (from 0) and column (from 1) of the next free place of
        `needle` on line `from_line` or below; None when there is none."""
        places = self.places.get(needle)
        if not places:
            return None
        start = self.starts[from_line] if from_line < len(self.starts) else len(self.text) + 1
        index = self.cursors.get(needle, 0)
        while index < len(places) and (places[index] < start or places[index] in self.taken):
            index += 1
        if index == len(places):
            self.cursors[needle] = index
            return None
        self.cursors[needle] = index + 1
        at = places[index]
        self.taken.add(at)
        line = bisect.bisect_right(self.starts, at) - 1
        return line, at - self.starts[line] + 1


@dataclass(frozen=True)
class Address:
    """A link or image in record text to a page or file of the handbook,
    where it stands: whether it leads somewhere is known only once every
    record and the docs folder are read (`load.check_docs_folder`)."""

    path: str
    line: int
    col: int
    field: str
    url: str
    image: bool


def _needle(kind: str, snippet: str) -> str:
    """What a finding is looked for by in its text: its HTML, or its address
    as written (which may differ from the parsed one: the bracket's target)."""
    if kind == "nesting":
        return ""  # said at its block's first line
    if kind == "html":
        return snippet[:NEEDLE_LENGTH]
    return html.unescape(snippet).split("\n")[0][:NEEDLE_LENGTH] or "("


def check_markdown(text: str, path: str, first_line: int, first_col: int, field: str, problems: Problems,
                   indent: int = 0, joined: tuple[int, int, tuple[str, ...]] | None = None,
                   addresses: list[Address] | None = None) -> None:
    """Report raw HTML and refused links and images in one Markdown field:
    what the renderer (`text.render_markdown`) would show as text or drop.

    `first_line`/`first_col`: where the field's text starts in the file;
    `indent`: how far the lines of a block (|) stand indented in the file;
    `joined`: the file's lines of a text whose lines YAML joined (see
    `Document.joined`): each finding is looked for there; `addresses`
    receives the links and images to pages and files of the handbook.
    """
    if not _MAY_BE_UNSAFE.search(text):
        return
    findings = inspect_markdown(text)
    needle_of: dict[tuple[str, str], str] = {}  # each address once: a reference gives its links one address
    for finding in findings:
        if (finding.kind, finding.snippet) not in needle_of:
            needle_of[finding.kind, finding.snippet] = _needle(finding.kind, finding.snippet)
    needles = [needle_of[finding.kind, finding.snippet] for finding in findings]
    if joined:  # looked for in the file's lines of the text
        places = _Places(joined[2], set(needles), joined[1])
    else:
        places = _Places(text.split("\n"), set(needles))
    for finding, needle in zip(findings, needles):
        if finding.kind == "nesting":
            problems.error(path, first_line + finding.block_line, 1, say("too_nested", field=field_name(field)))
            continue
        if joined:
            place = places.take(needle)
            line, col = (joined[0] + place[0], place[1]) if place else (first_line, first_col)
        else:
            place = places.take(needle, finding.block_line)
            line, col = (first_line + place[0], place[1]) if place else (first_line + finding.block_line, 1)
            col += first_col - 1 if line == first_line else indent
        if finding.kind in ("link_within", "image_within"):
            if addresses is not None:
                addresses.append(Address(path, line, col, field, finding.snippet, finding.kind == "image_within"))
            continue
        if finding.kind == "html":
            message = say("contains_html", field=field_name(field), snippet=quote(finding.snippet, 40))
        elif finding.kind == "image" and finding.scheme is not None:
            message = say("image_scheme", field=field_name(field), scheme=f"'{finding.scheme}:'")
        elif finding.kind == "image":
            message = say("image_elsewhere", field=field_name(field), snippet=quote(finding.snippet, 40))
        elif finding.scheme is not None:
            message = say("link_scheme", field=field_name(field), scheme=f"'{finding.scheme}:'")
        else:
            message = say("link_without_scheme", field=field_name(field), snippet=quote(finding.snippet, 40))
        problems.error(path, line, col, message)


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


# A person's own contact fields; everywhere else contact details are refused.
CONTACT_FIELDS = frozenset({("person", "email"), ("person", "phone")})
_DASHES = str.maketrans({char: "-" for char in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"})


# Characters a reader does not see (Unicode's default-ignorable characters)
# and that reorder text: left out of text as it is read.
_UNSEEN = regex.compile(r"[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def as_read(text: str) -> tuple[str, list[int]]:
    """`text` as a reader reads it: what no one sees left out ('jan\\u00ad@'
    -> 'jan@'), full-width and compatibility characters as their plain forms
    ('＠' -> '@'), every kind of dash a hyphen; and for each of its
    characters, where in `text` the one it comes from stands."""
    if unicodedata.is_normalized("NFKC", text) and not _UNSEEN.search(text) and text.translate(_DASHES) == text:
        return text, list(range(len(text)))
    parts: list[str] = []
    origin: list[int] = []
    done = 0
    for match in _NOT_ASCII.finditer(text):
        at = match.start()
        parts.append(text[done:at])
        origin.extend(range(done, at))
        done = at + 1
        char = match.group()
        if _UNSEEN.match(char):
            continue
        plain = unicodedata.normalize("NFKC", char).translate(_DASHES)
        parts.append(plain)
        origin.extend([at] * len(plain))
    parts.append(text[done:])
    origin.extend(range(done, len(text)))
    return "".join(parts), origin


# At most this many contact details are reported in one piece of text.
MAX_CONTACTS = 20


def find_contacts(text: str) -> list[tuple[str, re.Match[str]]]:
    """Every e-mail address and phone number in `text`, in the order they
    stand: (what, match)."""
    found = []
    for find, what, needed in ((_find_emails, "an_email_address", "@"), (_find_phones, "a_phone_number", "0+")):
        # Cheap test first: an address needs '@', a number a 0 or a +.
        if any(char in text for char in needed):
            found.extend((what, match) for match in itertools.islice(find(text), MAX_CONTACTS))
    found.sort(key=lambda item: item[1].start())
    return found[:MAX_CONTACTS]


# How people spell out an address or number so that a program would miss it:
# 'jan(at)bedrijf.nl', 'jan [at] bedrijf [dot] nl', a number over two lines;
# and a chat app's link with the number in it ('wa.me/31612345678').
_SPELLED_AT = re.compile(r"\s*[(\[{]\s*(?:at|apenstaartje)\s*[)\]}]\s*", re.IGNORECASE)
_SPELLED_DOT = re.compile(r"\s*[(\[{]\s*(?:dot|punt)\s*[)\]}]\s*", re.IGNORECASE)
_APP_NUMBER = re.compile(r"(?:wa\.me/|(?:phone|tel)=%?2?B?|tel:)\+?(\d{8,15})", re.IGNORECASE)


# What a spelled-out detail needs, looked for first (most text has none).
_SPELLED_CUE = re.compile(r"[(\[{][ \t]*(?:at|apenstaartje)[ \t]*[)\]}]|wa\.me/|phone=|tel[:=]|\d[ \t]*\n[ \t]*\d",
                          re.IGNORECASE)


def spelled_out(text: str) -> list[tuple[str, str]]:
    """Contact details written so that they read as one to a person but not
    to a search: what each is, and the detail as read."""
    found = [("a_phone_number", match.group(0)) for match in _APP_NUMBER.finditer(text)]
    plain = _SPELLED_DOT.sub(".", _SPELLED_AT.sub("@", " ".join(text.split())))
    found += [(what, match.group(0)) for what, match in find_contacts(plain)]
    return found[:MAX_CONTACTS]


def contacts_as_read(text: str) -> list[tuple[str, str, int, int]]:
    """Every e-mail address and phone number in `text` as a reader reads it
    (`as_read`: plain ASCII reads as it is written): what it is, the detail
    as read, and where it starts and ends in `text`."""
    if text.isascii():
        return [(what, match.group(0), match.start(), match.end()) for what, match in find_contacts(text)]
    read, origin = as_read(text)
    return [(what, match.group(0), origin[match.start()], origin[match.end() - 1] + 1)
            for what, match in find_contacts(read)]


def check_record_text(doc: Document, model: type, personal_data: bool, problems: Problems,
                      addresses: list[Address] | None = None) -> None:
    """Markdown safety for a record's Markdown fields; contact details in
    all its text but a person's own contact fields, as written and as
    rendered (escapes and entities cannot hide an address)."""
    data = dict(doc.data or {})
    if doc.body:
        data["body"] = doc.body
    markdown = markdown_fields(model)
    for name in sorted(markdown):
        value = data.get(name)
        if isinstance(value, str):
            line, col = _text_start(doc, (name,))
            indent = doc.block_scalars.get((name,), 0)
            if (name,) in doc.block_scalars:
                line, col = line + 1, indent + 1
            elif (name,) in doc.quoted:
                col += 1
            check_markdown(value, doc.path, line, col, name, problems, indent, doc.joined.get((name,)), addresses)
    if not personal_data:
        return
    kind = getattr(model, "kind", "")
    for loc, value in _strings(data, ()):
        if (kind, loc[0]) in CONTACT_FIELDS and len(loc) == 1:
            continue
        found: list[tuple[str, str, int | None, int | None]] = list(contacts_as_read(value))
        if not found and loc[0] in markdown and len(loc) == 1 and any(c in value for c in "\\&%@0+"):
            # As rendered: escapes, entities and percent-encoding undone; said where the text starts.
            shown = " ".join(plain_text(value).split())  # as a browser shows it: runs of white space as one
            found = [(what, match.group(0), None, None) for what, match in find_contacts(as_read(shown)[0])]
        if not found and _SPELLED_CUE.search(value):
            read = as_read(plain_text(value) if loc[0] in markdown and len(loc) == 1 else value)[0]
            found = [(what, detail, None, None) for what, detail in spelled_out(read)]
        start = _text_start(doc, loc)
        for what, detail, begin, end in found:
            line, col = _value_position(doc, loc, value, begin, end, start) if begin is not None else start
            problems.error(
                doc.path, line, col,
                say("contact_details", field=field_name(_named_part(loc)), what=say(what), found=quote(detail, 40)),
            )


def _named_part(loc: tuple[Any, ...]) -> str:
    """The field a piece of text is in: 'description' of a tag of the
    taxonomy, not 'tags'; 'evidence' for its second item."""
    return next((part for part in reversed(loc) if isinstance(part, str)), str(loc[0]))


def _value_position(doc: Document, loc: tuple[Any, ...], value: str, offset: int, end: int,
                    start: tuple[int, int]) -> tuple[int, int]:
    """Line and column in the file of what stands from `offset` to `end` in
    a value that starts at `start`: counted for a value on one line, a
    literal block (|) and the Markdown below the fields; looked for in the
    file's lines of a value whose lines YAML joined; the value's start when
    it is not there as it was read (split over two lines, written with escapes)."""
    line, col = start
    narrative = _is_narrative(doc, loc)
    if loc in doc.joined:
        needle = value[offset:end]
        return find_in_lines(doc.joined[loc], needle, value.count(needle, 0, offset)) or start
    if loc in doc.block_scalars or narrative:  # a literal block: a folded one is joined
        line += value.count("\n", 0, offset) + (0 if narrative else 1)
        col = offset - (value.rfind("\n", 0, offset) + 1) + 1 + (0 if narrative else doc.block_scalars[loc])
    elif "\n" not in value:
        col += offset + (1 if loc in doc.quoted else 0)
    return line, col


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
