"""After the engine ran: an audit of every built page, and the
Content-Security-Policy that every page then carries.

Record text was rendered and sanitized before the engine saw it; this is the
next, independent layer, on what a browser will actually receive. Pages are
read with lexbor (through selectolax), an HTML5 parser that builds the same
tree a browser builds, so a comment, an unclosed tag or an entity cannot hide
anything from the audit that a browser would run. A page fails when it holds

* a script or a style element that the theme did not put there (the theme's
  are those of the 404 page, which shows no record, with the relative base
  path taken out), a script file the theme's pages do not load, or any
  script in the page's own text (its `<article>`): scripts come only from
  the theme and from `extra_javascript` in `mkdocs.yml`;
* an event-handler attribute (`onerror=`, `onclick=` ...);
* a `javascript:`, `vbscript:` or `data:` address in any attribute that takes
  an address, read after entities are decoded, as a browser reads it;
* a link to any other scheme than http, https or mailto;
* anything loaded from elsewhere: an address with a scheme or starting with
  `//` or `/\\` in a resource (`src`, `srcset`, `poster`, `data` ...), or
  `url()`, `@import` or `expression()` in a style attribute;
* an element that embeds or submits to another document (iframe, object,
  embed, base, a form that is not the theme's), `<noscript>` (browsers that
  run script read its content differently) or `<meta http-equiv=refresh>`;
* a second element with an id the theme looks up ('__config', '__search'
  ...), or '__config' on anything but the theme's settings script.

Every other file of the site, whatever its name, is judged by the rules
for files beside the records (`published.judge`): an SVG image only with
drawing in it, a style sheet that loads nothing from elsewhere, no HTML
under another name, no link, nothing of a type a browser would run.

Every page carries a Content-Security-Policy (`policy.py`): the audit checks
that a page's policy names exactly the inline scripts found in it, and comes
before them; into a page written without one (by Zensical) it writes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..records.text import leaves_site, scheme_of
from ..words.messages import say
from ..parallel import elsewhere
from .policy import DATA_SCRIPT_TYPES, HEAD, policy, policy_element, script_hash, with_policy
from ..words.problems import Problem, Problems
from ..project.published import entries, entry_problem, judge
from ..project.settings import GENERATED
from ..project.write import overwrite_built

URL_ATTRIBUTES = frozenset({
    "href", "src", "action", "formaction", "poster", "data", "xlink:href", "background", "cite", "srcset",
    "ping", "manifest", "longdesc", "usemap", "codebase", "archive", "lowsrc", "dynsrc", "profile", "icon",
    "imagesrcset",
})
EMBEDDING = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"})
BAD_SCHEMES = frozenset({"javascript", "vbscript", "data"})
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
# <link rel=...> values that name another address without loading it.
NOT_LOADED = frozenset({"canonical", "alternate", "author", "help", "license", "next", "prev", "search"})
# A script's address with the page's relative base path taken out.
_SCRIPT_BASE = re.compile(r"^(?:\.\./)*(?:\./)?/?")
# A quoted path to the site's root or its assets, as a page at any depth writes
# it: "/", ".", "../..", "assets/...", "../../assets/...".
_BASE = re.compile(r'"(?:\.\./)*(?:\.\.|\.)?/?(assets/[^"]*)?"')
_STYLE_LOADS = re.compile(r"url\s*\(|@import|expression\s*\(|image-set\s*\(", re.IGNORECASE)
_SCRIPT_OPEN = re.compile(r"<script[\t\n\f\r />]", re.IGNORECASE)
_POLICY_NAMED = re.compile(r"content-security-policy", re.IGNORECASE)


# The elements `_PageAudit.element` can say something about, as CSS
# selectors; an element none of them matches passes every check there:
# ids the theme uses; the elements checked by their name; an attribute that
# takes an address (lexbor matches `xlink:href` by `href`), except a link's
# `href` without a ':' or an entity, which can hold no scheme (`scheme_of`);
# a style attribute. Event handlers have names no selector can list
# (`on...`): a page where one may stand is checked element by element.
WATCHED = ", ".join([
    '[id^="__"]',
    *sorted(EMBEDDING | {"noscript", "meta", "animate", "set", "form", "script", "style"}),
    *(f"[{name}]" for name in sorted(URL_ATTRIBUTES - {"href", "xlink:href"})),
    "[href]:not(a):not(area)",
    *(f'{tag}[href*="{sign}"]' for tag in ("a", "area") for sign in (":", "&")),
    "[style]",
])
# Where the HTML tokenizer can start an attribute whose name begins with
# 'on' and which has a value: after white space, '/' or a closing quote. A
# superset: it also matches such text outside tags, which is rare.
# Handler names are 'on' and letters only ('onerror'); a name class that
# also took quotes made the search go back and forth over "'on'on'on…",
# a cost that grew with the square of the page.
_MAYBE_HANDLER = re.compile(r"""[\t\n\f\r /"']on[a-z]*[\t\n\f\r ]*=""", re.IGNORECASE)


