"""The page of each record: campaigns, lessons, platforms (with their
guideline), people and accounts. (The pages of the other vocabularies'
terms, channels among them, are `terms.py`'s.)"""

from __future__ import annotations

from functools import partial
from typing import Any, Iterable

from ...records.catalog import FIGURES, Entry
from ...records.models import Account, Campaign, Guideline, Lesson, Person
from ...records.text import gist
from ..render import Raw, link
from ...records.health import BY_SEVERITY, SEVERITY
from .findings import TO_DO_ANCHOR, capped, still_open, to_do_list
from .shared import Job, Page, Site, chart_of, record_path, wanted
from ...records.relations import (ACCOUNTS_BACKED_UP_BY, ACCOUNTS_OWNED_BY, CAMPAIGNS_RUN_BY, CAMPAIGNS_SECURED_BY,
                                 GUIDELINES_OWNED_BY, LESSONS_BY_AUTHOR, LESSONS_OF_CAMPAIGN, RECURRED_BY,
                                 SUCCESSOR_OF, SUPERSEDES, Relation, of)


# The earlier lessons and open questions a campaign page shows; the rest are
# on the lists per platform and channel.
KNOWN = 10


def known_items(site: Site, path: str, ids: list[str]) -> list[dict[str, Any]]:
    """Lessons a campaign page points to, in the order given: what each
    says, its level (foundation in bold), a proposal and a recurring
    mistake marked."""
    c, L = site.c, site.L
    items = []
    for lid in ids:
        lesson = c.lessons[lid].record
        items.append({
            "link": site.lesson_link(path, lid),
            "detail": L[lesson.level],
            "year": lesson.date.year,
            "status": L[lesson.status] if lesson.status == "proposed" else None,
            "recurring": L[f"recurring_{c.recurring(lid)}"] if c.recurring(lid) else None,
            "foundation": lesson.level == "foundation",
            "gist": gist(lesson.lesson),
        })
    return items


def more_lessons(site: Site, frm: str, rest: list[tuple[Relation, str, int]]) -> list[Raw]:
    """"En nog 180 lessen over LinkedIn", for each term with lessons a page
    did not show, linked to a list that holds every one of them."""
    return [link(site.counted("more_lessons_on", n, name=site.names[relation.subject][term]),
                 site.rel(frm, site.whole_list(relation, term)))
            for relation, term, n in rest]


