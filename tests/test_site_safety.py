"""Safety of the built site: hostile text from YAML and hostile Markdown bodies never
become markup or script, hostile link URLs are check errors, and nothing is loaded
from another host. Every test reads the real output of ``mkdocs build``."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from sitehelpers import (REPO, broken_links, build, content, copy_basic, external_urls, html_pages, mkdocs,
                         mkdocs_config, page, parse, read, roadmap_gen, write_site)

# -- hostile text -------------------------------------------------------------------------

S_SCRIPT = "<script>alert(1)</script>"
S_ATTR = '"><img src=x onerror=alert(2)>'
S_ENTITY = "&lt;script&gt;alert(3)&lt;/script&gt;"
S_JINJA = "{{ 7*7 }}"
S_RAW = "{% raw %}{{ lipsum() }}{% endraw %}"
S_SQUOTE = "'><svg onload=alert(6)>"
S_TITLE = "</title><script>alert(7)</script>"
S_MD = "[md](javascript:alert(8)) *em*"
S_DIV = '</div></div><iframe src="javascript:alert(9)"></iframe>'
HOSTILE = (S_SCRIPT, S_ATTR, S_ENTITY, S_JINJA, S_RAW, S_SQUOTE, S_TITLE, S_MD, S_DIV)


def evil(label: str) -> str:
    """A hostile text that still says where it came from."""
    return f"{label} " + " ".join(HOSTILE)


BODY = """\
# Evidence

<script>alert('body')</script>

<iframe src="https://evil.example/embed"></iframe>

<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onerror="alert('img')">

