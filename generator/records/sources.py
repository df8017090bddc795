"""The record files under `data/`: found in a stable order, each with its kind.

A folder or a file that is no record's is said, never passed over: a
misplaced lesson must not be silently left out. Symbolic links are
refused, since they could make a record read a file outside the repository.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..words.messages import say
from ..words.problems import Problems, quote, suggest
from .models import KIND_BY_FOLDER


RECORD_SUFFIXES = (".yml", ".md")


@dataclass(frozen=True)
class SourceFile:
    """A record file found under `data/`."""

    disk: str  # where it is on disk
    path: str  # as reported: relative to the project, with '/'
    folder: str  # kind folder, or '' for the taxonomy

    @functools.cached_property
    def file(self) -> Path:
        """On disk, as a path (made when the file is read: not for every
        file on every save in `handbook serve`)."""
        return Path(self.disk)

    @property
    def stem(self) -> str:
        """The file's name without its suffix (its record's id), as `Path.stem` gives it."""
        name = self.path.rpartition("/")[2]
        return name[:len(name) - len(_suffix(name))]


def _listing(folder: str, shown: str, problems: Problems) -> list[os.DirEntry]:
    """A folder's entries in the order of their names (what the system
    knows of each comes with it: no call per file to learn whether it is a
    folder or a link); one that cannot be read is a located problem."""
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError as exc:
        problems.error(shown, 1, 1, say("folder_unreadable", reason=exc.strerror or exc))
        return []


def _is(test: Callable[..., bool], **options: bool) -> bool:
    """A directory entry's `is_dir`, `is_file` or `is_symlink`; False when
    the system cannot say (as `Path.is_dir` answers)."""
    try:
        return test(**options)
    except OSError:
        return False


def _suffix(name: str) -> str:
    """The file name's last suffix, as `Path.suffix` gives it."""
    at = name.rfind(".")
    return name[at:] if 0 < at < len(name) - 1 else ""


def discover(project: Path, problems: Problems) -> list[SourceFile]:
    """Every record file under `data/`, in a stable order.

    Unknown folders and file types are errors (a misplaced lesson must not be
    silently left out); symbolic links are refused, since they could make a
    record read a file outside the repository. (At 10,000 records this runs
    on every save in `handbook serve`: the folders are listed with what the
    system knows of each entry, and the paths written as text.)
    """
    data = project / "data"
    found: list[SourceFile] = []
    if not data.is_dir() or data.is_symlink():
        problems.error("data", 1, 1, say("no_data_folder"))
        return found
    for entry in _listing(os.fspath(data), "data", problems):
        shown = f"data/{entry.name}"
        if entry.name.startswith(".") or entry.name == "README.md":
            continue
        if _is(entry.is_symlink):
            problems.error(shown, 1, 1, say("symlink"))
            continue
        if _is(entry.is_dir, follow_symlinks=False):
            if entry.name not in KIND_BY_FOLDER:
                problems.error(
                    shown, 1, 1,
                    say("unknown_folder", name=quote(entry.name), choices=", ".join(sorted(KIND_BY_FOLDER)),
                        hint=suggest(entry.name, KIND_BY_FOLDER)),
                )
                continue
            for file in _listing(entry.path, shown, problems):
                path, suffix = f"{shown}/{file.name}", _suffix(file.name)
                if file.name.startswith("."):
                    # Editors' and systems' own files (.les.yml.swp, ._les.yml, .#les.yml) are
                    # passed over; a record someone hid by its name is said.
                    if suffix in RECORD_SUFFIXES and not file.name.startswith(("._", ".#")) \
                            and not _is(file.is_symlink) and _is(file.is_file, follow_symlinks=False):
                        problems.warning(path, 1, 1, say("hidden_file"))
                    continue
                if _is(file.is_symlink):
                    problems.error(path, 1, 1, say("symlink"))
                elif _is(file.is_dir, follow_symlinks=False):
                    problems.error(path, 1, 1, say("nested_folder", name=quote(entry.name)))
                elif suffix not in RECORD_SUFFIXES:
                    hint = say("rename_yml") if suffix == ".yaml" else ""
                    problems.error(path, 1, 1, say("not_record_suffix", hint=hint))
                else:
                    found.append(SourceFile(file.path, path, entry.name))
            continue
        if entry.name == "taxonomy.yml":
            found.append(SourceFile(entry.path, shown, ""))
        else:
            problems.error(shown, 1, 1, say("stray_file"))
    if not any(f.folder == "" for f in found):
        problems.error("data/taxonomy.yml", 1, 1, say("no_taxonomy"))
    return found
