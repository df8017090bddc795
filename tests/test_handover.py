"""`handbook handover PERSON --to SUCCESSOR`: on a copy of the example
handbook, the exact diff, the files after `--write` (the records that
change and the handover's own record, the one new file), each refusal word
for word, and a failure or a stop halfway that leaves every file as it was.

Ruben de Graaf (sourcer) hands over to Fatima El Amrani: he is knowledge
owner of a campaign he also ran (the knowledge moves, who ran it stays),
owner of the LinkedIn guideline (a `.md` record: its story stays), owner
of one account and backup owner of another; he wrote a lesson (stays).
Thomas Mulder left in 2024 and nobody took over; Joost Bakker left in 2014
with Lotte Jansen named as successor, before this command existed, and a
campaign still names him as its knowledge owner.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.authors.handover import plan
from generator.cli import main
from generator.project import edits
from generator.project.edits import NotReplaced, replace_all
from generator.records.edit import EditError, set_fields
from generator.records.load import load_catalog
from generator.records.models import MODELS, responsibilities
from generator.words.messages import speaking
from generator.words.problems import Problems

from .conftest import EXAMPLE_DATA, FIXTURE_EPOCH, TODAY, copy_project

PERSON, SUCCESSOR = "ruben-de-graaf", "fatima-el-amrani"

DIFF = """\
--- data/accounts/linkedin-dijkstroom-it.yml
+++ data/accounts/linkedin-dijkstroom-it.yml
@@ -1,7 +1,7 @@
 platform: linkedin
 handle: Dijkstroom IT
 url: https://www.linkedin.com/showcase/dijkstroom-it
-owner: ruben-de-graaf
+owner: fatima-el-amrani
 backup_owner: daan-vermeulen
 purpose: Showcase-pagina van de ICT-afdeling, waarnaar sourcers verwijzen als ze specialisten benaderen.
 recruitment: active
--- data/accounts/twitter-ict-vacatures.yml
+++ data/accounts/twitter-ict-vacatures.yml
@@ -2,7 +2,7 @@
 handle: "@dijkstroomICTjobs"
 url: https://x.com/dijkstroomictjobs
 owner: sanne-de-vries
-backup_owner: ruben-de-graaf
+backup_owner: fatima-el-amrani
 purpose: Vacatureaccount uit de LinkedIn-campagne van 2012, gearchiveerd in 2016.
 recruitment: active
 status: archived
--- data/campaigns/linkedin-sourcing-ict-2025.yml
+++ data/campaigns/linkedin-sourcing-ict-2025.yml
@@ -5,7 +5,7 @@
   start: 2025-01-06
   end: 2025-06-30
 owner: ruben-de-graaf
-knowledge_owner: ruben-de-graaf
+knowledge_owner: fatima-el-amrani
 recruitment: active
 target_groups: [ict-specialisten]
 scenario: social-listening
--- /dev/null
+++ data/handovers/ruben-de-graaf.yml
@@ -0,0 +1,31 @@
+# yaml-language-server: $schema=../../schemas/handover.schema.json
+# Wat iemand die vertrok overdroeg, aan wie en wanneer, en de toegang tot accounts die moet volgen.
+# Elk veld staat beschreven in de beschrijving van de records (handbook/reference.md).
+
+# Id van de persoon die het overnam. De naam van het bestand is de id van wie vertrok.
+successor: fatima-el-amrani
+
+# Wanneer de overdracht gedaan is.
+date: 2026-11-01
+
+# Wat naar de opvolger ging, zoals `handbook handover` het schreef.
+moved:
+  - kind: campaign
+    id: linkedin-sourcing-ict-2025
+    field: knowledge_owner
+  - kind: guideline
+    id: linkedin
+    field: owner
+  - kind: account
+    id: linkedin-dijkstroom-it
+    field: owner
+  - kind: account
+    id: twitter-ict-vacatures
+    field: backup_owner
+
+# De accounts waarvan de wachtwoorden, het apparaat voor tweestapsverificatie en de beheerrechten naar de opvolger moeten: vul bij elk de dag in waarop dat zo is.
+access:
+  - account: linkedin-dijkstroom-it
+    moved:
+  - account: twitter-ict-vacatures
+    moved:
--- data/people/ruben-de-graaf.yml
+++ data/people/ruben-de-graaf.yml
@@ -4,5 +4,7 @@
 email: ruben.degraaf@example.org
 phone: +31 6 0000 0108
 joined: 2021-03-01
+left: 2026-11-01
+successor: fatima-el-amrani
 tags:
   - ict
