"""What readers found wanting on the built pages (the example handbook and
the synthetic one of 1,000 records): whom to ask when nobody took over,
what a target group's campaigns taught, where "and N more" leads, who is
who when two share a name, the handbook's words rather than its authors',
and the date the feed is ordered by."""

from __future__ import annotations

import functools

import re
from datetime import date
from pathlib import Path

import pytest

from .conftest import TODAY

pytestmark = pytest.mark.slow


def _catalog(project: Path):
    from generator.records.load import load_catalog
    from generator.words.problems import Problems

    return load_catalog(project, Problems(), TODAY)


def generated(project: Path, path: str) -> str:
    return (project / "handbook" / "records" / path).read_text("utf-8")


def built(project: Path, path: str) -> str:
    return (project / "site" / path).read_text("utf-8")


def test_someone_who_left_without_a_successor_is_named_with_the_manager_to_ask(example_nl: Path) -> None:
    """Thomas Mulder left and nobody took over: wherever he is named as
    responsible, the warning says whom to ask instead, the manager."""
    ask = ('<span class="handbook-flag handbook-flag--critical">zonder opvolger</span> — vraag '
           '<a href="{}">Eva Smit</a>')
    people = generated(example_nl, "people/index.md")
    row = next(line for line in people.splitlines() if "thomas-mulder/" in line)
    assert ask.format("eva-smit/") in row, row
    own = generated(example_nl, "people/thomas-mulder.md")
    assert "Thomas Mulder is vertrokken op" in own and ask.format("../eva-smit/") in own
    # Every "zonder opvolger" on every page says whom to ask, but on the dashboard's
    # rows of that finding, which name who acts ("door Eva Smit"), and on the
    # manager's own list of them (she is whom to ask).
    for page in (example_nl / "handbook" / "records").rglob("*.md"):
        if page.name == "eva-smit.md":
            continue
        for line in page.read_text("utf-8").splitlines():
            for at in [m.end() for m in re.finditer("critical\">zonder opvolger</span>", line)]:
                assert line[at:].startswith(" — vraag <a ") or "door Eva Smit" in line[at:], (page, line[at - 80:at + 60])


def test_a_target_group_page_lists_the_lessons_of_its_campaigns_with_what_each_says(example_nl: Path) -> None:
    catalog = _catalog(example_nl)
    page = generated(example_nl, "target-groups/studenten.md")
    section = page.split("## Lessen uit campagnes voor deze doelgroep (", 1)[1]
    count = int(section.split(")", 1)[0])
    expected = {lid for lid, entry in catalog.lessons.items()
                if any("studenten" in (catalog.campaigns[cid].record.target_groups or []) for cid in entry.record.campaigns
                       if cid in catalog.campaigns)}
    assert count == len(expected) > 0
    assert section.split("<ul", 1)[0].count("Aanvaarde lessen eerst, dan voorgestelde; elk de nieuwste voorop.") == 1
    items = re.findall(r'<li><a href="\.\./\.\./lessons/([^/]+)/">[^<]+</a> · (\d{4}) · [^·]+ · (\w+)'
                       r'<br><span class="handbook-gist">([^<]+)</span></li>', section.split("</ul>", 1)[0])
    assert {lid for lid, *_ in items} <= expected and len(items) == min(count, 10)
    assert all(gist.strip() for *_, gist in items)


def test_lessons_are_listed_accepted_first_newest_first_and_say_so(synthetic: Path) -> None:
    """On the LinkedIn page of 1,000 records the first ten were all proposals."""
    page = generated(synthetic, "platforms/linkedin.md")
    section = page.split("## Lessen die hier gelden", 1)[1].split("## ", 1)[0]
    assert "Aanvaarde lessen eerst, dan voorgestelde; elk de nieuwste voorop." in section
    shown = re.findall(r" · (\d{4}) · (?:Fundament|Uitvoering) · (Aanvaard|Voorgesteld)<br>", section)
    assert len(shown) == 10 and shown[0][1] == "Aanvaard", shown
    ranks = [(status != "Aanvaard", -int(year)) for year, status in shown]
    assert ranks == sorted(ranks), shown
    # The full list is in the same order, and says it.
    first = re.search(r'<a href="([^"]+)">Alle [\d.]+ lessen</a>', section)
    assert first is not None
    whole = generated(synthetic, "lists/lessons-of-platform/linkedin.md")
    assert "Aanvaarde lessen eerst" in whole
    statuses = re.findall(r" · (?:Fundament|Uitvoering) · (Aanvaard|Voorgesteld)<br>", whole)
    assert statuses == sorted(statuses, key=lambda s: s != "Aanvaard")


