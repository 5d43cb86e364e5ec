"""roadmap-gen new and roadmap-gen init: files that pass check, never an overwrite."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from conftest import without_findings
from roadmap_gen.cli import main as cli
from roadmap_gen.compile.compiler import Compiler
from roadmap_gen.compile.compute import resolve_as_of
from roadmap_gen.compile.loader import Loader
from roadmap_gen.scaffold import FILE_KINDS, LIST_KINDS, quarter, render_item, starter_files, yaml_text

REPO = Path(__file__).resolve().parents[1]
BASIC = REPO / "tests" / "fixtures" / "basic"
AS_OF = date(2026, 11, 25)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the basic fixture (mkdocs.yml + content/)."""
    dest = tmp_path / "basic"
    shutil.copytree(BASIC, dest)
    return dest


def run(capsys, *args) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def check(path: Path, capsys, placeholders: bool = False) -> None:
    """`check` passes with no diagnostics at all, not even warnings; with ``placeholders``, warnings about
    the TODO placeholders `new` writes are the only ones. Roadmap health findings are not diagnostics."""
    code, out, err = run(capsys, "check", path, "--as-of", "2026-11-25")
    assert code == 0, out + err
    lines = without_findings(out)
    if placeholders:
        assert lines, "new wrote no placeholder to report"
        lines = [x for x in lines if not x.endswith("write it in your own words (placeholder-text)")]
    assert lines == []


