"""The fast HTML path (roadmap_gen.fasthtml): generated pages skip Python-Markdown's HTML parser, and
the HTML that comes out is byte-for-byte what Python-Markdown makes of the same page.

Checked three ways: snippets (hand-picked edge cases and generated documents) through Python-Markdown
with and without the fast path; whole sites built with the fast path on and off
(``ROADMAP_GEN_FAST_HTML=0``); and MkDocs' anchor validation, which must still see the ids inside the
blocks that skipped its raw-HTML scan.
"""
from __future__ import annotations

import logging
import random
import re
import shutil
from pathlib import Path

import markdown
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from conftest import BASIC, REPO
from roadmap_gen import fasthtml

MKDOCS_DEFAULT = ["toc", "tables", "fenced_code"]
EXAMPLE_LIKE = ["toc", "tables", "fenced_code", "attr_list", "md_in_html"]

CASES = [
    '<div class="a">\n<p>x</p>\n</div>\n\n## Heading\n\n<p>y</p>',
    '<nav><ol><li><a href="../">Home</a></li></ol></nav>\n<header>\n<h1 id="x">T</h1>\n</header>',
    '<div>a</div><div>b</div>\n\n<p>c</p>',  # a second block in the first one's tail
    '<div>a</div> tail *em*\n<p>b</p>',
    '<div>a</div>&amp; tail\n<p>b</p>',  # an entity in a tail joins the next stash: not modelled
    '<p>one<br>two</p>\n<p>three<br/>four</p>\n<hr>\n<p>five</p>',
    '<svg viewBox="0 0 1 1"><title>t &amp; u</title><rect width="1"/></svg>\n\n<p>after</p>',
    '   <div>indented</div>\n<div>flush</div>',
    '<span>inline</span> text\n\n<div>block</div>',
    '<div><div><p>nested</p></div>\n\n<p>blank line inside</p></div>\n\ntext',
    '<div>unclosed\n\n## Heading\n\ntext',
    '<ul>\n<li>a</li>\n<li>b</ul>\n\n<p>x</p>',  # an end tag pops the unclosed <li>
    '<div>x</p></div>\n<p>stray end tag</p>',
    '<details><summary>S</summary>\n<p>body</p>\n</details>\n## Heading\n<p>x</p>',
    '<p>a</p>\n## Heading right after\n<p>b</p>',
    '<table><tr><td>1</td></tr></table>\n| a | b |\n| - | - |\n| 1 | 2 |',
    '<div title="a > b">gt in a value</div>\n\n<p>x</p>',
    "<div title='single'>quotes</div>\n\n<p>x</p>",  # not modelled: left to Python-Markdown
    '<div>&#34;quoted&#34; &#x27;x&#x27; &copy;</div>\n\n<p>x</p>',
    '<div>&copy no semicolon</div>\n\n<p>x</p>',
    '<!-- comment -->\n<div>x</div>',
    '<div>\tx</div>\n\n<p>y</p>',
    '<div>x</div>\n```\ncode <b>\n```\n',
    '<div markdown="1">*md*</div>',
    '<DIV CLASS="x">upper</DIV>\n\n<p>y</p>',
    '<script>var a = "<div>";</script>\n<div>x</div>',
    '<p>text</p >\n<p>odd end tag</p>',
    '<div>a</div>\n\n\n\n<div>b</div>\n',
    '## Only a heading',
    '<div>last block, no newline</div>',
]


def _soup(rng: random.Random) -> str:
    frags = ['<div class="a">', '</div>', '<p>', '</p>', '<span>', '</span>', 'text', ' ', '\n', '\n\n',
             '&amp;', '&#34;', '<br>', '<br/>', '<hr>', '<img src="x">', '<svg>', '</svg>', '<rect width="1"/>',
             '<ul>', '</ul>', '<li>', '</li>', '## Heading', '   <div>', '<a href="x" id="y">', '</a>', '*em*',
             '<section id="s1">', '</section>', '<details>', '</details>', '<title>', '</title>', '\n<table>',
             '</table>', '<td>', '</td>', '<nav>', '</nav>', '<strong>', '</strong>', '| a |', '- item',
             '\n<div>', '</div>\n']
    return "".join(rng.choice(frags) for _ in range(rng.randint(1, 40)))


