"""settings -> validate (load, catalog, checks) -> pages -> render -> write -> engine -> search -> audit.

`generate_pages` writes plain Markdown into the generated folder; any engine
that reads `mkdocs.yml` can build it. `build_site` then runs
`mkdocs build --strict` into a fresh folder and puts it in place of `site/`
only when every step passed, with one atomic rename: a failed or killed build
leaves the previous site as it was.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from functools import partial
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import yaml

from .site.audit import audit_site, in_sources
from .site.drawings import Drawings, cache_folder
from .records.catalog import Catalog
from .site.pages import Site, plan
from .site.pages.shared import record_path
from .engine import engine_said, run_in_shares, run_to_end, shares_for
from .parallel import Turns, elsewhere, uninterrupted
from .words.problems import Problems
from .project.published import check_published, shown_path
from .progress import counting_turns
from .site.render import message_html, render
from .site.search import BUNDLE, Indexing, SearchIndexFailed, start_indexing
from .project.settings import (THEME_REFERENCE, Settings, SettingsError, build_date, build_epoch, check_manager,
                               read_settings)
from .records.load import ReadCache, check_docs_folder, load_catalog
from .words.messages import say
from .project.write import (
    GeneratedTree,
    WriteRefused,
    check_site_target,
    discard,
    discard_later,
    discard_leftovers,
    fresh_folder,
    locked,
    mark_site,
    swap_into_place,
    write_file,
)


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
    site: str = ""  # where the site was built (a build only), as it is shown


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
    check_published(settings.sources, problems)
    check_docs_folder(project, settings.docs_dir, problems, catalog)
    if catalog is not None:
        check_manager(settings, catalog.people, problems)
    if catalog is None or problems.errors:
        raise BuildFailed(say("check_found_errors"), problems)
    if cache is None:
        catalog.forget_positions()
    return catalog


def generate_pages(
    project: Path,
    language: str | None = None,
    settings: Settings | None = None,
    timings: dict[str, float] | None = None,
    progress: bool = False,
    cache: ReadCache | None = None,
    only: set[str] | None = None,
    text_checks: bool = True,
    engine: str = "mkdocs",
) -> Generated:
    """Check the records and write the generated Markdown (for `engine`).

    `timings`, when given, receives the seconds of each phase: 'load',
    'validate' (see `load_catalog`) and 'generate' (pages, render, write).
    With `only` (record file paths), just those records' own pages are
    written: the quick first pass of `handbook serve` after an edit.
    """
    settings = settings or settings_for(project, language)
    problems = Problems()
    timings = {} if timings is None else timings
    catalog = checked_catalog(project, settings, problems, timings, progress, cache, text_checks)
    return write_pages(catalog, settings, problems, timings, progress, only, engine)


def write_pages(catalog: Catalog, settings: Settings, problems: Problems, timings: dict[str, float],
                progress: bool = False, only: set[str] | None = None, engine: str = "mkdocs") -> Generated:
    """The pages of a checked catalog, written into the generated folder for `engine`."""
    started = time.perf_counter()
    site = Site(catalog, settings.language, settings.source_url, settings.directory_urls,
                settings.contact_details, settings.site_url, settings.site_name,
                links_from_source=engine == "zensical", manager=settings.manager,
                drawings=Drawings(cache_folder(settings.project)))
    jobs = plan(site, only)
    tree = GeneratedTree(settings.generated)

    def make_and_write(share: Iterable) -> dict[str, bool]:
        """Make and write these pages; which files were written, and whether they changed."""
        for path, make in share:
            page = make()
            text = page.raw if page.raw is not None else render(
                page.template, {**page.context, "link_target": partial(site.author_link, path), "heading_ids": set()},
                settings.language)
            tree.write(path, text)
        return tree.written

    try:
        tree.open()
        tree.plan([path for path, _ in jobs])
        if len(jobs) >= PARALLEL_FROM:
            site.prepare()
        # Each process takes the next page when it is done with its last.
        turns = Turns()
        with elsewhere(lambda: make_and_write(turns.take(jobs)), wanted=len(jobs) >= PARALLEL_FROM) as written_there:
            make_and_write(counting_turns(turns, jobs, "pages written", progress))
        tree.written.update(written_there())
        changed = sum(tree.written.values())
        removed = tree.close(remove_stale=only is None)
    except WriteRefused as refused:
        raise BuildFailed(str(refused), problems) from None
    finally:
        tree.release()
    timings["generate"] = time.perf_counter() - started
    return Generated(len(jobs), changed, len(removed), problems)


def write_error_pages(project: Path, problems: Problems, language: str | None = None) -> list[str]:
    """For the preview: the page of every record that has errors shows them,
    in place of the record, until the record is fixed (the next good
    generation writes the page again). The paths of the pages written."""
    import html
    import re

    from .words.messages import say

    settings = settings_for(project, language)
    by_record: dict[str, list[str]] = {}
    for problem in problems.sorted():
        page = _record_page(problem.path) if problem.severity == "error" else None
        if page is not None:
            by_record.setdefault(page, []).append(str(problem))
    if not by_record:
        return []
    tree = GeneratedTree(settings.generated)
    try:
        tree.open()
        for path, lines in sorted(by_record.items()):
            source = re.sub(r":\d+:\d+: error: .*", "", lines[0])
            tree.write(path, "\n".join([
                "---", "search:", "  exclude: true", "---", "",
                f"# {say('preview_error_heading', path=source)}", "",
                '<div class="admonition failure">',
                f'<p class="admonition-title">{html.escape(say("preview_error_title"))}</p>',
                f"<p>{message_html(say('preview_error_intro'))}</p>",
                '<pre class="handbook-problems"><code>' + "\n".join(html.escape(line) for line in lines)
                + "</code></pre>",
                "</div>", "",
            ]))
        tree.close(remove_stale=False)
    except WriteRefused:
        return []
    finally:
        tree.release()
    return sorted(by_record)


def write_waiting_pages(project: Path) -> bool:
    """For a preview where pages were never generated: the handbook's pages
    with no records in them, so that the engine starts even when the records
    have errors (every page then shows them, preview_notice) until they are
    right. Whether pages were written."""
    from datetime import date

    from .records.catalog import derive
    from .records.read import Document
    from .records.models import Taxonomy
    from .project.write import MANIFEST

    try:
        settings = settings_for(project)
        if (settings.generated / MANIFEST).is_file():
            return False  # the last good pages stay
        try:
            today = build_date(project)
        except SettingsError:
            today = date.today()  # a preview of no records: the day it is looked at
        empty = Catalog(Taxonomy(platforms={}, channels={}, scenarios={}), Document("data/taxonomy.yml", {}), today)
        write_pages(derive(empty), settings, Problems(), {})
    except (BuildFailed, SettingsError, WriteRefused):
        return False
    return True


def _record_page(path: str) -> str | None:
    """The generated page of the record in `path` ('data/lessons/x.yml'), if it is a record's file."""
    import re

    from .records.models import KIND_BY_FOLDER

    found = re.fullmatch(r"data/([a-z]+)/([a-z0-9]+(?:-[a-z0-9]+)*)\.(?:yml|md)", path)
    if not found or found.group(1) not in KIND_BY_FOLDER:
        return None
    return record_path(KIND_BY_FOLDER[found.group(1)].kind, found.group(2))


