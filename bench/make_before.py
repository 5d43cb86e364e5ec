#!/usr/bin/env python3
"""Make the "before" tree of bench/README.md: this repository's roadmap_gen/ and theme/ with the
performance work of the fast-HTML/indexes change taken out, for ``bench/run.py --baseline``.

``views.py``, ``urls.py`` and ``sanitize.py`` come from commit 9105e53 (the last one before that work
touched them); in ``render.py``, ``loader.py`` and ``plugin.py`` the changes are reverted in place (the
fast HTML path off, the old heading regex, no Jinja settings, no caches, no garbage-collector
settings), so templates and features stay those of the working tree. A record of how the figures were
made: once these files move on, the replacements below may no longer apply (each one is checked).

    .venv/bin/python bench/make_before.py /tmp/rg-before
    .venv/bin/python bench/run.py --baseline /tmp/rg-before
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def replace(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:
        raise SystemExit(f"cannot revert: {old!r} is not in the file exactly once")
    return text.replace(old, new)


def main(dst: Path) -> None:
    shutil.rmtree(dst, ignore_errors=True)
    shutil.copytree(REPO / "roadmap_gen", dst / "roadmap_gen", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "theme", dst / "theme")
    pkg = dst / "roadmap_gen"
    for name in ("views.py", "urls.py", "sanitize.py"):
        old = subprocess.run(["git", "show", f"9105e53:roadmap_gen/{name}"], cwd=REPO, capture_output=True,
                             text=True, check=True).stdout
        (pkg / name).write_text(old, encoding="utf-8")

    r = (pkg / "render.py").read_text(encoding="utf-8")
    r = replace(r, '_HEADING = re.compile(r"\\n(#{1,6} [^\\n]*)")',
                '_HEADING = re.compile(r"\\n*^(#{1,6} [^\\n]*)$\\n*", re.MULTILINE)')
    r = replace(r, '_BLANKS = re.compile(r"\\n\\n\\n+")', '_BLANKS = re.compile(r"\\n{3,}")')
    r = replace(r, ',\n                             auto_reload=False, bytecode_cache=_TEMPLATES)', ')')
    r = replace(r, "self._fingerprint = self.fingerprint() if cache else None", "self._fingerprint = None")
    r = replace(r, 'body = _HEADING.sub(r"\\n\\n\\n\\1\\n\\n", "\\n" + body).strip()',
                'body = _HEADING.sub(r"\\n\\n\\1\\n\\n", body).strip()')
    (pkg / "render.py").write_text(r, encoding="utf-8")

    loader = (pkg / "loader.py").read_text(encoding="utf-8")
    a = loader.index("    def display(self, path: Path) -> str:")
    b = loader.index("    def _cached(")
    loader = loader[:a] + ("    def display(self, path: Path) -> str:\n"
                           "        return display_path(path, self.display_base)\n\n") + loader[b:]
    (pkg / "loader.py").write_text(loader, encoding="utf-8")

    p = (pkg / "plugin.py").read_text(encoding="utf-8")
    p = replace(p, 'self._fast = os.environ.get("ROADMAP_GEN_FAST_HTML", "1") != "0" and fasthtml.supported(',
                "self._fast = False and fasthtml.supported(")
    p = replace(p, "        gc.disable()\n", "")
    p = replace(p, "        gc.freeze()\n", "")
    (pkg / "plugin.py").write_text(p, encoding="utf-8")
    print(dst)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/rg-before"))
