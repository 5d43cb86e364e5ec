"""The home page: the VMGS one-pager (vision, mission, goals, strategies, review)."""

from __future__ import annotations

from roadmap_gen.format import model as m
from roadmap_gen.site.sources import inert, text_block
from roadmap_gen.site.urls import JOURNEY, index_page
from roadmap_gen.site.views.base import KPIS_PAGE, Kit, Links, toc_entry
from roadmap_gen.site.views.chain import metric_value, strategy_outcomes, tactics
from roadmap_gen.site.views.behaviours import journey_ref
from roadmap_gen.site.views.related import Related


def statements_markdown(kit: Kit) -> str:
    """Vision and mission, the searchable text of the home page."""
    r, t = kit.r, kit.t
    return ('<div class="rg-vmgs__statements">'
            f'<section class="rg-vmgs__statement" aria-labelledby="vision"><h2 id="vision">{inert(t["vmgs.vision"])}</h2>'
            f'{text_block("p", "rg-vmgs__text", r.vision)}</section>'
            f'<section class="rg-vmgs__statement" aria-labelledby="mission"><h2 id="mission">{inert(t["vmgs.mission"])}'
            f'</h2>{text_block("p", "rg-vmgs__text", r.mission)}</section></div>')


def _goal(kit: Kit, at: Links, g: m.Goal) -> dict:
    metric = kit.r.get("metric", g.metric) if g.metric else None
    p = kit.f.goals.get(g.id)
    # the target as the progress bar beside it writes it, with the baseline and current value
    target = kit.nums(*((p.baseline, p.current) if p else (None, None)), g.target,
                      unit=metric.unit if metric else "")[2]
    return {"id": g.id, "anchor": f"goal-{g.id}", "title": g.title, "url": at.item("goal", g.id),
            "north_star": g.north_star,
            "description": g.description, "metric": kit.ref(at, "metric", g.metric),
            "target": target if g.target is not None else None, "by": kit.when(g.by),
            "progress": kit.progress(p, metric, f"goal-{g.id}-progress", g.title) if p and metric else None}


def _strategy(kit: Kit, related: Related, at: Links, s: m.Strategy) -> dict:
    return {"id": s.id, "anchor": f"strategy-{s.id}", "title": s.title, "description": s.description,
            "url": at.item("strategy", s.id), "goal": kit.ref(at, "goal", s.goal),
            "metric": kit.ref(at, "metric", s.metric), "metric_value": metric_value(kit, s.metric),
            "tactics": tactics(kit, related, at, s), "outcomes": strategy_outcomes(kit, related, at, s.id)}


def journey_strip(kit: Kit, related: Related, at: Links, stages=None) -> list[dict]:
    """Each stage (of ``stages``, by default all), left to right, with the status of its outcomes and how much
    work sits on it."""
    return [{"id": st.id, "title": st.title, "url": at.item("stage", st.id),
             "board_url": at.page(JOURNEY) + f"#stage-{st.id}", "count": len(related.board_stage.get(st.id, ())),
             "outcomes": [kit.ref(at, "outcome", o.id) | {"status": kit.status(kit.f.outcomes[o.id].status)}
                          for o in related.outcome_stage.get(st.id, ())]}
            for st in (kit.r.stages if stages is None else stages)]


def journey_strips(kit: Kit, related: Related, at: Links) -> list[dict]:
    """With ``journeys:`` (content format 1.1), a strip per journey under its title; none for a v1 roadmap (its
    one strip is ``journey_strip``)."""
    return [{"journey": journey_ref(kit, at, j), "stages": journey_strip(kit, related, at, stages)}
            for j, stages in kit.r.boards() if j is not None]


def home(kit: Kit, related: Related, at: Links) -> dict:
    r, f, t = kit.r, kit.f, kit.t
    review = None
    if r.review:
        review = {"last": kit.when(r.review.last), "every": kit.cadence(r.review.every),
                  "due": kit.when(f.review_due), "overdue": f.review_overdue}
    counts = [{"label": t[f"kinds.{k}"], "count": len(r.items(k)), "url": at.page(index_page(k))}
              for k in ("outcome", "theme", "question", "hypothesis") if r.items(k)]
    toc = [toc_entry("vision", t["vmgs.vision"]), toc_entry("mission", t["vmgs.mission"]),
           toc_entry("journey-strip", t["board.title"]), toc_entry("goals", t["vmgs.goals"]),
           toc_entry("strategies", t["vmgs.strategies"])]
    return {"title": r.title, "toc": toc, "crumbs": [],
            "goals": [_goal(kit, at, g) for g in sorted(r.goals, key=lambda g: not g.north_star)],
            "yes": [_strategy(kit, related, at, s) for s in r.strategies if s.active],
            "no": [_strategy(kit, related, at, s) for s in r.strategies if not s.active],
            "review": review, "as_of": kit.when(f.as_of), "counts": counts,
            "journey": journey_strip(kit, related, at), "journeys": journey_strips(kit, related, at),
            "journey_url": at.page(JOURNEY), "kpis_url": at.page(KPIS_PAGE), "okrs_url": at.page(index_page("okr"))}
