"""The handbook's MkDocs plugin: generated pages without a second Markdown pass.

The generator writes every page under `records/` in a strict subset of
Markdown: front matter, ATX headings on a line of their own after a blank
line (`## text { #id }`, `{ data-pagefind-ignore }` or both, the text plain
or as character references), and blocks of HTML that begin with a
block-level tag and hold no blank line.
Python-Markdown would parse all that HTML once more, which was about half of
the engine's time; this plugin reads the subset directly and hands MkDocs the
same HTML, table of contents, title and anchors (`tests/test_plugin.py`
compares the two on every generated page).

A page that strays from the subset in any way, and every page written by
hand, goes through Python-Markdown as always; so does everything when the
`toc` extension is set up in a way this reader does not follow. Engines that
do not run MkDocs plugins (Zensical) build the same files as Markdown.

The theme renders its whole navigation into every page. For a page that is
not in the navigation nothing in it is marked as the current one, and its
links, relative to the page, are the same for every page in one folder: the
plugin renders it once per folder and hands the theme that HTML for the
others (`reuse_navigation`; `tests/test_plugin.py` builds the example site
with and without and compares every page byte for byte).
"""

from __future__ import annotations

import atexit
import html
import logging
import os
import posixpath
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from jinja2 import ChoiceLoader, DictLoader, Environment, TemplateNotFound
from jinja2.runtime import Context
from mkdocs.config import config_options
from mkdocs.config.base import Config

from markdown.extensions.toc import nest_toc_tokens, slugify, unique
from markdown.util import BLOCK_LEVEL_ELEMENTS
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .policy import inline_scripts, policy_element, script_hash, with_policy
from .search import PREVIEW_SEARCH, PreviewSearch
from .render import message_html
from ..project.settings import ENGINE_SHARE, GENERATED, PREVIEW_NOTICE, THEME_REFERENCE

# A heading: its text, and attr_list's braces with an id, `data-pagefind-ignore`
# (the handbook's own words, left out of search), or both.
_HEADING = re.compile(r"(#{1,6}) (?P<text>[^\n]*?)"
                      r"(?: \{(?=[^}]*\S \}$)(?: #(?P<id>[A-Za-z0-9_-]+))?(?P<ignore> data-pagefind-ignore)? \})?")
# Heading text Python-Markdown leaves as it is: no inline syntax, and '&' only
# as the start of a character reference.
_PLAIN = re.compile(r"(?:[^*_`<>\[\]\\!{}&~^=|#]|&#\d{1,7};|&#x[0-9A-Fa-f]{1,6};|&[A-Za-z]{2,31};)*")
_BLOCK_START = re.compile(r"<([a-z][a-z0-9]*)[\s>/]")
_ID = re.compile(r'\sid="([^"<>]*)"')
# The toc settings this reader follows; any other makes it step aside.
_TOC_KEYS = frozenset({"permalink", "permalink_title", "permalink_class"})


class NotPlain(Exception):
    """The page strays from the generated subset: Python-Markdown reads it."""


@dataclass(frozen=True)
class Permalink:
    symbol: str | None  # None: no permalinks
    title: str
    css: str

    @classmethod
    def of(cls, config: dict[str, Any]) -> Permalink | None:
        """The permalink settings of the toc extension, or None when the toc
        is set up in a way this reader does not follow."""
        if not set(config) <= _TOC_KEYS:
            return None
        permalink = config.get("permalink", False)
        if permalink is True:
            symbol: str | None = "&para;"
        elif isinstance(permalink, str) and permalink:
            symbol = html.escape(permalink, quote=False)
        elif permalink in (False, None, ""):
            symbol = None
        else:
            return None
        return cls(symbol, str(config.get("permalink_title", "Permanent link")),
                   str(config.get("permalink_class", "headerlink")))


@dataclass
class Rendered:
    html: str
    tokens: list[dict[str, Any]]
    ids: set[str]
    title: str | None


