"""`handbook build` and `generate`: the same warnings as `check`, settings
as MkDocs reads them, one writer at a time."""

from __future__ import annotations

import re

import fcntl
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.project import write
from generator.build import BuildFailed, generate_pages
from generator.cli import main
from generator.words.catalogs import LANGUAGES

from .helpers import edit, in_english

HYVES_CAMPAIGN = "data/campaigns/hyves-stage-2010.md"
WARNING = "data/campaigns/hyves-stage-2010.md:12:13: warning: Hyves closed on 2013-12-02, while this campaign still ran"


def _run(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, in_english(list(args)), env={"GITHUB_ACTIONS": "true"})
    return result.exit_code, result.stdout.splitlines()


@pytest.mark.slow
def test_build_and_generate_print_the_warnings_check_prints(project: Path) -> None:
    for name, text in edit(HYVES_CAMPAIGN, "  end: 2010-06-30", "  end: 2014-01-31").items():
        (project / name).write_text(text, "utf-8")
    expected = [
        WARNING,
        "::warning file=data/campaigns/hyves-stage-2010.md,line=12,col=13::"
        "Hyves closed on 2013-12-02, while this campaign still ran",
        "0 error(s), 1 warning(s)",
    ]
    assert _run("check", "--project", str(project)) == (0, expected)
    assert _run("generate", "--project", str(project)) == (0, expected)
    code, lines = _run("build", "--project", str(project))
    assert (code, lines[:-1]) == (0, expected)
    assert re.fullmatch(r"site built in site/ \(\d+ pages made from the records, search index, safety audit\)", lines[-1])
    assert (project / "site" / "index.html").is_file()


def test_settings_come_from_mkdocs_own_loader_with_inherit_and_env(project: Path, monkeypatch) -> None:
    (project / "mkdocs.yml").rename(project / "base.yml")
    (project / "mkdocs.yml").write_text(
        "INHERIT: base.yml\n"
        "extra:\n"
        "  handbook:\n"
        "    source_url: !ENV [HANDBOOK_EDIT_URL, 'https://voorbeeld.invalid/edit/main']\n",
        "utf-8",
    )
    monkeypatch.setenv("HANDBOOK_EDIT_URL", "https://git.intern.invalid/werving/edit/main")
    generate_pages(project)
    page = (project / "handbook" / "records" / "lessons" / "weer-gezonden.md").read_text("utf-8")
    assert 'href="https://git.intern.invalid/werving/edit/main/data/lessons/weer-gezonden.yml"' in page
    assert "# Opnieuw alleen gezonden" in page
    assert "Laatst beoordeeld" in page


def test_a_broken_mkdocs_yml_is_one_clear_message(project: Path) -> None:
    (project / "mkdocs.yml").write_text("site_name: [unclosed\n", "utf-8")
    with pytest.raises(BuildFailed, match=r"^mkdocs.yml: "):
        generate_pages(project)
    code, lines = _run("generate", "--project", str(project))
    assert code == 1 and not any("Traceback" in line for line in lines)


def test_a_second_writer_waits_and_then_gives_up_clearly(project: Path, monkeypatch) -> None:
    generate_pages(project)
    monkeypatch.setattr(write, "LOCK_WAIT_SECONDS", 0.3)
    holder = os.open(project / "handbook" / "records" / write.LOCK, os.O_RDWR)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)
        with pytest.raises(BuildFailed, match="another handbook command is writing .*; wait for it to finish"):
            generate_pages(project)
    finally:
        os.close(holder)
    assert generate_pages(project).changed == 0  # free again


def test_the_lock_is_released_after_a_failed_generation(project: Path, monkeypatch) -> None:
    monkeypatch.setattr(write, "LOCK_WAIT_SECONDS", 0.3)
    generate_pages(project)
    stranger = project / "handbook" / "records" / "lessons" / "hand-written.md"
    stranger.write_text("# mine\n", "utf-8")
    (project / "data" / "lessons" / "hand-written.yml").write_text(
        (project / "data" / "lessons" / "weer-gezonden.yml").read_text("utf-8").replace("recurs: luister-eerst\n", ""),
        "utf-8",
    )
    with pytest.raises(BuildFailed, match="exists and was not written by the generator"):
        generate_pages(project)
    stranger.unlink()
    assert generate_pages(project).changed > 0


