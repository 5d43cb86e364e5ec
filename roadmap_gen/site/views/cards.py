"""Cards (an item in a board cell or a list) and the filter form over them."""

from __future__ import annotations

from typing import Any

from roadmap_gen.format import model as m
from roadmap_gen.site.views.base import Kit, Links
from roadmap_gen.site.views.insights import Insights

CONFIDENCES = ("low", "medium", "high")


class Cards:
    """Cards for one build: what a card shows but its URLs is worked out once per item."""

    def __init__(self, kit: Kit, insights: Insights) -> None:
        self.kit, self.insights = kit, insights
        self._static: dict[tuple[str, str], tuple] = {}

    def card(self, at: Links, item: m.Item) -> dict[str, Any]:
        kit = self.kit
        static = self._static.get((item.kind, item.id))
        if static is None:
            theme = item.id if isinstance(item, m.Theme) else getattr(item, "theme", None)
            static = self._static[item.kind, item.id] = (
                kit.t[f"kind.{item.kind}"], kit.status(kit.status_of(item)), getattr(item, "horizon", ""),
                getattr(item, "team", None) or "", theme or "", " ".join(getattr(item, "stages", ())),
                _confidence(kit, getattr(item, "confidence", None)), self.insights.counts(item.kind, item.id))
        return {"kind": item.kind, "kind_label": static[0], "id": item.id, "title": item.title,
                "url": at.item(item.kind, item.id), "status": static[1], "horizon": static[2], "team": static[3],
                "theme": static[4], "stages": static[5], "confidence": static[6], "evidence": static[7],
                "outcomes": kit.refs(at, "outcome", getattr(item, "outcomes", ()))}

    def cards(self, at: Links, items) -> list[dict[str, Any]]:
        return [self.card(at, i) for i in items]


def _confidence(kit: Kit, level: str | None) -> dict | None:
    """A hypothesis's confidence on its card: its level, the label, and how many of three marks it fills."""
    if not level:
        return None
    return {"key": level, "label": f"{kit.t['item.confidence']}: {kit.t[f'confidence.{level}']}",
            "marks": CONFIDENCES.index(level) + 1, "of": len(CONFIDENCES)}


def filters(kit: Kit, cards: list[dict], kinds: bool = True) -> dict[str, Any]:
    """The filter form's groups (status, horizon, theme, team, confidence, kind), each only with two options or
    more."""
    t = kit.t

    def options(key: str, values) -> list[dict]:
        out = []
        for v in sorted({v for v in values if v}):
            theme = kit.r.get("theme", v) if key == "theme" else None
            out.append({"value": v, "label": theme.title if theme else v})
        return out

    statuses: dict[str, dict] = {}
    for c in cards:
        if c["status"] and c["status"]["key"] not in statuses:
            statuses[c["status"]["key"]] = {"value": c["status"]["key"], "label": c["status"]["label"]}
    groups = [
        {"key": "status", "label": t["filter.status"], "options": list(statuses.values())},
        {"key": "horizon", "label": t["filter.horizon"],
         "options": [{"value": h, "label": t[f"horizon.{h}"]} for h in m.HORIZONS
                     if any(c["horizon"] == h for c in cards)]},
        {"key": "theme", "label": t["filter.theme"], "options": options("theme", (c["theme"] for c in cards))},
        {"key": "team", "label": t["filter.team"], "options": options("team", (c["team"] for c in cards))},
        {"key": "confidence", "label": t["filter.confidence"],
         "options": [{"value": x, "label": t[f"confidence.{x}"]} for x in CONFIDENCES
                     if any(c["confidence"] and c["confidence"]["key"] == x for c in cards)]},
    ]
    if kinds:
        groups.append({"key": "kind", "label": t["filter.kind"],
                       "options": [{"value": k, "label": t[f"kinds.{k}"]} for k in m.KINDS
                                   if any(c["kind"] == k for c in cards)]})
    return {"groups": [g for g in groups if len(g["options"]) > 1], "total": len(cards)}
