"""`handbook check` end to end, and `load_catalog`: located messages for broken records.

Each broken case starts from the valid data set in tests/fixtures/data and
changes one thing; the line numbers in the expected output are those of the
fixture files after that change.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.records.load import load_catalog

from .conftest import TODAY
from generator.cli import main
from generator.words.problems import Problems
from tests.helpers import edit, fixture_text, make_project, rename, replace_once

TAXONOMY = "data/taxonomy.yml"
HYVES_CAMPAIGN = "data/campaigns/hyves-stage-2010.md"
LINKEDIN_CAMPAIGN = "data/campaigns/linkedin-ict-2024.yml"
LISTEN_FIRST = "data/lessons/luister-eerst.yml"  # superseded by LISTEN_AND_REPLY
LISTEN_AND_REPLY = "data/lessons/luister-en-reageer.md"
SENT_AGAIN = "data/lessons/weer-gezonden.yml"  # no record names this lesson
TOM = "data/people/tom-bakker.yml"  # has left; successor eva-jansen
LINKEDIN_GUIDELINE = "data/platforms/linkedin.yml"
LINKEDIN_ACCOUNT = "data/accounts/linkedin-werken-bij.yml"
HYVES_ACCOUNT = "data/accounts/hyves-stage.yml"


def check(project: Path, *args: str, env: dict[str, str | None] | None = None, language: str | None = "en") -> Result:
    """`handbook check`; these tests read its English messages unless
    `language` is None (the site's language: Dutch for the fixture)."""
    # GITHUB_ACTIONS is removed unless a test sets it, so that the output is
    # the same when the tests themselves run in GitHub Actions.
    chosen = ["--language", language] if language else []
    return CliRunner().invoke(
        main, ["check", "--project", str(project), *chosen, *args], env={"GITHUB_ACTIONS": None, **(env or {})}
    )


def summary(errors: int, warnings: int) -> str:
    return f"{errors} error(s), {warnings} warning(s)"


def problem_lines(result: Result) -> list[str]:
    """The problem lines of a check's output, after checking that its last
    line counts them (problems and their count go to one stream, in order)."""
    lines = result.stdout.splitlines()
    problems = [line for line in lines if not line.startswith("::")]
    assert lines[-1] == summary(sum(": error: " in line for line in problems[:-1]),
                                sum(": warning: " in line for line in problems[:-1]))
    return lines[:-1]


# --- the fixture ----------------------------------------------------------------


def test_the_fixture_data_set_is_clean(tmp_path):
    result = check(make_project(tmp_path))
    assert result.exit_code == 0
    assert result.output == "All is well: 10 records\n"


def test_load_catalog_of_the_fixture(tmp_path):
    problems = Problems()
    catalog = load_catalog(make_project(tmp_path), problems, TODAY)
    assert problems.items == []
    assert catalog is not None
    assert sorted(catalog.campaigns) == ["hyves-stage-2010", "linkedin-ict-2024"]
    assert sorted(catalog.lessons) == ["luister-eerst", "luister-en-reageer", "weer-gezonden"]
    assert sorted(catalog.people) == ["eva-jansen", "tom-bakker"]
    assert sorted(catalog.guidelines) == ["linkedin"]
    assert sorted(catalog.accounts) == ["hyves-stage", "linkedin-werken-bij"]
    assert len(catalog) == 10
    assert sorted(catalog.taxonomy.platforms) == ["hyves", "linkedin"]
    hyves = catalog.campaigns["hyves-stage-2010"]
    assert hyves.path == HYVES_CAMPAIGN
    assert hyves.record.body == "We begonnen zonder te luisteren. Pas later bleek waar studenten over praatten."
    assert hyves.doc.at(("body",)) == (40, 1)
    assert hyves.doc.at(("results", 1, "hires")) == (36, 12)


# --- one broken thing, one located message ---------------------------------------

BROKEN = [
    # fields and values
    pytest.param(
        edit(SENT_AGAIN, "title:", "titel:"),
        [
            "data/lessons/weer-gezonden.yml:1:1: error: unknown field 'titel' (did you mean 'title'?)",
        ],
        id="unknown-field",
    ),
    pytest.param(
        edit(SENT_AGAIN, "lesson: Dezelfde fout als in 2010.\n", ""),
        ["data/lessons/weer-gezonden.yml:1:1: error: 'lesson' is missing (what we learned from it)"],
        id="missing-required-field",
    ),
    pytest.param(
        edit(SENT_AGAIN, "lesson: Dezelfde fout als in 2010.", "lesson:"),
        ["data/lessons/weer-gezonden.yml:7:8: error: 'lesson' is empty; give it a value"],
        id="empty-required-field",
    ),
    pytest.param(
        edit(SENT_AGAIN, "lesson: Dezelfde fout als in 2010.", "lesson: ''"),
        ["data/lessons/weer-gezonden.yml:7:9: error: 'lesson' is empty; write something or remove the line"],
        id="empty-quoted-text",
    ),
    pytest.param(
        edit(SENT_AGAIN, "title: Opnieuw alleen gezonden", "title: " + "O" * 2001),
        ["data/lessons/weer-gezonden.yml:1:8: error: 'title' is too long: at most 2,000 characters"],
        id="text-too-long",
    ),
    pytest.param(
        edit(SENT_AGAIN, "lesson: Dezelfde fout als in 2010.", "lesson: [Dezelfde fout]"),
        ["data/lessons/weer-gezonden.yml:7:9: error: 'lesson' must be text, not a list"],
        id="list-where-text-expected",
    ),
    pytest.param(
        edit(SENT_AGAIN, "campaigns: [linkedin-ict-2024]", "campaigns: linkedin-ict-2024"),
        [
            "data/lessons/weer-gezonden.yml:4:12: error: 'campaigns' must be a list, with each item on its own "
            "line starting with '- ' (write it as '- linkedin-ict-2024' on the next line)"
        ],
        id="text-where-list-expected",
    ),
    pytest.param(
        edit(SENT_AGAIN, "status: proposed", "status: propsed"),
        [
            "data/lessons/weer-gezonden.yml:9:9: error: 'propsed' is not allowed for 'status'; "
            "choose one of: proposed, accepted, superseded (did you mean 'proposed'?)"
        ],
        id="status-typo",
    ),
    pytest.param(
        edit(LISTEN_FIRST, "review_by: 2012-01-01", "review_by: 2012-13-01"),
        [
            "data/lessons/luister-eerst.yml:17:12: error: 'review_by': '2012-13-01' is not a date that exists "
            "(the month or day is out of range)"
        ],
        id="date-that-does-not-exist",
    ),
    pytest.param(
        edit(LISTEN_FIRST, "review_by: 2012-01-01", "review_by: 1-1-2012"),
        [
            "data/lessons/luister-eerst.yml:17:12: error: 'review_by': '1-1-2012' is not a date; "
            "write it as YYYY-MM-DD, for example 2012-03-15"
        ],
        id="malformed-date",
    ),
    pytest.param(
        edit(HYVES_CAMPAIGN, "reach: 12000", "reach: 12.000"),
        [
            "data/campaigns/hyves-stage-2010.md:28:12: error: 'reach': '12.000' is not a whole number; "
            "write digits only, for example 1200"
        ],
        id="bad-count",
    ),
    pytest.param(
        edit(LISTEN_FIRST, "  platforms: [hyves]", "  platforms: [hyves, hyves]"),
        ["data/lessons/luister-eerst.yml:13:22: error: 'platforms': 'hyves' is listed here a second time; keep one"],
        id="duplicate-list-item",
    ),
    # references
    pytest.param(
        edit(SENT_AGAIN, "author: eva-jansen", "author: eva-jansn"),
        ["data/lessons/weer-gezonden.yml:3:9: error: unknown person 'eva-jansn' (did you mean 'eva-jansen'?)"],
        id="unknown-person",
    ),
    pytest.param(
        edit(LINKEDIN_CAMPAIGN, "platforms: [linkedin]", "platforms: [linkedn]"),
        ["data/campaigns/linkedin-ict-2024.yml:10:13: error: unknown platform 'linkedn' (did you mean 'linkedin'?)"],
        id="unknown-platform",
    ),
    pytest.param(
        edit(LISTEN_FIRST, "answers: [bereik]", "answers: [berijk]"),
        [
            "data/lessons/luister-eerst.yml:5:11: error: unknown learning goal 'berijk'; the goals of this "
            "lesson's campaigns are: bereik, kosten (did you mean 'bereik'?)"
        ],
        id="unknown-learning-goal",
    ),
    pytest.param(
        edit(LISTEN_AND_REPLY, "answers: [hyves-stage-2010:bereik]", "answers: [linkedin-ict-2024:respons]"),
        [
            "data/lessons/luister-en-reageer.md:6:11: error: campaign 'linkedin-ict-2024' is not one of "
            "this lesson's 'campaigns'"
        ],
        id="answer-from-another-campaign",
    ),
    pytest.param(
        {
            LISTEN_AND_REPLY: replace_once(
                replace_once(
                    fixture_text(LISTEN_AND_REPLY),
                    "campaigns: [hyves-stage-2010]\nanswers: [hyves-stage-2010:bereik]",
                    "campaigns: [hyves-stage-2010, linkedin-ict-2024]\nanswers: [bereik]",
                ),
                "date: 2011-03-01", "date: 2025-03-01",
            ),
            **edit(LINKEDIN_CAMPAIGN, "  - id: respons", "  - id: bereik"),
        },
        [
            "data/lessons/luister-en-reageer.md:6:11: error: learning goal 'bereik' is in several of this "
            "lesson's campaigns; write one of: hyves-stage-2010:bereik, linkedin-ict-2024:bereik"
        ],
        id="ambiguous-learning-goal",
    ),
    # lessons
    pytest.param(
        edit(LISTEN_FIRST, "superseded_by: luister-en-reageer\n", ""),
        [
            "data/lessons/luister-eerst.yml:15:9: error: a superseded lesson must say which lesson replaces it "
            "in 'superseded_by'"
        ],
        id="superseded-without-superseded-by",
    ),
    pytest.param(
        edit(LISTEN_FIRST, "status: superseded", "status: accepted"),
        ["data/lessons/luister-eerst.yml:16:16: error: 'superseded_by' is only given when 'status' is superseded"],
        id="superseded-by-without-status-superseded",
    ),
    pytest.param(
        edit(LISTEN_FIRST, "superseded_by: luister-en-reageer", "superseded_by: luister-eerst"),
        ["data/lessons/luister-eerst.yml:16:16: error: a lesson cannot supersede itself"],
        id="supersedes-itself",
    ),
    pytest.param(
        edit(LISTEN_AND_REPLY, "status: accepted", "status: superseded\nsuperseded_by: luister-eerst"),
        [
            "data/lessons/luister-eerst.yml:16:16: error: lessons supersede each other in a circle: "
            "luister-eerst → luister-en-reageer → luister-eerst"
        ],
        id="supersession-cycle",
    ),
    pytest.param(
        edit(LISTEN_AND_REPLY, "status: accepted", "status: accepted\nrecurs: weer-gezonden"),
        [
            "data/lessons/luister-en-reageer.md:13:9: error: 'recurs' names a later lesson (2024-12-01); "
            "it must name an earlier one"
        ],
        id="recurs-names-a-later-lesson",
    ),
    # campaigns
    pytest.param(
        edit(LINKEDIN_CAMPAIGN, "platforms: [linkedin]", "platforms: [linkedin, hyves]"),
        [
            "data/campaigns/linkedin-ict-2024.yml:10:23: error: Hyves closed on 2013-12-02, "
            "before this campaign started (2024-09-01)"
        ],
        id="campaign-on-a-closed-platform",
    ),
    pytest.param(
        edit(LINKEDIN_CAMPAIGN, "status: running", "status: finished"),
        ["data/campaigns/linkedin-ict-2024.yml:3:9: error: a finished campaign needs an end date under 'period'"],
        id="finished-without-end",
    ),
    pytest.param(
        edit(LINKEDIN_CAMPAIGN, "  start: 2024-09-01", "  start: 2024-09-01\n  end: 2024-08-31"),
        [
            "data/campaigns/linkedin-ict-2024.yml:6:8: error: the campaign ends (2024-08-31) "
            "before it starts (2024-09-01)"
        ],
        id="end-before-start",
    ),
    pytest.param(
        edit(HYVES_CAMPAIGN, "channels: [social, jobboards]", "channels: [social]"),
        [
            "data/campaigns/hyves-stage-2010.md:34:14: error: results for channel 'jobboards', "
            "which the campaign does not list under 'channels'"
        ],
        id="result-channel-not-in-channels",
    ),
    pytest.param(
        edit(HYVES_CAMPAIGN, "platforms: [hyves]", "platforms: []"),
        [
            "data/campaigns/hyves-stage-2010.md:27:15: error: results for platform 'hyves', "
            "which the campaign does not list under 'platforms'"
        ],
        id="result-platform-not-in-platforms",
    ),
    # people, guidelines, accounts
    pytest.param(
        edit(TOM, "left: 2014-06-30\n", ""),
        ["data/people/tom-bakker.yml:4:12: error: a successor is only given for someone who has left; add 'left'"],
        id="successor-without-left",
    ),
    pytest.param(
        rename(LINKEDIN_GUIDELINE, "data/platforms/linkedln.yml"),
        [
            "data/platforms/linkedln.yml:1:1: error: a guideline's file name is its platform id, and 'linkedln' "
            "is not a platform in the taxonomy (did you mean 'linkedin'?)"
        ],
        id="guideline-for-an-unknown-platform",
    ),
    pytest.param(
        edit(LINKEDIN_ACCOUNT, "owner: eva-jansen", "owner: eva-jansen\nbackup_owner: eva-jansen"),
        [
            "data/accounts/linkedin-werken-bij.yml:5:15: error: the backup owner must be someone other "
            "than the owner"
        ],
        id="backup-owner-is-owner",
    ),
    # files and folders
    pytest.param(
        rename(HYVES_ACCOUNT, "data/accounts/Hyves Stage.yml"),
        [
            "data/accounts/Hyves Stage.yml:1:1: error: the file name 'Hyves Stage' cannot be an id; use "
            "lower-case letters, digits and single hyphens, at most 64 characters, for example 'hyves-stage-2009'"
        ],
        id="file-name-is-not-an-id",
    ),
    pytest.param(
        {
            "data/people/x.yml": "name: X\nrole: recruiter\nteam: Werving\n",
            "data/people/x.md": "---\nname: X\nrole: recruiter\nteam: Werving\n---\nOver X.\n",
        },
        [
            "data/people/x.yml:1:1: error: the id 'x' is used twice: here and in data/people/x.md; "
            "rename one of the files"
        ],
        id="same-id-twice",
    ),
    pytest.param(
        {"data/lesson/x.yml": "title: X\n"},
        [
            "data/lesson:1:1: error: unknown folder 'lesson'; records go in one of: accounts, campaigns, "
            "handovers, lessons, people, platforms (did you mean 'lessons'?)"
        ],
        id="unknown-folder",
    ),
    pytest.param(
        {"data/people/x.yaml": "name: X\nrole: recruiter\nteam: Werving\n"},
        ["data/people/x.yaml:1:1: error: only .yml and .md files are records (rename it to .yml)"],
        id="yaml-suffix",
    ),
    pytest.param(
        {TAXONOMY: None},
        ["data/taxonomy.yml:1:1: error: the taxonomy (platforms, channels, scenarios, tags) is missing"],
        id="missing-taxonomy",
    ),
    pytest.param(
        edit(TAXONOMY, "  hyves:", "  Hyves:"),
        [
            "data/taxonomy.yml:2:3: error: 'Hyves' is not a valid id; use an id: lower-case letters, digits "
            "and single hyphens, for example 'hyves-stage-2009'"
        ],
        id="taxonomy-key-not-an-id",
    ),
]


BROKEN.append(pytest.param(
    edit(SENT_AGAIN, "date: 2024-12-01", "date: 2024-06-01"),
    ["data/lessons/weer-gezonden.yml:4:13: error: campaign 'linkedin-ict-2024' starts on 2024-09-01, after this "
     "lesson's date (2024-06-01); a lesson comes from a campaign that ran before it"],
    id="lesson-before-its-campaign",
))


def test_a_campaign_that_ran_on_after_its_platform_closed_is_a_warning(tmp_path):
    files = edit(HYVES_CAMPAIGN, "  end: 2010-06-30", "  end: 2014-01-31")
    result = check(make_project(tmp_path, files))
    assert problem_lines(result) == [
        "data/campaigns/hyves-stage-2010.md:12:13: warning: Hyves closed on 2013-12-02, while this campaign still ran",
    ]
    assert result.exit_code == 0


@pytest.mark.parametrize(("files", "expected"), BROKEN)
def test_broken_fixture_gives_located_errors(tmp_path, files, expected):
    result = check(make_project(tmp_path, files))
    assert problem_lines(result) == expected
    assert result.stderr == '' and result.stdout.splitlines()[-1] == summary(len(expected), 0)
    assert result.exit_code == 1


def test_an_invalid_record_is_not_reported_unknown_where_it_is_named(tmp_path):
    result = check(make_project(tmp_path, edit(LINKEDIN_CAMPAIGN, "status: running", "status: runing")))
    assert problem_lines(result) == [
        "data/campaigns/linkedin-ict-2024.yml:3:9: error: 'runing' is not allowed for 'status'; "
        "choose one of: planned, running, finished, stopped (did you mean 'running'?)",
    ]


def test_a_supersession_cycle_is_reported_once_at_its_first_lesson(tmp_path):
    # The exact wording is checked by the case 'supersession-cycle'.
    files = edit(LISTEN_AND_REPLY, "status: accepted", "status: superseded\nsuperseded_by: luister-eerst")
    result = check(make_project(tmp_path, files))
    [line] = problem_lines(result)
    assert line.startswith("data/lessons/luister-eerst.yml:16:16: error: lessons ")
    assert line.endswith(" each other in a circle: luister-eerst → luister-en-reageer → luister-eerst")
    assert result.exit_code == 1


# --- several problems, warnings, exit codes -----------------------------------------


@pytest.mark.parametrize("processes", [1, 2])
def test_every_problem_is_reported_in_one_run_sorted_by_path_then_line(tmp_path, monkeypatch, request, processes):
    """Also when the records are read by two processes, as a large handbook's are."""
    import generator.records.load

    monkeypatch.setattr(generator.records.load, "PARALLEL_FROM", 1 if processes == 2 else 10**9)
    forks = request.getfixturevalue("forking") if processes == 2 else None
    campaign = fixture_text(LINKEDIN_CAMPAIGN)
    campaign = replace_once(campaign, "knowledge_owner: eva-jansen", "knowledge_owner: eva-jansn")  # line 7, checked last
    campaign = replace_once(campaign, "platforms: [linkedin]", "platforms: [LinkedIn]")  # line 10, validated first
    files = {
        LINKEDIN_CAMPAIGN: campaign,
        **edit(TOM, "successor: eva-jansen", "successor: eva-jansn"),
        **edit(SENT_AGAIN, "title:", "titel:"),
        **edit(HYVES_ACCOUNT, "status: archived", "status: archief"),
    }
    result = check(make_project(tmp_path, files))
    assert problem_lines(result) == [
        "data/accounts/hyves-stage.yml:4:9: error: 'archief' is not allowed for 'status'; "
        "choose one of: active, dormant, archived (did you mean 'archived'?)",
        "data/campaigns/linkedin-ict-2024.yml:7:18: error: unknown person 'eva-jansn' (did you mean 'eva-jansen'?)",
        "data/campaigns/linkedin-ict-2024.yml:10:13: error: unknown platform 'LinkedIn' (did you mean 'linkedin'?)",
        "data/lessons/weer-gezonden.yml:1:1: error: unknown field 'titel' (did you mean 'title'?)",
        "data/people/tom-bakker.yml:5:12: error: unknown person 'eva-jansn' (did you mean 'eva-jansen'?)",
    ]
    assert result.stderr == '' and result.stdout.splitlines()[-1] == summary(5, 0)
    assert result.exit_code == 1
    assert processes == 1 or forks == [True]  # the records were read by two processes


def test_a_warning_is_printed_and_the_check_passes(tmp_path):
    result = check(make_project(tmp_path, edit(HYVES_CAMPAIGN, "    applications: 30", "    applications: 3")))
    assert problem_lines(result) == [
        "data/campaigns/hyves-stage-2010.md:36:12: warning: more hires (6) than applications (3)",
    ]
    assert result.stderr == '' and result.stdout.splitlines()[-1] == summary(0, 1)
    assert result.exit_code == 0


def test_a_warning_next_to_an_error_fails_the_check(tmp_path):
    files = {
        **edit(HYVES_CAMPAIGN, "    applications: 30", "    applications: 3"),
        **edit(SENT_AGAIN, "author: eva-jansen", "author: eva-jansn"),
    }
    result = check(make_project(tmp_path, files))
    assert problem_lines(result) == [
        "data/campaigns/hyves-stage-2010.md:36:12: warning: more hires (6) than applications (3)",
        "data/lessons/weer-gezonden.yml:3:9: error: unknown person 'eva-jansn' (did you mean 'eva-jansen'?)",
    ]
    assert result.stderr == '' and result.stdout.splitlines()[-1] == summary(1, 1)
    assert result.exit_code == 1


def test_unknown_option_is_a_usage_error(tmp_path):
    result = check(make_project(tmp_path), "--stirct")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "Error: No such option '--stirct'. Did you mean '--strict'?"
    assert result.stdout == ""


def test_a_project_without_data_folder(tmp_path):
    result = check(tmp_path)
    assert problem_lines(result) == ["data:1:1: error: there is no folder 'data' with the records"]
    assert result.exit_code == 1


def test_github_actions_annotations(tmp_path):
    files = {
        **edit(HYVES_CAMPAIGN, "    applications: 30", "    applications: 3"),
        **edit(SENT_AGAIN, "author: eva-jansen", "author: eva-jansn"),
    }
    result = check(make_project(tmp_path, files), env={"GITHUB_ACTIONS": "true"})
    assert problem_lines(result) == [
        "data/campaigns/hyves-stage-2010.md:36:12: warning: more hires (6) than applications (3)",
        "::warning file=data/campaigns/hyves-stage-2010.md,line=36,col=12::more hires (6) than applications (3)",
        "data/lessons/weer-gezonden.yml:3:9: error: unknown person 'eva-jansn' (did you mean 'eva-jansen'?)",
        "::error file=data/lessons/weer-gezonden.yml,line=3,col=9::unknown person 'eva-jansn' "
        "(did you mean 'eva-jansen'?)",
    ]
    assert result.exit_code == 1


# --- load_catalog -----------------------------------------------------------------------


def test_a_record_with_a_bad_optional_field_stays_in_the_catalog(tmp_path):
    problems = Problems()
    project = make_project(tmp_path, edit(LISTEN_FIRST, "review_by: 2012-01-01", "review_by: 1-1-2012"))
    catalog = load_catalog(project, problems, TODAY)
    assert [str(p) for p in problems.items] == [
        "data/lessons/luister-eerst.yml:17:12: error: 'review_by': '1-1-2012' is not a date; "
        "write it as YYYY-MM-DD, for example 2012-03-15"
    ]
    assert catalog is not None
    lesson = catalog.lessons["luister-eerst"].record
    assert lesson.review_by is None
    assert lesson.superseded_by == "luister-en-reageer"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param(
            {TAXONOMY: None},
            ["data/taxonomy.yml:1:1: error: the taxonomy (platforms, channels, scenarios, tags) is missing"],
            id="missing",
        ),
        pytest.param(
            edit(TAXONOMY, "channels:", "kanalen:"),
            [
                "data/taxonomy.yml:9:1: error: unknown field 'kanalen' (did you mean 'channels'?)",
            ],
            id="invalid",
        ),
    ],
)
def test_without_a_valid_taxonomy_there_is_no_catalog(tmp_path, files, expected):
    problems = Problems()
    assert load_catalog(make_project(tmp_path, files), problems, TODAY) is None
    assert [str(p) for p in problems.sorted()] == expected


