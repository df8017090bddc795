"""The Jinja environment that turns page contexts into generated pages. No I/O.

A generated page is Markdown only in its structure: front matter and
headings (so the engine builds its navigation and table of contents). All
its content is HTML in raw HTML blocks, which the engine passes through
without reading it as Markdown, so record text is never interpreted by a
second parser:

* every `{{ value }}` is escaped for HTML by the environment (autoescape);
  only `Markup` made by the generator (links it built, labels, rendered
  Markdown fields) is inserted as it is;
* Markdown fields are rendered once, by `text.render_markdown` (`md` filter);
* text in a heading goes through `heading`: no character of it can form
  Markdown or attribute syntax.

A template that uses an undefined name fails (`StrictUndefined`). Record text
is only ever passed *into* templates, never compiled as one, so `{{ ... }}`
written in a lesson stays text.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from typing import Any

import jinja2
from markupsafe import Markup, escape

from ..words.labels import LABELS, counted, format_day, format_money, format_number
from ..records.text import heading_text, render_markdown

# HTML the generator made itself (links, joined links, labels): inserted as it is.
Raw = Markup

# C0 controls (but tab and newline) and DEL: Python-Markdown uses STX and ETX
# to mark its own placeholders, so none of them may reach the engine.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_CONTROLS_AND_FORMAT = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]")


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        raise TypeError("a template printed a boolean; print a label instead")
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):  # Markup is a str: autoescape decides
        return value
    raise TypeError(f"a template printed a {type(value).__name__}; templates print text only")


@jinja2.pass_context
def _markdown(context: Any, text: str, heading_level: int = 3) -> Markup:
    """A Markdown field, rendered once; links to other pages get the address
    the page is served at (`link_target` of the page's context, if any), and
    its headings ids unique on the page (`heading_ids`)."""
    return render_markdown(text, heading_level, context.get("link_target"), context.get("heading_ids"))


def yaml_string(text: str) -> Markup:
    """A value for the generated page's front matter (a JSON string is valid YAML).

    The theme prints front-matter titles into the page (the tab's title, the
    header) as HTML, without escaping them; so the value is written escaped,
    as every template escapes a value: a character reference such as
    `&#x202E;` is shown as written, never decoded into the page.
    """
    text = html.escape(" ".join(_CONTROLS_AND_FORMAT.sub("", str(text)).split()), quote=False)
    # ASCII with escapes: the front matter stays valid YAML whatever the text
    # holds (a front matter the engine cannot read would be shown as Markdown).
    return Markup(json.dumps(text, ensure_ascii=True))


def message_html(text: str) -> Markup:
    """A message of the tools, escaped, with `handbook check` in it as code."""
    return Markup(re.sub(r"`([^`<>]+)`", r"<code>\1</code>", str(escape(text))))


def link(text: Any, url: str, outside: bool = False) -> Markup:
    """An HTML link; text and address escaped. `outside`: a link that leaves
    the handbook (opened without telling the other site where it came from)."""
    rel = ' rel="noopener noreferrer nofollow"' if outside else ""
    return Markup(f'<a href="{escape(url)}"{rel}>{escape(text)}</a>')


def join(items: list[Any], separator: str = ", ") -> Markup:
    """Items joined; text items escaped, Markup kept."""
    return Markup(escape(separator)).join(items)


@lru_cache(maxsize=4)
def environment(language: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.site", "templates"),
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # templates do not change during a run: no stat per page
        finalize=_finalize,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = _markdown
    env.filters["heading"] = heading_text
    env.filters["yaml"] = yaml_string
    env.filters["join_html"] = join
    env.filters["day"] = lambda d: format_day(d, language)
    env.filters["num"] = lambda n: format_number(n, language)
    env.filters["money"] = lambda n: format_money(n, language)
    env.filters["num1"] = lambda n: format_number(n, language, decimals=1)
    env.filters["num2"] = lambda n: format_number(n, language, decimals=2)
    # A ratio in euros (cost per hire): whole euros, so a column reads alike.
    env.filters["ratio_money"] = lambda n: format_money(None if n is None else round(n), language, whole=True)
    env.globals["link"] = link
    # counted("key", n): a label about n things in the form n takes ("1 les").
    env.globals["counted"] = lambda key, n, **values: escape(counted(key, n, language, **values))
    return env


@lru_cache(maxsize=4)
def labels(language: str) -> dict[str, Markup]:
    """The generator's own labels are trusted text: escaped once, here."""
    return {key: escape(value) for key, value in LABELS[language].items()}


def render(template: str, context: dict[str, Any], language: str) -> str:
    text = environment(language).get_template(template).render({**context, "L": labels(language)})
    text = _CONTROLS.sub("\ufffd", text)
    # One trailing newline, no runs of blank lines: stable, diffable output.
    return re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"
