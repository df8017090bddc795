"""Every language the handbook speaks is complete: each catalog has every
entry the others have, none of them empty, with the same placeholders, and
every key the code says, every field, value and description of the models;
no problem is reported in words made outside the catalogs; and a language is
a folder of catalogs, not code."""

from __future__ import annotations

import ast
import os
import re
import shutil
import string
import subprocess
import sys
import typing
from pathlib import Path

from babel.messages.pofile import read_po
from pydantic import BaseModel

import generator.records.models as models
from generator.records.models import allowed
from generator.words import catalogs

from .conftest import ROOT
from .helpers import make_project

DOMAINS = ("messages", "labels", "cli")


def _entries(path: Path) -> tuple[dict[tuple[str | None, str], str], object]:
    """(msgctxt, msgid) -> msgstr of one catalog ('' for a fuzzy one, which
    gettext does not use either), and the locale its header names. An
    entry with plural forms ("1 les", "2 lessen") is one entry per form:
    'key[0]', 'key[1]'; every form is checked like a text of its own."""
    with path.open("rb") as file:
        catalog = read_po(file)
    entries: dict[tuple[str | None, str], str] = {}
    for m in catalog:
        if not m.id:
            continue
        if m.pluralizable:
            for number in range(catalog.num_plurals):
                form = m.string[number] if number < len(m.string) else ""
                entries[m.context, f"{m.id[0]}[{number}]"] = "" if m.fuzzy else form
        else:
            entries[m.context, m.id] = "" if m.fuzzy else m.string
    return entries, catalog.locale


def _placeholders(text: str) -> set[str] | None:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:  # a lone brace: the code could not fill it in
        return None


def catalog_problems(locale: Path) -> list[str]:
    """What is wrong with the catalogs under `locale`: an entry another
    language has and this one lacks, an empty or fuzzy one, placeholders
    unlike the English catalog's (in the entries outside a table, which the
    code fills in), or a header that names no locale."""
    languages = sorted(folder.name for folder in locale.iterdir() if (folder / "LC_MESSAGES").is_dir())
    problems = []
    for domain in DOMAINS:
        read = {language: _entries(locale / language / "LC_MESSAGES" / f"{domain}.po") for language in languages}
        keys = sorted({key for entries, _ in read.values() for key in entries}, key=lambda key: (key[0] or "", key[1]))
        english = read[catalogs.CODES][0]
        for language, (entries, named) in read.items():
            where = f"{language}/{domain}.po"
            if named is None:
                problems.append(f"{where}: the header names no Language")
            for context, key in keys:
                name = f"{context}|{key}" if context else key
                text = entries.get((context, key))
                if text is None:
                    problems.append(f"{where}: {name} is missing")
                elif not text.strip():
                    problems.append(f"{where}: {name} is empty")
                elif context is None and _placeholders(text) is None:
                    problems.append(f"{where}: {name} has a brace that opens or closes no placeholder")
                elif context is None and _placeholders(text) != _placeholders(english.get((context, key), text)):
                    problems.append(f"{where}: {name} has the placeholders {sorted(_placeholders(text))}, the "
                                    f"English catalog {sorted(_placeholders(english[context, key]))}")
    return problems


def test_every_catalog_has_every_entry_with_the_same_placeholders() -> None:
    problems = catalog_problems(catalogs.LOCALE)
    assert not problems, "\n".join(problems)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_a_missing_an_empty_and_a_fuzzy_entry_and_a_changed_placeholder_are_found(tmp_path: Path) -> None:
    locale = tmp_path / "locale"
    shutil.copytree(catalogs.LOCALE, locale)
    english, dutch = locale / "en" / "LC_MESSAGES", locale / "nl" / "LC_MESSAGES"
    _edit(english / "messages.po", 'msgid "the_list"\nmsgstr "the list"\n', "")
    _edit(dutch / "messages.po", 'msgstr "onbekende les {value}{hint}"', 'msgstr "onbekende les {waarde}{hint}"')
    _edit(dutch / "messages.po", 'msgstr "Alles in orde: {records} records"', 'msgstr "Alles in orde: {records records"')
    _edit(english / "labels.po", 'msgstr "Newest lessons"', 'msgstr " "')
    _edit(english / "labels.po", 'msgid "timeline"', '#, fuzzy\nmsgid "timeline"')
    _edit(dutch / "messages.po", 'msgctxt "field"\nmsgid "answers"\nmsgstr "beantwoorde leerdoelen"\n', "")
    _edit(english / "messages.po", '"Language: en_GB\\n"\n', "")
    assert catalog_problems(locale) == [
        "en/messages.po: the header names no Language",
        "en/messages.po: the_list is missing",
        "nl/messages.po: all_well has a brace that opens or closes no placeholder",
        "nl/messages.po: unknown_lesson has the placeholders ['hint', 'waarde'], the English catalog "
        "['hint', 'value']",
        "nl/messages.po: field|answers is missing",
        "en/labels.po: newest_lessons is empty",
        "en/labels.po: timeline is empty",
    ]


