#!/usr/bin/env python3
"""Benchmark: our MkDocs build against the same pages hand-written, at several roadmap sizes, on one core.

Every timed run (builds, ``roadmap-gen check``, the serve replay) runs under ``taskset -c 0``: one core,
ours and the floor alike, so the figures do not depend on how many cores are free.

For each size N (hypotheses) it generates the roadmap (bench/generate.py, cached in bench/out/), then
runs, ``--runs`` times and alternating (the order is reversed every other run) so that load from other
processes hits every variant alike:

* ``ours``: ``mkdocs build`` of the roadmap (plugin ``outcome-roadmap``): wall and CPU time, peak
  memory (``/usr/bin/time``'s maximum RSS), and the plugin's ``on_files`` phase parsed from its INFO line
  (``outcome-roadmap: N items, M pages (parsed X of Y files) in T s: load .. ms, validate .. ms,
  compute .. ms``), for information; the view models and our templates run later, inside MkDocs' page
  loop, and are part of the build's time but not of that line;
* ``floor``: the same items as hand-written Markdown pages, same MkDocs + Material, item pages kept
  out of the navigation like ours (the engine's floor for that many pages);
* ``ours_plugins`` and ``floor_plugins`` (the "plugins" variant, on unless ``--no-plugins``): both sites
  with ``admonition``, ``pymdownx.details``, ``pymdownx.superfences``, ``pymdownx.snippets`` and
  Material's ``tags``, ``blog`` and ``offline`` plugins;
* ``naive``: the hand-written pages with Material's default navigation (every page in the nav);
  quadratic, so only up to ``--naive-max`` hypotheses;
* ``check``: ``roadmap-gen check`` on the roadmap.

What is measured is a copy of the working tree's ``roadmap_gen/`` and ``theme/`` made when the run starts,
first on ``PYTHONPATH`` for our builds, ``check`` and our serve replay (``--code DIR`` names another such
folder): the repository may be edited while a run goes on. results.json records HEAD, the changed files
and a digest of what was measured.

Optional, in the same alternation: ``--attribution`` builds ours and the floor without Material's search
plugin; ``--baseline DIR`` builds our roadmap with the ``roadmap_gen/`` and ``theme/`` in DIR first on
``PYTHONPATH`` (before/after); ``--preview`` replays a ``mkdocs serve`` session in one process for ours
and the floor (bench/preview.py): a first build, an edit of one hypothesis, the rebuild.

It reports medians, the size of the hypothesis pages and whether the targets hold, prints Markdown
tables and writes every sample to ``<out>/results.json``. Times are given as CPU time (user + sys, from
``/usr/bin/time``) and wall time. On one core a build's CPU time is what its wall time would be on a
quiet machine; on a shared one, other processes scheduled on the same core stretch the wall time (the
tables' "wall / CPU" column says by how much), so every target is judged on both.

    .venv/bin/python bench/run.py --sizes 1000,2000 --runs 3 --preview
    .venv/bin/python bench/run.py --sizes 1000 --runs 5 --no-plugins --attribution
"""

from __future__ import annotations

import argparse
import importlib.metadata
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
TASKSET = shutil.which("taskset")
CORE = "0"  # every timed run is pinned to this one core
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "0"}

PLUGIN_LINE = re.compile(r"outcome-roadmap: (\d+) items, (\d+) pages \(parsed (\d+) of (\d+) files\) in ([0-9.]+) s: "
                         r"(.*)")
PHASE = re.compile(r"(\w+) ([0-9]+) ms")
# the issue's targets, at N = 1,000 hypotheses
TARGETS = {"ratio": 1.1, "ratio_plugins": 1.1, "growth": 2.1, "rss_mb": 250, "preview": 0.8, "check": 0.5}
BUILDS = {"ours": "ours", "floor": "floor", "ours_plugins": "ours-plugins", "floor_plugins": "floor-plugins",
          "naive": "naive"}


def pinned(cmd: list[str]) -> list[str]:
    return [TASKSET, "-c", CORE, *cmd]


