"""Authors: scaffolds, schemas for editors, the records reference, CI files."""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from generator.records.load import load_catalog

from .conftest import TODAY
from generator.cli import main
from generator.records.read import parse_yaml
from generator.records.models import MODELS, Lesson, allowed
from generator.words.problems import Problems
from generator.records.schema import KINDS, reference_markdown, schema_files, schema_for

from .conftest import ROOT
from .helpers import STOP, Answer, Answers

ESSENTIALS = {
    "lesson": ["title=Eerst luisteren", "date=2025-01-10", "author=eva-jansen", "campaigns=linkedin-ict-2024",
               "answers=respons", "level=foundation", "what_happened=We zonden alleen.", "lesson=Luister eerst."],
    "campaign": ["title=Stage op LinkedIn", "summary=Stagiairs via LinkedIn.", "status=running",
                 "period.start=2025-02-01", "owner=eva-jansen", "knowledge_owner=eva-jansen",
                 "recruitment=passive", "scenario=social-broadcasting", "channels=social,jobboards",
                 "audience=Studenten", "audience_goal=Een goede stage", "business_goals=Tien stagiairs",
                 "learning_goals=Bereiken we studenten op LinkedIn?"],
    "guideline": ["summary=Niet meer in gebruik.", "recruitment=passive", "dos=Archiveren", "donts=Niet posten",
                  "tone_of_voice=Geen.", "webcare_hours=48", "approval=Communicatie",
                  "owner=eva-jansen", "reviewed=2025-03-01"],
    "person": ["name=Sanne Visser", "role=recruiter", "team=Werving"],
    "account": ["platform=linkedin", "handle=Stage bij ons", "owner=eva-jansen", "purpose=Stagiairs",
                "status=active"],
}
IDS = {"lesson": "eerst-luisteren", "campaign": "stage-op-linkedin", "guideline": "hyves", "person": "sanne-visser",
       "account": "stage-bij-ons"}
FOLDERS = {"lesson": "lessons", "campaign": "campaigns", "guideline": "platforms", "person": "people",
           "account": "accounts"}


def new(project: Path, *args: str, answers: dict[str, Answer] | None = None):
    """`handbook new` in English; `answers` to its questions by what they ask."""
    typed = None if answers is None else Answers(answers)
    result = CliRunner().invoke(main, ["new", "--language", "en", *args, "--project", str(project)], input=typed)
    if typed is not None:
        typed.check()
    return result


@pytest.mark.parametrize("kind", list(ESSENTIALS))
def test_every_kind_scaffolds_a_valid_commented_record_once(project: Path, kind: str) -> None:
    flags = [part for setting in ESSENTIALS[kind] for part in ("--set", setting)]
    extra = ["--id", "hyves"] if kind == "guideline" else []
    result = new(project, kind, "--no-input", *extra, *flags)
    path = f"data/{FOLDERS[kind]}/{IDS[kind]}.yml"
    known = [
        "What we already know (1 lesson applies; foundation first):",
        "  - Luister, en reageer binnen een dag (foundation, data/lessons/luister-en-reageer)",
        "Still open in similar earlier campaigns:",
        "  - Wat kost een stagiair via Hyves? (hyves-stage-2010)",
    ] if kind == "campaign" else []
    assert (result.exit_code, result.output.splitlines()) == (
        0, [*known, f"wrote {path}; check it with `handbook check` and preview with `make serve`"])
    text = (project / path).read_text("utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json\n# ")
    assert "\n# " + KINDS[kind].model_fields[ESSENTIALS[kind][0].split("=")[0].split(".")[0]].description in text
    problems = Problems()
    load_catalog(project, problems, TODAY)
    assert [str(p) for p in problems.items] == []
    # The schema the file names exists, and the second time nothing is overwritten.
    assert (ROOT / "schemas" / f"{kind}.schema.json").is_file()
    again = new(project, kind, "--no-input", *extra, *flags)
    assert again.exit_code == 1
    assert again.output == f"new {kind}: {path} exists already; it is left as it is\n"
    assert (project / path).read_text("utf-8") == text


