"""Cadences, dates and numbers side by side, as the site writes them in English, Dutch and Swedish.

Unit tests of :mod:`roadmap_gen.site.phrasing` and ``chart_numbers.side_by_side``, then real
builds (a git repository with the basic fixture and a roadmap whose key result runs from 1,000 to
1,100 users) in en, nl and sv, and one in Dutch with overridden labels.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sitehelpers import basic_content, build, content, mkdocs_config, page, write_site

from roadmap_gen.format.scalars import CADENCES
from roadmap_gen.site.chart_numbers import exact, side_by_side
from roadmap_gen.site.labels import labels_for
from roadmap_gen.site.phrasing import cadence_text, date_text, ordinal, when
from roadmap_gen.site.views.base import chart_words

LANGS = ("en", "nl", "sv")
NBSP = "\u00a0"

# ---------------------------------------------------------------- cadences

CADENCE_PHRASES = {  # cadence: (en, nl, sv)
    "weekly": ("weekly", "wekelijks", "varje vecka"),
    "monthly": ("monthly", "maandelijks", "varje månad"),
    "quarterly": ("quarterly", "elk kwartaal", "varje kvartal"),
    "yearly": ("yearly", "jaarlijks", "varje år"),
    "1 day": ("daily", "dagelijks", "varje dag"),
    "1 week": ("weekly", "wekelijks", "varje vecka"),
    "1 month": ("monthly", "maandelijks", "varje månad"),
    "2 days": ("every 2 days", "elke 2 dagen", "var annan dag"),
    "14 days": ("every 14 days", "elke 14 dagen", "var 14:e dag"),
    "21 days": ("every 21 days", "elke 21 dagen", "var 21:a dag"),
    "22 days": ("every 22 days", "elke 22 dagen", "var 22:a dag"),
    "111 days": ("every 111 days", "elke 111 dagen", "var 111:e dag"),
    "2 weeks": ("every 2 weeks", "elke 2 weken", "var annan vecka"),
    "3 weeks": ("every 3 weeks", "elke 3 weken", "var tredje vecka"),
    "3 months": ("every 3 months", "elke 3 maanden", "var tredje månad"),
    "6 months": ("every 6 months", "elke 6 maanden", "var sjätte månad"),
    "12 months": ("every 12 months", "elke 12 maanden", "var tolfte månad"),
    "18 months": ("every 18 months", "elke 18 maanden", "var 18:e månad"),
}


@pytest.mark.parametrize("cadence", sorted(CADENCE_PHRASES))
def test_cadences_read_naturally(cadence):
    assert tuple(cadence_text(cadence, labels_for(lang)) for lang in LANGS) == CADENCE_PHRASES[cadence]


def _every_cadence():
    yield from CADENCES
    for unit in ("day", "week", "month"):
        for n in range(1, 41):
            yield f"{n} {unit}{'s' if n > 1 else ''}"
    yield from ("2 day", "3 week", "1 months")  # the format also takes these


@pytest.mark.parametrize("lang", ["nl", "sv"])
def test_every_cadence_the_format_accepts_is_phrased_in_the_language(lang):
    t = labels_for(lang)
    english = re.compile(r"\b(every|daily|weekly|monthly|quarterly|yearly|days?|weeks?|months?)\b")
    phrases = {c: cadence_text(c, t) for c in _every_cadence()}
    assert len(phrases) > 120
    for cadence, phrase in phrases.items():
        assert phrase and "{" not in phrase and not english.search(phrase), (cadence, phrase)
        n = re.match(r"\d+", cadence)
        if n and int(n.group()) > 12:  # past the ordinal words: the number is there
            assert n.group() in phrase, (cadence, phrase)


def test_a_cadence_the_format_does_not_know_is_shown_as_written():
    assert cadence_text("fortnightly", labels_for("nl")) == "fortnightly"


def test_cadence_labels_can_be_overridden():
    t = labels_for("nl", {"cadence.months": "om de {n} maanden", "cadence.monthly": "elke maand",
                          "cadence.days": "iedere {nth} dag"})
    assert cadence_text("3 months", t) == "om de 3 maanden"
    assert cadence_text("monthly", t) == "elke maand" and cadence_text("1 month", t) == "elke maand"
    assert cadence_text("3 days", t) == "iedere derde dag"
    assert cadence_text("2 weeks", t) == "elke 2 weken"  # the rest stays Dutch


@pytest.mark.parametrize("lang,numbers", [
    ("en", {1: "first", 3: "third", 12: "twelfth", 13: "13th", 21: "21st", 22: "22nd", 23: "23rd",
            111: "111th", 112: "112th", 101: "101st"}),
    ("nl", {3: "derde", 13: "13e", 21: "21e", 22: "22e"}),
    ("sv", {2: "annan", 3: "tredje", 13: "13:e", 21: "21:a", 22: "22:a", 23: "23:e", 31: "31:a", 111: "111:e"}),
])
def test_ordinals(lang, numbers):
    t = labels_for(lang)
    assert {n: ordinal(n, t) for n in numbers} == numbers


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize("day,texts", [
    (date(2026, 8, 15), ("Aug 15, 2026", "15 aug. 2026", "15 aug. 2026")),
    (date(2026, 5, 1), ("May 1, 2026", "1 mei 2026", "1 maj 2026")),
    (date(2026, 3, 9), ("Mar 9, 2026", "9 mrt. 2026", "9 mars 2026")),
    (date(2027, 6, 30), ("Jun 30, 2027", "30 jun. 2027", "30 juni 2027")),
])
def test_dates_in_each_language(day, texts):
    assert tuple(date_text(day, labels_for(lang)) for lang in LANGS) == texts


def test_when_keeps_the_iso_date_for_the_time_element():
    t = labels_for("sv")
    assert when(date(2026, 8, 15), t) == {"iso": "2026-08-15", "text": "15 aug. 2026"}
    assert when("2026-10-15T09:00:00+02:00", t) == {"iso": "2026-10-15", "text": "15 okt. 2026"}
    assert when(None, t) is None
    assert date_text(date(2026, 8, 15), labels_for("nl", {"chart.day": "{day}-{month}-{year}"})) == "15-aug.-2026"


# ---------------------------------------------------------------- numbers side by side

def _words(lang):
    return chart_words(labels_for(lang))


@pytest.mark.parametrize("lang,texts", [
    ("en", ["1,000 users", "1,060 users", "1,100 users"]),
    ("nl", ["1.000 users", "1.060 users", "1.100 users"]),
    ("sv", [f"1{NBSP}000 users", f"1{NBSP}060 users", f"1{NBSP}100 users"]),
])
def test_numbers_that_would_read_alike_keep_their_digits(lang, texts):
    assert side_by_side([1000, 1060, 1100], "users", _words(lang)) == texts


@pytest.mark.parametrize("values,unit,texts", [
    ([31, 49.1, 50], "%", ["31%", "49,1%", "50%"]),  # short forms already differ
    ([1_600_000, 2_100_000, 3_000_000], "EUR", ["1,6M EUR", "2,1M EUR", "3M EUR"]),
    ([1500, 1500], "", ["1,5k", "1,5k"]),  # the same value may read the same
    ([None, 1060, 1100], "", [None, "1.060", "1.100"]),
    ([12.344, 12.3449], "", ["12,344", "12,3449"]),
    ([0.1234561, 0.1234562], "", ["0,1234561", "0,1234562"]),
])
def test_short_forms_only_where_nothing_beside_them_needs_the_precision(values, unit, texts):
    assert side_by_side(values, unit, _words("nl")) == texts


@given(st.lists(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False).map(lambda x: round(x, 6)),
                min_size=2, max_size=4))
def test_different_values_never_read_the_same(values):
    texts = side_by_side(values, "", _words("sv"))
    pairs = {(a, b) for a in range(len(values)) for b in range(len(values)) if values[a] != values[b]}
    assert all(texts[a] != texts[b] for a, b in pairs), (values, texts)


# ---------------------------------------------------------------- built sites

USERS = """\
  - id: users
    title: Users on the platform
    category: customer
    unit: users
    baseline: {value: 1000, date: 2026-01-01}
    target: {value: 1100, by: 2026-12-31}
    review: 2 weeks
