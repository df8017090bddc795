"""What readers are led to: the dashboard's summary and who acts, a page
per person, what we already know, honest figures, the home page and the feed."""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner

from generator.cli import main

from .conftest import EXAMPLE_DATA, FIXTURE_EPOCH, copy_project


@pytest.fixture
def example(example_nl: Path) -> Path:
    """The example handbook as its build (shared, in Dutch) generated it; only read."""
    return example_nl


def page(project: Path, path: str) -> str:
    return (project / "handbook" / "records" / path).read_text("utf-8")


def test_the_dashboard_says_what_is_wrong_how_bad_and_who_acts(example: Path) -> None:
    dashboard = page(example, "dashboard.md")
    summary = dashboard.split("## Wat nu te doen", 1)[1].split("</table>", 1)[0]
    rows = re.findall(r'<tr class="handbook-severity--(\w+)"><td><a href="#([a-z-]+)">[^<]+</a></td>'
                      r'<td class="num">(\d+)</td><td>.*?</td><td>([^<]+)</td></tr>', summary)
    assert [(severity, anchor, int(count)) for severity, anchor, count, _ in rows] == [
        ("critical", "left-without-successor", 5),  # one entry per record, whatever roles the person had
        ("high", "unanswered-goals", 5),
        ("high", "campaigns-without-lessons", 1),
        ("high", "handovers-owed", 1),  # Joost Bakker's: Lotte Jansen took over, campaigns still name him
        ("high", "open-handovers", 0),  # no handover yet: its row links to an empty list
        ("high", "recurring-lessons", 2),
        ("medium", "overdue-reviews", 16),
        ("medium", "accounts-without-owner", 5),
        ("medium", "proposed-lessons", 3),
        ("low", "dormant-accounts", 9),
        ("low", "lessons-without-recommendation", 2),
    ]
    # Actions go to people: the manager by name (mkdocs.yml names her).
    assert [who for *_, who in rows] == [
        "Eva Smit, de manager", "de kennisborger van de campagne", "de kennisborger van de campagne",
        "de opvolger", "de opvolger", "Eva Smit, de manager", "de eigenaar", "Eva Smit, de manager",
        "de kennisborger van de campagne", "de eigenaar", "de auteur"]
    # Long lists: the first ten, and one link to the whole list.
    overdue = dashboard.split('{ #overdue-reviews }', 1)[1].split("\n## ", 1)[0]
    assert overdue.count("<li>") == 10
    assert ('<p class="handbook-more" data-pagefind-ignore><a href="../lists/findings/overdue-reviews/">'
            "En nog 6: de hele lijst (16)</a> →</p>") in overdue
    dates = re.findall(r"te beoordelen vóór (\d+ \w+ (\d{4}))", overdue)
    assert [int(year) for _, year in dates] == sorted(int(year) for _, year in dates)  # most overdue first
    assert "Lees de pagina na, werk bij wat niet meer klopt en zet een nieuwe datum." in overdue
    assert ('<li><a href="../accounts/flickr-werkplek/">dijkstroom-werkplek</a> · te beoordelen vóór 1 juni 2020 · '
            "te doen door Lotte Jansen</li>") in overdue
    assert "Bewerk dit record" not in dashboard and "owners/" not in dashboard
    # The headline figures, this year against last; "1 les", not "1 lessen".
    assert re.search(r'<span class="handbook-headline__value">1</span><span class="handbook-headline__label">'
                     r'les in 2026</span><span class="handbook-headline__change">−1 t.o.v. 2025</span>', dashboard)


