"""Numbers as the charts write them: short and exact forms, local separators, axis ticks.

Part of :mod:`roadmap_gen.site.charts`; pure standard library.
"""
from __future__ import annotations

import math
from typing import Mapping, Sequence

from roadmap_gen.site.chart_words import DEFAULT_WORDS

_SUFFIXES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k"))  # largest first


def finite(value: object) -> float | None:
    """The value as a float; None for None, NaN and infinities."""
    if value is None:
        return None
    v = float(value)  # type: ignore[arg-type]
    return v if math.isfinite(v) else None


def clean(text: str) -> str:
    """Drop trailing zeros of a fixed-point string and never return '-0'."""
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def coord(v: float) -> str:
    """A coordinate: one decimal, no trailing '.0'."""
    return clean(f"{round(v, 1) + 0.0:.1f}")


def unit_suffix(unit: str) -> str:
    """Symbols ('%', 'x', '°') attach directly; words ('ms', 'days') get a space."""
    if not unit or len(unit) == 1 or not unit[0].isalnum():
        return unit
    return " " + unit


def clamp(v: float, lo: float = 0.0, hi: float = 1.0) -> float:
    return max(lo, min(hi, v))


def percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def localize(text: str, w: Mapping[str, str] = DEFAULT_WORDS) -> str:
    """A number written with `.` and `,` in the language's decimal and thousands separators."""
    decimal, group = w.get("decimal", "."), w.get("group", ",")
    if decimal == "." and group == ",":
        return text
    return text.translate({ord("."): decimal, ord(","): group})


def exact(value: object, unit: str = "", w: Mapping[str, str] = DEFAULT_WORDS, places: int = 4) -> str:
    """Full precision (up to ``places`` decimals, thousands grouped) for tooltips and tables."""
    v = finite(value)
    return w["missing_value"] if v is None else localize(clean(f"{v:,.{places}f}"), w) + unit_suffix(unit)


def format_number(value: float, unit: str = "", w: Mapping[str, str] = DEFAULT_WORDS) -> str:
    """Short number: 12000000 -> '12M', 1500 -> '1.5k', 12.5 + '%' -> '12.5%' ('12,5%' in nl and sv)."""
    v = finite(value)
    if v is None:
        return "n/a"
    mag, text = abs(v), ""
    for i, (div, suffix) in enumerate(_SUFFIXES):
        if mag >= div:
            scaled = round(mag / div, 1)
            if scaled >= 1000 and i > 0:  # 999,960 is '1M', not '1000k'
                div, suffix = _SUFFIXES[i - 1]
                scaled = round(mag / div, 1)
            text = clean(f"{scaled:.1f}") + suffix
            break
    else:
        places = 2 if mag >= 1 or mag == 0 else min(6, 2 - math.floor(math.log10(mag)))
        text = clean(f"{mag:.{places}f}")
    if v < 0 and text != "0":
        text = "-" + text
    return localize(text, w) + unit_suffix(unit)


def side_by_side(values: Sequence[object], unit: str = "", w: Mapping[str, str] = DEFAULT_WORDS
                 ) -> list[str | None]:
    """Numbers shown together (from / current / to): short forms if different values read differently,
    otherwise every one exact, with as many decimals as it takes (None stays None).

    1000, 1060, 1100 -> '1,000', '1,060', '1,100' (not '1k', '1.1k', '1.1k'); 31, 49.1, 50 -> '31', '49.1', '50'.
    """
    nums = [finite(v) for v in values]

    def readable(texts: list[str | None]) -> bool:
        seen: dict[str, float] = {}
        return all(seen.setdefault(t, v) == v for v, t in zip(nums, texts) if v is not None and t is not None)

    texts = [None if v is None else format_number(v, unit, w) for v in nums]
    places = 4
    while not readable(texts) and places <= 12:
        texts = [None if v is None else exact(v, unit, w, places) for v in nums]
        places += 2
    return texts


CHART_LIMIT = 1e300
"""An axis covers at most -CHART_LIMIT..CHART_LIMIT, so its span is a finite float (-1e308..1e308 is not)."""


def nice_ticks(lo: float, hi: float) -> tuple[list[float], float]:
    """3-5 round ticks (steps 1, 2, 5 x 10^n) covering [lo, hi] (within ±CHART_LIMIT)."""
    lo, hi = max(-CHART_LIMIT, min(CHART_LIMIT, lo)), max(-CHART_LIMIT, min(CHART_LIMIT, hi))
    scale = max(abs(lo), abs(hi))
    if scale < 1e-9:  # all (close to) zero
        lo, hi = -1.0, 1.0
    elif hi - lo <= 1e-9 * scale:  # flat series: pad 10% around it
        mid = (lo + hi) / 2
        lo, hi = mid - abs(mid) * 0.1, mid + abs(mid) * 0.1
    base = 10.0 ** (math.floor(math.log10(hi - lo)) - 1)
    while True:
        for m in (1, 2, 5):
            step = base * m
            k0 = math.floor(lo / step + 1e-9)
            k1 = math.ceil(hi / step - 1e-9)
            if k1 - k0 <= 4:
                return [k * step + 0.0 for k in range(k0, k1 + 1)], step
        base *= 10


def tick_labels(ticks: list[float], step: float, unit: str, w: Mapping[str, str] = DEFAULT_WORDS) -> list[str]:
    """Labels sharing one suffix, with just enough decimals to tell ticks apart."""
    big = max(abs(t) for t in ticks)
    div, suffix = next(((d, s) for d, s in _SUFFIXES if big >= d), (1.0, ""))
    places = max(0, -math.floor(math.log10(step / div) + 1e-9))
    labels = []
    for t in ticks:
        text = clean(f"{t / div:.{places}f}")
        labels.append(localize(text, w) + ("" if text == "0" else suffix) + unit_suffix(unit))
    return labels
