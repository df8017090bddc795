"""`handbook import-issue`: a handover form's answers as draft records.

The drafts are checked with every other record before anything is written,
in a copy of data/, so the same run can say every problem and then either
write all of them or none. Written, they are new files only (a name taken
gets the next free one, as `handbook new` offers it), inside data/lessons/,
laid out as `handbook new` lays out a record; the proposal goes to .drafts/,
which git ignores: it is the pull request's text, not a record.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..authors.new import record_fields
from ..project.write import WriteRefused, write_file, write_new
from ..records.fields import SLUG_MAX
from ..records.load import load_catalog
from ..records.models import Lesson
from ..records.record_file import render_record
from ..records.writing import slugify
from ..words.messages import kind_name, quote, say
from ..words.problems import Problem, Problems
from .answers import Handover, LessonDraft, judge
from .form import MAX_BODY, find_answers, read_event, read_form
from .proposal import proposal

SCHEMA = "../../schemas/lesson.schema.json"


@dataclass
class Outcome:
    problems: Problems = field(default_factory=Problems)
    refused: str | None = None  # why nothing could be judged, beside the problems
    drafts: list[tuple[str, str]] = field(default_factory=list)  # (path in the project, text)
    proposal_path: str | None = None
    proposal: str | None = None
    written: bool = False
    records: int = 0  # after writing: the records the check read


def proposal_path(number: int) -> str:
    return f".drafts/kennisoverdracht-{number}.md"


def import_issue(project: Path, event: Path, write: bool, today: date) -> Outcome:
    outcome = Outcome()
    problems = outcome.problems
    issue = read_event(event, problems)
    form = read_form(project, problems)
    if issue is None or form is None:
        return outcome
    if form.labels and not set(form.labels) & set(issue.labels):
        problems.error(issue.where, 1, 1, say("issue_not_the_form", label=quote(form.labels[0]), form=form.path))
        return outcome
    if len(issue.body) > MAX_BODY:  # not read: no form makes so much text
        problems.error(issue.where, 1, 1, say("issue_body_too_long", length=len(issue.body), limit=MAX_BODY))
        return outcome
    catalog = load_catalog(project, handbook := Problems(), today)
    if catalog is None or handbook.errors:
        problems.extend(handbook.items)
        outcome.refused = say("new_records_have_errors")
        return outcome
    handover = judge(form, find_answers(form, issue, problems), issue, catalog, problems)
    folder = project / "data" / Lesson.folder
    if handover.lessons and not _confined(project, folder):
        problems.error(f"data/{Lesson.folder}", 1, 1, say("issue_outside_data", path=f"data/{Lesson.folder}"))
        return outcome
    taken: set[str] = set()
    for draft in handover.lessons:
        draft.ident = _free(folder, slugify(draft.answers["title"])[:60].strip("-") or kind_name("lesson"), taken)
        taken.add(draft.ident)
        text = render_record("lesson", record_fields("lesson", draft.answers), SCHEMA)
        outcome.drafts.append((f"data/{Lesson.folder}/{draft.ident}.yml", text))
    if outcome.drafts:
        _check_in_a_copy(project, handover, outcome, today)
    if problems.errors:
        return outcome
    outcome.proposal_path = proposal_path(issue.number)
    outcome.proposal = proposal(handover, catalog, [path for path, _ in outcome.drafts])
    if write:
        _write(project, outcome, today)
    return outcome


def _free(folder: Path, base: str, taken: set[str]) -> str:
    """`base`, or base-2, base-3 ...: the first that no record in `folder`
    and no other draft of this run has (as `handbook new` offers one)."""
    candidate, number = base, 1
    while candidate in taken or (folder / f"{candidate}.yml").exists() or (folder / f"{candidate}.md").exists():
        number += 1
        candidate = f"{base[:SLUG_MAX - len(str(number)) - 1]}-{number}"
    return candidate


def _check_in_a_copy(project: Path, handover: Handover, outcome: Outcome, today: date) -> None:
    """The drafts checked with every record, in a copy of data/: each
    problem of a draft is said where its answer stands in the issue."""
    with tempfile.TemporaryDirectory(prefix="handbook-import-") as scratch:
        copy = Path(scratch)
        shutil.copytree(project / "data", copy / "data", symlinks=True)
        for path, text in outcome.drafts:
            write_new(copy / path, text)
        found = Problems()
        load_catalog(copy, found, today)
    drafts = {f"data/{Lesson.folder}/{draft.ident}.yml": (draft, text)
              for draft, (_, text) in zip(handover.lessons, outcome.drafts, strict=True)}
    for problem in found.items:
        if problem.path in drafts:
            outcome.problems.items.append(_in_the_issue(problem, *drafts[problem.path], handover))
        else:  # a problem the drafts make in another record
            outcome.problems.items.append(problem)


def _in_the_issue(problem: Problem, draft: LessonDraft, text: str, handover: Handover) -> Problem:
    """A draft's problem, said at the answer it came from."""
    lines = text.split("\n")
    name, start = None, 0
    for number in range(min(problem.line, len(lines)), 0, -1):
        match = re.match(r"([a-z_]+):", lines[number - 1])
        if match:
            name, start = match.group(1), number
            break
    answer = draft.places.get(name or "") or draft.places["title"]
    # In a block of several lines, the line of the problem is that line of the answer.
    within = problem.line - start - 1 if lines[start - 1].rstrip().endswith(("|", "|-", "|+")) else 0
    within = max(0, min(within, answer.text.count("\n")))
    message = say("issue_answer_problem", question=quote(answer.label, 120), problem=problem.message)
    return Problem(handover.issue.where, answer.line + within, 1, message, problem.severity)


def _confined(project: Path, folder: Path) -> bool:
    """Whether files written into `folder` stay in the project's data/: no
    folder on the way is a link to elsewhere (checked before the copy too,
    where a linked folder would lead just as far)."""
    data = project / "data"
    if data.is_symlink() or folder.is_symlink():
        return False
    return folder.resolve().is_relative_to(project.resolve())


def _write(project: Path, outcome: Outcome, today: date) -> None:
    """Every draft, new files only, then the check of the whole handbook."""
    written: list[Path] = []
    for path, text in outcome.drafts:
        try:
            write_new(project / path, text)
        except (WriteRefused, OSError) as refused:
            for done in written:  # all or none
                done.unlink(missing_ok=True)
            outcome.problems.error(path, 1, 1, say("issue_not_written", reason=quote(refused, 200)))
            return
        written.append(project / path)
    if outcome.proposal_path and outcome.proposal is not None and not (project / ".drafts").is_symlink():
        write_file(project / outcome.proposal_path, outcome.proposal)
    outcome.written = True
    found = Problems()
    catalog = load_catalog(project, found, today)
    outcome.problems.extend(found.items)
    outcome.records = len(catalog) if catalog is not None else 0
