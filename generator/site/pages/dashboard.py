"""The knowledge-health dashboard: on one screen what is wrong, how bad it
is and who acts; then each kind of finding, most severe first, with what to
do, who should do it and the first entries (the rest are on the owners'
pages)."""

from __future__ import annotations

from typing import Any, Iterable

from ...records.health import ACTOR, BY_SEVERITY, SEVERITY, Report
from ...words.labels import format_number
from .findings import entry
from ..render import Raw, join, link
from .shared import CHANNEL_CHART, COVERAGE_CHART, YEARS_CHART, Job, Page, Site, owner_path

PATH = "dashboard.md"
# Entries shown per kind of finding; the rest are counted and on owner pages.
FIRST = 10


def _headline(site: Site, key: str, value: float | None, previous: float | None) -> dict[str, Any]:
    L, year = site.L, site.c.today.year
    shown = "–" if value is None else format_number(value, site.language) + ("%" if key == "headline_answered" else "")
    change = None
    if previous is not None and value is not None:
        difference = value - previous
        sign = "+" if difference > 0 else "−" if difference < 0 else "±"
        change = f"{sign}{format_number(abs(difference), site.language)} {L['versus']} {year - 1}"
    return {"label": site.headline_label(key, value), "value": shown, "change": change}


def _more_owners(site: Site, items: list) -> Any:
    """Who has the entries the dashboard does not list: links to their pages, with how many."""
    counts: dict[str, int] = {}
    for item in items:
        if item.owner in site.c.people:
            counts[item.owner] = counts.get(item.owner, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], site.person_name(kv[0])))
    shown = [Raw("{} ({})").format(link(site.person_name(p), site.rel(PATH, owner_path(p))), n)
             for p, n in ranked[:MOST_OWNERS]]
    if len(ranked) > MOST_OWNERS:  # a handbook of thousands of people keeps a short dashboard
        shown.append(link(site.counted("and_others", len(ranked) - MOST_OWNERS),
                          site.rel(PATH, "people/index.md")))
    return join(shown)


# The owners a dashboard section names for the entries it does not list.
MOST_OWNERS = 20


def dashboard_page(site: Site, health: Report) -> Page:
    L, c = site.L, site.c
    sections = []
    for name in BY_SEVERITY:
        items = health.findings[name]
        sections.append({
            "anchor": name,
            "title": L[f"finding_{name}"],
            "count": len(items),
            "severity": SEVERITY[name],
            "severity_label": L[f"severity_{SEVERITY[name]}"],
            "actor": L[f"actor_{ACTOR[name]}"],
            "action": L[f"action_{name}"],
            "entries": [entry(site, PATH, name, item) for item in items[:FIRST]],
            "more": len(items) - FIRST if len(items) > FIRST else 0,
            "more_owners": _more_owners(site, items[FIRST:]),
        })
    platforms = sorted(health.accounts_per_platform, key=lambda p: site.names["platform"][p].casefold())
    balance = [
        {"link": site.campaign_link(PATH, cid), "foundation": counts["foundation"], "execution": counts["execution"]}
        for cid, counts in sorted(health.level_balance.items(),
                                  key=lambda kv: (-c.campaigns[kv[0]].record.period.start.toordinal(), kv[0]))
    ][:FIRST * 2]
    return Page(PATH, "dashboard.md.j2", {
        "title": L["dashboard"],
        "as_of": health.today,
        "headlines": [_headline(site, h.key, h.value, h.previous) for h in health.headlines],
        "sections": sections,
        "accounts": [
            {"platform": site.term_link(PATH, "platform", p),
             "active": health.accounts_per_platform[p]["active"],
             "dormant": health.accounts_per_platform[p]["dormant"],
             "archived": health.accounts_per_platform[p]["archived"]}
            for p in platforms
        ],
        "accounts_total": sum(sum(counts.values()) for counts in health.accounts_per_platform.values()),
        "balance": balance,
        "balance_more": max(0, len(health.level_balance) - FIRST * 2),
        "charts": [
            {"src": site.rel(PATH, YEARS_CHART), "alt": L["chart_years_alt"]},
            {"src": site.rel(PATH, COVERAGE_CHART), "alt": L["chart_coverage_alt"]},
            {"src": site.rel(PATH, CHANNEL_CHART), "alt": L["chart_channels_alt"]},
        ],
        "hide": ["toc"],
    })


def jobs(site: Site, only: set[str] | None) -> Iterable[Job]:
    if only is not None:
        return []
    return [(PATH, lambda: dashboard_page(site, site.health))]

