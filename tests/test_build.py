"""`handbook build` and `generate`: the same warnings as `check`, settings
as MkDocs reads them, one writer at a time."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import write
from generator.build import BuildFailed, generate_pages
from generator.cli import main

from .helpers import edit

HYVES_CAMPAIGN = "data/campaigns/hyves-stage-2010.md"
WARNING = "data/campaigns/hyves-stage-2010.md:12:13: warning: Hyves closed on 2013-12-02, while this campaign still ran"


def _run(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, list(args), env={"GITHUB_ACTIONS": "true"})
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
    assert _run("build", "--project", str(project)) == (0, expected)
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
