"""Roadmap health: where a valid roadmap does not follow the method (content format 1.1, "Roadmap health").

A **finding** is not an error or a warning of the content: the roadmap is valid, but a hypothesis
serves no outcome, a goal cannot be measured, a blocker is left alone. Each finding has a rule name,
a location (the field at fault when it is written, else the item) and a message saying what to do.
``roadmap-gen check`` prints them as ``path:line:column: warning: message [rule]``; the site lists
them on its health page (internal builds) and in ``roadmap.json`` under ``health``.

The ten rules (also in docs/guide/health.md):

* ``hypothesis-without-outcome``: a hypothesis that names no outcome (``outcome``/``outcomes``).
* ``goal-not-measurable``: a goal without ``metric``, ``target`` or ``by`` (any of them missing).
* ``strategy-without-metric``: an active strategy without a sub-goal ``metric``.
* ``outcome-without-team``: an outcome without ``team``.
* ``outcome-without-work``: an outcome that no theme, question or hypothesis on horizon now or next
  names, directly (``outcome``/``outcomes``) or through an opportunity (a hypothesis whose
  ``opportunity`` lies in the outcome's opportunity tree, nested ``parent``\\ s included).
* ``too-many-key-results``: an objective with more than 5 key results.
* ``testing-without-experiment``: a hypothesis with status ``testing`` and no experiment ``planned``
  or ``running``.
* ``review-overdue``: the VMGS review is past due (``review.last`` + ``review.every`` before ``as_of``).
* ``metric-stale``: a stale metric, at its ``metrics.yml`` entry.
* ``blocker-unaddressed``: a blocker with an id that no outcome, opportunity, theme, question or
  hypothesis names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from roadmap_gen.compile.compute import Figures
from roadmap_gen.format import model as m
from roadmap_gen.format.diagnostics import Location, did_you_mean, printable

RULES: tuple[str, ...] = (
    "hypothesis-without-outcome", "goal-not-measurable", "strategy-without-metric", "outcome-without-team",
    "outcome-without-work", "too-many-key-results", "testing-without-experiment", "review-overdue",
    "metric-stale", "blocker-unaddressed",
)
"""The rules, in the order of the content format's table."""

SUMMARIES: dict[str, str] = {
    "hypothesis-without-outcome": "a hypothesis that names no outcome",
    "goal-not-measurable": "a goal without `metric`, `target` or `by`",
    "strategy-without-metric": "an active strategy without a sub-goal `metric`",
    "outcome-without-team": "an outcome without `team`",
    "outcome-without-work": "an outcome no theme, question or hypothesis on now or next works on",
    "too-many-key-results": "an objective with more than 5 key results",
    "testing-without-experiment": "a hypothesis `testing` with no experiment `planned` or `running`",
    "review-overdue": "the VMGS review is past due (`review.last` + `review.every`)",
    "metric-stale": "a stale metric",
    "blocker-unaddressed": "a blocker with an id that nothing is aimed at",
}
"""What each rule finds, in a few words (``roadmap-gen check --help``)."""

MAX_KEY_RESULTS = 5
WORK_HORIZONS = ("now", "next")
GOAL_FIELDS = ("metric", "target", "by")


@dataclass(frozen=True, slots=True)
class Finding:
    """One place where the roadmap does not follow the method. ``item`` is ``(kind, id)``, or None
    for a finding about the roadmap as a whole (the VMGS review)."""

    rule: str
    loc: Location
    message: str
    item: tuple[str, str] | None = None

    def __str__(self) -> str:
        return f"{self.loc}: warning: {printable(self.message)} [{self.rule}]"

    @property
    def sort_key(self) -> tuple:
        return (self.loc.path, self.loc.line, self.loc.column, RULES.index(self.rule), self.message)


class UnknownRule(ValueError):
    """A rule name in ``health: {ignore: [...]}`` or ``--ignore`` that is not a rule."""


def check_rules(names: Iterable[str]) -> tuple[str, ...]:
    """``names`` as a tuple of rule names, each once; UnknownRule (with the nearest rule) for any other."""
    out = []
    for name in names:
        if not isinstance(name, str) or name not in RULES:
            near = did_you_mean(str(name), RULES) if isinstance(name, str) else None
            hint = f" (did you mean `{near}`?)" if near else f"; the rules are: {', '.join(RULES)}"
            raise UnknownRule(f"unknown roadmap health rule `{printable(str(name))[:60]}`{hint}")
        if name not in out:
            out.append(name)
    return tuple(out)


def health(roadmap: m.Roadmap, figures: Figures, ignore: Iterable[str] = ()) -> list[Finding]:
    """Every finding of the rules not in ``ignore``, sorted by place, then rule."""
    skip = set(check_rules(ignore))
    found = [f for rule, check in CHECKS.items() if rule not in skip for f in check(roadmap, figures)]
    return sorted(found, key=lambda f: f.sort_key)


# -- one check per rule ---------------------------------------------------------------------------

def _hypothesis_without_outcome(r: m.Roadmap, _f: Figures) -> Iterator[Finding]:
    for h in r.hypotheses:
        if not h.outcomes:
            yield Finding("hypothesis-without-outcome", h.loc,
                          f"hypothesis `{h.id}` names no outcome; add `outcome: <id>` for the behaviour change "
                          "it bets on", ("hypothesis", h.id))


