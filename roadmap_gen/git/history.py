"""The roadmap's history from git: what changed, commit by commit and item by item.

:func:`roadmap_history` walks ``git log --first-parent`` of the content folder
and diffs each commit against its first parent with
:func:`roadmap_gen.git.diff.diff_roadmaps`. It never raises: without git,
outside a repository, or in a shallow clone it returns a :class:`History` with
``available=False`` and a ``reason`` for people. The output for the same
repository, ``as_of`` and audience is the same on every run.

The git wrapper (:mod:`roadmap_gen.git.repo`), the records
(:mod:`roadmap_gen.git.entries`) and the Atom feed (:mod:`roadmap_gen.git.feed`)
are re-exported here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from roadmap_gen.format.model import KINDS
from roadmap_gen.git.diff import diff_roadmaps
from roadmap_gen.git.entries import History, HistoryEntry, ItemEvent
from roadmap_gen.git.feed import ATOM_NS, atom_feed
from roadmap_gen.git.repo import (NO_GIT_REASON, NOT_A_REPO_REASON, SHALLOW_REASON, BlobReader, Commit, Git,
                                  GitError, GitMissing, Snapshots)

UNREADABLE_REASON = "git could not read the history (the build log says why)"
from roadmap_gen.git.roadmap_diff import RoadmapDiff

__all__ = ("roadmap_history", "History", "HistoryEntry", "ItemEvent", "Commit", "Git", "GitError", "GitMissing",
           "BlobReader", "Snapshots", "atom_feed", "ATOM_NS", "SHALLOW_REASON", "NOT_A_REPO_REASON",
           "NO_GIT_REASON")


class _Unavailable(Exception):
    """There is no history to show; the message says why, for people."""


def roadmap_history(repo_root: Path, content_dir: Path, as_of: date, max_commits: int = 200,
                    audience: str = "internal", skip_empty: bool | None = None, git: "Git | None" = None,
                    visible: frozenset[tuple[str, str]] | None = None) -> History:
    """The history of the roadmap in ``content_dir`` (absolute, or relative to ``repo_root``).

    Every revision is compiled for ``as_of`` and ``audience``; with ``audience="public"``
    the diffs only see the items that are public now (``visible``: their ``(kind, id)``,
    by default those public in ``content_dir`` as it is), so an item made internal
    later never shows, and commits that change nothing public are left out
    (``skip_empty`` overrides that: True drops commits with no roadmap change for any
    audience, False keeps them all). ``git``: the repository of ``repo_root``, when the
    caller has opened it already. Never raises; ``reason`` never names a file or folder
    (``detail`` says what went wrong, for the build log).
    """
    as_of_text = as_of.isoformat()
    if skip_empty is None:
        skip_empty = audience == "public"
    content_dir = Path(content_dir)
    if not content_dir.is_absolute():
        content_dir = Path(repo_root) / content_dir
    detail = ""
    try:
        git = git or Git.open(Path(repo_root))
        if audience == "public" and visible is None:
            visible = public_now(content_dir, as_of)
        entries, truncated = _read_entries(git, content_dir, as_of, max_commits, audience, skip_empty, visible)
    except _Unavailable as exc:
        reason = str(exc)
    except GitMissing:
        reason = NO_GIT_REASON
    except GitError as exc:  # its message may name folders ("dubious ownership in repository at /home/...")
        reason = NOT_A_REPO_REASON if str(exc) in ("", NOT_A_REPO_REASON) else UNREADABLE_REASON
        detail = str(exc)
    except Exception as exc:  # noqa: BLE001 - a site build must not fail over its history page
        reason, detail = UNREADABLE_REASON, f"{type(exc).__name__}: {exc}"
    else:
        return History(True, "", entries, _per_item(entries), as_of_text, audience, truncated)
    return History(False, reason, as_of=as_of_text, audience=audience, detail=detail or reason)


def public_now(content_dir: Path, as_of: date) -> frozenset[tuple[str, str]]:
    """``(kind, id)`` of every item public in ``content_dir`` as it is (none when it has errors)."""
    from roadmap_gen.compile.compiler import Compiler

    compiled = Compiler(content_dir).compile(as_of, "public")
    if not compiled.ok:
        return frozenset()
    return frozenset((item.kind, item.id) for item in compiled.roadmap.all_items())


def _read_entries(git: Git, content_dir: Path, as_of: date, max_commits: int, audience: str,
                  skip_empty: bool, visible: frozenset | None) -> tuple[tuple[HistoryEntry, ...], bool]:
    """The entries, newest first, and whether older commits were left out; raises :class:`_Unavailable`."""
    if git.is_shallow():
        raise _Unavailable(SHALLOW_REASON)
    try:
        rel = git.relpath(content_dir)
    except ValueError:
        raise _Unavailable("the content folder is outside the git repository") from None
    if not git.has_commits():
        raise _Unavailable("no commits yet")
    commits = git.log(rel, max_commits + 1)
    if not commits:
        return (), False
    truncated = len(commits) > max_commits
    with Snapshots(git, rel, as_of, audience, visible) as snaps:
        if truncated:
            base_rev: str | None = commits[max_commits].sha
            commits = commits[:max_commits]
        else:
            base_rev = git.resolve(commits[-1].sha + "^1")
        entries = _entries(snaps, base_rev, commits, audience, skip_empty)
    return tuple(reversed(entries)), truncated


def _entries(snaps: Snapshots, base_rev: str | None, commits: list[Commit], audience: str,
             skip_empty: bool) -> list[HistoryEntry]:
    """One entry per commit (newest first in ``commits``), oldest first; each revision is loaded once."""
    previous = snaps.load(base_rev) if base_rev else None
    if previous is not None and previous.roadmap is None:
        previous = None
    entries: list[HistoryEntry] = []
    for commit in reversed(commits):
        current = snaps.load(commit.sha)
        errors = len(current.errors) if current is not None else 0
        if current is not None and (current.roadmap is None or errors):
            # what loaded is not the roadmap as meant: keep the last good one to compare with
            d = diff_roadmaps(previous, previous)
        else:
            d = diff_roadmaps(previous, current)
            previous = current
        if skip_empty and d.is_empty and not (errors and audience != "public"):
            continue
        title = commit.subject if audience != "public" else _public_title(d)
        entries.append(HistoryEntry(commit, d, d.lines(), d.summary(), errors, title))
    return entries


def _per_item(entries: tuple[HistoryEntry, ...]) -> Mapping[tuple[str, str], tuple[ItemEvent, ...]]:
    """``(kind, id)`` -> what each entry did to that item, newest first, as a read-only mapping."""
    per_item: dict[tuple[str, str], list[ItemEvent]] = {}
    for e in entries:
        for key in e.diff.touched():
            lines = e.diff.item_lines(*key)
            per_item.setdefault(key, []).append(ItemEvent(e.commit, e.diff.item_action(*key), "; ".join(lines),
                                                          lines, e.title))
    order = {kind: i for i, kind in enumerate(KINDS)}
    return MappingProxyType({k: tuple(per_item[k]) for k in sorted(per_item, key=lambda k: (order[k[0]], k[1]))})


def _public_title(d: RoadmapDiff) -> str:
    lines = d.lines()
    if len(lines) == 1:
        return lines[0]
    return "Roadmap updated: " + d.summary()
