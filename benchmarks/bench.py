"""Benchmark: the handbook at 1,000, 3,000 and 10,000 records.

Run with `make bench` (not part of `make test`). For each size it writes a
synthetic data set (`handbook synth`), then times every phase in a process
of its own, so that each peak memory figure is that phase's own:

* parse    — only parsing the same files with PyYAML's C loader (the floor);
* load     — reading every file with the hardened reader;
* validate — models, cross-record checks, Markdown and personal-data checks;
* generate — page contexts, Jinja rendering, writing the Markdown;
* engine   — `mkdocs build --strict` on the generated tree, and `zensical
  build` on the same tree where zensical installs;
* regen    — regenerating after one record changed (what `handbook serve` does).

First it prints what the costliest Markdown of 25,000 to 100,000 characters
(the most a field may hold) costs to check and render (`--worst-only`: just
that). Then one table, and the targets of the handbook:
check ≤ 3 × parse, generation ≤ 10 % of the engine, build(10k) ≤ 12 × build(1k),
generator peak memory < 300 MB.
"""

from __future__ import annotations

import argparse
import json
import os
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
# The newest zensical whose dependencies all install from PyPI (0.1.x needs
# zensical-ui, which is not published there).
ZENSICAL = "zensical==0.0.73"


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
from generator.validate import ReadCache
timings = {}
cache = ReadCache()
figures = generate_pages(Path('.'), timings=timings, cache=cache)
result = dict(timings, pages=figures.pages)
# One record changes, as in `handbook serve`: the quick pass writes that
# record's own pages, then the full pass the rest; unchanged files are cached.
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
result['regen_changed'] = again['changed']
"""


# zensical 0.0.73 grew past 24 GB at 10,000 pages here and was killed by the
# kernel; a cap on its address space keeps the machine usable when it does.
ENGINE_MEMORY_LIMIT = 8 * 1024**3


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ENGINE_MEMORY_LIMIT, ENGINE_MEMORY_LIMIT))


def _engine(command: list[str], project: Path, site: Path, limited: bool = False) -> tuple[float, float]:
    """Seconds and peak memory (MB) of one engine build."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    shutil.rmtree(site, ignore_errors=True)
    started = time.perf_counter()
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a chatty engine cannot block on it
        process = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=errors,
                                   preexec_fn=_limit_memory if limited else None)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace")
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        detail = stderr.strip().splitlines()[-1:] or [f"exit status {code}"]
        if limited and usage.ru_maxrss * 1024 > ENGINE_MEMORY_LIMIT * 0.9 or code < 0:
            detail = [f"stopped after {seconds:.0f} s at {usage.ru_maxrss / 1024**2:.1f} GB (memory cap "
                      f"{ENGINE_MEMORY_LIMIT / 1024**3:.0f} GB), {detail[0]}"]
        raise RuntimeError(f"{command[0]} failed: {detail[0]}")
    return seconds, usage.ru_maxrss / 1024


def _zensical(work: Path) -> Path | None:
    """A virtual environment with zensical, or None where it does not install."""
    venv = work / "zensical-venv"
    if (venv / "bin" / "zensical").exists():
        return venv / "bin" / "zensical"
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", ZENSICAL], check=True, capture_output=True,
                       timeout=600)
    except (subprocess.SubprocessError, OSError):
        return None
    return venv / "bin" / "zensical"


def project_for(size: int, work: Path, seed: int) -> Path:
    project = work / f"n{size}"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "handbook", project / "handbook", ignore=shutil.ignore_patterns("records"))
    shutil.copytree(ROOT / "overrides", project / "overrides")
    from generator.synth import synthesize

    synthesize(project, size, seed)
    return project


def measure(size: int, work: Path, seed: int, zensical: Path | None) -> dict:
    project = project_for(size, work, seed)
    row: dict = {"size": size}
    row.update(_measured(PARSE_ONLY, project))
    row.update({f"gen_{k}" if k == "peak_mb" else k: v for k, v in _measured(GENERATE, project).items()})
    # The engine builds the tree as it was generated after the change above.
    row["engine"], row["engine_mb"] = _engine(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(work / "site")],
        project, work / "site",
    )
    if zensical is not None:
        try:
            row["zensical"], row["zensical_mb"] = _engine(
                [str(zensical), "build", "--clean"], project, project / "site", limited=True,
            )
        except RuntimeError as failure:
            row["zensical_error"] = str(failure)
    row["check"] = row["load"] + row["validate"]
    row["generation"] = row["check"] + row["generate"]
    row["build"] = row["generation"] + row["engine"]
    return row


