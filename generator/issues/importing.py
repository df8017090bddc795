"""`handbook import-issue`: a handover form's answers as draft records.

The drafts are checked with every other record before anything is written,
in a copy of data/, so the same run can say every problem and then either
write all of them or none. Each draft carries a mark of the issue and the
lesson of the form it came from (`import-issue: issue=42 lesson=1
sha256=…`, a comment), so that a later import of the same issue finds it
again: a draft nobody edited since (its text still has the mark's
fingerprint) is replaced, or left as it is when the answers did not change,
or removed when the lesson left the issue; a draft someone edited stays as
it is, and a warning says so. A new draft is a new file (a name taken gets
the next free one, as `handbook new` offers it) inside data/lessons/, laid
out as `handbook new` lays out a record; the proposal goes to .drafts/,
which git ignores: it is the pull request's text, not a record. Every file
is written through `project.write.write_in`, which never follows a symbolic
link, and every path is checked before the first is written.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from ..authors.new import record_fields
from ..project.write import WriteRefused, remove_in, writable_in, write_in
from ..records.catalog import Catalog
from ..records.fields import SLUG_MAX
from ..records.load import load_catalog
from ..records.models import Lesson
from ..records.record_file import render_record
from ..records.writing import slugify
from ..words.messages import kind_name, quote, say
from ..words.problems import Problem, Problems
from .answers import Handover, LessonDraft, judge
from .form import MAX_BODY, find_answers, read_event, read_form
from .proposal import Listed, proposal

SCHEMA = "../../schemas/lesson.schema.json"
FOLDER = f"data/{Lesson.folder}"
# The mark of a draft: the issue, the lesson of the form, and the fingerprint
# of the draft's text as the import wrote it (without this line).
MARK = re.compile(r"^# import-issue: issue=(?P<issue>[0-9]{1,12}) lesson=(?P<slot>[0-9]{1,3}) "
                  r"sha256=(?P<digest>[0-9a-f]{16})$", re.MULTILINE)

# What a run does with one file: write a new one, replace a draft nobody
# edited, leave one as it is (unchanged, or edited by someone), remove one.
Action = Literal["new", "replace", "unchanged", "kept", "remove"]


@dataclass(frozen=True)
class Step:
    action: Action
    path: str  # in the project, with '/'
    text: str  # what the file is to hold ('kept' and 'remove': what it holds)
    slot: int  # the lesson of the form
    old: str | None = None  # what the file holds before: None for a new one


@dataclass(frozen=True)
class Found:
    """A draft an earlier import of the issue wrote."""

    path: str
    text: str
    edited: bool


@dataclass
class Outcome:
    problems: Problems = field(default_factory=Problems)
    refused: str | None = None  # why nothing could be judged or written, beside the problems
    steps: list[Step] = field(default_factory=list)  # what the run does with the drafts
    proposal_path: str | None = None
    proposal: str | None = None
    done: list[tuple[Action, str, int]] = field(default_factory=list)  # what was done: action, path, slot
    records: int = 0  # after writing: the records the check read

    @property
    def drafts(self) -> list[tuple[str, str]]:
        """(path, text) of each draft made from the issue's answers now."""
        return [(step.path, step.text) for step in self.steps if step.action in ("new", "replace", "unchanged")]


def proposal_path(number: int) -> str:
    return f".drafts/kennisoverdracht-{number}.md"


def marked(text: str, number: int, slot: int) -> str:
    """The draft's text with its mark: what it is and that a new import
    replaces it until someone edits it, then the issue, the lesson and the
    fingerprint of the text (taken without that last line)."""
    lines = text.split("\n")
    at = lines.index("") if "" in lines else len(lines)  # below the comments that open the record
    lines[at:at] = [f"# {say('issue_draft_mark', number=number, slot=slot)}"]
    text = "\n".join(lines)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    lines.insert(at + 1, f"# import-issue: issue={number} lesson={slot} sha256={digest}")
    return "\n".join(lines)


def find_drafts(project: Path, number: int) -> dict[int, Found]:
    """The drafts earlier imports of issue `number` wrote, by lesson of the
    form (the first file, by name, when two carry one mark), and whether
    someone edited each since."""
    found: dict[int, Found] = {}
    folder = project / FOLDER
    if not folder.is_dir() or folder.is_symlink():
        return found
    for path in sorted(folder.glob("*.yml")):
        if path.is_symlink() or not path.is_file():
            continue
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the check says what is wrong with it
        mark = MARK.search(text)
        if mark is None or int(mark["issue"]) != number or int(mark["slot"]) in found:
            continue
        rest = text[:mark.start()] + text[mark.end() + 1:]
        edited = hashlib.sha256(rest.encode("utf-8")).hexdigest()[:16] != mark["digest"]
        found[int(mark["slot"])] = Found(f"{FOLDER}/{path.name}", text, edited)
    return found


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
    try:  # before the records are read: a link would lead the check in a copy elsewhere too
        writable_in(project, FOLDER, folder=True)
        writable_in(project, proposal_path(issue.number))
    except WriteRefused as refused:
        outcome.refused = say("issue_not_written", reason=str(refused))
        return outcome
    catalog = load_catalog(project, handbook := Problems(), today)
    if catalog is None or handbook.errors:
        problems.extend(handbook.items)
        outcome.refused = say("new_records_have_errors")
        return outcome
    handover = judge(form, find_answers(form, issue, problems), issue, catalog, problems)
    outcome.steps = _plan(project, handover, problems)
    if any(step.action != "kept" for step in outcome.steps):
        _check_in_a_copy(project, handover, outcome, today)
    if problems.errors:
        return outcome
    outcome.proposal_path = proposal_path(issue.number)
    outcome.proposal = proposal(handover, catalog, _listed(outcome.steps, handover, catalog))
    if write:
        _write(project, outcome, today)
    return outcome


