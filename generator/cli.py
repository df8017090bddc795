"""The `handbook` command: its arguments, its exit codes, and what each command
prints and asks in a terminal (the health report, the prompts of `handbook new`).

Exit codes: 0 clean, 1 problems found (or a build step failed), 2 usage error.
"""

from __future__ import annotations

import atexit
import functools
import os
import signal
import sys
from pathlib import Path

import click

from .records.health import FINDINGS
from .spoken import Argument, Group, Option, PathType, choose_language, show_usage_error
from .words.catalogs import LANGUAGES
from .words.messages import kind_name, language, quote, say, say_counted
from .words.problems import Problems, one_line
from .authors.output import report_problems

PROJECT_HELP = "Folder of the handbook project (with mkdocs.yml and data/)."
# Every option and argument says its help in the language of the run (`spoken`).
option = functools.partial(click.option, cls=Option)
argument = functools.partial(click.argument, cls=Argument)


def _progress_option(function):
    return option(
        "--progress/--no-progress", default=None,
        help="Show counters of records read and pages written (default: on a terminal, not in CI).",
    )(function)


def _engine_option(function):
    return option(
        "--engine", type=click.Choice(["mkdocs", "zensical"]), default="mkdocs", show_default=True,
        help="What builds the site from the generated pages: MkDocs with Material, or Zensical "
             "(they read relative addresses in a page differently).",
    )(function)


def _speaks(function):
    """`--language`, and every message of the command in it (by default the
    site's language, theme.language in mkdocs.yml; Dutch without one)."""

    @option("--language", type=click.Choice(LANGUAGES), default=None,
            help="Language of the messages (default: theme.language in mkdocs.yml).")
    @functools.wraps(function)
    def speaking(*args, language: str | None = None, **kwargs):
        choose_language(kwargs.get("project", Path(".")), language)
        return function(*args, **kwargs)

    return speaking


def _project_option(function):
    return option(
        "--project", "-C",
        type=PathType(file_okay=False, path_type=Path),
        default=Path("."),
        show_default=True,
        metavar="FOLDER",
        help=PROJECT_HELP,
    )(function)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """The recruitment knowledge handbook: check records, build the site."""


def _catalog(project: Path, problems: Problems, progress: bool = False):
    """The checked catalog as of the check date (see `settings.check_date`)."""
    from .project.settings import SettingsError, check_date
    from .records.load import load_catalog

    try:
        today = check_date(project)
    except SettingsError as failure:
        raise click.UsageError(str(failure)) from None
    return load_catalog(project, problems, today, progress=progress)


def _manager(project: Path) -> str | None:
    """The manager mkdocs.yml names (`extra.handbook.manager`), so that the
    report gives each item to the person the dashboard gives it to."""
    from .project.settings import SettingsError, read_settings

    if not (project / "mkdocs.yml").is_file():
        return None
    try:
        return read_settings(project).manager
    except SettingsError:
        return None  # `check` and `build` say what is wrong with it


@main.command()
@_speaks
@_project_option
@_progress_option
@option("--strict", "strict", multiple=True, type=click.Choice(list(FINDINGS) + ["all"]),
              help="Also fail on these knowledge-health findings (repeat, or 'all'); see `handbook report`.")
def check(project: Path, progress: bool | None, strict: tuple[str, ...]) -> None:
    """Validate every record; report every problem at once."""
    from .progress import wanted

    problems, catalog = _check(project, wanted(progress), strict)
    report_problems(problems)
    if not problems.items and catalog is not None:

        click.echo(say("all_well", records=sum(1 for _ in catalog.entries())))
    sys.exit(1 if problems.errors else 0)


