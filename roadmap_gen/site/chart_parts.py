"""Pieces of the SVG charts: the ``<svg>`` element, bars, and the parts of a line chart.

Part of :mod:`roadmap_gen.site.charts`, which puts the pieces together; pure
standard library. Coordinates are written with one decimal at most.
"""
from __future__ import annotations

import html
import math
import re
from datetime import date
from typing import Mapping, NamedTuple, Sequence

from roadmap_gen.site.chart_numbers import clamp, exact, format_number
from roadmap_gen.site.chart_numbers import coord as _c
from roadmap_gen.site.chart_words import DEFAULT_WORDS, day_label, fmt

# Geometry in viewBox units: full chart and compact sparkline.
_W, _H = 560, 220
_RIGHT, _TOP, _BOTTOM = 12, 14, 26  # left margin grows with the y labels
_CW, _CH, _CPAD = 240, 60, 4


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


_e = esc


def ident(prefix: str) -> str:
    """An XML id from ``id_prefix``: unsafe characters replaced, starting with a letter."""
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", str(prefix)).strip("-")
    if not name:
        raise ValueError(f"id_prefix {prefix!r} has no usable characters")
    return name if name[0].isalpha() else "rg-" + name


def check_direction(direction: str) -> None:
    if direction not in ("up", "down"):
        raise ValueError(f"direction must be 'up' or 'down', not {direction!r}")


def svg_open(cls: str, pid: str, w: int, h: int, title: str, desc: str, extra: str = "") -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{cls}" viewBox="0 0 {w} {h}" '
        f'width="100%"{extra} role="img" aria-labelledby="{pid}-title {pid}-desc">'
        f'<title id="{pid}-title">{_e(title)}</title><desc id="{pid}-desc">{_e(desc)}</desc>'
    )


# --------------------------------------------------------------------------- bars

def progress_share(baseline: float | None, current: float | None, target: float | None,
                   direction: str) -> float | None:
    """Share of the way from baseline to target, clamped to 0..1 (None if unknowable)."""
    if current is None or target is None:
        return None
    reached = current >= target if direction == "up" else current <= target
    if baseline is None:
        return 1.0 if reached else None
    if target == baseline:
        return 1.0 if reached else 0.0
    return clamp((current - baseline) / (target - baseline))


def bar_svg(block: str, pid: str, title: str, desc: str, body: str) -> str:
    """A 100x10 bar stretched to the container width; CSS sets the real height."""
    return (svg_open(f"{block}__bar", pid, 100, 10, title, desc,
                     ' height="10" preserveAspectRatio="none"')
            + f'<rect class="{block}__track" width="100" height="10"/>{body}</svg>')


# --------------------------------------------------------------------------- line chart

class Plot(NamedTuple):
    """A line chart's plot area in viewBox units, and the values and days it spans."""

    height: int  # of the whole chart
    left: int
    top: int
    pw: int  # width and height of the plot area
    ph: int
    lo: float  # lowest and highest tick
    hi: float
    o0: int  # first and last day, as ordinals
    o1: int
    compact: bool

    def xs(self, d: date) -> float:
        o0, o1 = self.o0, self.o1
        return self.left + self.pw / 2 if o0 == o1 else self.left + (d.toordinal() - o0) / (o1 - o0) * self.pw

    def ys(self, v: float) -> float:
        v = max(self.lo, min(self.hi, v))  # beyond the axis (a value past CHART_LIMIT): drawn at its end
        return self.top + self.ph - (v - self.lo) / (self.hi - self.lo) * self.ph

    @property
    def x0(self) -> str:
        return _c(self.left)

    @property
    def x1(self) -> str:
        return _c(self.left + self.pw)


def chart_size(compact: bool) -> tuple[int, int]:
    return (_CW, _CH) if compact else (_W, _H)


def plot_area(pts: Sequence[tuple[date, float]], goal_date: date | None, ticks: list[float], labels: list[str],
              compact: bool) -> Plot:
    """The plot area for the points (and the target marker's day), leaving room for the labels."""
    w, h = chart_size(compact)
    if compact:
        left = right = top = bottom = _CPAD
    else:  # ~8.5 units per character leaves room for the larger phone font size
        left = max(40, min(160, round(10 + 8.5 * max(len(x) for x in labels))))
        right, top, bottom = _RIGHT, _TOP, _BOTTOM
    days = [p[0].toordinal() for p in pts] + ([goal_date.toordinal()] if goal_date is not None else [])
    return Plot(h, left, top, w - left - right, h - top - bottom, ticks[0], ticks[-1], min(days), max(days),
                compact)


def empty_chart(cls: str, pid: str, title: str, description: str, compact: bool,
                w_: Mapping[str, str]) -> str:
    """A frame saying there is no data yet."""
    w, h = chart_size(compact)
    desc = " ".join(filter(None, [description, w_["no_measurements"]]))
    return (svg_open(cls + " rg-chart--empty", pid, w, h, title, desc)
            + f'<rect class="rg-chart__frame" x="1" y="1" width="{w - 2}" height="{h - 2}" rx="4"/>'
            + f'<text class="rg-chart__empty" x="{w // 2}" y="{h // 2 + 4}" '
            f'text-anchor="middle">{_e(w_["no_data"])}</text></svg>')


