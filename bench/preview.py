#!/usr/bin/env python3
"""One ``mkdocs serve`` session in miniature, in ONE process: a first build, then a rebuild after editing
one hypothesis.

Does what ``mkdocs serve`` does (``mkdocs.commands.serve``): the first configuration runs the plugins'
``on_startup(command="serve")``; every rebuild loads the configuration again and builds the whole site
into the same folder. MkDocs keeps the instance of a plugin that has ``on_startup`` (ours has one) in
its config schema, so the rebuild's configuration hands back the same plugin instance, and with it what
the plugin keeps between builds; this script checks that it does (``same_instance``). The edited file is
the first hypothesis: in ``content/`` for our roadmap, in ``docs/`` for the hand-written pages; it is
restored afterwards. run.py runs this script under ``taskset -c 0`` like every other timed run.

    taskset -c 0 .venv/bin/python bench/preview.py bench/out/n1000/ours/mkdocs.yml ours

Prints JSON: ``first`` and ``rebuild`` (wall seconds of ``build()``), ``first_cpu`` and ``rebuild_cpu``
(CPU seconds of this process), and for our roadmap ``parsed`` (files the loader parsed again on the
rebuild) and ``same_instance``.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402


def main(config_file: str, variant: str) -> dict:
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    root = Path(config_file).resolve().parent
    folder = root / ("content" if variant == "ours" else "docs") / "hypotheses"
    target = sorted(p for p in folder.glob("*.md") if p.name != "index.md")[0]
    original = target.read_bytes()
    site_dir = tempfile.mkdtemp(prefix="rg-preview-")
    serve_url = "http://127.0.0.1:8000/"

    def get_config():
        config = load_config(config_file=config_file, site_dir=site_dir)
        config.site_url = serve_url
        return config

    try:
        config = get_config()
        config.plugins.on_startup(command="serve", dirty=False)
        first_plugin = config.plugins.get("outcome-roadmap")
        t0, c0 = time.perf_counter(), time.process_time()
        build(config, serve_url=serve_url)
        first, first_cpu = time.perf_counter() - t0, time.process_time() - c0
        target.write_bytes(original + b"\nEdited for the preview benchmark: one more sentence.\n")
        config = get_config()
        t0, c0 = time.perf_counter(), time.process_time()
        build(config, serve_url=serve_url)
        rebuild, rebuild_cpu = time.perf_counter() - t0, time.process_time() - c0
        out = {"first": first, "rebuild": rebuild, "first_cpu": first_cpu, "rebuild_cpu": rebuild_cpu}
        plugin = config.plugins.get("outcome-roadmap")
        if plugin is not None:
            out["same_instance"] = plugin is first_plugin
            if getattr(plugin, "compiled", None) is not None:
                out["parsed"] = plugin.compiled.parsed
        return out
    finally:
        target.write_bytes(original)
        shutil.rmtree(site_dir, ignore_errors=True)


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2])))
