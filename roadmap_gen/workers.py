"""Rendering on more than one core.

MkDocs builds on one core. Rendering a roadmap's pages (view models, bodies,
templates) is a pure function of the compiled roadmap, page by page, so on a
machine with cores to spare the renderer hands every ``workers``-th page to a
forked copy of the process and renders the rest itself. Each child sends its
pages back pickled through a pipe; the parent puts them in order. The pages are
the same bytes as rendered in one process (tests compare whole sites).

Forking is only used where it is safe and pays off: Linux (``fork`` elsewhere is
either missing or unsafe with system frameworks), a process with no other
threads (a child gets only the forking thread; a lock held by another would
stay locked), and enough pages to be worth a process. A child that fails for
any reason costs nothing but time: the parent renders its share again.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
import time
from typing import Callable, TypeVar

T = TypeVar("T")

MIN_JOBS_PER_WORKER = 150
"""Fewer pages than this per process and a fork costs more than it saves."""


def available() -> int:
    """How many processes rendering could use here: the cores this process may run on, 1 where forking
    is not safe (not Linux, or other threads running)."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return 1
    if threading.active_count() > 1:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - Linux has sched_getaffinity
        cores = os.cpu_count() or 1
    return max(1, cores)


def planned(jobs: int, wanted: int = 0) -> int:
    """Processes to use for ``jobs`` pages: ``wanted`` (0: as many as there are cores), never more than
    :func:`available` allows or than leaves each process ``MIN_JOBS_PER_WORKER`` pages (unless asked for
    explicitly)."""
    limit = available()
    if wanted > 0:
        return max(1, min(wanted, limit, jobs))
    return max(1, min(limit, jobs // MIN_JOBS_PER_WORKER))


class Stats:
    """What the last :func:`in_order` did: processes used, children that failed, their peak memory."""

    def __init__(self) -> None:
        self.processes = 1
        self.failed = 0
        self.child_rss_mb = 0.0


def in_order(fn: Callable[[int], T], count: int, processes: int, stats: Stats | None = None) -> list[T]:
    """``[fn(0), fn(1), ..., fn(count - 1)]``, computed in ``processes`` processes (this one and forked
    children); process ``k`` computes ``fn(i)`` for every ``i`` with ``i % processes == k``."""
    stats = stats if stats is not None else Stats()
    stats.processes, stats.failed, stats.child_rss_mb = 1, 0, 0.0
    if processes <= 1 or count < 2:
        return [fn(i) for i in range(count)]
    children: list[tuple[int, int, int]] = []  # (pid, read end, share)
    for share in range(1, processes):
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: compute its share, send it, leave without running the parent's exit code
            code = 1
            try:
                os.close(read)
                data = pickle.dumps([fn(i) for i in range(share, count, processes)], pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write, "wb") as out:
                    out.write(data)
                code = 0
            except BaseException:  # noqa: BLE001 - the parent renders this share again
                pass
            finally:
                os._exit(code)
        os.close(write)
        children.append((pid, read, share))
    stats.processes = processes
    results: list = [None] * count
    for i in range(0, count, processes):
        results[i] = fn(i)
    for pid, read, share in children:
        with os.fdopen(read, "rb") as inp:
            data = inp.read()  # read before waiting: a child blocks on a full pipe until it is read
        _, status, usage = os.wait4(pid, 0)
        stats.child_rss_mb = max(stats.child_rss_mb, usage.ru_maxrss / 1024)
        indices = range(share, count, processes)
        values = None
        if os.waitstatus_to_exitcode(status) == 0:
            try:
                values = pickle.loads(data)
            except Exception:  # noqa: BLE001 - a truncated stream: computed again below
                values = None
        if values is None or len(values) != len(indices):
            stats.failed += 1
            values = [fn(i) for i in indices]
        for i, value in zip(indices, values):
            results[i] = value
    return results


class Stream:
    """``fn(i)`` for every ``i`` in ``todo`` (increasing), computed in that order by a forked child while
    this process goes on with other work, and handed over when this process asks for them (:meth:`get`).

    The child sends a chunk of results at a time through a pipe; a thread here reads the pipe as it
    fills (so the child never waits for this process) and keeps the bytes; :meth:`get` unpickles a chunk
    when one of its results is first asked for, waiting for it if it has not arrived. ``waited`` is the
    time spent in :meth:`get` (waiting, unpickling, and computing here whatever a failed child did not
    send): work this process did for these results. Call :meth:`close` when done (it reaps the child)."""

    CHUNK = 48

    def __init__(self, fn: Callable[[int], T], todo: list[int]) -> None:
        self.fn, self.todo = fn, todo
        self._where = {i: n for n, i in enumerate(todo)}
        self.waited = 0.0
        self.failed = False  # the child stopped early; the rest was computed here
        self.child_rss_mb = 0.0
        self._raw: list[bytes] = []
        self._decoded: dict[int, list] = {}
        self._done = False
        self._cond = threading.Condition()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: compute, send chunk by chunk, leave without running the parent's exit code
            code = 1
            try:
                os.close(read)
                with os.fdopen(write, "wb") as out:
                    for lo in range(0, len(todo), self.CHUNK):
                        data = pickle.dumps([fn(i) for i in todo[lo:lo + self.CHUNK]], pickle.HIGHEST_PROTOCOL)
                        out.write(len(data).to_bytes(8, "little"))
                        out.write(data)
                        out.flush()
                code = 0
            except BaseException:  # noqa: BLE001 - the parent computes what was not sent
                pass
            finally:
                os._exit(code)
        os.close(write)
        self._pid: int | None = pid
        self._thread = threading.Thread(target=self._drain, args=(read,), name="roadmap-gen-stream", daemon=True)
        self._thread.start()

    def _drain(self, fd: int) -> None:
        with os.fdopen(fd, "rb") as inp:
            while True:
                head = inp.read(8)
                if len(head) < 8:
                    break
                size = int.from_bytes(head, "little")
                data = inp.read(size)
                if len(data) < size:
                    break
                with self._cond:
                    self._raw.append(data)
                    self._cond.notify_all()
        with self._cond:
            self._done = True
            self._cond.notify_all()

    def get(self, i: int) -> T:
        t0 = time.perf_counter()
        try:
            chunk, at = divmod(self._where[i], self.CHUNK)
            values = self._decoded.get(chunk)
            if values is None:
                with self._cond:
                    while chunk >= len(self._raw) and not self._done:
                        self._cond.wait()
                    data = self._raw[chunk] if chunk < len(self._raw) else None
                if data is None:  # the child stopped before sending it
                    self.failed = True
                    return self.fn(i)
                values = self._decoded[chunk] = pickle.loads(data)
                self._raw[chunk] = b""
            return values[at]
        finally:
            self.waited += time.perf_counter() - t0

    def close(self, kill: bool = False) -> None:
        """Reap the child (``kill``: first stop it, when its results are no longer wanted)."""
        if self._pid is None:
            return
        if kill:
            try:
                os.kill(self._pid, signal.SIGKILL)
            except ProcessLookupError:  # pragma: no cover - already gone
                pass
        _, status, usage = os.wait4(self._pid, 0)
        self._pid = None
        self._thread.join()
        self.child_rss_mb = usage.ru_maxrss / 1024
        if os.waitstatus_to_exitcode(status) != 0 and not kill:
            self.failed = True