def _once(nodes: list[LexborNode]) -> list[LexborNode]:
    """Each node once (a node that matches two selectors is found twice), in document order."""
    seen: set[int] = set()
    return [node for node in nodes if not (node.mem_id in seen or seen.add(node.mem_id))]


def _normalise(text: str) -> str:
    """An inline theme script with the page's relative base path taken out."""
    return _BASE.sub(lambda m: '"BASE/' + (m.group(1) or "") + '"', text)


@dataclass
class Theme:
    """What the theme itself puts in pages: read from a page without records."""

    scripts: set[str] = field(default_factory=set)  # normalised inline scripts
    styles: set[str] = field(default_factory=set)  # normalised style elements
    forms: set[tuple[tuple[str, str], ...]] = field(default_factory=set)  # attributes of each form
    sources: set[str] = field(default_factory=set)  # script files the pages load, without the base path


@dataclass
class AuditResult:
    pages: int = 0
    protected: int = 0  # pages the policy was written into


def _position(raw: str, *needles: str, start: int = 0, lowered: str | None = None) -> tuple[int, int]:
    """Line and column of the first of `needles` found in the page
    (case-insensitive; `lowered`: the page in lower case, when known), or 1:1."""
    lowered = raw.lower() if lowered is None else lowered
    for needle in needles:
        at = lowered.find(needle.lower(), start) if needle else -1
        if at >= 0:
            return raw.count("\n", 0, at) + 1, at - (raw.rfind("\n", 0, at) + 1) + 1
    return 1, 1