def test_the_languages_are_the_folders_of_catalogs_the_default_first() -> None:
    folders = sorted(folder.name for folder in catalogs.LOCALE.iterdir() if (folder / "LC_MESSAGES").is_dir())
    assert catalogs.LANGUAGES == (catalogs.DEFAULT, *[name for name in folders if name != catalogs.DEFAULT])
    assert {str(catalogs.locale(language)) for language in catalogs.LANGUAGES} >= {"nl_NL", "en_GB"}


def _french_copy(tmp_path: Path) -> Path:
    """A copy of the generator in tmp_path/code with a French catalog, the
    English one under another language; its messages.po, to edit."""
    code = tmp_path / "code"
    shutil.copytree(ROOT / "generator", code / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    french = code / "generator" / "words" / "locale" / "fr"
    shutil.copytree(french.parent / "en", french)
    messages = french / "LC_MESSAGES" / "messages.po"
    _edit(messages, '"Language: en_GB\\n"', '"Language: fr_FR\\n"')
    return messages


def _french_project(tmp_path: Path) -> Path:
    """The fixture project, its site in French."""
    project = make_project(tmp_path / "project")
    (project / "mkdocs.yml").write_text("site_name: Manuel\ndocs_dir: handbook\ntheme:\n  name: material\n"
                                        "  language: fr\n", "utf-8")
    (project / "handbook").mkdir()
    return project


def _check_in_french(tmp_path: Path, project: Path) -> subprocess.CompletedProcess[str]:
    """`handbook check` of `project` by the copy of the generator with French."""
    environment = {**os.environ, "PYTHONPATH": str(tmp_path / "code")}
    environment.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "generator", "check", "--project", str(project)],
                          capture_output=True, text=True, env=environment, cwd=tmp_path)


def test_adding_a_language_is_adding_its_catalogs(tmp_path: Path) -> None:
    """A copy of the generator with a French catalog (the English one, with
    one message translated) speaks French: no code names the languages."""
    messages = _french_copy(tmp_path)
    _edit(messages, 'msgstr "All is well: {records} records"', 'msgstr "Tout va bien : {records} fiches"')
    project = _french_project(tmp_path)
    result = _check_in_french(tmp_path, project)
    assert (result.stdout, result.returncode) == ("Tout va bien : 10 fiches\n", 0), result.stderr


def _models() -> list[type[BaseModel]]:
    return [value for value in vars(models).values()
            if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == models.__name__]


