"""Files people wrote, changed all together or not at all (`handbook handover`).

Every new file is written beside its target first, and beside it a copy of
the old one; only then are the new files renamed over their targets, one by
one. If a rename fails, or a stop (Ctrl-C, SIGTERM, SIGHUP) comes while
they are renamed, the copies are renamed back: every file is as it was.
A rename needs no room on the disk, so nothing that can run out halfway is
left for the moment when some files are new and others old.

A file that did not exist (`old` None) is made the same way, never over one
that has come since; undone, it is removed again, and so is the folder
made for it.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..parallel import uninterrupted
from ..words.messages import say


class NotReplaced(Exception):
    """Nothing was changed; the message says why (a path and the system's reason)."""


@dataclass(frozen=True)
class Replacement:
    path: Path
    shown: str  # the path as messages name it (from the project folder)
    old: bytes | None  # what the file must still hold (a file changed since it was read is left alone); None: none yet
    new: bytes


# A file a person would make: readable by all, written by its owner.
NEW_FILE_MODE = 0o644


def _beside(path: Path, data: bytes, mode: int, suffix: str) -> str:
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
    except BaseException:
        os.unlink(temporary)
        raise
    return temporary


def _reason(path: str, failure: OSError) -> str:
    return f"{path}: {failure.strerror or failure}"


def replace_all(replacements: Sequence[Replacement]) -> None:
    """Each file from its old bytes to its new ones, all of them or none
    (then NotReplaced, or the stop that came, is raised)."""
    staged: list[tuple[Path, str, str]] = []  # target, new file beside it, copy of the old one ('' for a new file)
    made: list[Path] = []  # folders made for new files, to be removed again when nothing is written
    written = False
    try:
        for item in replacements:
            try:
                if item.old is None:
                    if os.path.lexists(item.path):
                        raise NotReplaced(say("edits_exists", path=item.shown))
                    _make_folders(item.path, made)
                    staged.append((item.path, _beside(item.path, item.new, NEW_FILE_MODE, ".new"), ""))
                    continue
                status = os.lstat(item.path)
                if not stat.S_ISREG(status.st_mode):
                    raise NotReplaced(say("edits_not_plain_file", path=item.shown))
                with open(item.path, "rb") as stream:
                    if stream.read() != item.old:
                        raise NotReplaced(say("edits_changed_since_read", path=item.shown))
                mode = stat.S_IMODE(status.st_mode)
                staged.append((item.path, _beside(item.path, item.new, mode, ".new"), ""))
                staged[-1] = (item.path, staged[-1][1], _beside(item.path, item.old, mode, ".old"))
            except OSError as failure:
                raise NotReplaced(_reason(item.shown, failure)) from None
        _rename_all(staged, [item.shown for item in replacements])
        written = True
    finally:
        for _, new, old in staged:
            for temporary in (new, old):
                if temporary and os.path.lexists(temporary):
                    os.unlink(temporary)
        if not written:
            for folder in reversed(made):
                try:
                    folder.rmdir()
                except OSError:
                    pass  # something else is in it now: it stays


def _make_folders(path: Path, made: list[Path]) -> None:
    """Make the folders `path` lies in that do not exist yet, adding each to `made` (outermost first)."""
    missing = []
    folder = path.parent
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        folder.mkdir()
        made.append(folder)


def _rename_all(staged: list[tuple[Path, str, str]], shown: list[str]) -> None:
    done: list[int] = []
    try:
        # A stop that comes while the files are renamed takes effect after
        # the last one, and then every one is renamed back (below).
        with uninterrupted():
            for number, (target, new, _) in enumerate(staged):
                os.replace(new, target)
                done.append(number)
    except BaseException as failure:
        lost = []
        with uninterrupted():
            for number in reversed(done):
                target, new, old = staged[number]
                try:
                    if old:
                        os.replace(old, target)
                    else:  # a new file: there was none
                        os.unlink(target)
                except OSError:
                    staged[number] = (target, new, "")  # the old text stays where it is, and is named
                    lost.append(say("edits_kept_beside", path=shown[number], copy=os.path.basename(old)) if old
                                else shown[number])
        if lost:
            raise NotReplaced(say("edits_not_restored", files="; ".join(lost))) from None
        if isinstance(failure, OSError):
            raise NotReplaced(_reason(shown[len(done)], failure)) from None
        raise
