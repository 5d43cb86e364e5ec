"""Scalar values as the content format reads them: patterns, ids, numbers and dates.

Each reader takes the text as written and returns the typed value, or
:data:`INVALID` after reporting a located error.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date
from typing import Any

from roadmap_gen.format.diagnostics import Diagnostics, Location, excerpt

# `\Z`, not `$` (which also matches before a final newline); ASCII digits only (`\d` takes ٢ too)
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\Z")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}\Z", re.ASCII)
PERIOD_RE = re.compile(r"^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?\Z", re.ASCII)
CADENCE_RE = re.compile(r"^([1-9]\d*) (day|days|week|weeks|month|months)\Z", re.ASCII)
NUMBER_RE = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\Z", re.ASCII)
YAML11_BOOL = re.compile(r"^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)\Z")
YAML11_NULL = re.compile(r"^(~|null|Null|NULL)\Z")
DECIMAL_COMMA_RE = re.compile(r"^[-+]?\d+,\d+\Z", re.ASCII)  # 21,4: a decimal comma, as Dutch, German and Swedish write it
THOUSANDS_RE = re.compile(r"^[-+]?\d{1,3}([ ,.\u00a0]\d{3})+\Z", re.ASCII)  # 1 000 000, 1.000.000, 1,000,000

CADENCES = ("weekly", "monthly", "quarterly", "yearly")
URL_SCHEMES = ("http", "https", "mailto")
URL_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


class _Invalid:
    def __repr__(self) -> str:
        return "<invalid>"


INVALID: Any = _Invalid()
"""Returned by a reader for a value it refused (after reporting why)."""


def kebab(text: str) -> str:
    """Transliterate to an ASCII kebab-case id: ``Första Steg`` -> ``forsta-steg``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def check_id(value: str, loc: Location, diags: Diagnostics, what: str = "id") -> bool:
    if ID_RE.match(value):
        return True
    fixed = kebab(value)
    hint = f"; try `{excerpt(fixed)}`" if fixed else ""
    diags.error(loc, f"{what} `{excerpt(value)}` is not lower-case ASCII kebab-case (a-z, 0-9, single hyphens){hint}")
    return False


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    mdays = [31, 29 if (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 else 28,
             31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return date(year, month, min(d.day, mdays))


def number_hint(s: str) -> str:
    """How to write ``s`` as a number when it is one written the local way (``21,4``, ``1.000.000``), else ''."""
    plain, point = excerpt(re.sub(r"[ ,.\u00a0]", "", s)), excerpt(s.replace(",", "."))
    if DECIMAL_COMMA_RE.match(s) and not THOUSANDS_RE.match(s):
        return f"use a decimal point, not a comma: `{point}`"
    if THOUSANDS_RE.match(s) and "," in s and s.count(",") == 1 and "." not in s:  # 1,500: 1.5 or 1500?
        return f"write `{point}` if the comma is a decimal comma, `{plain}` if it separates thousands"
    if THOUSANDS_RE.match(s):
        return f"write it without thousands separators: `{plain}`"
    return ""


def parse_number(v: str, loc: Location, diags: Diagnostics, what: str) -> Any:
    s = v.strip()
    if re.match(r"^[-+]?0\d", s, re.ASCII) and "." not in s and "e" not in s.lower():
        diags.error(loc, f"{what}: `{excerpt(s)}` is ambiguous (YAML 1.1 reads a leading zero as octal); "
                         f"write `{excerpt(s.lstrip('+-0') or '0')}`")
        return INVALID
    if not NUMBER_RE.match(s):
        if s.lower().lstrip("+-.") in ("inf", "nan", "infinity"):
            diags.error(loc, f"{what} must be a finite number, found `{excerpt(s)}`")
        elif YAML11_BOOL.match(s):
            diags.error(loc, f"{what} must be a number, found `{excerpt(s)}` (a YAML 1.1 boolean)")
        elif number_hint(s):
            diags.error(loc, f"{what} must be a number, found `{excerpt(s)}`: {number_hint(s)}")
        else:
            diags.error(loc, f"{what} must be a number, found `{excerpt(s)}`")
        return INVALID
    if not math.isfinite(float(s)):  # 1e999, or more digits than a float can hold
        diags.error(loc, f"{what} must be a finite number, found `{excerpt(s)}`")
        return INVALID
    if re.fullmatch(r"[-+]?\d+", s, re.ASCII):
        return int(s)
    return float(s)


def parse_date(v: str, loc: Location, diags: Diagnostics, what: str) -> Any:
    s = v.strip()
    if not DATE_RE.match(s):
        diags.error(loc, f"{what}: `{excerpt(s)}` is not a date; write YYYY-MM-DD")
        return INVALID
    try:
        return date.fromisoformat(s)
    except ValueError as exc:
        diags.error(loc, f"{what}: `{excerpt(s)}` is not a valid date ({exc})")
        return INVALID


def _invisible(c: str) -> bool:
    """A control, format (bidi, zero-width) or separator character, or a space other than U+0020."""
    return unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") or (c.isspace() and c != " ")


def normalise_url(text: str) -> tuple[str, str]:
    """``(url, "")``: the URL as stored and shown, read once the way browsers read it (tabs and line breaks
    removed, spaces and invisible characters stripped from both ends, Unicode ones included); or
    ``("", character)`` when an invisible or control character is left inside it."""
    url = re.sub(r"[\t\n\r]", "", text)
    start, end = 0, len(url)
    while start < end and (url[start] == " " or _invisible(url[start])):
        start += 1
    while end > start and (url[end - 1] == " " or _invisible(url[end - 1])):
        end -= 1
    url = url[start:end]
    bad = next((c for c in url if _invisible(c)), "")
    return ("", bad) if bad else (url, "")
