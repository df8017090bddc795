"""The answers of a handover form, judged against the handbook.

Every answer is checked where it stands in the issue, and every problem is
said at once: an unknown person, campaign, learning goal or account (with
the nearest id), a date that is not one, an empty answer that is needed, a
line of a list not written as the form asks. What holds becomes the
handover (`Handover`) and its draft lessons, whose text is kept as plain
text: whatever was typed is what readers see, never Markdown, HTML or a link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..records.catalog import Catalog
from ..records.fields import Day
from ..records.invisible import character_named, invisible_characters
from ..records.models import Lesson, allowed
from ..words.messages import choice, code_of, quote, say
from ..words.problems import Problems, suggest
from .form import Answer, Form, Issue

# A lesson whose level the form leaves open is about the execution; the
# reviewer changes it where it is about the foundation.
DEFAULT_LEVEL = "execution"
LESSON_FIELD = re.compile(r"^lesson_([0-9]{1,3})_(title|campaigns|level|what_happened|lesson|recommendation)$")
# The story fields of a lesson: Markdown in a record, plain text in the form.
STORIES = ("what_happened", "lesson", "recommendation")
# Where a line of a list item begins: a bullet the leaver may have typed.
_BULLET = re.compile(r"^\s*(?:[-*+•]\s+)?")
_GOAL_LINE = re.compile(r"^(?P<campaign>[^\s:]+)\s*:\s*(?P<goal>[^\s:]+)(?:\s*[:—–-](?=\s)|\s|$)\s*(?P<answer>.*)$")
_ACCOUNT_LINE = re.compile(r"^(?P<account>[^\s:]+)(?:\s*[:—–-](?=\s|$)|\s|$)\s*(?P<access>.*)$")
# Characters Markdown reads as more than themselves anywhere in a line, and
# what makes a line a heading, list item, quote or rule at its start.
_MARKUP = frozenset("\\`*_[]<>&|~")
_BLOCK_START = re.compile(r"^(?:#|[-+=]|[0-9]{1,9}[.)])")
# "wachtwoord is Zomer2026!", "password: x7#kq": a secret written where only
# where it lives belongs (a vault's name is words, a password rarely is).
_PASSWORD = re.compile(r"(?i)\b(?:wachtwoord|password|passwd|ww|pw|pincode|pin)\b\s*(?:is|=|:)\s*"
                       r"(?=\S*[0-9!@#$%^&*+=?~])\S{4,}")


@dataclass(frozen=True)
class Goal:
    campaign: str
    goal: str
    question: str
    answer: str  # the leaver's presumed answer, as typed


@dataclass(frozen=True)
class Access:
    account: str
    where: str  # where the access lives, as typed


@dataclass
class LessonDraft:
    slot: int
    answers: dict[str, Any]  # as `handbook new` gathers them: the record's fields
    places: dict[str, Answer]  # field -> the answer it came from
    ident: str = ""  # the file name, given when the drafts are placed


@dataclass
class Handover:
    issue: Issue
    leaver: str | None = None
    successor: str | None = None
    last_day: date | None = None
    message: str = ""
    goals: list[Goal] = field(default_factory=list)
    accounts: list[Access] = field(default_factory=list)
    lessons: list[LessonDraft] = field(default_factory=list)


def plain_markdown(text: str) -> str:
    """`text` as Markdown that shows exactly it: every character Markdown
    would read as markup escaped, and no line indented (which would make it
    code); the lines stay where they were."""
    lines = []
    for line in text.split("\n"):
        escaped = "".join("\\" + char if char in _MARKUP else char for char in line.strip())
        start = _BLOCK_START.match(escaped)
        if start is not None:
            escaped = escaped[:start.end() - 1] + "\\" + escaped[start.end() - 1:]
        lines.append(escaped)
    return "\n".join(lines)


def one_line(text: str) -> str:
    return " ".join(text.split())


class Judge:
    """Judges the answers of one issue; `problems` gathers what is wrong."""

    def __init__(self, form: Form, answers: dict[str, Answer], issue: Issue, catalog: Catalog,
                 problems: Problems) -> None:
        self.form, self.answers, self.issue, self.catalog, self.problems = form, answers, issue, catalog, problems
        self.wrong: set[str] = set()  # ids of the answers with a problem

    def say_at(self, ident: str, message: str, line: int = 0) -> None:
        answer = self.answers[ident]
        self.wrong.add(ident)
        self.problems.error(self.issue.where, answer.line + line, 1,
                            say("issue_answer_problem", question=quote(answer.label, 120), problem=message))

    def text(self, ident: str, required: bool = False) -> str:
        answer = self.answers.get(ident)
        if answer is None:
            return ""
        if required and not answer.text.strip():
            self.say_at(ident, say("answer_needed"))
        return answer.text

    def person(self, ident: str, still_here: bool) -> str | None:
        value = one_line(self.text(ident, required=True))
        if not value:
            return None
        people = self.catalog.people
        named = [key for key, entry in people.items() if one_line(entry.record.name).casefold() == value.casefold()]
        if value not in people and len(named) == 1:
            value = named[0]  # 'Eva Jansen', as the page Mensen shows her
        if value not in people:
            self.say_at(ident, say("unknown_person", value=quote(value), hint=suggest(value, tuple(sorted(people)))))
            return None
        if still_here and people[value].record.left is not None:
            self.say_at(ident, say("person_left", value=quote(value)))
            return None
        return value

    def day(self, ident: str) -> date | None:
        value = one_line(self.text(ident, required=True))
        if not value:
            return None
        try:
            return TypeAdapter(Day).validate_python(value)
        except ValidationError as failure:
            error = failure.errors()[0]
            self.say_at(ident, str(error["ctx"]["error"]) if error.get("ctx") else say("not_a_date", value=quote(value)))
            return None

    def items(self, ident: str) -> list[tuple[int, str]]:
        """The lines of a list answer that say something: (line within the answer, text)."""
        return [(n, _BULLET.sub("", line, count=1).strip()) for n, line in enumerate(self.text(ident).split("\n"))
                if line.strip()]

    def goals(self) -> list[Goal]:
        found: list[Goal] = []
        goals = self.catalog.goals
        for n, line in self.items("open_goals"):
            match = _GOAL_LINE.match(line)
            if match is None:
                first = line.split()[0].rstrip(":")
                if first in goals:  # a campaign without its learning goal
                    named = [f"{first}:{goal}" for goal in goals[first]]
                    self.say_at("open_goals", say("issue_name_the_goal", value=quote(first), choices=", ".join(named)), n)
                else:
                    self.say_at("open_goals", say("issue_goal_line", value=quote(line)), n)
                continue
            campaign, goal, answer = match["campaign"], match["goal"], match["answer"].strip()
            if campaign not in goals:
                self.say_at("open_goals", say("unknown_campaign", value=quote(campaign),
                                              hint=suggest(campaign, tuple(sorted(goals)))), n)
            elif goal not in goals[campaign]:
                self.say_at("open_goals", say("issue_unknown_goal", value=quote(goal), campaign=quote(campaign),
                                              shown=", ".join(goals[campaign]),
                                              hint=suggest(goal, tuple(sorted(goals[campaign])))), n)
            elif not answer:
                self.say_at("open_goals", say("issue_goal_without_answer", value=quote(f"{campaign}:{goal}")), n)
            elif any((g.campaign, g.goal) == (campaign, goal) for g in found):
                self.say_at("open_goals", say("listed_twice", value=quote(f"{campaign}:{goal}")), n)
            else:
                found.append(Goal(campaign, goal, goals[campaign][goal], answer))
        return found

    def accounts(self) -> list[Access]:
        found: list[Access] = []
        accounts = self.catalog.accounts
        for n, line in self.items("accounts"):
            match = _ACCOUNT_LINE.match(line)
            account, access = (match["account"], match["access"].strip()) if match else (line, "")
            if account not in accounts:
                self.say_at("accounts", say("issue_unknown_account", value=quote(account),
                                            hint=suggest(account, tuple(sorted(accounts)))), n)
            elif not access:
                self.say_at("accounts", say("issue_account_without_access", value=quote(account)), n)
            elif any(a.account == account for a in found):
                self.say_at("accounts", say("listed_twice", value=quote(account)), n)
            else:
                found.append(Access(account, access))
        return found

    def lessons(self, author: str | None) -> list[LessonDraft]:
        slots: dict[int, dict[str, str]] = {}
        for question in self.form.fields:
            match = LESSON_FIELD.match(question.id)
            if match is not None and question.id in self.answers:
                slots.setdefault(int(match[1]), {})[match[2]] = question.id
        drafts = []
        for slot, ids in sorted(slots.items()):
            if not any(self.answers[ident].text.strip() for ident in ids.values()):
                continue  # a lesson not filled in
            values: dict[str, Any] = {}
            for name in ("title", "what_happened", "lesson"):
                if name in ids:
                    values[name] = self.text(ids[name], required=True)
            if "recommendation" in ids and self.text(ids["recommendation"]).strip():
                values["recommendation"] = self.text(ids["recommendation"])
            values = {name: (one_line(text) if name == "title" else plain_markdown(text))
                      for name, text in values.items() if text.strip()}
            campaigns: list[str] = []
            for name in re.split(r"[,\s]+", self.text(ids["campaigns"]) if "campaigns" in ids else ""):
                if not name or name in campaigns:
                    continue
                if name in self.catalog.campaigns:
                    campaigns.append(name)
                else:
                    self.say_at(ids["campaigns"], say("unknown_campaign", value=quote(name),
                                                      hint=suggest(name, tuple(sorted(self.catalog.campaigns)))))
            level = DEFAULT_LEVEL
            written = one_line(self.text(ids["level"])) if "level" in ids else ""
            if written:
                options = allowed(Lesson, "level")
                level = code_of(written, options) or ""
                if not level:
                    self.say_at(ids["level"], say("choose_from", value=quote(written),
                                                  choices=", ".join(choice(o) for o in options), hint=""))
            if any(ident in self.wrong for ident in ids.values()) or author is None:
                continue  # said; a lesson is drafted only from answers that hold
            answers: dict[str, Any] = {"title": values["title"], "date": self.issue.created.isoformat(),
                                       "author": author, "level": level, **values}
            if campaigns:
                answers["campaigns"] = campaigns
            places = {name: self.answers[ident] for name, ident in ids.items()}
            places["author"] = self.answers["leaver"]
            places["date"] = places.get("campaigns") or places["title"]  # the issue's date: its campaign may be wrong
            drafts.append(LessonDraft(slot, answers, places))
        return drafts

    def hidden_characters(self) -> None:
        """Every character no one sees in the issue's text, at its line and
        column: controls, NUL, characters that hide or reorder text."""
        body = self.issue.body.replace("\r\n", "\n").replace("\r", "\n")
        hidden = sorted([*invisible_characters(body), *((m.start(), "\x00") for m in re.finditer("\x00", body))])
        for offset, char in hidden[:20]:
            line = body.count("\n", 0, offset) + 1
            col = offset - (body.rfind("\n", 0, offset) + 1) + 1
            self.problems.error(self.issue.where, line, col, say("invisible", what=character_named(char)))
            for ident, answer in self.answers.items():  # the answer it is in is not drafted
                if answer.text and answer.line <= line < answer.line + answer.text.count("\n") + 1:
                    self.wrong.add(ident)


    def passwords(self) -> None:
        """What looks like a password, in any answer, at its line (never
        repeated): where access lives belongs in the form, a secret never."""
        for ident, answer in self.answers.items():
            for n, line in enumerate(answer.text.split("\n")):
                if _PASSWORD.search(line):
                    self.say_at(ident, say("issue_password_given"), n)


def judge(form: Form, answers: dict[str, Answer], issue: Issue, catalog: Catalog, problems: Problems) -> Handover:
    """The handover the answers make; every problem with them in `problems`."""
    j = Judge(form, answers, issue, catalog, problems)
    j.hidden_characters()
    j.passwords()
    handover = Handover(issue)
    handover.leaver = j.person("leaver", still_here=False) if "leaver" in answers else None
    handover.last_day = j.day("last_day") if "last_day" in answers else None
    handover.successor = j.person("successor", still_here=True) if "successor" in answers else None
    if handover.leaver is not None and handover.leaver == handover.successor:
        j.say_at("successor", say("issue_same_person", value=quote(handover.leaver)))
    handover.message = j.text("message", required=True)
    handover.goals = j.goals()
    handover.accounts = j.accounts()
    # A leaver's id that names nobody is said already; the lessons are still
    # drafted and checked (with someone else as author) so that what else is
    # wrong with them is said in the same run. Nothing is written then.
    author = handover.leaver or next(iter(sorted(catalog.people)), None)
    handover.lessons = j.lessons(author)
    return handover
