"""Markdown bodies to safe HTML.

In a MkDocs build a body is part of its page's Markdown, converted by MkDocs'
own Python-Markdown (the site's extensions apply), and the page's HTML is
then cleaned with nh3 (:func:`clean_page`): only known tags and attributes
survive, ``<script>`` and ``<style>`` go with their content, and links keep
only the ``http``, ``https`` and ``mailto`` schemes (relative links too), so
``javascript:`` and ``data:`` URLs are removed. For other engines
(``roadmap-gen pages``) :class:`BodyRenderer` converts bodies itself, with
raw HTML switched off, and cleans them the same way. ``allow_raw_html: true``
opts out of both.
"""

from __future__ import annotations

import re

import markdown
import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details", "div",
    "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
    "kbd", "label", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "section",
}
ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir", "aria-label", "aria-hidden", "hidden"},
    "a": {"href"}, "img": {"src", "alt", "width", "height", "loading"},
    "th": {"align", "scope", "colspan", "rowspan"}, "td": {"align", "colspan", "rowspan"},
    "ol": {"start", "reversed"}, "details": {"open"}, "col": {"span"}, "colgroup": {"span"},
}
URL_SCHEMES = {"http", "https", "mailto"}
EXTENSIONS = ["tables", "fenced_code", "sane_lists", "def_list", "abbr", "footnotes", "attr_list"]

_HEADING_TAG = re.compile(r"<(/?)h([1-5])(?=[\s>])")


def clean(html: str) -> str:
    """HTML with only the allowlisted tags, attributes and URL schemes."""
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel="noopener noreferrer", strip_comments=True)


def shift_headings(html: str, offset: int = 1) -> str:
    """Every heading ``offset`` levels down (``<h1>`` -> ``<h2>``): a body's headings sit under the page's title."""
    return _HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + offset)}", html)


class BodyRenderer:
    """Renders item bodies for other engines; one instance reuses one Markdown parser."""

    def __init__(self, allow_raw_html: bool = False) -> None:
        self.allow_raw_html = allow_raw_html
        self._md = markdown.Markdown(extensions=EXTENSIONS, output_format="html")
        if not allow_raw_html:
            self._md.preprocessors.deregister("html_block")
            self._md.inlinePatterns.deregister("html")

    def render(self, text: str, heading_offset: int = 1) -> str:
        """HTML for a Markdown body; headings move down ``heading_offset`` levels
        (a body's ``#`` becomes ``<h2>`` under the page's own title)."""
        if not text.strip():
            return ""
        self._md.reset()
        text = defuse(text)
        html = shift_headings(self._md.convert(text), heading_offset) if heading_offset else self._md.convert(text)
        return html if self.allow_raw_html else clean(html)


# -- bodies that would stall Python-Markdown ------------------------------------------------------------

DEFUSE_BUDGET = 20_000_000
"""Characters times Markdown punctuation in one paragraph above which :func:`defuse` shows it as code: real
text stays far below it (a 2,000-character paragraph with 200 marks is 400,000)."""
_MARKS = "[]()<>*_`\\!&~^="
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def defuse(body: str) -> str:
    """A Markdown body that Python-Markdown converts in about linear time.

    Python-Markdown rebuilds a paragraph's text for every inline match and looks for the end of every
    ``[``, ``(`` and ``<`` from where it stands, so a paragraph of 20,000 ``[`` (or ``*a``, or
    ``\\[``) takes minutes; its raw-HTML pass reads from every ``<x`` to the next ``>``. A paragraph
    whose length times its Markdown punctuation passes :data:`DEFUSE_BUDGET` is shown as it was written,
    as a code block (indented four spaces), and when the ``<`` of the body would cost more than that, a
    ``<`` that no ``>`` closes before the next ``<`` (never a tag) is written ``&lt;``. Fenced code and
    every other paragraph stay as they are.
    """
    if len(body) * sum(body.count(c) for c in "[<*_`\\") <= DEFUSE_BUDGET:
        return body  # by far the most common case: nothing to look at
    out: list[str] = []
    chunk: list[str] = []
    fence = ""
    for line in body.split("\n"):
        opened = _FENCE.match(line)
        if fence or opened or not line.strip():
            out += _defused(chunk)
            chunk = []
            if fence and opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
            elif not fence and opened:
                fence = opened.group(1)
            out.append(line)
        else:
            chunk.append(line)
    out += _defused(chunk)
    return _close_angles("\n".join(out))


def _defused(lines: list[str]) -> list[str]:
    text = "\n".join(lines)
    if len(text) * sum(text.count(c) for c in _MARKS) <= DEFUSE_BUDGET:
        return lines
    return ["", *("    " + line for line in lines), ""]


_TAG_START = re.compile(r"<[A-Za-z/?]")


def _close_angles(text: str) -> str:
    """``text`` with every ``<`` that starts no tag written ``&lt;``, when the ``<`` cost too much."""
    starts = {m.start() for m in _TAG_START.finditer(text)}
    if not starts:
        return text
    cost, bad = 0, []
    next_gt, next_lt = len(text), len(text)
    for i in range(len(text) - 1, -1, -1):  # one pass from the end: the nearest `>` and `<` to the right
        c = text[i]
        if c == ">":
            next_gt = i
        elif c == "<":
            if i in starts:
                cost += next_gt - i
                if next_lt < next_gt:
                    bad.append(i)
            next_lt = i
    if cost <= DEFUSE_BUDGET or not bad:
        return text
    out, last = [], 0
    for i in reversed(bad):
        out += [text[last:i], "&lt;"]
        last = i + 1
    return "".join(out) + text[last:]
