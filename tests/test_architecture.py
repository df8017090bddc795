"""The shape of the generator: imports flow one way, and the two languages
have the same labels."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from generator.i18n import LABELS, LANGUAGES

from .conftest import ROOT

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(project / ".importlinter"), "--no-cache"],
        cwd=project, capture_output=True, text=True, env={"PYTHONPATH": str(project), "PATH": "/usr/bin:/bin"},
    )


def test_the_layering_contract_holds() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_an_import_against_the_flow_breaks_the_contract(tmp_path: Path) -> None:
    # The models importing the pages would make a cycle: the contract must say so.
    shutil.copytree(ROOT / "generator", tmp_path / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / ".importlinter", tmp_path / ".importlinter")
    models = tmp_path / "generator" / "models.py"
    models.write_text(models.read_text("utf-8") + "\nfrom . import pages  # noqa\n", "utf-8")
    result = _lint(tmp_path)
    assert result.returncode == 1
    assert "generator.models is not allowed to import generator.pages" in result.stdout


def test_both_languages_have_the_same_labels() -> None:
    keys = {language: set(LABELS[language]) for language in LANGUAGES}
    missing = {language: sorted(set().union(*keys.values()) - have) for language, have in keys.items()}
    assert missing == {language: [] for language in LANGUAGES}
    empty = [(language, key) for language in LANGUAGES for key, text in LABELS[language].items() if not text.strip()]
    assert empty == []
