"""Inline SVG charts rendered at build time.

Pure standard library. Every function returns a ``str`` of markup that is:

* deterministic: same input, same bytes (coordinates rounded to one decimal,
  ids derived only from ``id_prefix``, input sorted, no clock, no randomness);
* accessible: ``role="img"`` with ``<title>``/``<desc>`` referenced by
  ``aria-labelledby``; the numbers are also available via :func:`data_table`;
* themed only through CSS classes (``theme/assets/css/charts.css``), so the
  charts follow Material's light/dark schemes and print cleanly;
* responsive: a ``viewBox`` with ``width="100%"``, never a fixed pixel width;
* translatable: every word drawn comes from :data:`DEFAULT_WORDS`, replaced key
  by key with the ``words`` argument of :func:`line_chart`, :func:`progress_bar`,
  :func:`score_bar` and :func:`data_table` (the site passes its ``chart.*`` labels).

All caller-supplied text is escaped. Non-finite numbers (NaN, inf) are treated
as missing.
"""
from __future__ import annotations

import html
import math
import re
from datetime import date
from typing import Mapping, Sequence

from roadmap_gen.compile.okr import SCORE_AMBER, SCORE_GREEN, traffic_light

__all__ = [
    "SCORE_GREEN", "SCORE_AMBER", "STATUSES", "DEFAULT_WORDS", "format_number", "localize", "traffic_light",
    "line_chart", "progress_bar", "score_bar", "data_table",
]

#: Progress status -> the word shown next to the bar (colour never carries it alone).
STATUSES = {
    "achieved": "Achieved", "on-track": "On track", "at-risk": "At risk",
    "off-track": "Off track", "no-data": "No data",
}
_LIGHT_WORDS = {"green": "on track", "amber": "at risk", "red": "off track", "none": "no score"}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

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
    **{f"month.{i}": name for i, name in enumerate(_MONTHS, 1)},
    "day": "{day} {month} {year}",  # 15 Jan 2026
    "month_year": "{month} {year}",  # axis label: Jan 2026
    "missing_value": "n/a",  # a value that is not a finite number (tables, tooltips)
    "decimal": ".", "group": ",",  # decimal and thousands separators: 1,234.5 (nl: 1.234,5; sv: 1 234,5)
    # progress bar
    "baseline": "Baseline", "current": "Current", "target": "Target",
    "progress.desc": "Baseline {baseline}, current {current}, target {target}.",
    "progress.share": "{percent} of the way from baseline to target.",
    "elapsed": "{percent} of time elapsed",
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
_SUFFIXES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k"))  # largest first
_MISSING = "\u2014"  # em dash

# Geometry in viewBox units: full chart and compact sparkline.
_W, _H = 560, 220
_RIGHT, _TOP, _BOTTOM = 12, 14, 26  # left margin grows with the y labels
_CW, _CH, _CPAD = 240, 60, 4


# --------------------------------------------------------------------------- helpers

def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _words(words: Mapping[str, str] | None) -> Mapping[str, str]:
    """DEFAULT_WORDS with the caller's words on top (keys not in DEFAULT_WORDS are ignored)."""
    if not words:
        return DEFAULT_WORDS
    return {**DEFAULT_WORDS, **{k: str(v) for k, v in words.items() if k in DEFAULT_WORDS}}


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fmt(template: str, **values: object) -> str:
    """``template.format(**values)`` that never raises on a translator's typo."""
    try:
        return template.format_map(_Keep(values))
    except (ValueError, LookupError, AttributeError, TypeError):
        return template


def _finite(value: object) -> float | None:
    if value is None:
        return None
    v = float(value)  # type: ignore[arg-type]
    return v if math.isfinite(v) else None


def _clean(text: str) -> str:
    """Drop trailing zeros of a fixed-point string and never return '-0'."""
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _c(v: float) -> str:
    """A coordinate: one decimal, no trailing '.0'."""
    return _clean(f"{round(v, 1) + 0.0:.1f}")


def _unit(unit: str) -> str:
    """Symbols ('%', 'x', '°') attach directly; words ('ms', 'days') get a space."""
    if not unit or len(unit) == 1 or not unit[0].isalnum():
        return unit
    return " " + unit