@pytest.mark.parametrize("where", [".", "data", "handbook", "data/lessons", ".."])
def test_the_site_is_never_built_over_the_project(project: Path, where: str) -> None:
    before = sorted(p.relative_to(project.parent).as_posix() for p in project.rglob("*"))
    result = CliRunner().invoke(main, in_english(["build", "--project", str(project), "--site-dir", str(project / where)]))
    assert result.exit_code == 1
    assert result.output.startswith(f"build failed: the site cannot be built into {(project / where).resolve()}: "
                                    "that would replace or mix with ")
    assert sorted(p.relative_to(project.parent).as_posix() for p in project.rglob("*")) == before


def test_a_folder_the_handbook_did_not_build_is_left_alone(project: Path) -> None:
    other = project / "publiek"
    other.mkdir()
    (other / "notities.txt").write_text("van mij\n", "utf-8")
    result = CliRunner().invoke(main, ["build", "--project", str(project), "--site-dir", str(other)])
    assert result.exit_code == 1
    assert f"{other} holds files the handbook did not build; it is left as it is" in result.output
    assert (other / "notities.txt").read_text("utf-8") == "van mij\n"


@pytest.mark.slow
def test_site_dir_and_relative_paths_of_mkdocs_yml_hold_in_both_languages(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("site_dir: site", "site_dir: publiek")
                      + "hooks:\n  - hooks.py\n", "utf-8")
    (project / "hooks.py").write_text("def on_config(config):\n    return config\n", "utf-8")
    assert _run("build", "--project", str(project))[0] == 0
    assert (project / "publiek" / "index.html").is_file() and not (project / "site").exists()
    assert _run("build", "--project", str(project), "--language", "en", "--site-dir", str(project / "en"))[0] == 0
    assert '<html lang="en"' in (project / "en" / "index.html").read_text("utf-8")


@pytest.mark.slow
def test_two_builds_at_once_in_two_languages_each_get_their_own(project: Path) -> None:
    import subprocess
    import sys

    from .conftest import FIXTURE_EPOCH, ROOT

    env = {**os.environ, "SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "generator", "build", "--project", str(project)]
    dutch = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    english = subprocess.Popen(command + ["--language", "en", "--site-dir", str(project / "en")], env=env,
                               stdout=subprocess.DEVNULL)
    assert (dutch.wait(), english.wait()) == (0, 0)
    nl = (project / "site" / "records" / "dashboard" / "index.html").read_text("utf-8")
    en = (project / "en" / "records" / "dashboard" / "index.html").read_text("utf-8")
    assert '<html lang="nl"' in nl and "Kennisgezondheid" in nl and "Knowledge health" not in nl
    assert '<html lang="en"' in en and "Knowledge health" in en and "Kennisgezondheid" not in en


def test_an_empty_language_setting_is_one_clear_message(project: Path, monkeypatch) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  language: nl", "  language: !ENV HANDBOOK_LANGUAGE"),
                      "utf-8")
    monkeypatch.delenv("HANDBOOK_LANGUAGE", raising=False)
    result = CliRunner().invoke(main, in_english(["generate", "--project", str(project)]))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"generation failed: theme.language in mkdocs.yml is empty; set it to one of: {', '.join(LANGUAGES)}"]


def test_a_dollar_sign_in_a_chart_label_is_text(project: Path) -> None:
    taxonomy = project / "data" / "taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text("utf-8").replace("name: Hyves", "name: 'Hyves $$ premium $_$'", 1),
                        "utf-8")
    generate_pages(project)
    chart = (project / "handbook" / "records" / "charts" / "platforms.svg").read_text("utf-8")
    assert "Hyves $$ premium $_$" in chart


