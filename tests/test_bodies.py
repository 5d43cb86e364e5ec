"""Plain-prose bodies skip Python-Markdown (sanitize.plain_prose): for every body it accepts, the HTML is
exactly what Python-Markdown with the body extensions and nh3 give; anything else goes the slow way."""

from __future__ import annotations

import importlib.util
import random
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO
from roadmap_gen.site.sanitize import BodyRenderer, clean, plain_prose

SLOW = {raw: BodyRenderer(raw) for raw in (False, True)}


def reference(text: str, raw: bool) -> str:
    """What the body renderer gives without the plain-prose shortcut."""
    md = SLOW[raw]._md
    md.reset()
    html = md.convert(text)
    return html if raw else clean(html)


def agrees(text: str) -> bool:
    """plain_prose declines the text or gives the reference HTML, sanitised and raw (allow_raw_html)."""
    fast = plain_prose(text)
    if fast is None:
        assert plain_prose(text, sanitized=False) is None
        return False
    assert fast == reference(text, False), text
    assert plain_prose(text, sanitized=False) == reference(text, True), text
    return True


def example_bodies() -> list[str]:
    bodies = []
    for path in sorted((REPO / "content").rglob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        if body.strip():
            bodies.append(body)
    return bodies


def test_every_example_body_it_accepts_renders_the_same_and_most_are_accepted():
    bodies = example_bodies()
    accepted = sum(agrees(b) for b in bodies)
    assert len(bodies) >= 40
    assert accepted >= len(bodies) // 2  # the shortcut is worth having
    assert accepted < len(bodies)  # and bodies with Markdown syntax go the slow way


def test_the_benchmarks_generated_bodies():
    spec = importlib.util.spec_from_file_location("bench_generate", REPO / "bench" / "generate.py")
    generate = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = generate  # its dataclasses look their module up
    try:
        spec.loader.exec_module(generate)
    finally:
        del sys.modules[spec.name]
    text = generate.Text(random.Random(7))
    bodies = [text.body((1, 3), 0.6) for _ in range(300)]
    accepted = sum(agrees(b) for b in bodies)
    assert 0 < accepted < len(bodies)


@pytest.mark.parametrize("text, html", [
    ("One line.", "<p>One line.</p>"),
    ("Two\nlines, \"quoted\" and 'single', 15% (of 30), x@y.org, http://example.com/a?b=1;c",
     "<p>Two\nlines, \"quoted\" and 'single', 15% (of 30), x@y.org, http://example.com/a?b=1;c</p>"),
    ("\n\nFirst.\n\n\n\nSecond\nparagraph.\n", "<p>First.</p>\n<p>Second\nparagraph.</p>"),
    ("Learned:\n\n- one\n- two 15% more\n\nAfter.", "<p>Learned:</p>\n<ul>\n<li>one</li>\n<li>two 15% more</li>\n</ul>\n<p>After.</p>"),
    ("- a\n\nText\n\n- b", "<ul>\n<li>a</li>\n</ul>\n<p>Text</p>\n<ul>\n<li>b</li>\n</ul>"),
    ("Svenska: åäö, Nederlands: één — “quotes” …", "<p>Svenska: åäö, Nederlands: één — “quotes” …</p>"),
    ("**Who behaves differently:** owners.", "<p><strong>Who behaves differently:</strong> owners.</p>"),
    ("The *minimum* (see [the notes](https://wiki.example.com/r/7)).\n- not a list",
     None),
    ("The *minimum* (see [the notes](https://wiki.example.com/r/7)).",
     '<p>The <em>minimum</em> (see <a href="https://wiki.example.com/r/7" rel="noopener noreferrer">the notes</a>).</p>'),
    ("- **a** b\n- [c](d/e/)", '<ul>\n<li><strong>a</strong> b</li>\n<li><a href="d/e/" rel="noopener noreferrer">c</a></li>\n</ul>'),
])
def test_what_it_accepts(text: str, html: str | None):
    assert plain_prose(text) == html
    assert agrees(text) is (html is not None)


@pytest.mark.parametrize("text", [
    "a**b**c", "**a*", "*a **b** c*", "***x***", "** a**", "[a](b \"title\")", "[a][ref]", "[a]", "* item",
    "[a](javascript:alert(1))", "*a\nb*", "_em_", "`code`", "<b>tag</b>", "a & b", "a > b", "\\*",
    "# Heading", "> quote", "1. first", "2) second", "+ item", "* item", "- a\n- b\n\n- c", "- a\ncontinued",
    "text\n- not a list", "a  \nbreak", "trailing ", " indented", "    code", "Term\n: definition",
    "Title\n=====", "Title\n---", "a | b", "{: .class}", "~~~\ncode\n~~~", "tab\tinside", "nbsp\u00a0here",
    "line\u2028separator", "///Footnotes Go Here///", "-", "- ", "-x", "- - -", "- # h", "a\r\nb",
])
def test_what_it_declines(text: str):
    assert plain_prose(text) is None


LINE_PARTS = st.sampled_from([
    "**", "*", "**b**", "*e*", "[t](http://x.org/p)", "[t](rel/p#a)", "](", ")", "(", "[", "]",
    "word", "Word", "two words", "15%", "2026", "1.", "1)", "-", "- ", "+", "#", ">", "=", ":", " ", "  ",
    "*", "_", "`", "[x]", "(y)", "!", "&", "&amp;", "<p>", "|", "{", "~~~", "\\", "é", "—", "\u00a0", "\u2003",
    "\t", "\"q\"", "'s", "x@y.org", "http://a.b/c", ".", ",", "?",
])
LINES = st.lists(LINE_PARTS, min_size=0, max_size=6).map("".join)


@settings(max_examples=3000, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=8).map("\n".join))
def test_generated_texts_render_the_same_or_are_declined(text: str):
    if text.strip():
        agrees(text)


PROSE = st.lists(st.sampled_from(["word", "Word", "two words", "15%", "2026", "é", "—", "\"q\"", "'s", "x@y.org",
                                  ".", ",", "?", ":", "1.", "-", "#", "**b c**", "*e*", "**b:**", "(see", "x)",
                                  "[t u](https://x.org/a?b=1#c)", "[t](../r/)", "*", "**"]),
                 min_size=1, max_size=6).map(" ".join)
BLOCK = st.one_of(st.lists(PROSE, min_size=1, max_size=3).map("\n".join),
                  st.lists(PROSE.map(lambda s: "- " + s), min_size=1, max_size=4).map("\n".join))


@settings(max_examples=2000, deadline=None)
@given(st.lists(BLOCK, min_size=1, max_size=5), st.sampled_from(["\n\n", "\n\n\n"]))
def test_generated_prose_renders_the_same(blocks: list[str], gap: str):
    """Mostly texts it accepts: paragraphs and lists of words and punctuation."""
    agrees(gap.join(blocks))