def _check(project: Path, progress: bool = False, strict: tuple[str, ...] = ()):
    """What `handbook check` finds: the problems, and the catalog (None when
    the records could not be read as one)."""
    problems = Problems()
    catalog = _catalog(project, problems, progress)
    if (project / "mkdocs.yml").is_file():  # what the build publishes besides the records
        from .project.published import check_published
        from .project.settings import SettingsError, check_manager, read_settings
        from .records.load import check_docs_folder

        try:
            settings = read_settings(project)
            check_published(settings.sources, problems)
            check_docs_folder(project, settings.docs_dir, problems, catalog)
            if catalog is not None:
                check_manager(settings, catalog.people, problems)
        except SettingsError as failure:
            problems.error("mkdocs.yml", failure.line, 1, str(failure).removeprefix("mkdocs.yml: "))
    if strict and catalog is not None and not problems.errors:
        from .records.health import report

        chosen = list(FINDINGS) if "all" in strict else strict
        findings = report(catalog).findings
        for name in chosen:
            for item in findings[name]:
                problems.error(item.path, 1, 1, f"{name}: {item.detail}")
    return problems, catalog


def _usable_catalog(project: Path, refusal: str):
    """The records of a command that reads them whole (report, remind): with
    errors, those and the message `refusal`, and exit 1; its warnings on
    stderr, beside what the command prints."""
    problems = Problems()
    catalog = _catalog(project, problems)
    if catalog is None or problems.errors:
        report_problems(problems)
        click.echo(say(refusal), err=True)
        sys.exit(1)
    report_problems(problems, stream=sys.stderr)
    return catalog


@main.command()
@_speaks
@_project_option
@option("--format", "form", type=click.Choice(["text", "json"]), default="text", show_default=True)
def report(project: Path, form: str) -> None:
    """Knowledge health: what was never learned, left, overdue or repeated."""
    import json

    from .records.health import finding_title
    from .records.health import report as health_report

    catalog = _usable_catalog(project, "report_has_errors")
    health = health_report(catalog, _manager(project))
    if form == "json":
        click.echo(json.dumps(health.as_json(), ensure_ascii=False, indent=2))
        return
    click.echo(say("health_as_of", date=health.today))
    for name in FINDINGS:
        items = health.findings[name]
        click.echo(f"\n{finding_title(name, language())}: {len(items)}")
        for item in items:
            who = f" [{item.who}]" if item.who else ""  # who acts on it, as the dashboard says
            click.echo(f"  {one_line(item.path)}: {one_line(item.detail)}{who}")
    click.echo("\n" + say("accounts_per_platform"))
    for platform, counts in sorted(health.accounts_per_platform.items()):
        click.echo(f"  {platform}: {counts['active']}/{counts['dormant']}/{counts['archived']}")
    click.echo("\n" + say("lessons_per_campaign"))
    for campaign, counts in sorted(health.level_balance.items()):
        click.echo(f"  {campaign}: {counts['foundation']}/{counts['execution']}")


@main.command()
@_speaks
@_project_option
@option("--format", "form", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True,
              help="markdown: each issue as it would be posted (nothing is sent); json: the same, for a workflow.")
@option("--apply", "post", is_flag=True,
              help="Open, update and close the reminder issues on GitHub with the `gh` command (GH_TOKEN, GH_REPO).")
def remind(project: Path, form: str, post: bool) -> None:
    """Each person's to-dos as a GitHub issue assigned to them (a dry run unless --apply)."""
    import json

    from .project.settings import SettingsError, read_settings
    from .reminders.issues import reminders, site_of

    catalog = _usable_catalog(project, "remind_has_errors")
    try:
        settings = read_settings(project, language())
    except SettingsError as failure:
        raise click.UsageError(str(failure)) from None
    site = site_of(catalog, settings)
    issues = reminders(site)
    if post:
        _post_reminders(site, issues)
    elif form == "json":
        click.echo(json.dumps([issue.as_json() for issue in issues], ensure_ascii=False, indent=2))
    elif not issues:
        click.echo(say("remind_nothing"))
    else:
        for number, issue in enumerate(issues):
            assign = say("remind_assign", login=issue.login) if issue.login else say("remind_assign_nobody")
            click.echo(("\n\n" if number else "") + f"# {issue.title}\n\n{assign}\n\n{issue.body}", nl=False)