def campaign_page(site: Site, entry: Entry) -> Page:
    c, L = site.c, site.L
    campaign: Campaign = entry.record
    path = record_path("campaign", entry.id)
    goals = [
        {
            "id": goal.id,
            "question": goal.question,
            "answered_by": [site.lesson_link(path, lid) for lid in c.answered_by.get((entry.id, goal.id), [])],
        }
        for goal in campaign.learning_goals
    ]
    rows = [
        {
            "channel": site.term_link(path, "channel", result.channel),
            "platform": site.term_link(path, "platform", result.platform) if result.platform else "–",
            **{name: getattr(result, name) for name in FIGURES},
            "cost_per_hire": result.cost / result.hires if result.cost is not None and result.hires else None,
        }
        for result in campaign.results
    ]
    lessons = site.capped(path, LESSONS_OF_CAMPAIGN, entry.id)
    # What was known before the campaign began: lessons drawn, and questions of campaigns started, before it.
    start = campaign.period.start
    known, known_total = c.applicable_lessons(campaign.platforms, campaign.channels, campaign.scenario, {entry.id},
                                              start, limit=KNOWN)
    # What was learned since a finished campaign ended, from later campaigns
    # on the same platforms, channels or scenario.
    since, since_total = ([], 0) if campaign.status != "finished" or campaign.period.end is None else \
        c.applicable_lessons(campaign.platforms, campaign.channels, campaign.scenario, {entry.id},
                             limit=KNOWN, after=campaign.period.end)
    rest = partial(c.applicable_rest, campaign.platforms, campaign.channels, campaign.scenario, {entry.id})
    questions = c.open_questions(campaign.platforms, campaign.channels, campaign.scenario, {entry.id}, start,
                                 limit=KNOWN)
    return Page(path, "campaign.md.j2", {
        "crumbs": site.record_crumbs(path, "campaign", campaign.period.start.year),
        "record_id": entry.id,
        "filters": site.filters("campaign", campaign, status=campaign.status,
                                year=campaign.period.start.year),
        "already_known": known_items(site, path, known),
        # The rest of each, per platform, channel and scenario, each linked to a list that holds them.
        "already_known_rest": more_lessons(site, path, rest(before=start, shown=known))
        if known_total > len(known) else [],
        "learned_since": known_items(site, path, since) if since_total else None,
        "finished": c.finished(campaign),
        "learned_since_rest": more_lessons(site, path, rest(after=campaign.period.end, shown=since))
        if since_total > len(since) else [],
        "open_questions": [
            {"link": link(c.question(cid, gid),
                          site.url(path, "campaign", cid, f"goal-{gid}")),
             "detail": site.c.campaigns[cid].record.title}
            for cid, gid in questions
        ],
        "id": entry.id,
        "title": campaign.title,
        "summary": campaign.summary,
        "status": L[campaign.status],
        "start": campaign.period.start,
        "end": campaign.period.end,
        "recruitment": L[campaign.recruitment],
        "scenario": site.term_link(path, "scenario", campaign.scenario),
        "platforms": site.joined(site.term_link(path, "platform", p) for p in campaign.platforms),
        "channels": site.joined(site.term_link(path, "channel", ch) for ch in campaign.channels),
        "other_terms": site.named_terms(path, "campaign", campaign, {"scenario", "platforms", "channels", "tags"}),
        "owner": site.person(path, campaign.owner),
        "knowledge_owner": site.person(path, campaign.knowledge_owner),
        "budget": campaign.budget,
        "audience": campaign.audience,
        "audience_goal": campaign.audience_goal,
        "listening": campaign.listening,
        "business_goals": campaign.business_goals,
        "goals": goals,
        "results": rows,
        "totals": c.campaign_figures.get(entry.id),
        "lessons": lessons,
        "body": campaign.body,
        "tags": site.tags(path, campaign.tags),
        "review": site.review(c.review("campaign", entry.id)),
        "owner_plain": site.person(path, campaign.knowledge_owner),
        "owner_label": L["knowledge_owner"],
        "source": site.source(entry),
        # What an author names in a lesson about this campaign: ids are for
        # authors, in the footer with the record's file, not among the facts.
        "for_authors": Raw("{} <code>{}</code>{}").format(
            L["ids_for_lessons"], entry.id,
            Raw("").join(Raw(" · {} <code>{}</code>").format(L["goal"], goal.id) for goal in campaign.learning_goals)),
    })


