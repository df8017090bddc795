"""The handbook's settings, read from mkdocs.yml by MkDocs' own loader.

So `!ENV` values, `INHERIT` and relative paths mean what MkDocs documents,
and the generator writes into the very docs folder the engine reads. Only
the few settings the generator needs are taken out; the engine reads the
rest itself.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Collection, Mapping

from ..words.catalogs import LANGUAGES
from ..words.messages import quote, say
from ..words.problems import Problems, suggest
from .published import Sources

# The years a record's dates and the build date may fall in: recruitment on the web began in the
# 1990s, and nobody plans a review beyond 2100. Every date computed from them
# (review due dates) stays inside the calendar.
FIRST_YEAR, LAST_YEAR = 1990, 2100
_FIRST_EPOCH = int(datetime(FIRST_YEAR, 1, 1, tzinfo=timezone.utc).timestamp())
_LAST_EPOCH = int(datetime(LAST_YEAR, 12, 31, tzinfo=timezone.utc).timestamp())

# The folder under the docs folder that the generator owns.
GENERATED = "records"
# In the preview only: the file (JSON) of the records' problems that every
# page shows at its top until they are fixed (written by `handbook serve`).
PREVIEW_NOTICE = "HANDBOOK_PREVIEW_NOTICE"
# Set by `handbook build` for a large site, which MkDocs builds in several
# processes at once: "K/N", this process writes share K of N of the
# generated pages (the first share also every page written by hand).
ENGINE_SHARE = "HANDBOOK_ENGINE_SHARE"
# Set by `handbook build`: where the plugin writes the theme's reference
# page, its 404 page rendered with no navigation, so no page title or
# other author's text is in it; the audit knows the theme's own scripts,
# styles and forms from it (a page's title in the navigation cannot make
# itself one of them).
THEME_REFERENCE = "HANDBOOK_THEME_REFERENCE"


class SettingsError(Exception):
    """mkdocs.yml or the environment cannot give a setting; the message says
    which, `line` where in mkdocs.yml (when known)."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Settings:
    project: Path
    config_file: Path
    docs_dir: Path
    language: str  # the language of this build
    config_language: str  # theme.language in mkdocs.yml
    custom_dir: Path | None  # theme.custom_dir, absolute
    source_url: str | None  # extra.handbook.source_url: where "edit this record" leads
    directory_urls: bool = True  # use_directory_urls: pages served as folder/ or as page.html
    site_dir: Path | None = None  # site_dir in mkdocs.yml, absolute
    # extra.handbook.show_contact_details: e-mail and phone of current staff
    # on their pages; never of people who left. Off unless set.
    contact_details: bool = False
    site_url: str | None = None  # site_url in mkdocs.yml: where the site is published (absolute feed links)
    # extra.handbook.manager: the person id of the manager, who acts on what
    # no one record owner can (knowledge of someone who left, accounts
    # without an owner, a mistake made again); and where it is written
    # (line, column), for the warning when it names nobody the records know.
    manager: str | None = None
    manager_at: tuple[int, int] = (1, 1)
    site_name: str = "Wervingshandboek"
    scripts: tuple[str, ...] = ()  # extra_javascript: script files in the docs folder the pages load
    # Every path or address mkdocs.yml names beside the folders (style sheets,
    # scripts, logo, favicon, snippets), as (setting, path or address as written).
    named: tuple[tuple[str, Path | str], ...] = ()

    @property
    def data_dir(self) -> Path:
        return self.project.absolute() / "data"

    @property
    def generated(self) -> Path:
        return self.docs_dir / GENERATED

    @property
    def sources(self) -> Sources:
        """The folders the engine copies from, and the paths this file names."""
        return Sources(self.project, self.docs_dir, self.custom_dir, GENERATED, frozenset(self.scripts), self.named)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def read_settings(project: Path, language: str | None = None) -> Settings:
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    config_file = (project / "mkdocs.yml").absolute()
    if not config_file.is_file():
        raise SettingsError(say("no_config", path=project))
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    previous, logger.propagate = logger.propagate, False  # messages come back in the error, not twice
    _refuse_python_tags(config_file)
    try:
        config = load_config(config_file=str(config_file))
    except (MkDocsException, OSError, ValueError) as exc:
        details = "; ".join(collect.messages) or str(exc)
        raise SettingsError(f"mkdocs.yml: {details}") from None
    finally:
        logger.removeHandler(collect)
        logger.propagate = previous
    config_language = config.theme["language"]
    if not config_language:
        raise SettingsError(say("language_empty", choices=", ".join(LANGUAGES)))
    config_language = str(config_language)
    language = language or config_language
    if language not in LANGUAGES:
        raise SettingsError(say("language_unknown", value=repr(language), choices=", ".join(LANGUAGES)))
    handbook = (config.extra or {}).get("handbook") or {}
    source_url = handbook.get("source_url") if isinstance(handbook, dict) else None
    contact_details = handbook.get("show_contact_details", False) if isinstance(handbook, dict) else False
    if not isinstance(contact_details, bool):
        raise SettingsError("extra.handbook.show_contact_details in mkdocs.yml must be true or false")
    manager = handbook.get("manager") if isinstance(handbook, dict) else None
    manager_at = _position(config_file, ("extra", "handbook", "manager"))
    if manager is not None and not isinstance(manager, str):
        raise SettingsError(say("manager_not_an_id", value=repr(manager)[:60]), manager_at[0])
    custom_dir = getattr(config.theme, "custom_dir", None)
    docs_dir = Path(config.docs_dir)
    data = (project / "data").absolute()
    if docs_dir == data or docs_dir.is_relative_to(data) or data.is_relative_to(docs_dir):
        raise SettingsError(f"docs_dir in mkdocs.yml ({docs_dir}) must be a folder of its own, beside data/: "
                            "the engine publishes everything in it")
    scripts, named = _named_paths(config, project, docs_dir)
    return Settings(
        project=project,
        scripts=scripts,
        named=named,
        config_file=config_file,
        docs_dir=docs_dir,
        language=language,
        config_language=config_language,
        custom_dir=Path(custom_dir) if custom_dir else None,
        source_url=str(source_url) if source_url else source_from_environment(os.environ),
        directory_urls=bool(config.use_directory_urls),
        site_dir=Path(config.site_dir) if config.site_dir else None,
        contact_details=contact_details,
        site_url=str(config.site_url) if config.site_url else site_from_environment(os.environ),
        site_name=str(config.site_name),
        manager=manager or None,
        manager_at=manager_at,
    )