def fields(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = text.split("---\n")[1]
    return yaml.safe_load(text)


# -- new --------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", list(FILE_KINDS))
def test_new_item_of_every_kind_passes_check(project, capsys, kind):
    code, out, err = run(capsys, "new", kind, f"my-{kind}", "--title", f"A new {kind}", "--path", project)
    assert code == 0, err
    folder, ext = FILE_KINDS[kind]
    path = project / "content" / folder / f"my-{kind}{ext}"
    assert out.strip().endswith(f"content/{folder}/my-{kind}{ext}")
    assert path.is_file()
    check(project, capsys, placeholders=True)
    item = Compiler(project / "content").compile(AS_OF).roadmap.get(kind, f"my-{kind}")
    assert item is not None and item.title == f"A new {kind}"
    data = fields(path)
    if kind in ("outcome", "theme", "question", "hypothesis"):
        assert data["stage"] == "discover"  # the first stage of journey.yml
    if kind == "outcome":
        assert data["metric"] == "arr"  # the first metric
    if kind == "opportunity":
        assert data["outcome"] == "fewer-tickets"  # the first outcome (by id)
    if kind in ("theme", "question", "hypothesis"):
        assert data["horizon"] == "next"
    if kind == "okr":
        assert data["period"] == quarter(resolve_as_of(None))


def test_every_new_item_together_passes_check(project, capsys):
    for kind in FILE_KINDS:
        assert run(capsys, "new", kind, f"all-{kind}", "--path", project)[0] == 0
    check(project, capsys, placeholders=True)
    roadmap = Compiler(project / "content").compile(AS_OF).roadmap
    assert roadmap.get("hypothesis", "all-hypothesis").title == "All hypothesis"  # title from the id


def test_new_with_options(project, capsys):
    c = project / "content"
    assert run(capsys, "new", "hypotheses", "sms-nudge", "--title", "SMS nudges: do they work?", "--stage", "grow",
               "--horizon", "later", "--outcome", "fewer-tickets", "--path", project)[0] == 0
    assert run(capsys, "new", "outcome", "fewer-no-shows", "--stage", "grow", "--metric", "tickets",
               "--path", project)[0] == 0
    assert run(capsys, "new", "okr", "q1-okr", "--title", "Fewer tickets", "--period", "2027-Q1", "--metric",
               "tickets", "--path", project / "mkdocs.yml")[0] == 0
    assert run(capsys, "new", "opportunity", "no-reminders", "--outcome", "week-one-activation", "--stage", "grow",
               "--path", c)[0] == 0
    check(project, capsys, placeholders=True)
    h = fields(c / "hypotheses" / "sms-nudge.md")
    assert (h["title"], h["stage"], h["horizon"], h["outcome"], h["status"]) == (
        "SMS nudges: do they work?", "grow", "later", "fewer-tickets", "idea")
    assert fields(c / "outcomes" / "fewer-no-shows.md")["metric"] == "tickets"
    okr = fields(c / "okrs" / "q1-okr.yml")
    assert (okr["period"], okr["key_results"][0]["metric"]) == ("2027-Q1", "tickets")
    o = fields(c / "opportunities" / "no-reminders.md")
    assert (o["outcome"], o["stage"]) == ("week-one-activation", "grow")


def test_new_leaves_helpful_comments(project, capsys):
    run(capsys, "new", "hypothesis", "h1", "--path", project)
    text = (project / "content" / "hypotheses" / "h1.md").read_text(encoding="utf-8")
    assert "horizon: next  # now | next | later" in text
    assert "status: idea  # idea | testing | validated | invalidated | parked" in text
    assert "# outcome: fewer-tickets  # the outcome it serves, one of: fewer-tickets, week-one-activation" in text
    assert "we_believe: \"TODO: the change we will make\"" in text


@pytest.mark.parametrize("title", ["yes", "No", "null", "~", "123", "1.5", "Why: a question", "C# for clinics",
                                   "'quoted'", "\"double\"", "- starts with a dash", "[x] done", "{a}", "& anchor",
                                   "* star", "Försöka igen", "trailing space ", "50% of clinics", "a: b # c",
                                   "@handle", "`code`", "!tag", "%percent", "back\\slash", "tab\there"])
def test_titles_round_trip_through_the_loader(tmp_path, title):
    content = tmp_path / "content"
    content.mkdir()
    (content / "roadmap.yml").write_text(f"title: {yaml_text(title)}\nvision: v\nmission: m\n", encoding="utf-8")
    (content / "journey.yml").write_text("stages:\n  - id: s\n    title: S\n", encoding="utf-8")
    (content / "themes").mkdir()
    text = render_item("theme", "t", title, Loader(content).load().roadmap, today=AS_OF)
    (content / "themes" / "t.md").write_text(text, encoding="utf-8")
    result = Compiler(content).compile(AS_OF)
    assert result.errors == []
    assert result.roadmap.title == title
    assert result.roadmap.get("theme", "t").title == title


def test_new_refuses_to_overwrite(project, capsys):
    path = project / "content" / "hypotheses" / "setup-checklist.md"
    before = path.read_bytes()
    code, out, err = run(capsys, "new", "hypothesis", "setup-checklist", "--path", project)
    assert code == 2  # a usage error, like any request that cannot be carried out
    assert "already exists" in err and "never overwrites" in err
    assert path.read_bytes() == before


@pytest.mark.parametrize("bad,suggested", [("Första Steg", "forsta-steg"), ("setup_checklist", "setup-checklist"),
                                           ("double--hyphen", "double-hyphen"), ("Lead Time!", "lead-time")])
def test_new_validates_the_id(project, capsys, bad, suggested):
    code, _, err = run(capsys, "new", "theme", bad, "--path", project)
    assert code == 2
    assert f"try `{suggested}`" in err
    assert not list((project / "content" / "themes").glob("*[A-Z_]*"))


def test_new_for_list_kinds_says_where_to_add_them(project, capsys):
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    for kind in LIST_KINDS:
        code, out, err = run(capsys, "new", kind, f"my-{kind}", "--title", "Net promoter score", "--path", project)
        assert code == 0  # a useful entry printed is a success, not a usage error
        assert f"content/{LIST_KINDS[kind][0]}" in out and f"  - id: my-{kind}" in out
        assert "nothing written" in err
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before


def test_pasting_the_printed_metric_entry_works(project, capsys):
    _, out, _ = run(capsys, "new", "metric", "nps", "--title", "Net promoter score", "--path", project)
    entry = out.split("\n\n", 1)[1].split("\n\n")[0]
    metrics = project / "content" / "metrics.yml"
    metrics.write_text(metrics.read_text(encoding="utf-8") + entry + "\n", encoding="utf-8")
    check(project, capsys)
    assert Compiler(project / "content").compile(AS_OF).roadmap.get("metric", "nps").title == "Net promoter score"


def test_new_okr_leaves_the_objective_to_its_author_and_reads_the_period_from_the_id(project, capsys):
    code, out, err = run(capsys, "new", "okr", "nps-2027-q1", "--path", project)
    assert code == 0, err
    text = (project / "content" / "okrs" / "nps-2027-q1.yml").read_text(encoding="utf-8")
    assert 'objective: "TODO: the objective' in text and "Nps 2027 q1" not in text
    assert "period: 2027-Q1" in text
    assert run(capsys, "new", "okr", "hiring-2027-03", "--path", project)[0] == 0
    assert "period: 2027-03 " in (project / "content" / "okrs" / "hiring-2027-03.yml").read_text(encoding="utf-8")
    assert run(capsys, "new", "okr", "q9-plan", "--period", "2026-Q4", "--path", project)[0] == 0  # no period in it
    assert "period: 2026-Q4 " in (project / "content" / "okrs" / "q9-plan.yml").read_text(encoding="utf-8")


def test_placeholders_of_new_are_reported_until_replaced(project, capsys):
    assert run(capsys, "new", "hypothesis", "my-bet", "--path", project)[0] == 0
    code, out, err = run(capsys, "check", project, "--as-of", "2026-11-25")
    assert code == 0  # warnings: the roadmap still builds
    found = [line for line in out.splitlines() if "(placeholder-text)" in line]
    assert [f.split(": warning: ")[1].split(" ")[0] for f in found] == [
        "`we_believe`", "`will_result_in`", "`we_will_know_when`", "the"]  # the three fields and the body
    assert all(f.startswith("content/hypotheses/my-bet.md:") or "/content/hypotheses/my-bet.md:" in f for f in found)
    path = project / "content" / "hypotheses" / "my-bet.md"
    text = path.read_text(encoding="utf-8").replace('"TODO: the change we will make"', "a setup checklist")
    path.write_text(text, encoding="utf-8")
    out = run(capsys, "check", project, "--as-of", "2026-11-25")[1]
    assert out.count("(placeholder-text)") == 3 and "`we_believe`" not in out


@pytest.mark.parametrize("argv,message", [
    (["new", "hypotesis", "x"], "unknown kind `hypotesis` (did you mean `hypothesis`?)"),
    (["new", "theme", "x", "--stage", "onbord"], "unknown stage `onbord` (did you mean `onboard`?)"),
    (["new", "hypothesis", "x", "--outcome", "fewer-ticket"], "did you mean `fewer-tickets`?"),
    (["new", "outcome", "x", "--horizon", "now"], "outcomes have no horizon"),
    (["new", "okr", "x", "--stage", "grow"], "OKRs have no stage or horizon"),
    (["new", "theme", "x", "--period", "2026-Q1"], "--period is for OKRs only"),
])
def test_new_usage_errors(project, capsys, argv, message):
    code, _, err = run(capsys, *argv, "--path", project)
    assert code == 2
    assert message in err


def test_new_outcome_without_metrics_explains(tmp_path, capsys):
    c = tmp_path / "content"
    c.mkdir()
    (c / "roadmap.yml").write_text("title: R\nvision: V\nmission: M\n", encoding="utf-8")
    (c / "journey.yml").write_text("stages:\n  - id: s\n    title: S\n", encoding="utf-8")
    code, _, err = run(capsys, "new", "outcome", "o", "--path", c)
    assert code == 2 and "metrics.yml has none yet" in err
    assert not (c / "outcomes").exists()
    assert run(capsys, "new", "theme", "t", "--path", c)[0] == 0  # themes need only a stage
    check(c, capsys, placeholders=True)


# -- new: format 1.1 (behaviours, tactics, key results naming an outcome) ----------------------------------

def with_behaviours_and_tactics(project: Path) -> Path:
    """The basic fixture with a behaviour with an id on two stages and a tactic with an id."""
    c = project / "content"
    journey = (c / "journey.yml").read_text(encoding="utf-8")
    journey = journey.replace("boosters: [Reads a case study]",
                              "boosters: [Reads a case study, {id: reads-a-case-study, title: Reads a case study}]")
    journey = journey.replace("blockers: [Never connects a calendar]",
                              "blockers: [{id: no-calendar, title: Never connects a calendar}]")
    (c / "journey.yml").write_text(journey, encoding="utf-8")
    roadmap = (c / "roadmap.yml").read_text(encoding="utf-8").replace("- title: Guided setup",
                                                                       "- id: guided-setup\n        title: Guided setup")
    (c / "roadmap.yml").write_text(roadmap, encoding="utf-8")
    return project


def uncommented(path: Path, *fields: str) -> None:
    """Turn the `# field: ...` hints of ``fields`` in a new file into fields."""
    lines = path.read_text(encoding="utf-8").split("\n")
    out = [line.replace("# ", "", 1) if any(line.lstrip().startswith(f"# {f}: ") for f in fields) else line
           for line in lines]
    assert out != lines, fields
    path.write_text("\n".join(out), encoding="utf-8")


@pytest.mark.parametrize("kind", ["outcome", "theme", "question", "hypothesis", "opportunity", "insight"])
def test_new_items_hint_the_behaviours_they_may_aim_at(project, capsys, kind):
    with_behaviours_and_tactics(project)
    assert run(capsys, "new", kind, f"my-{kind}", "--path", project)[0] == 0
    folder, ext = FILE_KINDS[kind]
    path = project / "content" / folder / f"my-{kind}{ext}"
    text = path.read_text(encoding="utf-8")
    assert "# behaviours: [reads-a-case-study]" in text
    if kind != "insight":
        assert "# the behaviours it aims to change, any of: reads-a-case-study, no-calendar" in text
    assert ("# tactic: guided-setup  # the strategy's tactic it carries out, one of: guided-setup" in text) == (
        kind in ("theme", "hypothesis"))
    check(project, capsys, placeholders=True)
    uncommented(path, "behaviours", "tactic")
    check(project, capsys, placeholders=True)
    result = Compiler(project / "content").compile(AS_OF)
    # an insight is evidence about a behaviour, not work aimed at it
    assert result.figures.addressed["reads-a-case-study"] == (() if kind == "insight" else ((kind, f"my-{kind}"),))
    assert result.roadmap.get(kind, f"my-{kind}").behaviours == ("reads-a-case-study",)
    if kind in ("theme", "hypothesis"):
        assert result.roadmap.get(kind, f"my-{kind}").tactic == "guided-setup"


def test_new_items_without_behaviours_or_tactics_say_where_they_come_from(project, capsys):
    assert run(capsys, "new", "theme", "t", "--path", project)[0] == 0
    text = (project / "content" / "themes" / "t.md").read_text(encoding="utf-8")
    assert "# behaviours: [<id>]  # the behaviours it aims to change: boosters or blockers with an id in " \
           "journey.yml" in text
    assert "# tactic: <id>  # the strategy's tactic it carries out: a tactic with an id in roadmap.yml" in text
    check(project, capsys, placeholders=True)


def test_new_okr_hints_what_a_key_result_measures_and_breaks_down_into(project, capsys):
    assert run(capsys, "new", "okr", "plain-okr", "--path", project)[0] == 0
    path = project / "content" / "okrs" / "plain-okr.yml"
    text = path.read_text(encoding="utf-8")
    assert "    # outcome: fewer-tickets  # the outcome it measures" in text
    assert "    # hypotheses: [setup-checklist]  # the work it breaks down into, any of: setup-checklist, " \
           "sms-reminders" in text
    uncommented(path, "outcome", "hypotheses")
    check(project, capsys, placeholders=True)
    kr = Compiler(project / "content").compile(AS_OF).roadmap.get("okr", "plain-okr").key_results[0]
    assert (kr.outcome, kr.hypotheses, kr.current) == ("fewer-tickets", ("setup-checklist",), 0)


def test_new_okr_with_an_outcome_is_scored_by_the_outcomes_metric(project, capsys):
    code, _, err = run(capsys, "new", "okr", "fewer-tickets-okr", "--outcome", "fewer-tickets", "--path", project)
    assert code == 0, err
    kr = fields(project / "content" / "okrs" / "fewer-tickets-okr.yml")["key_results"][0]
    assert kr["outcome"] == "fewer-tickets" and "metric" not in kr and "current" not in kr
    check(project, capsys, placeholders=True)
    result = Compiler(project / "content").compile(AS_OF)
    assert result.figures.okrs["fewer-tickets-okr"].key_results[0].metric == "tickets"  # the outcome's metric
    assert run(capsys, "new", "okr", "both", "--outcome", "fewer-tickets", "--metric", "arr", "--path", project)[0] == 0
    kr = fields(project / "content" / "okrs" / "both.yml")["key_results"][0]
    assert (kr["metric"], kr["outcome"]) == ("arr", "fewer-tickets")
    code, _, err = run(capsys, "new", "okr", "typo", "--outcome", "fewer-ticket", "--path", project)
    assert code == 2 and "did you mean `fewer-tickets`?" in err


def paste(path: Path, after: str, entry: str) -> None:
    """Insert the printed ``entry`` after the line ``after`` of ``path``."""
    text = path.read_text(encoding="utf-8")
    assert after + "\n" in text
    path.write_text(text.replace(after + "\n", after + "\n" + entry + "\n", 1), encoding="utf-8")


def printed_entry(out: str) -> str:
    return out.split("\n\n", 1)[1].rstrip("\n")


def test_pasting_printed_behaviour_tactic_and_journey_entries_works(project, capsys):
    c = project / "content"
    code, out, err = run(capsys, "new", "behaviour", "books-online", "--stage", "grow", "--path", project)
    assert code == 0 and "nothing written" in err
    assert "of stage `grow`" in out and "`behaviours: [books-online]`" in out
    journey = c / "journey.yml"
    journey.write_text(journey.read_text(encoding="utf-8").replace("    title: Grow\n", "    title: Grow\n"
                                                                   "    boosters:\n"), encoding="utf-8")
    paste(journey, "    boosters:", printed_entry(out))
    out = run(capsys, "new", "tactic", "guided-setup", "--path", project)[1]
    assert "`tactic: guided-setup`" in out
    paste(c / "roadmap.yml", "    tactics:", printed_entry(out))
    check(project, capsys)
    r = Compiler(c).compile(AS_OF).roadmap
    b = r.get("behaviour", "books-online")
    assert (b.title, b.stage, b.type) == ("Books online", "grow", "booster")
    assert [t.id for _, t in r.tactics()] == ["guided-setup"]

    out = run(capsys, "new", "journey", "advisor", "--title", "Advisor", "--path", project)[1]
    assert "move those stages into a first journey" in out
    stages = journey.read_text(encoding="utf-8").replace("\n  ", "\n      ").replace("stages:\n", "")
    journey.write_text("journeys:\n  - id: clinic\n    title: Clinic\n    stages:\n" + stages + printed_entry(out)
                       + "\n", encoding="utf-8")
    check(project, capsys, placeholders=True)  # its description and first stage are TODO placeholders
    r = Compiler(c).compile(AS_OF).roadmap
    assert [(j.id, j.stages) for j in r.journeys] == [("clinic", ("discover", "onboard", "grow")),
                                                      ("advisor", ("advisor-start",))]


@pytest.mark.parametrize("argv,message", [
    (["new", "behaviour", "x", "--stage", "onbord"], "unknown stage `onbord` (did you mean `onboard`?)"),
    (["new", "behaviour", "Books Online"], "try `books-online`"),
    (["new", "outcome", "x", "--outcome", "fewer-tickets"], "--outcome is not a field of an outcome"),
])
def test_new_11_usage_errors(project, capsys, argv, message):
    code, _, err = run(capsys, *argv, "--path", project)
    assert code == 2
    assert message in err


@pytest.mark.parametrize("name,kind", [("behaviours", "behaviour"), ("Journeys", "journey"), ("tactics", "tactic")])
def test_new_knows_the_11_list_kinds_by_either_name(name, kind):
    from roadmap_gen.scaffold import resolve_kind
    assert resolve_kind(name) == kind


# -- init -------------------------------------------------------------------------------------

def test_init_creates_a_repository_that_passes_check(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1779000000")  # 2026-05-17
    target = tmp_path / "new-roadmap"
    code, out, err = run(capsys, "init", target, "--title", "Acme: the roadmap")
    assert code == 0, err
    expected = {"mkdocs.yml", ".gitignore", "README.md", "docs/about.md", ".github/workflows/roadmap.yml",
                ".gitlab-ci.yml", "content/README.md", "content/roadmap.yml", "content/journey.yml", "content/metrics.yml",
                "content/metrics/activation.csv", "content/outcomes/first-result-in-week-one.md",
                "content/themes/faster-first-value.md", "content/questions/why-trials-stall.md",
                "content/hypotheses/setup-checklist.md", "content/opportunities/setup-is-confusing.md",
                "content/okrs/first-result-2026-q2.yml", "content/insights/no-idea-what-to-do-first.md"}
    assert {p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()} == expected
    check(target, capsys)
    result = Compiler(target / "content").compile(date(2026, 5, 17))
    r = result.roadmap
    assert len(r.stages) >= 3
    assert r.title == "Acme: the roadmap"
    for kind in ("goal", "strategy", "metric", "outcome", "theme", "question", "hypothesis", "opportunity", "okr",
                 "insight"):
        assert r.items(kind), kind
    assert result.figures.evidence["hypothesis", "setup-checklist"].supports == 1
    assert r.get("metric", "activation").measurements
    assert result.figures.okrs["first-result-2026-q2"].period_state == "current"
    # format 1.1: a blocker with an id that the outcome and a hypothesis aim at, a tactic with an id that a theme
    # and a hypothesis name, a key result measuring the outcome and breaking down into the hypothesis
    assert [(b.id, b.stage, b.type) for b in r.behaviours] == [("stalls-after-first-login", "try", "blocker")]
    assert result.figures.addressed["stalls-after-first-login"] == (
        ("outcome", "first-result-in-week-one"), ("hypothesis", "setup-checklist"))
    assert [t.id for _, t in r.tactics()] == ["guided-setup"]
    assert r.get("theme", "faster-first-value").tactic == r.get("hypothesis", "setup-checklist").tactic == "guided-setup"
    kr = r.get("okr", "first-result-2026-q2").key_results[0]
    assert (kr.outcome, kr.hypotheses, kr.metric) == ("first-result-in-week-one", ("setup-checklist",), None)
    assert result.figures.okrs["first-result-2026-q2"].key_results[0].metric == "activation"

    mk_text = (target / "mkdocs.yml").read_text(encoding="utf-8")
    mk = yaml.safe_load(mk_text)
    assert mk["site_name"] == "Acme: the roadmap"
    assert mk["theme"] == {"name": "material", "font": False, "language": "en",
                           "features": ["navigation.tabs", "navigation.top"]}
    assert mk["plugins"] == ["search", "outcome-roadmap"]
    # the two names of the roadmap, the languages and the format guide are explained where they are set
    assert "`title`" in mk_text and "content/roadmap.yml" in mk_text and "change both together" in mk_text
    assert "en, nl or sv" in mk_text and "content/README.md" in mk_text
    assert "/site/" in (target / ".gitignore").read_text(encoding="utf-8").splitlines()
    # docs/ is not empty (git keeps no empty folder); the content folder has a short format guide
    assert (target / "docs" / "about.md").read_text(encoding="utf-8").strip()
    guide = (target / "content" / "README.md").read_text(encoding="utf-8")
    for name in ("roadmap.yml", "journey.yml", "metrics.yml", "metrics/<id>.csv", "okrs/<id>.yml", "decimal point"):
        assert name in guide, name


def test_init_workflows_parse_and_do_the_job(tmp_path, capsys):
    target = tmp_path / "r"
    assert run(capsys, "init", target)[0] == 0
    gh = yaml.safe_load((target / ".github" / "workflows" / "roadmap.yml").read_text(encoding="utf-8"))
    on = gh.get("on", gh.get(True))  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in on and on["push"]["branches"] == ["main"]
    check_steps = gh["jobs"]["check"]["steps"]
    checkout = check_steps[0]
    assert checkout["uses"].startswith("actions/checkout@") and checkout["with"]["fetch-depth"] == 0
    assert any(s.get("uses", "").startswith("actions/setup-python@") for s in check_steps)
    runs = "\n".join(s.get("run", "") for s in check_steps)
    install = next(s for s in check_steps if "pip install" in s.get("run", ""))
    assert install["run"] == 'pip install "$SPEC"'
    assert install["env"]["SPEC"] == "${{ vars.ROADMAP_GEN_SPEC || env.ROADMAP_GEN_SPEC }}"
    assert gh["env"]["ROADMAP_GEN_SPEC"] == "roadmap-gen"
    assert "roadmap-gen check --format github" in runs
    assert 'roadmap-gen diff "origin/$BASE_REF" --format markdown' in runs
    assert "$GITHUB_STEP_SUMMARY" in runs and "gh pr comment" in runs
    diff_step = next(s for s in check_steps if "roadmap-gen diff" in s.get("run", ""))
    assert diff_step["env"]["BASE_REF"] == "${{ github.base_ref }}"  # not pasted into the script
    assert gh["jobs"]["check"]["permissions"]["pull-requests"] == "write"
    build = gh["jobs"]["build"]
    assert "mkdocs build" in "\n".join(s.get("run", "") for s in build["steps"])
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact@") for s in build["steps"])
    assert gh["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert gh["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}

    gl = yaml.safe_load((target / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gl["variables"]["GIT_DEPTH"] == "0"
    assert gl["variables"]["ROADMAP_GEN_SPEC"] == "roadmap-gen"
    assert all('pip install "$ROADMAP_GEN_SPEC"' in gl[job]["script"] for job in ("roadmap-check", "pages"))
    mr = gl["roadmap-check"]
    assert mr["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert "roadmap-gen check" in mr["script"]
    assert any(s.startswith("roadmap-gen diff") for s in mr["script"])
    pages = gl["pages"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert "mkdocs build --site-dir public" in pages["script"]
    assert pages["artifacts"]["paths"] == ["public"]


def test_init_install_spec_goes_into_both_ci_files(tmp_path, capsys):
    spec = "git+https://git.example.com/tools/roadmap-gen.git@v0.1.0"
    target = tmp_path / "r"
    assert run(capsys, "init", target, "--install", spec)[0] == 0
    gh_text = (target / ".github" / "workflows" / "roadmap.yml").read_text(encoding="utf-8")
    gh = yaml.safe_load(gh_text)
    gl = yaml.safe_load((target / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gh["env"]["ROADMAP_GEN_SPEC"] == gl["variables"]["ROADMAP_GEN_SPEC"] == spec
    assert "${{ github.ref }}" in gh_text and "@@" not in gh_text  # GitHub's own placeholders are kept
    # the comments say what the spec may be and how CI settings override it
    assert "ROADMAP_GEN_SPEC" in gh_text.split("ROADMAP_GEN_SPEC:")[0] and "make dist" in gh_text


def test_init_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    target = tmp_path / "busy"
    target.mkdir()
    (target / "notes.txt").write_text("mine\n", encoding="utf-8")
    code, _, err = run(capsys, "init", target)
    assert code == 2 and "not empty" in err and "--force" in err
    assert [p.name for p in target.iterdir()] == ["notes.txt"]


def test_init_force_never_overwrites(tmp_path, capsys):
    target = tmp_path / "r"
    assert run(capsys, "init", target)[0] == 0
    (target / "README.md").write_text("my own readme\n", encoding="utf-8")
    (target / "content" / "themes" / "faster-first-value.md").unlink()
    code, out, err = run(capsys, "init", target, "--force")
    assert code == 0, err
    assert (target / "README.md").read_text(encoding="utf-8") == "my own readme\n"
    assert (target / "content" / "themes" / "faster-first-value.md").is_file()
    assert "created " in out and "kept    " in out and out.count("created ") == 1


def test_init_into_a_file_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "f").write_text("x", encoding="utf-8")
    assert run(capsys, "init", tmp_path / "f")[0] == 2


def test_starter_dates_follow_today():
    files = starter_files("T", date(2027, 1, 10))
    assert "content/okrs/first-result-2027-q1.yml" in files
    assert "period: 2027-Q1  # YYYY, YYYY-Qn or YYYY-MM; this one ends 2027-03-31" in \
        files["content/okrs/first-result-2027-q1.yml"]
    assert files["content/metrics/activation.csv"] == "date,value,note\n2026-11-01,20,\n2026-12-01,23,checklist prototype\n"


def test_init_project_builds_a_site_with_a_menu_and_survives_git(tmp_path, capsys):
    """What `init` writes builds as it is, with the roadmap's sections as tabs; committed to git and
    cloned, it still builds (docs/ is not an empty folder that git would drop)."""
    import subprocess

    from sitehelpers import build, clean_env, content, page, primary_nav_links

    target = tmp_path / "r"
    assert run(capsys, "init", target, "--title", "Acme roadmap")[0] == 0
    env = clean_env(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
                    GIT_COMMITTER_EMAIL="t@example.org")
    for cmd in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "init"]):
        subprocess.run(["git", *cmd], cwd=target, env=env, check=True, capture_output=True)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(target), str(clone)], env=env, check=True, capture_output=True)
    site = build(clone, tmp_path / "site")
    tabs = [a.clean_text() for a in page(site, "index.html").find("nav", cls="md-tabs").find_all("a")]
    assert tabs[:3] == ["Roadmap", "Journey", "Stages"] and "Measures" in tabs  # a tab for OKRs and KPIs
    nav = [t for t, _ in primary_nav_links(page(site, "index.html"))]
    assert "OKRs" in nav and "KPIs" in nav
    assert content(page(site, "index.html")).find("h1").text() == "Acme roadmap"
    assert not (site / "README").exists() and not any(site.rglob("README*"))  # the guide is not published
