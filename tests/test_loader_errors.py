"""One test per defect class: each is reported at its exact path:line:column."""
from __future__ import annotations

import json
import time

import pytest

from conftest import compile_roadmap, make_roadmap, messages, run_cli
from roadmap_gen.format.yamlsrc import MAX_FILE_BYTES

R = "title: Test roadmap\nvision: A vision.\nmission: A mission.\n"
M1 = "metrics:\n  - id: m1\n    title: M\n    category: business\n"
THEME = "---\ntitle: T\nstage: onboard\nhorizon: now\n---\n"


def diags_of(tmp_path, files):
    return messages(compile_roadmap(make_roadmap(tmp_path, files)))


def find(diags: list[str], loc: str, key: str) -> str:
    """The diagnostic at exactly ``loc`` whose message contains ``key``."""
    hits = [d for d in diags if d.startswith(loc + ": ") and key in d[len(loc) + 2:]]
    assert hits, f"no diagnostic at {loc} containing {key!r}; got:\n" + "\n".join(diags)
    return hits[0]


def only(diags: list[str], loc: str, key: str) -> str:
    """Like find, and it must be the only diagnostic of the run."""
    d = find(diags, loc, key)
    assert diags == [d], "expected exactly one diagnostic, got:\n" + "\n".join(diags)
    return d


# -- YAML itself -------------------------------------------------------------------

def test_yaml_syntax_error_is_located_and_alone(tmp_path):
    diags = diags_of(tmp_path, {"roadmap.yml": "title: x\nvision: [a, b\nmission: m\n"})
    # a file that cannot be parsed contributes nothing but its own error
    only(diags, "content/roadmap.yml:2:9", "YAML syntax error: a `[` list opened here")  # at the `[`


def test_yaml_syntax_error_in_front_matter_counts_file_lines(tmp_path):
    diags = diags_of(tmp_path, {"themes/t.md": "---\ntitle: T\nstage: [onboard\nhorizon: now\n---\n"})
    only(diags, "content/themes/t.md:3:8", "YAML syntax error")


@pytest.mark.parametrize("text, loc, words", [
    # something left open points at where it was opened, not past the last line
    ("title: x\nvision: [a, b", "content/roadmap.yml:2:9", "a `[` list opened here is not closed with `]`"),
    ("title: x\nvision: [a, b\n", "content/roadmap.yml:2:9", "a `[` list opened here is not closed with `]`"),
    ('title: x\nvision: "unterminated', "content/roadmap.yml:2:9", "a quote opened here is never closed"),
    ("title: x\nvision: {a: b\n\n", "content/roadmap.yml:2:9", "a `{` opened here is not closed with `}`"),
])
def test_yaml_error_at_the_end_of_a_file_is_inside_the_file(tmp_path, text, loc, words):
    diags = diags_of(tmp_path, {"roadmap.yml": text})
    d = only(diags, loc, "YAML syntax error")
    assert words in d
    lines = text.rstrip().count("\n") + 1
    assert int(loc.split(":")[1]) <= lines


def test_tab_in_indentation(tmp_path):
    diags = diags_of(tmp_path, {"journey.yml": "stages:\n  - id: onboard\n  \ttitle: Onboard\n"})
    only(diags, "content/journey.yml:3:3", "tab character in indentation")


def test_duplicate_key_reported_at_second_key(tmp_path):
    diags = diags_of(tmp_path, {"roadmap.yml": R + "title: Again\n"})
    assert only(diags, "content/roadmap.yml:4:1", "duplicate key `title`").endswith("(first at line 1)")


def test_duplicate_key_in_front_matter_reported_at_second_key(tmp_path):
    diags = diags_of(tmp_path, {"themes/t.md": "---\ntitle: T\nstage: onboard\nhorizon: now\nstage: onboard\n---\n"})
    only(diags, "content/themes/t.md:5:1", "duplicate key `stage` (first at line 3)")


def test_anchor_and_alias_refused(tmp_path):
    diags = diags_of(tmp_path, {"roadmap.yml": "title: &t Test\nvision: *t\nmission: m\n"})
    find(diags, "content/roadmap.yml:1:8", "YAML anchor `&t` is not allowed")
    find(diags, "content/roadmap.yml:2:9", "YAML alias `*t` is not allowed")