--- data/platforms/linkedin.md
+++ data/platforms/linkedin.md
@@ -16,7 +16,7 @@
 tone_of_voice: Collegiaal en vakinhoudelijk; schrijf als een vakgenoot, niet als een verkoper.
 webcare_hours: 24
 approval: Recruiters en sourcers versturen hun eigen berichten; berichten op de bedrijfspagina keurt de employer-brandingspecialist goed.
-owner: ruben-de-graaf
+owner: fatima-el-amrani
 reviewed: 2026-05-12
 review_every_months: 12
 tags:
"""
SUMMARY = ("Overdracht van ruben-de-graaf aan fatima-el-amrani op 2026-11-01: "
           "5 records veranderen (1 campagne, 1 richtlijn, 1 persoon, 2 accounts); "
           "de overdracht zelf komt in data/handovers/ruben-de-graaf.yml.\n")
HANDOVER = "data/handovers/ruben-de-graaf.yml"
CHANGED = ["data/accounts/linkedin-dijkstroom-it.yml", "data/accounts/twitter-ict-vacatures.yml",
           "data/campaigns/linkedin-sourcing-ict-2025.yml", HANDOVER, "data/people/ruben-de-graaf.yml",
           "data/platforms/linkedin.md"]


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example handbook, as of the fixture's today (2026-11-01)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    return copy_project(tmp_path / "project", EXAMPLE_DATA)


def handover(project: Path, *args: str) -> Result:
    """`handbook handover` in the project's own language (Dutch) unless `args` name another."""
    return CliRunner().invoke(main, ["handover", "--project", str(project), *args], env={"GITHUB_ACTIONS": None})


def files(project: Path) -> dict[str, bytes]:
    """Every file under data/ (hidden ones too: a temporary file left over counts), by path."""
    return {path.relative_to(project).as_posix(): path.read_bytes()
            for path in sorted((project / "data").rglob("*")) if path.is_file()}


def changed(before: dict[str, bytes], after: dict[str, bytes]) -> list[str]:
    return sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))


def test_the_fields_marked_as_responsibilities_are_the_ones_that_move() -> None:
    """Who answers for a record now moves; who ran a campaign and who wrote a lesson is history."""
    marked = {kind: {name: mark.stands_in_for for name, mark in responsibilities(model).items()}
              for kind, model in MODELS.items()}
    assert marked == {"campaign": {"knowledge_owner": None}, "lesson": {}, "guideline": {"owner": None},
                      "person": {}, "account": {"owner": None, "backup_owner": "owner"}, "handover": {}}


def test_without_write_it_shows_the_diff_and_changes_nothing(example: Path) -> None:
    before = files(example)
    result = handover(example, PERSON, "--to", SUCCESSOR)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == DIFF + SUMMARY + "Er is nog niets veranderd; met --write wordt het toegepast.\n"
    assert files(example) == before


def test_written_only_the_values_change_and_the_check_is_clean(example: Path) -> None:
    before = files(example)
    result = handover(example, PERSON, "--to", SUCCESSOR, "--write")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == DIFF + SUMMARY + "6 bestanden geschreven.\nAlles in orde: 74 records\n"
    after = files(example)
    assert changed(before, after) == CHANGED
    # The handover's record is new, as the diff shows it.
    assert after[HANDOVER].decode() == "".join(line[1:] + "\n" for line in DIFF.split(f"+++ {HANDOVER}\n")[1]
                                               .split("\n--- ")[0].splitlines()[1:])
    # Each other file is its old text with the lines of the diff changed, nothing else.
    for path in (path for path in CHANGED if path != HANDOVER):
        old, new = before[path].decode(), after[path].decode()
        assert len(new.splitlines()) - len(old.splitlines()) == (2 if path.startswith("data/people/") else 0)
        removed = set(old.splitlines()) - set(new.splitlines())
        assert all(PERSON in line for line in removed), path
    # The guideline's story, below its fields, is byte for byte the same.
    story = before["data/platforms/linkedin.md"].split(b"\n---\n", 1)[1]
    assert after["data/platforms/linkedin.md"].split(b"\n---\n", 1)[1] == story
    again = handover(example, PERSON, "--to", SUCCESSOR)  # done once: refused the second time, at its record
    assert (again.exit_code, again.stderr) == (1, f"{HANDOVER}:6:12: error: 'ruben-de-graaf' is al overgedragen "
                                                  "aan 'fatima-el-amrani' (op 2026-11-01)\n")
    checked = CliRunner().invoke(main, ["check", "--project", str(example)])
    assert (checked.exit_code, checked.stdout) == (0, "Alles in orde: 74 records\n")


