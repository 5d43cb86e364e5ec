"""``roadmap.json``: the machine-readable roadmap (content format v1).

``format: 1``, ``title``, ``as_of`` and one list per kind; every entry carries
its ``id``, its fields as written, its ``url`` within the site and what the
build computed (an item that insights name gains ``evidence``). An internal
build adds ``health``: the roadmap-health findings. The site publishes exactly
what ``roadmap-gen export`` prints.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from roadmap_gen.version import FORMAT_VERSION
from roadmap_gen.format import model as m
from roadmap_gen.compile.compiler import Compiled
from roadmap_gen.compile.compute import Figures, Progress
from roadmap_gen.compile.health import Finding
from roadmap_gen.site.urls import item_url


def _num(x: float | None) -> float | int | None:
    if x is None:
        return None
    r = round(float(x), 6)
    return int(r) if r.is_integer() and isinstance(x, int) else r


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _progress(p: Progress) -> dict[str, Any]:
    # `status` and `progress` are the contract's; the figures behind them are kept apart from the
    # fields as written (an outcome's own `target` is not the computed target)
    return {"status": p.status, "progress": _num(p.progress),
            "figures": {"baseline": _num(p.baseline), "current": _num(p.current), "target": _num(p.target),
                        "start": _iso(p.start), "by": _iso(p.by), "elapsed": _num(p.elapsed)}}


def _entry(item: m.Item, directory_urls: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"id": item.id}
    out.update((k, v) for k, v in item.fields.items() if k != "id")
    if isinstance(item, m.Insight) and "url" in out:  # `url` is every entry's address in the site
        out["source_url"] = out.pop("url")
    if isinstance(item, m.MarkdownItem):
        out["body"] = item.body
    out["url"] = item_url(item.kind, item.id, directory_urls)
    return out


def _okr(item: m.Okr, figures: Figures) -> dict[str, Any]:
    of = figures.okrs[item.id]
    krs = [{**kr.fields, "current": _num(f.current), "score": _num(f.score), "stale": f.stale}
           for kr, f in zip(item.key_results, of.key_results)]
    for out, f in zip(krs, of.key_results):
        if f.metric and "metric" not in out:  # measured by its outcome's metric
            out["measured_by"] = f.metric
    return {"key_results": krs, "score": _num(of.score), "light": of.light, "period_state": of.period_state,
            "period_start": item.period.start.isoformat(), "period_end": item.period.end.isoformat(),
            "stale": of.stale}


def _computed(item: m.Item, figures: Figures) -> dict[str, Any]:
    """What the build computed for one entry."""
    if isinstance(item, m.Goal) and item.id in figures.goals:
        return {**_progress(figures.goals[item.id]), "stale": figures.goals[item.id].stale}
    if isinstance(item, m.Goal):
        return {"stale": False}
    if isinstance(item, m.Metric):
        mf = figures.metrics[item.id]
        return {"measurements": [{"date": x.date.isoformat(), "value": x.value, "note": x.note}
                                 for x in item.measurements],
                "current": mf.current, "current_date": _iso(mf.current_date), "stale": mf.stale}
    if isinstance(item, m.Outcome):
        return {**_progress(figures.outcomes[item.id]), "stale": figures.outcomes[item.id].stale}
    if isinstance(item, m.Okr):
        return _okr(item, figures)
    if isinstance(item, m.Stage):
        return {"journey": item.journey}
    if isinstance(item, m.Behaviour):
        by = figures.addressed.get(item.id, ())
        return {"stage": item.stage, "type": item.type, "metric": item.metric,
                "addressed_by": [{"kind": k, "id": i} for k, i in by], "unaddressed": not by}
    return {}


def roadmap_data(roadmap: m.Roadmap, figures: Figures, directory_urls: bool = True,
                 health: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"format": FORMAT_VERSION, "title": roadmap.title, "as_of": figures.as_of.isoformat(),
                            "vision": roadmap.vision, "mission": roadmap.mission}
    if roadmap.review:
        data["review"] = {**roadmap.review.fields, "due": _iso(figures.review_due),
                          "overdue": figures.review_overdue}
    for kind in m.KINDS:
        entries = []
        for item in roadmap.items(kind):
            e = _entry(item, directory_urls)
            e.update(_computed(item, figures))
            ev = figures.evidence.get((kind, item.id))
            if ev is not None:  # items that insights name
                e["evidence"] = {"supports": ev.supports, "contradicts": ev.contradicts}
            entries.append(e)
        data[m.PLURAL[kind]] = entries
    if health is not None:  # internal builds: the roadmap-health findings
        data["health"] = health
    return data


def health_entries(findings: list[Finding]) -> list[dict[str, Any]]:
    """The ``health`` list of roadmap.json: each finding's ``rule``, ``path``, ``line``, ``message`` and
    ``item`` (``{kind, id}``, or None for the VMGS review)."""
    return [{"rule": f.rule, "path": f.loc.path, "line": f.loc.line, "message": f.message,
             "item": {"kind": f.item[0], "id": f.item[1]} if f.item else None} for f in findings]


def compiled_data(compiled: Compiled, directory_urls: bool = True) -> dict[str, Any]:
    """roadmap.json of a compiled roadmap, as the site, ``roadmap-gen export`` and ``roadmap-gen pages``
    publish it: with ``health`` in an internal build only (a public one shows nothing of how the roadmap
    is kept)."""
    health = health_entries(compiled.findings) if compiled.audience == "internal" else None
    return roadmap_data(compiled.roadmap, compiled.figures, directory_urls, health=health)


def to_json(data: dict[str, Any]) -> str:
    """Deterministic JSON text: stable key order, UTF-8, a final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
