"""`handbook new KIND`: a valid, commented record file in minutes.

In a terminal it asks for the essentials, offering the choices the handbook
knows (people, campaigns and their learning goals, platforms, channels ...);
otherwise every essential comes from `--set field=value`. The file starts
with the line that tells editors where its JSON Schema is, every field has
its description above it, and the new record is checked with the rest before
the command says it is done. An existing file is never overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable

from .catalog import Catalog, resolve_answer
from .emit import dump_fields, slugify
from .models import MODELS, SLUG, SLUG_MAX, Account, Campaign, Lesson, allowed
from .problems import Problems, one_line
from .settings import check_date
from .validate import load_catalog
from .write import WriteRefused, remove_new, write_new


class ScaffoldError(Exception):
    """The record cannot be written; the message says why."""


@dataclass(frozen=True)
class Essential:
    """One field `handbook new` asks for."""

    field: str  # dotted for nested fields: 'period.start'
    question: str
    shape: str = "text"  # text | date | choice | ref | refs | items | count
    source: str | None = None  # for choice/ref/refs: where the choices come from
    required: bool = True


ESSENTIALS: dict[str, list[Essential]] = {
    "lesson": [
        Essential("title", "The lesson in one line"),
        Essential("date", "Date of the lesson", "date"),
        Essential("author", "Who writes it (person id)", "ref", "people"),
        Essential("campaigns", "Campaign(s) it came from", "refs", "campaigns", required=False),
        Essential("answers", "Learning goal(s) it answers", "refs", "goals", required=False),
        Essential("level", "About the foundation or about the execution", "choice", "level"),
        Essential("what_happened", "What happened"),
        Essential("lesson", "What did we learn"),
        Essential("recommendation", "What to do next time", required=False),
    ],
    "campaign": [
        Essential("title", "Name of the campaign"),
        Essential("summary", "What it did, in a sentence or two"),
        Essential("status", "Status", "choice", "status"),
        Essential("period.start", "First day", "date"),
        Essential("period.end", "Last day (empty while it runs)", "date", required=False),
        Essential("owner", "Who runs it (person id)", "ref", "people"),
        Essential("knowledge_owner", "Who secures what it teaches (person id)", "ref", "people"),
        Essential("recruitment", "Active or passive recruitment", "choice", "recruitment"),
        Essential("scenario", "Scenario", "ref", "scenarios"),
        Essential("platforms", "Platform(s)", "refs", "platforms", required=False),
        Essential("channels", "Channel(s)", "refs", "channels"),
        Essential("audience", "Who it is for"),
        Essential("audience_goal", "What the audience itself wants"),
        Essential("business_goals", "What the organisation wants to achieve", "items"),
        Essential("learning_goals", "What do we want to learn from it?", "items"),
    ],
    "guideline": [
        Essential("summary", "What the organisation uses the platform for"),
        Essential("recruitment", "Purpose", "refs", "recruitment"),
        Essential("dos", "Something to do on this platform", "items"),
        Essential("donts", "Something never to do on this platform", "items"),
        Essential("tone_of_voice", "How we sound there"),
        Essential("webcare_hours", "Hours within which a question gets an answer", "count"),
        Essential("approval", "Who approves a message before it goes out"),
        Essential("owner", "Who keeps this guideline current (person id)", "ref", "people"),
        Essential("reviewed", "Date of this review", "date"),
    ],
    "person": [
        Essential("name", "Full name"),
        Essential("role", "Job title"),
        Essential("team", "Team or department"),
        Essential("email", "Work email address", required=False),
    ],
    "account": [
        Essential("platform", "Platform", "ref", "platforms"),
        Essential("handle", "Name of the account on the platform"),
        Essential("url", "Address of the account", required=False),
        Essential("owner", "Who is responsible (person id)", "ref", "people", required=False),
        Essential("backup_owner", "Who stands in (person id)", "ref", "people", required=False),
        Essential("purpose", "What the account is for"),
        Essential("status", "Status", "choice", "account_status"),
        Essential("reviewed", "Date of this review", "date", required=False),
    ],
}
FIXED = {"lesson": {"status": "proposed"}}
# The closed choices, read from the models' own types.
CHOICES = {
    "level": allowed(Lesson, "level"),
    "status": allowed(Campaign, "status"),
    "recruitment": allowed(Campaign, "recruitment"),
    "account_status": allowed(Account, "status"),
}


def choices(catalog: Catalog, source: str, answers: dict[str, Any]) -> list[str]:
    """What may be chosen for a field, from the taxonomy and the records."""
    if source in CHOICES:
        return CHOICES[source]
    if source == "goals":
        campaigns = answers.get("campaigns") or []
        goals = [(c, g.id) for c in campaigns if c in catalog.campaigns for g in catalog.campaigns[c].record.learning_goals]
        # A goal id alone where it names one goal (as the check resolves it), else 'campaign:goal'.
        return [g if resolve_answer(campaigns, g, catalog.goals) == (c, g) else f"{c}:{g}" for c, g in goals]
    tax = catalog.taxonomy
    known: dict[str, Any] = {
        "people": {k: e for k, e in catalog.people.items() if e.record.left is None},
        "campaigns": catalog.campaigns,
        "platforms": {k: v for k, v in tax.platforms.items() if v.closed is None},
        "channels": tax.channels,
        "scenarios": tax.scenarios,
    }[source]
    return sorted(known)


Ask = Callable[[Essential, list[str] | None, Any], Any]


def gather(kind: str, catalog: Catalog, given: dict[str, list[str]], ask: Ask | None, today: date,
           before_goals: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
    """The answers for every essential: from `given` (--set), else by asking.
    `before_goals` sees the answers just before the learning goals are asked."""
    answers: dict[str, Any] = {}
    missing = []
    for essential in ESSENTIALS[kind]:
        if essential.field == "learning_goals" and before_goals is not None:
            before_goals(answers)
        options = choices(catalog, essential.source, answers) if essential.source else None
        values = given.get(essential.field)
        if values is not None:
            answers[essential.field] = _convert(essential, values)
        elif ask is not None:
            if essential.source == "goals" and not options:
                continue
            default = today.isoformat() if essential.shape == "date" and essential.required else None
            answer = ask(essential, options, default)
            if answer not in (None, "", []):
                answers[essential.field] = answer
        elif essential.required:
            missing.append(essential.field)
    if missing:
        raise ScaffoldError("missing: " + ", ".join(f"--set {name}=…" for name in missing))
    unknown = sorted(set(given) - {e.field for e in ESSENTIALS[kind]})
    if unknown:
        raise ScaffoldError(f"'{unknown[0]}' is not a field that `handbook new {kind}` fills in; "
                            f"it fills in: {', '.join(e.field for e in ESSENTIALS[kind])}")
    return answers


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


def render_record(kind: str, fields: dict[str, Any], schema_path: str) -> str:
    """The record file: the schema line, the kind's description, then each
    field under its description."""
    model = MODELS[kind]
    lines = [
        f"# yaml-language-server: $schema={schema_path}",
        f"# {model.__doc__.strip().splitlines()[0]}",
        "# Every field is described in the handbook's records reference (handbook/reference.md).",
        "",
    ]
    for name, value in fields.items():
        description = model.model_fields[name].description or ""
        lines.append(f"# {description}")
        lines.append(dump_fields({name: value}).rstrip("\n"))
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def already_known(catalog: Catalog, answers: dict[str, Any], limit: int = 10) -> list[str]:
    """For a new campaign: the earlier lessons that apply to its platforms,
    channels and scenario, and the open questions of similar campaigns, as
    lines to show before the file is written (the campaign page shows the same)."""
    platforms, channels = answers.get("platforms") or [], answers.get("channels") or []
    scenario = answers.get("scenario")
    lessons, total = catalog.applicable_lessons(platforms, channels, scenario, limit=limit)
    questions = catalog.open_questions(platforms, channels, scenario, limit=limit)
    lines = [f"What we already know ({total} lessons apply; foundation first):"]
    for lesson_id in lessons:
        lesson = catalog.lessons[lesson_id].record
        mark = {"repeat": " [repeated mistake]", "repeated": " [mistake came back later]"}.get(catalog.recurring(lesson_id) or "", "")
        lines.append(f"  - {lesson.title} ({lesson.level}, data/lessons/{lesson_id}){mark}")
    if not lessons:
        lines.append("  - no lessons of other campaigns apply yet")
    if questions:
        lines.append("Still open in similar earlier campaigns:")
        for campaign_id, goal_id in questions:
            question = catalog.question(campaign_id, goal_id)
            lines.append(f"  - {question} ({campaign_id})")
    return [one_line(line) for line in lines]


def scaffold(project: Path, kind: str, ident: str | None, given: dict[str, list[str]], ask: Ask | None,
             today: date, inform: Callable[[str], None] | None = None) -> tuple[Path, Problems]:
    """Write the new record and check it with all the others; its path and
    the warnings the check has about it."""
    problems = Problems()
    catalog = load_catalog(project, problems, check_date(project))
    if catalog is None or problems.errors:
        raise ScaffoldError("the records have errors already; run `handbook check` and fix them first")
    if kind == "guideline":
        free = [k for k in sorted(catalog.taxonomy.platforms) if k not in catalog.guidelines]
        if ident is None and ask is not None:
            ident = ask(Essential("id", "Platform of the guideline", "ref"), free, None)
        if ident in catalog.guidelines:
            raise ScaffoldError(f"{catalog.guidelines[ident].path} exists already; it is left as it is")
        if ident not in free:
            raise ScaffoldError(f"a guideline's id is a platform without one; choose from: {', '.join(free) or 'none'}")
    shown: list[bool] = []

    def show_known(answers: dict[str, Any]) -> None:
        # A planner sees what earlier campaigns taught before writing the
        # campaign's own learning goals, and once.
        if inform is not None and not shown:
            for line in already_known(catalog, answers):
                inform(line)
            shown.append(True)

    answers = gather(kind, catalog, given, ask, today, show_known if ask is not None and kind == "campaign" else None)
    if ident is None:
        base = answers.get("title") or answers.get("name") or answers.get("handle") or ""
        ident = slugify(str(base))[:60].strip("-")
        if ask is not None:
            ident = ask(Essential("id", "Id (the file name)"), None, ident)
    if not ident:
        raise ScaffoldError("give the record an id with --id")
    if not SLUG.match(ident) or len(ident) > SLUG_MAX:
        # An id is a file name inside its kind's folder, never a path.
        raise ScaffoldError(f"{ident!r} cannot be an id; use lower-case letters, digits and single hyphens, "
                            f"at most {SLUG_MAX} characters, for example 'luister-eerst'")
    folder = project / "data" / MODELS[kind].folder
    target = folder / f"{ident}.yml"
    for existing in (target, target.with_suffix(".md")):
        if existing.exists():
            raise ScaffoldError(f"{existing.relative_to(project).as_posix()} exists already; it is left as it is")
    if kind == "campaign":  # before they begin: what earlier campaigns taught
        show_known(answers)
    text = render_record(kind, record_fields(kind, answers), f"../../schemas/{kind}.schema.json")
    try:
        write_new(target, text)
    except WriteRefused as refused:
        raise ScaffoldError(str(refused)) from None
    problems = Problems()
    load_catalog(project, problems, catalog.today)
    mine = [p for p in problems.items if p.path == target.relative_to(project).as_posix()]
    if [p for p in problems.errors if p in mine]:
        remove_new(target)
        raise ScaffoldError("the new record would not pass the check:\n" + "\n".join(str(p) for p in mine))
    return target, Problems(mine)


KINDS = tuple(ESSENTIALS)