def lesson_page(site: Site, entry: Entry) -> Page:
    c, L = site.c, site.L
    lesson: Lesson = entry.record
    path = record_path("lesson", entry.id)
    answers = [
        link(
            c.question(cid, gid),
            site.url(path, "campaign", cid, f"goal-{gid}"),
        )
        for cid, gid in c.answers.get(entry.id, [])
    ]
    applies = lesson.applies_to
    applies_links = (
        [site.term_link(path, "platform", p) for p in applies.platforms]
        + [site.term_link(path, "channel", ch) for ch in applies.channels]
        + [site.term_link(path, "scenario", s) for s in applies.scenarios]
    )
    return Page(path, "lesson.md.j2", {
        "crumbs": site.record_crumbs(path, "lesson", lesson.date.year),
        "filters": site.filters("lesson", lesson, level=lesson.level,
                                status=lesson.status, year=lesson.date.year),
        # A search result says that a lesson no longer applies.
        "search_state": L["superseded"] if lesson.status == "superseded" else None,
        "id": entry.id,
        "title": lesson.title,
        "date": lesson.date,
        "author": site.person(path, lesson.author),
        "level": L[lesson.level],
        "status": L[lesson.status],
        "campaigns": site.joined(site.campaign_link(path, cid) for cid in lesson.campaigns),
        "answers": answers,
        "applies_to": site.joined(applies_links),
        "what_happened": lesson.what_happened,
        "lesson": lesson.lesson,
        "recommendation": lesson.recommendation,
        "evidence": lesson.evidence,
        "superseded_by": site.lesson_link(path, lesson.superseded_by) if lesson.superseded_by else None,
        "supersedes": site.inline(site.capped(path, SUPERSEDES, entry.id)),
        "recurs": site.lesson_link(path, lesson.recurs) if lesson.recurs else None,
        "recurred_by": site.inline(site.capped(path, RECURRED_BY, entry.id)),
        "body": lesson.body,
        "tags": site.tags(path, lesson.tags),
        "review": site.review(c.review("lesson", entry.id)),
        "owner_plain": site.person(path, lesson.author),
        "source": site.source(entry),
    })


def _figures(site: Site, group: str, ident: str, frm: str, alt: str) -> dict[str, Any]:
    """A channel's or platform's own figures, and the chart with its bars highlighted."""
    figures = site.c.figures[group].get(ident)
    return {
        "figures": figures,
        "chart": {"src": site.rel(frm, chart_of(group, ident)), "alt": site.L[alt]} if figures else None,
    }


def platform_page(site: Site, ident: str) -> Page:
    c, L = site.c, site.L
    path = record_path("guideline", ident)
    platform = c.taxonomy.platforms[ident]
    entry = c.guidelines.get(ident)
    guideline: Guideline | None = entry.record if entry else None
    context: dict[str, Any] = {
        "crumbs": site.record_crumbs(path, "guideline"),
        "filters": site.filters("platform", terms={"platform": [ident]}),
        "id": ident,
        "title": site.names["platform"][ident],
        "description": platform.description,
        "closed": platform.closed,
        "url": platform.url,
        "guideline": None,
        **_figures(site, "platform", ident, path, "chart_platforms_alt"),
        "campaigns": site.capped(path, of("campaigns", "platform"), ident),
        "lessons": site.capped(path, of("lessons", "platform"), ident),
        "accounts": site.capped(path, of("accounts", "platform"), ident),
        "tags": site.tags(path, guideline.tags) if guideline else [],
        "review": None,
        "owner_plain": None,
        "source": site.source(entry),
    }
    if guideline is not None:
        context["guideline"] = {
            "summary": guideline.summary,
            "recruitment": ", ".join(L[r] for r in guideline.recruitment),
            "dos": guideline.dos,
            "donts": guideline.donts,
            "tone_of_voice": guideline.tone_of_voice,
            "webcare_hours": guideline.webcare_hours,
            "approval": guideline.approval,
            "owner": site.person(path, guideline.owner),
            "body": guideline.body,
        }
        context["review"] = site.review(c.review("guideline", ident))
        context["owner_plain"] = site.person(path, guideline.owner)
    return Page(path, "platform.md.j2", context)


def responsibilities(site: Site, path: str, person: str) -> list[tuple[str, dict[str, Any]]]:
    """What `person` answers for now, by kind, as page `path` lists it."""
    return [
        ("secures_campaigns", site.capped(path, CAMPAIGNS_SECURED_BY, person)),
        ("owns_guidelines", site.capped(path, GUIDELINES_OWNED_BY, person)),
        ("owns_accounts", site.capped(path, ACCOUNTS_OWNED_BY, person)),
        ("backs_up_accounts", site.capped(path, ACCOUNTS_BACKED_UP_BY, person)),
    ]


def left_state(site: Site, person: str) -> str:
    """What a search result says of someone who left: that they left, and
    whom to ask now ("Vertrokken · vraag Lotte Jansen")."""
    ask, _ = site.whom_to_ask(person)
    return site.L["left"] if ask is None else f"{site.L['left']} · {site.L['ask']} {site.person_name(ask)}"


