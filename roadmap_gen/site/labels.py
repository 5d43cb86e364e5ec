"""Every label the site writes, in English, Dutch and Swedish.

Chosen by ``theme.language`` (fallback English); each label can be overridden
with the plugin's ``labels`` option in mkdocs.yml.

The ``chart.*`` labels are the words drawn inside charts (see
:data:`roadmap_gen.site.charts.DEFAULT_WORDS`, which the English ones are taken
from); ``chart.day`` and ``chart.month.*`` write every date the site shows, and
the ``cadence.*`` labels every cadence (:mod:`roadmap_gen.site.phrasing`). Values
with ``{placeholders}`` are templates: keep the placeholders when translating or
overriding them (``cadence.days``, ``.weeks`` and ``.months`` take ``{n}``, ``{nth}`` or both).

Terminology follows the Dutch and Swedish source material of roadmap-gen: Dutch VMGS is
Visie, Missie, Doelen, Strategieën; outcomes are *resultaten*, opportunities
*kansen*, metrics *statistieken*, key results *kernresultaten*. Swedish VMGS is
Vision, Uppdrag, Mål, Strategier; key results are *nyckelresultat*, and the
plural of OKR is written *OKR:s*.
"""

from __future__ import annotations

from roadmap_gen.site.charts import DEFAULT_WORDS

# -- roadmap health (the health/ page): one block per language, merged into EN, NL and SV below ---------

_HEALTH_EN: dict[str, str] = {
    "nav.health": "Health", "health.title": "Roadmap health",
    "health.intro": "Where the roadmap is valid but does not follow the method yet. Findings never fail a build; "
                    "roadmap-gen check lists them too, and fails on them with --strict.",
    "health.healthy": "Healthy: the roadmap follows all {total} rules of the method.",
    "health.count": "{count} findings under {rules} of {total} rules.",
    "health.count_one": "1 finding under {rules} of {total} rules.",
    "health.todo": "What to do:", "health.where": "Where to edit it", "health.followed": "Rules followed",
    "health.ignored": "Rules switched off",
    "health.ignored_intro": "The site's mkdocs.yml switches these rules off (health: ignore).",
    "health.missing": "missing: {fields}",
    "health.key_results": "{count} key results", "health.last_measured": "last measured {date}",
    "health.due": "review due {date}",
    "health.rule.hypothesis-without-outcome": "Hypotheses without an outcome",
    "health.why.hypothesis-without-outcome":
        "A hypothesis bets on a change in behaviour: without the outcome it should move, nobody can tell whether "
        "the bet paid off.",
    "health.fix.hypothesis-without-outcome": "Name the outcome it should move in the outcome field of the hypothesis.",
    "health.rule.goal-not-measurable": "Goals that cannot be measured",
    "health.why.goal-not-measurable":
        "A goal needs a metric, a value to reach and a date to reach it by, or nobody can say whether it is on track.",
    "health.fix.goal-not-measurable": "Give the goal a metric, a target and a by date in roadmap.yml.",
    "health.rule.strategy-without-metric": "Active strategies without a metric",
    "health.why.strategy-without-metric":
        "A strategy we say yes to needs a sub-goal metric that shows whether it is working.",
    "health.fix.strategy-without-metric": "Give the strategy a metric in roadmap.yml, or mark it active: false.",
    "health.rule.outcome-without-team": "Outcomes without a team",
    "health.why.outcome-without-team": "A change in behaviour needs an owner: an outcome without a team is nobody's job.",
    "health.fix.outcome-without-team": "Fill in the team field of the outcome.",
    "health.rule.outcome-without-work": "Outcomes nobody works on",
    "health.why.outcome-without-work":
        "An outcome that no theme, question or hypothesis on the now or next horizon works on is a wish, not a plan.",
    "health.fix.outcome-without-work":
        "Plan a theme, question or hypothesis for it now or next (directly, or a hypothesis under one of its "
        "opportunities), or drop the outcome.",
    "health.rule.too-many-key-results": "Objectives with too many key results",
    "health.why.too-many-key-results": "More than five key results blur an objective: focus on the few that matter.",
    "health.fix.too-many-key-results": "Keep at most five: split the objective or drop the weakest key results.",
    "health.rule.testing-without-experiment": "Hypotheses in testing without an experiment",
    "health.why.testing-without-experiment":
        "A hypothesis is only being tested while an experiment is planned or running.",
    "health.fix.testing-without-experiment": "Plan an experiment in the experiments list of the hypothesis, or change its status.",
    "health.rule.review-overdue": "Review overdue",
    "health.why.review-overdue":
        "Vision, mission, goals and strategies are reviewed at a fixed rhythm, so the roadmap keeps pointing the "
        "right way.",
    "health.fix.review-overdue": "Review them together, then set review.last in roadmap.yml.",
    "health.rule.metric-stale": "Stale metrics",
    "health.why.metric-stale": "Statuses and scores computed from old measurements look precise but may be wrong.",
    "health.fix.metric-stale": "Add the latest measurement to the metric's CSV file.",
    "health.rule.blocker-unaddressed": "Blockers nobody addresses",
    "health.why.blocker-unaddressed":
        "A blocker predicts failure: one that no outcome, opportunity or work aims at is a known risk left alone.",
    "health.fix.blocker-unaddressed":
        "Aim an outcome, opportunity, theme, question or hypothesis at it: list its id in their behaviours field.",
}

_HEALTH_NL: dict[str, str] = {
    "nav.health": "Gezondheid", "health.title": "Gezondheid van de roadmap",
    "health.intro": "Waar de roadmap geldig is maar de methode nog niet volgt. Bevindingen laten een build nooit "
                    "mislukken; roadmap-gen check toont ze ook, en faalt erop met --strict.",
    "health.healthy": "Gezond: de roadmap volgt alle {total} regels van de methode.",
    "health.count": "{count} bevindingen bij {rules} van de {total} regels.",
    "health.count_one": "1 bevinding bij {rules} van de {total} regels.",
    "health.todo": "Wat te doen:", "health.where": "Waar je het aanpast", "health.followed": "Regels die gevolgd worden",
    "health.ignored": "Uitgeschakelde regels",
    "health.ignored_intro": "De mkdocs.yml van de site schakelt deze regels uit (health: ignore).",
    "health.missing": "ontbreekt: {fields}",
    "health.key_results": "{count} kernresultaten", "health.last_measured": "laatst gemeten {date}",
    "health.due": "herziening gepland op {date}",
    "health.rule.hypothesis-without-outcome": "Hypotheses zonder resultaat",
    "health.why.hypothesis-without-outcome":
        "Een hypothese is een weddenschap op ander gedrag: zonder het resultaat dat ze moet bewegen weet niemand of "
        "de weddenschap is gewonnen.",
    "health.fix.hypothesis-without-outcome": "Noem het resultaat dat ze moet bewegen in het veld outcome van de hypothese.",
    "health.rule.goal-not-measurable": "Doelen die niet meetbaar zijn",
    "health.why.goal-not-measurable":
        "Een doel heeft een statistiek, een streefwaarde en een datum nodig, anders kan niemand zeggen of het op "
        "koers ligt.",
    "health.fix.goal-not-measurable": "Geef het doel in roadmap.yml een statistiek, een streefwaarde en een einddatum.",
    "health.rule.strategy-without-metric": "Actieve strategieën zonder statistiek",
    "health.why.strategy-without-metric":
        "Een strategie waar we ja tegen zeggen heeft een subdoel-statistiek nodig die laat zien of ze werkt.",
    "health.fix.strategy-without-metric": "Geef de strategie een metric in roadmap.yml, of markeer haar met active: false.",
    "health.rule.outcome-without-team": "Resultaten zonder team",
    "health.why.outcome-without-team": "Ander gedrag heeft een eigenaar nodig: een resultaat zonder team is van niemand.",
    "health.fix.outcome-without-team": "Vul het veld team van het resultaat in.",
    "health.rule.outcome-without-work": "Resultaten waar niemand aan werkt",
    "health.why.outcome-without-work":
        "Een resultaat waar geen thema, vraag of hypothese op de horizon nu of straks aan werkt, is een wens en geen "
        "plan.",
    "health.fix.outcome-without-work":
        "Plan er een thema, vraag of hypothese voor op nu of straks (direct, of een hypothese onder een van zijn "
        "kansen), of laat het resultaat vallen.",
    "health.rule.too-many-key-results": "Doelstellingen met te veel kernresultaten",
    "health.why.too-many-key-results":
        "Meer dan vijf kernresultaten maken een doelstelling vaag: richt je op de paar die ertoe doen.",
    "health.fix.too-many-key-results": "Houd er hooguit vijf: splits de doelstelling of schrap de zwakste.",
    "health.rule.testing-without-experiment": "Hypotheses in test zonder experiment",
    "health.why.testing-without-experiment":
        "Een hypothese wordt alleen getest zolang er een experiment gepland staat of loopt.",
    "health.fix.testing-without-experiment": "Plan een experiment bij de hypothese, of wijzig haar status.",
    "health.rule.review-overdue": "Herziening te laat",
    "health.why.review-overdue":
        "Visie, missie, doelen en strategieën worden in een vast ritme herzien, zodat de roadmap de goede kant op "
        "blijft wijzen.",
    "health.fix.review-overdue": "Herzie ze samen en zet daarna review.last in roadmap.yml.",
    "health.rule.metric-stale": "Verouderde statistieken",
    "health.why.metric-stale": "Statussen en scores uit oude metingen lijken precies, maar kunnen niet kloppen.",
    "health.fix.metric-stale": "Voeg de nieuwste meting toe aan het CSV-bestand van de statistiek.",
    "health.rule.blocker-unaddressed": "Remmers die niemand aanpakt",
    "health.why.blocker-unaddressed":
        "Een remmer voorspelt falen: een remmer waar geen resultaat, kans of werk op mikt, is een bekend risico dat "
        "blijft liggen.",
    "health.fix.blocker-unaddressed":
        "Richt een resultaat, kans, thema, vraag of hypothese erop: zet de id in hun veld behaviours.",
}

