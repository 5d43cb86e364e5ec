"""A fast path for the HTML blocks of generated pages under MkDocs.

Roadmap pages are Markdown whose bulk is raw HTML blocks (cards, facts,
charts). Python-Markdown runs every page through ``html.parser`` twice (once
to stash raw HTML, once in MkDocs to collect anchor ids), at about ten
microseconds a tag, only to copy those blocks to the output unchanged. This
module swaps each top-level HTML block for a tiny placeholder element just
before Python-Markdown sees the page (``on_page_markdown``) and puts the
block back into the rendered HTML right after (``on_page_content``), so the
Markdown left to parse is the headings and a few placeholders.

The output is byte-for-byte what Python-Markdown would have produced, because
a placeholder replaces exactly the text Python-Markdown would have stashed as
one raw block, and it is a block-level element at the same position followed
by the same text, so the parser treats it the same way:

* :func:`split` replays the block-finding rules of Python-Markdown's
  ``HTMLExtractor`` (block-level start tag at a line start, a stack of open
  tags, the block ending when the stack empties) over a strict tokenizer, and
  only replaces blocks that start in column 0 and end at a line end;
* anything it does not model exactly makes it leave the page alone: a ``<``
  that is not a plain tag, comments, declarations, ``script``/``style``,
  characters the whitespace normalisation would change (tabs, CR, the stash
  markers), fenced-code or ``markdown=`` syntax, ``&`` in the tail after a
  block;
* :func:`supported` turns the fast path off for Markdown configurations with
  pre- or postprocessors that could see raw HTML before it is stashed or after
  it is restored (snippets, critic, ...).

MkDocs' anchor validation still sees the ids inside replaced blocks:
``page.present_anchor_ids`` becomes an :class:`AnchorIds` set that scans the
blocks with the same parser the first time it is asked (it rarely is). A page
whose placeholders do not all come back exactly once is rendered again the
ordinary way. ``ROADMAP_GEN_FAST_HTML=0`` switches the fast path off (the
tests compare whole sites built both ways).

What is left for Python-Markdown after the split (a page's *skeleton*: its headings and placeholders)
is the same on most pages of a kind. When its result can depend on nothing but its text (see
:func:`skeletons_supported` and :func:`reusable`), a skeleton is converted once and the pages that share
it take that result (:func:`remember`, :func:`apply`); ``ROADMAP_GEN_REUSE_SKELETONS=0`` switches that
off. :class:`FastPages` runs all of it for one build; the plugin's page events delegate to it.
"""

from __future__ import annotations

import re
import secrets
import time
from dataclasses import dataclass
from functools import lru_cache
from collections.abc import Set as AbstractSet
from typing import Any

from markdown.htmlparser import htmlparser as _htmlparser

# Tags as our templates, the chart code and the sanitiser write them: a name, then bare attributes or
# double-quoted values. Stricter than html.parser's tolerant pattern (no single quotes, no unquoted values),
# so every tag matched here is the same tag there; a `<` that matches nothing sends the page the ordinary way.
_TOKEN = re.compile(r'([^<]*)(<(/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"<]*")?)*\s*/?>)')
"""The text before a tag, and the tag: its text, ``/`` for an end tag, its name."""
TOKEN = _TOKEN  # searchfeed reads the same tokens
_BLANK_AFTER = re.compile(r"([ ]*\n){2}")  # Python-Markdown's blank_line_re
# What Python-Markdown's whitespace normalisation would change, and syntax that preprocessors running
# before the HTML is stashed would act on (fenced code, md_in_html's `markdown` attribute).
_UNSAFE_CHARS = re.compile(r"[\t\r\x01\x02\x03\x04]")
_BLANKISH_LINE = re.compile(r"\n +\n")
_UNSAFE_TEXT = ("```", "~~~", "markdown=")  # `<!` and `<?` fail the tag count below
# an entity without its `;`: html.parser hands over the name and Python-Markdown writes it back with one
_OPEN_ENTITY = re.compile(r"&#?[a-zA-Z0-9][-.a-zA-Z0-9]*(?![-.a-zA-Z0-9;])")
OPEN_ENTITY = _OPEN_ENTITY  # html.parser hands such an entity over differently: searchfeed steps aside too
_CDATA = ("script", "style")

# Python-Markdown 3.x block-level elements (markdown.Markdown().block_level_elements); extensions may
# only add to them, so a tag from this list is block-level under any configuration.
BLOCK_LEVEL = frozenset("""address article aside blockquote body canvas center colgroup dd details div dl dt
fieldset figcaption figure footer form group h1 h2 h3 h4 h5 h6 header hgroup hr html iframe legend li main
map math menu nav noscript object ol option output p pre progress script section style summary table tbody
td textarea tfoot th thead tr ul video""".split())

