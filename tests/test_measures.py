"""Measures on built sites: KPI dashboard, metric pages, outcome progress, OKR scores, opportunity trees."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sitehelpers import build

FIXTURE = Path(__file__).parent / "fixtures" / "basic"
SVG_NS = "{http://www.w3.org/2000/svg}"


def article(html: str, id: str) -> str:
    """The whole ``<article ... id="ID">...</article>`` element."""
    m = re.search(r'<article[^>]*\sid="' + re.escape(id) + r'"[^>]*>.*?</article>', html, re.S)
    assert m, f"no article {id}"
    return m.group(0)


def main(html: str) -> str:
    """The page's content, without Material's navigation and table of contents."""
    start = html.index('<article class="md-content__inner')
    return html[start:html.rindex("</article>")]


def section(html: str, start: str, end: str | None = None) -> str:
    i = html.index(start)
    j = html.index(end, i) if end else len(html)
    return html[i:j]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("measures")
    project = root / "project"
    shutil.copytree(FIXTURE, project, ignore=shutil.ignore_patterns("*.golden.json"))
    (project / "docs").mkdir(exist_ok=True)
    content = project / "content"
    # a metric without any measurement: shown as no data, never stale
    metrics = content / "metrics.yml"
    metrics.write_text(metrics.read_text() + """  - id: nps
    title: Net promoter score
    category: customer
    target: {value: 40, by: 2026-12-31}
    review: quarterly
    source: quarterly survey
""")
    # a past OKR whose key result went backwards (score 0, red) and one overshooting (clamped to 1)
    (content / "okrs" / "q3-cleanup.yml").write_text("""objective: Fewer tickets in Q3
period: 2026-Q3
team: support
key_results:
  - title: Tickets fall to 30 a week
    from: 50
    to: 30
    current: 55
""")
    (content / "okrs" / "yearly.yml").write_text("""objective: Interview clinics all year
period: 2026
team: research
key_results:
  - title: 40 interviews
    from: 0
    to: 40
    current: 48
""")
    # key results with units of their own: a short one goes with every figure, a long one is said once
    (content / "okrs" / "units.yml").write_text("""objective: Units as the titles say them
period: 2026-Q4
team: platform
key_results:
  - title: Notes closed in the room grow from 20% to 50%
    from: 20
    to: 50
    current: 38
    unit: "%"
  - title: Bugs reported by clinics fall from 36 to 25 a month
    from: 36
    to: 25
    current: 28
    unit: bugs reported by clinics per month
""")
    # a key result that names an outcome and neither metric nor current: it takes the outcome's metric
    (content / "okrs" / "via-outcome.yml").write_text("""objective: Measured through the outcome
period: 2026-Q4
team: onboarding
key_results:
  - title: Week-one activation reaches 40%
    outcome: week-one-activation
    from: 30
    to: 40
