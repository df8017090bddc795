"""`handbook handover PERSON --to SUCCESSOR`: when someone leaves, what
they answer for moves to their successor, and what they did stays theirs.

What moves is what the models mark as a responsibility
(`models.Responsibility`: a campaign's knowledge owner, a guideline's
owner, an account's owner and backup owner); who ran a campaign, who wrote
a lesson and every date are history and stay. The person's own record gets
`left` (the handover date) and `successor`.

Once no record names them any more, the records alone cannot tell what was
handed over, nor know whether an account's passwords, two-factor device and
admin rights have gone to the successor: that is outside the records. So
the handover is a record of its own, the one new file
(`data/handovers/<person>.yml`, `models.Handover`): to whom, on which day,
each record and field that moved, and per account a line the team fills in
with the day its access moved. The site shows it with the rest of its
checklist, worked out from the records as they are (`catalog.Checklist`).

Someone whose record names a successor already, while records still name
them (handed over by hand, before this command), is handed over the rest:
to whoever holds their work now, and their own record stays as it is. A
handover is done once: when its record exists, or nothing names them any
more.

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
from ..records.models import FOLDERS, MODELS, Person, responsibilities
from ..records.relations import SUCCESSOR_OF
from ..words.messages import describe, explain_kind, field, quote, say, say_counted
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
    """One record file, before (None: a new file) and after."""

    kind: str
    path: str  # from the project folder, as the diff names it
    file: Path
    old: bytes | None
    new: bytes


@dataclass(frozen=True)
class Handover:
    person: str
    successor: str
    on: date  # the day the handover is made (and recorded)
    changes: tuple[Change, ...]  # the records that change, and the handover's own record (new)
    notes: tuple[str, ...]  # what the diff alone does not say

    def diff(self) -> str:
        """The unified diff of every file that changes, in path order."""
        parts = []
        for change in self.changes:
            old = _lines(change.old.decode("utf-8")) if change.old is not None else []
            lines = difflib.unified_diff(old, _lines(change.new.decode("utf-8")),
                                         change.path if change.old is not None else "/dev/null", change.path)
            parts.extend(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                         for line in lines)
        return "".join(parts)

    def summary(self) -> str:
        """'Overdracht van … aan … op …: 5 records veranderen (1 campagne, …); de overdracht zelf komt in …'"""
        changed = [change for change in self.changes if change.kind != "handover"]
        counts = {kind: sum(change.kind == kind for change in changed) for kind in FOLDERS}
        kinds = ", ".join(say_counted(f"handover_{kind}", n) for kind, n in counts.items() if n)
        return say("handover_summary", person=self.person, successor=self.successor, date=self.on.isoformat(),
                   records=say_counted("handover_records", len(changed)), kinds=kinds,
                   path=record_file(self.person))

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


def record_file(person: str) -> str:
    """Where the handover of `person` is recorded, from the project folder."""
    return f"data/{FOLDERS['handover']}/{person}.yml"


def plan(project: Path, catalog: Catalog, person: str, successor: str, on: date | None, today: date,
         latest: date) -> Handover:
    """The handover of `person` to `successor` on `on` (None: `today`), as
    the changed files and the handover's own record; Refused when it cannot
    be made. A date after `latest` (today, by the clock or by the build
    date, whichever is later) is refused: a handover records what happened,
    and the site would show someone as gone, and their work as someone
    else's, while they are still there."""
    people = catalog.people
    known = tuple(sorted(people))
    for named in (person, successor):
        if named not in people:
            raise Refused(say("unknown_person", value=quote(named), hint=suggest(named, known)))
    if person == successor:
        raise Refused(say("own_successor"))
    leaving, taking = people[person], people[successor]
    record: Person = leaving.record
    done = catalog.handovers.get(person)
    if done is not None:
        raise Refused(say("handover_done", person=quote(person), successor=quote(done.record.successor),
                          date=done.record.date.isoformat()), done.path, done.doc.at(("successor",)))
    completing = record.left is not None and record.successor is not None
    if completing:
        _completing(catalog, person, successor)
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
    if completing:
        notes.append(say("handover_successor_kept", person=person, successor=record.successor))
    day = record.left or on or today
    if record.joined is not None and day < record.joined:
        raise Refused(say("handover_before_joined", date=day.isoformat(), person=quote(person),
                          joined=record.joined.isoformat()), leaving.path, leaving.doc.at(("joined",)))

    changes, moved = [], []
    for kind, entry in catalog.entries():
        marks = responsibilities(type(entry.record))
        now = {name: getattr(entry.record, name) for name in marks}
        edits: dict[str, str | None] = {name: successor for name, value in now.items() if value == person}
        moved += [(kind, entry.id, name) for name in edits]
        if edits:
            now.update(edits)
            for name, mark in marks.items():
                if mark.stands_in_for and now[name] is not None and now[name] == now.get(mark.stands_in_for):
                    edits[name] = None  # the stand-in field goes: nobody stands in for themselves
                    notes.append(say("handover_stand_in_dropped", path=entry.path, person=successor,
                                     field=field(mark.stands_in_for), stand_in=field(name)))
        if kind == "person" and entry.id == person and not completing:
            if record.left is None:
                edits["left"] = day.isoformat()
            edits["successor"] = successor
        if edits:
            changes.append(_change(project, kind, entry.path, edits, list(type(entry.record).model_fields)))
    if completing and not moved:
        raise Refused(say("handover_done", person=quote(person), successor=quote(record.successor),
                          date=record.left.isoformat()), leaving.path, leaving.doc.at(("successor",)))
    notes += _earlier(catalog, person, successor)
    # Recorded on the day it is made (a leaving day given with --on may lie before it).
    made = max(today, day)
    path = record_file(person)
    changes.append(Change("handover", path, project / path, None,
                          handover_text(successor, made, moved).encode("utf-8")))
    # In the order of their paths, as the diff shows them and as they are written.
    return Handover(person, successor, made, tuple(sorted(changes, key=lambda change: change.path)), tuple(notes))


