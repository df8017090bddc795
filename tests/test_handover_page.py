"""The handover as readers and the successor see it, after `handbook
handover thomas-mulder --to fatima-el-amrani --write` on the example
handbook (conftest `handed_over`, built once): its page with what moved and
its checklist, the leaver's page that links it, the successor named
wherever Thomas was responsible, the dashboard's row, Fatima's to-do and
her reminder, which agree; and when the checklist is done (the access
ticked in the handover, a lesson, two reviews), every one of them lets it
go. Then the same page in English, and the site following a successor
who left in turn."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build import generate_pages
from generator.cli import main

from .conftest import FIXTURE_EPOCH

pytestmark = pytest.mark.slow

PAGE = "handovers/thomas-mulder.md"
# The checklist, item by item, as the handover's page lists it.
ACCESS = ['<li><a href="../../accounts/instagram-techniek/">@dijkstroom_techniek</a> · Instagram · '
          '<span class="handbook-flag handbook-flag--medium">Slapend</span> · '
          '<span class="handbook-flag handbook-flag--high">toegang nog niet over</span></li>']
GOALS = ['<li><a href="../../campaigns/tiktok-mbo-techniek-2024/#goal-tiktok-bereik">Bereiken we mbo-studenten op '
         'TikTok beter dan met schoolbezoeken?</a> · TikTok voor mbo-techniek</li>',
         '<li><a href="../../campaigns/tiktok-mbo-techniek-2024/#goal-ouders">Welke rol spelen ouders in de keuze, en '
         'hoe bereiken we hen?</a> · TikTok voor mbo-techniek</li>']
REVIEWS = ['<li><a href="../../platforms/tiktok/">TikTok</a> · te beoordelen vóór 18 maart 2025</li>',
           '<li><a href="../../accounts/instagram-techniek/">@dijkstroom_techniek</a> · te beoordelen vóór '
           '1 februari 2025</li>']
# The same, as the reminder lists them under the handover.
PARTS = ["toegang nog niet over: @dijkstroom_techniek (Instagram)",
         "leerdoel: Bereiken we mbo-studenten op TikTok beter dan met schoolbezoeken? (TikTok voor mbo-techniek)",
         "leerdoel: Welke rol spelen ouders in de keuze, en hoe bereiken we hen? (TikTok voor mbo-techniek)",
         "TikTok: te beoordelen vóór 18 maart 2025", "@dijkstroom_techniek: te beoordelen vóór 1 februari 2025"]
ROW = ('<li><a href="{}handovers/thomas-mulder/#to-do">Thomas Mulder</a> · nog open: toegang tot 1 account, '
       '2 leerdoelen, 2 beoordelingen{}</li>')


def generated(project: Path, path: str) -> str:
    return (project / "handbook" / "records" / path).read_text("utf-8")


def section(page: str, heading: str) -> str:
    """The part of `page` under the heading that starts with `heading`, to the next of its level or higher."""
    level = heading.split(" ", 1)[0]
    start = page.index(f"\n{heading}")
    rest = page[start + 1:].split("\n", 1)[1]
    ends = [m.start() for m in re.finditer(r"^#{1,%d} " % len(level), rest, re.MULTILINE)]
    return rest[:ends[0]] if ends else rest


def items(text: str) -> list[str]:
    return re.findall(r"^<li>.*</li>$", text, re.MULTILINE)


def tasks(project: Path) -> list[dict]:
    """Every item of every reminder `handbook remind` would post."""
    result = CliRunner().invoke(main, ["remind", "--project", str(project), "--format", "json"],
                                env={"SOURCE_DATE_EPOCH": FIXTURE_EPOCH})
    assert result.exit_code == 0, result.output
    return [task for issue in json.loads(result.stdout) for task in issue["items"]]


def test_the_handover_page_says_what_moved_and_what_is_still_to_do(handed_over: Path) -> None:
    page = generated(handed_over, PAGE)
    assert page.startswith('---\ntitle: "Overdracht van Thomas Mulder"\nsection: "records/people/"\n')
    assert ('<li><a href="../../people/">Mensen</a></li><li aria-current="page">Overdracht · 2026</li>') in page
    assert re.findall(r'<tr data-pagefind-ignore><th scope="row">([^<]+)</th><td>(.*?)</td></tr>', page) == [
        ("Wie vertrok", '<a href="../../people/thomas-mulder/">Thomas Mulder</a> (vertrokken op 30 september 2024) '
                        '— vraag <a href="../../people/fatima-el-amrani/">Fatima El Amrani</a>'),
        ("Wie het overnam", '<a href="../../people/fatima-el-amrani/">Fatima El Amrani</a>'),
        ("Overgedragen op", "1 november 2026")]
    assert re.findall(r"^(#+ .+?) \{", page, re.MULTILINE) == [
        "# Overdracht van Thomas Mulder", "## Nog te doen (5)", "### Toegang tot accounts (1)",
        "### Leerdoelen die nog geen les beantwoordt (2)", "### Beoordelingen (2)", "## Wat overging (3)",
        "### Kennisborging van campagnes", "### Richtlijnen", "### Accounts als eigenaar"]
    access = section(page, "### Toegang tot accounts")
    assert items(access) == ACCESS
    assert ("De wachtwoorden, het apparaat voor tweestapsverificatie en de beheerrechten van deze accounts gaan naar "
            "Fatima El Amrani. Is dat gebeurd, vul dan bij het account de dag in, in deze overdracht (Bewerk dit "
            "record, onderaan).") in access
    assert items(section(page, "### Leerdoelen")) == GOALS
    assert items(section(page, "### Beoordelingen")) == REVIEWS
    moved = section(page, "## Wat overging")
    assert [re.search(r'href="([^"]+)"', item)[1] for item in items(moved)] == [
        "../../campaigns/tiktok-mbo-techniek-2024/", "../../platforms/tiktok/", "../../accounts/instagram-techniek/"]
    # Where the team ticks the accounts: the handover's own file.
    assert ('<code>data/handovers/thomas-mulder.yml</code> · <a href="https://github.com/example-org/wervingshandboek/'
            'edit/main/data/handovers/thomas-mulder.yml">Bewerk dit record</a>') in page
    assert "thomas-mulder</" not in page.split("<hr>")[0]  # no ids for readers: names


def test_the_site_names_the_successor_where_thomas_was_responsible_and_his_page_links_the_handover(
        handed_over: Path) -> None:
    ask = "— vraag "
    campaign = generated(handed_over, "campaigns/tiktok-mbo-techniek-2024.md")
    assert ('<tr data-pagefind-ignore><th scope="row">Kennisborging</th><td><a href="../../people/fatima-el-amrani/">'
            'Fatima El Amrani</a></td></tr>') in campaign
    # Who ran it is history: still Thomas, with whom to ask now.
    assert ('<a href="../../people/thomas-mulder/">Thomas Mulder</a> (vertrokken op 30 september 2024) '
            f'{ask}<a href="../../people/fatima-el-amrani/">Fatima El Amrani</a>') in campaign
    for path in ("platforms/tiktok.md", "accounts/instagram-techniek.md"):
        page = generated(handed_over, path)
        assert ('<td><a href="../../people/fatima-el-amrani/">Fatima El Amrani</a></td>') in page, path
        assert "zonder opvolger" not in page, path
    thomas = generated(handed_over, "people/thomas-mulder.md")
    assert re.findall(r"^## (.+?) \{", thomas, re.MULTILINE) == ["Overdracht", "Campagnes als eigenaar",
                                                                   "Wat deze persoon schreef"]
    assert ("<p>Overgedragen aan Fatima El Amrani op 1 november 2026. Nog open: toegang tot 1 account, 2 leerdoelen, "
            '2 beoordelingen. <a href="../../handovers/thomas-mulder/#to-do">Bekijk de overdracht</a></p>') in thomas
    assert "handbook handover" not in thomas  # nothing names him any more: no command to run
    fatima = generated(handed_over, "people/fatima-el-amrani.md")
    assert ('<p><a href="../thomas-mulder/">Thomas Mulder</a> is vertrokken op 30 september 2024; wat die beheerde, '
            'ging op 1 november 2026 naar Fatima El Amrani (<a href="../../handovers/thomas-mulder/">de overdracht'
            '</a>).</p>') in fatima
    # Thomas's knowledge is no one's to settle any more: the dashboard's critical finding lost his records.
    dashboard = generated(handed_over, "dashboard.md")
    orphaned = section(dashboard, "## Kennis van vertrokken mensen zonder opvolger")
    assert "thomas" not in orphaned.lower() and "Thomas" not in orphaned


def test_the_dashboard_fatima_s_page_and_her_reminder_agree_and_let_go_once_it_is_done(
        handed_over: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dashboard = generated(handed_over, "dashboard.md")
    finding = section(dashboard, "## Overdrachten die nog niet af zijn (1)")
    assert items(finding) == [ROW.format("../", " · te doen door Fatima El Amrani")]
    assert "<strong>Wie:</strong> de opvolger." in finding
    todo = section(generated(handed_over, "people/fatima-el-amrani.md"), "### Overdrachten die nog niet af zijn (1)")
    assert items(todo) == [ROW.format("../../", "")]
    handover = [task for task in tasks(handed_over) if task["finding"] == "open-handovers"]
    assert [(t["person"], t["kind"], t["id"], t["title"], t["why"], t["page"], t["parts"]) for t in handover] == [
        ("fatima-el-amrani", "handover", "thomas-mulder", "Thomas Mulder",
         "nog open: toegang tot 1 account, 2 leerdoelen, 2 beoordelingen",
         "https://example-org.github.io/wervingshandboek/records/handovers/thomas-mulder/#to-do", PARTS)]
    assert handover[0]["edit"] == ("https://github.com/example-org/wervingshandboek/edit/main/"
                                   "data/handovers/thomas-mulder.yml")

    # Done: the access moved (ticked in the handover), a lesson answers both
    # learning goals, the guideline and the account are reviewed.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    project = Path(shutil.copytree(handed_over, tmp_path / "project", symlinks=True))
    data = project / "data"
    record = data / "handovers/thomas-mulder.yml"
    record.write_text(record.read_text("utf-8").replace("    moved:\n", "    moved: 2026-10-28\n"), "utf-8")
    (data / "lessons/tiktok-en-ouders-2026.yml").write_text("""\
