"""Lean copies for Material's search plugin (roadmap_gen.searchfeed): the index built from a lean copy
is the index built from the page itself.

Checked three ways: hand-picked edge cases of the search parser's rules and thousands of generated
documents through Material's own parser, with and without the lean copy; whole sites built with lean
copies on and off (``ROADMAP_GEN_LEAN_SEARCH=0``), search index included; and the guard that keeps
lean copies away from any other plugin's ``on_page_context``.
"""
from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from material.plugins.search.plugin import Parser
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import BASIC, REPO
from roadmap_gen import searchfeed


def index(html: str) -> list[tuple]:
    """What Material's search plugin keeps of a page: its sections' ids, titles and texts (stripped, as
    ``SearchIndex.create_entry_for_section`` does), whether they are excluded."""
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(s.id, "".join(s.title).strip(), "".join(s.text).strip(), s.is_excluded(), s.el.tag)
            for s in parser.data]


def same_index(html: str) -> str:
    lean = searchfeed.lean(html)
    assert lean is not None, html
    assert index(lean) == index(html), (html, lean)
    return lean


CASES = [
    # a dropped first tag makes the preface section, so the h1 keeps its id
    '<nav><ol><li><a href="../">Home</a></li></ol></nav>\n<header class="h">\n<p class="k">Kind</p>\n'
    '<h1 id="title">Title</h1>\n\n</header>\n<dl>\n<div><dt>Current</dt><dd>35%</dd></div>\n</dl>',
    # an h1 first: no preface section, so the parser gives it no id
    '<h1 id="title">T</h1><div class="x"><p>a</p></div>',
    # a heading that is not the first and not an h1 before anything: the parser adds a preface
    '<h2 id="a">A</h2><p>x</p>',
    # the wrapper around a heading ends its section: text after it goes back to the preface
    '<p>intro</p><section class="s"><h2 id="a">A <span class="b">badge</span></h2><p>in</p></section>'
    '<div class="c"> after </div>',
    # nested sections, the inner one ended by its wrapper
    '<div id="outer"><h2 id="a">A</h2><div><h3 id="b">B</h3><p>b</p></div>tail</div>',
    # whitespace-only texts around dropped tags, and a text after a skipped whitespace
    '<p>a</p>\n<div>\n<span> </span>\n</div>\n<dl>\n<dt>x</dt>\n\n<dd> y </dd></dl>  z',
    # <pre> keeps its whitespace, dropped tags inside it too
    '<pre><code><span class="k">def</span>  <span>f</span>():\n    <span>pass</span>\n\n</code></pre>\n<p>after</p>',
    # a permalink in a heading is left out of its title; other links are not
    '<h2 id="x">X<a class="headerlink" href="#x" title="Permanent link">&para;</a></h2>'
    '<p><a href="y">link</a> text</p>',
    # a second h2 without an id: the parser adds its text to the title of the section before
    '<h2 id="a">A</h2><p>t</p><h2 class="no-id">B</h2><p>u</p>',
    # end tags the parser ignores (not the innermost open element), void and self-closing tags
    '<div><p>one<br>two<br/>three</div></p><img src="a.png" alt="x"><hr>'
    '<svg viewBox="0 0 1 1" role="img"><title>t &amp; u</title><rect width="1"/><line x1="0"/></svg><p>z</p>',
    # entities, in texts that end up joined
    '<p>a &amp; <span>b</span> &lt;c&gt; &#34;d&#34; &copy;</p>',
    # empty kept tags are removed by the parser either way
    '<ul><li><span class="x"></span></li><li> </li></ul><p><em></em></p>',
    # text before any tag
    'plain text first <div>then a div</div>',
    # keep tags with attributes
    '<ol class="rg" start="3"><li class="a"><p class="b">x</p></li></ol><sub class="s">1</sub><sup>2</sup>',
    # headings whose id has an entity
    '<p>p</p><h3 id="a&amp;b">AB</h3><p>x</p>',
    # an unclosed element around the rest of the page
    '<div class="open"><p>a</p><h2 id="h">H</h2><p>b</p>',
    # attribute values with > inside quotes
    '<p><a href="x" title="a > b">t</a></p>',
]


@pytest.mark.parametrize("html", CASES)
def test_lean_copy_gives_the_same_index(html: str):
    lean = same_index(html)
    assert lean.count("<") <= html.count("<")


def test_lean_copy_drops_most_tags_of_a_card():
    card = ('<article class="rg-card rg-card--hypothesis" data-kind="hypothesis" data-status="testing">'
            '<p class="rg-card__meta"><span class="rg-card__kind">Hypothesis</span><span class="rg-badge">'
            '<span class="rg-badge__dot" aria-hidden="true"></span>Testing</span></p><h3 class="rg-card__title">'
            '<a href="../x/">Title</a></h3></article>')
    lean = same_index(f'<p>x</p><div class="rg-cards">{card * 3}</div>')
    assert "data-" not in lean and "class=" not in lean and "<span" not in lean and "<article" not in lean
    assert lean.count("<") * 2 < (card * 3).count("<")  # 14 tags of 44


