"""The reminders on GitHub, by its `gh` command (which GitHub's runners
carry, signed in by GH_TOKEN; GH_REPO names the repository): each
reminder's open issue, found by its marker, is brought up to date, or
opened; its login assigned; and the open reminder of anyone who has
nothing left to do is closed, with a comment that says why.

Worked out here rather than in the workflow's shell: what is found, kept,
edited or closed is decided in one place that a test runs against a `gh`
of its own, and the workflow stays one command.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field

from .issues import Reminder, marker_of

# The open issues the search may return at most: far more than a team has
# people (a reminder beyond them would be opened a second time).
LIMIT = 1000


class GitHubError(Exception):
    """`gh` could not do what was asked; the message is its own."""


@dataclass(frozen=True)
class Issue:
    number: int
    key: str  # whom its marker says it is for
    title: str
    body: str
    assignees: tuple[str, ...]


@dataclass
class Outcome:
    """What a run did, issue by issue, and what it could not do."""

    done: list[tuple[str, int, str]] = field(default_factory=list)  # (what, issue number, whom it is for)
    failed: list[str] = field(default_factory=list)


def gh(*args: str, given: str | None = None) -> str:
    """What `gh args` prints; GitHubError with what it says when it fails."""
    try:
        done = subprocess.run(["gh", *args], input=given, capture_output=True, text=True, timeout=120,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as failure:
        raise GitHubError(f"gh: {failure}") from None
    if done.returncode != 0:
        said = " ".join((done.stderr or done.stdout).split())[:500]
        raise GitHubError(f"gh {' '.join(args[:2])}: {said or f'exit {done.returncode}'}")
    return done.stdout


def open_reminders() -> dict[str, list[Issue]]:
    """The open issues that carry a reminder's marker, by whom they are for,
    oldest first. The search only narrows them down: the marker decides."""
    listed = json.loads(gh("issue", "list", "--state", "open", "--search", '"handbook-remind" in:body',
                           "--json", "number,title,body,assignees", "--limit", str(LIMIT)) or "[]")
    found: dict[str, list[Issue]] = {}
    for issue in sorted(listed, key=lambda issue: issue["number"]):
        key = marker_of(issue.get("body") or "")
        if key is not None:
            found.setdefault(key, []).append(Issue(
                int(issue["number"]), key, issue.get("title") or "", issue.get("body") or "",
                tuple(person["login"] for person in issue.get("assignees") or [])))
    return found


def _same(one: str, other: str) -> bool:
    """Whether two bodies say the same (GitHub keeps a body with \\r\\n)."""
    return one.replace("\r\n", "\n").strip() == other.replace("\r\n", "\n").strip()


def _number(url: str) -> int:
    """The number of the issue `gh issue create` printed the address of."""
    return int(url.strip().rstrip("/").rpartition("/")[2])


def apply(reminders: list[Reminder], farewell: Callable[[str], str], duplicate: Callable[[int], str]) -> Outcome:
    """Make the open reminders on GitHub what `reminders` say: each one's
    issue edited where it changed (or opened), assigned to its login; every
    other open reminder closed with `farewell(whom)`, and a second issue of
    the same person with `duplicate(number of the first)`. One issue that
    fails does not stop the others."""
    outcome = Outcome()
    existing = open_reminders()
    for reminder in reminders:
        found = existing.get(reminder.key, [])
        try:
            if found:
                issue = found[0]
                number = issue.number
                if issue.title == reminder.title and _same(issue.body, reminder.body):
                    outcome.done.append(("unchanged", number, reminder.key))
                else:
                    gh("issue", "edit", str(number), "--title", reminder.title, "--body-file", "-", given=reminder.body)
                    outcome.done.append(("updated", number, reminder.key))
                assigned = {login.casefold() for login in issue.assignees}
            else:
                number = _number(gh("issue", "create", "--title", reminder.title, "--body-file", "-",
                                    given=reminder.body))
                outcome.done.append(("opened", number, reminder.key))
                assigned = set()
        except (GitHubError, ValueError) as failure:
            outcome.failed.append(f"{reminder.key}: {failure}")
            continue
        # Assigned apart from opening: a login GitHub cannot assign (no
        # access to the repository, misspelt) costs the assignment, not the reminder.
        if reminder.login is not None and reminder.login.casefold() not in assigned:
            try:
                gh("issue", "edit", str(number), "--add-assignee", reminder.login)
                outcome.done.append(("assigned", number, reminder.key))
            except GitHubError as failure:
                outcome.failed.append(f"{reminder.key}: {failure}")
        for twin in found[1:]:
            _close(twin, duplicate(number), outcome)
    wanted = {reminder.key for reminder in reminders}
    for key, issues in existing.items():
        if key not in wanted:
            for issue in issues:
                _close(issue, farewell(key), outcome)
    return outcome


def _close(issue: Issue, comment: str, outcome: Outcome) -> None:
    try:
        gh("issue", "close", str(issue.number), "--reason", "completed", "--comment", comment)
        outcome.done.append(("closed", issue.number, issue.key))
    except GitHubError as failure:
        outcome.failed.append(f"{issue.key}: {failure}")
