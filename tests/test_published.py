"""The files beside the records: what the engine may publish from the docs
folder and the theme folder, and the audit of every file of the built site."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.audit import audit_site
from generator.cli import main
from generator.problems import Problems
from generator.published import judge, svg_problem

from .conftest import FIXTURE_EPOCH
from .hostile_files import RUNS_SCRIPT

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
DRAWING = ('<?xml version="1.0" encoding="utf-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
           'xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 20 10" width="20" height="10">\n'
           '<title>Balk</title><defs><linearGradient id="g"><stop offset="0" stop-color="#3f51b5"/>'
           '</linearGradient><path id="p" d="M0 0h1"/></defs>\n'
           '<style>rect { stroke: url(#g) }</style>\n'
           '<rect width="10" height="10" fill="url(#g)" style="opacity: .5"/><use xlink:href="#p"/>'
           '<text x="12" y="8" font-size="6">7</text>\n</svg>\n')


def check(project: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["check", "--language", "en", "--project", str(project)],
                                env={"SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "GITHUB_ACTIONS": None})
    return result.exit_code, result.output.splitlines()


def build(project: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["build", "--language", "en", "--project", str(project)],
                                env={"SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "GITHUB_ACTIONS": None})
    return result.exit_code, result.output.splitlines()


SVG_ELEMENT = ("the SVG image holds <{element}> ({namespace}), which is not a drawing element: an image may hold "
               "shapes, text and colours only, no script, link, embedded page or editor data; export it again as "
               "plain SVG")
DOCUMENT = ("a {type} file is a web page that a browser runs as it is; the handbook does not publish such files: "
            "write a page as .md, an image as .png, .jpg or .svg")
DTD = "the file holds a DTD (<!DOCTYPE …> or <!ENTITY …>), which can hide script; remove it"
REFUSED = {
    "prefixed.svg": "1:78: " + SVG_ELEMENT.format(element="s:script", namespace="http://www.w3.org/2000/svg"),
    "xhtml-script.svg": "1:41: " + SVG_ELEMENT.format(element="script", namespace="http://www.w3.org/1999/xhtml"),
    "entity.svg": "1:15: " + DTD,
    "onload.svg": "1:41: the SVG image's <svg> has the attribute onload, which is not a drawing attribute (event "
                  "handlers and editor data are refused); export it again as plain SVG",
    "upper.SVG": "1:41: " + SVG_ELEMENT.format(element="script", namespace="http://www.w3.org/2000/svg"),
    "page.HTML": "1:1: " + DOCUMENT.format(type=".html"),
    "page.htm": "1:1: " + DOCUMENT.format(type=".htm"),
    "page.xhtml": "1:1: " + DOCUMENT.format(type=".xhtml"),
    "styled.xml": "1:1: " + DOCUMENT.format(type=".xml"),
    "run.xsl": "1:1: " + DOCUMENT.format(type=".xsl"),
}


def test_every_file_a_browser_would_run_is_refused_by_the_check_located(project: Path) -> None:
    """In the docs folder and in the theme folder alike; all at once."""
    assert sorted(REFUSED) == sorted(RUNS_SCRIPT)
    for name, content in RUNS_SCRIPT.items():
        (project / "handbook" / "assets" / name).write_bytes(content)
        (project / "overrides" / name).write_bytes(content)
    code, output = check(project)
    assert code == 1
    expected = sorted(f"{folder}/{name}:{where.split(': ', 1)[0]}: error: {where.split(': ', 1)[1]}"
                      for folder in ("handbook/assets", "overrides") for name, where in REFUSED.items()
                      if not (folder == "overrides" and name.lower().endswith(".html")))
    assert output[:-1] == expected
    assert output[-1] == f"{len(expected)} error(s), 0 warning(s)"


@pytest.mark.parametrize(("name", "content", "message"), [
    ("photo.png", b"<html><script>alert(1)</script>",
     "this file is not what its name says: a .png file starts differently; save it again as .png"),
    ("LICENSE", b"x", "the handbook does not publish name-without-extension files: only pages (.md), images (.png, "
                      ".jpg, .gif, .webp, .svg), PDFs, fonts, style sheets (.css) and text (.txt)"),
    ("data.json", b"{}", "the handbook does not publish .json files: only pages (.md), images (.png, .jpg, .gif, "
                         ".webp, .svg), PDFs, fonts, style sheets (.css) and text (.txt)"),
    ("extra.js", b"alert(1)", "a .js file is a script; the site runs only the theme's scripts and those named under "
                              "extra_javascript in mkdocs.yml"),
    ("page.MD", b"# x", "the handbook does not publish .md files: only pages (.md), images (.png, .jpg, .gif, "
                        ".webp, .svg), PDFs, fonts, style sheets (.css) and text (.txt)"),
    ("far.svg", b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
                b'  <use xlink:href="https://evil.invalid/a.svg#x"/></svg>',
     "the SVG image's xlink:href points at https://evil.invalid/a.svg#x; an image may only point inside itself "
     "('#id')"),
    ("styled.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill: url(//evil.invalid/p.png)"/></svg>',
     "the SVG image's style loads or runs something (fill: url(//evil.invalid/p.png)); an image may only point "
     "inside itself ('url(#id)')"),
    ("sheet.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import "//evil.invalid/a.css";</style></svg>',
     "the SVG image's <style> loads or runs something; an image may only point inside itself"),
    ("inkscape.svg", b'<svg xmlns="http://www.w3.org/2000/svg" '
                     b'xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd">'
                     b'<sodipodi:namedview/></svg>',
     "the SVG image holds <sodipodi:namedview> (http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd), which is not "
     "a drawing element: an image may hold shapes, text and colours only, no script, link, embedded page or editor "
     "data; export it again as plain SVG"),
    ("object.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>',
     "the SVG image holds <foreignObject> (http://www.w3.org/2000/svg), which is not a drawing element: an image "
     "may hold shapes, text and colours only, no script, link, embedded page or editor data; export it again as "
     "plain SVG"),
    ("broken.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>',
     "the file cannot be read as an SVG image (mismatched tag); export it again"),
])
def test_files_not_of_a_published_kind_are_refused(project: Path, name: str, content: bytes, message: str) -> None:
    (project / "handbook" / "assets" / name).write_bytes(content)
    code, output = check(project)
    assert code == 1
    assert len(output) == 2 and output[0].startswith(f"handbook/assets/{name}:")
    assert output[0].split(": error: ", 1)[1] == message


def test_drawings_images_documents_and_text_are_published(project: Path) -> None:
    files = {"chart.svg": DRAWING.encode(), "Photo.PNG": PNG, "guide.pdf": b"%PDF-1.7\n", "notes.txt": b"x",
             "print.css": b"body { background: url(chart.svg) }", "font.woff2": b"wOF2\x00"}
    for name, content in files.items():
        (project / "handbook" / "assets" / name).write_bytes(content)
    assert check(project)[0] == 0
    code, output = build(project)
    assert code == 0, output
    site = project / "site" / "assets"
    assert {name: (site / name).read_bytes() for name in files} == files


def test_nothing_outside_the_repository_is_published(project: Path, tmp_path: Path) -> None:
    """Links to the machine's files and to the clone's git configuration, a
    linked folder, a hard link and a pipe: refused in both folders, and the
    build fails without replacing the site."""
    assert build(project)[0] == 0
    before = {path: path.read_bytes() for path in (project / "site").rglob("*") if path.is_file()}
    secret = tmp_path / "secret.txt"
    secret.write_text("token", "utf-8")
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text("[http]\n\textraheader = AUTHORIZATION: basic x\n", "utf-8")
    os.symlink("/etc/passwd", project / "overrides" / "passwd.txt")
    os.symlink("/proc/self/environ", project / "overrides" / "environ.txt")
    os.symlink("../.git/config", project / "overrides" / "config.css")
    os.symlink(tmp_path, project / "handbook" / "assets" / "elsewhere")
    os.link(secret, project / "handbook" / "assets" / "secret.txt")
    os.mkfifo(project / "handbook" / "assets" / "pipe.png")
    os.mkfifo(project / "handbook" / "pipe.md")  # a page that is never read to its end
    code, output = check(project)
    link = "this is a symbolic link; the handbook publishes real files only"
    assert output == [
        f"handbook/assets/elsewhere:1:1: error: {link}",
        "handbook/assets/pipe.png:1:1: error: this is not a plain file (a pipe, socket or device); the handbook "
        "publishes plain files only",
        "handbook/assets/secret.txt:1:1: error: this file is a hard link (2 names for one file, perhaps one outside "
        "the repository); put a copy here instead",
        "handbook/pipe.md:1:1: error: this is not a plain file (a pipe, socket or device); the handbook publishes "
        "plain files only",
        f"overrides/config.css:1:1: error: {link}",
        f"overrides/environ.txt:1:1: error: {link}",
        f"overrides/passwd.txt:1:1: error: {link}",
        "7 error(s), 0 warning(s)",
    ]
    assert code == 1
    code, output = build(project)
    assert code == 1 and output[-1].startswith("build failed:")
    assert {path: path.read_bytes() for path in (project / "site").rglob("*") if path.is_file()} == before


def test_paths_named_in_mkdocs_yml_stay_in_the_repository(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "theme"
    outside.mkdir()
    shutil.move(project / "overrides", outside / "overrides")
    os.symlink(outside / "overrides", project / "overrides")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "  - assets/javascripts/handbook.js", "  - assets/javascripts/handbook.js\n  - https://cdn.invalid/a.js"),
        "utf-8")
    code, output = check(project)
    assert output == [
        "mkdocs.yml:1:1: error: extra_javascript names https://cdn.invalid/a.js, on another host; the site loads "
        "nothing from elsewhere: put the file in the docs folder",
        "mkdocs.yml:1:1: error: theme.custom_dir leads through the symbolic link overrides; name a real folder or file",
        "overrides:1:1: error: the docs folder is a symbolic link; it must be a real folder",
        "3 error(s), 0 warning(s)",
    ]
    assert code == 1


def test_a_script_in_a_hand_written_page_is_refused_at_its_line(project: Path) -> None:
    """Even the handbook's own script: scripts come from the theme and mkdocs.yml only."""
    (project / "handbook" / "extra.md").write_text(
        "# Extra\n\nTekst.\n\n<script src=\"assets/javascripts/handbook.js\"></script>\n", "utf-8")
    code, output = build(project)
    assert code == 1
    assert output[0] == ("handbook/extra.md:5:1: error: a <script> in the page's own text; scripts come only from "
                         "the theme and from extra_javascript in mkdocs.yml")