@pytest.mark.parametrize("html", [
    "<script>var a = 1;</script><p>x</p>",
    "<style>p {}</style><p>x</p>",
    "<object data='x'></object>",
    '<div data-search-exclude><p>secret</p></div>',
    '<table class="linenodiv"><tr><td>1</td></tr></table>',
    "<!-- a comment --><p>x</p>",
    "<!DOCTYPE html><p>x</p>",
    "<p>a < b</p>",
    "<p title='single'>x</p>",
    "<p>&copy no semicolon</p>",
    '<h2 id="x"/><p>y</p>',
    '<p>a<p/></p>',
])
def test_pages_it_does_not_model_are_indexed_as_they_are(html: str):
    assert searchfeed.lean(html) is None


# -- generated documents -------------------------------------------------------------------------------
TAGS = ["div", "span", "p", "a", "li", "ul", "ol", "pre", "code", "section", "header", "dl", "dt", "dd",
        "h1", "h2", "h3", "em", "sub", "sup", "article", "nav", "figure", "svg", "title", "rect"]
TEXTS = ["", " ", "\n", "  \n ", "word", " two words ", "x\ny", "&amp;", "&lt;tag&gt;", "\u00e9t\u00e9", "a  b"]


@st.composite
def documents(draw) -> str:
    out: list[str] = []
    open_tags: list[str] = []
    for _ in range(draw(st.integers(0, 40))):
        action = draw(st.integers(0, 9))
        if action <= 3:
            tag = draw(st.sampled_from(TAGS))
            attrs = ""
            if tag[0] == "h" and tag[1:].isdigit() and draw(st.booleans()):
                attrs = f' id="s{len(out)}"'
            elif draw(st.booleans()):
                attrs = draw(st.sampled_from([' class="c"', ' class="headerlink" href="#x"', ' data-x="1"',
                                              ' aria-hidden="true"', ' hidden']))
            if draw(st.integers(0, 5)) == 0:
                out.append(f"<{tag}{attrs}/>")
            else:
                out.append(f"<{tag}{attrs}>")
                open_tags.append(tag)
        elif action <= 5 and open_tags:
            # mostly the innermost element, sometimes another one (which the parser ignores or not)
            tag = open_tags.pop() if draw(st.integers(0, 4)) else draw(st.sampled_from(open_tags))
            out.append(f"</{tag}>")
        elif action == 6:
            out.append(draw(st.sampled_from(["<br>", "<hr>", '<img src="x">', "<br/>"])))
        else:
            out.append(draw(st.sampled_from(TEXTS)))
    if draw(st.booleans()):
        out += [f"</{t}>" for t in reversed(open_tags)]
    return "".join(out)


@settings(max_examples=3000, deadline=None)
@given(documents())
def test_generated_documents_give_the_same_index(html: str):
    lean = searchfeed.lean(html)
    if lean is not None:
        assert index(lean) == index(html), (html, lean)


def test_random_pages_from_the_example_templates_give_the_same_index():
    """Every page of the example, cut at random tag boundaries and glued back in a shuffled order."""
    pages = _example_pages()
    rng = random.Random(7)
    for _ in range(200):
        a, b = rng.sample(pages, 2)
        cut_a, cut_b = rng.randrange(len(a)), rng.randrange(len(b))
        cut_a, cut_b = a.rfind(">", 0, cut_a) + 1, b.find("<", cut_b)
        html = a[:cut_a] + (b[cut_b:] if cut_b >= 0 else "")
        lean = searchfeed.lean(html)
        if lean is not None:
            assert index(lean) == index(html)


_PAGES: list[str] = []


def _example_pages() -> list[str]:
    if not _PAGES:
        site = Path(__import__("tempfile").mkdtemp(prefix="rg-lean-"))
        config = load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(site))
        build(config)
        for p in sorted(site.rglob("*.html")):
            html = p.read_text(encoding="utf-8")
            start = html.find('<article class="md-content__inner md-typeset">')
            if start >= 0:
                _PAGES.append(html[start:html.rfind("</article>")])
        shutil.rmtree(site)
    return _PAGES


# -- whole sites ------------------------------------------------------------------------------------
def _build_all(config_file: Path, site_dir: Path, lean: bool, monkeypatch) -> tuple[dict[str, bytes], object]:
    monkeypatch.setenv("ROADMAP_GEN_LEAN_SEARCH", "1" if lean else "0")
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    build(config)
    files = {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in sorted(site_dir.rglob("*")) if p.is_file()}
    return files, config.plugins["outcome-roadmap"]


