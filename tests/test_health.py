"""Roadmap health (content format 1.1, "Roadmap health: the method, checked"): the ten rules, each with a
roadmap that triggers it (the exact ``path:line:column: warning: message [rule]`` line of ``roadmap-gen
check``) and roadmaps that do not; ``check --strict``, ``--ignore``, ``--format github|json``; the
plugin option ``health: {ignore: [...]}``; real MkDocs builds (findings never fail ``--strict`` and are
no MkDocs warnings); the health page, its nav count, its absence from public builds; roadmap.json
``health``."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from conftest import compile_roadmap, make_roadmap, run_cli
from roadmap_gen.compile.compiler import Compiler
from roadmap_gen.compile.health import RULES, SUMMARIES, Finding, UnknownRule, check_rules, health
from roadmap_gen.format.diagnostics import Location
from roadmap_gen.site.labels import EN, NL, SV
from sitehelpers import build, content, mkdocs, mkdocs_config, page, primary_nav_links, read, resolve, write_site

AS_OF = date(2026, 11, 25)

ROADMAP = """\
title: Healthy roadmap
vision: A vision.
mission: A mission.
review: {last: 2026-10-01, every: 3 months}
goals:
  - id: grow
    title: Grow sign-ups
    metric: signups
    target: 100
    by: 2026-12-31
strategies:
  - id: self-serve
    title: Self-serve
    goal: grow
    metric: signups
"""

JOURNEY = """\
stages:
  - id: onboard
    title: Onboard
    boosters:
      - {id: reads-guide, title: Reads the guide}
    blockers:
      - {id: gives-up, title: Gives up at setup}
"""

METRICS = """\
metrics:
  - id: signups
    title: Sign-ups
    category: customer
    review: monthly
    baseline: {value: 10, date: 2026-01-01}
"""

OUTCOME = """\
---
title: New clinics activate in week one
stage: onboard
metric: signups
team: growth
behaviours: [gives-up]
---
"""

HYPOTHESIS = """\
---
title: A setup checklist
stage: onboard
horizon: now
outcome: activation
we_believe: a checklist
will_result_in: more activations
we_will_know_when: activation rises
status: testing
team: growth
experiments:
  - {title: Fake door, status: running}