def summary(pts: Sequence[tuple[date, float]], target: float | None, target_date: date | None,
            baseline: float | None, unit: str, w_: Mapping[str, str]) -> str:
    """The chart's numbers in words, for its ``<desc>``."""
    first, last = pts[0], pts[-1]
    text = (fmt(w_["summary.one"], date=day_label(first[0], w_), value=exact(first[1], unit, w_))
            if len(pts) == 1 else
            fmt(w_["summary.many"], count=len(pts), first=day_label(first[0], w_),
                last=day_label(last[0], w_), value=exact(last[1], unit, w_)))
    if target is not None:
        text += " " + (fmt(w_["summary.target_by"], value=exact(target, unit, w_),
                           date=day_label(target_date, w_)) if target_date is not None
                       else fmt(w_["summary.target"], value=exact(target, unit, w_)))
    if baseline is not None:
        text += " " + fmt(w_["summary.baseline"], value=exact(baseline, unit, w_))
    return text


def zone(plot: Plot, target: float, direction: str) -> list[str]:
    """Shade the side of the target line that counts as success."""
    ty = plot.ys(target)
    z0, z1 = (plot.top, ty) if direction == "up" else (ty, plot.top + plot.ph)
    if z1 - z0 >= 0.5:
        return [f'<rect class="rg-chart__zone" x="{plot.x0}" y="{_c(z0)}" '
                f'width="{_c(plot.pw)}" height="{_c(z1 - z0)}"/>']
    return []


def date_ticks(d0: date, d1: date, w: Mapping[str, str] = DEFAULT_WORDS) -> list[tuple[date, str]]:
    """Up to five month-start labels ('Jan 2026'); day labels for short ranges."""
    if d0 == d1:
        return [(d0, day_label(d0, w))]
    m0 = d0.year * 12 + d0.month - 1
    first = m0 if d0.day == 1 else m0 + 1
    last = d1.year * 12 + d1.month - 1
    count = last - first + 1
    if count < 2:
        return [(d0, day_label(d0, w)), (d1, day_label(d1, w))]
    step = next((s for s in (1, 2, 3, 6) if (count - 1) // s <= 4), 0)
    step = step or 12 * math.ceil((count - 1) / 48)
    return [(date(m // 12, m % 12 + 1, 1), fmt(w["month_year"], month=w[f"month.{m % 12 + 1}"], year=m // 12))
            for m in range(first, last + 1, step)]


def axes(plot: Plot, ticks: list[float], labels: list[str], w_: Mapping[str, str]) -> list[str]:
    """Grid lines, the value labels on the left and the date labels below."""
    x0, x1, ys = plot.x0, plot.x1, plot.ys
    out = ['<g class="rg-chart__grid">']
    out += [f'<line x1="{x0}" x2="{x1}" y1="{_c(ys(t))}" y2="{_c(ys(t))}"/>' for t in ticks]
    out.append('</g><g class="rg-chart__axis" text-anchor="end">')
    out += [f'<text x="{plot.left - 6}" y="{_c(ys(t) + 4)}">{_e(label)}</text>'
            for t, label in zip(ticks, labels)]
    out.append('</g><g class="rg-chart__axis" text-anchor="middle">')
    for d, label in date_ticks(date.fromordinal(plot.o0), date.fromordinal(plot.o1), w_):
        x = clamp(plot.xs(d), plot.left + 28, plot.left + plot.pw - 28)
        out.append(f'<text x="{_c(x)}" y="{plot.height - 8}">{_e(label)}</text>')
    out.append("</g>")
    return out


def ref_line(plot: Plot, kind: str, value: float, anchor: str, unit: str, w_: Mapping[str, str],
             shown: str | None = None) -> list[str]:
    """A horizontal ``baseline`` or ``target`` line, labelled (with ``shown``, the value as written
    beside the others) unless the chart is compact."""
    y = plot.ys(value)
    text = f"{w_['line.' + kind]} {shown or format_number(value, unit, w_)}"
    out = [f'<line class="rg-chart__{kind}" x1="{plot.x0}" x2="{plot.x1}" y1="{_c(y)}" y2="{_c(y)}">'
           f"<title>{_e(text)}</title></line>"]
    if not plot.compact:
        ly = y - 5 if y - 17 >= 0 else y + 14
        lx = _c(plot.left + 4) if anchor == "start" else plot.x1
        out.append(f'<text class="rg-chart__{kind}-label" x="{lx}" y="{_c(ly)}" '
                   f'text-anchor="{anchor}">{_e(text)}</text>')
    return out


def series(plot: Plot, pts: Sequence[tuple[date, float]], unit: str, w_: Mapping[str, str]) -> list[str]:
    """The line through the points, and each point with its date and value as a tooltip."""
    out = []
    if len(pts) > 1:
        coords = " ".join(f"{_c(plot.xs(d))},{_c(plot.ys(v))}" for d, v in pts)
        out.append(f'<polyline class="rg-chart__line" fill="none" points="{coords}"/>')
    r = 2 if plot.compact else 3
    out.append('<g class="rg-chart__points">')
    out += [f'<circle cx="{_c(plot.xs(d))}" cy="{_c(plot.ys(v))}" r="{r}">'
            f"<title>{_e(day_label(d, w_))}: {_e(exact(v, unit, w_))}</title></circle>" for d, v in pts]
    out.append("</g>")
    return out


def goal_marker(plot: Plot, target: float, target_date: date, unit: str, w_: Mapping[str, str]) -> str:
    """A diamond at the target value on the target date."""
    gx, gy = plot.xs(target_date), plot.ys(target)
    goal = fmt(w_["goal"], value=exact(target, unit, w_), date=day_label(target_date, w_))
    return (f'<path class="rg-chart__goal" d="M{_c(gx)} {_c(gy - 5)}l5 5-5 5-5-5z">'
            f"<title>{_e(goal)}</title></path>")
