"""What changed between two compiled roadmaps, in roadmap terms.

:func:`diff_roadmaps` compares two :class:`~roadmap_gen.compile.compiler.Compiled`
results (compiled with the same ``as_of`` and audience) and returns a
:class:`RoadmapDiff`: plain, immutable dataclasses holding

* ``roadmap``: changes to the title, vision, mission, review and the order of
  the journey's stages;
* ``items``: every item added, removed or changed, per kind, with the fields
  that changed (old → new, as written);
* ``transitions``: what a reader of the roadmap cares about most, taken out of
  those changes: written status changes (``testing → validated``, an
  experiment ``running → done``), moves between horizons and journey stages,
  changed targets (metric target, outcome and goal target and deadline, key
  result ``to``), computed outcome and goal status changes and OKR score
  changes (from :mod:`roadmap_gen.compile.compute`);
* ``measurements``: new measurements of metrics that exist on both sides.

Nothing here touches files or git: ``roadmap-gen diff`` (:mod:`roadmap_gen.cli.diff`)
and the site's history (:mod:`roadmap_gen.git.history`) feed it. The renderers
:func:`render_text`, :func:`render_markdown` (for pull-request comments) and
:func:`render_json` / :meth:`RoadmapDiff.to_dict` (a stable structure) turn a
diff into output; :meth:`RoadmapDiff.lines` and :meth:`RoadmapDiff.item_lines`
give plain one-line sentences for feeds and item pages.

A diff only sees what its inputs contain: diff two ``audience="public"``
compilations and nothing internal can appear in it.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any, Iterable

from roadmap_gen.format import model as m

DIFF_FORMAT = 1
"""Version of the JSON structure of :meth:`RoadmapDiff.to_dict`."""

ACTIONS = ("added", "removed", "changed")
ASPECTS = ("status", "horizon", "stages", "target", "computed-status", "score")
"""Kinds of :class:`Transition`, in the order they are shown."""

KIND_TITLES: dict[str, tuple[str, str]] = {
    "goal": ("goal", "Goals"), "strategy": ("strategy", "Strategies"), "stage": ("journey stage", "Journey stages"),
    "metric": ("metric", "Metrics"), "outcome": ("outcome", "Outcomes"), "theme": ("theme", "Themes"),
    "question": ("question", "Questions"), "hypothesis": ("hypothesis", "Hypotheses"),
    "opportunity": ("opportunity", "Opportunities"), "okr": ("OKR", "OKRs"),
}

_SCORE_PLACES = 2


# -- the result ------------------------------------------------------------------------

@dataclass(frozen=True)
class FieldChange:
    """One changed value inside an item (or the roadmap head).

    ``path`` names it: ``status``, ``target.value``, ``experiments[1].status``,
    ``key_results[0].to``, ``body``, ``measurements[2026-03-01]``. List indexes are
    positions in the new list (the old one for removed entries); ``entry`` is the
    title of the list entry the path goes through, for people. ``old`` and ``new``
    are JSON-ready values as written (dates as ISO text); None means absent.
    """

    path: str
    old: Any = None
    new: Any = None
    entry: str = ""


@dataclass(frozen=True)
class ItemChange:
    """An item ``added``, ``removed`` or ``changed``.

    ``title`` is the new title (the old one for removed items); ``where`` a short
    description of its place for added and removed items (``stage Onboard ·
    horizon now · status idea``); ``changes`` the changed fields of a changed item.
    """

    kind: str
    id: str
    action: str
    title: str
    where: str = ""
    changes: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class Transition:
    """A change that moves an item on the roadmap.

    ``aspect`` is one of :data:`ASPECTS`. ``old``/``new`` are the raw values (ids,
    numbers, statuses; None when absent), ``old_label``/``new_label`` the same
    for people (stage titles, numbers with units, scores with their traffic
    light). ``detail`` says what inside the item changed when it is not the item
    itself: ``by`` / ``target.by`` for deadlines, a key result's or an
    experiment's title. ``path`` is the :class:`FieldChange` path it was read
    from (``""`` for computed figures and stage moves, which may span ``stage``
    and ``stages``).
    """

    kind: str
    id: str
    title: str
    aspect: str
    old: Any
    new: Any
    old_label: str
    new_label: str
    detail: str = ""
    path: str = ""


@dataclass(frozen=True)
class NewMeasurement:
    """A measurement present on the new side only, of a metric present on both."""

    metric: str
    title: str
    date: str
    value: float | int
    label: str  # the value with the metric's unit
    note: str = ""


@dataclass(frozen=True)
class RoadmapDiff:
    """Everything that changed from one roadmap to another; see the module docstring.

    ``base`` and ``head`` label the two sides for people (a revision, ``working
    tree``); ``as_of`` is the date both were computed for. Every tuple is sorted
    deterministically: items by kind (content-format order), action, id;
    transitions by aspect, kind, id; measurements by metric, date.
    """

    as_of: str
    roadmap: tuple[FieldChange, ...] = ()
    items: tuple[ItemChange, ...] = ()
    transitions: tuple[Transition, ...] = ()
    measurements: tuple[NewMeasurement, ...] = ()
    base: str = ""
    head: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.roadmap or self.items or self.transitions or self.measurements)

    def counts(self) -> dict[str, int]:
        """``added``, ``removed``, ``changed`` (items), ``roadmap`` (head changes), ``status``
        (written and computed), ``moves`` (horizon and stage), ``targets``, ``measurements``, ``scores``."""
        by_action = {a: sum(1 for i in self.items if i.action == a) for a in ACTIONS}
        aspects = [t.aspect for t in self.transitions]
        return {
            **by_action,
            "roadmap": len(self.roadmap),
            "status": sum(1 for a in aspects if a in ("status", "computed-status")),
            "moves": sum(1 for a in aspects if a in ("horizon", "stages")),
            "targets": aspects.count("target"),
            "measurements": len(self.measurements),
            "scores": aspects.count("score"),
        }

    def summary(self) -> str:
        """One line: ``2 added, 1 changed · 1 status change · 3 new measurements``."""
        c = self.counts()
        if self.is_empty:
            return "no roadmap changes"
        head = ", ".join(f"{c[a]} {a}" for a in ACTIONS if c[a])
        parts = [f"{head} item{'s' if sum(c[a] for a in ACTIONS) != 1 else ''}"] if head else []
        if c["roadmap"]:
            parts.append(_plural(c["roadmap"], "roadmap-level change"))
        for key, word in (("status", "status change"), ("moves", "move"), ("targets", "target change"),
                          ("measurements", "new measurement"), ("scores", "score change")):
            if c[key]:
                parts.append(_plural(c[key], word))
        return " · ".join(parts)

    def touched(self) -> tuple[tuple[str, str], ...]:
        """Every ``(kind, id)`` this diff says something about, sorted."""
        keys = {(i.kind, i.id) for i in self.items}
        keys.update((t.kind, t.id) for t in self.transitions)
        keys.update(("metric", x.metric) for x in self.measurements)
        return tuple(sorted(keys, key=lambda k: (m.KINDS.index(k[0]), k[1])))

    def item_action(self, kind: str, id: str) -> str:
        """``added``, ``removed``, ``changed`` or ``""`` when only figures or measurements changed."""
        for i in self.items:
            if i.kind == kind and i.id == id:
                return i.action
        return ""

    def item_lines(self, kind: str, id: str) -> tuple[str, ...]:
        """One sentence per change of one item, without naming the item (for its History section)."""
        out: list[str] = []
        item = next((i for i in self.items if i.kind == kind and i.id == id), None)
        shown: set[str] = set()
        if item is not None and item.action != "changed":
            out.append(item.action + (f" ({item.where})" if item.where else ""))
        for t in self.transitions:
            if t.kind == kind and t.id == id:
                out.append(_transition_phrase(t))
                shown.update(_transition_paths(t))
        for x in self.measurements:
            if kind == "metric" and x.metric == id:
                out.append(_measurement_phrase(x))
        if item is not None and item.action == "changed":
            rest = [c for c in item.changes if c.path not in shown]
            if rest:
                out.append("edited " + _changes_phrase(rest))
        return tuple(out)

    def lines(self, collapse: int = 8) -> tuple[str, ...]:
        """The whole diff as plain sentences, one per change, naming each item.

        More than ``collapse`` items of one kind added (or removed) at once, as when a
        roadmap is created, make one sentence (``Added 16 hypotheses: …``)."""
        out: list[str] = []
        for c in self.roadmap:
            out.append(f"Roadmap {c.path}: {_value_text(c.old, c.path)} → {_value_text(c.new, c.path)}")
        for kind in m.KINDS:
            noun, nouns = KIND_TITLES[kind][0], KIND_TITLES[kind][1].lower().replace("okrs", "OKRs")
            for action in ("added", "removed"):
                group = [i for i in self.items if i.kind == kind and i.action == action]
                if len(group) > collapse:
                    shown = ", ".join(f"“{i.title}”" for i in group[:3])
                    out.append(f"{action.capitalize()} {len(group)} {nouns}: {shown} and {len(group) - 3} more")
                    continue
                for i in group:
                    out.append(f"{action.capitalize()} {noun} “{i.title}”" + (f" ({i.where})" if i.where else ""))
        for t in self.transitions:
            out.append(f"{_cap(KIND_TITLES[t.kind][0])} “{t.title}”: {_transition_phrase(t)}")
        for x in self.measurements:
            out.append(f"Metric “{x.title}”: {_measurement_phrase(x)}")
        for kind in m.KINDS:
            noun = KIND_TITLES[kind][0]
            for i in self.items:
                if i.kind == kind and i.action == "changed":
                    shown = {p for t in self.transitions if (t.kind, t.id) == (kind, i.id)
                             for p in _transition_paths(t)}
                    rest = [c for c in i.changes if c.path not in shown]
                    if rest:
                        out.append(f"Edited {noun} “{i.title}”: {_changes_phrase(rest)}")
        return tuple(out)

    def to_dict(self) -> dict[str, Any]:
        """A stable, JSON-ready structure (``format`` versions it)."""
        return {
            "format": DIFF_FORMAT,
            "base": self.base,
            "head": self.head,
            "as_of": self.as_of,
            "summary": self.summary(),
            "counts": self.counts(),
            "roadmap": [_change_dict(c) for c in self.roadmap],
            "items": [{"kind": i.kind, "id": i.id, "action": i.action, "title": i.title, "where": i.where,
                       "changes": [_change_dict(c) for c in i.changes]} for i in self.items],
            "transitions": [{"kind": t.kind, "id": t.id, "title": t.title, "aspect": t.aspect, "detail": t.detail,
                             "path": t.path, "old": t.old, "new": t.new, "old_label": t.old_label,
                             "new_label": t.new_label} for t in self.transitions],
            "measurements": [{"metric": x.metric, "title": x.title, "date": x.date, "value": x.value,
                              "label": x.label, "note": x.note} for x in self.measurements],
        }


def _change_dict(c: FieldChange) -> dict[str, Any]:
    return {"path": c.path, "entry": c.entry, "old": c.old, "new": c.new}


# -- diffing ---------------------------------------------------------------------------

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
    ctx = _Context(old_r, new_r)

    head_changes: list[FieldChange] = []
    if old_r is not None and new_r is not None:
        head_changes = _diff_value("", dict(old_r.fields), dict(new_r.fields))
        old_order = [s.id for s in old_r.stages]
        new_order = [s.id for s in new_r.stages]
        common = set(old_order) & set(new_order)
        if [s for s in old_order if s in common] != [s for s in new_order if s in common]:
            head_changes.append(FieldChange("journey order", old_order, new_order))

    items: list[ItemChange] = []
    transitions: list[Transition] = []
    measurements: list[NewMeasurement] = []
    for kind in m.KINDS:
        olds = _by_id(old_r, kind)
        news = _by_id(new_r, kind)
        for id in sorted(news.keys() - olds.keys()):
            items.append(ItemChange(kind, id, "added", news[id].title, ctx.where(news[id])))
        for id in sorted(olds.keys() - news.keys()):
            items.append(ItemChange(kind, id, "removed", olds[id].title, ctx.where(olds[id])))
        for id in sorted(olds.keys() & news.keys()):
            a, b = olds[id], news[id]
            changes = _diff_value("", dict(a.fields), dict(b.fields))
            if isinstance(a, m.MarkdownItem) and a.body != b.body:
                changes.append(FieldChange("body", a.body, b.body))
            if isinstance(a, m.Metric):
                edits, added = _measurements(a, b, ctx)
                changes.extend(edits)
                measurements.extend(added)
            if changes:
                items.append(ItemChange(kind, id, "changed", b.title, "", tuple(changes)))
            transitions.extend(_transitions(a, b, changes, ctx))
            transitions.extend(_computed(kind, a, b, old_f, new_f))

    items.sort(key=lambda i: (m.KINDS.index(i.kind), ACTIONS.index(i.action), i.id))
    transitions.sort(key=lambda t: (ASPECTS.index(t.aspect), m.KINDS.index(t.kind), t.id, t.detail))
    measurements.sort(key=lambda x: (x.metric, x.date))
    return RoadmapDiff(
        as_of=as_of_date.isoformat() if isinstance(as_of_date, date) else str(as_of_date or ""),
        roadmap=tuple(head_changes), items=tuple(items), transitions=tuple(transitions),
        measurements=tuple(measurements), base=base, head=head)


def _by_id(roadmap: m.Roadmap | None, kind: str) -> dict[str, m.Item]:
    out: dict[str, m.Item] = {}
    if roadmap is not None:
        for item in roadmap.items(kind):
            out.setdefault(item.id, item)
    return out


class _Context:
    """Lookups both sides share: stage titles, metric units."""

    def __init__(self, old: m.Roadmap | None, new: m.Roadmap | None) -> None:
        self.stage_titles: dict[str, str] = {}
        self.units: dict[str, str] = {}
        self.item_metric: dict[tuple[str, str], str] = {}
        for r in (old, new):  # new wins
            if r is None:
                continue
            self.stage_titles.update((s.id, s.title) for s in r.stages)
            self.units.update((mt.id, mt.unit) for mt in r.metrics)
            for o in r.outcomes:
                self.item_metric[("outcome", o.id)] = o.metric
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
        parts = []
        stages = getattr(item, "stages", ())
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
        return " · ".join(parts)


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
    pairs: list[tuple[int | None, int | None]] = []
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
    out: list[FieldChange] = []
    for i, j in sorted(pairs, key=lambda p: (p[1] if p[1] is not None else len(new) + p[0], p[0] or 0)):
        if i is None:
            out.append(FieldChange(f"{path}[{j}]", None, new[j], str(new[j].get("title", ""))))
        elif j is None:
            out.append(FieldChange(f"{path}[{i}]", old[i], None, str(old[i].get("title", ""))))
        else:
            out.extend(_diff_value(f"{path}[{j}]", old[i], new[j], str(new[j].get("title", ""))))
    return out


def _measurements(a: m.Metric, b: m.Metric, ctx: _Context) -> tuple[list[FieldChange], list[NewMeasurement]]:
    before = {x.date: x for x in a.measurements}
    after = {x.date: x for x in b.measurements}
    edits: list[FieldChange] = []
    added: list[NewMeasurement] = []
    for d in sorted(before.keys() | after.keys()):
        x, y = before.get(d), after.get(d)
        if x is None:
            added.append(NewMeasurement(b.id, b.title, d.isoformat(), y.value, _with_unit(y.value, b.unit),
                                        y.note))
        elif y is None:
            edits.append(FieldChange(f"measurements[{d.isoformat()}]", x.value, None))
        elif x.value != y.value or x.note != y.note:
            edits.append(FieldChange(f"measurements[{d.isoformat()}]", x.value, y.value,
                                     y.note if x.note != y.note else ""))
    return edits, added


def _transitions(a: m.Item, b: m.Item, changes: list[FieldChange], ctx: _Context) -> list[Transition]:
    out: list[Transition] = []
    kind, id, title = b.kind, b.id, b.title

    def add(aspect: str, old: Any, new: Any, old_label: str, new_label: str, detail: str = "",
            path: str = "") -> None:
        out.append(Transition(kind, id, title, aspect, old, new, old_label, new_label, detail, path))

    if isinstance(a, (m.Question, m.Hypothesis)) and a.status != b.status:
        add("status", a.status, b.status, a.status, b.status, path="status")
    for c in changes:  # experiments' status
        if (kind == "hypothesis" and c.path.startswith("experiments[") and c.path.endswith("].status")
                and c.old is not None and c.new is not None):
            add("status", c.old, c.new, str(c.old), str(c.new), c.entry, c.path)
    if hasattr(a, "horizon") and getattr(a, "horizon") != getattr(b, "horizon"):
        add("horizon", a.horizon, b.horizon, a.horizon, b.horizon, path="horizon")
    if hasattr(a, "stages") and set(a.stages) != set(b.stages):
        add("stages", list(a.stages), list(b.stages), ctx.stages(a.stages), ctx.stages(b.stages))

    item_unit = ctx.unit_of(kind, id)
    for c in changes:
        detail, unit = None, item_unit
        if kind == "metric" and c.path in ("target", "target.value", "target.by"):
            detail = "" if c.path == "target.value" else c.path
        elif kind in ("outcome", "goal") and c.path in ("target", "by"):
            detail = "" if c.path == "target" else c.path
        elif kind == "okr" and c.path.startswith("key_results[") and c.path.endswith("].to"):
            detail = c.entry
            kr_metric = None
            if isinstance(b, m.Okr):
                idx = int(c.path[len("key_results["):].split("]")[0])
                if idx < len(b.key_results):
                    kr_metric = b.key_results[idx].metric
            unit = ctx.units.get(kr_metric, "") if kr_metric else ""
        if detail is None:
            continue
        add("target", c.old, c.new, _value_text(c.old, c.path, unit), _value_text(c.new, c.path, unit), detail,
            c.path)
    return out


def _computed(kind: str, a: m.Item, b: m.Item, old_f: Any, new_f: Any) -> list[Transition]:
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
        ps = _round(p.score) if p else None
        qs = _round(q.score) if q else None
        if ps != qs:
            out.append(Transition(kind, b.id, b.title, "score", ps, qs, _score_text(ps, p.light if p else ""),
                                  _score_text(qs, q.light if q else "")))
    return out


# -- words ------------------------------------------------------------------------------

def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _round(x: float | None) -> float | None:
    return None if x is None else round(float(x), _SCORE_PLACES)


def _fmt_num(x: Any) -> str:
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return str(x)
    if isinstance(x, int):
        return str(x)
    return ("%.6f" % x).rstrip("0").rstrip(".")


def _with_unit(x: Any, unit: str) -> str:
    text = _fmt_num(x)
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def _score_text(score: float | None, light: str) -> str:
    if score is None:
        return "no score"
    return f"{score:.{_SCORE_PLACES}f}" + (f" ({light})" if light and light != "none" else "")


def _value_text(value: Any, path: str = "", unit: str = "", limit: int = 80) -> str:
    """A value as written, short, for people. None is ``—``."""
    if value is None:
        return "—"
    if path.endswith("by") or path.endswith("date"):
        unit = ""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (int, float)):
        text = _with_unit(value, unit)
    elif isinstance(value, dict):
        if "value" in value and set(value) <= {"value", "by", "date"}:
            rest = value.get("by") or value.get("date")
            text = _with_unit(value["value"], unit) + (f" by {rest}" if "by" in value else
                                                       f" on {rest}" if rest else "")
        else:
            text = value.get("title") if isinstance(value.get("title"), str) else ", ".join(
                f"{k}: {_value_text(v, k, '', 30)}" for k, v in value.items())
    elif isinstance(value, list):
        text = ", ".join(_value_text(v, "", "", 40) for v in value) or "none"
    else:
        text = " ".join(str(value).split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def _body_stat(old: Any, new: Any) -> str:
    a = (old or "").splitlines()
    b = (new or "").splitlines()
    plus = minus = 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            minus += i2 - i1
        if op in ("replace", "insert"):
            plus += j2 - j1
    return f"+{plus} −{minus} lines"


_ENTRY_NOUNS = {"experiments": "experiment", "key_results": "key result", "tactics": "tactic", "links": "link"}


def _label_path(c: FieldChange) -> str:
    """``experiment “Fake door” status`` for a path through a titled list entry."""
    if not c.entry or "[" not in c.path:
        return c.path
    head, _, rest = c.path.partition("[")
    rest = rest.partition("]")[2].lstrip(".")
    noun = _ENTRY_NOUNS.get(head, head)
    return f"{noun} “{c.entry}”" + (f" {rest}" if rest else "")


def _short_path(c: FieldChange) -> str:
    if c.path == "body":
        return "body"
    if c.path.startswith("measurements["):
        return c.path
    return _label_path(c)


def _dedupe_paths(changes: Iterable[FieldChange]) -> list[FieldChange]:
    seen: set[str] = set()
    out = []
    for c in changes:
        key = _short_path(c)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def _change_text(c: FieldChange) -> str:
    """``status: idea → testing``; ``body: edited (+2 −1 lines)``; added/removed list entries."""
    if c.path == "body":
        return f"body edited ({_body_stat(c.old, c.new)})"
    if "[" in c.path and c.path.endswith("]") and not c.path.startswith("measurements["):
        head = c.path.partition("[")[0]
        noun = _ENTRY_NOUNS.get(head, head)
        if c.old is None:
            return f"{noun} added: “{c.entry or _value_text(c.new)}”"
        if c.new is None:
            return f"{noun} removed: “{c.entry or _value_text(c.old)}”"
    return f"{_label_path(c)}: {_value_text(c.old, c.path)} → {_value_text(c.new, c.path)}"


def _changes_phrase(changes: list[FieldChange], detailed: int = 3) -> str:
    """A few changes with their values (``confidence: low → high; body edited (+2 −0 lines)``), or
    just the names of many."""
    if len(changes) <= detailed:
        return "; ".join(_change_text(c) for c in changes)
    return ", ".join(_short_path(c) for c in _dedupe_paths(changes))


def _transition_phrase(t: Transition) -> str:
    what = {"status": "status", "horizon": "horizon", "stages": "stage", "target": "target",
            "computed-status": "computed status", "score": "score"}[t.aspect]
    if t.aspect == "target" and t.detail in ("by", "target.by"):
        what = "deadline"
    elif t.aspect == "target" and t.detail:
        what = f"key result “{t.detail}” target"
    elif t.aspect == "status" and t.detail:
        what = f"experiment “{t.detail}”"
    return f"{what} {t.old_label} → {t.new_label}"


def _transition_paths(t: Transition) -> set[str]:
    """The field paths a transition already explains (so they are not repeated)."""
    if t.aspect == "stages":
        return {"stage", "stages"}
    return {t.path} if t.path else set()


def _measurement_phrase(x: NewMeasurement) -> str:
    return f"new measurement {x.date}: {x.label}" + (f" ({x.note})" if x.note else "")


# -- renderers --------------------------------------------------------------------------

def _sides(diff: RoadmapDiff) -> str:
    if diff.base or diff.head:
        return f"{diff.base or 'base'} → {diff.head or 'working tree'}"
    return ""


def render_text(diff: RoadmapDiff) -> str:
    """Terminal-friendly text: a header, the summary, then one section per aspect and kind."""
    out: list[str] = []
    sides = _sides(diff)
    out.append("Roadmap changes" + (f": {sides}" if sides else "") + (f" (as of {diff.as_of})" if diff.as_of else ""))
    out.append(diff.summary().capitalize() if diff.is_empty else diff.summary())
    if diff.is_empty:
        return "\n".join(out) + "\n"
    if diff.roadmap:
        out += ["", "Roadmap"]
        out += [f"  {_change_text(c)}" for c in diff.roadmap]
    for title, aspects in _TRANSITION_SECTIONS:
        ts = [t for t in diff.transitions if t.aspect in aspects]
        if ts:
            out += ["", title]
            for t in ts:
                out.append(f"  {KIND_TITLES[t.kind][0]} {t.id} “{t.title}”: {_transition_phrase(t)}")
    if diff.measurements:
        out += ["", "New measurements"]
        for x in diff.measurements:
            out.append(f"  {x.metric} {x.date}: {x.label}" + (f" ({x.note})" if x.note else ""))
    for kind in m.KINDS:
        items = [i for i in diff.items if i.kind == kind]
        if not items:
            continue
        out += ["", KIND_TITLES[kind][1]]
        for i in items:
            mark = {"added": "+", "removed": "-", "changed": "~"}[i.action]
            out.append(f"  {mark} {i.id} “{i.title}”" + (f" ({i.where})" if i.where else ""))
            for c in i.changes:
                out.append(f"      {_change_text(c)}")
    return "\n".join(out) + "\n"


_TRANSITION_SECTIONS = (
    ("Status", ("status", "computed-status")),
    ("Moves", ("horizon", "stages")),
    ("Targets", ("target",)),
    ("OKR scores", ("score",)),
)

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]|~"} | {"<": "&lt;", ">": "&gt;", "&": "&amp;"})


def md_escape(text: Any, limit: int = 120) -> str:
    """Text from the roadmap, safe inside Markdown (and a table cell): one line, escaped."""
    s = " ".join(str(text).split())
    if len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    return s.translate(_MD_SPECIAL)


def _md_item(kind: str, id: str, title: str) -> str:
    return f"**{md_escape(title)}** (`{id}`)"


def render_markdown(diff: RoadmapDiff, max_chars: int = 60000, details: bool = True) -> str:
    """Markdown for a pull-request comment or a CI job summary.

    A heading, a summary line with counts, tables for status changes, moves,
    targets, measurements and scores, then one section per kind listing added,
    removed and changed items with their titles. Output longer than
    ``max_chars`` (GitHub refuses comments over 65,536 characters) is rendered
    again without the field-level details, then cut.
    """
    out: list[str] = ["### Roadmap changes", ""]
    sides = _sides(diff)
    meta = []
    if sides:
        base, head = (x.replace("`", "'") for x in (diff.base or "base", diff.head or "working tree"))
        meta.append(f"`{base}` → `{head}`")
    if diff.as_of:
        meta.append(f"figures as of {diff.as_of}")
    if meta:
        out += [" · ".join(meta), ""]
    if diff.is_empty:
        out.append("No roadmap changes: the roadmap reads the same as before.")
        return "\n".join(out) + "\n"
    out += [f"**{diff.summary()}**", ""]

    if diff.roadmap:
        out += ["#### Vision, mission and journey", "", "| Field | Before | After |", "| --- | --- | --- |"]
        for c in diff.roadmap:
            out.append(f"| {md_escape(c.path)} | {md_escape(_value_text(c.old, c.path, '', 200))} | "
                       f"{md_escape(_value_text(c.new, c.path, '', 200))} |")
        out.append("")
    for title, aspects in _TRANSITION_SECTIONS:
        ts = [t for t in diff.transitions if t.aspect in aspects]
        if not ts:
            continue
        out += [f"#### {title}", "", "| Item | What | Before | After |", "| --- | --- | --- | --- |"]
        for t in ts:
            what = _transition_phrase(t).rsplit(f" {t.old_label} → ", 1)[0]
            out.append(f"| {KIND_TITLES[t.kind][0]} {_md_item(t.kind, t.id, t.title)} | {md_escape(what)} | "
                       f"{md_escape(t.old_label)} | **{md_escape(t.new_label)}** |")
        out.append("")
    if diff.measurements:
        out += ["#### New measurements", "", "| Metric | Date | Value | Note |", "| --- | --- | --- | --- |"]
        for x in diff.measurements:
            out.append(f"| {_md_item('metric', x.metric, x.title)} | {x.date} | {md_escape(x.label)} | "
                       f"{md_escape(x.note)} |")
        out.append("")
    for kind in m.KINDS:
        items = [i for i in diff.items if i.kind == kind]
        if not items:
            continue
        out += [f"#### {KIND_TITLES[kind][1]}", ""]
        for i in items:
            line = f"- {i.action.capitalize()}: {_md_item(kind, i.id, i.title)}"
            if i.where:
                line += f" · {md_escape(i.where)}"
            if i.action == "changed" and not details:
                line += " · " + md_escape(", ".join(_short_path(c) for c in _dedupe_paths(i.changes)), 300)
            out.append(line)
            if details:
                for c in i.changes:
                    out.append(f"  - {md_escape(_change_text(c), 300)}")
        out.append("")
    text = "\n".join(out).rstrip("\n") + "\n"
    if len(text) > max_chars:
        if details:
            return render_markdown(diff, max_chars, details=False)
        cut = text[: max_chars - 80].rsplit("\n", 1)[0]
        text = cut + "\n\n_…cut here: run `roadmap-gen diff` locally for the full list._\n"
    return text


def render_json(diff: RoadmapDiff) -> str:
    """:meth:`RoadmapDiff.to_dict` as deterministic JSON text with a final newline."""
    return json.dumps(diff.to_dict(), ensure_ascii=False, indent=2) + "\n"


RENDERERS = MappingProxyType({"text": render_text, "markdown": render_markdown, "json": render_json})
"""Format name -> renderer, for ``roadmap-gen diff --format``."""

__all__ = ["ACTIONS", "ASPECTS", "FieldChange", "ItemChange", "Transition", "NewMeasurement", "RoadmapDiff",
           "diff_roadmaps", "render_text", "render_markdown", "render_json", "md_escape", "RENDERERS"]