# "En nog 6: de hele lijst (16)", "En nog 180 lessen over LinkedIn", "Alle 312 campagnes".
MORE = re.compile(r'<a href="([^"#]*)(?:#[^"]*)?">((?:En nog|Alle) ([\d.]+)[^<]*)</a>')
KINDS = {"lessen": "lessons", "les": "lessons", "campagnes": "campaigns", "accounts": "accounts",
         "mensen": "people", "personen": "people"}


def _served(site: Path, page: Path, href: str) -> Path:
    target = (page.parent / href).resolve()
    return target / "index.html" if target.is_dir() else target


@functools.lru_cache(maxsize=None)
def _items(site: Path, first: Path, kind: str | None) -> int:
    """Every item a paged list holds, over all its pages: links to records
    of `kind` in its article (or, for a list of findings, its rows)."""
    pages, seen, count = [first], set(), set()
    rows = 0
    while pages:
        page = pages.pop()
        if page in seen:
            continue
        seen.add(page)
        html = page.read_text("utf-8")
        article = html.split("<article", 1)[1].split("</article>", 1)[0]
        if kind is None:
            body = article.split('class="md-content__inner', 1)[-1]
            rows += body.count("<li>") + body.split("<tbody>", 1)[-1].count("<tr>") * ("<tbody>" in body)
        else:
            for href in re.findall(r'<a href="([^"#]+)"', article):
                target = (page.parent / href).resolve()
                if f"/records/{kind}/" in target.as_posix() + "/" and target.name != kind:
                    count.add(target)
        pager = re.search(r'<nav class="handbook-pager".*?</nav>', article, re.DOTALL)
        if pager:
            pages += [_served(site, page, href) for href in re.findall(r'<a href="([^"]+)"', pager[0])]
    return rows if kind is None else len(count)


def test_every_and_more_leads_to_a_list_that_holds_all_of_them(synthetic: Path) -> None:
    """On the built site of 1,000 records every "En nog N …" and "Alle N …"
    link leads to a list (paged) that holds at least N of what it counts:
    "En nog 236 lessen; zie de lessen per platform" led to pages that did not."""
    site = synthetic / "site"
    checked: dict[str, int] = {}
    for page in sorted(site.rglob("*.html")):
        if "/pagefind/" in page.as_posix():
            continue
        html = page.read_text("utf-8")
        if "En nog " not in html and "Alle " not in html:
            continue
        for href, text, number in MORE.findall(html):
            n = int(number.replace(".", ""))
            words = text.split()
            kind = next((KINDS[w] for w in words[2:5] if w in KINDS), None)
            target = _served(site, page, href)
            assert target.is_file(), (page, href)
            held = _items(site, target, kind)
            assert held >= n, (page.relative_to(site).as_posix(), text, href, held)
            checked[words[0] + " " + (kind or "rows")] = checked.get(words[0] + " " + (kind or "rows"), 0) + 1
    # Each kind of link was there to check.
    assert {"En lessons", "En rows", "Alle lessons", "Alle campaigns"} <= set(checked), checked
    assert not re.search(r"En nog [\d.]+ (?!.*</a>)[^<]*(lessen|campagnes)[;.]", "".join(
        p.read_text("utf-8") for p in (synthetic / "handbook" / "records").glob("campaigns/*.md")))


def test_people_who_share_a_name_are_told_apart(synthetic: Path) -> None:
    catalog = _catalog(synthetic)
    names: dict[str, list[str]] = {}
    for ident, entry in catalog.people.items():
        names.setdefault(entry.record.name, []).append(ident)
    shared = {name for name, ids in names.items() if len(ids) > 1}
    assert shared, "the synthetic handbook has namesakes"
    dashboard = generated(synthetic, "dashboard.md")
    who = dashboard.split("{ #who data-pagefind-ignore }", 1)[1].split("</table>", 1)[0]
    named = re.findall(r'<td><a href="\.\./people/([^/]+)/#to-do">([^<]+)</a></td>', who)
    assert len({text for _, text in named}) == len(named), named
    for ident, text in named:
        record = catalog.people[ident].record
        if record.name in shared:
            assert text.startswith(f"{record.name} (") and text.endswith(")"), text


