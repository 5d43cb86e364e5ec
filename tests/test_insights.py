"""Evidence and confidence (content format 1.1): insights, evidence counts, confidence on cards, card order.

Loader errors at their exact path:line:column, then a real ``mkdocs build --strict`` of the basic
fixture with three insights and two more hypotheses: the Evidence sections, the counts on cards
(with their accessible label), the insight pages, the insights index, roadmap.json, the order of
the cards in a board cell and the confidence filter. Filters in a browser: tests/browser/test_insights.py.
"""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from conftest import compile_roadmap, make_roadmap, messages, run_cli
from sitehelpers import basic_content, broken_links, build, content, page, write_site
from roadmap_gen.compile.compiler import Compiler
from roadmap_gen.format.schema import kind_schema

AS_OF = date(2026, 11, 25)
THEME = "---\ntitle: T\nstage: onboard\nhorizon: now\n---\n"
HYP = ("---\ntitle: {title}\nstage: onboard\nhorizon: now\nwe_believe: a\nwill_result_in: b\nwe_will_know_when: c\n"
       "status: idea\n{extra}---\n")
INSIGHT = "---\ntitle: Owners do not know where to start\ndate: 2026-10-12\nsource: client interviews\n"


def diags_of(tmp_path, files):
    return messages(compile_roadmap(make_roadmap(tmp_path, files)))


# -- loading and validation ---------------------------------------------------------------------

def test_insight_required_fields_are_reported_at_the_front_matter(tmp_path):
    diags = diags_of(tmp_path, {"insights/bare.md": "---\nsegment: clinic owners\n---\nNotes.\n"})
    assert sorted(diags) == ["content/insights/bare.md:2:1: missing required field `date` in insight",
                             "content/insights/bare.md:2:1: missing required field `source` in insight",
                             "content/insights/bare.md:2:1: missing required field `title` in insight"]


@pytest.mark.parametrize("line, expected", [
    ("date: 2026-13-01", "content/insights/i.md:3:7: `date`: `2026-13-01` is not a valid date (month must be in "
                         "1..12)"),
    ("date: 12-10-2026", "content/insights/i.md:3:7: `date`: `12-10-2026` is not a date; write YYYY-MM-DD"),
    ("effect: support", "content/insights/i.md:5:9: `support` is not a valid effect; expected one of: supports, "
                        "contradicts (did you mean `supports`?)"),
    ("efect: supports", "content/insights/i.md:5:1: unknown key `efect` in insight (did you mean `effect`?)"),
    ("url: \"javascript:alert(1)\"", "content/insights/i.md:5:6: `url` uses the `javascript:` scheme; only http, "
                                     "https, mailto and relative links are allowed"),
    ("hypotheses: setup", "content/insights/i.md:5:13: `hypotheses` must be a list ([a, b]), found text"),
])
def test_insight_field_errors(tmp_path, line, expected):
    key = line.split(":")[0]
    lines = INSIGHT.split("\n")[:-1]
    at = [i for i, x in enumerate(lines) if x.split(":")[0] == key]
    if at:
        lines[at[0]] = line
    else:
        lines.append(line)
    assert diags_of(tmp_path, {"insights/i.md": "\n".join(lines) + "\n---\n"}) == [expected]


def test_insight_references_are_checked_with_suggestions(tmp_path):
    files = {"themes/faster-first-value.md": THEME,
             "hypotheses/setup-checklist.md": HYP.format(title="H", extra=""),
             "insights/i.md": INSIGHT + "hypotheses: [setup-checklist, setup-cheklist]\n"
                                        "questions: [faster-first-value]\n"
                                        "outcomes: [week-one]\n"
                                        "behaviours: [books-online]\n---\n"}
    assert diags_of(tmp_path, files) == [
        "content/insights/i.md:5:31: `hypotheses` refers to unknown hypothesis `setup-cheklist` "
        "(did you mean `setup-checklist`?)",
        "content/insights/i.md:6:13: `questions` refers to unknown question `faster-first-value`; "
        "`faster-first-value` is a theme, not a question",
        "content/insights/i.md:7:12: `outcomes` refers to unknown outcome `week-one`; no outcome exists yet",
        "content/insights/i.md:8:14: `behaviours` refers to unknown behaviour `books-online`; give the booster or "
        "blocker in journey.yml an id: `{id: ..., title: ...}`"]


