"""The pages about the whole handbook: knowledge health, figures, timeline,
the charts they show and the machine-readable export."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any

from . import charts
from .health import FINDINGS, Report, figures_by, report
from .render import Raw, link

if TYPE_CHECKING:
    from .pages import Page, SiteBuilder

KIND_FOLDERS = {"campaign": "campaigns", "lesson": "lessons", "guideline": "platforms", "person": "people",
                "account": "accounts"}
CHANNEL_CHART = "charts/channels.svg"
PLATFORM_CHART = "charts/platforms.svg"
YEARS_CHART = "charts/years.svg"
COVERAGE_CHART = "charts/goal-coverage.svg"


def _title(builder: SiteBuilder, kind: str, ident: str) -> str:
    c = builder.c
    if kind == "campaign":
        return c.campaigns[ident].record.title
    if kind == "lesson":
        return c.lessons[ident].record.title
    if kind == "guideline":
        return builder.platform_names[ident]
    if kind == "account":
        return c.accounts[ident].record.handle
    return c.people[ident].record.name


def _detail(builder: SiteBuilder, frm: str, finding: str, facts: dict[str, Any]) -> Any:
    """What a finding says of one record, in the site's language."""
    L = builder.L

    def day(text: str) -> str:
        return builder.day(date.fromisoformat(text))

    if finding == "unanswered-goals":
        return facts["question"]
    if finding == "left-without-successor":
        return f"{L[facts['role']]}: {_person_name(builder, facts['person'])}"
    if finding == "accounts-without-owner":
        return ", ".join(L[f"no_{role}"] for role in facts["missing"])
    if finding == "dormant-accounts":
        return builder.platform_names[facts["platform"]]
    if finding == "recurring-lessons":
        return Raw(" → ".join(builder.lesson_link(frm, lesson) for lesson in facts["chain"]))
    if finding == "overdue-reviews":
        return f"{L['due_on']} {day(facts['date'])}" if facts["date"] else L["never_reviewed"]
    if finding == "campaigns-without-lessons":
        return f"{L['finished_on']} {day(facts['date'])}"
    return day(facts["date"])


def _item(builder: SiteBuilder, frm: str, finding: str, item: Any) -> dict[str, Any]:
    target = f"{KIND_FOLDERS[item.kind]}/{item.id}.md"
    return {"link": link(_title(builder, item.kind, item.id), builder.rel(frm, target)),
            "detail": _detail(builder, frm, finding, item.facts)}


def _person_name(builder: SiteBuilder, person: str | None) -> str:
    if person is None or person not in builder.c.people:
        return builder.L["nobody"]
    return builder.c.people[person].record.name


def dashboard_page(builder: SiteBuilder, health: Report) -> Page:
    from .pages import Page

    path = "dashboard.md"
    L = builder.L
    sections = []
    for name in FINDINGS:
        items = health.findings[name]
        entry: dict[str, Any] = {"anchor": name, "title": L[f"finding_{name}"], "count": len(items), "groups": []}
        if name == "overdue-reviews":  # grouped by owner: each owner sees their list
            by_owner: dict[str, list[Any]] = defaultdict(list)
            for item in items:
                by_owner[_person_name(builder, item.owner)].append(item)
            entry["groups"] = [{"heading": owner, "entries": [_item(builder, path, name, i) for i in by_owner[owner]]}
                               for owner in sorted(by_owner, key=str.casefold)]
        else:
            entry["groups"] = [{"heading": None, "entries": [_item(builder, path, name, i) for i in items]}]
        sections.append(entry)
    platforms = sorted(health.accounts_per_platform, key=lambda p: builder.platform_names[p].casefold())
    balance = [
        {"link": builder.campaign_link(path, cid), "foundation": counts["foundation"], "execution": counts["execution"]}
        for cid, counts in sorted(health.level_balance.items(),
                                  key=lambda kv: (-builder.c.campaigns[kv[0]].record.period.start.toordinal(), kv[0]))
    ]
    return Page(path, "dashboard.md.j2", {
        "title": L["dashboard"],
        "as_of": health.today,
        "sections": sections,
        "accounts": [
            {"platform": builder.platform_link(path, p),
             "active": health.accounts_per_platform[p]["active"],
             "dormant": health.accounts_per_platform[p]["dormant"],
             "archived": health.accounts_per_platform[p]["archived"]}
            for p in platforms
        ],
        "accounts_total": sum(sum(c.values()) for c in health.accounts_per_platform.values()),
        "balance": balance,
        "charts": [
            {"src": YEARS_CHART, "alt": L["chart_years_alt"]},
            {"src": COVERAGE_CHART, "alt": L["chart_coverage_alt"]},
            {"src": CHANNEL_CHART, "alt": L["chart_channels_alt"]},
        ],
    })


def figure_rows(builder: SiteBuilder, frm: str, key: str) -> list[dict[str, Any]]:
    figures = figures_by(builder.c, key)
    rows = []
    for name, values in figures.items():
        if key == "channel":
            label: Any = builder.channel_link(frm, name)
        elif key == "platform":
            label = builder.platform_link(frm, name)
        elif key == "recruitment":
            label = builder.L[name]
        else:
            label = name
        rows.append({"label": label, **values})
    return rows


