"""`mkdocs serve` for the preview, without what only confuses an author.

`handbook serve` runs this module in its own process: MkDocs' own command,
with some of its messages left out. The generated record pages are reached
through index pages, not the navigation, so MkDocs lists every one of them
as "not included in the nav" (hundreds of lines), which says nothing an
author can act on; nor do a line for every page the browser opens and
MkDocs' own goodbye. When the pages are ready and where the preview is are
said in the handbook's language; anything else MkDocs says (a warning, an
error) is shown as it is.
"""

from __future__ import annotations

import logging
import os
import re
import signal
import sys

QUIET = [
    ("mkdocs.structure.nav", "exist in the docs directory, but are not included in the \"nav\""),
    # A line for every page the browser opens, and one when stopping (`handbook serve` says "gestopt").
    ("mkdocs.livereload", "Browser connected: "),
    ("mkdocs.commands.serve", "Shutting down..."),
    # Four English lines for every edit, and the engine's own watch list:
    # `handbook serve` says in Dutch what it regenerated; "Documentation built
    # in" and "Serving on" are said in the handbook's language (`SAID`): they
    # say when the page is ready and where.
    ("mkdocs.livereload", "Detected file changes"),
    ("mkdocs.livereload", "Reloading browsers"),
    ("mkdocs.livereload", "Watching paths for changes"),
    ("mkdocs.commands.serve", "Building documentation..."),
    ("mkdocs.commands.build", "Cleaning site directory"),
]


# MkDocs' lines that stay, said in the handbook's language.
SAID = [
    ("mkdocs.commands.build", re.compile(r"Documentation built in ([0-9.]+) seconds"), "preview_built"),
    ("mkdocs.livereload", re.compile(r"Serving on (\S+)"), "preview_serving"),
]
# The language `handbook serve` speaks, handed to this process.
LANGUAGE = "HANDBOOK_LANGUAGE"
# The process id of `handbook serve`: this process stops when it is gone.
PARENT = "HANDBOOK_PREVIEW_PARENT"


def _stop_with_parent() -> None:
    """SIGTERM to this process when `handbook serve` ends in a way it cannot
    clean up after (killed): no preview is left holding the port. Linux
    only (prctl PR_SET_PDEATHSIG); a parent gone before that is seen here."""
    parent = os.environ.get(PARENT, "")
    if not sys.platform.startswith("linux") or not parent.isdigit():
        return
    import ctypes

    ctypes.CDLL(None).prctl(1, signal.SIGTERM, 0, 0, 0)  # 1: PR_SET_PDEATHSIG
    if os.getppid() != int(parent):
        raise KeyboardInterrupt


class _InLanguage(logging.Filter):
    def __init__(self, pattern: re.Pattern[str], key: str) -> None:
        super().__init__()
        self.pattern, self.key = pattern, key

    def filter(self, record: logging.LogRecord) -> bool:
        match = self.pattern.search(record.getMessage())
        if match is not None:
            from ..words.messages import decimal, say

            value = match.group(1)
            if self.key == "preview_built":
                value = decimal(value)  # 0,47 seconden
            record.msg, record.args = say(self.key, value=value), ()
        return True


class _WithoutTraceback(logging.Filter):
    """A failed rebuild is said in MkDocs' own line, without the Python
    traceback it logs beside it (a missing snippet, a template error)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        return True


class _LeaveOut(logging.Filter):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def filter(self, record: logging.LogRecord) -> bool:
        return self.text not in record.getMessage()


def _stop(signum: int, frame: object) -> None:
    """The first stop ends the server; one that comes while it is ending
    (SIGTERM to the whole process group, then from `handbook serve`) is the
    same stop: it must not break off the clean-up halfway, with a traceback."""
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        signal.signal(getattr(signal, name), signal.SIG_IGN)
    raise KeyboardInterrupt


def main() -> None:
    for name, text in QUIET:
        logging.getLogger(name).addFilter(_LeaveOut(text))
    for handler in logging.getLogger("mkdocs").handlers:
        handler.addFilter(_WithoutTraceback())
    from ..words.messages import set_language

    set_language(os.environ.get(LANGUAGE) or None)
    for name, pattern, key in SAID:
        logging.getLogger(name).addFilter(_InLanguage(pattern, key))
    # Stopped by `handbook serve` (SIGTERM) or Ctrl-C, also when started from
    # a shell's background job (which starts with SIGINT ignored): MkDocs
    # shuts its server down and the exit handlers remove what the preview
    # made (its search index) before the process ends.
    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGHUP, _stop)
    import click
    from mkdocs.__main__ import cli

    try:
        _stop_with_parent()
        cli(["serve", *sys.argv[1:]], prog_name="mkdocs", standalone_mode=False)
    except (click.exceptions.Abort, KeyboardInterrupt):
        pass  # a stop, not a failure: `handbook serve` says "gestopt"
    except click.ClickException as failure:
        failure.show()
        sys.exit(failure.exit_code)
    except Exception as failure:  # noqa: BLE001 - a page MkDocs cannot build: said in one line, no traceback
        print(f"ERROR   -  {type(failure).__name__}: {failure}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
