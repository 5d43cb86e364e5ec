"""Scaffolding: ``roadmap-gen new`` writes one item file, ``roadmap-gen init`` a whole repository.

Both write files that pass ``roadmap-gen check`` as they are, with ``#``
comments that explain each field, and neither ever overwrites a file.
Placeholders that need the author's words start with ``TODO:`` so they are
easy to find (``grep -r TODO: content``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from roadmap_gen.format import model as m
from roadmap_gen.format.diagnostics import did_you_mean
from roadmap_gen.format.spec import ID_RE, YAML11_BOOL, YAML11_NULL, NUMBER_RE, add_months, kebab

FILE_KINDS: dict[str, tuple[str, str]] = {
    "outcome": ("outcomes", ".md"), "theme": ("themes", ".md"), "question": ("questions", ".md"),
    "hypothesis": ("hypotheses", ".md"), "opportunity": ("opportunities", ".md"), "okr": ("okrs", ".yml"),
}
"""Kinds with a file per item: folder and extension."""

LIST_KINDS: dict[str, tuple[str, str]] = {
    "goal": ("roadmap.yml", "goals"), "strategy": ("roadmap.yml", "strategies"),
    "stage": ("journey.yml", "stages"), "metric": ("metrics.yml", "metrics"),
}
"""Kinds that are entries of a YAML list: file and key."""


class ScaffoldError(Exception):
    """A problem with the request (exit code 2), e.g. a bad id or an unknown stage."""


class Refused(Exception):
    """The request is fine but would overwrite something (exit code 1)."""


def resolve_kind(name: str) -> str:
    """``hypotheses`` / ``Hypothesis`` -> ``hypothesis``; any kind of the format, or ScaffoldError."""
    key = name.strip().lower()
    key = m.SINGULAR.get(key, key)
    if key in FILE_KINDS or key in LIST_KINDS:
        return key
    near = did_you_mean(key, [*FILE_KINDS, *LIST_KINDS, *m.SINGULAR])
    near = m.SINGULAR.get(near, near) if near else None
    hint = f" (did you mean `{near}`?)" if near else ""
    raise ScaffoldError(f"unknown kind `{name}`{hint}; `new` writes: {', '.join(FILE_KINDS)}")


def check_new_id(id: str) -> None:
    if ID_RE.match(id):
        return
    fixed = kebab(id)
    hint = f"; try `{fixed}`" if fixed else ""
    raise ScaffoldError(f"`{id}` is not a valid id: ids are lower-case ASCII kebab-case (a-z, 0-9, single "
                        f"hyphens), and the id is the file name{hint}")


def yaml_text(text: str) -> str:
    """``text`` as a YAML scalar that every YAML reader (and roadmap-gen) reads back as that text."""
    plain = (re.fullmatch(r"[^\W\d_][\w ,.?!'()/%+]*(?<! )", text) and ": " not in text and " #" not in text
             and not YAML11_BOOL.match(text) and not YAML11_NULL.match(text) and not NUMBER_RE.match(text))
    return text if plain else json.dumps(text, ensure_ascii=False)


def title_from_id(id: str) -> str:
    words = id.replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def quarter(d: date) -> str:
    return f"{d.year}-Q{(d.month - 1) // 3 + 1}"


# -- new ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class NewItem:
    kind: str
    id: str
    path: Path
    text: str


def _pick(given: str | None, ids: list[str], what: str, field: str) -> str | None:
    if given is None:
        return None
    if given in ids:
        return given
    near = did_you_mean(given, ids)
    hint = f" (did you mean `{near}`?)" if near else (f"; known: {', '.join(ids)}" if ids and len(ids) <= 12 else "")
    raise ScaffoldError(f"--{field}: unknown {what} `{given}`{hint}")


def _commented(label: str, ids: list[str], limit: int = 6) -> str:
    """``# one of: a, b, c`` (the first few ids) for a commented-out reference."""
    if not ids:
        return ""
    more = ", …" if len(ids) > limit else ""
    return f"  # {label}: {', '.join(ids[:limit])}{more}"


