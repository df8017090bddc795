"""The form and the issue: what GitHub hands a workflow, and the answers in it.

GitHub writes a filled-in issue form as Markdown: each field's label as a
`### Label` heading, the answer below it, `_No response_` for none. The
labels are read from the form itself, so rewording a question in the form
needs no change here; the fields are known by their ids. Every answer keeps
the line of the issue's text it starts on, so that a problem with it is
said there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from ..words.messages import os_problem, parser_words, quote, say
from ..words.problems import Problems

# The form, in the project; the workflow checks out the repository that holds it.
FORM_PATH = ".github/ISSUE_TEMPLATE/kennisoverdracht.yml"
# GitHub keeps at most this many characters of an issue's text.
MAX_BODY = 65_536
# GitHub's event payloads are at most 25 MB; a larger file is none.
MAX_EVENT_BYTES = 25 * 1024 * 1024
NO_RESPONSE = "_No response_"
# The kinds of field that give an answer (a markdown block gives none).
ANSWERED = ("input", "textarea", "dropdown")


@dataclass(frozen=True)
class Field:
    id: str
    label: str
    kind: str
    required: bool
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Form:
    path: str
    labels: tuple[str, ...]  # the labels GitHub gives the issue
    fields: tuple[Field, ...]

    def field(self, ident: str) -> Field | None:
        return next((f for f in self.fields if f.id == ident), None)


@dataclass(frozen=True)
class Answer:
    text: str  # '' for none
    line: int  # the line of the issue's text where the answer starts (its heading, when it has none)
    label: str


@dataclass
class Issue:
    number: int
    title: str
    body: str
    login: str | None
    labels: list[str]
    created: date
    where: str = field(init=False)

    def __post_init__(self) -> None:
        self.where = f"issue #{self.number}"


def read_form(project: Path, problems: Problems) -> Form | None:
    """The form's answered fields and labels; None (and why) when it cannot be read."""
    path = project / FORM_PATH
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as failure:
        problems.error(FORM_PATH, 1, 1, say("issue_form_unreadable", reason=quote(failure, 200)))
        return None
    if not isinstance(data, dict) or not isinstance(data.get("body"), list):
        problems.error(FORM_PATH, 1, 1, say("issue_form_unreadable", reason=quote("body", 200)))
        return None
    fields = []
    for element in data["body"]:
        if not isinstance(element, dict) or element.get("type") not in ANSWERED:
            continue
        attributes = element.get("attributes") or {}
        fields.append(Field(str(element.get("id")), str(attributes.get("label", "")).strip(), element["type"],
                            bool((element.get("validations") or {}).get("required")),
                            tuple(str(o) for o in attributes.get("options") or ())))
    labels = tuple(str(label) for label in data.get("labels") or ())
    return Form(FORM_PATH, labels, tuple(fields))


