"""Builders: converted :class:`~roadmap_gen.format.fields.Record` values into the typed models.

One builder per kind. Each keeps the fields as the author wrote them and the
location of every field (and of every list entry) for later diagnostics.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable

from roadmap_gen.format import model as m
from roadmap_gen.format.diagnostics import Location
from roadmap_gen.format.fields import Record


def as_written(value: Any) -> Any:
    """A converted value back to JSON-ready form, as the author wrote it."""
    if isinstance(value, Record):
        return {k: as_written(v) for k, v in value.values.items()}
    if isinstance(value, tuple):
        return [as_written(v[0] if isinstance(v, tuple) and len(v) == 2 and isinstance(v[1], Location) else v)
                for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _written(rec: Record, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: as_written(v) for k, v in rec.values.items() if k not in skip}


def _ids(value: Any) -> tuple[str, ...]:
    return tuple(v for v, _ in value) if value else ()


def _stages(rec: Record) -> tuple[str, ...]:
    if "stage" in rec.values:
        return (rec.values["stage"],)
    return _ids(rec.values.get("stages"))


def _outcomes(rec: Record) -> tuple[str, ...]:
    if "outcome" in rec.values:
        return (rec.values["outcome"],)
    return _ids(rec.values.get("outcomes"))


def _locs(rec: Record) -> dict[str, Location]:
    locs = dict(rec.locs)
    for name, value in rec.values.items():  # each list entry's own place: `stages[1]`
        if isinstance(value, tuple):
            for i, v in enumerate(value):
                if isinstance(v, tuple) and len(v) == 2 and isinstance(v[1], Location):
                    locs[f"{name}[{i}]"] = v[1]
    # `stage`/`outcome` and their list forms are one reference field each
    for one, many in (("stage", "stages"), ("outcome", "outcomes")):
        if one in locs and many not in locs:
            locs[many] = locs[one]
    return locs


def _common(rec: Record, id: str, source: str, title_field: str = "title") -> dict[str, Any]:
    return dict(
        id=id, title=rec.get(title_field, id), source=source, loc=rec.loc,
        visibility=rec.get("visibility", "internal"), fields=_written(rec), locs=_locs(rec),
    )


# -- one builder per kind ------------------------------------------------------

def build_goal(rec: Record, source: str) -> m.Goal:
    return m.Goal(**_common(rec, rec.get("id"), source), metric=rec.get("metric"), target=rec.get("target"),
                  by=rec.get("by"), north_star=rec.get("north_star", False), description=rec.get("description"))


def build_strategy(rec: Record, source: str) -> m.Strategy:
    tactics = tuple(
        m.Tactic(loc=t.loc, fields=_written(t), locs=t.locs, title=t.get("title", ""), id=t.get("id"),
                 active=t.get("active", True), description=t.get("description"))
        for t in rec.get("tactics", ()))
    return m.Strategy(**_common(rec, rec.get("id"), source), goal=rec.get("goal"), metric=rec.get("metric"),
                      active=rec.get("active", True), tactics=tactics, description=rec.get("description"))


def _behaviour_entries(rec: Record, name: str) -> tuple[tuple[str, str | None, Record | None], ...]:
    """``(title, id or None, record or None)`` of each booster or blocker: a text or an object with an id."""
    out = []
    for v in rec.get(name, ()):
        if isinstance(v, Record):
            if "title" in v.values or "id" in v.values:
                out.append((v.get("title", v.get("id", "")), v.get("id"), v))
        else:
            out.append((v[0], None, None))
    return tuple(out)


def build_stage(rec: Record, source: str, journey: str | None = None) -> tuple[m.Stage, tuple[m.Behaviour, ...]]:
    """A stage and its behaviours with an id."""
    entries = {name: _behaviour_entries(rec, name) for name in ("boosters", "blockers")}
    stage = m.Stage(**_common(rec, rec.get("id"), source), description=rec.get("description"),
                    boosters=tuple(e[0] for e in entries["boosters"]),
                    blockers=tuple(e[0] for e in entries["blockers"]),
                    booster_ids=tuple(e[1] for e in entries["boosters"]),
                    blocker_ids=tuple(e[1] for e in entries["blockers"]), journey=journey)
    behaviours = tuple(
        m.Behaviour(**_common(b, b.get("id"), source), stage=stage.id, type=name[:-1], metric=b.get("metric"),
                    description=b.get("description"))
        for name in ("boosters", "blockers") for _t, id, b in entries[name] if id and b is not None)
    return stage, behaviours


def build_journey(rec: Record, source: str) -> m.Journey:
    stages = tuple(st.get("id") for st in rec.get("stages", ()) if "id" in st.values)
    common = _common(rec, rec.get("id"), source)
    common["fields"] = {**_written(rec, ("stages",)), "stages": list(stages)}  # its stages are listed by id
    return m.Journey(**common, stages=stages, description=rec.get("description"))


def build_metric(rec: Record, source: str) -> m.Metric:
    b, t, r = rec.get("baseline"), rec.get("target"), rec.get("review")
    return m.Metric(
        **_common(rec, rec.get("id"), source), category=rec.get("category", "business"),
        unit=rec.get("unit", ""), direction=rec.get("direction", "up"),
        baseline=m.Baseline(b.get("value"), b.get("date")) if b and "value" in b.values else None,
        target=m.Target(t.get("value"), t.get("by")) if t and "value" in t.values else None,
        review=m.Cadence.parse(r) if r else None, source_text=rec.get("source"), owner=rec.get("owner"),
        description=rec.get("description"))


def _md_common(rec: Record, id: str, source: str, body: str, body_line: int) -> dict[str, Any]:
    return dict(**_common(rec, id, source), body=body, body_line=body_line)


def _outcome(rec, id, source, body, line):
    return m.Outcome(**_md_common(rec, id, source, body, line), stages=_stages(rec), metric=rec.get("metric", ""),
                     strategy=rec.get("strategy"), target=rec.get("target"), by=rec.get("by"), team=rec.get("team"),
                     behaviours=_ids(rec.get("behaviours")))


def _theme(rec, id, source, body, line):
    return m.Theme(**_md_common(rec, id, source, body, line), stages=_stages(rec),
                   horizon=rec.get("horizon", "later"), outcomes=_outcomes(rec), team=rec.get("team"),
                   order=rec.get("order"), behaviours=_ids(rec.get("behaviours")), tactic=rec.get("tactic"))


def _question(rec, id, source, body, line):
    return m.Question(**_md_common(rec, id, source, body, line), stages=_stages(rec),
                      horizon=rec.get("horizon", "later"), outcomes=_outcomes(rec), theme=rec.get("theme"),
                      status=rec.get("status", "open"), answer=rec.get("answer"), team=rec.get("team"),
                      order=rec.get("order"), behaviours=_ids(rec.get("behaviours")))


def _hypothesis(rec, id, source, body, line):
    experiments = tuple(
        m.Experiment(loc=e.loc, fields=_written(e), locs=e.locs, title=e.get("title", ""),
                     status=e.get("status", "planned"), start=e.get("start"), end=e.get("end"),
                     result=e.get("result"))
        for e in rec.get("experiments", ()))
    links = tuple(m.Link(loc=k.loc, fields=_written(k), locs=k.locs, title=k.get("title", ""), url=k.get("url", ""))
                  for k in rec.get("links", ()) if "url" in k.values)
    return m.Hypothesis(
        **_md_common(rec, id, source, body, line), stages=_stages(rec), horizon=rec.get("horizon", "later"),
        we_believe=rec.get("we_believe", ""), will_result_in=rec.get("will_result_in", ""),
        we_will_know_when=rec.get("we_will_know_when", ""), status=rec.get("status", "idea"),
        outcomes=_outcomes(rec), theme=rec.get("theme"), question=rec.get("question"),
        opportunity=rec.get("opportunity"), confidence=rec.get("confidence"), team=rec.get("team"),
        experiments=experiments, links=links, order=rec.get("order"), behaviours=_ids(rec.get("behaviours")),
        tactic=rec.get("tactic"))


def _opportunity(rec, id, source, body, line):
    return m.Opportunity(**_md_common(rec, id, source, body, line), outcome=rec.get("outcome"),
                         parent=rec.get("parent"), stages=_stages(rec), behaviours=_ids(rec.get("behaviours")))


def _insight(rec, id, source, body, line):
    refs = {name: _ids(rec.get(name)) for name in m.EVIDENCE_FIELDS}
    return m.Insight(**_md_common(rec, id, source, body, line), date=rec.get("date", date.min),
                     source_text=rec.get("source", ""), segment=rec.get("segment"), url=rec.get("url"),
                     effect=rec.get("effect", "supports"), **refs)


MD_BUILDERS: dict[str, Callable[..., m.MarkdownItem]] = {
    "outcome": _outcome, "theme": _theme, "question": _question,
    "hypothesis": _hypothesis, "opportunity": _opportunity, "insight": _insight,
}


def build_okr(rec: Record, id: str, source: str) -> m.Okr:
    krs = []
    for k in rec.get("key_results", ()):
        krs.append(m.KeyResult(loc=k.loc, fields=_written(k), locs=_locs(k), title=k.get("title", ""),
                               start=k.get("from", 0), to=k.get("to", 0), current=k.get("current"),
                               metric=k.get("metric"), unit=k.get("unit"), outcome=k.get("outcome"),
                               hypotheses=_ids(k.get("hypotheses"))))
    return m.Okr(**_common(rec, id, source, "objective"), period=m.Period.parse(rec.get("period", "1970")),
                 key_results=tuple(krs), team=rec.get("team"), strategy=rec.get("strategy"))


def build_roadmap_head(rec: Record, goals: tuple[m.Goal, ...],
                       strategies: tuple[m.Strategy, ...]) -> dict[str, Any]:
    """The fields of :class:`~roadmap_gen.format.model.Roadmap` that roadmap.yml gives."""
    review = None
    r = rec.get("review")
    if r is not None and "last" in r.values and "every" in r.values:
        review = m.Review(loc=r.loc, fields=_written(r), locs=r.locs, last=r.get("last"),
                          every=m.Cadence.parse(r.get("every")))
    return dict(title=rec.get("title", ""), vision=rec.get("vision", ""), mission=rec.get("mission", ""),
                review=review, goals=goals, strategies=strategies, loc=rec.loc,
                fields=_written(rec, ("goals", "strategies")), locs=rec.locs)
