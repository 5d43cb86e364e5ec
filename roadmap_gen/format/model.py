"""Typed, immutable models of a roadmap. Each remembers where it was written.

References are kept as ids (strings); :mod:`roadmap_gen.compile.validate` resolves and
checks them, :mod:`roadmap_gen.compile.compute` derives every figure. Nothing here
changes after loading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Mapping

from roadmap_gen.format.diagnostics import Location
from roadmap_gen.format.spec import CADENCE_RE, PERIOD_RE, add_months

# kind (singular) -> url segment / folder / roadmap.json list (plural)
PLURAL: dict[str, str] = {
    "goal": "goals", "strategy": "strategies", "stage": "stages", "metric": "metrics",
    "outcome": "outcomes", "theme": "themes", "question": "questions",
    "hypothesis": "hypotheses", "opportunity": "opportunities", "okr": "okrs", "insight": "insights",
    "journey": "journeys", "behaviour": "behaviours",
}
SINGULAR: dict[str, str] = {v: k for k, v in PLURAL.items()}
KINDS: tuple[str, ...] = tuple(PLURAL)
PAGE_KINDS: tuple[str, ...] = ("stage", "metric", "outcome", "theme", "question", "hypothesis", "opportunity", "okr",
                               "insight", "goal", "strategy", "behaviour")
"""Kinds with an item page of their own at ``<plural>/<id>/`` (goals and strategies are also listed, with an
anchor each, on the home page); a journey's page at ``journeys/<id>/`` is a board
(``roadmap_gen.site.views.board``), not an item page."""
BEHAVIOUR_TYPES: tuple[str, ...] = ("booster", "blocker")
HORIZONS: tuple[str, ...] = ("now", "next", "later")
EVIDENCE_FIELDS: dict[str, str] = {"opportunities": "opportunity", "hypotheses": "hypothesis",
                                   "questions": "question", "outcomes": "outcome", "behaviours": "behaviour"}
"""An insight's reference fields -> the kind each names (behaviours are journey behaviours with an id)."""


@dataclass(frozen=True, slots=True)
class Cadence:
    """``weekly``, ``monthly``, ``quarterly``, ``yearly`` or ``N days|weeks|months``."""

    text: str
    count: int
    unit: str  # days | months

    @classmethod
    def parse(cls, text: str) -> "Cadence":
        named = {"weekly": (7, "days"), "monthly": (1, "months"), "quarterly": (3, "months"), "yearly": (12, "months")}
        if text in named:
            return cls(text, *named[text])
        m = CADENCE_RE.match(text)
        if not m:
            raise ValueError(text)
        n, unit = int(m.group(1)), m.group(2).rstrip("s")
        if unit == "week":
            return cls(text, n * 7, "days")
        return cls(text, n, "days" if unit == "day" else "months")

    def after(self, d: date) -> date:
        from datetime import timedelta

        try:
            return d + timedelta(days=self.count) if self.unit == "days" else add_months(d, self.count)
        except (OverflowError, ValueError):  # beyond year 9999
            return date.max


@dataclass(frozen=True, slots=True)
class Period:
    """An OKR period: ``YYYY``, ``YYYY-Qn`` or ``YYYY-MM``, with its first and last day."""

    text: str
    start: date
    end: date

    @classmethod
    def parse(cls, text: str) -> "Period":
        m = PERIOD_RE.match(text)
        if not m:
            raise ValueError(text)
        year = int(m.group(1))
        if m.group(2):
            first = 3 * (int(m.group(2)) - 1) + 1
            start, months = date(year, first, 1), 3
        elif m.group(3):
            start, months = date(year, int(m.group(3)), 1), 1
        else:
            start, months = date(year, 1, 1), 12
        from datetime import timedelta

        return cls(text, start, add_months(start, months) - timedelta(days=1))


@dataclass(frozen=True, slots=True, kw_only=True)
class Node:
    """What every model shares: where it was written and its fields as written."""

    loc: Location
    fields: Mapping[str, Any] = field(default_factory=dict)  # as written, JSON-ready (dates as ISO text)
    locs: Mapping[str, Location] = field(default_factory=dict)  # where each field's value was written

    def loc_of(self, name: str) -> Location:
        return self.locs.get(name, self.loc)


@dataclass(frozen=True, slots=True, kw_only=True)
class Item(Node):
    """A roadmap entry with an id, unique within its kind."""

    id: str
    title: str
    source: str  # path within the content folder, e.g. ``hypotheses/setup-checklist.md``
    visibility: str = "internal"

    kind = "item"  # overridden as a class attribute by each kind

    @property
    def is_public(self) -> bool:
        return self.visibility == "public"


