"""Reviews from git tags, goalposts, and a roadmap diff as a view model (reviews page, review pages, pack)."""

from __future__ import annotations

import re
from typing import Any

from roadmap_gen.site.chart_numbers import localize
from roadmap_gen.site.urls import page_url
from roadmap_gen.site.views.base import HISTORY_PAGE, Kit, Links, toc_entry
from roadmap_gen.site.views.changes import GOALPOSTS_PAGE  # noqa: F401  (its page, with the other review pages)

REVIEWS_PAGE = "reviews/index.md"
PACK_PAGE = "pack/index.md"


def review_page(tag: Any) -> str:
    return f"reviews/{tag.slug}.md"


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}$")


def _value(kit: Kit, aspect: str, value: Any, label: str) -> str:
    """A transition's side for people, in the site's language: statuses, horizons, dates, numbers."""
    if aspect in ("status", "computed-status") and isinstance(value, str):
        return kit.t.get(f"status.{value}", label)
    if aspect == "horizon" and isinstance(value, str):
        return kit.t.get(f"horizon.{value}", label)
    if isinstance(value, str) and _ISO_DAY.match(value):
        return kit.when(value)["text"]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return localize(label, kit.words)
    return label


_WHAT = {"status": "item.status", "computed-status": "item.status", "horizon": "item.horizon",
         "stages": "item.stages", "score": "okr.score", "target": "diff.target", "deadline": "diff.deadline",
         "key-result-target": "diff.target", "key-result-start": "diff.start", "experiment": "diff.experiment",
         "journey": "kind.journey"}


def _what(kit: Kit, what: str, detail: str) -> str:
    """What moved, in the site's language: ``Deadline``, ``Experiment “Fake door”``, ``<key result>: target``."""
    word = kit.t[_WHAT[what]]
    if what == "experiment":
        return f"{word} “{detail}”"
    if what.startswith("key-result") and detail:
        return f"{detail}: {word.lower()}"
    return word


def _item(kit: Kit, at: Links, kind: str, id: str, title: str) -> dict:
    """A link to the item when the built roadmap has it, else its title as it was."""
    ref = kit.ref(at, kind, id)
    return {"title": ref["title"] if ref else title, "url": ref["url"] if ref else None,
            "kind_label": kit.t[f"kind.{kind}"]}


def diff_view(kit: Kit, at: Links, d: Any) -> dict | None:
    """A diff in roadmap terms (:class:`~roadmap_gen.git.terms.DiffTerms`) as sections for the templates."""
    if d is None:
        return None
    sections: dict[str, list[dict]] = {}
    for r in d.rows:
        sections.setdefault(r.section, []).append({
            "item": _item(kit, at, r.kind, r.id, r.title), "what": _what(kit, r.what, r.detail),
            "old": _value(kit, r.aspect, r.old, r.old_label), "new": _value(kit, r.aspect, r.new, r.new_label)})
    return {
        "empty": d.empty, "summary": d.summary,
        "sections": [{"key": key, "title": kit.t[f"diff.{key}"], "rows": rows} for key, rows in sections.items()],
        "measurements": [{"item": _item(kit, at, "metric", x.metric, x.title), "date": kit.when(x.date),
                          "value": localize(x.label, kit.words), "note": x.note} for x in d.measurements],
        "added": [{"item": _item(kit, at, i.kind, i.id, i.title)} for i in d.added],
        "removed": [{"item": _item(kit, at, i.kind, i.id, i.title)} for i in d.removed],
        "edited": [{"item": _item(kit, at, i.kind, i.id, i.title), "what": what} for i, what in d.edited],
        "roadmap": list(d.roadmap),
    }


def _tag(kit: Kit, tag: Any) -> dict:
    return {"name": tag.name, "date": kit.when(tag.date), "datetime": tag.date}


def reviews_index(kit: Kit, reviews: Any, at: Links) -> dict:
    t = kit.t
    items = []
    if reviews is not None and reviews.available:
        for r in reviews.reviews:
            items.append({**_tag(kit, r.tag), "url": at.page(review_page(r.tag)), "errors": r.errors,
                          "previous": _tag(kit, r.previous) if r.previous else None,
                          "summary": r.diff.summary() if r.diff is not None else None})
    last = reviews.last if reviews is not None and reviews.available else None
    toc = [toc_entry("since-last-review", t["reviews.since_last"])] if last else []
    if items:
        toc.append(toc_entry("every-review", t["reviews.all"]))
    return {"title": t["reviews.title"], "toc": toc, "crumbs": kit.crumbs(at, (t["nav.reviews"], None)),
            "available": bool(reviews and reviews.available), "reason": reviews.reason if reviews else "",
            "pattern": reviews.pattern if reviews else "review-*", "last": _tag(kit, last.tag) if last else None,
            "since_last": diff_view(kit, at, reviews.since_last_terms) if last else None, "reviews": items,
            "pack_url": at.page(PACK_PAGE), "as_of": kit.when(kit.f.as_of)}


def review_view(kit: Kit, review: Any, at: Links) -> dict:
    t = kit.t
    return {"title": f"{t['reviews.review']} {review.tag.name}", "toc": [], "tag": _tag(kit, review.tag),
            "crumbs": kit.crumbs(at, (t["nav.reviews"], at.page(REVIEWS_PAGE)), (review.tag.name, None)),
            "previous": _tag(kit, review.previous) if review.previous else None,
            "previous_url": at.page(review_page(review.previous)) if review.previous else None,
            "errors": review.errors, "diff": diff_view(kit, at, review.terms)}


def goalpost_row(kit: Kit, at: Links, g: Any, public: bool) -> dict:
    """One goalpost (:class:`~roadmap_gen.git.goalposts.Goalpost`) for the goalposts page."""
    return {"date": kit.when(g.commit.date), "datetime": g.commit.date, "item": _item(kit, at, g.kind, g.id, g.title),
            "what": _what(kit, g.what, g.detail), "old": _value(kit, "target", g.old, g.old_label),
            "new": _value(kit, "target", g.new, g.new_label), "sha": g.commit.short,
            "commit_url": f"{at.page(HISTORY_PAGE)}#{g.commit.anchor}",
            "subject": "" if public else g.commit.subject, "author": "" if public else g.commit.author}


def goalposts_view(kit: Kit, moves: tuple, at: Links) -> dict:
    t, h = kit.t, kit.history
    public = bool(h is not None and h.audience == "public")
    return {"title": t["goalposts.title"], "toc": [], "available": bool(h and h.available),
            "reason": h.reason if h else "", "rows": [goalpost_row(kit, at, g, public) for g in moves],
            "crumbs": kit.crumbs(at, (t["nav.changes"], at.page(HISTORY_PAGE)), (t["goalposts.title"], None)),
            "changes_url": at.page(HISTORY_PAGE)}


def site_address(site_url: str, src: str, directory_urls: bool = True) -> str:
    """A page's address as it is pasted elsewhere: absolute with ``site_url``, else from the site's root."""
    path = page_url(src, directory_urls)
    return (site_url.rstrip("/") + "/" + path) if site_url else "/" + path
