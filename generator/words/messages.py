"""What the tools say to an author, in the language of the run.

Every message of `handbook check` (and of the build's record checks) is a
key of the `messages` catalogs (catalogs.py), one for each language; a
message is made with `say(key, **values)` in the language of the run, set
once by the command (`speaking(language)`, from the site's one language
setting or `--language`). A test holds that every catalog has every key,
with the same placeholders, and that no problem is reported with text that
is not made here, so every language stays complete.

The `PATH:LINE:COL: error:` prefix is not translated: editors and CI read
it. Field names and allowed values stay as they are written in the records
(records must not break); in any language but English each is shown with its
name beside it: 'knowledge_owner' (kennisborger), foundation (fundament).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

from babel.numbers import get_decimal_symbol, get_group_symbol

from .catalogs import CODES, DEFAULT, LANGUAGES, locale, plural, texts
from .unseen import shown

_language: ContextVar[str] = ContextVar("language", default=DEFAULT)


def language() -> str:
    return _language.get()


@contextmanager
def speaking(name: str | None) -> Iterator[None]:
    """Messages made inside the block are in `name` (one of LANGUAGES; None: the default, Dutch)."""
    token = _language.set(name if name in LANGUAGES else DEFAULT)
    try:
        yield
    finally:
        _language.reset(token)


def set_language(name: str | None) -> None:
    """The language of the rest of this command (see `speaking`)."""
    _language.set(name if name in LANGUAGES else DEFAULT)


def say(key: str, **values: object) -> str:
    return texts(_language.get(), "messages")[key].format(**values)


def say_counted(key: str, n: int, **values: object) -> str:
    """A message about `n` things, in the form `n` takes in the language of
    the run ("1 les geldt", "2 lessen gelden"; the catalog's plural forms)."""
    return plural(_language.get(), "messages", key, n).format(n=n, **values)


def word(context: str, key: str) -> str:
    """A text of the catalog beyond the messages, in the language of the run:
    a question of `handbook new` ('question'), a word of the records reference."""
    return texts(_language.get(), "messages", context)[key]


def quote(value: object, limit: int = 60) -> str:
    """A value as it appears in a message: quoted, shortened, one line
    (shortened first: a long value is not read to its end), and every
    character no one sees written as its escape ('eva\\u202e'), so that what
    someone typed is neither hidden nor reordered where it is shown."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return "'" + shown(text.replace("\n", " ")) + "'"


def names_beside() -> bool:
    """Whether a field or a value is shown with its name beside it: in every
    language but the one the records' codes are written in."""
    return _language.get() != CODES


class Names(Mapping[str, str]):
    """The names of one kind of code (a field, an allowed value, a record
    kind) in the language of the run: one table of the `messages` catalog."""

    def __init__(self, context: str) -> None:
        self.context = context

    def _names(self) -> dict[str, str]:
        return texts(_language.get(), "messages", self.context)

    def __getitem__(self, code: str) -> str:
        return self._names()[code]

    def __contains__(self, code: object) -> bool:
        return code in self._names()

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())

    def everywhere(self, code: str) -> list[str]:
        """`code`'s name in every language: what an author may copy from any site."""
        return [names[code] for names in (texts(each, "messages", self.context) for each in LANGUAGES)
                if code in names]


# The name of every field of every record kind (the reference shows them
# too) and of every allowed value; a test fails when a model has a field or
# a value without one.
FIELD_NAMES = Names("field")
VALUE_NAMES = Names("value")
KIND_NAMES = Names("kind")
# The file name a record written in the browser starts with ('nieuwe-les'):
# the author is to rename it after the record, or the next author's file
# would take its place.
NEW_FILE_NAMES = Names("new file")


def field(name: object) -> str:
    """A field as a message names it: 'owner', in Dutch 'owner' (eigenaar)."""
    text = f"'{name}'"
    if names_beside() and name in FIELD_NAMES:
        text += f" ({FIELD_NAMES[name]})"  # type: ignore[index]
    return text


def choice(value: str) -> str:
    """An allowed value as a message lists it: foundation, in Dutch foundation (fundament)."""
    if names_beside() and value in VALUE_NAMES:
        return f"{value} ({VALUE_NAMES[value]})"
    return value


def number(value: object) -> str:
    """A whole number with the language's grouping: 1,000 in English, 1.000 in Dutch."""
    if not isinstance(value, int):
        return str(value)
    return f"{value:,}".replace(",", get_group_symbol(locale(_language.get())))


def decimal(text: str) -> str:
    """A decimal number as a log writes it ('0.47'), with the language's decimal sign (0,47)."""
    return text.replace(".", get_decimal_symbol(locale(_language.get())))


def yaml_problem(problem: str) -> str:
    """libyaml's own words for what it could not read, in the language of the
    run; a problem the catalog does not list is shown as libyaml says it."""
    return parser_words("yaml", problem)


def parser_words(table: str, problem: str) -> str:
    """A reader's own words for what it could not read (table 'yaml':
    libyaml's, 'json': Python's JSON reader's, 'decoding': the UTF-8
    decoder's), in the language of the run; as the reader says it when the
    catalog does not list it."""
    return texts(_language.get(), "messages", table).get(problem, problem)


def os_problem(failure: OSError) -> str:
    """Why the system could not open or read a file, in the language of the
    run (the table 'os error', by the error's name: ENOENT); the system's
    own words for one the catalog does not list."""
    import errno

    name = errno.errorcode.get(failure.errno or 0, "")
    return texts(_language.get(), "messages", "os error").get(name) or str(failure.strerror or failure)


def code_of(word: str, choices: list[str] | tuple[str, ...]) -> str | None:
    """The allowed value `word` names: the code itself in any case
    ('Execution'), or its name in any language ('uitvoering'), which a site
    shows and an author may copy; None when it names none of `choices`."""
    wanted = " ".join(word.split()).casefold()
    for code in choices:
        for name in VALUE_NAMES.everywhere(code) or [code]:  # also as the choices are listed: 'execution (uitvoering)'
            if wanted in (code.casefold(), name.casefold(), f"{code} ({name})".casefold()):
                return code
    return None


def describe(model: str, name: str, english: str | None) -> str:
    """A field's description in the language of the run ('Model.field' in
    the catalog); `english`, the model's own, for a field the catalog leaves out."""
    return texts(_language.get(), "messages", "field description").get(f"{model}.{name}", english or "")


def explain_kind(model: str, english: str) -> str:
    """A record kind's one-line description, in the language of the run."""
    return texts(_language.get(), "messages", "kind description").get(model, english)


def kind_name(kind: str) -> str:
    """'lesson', in Dutch 'les'."""
    return KIND_NAMES[kind].lower()