def _post_reminders(site, issues) -> None:
    """`remind --apply`: the issues on GitHub made what `issues` say; what
    was done, one line each; exit 1 when anything failed."""
    from .reminders.github import GitHubError, apply
    from .reminders.issues import WITHOUT_ACCOUNT

    def farewell(key: str) -> str:
        if key == WITHOUT_ACCOUNT:
            return site.L["remind_farewell_without_account"]
        return site.L["remind_farewell"].format(name=site.person_name(key) if key in site.c.people else key)

    try:
        outcome = apply(issues, farewell, lambda number: site.L["remind_duplicate"].format(number=number))
    except (GitHubError, ValueError) as failure:
        click.echo(say("remind_failed", reason=one_line(str(failure))), err=True)
        sys.exit(1)
    for what, number, key in outcome.done:
        click.echo(say(f"remind_{what}", number=number, person=key))
    for failure in outcome.failed:
        click.echo(say("remind_failed", reason=one_line(failure)), err=True)
    sys.exit(1 if outcome.failed else 0)


@main.command()
@_project_option
@option("--language", type=click.Choice(LANGUAGES), default=None,
              help="Language of the site (default: theme.language in mkdocs.yml).")
@option("--site-dir", type=PathType(file_okay=False, path_type=Path), default=None, metavar="FOLDER",
              help="Where to put the built site (default: site/ in the project).")
@_engine_option
@_progress_option
def build(project: Path, language: str | None, site_dir: Path | None, engine: str, progress: bool | None) -> None:
    """Check, generate the Markdown, build the site and its search index."""
    from .build import BuildFailed, build_site
    from .progress import wanted

    choose_language(project, language)
    try:
        built = build_site(project, language=language, site_dir=site_dir, progress=wanted(progress), engine=engine)
    except BuildFailed as failure:
        if failure.problems is not None:
            report_problems(failure.problems)
        click.echo(say("build_failed", reason=one_line(str(failure))), err=True)
        sys.exit(1)
    report_problems(built.problems)
    click.echo(say("built", site=one_line(built.site), pages=built.pages))


@main.command()
@_speaks
@_project_option
@_engine_option
@_progress_option
def generate(project: Path, engine: str, progress: bool | None) -> None:
    """Check and write the generated Markdown only (no site)."""
    from .build import BuildFailed, generate_pages
    from .progress import wanted

    try:
        generated = generate_pages(project, progress=wanted(progress), engine=engine)
    except BuildFailed as failure:
        if failure.problems is not None:
            report_problems(failure.problems)
        click.echo(say("generation_failed", reason=one_line(str(failure))), err=True)
        sys.exit(1)
    report_problems(generated.problems)


@main.command()
@_speaks
@_project_option
@option("--address", "-a", default="127.0.0.1:8000", show_default=True, metavar="ADDRESS", help="Address to serve on.")
def serve(project: Path, address: str) -> None:
    """Preview the handbook; regenerates when a record in data/ changes."""
    from .build import BuildFailed
    from .authors.serve import AddressRefused
    from .authors.serve import serve as run

    try:
        sys.exit(run(project, address))
    except (BuildFailed, AddressRefused) as failure:
        click.echo(say("serve_failed", reason=one_line(str(failure))), err=True)
        sys.exit(1)


@main.command()
@option("--records", type=click.IntRange(min=1, max=1_000_000), required=True, metavar="N",
              help="About how many records to write.")
@option("--out", type=PathType(file_okay=False, path_type=Path), required=True, metavar="FOLDER",
              help="Project folder to write data/ into (data/ must not exist or be empty).")
@option("--seed", type=int, default=1, show_default=True, metavar="N", help="The same seed gives the same data set.")
def synth(records: int, out: Path, seed: int) -> None:
    """Write a deterministic, valid synthetic data set (for benchmarks and tests)."""
    # The generator of test data is a development tool beside the benchmark,
    # not part of the handbook: it is there in a clone of the repository.
    try:
        from benchmarks.synth import synthesize
    except ImportError:
        click.echo("synth: benchmarks/synth/ is part of the repository's development tools; "
                   "run `handbook synth` in a clone (make site installs it).", err=True)
        sys.exit(2)

    try:
        counts = synthesize(out, records, seed)
    except FileExistsError as refused:
        click.echo(f"synth: {one_line(str(refused))}", err=True)
        sys.exit(1)
    click.echo(", ".join(f"{count} {kind}" for kind, count in counts.items()))


