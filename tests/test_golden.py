"""roadmap.json of tests/fixtures/basic equals the reviewed golden file.

To update after an intended change: ``cd tests/fixtures/basic && roadmap-gen export -o
roadmap.golden.json``, then review the diff against the content format before committing.
"""
from __future__ import annotations

import json
from datetime import date

from conftest import BASIC, run_cli
from roadmap_gen.compile.compiler import Compiler
from roadmap_gen.site.export import compiled_data, health_entries, roadmap_data, to_json

GOLDEN = BASIC / "roadmap.golden.json"
KIND_LISTS = ("goals", "strategies", "stages", "metrics", "outcomes", "themes", "questions", "hypotheses",
              "opportunities", "okrs", "insights")


def golden() -> dict:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_export_equals_golden_file():
    code, out, err = run_cli("export", cwd=BASIC)
    assert code == 0, err
    assert out == GOLDEN.read_text(encoding="utf-8")


def test_export_from_elsewhere_equals_golden_file(tmp_path):
    code, out, err = run_cli("export", BASIC, cwd=tmp_path)
    assert code == 0, err
    assert json.loads(out) == golden()


def test_library_export_equals_golden_file():
    result = Compiler(BASIC / "content", BASIC).compile(date(2026, 11, 25))  # paths as the site has them
    assert result.ok
    assert to_json(compiled_data(result)) == GOLDEN.read_text(encoding="utf-8")
    health = health_entries(result.findings)
    assert to_json(roadmap_data(result.roadmap, result.figures, health=health)) == GOLDEN.read_text(encoding="utf-8")


def test_export_is_deterministic_under_source_date_epoch():
    # the mkdocs.yml as_of option wins over SOURCE_DATE_EPOCH
    code, out, _ = run_cli("export", cwd=BASIC, env={"SOURCE_DATE_EPOCH": "0"})
    assert code == 0 and out == GOLDEN.read_text(encoding="utf-8")


# The golden file itself against the contract (content format v1, "What the site promises").

def test_golden_top_level():
    data = golden()
    assert data["format"] == 1
    assert data["title"] == "Basic roadmap"
    assert data["as_of"] == "2026-11-25"
    for kind in KIND_LISTS:
        assert isinstance(data[kind], list), kind
    assert data["review"] == {"last": "2026-06-01", "every": "3 months", "due": "2026-09-01", "overdue": True}


def test_golden_every_entry_has_id_and_url():
    data = golden()
    for kind in KIND_LISTS:
        for e in data[kind]:
            assert isinstance(e["id"], str) and isinstance(e["url"], str), (kind, e)
            assert e["url"] == f"{kind}/{e['id']}/"  # goals and strategies too: pages of their own (1.1)


def test_golden_ids_in_source_order():
    data = golden()
    assert [e["id"] for e in data["goals"]] == ["arr-2027", "retention"]
    assert [e["id"] for e in data["stages"]] == ["discover", "onboard", "grow"]
    assert [e["id"] for e in data["metrics"]] == ["arr", "activation", "tickets"]
    assert [e["id"] for e in data["hypotheses"]] == ["setup-checklist", "sms-reminders"]


def test_golden_fields_as_written():
    data = golden()
    h = data["hypotheses"][0]
    assert h["opportunity"] == "setup-is-confusing"
    assert h["experiments"] == [{"title": "Fake-door checklist link", "status": "done", "start": "2026-10-01",
                                 "end": "2026-10-15", "result": "12% clicked"}]
    assert h["links"] == [{"title": "JPD-123", "url": "https://jira.example.com/browse/JPD-123"}]
    fewer = {e["id"]: e for e in data["outcomes"]}["fewer-tickets"]
    assert fewer["stages"] == ["onboard", "grow"] and "stage" not in fewer
    assert data["strategies"][0]["tactics"] == [{"title": "Guided setup"}, {"title": "Sales-led demos", "active": False}]


def test_golden_metric_current_and_stale():
    metrics = {e["id"]: e for e in golden()["metrics"]}
    # monthly review: 2026-10-01 + 1 month < 2026-11-25 -> stale; 2026-11-01 + 1 month -> fresh
    assert (metrics["arr"]["current"], metrics["arr"]["stale"]) == (900000, True)
    assert (metrics["activation"]["current"], metrics["activation"]["stale"]) == (37, False)
    assert (metrics["tickets"]["current"], metrics["tickets"]["stale"]) == (30, True)  # weekly


def test_golden_outcome_status_and_progress():
    outcomes = {e["id"]: e for e in golden()["outcomes"]}
    # (37 - 20) / (40 - 20) = 0.85; 328 of 364 days gone: trails by 0.05 -> on-track
    assert (outcomes["week-one-activation"]["status"], outcomes["week-one-activation"]["progress"]) == ("on-track", 0.85)
    # direction down: (30 - 50) / (10 - 50) = 0.5; trails by 0.40 -> off-track
    assert (outcomes["fewer-tickets"]["status"], outcomes["fewer-tickets"]["progress"]) == ("off-track", 0.5)


def test_golden_okr_scores():
    okr = golden()["okrs"][0]
    # KR 1 from metric activation: (37 - 30) / 10 = 0.7; KR 2: 25 of 20 clamps to 1; mean 0.85
    assert [kr["score"] for kr in okr["key_results"]] == [0.7, 1.0]
    assert okr["key_results"][0]["current"] == 37
    assert okr["score"] == 0.85
    assert okr["period"] == "2026-Q4" and okr["period_state"] == "current"


# Content format 1.1: "a v1 roadmap builds unchanged under 1.1; roadmap.json keeps `format: 1` and gains the
# fields below". roadmap.v1.golden.json is this fixture's export before 1.1, kept as it was reviewed then.

V1_GOLDEN = BASIC / "roadmap.v1.golden.json"
MOVED = {("goals", "url"), ("strategies", "url")}
"""Goals and strategies were anchors on the home page; 1.1 gives them pages (``goals/<id>/``)."""


def _gains_only(old, new, path: tuple = ()) -> list[str]:
    """Where ``new`` differs from ``old`` other than by added keys (and added list entries: none)."""
    if isinstance(old, dict) and isinstance(new, dict):
        out = []
        for key, value in old.items():
            if key not in new:
                out.append(f"{'/'.join(map(str, path + (key,)))} removed")
            elif (path[:1] + (key,)) in MOVED and len(path) == 2:
                continue
            else:
                out.extend(_gains_only(value, new[key], path + (key,)))
        return out
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return [x for i, (a, b) in enumerate(zip(old, new)) for x in _gains_only(a, b, path + (i,))]
    return [] if old == new else [f"{'/'.join(map(str, path))}: {old!r} -> {new!r}"]


def test_v1_fixture_export_gains_only_new_keys():
    v1 = json.loads(V1_GOLDEN.read_text(encoding="utf-8"))
    now = golden()
    assert _gains_only(v1, now) == []
    assert now["format"] == 1
    assert now["journeys"] == [] and now["behaviours"] == []  # a v1 journey file has neither
    assert all(s["journey"] is None for s in now["stages"])
    assert {k for k in now if k not in v1} == {"journeys", "behaviours", "health"}


def test_gains_only_sees_a_changed_value_and_a_removed_key():
    assert _gains_only({"a": [{"b": 1, "c": 2}]}, {"a": [{"b": 1, "c": 3, "d": 4}]}) == ["a/0/c: 2 -> 3"]
    assert _gains_only({"a": {"b": 1}}, {"a": {}}) == ["a/b removed"]
    assert _gains_only({"goals": [{"url": "./#goal-g"}]}, {"goals": [{"url": "goals/g/"}]}) == []
