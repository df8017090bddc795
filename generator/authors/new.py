"""`handbook new KIND`: a valid, commented record file in minutes.

In a terminal it asks for the essentials, offering the choices the handbook
knows (people, campaigns and their learning goals, platforms, channels ...);
otherwise every essential comes from `--set field=value`. The file starts
with the line that tells editors where its JSON Schema is, every field has
its description above it, and the new record is checked with the rest before
the command says it is done. An existing file is never overwritten.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any, Callable

from ..records.catalog import Catalog
from ..records.writing import slugify
from pydantic import TypeAdapter, ValidationError

from ..words.messages import VALUE_NAMES, choice, code_of, kind_name, quote, say, say_counted
from ..words.messages import field as field_name
from ..records.record_file import render_record
from ..records.models import MODELS
from ..records.fields import SLUG, SLUG_MAX, Day
from ..words.problems import Problem, Problems, one_line, suggest
from ..records.safety import CONTACT_FIELDS, check_markdown, contacts_as_read, markdown_fields
from ..project.settings import check_date
from ..records.read import Document
from ..records.explain import explain
from ..records.load import load_catalog
from ..project.write import WriteRefused, remove_new, write_file, write_new


from .questions import ESSENTIALS, FIXED, Essential, choices, option_labels
class ScaffoldError(Exception):
    """The record cannot be written; the message says why. From `gather`
    without a terminal: the answers that hold, and the fields that failed."""

    def __init__(self, message: str, answers: dict[str, Any] | None = None, failed: set[str] | None = None) -> None:
        super().__init__(message)
        self.answers = answers or {}
        self.failed = failed or set()


class Interrupted(Exception):
    """The author stopped while answering; `partial` is what they had typed
    of that answer, `stop` what stopped them (raised again once it is kept)."""

    def __init__(self, partial: Any, stop: BaseException) -> None:
        super().__init__("interrupted")
        self.partial = partial
        self.stop = stop


Check = Callable[[str], tuple[Any, str | None]]
Ask = Callable[[Essential, list[str] | None, Any, Check, dict[str, str]], Any]


def check_answer(essential: Essential, raw: str | list[str], options: list[str] | None,
                 catalog: Catalog, kind: str | None = None) -> tuple[Any, str | None]:
    """One answer as typed -> (the value, None), or (None, what is wrong and
    what to type instead): every answer is judged at its own prompt, text
    too (HTML, links, contact details: as `handbook check` judges it)."""
    if isinstance(raw, list):  # items: each line one item
        values = [item.strip() for item in raw if item.strip()]
        if essential.required and not values:
            return None, say("answer_needed")
        problems = [problem for value in values if (problem := _text_problems(kind, essential.field, value))]
        return (None, "; ".join(problems)) if problems else (values, None)
    text = raw.strip()
    if not text:
        return (None, say("answer_needed")) if essential.required else (None, None)
    if essential.shape in ("text", "story"):
        problem = _text_problems(kind, essential.field, text)
        if problem is not None:
            return None, problem
    if essential.shape == "date":
        try:
            return TypeAdapter(Day).validate_python(text), None
        except ValidationError as failure:
            return None, str(failure.errors()[0]["ctx"]["error"]) if failure.errors()[0].get("ctx") else say(
                "not_a_date", value=quote(text))
    if essential.shape == "count":
        if not text.isdigit():
            return None, say("not_whole_number", value=quote(text))
        return int(text), None
    if essential.shape == "choice" and options:
        named = code_of(text, tuple(options))  # 'Execution' and 'uitvoering' are execution
        if named is not None:
            return named, None
        hint = suggest(text.lower(), options) or _suggest_by_name(text, options)
        return None, say("choose_from", value=quote(text), choices=", ".join(choice(o) for o in options), hint=hint)
    if essential.shape in ("ref", "refs") and options is not None:
        # Ids hold no spaces: commas or spaces both separate them; a part
        # between commas that is a whole name or title ('TikTok voor
        # mbo-techniek') is that record.
        if essential.shape == "refs":
            parts = []
            for piece in text.split(","):
                named = _named(catalog, essential.source, piece, options) if piece.strip() else None
                parts.extend([named] if named is not None else piece.split())
        else:
            parts = [text]
        found, wrong = [], []
        for part in dict.fromkeys(parts):  # an id typed twice counts once
            ident = part if part in options else _named(catalog, essential.source, part, options)
            if ident is None:
                if essential.source == "people" and part in catalog.people:
                    return None, say("person_left", value=quote(part))
                wrong.append(say("not_an_option", value=quote(part), hint=suggest(part, tuple(options))))
            else:
                found.append(ident)
        if wrong:
            return None, "; ".join(wrong)
        found = list(dict.fromkeys(found))  # a name and its id are one
        return (found if essential.shape == "refs" else found[0]), None
    return text, None


def _text_problems(kind: str | None, field: str, text: str) -> str | None:
    """What `handbook check` would say of this text in this field: HTML or a
    refused link in Markdown, an e-mail address or phone number anywhere but
    a person's own contact fields."""
    model = MODELS.get(kind) if kind else None
    if model is None or (kind, field) in CONTACT_FIELDS:
        return None
    found = Problems()
    if field in markdown_fields(model):
        check_markdown(text, "", 1, 1, field, found)
    messages = [problem.message for problem in found.items]
    messages += [say("contact_details", field=field_name(field), what=say(what), found=quote(detail, 40))
                 for what, detail, _, _ in contacts_as_read(text)]
    return "; ".join(dict.fromkeys(messages)) or None