def timed(cmd: list[str], cwd: Path | None = None, env: dict | None = None) -> dict:
    """Run ``cmd`` on one core; wall time, CPU time and peak RSS of the child (and its children)."""
    rss_file = None
    full = cmd
    if TIME:
        fd, rss_file = tempfile.mkstemp(prefix="rg-bench-time-")
        os.close(fd)
        full = [TIME, "-f", "%M %U %S", "-o", rss_file, *cmd]
    full = pinned(full)  # taskset execs /usr/bin/time, whose child inherits the affinity
    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    # run in a neutral folder: `python -m` puts the working folder first on sys.path, which would shadow
    # a --baseline package with the roadmap_gen/ of the repository when run from its root
    proc = subprocess.run(full, cwd=cwd or tempfile.gettempdir(), env={**ENV, **(env or {})}, capture_output=True,
                          text=True)
    wall = time.perf_counter() - t0
    out = {"wall": wall, "rc": proc.returncode, "stderr": proc.stderr, "stdout": proc.stdout, "load1": load}
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
    """The plugin's INFO line: its ``on_files`` time and the phases of the compile."""
    m = PLUGIN_LINE.search(stderr)
    if not m:
        return {}
    out = {"items": int(m.group(1)), "pages": int(m.group(2)), "parsed": int(m.group(3)), "files": int(m.group(4)),
           "on_files": float(m.group(5))}
    for name, ms in PHASE.findall(m.group(6)):
        out[name] = int(ms) / 1000
    return out


def page_sizes(site: Path) -> dict:
    paths = list((site / "hypotheses").glob("*/index.html")) or list((site / "hypotheses").glob("*.html"))
    sizes = sorted(p.stat().st_size for p in paths if p.parent.name != "hypotheses" or p.name != "index.html")
    biggest = {}
    for kind in ("stages", "outcomes", "themes", "questions", "opportunities", "okrs", "metrics"):
        s = [p.stat().st_size for p in (site / kind).glob("*/index.html")]
        if s:
            biggest[kind] = max(s)
    journey = site / "journey" / "index.html"
    return {"hypothesis_median": statistics.median(sizes), "hypothesis_max": sizes[-1],
            "largest_by_kind": biggest, "journey": journey.stat().st_size if journey.exists() else None}


def median(values: list) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def paired(a: list[dict], b: list[dict], key: str = "wall") -> float | None:
    """Median of the runs' own ratios a/b (both ran next to each other in every run, under the same load)."""
    return median(ratios(a, b, key))


def ratios(a: list[dict], b: list[dict], key: str = "wall") -> list[float]:
    return [x[key] / y[key] for x, y in zip(a, b) if x.get(key) and y.get(key)]


