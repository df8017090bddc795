"""The engine plugin reads generated pages without Python-Markdown: what it
gives the theme must be exactly what Python-Markdown would have given, on
every generated page, and anything outside the subset must go the long way."""

from __future__ import annotations

import functools
import re
import shutil
from pathlib import Path

import frontmatter
import markdown
import pytest

from generator.site.plugin import NotPlain, Permalink, render_generated

from .conftest import EXAMPLE_DATA, FIXTURE_EPOCH, copy_project

PERMALINK = Permalink.of({"permalink": True})


def _python_markdown(text: str, project: Path) -> tuple[str, list]:
    """What Python-Markdown makes of `text`, with a new converter (as MkDocs
    makes one for each page) and the extensions of the project's mkdocs.yml."""
    extensions, configs = _extensions(project / "mkdocs.yml")
    md = markdown.Markdown(extensions=extensions, extension_configs=configs)
    return md.convert(text), md.toc_tokens


@functools.cache
def _extensions(config_file: Path) -> tuple[list[str], dict]:
    """The Markdown extensions of a mkdocs.yml and their options, read once."""
    import yaml

    config = yaml.load(config_file.read_text("utf-8"), Loader=yaml.SafeLoader)
    extensions, configs = [], {}
    for item in config["markdown_extensions"]:
        name, options = (item, {}) if isinstance(item, str) else next(iter(item.items()))
        if name != "pymdownx.snippets":  # it reads files; generated pages hold no snippet marker
            extensions.append(name)
            configs[name] = options or {}
    return extensions, configs


def _same(html: str) -> str:
    return re.sub(r">\s+<", "><", html.strip())


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_generated_page_reads_the_same_as_with_python_markdown(request: pytest.FixtureRequest,
                                                                     language: str) -> None:
    """Every page the example handbook's build generated, in either language."""
    project = request.getfixturevalue(f"example_{language}")
    pages = sorted((project / "handbook" / "records").rglob("*.md"))
    assert len(pages) > 80
    for page in pages:
        text = frontmatter.loads(page.read_text("utf-8")).content
        fast = render_generated(text, PERMALINK)  # NotPlain here fails the test: every page is in the subset
        html, tokens = _python_markdown(text, project)
        assert _same(fast.html) == _same(html), page
        assert fast.tokens == tokens, page


@pytest.mark.parametrize("text", [
    "# Title\n\nA paragraph of Markdown.\n",  # not an HTML block
    "# Title\n\n<span>inline</span>\n",  # an inline tag: Python-Markdown wraps it in <p>
    "# *Emphasis* in a title\n",
    "# Title\n\n<div>\n<p>x</p>\n",  # a block that does not end where it began
    "## Q&A\n",  # a bare & that Python-Markdown would escape
    "## Title ##\n",  # a closing sequence
])
def test_anything_outside_the_subset_goes_through_python_markdown(text: str) -> None:
    with pytest.raises(NotPlain):
        render_generated(text, PERMALINK)


def test_ids_given_by_hand_are_kept_and_made_ids_avoid_them() -> None:
    text = "# T\n\n## Doelgroep\n\n## Doelgroep { #doelgroep_1 }\n\n## Doelgroep\n"
    fast = render_generated(text, PERMALINK)
    html, tokens = _python_markdown(text, Path(__file__).resolve().parent.parent)
    assert _same(fast.html) == _same(html)
    assert [t["id"] for t in tokens[0]["children"]] == ["doelgroep", "doelgroep_1", "doelgroep_2"]
    assert fast.tokens == tokens


def test_other_toc_settings_make_the_plugin_step_aside() -> None:
    assert Permalink.of({"permalink": True, "toc_depth": 2}) is None
    assert Permalink.of({"permalink": "#"}).symbol == "#"
    assert Permalink.of({}).symbol is None


def _without_site(project: Path, target: Path) -> Path:
    """A copy of a built project with its generated pages, without its site."""
    return Path(shutil.copytree(project, target, ignore=lambda folder, names: ["site"] if Path(folder) == project else []))


