"""The compute pass: staleness, outcome status, OKR scores and periods, review, as_of."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from conftest import compile_roadmap, make_roadmap, messages
from roadmap_gen.format import model as m
from roadmap_gen.compile.compute import clamp01, period_state, resolve_as_of, traffic_light

R = "title: T\nvision: V\nmission: M\n"


def metric_yaml(id="m1", direction="up", baseline=None, target=None, review=None):
    text = f"  - id: {id}\n    title: {id}\n    category: customer\n    direction: {direction}\n"
    if baseline:
        text += f"    baseline: {{value: {baseline[0]}, date: {baseline[1]}}}\n"
    if target:
        text += f"    target: {{value: {target[0]}, by: {target[1]}}}\n"
    if review:
        text += f"    review: {review}\n"
    return text


def series(*rows):
    return "date,value\n" + "".join(f"{d},{v}\n" for d, v in rows)


def figures(tmp_path, files, as_of):
    result = compile_roadmap(make_roadmap(tmp_path, files), as_of=as_of)
    assert result.ok, "\n".join(messages(result))
    return result.figures


# -- metrics -------------------------------------------------------------------------

@pytest.mark.parametrize("review, last, boundary", [
    ("weekly", "2026-03-10", date(2026, 3, 17)),
    ("monthly", "2026-01-31", date(2026, 2, 28)),  # month end clamps
    ("quarterly", "2026-01-15", date(2026, 4, 15)),
    ("yearly", "2024-02-29", date(2025, 2, 28)),
    ("10 days", "2026-03-01", date(2026, 3, 11)),
    ("2 weeks", "2026-03-01", date(2026, 3, 15)),
    ("2 months", "2026-03-31", date(2026, 5, 31)),
])
def test_metric_stale_exactly_at_boundary_and_one_day_after(tmp_path, review, last, boundary):
    files = {"metrics.yml": "metrics:\n" + metric_yaml(review=review),
             "metrics/m1.csv": series(("2020-01-01", 1), (last, 7.5))}
    at = figures(tmp_path, files, boundary).metrics["m1"]
    assert (at.current, at.current_date, at.stale, at.next_due) == (7.5, date.fromisoformat(last), False, boundary)
    after = compile_roadmap(make_roadmap(tmp_path, files), as_of=date.fromordinal(boundary.toordinal() + 1))
    assert after.figures.metrics["m1"].stale is True


def test_metric_without_review_is_never_stale(tmp_path):
    files = {"metrics.yml": "metrics:\n" + metric_yaml(), "metrics/m1.csv": series(("2020-01-01", 3))}
    mf = figures(tmp_path, files, date(2030, 1, 1)).metrics["m1"]
    assert (mf.current, mf.stale, mf.next_due) == (3, False, None)


def test_metric_without_data_has_no_current(tmp_path):
    mf = figures(tmp_path, {"metrics.yml": "metrics:\n" + metric_yaml(review="weekly")}, date(2026, 1, 1)).metrics["m1"]
    assert (mf.current, mf.current_date, mf.stale) == (None, None, False)


# -- outcome progress and status ---------------------------------------------------------
# baseline 0 on 2026-01-01, target 100 by 2026-01-21: on 2026-01-11 half the time has gone.

HALF = date(2026, 1, 11)


def outcome_files(current, direction="up", baseline=0, target=100, extra="", data=True):
    files = {
        "metrics.yml": "metrics:\n" + metric_yaml(direction=direction, baseline=(baseline, "2026-01-01"),
                                                  target=(target, "2026-01-21")),
        "outcomes/o.md": f"---\ntitle: O\nstage: onboard\nmetric: m1\n{extra}---\n",
    }
    if data:
        files["metrics/m1.csv"] = series(("2026-01-05", current))
    return files


@pytest.mark.parametrize("current, status", [
    (100, "achieved"), (130, "achieved"),
    (45, "on-track"), (40, "on-track"),  # trails elapsed time by at most 0.10
    (30, "at-risk"), (26, "at-risk"),  # by at most 0.25
    (20, "off-track"), (-5, "off-track"),
])
def test_outcome_status_before_deadline(tmp_path, current, status):
    p = figures(tmp_path, outcome_files(current), HALF).outcomes["o"]
    assert p.status == status
    assert p.elapsed == pytest.approx(0.5)
    assert p.progress == pytest.approx(current / 100)
    assert (p.baseline, p.current, p.target, p.start, p.by) == (0, current, 100, date(2026, 1, 1), date(2026, 1, 21))


def test_outcome_off_track_once_deadline_passed(tmp_path):
    files = outcome_files(95)
    assert figures(tmp_path, files, date(2026, 1, 21)).outcomes["o"].status == "on-track"  # the deadline day itself
    assert figures(tmp_path, files, date(2026, 1, 22)).outcomes["o"].status == "off-track"


def test_outcome_achieved_even_after_deadline(tmp_path):
    assert figures(tmp_path, outcome_files(100), date(2027, 1, 1)).outcomes["o"].status == "achieved"


@pytest.mark.parametrize("current, status", [
    (10, "achieved"), (5, "achieved"), (55, "on-track"), (70, "at-risk"), (90, "off-track"), (120, "off-track"),
])
def test_outcome_direction_down_counts_progress_downwards(tmp_path, current, status):
    files = outcome_files(current, direction="down", baseline=100, target=10)
    # from 100 towards 10: 90 to go; progress = (100 - current) / 90
    p = figures(tmp_path, files, HALF).outcomes["o"]
    assert p.progress == pytest.approx((100 - current) / 90)
    assert p.status == status


def test_outcome_no_data_without_measurements(tmp_path):
    p = figures(tmp_path, outcome_files(0, data=False), HALF).outcomes["o"]
    assert (p.status, p.progress, p.current) == ("no-data", None, None)


def test_outcome_no_data_without_target(tmp_path):
    files = {"metrics.yml": "metrics:\n" + metric_yaml(baseline=(0, "2026-01-01")),
             "metrics/m1.csv": series(("2026-01-05", 50)),
             "outcomes/o.md": "---\ntitle: O\nstage: onboard\nmetric: m1\n---\n"}
    assert figures(tmp_path, files, HALF).outcomes["o"].status == "no-data"


def test_outcome_target_and_deadline_override_the_metric(tmp_path):
    files = outcome_files(50, extra="target: 50\nby: 2026-01-06\n")
    p = figures(tmp_path, files, HALF).outcomes["o"]
    assert (p.target, p.by, p.status) == (50, date(2026, 1, 6), "achieved")
    files = outcome_files(40, extra="target: 50\nby: 2026-01-06\n")
    assert figures(tmp_path, files, HALF).outcomes["o"].status == "off-track"  # overriding deadline passed


def test_outcome_baseline_falls_back_to_first_measurement(tmp_path):
    files = {"metrics.yml": "metrics:\n" + metric_yaml(target=(100, "2026-01-21")),
             "metrics/m1.csv": series(("2026-01-01", 20), ("2026-01-10", 60)),
             "outcomes/o.md": "---\ntitle: O\nstage: onboard\nmetric: m1\n---\n"}
    p = figures(tmp_path, files, HALF).outcomes["o"]
    assert (p.baseline, p.start, p.current) == (20, date(2026, 1, 1), 60)
    assert p.progress == pytest.approx(0.5) and p.status == "on-track"


# -- OKRs ----------------------------------------------------------------------------------

def okr_files(*key_results, period="2026-Q4", metrics=""):
    krs = "".join(f"  - title: K{i}\n" + "".join(f"    {k}: {v}\n" for k, v in kr.items())
                  for i, kr in enumerate(key_results))
    files = {"okrs/o.yml": f"objective: O\nperiod: {period}\nkey_results:\n{krs}"}
    if metrics:
        files["metrics.yml"] = "metrics:\n" + metrics
    return files


@pytest.mark.parametrize("current, score", [(-5, 0.0), (0, 0.0), (5, 0.5), (10, 1.0), (25, 1.0)])
def test_key_result_score_clamped(tmp_path, current, score):
    f = figures(tmp_path, okr_files({"from": 0, "to": 10, "current": current}), date(2026, 11, 1)).okrs["o"]
    assert f.key_results[0].score == pytest.approx(score)
    assert f.key_results[0].current == current
    assert f.score == pytest.approx(score)


def test_key_result_score_with_decreasing_target(tmp_path):
    f = figures(tmp_path, okr_files({"from": 50, "to": 10, "current": 40}), date(2026, 11, 1)).okrs["o"]
    assert f.key_results[0].score == pytest.approx(0.25)


def test_objective_score_is_mean_of_key_results(tmp_path):
    files = okr_files({"from": 0, "to": 10, "current": 2}, {"from": 0, "to": 10, "current": 6},
                      {"from": 0, "to": 10, "current": 30})
    f = figures(tmp_path, files, date(2026, 11, 1)).okrs["o"]
    assert [k.score for k in f.key_results] == pytest.approx([0.2, 0.6, 1.0])
    assert f.score == pytest.approx(0.6)
    assert f.light == "amber"


def test_key_result_current_comes_from_metric_data(tmp_path):
    files = okr_files({"metric": "m1", "from": 0, "to": 10, "current": 1},
                      metrics=metric_yaml())
    files["metrics/m1.csv"] = series(("2026-10-01", 3), ("2026-10-15", 8))
    f = figures(tmp_path, files, date(2026, 11, 1)).okrs["o"]
    kr = f.key_results[0]
    assert (kr.current, kr.from_metric) == (8, True)
    assert kr.score == pytest.approx(0.8)


def test_key_result_without_data_is_left_out_of_the_mean(tmp_path):
    files = okr_files({"metric": "m1", "from": 0, "to": 10}, {"from": 0, "to": 10, "current": 4},
                      metrics=metric_yaml())
    f = figures(tmp_path, files, date(2026, 11, 1)).okrs["o"]
    assert f.key_results[0].score is None
    assert f.score == pytest.approx(0.4)
    files = okr_files({"metric": "m1", "from": 0, "to": 10}, metrics=metric_yaml())
    f = figures(tmp_path, files, date(2026, 11, 1)).okrs["o"]
    assert (f.score, f.light) == (None, "none")


@pytest.mark.parametrize("score, light", [(0.7, "green"), (0.69, "amber"), (0.4, "amber"), (0.39, "red"),
                                          (0.0, "red"), (None, "none")])
def test_traffic_light(score, light):
    assert traffic_light(score) == light


def test_clamp01():
    assert (clamp01(-0.1), clamp01(0.3), clamp01(1.7)) == (0.0, 0.3, 1.0)


@pytest.mark.parametrize("period, start, end", [
    ("2026", date(2026, 1, 1), date(2026, 12, 31)),
    ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31)),
    ("2026-Q4", date(2026, 10, 1), date(2026, 12, 31)),
    ("2026-02", date(2026, 2, 1), date(2026, 2, 28)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2026-12", date(2026, 12, 1), date(2026, 12, 31)),
])
def test_okr_period_past_current_future(tmp_path, period, start, end):
    p = m.Period.parse(period)
    assert (p.start, p.end) == (start, end)
    day = lambda d, n: date.fromordinal(d.toordinal() + n)  # noqa: E731
    assert period_state(p, day(start, -1)) == "future"
    assert period_state(p, start) == "current"
    assert period_state(p, end) == "current"
    assert period_state(p, day(end, 1)) == "past"
    files = okr_files({"from": 0, "to": 1, "current": 1}, period=period)
    for as_of, state in ((day(start, -1), "future"), (end, "current"), (day(end, 1), "past")):
        assert figures(tmp_path, files, as_of).okrs["o"].period_state == state


# -- VMGS review ---------------------------------------------------------------------------

@pytest.mark.parametrize("every, due", [("3 months", date(2026, 9, 1)), ("monthly", date(2026, 7, 1)),
                                        ("2 weeks", date(2026, 6, 15)), ("yearly", date(2027, 6, 1))])
def test_review_overdue(tmp_path, every, due):
    files = {"roadmap.yml": R + f"review: {{last: 2026-06-01, every: {every}}}\n"}
    f = figures(tmp_path, files, due)
    assert (f.review_due, f.review_overdue) == (due, False)
    assert figures(tmp_path, files, date.fromordinal(due.toordinal() + 1)).review_overdue is True


def test_no_review_is_never_overdue(tmp_path):
    f = figures(tmp_path, {}, date(2099, 1, 1))
    assert (f.review_due, f.review_overdue) == (None, False)


def test_far_future_dates_do_not_crash(tmp_path):
    files = {"roadmap.yml": R + "review: {last: 9999-12-01, every: monthly}\n",
             "metrics.yml": "metrics:\n" + metric_yaml(review="weekly"),
             "metrics/m1.csv": series(("9999-12-30", 1))}
    f = figures(tmp_path, files, date(2026, 1, 1))
    assert f.review_overdue is False and f.metrics["m1"].stale is False


@pytest.mark.parametrize("every", ["999999999 days", "99999999999 months", "9999999 weeks"])
def test_huge_cadence_does_not_crash(tmp_path, every):
    f = figures(tmp_path, {"roadmap.yml": R + f"review: {{last: 2026-01-01, every: {every}}}\n"}, date(2026, 6, 1))
    assert f.review_overdue is False


# -- as_of -------------------------------------------------------------------------------------

def test_as_of_from_option_wins():
    env = {"SOURCE_DATE_EPOCH": "0"}
    assert resolve_as_of("2026-03-04", env) == date(2026, 3, 4)
    assert resolve_as_of(" 2026-03-04 ", env) == date(2026, 3, 4)
    assert resolve_as_of(date(2026, 3, 4), env) == date(2026, 3, 4)
    assert resolve_as_of(datetime(2026, 3, 4, 23, 59), env) == date(2026, 3, 4)


def test_as_of_from_source_date_epoch():
    assert resolve_as_of(None, {"SOURCE_DATE_EPOCH": "1767225600"}) == date(2026, 1, 1)
    assert resolve_as_of(None, {"SOURCE_DATE_EPOCH": "1767225599"}) == date(2025, 12, 31)  # UTC, not local
    assert resolve_as_of("", {"SOURCE_DATE_EPOCH": "1767225600"}) == date(2026, 1, 1)


def test_as_of_from_process_environment(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert resolve_as_of() == date(2026, 1, 1)


def test_as_of_defaults_to_today_utc(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = datetime.now(timezone.utc).date()
    got = resolve_as_of()
    after = datetime.now(timezone.utc).date()
    assert got in (before, after)
    assert resolve_as_of(None, {}) in (before, after)


@pytest.mark.parametrize("option", ["2026-13-01", "20261125", "2026-W48-3", "2026-11-25T10:00", 20261125, 2026.5])
def test_as_of_bad_option_raises_value_error(option):
    with pytest.raises(ValueError):
        resolve_as_of(option, {"SOURCE_DATE_EPOCH": "0"})


def test_as_of_bad_source_date_epoch_raises_value_error():
    with pytest.raises(ValueError):
        resolve_as_of(None, {"SOURCE_DATE_EPOCH": "yesterday"})


# -- extreme numbers -----------------------------------------------------------------------------

@pytest.mark.parametrize("baseline, target, current", [
    ("-1" + "0" * 308, "-" + "9" * 308, "1" + "0" * 308),  # integers: their ratio does not fit a float
    ("0", "1e-300", "1e150"),  # floats: the ratio overflows to inf
])
def test_extreme_magnitudes_neither_crash_nor_break_the_json(tmp_path, baseline, target, current):
    import json

    from roadmap_gen.site.export import roadmap_data, to_json

    files = {"metrics.yml": "metrics:\n" + metric_yaml(baseline=(baseline, "2026-01-01"), target=(target, "2026-12-31")),
             "metrics/m1.csv": series(("2026-02-01", current)),
             "outcomes/o.md": "---\ntitle: O\nstage: onboard\nmetric: m1\n---\n",
             "okrs/o.yml": f"objective: O\nperiod: 2026\nkey_results:\n  - title: K\n    from: {baseline}\n"
                           f"    to: {target}\n    current: {current}\n"}
    result = compile_roadmap(make_roadmap(tmp_path, files), as_of=date(2026, 6, 1))
    assert result.ok, messages(result)

    def refuse(constant):
        raise ValueError(f"not JSON: {constant}")

    data = json.loads(to_json(roadmap_data(result.roadmap, result.figures)), parse_constant=refuse)
    assert data["outcomes"][0]["status"] == "no-data"  # a progress that no float can hold is no figure
    assert data["okrs"][0]["key_results"][0]["score"] is None


def test_key_result_unit_of_its_own_or_its_metrics(tmp_path):
    files = okr_files({"from": 20, "to": 50, "current": 38, "unit": '"%"'},
                      {"metric": "m1", "from": 0, "to": 10, "unit": "days"}, {"metric": "m1", "from": 0, "to": 10},
                      metrics=metric_yaml() + "    unit: \"%\"\n")
    compiled = compile_roadmap(make_roadmap(tmp_path, files))
    assert [kr.unit for kr in compiled.roadmap.okrs[0].key_results] == ["%", "days", None]
    assert messages(compiled) == []