title: Op TikTok vinden mbo-studenten ons, hun ouders beslissen mee
date: 2026-10-30
author: fatima-el-amrani
campaigns: [tiktok-mbo-techniek-2024]
answers: [tiktok-bereik, ouders]
level: foundation
what_happened: De video's bereikten veel studenten, maar aanmeldingen kwamen via schoolbezoeken en ouders.
lesson: TikTok maakt ons bekend; de keuze maken studenten samen met hun ouders.
recommendation: Combineer TikTok met schoolbezoeken en nodig de ouders uit.
status: accepted
""", "utf-8")
    for path in ("platforms/tiktok.yml", "accounts/instagram-techniek.yml"):
        file = data / path
        text = file.read_text("utf-8")
        file.write_text(re.sub(r"^reviewed: .*$", "reviewed: 2026-10-31", text, count=1, flags=re.MULTILINE), "utf-8")
    checked = CliRunner().invoke(main, ["check", "--project", str(project)])
    assert (checked.exit_code, checked.stdout) == (0, "Alles in orde: 75 records\n")
    generate_pages(project)
    page = generated(project, PAGE)
    assert re.findall(r"^(#+ .+?) \{", page, re.MULTILINE)[1:3] == ["## Nog te doen (0)", "## Wat overging (3)"]
    assert "<p>Alles wat bij deze overdracht hoort, is gedaan.</p>" in page
    assert "toegang over sinds 28 oktober 2026" in section(page, "## Wat overging")
    dashboard = generated(project, "dashboard.md")
    assert items(section(dashboard, "## Overdrachten die nog niet af zijn (0)")) == []
    assert "handovers/" not in dashboard  # the dashboard no longer links it
    assert "Overdrachten die nog niet af zijn" not in generated(project, "people/fatima-el-amrani.md")
    assert ("<p>Overgedragen aan Fatima El Amrani op 1 november 2026. Alles wat bij deze overdracht hoort, is gedaan. "
            '<a href="../../handovers/thomas-mulder/">Bekijk de overdracht</a></p>') in generated(
        project, "people/thomas-mulder.md")
    assert [task for task in tasks(project) if task["finding"] == "open-handovers"] == []


def test_the_english_site_has_the_same_page_in_its_own_words(handed_over: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    project = Path(shutil.copytree(handed_over, tmp_path / "project", symlinks=True))
    generate_pages(project, language="en")
    page = generated(project, PAGE)
    assert re.findall(r"^(#+ .+?) \{", page, re.MULTILINE) == [
        "# Handover from Thomas Mulder", "## Still to do (5)", "### Access to accounts (1)",
        "### Learning goals no lesson answers yet (2)", "### Reviews (2)", "## What moved (3)",
        "### Knowledge owner of campaigns", "### Guidelines", "### Accounts as owner"]
    assert "access not moved yet" in page and "due for review on 18 March 2025" in page
    assert ("<p>Handed over to Fatima El Amrani on 1 November 2026. Still open: access to 1 account, 2 learning goals, "
            "2 reviews.") in generated(project, "people/thomas-mulder.md")


def test_the_site_and_the_reminders_follow_a_successor_who_left_in_turn(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Lotte Jansen took over from Joost Bakker (by hand, in 2014) and hands
    over to Noor Hendriks: Joost's record keeps naming Lotte, and wherever
    he is named as responsible, the site names Noor as whom to ask; what is
    to be done about his campaign goes to Noor."""
    from .conftest import EXAMPLE_DATA, copy_project

    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    project = copy_project(tmp_path / "project", EXAMPLE_DATA)
    # A lesson of Joost's that is due for a review: whoever holds his work reviews it.
    lesson = project / "data/lessons/eenrichtingsverkeer-hyves-2009.yml"
    lesson.write_text(lesson.read_text("utf-8") + "review_by: 2025-01-01\n", "utf-8")
    assert {task["person"] for task in tasks(project) if task["id"] == lesson.stem} == {"lotte-jansen"}
    result = CliRunner().invoke(main, ["handover", "--project", str(project), "lotte-jansen", "--to", "noor-hendriks",
                                       "--write"])
    assert result.exit_code == 0, result.output
    generate_pages(project)
    noor = '<a href="../../people/noor-hendriks/">Noor Hendriks</a>'
    joost = generated(project, "people/joost-bakker.md")
    assert ('<p>Joost Bakker is vertrokken op 30 juni 2014; opvolger: <a href="../lotte-jansen/">Lotte Jansen</a> '
            f'(vertrokken op 1 november 2026) — vraag {noor.replace("../../people/", "../")}.</p>') in joost
    assert "<code>handbook handover joost-bakker --to noor-hendriks</code>" in joost
    campaign = generated(project, "campaigns/hyves-stagiairs-2009.md")
    assert (f'<a href="../../people/joost-bakker/">Joost Bakker</a> (vertrokken op 30 juni 2014) — vraag {noor}'
            in campaign)
    assert "zonder opvolger" not in campaign
    # Noor's page lists what she now holds of Joost's, as of Lotte's.
    page = generated(project, "people/noor-hendriks.md")
    inherited = section(page, "## Overgenomen van vertrokken collega&#39;s")
    assert re.findall(r"^### (.+?) \{", inherited, re.MULTILINE) == ["Joost Bakker", "Lotte Jansen"]
    assert [(task["person"], task["finding"]) for task in tasks(project) if task["id"] == lesson.stem] == [
        ("noor-hendriks", "overdue-reviews")]
    assert ("te doen door Noor Hendriks" in
            next(line for line in generated(project, "dashboard.md").splitlines() if lesson.stem in line))


def test_the_access_of_a_handover_goes_to_whoever_holds_the_work_now(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Thomas Mulder's work went to Lotte Jansen, who hands over to Noor
    Hendriks in turn: the page of Thomas's handover sends the access of his
    accounts to Noor, whose to-do list the item is on, not to Lotte, who left."""
    from .conftest import EXAMPLE_DATA, copy_project

    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    project = copy_project(tmp_path / "project", EXAMPLE_DATA)
    for leaver, successor in (("thomas-mulder", "lotte-jansen"), ("lotte-jansen", "noor-hendriks")):
        result = CliRunner().invoke(main, ["handover", "--project", str(project), leaver, "--to", successor, "--write"])
        assert result.exit_code == 0, result.output
    generate_pages(project)
    access = section(generated(project, PAGE), "### Toegang tot accounts")
    assert "gaan naar Noor Hendriks" in access and "Lotte Jansen" not in access
    assert {task["person"] for task in tasks(project) if task["id"] == "thomas-mulder"} == {"noor-hendriks"}
