"""View models: everything a template shows, precomputed.

Templates never call Python; they get plain dicts and lists whose URLs are
already relative to the page being rendered, whose labels are already
translated and whose charts are already drawn (inline SVG from
:mod:`roadmap_gen.site.charts`, marked safe because the chart code escapes every
text it draws). Text from YAML stays plain text: autoescaping does the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, partial
from typing import Any, Callable

from markupsafe import Markup

from roadmap_gen.site import charts
from roadmap_gen.format import model as m
from roadmap_gen.compile.compute import Figures, Progress
from roadmap_gen.site.sanitize import BodyRenderer
from roadmap_gen.site.urls import HOME, JOURNEY, RelativeTo, index_page, item_page, item_url, page_url

BOARD_KINDS = ("theme", "question", "hypothesis")
HISTORY_PAGE = "changes/index.md"
KPIS_PAGE = "kpis/index.md"


def chart_words(labels: dict[str, str]) -> dict[str, str]:
    """The ``chart.*`` labels without their prefix: the ``words`` of :mod:`roadmap_gen.site.charts`."""
    return {k[len("chart."):]: v for k, v in labels.items() if k.startswith("chart.")}


@dataclass(frozen=True)
class PageView:
    """One page to write: its source path, title, template and context."""

    src: str
    title: str
    template: str
    context: dict[str, Any]
    hide: tuple[str, ...] = ()
    description: str = ""
    search: bool = True  # False: pages that only repeat item titles stay out of the search index


class Views:
    """Builds the view model of every page of a compiled roadmap."""

    def __init__(self, roadmap: m.Roadmap, figures: Figures, labels: dict[str, str], *,
                 directory_urls: bool = True, allow_raw_html: bool = False, edit_url: str | None = None,
                 history: Any = None) -> None:
        self.r = roadmap
        self.f = figures
        self.t = labels
        self.chart_words = chart_words(labels)
        self.directory_urls = directory_urls
        self.bodies = BodyRenderer(allow_raw_html)
        self.edit_url = edit_url  # e.g. https://git.example.com/org/repo/edit/main/content/
        self.history = history
        self.base = ""  # URL of the page being built
        self._refs: dict[tuple[str, str], tuple | None] = {}  # (kind, id) -> what a ref shows but its URL
        self._cards: dict[tuple[str, str], tuple] = {}  # (kind, id) -> what a card shows but its URLs
        self._bars: dict[tuple, Markup] = {}  # progress bars drawn so far, by their arguments
        self._item_urls: dict[tuple[str, str], str] = {}
        self._href_base, self._hrefs, self._relative = "", {}, RelativeTo("")

    # -- helpers -------------------------------------------------------------------
    def href(self, site_url: str) -> str:
        if self.base != self._href_base:  # a new page: URLs relative to it, each worked out once
            self._href_base, self._hrefs, self._relative = self.base, {}, RelativeTo(self.base)
        rel = self._hrefs.get(site_url)
        if rel is None:
            rel = self._hrefs[site_url] = self._relative(site_url)
        return rel

    def page_href(self, src: str) -> str:
        return self.href(page_url(src, self.directory_urls))

    def item_href(self, kind: str, id: str) -> str:
        url = self._item_urls.get((kind, id))
        if url is None:
            url = self._item_urls[kind, id] = item_url(kind, id, self.directory_urls)
        return self.href(url)

    def ref(self, kind: str, id: str | None) -> dict | None:
        if not id:
            return None
        key = (kind, id)
        if key not in self._refs:
            item = self.r.get(kind, id)
            self._refs[key] = None if item is None else (self.t[f"kind.{kind}"], item.title, self.status_of(item))
        static = self._refs[key]
        if static is None:
            return None
        return {"kind": kind, "kind_label": static[0], "id": id, "title": static[1],
                "url": self.item_href(kind, id), "status": static[2]}

    def refs(self, kind: str, ids) -> list[dict]:
        return [r for r in (self.ref(kind, i) for i in ids) if r]

    def status_of(self, item: m.Item) -> str | None:
        if isinstance(item, (m.Hypothesis, m.Question)):
            return item.status
        if isinstance(item, m.Outcome):
            return self.f.outcomes[item.id].status
        return None

    def status(self, status: str | None) -> dict | None:
        if not status:
            return None
        return {"key": status, "label": self.t.get(f"status.{status}", status)}

    def body(self, item: m.MarkdownItem) -> Markup:
        # a line of a body starting with `#` (in a code block, say) must not look like a page heading
        return Markup(self.bodies.render(item.body).replace("\n#", "\n&#35;"))

    def num(self, value: float | None, unit: str = "") -> str:
        return "—" if value is None else charts.format_number(value, unit, self.chart_words)

    def crumbs(self, *trail: tuple[str, str | None]) -> list[dict]:
        out = [{"title": self.t["breadcrumb.home"], "url": self.page_href(HOME)}]
        out.extend({"title": title, "url": url} for title, url in trail)
        return out

    def kind_crumb(self, kind: str) -> tuple[str, str]:
        return self.t[f"kinds.{kind}"], self.page_href(index_page(kind))

    def progress(self, p: Progress, metric: m.Metric | None, pid: str, label: str) -> Markup:
        unit, direction = (metric.unit, metric.direction) if metric else ("", "up")
        key = (p, unit, direction, pid, label)  # the same bar recurs on many pages (hyp-<outcome>, ...)
        bar = self._bars.get(key)
        if bar is None:
            bar = self._bars[key] = Markup(charts.progress_bar(
                id_prefix=pid, label=label, baseline=p.baseline, current=p.current, target=p.target,
                status=p.status, elapsed=p.elapsed, unit=unit, direction=direction, words=self.chart_words))
        return bar

    def backlinks(self, item: m.Item) -> list[dict]:
        groups: dict[str, list[dict]] = {}
        seen: set[tuple[str, str]] = set()  # one entry per item, however many of its fields refer here
        for kind, id, _field in self.f.backlinks.get((item.kind, item.id), ()):
            r = self.ref(kind, id)
            if r and (kind, id) not in seen:
                seen.add((kind, id))
                groups.setdefault(kind, []).append(r)
        return [{"kind": k, "label": self.t[f"kinds.{k}"], "items": v} for k, v in groups.items()]

    def edit(self, item: m.Item) -> str | None:
        return f"{self.edit_url.rstrip('/')}/{item.source}" if self.edit_url else None

    def item_history(self, item: m.Item) -> list[dict]:
        if self.history is None or not self.history.available:
            return []
        changes = self.page_href(HISTORY_PAGE)
        return [{"date": e.date[:10], "sha": e.short_sha, "subject": e.title or e.commit.subject,
                 "summary": e.summary, "url": f"{changes}#{e.anchor}"}
                for e in self.history.for_item(item.kind, item.id)]

    def changes(self) -> PageView:
        self.base = page_url(HISTORY_PAGE, self.directory_urls)
        h = self.history
        entries = []
        if h is not None and h.available:
            for e in h.entries:
                entries.append({"anchor": e.commit.anchor, "date": e.commit.date[:10], "datetime": e.commit.date,
                                # a public site does not name the people who committed
                                "sha": e.commit.short, "author": "" if h.audience == "public" else e.commit.author,
                                "title": e.title or e.commit.subject, "lines": list(e.lines),
                                "errors": e.errors})
        ctx = {"available": bool(h and h.available), "reason": h.reason if h else "",
               "entries": entries, "truncated": bool(h and h.truncated), "feed_url": "feed.xml",
               "crumbs": self.crumbs((self.t["nav.changes"], None))}
        return PageView(HISTORY_PAGE, self.t["changes.title"], "changes.html", ctx)

    def item_common(self, item: m.Item) -> dict[str, Any]:
        return {"item": {"id": item.id, "title": item.title, "kind": item.kind,
                         "kind_label": self.t[f"kind.{item.kind}"], "public": item.is_public},
                "backlinks": self.backlinks(item), "edit_url": self.edit(item),
                "history": self.item_history(item)}

    # -- cards ------------------------------------------------------------------------
    def card(self, item: m.Item) -> dict[str, Any]:
        key = (item.kind, item.id)
        static = self._cards.get(key)
        if static is None:
            theme = getattr(item, "theme", None) if not isinstance(item, m.Theme) else item.id
            static = self._cards[key] = (
                self.t[f"kind.{item.kind}"], self.status(self.status_of(item)), getattr(item, "horizon", ""),
                getattr(item, "team", None) or "", theme or "", " ".join(getattr(item, "stages", ())),
                getattr(item, "confidence", None))
        return {
            "kind": item.kind, "kind_label": static[0], "id": item.id, "title": item.title,
            "url": self.item_href(item.kind, item.id), "status": static[1],
            "horizon": static[2], "team": static[3], "theme": static[4], "stages": static[5],
            "outcomes": self.refs("outcome", getattr(item, "outcomes", ())), "confidence": static[6],
        }

    def board_items(self) -> list[m.Item]:
        return [*self.r.themes, *self.r.questions, *self.r.hypotheses]

    @cached_property
    def related(self) -> dict[str, dict[str, list]]:
        """Reverse references, built once per render: ``related[index][id]`` lists the items in roadmap
        order (what ``[i for i in items if id in i.<field>]`` gives, without scanning every list per page)."""
        def group(items, keys) -> dict[str, list]:
            out: dict[str, list] = {}
            for it in items:
                for k in dict.fromkeys(keys(it)):
                    if k:
                        out.setdefault(k, []).append(it)
            return out
        r, board = self.r, self.board_items()
        return {
            "theme": group([*r.questions, *r.hypotheses], lambda i: (i.theme,)),
            "question": group(r.hypotheses, lambda h: (h.question,)),
            "opportunity": group(r.hypotheses, lambda h: (h.opportunity,)),
            "parent": group(r.opportunities, lambda o: (o.parent,)),
            "root": group([o for o in r.opportunities if not o.parent], lambda o: (o.outcome,)),
            "board_stage": group(board, lambda i: i.stages),
            "board_outcome": group(board, lambda i: i.outcomes),
            "outcome_stage": group(r.outcomes, lambda o: o.stages),
        }

    def filters(self, cards: list[dict], kinds: bool = True) -> dict[str, Any]:
        def options(key: str, values, label_prefix: str | None = None) -> list[dict]:
            seen = sorted({v for v in values if v})
            return [{"value": v, "label": self.t.get(f"{label_prefix}.{v}", v) if label_prefix else
                     (self.r.get("theme", v).title if key == "theme" and self.r.get("theme", v) else v)}
                    for v in seen]
        statuses = []
        for c in cards:
            if c["status"] and c["status"]["key"] not in [s["value"] for s in statuses]:
                statuses.append({"value": c["status"]["key"], "label": c["status"]["label"]})
        groups = [
            {"key": "status", "label": self.t["filter.status"], "options": statuses},
            {"key": "horizon", "label": self.t["filter.horizon"],
             "options": [{"value": h, "label": self.t[f"horizon.{h}"]} for h in m.HORIZONS
                         if any(c["horizon"] == h for c in cards)]},
            {"key": "theme", "label": self.t["filter.theme"], "options": options("theme", (c["theme"] for c in cards))},
            {"key": "team", "label": self.t["filter.team"], "options": options("team", (c["team"] for c in cards))},
        ]
        if kinds:
            groups.append({"key": "kind", "label": self.t["filter.kind"],
                           "options": [{"value": k, "label": self.t[f"kinds.{k}"]} for k in m.KINDS
                                       if any(c["kind"] == k for c in cards)]})
        return {"groups": [g for g in groups if len(g["options"]) > 1], "total": len(cards)}

    # -- pages --------------------------------------------------------------------------
    def pages(self) -> list[PageView]:
        return [job() for _, job in self.jobs()]

    def jobs(self) -> list[tuple[str, Callable[[], PageView]]]:
        """Every page's source path, in site order, with the call that builds its view. Pages do not
        depend on which others were built before them (the caches here only remember pure results), so
        any subset can be built in any process."""
        out: list[tuple[str, Callable[[], PageView]]] = [
            (HOME, self.home), (JOURNEY, self.board), (KPIS_PAGE, self.kpis), (index_page("okr"), self.okr_index),
            (index_page("opportunity"), self.opportunity_index)]
        if self.history is not None:
            out.append((HISTORY_PAGE, self.changes))
        for kind in ("stage", "theme", "question", "hypothesis", "outcome", "metric"):
            out.append((index_page(kind), partial(self.kind_index, kind)))
        for kind in m.PAGE_KINDS:
            builder = getattr(self, f"page_{kind}")
            for item in self.r.items(kind):
                src = item_page(kind, item.id)
                out.append((src, partial(self._at, src, builder, item)))
        return out

    def _at(self, src: str, fn, *args) -> PageView:
        self.base = page_url(src, self.directory_urls)
        return fn(*args)

    def home(self) -> PageView:
        self.base = page_url(HOME, self.directory_urls)
        r, f = self.r, self.f
        goals = []
        for g in sorted(r.goals, key=lambda g: not g.north_star):
            metric = r.get("metric", g.metric) if g.metric else None
            p = f.goals.get(g.id)
            goals.append({
                "id": g.id, "anchor": f"goal-{g.id}", "title": g.title, "north_star": g.north_star,
                "description": g.description, "metric": self.ref("metric", g.metric),
                "target": self.num(g.target, metric.unit if metric else "") if g.target is not None else None,
                "by": g.by.isoformat() if g.by else None,
                "progress": self.progress(p, metric, f"goal-{g.id}-progress", g.title) if p and metric else None,
            })

        def strategy(s: m.Strategy) -> dict:
            return {"id": s.id, "anchor": f"strategy-{s.id}", "title": s.title, "description": s.description,
                    "goal": ({"title": r.get("goal", s.goal).title, "url": f"#goal-{s.goal}"}
                             if s.goal and r.get("goal", s.goal) else None),
                    "metric": self.ref("metric", s.metric),
                    "metric_value": self.metric_value(s.metric),
                    "tactics": [{"title": t.title, "active": t.active, "description": t.description}
                                for t in s.tactics]}
        review = None
        if r.review:
            review = {"last": r.review.last.isoformat(), "every": r.review.every.text,
                      "due": f.review_due.isoformat() if f.review_due else None, "overdue": f.review_overdue}
        counts = [{"label": self.t[f"kinds.{k}"], "count": len(r.items(k)), "url": self.page_href(index_page(k))}
                  for k in ("outcome", "theme", "question", "hypothesis") if r.items(k)]
        ctx = {"title": r.title, "vision": r.vision, "mission": r.mission, "goals": goals,
               "yes": [strategy(s) for s in r.strategies if s.active],
               "no": [strategy(s) for s in r.strategies if not s.active],
               "review": review, "as_of": f.as_of.isoformat(), "counts": counts,
               "journey_url": self.page_href(JOURNEY), "kpis_url": self.page_href(KPIS_PAGE),
               "okrs_url": self.page_href(index_page("okr"))}
        return PageView(HOME, r.title, "home.html", ctx, hide=("navigation",), description=r.vision)

    def metric_value(self, metric_id: str | None) -> dict | None:
        mt = self.r.get("metric", metric_id) if metric_id else None
        if mt is None:
            return None
        mf = self.f.metrics[mt.id]
        return {"current": self.num(mf.current, mt.unit), "stale": mf.stale,
                "target": self.num(mt.target.value, mt.unit) if mt.target else None}

    def board(self) -> PageView:
        self.base = page_url(JOURNEY, self.directory_urls)
        # a public item whose stages are all internal has lost them: it sits on no column, so no card,
        # count or filter option of the board may come from it
        items = [it for it in self.board_items() if it.stages]
        cards = {(it.kind, it.id): self.card(it) for it in items}
        columns = []
        for st in self.r.stages:
            outcomes = self.related["outcome_stage"].get(st.id, [])
            columns.append({
                "id": st.id, "title": st.title, "url": self.item_href("stage", st.id),
                "description": st.description, "boosters": list(st.boosters), "blockers": list(st.blockers),
                "outcomes": [{**self.ref("outcome", o.id), "progress": self.progress(
                    self.f.outcomes[o.id], self.r.get("metric", o.metric), f"board-{st.id}-{o.id}", o.title)}
                    for o in outcomes],
            })
        rows = []
        for h in m.HORIZONS:
            cells = []
            for st in self.r.stages:
                cells.append({"stage": st.id, "stage_title": st.title,
                              "cards": [cards[(it.kind, it.id)] for it in self.related["board_stage"].get(st.id, ())
                                        if it.horizon == h]})
            rows.append({"horizon": h, "label": self.t[f"horizon.{h}"], "cells": cells})
        ctx = {"columns": columns, "rows": rows, "filters": self.filters(list(cards.values())),
               "crumbs": self.crumbs((self.t["nav.journey"], None))}
        return PageView(JOURNEY, self.t["board.title"], "board.html", ctx, hide=("navigation", "toc"), search=False)

    def kind_index(self, kind: str) -> PageView:
        src = index_page(kind)
        self.base = page_url(src, self.directory_urls)
        items = self.r.items(kind)
        ctx: dict[str, Any] = {"kind": kind, "title": self.t[f"kinds.{kind}"],
                               "crumbs": self.crumbs((self.t[f"kinds.{kind}"], None))}
        if kind in BOARD_KINDS:
            cards = [self.card(i) for i in items]
            groups = []
            for h in m.HORIZONS:
                hc = [c for c in cards if c["horizon"] == h]
                if hc:
                    groups.append({"title": self.t[f"horizon.{h}"], "horizon": h, "cards": hc})
            ctx.update(groups=groups, filters=self.filters(cards, kinds=False), cards=cards)
        elif kind == "stage":
            ctx["stages"] = [{**self.ref("stage", s.id), "description": s.description,
                              "count": len(self.related["board_stage"].get(s.id, ()))}
                             for s in self.r.stages]
        elif kind == "outcome":
            ctx["outcomes"] = [self.outcome_summary(o, f"index-{o.id}") for o in items]
        elif kind == "metric":
            ctx["kpis_url"] = self.page_href(KPIS_PAGE)
            ctx["metrics"] = [self.metric_card(mt, compact=True) for mt in items]
        return PageView(src, self.t[f"kinds.{kind}"], f"index_{kind}.html" if kind in ("stage", "outcome", "metric")
                        else "index_items.html", ctx, search=False)

    def outcome_summary(self, o: m.Outcome, pid: str) -> dict:
        metric = self.r.get("metric", o.metric) if o.metric else None
        return {**self.ref("outcome", o.id), "stages": self.refs("stage", o.stages),
                "progress": self.progress(self.f.outcomes[o.id], metric, pid, o.title),
                "metric": self.ref("metric", o.metric)}

    # -- item pages -------------------------------------------------------------------
    def facts(self, item: m.Item) -> list[dict]:
        """The item's references and attributes as a list of label -> value(s)."""
        t = self.t
        rows: list[dict] = []

        def add(label: str, value=None, refs=None, status=None):
            if value or refs or status:
                rows.append({"label": label, "value": value, "refs": refs or [], "status": status})

        if isinstance(item, (m.Theme, m.Question, m.Hypothesis)):
            add(t["item.horizon"], t[f"horizon.{item.horizon}"])
        stages = getattr(item, "stages", ())
        add(t["item.stages"] if len(stages) > 1 else t["item.stage"], refs=self.refs("stage", stages))
        if isinstance(item, (m.Theme, m.Question, m.Hypothesis)):
            add(t["item.outcomes"] if len(item.outcomes) > 1 else t["item.outcome"],
                refs=self.refs("outcome", item.outcomes))
        if isinstance(item, (m.Question, m.Hypothesis)) and item.theme:
            add(t["item.theme"], refs=[r for r in [self.ref("theme", item.theme)] if r])
        if isinstance(item, m.Hypothesis):
            add(t["item.question"], refs=[r for r in [self.ref("question", item.question)] if r])
            add(t["item.opportunity"], refs=[r for r in [self.ref("opportunity", item.opportunity)] if r])
            if item.confidence:
                add(t["item.confidence"], t[f"confidence.{item.confidence}"])
        if isinstance(item, m.Opportunity):
            add(t["item.outcome"], refs=[r for r in [self.ref("outcome", self.opportunity_root(item))] if r])
            add(t["item.parent"], refs=[r for r in [self.ref("opportunity", item.parent)] if r])
        if isinstance(item, m.Outcome):
            add(t["item.strategy"], value=self.strategy_title(item.strategy))
            add(t["item.metric"], refs=[r for r in [self.ref("metric", item.metric)] if r])
        team = getattr(item, "team", None)
        add(t["item.team"], team)
        return rows

    def strategy_title(self, id: str | None) -> str | None:
        s = self.r.get("strategy", id) if id else None
        return s.title if s else None

    def opportunity_root(self, o: m.Opportunity) -> str | None:
        seen = set()
        while o.parent and o.parent not in seen:
            seen.add(o.id)
            parent = self.r.get("opportunity", o.parent)
            if parent is None:
                break
            o = parent
        return o.outcome

    def item_page(self, item: m.Item, template: str, **extra) -> PageView:
        ctx = {**self.item_common(item), "facts": self.facts(item),
               "status": self.status(self.status_of(item)),
               "body": self.body(item) if isinstance(item, m.MarkdownItem) else Markup(""),
               "crumbs": self.crumbs(self.kind_crumb(item.kind), (item.title, None)), **extra}
        return PageView(item_page(item.kind, item.id), item.title, template, ctx)

    def page_theme(self, item: m.Theme) -> PageView:
        related = self.related["theme"].get(item.id, [])
        return self.item_page(item, "theme.html", cards=[self.card(i) for i in related])

    def page_question(self, item: m.Question) -> PageView:
        related = self.related["question"].get(item.id, [])
        return self.item_page(item, "question.html", answer=item.answer, cards=[self.card(h) for h in related])

    def page_hypothesis(self, item: m.Hypothesis) -> PageView:
        experiments = [{"title": e.title, "status": self.status(e.status),
                        "start": e.start.isoformat() if e.start else None,
                        "end": e.end.isoformat() if e.end else None, "result": e.result}
                       for e in sorted(item.experiments, key=lambda e: (e.start is None, e.start or 0))]
        outcomes = [self.outcome_summary(self.r.get("outcome", o), f"hyp-{o}") for o in item.outcomes
                    if self.r.get("outcome", o)]
        return self.item_page(item, "hypothesis.html", statement={
            "we_believe": item.we_believe, "will_result_in": item.will_result_in,
            "we_will_know_when": item.we_will_know_when},
            confidence=item.confidence, experiments=experiments, outcome_progress=outcomes,
            links=[{"title": k.title, "url": k.url} for k in item.links])

    def page_outcome(self, item: m.Outcome) -> PageView:
        metric = self.r.get("metric", item.metric) if item.metric else None
        p = self.f.outcomes[item.id]
        chart = None
        if metric:
            chart = self.metric_chart(metric, f"outcome-{item.id}-chart", target=p.target, by=p.by)
        related = self.related["board_outcome"].get(item.id, [])
        return self.item_page(item, "outcome.html", progress=self.progress(p, metric, f"outcome-{item.id}",
                                                                             item.title),
                              chart=chart, tree=self.tree(item), cards=[self.card(i) for i in related])

    def page_opportunity(self, item: m.Opportunity) -> PageView:
        children = self.related["parent"].get(item.id, [])
        solutions = self.related["opportunity"].get(item.id, [])
        return self.item_page(item, "opportunity.html", subtree=self.tree_nodes(item.id, set()),
                              children=self.refs("opportunity", (c.id for c in children)),
                              cards=[self.card(h) for h in solutions])

    def page_stage(self, item: m.Stage) -> PageView:
        items = self.related["board_stage"].get(item.id, [])
        groups = [{"title": self.t[f"horizon.{h}"], "horizon": h,
                   "cards": [self.card(i) for i in items if i.horizon == h]} for h in m.HORIZONS]
        outcomes = [self.outcome_summary(o, f"stage-{o.id}") for o in self.related["outcome_stage"].get(item.id, ())]
        return self.item_page(item, "stage.html", description=item.description, boosters=list(item.boosters),
                              blockers=list(item.blockers), groups=groups, outcomes=outcomes,
                              board_url=self.page_href(JOURNEY) + f"#stage-{item.id}")

    def page_metric(self, item: m.Metric) -> PageView:
        card = self.metric_card(item)
        rows = [(x.date, x.value, x.note) for x in item.measurements]
        table = Markup(charts.data_table(rows, unit=item.unit, caption=self.t["metric.measurements"],
                                         words=self.chart_words)) if rows else None
        notes = [{"date": x.date.isoformat(), "value": self.num(x.value, item.unit), "note": x.note}
                 for x in item.measurements if x.note]
        return self.item_page(item, "metric.html", metric=card, table=table, notes=notes,
                              description=item.description)

    def page_okr(self, item: m.Okr) -> PageView:
        return self.item_page(item, "okr.html", okr=self.okr_view(item, f"okr-{item.id}"))

    # -- measures -----------------------------------------------------------------------
    def metric_chart(self, mt: m.Metric, pid: str, compact: bool = False, target=None, by=None) -> Markup:
        points = [(x.date, x.value) for x in mt.measurements]
        if target is None and mt.target:
            target = mt.target.value
        if by is None and mt.target:
            by = mt.target.by
        desc = f"{mt.title}: {self.t['metric.trend'].lower()}"
        return Markup(charts.line_chart(points, id_prefix=pid, title=mt.title, description=desc, unit=mt.unit,
                                        target=target, target_date=by if not compact else None,
                                        baseline=mt.baseline.value if mt.baseline else None,
                                        direction=mt.direction, compact=compact, words=self.chart_words))

    def metric_card(self, mt: m.Metric, compact: bool = False) -> dict:
        mf = self.f.metrics[mt.id]
        return {
            **self.ref("metric", mt.id), "category": mt.category,
            "category_label": self.t[f"category.{mt.category}"], "unit": mt.unit,
            "current": self.num(mf.current, mt.unit) if mf.current is not None else None,
            "current_date": mf.current_date.isoformat() if mf.current_date else None,
            "stale": mf.stale, "target": self.num(mt.target.value, mt.unit) if mt.target else None,
            "target_by": mt.target.by.isoformat() if mt.target and mt.target.by else None,
            "baseline": self.num(mt.baseline.value, mt.unit) if mt.baseline else None,
            "direction": self.t[f"metric.direction.{mt.direction}"], "direction_key": mt.direction,
            "review": mt.review.text if mt.review else None, "source": mt.source_text, "owner": mt.owner,
            "chart": self.metric_chart(mt, f"metric-{mt.id}" + ("-spark" if compact else ""), compact=compact),
        }

    def kpis(self) -> PageView:
        self.base = page_url(KPIS_PAGE, self.directory_urls)
        families = []
        for cat in ("business", "customer", "development"):
            cards = [self.metric_card(mt, compact=True) for mt in self.r.metrics if mt.category == cat]
            families.append({"key": cat, "title": self.t[f"category.{cat}"], "metrics": cards})
        ctx = {"families": families, "crumbs": self.crumbs((self.t["nav.kpis"], None))}
        return PageView(KPIS_PAGE, self.t["kpis.title"], "kpis.html", ctx)

    def okr_view(self, okr: m.Okr, pid: str) -> dict:
        of = self.f.okrs[okr.id]
        krs = []
        for i, (kr, kf) in enumerate(zip(okr.key_results, of.key_results)):
            metric = self.r.get("metric", kr.metric) if kr.metric else None
            unit = metric.unit if metric else ""
            krs.append({"title": kr.title, "from": self.num(kr.start, unit), "to": self.num(kr.to, unit),
                        "current": self.num(kf.current, unit), "metric": self.ref("metric", kr.metric),
                        "score": None if kf.score is None else charts.localize(f"{kf.score:.2f}", self.chart_words),
                        "bar": Markup(charts.score_bar(kf.score, id_prefix=f"{pid}-kr{i + 1}", label=kr.title,
                                                       words=self.chart_words))})
        return {**self.ref("okr", okr.id), "objective": okr.title, "period": okr.period.text,
                "period_state": of.period_state, "period_label": self.t[
                    {"past": "okr.past", "current": "okr.current_period", "future": "okr.future"}[of.period_state]],
                "team": okr.team, "strategy": self.strategy_title(okr.strategy),
                "score": None if of.score is None else charts.localize(f"{of.score:.2f}", self.chart_words),
                "light": of.light,
                "light_label": self.t[f"okr.light.{of.light}"],
                "bar": Markup(charts.score_bar(of.score, id_prefix=f"{pid}-score", label=okr.title,
                                               words=self.chart_words)),
                "key_results": krs}

    def okr_index(self) -> PageView:
        src = index_page("okr")
        self.base = page_url(src, self.directory_urls)
        order = {"current": 0, "future": 1, "past": 2}
        okrs = sorted(self.r.okrs, key=lambda o: (order[self.f.okrs[o.id].period_state],
                                                  -o.period.start.toordinal() if self.f.okrs[o.id].period_state
                                                  == "past" else o.period.start.toordinal(), o.team or "", o.id))
        periods: list[dict] = []
        for okr in okrs:
            if not periods or periods[-1]["period"] != okr.period.text:
                of = self.f.okrs[okr.id]
                periods.append({"period": okr.period.text, "state": of.period_state,
                                "state_label": self.t[{"past": "okr.past", "current": "okr.current_period",
                                                       "future": "okr.future"}[of.period_state]], "teams": []})
            teams = periods[-1]["teams"]
            team = okr.team or self.t["okr.no_team"]
            if not teams or teams[-1]["team"] != team:
                teams.append({"team": team, "okrs": []})
            teams[-1]["okrs"].append(self.okr_view(okr, f"okrs-{okr.id}"))
        ctx = {"periods": periods, "crumbs": self.crumbs((self.t["nav.okrs"], None))}
        return PageView(src, self.t["okrs.title"], "okrs.html", ctx)

    # -- opportunity solution trees -------------------------------------------------------
    def tree_nodes(self, parent: str, seen: set[str]) -> list[dict]:
        nodes = []
        for o in self.related["parent"].get(parent, ()):
            if o.id not in seen:
                nodes.append(self.tree_node(o, seen | {o.id}))
        return nodes

    def tree_node(self, o: m.Opportunity, seen: set[str]) -> dict:
        solutions = []
        for h in self.related["opportunity"].get(o.id, ()):
            solutions.append({**self.ref("hypothesis", h.id), "status": self.status(h.status),
                              "experiments": [{"title": e.title, "status": self.status(e.status),
                                               "url": self.item_href("hypothesis", h.id)}
                                              for e in h.experiments]})
        return {**self.ref("opportunity", o.id), "children": self.tree_nodes(o.id, seen), "solutions": solutions}

    def tree(self, outcome: m.Outcome) -> dict:
        roots = [self.tree_node(o, {o.id}) for o in self.related["root"].get(outcome.id, ())]
        return {"outcome": {**self.ref("outcome", outcome.id)}, "roots": roots}

    def opportunity_index(self) -> PageView:
        src = index_page("opportunity")
        self.base = page_url(src, self.directory_urls)
        trees = [self.tree(o) for o in self.r.outcomes]
        orphans = [o for o in self.r.opportunities if not o.parent and not o.outcome]
        ctx = {"trees": [t for t in trees if t["roots"]], "empty": [t["outcome"] for t in trees if not t["roots"]],
               "orphans": self.refs("opportunity", (o.id for o in orphans)),
               "crumbs": self.crumbs((self.t["nav.opportunities"], None))}
        return PageView(src, self.t["opportunities.title"], "opportunities.html", ctx)