# Preprocessors that run before raw HTML is stashed and postprocessors that run after it is restored,
# known to treat a block and its placeholder alike (given the checks in split).
_SAFE_PRE = {"normalize_whitespace", "html_block", "fenced_code_block", "pymdownx-pre-norm-ws",
             "pymdownx-post-norm-ws"}
_SAFE_POST = {"raw_html", "amp_substitute", "footnote"}
_HTML_BLOCK_PRIORITY = 20
_RAW_HTML_PRIORITY = 30


_LAST_MARKDOWN: list = []  # (extensions, configs, instance): the configuration last asked about


def _markdown(markdown_extensions: Any, mdx_configs: Any) -> Any:
    """A Markdown instance of this configuration (the same lists of a build give the same instance)."""
    import markdown

    if _LAST_MARKDOWN and _LAST_MARKDOWN[0] is markdown_extensions and _LAST_MARKDOWN[1] is mdx_configs:
        return _LAST_MARKDOWN[2]
    try:
        md = markdown.Markdown(extensions=markdown_extensions, extension_configs=mdx_configs or {})
    except Exception:  # pragma: no cover - MkDocs reports a broken configuration itself
        md = None
    _LAST_MARKDOWN[:] = [markdown_extensions, mdx_configs, md]
    return md


def supported(markdown_extensions: Any, mdx_configs: Any) -> bool:
    """Whether this Markdown configuration leaves raw HTML blocks alone, so the fast path is exact."""
    md = _markdown(markdown_extensions, mdx_configs)
    if md is None:
        return False
    for item in md.preprocessors._priority:
        if item.priority >= _HTML_BLOCK_PRIORITY and item.name not in _SAFE_PRE:
            return False
    for item in md.postprocessors._priority:
        if item.priority < _RAW_HTML_PRIORITY and item.name not in _SAFE_POST:
            return False
    return "html_block" in md.preprocessors


@dataclass(frozen=True)
class Split:
    markdown: str  # the page with placeholders
    blocks: tuple[str, ...]  # the HTML each placeholder stands for
    token: str
    tokens: list | None = None  # with keep_tokens: the page's tokens (see _TOKEN), for searchfeed
    ranges: tuple[tuple[int, int], ...] = ()  # each block's first and last token in `tokens`

    def placeholder(self, i: int) -> str:
        return f'<div data-rg-block="{self.token}-{i}"></div>'


def split(text: str, token: str | None = None, keep_tokens: bool = False) -> Split | None:
    """``text`` with each top-level raw HTML block replaced by a placeholder; None to leave it alone.
    ``keep_tokens`` keeps the page's tokens and each block's range of them in the result."""
    n_lt = text.count("<")
    if not n_lt or _UNSAFE_CHARS.search(text) or _BLANKISH_LINE.search(text) or any(
            u in text for u in _UNSAFE_TEXT) or _OPEN_ENTITY.search(text):
        return None
    token = token or new_token()
    tokens = _TOKEN.findall(text)
    if len(tokens) != n_lt:
        return None  # a `<` that is not a plain tag
    out: list[str] = []
    blocks: list[str] = []
    ranges: list[tuple[int, int]] = []
    stack: list[str] = []
    push, pop = stack.append, stack.pop
    inraw = intail = replaceable = False
    start = done = pos = 0  # the current raw block's start; text before `done` is in `out`; the tag's start
    size = len(text)
    first = 0  # the current raw block's first token
    for k, (gap, tag, closing, name) in enumerate(tokens):
        if gap:
            if intail:  # html.parser's handle_data: a newline ends a block's tail
                head, newline, _ = gap.partition("\n")
                if "&" in head and not inraw:
                    return None  # an entity in a block's tail would join the next block's stash
                if newline:
                    intail = False
            pos += len(gap)
        if closing:
            if len(tag) != len(name) + 3:
                return None  # `</name >` and the like: not modelled
            if inraw:
                name = name.lower()
                if name in stack:
                    while pop() != name:
                        pass
                    if not stack:  # the raw block ends here
                        inraw = False
                        end = pos + len(tag)
                        if not _BLANK_AFTER.match(text, end):
                            intail = True
                        if replaceable and (end == size or text[end] == "\n"):
                            out.append(text[done:start])
                            out.append(f'<div data-rg-block="{token}-{len(blocks)}"></div>')
                            blocks.append(text[start:end])
                            ranges.append((first, k))
                            done = end
            pos += len(tag)
            continue
        name = name.lower()
        if name in _CDATA:
            return None
        empty = tag[-2] == "/" or name == "hr"  # html.parser's startendtag; Python-Markdown's empty <hr>
        if inraw:
            if not empty:
                push(name)
        elif empty:
            if intail or (name in BLOCK_LEVEL and _line_start(text, pos)):
                return None  # a standalone empty block, or an empty tag joining the next block's stash
        elif name in BLOCK_LEVEL and (intail or _line_start(text, pos)):
            inraw = True
            push(name)
            start, first = pos, k
            replaceable = pos == 0 or text[pos - 1] == "\n"
        pos += len(tag)
    if inraw or not blocks:
        return None  # an unclosed block swallows the rest of the page; or nothing to do
    out.append(text[done:])
    if keep_tokens:
        return Split("".join(out), tuple(blocks), token, tokens, tuple(ranges))
    return Split("".join(out), tuple(blocks), token)