@pytest.mark.parametrize(("language", "words"), [
    ("nl", {"permalink": 'title="Link naar dit kopje"', "header": 'aria-label="Paginakop"'}),
    ("en", {"permalink": 'title="Link to this heading"', "header": 'aria-label="Page header"'}),
])
def test_readers_read_the_site_s_words_not_the_authors_or_the_theme_s_english(
        request: pytest.FixtureRequest, language: str, words: dict[str, str]) -> None:
    project = request.getfixturevalue(f"example_{language}")
    from selectolax.lexbor import LexborHTMLParser

    found: dict[str, list[str]] = {}
    for page in (project / "site").rglob("*.html"):
        html = page.read_text("utf-8")
        name = page.relative_to(project / "site").as_posix()
        if name == "404.html" or name.startswith(("reference/", "authors/")):
            continue  # the pages for authors
        for value in words.values():
            assert value in html, (name, value)
        tree = LexborHTMLParser(html)
        for node in tree.css("script, style, template, code, .handbook-meta, footer, .md-footer"):
            node.decompose()
        text = tree.body.text(separator=" ") if tree.body else ""
        # ("record" as an English verb is a reader's word: "record why no answer came".)
        noun = r"\brecords?\b" if language == "nl" else r"\b(?:records|a record|this record|the record)\b"
        for pattern in (r"\bPermanent link\b", r'aria-label="Header"', r"\bn = \d", noun):
            where = text if not pattern.startswith("aria") else html
            for match in re.finditer(pattern, where):
                found.setdefault(pattern, []).append(f"{name}: {where[max(0, match.start() - 40):match.end() + 20]}")
    # The authors' footer of a page ("Bewerk dit record", "In een record: tag") is for authors.
    assert found == {}, {k: v[:3] for k, v in found.items()}


def test_the_feed_page_shows_the_date_it_is_ordered_by(example_nl: Path) -> None:
    page = generated(example_nl, "feed.md")
    shown = re.findall(r"</a> · (geschreven|herzien) op (\d{1,2} \w+ \d{4}) · ", page)
    assert len(shown) >= 10
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december"]
    days = [date(int(y), months.index(m) + 1, int(d)) for d, m, y in (text.split() for _, text in shown)]
    assert days == sorted(days, reverse=True), shown
    assert any(kind == "herzien" for kind, _ in shown)


@pytest.mark.parametrize("handbook", ["example_nl", "synthetic"])
def test_whoever_took_over_finds_on_their_page_what_they_now_answer_for(handbook: str, request) -> None:
    """A leaver's page says "beheert nu Lotte Jansen"; Lotte's own page lists
    what she took over, per colleague who left: every campaign whose
    knowledge they secured, every guideline and account they kept (the
    campaigns they ran stay theirs: history)."""
    project = request.getfixturevalue(handbook)
    catalog = _catalog(project)
    checked = 0
    for ident, entry in catalog.people.items():
        now = catalog.taken_over_by(ident) if entry.record.left is not None else None
        if now is None:
            continue
        page = generated(project, f"people/{now}.md")
        secured = [cid for cid, c in catalog.campaigns.items() if c.record.knowledge_owner == ident]
        kept = [gid for gid, g in catalog.guidelines.items() if g.record.owner == ident]
        accounts = [aid for aid, a in catalog.accounts.items() if ident in (a.record.owner, a.record.backup_owner)]
        if not (secured or kept or accounts) and ident not in catalog.checklists:  # a handover has its own page
            assert f"### {entry.record.name} {{" not in page
            continue
        section = page.split("{ #inherited data-pagefind-ignore }", 1)[1].split("\n## ", 1)[0]
        part = section.split(f"### {entry.record.name} {{ data-pagefind-ignore }}", 1)[1].split("\n### ", 1)[0]
        assert f'<a href="../{ident}/">{entry.record.name}</a> is vertrokken op' in part
        for cid in secured[:10]:
            assert f'href="../../campaigns/{cid}/"' in part, (now, ident, cid)
        for gid in kept:
            assert f'href="../../platforms/{gid}/"' in part, (now, ident, gid)
        ran_only = [cid for cid, c in catalog.campaigns.items() if c.record.owner == ident and cid not in secured]
        assert not any(f'href="../../campaigns/{cid}/"' in part for cid in ran_only)
        checked += 1
    assert checked >= (1 if handbook == "example_nl" else 3)


def test_a_finished_campaign_tells_its_own_story_before_what_others_learned(example_nl: Path) -> None:
    """Whoever plans or runs a campaign reads first what was known before it;
    whoever reads a finished one reads first how it went: its results, its
    lessons, its story, and only then what was known and learned since."""
    catalog = _catalog(example_nl)
    seen = set()
    for cid, entry in catalog.campaigns.items():
        page = generated(example_nl, f"campaigns/{cid}.md")
        headings = re.findall(r"^## ([^{\n]+?) \{", page, re.MULTILINE)
        finished = catalog.finished(entry.record)
        known = headings.index("Wat we al weten")
        if finished:
            assert known > headings.index("Resultaten") and known > headings.index("Lessen"), (cid, headings)
        else:
            assert known == 0, (cid, headings)
        seen.add(finished)
    assert seen == {True, False}