def person_page(site: Site, entry: Entry) -> Page:
    """One page per person: what they are; for someone who left, when and
    who took over; what they must do (first, when there is anything); what
    they own; what they wrote."""
    c, L = site.c, site.L
    person: Person = entry.record
    path = record_path("person", entry.id)
    ran = ("ran_campaigns", site.capped(path, CAMPAIGNS_RUN_BY, entry.id))
    held = responsibilities(site, path, entry.id)
    # Someone who left holds nothing: what records still name them for is
    # still to be handed over; the campaigns they ran are history.
    owned = [ran, *held] if person.left is None else held
    # What they hold now for colleagues who left: the same responsibilities,
    # per colleague (who ran a campaign stays history, on the leaver's page),
    # or what moved to them by a handover, on its own page.
    inherited = []
    for ident in site.taken_over.get(entry.id, []):
        groups = [{"label": L[key], "entries": items} for key, items in responsibilities(site, path, ident)
                  if items["total"]]
        left = site.day(c.people[ident].record.left)
        if ident in c.checklists:
            inherited.append({"name": site.person_name(ident), "groups": groups,
                              "note": Raw(L["inherited_handover"]).format(
                                  name=site.record_link(path, "person", ident), day=left,
                                  successor=site.person_name(c.checklists[ident].successor),
                                  handed=site.day(c.checklists[ident].day),
                                  link=link(L["the_handover"], site.rel(path, record_path("handover", ident))))})
        elif groups:
            inherited.append({"name": site.person_name(ident), "groups": groups,
                              "note": Raw(L["inherited_from"]).format(
                                  name=site.record_link(path, "person", ident),
                                  day=left, successor=person.name)})
    todo = []
    for name in BY_SEVERITY:
        items = site.to_do(entry.id).get(name, [])
        if items:
            todo.append({
                "title": L[f"finding_{name}"],
                "severity": SEVERITY[name],
                "severity_label": L[f"severity_{SEVERITY[name]}"],
                "action": L[f"action_{name}"],
                "rows": capped(site, path, name, items, to_do_list(entry.id, name), named=False),
            })
    # Where what they own goes: to who took over, or (while nobody has) to
    # the manager to settle; for someone who left, with the command that
    # moves it (to whoever holds their work now, or to a successor to name).
    handover, now, manager = None, c.taken_over_by(entry.id) if person.left else None, site.health.manager
    if person.left is not None and now is not None:
        handover = L["handover_left"].format(name=site.person_name(now))
    elif person.left is not None and manager is not None:
        handover = L["handover_left_alone"].format(name=site.person_name(manager))
    elif person.left is not None:
        handover = L["handover_left_nobody"]
    elif any(items["total"] for _, items in owned):
        handover = L["handover_staying"]
    if person.left is not None and entry.id not in c.handovers:
        command = f"handbook handover {entry.id} --to {now or L['successor_placeholder']}"
        handover = Raw("{} {} <code>{}</code>.").format(
            handover, L["handover_command_now" if now else "handover_command_later"], command)
    # Their handover, once made: when, to whom, and what it still asks.
    handed = None
    if entry.id in c.checklists:
        checklist = c.checklists[entry.id]
        handed = Raw("{} {} {}").format(
            L["handover_done_on"].format(name=site.person_name(checklist.successor), day=site.day(checklist.day)),
            _sentence(still_open(site, checklist.counts)) if checklist.open else L["handover_all_done"],
            link(L["handover_see"], site.rel(path, record_path("handover", entry.id)) + (
                f"#{TO_DO_ANCHOR}" if checklist.open else "")))
    return Page(path, "person.md.j2", {
        "crumbs": site.record_crumbs(path, "person"),
        "for_authors": Raw("{} <code>{}</code>").format(L["person_id"], entry.id),
        # Someone who left is found by it, and under the filter Status: Vertrokken.
        "filters": site.filters("person", status="left" if person.left is not None else None),
        # A search result says it too, and whom to ask now.
        "search_state": None if person.left is None else left_state(site, entry.id),
        "id": entry.id,
        "title": person.name,
        "role": person.role,
        "team": person.team,
        "manager": entry.id == site.health.manager,
        "email": site.contact(person)[0],
        "phone": site.contact(person)[1],
        "left": person.left,
        "successor": site.person(path, person.successor) if person.successor else None,
        # Nobody took over: the warning, and whom to ask instead (the manager).
        "ask_instead": site.ask_now(path, entry.id) if person.left is not None else None,
        # Whom they took over from, and when those left (who to ask now is this person).
        "successor_of": [Raw("{} ({} {})").format(site.record_link(path, "person", k), L["left_on"],
                                                  site.day(c.people[k].record.left))
                         if c.people[k].record.left else site.record_link(path, "person", k)
                         for k in c.of(SUCCESSOR_OF, entry.id)],
        "todo": todo,
        "todo_count": sum(group["rows"]["total"] for group in todo),
        "todo_anchor": TO_DO_ANCHOR,
        "handover": handover,
        "handed_over": handed,
        "owns_title": L["owns"] if person.left is None else L["still_to_move"],
        "groups": [{"label": L[key], "entries": items} for key, items in owned if items["total"]],
        # Someone who left: the campaigns they ran, as history, apart from what is still to move.
        "ran": ran[1] if person.left is not None and ran[1]["total"] else None,
        "inherited": inherited,
        "wrote": site.capped(path, LESSONS_BY_AUTHOR, entry.id),
        "body": person.body,
        "tags": site.tags(path, person.tags),
        "source": site.source(entry),
    })