def test_check_reports_a_symbolic_link_in_the_docs_folder(project: Path) -> None:
    (project / "handbook" / "geheim.md").symlink_to("/etc/hostname")
    result = CliRunner().invoke(main, in_english(["check", "--project", str(project)]), env={"GITHUB_ACTIONS": None})
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == \
        "handbook/geheim.md:1:1: error: this is a symbolic link; the handbook publishes real files only"


def _failed_build(project: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, in_english(["build", "--project", str(project)]), env={"GITHUB_ACTIONS": None})
    return result.exit_code, result.stderr.splitlines()


def _leftovers(project: Path) -> list[str]:
    """Folders a build works in beside the site (`write.fresh_folder`), and
    any other folder whose name starts with the site's."""
    return sorted(p.name for p in project.iterdir() if p.name.lstrip(".").startswith("site") and p.name != "site")


@pytest.mark.slow
def test_a_failed_search_index_keeps_the_last_good_site_and_leaves_nothing_behind(built_project: Path,
                                                                                  monkeypatch) -> None:
    project = built_project  # the last good site
    before = (project / "site" / "index.html").read_bytes()
    monkeypatch.setenv("PAGEFIND_GLOB", "[")  # Pagefind's own setting: it finds no page, and fails
    code, lines = _failed_build(project)
    assert code == 1
    assert lines[-1].startswith("build failed: the search index could not be made (pagefind: ")
    assert lines[-1].endswith("; the previous site is left as it was")
    assert (project / "site" / "index.html").read_bytes() == before
    assert _leftovers(project) == []


@pytest.mark.slow
def test_a_handbook_folder_with_the_search_index_s_name_is_one_clear_message(project: Path) -> None:
    (project / "handbook" / "pagefind").mkdir()
    (project / "handbook" / "pagefind" / "eigen.md").write_text("# Eigen\n\nTekst.\n", "utf-8")
    code, lines = _failed_build(project)
    assert (code, lines[-1]) == (1, "build failed: the handbook has a folder 'pagefind/' of its own; that name is "
                                    "the search index's: rename the folder; the previous site is left as it was")
    assert not (project / "site").exists() and _leftovers(project) == []


def _gone(paths: list[Path], within: float = 30.0) -> bool:
    """Whether every path is gone within `within` seconds (removed by a
    process the build does not wait for)."""
    import time

    deadline = time.monotonic() + within
    while any(os.path.lexists(path) for path in paths):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@pytest.mark.slow
def test_the_replaced_site_is_removed_after_the_build_and_so_is_what_a_stopped_removal_left(
        built_project: Path) -> None:
    project = built_project  # the site the build replaces
    first = (project / "site" / write.SITE_MARKER).stat().st_ino
    # What a removal stopped halfway leaves, and what is not garbage at all.
    left = project / f".site-stopped{write.DISCARDED}"
    (left / "records").mkdir(parents=True)
    (left / "records" / "index.html").write_text("oud", "utf-8")
    kept = [project / ".site-mine", project / f"site{write.DISCARDED}", project / f".other-x{write.DISCARDED}"]
    for folder in kept:
        folder.mkdir()
        (folder / "a.txt").write_text("blijft", "utf-8")
    assert _run("build", "--project", str(project))[0] == 0
    assert (project / "site" / write.SITE_MARKER).stat().st_ino != first  # a new site in place
    assert (project / "site" / "index.html").is_file()
    assert _gone([left])
    assert _gone([p for p in project.iterdir() if p.name.startswith(".site-") and p not in kept])
    assert all((folder / "a.txt").read_text("utf-8") == "blijft" for folder in kept)


