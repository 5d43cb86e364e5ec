"""Item pages: header facts, what each kind shows, back-links and history."""

from __future__ import annotations

from typing import Any

from roadmap_gen.format import model as m
from roadmap_gen.site.urls import JOURNEY
from roadmap_gen.site.views import behaviours
from roadmap_gen.site.views.base import CONTENT_TOC, HISTORY_PAGE, Kit, Links, toc_entry
from roadmap_gen.site.views.cards import Cards
from roadmap_gen.site.views.chain import Chain
from roadmap_gen.site.views.facts import facts
from roadmap_gen.site.views.insights import Insights
from roadmap_gen.site.views.measures import key_results_naming, metric_chart, metric_page, okr_view
from roadmap_gen.site.views.related import Related
from roadmap_gen.site.views.trees import Trees


def _tree_keys(nodes: list[dict]):
    for n in nodes:
        yield "opportunity", n["id"]
        for h in n["solutions"]:
            yield "hypothesis", h["id"]
        yield from _tree_keys(n["children"])


def listed_above(extra: dict[str, Any]):
    """``(kind, id)`` of every item an item page lists in its own sections: cards, outcomes, tree nodes."""
    for card in [*extra.get("cards", ()), *(c for g in extra.get("groups", ()) for c in g["cards"])]:
        yield card["kind"], card["id"]
    for o in extra.get("outcomes", ()):
        yield "outcome", o["id"]
    for s in extra.get("strategies", ()):
        yield "strategy", s["id"]
    for o in [*extra.get("okrs", ()), *(kr["okr"] for kr in extra.get("key_results", ()))]:
        yield "okr", o["id"]
    yield from _tree_keys([*extra["tree"]["roots"]] if extra.get("tree") else extra.get("subtree", []))
    yield from extra.get("aimed", {}).get("keys", ())  # a behaviour's page lists the items aimed at it


