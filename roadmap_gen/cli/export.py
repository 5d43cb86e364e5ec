"""``roadmap-gen export``: print roadmap.json, exactly as the site publishes it."""

from __future__ import annotations

import argparse
from pathlib import Path

from roadmap_gen.cli.common import (EXIT_CONTENT, EXIT_OK, HelpFormatter, add_project_args, compile_project,
                                    UsageError, output_file, print_diagnostics, write_data)

EPILOG = """\
Exit 0 written, 1 content errors (printed on stderr, nothing written), 2 usage errors.
An internal export lists the roadmap health findings under `health` (paths relative to the project's folder), without the rules the plugin option `health: {ignore: [...]}` switches off.

examples:
  roadmap-gen export > roadmap.json
  roadmap-gen export content --audience public -o public-roadmap.json"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("export", help="print roadmap.json, exactly as the site publishes it",
                              description="Write the machine-readable roadmap (roadmap.json) to stdout or a file.",
                              epilog=EPILOG, formatter_class=HelpFormatter)
    add_project_args(p)
    p.add_argument("--format", choices=("json",), default="json", help="json (the only format for now)")
    p.add_argument("-o", "--output", type=Path, help="write to this file instead of stdout")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from roadmap_gen.site.export import compiled_data, to_json

    target = output_file(Path(args.output)) if args.output and str(args.output) != "-" else None
    project, result = compile_project(args, root_paths=True)  # the site's paths, from wherever it runs
    if not result.ok:
        print_diagnostics(result)
        return EXIT_CONTENT
    text = to_json(compiled_data(result, project.directory_urls))
    if target is not None:
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"{target}: cannot write: {exc.strerror}") from None
    else:
        write_data(text)
    return EXIT_OK
