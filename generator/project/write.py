"""Every file the generator writes into the project: the generated pages, the
scaffolded records, the files it owns and the site folder. (The engine and
the search index write into a fresh folder of their own, which this module
made and swaps into place; the audit rewrites built pages through it.)

* `GeneratedTree`: generated Markdown, in one folder (`handbook/records/`,
  ignored by git);
* `write_new`: a record scaffolded by `handbook new`, which never replaces a file;
* `write_file`: a file the generator owns outright (the JSON Schemas, the
  records reference, the engine's configuration for another language);
* `write_in` and `remove_in`: a file inside the project, by its path there
  (the drafts and the proposal of `handbook import-issue`), never through a
  symbolic link, so never outside the project;
* `fresh_folder` and `swap_into_place`: the built site, put in place whole.

Every write is atomic (a temporary file with a name of its own, then a
rename), so a reader, a second process or a killed build never sees half a
file. The generated tree's writer

* refuses any path that would leave that folder, and any symbolic link;
* writes a file only when its content changed, atomically (a reader or a
  killed build never sees half a page), so unchanged pages keep their time;
* keeps a manifest of what it wrote, and deletes only files it wrote before:
  a file someone put there by hand is never overwritten or removed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import glob
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from ..parallel import uninterrupted
from ..words.messages import say

MANIFEST = ".handbook-manifest.json"
LOCK = ".handbook-lock"
# How long a build waits for another process that writes the same folder.
LOCK_WAIT_SECONDS = 120.0
# Folders and file names as the generator makes them: no '..', nothing hidden.
_GENERATED_PATH = re.compile(r"^(?:[a-z0-9][a-z0-9_-]*/)*[a-z0-9][a-z0-9._-]*$")


class WriteRefused(Exception):
    """A write that would lose or endanger a file; nothing was written."""


_held: dict[Path, list[int]] = {}  # folder -> [descriptor, depth] of locks this process holds
_held_guard = threading.Lock()


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the folder for this process: another process that asks waits
    (up to LOCK_WAIT_SECONDS, then WriteRefused). Re-entrant within the
    process, so a build can hold the generated folder from generation
    through the engine's run while generation takes it again."""
    folder = folder.absolute()
    with _held_guard:
        if folder in _held:
            _held[folder][1] += 1
            acquired = False
        else:
            acquired = True
    if acquired:
        if folder.is_symlink():
            raise WriteRefused(f"{folder} is a symbolic link; the generated folder must be a real folder")
        folder.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    os.close(descriptor)
                    raise WriteRefused(
                        f"another handbook command is writing {folder}; wait for it to finish and try again"
                    ) from None
                time.sleep(0.05)
        with _held_guard:
            _held[folder] = [descriptor, 1]
    try:
        yield
    finally:
        with _held_guard:
            entry = _held[folder]
            entry[1] -= 1
            if entry[1] == 0:
                del _held[folder]
                os.close(entry[0])  # closing the descriptor releases the lock


class GeneratedTree:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.written: dict[str, bool] = {}  # path -> changed
        self.previous: set[str] = set()
        self.safe_folders: set[str] = set()  # checked for symbolic links
        self.planned: set[str] = set()  # paths claimed by plan()
        self.present: set[str] = set()  # planned paths that existed already
        self._lock = ExitStack()

    def open(self) -> None:
        """Take the folder for this process (two processes never write it at
        once: the second waits) and read what the generator wrote before."""
        if self.root.is_symlink():
            raise WriteRefused(f"{self.root} is a symbolic link; the generated folder must be a real folder")
        self.root.mkdir(parents=True, exist_ok=True)
        self._take_lock()
        manifest = self.root / MANIFEST
        if manifest.is_file():
            try:
                self.previous = set(json.loads(manifest.read_text("utf-8")))
            except (ValueError, TypeError):
                raise WriteRefused(f"{manifest} is damaged; remove the folder {self.root} and build again") from None
        else:
            strangers = [p for p in self.root.rglob("*") if p.is_file() and p.name != LOCK]
            if strangers:
                raise WriteRefused(
                    f"{self.root} holds files the generator did not write (such as {strangers[0]}); "
                    "move them out of the generated folder"
                )

    def _take_lock(self) -> None:
        self._lock.enter_context(locked(self.root))

    def release(self) -> None:
        """Let another process write the folder (also when a build failed)."""
        self._lock.close()

    def plan(self, paths: list[str]) -> None:
        """Record every path about to be written before writing any, so that
        a build killed halfway still knows which files are its own."""
        doubled = sorted({path for path in paths if paths.count(path) > 1}) if len(set(paths)) != len(paths) else []
        if doubled:
            raise WriteRefused(f"two pages would be written to {doubled[0]}")
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

    def write(self, relative: str, content: str | Iterable[str]) -> bool:
        """Write one file, given whole or in parts (a file of megabytes is
        never held whole); True when its bytes changed."""
        if relative in self.written:
            raise WriteRefused(f"two pages would be written to {relative}")
        path = self.target(relative)
        exists = relative in self.present if relative in self.planned else os.path.lexists(path)
        if exists and relative not in self.previous:
            raise WriteRefused(f"{path} exists and was not written by the generator; it is left alone")
        if isinstance(content, str):
            data = content.encode("utf-8")
            if exists and path.read_bytes() == data:
                self.written[relative] = False
                return False
            path.parent.mkdir(parents=True, exist_ok=True)
            _atomic_write(path, data)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not _atomic_write_parts(path, (part.encode("utf-8") for part in content), compare=exists):
                self.written[relative] = False
                return False
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
        self.release()
        return removed