def test_scaffolding_asks_in_a_terminal_offering_the_choices(project: Path) -> None:
    # The stories end with an empty line; the recommendation is left empty (Enter).
    answers = {"The lesson in one line": "Een les", "Date of the lesson": "2025-02-01",
               "Who writes it": "eva-jansen", "Campaign(s) it came from": "linkedin-ict-2024",
               "Learning goal(s) it answers": "respons", "About the foundation or about the execution": "execution",
               "What happened": "Wat gebeurde", "What did we learn": "De les", "Id (the file name)": "les-via-vragen"}
    result = new(project, "lesson", "--input", answers=answers)
    assert result.exit_code == 0, result.output
    assert "  choose from:\n    eva-jansen — Eva Jansen\n" in result.output  # Tom Bakker left: not offered
    assert "tom-bakker" not in result.output
    # The goals of the chosen campaign, with their questions.
    several = "  choose from (several may be given, with spaces or commas between):\n"
    assert several + "    respons — Hoeveel benaderde ontwikkelaars reageren?\n" in result.output
    # Campaigns with their titles, the newest first.
    assert several + "    linkedin-ict-2024 — " in result.output
    record = yaml.safe_load((project / "data/lessons/les-via-vragen.yml").read_text("utf-8"))
    assert record["answers"] == ["respons"] and record["status"] == "proposed"


def test_scaffolding_without_a_terminal_names_what_is_missing(project: Path) -> None:
    result = new(project, "lesson", "--no-input", "--set", "title=Alleen een titel")
    assert result.exit_code == 1
    assert result.output == ("new lesson: missing: --set date=…, --set author=…, --set level=…, "
                             "--set what_happened=…, --set lesson=…\n")


def test_a_scaffold_that_would_not_pass_the_check_is_not_left_behind(project: Path) -> None:
    """Each answer can be right while the record is not: a lesson dated
    before its campaign began."""
    flags = [part for setting in ESSENTIALS["lesson"] for part in ("--set", setting)]
    result = new(project, "lesson", "--no-input", *flags, "--set", "date=2012-01-10")
    assert result.exit_code == 1
    # Said by field: the file it would be in was never written.
    assert result.output.splitlines() == [
        "new lesson: the new record would not pass the check:",
        "  campaigns: campaign 'linkedin-ict-2024' starts on 2024-09-01, after this lesson's date (2012-01-10); "
        "a lesson comes from a campaign that ran before it",
    ]
    assert not (project / "data/lessons/eerst-luisteren.yml").exists()


def test_every_wrong_set_value_is_said_at_once_without_a_terminal(project: Path) -> None:
    flags = [part for setting in ESSENTIALS["lesson"] for part in ("--set", setting)]
    result = new(project, "lesson", "--no-input", *flags, "--set", "author=niemand", "--set", "date=15-03-2024",
                 "--set", "level=Execution", "--set", "colour=red", "--set", "titel=Eerst")
    assert result.exit_code == 1
    fields = "title, date, author, campaigns, answers, level, what_happened, lesson, recommendation"
    assert result.output.splitlines() == [
        f"new lesson: 'colour' is not a field that `handbook new lesson` fills in; it fills in: {fields}",
        f"'titel' is not a field that `handbook new lesson` fills in; it fills in: {fields} (did you mean 'title'?)",
        "--set date: '15-03-2024' is not a date; write it as YYYY-MM-DD, for example 2012-03-15",
        "--set author: 'niemand' is not one of the choices",
    ]


def test_a_choice_as_the_issue_form_lists_it_is_taken(project: Path) -> None:
    """The form's dropdown says 'execution (uitvoering)': whoever turns the
    form into a file may paste it as it is."""
    flags = [part for setting in ESSENTIALS["lesson"] if not setting.startswith("level=")
             for part in ("--set", setting)]
    result = new(project, "lesson", "--no-input", *flags, "--set", "level=execution (uitvoering)")
    assert result.exit_code == 0, result.output
    assert "\nlevel: execution\n" in (project / "data/lessons/eerst-luisteren.yml").read_text("utf-8")


# --- schemas and the reference ------------------------------------------------------