# --- links and images to the handbook's own pages and files ---------------------


def test_links_and_images_in_record_text_must_lead_to_a_page_or_file_of_the_handbook(tmp_path: Path) -> None:
    """Written as from the record's page (records/lessons/x.md): a record's
    page, a page or file written by hand in handbook/, or an anchor. Anything
    else would be a broken link or image on the site: a located error."""
    from .conftest import copy_project

    project = copy_project(tmp_path / "p")
    (project / "handbook" / "assets" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', "utf-8")
    lesson = project / SENT_AGAIN
    lesson.write_text(lesson.read_text("utf-8") + (
        "body: |\n"
        "  Zie [de vorige les](../lessons/luister-eerst.md#kop), [alle lessen](../lessons/index.md),\n"
        "  [de schrijfwijzer](../../authors.md), [hier](#verhaal) en ![logo](../../assets/logo.svg).\n"
        "\n"
        "  Niet: [weg](../lessons/bestaat-niet.md), [map](../lessons/luister-eerst/),\n"
        "  ![a](../../../../../etc/passwd) [b](/assets/../../etc/passwd) ![c](assets/x.svg)\n"
        "  [d](../people/luister-eerst.md) ![e](../lessons/luister-eerst.md)\n"), "utf-8")
    result = check(project)
    assert result.exit_code == 1
    hint_link = ("which is no page or file of the handbook; link to a record as ../lessons/its-id.md (as from its "
                 "page), to a file in handbook/ as ../../its-name")
    hint_image = ("which is no file of the handbook; put the image in handbook/assets/ and write "
                  "../../assets/its-name.png")
    assert problem_lines(result) == [
        f"{SENT_AGAIN}:14:15: error: 'body' links to '../lessons/bestaat-niet.md', {hint_link}",
        f"{SENT_AGAIN}:14:50: error: 'body' links to '../lessons/luister-eerst/', {hint_link}",
        f"{SENT_AGAIN}:15:8: error: 'body' shows the image '../../../../../etc/passwd', {hint_image}",
        f"{SENT_AGAIN}:15:39: error: 'body' links to '/assets/../../etc/passwd', {hint_link}",
        f"{SENT_AGAIN}:15:70: error: 'body' shows the image 'assets/x.svg', {hint_image}",
        f"{SENT_AGAIN}:16:7: error: 'body' links to '../people/luister-eerst.md', {hint_link}",
        f"{SENT_AGAIN}:16:40: error: 'body' shows the image '../lessons/luister-eerst.md', {hint_image}",
    ]


def test_a_problem_found_twice_is_one_line_and_one_count(capsys) -> None:
    """Two hidden links of one field are both reported where the field
    starts: one line, and the count says what was printed."""
    from generator.authors.output import report_problems
    from generator.words.problems import Problems

    problems = Problems()
    for _ in range(2):
        problems.error("data/lessons/x.md", 9, 3, "has a link to a 'javascript:' address")
    problems.warning("data/lessons/x.md", 2, 1, "a warning")
    report_problems(problems, annotate=False)
    assert capsys.readouterr().out.splitlines() == [
        "data/lessons/x.md:2:1: warning: a warning",
        "data/lessons/x.md:9:3: error: has a link to a 'javascript:' address",
        summary(1, 1)]
