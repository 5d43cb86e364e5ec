"""``roadmap-gen schema KIND`` / ``schema --all --out DIR``: JSON Schemas of the content files."""

from __future__ import annotations

import argparse
from pathlib import Path

from roadmap_gen.format.diagnostics import display_path
from roadmap_gen.cli.common import EXIT_OK, HelpFormatter, UsageError, err, write_data

EPILOG = """\
Exit 0 ok, 2 usage errors (unknown kind, KIND and --all together).

examples:
  roadmap-gen schema hypothesis > hypothesis.schema.json
  roadmap-gen schema --all --out schemas"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("schema", help="print the JSON Schema of a content file kind",
                              description="Print the JSON Schema (draft 2020-12) of one kind of content file, "
                                          "derived from the same declarations the checker uses, for editors and CI. "
                                          "Kinds: roadmap, journey, metrics, outcome, theme, question, hypothesis, "
                                          "opportunity, okr, insight (plurals work too). Markdown kinds describe "
                                          "the front matter.",
                              epilog=EPILOG, formatter_class=HelpFormatter)
    p.add_argument("kind", metavar="KIND", nargs="?", help="e.g. hypothesis, okr, roadmap")
    p.add_argument("--all", action="store_true", help="every kind, one file each (needs --out)")
    p.add_argument("--out", metavar="DIR", help="write <kind>.schema.json files into DIR instead of printing")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from roadmap_gen.format.schema import SCHEMA_KINDS, UnknownKind, kind_schema, resolve_kind, schema_filename, to_json

    if args.all and args.kind:
        raise UsageError("give a KIND or --all, not both")
    if not args.all and not args.kind:
        raise UsageError(f"give a KIND ({', '.join(SCHEMA_KINDS)}) or --all --out DIR")
    if args.all and not args.out:
        raise UsageError("--all writes one file per kind: give the folder with --out DIR")
    try:
        kinds = list(SCHEMA_KINDS) if args.all else [resolve_kind(args.kind)]
    except UnknownKind as exc:
        raise UsageError(str(exc)) from None
    if not args.out:
        write_data(to_json(kind_schema(kinds[0])))
        return EXIT_OK
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} is not a folder")
    out.mkdir(parents=True, exist_ok=True)
    for kind in kinds:
        path = out / schema_filename(kind)
        path.write_text(to_json(kind_schema(kind)), encoding="utf-8", newline="\n")
        err(f"wrote {display_path(path)}")
    return EXIT_OK