# The preview's notice lists this many problems; the rest are counted.
NOTICE_SHOWN = 20


def preview_notice(problems: Problems, waiting: bool = False) -> dict[str, object]:
    """What every page of the preview says at its top while records have
    errors: each problem as `check` says it, with the page that shows the
    record's problems where there is one (a new record is reached by no
    list until it is right; a problem in the taxonomy has no page at all).
    `waiting`: the preview never had good pages, its pages hold no records yet."""
    from .words.messages import say

    errors = sorted(problems.errors, key=lambda p: (p.path, p.line, p.col))
    files = len({problem.path for problem in errors})
    return {
        "title": say("preview_notice_waiting" if waiting else "preview_notice_title", errors=len(errors), files=files),
        "intro": say("preview_notice_intro"),
        "open": say("preview_notice_open"),
        "items": [{"text": str(problem), "page": _record_page(problem.path)} for problem in errors[:NOTICE_SHOWN]],
        "more": say("preview_notice_more", count=len(errors) - NOTICE_SHOWN) if len(errors) > NOTICE_SHOWN else "",
    }


# Pages are made by two processes (`parallel`) from this many on:
# the page jobs are independent, and generating was a third of a
# 10,000-record build, on one core.
PARALLEL_FROM = 2_000


def build_site(
    project: Path,
    language: str | None = None,
    site_dir: Path | None = None,
    timings: dict[str, float] | None = None,
    progress: bool = False,
    text_checks: bool = True,
    engine: str = "mkdocs",
) -> Generated:
    """Check, generate and build with `engine` ('mkdocs' or 'zensical');
    `timings` also receives 'engine', 'search' and 'audit'. The new site
    replaces the old one only when every step passed."""
    settings = settings_for(project, language)
    timings = {} if timings is None else timings
    target = Path(os.path.normpath((site_dir or settings.site_dir or project / "site").absolute()))
    try:
        check_site_target(target, [project.absolute() / "data", settings.docs_dir, settings.config_file,
                                   project.absolute() / ".git"])
    except WriteRefused as refused:
        raise BuildFailed(str(refused)) from None
    root = Path(os.path.realpath(project))
    if engine == "zensical" and not Path(os.path.realpath(target)).is_relative_to(root):
        # Zensical refuses a site folder outside the folder of its configuration.
        raise BuildFailed(say("zensical_outside", project=root, site=target))
    problems = Problems()
    catalog = checked_catalog(project, settings, problems, timings, progress, text_checks=text_checks)
    unknown_addresses(settings, problems)
    try:
        # The generated folder is the engine's input: held until the engine
        # has read it, so a second build (another language) cannot change it.
        with locked(settings.generated):
            generated = write_pages(catalog, settings, problems, timings, progress, engine=engine)
            return _engine(project, settings, target, timings, generated, engine)
    except WriteRefused as refused:
        raise BuildFailed(str(refused), problems) from None


