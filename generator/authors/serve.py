"""`handbook serve`: a local preview that follows edits to the records.

MkDocs serves the docs folder with live reload; this process watches
`data/` and regenerates the Markdown when a record changes, so the page in
the browser reloads with the change. A record with errors keeps the last
good pages and prints the problems.

One worker regenerates, one batch of changes at a time: saves that arrive
while it works are gathered and handled in the next round, never in a
second regeneration beside the first.
"""

from __future__ import annotations

import contextvars
import errno
import json
import os
import signal
import socket
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable

import click
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from ..build import (BuildFailed, engine_environment, generate_pages, preview_notice, write_error_pages,
                    write_waiting_pages)
from ..words.messages import language, say
from .preview import LANGUAGE, PARENT
from ..words.problems import Problems, one_line
from .output import report_problems
from ..site.search import PREVIEW_SEARCH
from ..project.settings import PREVIEW_NOTICE
from ..records.load import ReadCache

DEBOUNCE_SECONDS = 0.2

# How long a stop waits for the engine to shut down its server and remove
# what it made, and for a regeneration under way to finish, before the
# engine is killed and the regeneration left to end with this process. A
# stop is over within about this time, however busy the machine is.
STOP_SECONDS = 5.0


class Regenerator:
    """Gathers changed paths and regenerates them on one worker thread.

    `on_round(changed)` is called before and after each round (for tests
    and for timing); it must be quick.
    """

    def __init__(self, project: Path, on_round: Callable[[str, set[str] | None], None] | None = None,
                 notice: Path | None = None) -> None:
        self.project = project
        self.notice = notice  # the file of the problems every page of the preview shows
        self.waiting = False  # the pages hold no records yet: none was ever right here
        self._told: str | None = None  # the notice last written
        self.cache = ReadCache()
        self.on_round = on_round
        self._pending: set[str] = set()
        self._wanted = False
        self._stopped = False
        self._busy = False
        self._condition = threading.Condition()
        # The worker speaks the command's language: a thread starts with a
        # context of its own, so it runs in a copy of this one.
        self._worker = threading.Thread(target=contextvars.copy_context().run, args=(self._run,),
                                        name="regenerate", daemon=True)

    def start(self) -> None:
        self._worker.start()

    def stop(self, timeout: float | None = None) -> None:
        """No new round starts, and a round under way ends after the pass it
        is in; waits for that at most `timeout` seconds (each page is written
        whole, so a round that ends with the process leaves no half page)."""
        with self._condition:
            self._stopped = True
            self._condition.notify_all()
        if self._worker.is_alive():  # a stop during the first generation comes before the start
            self._worker.join(timeout)

    def changed(self, paths: set[str]) -> None:
        """Paths (relative to the project) that changed; regenerated soon."""
        with self._condition:
            self._pending |= paths
            self._wanted = True
            self._condition.notify_all()

    def idle(self, timeout: float) -> bool:
        """Wait until nothing is pending or running; False on timeout."""
        with self._condition:
            return self._condition.wait_for(lambda: not self._wanted and not self._busy, timeout)

    def _run(self) -> None:
        while True:
            with self._condition:
                self._condition.wait_for(lambda: self._wanted or self._stopped)
                if self._stopped:
                    return
                # An editor's save is several events: wait until they stop coming.
                while self._condition.wait(DEBOUNCE_SECONDS):
                    if self._stopped:
                        return
                changed, self._pending, self._wanted = self._pending, set(), False
                self._busy = True
            try:
                self.regenerate(changed or None)
            except Exception as exc:  # noqa: BLE001 - the preview must outlive any one round
                # One line, no traceback: the next save starts a new round.
                click.echo(say("preview_not_regenerated", reason=one_line(f"{type(exc).__name__}: {exc}")))
            finally:
                with self._condition:
                    self._busy = False
                    self._condition.notify_all()

    def regenerate(self, changed: set[str] | None = None) -> bool:
        """First the edited records' own pages (what the author looks at, in
        well under a second at 10,000 records), then every page, so lists and
        links follow. Unchanged files are not re-read."""
        if self.on_round:
            self.on_round("start", changed)
        try:
            for only in ([changed] if changed else []) + [None]:
                if self._stopped:
                    return False
                try:
                    generated = generate_pages(self.project, cache=self.cache, only=only)
                except BuildFailed as failure:
                    if failure.problems is not None:
                        report_problems(failure.problems)
                        self._tell_pages(failure.problems)
                        if write_error_pages(self.project, failure.problems):
                            click.echo(say("preview_error_shown"))
                    click.echo(say("preview_waiting" if self.waiting else "preview_not_regenerated",
                                   reason=one_line(str(failure))))
                    return False
                if only is None:
                    report_problems(generated.problems)
                    self.waiting = False
                    self._tell_pages(None)
                click.echo(say("preview_regenerated_edited" if only else "preview_regenerated_all",
                               changed=generated.changed, pages=generated.pages))
            return True
        finally:
            if self.on_round:
                self.on_round("end", changed)

    def _tell_pages(self, problems: Problems | None) -> None:
        """The notice every page shows: the problems, or none (written whole,
        then moved into place, so the engine never reads half of it)."""
        if self.notice is None:
            return
        text = json.dumps(preview_notice(problems, self.waiting) if problems is not None and problems.errors else {},
                          ensure_ascii=False)
        if text == self._told:
            return  # unchanged: no rebuild for nothing
        try:
            part = self.notice.with_name(self.notice.name + ".part")
            part.write_text(text, "utf-8")
            os.replace(part, self.notice)
        except OSError:
            return  # the terminal has said it; the notice is a convenience
        self._told = text


