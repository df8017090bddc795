"""`handbook handover PERSON --to SUCCESSOR`: when someone leaves, what
they answer for moves to their successor, and what they did stays theirs.

What moves is what the models mark as a responsibility
(`models.Responsibility`: a campaign's knowledge owner, a guideline's
owner, an account's owner and backup owner); who ran a campaign, who wrote
a lesson and every date are history and stay. The person's own record gets
`left` (the handover date) and `successor`.

A stand-in never stands in for themselves: when the successor already
stands in for a field that now becomes theirs (an account's backup owner
who becomes its owner), the stand-in field is taken out, and the summary
says so, so that someone chooses a new one.

Each file is changed as a person would change it (`records.edit`), and all
files are written together or not at all (`project.edits`).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..project.edits import Replacement
from ..records.catalog import Catalog
from ..records.edit import EditError, set_fields
from ..records.fields import Day
from ..records.models import FOLDERS, Person, responsibilities
from ..words.messages import field, quote, say, say_counted
from ..words.problems import Problem, one_line, suggest


class Refused(Exception):
    """The handover cannot be made; nothing was changed. `path`, `line`
    and `column` say where in the records the reason stands, when it does."""

    def __init__(self, message: str, path: str | None = None, where: tuple[int, int] = (1, 1)) -> None:
        super().__init__(message)
        self.path, self.where = path, where

    def __str__(self) -> str:
        message = self.args[0]
        if self.path is None:
            return f"handover: {one_line(message)}"  # an id typed with a line break starts no line of its own
        return str(Problem(self.path, self.where[0], self.where[1], message))


@dataclass(frozen=True)
class Change:
    """One record file, before and after."""

    kind: str
    path: str  # from the project folder, as the diff names it
    file: Path
    old: bytes
    new: bytes


@dataclass(frozen=True)
class Handover:
    person: str
    successor: str
    on: date  # the day the person left (kept when their record said so already)
    changes: tuple[Change, ...]
    notes: tuple[str, ...]  # what the diff alone does not say

    def diff(self) -> str:
        """The unified diff of every file that changes, in path order."""
        parts = []
        for change in self.changes:
            lines = difflib.unified_diff(_lines(change.old.decode("utf-8")), _lines(change.new.decode("utf-8")),
                                         change.path, change.path)
            parts.extend(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                         for line in lines)
        return "".join(parts)

    def summary(self) -> str:
        """'Overdracht van … aan … op …: 5 records veranderen (1 campagne, …).'"""
        counts = {kind: sum(change.kind == kind for change in self.changes) for kind in FOLDERS}
        kinds = ", ".join(say_counted(f"handover_{kind}", n) for kind, n in counts.items() if n)
        return say("handover_summary", person=self.person, successor=self.successor, date=self.on.isoformat(),
                   records=say_counted("handover_records", len(self.changes)), kinds=kinds)

    def replacements(self) -> list[Replacement]:
        return [Replacement(change.file, change.path, change.old, change.new) for change in self.changes]


def _lines(text: str) -> list[str]:
    """Lines as the file has them (only a newline ends one: a record's text
    may hold other line separators, which `str.splitlines` would split at)."""
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def parse_day(text: str) -> date:
    """A date as records write it (YYYY-MM-DD, in the handbook's years), by
    the very rule of a record's dates; ValueError says what is wrong."""
    from pydantic import TypeAdapter, ValidationError

    try:
        return TypeAdapter(Day).validate_python(text)
    except ValidationError as failure:
        error = failure.errors()[0].get("ctx", {}).get("error")
        raise ValueError(str(error) if error else say("not_a_date", value=quote(text))) from None


def plan(project: Path, catalog: Catalog, person: str, successor: str, on: date | None, today: date,
         latest: date) -> Handover:
    """The handover of `person` to `successor` on `on` (None: `today`), as
    the changed files; Refused when it cannot be made. A date after
    `latest` (today, by the clock or by the build date, whichever is later)
    is refused: a handover records what happened, and the site would show
    someone as gone, and their work as someone else's, while they are still there."""
    people = catalog.people
    known = tuple(sorted(people))
    for named in (person, successor):
        if named not in people:
            raise Refused(say("unknown_person", value=quote(named), hint=suggest(named, known)))
    if person == successor:
        raise Refused(say("own_successor"))
    leaving, taking = people[person], people[successor]
    record: Person = leaving.record
    if record.left is not None and record.successor is not None:
        raise Refused(say("handover_done", person=quote(person), successor=quote(record.successor),
                          date=record.left.isoformat()), leaving.path, leaving.doc.at(("successor",)))
    if taking.record.left is not None:
        raise Refused(say("handover_successor_left", successor=quote(successor),
                          date=taking.record.left.isoformat()), taking.path, taking.doc.at(("left",)))
    if on is not None and on > latest:
        raise Refused(say("handover_future", date=on.isoformat()))
    notes = []
    if record.left is not None:
        if on is not None and on != record.left:
            raise Refused(say("handover_left_already", person=quote(person), date=record.left.isoformat()),
                          leaving.path, leaving.doc.at(("left",)))
        notes.append(say("handover_left_kept", person=person, date=record.left.isoformat()))
    day = record.left or on or today
    if record.joined is not None and day < record.joined:
        raise Refused(say("handover_before_joined", date=day.isoformat(), person=quote(person),
                          joined=record.joined.isoformat()), leaving.path, leaving.doc.at(("joined",)))

    changes = []
    for kind, entry in catalog.entries():
        marks = responsibilities(type(entry.record))
        now = {name: getattr(entry.record, name) for name in marks}
        edits: dict[str, str | None] = {name: successor for name, value in now.items() if value == person}
        if edits:
            now.update(edits)
            for name, mark in marks.items():
                if mark.stands_in_for and now[name] is not None and now[name] == now.get(mark.stands_in_for):
                    edits[name] = None  # the stand-in field goes: nobody stands in for themselves
                    notes.append(say("handover_stand_in_dropped", path=entry.path, person=successor,
                                     field=field(mark.stands_in_for), stand_in=field(name)))
        if kind == "person" and entry.id == person:
            if record.left is None:
                edits["left"] = day.isoformat()
            edits["successor"] = successor
        if edits:
            changes.append(_change(project, kind, entry.path, edits, list(type(entry.record).model_fields)))
    # In the order of their paths, as the diff shows them and as they are written.
    return Handover(person, successor, day, tuple(sorted(changes, key=lambda change: change.path)), tuple(notes))


def _change(project: Path, kind: str, path: str, edits: dict[str, str | None], order: list[str]) -> Change:
    file = project / path
    try:
        old = file.read_bytes()
        new = set_fields(old.decode("utf-8"), file.suffix == ".md", edits, order).encode("utf-8")
    except EditError as failure:
        raise Refused(str(failure), path) from None
    except (OSError, UnicodeDecodeError) as failure:
        raise Refused(say("cannot_read", reason=getattr(failure, "strerror", None) or failure), path) from None
    return Change(kind, path, file, old, new)