def test_the_audit_reads_every_file_of_the_built_site(built_site: Path, tmp_path: Path) -> None:
    """Files put into a built site behind the check's back, under any name."""
    site = tmp_path / "site"
    shutil.copytree(built_site / "site", site)
    for name, content in RUNS_SCRIPT.items():
        (site / "assets" / name).write_bytes(content)
    (site / "assets" / "run").write_bytes(b"<script>alert(1)</script>")
    (site / "records" / "feed.xml").write_bytes(
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
        b'<html:script xmlns:html="http://www.w3.org/1999/xhtml">alert(1)</html:script></feed>')
    os.symlink("/etc/passwd", site / "assets" / "passwd.txt")
    problems = Problems()
    audit_site(site, problems)
    found = {p.path.removeprefix("site/"): p.message for p in problems.sorted()}
    assert sorted(found) == sorted([f"assets/{name}" for name in RUNS_SCRIPT]
                                   + ["assets/run", "assets/passwd.txt", "records/feed.xml"])
    assert found["assets/passwd.txt"] == "this is a symbolic link; the handbook publishes real files only"
    assert found["records/feed.xml"] == ("the XML file holds <html:script> (http://www.w3.org/1999/xhtml), which the "
                                         "site does not write")
    assert found["assets/styled.xml"] == ("the file holds the instruction <?xml-stylesheet?>, which makes a browser "
                                          "run a style sheet over it; remove it")