def read_event(event: Path, problems: Problems) -> Issue | None:
    """The issue of GitHub's event payload (`$GITHUB_EVENT_PATH`); None,
    and every reason, when the file holds none."""
    where = event.as_posix()
    try:
        with event.open("rb") as stream:
            raw = stream.read(MAX_EVENT_BYTES + 1)
    except OSError as failure:
        problems.error(where, 1, 1, say("issue_event_unreadable", reason=quote(os_problem(failure), 200)))
        return None
    if len(raw) > MAX_EVENT_BYTES:
        problems.error(where, 1, 1, say("issue_event_too_large", limit=MAX_EVENT_BYTES // (1024 * 1024)))
        return None
    try:
        payload = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as failure:
        problems.error(where, 1, 1, say("issue_event_not_json", reason=quote(parser_words("decoding", failure.reason), 200)))
        return None
    except json.JSONDecodeError as failure:
        problems.error(where, failure.lineno, failure.colno,
                       say("issue_event_not_json", reason=quote(parser_words("json", failure.msg), 200)))
        return None
    except RecursionError:
        problems.error(where, 1, 1, say("issue_event_not_json", reason=quote(parser_words("json", "nesting"), 200)))
        return None
    issue = payload.get("issue") if isinstance(payload, dict) else None
    if not isinstance(issue, dict):
        problems.error(where, 1, 1, say("issue_event_no_issue"))
        return None
    wrong = []
    number = issue.get("number")
    if isinstance(number, bool) or not isinstance(number, int) or not 0 < number < 10**9:
        wrong.append("issue.number")
    body = issue.get("body")
    if body is None:
        body = ""  # an issue whose text was emptied
    if not isinstance(body, str):
        wrong.append("issue.body")
    created = _day(issue.get("created_at"))
    if created is None:
        wrong.append("issue.created_at")
    user = issue.get("user")
    login = user.get("login") if isinstance(user, dict) else None
    # A login is letters, digits and hyphens; anything else is not GitHub's and is left out.
    if not (isinstance(login, str) and 0 < len(login) <= 39 and login.replace("-", "").isascii()
            and login.replace("-", "").isalnum()):
        login = None
    labels = [label.get("name") for label in issue.get("labels") or [] if isinstance(label, dict)] \
        if isinstance(issue.get("labels"), list) else []
    for name in wrong:
        problems.error(where, 1, 1, say("issue_event_bad_field", field=name))
    if wrong:
        return None
    title = issue.get("title") if isinstance(issue.get("title"), str) else ""
    return Issue(number, title, body, login, [label for label in labels if isinstance(label, str)], created)


def _day(value: Any) -> date | None:
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        return datetime.fromisoformat(value).date()  # GitHub's '2026-10-20T09:30:00Z'; the day in UTC
    except ValueError:
        return None


def find_answers(form: Form, issue: Issue, problems: Problems) -> dict[str, Answer]:
    """Each field's answer, by id: the text under its heading (`### Label`)
    to the next heading of the form, wherever in the issue the heading
    stands (the text may have been edited, its parts moved). Where GitHub's
    order holds, a line in an answer that looks like the heading of another
    question is part of that answer: each heading is then looked for after
    the one before it. A question whose heading is not in the issue is said
    once (the form changed after the issue was written, or the text was
    edited); so is a heading that stands twice where the order does not
    say which one is the question's."""
    lines = issue.body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    headings: dict[str, list[int]] = {question.label: [] for question in form.fields}
    for number, line in enumerate(lines):
        if line.startswith("### ") and line[4:].rstrip() in headings:
            headings[line[4:].rstrip()].append(number)
    found = _in_order(form, headings)
    if found is None:  # not in the form's order: each question by its own heading
        found = []
        for question in form.fields:
            at = headings[question.label]
            if not at:
                problems.error(issue.where, 1, 1, say("issue_heading_missing", label=quote(question.label, 120)))
            elif len(at) > 1:
                problems.error(issue.where, at[1] + 1, 1, say("issue_heading_twice", label=quote(question.label, 120),
                                                              line=at[0] + 1))
            else:
                found.append((question, at[0]))
        found.sort(key=lambda pair: pair[1])
        # A heading said twice ends the answer above it all the same.
        ends = sorted({number for at in headings.values() for number in at})
    else:
        ends = [index for _, index in found]
    answers: dict[str, Answer] = {}
    for question, index in found:
        end = next((number for number in ends if number > index), len(lines))
        part = lines[index + 1:end]
        first = next((n for n, line in enumerate(part) if line.strip()), None)
        if first is None or "\n".join(part).strip() == NO_RESPONSE:
            answers[question.id] = Answer("", index + 1, question.label)
        else:
            # Lines keep their places: the answer's line n is the issue's line start + n.
            answers[question.id] = Answer("\n".join(line.rstrip() for line in part[first:]).rstrip(),
                                          index + 2 + first, question.label)
    return answers


def _in_order(form: Form, headings: dict[str, list[int]]) -> list[tuple[Field, int]] | None:
    """Each question's heading, each after the one before it, as GitHub
    writes them; None when the issue does not hold them so."""
    found: list[tuple[Field, int]] = []
    at = -1
    for question in form.fields:
        index = next((number for number in headings[question.label] if number > at), None)
        if index is None:
            return None
        found.append((question, index))
        at = index
    return found
