"""The content format as data: every kind's fields, their types and rules.

One declaration serves the loader (type conversion, unknown keys, required
fields, enums), the JSON Schemas (:mod:`roadmap_gen.format.schema`) and the docs, so
the three cannot drift apart. This module holds the per-kind field tables; the
pieces they are made of live in :mod:`~roadmap_gen.format.fields`, the value
readers in :mod:`~roadmap_gen.format.scalars` and the conversion of YAML nodes
in :mod:`~roadmap_gen.format.convert`. All of them can be imported from here.
"""

from __future__ import annotations

from roadmap_gen.format.convert import Converter
from roadmap_gen.format.fields import (
    BOOL, CADENCE, DATE, ENUM, ID, INTEGER, MIXED, NUMBER, OBJECT, OBJECTS, PERIOD, REF, REFS, TEXT, TEXTS, URL,
    Field, Record, Spec,
)
from roadmap_gen.format.scalars import (
    CADENCE_RE, CADENCES, DATE_RE, ID_RE, INVALID, NUMBER_RE, PERIOD_RE, YAML11_BOOL, YAML11_NULL,
    add_months, check_id, kebab, parse_date, parse_number,
)

__all__ = [
    # re-exported building blocks, readers and the converter
    "BOOL", "CADENCE", "DATE", "ENUM", "ID", "INTEGER", "MIXED", "NUMBER", "OBJECT", "OBJECTS", "PERIOD", "REF", "REFS", "TEXT",
    "TEXTS", "URL", "Field", "Record", "Spec", "Converter",
    "CADENCE_RE", "CADENCES", "DATE_RE", "ID_RE", "INVALID", "NUMBER_RE", "PERIOD_RE", "YAML11_BOOL",
    "YAML11_NULL", "add_months", "check_id", "kebab", "parse_date", "parse_number",
    # the field tables
    "HORIZONS", "VISIBILITIES", "HYPOTHESIS_STATUSES", "STAGE_FIELDS", "OUTCOME_REFS",
    "TACTIC", "GOAL", "STRATEGY", "REVIEW", "ROADMAP", "BEHAVIOUR", "BEHAVIOUR_REFS", "STAGE", "JOURNEY_ENTRY",
    "JOURNEY", "BASELINE", "TARGET", "METRIC",
    "METRICS", "OUTCOME", "THEME", "QUESTION", "EXPERIMENT", "LINK", "HYPOTHESIS", "OPPORTUNITY",
    "KEY_RESULT", "OKR", "ORDER", "EFFECTS", "INSIGHT", "FILE_SPECS", "ITEM_SPECS",
]

HORIZONS = ("now", "next", "later")
VISIBILITIES = ("internal", "public")


def _vis() -> Field:
    return Field("visibility", ENUM, choices=VISIBILITIES, default="internal",
                 doc="`public` items appear in public builds; default `internal`.")


ORDER = Field("order", INTEGER, doc="Sorts the cards of a board cell: lower first, items without one last, "
                                  "then by title.")

STAGE_FIELDS = (
    Field("stage", REF, ref="stage", doc="The journey stage this sits on."),
    Field("stages", REFS, ref="stage", doc="Several journey stages (instead of `stage`)."),
)

TACTIC = Spec("tactic", (
    Field("id", ID, doc="Lets themes and hypotheses name the tactic (`tactic: <id>`); unique among tactics."),
    Field("title", TEXT, required=True),
    Field("active", BOOL, default=True, doc="Inactive tactics are shown greyed."),
    Field("description", TEXT),
), extensions=("description",))

GOAL = Spec("goal", (
    Field("id", ID, required=True),
    Field("title", TEXT, required=True),
    Field("metric", REF, ref="metric"),
    Field("target", NUMBER, doc="Value of the metric to reach."),
    Field("by", DATE),
    Field("north_star", BOOL, default=False, doc="At most one goal is the north star."),
    Field("description", TEXT),
    _vis(),
), extensions=("description",))

STRATEGY = Spec("strategy", (
    Field("id", ID, required=True),
    Field("title", TEXT, required=True),
    Field("goal", REF, ref="goal"),
    Field("metric", REF, ref="metric", doc="The strategy's sub-goal metric."),
    Field("active", BOOL, default=True, doc="What we say yes to; false = no (for now)."),
    Field("tactics", OBJECTS, spec=TACTIC),
    Field("description", TEXT),
    _vis(),
), extensions=("description",))

REVIEW = Spec("review", (
    Field("last", DATE, required=True, doc="When the VMGS was last reviewed."),
    Field("every", CADENCE, required=True, doc="How often it is reviewed."),
))

ROADMAP = Spec("roadmap", (
    Field("title", TEXT, required=True, doc="Site heading."),
    Field("vision", TEXT, required=True),
    Field("mission", TEXT, required=True),
    Field("review", OBJECT, spec=REVIEW),
    Field("goals", OBJECTS, spec=GOAL),
    Field("strategies", OBJECTS, spec=STRATEGY),
), doc="content/roadmap.yml: vision, mission, goals, strategies (VMGS).")

