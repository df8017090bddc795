"""Hostile and broken input: every hazard is a located error, nothing runs,
nothing is written, and a good site is never replaced by a bad one.

Each case of the corpus runs the real `handbook build` on the fixture project
with one file changed, and asserts the exact message, exit code 1 and that
neither generated pages nor a site were written.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import in_english
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.records.load import load_catalog

from .conftest import TODAY
from generator.cli import main
from generator.words.problems import Problems
from generator.project.write import GeneratedTree, WriteRefused

from .conftest import FIXTURE_EPOCH, ROOT, copy_project

LESSON = "data/lessons/weer-gezonden.yml"
LESSON_TEXT = (ROOT / "tests/fixtures/data/lessons/weer-gezonden.yml").read_text("utf-8")


def lesson_with(**fields: str) -> str:
    """The fixture lesson with some fields replaced (values as raw YAML)."""
    lines = [line for line in LESSON_TEXT.splitlines() if line.split(":")[0] not in fields]
    return "\n".join(lines + [f"{key}: {value}" for key, value in fields.items()]) + "\n"


def build(project: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, in_english(["build", "--project", str(project)]), env={"SOURCE_DATE_EPOCH": FIXTURE_EPOCH})
    return result.exit_code, result.output.splitlines()


CORPUS = [
    pytest.param(
        {LESSON: lesson_with(level="NO")},
        "data/lessons/weer-gezonden.yml:9:8: error: 'NO' is not allowed for 'level'; choose one of: foundation, execution",
        id="yaml-boolean-stays-text",
    ),
    pytest.param(
        {LESSON: lesson_with(date="2024-12-01", review_by="1:20")},
        "data/lessons/weer-gezonden.yml:10:12: error: 'review_by': '1:20' is not a date; write it as YYYY-MM-DD, for example 2012-03-15",
        id="yaml-sexagesimal-stays-text",
    ),
    pytest.param(
        {LESSON: LESSON_TEXT + "title: Nog eens\n"},
        "data/lessons/weer-gezonden.yml:10:1: error: field 'title' is given twice (first on line 1); keep one",
        id="duplicate-key",
    ),
    pytest.param(
        {LESSON: LESSON_TEXT.replace("author: eva-jansen", "author: &a eva-jansen") + "lesson2: *a\n"},
        "data/lessons/weer-gezonden.yml:3:9: error: '&a' marks a part of the file for repeating (a YAML anchor); remove it",
        id="anchor",
    ),
    pytest.param(
        {LESSON: "a: &x [1]\nb: [*x, *x, *x, *x, *x, *x, *x, *x, *x]\n"},
        "data/lessons/weer-gezonden.yml:2:5: error: '*x' repeats another part of the file (a YAML alias); write the value out in full",
        id="alias-expansion",
    ),
    pytest.param(
        {LESSON: LESSON_TEXT.replace("level: execution", "level: !!python/object/apply:os.system [ls]")},
        "data/lessons/weer-gezonden.yml:5:8: error: '!!python/object/apply:os.system' is a YAML type tag; records hold plain values only, remove it",
        id="python-tag",
    ),
    pytest.param(
        {LESSON: "a: " + "[" * 50 + "]" * 50 + "\n"},
        "data/lessons/weer-gezonden.yml:1:27: error: the fields are nested more than 24 levels deep; records are never this deep",
        id="nesting-depth",
    ),
    pytest.param(
        {LESSON: "title: " + "x" * 1_000_001 + "\n"},
        "data/lessons/weer-gezonden.yml:1:1: error: the file is larger than 1,000,000 bytes; a record is never this long",
        id="file-size",
    ),
    pytest.param(
        {LESSON: "title: caf\xe9\n".encode("latin-1")},
        "data/lessons/weer-gezonden.yml:1:11: error: the file is not UTF-8 text (byte 0xe9 here); save it as UTF-8",
        id="not-utf8",
    ),
    pytest.param(
        {LESSON: b"title: a\x00b\n"},
        "data/lessons/weer-gezonden.yml:1:9: error: the file contains a NUL character; is it a binary file?",
        id="nul-byte",
    ),
    pytest.param(
        {"data/lessons/open.md": "---\ntitle: Open\n"},
        "data/lessons/open.md:1:1: error: the fields at the top are not closed: add a line '---' after the last field",
        id="front-matter-unclosed",
    ),
    pytest.param(
        {"data/lessons/lijst.md": "---\n- a\n- b\n---\nTekst\n"},
        "data/lessons/lijst.md:2:1: error: a record must be a set of fields (name: value), not a list",
        id="front-matter-not-a-mapping",
    ),
    pytest.param(
        {"data/lessons/sleutel.md": "---\n[a, b]: c\n---\n"},
        "data/lessons/sleutel.md:2:1: error: a field name must be plain text, not a list",
        id="front-matter-key-not-text",
    ),
    pytest.param(
        {LESSON: lesson_with(author="../../etc/passwd")},
        "data/lessons/weer-gezonden.yml:9:9: error: '../../etc/passwd' is not valid for 'author'; write an id: lower-case letters, digits and single hyphens, such as 'etc-passwd'",
        id="id-that-is-a-path",
    ),
    pytest.param(
        {"data/lessons/Weer-Gezonden.yml": LESSON_TEXT},
        "data/lessons/weer-gezonden.yml:1:1: error: the id 'weer-gezonden' is used twice: here and in data/lessons/Weer-Gezonden.yml; rename one of the files",
        id="name-collision-after-case-folding",
    ),
    pytest.param(
        {LESSON: lesson_with(lesson="'Zie <script>alert(1)</script>'")},
        "data/lessons/weer-gezonden.yml:9:14: error: 'lesson' contains HTML ('<script>'); records hold plain Markdown only (to show < and > as text, write \\< and \\> or put the text in `backticks`)",
        id="raw-html",
    ),
    pytest.param(
        {LESSON: lesson_with(lesson="'[klik](javascript:alert(1))'")},
        "data/lessons/weer-gezonden.yml:9:17: error: 'lesson' has a link to a 'javascript:' address; only http, https and mailto addresses or links within the handbook are allowed",
        id="javascript-link",
    ),
    pytest.param(
        {LESSON: lesson_with(lesson="'![x](data:image/svg+xml;base64,PHN2Zz4=)'")},
        "data/lessons/weer-gezonden.yml:9:15: error: 'lesson' has an image from a 'data:' address; the handbook shows only images of its own and loads nothing from other sites",
        id="data-image",
    ),
    pytest.param(
        {LESSON: lesson_with(what_happened="Mail naar kees@example.com voor de cijfers.")},
        "data/lessons/weer-gezonden.yml:9:26: error: 'what_happened' contains an email address ('kees@example.com'); contact details belong only in a person's 'email' and 'phone' fields: name the person by their id instead",
        id="email-in-lesson",
    ),
    pytest.param(
        {LESSON: lesson_with(body="'Mail jan@example.com'")},
        "data/lessons/weer-gezonden.yml:10:13: error: 'body' contains an email address ('jan@example.com'); contact details belong only in a person's 'email' and 'phone' fields: name the person by their id instead",
        id="email-in-quoted-body-field",
    ),
    pytest.param(
        {LESSON: lesson_with(what_happened="Bel 06-12345678 voor de cijfers.")},
        "data/lessons/weer-gezonden.yml:9:20: error: 'what_happened' contains a phone number ('06-12345678'); contact details belong only in a person's 'email' and 'phone' fields: name the person by their id instead",
        id="phone-in-lesson",
    ),
]


@pytest.mark.parametrize(("files", "message"), CORPUS)
def test_hazard_is_a_located_error_and_nothing_is_written(project: Path, files: dict, message: str) -> None:
    for name, content in files.items():
        target = project / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, "utf-8")
    code, output = build(project)
    assert code == 1
    assert message in output
    assert not (project / "handbook" / "records").exists()
    assert not (project / "site").exists()


@pytest.mark.parametrize("text", [
    "Op 15-03-2012 1030 uur begon de campagne.",
    "Bereik 12.000, kosten 2012-03-01 tot 0,5 procent.",
    "Zie 1-0612345678 niet als nummer.",
])
def test_dates_and_figures_are_not_taken_for_phone_numbers(project: Path, text: str) -> None:
    (project / LESSON).write_text(lesson_with(what_happened=f"'{text}'"), "utf-8")
    problems = Problems()
    load_catalog(project, problems, TODAY)
    assert [str(p) for p in problems.items] == []


@pytest.mark.parametrize("where", ["data/lessons/link.yml", "handbook/link.md"])
def test_symbolic_links_are_refused(project: Path, where: str) -> None:
    (project / where).symlink_to("/etc/passwd")
    code, output = build(project)
    assert code == 1
    assert any(line.startswith(f"{where}:1:1: error: this is a symbolic link") for line in output)
    assert not (project / "site").exists()


def test_the_writer_refuses_paths_outside_its_folder(tmp_path: Path) -> None:
    tree = GeneratedTree(tmp_path / "records")
    tree.open()
    for path in ("../escape.md", "/etc/passwd", "a/../../b.md", ".hidden.md"):
        with pytest.raises(WriteRefused):
            tree.write(path, "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["records"]


def test_generation_never_overwrites_a_file_it_did_not_write(project: Path) -> None:
    hand_written = project / "handbook" / "records" / "campaigns" / "hyves-stage-2010.md"
    hand_written.parent.mkdir(parents=True)
    hand_written.write_text("mijn eigen pagina\n", "utf-8")
    code, output = build(project)
    assert code == 1
    assert hand_written.read_text("utf-8") == "mijn eigen pagina\n"
    assert "holds files the generator did not write" in output[-1]


def test_record_text_is_shown_as_text_never_run(project: Path) -> None:
    (project / LESSON).write_text(lesson_with(
        title="'NO <script>alert(1)</script> {{ 7*7 }} {% raw %}'",
        lesson="'De **les** met {{ config }} en {% include \"x\" %}'",
    ), "utf-8")
    code, output = build(project)
    assert code == 0 and len(output) == 1 and output[0].startswith("site built in site/ (")
    page = (project / "site/records/lessons/weer-gezonden/index.html").read_text("utf-8")
    # Read as a browser reads it: the text is shown, nothing of it became an element.
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(page)
    heading = tree.css_first("h1")
    assert heading.attributes["id"] == "no-scriptalert1script-77-raw"
    assert heading.text().rstrip("¶") == "NO <script>alert(1)</script> {{ 7*7 }} {% raw %}"
    # The tab's title too, written escaped: the text as written, no element.
    assert tree.css_first("title").text() == "NO <script>alert(1)</script> {{ 7*7 }} {% raw %} - Wervingshandboek"
    assert "<title>NO &lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} {% raw %} - Wervingshandboek</title>" in page
    lesson = [node for node in tree.css(".handbook-text p") if node.text().startswith("De les")]
    assert [node.html for node in lesson] == ['<p>De <strong>les</strong> met {{ config }} en {% include "x" %}</p>']
    scripts = [node.text() for node in tree.css("script") if "alert(1)" in node.text()]
    assert scripts == []


def test_the_audit_fails_a_page_with_a_script_the_theme_did_not_put_there(project: Path) -> None:
    (project / "handbook" / "extra.md").write_text("# Extra\n\n<img src=\"x.png\" onerror=\"alert(1)\">\n", "utf-8")
    code, output = build(project)
    assert code == 1
    # Told at its place in the page as written, not in the built page.
    assert output[0] == "handbook/extra.md:3:18: error: <img> has the event handler 'onerror', which runs script"
    assert not (project / "site").exists()


@pytest.mark.slow
def test_killing_a_build_at_any_moment_leaves_the_previous_site_whole(built_project: Path) -> None:
    project = built_project  # the previous site
    env = {**os.environ, "SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "generator", "build", "--project", str(project)]
    site = project / "site"
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    # A changed record, so that every build below would replace the site.
    (project / LESSON).write_text(lesson_with(title="Een nieuwe titel"), "utf-8")
    for delay in (0.2, 0.5, 0.8, 1.1, 1.4, 1.7, 2.0):
        process = subprocess.Popen(command, env=env, start_new_session=True,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
        if after != before:  # the kill came after the swap: the new site is whole
            assert "Een nieuwe titel" in (site / "records/lessons/weer-gezonden/index.html").read_text("utf-8")
            assert (site / "index.html").is_file() and (site / "pagefind/pagefind-entry.json").is_file()
            before = after


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.one_of(
    st.binary(max_size=600),
    st.text(alphabet=st.sampled_from(list("ab: -[]{}&*!|>'\"#\n\t\\~?,%@`0189.\ufeff\x00é")), max_size=300),
))
def test_any_bytes_give_a_record_or_located_errors(tmp_path_factory: pytest.TempPathFactory, content) -> None:
    project = copy_project(tmp_path_factory.mktemp("fuzz") / "p")
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    for name in ("data/lessons/weer-gezonden.yml", "data/campaigns/fuzz.md"):
        (project / name).write_bytes(data if name.endswith(".yml") else b"---\n" + data + b"\n---\n")
    problems = Problems()
    load_catalog(project, problems, TODAY)  # must not raise
    for problem in problems.items:
        assert problem.line >= 1 and problem.col >= 1
        assert problem.path.startswith("data/")