COMMENTED = """\
# yaml-language-server: $schema=../../schemas/account.schema.json
# De showcase-pagina van ICT.
platform: linkedin
handle:   "Dijkstroom IT"      # zoals op LinkedIn
url: 'https://www.linkedin.com/showcase/dijkstroom-it'

owner: "ruben-de-graaf"   # sourcer; beheert de pagina
backup_owner: daan-vermeulen
purpose: >-
  Showcase-pagina van de ICT-afdeling, waarnaar sourcers
  verwijzen als ze specialisten benaderen.
recruitment: active
status: active
reviewed: 2026-01-20
review_every_months: 12
tags: [ ict ,  techniek ]   # flow list, spaced as the author likes
"""


def test_comments_quotes_flow_lists_and_layout_are_kept(example: Path) -> None:
    path = example / "data/accounts/linkedin-dijkstroom-it.yml"
    path.write_text(COMMENTED, "utf-8")
    result = handover(example, PERSON, "--to", SUCCESSOR, "--write")
    assert result.exit_code == 0, result.output
    assert """\
--- data/accounts/linkedin-dijkstroom-it.yml
+++ data/accounts/linkedin-dijkstroom-it.yml
@@ -4,7 +4,7 @@
 handle:   "Dijkstroom IT"      # zoals op LinkedIn
 url: 'https://www.linkedin.com/showcase/dijkstroom-it'
 
-owner: "ruben-de-graaf"   # sourcer; beheert de pagina
+owner: "fatima-el-amrani"   # sourcer; beheert de pagina
 backup_owner: daan-vermeulen
 purpose: >-
   Showcase-pagina van de ICT-afdeling, waarnaar sourcers
--- data/accounts/twitter-ict-vacatures.yml
""" in result.stdout
    assert path.read_text("utf-8") == COMMENTED.replace('"ruben-de-graaf"', '"fatima-el-amrani"')


def test_a_backup_owner_who_becomes_owner_leaves_the_backup_empty(example: Path) -> None:
    """Mark Visser owns three regional accounts whose backup is Ingrid Kok,
    and is backup of the webcare account she owns: she would be both, so
    the backup field goes (the check refuses an owner who is their own
    backup), and the summary says to choose another."""
    result = handover(example, "mark-visser", "--to", "ingrid-kok", "--write")
    assert result.exit_code == 0, result.output
    assert """\
--- data/accounts/twitter-webcare.yml
+++ data/accounts/twitter-webcare.yml
@@ -2,7 +2,6 @@
 handle: "@dijkstroom_webcare"
 url: https://x.com/dijkstroom_webcare
 owner: ingrid-kok
-backup_owner: mark-visser
 purpose: Webcare voor klanten en kandidaten, op werkdagen binnen vier uur.
 recruitment: active
 status: active
""" in result.stdout
    notes = [line for line in result.stdout.splitlines() if line.startswith("data/")]
    assert notes == [
        f"data/accounts/{account}.yml: ingrid-kok is nu 'owner' (eigenaar) en staat dus niet ook als "
        "'backup_owner' (tweede eigenaar); dat veld vervalt, kies zo nodig iemand anders"
        for account in ("facebook-regio-oost", "instagram-regio-oost", "twitter-regio-oost", "twitter-webcare")]
    assert result.stdout.endswith(
        "Overdracht van mark-visser aan ingrid-kok op 2026-11-01: 6 records veranderen (1 richtlijn, 1 persoon, "
        "4 accounts); de overdracht zelf komt in data/handovers/mark-visser.yml.\n7 bestanden geschreven.\n"
        "Alles in orde: 74 records\n")
    account = (example / "data/accounts/facebook-regio-oost.yml").read_text("utf-8")
    assert "owner: ingrid-kok\npurpose:" in account and "backup_owner" not in account


