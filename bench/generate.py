#!/usr/bin/env python3
"""Generate benchmark roadmaps of N hypotheses, and the same items as hand-written pages.

For each size N this writes ``<out>/n<N>/``:

* ``ours/``: ``mkdocs.yml`` (Material, ``font: false``, plugins ``search`` and
  ``outcome-roadmap`` with ``as_of: 2026-11-25``), an empty ``docs/`` and a
  ``content/`` folder in content format v1 (see /work/shared/content-format.md),
  shaped like the example in ``content/``;
* ``floor/``: the SAME items as hand-written Markdown pages (``docs/<kind>/<id>.md``
  with the title, the statement, a table of facts and the body; index pages
  that list every item), built by the same MkDocs + Material with the item
  pages kept out of the navigation (``nav`` lists only the index pages, like
  ours; ``not_in_nav`` silences MkDocs' info about the rest);
* ``naive/``: a ``mkdocs.yml`` over the floor's ``docs/`` without a ``nav`` key,
  so Material puts every page in the navigation (what a user would otherwise do).

``ours/`` and ``floor/`` also get a ``mkdocs.nosearch.yml``: the same build without Material's search
plugin, so ``run.py --attribution`` can tell how much of a build is search indexing.

The "plugins" variant, ``ours-plugins/`` and ``floor-plugins/``: the same two sites with the Markdown
extensions ``admonition``, ``pymdownx.details``, ``pymdownx.superfences`` and ``pymdownx.snippets``
and Material's ``tags``, ``blog`` and ``offline`` plugins on (besides ``search``); both get the same
user pages for them (``docs/blog/index.md``, one post using an admonition, a details block, a fenced
code block and tags, and a ``docs/tags.md`` listing). ``ours-plugins/mkdocs.yml`` reads the roadmap
from ``../ours/content``; ``floor-plugins/docs/`` is a copy of the floor's pages plus those pages.
Material's ``offline`` plugin turns directory URLs off, on both sides.

Proportions at N = 1,000 (about 1,550 items): 7 stages, 30 metrics (each with a
monthly CSV series), 25 outcomes, 50 themes, 150 questions, 250 opportunities
(nested up to four levels), 1,000 hypotheses, 40 OKRs, plus 3 goals and 5
strategies in roadmap.yml. Everything is derived from ``--seed``: the same
arguments give byte-identical files.

    .venv/bin/python bench/generate.py --sizes 250,500,1000,2000,4000 --out bench/out
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sys
import zlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

AS_OF = "2026-11-25"
HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "out"
GENERATOR_VERSION = "5"  # bump when the output changes, so run.py regenerates stale trees

STAGES = [
    ("discover", "Discover", "A clinic owner hears about the product and decides it is worth a trial."),
    ("trial", "Trial", "The clinic starts a trial and explores the calendar with test bookings."),
    ("set-up", "Set up", "The clinic brings over its practitioners, hours and patients."),
    ("go-live", "Go live", "The booking page is published and the first patients book online."),
    ("adopt", "Adopt", "Booking, reminders and rebooking become the clinic's daily routine."),
    ("expand", "Expand", "The clinic adds practitioners, rooms and a second location."),
    ("renew", "Renew", "The clinic renews and recommends the product to other clinics."),
]
TEAMS = ["onboarding", "patient-experience", "growth", "scheduling", "payments", "platform", "care"]
HORIZONS = ["now", "next", "later"]
HYP_STATUS = ["idea"] * 4 + ["testing"] * 3 + ["validated"] * 2 + ["invalidated", "parked"]
EXP_STATUS = ["planned", "running", "done", "done"]
Q_STATUS = ["open"] * 3 + ["answered", "dropped"]
CONFIDENCE = ["low", "medium", "high"]

NOUNS = """patient clinic owner practitioner booking reminder calendar slot appointment waitlist invoice
deposit referral page session plan room desk therapist receptionist message schedule account trial
import export checklist widget link review course exercise follow-up confirmation cancellation
no-show opening report dashboard template location team week morning evening week-one habit""".split()
VERBS = """books moves confirms misses rebooks cancels imports publishes invites shares pays reviews
opens forgets finishes starts trusts compares prefers abandons recommends expects finds checks""".split()
ADJS = """first next online weekly missing slower faster empty full quiet busy recurring shared
clear confusing manual automatic personal short long late early new returning small independent""".split()
LINKERS = ["because", "when", "after", "before", "while", "unless", "so that", "even if"]
UNITS = [("%", 5, 60), ("EUR", 100000, 3000000), ("days", 2, 30), ("min", 3, 45), ("", 50, 900)]


class Text:
    """Deterministic, English-shaped filler text."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def phrase(self, lo: int = 3, hi: int = 6) -> str:
        r = self.rng
        words = []
        for i in range(r.randint(lo, hi)):
            pool = (ADJS, NOUNS, VERBS, NOUNS)[i % 4]
            words.append(r.choice(pool))
        return " ".join(words)

    def sentence(self) -> str:
        r = self.rng
        s = f"{self.phrase(3, 6)} {r.choice(LINKERS)} {self.phrase(3, 7)}"
        if r.random() < 0.3:
            s += f", in {r.randint(2, 95)}% of the clinics we interviewed"
        return s[0].upper() + s[1:] + "."

    def title(self) -> str:
        s = self.phrase(5, 9)
        return s[0].upper() + s[1:]

    def paragraph(self, lo: int = 2, hi: int = 4) -> str:
        sentences = [self.sentence() for _ in range(self.rng.randint(lo, hi))]
        # wrap at ~76 columns like a hand-written file
        out, line = [], ""
        for word in " ".join(sentences).split(" "):
            if line and len(line) + 1 + len(word) > 76:
                out.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        out.append(line)
        return "\n".join(out)

    def body(self, paragraphs: tuple[int, int] = (2, 3), bullets: float = 0.6) -> str:
        r = self.rng
        parts = [self.paragraph() for _ in range(r.randint(*paragraphs))]
        if r.random() < bullets:
            parts.insert(1, "What we learned:\n\n" + "\n".join(f"- {self.sentence()}" for _ in range(r.randint(2, 4))))
        # About 3 in 10 bodies use inline Markdown, as in the example roadmap (14 of its 50): a bold
        # lead-in, an emphasis or a link; 1 in 10 more, a table (the example has tables, list items over
        # two lines, emphasis across lines: 5 of its 50 bodies). Drawn from the text, so the rest of the
        # roadmap stays as it was.
        pick = zlib.crc32(parts[0].encode()) % 30
        if pick < 3:
            parts[0] = "**Who behaves differently:** " + parts[0][0].lower() + parts[0][1:]
        elif pick < 6:
            first, _, rest = parts[0].partition(" ")
            parts[0] = f"*{first}* {rest}"
        elif pick < 9:
            parts[-1] += f"\nSee [the interview notes](https://wiki.example.com/research/{pick}) for details."
        elif pick < 12:
            parts.append("| month | share |\n| --- | --- |\n" + "\n".join(
                f"| {month} 2026 | {pick + i}% |" for i, month in enumerate(("April", "May", "June"))))
        return "\n\n".join(parts) + "\n"


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


