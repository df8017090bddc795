"""Pages about the whole handbook: the figures per channel, platform, year
and kind of recruitment, the timeline, the charts they show and the
machine-readable export of every record."""

from __future__ import annotations

import json
from functools import cache, partial
from typing import Any, Callable, Iterable, Iterator

from ...records.models import FOLDERS
from ..render import link
from .shared import (CHANNEL_CHART, COVERAGE_CHART, PLATFORM_CHART, PAGE_SIZE, YEARS_CHART, Job, Page, Site, chart_of,
                     narrow_path, numbered, pages_of)
from ...records.relations import CAMPAIGNS_OF_YEAR, LESSONS_OF_YEAR



def figure_rows(site: Site, frm: str, group: str) -> list[dict[str, Any]]:
    rows = []
    for name, values in site.c.figures[group].items():
        if group == "channel":
            label: Any = site.term_link(frm, "channel", name)
        elif group == "platform":
            label = site.term_link(frm, "platform", name)
        elif group == "recruitment":
            label = site.L[name]
        else:
            label = name
        rows.append({"label": label, **values})
    return rows


def figures_page(site: Site) -> Page:
    path, L = "figures.md", site.L
    return Page(path, "figures.md.j2", {
        "title": L["figures"],
        "hide": ["toc"],
        "tables": [
            {"heading": L["by_channel"], "anchor": "by-channel", "first": L["channel"], "rows": figure_rows(site, path, "channel"),
             "chart": {"src": site.rel(path, CHANNEL_CHART), "alt": L["chart_channels_alt"]}},
            {"heading": L["by_platform"], "anchor": "by-platform", "first": L["platform"], "rows": figure_rows(site, path, "platform"),
             "chart": {"src": site.rel(path, PLATFORM_CHART), "alt": L["chart_platforms_alt"]}},
            {"heading": L["by_year"], "anchor": "by-year", "first": L["year"], "rows": figure_rows(site, path, "year"), "chart": None},
            {"heading": L["by_recruitment"], "anchor": "by-recruitment", "first": L["recruitment"],
             "rows": figure_rows(site, path, "recruitment"), "chart": None},
        ],
    })


def _events(site: Site) -> dict[int, list[tuple[Any, str, str]]]:
    """Per year: (day, id, kind) of every campaign start and lesson, in order."""
    events: dict[int, list[tuple[Any, str, str]]] = {}
    for cid, entry in site.c.campaigns.items():
        start = entry.record.period.start
        events.setdefault(start.year, []).append((start, cid, "campaign"))
    for lid, entry in site.c.lessons.items():
        events.setdefault(entry.record.date.year, []).append((entry.record.date, lid, "lesson"))
    return {year: sorted(items) for year, items in events.items()}


def timeline_path(year: int) -> str:
    return f"timeline/{year}.md"


def timeline_page(site: Site, events: dict[int, list[tuple[Any, str, str]]]) -> Page:
    """The years, each with its counts; a year's page lists what happened."""
    path, L = "timeline.md", site.L
    return Page(path, "table.md.j2", {
        "title": L["timeline"], "intro": L["timeline_intro"],
        "columns": [L["year"], L["campaigns"], L["lessons"]],
        "secondary": [],
        "hide": ["toc"],
        "rows": [[link(str(year), site.rel(path, timeline_path(year))),
                  sum(kind == "campaign" for _, _, kind in events[year]),
                  sum(kind == "lesson" for _, _, kind in events[year])]
                 for year in sorted(events, reverse=True)],
    })


def timeline_year(site: Site, events: dict[int, list[tuple[Any, str, str]]], year: int, number: int) -> Page:
    L, first = site.L, timeline_path(year)
    path = numbered(first, number)
    shown = events[year][(number - 1) * PAGE_SIZE:number * PAGE_SIZE]
    return Page(path, "timeline.md.j2", {
        "title": L["timeline_year"].format(year=year),
        "back": link(L["timeline"], site.rel(path, "timeline.md")),
        "pager_links": site.pager(first, number, len(events[year])),
        "events": [{"day": day, "kind": L[kind], "link": site.record_link(path, kind, ident)}
                   for day, ident, kind in shown],
    })


def goal_coverage(site: Site) -> dict[int, float]:
    """Per year a campaign started: the share of its finished campaigns'
    learning goals that a lesson answers, in percent."""
    return {year: round(100 * answered / asked, 1) for year, (answered, asked) in site.c.goals_per_year.items()}


def _charts():
    """The drawing code, imported only when a chart is drawn: matplotlib
    takes most of a second to import, and a build usually finds every chart
    it shows already drawn (`drawings`)."""
    from .. import charts
    return charts


def hires_shown(site: Site, group: str, names: dict[str, str]) -> dict[str, Any]:
    """What the chart of hires and cost per hire per channel or platform
    shows, as plain data (each cost with the number of hires it rests on):
    what `hires_bars` draws, and what its drawing is kept by."""
    L, figures = site.L, site.c.figures[group]
    keys = list(figures)
    return {
        "language": site.language,
        "title": L["chart_channels" if group == "channel" else "chart_platforms"],
        "labels": [names[k] for k in keys],
        "series": [[L["hires"], [figures[k]["hires"] for k in keys]],
                   [L["cost_per_hire"], [figures[k]["cost_per_hire"] for k in keys]]],
        "notes": [site.counted("sample_hires", round(figures[k]["hires"] or 0)) for k in keys],
    }


