"""Markdown bodies to safe HTML.

A body is rendered with Python-Markdown with raw HTML switched off (an author's
``<script>`` shows as text), then cleaned with nh3 against an allowlist:
only known tags and attributes survive and links keep only the ``http``,
``https`` and ``mailto`` schemes (relative links too), so ``javascript:`` and
``data:`` URLs are removed. ``allow_raw_html: true`` opts out of both.
"""

from __future__ import annotations

import markdown
import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
    "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "u", "ul", "sup", "section",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"}, "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"}, "th": {"align", "scope", "colspan", "rowspan"}, "td": {"align", "colspan", "rowspan"},
    "ol": {"start"}, "code": {"class"}, "div": {"class"}, "span": {"class"}, "li": {"id"}, "sup": {"id"},
    "h2": {"id"}, "h3": {"id"}, "h4": {"id"},
}
URL_SCHEMES = {"http", "https", "mailto"}
EXTENSIONS = ["tables", "fenced_code", "sane_lists", "def_list", "abbr", "footnotes", "attr_list"]


_RENDERED: dict[tuple[bool, int, str], str] = {}
"""Bodies rendered so far in this process, by options and text: a ``mkdocs serve`` rebuild renders only
the bodies that changed (the output is a pure function of the key)."""
_RENDERED_MAX = 100_000


class BodyRenderer:
    """Renders item bodies; one instance reuses one Markdown parser."""

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
        key = (self.allow_raw_html, heading_offset, text)
        hit = _RENDERED.get(key)
        if hit is not None:
            return hit
        if len(_RENDERED) >= _RENDERED_MAX:
            _RENDERED.clear()
        html = _RENDERED[key] = self._render(text, heading_offset)
        return html

    def _render(self, text: str, heading_offset: int) -> str:
        self._md.reset()
        html = self._md.convert(text)
        if heading_offset:
            for level in range(6 - heading_offset, 0, -1):
                html = html.replace(f"<h{level}", f"<h{level + heading_offset}").replace(
                    f"</h{level}>", f"</h{level + heading_offset}>")
        if self.allow_raw_html:
            return html
        return clean(html)


def clean(html: str) -> str:
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel="noopener noreferrer", strip_comments=True)
