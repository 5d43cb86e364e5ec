"""A diff in plain sentences: its one-line summary, and one sentence per change for feeds and item pages."""

from __future__ import annotations

from typing import Protocol

from roadmap_gen.format import model as m
from roadmap_gen.git.changes import ACTIONS, KIND_TITLES, FieldChange, ItemChange, NewMeasurement, Transition
from roadmap_gen.git.phrases import (cap, changes_phrase, measurement_phrase, plural, transition_paths,
                                     transition_phrase, value_text)

_COUNTED = (("status", "status change"), ("moves", "move"), ("targets", "target change"),
            ("measurements", "new measurement"), ("scores", "score change"), ("evidence", "evidence change"),
            ("links", "link change"))


class Changes(Protocol):
    """What the sentences are made from (a :class:`~roadmap_gen.git.roadmap_diff.RoadmapDiff`)."""

    @property
    def roadmap(self) -> tuple[FieldChange, ...]: ...

    @property
    def items(self) -> tuple[ItemChange, ...]: ...

    @property
    def transitions(self) -> tuple[Transition, ...]: ...

    @property
    def measurements(self) -> tuple[NewMeasurement, ...]: ...


def summary(counts: dict[str, int], is_empty: bool) -> str:
    """One line from :meth:`RoadmapDiff.counts`: ``2 added, 1 changed items · 1 status change``."""
    if is_empty:
        return "no roadmap changes"
    head = ", ".join(f"{counts[a]} {a}" for a in ACTIONS if counts[a])
    parts = [f"{head} item{'s' if sum(counts[a] for a in ACTIONS) != 1 else ''}"] if head else []
    if counts["roadmap"]:
        parts.append(plural(counts["roadmap"], "roadmap-level change"))
    parts += [plural(counts[key], word) for key, word in _COUNTED if counts[key]]
    return " · ".join(parts)


def item_lines(diff: Changes, kind: str, id: str) -> tuple[str, ...]:
    """One sentence per change of one item, without naming the item."""
    out: list[str] = []
    item = next((i for i in diff.items if i.kind == kind and i.id == id), None)
    if item is not None and item.action != "changed":
        out.append(item.action + (f" ({item.where})" if item.where else ""))
    out += [transition_phrase(t) for t in diff.transitions if t.kind == kind and t.id == id]
    out += [measurement_phrase(x) for x in diff.measurements if kind == "metric" and x.metric == id]
    if item is not None and item.action == "changed":
        rest = _unexplained(diff, item)
        if rest:
            out.append("edited " + changes_phrase(rest))
    return tuple(out)


def diff_lines(diff: Changes, collapse: int) -> tuple[str, ...]:
    """The whole diff, naming each item; more than ``collapse`` items of one kind added
    (or removed) at once make one sentence."""
    out = [f"Roadmap {c.path}: {value_text(c.old, c.path)} → {value_text(c.new, c.path)}" for c in diff.roadmap]
    for kind in m.KINDS:
        out += _added_removed(diff, kind, collapse)
    out += [f"{cap(KIND_TITLES[t.kind][0])} “{t.title}”: {transition_phrase(t)}" for t in diff.transitions]
    out += [f"Metric “{x.title}”: {measurement_phrase(x)}" for x in diff.measurements]
    for kind in m.KINDS:
        for i in diff.items:
            if i.kind == kind and i.action == "changed":
                rest = _unexplained(diff, i)
                if rest:
                    out.append(f"Edited {KIND_TITLES[kind][0]} “{i.title}”: {changes_phrase(rest)}")
    return tuple(out)


def _added_removed(diff: Changes, kind: str, collapse: int) -> list[str]:
    noun, nouns = KIND_TITLES[kind][0], KIND_TITLES[kind][1].lower().replace("okrs", "OKRs")
    out: list[str] = []
    for action in ("added", "removed"):
        group = [i for i in diff.items if i.kind == kind and i.action == action]
        if len(group) > collapse:
            shown = ", ".join(f"“{i.title}”" for i in group[:3])
            more = f" and {len(group) - 3} more" if len(group) > 3 else ""
            out.append(f"{action.capitalize()} {len(group)} {nouns}: {shown}{more}")
            continue
        for i in group:
            out.append(f"{action.capitalize()} {noun} “{i.title}”" + (f" ({i.where})" if i.where else ""))
    return out


def _unexplained(diff: Changes, item: ItemChange) -> list[FieldChange]:
    """A changed item's field changes that none of its transitions already tells."""
    shown = {p for t in diff.transitions if (t.kind, t.id) == (item.kind, item.id) for p in transition_paths(t)}
    return [c for c in item.changes if c.path not in shown]
