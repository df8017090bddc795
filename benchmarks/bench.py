"""Benchmark: the handbook at 1,000, 3,000 and 10,000 records.

Run with `make bench` (not part of `make test`). For each size it writes a
synthetic data set (`handbook synth`) with one lesson a reader will look
for, and measures side by side, in this run, on this machine:

* the whole `handbook build` (check, generation, engine, search index,
  audit), each phase, and its peak memory (the build and its children);
* a stock MkDocs-Material build of as many plain pages (a heading and three
  paragraphs each, Material's search on, the same navigation shape: a few
  index pages, the rest reached from them), and the ratio of the two:
  the two run in turn (three pairs unless `--pairs`), the ratio is taken
  pair by pair and its median shown;
* the largest page, the site's size, and in Chromium the bytes and the time
  a first search loads and takes, and whether the lesson is among the first
  results;
* Zensical building the same generated tree (capped at 4 GB of memory);
* what checking and generating cost on their own, generating in one
  process as well (two make the pages from 2,000 on), and regeneration
  after one record changed (what `handbook serve` does).

First it prints what the costliest Markdown of 25,000 to 100,000 characters
(the most a field may hold) costs to check and render (`--worst-only`: just
that), and what `handbook check` takes on a small handbook one of whose
lessons has one field of 25, 100 or 400 KB of what is costliest to locate
and report: links, HTML, emphasis, brackets, e-mail addresses, phone
numbers, invisible characters (`--text-only`: just that). The targets of
the handbook are printed under the tables.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
EPOCH = "1793491200"  # 2026-11-01: the data's "today"
# What a reader looks for in the first search: a word only one lesson has.
NEEDLE = "wervingsdagboek"
# And a word most pages hold: thousands of results at 10,000 records.
COMMON = "campagne"
BUDGET = 250_000  # bytes of HTML a page may have at most


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    """The stdout of a command that must succeed."""
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def _measured(code: str, cwd: Path) -> dict:
    """Run Python code in a fresh interpreter; it prints a JSON dict. The
    interpreter adds its own peak memory (MB) as 'peak_mb'."""
    wrapper = (
        "import json, resource, sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        + code
        + "\nresult['peak_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "print(json.dumps(result))\n"
    )
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "CI": "true"}
    stdout = _run([sys.executable, "-c", wrapper], cwd, env)
    return json.loads(stdout.strip().splitlines()[-1])


PARSE_ONLY = """
import time, yaml, frontmatter
from pathlib import Path
files = sorted(p for p in Path('data').rglob('*') if p.suffix in ('.yml', '.md'))
started = time.perf_counter()
for path in files:
    text = path.read_text('utf-8')
    if path.suffix == '.md':
        text = frontmatter.default_handlers.YAMLHandler().split(text)[0]
    yaml.load(text, Loader=yaml.CSafeLoader)
result = {'parse': time.perf_counter() - started, 'files': len(files)}
"""

GENERATE = """
import time
from pathlib import Path
from generator.build import generate_pages
from generator.records.load import ReadCache
timings = {}
figures = generate_pages(Path('.'), timings=timings)
result = dict(timings, pages=figures.pages)
# The generator's memory: this process, and the largest of the processes it
# forked (reading and writing in two). Measured here, before the rest of this
# script holds a second catalog beside the cached one.
import resource
result['generator_mb'] = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                             resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
# The same pages made again from scratch by one process (from PARALLEL_FROM
# pages on, two make them): what the second process saves, and whether
# the one writes exactly the files the two wrote (`make test` guards that
# on the example handbook, with the threshold lowered).
import shutil
import generator.build
records = Path('handbook/records')
def written():
    return {p.relative_to(records).as_posix(): p.read_bytes() for p in records.rglob('*') if p.is_file()}