def _suggest_by_name(text: str, options: list[str]) -> str:
    """' (bedoel je 'execution'?)' for 'uitvoerig': close to its name in a language the handbook speaks."""
    names = {name: o for o in options for name in VALUE_NAMES.everywhere(o)}
    close = suggest(text.lower(), tuple(sorted(names)))
    if not close:
        return ""
    named = next(name for name in sorted(names, key=len, reverse=True) if f"'{name}'" in close)
    return say("did_you_mean", value=f"'{names[named]}'")


def _named(catalog: Catalog, source: str | None, text: str, options: list[str]) -> str | None:
    """The id of the person called `text` ('Eva Smit' for eva-smit), or of
    the campaign with that title, as the list beside the question shows
    them; None otherwise."""
    records = {"people": (catalog.people, "name"), "campaigns": (catalog.campaigns, "title")}.get(source or "")
    if records is None:
        return None
    entries, attribute = records
    wanted = " ".join(text.split()).casefold()
    named = [option for option in options if option in entries
             and " ".join(getattr(entries[option].record, attribute).split()).casefold() == wanted]
    return named[0] if len(named) == 1 else None


class Draft:
    """What an author answered so far, kept after every answer in
    `.drafts/new-KIND.json` (ignored by git), offered back by the next
    `handbook new KIND` and removed once the record is written."""

    def __init__(self, project: Path, kind: str) -> None:
        self.path = project / ".drafts" / f"new-{kind}.json"

    def load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def save(self, answers: dict[str, Any]) -> None:
        try:
            write_file(self.path, json.dumps(answers, ensure_ascii=False, indent=1, default=str) + "\n")
        except (OSError, WriteRefused):
            pass  # a draft that cannot be kept does not stop the author

    def discard(self) -> None:
        try:
            self.path.unlink()
        except OSError:
            pass


