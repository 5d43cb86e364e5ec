"""Measures: metric cards and charts, the KPI dashboard, OKR cards and the OKR index."""

from __future__ import annotations

from markupsafe import Markup

from roadmap_gen.compile.compute import kr_metric
from roadmap_gen.format import model as m
from roadmap_gen.site import charts
from roadmap_gen.site.views.base import Kit, Links, toc_entry

_PERIOD_LABEL = {"past": "okr.past", "current": "okr.current_period", "future": "okr.future"}


def metric_chart(kit: Kit, mt: m.Metric, pid: str, compact: bool = False, target=None, by=None) -> Markup:
    points = [(x.date, x.value) for x in mt.measurements]
    if target is None and mt.target:
        target = mt.target.value
    if by is None and mt.target:
        by = mt.target.by
    desc = f"{mt.title}: {kit.t['metric.trend'].lower()}"
    return Markup(charts.line_chart(points, id_prefix=pid, title=mt.title, description=desc, unit=mt.unit,
                                    target=target, target_date=by if not compact else None,
                                    baseline=mt.baseline.value if mt.baseline else None,
                                    direction=mt.direction, compact=compact, words=kit.words))


def chart_ends(kit: Kit, mt: m.Metric) -> list[dict]:
    """The first and last measurement, written under a sparkline's two ends."""
    points = sorted(mt.measurements, key=lambda x: x.date)
    ends = points[:1] + points[-1:] if len(points) > 1 else points
    unit = figure_unit(mt.unit)[0]  # a long unit is the current value's, above
    values = kit.nums(*(x.value for x in ends), unit=unit)
    return [{"date": kit.when(x.date), "value": v} for x, v in zip(ends, values)]


def metric_card(kit: Kit, at: Links, mt: m.Metric, compact: bool = False) -> dict:
    mf = kit.f.metrics[mt.id]
    target, baseline = (mt.target.value if mt.target else None), (mt.baseline.value if mt.baseline else None)
    shown = kit.nums(mf.current, target, baseline, unit=mt.unit)  # side by side on the card
    return {
        **kit.ref(at, "metric", mt.id), "category": mt.category,
        "category_label": kit.t[f"category.{mt.category}"], "unit": mt.unit,
        "current": shown[0] if mf.current is not None else None, "current_date": kit.when(mf.current_date),
        "stale": mf.stale, "target": shown[1] if target is not None else None,
        "target_by": kit.when(mt.target.by if mt.target else None),
        "baseline": shown[2] if baseline is not None else None,
        "direction": kit.t[f"metric.direction.{mt.direction}"], "direction_key": mt.direction,
        "review": kit.cadence(mt.review), "source": mt.source_text, "owner": mt.owner,
        "chart": metric_chart(kit, mt, f"metric-{mt.id}" + ("-spark" if compact else ""), compact=compact),
        "ends": chart_ends(kit, mt) if compact else [],
        "lines": [k for k, v in (("target", mt.target), ("baseline", mt.baseline)) if v] if mt.measurements else [],
    }


def metric_page(kit: Kit, at: Links, item: m.Metric) -> dict:
    rows = [(x.date, x.value, x.note) for x in item.measurements]
    table = Markup(charts.data_table(rows, unit=item.unit, caption=kit.t["metric.measurements"],
                                     words=kit.words)) if rows else None
    notes = [{"date": kit.when(x.date), "value": charts.exact(x.value, item.unit, kit.words), "note": x.note}
             for x in item.measurements if x.note]  # as the table beside them writes the values
    return {"metric": metric_card(kit, at, item), "table": table, "notes": notes}


def kpis(kit: Kit, at: Links) -> dict:
    families = []
    for cat in ("business", "customer", "development"):
        cards = [metric_card(kit, at, mt, compact=True) for mt in kit.r.metrics if mt.category == cat]
        families.append({"key": cat, "title": kit.t[f"category.{cat}"], "metrics": cards})
    return {"title": kit.t["kpis.title"], "families": families, "crumbs": kit.crumbs(at, (kit.t["nav.kpis"], None)),
            "toc": [toc_entry(f"kpis-{f['key']}", f["title"]) for f in families]}


def _score(kit: Kit, score: float | None) -> str | None:
    return None if score is None else charts.localize(f"{score:.2f}", kit.words)


def figure_unit(unit: str | None) -> tuple[str, str]:
    """``(unit written after each figure, unit said once)``: '%', 'EUR', 'days' go with the figures; a
    long unit ('bugs per month') would crowd them, so it is said once beside them."""
    unit = unit or ""
    return (unit, "") if len(unit) <= 5 and " " not in unit else ("", unit)


def okr_view(kit: Kit, at: Links, okr: m.Okr, pid: str) -> dict:
    of = kit.f.okrs[okr.id]
    krs, outcome_metrics = [], {o.id: o.metric for o in kit.r.outcomes}
    for i, (kr, kf) in enumerate(zip(okr.key_results, of.key_results)):
        metric_id = kr_metric(kr, outcome_metrics)  # its own, or the outcome's it takes
        metric = kit.r.get("metric", metric_id) if metric_id else None
        unit, once = figure_unit(kr.unit if kr.unit is not None else metric.unit if metric else "")
        start, current, to = kit.nums(kr.start, kf.current, kr.to, unit=unit)
        krs.append({"title": kr.title, "from": start, "to": to,
                    "current": current, "metric": kit.ref(at, "metric", metric_id), "unit": once,
                    "score": _score(kit, kf.score),
                    "bar": Markup(charts.score_bar(kf.score, id_prefix=f"{pid}-kr{i + 1}", label=kr.title,
                                                   words=kit.words))})
    return {**kit.ref(at, "okr", okr.id), "objective": okr.title, "period": okr.period.text,
            "period_state": of.period_state, "period_label": kit.t[_PERIOD_LABEL[of.period_state]],
            "team": okr.team, "strategy": kit.strategy_title(okr.strategy), "score": _score(kit, of.score),
            "light": of.light, "light_label": kit.t[f"okr.light.{of.light}"],
            "bar": Markup(charts.score_bar(of.score, id_prefix=f"{pid}-score", label=okr.title, words=kit.words)),
            "key_results": krs}


def _okr_order(kit: Kit):
    order = {"current": 0, "future": 1, "past": 2}

    def key(o: m.Okr):
        state = kit.f.okrs[o.id].period_state
        start = o.period.start.toordinal()
        return order[state], -start if state == "past" else start, o.team or "", o.id
    return key


def okr_index(kit: Kit, at: Links) -> dict:
    periods: list[dict] = []
    for okr in sorted(kit.r.okrs, key=_okr_order(kit)):
        if not periods or periods[-1]["period"] != okr.period.text:
            state = kit.f.okrs[okr.id].period_state
            periods.append({"period": okr.period.text, "state": state, "anchor": f"period-{len(periods) + 1}",
                            "state_label": kit.t[_PERIOD_LABEL[state]], "teams": []})
        teams = periods[-1]["teams"]
        team = okr.team or kit.t["okr.no_team"]
        if not teams or teams[-1]["team"] != team:
            teams.append({"team": team, "okrs": []})
        teams[-1]["okrs"].append(okr_view(kit, at, okr, f"okrs-{okr.id}"))
    return {"title": kit.t["okrs.title"], "periods": periods, "crumbs": kit.crumbs(at, (kit.t["nav.okrs"], None)),
            "toc": [toc_entry(p["anchor"], f"{p['period']} · {p['state_label']}") for p in periods]}

