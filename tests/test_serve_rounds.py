"""`handbook serve` regenerates one batch of changes at a time: saves that
arrive during a regeneration wait for the next round, never start a second
one beside it."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from generator.authors.serve import Regenerator, watch

pytestmark = pytest.mark.slow  # rounds of regeneration, and the waits between them


def test_saves_during_a_regeneration_wait_for_the_next_round(project: Path, capsys, monkeypatch) -> None:
    """Six saves of a lesson, each after the first made while a round runs:
    the rounds never overlap, and the last save is on the page.

    Each round is held open (its full pass waits once it has generated)
    until the next save is made and the watcher has had time to tell of it,
    so that saves come during a round on any machine; on the small fixture
    project a round is otherwise over before a save can come."""
    from generator.authors import serve

    rounds: list[list[float]] = []
    lock = threading.Lock()

    def on_round(event: str, changed: set[str] | None) -> None:
        with lock:
            if event == "start":
                rounds.append([time.monotonic(), float("inf")])
            else:
                rounds[-1][1] = time.monotonic()

    regenerator = Regenerator(project, on_round)
    assert regenerator.regenerate()
    rounds.clear()
    running, saved, done = threading.Event(), threading.Event(), threading.Event()
    generate = serve.generate_pages

    def held_open(*args, **kwargs):
        generated = generate(*args, **kwargs)
        if kwargs.get("only") is None and not done.is_set():
            saved.clear()
            running.set()
            saved.wait(timeout=60)
        return generated

    monkeypatch.setattr(serve, "generate_pages", held_open)
    regenerator.start()
    observer = watch(project, regenerator)
    lesson = sorted((project / "data" / "lessons").glob("*.yml"))[0]
    original = lesson.read_text("utf-8")
    title = next(line for line in original.splitlines() if line.startswith("title: "))
    saves = []
    try:
        for number in range(6):
            if number:  # the next save, while a round runs
                assert running.wait(timeout=60), "no round ran"
                running.clear()
            lesson.write_text(original.replace(title, f"{title} versie {number}", 1), "utf-8")
            saves.append(time.monotonic())
            time.sleep(0.3)  # the watcher tells the regenerator of the save while the round still runs
            if number == 5:
                done.set()  # the rounds that follow are not held open
            saved.set()
        time.sleep(1.0)  # the last events reach the worker
        assert regenerator.idle(timeout=180)
    finally:
        done.set()
        saved.set()
        observer.stop()
        observer.join()
        regenerator.stop()

    assert len(rounds) >= 2
    for earlier, later in zip(rounds, rounds[1:], strict=False):
        assert earlier[1] <= later[0], "two regenerations overlapped"
    # The test means something only if a save arrived while a round ran.
    assert any(start < save < end for save in saves for start, end in rounds)
    output = capsys.readouterr()
    assert "not regenerated" not in output.out + output.err
    assert "Traceback" not in output.out + output.err
    page = (project / "handbook" / "records" / "lessons" / f"{lesson.stem}.md").read_text("utf-8")
    assert "versie 5" in page
    temporaries = [p for p in (project / "handbook" / "records").rglob("*.tmp")]
    assert temporaries == []


def test_the_worker_outlives_a_failed_round(project: Path, capsys, monkeypatch) -> None:
    """Whatever one round meets (a file gone mid-read, a bug), the next save
    is still regenerated, and no traceback is printed."""
    from generator.authors import serve

    real = serve.generate_pages
    calls = {"n": 0}

    def failing_once(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise FileNotFoundError(2, "No such file or directory", "data/lessons/weg.yml")
        return real(*args, **kwargs)

    monkeypatch.setattr(serve, "generate_pages", failing_once)
    regenerator = Regenerator(project)
    regenerator.start()
    try:
        regenerator.changed({"data/lessons/weer-gezonden.yml"})
        assert regenerator.idle(timeout=60)
        lesson = project / "data" / "lessons" / "weer-gezonden.yml"
        lesson.write_text(lesson.read_text("utf-8").replace("Opnieuw alleen gezonden", "Weer gezonden"), "utf-8")
        regenerator.changed({"data/lessons/weer-gezonden.yml"})
        time.sleep(0.3)
        assert regenerator.idle(timeout=60)
    finally:
        regenerator.stop()
    output = capsys.readouterr().out
    assert output.splitlines()[0] == ("not regenerated: FileNotFoundError: [Errno 2] No such file or directory: "
                                      "'data/lessons/weg.yml'; the preview keeps the last good pages")
    assert "Traceback" not in output
    page = project / "handbook" / "records" / "lessons" / "weer-gezonden.md"
    assert "# Weer gezonden" in page.read_text("utf-8")