made, threshold = written(), generator.build.PARALLEL_FROM
shutil.rmtree(records)
generator.build.PARALLEL_FROM, one = 10**9, {}
generate_pages(Path('.'), timings=one)
generator.build.PARALLEL_FROM = threshold
result.update(generate_one=one['generate'], one_same=written() == made, parallel=figures.pages >= threshold)
# One record changes, as in `handbook serve`: the quick pass writes that
# record's own pages, then the full pass the rest; unchanged files are cached
# (read once beforehand, as the preview's first generation reads them).
from generator.build import checked_catalog, settings_for
from generator.words.problems import Problems
cache = ReadCache()
checked_catalog(Path('.'), settings_for(Path('.')), Problems(), {}, cache=cache)
lesson = sorted(Path('data/lessons').glob('*.yml'))[0]
text = lesson.read_text('utf-8')
flipped = ('level: execution', 'level: foundation') if 'level: execution' in text else ('level: foundation', 'level: execution')
lesson.write_text(text.replace(*flipped, 1), 'utf-8')
started = time.perf_counter()
generate_pages(Path('.'), cache=cache, only={lesson.as_posix()})
result['regen'] = time.perf_counter() - started
started = time.perf_counter()
again = generate_pages(Path('.'), cache=cache)
result['regen_full'] = time.perf_counter() - started
result['regen_changed'] = again.changed
"""


def project_for(size: int, work: Path, seed: int) -> tuple[Path, str]:
    """The synthetic project, and the id of the lesson the first search must find."""
    project = work / f"n{size}"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "handbook", project / "handbook", ignore=shutil.ignore_patterns("records"))
    shutil.copytree(ROOT / "overrides", project / "overrides")
    from benchmarks.synth import synthesize

    synthesize(project, size, seed)
    # The handbook's manager (mkdocs.yml names the example's): the first of the synthetic people still here,
    # so that the dashboard and the manager's page carry what a manager's do.
    manager = next(p.stem for p in sorted((project / "data" / "people").glob("*.*"))
                   if "\nleft:" not in p.read_text("utf-8"))
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^    manager: .*$", f"    manager: {manager}", config.read_text("utf-8")), "utf-8")
    # The lesson the first search must find: its title holds a word no other record has.
    lesson = sorted((project / "data" / "lessons").glob("*.yml"))[len(list((project / "data" / "lessons").glob("*.yml"))) // 2]
    text = lesson.read_text("utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    lesson.write_text(text.replace(title, f"title: Een {NEEDLE} houdt bij wat elke week opleverde", 1), "utf-8")
    return project, lesson.stem


def stock_project(size: int, work: Path) -> Path:
    """As many plain pages as records: a heading and three paragraphs each,
    Material with its search, ten index pages in the navigation."""
    root = work / f"stock{size}"
    shutil.rmtree(root, ignore_errors=True)
    docs = root / "docs"
    paragraph = ("Recruitment teams learn from every campaign and forget it when people leave. "
                 "This paragraph stands for the text of a plain page, long enough to be indexed. ") * 2
    for folder in range(10):
        (docs / f"s{folder}").mkdir(parents=True)
        (docs / f"s{folder}" / "index.md").write_text(f"# Section {folder}\n\n{paragraph}\n", "utf-8")
    for n in range(size):
        (docs / f"s{n % 10}" / f"p{n}.md").write_text(
            f"# Page {n}\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n", "utf-8")
    (docs / "index.md").write_text(f"# Home\n\n{paragraph}\n", "utf-8")
    nav = "\n".join(["nav:", "  - index.md"] + [f"  - s{folder}/index.md" for folder in range(10)])
    (root / "mkdocs.yml").write_text(
        f"site_name: Stock\ntheme:\n  name: material\nplugins:\n  - search\nvalidation:\n  omitted_files: info\n{nav}\n",
        "utf-8")
    return root


def _timed(command: list[str], cwd: Path, limit: int | None = None) -> tuple[float, float, str, float]:
    """Seconds, peak memory (MB, the process and all it started), stdout, and
    processor seconds (user and system, the process and all it started)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1", "CI": "true"}
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=errors,
                                   preexec_fn=(lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)))
                                   if limit else None)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        out.seek(0)
        errors.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), errors.read().decode("utf-8", "replace")
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        detail = (stderr.strip().splitlines() or [f"exit status {code}"])[-1]
        raise RuntimeError(f"{command[2] if len(command) > 2 else command[0]} failed after {seconds:.0f} s at "
                           f"{usage.ru_maxrss / 1024:.0f} MB: {detail[:200]}")
    return seconds, usage.ru_maxrss / 1024, stdout, usage.ru_utime + usage.ru_stime


