"""``roadmap-gen new``: the text of a new item file, and writing it.

A new file has every required field filled in (the first journey stage, metric
or outcome of the roadmap where one is needed, each checked against the
roadmap), the optional ones as ``#`` comments that list the ids to choose from,
and ``TODO:`` placeholders for the author's words. Goals, strategies, tactics,
journeys, stages, behaviours and metrics are entries of YAML lists:
:func:`list_kind_help` gives an entry to paste instead of a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from roadmap_gen.format import model as m
from roadmap_gen.format.diagnostics import did_you_mean, excerpt
from roadmap_gen.format.scalars import PERIOD_RE
from roadmap_gen.scaffold.common import (FILE_KINDS, LIST_KINDS, Refused, ScaffoldError, check_new_id, quarter,
                                         title_from_id, write_new_file, yaml_text)

BODIES = {
    "outcome": "TODO: who behaves differently, and why that matters.",
    "theme": "TODO: the problem this theme of work solves, for whom.",
    "question": "TODO: why we ask, and how we will find out.",
    "hypothesis": "TODO: evidence so far, and notes.",
    "opportunity": "TODO: the need, pain point or desire, in the customer's words.",
    "insight": "TODO: notes, quotes, links to recordings.",
}
"""The Markdown body of a new item file, by kind."""


@dataclass(frozen=True)
class NewItem:
    kind: str
    id: str
    path: Path
    text: str


@dataclass(frozen=True)
class _Known:
    """The ids a new item may refer to, in file order (empty without a roadmap)."""

    stages: list[str]
    metrics: list[str]
    outcomes: list[str]
    opportunities: list[str]
    strategies: list[str]
    themes: list[str]
    questions: list[str]
    hypotheses: list[str]
    behaviours: list[str]
    tactics: list[str]

    @classmethod
    def of(cls, roadmap: m.Roadmap | None) -> _Known:
        kinds = ("stage", "metric", "outcome", "opportunity", "strategy", "theme", "question", "hypothesis",
                 "behaviour")
        ids = [[] if roadmap is None else roadmap.ids(kind) for kind in kinds]
        return cls(*ids, tactics=[] if roadmap is None else [t.id for _, t in roadmap.tactics()])

    @property
    def behaviours_hint(self) -> str:
        """The commented ``behaviours:`` line: the journey behaviours an item may aim to change."""
        what = "the behaviours it aims to change"
        if not self.behaviours:
            return f"# behaviours: [<id>]  # {what}: boosters or blockers with an id in journey.yml"
        return f"# behaviours: [{self.behaviours[0]}]{_commented(what + ', any of', self.behaviours)}"

    @property
    def tactic_hint(self) -> str:
        """The commented ``tactic:`` line of a theme or hypothesis."""
        what = "the strategy's tactic it carries out"
        if not self.tactics:
            return f"# tactic: <id>  # {what}: a tactic with an id in roadmap.yml"
        return f"# tactic: {self.tactics[0]}{_commented(what + ', one of', self.tactics)}"

    @property
    def stage_note(self) -> str:
        return "  # journey stage: " + ", ".join(self.stages[:8]) + (", …" if len(self.stages) > 8 else "")


def pick(given: str | None, ids: list[str], what: str, field: str) -> str | None:
    if given is None:
        return None
    if given in ids:
        return given
    near = did_you_mean(given, ids)
    hint = f" (did you mean `{near}`?)" if near else (f"; known: {', '.join(ids)}" if ids and len(ids) <= 12 else "")
    raise ScaffoldError(f"--{field}: unknown {what} `{given}`{hint}")


def _commented(label: str, ids: list[str], limit: int = 6) -> str:
    """``# one of: a, b, c`` (the first few ids) for a commented-out reference."""
    if not ids:
        return ""
    more = ", …" if len(ids) > limit else ""
    return f"  # {label}: {', '.join(ids[:limit])}{more}"


def _valid_period(text: str) -> bool:
    pm = PERIOD_RE.match(text)
    return bool(pm) and 1 <= int(pm.group(1)) <= 9998


