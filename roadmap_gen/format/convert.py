"""Conversion of located YAML nodes into typed :class:`~roadmap_gen.format.fields.Record` values.

Conversion never trusts YAML's implicit typing: each scalar is read as the
type its field declares, with a located error when it does not fit.
"""

from __future__ import annotations

from typing import Any

from roadmap_gen.format.diagnostics import Diagnostics, Location, excerpt, suggestion
from roadmap_gen.format.fields import (
    BOOL, CADENCE, DATE, ENUM, ID, INTEGER, MIXED, NUMBER, OBJECT, OBJECTS, PERIOD, REF, REFS, TEXT, TEXTS, URL,
    Field, Record, Spec,
)
from roadmap_gen.format.scalars import (
    CADENCE_RE, CADENCES, INVALID, PERIOD_RE, URL_SCHEME_RE, URL_SCHEMES, YAML11_BOOL, YAML11_NULL, check_id,
    normalise_url, parse_date, parse_number,
)
from roadmap_gen.format.yamlsrc import YMap, YNode, YScalar, YSeq, node_kind

_EXPECT = {
    TEXT: "text", ID: "an id", REF: "an id", ENUM: "one word", URL: "a URL", DATE: "a date (YYYY-MM-DD)",
    PERIOD: "a period (YYYY, YYYY-Qn or YYYY-MM)", CADENCE: "a cadence", NUMBER: "a number",
    BOOL: "true or false", INTEGER: "a whole number",
}
_TEXT_LIKE = (TEXT, ID, REF, ENUM, URL, PERIOD, CADENCE, DATE)  # read from their text, never YAML-typed


def _is_null(node: YNode) -> bool:
    return isinstance(node, YScalar) and node.is_null