def render_item(kind: str, id: str, title: str, roadmap: m.Roadmap | None, *, stage: str | None = None,
                horizon: str | None = None, outcome: str | None = None, metric: str | None = None,
                period: str | None = None, today: date | None = None) -> str:
    """The text of a new item file; references are checked against ``roadmap``."""
    stages = roadmap.ids("stage") if roadmap else []
    metrics = roadmap.ids("metric") if roadmap else []
    outcomes = roadmap.ids("outcome") if roadmap else []
    opportunities = roadmap.ids("opportunity") if roadmap else []
    strategies = roadmap.ids("strategy") if roadmap else []
    themes = roadmap.ids("theme") if roadmap else []
    questions = roadmap.ids("question") if roadmap else []
    today = today or date.today()

    if kind == "okr" and (stage or horizon):
        raise ScaffoldError("OKRs have no stage or horizon; give --period instead")
    if kind == "outcome" and horizon:
        raise ScaffoldError("outcomes have no horizon: they are measured by a metric (--metric) by a date")
    if kind == "opportunity" and horizon:
        raise ScaffoldError("opportunities have no horizon; place the hypotheses under them on horizons")
    if period and kind != "okr":
        raise ScaffoldError("--period is for OKRs only")
    if metric and kind not in ("outcome", "okr"):
        raise ScaffoldError("--metric is for outcomes and OKRs only")
    if outcome and kind in ("outcome", "okr"):
        raise ScaffoldError(f"--outcome is not a field of {'an OKR' if kind == 'okr' else 'an outcome'}")
    stage = _pick(stage, stages, "stage", "stage")
    metric = _pick(metric, metrics, "metric", "metric")
    outcome = _pick(outcome, outcomes, "outcome", "outcome")
    if kind in ("outcome", "theme", "question", "hypothesis") and stage is None:
        if not stages:
            raise ScaffoldError("the journey has no stages yet: add one to journey.yml first")
        stage = stages[0]
    horizon = horizon or "next"
    t = yaml_text(title)
    stage_note = "  # journey stage: " + ", ".join(stages[:8]) + (", …" if len(stages) > 8 else "")
    lines: list[str] = []
    body = ""

    if kind == "okr":
        if period is None:
            period = quarter(today)
        lines += [
            "# An objective and its key results. The id is the file name.",
            f"objective: {t}",
            f"period: {period}  # YYYY, YYYY-Qn or YYYY-MM",
            "# team: growth",
            f"# strategy: {strategies[0]}{_commented('one of', strategies)}" if strategies else "# strategy: <id>",
            "key_results:",
        ]
        if metric:
            lines += ["  - title: \"TODO: what the metric reaches, e.g. grows from X to Y\"",
                      f"    metric: {metric}  # its latest measurement is the current value",
                      "    from: 0  # TODO: the value at the start of the period",
                      "    to: 100  # TODO: the value that scores 1.0"]
        else:
            lines += ["  - title: \"TODO: a measurable result, e.g. interview 20 customers\"",
                      "    from: 0",
                      "    to: 20",
                      "    current: 0  # update as you go; or `metric: <id>` to read it from a metric's data"]
            if metrics:
                lines.append(f"    # metric: {metrics[0]}{_commented('one of', metrics)}")
        return "\n".join(lines) + "\n"

    lines.append("---")
    lines.append(f"title: {t}" + ("  # the question itself" if kind == "question" else ""))
    if kind == "outcome":
        if metric is None:
            if not metrics:
                raise ScaffoldError("outcomes are measured by a metric, and metrics.yml has none yet: add one first")
            metric = metrics[0]
        lines += [
            f"stage: {stage}{stage_note}; or stages: [a, b]",
            f"metric: {metric}  # the leading indicator that shows the behaviour change"
            + (f"; one of: {', '.join(metrics[:6])}{', …' if len(metrics) > 6 else ''}" if len(metrics) > 1 else ""),
            "# target: 45  # the metric value to reach, if not the metric's own target",
            f"# by: {today.year + 1}-06-30  # the deadline, if not the metric's target date",
            f"# strategy: {strategies[0]}" if strategies else "# strategy: <id>",
            "# team: onboarding",
            "# visibility: public  # default: internal",
            "---",
        ]
        body = "TODO: who behaves differently, and why that matters."
    elif kind in ("theme", "question", "hypothesis"):
        lines += [f"stage: {stage}{stage_note}; or stages: [a, b]",
                  f"horizon: {horizon}  # now | next | later"]
        if outcome:
            lines.append(f"outcome: {outcome}")
        elif outcomes:
            lines.append(f"# outcome: {outcomes[0]}{_commented('the outcome it serves, one of', outcomes)}")
        if kind == "question":
            lines += ["status: open  # open | answered | dropped",
                      "# answer: a short answer, once answered"]
            if themes:
                lines.append(f"# theme: {themes[0]}{_commented('one of', themes)}")
        if kind == "hypothesis":
            if themes:
                lines.append(f"# theme: {themes[0]}{_commented('one of', themes)}")
            if questions:
                lines.append(f"# question: {questions[0]}{_commented('one of', questions)}")
            if opportunities:
                lines.append(f"# opportunity: {opportunities[0]}{_commented('its place in the tree', opportunities)}")
            lines += [
                "we_believe: \"TODO: the change we will make\"",
                "will_result_in: \"TODO: the behaviour we expect\"",
                "we_will_know_when: \"TODO: the measurable signal, e.g. a metric moving from X to Y\"",
                "status: idea  # idea | testing | validated | invalidated | parked",
                "# confidence: low  # low | medium | high",
                "# experiments:",
                "#   - title: Fake-door test",
                "#     status: planned  # planned | running | done",
                f"#     start: {today.isoformat()}",
                "# links:",
                "#   - {title: TICKET-1, url: \"https://example.com/TICKET-1\"}",
            ]
        lines += ["# team: onboarding", "# visibility: public  # default: internal", "---"]
        body = {"theme": "TODO: the problem this theme of work solves, for whom.",
                "question": "TODO: why we ask, and how we will find out.",
                "hypothesis": "TODO: evidence so far, and notes."}[kind]
    elif kind == "opportunity":
        if outcome is None and not outcomes and not opportunities:
            raise ScaffoldError("an opportunity hangs under an outcome or a parent opportunity, and there are none "
                                "yet: add an outcome first")
        if outcome is not None or outcomes:
            lines.append(f"outcome: {outcome or outcomes[0]}  # the outcome at the root of its tree"
                         + (f"; or parent: <opportunity id>" if opportunities else ""))
            if opportunities:
                lines.append(f"# parent: {opportunities[0]}{_commented('a parent opportunity, one of', opportunities)}")
        else:
            lines.append(f"parent: {opportunities[0]}  # the parent opportunity"
                         + (f"; one of: {', '.join(opportunities[:6])}" if len(opportunities) > 1 else ""))
        lines.append(f"stage: {stage}" if stage else f"# stage: {stages[0]}{stage_note}" if stages else "# stage: <id>")
        lines += ["# visibility: public  # default: internal", "---"]
        body = "TODO: the need, pain point or desire, in the customer's words."
    else:  # pragma: no cover - resolve_kind keeps other kinds out
        raise ScaffoldError(f"cannot scaffold {kind}")
    return "\n".join(lines) + "\n" + body + "\n"