"""
USERS_OKR = """\
objective: Grow the users on the platform
period: 2026-Q4
team: growth
key_results:
  - title: Users on the platform reach 1,100
    metric: users
    from: 1000
    to: 1100
"""


def _git(cwd: Path, *args: str) -> None:
    stamp = "2026-10-15T09:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_NAME": "Ann", "GIT_AUTHOR_EMAIL": "ann@example.com", "GIT_COMMITTER_NAME": "Ann",
           "GIT_COMMITTER_EMAIL": "ann@example.com", "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp,
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def _site(root: Path, language: str, labels: dict | None = None) -> Path:
    files = basic_content()
    files["metrics.yml"] += USERS
    files["metrics/users.csv"] = "date,value\n2026-09-01,1020\n2026-11-20,1060\n"
    files["okrs/grow-users.yml"] = USERS_OKR
    plugin = {"labels": labels} if labels else {}
    write_site(root, files, config=mkdocs_config(plugin=plugin, theme={"language": language}))
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "Start the roadmap")
    return build(root, root / "site")


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("phrasing")
    out = {lang: _site(base / lang, lang) for lang in LANGS}
    out["nl+labels"] = _site(base / "nl-labels", "nl", {"cadence.months": "om de {n} maanden",
                                                         "chart.month.6": "juni", "cadence.weeks": "tweewekelijks"})
    return out


def _text(node) -> str:
    return " ".join(node.text().replace(NBSP, " ").split())


REVIEW = {
    "en": "Reviewed Jun 1, 2026, every 3 months; next review due Sep 1, 2026 Review overdue",
    "nl": "Herzien op 1 jun. 2026, elke 3 maanden; volgende herziening 1 sep. 2026 Herziening te laat",
    "sv": "Granskad 1 juni 2026, var tredje månad; nästa granskning 1 sep. 2026 Granskningen är försenad",
    "nl+labels": "Herzien op 1 juni 2026, om de 3 maanden; volgende herziening 1 sep. 2026 Herziening te laat",
}


@pytest.mark.parametrize("lang", sorted(REVIEW))
def test_the_review_date_and_cadence_on_the_home_page(sites, lang):
    review = content(page(sites[lang], "index.html")).find("p", cls="rg-vmgs__review")
    assert _text(review) == REVIEW[lang]
    assert [(x.get("datetime"), x.text()) for x in review.find_all("time")][0][0] == "2026-06-01"


KPI = {  # the users card: current, target (by), baseline, latest measurement, measured
    "en": ("1,060 users", "1,100 users (Dec 31, 2026)", "1,000 users", "Nov 20, 2026", "every 2 weeks"),
    "nl": ("1.060 users", "1.100 users (31 dec. 2026)", "1.000 users", "20 nov. 2026", "elke 2 weken"),
    "sv": ("1 060 users", "1 100 users (31 dec. 2026)", "1 000 users", "20 nov. 2026", "var annan vecka"),
    "nl+labels": ("1.060 users", "1.100 users (31 dec. 2026)", "1.000 users", "20 nov. 2026", "tweewekelijks"),
}
OTHER_KPIS = {  # arr (short forms differ: they stay short) and tickets: current, measured
    "en": (("900k EUR", "monthly"), ("30", "weekly")),
    "nl": (("900k EUR", "maandelijks"), ("30", "wekelijks")),
    "sv": (("900k EUR", "varje månad"), ("30", "varje vecka")),
    "nl+labels": (("900k EUR", "maandelijks"), ("30", "wekelijks")),
}


def _figures(card, t) -> dict[str, str]:
    """A KPI card's figures and details by label key."""
    keys = {t[k]: k for k in ("metric.current", "metric.target", "metric.baseline", "metric.stale_since",
                              "metric.review", "metric.direction", "metric.source", "metric.owner")}
    return {keys[_text(div.find("dt"))]: _text(div.find("dd")).replace(t["metric.stale"], "").strip()
            for dl in card.find_all("dl") for div in dl.find_all("div")}