_HEALTH_SV: dict[str, str] = {
    "nav.health": "Hälsa", "health.title": "Färdplanens hälsa",
    "health.intro": "Där färdplanen är giltig men ännu inte följer metoden. Fynd får aldrig ett bygge att "
                    "misslyckas; roadmap-gen check visar dem också, och misslyckas på dem med --strict.",
    "health.healthy": "Frisk: färdplanen följer alla {total} regler i metoden.",
    "health.count": "{count} fynd under {rules} av {total} regler.",
    "health.count_one": "1 fynd under {rules} av {total} regler.",
    "health.todo": "Att göra:", "health.where": "Var du ändrar det", "health.followed": "Regler som följs",
    "health.ignored": "Avstängda regler",
    "health.ignored_intro": "Webbplatsens mkdocs.yml stänger av de här reglerna (health: ignore).",
    "health.missing": "saknas: {fields}",
    "health.key_results": "{count} nyckelresultat", "health.last_measured": "senast mätt {date}",
    "health.due": "granskning planerad {date}",
    "health.rule.hypothesis-without-outcome": "Hypoteser utan resultat",
    "health.why.hypothesis-without-outcome":
        "En hypotes är ett vad om ett ändrat beteende: utan resultatet den ska påverka kan ingen säga om vadet lönade "
        "sig.",
    "health.fix.hypothesis-without-outcome": "Ange resultatet den ska påverka i hypotesens fält outcome.",
    "health.rule.goal-not-measurable": "Mål som inte går att mäta",
    "health.why.goal-not-measurable":
        "Ett mål behöver ett mätvärde, ett värde att nå och ett datum att nå det, annars kan ingen säga om det är på "
        "rätt spår.",
    "health.fix.goal-not-measurable": "Ge målet ett mätvärde, ett målvärde och ett slutdatum i roadmap.yml.",
    "health.rule.strategy-without-metric": "Aktiva strategier utan mätvärde",
    "health.why.strategy-without-metric":
        "En strategi vi säger ja till behöver ett delmålsmätvärde som visar om den fungerar.",
    "health.fix.strategy-without-metric": "Ge strategin ett metric i roadmap.yml, eller markera den med active: false.",
    "health.rule.outcome-without-team": "Resultat utan team",
    "health.why.outcome-without-team": "Ett ändrat beteende behöver en ägare: ett resultat utan team är ingens uppgift.",
    "health.fix.outcome-without-team": "Fyll i resultatets fält team.",
    "health.rule.outcome-without-work": "Resultat som ingen arbetar med",
    "health.why.outcome-without-work":
        "Ett resultat som inget tema, ingen fråga och ingen hypotes på horisonten nu eller nästa arbetar med är en "
        "önskan, inte en plan.",
    "health.fix.outcome-without-work":
        "Planera ett tema, en fråga eller en hypotes för det nu eller nästa (direkt, eller en hypotes under en av "
        "dess möjligheter), eller stryk resultatet.",
    "health.rule.too-many-key-results": "Mål med för många nyckelresultat",
    "health.why.too-many-key-results":
        "Fler än fem nyckelresultat gör ett mål otydligt: fokusera på de få som betyder något.",
    "health.fix.too-many-key-results": "Behåll högst fem: dela upp målet eller stryk de svagaste.",
    "health.rule.testing-without-experiment": "Hypoteser som testas utan experiment",
    "health.why.testing-without-experiment":
        "En hypotes testas bara så länge ett experiment är planerat eller pågår.",
    "health.fix.testing-without-experiment": "Planera ett experiment för hypotesen, eller ändra dess status.",
    "health.rule.review-overdue": "Granskningen är försenad",
    "health.why.review-overdue":
        "Vision, uppdrag, mål och strategier granskas i en fast rytm, så att färdplanen fortsätter att peka åt rätt "
        "håll.",
    "health.fix.review-overdue": "Granska dem tillsammans och sätt sedan review.last i roadmap.yml.",
    "health.rule.metric-stale": "Inaktuella mätvärden",
    "health.why.metric-stale": "Statusar och poäng från gamla mätningar ser exakta ut men kan vara fel.",
    "health.fix.metric-stale": "Lägg till den senaste mätningen i mätvärdets CSV-fil.",
    "health.rule.blocker-unaddressed": "Hinder som ingen tar itu med",
    "health.why.blocker-unaddressed":
        "Ett hinder förutsäger misslyckande: ett hinder som inget resultat, ingen möjlighet och inget arbete siktar på "
        "är en känd risk som lämnas orörd.",
    "health.fix.blocker-unaddressed":
        "Rikta ett resultat, en möjlighet, ett tema, en fråga eller en hypotes mot det: skriv dess id i deras fält behaviours.",
}