@dataclass(frozen=True, slots=True, kw_only=True)
class MarkdownItem(Item):
    body: str = ""
    body_line: int = 1  # line of the body's first line in the source file


@dataclass(frozen=True, slots=True, kw_only=True)
class Review(Node):
    last: date
    every: Cadence


@dataclass(frozen=True, slots=True, kw_only=True)
class Goal(Item):
    metric: str | None = None
    target: float | None = None
    by: date | None = None
    north_star: bool = False
    description: str | None = None
    kind = "goal"


@dataclass(frozen=True, slots=True, kw_only=True)
class Tactic(Node):
    title: str
    id: str | None = None  # lets themes and hypotheses name it (`tactic:`)
    active: bool = True
    description: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Strategy(Item):
    goal: str | None = None
    metric: str | None = None
    active: bool = True
    tactics: tuple[Tactic, ...] = ()
    description: str | None = None
    kind = "strategy"


@dataclass(frozen=True, slots=True, kw_only=True)
class Stage(Item):
    """A journey stage. ``boosters`` and ``blockers`` are the titles of its behaviours in file order;
    ``booster_ids``/``blocker_ids`` run alongside them: the behaviour's id, or None for a plain text."""

    description: str | None = None
    boosters: tuple[str, ...] = ()
    blockers: tuple[str, ...] = ()
    booster_ids: tuple[str | None, ...] = ()
    blocker_ids: tuple[str | None, ...] = ()
    journey: str | None = None  # the journey's id when journey.yml holds `journeys:`
    kind = "stage"

    def behaviour_list(self, type: str) -> tuple[tuple[str, str | None], ...]:
        """``(title, id or None)`` of its boosters or blockers (``type``), in file order."""
        titles, ids = (self.boosters, self.booster_ids) if type == "booster" else (self.blockers, self.blocker_ids)
        return tuple(zip(titles, ids or (None,) * len(titles)))


@dataclass(frozen=True, slots=True, kw_only=True)
class Behaviour(Item):
    """A booster or blocker with an id: something customers do that outcomes aim to change."""

    stage: str
    type: str  # booster | blocker
    metric: str | None = None
    description: str | None = None
    kind = "behaviour"


@dataclass(frozen=True, slots=True, kw_only=True)
class Journey(Item):
    """One actor's journey: its stages, left to right."""

    stages: tuple[str, ...] = ()
    description: str | None = None
    kind = "journey"


@dataclass(frozen=True, slots=True)
class Measurement:
    date: date
    value: float
    note: str
    loc: Location


@dataclass(frozen=True, slots=True)
class Baseline:
    value: float
    date: date | None = None


@dataclass(frozen=True, slots=True)
class Target:
    value: float
    by: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Metric(Item):
    category: str
    unit: str = ""
    direction: str = "up"
    baseline: Baseline | None = None
    target: Target | None = None
    review: Cadence | None = None
    source_text: str | None = None  # the `source` field (where the data comes from)
    owner: str | None = None
    description: str | None = None
    measurements: tuple[Measurement, ...] = ()
    series_source: str | None = None  # metrics/<id>.csv when present
    kind = "metric"


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome(MarkdownItem):
    stages: tuple[str, ...]
    metric: str
    strategy: str | None = None
    target: float | None = None
    by: date | None = None
    team: str | None = None
    behaviours: tuple[str, ...] = ()
    kind = "outcome"


@dataclass(frozen=True, slots=True, kw_only=True)
class Theme(MarkdownItem):
    stages: tuple[str, ...]
    horizon: str
    outcomes: tuple[str, ...] = ()
    team: str | None = None
    order: int | None = None
    behaviours: tuple[str, ...] = ()
    tactic: str | None = None
    kind = "theme"


@dataclass(frozen=True, slots=True, kw_only=True)
class Question(MarkdownItem):
    stages: tuple[str, ...]
    horizon: str
    outcomes: tuple[str, ...] = ()
    theme: str | None = None
    status: str = "open"
    answer: str | None = None
    team: str | None = None
    order: int | None = None
    behaviours: tuple[str, ...] = ()
    kind = "question"


@dataclass(frozen=True, slots=True, kw_only=True)
class Experiment(Node):
    title: str
    status: str
    start: date | None = None
    end: date | None = None
    result: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Link(Node):
    title: str
    url: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Hypothesis(MarkdownItem):
    stages: tuple[str, ...]
    horizon: str
    we_believe: str
    will_result_in: str
    we_will_know_when: str
    status: str
    outcomes: tuple[str, ...] = ()
    theme: str | None = None
    question: str | None = None
    opportunity: str | None = None
    confidence: str | None = None
    team: str | None = None
    experiments: tuple[Experiment, ...] = ()
    links: tuple[Link, ...] = ()
    order: int | None = None
    behaviours: tuple[str, ...] = ()
    tactic: str | None = None
    kind = "hypothesis"