def _model_fields_and_values() -> tuple[set[str], set[str]]:
    fields: set[str] = set()
    values: set[str] = set()
    seen: set[type] = set()

    def scan(annotation: object) -> None:
        if typing.get_origin(annotation) is typing.Literal:
            values.update(str(v) for v in typing.get_args(annotation))
        for argument in typing.get_args(annotation):
            scan(argument)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            walk(annotation)

    def walk(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.add(model)
        for name, info in model.model_fields.items():
            fields.add(name)
            scan(info.annotation)

    for model in _models():
        walk(model)
    return fields, values


def test_every_field_and_every_allowed_value_has_a_name_in_every_language() -> None:
    fields, values = _model_fields_and_values()
    for language in catalogs.LANGUAGES:
        assert sorted(fields - set(catalogs.texts(language, "messages", "field"))) == [], language
        assert sorted(values - set(catalogs.texts(language, "messages", "value"))) == [], language


def test_every_field_description_and_record_kind_has_its_text_in_every_language() -> None:
    wanted = {f"{model.__name__}.{name}" for model in _models()
              for name, info in model.model_fields.items() if info.description}
    kinds = {models.MODELS[kind].__name__ for kind in models.MODELS}
    for language in catalogs.LANGUAGES:
        assert sorted(wanted - set(catalogs.texts(language, "messages", "field description"))) == [], language
        assert sorted(kinds - set(catalogs.texts(language, "messages", "kind description"))) == [], language


def test_the_english_descriptions_are_the_models_own() -> None:
    """The JSON Schemas (from the models) and the English handbook say the same."""
    english = catalogs.texts("en", "messages", "field description")
    differ = [f"{model.__name__}.{name}" for model in _models() for name, info in model.model_fields.items()
              if info.description and english.get(f"{model.__name__}.{name}") != info.description]
    assert not differ, "\n".join(differ)
    kinds = catalogs.texts("en", "messages", "kind description")
    assert [model.__name__ for model in _models() if model.__name__ in kinds
            and kinds[model.__name__] != model.__doc__.strip().splitlines()[0]] == []


def test_a_description_of_a_field_with_choices_names_each_code() -> None:
    """An author copies what the comment above a field says: it names the
    values the record takes (execution), with the name beside them (in
    English the codes are the words)."""
    for language in catalogs.LANGUAGES:
        if language == catalogs.CODES:
            continue
        described = catalogs.texts(language, "messages", "field description")
        for model in vars(models).values():
            if not (isinstance(model, type) and issubclass(model, BaseModel)):
                continue
            for name in model.model_fields:
                codes = allowed(model, name)
                text = described.get(f"{model.__name__}.{name}")
                if codes and text:
                    missing = [code for code in codes if not re.search(rf"\b{code}\b", text)]
                    assert not missing, f"{language} {model.__name__}.{name}: {missing}"


def _calls(path: Path) -> list[tuple[str, ast.Call]]:
    tree = ast.parse(path.read_text("utf-8"))
    return [(f"{path.relative_to(ROOT)}:{node.lineno}", node) for node in ast.walk(tree) if isinstance(node, ast.Call)]


def _is_text(node: ast.AST) -> bool:
    """Words written in place: a string or an f-string with a letter of its
    own (not only placeholders and punctuation), or either joined to another."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(_is_text(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _is_text(node.left) or _is_text(node.right)
    return False


def _message(call: ast.Call) -> ast.AST | None:
    """The message of a report: `Problems.error(path, line, col, message)`,
    or the audit's `error(where, message[, needle])`."""
    if len(call.args) >= 4:
        return call.args[3]
    return call.args[1] if len(call.args) >= 2 else None


def test_no_problem_is_reported_in_words_made_outside_the_catalog() -> None:
    """A message in place (`problems.error(..., "some words")`, `raise
    ValueError(f"...")`) would be in one language only."""
    found = []
    for module in sorted((ROOT / "generator").rglob("*.py")):
        for where, call in _calls(module):
            name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
            message = _message(call)
            if name in ("error", "warning") and message is not None and _is_text(message):
                found.append(where)
            if name == "ValueError" and call.args and _is_text(call.args[0]):
                found.append(where)
    assert not found, "\n".join(found)


def _key_said(call: ast.Call) -> tuple[str | None, ast.AST] | None:
    """(table, key) of a call that names a catalog entry: `say(key)` a
    message, `word(table, key)`, the reference's `_t(key)`, an
    `Essential(field, asks)` of `handbook new` its question."""
    name = getattr(call.func, "id", "")
    if name == "say" and call.args:
        return None, call.args[0]
    if name == "word" and len(call.args) == 2 and isinstance(call.args[0], ast.Constant):
        return call.args[0].value, call.args[1]
    if name == "_t" and call.args:
        return "reference", call.args[0]
    if name == "Essential" and len(call.args) >= 2:
        return "question", call.args[1]
    return None


def test_every_key_said_exists() -> None:
    """Keys written in place exist; keys made from a prefix (`unknown_{what}`)
    have at least one entry each way they can be completed."""
    missing = []
    for path in sorted((ROOT / "generator").rglob("*.py")):
        for where, call in _calls(path):
            said = _key_said(call)
            if said is None:
                continue
            table, key = said
            known = catalogs.texts(catalogs.DEFAULT, "messages", table)
            if isinstance(key, ast.Constant) and key.value not in known:
                missing.append(f"{where}: {table or ''}|{key.value}")
            if isinstance(key, ast.JoinedStr):
                fixed = [part.value for part in key.values if isinstance(part, ast.Constant)]
                if not any(all(piece in name for piece in fixed) for name in known):
                    missing.append(f"{where}: {table or ''}|{fixed}")
    assert not missing, "\n".join(missing)


def test_the_catalogs_pass_the_checks_of_gettext_s_own_tools() -> None:
    """Translators open the catalogs in tools built on gettext (Poedit,
    Weblate, `msgfmt`): each catalog passes `msgfmt --check`, so none of
    them refuses or flags a file the handbook reads."""
    import shutil
    import subprocess

    msgfmt = shutil.which("msgfmt")
    assert msgfmt is not None, "msgfmt (Debian's gettext) is missing: .ci/run installs it"
    catalogs_found = sorted((ROOT / "generator" / "words" / "locale").glob("*/LC_MESSAGES/*.po"))
    assert len(catalogs_found) >= 4
    for catalog in catalogs_found:
        result = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(catalog)], capture_output=True, text=True)
        assert result.returncode == 0, f"{catalog.relative_to(ROOT)}: {result.stderr}"


