"""What changed between two compiled roadmaps, in roadmap terms.

:func:`diff_roadmaps` compares two compiled roadmaps and returns a
:class:`RoadmapDiff`: head changes (title, vision, mission, journey order, the
order of several journeys), items added, removed or changed field by field, the
transitions a reader cares about most (status, horizon, stage and journey
moves, targets, computed status, behaviours addressed or unaddressed, OKR
scores, evidence counts, links to tactics, behaviours, outcomes and hypotheses;
see :mod:`~roadmap_gen.git.chain`) and new measurements. Nothing here touches files or git, and a diff
only sees what its inputs contain. The records (:mod:`~roadmap_gen.git.changes`)
and renderers (:mod:`~roadmap_gen.git.render`) are re-exported here.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Iterable

from roadmap_gen.compile.compute import kr_metric
from roadmap_gen.format import model as m
from roadmap_gen.git import chain
from roadmap_gen.git.changes import (ACTIONS, ASPECTS, DIFF_FORMAT, KIND_TITLES, FieldChange, ItemChange,
                                     NewMeasurement, Transition)
from roadmap_gen.git.phrases import evidence_text, round_score, score_text, value_text, with_unit
from roadmap_gen.git.render import RENDERERS, md_escape, render_json, render_markdown, render_text
from roadmap_gen.git.roadmap_diff import RoadmapDiff

__all__ = ("ACTIONS", "ASPECTS", "DIFF_FORMAT", "KIND_TITLES", "FieldChange", "ItemChange", "Transition",
           "NewMeasurement", "RoadmapDiff", "diff_roadmaps", "render_text", "render_markdown", "render_json",
           "md_escape", "RENDERERS")


def diff_roadmaps(old: Any, new: Any, base: str = "", head: str = "") -> RoadmapDiff:
    """Compare two compiled roadmaps (:class:`~roadmap_gen.compile.compiler.Compiled`).

    Either side may be None, or have no roadmap (it failed to load): it then
    counts as empty, so everything on the other side is added or removed. Both
    sides should be compiled with the same ``as_of`` and audience, or computed
    figures differ for reasons other than the content.
    """
    old_r: m.Roadmap | None = getattr(old, "roadmap", None)
    new_r: m.Roadmap | None = getattr(new, "roadmap", None)
    old_f = getattr(old, "figures", None) if old_r is not None else None
    new_f = getattr(new, "figures", None) if new_r is not None else None
    as_of_date = getattr(new, "as_of", None) or getattr(old, "as_of", None)
    roadmap = _head_changes(old_r, new_r)
    found, ctx = _Found(), _Context(old_r, new_r)
    for kind in m.KINDS:
        found.add_kind(kind, _by_id(old_r, kind), _by_id(new_r, kind), ctx, old_f, new_f)
    found.items.sort(key=lambda i: (m.KINDS.index(i.kind), ACTIONS.index(i.action), i.id))
    found.transitions.sort(key=lambda t: (ASPECTS.index(t.aspect), m.KINDS.index(t.kind), t.id, t.detail))
    found.measurements.sort(key=lambda x: (x.metric, x.date))
    return RoadmapDiff(
        as_of=as_of_date.isoformat() if isinstance(as_of_date, date) else str(as_of_date or ""),
        roadmap=tuple(roadmap), items=tuple(found.items),
        transitions=tuple(found.transitions), measurements=tuple(found.measurements), base=base, head=head)


def _head_changes(old_r: m.Roadmap | None, new_r: m.Roadmap | None) -> list[FieldChange]:
    """Changes to the roadmap's own fields, and to the order of the stages and journeys both sides have."""
    if old_r is None or new_r is None:
        return []
    return _diff_value("", dict(old_r.fields), dict(new_r.fields)) + chain.journey_order(old_r, new_r)


def _by_id(roadmap: m.Roadmap | None, kind: str) -> dict[str, m.Item]:
    out: dict[str, m.Item] = {}
    if roadmap is not None:
        for item in roadmap.items(kind):
            out.setdefault(item.id, item)
    return out


