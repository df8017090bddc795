"""Shared fixtures: a handbook project in a temporary folder, built for real."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
# A frozen copy of the example handbook (data/ as it was when these tests
# were written): tests that need a full handbook read this, so editing the
# handbook's own records never breaks a test.
EXAMPLE_DATA = ROOT / "tests" / "fixtures" / "example"
# The fixture's "today": 2026-11-01, so review dates give the same verdicts on every run.
FIXTURE_EPOCH = "1793491200"
TODAY = date(2026, 11, 1)


@pytest.fixture(autouse=True)
def english_messages() -> Iterator[None]:
    """Messages in English unless a test asks for Dutch (`speaking("nl")`, or
    a command run without --language on a Dutch project): most tests read the
    English texts, and none depends on what an earlier test set."""
    from generator.words.messages import speaking

    with speaking("en"):
        yield


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden from the fixture data")


def copy_project(target: Path, data: Path = FIXTURE_DATA) -> Path:
    """The project's own mkdocs.yml, hand-written pages and theme overrides,
    with the given data folder: what a real checkout has."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "handbook", target / "handbook", ignore=shutil.ignore_patterns("records"))
    shutil.copytree(ROOT / "overrides", target / "overrides")
    shutil.copytree(data, target / "data")
    return target


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project built once with the real engine (mkdocs --strict)."""
    from generator.build import build_site

    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    with fixture_epoch():
        build_site(project)
    return project


@contextmanager
def fixture_epoch() -> Iterator[None]:
    """SOURCE_DATE_EPOCH set to the fixture's 'today' for a session-wide
    fixture (monkeypatch is per test), and put back after."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = FIXTURE_EPOCH
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the session (Playwright's sync API runs one per process)."""
    from playwright.sync_api import sync_playwright

    from .browser_support import CHROMIUM, CHROMIUM_ARGS, require_browser

    require_browser()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