THOMAS_DIFF = """\
--- data/accounts/instagram-techniek.yml
+++ data/accounts/instagram-techniek.yml
@@ -1,7 +1,7 @@
 platform: instagram
 handle: "@dijkstroom_techniek"
 url: https://www.instagram.com/dijkstroom_techniek
-owner: thomas-mulder
+owner: fatima-el-amrani
 purpose: Aangemaakt voor de TikTok-campagne van 2024 om dezelfde video's ook op Instagram te plaatsen. Sinds het vertrek van de eigenaar niet meer gebruikt.
 recruitment: passive
 status: dormant
--- data/campaigns/tiktok-mbo-techniek-2024.yml
+++ data/campaigns/tiktok-mbo-techniek-2024.yml
@@ -5,7 +5,7 @@
   start: 2024-02-01
   end: 2024-06-30
 owner: thomas-mulder
-knowledge_owner: thomas-mulder
+knowledge_owner: fatima-el-amrani
 recruitment: passive
 target_groups: [studenten]
 scenario: platform-campaign-marketing
--- /dev/null
+++ data/handovers/thomas-mulder.yml
@@ -0,0 +1,26 @@
+# yaml-language-server: $schema=../../schemas/handover.schema.json
+# Wat iemand die vertrok overdroeg, aan wie en wanneer, en de toegang tot accounts die moet volgen.
+# Elk veld staat beschreven in de beschrijving van de records (handbook/reference.md).
+
+# Id van de persoon die het overnam. De naam van het bestand is de id van wie vertrok.
+successor: fatima-el-amrani
+
+# Wanneer de overdracht gedaan is.
+date: 2026-11-01
+
+# Wat naar de opvolger ging, zoals `handbook handover` het schreef.
+moved:
+  - kind: campaign
+    id: tiktok-mbo-techniek-2024
+    field: knowledge_owner
+  - kind: guideline
+    id: tiktok
+    field: owner
+  - kind: account
+    id: instagram-techniek
+    field: owner
+
+# De accounts waarvan de wachtwoorden, het apparaat voor tweestapsverificatie en de beheerrechten naar de opvolger moeten: vul bij elk de dag in waarop dat zo is.
+access:
+  - account: instagram-techniek
+    moved:
--- data/people/thomas-mulder.yml
+++ data/people/thomas-mulder.yml
@@ -5,3 +5,4 @@
 phone: +31 6 0000 0106
 joined: 2009-04-01
 left: 2024-09-30
+successor: fatima-el-amrani
--- data/platforms/tiktok.yml
+++ data/platforms/tiktok.yml
@@ -12,7 +12,7 @@
 tone_of_voice: Luchtig en eerlijk, in de taal van de monteurs zelf.
 webcare_hours: 24
 approval: De online marketeer keurt video's goed voor publicatie.
-owner: thomas-mulder
+owner: fatima-el-amrani
 reviewed: 2024-03-18
 review_every_months: 12
 tags:
"""
THOMAS_RECORD = """\
# yaml-language-server: $schema=../../schemas/handover.schema.json
# Wat iemand die vertrok overdroeg, aan wie en wanneer, en de toegang tot accounts die moet volgen.
# Elk veld staat beschreven in de beschrijving van de records (handbook/reference.md).

# Id van de persoon die het overnam. De naam van het bestand is de id van wie vertrok.
successor: fatima-el-amrani

# Wanneer de overdracht gedaan is.
date: 2026-11-01

# Wat naar de opvolger ging, zoals `handbook handover` het schreef.
moved:
  - kind: campaign
    id: tiktok-mbo-techniek-2024
    field: knowledge_owner
  - kind: guideline
    id: tiktok
    field: owner
  - kind: account
    id: instagram-techniek
    field: owner

# De accounts waarvan de wachtwoorden, het apparaat voor tweestapsverificatie en de beheerrechten naar de opvolger moeten: vul bij elk de dag in waarop dat zo is.
access:
  - account: instagram-techniek
    moved:
"""


def test_someone_who_left_without_a_successor_keeps_their_date(example: Path) -> None:
    """Thomas Mulder left in 2024 and nobody took over: his date stays, the
    responsibility lines and his successor change, and the handover's
    record, the one new file, says what moved and asks for the access to
    his account."""
    before = files(example)
    result = handover(example, "thomas-mulder", "--to", SUCCESSOR, "--write")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == THOMAS_DIFF + (
        "thomas-mulder vertrok al op 2024-09-30; die datum blijft staan\n"
        "Overdracht van thomas-mulder aan fatima-el-amrani op 2026-11-01: 4 records veranderen (1 campagne, "
        "1 richtlijn, 1 persoon, 1 account); de overdracht zelf komt in data/handovers/thomas-mulder.yml.\n"
        "5 bestanden geschreven.\nAlles in orde: 74 records\n")
    after = files(example)
    assert changed(before, after) == ["data/accounts/instagram-techniek.yml", "data/campaigns/tiktok-mbo-techniek-2024.yml",
                                      "data/handovers/thomas-mulder.yml", "data/people/thomas-mulder.yml",
                                      "data/platforms/tiktok.yml"]
    assert after["data/handovers/thomas-mulder.yml"].decode() == THOMAS_RECORD
    person = after["data/people/thomas-mulder.yml"].decode()
    assert person == before["data/people/thomas-mulder.yml"].decode() + "successor: fatima-el-amrani\n"
    for path in changed(before, after)[:2] + ["data/platforms/tiktok.yml"]:  # only the responsibility lines
        removed = set(before[path].decode().splitlines()) - set(after[path].decode().splitlines())
        added = set(after[path].decode().splitlines()) - set(before[path].decode().splitlines())
        assert {line.replace("thomas-mulder", SUCCESSOR) for line in removed} == added, path
        assert len(removed) == 1 and removed.pop().split(":")[0] in ("owner", "knowledge_owner"), path


