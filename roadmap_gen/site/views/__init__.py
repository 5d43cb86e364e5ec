"""View models: everything a template shows, worked out in Python.

:class:`SiteViews` announces every generated page (:class:`~roadmap_gen.site.sources.PageSpec`:
address, title, template, Markdown) and builds a page's view model when its
template is about to be rendered, with URLs relative to that page. Templates
never call Python: they get plain dicts and lists, labels already translated,
charts already drawn (inline SVG, marked safe because the chart code escapes
every text it draws). Text from YAML stays plain text: autoescaping does the rest.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any, Callable

from roadmap_gen.compile.compiler import Compiled
from roadmap_gen.format import model as m
from roadmap_gen.site.sources import PageSpec, inert, search_block, text_block
from roadmap_gen.site.urls import HOME, JOURNEY, index_page, item_page
from roadmap_gen.site.views import behaviours, board, changes, documents, home, measures, reviews as rv
from roadmap_gen.site.views.health import health_page
from roadmap_gen.site.views.base import CONTENT_TOC, HISTORY_PAGE, KPIS_PAGE, Kit, Links
from roadmap_gen.site.views.cards import Cards
from roadmap_gen.site.views.insights import Insights
from roadmap_gen.site.views.insights import key_facts as insight_facts
from roadmap_gen.site.views.items import Items
from roadmap_gen.site.views.related import Related
from roadmap_gen.site.views.trees import Trees

__all__ = ["CONTENT_TOC", "Links", "PageSpec", "SiteViews"]

NAV_INDEXES = ("stage", "theme", "question", "hypothesis", "outcome", "opportunity", "okr")


class SiteViews:
    """The pages of a compiled roadmap and their view models."""

    def __init__(self, compiled: Compiled, labels: dict[str, str], *, edit_url: str | None = None,
                 history: Any = None, reviews: Any = None, terms: Any = None, site_url: str = "") -> None:
        self.kit = Kit(compiled.roadmap, compiled.figures, labels, edit_url=edit_url, history=history)
        self.related = Related(compiled.roadmap)
        self.insights = Insights(self.kit)
        self.cards = Cards(self.kit, self.insights)
        self.trees = Trees(self.kit, self.related)
        self.items = Items(self.kit, self.cards, self.related, self.trees, self.insights)
        # reviews from git tags, the history in roadmap terms (roadmap_gen.git.reviews, roadmap_gen.git.terms)
        self.reviews, self.terms, self.site_url = reviews, terms, site_url
        self.goalposts = terms.goalposts if terms is not None else ()
        self.items.goalposts = terms.goalposts_by_item if terms is not None else {}
        # roadmap health: a page in internal builds only
        self.health = (compiled.findings, compiled.health_ignore) if compiled.audience == "internal" else None

    def pages(self) -> list[PageSpec]:
        """Every page, in site order: listings first, then each kind's item pages."""
        kit, t = self.kit, self.kit.t
        out = [
            PageSpec(HOME, kit.r.title, "roadmap/home.html", partial(home.home, kit, self.related), home.statements_markdown(kit),
                     hide=("navigation",), description=kit.r.vision, in_nav=True),
            PageSpec(JOURNEY, t["board.title"], "roadmap/board.html",
                     partial(board.board, kit, self.cards, self.related), hide=("navigation", "toc"),
                     search=False, in_nav=True),
            PageSpec(KPIS_PAGE, t["kpis.title"], "roadmap/kpis.html", partial(measures.kpis, kit),
                     search_block(x.title for x in kit.r.metrics), in_nav=True),
            PageSpec(index_page("okr"), t["okrs.title"], "roadmap/okrs.html", partial(measures.okr_index, kit),
                     search_block(x.title for x in kit.r.okrs), in_nav=True),
            PageSpec(index_page("opportunity"), t["opportunities.title"], "roadmap/opportunities.html",
                     self.trees.index, search_block(x.title for x in kit.r.opportunities), in_nav=True),
            PageSpec(index_page("insight"), t["insights.title"], "roadmap/insights.html", self.insights.index,
                     search=False, in_nav=True),
        ]
        if kit.history is not None:
            out.append(PageSpec(HISTORY_PAGE, t["changes.title"], "roadmap/changes.html",
                                partial(changes.changes, kit, terms=self.terms), in_nav=True))
            out.append(PageSpec(changes.GOALPOSTS_PAGE, t["goalposts.title"], "roadmap/goalposts.html",
                                partial(rv.goalposts_view, kit, self.goalposts), hide=("toc",)))
        out += self.journey_pages()
        out += self.review_pages()
        if self.health is not None:
            out.append(health_page(kit, *self.health))
        for kind in ("stage", "theme", "question", "hypothesis", "outcome", "metric"):
            template = f"roadmap/index_{kind}.html" if kind in ("stage", "outcome", "metric") else \
                "roadmap/index_items.html"
            out.append(PageSpec(index_page(kind), t[f"kinds.{kind}"], template,
                                partial(board.kind_index, kit, self.cards, self.related, kind), search=False,
                                in_nav=kind in NAV_INDEXES))
        for kind in m.PAGE_KINDS:
            out.extend(self.item_page(item) for item in kit.r.items(kind))
        return self.with_embeds(out)

    def journey_pages(self) -> list[PageSpec]:
        """Content format 1.1: with ``journeys:``, the ``journeys/`` index and each journey's own board at
        ``journeys/<id>/`` (boards repeat item titles: out of the search, like ``journey/``); with behaviours
        with ids, the ``behaviours/`` index (in the navigation)."""
        kit, t, out = self.kit, self.kit.t, []
        if kit.r.journeys:
            out.append(PageSpec(index_page("journey"), t["kinds.journey"], "roadmap/journeys.html",
                                partial(board.journeys_index, kit, self.related),
                                search_block(x for j in kit.r.journeys for x in (j.title, j.description))))
            out.extend(PageSpec(item_page("journey", j.id), j.title, "roadmap/journey.html",
                                partial(board.journey_page, kit, self.cards, self.related, j.id),
                                hide=("navigation", "toc"), description=j.description or "", search=False)
                       for j in kit.r.journeys)
        if kit.r.behaviours:
            out.append(PageSpec(index_page("behaviour"), t["kinds.behaviour"], "roadmap/behaviours.html",
                                partial(behaviours.index, kit), search=False, in_nav=True))
        return out

    def review_pages(self) -> list[PageSpec]:
        """The reviews page and one page per review (with history on), and the review pack."""
        kit, t, out = self.kit, self.kit.t, []
        if kit.history is not None:
            out.append(PageSpec(rv.REVIEWS_PAGE, t["reviews.title"], "roadmap/reviews.html",
                                partial(rv.reviews_index, kit, self.reviews), in_nav=True))
            for r in (self.reviews.reviews if self.reviews is not None and self.reviews.available else ()):
                out.append(PageSpec(rv.review_page(r.tag), f"{t['reviews.review']} {r.tag.name}",
                                    "roadmap/review.html", partial(rv.review_view, kit, r), search=False))
        out.append(PageSpec(rv.PACK_PAGE, f"{kit.r.title}: {t['pack.title']}", "roadmap/pack.html",
                            partial(documents.pack, kit, self.cards, self.related, self.reviews),
                            home.statements_markdown(kit), search=False))
        return out

    def with_embeds(self, pages: list[PageSpec]) -> list[PageSpec]:
        """The embeds (one-pager, board, each outcome's card, KPI dashboard), and each full page offering its own."""
        kit, t = self.kit, self.kit.t
        embeds = {HOME: (documents.EMBED_HOME, "roadmap/embed_home.html", partial(documents.embed_home, kit, self.related), 900),
                  JOURNEY: (documents.EMBED_BOARD, "roadmap/embed_board.html",
                            partial(documents.embed_board, kit, self.cards, self.related), 700),
                  KPIS_PAGE: (documents.EMBED_KPIS, "roadmap/embed_kpis.html", partial(documents.embed_kpis, kit), 800)}
        embeds.update({item_page("outcome", o.id): (documents.embed_outcome(o.id), "roadmap/embed_outcome.html",
                                                   partial(documents.embed_outcome_view, kit, o.id), 260)
                       for o in kit.r.outcomes})
        out = []
        for spec in pages:
            found = embeds.get(spec.src)
            if found is None:
                out.append(spec)
                continue
            src, template, build, height = found
            out.append(replace(spec, build=partial(self._offer_embed, spec.build, src, spec.title, height)))
            out.append(PageSpec(src, spec.title, template, build, spec.text if spec.src == HOME else "",
                                search=False))
        return out

    def _offer_embed(self, build: Callable, src: str, title: str, height: int, at: Links) -> dict[str, Any]:
        view = build(at)
        view["embed"] = documents.embed_box(self.site_url, src, title, at.directory_urls, height)
        return view

    def item_page(self, item: m.Item) -> PageSpec:
        body = item.body if isinstance(item, m.MarkdownItem) and item.body.strip() else ""
        return PageSpec(item_page(item.kind, item.id), item.title, f"roadmap/{item.kind}.html",
                        partial(self._item, item), self.item_text(item, body), body)

    def _item(self, item: m.Item, at: Links) -> dict[str, Any]:
        return self.items.build(at, item)

    def key_facts(self, item: m.Item) -> list[str]:
        """What search shows of an item besides its text: kind, status, horizon, team, what it names."""
        kit, t = self.kit, self.kit.t
        if isinstance(item, m.Insight):
            return insight_facts(kit, item)
        status = kit.status(kit.status_of(item))
        horizon = getattr(item, "horizon", None)
        names = [x.title for kind, ids in (("stage", getattr(item, "stages", ())),
                                           ("outcome", getattr(item, "outcomes", ())))
                 for x in (kit.r.get(kind, i) for i in ids) if x]
        if isinstance(item, m.Behaviour):
            return behaviour_facts(kit, item)
        return [" · ".join(x for x in (t[f"kind.{item.kind}"], status["label"] if status else "",
                                       t[f"horizon.{horizon}"] if horizon else "", getattr(item, "team", None) or "")
                           if x), " · ".join(names)]

    def item_text(self, item: m.Item, body: str) -> str:
        """The text people wrote in YAML (statement, answer or description) as HTML blocks of text, and the
        heading the body goes under."""
        t, parts = self.kit.t, [search_block(self.key_facts(item))]
        if isinstance(item, m.Hypothesis):
            parts.append(f'<figure class="rg-statement" aria-label="{inert(t["hyp.statement"])}">' + "".join(
                f'<p><span class="rg-statement__lead">{inert(t[label])}</span> {inert(text)}</p>' for label, text in (
                    ("hyp.we_believe", item.we_believe), ("hyp.will_result_in", item.will_result_in),
                    ("hyp.we_will_know_when", item.we_will_know_when))) + "</figure>")
            if body:
                parts.append(f'<h1 id="notes">{inert(t["item.notes"])}</h1>')
        if isinstance(item, m.Question) and item.answer:
            parts.append(f'<div class="rg-answer"><p class="rg-answer__label">{inert(t["item.answer"])}</p>'
                         f'{text_block("p", "rg-answer__text", item.answer)}</div>')
        if isinstance(item, (m.Stage, m.Metric, m.Goal, m.Strategy, m.Behaviour)) and item.description:
            parts.append(text_block("p", "rg-lead", item.description))
        return "\n\n".join(parts)



def behaviour_facts(kit: Kit, b: m.Behaviour) -> list[str]:
    """What search shows of a behaviour: booster or blocker, unaddressed, its journey and stage."""
    t = kit.t
    stage = kit.r.get("stage", b.stage)
    journey = kit.r.get("journey", stage.journey) if stage and stage.journey else None
    flag = t["behaviour.unaddressed"] if behaviours.is_unaddressed(kit, b) else ""
    return [" · ".join(x for x in (t["kind.behaviour"], t[f"behaviour.type.{b.type}"], flag) if x),
            " · ".join(x.title for x in (journey, stage) if x)]
