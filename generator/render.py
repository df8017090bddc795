"""The Jinja environment that turns page contexts into Markdown. No I/O.

Record text is data: every `{{ value }}` is escaped for Markdown and HTML by
the environment's `finalize` unless the value was marked `Raw` on purpose
(checked Markdown fields, links the generator built). A template that forgets
a filter is therefore safe; one that uses an undefined name fails
(`StrictUndefined`). Record text is only ever passed *into* templates, never
compiled as one, so `{{ ... }}` written in a lesson stays text.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

import jinja2

from .i18n import LABELS, format_day, format_money, format_number


class Raw(str):
    """Markdown that is inserted as it is (already escaped or checked)."""


# Characters that open Markdown constructs in Python-Markdown and the
# extensions this handbook enables (tables add '|'); Python-Markdown turns a
# backslash before any of them back into the plain character. '&', '<' and
# '>' become entities, so no HTML can start.
_ESCAPES = str.maketrans(
    {char: "\\" + char for char in "\\`*_{}[]()#+-.!|"} | {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
)


def escape_inline(text: Any) -> str:
    """Plain text -> Markdown that shows exactly that text, on one line."""
    return " ".join(str(text).split()).translate(_ESCAPES)


def _finalize(value: Any) -> Any:
    if isinstance(value, Raw):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        raise TypeError("a template printed a boolean; print a label instead")
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return escape_inline(value)
    raise TypeError(f"a template printed a {type(value).__name__}; templates print text only")


def markdown_block(text: str | None) -> Raw:
    """A checked Markdown field, as a block of its own."""
    if not text:
        return Raw("")
    return Raw(text.replace("\r\n", "\n").strip("\n"))


def yaml_string(text: str) -> Raw:
    """A value for the generated page's front matter (a JSON string is valid YAML).

    The theme prints front-matter titles and tag names into the page without
    escaping them, so angle brackets become look-alike quotation marks there.
    """
    text = " ".join(text.split()).replace("<", "‹").replace(">", "›")
    return Raw(json.dumps(text, ensure_ascii=False))


def link(text: Any, url: str) -> Raw:
    return Raw(f"[{escape_inline(text)}]({url})")


@lru_cache(maxsize=4)
def environment(language: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # templates do not change during a run: no stat per page
        finalize=_finalize,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = markdown_block
    env.filters["yaml"] = yaml_string
    # Dates and figures are formatted by the generator (digits, month names,
    # separators): nothing in them needs escaping.
    env.filters["day"] = lambda d: Raw(format_day(d, language))
    env.filters["num"] = lambda n: Raw(format_number(n, language))
    env.filters["money"] = lambda n: Raw(format_money(n, language))
    env.filters["num1"] = lambda n: Raw(format_number(None if n is None else round(n, 1), language))
    env.filters["raw"] = Raw
    env.globals["link"] = link
    return env


@lru_cache(maxsize=4)
def labels(language: str) -> dict[str, Raw]:
    """The generator's own labels are trusted text, inserted as they are."""
    return {key: Raw(value) for key, value in LABELS[language].items()}


def render(template: str, context: dict[str, Any], language: str) -> str:
    text = environment(language).get_template(template).render({**context, "L": labels(language)})
    # One trailing newline, no runs of blank lines: stable, diffable output.
    return re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"