def test_the_committed_schemas_and_reference_are_current() -> None:
    for name, text in schema_files().items():
        assert (ROOT / "schemas" / name).read_text("utf-8") == text, f"schemas/{name} is stale: run `make docs`"
    from generator.words.messages import speaking
    from generator.project.settings import read_settings

    with speaking(read_settings(ROOT).language):  # written in the site's language, as `make docs` does
        assert (ROOT / "handbook" / "reference.md").read_text("utf-8") == reference_markdown(), \
            "handbook/reference.md is stale: run `make docs`"


def test_the_reference_in_dutch_names_every_field_and_value_in_dutch_beside_the_code() -> None:
    from generator.words.messages import speaking

    with speaking("nl"):
        page = reference_markdown()
    assert page.startswith("# Wat elk veld betekent (voor auteurs)\n")
    assert "## Les\n" in page
    assert "| `knowledge_owner` (kennisborger) | ja | id | Id van de persoon die borgt wat de campagne ons leert. |" in page
    assert "`foundation` (fundament), `execution` (uitvoering)" in page


def test_the_reference_describes_every_field_of_every_kind() -> None:
    page = reference_markdown()
    for kind, model in KINDS.items():
        assert f"## {kind.capitalize()}" in page
        for name, info in model.model_fields.items():
            assert f"| `{name}` | {'yes' if info.is_required() else 'no'} |" in page, (kind, name)


class _EditorLoader(yaml.SafeLoader):
    """YAML as an editor's language server reads it: dates stay text."""


_EditorLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

LESSON = (ROOT / "tests/fixtures/data/lessons/luister-eerst.yml").read_text("utf-8")


@pytest.mark.parametrize(("change", "valid"), [
    (None, True),
    (("level: foundation", "level: fundament"), False),
    (("title: Luister eerst, zend daarna\n", ""), False),
    (("author: tom-bakker", "author: Tom Bakker"), False),
    (("date: 2010-07-15", "date: 15-07-2010"), False),
    (("status: superseded", "status: superseded\nonbekend: x"), False),
    (("campaigns: [hyves-stage-2010]", "campaigns: hyves-stage-2010"), False),
    (("evidence:\n  - 12.000 bereik, 1 aanname", "evidence: []"), True),
])
def test_schema_and_model_judge_a_record_alike(change, valid: bool) -> None:
    text = LESSON if change is None else LESSON.replace(*change)
    assert text != LESSON or change is None
    by_schema = jsonschema.Draft202012Validator(
        schema_for("lesson"), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    ).is_valid(yaml.load(text, Loader=_EditorLoader))
    problems = Problems()
    document = parse_yaml(text, "x.yml", problems)
    by_model = True
    try:
        Lesson.model_validate(document.data)
    except Exception:
        by_model = False
    assert (by_schema, by_model) == (valid, valid)


# --- CI files ---------------------------------------------------------------------


# The workflows' and Dependabot's schemas, zizmor and shellcheck: tests/test_workflows.py.


