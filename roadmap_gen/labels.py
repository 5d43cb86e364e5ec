"""Every label the site writes, in English, Dutch and Swedish.

Chosen by ``theme.language`` (fallback English); each label can be overridden
with the plugin's ``labels`` option in mkdocs.yml.
"""

from __future__ import annotations

EN: dict[str, str] = {
    # navigation and page titles
    "nav.roadmap": "Roadmap", "nav.journey": "Journey", "nav.stages": "Stages", "nav.themes": "Themes",
    "nav.questions": "Questions", "nav.hypotheses": "Hypotheses", "nav.outcomes": "Outcomes",
    "nav.okrs": "OKRs", "nav.kpis": "KPIs", "nav.opportunities": "Opportunities", "nav.metrics": "Metrics",
    "nav.changes": "Changes",
    # kinds
    "kind.goal": "Goal", "kind.strategy": "Strategy", "kind.stage": "Stage", "kind.metric": "Metric",
    "kind.outcome": "Outcome", "kind.theme": "Theme", "kind.question": "Question",
    "kind.hypothesis": "Hypothesis", "kind.opportunity": "Opportunity", "kind.okr": "OKR",
    "kinds.goal": "Goals", "kinds.strategy": "Strategies", "kinds.stage": "Stages", "kinds.metric": "Metrics",
    "kinds.outcome": "Outcomes", "kinds.theme": "Themes", "kinds.question": "Questions",
    "kinds.hypothesis": "Hypotheses", "kinds.opportunity": "Opportunities", "kinds.okr": "OKRs",
    # VMGS
    "vmgs.vision": "Vision", "vmgs.mission": "Mission", "vmgs.goals": "Goals", "vmgs.strategies": "Strategies",
    "vmgs.yes": "What we say yes to", "vmgs.no": "What we say no to (for now)",
    "vmgs.tactics": "Tactics", "vmgs.inactive": "not pursued now", "vmgs.north_star": "North star",
    "vmgs.review": "Reviewed", "vmgs.review_every": "every", "vmgs.review_due": "next review due",
    "vmgs.overdue": "Review overdue", "vmgs.target": "Target", "vmgs.by": "by", "vmgs.goal": "Goal",
    "vmgs.metric": "Metric", "vmgs.no_goals": "No goals yet.", "vmgs.no_strategies": "No strategies yet.",
    # horizons
    "horizon.now": "Now", "horizon.next": "Next", "horizon.later": "Later", "horizon": "Horizon",
    # hypothesis statuses
    "status.idea": "Idea", "status.testing": "Testing", "status.validated": "Validated",
    "status.invalidated": "Invalidated", "status.parked": "Parked",
    # question statuses
    "status.open": "Open", "status.answered": "Answered", "status.dropped": "Dropped",
    # outcome statuses
    "status.achieved": "Achieved", "status.on-track": "On track", "status.at-risk": "At risk",
    "status.off-track": "Off track", "status.no-data": "No data",
    # experiment statuses
    "status.planned": "Planned", "status.running": "Running", "status.done": "Done",
    # okr
    "okr.period": "Period", "okr.score": "Score", "okr.key_results": "Key results", "okr.from": "From",
    "okr.to": "To", "okr.current": "Current", "okr.team": "Team", "okr.past": "Past", "okr.current_period": "Current",
    "okr.future": "Upcoming", "okr.light.green": "on track", "okr.light.amber": "at risk",
    "okr.light.red": "off track", "okr.light.none": "no score", "okr.thresholds":
        "Scores run from 0 to 1: green from 0.7, amber from 0.4, red below.",
    "okr.no_team": "No team",
    # metrics
    "metric.current": "Current", "metric.target": "Target", "metric.baseline": "Baseline",
    "metric.direction.up": "higher is better", "metric.direction.down": "lower is better",
    "metric.stale": "Stale", "metric.stale_since": "latest measurement", "metric.no_data": "No data yet",
    "metric.source": "Source", "metric.owner": "Owner", "metric.review": "Measured", "metric.measurements":
        "Measurements", "metric.date": "Date", "metric.value": "Value", "metric.note": "Note",
    "metric.notes": "Notes", "metric.trend": "Trend",
    "category.business": "Business performance", "category.customer": "Customer and user engagement",
    "category.development": "Product development",
    # items
    "item.status": "Status", "item.confidence": "Confidence", "item.team": "Team", "item.stages": "Stages",
    "item.stage": "Stage", "item.outcome": "Outcome", "item.outcomes": "Outcomes", "item.theme": "Theme",
    "item.question": "Question", "item.opportunity": "Opportunity", "item.parent": "Parent opportunity",
    "item.answer": "Answer", "item.strategy": "Strategy", "item.metric": "Metric", "item.horizon": "Horizon",
    "item.referenced_by": "Referenced by", "item.no_references": "Nothing refers to this yet.",
    "item.links": "Links", "item.notes": "Notes and evidence", "item.edit": "Edit this item",
    "item.history": "History", "item.by": "by",
    "confidence.low": "Low", "confidence.medium": "Medium", "confidence.high": "High",
    "hyp.we_believe": "We believe", "hyp.will_result_in": "will result in", "hyp.we_will_know_when":
        "We will know when", "hyp.experiments": "Experiments", "hyp.no_experiments": "No experiments yet.",
    "hyp.result": "Result", "hyp.statement": "Hypothesis",
    # stages and board
    "stage.boosters": "Boosters", "stage.blockers": "Blockers", "stage.boosters_help":
        "Behaviours that predict success", "stage.blockers_help": "Behaviours that predict failure",
    "stage.items": "Work on this stage", "stage.outcomes": "Outcomes", "stage.behaviours": "Behaviours",
    "board.title": "Customer journey", "board.intro":
        "Work placed on the customer journey, left to right, and on the horizon: now, next, later.",
    "board.empty": "Nothing here", "board.stage": "Stage",
    # trees
    "tree.title": "Opportunity solution tree", "tree.none": "No opportunities mapped yet.",
    "tree.experiments": "experiments", "tree.legend": "Outcome → opportunities → solutions → experiments",
    # filters
    "filter.title": "Filter", "filter.all": "All", "filter.status": "Status", "filter.horizon": "Horizon",
    "filter.theme": "Theme", "filter.team": "Team", "filter.kind": "Kind", "filter.clear": "Clear filters",
    "filter.shown": "shown", "filter.none": "Nothing matches these filters.",
    # misc
    "home.title": "Vision, mission, goals and strategies", "as_of": "As of", "none": "None",
    "kpis.title": "KPI dashboard", "kpis.intro": "Key performance indicators in three families.",
    "okrs.title": "Objectives and key results", "opportunities.title": "Opportunity solution trees",
    "changes.title": "Changes", "count.items": "items", "breadcrumb.home": "Roadmap",
    "index.empty": "None yet.", "progress.elapsed": "of time elapsed",
}

NL: dict[str, str] = {}
SV: dict[str, str] = {}

LANGUAGES: dict[str, dict[str, str]] = {"en": EN, "nl": NL, "sv": SV}


def labels_for(language: str | None, overrides: dict[str, str] | None = None) -> dict[str, str]:
    """English, then the language's labels, then the site's overrides."""
    lang = (language or "en").lower().replace("_", "-").split("-")[0]
    out = dict(EN)
    out.update(LANGUAGES.get(lang, {}))
    if overrides:
        out.update({str(k): str(v) for k, v in overrides.items()})
    return out