[x](javascript:alert('x')) [y](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
<a href="JaVaScRiPt:alert('a')">a</a> [v](vbscript:msgbox) [t](java&#x09;script:alert('t'))

<div class="raw-div" onclick="alert('div')">raw div</div>

Template syntax {{ 7*7 }} and {% raw %} stays text.

[fine](https://example.org/docs) and **bold**
"""


def _md(front: dict, body: str = BODY) -> str:
    return "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---\n" + body


def hostile_content() -> dict[str, str]:
    roadmap = {
        "title": evil("Site"), "vision": evil("Vision"), "mission": evil("Mission"),
        "review": {"last": "2026-10-01", "every": "3 months"},
        "goals": [{"id": "g1", "title": evil("Goal"), "description": evil("Goal description"),
                   "metric": "m1", "target": 50, "by": "2026-12-31", "north_star": True}],
        "strategies": [
            {"id": "s1", "title": evil("Strategy"), "description": evil("Strategy description"), "goal": "g1",
             "metric": "m1", "tactics": [{"title": evil("Tactic"), "description": evil("Tactic description")},
                                         {"title": evil("Inactive tactic"), "active": False}]},
            {"id": "s2", "title": evil("No strategy"), "active": False},
        ],
    }
    journey = {"stages": [
        {"id": "onboard", "title": evil("Stage"), "description": evil("Stage description") + "\n\n" + S_MD
         + "\n\n## not a heading\n", "boosters": [evil("Booster")], "blockers": [evil("Blocker")]},
        {"id": "grow", "title": "Grow"},
    ]}
    metrics = {"metrics": [
        {"id": "m1", "title": evil("Metric"), "category": "customer", "unit": "%", "source": evil("Source"),
         "owner": evil("Owner"), "description": evil("Metric description"),
         "baseline": {"value": 10, "date": "2026-01-01"}, "target": {"value": 50, "by": "2026-12-31"},
         "review": "monthly"},
    ]}
    note = evil("Note").replace('"', '""')
    hyp = {
        "title": evil("Hypothesis"), "stage": "onboard", "horizon": "now", "outcome": "o1", "theme": "t1",
        "question": "q1", "opportunity": "op1", "we_believe": evil("Believe"),
        "will_result_in": evil("Result in"), "we_will_know_when": evil("Know when"), "status": "testing",
        "confidence": "high", "team": evil("Team"),
        "experiments": [{"title": evil("Experiment"), "status": "done", "start": "2026-10-01",
                         "end": "2026-10-15", "result": evil("Experiment result")}],
        "links": [{"title": evil("Link"), "url": 'https://example.org/?q="><script>alert(10)</script>'}],
    }
    return {
        "roadmap.yml": yaml.safe_dump(roadmap, sort_keys=False),
        "journey.yml": yaml.safe_dump(journey, sort_keys=False),
        "metrics.yml": yaml.safe_dump(metrics, sort_keys=False),
        "metrics/m1.csv": f'date,value,note\n2026-06-01,20,\n2026-11-01,30,"{note}"\n',
        "outcomes/o1.md": _md({"title": evil("Outcome"), "stage": "onboard", "metric": "m1", "strategy": "s1"}),
        "themes/t1.md": _md({"title": evil("Theme"), "stage": "onboard", "horizon": "now", "outcome": "o1",
                             "team": evil("Team")}),
        "questions/q1.md": _md({"title": evil("Question"), "stage": "onboard", "horizon": "next", "theme": "t1",
                                "status": "answered", "answer": evil("Answer")}),
        "hypotheses/h1.md": _md(hyp),
        "opportunities/op1.md": _md({"title": evil("Opportunity"), "outcome": "o1", "stage": "onboard"}),
        "okrs/k1.yml": yaml.safe_dump({"objective": evil("Objective"), "period": "2026-Q4", "team": evil("Team"),
                                       "strategy": "s1", "key_results": [
                                           {"title": evil("Key result"), "from": 0, "to": 10, "current": 5},
                                           {"title": evil("Metric KR"), "metric": "m1", "from": 10, "to": 50}]},
                                      sort_keys=False),
    }


# -- builds ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def clean_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("clean")
    return build(copy_basic(tmp / "src"), tmp / "site")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    return build(write_site(tmp / "src", hostile_content()), tmp / "site")


@pytest.fixture(scope="module")
def raw_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("raw")
    root = write_site(tmp / "src", hostile_content(), config=mkdocs_config(plugin={"allow_raw_html": True}))
    return build(root, tmp / "site", strict=False)


_BASE = re.compile(r'new URL\("[^"]*",location\)')
_BUNDLE = re.compile(r"^(?:\.\./|\./)*/?assets/(?:javascripts/bundle\.[0-9a-f]+\.min\.js|roadmap-gen/roadmap\.js)$")


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data", "background",
                  "cite", "longdesc", "manifest", "ping"}


def _inline_scripts(site: Path) -> set[str]:
    out = set()
    for p in html_pages(site):
        for s in parse(read(p)).find_all("script"):
            if s.get("src") is None and s.get("type") != "application/json":
                out.add(_BASE.sub('new URL("",location)', s.text()))
    return out


def _item_pages(site: Path) -> list[str]:
    return ["index.html", "journey/index.html", "stages/onboard/index.html", "stages/index.html",
            "metrics/m1/index.html", "metrics/index.html", "kpis/index.html", "outcomes/o1/index.html",
            "outcomes/index.html", "themes/t1/index.html", "themes/index.html", "questions/q1/index.html",
            "questions/index.html", "hypotheses/h1/index.html", "hypotheses/index.html",
            "opportunities/op1/index.html", "opportunities/index.html", "okrs/k1/index.html", "okrs/index.html"]


# -- the hostile build ----------------------------------------------------------------------------

def test_hostile_site_builds_and_links_resolve(hostile_site):
    for rel in _item_pages(hostile_site):
        assert (hostile_site / rel).is_file(), rel
    assert broken_links(hostile_site) == []


def test_only_known_scripts(hostile_site, clean_site):
    known_inline = _inline_scripts(clean_site)
    assert known_inline, "the clean build has Material's inline scripts"
    for p in html_pages(hostile_site):
        for s in parse(read(p)).find_all("script"):
            src = s.get("src")
            if src is not None:
                assert _BUNDLE.match(src), (p, src)
                assert s.text().strip() == ""
            elif s.get("type") == "application/json":
                assert s.get("id") == "__config", p
                data = json.loads(s.text())
                assert "alert" not in json.dumps(data)
            else:
                assert _BASE.sub('new URL("",location)', s.text()) in known_inline, (p, s.text()[:200])


def test_no_event_handlers_or_script_urls_in_attributes(hostile_site):
    for p in html_pages(hostile_site):
        for n in parse(read(p)).iter():
            for name, value in n.attrs.items():
                assert not name.lower().startswith("on"), (p, n)
                if name in URL_ATTRIBUTES:
                    v = re.sub(r"[\x00-\x20]", "", value or "").lower()
                    assert not re.match(r"(javascript|vbscript|data):", v), (p, n)
                    assert "javascript:" not in v and "data:text" not in v, (p, n)
            assert n.tag not in ("iframe", "object", "embed", "frame", "base"), (p, n)
            assert n.get("action") is None and n.get("formaction") is None, (p, n)


def test_filter_script_never_writes_markup():
    from roadmap_gen.site.assets import theme_dir

    js = read(theme_dir() / "assets" / "js" / "roadmap.js")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                 "setAttribute(\"href", "location.href ="):
        assert sink not in js, sink


def test_no_raw_hostile_markup_in_any_file(hostile_site):
    for p in html_pages(hostile_site):
        text = read(p)
        for raw in ("<script>alert", "<img src=x", "<svg onload", "<iframe", "</title><script>", "data:image"):
            assert raw not in text, (p, raw)


@pytest.mark.parametrize("rel,labels", [
    ("index.html", ["Site", "Vision", "Mission", "Goal", "Goal description", "Strategy", "Strategy description",
                    "Tactic", "Inactive tactic", "No strategy", "Metric"]),
    ("journey/index.html", ["Stage", "Stage description", "Booster", "Blocker", "Theme", "Question",
                            "Hypothesis", "Outcome"]),
    ("stages/onboard/index.html", ["Stage", "Stage description", "Booster", "Blocker", "Outcome", "Hypothesis"]),
    ("hypotheses/h1/index.html", ["Hypothesis", "Believe", "Result in", "Know when", "Team", "Experiment",
                                  "Experiment result", "Link", "Stage", "Outcome", "Theme", "Question",
                                  "Opportunity"]),
    ("questions/q1/index.html", ["Question", "Answer"]),
    ("metrics/m1/index.html", ["Metric", "Metric description", "Source", "Owner", "Note"]),
    ("kpis/index.html", ["Metric"]),
    ("okrs/index.html", ["Objective", "Key result", "Metric KR", "Team"]),
    ("okrs/k1/index.html", ["Objective", "Key result"]),
    ("opportunities/index.html", ["Opportunity", "Outcome", "Hypothesis", "Experiment"]),
    ("outcomes/o1/index.html", ["Outcome", "Metric", "Opportunity"]),
])
def test_hostile_text_is_shown_literally(hostile_site, rel, labels):
    text = content(page(hostile_site, rel)).text()
    flat = " ".join(text.split())
    for label in labels:
        assert " ".join(evil(label).split()) in flat, (rel, label)
    # the template syntax is text, never evaluated; entities are not decoded twice
    assert S_JINJA in text and S_RAW in text and S_ENTITY in text


def test_page_titles_are_text(hostile_site):
    doc = page(hostile_site, "hypotheses/h1/index.html")
    title = doc.find("title").text()
    assert title.startswith(evil("Hypothesis"))
    assert content(doc).find("h1").text() == evil("Hypothesis")
    meta = [m for m in doc.find_all("meta") if m.get("name") == "description"]
    home = page(hostile_site, "index.html")
    desc = [m for m in home.find_all("meta") if m.get("name") == "description"]
    assert desc and desc[0].get("content") == evil("Vision")
    assert meta == [] or "alert" not in (meta[0].get("content") or "").replace(evil("Vision"), "")


def test_hostile_markdown_body_is_sanitised(hostile_site):
    body = content(page(hostile_site, "hypotheses/h1/index.html")).find("div", cls="rg-body")
    html = read(hostile_site / "hypotheses/h1/index.html")
    # raw HTML in a body is sanitised like the rest of it: scripts and frames go, allowed tags stay without
    # their event handlers, and URLs keep only safe schemes
    assert not body.has("script") and not body.has("iframe") and "alert('body')" not in body.text()
    assert body.find("div", cls="raw-div").text() == "raw div"
    assert all(not name.startswith("on") for n in body.iter() for name in n.attrs), body
    assert [img.get("src") for img in body.find_all("img")] == [None]  # the data: URL is gone
    hrefs = [a.get("href") for a in body.find_all("a")]
    assert "https://example.org/docs" in hrefs
    for h in hrefs:
        assert h is None or not re.match(r"\s*(javascript|data|vbscript)", h, re.I), h
    assert "{{ 7*7 }}" in body.text() and "{% raw %}" in body.text()
    assert body.find("strong").text() == "bold"
    # the body's `#` sits under the page title, after the heading of the notes
    assert [h.text() for h in body.find_all("h2")] == ["Notes and evidence", "Evidence"]
    assert not [n for n in parse(html).iter() if "evil.example" in (n.get("src") or n.get("href") or "")]


def test_search_index_holds_no_markup(hostile_site):
    index = read(hostile_site / "search/search_index.json")
    data = json.loads(index)
    for doc in data["docs"]:
        for field in ("title", "text"):
            value = doc.get(field) or ""
            assert "<script" not in value.lower() and "<img" not in value.lower(), (doc["location"], value[:200])
            assert "<iframe" not in value.lower() and "<svg" not in value.lower()


def test_raw_html_option_lets_body_html_through_but_not_yaml(raw_site):
    doc = content(page(raw_site, "hypotheses/h1/index.html"))
    body = doc.find("div", cls="rg-body")
    assert body.find("iframe").get("src") == "https://evil.example/embed"
    assert body.find("div", cls="raw-div").get("onclick") == "alert('div')"
    assert body.has("script")
    # YAML text stays text
    assert doc.find("h1").text() == evil("Hypothesis")
    statement = doc.find("figure", cls="rg-statement")
    assert not statement.has("script") and not statement.has("img") and not statement.has("svg")
    assert evil("Believe") in statement.text()
    home = read(raw_site / "index.html")
    assert "<script>alert(1)" not in home and "<img src=x" not in home


# -- hostile link URLs are check errors -----------------------------------------------------------

BAD_URLS = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html;base64,PHNjcmlwdD4=",
            "java\tscript:alert(1)", "java\nscript:alert(1)", "\x01javascript:alert(1)", " javascript:alert(1)",
            "vbscript:msgbox(1)"]


def test_hostile_link_urls_are_check_errors(tmp_path):
    front = {"title": "H", "stage": "onboard", "horizon": "now", "we_believe": "a", "will_result_in": "b",
             "we_will_know_when": "c", "status": "idea",
             "links": [{"title": f"L{i}", "url": u} for i, u in enumerate(BAD_URLS)]
             + [{"title": "ok", "url": "https://example.org/"}, {"title": "rel", "url": "../notes/"},
                {"title": "mail", "url": "mailto:team@example.org"}]}
    root = write_site(tmp_path / "src", {
        "roadmap.yml": "title: T\nvision: V\nmission: M\n",
        "journey.yml": "stages:\n  - id: onboard\n    title: Onboard\n",
        "hypotheses/h.md": _md(front, "Body\n"),
    })
    proc = roadmap_gen(root, "check")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    scheme_errors = [ln for ln in lines if "scheme; only http, https, mailto and relative links" in ln]
    assert len(scheme_errors) == len(BAD_URLS), lines
    assert all(ln.startswith("content/hypotheses/h.md:") for ln in scheme_errors)
    built = mkdocs(root, "build", "-d", tmp_path / "site")
    assert built.returncode != 0
    for ln in scheme_errors:
        assert ln in built.stderr


# -- no file from another host ------------------------------------------------------------

def test_shipped_assets_load_nothing_from_another_host():
    from roadmap_gen.site.assets import asset_sources, theme_dir

    shipped = [p for p in theme_dir().rglob("*") if p.is_file() and p.suffix in (".html", ".css", ".js")]
    assert len(shipped) >= 10 and set(asset_sources().values()) <= set(shipped)
    for p in shipped:
        text = read(p)
        assert external_urls(text) == [], p
        if p.suffix == ".css":
            assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", text), p
        if p.suffix == ".js":
            assert not re.search(r"""(fetch|import)\s*\(\s*['"`](https?:)?//""", text), p


def test_built_site_loads_scripts_and_styles_only_from_itself(clean_site):
    seen = 0
    for p in [*html_pages(clean_site)]:
        doc = parse(read(p))
        for n in doc.find_all("script") + doc.find_all("link"):
            url = n.get("src") or n.get("href") or ""
            if n.tag == "link" and n.get("rel") not in ("stylesheet", "preload", "modulepreload", "icon",
                                                         "manifest", "preconnect", "dns-prefetch"):
                continue  # e.g. rel=canonical names the site itself
            seen += 1
            assert not re.match(r"^(https?:)?//", url), (p, n)
        assert "fonts.googleapis.com" not in read(p) and "fonts.gstatic.com" not in read(p), p
    assert seen > 50
    for p in list(clean_site.rglob("*.css")) + list(clean_site.rglob("*.js")):
        text = read(p)
        assert "fonts.googleapis.com" not in text, p
        if "assets/roadmap-gen" in p.as_posix():
            code = re.sub(r"/\*.*?\*/", "", text, flags=re.S).replace("http://www.w3.org/2000/svg", "")
            assert not re.search(r"""["'`(]\s*(https?:)?//\w""", code), p  # no URL of another host in code


def test_every_mkdocs_yml_in_the_repository_turns_google_fonts_off():
    configs = [*sorted(REPO.glob("mkdocs*.yml")), *sorted(REPO.glob("properdocs*.yml")),
               *sorted((REPO / "tests" / "fixtures").rglob("mkdocs*.yml"))]
    assert REPO / "mkdocs.yml" in configs and len(configs) >= 2
    for path in configs:
        cfg = yaml.load(read(path), Loader=_Loader)
        theme, parent = cfg.get("theme") or {}, path
        while "font" not in theme and cfg.get("INHERIT"):  # MkDocs merges the parent file underneath
            parent = (parent.parent / cfg["INHERIT"]).resolve()
            cfg = yaml.load(read(parent), Loader=_Loader)
            theme = {**(cfg.get("theme") or {}), **theme}
        assert theme.get("font") is False, path


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may use !ENV and !relative tags."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def test_a_line_of_text_starting_with_hash_is_never_a_heading(tmp_path):
    """YAML text is plain text and a body's code block is code, even where a line starts with `#`: in the
    built page and in the Markdown `roadmap-gen pages` writes for other engines (where a blank line would
    end an HTML block and turn the line into a heading)."""
    root = copy_basic(tmp_path / "src")
    path = root / "content" / "hypotheses" / "sms-reminders.md"
    text = path.read_text(encoding="utf-8").replace(
        "we_believe: sending SMS reminders", "we_believe: |\n  sending SMS reminders\n  # not a heading\n  and more")
    path.write_text(text + "\nBody.\n\n```sh\necho hi\n# a shell comment\n```\n", encoding="utf-8")
    site = build(root, tmp_path / "site")
    doc = content(page(site, "hypotheses/sms-reminders/index.html"))
    headings = [h.clean_text() for level in range(1, 7) for h in doc.find_all(f"h{level}")]
    assert not [h for h in headings if "not a heading" in h or "shell comment" in h], headings
    assert "sending SMS reminders\n# not a heading\nand more" in doc.find("figure", cls="rg-statement").text()
    assert doc.find("pre").text() == "echo hi\n# a shell comment\n"
    out = tmp_path / "md"
    proc = roadmap_gen(root, "pages", "--out", out)
    assert proc.returncode == 0, proc.stderr
    markdown = (out / "hypotheses" / "sms-reminders" / "index.md").read_text(encoding="utf-8")
    assert not re.search(r"^#+ (not a heading|a shell comment)", markdown, re.M)
    assert "\n\n# not a heading" not in markdown
