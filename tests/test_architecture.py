"""The shape of the generator: imports flow one way (that every language
has every label is test_catalogs.py)."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(project / ".importlinter"), "--no-cache"],
        cwd=project, capture_output=True, text=True, env={"PYTHONPATH": str(project), "PATH": "/usr/bin:/bin"},
    )


def _contracts() -> dict[str, configparser.SectionProxy]:
    config = configparser.ConfigParser()
    config.read(ROOT / ".importlinter", encoding="utf-8")
    prefix = "importlinter:contract:"
    return {name[len(prefix):]: config[name] for name in config.sections() if name.startswith(prefix)}


def _layer_modules(contract: configparser.SectionProxy) -> set[str]:
    return {name.strip() for line in contract["layers"].split("\n") for name in line.split("|") if name.strip()}


def test_the_layering_contracts_hold() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Contracts: {len(_contracts())} kept, 0 broken." in result.stdout


def test_every_part_of_the_generator_is_in_its_contract() -> None:
    """A module or a subpackage left out of its contract could import
    anything: each one is named in the contract of the package that holds it."""
    contracts = _contracts()
    named = {contract.get("containers", "generator").strip(): _layer_modules(contract)
             for contract in contracts.values()}
    missing = []
    for package, layers in named.items():
        folder = ROOT / package.replace(".", "/")
        parts = {path.stem for path in folder.glob("*.py") if path.stem != "__init__"}
        parts |= {path.parent.name for path in folder.glob("*/__init__.py")}
        prefix = "generator." if package == "generator" else ""
        missing += [f"{package}.{part}" for part in sorted(parts) if prefix + part not in layers]
    assert missing == [], ("name each in the layers of its package's contract in .importlinter "
                           "(a page provider in site/pages/ also in PROVIDERS, site/pages/__init__.py)")
    # and every subpackage has a contract of its own
    packages = {".".join(path.parent.relative_to(ROOT).parts) for path in (ROOT / "generator").rglob("__init__.py")}
    assert sorted(packages - set(named)) == []


def test_every_page_provider_is_planned() -> None:
    """A provider in the contract but not in PROVIDERS would make no page."""
    from generator.site import pages

    providers = _layer_modules(_contracts()["providers"]) - {"shared", "findings"}
    planned = {provider.__module__.rsplit(".", 1)[1] for provider in pages.PROVIDERS}
    assert {"in the contract, not in PROVIDERS": sorted(providers - planned),
            "in PROVIDERS, not in the contract": sorted(planned - providers)} == {
        "in the contract, not in PROVIDERS": [], "in PROVIDERS, not in the contract": []}


def test_an_import_against_the_flow_breaks_the_contract(tmp_path: Path) -> None:
    # The models importing the pages would make a cycle: the contract must say so.
    shutil.copytree(ROOT / "generator", tmp_path / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / ".importlinter", tmp_path / ".importlinter")
    models = tmp_path / "generator" / "records" / "models.py"
    models.write_text(models.read_text("utf-8") + "\nfrom ..site import pages  # noqa\n", "utf-8")
    result = _lint(tmp_path)
    assert result.returncode == 1
    assert "generator.records is not allowed to import generator.site:\n\n- generator.records.models -> generator.site.pages" in result.stdout
