"""OKR scoring rules: the traffic-light thresholds, one rule for the pages and roadmap.json."""

from __future__ import annotations

import math

SCORE_GREEN = 0.7
SCORE_AMBER = 0.4


def traffic_light(score: float | None) -> str:
    """'green' (>= SCORE_GREEN), 'amber' (>= SCORE_AMBER), 'red', or 'none' for no score.

    Scores are compared at the two decimals they are displayed with, so the
    colour always agrees with the printed number.
    """
    if score is None or not math.isfinite(score):
        return "none"
    s = round(score, 2)
    return "green" if s >= SCORE_GREEN else "amber" if s >= SCORE_AMBER else "red"
