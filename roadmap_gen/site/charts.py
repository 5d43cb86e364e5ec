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

The words live in :mod:`~roadmap_gen.site.chart_words`, number formatting in
:mod:`~roadmap_gen.site.chart_numbers` and the drawing of each part in
:mod:`~roadmap_gen.site.chart_parts`; this module puts them together.
"""
from __future__ import annotations

from datetime import date
from typing import Mapping, Sequence

from roadmap_gen.compile.okr import SCORE_AMBER, SCORE_GREEN, traffic_light
from roadmap_gen.site.chart_numbers import (
    clamp, exact, finite, format_number, localize, nice_ticks, percent, side_by_side, tick_labels,
)
from roadmap_gen.site.chart_numbers import coord as _c
from roadmap_gen.site.chart_parts import (
    axes, bar_svg, chart_size, check_direction, empty_chart, goal_marker, ident, plot_area,
    progress_share, ref_line, series, summary, svg_open, zone,
)
from roadmap_gen.site.chart_parts import esc as _e
from roadmap_gen.site.chart_words import DEFAULT_WORDS, STATUSES, day_label, fmt, iso, merge_words
from roadmap_gen.site.chart_words import MONTHS as _MONTHS  # noqa: F401 - kept importable from here

__all__ = [
    "SCORE_GREEN", "SCORE_AMBER", "STATUSES", "DEFAULT_WORDS", "format_number", "localize", "side_by_side",
    "traffic_light",
    "line_chart", "progress_bar", "score_bar", "data_table",
]

_MISSING = "\u2014"  # em dash


# --------------------------------------------------------------------------- line chart

def line_chart(
    points: Sequence[tuple[date, float]], *, id_prefix: str, title: str, description: str,
    unit: str = "", target: float | None = None, target_date: date | None = None,
    baseline: float | None = None, direction: str = "up", compact: bool = False,
    words: Mapping[str, str] | None = None,
) -> str:
    """Trend of measurements over time as an inline SVG (compact=True: sparkline)."""
    check_direction(direction)
    w_ = merge_words(words)
    pid = ident(id_prefix)
    target, baseline = finite(target), finite(baseline)
    pts = [(p[0], finite(p[1])) for p in points]
    pts = sorted(((d, v) for d, v in pts if v is not None), key=lambda p: (p[0].toordinal(), p[1]))
    cls = "rg-chart rg-chart--line" + (" rg-chart--compact" if compact else "")
    if not pts:
        return empty_chart(cls, pid, title, description, compact, w_)

    goal_date = target_date if target is not None else None  # the target marker's day, if it has one
    values = [v for _, v in pts] + [x for x in (target, baseline) if x is not None]
    ticks, step = nice_ticks(min(values), max(values))
    labels = tick_labels(ticks, step, unit, w_)
    plot = plot_area(pts, goal_date, ticks, labels, compact)
    desc = " ".join(filter(None, [description, summary(pts, target, target_date, baseline, unit, w_)]))
    out = [svg_open(cls, pid, *chart_size(compact), title, desc)]
    if target is not None:
        out += zone(plot, target, direction)
    if not compact:
        out += axes(plot, ticks, labels, w_)
    # Series usually start near the baseline and head for the target, so the
    # baseline is labelled on the right and the target on the left. Both are
    # written as the baseline, latest value and target are beside each other.
    shown = side_by_side((baseline, target, pts[-1][1]), unit, w_)
    if baseline is not None:
        out += ref_line(plot, "baseline", baseline, "end", unit, w_, shown[0])
    if target is not None:
        out += ref_line(plot, "target", target, "start", unit, w_, shown[1])
    out += series(plot, pts, unit, w_)
    if goal_date is not None:
        out.append(goal_marker(plot, target, goal_date, unit, w_))  # type: ignore[arg-type]
    out.append("</svg>")
    return "".join(out)


# --------------------------------------------------------------------------- bars

def progress_bar(
    *, id_prefix: str, label: str, baseline: float | None, current: float | None,
    target: float | None, status: str, elapsed: float | None = None, unit: str = "",
    direction: str = "up", words: Mapping[str, str] | None = None, stale: bool = False,
    latest: date | None = None,
) -> str:
    """Horizontal bar from baseline through current to target, with status word and time marker.
    ``stale``: the figures come from a metric past its next measurement (``latest``: its latest one's
    date); the status word is followed by the word ``stale``, so colour never says it alone."""
    check_direction(direction)
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    pid = ident(id_prefix)
    baseline, current, target, elapsed = (finite(x) for x in (baseline, current, target, elapsed))
    w_ = merge_words(words)
    word = w_[f"status.{status}"]
    share = None if status == "no-data" else progress_share(baseline, current, target, direction)

    shown = [_MISSING if x is None else x for x in side_by_side((baseline, current, target), unit, w_)]
    desc = fmt(w_["progress.desc"], baseline=shown[0], current=shown[1], target=shown[2])
    body = ""
    if share is not None:
        desc += " " + fmt(w_["progress.share"], percent=percent(share))
        body += f'<rect class="rg-progress__fill" width="{_c(share * 100)}" height="10"/>'
    if elapsed is not None:
        elapsed = clamp(elapsed)
        note = fmt(w_["elapsed"], percent=percent(elapsed))
        desc += f" {note}."
        x = _c(elapsed * 100)
        body += (f'<line class="rg-progress__elapsed" x1="{x}" x2="{x}" y1="0" y2="10">'
                 f"<title>{_e(note)}</title></line>")
    flag = ""
    if stale:
        since = fmt(w_["stale.latest"], date=day_label(latest, w_)) if latest else ""
        desc += f" {w_['stale']}" + (f": {since}." if since else ".")
        title = f' title="{_e(since)}"' if since else ""
        flag = f' <span class="rg-flag rg-flag--stale rg-progress__stale"{title}>{_e(w_["stale"])}</span>'
    svg = bar_svg("rg-progress", pid, f"{label}: {word}" + (f" ({w_['stale']})" if stale else ""), desc, body)
    values = "".join(
        f'<span class="rg-progress__{key}">{_e(w_[key])} {_e(text)}</span>'
        for key, text in zip(("baseline", "current", "target"), shown))
    return (f'<div class="rg-progress rg-progress--{status}{" rg-progress--stale" if stale else ""}">'
            f'<div class="rg-progress__head"><span class="rg-progress__label">{_e(label)}</span> '
            f'<span class="rg-progress__status">{_e(word)}</span>{flag}</div>{svg}'
            f'<div class="rg-progress__values">{values}</div></div>')


def score_bar(score: float | None, *, id_prefix: str, label: str,
              words: Mapping[str, str] | None = None) -> str:
    """OKR score (0..1) as a small bar plus traffic light, number and status word."""
    pid = ident(id_prefix)
    w_ = merge_words(words)
    s = finite(score)
    light = traffic_light(s)
    word = w_[f"light.{light}"]
    text = _MISSING if s is None else localize(f"{round(s, 2) + 0.0:.2f}", w_)
    title = (fmt(w_["score.none"], label=label) if s is None
             else fmt(w_["score.title"], label=label, score=text, light=word))
    desc = fmt(w_["score.desc"], green=localize(str(SCORE_GREEN), w_), amber=localize(str(SCORE_AMBER), w_))
    body = "" if s is None else f'<rect class="rg-score__fill" width="{_c(clamp(s) * 100)}" height="10"/>'
    body += "".join(f'<line class="rg-score__threshold" x1="{x}" x2="{x}" y1="0" y2="10"/>'
                    for x in (_c(SCORE_AMBER * 100), _c(SCORE_GREEN * 100)))
    svg = bar_svg("rg-score", pid, title, desc, body)
    return (f'<div class="rg-score rg-score--{light}"><span class="rg-score__label">{_e(label)}</span>'
            f'{svg}<span class="rg-score__light" aria-hidden="true"></span>'
            f'<span class="rg-score__value">{_e(text)}</span> <span class="rg-score__status">{_e(word)}</span></div>')


# --------------------------------------------------------------------------- table

def data_table(
    points: Sequence[tuple[date, float]] | Sequence[tuple[date, float, str]], *,
    unit: str = "", caption: str = "", words: Mapping[str, str] | None = None,
) -> str:
    """The chart's numbers as an accessible HTML table, sorted by date."""
    w_ = merge_words(words)
    rows = [(p[0], finite(p[1]), str(p[2]) if len(p) > 2 and p[2] is not None else "")
            for p in points]
    rows.sort(key=lambda r: (r[0].toordinal(), r[1] is None, r[1] or 0.0, r[2]))
    heads = [w_["date"], w_["value"]] + ([w_["note"]] if any(r[2] for r in rows) else [])
    out = ['<table class="rg-chart-table">']
    if caption:
        out.append(f"<caption>{_e(caption)}</caption>")
    out.append("<thead><tr>" + "".join(f'<th scope="col">{_e(h)}</th>' for h in heads)
               + "</tr></thead><tbody>")
    for d, v, note in rows:
        cells = f"<td>{_e(exact(v, unit, w_))}</td>" + (f"<td>{_e(note)}</td>" if len(heads) > 2 else "")
        out.append(f'<tr><th scope="row"><time datetime="{iso(d)}">{_e(day_label(d, w_))}</time></th>'
                   f"{cells}</tr>")
    if not rows:
        out.append(f'<tr><td colspan="{len(heads)}">{_e(w_["no_data"])}</td></tr>')
    out.append("</tbody></table>")
    return "".join(out)