def _sentence(words: str) -> str:
    """Words as a sentence of their own: a capital, and a full stop."""
    return words[:1].upper() + words[1:] + "."


def account_page(site: Site, entry: Entry) -> Page:
    c, L = site.c, site.L
    account: Account = entry.record
    path = record_path("account", entry.id)
    return Page(path, "account.md.j2", {
        "crumbs": site.record_crumbs(path, "account"),
        "filters": site.filters("account", account, status=account.status),
        "id": entry.id,
        "title": f"{account.handle} ({site.names['platform'][account.platform]})",
        "handle": account.handle,
        "platform": site.term_link(path, "platform", account.platform),
        "url": account.url,
        "owner": site.person(path, account.owner),
        "backup_owner": site.person(path, account.backup_owner),
        "purpose": account.purpose,
        "recruitment": L[account.recruitment] if account.recruitment else None,
        "status": L[account.status],
        "body": account.body,
        "tags": site.tags(path, account.tags),
        "review": site.review(c.review("account", entry.id)),
        "owner_plain": site.person(path, account.owner),
        "source": site.source(entry),
    })


def jobs(site: Site, only: set[str] | None) -> Iterable[Job]:
    c = site.c
    for ident, entry in sorted(c.campaigns.items()):
        if wanted(only, entry):
            yield record_path("campaign", ident), partial(campaign_page, site, entry)
    for ident, entry in sorted(c.lessons.items()):
        if wanted(only, entry):
            yield record_path("lesson", ident), partial(lesson_page, site, entry)
    for ident in sorted(c.taxonomy.platforms):
        # A platform's page shows its guideline: it is that record's page.
        if only is None or (ident in c.guidelines and wanted(only, c.guidelines[ident])):
            yield record_path("guideline", ident), partial(platform_page, site, ident)
    for ident, entry in sorted(c.people.items()):
        if wanted(only, entry):
            yield record_path("person", ident), partial(person_page, site, entry)
    for ident, entry in sorted(c.accounts.items()):
        if wanted(only, entry):
            yield record_path("account", ident), partial(account_page, site, entry)
