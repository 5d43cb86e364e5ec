"""The roadmap's history from git: what changed, commit by commit, and an Atom feed of it.

:func:`roadmap_history` walks ``git log --first-parent`` of the content folder
and diffs each commit against its first parent with
:func:`roadmap_gen.git.diff.diff_roadmaps`, in roadmap terms. It never raises:
without git, outside a repository, or in a shallow clone it returns a
:class:`History` with ``available=False`` and a ``reason`` for people.
:func:`atom_feed` turns a history into an Atom 1.0 feed.

Git is read with plumbing only: ``git ls-tree`` lists a revision's content
files and one long-running ``git cat-file --batch`` process reads their blobs,
which are written into one temporary folder that follows the revisions
(only files whose blob changed are rewritten), so each revision is loaded once
and the compiler's parse cache serves every unchanged file. :class:`Git` and
:class:`Snapshots` are shared with ``roadmap-gen diff``.

Everything returned is a plain, immutable dataclass, and the output for the
same repository, ``as_of`` and audience is the same on every run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

from roadmap_gen.git.diff import RoadmapDiff, diff_roadmaps
from roadmap_gen.format.model import KINDS

SHALLOW_REASON = "shallow clone: fetch the full history (e.g. actions/checkout with fetch-depth: 0)"
NOT_A_REPO_REASON = "not a git repository"
NO_GIT_REASON = "git is not installed"
ATOM_NS = "http://www.w3.org/2005/Atom"


# -- git plumbing ----------------------------------------------------------------------

class GitError(Exception):
    """git failed, or is missing (:class:`GitMissing`)."""


class GitMissing(GitError):
    pass


def _git_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(GIT_TERMINAL_PROMPT="0", GIT_OPTIONAL_LOCKS="0", LC_ALL="C", GIT_PAGER="cat")
    return env


class Git:
    """A git working copy, run through ``git`` in a subprocess."""

    def __init__(self, toplevel: Path) -> None:
        self.toplevel = toplevel

    @classmethod
    def open(cls, path: Path) -> "Git":
        """The repository holding ``path`` (a folder, or a file's or missing folder's nearest existing parent)."""
        path = Path(path).resolve()
        while not path.is_dir() and path != path.parent:
            path = path.parent
        try:
            out = _run(["rev-parse", "--show-toplevel"], path)
        except GitMissing:
            raise
        except GitError as exc:
            message = str(exc)
            if "not a git repository" in message.lower() or not message:
                raise GitError(NOT_A_REPO_REASON) from None
            raise GitError(f"git: {message}") from None  # e.g. "detected dubious ownership in repository"
        top = out.decode("utf-8", "surrogateescape").strip()
        if not top:  # inside .git, or a bare repository
            raise GitError(NOT_A_REPO_REASON)
        return cls(Path(top).resolve())

    def run(self, *args: str, input: bytes | None = None) -> bytes:
        return _run(list(args), self.toplevel, input)

    def is_shallow(self) -> bool:
        return self.run("rev-parse", "--is-shallow-repository").strip() == b"true"

    def resolve(self, rev: str) -> str | None:
        """The commit a revision names, or None when it names none."""
        if not rev or rev.startswith("-"):
            return None
        try:
            out = self.run("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
        except GitError:
            return None
        return out.decode().strip() or None

    def relpath(self, path: Path) -> str:
        """``path`` relative to the top of the working copy, POSIX style ('' for the top)."""
        rel = Path(path).resolve().relative_to(self.toplevel)  # ValueError when outside
        return "" if str(rel) == "." else rel.as_posix()

    def tree(self, rev: str, rel: str) -> dict[str, str]:
        """Blob of every regular file under ``rel`` at ``rev``: repo-relative path -> object id."""
        out = self.run("--literal-pathspecs", "ls-tree", "-r", "-z", "--full-tree", rev, "--", rel or ".")
        files: dict[str, str] = {}
        prefix = rel + "/" if rel else ""
        for record in out.split(b"\0"):
            if not record:
                continue
            meta, _, name = record.partition(b"\t")
            mode, type_, oid = meta.decode().split(" ")
            path = name.decode("utf-8", "surrogateescape")
            if type_ != "blob" or mode == "120000" or not path.startswith(prefix):
                continue
            files[path] = oid
        return files

    def log(self, rel: str, limit: int) -> list["Commit"]:
        """Commits on the first-parent line of HEAD that changed ``rel``, newest first."""
        fmt = "%H%x1f%h%x1f%cI%x1f%aN%x1f%s%x1e"
        out = self.run("--literal-pathspecs", "log", "--first-parent", "--no-show-signature", "--no-color",
                       f"-n{limit}", f"--format={fmt}", "HEAD", "--", rel or ".")
        commits = []
        for record in out.decode("utf-8", "replace").split("\x1e"):
            record = record.strip("\n")
            if not record:
                continue
            sha, short, when, author, subject = record.split("\x1f", 4)
            commits.append(Commit(sha, short, when, author, subject))
        return commits

    def has_commits(self) -> bool:
        return self.resolve("HEAD") is not None

    def blobs(self) -> "BlobReader":
        return BlobReader(self)


def _run(args: list[str], cwd: Path, input: bytes | None = None) -> bytes:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, input=input, capture_output=True, env=_git_env())
    except FileNotFoundError:
        raise GitMissing(NO_GIT_REASON) from None
    except OSError as exc:
        raise GitError(f"cannot run git: {exc}") from None
    if proc.returncode != 0:
        msg = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(msg[-1] if msg else f"git {args[0]} failed")
    return proc.stdout


class BlobReader:
    """One ``git cat-file --batch`` process that reads any number of blobs."""

    def __init__(self, git: Git) -> None:
        try:
            self.proc = subprocess.Popen(["git", "cat-file", "--batch"], cwd=git.toplevel, stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=_git_env())
        except FileNotFoundError:
            raise GitMissing(NO_GIT_REASON) from None

    def read(self, oid: str) -> bytes:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(oid.encode() + b"\n")
        self.proc.stdin.flush()
        header = self.proc.stdout.readline().decode().split()
        if len(header) != 3:
            raise GitError(f"cannot read object {oid}: {' '.join(header) or 'git cat-file stopped'}")
        size = int(header[2])
        data = self.proc.stdout.read(size)
        self.proc.stdout.read(1)  # the newline after the contents
        if len(data) != size:
            raise GitError(f"cannot read object {oid}: short read")
        return data

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                assert self.proc.stdin is not None
                self.proc.stdin.close()
            except OSError:  # pragma: no cover
                pass
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:  # pragma: no cover
                self.proc.kill()
                self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()

    def __enter__(self) -> "BlobReader":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class Snapshots:
    """A content folder at successive revisions, compiled.

    The folder is mirrored at ``<temporary folder>/<repo-relative path>`` so
    diagnostics name files as they are in the repository. Use it as a context
    manager; :meth:`load` may be called for any number of revisions, in any
    order, and costs one ``git ls-tree`` plus reading the blobs that differ from
    the previous revision loaded.
    """

    def __init__(self, git: Git, content_rel: str, as_of: date, audience: str = "internal") -> None:
        from roadmap_gen.compile.compiler import Compiler

        self.git = git
        self.content_rel = content_rel
        self.as_of = as_of
        self.audience = audience
        self._tmp = Path(tempfile.mkdtemp(prefix="roadmap-gen-"))
        self.root = self._tmp / "repo"
        self.content_dir = self.root / content_rel if content_rel else self.root
        self.content_dir.mkdir(parents=True, exist_ok=True)
        self.compiler = Compiler(self.content_dir, display_base=self.root)
        self._state: dict[str, str] = {}
        self._blobs: BlobReader | None = None

    def load(self, rev: str) -> Any:
        """The compiled roadmap at ``rev`` (a :class:`~roadmap_gen.compile.compiler.Compiled`), or
        None when the content folder does not exist at that revision."""
        files = self.git.tree(rev, self.content_rel)
        self._sync(files)
        if not files:
            return None
        return self.compiler.compile(self.as_of, self.audience)

    def _sync(self, files: dict[str, str]) -> None:
        gone = [p for p, oid in self._state.items() if files.get(p) != oid]
        for p in gone:
            target = self.root / p
            if target.is_file():
                target.unlink()
            del self._state[p]
        for p in sorted(gone, reverse=True):  # prune folders left empty
            parent = (self.root / p).parent
            while parent != self.content_dir and parent != self.root and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
        todo = sorted(p for p in files if p not in self._state)
        if todo and self._blobs is None:
            self._blobs = self.git.blobs()
        for p in todo:
            parts = p.split("/")
            if any(part in ("", ".", "..") for part in parts):
                continue
            target = self.root.joinpath(*parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            assert self._blobs is not None
            target.write_bytes(self._blobs.read(files[p]))
            self._state[p] = files[p]

    def close(self) -> None:
        if self._blobs is not None:
            self._blobs.close()
            self._blobs = None
        shutil.rmtree(self._tmp, ignore_errors=True)

    def __enter__(self) -> "Snapshots":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


# -- history -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Commit:
    """A commit that changed the content folder.

    ``date`` is the committer date in strict ISO 8601 with its offset (RFC 3339,
    as Atom wants it); ``short`` the abbreviated id git prints; ``author`` the
    author's name (``.mailmap`` applied).
    """

    sha: str
    short: str
    date: str
    author: str
    subject: str

    @property
    def anchor(self) -> str:
        """The fragment the changes page gives this commit: ``commit-<first 12 hex digits>``."""
        return f"commit-{self.sha[:12]}"


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

    def for_item(self, kind: str, id: str) -> tuple[ItemEvent, ...]:
        return self.per_item.get((kind, id), ())

    @property
    def updated(self) -> str | None:
        """The newest commit's date, if any."""
        return self.entries[0].commit.date if self.entries else None