@pytest.mark.parametrize("tag, shown", [("!custom", "!custom"), ("!!python/object:os.system", "!!python/object:os.system"),
                                        ("!!str", "!!str")])
def test_tags_refused(tmp_path, tag, shown):
    diags = diags_of(tmp_path, {"roadmap.yml": f"title: Test\nvision: {tag} v\nmission: m\n"})
    only(diags, "content/roadmap.yml:2:9", f"YAML tag `{shown}` is not allowed")


def test_alias_bomb_fails_fast(tmp_path):
    bomb = 'lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(1, 10):  # 9 levels of 9 aliases each: 9**10 strings if expanded
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        bomb += f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]\n"
    root = make_roadmap(tmp_path, {"roadmap.yml": R + bomb})
    t0 = time.perf_counter()
    result = compile_roadmap(root)
    elapsed = time.perf_counter() - t0
    assert elapsed < 1.0, f"alias bomb took {elapsed:.2f} s"
    diags = messages(result)
    find(diags, "content/roadmap.yml:4:6", "YAML anchor `&a` is not allowed")
    find(diags, "content/roadmap.yml:5:8", "YAML alias `*a` is not allowed")
    assert len(diags) < 100  # reporting is bounded too


def test_only_one_document(tmp_path):
    diags = diags_of(tmp_path, {"roadmap.yml": R + "---\ntitle: Other\n"})
    only(diags, "content/roadmap.yml:4:1", "only one YAML document")


def test_control_character_is_located_on_one_line(tmp_path):
    diags = diags_of(tmp_path, {"roadmap.yml": R + "goals:\n  - id: g\n    title: \"G\x01\"\n"})
    d = only(diags, "content/roadmap.yml:6:14", "character U+0001 is not allowed in YAML")
    assert "\n" not in d


# -- files -------------------------------------------------------------------------

def test_file_over_size_cap(tmp_path):
    data = R + "# " + "x" * MAX_FILE_BYTES + "\n"
    diags = diags_of(tmp_path, {"roadmap.yml": data})
    only(diags, "content/roadmap.yml:1:1", f"over the {MAX_FILE_BYTES:,}-byte limit")


def test_file_at_size_cap_is_accepted(tmp_path):
    pad = MAX_FILE_BYTES - len(R) - 3
    data = R + "# " + "x" * pad + "\n"
    assert len(data.encode()) == MAX_FILE_BYTES
    assert diags_of(tmp_path, {"roadmap.yml": data}) == []


def test_markdown_file_over_size_cap(tmp_path):
    diags = diags_of(tmp_path, {"themes/t.md": THEME + "x" * MAX_FILE_BYTES})
    only(diags, "content/themes/t.md:1:1", "-byte limit")


def test_non_utf8_file(tmp_path):
    diags = diags_of(tmp_path, {"roadmap.yml": b"title: Test\nvision: caf\xe9\nmission: m\n"})
    only(diags, "content/roadmap.yml:2:12", "not UTF-8 (byte 0xe9)")


def test_utf8_bom_is_accepted(tmp_path):
    assert diags_of(tmp_path, {"roadmap.yml": b"\xef\xbb\xbf" + R.encode()}) == []


def test_front_matter_not_closed(tmp_path):
    diags = diags_of(tmp_path, {"themes/t.md": "---\ntitle: T\nstage: onboard\nhorizon: now\n"})
    only(diags, "content/themes/t.md:1:1", "front matter is not closed")


def test_front_matter_missing(tmp_path):
    diags = diags_of(tmp_path, {"themes/t.md": "title: T\nstage: onboard\nhorizon: now\n"})
    only(diags, "content/themes/t.md:1:1", "missing front matter")


def test_missing_roadmap_yml(tmp_path):
    diags = diags_of(tmp_path, {"roadmap.yml": None})
    only(diags, "content/roadmap.yml:1:1", "missing roadmap.yml")


def test_missing_journey_yml(tmp_path):
    diags = diags_of(tmp_path, {"journey.yml": None})
    only(diags, "content/journey.yml:1:1", "missing journey.yml")


