"""The chain from goal to experiment, both ways: the goal and strategy pages, and what the home page shows
of it (each strategy's outcomes with their status, the work carrying out each tactic).

goal → strategies (``strategy.goal``) → outcomes (``outcome.strategy``) → the themes, questions and
hypotheses of those outcomes (named directly, or a hypothesis through an opportunity in their tree);
a strategy's OKRs (``okr.strategy``); a tactic's themes and hypotheses (``tactic:``).
"""

from __future__ import annotations

from roadmap_gen.format import model as m
from roadmap_gen.site.views.base import Kit, Links, toc_entry
from roadmap_gen.site.views.cards import Cards
from roadmap_gen.site.views.measures import metric_card, metric_chart, okr_view
from roadmap_gen.site.views.related import Related, card_order


def with_status(kit: Kit, at: Links, item: m.Item) -> dict:
    """A link to ``item`` with its status as a badge (``status``: key and label) and its stale marker."""
    return {**kit.ref(at, item.kind, item.id), "status": kit.status(kit.status_of(item))}


def metric_value(kit: Kit, metric_id: str | None) -> dict | None:
    """A metric's current value and target as a strategy's line shows them, and whether it is stale."""
    mt = kit.r.get("metric", metric_id) if metric_id else None
    if mt is None:
        return None
    mf = kit.f.metrics[mt.id]
    current, target = kit.nums(mf.current, mt.target.value if mt.target else None, unit=mt.unit)
    stale = kit.stale_flag(mf.stale, mt.id)
    if stale:  # a metric's own stale state, in its own word
        stale["label"] = kit.t["metric.stale"]
    return {"current": current, "stale": stale, "target": target if mt.target else None}


def strategy_outcomes(kit: Kit, related: Related, at: Links, strategy_id: str) -> list[dict]:
    return [with_status(kit, at, o) for o in related.strategy_outcomes.get(strategy_id, ())]


def tactics(kit: Kit, related: Related, at: Links, s: m.Strategy) -> list[dict]:
    """A strategy's tactics in file order, each with the themes and hypotheses that name it."""
    return [{"id": x.id, "anchor": f"tactic-{x.id}" if x.id else None, "title": x.title, "active": x.active,
             "description": x.description,
             "items": [with_status(kit, at, i) for i in related.tactic.get(x.id, ())] if x.id else []}
            for x in s.tactics]


class Chain:
    """The view models of goal and strategy pages (``goal(at, item)``, ``strategy(at, item)``)."""

    def __init__(self, kit: Kit, cards: Cards, related: Related) -> None:
        self.kit, self.cards, self.related = kit, cards, related

    def strategy_summary(self, at: Links, s: m.Strategy) -> dict:
        kit = self.kit
        return {**kit.ref(at, "strategy", s.id), "active": s.active, "metric": kit.ref(at, "metric", s.metric),
                "metric_value": metric_value(kit, s.metric),
                "outcomes": strategy_outcomes(kit, self.related, at, s.id)}

    def okrs(self, at: Links, strategies, pid: str) -> list[dict]:
        return [okr_view(self.kit, at, okr, f"{pid}-{okr.id}")
                for s in strategies for okr in self.related.strategy_okrs.get(s.id, ())]

    def goal(self, at: Links, g: m.Goal) -> tuple[dict, list[dict]]:
        kit, t = self.kit, self.kit.t
        metric = kit.r.get("metric", g.metric) if g.metric else None
        p = kit.f.goals.get(g.id)
        strategies = self.related.goal_strategies.get(g.id, [])
        okrs = self.okrs(at, strategies, f"goal-{g.id}")
        view = {"progress": kit.progress(p, metric, f"goal-{g.id}", g.title) if p and metric else None,
                "chart": metric_chart(kit, metric, f"goal-{g.id}-chart", target=p.target, by=p.by)
                if p and metric else None,
                "strategies": [self.strategy_summary(at, s) for s in strategies], "okrs": okrs,
                "north_star": g.north_star}
        toc = [toc_entry("strategies", t["kinds.strategy"])]
        if okrs:
            toc.append(toc_entry("okrs", t["goal.okrs"]))
        return view, toc

    def strategy(self, at: Links, s: m.Strategy) -> tuple[dict, list[dict]]:
        kit, t = self.kit, self.kit.t
        metric = kit.r.get("metric", s.metric) if s.metric else None
        outcomes = self.related.strategy_outcomes.get(s.id, [])
        okrs = self.okrs(at, [s], f"strategy-{s.id}")
        groups = self.work(at, outcomes)
        view = {"active": s.active, "metric": metric_card(kit, at, metric, compact=True) if metric else None,
                "tactics": tactics(kit, self.related, at, s), "okrs": okrs, "groups": groups,
                "outcomes": [kit.outcome_summary(at, o, f"strategy-{o.id}") for o in outcomes]}
        toc = [toc_entry("metric", t["strategy.metric"])]
        if s.tactics:
            toc.append(toc_entry("tactics", t["vmgs.tactics"]))
        toc.append(toc_entry("outcomes", t["kinds.outcome"]))
        if okrs:
            toc.append(toc_entry("okrs", t["kinds.okr"]))
        toc.append(toc_entry("related-items", t["strategy.work"]))
        return view, toc

    def work(self, at: Links, outcomes: list[m.Outcome]) -> list[dict]:
        """The themes, questions and hypotheses of ``outcomes`` as cards, by horizon (empty horizons left out)."""
        ids = {o.id for o in outcomes}
        items = {(i.kind, i.id): i for o in outcomes for i in self.related.board_outcome.get(o.id, ())}
        for h in self.kit.r.hypotheses:  # a hypothesis serves an outcome through an opportunity, too
            if h.opportunity and ids.intersection(self.kit.r.tree_outcomes(h.opportunity)):
                items.setdefault((h.kind, h.id), h)
        ordered = sorted(items.values(), key=card_order)
        groups = [{"title": self.kit.t[f"horizon.{h}"], "horizon": h,
                   "cards": self.cards.cards(at, [i for i in ordered if i.horizon == h])} for h in m.HORIZONS]
        return [g for g in groups if g["cards"]]