@pytest.mark.parametrize("lang", sorted(KPI))
def test_kpi_cards_show_values_that_explain_themselves_and_cadences_in_the_language(sites, lang):
    t = labels_for(lang.split("+")[0])
    art = content(page(sites[lang], "kpis/index.html"))
    users = _figures(art.find("article", id="kpi-users"), t)
    keys = ("metric.current", "metric.target", "metric.baseline", "metric.stale_since", "metric.review")
    assert tuple(users[k] for k in keys) == KPI[lang]
    for ident, (current, measured) in zip(("arr", "tickets"), OTHER_KPIS[lang]):
        figures = _figures(art.find("article", id=f"kpi-{ident}"), t)
        assert (figures["metric.current"], figures["metric.review"]) == (current, measured)


OKR_ROWS = {  # from, current, to of the users key result; the interview key result stays short
    "en": (["1,000 users", "1,060 users", "1,100 users"], ["0", "25", "20"], "0.60"),
    "nl": (["1.000 users", "1.060 users", "1.100 users"], ["0", "25", "20"], "0,60"),
    "sv": (["1 000 users", "1 060 users", "1 100 users"], ["0", "25", "20"], "0,60"),
}


@pytest.mark.parametrize("lang", sorted(OKR_ROWS))
def test_okr_key_results_keep_the_digits_that_explain_the_score(sites, lang):
    art = content(page(sites[lang], "okrs/index.html"))
    users, interviews, score = OKR_ROWS[lang]
    rows = {_text(kr.find("p", cls="rg-kr__title")): [_text(dd) for dd in kr.find_all("dd")[:3]]
            for card in art.find_all("article", cls="rg-okr") for kr in card.find_all("li", cls="rg-kr")}
    assert rows["Users on the platform reach 1,100 Users on the platform"] == users
    assert rows["Interview 20 clinics"] == interviews
    card = art.find("article", id="okr-grow-users")
    assert _text(card.find("span", cls="rg-score__value")) == score


