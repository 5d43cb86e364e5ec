"""Tests for roadmap_gen.site.labels: the site's words in English, Dutch and Swedish.

Covers the label tables themselves (same keys everywhere, nothing empty, the
source material's terminology, placeholders kept), ``labels_for`` (language
fallbacks and the ``labels:`` overrides), the translated words inside charts,
and real MkDocs builds of the basic fixture in Dutch and Swedish.
"""
from __future__ import annotations

import html
import re
import shutil
import string
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
import yaml

from roadmap_gen.site import charts
from roadmap_gen.format import model as m
from roadmap_gen.site.charts import DEFAULT_WORDS, data_table, line_chart, progress_bar, score_bar
from roadmap_gen.site.labels import EN, LANGUAGES, NL, SV, labels_for
from roadmap_gen.format.spec import FILE_SPECS, ITEM_SPECS, Spec
from roadmap_gen.site.views.base import chart_words
from languagehelpers import content_text, english_leaks

REPO = Path(__file__).resolve().parents[1]
BASIC = Path(__file__).resolve().parent / "fixtures" / "basic"
TEMPLATES = REPO / "theme" / "templates" / "roadmap"
OTHERS = {"nl": NL, "sv": SV}
SVG = "{http://www.w3.org/2000/svg}"


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


# ---------------------------------------------------------------- the tables

def test_the_languages_are_english_dutch_and_swedish():
    assert set(LANGUAGES) == {"en", "nl", "sv"}
    assert LANGUAGES["en"] is EN and LANGUAGES["nl"] is NL and LANGUAGES["sv"] is SV


@pytest.mark.parametrize("lang", sorted(OTHERS))
def test_every_language_has_exactly_the_english_keys(lang):
    table = OTHERS[lang]
    assert sorted(set(EN) - set(table)) == [], f"{lang} is missing labels"
    assert sorted(set(table) - set(EN)) == [], f"{lang} has labels English does not have"


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_no_label_is_empty(lang):
    labels = {k: v for k, v in LANGUAGES[lang].items() if k != "chart.group"}  # Swedish groups with a space
    empty = [k for k, v in labels.items() if not isinstance(v, str) or not v.strip()]
    assert empty == []
    assert all(v == v.strip() for v in labels.values())
    assert len(LANGUAGES[lang]["chart.group"]) == 1


@pytest.mark.parametrize("lang", sorted(OTHERS))
def test_translations_keep_the_placeholders(lang):
    table = OTHERS[lang]
    templates = {k: v for k, v in EN.items() if placeholders(v)}
    assert templates, "the chart sentences are templates"
    for key, value in EN.items():
        if key in ("cadence.days", "cadence.weeks", "cadence.months"):  # the number or its ordinal, or both
            assert placeholders(table[key]) and placeholders(table[key]) <= {"n", "nth"}, key
            continue
        assert placeholders(table[key]) == placeholders(value), key


@pytest.mark.parametrize("lang", sorted(OTHERS))
def test_translations_are_translated(lang):
    table = OTHERS[lang]
    # words that read the same in the other language are allowed, but most labels differ
    same = [k for k in EN if table[k] == EN[k] and not placeholders(EN[k])]
    assert len(same) < len(EN) // 5, same


def test_dutch_uses_the_vmgs_handbook_terms():
    assert (NL["vmgs.vision"], NL["vmgs.mission"], NL["vmgs.goals"], NL["vmgs.strategies"]) == (
        "Visie", "Missie", "Doelen", "Strategieën")
    assert NL["nav.kpis"] == "KPI's"
    assert NL["kinds.outcome"] == "Resultaten" and NL["kinds.opportunity"] == "Kansen"
    assert NL["category.business"] == "Bedrijfsprestaties"
    assert NL["category.customer"] == "Klant- en gebruikersbetrokkenheid"
    assert NL["category.development"] == "Productontwikkeling"


