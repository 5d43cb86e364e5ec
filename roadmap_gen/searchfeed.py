"""What Material's search plugin reads of a generated page: the same words, a third of the tags.

Material's search plugin runs ``html.parser`` over every page's HTML (``on_page_context``) and keeps,
per section (a heading with an ``id``), the text and a few tags (``p``, ``code``, ``pre``, lists,
``sub``/``sup``). Every other tag only costs parsing time, and roadmap pages are mostly such tags:
cards, badges, facts lists, charts. :func:`lean` rewrites a page to what that parser would make of it:

* tags the parser keeps (and every heading, which it uses to divide sections) stay, with only the
  attributes it reads (``id`` on headings, ``class="headerlink"`` on a permalink);
* any element that is open when a heading with an ``id`` starts stays, bare: the parser ends a
  section when the element around its heading closes;
* every other tag goes and its text stays. Texts the parser would have seen apart stay apart (an
  ``</br>``, which it ignores, between them) unless joining them changes nothing: text after text, and
  whitespace after whitespace outside a title, which the parser collapses to one space anyway.

The parser's own rules are followed where they matter: its stack of open elements (void elements are
never on it, an end tag that does not match the innermost open element is ignored), its preface
section (made by the first start tag or text), entities. Anything it treats specially and that this
does not model (``script``, ``style``, ``object``, ``data-search-exclude``, line-number tables,
comments and declarations, a ``<`` that is not a plain tag, an entity without its ``;``) makes
:func:`lean` return None: the page is indexed as it is.

The search index built from the lean page is the one built from the page itself (tested on every
page of the example, the hostile-text fixture, generated documents and, by hand, the benchmark
roadmaps): same sections, titles and text, and the same ``search_index.json``.

:func:`lean_restored` makes the same copy from the tokens the fast path (:mod:`fasthtml`) found in a
page's blocks, so only the converted skeleton is tokenized again; :class:`SearchCopies` runs it all for
one build (the plugin hands the copy to the search plugin and takes it back).
"""

from __future__ import annotations

import re
import time
from typing import Any

from . import fasthtml

# Tags as the fast path tokenizes them (double-quoted or bare attributes, as Python-Markdown, nh3, Jinja's
# autoescape and the chart code write them). Any `<` it does not match sends the page to the index unchanged.
_TOKEN = fasthtml.TOKEN
_ID = re.compile(r'\sid="([^"]*)"')
_OPEN_ENTITY = fasthtml.OPEN_ENTITY  # an entity without its `;`

# material/plugins/search/plugin.py: Parser.keep, Parser.skip and the module's `void`
KEEP = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
SKIP = frozenset({"object", "script", "style"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                  "source", "track", "wbr"})


def lean(html: str) -> str | None:
    """``html`` reduced to what Material's search parser reads from it; None to index it unchanged."""
    if not _plain(html):
        return None
    tokens = _TOKEN.findall(html)
    if html.count("<") != len(tokens):
        return None  # a comment, a declaration, or a `<` that is not a plain tag
    return _lean(tokens, html[sum(len(gap) + len(tag) for gap, tag, _, _ in tokens):])


def lean_restored(skeleton_html: str, parts: Any) -> str | None:
    """:func:`lean` of ``fasthtml.restore(skeleton_html, parts)``, reusing the tokens the split found in the
    blocks (``parts.tokens``): only the skeleton's few tags are looked for again."""
    if parts.tokens is None or not _plain(skeleton_html):
        return None
    skeleton = _TOKEN.findall(skeleton_html)
    if skeleton_html.count("<") != len(skeleton):
        return None
    prefix = f'<div data-rg-block="{parts.token}-'
    tokens: list[tuple] = []
    i, n = 0, len(skeleton)
    while i < n:
        gap, tag, closing, name = skeleton[i]
        if tag.startswith(prefix) and i + 1 < n and skeleton[i + 1] == ("", "</div>", "/", "div"):
            try:
                first, last = parts.ranges[int(tag[len(prefix):-2])]
            except (ValueError, IndexError):
                return None
            block = parts.tokens[first:last + 1]
            tokens.append((gap, *block[0][1:]))  # the text before the block is the skeleton's
            tokens += block[1:]
            i += 2
        else:
            tokens.append(skeleton[i])
            i += 1
    return _lean(tokens, skeleton_html[sum(len(gap) + len(tag) for gap, tag, _, _ in skeleton):])


def _plain(html: str) -> bool:
    return not ("data-search-exclude" in html or "linenodiv" in html or _OPEN_ENTITY.search(html))


