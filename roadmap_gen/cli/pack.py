"""``roadmap-gen pack [PATH] --out FILE.pdf``: the review pack as a PDF (WeasyPrint, ``roadmap-gen[pdf]``)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from roadmap_gen.cli.common import (EXIT_CONTENT, EXIT_OK, HelpFormatter, UsageError, add_project_args,
                                    compile_project, print_diagnostics)

EPILOG = """\
Exit 0 written, 1 content errors (nothing written), 2 usage errors (WeasyPrint missing included).

examples:
  roadmap-gen pack --out review-pack.pdf
  roadmap-gen pack --out public-pack.pdf --audience public
  roadmap-gen pack --out pack.html            # the HTML that is printed, to look at in a browser"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "pack", help="the review pack as a PDF: one-pager, board, outcomes, KPIs, OKRs, changes since the last review",
        description="Render the site's review pack (pack/) to PDF with WeasyPrint: title and as-of date, the VMGS "
                    "one-pager, the journey board on landscape pages, outcomes with status, KPIs with charts, OKRs "
                    "with scores, and what changed since the last review (the newest git tag matching the "
                    "plugin's review_tags, review-* by default). A4, page numbers and the title in the footer. "
                    "Needs the optional extra: pip install 'roadmap-gen[pdf]'.",
        epilog=EPILOG, formatter_class=HelpFormatter)
    add_project_args(p)
    p.add_argument("--out", "-o", required=True, type=Path, help="the PDF to write (a name ending in .html writes "
                                                                  "the HTML instead)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    t0 = time.perf_counter()
    project, result = compile_project(args)
    if not result.ok:
        print_diagnostics(result)
        return EXIT_CONTENT
    from roadmap_gen.git.reviews import DEFAULT_PATTERN, roadmap_reviews
    from roadmap_gen.site.pack import PdfUnavailable, pack_html, write_pdf

    options, config = project.options, project.config
    audience = args.audience or options.get("audience", "internal")
    reviews = roadmap_reviews(project.content_dir.resolve(), result.as_of, result, audience,
                              str(options.get("review_tags") or DEFAULT_PATTERN))
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    custom = [project.config_file.parent / theme["custom_dir"]] if theme.get("custom_dir") and project.config_file \
        else []
    html = pack_html(result, reviews, language=theme.get("language"), labels=options.get("labels") or {},
                     site_url=str(config.get("site_url") or ""), directory_urls=project.directory_urls,
                     custom_dirs=custom)
    out = Path(args.out)
    if out.suffix.lower() in (".html", ".htm"):
        out.write_text(html, encoding="utf-8")
        print(f"wrote {args.out} in {time.perf_counter() - t0:.2f} s", file=sys.stderr)
        return EXIT_OK
    try:
        pages = write_pdf(html, out)
    except PdfUnavailable as exc:
        raise UsageError(str(exc)) from None
    print(f"wrote {args.out}: {pages} pages in {time.perf_counter() - t0:.2f} s", file=sys.stderr)
    return EXIT_OK