""")
    # a wide opportunity tree: 44 opportunities under one outcome, two levels deep
    opp = content / "opportunities"
    for i in range(4):
        (opp / f"wide-{i}.md").write_text(f"---\ntitle: Wide branch {i}\noutcome: fewer-tickets\n---\n")
        for j in range(10):
            (opp / f"wide-{i}-{j}.md").write_text(f"---\ntitle: Leaf {i}.{j}\nparent: wide-{i}\n---\n")
    out = root / "site"
    build(project, out)
    return out


def read(site: Path, rel: str) -> str:
    return (site / rel / "index.html").read_text(encoding="utf-8")


# -- KPI dashboard ---------------------------------------------------------------------

def test_dashboard_groups_metrics_into_the_three_families(site: Path) -> None:
    html = read(site, "kpis")
    business = section(html, 'data-category="business"', 'data-category="customer"')
    customer = section(html, 'data-category="customer"', 'data-category="development"')
    development = section(html, 'data-category="development"')
    assert 'id="kpi-arr"' in business and 'id="kpi-activation"' not in business
    assert 'id="kpi-activation"' in customer and 'id="kpi-nps"' in customer
    assert 'id="kpi-tickets"' in development
    assert html.index("Business performance") < html.index("Customer and user engagement") < html.index(
        "Product development")


def test_dashboard_cards_show_value_target_direction_source_and_a_chart(site: Path) -> None:
    card = article(read(site, "kpis"), "kpi-activation")
    assert "37%" in card and "40%" in card  # current and target with unit
    assert "Higher is better" in card and "product analytics" in card
    assert 'class="rg-chart rg-chart--line' in card and 'role="img"' in card
    tickets = article(read(site, "kpis"), "kpi-tickets")
    assert "Lower is better" in tickets


def test_stale_metric_gets_a_badge_and_fresh_one_does_not(site: Path) -> None:
    html = read(site, "kpis")
    arr = article(html, "kpi-arr")  # monthly, last measured 2026-10-01
    activation = article(html, "kpi-activation")  # monthly, last 2026-11-01
    assert "rg-kpi--stale" in arr and "rg-flag--stale" in arr
    assert "rg-flag--stale" not in activation


def test_metric_without_data_says_so_honestly(site: Path) -> None:
    nps = article(read(site, "kpis"), "kpi-nps")
    assert "rg-kpi--no-data" in nps and "No data yet" in nps
    assert "rg-flag--stale" not in nps  # no data is not stale
    page = read(site, "metrics/nps")
    assert "No data yet" in page and "<table" not in section(page, 'id="measurements"')


def test_metric_page_has_chart_with_target_line_table_and_notes(site: Path) -> None:
    html = read(site, "metrics/activation")
    svg = re.search(r'<svg[^>]*class="rg-chart rg-chart--line".*?</svg>', html, re.S).group(0)
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.find(f"{SVG_NS}title").text and root.find(f"{SVG_NS}desc").text
    assert root.find(f".//{SVG_NS}line[@class='rg-chart__target']") is not None
    assert len(root.findall(f".//{SVG_NS}circle")) == 2  # one marker per measurement
    table = section(html, "<table", "</table>")
    assert "2026-03-01" in table and "2026-11-01" in table and "checklist shipped" in table
    notes = section(html, 'id="notes"')
    assert "checklist shipped" in notes


def test_svg_ids_are_unique_within_every_page(site: Path) -> None:
    for path in site.rglob("index.html"):
        ids = re.findall(r'\sid="([^"]+)"', path.read_text(encoding="utf-8"))
        dupes = {i for i in ids if ids.count(i) > 1}
        assert not dupes, f"{path.relative_to(site)}: duplicate ids {sorted(dupes)[:5]}"


# -- outcomes ----------------------------------------------------------------------------

def test_outcome_page_shows_progress_with_elapsed_marker_and_the_metric_chart(site: Path) -> None:
    html = read(site, "outcomes/week-one-activation")
    progress = section(html, 'class="rg-progress', "</svg>")
    assert "rg-progress--at-risk" in progress or "rg-progress--on-track" in progress
    assert 'class="rg-progress__elapsed"' in progress and "of time elapsed" in progress
    assert "Baseline 20%" in html and "Current 37%" in html and "Target 40%" in html
    assert 'class="rg-chart rg-chart--line' in html


def test_direction_down_outcome_counts_falling_values_as_progress(site: Path) -> None:
    html = read(site, "outcomes/fewer-tickets")  # tickets 50 -> 30, target 10: half way
    assert "Baseline 50" in html and "Current 30" in html and "Target 10" in html
    assert 'class="rg-progress__fill" width="50"' in html


def test_stage_pages_and_board_show_the_same_compact_progress(site: Path) -> None:
    stage = read(site, "stages/onboard")
    board = read(site, "journey")
    for html in (stage, board):
        assert "rg-progress" in html and "outcomes/week-one-activation/" in html


def test_home_goals_show_progress_toward_target(site: Path) -> None:
    goal = section(read(site, ""), 'id="goal-arr-2027"', "</li>")
    assert "rg-progress" in goal and "Target 2M EUR" in goal


# -- OKRs ---------------------------------------------------------------------------------

def test_okr_scores_traffic_lights_and_clamping(site: Path) -> None:
    html = read(site, "okrs")
    grow = article(html, "okr-grow-activation")
    assert "rg-okr--green" in grow and ">0.85<" in grow  # (0.7 + 1.0) / 2: the 25-of-20 KR clamps to 1
    assert ">1.00<" in grow and ">0.70<" in grow
    cleanup = article(html, "okr-q3-cleanup")
    assert "rg-okr--red" in cleanup and ">0.00<" in cleanup  # went backwards: clamped to 0
    yearly = article(html, "okr-yearly")
    assert ">1.00<" in yearly  # overshoot clamped
    assert "Scores run from 0 to 1" in html


def test_okrs_current_period_first_grouped_by_period_and_team(site: Path) -> None:
    html = main(read(site, "okrs"))
    heads = re.findall(r'<h2 id="[^"]*">([^<]+)', html)
    periods = [h.split(" ")[0] for h in heads]
    # 2026-Q4 and 2026 are both current on 2026-11-25; the past quarter comes last
    assert periods[-1] == "2026-Q3" and set(periods[:-1]) == {"2026-Q4", "2026"}
    assert "onboarding" in section(html, "2026-Q4", "2026-Q3")


def test_okr_page_links_the_key_result_metric(site: Path) -> None:
    html = read(site, "okrs/grow-activation")
    assert 'href="../../metrics/activation/"' in html
    assert "rg-score" in html and "0.85" in html


# -- opportunity solution trees ---------------------------------------------------------------

def test_outcome_tree_runs_outcome_opportunities_hypotheses_experiments(site: Path) -> None:
    html = read(site, "outcomes/week-one-activation")
    tree = section(html, 'class="rg-tree"', "</div>")
    assert "rg-tree__node--outcome" in tree
    order = ["opportunities/first-week-is-hard/",
             "opportunities/setup-is-confusing/", "hypotheses/setup-checklist/", "Fake-door checklist link"]
    positions = [tree.index(x) for x in order]
    assert positions == sorted(positions)
    assert "rg-tree__node--testing" in tree  # the hypothesis is coloured by its status
    assert "rg-tree__node--experiment" in tree


def test_tree_nodes_link_to_existing_pages(site: Path) -> None:
    page = site / "outcomes" / "week-one-activation" / "index.html"
    tree = section(page.read_text(encoding="utf-8"), 'class="rg-tree"', "</div>")
    for href in re.findall(r'href="([^"#]+)', tree):
        assert (page.parent / href / "index.html").resolve().is_file(), href


def test_wide_tree_with_forty_nodes_scrolls_inside_its_box(site: Path) -> None:
    html = read(site, "opportunities")
    tree = section(html, 'id="tree-fewer-tickets"')
    assert all(f"Leaf {i}.{j}" in tree for i in range(4) for j in range(10))
    css = (site / "assets" / "roadmap-gen" / "roadmap.css").read_text()
    assert re.search(r"\.rg-tree\s*\{[^}]*overflow-x:\s*auto", css)
    # every outcome's tree is on the opportunities page
    assert 'id="tree-week-one-activation"' in html


def test_charts_are_the_same_bytes_in_two_builds(site: Path, tmp_path: Path) -> None:
    project = site.parent / "project"
    again = tmp_path / "again"
    build(project, again)
    for rel in ("kpis", "metrics/activation", "outcomes/week-one-activation", "okrs"):
        svgs_a = re.findall(r"<svg.*?</svg>", read(site, rel), re.S)
        svgs_b = re.findall(r"<svg.*?</svg>", read(again, rel), re.S)
        assert svgs_a and svgs_a == svgs_b


def test_board_and_index_pages_stay_out_of_search_but_item_pages_are_in(site: Path) -> None:
    import json

    docs = json.loads((site / "search" / "search_index.json").read_text())["docs"]
    pages = {d["location"].split("#")[0] for d in docs}
    assert "hypotheses/setup-checklist/" in pages and "kpis/" in pages and "" in pages
    assert not pages & {"journey/", "hypotheses/", "themes/", "questions/", "stages/", "outcomes/", "metrics/"}


def test_key_result_figures_carry_their_unit_and_a_long_unit_is_said_once(site: Path) -> None:
    card = article(read(site, "okrs/units"), "okr-units")
    krs = re.findall(r'<li class="rg-kr">(.*?)</li>', card, re.S)
    figures = [re.findall(r"<dt>(?:From|Current|To)</dt><dd>([^<]*)</dd>", kr) for kr in krs]
    assert figures == [["20%", "38%", "50%"], ["36", "28", "25"]]
    assert "Unit: bugs reported by clinics per month" in krs[1] and "Unit:" not in krs[0]
    # without a unit of its own a key result counts in its metric's (activation: %)
    grow = re.findall(r'<li class="rg-kr">(.*?)</li>', article(read(site, "okrs/grow-activation"), "okr-grow-activation"),
                      re.S)
    assert re.findall(r"<dt>(?:From|Current|To)</dt><dd>([^<]*)</dd>", grow[0]) == ["30%", "37%", "40%"]


def test_key_result_through_its_outcome_counts_in_and_links_the_outcome_metric(site: Path) -> None:
    card = article(read(site, "okrs/via-outcome"), "okr-via-outcome")
    kr = re.findall(r'<li class="rg-kr">(.*?)</li>', card, re.S)[0]
    assert re.findall(r"<dt>(?:From|Current|To)</dt><dd>([^<]*)</dd>", kr) == ["30%", "37%", "40%"]
    assert 'href="../../metrics/activation/"' in kr


def test_kpi_cards_put_every_figure_in_the_same_place_with_a_label(site: Path) -> None:
    html = read(site, "kpis")
    for id in ("kpi-activation", "kpi-arr", "kpi-nps", "kpi-tickets"):
        card = article(html, id)
        figures = re.search(r'<dl class="rg-kpi__figures">(.*?)</dl>', card, re.S).group(1)
        assert re.findall(r"<dt>([^<]+)</dt>", figures) == ["Current", "Target", "Baseline"], id
        details = re.search(r'<dl class="rg-kpi__details">(.*?)</dl>', card, re.S).group(1)
        labels = re.findall(r"<dt>([^<]+)</dt>", details)
        assert labels[0] == "Direction" and all(x[0].isupper() for x in labels), (id, labels)
    assert "<dt>Latest measurement</dt>" in article(html, "kpi-activation")
    assert "<dt>Baseline</dt><dd>—</dd>" in article(html, "kpi-nps")  # not set: a dash in its place


def test_sparklines_have_a_legend_and_their_first_and_last_values(site: Path) -> None:
    card = article(read(site, "kpis"), "kpi-activation")
    ends = re.findall(r'<span class="rg-spark__end"><time datetime="([^"]+)">[^<]+</time> <strong>([^<]+)</strong>',
                      card)
    assert ends == [("2026-03-01", "24%"), ("2026-11-01", "37%")]
    keys = re.findall(r'<span class="rg-spark__key rg-spark__key--(\w+)" aria-hidden="true"></span>(\w+)</li>', card)
    assert keys == [("target", "Target"), ("baseline", "Baseline")]
    nps = article(read(site, "kpis"), "kpi-nps")  # no data: no legend
    assert "rg-spark__legend" not in nps
