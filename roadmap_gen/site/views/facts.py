"""The facts in an item page's header: its references and attributes, label -> value(s)."""

from __future__ import annotations

from roadmap_gen.format import model as m
from roadmap_gen.site.views.base import Kit, Links


def tactic_ref(kit: Kit, at: Links, tactic_id: str | None) -> dict | None:
    """A link to a tactic, on its strategy's page: for the facts of a theme or hypothesis naming it."""
    for s, x in kit.r.tactics() if tactic_id else ():
        if x.id == tactic_id:
            return {"title": x.title, "url": at.item("strategy", s.id) + f"#tactic-{x.id}"}
    return None


def chain_facts(kit: Kit, at: Links, item: m.Item, add) -> None:
    """The facts of goals and strategies, and the tactic a theme or hypothesis carries out."""
    t = kit.t
    if isinstance(item, m.Goal):
        metric = kit.r.get("metric", item.metric) if item.metric else None
        add(t["item.metric"], refs=kit.refs(at, "metric", [item.metric] if item.metric else []))
        by = kit.when(item.by)
        if item.target is not None:
            target = kit.num(item.target, metric.unit if metric else "")
            add(t["vmgs.target"], f"{target} {t['vmgs.by']} {by['text']}" if by else target)
        elif by:
            add(t["diff.deadline"], by["text"])
    if isinstance(item, m.Strategy):
        add(t["vmgs.goal"], refs=kit.refs(at, "goal", [item.goal] if item.goal else []))
        add(t["strategy.active"], t["strategy.yes"] if item.active else t["strategy.no"])
    if isinstance(item, (m.Theme, m.Hypothesis)):
        tactic = tactic_ref(kit, at, item.tactic)
        add(t["item.tactic"], refs=[tactic] if tactic else None)


def facts(kit: Kit, at: Links, item: m.Item) -> list[dict]:
    t = kit.t
    rows: list[dict] = []

    def add(label: str, value=None, refs=None):
        if value or refs:
            rows.append({"label": label, "value": value, "refs": refs or []})

    def one(kind: str, id: str | None) -> list[dict]:
        return kit.refs(at, kind, [id] if id else [])

    board_item = isinstance(item, (m.Theme, m.Question, m.Hypothesis))
    if board_item:
        add(t["item.horizon"], t[f"horizon.{item.horizon}"])
    stages = getattr(item, "stages", ())
    add(t["item.stages"] if len(stages) > 1 else t["item.stage"], refs=kit.refs(at, "stage", stages))
    if board_item:
        add(t["item.outcomes"] if len(item.outcomes) > 1 else t["item.outcome"],
            refs=kit.refs(at, "outcome", item.outcomes))
    if isinstance(item, (m.Question, m.Hypothesis)) and item.theme:
        add(t["item.theme"], refs=one("theme", item.theme))
    if isinstance(item, m.Hypothesis):
        add(t["item.question"], refs=one("question", item.question))
        add(t["item.opportunity"], refs=one("opportunity", item.opportunity))
        if item.confidence:
            add(t["item.confidence"], t[f"confidence.{item.confidence}"])
    if isinstance(item, m.Opportunity):
        tree = kit.r.tree_outcomes(item.id)
        add(t["item.outcomes"] if len(tree) > 1 else t["item.outcome"], refs=kit.refs(at, "outcome", tree))
        add(t["item.parent"], refs=one("opportunity", item.parent))
    if isinstance(item, m.Outcome):
        add(t["item.strategy"], refs=one("strategy", item.strategy))
        add(t["item.metric"], refs=one("metric", item.metric))
    if isinstance(item, m.Insight):
        add(t["insight.source"], item.source_text)
        add(t["insight.segment"], item.segment)
        add(t["insight.date"], kit.when(item.date)["text"])
        add(t["insight.link"], refs=[{"url": item.url, "title": item.url}] if item.url else None)
    chain_facts(kit, at, item, add)
    add(t["item.team"], getattr(item, "team", None))
    rows.extend(journey_facts(kit, at, item))
    return rows


def journey_facts(kit: Kit, at: Links, item: m.Item) -> list[dict]:
    """Content format 1.1: a stage's journey; a behaviour's journey, stage, type and metric; the behaviours an
    outcome, opportunity, theme, question or hypothesis aims at."""
    t, rows = kit.t, []
    if isinstance(item, m.Behaviour):
        stage = kit.r.get("stage", item.stage)
        rows.append({"label": t["kind.journey"], "value": None,
                     "refs": kit.refs(at, "journey", [stage.journey] if stage and stage.journey else [])})
        rows.append({"label": t["item.stage"], "value": None, "refs": kit.refs(at, "stage", [item.stage])})
        rows.append({"label": t["behaviour.type"], "value": t[f"behaviour.type.{item.type}"], "refs": []})
        rows.append({"label": t["item.metric"], "value": None,
                     "refs": kit.refs(at, "metric", [item.metric] if item.metric else [])})
    if isinstance(item, m.Stage) and item.journey:
        rows.append({"label": t["kind.journey"], "value": None, "refs": kit.refs(at, "journey", [item.journey])})
    aims = kit.refs(at, "behaviour", getattr(item, "behaviours", ()))
    if not isinstance(item, m.Insight):  # an insight's behaviours are what it is evidence for
        rows.append({"label": t["kinds.behaviour" if len(aims) > 1 else "kind.behaviour"], "value": None,
                     "refs": aims})
    return [r for r in rows if r["value"] or r["refs"]]