def _ident(prefix: str) -> str:
    ident = re.sub(r"[^A-Za-z0-9_-]+", "-", str(prefix)).strip("-")
    if not ident:
        raise ValueError(f"id_prefix {prefix!r} has no usable characters")
    return ident if ident[0].isalpha() else "rg-" + ident


def _check_direction(direction: str) -> None:
    if direction not in ("up", "down"):
        raise ValueError(f"direction must be 'up' or 'down', not {direction!r}")


def _iso(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def _day_label(d: date, w: Mapping[str, str] = DEFAULT_WORDS) -> str:
    return _fmt(w["day"], day=d.day, month=w[f"month.{d.month}"], year=d.year)


def localize(text: str, w: Mapping[str, str] = DEFAULT_WORDS) -> str:
    """A number written with `.` and `,` in the language's decimal and thousands separators."""
    decimal, group = w.get("decimal", "."), w.get("group", ",")
    if decimal == "." and group == ",":
        return text
    return text.translate({ord("."): decimal, ord(","): group})


def _exact(value: object, unit: str = "", w: Mapping[str, str] = DEFAULT_WORDS) -> str:
    """Full precision (up to 4 decimals, thousands grouped) for tooltips and tables."""
    v = _finite(value)
    return w["missing_value"] if v is None else localize(_clean(f"{v:,.4f}"), w) + _unit(unit)


def _clamp(v: float, lo: float = 0.0, hi: float = 1.0) -> float:
    return max(lo, min(hi, v))


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def _svg_open(cls: str, pid: str, w: int, h: int, title: str, desc: str, extra: str = "") -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{cls}" viewBox="0 0 {w} {h}" '
        f'width="100%"{extra} role="img" aria-labelledby="{pid}-title {pid}-desc">'
        f'<title id="{pid}-title">{_e(title)}</title><desc id="{pid}-desc">{_e(desc)}</desc>'
    )


# --------------------------------------------------------------------------- numbers

def format_number(value: float, unit: str = "", w: Mapping[str, str] = DEFAULT_WORDS) -> str:
    """Short number: 12000000 -> '12M', 1500 -> '1.5k', 12.5 + '%' -> '12.5%' ('12,5%' in nl and sv)."""
    v = _finite(value)
    if v is None:
        return "n/a"
    mag, text = abs(v), ""
    for i, (div, suffix) in enumerate(_SUFFIXES):
        if mag >= div:
            scaled = round(mag / div, 1)
            if scaled >= 1000 and i > 0:  # 999,960 is '1M', not '1000k'
                div, suffix = _SUFFIXES[i - 1]
                scaled = round(mag / div, 1)
            text = _clean(f"{scaled:.1f}") + suffix
            break
    else:
        places = 2 if mag >= 1 or mag == 0 else min(6, 2 - math.floor(math.log10(mag)))
        text = _clean(f"{mag:.{places}f}")
    if v < 0 and text != "0":
        text = "-" + text
    return localize(text, w) + _unit(unit)


def _nice_ticks(lo: float, hi: float) -> tuple[list[float], float]:
    """3-5 round ticks (steps 1, 2, 5 x 10^n) covering [lo, hi]."""
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


def _tick_labels(ticks: list[float], step: float, unit: str, w: Mapping[str, str] = DEFAULT_WORDS) -> list[str]:
    """Labels sharing one suffix, with just enough decimals to tell ticks apart."""
    big = max(abs(t) for t in ticks)
    div, suffix = next(((d, s) for d, s in _SUFFIXES if big >= d), (1.0, ""))
    places = max(0, -math.floor(math.log10(step / div) + 1e-9))
    labels = []
    for t in ticks:
        text = _clean(f"{t / div:.{places}f}")
        labels.append(localize(text, w) + ("" if text == "0" else suffix) + _unit(unit))
    return labels


