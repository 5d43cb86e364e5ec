"""Audiences: an internal and a public site from one source, with nothing internal leaking.

Content format, "Visibility": a build with ``audience: public`` contains only what is marked
``visibility: public``; nothing internal appears anywhere in it (pages, navigation, search index,
sitemap, exports), not even as the title of a link. Title, vision and mission are always public.

The leak test builds tests/fixtures/leaky twice with the real ``mkdocs build --strict``: as the
public site (its mkdocs.yml) and as the internal site (the same file with ``audience: internal``).
The fixture has internal items of every kind whose ids start with ``leakcanary-``, whose texts
start with ``LEAKCANARY-`` and whose numbers are unique, and public items that refer to every one
of them. Every byte of every file of the public site (sitemap.xml.gz decompressed, HTML entities
and JSON strings decoded too) is searched for each of them; the internal site must contain them,
so the search is known to find what it looks for. The same is done for the changes page and
Atom feed of a scratch git repository, and for this repository's example (mkdocs.yml and
mkdocs.public.yml).
"""
from __future__ import annotations

import gzip
import html
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from urllib.parse import unquote

import pytest
from mkdocs.utils.yaml import yaml_load

from conftest import FIXTURES, REPO, run_cli, without_findings
from roadmap_gen.format import model as m
from roadmap_gen.site.charts import format_number
from roadmap_gen.compile.compiler import Compiler
from roadmap_gen.format.spec import ITEM_SPECS, KEY_RESULT, REF, REFS
from roadmap_gen.site.urls import item_page, page_url

LEAKY = FIXTURES / "leaky"
AS_OF = date(2026, 11, 25)
CANARY = "leakcanary"  # every internal id starts with it, every internal text with its upper case

# Every number written only in internal items (targets, baselines, CSV values, key results).
INTERNAL_NUMBERS = ("876543.219", "4242.4242", "987654.321", "9090.9091", "13579.2468", "246801.357",
                    "531975.319", "7070.7071", "5555.1113", "3141.5927", "6283.1853", "4712.3889")

# `roadmap-gen check --audience public` in tests/fixtures/leaky, checked by hand against the files:
# each public item's reference to something internal, where it is written (a list entry at the entry).
DROPPED = """\
content/hypotheses/pub-hypothesis-2.md:3:10: note: public hypothesis `pub-hypothesis-2` refers to internal stage `leakcanary-stage-st` (`stages`); the public site shows it without that reference
content/hypotheses/pub-hypothesis-2.md:5:34: note: public hypothesis `pub-hypothesis-2` refers to internal outcome `leakcanary-outcome-o` (`outcomes`); the public site shows it without that reference
content/hypotheses/pub-hypothesis-2.md:14:14: note: public hypothesis `pub-hypothesis-2` refers to internal behaviour `leakcanary-behaviour-j` (`behaviours`); the public site shows it without that reference
content/hypotheses/pub-hypothesis.md:5:10: note: public hypothesis `pub-hypothesis` refers to internal outcome `leakcanary-outcome-o` (`outcome`); the public site shows it without that reference
content/hypotheses/pub-hypothesis.md:6:8: note: public hypothesis `pub-hypothesis` refers to internal theme `leakcanary-theme-t` (`theme`); the public site shows it without that reference
content/hypotheses/pub-hypothesis.md:7:11: note: public hypothesis `pub-hypothesis` refers to internal question `leakcanary-question-q` (`question`); the public site shows it without that reference
content/hypotheses/pub-hypothesis.md:8:14: note: public hypothesis `pub-hypothesis` refers to internal opportunity `leakcanary-opportunity-op` (`opportunity`); the public site shows it without that reference
content/hypotheses/pub-hypothesis.md:13:9: note: public hypothesis `pub-hypothesis` refers to internal tactic `leakcanary-tactic-t` (`tactic`); the public site shows it without that reference
content/hypotheses/pub-hypothesis.md:14:14: note: public hypothesis `pub-hypothesis` refers to internal behaviour `leakcanary-behaviour-x` (`behaviours`); the public site shows it without that reference
content/hypotheses/pub-hypothesis.md:14:38: note: public hypothesis `pub-hypothesis` refers to internal behaviour `leakcanary-behaviour-on-internal-stage` (`behaviours`); the public site shows it without that reference
content/insights/pub-insight.md:6:30: note: public insight `pub-insight` refers to internal hypothesis `leakcanary-hypothesis-h` (`hypotheses`); the public site shows it without that reference
content/insights/pub-insight.md:7:13: note: public insight `pub-insight` refers to internal question `leakcanary-question-q` (`questions`); the public site shows it without that reference
content/insights/pub-insight.md:8:17: note: public insight `pub-insight` refers to internal opportunity `leakcanary-opportunity-op` (`opportunities`); the public site shows it without that reference
content/insights/pub-insight.md:9:12: note: public insight `pub-insight` refers to internal outcome `leakcanary-outcome-o` (`outcomes`); the public site shows it without that reference
content/insights/pub-insight.md:10:14: note: public insight `pub-insight` refers to internal behaviour `leakcanary-behaviour-j` (`behaviours`); the public site shows it without that reference
content/journey.yml:15:76: note: public behaviour `pub-behaviour` refers to internal metric `leakcanary-metric-m` (`metric`); the public site shows it without that reference
content/okrs/pub-okr.yml:4:11: note: public okr `pub-okr` refers to internal strategy `leakcanary-strategy-no` (`strategy`); the public site shows it without that reference
content/okrs/pub-okr.yml:8:13: note: public okr `pub-okr` refers to internal metric `leakcanary-metric-kr` (`metric`); the public site shows it without that reference
content/okrs/pub-okr.yml:12:14: note: public okr `pub-okr` refers to internal outcome `leakcanary-outcome-o` (`outcome`); the public site shows it without that reference
content/okrs/pub-okr.yml:13:18: note: public okr `pub-okr` refers to internal hypothesis `leakcanary-hypothesis-h` (`hypotheses`); the public site shows it without that reference
content/okrs/pub-okr.yml:15:13: note: public okr `pub-okr` refers to internal metric `leakcanary-metric-m` (`metric`); the public site shows it without that reference
content/okrs/pub-okr.yml:23:14: note: public okr `pub-okr` refers to internal outcome `leakcanary-outcome-o` (`outcome`); the public site shows it without that reference
content/opportunities/pub-opportunity-child.md:3:9: note: public opportunity `pub-opportunity-child` refers to internal opportunity `leakcanary-opportunity-op` (`parent`); the public site shows it without that reference
content/opportunities/pub-opportunity-child.md:4:8: note: public opportunity `pub-opportunity-child` refers to internal stage `leakcanary-stage-st` (`stage`); the public site shows it without that reference
content/opportunities/pub-opportunity-orphan.md:3:10: note: public opportunity `pub-opportunity-orphan` refers to internal outcome `leakcanary-outcome-o` (`outcome`); the public site shows it without that reference
content/opportunities/pub-opportunity-orphan.md:4:9: note: public opportunity `pub-opportunity-orphan` refers to internal opportunity `leakcanary-opportunity-sub` (`parent`); the public site shows it without that reference
content/opportunities/pub-opportunity-root.md:4:14: note: public opportunity `pub-opportunity-root` refers to internal behaviour `leakcanary-behaviour-b` (`behaviours`); the public site shows it without that reference
content/outcomes/pub-outcome-stageless.md:3:8: note: public outcome `pub-outcome-stageless` refers to internal stage `leakcanary-stage-st` (`stage`); the public site shows it without that reference
content/outcomes/pub-outcome.md:3:21: note: public outcome `pub-outcome` refers to internal stage `leakcanary-stage-st` (`stages`); the public site shows it without that reference
content/outcomes/pub-outcome.md:4:11: note: public outcome `pub-outcome` refers to internal strategy `leakcanary-strategy-s` (`strategy`); the public site shows it without that reference
content/outcomes/pub-outcome.md:5:9: note: public outcome `pub-outcome` refers to internal metric `leakcanary-metric-m` (`metric`); the public site shows it without that reference
content/outcomes/pub-outcome.md:8:14: note: public outcome `pub-outcome` refers to internal behaviour `leakcanary-behaviour-b` (`behaviours`); the public site shows it without that reference
content/questions/pub-question.md:3:21: note: public question `pub-question` refers to internal stage `leakcanary-stage-st` (`stages`); the public site shows it without that reference
content/questions/pub-question.md:3:42: note: public question `pub-question` refers to internal stage `leakcanary-stage-j` (`stages`); the public site shows it without that reference
content/questions/pub-question.md:5:10: note: public question `pub-question` refers to internal outcome `leakcanary-outcome-o` (`outcome`); the public site shows it without that reference
content/questions/pub-question.md:6:8: note: public question `pub-question` refers to internal theme `leakcanary-theme-t` (`theme`); the public site shows it without that reference
content/questions/pub-question.md:7:14: note: public question `pub-question` refers to internal behaviour `leakcanary-behaviour-x` (`behaviours`); the public site shows it without that reference
content/roadmap.yml:16:13: note: public goal `pub-goal` refers to internal metric `leakcanary-metric-m` (`metric`); the public site shows it without that reference
content/roadmap.yml:38:11: note: public strategy `pub-strategy` refers to internal goal `leakcanary-goal-g` (`goal`); the public site shows it without that reference
content/roadmap.yml:39:13: note: public strategy `pub-strategy` refers to internal metric `leakcanary-metric-m` (`metric`); the public site shows it without that reference
content/themes/pub-theme.md:3:8: note: public theme `pub-theme` refers to internal stage `leakcanary-stage-st` (`stage`); the public site shows it without that reference
content/themes/pub-theme.md:5:12: note: public theme `pub-theme` refers to internal outcome `leakcanary-outcome-o` (`outcomes`); the public site shows it without that reference
content/themes/pub-theme.md:7:9: note: public theme `pub-theme` refers to internal tactic `leakcanary-tactic-t` (`tactic`); the public site shows it without that reference
content/themes/pub-theme.md:8:14: note: public theme `pub-theme` refers to internal behaviour `leakcanary-behaviour-b` (`behaviours`); the public site shows it without that reference
"""