def gather(kind: str, catalog: Catalog, given: dict[str, list[str]], ask: Ask | None, today: date,
           before_goals: Callable[[dict[str, Any]], None] | None = None,
           draft: dict[str, Any] | None = None, keep: Callable[[dict[str, Any]], None] | None = None,
           inform: Callable[[str], None] | None = None) -> dict[str, Any]:
    """The answers for every essential: from `given` (--set), else by asking,
    each answer checked at its prompt. `draft`: earlier answers, offered as
    the defaults; `keep` sees the answers after each one. `before_goals` sees
    the answers just before the learning goals are asked."""
    answers: dict[str, Any] = {}
    draft = draft or {}
    missing, wrong = [], []
    fields = [e.field for e in ESSENTIALS[kind]]
    unknown = [say("new_not_filled_in", name=quote(name), kind=kind, fields=", ".join(fields))
               + suggest(name, tuple(fields)) for name in sorted(set(given) - set(fields))]
    if unknown and ask is not None:  # in a terminal, said before anything is asked
        raise ScaffoldError("\n".join(unknown))
    wrong.extend(unknown)  # without one, said with every other wrong value
    for essential in ESSENTIALS[kind]:
        if essential.field == "learning_goals" and before_goals is not None:
            before_goals(answers)
        options = choices(catalog, essential.source, answers) if essential.source else None

        def check(raw: Any, e: Essential = essential, o: list[str] | None = options) -> tuple[Any, str | None]:
            return check_answer(e, raw, o, catalog, kind)

        values = given.get(essential.field)
        default = draft.get(essential.field)
        if values is not None:
            # --set is checked as an answer at the prompt is: asked again
            # when wrong (in a terminal), or said with every other problem.
            # A list takes every --set of its field; one value the last.
            raw: Any = (list(values) if essential.shape == "items" else
                        ", ".join(values) if essential.shape == "refs" else values[-1])
            answer, problem = check(raw)
            if problem is None:
                if answer not in (None, "", []):
                    answers[essential.field] = answer.isoformat() if isinstance(answer, date) else answer
                continue
            if ask is None:
                wrong.append(f"--set {essential.field}: {problem}")
                continue
            if inform is not None:
                inform(f"{essential.field}: {problem}")
            default = raw if essential.shape != "items" else values
        if ask is not None:
            if essential.source == "goals" and not options:
                continue
            if options == [] and not essential.required:
                continue  # nothing to choose from yet (a vocabulary without terms)
            if isinstance(default, list) and essential.shape in ("refs",):
                default = ", ".join(default)
            if default is None and essential.shape == "date" and essential.required:
                default = today.isoformat()
            try:
                answer = ask(essential, options, default, check,
                             option_labels(catalog, essential.source, options or [], answers))
            except Interrupted as stopped:
                if keep is not None and stopped.partial:
                    keep({**answers, essential.field: stopped.partial})
                raise stopped.stop from None
            if answer not in (None, "", []):
                answers[essential.field] = answer.isoformat() if isinstance(answer, date) else answer
                if keep is not None:
                    keep(answers)
        elif essential.required and values is None:
            missing.append(essential.field)
    if missing:
        wrong.insert(0, say("new_missing", fields=", ".join(f"--set {name}=…" for name in missing)))
    if wrong:
        failed = set(missing) | {e.field for e in ESSENTIALS[kind] if any(w.startswith(f"--set {e.field}:")
                                                                        for w in wrong)}
        raise ScaffoldError("\n".join(wrong), answers, failed)
    return answers


def free_id(folder: Path, base: str) -> str:
    """`base`, or base-2, base-3 ...: the first that no record in `folder` has."""
    candidate, number = base, 1
    while (folder / f"{candidate}.yml").exists() or (folder / f"{candidate}.md").exists():
        number += 1
        candidate = f"{base[:SLUG_MAX - len(str(number)) - 1]}-{number}"
    return candidate


def _convert(essential: Essential, values: list[str]) -> Any:
    if essential.shape == "refs":
        return [part.strip() for value in values for part in value.split(",") if part.strip()]
    if essential.shape == "items":
        return [value.strip() for value in values if value.strip()]
    return values[-1].strip()


