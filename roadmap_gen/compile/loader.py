"""The load pass: files of a content folder into typed models.

Each file is parsed on its own (:mod:`roadmap_gen.compile.parsers`) and the
result is cached by its path and the hash of its bytes, so a preview rebuild
after one edit re-parses one file. Every problem becomes a located diagnostic;
a file that cannot be read contributes nothing but its errors.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable

from roadmap_gen.compile.builders import MD_BUILDERS, as_written, build_metric, build_stage
from roadmap_gen.compile.parsers import (
    MAX_CSV_BYTES, ParseFn, list_parser, md_parser, parse_csv, parse_okr, parse_roadmap, parse_series,
    split_front_matter,
)
from roadmap_gen.format import model as m
from roadmap_gen.format.diagnostics import Diagnostic, Diagnostics, Location, display_path, suggestion
from roadmap_gen.format.scalars import check_id

__all__ = [
    "LoadResult", "Loader", "MD_FOLDERS", "KNOWN_ENTRIES", "MAX_CSV_BYTES", "MD_BUILDERS", "as_written",
    "parse_series", "split_front_matter",
]

MD_FOLDERS: dict[str, str] = {
    "outcomes": "outcome", "themes": "theme", "questions": "question",
    "hypotheses": "hypothesis", "opportunities": "opportunity", "insights": "insight",
}
KNOWN_ENTRIES = {"roadmap.yml", "journey.yml", "metrics.yml", "metrics", "okrs", *MD_FOLDERS}


@dataclass(frozen=True)
class LoadResult:
    roadmap: m.Roadmap | None
    diagnostics: list[Diagnostic]
    files: tuple[Path, ...]  # every file read (for watching)
    parsed: int  # files parsed this time (not served from the cache)
    unreadable: frozenset[str] = frozenset()  # kinds whose list file could not be read at all
    fingerprint: str = ""  # every file read, by path and hash of its bytes: equal for equal content


class Loader:
    """Loads a content folder; keep one instance alive to reuse its parse cache."""

    def __init__(self, content_dir: Path, display_base: Path | None = None) -> None:
        self.root = Path(content_dir)
        self.display_base = display_base
        self._cache: dict[tuple[str, str], tuple[Any, tuple[Diagnostic, ...]]] = {}
        self._parsed = 0
        self._keys: list[tuple[str, str]] = []  # (path as shown, hash) of every file read by this load()
        self._shown_dirs: dict[Path, str] = {}  # folder -> as shown; cleared by each load()

    def display(self, path: Path) -> str:
        # display_path resolves the whole path (a system call per component); do that once per folder
        # and add the name, unless the file itself is a symlink (resolving it may lead elsewhere)
        parent = path.parent
        shown = self._shown_dirs.get(parent)
        if shown is None:
            shown = self._shown_dirs[parent] = display_path(parent, self.display_base)
        if shown.startswith("/") or path.name in ("", ".", "..") or os.path.islink(path):
            return display_path(path, self.display_base)  # outside the base (or the base itself), or a link
        return path.name if shown == "." else posixpath.join(shown, path.name)

    def _cached(self, path: Path, kind: str, parse_fn: Callable[[bytes, str, str, Diagnostics], Any],
                diags: Diagnostics, files: list[Path]) -> Any:
        files.append(path)
        rel = path.relative_to(self.root).as_posix()
        shown = self.display(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            diags.error(Location(shown), f"cannot read file: {exc.strerror}")
            return None
        key = (shown, hashlib.blake2b(data, digest_size=16).hexdigest())
        self._keys.append(key)
        hit = self._cache.get(key)
        if hit is None:
            local = Diagnostics()
            value = parse_fn(data, shown, rel, local)
            hit = (value, tuple(local.items))
            self._cache[key] = hit
            self._parsed += 1
        diags.extend(hit[1])
        return hit[0]

    # -- the pass ---------------------------------------------------------------
    def load(self) -> LoadResult:
        unreadable: set[str] = set()
        diags = Diagnostics()
        files: list[Path] = []
        self._parsed = 0
        self._keys = []
        self._shown_dirs = {}
        if not self.root.is_dir():
            diags.error(Location(self.display(self.root)), "content folder not found; set the plugin's "
                                                           "`content_dir` or pass the folder to `roadmap-gen check`")
            return LoadResult(None, diags.sorted(), (), 0)
        self._check_entries(diags)

        head = self._head(diags, files)
        stages = self._list_file("journey", "stage", build_stage, diags, files,
                                 "missing journey.yml: every roadmap needs at least one customer-journey stage")
        if stages is None:
            unreadable.add("stage")
        metrics = self._list_file("metrics", "metric", build_metric, diags, files)
        if metrics is None:
            unreadable.add("metric")
        metrics = self._attach_series(metrics or (), diags, files)
        md = {folder: self._items(folder, ".md", kind, md_parser(kind), diags, files)
              for folder, kind in MD_FOLDERS.items()}
        okrs = self._items("okrs", ".yml", "okr", parse_okr, diags, files)
        roadmap = None
        if head is not None:
            roadmap = m.Roadmap(**head, stages=stages or (), metrics=metrics, okrs=okrs, **md)
        fingerprint = hashlib.blake2b(repr((self._keys, diags.sorted())).encode(), digest_size=16).hexdigest()
        return LoadResult(roadmap, diags.sorted(), tuple(files), self._parsed, frozenset(unreadable), fingerprint)

    def _head(self, diags: Diagnostics, files: list[Path]) -> dict[str, Any] | None:
        """roadmap.yml, which every roadmap needs."""
        path = self.root / "roadmap.yml"
        if path.is_file():
            return self._cached(path, "roadmap", parse_roadmap, diags, files)
        diags.error(Location(self.display(path)), "missing roadmap.yml: every roadmap needs one with "
                                                  "`title`, `vision` and `mission`")
        return None

    def _list_file(self, key: str, kind: str, builder: Callable[..., Any], diags: Diagnostics,
                   files: list[Path], missing: str = "") -> tuple | None:
        """The items of ``<key>.yml``: () when it is absent (an error if ``missing`` says why), None if unreadable."""
        path = self.root / f"{key}.yml"
        if path.is_file():
            return self._cached(path, key, list_parser(kind, key, builder), diags, files)
        if missing:
            diags.error(Location(self.display(path)), missing)
        return ()

    def _items(self, folder: str, ext: str, kind: str, parse_fn: ParseFn, diags: Diagnostics,
               files: list[Path]) -> tuple:
        """The items of a folder of one file per item, in file-name order."""
        return tuple(item for item in (self._cached(p, kind, parse_fn, diags, files)
                                       for p in self._folder(folder, ext, diags)) if item is not None)

    def _folder(self, folder: str, ext: str, diags: Diagnostics) -> list[Path]:
        d = self.root / folder
        if not d.is_dir():
            return []
        out = []
        for p in sorted(d.iterdir()):
            if p.name.startswith("."):
                continue
            if p.is_dir() or p.suffix != ext:
                other = ".yaml" if ext == ".yml" else ".markdown"
                hint = f"; rename it to {p.stem}{ext}" if p.suffix == other else ""
                diags.error(Location(self.display(p)), f"unexpected {'folder' if p.is_dir() else 'file'} in "
                                                       f"{folder}/: expected `<id>{ext}` files{hint}")
                continue
            if check_id(p.stem, Location(self.display(p)), diags, "file name (the id)"):
                out.append(p)
        return out

    def _check_entries(self, diags: Diagnostics) -> None:
        for p in sorted(self.root.iterdir()):
            if p.name.startswith(".") or p.name in KNOWN_ENTRIES or p.name.lower().startswith("readme"):
                continue
            what = "folder" if p.is_dir() else "file"
            diags.error(Location(self.display(p)), f"unknown {what} `{p.name}` in the content folder"
                                                   f"{suggestion(p.name, KNOWN_ENTRIES)}")

    def _attach_series(self, metrics: tuple, diags: Diagnostics, files: list[Path]) -> tuple:
        series: dict[str, tuple[tuple, str]] = {}
        for p in self._folder("metrics", ".csv", diags):
            value = self._cached(p, "series", parse_csv, diags, files)
            if value is not None:
                series[p.stem] = (value, p.relative_to(self.root).as_posix())
        known = {mt.id for mt in metrics}
        for id in sorted(set(series) - known):
            path = self.root / "metrics" / f"{id}.csv"
            diags.error(Location(self.display(path)), f"measurements for unknown metric `{id}`: add it to "
                                                      f"metrics.yml{suggestion(id, known)}")
        return tuple(replace(mt, measurements=series[mt.id][0], series_source=series[mt.id][1])
                     if mt.id in series else mt for mt in metrics)