@dataclass(frozen=True, slots=True, kw_only=True)
class Opportunity(MarkdownItem):
    outcome: str | None = None
    parent: str | None = None
    stages: tuple[str, ...] = ()
    behaviours: tuple[str, ...] = ()
    kind = "opportunity"


@dataclass(frozen=True, slots=True, kw_only=True)
class Insight(MarkdownItem):
    """What was learned from customers or data, and the items it is evidence for (or against)."""

    date: date
    source_text: str  # the `source` field (interview, survey, ...); `source` is the file
    segment: str | None = None
    url: str | None = None
    effect: str = "supports"  # supports | contradicts
    opportunities: tuple[str, ...] = ()
    hypotheses: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    behaviours: tuple[str, ...] = ()
    kind = "insight"

    def names(self):
        """``(kind, id)`` of every item this insight is evidence for, in field order."""
        for name, kind in EVIDENCE_FIELDS.items():
            for id in getattr(self, name):
                yield kind, id


@dataclass(frozen=True, slots=True, kw_only=True)
class KeyResult(Node):
    title: str
    start: float  # `from` in the file
    to: float
    current: float | None = None
    metric: str | None = None
    unit: str | None = None  # of from, to and current (default: the metric's)
    outcome: str | None = None  # the outcome it measures
    hypotheses: tuple[str, ...] = ()  # the work it breaks down into


@dataclass(frozen=True, slots=True, kw_only=True)
class Okr(Item):
    period: Period
    key_results: tuple[KeyResult, ...]
    team: str | None = None
    strategy: str | None = None
    kind = "okr"

    @property
    def objective(self) -> str:
        return self.title


@dataclass(frozen=True, slots=True, kw_only=True)
class Roadmap(Node):
    """The whole roadmap, as loaded. Lists keep file order (YAML) or id order (folders)."""

    title: str
    vision: str
    mission: str
    review: Review | None = None
    goals: tuple[Goal, ...] = ()
    strategies: tuple[Strategy, ...] = ()
    stages: tuple[Stage, ...] = ()
    metrics: tuple[Metric, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    themes: tuple[Theme, ...] = ()
    questions: tuple[Question, ...] = ()
    hypotheses: tuple[Hypothesis, ...] = ()
    opportunities: tuple[Opportunity, ...] = ()
    okrs: tuple[Okr, ...] = ()
    insights: tuple[Insight, ...] = ()
    journeys: tuple[Journey, ...] = ()  # empty when journey.yml holds one list of `stages:` (v1)
    behaviours: tuple[Behaviour, ...] = ()
    _index: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    def items(self, kind: str) -> tuple[Item, ...]:
        """All items of one kind (singular name)."""
        return getattr(self, PLURAL[kind])

    def get(self, kind: str, id: str) -> Item | None:
        """The item of ``kind`` with ``id``, or None. The first of duplicates wins."""
        table = self._index.get(kind)
        if table is None:
            table = {}
            for item in self.items(kind):
                table.setdefault(item.id, item)
            self._index[kind] = table
        return table.get(id)

    def ids(self, kind: str) -> list[str]:
        return [i.id for i in self.items(kind)]

    def all_items(self):
        for kind in KINDS:
            yield from self.items(kind)

    def tactics(self):
        """``(strategy, tactic)`` of every tactic with an id, in file order."""
        for s in self.strategies:
            for t in s.tactics:
                if t.id:
                    yield s, t

    def tree_outcomes(self, opportunity_id: str) -> tuple[str, ...]:
        """The outcomes whose opportunity tree ``opportunity_id`` is in: its own ``outcome`` and those of its
        ``parent``\\ s, nearest first (a cycle, which validation reports, ends the walk)."""
        out: list[str] = []
        seen: set[str] = set()
        node = self.get("opportunity", opportunity_id)
        while isinstance(node, Opportunity) and node.id not in seen:
            seen.add(node.id)
            if node.outcome and node.outcome not in out:
                out.append(node.outcome)
            node = self.get("opportunity", node.parent) if node.parent else None
        return tuple(out)

    def boards(self) -> tuple[tuple["Journey | None", tuple[Stage, ...]], ...]:
        """The journeys with their stages, in file order; one ``(None, stages)`` for a v1 journey file."""
        if not self.journeys:
            return ((None, self.stages),) if self.stages else ()
        by_journey: dict[str, list[Stage]] = {}
        for st in self.stages:
            by_journey.setdefault(st.journey or "", []).append(st)
        return tuple((j, tuple(by_journey.get(j.id, ()))) for j in self.journeys)