def render_generated(markdown: str, permalink: Permalink) -> Rendered:
    """The HTML of a generated page's Markdown (front matter already taken
    off), as Python-Markdown with attr_list and toc would write it; NotPlain
    when the text strays from the subset."""
    out: list[str] = []
    tokens: list[dict[str, Any]] = []
    blocks = re.split(r"\n[ \t]*\n", markdown.strip("\n"))
    # As the toc extension does: ids given by hand are taken before any is made.
    used = {m["id"] for b in blocks if b.startswith("#") and (m := _HEADING.fullmatch(b.strip("\n"))) and m["id"]}
    title = None
    for block in blocks:
        block = block.strip("\n")
        if not block.strip():
            continue
        if block.startswith("#"):
            match = _HEADING.fullmatch(block)
            if match is None or not _PLAIN.fullmatch(match["text"]) or not match["text"].strip():
                raise NotPlain(block[:80])
            level, text = len(match.group(1)), match["text"].strip()
            name = html.unescape(text)
            ident = match["id"] or unique(slugify(name, "-"), used)
            link = (f'<a class="{permalink.css}" href="#{ident}" title="{html.escape(permalink.title)}">'
                    f"{permalink.symbol}</a>" if permalink.symbol is not None else "")
            ignore = " data-pagefind-ignore" if match["ignore"] else ""
            out.append(f'<h{level}{ignore} id="{ident}">{text}{link}</h{level}>')
            tokens.append({"level": level, "id": ident, "name": text, "html": text, "data-toc-label": "",
                           "children": []})
            if level == 1 and title is None:
                title = name
            continue
        start = _BLOCK_START.match(block)
        if start is None or start.group(1) not in BLOCK_LEVEL_ELEMENTS:
            raise NotPlain(block[:80])
        tag = start.group(1)
        if not block.endswith(f"</{tag}>") and tag != "hr":
            raise NotPlain(block[-80:])
        out.append(block)
    ids = used | set(_ID.findall("\n".join(out)))
    return Rendered("\n".join(out), nest_toc_tokens(tokens), ids, title)


class GeneratedPage(Page):
    """A page under the generated folder: read as the subset when it is one."""

    permalink: Permalink | None = None
    # Written by another engine process (`pages_elsewhere`): its title comes
    # from its front matter, and the links to its anchors are checked by
    # the process that writes it (MkDocs skips a page without anchors read).
    elsewhere: bool = False

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.elsewhere:
            self.content, self.toc = "", get_toc([])
            return None
        if self.markdown is None or self.permalink is None:
            return super().render(config, files)
        try:
            rendered = render_generated(self.markdown, self.permalink)
        except NotPlain:
            return super().render(config, files)
        self.content = rendered.html
        self.toc = get_toc(rendered.tokens)
        self._title_from_render = rendered.title
        self.present_anchor_ids = rendered.ids
        self.links_to_anchors = {}


# The theme's template of the navigation (Material's partials/nav.html).
NAVIGATION_TEMPLATE = "partials/nav.html"


class ReusedNavigation:
    """The navigation's HTML for pages outside it, rendered once per folder."""

    def __init__(self, nav: Navigation) -> None:
        self.nav = nav
        self.in_nav = {page.file.src_uri for page in nav.pages}
        self.targets = [page.url for page in nav.pages]
        self.rendered: dict[tuple[str, bool], str] = {}
        # The entries that stand for a folder of pages outside the menu
        # ('records/lessons/' for every lesson), longest address first.
        self.sections = sorted((page for page in nav.pages if page.url.endswith("/")),
                               key=lambda page: len(page.url), reverse=True)
        self.marked: Page | None = None

    def section_of(self, page: Page) -> Page | None:
        """The menu entry a page outside the menu belongs to: the one its
        front matter names (`section`: a handover's is "Mensen", its folder
        none), else the entry of the folder it lies in (a lesson's is
        "Lessen"), or None."""
        if page.file.src_uri in self.in_nav or not page.url:
            return None
        named = (page.meta or {}).get("section")
        url = named if isinstance(named, str) else page.url
        return next((section for section in self.sections if url.startswith(section.url)), None)

    def mark(self, page: Page) -> None:
        """Before `page` is rendered: its section is the current entry of the
        menu (the theme shows it as the current one), until `unmark`."""
        self.unmark()
        section = self.section_of(page)
        if section is not None:
            section.active = True
            self.marked = section

    def unmark(self) -> None:
        if self.marked is not None:
            self.marked.active = False
            self.marked = None

    def key(self, context: Context) -> tuple[str, bool] | None:
        """The folder the page's links are relative to, or None when the
        navigation may differ for this page: the page is in it, something in
        it is current, or a page in it lies inside this page's folder."""
        page = context.get("page")
        if (context.get("nav") is not self.nav or not isinstance(page, Page) or not page.url
                or page.file.src_uri in self.in_nav
                or any(item.active and item is not self.marked for item in self.nav.items)
                or any(target.startswith(page.url) for target in self.targets)):
            return None
        directory = page.url.endswith("/")
        return posixpath.dirname(page.url.rstrip("/")), directory

    def wrap(self, render: Callable[[Context], Iterator[str]]) -> Callable[[Context], Iterator[str]]:
        def reused(context: Context) -> Iterator[str]:
            key = self.key(context)
            if key is None:
                yield from render(context)
                return
            if key not in self.rendered:
                self.rendered[key] = "".join(render(context))
            yield self.rendered[key]
        return reused