# -- building and reading sites ----------------------------------------------------------

def mkdocs_build(config: Path, site_dir: Path) -> Path:
    """``mkdocs build --strict`` in a subprocess, as CI runs it; the build must succeed."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONIOENCODING": "utf-8"}
    env.pop("SOURCE_DATE_EPOCH", None)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d",
                           str(site_dir)], cwd=config.parent, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=300)
    assert proc.returncode == 0, f"mkdocs build -f {config} failed:\n{proc.stdout}\n{proc.stderr}"
    return site_dir


def _json_strings(value) -> list[str]:
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (str(k), *_json_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _json_strings(v)]
    return [] if value is None else [str(value)]


class Site:
    """Every file of a built site, each as the texts a reader could get out of it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
        self.texts: dict[str, list[str]] = {rel: self._variants(root / rel) for rel in self.files}

    @staticmethod
    def _variants(path: Path) -> list[str]:
        data = path.read_bytes()
        variants = [data.decode("latin-1")]  # every byte as it is, whatever the encoding
        if path.name.endswith(".gz"):
            data = gzip.decompress(data)
        text = data.decode("utf-8", errors="replace")
        variants += [text, html.unescape(text), unquote(text)]
        if path.suffix == ".json" or path.name.endswith(".json.gz"):
            strings = "\n".join(_json_strings(json.loads(text)))
            variants += [strings, html.unescape(strings)]
        return variants

    def html(self, rel: str) -> str:
        return (self.root / rel).read_text(encoding="utf-8")

    def json(self, rel: str = "roadmap.json") -> dict:
        return json.loads((self.root / rel).read_text(encoding="utf-8"))

    def find(self, needle: str, *, ignore_case: bool = False) -> list[str]:
        """The files in which ``needle`` occurs, in any of their texts."""
        if ignore_case:
            needle = needle.lower()
        return [rel for rel, texts in self.texts.items()
                if any(needle in (t.lower() if ignore_case else t) for t in texts)]

    def search(self, pattern: re.Pattern) -> list[str]:
        return [rel for rel, texts in self.texts.items() if any(pattern.search(t) for t in texts)]

    def pages(self) -> list[str]:
        return [f for f in self.files if f.endswith(".html")]


def page_file(kind: str, id: str) -> str:
    """The built file of an item's page, e.g. ``hypotheses/x/index.html``."""
    return page_url(item_page(kind, id)) + "index.html"


def number_forms(written: str) -> dict[str, str]:
    """A number as written and as the site could print it (charts.format_number and others)."""
    v = float(written)
    return {"as written": written, "repr": repr(v), "grouped": f"{v:,.4f}".rstrip("0").rstrip("."),
            "2 places": f"{v:.2f}", "1 place": f"{v:.1f}", "format_number": format_number(v)}


def short_form(text: str) -> re.Pattern:
    """A short form such as ``4.2k`` as a whole token, not as part of a longer number or word."""
    return re.compile(r"(?<![\w.,])" + re.escape(text) + r"(?![\w]|[.,]\d)")


def fixture_canaries() -> set[str]:
    """Every LEAKCANARY-... text written in the fixture's content files."""
    found: set[str] = set()
    for p in (LEAKY / "content").rglob("*"):
        if p.is_file():
            found |= set(re.findall(r"LEAKCANARY-[A-Za-z0-9-]*[A-Za-z0-9]", p.read_text(encoding="utf-8")))
    return found


