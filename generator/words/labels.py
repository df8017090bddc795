"""Labels of the generated pages, in the site's language.

The site's language is one setting (`theme.language` in mkdocs.yml, or
`handbook build --language`); the theme translates its own interface, the
`labels` catalogs (catalogs.py) what the generator writes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from functools import cache, lru_cache

from babel.dates import format_date
from babel.numbers import NumberPattern, format_currency, parse_pattern

from .catalogs import LANGUAGES, locale, plural, texts


class _Labels(Mapping[str, dict[str, str]]):
    """LABELS[language][key], each language read from its catalog when it is first asked for."""

    def __getitem__(self, language: str) -> dict[str, str]:
        if language not in LANGUAGES:
            raise KeyError(language)
        return texts(language, "labels")

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)


LABELS = _Labels()


# Numbers, money and dates in the site's language, by Babel (CLDR), in the
# locale its catalog names: the same function formats a table cell, a
# chart's axis and its labels. The locale is parsed once (catalogs.locale): a
# locale named by its string is parsed again on every call, and a
# 10,000-record handbook formats some 70,000 numbers. Each value is
# formatted once per process (`lru_cache`, `typed`: 1 and 1.0 apart): the
# same amounts, counts and dates recur on many pages, and Babel took a
# tenth of generation formatting them again.


@cache
def _pattern(pattern: str) -> NumberPattern:
    return parse_pattern(pattern)


@lru_cache(maxsize=1 << 16, typed=True)
def format_day(day: date | None, language: str) -> str:
    """A date in words, independent of the machine's locale: '1 maart 2010'."""
    if day is None:
        return ""
    return format_date(day, format="long", locale=locale(language))


@lru_cache(maxsize=1 << 16, typed=True)
def format_number(value: float | int | None, language: str, decimals: int | None = None) -> str:
    """Whole numbers with grouping ('15.000'); fractions with two decimals
    ('48,20'); `decimals`: always that many, so a column reads alike ('21,0')."""
    if value is None:
        return "–"
    if decimals is not None:
        pattern = "#,##0." + "0" * decimals if decimals else "#,##0"
    elif isinstance(value, float) and not value.is_integer():
        pattern = "#,##0.00"
    else:
        pattern, value = "#,##0", int(value)
    return _pattern(pattern).apply(value, locale(language))


@lru_cache(maxsize=1 << 16, typed=True)
def format_money(value: float | None, language: str, whole: bool = False) -> str:
    """Euros: whole from 100 up and for whole amounts ('€ 15.000', '€ 0'), with
    cents below ('€ 84,05');
    `whole`: always whole (a chart's axis)."""
    if value is None:
        return "–"
    whole = whole or value >= 100 or float(value).is_integer()
    return format_currency(round(value) if whole else value, "EUR", format="¤ #,##0" if whole else "¤ #,##0.00",
                           currency_digits=False, locale=locale(language))


def counted(key: str, n: int, language: str, **values: object) -> str:
    """A label about a number of things, in the form that number takes in
    the language ("1 les", "2 lessen"; the catalog's plural forms), with
    the number written as the site writes numbers ({n})."""
    return plural(language, "labels", key, n).format(n=format_number(n, language), **values)
