"""The format 1.1 parts of a roadmap diff: behaviours, journeys, tactics and the links between items.

* A behaviour's stage or type (booster, blocker) is no field of its own, so a move is a ``stages``
  transition and a change of type a field change; a behaviour that becomes addressed (an item names it in
  ``behaviours:``) or unaddressed is an ``addressed`` transition.
* A stage moved from one journey to another is a ``journey`` transition; the order of the journeys is a
  roadmap-level change, like the order of the stages of a file with one journey.
* A theme's or hypothesis's ``tactic``, an item's ``behaviours`` and a key result's ``outcome`` and
  ``hypotheses`` are ``link`` transitions, labelled with the titles of what they name.
"""

from __future__ import annotations

import re
from typing import Any

from roadmap_gen.format import model as m
from roadmap_gen.git.changes import FieldChange, Transition
from roadmap_gen.git.phrases import plural

LINK_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "tactic": ("tactic", ("theme", "hypothesis")),
    "behaviours": ("behaviour", ("outcome", "opportunity", "theme", "question", "hypothesis")),
}
"""Item fields that link to the chain of format 1.1: the kind they name, and the kinds that have them."""
KEY_RESULT_LINKS: dict[str, str] = {"outcome": "outcome", "hypotheses": "hypothesis"}
"""Key result fields that link to the chain, and the kind they name."""
_KR_PATH = re.compile(r"key_results\[(\d+)\]\.(outcome|hypotheses)$")


class Titles:
    """The titles of what links name, journeys and tactics included (the new side wins)."""

    def __init__(self, old: m.Roadmap | None, new: m.Roadmap | None) -> None:
        self.by_kind: dict[str, dict[str, str]] = {}
        for r in (old, new):
            if r is None:
                continue
            for kind in ("journey", "behaviour", "outcome", "hypothesis"):
                self.by_kind.setdefault(kind, {}).update((i.id, i.title) for i in r.items(kind))
            self.by_kind.setdefault("tactic", {}).update((t.id, t.title) for _, t in r.tactics())

    def of(self, kind: str, ids: Any) -> str:
        """The titles of one id or a list of ids of ``kind``: ``—`` for none."""
        if ids is None or ids == []:
            return "—"
        names = self.by_kind.get(kind, {})
        return ", ".join(names.get(str(i), str(i)) for i in (ids if isinstance(ids, list) else [ids]))


# -- journeys and stages -------------------------------------------------------------------

def journey_order(old_r: m.Roadmap, new_r: m.Roadmap) -> list[FieldChange]:
    """The order of the stages both sides have, when both have one journey (``journey order``), and of the
    journeys both sides have (``journeys order``). The order of a journey's stages is a change of the journey."""
    out = []
    if not old_r.journeys and not new_r.journeys:
        old_s, new_s = [s.id for s in old_r.stages], [s.id for s in new_r.stages]
        if _reordered(old_s, new_s):
            out.append(FieldChange("journey order", old_s, new_s))
    old_j, new_j = [j.id for j in old_r.journeys], [j.id for j in new_r.journeys]
    if _reordered(old_j, new_j):
        out.append(FieldChange("journeys order", old_j, new_j))
    return out


def _reordered(old: list[str], new: list[str]) -> bool:
    common = set(old) & set(new)
    return [x for x in old if x in common] != [x for x in new if x in common]


def stage_fields(a: m.Item, b: m.Item) -> tuple[dict[str, Any], dict[str, Any]]:
    """Two sides of a stage's fields as a diff compares them. Its boosters and blockers change when texts or
    behaviours with an id come, go or move; what a behaviour with an id says (title, metric, ...) is a change
    of the behaviour, not of the stage, and so is a text given an id. Behaviours are shown by title."""
    fa, fb = dict(a.fields), dict(b.fields)
    if not isinstance(a, m.Stage):
        return fa, fb
    for name in ("boosters", "blockers"):
        old, new = fa.get(name), fb.get(name)
        if _entry_keys(old) == _entry_keys(new) or _entry_titles(old) == _entry_titles(new):
            fb[name] = old  # the same, or a text that became a behaviour with an id (added, with its title)
        elif old is not None or new is not None:
            fa[name], fb[name] = _entry_titles(old), _entry_titles(new)
    return fa, fb


def _entry_keys(entries: Any) -> list[Any]:
    return [("id", e.get("id")) if isinstance(e, dict) else e for e in entries or ()]


def _entry_titles(entries: Any) -> list[Any] | None:
    return None if entries is None else [e.get("title") if isinstance(e, dict) else e for e in entries]


def journey_move(a: m.Item, b: m.Item, titles: Titles) -> list[Transition]:
    """A stage moved from one journey to another (not into or out of a v1 file's one journey)."""
    if not isinstance(a, m.Stage) or a.journey == b.journey or a.journey is None or b.journey is None:
        return []
    return [Transition("stage", b.id, b.title, "journey", a.journey, b.journey, titles.of("journey", a.journey),
                       titles.of("journey", b.journey))]


# -- behaviours -----------------------------------------------------------------------------

def behaviour_changes(a: m.Item, b: m.Item) -> list[FieldChange]:
    """A behaviour's place, which is no field of its own: its stage and its type."""
    if not isinstance(a, m.Behaviour) or not isinstance(b, m.Behaviour):
        return []
    return [FieldChange(f, getattr(a, f), getattr(b, f)) for f in ("stage", "type") if getattr(a, f) != getattr(b, f)]


def behaviour_move(a: m.Item, b: m.Item, stage_label) -> list[Transition]:
    """A behaviour moved to another stage, as a ``stages`` move."""
    if not isinstance(a, m.Behaviour) or not isinstance(b, m.Behaviour) or a.stage == b.stage:
        return []
    return [Transition("behaviour", b.id, b.title, "stages", [a.stage], [b.stage], stage_label([a.stage]),
                       stage_label([b.stage]))]


def addressed(a: m.Item, b: m.Item, old_f: Any, new_f: Any) -> list[Transition]:
    """A behaviour that became addressed (some item names it) or unaddressed; ``old``/``new``: the number of
    items aimed at it."""
    if not isinstance(b, m.Behaviour) or old_f is None or new_f is None:
        return []
    p, q = len(old_f.addressed.get(a.id, ())), len(new_f.addressed.get(b.id, ()))
    if bool(p) == bool(q):
        return []
    return [Transition("behaviour", b.id, b.title, "addressed", p, q, addressed_label(p), addressed_label(q))]


def addressed_label(n: int) -> str:
    return f"addressed by {plural(n, 'item')}" if n else "unaddressed"


# -- links ------------------------------------------------------------------------------------

def links(b: m.Item, changes: list[FieldChange], titles: Titles) -> list[Transition]:
    """Changed ``tactic``, ``behaviours`` and key result ``outcome`` and ``hypotheses``, labelled with titles."""
    out = []
    for c in changes:
        target, detail = _link_target(b, c)
        if target is not None:
            out.append(Transition(b.kind, b.id, b.title, "link", c.old, c.new, titles.of(target, c.old),
                                  titles.of(target, c.new), detail, c.path))
    return out


def _link_target(b: m.Item, c: FieldChange) -> tuple[str | None, str]:
    """The kind a changed field links to (None if it is no link) and the key result it is in."""
    if isinstance(b, m.Okr):
        kr = _KR_PATH.match(c.path)
        return (KEY_RESULT_LINKS[kr.group(2)], c.entry) if kr else (None, "")
    target, kinds = LINK_FIELDS.get(c.path, (None, ()))
    return (target, "") if b.kind in kinds else (None, "")
