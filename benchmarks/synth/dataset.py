"""What every part of the synthetic data set shares: the random source, the
records planned so far, the files written, and a few helpers of dates.

The parts that make the records (`platforms`, `people`, `campaigns`,
`lessons`) each add their methods to `DataSet`; `writer.Synth` runs them in
order and writes the files."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from generator.records.writing import dump_fields

from .archetypes import Archetype
from .text import Ctx, Text
from .words import FIRST_YEAR, LAST_YEAR


def parse_day(text: str | None) -> date | None:
    """A date of the word lists ('2013-01-01'), or None."""
    return date.fromisoformat(text) if text else None


def between(rng: random.Random, first: date, last: date) -> date:
    """A day from `first` to `last` (both included)."""
    if last <= first:
        return first
    return date.fromordinal(rng.randint(first.toordinal(), last.toordinal()))


@dataclass
class Platform:
    id: str
    name: str
    short: str
    url: str
    opened: int
    closed: date | None
    recruitment: list[str]
    webcare: int
    weight: int
    fields: dict[str, Any]


@dataclass
class Person:
    id: str
    first: str
    last: str
    joined: date
    left: date | None = None
    successor: str | None = None


@dataclass
class Campaign:
    id: str
    arch: Archetype
    start: date
    end: date | None
    status: str
    platforms: list[str]
    channels: list[str]
    goals: list[str]
    ctx: Ctx
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass
class Lesson:
    date: date
    campaigns: list[Campaign]
    answers: list[tuple[Campaign, str]]
    topic: str
    id: str = ""
    superseded_by: Lesson | None = None
    recurs: Lesson | None = None


class DataSet:
    """The data set being made: each part adds the records it makes to
    `files`, and reads what the parts before it planned."""

    # Planned by the parts, in the order `writer.Synth.run` calls them.
    platforms: dict[str, Platform]  # and the taxonomy: scenario_suits, tag_ids
    scenario_suits: dict[str, list[str]]
    tag_ids: list[str]
    staff: list[Person]  # people: stayers, by_id, active_in
    stayers: list[Person]
    by_id: dict[str, Person]
    active_in: dict[int, list[Person]]
    campaigns: list[Campaign]
    lessons: list[Lesson]

    def __init__(self, records: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.text = Text(self.rng)
        n = max(records, 1)
        self.n_platforms = max(8, n // 400)
        self.n_people = max(12, round(n * 0.08))
        self.n_accounts = round(n * 0.15)
        self.n_campaigns = max(1, round(n * 0.20))
        self.n_lessons = max(0, n - self.n_platforms - self.n_people - self.n_accounts - self.n_campaigns)
        self.files: list[tuple[str, str, str]] = []  # folder, file name, content
        self.written: dict[str, dict[str, dict[str, Any]]] = {}  # folder -> id -> the fields written

    # -- writing ---------------------------------------------------------------------

    def emit(self, folder: str, ident: str, fields: dict[str, Any], body: str | None) -> None:
        self.written.setdefault(folder, {})[ident] = fields
        front = dump_fields(fields)
        if body is None:
            self.files.append((folder, f"{ident}.yml", front))
        else:
            self.files.append((folder, f"{ident}.md", f"---\n{front}---\n\n{body.rstrip()}\n"))

    def as_md(self, share: float = 0.25) -> bool:
        """Whether a record is written as Markdown with a story below its fields."""
        return self.rng.random() < share

    # -- what a part asks of those before it ------------------------------------------

    def available(self, day: date) -> list[str]:
        return [p.id for p in self.platforms.values()
                if p.opened <= day.year and (p.closed is None or day < p.closed)]

    def someone(self, day: date) -> Person:
        return self.rng.choice(self.active_in[min(max(day.year, FIRST_YEAR - 1), LAST_YEAR + 1)])

    def figures(self) -> dict[str, str]:
        """Numbers for running text (never with a leading zero)."""
        rng = self.rng
        return {"reach": str(rng.randint(2, 90) * 500), "apps": str(rng.randint(2, 60)),
                "weeks": str(rng.randint(2, 12)), "months": str(rng.randint(2, 9)),
                "visitors": str(rng.randint(4, 40) * 10), "hours": str(rng.randint(3, 16))}
