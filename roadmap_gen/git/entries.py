"""The records a roadmap history is made of: one :class:`HistoryEntry` per commit, :class:`ItemEvent` per item.

Plain, immutable dataclasses; :func:`roadmap_gen.git.history.roadmap_history`
makes them and :func:`roadmap_gen.git.feed.atom_feed` reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from roadmap_gen.git.repo import Commit
from roadmap_gen.git.roadmap_diff import RoadmapDiff


@dataclass(frozen=True)
class HistoryEntry:
    """One commit and what it changed in the roadmap (against its first parent).

    ``lines`` are plain sentences (:meth:`RoadmapDiff.lines`), ``summary`` the one-line
    count (:meth:`RoadmapDiff.summary`), ``errors`` the number of content errors the
    roadmap had at this commit (a commit whose roadmap could not be loaded at all
    has an empty diff; the next one is compared with the last one without errors).
    ``title`` is what to show as the entry's heading: the commit subject, or, for
    a public history, the summary, since a commit subject may name internal things.
    """

    commit: Commit
    diff: RoadmapDiff
    lines: tuple[str, ...]
    summary: str
    errors: int = 0
    title: str = ""


@dataclass(frozen=True)
class ItemEvent:
    """What one commit did to one item: ``action`` is ``added``, ``removed``, ``changed``,
    or ``""`` when only computed figures or measurements changed; ``lines`` say what,
    without naming the item, and ``summary`` joins them (``status testing → validated``).
    ``title`` is the commit's entry title (:attr:`HistoryEntry.title`: the subject, or
    the change summary in a public history); show it rather than ``commit.subject``."""

    commit: Commit
    action: str
    summary: str
    lines: tuple[str, ...]
    title: str = ""

    @property
    def date(self) -> str:
        return self.commit.date

    @property
    def sha(self) -> str:
        return self.commit.sha

    @property
    def short_sha(self) -> str:
        return self.commit.short

    @property
    def anchor(self) -> str:
        """The commit's fragment on the changes page (:attr:`Commit.anchor`)."""
        return self.commit.anchor


@dataclass(frozen=True)
class History:
    """The roadmap's history, newest commit first.

    ``available`` is False (with a ``reason`` for people) when there is no
    history to show: git missing, not a repository, a shallow clone, no commits.
    ``per_item`` maps ``(kind, id)`` to that item's events, newest first (a
    read-only mapping). ``truncated`` is True when more commits than
    ``max_commits`` changed the folder; the oldest ones are left out.
    """

    available: bool
    reason: str = ""
    entries: tuple[HistoryEntry, ...] = ()
    per_item: Mapping[tuple[str, str], tuple[ItemEvent, ...]] = field(default_factory=lambda: MappingProxyType({}))
    as_of: str = ""
    audience: str = "internal"
    truncated: bool = False
    detail: str = ""  # what went wrong, for the build log (``reason`` is for the page and names no path)

    def for_item(self, kind: str, id: str) -> tuple[ItemEvent, ...]:
        return self.per_item.get((kind, id), ())

    @property
    def updated(self) -> str | None:
        """The newest commit's date, if any."""
        return self.entries[0].commit.date if self.entries else None
