"""Markdown bodies to safe HTML.

A body is rendered with Python-Markdown with raw HTML switched off (an author's
``<script>`` shows as text), then cleaned with nh3 against an allowlist:
only known tags and attributes survive and links keep only the ``http``,
``https`` and ``mailto`` schemes (relative links too), so ``javascript:`` and
``data:`` URLs are removed. ``allow_raw_html: true`` opts out of both.
"""

from __future__ import annotations

import re

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
        html = plain_prose(text, sanitized=not self.allow_raw_html)
        if html is not None:
            return html
        self._md.reset()
        html = self._md.convert(text)
        if heading_offset:
            for level in range(6 - heading_offset, 0, -1):
                html = html.replace(f"<h{level}", f"<h{level + heading_offset}").replace(
                    f"</h{level}>", f"</h{level + heading_offset}>")
        if self.allow_raw_html:
            return html
        return clean(html)


# Anything that could make Python-Markdown (with EXTENSIONS) or nh3 do more than wrap lines in <p> and
# <li> and turn the spans of _SPAN into tags: other inline syntax (underscores, code, images, escapes,
# entities, raw HTML, attr lists, footnotes, abbreviations, tables, fenced code), characters nh3 writes as
# entities, control characters and other line breaks, the footnotes placeholder.
_NOT_PLAIN = re.compile(r"[\\`_!<>&|{}~^\x00-\x09\x0b-\x1f\x7f-\xa0\u1680\u2000-\u200b"
                        r"\u2028\u2029\u202f\u205f\u3000\ufeff]|///")
_ORDERED = re.compile(r"\d+[.)]")
_BLOCKS = re.compile(r"\n\n+")
# **strong**, *emphasis* and [text](url) on one line, with plain text inside (no *, [ or ], no spaces at
# its ends), standing apart: after the start of the line or a space or "(", before the end of the line,
# a space or one of .,;:?) -- and links only to http(s) URLs or relative paths of URL characters.
_TEXT = r"[^\s*\[\]](?:[^*\[\]\n]*[^\s*\[\]])?"
_SPAN = re.compile(rf"(?<![^\s(])(?:\*\*({_TEXT})\*\*|\*({_TEXT})\*|\[({_TEXT})\]\("
                   r"((?:https?://)?[A-Za-z0-9][A-Za-z0-9./\-%?=+#]*)\))(?=[\s.,;:?)]|$)")


def _plain_line(line: str) -> bool:
    """A line Python-Markdown takes as paragraph text, nothing more: it does not start a list, heading,
    quote, definition or setext underline, is not indented and has no trailing spaces (a line break)."""
    return bool(line) and line[0] not in "-+#>=: " and line[-1] != " " and not _ORDERED.match(line)


def _span(match: re.Match, rel: str) -> str:
    strong, em, text, url = match.groups()
    if strong is not None:
        return f"<strong>{strong}</strong>"
    if em is not None:
        return f"<em>{em}</em>"
    return f'<a href="{url}"{rel}>{text}</a>'


def plain_prose(text: str, sanitized: bool = True) -> str | None:
    """The HTML of a body that is plain prose: paragraphs, and bullet lists (``- `` items, one line each,
    a paragraph between two lists) of text whose only Markdown is ``**strong**``, ``*emphasis*`` and
    ``[links](https://...)`` standing apart on one line; None for anything else. ``sanitized``: as nh3
    leaves it (links get ``rel``), else as Python-Markdown writes it (``allow_raw_html``).

    For the bodies it accepts it gives exactly what Python-Markdown and nh3 give (tests compare the two
    on every example body and on thousands of generated ones), many times faster; most bodies in a
    roadmap are such prose."""
    if _NOT_PLAIN.search(text):
        return None
    rel = ' rel="noopener noreferrer"' if sanitized else ""
    out = []
    after_list = False
    for block in _BLOCKS.split(text.strip("\n")):
        lines = block.split("\n")
        if lines[0].startswith("- "):
            if after_list:  # two lists with only a blank line between are one loose list
                return None
            items = []
            for line in lines:
                item = _inline(line[2:], rel) if line.startswith("- ") and _plain_line(line[2:]) else None
                if item is None:
                    return None
                items.append(item)
            out.append("<ul>\n<li>" + "</li>\n<li>".join(items) + "</li>\n</ul>")
            after_list = True
        else:
            texts = []
            for line in lines:
                shown = _inline(line, rel) if _plain_line(line) else None
                if shown is None:
                    return None
                texts.append(shown)
            out.append("<p>" + "\n".join(texts) + "</p>")
            after_list = False
    return "\n".join(out)


def _inline(line: str, rel: str) -> str | None:
    """A line's text with its spans as tags; None if it has other ``*``, ``[`` or ``]``."""
    if "*" not in line and "[" not in line and "]" not in line:
        return line
    rest = _SPAN.sub("", line)
    if "*" in rest or "[" in rest or "]" in rest:
        return None
    return _SPAN.sub(lambda m: _span(m, rel), line)


def clean(html: str) -> str:
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel="noopener noreferrer", strip_comments=True)