class _DataChanged(FileSystemEventHandler):
    def __init__(self, project: Path, regenerator: Regenerator) -> None:
        self.project = project
        self.regenerator = regenerator

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        paths = set()
        for path in (event.src_path, getattr(event, "dest_path", "")):
            if path:
                try:
                    paths.add(Path(os.fsdecode(path)).absolute().relative_to(self.project).as_posix())
                except ValueError:
                    continue
        self.regenerator.changed(paths)


def watch(project: Path, regenerator: Regenerator) -> Observer:
    observer = Observer()
    observer.schedule(_DataChanged(project, regenerator), str(project / "data"), recursive=True)
    observer.start()
    return observer


class AddressRefused(Exception):
    """The preview cannot listen where it was asked to; the message says why."""


def check_address(address: str) -> None:
    """HOST:PORT, with a port that is free here: said before anything starts."""
    host, _, port = address.rpartition(":")
    if not host or not port.isascii() or not port.isdigit() or not 1 <= int(port) <= 65535:
        raise AddressRefused(say("preview_bad_address", address=address))
    try:
        with socket.socket(socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET) as probe:
            # As a server binds: connections of a preview stopped a moment
            # ago (TIME_WAIT) do not hold the port, a listening server does.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host.strip("[]"), int(port)))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise AddressRefused(say("preview_port_taken", port=port, host=host, next=int(port) + 1)) from None
        raise AddressRefused(say("preview_cannot_serve", address=address, reason=exc.strerror or exc)) from None


def serve(project: Path, address: str) -> int:
    check_address(address)
    project = project.absolute()

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    # Stopped (Ctrl-C, SIGTERM from a process manager, SIGHUP when its
    # terminal closes), at any moment: the engine goes too, the port is free
    # when this returns, and a stop is not a failure.
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGHUP, stop)
    notices = Path(tempfile.mkdtemp(prefix="handbook-preview-"))  # the engine watches it; gone after the stop
    # The engine makes its temporary folders (the site it serves, the last
    # search index) in here: whatever a killed engine leaves goes with it.
    engine_temporary = notices / "engine"
    engine_temporary.mkdir()
    regenerator = Regenerator(project, notice=notices / "problems.json")
    engine: subprocess.Popen | None = None
    # Watch first: a save during the first generation is the first change.
    observer = watch(project, regenerator)
    try:
        # Never generated here: first the pages without records, so that the
        # engine starts even when the records have errors (each page then
        # shows them); a good generation replaces them at once.
        regenerator.waiting = write_waiting_pages(project)
        regenerator.regenerate()
        regenerator.start()
        engine = subprocess.Popen(
            # Every page is rebuilt on an edit (a dirty build leaves the
            # navigation without titles); the preview is not strict (`handbook
            # build` is). generator/authors/preview.py is MkDocs' serve without its
            # list of pages outside the navigation; the plugin adds search.
            [sys.executable, "-m", "generator.authors.preview", "--livereload", "--no-strict", "--dev-addr", address],
            cwd=project,
            env={**engine_environment(project), PREVIEW_SEARCH: "1", PREVIEW_NOTICE: str(regenerator.notice),
                 LANGUAGE: language(), PARENT: str(os.getpid()), "TMPDIR": str(engine_temporary)},
        )
        return engine.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        # A second stop while this one cleans up (the terminal's SIGHUP after
        # a Ctrl-C, SIGTERM to the whole group, a second Ctrl-C) is the same
        # stop, which ends within STOP_SECONDS: it does not break it off.
        stops = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP]
        before = [signal.signal(number, signal.SIG_IGN) for number in stops]
        try:
            _stop_all(engine, observer, regenerator)
            shutil.rmtree(notices, ignore_errors=True)
        finally:
            for number, handler in zip(stops, before, strict=True):
                signal.signal(number, handler)


def _stop_all(engine: subprocess.Popen | None, observer: Observer, regenerator: Regenerator) -> None:
    """The engine, the watch and the regeneration stop side by side, within
    STOP_SECONDS: the engine stops its server on SIGTERM and its exit
    handlers remove what it made (generator/authors/preview.py); an engine
    that has not ended by then is killed."""
    deadline = time.monotonic() + STOP_SECONDS
    if engine is not None and engine.poll() is None:
        engine.terminate()
    observer.stop()
    regenerator.stop(timeout=0)
    if engine is not None:
        try:
            engine.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            engine.kill()
            engine.wait()
    regenerator.stop(timeout=max(0.0, deadline - time.monotonic()))
    observer.join(timeout=max(0.0, deadline - time.monotonic()))