def record_fields(kind: str, answers: dict[str, Any]) -> dict[str, Any]:
    """Answers -> the record's fields, in the model's order."""
    fields: dict[str, Any] = dict(FIXED.get(kind, {}))
    for name, value in answers.items():
        if "." in name:
            outer, inner = name.split(".", 1)
            fields.setdefault(outer, {})[inner] = value
        elif name == "learning_goals":
            fields[name] = [{"id": slugify(question)[:40].strip("-") or f"doel-{n}", "question": question}
                            for n, question in enumerate(value, 1)]
        elif name == "webcare_hours":
            fields[name] = int(value) if str(value).isdigit() else value
        else:
            fields[name] = value
    for essential in ESSENTIALS[kind]:  # dates as dates: written unquoted, as authors write them
        outer, _, inner = essential.field.partition(".")
        holder = fields.get(outer) if inner else fields
        key = inner or outer
        if essential.shape == "date" and isinstance(holder, dict) and isinstance(holder.get(key), str):
            try:
                holder[key] = date.fromisoformat(holder[key])
            except ValueError:
                pass  # the check reports it, in its own words
    order = list(MODELS[kind].model_fields)
    return {name: fields[name] for name in sorted(fields, key=order.index)}


def already_known(catalog: Catalog, answers: dict[str, Any], limit: int = 10) -> list[str]:
    """For a new campaign: the earlier lessons that apply to its platforms,
    channels and scenario, and the open questions of similar campaigns, as
    lines to show before the file is written (the campaign page shows the same)."""
    platforms, channels = answers.get("platforms") or [], answers.get("channels") or []
    scenario = answers.get("scenario")
    lessons, total = catalog.applicable_lessons(platforms, channels, scenario, limit=limit)
    questions = catalog.open_questions(platforms, channels, scenario, limit=limit)
    lines = [say_counted("known_header", total)]
    for lesson_id in lessons:
        lesson = catalog.lessons[lesson_id].record
        recurring = catalog.recurring(lesson_id)
        mark = say(f"known_{recurring}") if recurring in ("repeat", "repeated") else ""
        lines.append(f"  - {lesson.title} ({choice(lesson.level)}, data/lessons/{lesson_id}){mark}")
    if not lessons:
        lines.append(say("known_none"))
    if questions:
        lines.append(say("known_open"))
        for campaign_id, goal_id in questions:
            question = catalog.question(campaign_id, goal_id)
            lines.append(f"  - {question} ({campaign_id})")
    return [one_line(line) for line in lines]


