"""Records on disk -> a checked catalog, with every problem located.

`load_catalog` reads every file (`read`), validates it against its model
(`validate`) and then checks the records against each other (`checks`),
gathering every problem before it returns: an author fixes them all in one
go. Nothing is rendered from a catalog that has errors.
"""

from __future__ import annotations

import os
import posixpath
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, get_args
from urllib.parse import unquote

from pydantic import BaseModel, ValidationError

from .catalog import Catalog, Entry, derive
from .checks import RESERVED_IDS, check_references, check_titled_references
from .writing import slugify
from .handwritten import check_page
from .read import Document, read_document
from .sources import SourceFile, discover
from ..words.messages import NEW_FILE_NAMES, kind_name, say
from ..words.messages import field as field_name
from ..parallel import elsewhere
from .models import KIND_BY_FOLDER, Taxonomy
from .fields import SLUG, SLUG_MAX
from ..words.problems import Problem, Problems, quote
from ..progress import counting
from .safety import Address, check_record_text
from ..project.published import shown_path
from ..project.settings import GENERATED



from .explain import Deferred
from .validate import validate_document



def _better_folder(model: type[BaseModel], data: dict[str, Any]) -> Any:
    """The kind of record whose fields `data` has, when it is not the kind
    of its folder: a lesson saved among the campaigns. None otherwise."""
    keys = set(data) - {"body"}
    unknown = keys - set(model.model_fields)
    if len(unknown) < 3:
        return None
    best = max(KIND_BY_FOLDER.values(), key=lambda kind: (len(keys & set(kind.model_fields)), kind is model))
    fits = len(keys & set(best.model_fields))
    return best if best is not model and fits > len(keys) - len(unknown) and fits >= len(keys) - 1 else None


def _fold(identifier: str) -> str:
    return unicodedata.normalize("NFKC", identifier).casefold()


@dataclass
class _FileResult:
    """What reading, and then validating, one file gave."""

    doc: Document
    read_problems: list[Problem]
    validated: bool = False
    record: Any = None
    validate_problems: list[Problem] = field(default_factory=list)
    placeholders: set[str] = field(default_factory=set)  # required fields that failed: stand-ins
    deferred: list[Deferred] = field(default_factory=list)  # references written as titles
    addresses: list[Address] = field(default_factory=list)  # links and images to the handbook's pages and files


@dataclass
class ReadCache:
    """Files already read and validated, by path, kept while their size,
    time and inode stay the same: `handbook serve` re-reads only what an
    author changed."""

    files: dict[str, tuple[tuple[int, int, int], _FileResult]] = field(default_factory=dict)

    def get(self, source: SourceFile) -> _FileResult:
        try:
            stat = os.stat(source.disk)
        except OSError:  # gone since it was listed: read it as it is now (the reader says what is wrong)
            return _read(source)
        key = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        cached = self.files.get(source.path)
        if cached is not None and cached[0] == key:
            return cached[1]
        result = _read(source)
        self.files[source.path] = (key, result)
        return result


def _read(source: SourceFile) -> _FileResult:
    problems = Problems()
    doc = read_document(source.file, source.path, problems)
    return _FileResult(doc, problems.items)


def _validated(result: _FileResult, model: type[BaseModel], text_checks: bool) -> _FileResult:
    """`result` with its record validated (once: a cached result keeps it)."""
    if not result.validated:
        found = Problems()
        result.record = validate_document(model, result.doc, found, result.placeholders, result.deferred)
        if text_checks:
            check_record_text(result.doc, model, True, found, result.addresses)
        result.validate_problems, result.validated = found.items, True
    return result


def _read_all(files: list[SourceFile], text_checks: bool, progress: bool) -> list[_FileResult]:
    """Read and validate every record file, each on its own: in two processes
    from PARALLEL_FROM files on (reading and validating 10,000 records took
    4.6 s on one core)."""

    def share(part: list[SourceFile], shown: bool = False) -> list[_FileResult]:
        results = [_read(source) for source in counting(part, "records read", shown)]
        for source, result in zip(part, results, strict=True):
            if source.folder and result.doc.data is not None:
                _validated(result, KIND_BY_FOLDER[source.folder], text_checks)
        return results

    with elsewhere(lambda: share(files[1::2]), wanted=len(files) >= PARALLEL_FROM) as there:
        mine = share(files[0::2], progress)
    results: list[_FileResult] = [None] * len(files)  # type: ignore[list-item]
    results[0::2], results[1::2] = mine, there()
    return results


PARALLEL_FROM = 2_000


