"""The journey board and the index page of each kind."""

from __future__ import annotations

from typing import Any

from roadmap_gen.format import model as m
from roadmap_gen.site.views.base import BOARD_KINDS, KPIS_PAGE, Kit, Links, toc_entry
from roadmap_gen.site.views.cards import Cards, filters
from roadmap_gen.site.views.related import Related, card_order


def _column(kit: Kit, at: Links, related: Related, st: m.Stage) -> dict:
    outcomes = []
    for o in related.outcome_stage.get(st.id, []):
        bar = kit.progress(kit.f.outcomes[o.id], kit.r.get("metric", o.metric), f"board-{st.id}-{o.id}", o.title)
        outcomes.append({**kit.ref(at, "outcome", o.id), "progress": bar})
    return {"id": st.id, "title": st.title, "url": at.item("stage", st.id), "description": st.description,
            "boosters": list(st.boosters), "blockers": list(st.blockers), "outcomes": outcomes}


def board(kit: Kit, cards: Cards, related: Related, at: Links) -> dict:
    # a public item whose stages are all internal has lost them: it sits on no column, so no card,
    # count or filter option of the board may come from it
    items = [it for it in related.board_items if it.stages]
    by_key = {(it.kind, it.id): cards.card(at, it) for it in items}
    rows = []
    for h in m.HORIZONS:
        cells = [{"stage": st.id, "stage_title": st.title,
                  "cards": [by_key[it.kind, it.id] for it in related.board_stage.get(st.id, ()) if it.horizon == h]}
                 for st in kit.r.stages]
        rows.append({"horizon": h, "label": kit.t[f"horizon.{h}"], "cells": cells})
    return {"title": kit.t["board.title"], "toc": [], "crumbs": kit.crumbs(at, (kit.t["nav.journey"], None)),
            "columns": [_column(kit, at, related, st) for st in kit.r.stages], "rows": rows,
            "filters": filters(kit, list(by_key.values()))}


def kind_index(kit: Kit, cards: Cards, related: Related, kind: str, at: Links) -> dict:
    t, items = kit.t, kit.r.items(kind)
    ctx: dict[str, Any] = {"kind": kind, "title": t[f"kinds.{kind}"], "toc": [],
                           "crumbs": kit.crumbs(at, (t[f"kinds.{kind}"], None))}
    if kind in BOARD_KINDS:
        all_cards = cards.cards(at, sorted(items, key=card_order))
        groups = [{"title": t[f"horizon.{h}"], "horizon": h, "cards": [c for c in all_cards if c["horizon"] == h]}
                  for h in m.HORIZONS]
        ctx.update(groups=[g for g in groups if g["cards"]], filters=filters(kit, all_cards, kinds=False))
        ctx["toc"] = [toc_entry(g["horizon"], g["title"]) for g in ctx["groups"]]
    elif kind == "stage":
        ctx["stages"] = [{**kit.ref(at, "stage", s.id), "description": s.description,
                          "count": len(related.board_stage.get(s.id, ()))} for s in kit.r.stages]
    elif kind == "outcome":
        ctx["outcomes"] = [{**kit.outcome_summary(at, o, f"index-{o.id}"),
                            "evidence": cards.insights.counts("outcome", o.id)} for o in items]
    elif kind == "metric":
        from roadmap_gen.site.views.measures import metric_card

        ctx["kpis_url"] = at.page(KPIS_PAGE)
        ctx["metrics"] = [metric_card(kit, at, mt, compact=True) for mt in items]
    return ctx