class AnchorIds(AbstractSet):
    """A page's anchor ids for MkDocs' anchor validation: those MkDocs found, plus the ids inside the
    blocks that skipped its raw-HTML scan, found with the same parser when first asked for."""

    def __init__(self, found: Any, blocks: tuple[str, ...]) -> None:
        self._found = found
        self._blocks = blocks
        self._all: set[str] | None = None

    def _ids(self) -> set[str]:
        if self._all is None:
            finder = _IdFinder()
            for block in self._blocks:
                finder.feed(block)
                finder.close()
                finder.reset()
            self._all = set(self._found or ()) | finder.ids
        return self._all

    def __contains__(self, anchor: object) -> bool:
        return (self._found is not None and anchor in self._found) or anchor in self._ids()

    def __iter__(self):
        return iter(self._ids())

    def __len__(self) -> int:
        return len(self._ids())

    @classmethod
    def _from_iterable(cls, it):
        return set(it)


class _IdFinder(_htmlparser.HTMLParser):
    """What MkDocs' raw-HTML scan collects: every ``id``, and ``name`` on ``<a>``."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        for key, value in attrs:
            if key == "id" or (key == "name" and tag == "a"):
                self.ids.add(value)

    handle_startendtag = handle_starttag


def _line_start(text: str, pos: int) -> bool:
    """HTMLExtractor.at_line_start: the tag is preceded on its line by at most three spaces."""
    line = text.rfind("\n", 0, pos) + 1
    return pos - line <= 3 and text[line:pos].strip() == ""


@lru_cache(maxsize=8)
def _placeholders(token: str) -> re.Pattern:
    return re.compile(f'<div data-rg-block="{token}-([0-9]+)"></div>')


_PROCESS_TOKEN = secrets.token_hex(8)


def new_token() -> str:
    """The placeholders' token: random per process, so no page can contain one by chance or on purpose."""
    return _PROCESS_TOKEN


_SPLITS: dict[str, Split | None] = {}
_SPLITS_MAX = 50_000


def split_cached(text: str) -> Split | None:
    """:func:`split` remembered for the life of the process, by the page's text: a ``mkdocs serve``
    rebuild splits only the pages whose Markdown changed."""
    try:
        return _SPLITS[text]
    except KeyError:
        if len(_SPLITS) >= _SPLITS_MAX:
            _SPLITS.clear()
        parts = _SPLITS[text] = split(text, _PROCESS_TOKEN)
        return parts


def restore(html: str, parts: Split) -> str | None:
    """The rendered page with every placeholder replaced by its block; None unless each is found once."""
    pattern = _placeholders(parts.token)
    seen: list[int] = []

    def put(m: re.Match) -> str:
        i = int(m.group(1))
        seen.append(i)
        return parts.blocks[i] if i < len(parts.blocks) else m.group(0)

    out = pattern.sub(put, html)
    if sorted(seen) != list(range(len(parts.blocks))):
        return None
    return out


# -- skeletons --------------------------------------------------------------------------------------
# What is left of a generated page for Python-Markdown after the split is a skeleton: its headings and
# placeholders. Pages of one kind mostly share theirs (at N = 1,000 hypotheses, 1,564 pages have 177),
# and Python-Markdown's output for a skeleton depends only on its text and the Markdown configuration
# when the skeleton has no links or other HTML and every tree processor is one of these, which look at
# nothing but the document: so each skeleton is converted once and the result reused.
_SAFE_TREE = {"inline", "prettify", "unescape", "toc", "attr_list", "footnote", "footnote-duplicate", "abbr",
              "indent-highlight", "task-list", "smart-symbols"}


def skeletons_supported(markdown_extensions: Any, mdx_configs: Any) -> bool:
    """Whether a skeleton's HTML, table of contents and anchors are a function of its text alone."""
    md = _markdown(markdown_extensions, mdx_configs)
    return md is not None and all(item.name in _SAFE_TREE for item in md.treeprocessors._priority)


def reusable(parts: Split) -> bool:
    """Whether a skeleton can take a converted twin's result: no link syntax, no HTML but placeholders."""
    text = parts.markdown
    return "[" not in text and text.count("<") == 2 * len(parts.blocks)  # <div ...></div> each