def _check_options(kind: str, stage: str | None, horizon: str | None, outcome: str | None, metric: str | None,
                   period: str | None) -> None:
    """Refuse the options that are no field of ``kind``."""
    if kind == "okr" and (stage or horizon):
        raise ScaffoldError("OKRs have no stage or horizon; give --period instead")
    if kind == "outcome" and horizon:
        raise ScaffoldError("outcomes have no horizon: they are measured by a metric (--metric) by a date")
    if kind == "opportunity" and horizon:
        raise ScaffoldError("opportunities have no horizon; place the hypotheses under them on horizons")
    if kind == "insight" and (stage or horizon or metric):
        raise ScaffoldError("insights have no stage, horizon or metric; name what they are evidence for "
                            "(--outcome, or the lists in the file)")
    if period and kind != "okr":
        raise ScaffoldError("--period is for OKRs only")
    if period is not None and not _valid_period(period):
        raise ScaffoldError(f"--period `{excerpt(period)}` is not a period; give YYYY, YYYY-Qn or YYYY-MM "
                            "(e.g. 2026-Q4) with a year from 0001 to 9998")
    if metric and kind not in ("outcome", "okr"):
        raise ScaffoldError("--metric is for outcomes and OKRs only")
    if outcome and kind == "outcome":
        raise ScaffoldError("--outcome is not a field of an outcome")


def render_item(kind: str, id: str, title: str, roadmap: m.Roadmap | None, *, stage: str | None = None,
                horizon: str | None = None, outcome: str | None = None, metric: str | None = None,
                period: str | None = None, today: date | None = None) -> str:
    """The text of a new item file; references are checked against ``roadmap``."""
    known = _Known.of(roadmap)
    today = today or date.today()
    _check_options(kind, stage, horizon, outcome, metric, period)
    stage = pick(stage, known.stages, "stage", "stage")
    metric = pick(metric, known.metrics, "metric", "metric")
    outcome = pick(outcome, known.outcomes, "outcome", "outcome")
    if kind in ("outcome", "theme", "question", "hypothesis") and stage is None:
        if not known.stages:
            raise ScaffoldError("the journey has no stages yet: add one to journey.yml first")
        stage = known.stages[0]
    t = yaml_text(title)
    if kind == "okr":
        return _okr_text(t, period or quarter(today), metric, outcome, known)
    lines = ["---", f"title: {t}" + ("  # the question itself" if kind == "question" else "")]
    if kind == "outcome":
        lines += _outcome_fields(stage, metric, known, today)
    elif kind in ("theme", "question", "hypothesis"):
        lines += _work_item_fields(kind, stage, horizon or "next", outcome, known, today)
    elif kind == "opportunity":
        lines += _opportunity_fields(stage, outcome, known)
    elif kind == "insight":
        lines += _insight_fields(outcome, known, today)
    else:  # pragma: no cover - resolve_kind keeps other kinds out
        raise ScaffoldError(f"cannot scaffold {kind}")
    return "\n".join(lines) + "\n" + BODIES[kind] + "\n"


def _okr_text(t: str, period: str, metric: str | None, outcome: str | None, known: _Known) -> str:
    """An OKR file: its first key result reads ``metric`` or measures ``outcome`` if given, else is counted
    by hand; the fields it could have are comments."""
    strategies = known.strategies
    lines = [
        "# An objective and its key results. The id is the file name.",
        f"objective: {t}",
        f"period: {period}  # YYYY, YYYY-Qn or YYYY-MM",
        "# team: growth",
        f"# strategy: {strategies[0]}{_commented('one of', strategies)}" if strategies else "# strategy: <id>",
        "key_results:",
    ]
    if metric or outcome:
        lines += _measured_key_result(metric, outcome)
    else:
        lines += ["  - title: \"TODO: a measurable result, e.g. interview 20 customers\"",
                  "    from: 0",
                  "    to: 20",
                  "    current: 0  # update as you go; or `metric: <id>` to read it from a metric's data"]
        if known.metrics:
            lines.append(f"    # metric: {known.metrics[0]}{_commented('one of', known.metrics)}")
    return "\n".join(lines + _key_result_links(outcome, known)) + "\n"


