"""Progress on a terminal for long runs; silence in CI unless asked for.

tqdm draws the counter: it is small, well kept, writes to stderr and
redraws one line, so the located problems on stdout stay clean.
"""

from __future__ import annotations

import os
import sys
from typing import Iterable, Iterator, Protocol, Sequence, TypeVar

from tqdm import tqdm

T = TypeVar("T")


class Taken(Protocol):
    """Items handed out in turn to several processes (`parallel.Turns`)."""

    def take(self, items: Sequence[T]) -> Iterator[T]: ...

    def taken(self) -> int: ...


# Below this many items a run is over before a counter would help.
MINIMUM = 500


def wanted(flag: bool | None) -> bool:
    """--progress / --no-progress, or by default: on a terminal, not in CI."""
    if flag is not None:
        return flag
    return sys.stderr.isatty() and not os.environ.get("CI")


def counting(items: Iterable[T], what: str, enabled: bool) -> Iterable[T]:
    items = list(items)
    if not enabled or len(items) < MINIMUM:
        return items
    return _bar(what, items)


def counting_turns(turns: Taken, items: Sequence[T], what: str, enabled: bool) -> Iterator[T]:
    """The items this process takes in turn (`parallel.Turns`); the counter
    shows those taken by every process."""
    if not enabled or len(items) < MINIMUM:
        yield from turns.take(items)
        return
    with _bar(what, total=len(items)) as bar:
        for item in turns.take(items):
            bar.update(min(turns.taken(), len(items)) - bar.n)
            yield item


def _bar(what: str, items: Iterable[T] | None = None, total: int | None = None) -> tqdm:
    return tqdm(items, total=total, desc=what, unit="", leave=False, file=sys.stderr, dynamic_ncols=True)
