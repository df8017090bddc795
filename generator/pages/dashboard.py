"""The knowledge-health dashboard: the findings of `health.report`, worded in
the site's language and linked to their records."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any, Iterable

from ..health import FINDINGS, Item, Report, report
from ..render import join, link
from .site import CHANNEL_CHART, COVERAGE_CHART, YEARS_CHART, Job, Page, Site, record_path

PATH = "dashboard.md"


def _detail(site: Site, frm: str, finding: str, facts: dict[str, Any]) -> Any:
    """What a finding says of one record, in the site's language."""
    L = site.L

    def day(text: str) -> str:
        return site.day(date.fromisoformat(text))

    if finding == "unanswered-goals":
        return facts["question"]
    if finding == "left-without-successor":
        return f"{L[facts['role']]}: {site.person_name(facts['person'])}"
    if finding == "accounts-without-owner":
        return ", ".join(L[f"no_{role}"] for role in facts["missing"])
    if finding == "dormant-accounts":
        return site.platform_names[facts["platform"]]
    if finding == "recurring-lessons":
        return join([site.lesson_link(frm, lesson) for lesson in facts["chain"]], " → ")
    if finding == "overdue-reviews":
        return f"{L['due_on']} {day(facts['date'])}" if facts["date"] else L["never_reviewed"]
    if finding == "campaigns-without-lessons":
        return f"{L['finished_on']} {day(facts['date'])}"
    return day(facts["date"])


def _entry(site: Site, finding: str, item: Item) -> dict[str, Any]:
    return {"link": link(site.title(item.kind, item.id), site.rel(PATH, record_path(item.kind, item.id))),
            "detail": _detail(site, PATH, finding, item.facts)}


def dashboard_page(site: Site, health: Report) -> Page:
    L, c = site.L, site.c
    sections = []
    for name in FINDINGS:
        items = health.findings[name]
        section: dict[str, Any] = {"anchor": name, "title": L[f"finding_{name}"], "count": len(items), "groups": []}
        if name == "overdue-reviews":  # grouped by owner: each owner sees their list
            by_owner: dict[str, list[Item]] = defaultdict(list)
            for item in items:
                by_owner[site.person_name(item.owner)].append(item)
            section["groups"] = [{"heading": owner, "entries": [_entry(site, name, i) for i in by_owner[owner]]}
                                 for owner in sorted(by_owner, key=str.casefold)]
        else:
            section["groups"] = [{"heading": None, "entries": [_entry(site, name, i) for i in items]}]
        sections.append(section)
    platforms = sorted(health.accounts_per_platform, key=lambda p: site.platform_names[p].casefold())
    balance = [
        {"link": site.campaign_link(PATH, cid), "foundation": counts["foundation"], "execution": counts["execution"]}
        for cid, counts in sorted(health.level_balance.items(),
                                  key=lambda kv: (-c.campaigns[kv[0]].record.period.start.toordinal(), kv[0]))
    ]
    return Page(PATH, "dashboard.md.j2", {
        "title": L["dashboard"],
        "as_of": health.today,
        "sections": sections,
        "accounts": [
            {"platform": site.platform_link(PATH, p),
             "active": health.accounts_per_platform[p]["active"],
             "dormant": health.accounts_per_platform[p]["dormant"],
             "archived": health.accounts_per_platform[p]["archived"]}
            for p in platforms
        ],
        "accounts_total": sum(sum(counts.values()) for counts in health.accounts_per_platform.values()),
        "balance": balance,
        "charts": [
            {"src": site.rel(PATH, YEARS_CHART), "alt": L["chart_years_alt"]},
            {"src": site.rel(PATH, COVERAGE_CHART), "alt": L["chart_coverage_alt"]},
            {"src": site.rel(PATH, CHANNEL_CHART), "alt": L["chart_channels_alt"]},
        ],
    })


def jobs(site: Site, only: set[str] | None) -> Iterable[Job]:
    if only is not None:
        return []
    return [(PATH, lambda: dashboard_page(site, report(site.c)))]
