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
        self._reviews: tuple[tuple, Any] | None = None

    def compile(self, content_dir: Path, display_base: Path, as_of: date, audience: str,
                health_ignore: tuple[str, ...] | list[str] = ()) -> Compiled:
        compiler = self._compilers.get(content_dir)
        if compiler is None:
            compiler = self._compilers[content_dir] = Compiler(content_dir, display_base)
        return compiler.compile(as_of, audience, health_ignore=health_ignore)

    @staticmethod
    def repository(content_dir: Path) -> tuple[Any, str | None]:
        """The content's git repository and its HEAD, opened once per build ((None, None) without one)."""
        from roadmap_gen.git.repo import Git, GitError

        try:
            git = Git.open(content_dir)
            return git, git.resolve("HEAD")
        except (GitError, OSError):
            return None, None

    def history(self, content_dir: Path, repo: tuple[Any, str | None], as_of: date, audience: str, limit: int,
                visible: Any = None) -> Any:
        """The content's history in roadmap terms (see :func:`roadmap_gen.git.history.roadmap_history`)."""
        from roadmap_gen.git.history import roadmap_history

        git, head = repo
        key = (content_dir, head, as_of, audience, limit, visible)
        if self._history is None or self._history[0] != key:
            history = roadmap_history(content_dir, content_dir, as_of, max_commits=limit, audience=audience, git=git,
                                      visible=visible)
            self._history = (key, history)
        return self._history[1]

    def reviews(self, content_dir: Path, repo: tuple[Any, str | None], as_of: date, audience: str, pattern: str,
                current: Compiled) -> Any:
        """The reviews from git tags (see :func:`roadmap_gen.git.reviews.roadmap_reviews`), reused while HEAD,
        the matching tags and the compiled roadmap are the same."""
        from roadmap_gen.git.repo import GitError
        from roadmap_gen.git.reviews import roadmap_reviews, tag_fingerprint

        git, head = repo
        try:
            state: Any = (head, tag_fingerprint(git, pattern)) if git is not None else None
        except (GitError, OSError):
            git, state = None, None
        key = (content_dir, state, as_of, audience, pattern, current.roadmap)  # the same roadmap object while unchanged
        if self._reviews is None or self._reviews[0] != key:
            self._reviews = (key, roadmap_reviews(content_dir, as_of, current, audience, pattern, git=git))
        return self._reviews[1]