def _measured_key_result(metric: str | None, outcome: str | None) -> list[str]:
    """A key result whose current value comes from ``metric``, or from the metric of ``outcome``."""
    lines = ["  - title: \"TODO: what the metric reaches, e.g. grows from X to Y\""]
    if metric:
        lines.append(f"    metric: {metric}  # its latest measurement is the current value")
    if outcome:
        lines.append(f"    outcome: {outcome}  # the outcome it measures"
                     + ("" if metric else "; its metric gives the current value"))
    return lines + ["    from: 0  # TODO: the value at the start of the period",
                    "    to: 100  # TODO: the value that scores 1.0"]


def _key_result_links(outcome: str | None, known: _Known) -> list[str]:
    """The commented ``outcome:`` and ``hypotheses:`` of the first key result: what it measures, and the work
    it breaks down into."""
    lines = []
    if not outcome:
        what = "the outcome it measures (with neither metric nor current, scored by its metric)"
        lines.append(f"    # outcome: {known.outcomes[0]}  # {what}" if known.outcomes else
                     f"    # outcome: <id>  # {what}")
    what = "the work it breaks down into"
    lines.append(f"    # hypotheses: [{known.hypotheses[0]}]{_commented(what + ', any of', known.hypotheses)}"
                 if known.hypotheses else f"    # hypotheses: [<id>]  # {what}")
    return lines


def _outcome_fields(stage: str, metric: str | None, known: _Known, today: date) -> list[str]:
    metrics = known.metrics
    if metric is None:
        if not metrics:
            raise ScaffoldError("outcomes are measured by a metric, and metrics.yml has none yet: add one first")
        metric = metrics[0]
    return [
        f"stage: {stage}{known.stage_note}; or stages: [a, b]",
        f"metric: {metric}  # the leading indicator that shows the behaviour change"
        + (f"; one of: {', '.join(metrics[:6])}{', …' if len(metrics) > 6 else ''}" if len(metrics) > 1 else ""),
        "# target: 45  # the metric value to reach, if not the metric's own target",
        f"# by: {today.year + 1}-06-30  # the deadline, if not the metric's target date",
        f"# strategy: {known.strategies[0]}" if known.strategies else "# strategy: <id>",
        "# team: onboarding",
        known.behaviours_hint,
        "# visibility: public  # default: internal",
        "---",
    ]


def _work_item_fields(kind: str, stage: str, horizon: str, outcome: str | None, known: _Known,
                      today: date) -> list[str]:
    """The front matter of a theme, question or hypothesis after its title."""
    lines = [f"stage: {stage}{known.stage_note}; or stages: [a, b]",
             f"horizon: {horizon}  # now | next | later"]
    if outcome:
        lines.append(f"outcome: {outcome}")
    elif known.outcomes:
        lines.append(f"# outcome: {known.outcomes[0]}{_commented('the outcome it serves, one of', known.outcomes)}")
    lines.append(known.behaviours_hint)
    if kind in ("theme", "hypothesis"):
        lines.append(known.tactic_hint)
    if kind == "question":
        lines += ["status: open  # open | answered | dropped",
                  "# answer: a short answer, once answered"]
        if known.themes:
            lines.append(f"# theme: {known.themes[0]}{_commented('one of', known.themes)}")
    if kind == "hypothesis":
        lines += _hypothesis_fields(known, today)
    lines += ["# team: onboarding", "# visibility: public  # default: internal", "---"]
    return lines


