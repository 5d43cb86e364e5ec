"""``roadmap-gen check``: validate a roadmap and report every problem as path:line:column, and its
roadmap health (findings: valid content that does not follow the method, see
:mod:`roadmap_gen.compile.health`) as ``path:line:column: warning: message [rule]``."""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import TextIO

from roadmap_gen.compile.compiler import Compiled
from roadmap_gen.compile.health import SUMMARIES
from roadmap_gen.format.diagnostics import printable
from roadmap_gen.cli.common import EXIT_CONTENT, EXIT_OK, HelpFormatter, add_project_args, compile_project

EPILOG = """\
Roadmap health: besides errors, check reports findings, places where the roadmap is valid but does not \
follow the method, as `path:line:column: warning: message [rule]`, once the roadmap has no errors. They \
never make check fail unless --strict is given. The rules:
{rules}
Switch rules off with --ignore RULE or, for check and the site alike, the plugin option \
`health: {{ignore: [RULE, ...]}}` in mkdocs.yml.

examples:
  roadmap-gen check                          # the project in the current folder
  roadmap-gen check path/to/mkdocs.yml --audience public
  roadmap-gen check --format github          # in GitHub Actions: annotations on the changed files
  roadmap-gen check --strict                 # in CI: fail on findings too
  roadmap-gen check --ignore outcome-without-team --ignore metric-stale""".format(rules="\n".join(f"  {rule:28} {text}" for rule, text in SUMMARIES.items()))


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "check", help="validate a roadmap and report every problem and roadmap health finding as path:line:column",
        description="Validate a roadmap: every problem in one run, as path:line:column: message, "
                    "sorted by path and line, then its roadmap health findings. Exit 0 clean or with findings only, "
                    "1 content errors (or, with --strict, findings), 2 usage errors.",
        epilog=EPILOG, formatter_class=HelpFormatter)
    add_project_args(p)
    p.add_argument("--format", choices=("text", "github", "json"), default="text",
                   help="text (default); github: ::error and ::warning annotations plus the plain lines; json")
    p.add_argument("--strict", action="store_true",
                   help="exit 1 when there are roadmap health findings too (not only errors)")
    p.add_argument("--ignore", action="append", metavar="RULE",
                   help="skip a roadmap health rule (repeatable); adds to the plugin option health: {ignore: [...]}")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    t0 = time.perf_counter()
    _project, result = compile_project(args)
    elapsed = time.perf_counter() - t0
    if args.format == "json":
        _write_json(result, sys.stdout)
    else:
        _write_text(result, sys.stdout, github=args.format == "github")
        print(_summary(result, elapsed, args.strict), file=sys.stderr)
    errors = [d for d in result.diagnostics if d.is_error]
    return EXIT_CONTENT if errors or result.roadmap is None or (args.strict and result.findings) else EXIT_OK


def gh_escape(text: str, prop: bool = False) -> str:
    """``text`` escaped for a GitHub workflow command (``prop``: a property value)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def _write_json(result: Compiled, out: TextIO) -> None:
    diags = result.diagnostics
    errors = sum(1 for d in diags if d.is_error)
    json.dump({
        "ok": not errors, "errors": errors, "warnings": len(diags) - errors,
        "diagnostics": [{"path": d.loc.path, "line": d.loc.line, "column": d.loc.column,
                         "severity": d.severity, "message": d.message} for d in diags],
        "findings": [{"rule": f.rule, "path": f.loc.path, "line": f.loc.line, "column": f.loc.column,
                      "message": f.message, "item": {"kind": f.item[0], "id": f.item[1]} if f.item else None}
                     for f in result.findings],
        "dropped": [{"path": d.loc.path, "line": d.loc.line, "column": d.loc.column, "kind": d.kind,
                     "id": d.id, "field": d.field, "target_kind": d.target_kind, "target_id": d.target_id}
                    for d in result.dropped],
    }, out, indent=2)
    out.write("\n")


def _write_text(result: Compiled, out: TextIO, github: bool) -> None:
    for d in result.diagnostics:
        if github:
            level = "error" if d.is_error else "warning"
            out.write(f"::{level} file={gh_escape(printable(d.loc.path), True)},line={d.loc.line},"
                      f"col={d.loc.column}::{gh_escape(d.message)}\n")
        out.write(f"{d}\n")
    for f in result.findings:
        if github:
            out.write(f"::warning file={gh_escape(printable(f.loc.path), True)},line={f.loc.line},"
                      f"col={f.loc.column},title={gh_escape('roadmap health: ' + f.rule, True)}::"
                      f"{gh_escape(f.message)}\n")
        out.write(f"{f}\n")
    for d in result.dropped:
        out.write(f"{d.loc}: note: {str(d).split(': ', 1)[1]}\n")


def _summary(result: Compiled, elapsed: float, strict: bool = False) -> str:
    """``✓ 0 errors, 2 warnings, 3 findings in 15 files (...) in 0.05 s``, for stderr (✗ when check fails)."""
    errors = sum(1 for d in result.diagnostics if d.is_error)
    warnings = len(result.diagnostics) - errors
    findings = len(result.findings)
    items = sum(1 for _ in result.roadmap.all_items()) if result.roadmap else 0
    summary = (f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}, {findings} "
               f"finding{'s' * (findings != 1)} in {len(result.files)} files ({items} items, "
               f"audience {result.audience}, as of {result.as_of}) in {elapsed:.2f} s")
    if result.dropped:
        summary += f"; {len(result.dropped)} reference(s) dropped from the public site"
    if errors:
        summary += "; roadmap health is checked once there are no errors"
    elif result.health_ignore:
        summary += f"; health rules ignored: {', '.join(result.health_ignore)}"
    return ("✗ " if errors or (strict and findings) else "✓ ") + summary
