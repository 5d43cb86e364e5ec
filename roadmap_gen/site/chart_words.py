"""The words the charts draw (:data:`DEFAULT_WORDS`) and the templates that use them.

Part of :mod:`roadmap_gen.site.charts`; pure standard library.
"""
from __future__ import annotations

from datetime import date
from typing import Mapping

#: Progress status -> the word shown next to the bar (colour never carries it alone).
STATUSES = {
    "achieved": "Achieved", "on-track": "On track", "at-risk": "At risk",
    "off-track": "Off track", "no-data": "No data",
}
_LIGHT_WORDS = {"green": "on track", "amber": "at risk", "red": "off track", "none": "no score"}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

#: Every word the charts draw, by key. Pass ``words`` (any subset of these keys)
#: to translate them; missing keys fall back to these English words. Values with
#: ``{placeholders}`` are ``str.format`` templates; a placeholder a translation
#: leaves out is simply not shown, and a malformed template is shown as written.
DEFAULT_WORDS: dict[str, str] = {
    # progress status words, shown next to every progress bar
    **{f"status.{key}": word for key, word in STATUSES.items()},
    # OKR traffic lights, shown next to every score bar
    **{f"light.{key}": word for key, word in _LIGHT_WORDS.items()},
    # month abbreviations for axes, tooltips and tables
    **{f"month.{i}": name for i, name in enumerate(MONTHS, 1)},
    "day": "{month} {day}, {year}",  # Jan 15, 2026 (every date the site shows)
    "month_year": "{month} {year}",  # axis label: Jan 2026
    "missing_value": "n/a",  # a value that is not a finite number (tables, tooltips)
    "decimal": ".", "group": ",",  # decimal and thousands separators: 1,234.5 (nl: 1.234,5; sv: 1 234,5)
    # progress bar
    "baseline": "Baseline", "current": "Current", "target": "Target",
    "progress.desc": "Baseline {baseline}, current {current}, target {target}.",
    "progress.share": "{percent} of the way from baseline to target.",
    "elapsed": "{percent} of time elapsed",
    "stale": "Stale data",  # after the status word of a bar computed from a stale metric
    "stale.latest": "latest measurement {date}",
    # line chart
    "no_data": "No data yet",
    "no_measurements": "No measurements have been recorded yet.",
    "summary.one": "1 measurement on {date}: {value}.",
    "summary.many": "{count} measurements from {first} to {last}; latest {value}.",
    "summary.target": "Target {value}.",
    "summary.target_by": "Target {value} by {date}.",
    "summary.baseline": "Baseline {value}.",
    "line.baseline": "baseline",  # label of the baseline line: baseline 120
    "line.target": "target",  # label of the target line: target 200
    "goal": "target {value} by {date}",  # tooltip of the target marker
    # score bar
    "score.title": "{label}: score {score}, {light}",
    "score.none": "{label}: no score yet",
    "score.desc": "OKR score from 0 to 1; {green} or more is on track, "
                  "{amber} or more is at risk, lower is off track.",
    # data table
    "date": "Date", "value": "Value", "note": "Note",
}


def merge_words(words: Mapping[str, str] | None) -> Mapping[str, str]:
    """DEFAULT_WORDS with the caller's words on top (keys not in DEFAULT_WORDS are ignored)."""
    if not words:
        return DEFAULT_WORDS
    return {**DEFAULT_WORDS, **{k: str(v) for k, v in words.items() if k in DEFAULT_WORDS}}


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fmt(template: str, **values: object) -> str:
    """``template.format(**values)`` that never raises on a translator's typo."""
    try:
        return template.format_map(_Keep(values))
    except (ValueError, LookupError, AttributeError, TypeError):
        return template


def iso(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def day_label(d: date, w: Mapping[str, str] = DEFAULT_WORDS) -> str:
    return fmt(w["day"], day=d.day, month=w[f"month.{d.month}"], year=d.year)