def table(rows: list[dict]) -> str:
    def cell(row: dict, key: str, unit: str = "s") -> str:
        value = row.get(key)
        if value is None:
            return "n/a"
        return f"{value:.2f} {unit}" if unit == "s" else f"{value:.0f} {unit}"

    header = ("| records | files | pages | parse (PyYAML C) | load | validate | check | check ÷ parse | generate "
              "| generation ÷ engine | mkdocs engine | zensical engine | whole build | serve: edited page | serve: all pages "
              "| generator peak | mkdocs peak |")
    lines = [header, "|" + "---:|" * (header.count("|") - 1)]
    for row in rows:
        lines.append(
            f"| {row['size']:,} | {row['files']:,} | {row['pages']:,} | {cell(row, 'parse')} | {cell(row, 'load')} "
            f"| {cell(row, 'validate')} | {cell(row, 'check')} | {row['check'] / row['parse']:.2f}× "
            f"| {cell(row, 'generate')} | {100 * row['generation'] / row['engine']:.1f} % "
            f"| {cell(row, 'engine')} | {cell(row, 'zensical')} | {cell(row, 'build')} "
            f"| {cell(row, 'regen')} | {cell(row, 'regen_full')} ({row['regen_changed']} pages rewritten) "
            f"| {cell(row, 'gen_peak_mb', 'MB')} | {cell(row, 'engine_mb', 'MB')} |"
        )
    return "\n".join(lines)


def verdicts(rows: list[dict]) -> list[str]:
    by_size = {row["size"]: row for row in rows}
    largest = by_size[max(by_size)]
    out = []

    def verdict(ok: bool, text: str) -> None:
        out.append(f"{'holds ' if ok else 'MISSED'}  {text}")

    ratio = largest["check"] / largest["parse"]
    verdict(ratio <= 3, f"check ≤ 3 × parsing with PyYAML's C loader at {largest['size']:,}: {ratio:.2f}×")
    share = largest["generation"] / largest["engine"]
    verdict(share <= 0.10, f"generation ≤ 10 % of the engine at {largest['size']:,}: {100 * share:.1f} %")
    if 1000 in by_size and largest["size"] == 10000:
        growth = largest["build"] / by_size[1000]["build"]
        verdict(growth <= 12, f"build at 10,000 ≤ 12 × build at 1,000: {growth:.1f}×")
    peak = max(row["gen_peak_mb"] for row in rows)
    verdict(peak < 300, f"generator peak memory < 300 MB: {peak:.0f} MB")
    verdict(largest["regen"] <= 1.0,
            f"serve regenerates the edited page ≤ 1 s at {largest['size']:,}: {largest['regen']:.2f} s "
            f"(all pages: {largest['regen_full']:.2f} s)")
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
    from generator.markup import inspect_markdown, render_markdown
    from generator.safety import _find_email

    lines = ["| input (one Markdown field) | " + " | ".join(f"{n:,} chars" for n in WORST_SIZES)
             + " | 100,000 ÷ 25,000 |", "|---|" + "---:|" * (len(WORST_SIZES) + 1)]
    for name, make in WORST_INPUTS.items():
        seconds = []
        for size in WORST_SIZES:
            text = make(size)
            started = time.perf_counter()
            if "e-mail" in name:
                _find_email(text)
            else:
                inspect_markdown(text)
                render_markdown(text)
            seconds.append(time.perf_counter() - started)
        lines.append(f"| {name} | " + " | ".join(f"{s:.2f} s" for s in seconds)
                     + f" | {seconds[-1] / max(seconds[0], 1e-6):.1f}× |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,3000,10000", help="record counts, comma-separated")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-zensical", action="store_true", help="skip the zensical engine")
    parser.add_argument("--work", type=Path, default=None, help="working folder (default: a temporary one)")
    parser.add_argument("--worst-only", action="store_true", help="only the worst-case inputs table")
    args = parser.parse_args()
    print("Worst cases: check and render of one field of the costliest Markdown\n")
    print(worst_cases())
    print()
    if args.worst_only:
        return 0
    work = args.work or Path(tempfile.mkdtemp(prefix="handbook-bench-"))
    zensical = None if args.no_zensical else _zensical(work)
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        print(f"measuring {size:,} records …", file=sys.stderr, flush=True)
        rows.append(measure(size, work, args.seed, zensical))
    print(table(rows))
    print()
    for line in verdicts(rows):
        print(line)
    if zensical is None and not args.no_zensical:
        print("zensical did not install here: its column is n/a")
    for row in rows:
        if "zensical_error" in row:
            print(f"zensical failed at {row['size']:,}: {row['zensical_error']}")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
