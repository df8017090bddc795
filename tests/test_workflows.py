"""The GitHub Actions workflows pass a static security review: zizmor finds
nothing in them, each is a valid workflow by GitHub's schema, every action is
pinned to a commit with its version beside it, and every shell step passes
shellcheck without `${{ }}` expressions in it. Dependabot's configuration,
which keeps those pins current, is valid and zizmor finds nothing in it.

zizmor, the schema and shellcheck also see something deliberately wrong
once each, so that a check that passes everything would be noticed."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS_DIR = ROOT / ".github" / "workflows"
WORKFLOWS = sorted([*WORKFLOWS_DIR.glob("*.yml"), *WORKFLOWS_DIR.glob("*.yaml")])
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
# The tools of the virtual environment this test runs in (not resolved: the
# venv's python is a link to the system's).
BIN = Path(sys.executable).parent
ZIZMOR = BIN / "zizmor"
CHECK_JSONSCHEMA = BIN / "check-jsonschema"
SHELLCHECK = shutil.which("shellcheck")

# zizmor exits 0 without findings and 10-14 with findings (by their highest
# severity); anything else means it could not audit.
ZIZMOR_FINDINGS_EXITS = {0, 10, 11, 12, 13, 14}

# `uses: owner/repo[/path]@<40 hex> # v1.2.3`: the commit is what runs, the
# comment is the version Dependabot reads and rewrites together with it.
PINNED_USES = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"#\s*v\d+(\.\d+)*\s*$")

UNSAFE_WORKFLOW = """\
name: unsafe
on:
  pull_request:
permissions:
  contents: read
jobs:
  build:
    name: Build
    runs-on: ubuntu-latest
    steps:
      - name: Check out
        uses: actions/checkout@v4
      - name: Greet
        run: echo "${{ github.event.pull_request.title }}"