class _PageAudit:
    def __init__(self, path: str, raw: str, theme: Theme | None, problems: Problems) -> None:
        self.path = path
        self.raw = raw
        self.theme = theme
        self.problems = problems
        self.scripts: list[str] = []  # inline scripts that run, exactly as written
        self.found = Theme()
        self.ids_seen: set[str] = set()
        self.policies: list[str] = []  # the content of each Content-Security-Policy <meta>
        self.next_in_article = 0  # where to look for the next script in the page's text
        self.lowered: str | None = None
        self.lines_before, self.counted_to = 0, 0  # line breaks before `counted_to`

    def error(self, needle: str, message: str, *more: str) -> None:
        self.problems.error(self.path, *_position(self.raw, needle, *more), message)

    def run(self, every: bool = False) -> None:
        """Check the page's elements. Only those a check can say something
        about are visited (`WATCHED`, matched by lexbor in C: a page has
        hundreds of elements, a few of them are watched); every element when
        the page may hold an event handler, or with `every`."""
        tree = LexborHTMLParser(self.raw)
        if tree.root is None:
            return
        if every or _MAYBE_HANDLER.search(self.raw):
            nodes = tree.root.traverse(include_text=False)
        else:
            nodes = _once(tree.root.css(WATCHED))
        for node in nodes:
            tag = node.tag or ""
            if tag.startswith("-"):  # comments and the like hold nothing a browser runs
                continue
            self.element(tag, node)

    def element(self, tag: str, node: LexborNode) -> None:
        values = {name.lower(): value or "" for name, value in node.attributes.items()}
        ident = values.get("id", "")
        if ident.startswith("__"):  # the theme finds its own parts by these ids: each must be its own
            if ident in self.ids_seen:
                self.error(f'id="{ident}"', say("audit_second_id", ident=ident))
            elif ident == "__config" and tag != "script":
                self.error(f'id="{ident}"', say("audit_config_id", tag=tag))
            self.ids_seen.add(ident)
        for name in values:
            if name.startswith("on"):
                self.error(name, say("audit_handler", tag=tag, name=name))
        if tag == "base":
            self.error("<base", say("audit_base"))
        elif tag in EMBEDDING:
            self.error(f"<{tag}", say("audit_embeds", tag=tag))
        if tag == "noscript":
            self.error("<noscript", say("audit_noscript"))
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.error("http-equiv", say("audit_refresh"))
        if tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            self.policies.append(values.get("content", ""))
        if tag in ("animate", "set") and values.get("attributename", "").lower() in ("href", "xlink:href"):
            self.error(f"<{tag}", say("audit_animate", tag=tag))
        if tag not in EMBEDDING and tag not in ("form", "script"):  # those have rules of their own
            for name in URL_ATTRIBUTES & values.keys():
                self.address(tag, name, values)
        if _STYLE_LOADS.search(values.get("style", "")):
            self.error("style=", say("audit_style_attribute", tag=tag))
        if tag == "form":
            signature = tuple(sorted(values.items()))
            self.found.forms.add(signature)
            if self.theme is not None and signature not in self.theme.forms:
                self.error(next(iter(values.values()), ""), say("audit_form"), "<form")
        elif tag == "script":
            self.script(node, values)
        elif tag == "style":
            text = node.text(deep=True)
            self.found.styles.add(_normalise(text))
            if self.theme is not None and _normalise(text) not in self.theme.styles:
                self.error("<style", say("audit_style"))

    def address(self, tag: str, name: str, values: dict[str, str]) -> None:
        if name == "srcset" or name == "imagesrcset":
            urls = [part.strip().split(" ")[0] for part in values[name].split(",")]
        else:
            urls = [values[name]]
        for url in urls:
            scheme = scheme_of(url)
            if scheme in BAD_SCHEMES:
                self.error(url[:30], say("audit_scheme", tag=tag, name=name, scheme=scheme), f"{name}=")
            elif tag in ("a", "area") and name == "href":
                if scheme is not None and scheme not in LINK_SCHEMES:
                    self.error(url[:30], say("audit_link_scheme", tag=tag, scheme=scheme), f"{name}=")
            elif leaves_site(url):
                # Only a link that loads nothing for any of its rel values ('prefetch
                # alternate' loads).
                rels = set(values.get("rel", "").lower().split())
                if not (tag == "link" and rels and rels <= NOT_LOADED):
                    self.error(url[:40], say("audit_elsewhere", tag=tag, name=name, url=url[:80]), f"{name}=")

    def script(self, node: LexborNode, values: dict[str, str]) -> None:
        in_text = _in_article(node)
        if in_text:  # the page's own text: Markdown written by hand, or a record's
            # Scripts are visited in document order: each is the next '<script' in the article.
            if self.lowered is None:
                self.lowered = self.raw.lower()  # once per page, however many scripts it holds
            lowered = self.lowered
            if self.next_in_article == 0:
                self.next_in_article = max(0, lowered.find("<article"))
            at = lowered.find("<script", self.next_in_article)
            at = max(at, 0)
            self.lines_before += self.raw.count("\n", self.counted_to, at)  # counted on from the last one
            self.counted_to = at
            self.problems.error(self.path, self.lines_before + 1, at - (self.raw.rfind("\n", 0, at) + 1) + 1,
                                say("audit_script_in_page"))
            self.next_in_article = max(at, self.next_in_article) + 1
        src = values.get("src")
        if src is not None:
            source = _SCRIPT_BASE.sub("", src.strip())
            self.found.sources.add(source)
            if not in_text and (leaves_site(src) or (self.theme is not None and source not in self.theme.sources)):
                self.error(src or "<script", say("audit_script_src", src=src[:80]))
            return
        text = node.text(deep=True)
        normalised = _normalise(text)
        self.found.scripts.add(normalised)
        if values.get("type", "").lower() not in DATA_SCRIPT_TYPES:
            self.scripts.append(text)  # named by the page's policy, whatever else is wrong with it
        if not in_text and self.theme is not None and normalised not in self.theme.scripts:
            self.error("<script" if not text else text[:30], say("audit_inline_script"))


