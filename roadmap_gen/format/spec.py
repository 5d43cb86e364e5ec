"""The content format as data: every kind's fields, their types and rules.

One declaration serves the loader (type conversion, unknown keys, required
fields, enums), the JSON Schemas (:mod:`roadmap_gen.format.schema`) and the docs, so
the three cannot drift apart. Conversion never trusts YAML's implicit typing:
each scalar is read as the type its field declares, with a located error when
it does not fit.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from roadmap_gen.format.diagnostics import Diagnostics, Location, suggestion
from roadmap_gen.format.yamlsrc import YMap, YNode, YScalar, YSeq, node_kind

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PERIOD_RE = re.compile(r"^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$")
CADENCE_RE = re.compile(r"^([1-9]\d*) (day|days|week|weeks|month|months)$")
NUMBER_RE = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")
YAML11_BOOL = re.compile(r"^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")
YAML11_NULL = re.compile(r"^(~|null|Null|NULL)$")

CADENCES = ("weekly", "monthly", "quarterly", "yearly")
HORIZONS = ("now", "next", "later")
VISIBILITIES = ("internal", "public")

# Field types
TEXT, ID, REF, REFS, DATE, PERIOD, CADENCE, NUMBER, BOOL, ENUM, TEXTS, OBJECT, OBJECTS, URL = (
    "text", "id", "ref", "refs", "date", "period", "cadence", "number", "bool", "enum",
    "texts", "object", "objects", "url",
)


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool = False
    doc: str = ""
    ref: str | None = None  # kind referenced by REF/REFS
    choices: tuple[str, ...] = ()
    spec: "Spec | None" = None  # for OBJECT / OBJECTS
    default: Any = None
    min_items: int = 0


@dataclass(frozen=True)
class Spec:
    """The fields of one kind (or one nested object)."""

    name: str
    fields: tuple[Field, ...]
    doc: str = ""
    one_of: tuple[tuple[str, ...], ...] = ()  # at least one of these is required
    exclusive: tuple[tuple[str, str], ...] = ()  # not both
    extensions: tuple[str, ...] = ()  # fields added by roadmap-gen beyond format v1

    def field(self, name: str) -> Field | None:
        for f in self.fields:
            if f.name == name:
                return f
        return None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


@dataclass(frozen=True, slots=True)
class Record:
    """A converted mapping: typed values, as-written values and locations."""

    values: dict[str, Any]
    locs: dict[str, Location]
    loc: Location

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def loc_of(self, name: str) -> Location:
        return self.locs.get(name, self.loc)


def _vis() -> Field:
    return Field("visibility", ENUM, choices=VISIBILITIES, default="internal",
                 doc="`public` items appear in public builds; default `internal`.")


STAGE_FIELDS = (
    Field("stage", REF, ref="stage", doc="The journey stage this sits on."),
    Field("stages", REFS, ref="stage", doc="Several journey stages (instead of `stage`)."),
)

TACTIC = Spec("tactic", (
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

STAGE = Spec("stage", (
    Field("id", ID, required=True),
    Field("title", TEXT, required=True),
    Field("description", TEXT),
    Field("boosters", TEXTS, doc="Behaviours that predict success."),
    Field("blockers", TEXTS, doc="Behaviours that predict failure."),
    _vis(),
))

JOURNEY = Spec("journey", (
    Field("stages", OBJECTS, required=True, spec=STAGE, min_items=1, doc="Order = left to right on the board."),
), doc="content/journey.yml: the customer-journey stages, left to right.")

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
    _vis(),
), one_of=(("stage", "stages"),), exclusive=(("stage", "stages"), ("outcome", "outcomes")),
   extensions=("outcomes",),
   doc="content/hypotheses/<id>.md: a solution framed as a bet, with experiments.")

OPPORTUNITY = Spec("opportunity", (
    Field("title", TEXT, required=True),
    Field("outcome", REF, ref="outcome", doc="The tree's root."),
    Field("parent", REF, ref="opportunity", doc="A parent opportunity."),
    *STAGE_FIELDS,
    _vis(),
), one_of=(("outcome", "parent"),), exclusive=(("stage", "stages"),), extensions=("stages",),
   doc="content/opportunities/<id>.md: a node of the opportunity solution tree.")

KEY_RESULT = Spec("key_result", (
    Field("title", TEXT, required=True),
    Field("metric", REF, ref="metric", doc="Current comes from its data."),
    Field("from", NUMBER, required=True),
    Field("to", NUMBER, required=True),
    Field("current", NUMBER, doc="Needed when there is no metric."),
), one_of=(("current", "metric"),))

OKR = Spec("okr", (
    Field("objective", TEXT, required=True),
    Field("period", PERIOD, required=True, doc="YYYY, YYYY-Qn or YYYY-MM."),
    Field("team", TEXT),
    Field("strategy", REF, ref="strategy"),
    Field("key_results", OBJECTS, required=True, spec=KEY_RESULT, min_items=1),
    _vis(),
), doc="content/okrs/<id>.yml: an objective and its key results.")

FILE_SPECS: dict[str, Spec] = {
    "roadmap": ROADMAP, "journey": JOURNEY, "metrics": METRICS, "outcome": OUTCOME,
    "theme": THEME, "question": QUESTION, "hypothesis": HYPOTHESIS,
    "opportunity": OPPORTUNITY, "okr": OKR,
}
"""The spec of each kind of file."""

ITEM_SPECS: dict[str, Spec] = {
    "goal": GOAL, "strategy": STRATEGY, "stage": STAGE, "metric": METRIC, **{
        k: v for k, v in FILE_SPECS.items() if k not in ("roadmap", "journey", "metrics")},
}


def kebab(text: str) -> str:
    """Transliterate to an ASCII kebab-case id: ``Första Steg`` -> ``forsta-steg``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def check_id(value: str, loc: Location, diags: Diagnostics, what: str = "id") -> bool:
    if ID_RE.match(value):
        return True
    fixed = kebab(value)
    hint = f"; try `{fixed}`" if fixed else ""
    diags.error(loc, f"{what} `{value}` is not lower-case ASCII kebab-case (a-z, 0-9, single hyphens){hint}")
    return False


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    mdays = [31, 29 if (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 else 28,
             31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return date(year, month, min(d.day, mdays))


class Converter:
    """Converts located YAML nodes into Records following a Spec."""

    def __init__(self, diags: Diagnostics) -> None:
        self.diags = diags

    # -- mappings ---------------------------------------------------------
    def record(self, node: YNode | None, spec: Spec, loc: Location) -> Record | None:
        if node is None or (isinstance(node, YScalar) and node.is_null):
            node = YMap((), node.loc if node is not None else loc)
        if not isinstance(node, YMap):
            self.diags.error(node.loc, f"expected a mapping of {spec.name} fields, found {node_kind(node)}")
            return None
        values: dict[str, Any] = {}
        locs: dict[str, Location] = {}
        allowed = spec.names
        for key, value in node.items:
            f = spec.field(key.value)
            if f is None:
                hint = suggestion(key.value, allowed)
                if not hint:
                    hint = f"; expected one of: {', '.join(allowed)}"
                self.diags.error(key.loc, f"unknown key `{key.value}` in {spec.name}{hint}")
                continue
            if isinstance(value, YScalar) and value.is_null:
                if f.required:
                    self.diags.error(value.loc, f"`{f.name}` is required but empty")
                continue
            converted = self.value(value, f, spec)
            if converted is not _INVALID:
                values[f.name] = converted
                locs[f.name] = value.loc
        keys = {k.value for k, _ in node.items}
        present = {k.value for k, v in node.items if not (isinstance(v, YScalar) and v.is_null)}
        for f in spec.fields:
            if f.required and f.name not in keys:
                self.diags.error(node.loc, f"missing required field `{f.name}` in {spec.name}")
        for group in spec.one_of:
            if not present.intersection(group):
                names = " or ".join(f"`{g}`" for g in group)
                self.diags.error(node.loc, f"{spec.name} needs {names}")
        for a, b in spec.exclusive:
            if a in present and b in present:
                self.diags.error(node.get(b).loc if node.get(b) else node.loc,
                                 f"give either `{a}` or `{b}`, not both")
        return Record(values, locs, node.loc)

    # -- values -----------------------------------------------------------
    def value(self, node: YNode, f: Field, spec: Spec) -> Any:
        t = f.type
        if t == OBJECT:
            return self.record(node, f.spec, node.loc) or _INVALID
        if t in (OBJECTS, TEXTS, REFS):
            if not isinstance(node, YSeq):
                example = "[a, b]" if t != OBJECTS else "a list of `- ...` entries"
                self.diags.error(node.loc, f"`{f.name}` must be a list ({example}), found {node_kind(node)}")
                return _INVALID
            if len(node.items) < f.min_items:
                self.diags.error(node.loc, f"`{f.name}` needs at least {f.min_items} entry")
            out = []
            for item in node.items:
                if t == OBJECTS:
                    rec = self.record(item, f.spec, item.loc)
                    if rec is not None:
                        out.append(rec)
                else:
                    v = self.scalar(item, TEXT if t == TEXTS else REF, f)
                    if v is not _INVALID:
                        out.append((v, item.loc))
            return tuple(out)
        return self.scalar(node, t, f)

    def scalar(self, node: YNode, t: str, f: Field) -> Any:
        if not isinstance(node, YScalar):
            self.diags.error(node.loc, f"`{f.name}` must be {_EXPECT[t]}, found {node_kind(node)}")
            return _INVALID
        v, loc = node.value, node.loc
        if t in (TEXT, ID, REF, ENUM, URL, PERIOD, CADENCE, DATE):
            if node.plain and (YAML11_BOOL.match(v) or YAML11_NULL.match(v)):
                self.diags.error(loc, f"`{f.name}: {v}` would be read by YAML as "
                                      f"{'a boolean' if YAML11_BOOL.match(v) else 'null'}; "
                                      f"quote it if you mean the text: \"{v}\"")
                return _INVALID
            if t == TEXT:
                if not v.strip() and f.required:
                    self.diags.error(loc, f"`{f.name}` must not be empty")
                    return _INVALID
                return v
            if t in (ID, REF):
                return v if check_id(v, loc, self.diags, "id" if t == ID else f"reference `{f.name}`") else _INVALID
            if t == ENUM:
                if v in f.choices:
                    return v
                self.diags.error(loc, f"`{v}` is not a valid {f.name}; expected one of: "
                                      f"{', '.join(f.choices)}{suggestion(v, f.choices)}")
                return _INVALID
            if t == URL:
                return self.url(v, loc, f)
            if t == DATE:
                return self.date(v, loc, f)
            if t == PERIOD:
                pm = PERIOD_RE.match(v)
                if pm and 1 <= int(pm.group(1)) <= 9998:
                    return v
                if pm:
                    self.diags.error(loc, f"`{v}` is not a period: the year must be between 0001 and 9998")
                    return _INVALID
                self.diags.error(loc, f"`{v}` is not a period; write YYYY, YYYY-Qn or YYYY-MM (e.g. 2026-Q4)")
                return _INVALID
            if t == CADENCE:
                if v in CADENCES or CADENCE_RE.match(v):
                    return v
                self.diags.error(loc, f"`{v}` is not a cadence; expected {', '.join(CADENCES)} or "
                                      f"`N days`, `N weeks`, `N months`{suggestion(v, CADENCES)}")
                return _INVALID
        if t == NUMBER:
            return self.number(node, f)
        if t == BOOL:
            if node.plain and v in ("true", "True", "TRUE"):
                return True
            if node.plain and v in ("false", "False", "FALSE"):
                return False
            if node.plain and YAML11_BOOL.match(v):
                right = "true" if v.lower() in ("y", "yes", "on") else "false"
                self.diags.error(loc, f"`{f.name}: {v}` is ambiguous YAML; write `{right}`")
            else:
                self.diags.error(loc, f"`{f.name}` must be true or false, found `{v}`")
            return _INVALID
        raise AssertionError(t)  # pragma: no cover

    def number(self, node: YScalar, f: Field) -> Any:
        v, loc = node.value, node.loc
        if not node.plain:
            self.diags.error(loc, f"`{f.name}` must be a number, found quoted text \"{v}\"")
            return _INVALID
        return parse_number(v, loc, self.diags, f"`{f.name}`")

    def date(self, v: str, loc: Location, f: Field) -> Any:
        return parse_date(v, loc, self.diags, f"`{f.name}`")

    def url(self, v: str, loc: Location, f: Field) -> Any:
        # as browsers read it: tabs and newlines removed, leading control characters and spaces stripped
        probe = re.sub(r"[\t\n\r]", "", v).strip("".join(map(chr, range(0x21))))
        scheme = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", probe)
        if scheme and scheme.group(1).lower() not in ("http", "https", "mailto"):
            self.diags.error(loc, f"`{f.name}` uses the `{scheme.group(1)}:` scheme; only http, https, "
                                  "mailto and relative links are allowed")
            return _INVALID
        return v.strip()


def parse_number(v: str, loc: Location, diags: Diagnostics, what: str) -> Any:
    s = v.strip()
    if re.match(r"^[-+]?0\d", s) and "." not in s and "e" not in s.lower():
        diags.error(loc, f"{what}: `{s}` is ambiguous (YAML 1.1 reads a leading zero as octal); "
                         f"write `{s.lstrip('+-0') or '0'}`")
        return _INVALID
    if not NUMBER_RE.match(s):
        if s.lower().lstrip("+-.") in ("inf", "nan", "infinity"):
            diags.error(loc, f"{what} must be a finite number, found `{s}`")
        elif YAML11_BOOL.match(s):
            diags.error(loc, f"{what} must be a number, found `{s}` (a YAML 1.1 boolean)")
        else:
            diags.error(loc, f"{what} must be a number, found `{s}`")
        return _INVALID
    if not math.isfinite(float(s)):  # 1e999, or more digits than a float can hold
        diags.error(loc, f"{what} must be a finite number, found `{s if len(s) <= 40 else s[:37] + '...'}`")
        return _INVALID
    if re.match(r"^[-+]?\d+$", s):
        return int(s)
    return float(s)


def parse_date(v: str, loc: Location, diags: Diagnostics, what: str) -> Any:
    s = v.strip()
    if not DATE_RE.match(s):
        diags.error(loc, f"{what}: `{s}` is not a date; write YYYY-MM-DD")
        return _INVALID
    try:
        return date.fromisoformat(s)
    except ValueError as exc:
        diags.error(loc, f"{what}: `{s}` is not a valid date ({exc})")
        return _INVALID


class _Invalid:
    def __repr__(self) -> str:
        return "<invalid>"


_INVALID: Any = _Invalid()
INVALID = _INVALID

_EXPECT = {
    TEXT: "text", ID: "an id", REF: "an id", ENUM: "one word", URL: "a URL", DATE: "a date (YYYY-MM-DD)",
    PERIOD: "a period (YYYY, YYYY-Qn or YYYY-MM)", CADENCE: "a cadence", NUMBER: "a number",
    BOOL: "true or false",
}
