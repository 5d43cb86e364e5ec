"""Reverse references, worked out once per build."""

from __future__ import annotations

from roadmap_gen.format import model as m


def _group(items, keys) -> dict[str, list]:
    out: dict[str, list] = {}
    for it in items:
        for k in dict.fromkeys(keys(it)):
            if k:
                out.setdefault(k, []).append(it)
    return out


class Related:
    """``related.<index>[id]`` lists the items that name ``id``, in roadmap order."""

    def __init__(self, r: m.Roadmap) -> None:
        self.board_items: list[m.Item] = [*r.themes, *r.questions, *r.hypotheses]
        self.theme = _group([*r.questions, *r.hypotheses], lambda i: (i.theme,))
        self.question = _group(r.hypotheses, lambda h: (h.question,))
        self.opportunity = _group(r.hypotheses, lambda h: (h.opportunity,))
        self.parent = _group(r.opportunities, lambda o: (o.parent,))
        self.root = _group([o for o in r.opportunities if not o.parent], lambda o: (o.outcome,))
        self.board_stage = _group(self.board_items, lambda i: i.stages)
        self.board_outcome = _group(self.board_items, lambda i: i.outcomes)
        self.outcome_stage = _group(r.outcomes, lambda o: o.stages)