def test_workflows_run_the_readme_commands_with_least_privilege() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    documented = set(re.findall(r"^make (\w+)", readme, re.MULTILINE))
    check = yaml.safe_load((ROOT / ".github/workflows/check.yml").read_text("utf-8"))
    publish = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text("utf-8"))
    check_steps = [step.get("run") for step in check["jobs"]["check"]["steps"] if step.get("run")]
    assert check_steps == ["make site", "make test"] and {"site", "test"} <= documented
    # Nothing for the workflow as a whole; each job asks for what it needs.
    assert check["permissions"] == {} and "secrets" not in str(check)
    assert check["jobs"]["check"]["permissions"] == {"contents": "read"}
    build_steps = [step for step in publish["jobs"]["build"]["steps"] if step.get("run")]
    # First where Pages publishes the site (read only, the job's own token), then the README's command.
    ask, build = build_steps
    assert ask["run"].startswith('address="$(gh api "repos/${GITHUB_REPOSITORY}/pages" --jq .html_url || true)"')
    assert ask["env"] == {"GH_TOKEN": "${{ github.token }}"}
    assert build["run"] == "make site"
    assert build["env"] == {"HANDBOOK_SITE_URL": "${{ steps.pages.outputs.address }}"}
    assert publish["permissions"] == {}
    assert publish["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert publish["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert publish["concurrency"] == {"group": "publish", "cancel-in-progress": False}
    uses = [step.get("uses", "") for job in publish["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)


def test_pre_commit_runs_the_check_on_records() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    [hook] = config["repos"][0]["hooks"]
    assert (hook["entry"], hook["files"], hook["pass_filenames"]) == (".venv/bin/handbook check", "^data/", False)


def test_the_issue_form_for_a_lesson_is_valid_and_asks_for_the_lesson_s_fields() -> None:
    from check_jsonschema.cli.main_command import main as check_jsonschema

    form = ROOT / ".github/ISSUE_TEMPLATE/nieuwe-les.yml"
    result = CliRunner().invoke(check_jsonschema, ["--builtin-schema", "vendor.github-issue-forms", str(form)])
    assert result.exit_code == 0, result.output
    body = yaml.safe_load(form.read_text("utf-8"))["body"]
    asked = {item["id"]: item for item in body if "id" in item}
    assert set(asked) <= set(KINDS["lesson"].model_fields)
    required = {name for name, info in KINDS["lesson"].model_fields.items() if info.is_required()}
    assert required <= set(asked)  # every field a lesson needs is asked for
    levels = [option.split(" ")[0] for option in asked["level"]["attributes"]["options"]]
    assert levels == allowed(KINDS["lesson"], "level")


def test_the_lesson_the_browser_link_opens_is_the_scaffold_with_its_fields_to_fill_in(project: Path) -> None:
    """The index of lessons links to the repository's web editor with a new
    lesson in it; filled in, it passes the check as it is."""
    from urllib.parse import parse_qs, urlsplit

    from generator.site.pages import Site

    catalog = load_catalog(project, Problems(), TODAY)
    site = Site(catalog, "nl", "https://github.com/example-org/wervingshandboek/edit/main")
    url = urlsplit(site.new_record_url("lesson"))
    assert (url.netloc, url.path) == ("github.com", "/example-org/wervingshandboek/new/main/data/lessons")
    query = parse_qs(url.query)
    assert query["filename"] == ["nieuwe-les.yml"]
    blank = query["value"][0]
    assert blank.startswith("# yaml-language-server: $schema=../../schemas/lesson.schema.json\n")
    assert "\n# recommendation:\n" in blank and "\nstatus: proposed\n" in blank
    filled = blank
    assert "\n# Wanneer de les is getrokken. Schrijf als JJJJ-MM-DD, bijvoorbeeld 2024-03-15.\ndate:\n" in blank
    for name, value in (("title", "Ouders beslissen mee"), ("date", "2024-12-15"), ("author", "eva-jansen"),
                        ("level", "execution"),
                        ("what_happened", "De ouders beslisten mee."), ("lesson", "Overtuig ook de ouders.")):
        filled = filled.replace(f"\n{name}:\n", f"\n{name}: {value}\n", 1)
    (project / "data/lessons/ouders-beslissen-mee.yml").write_text(filled, "utf-8")
    problems = Problems()
    load_catalog(project, problems, TODAY)
    assert [str(p) for p in problems.items] == []
    assert Site(catalog, "nl").new_record_url("lesson") is None  # no repository address: no link


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_every_scaffold_has_the_shape_of_its_record_with_its_optional_fields_uncommented(kind: str) -> None:
    """A list is a list (a list of groups has one item to copy, starting
    with '- '), a group of fields is a group, in the new file and in each
    optional field once its '# ' is taken away: filling in the values is all
    an author has to do."""
    import types
    import typing

    from pydantic import BaseModel

    from generator.records.record_file import blank_record

    def bare(annotation):
        arguments = [a for a in typing.get_args(annotation) if a is not type(None)]
        if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(arguments) == 1:
            return arguments[0]
        return annotation

    def shaped(value, annotation, where: str) -> None:
        annotation = bare(annotation)
        if typing.get_origin(annotation) is list:
            assert isinstance(value, list), where
            for item in value:
                shaped(item, typing.get_args(annotation)[0], where + "[]")
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            assert isinstance(value, dict) and set(value) <= set(annotation.model_fields), where
            for name, item in value.items():
                shaped(item, annotation.model_fields[name].annotation, f"{where}.{name}")
        else:
            assert value is None or not isinstance(value, (list, dict)), where

    model = MODELS[kind]
    text = blank_record(kind)
    uncommented = re.sub(rf"^# (?=(?:{'|'.join(model.model_fields)}):|  )", "", text, flags=re.M)
    for version in (text, uncommented):
        fields = yaml.safe_load(version)
        assert set(fields) <= set(model.model_fields)
        for name, value in fields.items():
            shaped(value, model.model_fields[name].annotation, name)
    lists_of_groups = [name for name, info in model.model_fields.items()
                       if typing.get_origin(bare(info.annotation)) is list
                       and isinstance(typing.get_args(bare(info.annotation))[0], type)
                       and issubclass(typing.get_args(bare(info.annotation))[0], BaseModel)]
    for name in lists_of_groups:
        assert yaml.safe_load(uncommented).get(name, [None]) != [None], name


def test_a_handbook_of_many_records_lists_a_few_choices_and_suggests_the_rest(tmp_path: Path) -> None:
    """Hundreds of people or thousands of campaigns are not a list to read
    at a prompt: the first few are shown, and what is typed is matched."""
    from benchmarks.synth import synthesize

    from .conftest import copy_project

    synthesize(tmp_path / "synth", 400, 1)
    project = copy_project(tmp_path / "p", tmp_path / "synth" / "data")
    people = sorted(path.stem for path in (project / "data/people").iterdir())
    result = new(project, "lesson", "--input", answers={  # the author stops where the people are offered
        "The lesson in one line": "Een les", "Date of the lesson": "2025-02-01", "Who writes it": STOP})
    listed = result.output.split("  choose from:\n", 1)[1].split("\n")
    shown = [line.split(" — ")[0].strip() for line in listed[:15]]
    assert len(people) > 15 and set(shown) <= set(people) and shown == sorted(shown)
    assert listed[15].startswith("    … and ") and listed[15].endswith(
        " more: type an id or part of it, and what is close is suggested")


def test_a_campaign_and_a_person_are_taken_by_the_title_and_name_the_lists_show(project: Path) -> None:
    settings = [s for s in ESSENTIALS["lesson"] if not s.startswith(("campaigns=", "author="))]
    flags = [part for setting in settings for part in ("--set", setting)]
    result = new(project, "lesson", "--no-input", *flags, "--set", "campaigns=ICT'ers benaderen via LinkedIn",
                 "--set", "author=Eva Jansen")
    assert result.exit_code == 0, result.output
    record = yaml.safe_load((project / "data/lessons/eerst-luisteren.yml").read_text("utf-8"))
    assert (record["campaigns"], record["author"]) == (["linkedin-ict-2024"], "eva-jansen")


def test_without_a_terminal_the_record_as_a_whole_is_judged_in_the_same_run(project: Path) -> None:
    """Wrong values and what the rest makes of the record (a lesson dated
    before its campaign) in one run; no file is left behind."""
    settings = [s for s in ESSENTIALS["lesson"] if not s.startswith(("level=", "date="))]
    flags = [part for setting in settings for part in ("--set", setting)]
    result = new(project, "lesson", "--no-input", *flags, "--set", "date=2012-01-10", "--set", "level=x",
                 "--set", "what_happened=Mail a@b.nl")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "new lesson: --set level: 'x' is not one of the choices; choose one of: foundation, execution",
        "--set what_happened: 'what_happened' contains an email address ('a@b.nl'); contact details belong only in "
        "a person's 'email' and 'phone' fields: name the person by their id instead",
        "the new record would not pass the check:",
        "  campaigns: campaign 'linkedin-ict-2024' starts on 2024-09-01, after this lesson's date (2012-01-10); "
        "a lesson comes from a campaign that ran before it",
    ]
    assert sorted(path.name for path in (project / "data/lessons").iterdir()) == [
        "luister-eerst.yml", "luister-en-reageer.md", "weer-gezonden.yml"]