def roadmap_history(repo_root: Path, content_dir: Path, as_of: date, max_commits: int = 200,
                    audience: str = "internal", skip_empty: bool | None = None, git: "Git | None" = None) -> History:
    """The history of the roadmap in ``content_dir`` (absolute, or relative to ``repo_root``).

    Every revision is compiled for ``as_of`` and ``audience``; with ``audience="public"``
    the diffs only see public items, and commits that change nothing public are
    left out (``skip_empty`` overrides that: True drops commits with no roadmap
    change for any audience, False keeps them all). ``git``: the repository of
    ``repo_root``, when the caller has opened it already. Never raises.
    """
    as_of_text = as_of.isoformat()

    def unavailable(reason: str) -> History:
        return History(False, reason, as_of=as_of_text, audience=audience)

    if skip_empty is None:
        skip_empty = audience == "public"
    content_dir = Path(content_dir)
    if not content_dir.is_absolute():
        content_dir = Path(repo_root) / content_dir
    try:
        git = git or Git.open(Path(repo_root))
        if git.is_shallow():
            return unavailable(SHALLOW_REASON)
        try:
            rel = git.relpath(content_dir)
        except ValueError:
            return unavailable("the content folder is outside the git repository")
        if not git.has_commits():
            return unavailable("no commits yet")
        commits = git.log(rel, max_commits + 1)
        truncated = len(commits) > max_commits
        if not commits:
            return History(True, "", as_of=as_of_text, audience=audience)
        with Snapshots(git, rel, as_of, audience) as snaps:
            if truncated:
                base_rev: str | None = commits[max_commits].sha
                commits = commits[:max_commits]
            else:
                base_rev = git.resolve(commits[-1].sha + "^1")
            previous = snaps.load(base_rev) if base_rev else None
            if previous is not None and previous.roadmap is None:
                previous = None
            entries: list[HistoryEntry] = []
            for commit in reversed(commits):  # oldest first, each revision loaded once
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
    except GitMissing:
        return unavailable(NO_GIT_REASON)
    except GitError as exc:
        return unavailable(str(exc) or NOT_A_REPO_REASON)
    except Exception as exc:  # noqa: BLE001 - a site build must not fail over its history page
        return unavailable(f"history could not be read: {type(exc).__name__}: {exc}")

    entries.reverse()  # newest first
    per_item: dict[tuple[str, str], list[ItemEvent]] = {}
    for e in entries:
        for key in e.diff.touched():
            lines = e.diff.item_lines(*key)
            per_item.setdefault(key, []).append(ItemEvent(e.commit, e.diff.item_action(*key), "; ".join(lines),
                                                          lines, e.title))
    order = {kind: i for i, kind in enumerate(KINDS)}
    frozen = MappingProxyType({k: tuple(per_item[k]) for k in sorted(per_item, key=lambda k: (order[k[0]], k[1]))})
    return History(True, "", tuple(entries), frozen, as_of_text, audience, truncated)


