"""A vocabulary is one declaration: a new one, declared in a test and nowhere
else, gets its section in the taxonomy, a field on the records that name
it, the check of those names with a suggestion, a page per term and an
index, a search filter and a question in `handbook new`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.records.relations import of, term_relations
from generator.records.vocabularies import VOCABULARIES

from .conftest import FIXTURE_EPOCH, copy_project

# The handbook command, with one more vocabulary declared before anything
# reads the declarations: the only place the sectors are named.
LAUNCHER = '''
import sys
from generator.records import vocabularies as v
from generator.words.catalogs import texts

v.VOCABULARIES = v.VOCABULARIES + (v.Vocabulary(
    "sectors", "sector", v.Term, "Sectors of the labour market, by id.",
    uses=(v.Use("campaign", ("sectors",), description="Sector ids of the campaign."),),
    required=False, page="sectors", filter=True),)
for language, words in {
    "nl": {"sectors": "Sectoren", "sector": "Sector", "all_sectors_intro": "Elke sector met zijn campagnes.",
           "sector_id": "Id (in een record, onder sectors)", "sector_unused": "Nog geen campagne in deze sector.",
           "chart_sectors_alt": "Sectoren", "list_campaigns_of_sector": "Campagnes in {name}"},
    "en": {"sectors": "Sectors", "sector": "Sector", "all_sectors_intro": "Every sector with its campaigns.",
           "sector_id": "Id (in a record, under sectors)", "sector_unused": "No campaign in this sector yet.",
           "chart_sectors_alt": "Sectors", "list_campaigns_of_sector": "Campaigns in {name}"},
}.items():
    texts(language, "labels").update(words)
texts("en", "messages")["unknown_sector"] = "unknown sector {value}{hint}"
texts("nl", "messages")["unknown_sector"] = "onbekende sector {value}{hint}"
from generator.cli import main
main(sys.argv[1:], prog_name="handbook")
'''
SECTORS = "sectors:\n  zorg:\n    name: Zorg en welzijn\n  onderwijs:\n    name: Onderwijs\n"


def handbook(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    launcher = tmp_path / "launch.py"
    launcher.write_text(LAUNCHER, "utf-8")
    return subprocess.run([sys.executable, str(launcher), *args], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "HOME": str(tmp_path)})


@pytest.fixture
def with_sectors(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "p")
    taxonomy = project / "data" / "taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text("utf-8") + SECTORS, "utf-8")
    campaign = project / "data" / "campaigns" / "linkedin-ict-2024.yml"
    text = campaign.read_text("utf-8")
    campaign.write_text(text.replace("\nscenario: ", "\nsectors: [Onderwijs, zorg]\nscenario: ", 1), "utf-8")
    return project


def test_a_vocabulary_declared_once_is_checked_with_a_suggestion(tmp_path: Path, with_sectors: Path) -> None:
    result = handbook(tmp_path, "check", "--language", "en", "--project", str(with_sectors))
    lines = result.stdout.splitlines()
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    wrong = [line for line in lines if "Onderwijs" in line]
    assert len(wrong) == 1 and wrong[0].startswith("data/campaigns/linkedin-ict-2024.yml:")
    assert "'onderwijs'" in wrong[0]  # the id of the sector named so


def test_a_vocabulary_declared_once_gets_its_pages_filter_and_question(tmp_path: Path, with_sectors: Path) -> None:
    campaign = with_sectors / "data" / "campaigns" / "linkedin-ict-2024.yml"
    campaign.write_text(campaign.read_text("utf-8").replace("[Onderwijs, zorg]", "[onderwijs, zorg]"), "utf-8")
    result = handbook(tmp_path, "generate", "--project", str(with_sectors))
    assert result.returncode == 0, result.stdout + result.stderr
    generated = with_sectors / "handbook" / "records"
    index = (generated / "sectors" / "index.md").read_text("utf-8")
    assert 'title: "Sectoren"' in index and "Zorg en welzijn" in index
    page = (generated / "sectors" / "zorg.md").read_text("utf-8")
    assert "campaigns/linkedin-ict-2024/" in page
    assert '<span data-pagefind-filter="Sector">Zorg en welzijn</span>' in page
    on_campaign = (generated / "campaigns" / "linkedin-ict-2024.md").read_text("utf-8")
    assert '<span data-pagefind-filter="Sector">Onderwijs</span>' in on_campaign

    asked = handbook(tmp_path, "new", "campaign", "--language", "en", "--project", str(with_sectors), "--no-input",
                     "--set", "sectors=zorg", "--set", "title=Zorg op LinkedIn", "--set", "summary=Zorg.",
                     "--set", "status=running", "--set", "period.start=2025-02-01", "--set", "owner=eva-jansen",
                     "--set", "knowledge_owner=eva-jansen", "--set", "recruitment=passive",
                     "--set", "scenario=social-broadcasting", "--set", "channels=social",
                     "--set", "audience=Verpleegkundigen", "--set", "audience_goal=Een goede baan",
                     "--set", "business_goals=Tien mensen", "--set", "learning_goals=Werkt LinkedIn?")
    assert asked.returncode == 0, asked.stdout + asked.stderr
    written = (with_sectors / "data" / "campaigns" / "zorg-op-linkedin.yml").read_text("utf-8")
    assert "\nsectors: [zorg]\n" in written or "\nsectors:\n- zorg\n" in written or "\nsectors:\n  - zorg\n" in written


def test_the_relations_of_a_vocabulary_are_structured_keys() -> None:
    """A relation is asked for its kind and subject, never parsed from its
    name: a term with a hyphen in its name ('target-group') is one subject."""
    relation = of("campaigns", "target-group")
    assert (relation.records, relation.subject, relation.name) == ("campaigns", "target-group",
                                                                  "campaigns-of-target-group")
    tags = next(v for v in VOCABULARIES if v.term == "tag")
    assert [r.records for r in term_relations(tags)] == ["campaigns", "lessons", "guidelines", "accounts", "people"]