TIMED_BUILD = """
import json, sys, time
from pathlib import Path
from generator.build import build_site
timings = {}
started = time.perf_counter()
build_site(Path('.'), timings=timings)
timings['whole'] = time.perf_counter() - started
import resource
own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
timings['cpu_own'], timings['cpu_children'] = own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime
print(json.dumps(timings))
"""


def site_facts(site: Path) -> dict:
    pages = [(p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html")]
    largest = max(pages)
    files = [p for p in site.rglob("*") if p.is_file()]
    return {"html_pages": len(pages), "largest": largest[0], "largest_path": largest[1],
            "over_budget": sum(size > BUDGET for size, _ in pages),
            "site_mb": sum(p.stat().st_size for p in files) / 1e6,
            "index_mb": sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file()) / 1e6}


# In the page: when the last key went down, and the first frame after the
# first result's link came into the list (performance.now(), ms).
_CLOCK = """() => {
  window.__keyAt = 0; window.__shownAt = 0;
  document.addEventListener("keydown", () => { window.__keyAt = performance.now(); }, true);
  const seen = new MutationObserver(() => {
    if (document.querySelector("pagefind-results a.pf-result-link")) {
      seen.disconnect();
      requestAnimationFrame(() => { window.__shownAt = performance.now(); });
    }
  });
  seen.observe(document.body, {childList: true, subtree: true});
}"""


def first_search(site: Path, lesson: str) -> dict:
    """In Chromium: open the home page, search for NEEDLE as a reader types
    it; the bytes that came over the network for it (what the browser's
    cache served again is not counted twice) and the seconds from the last
    key to the first frame that shows a result, by the page's own clock
    (the test driver sees it later). Then, on a fresh page, the same for
    COMMON, and how many results the summary counts."""
    sys.path.insert(0, str(ROOT / "tests"))
    from browser_support import CHROMIUM, CHROMIUM_ARGS, serve
    from playwright.sync_api import sync_playwright

    base, server = serve(site)
    found: dict = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for word in (NEEDLE, COMMON):
                page = browser.new_page()
                page.goto(base)
                page.wait_for_load_state("networkidle")
                responses: list = []
                page.on("response", lambda response, responses=responses: responses.append(response))  # also its workers'
                page.evaluate(_CLOCK)
                page.keyboard.press("Control+k")
                # The search box itself: the filters' checkboxes are inputs of the same modal.
                page.locator("pagefind-modal").get_by_role("searchbox").press_sequentially(word, delay=30)
                links = page.locator("pagefind-results a.pf-result-link")
                links.first.wait_for(timeout=60_000)
                page.wait_for_function("() => window.__shownAt > 0")
                seconds = page.evaluate("() => (window.__shownAt - window.__keyAt) / 1000")
                page.wait_for_load_state("networkidle")
                # The body as it came over the network: none for what the cache served.
                received = [response.request.sizes()["responseBodySize"] for response in responses]
                if word == NEEDLE:
                    hrefs = links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
                    found.update({"search_s": seconds, "search_kb": sum(received) / 1024,
                                  "found": any(f"/records/lessons/{lesson}/" in href for href in hrefs[:3])})
                else:
                    # "De beste 50 van 8.412 resultaten voor ‘de’; …": the largest number is all of them.
                    summary = page.locator(".handbook-search-summary").inner_text()
                    counts = [int(re.sub(r"\D", "", n)) for n in re.findall(r"\d[\d.,]*", summary)]
                    found.update({"common_s": seconds, "common_results": max(counts, default=0)})
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return found


def measure(size: int, work: Path, seed: int, zensical: bool, pairs: int = 3) -> dict:
    """One row of the table. The whole build and the stock build run in
    turn, `pairs` times: the ratio is taken pair by pair (a machine whose
    speed drifts during the run moves both of a pair alike) and the median
    is shown, with the median run's phases."""
    project, lesson = project_for(size, work, seed)
    row: dict = {"size": size}
    row.update(_measured(PARSE_ONLY, project))
    row.update({f"gen_{k}" if k in ("peak_mb", "generate") else k: v for k, v in _measured(GENERATE, project).items()})
    row["gen_peak_mb"] = row.pop("generator_mb")  # the generator's own, not the whole measuring script's
    stock = stock_project(size, work)
    runs = []
    for _ in range(pairs):
        # Every build from scratch, as on a fresh clone: no generated page is
        # left from the last one (the previous site is, as for the stock build).
        shutil.rmtree(project / "handbook" / "records", ignore_errors=True)
        seconds, peak, out, cpu = _timed(
            [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r})\n" + TIMED_BUILD], project)
        stock_seconds, stock_peak, _, stock_cpu = _timed([sys.executable, "-m", "mkdocs", "build", "--quiet"], stock)
        timings = json.loads(out.strip().splitlines()[-1])
        runs.append((timings["whole"] / stock_seconds, timings, peak, stock_seconds, stock_peak, cpu, stock_cpu))
    runs.sort(key=lambda run: run[0])
    ratio, timings, peak, row["stock"], row["stock_mb"], row["cpu"], row["stock_cpu"] = runs[len(runs) // 2]
    row.update({"ratio": ratio, "ratios": [run[0] for run in runs], "whole": timings["whole"],
                "check": timings["load"] + timings["validate"], "generate": timings["generate"],
                "engine": timings["engine"], "search": timings["search"], "audit": timings["audit"],
                "cpu_own": timings["cpu_own"], "cpu_children": timings["cpu_children"],
                "cpu_ratio": row["cpu"] / row["stock_cpu"], "cpu_ratios": [run[5] / run[6] for run in runs],
                "build_mb": max(run[2] for run in runs)})
    row.update(site_facts(project / "site"))
    row.update(first_search(project / "site", lesson))
    row["stock_pages"] = size
    shutil.rmtree(stock, ignore_errors=True)
    if zensical:
        try:
            config = project / ".bench-zensical.yml"
            config.write_text("INHERIT: mkdocs.yml\nsite_dir: zensical-site\n", "utf-8")  # within the project
            row["zensical"], row["zensical_mb"], _, _ = _timed(
                [sys.executable, "-m", "zensical", "build", "--clean", "--config-file", str(config)], project,
                limit=ZENSICAL_MEMORY)
        except RuntimeError as failure:
            row["zensical_error"] = str(failure)
        shutil.rmtree(project / "zensical-site", ignore_errors=True)
    shutil.rmtree(project / "site", ignore_errors=True)
    return row


# Zensical must build the 10,000-record tree within 4 GB.
ZENSICAL_MEMORY = 4 * 1024**3


def table(rows: list[dict]) -> str:
    def s(row: dict, key: str) -> str:
        return f"{row[key]:.1f} s" if key in row else "n/a"

    header = ("| records | pages | whole build | stock build (as many pages) | ratio (each pair) "
              "| CPU: whole (own + children) | CPU: stock | CPU ratio (each pair) | check | generate | engine "
              "| search index | audit | largest page | pages > 250 KB | site | search index size "
              "| first search | found | common word | build peak | stock peak | zensical (same tree) |")
    lines = [header, "|" + "---:|" * (header.count("|") - 1)]
    for row in rows:
        zensical = (f"{row['zensical']:.1f} s, {row['zensical_mb']:.0f} MB" if "zensical" in row
                    else ("failed" if "zensical_error" in row else "n/a"))
        lines.append(
            f"| {row['size']:,} | {row['html_pages']:,} | {s(row, 'whole')} | {s(row, 'stock')} "
            f"| {row['ratio']:.2f}× ({', '.join(f'{r:.2f}' for r in row['ratios'])}) "
            f"| {row['cpu']:.1f} s ({row['cpu_own']:.1f} + {row['cpu_children']:.1f}) | {row['stock_cpu']:.1f} s "
            f"| {row['cpu_ratio']:.2f}× ({', '.join(f'{r:.2f}' for r in row['cpu_ratios'])}) "
            f"| {s(row, 'check')} | {s(row, 'generate')} | {s(row, 'engine')} "
            f"| {s(row, 'search')} | {s(row, 'audit')} | {row['largest'] / 1000:.0f} KB | {row['over_budget']} "
            f"| {row['site_mb']:.0f} MB | {row['index_mb']:.1f} MB "
            f"| {row['search_kb']:.0f} KB in {row['search_s']:.2f} s | {'yes' if row['found'] else 'NO'} "
            f"| {row['common_results']:,} results, first in {row['common_s']:.2f} s "
            f"| {row['build_mb']:.0f} MB | {row['stock_mb']:.0f} MB | {zensical} |")
    return "\n".join(lines)


def phase_table(rows: list[dict]) -> str:
    header = ("| records | files | parse (PyYAML C) | load | validate | check ÷ parse | generate "
              "| generate, one process (same files) | serve: edited page | serve: all pages | generator peak |")
    lines = [header, "|" + "---:|" * (header.count("|") - 1)]
    for row in rows:
        lines.append(
            f"| {row['size']:,} | {row['files']:,} | {row['parse']:.2f} s | {row['load']:.2f} s "
            f"| {row['validate']:.2f} s | {(row['load'] + row['validate']) / row['parse']:.2f}× "
            f"| {row['gen_generate']:.2f} s ({'two processes' if row['parallel'] else 'one process'}) "
            f"| {row['generate_one']:.2f} s ({'yes' if row['one_same'] else 'NO'}) "
            f"| {row['regen']:.2f} s | {row['regen_full']:.2f} s ({row['regen_changed']} pages rewritten) "
            f"| {row['gen_peak_mb']:.0f} MB |")
    return "\n".join(lines)


def verdicts(rows: list[dict]) -> list[str]:
    largest = max(rows, key=lambda row: row["size"])
    out = []

    def verdict(ok: bool, text: str) -> None:
        out.append(f"{'holds ' if ok else 'MISSED'}  {text}")

    n = f"{largest['size']:,}"
    ratio = largest["ratio"]
    verdict(ratio <= 1.5, f"whole build ≤ 1.5 × stock MkDocs-Material's wall time at {n}: {ratio:.2f}× "
                          f"({largest['whole']:.1f} s against {largest['stock']:.1f} s; the median of "
                          f"{len(largest['ratios'])} pairs)")
    verdict(largest["cpu_ratio"] <= 2.5, f"whole build ≤ 2.5 × stock's processor time at {n}: "
                                         f"{largest['cpu_ratio']:.2f}× ({largest['cpu']:.1f} s against "
                                         f"{largest['stock_cpu']:.1f} s)")
    verdict(largest["over_budget"] == 0, f"no page over 250 KB at {n}: largest {largest['largest'] / 1000:.0f} KB "
                                         f"({largest['largest_path']})")
    verdict(largest["search_s"] <= 0.5 and largest["search_kb"] <= 400 and largest["found"],
            f"first search at {n} within 0.5 s and 400 KB, the lesson among the first: "
            f"{largest['search_s']:.2f} s, {largest['search_kb']:.0f} KB, found: {largest['found']}")
    verdict(largest["common_s"] <= 0.5, f"a search for '{COMMON}' at {n} shows its first result within 0.5 s: "
                                        f"{largest['common_s']:.2f} s ({largest['common_results']:,} results)")
    if "zensical_mb" in largest:
        verdict(largest["zensical_mb"] <= 4096, f"zensical builds {n} within 4 GB: {largest['zensical_mb']:.0f} MB")
    elif "zensical_error" in largest:
        verdict(False, f"zensical builds {n} within 4 GB: {largest['zensical_error']}")
    check = largest["check"] / largest["parse"]
    verdict(check <= 3, f"check ≤ 3 × parsing with PyYAML's C loader at {n}: {check:.2f}×")
    peak = max(row["gen_peak_mb"] for row in rows)
    verdict(peak < 300, f"generator peak memory < 300 MB: {peak:.0f} MB")
    verdict(all(row["one_same"] for row in rows), "one process writes exactly the files two processes write, at "
                                                 "every size: " + ", ".join(f"{row['size']:,}: {row['one_same']}"
                                                                            for row in rows))
    verdict(largest["regen"] <= 1.0, f"serve regenerates the edited page ≤ 1 s at {n}: {largest['regen']:.2f} s")
    return out


WORST_INPUTS = {
    "[ repeated": lambda n: "[" * n,
    "![ repeated": lambda n: "![" * (n // 2),
    "_a repeated": lambda n: "_a" * (n // 2),
    "**_ repeated": lambda n: "**_" * (n // 3),
    "[a]( repeated": lambda n: "[a](" * (n // 4),
    "< repeated": lambda n: "<" * n,
    "a…a@ (e-mail search)": lambda n: "a" * (n - 1) + "@",
    "a@ repeated (e-mail search)": lambda n: "a@" * (n // 2),
}
WORST_SIZES = (25_000, 50_000, 100_000)  # 100,000: the most a Markdown field may hold


def worst_cases() -> str:
    """What the costliest Markdown of each size costs to check and render
    (one field; the engine no longer reads record text). Linear cost shows as
    a ratio of about 4 between 100,000 and 25,000 characters."""
    from generator.records.text import inspect_markdown, render_markdown
    from generator.records.safety import find_contacts

    lines = ["| input (one Markdown field) | " + " | ".join(f"{n:,} chars" for n in WORST_SIZES)
             + " | 100,000 ÷ 25,000 |", "|---|" + "---:|" * (len(WORST_SIZES) + 1)]
    for name, make in WORST_INPUTS.items():
        seconds = []
        for size in WORST_SIZES:
            text = make(size)
            started = time.perf_counter()
            if "e-mail" in name:
                find_contacts(text)
            else:
                inspect_markdown(text)
                render_markdown(text)
            seconds.append(time.perf_counter() - started)
        lines.append(f"| {name} | " + " | ".join(f"{s:.2f} s" for s in seconds)
                     + f" | {seconds[-1] / max(seconds[0], 1e-6):.1f}× |")
    return "\n".join(lines)


# One field of a lesson, of costly text: each finding must be located, and
# each said (an address or number, an invisible character: the first 20).
TEXT_INPUTS = {
    "links `[](#)`": lambda n: "[](#)" * (n // 5),
    "links, each its own `[](#n)`": lambda n: "".join(f"[](#{i})" for i in range(n // 9)),
    "HTML `<b>`": lambda n: "<b>" * (n // 3),
    "emphasis `*a* ` and a link": lambda n: "*a* " * (n // 4 - 2) + "[](#)",
    "unclosed brackets `[` and a link": lambda n: "[" * (n - 5) + "[](#)",
    "e-mail addresses": lambda n: "jan@example.nl " * (n // 15),
    "phone numbers": lambda n: "06/1234 5678 " * (n // 13),
    "soft hyphens": lambda n: "a\u00ad" * (n // 2),
}
TEXT_SIZES = (25_000, 100_000, 400_000)


def _check_seconds(project: Path) -> float:
    """Seconds `handbook check` takes on `project` (it finds errors: exit 1)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "CI": "true"}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "generator", "check", "--no-progress", "--project", str(project)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 1) or "Traceback" in result.stderr:
        raise RuntimeError(f"handbook check failed: {result.stderr.strip()[-300:]}")
    return seconds


def text_checks(work: Path) -> str:
    """`handbook check` on a small handbook (100 records) whose one lesson
    has one field (a literal block, on one line) of each costly text, at 25,
    100 and 400 KB (the faster of two runs each). A cost that grows with
    the text shows as a ratio of about 4 between 400 and 100 KB, once the
    check of the rest is taken off; one that grows with its square, as 16
    (no ratio where the field costs too little to measure)."""
    project = work / "text"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "handbook", project / "handbook", ignore=shutil.ignore_patterns("records"))
    from benchmarks.synth import synthesize

    synthesize(project, 100, 1)
    lesson = sorted((project / "data" / "lessons").glob("*.yml"))[0]
    original = lesson.read_text("utf-8")
    kept = re.sub(r"(?m)^lesson:.*\n(?:[ \t]+.*\n|\n)*", "", original)
    base = min(_check_seconds(project) for _ in range(3))
    lines = [f"| one field of a lesson (the rest: {base:.2f} s) | "
             + " | ".join(f"{n // 1000} KB" for n in TEXT_SIZES) + " | 400 KB ÷ 100 KB, less the rest |",
             "|---|" + "---:|" * (len(TEXT_SIZES) + 1)]
    for name, make in TEXT_INPUTS.items():
        seconds = []
        for size in TEXT_SIZES:
            lesson.write_text(kept + "lesson: |-\n  " + make(size) + "\n", "utf-8")
            seconds.append(min(_check_seconds(project) for _ in range(2)))
        lesson.write_text(original, "utf-8")
        growth = (f"{(seconds[-1] - base) / (seconds[-2] - base):.1f}×" if seconds[-2] - base >= 0.25
                  else "– (under 0.25 s at 100 KB)")
        lines.append(f"| {name} | " + " | ".join(f"{s:.2f} s" for s in seconds) + f" | {growth} |")
    shutil.rmtree(project, ignore_errors=True)
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,3000,10000", help="record counts, comma-separated")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-zensical", action="store_true", help="skip the zensical engine")
    parser.add_argument("--pairs", type=int, default=3, help="whole and stock builds, in turn, per size")
    parser.add_argument("--work", type=Path, default=None, help="working folder (default: a temporary one)")
    parser.add_argument("--worst-only", action="store_true", help="only the worst-case inputs table")
    parser.add_argument("--text-only", action="store_true",
                        help="only the table of `handbook check` on one field of 25, 100 and 400 KB of costly text")
    args = parser.parse_args()
    if not args.text_only:
        print("Worst cases: check and render of one field of the costliest Markdown\n")
        print(worst_cases())
        print()
        if args.worst_only:
            return 0
    work = args.work or Path(tempfile.mkdtemp(prefix="handbook-bench-"))
    print("`handbook check` with one field of costly text\n")
    print(text_checks(work))
    print()
    if args.text_only:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
        return 0
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        print(f"measuring {size:,} records …", file=sys.stderr, flush=True)
        rows.append(measure(size, work, args.seed, not args.no_zensical, args.pairs))
    print(table(rows))
    print("\n'search index' runs beside 'audit' (both read the built pages): Pagefind's seconds from its start "
          "to its index in place, and the audit's own seconds; together they take the larger of the two.")
    print()
    print(phase_table(rows))
    print()
    for line in verdicts(rows):
        print(line)
    for row in rows:
        if "zensical_error" in row:
            print(f"zensical failed at {row['size']:,}: {row['zensical_error']}")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