# At most so many choices are listed at a prompt.
OPTIONS_SHOWN = 15


def _ask(essential, options, default, check, labels):
    """One question in the terminal, offering the choices there are; asked
    again, with what is wrong, until the answer is one the record takes."""

    question = essential.question + ("" if essential.required else say("new_optional"))
    if options and essential.shape in ("ref", "refs", "choice"):
        click.echo(say("new_choose_from_several" if essential.shape == "refs" else "new_choose_from"))
        # A handbook of thousands of campaigns: the first few (the newest),
        # and the check suggests the rest from what is typed.
        shown = options[:OPTIONS_SHOWN]
        if labels:
            for option in shown:
                click.echo(f"    {option}" + (f" — {labels[option]}" if option in labels else ""))
        else:
            click.echo("    " + ", ".join(shown))
        if len(options) > len(shown):
            click.echo(say("new_more_options", count=len(options) - len(shown)))
    stale = check(default)[1] if default not in (None, "", []) else None
    if stale is not None:
        # An earlier answer that no longer fits (another campaign was chosen
        # since): said once, and not offered, so that Enter can skip.
        click.echo(f"  {say('new_default_dropped', value=one_line(str(default)), problem=one_line(stale))}")
        default = None
    if essential.shape == "choice" and isinstance(default, str) and default in labels:
        default = f"{default} ({labels[default]})"  # as the choices are listed; taken back as the code
    while True:
        if essential.shape == "items":
            raw: object = _ask_lines(question, default, each=True)
        elif essential.shape == "story":
            raw = _ask_lines(essential.question + say("new_story" if essential.required else "new_story_optional"),
                             default, each=False)
        else:
            raw = click.prompt(question, default=default if default is not None else "",
                               show_default=default not in (None, "")).strip()
        value, problem = check(raw)
        if problem is None:
            return value
        click.echo(f"  {one_line(problem)}")


def _confirm(question: str) -> bool:
    """Yes or no, in the language of the run (Enter: yes)."""

    while True:
        answer = click.prompt(f"{question} [{say('yes_no')}]", default="", show_default=False).strip().casefold()
        if answer in ("", "j", "ja", "y", "yes"):
            return True
        if answer in ("n", "nee", "no"):
            return False
        click.echo(f"  {say('answer_yes_no')}")


def _ask_lines(question: str, default, each: bool):
    """Lines until an empty one: items (`each`, a list) or one text of several
    lines. Stopped halfway (Ctrl-C), the lines typed so far go with the stop,
    so that the draft keeps them too."""
    from .authors.new import Interrupted

    lines: list[str] = []
    try:
        if each:
            if isinstance(default, list) and default:
                click.echo("  " + "; ".join(str(item) for item in default))
            while True:
                item = click.prompt(f"{question} ({say('new_another')})", default="", show_default=False).strip()
                if not item:
                    return lines or (list(default) if isinstance(default, list) else [])
                lines.append(item)
        first = click.prompt(question, default=default if default else "", show_default=bool(default))
        lines.append(first)
        while lines[-1].strip() and first != default:
            lines.append(click.prompt("", prompt_suffix="  ", default="", show_default=False))
        return "\n".join(line.rstrip() for line in lines).strip()
    except (click.exceptions.Abort, KeyboardInterrupt) as stop:
        partial = lines if each else "\n".join(line.rstrip() for line in lines).strip()
        raise Interrupted(partial, stop) from None


@main.command()
@argument("kind", type=click.Choice(["lesson", "campaign", "guideline", "person", "account"]))
@_speaks
@_project_option
@option("--id", "ident", default=None, metavar="ID",
        help="Id of the new record (its file name); asked or derived otherwise.")