def test_a_handover_recorded_only_on_the_person_is_completed(example: Path) -> None:
    """Joost Bakker was handed over to Lotte Jansen by hand in 2014: his
    record says so, but a campaign still names him as its knowledge owner.
    Handing him over to her moves that line, keeps his record as it is,
    and records the handover; only then is it done."""
    before = files(example)
    result = handover(example, "joost-bakker", "--to", "lotte-jansen", "--write")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith("""\
--- data/campaigns/hyves-stagiairs-2009.md
+++ data/campaigns/hyves-stagiairs-2009.md
@@ -6,7 +6,7 @@
   start: 2009-09-01
   end: 2009-12-18
 owner: joost-bakker
-knowledge_owner: joost-bakker
+knowledge_owner: lotte-jansen
 recruitment: passive
 target_groups: [studenten]
 scenario: platform-campaign-marketing
--- /dev/null
+++ data/handovers/joost-bakker.yml
""")
    assert result.stdout.endswith(
        "joost-bakker vertrok al op 2014-06-30; die datum blijft staan\n"
        "joost-bakker heeft al lotte-jansen als opvolger; dat blijft staan\n"
        "Overdracht van joost-bakker aan lotte-jansen op 2026-11-01: 1 record verandert (1 campagne); "
        "de overdracht zelf komt in data/handovers/joost-bakker.yml.\n2 bestanden geschreven.\nAlles in orde: 74 records\n")
    assert changed(before, files(example)) == ["data/campaigns/hyves-stagiairs-2009.md", "data/handovers/joost-bakker.yml"]
    assert "moved:\n  - kind: campaign\n    id: hyves-stagiairs-2009\n    field: knowledge_owner\n" in \
        (example / "data/handovers/joost-bakker.yml").read_text("utf-8")
    again = handover(example, "joost-bakker", "--to", "lotte-jansen")
    assert (again.exit_code, again.stderr) == (1, "data/handovers/joost-bakker.yml:6:12: error: 'joost-bakker' is al "
                                                  "overgedragen aan 'lotte-jansen' (op 2026-11-01)\n")


def test_the_handover_of_a_successor_says_whom_their_predecessor_s_questions_go_to(example: Path) -> None:
    """Lotte Jansen took over from Joost Bakker, and now leaves herself. His
    record keeps naming her (that is what happened): the summary says that
    whoever asks about him is sent on to her successor, how to move what
    still names him, and the check stays clean; his handover, done next,
    goes to whoever holds his work now."""
    result = handover(example, "lotte-jansen", "--to", "noor-hendriks", "--write")
    assert (result.exit_code, result.stderr) == (0, "")
    notes = [line for line in result.stdout.splitlines() if line.startswith(("joost", "wat nog"))]
    assert notes == [
        "joost-bakker vertrok eerder en heeft lotte-jansen als opvolger; dat blijft staan, en wie naar joost-bakker "
        "vraagt, komt nu bij noor-hendriks",
        "wat nog op naam van joost-bakker staat, draag je over met: handbook handover joost-bakker --to noor-hendriks"]
    assert result.stdout.endswith("Alles in orde: 74 records\n")  # no warning that his successor left
    assert "successor: lotte-jansen\n" in (example / "data/people/joost-bakker.yml").read_text("utf-8")
    refused = handover(example, "joost-bakker", "--to", "lotte-jansen")
    assert (refused.exit_code, refused.stderr) == (1, (
        "data/people/joost-bakker.yml:8:12: error: 'joost-bakker' is al overgedragen aan 'lotte-jansen' (vertrokken "
        "op 2014-06-30); wat nog op die naam staat, gaat naar wie dat werk nu heeft: --to noor-hendriks\n"))
    done = handover(example, "joost-bakker", "--to", "noor-hendriks", "--write")
    assert done.exit_code == 0, done.output
    assert "+knowledge_owner: noor-hendriks\n" in done.stdout


