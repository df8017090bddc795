"""settings -> validate (load, catalog, checks) -> pages -> render -> write -> engine -> audit.

`generate_pages` writes plain Markdown into the generated folder; any engine
that reads `mkdocs.yml` can build it. `build_site` then runs
`mkdocs build --strict` into a fresh folder and puts it in place of `site/`
only when every step passed, with one atomic rename: a failed or killed build
leaves the previous site as it was.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from functools import partial
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .audit import apply_policy, audit_site
from .catalog import Catalog
from .pages import Site, plan
from .problems import Problems
from .progress import counting
from .render import render
from .settings import Settings, SettingsError, build_date, build_epoch, read_settings
from .validate import ReadCache, load_catalog
from .write import GeneratedTree, WriteRefused, discard, fresh_folder, swap_into_place, write_file


class BuildFailed(Exception):
    """A step failed; `problems` holds what was found (warnings included)."""

    def __init__(self, message: str, problems: Problems | None = None) -> None:
        super().__init__(message)
        self.problems = problems


@dataclass
class Generated:
    """What one generation did, and the problems (warnings) it found."""

    pages: int
    changed: int
    removed: int
    problems: Problems = field(default_factory=Problems)


def settings_for(project: Path, language: str | None = None) -> Settings:
    try:
        return read_settings(project, language)
    except SettingsError as failure:
        raise BuildFailed(str(failure)) from None


def checked_catalog(project: Path, settings: Settings, problems: Problems, timings: dict[str, float],
                    progress: bool = False, cache: ReadCache | None = None, text_checks: bool = True) -> Catalog:
    """The catalog, or BuildFailed with every problem when there are errors."""
    try:
        today = build_date(project)
    except SettingsError as failure:
        raise BuildFailed(str(failure)) from None
    catalog = load_catalog(project, problems, today, timings=timings, progress=progress, cache=cache,
                           text_checks=text_checks)
    check_docs_folder(settings, problems)
    if catalog is None or problems.errors:
        raise BuildFailed("the records have errors", problems)
    return catalog


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
    text_checks: bool = True,
) -> Generated:
    """Check the records and write the generated Markdown.

    `timings`, when given, receives the seconds of each phase: 'load',
    'validate' (see `load_catalog`) and 'generate' (pages, render, write).
    With `only` (record file paths), just those records' own pages are
    written: the quick first pass of `handbook serve` after an edit.
    """
    settings = settings or settings_for(project, language)
    problems = Problems()
    timings = {} if timings is None else timings
    catalog = checked_catalog(project, settings, problems, timings, progress, cache, text_checks)
    started = time.perf_counter()
    site = Site(catalog, settings.language, settings.source_url, settings.directory_urls)
    jobs = plan(site, only)
    tree = GeneratedTree(settings.generated)
    changed = 0
    try:
        tree.open()
        tree.plan([path for path, _ in jobs])
        for path, make in counting(jobs, "pages written", progress):
            page = make()
            text = page.raw if page.raw is not None else render(
                page.template, {**page.context, "link_target": partial(site.author_link, path)}, settings.language)
            changed += tree.write(path, text)
        removed = tree.close(remove_stale=only is None)
    except WriteRefused as refused:
        raise BuildFailed(str(refused), problems) from None
    finally:
        tree.release()
    timings["generate"] = time.perf_counter() - started
    return Generated(len(jobs), changed, len(removed), problems)


def build_site(
    project: Path,
    language: str | None = None,
    site_dir: Path | None = None,
    timings: dict[str, float] | None = None,
    progress: bool = False,
    text_checks: bool = True,
) -> Generated:
    """Check, generate and build; `timings` also receives 'engine' and 'audit'.
    The new site replaces the old one only when every step passed."""
    settings = settings_for(project, language)
    timings = {} if timings is None else timings
    generated = generate_pages(project, settings=settings, timings=timings, progress=progress,
                               text_checks=text_checks)
    started = time.perf_counter()
    target = (site_dir or project / "site").absolute()
    fresh = fresh_folder(target)
    try:
        config = _engine_config(project, settings)
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
             "--config-file", str(config), "--site-dir", str(fresh)],
            cwd=project,
            env=engine_environment(project),
        )
        if result.returncode != 0:
            raise BuildFailed("mkdocs build --strict failed (see its messages above)", generated.problems)
        timings["engine"] = time.perf_counter() - started
        started = time.perf_counter()
        audit = Problems()
        audited = audit_site(fresh, audit, shown_as=_shown(target, project))
        if audit.errors:
            generated.problems.extend(audit.items)
            raise BuildFailed("the built pages failed the safety audit", generated.problems)
        apply_policy(fresh, audited.script_hashes)
        timings["audit"] = time.perf_counter() - started
        swap_into_place(fresh, target)
    finally:
        discard(fresh)
    return generated


def engine_environment(project: Path) -> dict[str, str]:
    """The engine runs with the handbook's build date and a fixed time zone
    and locale, so that nothing it writes depends on the machine."""
    try:
        epoch = build_epoch(project)
    except SettingsError as failure:
        raise BuildFailed(str(failure)) from None
    return {
        **os.environ,
        "SOURCE_DATE_EPOCH": str(epoch),
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
    if settings.config_language == settings.language:
        return settings.config_file
    derived = project / "build" / f"mkdocs.{settings.language}.yml"
    # Paths in an inheriting file are relative to it: give them absolutely.
    theme: dict[str, Any] = {"language": settings.language}
    if settings.custom_dir:
        theme["custom_dir"] = settings.custom_dir.as_posix()
    overrides = {
        "INHERIT": settings.config_file.as_posix(),
        "docs_dir": settings.docs_dir.absolute().as_posix(),
        "theme": theme,
    }
    write_file(derived, yaml.safe_dump(overrides, sort_keys=True))
    return derived