---
"""


def okr(n: int) -> str:
    krs = "".join(f"  - title: Key result {i}\n    from: 0\n    to: 10\n    current: 5\n" for i in range(n))
    return f"objective: Grow\nperiod: 2026-Q4\nkey_results:\n{krs}"


HEALTHY = {"roadmap.yml": ROADMAP, "journey.yml": JOURNEY, "metrics.yml": METRICS,
           "metrics/signups.csv": "date,value\n2026-11-01,40\n", "outcomes/activation.md": OUTCOME,
           "hypotheses/checklist.md": HYPOTHESIS, "okrs/q4.yml": okr(1)}


def swap(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new)


def check(root: Path, *args: str) -> tuple[int, list[str], str]:
    """``roadmap-gen check ARGS`` run in the project: (exit code, stdout lines, stderr)."""
    code, out, err = run_cli("check", "--as-of", AS_OF.isoformat(), *args, cwd=root)
    return code, out.splitlines(), err


def of_rule(lines: list[str], rule: str) -> list[str]:
    return [x for x in lines if x.endswith(f" [{rule}]")]


# -- the ten rules: a roadmap that triggers each, exactly where and with what message ----------------

TRIGGERS = {
    "hypothesis-without-outcome": (
        {"hypotheses/checklist.md": swap(HYPOTHESIS, "outcome: activation\n", "")},
        "content/hypotheses/checklist.md:2:1: warning: hypothesis `checklist` names no outcome; add "
        "`outcome: <id>` for the behaviour change it bets on"),
    "goal-not-measurable": (
        {"roadmap.yml": swap(ROADMAP, "    by: 2026-12-31\n", "")},
        "content/roadmap.yml:6:5: warning: goal `grow` is not measurable without `by`; add it (the metric, the "
        "value to reach, the date to reach it by)"),
    "strategy-without-metric": (
        {"roadmap.yml": ROADMAP.removesuffix("    metric: signups\n")},
        "content/roadmap.yml:12:5: warning: active strategy `self-serve` has no sub-goal metric; add "
        "`metric: <id>` to see whether it works, or set `active: false`"),
    "outcome-without-team": (
        {"outcomes/activation.md": swap(OUTCOME, "team: growth\n", "")},
        "content/outcomes/activation.md:2:1: warning: outcome `activation` has no team; add `team:` so a team "
        "owns the behaviour change"),
    "outcome-without-work": (
        {"hypotheses/checklist.md": swap(HYPOTHESIS, "horizon: now", "horizon: later")},
        "content/outcomes/activation.md:2:1: warning: no theme, question or hypothesis on horizon now or next "
        "works on outcome `activation`; name it in one (`outcome: activation`), plan work for it, or drop the "
        "outcome"),
    "too-many-key-results": (
        {"okrs/q4.yml": okr(6)},
        "content/okrs/q4.yml:4:3: warning: objective `q4` has 6 key results; keep at most 5 so it stays focused "
        "(split the objective or drop the weakest)"),
    "testing-without-experiment": (
        {"hypotheses/checklist.md": swap(HYPOTHESIS, "status: running", "status: done")},
        "content/hypotheses/checklist.md:9:9: warning: hypothesis `checklist` is `testing` but no experiment is "
        "planned or running; add one under `experiments:` or change its `status`"),
    "review-overdue": (
        {"roadmap.yml": swap(ROADMAP, "last: 2026-10-01", "last: 2026-01-01")},
        "content/roadmap.yml:4:9: warning: the review of vision, mission, goals and strategies was due 2026-04-01 "
        "(last 2026-01-01, every 3 months); review them and set `review.last`"),
    "metric-stale": (
        {"metrics/signups.csv": "date,value\n2026-09-01,40\n"},
        "content/metrics.yml:2:5: warning: metric `signups` is stale: last measured 2026-09-01, a new measurement "
        "was due 2026-10-01 (review monthly); add it to metrics/signups.csv"),
    "blocker-unaddressed": (
        {"outcomes/activation.md": swap(OUTCOME, "behaviours: [gives-up]\n", "")},
        "content/journey.yml:7:9: warning: blocker `gives-up` is unaddressed; aim an outcome, opportunity, theme, "
        "question or hypothesis at it with `behaviours: [gives-up]`"),
}


def test_every_rule_has_a_trigger_and_a_summary():
    assert set(TRIGGERS) == set(RULES) == set(SUMMARIES)
    assert len(RULES) == 10


def test_the_healthy_roadmap_has_no_finding(tmp_path):
    root = make_roadmap(tmp_path, HEALTHY)
    code, lines, err = check(root, "--strict")
    assert (code, lines) == (0, [])
    assert "0 errors, 0 warnings, 0 findings" in err and err.startswith("✓")


@pytest.mark.parametrize("rule", RULES)
def test_a_roadmap_that_breaks_the_rule_gets_one_finding_where_to_fix_it(tmp_path, rule):
    files, expected = TRIGGERS[rule]
    root = make_roadmap(tmp_path, {**HEALTHY, **files})
    code, lines, err = check(root)
    assert code == 0, err  # findings are not errors
    assert of_rule(lines, rule) == [f"{expected} [{rule}]"]
    assert re.search(r"0 errors, 0 warnings, \d+ findings? in", err)


# -- roadmaps that come near a rule and do not break it ----------------------------------------------

NEAR_MISSES = {
    "hypothesis-without-outcome": {"hypotheses/checklist.md": swap(HYPOTHESIS, "outcome: activation",
                                                                   "outcomes: [activation]")},
    "goal-not-measurable": {"roadmap.yml": swap(ROADMAP, "    target: 100\n", "    target: 0\n")},
    "strategy-without-metric": {"roadmap.yml": ROADMAP.removesuffix("    metric: signups\n") + "    active: false\n"},
    "outcome-without-team": {"outcomes/activation.md": swap(OUTCOME, "team: growth", "team: onboarding")},
    "too-many-key-results": {"okrs/q4.yml": okr(5)},
    "testing-without-experiment": {"hypotheses/checklist.md": swap(HYPOTHESIS, "status: running", "status: planned")},
    "review-overdue": {"roadmap.yml": swap(ROADMAP, "last: 2026-10-01", "last: 2026-08-25")},  # due on as_of
    "metric-stale": {"metrics/signups.csv": "date,value\n2026-10-25,40\n"},  # due 2026-11-25, as_of itself
    "blocker-unaddressed": {"outcomes/activation.md": swap(OUTCOME, "behaviours: [gives-up]",
                                                           "behaviours: [reads-guide]"),  # an unaddressed booster
                            "hypotheses/checklist.md": swap(HYPOTHESIS, "team: growth", "behaviours: [gives-up]")},
}


@pytest.mark.parametrize("rule", sorted(NEAR_MISSES))
def test_a_near_miss_is_no_finding(tmp_path, rule):
    root = make_roadmap(tmp_path, {**HEALTHY, **NEAR_MISSES[rule]})
    code, lines, err = check(root, "--strict")
    assert (code, lines) == (0, []), err


def later(text: str) -> str:
    return swap(text, "horizon: now", "horizon: later")


OPPORTUNITIES = {"opportunities/setup.md": "---\ntitle: Setup is hard\noutcome: activation\n---\n",
                 "opportunities/import.md": "---\ntitle: Importing is hard\nparent: setup\n---\n"}


@pytest.mark.parametrize("files", [
    {"themes/faster.md": "---\ntitle: Faster setup\nstage: onboard\nhorizon: next\noutcomes: [activation]\n---\n"},
    {"questions/why.md": "---\ntitle: Why do they wait?\nstage: onboard\nhorizon: now\noutcome: activation\n---\n"},
    # through the opportunity tree: the hypothesis names a nested opportunity, not the outcome
    {**OPPORTUNITIES, "hypotheses/importer.md": swap(swap(HYPOTHESIS, "outcome: activation", "opportunity: import"),
                                                     "horizon: now", "horizon: next")},
], ids=["theme-next", "question-now", "nested-opportunity"])
def test_work_on_now_or_next_directly_or_through_the_tree_counts(tmp_path, files):
    root = make_roadmap(tmp_path, {**HEALTHY, "hypotheses/checklist.md": later(HYPOTHESIS), **files})
    _code, lines, _err = check(root)
    assert of_rule(lines, "outcome-without-work") == []


def test_work_on_later_or_in_another_tree_does_not_count(tmp_path):
    files = {**OPPORTUNITIES, "opportunities/other.md": "---\ntitle: Other\noutcome: other\n---\n",
             "outcomes/other.md": swap(OUTCOME, "behaviours: [gives-up]\n", ""),
             "hypotheses/checklist.md": later(HYPOTHESIS),
             "themes/later.md": "---\ntitle: Later\nstage: onboard\nhorizon: later\noutcome: activation\n---\n",
             "hypotheses/importer.md": swap(later(HYPOTHESIS), "outcome: activation", "opportunity: import"),
             "hypotheses/other.md": swap(HYPOTHESIS, "outcome: activation", "opportunity: other")}
    root = make_roadmap(tmp_path, {**HEALTHY, **files})
    _code, lines, _err = check(root)
    assert [x.split(":")[0] for x in of_rule(lines, "outcome-without-work")] == ["content/outcomes/activation.md"]


def test_a_missing_goal_field_list_names_each_missing_field(tmp_path):
    text = swap(swap(ROADMAP, "    metric: signups\n    target: 100\n", ""), "    by: 2026-12-31\n", "")
    root = make_roadmap(tmp_path, {**HEALTHY, "roadmap.yml": text})
    _code, lines, _err = check(root)
    assert of_rule(lines, "goal-not-measurable") == [
        "content/roadmap.yml:6:5: warning: goal `grow` is not measurable without `metric`, `target` and `by`; add "
        "them (the metric, the value to reach, the date to reach it by) [goal-not-measurable]"]


def test_findings_are_sorted_by_place_then_rule(tmp_path):
    files = {name: text for rule in ("outcome-without-team", "outcome-without-work", "review-overdue",
                                     "metric-stale") for name, text in TRIGGERS[rule][0].items()}
    root = make_roadmap(tmp_path, {**HEALTHY, **files})
    _code, lines, _err = check(root)
    assert [x.rsplit(" [", 1)[1] for x in lines] == ["metric-stale]", "outcome-without-team]",
                                                     "outcome-without-work]", "review-overdue]"]


# -- the library -------------------------------------------------------------------------------------

def test_findings_are_not_diagnostics_and_wait_for_errors_to_be_fixed(tmp_path):
    root = make_roadmap(tmp_path, {**HEALTHY, **TRIGGERS["metric-stale"][0]})
    compiled = compile_roadmap(root, AS_OF)
    assert compiled.ok and compiled.diagnostics == []
    assert [(f.rule, str(f.loc), f.item) for f in compiled.findings] == [
        ("metric-stale", "content/metrics.yml:2:5", ("metric", "signups"))]
    assert str(compiled.findings[0]) == TRIGGERS["metric-stale"][1] + " [metric-stale]"
    broken = make_roadmap(tmp_path, {"themes/t.md": "---\ntitle: T\nstage: onbord\nhorizon: now\n---\n"})
    compiled = compile_roadmap(broken, AS_OF)
    assert compiled.errors and compiled.findings == []


def test_health_skips_ignored_rules_and_the_compiler_remembers_them(tmp_path):
    files = {**TRIGGERS["metric-stale"][0], **TRIGGERS["outcome-without-team"][0]}
    root = make_roadmap(tmp_path, {**HEALTHY, **files})
    compiler = Compiler(root / "content", root)
    compiled = compiler.compile(AS_OF)
    assert [f.rule for f in compiled.findings] == ["metric-stale", "outcome-without-team"]
    assert [f.rule for f in health(compiled.roadmap, compiled.figures, ["metric-stale"])] == ["outcome-without-team"]
    again = compiler.compile(AS_OF, health_ignore=("outcome-without-team",))  # not the cached result
    assert [f.rule for f in again.findings] == ["metric-stale"] and again.health_ignore == ("outcome-without-team",)


def test_an_unknown_rule_is_an_error_naming_the_nearest(tmp_path):
    with pytest.raises(UnknownRule, match=r"unknown roadmap health rule `metric-sale` \(did you mean `metric-stale`\?\)"):
        check_rules(["metric-sale"])
    with pytest.raises(UnknownRule, match="the rules are: hypothesis-without-outcome, goal-not-measurable"):
        check_rules(["zzz"])
    assert check_rules(["metric-stale", "metric-stale"]) == ("metric-stale",)
    with pytest.raises(ValueError):
        Compiler(make_roadmap(tmp_path, HEALTHY) / "content").compile(AS_OF, health_ignore=["blockers"])


def test_a_finding_prints_like_a_diagnostic_with_its_rule():
    f = Finding("metric-stale", Location("content/metrics.yml", 2, 5), "metric `x` is stale", ("metric", "x"))
    assert str(f) == "content/metrics.yml:2:5: warning: metric `x` is stale [metric-stale]"


# -- roadmap-gen check: --strict, --ignore, formats --------------------------------------------------

@pytest.fixture
def unhealthy(tmp_path) -> Path:
    """Two findings: a stale metric and an outcome without a team."""
    return make_roadmap(tmp_path, {**HEALTHY, **TRIGGERS["metric-stale"][0], **TRIGGERS["outcome-without-team"][0]})


def test_strict_exits_1_on_findings(unhealthy):
    code, lines, err = check(unhealthy)
    assert code == 0 and len(lines) == 2 and err.startswith("✓ 0 errors, 0 warnings, 2 findings")
    code, lines2, err = check(unhealthy, "--strict")
    assert code == 1 and lines2 == lines and err.startswith("✗ 0 errors, 0 warnings, 2 findings")


def test_strict_exits_1_on_errors_and_says_health_waits(tmp_path):
    root = make_roadmap(tmp_path, {**HEALTHY, "themes/t.md": "---\ntitle: T\nstage: onbord\nhorizon: now\n---\n"})
    code, lines, err = check(root, "--strict")
    assert code == 1 and len(lines) == 1 and "roadmap health is checked once there are no errors" in err


def test_ignore_on_the_command_line(unhealthy):
    code, lines, err = check(unhealthy, "--strict", "--ignore", "metric-stale", "--ignore", "outcome-without-team")
    assert (code, lines) == (0, [])
    assert "health rules ignored: metric-stale, outcome-without-team" in err
    code, lines, _ = check(unhealthy, "--ignore", "metric-stale")
    assert [x.rsplit("[", 1)[1] for x in lines] == ["outcome-without-team]"]


def test_unknown_rule_on_the_command_line_is_a_usage_error(unhealthy):
    code, out, err = run_cli("check", "--ignore", "outcome-without-tean", cwd=unhealthy)
    assert code == 2 and out == ""
    assert err.strip() == ("roadmap-gen: error: --ignore: unknown roadmap health rule `outcome-without-tean` "
                           "(did you mean `outcome-without-team`?)")


def with_plugin(root: Path, **options) -> Path:
    config = mkdocs_config(plugin=options)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)
    return root


def test_ignore_via_the_plugin_option(unhealthy):
    with_plugin(unhealthy, health={"ignore": ["metric-stale"]})
    code, lines, err = check(unhealthy)
    assert code == 0 and [x.rsplit("[", 1)[1] for x in lines] == ["outcome-without-team]"]
    code, lines, _ = check(unhealthy, "--ignore", "outcome-without-team", "--strict")  # both together
    assert (code, lines) == (0, [])
    code, out, _ = run_cli("export", cwd=unhealthy)
    assert code == 0 and [h["rule"] for h in json.loads(out)["health"]] == ["outcome-without-team"]


@pytest.mark.parametrize("option,message", [
    ({"ignore": ["metric-sale"]}, "unknown roadmap health rule `metric-sale` (did you mean `metric-stale`?)"),
    ({"ignore": "metric-stale"}, "`ignore` must be a list of rule names"),
    ({"skip": ["metric-stale"]}, "expected `health: {ignore: [rule, ...]}`"),
])
def test_a_wrong_plugin_option_is_a_usage_error_of_check(unhealthy, option, message):
    with_plugin(unhealthy, health=option)
    code, out, err = run_cli("check", cwd=unhealthy)
    assert code == 2 and out == ""
    assert err.startswith("roadmap-gen: error: the plugin option health in ") and message in err


def test_a_wrong_plugin_option_fails_the_build_with_the_nearest_rule(unhealthy):
    with_plugin(unhealthy, health={"ignore": ["metric-sale"]})
    proc = mkdocs(unhealthy, "build", "-d", unhealthy / "site")
    assert proc.returncode != 0
    assert "unknown roadmap health rule `metric-sale` (did you mean `metric-stale`?)" in proc.stderr + proc.stdout


def test_format_github_annotates_each_finding(unhealthy):
    code, lines, _ = check(unhealthy, "--format", "github")
    assert code == 0
    assert lines == [
        "::warning file=content/metrics.yml,line=2,col=5,title=roadmap health%3A metric-stale::"
        + TRIGGERS["metric-stale"][1].split(": warning: ", 1)[1],
        TRIGGERS["metric-stale"][1] + " [metric-stale]",
        "::warning file=content/outcomes/activation.md,line=2,col=1,title=roadmap health%3A outcome-without-team::"
        + TRIGGERS["outcome-without-team"][1].split(": warning: ", 1)[1],
        TRIGGERS["outcome-without-team"][1] + " [outcome-without-team]",
    ]


def test_format_json_lists_the_findings(unhealthy):
    code, out, _ = run_cli("check", "--format", "json", "--as-of", "2026-11-25", cwd=unhealthy)
    assert code == 0
    data = json.loads(out)
    assert data["ok"] is True and data["diagnostics"] == []
    assert data["findings"] == [
        {"rule": "metric-stale", "path": "content/metrics.yml", "line": 2, "column": 5,
         "message": TRIGGERS["metric-stale"][1].split(": warning: ", 1)[1], "item": {"kind": "metric", "id": "signups"}},
        {"rule": "outcome-without-team", "path": "content/outcomes/activation.md", "line": 2, "column": 1,
         "message": TRIGGERS["outcome-without-team"][1].split(": warning: ", 1)[1],
         "item": {"kind": "outcome", "id": "activation"}},
    ]
    code, out, _ = run_cli("check", "--format", "json", "--strict", "--as-of", "2026-11-25", cwd=unhealthy)
    assert code == 1 and json.loads(out)["findings"] == data["findings"]


def test_the_review_finding_has_no_item(tmp_path):
    root = make_roadmap(tmp_path, {**HEALTHY, **TRIGGERS["review-overdue"][0]})
    code, out, _ = run_cli("check", "--format", "json", "--as-of", "2026-11-25", cwd=root)
    assert [(f["rule"], f["item"]) for f in json.loads(out)["findings"]] == [("review-overdue", None)]


def test_help_explains_the_rules_strict_and_ignore():
    code, out, _ = run_cli("check", "--help")
    assert code == 0
    text = " ".join(out.split())
    for rule in RULES:
        assert f" {rule} " in text, rule
    assert "--strict exit 1 when there are roadmap health findings too" in text
    assert "--ignore RULE skip a roadmap health rule (repeatable)" in text
    assert "health: {ignore: [RULE, ...]}" in text


# -- the site: builds, the health page, roadmap.json --------------------------------------------------

SITE_FILES = {**HEALTHY, **TRIGGERS["metric-stale"][0], **TRIGGERS["outcome-without-team"][0],
              "roadmap.yml": swap(TRIGGERS["review-overdue"][0]["roadmap.yml"], "    by: 2026-12-31\n", ""),
              "journey.yml": JOURNEY}
SITE_FILES["outcomes/activation.md"] = swap(SITE_FILES["outcomes/activation.md"], "behaviours: [gives-up]\n", "")
FINDINGS = 5


@pytest.fixture(scope="module")
def internal(tmp_path_factory) -> tuple[Path, str]:
    """The site of a roadmap with 5 findings, built with ``mkdocs build --strict``, and its build log."""
    root = write_site(tmp_path_factory.mktemp("health") / "src", SITE_FILES)
    proc = mkdocs(root, "build", "--strict", "-d", root.parent / "site")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return root.parent / "site", proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def public(tmp_path_factory) -> Path:
    files = {**SITE_FILES, "roadmap.yml": SITE_FILES["roadmap.yml"].replace("    title: Grow sign-ups\n",
                                                                            "    title: Grow sign-ups\n    visibility: public\n"),
             "outcomes/activation.md": SITE_FILES["outcomes/activation.md"].replace("stage: onboard",
                                                                                    "stage: onboard\nvisibility: public")}
    root = write_site(tmp_path_factory.mktemp("health-public") / "src", files,
                      config=mkdocs_config(plugin={"audience": "public"}, site_url="https://example.com/"))
    return build(root, root.parent / "site")


def test_findings_never_fail_a_strict_build_nor_are_warnings(internal):
    _site, log = internal
    assert "WARNING" not in log
    assert f"INFO    -  outcome-roadmap: roadmap health: {FINDINGS} findings, see health/" in log


def test_the_health_page_groups_findings_by_rule_with_links_and_places(internal):
    site, _ = internal
    doc = content(page(site, "health/index.html"))
    assert doc.find("h1").text() == EN["health.title"]
    summary = doc.find("p", cls="rg-health__summary").clean_text()
    assert summary.endswith(EN["health.count"].format(count=FINDINGS, rules=FINDINGS, total=10))
    sections = doc.find_all("section", cls="rg-health__rule")
    assert [s.find("h2").get("id") for s in sections] == [
        "goal-not-measurable", "outcome-without-team", "review-overdue", "metric-stale", "blocker-unaddressed"]
    by_rule = {s.find("h2").get("id"): s for s in sections}
    team = by_rule["outcome-without-team"]
    assert team.find("h2").clean_text() == EN["health.rule.outcome-without-team"] + " 1"
    assert team.find("p", cls="rg-health__why").clean_text() == EN["health.why.outcome-without-team"]
    assert EN["health.fix.outcome-without-team"] in team.find("p", cls="rg-health__fix").clean_text()
    item = team.find("a", cls="rg-health__item")
    assert item.text() == "New clinics activate in week one" and item.get("href") == "../outcomes/activation/"
    assert team.find("code", cls="rg-health__where").text() == "content/outcomes/activation.md:2"
    for section in sections:  # every finding links to a page of the site
        for a in section.find_all("a", cls="rg-health__item"):
            assert resolve(site, site / "health/index.html", a.get("href")) is not None, a.get("href")
    goal = by_rule["goal-not-measurable"]
    assert goal.find("span", cls="rg-health__detail").text() == "missing: deadline"
    assert by_rule["metric-stale"].find("span", cls="rg-health__detail").text() == "last measured Sep 1, 2026"
    review = by_rule["review-overdue"]
    assert review.find("a", cls="rg-health__item").get("href") == "../"
    assert review.find("code", cls="rg-health__where").text() == "content/roadmap.yml:4"
    followed = [li.find("code").text() for li in doc.find("ul", cls="rg-health__checklist").find_all("li")]
    assert followed == [r for r in RULES if r not in by_rule]


def test_the_health_page_is_in_the_nav_with_its_count(internal):
    site, _ = internal
    nav = dict(primary_nav_links(page(site, "index.html")))
    assert nav[f"Health ({FINDINGS})"] == "health/"


def test_roadmap_json_lists_the_findings_as_export_does(internal, tmp_path):
    site, _ = internal
    data = json.loads(read(site / "roadmap.json"))
    assert [(h["rule"], h["path"], h["line"], h["item"]) for h in data["health"]] == [  # by place
        ("blocker-unaddressed", "content/journey.yml", 7, {"kind": "behaviour", "id": "gives-up"}),
        ("metric-stale", "content/metrics.yml", 2, {"kind": "metric", "id": "signups"}),
        ("outcome-without-team", "content/outcomes/activation.md", 2, {"kind": "outcome", "id": "activation"}),
        ("review-overdue", "content/roadmap.yml", 4, None),
        ("goal-not-measurable", "content/roadmap.yml", 6, {"kind": "goal", "id": "grow"}),
    ]
    assert all(set(h) == {"rule", "path", "line", "message", "item"} for h in data["health"])
    assert data["health"][1]["message"] == TRIGGERS["metric-stale"][1].split(": warning: ", 1)[1]
    code, out, err = run_cli("export", site.parent / "src", cwd=tmp_path)  # from another folder
    assert code == 0, err
    assert out == read(site / "roadmap.json")


def test_a_public_build_has_no_health_page_nav_entry_or_json_key(public):
    assert not (public / "health").exists()
    assert "health" not in json.loads(read(public / "roadmap.json"))
    nav = [title for title, _ in primary_nav_links(page(public, "index.html"))]
    assert not [t for t in nav if t.startswith("Health")]
    assert "health/" not in read(public / "sitemap.xml")
    search = json.loads(read(public / "search" / "search_index.json"))
    assert not [d for d in search["docs"] if d["location"].startswith("health/")]


def test_a_healthy_roadmap_says_so(tmp_path):
    root = write_site(tmp_path / "src", HEALTHY)
    site = build(root, tmp_path / "site")
    doc = content(page(site, "health/index.html"))
    summary = doc.find("p", cls="rg-health__summary")
    assert "rg-health__summary--healthy" in summary.classes
    assert summary.clean_text().endswith(EN["health.healthy"].format(total=10))
    assert not doc.has("section", cls="rg-health__rule")
    assert len(doc.find("ul", cls="rg-health__checklist").find_all("li")) == 10
    assert dict(primary_nav_links(page(site, "index.html")))["Health (0)"] == "health/"
    assert json.loads(read(site / "roadmap.json"))["health"] == []


def test_ignored_rules_are_listed_as_switched_off(tmp_path):
    root = write_site(tmp_path / "src", {**HEALTHY, **TRIGGERS["metric-stale"][0]},
                      config=mkdocs_config(plugin={"health": {"ignore": ["metric-stale"]}}))
    site = build(root, tmp_path / "site")
    doc = content(page(site, "health/index.html"))
    assert doc.find("h2", id="ignored").text() == EN["health.ignored"]
    assert [li.find("code").text() for li in doc.find("ul", cls="rg-health__checklist--off").find_all("li")] == \
        ["metric-stale"]
    assert EN["health.healthy"].format(total=9) in doc.find("p", cls="rg-health__summary").clean_text()
    assert json.loads(read(site / "roadmap.json"))["health"] == []


def test_the_health_page_speaks_dutch(tmp_path):
    config = mkdocs_config(theme={"language": "nl"})
    root = write_site(tmp_path / "src", {**HEALTHY, **TRIGGERS["goal-not-measurable"][0]}, config=config)
    site = build(root, tmp_path / "site")
    doc = content(page(site, "health/index.html"))
    assert doc.find("h1").text() == NL["health.title"]
    assert doc.find("h2", id="goal-not-measurable").clean_text() == NL["health.rule.goal-not-measurable"] + " 1"
    assert doc.find("span", cls="rg-health__detail").text() == "ontbreekt: deadline"
    assert dict(primary_nav_links(page(site, "index.html")))[f"{NL['nav.health']} (1)"] == "health/"


def test_every_rule_has_labels_in_every_language():
    for labels in (EN, NL, SV):
        for rule in RULES:
            for part in ("rule", "why", "fix"):
                assert labels[f"health.{part}.{rule}"].strip(), (rule, part)