def _atomic_write(path: Path, data: bytes) -> None:
    """Write a sibling temporary file, then rename it over `path`: a reader
    sees the old file or the new one, never half of one. The temporary file
    has a name of its own (two writers never share one) and is created
    exclusively, so a link planted under its name is never followed."""
    _atomic_write_parts(path, (data,), compare=False)


def _atomic_write_parts(path: Path, parts: Iterable[bytes], compare: bool) -> bool:
    """`_atomic_write` of bytes given in parts, each written as it comes;
    with `compare`, the file in place is read alongside, and when the bytes
    are the same it is left as it is. Whether the file was replaced."""
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        same = compare
        with ExitStack() as files:
            stream = files.enter_context(os.fdopen(descriptor, "wb"))
            old = files.enter_context(open(path, "rb")) if compare else None
            for data in parts:
                stream.write(data)
                if same and old.read(len(data)) != data:
                    same = False
            if same and old.read(1):
                same = False
        if same:
            os.unlink(temporary)
            return False
        # mkstemp creates 0600; a published file is readable like any other.
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
        return True
    except BaseException:  # the temporary file goes; the failure is raised as it was
        if os.path.lexists(temporary):
            os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_file(path: Path, text: str) -> bool:
    """Write a file the generator owns (replacing it atomically); True when
    its bytes changed. A symbolic link in its place is refused."""
    if path.is_symlink():
        raise WriteRefused(f"refusing to overwrite the symbolic link {path}")
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    _atomic_write(path, data)
    return True


def write_new(path: Path, text: str) -> None:
    """Create a file that must not exist yet: nothing is ever overwritten,
    not even by a file that appears between a check and the write."""
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags, 0o666)
    except FileExistsError:
        raise WriteRefused(f"{path} exists already; it is left as it is") from None
    with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
        stream.write(text)


def remove_new(path: Path) -> None:
    """Take back a file `write_new` just made (a scaffold that failed its check)."""
    path.unlink(missing_ok=True)


# --- a file in the project, by its path there -----------------------------------------


def writable_in(root: Path, relative: str, folder: bool = False) -> None:
    """Refuse (WriteRefused, saying why in the language of the run) a path
    that `write_in` would refuse: a part that is '..' or absolute, a folder
    on the way that is a symbolic link or no folder, a file that is a link
    or no plain file (with `folder`, `relative` is a folder, to write in).
    Said before anything is written, so that a command that writes several
    files writes all of them or none."""
    if folder:
        with _folder(root, _parts(relative), create=False):
            return
    *folders, name = _parts(relative)
    with _folder(root, folders, create=False) as opened:
        if opened is not None:
            _plain_file(opened, name, relative)


