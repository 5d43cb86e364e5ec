"""Insights and evidence: the insight pages, the insights index, the Evidence section of the items an
insight names, and the counts on their cards."""

from __future__ import annotations

from typing import Any

from roadmap_gen.format import model as m
from roadmap_gen.site.views.base import Kit, Links, toc_entry

EFFECTS = ("supports", "contradicts")


class Insights:
    """Everything the site shows of insights; what does not depend on the page is worked out once."""

    def __init__(self, kit: Kit) -> None:
        self.kit = kit
        self._counts: dict[tuple[str, str], dict | None] = {}

    # -- pieces ------------------------------------------------------------------------------
    def effect(self, effect: str) -> dict:
        """The badge of an insight's effect."""
        return {"key": effect, "label": self.kit.t[f"effect.{effect}"]}

    def counts(self, kind: str, id: str) -> dict | None:
        """``3 for · 1 against`` and its accessible label, for an item that insights name (else None)."""
        key = (kind, id)
        if key not in self._counts:
            ev = self.kit.f.evidence.get(key)
            self._counts[key] = None if ev is None else {
                "supports": ev.supports, "contradicts": ev.contradicts,
                "text": self.kit.t["evidence.counts"].format(supports=ev.supports, contradicts=ev.contradicts),
                "label": self.kit.t["evidence.counts_label"].format(supports=ev.supports,
                                                                    contradicts=ev.contradicts)}
        return self._counts[key]

    def entry(self, at: Links, insight: m.Insight) -> dict[str, Any]:
        """An insight in a list: its title, effect, where it comes from and when."""
        return {"id": insight.id, "title": insight.title, "url": at.item("insight", insight.id),
                "effect": self.effect(insight.effect), "source": insight.source_text,
                "segment": insight.segment or "", "date": self.kit.when(insight.date)}

    def names(self, at: Links, insight: m.Insight) -> list[dict]:
        """What an insight is evidence for (or against), grouped by kind in content-format order."""
        groups: dict[str, list[dict]] = {}
        for kind, id in dict.fromkeys(insight.names()):
            ref = self.kit.ref(at, kind, id) if kind in m.PLURAL else None
            if ref:
                groups.setdefault(kind, []).append(ref)
        return [{"kind": k, "label": self.kit.t[f"kinds.{k}"], "items": groups[k]} for k in m.KINDS if k in groups]

    # -- the Evidence section of an item page -------------------------------------------------
    def section(self, at: Links, kind: str, id: str) -> dict | None:
        """The insights that name an item, supporting and contradicting, newest first (None: no insight does)."""
        ev = self.kit.f.evidence.get((kind, id))
        if ev is None:
            return None
        found = [x for x in (self.kit.r.get("insight", i) for i in ev.insights) if x]
        groups = [{"effect": self.effect(e), "title": self.kit.t[f"evidence.{e}"],
                   "insights": [self.entry(at, x) for x in found if x.effect == e]} for e in EFFECTS]
        return {"counts": self.counts(kind, id), "groups": [g for g in groups if g["insights"]]}

    # -- pages ---------------------------------------------------------------------------------
    def page(self, at: Links, insight: m.Insight) -> tuple[dict[str, Any], list[dict]]:
        """What an insight's page shows besides its header: what it names. And its table of contents."""
        names = self.names(at, insight)
        title = self.kit.t[f"insight.{insight.effect}"]
        return {"effect": self.effect(insight.effect), "names": names, "names_title": title,
                "source_url": insight.url}, [toc_entry("evidence-for", title)]

    def index(self, at: Links) -> dict[str, Any]:
        """``insights/``: every insight, newest first, with filters by source, segment and effect."""
        kit, t = self.kit, self.kit.t
        items = sorted(kit.r.insights, key=lambda i: (-i.date.toordinal(), i.id))
        entries = [{**self.entry(at, i), "names": self.names(at, i)} for i in items]
        groups = [
            {"key": "source", "label": t["filter.source"], "options": _options(e["source"] for e in entries)},
            {"key": "segment", "label": t["filter.segment"], "options": _options(e["segment"] for e in entries)},
            {"key": "effect", "label": t["filter.effect"], "options": [
                {"value": e, "label": t[f"effect.{e}"]} for e in EFFECTS if any(x.effect == e for x in items)]},
        ]
        return {"title": t["insights.title"], "toc": [], "insights": entries,
                "crumbs": kit.crumbs(at, (t["kinds.insight"], None)),
                "filters": {"groups": [g for g in groups if len(g["options"]) > 1], "total": len(entries)}}


def _options(values) -> list[dict]:
    return [{"value": v, "label": v} for v in sorted({v for v in values if v}, key=str.casefold)]


def key_facts(kit: Kit, insight: m.Insight) -> list[str]:
    """What search shows of an insight besides its text: kind, effect, source, segment, date; what it names."""
    t = kit.t
    names = [x.title for x in (kit.r.get(k, i) for k, i in insight.names() if k in m.PLURAL) if x]
    head = (t["kind.insight"], t[f"effect.{insight.effect}"], insight.source_text, insight.segment or "",
            kit.when(insight.date)["text"])
    return [" · ".join(x for x in head if x), " · ".join(names)]