def test_a_handover_whose_successors_all_left_names_whom_to_hand_over_first(example: Path) -> None:
    """Lotte Jansen left too, without a successor: Joost Bakker's work has
    nobody to go to until she is handed over."""
    person = example / "data/people/lotte-jansen.yml"
    person.write_text(person.read_text("utf-8") + "left: 2025-01-31\n", "utf-8")
    result = handover(example, "joost-bakker", "--to", "noor-hendriks")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "data/people/joost-bakker.yml:8:12: error: 'joost-bakker' is al overgedragen aan 'lotte-jansen', die ook "
        "vertrok, en na 'lotte-jansen' nam niemand het over: draag eerst 'lotte-jansen' over\n")


def test_a_handover_record_never_replaces_one_that_came_since(example: Path) -> None:
    change = _plan(example)
    record = example / HANDOVER
    record.parent.mkdir()
    record.write_text("successor: daan-vermeulen\ndate: 2026-10-01\n", "utf-8")
    before = files(example)
    with speaking("nl"), pytest.raises(NotReplaced, match=f"^{HANDOVER} bestaat al$"):
        replace_all(change.replacements())
    assert files(example) == before


@pytest.mark.parametrize(("args", "message"), [
    (["ruben-de-graf", "--to", SUCCESSOR], "handover: onbekende persoon 'ruben-de-graf' (bedoel je 'ruben-de-graaf'?)"),
    ([PERSON, "--to", "fatima"], "handover: onbekende persoon 'fatima' (bedoel je 'fatima-el-amrani'?)"),
    ([PERSON, "--to", PERSON], "handover: iemand kan niet zijn eigen opvolger zijn"),
    ([PERSON, "--to", "thomas-mulder"],
     ("data/people/thomas-mulder.yml:7:7: error: 'thomas-mulder' is vertrokken op 2024-09-30; "
      "kies een opvolger die er nog werkt")),
    (["joost-bakker", "--to", SUCCESSOR],
     ("data/people/joost-bakker.yml:8:12: error: 'joost-bakker' is al overgedragen aan 'lotte-jansen' "
      "(vertrokken op 2014-06-30); wat nog op die naam staat, gaat naar wie dat werk nu heeft: --to lotte-jansen")),
    ([PERSON, "--to", SUCCESSOR, "--on", "2021-02-28"],
     ("data/people/ruben-de-graaf.yml:6:9: error: 2021-02-28 ligt voor de dag waarop 'ruben-de-graaf' "
      "in dienst kwam (2021-03-01)")),
    ([PERSON, "--to", SUCCESSOR, "--on", "2099-01-01"],
     ("handover: 2099-01-01 ligt in de toekomst; een overdracht legt vast wat gebeurd is: "
      "doe hem op de dag van vertrek of later")),
    (["thomas-mulder", "--to", SUCCESSOR, "--on", "2025-01-01"],
     ("data/people/thomas-mulder.yml:7:7: error: 'thomas-mulder' is al vertrokken op 2024-09-30; "
      "laat --on weg of geef die datum")),
    ([PERSON, "--to", "thomas-mulder", "--language", "en"],
     ("data/people/thomas-mulder.yml:7:7: error: 'thomas-mulder' left on 2024-09-30; "
      "choose a successor who still works here")),
    (["ruben-de-graf", "--to", SUCCESSOR, "--language", "en"],
     "handover: unknown person 'ruben-de-graf' (did you mean 'ruben-de-graaf'?)"),
], ids=["unknown-person", "unknown-successor", "oneself", "successor-left", "handed-over-to-another", "before-joined",
        "future", "left-on-another-day", "successor-left-en", "unknown-person-en"])
def test_each_refusal_says_why_and_changes_nothing(example: Path, args: list[str], message: str) -> None:
    before = files(example)
    result = handover(example, *args)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", message + "\n")
    assert files(example) == before


