"""Tests for roadmap_gen.site.charts: inline SVG charts, bars and data tables."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from roadmap_gen.site import charts
from roadmap_gen.site.charts import (
    SCORE_AMBER, SCORE_GREEN, data_table, format_number, line_chart, progress_bar,
    score_bar, traffic_light,
)

SVG = "{http://www.w3.org/2000/svg}"
CSS = Path(__file__).resolve().parents[1] / "theme" / "assets" / "css" / "charts.css"
HOSTILE = 'Q1 <script>alert("x")</script> & \'quotes\' "double" </title></svg>'

TWELVE = [(date(2026, m, 15), 10 + m * 1.37) for m in range(1, 13)]


def chart(points=TWELVE, **kw):
    args = dict(id_prefix="kr-1", title="Activation rate", description="Share of new users.")
    args.update(kw)
    return line_chart(points, **args)


def parse(markup: str) -> ET.Element:
    """Well-formedness check: raises if the markup is not valid XML."""
    return ET.fromstring(markup)


def svgs(root: ET.Element) -> list[ET.Element]:
    return [root] if root.tag == SVG + "svg" else list(root.iter(SVG + "svg"))


def assert_accessible(svg: ET.Element, prefix: str) -> None:
    assert svg.get("role") == "img"
    title, desc = svg.find(SVG + "title"), svg.find(SVG + "desc")
    assert title is not None and desc is not None
    assert title.get("id") == f"{prefix}-title" and desc.get("id") == f"{prefix}-desc"
    assert svg.get("aria-labelledby").split() == [f"{prefix}-title", f"{prefix}-desc"]
    assert (title.text or "").strip() and (desc.text or "").strip()
    assert "viewBox" in svg.attrib and svg.get("width") == "100%"


def texts(root: ET.Element, cls: str | None = None) -> list[str]:
    return ["".join(el.itertext()) for el in root.iter(SVG + "text")
            if cls is None or cls in (el.get("class") or "").split()]


def by_class(root: ET.Element, cls: str) -> list[ET.Element]:
    return [el for el in root.iter() if cls in (el.get("class") or "").split()]


# ---------------------------------------------------------------- determinism

def test_same_input_same_bytes():
    kw = dict(unit="%", target=30, target_date=date(2027, 3, 1), baseline=10)
    assert chart(**kw) == chart(**kw)
    assert chart(compact=True) == chart(compact=True)
    bar = dict(id_prefix="p", label="L", baseline=1, current=2, target=3, status="at-risk", elapsed=0.5)
    assert progress_bar(**bar) == progress_bar(**bar)
    assert score_bar(0.55, id_prefix="s", label="O") == score_bar(0.55, id_prefix="s", label="O")
    assert data_table(TWELVE, unit="%") == data_table(TWELVE, unit="%")


def test_call_order_and_input_order_do_not_matter():
    a1 = chart(target=25)
    b1 = chart(points=TWELVE[:3], id_prefix="other", compact=True)
    b2 = chart(points=TWELVE[:3], id_prefix="other", compact=True)
    a2 = chart(target=25)
    assert (a1, b1) == (a2, b2)
    shuffled = TWELVE[5:] + TWELVE[:5][::-1]
    assert chart(points=shuffled, target=25) == a1
    assert data_table(shuffled) == data_table(TWELVE)


def test_no_random_or_time_based_ids():
    root = parse(chart(target=25, baseline=9))
    ids = sorted(el.get("id") for el in root.iter() if el.get("id"))
    assert ids == ["kr-1-desc", "kr-1-title"]


def test_id_prefix_is_sanitised_and_must_be_usable():
    root = parse(chart(id_prefix='my kr "1"'))
    assert root.get("aria-labelledby") == "my-kr-1-title my-kr-1-desc"
    assert parse(chart(id_prefix="42")).get("aria-labelledby").startswith("rg-42-title")
    with pytest.raises(ValueError):
        chart(id_prefix="  ")


# ---------------------------------------------------------------- line chart structure

def test_line_chart_is_accessible_well_formed_svg():
    root = parse(chart(unit="%"))
    assert root.tag == SVG + "svg"
    assert_accessible(root, "kr-1")
    assert root.get("viewBox") == "0 0 560 220"
    assert "px" not in root.get("width")
    desc = root.find(SVG + "desc").text
    assert desc.startswith("Share of new users.") and "12 measurements" in desc
    points = by_class(root, "rg-chart__points")[0].findall(SVG + "circle")
    assert len(points) == 12
    assert points[0].find(SVG + "title").text == "Jan 15, 2026: 11.37%"
    assert len(by_class(root, "rg-chart__line")[0].get("points").split()) == 12


def test_y_axis_has_three_to_five_nice_ticks_and_month_labels():
    root = parse(chart(unit="%"))
    y_labels = texts(by_class(root, "rg-chart__axis")[0])
    assert y_labels == ["10%", "15%", "20%", "25%", "30%"]
    x_labels = texts(by_class(root, "rg-chart__axis")[1])
    assert 2 <= len(x_labels) <= 5
    assert all(label[:3] in charts._MONTHS and label[-4:] == "2026" for label in x_labels)


def test_target_line_with_label_and_goal_marker():
    root = parse(chart(unit="%", target=30, target_date=date(2027, 3, 1), direction="up"))
    (line,) = by_class(root, "rg-chart__target")
    assert line.tag == SVG + "line" and line.get("y1") == line.get("y2")
    assert texts(root, "rg-chart__target-label") == ["target 30%"]
    (goal,) = by_class(root, "rg-chart__goal")
    assert goal.find(SVG + "title").text == "target 30% by Mar 1, 2027"
    assert "Target 30% by Mar 1, 2027." in root.find(SVG + "desc").text


def test_baseline_line_and_success_zone_follow_direction():
    up = parse(chart(target=20, baseline=10))
    down = parse(chart(target=20, baseline=10, direction="down"))
    assert texts(up, "rg-chart__baseline-label") == ["baseline 10"]
    target_y = float(by_class(up, "rg-chart__target")[0].get("y1"))
    (zone_up,), (zone_down,) = by_class(up, "rg-chart__zone"), by_class(down, "rg-chart__zone")
    assert float(zone_up.get("y")) + float(zone_up.get("height")) == pytest.approx(target_y)
    assert float(zone_down.get("y")) == pytest.approx(target_y)
    with pytest.raises(ValueError):
        chart(direction="sideways")


def test_no_data_placeholder():
    root = parse(chart(points=[], target=30))
    assert_accessible(root, "kr-1")
    assert texts(root) == ["No data yet"]
    assert "rg-chart--empty" in root.get("class")
    assert "No measurements" in root.find(SVG + "desc").text
    assert not by_class(root, "rg-chart__line")
    compact = parse(chart(points=[], compact=True))
    assert compact.get("viewBox") == "0 0 240 60" and texts(compact) == ["No data yet"]


def test_non_finite_values_count_as_missing():
    root = parse(chart(points=[(date(2026, 1, 1), float("nan")), (date(2026, 2, 1), 5)]))
    assert len(list(root.iter(SVG + "circle"))) == 1


def test_single_point_is_one_centred_marker():
    root = parse(chart(points=[(date(2026, 3, 4), 7.5)], unit="%"))
    (circle,) = root.iter(SVG + "circle")
    grid_line = by_class(root, "rg-chart__grid")[0][0]
    middle = (float(grid_line.get("x1")) + float(grid_line.get("x2"))) / 2
    assert float(circle.get("cx")) == pytest.approx(middle, abs=0.1)
    assert circle.find(SVG + "title").text == "Mar 4, 2026: 7.5%"
    assert not by_class(root, "rg-chart__line")
    assert texts(by_class(root, "rg-chart__axis")[1]) == ["Mar 4, 2026"]


def test_all_equal_values_do_not_divide_by_zero():
    for value in (0, 5, -3):
        points = [(date(2026, m, 1), value) for m in range(1, 5)]
        root = parse(chart(points=points))
        ys = {c.get("cy") for c in root.iter(SVG + "circle")}
        assert len(ys) == 1 and "nan" not in chart(points=points).lower()
        assert 3 <= len(texts(by_class(root, "rg-chart__axis")[0])) <= 5


def test_negative_and_large_values():
    neg = parse(chart(points=[(date(2026, 1, 1), -5), (date(2026, 2, 1), 3)]))
    assert texts(by_class(neg, "rg-chart__axis")[0]) == ["-5", "0", "5"]
    big = parse(chart(points=[(date(2026, 1, 1), 0), (date(2026, 6, 1), 12_000_000)]))
    assert texts(by_class(big, "rg-chart__axis")[0]) == ["0", "5M", "10M", "15M"]
    near = parse(chart(points=[(date(2026, 1, 1), 12_000), (date(2026, 2, 1), 12_150)]))
    labels = texts(by_class(near, "rg-chart__axis")[0])
    assert len(set(labels)) == len(labels) and all(lab.endswith("k") for lab in labels)


def test_compact_sparkline_has_no_axis_text():
    root = parse(chart(compact=True, target=30, baseline=10))
    assert root.get("viewBox") == "0 0 240 60"
    assert "rg-chart--compact" in root.get("class")
    assert texts(root) == []
    assert by_class(root, "rg-chart__target")[0].find(SVG + "title").text == "target 30"


def test_typical_twelve_point_chart_stays_small():
    markup = chart(unit="%", target=30, target_date=date(2027, 3, 1), baseline=10)
    assert len(markup.encode("utf-8")) < 6 * 1024


@settings(max_examples=60, deadline=None, database=None)
@given(st.lists(st.tuples(st.dates(date(2000, 1, 1), date(2100, 1, 1)),
                          st.floats(-1e9, 1e9, allow_nan=False)), max_size=30),
       st.none() | st.floats(-1e9, 1e9, allow_nan=False), st.booleans())
def test_any_series_renders_valid_svg(points, target, compact):
    markup = chart(points=points, target=target, compact=compact)
    root = parse(markup)
    assert_accessible(root, "kr-1")
    assert "nan" not in markup.lower() and "inf" not in markup.lower()
    if points and not compact:
        assert 3 <= len(texts(by_class(root, "rg-chart__axis")[0])) <= 5
        assert 1 <= len(texts(by_class(root, "rg-chart__axis")[1])) <= 5


# ---------------------------------------------------------------- escaping

def test_hostile_text_is_escaped_everywhere():
    outputs = [
        chart(title=HOSTILE, description=HOSTILE, unit="<b>", target=3),
        chart(points=[], title=HOSTILE, description=HOSTILE),
        progress_bar(id_prefix="p", label=HOSTILE, baseline=0, current=1, target=2,
                     status="on-track", unit="<i>"),
        score_bar(0.5, id_prefix="s", label=HOSTILE),
        data_table([(date(2026, 1, 1), 1, HOSTILE)], unit='"', caption=HOSTILE),
    ]
    for markup in outputs:
        assert "<script" not in markup and "<b>" not in markup and "<i>" not in markup
        root = parse(markup)  # the hostile closing tags did not break the structure
        assert HOSTILE in "".join(root.itertext())
    title = parse(outputs[0]).find(SVG + "title")
    assert title.text == HOSTILE


# ---------------------------------------------------------------- progress bar

def bar(**kw):
    args = dict(id_prefix="p1", label="Activation", baseline=10, current=14, target=20,
                status="on-track", unit="%")
    args.update(kw)
    return progress_bar(**args)


def fill_width(root: ET.Element, cls: str = "rg-progress__fill") -> float | None:
    found = by_class(root, cls)
    return float(found[0].get("width")) if found else None


def test_progress_bar_structure_status_text_and_values():
    root = parse(bar(elapsed=0.62))
    assert "rg-progress--on-track" in root.get("class").split()
    assert by_class(root, "rg-progress__status")[0].text == "On track"
    (svg,) = svgs(root)
    assert_accessible(svg, "p1")
    assert fill_width(root) == 40
    (marker,) = by_class(root, "rg-progress__elapsed")
    assert marker.get("x1") == "62" and marker.find(SVG + "title").text == "62% of time elapsed"
    values = [el.text for el in by_class(root, "rg-progress__values")[0]]
    assert values == ["Baseline 10%", "Current 14%", "Target 20%"]
    assert "40% of the way" in svg.find(SVG + "desc").text


@pytest.mark.parametrize("status", sorted(charts.STATUSES))
def test_every_status_has_class_and_visible_word(status):
    root = parse(bar(status=status))
    assert f"rg-progress--{status}" in root.get("class").split()
    assert by_class(root, "rg-progress__status")[0].text == charts.STATUSES[status]
    with pytest.raises(ValueError):
        bar(status="green")


def test_progress_direction_down_and_clamping():
    assert fill_width(parse(bar(baseline=200, current=150, target=100, direction="down"))) == 50
    assert fill_width(parse(bar(baseline=200, current=250, target=100, direction="down"))) == 0
    assert fill_width(parse(bar(baseline=200, current=80, target=100, direction="down"))) == 100
    assert fill_width(parse(bar(current=25))) == 100
    assert fill_width(parse(bar(current=5))) == 0
    assert fill_width(parse(bar(baseline=None, current=25))) == 100
    assert fill_width(parse(bar(baseline=None))) is None
    assert fill_width(parse(bar(baseline=20, target=20, current=20))) == 100
    marker = by_class(parse(bar(elapsed=1.7)), "rg-progress__elapsed")[0]
    assert marker.get("x1") == "100"


def test_progress_no_data_is_an_empty_bar_with_text():
    root = parse(bar(current=None, status="no-data", elapsed=0.3))
    assert fill_width(root) is None
    assert by_class(root, "rg-progress__status")[0].text == "No data"
    assert by_class(root, "rg-progress__current")[0].text == "Current \u2014"
    assert by_class(root, "rg-progress__track")


def test_progress_bar_size():
    assert len(bar(elapsed=0.62).encode("utf-8")) < 1500


# ---------------------------------------------------------------- score bar

@pytest.mark.parametrize("score, light", [
    (None, "none"), (float("nan"), "none"), (0.0, "red"), (0.39, "red"), (0.4, "amber"),
    (SCORE_AMBER, "amber"), (0.69, "amber"), (0.7, "green"), (SCORE_GREEN, "green"),
    (1.0, "green"), (-0.5, "red"), (1.5, "green"), (0.1 * 7, "green"), (0.3 + 0.1, "amber"),
])
def test_traffic_light_thresholds(score, light):
    assert traffic_light(score) == light


def test_score_constants():
    assert (SCORE_GREEN, SCORE_AMBER) == (0.7, 0.4)


def test_score_bar_text_class_and_clamping():
    root = parse(score_bar(0.65, id_prefix="o1", label="Objective"))
    assert "rg-score--amber" in root.get("class").split()
    assert by_class(root, "rg-score__value")[0].text == "0.65"
    assert by_class(root, "rg-score__status")[0].text == "at risk"
    assert_accessible(svgs(root)[0], "o1")
    assert fill_width(root, "rg-score__fill") == 65
    assert fill_width(parse(score_bar(-0.3, id_prefix="a", label="x")), "rg-score__fill") == 0
    high = parse(score_bar(1.4, id_prefix="b", label="x"))
    assert fill_width(high, "rg-score__fill") == 100
    assert by_class(high, "rg-score__status")[0].text == "on track"
    assert by_class(parse(score_bar(0.7, id_prefix="c", label="x")), "rg-score__value")[0].text == "0.70"


def test_score_bar_without_score():
    root = parse(score_bar(None, id_prefix="o1", label="Objective"))
    assert "rg-score--none" in root.get("class").split()
    assert fill_width(root, "rg-score__fill") is None
    assert by_class(root, "rg-score__status")[0].text == "no score"


# ---------------------------------------------------------------- data table

def test_data_table_is_accessible():
    points = [(date(2026, 2, 1), 12_000_000, "launch"), (date(2026, 1, 1), 0.25, "")]
    root = parse(data_table(points, caption="Weekly actives"))
    assert root.tag == "table" and root.find("caption").text == "Weekly actives"
    heads = root.findall("./thead/tr/th")
    assert [h.text for h in heads] == ["Date", "Value", "Note"]
    assert all(h.get("scope") == "col" for h in heads)
    rows = root.findall("./tbody/tr")
    assert [r.find("th/time").get("datetime") for r in rows] == ["2026-01-01", "2026-02-01"]
    assert [r.findall("td")[0].text for r in rows] == ["0.25", "12,000,000"]
    assert rows[1].findall("td")[1].text == "launch"


def test_data_table_without_notes_or_points():
    root = parse(data_table([(date(2026, 1, 1), 12.5)], unit="%"))
    assert [h.text for h in root.findall("./thead/tr/th")] == ["Date", "Value"]
    assert root.find("./tbody/tr/td").text == "12.5%"
    empty = parse(data_table([], caption="c"))
    assert "".join(empty.find("tbody").itertext()) == "No data yet"


# ---------------------------------------------------------------- format_number

@pytest.mark.parametrize("value, unit, expected", [
    (12.5, "%", "12.5%"), (3, "", "3"), (0.25, "", "0.25"), (12_000_000, "", "12M"),
    (1500, "", "1.5k"), (-1500, "", "-1.5k"), (0, "", "0"), (-0.0, "", "0"),
    (999_960, "", "1M"), (2.5e9, "", "2.5B"), (0.001, "", "0.001"), (-0.0001, "", "-0.0001"),
    (1e-9, "", "0"), (12.345, "", "12.35"), (100, "x", "100x"), (250, "ms", "250 ms"),
    (7, " users", "7 users"), (float("nan"), "%", "n/a"), (None, "", "n/a"),
])
def test_format_number(value, unit, expected):
    assert format_number(value, unit) == expected


# ---------------------------------------------------------------- stylesheet

def test_stylesheet_has_theme_print_and_status_rules():
    css = CSS.read_text(encoding="utf-8")
    for needle in ('[data-md-color-scheme="slate"]', "@media print", "var(--md-default-fg-color",
                   "var(--md-primary-fg-color", ".rg-chart", ".rg-progress", ".rg-score"):
        assert needle in css
    for status in charts.STATUSES:
        assert f"--rg-status-{status}:" in css and f".rg-progress--{status}" in css
    for light in ("green", "amber", "red", "none"):
        assert f".rg-score--{light}" in css
    assert "@import" not in css and "url(" not in css  # no external fonts or CDN


def test_module_is_standard_library_only():
    """Charts use the standard library, the OKR scoring rules of compile/ and each other, nothing else."""
    modules = ("charts", "chart_words", "chart_numbers", "chart_parts")
    siblings = {f"roadmap_gen.site.{name}" for name in modules}
    used: set[str] = set()
    for name in modules:
        source = (Path(charts.__file__).parent / f"{name}.py").read_text(encoding="utf-8")
        imports = {line.split()[1] for line in source.splitlines() if line.startswith(("import ", "from "))}
        assert {i.split(".")[0] for i in imports} <= {"__future__", "html", "math", "re", "datetime", "typing",
                                                      "roadmap_gen"}, name
        assert {i for i in imports if i.startswith("roadmap_gen")} <= {"roadmap_gen.compile.okr"} | siblings, name
        assert not imports & {"random", "uuid", "time", "locale", "secrets"}, name
        assert "http" not in source.replace("http://www.w3.org/2000/svg", ""), name  # no CDN or fonts
        used |= imports
    assert "roadmap_gen.compile.okr" in used