class Items:
    """The view model of each item page (``build(at, item)``), by kind."""

    def __init__(self, kit: Kit, cards: Cards, related: Related, trees: Trees, insights: Insights) -> None:
        self.kit, self.cards, self.related, self.trees, self.insights = kit, cards, related, trees, insights
        self.chain = Chain(kit, cards, related)
        self.goalposts: Any = {}  # (kind, id, commit sha) -> goalposts moved (roadmap_gen.git.goalposts.by_item)

    def build(self, at: Links, item: m.Item) -> dict[str, Any]:
        kit, t = self.kit, self.kit.t
        extra, sections = getattr(self, f"_{item.kind}")(at, item)
        evidence = self.insights.section(at, item.kind, item.id)
        if evidence:  # drawn after the kind's details, before its related cards
            at_cards = next((i for i, e in enumerate(sections) if e["id"] == "related-items"), len(sections))
            sections = [*sections[:at_cards], toc_entry("evidence", t["evidence.title"]), *sections[at_cards:]]
        history = self.history(at, item)
        content = CONTENT_TOC
        if isinstance(item, m.Hypothesis) and item.body.strip():  # the body sits under a heading of its own
            content = {**CONTENT_TOC, **toc_entry("notes", t["item.notes"])}
        listed = set(listed_above(extra))
        listed.update(("insight", x["id"]) for g in (evidence or {}).get("groups", ()) for x in g["insights"])
        backlinks = self.backlinks(at, item, listed)
        # everything that refers here is on the page already (cards, outcomes, tree, evidence): no section repeats it
        all_above = not backlinks and any(key in listed for key in self._referrers(item))
        toc = [content, *sections]
        if not isinstance(item, m.Insight) and not all_above:  # nothing refers to an insight
            toc.append(toc_entry("referenced-by", t["item.referenced_by"]))
        if history:
            toc.append(toc_entry("history", t["item.history"]))
        return {"title": item.title, "toc": toc,
                "crumbs": kit.crumbs(at, kit.kind_crumb(at, item.kind), (item.title, None)),
                "item": {"id": item.id, "title": item.title, "kind": item.kind,
                         "kind_label": t[f"kind.{item.kind}"], "public": item.is_public},
                "status": kit.status(kit.status_of(item)), "stale": kit.stale_of(item), "facts": facts(kit, at, item),
                "backlinks": backlinks, "backlinks_above": all_above, "history": history, "evidence": evidence,
                "edit_url": f"{kit.edit_url.rstrip('/')}/{item.source}" if kit.edit_url else None, **extra}

    def _referrers(self, item: m.Item) -> set[tuple[str, str]]:
        return {(kind, id) for kind, id, _field in self.kit.f.backlinks.get((item.kind, item.id), ())}

    def backlinks(self, at: Links, item: m.Item, listed: set[tuple[str, str]] = frozenset()) -> list[dict]:
        """The items that refer to ``item`` by kind, but those ``listed`` on its page already."""
        groups: dict[str, list[dict]] = {}
        seen: set[tuple[str, str]] = set(listed)  # one entry per item, however many of its fields refer here
        for kind, id, _field in self.kit.f.backlinks.get((item.kind, item.id), ()):
            if kind == "insight":  # listed in the Evidence section
                continue
            r = self.kit.ref(at, kind, id)
            if r and (kind, id) not in seen:
                seen.add((kind, id))
                groups.setdefault(kind, []).append(r)
        return [{"kind": k, "label": self.kit.t[f"kinds.{k}"], "items": v} for k, v in groups.items()]

    def history(self, at: Links, item: m.Item) -> list[dict]:
        h = self.kit.history
        if h is None or not h.available:
            return []
        changes = at.page(HISTORY_PAGE)
        return [{"date": self.kit.when(e.date), "sha": e.short_sha, "subject": e.title or e.commit.subject,
                 "summary": e.summary, "url": f"{changes}#{e.anchor}",
                 "goalposts": [g.phrase for g in self.goalposts.get((item.kind, item.id, e.sha), ())]}
                for e in h.for_item(item.kind, item.id)]

    def _cards_section(self, at: Links, items, label: str) -> tuple[list[dict], list[dict]]:
        cards = self.cards.cards(at, items)
        return cards, [toc_entry("related-items", label)] if cards else []

    # -- by kind -------------------------------------------------------------------------------
    def _theme(self, at: Links, item: m.Theme):
        cards, toc = self._cards_section(at, self.related.theme.get(item.id, []), self.kit.t["theme.items"])
        return {"cards": cards}, toc

    def _question(self, at: Links, item: m.Question):
        cards, toc = self._cards_section(at, self.related.question.get(item.id, []), self.kit.t["kinds.hypothesis"])
        return {"cards": cards}, toc

    def _hypothesis(self, at: Links, item: m.Hypothesis):
        kit, t = self.kit, self.kit.t
        experiments = [{"title": e.title, "status": kit.status(e.status),
                        "start": kit.when(e.start), "end": kit.when(e.end), "result": e.result}
                       for e in sorted(item.experiments, key=lambda e: (e.start is None, e.start or 0))]
        outcomes = [kit.outcome_summary(at, o, f"hyp-{o.id}") for o in
                    (kit.r.get("outcome", i) for i in item.outcomes) if o]
        toc = [toc_entry("experiments", t["hyp.experiments"])]
        if item.links:
            toc.append(toc_entry("links", t["item.links"]))
        view = {"confidence": item.confidence, "experiments": experiments, "outcome_progress": outcomes,
                "links": [{"title": k.title, "url": k.url} for k in item.links]}
        return self._key_results(at, item, view, toc)

    def _key_results(self, at: Links, item: m.Item, view: dict, toc: list[dict]):
        """An outcome's or hypothesis's view with the key results naming it, after the kind's own sections."""
        view["key_results"] = key_results_naming(self.kit, at, item.kind, item.id, f"{item.kind}-{item.id}-krs")
        if view["key_results"]:
            at_cards = next((i for i, e in enumerate(toc) if e["id"] == "related-items"), len(toc))
            toc = [*toc[:at_cards], toc_entry("key-results", self.kit.t["item.key_results"]), *toc[at_cards:]]
        return view, toc

    def _outcome(self, at: Links, item: m.Outcome):
        kit = self.kit
        metric = kit.r.get("metric", item.metric) if item.metric else None
        p = kit.f.outcomes[item.id]
        chart = metric_chart(kit, metric, f"outcome-{item.id}-chart", target=p.target, by=p.by) if metric else None
        cards, toc = self._cards_section(at, self.related.board_outcome.get(item.id, []), kit.t["outcome.items"])
        view = {"progress": kit.progress(p, metric, f"outcome-{item.id}", item.title), "chart": chart,
                "tree": self.trees.tree(at, item), "cards": cards}
        return self._key_results(at, item, view, [toc_entry("tree", kit.t["tree.title"]), *toc])

    def _opportunity(self, at: Links, item: m.Opportunity):
        kit = self.kit
        children = self.related.parent.get(item.id, [])
        cards, toc = self._cards_section(at, self.related.opportunity.get(item.id, []), kit.t["kinds.hypothesis"])
        subtree = self.trees.nodes(at, item.id, frozenset({item.id}))
        tree_toc = [toc_entry("tree", kit.t["tree.title"])] if subtree or cards else []
        return {"subtree": subtree, "children": kit.refs(at, "opportunity", (c.id for c in children)),
                "cards": cards}, tree_toc + toc

    def _stage(self, at: Links, item: m.Stage):
        kit, t = self.kit, self.kit.t
        items = self.related.board_stage.get(item.id, [])
        groups = [{"title": t[f"horizon.{h}"], "horizon": h, "cards": self.cards.cards(
            at, [i for i in items if i.horizon == h])} for h in m.HORIZONS]
        outcomes = [kit.outcome_summary(at, o, f"stage-{o.id}") for o in self.related.outcome_stage.get(item.id, ())]
        toc = [toc_entry("behaviours", t["stage.behaviours"])]
        if outcomes:
            toc.append(toc_entry("outcomes", t["stage.outcomes"]))
        toc.append(toc_entry("related-items", t["stage.items"]))
        return {"boosters": list(item.boosters), "blockers": list(item.blockers), "groups": groups,
                "behaviours": behaviours.stage_behaviours(kit, at, item),
                "outcomes": outcomes, "board_url": at.page(JOURNEY) + f"#stage-{item.id}"}, toc

    def _behaviour(self, at: Links, item: m.Behaviour):
        return behaviours.page(self.kit, self.cards, at, item)

    def _metric(self, at: Links, item: m.Metric):
        t = self.kit.t
        view = metric_page(self.kit, at, item)
        toc = [toc_entry("measurements", t["metric.measurements"])]
        if view["notes"]:
            toc.append(toc_entry("notes", t["metric.notes"]))
        return view, toc

    def _okr(self, at: Links, item: m.Okr):
        return {"okr": okr_view(self.kit, at, item, f"okr-{item.id}")}, []

    def _goal(self, at: Links, item: m.Goal):
        return self.chain.goal(at, item)

    def _strategy(self, at: Links, item: m.Strategy):
        return self.chain.strategy(at, item)

    def _insight(self, at: Links, item: m.Insight):
        return self.insights.page(at, item)
