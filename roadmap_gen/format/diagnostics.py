"""Locations and diagnostics: every defect is ``path:line:column: message``."""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A place in a source file; line and column are 1-based."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{printable(self.path)}:{self.line}:{self.column}"

    def shifted(self, lines: int) -> "Location":
        return Location(self.path, self.line + lines, self.column)


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    """One problem found in the content. ``severity`` is ``error`` or ``warning``."""

    loc: Location
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        prefix = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.loc}: {prefix}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


@dataclass
class Diagnostics:
    """Collects diagnostics; never raises, so one run reports every problem."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, loc: Location, message: str) -> None:
        self.items.append(Diagnostic(loc, _one_line(message), "error"))

    def warning(self, loc: Location, message: str) -> None:
        self.items.append(Diagnostic(loc, _one_line(message), "warning"))

    def extend(self, items: Iterable[Diagnostic]) -> None:
        self.items.extend(items)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.is_error]

    def sorted(self) -> list[Diagnostic]:
        return sorted(set(self.items), key=_sort_key)


MAX_MESSAGE = 300
"""A message is cut at this many characters: nothing read from a file is echoed at length."""

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """``text`` safe to echo on one line of a terminal or CI log: control, format (bidi, zero-width) and
    line-separator characters written as escapes (``\\n``, ``\\x1b``, ``\\u202e``)."""
    if text.isprintable():
        return text
    out = []
    for c in text:
        if c.isprintable() or c == " " or unicodedata.category(c) == "Zs":
            out.append(c)
        else:
            out.append(_ESCAPES.get(c) or (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"
                                           if ord(c) < 0x10000 else f"\\U{ord(c):08x}"))
    return "".join(out)


def excerpt(value: object, limit: int = 40) -> str:
    """A value read from a file, as a message quotes it: at most ``limit`` characters, :func:`printable`."""
    text = str(value)
    return printable(text[:limit] + ("…" if len(text) > limit else ""))


def _one_line(message: str) -> str:
    message = printable(message)
    return message if len(message) <= MAX_MESSAGE else message[:MAX_MESSAGE - 1] + "…"


def _sort_key(d: Diagnostic) -> tuple:
    return (d.loc.path, d.loc.line, d.loc.column, d.severity, d.message)


def sort_diagnostics(items: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(set(items), key=_sort_key)


def display_path(path: Path, base: Path | None = None) -> str:
    """A path as shown in messages: relative to ``base`` (default: the working
    folder) when it lies inside it, else absolute. Always with forward slashes."""
    base = (base or Path.cwd()).resolve()
    path = path.resolve()
    try:
        rel = path.relative_to(base)
    except ValueError:
        return path.as_posix()
    return rel.as_posix()


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The nearest of ``choices`` to ``word``, if any is near enough."""
    choices = sorted(set(choices))
    match = difflib.get_close_matches(word, choices, n=1, cutoff=cutoff)
    if match:
        return match[0]
    lowered = word.lower().replace("_", "-").replace(" ", "-")
    if lowered in choices:
        return lowered
    return None


def suggestion(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean `x`?)`` or an empty string."""
    near = did_you_mean(word, choices)
    return f" (did you mean `{near}`?)" if near else ""