def _wellformed(rng: random.Random, depth: int = 0) -> str:
    tags = ["div", "p", "section", "ul", "li", "span", "a", "nav", "figure", "svg", "strong", "details", "table"]
    out = []
    for _ in range(rng.randint(1, 4)):
        r = rng.random()
        if r < 0.4 and depth < 4:
            t = rng.choice(tags)
            out.append(f'<{t} class="c{rng.randint(1, 9)}">' + rng.choice(["", "\n"]) + _wellformed(rng, depth + 1)
                       + f"</{t}>")
        elif r < 0.5:
            out.append("<br>")
        elif r < 0.55:
            out.append('<rect x="1"/>')
        elif r < 0.6:
            out.append("&amp;")
        elif r < 0.7:
            out.append(rng.choice(["\n", "\n\n", " "]))
        elif r < 0.75:
            out.append("\n## Head\n")
        else:
            out.append(rng.choice(["word", "two words", "*em*", "a_b_c"]))
    return "".join(out)


def _documents() -> list[str]:
    rng = random.Random(20261125)
    docs = list(CASES)
    for i in range(400):
        docs.append(_soup(rng) if i % 4 == 0 else "\n".join(_wellformed(rng) for _ in range(rng.randint(1, 4))))
    return docs


def _convert(text: str, extensions: list[str]) -> str:
    return markdown.Markdown(extensions=extensions).convert(text)


@pytest.mark.parametrize("extensions", [MKDOCS_DEFAULT, EXAMPLE_LIKE], ids=["mkdocs-default", "md_in_html"])
def test_split_and_restore_give_what_python_markdown_gives(extensions):
    used = 0
    for text in _documents():
        parts = fasthtml.split(text, "t0k3n")
        if parts is None:
            continue
        used += 1
        assert parts.blocks and all(b not in parts.markdown for b in parts.blocks)
        fast = fasthtml.restore(_convert(parts.markdown, extensions), parts)
        assert fast == _convert(text, extensions), text
    assert used >= 100  # the fast path is really taken, not just left alone


def test_pages_it_does_not_model_are_left_alone():
    for text in ['<div>a</div>&amp; tail\n<p>b</p>', "<div title='single'>quotes</div>", "<!-- c -->\n<div>x</div>",
                 "<div>\tx</div>", "<div>x</div>\n```\ncode\n```", '<div markdown="1">*md*</div>',
                 "<div>&copy no semicolon</div>", "<script>x</script>\n<div>x</div>", "<p>text</p >",
                 "<div>unclosed\n\n## Heading", "no html at all"]:
        assert fasthtml.split(text) is None, text


def test_restore_refuses_a_missing_or_repeated_placeholder():
    parts = fasthtml.split("<div>a</div>\n\n<p>b</p>\n", "tok")
    assert parts is not None and len(parts.blocks) == 2
    html = _convert(parts.markdown, MKDOCS_DEFAULT)
    assert fasthtml.restore(html, parts) == "<div>a</div>\n\n<p>b</p>"
    assert fasthtml.restore(html.replace(parts.placeholder(1), ""), parts) is None
    assert fasthtml.restore(html + parts.placeholder(0), parts) is None


def test_supported_markdown_configurations():
    assert fasthtml.supported(MKDOCS_DEFAULT, {})
    assert fasthtml.supported(EXAMPLE_LIKE + ["admonition", "pymdownx.superfences", "pymdownx.details",
                                              "footnotes", "abbr", "def_list"], {})
    # preprocessors that read raw text before the HTML is stashed: the fast path is off
    assert not fasthtml.supported(MKDOCS_DEFAULT + ["pymdownx.snippets"], {})
    assert not fasthtml.supported(MKDOCS_DEFAULT + ["pymdownx.critic"], {})


def _build_all(config_file: Path, site_dir: Path, fast: bool, monkeypatch) -> dict[str, bytes]:
    monkeypatch.setenv("ROADMAP_GEN_FAST_HTML", "1" if fast else "0")
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    build(config)
    plugin = config.plugins["outcome-roadmap"]
    if fast:  # every generated page took the fast path
        assert plugin.fast.pages == len(plugin._generated) > 0
    else:
        assert plugin.fast is None
    return {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in sorted(site_dir.rglob("*")) if p.is_file()}


def test_example_site_is_identical_with_and_without_the_fast_path(tmp_path: Path, monkeypatch):
    """The example roadmap (attr_list, md_in_html, toc permalinks; every kind of page): same bytes."""
    slow = _build_all(REPO / "mkdocs.yml", tmp_path / "slow", False, monkeypatch)
    fast = _build_all(REPO / "mkdocs.yml", tmp_path / "fast", True, monkeypatch)
    assert sorted(slow) == sorted(fast)
    different = [name for name in slow if slow[name] != fast[name]]
    assert different == []
    assert any(name.startswith("hypotheses/") for name in slow)