def _in_article(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag == "article":
            return True
        parent = parent.parent
    return False


def audit_site(site: Path, problems: Problems, shown_as: str = "site", within: Path | None = None,
               protect: bool = False, reference: Path | None = None) -> AuditResult:
    """Audit every page and every other file of a built site (or of
    its folder `within`). With `protect` (a site still being built), a page
    that passes and has no policy gets one. What the theme puts in pages is
    read from `reference` (the theme's page without navigation, which the
    plugin writes), else from the site's 404 page (after another engine)."""
    theme = Theme()
    if reference is None or not reference.is_file():
        reference = site / "404.html"
    if reference.is_file():
        baseline = _PageAudit(f"{shown_as}/404.html", reference.read_text("utf-8"), None, Problems())
        baseline.run()
        theme = baseline.found
    files = _audited_files(within or site, site, shown_as, problems)

    def audit(share: list[Path]) -> tuple[list, AuditResult]:
        found, result = Problems(), AuditResult()
        for page in share:
            _audit_file(site, page, shown_as, theme, found, result, protect)
        return found.items, result

    # Two halves, the second in another process on a second core.
    with elsewhere(lambda: audit(files[1::2]), wanted=len(files) >= PARALLEL_FROM) as there:
        here_items, result = audit(files[0::2])
    there_items, other = there()
    problems.extend(sorted(here_items + there_items, key=lambda p: (p.path, p.line, p.col)))
    result.pages += other.pages
    result.protected += other.protected
    return result


def _audited_files(folder: Path, site: Path, shown_as: str, problems: Problems) -> list[Path]:
    """Every file in a folder of the site, in a fixed order; a link, or
    anything that is not a plain file or folder, is a problem of its own."""
    found = []
    for path, status in entries(folder):
        why = entry_problem(status)
        if why is not None:
            problems.error(f"{shown_as}/{path.relative_to(site).as_posix()}", 1, 1, why)
        elif not path.is_dir():
            found.append(path)
    return found


def _audit_file(site: Path, page: Path, shown_as: str, theme: Theme, problems: Problems, result: AuditResult,
                protect: bool) -> None:
    inside = page.relative_to(site).as_posix()
    relative = f"{shown_as}/{inside}"
    data = page.read_bytes()
    if not inside.endswith(".html"):  # every other file, whatever its name
        for refusal in judge(inside, data, "site"):
            problems.error(relative, refusal.line, refusal.col, refusal.message)
        return
    raw = data.decode("utf-8", errors="replace")
    before = len(problems.items)
    auditor = _PageAudit(relative, raw, theme, problems)
    auditor.run()
    result.pages += 1
    hashes = [script_hash(text) for text in auditor.scripts]
    if auditor.policies:
        _check_policy(auditor, policy(hashes))
    elif HEAD.search(raw) is None:
        problems.error(relative, 1, 1, say("audit_no_head"))
    elif protect and len(problems.items) == before:
        protected = with_policy(data, policy_element(hashes).encode("ascii"))
        if protected is not None:
            overwrite_built(page, protected)
            result.protected += 1


def _check_policy(auditor: _PageAudit, expected: str) -> None:
    """The policy the engine wrote into a page must be the one for the
    scripts the page holds, and stand before the first of them."""
    if auditor.policies != [expected]:
        auditor.error("Content-Security-Policy", say("audit_policy_mismatch"))
        return
    named = _POLICY_NAMED.search(auditor.raw)
    script = _SCRIPT_OPEN.search(auditor.raw)
    if script is not None and named is not None and script.start() < named.start():
        auditor.error("<script", say("audit_script_before_policy"))


# Sites with this many files are audited by two processes.
PARALLEL_FROM = 2_000


def in_sources(problems: list[Problem], site: Path, shown_as: str, docs: Path, docs_shown: str) -> list[Problem]:
    """The audit's problems, those in a page written by hand (`handbook/x.md`
    becomes `site/x/index.html`) told at their place in that page's source:
    the text the built page holds at the problem is looked for there (a
    block of HTML in Markdown is passed through as it is written). Pages of
    the theme and the generated pages keep their place in the built site."""
    sources: dict[str, tuple[str, str] | None] = {}
    built_lines: dict[str, list[str]] = {}  # each built page read once, however many problems it has
    lowered: dict[str, str] = {}
    moved = []
    for problem in problems:
        built = problem.path.removeprefix(f"{shown_as}/")
        if built == problem.path or not built.endswith(".html"):
            moved.append(problem)
            continue
        if built not in sources:
            sources[built] = _source_of(built, docs)
        source = sources[built]
        if source is None:
            moved.append(problem)
            continue
        name, text = source
        if built not in built_lines:
            built_lines[built] = (site / built).read_text("utf-8", errors="replace").split("\n")
            lowered[built] = text.lower()
        lines = built_lines[built]
        at = lines[problem.line - 1][problem.col - 1:] if problem.line <= len(lines) else ""
        # The longest start of it that the source holds (Markdown may close
        # or wrap an element differently around it).
        line, col = next((_position(text, at[:size], lowered=lowered[built]) for size in (40, 20, 10, 5) if at[:size].strip()
                          and at[:size].lower() in lowered[built]), (1, 1))
        moved.append(Problem(f"{docs_shown}/{name}", line, col, problem.message, problem.severity))
    return moved


def _source_of(built: str, docs: Path) -> tuple[str, str] | None:
    """The hand-written Markdown page a built page comes from, and its text."""
    if built.split("/")[0] == GENERATED or built == "404.html":
        return None
    stem = built.removesuffix(".html")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index").rstrip("/")
    candidates = [f"{stem}.md", f"{stem}/index.md", f"{stem}/README.md"] if stem else ["index.md", "README.md"]
    for name in candidates:
        path = docs / name
        if path.is_file() and not path.is_symlink():
            return name, path.read_text("utf-8", errors="replace")
    return None
