"""Reviews from git tags: what changed since the last review, and between every two reviews.

A review is a tag whose name matches a glob (the plugin's ``review_tags``,
``review-*`` by default) on a commit in the history of ``HEAD`` (``git
for-each-ref --merged HEAD``). :func:`roadmap_reviews`
compiles the content folder at each tag (:class:`~roadmap_gen.git.repo.Snapshots`,
for the build's ``as_of`` and audience) and diffs it with
:func:`~roadmap_gen.git.diff.diff_roadmaps`: the newest review against the
roadmap being built, and each review against the one before it. Like the
history it never raises: ``available=False`` carries a reason for people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from roadmap_gen.git.diff import diff_roadmaps
from roadmap_gen.git.repo import NO_GIT_REASON, SHALLOW_REASON, Git, GitError, GitMissing
from roadmap_gen.git.roadmap_diff import RoadmapDiff

DEFAULT_PATTERN = "review-*"
_SLUG = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Tag:
    """A review tag: its name, the commit it marks, and its date (the tagger's, else the commit's; ISO 8601)."""

    name: str
    sha: str
    date: str

    @property
    def slug(self) -> str:
        """The tag's name as one path segment (``reviews/<slug>/``)."""
        return _SLUG.sub("-", self.name).strip(".-") or "review"


@dataclass(frozen=True)
class Review:
    """One review and what changed since the review before it (``previous`` None: the first review, no diff).
    ``errors``: content errors at the tag (the roadmap could not be compared)."""

    tag: Tag
    previous: Tag | None
    diff: RoadmapDiff | None
    errors: int = 0

    @property
    def terms(self) -> Any:
        """The diff in roadmap terms (:func:`~roadmap_gen.git.terms.diff_terms`)."""
        from roadmap_gen.git.terms import diff_terms

        return diff_terms(self.diff)


@dataclass(frozen=True)
class Reviews:
    """Every review, newest first, and ``since_last``: the newest review against the built roadmap."""

    available: bool
    reason: str = ""
    pattern: str = DEFAULT_PATTERN
    reviews: tuple[Review, ...] = ()
    since_last: RoadmapDiff | None = None

    @property
    def last(self) -> Review | None:
        return self.reviews[0] if self.reviews else None

    @property
    def since_last_terms(self) -> Any:
        """*Since the last review* in roadmap terms (:func:`~roadmap_gen.git.terms.diff_terms`)."""
        from roadmap_gen.git.terms import diff_terms

        return diff_terms(self.since_last)


def review_tags(git: Git, pattern: str = DEFAULT_PATTERN) -> list[Tag]:
    """Tags matching ``pattern`` on commits in the history of HEAD, newest first (by date, then name)."""
    fmt = "%(refname:strip=2)%1f%(objectname)%1f%(*objectname)%1f%(creatordate:iso-strict)%1e"
    out = git.run("for-each-ref", "--merged=HEAD", f"--format={fmt}", f"refs/tags/{pattern}")
    tags = []
    for record in out.decode("utf-8", "replace").split("\x1e"):
        record = record.strip("\n")
        if not record:
            continue
        name, oid, peeled, when = record.split("\x1f")
        tags.append(Tag(name, peeled or oid, when))
    return sorted(tags, key=lambda t: (_instant(t.date), t.name), reverse=True)


def _instant(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return datetime.min.replace(tzinfo=None)


def tag_fingerprint(git: Git, pattern: str) -> tuple[tuple[str, str], ...]:
    """What the reviews depend on besides HEAD: each matching tag's name and commit."""
    return tuple((t.name, t.sha) for t in review_tags(git, pattern))


def roadmap_reviews(content_dir: Path, as_of: date, current: Any, audience: str = "internal",
                    pattern: str = DEFAULT_PATTERN, git: Git | None = None) -> Reviews:
    """The reviews of the roadmap in ``content_dir``; ``current`` is the compiled roadmap being built
    (what *since the last review* compares with). Never raises."""
    try:
        git = git or Git.open(Path(content_dir))
        if git.is_shallow():
            return Reviews(False, SHALLOW_REASON, pattern)
        rel = git.relpath(Path(content_dir))
        tags = review_tags(git, pattern) if git.has_commits() else []
        return Reviews(True, "", pattern, *_compare(git, rel, as_of, audience, tags, current))
    except GitMissing:
        return Reviews(False, NO_GIT_REASON, pattern)
    except ValueError:
        return Reviews(False, "the content folder is outside the git repository", pattern)
    except GitError as exc:
        return Reviews(False, str(exc), pattern)
    except Exception as exc:  # noqa: BLE001 - a site build must not fail over its reviews page
        return Reviews(False, f"reviews could not be read: {type(exc).__name__}: {exc}", pattern)


def _compare(git: Git, rel: str, as_of: date, audience: str, tags: list[Tag],
             current: Any) -> tuple[tuple[Review, ...], RoadmapDiff | None]:
    """Each review against the one before it (oldest first, so each revision is loaded once), and the
    newest one against ``current``."""
    from roadmap_gen.git.repo import Snapshots

    if not tags:
        return (), None
    out: list[Review] = []
    previous: tuple[Tag, Any] | None = None
    with Snapshots(git, rel, as_of, audience) as snaps:
        for tag in reversed(tags):
            compiled = snaps.load(tag.sha)
            errors = len(compiled.errors) if compiled is not None else 0
            usable = compiled if compiled is not None and compiled.roadmap is not None and not errors else None
            diff = None
            if previous is not None and usable is not None and previous[1] is not None:
                diff = diff_roadmaps(previous[1], usable, base=previous[0].name, head=tag.name)
            out.append(Review(tag, previous[0] if previous else None, diff, errors))
            previous = (tag, usable)
    last = previous[1] if previous else None
    since = diff_roadmaps(last, current, base=tags[0].name, head="") if last is not None else None
    return tuple(reversed(out)), since
