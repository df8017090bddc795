"""Located problems: what `handbook check` reports, one line each.

Every stage appends to one `Problems` list instead of raising, so an author
sees every mistake of a run at once (`PATH:LINE:COL: error: MESSAGE`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Literal

from rapidfuzz import fuzz, process

from .messages import quote, say
from .unseen import shown

__all__ = ["Problem", "Problems", "one_line", "quote", "suggest"]

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        # One problem is one line, whatever a file name or a record holds:
        # control characters are shown escaped, so no record text can start
        # a line of its own (and be read as a CI command, say).
        return f"{one_line(self.path)}:{self.line}:{self.col}: {self.severity}: {one_line(self.message)}"


@dataclass
class Problems:
    items: list[Problem] = field(default_factory=list)

    def error(self, path: str, line: int, col: int, message: str) -> None:
        self.items.append(Problem(path, line, col, message, "error"))

    def warning(self, path: str, line: int, col: int, message: str) -> None:
        self.items.append(Problem(path, line, col, message, "warning"))

    def extend(self, other: Iterable[Problem]) -> None:
        self.items.extend(other)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]

    def sorted(self) -> list[Problem]:
        # Paths sort as text; within a file, by position, so the output reads
        # top to bottom like the file itself.
        return sorted(set(self.items), key=lambda p: (p.path, p.line, p.col, p.severity, p.message))

    def __bool__(self) -> bool:
        return bool(self.errors)


def suggest(word: str, choices: Iterable[str]) -> str:
    """` (did you mean 'x'?)` when a choice is close to `word`, else ''.

    rapidfuzz (C++) compares one word with ten thousand ids in well under a
    millisecond; callers that suggest often pass a sorted tuple and cache."""
    options = choices if isinstance(choices, tuple) else tuple(sorted(set(choices)))
    if not options:
        return ""
    # Ids are lower case with hyphens: 'Eva Smit', as a page shows a person, is close to 'eva-smit'.
    word = "-".join(word.casefold().split()) or word
    found = process.extractOne(word, options, scorer=fuzz.ratio, score_cutoff=75)
    if found:
        return say("did_you_mean", value=f"'{found[0]}'")
    # A partial id: 'sanne' for 'sanne-de-vries' (the first three, in order);
    # or a part of one: 'ambassadeurs' for 'linkedin-ambassadeurs-2019'.
    longer = [option for option in options if option.startswith(f"{word}-")][:3] if word else []
    if not longer and len(word) >= 4:
        longer = [option for option in options if word in option][:3]
    if not longer and len(word) >= 4:
        longer = [found[0] for found in process.extract(word, options, scorer=fuzz.partial_ratio,
                                                         score_cutoff=90, limit=3)]
    if longer:
        named = [f"'{option}'" for option in longer]
        shown = named[0] if len(named) == 1 else say("or", first=", ".join(named[:-1]), second=named[-1])
        return say("did_you_mean", value=shown)
    return ""


def one_line(text: str) -> str:
    """`text` with every control and line-separator character, and every
    character no one sees or that reorders text, shown as an escape, and
    GitHub's older command form ('##[...]', which its runner finds anywhere
    in a line) broken up, so record text never becomes a CI command and
    nothing typed hides or reorders what a line says."""
    return shown(text).replace("##[", "##\\[")