EN: dict[str, str] = {
    # navigation and page titles
    "nav.roadmap": "Roadmap", "nav.journey": "Journey", "nav.stages": "Stages", "nav.themes": "Themes",
    "nav.questions": "Questions", "nav.hypotheses": "Hypotheses", "nav.outcomes": "Outcomes",
    "nav.okrs": "OKRs", "nav.kpis": "KPIs", "nav.opportunities": "Opportunities", "nav.metrics": "Metrics",
    "nav.changes": "Changes", "nav.work": "Work", "nav.discovery": "Discovery", "nav.measures": "Measures", "nav.history": "History",
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
    "vmgs.review": "Reviewed", "vmgs.review_due": "next review due",
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
    "okr.no_team": "No team", "okr.unit": "Unit",
    # metrics
    "metric.current": "Current", "metric.target": "Target", "metric.baseline": "Baseline",
    "metric.direction": "Direction", "metric.direction.up": "Higher is better",
    "metric.direction.down": "Lower is better",
    "metric.stale": "Stale", "metric.stale_since": "Latest measurement", "metric.no_data": "No data yet",
    "metric.source": "Source", "metric.owner": "Owner", "metric.review": "Measured", "metric.measurements":
        "Measurements", "metric.date": "Date", "metric.value": "Value", "metric.note": "Note",
    "metric.notes": "Notes", "metric.trend": "Trend",
    "category.business": "Business performance", "category.customer": "Customer and user engagement",
    "category.development": "Product development",
    # cadences (`review: monthly`, `every: 3 months`): {n} is the number, {nth} its ordinal
    "cadence.daily": "daily", "cadence.weekly": "weekly", "cadence.monthly": "monthly",
    "cadence.quarterly": "quarterly", "cadence.yearly": "yearly", "cadence.days": "every {n} days",
    "cadence.weeks": "every {n} weeks", "cadence.months": "every {n} months",
    "cadence.ordinals": "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth",
    "cadence.nth_suffixes": "th st nd rd th th th th th th",  # after digits, by the last digit 0-9
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
    "stage.items": "Work on this stage", "theme.items": "Work under this theme",
    "outcome.items": "Work towards this outcome", "stage.outcomes": "Outcomes", "stage.behaviours": "Behaviours",
    "board.title": "Customer journey", "board.intro":
        "Work placed on the customer journey, left to right, and on the horizon: now, next, later.",
    "board.empty": "Nothing here", "board.stage": "Stage",
    # trees
    "tree.title": "Opportunity solution tree", "tree.none": "No opportunities mapped yet.",
    "tree.experiments": "experiments", "tree.legend": "Outcome → opportunities → solutions → experiments",
    "tree.unrooted": "Opportunities not linked to an outcome",
    "scroll.hint": "Wider than the page: scroll sideways to see all of it →",
    # filters
    "filter.title": "Filter", "filter.all": "All", "filter.status": "Status", "filter.horizon": "Horizon",
    "filter.theme": "Theme", "filter.team": "Team", "filter.kind": "Kind", "filter.clear": "Clear filters",
    "filter.shown": "shown", "filter.none": "Nothing matches these filters.",
    # insights and evidence
    "nav.insights": "Insights", "kind.insight": "Insight", "kinds.insight": "Insights",
    "nav.behaviours": "Behaviours", "kind.behaviour": "Behaviour", "kinds.behaviour": "Behaviours",
    "nav.journeys": "Journeys", "kind.journey": "Journey", "kinds.journey": "Journeys",
    "insights.title": "Insights", "insights.intro":
        "What we learned from customers and data, newest first, and what each insight is evidence for or against.",
    "effect.supports": "Supports", "effect.contradicts": "Contradicts",
    "evidence.title": "Evidence", "evidence.supports": "Supporting", "evidence.contradicts": "Contradicting",
    "evidence.counts": "{supports} for · {contradicts} against",
    "evidence.counts_label": "Evidence from insights: {supports} for, {contradicts} against",
    "insight.source": "Source", "insight.segment": "Segment", "insight.date": "Date", "insight.link": "Link",
    "insight.supports": "Evidence for", "insight.contradicts": "Evidence against",
    "insight.names_none": "It names no item yet.",
    "filter.source": "Source", "filter.segment": "Segment", "filter.effect": "Effect",
    "filter.confidence": "Confidence",
    # misc
    "home.title": "Vision, mission, goals and strategies",
    "errors.title": "Roadmap errors", "errors.heading": "The roadmap has {count} errors",
    "errors.heading_one": "The roadmap has 1 error", "errors.intro":
        "mkdocs serve shows this page instead of the roadmap until the errors are fixed, and reloads when they are. "
        "roadmap-gen check lists the same errors.",
    "home.no_outcomes": "No outcome yet", "count.item": "item", "home.on_the_board": "on the journey board",
    "home.open_board": "Open the journey board →", "as_of": "As of", "none": "None",
    "kpis.title": "KPI dashboard", "kpis.intro": "Key performance indicators in three families.",
    "okrs.title": "Objectives and key results", "opportunities.title": "Opportunity solution trees",
    "changes.intro": "What changed in the roadmap, commit by commit, newest first.", "changes.unavailable": "No history to show", "changes.feed": "Subscribe to changes (Atom feed)", "changes.truncated": "Older changes are left out.", "changes.errors": "content errors at this commit", "changes.none": "No changes yet.", "changes.title": "Changes", "count.items": "items", "breadcrumb.home": "Roadmap",
    "breadcrumb.label": "Breadcrumb", "index.empty": "None yet.", "progress.elapsed": "of time elapsed",
    # reviews, goalposts, the review pack, embeds
    "nav.reviews": "Reviews", "reviews.title": "Reviews", "reviews.review": "Review",
    "reviews.intro": "What changed in the roadmap since each review: targets, statuses, moves and measurements.",
    "reviews.since_last": "Since the last review", "reviews.since_intro": "Everything that changed between the review",
    "reviews.since_until": "and this edition of the roadmap", "reviews.all": "Every review",
    "reviews.since_previous": "Changes since the review before it", "reviews.first": "The first review: nothing before it to compare with.",
    "reviews.errors": "The roadmap had content errors at this review, so it cannot be compared.",
    "reviews.none": "No review has been marked yet. Mark the roadmap as reviewed with a git tag, and push it:",
    "reviews.unavailable": "No reviews to show", "reviews.nothing": "Nothing changed in the roadmap.",
    "reviews.pack": "Review pack (print or save as PDF)", "reviews.previous": "Previous review",
    "diff.status": "Status changes", "diff.targets": "Targets and deadlines", "diff.moves": "Moves",
    "diff.scores": "OKR scores", "diff.measurements": "New measurements", "diff.added": "New",
    "diff.removed": "Removed", "diff.edited": "Edited", "diff.roadmap": "Vision, mission and journey",
    "diff.item": "Item", "diff.what": "What", "diff.before": "Before", "diff.after": "After",
    "diff.target": "Target", "diff.deadline": "Deadline", "diff.start": "Start", "diff.experiment": "Experiment",
    "goalposts.title": "Goalposts", "goalposts.intro":
        "Every change of a target value or deadline, newest first: what was promised, and when that changed.",
    "goalposts.none": "No target or deadline has changed.", "goalposts.date": "Date", "goalposts.commit": "Commit",
    "goalposts.moved": "Goalpost moved", "goalposts.link": "Goalposts: every change of a target or deadline",
    "changes.event": "Computed", "changes.commit": "Commit",
    "pack.title": "Review pack", "pack.as_of": "Figures as of", "pack.board": "Customer journey",
    "pack.outcomes": "Outcomes", "pack.kpis": "KPIs", "pack.okrs": "OKRs", "pack.print": "Print",
    "pack.no_review": "No review has been marked yet (git tag", "pack.full_site": "Full roadmap",
    "embed.title": "Embed", "embed.help":
        "Paste this into an intranet page: Confluence's iframe macro or SharePoint's Embed web part.",
    "embed.relative": "Set site_url in mkdocs.yml to get the full address.", "embed.open": "Open the full roadmap",
    "doc.lang": "en",
    # the chain: goal and strategy pages, what key results name, stale markers
    "stale.flag": "Stale data", "stale.latest": "latest measurement",
    "goal.strategies_none": "No strategy names this goal yet.", "goal.okrs": "OKRs of these strategies",
    "goal.metric_none": "This goal names no metric, so it has no status.",
    "strategy.active": "Active", "strategy.yes": "Yes", "strategy.no": "No, not pursued now",
    "strategy.metric": "Sub-goal metric", "strategy.metric_none": "This strategy names no sub-goal metric.",
    "strategy.outcomes_none": "No outcome names this strategy yet.",
    "strategy.work": "Themes, questions and hypotheses of its outcomes",
    "strategy.work_none": "Nothing on the board works on its outcomes yet.",
    "tactic.items": "Work on this tactic",
    "okr.outcome": "Outcome", "okr.hypotheses": "Hypotheses", "okr.via_outcome": "the outcome's metric",
    "item.key_results": "Key results naming it", "item.tactic": "Tactic",
    # words inside charts
    **{f"chart.{key}": word for key, word in DEFAULT_WORDS.items()},
    **_HEALTH_EN,
    # journeys and behaviours (content format 1.1)
    "board.intro_journeys": "One board per journey, one after the other: work placed on each journey, left to "
                            "right, and on the horizon: now, next, later.",
    "journey.all": "All journeys on one page", "journeys.intro":
        "One journey per actor whose behaviour the roadmap wants to change, each with its own board.",
    "behaviours.intro": "Boosters and blockers with an id, by journey and stage, with the number of items aimed at "
                        "each. A blocker nothing aims at is marked unaddressed.",
    "behaviour.type": "Type", "behaviour.type.booster": "Booster", "behaviour.type.blocker": "Blocker",
    "behaviour.unaddressed": "Unaddressed", "behaviour.unaddressed_count": "{count} unaddressed",
    "behaviour.unaddressed_help":
        "No outcome, opportunity, theme, question or hypothesis aims at this blocker yet.",
    "behaviour.none_aimed": "Nothing aims at this behaviour yet.", "behaviour.aimed": "Aimed at this behaviour",
    "behaviour.work": "Work",
}