def bench_size(n: int, out: Path, runs: int, naive_max: int, preview: bool, seed: int, plugins: bool,
               baseline: Path | None = None, attribution: bool = False, code: Path | None = None) -> dict:
    root = generate.generate(n, out, seed)
    items = int((root / "ITEMS").read_text())
    work = Path(tempfile.mkdtemp(prefix=f"rg-bench-n{n}-"))
    samples: dict[str, list] = {k: [] for k in ("ours", "floor", "ours_plugins", "floor_plugins", "naive", "check",
                                                "baseline", "ours_nosearch", "floor_nosearch")}
    previews: list[dict] = []
    ours_env = {"PYTHONPATH": str(code)} if code else None  # the code measured (a snapshot, see main)
    try:
        for run in range(runs):
            order = ["ours", "floor"] + (["ours_plugins", "floor_plugins"] if plugins else []) \
                + (["baseline"] if baseline else []) + (["naive"] if n <= naive_max else []) \
                + (["ours_nosearch", "floor_nosearch"] if attribution else []) + ["check"]
            if run % 2:  # alternate the order too
                order = order[::-1]
            for variant in order:
                if variant == "check":
                    samples["check"].append(timed([*CHECK, "check", str(root / "ours")], env=ours_env))
                elif variant.endswith("_nosearch"):
                    which = variant.split("_")[0]
                    samples[variant].append(build(root / which / "mkdocs.nosearch.yml", work / variant, quiet=True))
                elif variant in ("ours", "baseline", "ours_plugins"):
                    env = {"PYTHONPATH": str(baseline)} if variant == "baseline" else ours_env
                    folder = BUILDS.get(variant, "ours")
                    r = build(root / folder / "mkdocs.yml", work / variant, quiet=False, env=env)
                    r["phases"] = plugin_phases(r["stderr"])
                    samples[variant].append(r)
                else:
                    samples[variant].append(build(root / BUILDS[variant] / "mkdocs.yml", work / variant, quiet=True))
                s = samples[variant][-1]
                print(f"  n={n} run {run + 1}/{runs} {variant}: {s['wall']:.2f} s (CPU {s.get('cpu', 0):.2f} s, "
                      f"load {s['load1']:.1f})", file=sys.stderr)
            if preview:
                for variant in ("ours", "floor") if run % 2 == 0 else ("floor", "ours"):
                    r = timed([sys.executable, str(HERE / "preview.py"), str(root / variant / "mkdocs.yml"), variant],
                              env=ours_env if variant == "ours" else None)
                    previews.append({"run": run, "variant": variant, "rss_mb": r.get("rss_mb"),
                                     **json.loads(r["stdout"])})
                    p = previews[-1]
                    print(f"  n={n} run {run + 1}/{runs} preview {variant}: first {p['first']:.2f} s, "
                          f"rebuild {p['rebuild']:.2f} s", file=sys.stderr)
        sizes = page_sizes(work / "ours")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def med(variant: str, key: str = "wall"):
        return median([s.get(key) for s in samples[variant]])

    def phases(variant: str) -> dict:
        rows = [s["phases"] for s in samples[variant]]
        keys = {k for r in rows for k in r}
        return {k: median([r.get(k) for r in rows]) for k in sorted(keys)}

    result = {
        "n": n, "items": items, "runs": runs, "pinned": f"taskset -c {CORE}",
        "ours": med("ours"), "ours_cpu": med("ours", "cpu"), "ours_rss_mb": max(s.get("rss_mb") or 0 for s in samples["ours"]),
        "floor": med("floor"), "floor_cpu": med("floor", "cpu"),
        "floor_rss_mb": max(s.get("rss_mb") or 0 for s in samples["floor"]),
        "naive": med("naive") if samples["naive"] else None,
        "check": med("check"), "check_cpu": med("check", "cpu"), "phases": phases("ours"), "pages": sizes,
        # ours and the floor run next to each other in every run, so each run gives one ratio under the same
        # conditions; their median is steadier than the ratio of two medians on a machine other work shares
        "ratio": paired(samples["ours"], samples["floor"]),
        "ratio_cpu": paired(samples["ours"], samples["floor"], "cpu"),
        "ratio_runs": ratios(samples["ours"], samples["floor"]),
        "ratio_runs_cpu": ratios(samples["ours"], samples["floor"], "cpu"),
        "load1": median([s["load1"] for v in samples.values() for s in v]),
        "samples": {k: [round(s["wall"], 3) for s in v] for k, v in samples.items() if v},
        "samples_cpu": {k: [round(s.get("cpu", 0), 3) for s in v] for k, v in samples.items() if v},
    }
    result["ratio_of_medians"] = result["ours"] / result["floor"]
    if samples["naive"]:
        result["naive_cpu"] = med("naive", "cpu")
    # how much other processes held the core: wall / CPU of every build of this size (1.0 on a quiet machine)
    result["contention"] = median([s["wall"] / s["cpu"] for k, v in samples.items() if k != "check" for s in v
                                   if s.get("cpu")])
    # the plugin's on_files (compile and page list) against the build it is part of, run by run
    result["on_files_share"] = median([s["phases"]["on_files"] / s["wall"] for s in samples["ours"]
                                       if s["phases"].get("on_files")])
    if plugins:
        result.update({
            "ours_plugins": med("ours_plugins"), "ours_plugins_cpu": med("ours_plugins", "cpu"),
            "floor_plugins": med("floor_plugins"), "floor_plugins_cpu": med("floor_plugins", "cpu"),
            "ours_plugins_rss_mb": max(s.get("rss_mb") or 0 for s in samples["ours_plugins"]),
            "ratio_plugins": paired(samples["ours_plugins"], samples["floor_plugins"]),
            "ratio_plugins_cpu": paired(samples["ours_plugins"], samples["floor_plugins"], "cpu"),
            "ratio_plugins_runs": ratios(samples["ours_plugins"], samples["floor_plugins"]),
            "ratio_plugins_runs_cpu": ratios(samples["ours_plugins"], samples["floor_plugins"], "cpu"),
            "phases_plugins": phases("ours_plugins")})
    if samples["baseline"]:
        result["baseline"] = med("baseline")
        result["baseline_cpu"] = med("baseline", "cpu")
        result["baseline_rss_mb"] = max((s.get("rss_mb") or 0) for s in samples["baseline"]) or None
        result["baseline_ratio"] = paired(samples["baseline"], samples["floor"])
        result["baseline_phases"] = phases("baseline")
    if samples["ours_nosearch"]:
        for v in ("ours_nosearch", "floor_nosearch"):
            result[v] = med(v)
            result[v + "_cpu"] = med(v, "cpu")
    if preview:
        for variant in ("ours", "floor"):
            rows = [p for p in previews if p["variant"] == variant]
            result[f"preview_{variant}"] = {
                k: median([p.get(k) for p in rows]) for k in ("first", "rebuild", "first_cpu", "rebuild_cpu")}
            result[f"preview_{variant}"]["parsed"] = [p.get("parsed") for p in rows]
            result[f"preview_{variant}"]["same_instance"] = [p.get("same_instance") for p in rows]
            result[f"preview_{variant}"]["samples"] = [{k: p.get(k) for k in ("first", "rebuild")} for p in rows]
        by_run = {(p["run"], p["variant"]): p for p in previews}
        pairs = [(by_run[(i, "ours")], by_run[(i, "floor")]) for i in range(runs)]
        # the target: our rebuild against the floor's full build, both in a process (no interpreter start)
        result["preview_ratio"] = median([o["rebuild"] / f["first"] for o, f in pairs])
        result["preview_ratio_cpu"] = median([o["rebuild_cpu"] / f["first_cpu"] for o, f in pairs])
        result["preview_ratio_runs_cpu"] = [o["rebuild_cpu"] / f["first_cpu"] for o, f in pairs]
        # and against the floor's `mkdocs build` in a fresh process (interpreter start and imports included)
        result["preview_ratio_build"] = median([o["rebuild"] / f["wall"] for (o, _), f in zip(pairs, samples["floor"])])
        result["preview_ratio_build_cpu"] = median([o["rebuild_cpu"] / f["cpu"] for (o, _), f in zip(pairs, samples["floor"])
                                                    if f.get("cpu")])
    return result