@pytest.mark.parametrize("value, message", [
    ("1.5", "content/themes/t.md:5:8: `order` must be a whole number, found `1.5`"),
    ('"2"', 'content/themes/t.md:5:8: `order` must be a number, found quoted text "2"'),
    ("first", "content/themes/t.md:5:8: `order` must be a number, found `first`"),
])
def test_order_is_a_whole_number(tmp_path, value, message):
    assert diags_of(tmp_path, {"themes/t.md": THEME.replace("horizon: now\n", f"horizon: now\norder: {value}\n")}) \
        == [message]


def test_order_and_insight_in_the_json_schemas():
    assert kind_schema("theme")["properties"]["order"]["type"] == ["integer", "null"]
    s = kind_schema("insight")
    assert s["required"] == ["title", "date", "source"]
    assert s["properties"]["effect"]["enum"] == ["supports", "contradicts", None]
    assert s["properties"]["hypotheses"]["items"]["pattern"] == "^[a-z0-9]+(-[a-z0-9]+)*$"
    assert "front matter" in s["title"] and "content/insights/<id>.md" in s["title"]


# -- a site with insights ------------------------------------------------------------------------

INSIGHTS = {
    "insights/owners-lost.md": """\
---
title: '"I did not know where to start": five of eight owners'
date: 2026-10-12
source: client interviews
segment: clinic owners
url: https://research.example.com/42
effect: supports
hypotheses: [setup-checklist]
opportunities: [setup-is-confusing]
outcomes: [week-one-activation]
---
Eight interviews in October.
""",
    "insights/clinics-skip-checklist.md": """\
---
title: Most trial clinics never open the checklist
date: 2026-09-01
source: analytics
segment: trial clinics
effect: contradicts
hypotheses: [setup-checklist]
questions: [why-no-booking]
---
""",
    "insights/asked-for-a-list.md": """\
---
title: Clinics asked support for a list of setup steps
date: 2026-06-30
source: support tickets
hypotheses: [setup-checklist, setup-checklist]
---
""",
    "hypotheses/zebra.md": HYP.format(title="Zebra comes second by order", extra="order: 2\nconfidence: high\n"),
    "hypotheses/always.md": HYP.format(title="Always first by title, last by order", extra="confidence: low\n"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    files = basic_content()
    files["hypotheses/setup-checklist.md"] = files["hypotheses/setup-checklist.md"].replace(
        "horizon: now\n", "horizon: now\norder: 1\n")
    files.update(INSIGHTS)
    root = write_site(tmp_path_factory.mktemp("insights") / "site", files)
    return build(root, root / "out")


def evidence_section(site: Path, rel: str) -> dict:
    doc = content(page(site, rel))
    heading = [h for h in doc.find_all("h2") if h.get("id") == "evidence"]
    if not heading:
        return {}
    groups = {g.find("h3").clean_text(): [a.get("href") for a in g.find_all("a")]
              for g in doc.find_all("section", cls="rg-evidence__group")}
    counts = doc.find("p", cls="rg-evidence-counts")
    return {"counts": counts.find("span").clean_text(), "label": counts.find("span", cls="rg-sr").clean_text(),
            "groups": groups}


def test_a_hypothesis_shows_its_evidence_newest_first(site):
    assert evidence_section(site, "hypotheses/setup-checklist/index.html") == {
        "counts": "2 for · 1 against", "label": "Evidence from insights: 2 for, 1 against",
        "groups": {"Supporting 2": ["../../insights/owners-lost/", "../../insights/asked-for-a-list/"],
                   "Contradicting 1": ["../../insights/clinics-skip-checklist/"]}}
    doc = content(page(site, "hypotheses/setup-checklist/index.html"))
    entry = doc.find("li", cls="rg-insight-entry")
    meta = entry.find("p", cls="rg-insight-entry__meta")
    assert meta.clean_text() == "client interviews · clinic owners · Oct 12, 2026"
    assert entry.find("time").get("datetime") == "2026-10-12"
    # the insights are listed under Evidence, not again under Referenced by (left out when nothing else
    # refers to the hypothesis)
    backlinks = doc.find_all("section", cls="rg-backlinks")
    assert not [a for b in backlinks for a in b.find_all("a") if "insights/" in (a.get("href") or "")]
    toc = [a.clean_text() for a in page(site, "hypotheses/setup-checklist/index.html")
           .find("nav", cls="md-nav--secondary").find_all("a")]
    assert "Evidence" in toc and ("Referenced by" not in toc or toc.index("Evidence") < toc.index("Referenced by"))


def test_evidence_is_in_the_table_of_contents_where_it_is_on_the_page(site):
    for rel in ("questions/why-no-booking/index.html", "outcomes/week-one-activation/index.html",
                "opportunities/setup-is-confusing/index.html", "hypotheses/setup-checklist/index.html"):
        doc = page(site, rel)
        toc = [a.get("href") for a in doc.find("nav", cls="md-nav--secondary").find_all("a")]
        headings = [f"#{h.get('id')}" for h in content(doc).find_all("h2") if f"#{h.get('id')}" in toc]
        assert "#evidence" in headings and len(headings) >= 2, rel
        assert [x for x in toc if x in headings] == headings, rel  # the same order


def test_every_named_kind_shows_evidence_and_others_do_not(site):
    assert evidence_section(site, "questions/why-no-booking/index.html")["counts"] == "0 for · 1 against"
    assert evidence_section(site, "opportunities/setup-is-confusing/index.html")["counts"] == "1 for · 0 against"
    assert evidence_section(site, "outcomes/week-one-activation/index.html")["groups"] == {
        "Supporting 1": ["../../insights/owners-lost/"]}
    for rel in ("hypotheses/sms-reminders/index.html", "themes/first-value/index.html",
                "outcomes/fewer-tickets/index.html"):
        assert evidence_section(site, rel) == {}, rel


def card(site: Path, rel: str, key: str):
    return next(c for c in content(page(site, rel)).find_all("article", cls="rg-card") if c.get("data-key") == key)


def test_cards_show_evidence_counts_with_an_accessible_label(site):
    for rel in ("journey/index.html", "hypotheses/index.html", "stages/onboard/index.html",
                "themes/first-value/index.html"):
        c = card(site, rel, "hypothesis/setup-checklist")
        counts = c.find("p", cls="rg-evidence-counts")
        assert "rg-evidence-counts--contested" in counts.classes, rel
        visible = counts.find("span")
        assert visible.get("aria-hidden") == "true" and visible.clean_text() == "2 for · 1 against"
        assert counts.find("span", cls="rg-sr").clean_text() == "Evidence from insights: 2 for, 1 against"
    question = card(site, "journey/index.html", "question/why-no-booking")
    assert question.find("p", cls="rg-evidence-counts").find("span").clean_text() == "0 for · 1 against"
    assert not card(site, "journey/index.html", "hypothesis/zebra").has("p", cls="rg-evidence-counts")
    outcomes = {a.find("a").get("href"): a.find_all("p", cls="rg-evidence-counts")
                for a in content(page(site, "outcomes/index.html")).find_all("article", cls="rg-outcome-summary")}
    assert [p.find("span").clean_text() for p in outcomes["week-one-activation/"]] == ["1 for · 0 against"]
    assert outcomes["fewer-tickets/"] == []


def test_cards_in_a_board_cell_follow_order_then_title(site):
    cell = next(td for td in content(page(site, "journey/index.html")).find_all("td", cls="rg-board__cell")
                if td.get("data-stage") == "onboard" and td.get("data-horizon") == "now")
    assert [c.get("data-key") for c in cell.find_all("article")] == [
        "hypothesis/setup-checklist", "hypothesis/zebra", "hypothesis/always", "theme/first-value",
        "question/why-no-booking"]
    now = next(s for s in content(page(site, "hypotheses/index.html")).find_all("section", cls="rg-index__group")
               if s.get("data-horizon") == "now")
    assert [c.get("data-key") for c in now.find_all("article")] == [
        "hypothesis/setup-checklist", "hypothesis/zebra", "hypothesis/always"]
    stage = content(page(site, "stages/onboard/index.html"))
    assert [c.get("data-key") for c in stage.find_all("article", cls="rg-card")][:3] == [
        "hypothesis/setup-checklist", "hypothesis/zebra", "hypothesis/always"]


def test_confidence_on_cards_and_as_a_board_filter(site):
    c = card(site, "journey/index.html", "hypothesis/zebra")
    assert c.get("data-confidence") == "high"
    line = c.find("p", cls="rg-card__confidence")
    assert line.clean_text() == "Confidence: High" and "rg-card__confidence--high" in line.classes
    assert len(line.find_all("span", cls="rg-card__mark--on")) == 3
    assert len(card(site, "journey/index.html", "hypothesis/always")
               .find("p", cls="rg-card__confidence").find_all("span", cls="rg-card__mark--on")) == 1
    assert card(site, "journey/index.html", "theme/first-value").get("data-confidence") == ""
    assert not card(site, "journey/index.html", "theme/first-value").has("p", cls="rg-card__confidence")
    for rel in ("journey/index.html", "hypotheses/index.html"):
        select = next(s for s in page(site, rel).find_all("select") if s.get("name") == "confidence")
        assert [(o.get("value"), o.clean_text()) for o in select.find_all("option")] == [
            ("", "All"), ("low", "Low"), ("medium", "Medium"), ("high", "High")]
    # cards on pages without filters carry no filter data
    assert card(site, "stages/onboard/index.html", "hypothesis/zebra").get("data-confidence") is None


def test_insight_page(site):
    doc = content(page(site, "insights/owners-lost/index.html"))
    header = doc.find("header", cls="rg-item-header--insight")
    assert header.find("h1").clean_text() == '"I did not know where to start": five of eight owners'
    assert header.find("span", cls="rg-badge").clean_text() == "Supports"
    facts = {r.find("dt").clean_text(): r.find("dd").clean_text() for r in header.find_all("div", cls="rg-facts__row")}
    assert facts == {"Source": "client interviews", "Segment": "clinic owners", "Date": "Oct 12, 2026",
                     "Link": "https://research.example.com/42"}
    body = doc.find("div", cls="rg-body")
    assert body.find("div", cls="rg-search").get("hidden") is not None  # key facts, for the search only
    assert [p.clean_text() for p in body.find_all("p") if "rg-search" not in p.parent.classes] == [
        "Eight interviews in October."]
    names = doc.find("div", cls="rg-evidence-for")
    assert [(s.find("h3").clean_text(), [a.get("href") for a in s.find_all("a")]) for s in names.find_all("section")] \
        == [("Outcomes", ["../../outcomes/week-one-activation/"]),
            ("Hypotheses", ["../../hypotheses/setup-checklist/"]),
            ("Opportunities", ["../../opportunities/setup-is-confusing/"])]
    assert not doc.has("section", cls="rg-backlinks")  # nothing refers to an insight
    against = content(page(site, "insights/clinics-skip-checklist/index.html"))
    assert against.find("h2", id="evidence-for").clean_text() == "Evidence against"


def test_insights_index_newest_first_with_filters(site):
    doc = page(site, "insights/index.html")
    cards = content(doc).find_all("article", cls="rg-card--insight")
    assert [c.get("data-key") for c in cards] == ["insight/owners-lost", "insight/clinics-skip-checklist",
                                                  "insight/asked-for-a-list"]
    assert [(c.get("data-source"), c.get("data-segment"), c.get("data-effect")) for c in cards] == [
        ("client interviews", "clinic owners", "supports"), ("analytics", "trial clinics", "contradicts"),
        ("support tickets", "", "supports")]
    form = doc.find("form", cls="rg-filters")
    assert form.get("data-rg-filter") == "insights"
    assert doc.find("div", cls="rg-insights").get("data-rg-filterable") == "insights"
    options = {s.get("name"): [o.get("value") for o in s.find_all("option")] for s in form.find_all("select")}
    assert options == {"source": ["", "analytics", "client interviews", "support tickets"],
                       "segment": ["", "clinic owners", "trial clinics"], "effect": ["", "supports", "contradicts"]}
    nav = [a.clean_text() for a in doc.find("nav", cls="md-nav--primary").find_all("a")]
    assert "Insights" in nav
    assert broken_links(site) == []


def test_roadmap_json_has_insights_and_evidence(site):
    data = json.loads((site / "roadmap.json").read_text(encoding="utf-8"))
    assert [i["id"] for i in data["insights"]] == ["asked-for-a-list", "clinics-skip-checklist", "owners-lost"]
    owners = data["insights"][2]
    assert owners["url"] == "insights/owners-lost/" and owners["source_url"] == "https://research.example.com/42"
    assert (owners["date"], owners["source"], owners["effect"], owners["body"]) == (
        "2026-10-12", "client interviews", "supports", "Eight interviews in October.\n")
    evidence = {(kind, e["id"]): e.get("evidence") for kind in ("hypotheses", "questions", "opportunities", "outcomes")
                for e in data[kind]}
    assert evidence["hypotheses", "setup-checklist"] == {"supports": 2, "contradicts": 1}
    assert evidence["questions", "why-no-booking"] == {"supports": 0, "contradicts": 1}
    assert evidence["opportunities", "setup-is-confusing"] == {"supports": 1, "contradicts": 0}
    assert evidence["outcomes", "week-one-activation"] == {"supports": 1, "contradicts": 0}
    assert evidence["hypotheses", "sms-reminders"] is None  # only items that insights name
    order = {e["id"]: e.get("order") for e in data["hypotheses"]}
    assert (order["setup-checklist"], order["zebra"], order["always"]) == (1, 2, None)
    code, out, err = run_cli("export", site.parent)
    assert code == 0, err
    assert json.loads(out) == data


def test_new_insight_names_what_it_is_evidence_for(tmp_path):
    root = make_roadmap(tmp_path, {"metrics.yml": "metrics:\n  - id: m\n    title: M\n    category: customer\n",
                                   "outcomes/week-one.md": "---\ntitle: O\nstage: onboard\nmetric: m\n---\n",
                                   "hypotheses/setup-checklist.md": HYP.format(title="H", extra="")})
    code, out, err = run_cli("new", "insight", "owners-lost", "--title", 'Owners said: "where do I start?"',
                             "--outcome", "week-one", "--path", root / "content")
    assert code == 0, err
    text = (root / "content" / "insights" / "owners-lost.md").read_text(encoding="utf-8")
    assert "outcomes: [week-one]\n" in text and "# hypotheses: [setup-checklist]" in text
    assert "effect: supports  # supports | contradicts" in text
    result = Compiler(root / "content").compile(AS_OF)
    assert result.errors == []
    insight = result.roadmap.get("insight", "owners-lost")
    assert insight.title == 'Owners said: "where do I start?"' and insight.outcomes == ("week-one",)
    assert result.figures.evidence["outcome", "week-one"].supports == 1
    code, _, err = run_cli("new", "insight", "x", "--stage", "onboard", "--path", root / "content")
    assert code == 2 and "insights have no stage" in err
