"""Progress on a terminal for long runs; silence in CI unless asked for.

tqdm draws the counter: it is small, well kept, writes to stderr and
redraws one line, so the located problems on stdout stay clean.
"""

from __future__ import annotations

import os
import sys
from typing import Iterable, TypeVar

from tqdm import tqdm

T = TypeVar("T")

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
    return tqdm(items, desc=what, unit="", leave=False, file=sys.stderr, dynamic_ncols=True)