def test_unknown_folder_in_content(tmp_path):
    diags = diags_of(tmp_path, {"hypothesis/x.md": THEME})
    d = only(diags, "content/hypothesis:1:1", "unknown folder `hypothesis`")
    assert "did you mean `hypotheses`?" in d


def test_wrong_file_extension_in_folder(tmp_path):
    diags = diags_of(tmp_path, {"okrs/o.yaml": "objective: O\n"})
    only(diags, "content/okrs/o.yaml:1:1", "rename it to o.yml")


# -- fields ------------------------------------------------------------------------

def test_unknown_key_did_you_mean(tmp_path):
    diags = diags_of(tmp_path, {"themes/t.md": "---\ntitle: T\nstage: onboard\nhorizen: now\n---\n"})
    find(diags, "content/themes/t.md:4:1", "unknown key `horizen` in theme (did you mean `horizon`?)")
    find(diags, "content/themes/t.md:2:1", "missing required field `horizon`")
    assert len(diags) == 2


def test_unknown_key_without_near_match_lists_the_keys(tmp_path):
    diags = diags_of(tmp_path, {"roadmap.yml": R + "zzz: 1\n"})
    only(diags, "content/roadmap.yml:4:1", "unknown key `zzz` in roadmap; expected one of: title, vision, mission")


def test_missing_required_field_in_yaml(tmp_path):
    diags = diags_of(tmp_path, {"roadmap.yml": "title: T\nvision: V\n"})
    only(diags, "content/roadmap.yml:1:1", "missing required field `mission` in roadmap")


def test_missing_required_field_in_front_matter(tmp_path):
    text = ("---\ntitle: H\nstage: onboard\nhorizon: now\nwill_result_in: more\nwe_will_know_when: soon\n"
            "status: idea\n---\n")
    diags = diags_of(tmp_path, {"hypotheses/h.md": text})
    only(diags, "content/hypotheses/h.md:2:1", "missing required field `we_believe` in hypothesis")


def test_missing_required_field_in_list_entry(tmp_path):
    diags = diags_of(tmp_path, {"journey.yml": "stages:\n  - id: onboard\n  - id: grow\n    title: Grow\n"})
    only(diags, "content/journey.yml:2:5", "missing required field `title` in stage")


def test_required_field_empty(tmp_path):
    diags = diags_of(tmp_path, {"roadmap.yml": "title:\nvision: V\nmission: M\n"})
    only(diags, "content/roadmap.yml:1:7", "`title` is required but empty")


def test_list_where_text_expected(tmp_path):
    diags = diags_of(tmp_path, {"roadmap.yml": "title: [a, b]\nvision: V\nmission: M\n"})
    only(diags, "content/roadmap.yml:1:8", "`title` must be text, found a list")


def test_quoted_number_where_number_expected(tmp_path):
    diags = diags_of(tmp_path, {"metrics.yml": M1 + "    baseline: {value: \"15\"}\n"})
    only(diags, "content/metrics.yml:5:23", "`value` must be a number, found quoted text \"15\"")


def test_text_where_list_expected(tmp_path):
    diags = diags_of(tmp_path, {"journey.yml": "stages: onboard\n"})
    only(diags, "content/journey.yml:1:9", "`stages` must be a list")


# -- YAML 1.1 surprises --------------------------------------------------------------

def test_title_no_is_an_error_never_false(tmp_path):
    root = make_roadmap(tmp_path, {"roadmap.yml": "title: no\nvision: V\nmission: M\n"})
    only(messages(compile_roadmap(root)), "content/roadmap.yml:1:8", "`title: no` would be read by YAML as a boolean")
    code, out, err = run_cli("export", root, "--as-of", "2026-01-01")
    assert (code, out) == (1, "")
    assert "content/roadmap.yml:1:8: `title: no` would be read by YAML as a boolean" in err


def test_quoted_no_is_text(tmp_path):
    root = make_roadmap(tmp_path, {"roadmap.yml": "title: \"no\"\nvision: V\nmission: M\n"})
    code, out, _ = run_cli("export", root, "--as-of", "2026-01-01")
    assert code == 0 and json.loads(out)["title"] == "no"