@pytest.fixture
def linked_site(tmp_path: Path):
    """The basic fixture with a hand-written page that links to anchors inside generated pages."""
    root = tmp_path / "site"
    shutil.copytree(BASIC, root)
    (root / "docs").mkdir(exist_ok=True)
    yml = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(yml + "validation:\n  anchors: warn\n", encoding="utf-8")
    return root


def _link_page(root: Path, target: str, anchor: str) -> None:
    (root / "docs" / "notes.md").write_text(f"# Notes\n\nSee [the item]({target}#{anchor}).\n", encoding="utf-8")


def test_anchor_validation_still_sees_ids_inside_html_blocks(linked_site: Path, tmp_path: Path, caplog):
    # an id the templates write inside a raw HTML block: the item page's <h1 id="...">
    _link_page(linked_site, "index.md", "top")
    first = load_config(config_file=str(linked_site / "mkdocs.yml"), site_dir=str(tmp_path / "first"))
    build(first)
    html = (tmp_path / "first" / "hypotheses" / "setup-checklist" / "index.html").read_text(encoding="utf-8")
    anchor = re.search(r'<h1 id="([^"]+)"', html).group(1)

    _link_page(linked_site, "hypotheses/setup-checklist.md", anchor)
    config = load_config(config_file=str(linked_site / "mkdocs.yml"), site_dir=str(tmp_path / "ok"), strict=True)
    build(config)  # strict, anchors: warn: a missing anchor would abort the build
    assert config.plugins["outcome-roadmap"].fast.pages > 0

    _link_page(linked_site, "hypotheses/setup-checklist.md", anchor + "-no-such-anchor")
    config = load_config(config_file=str(linked_site / "mkdocs.yml"), site_dir=str(tmp_path / "bad"), strict=True)
    with caplog.at_level(logging.WARNING), pytest.raises(Abort):
        build(config)
    assert any("no-such-anchor" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("config_file", ["mkdocs.yml", "mkdocs.public.yml"])
def test_pages_sharing_a_skeleton_reuse_its_conversion_and_the_site_is_the_same(
        config_file: str, tmp_path: Path, monkeypatch):
    """Python-Markdown's result for a skeleton (headings and placeholders) is reused by the pages that share
    it: the site, tables of contents (in every page's HTML) and anchors are those of converting each page."""
    def build_all(site_dir: Path, reuse: bool):
        monkeypatch.setenv("ROADMAP_GEN_REUSE_SKELETONS", "1" if reuse else "0")
        config = load_config(config_file=str(REPO / config_file), site_dir=str(site_dir))
        build(config)
        files = {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in sorted(site_dir.rglob("*"))
                 if p.is_file()}
        return files, config.plugins["outcome-roadmap"]

    each, plugin_each = build_all(tmp_path / "each", False)
    shared, plugin_shared = build_all(tmp_path / "shared", True)
    assert plugin_each.fast.reused == 0 and not plugin_each.fast.reuse
    assert plugin_shared.fast.reused > len(plugin_shared._generated) / 2
    assert sorted(each) == sorted(shared)
    assert [name for name in each if each[name] != shared[name]] == []
    # the table of contents of a page that reused a twin's conversion lists its sections
    page = shared["hypotheses/one-step-import/index.html"].decode() if config_file == "mkdocs.yml" else ""
    if page:
        assert 'href="#experiments"' in page and 'class="md-nav__link"' in page


def test_skeleton_reuse_steps_aside_for_unknown_tree_processors():
    assert fasthtml.skeletons_supported(MKDOCS_DEFAULT, {})
    assert fasthtml.skeletons_supported(EXAMPLE_LIKE + ["admonition", "footnotes", "abbr", "def_list"], {})
    # mkdocs-autorefs-like or any unknown tree processor: results may depend on the page
    import markdown
    from markdown.treeprocessors import Treeprocessor

    class PageDependent(markdown.Extension):
        def extendMarkdown(self, md):
            md.treeprocessors.register(Treeprocessor(md), "page-dependent", 1)

    assert not fasthtml.skeletons_supported(MKDOCS_DEFAULT + [PageDependent()], {})
    parts = fasthtml.split('<div>a</div>\n\n## [Link](x.md)\n\n<p>b</p>', "t")
    assert parts is not None and not fasthtml.reusable(parts)
    parts = fasthtml.split('<div>a</div>\n\n## Heading\n\n<p>b</p>', "t")
    assert parts is not None and fasthtml.reusable(parts)
