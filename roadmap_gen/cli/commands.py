"""Commands beyond check and export, registered with :data:`roadmap_gen.cli.COMMANDS`.

* ``diff BASE [HEAD]``: what changed between two revisions (HEAD: the working
  tree), in roadmap terms; text, Markdown for pull-request comments, or JSON.
* ``history [PATH]``: the roadmap's history from git, as text, JSON or Atom.
* ``schema KIND`` / ``schema --all --out DIR``: JSON Schemas of the content files.
* ``new KIND ID``: a new item file from a template.
* ``init DIR``: a new roadmap repository with a starter roadmap and CI.

Exit codes as everywhere: 0 ok, 1 content errors (or a refusal to overwrite),
2 usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from roadmap_gen.cli import main as cli
from roadmap_gen.compile.audience import AUDIENCES
from roadmap_gen.cli.main import EXIT_CONTENT, EXIT_OK, EXIT_USAGE, UsageError
from roadmap_gen.compile.compute import resolve_as_of
from roadmap_gen.format.diagnostics import display_path
from roadmap_gen.cli.project import ProjectError, find_project


def _project(path: Path):
    try:
        return find_project(path)
    except ProjectError as exc:
        raise UsageError(str(exc)) from None


def _err(text: str) -> None:
    print(text, file=sys.stderr)


# -- diff ----------------------------------------------------------------------------------

def cmd_diff(args: argparse.Namespace) -> int:
    from roadmap_gen.compile.compiler import Compiler
    from roadmap_gen.git.diff import RENDERERS, diff_roadmaps
    from roadmap_gen.git.history import NOT_A_REPO_REASON, Git, GitError, GitMissing, Snapshots

    project = _project(args.path)
    as_of = args.as_of or resolve_as_of(project.options.get("as_of"))
    audience = args.audience or "internal"
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

    def resolve(rev: str) -> str:
        sha = git.resolve(rev)
        if sha is None:
            hint = ("; this is a shallow clone: fetch the full history (e.g. actions/checkout with fetch-depth: 0, "
                    "or `git fetch --unshallow`)" if shallow else "")
            raise UsageError(f"unknown revision `{rev}`{hint}")
        return sha

    base_sha = resolve(args.base)
    head_sha = resolve(args.head) if args.head else None
    head_label = args.head or "working tree"
    try:
        with Snapshots(git, rel, as_of, audience) as snaps:
            old = snaps.load(base_sha)
            if head_sha is not None:
                new = snaps.load(head_sha)
            else:
                new = Compiler(project.content_dir).compile(as_of, audience) if project.content_dir.is_dir() else None
    except GitError as exc:
        raise UsageError(f"git: {exc}") from None

    where = rel or "."
    if old is None and new is None:
        raise UsageError(f"no roadmap at {where}/ in `{args.base}` nor in {head_label}")
    failed = False
    for label, side in ((args.base, old), (head_label, new)):
        if side is None:
            _err(f"note: {where}/ does not exist in {label}; everything counts as "
                 f"{'added' if side is old else 'removed'}")
            continue
        if side.errors or side.roadmap is None:
            failed = True
            _err(f"{label}: the roadmap has content errors:")
            for d in side.diagnostics:
                _err(f"  {label + ':' if label != 'working tree' else ''}{d}")
    if failed:
        _err("✗ fix the content errors first (roadmap-gen check)")
        return EXIT_CONTENT
    d = diff_roadmaps(old, new, base=args.base, head=head_label)
    sys.stdout.write(RENDERERS[args.format](d))
    return EXIT_OK


def _add_diff(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "diff", help="what changed between two git revisions, in roadmap terms",
        description="Compare the roadmap at git revision BASE with HEAD (default: the working tree) and explain "
                    "the change in roadmap terms: items added, removed and changed, status changes, moves between "
                    "horizons and stages, changed targets, new measurements, OKR score changes. Both sides are "
                    "computed for the same date. Exit 0 ok, 1 content errors on either side, 2 usage errors "
                    "(unknown revision, not a git repository).")
    p.add_argument("base", metavar="BASE", help="git revision to compare from, e.g. origin/main or HEAD~3")
    p.add_argument("head", metavar="HEAD", nargs="?", help="git revision to compare to (default: the working tree)")
    p.add_argument("--path", type=Path, default=Path("."),
                   help="the project: a folder with mkdocs.yml, a mkdocs.yml file or a content folder "
                        "(default: the current folder)")
    p.add_argument("--as-of", type=cli._date, metavar="YYYY-MM-DD",
                   help="date both sides are computed for (default: the plugin's as_of, else SOURCE_DATE_EPOCH, "
                        "else today)")
    p.add_argument("--audience", choices=AUDIENCES, help="compare what this audience sees (default: internal)")
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text",
                   help="text (default), markdown (a pull-request comment) or json (a stable structure)")
    p.set_defaults(func=cmd_diff)


# -- history ---------------------------------------------------------------------------------

def cmd_history(args: argparse.Namespace) -> int:
    from roadmap_gen.git.history import atom_feed, roadmap_history

    project = _project(args.path)
    as_of = args.as_of or resolve_as_of(project.options.get("as_of"))
    audience = args.audience or project.options.get("audience", "internal")
    root = project.config_file.parent if project.config_file else project.content_dir
    h = roadmap_history(root, project.content_dir.resolve(), as_of, args.max_commits, audience)
    if not h.available:
        _err(f"roadmap-gen: no history: {h.reason}")
        return EXIT_USAGE
    if args.format == "atom":
        site = args.site_url or str(project.config.get("site_url") or "")
        base = site if site.endswith("/") or not site else site + "/"
        sys.stdout.write(atom_feed(h, site, project.config.get("site_name") or "Roadmap changes",
                                   f"{base}changes/", f"{base}changes.xml" if base else None))
    elif args.format == "json":
        data = {"available": h.available, "as_of": h.as_of, "audience": h.audience, "truncated": h.truncated,
                "commits": [{"sha": e.commit.sha, "short": e.commit.short, "date": e.commit.date,
                             "author": e.commit.author, "subject": e.commit.subject, "title": e.title,
                             "summary": e.summary, "errors": e.errors, "lines": list(e.lines),
                             "diff": e.diff.to_dict()} for e in h.entries]}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        for e in h.entries:
            c = e.commit
            print(f"{c.short} {c.date[:10]} {c.author}: {e.title}")
            print(f"    {e.summary}" + (f" ({e.errors} content errors)" if e.errors else ""))
            for line in e.lines:
                print(f"    - {line}")
        if h.truncated:
            print(f"(only the newest {args.max_commits} commits)")
    return EXIT_OK


def _add_history(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("history", help="the roadmap's history from git, commit by commit",
                       description="Walk the git history of the content folder (first-parent line of HEAD) and say "
                                   "what each commit changed in roadmap terms. Needs the full history (not a "
                                   "shallow clone). Exit 0 ok, 2 when there is no history to read.")
    cli._project_args(p)
    p.add_argument("--max-commits", type=int, default=200, metavar="N", help="newest N commits (default 200)")
    p.add_argument("--format", choices=("text", "json", "atom"), default="text",
                   help="text (default), json, or an Atom feed")
    p.add_argument("--site-url", help="the site's address for the Atom feed (default: site_url of mkdocs.yml)")
    p.set_defaults(func=cmd_history)


# -- schema ----------------------------------------------------------------------------------

def cmd_schema(args: argparse.Namespace) -> int:
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
        sys.stdout.write(to_json(kind_schema(kinds[0])))
        return EXIT_OK
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} is not a folder")
    out.mkdir(parents=True, exist_ok=True)
    for kind in kinds:
        path = out / schema_filename(kind)
        path.write_text(to_json(kind_schema(kind)), encoding="utf-8", newline="\n")
        _err(f"wrote {display_path(path)}")
    return EXIT_OK


def _add_schema(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of a content file kind",
                       description="Print the JSON Schema (draft 2020-12) of one kind of content file, derived "
                                   "from the same declarations the checker uses, for editors and CI. Kinds: "
                                   "roadmap, journey, metrics, outcome, theme, question, hypothesis, opportunity, "
                                   "okr (plurals work too). Markdown kinds describe the front matter.")
    p.add_argument("kind", metavar="KIND", nargs="?", help="e.g. hypothesis, okr, roadmap")
    p.add_argument("--all", action="store_true", help="every kind, one file each (needs --out)")
    p.add_argument("--out", metavar="DIR", help="write <kind>.schema.json files into DIR instead of printing")
    p.set_defaults(func=cmd_schema)


# -- new -------------------------------------------------------------------------------------

def cmd_new(args: argparse.Namespace) -> int:
    from roadmap_gen.compile.compiler import Compiler
    from roadmap_gen.compile.loader import Loader
    from roadmap_gen.scaffold.scaffold import FILE_KINDS, LIST_KINDS, Refused, ScaffoldError, list_kind_help, new_item, resolve_kind

    try:
        kind = resolve_kind(args.kind)
    except ScaffoldError as exc:
        raise UsageError(str(exc)) from None
    if kind in LIST_KINDS:
        from roadmap_gen.scaffold.scaffold import check_new_id, title_from_id

        try:
            check_new_id(args.id)
        except ScaffoldError as exc:
            raise UsageError(str(exc)) from None
        sys.stdout.write(list_kind_help(kind, args.id, args.title or title_from_id(args.id)))
        _err(f"roadmap-gen: {kind} entries are not files: nothing written; paste the entry above into "
             f"content/{LIST_KINDS[kind][0]}")
        return EXIT_USAGE
    project = _project(args.path)
    roadmap = Loader(project.content_dir).load().roadmap
    try:
        item = new_item(project.content_dir, kind, args.id, args.title, roadmap, stage=args.stage,
                        horizon=args.horizon, outcome=args.outcome, metric=args.metric, period=args.period,
                        today=resolve_as_of(None))
    except ScaffoldError as exc:
        raise UsageError(str(exc)) from None
    except Refused as exc:
        _err(f"roadmap-gen: {exc}")
        return EXIT_CONTENT
    shown = display_path(item.path)
    result = Compiler(project.content_dir).compile(resolve_as_of(None))
    mine = [d for d in result.errors if d.loc.path == shown]
    for d in mine:
        _err(str(d))
    print(f"created {shown}")
    if mine:
        return EXIT_CONTENT
    others = len(result.errors)
    _err(f"next: replace the TODO placeholders{'' if FILE_KINDS[kind][1] == '.yml' else ' and write the body'}, "
         f"then run roadmap-gen check"
         + (f" (the roadmap already has {others} error{'s' if others != 1 else ''} elsewhere)" if others else ""))
    return EXIT_OK


def _add_new(sub: argparse._SubParsersAction) -> None:
    from roadmap_gen.format.spec import HORIZONS

    p = sub.add_parser("new", help="write a new item file from a template",
                       description="Write content/<kind>/<id> with every required field filled in (the first "
                                   "journey stage, metric or outcome where one is needed) and comments on the "
                                   "rest. Never overwrites a file. Kinds: outcome, theme, question, hypothesis, "
                                   "opportunity, okr; goals, strategies, stages and metrics are entries of YAML "
                                   "lists, for which it prints an entry to paste. Exit 0 written, 1 the file "
                                   "exists, 2 usage errors.")
    p.add_argument("kind", metavar="KIND", help="outcome, theme, question, hypothesis, opportunity or okr")
    p.add_argument("id", metavar="ID", help="lower-case kebab-case id, which is also the file name")
    p.add_argument("--title", help="the title (an OKR's objective; default: from the id)")
    p.add_argument("--stage", help="journey stage id (default: the first stage of journey.yml)")
    p.add_argument("--horizon", choices=HORIZONS, help="now, next or later (default: next)")
    p.add_argument("--outcome", help="the outcome it serves (opportunities: default the first outcome)")
    p.add_argument("--metric", help="the metric (outcomes: default the first metric; OKRs: a key result's metric)")
    p.add_argument("--period", help="an OKR's period, YYYY, YYYY-Qn or YYYY-MM (default: this quarter)")
    p.add_argument("--path", type=Path, default=Path("."), metavar="PROJECT",
                   help="a folder with mkdocs.yml, a mkdocs.yml file or a content folder (default: .)")
    p.set_defaults(func=cmd_new)


# -- init ------------------------------------------------------------------------------------

def cmd_init(args: argparse.Namespace) -> int:
    from roadmap_gen.compile.compiler import Compiler
    from roadmap_gen.scaffold.scaffold import Refused, ScaffoldError, init_repository

    today = resolve_as_of(None)
    try:
        result = init_repository(args.dir, args.title, today, force=args.force)
    except ScaffoldError as exc:
        raise UsageError(str(exc)) from None
    except Refused as exc:
        _err(f"roadmap-gen: {exc}")
        return EXIT_CONTENT
    for p in result.written:
        print(f"created {display_path(p)}")
    for p in result.kept:
        print(f"kept    {display_path(p)} (exists)")
    compiled = Compiler(Path(args.dir) / "content").compile(today)
    for d in compiled.diagnostics:
        _err(str(d))
    if compiled.errors:
        _err("✗ the roadmap has content errors (files that existed before were kept as they were)")
        return EXIT_CONTENT
    _err(f"✓ a roadmap in {display_path(Path(args.dir))}: edit content/, preview with `mkdocs serve`, "
         "check with `roadmap-gen check`")
    return EXIT_OK


def _add_init(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="create a new roadmap repository with a starter roadmap and CI",
                       description="Create mkdocs.yml, a small valid starter roadmap in content/, docs/, README.md, "
                                   ".gitignore, a GitHub Actions workflow and a GitLab CI file. Refuses a folder "
                                   "that is not empty unless --force; never overwrites a file.")
    p.add_argument("dir", metavar="DIR", type=Path, help="the folder to create (or an empty one)")
    p.add_argument("--title", default="Product roadmap", help="the roadmap's title (default: Product roadmap)")
    p.add_argument("--force", action="store_true", help="add the missing files to a folder that is not empty")
    p.set_defaults(func=cmd_init)


for _entry in (("diff", _add_diff), ("history", _add_history), ("schema", _add_schema), ("new", _add_new),
               ("init", _add_init)):
    if _entry[0] not in {name for name, _ in cli.COMMANDS}:
        cli.COMMANDS.append(_entry)
