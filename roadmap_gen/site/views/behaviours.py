"""Journey behaviours (content format 1.1): boosters and blockers in a stage's column and on its page, a page
per behaviour with an id (``behaviours/<id>/``) and the ``behaviours/`` index.

A behaviour is *aimed at* by every outcome, opportunity, theme, question and hypothesis that names it
(:attr:`~roadmap_gen.compile.compute.Figures.addressed`); a blocker with an id that nothing names is
*unaddressed* and is marked so, in words, wherever it is listed. A plain-text booster or blocker has no
page and no count: it is shown as text, as in a v1 roadmap.
"""

from __future__ import annotations

from typing import Any

from roadmap_gen.format import model as m
from roadmap_gen.site.views.base import Kit, Links, toc_entry
from roadmap_gen.site.views.cards import Cards
from roadmap_gen.site.views.measures import metric_card

TYPES = {"booster": "boosters", "blocker": "blockers"}


def is_unaddressed(kit: Kit, b: m.Behaviour) -> bool:
    """A blocker with an id that no item aims at (a booster nothing aims at is only not worked on)."""
    return b.type == "blocker" and not kit.f.addressed.get(b.id)


def count_text(kit: Kit, n: int) -> str:
    """``3 items``: how many items aim at a behaviour."""
    return f"{n} {kit.t['count.item'] if n == 1 else kit.t['count.items']}"


def entry(kit: Kit, at: Links, title: str, id: str | None) -> dict[str, Any]:
    """One booster or blocker in a list: its title, and for one with an id its page, count and mark."""
    b = kit.r.get("behaviour", id) if id else None
    if b is None:  # plain text, as in v1
        return {"title": title, "url": None, "count": None, "count_text": "", "unaddressed": False}
    n = len(kit.f.addressed.get(b.id, ()))
    return {"id": b.id, "title": b.title, "url": at.item("behaviour", b.id), "count": n,
            "count_text": count_text(kit, n), "unaddressed": is_unaddressed(kit, b)}


def stage_behaviours(kit: Kit, at: Links, st: m.Stage) -> dict[str, Any]:
    """A stage's boosters and blockers as :func:`entry` dicts, and how many of its blockers are unaddressed."""
    out: dict[str, Any] = {plural: [entry(kit, at, title, id) for title, id in st.behaviour_list(type)]
                           for type, plural in TYPES.items()}
    out["unaddressed"] = sum(1 for b in out["blockers"] if b["unaddressed"])
    out["unaddressed_text"] = kit.t["behaviour.unaddressed_count"].format(count=out["unaddressed"])
    out["linked"] = any(b["url"] for b in (*out["boosters"], *out["blockers"]))
    return out


def aimed_at(kit: Kit, cards: Cards, at: Links, b: m.Behaviour) -> dict[str, Any]:
    """The items aimed at a behaviour: outcomes with their progress, opportunities as links, and the work
    (themes, questions, hypotheses) as cards."""
    by = kit.f.addressed.get(b.id, ())
    outcomes = [kit.outcome_summary(at, o, f"behaviour-{o.id}") for o in
                (kit.r.get("outcome", id) for kind, id in by if kind == "outcome") if o]
    work = [x for x in (kit.r.get(kind, id) for kind, id in by if kind in ("theme", "question", "hypothesis")) if x]
    return {"count": len(by), "outcomes": outcomes,
            "opportunities": kit.refs(at, "opportunity", (id for kind, id in by if kind == "opportunity")),
            "cards": cards.cards(at, work), "unaddressed": is_unaddressed(kit, b),
            "keys": list(by)}


def page(kit: Kit, cards: Cards, at: Links, b: m.Behaviour) -> tuple[dict[str, Any], list[dict]]:
    """A behaviour's page beyond its header: its metric (current value, chart) and the items aimed at it."""
    t = kit.t
    metric = kit.r.get("metric", b.metric) if b.metric else None
    aimed = aimed_at(kit, cards, at, b)
    toc = [toc_entry("metric", t["item.metric"])] if metric else []
    toc.append(toc_entry("aimed-at", t["behaviour.aimed"]))
    return {"behaviour": {"type": b.type, "type_label": t[f"behaviour.type.{b.type}"],
                          "unaddressed": aimed["unaddressed"]},
            "metric": metric_card(kit, at, metric) if metric else None, "aimed": aimed}, toc


def index(kit: Kit, at: Links) -> dict[str, Any]:
    """``behaviours/``: every behaviour with an id, by journey and stage, with counts and unaddressed marks."""
    t = kit.t
    journeys = []
    for journey, stages in kit.r.boards():
        groups = []
        for st in stages:
            listed = stage_behaviours(kit, at, st)
            rows = [{**x, "type": type, "type_label": t[f"behaviour.type.{type}"]}
                    for type, plural in TYPES.items() for x in listed[plural] if x["url"]]
            if rows:
                groups.append({**kit.ref(at, "stage", st.id), "behaviours": rows})
        if groups:
            journeys.append({"journey": journey_ref(kit, at, journey), "stages": groups})
    unaddressed = sum(1 for b in kit.r.behaviours if is_unaddressed(kit, b))
    # the table of contents: the journeys, or (one journey, v1) its stages
    toc = []
    for j in journeys:
        if j["journey"]:
            toc.append(toc_entry(j["journey"]["anchor"], j["journey"]["title"]))
        else:
            toc.extend(toc_entry(f"stage-{st['id']}", st["title"]) for st in j["stages"])
    return {"title": t["kinds.behaviour"], "toc": toc, "journeys": journeys,
            "crumbs": kit.crumbs(at, (t["kinds.behaviour"], None)), "count": len(kit.r.behaviours),
            "unaddressed": unaddressed, "unaddressed_text": t["behaviour.unaddressed_count"].format(count=unaddressed)}


def journey_ref(kit: Kit, at: Links, journey: m.Journey | None) -> dict[str, Any] | None:
    """A journey's title, description and its own board's address (None for a v1 roadmap's one journey)."""
    if journey is None:
        return None
    return {"id": journey.id, "title": journey.title, "description": journey.description,
            "url": at.item("journey", journey.id), "anchor": f"journey-{journey.id}"}
