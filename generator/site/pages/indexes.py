"""The index pages: lists of campaigns and lessons by year, platform,
channel, scenario, kind of recruitment, level and status, and the tables of
platforms, channels, people and accounts. Record pages are reached from
here, not from the engine's navigation."""

from __future__ import annotations

from functools import partial
from typing import Any, Callable, Iterable


from ...records.models import Campaign, Lesson, allowed
from ..render import Raw, link
from .shared import FEED_PAGE, PAGE_SIZE, SHOWN_IN_GROUP, Job, Page, Site, flag, numbered, pages_of
from ...records.relations import CAMPAIGNS_OF_YEAR, LESSONS_OF_LEVEL, LESSONS_OF_STATUS, Relation, of

# The lists of campaigns and of lessons, each offering the others of its kind.
LIST_MENUS = (
    (("by_year", "campaigns/index.md"), ("by_platform", "lists/campaigns-by-platform.md"),
     ("by_channel", "lists/campaigns-by-channel.md"), ("by_scenario", "lists/campaigns-by-scenario.md"),
     ("by_recruitment", "lists/campaigns-by-recruitment.md")),
    (("by_level", "lessons/index.md"), ("by_platform", "lists/lessons-by-platform.md"),
     ("by_status", "lists/lessons-by-status.md")),
)
Group = tuple[str, str, dict[str, Any]]  # anchor, heading, capped entries


def menu(site: Site, frm: str) -> list[Raw]:
    """Links to the other lists of the same records; the current one in bold."""
    for entries in LIST_MENUS:
        if any(target == frm for _, target in entries):
            return [
                Raw("<strong>{}</strong>").format(site.L[key]) if target == frm
                else link(site.L[key], site.rel(frm, target))
                for key, target in entries
            ]
    return []


# Index pages that offer writing a new record of their kind in the browser.
NEW_HERE = {"lessons/index.md": ("lesson", "new_in_browser"), "campaigns/index.md": ("campaign", "new_in_browser_campaign")}


def grouped(site: Site, path: str, title: str, intro: str, groups: list[Group], empty: str) -> Page:
    kind, label = NEW_HERE.get(path, (None, None))
    url = site.new_record_url(kind) if kind else None
    return Page(path, "list.md.j2", {
        "title": title,
        "intro": intro,
        "action": link(site.L[label], url) if url and label else None,
        # New lessons reach a reader who follows them: the list of lessons says how.
        "follow": link(site.L["feed"], site.rel(path, FEED_PAGE)) if path == "lessons/index.md" else None,
        "menu": menu(site, path),
        "groups": [{"anchor": a, "heading": f"{h} ({site.number(items['total'])})", "entries": items}
                   for a, h, items in groups],
        "empty": empty,
    })


def _by_name(names: dict[str, str]) -> list[str]:
    return sorted(names, key=lambda k: names[k].casefold())


def campaigns_by(site: Site, path: str, label: str, relation: Relation, names: dict[str, str]) -> Page:
    groups = [(k, names[k], site.capped(path, relation, k, SHOWN_IN_GROUP)) for k in _by_name(names) if site.c.of(relation, k)]
    title = f"{site.L['campaigns']}: {site.L[label].lower()}"
    return grouped(site, path, title, site.L["all_campaigns_intro"], groups, site.L["no_campaigns"])


def campaigns_by_year(site: Site) -> Page:
    path = "campaigns/index.md"
    years = sorted({str(e.record.period.start.year) for e in site.c.campaigns.values()}, reverse=True)
    groups = [(y, y, site.capped(path, CAMPAIGNS_OF_YEAR, y, SHOWN_IN_GROUP)) for y in years]
    return grouped(site, path, site.L["campaigns"], site.L["all_campaigns_intro"], groups, site.L["no_campaigns"])


def lessons_by(site: Site, path: str, title: str, relation: Relation, names: dict[str, str],
               order: list[str] | None = None) -> Page:
    # The order is said once, in the intro, not over each group.
    groups = [(k, names[k], {**site.capped(path, relation, k, SHOWN_IN_GROUP), "order": None})
              for k in order or _by_name(names) if site.members(relation, k)]
    return grouped(site, path, title, f"{site.L['all_lessons_intro']} {site.L['lessons_order']}", groups,
                   site.L["no_lessons"])


def platforms_table(site: Site) -> Page:
    c, L, path = site.c, site.L, "platforms/index.md"
    return Page(path, "table.md.j2", {
        "title": L["platforms"], "intro": L["all_platforms_intro"],
        "columns": [L["platform"], L["guideline"], L["owner"], L["campaigns"], L["accounts"]],
        "secondary": [3, 4],
        "hide": ["toc"],
        "rows": [[
            site.term_link(path, "platform", k),
            L["closed"] if c.taxonomy.platforms[k].closed else ("✓" if k in c.guidelines else "–"),
            site.person(path, c.guidelines[k].record.owner) if k in c.guidelines else "–",
            len(c.of(of("campaigns", "platform"), k)),
            len(c.of(of("accounts", "platform"), k)),
        ] for k in _by_name(site.names["platform"])],
    })


