"""What the browser tests share: Debian's Chromium driven by Playwright, a
site served on 127.0.0.1, and a page that records what it requests and logs."""

from __future__ import annotations

import functools
import http.server
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