def _plan(project: Path, handover: Handover, problems: Problems) -> list[Step]:
    """What becomes of each draft: a lesson of the form an earlier import
    drafted replaces its draft (unless someone edited it); another is a new
    file; a draft of a lesson no longer in the issue goes (unless edited)."""
    number = handover.issue.number
    earlier = find_drafts(project, number)
    folder = project / FOLDER
    steps: list[Step] = []
    taken: set[str] = set()
    for draft in handover.lessons:
        text = marked(render_record("lesson", record_fields("lesson", draft.answers), SCHEMA), number, draft.slot)
        before = earlier.pop(draft.slot, None)
        if before is None:
            draft.ident = _free(folder, slugify(draft.answers["title"])[:60].strip("-") or kind_name("lesson"), taken)
            taken.add(draft.ident)
            steps.append(Step("new", f"{FOLDER}/{draft.ident}.yml", text, draft.slot))
            continue
        draft.ident = before.path.rsplit("/", 1)[1].removesuffix(".yml")
        if before.edited:
            problems.warning(before.path, 1, 1, say("issue_draft_edited", number=number, slot=draft.slot))
            steps.append(Step("kept", before.path, before.text, draft.slot, before.text))
        else:
            action: Action = "unchanged" if before.text == text else "replace"
            steps.append(Step(action, before.path, text, draft.slot, before.text))
    for slot, before in sorted(earlier.items()):
        if before.edited:
            problems.warning(before.path, 1, 1, say("issue_draft_edited_gone", number=number, slot=slot))
            steps.append(Step("kept", before.path, before.text, slot, before.text))
        else:
            steps.append(Step("remove", before.path, before.text, slot, before.text))
    return steps


def _listed(steps: list[Step], handover: Handover, catalog: Catalog) -> list[Listed]:
    """The lessons the pull request holds, as the proposal lists them: each
    draft as the answers make it, an edited one as it stands."""
    drafts = {draft.slot: draft for draft in handover.lessons}
    listed = []
    for step in steps:
        ident = step.path.rsplit("/", 1)[1].removesuffix(".yml")
        if step.action == "kept" and ident in catalog.lessons:
            record = catalog.lessons[ident].record
            listed.append(Listed(step.path, record.title, record.level, tuple(record.campaigns or ())))
        elif step.action in ("new", "replace", "unchanged"):
            answers = drafts[step.slot].answers
            listed.append(Listed(step.path, answers["title"], answers["level"], tuple(answers.get("campaigns") or ())))
    return listed


def _free(folder: Path, base: str, taken: set[str]) -> str:
    """`base`, or base-2, base-3 ...: the first that no record in `folder`
    and no other draft of this run has (as `handbook new` offers one)."""
    candidate, number = base, 1
    while candidate in taken or (folder / f"{candidate}.yml").exists() or (folder / f"{candidate}.md").exists():
        number += 1
        candidate = f"{base[:SLUG_MAX - len(str(number)) - 1]}-{number}"
    return candidate


def _check_in_a_copy(project: Path, handover: Handover, outcome: Outcome, today: date) -> None:
    """The drafts checked with every record, in a copy of data/ where the
    steps are taken: each problem of a draft is said where its answer
    stands in the issue."""
    with tempfile.TemporaryDirectory(prefix="handbook-import-") as scratch:
        copy = Path(scratch)
        shutil.copytree(project / "data", copy / "data", symlinks=True)
        for step in outcome.steps:
            if step.action == "remove":
                remove_in(copy, step.path)
            elif step.action != "kept":
                write_in(copy, step.path, step.text)
        found = Problems()
        load_catalog(copy, found, today)
    drafts = {f"{FOLDER}/{draft.ident}.yml": draft for draft in handover.lessons}
    texts = {step.path: step.text for step in outcome.steps if step.action in ("new", "replace", "unchanged")}
    for problem in found.items:
        if problem.path in drafts and problem.path in texts:
            outcome.problems.items.append(_in_the_issue(problem, drafts[problem.path], texts[problem.path], handover))
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


def _write(project: Path, outcome: Outcome, today: date) -> None:
    """Every step, then the proposal, then the check of the whole handbook:
    every path is checked first, and a write that fails halfway takes back
    what this run wrote, so the drafts are all written or none. What was
    done is in `outcome.done`, and nothing else is said to be."""
    assert outcome.proposal_path is not None and outcome.proposal is not None
    undo: list[tuple[str, str | None]] = []  # path, and what it held before (None: nothing)
    try:
        for step in outcome.steps:
            writable_in(project, step.path)
        writable_in(project, outcome.proposal_path)
        for step in outcome.steps:
            if step.action == "new":
                write_in(project, step.path, step.text, new=True)
                undo.append((step.path, None))
            elif step.action == "replace":
                write_in(project, step.path, step.text)
                undo.append((step.path, step.old))
            elif step.action == "remove":
                remove_in(project, step.path)
                undo.append((step.path, step.old))
        changed = write_in(project, outcome.proposal_path, outcome.proposal)
    except (WriteRefused, OSError) as failure:
        for path, before in reversed(undo):  # all or none
            if before is None:
                remove_in(project, path)
            else:
                write_in(project, path, before)
        reason = str(failure) if isinstance(failure, WriteRefused) else str(failure.strerror or failure)
        outcome.refused = say("issue_not_written", reason=reason)
        return
    outcome.done = [(step.action, step.path, step.slot) for step in outcome.steps]
    outcome.done.append(("new" if changed else "unchanged", outcome.proposal_path, 0))
    found = Problems()
    catalog = load_catalog(project, found, today)
    outcome.problems.extend(found.items)
    outcome.records = len(catalog) if catalog is not None else 0
