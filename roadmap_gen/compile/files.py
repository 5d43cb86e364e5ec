"""Where the loader reads a content folder from: the folder on disk, or (see :mod:`roadmap_gen.git.repo`) the
tree of a git revision.

On disk only regular files inside the content folder are read. A symbolic link (which may lead out of the
folder, to ``/proc/self/environ`` or ``/dev/zero``), a FIFO, a device or a socket is never followed or
opened for reading: the loader reports it where it is. A file's size is checked before it is read, and no
more than the limit is ever read.
"""

from __future__ import annotations

import os
import posixpath
import stat
from pathlib import Path

from roadmap_gen.format.diagnostics import display_path, excerpt

FILE, FOLDER, LINK, OTHER = "file", "folder", "link", "other"


class FileProblem(Exception):
    """A file that cannot be read as content; the message says why, for people."""


def too_large(size: int, limit: int) -> FileProblem:
    return FileProblem(f"file is {size:,} bytes, over the {limit:,}-byte limit; split it up")


def _kind(mode: int) -> str:
    if stat.S_ISREG(mode):
        return FILE
    if stat.S_ISDIR(mode):
        return FOLDER
    return LINK if stat.S_ISLNK(mode) else OTHER


_OTHER_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
                (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


class DiskFiles:
    """A content folder on disk; paths are relative to it, with forward slashes."""

    def __init__(self, root: Path, display_base: Path | None = None) -> None:
        self.root = Path(root)
        self.display_base = display_base

    def path(self, rel: str) -> Path:
        return self.root / rel if rel else self.root

    def display_root(self) -> str:
        """The folder as messages name it (relative to the display base, else absolute)."""
        return display_path(self.root, self.display_base)

    def is_root(self) -> bool:
        return self.root.is_dir()

    def kind(self, rel: str) -> str | None:
        """``file``, ``folder``, ``link``, ``other`` (FIFO, device, socket), or None when absent."""
        try:
            return _kind(os.lstat(self.path(rel)).st_mode)
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError:
            return OTHER

    def names(self, rel: str) -> list[str]:
        """The entries of a folder, sorted."""
        return sorted(os.listdir(self.path(rel)))

    def refusal(self, rel: str) -> str:
        """Why the entry ``rel`` (a link or a special file) is not read."""
        path = self.path(rel)
        try:
            mode = os.lstat(path).st_mode
        except OSError as exc:
            return f"cannot read it: {exc.strerror}"
        if stat.S_ISLNK(mode):
            try:
                target = f" (to `{excerpt(os.readlink(path), 60)}`)"
            except OSError:
                target = ""
            return (f"is a symbolic link{target}; the content folder holds regular files only (a link can lead "
                    "out of it): copy the file in instead")
        what = next((name for test, name in _OTHER_KINDS if test(mode)), "not a regular file")
        return f"is {what}; the content folder holds regular files only: remove it"

    def read(self, rel: str, limit: int) -> bytes:
        """The bytes of a regular file, at most ``limit`` of them; :class:`FileProblem` otherwise."""
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(self.path(rel), flags)
        except OSError as exc:
            if self.kind(rel) in (LINK, OTHER):
                raise FileProblem(self.refusal(rel)) from None
            raise FileProblem(f"cannot read file: {exc.strerror}") from None
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise FileProblem(self.refusal(rel))
            if st.st_size > limit:
                raise too_large(st.st_size, limit)
            chunks, size = [], 0
            while size <= limit:
                chunk = os.read(fd, min(1 << 20, limit + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        except OSError as exc:
            raise FileProblem(f"cannot read file: {exc.strerror}") from None
        finally:
            os.close(fd)
        if size > limit:  # it grew while being read
            raise too_large(size, limit)
        return b"".join(chunks)


def shown(root: str, rel: str) -> str:
    """``rel`` as messages name it, given the folder as they name it."""
    return rel if root in (".", "") else posixpath.join(root, rel)
