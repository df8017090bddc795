"""Every file of the built site opened directly in Chromium, as a reader who
follows a link to it would: no script runs but the theme's.

A static server serves each file under the type its name says (in any
letter case), and a file opened directly gets no Content-Security-Policy
from a page around it. Chromium's debugger reports every script it
compiles in the page's own world; for a file that is not a page none may
be among them (for a page only the theme's: its files, and the inline
scripts its policy names; tests/test_browser_hostile.py opens every page
so, with an attacker's text in every field). The same watch on the files an attacker would put
beside the records (tests/hostile_files.py), served as they are, sees
each of them run a script: the watch would see it in the site too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .browser_support import ScriptWatch, require_browser, serve
from .hostile_files import RUNS_SCRIPT

pytestmark = pytest.mark.slow


def test_the_watch_sees_each_hostile_file_run_its_script(browser, tmp_path: Path) -> None:
    require_browser()
    for name, content in RUNS_SCRIPT.items():
        (tmp_path / name).write_bytes(content)
    url, server = serve(tmp_path)
    context = browser.new_context(accept_downloads=False)
    try:
        opened = [name for name in RUNS_SCRIPT if name != "run.xsl"]  # the style sheet runs through styled.xml
        watch = ScriptWatch(context)
        ran = {name: bool(watch.scripts_run(url + name)) for name in opened}
        assert ran == {name: True for name in opened}
    finally:
        context.close()
        server.shutdown()


def test_no_file_beside_the_pages_of_the_built_site_runs_a_script(built_site: Path, browser, tmp_path: Path) -> None:
    """Every file of the site that is not a page (style sheets, images,
    charts, the feed, the search's files), opened directly: nothing runs.
    (Every page is opened the same way in tests/test_browser_hostile.py,
    with an attacker's text in every field: only the theme's scripts run.)"""
    require_browser()
    site = tmp_path / "site"
    shutil.copytree(built_site / "site", site)
    files = sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())
    others = [name for name in files if not name.endswith(".html")]
    assert len(others) > 50
    url, server = serve(site)
    context = browser.new_context(accept_downloads=False)
    try:
        watch = ScriptWatch(context)
        wrong: list[str] = []
        for name in others:
            wrong += [f"{name}: {address or 'inline'}" for address, _ in watch.scripts_run(url + name)]
        assert wrong == []
    finally:
        context.close()
        server.shutdown()