def test_swedish_uses_the_okr_article_terms():
    assert (SV["vmgs.vision"], SV["vmgs.mission"], SV["vmgs.goals"], SV["vmgs.strategies"]) == (
        "Vision", "Uppdrag", "Mål", "Strategier")
    assert SV["okr.key_results"] == "Nyckelresultat"
    assert SV["nav.okrs"] == "OKR:s"


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_okr_stays_okr(lang):
    table = LANGUAGES[lang]
    assert table["kind.okr"] == "OKR"
    assert table["kinds.okr"].startswith("OKR") and table["nav.okrs"].startswith("OKR")


@pytest.mark.parametrize("lang,months", [
    ("nl", "jan. feb. mrt. apr. mei jun. jul. aug. sep. okt. nov. dec."),
    ("sv", "jan. feb. mars apr. maj juni juli aug. sep. okt. nov. dec."),
])
def test_month_abbreviations(lang, months):
    assert [OTHERS[lang][f"chart.month.{i}"] for i in range(1, 13)] == months.split()


def test_english_chart_labels_are_the_chart_defaults():
    assert {k[len("chart."):]: v for k, v in EN.items() if k.startswith("chart.")} == DEFAULT_WORDS
    for table in LANGUAGES.values():
        assert set(chart_words(table)) == set(DEFAULT_WORDS)


def _literal_keys() -> dict[str, set[str]]:
    """Label keys written literally in the templates and the Python sources: key -> files."""
    pattern = re.compile(r"""\bt\[\s*["']([^"'{}]+)["']\s*\]|\bt\.get\(\s*["']([^"'{}]+)["']""")
    out: dict[str, set[str]] = {}
    files = [*TEMPLATES.rglob("*.html"), *(REPO / "roadmap_gen").glob("*.py")]
    for path in files:
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            key = match.group(1) or match.group(2)
            if path.suffix == ".py" and "." not in key:
                continue  # in Python, `t` is not always the labels; label keys there are dotted
            out.setdefault(key, set()).add(path.name)
    return out


def test_every_label_the_site_asks_for_exists():
    keys = _literal_keys()
    assert len(keys) > 50, "the templates and views were scanned"
    assert {k: sorted(v) for k, v in keys.items() if k not in EN} == {}


def _enum_choices(spec: Spec, seen: set[str] | None = None) -> dict[str, set[str]]:
    seen = seen if seen is not None else set()
    out: dict[str, set[str]] = {}
    if spec.name in seen:
        return out
    seen.add(spec.name)
    for f in spec.fields:
        if f.choices:
            out.setdefault(f.name, set()).update(f.choices)
        if f.spec is not None:
            for name, choices in _enum_choices(f.spec, seen).items():
                out.setdefault(name, set()).update(choices)
    return out


def test_every_value_the_site_labels_has_a_label():
    choices: dict[str, set[str]] = {}
    for spec in [*FILE_SPECS.values(), *ITEM_SPECS.values()]:
        for name, values in _enum_choices(spec).items():
            choices.setdefault(name, set()).update(values)
    prefixes = {"status": "status.", "horizon": "horizon.", "category": "category.",
                "confidence": "confidence.", "direction": "metric.direction."}
    wanted = {prefixes[name] + v for name, values in choices.items() if name in prefixes for v in values}
    wanted |= {f"status.{s}" for s in charts.STATUSES}
    wanted |= {f"okr.light.{x}" for x in ("green", "amber", "red", "none")}
    wanted |= {f"kind.{k}" for k in m.KINDS} | {f"kinds.{k}" for k in m.KINDS}
    wanted |= {f"nav.{m.PLURAL[k]}" for k in m.KINDS if k not in ("goal", "strategy")}
    wanted |= {f"horizon.{h}" for h in m.HORIZONS}
    assert len(wanted) > 40
    assert sorted(wanted - set(EN)) == []


# ---------------------------------------------------------------- labels_for

@pytest.mark.parametrize("language,expected", [
    ("nl", NL), ("nl-BE", NL), ("nl_NL", NL), ("NL", NL),
    ("sv", SV), ("sv-SE", SV), ("sv_FI", SV),
    ("en", EN), ("en-GB", EN), ("de", EN), ("fr-CA", EN), ("", EN), (None, EN),
])
def test_labels_for_picks_the_language_with_english_fallback(language, expected):
    labels = labels_for(language)
    assert set(labels) == set(EN)
    assert {k: labels[k] for k in expected} == expected
    assert labels["vmgs.vision"] == expected["vmgs.vision"]


