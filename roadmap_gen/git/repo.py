"""Reading a git repository: :class:`Git`, its commits, and :class:`Snapshots` of the content at a revision.

Git is read with plumbing only: ``git ls-tree`` lists a revision's content
files and one long-running ``git cat-file --batch`` process reads their blobs
straight into the loader (:class:`TreeFiles`; no temporary folder, so nothing
is left behind when the process is stopped), and the compiler's parse cache
serves every unchanged file. Shared by ``roadmap-gen diff`` and the roadmap's
history.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

SHALLOW_REASON = "shallow clone: fetch the full history (e.g. actions/checkout with fetch-depth: 0)"
NOT_A_REPO_REASON = "not a git repository"
NO_GIT_REASON = "git is not installed"


class GitError(Exception):
    """git failed, or is missing (:class:`GitMissing`)."""


class GitMissing(GitError):
    pass


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


def _git_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(GIT_TERMINAL_PROMPT="0", GIT_OPTIONAL_LOCKS="0", LC_ALL="C", GIT_PAGER="cat")
    return env


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
        return _parse_tree(out, rel + "/" if rel else "")

    def log(self, rel: str, limit: int) -> list[Commit]:
        """Commits on the first-parent line of HEAD that changed ``rel``, newest first."""
        fmt = "%H%x1f%h%x1f%cI%x1f%aN%x1f%s%x1e"
        out = self.run("--literal-pathspecs", "log", "--first-parent", "--no-show-signature", "--no-color",
                       f"-n{limit}", f"--format={fmt}", "HEAD", "--", rel or ".")
        return _parse_log(out)

    def has_commits(self) -> bool:
        return self.resolve("HEAD") is not None

    def blobs(self) -> "BlobReader":
        return BlobReader(self)


def _parse_tree(out: bytes, prefix: str) -> dict[str, str]:
    """``git ls-tree -r -z`` output: path -> object id of every regular file under ``prefix``."""
    files: dict[str, str] = {}
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


def _parse_log(out: bytes) -> list[Commit]:
    """``git log`` output in the format :meth:`Git.log` asks for."""
    commits = []
    for record in out.decode("utf-8", "replace").split("\x1e"):
        record = record.strip("\n")
        if not record:
            continue
        sha, short, when, author, subject = record.split("\x1f", 4)
        commits.append(Commit(sha, short, when, author, subject))
    return commits


class BlobReader:
    """One ``git cat-file --batch`` process that reads any number of blobs."""

    def __init__(self, git: Git) -> None:
        try:
            self.proc = subprocess.Popen(["git", "cat-file", "--batch"], cwd=git.toplevel, stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=_git_env())
        except FileNotFoundError:
            raise GitMissing(NO_GIT_REASON) from None

    def read(self, oid: str) -> bytes:
        size, data = self.read_limited(oid, None)
        assert data is not None
        return data

    def read_limited(self, oid: str, limit: int | None) -> tuple[int, bytes | None]:
        """``(size, bytes)`` of a blob; bytes None (its contents skipped, never held) when over ``limit``."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(oid.encode() + b"\n")
        self.proc.stdin.flush()
        header = self.proc.stdout.readline().decode("ascii", "replace").split()
        if len(header) != 3:
            raise GitError(f"cannot read object {oid}: {' '.join(header) or 'git cat-file stopped'}")
        size = int(header[2])
        if limit is not None and size > limit:
            left = size + 1  # and the newline after the contents
            while left > 0:
                chunk = self.proc.stdout.read(min(left, 1 << 20))
                if not chunk:
                    raise GitError(f"cannot read object {oid}: short read")
                left -= len(chunk)
            return size, None
        data = self.proc.stdout.read(size)
        self.proc.stdout.read(1)  # the newline after the contents
        if len(data) != size:
            raise GitError(f"cannot read object {oid}: short read")
        return size, data

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