def test_the_project_s_language_setting_speaks_english(example: Path) -> None:
    config = example / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("language: nl", "language: en", 1), "utf-8")
    result = handover(example, PERSON, "--to", "ruben")
    assert (result.exit_code, result.stderr) == (1, "handover: unknown person 'ruben' (did you mean 'ruben-de-graaf'?)\n")
    result = handover(example, PERSON, "--to", SUCCESSOR)
    assert result.stdout.endswith(
        "Handover from ruben-de-graaf to fatima-el-amrani on 2026-11-01: 5 records change "
        "(1 campaign, 1 guideline, 1 person, 2 accounts); the handover itself is recorded in "
        f"{HANDOVER}.\nNothing is changed yet; --write applies it.\n")
    # The new record's comments speak the project's language too.
    assert "+# What someone who left handed over, to whom and when, and the access to accounts that must follow.\n" \
        in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    ([PERSON, "--to", SUCCESSOR, "--on", "1-11-2026"],
     "Fout: Ongeldige waarde voor '--on': '1-11-2026' is geen datum; schrijf hem als JJJJ-MM-DD, bijvoorbeeld 2012-03-15"),
    ([PERSON], "Fout: Ontbrekende optie '--to'."),
])
def test_a_usage_error_exits_2(example: Path, args: list[str], message: str) -> None:
    result = handover(example, *args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines()[-1] == message


def test_records_that_do_not_check_clean_are_fixed_first(example: Path) -> None:
    lesson = example / "data/lessons/aanbrengbonus-2024.yml"
    lesson.write_text(lesson.read_text("utf-8").replace("level: execution", "level: Execution"), "utf-8")
    before = files(example)
    result = handover(example, PERSON, "--to", SUCCESSOR, "--write")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == "1 fout(en), 0 waarschuwing(en)"
    assert result.stdout.startswith("data/lessons/aanbrengbonus-2024.yml:")
    assert result.stderr == "handover: de records bevatten fouten; herstel die eerst, dan kan de overdracht volgen\n"
    assert files(example) == before


def _failing_on_third(monkeypatch: pytest.MonkeyPatch, failure: BaseException) -> list[str]:
    """os.replace as the edits call it, failing on its third call (the
    renames back afterwards succeed); returns the targets it was asked for."""
    real, calls = os.replace, []

    def replace(source, target):
        calls.append(str(target))
        if len(calls) == 3:
            raise failure
        return real(source, target)

    monkeypatch.setattr(edits.os, "replace", replace)
    return calls


def test_a_failure_halfway_leaves_every_file_as_it_was(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = files(example)
    calls = _failing_on_third(monkeypatch, PermissionError(errno.EACCES, "Permission denied"))
    result = handover(example, PERSON, "--to", SUCCESSOR, "--write")
    assert result.exit_code == 1
    assert result.stderr == "handover: niets veranderd (data/campaigns/linkedin-sourcing-ict-2025.yml: Permission denied)\n"
    assert result.stdout == DIFF + SUMMARY  # said before the writing began; no check, nothing written
    assert len(calls) == 5  # two new files in place, the third refused, the two put back
    assert files(example) == before  # no file changed, no temporary file left
    assert not (example / "data/handovers").exists()  # nor the folder made for the handover's record


def test_a_stop_halfway_leaves_every_file_as_it_was(example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while the new files are renamed into place (here: raised by the third rename)."""
    change = _plan(example)
    before = files(example)
    _failing_on_third(monkeypatch, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        replace_all(change.replacements())
    assert files(example) == before


def test_a_target_that_became_a_folder_leaves_every_file_as_it_was(example: Path) -> None:
    change = _plan(example)
    target = example / "data/people/ruben-de-graaf.yml"
    target.unlink()
    target.mkdir()
    before = files(example)
    with speaking("nl"), pytest.raises(NotReplaced, match="^data/people/ruben-de-graaf.yml is geen gewoon bestand$"):
        replace_all(change.replacements())
    assert files(example) == before and target.is_dir()


def _plan(project: Path):
    problems = Problems()
    catalog = load_catalog(project, problems, TODAY)
    assert not problems.errors
    return plan(project, catalog, PERSON, SUCCESSOR, None, TODAY, TODAY)


# --- the edit itself, on its own ------------------------------------------------------


@pytest.mark.parametrize(("text", "changes", "expected"), [
    ("owner: 'a-b'  # x\n", {"owner": "c-d"}, "owner: 'c-d'  # x\n"),
    ('owner:   "a-b"\n', {"owner": "c-d"}, 'owner:   "c-d"\n'),
    ("owner: a-b\r\nstatus: active\r\n", {"owner": "c-d", "left": "2026-11-01"},
     "owner: c-d\r\nleft: 2026-11-01\r\nstatus: active\r\n"),
    ("\ufeffname: X\njoined: 2020-01-01", {"left": "2026-11-01", "successor": "null"},
     "\ufeffname: X\njoined: 2020-01-01\nleft: 2026-11-01\nsuccessor: 'null'\n"),
    ("name: X\nleft:\ntags: [a]\n", {"left": "2026-11-01"}, "name: X\nleft: 2026-11-01\ntags: [a]\n"),
    ("owner: a  # eigenaar\nbackup_owner: b   # vervanger\nstatus: active\n", {"owner": "b", "backup_owner": None},
     "owner: b  # eigenaar\nstatus: active\n"),
    ("name: X\ntags:\n  - a\n\n# einde\n", {"successor": "y"}, "name: X\ntags:\n  - a\nsuccessor: y\n\n# einde\n"),
], ids=["single-quotes", "double-quotes", "crlf", "bom-no-newline-and-null", "empty-value", "taken-out",
        "after-a-block-list"])
def test_only_the_values_change(text: str, changes: dict[str, str | None], expected: str) -> None:
    order = ["name", "tags", "owner", "backup_owner", "joined", "left", "successor", "status"]
    assert set_fields(text, False, changes, order) == expected


def test_a_markdown_record_s_story_is_not_read_as_fields() -> None:
    text = "---\nowner: a\n---\nowner: a\n\n---\n"
    assert set_fields(text, True, {"owner": "b"}, ["owner"]) == "---\nowner: b\n---\nowner: a\n\n---\n"


def test_fields_written_as_one_flow_mapping_are_refused() -> None:
    with speaking("en"), pytest.raises(EditError, match="not each on a line of their own"):
        set_fields("{owner: a, status: active}\n", False, {"owner": "b"}, ["owner"])



def test_a_handover_record_is_checked_against_the_others(example: Path) -> None:
    """Its file name is someone who left; it names records that exist, by a
    field that makes someone responsible, and each account once."""
    folder = example / "data/handovers"
    folder.mkdir()
    (folder / "ruben-de-graf.yml").write_text("successor: fatima-el-amrani\ndate: 2026-11-01\n", "utf-8")
    (folder / "ruben-de-graaf.yml").write_text("successor: fatima-el-amrani\ndate: 2026-12-01\n", "utf-8")
    (folder / "thomas-mulder.yml").write_text("""\
successor: thomas-mulder
date: 2026-11-01
moved:
  - kind: campaign
    id: tiktok-mbo-techniek-2042
    field: knowledge_owner
  - kind: guideline
    id: tiktok
    field: backup_owner
  - kind: account
    id: instagram-techniek
    field: onwer
access:
  - account: instagram-techniek
    moved: 2026-11-02
  - account: instagram-techniek
  - account: instagram-techniel
""", "utf-8")
    result = CliRunner().invoke(main, ["check", "--project", str(example)])
    assert result.stdout.splitlines() == [
        "data/handovers/ruben-de-graaf.yml:1:1: error: 'ruben-de-graaf' is niet vertrokken; een overdracht is van "
        "iemand die vertrok ('left' in diens record)",
        "data/handovers/ruben-de-graaf.yml:2:7: error: 2026-12-01 ligt in de toekomst; een overdracht legt vast wat "
        "gebeurd is: vul de dag in waarop het gebeurde",
        "data/handovers/ruben-de-graf.yml:1:1: error: een overdracht heet naar wie vertrok, en er is geen persoon "
        "'ruben-de-graf' (bedoel je 'ruben-de-graaf'?)",
        "data/handovers/thomas-mulder.yml:1:12: error: iemand kan niet zijn eigen opvolger zijn",
        "data/handovers/thomas-mulder.yml:5:9: error: onbekende campagne 'tiktok-mbo-techniek-2042' (bedoel je "
        "'tiktok-mbo-techniek-2024'?)",
        "data/handovers/thomas-mulder.yml:9:12: error: 'backup_owner' noemt in zo'n record niemand die ervoor "
        "verantwoordelijk is; kies uit: owner",
        "data/handovers/thomas-mulder.yml:12:12: error: 'onwer' is niet toegestaan voor 'field' (veld); kies uit: "
        "knowledge_owner (kennisborger), owner (eigenaar), backup_owner (tweede eigenaar) (bedoel je 'owner'?)",
        # What it records has happened: not a day after the check's (2026-11-01).
        "data/handovers/thomas-mulder.yml:15:12: error: 2026-11-02 ligt in de toekomst; een overdracht legt vast wat "
        "gebeurd is: vul de dag in waarop het gebeurde",
        "data/handovers/thomas-mulder.yml:16:14: error: account 'instagram-techniek' staat al eerder in deze lijst",
        "data/handovers/thomas-mulder.yml:17:14: error: onbekend account 'instagram-techniel' (bedoel je "
        "'instagram-techniek'?)",
        "10 fout(en), 0 waarschuwing(en)",
    ]
