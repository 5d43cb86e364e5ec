"""roadmap-gen diff: every change type, each output format, real git repositories made in tmp_path."""
from __future__ import annotations

import json
import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from roadmap_gen.cli import main as cli
from roadmap_gen.compile.compiler import Compiler
from roadmap_gen.git.diff import diff_roadmaps, md_escape, render_json, render_markdown, render_text

AS_OF = date(2026, 11, 25)

BASE: dict[str, str] = {
    "roadmap.yml": """\
title: Diff roadmap
vision: Clinics spend their time on patients.
mission: Make booking easy.
goals:
  - id: arr-2027
    title: Reach 2M ARR
    metric: arr
    target: 2000000
    by: 2027-12-31
strategies:
  - id: self-serve
    title: Self-serve onboarding
    goal: arr-2027
""",
    "journey.yml": """\
stages:
  - id: discover
    title: Discover
  - id: onboard
    title: Onboard
  - id: grow
    title: Grow
""",
    "metrics.yml": """\
metrics:
  - id: arr
    title: Annual recurring revenue
    category: business
    unit: EUR
    baseline: {value: 400000, date: 2026-01-01}
    target: {value: 2000000, by: 2027-12-31}
  - id: activation
    title: Clinics active in week one
    category: customer
    unit: "%"
    baseline: {value: 20, date: 2026-01-01}
    target: {value: 40, by: 2026-12-31}
    review: monthly
""",
    "metrics/activation.csv": "date,value,note\n2026-03-01,24,\n2026-10-01,30,\n",
    "outcomes/week-one.md": """\
---
title: New clinics book a first patient in week one
stage: onboard
metric: activation
---
Clinics that book in week one stay.
""",
    "themes/first-value.md": "---\ntitle: Faster first value\nstage: onboard\nhorizon: now\n---\n",
    "questions/why-no-booking.md": """\
---
title: Why do clinics not book?
stage: onboard
horizon: now
---
""",
    "hypotheses/checklist.md": """\
---
title: A setup checklist gets clinics to a first booking
stage: onboard
horizon: now
outcome: week-one
we_believe: adding a checklist
will_result_in: more first bookings
we_will_know_when: activation reaches 40%
status: testing
confidence: medium
experiments:
  - title: Fake-door link
    status: running
---
Interviews with eight clinics.
""",
    "hypotheses/sms.md": """\
---
title: SMS reminders reduce no-shows
stage: grow
horizon: later
we_believe: sending SMS reminders
will_result_in: fewer no-shows
we_will_know_when: no-shows halve
status: idea
---
""",
    "okrs/grow-activation.yml": """\
objective: New clinics get value in week one
period: 2026-Q4
key_results:
  - title: Activation reaches 40%
    metric: activation
    from: 20
    to: 40
  - title: Interview 20 clinics
    from: 0
    to: 20
    current: 10
""",
}


def write(content: Path, files: dict[str, str | None]) -> None:
    for rel, text in files.items():
        path = content / rel
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")


def edit(content: Path, rel: str, old: str, new: str) -> None:
    path = content / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8", newline="\n")


def git(repo: Path, *args: str, when: str = "2026-01-05T10:00:00+00:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Ann Author", "GIT_AUTHOR_EMAIL": "ann@example.org",
           "GIT_COMMITTER_NAME": "Ann Author", "GIT_COMMITTER_EMAIL": "ann@example.org",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_NOSYSTEM": "1"}
    proc = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return proc.stdout


def commit_all(repo: Path, message: str, when: str = "2026-01-05T10:00:00+00:00") -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, when=when)
    return git(repo, "rev-parse", "HEAD").strip()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with the base roadmap in content/, committed once."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write(root / "content", BASE)
    commit_all(root, "Base roadmap")
    return root


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def compiled(content: Path):
    result = Compiler(content).compile(AS_OF)
    assert result.ok, [str(d) for d in result.diagnostics]
    return result


def diff_after(tmp_path: Path, change) -> "object":
    """Diff of the base roadmap against a copy changed by ``change(content)`` (no git involved)."""
    before = tmp_path / "before"
    after = tmp_path / "after"
    write(before, BASE)
    write(after, BASE)
    change(after)
    return diff_roadmaps(compiled(before), compiled(after), base="before", head="after")


def one(seq, **attrs):
    hits = [x for x in seq if all(getattr(x, k) == v for k, v in attrs.items())]
    assert len(hits) == 1, f"expected one of {attrs} in {seq}"
    return hits[0]


# -- the pure diff: one test per change type ----------------------------------------------------

def test_identical_roadmaps_have_an_empty_diff(tmp_path):
    d = diff_after(tmp_path, lambda c: None)
    assert d.is_empty
    assert d.summary() == "no roadmap changes"
    assert "No roadmap changes" in render_markdown(d)
    assert d.lines() == ()


def test_added_item(tmp_path):
    d = diff_after(tmp_path, lambda c: write(c, {"hypotheses/qr-poster.md": (
        "---\ntitle: A QR poster moves bookings online\nstage: grow\nhorizon: next\nwe_believe: a poster\n"
        "will_result_in: online bookings\nwe_will_know_when: share rises\nstatus: idea\n---\n")}))
    item = one(d.items, kind="hypothesis", id="qr-poster")
    assert item.action == "added"
    assert item.title == "A QR poster moves bookings online"
    assert item.where == "stage Grow · horizon next · status idea"
    assert d.counts()["added"] == 1 and d.counts()["changed"] == 0
    assert "Added hypothesis “A QR poster moves bookings online” (stage Grow · horizon next · status idea)" in d.lines()


def test_removed_item(tmp_path):
    d = diff_after(tmp_path, lambda c: write(c, {"hypotheses/sms.md": None}))
    item = one(d.items, kind="hypothesis", id="sms")
    assert (item.action, item.title) == ("removed", "SMS reminders reduce no-shows")
    assert d.summary() == "1 removed item"


