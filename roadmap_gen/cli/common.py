"""What the ``roadmap-gen`` commands share: exit codes, argument helpers, compiling a project.

Every command module (:mod:`~roadmap_gen.cli.check`, :mod:`~roadmap_gen.cli.export`, ...)
imports from here and never from :mod:`roadmap_gen.cli.main`, which imports them all.

Exit codes: 0 clean, 1 content errors, 2 usage errors. A command signals a usage
error by raising :class:`UsageError`; :func:`roadmap_gen.cli.main.main` prints it
and exits 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from roadmap_gen.compile.audience import AUDIENCES
from roadmap_gen.compile.compiler import Compiled, Compiler
from roadmap_gen.compile.compute import resolve_as_of
from roadmap_gen.compile.health import UnknownRule, check_rules
from roadmap_gen.cli.project import Project, ProjectError, find_project

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2

PROJECT_HELP = ("a folder with mkdocs.yml (its outcome-roadmap options are used), a mkdocs.yml file, "
                "or a content folder (default: the current folder)")


class UsageError(Exception):
    """A problem with the command line or the project (exit code 2)."""


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, but each line of a description or epilog is wrapped on its own.

    One-line texts wrap exactly as argparse wraps them; lines indented by two
    spaces (examples) are kept as they are.
    """

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines = []
        for line in text.splitlines():
            if line.startswith("  "):
                lines.append(indent + line)
            else:
                lines.append(super()._fill_text(line, width, indent) if line.strip() else "")
        return "\n".join(lines)


def as_of_date(text: str):
    """The ``--as-of`` argument type: YYYY-MM-DD (argparse reports anything else)."""
    try:
        return resolve_as_of(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def project_as_of(project: Project, given=None):
    """``--as-of``, else the plugin's ``as_of``, else SOURCE_DATE_EPOCH, else today; a UsageError when the
    option or SOURCE_DATE_EPOCH is not a date a site can be as of."""
    if given:
        return given
    option = project.options.get("as_of") if project is not None else None
    try:
        return resolve_as_of(option)
    except ValueError as exc:
        where = "the plugin option as_of" if option else f"SOURCE_DATE_EPOCH ({os.environ.get('SOURCE_DATE_EPOCH')!r})"
        raise UsageError(f"{where}: {exc}") from None


def add_project_args(p: argparse.ArgumentParser) -> None:
    """PATH, ``--as-of`` and ``--audience``, as check, export, pages and history take them."""
    p.add_argument("path", nargs="?", default=".", type=Path, help=PROJECT_HELP)
    p.add_argument("--as-of", type=as_of_date, metavar="YYYY-MM-DD",
                   help="date for time-based figures (default: the plugin's as_of, else SOURCE_DATE_EPOCH, "
                        "else today)")
    p.add_argument("--audience", choices=AUDIENCES,
                   help="`public` keeps only what is marked public (default: the plugin's audience, else internal)")


def load_project(path: Path) -> Project:
    """:func:`find_project`, with its complaint turned into a :class:`UsageError`."""
    try:
        return find_project(path)
    except ProjectError as exc:
        raise UsageError(str(exc)) from None


def health_ignore(project: Project, given: list[str] | None = None) -> tuple[str, ...]:
    """The roadmap health rules to skip: the plugin option ``health: {ignore: [...]}`` and ``--ignore``
    (``given``); a UsageError for an option of the wrong shape or a name that is not a rule."""
    option = project.options.get("health")
    where = f"the plugin option health in {project.config_file}"
    if option is None:
        option = {}
    if not isinstance(option, dict) or set(option) - {"ignore"}:
        raise UsageError(f"{where}: expected `health: {{ignore: [rule, ...]}}`, found {option!r}")
    listed = option.get("ignore") or []
    if not isinstance(listed, list):
        raise UsageError(f"{where}: `ignore` must be a list of rule names, found {listed!r}")
    try:
        check_rules(listed)
    except UnknownRule as exc:
        raise UsageError(f"{where}: {exc}") from None
    try:
        return check_rules([*listed, *(given or ())])
    except UnknownRule as exc:
        raise UsageError(f"--ignore: {exc}") from None


def compile_project(args: argparse.Namespace, root_paths: bool = False) -> tuple[Project, Compiled]:
    """Find the project at ``args.path`` and compile it for ``args.as_of`` and ``args.audience``, without
    the roadmap health rules the plugin option and ``args.ignore`` (if the command has it) switch off.

    Missing arguments fall back to the plugin's options in mkdocs.yml. Paths in messages are relative to
    the working folder, or with ``root_paths`` to the project's folder (as the site's roadmap.json has them).
    """
    project = load_project(args.path)
    as_of = project_as_of(project, args.as_of)
    audience = args.audience or project.options.get("audience", "internal")
    if audience not in AUDIENCES:
        raise UsageError(f"audience must be one of {', '.join(AUDIENCES)}, found {audience!r}")
    if not project.content_dir.is_dir():
        where = f" (`content_dir` in {project.config_file})" if project.config_file else ""
        raise UsageError(f"content folder {project.content_dir} not found{where}")
    ignore = health_ignore(project, getattr(args, "ignore", None))
    compiler = Compiler(project.content_dir, project.root if root_paths else None)
    return project, compiler.compile(as_of, audience, health_ignore=ignore)


def err(text: str) -> None:
    """One line on stderr."""
    print(text, file=sys.stderr)


def write_data(text: str) -> None:
    """JSON or XML on stdout, as UTF-8 whatever the terminal's encoding (text for people goes through
    ``print``, which escapes what the terminal cannot show)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def positive_int(text: str) -> int:
    """An argument type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, found {value}")
    return value


def os_error_text(exc: OSError) -> str:
    """``path: reason`` for a file the command could not write or read."""
    reason = exc.strerror or type(exc).__name__
    return f"{exc.filename}: {reason}" if exc.filename else reason


def output_file(path: Path) -> Path:
    """A file to write (``-o``): not a folder, in a folder that exists; a UsageError otherwise."""
    if path.is_dir():
        raise UsageError(f"{path} is a folder; give the path of a file to write")
    if not path.parent.is_dir():
        raise UsageError(f"{path.parent} does not exist; create the folder first")
    return path


def print_diagnostics(result: Compiled) -> None:
    """Every diagnostic of ``result``, one a line on stderr."""
    for d in result.diagnostics:
        err(str(d))