def list_kind_help(kind: str, id: str, title: str) -> str:
    """Where a YAML-list kind goes, with an entry to paste."""
    file, key = LIST_KINDS[kind]
    t = yaml_text(title)
    entry = {
        "stage": [f"  - id: {id}", f"    title: {t}", "    description: TODO what happens at this stage",
                  "    boosters: [TODO a behaviour that predicts success]",
                  "    blockers: [TODO a behaviour that predicts failure]"],
        "metric": [f"  - id: {id}", f"    title: {t}", "    category: customer  # business | customer | development",
                   "    unit: \"%\"", "    direction: up  # up | down: which way is better", "    review: monthly"],
        "goal": [f"  - id: {id}", f"    title: {t}", "    # metric: <metric id>", "    # target: 100",
                 "    # by: 2027-12-31"],
        "strategy": [f"  - id: {id}", f"    title: {t}", "    # goal: <goal id>", "    active: true"],
    }[kind]
    note = {"metric": f"\nMeasurements go to content/metrics/{id}.csv (date,value,note; oldest first)."}.get(kind, "")
    return (f"{kind} entries live in the `{key}:` list of content/{file}, not in a file of their own.\n"
            f"Add this under `{key}:` (stage order is left to right on the board):\n\n" if kind == "stage" else
            f"{kind} entries live in the `{key}:` list of content/{file}, not in a file of their own.\n"
            f"Add this under `{key}:`:\n\n") + "\n".join(entry) + "\n" + note


