"""`mkdocs serve` for the preview, without what only confuses an author.

`handbook serve` runs this module in its own process: MkDocs' own command,
with some of its messages left out. The generated record pages are reached
through index pages, not the navigation, so MkDocs lists every one of them
as "not included in the nav" (hundreds of lines), which says nothing an
author can act on; nor do a line for every page the browser opens and
MkDocs' own goodbye. Everything else MkDocs says is shown as it is.
"""

from __future__ import annotations

import logging
import signal
import sys

QUIET = [
    ("mkdocs.structure.nav", "exist in the docs directory, but are not included in the \"nav\""),
    # A line for every page the browser opens, and one when stopping (`handbook serve` says "gestopt").
    ("mkdocs.livereload", "Browser connected: "),
    ("mkdocs.commands.serve", "Shutting down..."),
    # Four English lines for every edit, and the engine's own watch list:
    # `handbook serve` says in Dutch what it regenerated; "Documentation built
    # in" and "Serving on" stay, they say when the page is ready and where.
    ("mkdocs.livereload", "Detected file changes"),
    ("mkdocs.livereload", "Reloading browsers"),
    ("mkdocs.livereload", "Watching paths for changes"),
    ("mkdocs.commands.serve", "Building documentation..."),
    ("mkdocs.commands.build", "Cleaning site directory"),
]


class _LeaveOut(logging.Filter):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def filter(self, record: logging.LogRecord) -> bool:
        return self.text not in record.getMessage()


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> None:
    for name, text in QUIET:
        logging.getLogger(name).addFilter(_LeaveOut(text))
    # Stopped by `handbook serve` (SIGTERM) or Ctrl-C, also when started from
    # a shell's background job (which starts with SIGINT ignored): MkDocs
    # shuts its server down and the exit handlers remove what the preview
    # made (its search index) before the process ends.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _stop)
    import click
    from mkdocs.__main__ import cli

    try:
        cli(["serve", *sys.argv[1:]], prog_name="mkdocs", standalone_mode=False)
    except (click.exceptions.Abort, KeyboardInterrupt):
        pass  # a stop, not a failure: `handbook serve` says "gestopt"
    except click.ClickException as failure:
        failure.show()
        sys.exit(failure.exit_code)


if __name__ == "__main__":
    main()
