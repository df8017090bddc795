"""`handbook serve`: the preview regenerates when a record changes."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

from .conftest import FIXTURE_EPOCH, ROOT

pytestmark = pytest.mark.slow  # each preview builds the site with the engine


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _start_preview(project: Path, port: int, output: bool, temporary: Path) -> subprocess.Popen:
    """`handbook serve` in a session of its own; `output`: its terminal, as
    text, to read afterwards; `temporary`: the folder it makes its temporary
    folders in (TMPDIR; the fixture of that name)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "PYTHONPATH": str(ROOT), "TMPDIR": str(temporary)}
    where = dict(stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) if output else dict(
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--project", str(project), "--address", f"127.0.0.1:{port}"],
        env=env, start_new_session=True, **where,
    )


def _working_in(folder: Path) -> list[str]:
    """The processes whose command line names `folder`."""
    return subprocess.run(["pgrep", "-af", str(folder)], capture_output=True, text=True).stdout.splitlines()


@pytest.fixture
def temporary(tmp_path: Path) -> Iterator[Path]:
    """The temporary folder (TMPDIR) of the previews a test starts, a folder
    of the test's own (other previews may run beside it). Once the test has
    stopped them, no process may work in it any more: not the engine, and
    not a Pagefind that was indexing the site when the preview stopped."""
    folder = tmp_path / "temporary"
    folder.mkdir()
    yield folder
    try:
        _wait_for(lambda: not _working_in(folder), seconds=15)
    except AssertionError:
        pytest.fail("still running after the preview stopped:\n" + "\n".join(_working_in(folder)))


