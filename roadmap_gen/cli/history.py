"""``roadmap-gen history [PATH]``: the roadmap's history from git, as text, JSON or an Atom feed."""

from __future__ import annotations

import argparse
import json

from roadmap_gen.format.diagnostics import printable
from roadmap_gen.cli.common import (EXIT_OK, EXIT_USAGE, HelpFormatter, add_project_args, err, load_project,
                                    positive_int, project_as_of, write_data)

EPILOG = """\
examples:
  roadmap-gen history --max-commits 20
  roadmap-gen history --format atom --site-url https://example.org/roadmap/ > changes.xml"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("history", help="the roadmap's history from git, commit by commit",
                              description="Walk the git history of the content folder (first-parent line of HEAD) "
                                          "and say what each commit changed in roadmap terms. Needs the full history "
                                          "(not a shallow clone). Exit 0 ok, 2 when there is no history to read.",
                              epilog=EPILOG, formatter_class=HelpFormatter)
    add_project_args(p)
    p.add_argument("--max-commits", type=positive_int, default=200, metavar="N", help="newest N commits (default 200)")
    p.add_argument("--format", choices=("text", "json", "atom"), default="text",
                   help="text (default), json, or an Atom feed")
    p.add_argument("--site-url", help="the site's address for the Atom feed (default: site_url of mkdocs.yml)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from roadmap_gen.git.feed import atom_feed
    from roadmap_gen.git.history import roadmap_history

    project = load_project(args.path)
    as_of = project_as_of(project, args.as_of)
    audience = args.audience or project.options.get("audience", "internal")
    root = project.config_file.parent if project.config_file else project.content_dir
    h = roadmap_history(root, project.content_dir.resolve(), as_of, args.max_commits, audience)
    if not h.available:
        err(f"roadmap-gen: no history: {printable(h.detail or h.reason)}")
        return EXIT_USAGE
    if args.format == "atom":
        site = args.site_url or str(project.config.get("site_url") or "")
        base = site if site.endswith("/") or not site else site + "/"
        write_data(atom_feed(h, site, project.config.get("site_name") or "Roadmap changes",
                                   f"{base}changes/", f"{base}changes.xml" if base else None))
    elif args.format == "json":
        write_data(json.dumps(_history_data(h), ensure_ascii=False, indent=2) + "\n")
    else:
        _print_text(h, args.max_commits)
    return EXIT_OK


def _history_data(h) -> dict:
    return {"available": h.available, "as_of": h.as_of, "audience": h.audience, "truncated": h.truncated,
            "commits": [{"sha": e.commit.sha, "short": e.commit.short, "date": e.commit.date,
                         "author": e.commit.author, "subject": e.commit.subject, "title": e.title,
                         "summary": e.summary, "errors": e.errors, "lines": list(e.lines),
                         "diff": e.diff.to_dict()} for e in h.entries]}


def _print_text(h, max_commits: int) -> None:
    lines = []
    for e in h.entries:
        c = e.commit
        lines.append(f"{c.short} {c.date[:10]} {c.author}: {e.title}")
        lines.append(f"    {e.summary}" + (f" ({e.errors} content errors)" if e.errors else ""))
        lines += [f"    - {line}" for line in e.lines]
    if h.truncated:
        lines.append(f"(only the newest {max_commits} commits)")
    for line in lines:
        print(printable(line))  # text from the files stays on its line