def test_octal_looking_number_is_an_error_not_493(tmp_path):
    goals = "goals:\n  - id: g\n    title: G\n    target: 0755\n"
    diags = diags_of(tmp_path, {"roadmap.yml": R + goals})
    d = only(diags, "content/roadmap.yml:7:13", "`target`: `0755` is ambiguous")
    assert "493" not in d and "write `755`" in d


def test_one_point_ten_stays_text_in_export(tmp_path):
    root = make_roadmap(tmp_path, {
        "roadmap.yml": "title: 1.10\nvision: V\nmission: M\n",
        "journey.yml": "stages:\n  - id: onboard\n    title: 1.10\n    boosters: [1.10, 010]\n",
    })
    code, out, err = run_cli("export", root, "--as-of", "2026-01-01")
    assert code == 0, err
    data = json.loads(out)
    assert data["title"] == "1.10"
    assert data["stages"][0]["title"] == "1.10"
    assert data["stages"][0]["boosters"] == ["1.10", "010"]


def test_active_yes_is_an_error(tmp_path):
    strategies = "strategies:\n  - id: s\n    title: S\n    active: yes\n"
    diags = diags_of(tmp_path, {"roadmap.yml": R + strategies})
    only(diags, "content/roadmap.yml:7:13", "`active: yes` is ambiguous YAML; write `true`")


def test_bool_field_with_text(tmp_path):
    strategies = "strategies:\n  - id: s\n    title: S\n    active: maybe\n"
    diags = diags_of(tmp_path, {"roadmap.yml": R + strategies})
    only(diags, "content/roadmap.yml:7:13", "`active` must be true or false, found `maybe`")


# -- enums, dates, numbers ---------------------------------------------------------------

def test_enum_lists_allowed_values_and_suggests(tmp_path):
    diags = diags_of(tmp_path, {"themes/t.md": "---\ntitle: T\nstage: onboard\nhorizon: nxt\n---\n"})
    d = only(diags, "content/themes/t.md:4:10", "`nxt` is not a valid horizon")
    assert "expected one of: now, next, later" in d and "(did you mean `next`?)" in d


def test_enum_in_yaml_list(tmp_path):
    diags = diags_of(tmp_path, {"metrics.yml": "metrics:\n  - id: m1\n    title: M\n    category: custmer\n"})
    d = only(diags, "content/metrics.yml:4:15", "`custmer` is not a valid category")
    assert "business, customer, development" in d and "did you mean `customer`?" in d


@pytest.mark.parametrize("value, key", [("2026-13-31", "is not a valid date"), ("2026-02-30", "is not a valid date"),
                                        ("31.12.2026", "is not a date; write YYYY-MM-DD")])
def test_invalid_date(tmp_path, value, key):
    goals = f"goals:\n  - id: g\n    title: G\n    by: {value}\n"
    diags = diags_of(tmp_path, {"roadmap.yml": R + goals})
    only(diags, "content/roadmap.yml:7:9", f"`by`: `{value}` {key}")


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", "1e999", "9" * 400])
def test_number_must_be_finite(tmp_path, value):
    goals = f"goals:\n  - id: g\n    title: G\n    target: {value}\n"
    diags = diags_of(tmp_path, {"roadmap.yml": R + goals})
    only(diags, "content/roadmap.yml:7:13", "must be a finite number")


def test_huge_integer_is_an_error_not_a_crash(tmp_path):
    goals = "goals:\n  - id: g\n    title: G\n    target: " + "9" * 5000 + "\n"
    diags = diags_of(tmp_path, {"roadmap.yml": R + goals})
    only(diags, "content/roadmap.yml:7:13", "`target`")


@pytest.mark.parametrize("period", ["0000", "9999", "9999-Q4", "9999-12", "2026-Q5", "2026-13", "Q4-2026"])
def test_invalid_period(tmp_path, period):
    okr = f"objective: O\nperiod: {period}\nkey_results:\n  - title: K\n    from: 0\n    to: 10\n    current: 5\n"
    diags = diags_of(tmp_path, {"okrs/o.yml": okr})
    only(diags, "content/okrs/o.yml:2:9", "period")