@dataclass(frozen=True)
class Converted:
    """Python-Markdown's result for one skeleton, as MkDocs' ``Page.render`` leaves it on a page."""

    html: str
    toc: tuple  # (title, id, level, children) per top-level entry
    anchors: frozenset
    title: str | None
    own_links: tuple | None  # links to the page's own anchors (permalinks), for MkDocs' anchor validation


def converted(page: Any) -> Converted | None:
    """What Python-Markdown left on ``page``; None when it links to other pages (not reusable)."""
    def entry(a: Any) -> tuple:
        return (a.title, a.id, a.level, tuple(entry(c) for c in a.children))

    links = page.links_to_anchors
    if links and set(links) != {page.file}:
        return None
    own = None if links is None else tuple(sorted(links.get(page.file, {}).items()))
    return Converted(page.content, tuple(entry(a) for a in page.toc), frozenset(page.present_anchor_ids or ()),
                     page._title_from_render, own)


def apply(page: Any, done: Converted) -> str:
    """Put a converted twin's result on ``page`` (fresh objects each time); returns its HTML."""
    from mkdocs.structure.toc import AnchorLink, TableOfContents

    def link(e: tuple) -> Any:
        a = AnchorLink(e[0], e[1], e[2])
        a.children = [link(c) for c in e[3]]
        return a

    page.toc = TableOfContents([link(e) for e in done.toc])
    page.present_anchor_ids = set(done.anchors)
    page._title_from_render = done.title
    if done.own_links is not None:
        page.links_to_anchors = {page.file: dict(done.own_links)} if done.own_links else {}
    return done.html


_SKELETONS: dict[tuple, Converted] = {}
_SKELETONS_MAX = 20_000


def remembered(key: tuple) -> Converted | None:
    return _SKELETONS.get(key)


def remember(key: tuple, done: Converted) -> None:
    if len(_SKELETONS) >= _SKELETONS_MAX:
        _SKELETONS.clear()
    _SKELETONS[key] = done


# -- the fast path over one build --------------------------------------------------------------------
class FastPages:
    """The fast path for one build's generated pages: ``markdown`` (just before Python-Markdown) splits a
    page and, when a twin's skeleton was converted already, has the page take that result instead of
    converting; ``content`` (just after) puts the blocks back. Counts and times what it does."""

    def __init__(self, generated: set[str], *, reuse: bool, md_key: tuple, serving: bool,
                 keep_tokens: bool) -> None:
        self.generated = generated
        self.reuse = reuse  # shared skeletons (see remember/apply)
        self.md_key = md_key  # the Markdown configuration a skeleton's conversion depends on
        self.serving = serving  # mkdocs serve: splits cached for the life of the process
        self.keep_tokens = keep_tokens  # keep the split's tokens (for searchfeed.lean_restored)
        self.token = new_token()
        self.pages = self.reused = 0
        self.time = 0.0
        self._split: dict[str, tuple[Split, str]] = {}  # page src -> (its split, its Markdown)
        self._reused: set[str] = set()
        self._convert: dict[str, tuple] = {}  # page src -> its skeleton's key, to remember once converted

    def markdown(self, page: Any, markdown: str) -> str:
        src = page.file.src_uri
        if src not in self.generated:
            return markdown
        t0 = time.perf_counter()
        parts = split_cached(markdown) if self.serving else split(markdown, self.token, self.keep_tokens)
        if parts is not None:
            self._split[src] = (parts, markdown)
            if self.reuse and reusable(parts):
                key = (self.md_key, parts.markdown)
                done = remembered(key)
                if done is None:
                    self._convert[src] = key
                else:  # converted for a twin already: this page's render() only takes the result
                    self._reused.add(src)

                    def render(config: Any, files: Any, _page: Any = page, _done: Converted = done) -> None:
                        del _page.render  # once: a later call is MkDocs' own again
                        _page.content = apply(_page, _done)

                    page.render = render
        self.time += time.perf_counter() - t0
        return markdown if parts is None else parts.markdown

    def content(self, page: Any, html: str, config: Any, files: Any) -> tuple[str, Split | None]:
        """The page's HTML with its blocks back, and its split (None when it took the ordinary way)."""
        entry = self._split.pop(page.file.src_uri, None)
        if entry is None:
            return html, None
        t0 = time.perf_counter()
        parts, markdown = entry
        page.markdown = markdown
        src = page.file.src_uri
        if src in self._reused:
            self._reused.discard(src)
            self.reused += 1
        elif src in self._convert:
            done = converted(page)
            if done is not None:
                remember(self._convert[src], done)
        self._convert.pop(src, None)
        restored = restore(html, parts)
        if restored is None:  # something moved a placeholder: render the ordinary way
            page.__dict__.pop("render", None)
            page.render(config, files)
            return page.content, None
        page.present_anchor_ids = AnchorIds(page.present_anchor_ids, parts.blocks)
        self.pages += 1
        self.time += time.perf_counter() - t0
        return restored, parts