# Set by the publishing workflow (.github/workflows/publish.yml): the address
# GitHub Pages publishes the site at, asked of GitHub before the build.
SITE_ADDRESS = "HANDBOOK_SITE_URL"


def site_from_environment(environment: Mapping[str, str]) -> str | None:
    """Where the site is published, as the publishing workflow found it
    (SITE_ADDRESS), ending in '/'; None elsewhere, or when it is not a
    plain https address (a variable is no way to put markup into the feed)."""
    address = environment.get(SITE_ADDRESS, "")
    if not re.fullmatch(r"https://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~-]+)*/?", address):
        return None
    return address if address.endswith("/") else address + "/"


def check_manager(settings: Settings, people: Collection[str], problems: Problems) -> None:
    """A warning, at its place in mkdocs.yml, when the manager named there
    is nobody in the records: the site is built all the same, and what the
    manager should do is then given to nobody (the dashboard says so)."""
    if settings.manager is None or settings.manager in people:
        return
    line, column = settings.manager_at
    problems.warning("mkdocs.yml", line, column,
                     say("manager_unknown", value=quote(settings.manager), hint=suggest(settings.manager, people)))


def _position(config_file: Path, keys: tuple[str, ...]) -> tuple[int, int]:
    """Line and column (from 1) of the value at `keys` in mkdocs.yml, read
    as YAML nodes (tags such as !ENV are left unread); (1, 1) when it is not
    written there (inherited, or absent)."""
    import yaml

    try:
        node = yaml.compose(config_file.read_text("utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return 1, 1
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            return 1, 1
        node = next((value for name, value in node.value if getattr(name, "value", None) == key), None)
        if node is None:
            return 1, 1
    return node.start_mark.line + 1, node.start_mark.column + 1


def source_from_environment(environment: Mapping[str, str]) -> str | None:
    """The repository's edit address up to the branch, as GitHub Actions
    names the repository being built (GITHUB_SERVER_URL, GITHUB_REPOSITORY,
    and the branch pushed to, or for a pull request the branch it goes
    into); None elsewhere, or when a value is not what GitHub sets (a
    variable is no way to put another address into the pages)."""
    server = environment.get("GITHUB_SERVER_URL", "")
    repository = environment.get("GITHUB_REPOSITORY", "")
    if environment.get("GITHUB_REF", "").startswith("refs/heads/"):
        branch = environment.get("GITHUB_REF_NAME", "")
    else:
        branch = environment.get("GITHUB_BASE_REF", "")
    branch = branch or "main"
    if not (re.fullmatch(r"https://[A-Za-z0-9.-]+(?::[0-9]{1,5})?", server)
            and re.fullmatch(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", repository)
            and re.fullmatch(r"[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*", branch)):
        return None
    return f"{server}/{repository}/edit/{branch}"


def _named_paths(config: Any, project: Path, docs_dir: Path) -> tuple[tuple[str, ...], tuple[tuple[str, Path | str], ...]]:
    """The docs folder's scripts that the pages load, and every path or
    address mkdocs.yml names: each must stay in the repository."""
    from .addresses import leaves_site

    named: list[tuple[str, Path | str]] = [("docs_dir", docs_dir)]
    custom_dir = getattr(config.theme, "custom_dir", None)
    if custom_dir:
        named.append(("theme.custom_dir", Path(custom_dir)))
    scripts = []
    for setting in ("extra_javascript", "extra_css"):
        for item in config[setting] or ():
            written = str(getattr(item, "path", item))
            named.append((setting, written) if leaves_site(written) else (setting, docs_dir / written))
            if setting == "extra_javascript" and not leaves_site(written):
                scripts.append(written.lstrip("/"))
    for setting in ("logo", "favicon"):
        written = config.theme.get(setting)
        if written:
            named.append((f"theme.{setting}", str(written)) if leaves_site(str(written))
                         else (f"theme.{setting}", docs_dir / str(written)))
    for hook in (config.get("hooks") or {}).values() if isinstance(config.get("hooks"), dict) else ():
        named.append(("hooks", Path(getattr(hook, "__file__", "") or project)))
    snippets = (config.mdx_configs or {}).get("pymdownx.snippets") or {}
    bases = snippets.get("base_path", []) if isinstance(snippets, dict) else []
    for base in [bases] if isinstance(bases, str) else bases:
        folder = Path(os.path.abspath(project.absolute() / str(base)))
        # A page includes what lies in its folder, never the records (contact
        # details) or the repository's own files (.git/config).
        if not folder.is_relative_to(docs_dir.absolute()):
            raise SettingsError(say("snippets_outside_docs", path=base))
        named.append(("pymdownx.snippets.base_path", folder))
    if isinstance(snippets, dict) and snippets.get("url_download"):
        raise SettingsError(say("snippets_download"))
    return tuple(scripts), tuple(named)


# A YAML tag that makes MkDocs' loader build a Python object (and run code
# while reading mkdocs.yml). It can be written as '!!python/…', verbatim,
# %-escaped ('%70ython') or through a %TAG directive: so the tags are read
# as YAML resolves them, by PyYAML's own parser, never looked for as text.
_PYTHON_TAG = "tag:yaml.org,2002:python"


def _python_tag_line(text: str) -> int | None:
    """The line of the first tag that names a Python object, or None."""
    import yaml

    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            tag = getattr(event, "tag", None)
            if tag and tag.lower().startswith(_PYTHON_TAG):
                return event.start_mark.line + 1
    except yaml.YAMLError:
        # Unreadable as YAML: MkDocs' loader says why. A Python tag before
        # the place it stops is found above; after it nothing is read.
        return None
    return None


def _refuse_outside_hooks(text: str, file: Path, project: Path) -> None:
    """MkDocs imports each file named under `hooks` while it reads the
    settings: one outside the repository is refused before that."""
    import yaml

    class _Plain(yaml.SafeLoader):
        pass

    _Plain.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV, !relative: not needed here
    try:
        data = yaml.load(text, Loader=_Plain)  # noqa: S506 (a safe loader)
    except yaml.YAMLError:
        return  # MkDocs' own loader says what is wrong
    hooks = data.get("hooks") if isinstance(data, dict) else None
    for hook in hooks if isinstance(hooks, list) else []:
        path = Path(os.path.abspath(file.parent / str(hook)))
        if not path.is_relative_to(project.absolute()) or any(
                part.is_symlink() for part in [path, *path.parents] if part.is_relative_to(project.absolute())):
            raise SettingsError(say("config_path_outside", setting="hooks", path=str(hook)))


def _refuse_python_tags(config_file: Path) -> None:
    """mkdocs.yml and the files it inherits from are data: read before
    MkDocs' own loader, which would run such a tag."""
    seen: set[Path] = set()
    current: Path | None = config_file
    while current is not None and current not in seen and current.is_file():
        seen.add(current)
        text = current.read_text("utf-8", errors="replace")
        line = _python_tag_line(text)
        if line is not None:
            raise SettingsError(say("config_python_tag", file=current.name), line)
        _refuse_outside_hooks(text, current, config_file.parent)
        parent = re.search(r"^INHERIT:\s*['\"]?([^'\"\n#]+?)['\"]?\s*(?:#.*)?$", text, re.MULTILINE)
        current = (current.parent / parent.group(1).strip()) if parent else None


def build_epoch(project: Path) -> int:
    """The moment the handbook is 'as of', in seconds: SOURCE_DATE_EPOCH, else
    the time of the last commit; never the wall clock, so the same commit
    gives the same site (review verdicts, sitemap dates, archive headers)."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "")
    epoch = given.strip()
    if epoch:
        # ASCII digits only (str.isdigit also takes other scripts' digits), and a moment
        # the handbook's dates can be relative to.
        if not re.fullmatch(r"[0-9]{1,11}", epoch) or not _FIRST_EPOCH <= int(epoch) <= _LAST_EPOCH:
            raise SettingsError(say("bad_epoch", value=repr(given[:40]), first=FIRST_YEAR, last=LAST_YEAR))
        return int(epoch)
    if not epoch:
        try:
            epoch = subprocess.run(
                ["git", "log", "-1", "--format=%ct"], cwd=project, capture_output=True, text=True, check=True,
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            epoch = ""
    if not epoch.isdigit():
        raise SettingsError(say("no_build_date"))
    return int(epoch)


def build_date(project: Path) -> date:
    return datetime.fromtimestamp(build_epoch(project), tz=timezone.utc).date()


def check_date(project: Path) -> date:
    """The date a check judges by: the build date where there is one (a git
    checkout, or SOURCE_DATE_EPOCH), else today; a check renders nothing, so
    it does not need to be reproducible to the byte."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        return build_date(project)  # given: it must be right
    try:
        return build_date(project)
    except SettingsError:
        return date.today()
