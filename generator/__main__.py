"""`handbook` and `python -m generator`: the command line, started so that
a generator that cannot even load (a vocabulary declared in a way the
handbook cannot hold) says why in one line, without a Python traceback."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from .cli import run
    except KeyboardInterrupt:  # Ctrl-C while it loads: stopped before anything was done, as a shell reports it
        raise SystemExit(130) from None
    except Exception as failure:  # noqa: BLE001 - a maintainer's mistake found on import: one line
        said = str(failure)
        if type(failure).__name__ != "DeclarationError":  # its words say which declaration; others need where
            import traceback

            where = traceback.extract_tb(failure.__traceback__)[-1]
            said = f"{where.filename}:{where.lineno}: {type(failure).__name__}: {failure}"
        print(f"handbook: the generator cannot start: {said}", file=sys.stderr)
        raise SystemExit(1) from None
    run()


if __name__ == "__main__":
    main()
