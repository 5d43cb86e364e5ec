"""The compute pass: every figure the site shows, relative to ``as_of``.

Rules (also in docs/guide/computation.md):

* A metric's **current** value is its latest measurement; it is **stale** when
  ``as_of`` is later than that measurement's date plus the review cadence.
* An outcome's (or goal's) **progress** is ``(current - baseline) / (target -
  baseline)``: with a ``direction: down`` metric the target lies below the
  baseline, so falling values count as progress. The baseline is the metric's
  ``baseline`` (else its first measurement); the target is the item's own
  ``target`` (else the metric's); the deadline is the item's ``by`` (else the
  metric's target date).
* Its **status**: ``no-data`` without baseline, current or target;
  ``achieved`` when progress >= 1; ``off-track`` when the deadline has passed;
  otherwise it compares progress with the share of time elapsed between the
  baseline date and the deadline: ``on-track`` when progress trails it by at
  most 0.10, ``at-risk`` by at most 0.25, ``off-track`` beyond. Without dates,
  any progress above 0 is ``on-track``, none ``at-risk``, negative ``off-track``.
* A key result's **score** is ``(current - from) / (to - from)`` clamped to
  0..1, ``current`` coming from its metric's latest measurement when it names
  one with data, else from its ``current`` field; an objective's score is the
  mean of its key results' scores (those without data are left out; none →
  no score). Traffic lights: green >= 0.7, amber >= 0.4, red below. A key
  result that names an ``outcome`` and neither ``metric`` nor ``current``
  takes the outcome's metric.
* **Stale** spreads: a goal or outcome whose metric is stale is stale; so is
  a key result whose metric (its own, or its outcome's) is stale, and an OKR
  with any stale key result. A written ``current`` is never stale.
* A behaviour (booster or blocker with an id) is **addressed by** every
  outcome, opportunity, theme, question and hypothesis naming it in
  ``behaviours``; with none it is **unaddressed**.
* An item's **evidence** counts the insights that name it: ``supports`` and
  ``contradicts`` (by their ``effect``), each insight once, newest first.
* An OKR period is ``past``, ``current`` or ``future`` relative to ``as_of``;
  the VMGS review is **overdue** when ``as_of`` is later than ``last`` plus
  ``every``.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from typing import Any

from roadmap_gen.format import model as m
from roadmap_gen.compile.okr import SCORE_AMBER, SCORE_GREEN, traffic_light  # one rule for the page and the JSON
from roadmap_gen.compile.validate import item_references

ON_TRACK_GAP = 0.10
AT_RISK_GAP = 0.25
OUTCOME_STATUSES = ("achieved", "on-track", "at-risk", "off-track", "no-data")


AS_OF_RANGE = (date(1970, 1, 1), date(2106, 2, 7))
"""The dates a site can be as of: MkDocs stamps sitemap.xml.gz with the newest page's date, and a gzip
header holds seconds since 1970 in 32 bits."""


def resolve_as_of(option: Any = None, environ: dict | None = None) -> date:
    """The plugin's ``as_of`` option, else ``SOURCE_DATE_EPOCH``, else today (UTC); ValueError when it is
    not a date or outside :data:`AS_OF_RANGE`."""
    d = _as_of(option, os.environ if environ is None else environ)
    low, high = AS_OF_RANGE
    if not low <= d <= high:
        raise ValueError(f"as_of {d.isoformat()} is out of range: a site can be as of {low.isoformat()} "
                         f"to {high.isoformat()}")
    return d


def _as_of(option: Any, env: Any) -> date:
    if isinstance(option, datetime):
        return option.date()
    if isinstance(option, date):
        return option
    if isinstance(option, str) and option.strip():
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", option.strip(), re.ASCII):  # fromisoformat also takes 20261125
            raise ValueError(f"not a date: {option!r} (expected YYYY-MM-DD)")
        return date.fromisoformat(option.strip())
    if option is not None and not isinstance(option, str):  # e.g. `as_of: 20261125`, read as a number
        raise ValueError(f"not a date: {option!r} (expected YYYY-MM-DD)")
    epoch = env.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
        except (OverflowError, OSError) as exc:
            raise ValueError(f"SOURCE_DATE_EPOCH {epoch!r} is out of range ({exc})") from None
    return datetime.now(tz=timezone.utc).date()


@dataclass(frozen=True, slots=True)
class MetricFigures:
    current: float | None
    current_date: date | None
    stale: bool
    next_due: date | None  # when the next measurement is due


@dataclass(frozen=True, slots=True)
class Progress:
    """Progress of an outcome or goal from baseline through current to target."""

    status: str
    baseline: float | None = None
    current: float | None = None
    target: float | None = None
    progress: float | None = None  # unclamped
    elapsed: float | None = None  # share of the time between baseline and deadline, 0..1
    start: date | None = None
    by: date | None = None
    stale: bool = False  # computed from a stale metric

    @property
    def fraction(self) -> float:
        """Progress clamped to 0..1, for drawing."""
        return 0.0 if self.progress is None else max(0.0, min(1.0, self.progress))


@dataclass(frozen=True, slots=True)
class KeyResultFigures:
    current: float | None
    score: float | None
    from_metric: bool
    metric: str | None = None  # the metric it is measured by: its own, or its outcome's
    stale: bool = False


@dataclass(frozen=True, slots=True)
class OkrFigures:
    score: float | None
    light: str  # green | amber | red | none
    period_state: str  # past | current | future
    key_results: tuple[KeyResultFigures, ...]
    stale: bool = False  # any key result is stale


@dataclass(frozen=True, slots=True)
class Evidence:
    """The insights that name one item: how many support and contradict it, their ids newest first."""

    supports: int
    contradicts: int
    insights: tuple[str, ...]


@dataclass(frozen=True)
class Figures:
    as_of: date
    metrics: dict[str, MetricFigures]
    outcomes: dict[str, Progress]
    goals: dict[str, Progress]
    okrs: dict[str, OkrFigures]
    review_due: date | None
    review_overdue: bool
    backlinks: dict[tuple[str, str], tuple[tuple[str, str, str], ...]] = field(default_factory=dict)
    evidence: dict[tuple[str, str], Evidence] = field(default_factory=dict)
    addressed: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # behaviour -> (kind, id)
    key_results_for: dict[tuple[str, str], tuple[tuple[str, int], ...]] = field(default_factory=dict)
    """``(kind, id)`` of an outcome or hypothesis -> ``(okr id, index)`` of each key result naming it."""


def ratio(num: float, den: float) -> float | None:
    """``num / den``, or None when it does not fit a finite float (extreme magnitudes)."""
    try:
        r = num / den
    except (OverflowError, ZeroDivisionError):
        return None
    return r if math.isfinite(r) else None


def clamp01(x: float) -> float:
    return max(0.0, min(1.0, x))


def metric_figures(metric: m.Metric, as_of: date) -> MetricFigures:
    if not metric.measurements:
        return MetricFigures(None, None, False, None)
    last = metric.measurements[-1]
    due = metric.review.after(last.date) if metric.review else None
    return MetricFigures(last.value, last.date, bool(due and as_of > due), due)


def progress(metric: m.Metric | None, figures: MetricFigures | None, target: float | None,
             by: date | None, as_of: date) -> Progress:
    if metric is None or figures is None:
        return Progress("no-data", target=target, by=by)
    baseline = metric.baseline.value if metric.baseline else None
    start = metric.baseline.date if metric.baseline else None
    if baseline is None and metric.measurements:
        baseline, start = metric.measurements[0].value, metric.measurements[0].date
    if start is None and metric.measurements:
        start = metric.measurements[0].date
    if target is None and metric.target:
        target = metric.target.value
    if by is None and metric.target:
        by = metric.target.by
    current = figures.current
    if baseline is None or target is None or current is None or target == baseline:
        return Progress("no-data", baseline, current, target, None, None, start, by)
    p = ratio(current - baseline, target - baseline)
    if p is None:
        return Progress("no-data", baseline, current, target, None, None, start, by)
    elapsed = None
    if start and by and by > start:
        elapsed = clamp01((as_of - start).days / (by - start).days)
    if p >= 1:
        status = "achieved"
    elif by and as_of > by:
        status = "off-track"
    elif elapsed is None:
        status = "on-track" if p > 0 else "at-risk" if p == 0 else "off-track"
    else:
        gap = elapsed - p
        status = "on-track" if gap <= ON_TRACK_GAP else "at-risk" if gap <= AT_RISK_GAP else "off-track"
    return Progress(status, baseline, current, target, p, elapsed, start, by)


def period_state(period: m.Period, as_of: date) -> str:
    if as_of < period.start:
        return "future"
    return "past" if as_of > period.end else "current"


def kr_metric(kr: m.KeyResult, outcome_metrics: dict[str, str]) -> str | None:
    """The metric a key result is measured by: its own, else (with no written ``current``) its outcome's."""
    if kr.metric:
        return kr.metric
    if kr.outcome and kr.current is None:
        return outcome_metrics.get(kr.outcome) or None
    return None