def _completing(catalog: Catalog, person: str, successor: str) -> None:
    """Someone who left with a successor named, before this command existed:
    what still names them goes to whoever holds their work now (their
    successor, or whoever took over from a successor who left too). Refused
    when `successor` is someone else, or when everyone in that chain left."""
    record: Person = catalog.people[person].record
    now = catalog.taken_over_by(person)
    where = catalog.people[person].path, catalog.people[person].doc.at(("successor",))
    if now is None:
        last = record.successor
        while catalog.people[last].record.successor in catalog.people and \
                catalog.people[last].record.successor not in (person, last):
            last = catalog.people[last].record.successor
        raise Refused(say("handover_chain_ended", person=quote(person), successor=quote(record.successor),
                          last=quote(last)), *where)
    if now != successor:
        raise Refused(say("handover_complete_with", person=quote(person), successor=quote(record.successor),
                          date=record.left.isoformat(), now=now), *where)


def _earlier(catalog: Catalog, person: str, successor: str) -> list[str]:
    """What the diff does not show of those who left before and named
    `person` as their successor: their record keeps naming `person` (that
    is what happened), and whoever asks about them is sent on to
    `successor`; what still names them is handed over with a command."""
    notes = []
    for earlier in catalog.of(SUCCESSOR_OF, person):
        if catalog.people[earlier].record.left is None:
            continue  # named as successor by someone who has not left: the check says so
        notes.append(say("handover_chain", earlier=earlier, person=person, successor=successor))
        named = any(getattr(entry.record, name) == earlier for _, entry in catalog.entries()
                    for name in responsibilities(type(entry.record)))
        if named and earlier not in catalog.handovers:
            notes.append(say("handover_chain_named", earlier=earlier, successor=successor))
    return notes


def handover_text(successor: str, day: date, moved: list[tuple[str, str, str]]) -> str:
    """The handover's own record (`models.Handover`), as `handbook new`
    lays a record out: each field under its description, in the language
    of the run; each account that moved with an empty `moved:`, for the
    day its access has moved."""
    model = MODELS["handover"]

    def described(name: str, inside: type | None = None) -> str:
        of = inside or model
        return f"# {describe(of.__name__, name, of.model_fields[name].description)}"

    lines = [f"# yaml-language-server: $schema=../../schemas/{model.kind}.schema.json",
             f"# {explain_kind(model.__name__, model.__doc__.strip().splitlines()[0])}",
             f"# {say('see_reference')}", "",
             described("successor"), f"successor: {successor}", "",
             described("date"), f"date: {day.isoformat()}", ""]
    if moved:
        lines += [described("moved"), "moved:"]
        for kind, ident, name in moved:
            lines += [f"  - kind: {kind}", f"    id: {ident}", f"    field: {name}"]
        lines.append("")
    accounts = list(dict.fromkeys(ident for kind, ident, _ in moved if kind == "account"))
    if accounts:
        lines += [described("access"), "access:"]
        for ident in accounts:
            lines += [f"  - account: {ident}", "    moved:"]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


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
