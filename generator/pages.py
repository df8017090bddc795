"""Catalog -> page contexts and their output paths.

Everything a page shows is worked out here, from the whole catalog, before
anything is rendered; so the links between a campaign, its lessons and the
learning goals they answer cannot disagree. Contexts are plain data (strings,
numbers, dates, lists, dicts): templates never see a model.

Record pages are reached through the index pages and are not listed in the
engine's navigation (listing thousands of pages there is quadratic).
"""

from __future__ import annotations

import functools
import posixpath
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any, Callable, Iterable

from .catalog import Catalog, Entry
from .emit import months_later
from .health import FIGURES, derived, figures_by, totals
from .i18n import LABELS, format_day
from .models import Account, Campaign, Guideline, Lesson, Person
from .render import Raw, link

RECORD_FOLDERS = {
    "campaign": "campaigns",
    "lesson": "lessons",
    "guideline": "platforms",
    "person": "people",
    "account": "accounts",
}
# The lists of campaigns and of lessons, each offering the others of its kind.
LIST_MENUS = (
    (("by_year", "campaigns/index.md"), ("by_platform", "lists/campaigns-by-platform.md"),
     ("by_channel", "lists/campaigns-by-channel.md"), ("by_scenario", "lists/campaigns-by-scenario.md"),
     ("by_recruitment", "lists/campaigns-by-recruitment.md")),
    (("by_level", "lessons/index.md"), ("by_platform", "lists/lessons-by-platform.md"),
     ("by_status", "lists/lessons-by-status.md")),
)


@dataclass(frozen=True)
class Page:
    path: str  # relative to the generated folder, with '/'
    template: str
    context: dict[str, Any]
    raw: str | None = None  # a file written as it is (a chart, the export)


@functools.cache
def _folder_link(from_folder: str, to_folder: str) -> str:
    """The relative path from one generated folder to another, ending in '/'."""
    path = posixpath.relpath(to_folder or ".", from_folder or ".")
    return "" if path == "." else path + "/"


