#!/usr/bin/env python3
"""Where a build's time goes: one ``mkdocs build`` through MkDocs' Python API, in this process.

Two views of the same kind of build (run it once per view; profiling slows everything down):

* ``--phases`` (default): CPU seconds per phase, timed without a profiler: our plugin's ``on_files``
  (load, validate, compute, render), Python-Markdown per page (``Page.render``, including the fast HTML
  path), Material's search indexing (``on_page_context``), the page template and writing, the rest
  of MkDocs; and per page kind.
* ``--cprofile``: cProfile of the whole build, top functions by cumulative and by own time.

    .venv/bin/python bench/breakdown.py bench/out/n1000/ours/mkdocs.yml
    .venv/bin/python bench/breakdown.py bench/out/n1000/floor/mkdocs.yml --phases
    .venv/bin/python bench/breakdown.py bench/out/n1000/ours/mkdocs.yml --cprofile --top 30
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import functools
import logging
import os
import pstats
import sys
import tempfile
import time

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands import build as mkbuild  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402


def kind(page) -> str:
    src = page.file.src_uri
    return src if src.endswith("index.md") or "/" not in src else src.split("/")[0] + "/*"


def phases(config_file: str) -> None:
    per_kind: dict[str, list[float]] = collections.defaultdict(lambda: [0, 0.0, 0.0, 0.0])
    totals = collections.Counter()
    clock = time.process_time

    render = Page.render

    def timed_render(self, config, files):
        t = clock()
        try:
            return render(self, config, files)
        finally:
            d = clock() - t
            per_kind[kind(self)][1] += d
            totals["markdown (Page.render)"] += d

    build_page = mkbuild._build_page

    def timed_build_page(page, *args, **kwargs):
        t = clock()
        try:
            return build_page(page, *args, **kwargs)
        finally:
            d = clock() - t
            per_kind[kind(page)][0] += 1
            per_kind[kind(page)][3] += d
            totals["_build_page (template, search, write)"] += d

    Page.render = timed_render
    mkbuild._build_page = timed_build_page
    config = load_config(config_file, site_dir=tempfile.mkdtemp(prefix="rg-profile-"))
    config.plugins.on_startup(command="build", dirty=False)

    # time every plugin's handlers of the events that matter, in place (their order stays as registered)
    plugins = config.plugins
    for event in ("files", "page_markdown", "page_content", "page_context", "post_build"):
        handlers = plugins.events[event]
        for i, fn in enumerate(handlers):
            label = f"{plugins._event_origins.get(fn, '?')}.on_{event}"

            @functools.wraps(fn)  # keeps __wrapped__: the plugin recognises its own handlers through it
            def wrapper(*args, _fn=fn, _label=label, **kwargs):
                t = clock()
                try:
                    return _fn(*args, **kwargs)
                finally:
                    d = clock() - t
                    totals[_label] += d
                    page = kwargs.get("page")
                    if _label.endswith("search.on_page_context") and page is not None:
                        per_kind[kind(page)][2] += d
            handlers[i] = wrapper

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    t = clock()
    mkbuild.build(config)
    total = clock() - t
    print(f"{config_file}: {total:.2f} s CPU in all\n")
    print("| phase | CPU (s) | share |\n|---|---|---|")
    for label, value in totals.most_common():
        print(f"| {label} | {value:.2f} | {100 * value / total:.0f} % |")
    print("\n| page kind | pages | Python-Markdown (s) | search indexing (s) | template, search, write (s) |")
    print("|---|---|---|---|---|")
    for k, (n, md, search, page) in sorted(per_kind.items(), key=lambda kv: -(kv[1][1] + kv[1][3]))[:14]:
        print(f"| {k} | {n} | {md:.2f} | {search:.2f} | {page:.2f} |")


def profile(config_file: str, top: int) -> None:
    config = load_config(config_file, site_dir=tempfile.mkdtemp(prefix="rg-profile-"))
    config.plugins.on_startup(command="build", dirty=False)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    pr = cProfile.Profile()
    pr.enable()
    mkbuild.build(config)
    pr.disable()
    stats = pstats.Stats(pr, stream=sys.stdout)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("config", help="an mkdocs.yml (e.g. bench/out/n1000/ours/mkdocs.yml)")
    p.add_argument("--cprofile", action="store_true", help="cProfile the build instead of timing phases")
    p.add_argument("--phases", action="store_true", help="time the phases (the default)")
    p.add_argument("--top", type=int, default=40)
    args = p.parse_args()
    if args.cprofile:
        profile(args.config, args.top)
    else:
        phases(args.config)
    return 0


if __name__ == "__main__":
    sys.exit(main())
