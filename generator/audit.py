"""After the engine ran: an audit of every HTML page before the site goes live.

Record text was checked and escaped before rendering; this is the second
line of defence, on what a browser will actually receive. A page fails when it
holds

* a script the theme did not put there (the theme's scripts are the bundle
  under `assets/javascripts/` and the inline scripts of a page without any
  record content, the 404 page, compared with the relative paths taken out);
* an event-handler attribute (`onerror=`, `onclick=` ...);
* a `javascript:`, `vbscript:` or `data:` address in a link or resource;
* a resource (script, style sheet, image, frame, font ...) loaded from another
  host, or an element that embeds another document.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from .problems import Problems
from .safety import scheme_of

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "xlink:href", "background", "cite", "srcset"}
EMBEDDING = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}
BAD_SCHEMES = {"javascript", "vbscript", "data"}
# A quoted path to the site's root or its assets, as a page at any depth writes
# it: "/", ".", "../..", "assets/...", "../../assets/...".
_BASE = re.compile(r'"(?:\.\./)*(?:\.\.|\.)?/?(assets/[^"]*)?"')


def _normalise(script: str) -> str:
    """An inline theme script with the page's relative base path taken out."""
    return _BASE.sub(lambda m: '"BASE/' + (m.group(1) or "") + '"', script)


class _PageAudit(HTMLParser):
    def __init__(self, path: str, theme_scripts: set[str] | None, problems: Problems) -> None:
        super().__init__(convert_charrefs=True)
        self.path = path
        self.theme_scripts = theme_scripts
        self.problems = problems
        self.in_script = False
        self.script_at = (1, 1)
        self.script_text: list[str] = []
        self.inline_scripts: list[str] = []

    def error(self, message: str, at: tuple[int, int] | None = None) -> None:
        line, col = at or self.getpos()
        self.problems.error(self.path, line, col + 1 if at is None else col, message)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        for name in values:
            if name.startswith("on"):
                self.error(f"<{tag}> has the event handler '{name}', which runs script")
        if tag in EMBEDDING:
            self.error(f"<{tag}> embeds another document; the handbook does not")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.error("<meta http-equiv=refresh> sends the reader elsewhere")
        for name in URL_ATTRIBUTES & values.keys():
            urls = [part.strip().split(" ")[0] for part in values[name].split(",")] if name == "srcset" else [values[name]]
            for url in urls:
                scheme = scheme_of(url)
                if scheme in BAD_SCHEMES:
                    self.error(f"<{tag} {name}> uses a '{scheme}:' address")
                elif tag != "a" and (scheme is not None or url.strip().startswith("//")):
                    if not (tag == "link" and values.get("rel", "") in ("canonical", "alternate")):
                        self.error(f"<{tag} {name}> loads {url} from another host")
        if "url(" in values.get("style", "").replace(" ", "").lower():
            self.error(f"<{tag}> loads a resource through its style attribute")
        if tag == "script":
            src = values.get("src")
            if src is not None:
                if not re.match(r"^(\.\./)*(\./)?/?assets/javascripts/", src):
                    self.error(f"<script src={src}> is not one of the theme's scripts")
            else:
                self.in_script = True
                self.script_at = self.getpos()
                self.script_text = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.in_script:
            self.in_script = False
            text = _normalise("".join(self.script_text))
            self.inline_scripts.append(text)
            if self.theme_scripts is not None and text not in self.theme_scripts:
                line, col = self.script_at
                self.error("an inline <script> that the theme did not put there", (line, col + 1))


def audit_site(site: Path, problems: Problems, shown_as: str = "site") -> int:
    """Audit every page of a built site; the number of pages read."""
    reference = site / "404.html"
    theme_scripts: set[str] = set()
    if reference.is_file():
        baseline = _PageAudit(f"{shown_as}/404.html", None, problems)
        baseline.feed(reference.read_text("utf-8"))
        theme_scripts = set(baseline.inline_scripts)
    count = 0
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        auditor = _PageAudit(f"{shown_as}/{relative}", theme_scripts, problems)
        auditor.feed(page.read_text("utf-8"))
        auditor.close()
        count += 1
    return count
