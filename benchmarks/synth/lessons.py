"""The lessons drawn from the campaigns: they answer the campaigns' learning
goals, recur (the same mistake again) and supersede each other."""

from __future__ import annotations

from bisect import bisect_left
from datetime import timedelta
from typing import Any

from generator.records.writing import months_later

from .dataset import Campaign, DataSet, Lesson, between
from .sentences import EVIDENCE, LESSON, LESSON_TITLES, RECOMMENDATION, TOPIC_TITLES, WHAT
from .text import Ctx, wrap
from .words import CHANNEL_TEXT, FOUNDATION_GOALS, MONTHS, TODAY


class Lessons(DataSet):
    """The lessons, planned first (`lesson_structure`), then written."""

    def lesson_structure(self) -> None:
        rng = self.rng
        eligible = [c for c in self.campaigns if c.status != "planned" and c.start <= TODAY - timedelta(days=14)]
        starts = [c.start for c in self.campaigns]
        self.lessons: list[Lesson] = []
        if not eligible:
            self.n_lessons = 0
            return
        for _ in range(self.n_lessons):
            primary = rng.choice(eligible)
            if primary.end is not None:
                day = primary.end + timedelta(days=rng.randint(0, 120))
            else:
                day = primary.start + timedelta(days=rng.randint(14, 240))
            day = max(min(day, TODAY), primary.start + timedelta(days=7))
            chosen = [primary]
            if rng.random() < 0.25:
                # A second campaign that started before the lesson, within a few years.
                low = bisect_left(starts, day - timedelta(days=4 * 365))
                high = bisect_left(starts, day)
                for _ in range(4):
                    if high <= low:
                        break
                    other = self.campaigns[rng.randrange(low, high)]
                    if other is not primary and other.status != "planned" and other.start < day:
                        chosen.append(other)
                        break
            answers: list[tuple[Campaign, str]] = []
            if rng.random() < 0.88:
                answers.append((primary, rng.choice(primary.goals)))
                if len(primary.goals) > 1 and rng.random() < 0.2:
                    goal = rng.choice(primary.goals)
                    if (primary, goal) not in answers:
                        answers.append((primary, goal))
                if len(chosen) > 1 and rng.random() < 0.4:
                    answers.append((chosen[1], rng.choice(chosen[1].goals)))
            topic = answers[0][1] if answers else primary.arch.key
            self.lessons.append(Lesson(day, chosen, answers, topic))
        self.lessons.sort(key=lambda lesson: (lesson.date, lesson.campaigns[0].id, lesson.topic))
        width = max(4, len(str(len(self.lessons))))
        for seq, lesson in enumerate(self.lessons, 1):
            lesson.id = f"{lesson.topic}-{lesson.date.year}-{seq:0{width}d}"

        count = len(self.lessons)
        by_topic: dict[str, list[int]] = {}
        for index, lesson in enumerate(self.lessons):
            by_topic.setdefault(lesson.topic, []).append(index)
        dates = [lesson.date for lesson in self.lessons]

        # About 5% superseded by a later lesson that is itself current (no chains, no circles).
        n_super = round(count * 0.05) if count >= 10 else 0
        superseded = set(rng.sample(range(count), n_super))
        for index in sorted(superseded):
            lesson = self.lessons[index]
            first_later = bisect_left(dates, lesson.date + timedelta(days=1))
            same = [i for i in by_topic[lesson.topic] if i >= first_later and i not in superseded]
            candidates = same or [i for i in range(first_later, min(count, first_later + 200)) if i not in superseded]
            if candidates:
                lesson.superseded_by = self.lessons[rng.choice(candidates[:20])]

        # About 5% repeat an earlier lesson: the same mistake again.
        n_recur = round(count * 0.05) if count >= 10 else 0
        for index in rng.sample(range(count), n_recur):
            lesson = self.lessons[index]
            first_same_day = bisect_left(dates, lesson.date)
            year_before = bisect_left(dates, lesson.date - timedelta(days=365))
            same = ([i for i in by_topic[lesson.topic] if i < year_before]
                    or [i for i in by_topic[lesson.topic] if i < first_same_day])
            if same:
                lesson.recurs = self.lessons[rng.choice(same)]
            elif first_same_day > 0:
                lesson.recurs = self.lessons[rng.randrange(first_same_day)]

    def lesson_records(self) -> None:
        rng, text = self.rng, self.text
        for lesson in self.lessons:
            primary = lesson.campaigns[0]
            ctx = Ctx(primary.ctx, **self.figures(), month=MONTHS[lesson.date.month - 1])
            level = "foundation" if lesson.topic in FOUNDATION_GOALS else "execution"
            if rng.random() < 0.15:
                level = "execution" if level == "foundation" else "foundation"
            templates = TOPIC_TITLES.get(lesson.topic) if rng.random() < 0.6 else None
            title = text.title(templates or LESSON_TITLES, ctx, "Wat deze campagne ons leerde over werving")
            if lesson.recurs is not None and len(title.split()) < 10:
                title = f"Opnieuw: {title[0].lower() if title[1:2].islower() else title[0]}{title[1:]}"
            fields: dict[str, Any] = {
                "title": title,
                "date": lesson.date,
                "author": self.someone(lesson.date).id,
                "campaigns": [c.id for c in lesson.campaigns],
            }
            if lesson.answers:
                answers = []
                for campaign, goal in lesson.answers:
                    shared = any(goal in other.goals for other in lesson.campaigns if other is not campaign)
                    answers.append(f"{campaign.id}:{goal}" if shared else goal)
                fields["answers"] = answers
            fields["level"] = level
            fields["what_happened"] = text.markdown(WHAT, ctx, (1, 3), ("Wat werkte:", "Wat ontbrak:"))
            lesson_text = text.markdown(LESSON, ctx, (1, 2))
            if lesson.recurs is not None:
                lesson_text = wrap(
                    f"Dit is dezelfde fout als in {MONTHS[lesson.recurs.date.month - 1]} {lesson.recurs.date.year}. "
                    "De les stond in het handboek, "
                    "maar was bij het team niet bekend.") + "\n\n" + lesson_text
            fields["lesson"] = lesson_text
            if rng.random() < 0.8:
                fields["recommendation"] = text.markdown(
                    RECOMMENDATION, ctx, (1, 2), ("Wat we nu anders doen:", "Daarvoor is nodig:", "Regel vooraf:"))
            evidence = self.evidence(lesson, ctx)
            if evidence:
                fields["evidence"] = evidence
            applies: dict[str, Any] = {}
            platforms = [p for c in lesson.campaigns for p in c.platforms]
            if platforms:
                applies["platforms"] = list(dict.fromkeys(platforms))[:2]
            applies["channels"] = list(dict.fromkeys(ch for c in lesson.campaigns for ch in c.channels))[:2]
            scenarios = list(dict.fromkeys(c.fields.get("scenario") or c.arch.scenarios[0] for c in lesson.campaigns))
            applies["scenarios"] = scenarios[:1]
            fields["applies_to"] = applies
            if lesson.superseded_by is not None:
                fields["status"] = "superseded"
                fields["superseded_by"] = lesson.superseded_by.id
            else:
                fields["status"] = "proposed" if (TODAY - lesson.date).days < 200 or rng.random() < 0.1 else "accepted"
            if lesson.recurs is not None:
                fields["recurs"] = lesson.recurs.id
            interval = None
            if fields["status"] == "accepted" and rng.random() < 0.6:
                interval = rng.choice([12, 18, 24, 36])
                fields["review_by"] = months_later(lesson.date, interval)
            if rng.random() < 0.5:
                fields["reviewed"] = between(rng, lesson.date, min(TODAY, lesson.date + timedelta(days=5 * 365)))
                if interval is not None and fields["reviewed"] >= fields["review_by"]:
                    # Whoever reviews it sets the next date, as the check asks.
                    fields["review_by"] = months_later(fields["reviewed"], interval)
            tags = list(primary.arch.tags) + self.tag_ids
            fields["tags"] = list(dict.fromkeys(rng.sample(tags[:4], min(2, len(tags[:4]))) +
                                                rng.sample(self.tag_ids, rng.randint(0, 1))))
            body = None
            if self.as_md():
                body = text.markdown(WHAT + RECOMMENDATION, ctx, (1, 2))
                if lesson.superseded_by is not None:
                    body = wrap(f"Deze les is in {lesson.superseded_by.date.year} vervangen door een nieuwere; "
                                "lees die eerst.") + "\n\n" + body
            self.emit("lessons", lesson.id, fields, body)

    def evidence(self, lesson: Lesson, ctx: Ctx) -> list[str]:
        rng = self.rng
        items: list[str] = []
        rows = lesson.campaigns[0].fields.get("results") or []
        for row in rows[:2]:
            if rng.random() < 0.6 and row.get("reach") and row.get("applications"):
                where = self.platforms[row["platform"]].short if "platform" in row else CHANNEL_TEXT[row["channel"]]
                hires = row.get("hires") or 0
                items.append(f"Via {where} {row['reach']} mensen bereikt, {row['applications']} sollicitaties en "
                             + (f"{hires} aannames." if hires else "geen aannames."))
        if rng.random() < 0.4:
            sent = rng.randint(4, 90) * 20
            pct = rng.randint(5, 60)
            items.append(rng.choice(EVIDENCE[1:]).format_map(
                Ctx(ctx, sent=str(sent), replies=str(sent * pct // 100), pct=str(pct),
                    cost=str(rng.randint(4, 60) * 100))))
        return items