class TreeFiles:
    """The content folder at one git revision, read from git without writing a file anywhere (so nothing is
    left behind when the process is stopped): what :class:`~roadmap_gen.compile.loader.Loader` reads.

    Only regular files are in a revision's tree (:meth:`Git.tree` leaves links out). Blobs are read through
    one ``git cat-file --batch`` process; those of the current revision are kept, so moving to the next
    revision reads only the blobs that changed.
    """

    def __init__(self, git: Git, content_rel: str) -> None:
        self.git = git
        self.prefix = content_rel + "/" if content_rel else ""
        self.content_rel = content_rel
        self._files: dict[str, str] = {}  # path in the content folder -> blob id
        self._folders: dict[str, list[str]] = {}  # folder in the content folder ('' = itself) -> sorted names
        self._data: dict[str, bytes] = {}  # blob id -> bytes, for the current revision
        self._blobs: BlobReader | None = None

    def use(self, files: dict[str, str]) -> None:
        """Show the revision whose tree is ``files`` (repo-relative path -> blob id)."""
        self._files = {p[len(self.prefix):]: oid for p, oid in files.items() if p.startswith(self.prefix)}
        folders: dict[str, set[str]] = {"": set()}
        for rel in self._files:
            parts = rel.split("/")
            for i in range(len(parts)):
                folders.setdefault("/".join(parts[:i]), set()).add(parts[i])
        self._folders = {k: sorted(v) for k, v in folders.items()}
        keep = set(self._files.values())
        self._data = {oid: data for oid, data in self._data.items() if oid in keep}

    # -- what the loader asks -------------------------------------------------------------
    def path(self, rel: str) -> Path:
        return Path(self.content_rel or ".", rel) if rel else Path(self.content_rel or ".")

    def display_root(self) -> str:
        return self.content_rel or "."

    def is_root(self) -> bool:
        return bool(self._files)

    def kind(self, rel: str) -> str | None:
        if rel in self._files:
            return "file"
        return "folder" if rel in self._folders else None

    def names(self, rel: str) -> list[str]:
        return list(self._folders.get(rel, ()))

    def refusal(self, rel: str) -> str:  # pragma: no cover - a tree holds files and folders only
        return "is not a regular file"

    def read(self, rel: str, limit: int) -> bytes:
        from roadmap_gen.compile.files import FileProblem, too_large

        oid = self._files[rel]
        data = self._data.get(oid)
        if data is None:
            if self._blobs is None:
                self._blobs = self.git.blobs()
            size, data = self._blobs.read_limited(oid, limit)
            if data is None:
                raise too_large(size, limit)
            self._data[oid] = data
        if len(data) > limit:  # pragma: no cover - read_limited refuses these
            raise FileProblem(f"file is {len(data):,} bytes, over the {limit:,}-byte limit; split it up")
        return data

    def close(self) -> None:
        if self._blobs is not None:
            self._blobs.close()
            self._blobs = None


class Snapshots:
    """A content folder at successive revisions, compiled.

    The files are read from git (:class:`TreeFiles`), nothing is written to disk, and diagnostics name files
    as they are in the repository. Use it as a context manager; :meth:`load` may be called for any number of
    revisions, in any order, and costs one ``git ls-tree`` plus reading the blobs that differ from the
    previous revision loaded; files whose bytes did not change are not parsed again.
    """

    def __init__(self, git: Git, content_rel: str, as_of: date, audience: str = "internal",
                 visible: Any = None) -> None:
        from roadmap_gen.compile.compiler import Compiler

        self.git = git
        self.content_rel = content_rel
        self.as_of = as_of
        self.audience = audience
        self.visible = visible
        self.files = TreeFiles(git, content_rel)
        self.compiler = Compiler(Path(content_rel or "."), files=self.files)

    def load(self, rev: str) -> Any:
        """The compiled roadmap at ``rev`` (a :class:`~roadmap_gen.compile.compiler.Compiled`), or
        None when the content folder does not exist at that revision."""
        files = self.git.tree(rev, self.content_rel)
        self.files.use(files)
        if not files:
            return None
        return self.compiler.compile(self.as_of, self.audience, visible=self.visible)

    def close(self) -> None:
        self.files.close()

    def __enter__(self) -> "Snapshots":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