# -- the roadmap as plain data --------------------------------------------------------------------

@dataclass
class Item:
    kind: str
    id: str
    title: str
    fields: dict = field(default_factory=dict)
    body: str = ""


@dataclass
class Roadmap:
    goals: list = field(default_factory=list)
    strategies: list = field(default_factory=list)
    stages: list = field(default_factory=list)
    metrics: list = field(default_factory=list)
    series: dict = field(default_factory=dict)  # metric id -> [(date, value, note)]
    outcomes: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    questions: list = field(default_factory=list)
    hypotheses: list = field(default_factory=list)
    opportunities: list = field(default_factory=list)
    okrs: list = field(default_factory=list)

    def count(self) -> int:
        return sum(len(getattr(self, k)) for k in ("stages", "metrics", "outcomes", "themes", "questions",
                                                     "hypotheses", "opportunities", "okrs"))


def counts(n: int) -> dict[str, int]:
    return {
        "outcome": max(3, round(n * 0.025)), "theme": max(4, round(n * 0.05)),
        "question": max(5, round(n * 0.15)), "opportunity": max(6, round(n * 0.25)),
        "okr": max(3, round(n * 0.04)), "hypothesis": n,
    }


def months(start: date, end: date) -> list[date]:
    out, d = [], start
    while d <= end:
        out.append(d)
        d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return out


