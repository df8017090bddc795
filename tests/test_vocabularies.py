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
    "sectors_under_test", "sector_under_test", v.Term, "Sectors of the labour market, by id.",
    uses=(v.Use("campaign", ("sectors_under_test",), description="Sector ids of the campaign."),),
    page="sectors-under-test", filter=True),)
for language, words in {
    "nl": {"sectors_under_test": "Sectoren", "sector_under_test": "Sector",
           "all_sectors_under_test_intro": "Elke sector met zijn campagnes.",
           "sector_under_test_id": "Id (in een record, onder sectors_under_test)",
           "sector_under_test_unused": "Nog geen campagne in deze sector.",
           "list_campaigns_of_sector_under_test": "Campagnes in {name}",
           "lessons_of_sector_under_test": "Lessen uit campagnes in deze sector",
           "list_lessons_of_sector_under_test": "Lessen uit campagnes in {name}"},
    "en": {"sectors_under_test": "Sectors", "sector_under_test": "Sector",
           "all_sectors_under_test_intro": "Every sector with its campaigns.",
           "sector_under_test_id": "Id (in a record, under sectors_under_test)",
           "sector_under_test_unused": "No campaign in this sector yet.",
           "list_campaigns_of_sector_under_test": "Campaigns in {name}",
           "lessons_of_sector_under_test": "Lessons from campaigns in this sector",
           "list_lessons_of_sector_under_test": "Lessons from campaigns in {name}"},
}.items():
    texts(language, "labels").update(words)