def load_catalog(
    project: Path,
    problems: Problems,
    today: date,
    timings: dict[str, float] | None = None,
    progress: bool = False,
    cache: ReadCache | None = None,
    text_checks: bool = True,
) -> Catalog | None:
    """Read, validate and cross-check every record under `project/data`, then
    derive the catalog's relations, verdicts (as of `today`) and figures.

    `timings`, when given, receives the seconds spent reading ('load') and
    validating ('validate'); `progress` shows a counter on the terminal;
    `cache` keeps what unchanged files gave from one call to the next.
    `text_checks=False` leaves out the checks of record text (HTML, links,
    personal data): only for tests that show the layers behind them hold
    on their own.
    """
    started = time.perf_counter()
    files = discover(project, problems)
    if cache is None:
        results = list(zip(files, _read_all(files, text_checks, progress), strict=True))
    else:
        read = cache.get if cache is not None else _read
        results = [(source, read(source)) for source in counting(files, "records read", progress)]
    read_done = time.perf_counter()
    taxonomy: Taxonomy | None = None
    faulty_taxonomy: Taxonomy | None = None  # one with mistakes, made to check the other files against
    taxonomy_doc = Document(path="data/taxonomy.yml", data=None)
    staged: dict[str, dict[str, Entry]] = defaultdict(dict)
    partial: dict[str, list[Entry]] = defaultdict(list)  # with stand-ins or an unusable id: checked, never shown
    seen: dict[tuple[str, str], SourceFile] = {}
    known_ids: dict[str, set[str]] = defaultdict(set)
    addresses: list[Address] = []  # to be followed once the docs folder is read
    titled: list[tuple[str, Deferred]] = []  # references written as titles, by file

    for source, result in results:
        doc = result.doc
        problems.extend(result.read_problems)
        if source.folder == "":
            taxonomy_doc = doc
            if doc.data is not None:
                if doc.body:
                    problems.error(doc.path, doc.body_line, 1, say("taxonomy_no_narrative"))
                before = len(problems.errors)
                taxonomy = validate_document(Taxonomy, doc, problems)
                if len(problems.errors) > before or doc.broken:
                    # Its mistakes are said; the other files are still checked against it.
                    taxonomy, faulty_taxonomy = None, _taxonomy_for_checks(doc)
                if text_checks:
                    check_record_text(doc, Taxonomy, True, problems)
            continue
        model = KIND_BY_FOLDER[source.folder]
        ident = source.stem
        # Two names that one file system (or one reader) could take for the
        # same file are one id: fold case and Unicode forms before comparing.
        key = (source.folder, _fold(ident))
        # A record whose id cannot be used still has its own problems said
        # (all in one run), but it is not added to the handbook.
        usable = False
        if key in seen:
            problems.error(source.path, 1, 1, say("id_twice", value=quote(ident), other=seen[key].path))
        elif not SLUG.match(ident) or len(ident) > SLUG_MAX:
            problems.error(source.path, 1, 1, say("bad_file_name", value=quote(ident), limit=SLUG_MAX))
        elif ident in RESERVED_IDS:
            problems.error(source.path, 1, 1, say("reserved_id", value=quote(ident)))
        else:
            usable = True
        if key not in seen:
            seen[key] = source
            known_ids[model.kind].add(ident)
        key_owner = seen[key]
        if ident in NEW_FILE_NAMES.everywhere(model.kind):
            problems.error(source.path, 1, 1, say("starting_name", value=quote(ident)))
        if doc.data is None:
            continue
        elsewhere_kind = _better_folder(model, doc.data)
        if elsewhere_kind is not None:
            # Said alone: every field missing or unknown here follows from it.
            problems.error(source.path, 1, 1, say("wrong_folder", kind=kind_name(elsewhere_kind.kind),
                                                  folder=f"data/{elsewhere_kind.folder}/"))
            continue
        _validated(result, model, text_checks)
        problems.extend(result.validate_problems)
        titled.extend((source.path, item) for item in result.deferred)
        if not usable:
            if result.record is not None and key_owner is source:  # its references are checked still
                partial[model.kind].append(Entry(ident, result.record, doc, frozenset(result.placeholders)))
            continue
        if result.record is not None and result.placeholders:
            partial[model.kind].append(Entry(ident, result.record, doc, frozenset(result.placeholders)))
        elif result.record is not None:
            staged[model.kind][ident] = Entry(ident, result.record, doc)
        addresses.extend(result.addresses)

    catalog = None
    if taxonomy is not None or faulty_taxonomy is not None:
        catalog = Catalog(taxonomy or faulty_taxonomy, taxonomy_doc, today, ids=known_ids, addresses=addresses)
        for kind, entries in staged.items():
            catalog.of_kind(kind).update(entries)
        check_references(catalog, problems, partial)
        check_titled_references(catalog, problems, titled)
        if taxonomy is None:  # checked only: no handbook is made from a faulty taxonomy
            catalog = None
        else:
            derive(catalog)
    else:  # without the taxonomy no record can be named: the format is said
        for path, item in titled:
            problems.error(path, item.line, item.col, item.message)
    if timings is not None:
        timings["load"] = read_done - started
        timings["validate"] = time.perf_counter() - read_done
    return catalog




