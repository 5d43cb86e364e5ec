"""YAML parsed into located nodes, safely.

Built straight from the parser's event stream (libyaml's C parser when
present), so every key and value keeps its file, line and column. Nothing is
resolved implicitly: every scalar stays text until a field says what type it
expects (see :mod:`roadmap_gen.format.spec`), so ``no`` never becomes ``False`` and
``0755`` never becomes 493. Anchors, aliases and tags are refused while the
events stream by, before anything could be expanded: an alias bomb costs one
linear scan. Duplicate keys are reported at the second key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Union

import yaml

from roadmap_gen.format.diagnostics import Diagnostics, Location, excerpt
from roadmap_gen.format.yamlhints import explain

try:  # libyaml's C parser is ~10x faster; marks are the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 1_000_000
"""Files larger than this are refused (a roadmap file is a few KB)."""


@dataclass(frozen=True, slots=True)
class YScalar:
    value: str
    plain: bool  # unquoted: the YAML 1.1 surprises only apply to plain scalars
    loc: Location

    @property
    def is_null(self) -> bool:
        return self.plain and self.value in ("", "~", "null", "Null", "NULL")


@dataclass(frozen=True, slots=True)
class YMap:
    items: tuple[tuple[YScalar, "YNode"], ...]
    loc: Location

    def get(self, key: str) -> "YNode | None":
        for k, v in self.items:
            if k.value == key:
                return v
        return None


@dataclass(frozen=True, slots=True)
class YSeq:
    items: tuple["YNode", ...]
    loc: Location


YNode = Union[YScalar, YMap, YSeq]

_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)


def node_kind(node: YNode) -> str:
    if isinstance(node, YMap):
        return "a mapping"
    if isinstance(node, YSeq):
        return "a list"
    return "text"


def decode(data: bytes, path: str, diags: Diagnostics, limit: int = MAX_FILE_BYTES) -> str | None:
    """Bytes to text: refuses oversized and non-UTF-8 files with a located error."""
    if len(data) > limit:
        diags.error(Location(path, 1, 1), f"file is {len(data):,} bytes, over the {limit:,}-byte limit; split it up")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        diags.error(Location(path, line, col), f"not UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8")
        return None
    return text.removeprefix("\ufeff")


def parse(text: str, path: str, diags: Diagnostics, line_offset: int = 0) -> YNode | None:
    """Parse one YAML document into located nodes. Returns None when the file
    cannot be used (errors are in ``diags``); an empty document gives None too."""
    bad_tabs = False
    for m in _TAB_INDENT.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        col = m.end() - m.start()
        diags.error(Location(path, line + line_offset, col), "tab character in indentation; YAML needs spaces")
        bad_tabs = True
    if bad_tabs:
        return None
    builder = _Builder(path, diags, line_offset)
    loader = _Loader(text)
    try:
        event = loader.get_event()
        while event is not None:
            builder.feed(event)
            event = loader.get_event() if event.__class__ is not yaml.StreamEndEvent else None
    except yaml.MarkedYAMLError as exc:
        _syntax_error(exc, text, path, diags, line_offset)
        return None
    except yaml.reader.ReaderError as exc:  # a control character; its position differs by parser
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        at = max(text.find(chr(code)), 0)  # the first one is where reading stopped
        line = text.count("\n", 0, at) + 1
        col = at - (text.rfind("\n", 0, at) + 1) + 1
        diags.error(Location(path, line + line_offset, col),
                    f"character U+{code:04X} is not allowed in YAML ({exc.reason}); remove it")
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - other reader errors are caught by decode
        diags.error(Location(path, 1 + line_offset, 1), f"YAML error: {exc}")
        return None
    finally:
        loader.dispose()
    return builder.root


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, path: str, diags: Diagnostics, line_offset: int) -> None:
    """One located error for a YAML syntax error, in plain words where :mod:`yamlhints` knows them."""
    mark = exc.problem_mark or exc.context_mark
    raw = problem = exc.problem or exc.context or "invalid YAML"
    if exc.context and exc.problem:
        raw = problem = f"{exc.context}, {exc.problem}"
    end = len(text.rstrip())
    if mark is not None and mark.index >= end:  # the parser ran out of text
        if exc.context_mark is not None and exc.context_mark.index < end:
            # point at what was left open (a `[`, `{` or quote) rather than past the last line
            mark, problem = exc.context_mark, f"{problem} (opened here and never closed)"
        else:  # the end of the last line, not the line after it
            body = text.rstrip()
            last = body.rfind("\n") + 1
            line, col = body.count("\n") + 1, len(body) - last + 1
            diags.error(Location(path, line + line_offset, col), f"YAML syntax error where the YAML ends: {problem}")
            return
    line = (mark.line + 1) if mark else 1
    col = (mark.column + 1) if mark else 1
    source = text.split("\n")[line - 1] if line <= text.count("\n") + 1 else ""
    plain = explain(raw, source, source[col - 1:col])
    if plain and "opened here" in plain and exc.context_mark is not None:  # where the `[`, `{` or quote is
        line, col = exc.context_mark.line + 1, exc.context_mark.column + 1
    diags.error(Location(path, line + line_offset, col), f"YAML syntax error: {plain or problem}")


class _Builder:
    """Turns parser events into YNode trees, refusing anchors, aliases and tags."""

    def __init__(self, path: str, diags: Diagnostics, line_offset: int) -> None:
        self.path = path
        self.diags = diags
        self.offset = line_offset
        self.stack: list[tuple[str, Location, list]] = []
        self.root: YNode | None = None
        self.documents = 0
        self.refused = 0

    def _loc(self, mark) -> Location:
        return Location(self.path, mark.line + 1 + self.offset, mark.column + 1)

    def _refuse(self, event, loc: Location) -> bool:
        bad = False
        anchor = getattr(event, "anchor", None)
        if isinstance(event, yaml.AliasEvent):
            self.refused += 1
            if self.refused <= 20:
                self.diags.error(loc, f"YAML alias `*{excerpt(anchor)}` is not allowed; write the value out")
            return True
        if anchor is not None:
            self.diags.error(loc, f"YAML anchor `&{excerpt(anchor)}` is not allowed; write values out in full")
            bad = True
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            self.diags.error(loc, f"YAML tag `{excerpt(shown)}` is not allowed; quote the value if it is text")
            bad = True
        return bad

    def feed(self, event) -> None:
        if event.__class__ is yaml.ScalarEvent and event.anchor is None and event.tag in (None, "!"):
            mark = event.start_mark  # the common case first: a plain or quoted scalar, nothing to refuse
            node = YScalar(event.value, not event.style, Location(self.path, mark.line + 1 + self.offset,
                                                                  mark.column + 1))
            if self.stack:
                self.stack[-1][2].append(node)
            else:
                self._add(node)
            return
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.diags.error(self._loc(event.start_mark), "only one YAML document is allowed in this file")
            return
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
            return
        loc = self._loc(event.start_mark)
        if isinstance(event, yaml.AliasEvent):
            self._refuse(event, loc)
            self._add(YScalar("", True, loc))  # a null stands in; the error is reported
            return
        self._refuse(event, loc)
        if isinstance(event, yaml.ScalarEvent):
            self._add(YScalar(event.value, not event.style, loc))
        elif isinstance(event, yaml.MappingStartEvent):
            self.stack.append(("map", loc, []))
        elif isinstance(event, yaml.SequenceStartEvent):
            self.stack.append(("seq", loc, []))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            kind, start, children = self.stack.pop()
            if kind == "seq":
                self._add(YSeq(tuple(children), start))
            else:
                self._add(self._mapping(children, start))

    def _mapping(self, children: list, loc: Location) -> YMap:
        return _mapping(children, loc, self.diags)

    def _add(self, node: YNode) -> None:
        if self.stack:
            self.stack[-1][2].append(node)
        elif self.documents <= 1:
            self.root = node


def _mapping(children: list, loc: Location, diags: Diagnostics) -> YMap:
    """A mapping from its keys and values in order; keys that are not text or come twice are reported."""
    items: list[tuple[YScalar, YNode]] = []
    seen: dict[str, Location] = {}
    for key, value in zip(children[0::2], children[1::2]):
        if not isinstance(key, YScalar):
            diags.error(key.loc, "a key must be plain text, not a list or mapping")
            continue
        if key.value in seen:
            first = seen[key.value]
            diags.error(key.loc, f"duplicate key `{excerpt(key.value)}` (first at line {first.line})")
            continue
        seen[key.value] = key.loc
        items.append((key, value))
    return YMap(tuple(items), loc)