def scaffold(project: Path, kind: str, ident: str | None, given: dict[str, list[str]], ask: Ask | None,
             today: date, inform: Callable[[str], None] | None = None,
             confirm: Callable[[str], bool] | None = None) -> tuple[Path, Problems]:
    """Write the new record and check it with all the others; its path and
    the warnings the check has about it. Asking (`ask`), every answer is kept
    in a draft until the record is written: nothing typed is lost."""
    problems = Problems()
    catalog = load_catalog(project, problems, check_date(project))
    if catalog is None or problems.errors:
        raise ScaffoldError(say("new_records_have_errors"))
    draft = Draft(project, kind)
    earlier = draft.load() if ask is not None else {}
    if earlier and not (confirm is not None and confirm(say("new_resume_draft", path=draft.path.relative_to(project)))):
        earlier = {}
    if kind == "guideline":
        free = [k for k in sorted(catalog.taxonomy.platforms) if k not in catalog.guidelines]
        if ident is None and ask is not None:
            platform = Essential("id", "guideline.id", "ref")
            ident = ask(platform, free, earlier.get("id"),
                        lambda raw: check_answer(platform, raw, free, catalog), {})
        if ident in catalog.guidelines:
            raise ScaffoldError(say("new_exists", path=catalog.guidelines[ident].path))
        if ident not in free:
            raise ScaffoldError(say("new_guideline_id", choices=", ".join(free) or say("none")))
    shown: list[bool] = []

    def show_known(answers: dict[str, Any]) -> None:
        # A planner sees what earlier campaigns taught before writing the
        # campaign's own learning goals, and once.
        if inform is not None and not shown:
            for line in already_known(catalog, answers):
                inform(line)
            shown.append(True)

    def keep(answers: dict[str, Any]) -> None:
        # On top of the earlier draft: stopping again, after a few answers,
        # keeps what the first attempt had further on.
        draft.save({**earlier, **answers, **({"id": ident} if ident else {})})

    folder = project / "data" / MODELS[kind].folder
    try:
        answers = gather(kind, catalog, given, ask, today,
                         show_known if ask is not None and kind == "campaign" else None,
                         draft=earlier, keep=keep if ask is not None else None, inform=inform)
    except ScaffoldError as refused:
        if ask is not None or not refused.answers:
            raise
        # Without a terminal, in the same run: what the record made of the
        # answers that hold would be told as a whole (a lesson dated before
        # its campaign), besides the answers that do not.
        more = _as_a_whole(project, kind, folder, refused.answers, refused.failed, catalog.today)
        raise ScaffoldError("\n".join([str(refused), *([say("new_would_not_pass"), *more] if more else [])])) from None
    if ident is None:
        base = answers.get("title") or answers.get("name") or answers.get("handle") or ""
        ident = slugify(str(base))[:60].strip("-")
        if ask is not None:  # offered: the first free one (without a terminal, an existing file stops it)
            kept_id = earlier.get("id")  # the id typed before a stop, while still free
            if isinstance(kept_id, str) and SLUG.match(kept_id) and free_id(folder, kept_id) == kept_id:
                ident = kept_id
            else:  # a title of only punctuation: the kind, in the author's language
                ident = free_id(folder, ident or kind_name(kind))
            name = Essential("id", "id")

            def free_slug(raw: str) -> tuple[Any, str | None]:
                text = raw.strip()
                if not SLUG.match(text) or len(text) > SLUG_MAX:
                    return None, say("bad_file_name", value=quote(text), limit=SLUG_MAX)
                if (folder / f"{text}.yml").exists() or (folder / f"{text}.md").exists():
                    return None, say("id_taken", value=quote(text), free=quote(free_id(folder, text)))
                return text, None

            ident = ask(name, None, ident, free_slug, {})
    if not ident:
        raise ScaffoldError(say("new_give_id"))
    if not SLUG.match(ident) or len(ident) > SLUG_MAX:
        # An id is a file name inside its kind's folder, never a path.
        raise ScaffoldError(say("bad_file_name", value=quote(ident), limit=SLUG_MAX))
    target = folder / f"{ident}.yml"
    for existing in (target, target.with_suffix(".md")):
        if existing.exists():
            raise ScaffoldError(say("new_exists", path=existing.relative_to(project).as_posix()))
    if kind == "campaign":  # before they begin: what earlier campaigns taught
        show_known(answers)
    unchanged: dict[str, Any] | None = None
    asked_all = False
    while True:
        text = render_record(kind, record_fields(kind, answers), f"../../schemas/{kind}.schema.json")
        mine = _checked_as_file(project, target, text, catalog.today)
        errors = _errors_in_order(mine)
        if not errors:
            break
        remove_new(target)
        # Each answer was right, the record is not (a lesson dated before its
        # campaign began): in a terminal, the fields concerned are asked again.
        again = _essentials_at(kind, text, errors, answers) if ask is not None else []
        if again and unchanged == answers:
            # The same answers again: once every question, to change any; kept
            # once more, the author means to stop here: the draft keeps them.
            again = [] if asked_all else [e for e in ESSENTIALS[kind]
                                          if e.source != "goals" or answers.get("campaigns")]
            asked_all = True
        unchanged = dict(answers)
        if not again:
            if ask is not None:
                keep(answers)
            kept = [say("new_draft_kept", kind=kind)] if ask is not None and draft.path.exists() else []
            raise ScaffoldError("\n".join([say("new_would_not_pass"), *(_said_at(text, p) for p in errors), *kept]))
        if inform is not None:
            inform(say("new_ask_again"))
            for problem in errors:
                inform(f"  {one_line(problem.message)}")
        for essential in again:
            options = choices(catalog, essential.source, answers) if essential.source else None
            current = answers.get(essential.field)
            answer = ask(essential, options, ", ".join(current) if isinstance(current, list) and essential.shape == "refs"
                         else current,
                         lambda raw, e=essential, o=options: check_answer(e, raw, o, catalog, kind),
                         option_labels(catalog, essential.source, options or [], answers))
            if answer in (None, "", []):
                answers.pop(essential.field, None)
            else:
                answers[essential.field] = answer.isoformat() if isinstance(answer, date) else answer
            keep(answers)
    draft.discard()
    return target, Problems(mine)