def test_a_person_s_page_says_what_they_must_do_first_then_what_they_own_and_wrote(example: Path) -> None:
    eva = page(example, "people/eva-smit.md")
    headings = re.findall(r"^## (.+?) \{", eva, re.MULTILINE)
    assert headings == ["Te doen (27)", "Wat deze persoon beheert"]  # she wrote no lesson
    assert "Eva Smit is de manager van het handboek: wat geen eigenaar zelf kan oplossen, staat ook hier." in eva
    todo = eva.split("## Te doen", 1)[1].split("\n## ", 1)[0]
    assert re.findall(r"^### (.+?) \{", todo, re.MULTILINE)[:2] == [
        "Kennis van vertrokken mensen zonder opvolger (5)",  # the most severe first
        "Leerdoelen van afgeronde campagnes die geen les beantwoordt (4)"]
    # Who left: when, who took over, and where their work went; no second page.
    thomas = page(example, "people/thomas-mulder.md")
    # Nobody took over: whom to ask instead, the manager.
    assert ('<p>Thomas Mulder is vertrokken op 30 september 2024, <span class="handbook-flag handbook-flag--critical">'
            'zonder opvolger</span> — vraag <a href="../eva-smit/">Eva Smit</a>.</p>') in thomas
    # What still names him is still to hand over: to a successor to name, with the command that does it.
    assert re.findall(r"^## (.+?) \{", thomas, re.MULTILINE) == [
        "Nog over te dragen", "Campagnes als eigenaar", "Wat deze persoon schreef"]
    assert ("<p>Dit heeft nog niemand overgenomen: Eva Smit, de manager, wijst een opvolger aan. Wie het overneemt, "
            "krijgt het met <code>handbook handover thomas-mulder --to OPVOLGER</code>.</p>") in thomas
    assert "## Te doen" not in thomas  # what he owned is someone else's to do now
    joost = page(example, "people/joost-bakker.md")
    assert ('<p>Joost Bakker is vertrokken op 30 juni 2014; opvolger: <a href="../lotte-jansen/">Lotte Jansen</a>.</p>'
            in joost)
    # Handed over by hand, before the command: what still names him goes to her with it.
    assert ("<p>Wat hieronder staat, beheert nu Lotte Jansen. Zet het op diens naam met "
            "<code>handbook handover joost-bakker --to lotte-jansen</code>.</p>") in joost
    still = joost.split("## Nog over te dragen", 1)[1].split("\n## ", 1)[0]
    assert re.findall(r'<li><a href="([^"]+)"', still) == ["../../campaigns/hyves-stagiairs-2009/"]


def test_a_campaign_page_shows_what_we_already_know(example: Path) -> None:
    campaign = page(example, "campaigns/tiktok-mbo-techniek-2024.md")
    known = campaign.split("## Wat we al weten", 1)[1].split("\n## ", 1)[0]
    items = re.findall(r"<li>(.*?)</li>", known)
    assert items, known
    levels = ["<strong>Fundament</strong>" in item for item in items]
    assert levels == sorted(levels, reverse=True)  # foundation first
    assert not any("Vervangen" in item for item in items)  # superseded lessons are left out
    assert any("herhaalde fout" in item for item in items)


def test_new_campaign_shows_what_we_already_know_before_it_writes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p", EXAMPLE_DATA)
    result = CliRunner().invoke(main, [
        "new", "campaign", "--project", str(project), "--no-input",
        "--set", "title=Instagram stages 2027", "--set", "summary=Stages via Instagram.", "--set", "status=planned",
        "--set", "period.start=2026-12-01", "--set", "owner=sanne-de-vries",
        "--set", "knowledge_owner=sanne-de-vries", "--set", "recruitment=passive",
        "--set", "scenario=social-broadcasting", "--set", "platforms=instagram", "--set", "channels=sociale-media",
        "--set", "audience=Studenten", "--set", "audience_goal=Een leuke stage", "--set", "business_goals=Tien stagiairs",
        "--set", "learning_goals=Werkt Instagram voor stages?"], env={"SOURCE_DATE_EPOCH": FIXTURE_EPOCH})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    # In the site's language (Dutch): what earlier campaigns taught, before the file is written.
    assert lines[0].startswith("Wat we al weten (") and "lessen gelden; fundament eerst):" in lines[0]
    assert lines[1] == ("  - Adverteren in een bestaande community maakt je een spammer (foundation (fundament), "
                        "data/lessons/vacatures-in-facebookgroepen-2024) [herhaalde fout]")
    assert lines[-1].startswith("data/campaigns/instagram-stages-2027.yml geschreven")


def test_ratios_carry_their_sample_size_and_one_number_format(example: Path) -> None:
    figures = page(example, "figures.md")
    # The sample in words ("uit 14 aannames"), not "n = 14".
    assert re.search(r'<td class="num">€ [\d.]+<span class="handbook-sub">uit [\d.]+ aannames?</span></td>', figures)
    assert "n = " not in figures
    assert "€ 0,00" not in figures and "€ 0<" in figures  # one format: whole euros are whole
    chart = page(example, "charts/platform/linkedin.svg")
    assert "(uit 14 aannames)" in chart
    # The page's own platform stands out: its label and its two values, nothing else.
    assert chart.count("font-weight: 700") == 3
    assert "font-weight: 700" not in page(example, "charts/platforms.svg")