@option("--set", "settings", multiple=True, metavar="FIELD=VALUE",
              help="A field's value; repeat for lists (or separate ids with commas).")
@option("--input/--no-input", "ask", default=None,
              help="Ask for what --set does not give (default: when run in a terminal).")
def new(kind: str, project: Path, ident: str | None, settings: tuple[str, ...], ask: bool | None) -> None:
    """Scaffold a valid, commented record of KIND; never overwrites a file."""
    from datetime import date

    from .authors.new import ScaffoldError, scaffold

    given: dict[str, list[str]] = {}
    for setting in settings:
        name, separator, value = setting.partition("=")
        if not separator:
            raise click.UsageError(say("new_set_form", setting=quote(setting)))
        given.setdefault(name.strip(), []).append(value)
    interactive = sys.stdin.isatty() if ask is None else ask
    try:
        # Authoring happens now: the date offered is today's.
        path, warnings = scaffold(project, kind, ident, given, _ask if interactive else None, date.today(),
                                  inform=click.echo, confirm=_confirm)
    except ScaffoldError as refused:
        first, *more = str(refused).split("\n")  # the message, then the new record's problems
        click.echo(say("new_refused", kind=kind_name(kind)) + one_line(first),
                   err=True)
        for line in more:
            click.echo(one_line(line), err=True)
        sys.exit(1)
    report_problems(warnings)

    click.echo(say("new_wrote", path=path.relative_to(project).as_posix()))


@main.command()
@argument("person")
@option("--to", "successor", required=True, metavar="SUCCESSOR", help="Person id of who takes over.")
@option("--on", "day", default=None, metavar="YYYY-MM-DD",
              help="The day PERSON leaves (default: today, the date `check` judges by); not after today.")
@option("--write", is_flag=True, help="Change the files (all or none), then check; without it only show the diff.")
@_speaks
@_project_option
def handover(person: str, successor: str, day: str | None, write: bool, project: Path) -> None:
    """Give what PERSON answers for to SUCCESSOR, keep what they did: shows the diff; --write applies it."""
    from datetime import date

    from .authors.handover import Refused, parse_day, plan
    from .project.edits import NotReplaced, replace_all
    from .project.settings import SettingsError, check_date

    try:
        on = parse_day(day) if day is not None else None
    except ValueError as wrong:
        raise click.BadParameter(str(wrong), param_hint="'--on'") from None
    problems, catalog = _check(project)
    if catalog is None or problems.errors:
        report_problems(problems)
        click.echo(say("handover_fix_first"), err=True)
        sys.exit(1)
    try:
        today = check_date(project)
    except SettingsError as failure:
        raise click.UsageError(str(failure)) from None
    try:
        change = plan(project, catalog, person, successor, on, today, max(today, date.today()))
    except Refused as refused:
        click.echo(str(refused), err=True)
        sys.exit(1)
    click.echo(change.diff(), nl=False)
    for note in change.notes:
        click.echo(note)
    click.echo(change.summary())
    if not write:
        click.echo(say("handover_not_yet"))
        return
    try:
        replace_all(change.replacements())
    except NotReplaced as failure:
        click.echo(say("handover_not_written", reason=one_line(str(failure))), err=True)
        sys.exit(1)
    click.echo(say_counted("handover_written", len(change.changes)))
    problems, catalog = _check(project)
    report_problems(problems)
    if not problems.items and catalog is not None:
        click.echo(say("all_well", records=sum(1 for _ in catalog.entries())))
    sys.exit(1 if problems.errors else 0)


@main.command()
@_project_option
@option("--out", type=PathType(file_okay=False, path_type=Path), default=None, metavar="FOLDER",
              help="Folder for the schemas (default: schemas/ in the project).")
def schema(project: Path, out: Path | None) -> None:
    """Write the JSON Schema of each record kind, for editors."""
    from .records.schema import schema_files
    from .project.write import write_file

    out = out or project / "schemas"
    for name, text in schema_files().items():
        write_file(out / name, text)
        click.echo(f"wrote {(out / name).as_posix()}")


