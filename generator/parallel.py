"""Half of a job in a second process, on a machine with a second core.

Making pages and auditing the built site are many independent pieces of
work; on two cores a build waited with one idle. `elsewhere(work)` forks:
the child runs `work()` while the caller goes on with its own half, and the
child's result (or its exception) comes back through a pipe, pickled.

Work of uneven pieces (a page with a chart, the export of every record) is
taken in turn (`Turns`): each process takes the next piece when it is done
with its last, so neither waits at the end for the other.

Only a process without other threads forks (a fork copies one thread and
whatever locks the others held): `handbook serve` has a watcher thread, so
there the work simply runs in the same process, after the caller's half.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import threading
from contextlib import contextmanager
from typing import Callable, Iterator, Sequence, TypeVar

T = TypeVar("T")


@contextmanager
def uninterrupted() -> Iterator[None]:
    """A stop (Ctrl-C, SIGTERM, SIGHUP) that comes while the body runs takes
    effect right after it: a folder or a process made in the body is named
    where the cleanup finds it, never lost between its making and its name,
    and a fork is never stopped halfway. (A process started in the body
    inherits the held-back stops: it is ended by SIGKILL.)"""
    if not hasattr(signal, "pthread_sigmask"):  # a system without it has no such signals to hold back
        yield
        return
    stops = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    before = signal.pthread_sigmask(signal.SIG_BLOCK, stops)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def may_fork() -> bool:
    return (os.cpu_count() or 1) > 1 and hasattr(os, "fork") and threading.active_count() == 1


class SecondProcessFailed(Exception):
    """The second process stopped without a result (killed, out of memory)."""


@contextmanager
def elsewhere(work: Callable[[], T], wanted: bool = True) -> Iterator[Callable[[], T]]:
    """Run `work()` in a forked process while the body of the `with` runs
    here; after it, the yielded function returns the result or raises what
    the work raised. Without a second core or with threads (or `wanted`
    false), `work()` runs here when its result is asked for."""
    if not (wanted and may_fork()):
        yield work
        return
    reader, writer = os.pipe()
    with uninterrupted():  # each process lets stops through again once the fork is done
        pid = os.fork()
    if pid == 0:  # the child: it never returns into the caller's code
        os.close(reader)
        try:
            payload = pickle.dumps((True, work()))
        except BaseException as failure:  # handed to the parent, which decides
            try:
                payload = pickle.dumps((False, failure))
            except Exception:
                payload = pickle.dumps((False, RuntimeError(f"{type(failure).__name__}: {failure}")))
        with os.fdopen(writer, "wb") as stream:
            stream.write(payload)
        os._exit(0)
    os.close(writer)
    outcome: list[bytes] = []
    try:
        yield lambda: _result(outcome)
    finally:
        try:
            with os.fdopen(reader, "rb") as stream:
                outcome.append(stream.read())
        except BaseException:  # stopped while waiting for it: its half is not wanted
            os.kill(pid, signal.SIGKILL)
            raise
        finally:
            # Reaped before the caller's cleanup runs: it never works in a folder that is being removed.
            with uninterrupted():
                os.waitpid(pid, 0)


def _result(outcome: list[bytes]):
    try:
        ok, value = pickle.loads(outcome[0])
    except Exception:
        raise SecondProcessFailed("the second process stopped before it finished its half") from None
    if not ok:
        raise value
    return value


class Turns:
    """Hands out the items of one list, each once, to the processes that
    share it (made before `elsewhere` forks): a counter in shared memory."""

    def __init__(self) -> None:
        self._next = multiprocessing.Value("q", 0)

    def take(self, items: Sequence[T]) -> Iterator[T]:
        while True:
            with self._next.get_lock():
                number = self._next.value
                self._next.value = number + 1
            if number >= len(items):
                return
            yield items[number]

    def taken(self) -> int:
        """How many items have been taken so far, by every process."""
        return self._next.value
