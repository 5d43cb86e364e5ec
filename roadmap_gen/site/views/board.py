"""The journey board and the index page of each kind."""

from __future__ import annotations

from typing import Any

from roadmap_gen.format import model as m
from roadmap_gen.site.urls import JOURNEY, index_page
from roadmap_gen.site.views import behaviours
from roadmap_gen.site.views.base import BOARD_KINDS, KPIS_PAGE, Kit, Links, toc_entry
from roadmap_gen.site.views.cards import Cards, filters
from roadmap_gen.site.views.related import Related, card_order


def _column(kit: Kit, at: Links, related: Related, st: m.Stage) -> dict:
    outcomes = []
    for o in related.outcome_stage.get(st.id, []):
        bar = kit.progress(kit.f.outcomes[o.id], kit.r.get("metric", o.metric), f"board-{st.id}-{o.id}", o.title)
        outcomes.append({**kit.ref(at, "outcome", o.id), "progress": bar})
    return {"id": st.id, "title": st.title, "url": at.item("stage", st.id), "description": st.description,
            "boosters": list(st.boosters), "blockers": list(st.blockers), "outcomes": outcomes,
            "behaviours": behaviours.stage_behaviours(kit, at, st)}


def _board(kit: Kit, cards: Cards, related: Related, at: Links, journey: m.Journey | None,
           stages: tuple[m.Stage, ...], keyed: bool) -> dict:
    """One journey's board: its columns (stages), rows (horizons) and filter form. ``keyed``: the page shows
    several boards, so each board's filters are kept in the URL under its journey's id (``?client.status=``)."""
    ids = {st.id for st in stages}
    # a public item whose stages are all internal has lost them: it sits on no column, so no card,
    # count or filter option of the board may come from it
    items = [it for it in related.board_items if any(s in ids for s in it.stages)]
    by_key = {(it.kind, it.id): cards.card(at, it) for it in items}
    rows = []
    for h in m.HORIZONS:
        cells = [{"stage": st.id, "stage_title": st.title,
                  "cards": [by_key[it.kind, it.id] for it in related.board_stage.get(st.id, ()) if it.horizon == h]}
                 for st in stages]
        rows.append({"horizon": h, "label": kit.t[f"horizon.{h}"], "cells": cells})
    ref = behaviours.journey_ref(kit, at, journey)
    return {"journey": ref, "target": f"board-{journey.id}" if journey else "board",
            "param": f"{journey.id}." if journey and keyed else "",
            "label": journey.title if journey else kit.t["board.title"],
            "columns": [_column(kit, at, related, st) for st in stages], "rows": rows,
            "filters": filters(kit, list(by_key.values()))}


def boards(kit: Kit, cards: Cards, related: Related, at: Links, only: str | None = None) -> list[dict]:
    """Every journey's board in file order (one, without a journey, for a v1 roadmap), or journey ``only``'s."""
    found = [(j, stages) for j, stages in kit.r.boards() if only is None or (j is not None and j.id == only)]
    found = found or ([] if only else [(None, ())])  # a roadmap without stages still has its (empty) board
    return [_board(kit, cards, related, at, j, stages, len(found) > 1) for j, stages in found]


def board(kit: Kit, cards: Cards, related: Related, at: Links) -> dict:
    """``journey/``: every journey's board, one after the other. ``columns``, ``rows`` and ``filters`` are the
    first board's, as in a v1 roadmap (for templates written before several journeys)."""
    all_boards = boards(kit, cards, related, at)
    several = any(b["journey"] for b in all_boards)
    return {"title": kit.t["board.title"], "toc": [], "crumbs": kit.crumbs(at, (kit.t["nav.journey"], None)),
            "boards": all_boards, "journeys": [b["journey"] for b in all_boards if b["journey"]],
            "intro": kit.t["board.intro_journeys" if several else "board.intro"],
            **{k: all_boards[0][k] for k in ("columns", "rows", "filters")}}


def journey_page(kit: Kit, cards: Cards, related: Related, id: str, at: Links) -> dict:
    """``journeys/<id>/``: one journey's board on its own page."""
    t = kit.t
    (b,) = boards(kit, cards, related, at, only=id)
    j = b["journey"]
    crumbs = kit.crumbs(at, (t["kinds.journey"], at.page(index_page("journey"))), (j["title"], None))
    return {"title": j["title"], "toc": [], "crumbs": crumbs, "board": b, "journey": j,
            "all_url": at.page(JOURNEY) + f"#{j['anchor']}"}


def journeys_index(kit: Kit, related: Related, at: Links) -> dict:
    """``journeys/``: each journey with its description, stages, and what sits on its board."""
    t, out = kit.t, []
    for j, stages in kit.r.boards():
        if j is None:
            continue
        listed = [behaviours.stage_behaviours(kit, at, st) for st in stages]
        work = {(it.kind, it.id) for st in stages for it in related.board_stage.get(st.id, ())}
        unaddressed = sum(x["unaddressed"] for x in listed)
        out.append({**behaviours.journey_ref(kit, at, j), "stages": kit.refs(at, "stage", (s.id for s in stages)),
                    "count": len(work), "count_text": behaviours.count_text(kit, len(work)),
                    "behaviours": sum(1 for x in listed for b in (*x["boosters"], *x["blockers"]) if b["url"]),
                    "unaddressed": unaddressed,
                    "unaddressed_text": t["behaviour.unaddressed_count"].format(count=unaddressed)})
    return {"title": t["kinds.journey"], "toc": [], "crumbs": kit.crumbs(at, (t["kinds.journey"], None)),
            "journeys": out, "board_url": at.page(JOURNEY)}


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
        by_id = {s["id"]: s for s in ctx["stages"]}  # several journeys: their stages under each journey's title
        ctx["journeys"] = [{"journey": behaviours.journey_ref(kit, at, j), "stages": [by_id[s.id] for s in stages]}
                           for j, stages in kit.r.boards() if j is not None]
    elif kind == "outcome":
        ctx["outcomes"] = [{**kit.outcome_summary(at, o, f"index-{o.id}"),
                            "evidence": cards.insights.counts("outcome", o.id)} for o in items]
    elif kind == "metric":
        from roadmap_gen.site.views.measures import metric_card

        ctx["kpis_url"] = at.page(KPIS_PAGE)
        ctx["metrics"] = [metric_card(kit, at, mt, compact=True) for mt in items]
    return ctx
