"""`handbook remind`: each person's to-dos as the GitHub issue that reminds
them, the same people and items as the dashboard and their pages; and
`--apply`, which opens, updates, assigns and closes those issues through a
`gh` of the test's own that keeps the issues in a file and logs each call."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from generator.cli import main
from generator.project.settings import read_settings
from generator.records.health import FINDINGS
from generator.records.load import load_catalog
from generator.reminders.issues import UPCOMING, UPCOMING_DAYS, reminders, site_of, text
from generator.site.pages.dashboard import dashboard_page
from generator.site.pages.records import person_page
from generator.words.problems import Problems

from .conftest import EXAMPLE_DATA, FIXTURE_EPOCH, ROOT, TODAY, copy_project

SITE = "https://example-org.github.io/wervingshandboek/"
EDIT = "https://github.com/example-org/wervingshandboek/edit/main/"
# Two of the example handbook's people get a GitHub account: Lotte Jansen,
# and the manager, Eva Smit; the other seven with something to do have none.
LOGINS = {"lotte-jansen": "lottejansen", "eva-smit": "eva-smit"}
# The command as the workflow runs it: in a process of its own, which finds `gh` on PATH.
HANDBOOK = Path(sys.executable).parent / "handbook"


def with_logins(project: Path, logins: dict[str, str]) -> Path:
    for person, login in logins.items():
        record = project / "data" / "people" / f"{person}.yml"
        record.write_text(record.read_text("utf-8") + f"github: {login}\n", "utf-8")
    return project


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    return with_logins(copy_project(tmp_path / "project", EXAMPLE_DATA), LOGINS)


def remind(project: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["remind", "--project", str(project), *args])


def as_json(project: Path, *args: str) -> list[dict]:
    result = remind(project, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


LOTTE_TITLE = "Handboek: 7 dingen voor Lotte Jansen"
LOTTE_BODY = f"""\
<!-- handbook-remind: lotte-jansen -->
Hallo Lotte Jansen,

Het handboek vraagt 7 dingen van je (stand van 1 november 2026), het belangrijkste eerst. Bij elk staat waarom, met een link naar de pagina en een om het record te bewerken.