@pytest.mark.parametrize("config_file", ["mkdocs.yml", "mkdocs.public.yml"])
def test_example_site_and_search_index_are_identical_with_and_without_lean_copies(
        config_file: str, tmp_path: Path, monkeypatch):
    full, plugin_full = _build_all(REPO / config_file, tmp_path / "full", False, monkeypatch)
    lean, plugin_lean = _build_all(REPO / config_file, tmp_path / "lean", True, monkeypatch)
    assert plugin_full.copies is None
    # every generated page that search indexes went to it as a lean copy
    assert plugin_lean.copies.given == plugin_lean.copies.seen > 20
    assert sorted(full) == sorted(lean)
    assert [name for name in full if full[name] != lean[name]] == []
    docs = json.loads(lean["search/search_index.json"])["docs"]
    assert any(d["location"].startswith("hypotheses/") for d in docs)


def test_another_on_page_context_handler_sees_the_page_itself(tmp_path: Path, monkeypatch):
    """A hook beside the search plugin: no lean copies, so the hook reads the real page."""
    root = tmp_path / "site"
    shutil.copytree(BASIC, root)
    (root / "docs").mkdir(exist_ok=True)
    (root / "hook.py").write_text(
        "SEEN = []\n"
        "def on_page_context(context, page, config, nav):\n"
        "    SEEN.append(page.content)\n"
        "    return context\n", encoding="utf-8")
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(text + "\nhooks: [hook.py]\n", encoding="utf-8")
    monkeypatch.delenv("ROADMAP_GEN_LEAN_SEARCH", raising=False)
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(tmp_path / "out"))
    build(config)
    plugin = config.plugins["outcome-roadmap"]
    assert plugin.copies is None
    hook = next(p for name, p in config.plugins.items() if "hook" in name)
    assert any('class="rg-card' in content for content in hook.SEEN)
    assert len(hook.SEEN) > 10 and all('class="rg-' in content for content in hook.SEEN)  # never a lean copy


def test_lean_copy_from_the_fast_paths_tokens_is_the_lean_copy_of_the_page():
    """``lean_restored`` (tokens the split found, only the skeleton tokenized again) gives what ``lean`` gives
    for the restored page, for every generated page of the example."""
    import markdown
    from datetime import date

    from roadmap_gen import fasthtml
    from roadmap_gen.compiler import Compiler
    from roadmap_gen.render import Renderer

    compiled = Compiler(REPO / "content", REPO).compile(date(2026, 11, 25), "internal")
    md = markdown.Markdown(extensions=["toc", "tables", "fenced_code", "attr_list", "md_in_html"],
                           extension_configs={"toc": {"permalink": True}})
    checked = 0
    for page in Renderer().render(compiled):
        body = page.markdown.split("---\n", 2)[2]
        parts = fasthtml.split(body, "tok", keep_tokens=True)
        if parts is None:
            continue
        md.reset()
        skeleton_html = md.convert(parts.markdown)
        restored = fasthtml.restore(skeleton_html, parts)
        assert restored is not None
        assert searchfeed.lean_restored(skeleton_html, parts) == searchfeed.lean(restored), page.src
        assert searchfeed.lean(restored) is not None
        checked += 1
    assert checked > 70
    # without the tokens (a serve build's cached split) there is nothing to reuse
    assert searchfeed.lean_restored("<p>x</p>", fasthtml.split("<div>a</div>\n\nx\n", "t")) is None


def test_no_lean_copies_when_search_is_switched_off(tmp_path: Path, monkeypatch):
    root = tmp_path / "site"
    shutil.copytree(BASIC, root)
    (root / "docs").mkdir(exist_ok=True)
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(text.replace("  - search\n", "  - search:\n      enabled: false\n"),
                                     encoding="utf-8")
    monkeypatch.delenv("ROADMAP_GEN_LEAN_SEARCH", raising=False)
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(tmp_path / "out"))
    build(config)
    plugin = config.plugins["outcome-roadmap"]
    assert plugin.copies is None
    assert not (tmp_path / "out" / "search" / "search_index.json").exists()


@pytest.mark.parametrize("raw_html", [False, True])
def test_hostile_site_has_the_same_search_index_with_and_without_lean_copies(tmp_path: Path, raw_html: bool):
    """Hostile titles and bodies (scripts, entities, quotes; with raw HTML let through, real tags and
    attributes in bodies): the lean copies give the same index, or step aside where they cannot."""
    from sitehelpers import clean_env, mkdocs, mkdocs_config, write_site
    from test_site_safety import hostile_content

    config = mkdocs_config(plugin={"allow_raw_html": True}) if raw_html else None
    root = write_site(tmp_path / "src", hostile_content(), config=config)
    sites = {}
    for lean in ("0", "1"):
        site = tmp_path / f"site{lean}"
        proc = mkdocs(root, "build", "-d", site, env=clean_env(ROADMAP_GEN_LEAN_SEARCH=lean))
        assert proc.returncode == 0, proc.stderr
        assert ("went to search as lean copies" in proc.stderr) == (lean == "1"), proc.stderr
        sites[lean] = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert sorted(sites["0"]) == sorted(sites["1"])
    assert [name for name in sites["0"] if sites["0"][name] != sites["1"][name]] == []
    assert len(json.loads(sites["1"]["search/search_index.json"])["docs"]) > 10