_preview_search: PreviewSearch | None = None  # one for the preview's life: MkDocs reloads plugins on a rebuild


def preview_search(language: str) -> PreviewSearch:
    global _preview_search
    if _preview_search is None:
        keep = Path(tempfile.mkdtemp(prefix="handbook-preview-search-")) / "index"
        atexit.register(shutil.rmtree, keep.parent, True)
        _preview_search = PreviewSearch(language, keep)
        atexit.register(_preview_search.close)  # first: Pagefind stops before its folders go
    return _preview_search


def preview_notice_html() -> Callable[[str], str] | None:
    """The notice `handbook serve` wrote (generator/build.py, preview_notice)
    as HTML for a page at a given URL; None when there is none. Every text
    in it is escaped: problems quote record text."""
    import json

    from mkdocs.utils import get_relative_url

    path = os.environ.get(PREVIEW_NOTICE)
    if not path:
        return None
    try:
        notice = json.loads(Path(path).read_text("utf-8"))
        items = [(str(item["text"]), item.get("page")) for item in notice["items"]]
        title, intro, more, opens = (str(notice[key]) for key in ("title", "intro", "more", "open"))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no notice, or one half written: the next build reads it again

    def shown(url: str) -> str:
        lines = []
        for text, target in items:
            line = f"<code>{html.escape(text)}</code>"
            if isinstance(target, str):
                href = get_relative_url(f"{GENERATED}/{target.removesuffix('.md')}/", url or ".")
                line += f' — <a href="{html.escape(href)}">{html.escape(opens)}</a>'
            lines.append(f"<li>{line}</li>")
        if more:
            lines.append(f"<li>{html.escape(more)}</li>")
        return ('<div class="md-typeset handbook-preview-notice" role="alert"><div class="admonition failure">'
                f'<p class="admonition-title">{html.escape(title)}</p><p>{message_html(intro)}</p>'
                f'<ul>{"".join(lines)}</ul></div></div>')

    return shown


# The template of pages another engine process writes: empty, so MkDocs
# skips the page ("Generated empty output", said at INFO).
ELSEWHERE = "handbook-elsewhere.html"


def pages_elsewhere(files: Files, share: str) -> frozenset[str]:
    """The pages (src_uri) that other processes write when this one writes
    share "K/N" (ENGINE_SHARE): of the generated pages, in order, every Nth
    from the Kth is this one's; the first share also writes every other page
    (written by hand, few). Without a share: none."""
    found = re.fullmatch(r"(\d+)/(\d+)", share)
    if found is None or not 0 <= int(found[1]) < int(found[2]):
        return frozenset()
    mine, count = int(found[1]), int(found[2])
    prefix = GENERATED + "/"
    pages = [file.src_uri for file in files.documentation_pages()]
    generated = sorted(uri for uri in pages if uri.startswith(prefix))
    others = [] if mine == 0 else [uri for uri in pages if not uri.startswith(prefix)]
    return frozenset(others + [uri for n, uri in enumerate(generated) if n % count != mine])


def protected(page: str) -> str:
    """A page built by `handbook build` (not the preview, whose engine adds
    a script of its own to every page it serves) with its
    Content-Security-Policy, naming the page's own inline scripts (the audit
    checks it against what it finds in the page)."""
    if ENGINE_SHARE not in os.environ:
        return page
    return with_policy(page, policy_element(script_hash(text) for text in inline_scripts(page))) or page


def theme_words(language: str) -> dict[str, str]:
    """The theme's words of the site's language that the catalogs give
    (none for a language the handbook does not speak)."""
    from ..words.catalogs import LANGUAGES, texts

    return texts(language, "labels", "theme") if language in LANGUAGES else {}


def theme_reference(env: Environment, files: Files, config: MkDocsConfig) -> str:
    """The theme's 404 page as MkDocs renders it, but with no navigation:
    what the theme and mkdocs.yml put into every page, and nothing an author
    wrote (a title in the navigation, a hand-written 404 page)."""
    from urllib.parse import urlsplit

    from mkdocs.commands.build import get_context

    context = get_context(Navigation([], []), files, config, base_url=urlsplit(config.site_url or "/").path)
    return protected(env.get_template("404.html").render(context))


class HandbookConfig(Config):
    reuse_navigation = config_options.Type(bool, default=True)


