"""The roadmap's own values as people read them, in the site's language: cadences and dates.

Every word comes from the labels (:mod:`roadmap_gen.site.labels`), so a site can
override any of them. Numbers are formatted by :mod:`roadmap_gen.site.chart_numbers`.
"""

from __future__ import annotations

from datetime import date
from typing import Mapping

from roadmap_gen.format.model import Cadence
from roadmap_gen.format.scalars import CADENCE_RE, CADENCES
from roadmap_gen.site.chart_words import fmt

_ONCE = {"day": "cadence.daily", "week": "cadence.weekly", "month": "cadence.monthly"}


def ordinal(n: int, t: Mapping[str, str]) -> str:
    """``n`` as an ordinal: a word from ``cadence.ordinals`` (3 -> 'tredje'), else digits and a suffix
    from ``cadence.nth_suffixes`` chosen by the last digit (21 -> '21st', '21:a'; 11, 12 and 13 take
    the suffix of 0)."""
    words = t["cadence.ordinals"].split()
    if 0 < n <= len(words):
        return words[n - 1]
    suffixes = t["cadence.nth_suffixes"].split() or [""]
    last = 0 if n % 100 in (11, 12, 13) else n % 10
    return f"{n}{suffixes[last] if last < len(suffixes) else suffixes[0]}"


def cadence_text(cadence: Cadence | str, t: Mapping[str, str]) -> str:
    """A cadence as a phrase of the language: 'monthly', 'every 3 months'; 'maandelijks',
    'elke 3 maanden'; 'varje månad', 'var tredje månad'. A cadence the format does not know is
    shown as written."""
    text = cadence.text if isinstance(cadence, Cadence) else str(cadence)
    if text in CADENCES:
        return t[f"cadence.{text}"]
    m = CADENCE_RE.fullmatch(text)
    if not m:
        return text
    n, unit = int(m.group(1)), m.group(2).rstrip("s")
    if n == 1:
        return t[_ONCE[unit]]
    return fmt(t[f"cadence.{unit}s"], n=n, nth=ordinal(n, t))


def date_text(d: date, t: Mapping[str, str]) -> str:
    """A date as the language writes it, with the charts' words: 'Aug 15, 2026', '15 aug. 2026'."""
    return fmt(t["chart.day"], day=d.day, month=t[f"chart.month.{d.month}"], year=d.year)


def when(d: date | str | None, t: Mapping[str, str]) -> dict | None:
    """A date for a ``<time>`` element: ``iso`` for its ``datetime``, ``text`` to read.
    A string is read from its first ten characters (a git commit's ISO date and time)."""
    if d is None:
        return None
    day = d if isinstance(d, date) else date.fromisoformat(str(d)[:10])
    return {"iso": day.isoformat(), "text": date_text(day, t)}