def _wait_for(condition, seconds: float = 30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("timed out")


def test_the_preview_follows_an_edited_record(project: Path, temporary: Path) -> None:
    """Edited three times, the record's page follows; every rebuilt page
    keeps its navigation (titles, not 'None'), search is there from the
    first page on and after every rebuild, and nothing prints a traceback."""
    port = _free_port()
    server = _start_preview(project, port, output=True, temporary=temporary)
    base = f"http://127.0.0.1:{port}"
    url = f"{base}/records/lessons/weer-gezonden/"
    record = project / "data" / "lessons" / "weer-gezonden.yml"
    try:
        page = _wait_for(lambda: _get(url))
        assert "Opnieuw alleen gezonden" in page
        assert _get(f"{base}/pagefind/pagefind-component-ui.js")
        assert '"languages"' in _get(f"{base}/pagefind/pagefind-entry.json")
        title = "Opnieuw alleen gezonden"
        for new in ("Weer alleen gezonden", "Nogmaals alleen gezonden", "Opnieuw alleen gezonden"):
            record.write_text(record.read_text("utf-8").replace(title, new), "utf-8")
            title = new
            page = _wait_for(lambda: (text := _get(url) or "") and new in text and text)
            titles = re.findall(r'class="md-ellipsis">\s*([^<]*?)\s*<', page)
            assert {"Campagnes", "Lessen", "Platforms"} <= set(titles) and "None" not in titles, titles
        assert '"languages"' in _wait_for(lambda: _get(f"{base}/pagefind/pagefind-entry.json"))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        output, _ = server.communicate(timeout=20)
    assert "Traceback" not in output and "Error building page" not in output, output
    assert "pagefind" not in output.lower(), output  # no 404s for the search files


def test_a_stopped_preview_frees_its_port_for_the_next_and_says_only_what_matters(project: Path,
                                                                                  temporary: Path) -> None:
    """SIGTERM to `handbook serve` alone (as a process manager or an editor
    sends it) stops the engine too: the next preview starts on the same port
    at once. Neither says MkDocs' list of pages outside the navigation or its
    dirty-build warning. What the previews make in their temporary folder (a
    folder of this test's: other previews may run beside it) is gone."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/records/lessons/weer-gezonden/"
    for stop in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, "again"):
        server = _start_preview(project, port, output=True, temporary=temporary)
        try:
            assert "Opnieuw alleen gezonden" in _wait_for(lambda: _get(url))
            if stop == "again":  # SIGTERM to the whole group, again while it stops: the same stop
                for _ in range(3):
                    try:
                        os.killpg(server.pid, signal.SIGTERM)
                    except ProcessLookupError:
                        break
                    time.sleep(0.1)
            else:
                os.kill(server.pid, stop)  # the preview alone, not its process group
            output, _ = server.communicate(timeout=20)
        finally:
            if server.poll() is None:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
        assert server.returncode == 0, output
        assert "Traceback" not in output
        assert "not included in the" not in output and "'dirty' build" not in output
        assert "Browser connected" not in output and "Shutting down" not in output
        # MkDocs' lines that stay say, in the handbook's language, when the pages are ready and where.
        assert re.search(r"pagina's klaar in \d+,\d\d seconden", output), output
        assert f"het voorbeeld staat op http://127.0.0.1:{port}/" in output and "Serving on" not in output
        # The engine stopped as Ctrl-C stops it: what the preview made is gone.
        assert list(temporary.glob("handbook-preview-*")) == []


def test_a_record_error_is_shown_on_its_page_in_the_preview_until_it_is_fixed(project: Path,
                                                                              temporary: Path) -> None:
    """The author looks at the browser, not the terminal: the page of the
    record says what is wrong (as text: record text never becomes markup)
    and shows the record again once it is fixed."""
    port = _free_port()
    server = _start_preview(project, port, output=False, temporary=temporary)
    url = f"http://127.0.0.1:{port}/records/lessons/weer-gezonden/"
    record = project / "data" / "lessons" / "weer-gezonden.yml"
    good = record.read_text("utf-8")
    try:
        assert "Opnieuw alleen gezonden" in _wait_for(lambda: _get(url))
        record.write_text(good.replace("level: execution", "level: <b>Uitvoering</b>"), "utf-8")
        page = _wait_for(lambda: (text := _get(url) or "") and "Dit record heeft fouten" in text and text)
        assert "Fouten in data/lessons/weer-gezonden.yml" in page
        assert ("data/lessons/weer-gezonden.yml:5:8: error: &#x27;&lt;b&gt;Uitvoering&lt;/b&gt;&#x27; is niet "
                "toegestaan voor &#x27;level&#x27; (niveau)") in page
        assert "<b>Uitvoering</b>" not in page
        record.write_text(good, "utf-8")
        _wait_for(lambda: "Opnieuw alleen gezonden" in (_get(url) or "") and "Dit record heeft fouten" not in (_get(url) or ""))
        # A new record with errors, then taken away: its page goes with it.
        extra = project / "data" / "lessons" / "nieuw-met-fout.yml"
        extra.write_text(good.replace("level: execution", "level: Uitvoerig"), "utf-8")
        extra_url = f"http://127.0.0.1:{port}/records/lessons/nieuw-met-fout/"
        assert 'class="handbook-problems"' in _wait_for(lambda: _get(extra_url))
        extra.unlink()
        _wait_for(lambda: _get(extra_url) is None)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


def test_every_page_of_the_preview_says_which_records_have_errors_until_they_are_fixed(project: Path,
                                                                                       temporary: Path) -> None:
    """A new record with a mistake is on no list yet, and a mistake in the
    taxonomy has no page: the page the author is looking at says it, with a
    link to the record's page, and stops saying it once all is right."""
    port = _free_port()
    server = _start_preview(project, port, output=False, temporary=temporary)
    home = f"http://127.0.0.1:{port}/"
    lesson = f"http://127.0.0.1:{port}/records/lessons/weer-gezonden/"
    good = (project / "data/lessons/weer-gezonden.yml").read_text("utf-8")
    taxonomy = project / "data" / "taxonomy.yml"
    kept = taxonomy.read_text("utf-8")
    try:
        assert "Opnieuw alleen gezonden" in _wait_for(lambda: _get(lesson))
        assert "handbook-preview-notice" not in _get(home)
        (project / "data/lessons/nieuw-met-fout.yml").write_text(
            good.replace("level: execution", "level: <script>alert(1)</script>"), "utf-8")
        page = _wait_for(lambda: (text := _get(home) or "") and "handbook-preview-notice" in text and text)
        assert "1 fout(en) in 1 bestand(en): de preview toont de laatste goede versie" in page
        assert ("<code>data/lessons/nieuw-met-fout.yml:5:8: error: &#x27;&lt;script&gt;alert(1)&lt;/script&gt;"
                "&#x27; is niet toegestaan voor &#x27;level&#x27;") in page
        assert '<a href="records/lessons/nieuw-met-fout/">toon de pagina van het record</a>' in page
        assert "<code>handbook check</code>" in page and "<script>alert" not in page
        on_lesson = _get(lesson)  # every page, with links from where it is
        assert '<a href="../nieuw-met-fout/">toon de pagina van het record</a>' in on_lesson
        (project / "data/lessons/nieuw-met-fout.yml").unlink()
        _wait_for(lambda: "handbook-preview-notice" not in (_get(home) or "handbook-preview-notice"))
        taxonomy.write_text(kept + "\tkapot: ja\n", "utf-8")
        page = _wait_for(lambda: (text := _get(home) or "") and "handbook-preview-notice" in text and text)
        assert "<code>data/taxonomy.yml:" in page and "toon de pagina" not in page
        taxonomy.write_text(kept, "utf-8")
        _wait_for(lambda: "handbook-preview-notice" not in (_get(home) or "handbook-preview-notice"))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


def test_a_preview_started_on_records_with_errors_starts_and_says_them(project: Path,
                                                                       temporary: Path) -> None:
    """Never generated before (a fresh clone) and a record already broken:
    the preview still starts, its pages hold no records yet, and each says
    what to fix; no traceback from the engine."""
    good = (project / "data/lessons/weer-gezonden.yml").read_text("utf-8")
    (project / "data/lessons/weer-gezonden.yml").write_text(good.replace("level: execution", "level: Uitvoerig"),
                                                            "utf-8")
    port = _free_port()
    server = _start_preview(project, port, output=True, temporary=temporary)
    home = f"http://127.0.0.1:{port}/"
    lesson = f"http://127.0.0.1:{port}/records/lessons/weer-gezonden/"
    try:
        page = _wait_for(lambda: _get(home))
        assert "data/lessons/weer-gezonden.yml:5:8: error: &#x27;Uitvoerig&#x27; is niet toegestaan" in page
        assert "de preview toont de records zodra deze hersteld zijn (tot dan zijn de pagina&#x27;s leeg" in page
        assert "Dit record heeft fouten" in _get(lesson)
        (project / "data/lessons/weer-gezonden.yml").write_text(good, "utf-8")
        _wait_for(lambda: "Opnieuw alleen gezonden" in (_get(lesson) or ""))
        _wait_for(lambda: "handbook-preview-notice" not in (_get(home) or "handbook-preview-notice"))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        output, _ = server.communicate(timeout=20)
    assert "Traceback" not in output and "ERROR" not in output, output


def test_a_preview_killed_outright_leaves_no_engine_holding_the_port(project: Path, temporary: Path) -> None:
    """SIGKILL to `handbook serve` alone: it cannot clean up, yet its engine
    stops with it and the port is free for the next preview."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/records/lessons/weer-gezonden/"
    server = _start_preview(project, port, output=False, temporary=temporary)
    try:
        assert "Opnieuw alleen gezonden" in _wait_for(lambda: _get(url))
        os.kill(server.pid, signal.SIGKILL)  # the preview alone, not its process group
        server.wait(timeout=20)
        _wait_for(lambda: _get(url) is None, seconds=15)
        # The engine too ends (after its own clean-up).
        _wait_for(lambda: not subprocess.run(["pgrep", "-g", str(server.pid)], capture_output=True).stdout,
                  seconds=15)
    finally:
        try:
            os.killpg(server.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def test_a_preview_stopped_while_search_is_indexed_leaves_no_pagefind(built_site: Path, tmp_path: Path) -> None:
    """After an edit the preview indexes the rebuilt site in the background;
    stopped meanwhile (its exit handlers close the search), that Pagefind
    stops too and no new one starts. Here it would never end by itself: a
    page of the rebuilt site is a named pipe nobody writes to, as a site
    folder removed under it leaves Pagefind waiting. The last index stays."""
    from generator.site.search import PreviewSearch

    site = Path(shutil.copytree(built_site / "site", tmp_path / "site"))
    shutil.rmtree(site / "pagefind")
    (tmp_path / "keep").mkdir()
    search = PreviewSearch("nl", tmp_path / "keep" / "index")
    search.place(site)  # the first build: indexed before it is served
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    (site / "stuck").mkdir()
    os.mkfifo(site / "stuck" / "index.html")
    search.place(site)  # a rebuild: the last index linked at once, a new one made beside it
    indexing = _wait_for(lambda: search.indexing, seconds=10)
    search.close()
    assert indexing.process.wait(timeout=10) == -signal.SIGKILL
    search.refreshing.join(timeout=10)
    assert not search.refreshing.is_alive() and search.indexing is None
    assert not (tmp_path / "keep" / "index.next").exists()
    assert (tmp_path / "keep" / "index" / "pagefind-entry.json").is_file()
    stopped = search.refreshing
    search.place(site)  # a build that ends after the stop starts none
    assert search.refreshing is stopped and search.indexing is None


def test_an_index_made_while_the_preview_rebuilds_waits_for_the_build(built_site: Path, tmp_path: Path) -> None:
    """The engine empties the site folder first when it rebuilds; an index
    finished in the background meanwhile is not written into it (files
    appearing while it empties the folder stopped its build, and the
    preview stood still), and the build's end links the newest one."""
    from generator.site.search import PreviewSearch

    site = Path(shutil.copytree(built_site / "site", tmp_path / "site"))
    shutil.rmtree(site / "pagefind")
    (tmp_path / "keep").mkdir()
    search = PreviewSearch("nl", tmp_path / "keep" / "index")
    search.place(site)
    search.begin()  # a rebuild starts
    shutil.rmtree(site / "pagefind")  # as the engine empties the folder
    assert search._index(site)  # an index of the last site finishes meanwhile
    assert (tmp_path / "keep" / "index" / "pagefind-entry.json").is_file()
    assert not (site / "pagefind").exists()
    search.place(site)  # the rebuild ends
    assert (site / "pagefind" / "pagefind-entry.json").is_file()
    search.refreshing.join(timeout=30)
