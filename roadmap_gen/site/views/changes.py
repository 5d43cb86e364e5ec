"""The changes page: the content's git history in roadmap terms, with the events the figures made."""

from __future__ import annotations

from typing import Any

from roadmap_gen.site.views.base import Kit, Links

GOALPOSTS_PAGE = "changes/goalposts.md"


def _entry(kit: Kit, e: Any, title: str, public: bool) -> dict:
    return {"anchor": e.commit.anchor, "date": kit.when(e.commit.date), "datetime": e.commit.date, "sha": e.commit.short,
            # what changed in the roadmap first; the commit second, and on a public site neither its subject
            # (it may name internal things) nor the people who committed
            "title": title or e.title or e.commit.subject,
            "subject": "" if public else e.commit.subject, "author": "" if public else e.commit.author,
            "lines": list(e.lines), "errors": e.errors, "event": False}


def _event(kit: Kit, ev: Any) -> dict:
    return {"anchor": ev.anchor, "date": kit.when(ev.date), "datetime": ev.date, "title": ev.headline, "event": True,
            "what": ev.what, "sha": ev.commit.short if ev.commit else "",
            "commit_anchor": ev.commit.anchor if ev.commit else ""}


def changes(kit: Kit, at: Links, terms: Any = None) -> dict:
    """``terms``: the history in roadmap terms (:class:`~roadmap_gen.git.terms.RoadmapTerms`): headlines and
    computed events; without them each commit is titled as the history titles it."""
    h = kit.history
    entries = []
    if h is not None and h.available:
        public = h.audience == "public"
        if terms is None:
            entries = [_entry(kit, e, "", public) for e in h.entries]
        else:
            entries = [_entry(kit, x, terms.headlines.get(x.commit.sha, ""), public) if kind == "commit"
                       else _event(kit, x) for kind, x in terms.timeline]
    return {"title": kit.t["changes.title"], "toc": [], "available": bool(h and h.available),
            "reason": h.reason if h else "", "entries": entries, "truncated": bool(h and h.truncated),
            "feed_url": "feed.xml", "goalposts_url": at.page(GOALPOSTS_PAGE) if h is not None else None,
            "crumbs": kit.crumbs(at, (kit.t["nav.changes"], None))}
