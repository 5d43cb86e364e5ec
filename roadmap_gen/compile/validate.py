"""The resolve-and-validate pass: references, uniqueness and cross-item rules.

Runs over the loaded models (which already passed per-file checks) and reports
every problem with its location; nothing is changed.
"""

from __future__ import annotations

import re
from typing import Iterator

from roadmap_gen.format import model as m
from roadmap_gen.format.diagnostics import Diagnostic, Diagnostics, Location, did_you_mean
from roadmap_gen.format.spec import ITEM_SPECS, KEY_RESULT, REF, REFS, Spec


def references(node: m.Node, spec: Spec) -> Iterator[tuple[str, str, str, Location]]:
    """``(field, target kind, id, location)`` for every reference ``node`` makes."""
    for f in spec.fields:
        value = node.fields.get(f.name)
        if value is None or f.type not in (REF, REFS):
            continue
        if f.type == REF:
            yield f.name, f.ref, value, node.loc_of(f.name)
        else:
            for i, v in enumerate(value):
                yield f.name, f.ref, v, node.locs.get(f"{f.name}[{i}]", node.loc_of(f.name))


def item_references(item: m.Item) -> Iterator[tuple[str, str, str, Location]]:
    """Every reference of an item, including those of its nested key results."""
    yield from references(item, ITEM_SPECS[item.kind])
    if isinstance(item, m.Okr):
        for kr in item.key_results:
            yield from references(kr, KEY_RESULT)


def validate(roadmap: m.Roadmap, unreadable: frozenset[str] = frozenset(),
             unreadable_items: frozenset[tuple[str, str]] = frozenset()) -> list[Diagnostic]:
    """Every cross-item problem. References to kinds in ``unreadable`` (their list file could not be
    read, which is reported already) and to the items in ``unreadable_items`` (``(kind, id)`` of an item
    file that could not be read) are not checked, so one broken file gives one error."""
    diags = Diagnostics()
    ids = {kind: set(roadmap.ids(kind)) for kind in m.KINDS}
    ids["tactic"] = {t.id for _s, t in roadmap.tactics()}
    for item in roadmap.all_items():
        for name, kind, id, loc in item_references(item):
            if id in ids[kind] or kind in unreadable or (kind, id) in unreadable_items or \
                    (kind == "tactic" and "strategy" in unreadable):
                continue
            diags.error(loc, f"`{name}` refers to unknown {kind} `{id}`{_hint(kind, id, ids)}")

    north = [g for g in roadmap.goals if g.north_star]
    for g in north[1:]:
        diags.error(g.loc_of("north_star"), f"only one goal can be the north star; `{north[0].id}` "
                                            f"already is (line {north[0].loc_of('north_star').line})")

    _opportunity_cycles(roadmap, diags)
    _placeholders(roadmap, diags)

    for okr in roadmap.okrs:
        for kr in okr.key_results:
            if "from" in kr.fields and "to" in kr.fields and kr.start == kr.to:
                diags.error(kr.loc_of("to"), f"key result `to` equals `from` ({kr.to}); the score would be undefined")
    for h in roadmap.hypotheses:
        for e in h.experiments:
            if e.start and e.end and e.end < e.start:
                diags.error(e.loc_of("end"), f"experiment ends ({e.end}) before it starts ({e.start})")
    for mt in roadmap.metrics:
        if mt.baseline and mt.target and mt.baseline.value == mt.target.value:
            diags.error(mt.loc_of("target"), "target value equals the baseline value; progress would be undefined")
        if mt.baseline and mt.target and mt.baseline.date and mt.target.by and mt.target.by <= mt.baseline.date:
            diags.error(mt.loc_of("target"), f"target date {mt.target.by} is not after the baseline date "
                                             f"{mt.baseline.date}")
        if mt.baseline and mt.target and mt.baseline.value != mt.target.value:
            better = "up" if mt.target.value > mt.baseline.value else "down"
            if better != mt.direction:
                diags.warning(mt.loc_of("target"), f"target moves {better} from the baseline but `direction` "
                                                   f"is `{mt.direction}`")
    return diags.sorted()


def _hint(kind: str, id: str, ids: dict[str, set[str]]) -> str:
    """What an unknown reference may have meant: an item of another kind, or the nearest id."""
    others = [k for k in m.KINDS if id in ids[k]]
    if others:
        a = {k: ("an " if k[0] in "aeiou" else "a ") + k for k in (others[0], kind)}
        return f"; `{id}` is {a[others[0]]}, not {a[kind]}"
    near = did_you_mean(id, ids[kind])
    if near:
        return f" (did you mean `{near}`?)"
    if kind == "behaviour" and not ids[kind]:
        return "; give the booster or blocker in journey.yml an id: `{id: ..., title: ...}`"
    if kind == "tactic" and not ids[kind]:
        return "; give the tactic in roadmap.yml an `id`"
    return f"; no {kind} exists yet" if not ids[kind] else ""


def _opportunity_cycles(roadmap: m.Roadmap, diags: Diagnostics) -> None:
    parent = {o.id: o.parent for o in roadmap.opportunities if o.parent}
    reported: set[str] = set()
    for start in sorted(parent):
        path: list[str] = []
        node = start
        while node in parent and node not in path:
            path.append(node)
            node = parent[node]
        if node in path:  # a cycle: report it once, at its smallest member
            cycle = path[path.index(node):]
            first = min(cycle)
            if first in reported:
                continue
            reported.update(cycle)
            i = cycle.index(first)
            ordered = cycle[i:] + cycle[:i] + [first]
            item = roadmap.get("opportunity", first)
            diags.error(item.loc_of("parent"), f"opportunity parents form a cycle: {' → '.join(ordered)}")


PLACEHOLDER = re.compile(r"\s*TODO\b")
"""Text `roadmap-gen new` leaves for the author's words starts with TODO."""


def _placeholder_fields(node: m.Node) -> Iterator[tuple[str, Location]]:
    """``(field, location)`` of every text field, or entry of a list of texts, of ``node`` that is a placeholder."""
    for name, value in node.fields.items():
        if isinstance(value, str) and PLACEHOLDER.match(value):
            yield name, node.loc_of(name)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                if isinstance(v, str) and PLACEHOLDER.match(v):
                    yield f"{name}[{i}]", node.locs.get(f"{name}[{i}]", node.loc_of(name))


def _placeholders(roadmap: m.Roadmap, diags: Diagnostics) -> None:
    """A warning (``placeholder-text``) for each TODO placeholder still in the content."""
    for item in roadmap.all_items():
        nested = [*getattr(item, "key_results", ()), *getattr(item, "experiments", ()), *getattr(item, "tactics", ())]
        for node in (item, *nested):
            for name, loc in _placeholder_fields(node):
                diags.warning(loc, f"`{name}` is still placeholder text (TODO); write it in your own words "
                                   "(placeholder-text)")
        if isinstance(item, m.MarkdownItem):
            for i, line in enumerate(item.body.split("\n")):
                if PLACEHOLDER.match(line):
                    diags.warning(Location(item.loc.path, item.body_line + i, 1),
                                  "the body is still placeholder text (TODO); write it in your own words "
                                  "(placeholder-text)")