def test_invalid_cadence_suggests(tmp_path):
    diags = diags_of(tmp_path, {"metrics.yml": M1 + "    review: montly\n"})
    d = only(diags, "content/metrics.yml:5:13", "`montly` is not a cadence")
    assert "did you mean `monthly`?" in d


# -- ids ---------------------------------------------------------------------------------

def test_file_name_not_kebab_case_suggests_transliteration(tmp_path):
    diags = diags_of(tmp_path, {"themes/Första-Steg.md": THEME})
    d = only(diags, "content/themes/Första-Steg.md:1:1", "file name (the id) `Första-Steg` is not lower-case ASCII")
    assert "try `forsta-steg`" in d


def test_id_not_kebab_case_suggests_transliteration(tmp_path):
    diags = diags_of(tmp_path, {"journey.yml": "stages:\n  - id: Första Steg\n    title: A\n"})
    d = only(diags, "content/journey.yml:2:9", "id `Första Steg` is not lower-case ASCII kebab-case")
    assert "try `forsta-steg`" in d


def test_duplicate_goal_ids(tmp_path):
    goals = "goals:\n  - id: g\n    title: G\n  - id: g\n    title: G2\n"
    diags = diags_of(tmp_path, {"roadmap.yml": R + goals})
    only(diags, "content/roadmap.yml:7:9", "duplicate goal id `g` (first at line 5)")


def test_duplicate_strategy_ids(tmp_path):
    strategies = "strategies:\n  - id: s\n    title: S\n  - id: s\n    title: S2\n"
    diags = diags_of(tmp_path, {"roadmap.yml": R + strategies})
    only(diags, "content/roadmap.yml:7:9", "duplicate strategy id `s` (first at line 5)")


def test_duplicate_stage_ids(tmp_path):
    diags = diags_of(tmp_path, {"journey.yml": "stages:\n  - id: a\n    title: A\n  - id: a\n    title: A2\n"})
    only(diags, "content/journey.yml:4:9", "duplicate stage id `a` (first at line 2)")


def test_duplicate_metric_ids(tmp_path):
    diags = diags_of(tmp_path, {"metrics.yml": M1 + M1.replace("metrics:\n", "")})
    only(diags, "content/metrics.yml:5:9", "duplicate metric id `m1` (first at line 2)")


# -- references ------------------------------------------------------------------------

def test_unknown_reference_suggests_nearest(tmp_path):
    diags = diags_of(tmp_path, {"themes/t.md": "---\ntitle: T\nstage: onbord\nhorizon: now\n---\n"})
    only(diags, "content/themes/t.md:3:8", "`stage` refers to unknown stage `onbord` (did you mean `onboard`?)")


def test_unknown_reference_in_list_is_located_at_the_entry(tmp_path):
    journey = "stages:\n  - id: onboard\n    title: O\n  - id: grow\n    title: G\n"
    diags = diags_of(tmp_path, {"journey.yml": journey,
                                "themes/t.md": "---\ntitle: T\nstages: [onboard, grwo]\nhorizon: now\n---\n"})
    only(diags, "content/themes/t.md:3:19", "unknown stage `grwo` (did you mean `grow`?)")


def test_reference_to_an_id_of_another_kind(tmp_path):
    diags = diags_of(tmp_path, {"themes/t.md": "---\ntitle: T\nstage: onboard\nhorizon: now\noutcome: onboard\n---\n"})
    d = only(diags, "content/themes/t.md:5:10", "`outcome` refers to unknown outcome `onboard`")
    assert d.endswith("; `onboard` is a stage, not an outcome")


def test_opportunity_parent_cycle_names_the_cycle(tmp_path):
    diags = diags_of(tmp_path, {
        "opportunities/a.md": "---\ntitle: A\nparent: b\n---\n",
        "opportunities/b.md": "---\ntitle: B\nparent: c\n---\n",
        "opportunities/c.md": "---\ntitle: C\nparent: a\n---\n",
    })
    only(diags, "content/opportunities/a.md:3:9", "opportunity parents form a cycle: a → b → c → a")


def test_opportunity_self_parent(tmp_path):
    diags = diags_of(tmp_path, {"opportunities/a.md": "---\ntitle: A\nparent: a\n---\n"})
    only(diags, "content/opportunities/a.md:3:9", "cycle: a → a")