def test_a_folder_whose_removal_is_stopped_is_left_as_garbage_the_next_build_removes(tmp_path: Path) -> None:
    """Ctrl-C while a build removes its half-built site: what is left is
    named as garbage (`.discarded`), which the next build removes, never a
    folder that looks like a build still at work."""
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / ".site-abc"
    for number in range(200):
        (folder / str(number)).mkdir(parents=True)
        for name in range(100):
            (folder / str(number) / f"{name}.html").write_text("x", "utf-8")
    script = ("import sys, pathlib\nfrom generator.project.write import discard\nprint('begun', flush=True)\n"
              "try:\n    discard(pathlib.Path(sys.argv[1]))\nexcept KeyboardInterrupt:\n    sys.exit(130)\n")
    process = subprocess.Popen([sys.executable, "-c", script, str(folder)], cwd=Path(__file__).parents[1],
                               stdout=subprocess.PIPE)
    assert process.stdout.readline() == b"begun\n"
    time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=60) == 130  # stopped halfway through the removal
    assert not folder.exists()
    left = folder.with_name(folder.name + write.DISCARDED)
    assert left.is_dir() and len(list(left.iterdir())) < 200
    write.discard_leftovers(tmp_path / "site")
    assert _gone([left])


def test_leaving_flushes_what_was_printed_and_runs_the_exit_handlers(tmp_path: Path) -> None:
    """The command ends with os._exit (a build's objects are not taken
    apart one by one): everything printed still arrives, exit handlers run."""
    import subprocess
    import sys

    marker = tmp_path / "handler-ran"
    script = (
        "import atexit, sys, pathlib\n"
        "from generator.cli import leave\n"
        f"atexit.register(pathlib.Path({str(marker)!r}).write_text, 'ja')\n"
        "sys.stdout.write('r' * 200000)\n"
        "sys.stderr.write('fout\\n')\n"
        "leave(3)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, cwd=Path(__file__).parents[1])
    assert (result.returncode, len(result.stdout), result.stderr) == (3, 200000, b"fout\n")
    assert marker.read_text("utf-8") == "ja"


@pytest.mark.slow
@pytest.mark.parametrize(("moment", "stop"), [("engine", "term"), ("search", "term"), ("engine", "ctrl-c")])
def test_a_stopped_build_cleans_up_after_itself(built_project: Path, moment: str, stop: str) -> None:
    """A process manager stops a build (SIGTERM to the command only), or a
    reader presses Ctrl-C (SIGINT to every process of the terminal): the
    half-built site is removed, the engine and the indexer stop, nothing
    prints a traceback, and the previous site stays as it was."""
    import signal
    import subprocess
    import sys
    import time

    project = built_project  # the previous site
    before = (project / "site" / "index.html").read_bytes()
    command = [sys.executable, "-m", "generator", "build", "--project", str(project)]
    process = subprocess.Popen(command, cwd=Path(__file__).parents[1], stderr=subprocess.PIPE, start_new_session=True)
    # The moment: the engine has begun (a fresh folder), or the indexer has (a second one).
    wanted = 1 if moment == "engine" else 2
    deadline = time.monotonic() + 60
    while len([p for p in project.iterdir() if p.name.startswith(".site-")]) < wanted:
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.01)
    if stop == "term":
        process.send_signal(signal.SIGTERM)
    else:
        os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == (143 if stop == "term" else 130), stderr  # as a shell reports the signal
    assert b"Traceback" not in stderr
    assert _leftovers(project) == []
    assert (project / "site" / "index.html").read_bytes() == before
    alive = subprocess.run(["pgrep", "-f", "--", f"--site {project}"], capture_output=True).stdout
    shown = subprocess.run(["ps", "-o", "pid,ppid,stat,etime,args", "-p", alive.decode().strip() or "1"],
                           capture_output=True).stdout
    assert alive == b"", shown  # no indexer left running on the half-built site