BEHAVIOUR = Spec("behaviour", (
    Field("id", ID, required=True, doc="Unique across the whole journey file; gives the behaviour a page."),
    Field("title", TEXT, required=True),
    Field("metric", REF, ref="metric", doc="The rate of this behaviour."),
    Field("description", TEXT),
    _vis(),
), extensions=("description",))

BEHAVIOUR_REFS = Field("behaviours", REFS, ref="behaviour",
                       doc="The journey behaviours (boosters or blockers with an id) this aims to change.")

STAGE = Spec("stage", (
    Field("id", ID, required=True),
    Field("title", TEXT, required=True),
    Field("description", TEXT),
    Field("boosters", MIXED, spec=BEHAVIOUR, doc="Behaviours that predict success: texts, or objects with an id."),
    Field("blockers", MIXED, spec=BEHAVIOUR, doc="Behaviours that predict failure: texts, or objects with an id."),
    _vis(),
))

JOURNEY_ENTRY = Spec("journey_entry", (
    Field("id", ID, required=True),
    Field("title", TEXT, required=True, doc="Whose journey: a customer, a user, staff."),
    Field("description", TEXT),
    Field("stages", OBJECTS, required=True, spec=STAGE, min_items=1, doc="Order = left to right on its board."),
    _vis(),
), extensions=("description",))

JOURNEY = Spec("journey", (
    Field("stages", OBJECTS, spec=STAGE, min_items=1, doc="Order = left to right on the board (one journey)."),
    Field("journeys", OBJECTS, spec=JOURNEY_ENTRY, min_items=1,
          doc="Several journeys, one per actor, each with its stages (instead of `stages`)."),
), one_of=(("stages", "journeys"),), exclusive=(("stages", "journeys"),),
   doc="content/journey.yml: the customer-journey stages, left to right, or several journeys.")

BASELINE = Spec("baseline", (Field("value", NUMBER, required=True), Field("date", DATE)))
TARGET = Spec("target", (Field("value", NUMBER, required=True), Field("by", DATE)))

METRIC = Spec("metric", (
    Field("id", ID, required=True),
    Field("title", TEXT, required=True),
    Field("category", ENUM, required=True, choices=("business", "customer", "development"),
          doc="The KPI family: business performance, customer and user engagement, product development."),
    Field("unit", TEXT),
    Field("direction", ENUM, choices=("up", "down"), default="up", doc="Which way is better."),
    Field("baseline", OBJECT, spec=BASELINE),
    Field("target", OBJECT, spec=TARGET),
    Field("review", CADENCE, doc="How often it is measured; older data is stale."),
    Field("source", TEXT),
    Field("owner", TEXT),
    Field("description", TEXT),
    _vis(),
), extensions=("description",))

METRICS = Spec("metrics", (Field("metrics", OBJECTS, spec=METRIC),),
               doc="content/metrics.yml: metrics and KPIs; measurements in metrics/<id>.csv.")

OUTCOME = Spec("outcome", (
    Field("title", TEXT, required=True),
    *STAGE_FIELDS,
    Field("strategy", REF, ref="strategy"),
    Field("metric", REF, ref="metric", required=True),
    Field("target", NUMBER, doc="Overrides the metric's target value."),
    Field("by", DATE),
    Field("team", TEXT),
    BEHAVIOUR_REFS,
    _vis(),
), one_of=(("stage", "stages"),), exclusive=(("stage", "stages"),), extensions=("team",),
   doc="content/outcomes/<id>.md: a change in what people do, measured by a metric.")

OUTCOME_REFS = (
    Field("outcome", REF, ref="outcome"),
    Field("outcomes", REFS, ref="outcome"),
)

THEME = Spec("theme", (
    Field("title", TEXT, required=True),
    *STAGE_FIELDS,
    Field("horizon", ENUM, required=True, choices=HORIZONS),
    *OUTCOME_REFS,
    Field("team", TEXT),
    ORDER,
    BEHAVIOUR_REFS,
    Field("tactic", REF, ref="tactic", doc="The strategy's tactic this theme carries out."),
    _vis(),
), one_of=(("stage", "stages"),), exclusive=(("stage", "stages"), ("outcome", "outcomes")),
   doc="content/themes/<id>.md: a theme of work or a problem to solve.")

QUESTION = Spec("question", (
    Field("title", TEXT, required=True, doc="The question itself."),
    *STAGE_FIELDS,
    Field("horizon", ENUM, required=True, choices=HORIZONS),
    *OUTCOME_REFS,
    Field("theme", REF, ref="theme"),
    Field("status", ENUM, choices=("open", "answered", "dropped"), default="open"),
    Field("answer", TEXT),
    Field("team", TEXT),
    ORDER,
    BEHAVIOUR_REFS,
    _vis(),
), one_of=(("stage", "stages"),), exclusive=(("stage", "stages"), ("outcome", "outcomes")),
   doc="content/questions/<id>.md: a question the team is trying to answer.")

EXPERIMENT = Spec("experiment", (
    Field("title", TEXT, required=True),
    Field("status", ENUM, required=True, choices=("planned", "running", "done")),
    Field("start", DATE),
    Field("end", DATE),
    Field("result", TEXT),
))

