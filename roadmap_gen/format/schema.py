"""JSON Schemas (draft 2020-12) for the content files, derived from :mod:`roadmap_gen.format.spec`.

One schema per kind of file: ``roadmap`` (roadmap.yml), ``journey``
(journey.yml: one list of ``stages`` or several ``journeys``, boosters and
blockers as texts or behaviour objects), ``metrics`` (metrics.yml), ``okr`` (okrs/<id>.yml) and the front
matter of ``outcome``, ``theme``, ``question``, ``hypothesis``,
``opportunity`` and ``insight`` Markdown files. Types, enums, required fields, "one of"
groups, mutually exclusive fields, nested objects and descriptions all come
from the spec, so the schemas cannot drift from what ``roadmap-gen check``
accepts.

Editors validate YAML as YAML 1.2, so the schemas follow what such an editor
sees: dates are strings (``format: date`` plus a pattern), an unquoted ``2026``
is a number (accepted where the loader accepts it as text or a period), and an
empty value is ``null`` (accepted for optional fields, which the loader treats
as absent). ``roadmap-gen check`` stays the authority: a few rules (YAML 1.1
words such as ``no`` used as text, references to existing ids) are beyond a
schema.
"""

from __future__ import annotations

import json
from typing import Any

from roadmap_gen.format.diagnostics import did_you_mean
from roadmap_gen.format.model import PLURAL
from roadmap_gen.format.spec import (
    BOOL, CADENCE, CADENCES, DATE, ENUM, FILE_SPECS, ID, INTEGER, MIXED, NUMBER, OBJECT, OBJECTS, PERIOD, REF, REFS, TEXT,
    TEXTS, URL, Field, Spec,
)

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE_ID = "https://roadmap-gen.invalid/schema/v1/"
"""Base of every schema's ``$id``: an identifier, never fetched (``.invalid`` cannot resolve)."""

SCHEMA_KINDS: tuple[str, ...] = tuple(FILE_SPECS)
"""Kinds with a schema, in content-format order."""

FILES: dict[str, str] = {
    "roadmap": "content/roadmap.yml", "journey": "content/journey.yml", "metrics": "content/metrics.yml",
    "outcome": "content/outcomes/<id>.md", "theme": "content/themes/<id>.md",
    "question": "content/questions/<id>.md", "hypothesis": "content/hypotheses/<id>.md",
    "opportunity": "content/opportunities/<id>.md", "okr": "content/okrs/<id>.yml",
    "insight": "content/insights/<id>.md",
}
FRONT_MATTER_KINDS = ("outcome", "theme", "question", "hypothesis", "opportunity", "insight")

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
PERIOD_PATTERN = r"^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$"
CADENCE_PATTERN = r"^(" + "|".join(CADENCES) + r"|[1-9]\d* (day|days|week|weeks|month|months))$"
URL_PATTERN = r"^\s*((?:[Hh][Tt][Tt][Pp][Ss]?|[Mm][Aa][Ii][Ll][Tt][Oo]):|(?![A-Za-z][A-Za-z0-9+.\-]*:))"
NOT_BLANK = r"\S"

_ALIASES: dict[str, str] = {}
for _k in SCHEMA_KINDS:
    _ALIASES[_k] = _k
    _ALIASES[PLURAL.get(_k, _k + "s")] = _k
_ALIASES.update({"metric": "metrics", "roadmaps": "roadmap", "journeys": "journey"})
_PART_OF = {"goal": "roadmap", "goals": "roadmap", "strategy": "roadmap", "strategies": "roadmap",
            "tactic": "roadmap", "tactics": "roadmap", "stage": "journey", "stages": "journey",
            "behaviour": "journey", "behaviours": "journey", "booster": "journey", "boosters": "journey",
            "blocker": "journey", "blockers": "journey",
            "key-result": "okr", "key_result": "okr", "key-results": "okr", "key_results": "okr",
            "experiment": "hypothesis", "experiments": "hypothesis"}


class UnknownKind(ValueError):
    """An unknown kind name; the message suggests the nearest one."""


def resolve_kind(name: str) -> str:
    """A kind as typed on the command line (singular or plural) -> its schema kind."""
    key = name.strip().lower()
    if key in _ALIASES:
        return _ALIASES[key]
    if key in _PART_OF:
        whole = _PART_OF[key]
        raise UnknownKind(f"`{name}` entries are part of {FILES[whole]}: use `roadmap-gen schema {whole}`")
    near = did_you_mean(key, list(_ALIASES))
    hint = f" (did you mean `{near}`?)" if near else ""
    raise UnknownKind(f"unknown kind `{name}`{hint}; kinds: {', '.join(SCHEMA_KINDS)}")


def schema_id(kind: str) -> str:
    return f"{BASE_ID}{kind}.json"


def schema_filename(kind: str) -> str:
    """File name ``roadmap-gen schema --all`` writes: ``hypothesis.schema.json``."""
    return f"{kind}.schema.json"


def _scalar(f: Field) -> dict[str, Any]:
    t = f.type
    if t == TEXT:
        s: dict[str, Any] = {"type": ["string", "number"]}
        if f.required:
            s["pattern"] = NOT_BLANK
        return s
    if t in (ID, REF):
        # an unquoted id of digits is a number to a YAML 1.2 editor, and still a valid id
        return {"type": ["string", "integer"], "pattern": ID_PATTERN, "minimum": 0}
    if t == ENUM:
        return {"type": "string", "enum": list(f.choices)}
    if t == DATE:
        return {"type": "string", "format": "date", "pattern": DATE_PATTERN}
    if t == PERIOD:
        return {"type": ["string", "integer"], "pattern": PERIOD_PATTERN, "minimum": 1000, "maximum": 9999}
    if t == CADENCE:
        return {"type": "string", "pattern": CADENCE_PATTERN}
    if t == NUMBER:
        return {"type": "number"}
    if t == INTEGER:
        return {"type": "integer"}
    if t == BOOL:
        return {"type": "boolean"}
    if t == URL:
        return {"type": "string", "format": "uri-reference", "pattern": URL_PATTERN}
    raise AssertionError(t)  # pragma: no cover


