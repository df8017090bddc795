"""Shared test helpers: a project built from the fixture data set plus inline files."""

from __future__ import annotations

import io
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"


def make_project(tmp_path: Path, files: dict[str, str | bytes | None] | None = None) -> Path:
    """A project in `tmp_path`: a copy of tests/fixtures/data as `data/`, then `files`.

    Keys are paths relative to the project (``"data/people/eva-jansen.yml"``),
    as `handbook check` reports them. A str value is written as UTF-8, bytes as
    they are, and None deletes the file (or folder).
    """
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    for name, content in (files or {}).items():
        target = tmp_path / name
        if content is None:
            if target.is_dir():
                shutil.rmtree(target)
            else:
                target.unlink()
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return tmp_path


def fixture_text(path: str) -> str:
    """Text of a fixture file, by its path in a project (``"data/..."``)."""
    return (FIXTURE_DATA.parent / path).read_text(encoding="utf-8")


def edit(path: str, old: str, new: str) -> dict[str, str]:
    """`{path: fixture text with old replaced by new}`, for `make_project`.

    `old` must occur exactly once, so that a changed fixture fails loudly
    instead of silently testing nothing.
    """
    return {path: replace_once(fixture_text(path), old, new)}


def replace_once(text: str, old: str, new: str) -> str:
    """`text` with `old`, which must occur exactly once, replaced by `new`."""
    count = text.count(old)
    if count != 1:
        raise AssertionError(f"{old!r} occurs {count} times, expected once")
    return text.replace(old, new)


def rename(path: str, new_path: str) -> dict[str, str | None]:
    """`{new_path: fixture text of path, path: None}`: the fixture file moved."""
    return {new_path: fixture_text(path), path: None}


SPEAKING = {"check", "report", "build", "generate", "serve", "new"}


def in_english(args: list[str]) -> list[str]:
    """A `handbook` command line with `--language en` after its command (the
    fixture's site is Dutch; these tests read the English messages)."""
    args = list(args)
    if args and args[0] in SPEAKING and "--language" not in args:
        args[1:1] = ["--language", "en"]
    return args


# What an author types at a prompt of `handbook new`: an answer, or a list
# of answers, one for each time the question is asked.
Answer = str | list[str]
# Ctrl-C: the author stops at this question.
STOP = "\x03"


class Conversation:
    """Answers to the questions of `handbook new`, found by what each
    question asks instead of by its place, so that a new question does not
    shift every answer after it.

    Each key is a distinctive part of a prompt; its value the answer (one
    of several lines types each line at the prompts that follow: a story,
    the items of a list), or a list of answers, one for each time the
    question is asked (again after a mistake, or in another round). A
    question no key names, or asked more often than its key has answers,
    is answered with Enter (an optional field skipped, a default taken);
    asked again straight after, Enter was refused: that is noted in
    `trouble`, and the author stops. `STOP` as an answer, or as a line of
    one, stops there. After the run, `check()` says what went wrong and
    which keys were never asked (a question reworded, or gone)."""

    def __init__(self, answers: dict[str, Answer]) -> None:
        self.answers = {key: [value] if isinstance(value, str) else list(value) for key, value in answers.items()}
        self.asked = dict.fromkeys(answers, 0)
        self.trouble: list[str] = []
        self.skipped: str | None = None  # the last question answered with Enter for want of an answer

    def reply(self, prompt: str) -> str:
        """What to type at `prompt` (its line as the terminal shows it)."""
        keys = [key for key in self.answers if key in prompt]
        if len(keys) > 1:
            self.trouble.append(f"{prompt!r} is named by several keys: {keys}")
            return STOP
        answer = None
        if keys:
            key, = keys
            if self.asked[key] < len(self.answers[key]):
                answer = self.answers[key][self.asked[key]]
            self.asked[key] += 1
        if answer is None:
            if prompt == self.skipped:
                self.trouble.append(f"Enter was not taken at {prompt!r}, and no answer is left for it")
                return STOP
            self.skipped = prompt
            return ""
        self.skipped = None
        return answer

    def check(self) -> None:
        unasked = [key for key, values in self.answers.items() if self.asked[key] < len(values)]
        assert not self.trouble and not unasked, f"{self.trouble}; never asked (or not as often): {unasked}"


class Answers(io.RawIOBase):
    """The input of `handbook new` under CliRunner, answering each question
    by what it asks (a `Conversation`):
    `CliRunner().invoke(..., input=Answers({...}))`, then `.check()`.

    The prompt is the last line the command has written when it reads from
    its input: the runner's stdout is looked at in that moment. An answer
    of several lines is given at once; a stop ends the input."""

    def __init__(self, answers: dict[str, Answer]) -> None:
        super().__init__()
        self.conversation = Conversation(answers)
        self.waiting = b""  # the rest of an answer longer than one read
        self.ended = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if len(buffer) == 0 or self.ended:  # CliRunner looks what kind of stream this is; or the end
            return 0
        if not self.waiting:
            sys.stdout.flush()
            prompt = sys.stdout.buffer.getvalue().decode("utf-8", "replace").rsplit("\n", 1)[-1]
            lines = self.conversation.reply(prompt).split("\n")
            if STOP in lines:
                lines, self.ended = lines[:lines.index(STOP)], True
            self.waiting = "".join(f"{line}\n" for line in lines).encode("utf-8")
            if not self.waiting:
                return 0
        size = min(len(buffer), len(self.waiting))
        buffer[:size] = self.waiting[:size]
        self.waiting = self.waiting[size:]
        return size

    def check(self) -> None:
        self.conversation.check()


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, url)
        self.ids: set[str] = set()
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "meta" and values.get("name"):
            self.meta[values["name"]] = values.get("content") or ""
        for attribute in ("href", "src"):
            if values.get(attribute):
                self.refs.append((tag, attribute, values[attribute]))
        # A picture's other drawings (a chart's narrow one): each candidate's address.
        for candidate in (values.get("srcset") or "").split(","):
            if candidate.strip():
                self.refs.append((tag, "srcset", candidate.split()[0]))


def _parse(file: Path) -> _Links:
    parser = _Links()
    parser.feed(file.read_text("utf-8"))
    return parser


def site_pages(site: Path) -> dict[str, _Links]:
    return {p.relative_to(site).as_posix(): _parse(p) for p in sorted(site.rglob("*.html"))}


def _target(site: Path, page: str, url: str) -> tuple[Path, str]:
    base = "http://handbook.invalid/" + page
    resolved = urlsplit(urljoin(base, url))
    path = unquote(resolved.path).lstrip("/")
    file = site / path
    if path == "" or path.endswith("/"):
        file = file / "index.html"
    return file, resolved.fragment


def broken_links(site: Path) -> list[str]:
    """Every address of a built site's pages that leads to no file of the
    site, or to an anchor its page does not have (addresses that leave the
    site are not followed)."""
    pages = site_pages(site)
    broken = []
    for page, parsed in pages.items():
        for tag, attribute, url in parsed.refs:
            if urlsplit(url).scheme in ("http", "https", "mailto"):
                continue
            file, fragment = _target(site, page, url)
            if not file.exists():
                broken.append(f"{page}: {tag} {attribute}={url}")
            elif fragment and file.suffix == ".html":
                if fragment not in pages[file.relative_to(site).as_posix()].ids:
                    broken.append(f"{page}: {url} (no anchor #{fragment})")
    return broken