def test_the_year_axis_shows_the_years_without_data(example: Path) -> None:
    chart = page(example, "charts/years.svg")
    years = [int(y) for y in re.findall(r"rotate\(-90\)\">(\d{4})</text>", chart)]
    assert years == list(range(2009, 2027))


def test_the_home_page_has_its_ways_in(example: Path) -> None:
    home = page(example, "home.snippet")
    assert "## Nieuwste lessen" in home and "## Belangrijkste aanbevelingen" in home
    for target in ("records/dashboard/", "records/figures/", "records/timeline/", "records/feed/"):
        assert f'href="{target}"' in home
    # Each headline figure leads to the list of what it counts.
    for anchor in ("unanswered-goals", "left-without-successor", "overdue-reviews"):
        assert f'<a class="handbook-headline" href="records/dashboard/#{anchor}">' in home
    # The feed has a page readers can read: what it holds, and its full address.
    feed = page(example, "feed.md")
    assert '<a href="../feed.xml"><code>https://example-org.github.io/wervingshandboek/records/feed.xml</code></a>' in feed
    assert feed.count('<span class="handbook-gist">') == len(feedparser.parse(page(example, "feed.xml")).entries)


def test_the_feed_is_valid_atom(example: Path) -> None:
    parsed = feedparser.parse(page(example, "feed.xml"))
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Wervingshandboek: lessen"
    entries = parsed.entries
    assert 0 < len(entries) <= 50
    assert len({e.id for e in entries}) == len(entries) and all(e.id.startswith("urn:uuid:") for e in entries)
    updated = [e.updated_parsed for e in entries]
    assert updated == sorted(updated, reverse=True)
    # Full addresses, which a feed reader opens: the site knows where it is published.
    assert entries[0].link.startswith("https://example-org.github.io/wervingshandboek/records/lessons/")
    assert entries[0].link.endswith("/")
    assert all(e.author and e.summary for e in entries)


def test_what_we_already_know_is_what_was_known_before_the_campaign(example: Path) -> None:
    campaign = page(example, "campaigns/facebook-fanpagina-monteurs-2010.md")
    known = campaign.split("## Wat we al weten", 1)[1].split("\n## ", 1)[0]
    linked = re.findall(r'href="\.\./\.\./lessons/([a-z0-9-]+)/"', known)
    assert linked, known
    assert all(int(lesson[-4:]) <= 2010 for lesson in linked)  # the example's lesson ids end in their year
    assert "tiktok" not in known  # open questions of later campaigns are not "earlier"


def test_in_a_terminal_what_we_know_comes_before_the_learning_goals_are_asked(tmp_path: Path) -> None:
    from .helpers import Answers, make_project

    project = make_project(tmp_path)
    # Each answer by its question; the end date and the ends of the story and lists are Enter.
    answers = Answers({"Naam van de campagne": "Stage op LinkedIn", "Wat ze deed": "Stages werven",
                       "Status": "planned", "Eerste dag": "2026-12-01", "Wie voert haar uit": "eva-jansen",
                       "Wie borgt wat ze ons leert": "eva-jansen", "Actieve of passieve werving": "passive",
                       "Scenario": "social-broadcasting", "Platform(s)": "linkedin", "Kanaal/kanalen": "social",
                       "Voor wie ze is": "Studenten", "Wat de doelgroep zelf wil": "Een stage",
                       "Wat de organisatie wil bereiken": "Twee stagiairs", "Wat willen we ervan leren?": "Werkt het?",
                       "Id (de bestandsnaam)": "stage-op-linkedin"})
    result = CliRunner().invoke(main, ["new", "campaign", "--project", str(project), "--input"],
                                input=answers, env={"SOURCE_DATE_EPOCH": FIXTURE_EPOCH})
    answers.check()
    assert result.exit_code == 0, result.output
    known = result.output.index("Wat we al weten (1 les geldt; fundament eerst):")
    asked = result.output.index("Wat willen we ervan leren?")
    assert known < asked
    assert result.output.count("Wat we al weten") == 1