class HandbookPlugin(BasePlugin[HandbookConfig]):
    """`plugins: [handbook]` in mkdocs.yml."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Run by `handbook build` (ENGINE_SHARE is set): MkDocs says its
        warnings and errors only. Its `--quiet` would silence warnings
        before `--strict` counts them: a broken link would pass."""
        if ENGINE_SHARE in os.environ:
            for handler in logging.getLogger("mkdocs").handlers:
                if handler.name == "MkDocsStreamHandler":
                    handler.setLevel(logging.WARNING)
        # The theme's own words that reach readers in the site's language
        # (the `theme` table of the labels catalogs): the title of a
        # heading's link (Python-Markdown's "Permanent link", unless
        # mkdocs.yml names one) and what overrides/partials/language.html
        # gives the theme instead of its own ("Header", which Material's
        # Dutch leaves in English).
        self.theme_words = theme_words(config.theme["language"])
        toc = (config["mdx_configs"] or {}).get("toc")
        if toc is not None and "permalink" in toc and "permalink_title" not in toc and "permalink" in self.theme_words:
            toc["permalink_title"] = self.theme_words["permalink"]
        return config

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.navigation = ReusedNavigation(nav)
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """The theme includes its navigation template by name; the template
        object is the one the environment keeps, so its rendering is wrapped
        there (a theme without that template is left as it is)."""
        self.env = env
        env.globals["handbook_theme_words"] = getattr(self, "theme_words", {})
        if getattr(self, "elsewhere", None):
            env.loader = ChoiceLoader([DictLoader({ELSEWHERE: ""}), env.loader])
        if self.config.reuse_navigation and getattr(self, "navigation", None) is not None:
            try:
                template = env.get_template(NAVIGATION_TEMPLATE)
            except TemplateNotFound:  # another theme: nothing to reuse
                return env
            template.root_render_func = self.navigation.wrap(template.root_render_func)
        return env

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Callable[..., Any]) -> Any:
        """The preview rebuilds when the records' problems change, also when
        no page does (a mistake in the taxonomy)."""
        if os.environ.get(PREVIEW_NOTICE):
            server.watch(str(Path(os.environ[PREVIEW_NOTICE]).parent))
        return server

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> dict[str, Any]:
        """A record page (or list) is not in the menu: the menu marks the
        section it belongs to. Pages of one folder share a section, so the
        navigation rendered once per folder stays right."""
        if getattr(self, "navigation", None) is not None:
            self.navigation.mark(page)
        return context

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.notice = preview_notice_html()
        if os.environ.get(PREVIEW_SEARCH) == "1":
            preview_search(str(config.theme.get("language") or "nl")).begin()

    # Last of all plugins: the policy names the scripts of the page as written.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """In the preview, while records have errors: the problems at the top
        of every page, where the author looks (the page of a new record is
        reached by no list until it is right). Built by `handbook build`: the
        page's Content-Security-Policy."""
        if getattr(self, "navigation", None) is not None:
            self.navigation.unmark()
        notice = getattr(self, "notice", None)
        main = (re.search(r"<main\b[^>]*>", output) or re.search(r"<body\b[^>]*>", output)) if notice else None
        if notice and main is not None:
            output = output[:main.end()] + notice(page.url) + output[main.end():]
        return protected(output)

    @event_priority(-100)
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        """The theme's pages of their own (404.html) get their policy too."""
        return protected(output_content) if template_name.endswith(".html") else output_content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """In the preview: the search index (`handbook build` indexes the
        finished site). Built by `handbook build`: the theme's reference page."""
        if os.environ.get(PREVIEW_SEARCH) == "1":
            preview_search(str(config.theme.get("language") or "nl")).place(Path(config.site_dir))
        reference = os.environ.get(THEME_REFERENCE)
        if reference and os.environ.get(ENGINE_SHARE, "0/1").startswith("0/") and getattr(self, "env", None):
            Path(reference).write_text(theme_reference(self.env, self.files, config), "utf-8")

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.files = files
        extensions = config["markdown_extensions"]
        permalink = (Permalink.of((config["mdx_configs"] or {}).get("toc", {}))
                     if {"toc", "attr_list"} <= set(extensions) else None)
        prefix = GENERATED + "/"
        for file in files.documentation_pages():
            if file.src_uri.startswith(prefix) and file.page is None:
                page = GeneratedPage(None, file, config)
                page.permalink = permalink
        self.elsewhere = pages_elsewhere(files, os.environ.get(ENGINE_SHARE, ""))
        for file in files.documentation_pages():
            if isinstance(file.page, GeneratedPage):
                file.page.elsewhere = file.src_uri in self.elsewhere
        return files

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A page another process writes is read (its title, headings and
        anchors are known to every page) but rendered by the empty template:
        MkDocs writes no file for it."""
        if page.file.src_uri in getattr(self, "elsewhere", ()):
            page.meta["template"] = ELSEWHERE
        return html