LINK = Spec("link", (Field("title", TEXT, required=True), Field("url", URL, required=True)))

HYPOTHESIS_STATUSES = ("idea", "testing", "validated", "invalidated", "parked")

HYPOTHESIS = Spec("hypothesis", (
    Field("title", TEXT, required=True),
    *STAGE_FIELDS,
    Field("horizon", ENUM, required=True, choices=HORIZONS),
    *OUTCOME_REFS,
    Field("theme", REF, ref="theme"),
    Field("question", REF, ref="question"),
    Field("opportunity", REF, ref="opportunity", doc="Its place in the opportunity solution tree."),
    Field("we_believe", TEXT, required=True),
    Field("will_result_in", TEXT, required=True),
    Field("we_will_know_when", TEXT, required=True),
    Field("status", ENUM, required=True, choices=HYPOTHESIS_STATUSES),
    Field("confidence", ENUM, choices=("low", "medium", "high")),
    Field("team", TEXT),
    Field("experiments", OBJECTS, spec=EXPERIMENT),
    Field("links", OBJECTS, spec=LINK),
    ORDER,
    BEHAVIOUR_REFS,
    Field("tactic", REF, ref="tactic", doc="The strategy's tactic this hypothesis is a bet on."),
    _vis(),
), one_of=(("stage", "stages"),), exclusive=(("stage", "stages"), ("outcome", "outcomes")),
   extensions=("outcomes",),
   doc="content/hypotheses/<id>.md: a solution framed as a bet, with experiments.")

OPPORTUNITY = Spec("opportunity", (
    Field("title", TEXT, required=True),
    Field("outcome", REF, ref="outcome", doc="The tree's root."),
    Field("parent", REF, ref="opportunity", doc="A parent opportunity."),
    *STAGE_FIELDS,
    BEHAVIOUR_REFS,
    _vis(),
), one_of=(("outcome", "parent"),), exclusive=(("stage", "stages"),), extensions=("stages",),
   doc="content/opportunities/<id>.md: a node of the opportunity solution tree.")

KEY_RESULT = Spec("key_result", (
    Field("title", TEXT, required=True),
    Field("metric", REF, ref="metric", doc="Current comes from its data."),
    Field("from", NUMBER, required=True),
    Field("to", NUMBER, required=True),
    Field("current", NUMBER, doc="Needed when there is no metric (or outcome)."),
    Field("unit", TEXT, doc="Of from, to and current (default: the metric's unit)."),
    Field("outcome", REF, ref="outcome",
          doc="The outcome (behaviour change) it measures; without `metric` and `current` it takes the "
              "outcome's metric."),
    Field("hypotheses", REFS, ref="hypothesis", doc="The work it breaks down into."),
), one_of=(("current", "metric", "outcome"),), extensions=("unit",))

OKR = Spec("okr", (
    Field("objective", TEXT, required=True),
    Field("period", PERIOD, required=True, doc="YYYY, YYYY-Qn or YYYY-MM."),
    Field("team", TEXT),
    Field("strategy", REF, ref="strategy"),
    Field("key_results", OBJECTS, required=True, spec=KEY_RESULT, min_items=1),
    _vis(),
), doc="content/okrs/<id>.yml: an objective and its key results.")

EFFECTS = ("supports", "contradicts")

INSIGHT = Spec("insight", (
    Field("title", TEXT, required=True, doc="What was learned, in one sentence (a quote is welcome)."),
    Field("date", DATE, required=True, doc="When it was learned."),
    Field("source", TEXT, required=True,
          doc="Where it comes from: interview, survey, support ticket, analytics, sales call, ..."),
    Field("segment", TEXT, doc="Whom it is about, e.g. a customer segment."),
    Field("url", URL, doc="The research note, recording or ticket."),
    Field("effect", ENUM, choices=EFFECTS, default="supports",
          doc="Whether it supports or contradicts what it names."),
    Field("opportunities", REFS, ref="opportunity", doc="What this is evidence for."),
    Field("hypotheses", REFS, ref="hypothesis", doc="What this is evidence for."),
    Field("questions", REFS, ref="question", doc="What this is evidence for."),
    Field("outcomes", REFS, ref="outcome", doc="What this is evidence for."),
    Field("behaviours", REFS, ref="behaviour", doc="What this is evidence for: journey behaviours with an id."),
    _vis(),
), doc="content/insights/<id>.md: what was learned from customers or data, and what it is evidence for.")

FILE_SPECS: dict[str, Spec] = {
    "roadmap": ROADMAP, "journey": JOURNEY, "metrics": METRICS, "outcome": OUTCOME,
    "theme": THEME, "question": QUESTION, "hypothesis": HYPOTHESIS,
    "opportunity": OPPORTUNITY, "okr": OKR, "insight": INSIGHT,
}
"""The spec of each kind of file."""

ITEM_SPECS: dict[str, Spec] = {
    "goal": GOAL, "strategy": STRATEGY, "stage": STAGE, "metric": METRIC, "journey": JOURNEY_ENTRY,
    "behaviour": BEHAVIOUR, **{
        k: v for k, v in FILE_SPECS.items() if k not in ("roadmap", "journey", "metrics")},
}