texts("en", "messages")["unknown_sector_under_test"] = "unknown sector {value}{hint}"
texts("nl", "messages")["unknown_sector_under_test"] = "onbekende sector {value}{hint}"
from generator.cli import main
main(sys.argv[1:], prog_name="handbook")
'''
SECTORS = "sectors_under_test:\n  zorg:\n    name: Zorg en welzijn\n  onderwijs:\n    name: Onderwijs\n"


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
    campaign.write_text(text.replace("\nscenario: ", "\nsectors_under_test: [Onderwijs, zorg]\nscenario: ", 1), "utf-8")
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
    index = (generated / "sectors-under-test" / "index.md").read_text("utf-8")
    assert 'title: "Sectoren"' in index and "Zorg en welzijn" in index
    page = (generated / "sectors-under-test" / "zorg.md").read_text("utf-8")
    assert "campaigns/linkedin-ict-2024/" in page
    assert '<span data-pagefind-filter="Sector">Zorg en welzijn</span>' in page
    on_campaign = (generated / "campaigns" / "linkedin-ict-2024.md").read_text("utf-8")
    assert '<span data-pagefind-filter="Sector">Onderwijs</span>' in on_campaign

    asked = handbook(tmp_path, "new", "campaign", "--language", "en", "--project", str(with_sectors), "--no-input",
                     "--set", "sectors_under_test=zorg", "--set", "title=Zorg op LinkedIn", "--set", "summary=Zorg.",
                     "--set", "status=running", "--set", "period.start=2025-02-01", "--set", "owner=eva-jansen",
                     "--set", "knowledge_owner=eva-jansen", "--set", "recruitment=passive",
                     "--set", "scenario=social-broadcasting", "--set", "channels=social",
                     "--set", "audience=Verpleegkundigen", "--set", "audience_goal=Een goede baan",
                     "--set", "business_goals=Tien mensen", "--set", "learning_goals=Werkt LinkedIn?")
    assert asked.returncode == 0, asked.stdout + asked.stderr
    written = (with_sectors / "data" / "campaigns" / "zorg-op-linkedin.yml").read_text("utf-8")
    assert "\nsectors_under_test:\n- zorg\n" in written


def test_the_relations_of_a_vocabulary_are_structured_keys() -> None:
    """A relation is asked for its kind and subject, never parsed from its
    name: a term with a hyphen in its name ('target-group') is one subject."""
    relation = of("campaigns", "target-group")
    assert (relation.records, relation.subject, relation.name) == ("campaigns", "target-group",
                                                                  "campaigns-of-target-group")
    tags = next(v for v in VOCABULARIES if v.term == "tag")
    assert [r.records for r in term_relations(tags)] == ["campaigns", "lessons", "guidelines", "accounts", "people"]


def test_every_vocabulary_has_its_words_in_every_language() -> None:
    """A word a vocabulary needs and no catalog has would stop a build only
    once a page needs it (the full list of the eleventh lesson on a
    scenario): each is required of every language here."""
    from generator.words.catalogs import LANGUAGES, texts

    missing = [f"{language}/{domain}.po: {context or ''}|{key}"
               for vocabulary in VOCABULARIES for (domain, context), keys in vocabulary.words().items()
               for language in LANGUAGES for key in keys if key not in texts(language, domain, context)]
    assert not missing, "\n".join(missing)


def test_a_vocabulary_is_declared_with_names_the_catalogs_and_addresses_can_hold() -> None:
    from generator.records.vocabularies import DeclarationError, Term, Use, Vocabulary, distinct

    with pytest.raises(DeclarationError, match="'job-family' is not lower-case words joined by '_'"):
        Vocabulary("job_families", "job-family", Term, "Job families.", uses=(Use("campaign", ("job_families",)),))
    with pytest.raises(DeclarationError, match="two vocabularies declare the same section: tags"):
        distinct(VOCABULARIES + (Vocabulary("tags", "label", Term, "Labels.", uses=()),))
    # A kind that is not one, a model that is not a term.
    with pytest.raises(DeclarationError, match="'campaing' is no record kind"):
        Vocabulary("regions", "region", Term, "Regions.", uses=(Use("campaing", ("regions",)),))
    with pytest.raises(DeclarationError, match="its model must be Term or a model built on it"):
        Vocabulary("regions", "region", str, "Regions.", uses=(Use("campaign", ("regions",)),))


def test_a_vocabulary_cannot_take_the_place_of_a_field_the_record_has(monkeypatch) -> None:
    from generator.records import models
    from generator.records.vocabularies import DeclarationError, Term, Use, Vocabulary

    monkeypatch.setattr(models, "VOCABULARIES", VOCABULARIES + (Vocabulary(
        "headings", "heading", Term, "Headings.", uses=(Use("campaign", ("title",), description="Heading ids."),)),))
    with pytest.raises(DeclarationError, match="declares the field 'title' of a campaign, which the record already has"):
        models._with_vocabularies(models.Campaign.__base__)  # the model as written, before its vocabularies


def test_a_generator_that_cannot_load_says_why_in_one_line(tmp_path: Path) -> None:
    """A maintainer's declaration the handbook cannot hold stops every
    command, `--help` too, with one line and no Python traceback."""
    launcher = tmp_path / "launch.py"
    launcher.write_text(
        "from generator.records import vocabularies as v\n"
        "v.VOCABULARIES = v.VOCABULARIES + (v.Vocabulary('headings', 'heading', v.Term, 'Headings.',\n"
        "    uses=(v.Use('campaign', ('title',), description='Heading ids.'),)),)\n"
        "from generator.__main__ import main\n"
        "main()\n", "utf-8")
    result = subprocess.run([sys.executable, str(launcher), "--help"], capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}, cwd=Path(__file__).parent.parent)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == ("handbook: the generator cannot start: a vocabulary declares the field 'title' of a "
                             "campaign, which the record already has\n")


def test_a_vocabulary_cannot_name_a_field_nobody_declares(monkeypatch) -> None:
    """Without a description the use names a field of the model; a field
    the model does not have is the declaration's mistake, said there, not
    an unknown field in every record that uses it."""
    from generator.records import models
    from generator.records.vocabularies import DeclarationError, Term, Use, Vocabulary

    monkeypatch.setattr(models, "VOCABULARIES", VOCABULARIES + (Vocabulary(
        "sectors", "sector", Term, "Sectors.", uses=(Use("campaign", ("sectors",)),)),))
    with pytest.raises(DeclarationError, match="vocabulary 'sectors': a campaign has no field 'sectors'; give the use"):
        models._with_vocabularies(models.Campaign.__base__)
