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


def card_order(item: m.Item) -> tuple:
    """Cards in a board cell (and every list of cards): by ``order``, items without one last, then by title."""
    order = getattr(item, "order", None)
    return (order is None, order or 0, item.title.casefold(), item.title, item.kind, item.id)


class Related:
    """``related.<index>[id]`` lists the items that name ``id``, in card order (:func:`card_order`)."""

    def __init__(self, r: m.Roadmap) -> None:
        self.board_items: list[m.Item] = sorted([*r.themes, *r.questions, *r.hypotheses], key=card_order)
        hypotheses = sorted(r.hypotheses, key=card_order)
        self.theme = _group(sorted([*r.questions, *r.hypotheses], key=card_order), lambda i: (i.theme,))
        self.question = _group(hypotheses, lambda h: (h.question,))
        self.opportunity = _group(hypotheses, lambda h: (h.opportunity,))
        self.parent = _group(r.opportunities, lambda o: (o.parent,))
        self.root = _group([o for o in r.opportunities if not o.parent], lambda o: (o.outcome,))
        self.board_stage = _group(self.board_items, lambda i: i.stages)
        self.board_outcome = _group(self.board_items, lambda i: i.outcomes)
        self.outcome_stage = _group(r.outcomes, lambda o: o.stages)
        # the chain: goal -> strategies -> outcomes, a strategy's OKRs, the work carrying out each tactic
        self.goal_strategies = _group(r.strategies, lambda s: (s.goal,))
        self.strategy_outcomes = _group(r.outcomes, lambda o: (o.strategy,))
        self.strategy_okrs = _group(r.okrs, lambda o: (o.strategy,))
        self.tactic = _group(sorted([*r.themes, *r.hypotheses], key=card_order), lambda i: (i.tactic,))