def _goal_not_measurable(r: m.Roadmap, _f: Figures) -> Iterator[Finding]:
    for g in r.goals:
        missing = [name for name in GOAL_FIELDS if getattr(g, name) is None]
        if missing:
            yield Finding("goal-not-measurable", g.loc,
                          f"goal `{g.id}` is not measurable without {_and(missing)}; add "
                          f"{'it' if len(missing) == 1 else 'them'} (the metric, the value to reach, the date "
                          "to reach it by)", ("goal", g.id))


def _strategy_without_metric(r: m.Roadmap, _f: Figures) -> Iterator[Finding]:
    for s in r.strategies:
        if s.active and not s.metric:
            yield Finding("strategy-without-metric", s.loc,
                          f"active strategy `{s.id}` has no sub-goal metric; add `metric: <id>` to see whether it "
                          "works, or set `active: false`", ("strategy", s.id))


def _outcome_without_team(r: m.Roadmap, _f: Figures) -> Iterator[Finding]:
    for o in r.outcomes:
        if not o.team:
            yield Finding("outcome-without-team", o.loc,
                          f"outcome `{o.id}` has no team; add `team:` so a team owns the behaviour change",
                          ("outcome", o.id))


def _outcome_without_work(r: m.Roadmap, _f: Figures) -> Iterator[Finding]:
    worked = worked_on(r)
    for o in r.outcomes:
        if o.id not in worked:
            yield Finding("outcome-without-work", o.loc,
                          f"no theme, question or hypothesis on horizon now or next works on outcome `{o.id}`; "
                          f"name it in one (`outcome: {o.id}`), plan work for it, or drop the outcome",
                          ("outcome", o.id))


def _too_many_key_results(r: m.Roadmap, _f: Figures) -> Iterator[Finding]:
    for okr in r.okrs:
        n = len(okr.key_results)
        if n > MAX_KEY_RESULTS:
            yield Finding("too-many-key-results", okr.loc_of("key_results"),
                          f"objective `{okr.id}` has {n} key results; keep at most {MAX_KEY_RESULTS} so it stays "
                          "focused (split the objective or drop the weakest)", ("okr", okr.id))


def _testing_without_experiment(r: m.Roadmap, _f: Figures) -> Iterator[Finding]:
    for h in r.hypotheses:
        if h.status == "testing" and not any(e.status in ("planned", "running") for e in h.experiments):
            yield Finding("testing-without-experiment", h.loc_of("status"),
                          f"hypothesis `{h.id}` is `testing` but no experiment is planned or running; add one under "
                          "`experiments:` or change its `status`", ("hypothesis", h.id))


def _review_overdue(r: m.Roadmap, f: Figures) -> Iterator[Finding]:
    if r.review is not None and f.review_overdue:
        due = f.review_due.isoformat() if f.review_due else "?"
        yield Finding("review-overdue", r.loc_of("review"),
                      f"the review of vision, mission, goals and strategies was due {due} (last "
                      f"{r.review.last.isoformat()}, every {r.review.every.text}); review them and set `review.last`")


def _metric_stale(r: m.Roadmap, f: Figures) -> Iterator[Finding]:
    for mt in r.metrics:
        mf = f.metrics.get(mt.id)
        if mf is not None and mf.stale:
            cadence = mt.review.text if mt.review else "?"
            yield Finding("metric-stale", mt.loc,
                          f"metric `{mt.id}` is stale: last measured {mf.current_date}, a new measurement was due "
                          f"{mf.next_due} (review {cadence}); add it to metrics/{mt.id}.csv", ("metric", mt.id))


def _blocker_unaddressed(r: m.Roadmap, f: Figures) -> Iterator[Finding]:
    for b in r.behaviours:
        if b.type == "blocker" and not f.addressed.get(b.id):
            yield Finding("blocker-unaddressed", b.loc,
                          f"blocker `{b.id}` is unaddressed; aim an outcome, opportunity, theme, question or "
                          f"hypothesis at it with `behaviours: [{b.id}]`", ("behaviour", b.id))


CHECKS: dict[str, Callable[[m.Roadmap, Figures], Iterator[Finding]]] = {
    "hypothesis-without-outcome": _hypothesis_without_outcome, "goal-not-measurable": _goal_not_measurable,
    "strategy-without-metric": _strategy_without_metric, "outcome-without-team": _outcome_without_team,
    "outcome-without-work": _outcome_without_work, "too-many-key-results": _too_many_key_results,
    "testing-without-experiment": _testing_without_experiment, "review-overdue": _review_overdue,
    "metric-stale": _metric_stale, "blocker-unaddressed": _blocker_unaddressed,
}
"""Each rule's check, in the order of :data:`RULES`."""


# -- helpers ---------------------------------------------------------------------------------------

def _and(names: list[str]) -> str:
    quoted = [f"`{n}`" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def worked_on(r: m.Roadmap) -> set[str]:
    """The outcomes that a theme, question or hypothesis on horizon now or next names, directly or (a
    hypothesis) through an opportunity in the outcome's tree."""
    out: set[str] = set()
    for item in (*r.themes, *r.questions, *r.hypotheses):
        if item.horizon not in WORK_HORIZONS:
            continue
        out.update(item.outcomes)
        opportunity = getattr(item, "opportunity", None)
        if opportunity:
            out.update(r.tree_outcomes(opportunity))
    return out