def test_changed_fields_old_and_new(tmp_path):
    def change(c):
        edit(c, "hypotheses/checklist.md", "confidence: medium", "confidence: high")
        edit(c, "hypotheses/checklist.md", "Interviews with eight clinics.", "Interviews with ten clinics.\nMore.")
    d = diff_after(tmp_path, change)
    item = one(d.items, kind="hypothesis", id="checklist")
    assert item.action == "changed"
    paths = {c.path: (c.old, c.new) for c in item.changes}
    assert paths["confidence"] == ("medium", "high")
    assert paths["body"] == ("Interviews with eight clinics.\n", "Interviews with ten clinics.\nMore.\n")
    assert not d.transitions  # confidence and body move nothing on the roadmap
    text = render_text(d)
    assert "confidence: medium → high" in text
    assert "body edited (+2 −1 lines)" in text


def test_status_transition(tmp_path):
    d = diff_after(tmp_path, lambda c: edit(c, "hypotheses/checklist.md", "status: testing", "status: validated"))
    t = one(d.transitions, aspect="status")
    assert (t.kind, t.id, t.old, t.new, t.detail) == ("hypothesis", "checklist", "testing", "validated", "")
    assert d.counts()["status"] == 1
    assert "Hypothesis “A setup checklist gets clinics to a first booking”: status testing → validated" in d.lines()


def test_question_status_from_its_default(tmp_path):
    d = diff_after(tmp_path, lambda c: edit(c, "questions/why-no-booking.md", "horizon: now",
                                            "horizon: now\nstatus: answered\nanswer: They forget."))
    t = one(d.transitions, aspect="status")
    assert (t.kind, t.old, t.new) == ("question", "open", "answered")


def test_experiment_status_transition(tmp_path):
    d = diff_after(tmp_path, lambda c: edit(c, "hypotheses/checklist.md", "    status: running", "    status: done"))
    t = one(d.transitions, aspect="status")
    assert (t.old, t.new, t.detail, t.path) == ("running", "done", "Fake-door link", "experiments[0].status")
    assert d.item_lines("hypothesis", "checklist") == ("experiment “Fake-door link” running → done",)


def test_horizon_move(tmp_path):
    d = diff_after(tmp_path, lambda c: edit(c, "hypotheses/sms.md", "horizon: later", "horizon: next"))
    t = one(d.transitions, aspect="horizon")
    assert (t.id, t.old, t.new) == ("sms", "later", "next")
    assert d.counts()["moves"] == 1


def test_stage_move_uses_stage_titles(tmp_path):
    d = diff_after(tmp_path, lambda c: edit(c, "themes/first-value.md", "stage: onboard", "stages: [onboard, grow]"))
    t = one(d.transitions, aspect="stages")
    assert (t.kind, t.old, t.new) == ("theme", ["onboard"], ["onboard", "grow"])
    assert (t.old_label, t.new_label) == ("Onboard", "Onboard, Grow")
    # the same move written as `stage` -> `stages` is one move, not two field lines in the sentence
    assert d.item_lines("theme", "first-value") == ("stage Onboard → Onboard, Grow",)


def test_rewriting_stage_as_stages_is_no_move(tmp_path):
    d = diff_after(tmp_path, lambda c: edit(c, "themes/first-value.md", "stage: onboard", "stages: [onboard]"))
    assert not d.transitions
    assert one(d.items, id="first-value").action == "changed"


def test_metric_target_change(tmp_path):
    d = diff_after(tmp_path, lambda c: edit(c, "metrics.yml", "target: {value: 40, by: 2026-12-31}",
                                            "target: {value: 45, by: 2027-03-31}"))
    targets = [t for t in d.transitions if t.aspect == "target" and t.kind == "metric"]
    assert [(t.detail, t.old_label, t.new_label) for t in targets] == [
        ("", "40%", "45%"), ("target.by", "2026-12-31", "2027-03-31")]
    assert "Metric “Clinics active in week one”: target 40% → 45%" in d.lines()
    assert "Metric “Clinics active in week one”: deadline 2026-12-31 → 2027-03-31" in d.lines()


def test_outcome_target_change_with_the_metric_unit(tmp_path):
    d = diff_after(tmp_path, lambda c: edit(c, "outcomes/week-one.md", "metric: activation",
                                            "metric: activation\ntarget: 35"))
    t = one(d.transitions, aspect="target")
    assert (t.kind, t.old, t.new, t.old_label, t.new_label) == ("outcome", None, 35, "—", "35%")


def test_goal_target_change(tmp_path):
    d = diff_after(tmp_path, lambda c: edit(c, "roadmap.yml", "target: 2000000", "target: 2500000"))
    t = one(d.transitions, aspect="target")
    assert (t.kind, t.id, t.old, t.new, t.new_label) == ("goal", "arr-2027", 2000000, 2500000, "2500000 EUR")


def test_key_result_target_change(tmp_path):
    d = diff_after(tmp_path, lambda c: edit(c, "okrs/grow-activation.yml", "    to: 20\n", "    to: 25\n"))
    t = one(d.transitions, aspect="target")
    assert (t.kind, t.detail, t.old, t.new) == ("okr", "Interview 20 clinics", 20, 25)
    score = one(d.transitions, aspect="score")  # 10/20 -> 10/25 moves the objective's score
    assert (score.old, score.new) == (0.5, 0.45)


def test_key_result_through_its_outcome_has_the_outcome_metric_unit(tmp_path):
    def change(c: Path) -> None:  # the key result names the outcome instead of the metric, then its target moves
        edit(c, "okrs/grow-activation.yml", "    metric: activation\n", "    outcome: week-one\n")
        edit(c, "okrs/grow-activation.yml", "    to: 40\n", "    to: 45\n")
    d = diff_after(tmp_path, change)
    t = one(d.transitions, aspect="target")
    assert (t.kind, t.detail, t.old_label, t.new_label) == ("okr", "Activation reaches 40%", "40%", "45%")


def test_new_measurement(tmp_path):
    d = diff_after(tmp_path, lambda c: edit(c, "metrics/activation.csv", "2026-10-01,30,\n",
                                            "2026-10-01,30,\n2026-11-01,37,checklist shipped\n"))
    x = one(d.measurements, metric="activation")
    assert (x.date, x.value, x.label, x.note, x.title) == ("2026-11-01", 37, "37%", "checklist shipped",
                                                            "Clinics active in week one")
    assert not [i for i in d.items if i.kind == "metric"]  # data, not an edit of the metric
    assert d.item_lines("metric", "activation") == ("new measurement 2026-11-01: 37% (checklist shipped)",)