def _date_ticks(d0: date, d1: date, w: Mapping[str, str] = DEFAULT_WORDS) -> list[tuple[date, str]]:
    """Up to five month-start labels ('Jan 2026'); day labels for short ranges."""
    if d0 == d1:
        return [(d0, _day_label(d0, w))]
    m0 = d0.year * 12 + d0.month - 1
    first = m0 if d0.day == 1 else m0 + 1
    last = d1.year * 12 + d1.month - 1
    count = last - first + 1
    if count < 2:
        return [(d0, _day_label(d0, w)), (d1, _day_label(d1, w))]
    step = next((s for s in (1, 2, 3, 6) if (count - 1) // s <= 4), 0)
    step = step or 12 * math.ceil((count - 1) / 48)
    return [(date(m // 12, m % 12 + 1, 1), _fmt(w["month_year"], month=w[f"month.{m % 12 + 1}"], year=m // 12))
            for m in range(first, last + 1, step)]


# --------------------------------------------------------------------------- line chart

def line_chart(
    points: Sequence[tuple[date, float]], *, id_prefix: str, title: str, description: str,
    unit: str = "", target: float | None = None, target_date: date | None = None,
    baseline: float | None = None, direction: str = "up", compact: bool = False,
    words: Mapping[str, str] | None = None,
) -> str:
    """Trend of measurements over time as an inline SVG (compact=True: sparkline)."""
    _check_direction(direction)
    w_ = _words(words)
    pid = _ident(id_prefix)
    target, baseline = _finite(target), _finite(baseline)
    pts = [(p[0], _finite(p[1])) for p in points]
    pts = sorted(((d, v) for d, v in pts if v is not None), key=lambda p: (p[0].toordinal(), p[1]))
    w, h = (_CW, _CH) if compact else (_W, _H)
    cls = "rg-chart rg-chart--line" + (" rg-chart--compact" if compact else "")
    if not pts:
        desc = " ".join(filter(None, [description, w_["no_measurements"]]))
        return (_svg_open(cls + " rg-chart--empty", pid, w, h, title, desc)
                + f'<rect class="rg-chart__frame" x="1" y="1" width="{w - 2}" height="{h - 2}" rx="4"/>'
                + f'<text class="rg-chart__empty" x="{w // 2}" y="{h // 2 + 4}" '
                f'text-anchor="middle">{_e(w_["no_data"])}</text></svg>')

    show_goal = target is not None and target_date is not None
    values = [v for _, v in pts] + [x for x in (target, baseline) if x is not None]
    ticks, step = _nice_ticks(min(values), max(values))
    labels = _tick_labels(ticks, step, unit, w_)
    if compact:
        left = right = top = bottom = _CPAD
    else:  # ~8.5 units per character leaves room for the larger phone font size
        left = max(40, min(160, round(10 + 8.5 * max(len(x) for x in labels))))
        right, top, bottom = _RIGHT, _TOP, _BOTTOM
    pw, ph = w - left - right, h - top - bottom
    lo, hi = ticks[0], ticks[-1]
    days = [p[0].toordinal() for p in pts] + ([target_date.toordinal()] if show_goal else [])
    o0, o1 = min(days), max(days)

    def xs(d: date) -> float:
        return left + pw / 2 if o0 == o1 else left + (d.toordinal() - o0) / (o1 - o0) * pw

    def ys(v: float) -> float:
        return top + ph - (v - lo) / (hi - lo) * ph

    first, last = pts[0], pts[-1]
    summary = (_fmt(w_["summary.one"], date=_day_label(first[0], w_), value=_exact(first[1], unit, w_))
               if len(pts) == 1 else
               _fmt(w_["summary.many"], count=len(pts), first=_day_label(first[0], w_),
                    last=_day_label(last[0], w_), value=_exact(last[1], unit, w_)))
    if target is not None:
        summary += " " + (_fmt(w_["summary.target_by"], value=_exact(target, unit, w_),
                               date=_day_label(target_date, w_)) if show_goal  # type: ignore[arg-type]
                          else _fmt(w_["summary.target"], value=_exact(target, unit, w_)))
    if baseline is not None:
        summary += " " + _fmt(w_["summary.baseline"], value=_exact(baseline, unit, w_))
    out = [_svg_open(cls, pid, w, h, title, " ".join(filter(None, [description, summary])))]
    x0, x1 = _c(left), _c(left + pw)

    if target is not None:  # shade the side of the target line that counts as success
        ty = ys(target)
        z0, z1 = (top, ty) if direction == "up" else (ty, top + ph)
        if z1 - z0 >= 0.5:
            out.append(f'<rect class="rg-chart__zone" x="{x0}" y="{_c(z0)}" '
                       f'width="{_c(pw)}" height="{_c(z1 - z0)}"/>')
    if not compact:
        out.append('<g class="rg-chart__grid">')
        out += [f'<line x1="{x0}" x2="{x1}" y1="{_c(ys(t))}" y2="{_c(ys(t))}"/>' for t in ticks]
        out.append('</g><g class="rg-chart__axis" text-anchor="end">')
        out += [f'<text x="{left - 6}" y="{_c(ys(t) + 4)}">{_e(label)}</text>'
                for t, label in zip(ticks, labels)]
        out.append('</g><g class="rg-chart__axis" text-anchor="middle">')
        for d, label in _date_ticks(date.fromordinal(o0), date.fromordinal(o1), w_):
            x = _clamp(xs(d), left + 28, left + pw - 28)
            out.append(f'<text x="{_c(x)}" y="{h - 8}">{_e(label)}</text>')
        out.append("</g>")

    def ref_line(kind: str, value: float, anchor: str) -> None:
        y = ys(value)
        text = f"{w_['line.' + kind]} {format_number(value, unit, w_)}"
        out.append(f'<line class="rg-chart__{kind}" x1="{x0}" x2="{x1}" y1="{_c(y)}" y2="{_c(y)}">'
                   f"<title>{_e(text)}</title></line>")
        if not compact:
            ly = y - 5 if y - 17 >= 0 else y + 14
            lx = _c(left + 4) if anchor == "start" else x1
            out.append(f'<text class="rg-chart__{kind}-label" x="{lx}" y="{_c(ly)}" '
                       f'text-anchor="{anchor}">{_e(text)}</text>')

    # Series usually start near the baseline and head for the target, so the
    # baseline is labelled on the right and the target on the left.
    if baseline is not None:
        ref_line("baseline", baseline, "end")
    if target is not None:
        ref_line("target", target, "start")
    if len(pts) > 1:
        coords = " ".join(f"{_c(xs(d))},{_c(ys(v))}" for d, v in pts)
        out.append(f'<polyline class="rg-chart__line" fill="none" points="{coords}"/>')
    r = 2 if compact else 3
    out.append('<g class="rg-chart__points">')
    out += [f'<circle cx="{_c(xs(d))}" cy="{_c(ys(v))}" r="{r}">'
            f"<title>{_e(_day_label(d, w_))}: {_e(_exact(v, unit, w_))}</title></circle>" for d, v in pts]
    out.append("</g>")
    if show_goal:
        gx, gy = xs(target_date), ys(target)  # type: ignore[arg-type]
        goal = _fmt(w_["goal"], value=_exact(target, unit, w_),
                    date=_day_label(target_date, w_))  # type: ignore[arg-type]
        out.append(f'<path class="rg-chart__goal" d="M{_c(gx)} {_c(gy - 5)}l5 5-5 5-5-5z">'
                   f"<title>{_e(goal)}</title></path>")
    out.append("</svg>")
    return "".join(out)


# --------------------------------------------------------------------------- bars

def _progress(baseline: float | None, current: float | None, target: float | None,
              direction: str) -> float | None:
    """Share of the way from baseline to target, clamped to 0..1 (None if unknowable)."""
    if current is None or target is None:
        return None
    reached = current >= target if direction == "up" else current <= target
    if baseline is None:
        return 1.0 if reached else None
    if target == baseline:
        return 1.0 if reached else 0.0
    return _clamp((current - baseline) / (target - baseline))


def _bar_svg(block: str, pid: str, title: str, desc: str, body: str) -> str:
    """A 100x10 bar stretched to the container width; CSS sets the real height."""
    return (_svg_open(f"{block}__bar", pid, 100, 10, title, desc,
                      ' height="10" preserveAspectRatio="none"')
            + f'<rect class="{block}__track" width="100" height="10"/>{body}</svg>')


def progress_bar(
    *, id_prefix: str, label: str, baseline: float | None, current: float | None,
    target: float | None, status: str, elapsed: float | None = None, unit: str = "",
    direction: str = "up", words: Mapping[str, str] | None = None,
) -> str:
    """Horizontal bar from baseline through current to target, with status word and time marker."""
    _check_direction(direction)
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    pid = _ident(id_prefix)
    baseline, current, target, elapsed = (_finite(x) for x in (baseline, current, target, elapsed))
    w_ = _words(words)
    word = w_[f"status.{status}"]
    share = None if status == "no-data" else _progress(baseline, current, target, direction)

    def val(v: float | None) -> str:
        return _MISSING if v is None else format_number(v, unit, w_)

    desc = _fmt(w_["progress.desc"], baseline=val(baseline), current=val(current), target=val(target))
    body = ""
    if share is not None:
        desc += " " + _fmt(w_["progress.share"], percent=_percent(share))
        body += f'<rect class="rg-progress__fill" width="{_c(share * 100)}" height="10"/>'
    if elapsed is not None:
        elapsed = _clamp(elapsed)
        note = _fmt(w_["elapsed"], percent=_percent(elapsed))
        desc += f" {note}."
        x = _c(elapsed * 100)
        body += (f'<line class="rg-progress__elapsed" x1="{x}" x2="{x}" y1="0" y2="10">'
                 f"<title>{_e(note)}</title></line>")
    svg = _bar_svg("rg-progress", pid, f"{label}: {word}", desc, body)
    values = "".join(
        f'<span class="rg-progress__{key}">{_e(w_[key])} {_e(val(v))}</span>'
        for key, v in (("baseline", baseline), ("current", current), ("target", target)))
    return (f'<div class="rg-progress rg-progress--{status}">'
            f'<div class="rg-progress__head"><span class="rg-progress__label">{_e(label)}</span> '
            f'<span class="rg-progress__status">{_e(word)}</span></div>{svg}'
            f'<div class="rg-progress__values">{values}</div></div>')


def score_bar(score: float | None, *, id_prefix: str, label: str,
              words: Mapping[str, str] | None = None) -> str:
    """OKR score (0..1) as a small bar plus traffic light, number and status word."""
    pid = _ident(id_prefix)
    w_ = _words(words)
    s = _finite(score)
    light = traffic_light(s)
    word = w_[f"light.{light}"]
    text = _MISSING if s is None else localize(f"{round(s, 2) + 0.0:.2f}", w_)
    title = (_fmt(w_["score.none"], label=label) if s is None
             else _fmt(w_["score.title"], label=label, score=text, light=word))
    desc = _fmt(w_["score.desc"], green=localize(str(SCORE_GREEN), w_), amber=localize(str(SCORE_AMBER), w_))
    body = "" if s is None else f'<rect class="rg-score__fill" width="{_c(_clamp(s) * 100)}" height="10"/>'
    body += "".join(f'<line class="rg-score__threshold" x1="{x}" x2="{x}" y1="0" y2="10"/>'
                    for x in (_c(SCORE_AMBER * 100), _c(SCORE_GREEN * 100)))
    svg = _bar_svg("rg-score", pid, title, desc, body)
    return (f'<div class="rg-score rg-score--{light}"><span class="rg-score__label">{_e(label)}</span>'
            f'{svg}<span class="rg-score__light" aria-hidden="true"></span>'
            f'<span class="rg-score__value">{_e(text)}</span> <span class="rg-score__status">{_e(word)}</span></div>')


# --------------------------------------------------------------------------- table

def data_table(
    points: Sequence[tuple[date, float]] | Sequence[tuple[date, float, str]], *,
    unit: str = "", caption: str = "", words: Mapping[str, str] | None = None,
) -> str:
    """The chart's numbers as an accessible HTML table, sorted by date."""
    w_ = _words(words)
    rows = [(p[0], _finite(p[1]), str(p[2]) if len(p) > 2 and p[2] is not None else "")
            for p in points]
    rows.sort(key=lambda r: (r[0].toordinal(), r[1] is None, r[1] or 0.0, r[2]))
    heads = [w_["date"], w_["value"]] + ([w_["note"]] if any(r[2] for r in rows) else [])
    out = ['<table class="rg-chart-table">']
    if caption:
        out.append(f"<caption>{_e(caption)}</caption>")
    out.append("<thead><tr>" + "".join(f'<th scope="col">{_e(h)}</th>' for h in heads)
               + "</tr></thead><tbody>")
    for d, v, note in rows:
        cells = f"<td>{_e(_exact(v, unit, w_))}</td>" + (f"<td>{_e(note)}</td>" if len(heads) > 2 else "")
        out.append(f'<tr><th scope="row"><time datetime="{_iso(d)}">{_e(_day_label(d, w_))}</time></th>'
                   f"{cells}</tr>")
    if not rows:
        out.append(f'<tr><td colspan="{len(heads)}">{_e(w_["no_data"])}</td></tr>')
    out.append("</tbody></table>")
    return "".join(out)
