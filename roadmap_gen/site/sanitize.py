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
        html = shift_headings(self._md.convert(text), heading_offset) if heading_offset else self._md.convert(text)
        return html if self.allow_raw_html else clean(html)
