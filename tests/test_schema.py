"""JSON Schemas of the content files: valid schemas, derived from spec.py, agreeing with the checker."""
from __future__ import annotations

import datetime
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from roadmap_gen.cli import main as cli
from roadmap_gen.compile.loader import Loader
from roadmap_gen.format.schema import (
    BASE_ID, DRAFT, FRONT_MATTER_KINDS, SCHEMA_KINDS, UnknownKind, all_schemas, kind_schema, resolve_kind,
    schema_filename,
)
from roadmap_gen.format.spec import FILE_SPECS, OBJECT, OBJECTS

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "content"
FIXTURE = REPO / "tests" / "fixtures" / "basic" / "content"


def as_json(value):
    """What an editor (YAML 1.2) sees: PyYAML's YAML 1.1 dates become ISO strings."""
    if isinstance(value, dict):
        return {str(k) if not isinstance(k, str) else k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def front_matter(text: str) -> str:
    lines = text.split("\n")
    assert lines[0] == "---"
    end = lines.index("---", 1)
    return "\n".join(lines[1:end])


def documents(content: Path) -> list[tuple[str, Path, object]]:
    """(kind, path, data) for every YAML file and front matter of a content folder."""
    out = []
    for name, kind in (("roadmap.yml", "roadmap"), ("journey.yml", "journey"), ("metrics.yml", "metrics")):
        if (content / name).exists():
            out.append((kind, content / name, yaml.safe_load((content / name).read_text(encoding="utf-8"))))
    for p in sorted((content / "okrs").glob("*.yml")):
        out.append(("okr", p, yaml.safe_load(p.read_text(encoding="utf-8"))))
    for folder, kind in (("outcomes", "outcome"), ("themes", "theme"), ("questions", "question"),
                         ("hypotheses", "hypothesis"), ("opportunities", "opportunity"), ("insights", "insight")):
        for p in sorted((content / folder).glob("*.md")):
            out.append((kind, p, yaml.safe_load(front_matter(p.read_text(encoding="utf-8")))))
    return out


def errors(kind: str, data) -> list[str]:
    validator = jsonschema.Draft202012Validator(kind_schema(kind))
    return sorted(e.message for e in validator.iter_errors(as_json(data)))


def test_every_schema_is_a_valid_draft_2020_12_schema():
    schemas = all_schemas()
    assert list(schemas) == list(SCHEMA_KINDS) == list(FILE_SPECS)
    for kind, schema in schemas.items():
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == DRAFT == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"] == f"https://roadmap-gen.invalid/schema/v1/{kind}.json" == f"{BASE_ID}{kind}.json"
        assert schema["type"] in ("object", ["object", "null"])
        assert schema["additionalProperties"] is False
        assert schema["description"]


def test_schemas_follow_the_spec():
    """Every declared field is a property, required fields are required, nested objects are $defs."""
    for kind, spec in FILE_SPECS.items():
        schema = kind_schema(kind)
        assert list(schema["properties"]) == list(spec.names)
        assert schema.get("required", []) == [f.name for f in spec.fields if f.required]
        for f in spec.fields:
            prop = schema["properties"][f.name]
            if f.type == OBJECT:
                assert (prop.get("$ref") or prop["anyOf"][0]["$ref"]) == f"#/$defs/{f.spec.name}"
            if f.type == OBJECTS:
                assert prop["items"]["$ref"] == f"#/$defs/{f.spec.name}"
                nested = schema["$defs"][f.spec.name]
                assert list(nested["properties"]) == list(f.spec.names)
                assert nested["additionalProperties"] is False
            if f.doc:
                assert prop["description"].startswith(f.doc)


def test_hypothesis_schema_details():
    s = kind_schema("hypothesis")
    p = s["properties"]
    assert p["status"]["enum"] == ["idea", "testing", "validated", "invalidated", "parked"]
    assert p["confidence"]["enum"] == ["low", "medium", "high", None]  # optional: may be left empty
    assert p["stage"]["pattern"] == "^[a-z0-9]+(-[a-z0-9]+)*$"
    assert s["$defs"]["experiment"]["properties"]["start"]["format"] == "date"
    assert s["$defs"]["experiment"]["properties"]["start"]["pattern"] == r"^\d{4}-\d{2}-\d{2}$"
    assert p["opportunity"]["description"] == "Its place in the opportunity solution tree. The id of an opportunity."
    assert "roadmap-gen addition" in p["outcomes"]["description"]
    assert "front matter" in s["description"] and "front matter" in s["title"]


@pytest.mark.parametrize("content", [EXAMPLE, FIXTURE], ids=["example", "fixture"])
def test_example_content_validates(content):
    docs = documents(content)
    kinds = {kind for kind, _, _ in docs}
    if content == EXAMPLE:
        assert kinds == set(SCHEMA_KINDS) and len(docs) > 50
    for kind, path, data in docs:
        assert errors(kind, data) == [], path


def test_schema_files_for_every_kind(tmp_path, capsys):
    assert cli.main(["schema", "--all", "--out", str(tmp_path / "schemas")]) == 0
    names = sorted(p.name for p in (tmp_path / "schemas").iterdir())
    assert names == sorted(f"{k}.schema.json" for k in SCHEMA_KINDS)
    assert "hypothesis.schema.json" in names and schema_filename("okr") == "okr.schema.json"
    for kind in SCHEMA_KINDS:
        text = (tmp_path / "schemas" / schema_filename(kind)).read_text(encoding="utf-8")
        assert json.loads(text) == kind_schema(kind)
        assert text.endswith("}\n")


@pytest.mark.parametrize("name,kind", [("hypothesis", "hypothesis"), ("hypotheses", "hypothesis"),
                                       ("OKRs", "okr"), ("okr", "okr"), ("opportunities", "opportunity"),
                                       ("metrics", "metrics"), ("metric", "metrics"), ("roadmap", "roadmap"),
                                       ("journey", "journey"), ("themes", "theme"), ("questions", "question"),
                                       ("outcomes", "outcome")])
def test_kind_names_singular_and_plural(name, kind):
    assert resolve_kind(name) == kind


def test_schema_command_prints_one_schema(capsys):
    assert cli.main(["schema", "hypotheses"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == kind_schema("hypothesis")


@pytest.mark.parametrize("argv,message", [
    (["schema", "hypotesis"], "unknown kind `hypotesis` (did you mean `hypothesis`?)"),
    (["schema", "stage"], "part of content/journey.yml: use `roadmap-gen schema journey`"),
    (["schema", "goals"], "use `roadmap-gen schema roadmap`"),
    (["schema"], "give a KIND"),
    (["schema", "--all"], "--all writes one file per kind"),
    (["schema", "okr", "--all", "--out", "x"], "not both"),
])
def test_schema_usage_errors_exit_2(argv, message, capsys):
    assert cli.main(argv) == 2
    assert message in capsys.readouterr().err


def test_unknown_kind_error_lists_the_kinds():
    with pytest.raises(UnknownKind, match="kinds: roadmap, journey, metrics, outcome"):
        resolve_kind("flux-capacitor")


# -- broken items: rejected by the schema, and by the checker too ------------------------------

def stages_() -> list[dict]:
    """A fresh list of stages with boosters and blockers as texts and as behaviour objects."""
    return [{"id": "onboard", "title": "Onboard",
             "boosters": ["Reads the welcome mail", {"id": "books-online", "title": "Books online", "metric": "m"}],
             "blockers": [{"id": "waits-for-call", "title": "Waits", "description": "D", "visibility": "public"}]},
            {"id": "grow", "title": "Grow", "boosters": [12]}]  # an unquoted number is text to the checker


HYPOTHESIS = {"title": "T", "stage": "onboard", "horizon": "now", "we_believe": "a", "will_result_in": "b",
              "we_will_know_when": "c", "status": "idea"}
OKR = {"objective": "O", "period": "2026-Q4", "key_results": [{"title": "K", "from": 0, "to": 10, "current": 1}]}


def with_(base: dict, **changes) -> dict:
    out = dict(base)
    for k, v in changes.items():
        if v is ...:
            out.pop(k, None)
        else:
            out[k] = v
    return out


VALID = [
    ("hypothesis", HYPOTHESIS),
    ("hypothesis", with_(HYPOTHESIS, stage=..., stages=["onboard", "grow"], confidence=None, team=None)),
    ("hypothesis", with_(HYPOTHESIS, experiments=[{"title": "E", "status": "done", "start": "2026-10-01"}],
                         links=[{"title": "L", "url": "https://example.com/x"}, {"title": "R", "url": "../a/"}])),
    ("hypothesis", with_(HYPOTHESIS, stage="onboard", stages=None)),  # an empty `stages:` means absent
    ("okr", OKR),
    ("okr", with_(OKR, period=2026)),  # an unquoted year is a number to a YAML 1.2 editor
    ("okr", with_(OKR, key_results=[{"title": "K", "from": 0, "to": 10, "metric": "mau"}])),
    ("theme", {"title": "T", "stage": "onboard", "horizon": "later", "outcomes": ["a", "b"]}),
    ("metrics", None),  # an empty metrics.yml
    ("metrics", {"metrics": [{"id": "m", "title": "M", "category": "business", "review": "2 weeks",
                              "target": {"value": 3.5, "by": "2026-12-31"}}]}),
    ("roadmap", {"title": "R", "vision": "V", "mission": "M", "review": {"last": "2026-01-01", "every": "quarterly"},
                 "goals": [{"id": "g", "title": "G", "north_star": True}]}),
    # format 1.1: behaviours, several journeys, tactic ids and `tactic:`, key results naming an outcome
    ("journey", {"stages": stages_()}),
    ("journey", {"journeys": [{"id": "client", "title": "Client", "stages": stages_()},
                              {"id": "advisor", "title": "Advisor", "description": "Staff", "visibility": "public",
                               "stages": [{"id": "prepare", "title": "P", "blockers": ["Plain text only"]}]}]}),
    ("journey", {"stages": stages_(), "journeys": None}),  # an empty `journeys:` means absent
    ("roadmap", {"title": "R", "vision": "V", "mission": "M", "strategies": [
        {"id": "s", "title": "S", "tactics": [{"id": "self-booking", "title": "T"}, {"title": "Without an id"}]}]}),
    ("hypothesis", with_(HYPOTHESIS, behaviours=["books-online", "waits-for-call"], tactic="self-booking")),
    ("theme", {"title": "T", "stage": "onboard", "horizon": "now", "tactic": "self-booking", "behaviours": ["a"]}),
    ("question", {"title": "T", "stage": "onboard", "horizon": "now", "behaviours": ["a"]}),
    ("outcome", {"title": "T", "stage": "onboard", "metric": "m", "behaviours": ["a", "b"]}),
    ("opportunity", {"title": "T", "outcome": "o", "behaviours": ["a"]}),
    ("okr", with_(OKR, key_results=[{"title": "K", "from": 0, "to": 10, "outcome": "day-one-projects"}])),
    ("okr", with_(OKR, key_results=[{"title": "K", "from": 0, "to": 10, "outcome": "o", "hypotheses": ["h1", "h2"]},
                                    {"title": "L", "from": 0, "to": 1, "metric": "m", "outcome": "o",
                                     "current": 0.5}])),
]

INVALID = [
    ("unknown key", "hypothesis", with_(HYPOTHESIS, owner="me")),
    ("misspelt key", "hypothesis", with_(HYPOTHESIS, we_belive="x")),
    ("bad enum", "hypothesis", with_(HYPOTHESIS, status="maybe")),
    ("bad horizon", "theme", {"title": "T", "stage": "onboard", "horizon": "soon"}),
    ("missing required", "hypothesis", with_(HYPOTHESIS, we_will_know_when=...)),
    ("required but empty", "hypothesis", with_(HYPOTHESIS, title=None)),
    ("blank required text", "hypothesis", with_(HYPOTHESIS, title="   ")),
    ("neither stage nor stages", "hypothesis", with_(HYPOTHESIS, stage=...)),
    ("both stage and stages", "hypothesis", with_(HYPOTHESIS, stages=["grow"])),
    ("both outcome and outcomes", "theme", {"title": "T", "stage": "a", "horizon": "now", "outcome": "o",
                                             "outcomes": ["p"]}),
    ("bad id pattern", "hypothesis", with_(HYPOTHESIS, stage="Onboard")),
    ("bad id in a list", "theme", {"title": "T", "stages": ["onboard", "grow_fast"], "horizon": "now"}),
    ("bad date", "hypothesis", with_(HYPOTHESIS, experiments=[{"title": "E", "status": "done", "start": "1.10.2026"}])),
    ("unknown key in an experiment", "hypothesis", with_(HYPOTHESIS, experiments=[{"title": "E", "status": "done",
                                                                                     "owner": "x"}])),
    ("javascript link", "hypothesis", with_(HYPOTHESIS, links=[{"title": "L", "url": "javascript:alert(1)"}])),
    ("number as text", "okr", with_(OKR, key_results=[{"title": "K", "from": "0", "to": 10, "current": 1}])),
    ("no current and no metric", "okr", with_(OKR, key_results=[{"title": "K", "from": 0, "to": 10}])),
    ("no key results", "okr", with_(OKR, key_results=[])),
    ("bad period", "okr", with_(OKR, period="2026-Q5")),
    ("bad cadence", "metrics", {"metrics": [{"id": "m", "title": "M", "category": "business", "review": "daily"}]}),
    ("bad category", "metrics", {"metrics": [{"id": "m", "title": "M", "category": "money"}]}),
    ("missing metric id", "metrics", {"metrics": [{"title": "M", "category": "business"}]}),
    ("no stages", "journey", {"stages": []}),
    ("bad boolean", "roadmap", {"title": "R", "vision": "V", "mission": "M",
                                "goals": [{"id": "g", "title": "G", "north_star": "yes"}]}),
    ("opportunity without outcome or parent", "opportunity", {"title": "O", "stage": "onboard"}),
    # format 1.1
    ("both stages and journeys", "journey", {"stages": stages_(), "journeys": [{"id": "c", "title": "C",
                                                                                "stages": stages_()}]}),
    ("neither stages nor journeys", "journey", {}),
    ("no journeys", "journey", {"journeys": []}),
    ("a journey without stages", "journey", {"journeys": [{"id": "client", "title": "C"}]}),
    ("a journey without an id", "journey", {"journeys": [{"title": "C", "stages": stages_()}]}),
    ("a journey with no stages", "journey", {"journeys": [{"id": "client", "title": "C", "stages": []}]}),
    ("a behaviour without an id", "journey", {"stages": [{"id": "a", "title": "A", "boosters": [{"title": "B"}]}]}),
    ("a behaviour without a title", "journey", {"stages": [{"id": "a", "title": "A", "blockers": [{"id": "b"}]}]}),
    ("a behaviour with a type", "journey", {"stages": [{"id": "a", "title": "A", "blockers": [
        {"id": "b", "title": "B", "type": "booster"}]}]}),
    ("a behaviour with a bad id", "journey", {"stages": [{"id": "a", "title": "A", "boosters": [
        {"id": "Books_Online", "title": "B"}]}]}),
    ("a behaviour with a bad visibility", "journey", {"stages": [{"id": "a", "title": "A", "boosters": [
        {"id": "b", "title": "B", "visibility": "secret"}]}]}),
    ("a list as a behaviour", "journey", {"stages": [{"id": "a", "title": "A", "boosters": [["nested"]]}]}),
    ("an empty behaviour", "journey", {"stages": [{"id": "a", "title": "A", "boosters": [None]}]}),
    ("blockers as one text", "journey", {"stages": [{"id": "a", "title": "A", "blockers": "Leaves"}]}),
    ("a bad tactic id", "roadmap", {"title": "R", "vision": "V", "mission": "M", "strategies": [
        {"id": "s", "title": "S", "tactics": [{"id": "Self Booking", "title": "T"}]}]}),
    ("a list as tactic", "hypothesis", with_(HYPOTHESIS, tactic=["t1"])),
    ("tactic on a question", "question", {"title": "T", "stage": "onboard", "horizon": "now", "tactic": "t"}),
    ("tactic on an outcome", "outcome", {"title": "T", "stage": "onboard", "metric": "m", "tactic": "t"}),
    ("a bad behaviour reference", "theme", {"title": "T", "stage": "a", "horizon": "now",
                                            "behaviours": ["Books online"]}),
    ("a key result with only hypotheses", "okr", with_(OKR, key_results=[{"title": "K", "from": 0, "to": 10,
                                                                          "hypotheses": ["h1"]}])),
    ("a key result with an empty outcome", "okr", with_(OKR, key_results=[{"title": "K", "from": 0, "to": 10,
                                                                           "outcome": None}])),
    ("key result hypotheses as one text", "okr", with_(OKR, key_results=[{"title": "K", "from": 0, "to": 10,
                                                                          "current": 1, "hypotheses": "h1"}])),
]


@pytest.mark.parametrize("kind,data", VALID, ids=[f"{k}-{i}" for i, (k, _) in enumerate(VALID)])
def test_valid_documents(kind, data):
    assert errors(kind, data) == []


@pytest.mark.parametrize("what,kind,data", INVALID, ids=[w for w, _, _ in INVALID])
def test_broken_documents_are_rejected(what, kind, data):
    assert errors(kind, data), what


FILES = {"roadmap": "roadmap.yml", "journey": "journey.yml", "metrics": "metrics.yml", "okr": "okrs/x.yml",
         "outcome": "outcomes/x.md", "theme": "themes/x.md", "question": "questions/x.md",
         "hypothesis": "hypotheses/x.md", "opportunity": "opportunities/x.md"}


def checker_errors(tmp_path: Path, kind: str, data) -> list[str]:
    """What the loader says about the same document (reference checks are not the schema's job)."""
    content = tmp_path / "content"
    files = {"roadmap.yml": "title: R\nvision: V\nmission: M\n", "journey.yml": "stages:\n  - id: onboard\n    title: O\n"}
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    rel = FILES[kind]
    files[rel] = f"---\n{text}---\n" if kind in FRONT_MATTER_KINDS else text
    for name, body in files.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(body, encoding="utf-8")
    result = Loader(content, display_base=tmp_path).load()
    return [d.message for d in result.diagnostics if d.loc.path == f"content/{rel}" and d.is_error]


@pytest.mark.parametrize("what,kind,data", INVALID, ids=[w for w, _, _ in INVALID])
def test_the_checker_rejects_them_too(tmp_path, what, kind, data):
    assert checker_errors(tmp_path, kind, data), what


@pytest.mark.parametrize("kind,data", VALID, ids=[f"{k}-{i}" for i, (k, _) in enumerate(VALID)])
def test_the_checker_accepts_the_valid_ones(tmp_path, kind, data):
    assert checker_errors(tmp_path, kind, data) == []


DRAFT7_KEYWORDS = {"$schema", "$id", "$ref", "$defs", "title", "description", "default", "type", "enum", "pattern",
                   "format", "minimum", "maximum", "minItems", "items", "properties", "required",
                   "additionalProperties", "anyOf", "allOf", "not"}


def _keywords(node, out: set[str]) -> set[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            out.add(k)
            if k in ("properties", "$defs"):
                for sub in v.values():
                    _keywords(sub, out)
            elif k != "enum" and k != "default":
                _keywords(v, out)
    elif isinstance(node, list):
        for v in node:
            _keywords(v, out)
    return out


def test_schemas_use_only_keywords_draft_07_editors_understand():
    """Editors' YAML support (e.g. VS Code's YAML extension) implements draft-07: keep to its keywords."""
    for kind, schema in all_schemas().items():
        used = _keywords(schema, set())
        assert used <= DRAFT7_KEYWORDS, (kind, used - DRAFT7_KEYWORDS)


@pytest.mark.parametrize("what,kind,data", INVALID[:8], ids=[w for w, _, _ in INVALID[:8]])
def test_a_draft_07_validator_agrees(what, kind, data):
    assert list(jsonschema.Draft7Validator(kind_schema(kind)).iter_errors(as_json(data))), what


def test_a_draft_07_validator_accepts_the_example():
    for kind, path, data in documents(EXAMPLE):
        assert not list(jsonschema.Draft7Validator(kind_schema(kind)).iter_errors(as_json(data))), path


# -- format 1.1 in the schemas ---------------------------------------------------------------------------

def test_journey_schema_has_stages_or_journeys_and_behaviour_objects():
    s = kind_schema("journey")
    assert list(s["properties"]) == ["stages", "journeys"]
    assert "required" not in s
    one_of, exclusive = s["allOf"]
    assert [alt["required"] for alt in one_of["anyOf"]] == [["stages"], ["journeys"]]
    assert exclusive["not"]["required"] == ["stages", "journeys"]
    assert s["properties"]["journeys"]["items"] == {"$ref": "#/$defs/journey_entry"}
    entry = s["$defs"]["journey_entry"]
    assert entry["required"] == ["id", "title", "stages"]
    assert entry["properties"]["stages"]["items"] == {"$ref": "#/$defs/stage"}
    assert "roadmap-gen addition" in entry["properties"]["description"]["description"]
    for name in ("boosters", "blockers"):
        text, obj = s["$defs"]["stage"]["properties"][name]["items"]["anyOf"]
        assert text == {"type": ["string", "number"]} and obj == {"$ref": "#/$defs/behaviour"}
    behaviour = s["$defs"]["behaviour"]
    assert list(behaviour["properties"]) == ["id", "title", "metric", "description", "visibility"]
    assert behaviour["required"] == ["id", "title"] and behaviour["additionalProperties"] is False
    assert behaviour["properties"]["metric"]["description"].endswith("The id of a metric.")
    assert "roadmap-gen addition" in behaviour["properties"]["description"]["description"]


def test_key_result_schema_needs_current_metric_or_outcome():
    kr = kind_schema("okr")["$defs"]["key_result"]
    assert [alt["required"] for alt in kr["anyOf"]] == [["current"], ["metric"], ["outcome"]]
    assert kr["properties"]["outcome"]["description"].endswith("The id of an outcome.")
    assert kr["properties"]["hypotheses"]["items"]["pattern"] == "^[a-z0-9]+(-[a-z0-9]+)*$"
    assert kr["properties"]["hypotheses"]["description"] == "The work it breaks down into. Ids of hypotheses."


@pytest.mark.parametrize("kind", ["outcome", "theme", "question", "hypothesis", "opportunity"])
def test_items_may_name_behaviours_and_themes_and_hypotheses_a_tactic(kind):
    p = kind_schema(kind)["properties"]
    assert p["behaviours"]["items"]["pattern"] == "^[a-z0-9]+(-[a-z0-9]+)*$"
    assert p["behaviours"]["description"].endswith("Ids of behaviours.")
    assert ("tactic" in p) == (kind in ("theme", "hypothesis"))
    if "tactic" in p:
        assert p["tactic"]["description"].endswith("The id of a tactic.")
    tactic = kind_schema("roadmap")["$defs"]["tactic"]["properties"]["id"]
    assert tactic["pattern"] == "^[a-z0-9]+(-[a-z0-9]+)*$" and "tactic:" in tactic["description"]


@pytest.mark.parametrize("name", ["behaviour", "behaviours", "blockers"])
def test_behaviours_point_to_the_journey_schema(name):
    with pytest.raises(UnknownKind, match="part of content/journey.yml: use `roadmap-gen schema journey`"):
        resolve_kind(name)


DRAFT7_11 = [i for i in INVALID if i[0] in ("both stages and journeys", "neither stages nor journeys",
                                             "a behaviour without an id", "a key result with only hypotheses")]


@pytest.mark.parametrize("what,kind,data", DRAFT7_11, ids=[w for w, _, _ in DRAFT7_11])
def test_a_draft_07_validator_agrees_on_the_11_rules(what, kind, data):
    assert list(jsonschema.Draft7Validator(kind_schema(kind)).iter_errors(as_json(data))), what