def unknown_addresses(settings: Settings, problems: Problems) -> None:
    """A warning, once a build, for each address the site does not know,
    located at the line of mkdocs.yml where it would be set. Without the
    repository's: no edit links, no new lessons in the browser (links
    that would lead nowhere are left out). Without its own: the feed links
    its lessons by relative addresses, which a feed reader cannot open
    (built by the publishing workflow, it knows). The site is built all
    the same."""
    # (the line's pattern, the warning): site_url where it stands, set or in its comment
    missing = [(pattern, key) for pattern, key, known in ((r"extra:", "no_source_url", settings.source_url),
                                                          (r"(?:#\s*)?site_url:", "no_site_url", settings.site_url))
               if known is None]
    if not missing:
        return
    try:
        lines = settings.config_file.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    for pattern, key in missing:
        line = next((number for number, text in enumerate(lines, 1) if re.match(pattern, text)), 1)
        problems.warning("mkdocs.yml", line, 1, say(key))


def _engine(project: Path, settings: Settings, target: Path, timings: dict[str, float],
            generated: Generated, engine: str = "mkdocs") -> Generated:
    started = time.perf_counter()
    discard_leftovers(target)
    fresh: Path | None = None
    search: Path | None = None
    reference_folder: Path | None = None  # the theme's reference page (MkDocs)
    reference: Path | None = None
    indexing: Indexing | None = None
    try:
        with uninterrupted():
            fresh = fresh_folder(target)
        try:
            if engine == "zensical":
                # Zensical reads mkdocs.yml; the site folder is named in a file
                # beside it (it has no option for it), which inherits the rest.
                # Its own search is off: the handbook's (Pagefind) is in the
                # header, and Zensical's would show a second, unstyled one
                # (its script sets inline styles, which the policy blocks).
                config = _derived_config(settings, "zensical", {
                    "site_dir": str(fresh), "plugins": [{"search": {"enabled": False}}]})
                command = [sys.executable, "-m", "zensical", "build", "--strict", "--config-file", str(config)]
                # Zensical reports progress on stdout: shown only when it fails.
                code, said = run_to_end(command, cwd=project, env=engine_environment(project),
                                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
                if code != 0:
                    sys.stderr.write(engine_said(said.decode("utf-8", "replace")))
            else:
                shares = shares_for(generated.pages)
                with uninterrupted():
                    reference_folder = fresh_folder(target)
                reference = reference_folder / "theme.html"
                code = run_in_shares(project, _engine_config(project, settings), fresh,
                               {**engine_environment(project), THEME_REFERENCE: str(reference)}, shares, beside=target)
        except OSError as failure:
            raise BuildFailed(say("engine_not_started", engine=engine, reason=failure.strerror),
                              generated.problems) from None
        if code != 0:
            raise BuildFailed(say("engine_failed", engine=engine), generated.problems)
        timings["engine"] = time.perf_counter() - started
        # The search index is made while the pages are audited: both read
        # the pages, each on its own core (the audit rewrites only a page
        # without its policy, whole). The index is written beside the site
        # and audited itself once it is in place.
        begun = time.perf_counter()
        with uninterrupted():
            search = fresh_folder(target)
        try:
            with uninterrupted():
                indexing = start_indexing(fresh, settings.language, engine_environment(project),
                                          output=search / BUNDLE)
        except SearchIndexFailed as failure:
            raise BuildFailed(str(failure), generated.problems) from None
        shown = _shown(target, project)
        audit = _audit_beside_search(fresh, shown, reference)
        audited_at = time.perf_counter()
        try:
            indexing.wait()
            if (fresh / BUNDLE).exists():
                raise SearchIndexFailed(say("search_folder_taken", folder=BUNDLE))
            os.replace(search / BUNDLE, fresh / BUNDLE)
        except SearchIndexFailed as failure:
            raise BuildFailed(str(failure), generated.problems) from None
        searched_at = time.perf_counter()
        timings["search"] = searched_at - begun
        audit_site(fresh, audit, shown, within=fresh / BUNDLE, protect=True, reference=reference)
        if audit.errors:
            generated.problems.extend(in_sources(audit.items, fresh, shown, settings.docs_dir,
                                                 _shown(settings.docs_dir, project)))
            raise BuildFailed(say("audit_failed"), generated.problems)
        mark_site(fresh)
        # The two ran side by side: the audit's own seconds are those
        # before the index was ready and those after.
        timings["audit"] = (audited_at - begun) + (time.perf_counter() - searched_at)
        swap_into_place(fresh, target)
        discard_later(fresh)  # the site it replaced
    finally:
        if indexing is not None:
            indexing.stop()  # when the build stopped before the index was done
        if fresh is not None:
            discard(fresh)
        if search is not None:
            discard(search)
        if reference_folder is not None:
            discard(reference_folder)
    generated.site = _shown(target, project)
    return generated


# How much less the audit's processes weigh than Pagefind's while both run.
AUDIT_NICENESS = 10


def _audit_beside_search(site: Path, shown: str, reference: Path | None) -> Problems:
    """Audit the built pages, writing the policy into a page that passes
    without one (each page replaced whole, so the indexer reads it before or
    after, never half of it); what the audit found.

    Pagefind reads the pages on both cores, then writes its index on one:
    the audit runs in processes of their own that give way to it (nice), so
    Pagefind is not held up and the audit fills the core it leaves."""
    parent = os.getpid()

    def audit() -> Problems:
        if os.getpid() != parent:  # only a process of its own gives way
            os.nice(AUDIT_NICENESS)
        found = Problems()
        audit_site(site, found, shown_as=shown, protect=True, reference=reference)
        return found

    with elsewhere(audit) as audited:
        pass  # nothing to do here meanwhile: Pagefind runs in its own process
    return audited()


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
    return shown_path(project, target)


def _engine_config(project: Path, settings: Settings) -> Path:
    """mkdocs.yml itself, or a file beside it that inherits it with another
    language (beside it, so every relative path in it means the same)."""
    if settings.config_language == settings.language:
        return settings.config_file
    return _derived_config(settings, settings.language, {})


def _derived_config(settings: Settings, name: str, overrides: dict[str, object]) -> Path:
    """A configuration beside mkdocs.yml that inherits it, in the build's
    language, with `overrides`."""
    derived = settings.config_file.with_name(f".mkdocs.{name}.yml")
    if derived.exists() and not derived.read_text("utf-8", errors="replace").startswith(DERIVED_MARK):
        raise BuildFailed(f"{derived.name} exists and was not written by the handbook; it is left as it is "
                          "(move it away to build in another language or with another engine)")
    content = {"INHERIT": settings.config_file.name, "theme": {"language": settings.language}, **overrides}
    write_file(derived, DERIVED_MARK + yaml.safe_dump(content, sort_keys=True))
    return derived


# The first line of the configuration written for another language: only a
# file that starts with it is ever replaced.
DERIVED_MARK = "# Written by `handbook build`: mkdocs.yml in another language or for another engine. Not to be edited.\n"
