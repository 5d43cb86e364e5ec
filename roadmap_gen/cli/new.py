"""``roadmap-gen new KIND ID``: a new item file from a template (see :mod:`roadmap_gen.scaffold`).

Exit 0 written (or, for kinds that are entries of a YAML list, an entry printed to
paste), 1 the new file has content errors, 2 usage errors (the file exists, a bad
id or option).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from roadmap_gen.format.diagnostics import display_path
from roadmap_gen.format.spec import HORIZONS
from roadmap_gen.cli.common import EXIT_CONTENT, EXIT_OK, HelpFormatter, UsageError, err, load_project, project_as_of

EPILOG = """\
examples:
  roadmap-gen new hypothesis setup-checklist --title "A setup checklist gets trials to a first result"
  roadmap-gen new outcome first-result-in-week-one --stage try --metric activation
  roadmap-gen new okr onboarding-q3 --period 2026-Q3
  roadmap-gen new insight owners-fear-double-bookings --title "Owners fear double bookings"
  roadmap-gen new okr activation-q3 --outcome first-result-in-week-one   # a key result measuring an outcome
  roadmap-gen new metric activation      # prints an entry to paste into content/metrics.yml
  roadmap-gen new behaviour books-online --stage try   # prints a booster or blocker to paste into journey.yml"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("new", help="write a new item file from a template",
                              description="Write content/<kind>/<id> with every required field filled in (the first "
                                          "journey stage, metric or outcome where one is needed) and comments on the "
                                          "rest. Never overwrites a file. Kinds: outcome, theme, question, "
                                          "hypothesis, opportunity, okr, insight; goals, strategies, tactics, "
                                          "journeys, stages, behaviours and metrics are entries of YAML lists, for "
                                          "which it prints an entry to paste. "
                                          "Exit 0 written (or an entry printed), 1 the new file has content errors, "
                                          "2 usage errors (the file exists, a bad id or option).",
                              epilog=EPILOG, formatter_class=HelpFormatter)
    p.add_argument("kind", metavar="KIND", help="outcome, theme, question, hypothesis, opportunity, okr or insight")
    p.add_argument("id", metavar="ID", help="lower-case kebab-case id, which is also the file name")
    p.add_argument("--title", help="the title (default: from the id) or an OKR's objective (default: a TODO "
                                   "placeholder)")
    p.add_argument("--stage", help="journey stage id (default: the first stage of journey.yml); for a behaviour, "
                                   "the stage it belongs to")
    p.add_argument("--horizon", choices=HORIZONS, help="now, next or later (default: next)")
    p.add_argument("--outcome", help="the outcome it serves (opportunities: default the first outcome; insights: "
                                     "the outcome it is evidence for; OKRs: the outcome a key result measures)")
    p.add_argument("--metric", help="the metric (outcomes: default the first metric; OKRs: a key result's metric)")
    p.add_argument("--period", help="an OKR's period, YYYY, YYYY-Qn or YYYY-MM (default: the one the id ends with, "
                                    "as in nps-2027-q1, else this quarter)")
    p.add_argument("--path", type=Path, default=Path("."), metavar="PROJECT",
                   help="a folder with mkdocs.yml, a mkdocs.yml file or a content folder (default: .)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from roadmap_gen.compile.compiler import Compiler
    from roadmap_gen.compile.loader import Loader
    from roadmap_gen.scaffold import FILE_KINDS, LIST_KINDS, Refused, ScaffoldError, new_item, resolve_kind

    try:
        kind = resolve_kind(args.kind)
    except ScaffoldError as exc:
        raise UsageError(str(exc)) from None
    if kind in LIST_KINDS:
        return _list_entry(kind, args)
    project = load_project(args.path)
    roadmap = Loader(project.content_dir).load().roadmap
    try:
        item = new_item(project.content_dir, kind, args.id, args.title, roadmap, stage=args.stage,
                        horizon=args.horizon, outcome=args.outcome, metric=args.metric, period=args.period,
                        today=project_as_of(None))
    except ScaffoldError as exc:
        raise UsageError(str(exc)) from None
    except Refused as exc:
        raise UsageError(str(exc)) from None
    shown = display_path(item.path)
    result = Compiler(project.content_dir).compile(project_as_of(None))
    mine = [d for d in result.errors if d.loc.path == shown]
    for d in mine:
        err(str(d))
    print(f"created {shown}")
    if mine:
        return EXIT_CONTENT
    others = len(result.errors)
    err(f"next: replace the TODO placeholders{'' if FILE_KINDS[kind][1] == '.yml' else ' and write the body'}, "
        f"then run roadmap-gen check"
        + (f" (the roadmap already has {others} error{'s' if others != 1 else ''} elsewhere)" if others else ""))
    return EXIT_OK


def _list_entry(kind: str, args: argparse.Namespace) -> int:
    """Goals, strategies, tactics, journeys, stages, behaviours and metrics are not files: print an entry to
    paste, write nothing. A behaviour's ``--stage`` is checked against the roadmap."""
    from roadmap_gen.scaffold import LIST_KINDS, ScaffoldError, check_new_id, list_kind_help, title_from_id

    try:
        check_new_id(args.id)
        stage = _behaviour_stage(args) if kind == "behaviour" else None
    except ScaffoldError as exc:
        raise UsageError(str(exc)) from None
    sys.stdout.write(list_kind_help(kind, args.id, args.title or title_from_id(args.id), stage=stage))
    err(f"{kind} entries are not files: nothing written; paste the entry above into content/{LIST_KINDS[kind][0]}")
    return EXIT_OK


def _behaviour_stage(args: argparse.Namespace) -> str | None:
    """``--stage`` of a new behaviour, one of the roadmap's stages (ScaffoldError with a suggestion if not)."""
    from roadmap_gen.compile.loader import Loader
    from roadmap_gen.scaffold import ScaffoldError, pick

    if args.stage is None:
        return None
    roadmap = Loader(load_project(args.path).content_dir).load().roadmap
    if roadmap is None:
        raise ScaffoldError("--stage: journey.yml cannot be read, so the stage cannot be checked")
    return pick(args.stage, roadmap.ids("stage"), "stage", "stage")
