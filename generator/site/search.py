"""The search index: Pagefind, run over the built site after the engine.

Pagefind reads the built pages as they are, so it serves any engine that
builds the generated tree. It splits its index into small chunks that a
browser loads as a reader types (a first search loads a few hundred
kilobytes, not the whole index), stems Dutch and English, and writes the
interface the theme's header opens (`overrides/main.html`).

What it indexes is chosen in the pages: the part of a page marked
`data-pagefind-body` (the article of every page that is not a list; see
`overrides/main.html`), without what is marked `data-pagefind-ignore` (the
handbook's own words, the facts, the footer of record pages). Record pages
carry their filters (kind, the vocabularies that are filters, level,
status, year) as `data-pagefind-filter`, and as `data-pagefind-meta` their
title, kind, date and the names of their filters' terms (which Pagefind
searches too, but never shows in an excerpt; `templates/_front.md.j2`).
Pagefind reads each page's article only (`ROOT`): what surrounds it is
never indexed.

Beside the index it writes the words of the search's interface in the
site's language (`WORDS`: the catalogs' `search` table, Pagefind's own keys
among them) and the filters in the order a reader narrows a question down
(`FILTER_ORDER`); `handbook.js` hands them to Pagefind's components.

`handbook build` runs Pagefind in a process of its own while it audits the
same pages (`build.build_site`): both only read them, on two cores.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import IO

import cbor2

from ..words.catalogs import texts
from ..words.labels import LABELS
from ..words.messages import say

# The folder in the site that holds the index and the interface.
BUNDLE = "pagefind"
# The interface's words and the order of its filters, beside the index.
WORDS = "handbook-search.json"

# The filters in the order a reader narrows a question down: what kind of
# record, on which platform, for whom, through which channel, when; then
# the finer ones. (The keys of their names in the `labels` catalogs, as
# `Site.filters` names them; a filter not listed here comes after these,
# by name.)
FILTER_ORDER = ("kind", "platform", "target_group", "channel", "year", "tag", "level", "status")


# Not indexed: the permalink signs of headings and the footer of record
# pages (owner, review dates, source file).
EXCLUDED = ".headerlink, .handbook-meta"


class SearchIndexFailed(Exception):
    pass


# The element of a page Pagefind reads: the article. Whatever stands around
# it (header, navigation, footer) is never indexed, and Pagefind handles a
# fifth fewer elements per page; the index is the same.
ROOT = "article"


class Indexing:
    """Pagefind at work on a built site, in a process of its own (it runs
    beside the audit of the same pages)."""

    def __init__(self, process: subprocess.Popen, log: IO[bytes], bundle: Path, language: str,
                 own_group: bool = True) -> None:
        self.process, self.log, self.bundle, self.own_group = process, log, bundle, own_group
        self.language = language

    def wait(self) -> None:
        """Until the index is written; SearchIndexFailed when it was not."""
        try:
            code = self.process.wait()
            self.log.seek(0)
            output = self.log.read().decode("utf-8", "replace")
        finally:
            self.log.close()
        if code != 0:
            detail = output.strip().splitlines()[-3:]
            raise SearchIndexFailed(say("search_failed", detail="pagefind: " + " / ".join(detail)))
        write_words(self.bundle, self.language, canonical_filters(self.bundle))

    def stop(self) -> None:
        """Stop it, when the build failed or was stopped elsewhere: its whole
        process group when it has one, so nothing it may have started runs on."""
        if self.process.poll() is None:
            if self.own_group:
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except OSError:
                    self.process.kill()
            else:  # its group is its parent's
                self.process.kill()
        self.process.wait()
        self.log.close()


def start_indexing(site: Path, language: str, env: dict[str, str] | None = None,
                   output: Path | None = None, own_group: bool = True) -> Indexing:
    """Start writing the search index of the built site in `site` into
    `site/pagefind/` (or into `output`). `own_group`: in a process group of
    its own (a build, which stops it itself); otherwise in its parent's
    (the preview's engine, whose stop reaches it with the engine's)."""
    where = ["--output-path", str(output)] if output is not None else ["--output-subdir", BUNDLE]
    command = [sys.executable, "-m", "pagefind", "--site", str(site), *where, "--root-selector", ROOT,
               "--force-language", language, "--exclude-selectors", EXCLUDED, "--silent"]
    log = tempfile.TemporaryFile()
    try:
        process = subprocess.Popen(command, env={**(env or os.environ), "PAGEFIND_SITE": str(site)},
                                   # A process group of its own: Ctrl-C reaches the build, which
                                   # ends it. The same session: the system shares the cores
                                   # between sessions, and the audit beside it gives way by nice.
                                   stdout=log, stderr=subprocess.STDOUT, process_group=0 if own_group else None)
    except OSError as failure:
        log.close()
        raise SearchIndexFailed(say("search_failed", detail=failure.strerror)) from None
    return Indexing(process, log, output if output is not None else site / BUNDLE, language, own_group)


# Set by `handbook serve` for its engine: each build of the preview gets an index.
PREVIEW_SEARCH = "HANDBOOK_PREVIEW_SEARCH"


class PreviewSearch:
    """Search in `handbook serve`, whose engine rebuilds the site after
    every edit into a folder of its own, without the index.

    The first build is indexed before it is served (a second or so for a
    handbook of hundreds of records). After that, every rebuilt site gets
    the last index at once (hard links: no copying), and a new index is made
    beside it in the background and put in place when it is ready; so an
    edit shows in search a few seconds after it shows on its page, and a
    handbook of 10,000 records does not wait for search after every edit.
    Search is a convenience in the preview: when indexing fails, the
    preview goes on without it (`handbook build` does not)."""

    def __init__(self, language: str, keep: Path) -> None:
        self.language = language
        self.keep = keep  # the last index, outside the served folder
        self.lock = threading.Lock()
        self.refreshing: threading.Thread | None = None
        self.again = False
        self.indexing: Indexing | None = None  # Pagefind at work, if it is
        self.closed = False
        self.building = False  # the engine is rebuilding the site folder

    def begin(self) -> None:
        """Called before each build: until `place`, the site folder is the
        engine's (it empties it first), and an index made meanwhile waits."""
        with self.lock:
            self.building = True

    def close(self) -> None:
        """When the preview stops: Pagefind, if it is at work, stops too
        (its site folder is about to go; left alone it would wait on
        forever) and none is started after."""
        with self.lock:
            self.closed = True
            indexing = self.indexing
        if indexing is not None and indexing.process.poll() is None:
            indexing.process.kill()  # whoever waits for it cleans up

    def place(self, site: Path) -> None:
        """Called after each build of `site`."""
        with self.lock:
            self.building = False
            first = not (self.keep / "pagefind-entry.json").exists()
        if first:
            self._index(site)
        else:
            self._link(site)
            self._refresh(site)

    def _index(self, site: Path) -> bool:
        scratch = self.keep.with_name(self.keep.name + ".next")
        shutil.rmtree(scratch, ignore_errors=True)
        with self.lock:
            if self.closed:
                return False
            try:
                # In the engine's process group: a stop of the preview that
                # gives the engine no time to clean up still reaches it.
                indexing = self.indexing = start_indexing(site, self.language, output=scratch, own_group=False)
            except SearchIndexFailed:
                return False
        try:
            indexing.wait()
        except SearchIndexFailed:
            shutil.rmtree(scratch, ignore_errors=True)
            return False
        except BaseException:  # the preview stopped meanwhile (Ctrl-C)
            indexing.stop()
            raise
        finally:
            with self.lock:
                self.indexing = None
        with self.lock:
            old = self.keep.with_name(self.keep.name + ".old")
            shutil.rmtree(old, ignore_errors=True)
            if self.keep.exists():
                self.keep.rename(old)
            scratch.rename(self.keep)
            shutil.rmtree(old, ignore_errors=True)
        self._link(site)
        return True

    def _link(self, site: Path) -> None:
        """The kept index into the site; not while the engine rebuilds it
        (files appearing while it empties the folder stop its build): the
        build links the newest index when it ends."""
        with self.lock:
            if self.building:
                return
            try:
                shutil.rmtree(site / BUNDLE, ignore_errors=True)
                shutil.copytree(self.keep, site / BUNDLE, copy_function=os.link)
            except OSError:
                pass

    def _refresh(self, site: Path) -> None:
        """A new index of `site` in the background, one at a time; an edit
        during one asks for one more."""
        with self.lock:
            if self.closed:
                return
            if self.refreshing is not None and self.refreshing.is_alive():
                self.again = True
                return
            self.again = False

            def run() -> None:
                while True:
                    self._index(site)
                    with self.lock:
                        if not self.again:
                            return
                        self.again = False

            self.refreshing = threading.Thread(target=run, name="preview-search", daemon=True)
            self.refreshing.start()


