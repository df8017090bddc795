"""load -> catalog -> pages -> render -> write -> engine.

`generate_pages` writes plain Markdown into the generated folder; any engine
that reads `mkdocs.yml` can build it. `build_site` then runs
`mkdocs build --strict` into a fresh folder and puts it in place of `site/`
only when every step passed, with one atomic rename: a failed or killed build
leaves the previous site as it was.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import yaml

from .audit import audit_site
from .catalog import ReadCache, load_catalog
from .i18n import LANGUAGES
from .pages import SiteBuilder
from .problems import Problems
from .progress import counting
from .render import render
from .write import GeneratedTree, WriteRefused

GENERATED = "records"


class BuildFailed(Exception):
    def __init__(self, message: str, problems: Problems | None = None) -> None:
        super().__init__(message)
        self.problems = problems


@dataclass(frozen=True)
class Settings:
    project: Path
    docs_dir: Path
    language: str
    source_url: str | None
    config_language: str  # theme.language in mkdocs.yml
    custom_dir: str | None  # theme.custom_dir in mkdocs.yml

    @property
    def generated(self) -> Path:
        return self.docs_dir / GENERATED


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as !ENV; their values do not matter here."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_settings(project: Path, language: str | None = None) -> Settings:
    config_file = project / "mkdocs.yml"
    try:
        config = yaml.load(config_file.read_text("utf-8"), Loader=_ConfigLoader) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise BuildFailed(f"cannot read {config_file}: {exc}") from None
    theme = config.get("theme") or {}
    config_language = (theme.get("language") if isinstance(theme, dict) else None) or "nl"
    language = language or config_language
    if language not in LANGUAGES:
        raise BuildFailed(f"theme.language {language!r} in mkdocs.yml: the handbook speaks {', '.join(LANGUAGES)}")
    extra = config.get("extra") or {}
    handbook = extra.get("handbook") or {} if isinstance(extra, dict) else {}
    return Settings(
        project=project,
        docs_dir=project / config.get("docs_dir", "docs"),
        language=language,
        source_url=handbook.get("source_url"),
        config_language=config_language,
        custom_dir=theme.get("custom_dir") if isinstance(theme, dict) else None,
    )


def build_epoch(project: Path) -> int:
    """The moment the handbook is 'as of', in seconds: SOURCE_DATE_EPOCH, else
    the time of the last commit; never the wall clock, so the same commit
    gives the same site (review verdicts, sitemap dates, archive headers)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        try:
            epoch = subprocess.run(
                ["git", "log", "-1", "--format=%ct"], cwd=project, capture_output=True, text=True, check=True,
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            epoch = ""
    if not epoch.isdigit():
        raise BuildFailed("cannot tell the build date: set SOURCE_DATE_EPOCH or build from a git checkout")
    return int(epoch)


def build_date(project: Path) -> date:
    return datetime.fromtimestamp(build_epoch(project), tz=timezone.utc).date()


def check_docs_folder(settings: Settings, problems: Problems) -> None:
    """The docs folder holds real files only: a symbolic link could make the
    engine publish a file from anywhere on the machine."""
    docs = settings.docs_dir
    shown = docs.relative_to(settings.project).as_posix() if docs.is_relative_to(settings.project) else str(docs)
    if docs.is_symlink():
        problems.error(shown, 1, 1, "the docs folder is a symbolic link; it must be a real folder")
        return
    for folder, subfolders, files in os.walk(docs):
        here = Path(folder)
        for name in sorted(subfolders + files):
            if (here / name).is_symlink():
                problems.error(
                    f"{shown}/{(here / name).relative_to(docs).as_posix()}", 1, 1,
                    "this is a symbolic link; the handbook publishes real files only",
                )


def generate_pages(
    project: Path,
    language: str | None = None,
    settings: Settings | None = None,
    timings: dict[str, float] | None = None,
    progress: bool = False,
    cache: ReadCache | None = None,
    only: set[str] | None = None,
) -> dict[str, Any]:
    """Check the records and write the generated Markdown; figures of the run.

    `timings`, when given, receives the seconds of each phase: 'load',
    'validate' (see `load_catalog`) and 'generate' (pages, render, write).
    With `only` (record file paths), just those records' own pages are
    written: the quick first pass of `handbook serve` after an edit.
    """
    settings = settings or read_settings(project, language)
    problems = Problems()
    timings = {} if timings is None else timings
    catalog = load_catalog(project, problems, timings=timings, progress=progress, cache=cache)
    check_docs_folder(settings, problems)
    if catalog is None or problems.errors:
        raise BuildFailed("the records have errors", problems)
    started = time.perf_counter()
    builder = SiteBuilder(catalog, settings.language, build_date(project), settings.source_url)
    jobs = builder.plan(only)
    tree = GeneratedTree(settings.generated)
    changed = 0
    try:
        tree.open()
        tree.plan([path for path, _ in jobs])
        for path, make in counting(jobs, "pages written", progress):
            page = make()
            if page.path != path:  # pragma: no cover - a planning mistake
                raise BuildFailed(f"page {page.path} was planned as {path}")
            text = page.raw if page.raw is not None else render(page.template, page.context, settings.language)
            changed += tree.write(path, text)
        removed = tree.close(remove_stale=only is None)
    except WriteRefused as refused:
        raise BuildFailed(str(refused)) from None
    timings["generate"] = time.perf_counter() - started
    return {"pages": len(jobs), "changed": changed, "removed": len(removed), "problems": problems}


def build_site(
    project: Path,
    language: str | None = None,
    site_dir: Path | None = None,
    timings: dict[str, float] | None = None,
    progress: bool = False,
) -> Path:
    """Check, generate and build; `timings` also receives 'engine' and 'audit'."""
    settings = read_settings(project, language)
    timings = {} if timings is None else timings
    generate_pages(project, settings=settings, timings=timings, progress=progress)
    started = time.perf_counter()
    target = (site_dir or project / "site").absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=".site-", dir=target.parent))
    try:
        config = _engine_config(project, settings)
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
             "--config-file", str(config), "--site-dir", str(fresh)],
            cwd=project,
            env=engine_environment(project),
        )
        if result.returncode != 0:
            raise BuildFailed("mkdocs build --strict failed (see its messages above)")
        timings["engine"] = time.perf_counter() - started
        started = time.perf_counter()
        problems = Problems()
        audit_site(fresh, problems, shown_as=_shown(target, project))
        if problems.errors:
            raise BuildFailed("the built pages failed the safety audit", problems)
        timings["audit"] = time.perf_counter() - started
        _swap_into_place(fresh, target)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
    return target


