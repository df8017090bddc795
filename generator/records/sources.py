"""The record files under `data/`: found in a stable order, each with its kind.

A folder or a file that is no record's is said, never passed over: a
misplaced lesson must not be silently left out. Symbolic links are
refused, since they could make a record read a file outside the repository.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..words.messages import say
from ..words.problems import Problems, quote, suggest
from .models import KIND_BY_FOLDER


RECORD_SUFFIXES = (".yml", ".md")


@dataclass(frozen=True)
class SourceFile:
    """A record file found under `data/`."""

    file: Path  # on disk
    path: str  # as reported: relative to the project, with '/'
    folder: str  # kind folder, or '' for the taxonomy


def _listing(folder: Path, rel: Any, problems: Problems) -> list[Path]:
    """A folder's entries in order; one that cannot be read is a located problem."""
    try:
        return sorted(folder.iterdir())
    except OSError as exc:
        problems.error(rel(folder), 1, 1, say("folder_unreadable", reason=exc.strerror or exc))
        return []


def discover(project: Path, problems: Problems) -> list[SourceFile]:
    """Every record file under `data/`, in a stable order.

    Unknown folders and file types are errors (a misplaced lesson must not be
    silently left out); symbolic links are refused, since they could make a
    record read a file outside the repository.
    """
    data = project / "data"
    found: list[SourceFile] = []

    def rel(p: Path) -> str:
        return p.relative_to(project).as_posix()

    if not data.is_dir() or data.is_symlink():
        problems.error("data", 1, 1, say("no_data_folder"))
        return found
    for entry in _listing(data, rel, problems):
        if entry.name.startswith(".") or entry.name == "README.md":
            continue
        if entry.is_symlink():
            problems.error(rel(entry), 1, 1, say("symlink"))
            continue
        if entry.is_dir():
            if entry.name not in KIND_BY_FOLDER:
                problems.error(
                    rel(entry), 1, 1,
                    say("unknown_folder", name=quote(entry.name), choices=", ".join(sorted(KIND_BY_FOLDER)),
                        hint=suggest(entry.name, KIND_BY_FOLDER)),
                )
                continue
            for file in _listing(entry, rel, problems):
                if file.name.startswith("."):
                    # Editors' and systems' own files (.les.yml.swp, ._les.yml, .#les.yml) are
                    # passed over; a record someone hid by its name is said.
                    if file.suffix in RECORD_SUFFIXES and not file.name.startswith(("._", ".#")) \
                            and not file.is_symlink() and file.is_file():
                        problems.warning(rel(file), 1, 1, say("hidden_file"))
                    continue
                if file.is_symlink():
                    problems.error(rel(file), 1, 1, say("symlink"))
                elif file.is_dir():
                    problems.error(rel(file), 1, 1, say("nested_folder", name=quote(entry.name)))
                elif file.suffix not in RECORD_SUFFIXES:
                    hint = say("rename_yml") if file.suffix == ".yaml" else ""
                    problems.error(rel(file), 1, 1, say("not_record_suffix", hint=hint))
                else:
                    found.append(SourceFile(file, rel(file), entry.name))
            continue
        if entry.name == "taxonomy.yml":
            found.append(SourceFile(entry, rel(entry), ""))
        else:
            problems.error(rel(entry), 1, 1, say("stray_file"))
    if not any(f.folder == "" for f in found):
        problems.error("data/taxonomy.yml", 1, 1, say("no_taxonomy"))
    return found
