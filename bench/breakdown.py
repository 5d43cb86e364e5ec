#!/usr/bin/env python3
"""Where a build's time goes: one ``mkdocs build`` through MkDocs' Python API, in this process.

Two views of the same kind of build (run it once per view; profiling slows everything down). Run it
under ``taskset -c 0`` like the benchmark:

* ``--phases`` (default): CPU seconds per phase, timed without a profiler, by wrapping the plugins'
  event handlers (ours: ``on_files`` = compile and page list, ``on_page_context`` = view models,
  ``on_page_content`` = sanitising; Material's search ``on_page_context`` = indexing), Python-Markdown
  per page (``Page.render``), the page templates (``Template.render``: ours extend Material's
  ``main.html``, so a roadmap page's figure holds Material's part of the page too) and the rest of
  ``_build_page`` (writing); and per page kind.
* ``--cprofile``: cProfile of the whole build, its time split by whose code ran: ours (compile, view
  models, templates, the rest of the plugin) against MkDocs, Material and Python-Markdown. Library code
  that belongs to nobody in particular (Jinja's runtime, MarkupSafe, PyYAML, nh3, the standard library,
  built-ins) is counted for whoever called it (gprof-style: a function's own time under each caller is
  exact; further up, callers' shares are split in proportion to their cumulative time). The profiler
  counts CPU time (``time.process_time``), and its overhead weighs most on code that makes many small
  Python calls (templates, view models), so compare shares with ``--phases``. ``--top N`` also prints
  the top functions by cumulative and own time.

    taskset -c 0 .venv/bin/python bench/breakdown.py bench/out/n1000/ours/mkdocs.yml
    taskset -c 0 .venv/bin/python bench/breakdown.py bench/out/n1000/ours/mkdocs.yml --cprofile
    taskset -c 0 .venv/bin/python bench/breakdown.py bench/out/n1000/floor/mkdocs.yml --cprofile
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

import jinja2  # noqa: E402
from mkdocs.commands import build as mkbuild  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402


SITE = tempfile.TemporaryDirectory(prefix="rg-profile-")  # the built site, removed at exit


def kind(page) -> str:
    src = page.file.src_uri
    parts = src.split("/")
    if src.endswith("index.md") and len(parts) <= 2 or "/" not in src:
        return src
    return parts[0] + "/*"


def owner_of(handler) -> str:
    plugin = getattr(handler, "__self__", None)
    return type(plugin).__name__ if plugin is not None else getattr(handler, "__qualname__", "?")


def phases(config_file: str) -> None:
    # per kind: pages, Markdown, search indexing, our view models, template, the rest of _build_page
    per_kind: dict[str, list[float]] = collections.defaultdict(lambda: [0, 0.0, 0.0, 0.0, 0.0, 0.0])
    totals: collections.Counter = collections.Counter()
    clock = time.process_time
    current: list = [None]

    render = Page.render

    def timed_render(self, config, files):
        t = clock()
        try:
            return render(self, config, files)
        finally:
            d = clock() - t
            per_kind[kind(self)][1] += d
            totals["Python-Markdown per page (Page.render)"] += d

    template_render = jinja2.Template.render

    def timed_template(self, *args, **kwargs):
        t = clock()
        try:
            return template_render(self, *args, **kwargs)
        finally:
            d = clock() - t
            totals["templates (Template.render: ours and Material's)"] += d
            if current[0] is not None:
                per_kind[kind(current[0])][4] += d

    build_page = mkbuild._build_page

    def timed_build_page(page, *args, **kwargs):
        current[0] = page
        t = clock()
        try:
            return build_page(page, *args, **kwargs)
        finally:
            d = clock() - t
            current[0] = None
            per_kind[kind(page)][0] += 1
            per_kind[kind(page)][5] += d
            totals["_build_page in all (context, handlers, template, writing)"] += d

    Page.render = timed_render
    jinja2.Template.render = timed_template
    mkbuild._build_page = timed_build_page
    config = load_config(config_file, site_dir=SITE.name)
    config.plugins.on_startup(command="build", dirty=False)

    # time every plugin's handlers of the events that matter, in place (their order stays as registered)
    plugins = config.plugins
    for event in ("files", "nav", "env", "page_markdown", "page_content", "page_context", "post_page", "post_build"):
        handlers = plugins.events[event]
        for i, fn in enumerate(handlers):
            label = f"{owner_of(fn)}.on_{event}"

            @functools.wraps(fn)
            def wrapper(*args, _fn=fn, _label=label, **kwargs):
                t = clock()
                try:
                    return _fn(*args, **kwargs)
                finally:
                    d = clock() - t
                    totals[_label] += d
                    page = kwargs.get("page")
                    if page is not None and _label.endswith("on_page_context"):
                        col = 3 if _label.startswith("OutcomeRoadmap") else 2 if "Search" in _label else None
                        if col is not None:
                            per_kind[kind(page)][col] += d
            handlers[i] = wrapper

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    t = clock()
    mkbuild.build(config)
    total = clock() - t
    print(f"{config_file}: {total:.2f} s CPU in all (one build in this process, no profiler)\n")
    print("| phase | CPU (s) | share |\n|---|---|---|")
    for label, value in totals.most_common():
        if value >= 0.005:
            print(f"| {label} | {value:.2f} | {100 * value / total:.0f} % |")
    print("\n(`_build_page` holds the page handlers, the template and writing; the template holds Material's "
          "part of every page.)")
    print("\n| page kind | pages | Python-Markdown (s) | search indexing (s) | our view models (s) | template (s) "
          "| _build_page in all (s) |")
    print("|---|---|---|---|---|---|---|")
    for k, (n, md, search, views, tpl, page) in sorted(per_kind.items(), key=lambda kv: -(kv[1][1] + kv[1][5]))[:16]:
        print(f"| {k} | {n} | {md:.2f} | {search:.2f} | {views:.2f} | {tpl:.2f} | {page:.2f} |")


# -- cProfile, by whose code ran ---------------------------------------------------------------

OURS = ("ours: compile (load, validate, compute)", "ours: view models", "ours: templates (theme/templates/roadmap)",
        "ours: plugin, page list, sanitising, the rest")
OTHER = "unattributed (no classified caller)"


def category(filename: str) -> str | None:
    f = filename.replace("\\", "/")
    if "/roadmap_gen/compile/" in f or "/roadmap_gen/format/" in f:
        return OURS[0]
    if "/roadmap_gen/site/views/" in f:
        return OURS[1]
    if "/templates/roadmap/" in f:
        return OURS[2]
    if "/roadmap_gen/" in f:
        return OURS[3]
    if "/site-packages/material/templates/" in f:
        return "Material: templates"
    if "/site-packages/material/plugins/search/" in f:
        return "Material: search plugin"
    if "/site-packages/material/" in f:
        return "Material: other plugins and code"
    if "/site-packages/mkdocs/" in f:
        return "MkDocs"
    if "/site-packages/markdown/" in f or "/site-packages/pymdownx/" in f:
        return "Python-Markdown and extensions"
    return None  # Jinja's runtime, MarkupSafe, PyYAML, nh3, stdlib, built-ins: whoever called them


def attribute(stats: dict) -> collections.Counter:
    """Own time per category; an unclassified function's own time goes to its callers' categories."""
    cat = {f: category(f[0]) for f in stats}
    dist: dict = {}

    def owner(f, seen: frozenset) -> dict:
        if cat.get(f):
            return {cat[f]: 1.0}
        if f in dist:
            return dist[f]
        if f in seen or f not in stats:
            return {}
        acc: collections.Counter = collections.Counter()
        for c, edge in stats[f][4].items():
            for k, v in owner(c, seen | {f}).items():
                acc[k] += edge[3] * v
        s = sum(acc.values())
        d = {k: v / s for k, v in acc.items()} if s else {OTHER: 1.0}
        dist[f] = d
        return d

    out: collections.Counter = collections.Counter()
    for f, (cc, nc, tt, ct, callers) in stats.items():
        if cat[f]:
            out[cat[f]] += tt
            continue
        placed = 0.0
        for c, edge in callers.items():
            for k, v in owner(c, frozenset({f})).items():
                out[k] += edge[2] * v
                placed += edge[2] * v
        if tt - placed > 1e-9:
            out[OTHER] += tt - placed
    return out


def profile(config_file: str, top: int) -> None:
    config = load_config(config_file, site_dir=SITE.name)
    config.plugins.on_startup(command="build", dirty=False)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    # CPU time, not wall time: on a shared machine wall time would count the moments other processes ran
    pr = cProfile.Profile(time.process_time)
    t = time.process_time()
    pr.enable()
    mkbuild.build(config)
    pr.disable()
    wall = time.process_time() - t
    stats = pstats.Stats(pr)
    sys.setrecursionlimit(100000)
    shares = attribute(stats.stats)
    total = sum(shares.values())
    print(f"{config_file}: {wall:.2f} s CPU under cProfile ({total:.2f} s of it in profiled functions)\n")
    print("| whose code | profiled CPU (s) | share |\n|---|---|---|")
    ours = sum(shares[k] for k in OURS)
    if ours:
        for k in OURS:
            print(f"| {k} | {shares[k]:.2f} | {100 * shares[k] / total:.1f} % |")
        print(f"| **ours in all** | **{ours:.2f}** | **{100 * ours / total:.1f} %** |")
    for k, v in shares.most_common():
        if k not in OURS:
            print(f"| {k} | {v:.2f} | {100 * v / total:.1f} % |")
    print(f"| **total** | **{total:.2f}** | 100 % |")
    if top:
        stats.stream = sys.stdout
        stats.sort_stats("cumulative").print_stats(top)
        stats.sort_stats("tottime").print_stats(top)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("config", help="an mkdocs.yml (e.g. bench/out/n1000/ours/mkdocs.yml)")
    p.add_argument("--cprofile", action="store_true", help="cProfile the build, split by whose code ran")
    p.add_argument("--phases", action="store_true", help="time the phases without a profiler (the default)")
    p.add_argument("--top", type=int, default=0, help="with --cprofile, also print the top N functions")
    args = p.parse_args()
    if args.cprofile:
        profile(args.config, args.top)
    else:
        phases(args.config)
    return 0


if __name__ == "__main__":
    sys.exit(main())