def okr_figures(okr: m.Okr, metrics: dict[str, MetricFigures], outcome_metrics: dict[str, str] | None = None
                ) -> tuple[float | None, tuple[KeyResultFigures, ...]]:
    krs = []
    for kr in okr.key_results:
        metric = kr_metric(kr, outcome_metrics or {})
        mf = metrics.get(metric) if metric else None
        if mf is not None and mf.current is not None:
            current, from_metric = mf.current, True
        else:
            current, from_metric = kr.current, False
        score = None
        if current is not None and kr.to != kr.start:
            r = ratio(current - kr.start, kr.to - kr.start)
            score = None if r is None else clamp01(r)
        krs.append(KeyResultFigures(current, score, from_metric, metric if mf is not None else None,
                                    bool(from_metric and mf.stale)))
    scores = [k.score for k in krs if k.score is not None]
    return (sum(scores) / len(scores) if scores else None), tuple(krs)


def compute(roadmap: m.Roadmap, as_of: date) -> Figures:
    metrics = {mt.id: metric_figures(mt, as_of) for mt in roadmap.metrics}

    def prog(metric_id: str | None, target, by) -> Progress:
        mt = roadmap.get("metric", metric_id) if metric_id else None
        p = progress(mt, metrics.get(metric_id) if mt else None, target, by, as_of)
        return replace(p, stale=True) if mt is not None and metrics[mt.id].stale else p

    outcomes = {o.id: prog(o.metric, o.target, o.by) for o in roadmap.outcomes}
    goals = {g.id: prog(g.metric, g.target, g.by) for g in roadmap.goals if g.metric}
    outcome_metrics = {o.id: o.metric for o in roadmap.outcomes}
    okrs = {}
    for okr in roadmap.okrs:
        score, krs = okr_figures(okr, metrics, outcome_metrics)
        okrs[okr.id] = OkrFigures(score, traffic_light(score), period_state(okr.period, as_of), krs,
                                  any(k.stale for k in krs))
    due = roadmap.review.every.after(roadmap.review.last) if roadmap.review else None
    return Figures(as_of, metrics, outcomes, goals, okrs, due, bool(due and as_of > due), backlinks(roadmap),
                   evidence(roadmap), addressed(roadmap), key_results_for(roadmap))