@pytest.mark.slow
def test_the_navigation_reused_across_a_folder_is_the_one_the_theme_renders(example_nl: Path, tmp_path: Path,
                                                                             monkeypatch) -> None:
    """Every page of the example site is byte for byte the same whether the
    navigation is rendered for each page or reused within a folder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    project = _without_site(example_nl, tmp_path / "p")  # the pages its build generated
    (project / "plain.yml").write_text(
        "INHERIT: mkdocs.yml\nplugins:\n  - handbook:\n      reuse_navigation: false\n", "utf-8")
    monkeypatch.chdir(project)
    built = {}
    for name, config_file in (("reused", "mkdocs.yml"), ("plain", "plain.yml")):
        config = load_config(config_file, site_dir=str(tmp_path / name))
        build(config)
        built[name] = config.plugins["handbook"].navigation.rendered
    assert len(built["reused"]) >= 5  # a navigation per folder of records: reuse really happened
    assert built["plain"] == {}
    reused = sorted(p.relative_to(tmp_path / "reused") for p in (tmp_path / "reused").rglob("*") if p.is_file())
    plain = sorted(p.relative_to(tmp_path / "plain") for p in (tmp_path / "plain").rglob("*") if p.is_file())
    assert reused == plain and len(reused) > 100
    for path in reused:
        assert (tmp_path / "reused" / path).read_bytes() == (tmp_path / "plain" / path).read_bytes(), path


@pytest.mark.slow
@pytest.mark.parametrize("shares", [2, 3])
def test_a_site_built_by_several_engine_processes_is_the_one_built_by_one(example_nl: Path, tmp_path: Path,
                                                                          monkeypatch, shares: int) -> None:
    """A large site is built by several MkDocs processes at once, each
    writing a share of the pages; the whole `handbook build` (its audit, its
    search index, its policy) gives the same site, byte for byte, as one
    process does: the example handbook's own build, which one process made
    (it has fewer pages than ENGINE_SPLIT_FROM)."""
    from generator import build, engine

    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    assert len(list((example_nl / "handbook" / "records").rglob("*"))) < engine.ENGINE_SPLIT_FROM
    project = _without_site(example_nl, tmp_path / "p")
    monkeypatch.setattr(engine, "ENGINE_SPLIT_FROM", 0)
    monkeypatch.setattr(engine, "ENGINE_SHARES", shares)
    monkeypatch.setattr(engine, "cores", lambda: 2)
    build.build_site(project, site_dir=tmp_path / "several")
    sites = {name: {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
             for name, folder in (("one", example_nl / "site"), ("several", tmp_path / "several"))}
    assert len(sites["one"]) > 100
    assert sorted(sites["several"]) == sorted(sites["one"])
    for path, content in sites["one"].items():
        assert sites["several"][path] == content, path
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no folder of a share left behind


def test_each_engine_process_writes_its_share_of_the_generated_pages(tmp_path: Path) -> None:
    from mkdocs.structure.files import File, Files

    from generator.site.plugin import pages_elsewhere

    names = ["index.md", "guide.md"] + [f"records/lessons/l{n}.md" for n in range(5)]
    files = Files([File(name, "docs", "site", True) for name in names])
    generated = [f"records/lessons/l{n}.md" for n in range(5)]
    assert pages_elsewhere(files, "") == frozenset()
    assert pages_elsewhere(files, "0/2") == {generated[1], generated[3]}
    assert pages_elsewhere(files, "1/2") == {"index.md", "guide.md", generated[0], generated[2], generated[4]}
    everywhere = [set(names) - pages_elsewhere(files, f"{k}/3") for k in range(3)]
    assert set().union(*everywhere) == set(names) and sum(map(len, everywhere)) == len(names)
    assert pages_elsewhere(files, "2/2") == frozenset() and pages_elsewhere(files, "x") == frozenset()


@pytest.mark.slow
@pytest.mark.parametrize("split_from", [0, 10**9], ids=["two-processes", "one-process"])
def test_every_broken_anchor_fails_the_build_and_is_said_once(tmp_path: Path, monkeypatch, capfd,
                                                                split_from: int) -> None:
    """A page written by hand that links to a missing anchor of every lesson
    is refused, and each broken link is said once; in two engine processes
    each checks the anchors of the pages it writes. (MkDocs' --quiet would
    silence these warnings before --strict counts them.)"""
    from generator import build, engine

    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    monkeypatch.setattr(engine, "ENGINE_SPLIT_FROM", split_from)
    monkeypatch.setattr(engine, "cores", lambda: 2)
    project = copy_project(tmp_path / "p", EXAMPLE_DATA)
    lessons = sorted(path.stem for path in (project / "data" / "lessons").glob("*.yml"))
    assert len(lessons) >= 4
    (project / "handbook" / "verwijzingen.md").write_text(
        "# Verwijzingen\n\n" + "".join(f"- [{name}](records/lessons/{name}.md#nergens)\n" for name in lessons), "utf-8")
    with pytest.raises(build.BuildFailed):
        build.build_site(project, site_dir=tmp_path / "site")
    said = capfd.readouterr().err
    for name in lessons:
        assert said.count(f"'records/lessons/{name}.md#nergens'") == 1, (name, said)
    assert not (tmp_path / "site").exists()
