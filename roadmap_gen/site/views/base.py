"""What every view builder shares: page-relative links and the pieces many pages show.

A builder never keeps a "current page": each call gets the :class:`Links` of
the page it builds for, and the :class:`Kit` only remembers what is the same
on every page (an item's title, status and card facts), never a URL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from markupsafe import Markup

from roadmap_gen.compile.compute import Figures, Progress
from roadmap_gen.format import model as m
from roadmap_gen.site import charts, phrasing
from roadmap_gen.site.urls import HOME, RelativeTo, item_url, kind_list_url, page_url

HISTORY_PAGE = "changes/index.md"
KPIS_PAGE = "kpis/index.md"
BOARD_KINDS = ("theme", "question", "hypothesis")


def chart_words(labels: dict[str, str]) -> dict[str, str]:
    """The ``chart.*`` labels without their prefix: the ``words`` of :mod:`roadmap_gen.site.charts`."""
    return {k[len("chart."):]: v for k, v in labels.items() if k.startswith("chart.")}


class Links:
    """URLs as seen from one page (``url``: the page's site-relative URL, as MkDocs gives it)."""

    def __init__(self, url: str, directory_urls: bool = True) -> None:
        self.url = url
        self.directory_urls = directory_urls
        self._relative = RelativeTo(url)

    def href(self, site_url: str) -> str:
        return self._relative(site_url)

    def page(self, src: str) -> str:
        return self.href(page_url(src, self.directory_urls))

    def item(self, kind: str, id: str) -> str:
        return self.href(item_url(kind, id, self.directory_urls))


@dataclass
class Kit:
    """A compiled roadmap with its labels, and helpers for the pieces that recur across pages."""

    r: m.Roadmap
    f: Figures
    t: dict[str, str]
    edit_url: str | None = None
    history: Any = None
    words: dict[str, str] = field(init=False)
    _refs: dict = field(init=False, default_factory=dict)
    _bars: dict = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.words = chart_words(self.t)

    # -- references and statuses ---------------------------------------------------------
    def status_of(self, item: m.Item) -> str | None:
        if isinstance(item, (m.Hypothesis, m.Question)):
            return item.status
        if isinstance(item, m.Outcome):
            return self.f.outcomes[item.id].status
        if isinstance(item, m.Goal) and item.id in self.f.goals:
            return self.f.goals[item.id].status
        return None

    # -- stale figures -------------------------------------------------------------------------
    def stale_flag(self, stale: bool, metric_id: str | None = None) -> dict | None:
        """The marker of a status or score computed from a stale metric: the word, and when that metric was
        last measured (``since``, ``title``); None when it is fresh."""
        if not stale:
            return None
        mf = self.f.metrics.get(metric_id) if metric_id else None
        since = self.when(mf.current_date) if mf is not None else None
        return {"label": self.t["stale.flag"], "since": since, "since_label": self.t["stale.latest"],
                "title": f"{self.t['metric.stale_since']} {since['text']}" if since else None}

    def stale_of(self, item: m.Item) -> dict | None:
        """:meth:`stale_flag` of a goal, outcome or OKR (None for other kinds)."""
        if isinstance(item, m.Outcome):
            return self.stale_flag(self.f.outcomes[item.id].stale, item.metric)
        if isinstance(item, m.Goal) and item.id in self.f.goals:
            return self.stale_flag(self.f.goals[item.id].stale, item.metric)
        if isinstance(item, m.Okr):
            return self.stale_flag(self.f.okrs[item.id].stale)
        return None

    def status(self, status: str | None) -> dict | None:
        return {"key": status, "label": self.t.get(f"status.{status}", status)} if status else None

    def ref(self, at: Links, kind: str, id: str | None) -> dict | None:
        if not id:
            return None
        static = self._refs.get((kind, id), False)
        if static is False:
            item = self.r.get(kind, id)
            static = self._refs[kind, id] = None if item is None else (
                self.t[f"kind.{kind}"], item.title, self.status_of(item), self.stale_of(item))
        if static is None:
            return None
        return {"kind": kind, "kind_label": static[0], "id": id, "title": static[1],
                "url": at.item(kind, id), "status": static[2], "stale": static[3]}

    def refs(self, at: Links, kind: str, ids) -> list[dict]:
        return [r for r in (self.ref(at, kind, i) for i in ids) if r]

    def crumbs(self, at: Links, *trail: tuple[str, str | None]) -> list[dict]:
        out = [{"title": self.t["breadcrumb.home"], "url": at.page(HOME)}]
        out.extend({"title": title, "url": url} for title, url in trail)
        return out

    def kind_crumb(self, at: Links, kind: str) -> tuple[str, str]:
        return self.t[f"kinds.{kind}"], at.href(kind_list_url(kind, at.directory_urls))

    def strategy_title(self, id: str | None) -> str | None:
        s = self.r.get("strategy", id) if id else None
        return s.title if s else None

    # -- numbers, dates, cadences and charts ------------------------------------------------------
    def num(self, value: float | None, unit: str = "") -> str:
        return "—" if value is None else charts.format_number(value, unit, self.words)

    def nums(self, *values: float | None, unit: str = "") -> list[str]:
        """Numbers shown side by side: as short as they can be while different values read differently."""
        return ["—" if x is None else x for x in charts.side_by_side(values, unit, self.words)]

    def when(self, d: date | str | None) -> dict | None:
        """A date as ``{"iso": ..., "text": ...}`` for a ``<time>`` element (None stays None)."""
        return phrasing.when(d, self.t)

    def cadence(self, c: m.Cadence | None) -> str | None:
        return phrasing.cadence_text(c, self.t) if c else None

    def progress(self, p: Progress, metric: m.Metric | None, pid: str, label: str) -> Markup:
        unit, direction = (metric.unit, metric.direction) if metric else ("", "up")
        key = (p, unit, direction, pid, label)  # the same bar recurs on many pages
        bar = self._bars.get(key)
        if bar is None:
            latest = self.f.metrics[metric.id].current_date if metric and p.stale else None
            bar = self._bars[key] = Markup(charts.progress_bar(
                id_prefix=pid, label=label, baseline=p.baseline, current=p.current, target=p.target,
                status=p.status, elapsed=p.elapsed, unit=unit, direction=direction, words=self.words,
                stale=p.stale, latest=latest))
        return bar

    def outcome_summary(self, at: Links, o: m.Outcome, pid: str) -> dict:
        metric = self.r.get("metric", o.metric) if o.metric else None
        return {**self.ref(at, "outcome", o.id), "stages": self.refs(at, "stage", o.stages),
                "progress": self.progress(self.f.outcomes[o.id], metric, pid, o.title),
                "metric": self.ref(at, "metric", o.metric)}


def toc_entry(id: str, title: str, level: int = 2) -> dict:
    return {"id": id, "title": title, "level": level}


CONTENT_TOC = {"content": True}
