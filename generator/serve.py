"""`handbook serve`: a local preview that follows edits to the records.

MkDocs serves the docs folder with live reload; this process watches
`data/` and regenerates the Markdown when a record changes, so the page in
the browser reloads with the change. A record with errors keeps the last
good pages and prints the problems.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import click
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from .build import BuildFailed, engine_environment, generate_pages
from .catalog import ReadCache

DEBOUNCE_SECONDS = 0.2


def regenerate(project: Path, cache: ReadCache, changed: set[str] | None = None) -> bool:
    """Regenerate after an edit: first the edited records' own pages (what
    the author looks at, in well under a second at 10,000 records), then
    every page, so lists and links follow. Unchanged files are not re-read."""
    from .cli import report_problems

    passes = ([changed] if changed else []) + [None]
    for only in passes:
        try:
            figures = generate_pages(project, cache=cache, only=only)
        except BuildFailed as failure:
            if failure.problems is not None:
                report_problems(failure.problems)
            click.echo(f"not regenerated: {failure}; the preview keeps the last good pages", err=True)
            return False
        what = "the edited records' pages" if only else "all pages"
        click.echo(f"regenerated {what}: {figures['changed']} of {figures['pages']} changed", err=True)
    return True


class _DataChanged(FileSystemEventHandler):
    def __init__(self, project: Path) -> None:
        self.project = project
        self.cache = ReadCache()
        self.changed: set[str] = set()
        self.timer: threading.Timer | None = None
        self.lock = threading.Lock()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        with self.lock:  # an editor's save is several events: wait for quiet
            for path in (event.src_path, getattr(event, "dest_path", "")):
                if path:
                    self.changed.add(Path(os.fsdecode(path)).absolute().relative_to(self.project).as_posix())
            if self.timer is not None:
                self.timer.cancel()
            self.timer = threading.Timer(DEBOUNCE_SECONDS, self.flush)
            self.timer.daemon = True
            self.timer.start()

    def flush(self) -> None:
        with self.lock:
            changed, self.changed = self.changed, set()
        regenerate(self.project, self.cache, changed)


def serve(project: Path, address: str) -> int:
    project = project.absolute()
    handler = _DataChanged(project)
    regenerate(project, handler.cache)
    observer = Observer()
    observer.schedule(handler, str(project / "data"), recursive=True)
    observer.start()
    engine = subprocess.Popen(
        # --dirty: on an edit, only the pages whose Markdown changed are rebuilt;
        # mkdocs warns that this is a preview, so the preview is not strict
        # (`handbook build` is).
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty", "--no-strict", "--dev-addr", address],
        cwd=project,
        env=engine_environment(project),
    )
    try:
        return engine.wait()
    except KeyboardInterrupt:
        engine.terminate()
        return engine.wait()
    finally:
        observer.stop()
        observer.join()