"""


def zizmor(path: Path) -> list[dict]:
    """zizmor's findings on `path`, offline and with its default settings
    (no configuration file is read, so none can silence an audit)."""
    result = subprocess.run(
        [str(ZIZMOR), "--offline", "--no-config", "--format", "json", str(path)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode in ZIZMOR_FINDINGS_EXITS, (
        f"zizmor could not audit {path} (exit {result.returncode}):\n{result.stderr}")
    return json.loads(result.stdout)


def describe(finding: dict) -> str:
    """One finding as `file:line:column: audit (severity): what`, one line per location."""
    severity = finding["determinations"]["severity"]
    lines = []
    for location in finding["locations"]:
        key = location["symbolic"]["key"]
        path = key.get("Local", {}).get("verbatim_path", str(key))
        start = location["concrete"]["location"]["start_point"]
        annotation = location["symbolic"].get("annotation") or finding["desc"]
        lines.append(f"{path}:{start['row'] + 1}:{start['column'] + 1}: "
                     f"{finding['ident']} ({severity}): {annotation} - {finding['url']}")
    return "\n".join(lines) or f"{finding['ident']} ({severity}): {finding['desc']}"


def check_schema(schema: str, path: Path) -> subprocess.CompletedProcess:
    """check-jsonschema with one of the schemas it carries (no download)."""
    return subprocess.run([str(CHECK_JSONSCHEMA), "--builtin-schema", schema, str(path)],
                          capture_output=True, text=True, timeout=120)


def require_shellcheck() -> str:
    """shellcheck's path; without it the shell tests fail, on every machine,
    saying how to install it (a skipped test would guard nothing)."""
    if SHELLCHECK is None:
        pytest.fail("shellcheck (Debian's shellcheck package) is missing: `apt-get install shellcheck`, "
                    "or run `bash .ci/run`, which installs it")
    return SHELLCHECK


def shellcheck(script: str, path: Path, shell: str = "bash") -> subprocess.CompletedProcess:
    path.write_text(f"#!/usr/bin/env {shell}\n" + script, encoding="utf-8")
    return subprocess.run([require_shellcheck(), "-s", shell, str(path)],
                          capture_output=True, text=True, timeout=60)


def run_steps(workflow: Path) -> list[tuple[str, dict, str]]:
    """Every `run:` step of a workflow: (where it is, the step, its shell)."""
    document = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    default_shell = ((document.get("defaults") or {}).get("run") or {}).get("shell", "bash")
    steps = []
    for job_id, job in (document.get("jobs") or {}).items():
        job_shell = ((job.get("defaults") or {}).get("run") or {}).get("shell", default_shell)
        for number, step in enumerate(job.get("steps") or [], start=1):
            if "run" in step:
                name = f"job {job_id}, step {step.get('name') or step.get('id') or number}"
                steps.append((name, step, step.get("shell", job_shell)))
    return steps


def test_there_are_workflows_to_review() -> None:
    assert {path.name for path in WORKFLOWS} >= {"check.yml", "publish.yml"}


def test_zizmor_finds_nothing_in_the_workflows() -> None:
    findings = zizmor(WORKFLOWS_DIR)
    assert not findings, "zizmor's findings in .github/workflows:\n" + "\n".join(map(describe, findings))


def test_zizmor_finds_what_an_unsafe_workflow_does_wrong(tmp_path: Path) -> None:
    workflow = tmp_path / "unsafe.yml"
    workflow.write_text(UNSAFE_WORKFLOW, encoding="utf-8")
    findings = zizmor(workflow)
    # The checkout leaves its token on disk, it runs whatever v4 points to
    # today, and a pull request's title is pasted into a shell script.
    assert sorted(finding["ident"] for finding in findings) == [
        "artipacked", "template-injection", "unpinned-uses"], "\n".join(map(describe, findings))


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_workflow_matches_githubs_schema(workflow: Path) -> None:
    result = check_schema("vendor.github-workflows", workflow)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_rejects_a_broken_workflow(tmp_path: Path) -> None:
    workflow = tmp_path / "broken.yml"
    # `step:` for `steps:`: GitHub would refuse the workflow.
    workflow.write_text(UNSAFE_WORKFLOW.replace("    steps:", "    step:"), encoding="utf-8")
    result = check_schema("vendor.github-workflows", workflow)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "step" in result.stdout


def test_dependabot_keeps_the_actions_current_and_is_reviewed_too() -> None:
    result = check_schema("vendor.dependabot", DEPENDABOT)
    assert result.returncode == 0, result.stdout + result.stderr
    ecosystems = {update["package-ecosystem"]: update
                  for update in yaml.safe_load(DEPENDABOT.read_text(encoding="utf-8"))["updates"]}
    assert ecosystems["github-actions"]["directory"] == "/"  # reads .github/workflows
    # zizmor asks for a cooldown, so that a release is not taken on its first day.
    findings = zizmor(DEPENDABOT)
    assert not findings, "zizmor's findings in .github/dependabot.yml:\n" + "\n".join(map(describe, findings))


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(workflow: Path) -> None:
    unpinned = []
    for number, line in enumerate(workflow.read_text(encoding="utf-8").splitlines(), start=1):
        match = re.match(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", line)
        if match is None or match.group(1).startswith(("./", "docker://")):
            continue
        if not (PINNED_USES.match(match.group(1)) and VERSION_COMMENT.search(match.group(2))):
            unpinned.append(f"{workflow.name}:{number}: {line.strip()}")
    assert not unpinned, "not `uses: owner/repo@<commit> # vX.Y.Z`:\n" + "\n".join(unpinned)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_shell_steps_hold_no_expressions(workflow: Path) -> None:
    # An expression in a script is pasted in before the shell reads it: a
    # value with quotes or `$(...)` in it becomes code. Pass values through
    # the step's `env:` and read them as shell variables.
    offending = [name for name, step, _ in run_steps(workflow) if "${{" in str(step["run"])]
    assert not offending, f"{workflow.name}: `${{{{ }}}}` in the script of " + ", ".join(offending)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_shell_steps_pass_shellcheck(workflow: Path, tmp_path: Path) -> None:
    problems = []
    for index, (name, step, shell) in enumerate(run_steps(workflow)):
        # A step in another language (`shell: python`) is not a shell script.
        dialect = shell.split()[0]
        if dialect not in ("bash", "sh"):
            continue
        result = shellcheck(str(step["run"]), tmp_path / f"step-{index}.sh", dialect)
        if result.returncode != 0:
            problems.append(f"{workflow.name}, {name}:\n{result.stdout}{result.stderr}")
    assert not problems, "\n".join(problems)


def test_the_ci_entry_point_passes_shellcheck() -> None:
    result = subprocess.run([require_shellcheck(), str(ROOT / ".ci" / "run")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_shellcheck_finds_an_unquoted_variable(tmp_path: Path) -> None:
    result = shellcheck('rm -rf $1/site\n', tmp_path / "unsafe.sh")
    assert result.returncode == 1
    assert "SC2086" in result.stdout