def fmt(v, spec=".2f", suffix=""):
    return "—" if v is None else f"{v:{spec}}{suffix}"


def growth(results: list[dict], key: str) -> dict[int, float]:
    out = {}
    for a in results:
        for b in results:
            if b["n"] == 2 * a["n"] and a.get(key) and b.get(key):
                out[b["n"]] = b[key] / a[key]
    return out


def cw(r: dict, key: str) -> str:
    """CPU (wall) of a build."""
    return f"{fmt(r.get(key + '_cpu'))} ({fmt(r.get(key))})"


def table(results: list[dict]) -> str:
    g, gf = growth(results, "ours_cpu"), growth(results, "floor_cpu")
    head = ("| N hypotheses | items | ours: CPU (wall) s | floor: CPU (wall) s | ours / floor: CPU (wall) "
            "| t(2N) / t(N), CPU: ours (floor) | naive: CPU (wall) s | on_files (s): load + validate + compute + the rest "
            "| on_files share | check: CPU (wall) s | peak RSS ours / floor (MB) | hypothesis page (KB, median / max) "
            "| wall / CPU (load) |")
    lines = [head, "|" + "|".join("---" for _ in range(head.count("|") - 1)) + "|"]
    for r in results:
        p = r["phases"]
        rest = p["on_files"] - p.get("load", 0) - p.get("validate", 0) - p.get("compute", 0) if p.get("on_files") else None
        pages = r["pages"]
        gr = f"{fmt(g.get(r['n']))} ({fmt(gf.get(r['n']))})" if r["n"] in g else "—"
        lines.append(
            f"| {r['n']:,} | {r['items']:,} | {cw(r, 'ours')} | {cw(r, 'floor')} | {fmt(r['ratio_cpu'])} ({fmt(r['ratio'])}) "
            f"| {gr} | {cw(r, 'naive') if r.get('naive') else '—'} "
            f"| {fmt(p.get('on_files'))}: {fmt(p.get('load'))} + {fmt(p.get('validate'))} + {fmt(p.get('compute'))} + "
            f"{fmt(rest)} | {fmt(r['on_files_share'] and 100 * r['on_files_share'], '.0f', ' %')} | {cw(r, 'check')} "
            f"| {fmt(r['ours_rss_mb'], '.0f')} / {fmt(r['floor_rss_mb'], '.0f')} "
            f"| {pages['hypothesis_median'] / 1024:.1f} / {pages['hypothesis_max'] / 1024:.1f} "
            f"| {fmt(r.get('contention'))} ({fmt(r.get('load1'), '.1f')}) |")
    return "\n".join(lines)


