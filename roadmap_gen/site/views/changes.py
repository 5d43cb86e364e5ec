"""The changes page: the content's git history in roadmap terms."""

from __future__ import annotations

from roadmap_gen.site.views.base import Kit, Links


def changes(kit: Kit, at: Links) -> dict:
    h = kit.history
    entries = []
    if h is not None and h.available:
        for e in h.entries:
            entries.append({"anchor": e.commit.anchor, "date": kit.when(e.commit.date), "datetime": e.commit.date,
                            # a public site does not name the people who committed
                            "sha": e.commit.short, "author": "" if h.audience == "public" else e.commit.author,
                            "title": e.title or e.commit.subject, "lines": list(e.lines), "errors": e.errors})
    return {"title": kit.t["changes.title"], "toc": [], "available": bool(h and h.available),
            "reason": h.reason if h else "", "entries": entries, "truncated": bool(h and h.truncated),
            "feed_url": "feed.xml", "crumbs": kit.crumbs(at, (kit.t["nav.changes"], None))}
