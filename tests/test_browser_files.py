"""Every file of the built site opened directly in Chromium, as a reader who
follows a link to it would: no script runs but the theme's.

A static server serves each file under the type its name says (in any
letter case), and a file opened directly gets no Content-Security-Policy
from a page around it. Chromium's debugger reports every script it
compiles in the page's own world; for a page only the theme's scripts may
be among them (its files, and the inline scripts its policy names), for
every other file none. The same watch on the files an attacker would put
beside the records (tests/hostile_files.py), served as they are, sees
each of them run a script: the watch would see it in the site too.
"""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
from pathlib import Path

import pytest

from .browser_support import require_browser, serve
from .hostile_files import RUNS_SCRIPT

pytestmark = pytest.mark.slow

_POLICY_HASHES = re.compile(r"'sha256-([A-Za-z0-9+/=]+)'")


class Watch:
    """One tab whose debugger reports every script Chromium compiles in the
    main world of the document it opens."""

    def __init__(self, context) -> None:
        self.page = context.new_page()
        self.session = context.new_cdp_session(self.page)
        self.parsed: list[dict] = []
        self.session.on("Debugger.scriptParsed", lambda event: self.parsed.append(event))
        self.session.send("Debugger.enable")

    def scripts_run(self, url: str) -> list[tuple[str, str]]:
        """(address, source) of each script run by the document at `url`."""
        self.page.goto("about:blank")
        self.parsed.clear()
        try:
            self.page.goto(url, wait_until="load")
            # An onload handler and a style sheet's transform run just after the load event.
            self.page.wait_for_timeout(60)
        except Exception as failure:  # a file the browser downloads is not opened: nothing runs
            if "Download is starting" not in str(failure):
                raise
        ran = []
        for event in list(self.parsed):
            if not (event.get("executionContextAuxData") or {}).get("isDefault", False):
                continue  # Playwright's own helpers run in a world of their own
            source = self.session.send("Debugger.getScriptSource", {"scriptId": event["scriptId"]})["scriptSource"]
            ran.append((event.get("url", ""), source))
        return ran


def test_the_watch_sees_each_hostile_file_run_its_script(browser, tmp_path: Path) -> None:
    require_browser()
    for name, content in RUNS_SCRIPT.items():
        (tmp_path / name).write_bytes(content)
    url, server = serve(tmp_path)
    context = browser.new_context(accept_downloads=False)
    try:
        opened = [name for name in RUNS_SCRIPT if name != "run.xsl"]  # the style sheet runs through styled.xml
        watch = Watch(context)
        ran = {name: bool(watch.scripts_run(url + name)) for name in opened}
        assert ran == {name: True for name in opened}
    finally:
        context.close()
        server.shutdown()


def test_no_file_of_the_built_site_runs_a_script_but_the_theme_s(built_site: Path, browser, tmp_path: Path) -> None:
    require_browser()
    site = tmp_path / "site"
    shutil.copytree(built_site / "site", site)
    files = sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())
    pages = [name for name in files if name.endswith(".html")]
    others = [name for name in files if not name.endswith(".html")]
    assert len(pages) > 30 and len(others) > 50
    theme_files = {name for name in files if name.endswith(".js")}
    url, server = serve(site)
    context = browser.new_context(accept_downloads=False)
    try:
        watch = Watch(context)
        wrong: list[str] = []
        for name in others:
            wrong += [f"{name}: {address or 'inline'}" for address, _ in watch.scripts_run(url + name)]
        for name in pages:
            allowed = set(_POLICY_HASHES.findall((site / name).read_text("utf-8")))
            for address, source in watch.scripts_run(url + name):
                if address.startswith(url):
                    if address.removeprefix(url).split("?")[0] in theme_files:
                        continue  # a script file of the theme or of the search
                    if address.removeprefix(url) in (name, name.removesuffix("index.html")):
                        digest = base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode()
                        if digest in allowed:
                            continue  # an inline script the page's policy names
                wrong.append(f"{name}: {address or 'eval'} {source[:60]!r}")
        assert wrong == []
    finally:
        context.close()
        server.shutdown()