def write_in(root: Path, relative: str, text: str, new: bool = False) -> bool:
    """Write `text` to the file `relative` (a path with '/') inside the
    folder `root`; True when its bytes changed. Each folder on the way is
    made when missing and opened without following a symbolic link, and the
    file is written in the folder so opened, so no link, not even one put
    there between a check and the write, can lead the write outside `root`.
    A file is replaced atomically; with `new` it must not exist yet, and
    nothing is ever overwritten."""
    *folders, name = _parts(relative)
    data = text.encode("utf-8")
    with _folder(root, folders, create=True) as folder:
        assert folder is not None
        if new:
            if _plain_file(folder, name, relative):
                raise WriteRefused(say("write_exists", path=relative))
            try:
                descriptor = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666,
                                     dir_fd=folder)
            except FileExistsError:
                raise WriteRefused(say("write_exists", path=relative)) from None
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(data)
            return True
        if _plain_file(folder, name, relative) and _read_in(folder, name) == data:
            return False
        temporary = f".{name}.{os.getpid()}-{threading.get_ident()}-{time.monotonic_ns()}.tmp"
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666 & ~_umask(),
                             dir_fd=folder)
        try:
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(data)
            os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
        except BaseException:
            try:
                os.unlink(temporary, dir_fd=folder)
            except FileNotFoundError:
                pass
            raise
        return True


def remove_in(root: Path, relative: str) -> None:
    """Remove the file `relative` inside `root` (gone already: nothing to
    do), by the same way as `write_in`: never through a symbolic link."""
    *folders, name = _parts(relative)
    with _folder(root, folders, create=False) as folder:
        if folder is not None and _plain_file(folder, name, relative):
            os.unlink(name, dir_fd=folder)


def _parts(relative: str) -> list[str]:
    parts = relative.split("/")
    if relative.startswith("/") or any(part in ("", ".", "..") for part in parts):
        raise WriteRefused(say("write_outside", path=relative))
    return parts


@contextmanager
def _folder(root: Path, folders: list[str], create: bool) -> Iterator[int | None]:
    """A descriptor of the folder `root`/`folders`, each part opened without
    following a symbolic link (made first, with `create`); None when a part
    is missing and not to be made."""
    descriptor = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for number, part in enumerate(folders):
            if create:
                try:
                    os.mkdir(part, 0o777, dir_fd=descriptor)
                except FileExistsError:
                    pass
            try:
                inner = os.open(part, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=descriptor)
            except FileNotFoundError:
                if create:
                    raise
                yield None
                return
            except OSError as failure:
                if failure.errno not in (errno.ELOOP, errno.ENOTDIR):
                    raise
                path = "/".join(folders[:number + 1])
                link = stat.S_ISLNK(os.stat(part, dir_fd=descriptor, follow_symlinks=False).st_mode)
                raise WriteRefused(say("write_folder_link" if link else "write_not_a_folder", path=path)) from None
            os.close(descriptor)
            descriptor = inner
        yield descriptor
    finally:
        os.close(descriptor)


def _plain_file(folder: int, name: str, relative: str) -> bool:
    """Whether `name` is in `folder` (a plain file); WriteRefused when it is a link or no file."""
    try:
        mode = os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(mode):
        raise WriteRefused(say("write_file_link", path=relative))
    if not stat.S_ISREG(mode):
        raise WriteRefused(say("write_not_a_file", path=relative))
    return True


def _read_in(folder: int, name: str) -> bytes:
    descriptor = os.open(name, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=folder)
    with os.fdopen(descriptor, "rb") as stream:
        return stream.read()


# --- the built site ------------------------------------------------------------------


SITE_MARKER = ".handbook-site"


def check_site_target(target: Path, keep: list[Path]) -> None:
    """Refuse a site folder that would replace something that is not a site:
    the project itself, a folder that holds one of `keep` (data, docs,
    repository), or an existing folder the handbook did not build."""
    if target.is_symlink():
        raise WriteRefused(f"{target} is a symbolic link; the site folder must be a real folder")
    target = Path(os.path.normpath(target.absolute()))
    for precious in keep:
        precious = precious.resolve()
        if target == precious or precious.is_relative_to(target) or target.is_relative_to(precious):
            raise WriteRefused(f"the site cannot be built into {target}: that would replace or mix with {precious}")
    if not target.exists():
        return
    if not target.is_dir():
        raise WriteRefused(f"{target} exists and is not a folder; it is left as it is")
    built = (target / SITE_MARKER).is_file() or (
        # a site built before the marker existed: the engine's own pages, nothing of a project
        (target / "404.html").is_file() and (target / "index.html").is_file()
        and not any((target / name).exists() for name in ("mkdocs.yml", ".git", "data", "pyproject.toml"))
    )
    if not built and any(target.iterdir()):
        raise WriteRefused(f"{target} holds files the handbook did not build; it is left as it is "
                           "(choose an empty or new folder for the site)")


