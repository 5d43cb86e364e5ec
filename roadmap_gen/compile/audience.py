"""The audience pass: a public build keeps only what is marked public.

Internal items are removed, and every reference a public item makes to
something internal is removed from it (field, typed attribute and list entry),
so nothing internal can reach a page, a link, a count or an export. The
dropped references are returned so ``roadmap-gen check --audience public``
can tell authors in advance.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from types import MappingProxyType

from roadmap_gen.format import model as m
from roadmap_gen.format.diagnostics import Location
from roadmap_gen.format.spec import BEHAVIOUR, ITEM_SPECS, KEY_RESULT, REF, REFS, Spec

AUDIENCES = ("internal", "public")

# field name in the file -> typed attribute on the model
_ATTR = {"stage": "stages", "outcome": "outcomes"}


@dataclass(frozen=True, slots=True)
class Dropped:
    """A reference from a public item to an internal one, left out of a public build."""

    kind: str
    id: str
    field: str
    target_kind: str
    target_id: str
    loc: Location

    def __str__(self) -> str:
        return (f"{self.loc}: public {self.kind} `{self.id}` refers to internal {self.target_kind} "
                f"`{self.target_id}` (`{self.field}`); the public site shows it without that reference")


def _strip(node, spec: Spec, keep: dict[str, set[str]], owner: m.Item, dropped: list[Dropped]):
    fields = dict(node.fields)
    changes: dict = {}
    relocated: dict[str, Location] = {}  # `stages[j]` of the entries kept, renumbered
    renumbered: set[str] = set()
    for f in spec.fields:
        if f.type not in (REF, REFS) or f.name not in fields:
            continue
        allowed = keep.get(f.ref, frozenset())
        if f.type == REF:
            values = [fields[f.name]]
        else:
            values = list(fields[f.name])
        gone = [(i, v) for i, v in enumerate(values) if v not in allowed]
        if not gone:
            continue
        for i, v in gone:  # a list entry is reported where it was written, not where its list starts
            loc = node.locs.get(f"{f.name}[{i}]", node.loc_of(f.name)) if f.type == REFS else node.loc_of(f.name)
            dropped.append(Dropped(owner.kind, owner.id, f.name, f.ref, v, loc))
        kept = [v for v in values if v in allowed]
        if f.type == REF:
            del fields[f.name]
        else:
            fields[f.name] = kept
            kept_at = [i for i, v in enumerate(values) if v in allowed]
            renumbered.add(f.name)
            relocated.update((f"{f.name}[{j}]", node.locs[f"{f.name}[{i}]"]) for j, i in enumerate(kept_at)
                             if f"{f.name}[{i}]" in node.locs)
        attr = f.name if hasattr(node, f.name) else _ATTR[f.name]
        current = getattr(node, attr)
        if isinstance(current, tuple):
            changes[attr] = tuple(v for v in current if v in allowed)
        else:
            changes[attr] = "" if f.name == "metric" and isinstance(node, m.Outcome) else None
    if not changes:
        return node
    locs = {k: v for k, v in node.locs.items()
            if k.split("[")[0] in fields and not ("[" in k and k.split("[")[0] in renumbered)}
    locs.update(relocated)
    return replace(node, fields=MappingProxyType(fields), locs=MappingProxyType(locs), **changes)


def _kept(roadmap: m.Roadmap, visible: frozenset[tuple[str, str]] | None) -> dict[str, set[str]]:
    """The ids a public build keeps, by kind. A stage of an internal journey and a behaviour of a stage
    that is left out go too (their page would name what is internal); tactics follow their strategy."""
    keep = {kind: {i.id for i in roadmap.items(kind) if i.is_public and (visible is None or (kind, i.id) in visible)}
            for kind in m.KINDS}
    keep["stage"] = {s.id for s in roadmap.stages if s.id in keep["stage"] and (s.journey is None or
                                                                               s.journey in keep["journey"])}
    keep["behaviour"] = {b.id for b in roadmap.behaviours if b.id in keep["behaviour"] and b.stage in keep["stage"]}
    keep["tactic"] = {t.id for s, t in roadmap.tactics() if s.id in keep["strategy"]}
    return keep


def _strip_journey_parts(item: m.Item, keep: dict[str, set[str]]) -> m.Item:
    """A stage without its internal behaviours (title and entry as written), a journey without its
    internal stages, a strategy without the ids of tactics that are left out (none are)."""
    if isinstance(item, m.Journey):
        stages = tuple(s for s in item.stages if s in keep["stage"])
        return replace(item, stages=stages, fields=MappingProxyType({**item.fields, "stages": list(stages)}))
    if not isinstance(item, m.Stage):
        return item
    changes: dict = {}
    fields = dict(item.fields)
    for type, name in (("booster", "boosters"), ("blocker", "blockers")):
        pairs = [p for p in item.behaviour_list(type) if p[1] is None or p[1] in keep["behaviour"]]
        changes[name] = tuple(t for t, _ in pairs)
        changes[f"{type}_ids"] = tuple(i for _, i in pairs)
        if name in fields:
            fields[name] = [_kept_refs(e, BEHAVIOUR, keep) if isinstance(e, dict) else e for e in fields[name]
                            if not isinstance(e, dict) or e.get("id") in keep["behaviour"]]
    return replace(item, fields=MappingProxyType(fields), **changes)


def _kept_refs(written: dict, spec: Spec, keep: dict[str, set[str]]) -> dict:
    """An object as written without its references to what is left out (a behaviour's internal ``metric``,
    which its stage's ``boosters``/``blockers`` would show otherwise)."""
    out = dict(written)
    for f in spec.fields:
        if f.name in out and f.type == REF and out[f.name] not in keep.get(f.ref, ()):
            del out[f.name]
        elif f.name in out and f.type == REFS:
            out[f.name] = [v for v in out[f.name] if v in keep.get(f.ref, ())]
    return out


def for_audience(roadmap: m.Roadmap, audience: str,
                 visible: frozenset[tuple[str, str]] | None = None) -> tuple[m.Roadmap, list[Dropped]]:
    """The roadmap as ``audience`` may see it, and the references that had to go. ``visible``: for a public
    history, the ``(kind, id)`` of the items public at the built revision; others are left out too."""
    if audience != "public":
        return roadmap, []
    keep = _kept(roadmap, visible)
    dropped: list[Dropped] = []
    lists = {}
    for kind in m.KINDS:
        items = []
        for item in roadmap.items(kind):
            if item.id not in keep[kind]:
                continue
            new = _strip(item, ITEM_SPECS[kind], keep, item, dropped)
            new = _strip_journey_parts(new, keep)
            if isinstance(new, m.Okr):
                krs = tuple(_strip(kr, KEY_RESULT, keep, item, dropped) for kr in new.key_results)
                new = replace(new, key_results=krs, fields=MappingProxyType(
                    {**new.fields, "key_results": [dict(kr.fields) for kr in krs]}))
            items.append(new)
        lists[m.PLURAL[kind]] = tuple(items)
    fields = {k: v for k, v in roadmap.fields.items() if k in ("title", "vision", "mission")}
    public = replace(roadmap, review=None, fields=MappingProxyType(fields), **lists)
    return public, sorted(dropped, key=lambda d: (d.loc.path, d.loc.line, d.loc.column, d.field))