NL: dict[str, str] = {
    # navigation and page titles
    "nav.roadmap": "Roadmap", "nav.journey": "Klantreis", "nav.stages": "Fasen", "nav.themes": "Thema's",
    "nav.questions": "Vragen", "nav.hypotheses": "Hypotheses", "nav.outcomes": "Resultaten",
    "nav.okrs": "OKR's", "nav.kpis": "KPI's", "nav.opportunities": "Kansen", "nav.metrics": "Statistieken",
    "nav.changes": "Wijzigingen", "nav.work": "Werk", "nav.discovery": "Ontdekken", "nav.measures": "Meten", "nav.history": "Geschiedenis",
    # kinds
    "kind.goal": "Doel", "kind.strategy": "Strategie", "kind.stage": "Fase", "kind.metric": "Statistiek",
    "kind.outcome": "Resultaat", "kind.theme": "Thema", "kind.question": "Vraag",
    "kind.hypothesis": "Hypothese", "kind.opportunity": "Kans", "kind.okr": "OKR",
    "kinds.goal": "Doelen", "kinds.strategy": "Strategieën", "kinds.stage": "Fasen",
    "kinds.metric": "Statistieken", "kinds.outcome": "Resultaten", "kinds.theme": "Thema's",
    "kinds.question": "Vragen", "kinds.hypothesis": "Hypotheses", "kinds.opportunity": "Kansen",
    "kinds.okr": "OKR's",
    # VMGS
    "vmgs.vision": "Visie", "vmgs.mission": "Missie", "vmgs.goals": "Doelen", "vmgs.strategies": "Strategieën",
    "vmgs.yes": "Waar we ja tegen zeggen", "vmgs.no": "Waar we (voorlopig) nee tegen zeggen",
    "vmgs.tactics": "Tactieken", "vmgs.inactive": "nu niet actief", "vmgs.north_star": "Poolster",
    "vmgs.review": "Herzien op", "vmgs.review_due": "volgende herziening",
    "vmgs.overdue": "Herziening te laat", "vmgs.target": "Streefwaarde", "vmgs.by": "uiterlijk",
    "vmgs.goal": "Doel", "vmgs.metric": "Statistiek", "vmgs.no_goals": "Nog geen doelen.",
    "vmgs.no_strategies": "Nog geen strategieën.",
    # horizons
    "horizon.now": "Nu", "horizon.next": "Straks", "horizon.later": "Later", "horizon": "Horizon",
    # hypothesis statuses
    "status.idea": "Idee", "status.testing": "Wordt getest", "status.validated": "Gevalideerd",
    "status.invalidated": "Ontkracht", "status.parked": "Geparkeerd",
    # question statuses
    "status.open": "Open", "status.answered": "Beantwoord", "status.dropped": "Vervallen",
    # outcome statuses
    "status.achieved": "Behaald", "status.on-track": "Op koers", "status.at-risk": "Loopt risico",
    "status.off-track": "Uit koers", "status.no-data": "Geen gegevens",
    # experiment statuses
    "status.planned": "Gepland", "status.running": "Loopt", "status.done": "Afgerond",
    # okr
    "okr.period": "Periode", "okr.score": "Score", "okr.key_results": "Kernresultaten", "okr.from": "Van",
    "okr.to": "Naar", "okr.current": "Huidig", "okr.team": "Team", "okr.past": "Afgelopen",
    "okr.current_period": "Lopend", "okr.future": "Komend", "okr.light.green": "op koers",
    "okr.light.amber": "loopt risico", "okr.light.red": "uit koers", "okr.light.none": "geen score",
    "okr.thresholds": "Scores lopen van 0 tot 1: groen vanaf 0,7, oranje vanaf 0,4, rood daaronder.",
    "okr.no_team": "Geen team", "okr.unit": "Eenheid",
    # metrics
    "metric.current": "Huidig", "metric.target": "Streefwaarde", "metric.baseline": "Uitgangswaarde",
    "metric.direction": "Richting", "metric.direction.up": "Hoger is beter",
    "metric.direction.down": "Lager is beter",
    "metric.stale": "Verouderd", "metric.stale_since": "Laatste meting", "metric.no_data": "Nog geen gegevens",
    "metric.source": "Bron", "metric.owner": "Eigenaar", "metric.review": "Gemeten",
    "metric.measurements": "Metingen", "metric.date": "Datum", "metric.value": "Waarde",
    "metric.note": "Opmerking", "metric.notes": "Opmerkingen", "metric.trend": "Trend",
    "category.business": "Bedrijfsprestaties", "category.customer": "Klant- en gebruikersbetrokkenheid",
    "category.development": "Productontwikkeling",
    # cadences
    "cadence.daily": "dagelijks", "cadence.weekly": "wekelijks", "cadence.monthly": "maandelijks",
    "cadence.quarterly": "elk kwartaal", "cadence.yearly": "jaarlijks", "cadence.days": "elke {n} dagen",
    "cadence.weeks": "elke {n} weken", "cadence.months": "elke {n} maanden",
    "cadence.ordinals": "eerste tweede derde vierde vijfde zesde zevende achtste negende tiende elfde twaalfde",
    "cadence.nth_suffixes": "e e e e e e e e e e",
    # items
    "item.status": "Status", "item.confidence": "Vertrouwen", "item.team": "Team", "item.stages": "Fasen",
    "item.stage": "Fase", "item.outcome": "Resultaat", "item.outcomes": "Resultaten", "item.theme": "Thema",
    "item.question": "Vraag", "item.opportunity": "Kans", "item.parent": "Bovenliggende kans",
    "item.answer": "Antwoord", "item.strategy": "Strategie", "item.metric": "Statistiek",
    "item.horizon": "Horizon", "item.referenced_by": "Wordt genoemd door",
    "item.no_references": "Nog niets verwijst hiernaar.", "item.links": "Links",
    "item.notes": "Notities en onderbouwing", "item.edit": "Dit item bewerken", "item.history": "Geschiedenis",
    "item.by": "door",
    "confidence.low": "Laag", "confidence.medium": "Gemiddeld", "confidence.high": "Hoog",
    "hyp.we_believe": "Wij geloven dat", "hyp.will_result_in": "zal leiden tot",
    "hyp.we_will_know_when": "We weten het wanneer", "hyp.experiments": "Experimenten",
    "hyp.no_experiments": "Nog geen experimenten.", "hyp.result": "Uitkomst", "hyp.statement": "Hypothese",
    # stages and board
    "stage.boosters": "Versnellers", "stage.blockers": "Remmers",
    "stage.boosters_help": "Gedrag dat succes voorspelt", "stage.blockers_help": "Gedrag dat falen voorspelt",
    "stage.items": "Werk in deze fase", "theme.items": "Werk binnen dit thema",
    "outcome.items": "Werk aan dit resultaat", "stage.outcomes": "Resultaten", "stage.behaviours": "Gedrag",
    "board.title": "Klantreis",
    "board.intro": "Werk geplaatst op de klantreis, van links naar rechts, en op de horizon: nu, straks, later.",
    "board.empty": "Niets hier", "board.stage": "Fase",
    # trees
    "tree.title": "Boom voor oplossingen en kansen", "tree.none": "Nog geen kansen in kaart gebracht.",
    "tree.unrooted": "Kansen die niet aan een resultaat gekoppeld zijn",
    "scroll.hint": "Breder dan de pagina: scroll opzij om alles te zien →",
    "tree.experiments": "experimenten", "tree.legend": "Resultaat → kansen → oplossingen → experimenten",
    # filters
    "filter.title": "Filter", "filter.all": "Alle", "filter.status": "Status", "filter.horizon": "Horizon",
    "filter.theme": "Thema", "filter.team": "Team", "filter.kind": "Soort", "filter.clear": "Filters wissen",
    "filter.shown": "getoond", "filter.none": "Niets voldoet aan deze filters.",
    # inzichten en bewijs
    "nav.insights": "Inzichten", "kind.insight": "Inzicht", "kinds.insight": "Inzichten",
    "nav.behaviours": "Gedragingen", "kind.behaviour": "Gedrag", "kinds.behaviour": "Gedragingen",
    "nav.journeys": "Klantreizen", "kind.journey": "Klantreis", "kinds.journey": "Klantreizen",
    "insights.title": "Inzichten", "insights.intro":
        "Wat we leerden van klanten en uit data, nieuwste eerst, en waarvoor of waartegen elk inzicht bewijs is.",
    "effect.supports": "Ondersteunt", "effect.contradicts": "Weerspreekt",
    "evidence.title": "Bewijs", "evidence.supports": "Ondersteunend", "evidence.contradicts": "Weersprekend",
    "evidence.counts": "{supports} voor · {contradicts} tegen",
    "evidence.counts_label": "Bewijs uit inzichten: {supports} voor, {contradicts} tegen",
    "insight.source": "Bron", "insight.segment": "Doelgroep", "insight.date": "Datum", "insight.link": "Link",
    "insight.supports": "Bewijs voor", "insight.contradicts": "Bewijs tegen",
    "insight.names_none": "Het noemt nog geen item.",
    "filter.source": "Bron", "filter.segment": "Doelgroep", "filter.effect": "Effect",
    "filter.confidence": "Vertrouwen",
    # misc
    "home.title": "Visie, missie, doelen en strategieën",
    "errors.title": "Fouten in de roadmap", "errors.heading": "De roadmap heeft {count} fouten",
    "errors.heading_one": "De roadmap heeft 1 fout", "errors.intro":
        "mkdocs serve toont deze pagina in plaats van de roadmap tot de fouten zijn opgelost, en laadt opnieuw "
        "zodra dat zo is. roadmap-gen check geeft dezelfde fouten.",
    "home.no_outcomes": "Nog geen resultaat", "count.item": "item", "home.on_the_board": "op de klantreis",
    "home.open_board": "Open de klantreis →", "as_of": "Peildatum", "none": "Geen",
    "kpis.title": "KPI-dashboard", "kpis.intro": "Kritieke prestatie-indicatoren in drie categorieën.",
    "okrs.title": "Doelstellingen en kernresultaten", "opportunities.title": "Bomen voor oplossingen en kansen",
    "changes.intro": "Wat er in de roadmap veranderde, per commit, nieuwste eerst.", "changes.unavailable": "Geen geschiedenis beschikbaar", "changes.feed": "Abonneren op wijzigingen (Atom-feed)", "changes.truncated": "Oudere wijzigingen zijn weggelaten.", "changes.errors": "inhoudsfouten in deze commit", "changes.none": "Nog geen wijzigingen.", "changes.title": "Wijzigingen", "count.items": "items", "breadcrumb.home": "Roadmap",
    "breadcrumb.label": "Kruimelpad", "index.empty": "Nog niets.", "progress.elapsed": "van de tijd verstreken",
    # reviews, goalposts, the review pack, embeds
    "nav.reviews": "Herzieningen", "reviews.title": "Herzieningen", "reviews.review": "Herziening",
    "reviews.intro": "Wat er sinds elke herziening in de roadmap veranderde: streefwaarden, statussen, verschuivingen en metingen.",
    "reviews.since_last": "Sinds de laatste herziening", "reviews.since_intro": "Alles wat veranderde tussen de herziening",
    "reviews.since_until": "en deze versie van de roadmap", "reviews.all": "Alle herzieningen",
    "reviews.since_previous": "Wijzigingen sinds de herziening ervoor", "reviews.first": "De eerste herziening: er is niets om mee te vergelijken.",
    "reviews.errors": "De roadmap had inhoudsfouten bij deze herziening en kan niet worden vergeleken.",
    "reviews.none": "Er is nog geen herziening gemarkeerd. Markeer de roadmap als herzien met een git-tag en push die:",
    "reviews.unavailable": "Geen herzieningen beschikbaar", "reviews.nothing": "Er veranderde niets in de roadmap.",
    "reviews.pack": "Herzieningspakket (afdrukken of als pdf bewaren)", "reviews.previous": "Vorige herziening",
    "diff.status": "Statuswijzigingen", "diff.targets": "Streefwaarden en deadlines", "diff.moves": "Verschuivingen",
    "diff.scores": "OKR-scores", "diff.measurements": "Nieuwe metingen", "diff.added": "Nieuw",
    "diff.removed": "Verwijderd", "diff.edited": "Bewerkt", "diff.roadmap": "Visie, missie en klantreis",
    "diff.item": "Item", "diff.what": "Wat", "diff.before": "Voor", "diff.after": "Na",
    "diff.target": "Streefwaarde", "diff.deadline": "Deadline", "diff.start": "Start", "diff.experiment": "Experiment",
    "goalposts.title": "Doelpalen", "goalposts.intro":
        "Elke wijziging van een streefwaarde of deadline, nieuwste eerst: wat er beloofd was, en wanneer dat veranderde.",
    "goalposts.none": "Er is geen streefwaarde of deadline gewijzigd.", "goalposts.date": "Datum",
    "goalposts.commit": "Commit", "goalposts.moved": "Doelpaal verplaatst",
    "goalposts.link": "Doelpalen: elke wijziging van een streefwaarde of deadline",
    "changes.event": "Berekend", "changes.commit": "Commit",
    "pack.title": "Herzieningspakket", "pack.as_of": "Cijfers per", "pack.board": "Klantreis",
    "pack.outcomes": "Resultaten", "pack.kpis": "KPI's", "pack.okrs": "OKR's", "pack.print": "Afdrukken",
    "pack.no_review": "Er is nog geen herziening gemarkeerd (git-tag", "pack.full_site": "Volledige roadmap",
    "embed.title": "Insluiten", "embed.help":
        "Plak dit in een intranetpagina: de iframe-macro van Confluence of het webonderdeel Insluiten van SharePoint.",
    "embed.relative": "Zet site_url in mkdocs.yml voor het volledige adres.", "embed.open": "Open de volledige roadmap",
    "doc.lang": "nl",
    # words inside charts
    "chart.status.achieved": "Behaald", "chart.status.on-track": "Op koers",
    "chart.status.at-risk": "Loopt risico", "chart.status.off-track": "Uit koers",
    "chart.status.no-data": "Geen gegevens",
    "chart.light.green": "op koers", "chart.light.amber": "loopt risico", "chart.light.red": "uit koers",
    "chart.light.none": "geen score",
    "chart.month.1": "jan.", "chart.month.2": "feb.", "chart.month.3": "mrt.", "chart.month.4": "apr.",
    "chart.month.5": "mei", "chart.month.6": "jun.", "chart.month.7": "jul.", "chart.month.8": "aug.",
    "chart.month.9": "sep.", "chart.month.10": "okt.", "chart.month.11": "nov.", "chart.month.12": "dec.",
    "chart.day": "{day} {month} {year}", "chart.month_year": "{month} {year}", "chart.missing_value": "n.b.",
    "chart.decimal": ",", "chart.group": ".",
    "chart.baseline": "Uitgangswaarde", "chart.current": "Huidig", "chart.target": "Streefwaarde",
    "chart.progress.desc": "Uitgangswaarde {baseline}, huidig {current}, streefwaarde {target}.",
    "chart.progress.share": "{percent} van de weg van uitgangswaarde naar streefwaarde.",
    "chart.elapsed": "{percent} van de tijd verstreken",
    "chart.no_data": "Nog geen gegevens", "chart.no_measurements": "Er zijn nog geen metingen vastgelegd.",
    "chart.summary.one": "1 meting op {date}: {value}.",
    "chart.summary.many": "{count} metingen van {first} tot {last}; laatste {value}.",
    "chart.summary.target": "Streefwaarde {value}.",
    "chart.summary.target_by": "Streefwaarde {value} uiterlijk {date}.",
    "chart.summary.baseline": "Uitgangswaarde {value}.",
    "chart.line.baseline": "uitgangswaarde", "chart.line.target": "streefwaarde",
    "chart.goal": "streefwaarde {value} uiterlijk {date}",
    "chart.score.title": "{label}: score {score}, {light}", "chart.score.none": "{label}: nog geen score",
    "chart.score.desc": "OKR-score van 0 tot 1; {green} of meer is op koers, "
                        "{amber} of meer loopt risico, lager is uit koers.",
    "chart.date": "Datum", "chart.value": "Waarde", "chart.note": "Opmerking",
    **_HEALTH_NL,
    # the chain: goal and strategy pages, what key results name, stale markers
    "stale.flag": "Verouderde gegevens", "stale.latest": "laatste meting",
    "goal.strategies_none": "Nog geen strategie noemt dit doel.", "goal.okrs": "OKR's van deze strategieën",
    "goal.metric_none": "Dit doel noemt geen statistiek en heeft dus geen status.",
    "strategy.active": "Actief", "strategy.yes": "Ja", "strategy.no": "Nee, nu niet actief",
    "strategy.metric": "Statistiek van het subdoel",
    "strategy.metric_none": "Deze strategie noemt geen statistiek voor een subdoel.",
    "strategy.outcomes_none": "Nog geen resultaat noemt deze strategie.",
    "strategy.work": "Thema's, vragen en hypotheses van haar resultaten",
    "strategy.work_none": "Nog niets op het bord werkt aan haar resultaten.",
    "tactic.items": "Werk aan deze tactiek",
    "okr.outcome": "Resultaat", "okr.hypotheses": "Hypotheses", "okr.via_outcome": "de statistiek van het resultaat",
    "item.key_results": "Kernresultaten die dit noemen", "item.tactic": "Tactiek",
    "chart.stale": "Verouderde gegevens", "chart.stale.latest": "laatste meting {date}",
    # klantreizen en gedrag (inhoudsformaat 1.1)
    "board.intro_journeys": "Eén bord per klantreis, na elkaar: werk geplaatst op elke klantreis, van links naar "
                            "rechts, en op de horizon: nu, straks, later.",
    "journey.all": "Alle klantreizen op één pagina", "journeys.intro":
        "Eén klantreis per actor wiens gedrag de roadmap wil veranderen, elk met een eigen bord.",
    "behaviours.intro": "Versnellers en remmers met een id, per klantreis en fase, met het aantal items dat zich "
                        "op elk richt. Een remmer waar niets zich op richt, is gemarkeerd als niet aangepakt.",
    "behaviour.type": "Soort", "behaviour.type.booster": "Versneller", "behaviour.type.blocker": "Remmer",
    "behaviour.unaddressed": "Niet aangepakt", "behaviour.unaddressed_count": "{count} niet aangepakt",
    "behaviour.unaddressed_help":
        "Nog geen resultaat, kans, thema, vraag of hypothese richt zich op deze remmer.",
    "behaviour.none_aimed": "Nog niets richt zich op dit gedrag.", "behaviour.aimed": "Gericht op dit gedrag",
    "behaviour.work": "Werk",
}

