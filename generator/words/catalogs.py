"""The words of every language the handbook speaks, as gettext catalogs:
`locale/<language>/LC_MESSAGES/messages.po` for what the tools say to an
author, `labels.po` for the generated pages. A language is a folder there,
so adding one is adding its catalogs, not code (README, "Adding a
language").

A msgid is the key the code names; a msgctxt the table an entry belongs to
(a field's name, a value's name, a field's description...). Each catalog is
read with Babel, once per process, when its first word is needed.
"""

from __future__ import annotations

from functools import cache
from string import Formatter
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from babel import Locale
    from babel.messages.catalog import Catalog

LOCALE = Path(__file__).parent / "locale"
# The language of a run that names none.
DEFAULT = "nl"
# The records' field names and allowed values are English words: an English
# message shows them alone, any other language with its own name beside them.
CODES = "en"
LANGUAGES: tuple[str, ...] = (DEFAULT, *sorted(folder.name for folder in LOCALE.iterdir()
                                               if folder.name != DEFAULT and (folder / "LC_MESSAGES").is_dir()))


@cache
def _catalog(language: str, domain: str) -> Catalog:
    # Imported here: `handbook --help` and the commands that say nothing do not wait for it.
    from babel.messages.pofile import read_po

    with open(LOCALE / language / "LC_MESSAGES" / f"{domain}.po", "rb") as file:
        return read_po(file)


@cache
def texts(language: str, domain: str, context: str | None = None) -> dict[str, str]:
    """One table of a catalog, key -> text. A fuzzy or empty entry is left
    out, as gettext leaves it out: the test of the catalogs names it. In a
    language being added, an entry that is missing or whose placeholders are
    not the English entry's is read from the English catalog, so a catalog
    still being translated never stops a command (`make test` names it)."""
    own = {message.id: message.string for message in _catalog(language, domain)
           if message.id and not message.pluralizable and message.context == context and message.string
           and not message.fuzzy}
    if language == CODES:
        return own
    english = texts(CODES, domain, context)
    return {**english, **{key: text for key, text in own.items()
                          if key not in english or placeholders(text) == placeholders(english[key])}}


@cache
def plural_texts(language: str, domain: str) -> dict[str, tuple[tuple[str, ...], str]]:
    """The entries of a catalog that depend on a number ("1 les", "2
    lessen"): key -> its forms, in the order of the `Plural-Forms` of the
    language they are read from, and that language. As `texts`: what a
    language being added lacks, or gives with other placeholders, is read
    from the English catalog (and takes English's rule)."""
    own = {message.id[0]: (tuple(message.string), language) for message in _catalog(language, domain)
           if message.pluralizable and all(message.string) and not message.fuzzy}
    if language == CODES:
        return own
    english = plural_texts(CODES, domain)
    return {**english, **{key: entry for key, entry in own.items()
                          if key not in english or {placeholders(form) for form in entry[0]}
                          == {placeholders(form) for form in english[key][0]}}}


@cache
def plural_rule(language: str, domain: str) -> Callable[[int], int]:
    """Which form of a numbered entry a number takes: the catalog's
    `Plural-Forms` rule, read by Python's own gettext (as `ngettext` does)."""
    import gettext

    return gettext.c2py(_catalog(language, domain).plural_expr)


def plural(language: str, domain: str, key: str, n: int) -> str:
    """Entry `key` in the form number `n` takes in `language` (not yet filled in)."""
    forms, read_from = plural_texts(language, domain)[key]
    return forms[min(plural_rule(read_from, domain)(n), len(forms) - 1)]


def placeholders(text: str) -> frozenset[str] | None:
    """The names of a text's placeholders ('{value}'), or None when its
    braces do not make placeholders (a lone '{')."""
    try:
        return frozenset(name for _, name, _, _ in Formatter().parse(text) if name is not None)
    except ValueError:
        return None


@cache
def locale(language: str) -> Locale:
    """The locale of the language's numbers and dates: its catalog's
    `Language` header (en_GB: 1 March 2010, 1,000)."""
    return _catalog(language, "labels").locale
