"""Writing records: the YAML form authors write, ids from names, review dates.

Shared by `handbook new` (scaffolds one record) and `handbook synth` (writes
thousands), so both produce files the reader accepts: no anchors or aliases,
multi-line text as `|` blocks, and every string that could read as something
else quoted by PyYAML's safe representer.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any

import yaml


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """The safe dumper (libyaml's emitter when there is one)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True  # the reader refuses aliases: write repeated values out


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _represent_str)


def dump_fields(fields: dict[str, Any]) -> str:
    """Fields as YAML, in the order given."""
    return yaml.dump(fields, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def slugify(text: str) -> str:
    """'Stagiairs werven op Hyves!' -> 'stagiairs-werven-op-hyves'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    out: list[str] = []
    dash = False
    for char in ascii_text:
        if char.isalnum():
            out.append(char)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def months_later(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it is
    shorter; past the calendar's end, its last day (the function is total:
    a review interval of millions of months is far away, not a crash)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    if year > date.max.year:
        return date.max
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    return date(year, month, 28)