def test_labels_for_returns_a_copy():
    labels = labels_for("nl")
    labels["vmgs.vision"] = "changed"
    assert NL["vmgs.vision"] == "Visie" and labels_for("nl")["vmgs.vision"] == "Visie"


def test_overrides_win_over_the_language():
    overrides = {"vmgs.vision": "Stip op de horizon", "chart.status.on-track": "Prima", "okr.score": 3}
    labels = labels_for("nl", overrides)
    assert labels["vmgs.vision"] == "Stip op de horizon"
    assert labels["chart.status.on-track"] == "Prima"
    assert labels["okr.score"] == "3"  # YAML may give numbers: labels are text
    assert labels["vmgs.mission"] == "Missie"  # everything else stays Dutch
    assert overrides["okr.score"] == 3  # the site's option is not touched
    assert labels_for("de", {"vmgs.vision": "Leitbild"})["vmgs.vision"] == "Leitbild"
    assert labels_for("sv", {})["vmgs.vision"] == "Vision" and labels_for("sv", None) == labels_for("sv")


# ---------------------------------------------------------------- chart words

POINTS = [(date(2026, 3, 1), 24.0), (date(2026, 11, 1), 37.0)]


def _all_charts(words=None):
    """One of every chart; ``words=None`` leaves the argument out altogether."""
    kw = {} if words is None else {"words": words}
    return [
        line_chart(POINTS, id_prefix="c", title="T", description="D", unit="%", target=40,
                   target_date=date(2026, 12, 31), baseline=20, **kw),
        line_chart(POINTS, id_prefix="c", title="T", description="D", compact=True, target=40, **kw),
        line_chart([], id_prefix="c", title="T", description="D", **kw),
        progress_bar(id_prefix="p", label="L", baseline=20, current=37, target=40, status="on-track",
                     elapsed=0.9, unit="%", **kw),
        score_bar(0.85, id_prefix="s", label="KR", **kw),
        score_bar(None, id_prefix="s", label="KR", **kw),
        data_table([(d, v, "n") for d, v in POINTS] + [(date(2026, 1, 5), float("nan"), "")], unit="%", **kw),
        data_table([], **kw),
    ]


def test_english_words_are_the_default():
    default = _all_charts()
    assert _all_charts(DEFAULT_WORDS) == default
    assert _all_charts({}) == default
    assert _all_charts(chart_words(labels_for("en"))) == default
    assert _all_charts(chart_words(labels_for("de"))) == default


def _words(lang: str, **overrides: str) -> dict[str, str]:
    return chart_words(labels_for(lang, {f"chart.{k}": v for k, v in overrides.items()}))