class Converter:
    """Converts located YAML nodes into Records following a Spec."""

    def __init__(self, diags: Diagnostics) -> None:
        self.diags = diags

    # -- mappings ---------------------------------------------------------
    def record(self, node: YNode | None, spec: Spec, loc: Location) -> Record | None:
        if node is None or _is_null(node):
            node = YMap((), node.loc if node is not None else loc)
        if not isinstance(node, YMap):
            self.diags.error(node.loc, f"expected a mapping of {spec.name} fields, found {node_kind(node)}")
            return None
        values, locs = self._fields(node, spec)
        self._check_presence(node, spec)
        return Record(values, locs, node.loc)

    def _fields(self, node: YMap, spec: Spec) -> tuple[dict[str, Any], dict[str, Location]]:
        """The converted value and location of every known, non-empty key."""
        values: dict[str, Any] = {}
        locs: dict[str, Location] = {}
        allowed = spec.names
        for key, value in node.items:
            f = spec.field(key.value)
            if f is None:
                hint = suggestion(key.value, allowed)
                if not hint:
                    hint = f"; expected one of: {', '.join(allowed)}"
                self.diags.error(key.loc, f"unknown key `{excerpt(key.value)}` in {spec.name}{hint}")
                continue
            if _is_null(value):
                if f.required:
                    self.diags.error(value.loc, f"`{f.name}` is required but empty")
                continue
            converted = self.value(value, f, spec)
            if converted is not INVALID:
                values[f.name] = converted
                locs[f.name] = value.loc
        return values, locs

    def _check_presence(self, node: YMap, spec: Spec) -> None:
        """Required fields, `one_of` groups and `exclusive` pairs."""
        keys = {k.value for k, _ in node.items}
        present = {k.value for k, v in node.items if not _is_null(v)}
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

    # -- values -----------------------------------------------------------
    def value(self, node: YNode, f: Field, spec: Spec) -> Any:
        t = f.type
        if t == OBJECT:
            return self.record(node, f.spec, node.loc) or INVALID
        if t in (OBJECTS, TEXTS, REFS, MIXED):
            return self._list(node, f)
        return self.scalar(node, t, f)

    def _list(self, node: YNode, f: Field) -> Any:
        t = f.type
        if not isinstance(node, YSeq):
            example = "[a, b]" if t != OBJECTS else "a list of `- ...` entries"
            self.diags.error(node.loc, f"`{f.name}` must be a list ({example}), found {node_kind(node)}")
            return INVALID
        if len(node.items) < f.min_items:
            self.diags.error(node.loc, f"`{f.name}` needs at least {f.min_items} entry")
        out = []
        for item in node.items:
            if t == OBJECTS or (t == MIXED and isinstance(item, YMap)):
                rec = self.record(item, f.spec, item.loc)
                if rec is not None:
                    out.append(rec)
            else:
                v = self.scalar(item, TEXT if t in (TEXTS, MIXED) else REF, f)
                if v is not INVALID:
                    out.append((v, item.loc))
        return tuple(out)

    def scalar(self, node: YNode, t: str, f: Field) -> Any:
        if not isinstance(node, YScalar):
            self.diags.error(node.loc, f"`{f.name}` must be {_EXPECT[t]}, found {node_kind(node)}")
            return INVALID
        v, loc = node.value, node.loc
        if t in _TEXT_LIKE:
            if node.plain and (YAML11_BOOL.match(v) or YAML11_NULL.match(v)):
                self.diags.error(loc, f"`{f.name}: {excerpt(v)}` would be read by YAML as "
                                      f"{'a boolean' if YAML11_BOOL.match(v) else 'null'}; "
                                      f"quote it if you mean the text: \"{excerpt(v)}\"")
                return INVALID
            return self._text_like(v, loc, t, f)
        if t == NUMBER:
            return self.number(node, f)
        if t == INTEGER:
            return self.integer(node, f)
        if t == BOOL:
            return self._bool(node, f)
        raise AssertionError(t)  # pragma: no cover

    def _text_like(self, v: str, loc: Location, t: str, f: Field) -> Any:
        if t == TEXT:
            if not v.strip() and f.required:
                self.diags.error(loc, f"`{f.name}` must not be empty")
                return INVALID
            return v
        if t in (ID, REF):
            return v if check_id(v, loc, self.diags, "id" if t == ID else f"reference `{f.name}`") else INVALID
        if t == ENUM:
            return self._enum(v, loc, f)
        if t == URL:
            return self.url(v, loc, f)
        if t == DATE:
            return self.date(v, loc, f)
        if t == PERIOD:
            return self._period(v, loc)
        return self._cadence(v, loc)

    def _enum(self, v: str, loc: Location, f: Field) -> Any:
        if v in f.choices:
            return v
        self.diags.error(loc, f"`{excerpt(v)}` is not a valid {f.name}; expected one of: "
                              f"{', '.join(f.choices)}{suggestion(v, f.choices)}")
        return INVALID

    def _period(self, v: str, loc: Location) -> Any:
        pm = PERIOD_RE.match(v)
        if pm and 1 <= int(pm.group(1)) <= 9998:
            return v
        if pm:
            self.diags.error(loc, f"`{excerpt(v)}` is not a period: the year must be between 0001 and 9998")
            return INVALID
        self.diags.error(loc, f"`{excerpt(v)}` is not a period; write YYYY, YYYY-Qn or YYYY-MM (e.g. 2026-Q4)")
        return INVALID

    def _cadence(self, v: str, loc: Location) -> Any:
        if v in CADENCES or CADENCE_RE.match(v):
            return v
        self.diags.error(loc, f"`{excerpt(v)}` is not a cadence; expected {', '.join(CADENCES)} or "
                              f"`N days`, `N weeks`, `N months`{suggestion(v, CADENCES)}")
        return INVALID

    def _bool(self, node: YScalar, f: Field) -> Any:
        v, loc = node.value, node.loc
        if node.plain and v in ("true", "True", "TRUE"):
            return True
        if node.plain and v in ("false", "False", "FALSE"):
            return False
        if node.plain and YAML11_BOOL.match(v):
            right = "true" if v.lower() in ("y", "yes", "on") else "false"
            self.diags.error(loc, f"`{f.name}: {excerpt(v)}` is ambiguous YAML; write `{right}`")
        else:
            self.diags.error(loc, f"`{f.name}` must be true or false, found `{excerpt(v)}`")
        return INVALID

    def number(self, node: YScalar, f: Field) -> Any:
        v, loc = node.value, node.loc
        if not node.plain:
            self.diags.error(loc, f"`{f.name}` must be a number, found quoted text \"{excerpt(v)}\"")
            return INVALID
        return parse_number(v, loc, self.diags, f"`{f.name}`")

    def integer(self, node: YScalar, f: Field) -> Any:
        value = self.number(node, f)
        if value is INVALID or isinstance(value, int):
            return value
        self.diags.error(node.loc, f"`{f.name}` must be a whole number, found `{node.value.strip()}`")
        return INVALID

    def date(self, v: str, loc: Location, f: Field) -> Any:
        return parse_date(v, loc, self.diags, f"`{f.name}`")

    def url(self, v: str, loc: Location, f: Field) -> Any:
        url, bad = normalise_url(v)
        if bad:
            self.diags.error(loc, f"`{f.name}` contains the invisible or control character U+{ord(bad):04X}; "
                                  "remove it")
            return INVALID
        scheme = URL_SCHEME_RE.match(url)
        if scheme and scheme.group(1).lower() not in URL_SCHEMES:
            self.diags.error(loc, f"`{f.name}` uses the `{scheme.group(1)}:` scheme; only http, https, "
                                  "mailto and relative links are allowed")
            return INVALID
        return url