class _Found:
    """What a diff has found so far, kind by kind (sorted once at the end)."""

    def __init__(self) -> None:
        self.items: list[ItemChange] = []
        self.transitions: list[Transition] = []
        self.measurements: list[NewMeasurement] = []

    def add_kind(self, kind: str, olds: dict[str, m.Item], news: dict[str, m.Item], ctx: _Context,
                 old_f: Any, new_f: Any) -> None:
        """The items of one kind on each side (by id), and the figures computed for each side."""
        for id in sorted(news.keys() - olds.keys()):
            self.items.append(ItemChange(kind, id, "added", news[id].title, ctx.where(news[id])))
        for id in sorted(olds.keys() - news.keys()):
            self.items.append(ItemChange(kind, id, "removed", olds[id].title, ctx.where(olds[id])))
        for id in sorted(olds.keys() & news.keys()):
            self.add_pair(kind, olds[id], news[id], ctx, old_f, new_f)

    def add_pair(self, kind: str, a: m.Item, b: m.Item, ctx: _Context, old_f: Any, new_f: Any) -> None:
        """One item present on both sides: its changed fields, transitions and new measurements."""
        changes = _diff_value("", *chain.stage_fields(a, b)) + chain.behaviour_changes(a, b)
        if isinstance(a, m.MarkdownItem) and a.body != b.body:
            changes.append(FieldChange("body", a.body, b.body))
        if isinstance(a, m.Metric):
            edits, added = _measurements(a, b)
            changes.extend(edits)
            self.measurements.extend(added)
        if changes:
            self.items.append(ItemChange(kind, b.id, "changed", b.title, "", tuple(changes)))
        self.transitions.extend(_transitions(a, b, changes, ctx))
        self.transitions.extend(_computed(kind, a, b, old_f, new_f))
        self.transitions.extend(_evidence(kind, a, b, old_f, new_f))
        self.transitions.extend(chain.journey_move(a, b, ctx.titles) + chain.behaviour_move(a, b, ctx.stages)
                                + chain.addressed(a, b, old_f, new_f) + chain.links(b, changes, ctx.titles))


class _Context:
    """Lookups both sides share: stage titles, metric units, the titles links name."""

    def __init__(self, old: m.Roadmap | None, new: m.Roadmap | None) -> None:
        self.titles = chain.Titles(old, new)
        self.stage_titles: dict[str, str] = {}
        self.units: dict[str, str] = {}
        self.item_metric: dict[tuple[str, str], str] = {}
        self.outcome_metrics: dict[str, str] = {}
        for r in (old, new):  # new wins
            if r is None:
                continue
            self.stage_titles.update((s.id, s.title) for s in r.stages)
            self.units.update((mt.id, mt.unit) for mt in r.metrics)
            for o in r.outcomes:
                self.item_metric[("outcome", o.id)] = o.metric
                self.outcome_metrics[o.id] = o.metric
            for g in r.goals:
                if g.metric:
                    self.item_metric[("goal", g.id)] = g.metric
            for mt in r.metrics:
                self.item_metric[("metric", mt.id)] = mt.id

    def stages(self, ids: Iterable[str]) -> str:
        ids = list(ids)
        return ", ".join(self.stage_titles.get(s, s) for s in ids) if ids else "no stage"

    def unit_of(self, kind: str, id: str) -> str:
        metric = self.item_metric.get((kind, id))
        return self.units.get(metric, "") if metric else ""

    def where(self, item: m.Item) -> str:
        parts = [item.type] if isinstance(item, m.Behaviour) else []
        stages = (item.stage,) if isinstance(item, m.Behaviour) else getattr(item, "stages", ())
        if isinstance(item, m.Stage) and item.journey:
            parts.append(f"journey {self.titles.of('journey', item.journey)}")
        if stages:
            parts.append(("stage " if len(stages) == 1 else "stages ") + self.stages(stages))
        for attr in ("horizon", "status"):
            value = getattr(item, attr, None)
            if isinstance(value, str) and value:
                parts.append(f"{attr} {value}")
        if isinstance(item, m.Okr):
            parts.append(f"period {item.period.text}")
        if isinstance(item, m.Outcome):
            parts.append(f"metric {item.metric}")
        if isinstance(item, m.Insight):
            parts += [f"{item.effect}", f"source {item.source_text}", f"date {item.date.isoformat()}"]
        return " · ".join(parts)


# -- field changes -------------------------------------------------------------------------