def figures_page(builder: SiteBuilder) -> Page:
    from .pages import Page

    path = "figures.md"
    L = builder.L
    return Page(path, "figures.md.j2", {
        "title": L["figures"],
        "tables": [
            {"heading": L["by_channel"], "first": L["channel"], "rows": figure_rows(builder, path, "channel"),
             "chart": {"src": CHANNEL_CHART, "alt": L["chart_channels_alt"]}},
            {"heading": L["by_platform"], "first": L["platform"], "rows": figure_rows(builder, path, "platform"),
             "chart": {"src": PLATFORM_CHART, "alt": L["chart_platforms_alt"]}},
            {"heading": L["by_year"], "first": L["year"], "rows": figure_rows(builder, path, "year"), "chart": None},
            {"heading": L["by_recruitment"], "first": L["recruitment"],
             "rows": figure_rows(builder, path, "recruitment"), "chart": None},
        ],
    })


def timeline_page(builder: SiteBuilder) -> Page:
    from .pages import Page

    path = "timeline.md"
    c, L = builder.c, builder.L
    events: dict[int, list[tuple[Any, str, Raw, str]]] = defaultdict(list)
    for cid, entry in c.campaigns.items():
        start = entry.record.period.start
        events[start.year].append((start, cid, builder.campaign_link(path, cid), L["campaign"]))
    for lid, entry in c.lessons.items():
        day = entry.record.date
        events[day.year].append((day, lid, builder.lesson_link(path, lid), L["lesson"]))
    return Page(path, "timeline.md.j2", {
        "title": L["timeline"],
        "years": [
            {"year": year, "events": [{"day": day, "link": what, "kind": kind}
                                      for day, _, what, kind in sorted(events[year], key=lambda e: (e[0], e[1]))]}
            for year in sorted(events, reverse=True)
        ],
    })


def chart_files(builder: SiteBuilder, health: Report) -> dict[str, str]:
    c, L = builder.c, builder.L
    channels = figures_by(c, "channel")
    platforms = figures_by(c, "platform")
    files = {
        CHANNEL_CHART: charts.bars(
            L["chart_channels"], [builder.channel_names[k] for k in channels],
            {L["hires"]: [v["hires"] for v in channels.values()],
             L["cost_per_hire"] + " (€)": [v["cost_per_hire"] for v in channels.values()]},
        ),
        PLATFORM_CHART: charts.bars(
            L["chart_platforms"], [builder.platform_names[k] for k in platforms],
            {L["hires"]: [v["hires"] for v in platforms.values()],
             L["cost_per_hire"] + " (€)": [v["cost_per_hire"] for v in platforms.values()]},
        ),
    }
    campaigns_per_year = Counter(e.record.period.start.year for e in c.campaigns.values())
    lessons_per_year = Counter(e.record.date.year for e in c.lessons.values())
    all_years = sorted(set(campaigns_per_year) | set(lessons_per_year))
    files[YEARS_CHART] = charts.years(
        L["chart_years"], [str(y) for y in all_years],
        {L["campaigns"]: [campaigns_per_year[y] for y in all_years],
         L["lessons"]: [lessons_per_year[y] for y in all_years]},
    )
    coverage = goal_coverage(builder, health)
    files[COVERAGE_CHART] = charts.years(
        L["chart_coverage"], [str(y) for y in coverage], {L["answered_share"]: list(coverage.values())}, percent=True,
    )
    return files


def goal_coverage(builder: SiteBuilder, health: Report) -> dict[int, float]:
    """Per year a campaign started: the share of its finished campaigns'
    learning goals that a lesson answers, in percent."""
    unanswered = Counter(builder.c.campaigns[item.id].record.period.start.year
                         for item in health.findings["unanswered-goals"])
    goals = Counter()
    for entry in builder.c.campaigns.values():
        campaign = entry.record
        if campaign.status == "finished" and campaign.period.end is not None:
            goals[campaign.period.start.year] += len(campaign.learning_goals)
    return {year: round(100 * (goals[year] - unanswered[year]) / goals[year], 1) for year in sorted(goals)}


def export(builder: SiteBuilder) -> str:
    """records.json: every record, with its page on the site, for other tools."""
    records = []
    for kind in ("campaign", "lesson", "guideline", "person", "account"):
        for ident, entry in sorted(builder.c.of_kind(kind).items()):
            records.append({
                "kind": kind,
                "id": ident,
                "source": entry.path,
                "url": f"records/{KIND_FOLDERS[kind]}/{ident}/",
                "record": entry.record.model_dump(mode="json", exclude_none=True),
            })
    return json.dumps({"records": records}, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def health_pages(builder: SiteBuilder) -> list[Page]:
    from .pages import Page

    health = report(builder.c, builder.today)
    pages = [dashboard_page(builder, health), figures_page(builder), timeline_page(builder)]
    pages += [Page(path, "", {}, raw=text) for path, text in sorted(chart_files(builder, health).items())]
    pages.append(Page("records.json", "", {}, raw=export(builder)))
    return pages