def plugins_table(results: list[dict]) -> str:
    rows = [r for r in results if "ours_plugins" in r]
    if not rows:
        return ""
    out = ["| N hypotheses | ours with plugins: CPU (wall) s | floor with plugins: CPU (wall) s "
           "| ours / floor: CPU (wall) | on_files (s) | peak RSS ours (MB) |", "|---|---|---|---|---|---|"]
    for r in rows:
        out.append(f"| {r['n']:,} | {cw(r, 'ours_plugins')} | {cw(r, 'floor_plugins')} "
                   f"| {fmt(r['ratio_plugins_cpu'])} ({fmt(r['ratio_plugins'])}) "
                   f"| {fmt(r['phases_plugins'].get('on_files'))} | {fmt(r['ours_plugins_rss_mb'], '.0f')} |")
    return "\n".join(out)


def baseline_table(results: list[dict]) -> str:
    rows = [r for r in results if "baseline" in r]
    if not rows:
        return ""
    out = ["| N hypotheses | before (s) | after (s) | before / floor | after / floor | on_files before (s) "
           "| on_files after (s) | CPU before (s) | CPU after (s) | peak RSS before / after (MB) |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        out.append(f"| {r['n']:,} | {fmt(r['baseline'])} | {fmt(r['ours'])} | {fmt(r['baseline_ratio'])} "
                   f"| {fmt(r['ratio'])} | {fmt(r['baseline_phases'].get('on_files'))} | {fmt(r['phases'].get('on_files'))} "
                   f"| {fmt(r['baseline_cpu'])} | {fmt(r['ours_cpu'])} "
                   f"| {fmt(r['baseline_rss_mb'], '.0f')} / {fmt(r['ours_rss_mb'], '.0f')} |")
    return "\n".join(out)


def attribution_table(results: list[dict]) -> str:
    rows = [r for r in results if "ours_nosearch" in r]
    if not rows:
        return ""
    out = ["| N hypotheses | ours (s) | ours without search (s) | search indexing in ours (s) | floor (s) "
           "| floor without search (s) | search indexing in floor (s) | ours / floor without search |",
           "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        out.append(f"| {r['n']:,} | {fmt(r['ours'])} | {fmt(r['ours_nosearch'])} | {fmt(r['ours'] - r['ours_nosearch'])} "
                   f"| {fmt(r['floor'])} | {fmt(r['floor_nosearch'])} | {fmt(r['floor'] - r['floor_nosearch'])} "
                   f"| {fmt(r['ours_nosearch'] / r['floor_nosearch'])} |")
    return "\n".join(out)


