"""Shared fixtures: a handbook project in a temporary folder, built for real.

A built site that tests only read is built once for the whole run, and with
pytest-xdist once for all its workers (`shared`): the fixture project
(`built_site`), the example handbook in Dutch (`example_nl`) and in English
(`example_en`). A test whose subject is the next build starts from a copy of
one (`built_project`), not from a build of its own.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Callable, Iterator

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

# Every test builds as GitHub Actions builds the handbook's main branch
# (the edit links name this repository), wherever the tests run; a test
# of another case sets its own.
GITHUB = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "example-org/wervingshandboek",
          "GITHUB_REF": "refs/heads/main", "GITHUB_REF_NAME": "main", "GITHUB_BASE_REF": "",
          # and publishes it where the publishing workflow found GitHub Pages has it.
          "HANDBOOK_SITE_URL": "https://example-org.github.io/wervingshandboek/"}
os.environ.update(GITHUB)
# The charts one test's build draws are read by every later build that
# shows the same figures (generator/site/drawings.py), in this run and the
# next: each build of the example records drew them again, most of its
# generation. The tests of drawing itself set a folder of their own, or none.
os.environ["HANDBOOK_CACHE"] = str(ROOT / ".cache" / "tests")

# Run from a shell's background job (`make test &`, nohup), this process
# starts with Ctrl-C ignored, and every command a test starts would inherit
# that: the tests of what Ctrl-C does would see nothing happen. With a
# handler here, each command starts with Ctrl-C as a terminal gives it.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests that build a whole site (`slow`) first, each kind in the
    order of the files: with pytest-xdist (`make test`) the long ones start
    at once and the short ones fill in at the end, rather than one long
    test starting when the other workers are done."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


# The modules whose tests share what a module-scoped fixture makes (a
# Chromium and the sites it reads, the planted site, the synthetic
# handbook): with pytest-xdist one worker runs each of them whole, one test
# after the other, rather than a worker making it again each time it comes
# back to the module.
TOGETHER = frozenset({"tests/test_browser.py", "tests/test_browser_files.py", "tests/test_browser_hostile.py",
                      "tests/test_scale.py"})


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """With pytest-xdist (`-n`, as `make test` runs it): each worker takes
    the next piece of work when it is done with its last, as with `--dist
    load`; a piece is one test, or a whole module of TOGETHER, and those
    modules come first. (`--dist loadgroup` and its xdist_group mark would
    say the same, but pytest 9.2 no longer lets pytest-xdist group by it.)"""
    if config.getvalue("dist") != "load":
        return None  # another way asked for by name
    from xdist.scheduler import LoadScopeScheduling

    class Together(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return module if module in TOGETHER else nodeid

    return Together(config, log)


# The line of mkdocs.yml that names the example handbook's manager.
MANAGER = "    manager: eva-smit\n"


def copy_project(target: Path, data: Path = FIXTURE_DATA) -> Path:
    """The project's own mkdocs.yml, hand-written pages and theme overrides,
    with the given data folder: what a real checkout has. The manager it
    names is one of the example handbook's people: with other data, the
    handbook names no manager (as a new handbook starts)."""
    target.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert MANAGER in config
    (target / "mkdocs.yml").write_text(config if data == EXAMPLE_DATA else config.replace(MANAGER, ""), "utf-8")
    shutil.copytree(ROOT / "handbook", target / "handbook", ignore=shutil.ignore_patterns("records"))
    shutil.copytree(ROOT / "overrides", target / "overrides")
    shutil.copytree(data, target / "data")
    return target


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    return copy_project(tmp_path / "project")


def shared(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder `name`, made by `make(folder)` once for the whole test run.

    With pytest-xdist each worker is a process of its own and would make it
    again: the first to ask makes it in the run's temporary folder, which
    all workers share, and the others wait for it under a lock, then read
    it. What a test changes it changes in a copy, never here."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, beside each worker's own
    folder, made = base / name, base / f"{name}.made"
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not made.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
            folder.mkdir()
            make(folder)
            made.touch()
    return folder


def _built(tmp_path_factory: pytest.TempPathFactory, name: str, data: Path, language: str | None = None) -> Path:
    """A copy of the project with `data`, built once for the run with the
    real engine (mkdocs --strict, search index, audit) in `language` (the
    project's own by default): its generated pages in handbook/records,
    its site in site/."""
    from generator.build import build_site

    def make(folder: Path) -> None:
        previous = os.umask(0o022)  # as a build on an ordinary machine: its files 644, its folders 755
        try:
            with fixture_epoch():
                build_site(copy_project(folder / "project", data), language=language)
        finally:
            os.umask(previous)

    return shared(tmp_path_factory, name, make) / "project"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project built once with the real engine (mkdocs --strict)."""
    return _built(tmp_path_factory, "built", FIXTURE_DATA)


@pytest.fixture(scope="session")
def example_nl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example handbook built once, in Dutch (its own language)."""
    return _built(tmp_path_factory, "example-nl", EXAMPLE_DATA)


@pytest.fixture(scope="session")
def example_en(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example handbook built once, in English."""
    return _built(tmp_path_factory, "example-en", EXAMPLE_DATA, "en")


# The first handover of the example handbook: Thomas Mulder, who left in
# 2024 without a successor, to Fatima El Amrani, as `handbook handover`
# records it (the example's own records have none yet).
HANDED_OVER = ("thomas-mulder", "fatima-el-amrani")


@pytest.fixture(scope="session")
def handed_over(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example handbook after `handbook handover thomas-mulder --to
    fatima-el-amrani --write`, built once for the run, in Dutch."""
    from click.testing import CliRunner

    from generator.build import build_site
    from generator.cli import main

    def make(folder: Path) -> None:
        project = copy_project(folder / "project", EXAMPLE_DATA)
        previous = os.umask(0o022)
        try:
            with fixture_epoch():
                result = CliRunner().invoke(main, ["handover", "--project", str(project), HANDED_OVER[0],
                                                   "--to", HANDED_OVER[1], "--write"])
                assert result.exit_code == 0, result.output
                build_site(project)
        finally:
            os.umask(previous)

    return shared(tmp_path_factory, "handed-over", make) / "project"


# The synthetic handbook the tests of scale read (records, lists, pagers)
# and the browser reads at the size of a real team's years of work.
SYNTHETIC_RECORDS = 1_000


@pytest.fixture(scope="session")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic handbook of SYNTHETIC_RECORDS records (`handbook synth`,
    seed 3), built once for the run with the real engine: its generated
    pages in handbook/records, its site in site/."""
    from benchmarks.synth import synthesize
    from generator.build import build_site

    def make(folder: Path) -> None:
        project = copy_project(folder / "project", FIXTURE_DATA)
        shutil.rmtree(project / "data")
        synthesize(project, SYNTHETIC_RECORDS, seed=3)
        # Its manager: the first of the synthetic people who has not left.
        manager = next(p.stem for p in sorted((project / "data" / "people").glob("*.*"))
                       if "\nleft:" not in p.read_text("utf-8"))
        config = project / "mkdocs.yml"
        config.write_text(config.read_text("utf-8").replace(
            "    show_contact_details: false\n", f"    show_contact_details: false\n    manager: {manager}\n"), "utf-8")
        previous = os.umask(0o022)
        try:
            with fixture_epoch():
                build_site(project)
        finally:
            os.umask(previous)

    return shared(tmp_path_factory, "synthetic", make) / "project"


@pytest.fixture
def built_project(built_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture project as a build leaves it (its generated pages and its
    site): a copy of `built_site`, for a test whose subject is the next build
    and whose previous site is only where it starts."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    return Path(shutil.copytree(built_site, tmp_path / "project", symlinks=True))


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """For a test whose work must really be split between two processes:
    the forks `generator.parallel.elsewhere` makes during the test, which
    the test asserts there were. A process with a thread besides its main
    one never forks (the work then runs in one process, and the test would
    guard nothing): a thread still ending (a server just shut down) is
    waited for, and one that stays fails the test here."""
    import threading

    from generator import parallel

    for thread in threading.enumerate():
        if thread is not threading.main_thread():
            thread.join(timeout=30)
    assert parallel.may_fork(), f"this process has other threads: {[t.name for t in threading.enumerate()]}"
    forks: list[bool] = []
    may_fork = parallel.may_fork

    def counted() -> bool:
        forks.append(may_fork())
        return forks[-1]

    monkeypatch.setattr(parallel, "may_fork", counted)
    return forks


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


@pytest.fixture(scope="module")
def browser():
    """One Chromium for each module of browser tests (Playwright's sync API
    runs one per process). It is closed with its module, and with it the
    thread Playwright waits for its driver in: a process with a thread of
    its own never forks (`generator.parallel`), and a later test in the same
    process may be one whose work must really be split in two processes
    (`forking`)."""
    from playwright.sync_api import sync_playwright

    from .browser_support import CHROMIUM, CHROMIUM_ARGS, require_browser

    require_browser()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
