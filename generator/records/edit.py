"""A record file with some of its fields changed, as a person would change it.

Only the characters of the values that change are touched: each value is
found by its place in the file (PyYAML's node marks, the span of the
value as written), replaced there in the quoting it was written in, a field
taken out with its line, a field added as one line below the field that
comes before it in the model. Comments, key order, quoting, indentation,
flow lists, blank lines, line endings and a `.md` record's story stay as
they are, byte for byte.

(A round-trip YAML library writes the whole file again: ruamel.yaml keeps
comments, but re-indents list items, respaces flow lists and aligned
values and moves a comment on a changed line, so a diff would hold lines
nobody changed.)

The result is read again with the handbook's own reader and must hold
exactly the values asked for and everything else as it was; anything else
is an `EditError`, and nothing is written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from ..words.messages import say
from ..words.problems import Problems
from .read import parse_yaml

_BOM = "\ufeff"


class EditError(Exception):
    """The file cannot be changed as asked without touching more than the
    values (or it does not read back as intended); said in words."""


def _parts(text: str, markdown: bool) -> tuple[int, int]:
    """Where the YAML of the file starts and ends (the whole file, or a
    `.md` record's front matter between its two `---` lines)."""
    if not markdown:
        return 0, len(text)
    first = YAMLHandler.FM_BOUNDARY.match(text)
    second = YAMLHandler.FM_BOUNDARY.search(text, first.end()) if first else None
    if second is None:
        raise EditError(say("edit_no_front_matter"))
    return first.end(), second.start()


def _plain_reads_as_text(value: str) -> bool:
    """Whether `value` written without quotes reads back as that text: not
    as no value, a truth value or a number (`null`, `yes`, `1e3`), for the
    handbook's reader or an editor's. A date stays plain, as records write dates."""
    if re.fullmatch(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?", value):
        return False  # a number to YAML 1.2 (`1e3`), which PyYAML's 1.1 rules read as text
    tag = yaml.resolver.Resolver().resolve(yaml.ScalarNode, value, (True, False))
    return tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp")


def _written(value: str, style: str | None) -> str:
    """An id as a value of `style` is written: plain, or in the quotes the
    old value had. Ids are lower-case letters, digits and hyphens, so
    neither kind of quote needs an escape."""
    if style in ("'", '"'):
        return f"{style}{value}{style}"
    return value if _plain_reads_as_text(value) else f"'{value}'"


def _line_end(text: str, index: int) -> int:
    """The index just past the end of the line that holds `index` (past its newline)."""
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _last_mark(node: yaml.Node) -> Any:
    """Where the last character written of `node` ends (a block list or
    mapping ends where the next field starts, after comments and blank
    lines: its last value is what counts)."""
    while isinstance(node, (yaml.SequenceNode, yaml.MappingNode)) and node.value and node.flow_style is not True:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    return node.end_mark


def set_fields(text: str, markdown: bool, changes: dict[str, str | None], order: Sequence[str]) -> str:
    """`text` (a record file) with each top-level field of `changes` set to
    its id, or taken out (None); a field the file does not have is added
    below the last field before it in `order` (the model's fields)."""
    bom = _BOM if text.startswith(_BOM) else ""
    body = text[len(bom):]
    start, end = _parts(body, markdown)
    front = body[start:end]
    newline = "\r\n" if "\r\n" in front else "\n"
    try:
        root = yaml.compose(front, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        raise EditError(say("edit_unreadable")) from None
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        raise EditError(say("edit_not_block"))
    fields = {key.value: (key, value) for key, value in root.value if isinstance(key, yaml.ScalarNode)}
    splices: list[tuple[int, int, str]] = []  # (from, to, new text) in the front matter
    added: dict[int, list[str]] = {}  # where -> lines added there, in order
    for name, value in changes.items():
        if name in fields:
            key, node = fields[name]
            if not isinstance(node, yaml.ScalarNode):
                raise EditError(say("edit_not_a_value", field=name))
            if value is None:  # the field goes, with its line (and a comment on it)
                first, last = _line_start(front, key.start_mark.index), node.end_mark.index
                if front[first:key.start_mark.index].strip() or "\n" in front[key.start_mark.index:last]:
                    raise EditError(say("edit_not_one_line", field=name))
                splices.append((first, _line_end(front, last), ""))
            elif node.start_mark.index == node.end_mark.index:  # written empty: 'left:'
                colon = front.index(":", key.end_mark.index)
                splices.append((colon + 1, colon + 1, " " + _written(value, None)))
            else:
                style = node.style if node.style in ("'", '"') else None
                splices.append((node.start_mark.index, node.end_mark.index, _written(value, style)))
        elif value is not None:
            before = [field for field in order[:list(order).index(name)] if field in fields] if name in order else []
            if before:
                key, node = fields[before[-1]]
                where = _line_end(front, _last_mark(node).index)
                indent = key.start_mark.column
            else:  # nothing comes before it: it goes first
                key = root.value[0][0]
                where, indent = _line_start(front, key.start_mark.index), key.start_mark.column
            if where == len(front) and front and not front.endswith("\n") and where not in added:
                added[where] = [newline]  # the last line ends before another follows
            added.setdefault(where, []).append(" " * indent + f"{name}: {_written(value, None)}{newline}")
    for where, lines in added.items():
        splices.append((where, where, "".join(lines)))
    edited = front
    for first, last, new in sorted(splices, key=lambda splice: (splice[0], splice[1]), reverse=True):
        edited = edited[:first] + new + edited[last:]
    result = bom + body[:start] + edited + body[end:]
    _check_reads_back(front, edited, changes)
    return result


def _check_reads_back(front: str, edited: str, changes: dict[str, str | None]) -> None:
    """The edited fields, read by the handbook's own reader, are the old
    ones with exactly `changes` made."""
    before = parse_yaml(front, "before", Problems()).data
    problems = Problems()
    after = parse_yaml(edited, "after", problems).data
    wanted = dict(before or {})
    for name, value in changes.items():
        if value is None:
            wanted.pop(name, None)
        else:
            wanted[name] = value
    if problems.errors or after != wanted:
        raise EditError(say("edit_not_as_intended"))

