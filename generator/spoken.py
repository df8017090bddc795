"""The command line in the language of the run: Click's own words and the
handbook's help, from the `cli` catalogs.

Click says everything it says itself ("Usage:", "Error: Missing option
'--to'.", "Try 'handbook --help' for help.", "Show this message and exit.")
through `gettext`, with its English words as the message ids. gettext
alone would find a translation only in a compiled catalog chosen by the
environment's locale, not in the language the handbook speaks (the site's
`theme.language`, or `--language`); so Click's words are bound here to the
handbook's own catalogs (`bind_click`): `locale/<language>/LC_MESSAGES/cli.po`,
whose message ids are Click's English words, and the English help of the
handbook's commands and options. The help is said when it is shown, in the
language of that run (`Command`, `Option`, `Argument`, `PathType`), and
the language is chosen from the command line before Click reads it
(`Group.make_context`), so that a usage error speaks it too.

A test holds that every word Click can say, and every help text and metavar
of every command, has its entry in every catalog.
"""

from __future__ import annotations

import gettext
import importlib
import inspect
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

import click

from .words.catalogs import CODES, LANGUAGES, plural, plural_texts, texts
from .words.messages import language, set_language, speaking
from .words.unseen import shown

DOMAIN = "cli"
# The help of the help option, as Click says it.
HELP_OPTION = "Show this message and exit."


def cli_word(english: str) -> str:
    """`english` (as Click or the code says it) in the language of the run;
    itself when the catalog has no entry for it."""
    return texts(language(), DOMAIN).get(english, english)


def cli_words(singular: str, many: str, n: int) -> str:
    """The form of an entry about `n` things in the language of the run
    (gettext's `ngettext`)."""
    if singular in plural_texts(language(), DOMAIN):
        return plural(language(), DOMAIN, singular, n)
    return singular if n == 1 else many


def click_modules() -> list[Any]:
    """Click's modules that say words of their own through gettext."""
    return [module for name, module in sorted(sys.modules.items())
            if (name == "click" or name.startswith("click.")) and module is not None
            and (getattr(module, "_", None) in (gettext.gettext, cli_word)
                 or getattr(module, "ngettext", None) in (gettext.ngettext, cli_words))]


# Click's modules that it imports only when they are needed (shell
# completion, progress bars and editors; the Windows console on Windows).
LATER = ("click.shell_completion", "click._termui_impl") + (("click._winconsole",) if sys.platform == "win32" else ())


def bind_click() -> None:
    """Click's words, from the handbook's catalogs: each of Click's modules
    took gettext's functions as its own names (`_`, `ngettext`) when it was
    imported; those names are pointed at `cli_word` and `cli_words`. The
    modules Click imports later are imported first, so none is left out."""
    for name in LATER:
        importlib.import_module(name)
    for module in click_modules():
        if getattr(module, "_", None) is gettext.gettext:
            module._ = cli_word
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = cli_words


def choose_language(project: Path, chosen: str | None) -> None:
    """The language of the rest of the command: `chosen` (--language), or
    the site's (theme.language in mkdocs.yml); Dutch without one."""
    from .project.settings import SettingsError, read_settings

    if chosen is None:
        try:
            chosen = read_settings(project).language
        except (SettingsError, OSError, ValueError):
            chosen = None  # the command itself says what is wrong with mkdocs.yml
    set_language(chosen)


def language_asked(args: Iterable[str]) -> tuple[Path, str | None]:
    """The project folder and the language a command line names (--project
    or -C, --language), read before Click reads it, so that what Click says
    about the command line is said in that language."""
    project, chosen = Path("."), None
    words = list(args)
    for number, word in enumerate(words):
        if word == "--":
            break
        following = words[number + 1] if number + 1 < len(words) else None
        if word in ("--project", "-C") and following is not None:
            project = Path(following)
        elif word.startswith("--project="):
            project = Path(word.partition("=")[2])
        elif word.startswith("-C") and len(word) > 2:
            project = Path(word[2:])
        elif word == "--language" and following in LANGUAGES:
            chosen = following
        elif word.startswith("--language=") and word.partition("=")[2] in LANGUAGES:
            chosen = word.partition("=")[2]
    return project, chosen


class _SpokenParameter:
    """A parameter whose help and metavar (PERSON, FOLDER) are said in the
    language of the run."""

    @property
    def help(self) -> str | None:
        return cli_word(self._help) if self._help else self._help

    @help.setter
    def help(self, value: str | None) -> None:
        self._help = value

    def make_metavar(self, ctx: click.Context) -> str:
        return cli_word(super().make_metavar(ctx))  # type: ignore[misc]


class Option(_SpokenParameter, click.Option):
    pass


class Argument(_SpokenParameter, click.Argument):
    pass


class PathType(click.Path):
    """Click's Path, whose kind ('directory', in a message: "Directory 'x'
    is a file.") is said in the language of the run, not in the one of the
    moment the command was defined."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with speaking(CODES):
            super().__init__(*args, **kwargs)

    @property  # type: ignore[override]
    def name(self) -> str:
        return cli_word(self._name)

    @name.setter
    def name(self, value: str) -> None:
        self._name = value


class _Spoken:
    """What a command and a group say of themselves: their help, and the
    words of their usage line ([OPTIONS], COMMAND [ARGS]...)."""

    @property
    def help(self) -> str | None:
        return cli_word(inspect.cleandoc(self._help)) if self._help else self._help

    @help.setter
    def help(self, value: str | None) -> None:
        self._help = value

    @property
    def options_metavar(self) -> str | None:
        return cli_word(self._options_metavar) if self._options_metavar else self._options_metavar

    @options_metavar.setter
    def options_metavar(self, value: str | None) -> None:
        self._options_metavar = value

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:  # Click makes it once, in the language of the first run
            option.help = cli_word(HELP_OPTION)
        return option


class Command(_Spoken, click.Command):
    pass


class Group(_Spoken, click.Group):
    command_class = Command

    @property
    def subcommand_metavar(self) -> str:
        return cli_word(self._subcommand_metavar)

    @subcommand_metavar.setter
    def subcommand_metavar(self, value: str) -> None:
        self._subcommand_metavar = value

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        if parent is None:  # the whole command line, before Click reads a word of it
            choose_language(*language_asked(args))
        return super().make_context(info_name, args, parent, **extra)


class _Visible:
    """A stream that writes every character no one sees as its escape: a
    usage error repeats what was typed ("Got unexpected extra argument")."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(shown(text, keep="\n"))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def show_usage_error(error: click.ClickException, stream: TextIO | None = None) -> None:
    """What Click says about a command line it cannot read, in the language
    of the run, with what was typed made visible."""
    error.show(file=_Visible(stream or sys.stderr))  # type: ignore[arg-type]


bind_click()
