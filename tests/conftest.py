"""Shared test helpers: build small roadmaps in tmp_path, compile them, run the CLI.

Keep this file small and generic; helpers specific to one test module belong there.
"""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BASIC = FIXTURES / "basic"

MINIMAL_ROADMAP = """\
title: Test roadmap
vision: A vision.
mission: A mission.
"""

MINIMAL_JOURNEY = """\
stages:
  - id: onboard
    title: Onboard
"""


def make_roadmap(tmp_path: Path, files: dict[str, str | bytes | None] | None = None) -> Path:
    """Write a minimal valid roadmap under ``tmp_path/roadmap`` and return that folder.

    The content lives in ``<root>/content`` (``roadmap.yml`` and ``journey.yml`` by
    default). ``files`` maps paths relative to the content folder to their text (or
    bytes); ``None`` removes a default file. A key starting with ``../`` writes next to
    the content folder, e.g. ``{"../mkdocs.yml": "..."}``.
    """
    root = tmp_path / "roadmap"
    content = root / "content"
    content.mkdir(parents=True, exist_ok=True)
    merged: dict[str, str | bytes | None] = {"roadmap.yml": MINIMAL_ROADMAP, "journey.yml": MINIMAL_JOURNEY}
    merged.update(files or {})
    for rel, text in merged.items():
        path = (content / rel)
        if text is None:
            if path.exists():
                path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", newline="\n")
    return root


def compile_roadmap(root: Path, as_of: date = date(2026, 11, 25), audience: str = "internal"):
    """Compile ``root/content`` in process; paths in diagnostics are relative to ``root``."""
    from roadmap_gen.compile.compiler import Compiler

    return Compiler(root / "content", display_base=root).compile(as_of, audience)


def messages(compiled) -> list[str]:
    """Every diagnostic of a compile result as its ``path:line:column: message`` text."""
    return [str(d) for d in compiled.diagnostics]


def run_cli(*args: str, cwd: Path | str | None = None, env: dict[str, str] | None = None,
            timeout: float = 60) -> tuple[int, str, str]:
    """Run ``python -m roadmap_gen ARGS`` in a subprocess; return (exit code, stdout, stderr)."""
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    full_env.pop("SOURCE_DATE_EPOCH", None)
    full_env.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "roadmap_gen", *map(str, args)], cwd=cwd, env=full_env,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout)
    return proc.returncode, proc.stdout, proc.stderr


def without_findings(out: str) -> list[str]:
    """The lines of ``roadmap-gen check`` output that are not roadmap health findings
    (``path:line:column: warning: message [rule]``)."""
    from roadmap_gen.compile.health import RULES

    return [x for x in out.splitlines() if not any(x.endswith(f" [{rule}]") and ": warning: " in x for rule in RULES)]


@pytest.fixture
def roadmap(tmp_path: Path):
    """``roadmap(files)`` -> root of a minimal roadmap with ``files`` added (see make_roadmap)."""
    return lambda files=None: make_roadmap(tmp_path, files)
