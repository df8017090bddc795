"""The files beside the records: what the engine may publish from the docs
folder and the theme folder, and the audit of every file of the built site."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.site.audit import audit_site
from generator.cli import main
from generator.words.problems import Problems
from generator.project.published import judge, svg_problem

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
DTD = ("the file declares its own DTD or entities (<!DOCTYPE … [ … ]> or <!ENTITY …>), where a script can hide; "
       "save the image again without them (as 'plain SVG')")
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
    ("xhtml-attribute.svg", b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml">'
                            b'<rect h:onclick="alert(1)"/></svg>',
     "the SVG image's <rect> has the attribute h:onclick, which is not a drawing attribute (event handlers and "
     "editor data are refused); export it again as plain SVG"),
    ("photo-elsewhere.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.invalid/p.png"/></svg>',
     "the SVG image's href points at https://evil.invalid/p.png; an image may only point inside itself ('#id')"),
    ("escaped.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><style>rect{fill:\\75 rl(//evil.invalid/p.png)}</style>'
                    b'</svg>',
     "the SVG image's <style> loads or runs something; an image may only point inside itself"),
    ("own-dtd.svg", b'<!DOCTYPE svg [<!ATTLIST svg onload CDATA "alert(1)">]><svg xmlns="http://www.w3.org/2000/svg"/>',
     DTD),
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


def test_nothing_outside_the_repository_is_published(built_project: Path, tmp_path: Path) -> None:
    """Links to the machine's files and to the clone's git configuration, a
    linked folder, a hard link and a pipe: refused in both folders, and the
    build fails without replacing the site (the one the project was built with)."""
    project = built_project
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
    """Never decoded into the tab's title or the header: a reference stays
    the text it is (one to an invisible character is refused, above)."""
    lesson = project / "data" / "lessons" / "weer-gezonden.yml"
    text = lesson.read_text("utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    lesson.write_text(text.replace(title, "title: 'Rechts &#x41;links&lt;b&gt; &amp; R&D'"), "utf-8")
    code, output = build(project)
    assert code == 0, output
    from selectolax.lexbor import LexborHTMLParser

    page = LexborHTMLParser((project / "site/records/lessons/weer-gezonden/index.html").read_text("utf-8"))
    shown = "Rechts &#x41;links&lt;b&gt; &amp; R&D"
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


DRAWING_PROGRAMS = {
    # draw.io: the standard's document type line, pointer-events.
    "drawio.svg": b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
                  b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg xmlns="http://www.w3.org/2000/svg" '
                  b'version="1.1" width="61px" height="41px" viewBox="-0.5 -0.5 61 41"><g><rect x="0" y="0" '
                  b'width="60" height="40" fill="#ffffff" stroke="#000000" pointer-events="all"/></g></svg>',
    # Inkscape: its own namespaces, and RDF metadata.
    "inkscape.svg": b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/'
                    b'inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" '
                    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" sodipodi:docname="a.svg">'
                    b'<sodipodi:namedview inkscape:zoom="1"/><metadata><rdf:RDF/></metadata>'
                    b'<g inkscape:label="Laag 1" inkscape:groupmode="layer"><circle r="4"/></g></svg>',
    # Illustrator's export: data- attributes; Figma: a photo inside the drawing.
    "illustrator.svg": b'<svg xmlns="http://www.w3.org/2000/svg" data-name="Laag 1" viewBox="0 0 10 10">'
                       b'<rect data-name="balk" width="4" height="4" focusable="false"/></svg>',
    "figma.svg": b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="4">'
                 b'<image width="4" height="4" xlink:href="data:image/png;base64,iVBORw0KGgo="/></svg>',
}


def test_drawings_from_the_usual_drawing_programs_are_published(project: Path) -> None:
    for name, content in DRAWING_PROGRAMS.items():
        (project / "handbook" / "assets" / name).write_bytes(content)
    assert check(project) == (0, ["All is well: 10 records"])


def test_the_top_of_a_hand_written_page_is_plain_text(project: Path) -> None:
    """The theme prints a page's title into the navigation of every page."""
    (project / "handbook" / "extra.md").write_text(
        '---\ntitle: "Bijdragen<script>document.title=1</script>"\ndescription: "a\\x22 onfocus=x"\n'
        "icon: material/account\nsubtitle: ['<a href=\"https://evil.invalid/\">log in</a>']\n---\n\n# Extra\n",
        "utf-8")
    code, output = check(project)
    plain = "at the top of the page holds '{}': the theme shows it on every page as it is written, so write plain " \
            "text here, without < > \" or character references"
    assert output == [
        "handbook/extra.md:2:8: error: 'title' " + plain.format("<"),
        "handbook/extra.md:3:14: error: 'description' " + plain.format('"'),
        "handbook/extra.md:5:11: error: 'subtitle' " + plain.format("<"),
        "3 error(s), 0 warning(s)",
    ]


