"""Opportunity solution trees: outcome -> opportunities -> solutions (hypotheses) -> experiments."""

from __future__ import annotations

from roadmap_gen.format import model as m
from roadmap_gen.site.views.base import Kit, Links, toc_entry
from roadmap_gen.site.views.related import Related


class Trees:
    def __init__(self, kit: Kit, related: Related) -> None:
        self.kit, self.related = kit, related

    def nodes(self, at: Links, parent: str, seen: frozenset[str] = frozenset()) -> list[dict]:
        return [self.node(at, o, seen | {o.id}) for o in self.related.parent.get(parent, ()) if o.id not in seen]

    def node(self, at: Links, o: m.Opportunity, seen: frozenset[str]) -> dict:
        kit = self.kit
        solutions = []
        for h in self.related.opportunity.get(o.id, ()):
            url = at.item("hypothesis", h.id)
            solutions.append({**kit.ref(at, "hypothesis", h.id), "status": kit.status(h.status),
                              "experiments": [{"title": e.title, "status": kit.status(e.status), "url": url}
                                              for e in h.experiments]})
        return {**kit.ref(at, "opportunity", o.id), "children": self.nodes(at, o.id, seen), "solutions": solutions}

    def tree(self, at: Links, outcome: m.Outcome) -> dict:
        roots = [self.node(at, o, frozenset({o.id})) for o in self.related.root.get(outcome.id, ())]
        return {"outcome": self.kit.ref(at, "outcome", outcome.id), "roots": roots}

    def index(self, at: Links) -> dict:
        kit = self.kit
        trees = [self.tree(at, o) for o in kit.r.outcomes]
        orphans = [o for o in kit.r.opportunities if not o.parent and not o.outcome]
        with_roots = [t for t in trees if t["roots"]]
        toc = [toc_entry(f"tree-{t['outcome']['id']}", t["outcome"]["title"]) for t in with_roots]
        if orphans:
            toc.append(toc_entry("unrooted", kit.t["tree.unrooted"]))
        return {"title": kit.t["opportunities.title"], "trees": with_roots, "toc": toc,
                "empty": [t["outcome"] for t in trees if not t["roots"]],
                "orphans": kit.refs(at, "opportunity", (o.id for o in orphans)),
                "crumbs": kit.crumbs(at, (kit.t["nav.opportunities"], None))}