def test_edited_and_removed_measurements_are_changes_of_the_metric(tmp_path):
    d = diff_after(tmp_path, lambda c: write(c, {"metrics/activation.csv": "date,value,note\n2026-03-01,25,\n"}))
    item = one(d.items, kind="metric", id="activation")
    assert [(c.path, c.old, c.new) for c in item.changes] == [
        ("measurements[2026-03-01]", 24, 25), ("measurements[2026-10-01]", 30, None)]


def test_okr_score_change_from_compute(tmp_path):
    d = diff_after(tmp_path, lambda c: edit(c, "okrs/grow-activation.yml", "current: 10", "current: 16"))
    t = one(d.transitions, aspect="score")
    # activation KR: (30-20)/(40-20) = 0.5; interviews 10/20 -> 16/20
    assert (t.old, t.new) == (0.5, 0.65)
    assert (t.old_label, t.new_label) == ("0.50 (amber)", "0.65 (amber)")
    assert d.counts()["scores"] == 1


def test_computed_outcome_status_change(tmp_path):
    d = diff_after(tmp_path, lambda c: edit(c, "metrics/activation.csv", "2026-10-01,30,\n",
                                            "2026-10-01,30,\n2026-11-01,41,\n"))
    t = one(d.transitions, aspect="computed-status", kind="outcome")
    assert (t.id, t.new) == ("week-one", "achieved")
    assert t.old != "achieved"


def test_vision_change_and_journey_order(tmp_path):
    def change(c):
        edit(c, "roadmap.yml", "vision: Clinics spend their time on patients.", "vision: Patients finish therapy.")
        write(c, {"journey.yml": "stages:\n  - id: onboard\n    title: Onboard\n  - id: discover\n    title: Discover\n"
                                 "  - id: grow\n    title: Grow\n"})
    d = diff_after(tmp_path, change)
    assert [(c.path, c.old, c.new) for c in d.roadmap] == [
        ("vision", "Clinics spend their time on patients.", "Patients finish therapy."),
        ("journey order", ["discover", "onboard", "grow"], ["onboard", "discover", "grow"])]
    assert d.summary() == "2 roadmap-level changes"


def test_reordered_experiments_are_no_change(tmp_path):
    two = ("experiments:\n  - title: Fake-door link\n    status: running\n  - title: Prototype\n    status: planned\n")
    swapped = ("experiments:\n  - title: Prototype\n    status: planned\n  - title: Fake-door link\n    status: running\n")
    before, after = tmp_path / "b", tmp_path / "a"
    write(before, BASE)
    write(after, BASE)
    edit(before, "hypotheses/checklist.md", "experiments:\n  - title: Fake-door link\n    status: running\n", two)
    edit(after, "hypotheses/checklist.md", "experiments:\n  - title: Fake-door link\n    status: running\n", swapped)
    assert diff_roadmaps(compiled(before), compiled(after)).is_empty


def test_everything_added_when_the_old_side_is_missing(tmp_path):
    write(tmp_path / "c", BASE)
    d = diff_roadmaps(None, compiled(tmp_path / "c"))
    assert d.counts()["added"] == 13 and d.counts()["changed"] == 0
    assert "Added 2 hypotheses" not in " ".join(d.lines())  # few enough to name one by one
    assert len(d.lines(collapse=1)) < len(d.lines())


# -- renderers ------------------------------------------------------------------------------

def _big_change(c: Path) -> None:
    edit(c, "hypotheses/checklist.md", "status: testing", "status: validated")
    edit(c, "hypotheses/sms.md", "horizon: later", "horizon: now")
    edit(c, "okrs/grow-activation.yml", "current: 10", "current: 20")
    edit(c, "metrics/activation.csv", "2026-10-01,30,\n", "2026-10-01,30,\n2026-11-01,32,\n")
    write(c, {"themes/first-value.md": None, "themes/reminders.md": "---\ntitle: Reminders | <b>that</b> work\n"
                                                                    "stage: grow\nhorizon: next\n---\n"})


def test_markdown_for_a_pull_request_comment(tmp_path):
    md = render_markdown(diff_after(tmp_path, _big_change))
    lines = md.splitlines()
    assert lines[0] == "### Roadmap changes"
    assert "`before` → `after` · figures as of 2026-11-25" in lines
    assert ("**1 added, 1 removed, 3 changed items · 1 status change · 1 move · 1 new measurement · "
            "1 score change**") in lines
    assert "| hypothesis **A setup checklist gets clinics to a first booking** (`checklist`) | status | testing | " \
           "**validated** |" in lines
    assert "| hypothesis **SMS reminders reduce no\\-shows** (`sms`) | horizon | later | **now** |" not in lines
    assert "| hypothesis **SMS reminders reduce no-shows** (`sms`) | horizon | later | **now** |" in lines
    assert "| **Clinics active in week one** (`activation`) | 2026-11-01 | 32% |  |" in lines
    assert "| OKR **New clinics get value in week one** (`grow-activation`) | score | 0.50 (amber) | " \
           "**0.80 (green)** |" in lines
    assert "#### Themes" in lines
    assert "- Added: **Reminders \\| &lt;b&gt;that&lt;/b&gt; work** (`reminders`) · stage Grow · horizon next" in lines
    assert "- Removed: **Faster first value** (`first-value`) · stage Onboard · horizon now" in lines
    assert "  - status: testing → validated" in lines
    # sections come in a fixed order: transitions, measurements, then kinds in format order
    order = [lines.index(h) for h in ("#### Status", "#### Moves", "#### OKR scores", "#### New measurements",
                                      "#### Themes", "#### Hypotheses", "#### OKRs")]
    assert order == sorted(order)


def test_markdown_is_cut_to_fit_a_comment(tmp_path):
    d = diff_after(tmp_path, _big_change)
    full = render_markdown(d)
    short = render_markdown(d, max_chars=len(full) - 1)
    assert len(short) < len(full)
    assert "  - status: testing → validated" not in short  # details dropped first
    assert "- Changed: **A setup checklist gets clinics to a first booking** (`checklist`) · status" in short
    tiny = render_markdown(d, max_chars=400)
    assert len(tiny) <= 400 and tiny.endswith("for the full list._\n")