def _as_a_whole(project: Path, kind: str, folder: Path, answers: dict[str, Any], failed: set[str],
                today: date) -> list[str]:
    """The check's problems of a record made of `answers`, but for those in
    the fields that `failed` (said already) or missing: by field."""
    text = render_record(kind, record_fields(kind, answers), f"../../schemas/{kind}.schema.json")
    target = folder / f"{free_id(folder, f'{kind}-check')}.yml"
    try:
        mine = _checked_as_file(project, target, text, today)
    except ScaffoldError:  # it could not be written: the answers' own problems are said
        return []
    remove_new(target)
    lines = text.split("\n")
    failed_top = {name.split(".")[0] for name in failed}
    # Those fields are not in the record: the check calls them missing.
    missing = {explain({"type": "missing", "loc": (name,), "input": None}, MODELS[kind], Document("", None))[2]
               for name in failed_top}
    return [_said_at(text, p) for p in _errors_in_order(mine)
            if p.message not in missing and (field := _field_at(lines, p.line)) and field not in failed_top]


def _checked_as_file(project: Path, target: Path, text: str, today: date) -> list[Problem]:
    """The record `text` written at `target` (a new file, never over one) and
    checked with the whole handbook: the problems of that file. The file
    stays; the caller removes it when the record is refused."""
    try:
        write_new(target, text)
    except WriteRefused as refused:
        raise ScaffoldError(str(refused)) from None
    problems = Problems()
    load_catalog(project, problems, today)
    shown = target.relative_to(project).as_posix()
    return [p for p in problems.items if p.path == shown]


def _errors_in_order(problems: list[Problem]) -> list[Problem]:
    return sorted((p for p in problems if p.severity == "error"), key=lambda p: (p.line, p.col))


def _field_at(lines: list[str], line: int) -> str | None:
    """The field of the record's text that line `line` (from 1) belongs to."""
    for number in range(min(line, len(lines)), 0, -1):
        match = re.match(r"([a-z_]+):", lines[number - 1])
        if match:
            return match.group(1)
    return None


def _said_at(text: str, problem: Problem) -> str:
    """A problem of a record that was not written, by its field, not by a
    place in a file that does not exist."""
    field = _field_at(text.split("\n"), problem.line)
    return f"  {field}: {one_line(problem.message)}" if field else f"  {one_line(problem.message)}"


def _essentials_at(kind: str, text: str, problems: list[Problem], answers: dict[str, Any]) -> list[Essential]:
    """The questions of the fields the problems are in (by their lines in
    `text`), and of the fields whose answers a problem names: a lesson dated
    before its campaign began asks again for the date as well as the campaign."""
    lines = text.split("\n")
    fields = {name for name, answer in answers.items() for problem in problems
              if isinstance(answer, str) and answer and name != "title" and answer in problem.message}
    fields.update(field for problem in problems if (field := _field_at(lines, problem.line)))
    return [e for e in ESSENTIALS[kind] if e.field.split(".")[0] in fields]


KINDS = tuple(ESSENTIALS)
