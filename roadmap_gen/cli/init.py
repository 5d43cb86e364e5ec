"""``roadmap-gen init DIR``: a new roadmap repository with a starter roadmap and CI (:mod:`roadmap_gen.scaffold`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from roadmap_gen.format.diagnostics import display_path
from roadmap_gen.cli.common import EXIT_CONTENT, EXIT_OK, HelpFormatter, UsageError, err, project_as_of

EPILOG = """\
Exit 0 created, 1 the roadmap has content errors, 2 usage errors (the folder is not empty without --force,
a folder that cannot be written).

examples:
  roadmap-gen init my-roadmap --title "Acme roadmap"
  roadmap-gen init . --force        # add the missing files to an existing repository
  roadmap-gen init my-roadmap --install "git+https://git.example.com/tools/roadmap-gen.git@v0.1.0"

The content format is summed up in the new content/README.md."""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("init", help="create a new roadmap repository with a starter roadmap and CI",
                              description="Create mkdocs.yml, a small valid starter roadmap in content/ (with a "
                                          "short format guide, content/README.md), docs/about.md, README.md, "
                                          ".gitignore, a GitHub Actions workflow and a GitLab CI file. "
                                          "Refuses a folder that is not empty unless --force; never overwrites a "
                                          "file.",
                              epilog=EPILOG, formatter_class=HelpFormatter)
    p.add_argument("dir", metavar="DIR", type=Path, help="the folder to create (or an empty one)")
    p.add_argument("--title", default="Product roadmap", help="the roadmap's title (default: Product roadmap)")
    p.add_argument("--force", action="store_true", help="add the missing files to a folder that is not empty")
    p.add_argument("--install", default="roadmap-gen", metavar="SPEC",
                   help="what the CI files `pip install` (default: roadmap-gen, from PyPI; e.g. a git URL or a "
                        "wheel); CI can override it with a ROADMAP_GEN_SPEC variable")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from roadmap_gen.compile.compiler import Compiler
    from roadmap_gen.scaffold import Refused, ScaffoldError, init_repository

    today = project_as_of(None)
    try:
        result = init_repository(args.dir, args.title, today, force=args.force, install_spec=args.install)
    except ScaffoldError as exc:
        raise UsageError(str(exc)) from None
    except Refused as exc:
        raise UsageError(str(exc)) from None
    for p in result.written:
        print(f"created {display_path(p)}")
    for p in result.kept:
        print(f"kept    {display_path(p)} (exists)")
    compiled = Compiler(Path(args.dir) / "content").compile(today)
    for d in compiled.diagnostics:
        err(str(d))
    if compiled.errors:
        err("✗ the roadmap has content errors (files that existed before were kept as they were)")
        return EXIT_CONTENT
    err(f"✓ a roadmap in {display_path(Path(args.dir))}: edit content/, preview with `mkdocs serve`, "
        "check with `roadmap-gen check`")
    return EXIT_OK
