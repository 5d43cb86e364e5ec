"""Helpers for the "no English in a Dutch or Swedish site" tests: what a page shows, what the
content wrote, and the English phrases the site's own labels would write.
"""
from __future__ import annotations

import re
import string
from dataclasses import fields, is_dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import markdown

from roadmap_gen.compile.compiler import Compiler
from roadmap_gen.format import model as m
from roadmap_gen.format.diagnostics import Location
from roadmap_gen.site.labels import EN

_SHOWN_ATTRS = {"title", "aria-label", "alt", "placeholder"}
ENGLISH_DATES = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (?:\d{1,2}, )?\d{4}\b")
ISO_DATES = re.compile(r"(?<![\w-])\d{4}-\d\d-\d\d(?![\w-])")
CADENCE_WORDS = re.compile(r"(?<![\w-])(?:daily|weekly|monthly|quarterly|yearly)(?![\w-])")  # as the format writes them


class _Shown(HTMLParser):
    """Text nodes of the page's <title> and <body> (no scripts or styles) and the attributes people
    see or hear (title, aria-label, alt, placeholder)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.body = False  # inside <body>
        self.title = 0  # inside a <title> (the page's, or an SVG's)

    def handle_starttag(self, tag, attrs):
        self.body = self.body or tag == "body"
        self.title += tag == "title"
        self.hidden += tag in ("script", "style")
        if self.body:
            self.parts += [v for k, v in attrs if k in _SHOWN_ATTRS and v]

    def handle_endtag(self, tag):
        self.title -= tag == "title"
        self.hidden -= tag in ("script", "style")

    def handle_data(self, data):
        if (self.body or self.title) and not self.hidden and data.strip():
            self.parts.append(data)


def shown_text(page: Path) -> str:
    """What a reader sees or hears of a page, one text per line, whitespace collapsed."""
    p = _Shown()
    p.feed(page.read_text(encoding="utf-8"))
    return "\n".join(" ".join(x.split()) for x in p.parts)


def _worth_removing(text: str) -> bool:
    """Text people wrote (a title, a sentence), not an id or keyword such as `now` or `on-track`."""
    return len(text) > 2 and (" " in text or text.lower() != text or not text.isascii())


def _markdown_text(body: str) -> set[str]:
    html = markdown.markdown(body, extensions=["attr_list", "md_in_html", "tables"])
    p = _Shown()
    p.body = True
    p.feed(html)
    return {" ".join(x.split()) for x in p.parts}


def _collect(obj, out: set[str]) -> None:
    if isinstance(obj, str):
        out.add(" ".join(obj.split()))
    elif isinstance(obj, (tuple, list)):
        for x in obj:
            _collect(x, out)
    elif is_dataclass(obj) and not isinstance(obj, (m.Cadence, m.Period, Location)):
        for f in fields(obj):
            if f.name in ("loc", "locs", "fields", "source", "series_source", "_index"):
                continue
            value = getattr(obj, f.name)
            if f.name == "body" and isinstance(value, str):
                out |= _markdown_text(value)
            elif not isinstance(value, date):
                _collect(value, out)


def content_text(content_dir: Path, as_of: date) -> re.Pattern:
    """Every text the content wrote (fields and the text of Markdown bodies), as one pattern."""
    compiled = Compiler(content_dir).compile(as_of)
    assert compiled.ok, compiled.errors
    out: set[str] = set()
    _collect(compiled.roadmap, out)
    texts = sorted((x for x in out if _worth_removing(x)), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, texts)) + r")(?!\w)")


def _pattern(value: str) -> str | None:
    """A label as a pattern: placeholders match anything short; None when only placeholders and
    punctuation would be left to match (``{month} {day}, {year}``)."""
    parts = list(string.Formatter().parse(value))
    literal = "".join(text for text, _, _, _ in parts)
    if len(re.sub(r"\W", "", literal)) < 4:
        return None
    return "".join(re.escape(text) + (r".{0,120}?" if name is not None else "") for text, name, _, _ in parts)


def english_phrases(labels: dict[str, str]) -> dict[str, re.Pattern]:
    """The English labels a site in another language (``labels``) must never show, by key."""
    own = set(labels.values())
    out = {}
    for key, value in EN.items():
        if value == labels[key] or value in own:
            continue  # the same word in both languages ("Status", "OKR")
        pattern = _pattern(value)
        if pattern:
            out[key] = re.compile(rf"(?<![\w-]){pattern}(?![\w-])")
    return out


def english_leaks(site: Path, labels: dict[str, str], content: re.Pattern) -> list[str]:
    """Every English label (cadences included), English or ISO date a reader of ``site`` sees outside
    the content."""
    phrases = english_phrases(labels)
    assert len(phrases) > 150
    leaks = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        text = content.sub(" ", shown_text(page))
        leaks += [f"{rel}: {key} {p.search(text).group()!r}" for key, p in phrases.items() if p.search(text)]
        leaks += [f"{rel}: date {x!r}" for x in ENGLISH_DATES.findall(text) + ISO_DATES.findall(text)]
        leaks += [f"{rel}: cadence {x!r}" for x in CADENCE_WORDS.findall(text)]
    return leaks