@pytest.mark.parametrize("lang", LANGS)
def test_chart_labels_and_their_table_agree(sites, lang):
    art = content(page(sites[lang], "metrics/users/index.html"))
    words = chart_words(labels_for(lang))
    labels = [_text(x) for x in art.find("svg").find_all("text")]
    # the baseline and target lines are labelled as they read beside the latest value (1,060)
    baseline, target, _latest = side_by_side([1000, 1100, 1060], "users", words)
    assert target == {"en": "1,100 users", "nl": "1.100 users", "sv": f"1{NBSP}100 users"}[lang]
    assert f"{words['line.target']} {target}".replace(NBSP, " ") in labels
    assert f"{words['line.baseline']} {baseline}".replace(NBSP, " ") in labels
    cells = [_text(td) for td in art.find("table", cls="rg-chart-table").find_all("td")]
    assert cells == [x.replace(NBSP, " ") for x in (exact(1020, "users", words), exact(1060, "users", words))]


@pytest.mark.parametrize("lang", [*LANGS, "nl+labels"])
def test_every_date_people_read_is_in_the_language_inside_a_time_element(sites, lang):
    t = labels_for("nl" if lang == "nl+labels" else lang, {"chart.month.6": "juni"} if "+" in lang else None)
    seen = {}
    for path in sorted(sites[lang].rglob("*.html")):
        for x in page(sites[lang], path.relative_to(sites[lang]).as_posix()).find_all("time"):
            iso = x.get("datetime") or ""
            assert re.fullmatch(r"\d{4}-\d\d-\d\d(T[\d:+-]+)?", iso), (path, iso)
            assert x.text() == date_text(date.fromisoformat(iso[:10]), t), (path, iso, x.text())
            seen[path.parent.name] = seen.get(path.parent.name, 0) + 1
    # home (review, deadlines, as of), KPI cards, a metric's table, experiments, history, changes
    assert {"site", "kpis", "users", "setup-checklist", "changes"} <= set(seen), sorted(seen)


def test_history_dates_on_item_pages_and_the_changes_page(sites):
    hyp = content(page(sites["sv"], "hypotheses/setup-checklist/index.html"))
    times = [(x.get("datetime"), x.text()) for x in hyp.find_all("time")]
    assert ("2026-10-01", "1 okt. 2026") in times and ("2026-10-15", "15 okt. 2026") in times  # the experiment
    history = hyp.find("ol", cls="rg-history").find("time")
    assert (history.get("datetime"), history.text()) == ("2026-10-15", "15 okt. 2026")
    commits = [li for li in content(page(sites["sv"], "changes/index.html")).find_all("li", cls="rg-change")
               if "rg-change--event" not in li.classes]  # computed events have dates of their own
    change = commits[0].find("time")
    assert (change.get("datetime"), change.text()) == ("2026-10-15T09:00:00+00:00", "15 okt. 2026")


def test_roadmap_json_keeps_iso_dates_and_raw_numbers(sites):
    data = json.loads((sites["sv"] / "roadmap.json").read_text(encoding="utf-8"))
    assert data["review"]["last"] == "2026-06-01" and data["review"]["every"] == "3 months"
    metric = next(x for x in data["metrics"] if x["id"] == "users")
    assert metric["review"] == "2 weeks"
    assert (metric["measurements"][-1]["date"], metric["measurements"][-1]["value"]) == ("2026-11-20", 1060)
    hyp = next(x for x in data["hypotheses"] if x["id"] == "setup-checklist")
    assert hyp["experiments"][0]["start"] == "2026-10-01"
