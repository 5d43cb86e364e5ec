"""``roadmap-gen``: the command line, over the same compiler as the plugin.

One module per command, each with ``add_parser(subparsers)`` and ``run(args)``;
what they share is in :mod:`roadmap_gen.cli.common`. This module only puts the
parser together and runs the chosen command; nothing in ``cli/`` imports it.

Exit codes: 0 clean, 1 content errors, 2 usage errors.
"""

from __future__ import annotations

import argparse
import sys

from roadmap_gen.version import __version__
from roadmap_gen.cli import check, diff, export, history, init, new, pack, pages, schema
from roadmap_gen.cli.common import EXIT_OK, EXIT_USAGE, UsageError, os_error_text
from roadmap_gen.format.diagnostics import printable
from roadmap_gen.cli.common import EXIT_CONTENT, compile_project  # noqa: F401  (still importable from here)

COMMANDS = (check, export, pages, pack, diff, history, schema, new, init)
"""The command modules, in the order ``--help`` lists them."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="roadmap-gen",
        description="Outcome roadmaps as Markdown and YAML, compiled into a static site. "
                    "Checks content, exports roadmap.json, writes pages for other site engines.",
        epilog="Exit codes: 0 clean, 1 content errors, 2 usage errors. "
               "The content format: content/README.md in a project made by `roadmap-gen init`, "
               "docs/guide/format.md in roadmap-gen's source, `roadmap-gen schema --all` for editors. "
               "`roadmap-gen COMMAND --help` describes a command, with examples.")
    parser.add_argument("--version", action="version", version=f"roadmap-gen {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for command in COMMANDS:
        command.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a terminal that cannot show a character gets an escape
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"roadmap-gen: error: {printable(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # pragma: no cover - e.g. `roadmap-gen export | head`
        return EXIT_OK
    except OSError as exc:  # a read-only or full disk, a folder where a file was expected, ...
        print(f"roadmap-gen: error: {printable(os_error_text(exc))}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
