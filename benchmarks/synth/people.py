"""The people: a core that was there from the start and others who join over
the years, some of whom leave, half of those handing over to a successor."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from generator.records.writing import slugify

from .dataset import DataSet, Person, between
from .text import Ctx, wrap
from .words import AUDIENCES, FIRST_NAMES, FIRST_YEAR, LAST_NAMES, LAST_YEAR, MONTHS, REGIONS, ROLES, TODAY


class People(DataSet):
    """The people, and who of them worked here in each year."""

    def people(self) -> None:
        rng = self.rng
        self.staff: list[Person] = []
        taken: dict[str, int] = {}
        emails: dict[str, int] = {}
        roles = [r for r in ROLES for _ in range(r[2])]
        for index in range(self.n_people):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            pid = slugify(f"{first} {last}")
            taken[pid] = taken.get(pid, 0) + 1
            if taken[pid] > 1:
                pid = f"{pid}-{taken[pid]}"
            # A core that was there in 2009, the rest joining over the years.
            if index < max(4, self.n_people // 4):
                joined = between(rng, date(1996, 1, 1), date(2008, 12, 31))
            else:
                joined = between(rng, date(2003, 1, 1), date(2025, 12, 31))
            self.staff.append(Person(pid, first, last, joined))
        # About one in ten has left; half of those handed over to a successor.
        n_left = max(1, round(self.n_people * 0.10))
        leavers = rng.sample(self.staff[1:], n_left)  # the first stays: someone is always there
        for person in leavers:
            earliest = max(person.joined + timedelta(days=365), date(2010, 1, 1))
            person.left = between(rng, earliest, TODAY - timedelta(days=30))
        stayers = [p for p in self.staff if p.left is None]
        for person in leavers[: (n_left + 1) // 2]:
            candidates = [p for p in stayers if p.joined <= person.left] or stayers  # type: ignore[operator]
            person.successor = rng.choice(candidates).id
        self.stayers = stayers
        self.by_id = {p.id: p for p in self.staff}
        # Who worked here in a given year (owners and authors come from them).
        self.active_in: dict[int, list[Person]] = {}
        for year in range(FIRST_YEAR - 1, LAST_YEAR + 2):
            here = [p for p in self.staff
                    if p.joined.year <= year and (p.left is None or p.left.year >= year)]
            self.active_in[year] = here or stayers

        for index, person in enumerate(self.staff):
            role, team, _ = rng.choice(roles)
            if team == "Werving en selectie" and rng.random() < 0.3:
                team = f"{team}, regio {rng.choice(REGIONS)}"
            local = slugify(f"{person.first}.{person.last.replace(' ', '')}").replace("-", ".")
            emails[local] = emails.get(local, 0) + 1
            if emails[local] > 1:
                local = f"{local}{emails[local]}"
            fields: dict[str, Any] = {"name": f"{person.first} {person.last}", "role": role, "team": team,
                                      "email": f"{local}@example.org"}
            if rng.random() < 0.7:
                fields["phone"] = f"+31 6 0000 {index + 1:04d}"
            if person.left is None and index % 3 == 0:  # some have a GitHub account (reminders); no draw: the data stays as it was
                fields["github"] = local.replace(".", "-")
            fields["joined"] = person.joined
            if person.left:
                fields["left"] = person.left
            if person.successor:
                fields["successor"] = person.successor
            fields["tags"] = rng.sample(self.tag_ids, rng.randint(1, 2))
            body = None
            if self.as_md():
                ctx = Ctx(audience=rng.choice(AUDIENCES), region=rng.choice(REGIONS))
                body = wrap(f"{person.first} is aanspreekpunt voor de werving van {ctx['audience']} en kent de "
                            f"lessen van het team in regio {ctx['region']}.")
                if person.left:
                    when = f"{MONTHS[person.left.month - 1]} {person.left.year}"
                    body += "\n\n" + wrap(
                        f"Bij het vertrek in {when} is de kennis overgedragen aan de opvolger." if person.successor
                        else f"Vertrokken in {when}; de kennis heeft nog geen nieuwe eigenaar.")
            self.emit("people", person.id, fields, body)

    def handovers(self) -> None:
        """Half of those who handed over to a successor did so with
        `handbook handover`: their handover names what moved (the records
        that still name them here, as a handover before the command left
        them), and for the accounts among them the day their access moved,
        or not yet. Made last, so every record before it stays as it was."""
        rng = self.rng
        marked = (("campaign", "campaigns", ("knowledge_owner",)), ("guideline", "platforms", ("owner",)),
                  ("account", "accounts", ("owner", "backup_owner")))
        for index, person in enumerate([p for p in self.staff if p.successor][::2]):
            moved = [{"kind": kind, "id": ident, "field": name}
                     for kind, folder, names in marked for ident, fields in sorted(self.written[folder].items())
                     for name in names if fields.get(name) == person.id][:8]
            day = between(rng, person.left, min(person.left + timedelta(days=60), TODAY))  # type: ignore[operator]
            fields: dict[str, Any] = {"successor": person.successor, "date": day, "moved": moved}
            accounts = list(dict.fromkeys(item["id"] for item in moved if item["kind"] == "account"))
            if not accounts and self.written.get("accounts"):
                # One they ran without the register naming them (the leaver's form asks for those too).
                accounts = [rng.choice(sorted(self.written["accounts"]))]
            if accounts:
                fields["access"] = [{"account": ident, **({"moved": between(rng, day, day + timedelta(days=20))}
                                                          if rng.random() < 0.6 else {})} for ident in accounts]
            body = None
            if index % 2 == 0:  # every other one with notes, the first among them: a small data set has one
                body = wrap(f"{person.first} droeg de lopende zaken over in een gesprek met de opvolger; "
                            "de wachtwoorden staan in de kluis van het team.")
            self.emit("handovers", person.id, fields, body)
