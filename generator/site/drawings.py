"""Charts once drawn, kept by what they show.

Drawing the charts with matplotlib was most of generating a small handbook
(two of the three seconds the example records take, and importing matplotlib
most of another), though the figures rarely change between two builds, and
never between the preview's regenerations after an edit of a lesson's text.
A drawing is a pure function of what it shows and of the code and the
libraries that draw it; kept under the digest of both, it is drawn again
only when one of them changed: new figures, new words, another version of
this code, of matplotlib or of Babel.

The drawings are kept in the project's `.cache/handbook/charts/` (ignored
by git, removed by `make clean`), or in `$HANDBOOK_CACHE/charts/` (set it
empty for none: every chart drawn). A drawing is read back only whole (it
is written under a name of its own and then renamed into place) and only
when it is an SVG document; one that cannot be read or written is drawn as
if there were no cache, and the build says nothing about it: a cache is
never a reason for a build to fail. What is published is the audited SVG,
wherever it came from (`published.svg_problem`).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from functools import cache
from importlib.metadata import version
from pathlib import Path

from ..project.write import WriteRefused, write_file

# The code that turns what a chart shows into its drawing, beside this file:
# the charts, the pages that say what each shows, the formats of its numbers.
_CODE = ("charts.py", "drawings.py", "pages/overview.py", "../words/labels.py")
_LIBRARIES = ("matplotlib", "babel")
_HEAD = "<?xml "
_TAIL = "</svg>\n"


def cache_folder(project: Path) -> Path | None:
    """Where a project's drawings are kept: `$HANDBOOK_CACHE/charts` when
    that is set (empty: nowhere), else the project's `.cache/handbook/charts`."""
    chosen = os.environ.get("HANDBOOK_CACHE")
    if chosen is not None:
        return Path(chosen).absolute() / "charts" if chosen.strip() else None
    return project.absolute() / ".cache" / "handbook" / "charts"


@cache
def _salt() -> str:
    """The digest of the code and the versions of the libraries that draw."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in _CODE:
        digest.update((here / name).read_bytes())
    for library in _LIBRARIES:
        digest.update(f"\0{library}={version(library)}".encode())
    return digest.hexdigest()


class Drawings:
    """Drawings by the digest of what they show (`folder` None: none kept)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def get(self, shows: object, draw: Callable[[], str]) -> str:
        """The drawing of `shows` (plain data: strings, numbers, lists and
        dicts of them), as `draw()` makes it; drawn only when no whole
        drawing of the same data by the same code is kept."""
        if self.folder is None:
            return draw()
        what = json.dumps([_salt(), shows], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        path = self.folder / f"{hashlib.sha256(what.encode()).hexdigest()}.svg"
        try:
            kept = path.read_text("utf-8")
            if kept.startswith(_HEAD) and kept.endswith(_TAIL):
                return kept
        except (OSError, UnicodeError):
            pass
        drawn = draw()
        try:  # written whole or not at all; a folder that cannot be written keeps nothing
            write_file(path, drawn)
        except (OSError, WriteRefused):
            pass
        return drawn