def preview_table(results: list[dict]) -> str:
    rows = [r for r in results if "preview_ours" in r]
    if not rows:
        return ""
    out = ["| N hypotheses | ours: first build, CPU (wall) s | ours: rebuild after editing one hypothesis, CPU (wall) s "
           "| files re-parsed | floor: full build in a process, CPU (wall) s | floor: rebuild after editing one page, "
           "CPU (wall) s | ours rebuild / floor full build in a process: CPU (wall) "
           "| ours rebuild / floor `mkdocs build`: CPU (wall) |",
           "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        o, f = r["preview_ours"], r["preview_floor"]
        parsed = ", ".join(str(x) for x in sorted(set(o["parsed"])))
        out.append(f"| {r['n']:,} | {fmt(o['first_cpu'])} ({fmt(o['first'])}) | {fmt(o['rebuild_cpu'])} ({fmt(o['rebuild'])}) "
                   f"| {parsed} | {fmt(f['first_cpu'])} ({fmt(f['first'])}) | {fmt(f['rebuild_cpu'])} ({fmt(f['rebuild'])}) "
                   f"| {fmt(r['preview_ratio_cpu'])} ({fmt(r['preview_ratio'])}) "
                   f"| {fmt(r['preview_ratio_build_cpu'])} ({fmt(r['preview_ratio_build'])}) |")
    return "\n".join(out)


def verdict(results: list[dict]) -> str:
    """Each target judged on CPU time (on one core, what the wall time of a quiet machine would be) and on
    wall time; both are printed."""
    at = {r["n"]: r for r in results}
    r = at.get(1000)
    lines = [f"Every timed run on one core (taskset -c {CORE}); medians of {results[0]['runs']} alternating runs. "
             "Each target is judged on CPU time (user + sys) and on wall time."]
    if not r:
        return "\n".join(lines + ["(no N = 1,000 in --sizes: the targets are at N = 1,000)"])

    def ok(v, limit, strict=False):
        return v is not None and (v < limit if strict else v <= limit)

    def line(name, cpu, wall, target, strict=False, unit="", extra=""):
        op = "<" if strict else "<="
        lines.append(f"- {name}: CPU {fmt(cpu)}{unit} ({'holds' if ok(cpu, target, strict) else 'MISSED'}), wall "
                     f"{fmt(wall)}{unit} ({'holds' if ok(wall, target, strict) else 'MISSED'}); target {op} {target}{unit}"
                     + (f"; {extra}" if extra else ""))

    def runs(values):
        return "the runs' CPU ratios " + ", ".join(f"{v:.2f}" for v in values)

    line("ours / floor at N=1,000", r["ratio_cpu"], r["ratio"], TARGETS["ratio"], extra=runs(r["ratio_runs_cpu"]))
    if r.get("ratio_plugins") is not None:
        line("ours / floor at N=1,000, plugins variant", r["ratio_plugins_cpu"], r["ratio_plugins"],
             TARGETS["ratio_plugins"], extra=runs(r["ratio_plugins_runs_cpu"]))
    if 2000 in at:
        b = at[2000]
        line("t(2,000) / t(1,000)", b["ours_cpu"] / r["ours_cpu"], b["ours"] / r["ours"], TARGETS["growth"],
             extra=f"the floor's: CPU {b['floor_cpu'] / r['floor_cpu']:.2f}, wall {b['floor'] / r['floor']:.2f}")
    else:
        lines.append("- t(2,000) / t(1,000): not measured (add 2000 to --sizes)")
    rss = r["ours_rss_mb"]
    lines.append(f"- peak RSS at N=1,000: {rss:.0f} MB (largest of the runs; target <= {TARGETS['rss_mb']} MB): "
                 f"{'holds' if rss <= TARGETS['rss_mb'] else 'MISSED'}")
    if "preview_ratio" in r:
        o, f = r["preview_ours"], r["preview_floor"]
        line("serve rebuild after editing one hypothesis / the floor's full build (both in a process)",
             r["preview_ratio_cpu"], r["preview_ratio"], TARGETS["preview"],
             extra=f"{fmt(o['rebuild_cpu'])} s against {fmt(f['first_cpu'])} s CPU; {runs(r['preview_ratio_runs_cpu'])}; against the floor's `mkdocs build` "
                   f"in a fresh process: CPU {fmt(r['preview_ratio_build_cpu'])}, wall {fmt(r['preview_ratio_build'])}")
        if not all(o["same_instance"]):
            lines.append("  WARNING: the rebuild's configuration did not hand back the same plugin instance")
    else:
        lines.append("- serve rebuild: not measured (add --preview)")
    line("roadmap-gen check at N=1,000", r["check_cpu"], r["check"], TARGETS["check"], strict=True, unit=" s")
    if r["phases"].get("on_files") is not None:
        lines.append(f"- for information: the plugin's on_files {r['phases']['on_files']:.2f} s, "
                     f"{100 * r['on_files_share']:.0f} % of the build (no target)")
    return "\n".join(lines)


def code_state(root: Path = REPO) -> dict:
    """Which code: HEAD, the files of roadmap_gen/ and theme/ changed since, and a digest of both folders
    under ``root`` (the repository, or a snapshot of it)."""
    import hashlib

    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return ""

    digest = hashlib.sha256()
    for folder in ("roadmap_gen", "theme"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return {"head": git("rev-parse", "--short", "HEAD"),
            "changed": git("status", "--porcelain", "--", "roadmap_gen", "theme").splitlines(),
            "digest": digest.hexdigest()[:16]}


def snapshot(dst: Path) -> Path:
    """Copy the working tree's roadmap_gen/ and theme/ to ``dst``: what a run measures, whatever is edited
    in the repository while it runs."""
    for folder in ("roadmap_gen", "theme"):
        shutil.copytree(REPO / folder, dst / folder, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return dst


def versions() -> dict:
    out = {"python": sys.version.split()[0]}
    for dist in ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2"):
        try:
            out[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            out[dist] = None
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="250,500,1000,2000", help="comma-separated numbers of hypotheses")
    p.add_argument("--runs", type=int, default=3, help="runs per size; medians are reported (default 3)")
    p.add_argument("--naive-max", type=int, default=500,
                   help="largest N for the naive build (quadratic: ~15 s at 500 on one core; default 500)")
    p.add_argument("--no-plugins", dest="plugins", action="store_false",
                   help="skip the plugins variant (extensions, tags, blog, offline on both sides)")
    p.add_argument("--preview", action="store_true", help="also replay a serve rebuild after one edit")
    p.add_argument("--preview-max", type=int, default=1000,
                   help="largest N for --preview (its target is at 1,000; default 1000)")
    p.add_argument("--attribution", action="store_true",
                   help="also build ours and the floor without Material's search plugin (its share of a build)")
    p.add_argument("--out", type=Path, default=generate.DEFAULT_OUT, help="generated roadmaps and results.json")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--code", type=Path, help="a folder holding the roadmap_gen/ and theme/ to measure (default: a "
                   "copy of the working tree's, made when the run starts, so edits during the run change nothing)")
    p.add_argument("--baseline", type=Path, help="a folder holding another roadmap_gen/ and theme/ (e.g. from "
                   "`git archive REV roadmap_gen theme`): also build our roadmap with it first on PYTHONPATH")
    args = p.parse_args(argv)
    if not TASKSET:
        raise SystemExit("taskset (util-linux) is needed: every timed run is pinned to one core")
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(f"every timed run pinned to one core: taskset -c {CORE} ({os.cpu_count()} cores on this machine)",
          file=sys.stderr)
    args.out = args.out.resolve()
    tmp = None
    if args.code:
        code_dir = args.code.resolve()
    else:
        tmp = Path(tempfile.mkdtemp(prefix="rg-bench-code-"))
        code_dir = snapshot(tmp)
    code = {**code_state(), "measured": str(code_dir) if args.code else "a copy of the working tree",
            "measured_digest": code_state(code_dir)["digest"]}
    print(f"measuring roadmap_gen/ and theme/ of {code['measured']} (digest {code['measured_digest']}; HEAD "
          f"{code['head']})", file=sys.stderr)
    results = []
    for n in sizes:
        print(f"N = {n}", file=sys.stderr)
        results.append(bench_size(n, args.out, args.runs, args.naive_max, args.preview and n <= args.preview_max,
                                  args.seed, args.plugins,
                                  args.baseline.resolve() if args.baseline else None, args.attribution, code_dir))
    if tmp:
        shutil.rmtree(tmp, ignore_errors=True)
    machine = {"cpus": os.cpu_count(), "pinned": f"taskset -c {CORE}", **versions()}

    header = (f"One core (`taskset -c {CORE}`) for every timed run, {os.cpu_count()}-core machine; Python "
              f"{machine['python']}, MkDocs {machine['mkdocs']}, Material {machine['mkdocs-material']}; "
              f"medians of {args.runs} alternating runs; roadmap_gen/ and theme/ with digest "
              f"{code['measured_digest']} (HEAD {code['head']}{', with changes' if code['changed'] else ''}).")
    report = "\n\n".join(x for x in (header, table(results), plugins_table(results), baseline_table(results),
                                      attribution_table(results), preview_table(results), verdict(results)) if x)
    print(report)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(
        {"command": " ".join([Path(sys.executable).name, "bench/run.py", *(argv if argv is not None else sys.argv[1:])]),
         "machine": machine, "code": code, "targets": TARGETS, "results": results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
