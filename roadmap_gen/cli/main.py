"""``roadmap-gen``: the command line, over the same compiler as the plugin.

Exit codes: 0 clean, 1 content errors, 2 usage errors.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Callable

from roadmap_gen.version import __version__
from roadmap_gen.compile.audience import AUDIENCES
from roadmap_gen.compile.compiler import Compiled, Compiler
from roadmap_gen.compile.compute import resolve_as_of
from roadmap_gen.cli.project import Project, ProjectError, find_project

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


def _date(text: str):
    try:
        return resolve_as_of(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (expected YYYY-MM-DD)") from None


def _project_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", nargs="?", default=".", type=Path,
                   help="a folder with mkdocs.yml (its outcome-roadmap options are used), a mkdocs.yml file, "
                        "or a content folder (default: the current folder)")
    p.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD",
                   help="date for time-based figures (default: the plugin's as_of, else SOURCE_DATE_EPOCH, "
                        "else today)")
    p.add_argument("--audience", choices=AUDIENCES,
                   help="`public` keeps only what is marked public (default: the plugin's audience, else internal)")


def compile_project(args: argparse.Namespace) -> tuple[Project, Compiled]:
    try:
        project = find_project(args.path)
    except ProjectError as exc:
        raise UsageError(str(exc)) from None
    option = project.options.get("as_of")
    try:
        as_of = args.as_of or resolve_as_of(option)
    except (ValueError, OverflowError, OSError) as exc:
        where = f"the plugin option as_of ({option!r})" if option else \
            f"SOURCE_DATE_EPOCH ({os.environ.get('SOURCE_DATE_EPOCH')!r})"
        raise UsageError(f"{where} is not a date: {exc}") from None
    audience = args.audience or project.options.get("audience", "internal")
    if audience not in AUDIENCES:
        raise UsageError(f"audience must be one of {', '.join(AUDIENCES)}, found {audience!r}")
    return project, Compiler(project.content_dir).compile(as_of, audience)


# -- check ------------------------------------------------------------------------

def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def cmd_check(args: argparse.Namespace) -> int:
    t0 = time.perf_counter()
    project, result = compile_project(args)
    elapsed = time.perf_counter() - t0
    diags = result.diagnostics
    errors = [d for d in diags if d.is_error]
    warnings = [d for d in diags if not d.is_error]
    out = sys.stdout
    if args.format == "json":
        json.dump({
            "ok": not errors, "errors": len(errors), "warnings": len(warnings),
            "diagnostics": [{"path": d.loc.path, "line": d.loc.line, "column": d.loc.column,
                             "severity": d.severity, "message": d.message} for d in diags],
            "dropped": [{"path": d.loc.path, "line": d.loc.line, "column": d.loc.column, "kind": d.kind,
                         "id": d.id, "field": d.field, "target_kind": d.target_kind, "target_id": d.target_id}
                        for d in result.dropped],
        }, out, indent=2)
        out.write("\n")
    else:
        for d in diags:
            if args.format == "github":
                level = "error" if d.is_error else "warning"
                out.write(f"::{level} file={_gh_escape(d.loc.path, True)},line={d.loc.line},"
                          f"col={d.loc.column}::{_gh_escape(d.message)}\n")
            out.write(f"{d}\n")
        for d in result.dropped:
            out.write(f"{d.loc}: note: {str(d).split(': ', 1)[1]}\n")
        items = sum(1 for _ in result.roadmap.all_items()) if result.roadmap else 0
        summary = (f"{len(errors)} error{'s' * (len(errors) != 1)}, {len(warnings)} warning"
                   f"{'s' * (len(warnings) != 1)} in {len(result.files)} files ({items} items, "
                   f"audience {result.audience}, as of {result.as_of}) in {elapsed:.2f} s")
        if result.dropped:
            summary += f"; {len(result.dropped)} reference(s) dropped from the public site"
        print(("✗ " if errors else "✓ ") + summary, file=sys.stderr)
    return EXIT_CONTENT if errors or result.roadmap is None else EXIT_OK


# -- export -----------------------------------------------------------------------

def cmd_export(args: argparse.Namespace) -> int:
    from roadmap_gen.site.export import roadmap_data, to_json

    project, result = compile_project(args)
    if not result.ok:
        for d in result.diagnostics:
            print(d, file=sys.stderr)
        return EXIT_CONTENT
    text = to_json(roadmap_data(result.roadmap, result.figures, project.directory_urls))
    if args.output and str(args.output) != "-":
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_OK


# -- pages ------------------------------------------------------------------------

def cmd_pages(args: argparse.Namespace) -> int:
    """Write the generated pages as Markdown (with HTML blocks) for another site engine."""
    import shutil

    from roadmap_gen.site.render import Renderer, asset_sources

    t0 = time.perf_counter()
    project, result = compile_project(args)
    if not result.ok:
        for d in result.diagnostics:
            print(d, file=sys.stderr)
        return EXIT_CONTENT
    out = Path(args.out).resolve()
    content = project.content_dir.resolve()
    if out == content or content in out.parents or out in content.parents:
        raise UsageError(f"{args.out}: refusing to write pages into or around the content folder {content}")
    theme = project.config.get("theme") or {}
    options = project.options
    renderer = Renderer(language=theme.get("language") if isinstance(theme, dict) else None,
                        labels=options.get("labels") or {}, directory_urls=project.directory_urls,
                        allow_raw_html=bool(options.get("allow_raw_html", False)))
    wanted = options.get("workers", 0)  # the plugin's option; MkDocs checks its type, here 0 stands in
    pages, roadmap_json = renderer.render_site(result, processes=wanted if type(wanted) is int else 0)
    for page in pages:
        target = out / page.src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    for src, path in asset_sources().items():
        target = out / src
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    (out / "roadmap.json").write_text(roadmap_json or "", encoding="utf-8")
    print(f"wrote {len(pages)} pages, {len(asset_sources())} assets and roadmap.json to {args.out} "
          f"in {time.perf_counter() - t0:.2f} s", file=sys.stderr)
    return EXIT_OK


# -- parser -------------------------------------------------------------------------

COMMANDS: list[tuple[str, Callable[[argparse._SubParsersAction], None]]] = []
"""Extra commands registered by other modules: (name, function adding its sub-parser)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="roadmap-gen",
        description="Outcome roadmaps as Markdown and YAML, compiled into a static site. "
                    "Checks content, exports roadmap.json, writes pages for other site engines.",
        epilog="Exit codes: 0 clean, 1 content errors, 2 usage errors. "
               "Format reference: content format v1 (docs/format.md).")
    parser.add_argument("--version", action="version", version=f"roadmap-gen {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser("check", help="validate a roadmap and report every problem as path:line:column",
                       description="Validate a roadmap: every problem in one run, as path:line:column: message, "
                                   "sorted by path and line. Exit 0 clean, 1 content errors, 2 usage errors.")
    _project_args(p)
    p.add_argument("--format", choices=("text", "github", "json"), default="text",
                   help="text (default); github: ::error annotations plus the plain lines; json")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("export", help="print roadmap.json, exactly as the site publishes it",
                       description="Write the machine-readable roadmap (roadmap.json) to stdout or a file.")
    _project_args(p)
    p.add_argument("--format", choices=("json",), default="json", help="json (the only format for now)")
    p.add_argument("-o", "--output", type=Path, help="write to this file instead of stdout")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("pages", help="write the site's pages as Markdown into a folder (for other site engines)",
                       description="Render every roadmap page as Markdown with HTML blocks, plus the stylesheets, "
                                   "script and roadmap.json, into OUT, so another static-site engine can publish "
                                   "them. Links between pages are relative. Never writes into the content folder.")
    _project_args(p)
    p.add_argument("--out", "-o", required=True, type=Path, help="folder to write the pages into")
    p.set_defaults(func=cmd_pages)

    from . import commands  # noqa: F401  (registers the remaining commands)

    for _name, add in COMMANDS:
        add(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"roadmap-gen: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # pragma: no cover - e.g. `roadmap-gen export | head`
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
