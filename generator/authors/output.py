"""The one place problems are printed: `check`, `build`, `generate`, `serve`,
`report` and `new` all report through `report_problems`.

Each problem is one line, `PATH:LINE:COL: severity: MESSAGE`, in file order,
then one summary line, all on standard output, so they stay in order. In
GitHub Actions every problem is also printed as a workflow command, which
GitHub shows as an annotation on the line of the pull request.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

from ..words.messages import say
from ..words.problems import Problem, Problems, one_line


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def annotation(problem: Problem) -> str:
    """A problem as GitHub's `::error file=…,line=…,col=…::message` command,
    escaped per GitHub's rules so that no record text can end the command or
    start another one."""

    def escape(text: str) -> str:
        return one_line(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))

    def escape_property(text: str) -> str:
        return escape(text).replace(":", "%3A").replace(",", "%2C")

    return (
        f"::{problem.severity} file={escape_property(problem.path)},line={problem.line},"
        f"col={problem.col}::{escape(problem.message)}"
    )


def summary(problems: Problems) -> str:
    """The count of what `report_problems` prints: a problem found twice
    (two links of one field, reported at the field) is one line and one count."""
    shown = set(problems.items)
    errors = sum(problem.severity == "error" for problem in shown)
    return say("summary", errors=errors, warnings=len(shown) - errors)


def report_problems(problems: Problems, stream: TextIO | None = None, annotate: bool | None = None) -> None:
    """Print every problem, then the count of errors and warnings (when there are any)."""
    out = stream or sys.stdout
    annotate = in_github_actions() if annotate is None else annotate
    for problem in problems.sorted():
        print(problem, file=out)
        if annotate:
            print(annotation(problem), file=out)
    if problems.items:
        print(summary(problems), file=out)
    out.flush()
