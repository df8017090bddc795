"""The engine plugin reads generated pages without Python-Markdown: what it
gives the theme must be exactly what Python-Markdown would have given, on
every generated page, and anything outside the subset must go the long way."""

from __future__ import annotations

import re
from pathlib import Path

import frontmatter
import markdown
import pytest

from generator.build import generate_pages
from generator.plugin import NotPlain, Permalink, render_generated
from generator.settings import read_settings

from .conftest import EXAMPLE_DATA, FIXTURE_EPOCH, copy_project

PERMALINK = Permalink.of({"permalink": True})


def _python_markdown(text: str, project: Path) -> tuple[str, list]:
    settings = read_settings(project)
    del settings  # the extensions are those of the project's mkdocs.yml, read below
    import yaml

    config = yaml.load((project / "mkdocs.yml").read_text("utf-8"), Loader=yaml.SafeLoader)
    extensions, configs = [], {}
    for item in config["markdown_extensions"]:
        name, options = (item, {}) if isinstance(item, str) else next(iter(item.items()))
        if name != "pymdownx.snippets":  # it reads files; generated pages hold no snippet marker
            extensions.append(name)
            configs[name] = options or {}
    md = markdown.Markdown(extensions=extensions, extension_configs=configs)
    return md.convert(text), md.toc_tokens


def _same(html: str) -> str:
    return re.sub(r">\s+<", "><", html.strip())


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_generated_page_reads_the_same_as_with_python_markdown(tmp_path: Path, monkeypatch, language) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    project = copy_project(tmp_path / "p", EXAMPLE_DATA)
    generate_pages(project, language)
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


def test_the_navigation_reused_across_a_folder_is_the_one_the_theme_renders(tmp_path: Path, monkeypatch) -> None:
    """Every page of the example site is byte for byte the same whether the
    navigation is rendered for each page or reused within a folder."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    project = copy_project(tmp_path / "p", EXAMPLE_DATA)
    generate_pages(project)
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
