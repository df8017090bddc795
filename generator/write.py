"""The only module that writes generated files.

Generated Markdown goes into one folder (`handbook/records/`, ignored by git).
The writer

* refuses any path that would leave that folder, and any symbolic link;
* writes a file only when its content changed, atomically (a reader or a
  killed build never sees half a page), so unchanged pages keep their time;
* keeps a manifest of what it wrote, and deletes only files it wrote before:
  a file someone put there by hand is never overwritten or removed.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

MANIFEST = ".handbook-manifest.json"
# Folders and file names as the generator makes them: no '..', nothing hidden.
_GENERATED_PATH = re.compile(r"^(?:[a-z0-9][a-z0-9_-]*/)*[a-z0-9][a-z0-9._-]*$")


class WriteRefused(Exception):
    """A write that would lose or endanger a file; nothing was written."""


class GeneratedTree:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.written: dict[str, bool] = {}  # path -> changed
        self.previous: set[str] = set()
        self.safe_folders: set[str] = set()  # checked for symbolic links
        self.planned: set[str] = set()  # paths claimed by plan()
        self.present: set[str] = set()  # planned paths that existed already

    def open(self) -> None:
        if self.root.is_symlink():
            raise WriteRefused(f"{self.root} is a symbolic link; the generated folder must be a real folder")
        self.root.mkdir(parents=True, exist_ok=True)
        manifest = self.root / MANIFEST
        if manifest.is_file():
            try:
                self.previous = set(json.loads(manifest.read_text("utf-8")))
            except (ValueError, TypeError):
                raise WriteRefused(f"{manifest} is damaged; remove the folder {self.root} and build again") from None
        else:
            strangers = [p for p in self.root.rglob("*") if p.is_file()]
            if strangers:
                raise WriteRefused(
                    f"{self.root} holds files the generator did not write (such as {strangers[0]}); "
                    "move them out of the generated folder"
                )

    def plan(self, paths: list[str]) -> None:
        """Record every path about to be written before writing any, so that
        a build killed halfway still knows which files are its own."""
        self.planned = set(paths)
        self.present = {p for p in paths if os.path.lexists(self.target(p))}
        self.previous |= set(paths) - self.present
        _atomic_write(self.root / MANIFEST, json.dumps(sorted(self.previous), indent=0).encode("utf-8"))

    def target(self, relative: str) -> Path:
        """The file for a generated path, refusing anything that could end up
        outside the generated folder: only plain names (no '..', no hidden or
        absolute parts) and no symbolic link on the way."""
        if not _GENERATED_PATH.match(relative):
            raise WriteRefused(f"refusing to write {relative!r}: outside the generated folder")
        folder, _, name = relative.rpartition("/")
        if folder not in self.safe_folders:
            current = self.root
            for part in folder.split("/") if folder else ():
                current = current / part
                if current.is_symlink():
                    raise WriteRefused(f"refusing to write through the symbolic link {current}")
            self.safe_folders.add(folder)
        path = self.root / relative
        if path.is_symlink():
            raise WriteRefused(f"refusing to overwrite the symbolic link {path}")
        return path

    def write(self, relative: str, content: str) -> bool:
        """Write one file; True when its bytes changed."""
        if relative in self.written:
            raise WriteRefused(f"two pages would be written to {relative}")
        path = self.target(relative)
        data = content.encode("utf-8")
        exists = relative in self.present if relative in self.planned else os.path.lexists(path)
        if exists:
            if relative not in self.previous:
                raise WriteRefused(f"{path} exists and was not written by the generator; it is left alone")
            if path.read_bytes() == data:
                self.written[relative] = False
                return False
        path.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(path, data)
        self.written[relative] = True
        return True

    def close(self, remove_stale: bool = True) -> list[str]:
        """Record what was written; with `remove_stale`, first remove the
        pages this generator wrote before and no longer writes."""
        removed = []
        if remove_stale:
            for relative in sorted(self.previous - set(self.written)):
                path = self.target(relative)
                if path.is_file():
                    path.unlink()
                    removed.append(relative)
            for folder in sorted((p for p in self.root.rglob("*") if p.is_dir()), reverse=True):
                if not any(folder.iterdir()):
                    folder.rmdir()
            owned = set(self.written)
        else:
            owned = self.previous | set(self.written)
        _atomic_write(self.root / MANIFEST, json.dumps(sorted(owned), indent=0).encode("utf-8"))
        return removed


def _atomic_write(path: Path, data: bytes) -> None:
    """Write a sibling temporary file, then rename it over `path`: a reader
    sees the old file or the new one, never half of one. The temporary name
    is fixed (only one build writes a folder at a time) and opened without
    following links, so a leftover from a killed build is simply replaced."""
    temporary = path.with_name(f".{path.name}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(temporary, flags, 0o644)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        if os.path.lexists(temporary):
            os.unlink(temporary)
        raise