def test_key_result_needs_current_or_metric(tmp_path):
    okr = "objective: O\nperiod: 2026-Q4\nkey_results:\n  - title: K\n    from: 0\n    to: 10\n"
    diags = diags_of(tmp_path, {"okrs/o.yml": okr})
    only(diags, "content/okrs/o.yml:4:5", "key_result needs `current` or `metric`")


# -- CSV measurements ---------------------------------------------------------------------

@pytest.mark.parametrize("row, col, key", [
    ("2026-13-01,5", 1, "date: `2026-13-01` is not a valid date"),
    ("01/02/2026,5", 1, "date: `01/02/2026` is not a date"),
    ("2026-02-01,abc", 12, "value must be a number, found `abc`"),
    ("2026-02-01,", 12, "value is empty"),
    ("2026-02-01,nan", 12, "value must be a finite number, found `nan`"),
    ("2026-02-01,NaN", 12, "value must be a finite number, found `NaN`"),
    ("2026-02-01,inf", 12, "value must be a finite number, found `inf`"),
    ("2026-02-01,-Infinity", 12, "value must be a finite number"),
    ("2026-02-01,1e999", 12, "value must be a finite number"),
    ("2025-12-01,5", 1, "date 2025-12-01 is out of order"),
    ("2026-01-01,5", 1, "date 2026-01-01 is repeated"),
    ("2026-02-01,1,a,b", 1, "expected `date,value[,note]`, found 4 column(s)"),
])
def test_csv_defect_at_its_line(tmp_path, row, col, key):
    csv = f"date,value,note\n2026-01-01,4\n{row}\n2026-06-01,6\n"
    diags = diags_of(tmp_path, {"metrics.yml": M1, "metrics/m1.csv": csv})
    only(diags, f"content/metrics/m1.csv:3:{col}", key)


def test_csv_bad_header(tmp_path):
    diags = diags_of(tmp_path, {"metrics.yml": M1, "metrics/m1.csv": "day,amount\n2026-01-01,4\n"})
    only(diags, "content/metrics/m1.csv:1:1", "header must be `date,value`")


def test_csv_missing_header(tmp_path):
    diags = diags_of(tmp_path, {"metrics.yml": M1, "metrics/m1.csv": "2026-01-01,4\n"})
    only(diags, "content/metrics/m1.csv:1:1", "missing header row")


def test_csv_line_numbers_count_quoted_newlines(tmp_path):
    csv = 'date,value,note\n2026-01-01,1,"two\nlines"\n2026-01-02,abc,\n'
    diags = diags_of(tmp_path, {"metrics.yml": M1, "metrics/m1.csv": csv})
    only(diags, "content/metrics/m1.csv:4:12", "value must be a number, found `abc`")


def test_csv_oversized_field_is_an_error_not_a_crash(tmp_path):
    csv = 'date,value,note\n2026-01-01,1,ok\n2026-01-02,2,"' + "x" * 200_000 + '"\n'
    diags = diags_of(tmp_path, {"metrics.yml": M1, "metrics/m1.csv": csv})
    only(diags, "content/metrics/m1.csv:3:1", "field larger than")


def test_csv_for_unknown_metric(tmp_path):
    metrics = "metrics:\n  - id: activation\n    title: A\n    category: customer\n"
    diags = diags_of(tmp_path, {"metrics.yml": metrics, "metrics/activaton.csv": "date,value\n2026-01-01,1\n"})
    d = only(diags, "content/metrics/activaton.csv:1:1", "measurements for unknown metric `activaton`")
    assert "did you mean `activation`?" in d


# -- one run, every error -----------------------------------------------------------------