def mark_site(folder: Path) -> None:
    """Mark a built site as the handbook's, so a later build may replace it."""
    (folder / SITE_MARKER).write_bytes(b"")


def fresh_folder(beside: Path) -> Path:
    """An empty folder next to `beside`, to build a site into before it is
    put in place; with the modes of any other build output."""
    beside.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f".{beside.name}-", dir=beside.parent))
    os.chmod(folder, 0o777 & ~_umask())  # mkdtemp makes it 0700: a web server could not read it
    return folder


def overwrite_built(path: Path, data: bytes) -> None:
    """Rewrite a file of a site that is still being built in its fresh
    folder (nobody sees it before `swap_into_place`), whole: written beside
    it and renamed over it, so that whatever reads the site meanwhile (the
    search indexer) reads the file before or after, never half of it."""
    if path.is_symlink():
        raise WriteRefused(f"refusing to overwrite the symbolic link {path}")
    scratch = path.with_name(f".{path.name}.new")
    scratch.write_bytes(data)
    os.chmod(scratch, stat.S_IMODE(path.stat().st_mode))
    os.replace(scratch, path)


def discard(folder: Path) -> None:
    """Remove a folder the build worked in (beside the site: `fresh_folder`).
    It is renamed as garbage first, with stops held back, so a stop during
    the removal leaves only what the next build removes (`discard_leftovers`)."""
    garbage = folder.with_name(folder.name + DISCARDED)
    with uninterrupted():
        try:
            os.replace(folder, garbage)
        except OSError:  # gone already, or not to be renamed: removed where it is
            garbage = folder
    shutil.rmtree(garbage, ignore_errors=True)


# The name a folder gets once it is only waiting to be removed.
DISCARDED = ".discarded"
_REMOVER = "import shutil, sys\nfor folder in sys.argv[1:]: shutil.rmtree(folder, ignore_errors=True)"


def discard_later(folder: Path) -> None:
    """Remove a site that was replaced, in a process of its own that the
    command does not wait for: tens of thousands of files take seconds to
    remove, and nobody needs them any more. It is renamed first, so that
    whatever is left of it when that process is stopped is known to be
    garbage and removed by the next build (`discard_leftovers`). A folder that
    is not a site (an empty one) is removed at once."""
    if not (folder / SITE_MARKER).is_file():
        discard(folder)
        return
    garbage = folder.with_name(folder.name + DISCARDED)
    try:
        os.replace(folder, garbage)
    except OSError:
        discard(folder)
        return
    _remove_detached([garbage])


def discard_leftovers(beside: Path) -> None:
    """Remove what is left of replaced sites beside the site folder."""
    leftovers = [path for path in beside.parent.glob(f".{glob.escape(beside.name)}-*{DISCARDED}")
                 if path.is_dir() and not path.is_symlink()]
    if leftovers:
        _remove_detached(leftovers)


def _remove_detached(folders: list[Path]) -> None:
    try:
        subprocess.Popen([sys.executable, "-I", "-S", "-c", _REMOVER, *map(str, folders)],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True)
    except OSError:
        for folder in folders:
            discard(folder)


_RENAME_EXCHANGE = 2


def swap_into_place(fresh: Path, target: Path) -> None:
    """Put `fresh` where `target` is, atomically where the system allows it.

    On Linux, renameat2(RENAME_EXCHANGE) swaps the two folders in one step, so
    there is no moment without a whole site; the old one then sits at `fresh`
    and is removed by the caller.
    """
    if not target.exists():
        os.replace(fresh, target)
        fresh.mkdir()  # the caller removes it
        return
    libc_name = ctypes.util.find_library("c")
    if sys.platform.startswith("linux") and libc_name:
        libc = ctypes.CDLL(libc_name, use_errno=True)
        renameat2 = getattr(libc, "renameat2", None)
        if renameat2 is not None:
            at_fdcwd = -100
            if renameat2(at_fdcwd, os.fsencode(fresh), at_fdcwd, os.fsencode(target), _RENAME_EXCHANGE) == 0:
                return
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    os.replace(target, old)
    os.replace(fresh, target)
    os.replace(old, fresh)
