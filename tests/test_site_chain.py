"""The chain from goal to experiment, both ways, in built sites: goal and strategy pages, the home page's
links, each strategy's outcomes and each tactic's work, key results naming outcomes and hypotheses, and
stale markers (a word, not colour alone) wherever a goal's, outcome's, key result's or OKR's status or score
is shown. Content format 1.1, "The chain from goal to experiment" and "Stale figures stay visibly stale"."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from roadmap_gen.site.charts import progress_bar
from sitehelpers import broken_links, build, content, mkdocs_config, page, parse, read, write_site

ROADMAP = """\
title: Chain roadmap
vision: Clinics spend their time on patients.
mission: Make booking easy.
goals:
  - id: grow
    title: Reach 2M ARR
    metric: arr
    target: 2000000
    by: 2027-12-31
    north_star: true
    description: Revenue that pays for the team.
    visibility: public
  - id: happy
    title: Happy clinics
    metric: nps
    target: 60
    visibility: public
  - {id: loved, title: Be the clinics' favourite tool, visibility: public}
strategies:
  - id: self-serve
    title: Self-serve onboarding
    goal: grow
    metric: activation
    description: Clinics set themselves up.
    visibility: public
    tactics:
      - {id: guided-setup, title: Guided setup, description: A checklist in the empty calendar.}
      - {id: demos, title: Sales-led demos, active: false}
      - {title: A tactic nobody names}
  - id: secret-plan
    title: Secret acquisition plan
    goal: grow
    tactics:
      - {id: secret-tactic, title: Secret tactic}
  - id: word-of-mouth
    title: Word of mouth
    goal: happy
    active: false
    visibility: public
"""

METRICS = """\
metrics:
  - id: arr
    title: Annual recurring revenue
    category: business
    unit: EUR
    baseline: {value: 400000, date: 2026-01-01}
    review: monthly
    visibility: public
  - id: activation
    title: Clinics active in week one
    category: customer
    unit: "%"
    baseline: {value: 20, date: 2026-01-01}
    target: {value: 40, by: 2026-12-31}
    review: monthly
    visibility: public
  - id: nps
    title: Net promoter score
    category: customer
    baseline: {value: 20, date: 2026-01-01}
    review: yearly
    visibility: public
"""

CSV = {
    "metrics/arr.csv": "date,value,note\n2026-03-01,600000,\n2026-09-01,900000,\n",  # stale by 2026-11-25
    "metrics/activation.csv": "date,value,note\n2026-03-01,24,\n2026-11-01,37,\n",  # fresh
    "metrics/nps.csv": "date,value,note\n2026-06-01,35,\n",  # fresh (yearly)
}

OUTCOMES = {
    "outcomes/week-one.md": "---\ntitle: Clinics book a patient in week one\nstage: onboard\nstrategy: self-serve\n"
                            "metric: activation\nby: 2026-12-31\nvisibility: public\n---\n",
    "outcomes/more-revenue.md": "---\ntitle: Clinics upgrade to the paid plan\nstage: onboard\nstrategy: self-serve\n"
                                "metric: arr\ntarget: 1200000\nvisibility: public\n---\n",
    "outcomes/secret-outcome.md": "---\ntitle: Secret outcome\nstage: onboard\nstrategy: secret-plan\n"
                                  "metric: nps\n---\n",
}

WORK = {
    "themes/first-value.md": "---\ntitle: Faster first value\nstage: onboard\nhorizon: now\noutcome: week-one\n"
                             "tactic: guided-setup\nvisibility: public\n---\n",
    "questions/why-wait.md": "---\ntitle: Why do clinics wait?\nstage: onboard\nhorizon: next\noutcome: week-one\n"
                             "visibility: public\n---\n",
    "hypotheses/checklist.md": "---\ntitle: A setup checklist\nstage: onboard\nhorizon: now\noutcome: week-one\n"
                               "tactic: guided-setup\nwe_believe: a checklist\nwill_result_in: more bookings\n"
                               "we_will_know_when: activation hits 40%\nstatus: testing\nvisibility: public\n---\n",
    "hypotheses/demo-day.md": "---\ntitle: A monthly demo day\nstage: onboard\nhorizon: later\ntactic: demos\n"
                              "opportunity: slow-start\nwe_believe: a demo day\nwill_result_in: upgrades\n"
                              "we_will_know_when: upgrades double\nstatus: idea\nvisibility: public\n---\n",
    "hypotheses/secret-bet.md": "---\ntitle: Secret bet\nstage: onboard\nhorizon: now\ntactic: secret-tactic\n"
                                "outcome: secret-outcome\nwe_believe: a secret\nwill_result_in: more\nwe_will_know_when: it works\n"
                                "status: idea\n---\n",
    "opportunities/slow-start.md": "---\ntitle: Clinics start slowly\noutcome: more-revenue\nstage: onboard\n"
                                   "visibility: public\n---\n",
}

OKRS = {
    "okrs/q4-activation.yml": """\
objective: New clinics get value in week one
period: 2026-Q4
team: onboarding
strategy: self-serve
visibility: public
key_results:
  - {title: Week-one activation reaches 40%, outcome: week-one, from: 30, to: 40, hypotheses: [checklist]}
  - {title: Interview 20 clinics, from: 0, to: 20, current: 10}
""",
    "okrs/q4-revenue.yml": """\
objective: Clinics pay for more
period: 2026-Q4
strategy: self-serve
visibility: public
key_results:
  - {title: Upgrades reach 1.2M ARR, outcome: more-revenue, from: 900000, to: 1200000, hypotheses: [demo-day]}
""",
}

JOURNEY = "stages:\n  - id: onboard\n    title: Onboard\n    visibility: public\n"


def chain_content() -> dict[str, str]:
    return {"roadmap.yml": ROADMAP, "metrics.yml": METRICS, "journey.yml": JOURNEY, **CSV, **OUTCOMES, **WORK, **OKRS}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("chain")
    return build(write_site(root / "src", chain_content()), root / "site")


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("chain-public")
    config = mkdocs_config(plugin={"audience": "public"})
    return build(write_site(root / "src", chain_content(), config=config), root / "site")


def main(site: Path, rel: str):
    return content(page(site, rel))


def texts(nodes) -> list[str]:
    return [n.clean_text() for n in nodes]


def links(node) -> list[tuple[str, str]]:
    return [(a.clean_text(), a.get("href")) for a in node.find_all("a")]


def stale_flags(node) -> list[str]:
    return texts(node.find_all("span", cls="rg-flag--stale"))


# -- the goal page ----------------------------------------------------------------------------

def test_goal_page_shows_its_metric_status_strategies_outcomes_and_okrs(site):
    doc = main(site, "goals/grow/index.html")
    header = doc.find("header", cls="rg-item-header")
    assert header.find("h1").text() == "Reach 2M ARR"
    assert "Goal" in header.find("p", cls="rg-item-header__kind").text()
    facts = {row.find("dt").text(): row.find("dd").clean_text() for row in header.find_all("div", cls="rg-facts__row")}
    assert facts["Metric"] == "Annual recurring revenue"
    assert facts["Target"] == "2M EUR by Dec 31, 2027"
    assert doc.find("p", cls="rg-goal__star").clean_text() == "★ North star"
    assert doc.find("div", cls="rg-progress").has("svg") and doc.has("figure", cls="rg-chart-figure")
    assert "Revenue that pays for the team." in doc.clean_text()
    strategies = doc.find("div", cls="rg-chain-strategies").find_all("article", cls="rg-strategy")
    assert [s.find("h3").find("a").clean_text() for s in strategies] == ["Self-serve onboarding",
                                                                         "Secret acquisition plan"]
    assert strategies[0].find("h3").find("a").get("href") == "../../strategies/self-serve/"
    outcomes = strategies[0].find("ul", cls="rg-chain-list--outcomes").find_all("li")
    assert [(o.find("a").clean_text(), o.find("span", cls="rg-badge").clean_text()) for o in outcomes] == [
        ("Clinics upgrade to the paid plan", "On track"), ("Clinics book a patient in week one", "On track")]
    assert outcomes[0].find("a").get("href") == "../../outcomes/more-revenue/"
    assert [h.find("a").clean_text() for h in doc.find_all("h3", cls="rg-okr__objective")] == [
        "New clinics get value in week one", "Clinics pay for more"]
    assert doc.find("h2", id="okrs").text() == "OKRs of these strategies"
    # the strategies and OKRs listed are not repeated under "Referenced by"
    assert not doc.has("h2", id="referenced-by")


def test_goal_page_without_strategies_or_fresh_says_so(site):
    doc = main(site, "goals/happy/index.html")
    strategies = doc.find_all("article", cls="rg-strategy")
    assert [s.find("h3").clean_text() for s in strategies] == ["Word of mouth (not pursued now)"]
    assert "No outcome names this strategy yet." in strategies[0].clean_text()
    assert not doc.has("h2", id="okrs")
    assert stale_flags(doc) == []  # its metric is measured yearly: fresh


def test_goal_page_without_a_metric_has_no_status(site):
    doc = main(site, "goals/loved/index.html")
    assert not doc.has("span", cls="rg-badge") and not doc.has("div", cls="rg-progress")
    assert "This goal names no metric, so it has no status." in doc.clean_text()
    assert "No strategy names this goal yet." in doc.clean_text()


def test_goal_breadcrumb_leads_to_the_home_pages_goals(site):
    crumbs = main(site, "goals/grow/index.html").find("nav", cls="rg-crumbs")
    assert links(crumbs) == [("Roadmap", "../../"), ("Goals", "../../#goals")]
    crumbs = main(site, "strategies/self-serve/index.html").find("nav", cls="rg-crumbs")
    assert links(crumbs) == [("Roadmap", "../../"), ("Strategies", "../../#strategies")]


# -- the strategy page ------------------------------------------------------------------------

def test_strategy_page_shows_goal_metric_and_whether_it_is_active(site):
    doc = main(site, "strategies/self-serve/index.html")
    header = doc.find("header", cls="rg-item-header")
    facts = {row.find("dt").text(): row for row in header.find_all("div", cls="rg-facts__row")}
    assert links(facts["Goal"]) == [("Reach 2M ARR", "../../goals/grow/")]
    assert facts["Active"].find("dd").clean_text() == "Yes"
    metric = doc.find("article", cls="rg-kpi")
    assert doc.find("h2", id="metric").text() == "Sub-goal metric"
    assert metric.find("h3").clean_text() == "Clinics active in week one"
    assert metric.find("dd", cls="rg-kpi__current").clean_text() == "37%"
    inactive = main(site, "strategies/word-of-mouth/index.html")
    facts = {row.find("dt").text(): row.find("dd").clean_text()
             for row in inactive.find("header").find_all("div", cls="rg-facts__row")}
    assert facts["Active"] == "No, not pursued now"
    assert "This strategy names no sub-goal metric." in inactive.clean_text()


def test_strategy_page_lists_tactics_with_the_work_naming_each(site):
    doc = main(site, "strategies/self-serve/index.html")
    tactics = doc.find("ul", cls="rg-tactics").find_all("li", cls="rg-tactic")
    assert [(t.get("id"), "rg-tactic--inactive" in t.classes) for t in tactics] == [
        ("tactic-guided-setup", False), ("tactic-demos", True), (None, False)]
    guided = tactics[0].find("ul", cls="rg-tactic__items")
    assert [(li.find("span", cls="rg-chain-list__kind").text(), li.find("a").clean_text(), li.find("a").get("href"))
            for li in guided.find_all("li")] == [
        ("Hypothesis", "A setup checklist", "../../hypotheses/checklist/"),
        ("Theme", "Faster first value", "../../themes/first-value/")]
    assert guided.find("span", cls="rg-badge").clean_text() == "Testing"
    assert "(not pursued now)" in tactics[1].clean_text()
    assert texts(tactics[1].find("ul", cls="rg-tactic__items").find_all("a")) == ["A monthly demo day"]
    assert not tactics[2].has("ul")
    # and back: a theme's page names its tactic, linking to it on the strategy's page
    facts = main(site, "themes/first-value/index.html").find("dl", cls="rg-facts")
    assert ("Guided setup", "../../strategies/self-serve/#tactic-guided-setup") in links(facts)


def test_strategy_page_lists_outcomes_okrs_and_the_work_of_its_outcomes(site):
    doc = main(site, "strategies/self-serve/index.html")
    outcomes = doc.find_all("article", cls="rg-outcome-card")
    assert [(o.find("a").clean_text(), o.find("span", cls="rg-badge").clean_text()) for o in outcomes] == [
        ("Clinics upgrade to the paid plan", "On track"), ("Clinics book a patient in week one", "On track")]
    assert all(o.has("div", cls="rg-progress") for o in outcomes)
    assert [h.find("a").clean_text() for h in doc.find_all("h3", cls="rg-okr__objective")] == [
        "New clinics get value in week one", "Clinics pay for more"]
    assert doc.find("h2", id="related-items").text() == "Themes, questions and hypotheses of its outcomes"
    groups = doc.find_all("section", cls="rg-index__group")
    assert [(g.get("data-horizon"), [c.get("data-key") for c in g.find_all("article", cls="rg-card")])
            for g in groups] == [
        ("now", ["hypothesis/checklist", "theme/first-value"]), ("next", ["question/why-wait"]),
        ("later", ["hypothesis/demo-day"])]  # demo-day through its opportunity, rooted at more-revenue
    assert not doc.has("h2", id="referenced-by")


# -- the home page ----------------------------------------------------------------------------

def test_home_links_goals_and_strategies_to_their_pages_and_keeps_the_anchors(site):
    doc = main(site, "index.html")
    goal = doc.find("li", id="goal-grow")
    assert links(goal.find("h3")) == [("Reach 2M ARR", "goals/grow/")]
    strategy = doc.find("article", id="strategy-self-serve")
    assert links(strategy.find("h4")) == [("Self-serve onboarding", "strategies/self-serve/")]
    assert ("Reach 2M ARR", "goals/grow/") in links(strategy.find("p", cls="rg-strategy__meta"))
    assert doc.has("article", id="strategy-word-of-mouth")
    assert broken_links(site) == []


def test_home_lists_each_strategys_outcomes_with_status_and_each_tactics_work(site):
    strategy = main(site, "index.html").find("article", id="strategy-self-serve")
    outcomes = strategy.find("ul", cls="rg-chain-list--outcomes").find_all("li")
    assert [(o.find("a").clean_text(), o.find("span", cls="rg-badge").clean_text()) for o in outcomes] == [
        ("Clinics upgrade to the paid plan", "On track"), ("Clinics book a patient in week one", "On track")]
    tactics = strategy.find("ul", cls="rg-tactics").find_all("li", cls="rg-tactic")
    assert [texts(t.find_all("a")) for t in tactics] == [["A setup checklist", "Faster first value"],
                                                        ["A monthly demo day"], []]
    assert tactics[0].find("a").get("href") == "hypotheses/checklist/"


def test_pack_and_embed_link_the_chain(site):
    for rel in ("pack/index.html", "embed/index.html"):
        doc = page(site, rel)
        hrefs = [a.get("href") for a in doc.find_all("a")]
        assert "../goals/grow/" in hrefs and "../strategies/self-serve/" in hrefs, rel
        assert "../outcomes/week-one/" in hrefs and "../hypotheses/checklist/" in hrefs, rel


# -- key results ------------------------------------------------------------------------------

def test_key_results_show_their_outcome_hypotheses_and_the_metric_they_are_measured_by(site):
    okr = main(site, "okrs/q4-activation/index.html")
    first, second = okr.find_all("li", cls="rg-kr")
    about = first.find("span", cls="rg-kr__about")
    assert links(about) == [("Clinics active in week one", "../../metrics/activation/")]
    assert "(the outcome's metric)" in about.clean_text()
    assert "Unit: %" not in about.clean_text() and first.find("dl").find_all("dd")[1].clean_text() == "37%"
    krlinks = first.find("p", cls="rg-kr__links")
    assert links(krlinks) == [("Clinics book a patient in week one", "../../outcomes/week-one/"),
                              ("A setup checklist", "../../hypotheses/checklist/")]
    assert "Outcome:" in krlinks.clean_text() and "Hypotheses:" in krlinks.clean_text()
    assert krlinks.find("span", cls="rg-badge").clean_text() == "On track"
    assert not second.has("p", cls="rg-kr__links") and not second.has("span", cls="rg-kr__about")
    # the OKR's strategy is a link now that strategies have pages
    assert ("Self-serve onboarding", "../../strategies/self-serve/") in links(okr.find("p", cls="rg-okr__meta"))
    index = main(site, "okrs/index.html")
    assert ("A setup checklist", "../hypotheses/checklist/") in links(index)


def test_outcome_and_hypothesis_pages_list_the_key_results_naming_them(site):
    doc = main(site, "outcomes/week-one/index.html")
    assert doc.find("h2", id="key-results").text() == "Key results naming it"
    krs = doc.find("ul", cls="rg-kr-refs").find_all("li", cls="rg-kr-ref")
    assert [(k.find("p", cls="rg-kr-ref__okr").find("a").clean_text(), k.find("p", cls="rg-kr__title").children[0].strip())
            for k in krs] == [("New clinics get value in week one", "Week-one activation reaches 40%")]
    assert krs[0].find("p", cls="rg-kr-ref__okr").find("a").get("href") == "../../okrs/q4-activation/"
    score = krs[0].find("div", cls="rg-score")
    assert score.find("span", cls="rg-score__value").text() == "0.70"
    toc = [a.get("href") for a in page(site, "outcomes/week-one/index.html").find("nav", cls="md-nav--secondary")
           .find_all("a")]
    assert "#key-results" in toc
    hyp = main(site, "hypotheses/demo-day/index.html")
    krs = hyp.find("ul", cls="rg-kr-refs").find_all("li", cls="rg-kr-ref")
    assert [k.find("p", cls="rg-kr__title").children[0].strip() for k in krs] == ["Upgrades reach 1.2M ARR"]
    # listed there, the OKR is not repeated under "Referenced by"
    assert not hyp.has("h2", id="referenced-by")
    assert not main(site, "hypotheses/secret-bet/index.html").has("h2", id="key-results")


# -- stale markers ----------------------------------------------------------------------------

STALE = "Stale data"


def test_a_stale_goal_says_so_on_the_home_page_and_its_page(site):
    home = main(site, "index.html")
    assert stale_flags(home.find("li", id="goal-grow")) == [STALE]
    assert stale_flags(home.find("li", id="goal-happy")) == []
    goal = main(site, "goals/grow/index.html")
    kind = goal.find("p", cls="rg-item-header__kind")
    assert stale_flags(kind) == [STALE]
    assert kind.find("span", cls="rg-stale__since").clean_text() == "(latest measurement Sep 1, 2026)"
    bar = goal.find("div", cls="rg-outcome-progress").find("div", cls="rg-progress")
    assert "rg-progress--stale" in bar.classes
    assert bar.find("span", cls="rg-progress__stale").get("title") == "latest measurement Sep 1, 2026"
    assert "(Stale data)" in bar.find("title").text()
    assert stale_flags(main(site, "goals/happy/index.html")) == []
    for rel in ("pack/index.html", "embed/index.html"):  # the one-pager in the review pack and the embed
        goals = page(site, rel).find("section", cls="rg-vmgs__goals").find_all("li", cls="rg-goal")
        assert [stale_flags(g) for g in goals] == [[STALE], [], []], rel


def test_a_stale_outcome_says_so_wherever_its_status_is_shown(site):
    places = {
        "index.html": lambda d: d.find("article", id="strategy-self-serve"),
        "journey/index.html": lambda d: d.find("th", id="stage-onboard"),
        "outcomes/index.html": lambda d: d,
        "outcomes/more-revenue/index.html": lambda d: d.find("header"),
        "strategies/self-serve/index.html": lambda d: d.find("div", cls="rg-outcomes"),
        "pack/index.html": lambda d: d.find("section", cls="rg-pack__section--outcomes"),
        "embed/outcomes/more-revenue/index.html": lambda d: d,
    }
    for rel, part in places.items():
        doc = page(site, rel) if rel.startswith(("pack", "embed")) else main(site, rel)
        found = part(doc).clean_text()
        assert STALE in found, rel
    # on the board, the stale outcome's bar says so, the fresh one's does not
    column = main(site, "journey/index.html").find("th", id="stage-onboard")
    bars = {o.find("a").clean_text(): stale_flags(o) for o in column.find_all("div", cls="rg-board__outcome")}
    assert bars == {"Clinics upgrade to the paid plan": [STALE], "Clinics book a patient in week one": [],
                    "Secret outcome": []}
    fresh = main(site, "outcomes/week-one/index.html")
    assert STALE not in fresh.find("header").clean_text() and not fresh.has("div", cls="rg-progress--stale")


def test_a_stale_key_result_and_okr_say_so_on_okr_pages_and_the_index(site):
    stale = main(site, "okrs/q4-revenue/index.html")
    assert stale_flags(stale.find("p", cls="rg-item-header__kind")) == [STALE]
    assert stale_flags(stale.find("div", cls="rg-okr__score")) == [STALE]
    kr = stale.find("li", cls="rg-kr")
    assert stale_flags(kr.find("dl", cls="rg-kr__figures")) == [STALE]
    assert kr.find("dl").find("span", cls="rg-flag--stale").get("title") == "Latest measurement Sep 1, 2026"
    assert stale_flags(kr.find("p", cls="rg-kr__links")) == [STALE]  # its outcome, stale too
    fresh = main(site, "okrs/q4-activation/index.html")
    assert stale_flags(fresh) == []
    index = main(site, "okrs/index.html")
    assert stale_flags(index.find("article", id="okr-q4-revenue").find("div", cls="rg-okr__score")) == [STALE]
    assert stale_flags(index.find("article", id="okr-q4-activation")) == []
    # and where the key result is listed on the hypothesis it breaks down into
    assert stale_flags(main(site, "hypotheses/demo-day/index.html").find("ul", cls="rg-kr-refs")) == [STALE]
    assert stale_flags(main(site, "hypotheses/checklist/index.html").find("ul", cls="rg-kr-refs")) == []


def test_stale_markers_match_roadmap_json(site):
    data = json.loads(read(site / "roadmap.json"))
    assert {g["id"]: g["stale"] for g in data["goals"]} == {"grow": True, "happy": False, "loved": False}
    assert {o["id"]: o["stale"] for o in data["outcomes"]} == {"more-revenue": True, "secret-outcome": False,
                                                                "week-one": False}
    assert {o["id"]: o["stale"] for o in data["okrs"]} == {"q4-activation": False, "q4-revenue": True}
    assert {g["id"]: g["url"] for g in data["goals"]} == {"grow": "goals/grow/", "happy": "goals/happy/",
                                                          "loved": "goals/loved/"}
    assert data["strategies"][0]["url"] == "strategies/self-serve/"


def test_stale_markers_are_translated(tmp_path):
    src = write_site(tmp_path / "src", chain_content(), config=mkdocs_config(theme={"language": "nl"}))
    site = build(src, tmp_path / "site")
    assert stale_flags(main(site, "goals/grow/index.html").find("header")) == ["Verouderde gegevens"]
    assert "Kernresultaten die dit noemen" in main(site, "outcomes/week-one/index.html").clean_text()


# -- a public build ---------------------------------------------------------------------------

def test_public_build_has_no_page_of_an_internal_strategy_and_no_link_to_it(public):
    assert (public / "strategies/self-serve/index.html").is_file()
    assert not (public / "strategies/secret-plan").exists()
    assert not (public / "outcomes/secret-outcome").exists()
    for path in [*public.rglob("*.html"), *public.rglob("*.json"), *public.rglob("*.xml")]:
        text = read(path)
        assert "secret-plan" not in text and "Secret acquisition plan" not in text, path
        assert "Secret tactic" not in text and "secret-tactic" not in text, path
    goal = main(public, "goals/grow/index.html")
    assert texts(goal.find_all("h3", cls="rg-strategy__title")) == ["Self-serve onboarding"]
    assert broken_links(public) == []


def test_progress_bar_writes_stale_after_the_status_word():
    args = dict(id_prefix="p", label="Revenue", baseline=0, current=5, target=10, status="on-track")
    fresh = progress_bar(**args)
    assert "rg-flag--stale" not in fresh and "Stale" not in fresh
    stale = progress_bar(**args, stale=True, latest=date(2026, 9, 1))
    bar = parse(stale)
    assert "rg-progress--stale" in bar.find("div", cls="rg-progress").classes
    head = bar.find("div", cls="rg-progress__head")
    assert head.clean_text() == "Revenue On track Stale data"
    assert head.find("span", cls="rg-flag--stale").get("title") == "latest measurement Sep 1, 2026"
    assert bar.find("title").text() == "Revenue: On track (Stale data)"
    assert bar.find("desc").text().endswith("Stale data: latest measurement Sep 1, 2026.")
    words = {"stale": "Verouderde gegevens", "stale.latest": "laatste meting {date}"}
    assert "Verouderde gegevens" in progress_bar(**args, stale=True, words=words)



def test_an_opportunity_in_two_trees_serves_both_outcomes(tmp_path):
    """An opportunity with its own ``outcome`` under a parent rooted at another: its hypotheses are the work
    of both outcomes' strategies, its page names both outcomes, and neither outcome lacks work."""
    files = {**chain_content(),
             "opportunities/upgrade-friction.md": "---\ntitle: Upgrading takes a call\nparent: slow-start\n"
                                                  "outcome: secret-outcome\nstage: onboard\n---\n",
             "hypotheses/nudge.md": "---\ntitle: An in-app upgrade nudge\nstage: onboard\nhorizon: next\n"
                                    "opportunity: upgrade-friction\nwe_believe: a nudge\nwill_result_in: upgrades\n"
                                    "we_will_know_when: upgrades double\nstatus: idea\n---\n"}
    site = build(write_site(tmp_path / "src", files), tmp_path / "site")
    for strategy in ("self-serve", "secret-plan"):
        cards = main(site, f"strategies/{strategy}/index.html").find_all("article", cls="rg-card")
        assert "hypothesis/nudge" in [c.get("data-key") for c in cards], strategy
    header = main(site, "opportunities/upgrade-friction/index.html")
    facts = {r.find("dt").clean_text(): r.find("dd").clean_text() for r in header.find_all("div", cls="rg-facts__row")}
    assert facts["Outcomes"] == "Secret outcome, Clinics upgrade to the paid plan"
    health = json.loads(read(site / "roadmap.json"))["health"]
    assert not [f for f in health if f["rule"] == "outcome-without-work"
                and f["item"]["id"] in ("secret-outcome", "more-revenue")]
