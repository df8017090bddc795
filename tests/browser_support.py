"""What the browser tests share: Debian's Chromium driven by Playwright, a
site served on 127.0.0.1, and a page that records what it requests and logs."""

from __future__ import annotations

import base64
import functools
import hashlib
import http.server
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Debian's headless build of Chromium (package chromium-headless-shell, the
# kind of browser Playwright itself runs headless): the same engine as the
# chromium package, at about two thirds of its processor time per page
# (86 s against 142 s for the browser tests here). Without it, the full
# browser.
CHROMIUM = shutil.which("chromium-headless-shell") or shutil.which("chromium") or shutil.which("chromium-browser")
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
# What the probe of this machine found Chromium needs as root on a closed network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]



def require_browser() -> None:
    if CHROMIUM is None or not AXE.is_file():
        missing = "Chromium (Debian's chromium-headless-shell package)" if CHROMIUM is None else f"axe-core ({AXE})"
        # A skipped browser test would guard nothing: it fails, on every machine.
        pytest.fail(f"{missing} is missing: `bash .ci/run` installs it (and `make test` installs axe-core)")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass


def serve(site: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


class Watched:
    """A page with everything it requested and every error it logged."""

    def __init__(self, page) -> None:
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def outside(self) -> list[str]:
        return [url for url in self.requests
                if urlsplit(url).scheme not in ("data", "blob", "about") and urlsplit(url).hostname != "127.0.0.1"]




class ScriptWatch:
    """One tab whose debugger reports every script Chromium compiles in the
    main world of the document it opens (Playwright's own helpers run in a
    world of their own; a `page.evaluate` of the test's runs in the main
    world, so it comes after what `open` returns)."""

    def __init__(self, context) -> None:
        self.page = context.new_page()
        self.session = context.new_cdp_session(self.page)
        self.parsed: list[dict] = []
        self.session.on("Debugger.scriptParsed", lambda event: self.parsed.append(event))
        self.session.send("Debugger.enable")

    def open(self, url: str, settle: bool = True) -> list[dict]:
        """The scripts (debugger events) run by the document at `url`.
        `settle`: a moment after the load event, when an onload handler and
        a style sheet's transform run (a page whose elements are searched
        for handlers afterwards need not wait: every later script starts
        from such a handler)."""
        self.page.goto("about:blank")  # what the last document compiled is reported before this
        self.parsed.clear()
        try:
            self.page.goto(url, wait_until="load")
            if settle:
                self.page.wait_for_timeout(60)
        except Exception as failure:  # a file the browser downloads is not opened: nothing runs
            if "Download is starting" not in str(failure):
                raise
        return [event for event in self.parsed if (event.get("executionContextAuxData") or {}).get("isDefault", False)]

    def source(self, event: dict) -> str:
        return self.session.send("Debugger.getScriptSource", {"scriptId": event["scriptId"]})["scriptSource"]

    def scripts_run(self, url: str) -> list[tuple[str, str]]:
        """(address, source) of each script run by the document at `url`."""
        return [(event.get("url", ""), self.source(event)) for event in self.open(url)]


_POLICY_HASHES = re.compile(r"'sha256-([A-Za-z0-9+/=]+)'")


def not_the_theme_s(watch: ScriptWatch, url: str, site: Path, name: str, theme_files: set[str]) -> list[str]:
    """Open the page `name` of the site served at `url` (from the folder
    `site`): the scripts it ran that are not the theme's, that is neither a
    script file of the theme or of the search (`theme_files`) nor an inline
    script the page's own Content-Security-Policy names by its hash. (The
    caller then looks for event handlers in the page: see ScriptWatch.open.)"""
    allowed = set(_POLICY_HASHES.findall((site / name).read_text("utf-8")))
    wrong = []
    for event in watch.open(url + name, settle=False):
        address = event.get("url", "")
        if address.startswith(url):
            if address.removeprefix(url).split("?")[0] in theme_files:
                continue  # a script file of the theme or of the search
            if address.removeprefix(url) in (name, name.removesuffix("index.html")):
                source = watch.source(event)
                digest = base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode()
                if digest in allowed:
                    continue  # an inline script the page's policy names
        wrong.append(f"{name}: {address or 'eval'} {watch.source(event)[:60]!r}")
    return wrong