def build(n: int, seed: int) -> Roadmap:
    rng = random.Random(f"{seed}-{n}")
    tx = Text(rng)
    c = counts(n)
    r = Roadmap()
    used: set[str] = set()

    def new_id(prefix: str = "") -> str:
        while True:
            words = [rng.choice(ADJS), rng.choice(NOUNS), rng.choice(VERBS)]
            id = "-".join(w.replace(" ", "-") for w in words) + f"-{len(used) + 1}"
            if id not in used and id != "index":
                used.add(id)
                return id

    for sid, title, desc in STAGES:
        r.stages.append(Item("stage", sid, title, {
            "description": desc, "boosters": [tx.sentence()[:-1] for _ in range(rng.randint(2, 3))],
            "blockers": [tx.sentence()[:-1] for _ in range(rng.randint(1, 3))]}))

    # metrics: one per outcome plus five business/development ones
    n_metrics = c["outcome"] + 5
    for i in range(n_metrics):
        unit, lo, hi = UNITS[i % len(UNITS)]
        category = "customer" if i < c["outcome"] else ("business", "development")[i % 2]
        direction = "down" if i % 4 == 3 else "up"
        base = round(rng.uniform(lo, (lo + hi) / 2), 1)
        span = base * rng.uniform(0.2, 0.6)
        target = round(base - span if direction == "down" else base + span, 1)
        mid = new_id()
        stale = i % 9 == 8
        dates = months(date(2025, 1, 1), date(2026, 7 if stale else 11, 1))
        rows, v = [], base
        for j, d in enumerate(dates):
            step = (target - base) / len(dates) * rng.uniform(0.2, 1.4)
            v = round(v + step + rng.uniform(-1, 1) * abs(target - base) * 0.03, 2)
            note = tx.phrase(3, 6) if rng.random() < 0.12 else ""
            rows.append((d.isoformat(), v, note))
        r.series[mid] = rows
        r.metrics.append(Item("metric", mid, tx.title(), {
            "category": category, "unit": unit, "direction": direction,
            "baseline": {"value": base, "date": "2025-01-01"}, "target": {"value": target, "by": "2027-06-30"},
            "review": "monthly", "source": tx.phrase(5, 8), "owner": rng.choice(TEAMS)}))

    r.goals = [Item("goal", new_id(), tx.title(), {"metric": r.metrics[-1 - i].id}) for i in range(3)]
    r.strategies = [Item("strategy", new_id(), tx.title(), {"goal": r.goals[i % 3].id, "active": i < 3,
                                                              "tactics": [tx.title() for _ in range(3)]})
                    for i in range(5)]

    for i in range(c["outcome"]):
        st = rng.sample([s[0] for s in STAGES], rng.choice([1, 1, 1, 2]))
        r.outcomes.append(Item("outcome", new_id(), tx.title(), {
            "stages": st, "strategy": r.strategies[i % 3].id, "metric": r.metrics[i].id,
            "team": rng.choice(TEAMS)}, tx.body((2, 3), 0.3)))
    outcome_ids = [o.id for o in r.outcomes]

    for _ in range(c["theme"]):
        r.themes.append(Item("theme", new_id(), tx.title(), {
            "stages": rng.sample([s[0] for s in STAGES], rng.choice([1, 1, 2])),
            "horizon": rng.choice(HORIZONS), "outcomes": [rng.choice(outcome_ids)], "team": rng.choice(TEAMS)},
            tx.body((1, 2), 0.2)))
    theme_ids = [t.id for t in r.themes]

    for _ in range(c["question"]):
        status = rng.choice(Q_STATUS)
        f = {"stages": [rng.choice(STAGES)[0]], "horizon": rng.choice(HORIZONS),
             "outcomes": [rng.choice(outcome_ids)], "theme": rng.choice(theme_ids), "status": status,
             "team": rng.choice(TEAMS)}
        if status == "answered":
            f["answer"] = tx.sentence()
        r.questions.append(Item("question", new_id(), tx.title() + "?", f, tx.body((1, 2), 0.5)))
    question_ids = [x.id for x in r.questions]

    # opportunities: 35% roots under an outcome, the rest nested under an earlier one (depth <= 4)
    depth: dict[str, int] = {}
    for i in range(c["opportunity"]):
        oid = new_id()
        parents = [o.id for o in r.opportunities if depth[o.id] < 4]
        f: dict = {"stages": [rng.choice(STAGES)[0]]}
        if i < len(outcome_ids) or rng.random() < 0.35 or not parents:
            f["outcome"] = outcome_ids[i % len(outcome_ids)] if i < len(outcome_ids) else rng.choice(outcome_ids)
            depth[oid] = 1
        else:
            p = rng.choice(parents[-60:])
            f["parent"] = p
            depth[oid] = depth[p] + 1
        r.opportunities.append(Item("opportunity", oid, tx.title(), f, tx.body((1, 2), 0.2)))
    opp_ids = [o.id for o in r.opportunities]

    for _ in range(c["hypothesis"]):
        f = {"stages": [rng.choice(STAGES)[0]] if rng.random() < 0.85 else
             rng.sample([s[0] for s in STAGES], 2),
             "horizon": rng.choice(HORIZONS),
             "outcomes": [rng.choice(outcome_ids)] if rng.random() < 0.9 else rng.sample(outcome_ids, 2)}
        if rng.random() < 0.7:
            f["theme"] = rng.choice(theme_ids)
        if rng.random() < 0.4:
            f["question"] = rng.choice(question_ids)
        if rng.random() < 0.8:
            f["opportunity"] = rng.choice(opp_ids)
        f.update(we_believe=tx.phrase(8, 14), will_result_in=tx.phrase(8, 14),
                 we_will_know_when=f"{tx.phrase(4, 7)} rises from {rng.randint(5, 40)}% to {rng.randint(41, 80)}%",
                 status=rng.choice(HYP_STATUS), confidence=rng.choice(CONFIDENCE), team=rng.choice(TEAMS))
        exps = []
        for k in range(rng.choice([0, 1, 1, 2, 3])):
            st = date(2026, rng.randint(1, 9), rng.randint(1, 28))
            e = {"title": tx.title(), "status": rng.choice(EXP_STATUS), "start": st.isoformat(),
                 "end": date(st.year, st.month + rng.randint(1, 3), st.day).isoformat()}
            if e["status"] == "done":
                e["result"] = tx.sentence()
            exps.append(e)
        f["experiments"] = exps
        f["links"] = [{"title": f"JPD-{rng.randint(100, 9999)}",
                       "url": f"https://jira.example.com/browse/JPD-{rng.randint(100, 9999)}"}
                      for _ in range(rng.choice([0, 1, 1, 2]))]
        r.hypotheses.append(Item("hypothesis", new_id(), tx.title(), f, tx.body((2, 3), 0.6)))

    periods = ["2026-Q3", "2026-Q4", "2027-Q1"]
    for i in range(c["okr"]):
        krs = []
        for k in range(rng.randint(2, 4)):
            lo = rng.randint(0, 50)
            kr = {"title": tx.title(), "from": lo, "to": lo + rng.randint(5, 50)}
            if k == 0 and rng.random() < 0.5:
                kr["metric"] = rng.choice(r.metrics).id
            else:
                kr["current"] = lo + rng.randint(0, 40)
            krs.append(kr)
        r.okrs.append(Item("okr", new_id(), "We will " + tx.phrase(5, 9), {
            "period": periods[i % 3], "team": rng.choice(TEAMS), "strategy": r.strategies[i % 3].id,
            "key_results": krs}))
    return r