Dezelfde lijst staat op je pagina in het handboek, zonder wat pas binnen 30 dagen aan de beurt is: [Lotte Jansen]({SITE}records/people/lotte-jansen/#to-do).

### Overdrachten die nog gemaakt moeten worden (1)

Het handboek noemt nog iemand die vertrok, terwijl jij het werk overnam: maak de overdracht met de opdracht op de regel (zonder --write zie je eerst wat er verandert), dan staat overal jouw naam.

- Persoon: [Joost Bakker]({SITE}records/people/joost-bakker/) — nog 1 keer genoemd als verantwoordelijke; maak de overdracht: handbook handover joost-bakker --to lotte-jansen · [bewerken]({EDIT}data/people/joost-bakker.yml)

### Achterstallige beoordelingen (3)

Lees de pagina na, werk bij wat niet meer klopt en zet een nieuwe datum.

- Account: [dijkstroom-werkplek]({SITE}records/accounts/flickr-werkplek/) — te beoordelen vóór 1 juni 2020 · [bewerken]({EDIT}data/accounts/flickr-werkplek.yml)
- Account: [Dijkstroom Stages]({SITE}records/accounts/facebook-stages/) — te beoordelen vóór 1 september 2022 · [bewerken]({EDIT}data/accounts/facebook-stages.yml)
- Les: [Elke regio een eigen kanaal leidt tot wildgroei; houd een accountregister bij]({SITE}records/lessons/accountwildgroei-2013/) — te beoordelen vóór 1 augustus 2024 · [bewerken]({EDIT}data/lessons/accountwildgroei-2013.yml)

### Slapende accounts (2)

Blaas het account nieuw leven in of archiveer het.

- Account: [Dijkstroom Stages]({SITE}records/accounts/facebook-stages/) — Facebook · [bewerken]({EDIT}data/accounts/facebook-stages.yml)
- Account: [dijkstroom-werkplek]({SITE}records/accounts/flickr-werkplek/) — Flickr · [bewerken]({EDIT}data/accounts/flickr-werkplek.yml)

### Lessen zonder aanbeveling (1)

Voeg toe wat de volgende campagne anders moet doen.

- Les: [Werkplekvideo's worden gedeeld; een vacaturetekst niet]({SITE}records/lessons/video-deelt-beter-dan-vacature-2013/) — 15 augustus 2013 · [bewerken]({EDIT}data/lessons/video-deelt-beter-dan-vacature-2013.yml)

---

Het handboek werkt deze issue elke week bij. Wat gedaan is, verdwijnt eruit zodra de wijziging in de hoofdtak staat; is er niets meer te doen, dan sluit de issue zichzelf. Klopt er iets niet? Reageer hieronder.
"""


def test_a_person_with_a_github_account_gets_their_own_issue_assigned_to_it(example: Path) -> None:
    result = remind(example)
    assert result.exit_code == 0, result.output
    # The dry run prints every issue as it would be posted: title, whom to assign, body.
    assert f"# {LOTTE_TITLE}\n\nToewijzen aan: @lottejansen\n\n{LOTTE_BODY}" in result.stdout
    lotte = next(issue for issue in as_json(example) if issue["person"] == "lotte-jansen")
    assert (lotte["title"], lotte["login"], lotte["marker"], lotte["body"]) == (
        LOTTE_TITLE, "lottejansen", "<!-- handbook-remind: lotte-jansen -->", LOTTE_BODY)


def test_everyone_without_an_account_is_in_one_issue_for_the_manager(example: Path) -> None:
    issues = as_json(example)
    assert [(issue["person"], issue["login"], issue["title"]) for issue in issues] == [
        ("eva-smit", "eva-smit", "Handboek: 27 dingen voor Eva Smit"),
        ("lotte-jansen", "lottejansen", LOTTE_TITLE),
        (None, "eva-smit", "Handboek: 16 dingen voor 7 mensen zonder GitHub-account"),
    ]
    manager = issues[-1]
    assert manager["marker"] == "<!-- handbook-remind: @manager -->"
    body = manager["body"]
    assert body.startswith(
        "<!-- handbook-remind: @manager -->\nHallo Eva Smit,\n\n7 mensen zonder GitHub-account hebben iets te doen "
        "(stand van 1 november 2026), dus hun herinneringen komen bij jou als manager. Geef ze door, of zet hun "
        "account in hun record (`github:` in `data/people/`): dan krijgen ze voortaan een eigen issue.\n\n"
        "## Noor Hendriks: 2 dingen\n\n"
        f"Dezelfde lijst staat op de pagina van [Noor Hendriks]({SITE}records/people/noor-hendriks/#to-do) "
        "in het handboek, zonder wat pas binnen 30 dagen aan de beurt is.\n\n### Leerdoelen van afgeronde campagnes die geen les beantwoordt (1)\n")
    # A section per person, in the dashboard's order; their items as in their own issue.
    headings = [line for line in body.splitlines() if line.startswith("## ")]
    people = {task["person"] for task in manager["items"]}
    assert len(headings) == len(people) == 7
    assert headings[:3] == ["## Noor Hendriks: 2 dingen", "## Mark Visser: 4 dingen", "## Sanne de Vries: 4 dingen"]
    assert {"eva-smit", "lotte-jansen"} & people == set()


def test_the_json_document_holds_each_issue_and_its_items(example: Path) -> None:
    issues = as_json(example)
    for issue in issues:
        assert sorted(issue) == ["body", "items", "login", "marker", "person", "title"]
        assert issue["marker"] in issue["body"].splitlines()[0]
        for item in issue["items"]:
            assert sorted(item) == ["edit", "finding", "id", "kind", "page", "parts", "path", "person", "severity",
                                    "title", "why"]
            assert item["finding"] in (*FINDINGS, UPCOMING)
            assert item["page"].startswith(SITE + "records/") and item["edit"] == EDIT + item["path"]
            assert (ROOT / "tests" / "fixtures" / "example" / item["path"].removeprefix("data/")).is_file()
    goal = next(item for item in issues[0]["items"] if item["finding"] == "unanswered-goals")
    assert goal["page"] == f"{SITE}records/campaigns/medewerker-werft-medewerker-2023/#goal-wie-brengt-aan"


@pytest.mark.parametrize(("handed_over", "people", "items"), [(False, 8, 49), (True, 8, 45)],
                         ids=["as-it-is", "after-a-handover"])
def test_reminders_give_the_same_people_the_same_items_as_the_dashboard_and_their_pages(
        example: Path, handed_over: bool, people: int, items: int) -> None:
    """Also once Thomas Mulder's knowledge went to Fatima El Amrani: his
    records are no longer the manager's to settle, and the handover's
    checklist is Fatima's, in one place and the other alike."""
    if handed_over:
        result = CliRunner().invoke(main, ["handover", "--project", str(example), "thomas-mulder", "--to",
                                           "fatima-el-amrani", "--write"])
        assert result.exit_code == 0, result.output
    problems = Problems()
    catalog = load_catalog(example, problems, TODAY)
    site = site_of(catalog, read_settings(example))
    found = {}
    for issue in reminders(site):
        for task in issue.tasks:
            if task.finding != UPCOMING:
                found.setdefault(task.person, []).append((task.finding, task.kind, task.id))
    # The dashboard's "who has what to do": each person, linked, and how many items.
    rows = dashboard_page(site, site.health).context["who"]
    dashboard = {str(row[0]): int(row[1]) for row in rows}
    assert dashboard == {f'<a href="../people/{person}/#to-do">{site.person_name(person)}</a>': len(items)
                         for person, items in found.items()}
    assert (len(dashboard), sum(dashboard.values())) == (people, items)
    for person, theirs in found.items():
        page = person_page(site, catalog.people[person]).context
        assert page["todo_count"] == len(theirs), person
        assert [(group["title"], group["rows"]["total"]) for group in page["todo"]] == [
            (site.L[f"finding_{name}"], sum(1 for finding, _, _ in theirs if finding == name))
            for name in dict.fromkeys(finding for finding, _, _ in theirs)], person
    assert (("open-handovers", "handover", "thomas-mulder") in found.get("fatima-el-amrani", [])) == handed_over


def test_reviews_due_within_thirty_days_are_announced_to_whom_an_overdue_one_would_go(example: Path) -> None:
    def upcoming() -> dict[str, tuple[str | None, str]]:
        return {item["id"]: (issue["person"], item["person"], item["why"]) for issue in as_json(example)
                for item in issue["items"] if item["finding"] == UPCOMING}

    # In the example, one account falls due on the thirtieth day: its owner
    # has no account, so the manager's issue holds it.
    assert upcoming() == {"twitter-webcare": (None, "ingrid-kok", "te beoordelen vóór 1 december 2026")}
    assert TODAY + timedelta(days=UPCOMING_DAYS) == date(2026, 12, 1)
    account = example / "data" / "accounts" / "linkedin-werken-bij.yml"  # reviewed every 12 months
    written = account.read_text("utf-8")
    account.write_text(written.replace("reviewed: 2026-04-10", "reviewed: 2025-12-02"), "utf-8")
    assert "linkedin-werken-bij" not in upcoming()  # the thirty-first day
    account.write_text(written.replace("reviewed: 2026-04-10", "reviewed: 2025-11-20"), "utf-8")
    assert upcoming()["linkedin-werken-bij"] == (None, "noor-hendriks", "te beoordelen vóór 20 november 2026")


def test_the_issues_speak_english_when_the_site_does(example: Path) -> None:
    lotte = next(issue for issue in as_json(example, "--language", "en") if issue["person"] == "lotte-jansen")
    assert lotte["title"] == "Handbook: 7 things for Lotte Jansen"
    assert lotte["body"].splitlines()[1:3] == ["Hello Lotte Jansen,", ""]
    assert "### Overdue reviews (3)" in lotte["body"]


def test_without_the_site_s_address_an_issue_names_the_page_s_path(example: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HANDBOOK_SITE_URL")
    lotte = next(issue for issue in as_json(example) if issue["person"] == "lotte-jansen")
    assert "- Account: dijkstroom-werkplek (`records/accounts/flickr-werkplek/`) — te beoordelen vóór 1 juni " \
           "2020 · [bewerken]" in lotte["body"]


def test_record_text_in_an_issue_is_inert() -> None:
    """A title cannot link, show an image, run HTML or notify someone."""
    assert text("[klik](javascript:alert(1)) ![x](y) <img src=x> @iedereen *nadruk* `code` a|b") == (
        "\\[klik\\](javascript:alert(1)) !\\[x\\](y) \\<img src=x\\> @&#8203;iedereen \\*nadruk\\* \\`code\\` a\\|b")
    assert text("een\nregel   en nog één") == "een regel en nog één"
    assert text("x" * 500).endswith("x…") and len(text("x" * 500)) == 200


GITHUB_WORDS = "a GitHub account: letters, digits and single hyphens between them, such as 'lottejansen'"


@pytest.mark.parametrize(("login", "message"), [
    ("-lotte", "'-lotte' is not valid for 'github'; write " + GITHUB_WORDS),
    ("lotte--jansen", "'lotte--jansen' is not valid for 'github'; write " + GITHUB_WORDS),
    ("l" * 40, "'github' is too long: at most 39 characters"),
])
def test_a_login_github_does_not_allow_is_a_located_error(example: Path, login: str, message: str) -> None:
    record = example / "data" / "people" / "lotte-jansen.yml"
    record.write_text(record.read_text("utf-8").replace("github: lottejansen", f"github: {login}"), "utf-8")
    line = record.read_text("utf-8").splitlines().index(f"github: {login}") + 1
    result = CliRunner().invoke(main, ["check", "--project", str(example), "--language", "en"],
                                env={"GITHUB_ACTIONS": None})
    assert result.exit_code == 1
    assert f"data/people/lotte-jansen.yml:{line}:9: error: {message}" in result.stdout.splitlines()


def test_the_github_account_is_published_nowhere(example: Path) -> None:
    result = CliRunner().invoke(main, ["generate", "--project", str(example)])
    assert result.exit_code == 0, result.output
    generated = example / "handbook" / "records"
    person = (generated / "people" / "lotte-jansen.md").read_text("utf-8")
    assert "Lotte Jansen" in person
    published = [path for path in generated.rglob("*") if path.is_file() and path.suffix in (".md", ".json")
                 and any(login in path.read_text("utf-8") for login in LOGINS.values() if login != "eva-smit")]
    assert published == []
    export = json.loads((generated / "records.json").read_text("utf-8"))
    people = [entry["record"] for entry in export["records"] if entry["kind"] == "person"]
    assert people and all("github" not in record for record in people)


def test_the_workflow_runs_weekly_and_on_demand_and_may_only_write_issues() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "remind.yml").read_text("utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"schedule", "workflow_dispatch"}
    assert workflow["permissions"] == {}
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    assert job["steps"][-1]["run"] == ".venv/bin/handbook remind --apply"


# --- on GitHub, through a gh of the test's own --------------------------------------

FAKE_GH = textwrap.dedent('''\
    #!{python}
    """A stand-in for GitHub's `gh`: the open and closed issues in issues.json,
    every call (its arguments and what it read) appended to calls.json."""
    import json, os, sys
    from pathlib import Path

    state = Path(os.environ["FAKE_GH_STATE"])
    issues = json.loads(state.read_text())
    args = sys.argv[1:]
    given = sys.stdin.read() if "-" in args else None
    log = state.with_name("calls.json")
    calls = json.loads(log.read_text()) if log.exists() else []
    calls.append({{"args": args, "stdin": given}})
    log.write_text(json.dumps(calls))

    def option(name):
        return args[args.index(name) + 1] if name in args else None

    if args[:2] == ["issue", "list"]:
        assert option("--state") == "open" and "number" in option("--json")
        print(json.dumps([issue for issue in issues if issue["state"] == "open"]))
    elif args[:2] == ["issue", "create"]:
        number = max([issue["number"] for issue in issues], default=0) + 1
        issues.append({{"number": number, "title": option("--title"), "body": given, "state": "open",
                       "assignees": []}})
        print(f"https://github.com/example-org/wervingshandboek/issues/{{number}}")
    elif args[:2] == ["issue", "edit"]:
        issue = next(issue for issue in issues if issue["number"] == int(args[2]))
        login = option("--add-assignee")
        if login is not None:
            if login in os.environ.get("FAKE_GH_UNKNOWN", "").split():
                sys.exit(f"could not assign user: '{{login}}' not found")
            issue["assignees"].append({{"login": login}})
        if option("--title") is not None:
            issue["title"], issue["body"] = option("--title"), given
    elif args[:2] == ["issue", "close"]:
        issue = next(issue for issue in issues if issue["number"] == int(args[2]))
        issue["state"], issue["comment"] = "closed", option("--comment")
    else:
        sys.exit(f"unknown command {{args}}")
    state.write_text(json.dumps(issues))
''')


class FakeGitHub:
    def __init__(self, folder: Path, issues: list[dict]) -> None:
        folder.mkdir()
        self.bin = folder / "bin"
        self.bin.mkdir()
        gh = self.bin / "gh"
        gh.write_text(FAKE_GH.format(python=sys.executable), "utf-8")
        gh.chmod(0o755)
        self.state = folder / "issues.json"
        self.state.write_text(json.dumps(issues), "utf-8")
        self.log = folder / "calls.json"

    @property
    def issues(self) -> dict[int, dict]:
        return {issue["number"]: issue for issue in json.loads(self.state.read_text("utf-8"))}

    def calls(self) -> list[list[str]]:
        """The calls since the last time they were read."""
        calls = json.loads(self.log.read_text("utf-8")) if self.log.exists() else []
        self.log.unlink(missing_ok=True)
        return [call["args"] for call in calls]

    def remind(self, project: Path, unknown: str = "") -> subprocess.CompletedProcess:
        env = {**os.environ, "PATH": f"{self.bin}{os.pathsep}{os.environ['PATH']}",
               "FAKE_GH_STATE": str(self.state), "FAKE_GH_UNKNOWN": unknown}
        return subprocess.run([str(HANDBOOK), "remind", "--apply", "-C", str(project)],
                              env=env, capture_output=True, text=True, timeout=120, check=False)


def issue(number: int, body: str, title: str = "Handboek: oud", assignees: tuple[str, ...] = ()) -> dict:
    return {"number": number, "title": title, "body": body, "state": "open",
            "assignees": [{"login": login} for login in assignees]}


def test_apply_opens_updates_assigns_and_closes_the_reminders(example: Path, tmp_path: Path) -> None:
    github = FakeGitHub(tmp_path / "github", [
        issue(1, "<!-- handbook-remind: lotte-jansen -->\nHallo Lotte,\n\nOude lijst.\n", assignees=("lottejansen",)),
        issue(2, "Een vraag van iemand over het handboek, zonder marker."),
        issue(3, "<!-- handbook-remind: bram-peters -->\nHallo Bram,\n"),  # no account now: his items go to the manager
        issue(4, "<!-- handbook-remind: lotte-jansen -->\nEen tweede.\n"),  # a duplicate, from a run that broke off
        # The marker must be a line of its own: quoted in someone's text it is no reminder.
        issue(5, "Zie `<!-- handbook-remind: noor-hendriks -->` in de vorige issue."),
    ])
    result = github.remind(example)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "#6 geopend (eva-smit)",
        "#6 toegewezen (eva-smit)",
        "#1 bijgewerkt (lotte-jansen)",
        "#4 gesloten (lotte-jansen)",
        "#7 geopend (@manager)",
        "#7 toegewezen (@manager)",
        "#3 gesloten (bram-peters)",
    ]
    issues = github.issues
    assert (issues[1]["title"], issues[1]["body"], issues[1]["state"]) == (LOTTE_TITLE, LOTTE_BODY, "open")
    assert issues[1]["assignees"] == [{"login": "lottejansen"}]  # already assigned: not again
    assert issues[3]["comment"] == "Niets meer te doen voor Bram Peters: het handboek sluit deze herinnering. Dank je wel!"
    assert issues[4]["comment"] == "Dubbel: deze herinnering staat in #1, dus het handboek sluit deze."
    assert (issues[2]["state"], issues[5]["state"]) == ("open", "open")
    assert issues[7]["title"] == "Handboek: 16 dingen voor 7 mensen zonder GitHub-account"
    assert issues[7]["assignees"] == [{"login": "eva-smit"}]
    calls = github.calls()
    assert calls[0] == ["issue", "list", "--state", "open", "--search", '"handbook-remind" in:body',
                        "--json", "number,title,body,assignees", "--limit", "1000"]
    assert ["issue", "close", "3", "--reason", "completed", "--comment", issues[3]["comment"]] in calls

    # The next week, nothing changed: nothing is edited, opened or closed.
    again = github.remind(example)
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines() == ["#6 ongewijzigd (eva-smit)", "#1 ongewijzigd (lotte-jansen)",
                                         "#7 ongewijzigd (@manager)"]
    assert [call[:2] for call in github.calls()] == [["issue", "list"]]

    # Lotte's account is taken out of her record: her issue closes, her items join the manager's.
    record = example / "data" / "people" / "lotte-jansen.yml"
    record.write_text(record.read_text("utf-8").replace("github: lottejansen\n", ""), "utf-8")
    third = github.remind(example)
    assert third.stdout.splitlines() == ["#6 ongewijzigd (eva-smit)", "#7 bijgewerkt (@manager)",
                                         "#1 gesloten (lotte-jansen)"]
    assert github.issues[7]["title"] == "Handboek: 23 dingen voor 8 mensen zonder GitHub-account"


def test_a_login_github_cannot_assign_still_gets_its_reminder(example: Path, tmp_path: Path) -> None:
    github = FakeGitHub(tmp_path / "github", [])
    result = github.remind(example, unknown="lottejansen")
    assert result.returncode == 1
    assert "#2 geopend (lotte-jansen)" in result.stdout.splitlines()
    assert result.stderr.splitlines() == [
        "remind: lotte-jansen: gh issue edit: could not assign user: 'lottejansen' not found"]
    assert github.issues[2]["body"] == LOTTE_BODY and github.issues[2]["assignees"] == []


def test_apply_without_gh_says_so(example: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PATH": str(tmp_path)}  # no gh anywhere
    result = subprocess.run([str(HANDBOOK), "remind", "--apply", "-C", str(example)],
                            env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1
    assert result.stderr.startswith("remind: gh: [Errno 2]"), result.stderr