def _public_title(d: RoadmapDiff) -> str:
    lines = d.lines()
    if len(lines) == 1:
        return lines[0]
    return "Roadmap updated: " + d.summary()


# -- Atom --------------------------------------------------------------------------------

_XML_INVALID = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_EPOCH = "1970-01-01T00:00:00Z"


def _x(text: Any) -> str:
    """Text for XML content: invalid characters dropped, markup escaped."""
    return escape(_XML_INVALID.sub("", str(text)))


def _attr(text: Any) -> str:
    return quoteattr(_XML_INVALID.sub("", str(text)))


def _absolute(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme and parts.netloc)


def _entry_id(site_url: str, commit: Commit) -> str:
    parts = urlsplit(site_url or "")
    host = (parts.hostname or "").lower()
    if host and re.fullmatch(r"[a-z0-9.-]+", host):
        path = re.sub(r"[^A-Za-z0-9/._~-]", "-", parts.path.strip("/"))
        return f"tag:{host},{commit.date[:10]}:{path + '/' if path else ''}commit/{commit.sha}"
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"roadmap-gen:commit:{commit.sha}"))


def atom_feed(history: History, site_url: str, title: str, changes_url: str, feed_url: str | None = None,
              max_entries: int = 50, max_lines: int = 25, use_subjects: bool | None = None) -> str:
    """An Atom 1.0 feed (RFC 4287) of the roadmap's history: one entry per commit, newest first.

    ``site_url`` is the site's address (``site_url`` of mkdocs.yml; may be empty),
    ``changes_url`` the address of the changes page (entries link to
    ``changes_url#<commit anchor>``), ``feed_url`` the feed's own address for its
    ``rel="self"`` link. Entry ids are ``tag:`` URIs built from the site's host,
    the commit date and the commit id (``urn:uuid:`` from the commit id when there
    is no host), so they never change. Entry titles are commit subjects, or for a
    public history (``use_subjects`` defaults to ``history.audience != "public"``)
    the change summary. Content is HTML listing the roadmap-level changes. The
    same history gives the same bytes.
    """
    if use_subjects is None:
        use_subjects = history.audience != "public"
    entries = history.entries[:max_entries]
    updated = entries[0].commit.date if entries else _EPOCH
    if _absolute(changes_url):
        feed_id = changes_url
    else:
        feed_id = "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"roadmap-gen:feed:{site_url}|{changes_url}|{title}"))
    out = ['<?xml version="1.0" encoding="utf-8"?>', f'<feed xmlns="{ATOM_NS}">',
           f"  <id>{_x(feed_id)}</id>", f'  <title type="text">{_x(title)}</title>',
           f"  <updated>{_x(updated)}</updated>"]
    if feed_url:
        out.append(f'  <link rel="self" type="application/atom+xml" href={_attr(feed_url)}/>')
    out.append(f'  <link rel="alternate" type="text/html" href={_attr(changes_url)}/>')
    from roadmap_gen.version import __version__

    out.append(f'  <generator version={_attr(__version__)}>roadmap-gen</generator>')
    public = history.audience == "public"  # a public feed does not name the people who committed
    if not entries:  # RFC 4287: a feed without entries needs an author
        out.append("  <author><name>roadmap-gen</name></author>")
    elif public:  # ... nor does it leave entries without one: the feed's author is the roadmap
        out.append(f"  <author><name>{_x(title)}</name></author>")
    for e in entries:
        c = e.commit
        entry_title = (c.subject if use_subjects else e.title or e.summary) or e.summary
        link = f"{changes_url}#{c.anchor}"
        lines = list(e.lines[:max_lines])
        if len(e.lines) > max_lines:
            lines.append(f"…and {len(e.lines) - max_lines} more")
        html = f"<p>{escape(e.summary.capitalize() if e.diff.is_empty else e.summary)}</p>"
        if lines:
            html += "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"
        if e.errors:
            html += f"<p>{e.errors} content error{'s' if e.errors != 1 else ''} at this commit.</p>"
        out += ["  <entry>",
                f"    <id>{_x(_entry_id(site_url, c))}</id>",
                f'    <title type="text">{_x(entry_title)}</title>',
                f"    <updated>{_x(c.date)}</updated>",
                *([] if public else [f"    <author><name>{_x(c.author or 'unknown')}</name></author>"]),
                f'    <link rel="alternate" type="text/html" href={_attr(link)}/>',
                f'    <content type="html">{_x(html)}</content>',
                "  </entry>"]
    out.append("</feed>")
    return "\n".join(out) + "\n"
