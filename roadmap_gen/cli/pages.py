"""``roadmap-gen pages``: the site's pages as Markdown in a folder, for another site engine."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from roadmap_gen.cli.common import (EXIT_CONTENT, EXIT_OK, HelpFormatter, UsageError, add_project_args,
                                    compile_project, print_diagnostics)

EPILOG = """\
Exit 0 written, 1 content errors (nothing written), 2 usage errors.

example:
  roadmap-gen pages --out build/roadmap   # then point the other engine at build/roadmap"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "pages", help="write the site's pages as Markdown into a folder (for other site engines)",
        description="Render every roadmap page as Markdown with HTML blocks, plus the stylesheets, "
                    "script and roadmap.json, into OUT, so another static-site engine can publish "
                    "them. Links between pages are relative. Never writes into the content folder.",
        epilog=EPILOG, formatter_class=HelpFormatter)
    add_project_args(p)
    p.add_argument("--out", "-o", required=True, type=Path, help="folder to write the pages into")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the generated pages as Markdown (with HTML blocks) for another site engine."""
    t0 = time.perf_counter()
    if Path(args.out).exists() and not Path(args.out).is_dir():
        raise UsageError(f"{args.out} is a file; --out takes a folder")
    project, result = compile_project(args, root_paths=True)  # roadmap.json as the site has it
    if not result.ok:
        print_diagnostics(result)
        return EXIT_CONTENT
    out = Path(args.out).resolve()
    content = project.content_dir.resolve()
    if out == content or content in out.parents or out in content.parents:
        raise UsageError(f"{args.out}: refusing to write pages into or around the content folder {content}")

    from roadmap_gen.site.standalone import write_pages

    theme = project.config.get("theme") or {}
    theme = theme if isinstance(theme, dict) else {}
    custom = [project.config_file.parent / theme["custom_dir"]] if theme.get("custom_dir") and project.config_file \
        else []
    options = project.options
    pages = write_pages(result, out, language=theme.get("language"), labels=options.get("labels") or {},
                        directory_urls=project.directory_urls, custom_dirs=custom,
                        allow_raw_html=bool(options.get("allow_raw_html", False)))
    print(f"wrote {len(pages)} pages, the assets and roadmap.json to {args.out} "
          f"in {time.perf_counter() - t0:.2f} s", file=sys.stderr)
    return EXIT_OK