def _describe(f: Field, spec: Spec) -> str:
    doc = f.doc
    if not doc:
        doc = {TEXT: "Plain text (never HTML).", NUMBER: "A number.", BOOL: "true or false.",
               TEXTS: "A list of plain texts.", URL: "An http(s) or mailto address, or a relative link.",
               PERIOD: "YYYY, YYYY-Qn or YYYY-MM."}.get(f.type, "")
    if f.type == ENUM:
        doc = (doc + " " if doc else "") + "One of: " + ", ".join(f.choices) + "."
    if f.type in (REF, REFS) and f.ref:
        plural = PLURAL.get(f.ref, f.ref + "s")  # tactics are no kind of their own
        what = f"The id of {'an' if f.ref[0] in 'aeiou' else 'a'} {f.ref}" if f.type == REF else f"Ids of {plural}"
        doc = f"{doc} {what}." if doc else f"{what}."
    if f.type == DATE:
        doc = (doc + " " if doc else "") + "A date, YYYY-MM-DD."
    if f.type == CADENCE:
        doc = (doc + " " if doc else "") + f"{', '.join(CADENCES)}, or `N days`, `N weeks`, `N months`."
    if f.name in spec.extensions:
        doc = (doc + " " if doc else "") + "(A roadmap-gen addition to content format v1.)"
    return doc.strip()


def _field(f: Field, spec: Spec, defs: dict[str, Any]) -> dict[str, Any]:
    t = f.type
    if t == OBJECT:
        s: dict[str, Any] = {"$ref": _define(f.spec, defs)}
    elif t == OBJECTS:
        s = {"type": "array", "items": {"$ref": _define(f.spec, defs)}}
        if f.min_items:
            s["minItems"] = f.min_items
    elif t == MIXED:  # each entry a plain text or an object
        s = {"type": "array", "items": {"anyOf": [_scalar(Field(f.name, TEXT)), {"$ref": _define(f.spec, defs)}]}}
    elif t in (TEXTS, REFS):
        s = {"type": "array", "items": _scalar(Field(f.name, TEXT if t == TEXTS else REF))}
        if f.min_items:
            s["minItems"] = f.min_items
    else:
        s = _scalar(f)
    if not f.required:  # `key:` with no value is allowed and means "absent"
        s = _nullable(s)
    doc = _describe(f, spec)
    out: dict[str, Any] = {}
    if doc:
        out["description"] = doc
    if f.default is not None:
        out["default"] = f.default
    out.update(s)
    return out


def _nullable(s: dict[str, Any]) -> dict[str, Any]:
    s = dict(s)
    if "type" in s:
        types = s["type"] if isinstance(s["type"], list) else [s["type"]]
        s["type"] = [*types, "null"]
        if "enum" in s:
            s["enum"] = [*s["enum"], None]
        return s
    return {"anyOf": [s, {"type": "null"}]}


_NOT_NULL = {"not": {"type": "null"}}


def _object(spec: Spec, defs: dict[str, Any]) -> dict[str, Any]:
    s: dict[str, Any] = {"type": "object"}
    if spec.doc:
        s["description"] = spec.doc
    s["properties"] = {f.name: _field(f, spec, defs) for f in spec.fields}
    required = [f.name for f in spec.fields if f.required]
    if required:
        s["required"] = required
    s["additionalProperties"] = False
    rules: list[dict[str, Any]] = []
    for group in spec.one_of:  # at least one, with a value
        rules.append({"anyOf": [{"required": [g], "properties": {g: _NOT_NULL}} for g in group]})
    for a, b in spec.exclusive:  # not both with a value
        rules.append({"not": {"required": [a, b], "properties": {a: _NOT_NULL, b: _NOT_NULL}}})
    if len(rules) == 1:
        s.update(rules[0])
    elif rules:
        s["allOf"] = rules
    return s


def _define(spec: Spec, defs: dict[str, Any]) -> str:
    if spec.name not in defs:
        defs[spec.name] = None  # reserve the name (recursion guard)
        defs[spec.name] = _object(spec, defs)
    return f"#/$defs/{spec.name}"


def kind_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind of file (``hypothesis``, ``okr``, ``roadmap``, ...)."""
    spec = FILE_SPECS[kind]
    defs: dict[str, Any] = {}
    body = _object(spec, defs)
    where = FILES[kind]
    if kind in FRONT_MATTER_KINDS:
        title = f"roadmap-gen {kind} front matter ({where})"
        note = "This schema covers the YAML front matter between the `---` lines; the id is the file name."
    else:
        title = f"roadmap-gen {kind} ({where})"
        note = "The id is the file name." if kind == "okr" else ""
    doc = body.pop("description", spec.doc)
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "$id": schema_id(kind),
        "title": title,
        "description": " ".join(x for x in (doc, note, "Content format v1 with the 1.1 additions; `roadmap-gen check` is the authority.")
                                if x),
    }
    if not any(f.required for f in spec.fields) and not spec.one_of:
        body["type"] = ["object", "null"]  # an empty file is an empty mapping
    schema.update(body)
    if defs:
        schema["$defs"] = {name: defs[name] for name in sorted(defs)}
    return schema


def all_schemas() -> dict[str, dict[str, Any]]:
    return {kind: kind_schema(kind) for kind in SCHEMA_KINDS}


def to_json(schema: dict[str, Any]) -> str:
    """Deterministic JSON text with a final newline."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
