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

from roadmap_gen.format.diagnostics import Diagnostics, Location

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PERIOD_RE = re.compile(r"^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$")
CADENCE_RE = re.compile(r"^([1-9]\d*) (day|days|week|weeks|month|months)$")
NUMBER_RE = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")
YAML11_BOOL = re.compile(r"^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$")
YAML11_NULL = re.compile(r"^(~|null|Null|NULL)$")

CADENCES = ("weekly", "monthly", "quarterly", "yearly")


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
    hint = f"; try `{fixed}`" if fixed else ""
    diags.error(loc, f"{what} `{value}` is not lower-case ASCII kebab-case (a-z, 0-9, single hyphens){hint}")
    return False


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    mdays = [31, 29 if (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 else 28,
             31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return date(year, month, min(d.day, mdays))


def parse_number(v: str, loc: Location, diags: Diagnostics, what: str) -> Any:
    s = v.strip()
    if re.match(r"^[-+]?0\d", s) and "." not in s and "e" not in s.lower():
        diags.error(loc, f"{what}: `{s}` is ambiguous (YAML 1.1 reads a leading zero as octal); "
                         f"write `{s.lstrip('+-0') or '0'}`")
        return INVALID
    if not NUMBER_RE.match(s):
        if s.lower().lstrip("+-.") in ("inf", "nan", "infinity"):
            diags.error(loc, f"{what} must be a finite number, found `{s}`")
        elif YAML11_BOOL.match(s):
            diags.error(loc, f"{what} must be a number, found `{s}` (a YAML 1.1 boolean)")
        else:
            diags.error(loc, f"{what} must be a number, found `{s}`")
        return INVALID
    if not math.isfinite(float(s)):  # 1e999, or more digits than a float can hold
        diags.error(loc, f"{what} must be a finite number, found `{s if len(s) <= 40 else s[:37] + '...'}`")
        return INVALID
    if re.match(r"^[-+]?\d+$", s):
        return int(s)
    return float(s)


def parse_date(v: str, loc: Location, diags: Diagnostics, what: str) -> Any:
    s = v.strip()
    if not DATE_RE.match(s):
        diags.error(loc, f"{what}: `{s}` is not a date; write YYYY-MM-DD")
        return INVALID
    try:
        return date.fromisoformat(s)
    except ValueError as exc:
        diags.error(loc, f"{what}: `{s}` is not a valid date ({exc})")
        return INVALID
