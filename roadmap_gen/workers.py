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
import sys
import threading
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
