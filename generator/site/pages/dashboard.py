"""The knowledge-health dashboard: a backlog to work. On one screen what is
wrong, how bad it is and who acts; then who has what to do (each person
linked to their list, on their own page); then each kind of finding, most
severe first, with what to do and its first rows, each naming who acts
(every row one link, to its record), and a link to the whole list."""

from __future__ import annotations

from typing import Any, Iterable

from ...records.health import BY_SEVERITY, SEVERITY, Report
from ...words.labels import format_number
from .findings import FIRST, MOST_PEOPLE, WHO_ACTS, actor, capped, finding_list, who_rows
from ..render import link
from .shared import CHANNEL_CHART, COVERAGE_CHART, YEARS_CHART, Job, Page, Site

PATH = "dashboard.md"


def _headline(site: Site, key: str, value: float | None, previous: float | None) -> dict[str, Any]:
    L, year = site.L, site.c.today.year
    shown = "–" if value is None else format_number(value, site.language) + ("%" if key == "headline_answered" else "")
    change = None
    if previous is not None and value is not None:
        difference = value - previous
        sign = "+" if difference > 0 else "−" if difference < 0 else "±"
        change = f"{sign}{format_number(abs(difference), site.language)} {L['versus']} {year - 1}"
    return {"label": site.headline_label(key, value), "value": shown, "change": change}


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
            "actor": actor(site, name, health.manager),
            "action": L[f"action_{name}"],
            "rows": capped(site, PATH, name, items, finding_list(name), shown=FIRST),
        })
    people = site.people_to_do
    more_people = None
    if len(people) > MOST_PEOPLE:
        more_people = link(L["and_more_all"].format(n=site.number(len(people) - MOST_PEOPLE),
                                                    count=site.number(len(people))), site.rel(PATH, WHO_ACTS))
    platforms = sorted(health.accounts_per_platform, key=lambda p: site.names["platform"][p].casefold())
    balance = [
        {"link": site.campaign_link(PATH, cid), "foundation": counts["foundation"], "execution": counts["execution"]}
        for cid, counts in sorted(health.level_balance.items(),
                                  key=lambda kv: (-c.campaigns[kv[0]].record.period.start.toordinal(), kv[0]))
    ][:FIRST * 2]
    return Page(PATH, "dashboard.md.j2", {
        "title": L["dashboard"],
        "as_of": health.today,
        "no_manager": health.manager is None,
        "headlines": [_headline(site, h.key, h.value, h.previous) for h in health.headlines],
        "sections": sections,
        "who": who_rows(site, PATH, people[:MOST_PEOPLE]),
        "who_more": more_people,
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