def test_json_is_a_stable_structure(tmp_path):
    d = diff_after(tmp_path, _big_change)
    text = render_json(d)
    assert text == render_json(diff_after(tmp_path / "again", _big_change))
    data = json.loads(text)
    assert list(data) == ["format", "base", "head", "as_of", "summary", "counts", "roadmap", "items", "transitions",
                          "measurements"]
    assert data["format"] == 1 and data["as_of"] == "2026-11-25"
    assert data["counts"] == {"added": 1, "removed": 1, "changed": 3, "roadmap": 0, "status": 1, "moves": 1,
                              "targets": 0, "measurements": 1, "scores": 1, "evidence": 0, "links": 0}
    status = [t for t in data["transitions"] if t["aspect"] == "status"][0]
    assert status == {"kind": "hypothesis", "id": "checklist", "title": "A setup checklist gets clinics to a first "
                      "booking", "aspect": "status", "detail": "", "path": "status", "old": "testing",
                      "new": "validated", "old_label": "testing", "new_label": "validated"}
    assert data["measurements"] == [{"metric": "activation", "title": "Clinics active in week one",
                                     "date": "2026-11-01", "value": 32, "label": "32%", "note": ""}]
    assert [(i["kind"], i["id"], i["action"]) for i in data["items"]] == [
        ("theme", "reminders", "added"), ("theme", "first-value", "removed"), ("hypothesis", "checklist", "changed"),
        ("hypothesis", "sms", "changed"), ("okr", "grow-activation", "changed")]


INSIGHT = """\
---
title: Clinics asked for a list of setup steps
date: 2026-10-01
source: support tickets
effect: {effect}
hypotheses: [checklist]
questions: [why-no-booking]
---
"""


def test_new_insight_and_changed_evidence_counts(tmp_path):
    d = diff_after(tmp_path, lambda c: write(c, {"insights/asked.md": INSIGHT.format(effect="supports")}))
    item = one(d.items, kind="insight", id="asked")
    assert (item.action, item.where) == ("added", "supports · source support tickets · date 2026-10-01")
    h = one(d.transitions, aspect="evidence", id="checklist")
    assert (h.kind, h.old, h.new) == ("hypothesis", {"supports": 0, "contradicts": 0}, {"supports": 1, "contradicts": 0})
    assert (h.old_label, h.new_label) == ("0 for · 0 against", "1 for · 0 against")
    one(d.transitions, aspect="evidence", id="why-no-booking")
    assert d.counts()["evidence"] == 2
    assert d.summary() == "1 added item · 2 evidence changes"
    text = render_text(d)
    assert "\nEvidence\n  question why-no-booking “Why do clinics not book?”: evidence 0 for · 0 against → " \
           "1 for · 0 against\n  hypothesis checklist “A setup checklist gets clinics to a first booking”: evidence " \
           "0 for · 0 against → 1 for · 0 against\n" in text
    assert "\nInsights\n  + asked “Clinics asked for a list of setup steps” (supports · source support tickets" in text
    md = render_markdown(d)
    assert "#### Evidence" in md and "#### Insights" in md
    assert "| hypothesis **A setup checklist gets clinics to a first booking** (`checklist`) | evidence | " \
           "0 for · 0 against | **1 for · 0 against** |" in md
    assert d.item_lines("hypothesis", "checklist") == ("evidence 0 for · 0 against → 1 for · 0 against",)


def test_an_insight_turned_around_changes_the_counts(tmp_path):
    before, after = tmp_path / "before", tmp_path / "after"
    write(before, {**BASE, "insights/asked.md": INSIGHT.format(effect="supports")})
    write(after, {**BASE, "insights/asked.md": INSIGHT.format(effect="contradicts")})
    d = diff_roadmaps(compiled(before), compiled(after))
    assert one(d.items, kind="insight", id="asked").changes[0].path == "effect"
    t = one(d.transitions, aspect="evidence", id="checklist")
    assert (t.old_label, t.new_label) == ("1 for · 0 against", "0 for · 1 against")
    write(after, {"insights/asked.md": None})
    d = diff_roadmaps(compiled(before), compiled(after))
    assert one(d.items, kind="insight", id="asked").action == "removed"
    assert one(d.transitions, aspect="evidence", id="checklist").new == {"supports": 0, "contradicts": 0}