def _hypothesis_fields(known: _Known, today: date) -> list[str]:
    lines = []
    if known.themes:
        lines.append(f"# theme: {known.themes[0]}{_commented('one of', known.themes)}")
    if known.questions:
        lines.append(f"# question: {known.questions[0]}{_commented('one of', known.questions)}")
    if known.opportunities:
        lines.append(f"# opportunity: {known.opportunities[0]}"
                     f"{_commented('its place in the tree', known.opportunities)}")
    return lines + [
        "we_believe: \"TODO: the change we will make\"",
        "will_result_in: \"TODO: the behaviour we expect\"",
        "we_will_know_when: \"TODO: the measurable signal, e.g. a metric moving from X to Y\"",
        "status: idea  # idea | testing | validated | invalidated | parked",
        "# confidence: low  # low | medium | high",
        "# experiments:",
        "#   - title: Fake-door test",
        "#     status: planned  # planned | running | done",
        f"#     start: {today.isoformat()}",
        "# links:",
        "#   - {title: TICKET-1, url: \"https://example.com/TICKET-1\"}",
    ]


def _opportunity_fields(stage: str | None, outcome: str | None, known: _Known) -> list[str]:
    outcomes, opportunities, stages = known.outcomes, known.opportunities, known.stages
    if outcome is None and not outcomes and not opportunities:
        raise ScaffoldError("an opportunity hangs under an outcome or a parent opportunity, and there are none "
                            "yet: add an outcome first")
    lines = []
    if outcome is not None or outcomes:
        lines.append(f"outcome: {outcome or outcomes[0]}  # the outcome at the root of its tree"
                     + ("; or parent: <opportunity id>" if opportunities else ""))
        if opportunities:
            lines.append(f"# parent: {opportunities[0]}{_commented('a parent opportunity, one of', opportunities)}")
    else:
        lines.append(f"parent: {opportunities[0]}  # the parent opportunity"
                     + (f"; one of: {', '.join(opportunities[:6])}" if len(opportunities) > 1 else ""))
    lines.append(f"stage: {stage}" if stage else
                 f"# stage: {stages[0]}{known.stage_note}" if stages else "# stage: <id>")
    lines += [known.behaviours_hint, "# visibility: public  # default: internal", "---"]
    return lines


def _insight_fields(outcome: str | None, known: _Known, today: date) -> list[str]:
    """The front matter of an insight after its title: where it comes from, and what it is evidence for."""
    lines = [f"date: {today.isoformat()}  # when it was learned",
             "source: \"TODO: interview, survey, support ticket, analytics, sales call, ...\"",
             "# segment: first-time customers  # whom it is about",
             "# url: \"https://example.com/research/42\"  # the research note, recording or ticket",
             "effect: supports  # supports | contradicts",
             "# what it is evidence for (or against), any of:"]
    for field, ids in (("hypotheses", known.hypotheses), ("opportunities", known.opportunities),
                       ("questions", known.questions), ("behaviours", known.behaviours)):
        lines.append(f"# {field}: [{ids[0]}]{_commented('one of', ids)}" if ids else f"# {field}: [<id>]")
    if outcome:
        lines.append(f"outcomes: [{outcome}]")
    else:
        lines.append(f"# outcomes: [{known.outcomes[0]}]{_commented('one of', known.outcomes)}" if known.outcomes
                     else "# outcomes: [<id>]")
    return lines + ["# visibility: public  # default: internal", "---"]


def _list_entry(kind: str, id: str, t: str) -> list[str]:
    """The lines of a new entry of a YAML list, indented as in a file with one journey."""
    return {
        "stage": [f"  - id: {id}", f"    title: {t}", "    description: TODO what happens at this stage",
                  "    boosters: [TODO a behaviour that predicts success]",
                  "    blockers: [TODO a behaviour that predicts failure]"],
        "behaviour": [f"      - id: {id}", f"        title: {t}",
                      "        # metric: <metric id>  # the rate of this behaviour",
                      "        # visibility: public  # default: internal"],
        "journey": [f"  - id: {id}", f"    title: {t}", "    description: TODO whose journey this is",
                    "    stages:  # left to right on its board; stage ids are unique across all journeys",
                    f"      - id: {id}-start", "        title: TODO the first stage"],
        "metric": [f"  - id: {id}", f"    title: {t}", "    category: customer  # business | customer | development",
                   "    unit: \"%\"", "    direction: up  # up | down: which way is better", "    review: monthly"],
        "goal": [f"  - id: {id}", f"    title: {t}", "    # metric: <metric id>", "    # target: 100",
                 "    # by: 2027-12-31"],
        "strategy": [f"  - id: {id}", f"    title: {t}", "    # goal: <goal id>", "    active: true"],
        "tactic": [f"      - id: {id}", f"        title: {t}", "        active: true"],
    }[kind]


