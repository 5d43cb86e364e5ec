"""Standalone documents: the review pack (``pack/``) and the embeds for intranet pages (``embed/...``).

They are whole HTML documents without Material's header, navigation and
search (layout ``roadmap/layouts/document.html``), linking our stylesheets
only, so they print on their own and fit an iframe. Their data comes from
the same view builders as the full pages.
"""

from __future__ import annotations

import html
from typing import Any

from roadmap_gen.site.urls import HOME, JOURNEY, index_page, item_page
from roadmap_gen.site.views import board, home, measures
from roadmap_gen.site.views.base import KPIS_PAGE, Kit, Links
from roadmap_gen.site.views.cards import Cards
from roadmap_gen.site.views.related import Related
from roadmap_gen.site.views.reviews import PACK_PAGE, REVIEWS_PAGE, diff_view, site_address

DOCUMENT_CSS = ("assets/roadmap-gen/roadmap.css", "assets/roadmap-gen/charts.css", "assets/roadmap-gen/document.css")
EMBED_HOME = "embed/index.md"
EMBED_BOARD = "embed/journey.md"
EMBED_KPIS = "embed/kpis.md"


DOCUMENT_TEMPLATES = ("roadmap/pack.html", "roadmap/embed_home.html", "roadmap/embed_board.html",
                      "roadmap/embed_kpis.html", "roadmap/embed_outcome.html")


def is_document(template: str) -> bool:
    """Whether a page's template is a standalone document (the pack, an embed)."""
    return template in DOCUMENT_TEMPLATES


def embed_outcome(id: str) -> str:
    return f"embed/outcomes/{id}.md"


def document(kit: Kit, at: Links, title: str, kind: str) -> dict:
    """What every document's head and frame need: stylesheets, the language, the site's home."""
    return {"title": title, "kind": kind, "css": [at.href(path) for path in DOCUMENT_CSS],
            "lang": kit.t.get("lang", "en"), "home_url": at.page(HOME), "site_title": kit.r.title,
            "as_of": kit.when(kit.f.as_of)}


def embed_box(site_url: str, src: str, title: str, directory_urls: bool, height: int) -> dict:
    """The ``<iframe>`` snippet a full page offers for its embed (text, escaped by the template)."""
    address = site_address(site_url, src, directory_urls)
    snippet = (f'<iframe src="{html.escape(address)}" title="{html.escape(title)}" width="100%" height="{height}" '
               f'style="border:0" loading="lazy"></iframe>')
    return {"snippet": snippet, "address": address, "absolute": bool(site_url)}


def _outcomes(kit: Kit, at: Links, prefix: str) -> list[dict]:
    return [kit.outcome_summary(at, o, f"{prefix}-{o.id}") for o in kit.r.outcomes]


def pack(kit: Kit, cards: Cards, related: Related, reviews: Any, at: Links) -> dict:
    """The review pack: one-pager, board, outcomes, KPIs, OKRs and what changed since the last review."""
    t = kit.t
    okrs = measures.okr_index(kit, at)["periods"]
    current = [p for p in okrs if p["state"] == "current"] or okrs[:1]
    last = reviews.last if reviews is not None and reviews.available else None
    return {"document": document(kit, at, f"{kit.r.title}: {t['pack.title']}", "pack"), "toc": [],
            "home": home.home(kit, related, at), "board": board.board(kit, cards, related, at),
            "outcomes": _outcomes(kit, at, "pack"), "kpis": measures.kpis(kit, at)["families"], "okrs": current,
            "review": {"available": bool(reviews is not None and reviews.available),
                       "reason": reviews.reason if reviews is not None else "",
                       "last": {"name": last.tag.name, "date": kit.when(last.tag.date)} if last else None,
                       "diff": diff_view(kit, at, reviews.since_last_terms) if last else None,
                       "pattern": reviews.pattern if reviews is not None else "review-*"},
            "reviews_url": at.page(REVIEWS_PAGE) if reviews is not None else None, "pack_url": at.page(PACK_PAGE)}


def embed_home(kit: Kit, related: Related, at: Links) -> dict:
    return {"document": document(kit, at, kit.r.title, "home"), "toc": [], "home": home.home(kit, related, at),
            "full_url": at.page(HOME)}


def embed_board(kit: Kit, cards: Cards, related: Related, at: Links) -> dict:
    return {"document": document(kit, at, f"{kit.r.title}: {kit.t['board.title']}", "board"), "toc": [],
            "board": board.board(kit, cards, related, at), "full_url": at.page(JOURNEY)}


def embed_kpis(kit: Kit, at: Links) -> dict:
    return {"document": document(kit, at, f"{kit.r.title}: {kit.t['kpis.title']}", "kpis"), "toc": [],
            "kpis": measures.kpis(kit, at)["families"], "full_url": at.page(KPIS_PAGE)}


def embed_outcome_view(kit: Kit, outcome_id: str, at: Links) -> dict:
    o = kit.r.get("outcome", outcome_id)
    return {"document": document(kit, at, o.title, "outcome"), "toc": [],
            "outcome": kit.outcome_summary(at, o, f"embed-{o.id}"), "full_url": at.page(item_page("outcome", o.id)),
            "index_url": at.page(index_page("outcome"))}