def test_cli_reports_new_insights_and_evidence(repo, capsys):
    write(repo / "content", {"insights/asked.md": INSIGHT.format(effect="contradicts")})
    code, out, err = run(capsys, "diff", "HEAD", "--path", repo, "--as-of", "2026-11-25", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert [(i["kind"], i["id"], i["action"]) for i in data["items"]] == [("insight", "asked", "added")]
    assert [(t["kind"], t["id"], t["new"]) for t in data["transitions"] if t["aspect"] == "evidence"] == [
        ("question", "why-no-booking", {"supports": 0, "contradicts": 1}),
        ("hypothesis", "checklist", {"supports": 0, "contradicts": 1})]


# -- format 1.1: behaviours, journeys, tactics, links -----------------------------------------------

JOURNEYS = """\
journeys:
  - id: clinic
    title: Clinic owner
    stages:
      - id: discover
        title: Discover
        boosters: [Reads a case study]
      - id: onboard
        title: Onboard
        blockers:
          - {id: waits-for-call, title: Waits for the advisor to call}
          - Never connects a calendar
  - id: patient
    title: Patient
    stages:
      - id: grow
        title: Grow
        boosters:
          - {id: books-online, title: Books online, metric: activation}
"""
MOVED = JOURNEYS.replace("""      - id: onboard
        title: Onboard
        blockers:
          - {id: waits-for-call, title: Waits for the advisor to call}
          - Never connects a calendar
""", "").replace("""    title: Patient
    stages:
""", """    title: Patient
    stages:
      - id: onboard
        title: Onboard
        blockers:
          - {id: waits-for-call, title: Waits for the advisor to call}
          - Never connects a calendar
""")
TACTICS = "    goal: arr-2027\n    tactics:\n      - title: Guided setup\n      - {id: reminders, title: Reminders}\n"


def with_11(c: Path) -> None:
    """The base roadmap with two journeys, behaviours with ids and a tactic with an id."""
    write(c, {"journey.yml": JOURNEYS})
    edit(c, "roadmap.yml", "    goal: arr-2027\n", TACTICS)


def diff_11(tmp_path: Path, change):
    before, after = tmp_path / "before", tmp_path / "after"
    for side in (before, after):
        write(side, BASE)
        with_11(side)
    change(after)
    return diff_roadmaps(compiled(before), compiled(after), base="before", head="after")


def test_behaviour_added_removed_and_changed(tmp_path):
    def change(c):
        edit(c, "journey.yml", "boosters: [Reads a case study]",
             "boosters: [{id: reads-a-case-study, title: Reads a case study}]")  # a text given an id
        edit(c, "journey.yml", "          - {id: waits-for-call, title: Waits for the advisor to call}\n", "")
        edit(c, "journey.yml", "title: Books online, metric: activation}",
             "title: Books online in the app, metric: activation, visibility: public}")
    d = diff_11(tmp_path, change)
    added = one(d.items, kind="behaviour", action="added")
    assert (added.id, added.title, added.where) == ("reads-a-case-study", "Reads a case study", "booster · stage Discover")
    removed = one(d.items, kind="behaviour", action="removed")
    assert (removed.id, removed.where) == ("waits-for-call", "blocker · stage Onboard")
    changed = one(d.items, kind="behaviour", action="changed")
    assert [(c.path, c.old, c.new) for c in changed.changes] == [
        ("title", "Books online", "Books online in the app"), ("visibility", None, "public")]
    # the stage changes where a behaviour comes or goes, not where one is renamed or a text is given an id
    stages = [i for i in d.items if i.kind == "stage"]
    assert [(i.id, [(c.path, c.old, c.new) for c in i.changes]) for i in stages] == [
        ("onboard", [("blockers", ["Waits for the advisor to call", "Never connects a calendar"],
                      ["Never connects a calendar"])])]
    text = render_text(d)
    assert "\nBehaviours\n  + reads-a-case-study “Reads a case study” (booster · stage Discover)\n" \
           "  - waits-for-call “Waits for the advisor to call” (blocker · stage Onboard)\n" \
           "  ~ books-online “Books online in the app”\n      title: Books online → Books online in the app\n" in text
    assert "blockers: Waits for the advisor to call, Never connects a calendar → Never connects a calendar" in text
    assert "Added behaviour “Reads a case study” (booster · stage Discover)" in d.lines()
    assert "#### Behaviours" in render_markdown(d)


def test_a_behaviour_moved_to_another_stage_or_turned_around(tmp_path):
    def change(c):
        edit(c, "journey.yml", "          - {id: waits-for-call, title: Waits for the advisor to call}\n", "")
        edit(c, "journey.yml", "boosters: [Reads a case study]",
             "boosters: [Reads a case study]\n        blockers: [{id: waits-for-call, title: Waits for the advisor "
             "to call}]")
        edit(c, "journey.yml", "        boosters:\n          - {id: books-online",
             "        blockers:\n          - {id: books-online")
    d = diff_11(tmp_path, change)
    move = one(d.transitions, aspect="stages", kind="behaviour")
    assert (move.id, move.old, move.new, move.old_label, move.new_label) == (
        "waits-for-call", ["onboard"], ["discover"], "Onboard", "Discover")
    turned = one(d.items, kind="behaviour", id="books-online")
    assert [(c.path, c.old, c.new) for c in turned.changes] == [("type", "booster", "blocker")]
    assert d.item_lines("behaviour", "waits-for-call") == ("stage Onboard → Discover",)  # the stage field is the move
    assert d.item_lines("behaviour", "books-online") == ("edited type: booster → blocker",)
    assert d.counts()["moves"] == 1


def test_a_blocker_becoming_addressed_and_unaddressed(tmp_path):
    d = diff_11(tmp_path, lambda c: edit(c, "themes/first-value.md", "horizon: now\n",
                                         "horizon: now\nbehaviours: [waits-for-call, books-online]\n"))
    ts = [t for t in d.transitions if t.aspect == "addressed"]
    assert [(t.id, t.old, t.new, t.old_label, t.new_label) for t in ts] == [
        ("books-online", 0, 1, "unaddressed", "addressed by 1 item"),
        ("waits-for-call", 0, 1, "unaddressed", "addressed by 1 item")]
    assert d.counts()["status"] == 2
    assert "Behaviour “Waits for the advisor to call”: unaddressed → addressed by 1 item" in d.lines()
    assert "\nStatus\n  behaviour books-online “Books online”: unaddressed → addressed by 1 item\n" in render_text(d)
    assert "| behaviour **Waits for the advisor to call** (`waits-for-call`) | addressed | unaddressed | " \
           "**addressed by 1 item** |" in render_markdown(d)

    def named_twice(c):  # a second item aimed at it is no transition; none left is
        edit(c, "themes/first-value.md", "horizon: now\n", "horizon: now\nbehaviours: [waits-for-call]\n")
        edit(c, "questions/why-no-booking.md", "horizon: now\n", "horizon: now\nbehaviours: [waits-for-call]\n")
    before, after = tmp_path / "b2", tmp_path / "a2"
    for side in (before, after):
        write(side, BASE)
        with_11(side)
    named_twice(before)
    edit(after, "themes/first-value.md", "horizon: now\n", "horizon: now\nbehaviours: [waits-for-call]\n")
    assert not [t for t in diff_roadmaps(compiled(before), compiled(after)).transitions if t.aspect == "addressed"]
    d = diff_roadmaps(compiled(before), compiled(tmp_path / "before"))
    t = one(d.transitions, aspect="addressed")
    assert (t.id, t.old, t.new, t.old_label, t.new_label) == (
        "waits-for-call", 2, 0, "addressed by 2 items", "unaddressed")


def test_journeys_added_removed_moved_and_reordered(tmp_path):
    d = diff_11(tmp_path, lambda c: write(c, {"journey.yml": MOVED}))
    t = one(d.transitions, aspect="journey")
    assert (t.kind, t.id, t.old, t.new, t.old_label, t.new_label) == (
        "stage", "onboard", "clinic", "patient", "Clinic owner", "Patient")
    assert d.counts()["moves"] == 1
    assert [(i.id, [(c.path, c.old, c.new) for c in i.changes]) for i in d.items if i.kind == "journey"] == [
        ("clinic", [("stages", ["discover", "onboard"], ["discover"])]),
        ("patient", [("stages", ["grow"], ["onboard", "grow"])])]
    assert "Journey stage “Onboard”: journey Clinic owner → Patient" in d.lines()
    assert "\nMoves\n  journey stage onboard “Onboard”: journey Clinic owner → Patient\n" in render_text(d)
    assert "| journey stage **Onboard** (`onboard`) | journey | Clinic owner | **Patient** |" in render_markdown(d)
    assert not d.roadmap  # one journey's stages are not a roadmap-level order

    swapped = "journeys:\n" + JOURNEYS.split("  - id: patient\n")[1].join(["  - id: patient\n", ""]) \
        + JOURNEYS.split("journeys:\n")[1].split("  - id: patient\n")[0]
    d = diff_11(tmp_path / "swap", lambda c: write(c, {"journey.yml": swapped}))
    assert [(c.path, c.old, c.new) for c in d.roadmap] == [("journeys order", ["clinic", "patient"],
                                                            ["patient", "clinic"])]
    assert not d.items and not d.transitions

    staff = JOURNEYS + "  - id: staff\n    title: Staff\n    stages:\n      - id: prepare\n        title: Prepare\n"
    d = diff_11(tmp_path / "add", lambda c: write(c, {"journey.yml": staff}))
    assert [(i.kind, i.id, i.action, i.where) for i in d.items] == [
        ("stage", "prepare", "added", "journey Staff"), ("journey", "staff", "added", "stage Prepare")]
    assert "Added journey “Staff” (stage Prepare)" in d.lines()
    d = diff_roadmaps(compiled(tmp_path / "add" / "after"), compiled(tmp_path / "add" / "before"))
    assert [(i.kind, i.id, i.action) for i in d.items] == [("stage", "prepare", "removed"),
                                                           ("journey", "staff", "removed")]


def test_one_journey_becoming_several_moves_no_stage(tmp_path):
    """journey.yml's `stages:` put into a first journey: the journeys are added, no stage moves."""
    before, after = tmp_path / "before", tmp_path / "after"
    write(before, BASE)
    write(after, BASE)
    write(after, {"journey.yml": "journeys:\n  - id: clinic\n    title: Clinic owner\n    stages:\n"
                                 + BASE["journey.yml"].split("stages:\n")[1].replace("\n  ", "\n      ")
                                 .replace("  - id: discover", "      - id: discover", 1)})
    d = diff_roadmaps(compiled(before), compiled(after))
    assert [(i.kind, i.id, i.action, i.where) for i in d.items] == [
        ("journey", "clinic", "added", "stages Discover, Onboard, Grow")]
    assert not d.transitions and not d.roadmap


def test_tactic_ids_and_tactic_links(tmp_path):
    def change(c):
        edit(c, "roadmap.yml", "      - title: Guided setup\n", "      - {id: guided-setup, title: Guided setup}\n")
        edit(c, "themes/first-value.md", "horizon: now\n", "horizon: now\ntactic: guided-setup\n")
        edit(c, "hypotheses/sms.md", "horizon: later\n", "horizon: later\ntactic: reminders\n")
    d = diff_11(tmp_path, change)
    strategy = one(d.items, kind="strategy", id="self-serve")
    assert [(c.path, c.old, c.new, c.entry) for c in strategy.changes] == [
        ("tactics[0].id", None, "guided-setup", "Guided setup")]
    links = [(t.kind, t.id, t.path, t.old, t.new, t.old_label, t.new_label) for t in d.transitions]
    assert links == [("theme", "first-value", "tactic", None, "guided-setup", "—", "Guided setup"),
                     ("hypothesis", "sms", "tactic", None, "reminders", "—", "Reminders")]
    assert d.counts()["links"] == 2 and d.summary() == "3 changed items · 2 link changes"
    assert "Edited strategy “Self-serve onboarding”: tactic “Guided setup” id: — → guided-setup" in d.lines()
    assert "Theme “Faster first value”: tactic — → Guided setup" in d.lines()
    assert d.item_lines("theme", "first-value") == ("tactic — → Guided setup",)  # the field is not told twice
    text = render_text(d)
    assert "\nLinks\n  theme first-value “Faster first value”: tactic — → Guided setup\n" \
           "  hypothesis sms “SMS reminders reduce no-shows”: tactic — → Reminders\n" in text
    assert "| theme **Faster first value** (`first-value`) | tactic | — | **Guided setup** |" in render_markdown(d)
    # a tactic renamed under the same id changes the strategy only, not the items naming it
    renamed = tmp_path / "renamed"
    write(renamed, BASE)
    with_11(renamed)
    change(renamed)
    edit(renamed, "roadmap.yml", "{id: reminders, title: Reminders}", "{id: reminders, title: SMS reminders}")
    d = diff_roadmaps(compiled(tmp_path / "after"), compiled(renamed))
    assert [(i.kind, i.id, [(c.path, c.old, c.new) for c in i.changes]) for i in d.items] == [
        ("strategy", "self-serve", [("tactics[1].title", "Reminders", "SMS reminders")])]
    assert not d.transitions


def test_behaviour_links_on_items(tmp_path):
    def change(c):
        edit(c, "outcomes/week-one.md", "metric: activation\n", "metric: activation\nbehaviours: [books-online]\n")
    before, after = tmp_path / "before", tmp_path / "after"
    for side in (before, after):
        write(side, BASE)
        with_11(side)
    edit(before, "outcomes/week-one.md", "metric: activation\n",
         "metric: activation\nbehaviours: [waits-for-call]\n")
    change(after)
    d = diff_roadmaps(compiled(before), compiled(after))
    t = one(d.transitions, aspect="link")
    assert (t.kind, t.path, t.old, t.new, t.old_label, t.new_label) == (
        "outcome", "behaviours", ["waits-for-call"], ["books-online"], "Waits for the advisor to call", "Books online")
    assert [(x.id, x.old_label, x.new_label) for x in d.transitions if x.aspect == "addressed"] == [
        ("books-online", "unaddressed", "addressed by 1 item"), ("waits-for-call", "addressed by 1 item", "unaddressed")]
    assert "Outcome “New clinics book a first patient in week one”: behaviours Waits for the advisor to call → " \
           "Books online" in d.lines()


def test_key_result_links(tmp_path):
    d = diff_11(tmp_path, lambda c: edit(c, "okrs/grow-activation.yml", "  - title: Interview 20 clinics\n",
                                         "  - title: Interview 20 clinics\n    outcome: week-one\n"
                                         "    hypotheses: [checklist, sms]\n"))
    ts = [t for t in d.transitions if t.aspect == "link"]
    assert [(t.kind, t.detail, t.path, t.new, t.new_label) for t in ts] == [
        ("okr", "Interview 20 clinics", "key_results[1].outcome", "week-one",
         "New clinics book a first patient in week one"),
        ("okr", "Interview 20 clinics", "key_results[1].hypotheses", ["checklist", "sms"],
         "A setup checklist gets clinics to a first booking, SMS reminders reduce no-shows")]
    assert "OKR “New clinics get value in week one”: key result “Interview 20 clinics” outcome — → New clinics " \
           "book a first patient in week one" in d.lines()
    md = render_markdown(d)
    assert "#### Links" in md
    assert "| OKR **New clinics get value in week one** (`grow-activation`) | key result “Interview 20 clinics” " \
           "outcome | — | **New clinics book a first patient in week one** |" in md
    data = json.loads(render_json(d))
    assert data["counts"]["links"] == 2
    assert [t for t in data["transitions"] if t["path"] == "key_results[1].outcome"] == [
        {"kind": "okr", "id": "grow-activation", "title": "New clinics get value in week one", "aspect": "link",
         "detail": "Interview 20 clinics", "path": "key_results[1].outcome", "old": None, "new": "week-one",
         "old_label": "—", "new_label": "New clinics book a first patient in week one"}]
    # a key result added with links is an added entry, not a link change
    d = diff_11(tmp_path / "new-kr", lambda c: edit(c, "okrs/grow-activation.yml", "    current: 10\n",
                                                    "    current: 10\n  - title: Fewer calls\n    outcome: week-one\n"
                                                    "    from: 0\n    to: 1\n"))
    assert not [t for t in d.transitions if t.aspect == "link"]
    assert "key result added: “Fewer calls”" in render_text(d)


def test_headlines_and_site_terms_tell_the_11_changes(tmp_path):
    from roadmap_gen.git.headlines import headline, headline_phrases
    from roadmap_gen.git.terms import diff_terms

    def change(c):
        write(c, {"journey.yml": MOVED})
        edit(c, "themes/first-value.md", "horizon: now\n", "horizon: now\ntactic: reminders\n"
                                                            "behaviours: [waits-for-call]\n")
    d = diff_11(tmp_path, change)
    phrases = headline_phrases(d)
    assert phrases[:4] == ["Waits for the advisor to call: unaddressed → addressed by 1 item",
                           "Onboard: moved to journey Patient", "Faster first value: tactic — → Reminders",
                           "Faster first value: behaviours — → Waits for the advisor to call"]
    assert headline(d).startswith("Waits for the advisor to call: unaddressed → addressed by 1 item (and ")
    terms = diff_terms(d)
    assert [(r.section, r.kind, r.id, r.what, r.old_label, r.new_label) for r in terms.rows] == [
        ("moves", "stage", "onboard", "journey", "Clinic owner", "Patient")]
    # links have no row on the site: the item is listed as edited with those fields
    assert [(i.id, what) for i, what in terms.edited if i.kind == "theme"] == [("first-value", "tactic, behaviours")]


def test_a_roadmap_with_journeys_and_behaviours_added_from_nothing_reads_in_sentences(tmp_path):
    from roadmap_gen.git.headlines import headline
    write(tmp_path / "c", BASE)
    with_11(tmp_path / "c")
    d = diff_roadmaps(None, compiled(tmp_path / "c"))
    added = {(i.kind, i.id) for i in d.items if i.action == "added"}
    assert {("journey", "clinic"), ("journey", "patient"), ("behaviour", "waits-for-call"),
            ("behaviour", "books-online")} <= added
    lines = d.lines(collapse=1)
    assert "Added 2 journeys: “Clinic owner”, “Patient”" in lines  # not "and -1 more"
    assert "Added 2 behaviours: “Books online”, “Waits for the advisor to call”" in lines
    assert "Added journey “Patient” (stage Grow)" in d.lines()
    assert "Added behaviour “Books online” (booster · stage Grow)" in d.lines()
    assert headline(d).startswith("New: ")
    for render in (render_text, render_markdown, render_json):
        assert "Waits for the advisor to call" in render(d)


def test_md_escape_keeps_text_on_one_line():
    assert md_escape("a | b\n<script>*x*</script> [l](u)") == \
        "a \\| b &lt;script&gt;\\*x\\*&lt;/script&gt; \\[l\\](u)"
    assert md_escape("x" * 200, limit=10) == "xxxxxxxxx…"


# -- the command, on real git repositories -------------------------------------------------

def test_cli_working_tree_against_a_revision(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo)
    _big_change(repo / "content")
    code, out, err = run(capsys, "diff", "HEAD", "--as-of", "2026-11-25", "--format", "markdown")
    assert code == 0, err
    assert out.startswith("### Roadmap changes\n\n`HEAD` → `working tree` · figures as of 2026-11-25\n")
    assert "| hypothesis **A setup checklist gets clinics to a first booking** (`checklist`) | status | testing | " \
           "**validated** |" in out
    assert "- Added: **Reminders \\| &lt;b&gt;that&lt;/b&gt; work** (`reminders`)" in out


def test_cli_two_revisions_as_json(repo, capsys):
    first = git(repo, "rev-parse", "HEAD").strip()
    edit(repo / "content", "hypotheses/sms.md", "horizon: later", "horizon: now")
    second = commit_all(repo, "Move SMS to now", "2026-02-01T09:00:00+00:00")
    edit(repo / "content", "hypotheses/sms.md", "horizon: now", "horizon: next")  # uncommitted: not compared
    code, out, err = run(capsys, "diff", first, second, "--path", repo, "--as-of", "2026-11-25", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert (data["base"], data["head"]) == (first, second)
    assert [(t["id"], t["aspect"], t["old"], t["new"]) for t in data["transitions"]] == [
        ("sms", "horizon", "later", "now")]


def test_cli_text_format(repo, capsys):
    edit(repo / "content", "hypotheses/sms.md", "status: idea", "status: testing")
    code, out, _ = run(capsys, "diff", "HEAD", "--path", repo, "--as-of", "2026-11-25")
    assert code == 0
    assert out.splitlines()[:2] == ["Roadmap changes: HEAD → working tree (as of 2026-11-25)",
                                    "1 changed item · 1 status change"]
    assert "  hypothesis sms “SMS reminders reduce no-shows”: status idea → testing" in out
    assert "  ~ sms “SMS reminders reduce no-shows”" in out


def test_cli_no_changes(repo, capsys):
    code, out, _ = run(capsys, "diff", "HEAD", "--path", repo, "--format", "markdown")
    assert code == 0
    assert "No roadmap changes" in out


def test_cli_project_with_mkdocs_yml_in_a_subfolder(tmp_path, capsys):
    root = tmp_path / "mono"
    site = root / "product" / "roadmap"
    site.mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    (site / "mkdocs.yml").write_text("site_name: R\nplugins:\n  - outcome-roadmap:\n      content_dir: data\n"
                                     "      as_of: 2026-11-25\n", encoding="utf-8")
    write(site / "data", BASE)
    (root / "README.md").write_text("other files of the repository\n", encoding="utf-8")
    commit_all(root, "Roadmap in a subfolder")
    edit(site / "data", "hypotheses/sms.md", "status: idea", "status: parked")
    code, out, err = run(capsys, "diff", "HEAD", "--path", site, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["as_of"] == "2026-11-25"  # the plugin's option
    assert [(t["id"], t["new"]) for t in data["transitions"]] == [("sms", "parked")]


def test_cli_base_without_the_content_folder_counts_everything_added(tmp_path, capsys):
    root = tmp_path / "r"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    (root / "README.md").write_text("x\n", encoding="utf-8")
    commit_all(root, "Empty")
    write(root / "content", BASE)
    code, out, err = run(capsys, "diff", "HEAD", "--path", root, "--format", "json")
    assert code == 0, err
    assert "does not exist in HEAD" in err
    assert json.loads(out)["counts"]["added"] == 13


def test_cli_content_errors_exit_1_and_are_printed(repo, capsys):
    edit(repo / "content", "hypotheses/sms.md", "status: idea", "status: maybe")
    code, out, err = run(capsys, "diff", "HEAD", "--path", repo)
    assert code == 1
    assert out == ""
    assert "content/hypotheses/sms.md:8:9: `maybe` is not a valid status" in err


def test_cli_content_errors_at_a_revision_name_the_revision(repo, capsys):
    edit(repo / "content", "hypotheses/sms.md", "status: idea", "status: maybe")
    commit_all(repo, "Broken")
    code, _, err = run(capsys, "diff", "HEAD", "HEAD~1", "--path", repo)
    assert code == 1
    assert "  HEAD:content/hypotheses/sms.md:8:9: `maybe` is not a valid status" in err


def test_cli_unknown_revision_is_a_usage_error(repo, capsys):
    code, out, err = run(capsys, "diff", "no-such-branch", "--path", repo)
    assert code == 2
    assert "unknown revision `no-such-branch`" in err


def test_cli_option_like_revision_is_refused(repo, capsys):
    code, _, err = run(capsys, "diff", "--path", repo, "--", "--output=x")
    assert code == 2 and "unknown revision" in err
    assert not (repo / "x").exists()


def test_cli_outside_git_is_a_usage_error(tmp_path, capsys):
    write(tmp_path / "content", BASE)
    code, _, err = run(capsys, "diff", "HEAD", "--path", tmp_path)
    assert code == 2
    assert "not in a git repository" in err


def test_cli_shallow_clone_hint(repo, tmp_path, capsys):
    edit(repo / "content", "hypotheses/sms.md", "status: idea", "status: parked")
    commit_all(repo, "Park SMS", "2026-02-01T10:00:00+00:00")
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", repo.as_uri(), str(clone))
    code, _, err = run(capsys, "diff", "HEAD~1", "--path", clone)
    assert code == 2
    assert "shallow clone" in err and "fetch-depth: 0" in err


def test_a_revision_is_read_with_one_cat_file_process(repo, monkeypatch):
    import roadmap_gen.git.repo as git_repo

    started: list[list[str]] = []
    real = git_repo.subprocess.Popen

    def counting(args, *a, **kw):
        started.append(list(args))
        return real(args, *a, **kw)

    monkeypatch.setattr(git_repo.subprocess, "Popen", counting)
    g = git_repo.Git.open(repo)
    with git_repo.Snapshots(g, "content", AS_OF) as snaps:
        result = snaps.load("HEAD")
        assert result.ok and len(result.files) == len(BASE)
        again = snaps.load("HEAD")  # nothing changed: no blob is read again
        assert again.ok
    assert [a for a in started if "cat-file" in a] == [["git", "cat-file", "--batch"]]
    assert len([a for a in started if "ls-tree" in a]) == 2  # one listing per revision loaded


def test_every_row_the_review_pages_show_has_words_in_every_language():
    """The site's review pages name what moved with a label per ``what``; the journey move of format 1.1 too."""
    from roadmap_gen.git.changes import Transition
    from roadmap_gen.git.terms import SECTIONS, _what
    from roadmap_gen.site.labels import LANGUAGES
    from roadmap_gen.site.views.reviews import _WHAT

    for _, aspects in SECTIONS:
        for aspect in aspects:
            what = _what(Transition("stage", "s", "S", aspect, None, None, "", ""))
            assert what in _WHAT, aspect
            assert all(_WHAT[what] in words for words in LANGUAGES.values()), (aspect, _WHAT[what])
    assert "journey" in dict(SECTIONS)["moves"] and _WHAT["journey"] == "kind.journey"