# -- writing: content format v1 --------------------------------------------------------------------

def yaml_list(key: str, values: list, indent: str = "") -> str:
    return f"{indent}{key}: [{', '.join(values)}]\n"


def md_front(it: Item, order: list[str]) -> str:
    lines = ["---", f"title: {q(it.title)}"]
    f = it.fields
    for k in order:
        if k not in f or f[k] in (None, [], ""):
            continue
        v = f[k]
        if k in ("stages", "outcomes"):
            lines.append(f"{k}: [{', '.join(v)}]")
        elif k == "experiments":
            lines.append("experiments:")
            for e in v:
                lines.append(f"  - title: {q(e['title'])}")
                lines.append(f"    status: {e['status']}")
                lines.append(f"    start: {e['start']}")
                lines.append(f"    end: {e['end']}")
                if "result" in e:
                    lines.append(f"    result: {q(e['result'])}")
        elif k == "links":
            lines.append("links:")
            for link in v:
                lines.append(f"  - {{title: {q(link['title'])}, url: {q(link['url'])}}}")
        elif k in ("we_believe", "will_result_in", "we_will_know_when", "answer"):
            lines.append(f"{k}: {q(v)}")
        else:
            lines.append(f"{k}: {v}")
    lines.append("---")
    return "\n".join(lines) + "\n" + it.body


