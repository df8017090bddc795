"""The engine in processes of its own: process groups, shares, stops.

MkDocs and Zensical run as child processes, each in a process group of its
own, so a stop (Ctrl-C, a CI timeout) reaches the handbook first: it kills
the engine and waits for it before the cleanup removes the engine's folder.
A large site is built by two MkDocs processes at once, each writing a share
of the pages; what they write is gathered into one site and what they say is
shown once, without colour codes and without Python tracebacks.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from .parallel import uninterrupted
from .project.settings import ENGINE_SHARE
from .project.write import discard, fresh_folder


# From this many pages on, MkDocs builds the site in this many processes at
# once, each writing a share of the generated pages (`plugin.pages_elsewhere`):
# one MkDocs process renders on one core, and rendering pages in the theme
# is most of its time. Each process still reads every page (their titles
# and anchors are known everywhere), so every page comes out the same.
ENGINE_SPLIT_FROM = 2_000
ENGINE_SHARES = 2


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def shares_for(pages: int) -> int:
    """In how many MkDocs processes a site of `pages` generated pages is built."""
    return ENGINE_SHARES if pages >= ENGINE_SPLIT_FROM and cores() > 1 else 1


def run_in_shares(project: Path, config: Path, site: Path, environment: dict[str, str], shares: int,
            beside: Path) -> int:
    """`mkdocs build --strict` of the site into `site`, in `shares`
    processes; the exit status. The first process writes into `site`, the
    others into folders of their own beside `beside` (the site folder, where
    a later build finds what a stop left); their pages are moved in when
    every process succeeded.
    What the processes say is shown once: each reads every page and says
    the same of it, but each checks the anchors of only its own pages."""
    def command(folder: Path) -> list[str]:
        # Not --quiet: it silences warnings before --strict counts them (the
        # plugin has MkDocs say warnings and errors only).
        return [sys.executable, "-m", "mkdocs", "build", "--strict",
                "--config-file", str(config), "--site-dir", str(folder)]

    if shares == 1:
        code, said = run_to_end(command(site), cwd=project, env={**environment, ENGINE_SHARE: "0/1"},
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        sys.stderr.write(engine_said(said.decode("utf-8", "replace")))
        return code
    folders = [site]
    running: list[subprocess.Popen] = []
    logs: list = []
    try:
        for number in range(shares):
            with uninterrupted():
                if number:
                    folders.append(fresh_folder(beside))
                logs.append(tempfile.TemporaryFile())
                running.append(subprocess.Popen(command(folders[number]), cwd=project, stdout=logs[number],
                                                stderr=logs[number], process_group=0,
                                                env={**environment, ENGINE_SHARE: f"{number}/{shares}"}))
        codes = [process.wait() for process in running]
        said: list[str] = []
        for log in logs:
            log.seek(0)
            said += [line for line in log.read().decode("utf-8", "replace").splitlines(keepends=True)
                     if line not in said]
        sys.stderr.write(engine_said("".join(said)))
        if any(codes):
            return next(code for code in codes if code)
        for folder in folders[1:]:
            gather(folder, site)
        return 0
    finally:
        for process in running:
            if process.poll() is None:
                process.kill()
                process.wait()
        for log in logs:
            log.close()
        for folder in folders[1:]:
            discard(folder)


_COLOUR = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def engine_said(text: str) -> str:
    """What an engine reported, for an author: without colour codes (a log
    is not a terminal) and without a Python traceback (Zensical ends a
    --strict build that way, MkDocs a page it cannot read, such as a
    snippet outside the docs folder; the engine's own line before it says
    what, the build's own last line that it failed)."""
    kept: list[str] = []
    inside = False
    for line in _COLOUR.sub("", text).splitlines():
        if line.startswith("Traceback (most recent call last):"):
            inside = True
        elif inside and (line.startswith((" ", "\t")) or not line.strip()):
            pass
        elif inside:
            inside = False  # the exception's own line, also the engine's
        elif line.strip() != "Build started":
            kept.append(line)
    return "".join(line + "\n" for line in kept)


def run_to_end(command: list[str], **options: Any) -> tuple[int, bytes]:
    """Run an engine in a process group of its own: its exit status and what
    it wrote to a pipe given as stdout. When the build is stopped meanwhile,
    the engine is killed and waited for before the stop goes on, so it
    cannot write into its folder after the cleanup removed it
    (subprocess.run gives a stopped child a moment, kills it, and returns
    without waiting)."""
    process: subprocess.Popen | None = None
    try:
        with uninterrupted():
            process = subprocess.Popen(command, process_group=0, **options)
        said, _ = process.communicate()
        return process.returncode, said or b""
    finally:
        if process is not None and process.returncode is None:
            with uninterrupted():
                process.kill()
                process.wait()


def gather(folder: Path, site: Path) -> None:
    """Move the files in `folder` that `site` lacks (the pages another
    engine process wrote) into `site`; the rest (the theme's files, written
    by every process alike) stay behind."""
    for root, _, names in os.walk(folder):
        inside = site / Path(root).relative_to(folder)
        missing = [name for name in names if not (inside / name).exists()]
        if missing:
            inside.mkdir(parents=True, exist_ok=True)
        for name in missing:
            os.replace(os.path.join(root, name), inside / name)