def test_all_errors_in_one_run_sorted_by_path_then_line(tmp_path):
    root = make_roadmap(tmp_path, {
        "roadmap.yml": "title: T\nvision: V\nmission: M\nhorizon: now\ngoals:\n  - id: G1\n    title: G\n",
        "journey.yml": "stages:\n  - id: onboard\n    title: O\n  - id: onboard\n    title: O2\n",
        "metrics.yml": M1,
        "metrics/m1.csv": "date,value\n2026-01-01,x\n2025-01-01,3\n",
        "themes/t.md": "---\ntitle: T\nstage: onbord\nhorizon: soon\n---\n",
        "okrs/o.yml": "objective: O\nperiod: 2026-Q9\nkey_results:\n  - title: K\n    from: 0\n    to: 1\n",
    })
    diags = messages(compile_roadmap(root))
    expected = [
        "content/journey.yml:4:9", "content/metrics/m1.csv:2:12", "content/okrs/o.yml:2:9",
        "content/okrs/o.yml:4:5", "content/roadmap.yml:4:1", "content/roadmap.yml:6:9",
        "content/themes/t.md:3:8", "content/themes/t.md:4:10",
    ]
    assert [d.split(": ", 1)[0] for d in diags] == expected, "\n".join(diags)
    keys = [(p, int(line), int(col)) for p, line, col in (d.split(": ", 1)[0].rsplit(":", 2) for d in diags)]
    assert keys == sorted(keys)


def test_unreadable_journey_does_not_cascade_into_unknown_stage_errors(tmp_path):
    theme = "---\ntitle: T\nstage: onboard\nhorizon: now\n---\n"
    diags = diags_of(tmp_path, {"journey.yml": "stages:\n  - id: onboard\n    title: [broken\n",
                                "themes/t.md": theme})
    only(diags, "content/journey.yml:3:12", "YAML syntax error")  # the `[` left open


def test_unreadable_metrics_file_does_not_cascade_into_unknown_metric_errors(tmp_path):
    outcome = "---\ntitle: O\nstage: onboard\nmetric: conversion\n---\n"
    diags = diags_of(tmp_path, {"metrics.yml": "metrics:\n  - id: conversion\n\ttitle: C\n",
                                "outcomes/o.md": outcome})
    only(diags, "content/metrics.yml:3:1", "tab character in indentation")



OUTCOME = "---\ntitle: O\nstage: onboard\nmetric: m1\n---\n"
BROKEN_FRONT = "---\ntitle: [broken\nstage: onboard\n---\n"


@pytest.mark.parametrize("broken, files, loc", [
    # metrics.yml with a tab: not one "measurements for unknown metric" per CSV
    ({"metrics.yml": "metrics:\n  - id: m1\n\ttitle: M\n"},
     {"metrics/m1.csv": "date,value\n2026-01-01,1\n", "metrics/m2.csv": "date,value\n2026-01-01,1\n",
      "outcomes/o.md": OUTCOME}, "content/metrics.yml:3:1"),
    # an outcome file that cannot be read: what refers to it is not reported as unknown
    ({"outcomes/o.md": BROKEN_FRONT},
     {"metrics.yml": M1, "themes/t.md": "---\ntitle: T\nstage: onboard\nhorizon: now\noutcome: o\n---\n",
      "opportunities/p.md": "---\ntitle: P\noutcome: o\n---\n"}, "content/outcomes/o.md:2:8"),
    # an opportunity: its children and the hypotheses under it
    ({"opportunities/p.md": BROKEN_FRONT},
     {"opportunities/c.md": "---\ntitle: C\nparent: p\n---\n",
      "hypotheses/h.md": "---\ntitle: H\nstage: onboard\nhorizon: now\nopportunity: p\nwe_believe: a\n"
                         "will_result_in: b\nwe_will_know_when: c\nstatus: idea\n---\n"}, "content/opportunities/p.md:2:8"),
    # a theme and a question: the questions and hypotheses that name them
    ({"themes/t.md": BROKEN_FRONT},
     {"questions/q.md": "---\ntitle: Q?\nstage: onboard\nhorizon: now\nstatus: open\ntheme: t\n---\n"},
     "content/themes/t.md:2:8"),
    ({"questions/q.md": "---\ntitle: Q?\nstage: onboard\nhorizon: now\nstatus: [open\n---\n"},
     {"hypotheses/h.md": "---\ntitle: H\nstage: onboard\nhorizon: now\nquestion: q\nwe_believe: a\n"
                         "will_result_in: b\nwe_will_know_when: c\nstatus: idea\n---\n"}, "content/questions/q.md:5:9"),
    # a CSV in semicolons: one error, not one per row
    ({"metrics/m1.csv": "date;value;note\n2026-01-01;21,4;\n2026-02-01;22,1;\n"}, {"metrics.yml": M1},
     "content/metrics/m1.csv:1:5"),
])
def test_a_file_that_cannot_be_read_is_reported_once_for_every_file_kind(tmp_path, broken, files, loc):
    diags = diags_of(tmp_path, {**files, **broken})
    assert len(diags) == 1 and diags[0].startswith(loc + ": "), "\n".join(diags)