def _diff_value(path: str, old: Any, new: Any, entry: str = "") -> list[FieldChange]:
    """Field-level differences between two as-written values."""
    if old == new:
        return []
    if isinstance(old, dict) and isinstance(new, dict):
        out: list[FieldChange] = []
        keys = list(old) + [k for k in new if k not in old]
        for k in keys:
            out.extend(_diff_value(f"{path}.{k}" if path else k, old.get(k), new.get(k), entry))
        return out
    if (isinstance(old, list) and isinstance(new, list) and old and new
            and all(isinstance(x, dict) for x in old + new)):
        return _diff_entries(path, old, new)
    return [FieldChange(path, old, new, entry)]


def _diff_entries(path: str, old: list[dict], new: list[dict]) -> list[FieldChange]:
    """Lists of objects (experiments, key results, tactics, links): entries are paired by
    title, then the rest by position, so a reordered list is no change."""
    out: list[FieldChange] = []
    for i, j in sorted(_pair_entries(old, new), key=lambda p: (p[1] if p[1] is not None else len(new) + p[0],
                                                               p[0] or 0)):
        if i is None:
            out.append(FieldChange(f"{path}[{j}]", None, new[j], str(new[j].get("title", ""))))
        elif j is None:
            out.append(FieldChange(f"{path}[{i}]", old[i], None, str(old[i].get("title", ""))))
        else:
            out.extend(_diff_value(f"{path}[{j}]", old[i], new[j], str(new[j].get("title", ""))))
    return out


def _pair_entries(old: list[dict], new: list[dict]) -> list[tuple[Any, Any]]:
    """(old index, new index) pairs: by a title unique on both sides, then by position; None when unpaired."""
    pairs: list[tuple[Any, Any]] = []
    old_left = list(range(len(old)))
    new_left = list(range(len(new)))
    old_titles = [o.get("title") for o in old]
    new_titles = [n.get("title") for n in new]
    for j, t in enumerate(new_titles):
        if t is not None and new_titles.count(t) == 1 and old_titles.count(t) == 1:
            i = old_titles.index(t)
            pairs.append((i, j))
            old_left.remove(i)
            new_left.remove(j)
    for i, j in zip(list(old_left), list(new_left)):
        pairs.append((i, j))
        old_left.remove(i)
        new_left.remove(j)
    pairs.extend((i, None) for i in old_left)
    pairs.extend((None, j) for j in new_left)
    return pairs


def _measurements(a: m.Metric, b: m.Metric) -> tuple[list[FieldChange], list[NewMeasurement]]:
    """Edited or removed measurements (as field changes) and new ones."""
    before = {x.date: x for x in a.measurements}
    after = {x.date: x for x in b.measurements}
    edits: list[FieldChange] = []
    added: list[NewMeasurement] = []
    for d in sorted(before.keys() | after.keys()):
        x, y = before.get(d), after.get(d)
        if x is None:
            added.append(NewMeasurement(b.id, b.title, d.isoformat(), y.value, with_unit(y.value, b.unit),
                                        y.note))
        elif y is None:
            edits.append(FieldChange(f"measurements[{d.isoformat()}]", x.value, None))
        elif x.value != y.value or x.note != y.note:
            edits.append(FieldChange(f"measurements[{d.isoformat()}]", x.value, y.value,
                                     y.note if x.note != y.note else ""))
    return edits, added


# -- transitions --------------------------------------------------------------------------

def _transitions(a: m.Item, b: m.Item, changes: list[FieldChange], ctx: _Context) -> list[Transition]:
    """The written changes that move an item: status, horizon, stages, targets."""
    return _moves(a, b, changes, ctx) + _targets(b, changes, ctx)


