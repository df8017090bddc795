"""The campaigns: when and on which platforms they ran (none on a platform
after it closed), their status relative to the data set's today, their
goals, and the figures per channel of those that ran."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from .archetypes import ARCHETYPES, Archetype
from .dataset import Campaign, DataSet, between
from .sentences import BODY_HEADINGS, LESSON, LISTENING, WHAT
from .text import Ctx, cap
from .words import (
    AUDIENCES, AUDIENCE_GOALS, BUSINESS_GOALS, CHANNEL_TEXT, CONTENT, FIRST_YEAR, GOALS, JOBS, LAST_YEAR, MONTHS, ORG,
    REGIONS, SITUATIONS, TALK, TARGET_GROUPS, TODAY,
)


class Campaigns(DataSet):
    """The campaigns, planned first (`campaign_structure`), then written."""

    def campaign_structure(self) -> None:
        rng = self.rng
        years = list(range(FIRST_YEAR, LAST_YEAR + 1))
        year_weights = [10 + 2 * (y - FIRST_YEAR) for y in years]
        arch_weights = [a.weight for a in ARCHETYPES]
        planned: list[tuple[date, Archetype]] = []
        for _ in range(self.n_campaigns):
            year = rng.choices(years, year_weights)[0]
            start = between(rng, date(year, 1, 5), date(year, 12, 20))
            planned.append((start, rng.choices(ARCHETYPES, arch_weights)[0]))
        planned.sort(key=lambda item: (item[0], item[1].key))
        width = max(4, len(str(self.n_campaigns)))
        self.campaigns: list[Campaign] = []
        for seq, (start, arch) in enumerate(planned, 1):
            open_now = self.available(start)
            platforms = [p for p in arch.platforms if p in open_now]
            if not platforms and arch.needs_platform:
                platforms = [p for p in open_now if p not in ("indeed", "glassdoor", "stack-overflow-jobs")] or open_now
            if platforms:
                if arch.needs_platform or rng.random() < 0.6:
                    # Mostly the platform first in line for the archetype, sometimes a second one.
                    first = platforms[0] if rng.random() < 0.5 else rng.choice(platforms)
                    chosen = [first]
                    rest = [p for p in platforms if p != first]
                    if rest and rng.random() < 0.35:
                        chosen += rng.sample(rest, min(len(rest), rng.randint(1, 2)))
                    # Now and then a small regional community too.
                    extras = [p for p in open_now if self.platforms[p].weight == 1 and p not in chosen]
                    if extras and rng.random() < 0.1:
                        chosen.append(rng.choice(extras))
                    platforms = chosen
                else:
                    platforms = []
            channels = list(arch.channels)
            if platforms and "sociale-media" not in channels:
                channels.append("sociale-media")
            extra = [c for c in arch.extra_channels if c not in channels]
            channels += rng.sample(extra, rng.randint(0, len(extra)))
            # Status and period, relative to the data set's today.
            closing = min((self.platforms[p].closed for p in platforms if self.platforms[p].closed), default=None)
            length = rng.randint(21, 300)
            end: date | None = start + timedelta(days=length)
            if closing is not None and end > closing:  # type: ignore[operator]
                end = max(closing, start + timedelta(days=7))
            if start > TODAY:
                status = "planned"
                end = end if rng.random() < 0.5 else None
            elif end > TODAY:  # type: ignore[operator]
                status, end = "running", None
            elif rng.random() < 0.08:
                status = "stopped"
                end = start + timedelta(days=max(7, (end - start).days // 3))  # type: ignore[operator]
            else:
                status = "finished"
            goals = rng.sample(arch.goals, min(len(arch.goals), rng.choices([1, 2, 3], [3, 5, 2])[0]))
            job, jobs = rng.choice(JOBS)
            main = platforms[0] if platforms else None
            audience = rng.choice(AUDIENCES) if rng.random() < 0.5 else rng.choice(["ervaren ", ""]) + jobs
            ctx = Ctx(
                platform=self.platforms[main].short if main else "sociale media",
                audience=audience, job=job, jobs=jobs, region=rng.choice(REGIONS),
                content=rng.choice(CONTENT), talk=rng.choice(TALK), month=MONTHS[start.month - 1],
                channel=CHANNEL_TEXT[rng.choice(channels)], year=str(start.year), org=ORG,
                webcare=str(self.platforms[main].webcare if main else 24), **self.figures(),
            )
            prefix = main if main else channels[0]
            if arch.key.startswith(prefix):
                prefix = ""
            cid = "-".join(part for part in (prefix, arch.key, str(start.year), f"{seq:0{width}d}") if part)
            if len(cid) > 64:
                cid = f"{arch.key}-{start.year}-{seq:0{width}d}"
            self.campaigns.append(Campaign(cid, arch, start, end, status, platforms, channels, goals, ctx))

    def results(self, campaign: Campaign) -> list[dict[str, Any]]:
        rng = self.rng
        rows: list[dict[str, Any]] = []
        scale = 1.0 if campaign.status == "finished" else 0.4
        for channel in campaign.channels:
            if rng.random() < 0.15:
                continue  # no figures kept for this channel
            targets: list[str | None] = [None]
            if channel == "sociale-media" and campaign.platforms:
                targets = list(campaign.platforms)
            elif channel == "advertenties" and campaign.platforms and rng.random() < 0.6:
                targets = [rng.choice(campaign.platforms)]
            for platform in targets:
                row: dict[str, Any] = {"channel": channel}
                if platform:
                    row["platform"] = platform
                if channel in ("referrals", "relaties"):
                    reach = None
                    apps = int(rng.randint(3, 60) * scale)
                elif channel == "evenementen":
                    reach = int(rng.randint(80, 2500) * scale)
                    apps = int(reach * rng.uniform(0.01, 0.12))
                else:
                    low, high = {"advertenties": (8000, 250000), "vacaturebanken": (4000, 60000),
                                 "eigen-website": (5000, 45000)}.get(channel, (800, 80000))
                    reach = int(rng.randint(low, high) * scale)
                    apps = int(reach * rng.uniform(0.0005, 0.01))
                if reach is not None:
                    row["reach"] = reach
                    if channel in ("sociale-media", "advertenties"):
                        engagement = int(reach * rng.uniform(0.01, 0.09))
                        row["engagement"] = engagement
                        if rng.random() < 0.7:
                            row["shares"] = int(engagement * rng.uniform(0.02, 0.25))
                if channel in ("sociale-media", "evenementen", "referrals") and rng.random() < 0.7:
                    row["conversations"] = apps + rng.randint(0, 5 * apps + 10)
                row["applications"] = apps
                row["hires"] = int(apps * rng.uniform(0.0, 0.2))
                if rng.random() < 0.85:
                    cost = {"advertenties": rng.randint(500, 30000), "vacaturebanken": rng.randint(300, 12000),
                            "referrals": row["hires"] * rng.choice([500, 750, 1000, 1500, 2000])}.get(
                        channel, rng.choice([0, 0, rng.randint(100, 5000)]))
                    row["cost"] = cost
                if rng.random() < 0.8:
                    hours = rng.randint(4, 600)
                    row["hours"] = hours if rng.random() < 0.8 else hours + 0.5
                rows.append(row)
        return rows

    def campaign_records(self) -> None:
        rng, text = self.rng, self.text
        for campaign in self.campaigns:
            arch, ctx = campaign.arch, campaign.ctx
            owner = self.someone(campaign.start)
            knowledge_owner = owner if rng.random() < 0.4 else self.someone(campaign.start)
            scenario = rng.choice(arch.scenarios)
            recruitment = rng.choice(self.scenario_suits[scenario])
            fields: dict[str, Any] = {
                "title": text.title(arch.titles, ctx,
                                    f"Campagne {arch.key.replace('-', ' ')} in {campaign.start.year}"),
                "summary": text.sentences(list(arch.summaries), ctx, rng.randint(1, 2)),
                "status": campaign.status,
                "period": {"start": campaign.start, **({"end": campaign.end} if campaign.end else {})},
                "owner": owner.id,
                "knowledge_owner": knowledge_owner.id,
                "recruitment": recruitment,
                "scenario": scenario,
            }
            campaign.fields["scenario"] = scenario
            if campaign.platforms:
                fields["platforms"] = list(campaign.platforms)
            fields["channels"] = list(campaign.channels)
            # Drawn from a generator of the campaign's own: the data sets
            # made before target groups existed stay the same otherwise.
            own = random.Random(f"target-groups-{campaign.id}")
            if own.random() < 0.7:
                fields["target_groups"] = own.sample([g[0] for g in TARGET_GROUPS], own.randint(1, 2))
            fields["audience"] = f"{cap(ctx['audience'])} in regio {ctx['region']} die {rng.choice(SITUATIONS)}."
            fields["audience_goal"] = rng.choice(AUDIENCE_GOALS)
            if rng.random() < 0.7:
                fields["listening"] = text.markdown(LISTENING, ctx, (1, 2))
            goal_ctx = Ctx(ctx, n=str(rng.randint(3, 40)), cost=str(rng.choice([1500, 2500, 4000, 6000])))
            fields["business_goals"] = [g.format_map(goal_ctx) for g in rng.sample(BUSINESS_GOALS, rng.randint(1, 3))]
            fields["learning_goals"] = [{"id": g, "question": GOALS[g].format_map(ctx)} for g in campaign.goals]
            if rng.random() < 0.8:
                fields["budget"] = rng.choice([0, 500, 1000, 2500, 5000, 7500, 10000, 15000, 25000, 40000])
            if campaign.status in ("finished", "stopped") or (campaign.status == "running" and rng.random() < 0.5):
                rows = self.results(campaign)
                if rows:
                    fields["results"] = rows
                campaign.fields["results"] = rows
            if campaign.status != "planned" and rng.random() < 0.6:
                fields["reviewed"] = between(rng, campaign.end or campaign.start, TODAY)
            fields["tags"] = rng.sample(list(arch.tags), rng.randint(1, min(3, len(arch.tags))))
            body = None
            if self.as_md():
                heads = rng.choice(BODY_HEADINGS)
                body = "\n\n".join([
                    f"### {heads[0]}", text.markdown(LISTENING + LESSON[:4], ctx, (1, 2)).rstrip(),
                    f"### {heads[1]}", text.markdown(WHAT, ctx, (1, 2)).rstrip(),
                ])
                if campaign.status in ("finished", "stopped"):
                    body += f"\n\n### {heads[2]}\n\n" + text.markdown(LESSON, ctx, (1, 1)).rstrip()
            self.emit("campaigns", campaign.id, fields, body)
