""":class:`RoadmapDiff`: everything that changed from one roadmap to another.

Besides the changes themselves it gives their counts, a one-line summary,
plain sentences for feeds and item pages, and a stable JSON-ready structure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from roadmap_gen.format import model as m
from roadmap_gen.git import sentences
from roadmap_gen.git.changes import ACTIONS, DIFF_FORMAT, FieldChange, ItemChange, NewMeasurement, Transition


@dataclass(frozen=True)
class RoadmapDiff:
    """Everything that changed from one roadmap to another (see :mod:`roadmap_gen.git.diff`).

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
        (written and computed, behaviours addressed or unaddressed), ``moves`` (horizon, stage and journey),
        ``targets``, ``measurements``, ``scores``, ``evidence`` (items whose evidence counts changed), ``links``
        (changed ``tactic``, ``behaviours``, key result ``outcome`` and ``hypotheses``)."""
        by_action = {a: sum(1 for i in self.items if i.action == a) for a in ACTIONS}
        aspects = [t.aspect for t in self.transitions]
        return {
            **by_action,
            "roadmap": len(self.roadmap),
            "status": sum(1 for a in aspects if a in ("status", "computed-status", "addressed")),
            "moves": sum(1 for a in aspects if a in ("horizon", "stages", "journey")),
            "targets": aspects.count("target"),
            "measurements": len(self.measurements),
            "scores": aspects.count("score"),
            "evidence": aspects.count("evidence"),
            "links": aspects.count("link"),
        }

    def summary(self) -> str:
        """One line: ``2 added, 1 changed · 1 status change · 3 new measurements``."""
        return sentences.summary(self.counts(), self.is_empty)

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
        return sentences.item_lines(self, kind, id)

    def lines(self, collapse: int = 8) -> tuple[str, ...]:
        """The whole diff as plain sentences, one per change, naming each item.

        More than ``collapse`` items of one kind added (or removed) at once, as when a
        roadmap is created, make one sentence (``Added 16 hypotheses: …``)."""
        return sentences.diff_lines(self, collapse)

    def to_dict(self) -> dict[str, Any]:
        """A stable, JSON-ready structure (``format`` versions it)."""
        return _as_dict(self)


def _as_dict(diff: RoadmapDiff) -> dict[str, Any]:
    return {
        "format": DIFF_FORMAT,
        "base": diff.base,
        "head": diff.head,
        "as_of": diff.as_of,
        "summary": diff.summary(),
        "counts": diff.counts(),
        "roadmap": [_change_dict(c) for c in diff.roadmap],
        "items": [{"kind": i.kind, "id": i.id, "action": i.action, "title": i.title, "where": i.where,
                   "changes": [_change_dict(c) for c in i.changes]} for i in diff.items],
        "transitions": [{"kind": t.kind, "id": t.id, "title": t.title, "aspect": t.aspect, "detail": t.detail,
                         "path": t.path, "old": t.old, "new": t.new, "old_label": t.old_label,
                         "new_label": t.new_label} for t in diff.transitions],
        "measurements": [{"metric": x.metric, "title": x.title, "date": x.date, "value": x.value,
                          "label": x.label, "note": x.note} for x in diff.measurements],
    }


def _change_dict(c: FieldChange) -> dict[str, Any]:
    return {"path": c.path, "entry": c.entry, "old": c.old, "new": c.new}
