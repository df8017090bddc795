"""The platforms: the taxonomy (platforms, channels, scenarios, tags), one
guideline per platform, and the register of accounts on them."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from generator.records.writing import dump_fields, slugify

from .dataset import DataSet, Person, Platform, between, parse_day
from .sentences import ACCOUNT_SUBJECTS, APPROVALS, DONTS, DOS, LESSON, LISTENING, RECOMMENDATION, REVIEW_MONTHS, TONES
from .text import Ctx, wrap
from .words import (
    AUDIENCES, CHANNELS, COMMUNITY_WORDS, CONTENT, JOBS, MONTHS, ORG, PLATFORMS, PLATFORM_USE, REGIONS, SCENARIOS,
    SHORT, TAGS, TARGET_GROUPS, TALK, TODAY,
)


class Platforms(DataSet):
    """The taxonomy first (every part reads its platforms and tags); after the
    lessons, a guideline per platform and the accounts on them."""

    def taxonomy(self) -> None:
        rng = self.rng
        self.platforms: dict[str, Platform] = {}
        for pid, name, name_en, description, url, opened, closed in PLATFORMS[: self.n_platforms]:
            recruitment, webcare, weight = PLATFORM_USE[pid]
            fields: dict[str, Any] = {"name": name, "name_en": name_en, "description": description, "url": url}
            if closed:
                fields["closed"] = parse_day(closed)
            self.platforms[pid] = Platform(pid, name, SHORT.get(pid, name), url, opened, parse_day(closed),
                                           recruitment, webcare, weight, fields)
        # Larger organisations also use regional communities and niche sites.
        regions = list(REGIONS)
        words = list(COMMUNITY_WORDS)
        while len(self.platforms) < self.n_platforms:
            word, region = rng.choice(words), rng.choice(regions)
            name = f"{word} {region}"
            pid = slugify(name)
            if pid in self.platforms:
                name = f"{name} {len(self.platforms)}"
                pid = slugify(name)
            opened = rng.randint(2009, 2022)
            closed = None
            if rng.random() < 0.12 and opened <= 2020:
                closed = between(rng, date(opened + 2, 1, 1), date(min(opened + 8, 2025), 12, 31))
            description = (f"Regionale {rng.choice(['community', 'vacaturesite', 'vakcommunity'])} voor "
                           f"{rng.choice(AUDIENCES)} in regio {region}.")
            if closed:
                description += f" Gesloten in {MONTHS[closed.month - 1]} {closed.year}."
            url = f"https://www.{pid.replace('-', '')}.nl"
            fields = {"name": name, "name_en": name, "description": description, "url": url}
            if closed:
                fields["closed"] = closed
            self.platforms[pid] = Platform(pid, name, name, url, opened, closed,
                                           rng.choice([["active"], ["passive"], ["active", "passive"]]),
                                           rng.choice([8, 24, 48]), 1, fields)
        taxonomy = {
            "platforms": {p.id: p.fields for p in self.platforms.values()},
            "channels": {cid: {"name": name, "name_en": name_en, "description": description, "group": group}
                         for cid, name, name_en, description, group in CHANNELS},
            "scenarios": {sid: {"name": name, "name_en": name_en, "description": description, "suits": list(suits)}
                          for sid, name, name_en, description, suits in SCENARIOS},
            "tags": {tid: {"name": name, "name_en": name_en, "description": description}
                     for tid, name, name_en, description in TAGS},
            "target_groups": {gid: {"name": name, "name_en": name_en, "description": description}
                              for gid, name, name_en, description in TARGET_GROUPS},
        }
        header = ("# De vaste woordenlijsten van het handboek: platforms, kanalen, scenario's en tags.\n"
                  "# Synthetische gegevens, gemaakt door handbook synth.\n\n")
        self.files.append(("", "taxonomy.yml", header + dump_fields(taxonomy)))
        self.scenario_suits = {sid: suits for sid, _, _, _, suits in SCENARIOS}
        self.tag_ids = [t[0] for t in TAGS]

    # -- guidelines and accounts ----------------------------------------------------------------

    def guidelines(self) -> None:
        rng, text = self.rng, self.text
        for platform in self.platforms.values():
            ctx = Ctx(platform=platform.short, audience=rng.choice(AUDIENCES), org=ORG,
                      content=rng.choice(CONTENT), talk=rng.choice(TALK), region=rng.choice(REGIONS),
                      jobs=rng.choice(JOBS)[1], webcare=str(platform.webcare), channel="sociale media")
            summary = {
                ("active",): f"{platform.short} gebruiken we voor actieve werving: kandidaten zoeken, "
                             "persoonlijk benaderen en hun vragen beantwoorden.",
                ("passive",): f"{platform.short} gebruiken we voor employer branding: laten zien hoe het is "
                              "om bij ons te werken.",
            }.get(tuple(platform.recruitment),
                  f"{platform.short} gebruiken we voor actieve werving van schaarse profielen, en daarnaast "
                  "voor employer branding.")
            if platform.closed:
                summary += f" Het platform sloot in {MONTHS[platform.closed.month - 1]} {platform.closed.year}."
                reviewed = between(rng, platform.closed - timedelta(days=400), platform.closed - timedelta(days=20))
                owner = rng.choice(self.staff)
            else:
                reviewed = between(rng, date(2022, 1, 1), TODAY)
                owner = rng.choice(self.stayers)
            fields: dict[str, Any] = {
                "summary": summary,
                "recruitment": list(platform.recruitment),
                "dos": rng.sample(DOS, rng.randint(2, 5)),
                "donts": rng.sample(DONTS, rng.randint(2, 4)),
                "tone_of_voice": rng.choice(TONES),
                "webcare_hours": platform.webcare,
                "approval": rng.choice(APPROVALS),
                "owner": owner.id,
                "reviewed": reviewed,
                "review_every_months": rng.choice(REVIEW_MONTHS),
                "tags": rng.sample(self.tag_ids, rng.randint(1, 3)),
            }
            body = None
            # Half the guidelines tell their background: there are few of
            # them (one per platform), and a data set of a few hundred
            # records still has guidelines with a story.
            if self.as_md(0.5):
                body = "## Achtergrond\n\n" + text.markdown(LESSON + LISTENING, ctx, (1, 2)).rstrip()
                if rng.random() < 0.5:
                    body += "\n\n## Werkwijze\n\n" + "\n".join(
                        f"{i}. {r.format_map(ctx)}" for i, r in enumerate(rng.sample(RECOMMENDATION, 3), 1))
            self.emit("platforms", platform.id, fields, body)

    def accounts(self) -> None:
        rng = self.rng
        ids = list(self.platforms)
        weights = [self.platforms[p].weight for p in ids]
        taken: dict[str, int] = {}
        for _ in range(self.n_accounts):
            platform = self.platforms[rng.choices(ids, weights)[0]]
            key, handle, purpose = rng.choice(ACCOUNT_SUBJECTS)
            handle = handle.format(org=ORG)
            region = rng.choice(REGIONS) if rng.random() < 0.6 else None
            if region:
                handle = f"{handle} {region}"
            aid = slugify(f"{platform.id} {key} {region or ''}")
            taken[aid] = taken.get(aid, 0) + 1
            if taken[aid] > 1:
                aid = f"{aid}-{taken[aid]}"
            if platform.closed is not None:
                status = "archived"
                reviewed = between(rng, platform.closed - timedelta(days=300), platform.closed)
            else:
                status = rng.choices(["active", "dormant", "archived"], [65, 20, 15])[0]
                reviewed = between(rng, date(max(platform.opened, 2012), 1, 1), TODAY)
            fields: dict[str, Any] = {"platform": platform.id, "handle": handle,
                                      "url": f"{platform.url.rstrip('/')}/{slugify(handle).replace('-', '')}"}
            owner: Person | None = None
            if rng.random() < 0.97:
                owner = rng.choice(self.stayers) if rng.random() < 0.9 else rng.choice(self.staff)
                fields["owner"] = owner.id
            if rng.random() < 0.75:
                backups = [p for p in self.stayers if owner is None or p.id != owner.id]
                if backups:
                    fields["backup_owner"] = rng.choice(backups).id
            fields["purpose"] = purpose if not region else f"{purpose} Voor regio {region}."
            if rng.random() < 0.9:
                fields["recruitment"] = rng.choice(platform.recruitment)
            fields["status"] = status
            if rng.random() < 0.9:
                fields["reviewed"] = reviewed
            fields["review_every_months"] = rng.choice(REVIEW_MONTHS)
            fields["tags"] = rng.sample(self.tag_ids, rng.randint(1, 2))
            body = None
            if self.as_md():
                team = rng.choice(["arbeidsmarktcommunicatie", "de regio", "werving en selectie"])
                often = rng.choice(["wekelijks", "dagelijks", "maandelijks"])
                body = wrap(f"Het account is opgezet door {team} en wordt {often} bijgehouden.")
                if status != "active":
                    body += "\n\n" + wrap("Er worden geen nieuwe berichten meer geplaatst; de pagina blijft staan "
                                          "omdat kandidaten er nog naar verwijzen.")
            self.emit("accounts", aid, fields, body)
