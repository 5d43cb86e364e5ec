"""What the plugin keeps from one build to the next (``mkdocs serve`` keeps the plugin instance)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from roadmap_gen.compile.compiler import Compiled, Compiler


class BuildCache:
    """One compiler per content folder (files re-parsed only when their bytes change; the compiled roadmap
    reused while the content's fingerprint is unchanged) and the last git history, by HEAD and options."""

    def __init__(self) -> None:
        self._compilers: dict[Path, Compiler] = {}
        self._history: tuple[tuple, Any] | None = None

    def compile(self, content_dir: Path, display_base: Path, as_of: date, audience: str) -> Compiled:
        compiler = self._compilers.get(content_dir)
        if compiler is None:
            compiler = self._compilers[content_dir] = Compiler(content_dir, display_base)
        return compiler.compile(as_of, audience)

    def history(self, content_dir: Path, as_of: date, audience: str, limit: int, visible: Any = None) -> Any:
        """The content's history in roadmap terms (see :func:`roadmap_gen.git.history.roadmap_history`)."""
        from roadmap_gen.git.history import roadmap_history
        from roadmap_gen.git.repo import Git, GitError

        try:
            git = Git.open(content_dir)
            head = git.resolve("HEAD")
        except (GitError, OSError):
            git = head = None
        key = (content_dir, head, as_of, audience, limit, visible)
        if self._history is None or self._history[0] != key:
            history = roadmap_history(content_dir, content_dir, as_of, max_commits=limit, audience=audience, git=git,
                                      visible=visible)
            self._history = (key, history)
        return self._history[1]