def _moves(a: m.Item, b: m.Item, changes: list[FieldChange], ctx: _Context) -> list[Transition]:
    """Status changes (an item's, a hypothesis's experiments'), horizon and stage moves."""
    out: list[Transition] = []
    kind, id, title = b.kind, b.id, b.title
    if isinstance(a, (m.Question, m.Hypothesis)) and a.status != b.status:
        out.append(Transition(kind, id, title, "status", a.status, b.status, a.status, b.status, path="status"))
    for c in changes:  # experiments' status
        if (kind == "hypothesis" and c.path.startswith("experiments[") and c.path.endswith("].status")
                and c.old is not None and c.new is not None):
            out.append(Transition(kind, id, title, "status", c.old, c.new, str(c.old), str(c.new), c.entry, c.path))
    if hasattr(a, "horizon") and getattr(a, "horizon") != getattr(b, "horizon"):
        out.append(Transition(kind, id, title, "horizon", a.horizon, b.horizon, a.horizon, b.horizon,
                              path="horizon"))
    if hasattr(a, "stages") and not isinstance(a, m.Journey) and set(a.stages) != set(b.stages):
        out.append(Transition(kind, id, title, "stages", list(a.stages), list(b.stages), ctx.stages(a.stages),
                              ctx.stages(b.stages)))
    return out


def _targets(b: m.Item, changes: list[FieldChange], ctx: _Context) -> list[Transition]:
    """Changed targets and deadlines: a metric's or outcome's or goal's, an OKR key result's ``from`` and ``to``."""
    out: list[Transition] = []
    item_unit = ctx.unit_of(b.kind, b.id)
    for c in changes:
        detail, unit = _target_detail(b, c), item_unit
        if detail is None:
            continue
        if b.kind == "okr":
            unit = _key_result_unit(b, c, ctx)
        out.append(Transition(b.kind, b.id, b.title, "target", c.old, c.new, value_text(c.old, c.path, unit),
                              value_text(c.new, c.path, unit), detail, c.path))
    return out


def _target_detail(b: m.Item, c: FieldChange) -> str | None:
    """The transition's ``detail`` when ``c`` changes a target or deadline, else None."""
    if b.kind == "metric" and c.path in ("target", "target.value", "target.by"):
        return "" if c.path == "target.value" else c.path
    if b.kind in ("outcome", "goal") and c.path in ("target", "by"):
        return "" if c.path == "target" else c.path
    if b.kind == "okr" and c.path.startswith("key_results[") and c.path.endswith(("].to", "].from")):
        return c.entry
    return None


def _key_result_unit(b: m.Item, c: FieldChange, ctx: _Context) -> str:
    """The unit of the key result at ``c.path``: its own, else its metric's (its outcome's metric when it
    takes that one; '' without either)."""
    metric, unit = None, None
    if isinstance(b, m.Okr):
        idx = int(c.path[len("key_results["):].split("]")[0])
        if idx < len(b.key_results):
            kr = b.key_results[idx]
            metric, unit = kr_metric(kr, ctx.outcome_metrics), kr.unit
    return unit if unit is not None else ctx.units.get(metric, "") if metric else ""


def _computed(kind: str, a: m.Item, b: m.Item, old_f: Any, new_f: Any) -> list[Transition]:
    """Changes of computed figures: outcome and goal status, OKR score."""
    if old_f is None or new_f is None:
        return []
    out: list[Transition] = []
    if kind in ("outcome", "goal"):
        table = "outcomes" if kind == "outcome" else "goals"
        p, q = getattr(old_f, table).get(a.id), getattr(new_f, table).get(b.id)
        ps, qs = (p.status if p else None), (q.status if q else None)
        if ps != qs:
            out.append(Transition(kind, b.id, b.title, "computed-status", ps, qs, ps or "—", qs or "—"))
    elif kind == "okr":
        p, q = old_f.okrs.get(a.id), new_f.okrs.get(b.id)
        ps = round_score(p.score) if p else None
        qs = round_score(q.score) if q else None
        if ps != qs:
            out.append(Transition(kind, b.id, b.title, "score", ps, qs, score_text(ps, p.light if p else ""),
                                  score_text(qs, q.light if q else "")))
    return out


def _evidence(kind: str, a: m.Item, b: m.Item, old_f: Any, new_f: Any) -> list[Transition]:
    """A change of an item's evidence counts: insights that name it added, removed or turned around."""
    if old_f is None or new_f is None:
        return []
    p, q = (_counts(f.evidence.get((kind, x.id))) for f, x in ((old_f, a), (new_f, b)))
    if p == q:
        return []
    return [Transition(kind, b.id, b.title, "evidence", p, q, evidence_text(p), evidence_text(q))]


def _counts(ev: Any) -> dict[str, int]:
    return {"supports": ev.supports if ev else 0, "contradicts": ev.contradicts if ev else 0}