# Pagefind's files: gzip (without a time) of this mark and CBOR.
_MARK = b"pagefind_dcd"


def _read(path: Path) -> object:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_MARK):
        raise SearchIndexFailed(say("search_unreadable", detail=path.name))
    return cbor2.loads(data[len(_MARK):])


def _write(folder: Path, prefix: str, suffix: str, value: object, digits: int) -> str:
    """Write `value` under a name made from its content; returns the name's hash part."""
    data = gzip.compress(_MARK + cbor2.dumps(value), compresslevel=9, mtime=0)
    name = f"{prefix}{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(data)
    return name


def canonical_filters(bundle: Path) -> list[str]:
    """Pagefind writes the values of each filter, and the filters, in an order
    that changes from run to run (a hash map's), so the index would differ
    between two builds of the same commit. Put them in a fixed order: values
    and filters by name; file names follow the content, as Pagefind's do.

    This reads Pagefind's index format (`pagefind-entry.json`, the `.pf_meta`
    file and `filter/*.pf_filter`); anything else than what it expects stops
    the build rather than leaving an index that may not work. Returns the
    names of the filters."""
    names: set[str] = set()
    try:
        entry_path = bundle / "pagefind-entry.json"
        entry = json.loads(entry_path.read_text("utf-8"))
        for language, details in sorted(entry["languages"].items()):
            meta_path = bundle / f"pagefind.{details['hash']}.pf_meta"
            meta = _read(meta_path)
            if not (isinstance(meta, list) and len(meta) == 6 and isinstance(meta[3], list)):
                raise SearchIndexFailed(say("search_unreadable", detail="pf_meta"))
            filters = []
            for name, old in sorted(meta[3]):
                old_path = bundle / "filter" / f"{old}.pf_filter"
                content = _read(old_path)
                if not (isinstance(content, list) and len(content) == 2 and content[0] == name):
                    raise SearchIndexFailed(say("search_unreadable", detail=f"filter {name!r}"))
                content = [name, sorted(content[1], key=lambda value: value[0])]
                old_path.unlink()
                filters.append([name, _write(bundle / "filter", f"{language}_", ".pf_filter", content, 7)])
            meta[3] = filters
            names.update(name for name, _ in filters)
            meta_path.unlink()
            details["hash"] = _write(bundle, f"pagefind.{language}_", ".pf_meta", meta, 10).removeprefix("pagefind.")
        entry_path.write_text(json.dumps(entry, separators=(",", ":"), ensure_ascii=False), "utf-8")
    except (OSError, ValueError, KeyError, TypeError, EOFError, cbor2.CBORDecodeError) as failure:
        raise SearchIndexFailed(say("search_unreadable", detail=str(failure))) from None
    return sorted(names)


def filter_order(language: str, present: list[str]) -> list[str]:
    """The names of the filters the index holds (`present`), in
    `FILTER_ORDER`; any other after them, by name. A filter no page has
    (no record has a tag yet) is not offered: it would narrow to nothing."""
    ordered = [LABELS[language][key] for key in FILTER_ORDER]
    return [name for name in ordered if name in present] + [name for name in present if name not in ordered]


def write_words(bundle: Path, language: str, filters: list[str]) -> None:
    """The interface's words and its filters, in `bundle` beside the index
    (the same bytes for the same index: the build stays reproducible)."""
    content = {"filters": filter_order(language, filters), "words": texts(language, "labels", "search")}
    try:
        (bundle / WORDS).write_text(json.dumps(content, ensure_ascii=False, sort_keys=True, indent=1) + "\n", "utf-8")
    except OSError as failure:
        raise SearchIndexFailed(say("search_failed", detail=failure.strerror)) from None
