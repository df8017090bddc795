"""The data set made in order, part by part, and written into `data/`."""

from __future__ import annotations

from pathlib import Path

from generator.project.write import write_new

from .campaigns import Campaigns
from .lessons import Lessons
from .people import People
from .platforms import Platforms


class Synth(Platforms, People, Campaigns, Lessons):
    """Every part of the data set, made in the order each needs the one before."""

    def run(self) -> dict[str, int]:
        self.taxonomy()
        self.people()
        self.campaign_structure()
        self.campaign_records()
        self.lesson_structure()
        self.lesson_records()
        self.guidelines()
        self.accounts()
        self.handovers()
        counts = {"campaign": 0, "lesson": 0, "guideline": 0, "person": 0, "account": 0, "handover": 0}
        kind = {"campaigns": "campaign", "lessons": "lesson", "platforms": "guideline", "people": "person",
                "accounts": "account", "handovers": "handover"}
        for folder, _, _ in self.files:
            if folder:
                counts[kind[folder]] += 1
        return counts


def synthesize(out: Path, records: int, seed: int = 1) -> dict[str, int]:
    """Write a deterministic, valid synthetic data set of about `records` records into
    out/'data' (taxonomy.yml + campaigns/ lessons/ platforms/ people/ accounts/ handovers/); return
    the count per kind.

    About 20% campaigns, 8% people (at least 12), 15% accounts, one guideline per
    platform (max(8, records // 400) platforms), and lessons for the rest (about
    half). Raises FileExistsError when out/'data' exists and is not empty.
    """
    data = Path(out) / "data"
    if data.exists() and (not data.is_dir() or any(data.iterdir())):
        raise FileExistsError(
            f"{data} already exists and is not empty; synthesize writes into a new or empty folder only")
    synth = Synth(records, seed)
    counts = synth.run()
    for folder, name, content in synth.files:
        write_new(data / folder / name if folder else data / name, content)
    return counts