class SiteBuilder:
    def __init__(self, catalog: Catalog, language: str, today: date, source_url: str | None = None) -> None:
        self.c = catalog
        self.language = language
        self.L = LABELS[language]
        self.today = today
        self.source_url = source_url
        tax = catalog.taxonomy
        self.platform_names = {k: self._term(v) for k, v in tax.platforms.items()}
        self.channel_names = {k: self._term(v) for k, v in tax.channels.items()}
        self.scenario_names = {k: self._term(v) for k, v in tax.scenarios.items()}
        self.tag_names = {k: self._term(v) for k, v in tax.tags.items()}
        self._index()
        self.figures = {key: figures_by(catalog, key) for key in ("channel", "platform")}

    # --- lookups ------------------------------------------------------------

    def _term(self, term: Any) -> str:
        return term.name_en if self.language == "en" and term.name_en else term.name

    def _index(self) -> None:
        c = self.c
        self.lessons_of_campaign: dict[str, list[str]] = defaultdict(list)
        self.answers_of_goal: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.superseded_by: dict[str, list[str]] = defaultdict(list)
        self.recurred_by: dict[str, list[str]] = defaultdict(list)
        self.lesson_answers: dict[str, list[tuple[str, str]]] = {}
        for lesson_id, entry in sorted(c.lessons.items()):
            lesson: Lesson = entry.record
            for campaign_id in lesson.campaigns:
                self.lessons_of_campaign[campaign_id].append(lesson_id)
            answers = []
            for answer in lesson.answers:
                if ":" in answer:
                    campaign_id, goal_id = answer.split(":", 1)
                else:
                    goal_id = answer
                    campaign_id = next(
                        cid for cid in lesson.campaigns
                        if any(g.id == goal_id for g in c.campaigns[cid].record.learning_goals)
                    )
                answers.append((campaign_id, goal_id))
                self.answers_of_goal[(campaign_id, goal_id)].append(lesson_id)
            self.lesson_answers[lesson_id] = answers
            if lesson.superseded_by:
                self.superseded_by[lesson.superseded_by].append(lesson_id)
            if lesson.recurs:
                self.recurred_by[lesson.recurs].append(lesson_id)
        # Who and what refers to each platform, channel and person, gathered
        # once: the pages below look them up instead of scanning every record.
        related = self.related = defaultdict(list)
        for campaign_id, entry in sorted(c.campaigns.items()):
            campaign: Campaign = entry.record
            for platform in campaign.platforms:
                related["campaign-platform", platform].append(campaign_id)
            for channel in campaign.channels:
                related["campaign-channel", channel].append(campaign_id)
            related["campaign-owner", campaign.owner].append(campaign_id)
            related["campaign-knowledge-owner", campaign.knowledge_owner].append(campaign_id)
        for lesson_id, entry in sorted(c.lessons.items()):
            for platform in entry.record.applies_to.platforms:
                related["lesson-platform", platform].append(lesson_id)
            for channel in entry.record.applies_to.channels:
                related["lesson-channel", channel].append(lesson_id)
            related["lesson-author", entry.record.author].append(lesson_id)
        for account_id, entry in sorted(c.accounts.items()):
            related["account-platform", entry.record.platform].append(account_id)
            related["account-owner", entry.record.owner].append(account_id)
            related["account-backup", entry.record.backup_owner].append(account_id)
        for platform, entry in sorted(c.guidelines.items()):
            related["guideline-owner", entry.record.owner].append(platform)
        for person_id, entry in sorted(c.people.items()):
            related["person-successor", entry.record.successor].append(person_id)

    def of(self, relation: str, ident: str) -> list[str]:
        return self.related.get((relation, ident), [])

    def url(self, frm: str, kind: str, ident: str, anchor: str = "") -> str:
        target = f"{RECORD_FOLDERS[kind]}/{ident}.md"
        return self.rel(frm, target) + (f"#{anchor}" if anchor else "")

    def rel(self, frm: str, target: str) -> str:
        """A link from page `frm` to page `target`, both relative to the
        generated folder (computed per pair of folders: there are few)."""
        folder, _, name = target.rpartition("/")
        return _folder_link(frm.rpartition("/")[0], folder) + name

    def person(self, frm: str, ident: str | None) -> Raw:
        if ident is None:
            return Raw(self.L["nobody"])
        person: Person = self.c.people[ident].record
        text = link(person.name, self.url(frm, "person", ident))
        if person.left is not None:
            text = Raw(f"{text} ({self.L['left_on']} {self.day(person.left)})")
        return text

    def day(self, day: date) -> str:
        """A date in words in the site's language."""
        return format_day(day, self.language)

    def campaign_link(self, frm: str, ident: str) -> Raw:
        return link(self.c.campaigns[ident].record.title, self.url(frm, "campaign", ident))

    def lesson_link(self, frm: str, ident: str) -> Raw:
        return link(self.c.lessons[ident].record.title, self.url(frm, "lesson", ident))

    def platform_link(self, frm: str, ident: str) -> Raw:
        return link(self.platform_names[ident], self.rel(frm, f"platforms/{ident}.md"))

    def channel_link(self, frm: str, ident: str) -> Raw:
        return link(self.channel_names[ident], self.rel(frm, f"channels/{ident}.md"))

    def scenario_link(self, frm: str, ident: str) -> Raw:
        return link(self.scenario_names[ident], self.rel(frm, "lists/campaigns-by-scenario.md") + f"#{ident}")

    def joined(self, links: Iterable[str]) -> Raw:
        items = list(links)
        return Raw(", ".join(items) if items else self.L["none"])

    def tags(self, tags: list[str]) -> list[str]:
        return [self.tag_names[t] for t in tags]

    def source(self, entry: Entry | None) -> dict[str, Any]:
        """Where a page's record lives, and the link to edit it in the
        repository (not the generated Markdown). No entry: the taxonomy."""
        path = entry.path if entry is not None else self.c.taxonomy_doc.path
        url = f"{self.source_url.rstrip('/')}/{path}" if self.source_url else None
        return {"path": path, "edit_url": Raw(url) if url else None}

    def review(self, reviewed: date | None, due: date | None) -> dict[str, Any]:
        return {
            "reviewed": reviewed,
            "due": due,
            "overdue": due is not None and due < self.today,
        }

    # --- record pages -----------------------------------------------------

    def campaign_page(self, entry: Entry) -> Page:
        campaign: Campaign = entry.record
        path = f"campaigns/{entry.id}.md"
        goals = []
        for goal in campaign.learning_goals:
            answered = self.answers_of_goal.get((entry.id, goal.id), [])
            goals.append({
                "id": goal.id,
                "question": goal.question,
                "answered_by": [self.lesson_link(path, lid) for lid in answered],
            })
        rows, totals = self.result_rows(path, campaign)
        lessons = [
            {
                "link": self.lesson_link(path, lid),
                "level": self.L[self.c.lessons[lid].record.level],
                "status": self.L[self.c.lessons[lid].record.status],
            }
            for lid in self.lessons_of_campaign.get(entry.id, [])
        ]
        end = campaign.period.end
        return Page(path, "campaign.md.j2", {
            "id": entry.id,
            "title": campaign.title,
            "summary": campaign.summary,
            "status": self.L[campaign.status],
            "start": campaign.period.start,
            "end": end,
            "recruitment": self.L[campaign.recruitment],
            "scenario": self.scenario_link(path, campaign.scenario),
            "platforms": self.joined(self.platform_link(path, p) for p in campaign.platforms),
            "channels": self.joined(self.channel_link(path, ch) for ch in campaign.channels),
            "owner": self.person(path, campaign.owner),
            "knowledge_owner": self.person(path, campaign.knowledge_owner),
            "budget": campaign.budget,
            "audience": campaign.audience,
            "audience_goal": campaign.audience_goal,
            "listening": Raw(campaign.listening) if campaign.listening else None,
            "business_goals": campaign.business_goals,
            "goals": goals,
            "results": rows,
            "totals": totals,
            "lessons": lessons,
            "body": Raw(campaign.body) if campaign.body else None,
            "tags": self.tags(campaign.tags),
            "review": self.review(campaign.reviewed, None),
            "owner_plain": self.person(path, campaign.knowledge_owner),
            "source": self.source(entry),
        })

    def result_rows(self, path: str, campaign: Campaign) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
        rows = [
            {
                "channel": self.channel_link(path, result.channel),
                "platform": self.platform_link(path, result.platform) if result.platform else Raw("–"),
                **{name: getattr(result, name) for name in FIGURES},
            }
            for result in campaign.results
        ]
        if not rows:
            return rows, None
        sums = totals(campaign.results)
        return rows, {**sums, **derived(sums)}

    def lesson_page(self, entry: Entry) -> Page:
        lesson: Lesson = entry.record
        path = f"lessons/{entry.id}.md"
        answers = [
            link(
                next(g.question for g in self.c.campaigns[cid].record.learning_goals if g.id == gid),
                self.url(path, "campaign", cid, f"goal-{gid}"),
            )
            for cid, gid in self.lesson_answers[entry.id]
        ]
        applies = lesson.applies_to
        applies_links = (
            [self.platform_link(path, p) for p in applies.platforms]
            + [self.channel_link(path, ch) for ch in applies.channels]
            + [self.scenario_link(path, s) for s in applies.scenarios]
        )
        return Page(path, "lesson.md.j2", {
            "id": entry.id,
            "title": lesson.title,
            "date": lesson.date,
            "author": self.person(path, lesson.author),
            "level": self.L[lesson.level],
            "status": self.L[lesson.status],
            "campaigns": self.joined(self.campaign_link(path, cid) for cid in lesson.campaigns),
            "answers": answers,
            "applies_to": self.joined(applies_links),
            "what_happened": Raw(lesson.what_happened),
            "lesson": Raw(lesson.lesson),
            "recommendation": Raw(lesson.recommendation) if lesson.recommendation else None,
            "evidence": lesson.evidence,
            "superseded_by": self.lesson_link(path, lesson.superseded_by) if lesson.superseded_by else None,
            "supersedes": [self.lesson_link(path, lid) for lid in self.superseded_by.get(entry.id, [])],
            "recurs": self.lesson_link(path, lesson.recurs) if lesson.recurs else None,
            "recurred_by": [self.lesson_link(path, lid) for lid in self.recurred_by.get(entry.id, [])],
            "body": Raw(lesson.body) if lesson.body else None,
            "tags": self.tags(lesson.tags),
            "review": self.review(lesson.reviewed or lesson.date, lesson.review_by),
            "owner_plain": self.person(path, lesson.author),
            "source": self.source(entry),
        })

    def platform_page(self, ident: str) -> Page:
        path = f"platforms/{ident}.md"
        platform = self.c.taxonomy.platforms[ident]
        entry = self.c.guidelines.get(ident)
        guideline: Guideline | None = entry.record if entry else None
        campaigns = self.of("campaign-platform", ident)
        lessons = self.of("lesson-platform", ident)
        accounts = self.of("account-platform", ident)
        context: dict[str, Any] = {
            "id": ident,
            "title": self.platform_names[ident],
            "description": platform.description,
            "closed": platform.closed,
            "url": platform.url,
            "guideline": None,
            "chart": {"src": self.rel(path, "charts/platforms.svg"), "alt": self.L["chart_platforms_alt"]},
            "figures": self.figures_of("platform", ident),
            "campaigns": self.campaign_items(path, campaigns),
            "lessons": self.lesson_items(path, lessons),
            "accounts": self.account_items(path, accounts),
            "tags": self.tags(guideline.tags) if guideline else [],
            "review": None,
            "owner_plain": None,
            "source": self.source(entry),
        }
        if guideline is not None:
            due = months_later(guideline.reviewed, guideline.review_every_months)
            context["guideline"] = {
                "summary": guideline.summary,
                "recruitment": ", ".join(self.L[r] for r in guideline.recruitment),
                "dos": guideline.dos,
                "donts": guideline.donts,
                "tone_of_voice": guideline.tone_of_voice,
                "webcare_hours": guideline.webcare_hours,
                "approval": guideline.approval,
                "owner": self.person(path, guideline.owner),
                "body": Raw(guideline.body) if guideline.body else None,
            }
            context["review"] = self.review(guideline.reviewed, due)
            context["owner_plain"] = self.person(path, guideline.owner)
        return Page(path, "platform.md.j2", context)

    def channel_page(self, ident: str) -> Page:
        path = f"channels/{ident}.md"
        channel = self.c.taxonomy.channels[ident]
        campaigns = self.of("campaign-channel", ident)
        lessons = self.of("lesson-channel", ident)
        return Page(path, "channel.md.j2", {
            "id": ident,
            "title": self.channel_names[ident],
            "description": channel.description,
            "group": self.L[f"group_{channel.group}"],
            "chart": {"src": self.rel(path, "charts/channels.svg"), "alt": self.L["chart_channels_alt"]},
            "figures": self.figures_of("channel", ident),
            "campaigns": self.campaign_items(path, campaigns),
            "lessons": self.lesson_items(path, lessons),
            "review": None,
            "owner_plain": None,
            "source": self.source(None),
        })

    def figures_of(self, key: str, ident: str) -> dict[str, Any] | None:
        """The result totals of one channel or platform, or None without results."""
        return self.figures[key].get(ident)

    def person_page(self, entry: Entry) -> Page:
        person: Person = entry.record
        path = f"people/{entry.id}.md"
        groups = [
            ("ran_campaigns", self.campaign_items(path, self.of("campaign-owner", entry.id))),
            ("secures_campaigns", self.campaign_items(path, self.of("campaign-knowledge-owner", entry.id))),
            ("wrote_lessons", self.lesson_items(path, self.of("lesson-author", entry.id))),
            ("owns_guidelines", [{"link": self.platform_link(path, k), "detail": ""} for k in self.of("guideline-owner", entry.id)]),
            ("owns_accounts", self.account_items(path, self.of("account-owner", entry.id))),
            ("backs_up_accounts", self.account_items(path, self.of("account-backup", entry.id))),
        ]
        successor_of = self.of("person-successor", entry.id)
        return Page(path, "person.md.j2", {
            "id": entry.id,
            "title": person.name,
            "role": person.role,
            "team": person.team,
            "email": person.email,
            "phone": person.phone,
            "left": person.left,
            "successor": self.person(path, person.successor) if person.successor else None,
            "successor_of": [self.person(path, k) for k in successor_of],
            "groups": [{"label": self.L[key], "entries": items} for key, items in groups if items],
            "body": Raw(person.body) if person.body else None,
            "tags": self.tags(person.tags),
            "source": self.source(entry),
        })

    def account_page(self, entry: Entry) -> Page:
        account: Account = entry.record
        path = f"accounts/{entry.id}.md"
        due = months_later(account.reviewed, account.review_every_months) if account.reviewed else None
        return Page(path, "account.md.j2", {
            "id": entry.id,
            "title": f"{account.handle} ({self.platform_names[account.platform]})",
            "handle": account.handle,
            "platform": self.platform_link(path, account.platform),
            "url": account.url,
            "owner": self.person(path, account.owner),
            "backup_owner": self.person(path, account.backup_owner),
            "purpose": account.purpose,
            "recruitment": self.L[account.recruitment] if account.recruitment else None,
            "status": self.L[account.status],
            "body": Raw(account.body) if account.body else None,
            "tags": self.tags(account.tags),
            "review": self.review(account.reviewed, due),
            "owner_plain": self.person(path, account.owner),
            "source": self.source(entry),
        })

    # --- list items ---------------------------------------------------------

    def _campaign_order(self, ids: Iterable[str]) -> list[str]:
        return sorted(ids, key=lambda k: (self.c.campaigns[k].record.period.start, k), reverse=True)

    def campaign_items(self, frm: str, ids: Iterable[str]) -> list[dict[str, Any]]:
        items = []
        for cid in self._campaign_order(ids):
            campaign: Campaign = self.c.campaigns[cid].record
            items.append({
                "link": self.campaign_link(frm, cid),
                "detail": f"{campaign.period.start.year} · {self.L[campaign.recruitment]} · {self.L[campaign.status]}",
            })
        return items

    def lesson_items(self, frm: str, ids: Iterable[str]) -> list[dict[str, Any]]:
        items = []
        for lid in sorted(ids, key=lambda k: (self.c.lessons[k].record.date, k), reverse=True):
            lesson: Lesson = self.c.lessons[lid].record
            items.append({
                "link": self.lesson_link(frm, lid),
                "detail": f"{lesson.date.year} · {self.L[lesson.level]} · {self.L[lesson.status]}",
            })
        return items

    def account_items(self, frm: str, ids: Iterable[str]) -> list[dict[str, Any]]:
        items = []
        for aid in sorted(ids):
            account: Account = self.c.accounts[aid].record
            items.append({
                "link": link(account.handle, self.url(frm, "account", aid)),
                "detail": f"{self.platform_names[account.platform]} · {self.L[account.status]}",
            })
        return items

    # --- index pages ----------------------------------------------------------

    def grouped(self, path: str, title: str, intro: str, groups: list[tuple[str, str, list[dict[str, Any]]]],
                empty: str) -> Page:
        return Page(path, "list.md.j2", {
            "title": title,
            "intro": intro,
            "menu": self.menu(path),
            "groups": [{"anchor": a, "heading": h, "entries": items} for a, h, items in groups],
            "empty": empty,
        })

    def menu(self, frm: str) -> list[Raw]:
        """Links to the other lists of the same records; the current one in bold."""
        for entries in LIST_MENUS:
            if any(target == frm for _, target in entries):
                return [
                    Raw(f"**{self.L[key]}**") if target == frm else link(self.L[key], self.rel(frm, target))
                    for key, target in entries
                ]
        return []

    def index_pages(self) -> list[Page]:
        c, L = self.c, self.L
        pages = []
        by_year: dict[int, list[str]] = defaultdict(list)
        for cid, e in c.campaigns.items():
            by_year[e.record.period.start.year].append(cid)
        pages.append(self.grouped(
            "campaigns/index.md", L["campaigns"], L["all_campaigns_intro"],
            [(str(y), str(y), self.campaign_items("campaigns/index.md", by_year[y])) for y in sorted(by_year, reverse=True)],
            L["no_campaigns"],
        ))

        def campaign_groups(path: str, names: dict[str, str], key) -> list[tuple[str, str, list[dict[str, Any]]]]:
            members: dict[str, list[str]] = defaultdict(list)
            for cid, e in c.campaigns.items():
                for value in key(e.record):
                    members[value].append(cid)
            return [(k, names[k], self.campaign_items(path, members[k])) for k in sorted(names, key=lambda k: names[k].casefold()) if members[k]]

        for suffix, label, names, key in (
            ("platform", "by_platform", self.platform_names, lambda r: r.platforms),
            ("channel", "by_channel", self.channel_names, lambda r: r.channels),
            ("scenario", "by_scenario", self.scenario_names, lambda r: [r.scenario]),
            ("recruitment", "by_recruitment", {"active": L["active"], "passive": L["passive"]}, lambda r: [r.recruitment]),
        ):
            path = f"lists/campaigns-by-{suffix}.md"
            pages.append(self.grouped(path, f"{L['campaigns']}: {L[label].lower()}", L["all_campaigns_intro"],
                                      campaign_groups(path, names, key), L["no_campaigns"]))

        def lesson_groups(path: str, names: dict[str, str], key, order=None) -> list[tuple[str, str, list[dict[str, Any]]]]:
            members: dict[str, list[str]] = defaultdict(list)
            for lid, e in c.lessons.items():
                for value in key(e.record):
                    members[value].append(lid)
            keys = order or sorted(names, key=lambda k: names[k].casefold())
            return [(k, names[k], self.lesson_items(path, members[k])) for k in keys if members[k]]

        levels = {"foundation": L["foundation"], "execution": L["execution"]}
        statuses = {"proposed": L["proposed"], "accepted": L["accepted"], "superseded": L["superseded"]}
        pages.append(self.grouped("lessons/index.md", L["lessons"], L["all_lessons_intro"],
                                  lesson_groups("lessons/index.md", levels, lambda r: [r.level], list(levels)), L["no_lessons"]))
        pages.append(self.grouped("lists/lessons-by-platform.md", f"{L['lessons']}: {L['by_platform'].lower()}", L["all_lessons_intro"],
                                  lesson_groups("lists/lessons-by-platform.md", self.platform_names, lambda r: r.applies_to.platforms), L["no_lessons"]))
        pages.append(self.grouped("lists/lessons-by-status.md", f"{L['lessons']}: {L['by_status'].lower()}", L["all_lessons_intro"],
                                  lesson_groups("lists/lessons-by-status.md", statuses, lambda r: [r.status], list(statuses)), L["no_lessons"]))

        platforms = sorted(self.platform_names, key=lambda k: self.platform_names[k].casefold())
        pages.append(Page("platforms/index.md", "table.md.j2", {
            "title": L["platforms"], "intro": L["all_platforms_intro"],
            "columns": [L["platform"], L["guideline"], L["owner"], L["campaigns"], L["accounts"]],
            "rows": [[
                self.platform_link("platforms/index.md", k),
                Raw(L["closed"]) if c.taxonomy.platforms[k].closed else (Raw("✓") if k in c.guidelines else Raw("–")),
                self.person("platforms/index.md", c.guidelines[k].record.owner) if k in c.guidelines else Raw("–"),
                len(self.of("campaign-platform", k)),
                len(self.of("account-platform", k)),
            ] for k in platforms],
        }))
        channels = sorted(self.channel_names, key=lambda k: self.channel_names[k].casefold())
        pages.append(Page("channels/index.md", "table.md.j2", {
            "title": L["channels"], "intro": L["all_channels_intro"],
            "columns": [L["channel"], L["group"], L["campaigns"]],
            "rows": [[
                self.channel_link("channels/index.md", k),
                L[f"group_{c.taxonomy.channels[k].group}"],
                len(self.of("campaign-channel", k)),
            ] for k in channels],
        }))
        people = sorted(c.people, key=lambda k: (c.people[k].record.name.casefold(), k))
        pages.append(Page("people/index.md", "table.md.j2", {
            "title": L["people"], "intro": L["all_people_intro"],
            "columns": [L["name"], L["role"], L["team"], L["left"]],
            "rows": [[
                link(c.people[k].record.name, f"{k}.md"),
                c.people[k].record.role,
                c.people[k].record.team,
                self.day(c.people[k].record.left) if c.people[k].record.left else "",
            ] for k in people],
        }))
        accounts = sorted(c.accounts, key=lambda k: (self.platform_names[c.accounts[k].record.platform].casefold(), k))
        pages.append(Page("accounts/index.md", "table.md.j2", {
            "title": L["accounts"], "intro": L["all_accounts_intro"],
            "columns": [L["account"], L["platform"], L["status"], L["owner"], L["backup_owner"], L["reviewed"]],
            "rows": [[
                link(c.accounts[k].record.handle, f"{k}.md"),
                self.platform_link("accounts/index.md", c.accounts[k].record.platform),
                L[c.accounts[k].record.status],
                self.person("accounts/index.md", c.accounts[k].record.owner),
                self.person("accounts/index.md", c.accounts[k].record.backup_owner),
                self.day(c.accounts[k].record.reviewed) if c.accounts[k].record.reviewed else L["never_reviewed"],
            ] for k in accounts],
        }))
        return pages

    def plan(self, only: set[str] | None = None) -> list[tuple[str, Callable[[], Page]]]:
        """Every page as (path, how to make it), in a stable order.

        The paths are known before any page is made, so the writer can claim
        them first; each page is then made, rendered and written in turn,
        and never all of them are held in memory at once. With `only`
        (record file paths) just those records' own pages are planned.
        """
        c = self.c

        def wanted(entry: Entry) -> bool:
            return only is None or entry.path in only

        jobs: list[tuple[str, Callable[[], Page]]] = []
        if only is None:
            from .dashboard import health_pages

            jobs += [(page.path, partial(lambda page: page, page)) for page in self.index_pages() + health_pages(self)]
        jobs += [(f"campaigns/{k}.md", partial(self.campaign_page, e)) for k, e in sorted(c.campaigns.items()) if wanted(e)]
        jobs += [(f"lessons/{k}.md", partial(self.lesson_page, e)) for k, e in sorted(c.lessons.items()) if wanted(e)]
        jobs += [
            (f"platforms/{k}.md", partial(self.platform_page, k)) for k in sorted(c.taxonomy.platforms)
            if only is None or (k in c.guidelines and wanted(c.guidelines[k]))
        ]
        if only is None:
            jobs += [(f"channels/{k}.md", partial(self.channel_page, k)) for k in sorted(c.taxonomy.channels)]
        jobs += [(f"people/{k}.md", partial(self.person_page, e)) for k, e in sorted(c.people.items()) if wanted(e)]
        jobs += [(f"accounts/{k}.md", partial(self.account_page, e)) for k, e in sorted(c.accounts.items()) if wanted(e)]
        return jobs