def engine_environment(project: Path) -> dict[str, str]:
    """The engine runs with the handbook's build date and a fixed time zone
    and locale, so that nothing it writes depends on the machine."""
    return {
        **os.environ,
        "SOURCE_DATE_EPOCH": str(build_epoch(project)),
        "TZ": "UTC",
        "LC_ALL": "C.UTF-8",
        "NO_MKDOCS_2_WARNING": "1",
    }


def _shown(target: Path, project: Path) -> str:
    try:
        return target.relative_to(project.absolute()).as_posix()
    except ValueError:
        return target.as_posix()


def _engine_config(project: Path, settings: Settings) -> Path:
    """mkdocs.yml itself, or a file that inherits it with another language."""
    base = project / "mkdocs.yml"
    if settings.config_language == settings.language:
        return base
    derived = project / "build" / f"mkdocs.{settings.language}.yml"
    derived.parent.mkdir(exist_ok=True)
    # Paths in an inheriting file are relative to it: give them absolutely.
    theme: dict[str, Any] = {"language": settings.language}
    if settings.custom_dir:
        theme["custom_dir"] = (project / settings.custom_dir).absolute().as_posix()
    overrides = {
        "INHERIT": base.absolute().as_posix(),
        "docs_dir": settings.docs_dir.absolute().as_posix(),
        "theme": theme,
    }
    derived.write_text(yaml.safe_dump(overrides, sort_keys=True), "utf-8")
    return derived


_RENAME_EXCHANGE = 2


def _swap_into_place(fresh: Path, target: Path) -> None:
    """Put `fresh` where `target` is, atomically where the system allows it.

    On Linux, renameat2(RENAME_EXCHANGE) swaps the two folders in one step, so
    there is no moment without a whole site; the old one then sits at `fresh`
    and is removed by the caller.
    """
    if not target.exists():
        os.replace(fresh, target)
        fresh.mkdir()  # the caller removes it
        return
    libc_name = ctypes.util.find_library("c")
    if sys.platform.startswith("linux") and libc_name:
        libc = ctypes.CDLL(libc_name, use_errno=True)
        renameat2 = getattr(libc, "renameat2", None)
        if renameat2 is not None:
            at_fdcwd = -100
            if renameat2(at_fdcwd, os.fsencode(fresh), at_fdcwd, os.fsencode(target), _RENAME_EXCHANGE) == 0:
                return
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    os.replace(target, old)
    os.replace(fresh, target)
    os.replace(old, fresh)
