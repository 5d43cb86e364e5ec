"""Rendering on more than one core (roadmap_gen.workers): forked children render a share of the pages,
the parent puts them in order; the site is the same bytes as rendered in one process."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import REPO
from roadmap_gen import workers

PARENT = os.getpid()


def square(i: int) -> tuple[int, int]:
    return i, i * i


@pytest.mark.parametrize("processes", [1, 2, 3])
def test_results_come_back_in_order(processes: int):
    stats = workers.Stats()
    assert workers.in_order(square, 101, processes, stats) == [(i, i * i) for i in range(101)]
    assert stats.processes == processes and stats.failed == 0
    if processes > 1:
        assert stats.child_rss_mb > 0


def test_each_child_computes_its_own_share():
    """Process k computes the indices i with i % processes == k (the parent: 0)."""
    pids = workers.in_order(lambda i: os.getpid(), 9, 3)
    assert pids[0::3] == [PARENT] * 3
    children = {pids[1], pids[2]}
    assert PARENT not in children and len(children) == 2
    assert pids[1::3] == [pids[1]] * 3 and pids[2::3] == [pids[2]] * 3


def test_a_failing_child_costs_only_time():
    def fragile(i: int) -> int:
        if os.getpid() != PARENT and i % 2:
            raise RuntimeError("only in the child")
        return i + 1

    stats = workers.Stats()
    assert workers.in_order(fragile, 10, 2, stats) == list(range(1, 11))
    assert stats.failed == 1


def test_a_child_that_dies_costs_only_time():
    def fatal(i: int) -> int:
        if os.getpid() != PARENT:
            os._exit(3)
        return -i

    stats = workers.Stats()
    assert workers.in_order(fatal, 7, 3, stats) == [-i for i in range(7)]
    assert stats.failed == 2


def test_results_that_cannot_be_sent_are_computed_again():
    stats = workers.Stats()
    assert workers.in_order(lambda i: (lambda: i) if os.getpid() != PARENT else i, 4, 2, stats) == [0, 1, 2, 3]
    assert stats.failed == 1


def test_no_fork_while_other_threads_run():
    assert workers.available() >= 1
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert workers.available() == 1
        assert workers.planned(10_000) == 1 and workers.planned(10_000, 4) == 1
        stats = workers.Stats()
        assert workers.in_order(square, 5, workers.planned(5, 2), stats) == [square(i) for i in range(5)]
        assert stats.processes == 1
    finally:
        stop.set()
        thread.join()


def test_planned_processes(monkeypatch):
    monkeypatch.setattr(workers, "available", lambda: 2)
    assert workers.planned(100) == 1  # too few pages to be worth a fork
    assert workers.planned(2 * workers.MIN_JOBS_PER_WORKER) == 2
    assert workers.planned(100_000) == 2  # never more than the cores
    assert workers.planned(100, 2) == 2  # asked for explicitly
    assert workers.planned(100, 8) == 2
    assert workers.planned(1, 2) == 1


def _site(tmp_path: Path, name: str, processes: int | None) -> tuple[dict[str, bytes], object]:
    root = tmp_path / name
    root.mkdir()
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "docs", root / "docs")
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    option = "      content_dir: content\n"
    assert option in text
    if processes is not None:
        text = text.replace(option, option + f"      workers: {processes}\n")
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    site = root / "site"
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
    build(config)
    plugin = config.plugins["outcome-roadmap"]
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    return files, plugin


def test_the_example_site_is_the_same_rendered_in_one_two_or_three_processes(tmp_path: Path):
    one, plugin = _site(tmp_path, "one", 1)
    assert plugin.renderer.workers.processes == 1
    for n in (2, 3):
        shared, plugin = _site(tmp_path, f"p{n}", n)
        assert plugin.renderer.workers.processes == min(n, workers.available()) > 1  # never more than the cores
        assert plugin.renderer.workers.failed == 0
        assert sorted(shared) == sorted(one)
        assert [name for name in one if one[name] != shared[name]] == []
    assert sum(name.startswith("hypotheses/") for name in one) > 10


def test_small_roadmaps_render_in_process_by_default(tmp_path: Path):
    """The example has 81 pages: fewer than a fork is worth, so the default (0) renders in-process."""
    _, plugin = _site(tmp_path, "default", None)
    assert plugin.config.workers == 0
    assert plugin.renderer.workers.processes == 1


# -- a child rendering alongside (workers.Stream, render.Renderer.render_streamed) ------------------------

def big(i: int) -> str:
    return str(i) * 50_000  # chunks far larger than a pipe's buffer


def test_a_stream_hands_over_results_in_any_order():
    todo = [1, 3, 5] + list(range(6, 200))
    stream = workers.Stream(big, todo)
    try:
        for i in reversed(todo):
            assert stream.get(i) == big(i)
    finally:
        stream.close()
    assert not stream.failed and stream.waited > 0 and stream.child_rss_mb > 0


def test_a_stream_child_never_waits_for_the_parent():
    """A thread drains the pipe: the child finishes (and its results are here) before anything is asked."""
    stream = workers.Stream(big, list(range(300)))
    try:
        with stream._cond:
            assert stream._cond.wait_for(lambda: stream._done, timeout=60)
        assert len(stream._raw) == -(-300 // stream.CHUNK)
        assert stream.get(299) == big(299)
    finally:
        stream.close()
    assert not stream.failed


def test_a_stream_whose_child_fails_is_finished_here():
    def fragile(i: int) -> int:
        if os.getpid() != PARENT and i >= 100:
            raise RuntimeError("only in the child")
        return -i

    stream = workers.Stream(fragile, list(range(10, 300)))
    try:
        assert [stream.get(i) for i in range(10, 300)] == [-i for i in range(10, 300)]
    finally:
        stream.close()
    assert stream.failed


def test_a_stream_no_longer_wanted_is_stopped():
    import time

    def slow(i: int) -> int:
        time.sleep(0.05)
        return i

    stream = workers.Stream(slow, list(range(1000)))  # 50 s of work
    t0 = time.perf_counter()
    stream.close(kill=True)
    assert time.perf_counter() - t0 < 5
    assert stream._pid is None and not stream._thread.is_alive()


def _build_logs(tmp_path: Path, name: str, processes: int, caplog) -> tuple[dict[str, bytes], list[str]]:
    import logging

    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.outcome-roadmap"):
        files, plugin = _site(tmp_path, name, processes)
    return files, [r.getMessage() for r in caplog.records if "outcome-roadmap" in r.name]


def test_the_plugin_says_what_the_second_process_did(tmp_path: Path, caplog):
    files, logs = _build_logs(tmp_path, "w2", 2, caplog)
    assert any("a second process renders the other" in line for line in logs), logs
    took = [line for line in logs if "pages came from a second process" in line]
    assert len(took) == 1 and "taking them over took" in took[0]
    _, logs = _build_logs(tmp_path, "w1", 1, caplog)
    assert not any("second process" in line for line in logs)


def test_a_failed_build_stops_the_second_process(tmp_path: Path):
    """A build that fails after the pages were listed (here a hook, on the first page) reaps the child."""
    from mkdocs.exceptions import Abort, BuildError, PluginError

    root = tmp_path / "failing"
    root.mkdir()
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "docs", root / "docs")
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("      content_dir: content\n", "      content_dir: content\n      workers: 2\n")
    pid_file = root / "child.pid"
    (root / "hooks.py").write_text(
        "def on_page_markdown(markdown, page, config, files):\n"
        "    stream = config.plugins['outcome-roadmap']._rendered.stream\n"
        f"    open({str(pid_file)!r}, 'w').write(str(stream._pid))\n"
        "    raise RuntimeError('a hook fails')\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(text + "hooks:\n  - hooks.py\n", encoding="utf-8")
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    with pytest.raises((RuntimeError, Abort, BuildError, PluginError)):
        build(config)
    assert config.plugins["outcome-roadmap"]._rendered is None  # closed
    pid = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):  # gone, not even a zombie
        os.kill(pid, 0)