def nav_titles(page_html: str) -> list[str]:
    """Texts of the site navigation's links (Material: ``md-nav__link``)."""
    links = re.findall(r'<(?:a|label)[^>]*class="md-nav__link[^"]*"[^>]*>(.*?)</(?:a|label)>', page_html, re.S)
    return [t for t in (re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", x))).strip() for x in links) if t]


def data_attributes(page_html: str) -> list[tuple[str, str]]:
    return [(k, html.unescape(v)) for k, v in re.findall(r'\s(data-[\w-]+)="([^"]*)"', page_html)]


def select_options(page_html: str) -> dict[str, list[tuple[str, str]]]:
    """Filter form: select name -> [(value, label)]."""
    out = {}
    for name, body in re.findall(r'<select name="([^"]+)">(.*?)</select>', page_html, re.S):
        options = re.findall(r'<option value="([^"]*)">(.*?)</option>', body)
        out[name] = [(v, html.unescape(label)) for v, label in options]
    return out


# -- module fixtures: each site is built once --------------------------------------------

@pytest.fixture(scope="module")
def public_site(tmp_path_factory) -> Site:
    return Site(mkdocs_build(LEAKY / "mkdocs.yml", tmp_path_factory.mktemp("leaky") / "site-public"))


@pytest.fixture(scope="module")
def internal_site(tmp_path_factory) -> Site:
    root = tmp_path_factory.mktemp("leaky-internal") / "leaky"
    shutil.copytree(LEAKY, root)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count("audience: public") == 1
    config.write_text(text.replace("audience: public", "audience: internal"), encoding="utf-8")
    return Site(mkdocs_build(config, root.parent / "site-internal"))


@pytest.fixture(scope="module")
def leaky_internal() -> m.Roadmap:
    result = Compiler(LEAKY / "content").compile(AS_OF, "internal")
    assert result.ok, [str(d) for d in result.diagnostics]
    return result.roadmap


@pytest.fixture(scope="module")
def leaky_public():
    result = Compiler(LEAKY / "content", display_base=LEAKY).compile(AS_OF, "public")
    assert result.ok, [str(d) for d in result.diagnostics]
    return result


def internal_items(roadmap: m.Roadmap) -> list[m.Item]:
    """What a public build must leave out: items not marked public, and (content format 1.1, "Several
    journeys" and "Behaviours") the stages of an internal journey and the behaviours of a stage left out,
    whatever they are marked. Written out here rather than asked of the audience pass under test."""
    journeys = {j.id for j in roadmap.journeys if not j.is_public}
    stages = {s.id for s in roadmap.stages if not s.is_public or s.journey in journeys}
    return [i for i in roadmap.all_items() if not i.is_public or (i.kind == "stage" and i.id in stages)
            or (i.kind == "behaviour" and i.stage in stages)]


def public_items(roadmap: m.Roadmap, kind: str) -> list[m.Item]:
    left_out = {(i.kind, i.id) for i in internal_items(roadmap)}
    return [i for i in roadmap.items(kind) if (i.kind, i.id) not in left_out]


# -- the fixture is what the leak test needs ------------------------------------------------

def test_fixture_has_internal_items_of_every_kind_with_canary_ids(leaky_internal):
    internal = internal_items(leaky_internal)
    assert {i.kind for i in internal} == set(m.KINDS)
    for item in internal:
        assert item.id.startswith(CANARY + "-"), item.id
        assert item.title.startswith("LEAKCANARY-"), item.title
    for kind in m.KINDS:
        for item in public_items(leaky_internal, kind):
            # a public stage's boosters and blockers hold its internal behaviours as written
            fields = {k: v for k, v in item.fields.items() if not (kind == "stage" and k in ("boosters", "blockers"))}
            assert CANARY not in item.id and "LEAKCANARY" not in json.dumps(fields), item.id
    # format 1.1: an internal journey whose stage is marked public, internal behaviours (a booster with a
    # metric and a blocker) on a public stage, a behaviour marked public on an internal stage and one in the
    # internal journey; an internal tactic id named by public items; public key results naming internal work
    stage = leaky_internal.get("stage", "leakcanary-stage-j")
    assert stage.is_public and not leaky_internal.get("journey", stage.journey).is_public
    assert [(b.id, b.stage, b.type, b.is_public) for b in leaky_internal.behaviours] == [
        ("pub-behaviour", "pub-stage", "booster", True), ("leakcanary-behaviour-b", "pub-stage", "booster", False),
        ("leakcanary-behaviour-x", "pub-stage", "blocker", False),
        ("leakcanary-behaviour-on-internal-stage", "leakcanary-stage-st", "blocker", True),
        ("leakcanary-behaviour-j", "leakcanary-stage-j", "booster", True)]
    assert [(st.id, t.id) for st, t in leaky_internal.tactics()] == [("leakcanary-strategy-s", "leakcanary-tactic-t"),
                                                                   ("pub-strategy", "pub-tactic")]
    assert leaky_internal.get("theme", "pub-theme").tactic == "leakcanary-tactic-t"
    assert leaky_internal.get("hypothesis", "pub-hypothesis").tactic == "leakcanary-tactic-t"
    krs = leaky_internal.get("okr", "pub-okr").key_results
    assert [(kr.outcome, kr.hypotheses) for kr in krs] == [
        ("leakcanary-outcome-o", ("leakcanary-hypothesis-h", "pub-hypothesis")), (None, ()), (None, ()),
        ("leakcanary-outcome-o", ())]
    s = leaky_internal.get("strategy", "leakcanary-strategy-s")
    assert len(s.tactics) == 2 and not any(x.is_public for x in leaky_internal.strategies if x.id.startswith(CANARY))
    assert len(leaky_internal.get("metric", "leakcanary-metric-m").measurements) == 3
    h = leaky_internal.get("hypothesis", "leakcanary-hypothesis-h")
    assert h.experiments and h.links and h.body.strip()
    # the numbers are written only in internal files, the way INTERNAL_NUMBERS spells them
    sources = {p: p.read_text(encoding="utf-8") for p in (LEAKY / "content").rglob("*") if p.is_file()}
    for n in INTERNAL_NUMBERS:
        where = [p.name for p, text in sources.items() if n in text]
        assert where and all(CANARY in name or name in ("roadmap.yml", "metrics.yml") for name in where), (n, where)


def test_every_referenceable_internal_item_is_referred_to_by_a_public_one(leaky_internal, leaky_public):
    referenceable = {f.ref for spec in (*ITEM_SPECS.values(), KEY_RESULT) for f in spec.fields
                     if f.type in (REF, REFS)}
    targets = {(d.target_kind, d.target_id) for d in leaky_public.dropped}
    missing = [(i.kind, i.id) for i in internal_items(leaky_internal)
               if i.kind in referenceable and (i.kind, i.id) not in targets]
    assert not missing
    # ... and internal items refer to public ones too, so a back-link or a tree could pull them in
    internal_refs = {(k, i) for item in internal_items(leaky_internal) for k, i in _refs(item)}
    assert {("goal", "pub-goal"), ("strategy", "pub-strategy"), ("stage", "pub-stage"), ("metric", "pub-metric"),
            ("outcome", "pub-outcome-measured"), ("theme", "pub-theme"), ("question", "pub-question"),
            ("opportunity", "pub-opportunity-root"), ("behaviour", "pub-behaviour"), ("tactic", "pub-tactic"),
            ("hypothesis", "pub-hypothesis")} <= internal_refs


def _refs(item: m.Item):
    from roadmap_gen.compile.validate import item_references
    return [(kind, id) for _, kind, id, _ in item_references(item)]


# -- the leak test -------------------------------------------------------------------------

def test_public_site_has_no_canary_anywhere(public_site):
    assert len(public_site.files) > 20
    assert "sitemap.xml.gz" in public_site.files and "search/search_index.json" in public_site.files
    assert "roadmap.json" in public_site.files
    leaks = public_site.find(CANARY, ignore_case=True)
    assert not leaks, f"`{CANARY}` found in {leaks}"
    assert not [f for f in public_site.files if CANARY in f.lower()]  # no page or file named after one


def test_public_site_has_no_internal_text_or_id(public_site, leaky_internal):
    needles = fixture_canaries() | {i.id for i in internal_items(leaky_internal)}
    needles |= {i.title for i in internal_items(leaky_internal)}
    assert len(needles) >= 50
    leaks = {n: public_site.find(n) for n in sorted(needles)}
    assert not {n: f for n, f in leaks.items() if f}


def test_public_site_has_no_internal_number(public_site):
    leaks = {}
    for n in INTERNAL_NUMBERS:
        for how, form in number_forms(n).items():
            found = public_site.search(short_form(form)) if how == "format_number" else public_site.find(form)
            if found:
                leaks[f"{n} {how} {form!r}"] = found
    assert not leaks


def test_internal_site_has_every_canary_so_the_search_can_fail(internal_site, leaky_internal):
    """The control: the same searches find everything in the internal build of the same files."""
    needles = fixture_canaries() | {i.id for i in internal_items(leaky_internal)}
    needles |= {i.title for i in internal_items(leaky_internal)}
    missing = [n for n in sorted(needles) if not internal_site.find(n)]
    assert not missing
    for n in INTERNAL_NUMBERS:
        forms = number_forms(n)
        assert internal_site.find(forms["as written"]) == ["roadmap.json"], n
        shown = internal_site.search(short_form(forms["format_number"])) + internal_site.find(forms["grouped"])
        assert any(f.endswith(".html") for f in shown), n
    # format_number's short forms are what the pages print, e.g. the internal metric on the KPI page
    kpis = internal_site.html("kpis/index.html")
    for text in ("532k", "987.7k", "4.2k", "7.1k"):
        assert short_form(text).search(kpis), text
    assert short_form("876.5k").search(internal_site.html("index.html"))
    # and the internal metric's numbers reach the public outcome's progress bar when nothing strips them
    assert short_form("532k").search(internal_site.html(page_file("outcome", "pub-outcome")))
    assert 'data-theme="leakcanary-theme-t"' in internal_site.html("journey/index.html")
    assert internal_site.search(re.compile(r'<option value="leakcanary-theme-t">LEAKCANARY-theme-title</option>'))


def test_no_page_of_an_internal_item_in_the_public_site(public_site, internal_site, leaky_internal, leaky_public):
    for item in internal_items(leaky_internal):
        if item.kind in m.PAGE_KINDS:
            page = page_file(item.kind, item.id)
            assert page not in public_site.files, page
            assert page in internal_site.files, page
    item_pages = {page_file(i.kind, i.id) for i in leaky_public.roadmap.all_items() if i.kind in m.PAGE_KINDS}
    built = {f for f in public_site.pages() if f.count("/") == 2 and f.split("/")[0] in
             {m.PLURAL[k] for k in m.PAGE_KINDS}}
    assert built == item_pages
    sitemap = public_site.html("sitemap.xml")
    assert gzip.decompress((public_site.root / "sitemap.xml.gz").read_bytes()).decode("utf-8") == sitemap
    urls = {u.removeprefix("https://roadmap.example.com/leaky/") for u in re.findall(r"<loc>(.*?)</loc>", sitemap)}
    assert urls == {f.removesuffix("index.html") for f in public_site.pages() if f != "404.html"}
    search = public_site.json("search/search_index.json")
    locations = {d["location"].split("#")[0] for d in search["docs"]}
    assert {page_url(item_page(i.kind, i.id)) for i in leaky_public.roadmap.all_items()
            if i.kind in m.PAGE_KINDS} <= locations
    assert not [loc for loc in locations if CANARY in loc]


def test_navigation_and_page_titles_have_no_internal_title(public_site, internal_site):
    public_nav = nav_titles(public_site.html("index.html"))
    assert "Journey" in public_nav and "About" in public_nav
    internal_nav = nav_titles(internal_site.html("index.html"))
    health = [t for t in internal_nav if re.fullmatch(r"Health \(\d+\)", t)]
    assert len(health) == 1 and not [t for t in public_nav if t.startswith("Health")]  # internal builds only
    assert [t for t in internal_nav if t not in health] == public_nav  # the nav lists sections, not items
    for page in public_site.pages():
        text = public_site.html(page)
        assert not [t for t in nav_titles(text) if "LEAKCANARY" in t], page
        title = re.search(r"<title>(.*?)</title>", text, re.S).group(1)
        assert "LEAKCANARY" not in title and CANARY not in title.lower(), page
        description = re.search(r'<meta name="description" content="([^"]*)"', text)
        assert description is None or "LEAKCANARY" not in description.group(1), page
        crumbs = re.findall(r'<nav class="rg-crumbs".*?</nav>', text, re.S)
        assert not [c for c in crumbs if "LEAKCANARY" in c], page
    assert public_site.find("PUBLICMARK-vision")  # the always-public statements are there
    assert 'content="PUBLICMARK-vision, always public."' in public_site.html("index.html")


def test_data_attributes_and_filter_options_are_public(public_site, leaky_public):
    public_ids = {i.id for i in leaky_public.roadmap.all_items()}
    for page in public_site.pages():
        text = public_site.html(page)
        for name, value in data_attributes(text):
            if name in ("data-theme", "data-stages", "data-key"):
                ids = value.replace("/", " ").split()
                assert all(x in public_ids | set(m.KINDS) for x in ids), (page, name, value)
        for name, options in select_options(text).items():
            for value, label in options:
                assert CANARY not in value and "LEAKCANARY" not in label, (page, name, value, label)
    # a public card whose theme is internal carries no theme at all
    for page in ("journey/index.html", "hypotheses/index.html"):  # the pages with filters
        card = re.search(r'<article class="rg-card[^"]*" data-key="hypothesis/pub-hypothesis"[^>]*>',
                         public_site.html(page)).group(0)
        assert 'data-theme=""' in card and 'data-stages="pub-stage"' in card, page
    # cards on pages without filters carry no filter data at all
    card = re.search(r'<article class="rg-card[^"]*" data-key="hypothesis/pub-hypothesis"[^>]*>',
                     public_site.html("stages/pub-stage/index.html")).group(0)
    assert "data-theme" not in card and "data-stages" not in card
    question = re.search(r'<article class="rg-card[^"]*" data-key="question/pub-question"[^>]*>',
                         public_site.html("questions/index.html")).group(0)
    assert 'data-theme=""' in question and 'data-stages="pub-stage"' in question


# -- each view shows only what is public ------------------------------------------------------

def board_cells(page_html: str) -> dict[tuple[str, str], list[str]]:
    cells = re.findall(r'<td class="rg-board__cell" data-stage="([^"]+)" data-horizon="([^"]+)">(.*?)</td>',
                       page_html, re.S)
    return {(s, h): re.findall(r'data-key="([^"]+)"', body) for s, h, body in cells}


def test_journey_board_has_public_stages_and_cards_only(public_site):
    board = public_site.html("journey/index.html")
    assert re.findall(r'<th scope="col" id="stage-([^"]+)"', board) == ["pub-stage", "pub-stage-2"]
    cells = board_cells(board)
    assert set(cells) == {(s, h) for s in ("pub-stage", "pub-stage-2") for h in m.HORIZONS}
    placed = {(s, h): keys for (s, h), keys in cells.items() if keys}
    assert placed == {("pub-stage", "now"): ["hypothesis/pub-hypothesis"],
                      ("pub-stage", "next"): ["question/pub-question"],
                      ("pub-stage-2", "later"): ["hypothesis/pub-hypothesis-2"]}
    # pub-theme's only stage is internal: it is on no column, and nothing of the board counts it
    assert "theme/pub-theme" not in board and 'data-total="3"' in board
    assert "PUBLICMARK-theme-team" not in board
    # the column outcomes: public outcomes on a public stage; the stage-less one is on no column
    outcomes = re.findall(r'<div class="rg-board__outcome"><a href="([^"]+)"', board)
    assert outcomes == ["../outcomes/pub-outcome-measured/", "../outcomes/pub-outcome/"]
    assert page_file("theme", "pub-theme") in public_site.files
    assert page_file("outcome", "pub-outcome-stageless") in public_site.files
    stages = public_site.html("stages/index.html")
    assert re.findall(r'<a href="([^"]+)"><strong>', stages) == ["pub-stage/", "pub-stage-2/"]


def test_home_page_shows_public_goals_strategies_and_counts(public_site, leaky_public):
    home = public_site.html("index.html")
    assert re.findall(r'<li id="goal-([^"]+)"', home) == ["pub-goal"]
    goal = re.search(r'<li id="goal-pub-goal".*?</li>', home, re.S).group(0)
    # its metric is internal: no metric link, no progress bar, only the goal's own target
    assert "rg-progress" not in goal and "metrics/" not in goal
    assert '<p class="rg-goal__meta">Target 100 by <time datetime="2027-06-30">' in goal
    assert re.findall(r'<article id="strategy-([^"]+)"', home) == ["pub-strategy"]
    strategy = re.search(r'<article id="strategy-pub-strategy".*?</article>', home, re.S).group(0)
    assert "rg-strategy__meta" not in strategy and "PUBLICMARK-tactic-title" in strategy
    assert "rg-vmgs__review" not in home  # the review dates are not title, vision or mission
    counts = dict((label, int(n)) for n, label in re.findall(r"<strong>(\d+)</strong> (\w+)</a>", home))
    assert counts == {"Outcomes": 3, "Themes": 1, "Questions": 1, "Hypotheses": 2}
    r = leaky_public.roadmap
    assert counts == {"Outcomes": len(r.outcomes), "Themes": len(r.themes), "Questions": len(r.questions),
                      "Hypotheses": len(r.hypotheses)}


def test_kpi_dashboard_and_metric_index_show_public_metrics_only(public_site):
    kpis = public_site.html("kpis/index.html")
    assert re.findall(r'<article class="rg-kpi[^"]*" id="kpi-([^"]+)"', kpis) == ["pub-metric"]
    index = public_site.html("metrics/index.html")
    assert re.findall(r'<a href="([^"]+)">', index.split('class="rg-metric-list"')[1].split("</ul>")[0]) == \
        ["pub-metric/"]


def test_okr_key_result_naming_an_internal_metric_uses_its_own_current_only(public_site):
    assert re.findall(r'<article class="rg-okr[^"]*" id="okr-([^"]+)"', public_site.html("okrs/index.html")) == \
        ["pub-okr"]
    page = public_site.html(page_file("okr", "pub-okr"))
    rows = re.findall(r'<p class="rg-kr__title">(.*?)</p>(?:<p class="rg-kr__links">.*?</p>)?\n'
                      r'<dl class="rg-kr__figures"><div><dt>From</dt><dd>(.*?)</dd>'
                      r'</div><div><dt>Current</dt><dd>(.*?)</dd></div><div><dt>To</dt><dd>(.*?)</dd>', page, re.S)
    assert [(re.sub(r"<[^>]+>", "", t).strip(), f, c, to) for t, f, c, to in rows] == [
        ("PUBLICMARK-kr-own-current", "10", "12", "20"),  # not the internal metric's 7070.7071
        ("PUBLICMARK-kr-metric-only", "0", "—", "1k"),  # no data rather than the internal metric's
        ("PUBLICMARK-kr-public-metric PUBLICMARK-metric-title", "20%", "31%", "40%"),
        ("PUBLICMARK-kr-outcome-only", "0", "—", "10"),  # not scored by the internal outcome's metric
    ]
    assert "rg-okr__metric" in rows[2][0] and "rg-okr__metric" not in rows[0][0] + rows[1][0]
    # what a key result names (format 1.1): its public hypothesis only, not the internal outcome or hypothesis
    links = re.findall(r'<p class="rg-kr__links">(.*?)</p>', page, re.S)
    assert [re.sub(r"<[^>]+>", "", x).strip() for x in links] == ["Hypotheses: PUBLICMARK-hypothesis-title"]
    # its strategy is internal: the meta line names period and team only
    assert '<p class="rg-okr__meta">Period 2026-Q4 (Current) · Team PUBLICMARK-okr-team</p>' in page
    okr = next(o for o in public_site.json()["okrs"] if o["id"] == "pub-okr")
    assert "strategy" not in okr
    krs = [(kr.get("metric"), kr["current"], kr["score"]) for kr in okr["key_results"]]
    assert krs == [(None, 12, 0.2), (None, None, None), ("pub-metric", 31, 0.55), (None, None, None)]
    # the links of a key result keep what is public: no internal outcome, hypothesis or metric it is measured by
    assert [(kr.get("outcome"), kr.get("hypotheses"), kr.get("measured_by")) for kr in okr["key_results"]] == [
        (None, ["pub-hypothesis"], None), (None, None, None), (None, None, None), (None, None, None)]
    assert okr["score"] == round((0.2 + 0.55) / 2, 6)


def test_public_outcome_with_internal_metric_shows_no_number_of_it(public_site):
    page = public_site.html(page_file("outcome", "pub-outcome"))
    assert "rg-chart-figure" not in page  # no trend chart of the internal metric
    assert '<span class="rg-progress__baseline">Baseline —</span><span class="rg-progress__current">Current —' \
           '</span><span class="rg-progress__target">Target 50</span>' in page
    assert "rg-progress--no-data" in page
    facts = re.search(r'<dl class="rg-facts">.*?</dl>', page, re.S).group(0)
    # no metric, no strategy: its stage and the one public behaviour it aims at (the internal one left out)
    assert re.findall(r"<dt>(.*?)</dt>", facts) == ["Stage", "Behaviour"] and "pub-stage" in facts
    assert re.findall(r'<dd><a href="[^"]*">(.*?)</a></dd>', facts)[-1] == "PUBLICMARK-behaviour-title"
    outcome = next(o for o in public_site.json()["outcomes"] if o["id"] == "pub-outcome")
    assert "metric" not in outcome and "strategy" not in outcome and outcome["stages"] == ["pub-stage"]
    figures = outcome.get("figures", outcome)  # computed figures, nested or not
    assert (outcome["status"], outcome["progress"], figures["baseline"], figures["current"], figures["target"]) == \
        ("no-data", None, None, None, 50)
    # a public outcome on a public metric keeps all of it
    measured = next(o for o in public_site.json()["outcomes"] if o["id"] == "pub-outcome-measured")
    figures = measured.get("figures", measured)
    assert (measured["metric"], figures["baseline"], figures["current"], figures["target"]) == \
        ("pub-metric", 20, 31, 40)


def _tree_links(fragment: str) -> list[str]:
    return re.findall(r'<a class="rg-tree__label" href="([^"]+)">', fragment)


def test_trees_show_public_nodes_only(public_site):
    index = public_site.html("opportunities/index.html")
    assert re.findall(r'<h2 id="tree-([^"]+)"', index) == ["pub-outcome-measured"]
    tree = index.split('<div class="rg-tree"')[1].split("</div>")[0]
    assert _tree_links(tree) == ["../outcomes/pub-outcome-measured/", "pub-opportunity-root/",
                                 "../hypotheses/pub-hypothesis-2/"]
    # public opportunities whose root is internal are listed, not lost
    unrooted = index.split('class="rg-tree__unrooted"')[1].split("</ul>")[0]
    assert re.findall(r'href="([^"]+)"', unrooted) == ["pub-opportunity-child/", "pub-opportunity-orphan/"]
    outcome = public_site.html(page_file("outcome", "pub-outcome-measured"))
    assert _tree_links(outcome.split('<div class="rg-tree"')[1].split("</div>")[0]) == [
        "./", "../../opportunities/pub-opportunity-root/", "../../hypotheses/pub-hypothesis-2/"]
    root = public_site.html(page_file("opportunity", "pub-opportunity-root"))
    assert _tree_links(root.split('<div class="rg-tree"')[1].split("</div>")[0]) == []  # no internal child
    child = public_site.html(page_file("opportunity", "pub-opportunity-child"))
    assert "Parent opportunity" not in child and "<dt>Outcome</dt>" not in child


def _backlinks(page_html: str) -> list[str]:
    section = re.search(r'<section class="rg-backlinks".*?</section>', page_html, re.S)
    return re.findall(r'<a href="([^"]+)">', section.group(0)) if section else []


def _referrers(page_html: str) -> set[str]:
    """What an item page shows of the items that refer to it: back-links, and the cards, outcomes and
    tree nodes the page lists instead (never twice)."""
    cards = re.findall(r'<h3 class="rg-card__title"><a href="([^"]+)">', page_html)
    outcomes = re.findall(r'<p class="rg-outcome-summary__title"><a href="([^"]+)">', page_html)
    tree = re.findall(r'<a class="rg-tree__label" href="([^"]+)">', page_html)
    assert not set(_backlinks(page_html)) & {*cards, *outcomes, *tree}
    return {*_backlinks(page_html), *cards, *outcomes, *tree} - {"./"}


def test_back_links_and_related_cards_are_public_only(public_site):
    page = public_site.html(page_file("outcome", "pub-outcome-measured"))
    assert _backlinks(page) == []  # all of them are cards or tree nodes on the page
    assert _referrers(page) == {"../../themes/pub-theme/", "../../hypotheses/pub-hypothesis-2/",
                                "../../opportunities/pub-opportunity-root/"}
    assert _referrers(public_site.html(page_file("stage", "pub-stage"))) == {
        "../../outcomes/pub-outcome/", "../../outcomes/pub-outcome-measured/", "../../questions/pub-question/",
        "../../hypotheses/pub-hypothesis/"}
    assert _backlinks(public_site.html(page_file("metric", "pub-metric"))) == [
        "../../outcomes/pub-outcome-measured/", "../../outcomes/pub-outcome-stageless/", "../../okrs/pub-okr/"]
    theme = public_site.html(page_file("theme", "pub-theme"))
    assert re.findall(r'data-key="([^"]+)"', theme) == ["hypothesis/pub-hypothesis-2"]
    question = public_site.html(page_file("question", "pub-question"))
    assert re.findall(r'data-key="([^"]+)"', question) == ["hypothesis/pub-hypothesis-2"]
    hypothesis = public_site.html(page_file("hypothesis", "pub-hypothesis"))
    assert re.findall(r"<dt>(.*?)</dt>", re.search(r'<dl class="rg-facts">.*?</dl>', hypothesis, re.S).group(0)) == \
        ["Horizon", "Stage"]
    assert "rg-outcome-summary" not in hypothesis


def _evidence(page_html: str) -> tuple[str, list[str]]:
    """An item page's Evidence section: its counts, and the links of its insights (none: no section)."""
    found = re.search(r'<h2 id="evidence">.*?</div>', page_html, re.S)
    if not found:
        return "", []
    counts = re.search(r'<p class="rg-evidence-counts[^"]*"><span aria-hidden="true">(.*?)</span>', found.group(0))
    return counts.group(1), re.findall(r'<a href="(../../insights/[^"]+)">', found.group(0))


def test_an_internal_insight_is_not_even_counted_in_a_public_build(public_site, internal_site):
    """The internal insight contradicts four public items; the public insight supports pub-hypothesis."""
    page = page_file("hypothesis", "pub-hypothesis")
    assert _evidence(internal_site.html(page)) == (
        "1 for · 1 against", ["../../insights/pub-insight/", "../../insights/leakcanary-insight-i/"])
    assert _evidence(public_site.html(page)) == ("1 for · 0 against", ["../../insights/pub-insight/"])
    for kind, id in (("question", "pub-question"), ("opportunity", "pub-opportunity-root"),
                     ("outcome", "pub-outcome-measured")):
        assert _evidence(internal_site.html(page_file(kind, id)))[0] == "0 for · 1 against", id
        assert _evidence(public_site.html(page_file(kind, id))) == ("", []), id
    # the cards: the board's and the index's
    for built, text in ((public_site, "1 for · 0 against"), (internal_site, "1 for · 1 against")):
        for listing in ("journey/index.html", "hypotheses/index.html"):
            card = re.search(r'<article class="rg-card[^"]*" data-key="hypothesis/pub-hypothesis".*?</article>',
                             built.html(listing), re.S).group(0)
            assert f'<span aria-hidden="true">{text}</span>' in card, (listing, text)
    question = re.search(r'<article class="rg-card[^"]*" data-key="question/pub-question".*?</article>',
                         public_site.html("journey/index.html"), re.S).group(0)
    assert "rg-evidence-counts" not in question
    # roadmap.json: the counts, and the public insight without its internal references
    data = {(k, e["id"]): e for k in ("hypotheses", "questions", "insights") for e in public_site.json()[k]}
    assert data["hypotheses", "pub-hypothesis"]["evidence"] == {"supports": 1, "contradicts": 0}
    assert "evidence" not in data["questions", "pub-question"]
    insight = data["insights", "pub-insight"]
    assert insight["hypotheses"] == ["pub-hypothesis"]
    assert insight["questions"] == insight["opportunities"] == insight["outcomes"] == []
    internal = {(k, e["id"]): e for k in ("hypotheses", "questions") for e in internal_site.json()[k]}
    assert internal["hypotheses", "pub-hypothesis"]["evidence"] == {"supports": 1, "contradicts": 1}
    assert internal["questions", "pub-question"]["evidence"] == {"supports": 0, "contradicts": 1}


def test_insight_pages_and_index_are_public_only(public_site, internal_site):
    index = public_site.html("insights/index.html")
    assert re.findall(r'data-key="(insight/[^"]+)"', index) == ["insight/pub-insight"]
    assert re.findall(r'data-key="(insight/[^"]+)"', internal_site.html("insights/index.html")) == [
        "insight/leakcanary-insight-i", "insight/pub-insight"]  # newest first
    page = public_site.html(page_file("insight", "pub-insight"))
    names = re.search(r'<h2 id="evidence-for">.*?</div>', page, re.S).group(0)
    assert re.findall(r'<a href="([^"]+)">', names) == ["../../hypotheses/pub-hypothesis/",
                                                         "../../behaviours/pub-behaviour/"]
    assert page_file("insight", "leakcanary-insight-i") not in public_site.files


def test_roadmap_json_lists_public_items_only(public_site, leaky_public, leaky_internal):
    data = public_site.json()
    for kind in m.KINDS:
        assert [e["id"] for e in data[m.PLURAL[kind]]] == [i.id for i in public_items(leaky_internal, kind)]
    assert "review" not in data
    assert (data["title"], data["vision"], data["mission"]) == (
        "PUBLICMARK-title", "PUBLICMARK-vision, always public.", "PUBLICMARK-mission, always public.")
    goal = data["goals"][0]
    assert "metric" not in goal and "status" not in goal and goal["target"] == 100
    strategy = data["strategies"][0]
    assert "goal" not in strategy and "metric" not in strategy
    code, out, err = run_cli("export", cwd=LEAKY)
    assert code == 0, err
    assert json.loads(out) == data  # the CLI exports what the public site publishes


def test_journeys_behaviours_and_tactics_are_public_only(public_site, internal_site):
    """Content format 1.1: an internal journey takes its stages with it (one is marked public), an internal
    behaviour is left out of its public stage, a public behaviour is left out of its internal stage, and a
    public behaviour names no internal metric, not even inside its stage's boosters as written."""
    data = public_site.json()
    assert [(j["id"], j["stages"]) for j in data["journeys"]] == [("pub-journey", ["pub-stage", "pub-stage-2"])]
    assert [(s["id"], s["journey"]) for s in data["stages"]] == [("pub-stage", "pub-journey"),
                                                                 ("pub-stage-2", "pub-journey")]
    stage = data["stages"][0]
    assert (stage["boosters"], stage["blockers"]) == (
        ["PUBLICMARK-stage-booster-text", {"id": "pub-behaviour", "title": "PUBLICMARK-behaviour-title",
                                           "visibility": "public"}], [])
    [behaviour] = data["behaviours"]
    assert (behaviour["id"], behaviour["metric"], behaviour["unaddressed"]) == ("pub-behaviour", None, False)
    assert behaviour["addressed_by"] == [{"kind": "outcome", "id": "pub-outcome"}, {"kind": "theme", "id": "pub-theme"},
                                         {"kind": "hypothesis", "id": "pub-hypothesis-2"}]
    strategy = data["strategies"][0]
    assert strategy["tactics"] == [{"id": "pub-tactic", "title": "PUBLICMARK-tactic-title"}]
    links = {(e["id"], e.get("tactic"), tuple(e.get("behaviours", ()))) for k in ("themes", "hypotheses")
             for e in data[k]}
    assert links == {("pub-theme", None, ("pub-behaviour",)), ("pub-hypothesis", None, ()),
                     ("pub-hypothesis-2", "pub-tactic", ("pub-behaviour",))}
    # the control: the internal build has all of it, internal items aimed at the public behaviour included
    internal = internal_site.json()
    assert [j["id"] for j in internal["journeys"]] == ["pub-journey", "leakcanary-journey-j"]
    assert len(internal["behaviours"]) == 5
    addressed = next(b for b in internal["behaviours"] if b["id"] == "pub-behaviour")["addressed_by"]
    assert {"kind": "outcome", "id": "leakcanary-outcome-o"} in addressed
    assert internal["stages"][0]["boosters"][1]["metric"] == "leakcanary-metric-m"
    kr = next(o for o in internal["okrs"] if o["id"] == "pub-okr")["key_results"][3]
    assert (kr["outcome"], kr["measured_by"]) == ("leakcanary-outcome-o", "leakcanary-metric-m")


# -- roadmap-gen check --audience public ------------------------------------------------------

def test_check_audience_public_lists_every_dropped_reference(leaky_public):
    code, out, err = run_cli("check", "--audience", "public", cwd=LEAKY)
    assert code == 0, out + err
    assert "\n".join(without_findings(out)) + "\n" == DROPPED  # and the public roadmap's health findings
    assert "0 errors" in err and "audience public" in err and "44 reference(s) dropped" in err
    assert [f"{d.loc}: note: {str(d).split(': ', 1)[1]}" for d in leaky_public.dropped] == DROPPED.splitlines()


def test_check_audience_internal_drops_nothing():
    code, out, err = run_cli("check", "--audience", "internal", cwd=LEAKY)
    assert code == 0, err
    assert without_findings(out) == []  # roadmap health findings only, no note of a dropped reference
    assert "dropped" not in err and "audience internal" in err


def test_check_json_reports_each_dropped_reference_at_its_list_entry():
    code, out, err = run_cli("check", "--audience", "public", "--format", "json", cwd=LEAKY)
    assert code == 0, err
    dropped = json.loads(out)["dropped"]
    assert len(dropped) == 44
    entry = next(d for d in dropped if d["id"] == "pub-hypothesis-2" and d["field"] == "outcomes")
    assert (entry["path"], entry["line"], entry["column"], entry["target_kind"], entry["target_id"]) == (
        "content/hypotheses/pub-hypothesis-2.md", 5, 34, "outcome", "leakcanary-outcome-o")


# -- a content folder inside docs_dir is not published as it is ---------------------------------

def test_content_inside_docs_dir_is_not_published(tmp_path):
    root = tmp_path / "site"
    shutil.copytree(LEAKY / "content", root / "docs" / "roadmap")
    (root / "mkdocs.yml").write_text(
        (LEAKY / "mkdocs.yml").read_text(encoding="utf-8").replace(
            "      audience: public", "      audience: public\n      content_dir: docs/roadmap"), encoding="utf-8")
    site = Site(mkdocs_build(root / "mkdocs.yml", tmp_path / "out"))
    assert not [f for f in site.files if f.startswith("roadmap/")]
    assert not site.find(CANARY, ignore_case=True)
    assert page_file("hypothesis", "pub-hypothesis") in site.files


# -- the history: changes page and Atom feed from git ------------------------------------------

def _git(root: Path, *args: str, date_text: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Author", "GIT_AUTHOR_EMAIL": "author@example.com",
           "GIT_COMMITTER_NAME": "Author", "GIT_COMMITTER_EMAIL": "author@example.com"}
    if date_text:
        env.update(GIT_AUTHOR_DATE=date_text, GIT_COMMITTER_DATE=date_text)
    subprocess.run(["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args], cwd=root,
                   env=env, check=True, capture_output=True)


def test_history_of_a_public_site_names_nothing_internal(tmp_path):
    """Three commits: everything; only internal changes; a public change. Subjects name internal things."""
    root = tmp_path / "repo"
    shutil.copytree(LEAKY, root)
    csv = root / "content" / "metrics" / "leakcanary-metric-m.csv"
    rows = csv.read_text(encoding="utf-8")
    csv.write_text("".join(rows.splitlines(keepends=True)[:3]), encoding="utf-8")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "LEAKCANARY-subject-all: with leakcanary-goal-g", date_text="2026-09-01T12:00:00Z")
    _git(root, "tag", "review-2026-q3")  # a review: the reviews page, review pages and the pack's changes
    csv.write_text(rows, encoding="utf-8")
    metrics = root / "content" / "metrics.yml"  # goalposts moved, internal and public
    metrics.write_text(metrics.read_text(encoding="utf-8").replace("value: 987654.321", "value: 999999.5"),
                       encoding="utf-8")
    hyp = root / "content" / "hypotheses" / "leakcanary-hypothesis-h.md"
    hyp.write_text(hyp.read_text(encoding="utf-8").replace("status: validated", "status: invalidated"),
                   encoding="utf-8")
    _git(root, "commit", "-q", "-am", "LEAKCANARY-subject-internal-only", date_text="2026-10-01T12:00:00Z")
    pub = root / "content" / "hypotheses" / "pub-hypothesis.md"
    pub.write_text(pub.read_text(encoding="utf-8").replace("status: testing", "status: validated"), encoding="utf-8")
    metrics.write_text(metrics.read_text(encoding="utf-8").replace("target: {value: 40, by: 2026-12-31}",
                                                                   "target: {value: 35, by: 2026-12-31}"),
                       encoding="utf-8")
    _git(root, "commit", "-q", "-am", "LEAKCANARY-subject-public: pub-hypothesis validated",
         date_text="2026-11-01T12:00:00Z")

    public = Site(mkdocs_build(root / "mkdocs.yml", tmp_path / "public"))
    assert {"changes/index.html", "changes/feed.xml", "changes/goalposts/index.html", "reviews/index.html",
            "reviews/review-2026-q3/index.html", "pack/index.html", "embed/index.html", "embed/journey/index.html",
            "embed/kpis/index.html", "embed/outcomes/pub-outcome/index.html"} <= set(public.files)
    assert "PUBLICMARK-metric-title" in public.html("changes/goalposts/index.html")
    assert "PUBLICMARK-metric-title" in public.html("reviews/index.html")
    assert not public.find(CANARY, ignore_case=True), public.find(CANARY, ignore_case=True)
    for n in INTERNAL_NUMBERS:
        assert not public.find(n), n
    feed = public.html("changes/feed.xml")
    assert feed.count("/changes/#commit-") == 2  # the commit that changed only internal things is left out
    assert "PUBLICMARK-hypothesis-title" in feed

    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("audience: public", "audience: internal"),
                      encoding="utf-8")
    internal = Site(mkdocs_build(config, tmp_path / "internal"))
    assert internal.html("changes/feed.xml").count("/changes/#commit-") == 3  # and computed events
    for subject in ("LEAKCANARY-subject-all", "LEAKCANARY-subject-internal-only", "LEAKCANARY-subject-public"):
        assert "changes/feed.xml" in internal.find(subject), subject


# -- the example: one repository, two sites ----------------------------------------------------

@pytest.fixture(scope="module")
def example_sites(tmp_path_factory) -> dict[str, Site]:
    out = tmp_path_factory.mktemp("example")
    return {"internal": Site(mkdocs_build(REPO / "mkdocs.yml", out / "site")),
            "public": Site(mkdocs_build(REPO / "mkdocs.public.yml", out / "site-public"))}


@pytest.fixture(scope="module")
def example_roadmap() -> m.Roadmap:
    result = Compiler(REPO / "content").compile(AS_OF, "internal")
    assert result.ok
    return result.roadmap


def test_public_config_inherits_and_differs_only_in_audience():
    with open(REPO / "mkdocs.yml", "rb") as f:
        internal = yaml_load(f)
    with open(REPO / "mkdocs.public.yml", "rb") as f:
        public = yaml_load(f)

    def plugins(cfg: dict) -> dict:
        out = {}
        for p in cfg["plugins"]:
            name, options = (p, {}) if isinstance(p, str) else next(iter(p.items()))
            out[name] = dict(options or {})
        return out

    ours, theirs = plugins(internal), plugins(public)
    assert ours.keys() == theirs.keys() and "outcome-roadmap" in ours
    assert theirs["outcome-roadmap"].pop("audience") == "public"
    assert ours["outcome-roadmap"].pop("audience", "internal") == "internal"
    assert ours == theirs
    assert public["theme"] == internal["theme"] and public.get("nav") == internal.get("nav")
    assert public["site_name"] != internal["site_name"]


def test_example_builds_both_sites_strictly(example_sites, example_roadmap):
    internal, public = example_sites["internal"], example_sites["public"]
    assert "index.html" in internal.files and "index.html" in public.files
    assert internal.json()["title"] == public.json()["title"] == example_roadmap.title
    assert len(public.pages()) < len(internal.pages())


def test_public_example_has_no_internal_item(example_sites, example_roadmap):
    internal, public = example_sites["internal"], example_sites["public"]
    hidden = internal_items(example_roadmap)
    assert {i.kind for i in hidden} >= {"goal", "strategy", "metric", "outcome", "theme", "question",
                                        "hypothesis", "opportunity", "okr"}
    for item in hidden:
        if item.kind in m.PAGE_KINDS:
            page = page_file(item.kind, item.id)
            assert page not in public.files and page in internal.files, page
        assert internal.find(item.title), item.title
        assert not public.find(item.title), (item.kind, item.id, public.find(item.title))
    data = public.json()
    for kind in m.KINDS:
        assert [e["id"] for e in data[m.PLURAL[kind]]] == [i.id for i in example_roadmap.items(kind) if i.is_public]
    home = public.html("index.html")
    counts = dict((label, int(n)) for n, label in re.findall(r"<strong>(\d+)</strong> (\w+)</a>", home))
    assert counts == {label: sum(1 for i in example_roadmap.items(kind) if i.is_public)
                      for kind, label in (("outcome", "Outcomes"), ("theme", "Themes"),
                                          ("question", "Questions"), ("hypothesis", "Hypotheses"))}