def test_a_catalog_being_translated_never_stops_a_command(tmp_path: Path) -> None:
    """In a language being added, an entry left out or with a misspelt
    placeholder is said in English (and `make test` names it): a typo of a
    translator never stops an author's check."""
    messages = _french_copy(tmp_path)
    _edit(messages, 'msgstr "unknown person {value}{hint}"', 'msgstr "personne inconnue {valeu}{hint}"')
    _edit(messages, 'msgstr "{errors} error(s), {warnings} warning(s)"', 'msgstr ""')
    project = _french_project(tmp_path)
    lesson = next((project / "data" / "lessons").glob("*.yml"))
    text = lesson.read_text("utf-8")
    author = next(line for line in text.splitlines() if line.startswith("author: "))
    lesson.write_text(text.replace(author, "author: niemand-bekend"), "utf-8")
    result = _check_in_french(tmp_path, project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "unknown person 'niemand-bekend'" in result.stdout
    assert result.stdout.splitlines()[-1] == "1 error(s), 0 warning(s)"
    assert result.stderr == ""


def test_every_message_said_gets_the_values_its_words_name() -> None:
    """`say("key", value=...)` gives exactly the placeholders the English
    entry names: a value misnamed in the code (`n=` for `{count}`) would
    stop the command that says it, and a value no entry names is lost."""
    import string

    known = catalogs.texts(catalogs.DEFAULT, "messages", None)
    wrong = []
    for path in sorted((ROOT / "generator").rglob("*.py")):
        for where, call in _calls(path):
            if getattr(call.func, "id", "") != "say" or not call.args or not isinstance(call.args[0], ast.Constant):
                continue
            if any(keyword.arg is None for keyword in call.keywords) or call.args[0].value not in known:
                continue  # values passed on as a whole (**values); a missing key is another test's
            given = {keyword.arg for keyword in call.keywords}
            named = {field for _, field, _, _ in string.Formatter().parse(known[call.args[0].value]) if field}
            if given != named:
                wrong.append(f"{where}: {call.args[0].value} gets {sorted(given)}, its words name {sorted(named)}")
    assert not wrong, "\n".join(wrong)


def test_a_label_about_a_number_takes_the_form_of_that_number() -> None:
    """Dutch and English plurals from the catalogs' own plural forms: "1 les",
    never "1 lessen"; the number written as the site writes numbers."""
    from generator.words.labels import counted

    assert counted("total_lessons", 1, "nl") == "1 les"
    assert counted("total_lessons", 2, "nl") == "2 lessen, de nieuwste eerst"
    assert counted("total_lessons", 0, "nl") == "0 lessen, de nieuwste eerst"
    assert counted("total_lessons", 1234, "nl") == "1.234 lessen, de nieuwste eerst"
    assert counted("total_people", 1, "en") == "1 person"
    assert counted("and_more_campaigns", 1, "nl") == "En nog 1 oudere campagne."
    assert counted("headline_lessons", 1, "nl", year=2026) == "les in 2026"