RAW_WORDING = ("mapping values are not allowed", "did not find expected", "<document start>", "<block end>",
               "block collection", "block mapping", "while scanning", "while parsing", "cannot start any token")


@pytest.mark.parametrize("text, loc, words", [
    ("title: Phase 2: rollout\nvision: V\nmission: M\n", "content/roadmap.yml:1:15",
     "put the text in quotes: `title: 'Phase 2: rollout'`"),
    ("title: T\nvision: V\n  mission: M\n", "content/roadmap.yml:3:10", "indented more than the one before it"),
    ("title: T\nvision: V\nmission: M\n...\nreview: x\n", "content/roadmap.yml:5:1", "a `...` line ends it"),
    ("title: T\nvision: V\nmission: M\ngoals:\n  - id: a\n    title: A\n   metric: m\n",
     "content/roadmap.yml:7:4", "entries start with `- ` in one column"),
    ("title: @home\nvision: V\nmission: M\n", "content/roadmap.yml:1:8", "cannot start with `@`"),
    ("title: T\nvision: V\nmission: M\n- x\n", "content/roadmap.yml:4:1", "keys of one mapping start in the same"),
])
def test_yaml_syntax_errors_say_what_to_change_without_parser_words(tmp_path, text, loc, words):
    d = only(diags_of(tmp_path, {"roadmap.yml": text}), loc, words)
    assert not any(raw in d for raw in RAW_WORDING), d


def test_colon_in_a_front_matter_title_is_located_in_the_file_and_quoted_for_you(tmp_path):
    theme = "---\ntitle: Value: in week one\nstage: onboard\nhorizon: now\n---\n"
    only(diags_of(tmp_path, {"themes/t.md": theme}), "content/themes/t.md:2:13",
         "`title: 'Value: in week one'`")


@pytest.mark.parametrize("value, words", [
    ("21,4", "use a decimal point, not a comma: `21.4`"),
    ("1.000.000", "without thousands separators: `1000000`"),
    ("1,500", "write `1.500` if the comma is a decimal comma, `1500` if it separates thousands"),
])
def test_numbers_written_the_local_way_get_a_hint(tmp_path, value, words):
    metrics = M1 + f"    target:\n      value: {value}\n"
    d = only(diags_of(tmp_path, {"metrics.yml": metrics}), "content/metrics.yml:6:14", words)
    assert f"must be a number, found `{value}`" in d


def test_decimal_comma_in_a_csv_row(tmp_path):
    # without a note column, `21,4` can only be one number split in two
    diags = diags_of(tmp_path, {"metrics.yml": M1, "metrics/m1.csv": "date,value\n2026-01-01,21,4\n"})
    only(diags, "content/metrics/m1.csv:2:12", "`21,4` is split into two fields by its decimal comma: write `21.4`")
    # with one, it may be a note: a warning; quoted, it is a number written the local way
    diags = diags_of(tmp_path, {"metrics.yml": M1, "metrics/m1.csv": "date,value,note\n2026-01-01,21,4\n"})
    only(diags, "content/metrics/m1.csv:2:12", "warning: value `21` with the note `4`")
    diags = diags_of(tmp_path, {"metrics.yml": M1, "metrics/m1.csv": 'date,value\n2026-01-01,"21,4"\n'})
    only(diags, "content/metrics/m1.csv:2:12", "use a decimal point, not a comma: `21.4`")


def test_semicolon_separated_csv_says_how_to_save_it(tmp_path):
    csv = "2026-01-01;21,4\n2026-02-01;22\n"  # without a header too
    d = only(diags_of(tmp_path, {"metrics.yml": M1, "metrics/m1.csv": csv}), "content/metrics/m1.csv:1:11",
             "fields are separated by semicolons: separate them with commas")
    assert "comma-separated" in d