def write_content(r: Roadmap, root: Path) -> None:
    c = root / "content"
    for sub in ("metrics", "outcomes", "themes", "questions", "hypotheses", "opportunities", "okrs"):
        (c / sub).mkdir(parents=True, exist_ok=True)
    out = [f"title: {q('Benchmark roadmap')}",
           f"vision: {q('Every patient who starts physiotherapy finishes it.')}",
           f"mission: {q('We give independent clinics a front desk that runs itself.')}",
           "review: {last: 2026-09-15, every: 3 months}", "goals:"]
    for i, g in enumerate(r.goals):
        out += [f"  - id: {g.id}", f"    title: {q(g.title)}", f"    metric: {g.fields['metric']}",
                f"    by: 2027-12-31"] + (["    north_star: true"] if i == 0 else [])
    out.append("strategies:")
    for s in r.strategies:
        out += [f"  - id: {s.id}", f"    title: {q(s.title)}", f"    goal: {s.fields['goal']}",
                f"    active: {'true' if s.fields['active'] else 'false'}", "    tactics:"]
        out += [f"      - title: {q(t)}" for t in s.fields["tactics"]]
    (c / "roadmap.yml").write_text("\n".join(out) + "\n", encoding="utf-8")

    out = ["stages:"]
    for s in r.stages:
        out += [f"  - id: {s.id}", f"    title: {q(s.title)}", f"    description: {q(s.fields['description'])}",
                "    boosters:"] + [f"      - {q(b)}" for b in s.fields["boosters"]] + \
               ["    blockers:"] + [f"      - {q(b)}" for b in s.fields["blockers"]]
    (c / "journey.yml").write_text("\n".join(out) + "\n", encoding="utf-8")

    out = ["metrics:"]
    for mt in r.metrics:
        f = mt.fields
        out += [f"  - id: {mt.id}", f"    title: {q(mt.title)}", f"    category: {f['category']}",
                f"    unit: {q(f['unit'])}", f"    direction: {f['direction']}",
                f"    baseline: {{value: {f['baseline']['value']}, date: {f['baseline']['date']}}}",
                f"    target: {{value: {f['target']['value']}, by: {f['target']['by']}}}",
                f"    review: {f['review']}", f"    source: {q(f['source'])}", f"    owner: {f['owner']}"]
        rows = ["date,value,note"] + [f"{d},{v},{n}" for d, v, n in r.series[mt.id]]
        (c / "metrics" / f"{mt.id}.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (c / "metrics.yml").write_text("\n".join(out) + "\n", encoding="utf-8")

    order = {
        "outcome": ["stages", "strategy", "metric", "team"],
        "theme": ["stages", "horizon", "outcomes", "team"],
        "question": ["stages", "horizon", "outcomes", "theme", "status", "answer", "team"],
        "opportunity": ["outcome", "parent", "stages"],
        "hypothesis": ["stages", "horizon", "outcomes", "theme", "question", "opportunity", "we_believe",
                       "will_result_in", "we_will_know_when", "status", "confidence", "team", "experiments",
                       "links"],
    }
    for kind, folder in (("outcome", "outcomes"), ("theme", "themes"), ("question", "questions"),
                         ("opportunity", "opportunities"), ("hypothesis", "hypotheses")):
        for it in getattr(r, folder):
            (c / folder / f"{it.id}.md").write_text(md_front(it, order[kind]), encoding="utf-8")
    for o in r.okrs:
        out = [f"objective: {q(o.title)}", f"period: {o.fields['period']}", f"team: {o.fields['team']}",
               f"strategy: {o.fields['strategy']}", "key_results:"]
        for kr in o.fields["key_results"]:
            out += [f"  - title: {q(kr['title'])}"] + [f"    {k}: {kr[k]}" for k in ("metric", "from", "to", "current")
                                                      if k in kr]
        (c / "okrs" / f"{o.id}.yml").write_text("\n".join(out) + "\n", encoding="utf-8")


OURS_YML = """\
site_name: Benchmark roadmap ({n} hypotheses)
theme: {{name: material, font: false}}
plugins:
  - search
  - outcome-roadmap: {{as_of: {as_of}}}
"""


# -- writing: the same items as hand-written Markdown pages --------------------------------------

PLURAL = {"stage": "stages", "metric": "metrics", "outcome": "outcomes", "theme": "themes",
          "question": "questions", "hypothesis": "hypotheses", "opportunity": "opportunities", "okr": "okrs"}
NAV = """\
  - Roadmap: index.md
  - Journey: journey/index.md
  - Stages: stages/index.md
  - Work:
    - Themes: themes/index.md
    - Questions: questions/index.md
    - Hypotheses: hypotheses/index.md
  - Outcomes: outcomes/index.md
  - Discovery:
    - Opportunities: opportunities/index.md
    - Insights: insights/index.md
  - Measures:
    - OKRs: okrs/index.md
    - KPIs: kpis/index.md
  - History:
    - Changes: changes/index.md
    - Reviews: reviews/index.md
  - Health: health/index.md"""
"""The floor's navigation: the sections ours has for the same roadmap (no insights, no git history, health
findings), over the hand-written index pages and the short pages of :data:`SHORT_PAGES`."""
SHORT_PAGES = {"insights": "# Insights\n\nNo insights yet.\n", "changes": "# Changes\n\nNo history yet.\n",
               "reviews": "# Reviews\n\nNo reviews yet.\n",
               "health": "# Health\n\nFindings of the roadmap health rules.\n"}


def handwritten(r: Roadmap, docs: Path) -> None:
    titles = {(it.kind, it.id): it.title for kind in PLURAL.values() for it in getattr(r, kind)}

    def link(kind: str, id: str) -> str:
        return f"[{titles[(kind, id)]}](../{PLURAL[kind]}/{id}.md)"

    def links(kind: str, ids) -> str:
        return ", ".join(link(kind, i) for i in ids)

    def page(it: Item, facts: list[tuple[str, str]], middle: str = "", body: str = "") -> str:
        out = [f"# {it.title}", ""]
        if middle:
            out += [middle, ""]
        out += ["| | |", "| --- | --- |"] + [f"| {k} | {v} |" for k, v in facts if v] + [""]
        if body:
            out += ["## Notes", "", body]
        return "\n".join(out) + "\n"

    for sub in list(PLURAL.values()) + ["journey", "kpis"]:
        (docs / sub).mkdir(parents=True, exist_ok=True)
    for s in r.stages:
        f = s.fields
        mid = (f["description"] + "\n\n**Boosters**\n\n" + "\n".join(f"- {b}" for b in f["boosters"]) +
               "\n\n**Blockers**\n\n" + "\n".join(f"- {b}" for b in f["blockers"]))
        (docs / "stages" / f"{s.id}.md").write_text(page(s, [("Kind", "Stage")], mid), encoding="utf-8")
    for mt in r.metrics:
        f = mt.fields
        table = "## Measurements\n\n| Date | Value | Note |\n| --- | --- | --- |\n" + "\n".join(
            f"| {d} | {v} {f['unit']} | {n} |" for d, v, n in r.series[mt.id])
        facts = [("Category", f["category"]), ("Unit", f["unit"]), ("Direction", f["direction"]),
                 ("Baseline", f"{f['baseline']['value']} ({f['baseline']['date']})"),
                 ("Target", f"{f['target']['value']} by {f['target']['by']}"), ("Review", f["review"]),
                 ("Source", f["source"]), ("Owner", f["owner"])]
        (docs / "metrics" / f"{mt.id}.md").write_text(page(mt, facts) + "\n" + table + "\n", encoding="utf-8")
    for o in r.outcomes:
        f = o.fields
        facts = [("Stage", links("stage", f["stages"])), ("Metric", link("metric", f["metric"])),
                 ("Strategy", f["strategy"]), ("Team", f["team"])]
        (docs / "outcomes" / f"{o.id}.md").write_text(page(o, facts, body=o.body), encoding="utf-8")
    for t in r.themes:
        f = t.fields
        facts = [("Horizon", f["horizon"]), ("Stage", links("stage", f["stages"])),
                 ("Outcome", links("outcome", f["outcomes"])), ("Team", f["team"])]
        (docs / "themes" / f"{t.id}.md").write_text(page(t, facts, body=t.body), encoding="utf-8")
    for x in r.questions:
        f = x.fields
        facts = [("Status", f["status"]), ("Horizon", f["horizon"]), ("Stage", links("stage", f["stages"])),
                 ("Outcome", links("outcome", f["outcomes"])), ("Theme", link("theme", f["theme"])),
                 ("Team", f["team"])]
        mid = f"**Answer:** {f['answer']}" if f.get("answer") else ""
        (docs / "questions" / f"{x.id}.md").write_text(page(x, facts, mid, x.body), encoding="utf-8")
    for o in r.opportunities:
        f = o.fields
        facts = [("Outcome", link("outcome", f["outcome"]) if "outcome" in f else ""),
                 ("Parent", link("opportunity", f["parent"]) if "parent" in f else ""),
                 ("Stage", links("stage", f["stages"]))]
        (docs / "opportunities" / f"{o.id}.md").write_text(page(o, facts, body=o.body), encoding="utf-8")
    for h in r.hypotheses:
        f = h.fields
        statement = (f"**We believe** {f['we_believe']}\n**will result in** {f['will_result_in']}\n"
                     f"**We will know when** {f['we_will_know_when']}")
        facts = [("Status", f["status"]), ("Horizon", f["horizon"]), ("Stage", links("stage", f["stages"])),
                 ("Outcome", links("outcome", f["outcomes"])),
                 ("Theme", link("theme", f["theme"]) if "theme" in f else ""),
                 ("Question", link("question", f["question"]) if "question" in f else ""),
                 ("Opportunity", link("opportunity", f["opportunity"]) if "opportunity" in f else ""),
                 ("Confidence", f["confidence"]), ("Team", f["team"])]
        extra = "## Experiments\n\n" + ("\n".join(
            f"1. **{e['title']}** ({e['status']}, {e['start']} – {e['end']})" +
            (f": {e['result']}" if "result" in e else "") for e in f["experiments"]) or "None yet.") + "\n"
        if f["links"]:
            extra += "\n## Links\n\n" + "\n".join(f"- [{k['title']}]({k['url']})" for k in f["links"]) + "\n"
        text = page(h, facts, statement) + "\n" + extra + "\n## Notes\n\n" + h.body
        (docs / "hypotheses" / f"{h.id}.md").write_text(text, encoding="utf-8")
    for o in r.okrs:
        f = o.fields
        krs = "## Key results\n\n| Key result | From | To | Current |\n| --- | --- | --- | --- |\n" + "\n".join(
            f"| {k['title']} | {k['from']} | {k['to']} | {k.get('current', '(metric)')} |"
            for k in f["key_results"])
        facts = [("Period", f["period"]), ("Team", f["team"]), ("Strategy", f["strategy"])]
        (docs / "okrs" / f"{o.id}.md").write_text(page(o, facts) + "\n" + krs + "\n", encoding="utf-8")

    # index pages: one link per item, like our index pages have one card per item
    for kind in ("stage", "theme", "question", "hypothesis", "outcome", "opportunity", "okr", "metric"):
        items = getattr(r, PLURAL[kind])
        lines = [f"# {PLURAL[kind].capitalize()}", ""] + [f"- [{it.title}]({it.id}.md)" for it in items]
        (docs / PLURAL[kind] / "index.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = ["# KPIs", ""] + [f"- [{mt.title}](../metrics/{mt.id}.md): {r.series[mt.id][-1][1]} {mt.fields['unit']}"
                              for mt in r.metrics]
    (docs / "kpis" / "index.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for folder, text in SHORT_PAGES.items():
        (docs / folder).mkdir(parents=True, exist_ok=True)
        (docs / folder / "index.md").write_text(text, encoding="utf-8")
    lines = ["# Journey", ""]
    board = r.themes + r.questions + r.hypotheses
    for s in r.stages:
        lines += [f"## {s.title}", ""]
        for hz in HORIZONS:
            cell = [it for it in board if it.fields["horizon"] == hz and s.id in it.fields["stages"]]
            lines += [f"### {s.title}: {hz}", ""] + [f"- [{it.title}](../{PLURAL[it.kind]}/{it.id}.md)"
                                                      for it in cell] + [""]
    (docs / "journey" / "index.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = ["# Benchmark roadmap", "", "**Vision:** Every patient who starts physiotherapy finishes it.", "",
             "**Mission:** We give independent clinics a front desk that runs itself.", "", "## Goals", ""]
    lines += [f"- {g.title}" for g in r.goals] + ["", "## Strategies", ""]
    lines += [f"- {s.title}" for s in r.strategies]
    (docs / "index.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


FLOOR_YML = """\
site_name: Benchmark roadmap, hand-written ({n} hypotheses)
theme: {{name: material, font: false}}
plugins:
  - search
nav:
{nav}
not_in_nav: |
{not_in_nav}
"""

# the plugins variant: the same extensions and plugins on both sides, and the same user pages for them
EXTENSIONS = """\
markdown_extensions:
  - admonition
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.snippets
"""
MATERIAL_PLUGINS = "  - tags\n  - blog\n  - offline\n"
USER_NAV = "  - Blog: blog/index.md\n  - Tags: tags.md\n"

OURS_PLUGINS_YML = """\
site_name: Benchmark roadmap, with plugins ({n} hypotheses)
theme: {{name: material, font: false}}
""" + EXTENSIONS + """\
plugins:
  - search
  - outcome-roadmap: {{as_of: {as_of}, content_dir: ../ours/content}}
""" + MATERIAL_PLUGINS + "nav:\n" + USER_NAV

BLOG_INDEX = "# Blog\n"
BLOG_POST = """\
---
date: 2026-11-20
categories:
  - Roadmap
tags:
  - roadmap
  - review
---

# Quarterly roadmap review

We reviewed the roadmap with the clinic advisory board and moved three hypotheses to testing.

<!-- more -->

!!! note "What changed"

    Two outcomes got a new metric, and the journey board lost its oldest column.

??? info "How we review"

    Every quarter, each team walks through its outcomes and the evidence behind its hypotheses.

```yaml
review: {last: 2026-09-15, every: 3 months}
```
"""
TAGS_PAGE = "# Tags\n\n<!-- material/tags -->\n"


def user_pages(docs: Path) -> None:
    """The user pages of the plugins variant (the same on both sides)."""
    (docs / "blog" / "posts").mkdir(parents=True, exist_ok=True)
    (docs / "blog" / "index.md").write_text(BLOG_INDEX, encoding="utf-8")
    (docs / "blog" / "posts" / "roadmap-review.md").write_text(BLOG_POST, encoding="utf-8")
    (docs / "tags.md").write_text(TAGS_PAGE, encoding="utf-8")


NAIVE_YML = """\
site_name: Benchmark roadmap, hand-written, default navigation ({n} hypotheses)
theme: {{name: material, font: false}}
docs_dir: ../floor/docs
plugins:
  - search
"""


def generate(n: int, out: Path, seed: int = 1, force: bool = False) -> Path:
    """Write ``<out>/n<N>/{ours,floor,naive,ours-plugins,floor-plugins}``; skipped when an identical tree is already there."""
    root = out / f"n{n}"
    stamp = root / "STAMP"
    key = f"v{GENERATOR_VERSION} n={n} seed={seed} " + hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    if not force and stamp.is_file() and stamp.read_text() == key:
        return root
    if root.exists():
        shutil.rmtree(root)
    r = build(n, seed)
    ours = root / "ours"
    (ours / "docs").mkdir(parents=True)
    write_content(r, ours)
    (ours / "mkdocs.yml").write_text(OURS_YML.format(n=n, as_of=AS_OF), encoding="utf-8")
    # the same without Material's search plugin, to tell its share of a build (run.py --attribution)
    (ours / "mkdocs.nosearch.yml").write_text(OURS_YML.format(n=n, as_of=AS_OF).replace("  - search\n", ""),
                                              encoding="utf-8")
    floor = root / "floor"
    handwritten(r, floor / "docs")
    nav = NAV
    excluded = "\n".join(f"  /{p}/*.md" for p in PLURAL.values()) + "\n  !index.md"
    (floor / "mkdocs.yml").write_text(FLOOR_YML.format(n=n, nav=nav, not_in_nav=excluded), encoding="utf-8")
    (floor / "mkdocs.nosearch.yml").write_text(FLOOR_YML.format(n=n, nav=nav, not_in_nav=excluded).replace(
        "  - search\n", "  []\n").replace("plugins:\n  []", "plugins: []"), encoding="utf-8")
    # the plugins variant
    ours_p = root / "ours-plugins"
    user_pages(ours_p / "docs")
    (ours_p / "mkdocs.yml").write_text(OURS_PLUGINS_YML.format(n=n, as_of=AS_OF), encoding="utf-8")
    floor_p = root / "floor-plugins"
    shutil.copytree(floor / "docs", floor_p / "docs")
    user_pages(floor_p / "docs")
    floor_yml = FLOOR_YML.format(n=n, nav=nav + "\n" + USER_NAV.rstrip("\n"), not_in_nav=excluded).replace(
        "hand-written (", "hand-written, with plugins (")
    (floor_p / "mkdocs.yml").write_text(floor_yml.replace("plugins:\n  - search\n", "plugins:\n  - search\n"
                                                          + MATERIAL_PLUGINS).replace("plugins:\n", EXTENSIONS + "plugins:\n", 1),
                                        encoding="utf-8")
    naive = root / "naive"
    naive.mkdir()
    (naive / "mkdocs.yml").write_text(NAIVE_YML.format(n=n), encoding="utf-8")
    (root / "ITEMS").write_text(f"{r.count()}\n")
    stamp.write_text(key)
    return root


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="250,500,1000,2000,4000", help="comma-separated numbers of hypotheses")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: bench/out)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--force", action="store_true", help="regenerate even when an identical tree exists")
    args = p.parse_args(argv)
    for n in (int(s) for s in args.sizes.split(",") if s.strip()):
        root = generate(n, args.out, args.seed, args.force)
        print(f"{root}: {(root / 'ITEMS').read_text().strip()} items")
    return 0


if __name__ == "__main__":
    sys.exit(main())