def new_item(content_dir: Path, kind: str, id: str, title: str | None, roadmap: m.Roadmap | None,
             **options) -> NewItem:
    """Write a new item file; raises ScaffoldError (bad request) or Refused (file exists)."""
    check_new_id(id)
    folder, ext = FILE_KINDS[kind]
    text = render_item(kind, id, title or title_from_id(id), roadmap, **options)
    path = Path(content_dir) / folder / f"{id}{ext}"
    if path.exists():
        raise Refused(f"{path} already exists; roadmap-gen never overwrites a file (edit it, or pick another id)")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except FileExistsError:
        raise Refused(f"{path} already exists; roadmap-gen never overwrites a file") from None
    return NewItem(kind, id, path, text)


# -- init --------------------------------------------------------------------------------

def starter_files(title: str, today: date) -> dict[str, str]:
    """Every file of a new roadmap repository: relative path -> text. Dates follow ``today``."""
    y = today.year
    month0 = add_months(today.replace(day=1), -2)
    month1 = add_months(today.replace(day=1), -1)
    period = quarter(today)
    t = yaml_text(title)
    q_end = add_months(date(y, 3 * ((today.month - 1) // 3) + 1, 1), 3) - timedelta(days=1)
    files: dict[str, str] = {}
    files["mkdocs.yml"] = f"""\
site_name: {t}
# site_url: https://example.org/roadmap/  # the site's address: canonical links and the changes feed
theme:
  name: material
  font: false  # no requests to Google Fonts
plugins:
  - search
  - outcome-roadmap  # options: content_dir (default content), as_of, audience (internal | public)
"""
    files[".gitignore"] = "/site/\n/public/\n__pycache__/\n.venv/\n"
    files["README.md"] = f"""\
# {title}

An outcome roadmap: *why* and *which behaviour should change*, not which feature
ships on which date. It lives in `content/` as YAML and Markdown, is checked by
[roadmap-gen](https://pypi.org/project/roadmap-gen/) and published as a MkDocs
Material site.

```sh
pip install roadmap-gen
roadmap-gen check                                 # every problem, as path:line:column
mkdocs serve                                      # preview at http://127.0.0.1:8000
roadmap-gen new hypothesis my-idea --title "..."  # a new item from a template
roadmap-gen diff main                             # what this branch changes, in roadmap terms
```

| file | what |
| --- | --- |
| `content/roadmap.yml` | vision, mission, goals, strategies |
| `content/journey.yml` | customer-journey stages, left to right |
| `content/metrics.yml`, `content/metrics/<id>.csv` | metrics and their measurements |
| `content/outcomes/`, `themes/`, `questions/`, `hypotheses/`, `opportunities/` | one Markdown file per item |
| `content/okrs/<id>.yml` | objectives and key results |

Pull requests are checked and described by `.github/workflows/roadmap.yml`
(or `.gitlab-ci.yml`); the default branch is published as the site.
"""
    files["docs/about.md"] = f"""\
# About this roadmap

This roadmap says *why* we build what we build and *which customer behaviour*
should change, measured by metrics. Work sits on a customer-journey stage and a
horizon (now, next, later) rather than on delivery dates.

Everything here is written in the `content/` folder of this site's repository;
changes go through pull requests.
"""
    files["content/roadmap.yml"] = f"""\
# Vision, mission, goals and strategies. Review them every quarter.
title: {t}
# Replace the example below with your own; `roadmap-gen check` tells you what is missing.
vision: Small teams spend their day on the work that matters, not on busywork.
mission: We give small teams a tool that sets itself up and runs their routine for them.
review: {{last: {today.isoformat()}, every: 3 months}}

goals:  # business outcomes (lagging)
  - id: grow-revenue
    title: Grow annual recurring revenue to 2M
    metric: arr
    target: 2000000
    by: {y + 1}-12-31
    north_star: true

strategies:  # what we say yes to (active: true) and, for now, no to
  - id: self-serve
    title: Customers try and set up the product without talking to sales
    goal: grow-revenue
    metric: activation
    active: true
    tactics:
      - title: A guided setup checklist
        active: true
      - title: Sales-led demos for every trial
        active: false
"""
    files["content/journey.yml"] = """\
# Customer-journey stages, left to right on the board.
# Boosters are behaviours that predict success; blockers predict failure.
stages:
  - id: discover
    title: Discover
    description: Finds out the product exists and decides to try it.
    boosters: [Starts a trial from a colleague's recommendation]
    blockers: [Leaves the pricing page within 10 seconds]
  - id: try
    title: Try
    description: Sets the product up and gets a first result.
    boosters: [Invites a colleague in the first week]
    blockers: [Logs in once and not again for three days]
  - id: adopt
    title: Adopt
    description: Uses the product every week as part of the job.
  - id: stay
    title: Stay
    description: Renews, and recommends the product to others.
"""
    files["content/metrics.yml"] = f"""\
# Business metrics lag; customer and development metrics lead.
# Measurements of a metric go to metrics/<id>.csv (date,value,note; oldest first).
metrics:
  - id: arr
    title: Annual recurring revenue
    category: business  # business | customer | development
    unit: EUR
    baseline: {{value: 1000000, date: {month0.isoformat()}}}
    target: {{value: 2000000, by: {y + 1}-12-31}}
    review: monthly
  - id: activation
    title: Trials that reach a first result in week one
    category: customer
    unit: "%"
    direction: up  # up | down: which way is better
    baseline: {{value: 20, date: {month0.isoformat()}}}
    target: {{value: 40, by: {y + 1}-06-30}}
    review: monthly
    source: product analytics, trials started in the month
"""
    files["content/metrics/activation.csv"] = (f"date,value,note\n{month0.isoformat()},20,\n"
                                               f"{month1.isoformat()},23,checklist prototype\n")
    files["content/outcomes/first-result-in-week-one.md"] = """\
---
title: More trials reach a first result in their first week
stage: try
strategy: self-serve
metric: activation
target: 40
---
Customers who get a first result in week one stay. Today most trials stall
before that, while they set things up.
"""
    files["content/themes/faster-first-value.md"] = """\
---
title: Faster first value
stage: try
horizon: now  # now | next | later
outcome: first-result-in-week-one
---
Getting a new customer from sign-up to a first result with less effort.
"""
    files["content/questions/why-trials-stall.md"] = """\
---
title: Why do trials stall before a first result?
stage: try
horizon: now
outcome: first-result-in-week-one
theme: faster-first-value
status: open  # open | answered | dropped
---
Interview five customers whose trial stalled, and read their sessions.
"""
    files["content/opportunities/setup-is-confusing.md"] = """\
---
title: Setting up is confusing
outcome: first-result-in-week-one  # the root of this opportunity solution tree
stage: try
---
"I didn't know what to do first." Heard in most interviews with stalled trials.
"""
    files["content/hypotheses/setup-checklist.md"] = f"""\
---
title: A setup checklist gets trials to a first result
stage: try
horizon: now
outcome: first-result-in-week-one
theme: faster-first-value
question: why-trials-stall
opportunity: setup-is-confusing
we_believe: adding a setup checklist to the empty start page
will_result_in: more new trials reaching a first result in week one
we_will_know_when: week-one activation rises from 20% to 40%
status: testing  # idea | testing | validated | invalidated | parked
confidence: medium  # low | medium | high
experiments:
  - title: Fake-door checklist link
    status: done  # planned | running | done
    start: {month0.isoformat()}
    end: {(month0 + timedelta(days=14)).isoformat()}
    result: 12% of new trials clicked it
---
Evidence and notes go here, in Markdown.
"""
    files[f"content/okrs/first-result-{period.lower()}.yml"] = f"""\
objective: We will get new customers to a first result in their first week
period: {period}  # YYYY, YYYY-Qn or YYYY-MM; this one ends {q_end.isoformat()}
strategy: self-serve
key_results:
  - title: Week-one activation grows from 20% to 30%
    metric: activation  # the current value comes from its measurements
    from: 20
    to: 30
  - title: Interview 10 customers whose trial stalled
    from: 0
    to: 10
    current: 3
"""
    files[".github/workflows/roadmap.yml"] = GITHUB_WORKFLOW
    files[".gitlab-ci.yml"] = GITLAB_CI
    return files


GITHUB_WORKFLOW = """\
# Checks every pull request and describes its roadmap changes in a comment;
# publishes the site to GitHub Pages from the default branch.
# Pages: Settings -> Pages -> Source: GitHub Actions.
name: Roadmap

on:
  pull_request:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read

concurrency:  # a newer push supersedes a pull request's run; deployments always finish
  group: roadmap-${{ github.ref }}
  cancel-in-progress: ${{ github.event_name == 'pull_request' }}

jobs:
  check:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    permissions:
      contents: read
      pull-requests: write
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0  # the whole history: diff against the base branch, changes page
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: pip install roadmap-gen
      - name: Check the roadmap
        run: roadmap-gen check --format github
      - name: Describe the roadmap changes
        env:
          BASE_REF: ${{ github.base_ref }}
        run: |
          roadmap-gen diff "origin/$BASE_REF" --format markdown > roadmap-diff.md
          cat roadmap-diff.md >> "$GITHUB_STEP_SUMMARY"
      - name: Comment on the pull request
        # pull requests from forks get a read-only token: the job summary above still has the diff
        if: github.event.pull_request.head.repo.full_name == github.repository
        env:
          GH_TOKEN: ${{ github.token }}
          PR: ${{ github.event.pull_request.number }}
        run: gh pr comment "$PR" --edit-last --create-if-none --body-file roadmap-diff.md

  build:
    if: github.event_name != 'pull_request'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: pip install roadmap-gen
      - run: roadmap-gen check --format github
      - run: mkdocs build --site-dir site
      - uses: actions/upload-pages-artifact@v3
        with:
          path: site

  deploy:
    needs: build
    runs-on: ubuntu-latest
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""

GITLAB_CI = """\
# Checks every merge request and prints its roadmap changes in the job log;
# publishes the site to GitLab Pages from the default branch.
default:
  image: python:3.12  # has git, which `roadmap-gen diff` needs

variables:
  GIT_DEPTH: "0"  # the whole history: diff against the target branch, changes page
  PIP_CACHE_DIR: "$CI_PROJECT_DIR/.cache/pip"

cache:
  paths: [.cache/pip]

stages: [check, deploy]

roadmap-check:
  stage: check
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  script:
    - pip install roadmap-gen
    - roadmap-gen check
    - roadmap-gen diff "$CI_MERGE_REQUEST_DIFF_BASE_SHA" --format text
    - roadmap-gen diff "$CI_MERGE_REQUEST_DIFF_BASE_SHA" --format markdown > roadmap-diff.md
  artifacts:
    when: always
    expose_as: roadmap diff
    paths: [roadmap-diff.md]

pages:
  stage: deploy
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  script:
    - pip install roadmap-gen
    - roadmap-gen check
    - mkdocs build --site-dir public
  artifacts:
    paths: [public]
"""


@dataclass(frozen=True)
class InitResult:
    written: tuple[Path, ...]
    kept: tuple[Path, ...]  # already there, left alone


def init_repository(directory: Path, title: str, today: date, force: bool = False) -> InitResult:
    """Create a roadmap repository in ``directory``; never overwrites a file.

    Refuses (``Refused``) a folder that is not empty unless ``force``; with
    ``force`` only the missing files are written.
    """
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise ScaffoldError(f"{directory} exists and is not a folder")
    if directory.is_dir() and any(directory.iterdir()) and not force:
        raise Refused(f"{directory} is not empty; use --force to add the missing files (existing files are "
                      "never overwritten)")
    written, kept = [], []
    for rel, text in starter_files(title, today).items():
        path = directory / rel
        if path.exists():
            kept.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with open(path, "x", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        except FileExistsError:  # pragma: no cover - a race
            kept.append(path)
            continue
        written.append(path)
    return InitResult(tuple(written), tuple(kept))