def _visible(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


@pytest.mark.parametrize("lang,expect", [
    ("nl", ["mrt. 2026", "nov. 2026", "1 mrt. 2026", "streefwaarde 40%", "uitgangswaarde 20%", "Op koers",
            "Uitgangswaarde", "Huidig", "Streefwaarde", "van de tijd verstreken", "op koers", "nog geen score",
            "Nog geen gegevens", "Datum", "Waarde", "Opmerking", "5 jan. 2026", "n.b.", "2 metingen van"]),
    ("sv", ["mars 2026", "nov. 2026", "1 mars 2026", "målvärde 40%", "utgångsvärde 20%", "På rätt spår",
            "Utgångsvärde", "Nuvarande", "Målvärde", "av tiden har gått", "på rätt spår", "ingen poäng än",
            "Inga data än", "Datum", "Värde", "Anteckning", "5 jan. 2026", "saknas", "2 mätningar från"]),
])
def test_charts_speak_the_language(lang, expect):
    out = _all_charts(chart_words(labels_for(lang)))
    text = " ".join(_visible(x) for x in out)
    for phrase in expect:
        assert phrase in text, phrase
    for english in ("On track", "Baseline", "Current", "Target", "No data yet", "of time elapsed", "Mar 2026",
                    "measurements", "no score", "Date", "Value", "Note", "n/a", "target 40"):
        assert english not in text, english
    for x in out:
        ET.fromstring(x if x.startswith("<svg") else f"<div>{x}</div>")


def test_month_names_reach_every_date_label():
    words = _words("en", **{f"month.{i}": f"M{i}" for i in range(1, 13)}, day="{year}/{month}/{day}",
                   month_year="{month}'{year}")
    svg = line_chart(POINTS, id_prefix="c", title="T", description="D", target=40, target_date=date(2026, 12, 31),
                     words=words)
    root = ET.fromstring(svg)
    axis = ["".join(t.itertext()) for t in root.iter(SVG + "text")]
    assert "M3'2026" in axis and "M11'2026" in axis
    titles = ["".join(t.itertext()) for t in root.iter(SVG + "title")]
    assert "2026/M3/1: 24" in titles and "target 40 by 2026/M12/31" in titles
    table = data_table(POINTS, words=words)
    assert ">2026/M3/1</time>" in table and ">2026/M11/1</time>" in table


def test_words_are_escaped():
    hostile = '<script>"x"</script> & \''
    words = {k: hostile for k in DEFAULT_WORDS if not placeholders(DEFAULT_WORDS[k])}
    out = _all_charts(words)
    for x in out:
        assert "<script>" not in x
        ET.fromstring(x if x.startswith("<svg") else f"<div>{x}</div>")
    assert "&lt;script&gt;" in out[3]  # the status word next to the progress bar


def test_a_broken_translation_never_breaks_the_build():
    words = {"summary.many": "{aantal metingen", "summary.baseline": "{0} en {value.real}",
             "progress.desc": "Zonder plaatshouders.", "score.title": "{label}: {onbekend}",
             "elapsed": "{percent:>{width}} verstreken", "not.a.key": "ignored"}
    out = _all_charts(words)
    line = _visible(out[0])
    assert "{aantal metingen" in line and "{0} en {value.real}" in line
    assert "Zonder plaatshouders." in _visible(out[3])
    assert "KR: {onbekend}" in _visible(out[4])
    assert "not.a.key" not in "".join(out) and "ignored" not in "".join(out)


# ---------------------------------------------------------------- real builds

OVERRIDES = {
    "nl": {"vmgs.vision": "Stip op de horizon", "chart.status.on-track": "Prima op schema"},
    "sv": {"vmgs.vision": "Ledstjärna", "chart.status.on-track": "Helt enligt plan"},
}


def _build(root: Path, language: str, labels: dict[str, str] | None = None) -> Path:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    shutil.copytree(BASIC, root, ignore=shutil.ignore_patterns("*.golden.json"))
    (root / "docs").mkdir(exist_ok=True)
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"]["font"] is False  # never fetch fonts from the network
    config["theme"]["language"] = language
    if labels:
        plugin = next(p for p in config["plugins"] if isinstance(p, dict) and "outcome-roadmap" in p)
        plugin["outcome-roadmap"]["labels"] = labels
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    site = root / "site"
    build(load_config(str(root / "mkdocs.yml"), strict=True, site_dir=str(site)))
    return site


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    """The basic fixture built in Dutch and Swedish, plain and with label overrides, and in German."""
    base = tmp_path_factory.mktemp("labels")
    out = {}
    for lang in ("nl", "sv"):
        out[lang] = _build(base / lang, lang)
        out[f"{lang}+labels"] = _build(base / f"{lang}-labels", lang, OVERRIDES[lang])
    out["de"] = _build(base / "de", "de")
    return out


def _read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def _article(site: Path, rel: str) -> str:
    text = _read(site, rel)
    start, end = text.find("<article"), text.rfind("</article>")
    assert 0 <= start < end, rel
    return text[start:end]


def _by_id(markup: str, tag: str, ident: str) -> str:
    match = re.search(rf'<{tag} id="{ident}"[^>]*>(.*?)</{tag}>', markup, re.S)
    assert match, f"no <{tag} id={ident!r}>"
    return " ".join(_visible(match.group(1)).split())


HOME_TERMS = {
    "nl": {"vision": "Visie", "mission": "Missie", "goals": "Doelen", "strategies": "Strategieën"},
    "sv": {"vision": "Vision", "mission": "Uppdrag", "goals": "Mål", "strategies": "Strategier"},
}


@pytest.mark.parametrize("lang", ["nl", "sv"])
def test_home_page_in_the_language(sites, lang):
    art = _article(sites[lang], "index.html")
    for ident, word in HOME_TERMS[lang].items():
        assert _by_id(art, "h2", ident) == word
    t = OTHERS[lang]
    for key in ("vmgs.yes", "vmgs.no", "vmgs.north_star", "vmgs.overdue", "as_of"):
        assert t[key] in _visible(art), key
    assert f'lang="{lang}"' in _read(sites[lang], "index.html")  # Material speaks it too


@pytest.mark.parametrize("lang", ["nl", "sv"])
def test_board_in_the_language(sites, lang):
    t = OTHERS[lang]
    art = _article(sites[lang], "journey/index.html")
    text = _visible(art)
    assert _by_id(art, "h1", "journey") == t["board.title"]
    for key in ("board.intro", "horizon.now", "horizon.next", "stage.boosters", "stage.blockers",
                "filter.clear", "kinds.hypothesis", "breadcrumb.home"):
        assert t[key] in text, key
    statuses = re.findall(r'class="rg-progress__status">([^<]*)<', art)
    assert statuses and set(statuses) <= {html.escape(t[f"chart.status.{s}"], quote=True) for s in charts.STATUSES}
    assert html.escape(t["chart.status.on-track"], quote=True) in statuses  # "Op koers", "På rätt spår"
    assert f'aria-label="{t["breadcrumb.label"]}"' in art
    nav = _read(sites[lang], "journey/index.html")
    assert f">{t['nav.journey']}<" in re.sub(r">\s+", ">", re.sub(r"\s+<", "<", nav))


@pytest.mark.parametrize("lang,axis,day", [("nl", "mrt. 2026", "1 mrt. 2026"), ("sv", "mars 2026", "1 mars 2026")])
def test_charts_in_the_language(sites, lang, axis, day):
    t = OTHERS[lang]
    art = _article(sites[lang], "metrics/activation/index.html")
    svg = art[art.find("<svg"):art.find("</svg>") + len("</svg>")]
    root = ET.fromstring(svg)
    labels = ["".join(x.itertext()) for x in root.iter(SVG + "text")]
    assert axis in labels
    assert any(x.startswith(t["chart.line.target"] + " ") for x in labels)
    assert any(x.startswith(t["chart.line.baseline"] + " ") for x in labels)
    heads = re.findall(r'<th scope="col">([^<]*)</th>', art)
    assert heads == [t["chart.date"], t["chart.value"], t["chart.note"]]
    assert f">{day}</time>" in art
    okrs = _visible(_article(sites[lang], "okrs/index.html"))
    assert t["chart.light.green"] in okrs


@pytest.mark.parametrize("lang,thousands,score", [("de", "450,000 EUR", r"0\.\d\d"), ("nl", "450.000 EUR", r"0,\d\d"),
                                                  ("sv", "450\u00a0000 EUR", r"0,\d\d")])
def test_numbers_use_the_languages_separators(sites, lang, thousands, score):
    arr = _article(sites[lang], "metrics/arr/index.html")
    assert f"<td>{thousands}</td>" in arr  # the measurements table: full precision, thousands grouped
    okrs = _visible(_article(sites[lang], "okrs/index.html"))
    assert re.search(rf"(?<![\d.,]){score}(?![\d.,])", okrs)  # OKR scores
    other = {"de": r"0,\d\d", "nl": r"0\.\d\d", "sv": r"0\.\d\d"}[lang]
    assert not re.search(rf"(?<![\d.,]){other}(?![\d.,])", okrs)


def test_number_formats_by_language():
    nl, sv = (charts_words(lang) for lang in ("nl", "sv"))
    assert [charts.format_number(29.5, "%", w) for w in (charts.DEFAULT_WORDS, nl, sv)] == ["29.5%", "29,5%", "29,5%"]
    assert charts.format_number(1500, "", nl) == "1,5k" and charts.format_number(-0.25, "", sv) == "-0,25"
    assert charts.localize("1,234,567.89", nl) == "1.234.567,89"
    assert charts.localize("1,234,567.89", sv) == "1\u00a0234\u00a0567,89"
    assert charts.localize("1,234.5") == "1,234.5"


def charts_words(lang: str) -> dict[str, str]:
    from roadmap_gen.site.views.base import chart_words
    return chart_words(labels_for(lang))


@pytest.fixture(scope="module")
def example_sites(tmp_path_factory) -> dict[str, Path]:
    """The example roadmap (content/ and mkdocs.yml at the repository's root, without the manual's
    pages) built in Dutch and Swedish."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    out = {}
    for lang in ("nl", "sv"):
        root = tmp_path_factory.mktemp(f"example-{lang}")
        shutil.copytree(REPO / "content", root / "content")
        (root / "docs").mkdir()
        config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
        config.pop("nav", None)
        config["theme"]["language"] = lang
        plugin = next(p for p in config["plugins"] if isinstance(p, dict) and "outcome-roadmap" in p)
        plugin["outcome-roadmap"]["as_of"] = AS_OF
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
        out[lang] = root / "site"
        build(load_config(str(root / "mkdocs.yml"), strict=True, site_dir=str(out[lang])))
    return out


AS_OF = date(2026, 11, 25)


@pytest.mark.parametrize("roadmap", ["basic", "example"])
@pytest.mark.parametrize("lang", ["nl", "sv"])
def test_no_english_label_leaks_into_the_pages(sites, example_sites, lang, roadmap):
    """No English label, English or ISO date or English cadence shows up in the visible text of any
    page of a Dutch or Swedish site (title, body text, title/aria-label/alt attributes), once the
    text the content wrote is taken out."""
    site = sites[lang] if roadmap == "basic" else example_sites[lang]
    written = content_text((BASIC if roadmap == "basic" else REPO) / "content", AS_OF)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > (20 if roadmap == "basic" else 80)
    assert english_leaks(site, labels_for(lang), written) == []


def test_the_leak_finder_finds_english(sites, example_sites):
    """An English site, read as if it were Dutch, is full of leaks, dates and cadences included."""
    written = content_text(BASIC / "content", AS_OF)
    leaks = english_leaks(sites["de"], labels_for("nl"), written)  # German falls back to English
    found = {x.split(": ")[1].split(" ")[0] for x in leaks}
    assert {"vmgs.vision", "metric.review", "cadence.monthly", "cadence.weekly", "okr.key_results",
            "chart.line.target", "date", "cadence"} <= found
    assert any("'Jun 1, 2026'" in x for x in leaks) and any("every 3 months" in x for x in leaks)


@pytest.mark.parametrize("lang", ["nl", "sv"])
def test_overrides_reach_the_pages(sites, lang):
    site, t, overrides = sites[f"{lang}+labels"], OTHERS[lang], OVERRIDES[lang]
    home = _article(site, "index.html")
    assert _by_id(home, "h2", "vision") == overrides["vmgs.vision"]
    assert _by_id(home, "h2", "mission") == t["vmgs.mission"]  # the rest stays in the language
    board = _article(site, "journey/index.html")
    assert f'class="rg-progress__status">{overrides["chart.status.on-track"]}<' in board
    assert f'class="rg-progress__status">{t["chart.status.on-track"]}<' not in board
    assert t["vmgs.vision"] not in _visible(_article(site, "index.html")).split()


def test_an_unknown_language_falls_back_to_english(sites):
    site = sites["de"]
    home = _article(site, "index.html")
    assert _by_id(home, "h2", "vision") == "Vision" and _by_id(home, "h2", "mission") == "Mission"
    assert _by_id(_article(site, "journey/index.html"), "h1", "journey") == EN["board.title"]
    art = _article(site, "metrics/activation/index.html")
    assert "Mar 2026" in art and '<th scope="col">Date</th>' in art
    assert 'lang="de"' in _read(site, "index.html")  # Material's own words are German
