#!/usr/bin/env python3
"""Benchmark: our MkDocs build against the same pages hand-written, at several roadmap sizes.

For each size N (hypotheses) it generates the roadmap (bench/generate.py, cached in bench/out/), then
runs, ``--runs`` times and alternating so that load from other processes hits every variant alike:

* ``ours``: ``mkdocs build`` of the roadmap (plugin ``outcome-roadmap``), wall and CPU time, peak
  memory (``/usr/bin/time``'s maximum RSS), and the plugin's own phases parsed from its INFO lines
  (``load .. ms, validate .. ms, compute .. ms, render .. ms`` plus the fast HTML path);
* ``floor``: the same items as hand-written Markdown pages, same MkDocs + Material, item pages kept
  out of the navigation like ours (the engine's floor for that many pages);
* ``naive``: the hand-written pages with Material's default navigation (every page in the nav);
  quadratic, so only up to ``--naive-max`` hypotheses;
* ``check``: ``roadmap-gen check`` on the roadmap.

Optional variants, in the same alternation: ``--attribution`` builds ours and the floor without
Material's search plugin (how much of each build is search indexing); ``--baseline DIR`` builds our
roadmap with the ``roadmap_gen/`` in DIR first on ``PYTHONPATH`` (before/after); ``--preview`` replays
a ``mkdocs serve`` rebuild after editing one hypothesis, for ours and the floor (bench/preview.py).

It reports medians, the size of the hypothesis pages (median and largest ``index.html``) and whether
the targets hold, prints Markdown tables and writes every sample to ``<out>/results.json``.

    .venv/bin/python bench/run.py                       # N = 250..4000, 3 runs each
    .venv/bin/python bench/run.py --sizes 1000 --runs 5 --preview --attribution
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402

BIN = Path(sys.executable).parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
CHECK = [str(BIN / "roadmap-gen")] if (BIN / "roadmap-gen").exists() else [sys.executable, "-m", "roadmap_gen"]
TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "0"}

PLUGIN_LINE = re.compile(r"outcome-roadmap: .* in ([0-9.]+) s: (.*)")
PHASE = re.compile(r"(\w+) ([0-9]+) ms")
FAST_LINE = re.compile(r"outcome-roadmap: (\d+) of (\d+) pages took the fast HTML path \(([0-9]+) ms\)")
LEAN_LINE = re.compile(r"outcome-roadmap: (\d+) pages went to search as lean copies \(([0-9]+) ms\)")
TAKEOVER_LINE = re.compile(r"outcome-roadmap: (\d+) pages came from a second process \(peak memory ([0-9]+) MB\); "
                           r"taking them over took ([0-9]+) ms")
TARGETS = {"ratio": 1.3, "growth": 2.2, "own_share": 0.15, "check": 1.0, "rss_mb": 400, "page_kb": 60}


def timed(cmd: list[str], cwd: Path | None = None, env: dict | None = None) -> dict:
    """Run ``cmd``; wall time, CPU time and peak RSS of the child (and its children)."""
    rss_file = None
    full = cmd
    if TIME:
        fd, rss_file = tempfile.mkstemp(prefix="rg-bench-time-")
        os.close(fd)
        full = [TIME, "-f", "%M %U %S", "-o", rss_file, *cmd]
    t0 = time.perf_counter()
    # run in a neutral folder: `python -m` puts the working folder first on sys.path, which would shadow
    # a --baseline package with the roadmap_gen/ of the repository when run from its root
    proc = subprocess.run(full, cwd=cwd or tempfile.gettempdir(), env={**ENV, **(env or {})}, capture_output=True,
                          text=True)
    wall = time.perf_counter() - t0
    out = {"wall": wall, "rc": proc.returncode, "stderr": proc.stderr, "stdout": proc.stdout}
    if rss_file:
        try:
            fields = Path(rss_file).read_text().split()[-3:]
            out["rss_mb"] = int(fields[0]) / 1024
            out["cpu"] = float(fields[1]) + float(fields[2])
        except (ValueError, IndexError):
            pass
        os.unlink(rss_file)
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-3000:]}")
    return out


def build(config: Path, site: Path, quiet: bool, env: dict | None = None) -> dict:
    if site.exists():
        shutil.rmtree(site)
    return timed([*MKDOCS, "build", *(["-q"] if quiet else []), "-f", str(config), "-d", str(site)], env=env)


def plugin_phases(stderr: str) -> dict:
    out: dict = {}
    m = PLUGIN_LINE.search(stderr)
    if m:
        out["on_files"] = float(m.group(1))
        for name, ms in PHASE.findall(m.group(2)):
            out[name] = int(ms) / 1000
    m = FAST_LINE.search(stderr)
    if m:
        out["fast_html"] = int(m.group(3)) / 1000
        out["fast_pages"] = int(m.group(1))
    # the plugin's own time: its on_files phase plus the per-page fast path
    m = LEAN_LINE.search(stderr)
    if m:
        out["fast_html"] = out.get("fast_html", 0.0) + int(m.group(2)) / 1000  # our per-page work, all of it
    # pages rendered by a second process: what the main process spent taking them over (waiting for
    # them, unpickling them) is the plugin's own time too; the child's own memory is reported apart
    m = TAKEOVER_LINE.search(stderr)
    if m:
        out["takeover"] = int(m.group(3)) / 1000
        out["child_rss_mb"] = int(m.group(2))
    out["own"] = out.get("on_files", 0.0) + out.get("takeover", 0.0)
    out["plugin"] = out["own"] + out.get("fast_html", 0.0)
    return out


def page_sizes(site: Path) -> dict:
    sizes = sorted(p.stat().st_size for p in (site / "hypotheses").glob("*/index.html"))
    biggest = {}
    for kind in ("stages", "outcomes", "themes", "questions", "opportunities", "okrs", "metrics"):
        s = [p.stat().st_size for p in (site / kind).glob("*/index.html")]
        if s:
            biggest[kind] = max(s)
    return {"hypothesis_median": statistics.median(sizes), "hypothesis_max": sizes[-1],
            "largest_by_kind": biggest, "journey": (site / "journey" / "index.html").stat().st_size}


def median(values: list[float]) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def bench_size(n: int, out: Path, runs: int, naive_max: int, preview: bool, seed: int,
               baseline: Path | None = None, attribution: bool = False) -> dict:
    root = generate.generate(n, out, seed)
    items = int((root / "ITEMS").read_text())
    work = Path(tempfile.mkdtemp(prefix=f"rg-bench-n{n}-"))
    samples: dict[str, list] = {"ours": [], "floor": [], "naive": [], "check": [], "preview": [], "baseline": [],
                                "ours_nosearch": [], "floor_nosearch": []}
    try:
        for run in range(runs):
            order = ["ours", "floor"] + (["baseline"] if baseline else []) + (["naive"] if n <= naive_max else []) \
                + (["ours_nosearch", "floor_nosearch"] if attribution else []) + ["check"]
            if run % 2:  # alternate the order too
                order = order[::-1]
            for variant in order:
                if variant == "check":
                    samples["check"].append(timed([*CHECK, "check", str(root / "ours")]))
                elif variant.endswith("_nosearch"):
                    which = variant.split("_")[0]
                    samples[variant].append(build(root / which / "mkdocs.nosearch.yml", work / variant, quiet=True))
                elif variant in ("ours", "baseline"):
                    env = {"PYTHONPATH": str(baseline)} if variant == "baseline" else None
                    r = build(root / "ours" / "mkdocs.yml", work / variant, quiet=False, env=env)
                    r["phases"] = plugin_phases(r["stderr"])
                    samples[variant].append(r)
                else:
                    samples[variant].append(build(root / variant / "mkdocs.yml", work / variant, quiet=True))
                print(f"  n={n} run {run + 1}/{runs} {variant}: {samples[variant][-1]['wall']:.2f} s",
                      file=sys.stderr)
            if preview:
                for variant in ("ours", "floor") if run % 2 == 0 else ("floor", "ours"):
                    r = timed([sys.executable, str(HERE / "preview.py"), str(root / variant / "mkdocs.yml"),
                               variant])
                    samples["preview"].append({"variant": variant, **json.loads(r["stdout"])})
        sizes = page_sizes(work / "ours")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def med(variant: str, key: str):
        return median([s.get(key) for s in samples[variant]])

    phases = {k: median([s["phases"].get(k) for s in samples["ours"]])
              for k in ("load", "validate", "compute", "render", "on_files", "takeover", "own", "fast_html",
                        "plugin", "child_rss_mb")}
    result = {
        "n": n, "items": items, "runs": runs,
        # peak memory: the build's process plus, when it had one, its rendering child (an upper bound:
        # the pages they share are counted twice)
        "ours": med("ours", "wall"), "ours_cpu": med("ours", "cpu"), "ours_rss_mb": max(
            (s.get("rss_mb") or 0) + (s.get("phases", {}).get("child_rss_mb") or 0) for s in samples["ours"]) or None,
        "floor": med("floor", "wall"), "floor_cpu": med("floor", "cpu"),
        "naive": med("naive", "wall") if samples["naive"] else None,
        "check": med("check", "wall"), "phases": phases, "pages": sizes,
        "samples": {k: [round(s["wall"], 3) for s in v if "wall" in s] for k, v in samples.items()},
    }
    if samples["baseline"]:
        result["baseline"] = med("baseline", "wall")
        result["baseline_cpu"] = med("baseline", "cpu")
        result["baseline_rss_mb"] = max((s.get("rss_mb") or 0) for s in samples["baseline"]) or None
        result["baseline_phases"] = {k: median([s["phases"].get(k) for s in samples["baseline"]])
                                     for k in ("load", "validate", "compute", "render", "on_files", "plugin")}
    if samples["ours_nosearch"]:
        for v in ("ours_nosearch", "floor_nosearch"):
            result[v] = med(v, "wall")
            result[v + "_cpu"] = med(v, "cpu")
    # ours and the floor run next to each other in every run, so each run gives one ratio under the same
    # conditions; their median is steadier than the ratio of two medians on a machine other work shares
    result["ratio"] = median([o["wall"] / f["wall"] for o, f in zip(samples["ours"], samples["floor"])])
    result["ratio_cpu"] = median([o["cpu"] / f["cpu"] for o, f in zip(samples["ours"], samples["floor"])
                                  if o.get("cpu") and f.get("cpu")]) or None
    result["ratio_of_medians"] = result["ours"] / result["floor"]
    # the plugin's share, run by run (its phases and the build they are part of come from the same run)
    result["plugin_share"] = median([s["phases"]["plugin"] / s["wall"] for s in samples["ours"]
                                     if s["phases"].get("plugin")]) or None
    result["own_share"] = median([s["phases"]["own"] / s["wall"] for s in samples["ours"]
                                  if s["phases"].get("own")]) or None
    if preview:
        for variant in ("ours", "floor"):
            rows = [p for p in samples["preview"] if p["variant"] == variant]
            result[f"preview_{variant}"] = {
                "first": median([p["first"] for p in rows]), "rebuild": median([p["rebuild"] for p in rows]),
                "rebuild_cpu": median([p["rebuild_cpu"] for p in rows]),
                "parsed": rows[0].get("parsed") if rows else None}
    return result


def fmt(v, spec=".2f", suffix=""):
    return "—" if v is None else f"{v:{spec}}{suffix}"


def table(results: list[dict]) -> str:
    head = ("| N hypotheses | items | ours (s) | floor (s) | ours / floor | CPU ours / floor | naive (s) "
            "| t(2N) / t(N) | plugin (s): load + validate + compute + render + taking pages over + per-page work "
            "| plugin share | own phase share (load to render) | check (s) | peak RSS (MB) | hypothesis page (KB, median / max) |")
    lines = [head, "|" + "|".join("---" for _ in range(head.count("|") - 1)) + "|"]
    prev = None
    for r in results:
        p = r["phases"]
        growth = (r["ours"] / prev["ours"]) if prev and r["n"] == 2 * prev["n"] else None
        pages = r["pages"]
        lines.append(
            f"| {r['n']:,} | {r['items']:,} | {fmt(r['ours'])} | {fmt(r['floor'])} | {fmt(r['ratio'])} "
            f"| {fmt(r['ratio_cpu'])} | {fmt(r['naive'])} | {fmt(growth)} "
            f"| {fmt(p['plugin'])}: {fmt(p['load'])} + {fmt(p['validate'])} + {fmt(p['compute'])} + "
            f"{fmt(p['render'])} + {fmt(p.get('takeover'))} + {fmt(p['fast_html'])} | {fmt(r['plugin_share'] and 100 * r['plugin_share'], '.0f', ' %')} "
            f"| {fmt(r.get('own_share') and 100 * r['own_share'], '.0f', ' %')} | {fmt(r['check'])} | {fmt(r['ours_rss_mb'], '.0f')} "
            f"| {pages['hypothesis_median'] / 1024:.1f} / {pages['hypothesis_max'] / 1024:.1f} |")
        prev = r
    return "\n".join(lines)


def baseline_table(results: list[dict]) -> str:
    rows = [r for r in results if "baseline" in r]
    if not rows:
        return ""
    out = ["| N hypotheses | before (s) | after (s) | before / floor | after / floor | plugin before (s) "
           "| plugin after (s) | CPU before (s) | CPU after (s) | peak RSS before / after (MB) |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        out.append(f"| {r['n']:,} | {fmt(r['baseline'])} | {fmt(r['ours'])} | {fmt(r['baseline'] / r['floor'])} "
                   f"| {fmt(r['ratio'])} | {fmt(r['baseline_phases']['plugin'])} | {fmt(r['phases']['plugin'])} "
                   f"| {fmt(r['baseline_cpu'])} | {fmt(r['ours_cpu'])} "
                   f"| {fmt(r['baseline_rss_mb'], '.0f')} / {fmt(r['ours_rss_mb'], '.0f')} |")
    return "\n".join(out)


def attribution_table(results: list[dict]) -> str:
    rows = [r for r in results if "ours_nosearch" in r]
    if not rows:
        return ""
    out = ["| N hypotheses | ours (s) | ours without search (s) | search indexing in ours (s) | floor (s) "
           "| floor without search (s) | search indexing in floor (s) | ours / floor without search "
           "| CPU: ours / floor without search |",
           "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        cpu = (r["ours_nosearch_cpu"] / r["floor_nosearch_cpu"]) if r.get("floor_nosearch_cpu") else None
        out.append(f"| {r['n']:,} | {fmt(r['ours'])} | {fmt(r['ours_nosearch'])} | {fmt(r['ours'] - r['ours_nosearch'])} "
                   f"| {fmt(r['floor'])} | {fmt(r['floor_nosearch'])} | {fmt(r['floor'] - r['floor_nosearch'])} "
                   f"| {fmt(r['ours_nosearch'] / r['floor_nosearch'])} | {fmt(cpu)} |")
    return "\n".join(out)


def preview_table(results: list[dict]) -> str:
    rows = [r for r in results if "preview_ours" in r]
    if not rows:
        return ""
    out = ["| N hypotheses | ours: rebuild after editing one hypothesis (s) | its CPU (s) | files re-parsed "
           "| floor: full build (s) | its CPU (s) | floor: rebuild after editing one page (s) | its CPU (s) |",
           "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        o, f = r["preview_ours"], r["preview_floor"]
        out.append(f"| {r['n']:,} | {fmt(o['rebuild'])} | {fmt(o['rebuild_cpu'])} | {o['parsed']} | {fmt(r['floor'])} "
                   f"| {fmt(r['floor_cpu'])} | {fmt(f['rebuild'])} | {fmt(f['rebuild_cpu'])} |")
    return "\n".join(out)


def verdict(results: list[dict]) -> str:
    at = {r["n"]: r for r in results}
    r = at.get(1000)
    lines = []
    if r:
        def line(name, value, target, ok, unit=""):
            lines.append(f"- {name}: {value}{unit} (target {target}{unit}): {'holds' if ok else 'MISSED'}")
        line("ours / floor at N=1,000", f"{r['ratio']:.2f}", f"<= {TARGETS['ratio']}", r["ratio"] <= TARGETS["ratio"])
        if 2000 in at:
            g = at[2000]["ours"] / r["ours"]
            line("t(2,000) / t(1,000)", f"{g:.2f}", f"<= {TARGETS['growth']}", g <= TARGETS["growth"])
        if r.get("own_share") is not None:
            line("plugin's own phase (load to render, taking pages over included) of the build",
                 f"{100 * r['own_share']:.0f}", f"< {100 * TARGETS['own_share']:.0f}",
                 r["own_share"] < TARGETS["own_share"], " %")
        if r["plugin_share"] is not None:
            lines.append(f"- with its per-page work (fast HTML path, lean search copies): "
                         f"{100 * r['plugin_share']:.0f} % (no target)")
        line("check", f"{r['check']:.2f}", f"< {TARGETS['check']}", r["check"] < TARGETS["check"], " s")
        line("peak RSS", f"{r['ours_rss_mb']:.0f}", f"< {TARGETS['rss_mb']}", r["ours_rss_mb"] < TARGETS["rss_mb"], " MB")
        kb = r["pages"]["hypothesis_max"] / 1024
        line("largest hypothesis page", f"{kb:.1f}", f"< {TARGETS['page_kb']}", kb < TARGETS["page_kb"], " KB")
        if "preview_ours" in r:
            ok = r["preview_ours"]["rebuild"] <= r["floor"]
            line("serve rebuild after editing one hypothesis", f"{r['preview_ours']['rebuild']:.2f} s, the floor's full "
                 f"build {r['floor']:.2f} s", "no more than the floor's full build", ok)
    growth = [f"{b['n']}/{a['n']}: {b['ours'] / a['ours']:.2f}" for a, b in zip(results, results[1:])
              if b["n"] == 2 * a["n"]]
    if growth:
        lines.append(f"- growth t(2N)/t(N): {', '.join(growth)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="250,500,1000,2000,4000", help="comma-separated numbers of hypotheses")
    p.add_argument("--runs", type=int, default=3, help="runs per size; medians are reported (default 3)")
    p.add_argument("--naive-max", type=int, default=1000,
                   help="largest N for the naive build (quadratic: ~40 s at 1,000 on 2 cores; default 1000)")
    p.add_argument("--preview", action="store_true", help="also measure a serve rebuild after one edit")
    p.add_argument("--attribution", action="store_true",
                   help="also build ours and the floor without Material's search plugin (its share of a build)")
    p.add_argument("--out", type=Path, default=generate.DEFAULT_OUT, help="generated roadmaps and results.json")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--baseline", type=Path, help="a folder holding another roadmap_gen/ and theme/ (e.g. made by "
                   "bench/make_before.py): also build our roadmap with it first on PYTHONPATH, alternating")
    args = p.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    results = []
    for n in sizes:
        print(f"N = {n}", file=sys.stderr)
        results.append(bench_size(n, args.out, args.runs, args.naive_max, args.preview, args.seed,
                                  args.baseline.resolve() if args.baseline else None, args.attribution))
    report = "\n\n".join(x for x in (table(results), baseline_table(results), attribution_table(results),
                                      preview_table(results), verdict(results)) if x)
    print(report)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(
        {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}, "results": results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