AIMING_KINDS = ("outcome", "opportunity", "theme", "question", "hypothesis")
"""The kinds whose ``behaviours`` field aims them at journey behaviours."""


def addressed(roadmap: m.Roadmap) -> dict[str, tuple[tuple[str, str], ...]]:
    """Each behaviour's id -> ``(kind, id)`` of the items aimed at it, in kind order then id; () if none."""
    out: dict[str, list[tuple[str, str]]] = {b.id: [] for b in roadmap.behaviours}
    for kind in AIMING_KINDS:
        for item in sorted(roadmap.items(kind), key=lambda i: i.id):
            for b in dict.fromkeys(item.behaviours):
                if b in out:
                    out[b].append((kind, item.id))
    return {k: tuple(v) for k, v in out.items()}


def key_results_for(roadmap: m.Roadmap) -> dict[tuple[str, str], tuple[tuple[str, int], ...]]:
    """``(kind, id)`` of each outcome and hypothesis key results name -> ``(okr id, index)`` of each."""
    out: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for okr in roadmap.okrs:
        for i, kr in enumerate(okr.key_results):
            names = ([("outcome", kr.outcome)] if kr.outcome else []) + [("hypothesis", h) for h in kr.hypotheses]
            for key in dict.fromkeys(names):
                out.setdefault(key, []).append((okr.id, i))
    return {k: tuple(v) for k, v in out.items()}


def backlinks(roadmap: m.Roadmap) -> dict[tuple[str, str], tuple[tuple[str, str, str], ...]]:
    """``(kind, id)`` -> the ``(kind, id, field)`` of every item referring to it, sorted."""
    out: dict[tuple[str, str], set[tuple[str, str, str]]] = {}
    for item in roadmap.all_items():
        for name, kind, id, _ in item_references(item):
            out.setdefault((kind, id), set()).add((item.kind, item.id, name))
    return {k: tuple(sorted(v, key=lambda t: (m.KINDS.index(t[0]), t[1], t[2]))) for k, v in out.items()}


def evidence(roadmap: m.Roadmap) -> dict[tuple[str, str], Evidence]:
    """``(kind, id)`` -> the :class:`Evidence` of every item at least one insight names."""
    named: dict[tuple[str, str], list[m.Insight]] = {}
    for insight in sorted(roadmap.insights, key=lambda i: (-i.date.toordinal(), i.id)):
        for key in dict.fromkeys(insight.names()):
            named.setdefault(key, []).append(insight)
    return {key: Evidence(sum(1 for i in found if i.effect == "supports"),
                          sum(1 for i in found if i.effect == "contradicts"), tuple(i.id for i in found))
            for key, found in named.items()}