class _Unread(dict):
    """A section of the taxonomy that could not be read (its mistake is
    said): every id counts as one of it, so that no reference to it is
    called unknown for a mistake that is not the referrer's."""

    def __init__(self, term: type[BaseModel]) -> None:
        super().__init__()
        self.term = term

    def __contains__(self, key: object) -> bool:
        return True

    def __missing__(self, key: str) -> BaseModel:
        return _stand_in_term(self.term, key)


def _stand_in_term(term: type[BaseModel], key: str) -> BaseModel:
    """A term of the taxonomy whose entry has mistakes (said): its id as its name."""
    return term.model_construct(name=key, **({"group": "other"} if "group" in term.model_fields else {}))


def _taxonomy_for_checks(doc: Document) -> Taxonomy:
    """The taxonomy as far as it can be read, to check the other files
    against when it has mistakes: every term whose id can be read, a faulty
    one as a stand-in (it is there, only written wrongly), and a section that
    cannot be read at all as one that holds every id."""
    data = doc.data if isinstance(doc.data, dict) else {}
    sections: dict[str, Any] = {}
    for name, info in Taxonomy.model_fields.items():
        term = get_args(info.annotation)[1]
        raw = data.get(name)
        if name in doc.broken or (name not in data and info.is_required()) or \
                (raw is not None and not isinstance(raw, dict)):
            sections[name] = _Unread(term)
            continue
        terms: dict[str, Any] = {}
        for key, value in (raw or {}).items():
            if not isinstance(key, str):
                continue
            try:
                terms[key] = term.model_validate(value)
            except ValidationError:
                terms[key] = _stand_in_term(term, key)
        for key in list(terms):  # an id written wrongly ('Hyves'): the one meant is there too
            terms.setdefault(slugify(key), _stand_in_term(term, key))
        sections[name] = terms
    return Taxonomy.model_construct(**sections)


def check_docs_folder(project: Path, docs: Path, problems: Problems, catalog: Catalog | None = None) -> None:
    """Its pages written by hand hold no invisible characters (as records do
    not). With `catalog`: every link and image in its records' text leads to
    a page or file written by hand in the docs folder. (What may be
    published from there at all, links and hard links refused:
    `published.check_published`.)"""
    shown = shown_path(project, docs)
    if docs.is_symlink():
        return
    written: set[str] = set()  # the files written by hand, as paths in the docs folder
    for folder, subfolders, files in os.walk(docs):
        here = Path(folder)
        inside = here.relative_to(docs).as_posix()
        if inside.split("/")[0] != GENERATED:
            written.update(name if inside == "." else f"{inside}/{name}" for name in files)
            for name in sorted(files):
                # A plain file only: a link is refused elsewhere, a pipe would never end.
                # Pages, and text a page can include (snippets).
                if name.endswith((".md", ".txt")) and (here / name).is_file() and not (here / name).is_symlink():
                    check_page(here / name, f"{shown}/{(here / name).relative_to(docs).as_posix()}", problems)
    if catalog is not None:
        leads: dict[tuple[str, str, bool], bool] = {}  # each address once, however many links use it
        for address in catalog.addresses:
            key = (address.url, address.path, address.image)
            if key not in leads:
                leads[key] = _leads_somewhere(address, written, catalog.ids)
            if not leads[key]:
                problems.error(address.path, address.line, address.col, say(
                    "image_nowhere" if address.image else "link_nowhere", field=field_name(address.field),
                    snippet=quote(address.url, 60), docs=shown))


def _leads_somewhere(address: Address, written: set[str], ids: dict[str, set[str]]) -> bool:
    """Whether a link or image in a record's text, written as from the
    record's page (`records/lessons/x.md`), leads to a record's page or to
    a file written by hand in the docs folder."""
    path = unquote(address.url.partition("#")[0])
    if not path:
        return not address.image  # an anchor on the record's own page
    if path.startswith("/") or "?" in path or "\\" in path:
        return False  # from the site's root: wrong wherever the site is served from
    folder = address.path.split("/")[-2]
    target = posixpath.normpath(posixpath.join(GENERATED, folder, path))
    if target.split("/")[0] != GENERATED:
        return target in written
    kind_folder, _, name = target.partition("/")[2].partition("/")
    model = KIND_BY_FOLDER.get(kind_folder)
    stem = name.removesuffix(".md")
    return (model is not None and not address.image and name.endswith(".md") and "/" not in name
            and (stem == "index" or stem in ids.get(model.kind, ())))