@main.command()
@_speaks
@_project_option
def reference(project: Path) -> None:
    """Write the records reference page (handbook/reference.md) from the models."""
    from .records.schema import reference_markdown
    from .project.write import write_file

    target = project / "handbook" / "reference.md"
    write_file(target, reference_markdown())
    click.echo(f"wrote {target.as_posix()}")


@main.command("import-issue")
@argument("event", type=PathType(dir_okay=False, path_type=Path))
@_speaks
@_project_option
@option("--write", is_flag=True,
              help="Write the draft lessons and the proposal, then check; without it only show them. A draft an "
                   "earlier import of the issue made is replaced while nobody has edited it.")
def import_issue(event: Path, project: Path, write: bool) -> None:
    """A filled-in handover form (GitHub's issue event, EVENT) as draft lessons and a handover proposal."""
    from .issues.importing import import_issue as run_import
    from .project.settings import SettingsError, check_date

    try:
        today = check_date(project)
    except SettingsError as failure:
        raise click.UsageError(str(failure)) from None
    outcome = run_import(project, event, write, today)
    if outcome.problems.errors or outcome.refused:
        report_problems(outcome.problems)
        click.echo(outcome.refused or say("issue_refused"), err=True)
        sys.exit(1)
    if not write:
        for step in outcome.steps:
            if step.action in ("new", "replace"):
                click.echo(say("issue_would_write" if step.action == "new" else "issue_would_replace", path=step.path))
                click.echo(step.text)
            elif step.action == "unchanged":
                click.echo(say("issue_would_keep", path=step.path))
            elif step.action == "remove":
                click.echo(say("issue_would_remove", path=step.path, slot=step.slot))
        click.echo(say("issue_proposal_would", path=outcome.proposal_path))
        click.echo(outcome.proposal)
        report_problems(outcome.problems)  # drafts someone edited, which stay
        click.echo(say("issue_dry_run"))
        return
    # Only what was done is said: a file is 'geschreven' when it was.
    said = {"new": "issue_wrote", "replace": "issue_replaced", "unchanged": "issue_unchanged",
            "remove": "issue_removed"}
    for action, path, slot in outcome.done:
        if action in said:
            click.echo(say(said[action], path=path, slot=slot) if action == "remove" else say(said[action], path=path))
    report_problems(outcome.problems)
    if not outcome.problems.items:
        click.echo(say("all_well", records=outcome.records))


def run() -> None:
    """The `handbook` command. No Python traceback ever reaches an author:
    what no step foresaw is one line, and exit code 1."""
    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show a character gets an escape
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    # Stopped by a process manager (SIGTERM) or a closed terminal (SIGHUP):
    # as after Ctrl-C, every step cleans up after itself (a half-built site,
    # the engine's processes) before the command ends. `serve` has its own.
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _interrupted)
    try:
        main(standalone_mode=False)
        code = 0
    except click.exceptions.Abort:
        click.echo(say("stopped"), err=True)
        code = 130
    except click.ClickException as usage:
        show_usage_error(usage)
        code = usage.exit_code
    except SystemExit as stop:
        if stop.code is not None and not isinstance(stop.code, int):
            raise
        code = stop.code or 0
    except KeyboardInterrupt:
        code = 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, never a traceback
        text = one_line(" ".join(f"{type(exc).__name__}: {exc}".split())[:500])
        click.echo(say("unexpected", text=text), err=True)
        code = 1
    if code == 130 and _stopped_by:
        code = 128 + _stopped_by  # as a shell reports it: 143 after SIGTERM, 129 after SIGHUP
    leave(code)


# The signal that stopped the command, when it was not Ctrl-C.
_stopped_by = 0


def _interrupted(number: int, frame: object) -> None:
    global _stopped_by
    _stopped_by = number
    raise KeyboardInterrupt


def leave(code: int) -> None:
    """End the process: what it printed is flushed and every exit handler
    runs (temporary folders, logging), but the objects of a build are not
    taken apart one by one (0.9 s for a handbook of 10,000 records, after
    all the work is done)."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    atexit._run_exitfuncs()
    os._exit(code)