def hires_bars(site: Site, shown: dict[str, Any], narrow: bool = False) -> Any:
    """The chart `hires_shown` describes (a `charts.Bars`)."""
    (hires, counts), (money, costs) = shown["series"]
    return _charts().Bars(
        shown["title"], shown["labels"], {hires: counts, money: costs},
        formats={hires: site.number, money: site.money},
        notes={money: shown["notes"]},
        narrow=narrow,
    )


def years_chart(site: Site, title: str, values: dict[str, dict[int, float]], percent: bool, narrow: bool) -> str:
    """Bars per year of each series in `values` (a `charts.years`)."""
    return _charts().years(title, values, site.number, percent=percent, narrow=narrow)


def chart_makers(site: Site) -> dict[str, Callable[[], str]]:
    """Every chart, by path, and beside it its narrow drawing for a phone
    (`narrow_path`; the `chart` macro of `_html.j2` shows either): each
    drawn on its own when asked for (so two processes can share them), or
    read from the drawings kept (`site.drawings`). The charts of a group are
    one figure a width, built once in the process that first draws one of
    them, each page's bar picked out."""
    c, L = site.c, site.L
    makers: dict[str, Callable[[], str]] = {}
    for group, names, whole in (("channel", site.names["channel"], CHANNEL_CHART),
                                ("platform", site.names["platform"], PLATFORM_CHART)):
        shown = hires_shown(site, group, names)
        for narrow in (False, True):
            figure = cache(partial(hires_bars, site, shown, narrow))
            name = narrow_path if narrow else str
            for path, index in [(whole, None)] + [(chart_of(group, key), i) for i, key in enumerate(c.figures[group])]:
                makers[name(path)] = partial(site.drawings.get, {"bars": shown, "narrow": narrow, "highlight": index},
                                             lambda figure=figure, index=index: figure().svg(index))

    campaigns = {int(y): len(c.of(CAMPAIGNS_OF_YEAR, y)) for y in {str(e.record.period.start.year)
                                                                   for e in c.campaigns.values()}}
    lessons = {int(y): len(c.of(LESSONS_OF_YEAR, y)) for y in {str(e.record.date.year) for e in c.lessons.values()}}
    for path, title, values, percent in ((YEARS_CHART, L["chart_years"],
                                          {L["campaigns"]: campaigns, L["lessons"]: lessons}, False),
                                         (COVERAGE_CHART, L["chart_coverage"],
                                          {L["answered_share"]: goal_coverage(site)}, True)):
        for narrow, name in ((False, str), (True, narrow_path)):
            shown = {"years": title, "language": site.language, "percent": percent, "narrow": narrow,
                     "series": [[series, sorted(by_year.items())] for series, by_year in values.items()]}
            makers[name(path)] = partial(site.drawings.get, shown, partial(
                years_chart, site, title, values, percent, narrow))
    return makers


def _public(site: Site, kind: str, record: Any) -> dict[str, Any]:
    """A record as the export publishes it: a person's contact details only
    as their page shows them."""
    fields = record.model_dump(mode="json", exclude_none=True)
    if kind == "person":
        email, phone = site.contact(record)
        fields.pop("email", None)
        fields.pop("phone", None)
        fields.update({name: value for name, value in (("email", email), ("phone", phone)) if value})
    return fields


def export(site: Site) -> Iterator[str]:
    """records.json: every record, with its page on the site, for other
    tools; in parts, one record each (at 10,000 records the whole file is
    17 MB, and it was 108 MB of memory as one list and one text). The bytes
    are those of `json.dumps({"records": [...]}, ensure_ascii=False, indent=1)`:
    a record's own dump is indented two more places (a JSON text has no
    line break but between its parts)."""
    first = True
    for kind, entry in site.c.entries():
        record = {
            "kind": kind,
            "id": entry.id,
            "source": entry.path,
            "url": f"records/{FOLDERS[kind]}/{entry.id}/",
            "record": _public(site, kind, entry.record),
        }
        text = json.dumps(record, ensure_ascii=False, indent=1).replace("\n", "\n  ")
        yield ('{\n "records": [\n  ' if first else ",\n  ") + text
        first = False
    yield '{\n "records": []\n}\n' if first else "\n ]\n}\n"


def jobs(site: Site, only: set[str] | None) -> Iterable[Job]:
    if only is not None:
        return []
    made: list[Job] = [
        ("figures.md", lambda: figures_page(site)),
    ]
    events = _events(site)
    made.append(("timeline.md", lambda: timeline_page(site, events)))
    for year in sorted(events, reverse=True):
        made += [(numbered(timeline_path(year), n), partial(timeline_year, site, events, year, n))
                 for n in range(1, pages_of(len(events[year])) + 1)]
    for path, draw in sorted(chart_makers(site).items()):
        made.append((path, lambda path=path, draw=draw: Page(path, "", {}, raw=draw())))
    made.append(("records.json", lambda: Page("records.json", "", {}, raw=export(site))))
    return made
