"""What every page provider shares: the page type, the site's language and
relative links between generated pages.

`Site` formats; it does not decide. Names, links, dates and list entries are
made here from the catalog, in the site's language; whether something is
overdue, answered or related is read from the catalog as it is.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Iterable
from urllib.parse import quote, urlencode

from ...records.catalog import Catalog, Entry, Review
from ...records.health import SEVERITIES, SEVERITY, Item, Report, report
from ...words.labels import LABELS, counted, format_day, format_money, format_number
from ...words.messages import NEW_FILE_NAMES, speaking
from ...records.models import FOLDERS, Account, Campaign, Lesson, Person
from ...records.vocabularies import VOCABULARIES, terms_named, vocabulary
from ...records.record_file import blank_record
from ...records.text import gist
from ..drawings import Drawings
from ..render import Raw, join, link
from ...project.settings import GENERATED
from ...records.relations import (ACCOUNTS_BACKED_UP_BY, ACCOUNTS_OWNED_BY, CAMPAIGNS_OF_RECRUITMENT,
                                 CAMPAIGNS_OF_YEAR, CAMPAIGNS_RUN_BY, CAMPAIGNS_SECURED_BY, GUIDELINES_OWNED_BY,
                                 LESSONS_BY_AUTHOR, LESSONS_OF_CAMPAIGN, LESSONS_OF_LEVEL, LESSONS_OF_STATUS,
                                 RECURRED_BY, SUPERSEDES, Relation, of, of_term, term_relations)


@dataclass(frozen=True)
class Page:
    path: str  # relative to the generated folder, with '/'
    template: str
    context: dict[str, Any]
    raw: str | Iterable[str] | None = None  # a file written as it is (a chart; the export, in parts)


Job = tuple[str, Callable[[], Page]]


def page_url(path: str, directory_urls: bool = True) -> str:
    """Where a generated file is served, relative to the generated folder:
    'lessons/x.md' -> 'lessons/x/' (or 'lessons/x.html'), 'lessons/index.md'
    -> 'lessons/', 'charts/a.svg' -> 'charts/a.svg'. The engine does not
    rewrite links inside HTML blocks, so the generator writes final addresses."""
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    folder, _, name = stem.rpartition("/")
    if name == "index":
        return f"{folder}/" if folder else ""
    return f"{stem}/" if directory_urls else f"{stem}.html"


def _relative(from_folder: str, target: str) -> str:
    """`target` (a served path) relative to the folder a page is served from."""
    if target == from_folder:
        return "./"
    if target.endswith("/") or not target:
        folder, name = target, ""
    else:
        folder, _, name = target.rpartition("/")
    here = [part for part in from_folder.split("/") if part]
    there = [part for part in folder.split("/") if part]
    common = 0
    while common < len(here) and common < len(there) and here[common] == there[common]:
        common += 1
    return ("../" * (len(here) - common) + "".join(part + "/" for part in there[common:]) + name) or "./"


def record_path(kind: str, ident: str) -> str:
    """The generated page of a record (a guideline's page is its platform's)."""
    return f"{FOLDERS[kind]}/{ident}.md"


def term_path(term: str, ident: str) -> str:
    """The page of a vocabulary's term ('channels/x.md', a platform's is its
    guideline's), or for a term without a page of its own the list of
    campaigns by that term, where it has an anchor."""
    page = vocabulary(term).page
    return f"{page}/{ident}.md" if page is not None else f"lists/campaigns-by-{term}.md"


def term_address(term: str, ident: str) -> tuple[str, str]:
    """The page of a term and the anchor on it ('' for a page of its own)."""
    page = vocabulary(term).page
    return (term_path(term, ident), "" if page is not None else ident)


# The page about the feed of new lessons, for readers (home.py): linked from
# the home page and the list of lessons.
FEED_PAGE = "feed.md"

# The charts, drawn by the overview provider and shown by others.
CHANNEL_CHART = "charts/channels.svg"
PLATFORM_CHART = "charts/platforms.svg"
YEARS_CHART = "charts/years.svg"
COVERAGE_CHART = "charts/goal-coverage.svg"


def chart_of(group: str, key: str) -> str:
    """The chart of a channel's or platform's own page, with its bars highlighted."""
    return f"charts/{group}/{key}.svg"


def narrow_path(path: str) -> str:
    """Where the narrow drawing of the chart at `path` is: beside it, with
    `.narrow` before `.svg` (no id has a dot, so no chart is named so)."""
    return path.removesuffix(".svg") + ".narrow.svg"


# No page lists more than PAGE_SIZE records: a longer list is split into
# numbered pages. A page about something else shows the first SHOWN of a
# related list and links to the whole list, so every page stays small however
# many records the handbook holds, and every record is a few clicks away.
PAGE_SIZE = 100
# The pager of a paged list links the pages this near the shown one, and every PAGER_STEP-th.
PAGER_NEAR = 4
PAGER_STEP = 10
SHOWN = 10
# On a page of groups (campaigns per year, per platform ...) each group shows
# fewer: there may be as many groups as years or platforms.
SHOWN_IN_GROUP = 5

# The full lists a page links to (a list no page shows in part would be an
# orphan): every relation a term's own page shows, what a platform's page and
# the list of campaigns by scenario show, and these.
FULL_LISTS = frozenset({
    CAMPAIGNS_OF_RECRUITMENT, CAMPAIGNS_OF_YEAR, CAMPAIGNS_RUN_BY, CAMPAIGNS_SECURED_BY,
    LESSONS_OF_LEVEL, LESSONS_OF_STATUS, LESSONS_BY_AUTHOR, LESSONS_OF_CAMPAIGN, RECURRED_BY, SUPERSEDES,
    ACCOUNTS_OWNED_BY, ACCOUNTS_BACKED_UP_BY, GUIDELINES_OWNED_BY,
    of("campaigns", "platform"), of("lessons", "platform"), of("accounts", "platform"), of("campaigns", "scenario"),
    of("lessons", "scenario"),
    *(relation for v in VOCABULARIES if v.page is not None and v.own_pages for relation in term_relations(v)),
})
# The lists that pages of groups show (a few of each group): their full
# lists exist from SHOWN_IN_GROUP on; the others' from SHOWN on.
GROUPED = frozenset({
    of("campaigns", "platform"), of("campaigns", "channel"), of("campaigns", "scenario"), CAMPAIGNS_OF_RECRUITMENT,
    CAMPAIGNS_OF_YEAR, LESSONS_OF_LEVEL, of("lessons", "platform"), LESSONS_OF_STATUS,
})
# Lists that exist whole from their first record: no page of their term
# shows them (a scenario has none), and a campaign page links to them.
ALWAYS_LISTED = frozenset({of("lessons", "scenario")})
# Lessons that apply to a term (`applies_to`): superseded ones are never
# listed as applying.
CURRENT_ONLY = frozenset(of_term(v, use) for v in VOCABULARIES for use in v.uses if use.path[0] == "applies_to")


# The order of every list of lessons: what the handbook stands by first.
LESSON_STATUS_ORDER = ("accepted", "proposed", "superseded")


def list_path(relation: Relation, key: str, number: int = 1) -> str:
    """Page `number` of the full list of `relation` for `key`."""
    name = relation.name
    return f"lists/{name}/{key}.md" if number == 1 else f"lists/{name}/{key}/{number}.md"


def numbered(first: str, number: int) -> str:
    """Page `number` of a paged list whose first page is `first`: later pages
    lie in a folder named after the first ('lists/x/y.md' -> 'lists/x/y/2.md');
    those of an index page under 'lists/pages/', never among the records."""
    if number == 1:
        return first
    stem = first[:-3]
    if stem == "index" or stem.endswith("/index"):
        return f"lists/pages/{stem[:-len('index')].strip('/') or 'home'}/{number}.md"
    return f"{stem}/{number}.md"


def pages_of(count: int) -> int:
    return max(1, -(-count // PAGE_SIZE))


class Site:
    """The catalog as the pages of one language see it."""

    def __init__(self, catalog: Catalog, language: str, source_url: str | None = None,
                 directory_urls: bool = True, contact_details: bool = False, site_url: str | None = None,
                 site_name: str = "Wervingshandboek", links_from_source: bool = False,
                 manager: str | None = None, drawings: Drawings | None = None) -> None:
        self.c = catalog
        # The charts drawn before, by what they show (`drawings`): none kept unless given.
        self.drawings = drawings or Drawings(None)
        # The person id mkdocs.yml names as the manager (extra.handbook.manager):
        # who acts on what no record's own people can (`health.who_acts`).
        self.manager = manager
        # Where a relative address in a page's HTML starts: MkDocs leaves HTML
        # as it is, so the browser reads it from the page's address
        # ('records/lessons/x/'); Zensical reads it, like a Markdown link, from
        # the page's file ('records/lessons/') and rewrites it for the address.
        self.links_from_source = links_from_source
        self.site_url = site_url
        self.site_name = site_name
        self.language = language
        self.directory_urls = directory_urls
        self.contact_details = contact_details
        self.L = LABELS[language]
        self.source_url = source_url
        # The names of every vocabulary's terms in the site's language: term -> id -> name.
        self.names: dict[str, dict[str, str]] = {
            v.term: {k: self._term(t) for k, t in getattr(catalog.taxonomy, v.section).items()} for v in VOCABULARIES}
        self._members: dict[tuple[Relation, str], list[str]] = {}
        # What a list says of a record besides its link (its detail line and
        # its gist) is the same on every page that lists it: worked out once
        # per record and process. At 10,000 records the lists name lessons
        # and campaigns some 150,000 times, and formatting those lines again
        # each time was a third of generation.
        self._said: dict[tuple[str, str], tuple[Any, str]] = {}

    def prepare(self) -> None:
        """Work out now what many pages read (the findings, the lesson table),
        so that two processes making pages do not both work it out."""
        self.people_to_do  # noqa: B018 - computes self.health and everyone's to-dos on the way
        self.c.prepare()

    def _term(self, term: Any) -> str:
        return term.name_en if self.language == "en" and term.name_en else term.name

    # --- links ------------------------------------------------------------------

    def rel(self, frm: str, target: str) -> str:
        """The address, from page `frm`, of the page or file `target` (both
        paths in the generated folder, as the pages are planned, or both in
        the docs folder)."""
        return _relative(self._folder(frm), page_url(target, self.directory_urls))

    def _folder(self, frm: str) -> str:
        """The folder a relative address on page `frm` starts from (see
        `links_from_source`)."""
        here = frm if self.links_from_source else page_url(frm, self.directory_urls)
        if not here.endswith("/"):
            here = here.rpartition("/")[0] + "/" if "/" in here else ""
        return here

    def from_home(self, target: str) -> str:
        """The address of a generated page from the home page, which is the
        docs folder's own index (the snippet it includes is generated)."""
        return f"{GENERATED}/{page_url(target, self.directory_urls)}"

    def author_link(self, frm: str, href: str) -> str:
        """A relative address an author wrote in a Markdown field, to a page
        or file of the handbook ('../lessons/x.md#a', '../../assets/x.png',
        as from the generated page): where the engine serves it."""
        path, _, anchor = href.partition("#")
        if not path or path.startswith("/") or "?" in path:
            return href  # this page, or what the check refuses: as written
        source = f"{GENERATED}/{frm}"
        target = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
        if target.startswith("../") or target == "..":
            return href  # outside the handbook, refused by the check: as written
        address = self.rel(source, target) + (f"#{anchor}" if anchor else "")
        # 'x/http:/host/.md' must not become 'http:/host/': a first segment with
        # a colon would read as a scheme, so such a path starts with './'.
        return address if ":" not in address.split("/", 1)[0] else "./" + address

    def crumbs(self, frm: str, index: str, section: str, here: str) -> dict[str, Any]:
        """Where page `frm` lies, above its title: the home page, the list it
        is found from (`index`, named `section`) and what the page is (its
        kind, and the year a record is of: "Les · 2024")."""
        return {"home": self.rel(f"{GENERATED}/{frm}", "index.md"), "home_label": self.L["start"],
                "section": link(section, self.rel(frm, index)), "here": here}

    def record_crumbs(self, frm: str, kind: str, year: int | None = None) -> dict[str, Any]:
        """The crumbs of a record's page: its kind's list, its kind and year."""
        folder = "platforms" if kind == "guideline" else FOLDERS[kind]
        label = self.L["platform" if kind == "guideline" else kind]
        return self.crumbs(frm, f"{folder}/index.md", self.L[folder],
                           f"{label} · {year}" if year is not None else label)

    def url(self, frm: str, kind: str, ident: str, anchor: str = "") -> str:
        return self.rel(frm, record_path(kind, ident)) + (f"#{anchor}" if anchor else "")

    def title(self, kind: str, ident: str) -> str:
        if kind == "guideline":
            return self.names["platform"][ident]
        return self.c.title(kind, ident)

    def record_link(self, frm: str, kind: str, ident: str) -> Raw:
        return link(self.title(kind, ident), self.url(frm, kind, ident))

    def campaign_link(self, frm: str, ident: str) -> Raw:
        return self.record_link(frm, "campaign", ident)

    def lesson_link(self, frm: str, ident: str) -> Raw:
        return self.record_link(frm, "lesson", ident)

    def term_link(self, frm: str, term: str, ident: str) -> Raw:
        """A term's name linked to its page (or its place on the list of campaigns by it)."""
        path, anchor = term_address(term, ident)
        return link(self.names[term][ident], self.rel(frm, path) + (f"#{anchor}" if anchor else ""))

    def terms(self, frm: str, term: str, idents: Iterable[str]) -> list[Raw]:
        """Terms named by a record, each linked to its page."""
        return [self.term_link(frm, term, ident) for ident in idents]

    def person(self, frm: str, ident: str | None) -> Raw:
        """A person's name linked to their page; for someone who left, when,
        and who to ask now: whoever took over (through everyone who took
        over and left in turn), or a warning that nobody did."""
        if ident is None or ident not in self.c.people:
            return Raw.escape(self.L["nobody"])
        person: Person = self.c.people[ident].record
        text = link(self.person_name(ident), self.url(frm, "person", ident))
        if person.left is not None:
            text = Raw("{} ({} {}) {}").format(text, self.L["left_on"], self.day(person.left),
                                               self.ask_now(frm, ident))
        return text

    def whom_to_ask(self, ident: str) -> tuple[str | None, bool]:
        """Whom to ask now about what someone who left held, and whether
        they took it over: whoever took over (through everyone who took over
        and left in turn); else the manager, who settles what no one else
        can (`health.who_acts`: the knowledge of someone who left without a
        successor is theirs); else nobody (no manager set, or it is the
        person who left)."""
        now = self.c.taken_over_by(ident)
        if now is not None:
            return now, True
        manager = self.health.manager
        return (None if manager in (None, ident) else manager), False

    def ask_now(self, frm: str, ident: str) -> Raw:
        """Beside someone who left: who to ask now ("— vraag Lotte Jansen",
        linked). When nobody took over, the warning and whom to ask instead,
        "zonder opvolger — vraag Eva Smit", or the warning alone when there
        is nobody to name (`whom_to_ask`)."""
        ask, took_over = self.whom_to_ask(ident)
        named = None if ask is None else Raw("{} {}").format(
            self.L["ask"], link(self.person_name(ask), self.url(frm, "person", ask)))
        if took_over:
            return Raw("— {}").format(named)
        warning = flag(self.L["no_successor"], "critical")
        return warning if named is None else Raw("{} — {}").format(warning, named)

    def contact(self, person: Person) -> tuple[str | None, str | None]:
        """The e-mail address and phone number a page may show: those of
        current staff, and only where the setting allows it."""
        if not self.contact_details or person.left is not None:
            return None, None
        return person.email, person.phone

    def person_name(self, ident: str | None) -> str:
        """A person as pages name them: their name, and where someone else
        has the same name, what tells them apart (`_distinct_names`)."""
        if ident is None or ident not in self.c.people:
            return self.L["nobody"]
        return self._distinct_names.get(ident) or self.c.people[ident].record.name

    @functools.cached_property
    def _distinct_names(self) -> dict[str, str]:
        """For people who share a name with someone else: the name with
        their role ("Eva Smit (recruiter)"), or their team where the role is
        the same, or both; the id an author writes where even those are."""
        namesakes: dict[str, list[tuple[str, Person]]] = {}
        for ident, entry in self.c.people.items():
            namesakes.setdefault(entry.record.name.casefold(), []).append((ident, entry.record))
        named = {}
        for group in namesakes.values():
            for ident, person in group if len(group) > 1 else ():
                others = [other for key, other in group if key != ident]
                if all(other.role != person.role for other in others):
                    told = person.role
                elif all(other.team != person.team for other in others):
                    told = person.team
                elif all((other.role, other.team) != (person.role, person.team) for other in others):
                    told = f"{person.role}, {person.team}"
                else:
                    told = ident
                named[ident] = f"{person.name} ({told})"
        return named

    # --- words ------------------------------------------------------------------

    def day(self, day: date) -> str:
        """A date in words in the site's language."""
        return format_day(day, self.language)

    def counted(self, key: str, n: int, **values: object) -> str:
        """A label about `n` things in the form `n` takes: "1 les", "2 lessen"."""
        return counted(key, n, self.language, **values)

    def headline_label(self, key: str, value: float | None) -> str:
        """What a headline figure counts, in the form its number takes ("1
        les in 2026"); a share ("74%") is not a count."""
        if key == "headline_answered":
            return self.L[key]
        return self.counted(key, round(value or 0), year=self.c.today.year)

    def number(self, value: float) -> str:
        return format_number(value, self.language)

    def money(self, value: float) -> str:
        return format_money(value, self.language)

    def joined(self, links: Iterable[str]) -> Raw:
        items = list(links)
        return join(items) if items else Raw.escape(self.L["none"])

    def named_terms(self, frm: str, kind: str, record: Any, shown: set[str]) -> list[tuple[str, Raw]]:
        """(label, linked terms) for every vocabulary a record of `kind`
        names in a field its page does not show by itself (`shown`)."""
        rows = []
        for v in VOCABULARIES:
            for use in v.uses:
                named = terms_named(record, use) if use.kind == kind and use.path[0] not in shown else []
                if named:
                    rows.append((self.L[v.section if use.many else v.term], self.joined(self.terms(frm, v.term, named))))
        return rows

    def tags(self, frm: str, tags: list[str]) -> list[Raw]:
        """A record's tags, each linked to the page of that tag."""
        return self.terms(frm, "tag", tags)

    def source(self, entry: Entry | None) -> dict[str, Any]:
        """Where a page's record lives, and the link to edit it in the
        repository (not the generated Markdown). No entry: the taxonomy."""
        return self.source_of(entry.path if entry is not None else self.c.taxonomy_doc.path)

    def new_record_url(self, kind: str) -> str | None:
        """The repository's web editor with a new record of `kind` in it, its
        fields still to fill in (`record_file.blank_record`): the way in for
        authors without a terminal. GitHub's new-file address takes the file
        name and the content; None without a GitHub-style edit address."""
        if not self.source_url or "/edit/" not in self.source_url:
            return None
        base = self.source_url.rstrip("/").replace("/edit/", "/new/", 1)
        with speaking(self.language):  # the file's comments in the site's language, whoever builds it
            blank = blank_record(kind)
            name = NEW_FILE_NAMES[kind]
        query = urlencode({"filename": f"{name}.yml", "value": blank}, quote_via=quote)
        return f"{base}/data/{FOLDERS[kind]}?{query}"

    def source_of(self, path: str) -> dict[str, Any]:
        url = f"{self.source_url.rstrip('/')}/{path}" if self.source_url else None
        return {"path": path, "edit_url": url}

    @functools.cached_property
    def health(self) -> Report:
        """The knowledge-health findings, gathered once for every page that
        shows them, each item with the person who acts on it."""
        return report(self.c, self.manager)

    def members(self, relation: Relation, key: str) -> list[str]:
        """The records of a relation as lists show them (sorted by `entries`)."""
        found = self._members.get((relation, key))
        if found is None:
            ids = self.c.of(relation, key)
            ids = self.current(ids) if relation in CURRENT_ONLY else ids
            found = self._members[relation, key] = self._order(relation)(ids)
        return found

    def _order(self, relation: Relation) -> Callable[[Iterable[str]], list[str]]:
        return {"campaigns": self._campaign_order, "lessons": self._lesson_order, "accounts": sorted,
                "people": self._person_order, "guidelines": sorted}[relation.records]

    @functools.cached_property
    def _to_do(self) -> dict[str, dict[str, list[Item]]]:
        grouped: dict[str, dict[str, list[Item]]] = {}
        for name, items in self.health.findings.items():
            for item in items:
                if item.who is not None:
                    grouped.setdefault(item.who, {}).setdefault(name, []).append(item)
        return grouped

    def to_do(self, person: str) -> dict[str, list[Item]]:
        """What `person` is to act on, by finding name, in report order: the
        items the dashboard gives to them (`Item.who`), and no others."""
        return self._to_do.get(person, {})

    @functools.cached_property
    def taken_over(self) -> dict[str, list[str]]:
        """Person id -> the people who left whose responsibilities they now
        hold (through everyone who took over and left in turn), by name."""
        held: dict[str, list[str]] = {}
        for ident, entry in self.c.people.items():
            if entry.record.left is not None and (now := self.c.taken_over_by(ident)) is not None:
                held.setdefault(now, []).append(ident)
        return {now: self._person_order(left) for now, left in held.items()}

    @functools.cached_property
    def people_to_do(self) -> list[tuple[str, int, str]]:
        """(person, how many items, the most severe of them) for everyone
        with something to do: the most severe first, then the most items."""
        rows = []
        for person, found in self._to_do.items():
            worst = min((SEVERITIES.index(SEVERITY[name]) for name in found), default=len(SEVERITIES) - 1)
            rows.append((person, sum(map(len, found.values())), SEVERITIES[worst]))
        return sorted(rows, key=lambda row: (SEVERITIES.index(row[2]), -row[1], self.person_name(row[0]).casefold(),
                                             row[0]))

    @staticmethod
    def review(review: Review) -> dict[str, Any]:
        """A record's review verdict, as the page footer shows it."""
        return {"reviewed": review.reviewed, "due": review.due, "overdue": review.overdue}

    def filters(self, kind: str, record: Any = None, terms: dict[str, list[str]] | None = None,
                level: str | None = None, status: str | None = None, year: int | None = None) -> list[tuple[str, str]]:
        """What search can narrow a page of `kind` down by: (filter, value)
        pairs, named in the site's language. The terms of every vocabulary
        that is a filter come from `record` (by the vocabulary's uses) or,
        on a term's own page, from `terms` (term -> ids). A lesson is also
        found by the terms of its campaigns in a vocabulary lessons do not
        name themselves: the target groups its campaigns wanted to reach.
        The kind comes first: a search result says it (`_front.md.j2`).
        Search offers them in `search.FILTER_ORDER`, by the same keys."""
        L = self.L
        pairs = [(L["kind"], L[kind])]
        for v in VOCABULARIES:
            if not v.filter:
                continue
            named = (terms or {}).get(v.term, [])
            if record is not None:
                named = [t for use in v.uses if use.kind == kind for t in terms_named(record, use)]
                if kind == "lesson" and not any(use.kind == "lesson" for use in v.uses):
                    named = sorted({t for cid in record.campaigns if cid in self.c.campaigns
                                    for use in v.uses if use.kind == "campaign"
                                    for t in terms_named(self.c.campaigns[cid].record, use)})
            pairs += [(L[v.term], self.names[v.term][t]) for t in named]
        pairs += [(L[name], L[value]) for name, value in (("level", level), ("status", status)) if value]
        pairs += [(L["year"], str(year))] if year is not None else []
        return pairs

    # --- lists that do not grow with the handbook -----------------------------------

    def entries(self, frm: str, relation: Relation, ids: Iterable[str], start: int = 0,
                stop: int | None = None) -> list[dict[str, Any]]:
        """Entries `start` to `stop` of a list of records (`ids` in the list's
        order, as `members` gives them); only those are formatted."""
        kind = relation.records
        make = {"campaigns": self.campaign_items, "lessons": self.lesson_items, "accounts": self.account_items,
                "people": self.person_items, "guidelines": self.guideline_items}[kind]
        return make(frm, list(ids)[start:stop], ordered=True)

    def _campaign_order(self, ids: Iterable[str]) -> list[str]:
        campaigns = self.c.campaigns
        return sorted(ids, key=lambda k: (campaigns[k].record.period.start, k), reverse=True)

    def _lesson_order(self, ids: Iterable[str]) -> list[str]:
        """Lessons as every list shows them (and says: `lessons_order`):
        accepted ones first, then proposed, then superseded; each newest
        first. Newest first alone put ten proposals at the top of a
        platform's page of a large handbook."""
        lessons = self.c.lessons
        newest = sorted(ids, key=lambda k: (lessons[k].record.date, k), reverse=True)
        return sorted(newest, key=lambda k: LESSON_STATUS_ORDER.index(lessons[k].record.status))

    def _person_order(self, ids: Iterable[str]) -> list[str]:
        people = self.c.people
        return sorted(ids, key=lambda k: (people[k].record.name.casefold(), k))

    def capped(self, frm: str, relation: Relation, key: str, shown: int = SHOWN) -> dict[str, Any]:
        """The first `shown` records of a relation, newest first, and a link to
        the whole list when there are more."""
        ids = self.members(relation, key)
        more = None
        if len(ids) > shown:
            more = link(self.L[f"all_{relation.records}"].format(count=self.number(len(ids))),
                        self.rel(frm, list_path(relation, key)))
        return {"entries": self.entries(frm, relation, ids, 0, shown), "total": len(ids), "more": more,
                "order": self.L["lessons_order"] if relation.records == "lessons" and len(ids) > 1 else None}

    def inline(self, capped: dict[str, Any]) -> Raw | None:
        """A capped list on one line: its links, then the link to all of them."""
        if not capped["total"]:
            return None
        links = [entry["link"] for entry in capped["entries"]]
        return join(links + ([capped["more"]] if capped["more"] else []))

    def full_lists(self) -> list[tuple[Relation, str]]:
        """(relation, key) of every list too long to show whole elsewhere, by the list's address."""
        return sorted(((relation, key) for relation, key in self.c.related
                       if key is not None and self.has_full_list(relation, key)),
                      key=lambda pair: (pair[0].name, pair[1]))

    def has_full_list(self, relation: Relation, key: str) -> bool:
        """Whether the list of `relation` for `key` has pages of its own:
        when it is longer than a page about its subject shows."""
        shown = 0 if relation in ALWAYS_LISTED else SHOWN_IN_GROUP if relation in GROUPED else SHOWN
        return relation in FULL_LISTS and len(self.members(relation, key)) > shown

    def whole_list(self, relation: Relation, key: str) -> str:
        """A page that holds every record of a term's list: its full list,
        or the term's own page, which shows them all while they are few."""
        if self.has_full_list(relation, key):
            return list_path(relation, key)
        return term_path(relation.subject, key)

    def pager(self, first: str, number: int, count: int) -> dict[str, Any] | None:
        """Links to the other pages of a paged list, as page `number` shows them."""
        total = pages_of(count)
        if total == 1:
            return None
        here = numbered(first, number)
        # The first and last page, four either side of this one, and every
        # tenth: any page of a long list is three clicks away at most.
        shown = sorted({1, total, *range(max(1, number - PAGER_NEAR), min(total, number + PAGER_NEAR) + 1),
                        *range(PAGER_STEP, total, PAGER_STEP)})
        return {
            "number": number, "total": total,
            "label": self.L["page_of"].format(number=number, total=total),
            "previous": self.rel(here, numbered(first, number - 1)) if number > 1 else None,
            "next": self.rel(here, numbered(first, number + 1)) if number < total else None,
            "pages": [page for before, n in zip([0, *shown], shown) for page in (
                ([{"gap": True}] if n - before > 1 else [])
                + [{"gap": False, "number": n, "url": self.rel(here, numbered(first, n)), "current": n == number}])],
        }

    # --- list entries -------------------------------------------------------------

    def campaign_items(self, frm: str, ids: Iterable[str], ordered: bool = False) -> list[dict[str, Any]]:
        items = []
        for cid in ids if ordered else self._campaign_order(ids):
            detail, said = self._said_of("campaign", cid)
            items.append({"link": self.campaign_link(frm, cid), "detail": detail, "gist": said})
        return items

    def _said_of(self, kind: str, ident: str) -> tuple[Any, str]:
        """The detail line and the gist a list shows under a lesson's or a
        campaign's link (the same wherever it is listed)."""
        key = (kind, ident)
        if key not in self._said:
            if kind == "campaign":
                campaign: Campaign = self.c.campaigns[ident].record
                detail = f"{campaign.period.start.year} · {self.L[campaign.recruitment]} · {self.L[campaign.status]}"
                self._said[key] = (detail, self.campaign_gist(ident))
            else:
                lesson: Lesson = self.c.lessons[ident].record
                self._said[key] = (Raw("{} · {}").format(lesson.date.year, self.lesson_status(lesson)),
                                   gist(lesson.lesson))  # what it says, without opening it
        return self._said[key]

    def campaign_gist(self, cid: str) -> str:
        """What a list says of a campaign without opening it: who it wanted
        to reach (its target groups, or the first sentence of its audience)
        and its headline result (hires, and the cost of one)."""
        campaign: Campaign = self.c.campaigns[cid].record
        groups = getattr(campaign, "target_groups", None) or []
        parts = [", ".join(self.names["target_group"][g] for g in groups) if groups else gist(campaign.audience, 80)]
        figures = self.c.campaign_figures.get(cid) or {}
        hires, per_hire = figures.get("hires"), figures.get("cost_per_hire")
        if hires is not None:
            result = self.counted("hires_counted", round(hires))
            if per_hire is not None:
                result += f" ({self.money(round(per_hire))} {self.L['per_hire']})"
            parts.append(result)
        return " · ".join(part for part in parts if part)

    def current(self, lesson_ids: Iterable[str]) -> list[str]:
        """The lessons that still apply: superseded ones are never listed as applying."""
        return [k for k in lesson_ids if self.c.lessons[k].record.status != "superseded"]

    def lesson_status(self, lesson: Lesson) -> Raw:
        """Level and status of a lesson; a superseded one visibly so."""
        if lesson.status == "superseded":
            return Raw("{} · {}").format(self.L[lesson.level], flag(self.L["superseded"], "low"))
        return Raw("{} · {}").format(self.L[lesson.level], self.L[lesson.status])

    def lesson_items(self, frm: str, ids: Iterable[str], ordered: bool = False) -> list[dict[str, Any]]:
        items = []
        for lid in ids if ordered else self._lesson_order(ids):
            detail, said = self._said_of("lesson", lid)
            items.append({"link": self.lesson_link(frm, lid), "detail": detail, "gist": said})
        return items

    def account_items(self, frm: str, ids: Iterable[str], ordered: bool = False) -> list[dict[str, Any]]:
        items = []
        for aid in ids if ordered else sorted(ids):
            account: Account = self.c.accounts[aid].record
            items.append({
                "link": link(account.handle, self.url(frm, "account", aid)),
                "detail": Raw("{} · {}").format(self.names["platform"][account.platform],
                                                flag(self.L[account.status], "medium") if account.status == "dormant"
                                                else self.L[account.status]),
            })
        return items

    def guideline_items(self, frm: str, ids: Iterable[str], ordered: bool = False) -> list[dict[str, Any]]:
        return [{"link": self.term_link(frm, "platform", k), "detail": ""} for k in (ids if ordered else sorted(ids))]

    def person_items(self, frm: str, ids: Iterable[str], ordered: bool = False) -> list[dict[str, Any]]:
        """People in a list: each with their role; someone who left with
        when, and who to ask now (`person`)."""
        people = self.c.people
        return [{"link": self.person(frm, k), "detail": people[k].record.role}
                for k in (ids if ordered else self._person_order(ids))]


def flag(text: str, severity: str) -> Raw:
    """A status cue: the same look for the same meaning on every page."""
    return Raw('<span class="handbook-flag handbook-flag--{}">{}</span>').format(severity, text)


def wanted(only: set[str] | None, entry: Entry) -> bool:
    """Whether a record's page is asked for (`only`: record file paths)."""
    return only is None or entry.path in only