def _list_where(kind: str, id: str, stage: str | None) -> str:
    """Where to paste a list entry: ``Add this under ...``."""
    if kind == "behaviour":
        at = f"stage `{stage}`" if stage else "a stage"
        return (f"Add this under `boosters:` (it predicts success) or `blockers:` (it predicts failure) of {at}; "
                f"items name it with `behaviours: [{id}]`:")
    if kind == "tactic":
        return f"Add this under `tactics:` of a strategy; themes and hypotheses name it with `tactic: {id}`:"
    if kind == "journey":
        return ("Add this under `journeys:`. journey.yml holds either one list of `stages:` or `journeys:`: "
                "to add a second journey to a file with `stages:`, move those stages into a first journey:")
    key = LIST_KINDS[kind][1]
    where = " (stage order is left to right on the board; with `journeys:`, under a journey's `stages:`)" \
        if kind == "stage" else ""
    return f"Add this under `{key}:`{where}:"


def list_kind_help(kind: str, id: str, title: str, stage: str | None = None) -> str:
    """Where a YAML-list kind goes, with an entry to paste; ``stage``: the stage a behaviour belongs to."""
    file = LIST_KINDS[kind][0]
    owner = {"behaviour": "a stage's `boosters:` or `blockers:` list", "tactic": "a strategy's `tactics:` list"}
    place = owner.get(kind, f"the `{LIST_KINDS[kind][1]}:` list")
    note = {"metric": f"\nMeasurements go to content/metrics/{id}.csv (date,value,note; oldest first).\n"}.get(kind, "")
    return (f"{kind} entries live in {place} of content/{file}, not in a file of their own.\n"
            f"{_list_where(kind, id, stage)}\n\n") + "\n".join(_list_entry(kind, id, yaml_text(title))) + "\n" + note


OKR_PERIOD_IN_ID = re.compile(r"(?:^|-)(\d{4})(?:-(q[1-4]|0[1-9]|1[0-2]))?$")
OKR_OBJECTIVE = "TODO: the objective, e.g. We will get new customers to their first result in week one"


def period_from_id(id: str) -> str | None:
    """``nps-2027-q1`` -> ``2027-Q1``, ``hiring-2027-03`` -> ``2027-03``, ``plan-2027`` -> ``2027``; else None."""
    found = OKR_PERIOD_IN_ID.search(id)
    if not found:
        return None
    year, part = found.groups()
    return year + (f"-{part.upper()}" if part else "")


def default_title(kind: str, id: str) -> str:
    """A title when none is given: from the id, but an OKR's objective is a sentence only its author can write."""
    return OKR_OBJECTIVE if kind == "okr" else title_from_id(id)


def new_item(content_dir: Path, kind: str, id: str, title: str | None, roadmap: m.Roadmap | None,
             **options) -> NewItem:
    """Write a new item file; raises ScaffoldError (bad request) or Refused (file exists). An OKR without
    ``period`` takes the one its id ends with (``nps-2027-q1``), else this quarter."""
    check_new_id(id)
    folder, ext = FILE_KINDS[kind]
    if kind == "okr" and not options.get("period"):
        options["period"] = period_from_id(id)
    text = render_item(kind, id, title or default_title(kind, id), roadmap, **options)
    path = Path(content_dir) / folder / f"{id}{ext}"
    if path.exists():
        raise Refused(f"{path} already exists; roadmap-gen never overwrites a file (edit it, or pick another id)")
    try:
        write_new_file(path, text)
    except FileExistsError:
        raise Refused(f"{path} already exists; roadmap-gen never overwrites a file") from None
    return NewItem(kind, id, path, text)