def _lean(tokens: list[tuple], tail: str) -> str | None:
    """The lean copy of a page given as (text before, tag, "/" for an end tag, name) tokens and the text
    after the last one."""
    out: list[str] = []
    emit = out.append
    # the parser's stack: [name, where the start tag would go in `out` (-1: written), kept]
    stack: list[list] = []
    pre = 0  # open <pre> elements: whitespace is kept as it is inside them
    headings = 0  # open headings: a section's title does not collapse whitespace
    started = False  # the parser's preface section exists (made by the first start tag or text)
    # what `out` ends with since the last tag that stays: 0 nothing, 1 whitespace-only text, 2 other text.
    # Texts the parser would have seen apart stay apart (an `</br>`, which it ignores, between them)
    # unless joining them changes nothing: text after text, whitespace after whitespace outside titles.
    last = 0
    for text, tag, closing, name in (*tokens, (tail, "", "", "")):
        if text:
            if not started:
                started = True
            if pre:
                emit(text)
                last = 0
            elif text.isspace():
                if last == 0:
                    emit(" ")
                elif last == 2 or headings:  # in a title every whitespace text counts
                    emit("</br> ")
                last = 1
            else:
                emit("</br>" + text if last == 1 else text)
                last = 2
        if not tag:
            break  # the text after the last tag
        name = name.lower()
        if closing:
            if stack and stack[-1][0] == name:
                _, slot, kept = stack.pop()
                if kept or slot < 0:
                    emit(f"</{name}>")
                    last = 0
                if name == "pre":
                    pre -= 1
                elif name in HEADINGS:
                    headings -= 1
            continue  # an end tag the parser ignores goes too
        if name in VOID:
            continue  # never on the parser's stack, nothing else happens
        if name in SKIP:
            return None
        if tag[-2] == "/":  # self-closing: pushed and popped at once, only a heading with an id leaves a trace
            if name in KEEP or (name in HEADINGS and _ID.search(tag)):
                return None  # the parser writes a kept one into the text; a heading with an id is a section
            if not started:
                started = True
                emit(" ")  # the preface section this start tag would have made
                last = 1
            continue
        if name in HEADINGS:
            m = _ID.search(tag)
            if m:  # a section: every element around it stays
                for entry in stack:
                    if entry[1] >= 0:
                        out[entry[1]] = f"<{entry[0]}>"
                        entry[1] = -1
                emit(f'<{name} id="{m.group(1)}">')
            else:
                emit(f"<{name}>")
            stack.append([name, -1, True])
            headings += 1
            last = 0
        elif name in KEEP:
            emit(f"<{name}>")
            stack.append([name, -1, True])
            last = 0
            if name == "pre":
                pre += 1
        elif name == "a" and 'class="headerlink"' in tag:
            emit('<a class="headerlink">')
            stack.append([name, -1, True])
            last = 0
        else:
            if not started:
                emit(" ")  # the preface section this start tag would have made
                last = 1
            stack.append([name, len(out), False])
            emit("")
        started = True
    return "".join(out)


_LEAN: dict[str, str | None] = {}
_LEAN_MAX = 50_000


def lean_cached(html: str) -> str | None:
    """:func:`lean` remembered for the life of the process, by the page's HTML (``mkdocs serve``)."""
    try:
        return _LEAN[html]
    except KeyError:
        if len(_LEAN) >= _LEAN_MAX:
            _LEAN.clear()
        out = _LEAN[html] = lean(html)
        return out


_SEARCH_ATTRS = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")  # material/plugins/search/plugin.py


class SearchCopies:
    """Lean copies for one build: ``prepare`` makes a page's copy from the fast path's tokens when its
    content is final, ``give`` swaps the copy in just before the search plugin reads the page, ``take_back``
    puts the page back just after. Counts and times what it does."""

    def __init__(self, generated: set[str], *, serving: bool) -> None:
        self.generated = generated
        self.serving = serving  # mkdocs serve: copies cached by content for the life of the process
        self.seen = self.given = 0  # generated pages search indexes; of those, pages given a copy
        self.time = 0.0
        self._prepared: dict[str, tuple[str, str | None]] = {}  # page src -> (its content, its copy)
        self._full: dict[str, str] = {}  # page src -> its content while the search plugin reads the copy

    @staticmethod
    def indexed(page: Any) -> bool:
        return not (page.meta.get("search") or {}).get("exclude")

    def prepare(self, page: Any, content: str, skeleton_html: str, parts: Any) -> None:
        if parts.tokens is not None and self.indexed(page):
            t0 = time.perf_counter()
            self._prepared[page.file.src_uri] = (content, lean_restored(skeleton_html, parts))
            self.time += time.perf_counter() - t0

    def give(self, page: Any) -> None:
        src = page.file.src_uri
        if src not in self.generated or not self.indexed(page):
            return
        self.seen += 1
        t0 = time.perf_counter()
        content = page.content
        ready = self._prepared.pop(src, None)
        if ready is not None and ready[0] is content:  # prepared, and nothing changed the page since
            copy = ready[1]
        else:
            copy = lean_cached(content) if self.serving else lean(content)
        if copy is not None:
            self._full[src] = content
            page.content = copy
            self.given += 1
        self.time += time.perf_counter() - t0

    def take_back(self, page: Any) -> None:
        full = self._full.pop(page.file.src_uri, None)
        if full is not None:
            if "data-search-" in full:  # what the search plugin does to the page it has indexed
                full = _SEARCH_ATTRS.sub("", full)
            page.content = full