def test_a_title_in_the_navigation_cannot_make_its_script_the_theme_s(project: Path) -> None:
    """The audit on its own (mkdocs.yml's navigation is not checked as
    pages are): it knows the theme's scripts from the theme's page rendered
    without navigation, so a script in every page's navigation is not one."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "  - authors.md", '  - "Bijdragen<script>document.title=1</script>": authors.md'), "utf-8")
    code, output = build(project)
    assert code == 1
    assert output[-1] == "build failed: the built pages failed the safety audit; the previous site is left as it was"
    refused = [line for line in output[:-2] if "an inline <script> that the theme did not put there" in line]
    assert len(refused) == len(output) - 2 > 30  # every page, and nothing else


def test_invisible_characters_written_as_references_are_refused(project: Path) -> None:
    lesson = project / "data" / "lessons" / "weer-gezonden.yml"
    text = lesson.read_text("utf-8")
    line = next(line for line in text.splitlines() if line.startswith("what_happened:"))
    lesson.write_text(text.replace(line, 'what_happened: "abc&#x202E;fed zacht&shy;x nul&#8203;x R&D &amp;"'), "utf-8")
    (project / "handbook" / "notes.txt").write_text("Bel&shy; ons\n", "utf-8")
    (project / "handbook" / "extra.md").write_text("# Extra\n\nzacht&shyx\n", "utf-8")
    code, output = check(project)
    number = text.splitlines().index(line) + 1
    said = "is written here as a character reference; remove it (it can change how the text is shown or read)"
    assert output == [
        f"data/lessons/weer-gezonden.yml:{number}:20: error: an invisible control character (U+202E RIGHT-TO-LEFT "
        f"OVERRIDE) {said}",
        f"data/lessons/weer-gezonden.yml:{number}:37: error: an invisible character (U+00AD SOFT HYPHEN) {said}",
        f"data/lessons/weer-gezonden.yml:{number}:47: error: an invisible character (U+200B ZERO WIDTH SPACE) {said}",
        f"handbook/extra.md:3:6: error: an invisible character (U+00AD SOFT HYPHEN) {said}",
        f"handbook/notes.txt:1:4: error: an invisible character (U+00AD SOFT HYPHEN) {said}",
        "5 error(s), 0 warning(s)",
    ]


def test_files_put_in_git_in_the_generator_s_folder_are_refused(project: Path) -> None:
    import subprocess

    (project / "handbook" / "records" / "extra").mkdir(parents=True)
    (project / "handbook" / "records" / "extra" / "page.md").write_text("# Extra\n", "utf-8")
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "add", "-f", "handbook/records/extra/page.md"], cwd=project, check=True)
    assert check(project)[1] == [
        "handbook/records/extra/page.md:1:1: error: this file is in git, but handbook/records is made by the "
        "handbook itself on every build; take it out of git (git rm --cached)",
        "1 error(s), 0 warning(s)",
    ]


def test_a_file_name_with_a_line_break_is_refused_on_one_line(project: Path) -> None:
    (project / "handbook" / "x\n::error title=x::y\n.md").write_text("# X\n", "utf-8")
    assert check(project)[1] == [
        "handbook/x\\n::error title=x::y\\n.md:1:1: error: the file's name holds a control character (a line break, "
        "a tab); rename it",
        "1 error(s), 0 warning(s)",
    ]


@pytest.mark.parametrize(("added", "said"), [
    ('x: !!python/object/apply:os.system ["touch ran"]\n',
     "mkdocs.yml:{added}:1: error: a '!!python' tag makes a Python object, and runs code while the settings "
     "are read; write plain values"),
    ('x: !<tag:yaml.org,2002:%70ython/object/apply:os.system> ["touch ran"]\n',
     "mkdocs.yml:{added}:1: error: a '!!python' tag makes a Python object, and runs code while the settings are read; "
     "write plain values"),
    ("hooks:\n  - /tmp/hook.py\n",
     "mkdocs.yml:1:1: error: hooks names /tmp/hook.py, which is outside the repository; the handbook publishes only "
     "files of the repository"),
])
def test_mkdocs_yml_runs_no_code_from_elsewhere_while_it_is_read(project: Path, added: str, said: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text + added, "utf-8")
    code, output = check(project)
    # the line the tag was added on: the first after the project's own settings
    assert (code, output) == (1, [said.replace("{added}", str(text.count("\n") + 1)), "1 error(s), 0 warning(s)"])
    assert not (project / "ran").exists()


@pytest.mark.parametrize(("old", "new", "said"), [
    ("base_path: [handbook]", "base_path: [handbook, .]",
     "mkdocs.yml:1:1: error: pymdownx.snippets' base_path . lies outside the docs folder; a page may include only "
     "files of the docs folder"),
    ("check_paths: true", "check_paths: true\n      url_download: true",
     "mkdocs.yml:1:1: error: pymdownx.snippets' url_download would let a page include text from another host; the "
     "handbook loads nothing from elsewhere"),
])
def test_a_page_includes_only_files_of_the_docs_folder(project: Path, old: str, new: str, said: str) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(old, new), "utf-8")
    assert check(project) == (1, [said, "1 error(s), 0 warning(s)"])


def test_a_hand_written_page_that_is_not_utf_8_is_said_by_the_check(project: Path) -> None:
    (project / "handbook" / "latin.md").write_bytes(b"# Caf\xe9\n")
    assert check(project)[1] == [
        "handbook/latin.md:1:6: error: the file is not UTF-8 text (byte 0xe9 here); save it as UTF-8",
        "1 error(s), 0 warning(s)",
    ]


@pytest.mark.parametrize("sheet", [
    b'body{background-image:url("https://evil.invalid/a\'b.png")}',
    b'.a{background-image:image-set("https://evil.invalid/i.png" 1x)}',
])
def test_a_style_sheet_s_every_way_to_name_an_address_is_read(sheet: bytes) -> None:
    assert [refusal.message.split(" loads ")[0] for refusal in judge("a.css", sheet, "docs")] == ["the style sheet"]
