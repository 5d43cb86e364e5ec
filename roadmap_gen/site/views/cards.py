"""Cards (an item in a board cell or a list) and the filter form over them."""

from __future__ import annotations

from typing import Any

from roadmap_gen.format import model as m
from roadmap_gen.site.views.base import Kit, Links


class Cards:
    """Cards for one build: what a card shows but its URLs is worked out once per item."""

    def __init__(self, kit: Kit) -> None:
        self.kit = kit
        self._static: dict[tuple[str, str], tuple] = {}

    def card(self, at: Links, item: m.Item) -> dict[str, Any]:
        kit = self.kit
        static = self._static.get((item.kind, item.id))
        if static is None:
            theme = item.id if isinstance(item, m.Theme) else getattr(item, "theme", None)
            static = self._static[item.kind, item.id] = (
                kit.t[f"kind.{item.kind}"], kit.status(kit.status_of(item)), getattr(item, "horizon", ""),
                getattr(item, "team", None) or "", theme or "", " ".join(getattr(item, "stages", ())),
                getattr(item, "confidence", None))
        return {"kind": item.kind, "kind_label": static[0], "id": item.id, "title": item.title,
                "url": at.item(item.kind, item.id), "status": static[1], "horizon": static[2], "team": static[3],
                "theme": static[4], "stages": static[5], "confidence": static[6],
                "outcomes": kit.refs(at, "outcome", getattr(item, "outcomes", ()))}

    def cards(self, at: Links, items) -> list[dict[str, Any]]:
        return [self.card(at, i) for i in items]


def filters(kit: Kit, cards: list[dict], kinds: bool = True) -> dict[str, Any]:
    """The filter form's groups (status, horizon, theme, team, kind), each only with two options or more."""
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
    ]
    if kinds:
        groups.append({"key": "kind", "label": t["filter.kind"],
                       "options": [{"value": k, "label": t[f"kinds.{k}"]} for k in m.KINDS
                                   if any(c["kind"] == k for c in cards)]})
    return {"groups": [g for g in groups if len(g["options"]) > 1], "total": len(cards)}
