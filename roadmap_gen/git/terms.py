"""Diffs and history in roadmap terms, as plain records for the site's views.

:func:`diff_terms` turns a :class:`~roadmap_gen.git.roadmap_diff.RoadmapDiff`
into rows (status changes, targets and deadlines, moves, scores), new
measurements, added, removed and edited items, each telling *what* moved
(``target``, ``deadline``, ``key-result-start``, ...) so the site can say it in
its own language. :func:`roadmap_terms` gives the history's headlines, computed
events and goalposts, and the timeline of both, newest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Mapping

from roadmap_gen.git.changes import ItemChange, NewMeasurement, Transition
from roadmap_gen.git.feed import newest_first
from roadmap_gen.git.goalposts import Goalpost, by_item, goalpost_what, goalposts
from roadmap_gen.git.headlines import Event, events, headline
from roadmap_gen.git.phrases import dedupe_paths, short_path, transition_paths
from roadmap_gen.git.roadmap_diff import RoadmapDiff

SECTIONS = (("status", ("status", "computed-status")), ("targets", ("target",)),
            ("moves", ("horizon", "stages", "journey")), ("scores", ("score",)))
"""The row sections of a diff, in the order they are shown, with the transition aspects each holds."""


@dataclass(frozen=True)
class Row:
    """A transition: ``what`` is the aspect, or for targets :func:`~roadmap_gen.git.goalposts.goalpost_what`,
    or ``experiment`` for an experiment's status; ``detail`` the experiment's or key result's title."""

    section: str
    kind: str
    id: str
    title: str
    aspect: str
    what: str
    detail: str
    old: Any
    new: Any
    old_label: str
    new_label: str


@dataclass(frozen=True)
class DiffTerms:
    empty: bool
    summary: str
    rows: tuple[Row, ...] = ()
    measurements: tuple[NewMeasurement, ...] = ()
    added: tuple[ItemChange, ...] = ()
    removed: tuple[ItemChange, ...] = ()
    edited: tuple[tuple[ItemChange, str], ...] = ()  # each changed item with what no row tells (field names)
    roadmap: tuple[str, ...] = ()


def _what(t: Transition) -> str:
    if t.aspect == "target":
        return goalpost_what(t)
    if t.aspect == "status" and t.detail:
        return "experiment"
    return t.aspect


def diff_terms(d: RoadmapDiff | None) -> DiffTerms | None:
    """A diff as rows and lists for people (None for None)."""
    if d is None:
        return None
    rows = tuple(Row(key, t.kind, t.id, t.title, t.aspect, _what(t), t.detail, t.old, t.new, t.old_label,
                     t.new_label) for key, aspects in SECTIONS for t in d.transitions if t.aspect in aspects)
    edited = []
    in_rows = {a for _, aspects in SECTIONS for a in aspects}
    for i in d.items:
        if i.action == "changed":  # what no row tells (a link is an edited field here)
            shown = {p for t in d.transitions if (t.kind, t.id) == (i.kind, i.id) and t.aspect in in_rows
                     for p in transition_paths(t)}
            rest = [c for c in i.changes if c.path not in shown]
            if rest:
                edited.append((i, ", ".join(short_path(c) for c in dedupe_paths(rest))))
    return DiffTerms(d.is_empty, d.summary(), rows, d.measurements,
                     tuple(i for i in d.items if i.action == "added"),
                     tuple(i for i in d.items if i.action == "removed"), tuple(edited),
                     tuple(c.path for c in d.roadmap))


@dataclass(frozen=True)
class RoadmapTerms:
    """A history in roadmap terms: each commit's headline (by sha), the computed events, the goalposts moved
    (and by ``(kind, id, sha)``), and ``timeline``: ``("commit", HistoryEntry)`` and ``("event", Event)``
    pairs, newest first."""

    headlines: Mapping[str, str]
    events: tuple[Event, ...]
    goalposts: tuple[Goalpost, ...]
    goalposts_by_item: Mapping[tuple[str, str, str], tuple[Goalpost, ...]]
    timeline: tuple[tuple[str, Any], ...]


def roadmap_terms(history: Any, current: Any = None) -> RoadmapTerms:
    """The terms of an available history (:class:`~roadmap_gen.git.entries.History`) and the compiled
    roadmap being built (its measurements and figures make events too)."""
    entries = history.entries if history is not None and history.available else ()
    found = events(entries, current) if entries else ()
    moves = goalposts(entries)
    rows = sorted([(e.commit.date, 1, i, ("commit", e)) for i, e in enumerate(entries)]
                  + [(ev.date, 0, i, ("event", ev)) for i, ev in enumerate(found)], key=newest_first)
    return RoadmapTerms(MappingProxyType({e.commit.sha: headline(e.diff) for e in entries if not e.diff.is_empty}),
                        found, moves, by_item(moves), tuple(r[3] for r in rows))