def people_table(site: Site, number: int = 1) -> Page:
    c, L, first = site.c, site.L, "people/index.md"
    path = numbered(first, number)
    ordered = sorted(c.people, key=lambda k: (c.people[k].record.name.casefold(), k))
    people = ordered[(number - 1) * PAGE_SIZE:number * PAGE_SIZE]
    return Page(path, "table.md.j2", {
        "pager_links": site.pager(first, number, len(ordered)),
        "title": L["people"], "intro": L["all_people_intro"],
        # A person's id, what an author writes as 'author' or 'owner', is in the footer of their page.
        "columns": [L["name"], L["role"], L["team"], L["left"]],
        "secondary": [2],
        "rows": [[
            site.record_link(path, "person", k),
            c.people[k].record.role,
            c.people[k].record.team,
            # Someone who left: when, and who to ask now.
            Raw("{} {}").format(site.day(c.people[k].record.left), site.ask_now(path, k))
            if c.people[k].record.left else "",
        ] for k in people],
    })


def _owner_cell(site: Site, frm: str, person: str | None, status: str) -> Any:
    """An owner in the register, flagged when there is none or they left."""
    if status == "archived":
        return site.person(frm, person) if person else "–"
    if person is None:
        return flag(site.L["nobody"], "high")
    return site.person(frm, person)  # flagged there when they left without a successor


def accounts_table(site: Site, number: int = 1) -> Page:
    c, L, first = site.c, site.L, "accounts/index.md"
    path = numbered(first, number)
    ordered = sorted(c.accounts, key=lambda k: (site.names["platform"][c.accounts[k].record.platform].casefold(), k))
    accounts = ordered[(number - 1) * PAGE_SIZE:number * PAGE_SIZE]
    rows = []
    for k in accounts:
        account = c.accounts[k].record
        reviewed = site.day(account.reviewed) if account.reviewed else L["never_reviewed"]
        rows.append([
            # The platform also under the name: on a phone its own column gives way.
            Raw('{}<span class="handbook-sub handbook-narrow">{}</span>').format(
                site.record_link(path, "account", k), site.names["platform"][account.platform]),
            site.term_link(path, "platform", account.platform),
            flag(L[account.status], "medium") if account.status == "dormant" else L[account.status],
            _owner_cell(site, path, account.owner, account.status),
            _owner_cell(site, path, account.backup_owner, account.status),
            flag(reviewed, "medium") if c.review("account", k).overdue else reviewed,
        ])
    return Page(path, "table.md.j2", {
        "pager_links": site.pager(first, number, len(ordered)),
        "title": L["accounts"], "intro": L["all_accounts_intro"],
        "columns": [L["account"], L["platform"], L["status"], L["owner"], L["backup_owner"], L["reviewed"]],
        "secondary": [1, 4],
        "hide": ["toc"],
        "rows": rows,
    })


def jobs(site: Site, only: set[str] | None) -> Iterable[Job]:
    if only is not None:
        return []
    L = site.L
    recruitment = {value: L[value] for value in allowed(Campaign, "recruitment")}
    levels = {value: L[value] for value in allowed(Lesson, "level")}
    statuses = {value: L[value] for value in allowed(Lesson, "status")}
    makers: list[tuple[str, Callable[[], Page]]] = [
        ("campaigns/index.md", partial(campaigns_by_year, site)),
    ]
    for suffix, label, names in (
        ("platform", "by_platform", site.names["platform"]),
        ("channel", "by_channel", site.names["channel"]),
        ("scenario", "by_scenario", site.names["scenario"]),
        ("recruitment", "by_recruitment", recruitment),
    ):
        path = f"lists/campaigns-by-{suffix}.md"
        makers.append((path, partial(campaigns_by, site, path, label, of("campaigns", suffix), names)))
    makers += [
        ("lessons/index.md", partial(lessons_by, site, "lessons/index.md", L["lessons"], LESSONS_OF_LEVEL, levels,
                                     list(levels))),
        ("lists/lessons-by-platform.md", partial(
            lessons_by, site, "lists/lessons-by-platform.md", f"{L['lessons']}: {L['by_platform'].lower()}",
            of("lessons", "platform"), site.names["platform"])),
        ("lists/lessons-by-status.md", partial(
            lessons_by, site, "lists/lessons-by-status.md", f"{L['lessons']}: {L['by_status'].lower()}",
            LESSONS_OF_STATUS, statuses, list(statuses))),
        ("platforms/index.md", partial(platforms_table, site)),
    ]
    for first, count, table in (("people/index.md", len(site.c.people), people_table),
                                ("accounts/index.md", len(site.c.accounts), accounts_table)):
        makers += [(numbered(first, n), partial(table, site, n)) for n in range(1, pages_of(count) + 1)]
    return makers