@pytest.mark.parametrize(("environment", "address"), [
    ({}, None),  # not in GitHub Actions
    ({"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "hr/handboek", "GITHUB_REF": "refs/heads/main",
      "GITHUB_REF_NAME": "main"}, "https://github.com/hr/handboek/edit/main"),
    # A pull request's build links to the branch it goes into.
    ({"GITHUB_SERVER_URL": "https://git.example.nl", "GITHUB_REPOSITORY": "hr/handboek",
      "GITHUB_REF": "refs/pull/12/merge", "GITHUB_REF_NAME": "12/merge", "GITHUB_BASE_REF": "productie"},
     "https://git.example.nl/hr/handboek/edit/productie"),
    # A variable is no way to put another address or markup into the pages.
    ({"GITHUB_SERVER_URL": "javascript:alert(1)//", "GITHUB_REPOSITORY": "hr/handboek"}, None),
    ({"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": 'hr/h"><script>'}, None),
    ({"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "hr/handboek", "GITHUB_REF": "refs/heads/a b",
      "GITHUB_REF_NAME": "a b"}, None),
])
def test_the_repository_address_comes_from_github_actions(environment: dict[str, str], address: str | None) -> None:
    from generator.project.settings import source_from_environment

    assert source_from_environment(environment) == address


@pytest.mark.parametrize(("address", "found"), [
    ("", None),  # not built by the publishing workflow
    ("https://example-org.github.io/wervingshandboek/", "https://example-org.github.io/wervingshandboek/"),
    ("https://wervingshandboek.intern.example.nl", "https://wervingshandboek.intern.example.nl/"),
    # A variable is no way to put another kind of address or markup into the feed.
    ("http://example.nl/", None),
    ("javascript:alert(1)//", None),
    ('https://example.nl/"><script>', None),
])
def test_the_site_address_comes_from_the_publishing_workflow(address: str, found: str | None) -> None:
    from generator.project.settings import site_from_environment

    assert site_from_environment({"HANDBOOK_SITE_URL": address}) == found


@pytest.mark.slow
def test_a_build_that_knows_no_repository_says_so_once_and_links_to_none(project: Path, monkeypatch) -> None:
    """No published link leads to a placeholder: outside GitHub Actions and
    without an address in mkdocs.yml the edit links and the link to write a
    lesson in the browser are left out, and the build says why, once."""
    for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_REF", "GITHUB_REF_NAME", "GITHUB_BASE_REF",
                 "HANDBOOK_SITE_URL"):
        monkeypatch.delenv(name, raising=False)
    assert "example-org" not in (project / "mkdocs.yml").read_text("utf-8").replace("# source_url", "")
    code, lines = _run("build", "--project", str(project))
    assert code == 0
    said = [line for line in lines if "does not know where the repository is" in line]
    extra = next(n for n, line in enumerate((project / "mkdocs.yml").read_text("utf-8").splitlines(), 1)
                 if line.startswith("extra:"))
    assert said == [
        f'mkdocs.yml:{extra}:1: warning: the site does not know where the repository is: "Edit this record" and "Write a '
        'new lesson in the browser" are left out; set extra.handbook.source_url in mkdocs.yml, or build in GitHub '
        'Actions', said[1]]
    # Nor where it is published: the feed's links stay relative, and it says so once, where site_url would be.
    address = next(n for n, line in enumerate((project / "mkdocs.yml").read_text("utf-8").splitlines(), 1)
                   if line.startswith("# site_url:"))
    warning = ("the site does not know its own address: the feed links its lessons without a full address, which a "
               "feed reader cannot open; set site_url in mkdocs.yml, or publish with the publish workflow")
    assert [line for line in lines if "does not know its own address" in line] == [
        f"mkdocs.yml:{address}:1: warning: {warning}", f"::warning file=mkdocs.yml,line={address},col=1::{warning}"]
    pages = [path.read_text("utf-8") for path in (project / "site").rglob("*.html")]
    assert not any("github.com" in page or "/edit/" in page for page in pages)
    # Named in mkdocs.yml, the address is used, wherever the site is built.
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "    # source_url: https://github.com/<organisation>/<repository>/edit/main",
        "    source_url: https://git.example.nl/hr/handboek/edit/main"), "utf-8")
    code, lines = _run("build", "--project", str(project))
    assert code == 0 and not any("does not know where the repository is" in line for line in lines)
    lesson = (project / "site" / "records" / "lessons" / "weer-gezonden" / "index.html").read_text("utf-8")
    assert 'href="https://git.example.nl/hr/handboek/edit/main/data/lessons/weer-gezonden.yml"' in lesson
