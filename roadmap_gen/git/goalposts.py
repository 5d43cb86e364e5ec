"""Goalposts: every change of a target value or deadline over the roadmap's history.

Read from the ``target`` transitions of each history entry's diff: a goal's,
an outcome's or a metric's target and deadline, an OKR key result's ``from``
and ``to``. Nothing is recomputed; the history already compared each commit
with its first parent.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Iterable, Mapping

from roadmap_gen.git.changes import Transition
from roadmap_gen.git.repo import Commit

WHATS = ("target", "deadline", "key-result-target", "key-result-start")


@dataclass(frozen=True)
class Goalpost:
    """A target or deadline moved by one commit.

    ``what`` is one of :data:`WHATS`; ``detail`` the key result's title for
    key results; ``old``/``new`` the raw values, ``old_label``/``new_label``
    the same for people (numbers with their unit, dates as written, ``—`` for none).
    """

    commit: Commit
    kind: str
    id: str
    title: str
    what: str
    detail: str
    old: Any
    new: Any
    old_label: str
    new_label: str

    @property
    def phrase(self) -> str:
        """``target 60% → 55%``, ``deadline 2026-06-30 → 2026-09-30``, ``key result “X” target 20 → 25``."""
        word = {"target": "target", "deadline": "deadline", "key-result-target": "target",
                "key-result-start": "start"}[self.what]
        lead = f"key result “{self.detail}” {word}" if self.what.startswith("key-result") else word
        return f"{lead} {self.old_label} → {self.new_label}"


def goalpost_what(t: Transition) -> str:
    """Which of :data:`WHATS` a ``target`` transition moves."""
    if t.kind == "okr":
        return "key-result-start" if t.path.endswith("].from") else "key-result-target"
    return "deadline" if t.detail in ("by", "target.by") else "target"


def goalposts(entries: Iterable[Any]) -> tuple[Goalpost, ...]:
    """Every goalpost move in history entries (:class:`~roadmap_gen.git.entries.HistoryEntry`, newest first)."""
    out = []
    for e in entries:
        for t in e.diff.transitions:
            if t.aspect != "target":
                continue
            what = goalpost_what(t)
            out.append(Goalpost(e.commit, t.kind, t.id, t.title, what, t.detail if t.kind == "okr" else "",
                                t.old, t.new, t.old_label, t.new_label))
    return tuple(out)


def by_item(moves: Iterable[Goalpost]) -> Mapping[tuple[str, str, str], tuple[Goalpost, ...]]:
    """``(kind, id, commit sha)`` -> the goalposts that commit moved for that item."""
    out: dict[tuple[str, str, str], list[Goalpost]] = {}
    for g in moves:
        out.setdefault((g.kind, g.id, g.commit.sha), []).append(g)
    return MappingProxyType({k: tuple(v) for k, v in out.items()})