def test_the_site_s_own_files_pass_the_rules_for_files(built_site: Path) -> None:
    """Charts, the feed, the sitemap, the theme's and the index's files."""
    judged = 0
    for path in sorted((built_site / "site").rglob("*")):
        relative = path.relative_to(built_site / "site").as_posix()
        if path.is_file() and not relative.endswith(".html"):
            assert judge(relative, path.read_bytes(), "site") == [], relative
            judged += 1
    assert judged > 50
    assert svg_problem(DRAWING.encode()) is None


def test_a_character_reference_in_a_title_is_shown_as_written(project: Path) -> None:
    """Never decoded into the tab's title or the header: a direction override
    or an invisible space written as a reference stays visible text."""
    lesson = project / "data" / "lessons" / "weer-gezonden.yml"
    text = lesson.read_text("utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    lesson.write_text(text.replace(title, "title: 'Rechts &#x202E;links&#x200B; &amp; R&D'"), "utf-8")
    code, output = build(project)
    assert code == 0, output
    from selectolax.lexbor import LexborHTMLParser

    page = LexborHTMLParser((project / "site/records/lessons/weer-gezonden/index.html").read_text("utf-8"))
    shown = "Rechts &#x202E;links&#x200B; &amp; R&D"
    assert page.css_first("title").text() == f"{shown} - Wervingshandboek"
    assert page.css_first("h1").text().rstrip("¶") == shown
    assert [node.text(strip=True) for node in page.css(".md-header__topic .md-ellipsis")][-1] == shown


def test_a_snippet_from_outside_the_docs_folder_is_not_read_and_no_traceback_is_shown(project: Path) -> None:
    (project / "handbook" / "extra.md").write_text('# Extra\n\n--8<-- "../mkdocs.yml"\n', "utf-8")
    code, output = build(project)
    assert code == 1
    assert output == [
        "ERROR   -  Error reading page 'extra.md': Snippet at path '../mkdocs.yml' could not be found",
        "build failed: mkdocs build --strict failed (see its messages above); the previous site is left as it was",
    ]