SV: dict[str, str] = {
    # navigation and page titles
    "nav.roadmap": "Färdplan", "nav.journey": "Kundresa", "nav.stages": "Steg", "nav.themes": "Teman",
    "nav.questions": "Frågor", "nav.hypotheses": "Hypoteser", "nav.outcomes": "Resultat",
    "nav.okrs": "OKR:s", "nav.kpis": "KPI:er", "nav.opportunities": "Möjligheter", "nav.metrics": "Mätvärden",
    "nav.changes": "Ändringar", "nav.work": "Arbete", "nav.discovery": "Utforskning", "nav.measures": "Mätning", "nav.history": "Historik",
    # kinds
    "kind.goal": "Mål", "kind.strategy": "Strategi", "kind.stage": "Steg", "kind.metric": "Mätvärde",
    "kind.outcome": "Resultat", "kind.theme": "Tema", "kind.question": "Fråga",
    "kind.hypothesis": "Hypotes", "kind.opportunity": "Möjlighet", "kind.okr": "OKR",
    "kinds.goal": "Mål", "kinds.strategy": "Strategier", "kinds.stage": "Steg", "kinds.metric": "Mätvärden",
    "kinds.outcome": "Resultat", "kinds.theme": "Teman", "kinds.question": "Frågor",
    "kinds.hypothesis": "Hypoteser", "kinds.opportunity": "Möjligheter", "kinds.okr": "OKR:s",
    # VMGS
    "vmgs.vision": "Vision", "vmgs.mission": "Uppdrag", "vmgs.goals": "Mål", "vmgs.strategies": "Strategier",
    "vmgs.yes": "Det vi säger ja till", "vmgs.no": "Det vi säger nej till (för tillfället)",
    "vmgs.tactics": "Taktiker", "vmgs.inactive": "drivs inte nu", "vmgs.north_star": "Nordstjärna",
    "vmgs.review": "Granskad", "vmgs.review_due": "nästa granskning",
    "vmgs.overdue": "Granskningen är försenad", "vmgs.target": "Målvärde", "vmgs.by": "senast",
    "vmgs.goal": "Mål", "vmgs.metric": "Mätvärde", "vmgs.no_goals": "Inga mål än.",
    "vmgs.no_strategies": "Inga strategier än.",
    # horizons
    "horizon.now": "Nu", "horizon.next": "Nästa", "horizon.later": "Senare", "horizon": "Horisont",
    # hypothesis statuses
    "status.idea": "Idé", "status.testing": "Testas", "status.validated": "Bekräftad",
    "status.invalidated": "Motbevisad", "status.parked": "Parkerad",
    # question statuses
    "status.open": "Öppen", "status.answered": "Besvarad", "status.dropped": "Struken",
    # outcome statuses
    "status.achieved": "Uppnått", "status.on-track": "På rätt spår", "status.at-risk": "I riskzonen",
    "status.off-track": "Ur kurs", "status.no-data": "Inga data",
    # experiment statuses
    "status.planned": "Planerat", "status.running": "Pågår", "status.done": "Klart",
    # okr
    "okr.period": "Period", "okr.score": "Poäng", "okr.key_results": "Nyckelresultat", "okr.from": "Från",
    "okr.to": "Till", "okr.current": "Nuvarande", "okr.team": "Team", "okr.past": "Tidigare",
    "okr.current_period": "Pågående", "okr.future": "Kommande", "okr.light.green": "på rätt spår",
    "okr.light.amber": "i riskzonen", "okr.light.red": "ur kurs", "okr.light.none": "ingen poäng",
    "okr.thresholds": "Poängen går från 0 till 1: grönt från 0,7, gult från 0,4, rött därunder.",
    "okr.no_team": "Inget team", "okr.unit": "Enhet",
    # metrics
    "metric.current": "Nuvarande", "metric.target": "Målvärde", "metric.baseline": "Utgångsvärde",
    "metric.direction": "Riktning", "metric.direction.up": "Högre är bättre",
    "metric.direction.down": "Lägre är bättre",
    "metric.stale": "Inaktuell", "metric.stale_since": "Senaste mätning", "metric.no_data": "Inga data än",
    "metric.source": "Källa", "metric.owner": "Ägare", "metric.review": "Mäts",
    "metric.measurements": "Mätningar", "metric.date": "Datum", "metric.value": "Värde",
    "metric.note": "Anteckning", "metric.notes": "Anteckningar", "metric.trend": "Trend",
    "category.business": "Affärsresultat", "category.customer": "Kund- och användarengagemang",
    "category.development": "Produktutveckling",
    # cadences: var annan vecka, var tredje månad, var 14:e dag, var 21:a dag
    "cadence.daily": "varje dag", "cadence.weekly": "varje vecka", "cadence.monthly": "varje månad",
    "cadence.quarterly": "varje kvartal", "cadence.yearly": "varje år", "cadence.days": "var {nth} dag",
    "cadence.weeks": "var {nth} vecka", "cadence.months": "var {nth} månad",
    "cadence.ordinals": "första annan tredje fjärde femte sjätte sjunde åttonde nionde tionde elfte tolfte",
    "cadence.nth_suffixes": ":e :a :a :e :e :e :e :e :e :e",
    # items
    "item.status": "Status", "item.confidence": "Säkerhet", "item.team": "Team", "item.stages": "Steg",
    "item.stage": "Steg", "item.outcome": "Resultat", "item.outcomes": "Resultat", "item.theme": "Tema",
    "item.question": "Fråga", "item.opportunity": "Möjlighet", "item.parent": "Överordnad möjlighet",
    "item.answer": "Svar", "item.strategy": "Strategi", "item.metric": "Mätvärde", "item.horizon": "Horisont",
    "item.referenced_by": "Hänvisas till från", "item.no_references": "Inget hänvisar hit än.",
    "item.links": "Länkar", "item.notes": "Anteckningar och belägg", "item.edit": "Redigera",
    "item.history": "Historik", "item.by": "av",
    "confidence.low": "Låg", "confidence.medium": "Medel", "confidence.high": "Hög",
    "hyp.we_believe": "Vi tror att", "hyp.will_result_in": "kommer att leda till",
    "hyp.we_will_know_when": "Vi vet att vi har rätt när", "hyp.experiments": "Experiment",
    "hyp.no_experiments": "Inga experiment än.", "hyp.result": "Utfall", "hyp.statement": "Hypotes",
    # stages and board
    "stage.boosters": "Drivkrafter", "stage.blockers": "Hinder",
    "stage.boosters_help": "Beteenden som förutsäger framgång",
    "stage.blockers_help": "Beteenden som förutsäger misslyckande",
    "stage.items": "Arbete i det här steget", "theme.items": "Arbete inom det här temat",
    "outcome.items": "Arbete mot det här resultatet", "stage.outcomes": "Resultat", "stage.behaviours": "Beteenden",
    "board.title": "Kundresa",
    "board.intro":
        "Arbete placerat längs kundresan, från vänster till höger, och på horisonten: nu, nästa, senare.",
    "board.empty": "Inget här", "board.stage": "Steg",
    # trees
    "tree.title": "Möjlighets- och lösningsträd", "tree.none": "Inga möjligheter kartlagda än.",
    "tree.unrooted": "Möjligheter som inte är kopplade till ett resultat",
    "scroll.hint": "Bredare än sidan: skrolla i sidled för att se allt →",
    "tree.experiments": "experiment", "tree.legend": "Resultat → möjligheter → lösningar → experiment",
    # filters
    "filter.title": "Filter", "filter.all": "Alla", "filter.status": "Status", "filter.horizon": "Horisont",
    "filter.theme": "Tema", "filter.team": "Team", "filter.kind": "Typ", "filter.clear": "Rensa filter",
    "filter.shown": "visas", "filter.none": "Inget matchar filtren.",
    # insikter och belägg
    "nav.insights": "Insikter", "kind.insight": "Insikt", "kinds.insight": "Insikter",
    "nav.behaviours": "Beteenden", "kind.behaviour": "Beteende", "kinds.behaviour": "Beteenden",
    "nav.journeys": "Kundresor", "kind.journey": "Kundresa", "kinds.journey": "Kundresor",
    "insights.title": "Insikter", "insights.intro":
        "Vad vi har lärt oss av kunder och data, nyast först, och vad varje insikt talar för eller emot.",
    "effect.supports": "Stöder", "effect.contradicts": "Motsäger",
    "evidence.title": "Belägg", "evidence.supports": "Stödjande", "evidence.contradicts": "Motsägande",
    "evidence.counts": "{supports} för · {contradicts} emot",
    "evidence.counts_label": "Belägg från insikter: {supports} för, {contradicts} emot",
    "insight.source": "Källa", "insight.segment": "Målgrupp", "insight.date": "Datum", "insight.link": "Länk",
    "insight.supports": "Talar för", "insight.contradicts": "Talar emot",
    "insight.names_none": "Den nämner inget ännu.",
    "filter.source": "Källa", "filter.segment": "Målgrupp", "filter.effect": "Effekt",
    "filter.confidence": "Säkerhet",
    # misc
    "home.title": "Vision, uppdrag, mål och strategier",
    "errors.title": "Fel i roadmapen", "errors.heading": "Roadmapen har {count} fel",
    "errors.heading_one": "Roadmapen har 1 fel", "errors.intro":
        "mkdocs serve visar den här sidan i stället för roadmapen tills felen är rättade, och laddar om när de "
        "är det. roadmap-gen check listar samma fel.",
    "home.no_outcomes": "Inget resultat än", "count.item": "post", "home.on_the_board": "på kundresan",
    "home.open_board": "Öppna kundresan →", "as_of": "Per", "none": "Inga",
    "kpis.title": "KPI-översikt", "kpis.intro": "Nyckeltal i tre familjer.",
    "okrs.title": "Mål och nyckelresultat", "opportunities.title": "Möjlighets- och lösningsträd",
    "changes.intro": "Vad som ändrats i färdplanen, commit för commit, nyast först.", "changes.unavailable": "Ingen historik att visa", "changes.feed": "Prenumerera på ändringar (Atom-flöde)", "changes.truncated": "Äldre ändringar är utelämnade.", "changes.errors": "innehållsfel i denna commit", "changes.none": "Inga ändringar ännu.", "changes.title": "Ändringar", "count.items": "poster", "breadcrumb.home": "Färdplan",
    "breadcrumb.label": "Brödsmulor", "index.empty": "Inga än.", "progress.elapsed": "av tiden har gått",
    # reviews, goalposts, the review pack, embeds
    "nav.reviews": "Granskningar", "reviews.title": "Granskningar", "reviews.review": "Granskning",
    "reviews.intro": "Vad som ändrats i färdplanen sedan varje granskning: målvärden, status, flyttar och mätningar.",
    "reviews.since_last": "Sedan senaste granskningen", "reviews.since_intro": "Allt som ändrats mellan granskningen",
    "reviews.since_until": "och den här versionen av färdplanen", "reviews.all": "Alla granskningar",
    "reviews.since_previous": "Ändringar sedan granskningen före", "reviews.first": "Den första granskningen: inget att jämföra med.",
    "reviews.errors": "Färdplanen hade innehållsfel vid den här granskningen och kan inte jämföras.",
    "reviews.none": "Ingen granskning är markerad än. Markera färdplanen som granskad med en git-tagg och pusha den:",
    "reviews.unavailable": "Inga granskningar att visa", "reviews.nothing": "Inget ändrades i färdplanen.",
    "reviews.pack": "Granskningspaket (skriv ut eller spara som pdf)", "reviews.previous": "Föregående granskning",
    "diff.status": "Statusändringar", "diff.targets": "Målvärden och deadlines", "diff.moves": "Flyttar",
    "diff.scores": "OKR-poäng", "diff.measurements": "Nya mätningar", "diff.added": "Nytt",
    "diff.removed": "Borttaget", "diff.edited": "Redigerat", "diff.roadmap": "Vision, uppdrag och kundresa",
    "diff.item": "Post", "diff.what": "Vad", "diff.before": "Före", "diff.after": "Efter",
    "diff.target": "Målvärde", "diff.deadline": "Deadline", "diff.start": "Start", "diff.experiment": "Experiment",
    "goalposts.title": "Målstolpar", "goalposts.intro":
        "Varje ändring av ett målvärde eller en deadline, nyast först: vad som utlovades, och när det ändrades.",
    "goalposts.none": "Inget målvärde eller deadline har ändrats.", "goalposts.date": "Datum",
    "goalposts.commit": "Commit", "goalposts.moved": "Målstolpe flyttad",
    "goalposts.link": "Målstolpar: varje ändring av ett målvärde eller en deadline",
    "changes.event": "Beräknat", "changes.commit": "Commit",
    "pack.title": "Granskningspaket", "pack.as_of": "Siffror per", "pack.board": "Kundresa",
    "pack.outcomes": "Resultat", "pack.kpis": "KPI:er", "pack.okrs": "OKR:s", "pack.print": "Skriv ut",
    "pack.no_review": "Ingen granskning är markerad än (git-tagg", "pack.full_site": "Hela färdplanen",
    "embed.title": "Bädda in", "embed.help":
        "Klistra in detta på en intranätsida: Confluence iframe-makro eller SharePoints webbdel Bädda in.",
    "embed.relative": "Ange site_url i mkdocs.yml för den fullständiga adressen.", "embed.open": "Öppna hela färdplanen",
    "doc.lang": "sv",
    # words inside charts
    "chart.status.achieved": "Uppnått", "chart.status.on-track": "På rätt spår",
    "chart.status.at-risk": "I riskzonen", "chart.status.off-track": "Ur kurs",
    "chart.status.no-data": "Inga data",
    "chart.light.green": "på rätt spår", "chart.light.amber": "i riskzonen", "chart.light.red": "ur kurs",
    "chart.light.none": "ingen poäng",
    "chart.month.1": "jan.", "chart.month.2": "feb.", "chart.month.3": "mars", "chart.month.4": "apr.",
    "chart.month.5": "maj", "chart.month.6": "juni", "chart.month.7": "juli", "chart.month.8": "aug.",
    "chart.month.9": "sep.", "chart.month.10": "okt.", "chart.month.11": "nov.", "chart.month.12": "dec.",
    "chart.day": "{day} {month} {year}", "chart.month_year": "{month} {year}", "chart.missing_value": "saknas",
    "chart.decimal": ",", "chart.group": "\u00a0",
    "chart.baseline": "Utgångsvärde", "chart.current": "Nuvarande", "chart.target": "Målvärde",
    "chart.progress.desc": "Utgångsvärde {baseline}, nuvarande {current}, målvärde {target}.",
    "chart.progress.share": "{percent} av vägen från utgångsvärde till målvärde.",
    "chart.elapsed": "{percent} av tiden har gått",
    "chart.no_data": "Inga data än", "chart.no_measurements": "Inga mätningar har registrerats än.",
    "chart.summary.one": "1 mätning den {date}: {value}.",
    "chart.summary.many": "{count} mätningar från {first} till {last}; senast {value}.",
    "chart.summary.target": "Målvärde {value}.",
    "chart.summary.target_by": "Målvärde {value} senast {date}.",
    "chart.summary.baseline": "Utgångsvärde {value}.",
    "chart.line.baseline": "utgångsvärde", "chart.line.target": "målvärde",
    "chart.goal": "målvärde {value} senast {date}",
    "chart.score.title": "{label}: poäng {score}, {light}", "chart.score.none": "{label}: ingen poäng än",
    "chart.score.desc": "OKR-poäng från 0 till 1; {green} eller mer är på rätt spår, "
                        "{amber} eller mer är i riskzonen, lägre är ur kurs.",
    "chart.date": "Datum", "chart.value": "Värde", "chart.note": "Anteckning",
    **_HEALTH_SV,
    # the chain: goal and strategy pages, what key results name, stale markers
    "stale.flag": "Inaktuella data", "stale.latest": "senaste mätning",
    "goal.strategies_none": "Ingen strategi nämner det här målet än.", "goal.okrs": "OKR:s för dessa strategier",
    "goal.metric_none": "Målet nämner inget mätvärde och har därför ingen status.",
    "strategy.active": "Aktiv", "strategy.yes": "Ja", "strategy.no": "Nej, drivs inte nu",
    "strategy.metric": "Delmålets mätvärde", "strategy.metric_none": "Strategin nämner inget mätvärde för ett delmål.",
    "strategy.outcomes_none": "Inget resultat nämner den här strategin än.",
    "strategy.work": "Teman, frågor och hypoteser för dess resultat",
    "strategy.work_none": "Inget på tavlan arbetar med dess resultat än.",
    "tactic.items": "Arbete med den här taktiken",
    "okr.outcome": "Resultat", "okr.hypotheses": "Hypoteser", "okr.via_outcome": "resultatets mätvärde",
    "item.key_results": "Nyckelresultat som nämner detta", "item.tactic": "Taktik",
    "chart.stale": "Inaktuella data", "chart.stale.latest": "senaste mätning {date}",
    # kundresor och beteenden (innehållsformat 1.1)
    "board.intro_journeys": "En tavla per kundresa, den ena efter den andra: arbete placerat på varje kundresa, "
                            "från vänster till höger, och på horisonten: nu, nästa, senare.",
    "journey.all": "Alla kundresor på en sida", "journeys.intro":
        "En kundresa per aktör vars beteende färdplanen vill förändra, var och en med sin egen tavla.",
    "behaviours.intro": "Drivkrafter och hinder med id, per kundresa och steg, med antalet poster som siktar på "
                        "vart och ett. Ett hinder som inget siktar på är markerat som inte åtgärdat.",
    "behaviour.type": "Typ", "behaviour.type.booster": "Drivkraft", "behaviour.type.blocker": "Hinder",
    "behaviour.unaddressed": "Inte åtgärdat", "behaviour.unaddressed_count": "{count} inte åtgärdade",
    "behaviour.unaddressed_help":
        "Inget resultat, ingen möjlighet, inget tema, ingen fråga och ingen hypotes siktar på det här hindret än.",
    "behaviour.none_aimed": "Inget siktar på det här beteendet än.", "behaviour.aimed": "Siktar på det här beteendet",
    "behaviour.work": "Arbete",
}

LANGUAGES: dict[str, dict[str, str]] = {"en": EN, "nl": NL, "sv": SV}


def labels_for(language: str | None, overrides: dict[str, str] | None = None) -> dict[str, str]:
    """English, then the language's labels, then the site's overrides."""
    lang = (language or "en").lower().replace("_", "-").split("-")[0]
    out = dict(EN)
    out.update(LANGUAGES.get(lang, {}))
    if overrides:
        out.update({str(k): str(v) for k, v in overrides.items()})
    return out
