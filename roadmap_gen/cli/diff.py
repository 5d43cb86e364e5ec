"""``roadmap-gen diff BASE [HEAD]``: what changed between two revisions, in roadmap terms.

HEAD defaults to the working tree. Output as text, Markdown (for pull-request
comments) or JSON; the work is done by :mod:`roadmap_gen.git.diff`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from roadmap_gen.compile.audience import AUDIENCES
from roadmap_gen.format.diagnostics import display_path
from roadmap_gen.cli.common import (EXIT_CONTENT, EXIT_OK, HelpFormatter, UsageError, as_of_date, err,
                                    load_project, project_as_of)
from roadmap_gen.cli.project import Project

EPILOG = """\
examples:
  roadmap-gen diff origin/main                     # this branch's changes, uncommitted ones included
  roadmap-gen diff v1.0 v2.0 --format markdown     # between two tags, as a pull-request comment
  roadmap-gen diff HEAD~1 HEAD --format json --audience public
  roadmap-gen diff --last-review --format markdown  # since the newest review-* tag
  roadmap-gen diff review-2026-q3 review-2026-q4   # between two reviews"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "diff", help="what changed between two git revisions, in roadmap terms",
        description="Compare the roadmap at git revision BASE with HEAD (default: the working tree) and explain "
                    "the change in roadmap terms: items added, removed and changed, status changes, moves between "
                    "horizons and stages, changed targets, new measurements, OKR score changes. Both sides are "
                    "computed for the same date. Exit 0 ok, 1 content errors on either side, 2 usage errors "
                    "(unknown revision, not a git repository).",
        epilog=EPILOG, formatter_class=HelpFormatter)
    p.add_argument("base", metavar="BASE", nargs="?",
                   help="git revision to compare from, e.g. origin/main, HEAD~3 or a review tag (review-2026-q3)")
    p.add_argument("head", metavar="HEAD", nargs="?", help="git revision to compare to (default: the working tree)")
    p.add_argument("--last-review", action="store_true",
                   help="compare from the newest review: the newest tag matching the plugin's review_tags "
                        "(default review-*) in the history of HEAD; no BASE then")
    p.add_argument("--path", type=Path, default=Path("."),
                   help="the project: a folder with mkdocs.yml, a mkdocs.yml file or a content folder "
                        "(default: the current folder)")
    p.add_argument("--as-of", type=as_of_date, metavar="YYYY-MM-DD",
                   help="date both sides are computed for (default: the plugin's as_of, else SOURCE_DATE_EPOCH, "
                        "else today)")
    p.add_argument("--audience", choices=AUDIENCES, help="compare what this audience sees (default: internal)")
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text",
                   help="text (default), markdown (a pull-request comment) or json (a stable structure)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from roadmap_gen.git.diff import diff_roadmaps
    from roadmap_gen.git.render import RENDERERS

    project = load_project(args.path)
    as_of = project_as_of(project, args.as_of)
    audience = args.audience or "internal"
    git, rel, shallow = _open_git(project)
    args.base = _base(git, args, project)
    base_sha = _resolve(git, args.base, shallow)
    head_sha = _resolve(git, args.head, shallow) if args.head else None
    head_label = args.head or "working tree"
    old, new = _load_sides(git, rel, project, as_of, audience, base_sha, head_sha)
    where = rel or "."
    if old is None and new is None:
        raise UsageError(f"no roadmap at {where}/ in `{args.base}` nor in {head_label}")
    if _report_sides(where, ((args.base, old), (head_label, new))):
        err("✗ fix the content errors first (roadmap-gen check)")
        return EXIT_CONTENT
    d = diff_roadmaps(old, new, base=args.base, head=head_label)
    sys.stdout.write(RENDERERS[args.format](d))
    return EXIT_OK


def _open_git(project: Project):
    """The repository holding the content folder, the folder's path in it, and whether the clone is shallow."""
    from roadmap_gen.git.repo import NOT_A_REPO_REASON, Git, GitError, GitMissing

    try:
        git = Git.open(project.content_dir)
        shallow = git.is_shallow()
    except GitMissing as exc:
        raise UsageError(str(exc)) from None
    except GitError as exc:
        if str(exc) != NOT_A_REPO_REASON:
            raise UsageError(str(exc)) from None
        raise UsageError(f"{display_path(project.content_dir)} is not in a git repository; "
                         "diff compares git revisions") from None
    try:
        rel = git.relpath(project.content_dir)
    except ValueError:
        raise UsageError(f"{project.content_dir} is outside the git repository at {git.toplevel}") from None
    return git, rel, shallow


def _base(git, args: argparse.Namespace, project: Project) -> str:
    """BASE, or with ``--last-review`` the newest review tag."""
    from roadmap_gen.git.reviews import DEFAULT_PATTERN, review_tags

    if not args.last_review:
        if not args.base:
            raise UsageError("give BASE (a git revision) or --last-review")
        return args.base
    if args.base and args.head is None:  # `diff --last-review HEAD`: the one revision given is HEAD
        args.head, args.base = args.base, None
    if args.base:
        raise UsageError("--last-review takes the place of BASE: give HEAD only")
    pattern = str(project.options.get("review_tags") or DEFAULT_PATTERN)
    tags = review_tags(git, pattern)
    if not tags:
        raise UsageError(f"no review yet: no tag matching `{pattern}` in the history of HEAD "
                         f"(mark one with `git tag {pattern.replace('*', '2026-q4')}`)")
    return tags[0].name


def _resolve(git, rev: str, shallow: bool) -> str:
    sha = git.resolve(rev)
    if sha is None:
        hint = ("; this is a shallow clone: fetch the full history (e.g. actions/checkout with fetch-depth: 0, "
                "or `git fetch --unshallow`)" if shallow else "")
        raise UsageError(f"unknown revision `{rev}`{hint}")
    return sha


def _load_sides(git, rel: str, project: Project, as_of, audience: str, base_sha: str, head_sha: str | None):
    """Both sides compiled (None where the content folder does not exist); HEAD None: the working tree."""
    from roadmap_gen.compile.compiler import Compiler
    from roadmap_gen.git.repo import GitError, Snapshots

    try:
        with Snapshots(git, rel, as_of, audience) as snaps:
            old = snaps.load(base_sha)
            if head_sha is not None:
                new = snaps.load(head_sha)
            else:
                new = Compiler(project.content_dir).compile(as_of, audience) if project.content_dir.is_dir() else None
    except GitError as exc:
        raise UsageError(f"git: {exc}") from None
    return old, new


def _report_sides(where: str, sides) -> bool:
    """Notes on missing sides and the content errors of each side on stderr; True if a side has errors."""
    failed = False
    old = sides[0][1]
    for label, side in sides:
        if side is None:
            err(f"note: {where}/ does not exist in {label}; everything counts as "
                f"{'added' if side is old else 'removed'}")
            continue
        if side.errors or side.roadmap is None:
            failed = True
            err(f"{label}: the roadmap has content errors:")
            for d in side.diagnostics:
                err(f"  {label + ':' if label != 'working tree' else ''}{d}")
    return failed
