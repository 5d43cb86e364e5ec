"""The load pass: files of a content folder into typed models.

Each file is parsed on its own (:mod:`roadmap_gen.compile.parsers`) and the
result is cached by its path and the hash of its bytes, so a preview rebuild
after one edit re-parses one file. Every problem becomes a located diagnostic;
a file that cannot be read contributes nothing but its errors.
"""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable

from roadmap_gen.compile.builders import MD_BUILDERS, as_written, build_metric
from roadmap_gen.compile.files import FILE, FOLDER, LINK, OTHER, DiskFiles, FileProblem, shown
from roadmap_gen.compile.parsers import (
    MAX_CSV_BYTES, ParseFn, list_parser, md_parser, parse_csv, parse_journey, parse_okr, parse_roadmap,
    parse_series,
    split_front_matter,
)
from roadmap_gen.format import model as m
from roadmap_gen.format.diagnostics import Diagnostic, Diagnostics, Location, excerpt, suggestion
from roadmap_gen.format.scalars import check_id
from roadmap_gen.format.yamlsrc import MAX_FILE_BYTES

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
    unreadable_items: frozenset[tuple[str, str]] = frozenset()  # (kind, id) of item files that could not be read


class Loader:
    """Loads a content folder; keep one instance alive to reuse its parse cache.

    ``files`` is where the folder is read from: the folder on disk (:class:`DiskFiles`, the default) or
    anything with the same methods, such as a git revision's tree (:class:`roadmap_gen.git.repo.TreeFiles`).
    """

    def __init__(self, content_dir: Path, display_base: Path | None = None, files: Any = None) -> None:
        self.root = Path(content_dir)
        self.files = files if files is not None else DiskFiles(self.root, display_base)
        self._cache: dict[tuple[str, str, str], tuple[Any, tuple[Diagnostic, ...]]] = {}
        self._parsed = 0
        self._keys: list[tuple[str, str, str]] = []  # (path as shown, kind, hash) of every file read by this load()
        self._root_shown = "."
        self._unreadable_items: set[tuple[str, str]] = set()  # item files this load() could not read

    def display(self, rel: str) -> str:
        """A path in the content folder (``themes/x.md``) as messages name it."""
        return shown(self._root_shown, rel)

    def _cached(self, rel: str, kind: str, parse_fn: Callable[[bytes, str, str, Diagnostics], Any],
                diags: Diagnostics, files: list[Path]) -> Any:
        files.append(self.files.path(rel))
        where = self.display(rel)
        try:
            data = self.files.read(rel, MAX_CSV_BYTES if kind == "series" else MAX_FILE_BYTES)
        except FileProblem as exc:
            diags.error(Location(where), str(exc))
            return None
        # the kind is part of the key: the same bytes at the same path read as another kind are parsed again
        key = (where, kind, hashlib.blake2b(data, digest_size=16).hexdigest())
        self._keys.append(key)
        hit = self._cache.get(key)
        if hit is None:
            local = Diagnostics()
            value = parse_fn(data, where, rel, local)
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
        self._unreadable_items = set()
        self._parsed = 0
        self._keys = []
        self._root_shown = self.files.display_root()
        if not self.files.is_root():
            diags.error(Location(self._root_shown), "content folder not found; set the plugin's `content_dir` "
                                                    "or pass the folder to `roadmap-gen check`")
            return LoadResult(None, diags.sorted(), (), 0)
        self._check_entries(diags)

        head = self._head(diags, files)
        journey = self._journey(diags, files)
        if journey is None:
            unreadable.update(("stage", "journey", "behaviour"))
        metrics = self._list_file("metrics", "metric", build_metric, diags, files)
        if metrics is None:
            unreadable.add("metric")
        metrics = self._attach_series(metrics, diags, files)
        md = {folder: self._items(folder, ".md", kind, md_parser(kind), diags, files)
              for folder, kind in MD_FOLDERS.items()}
        okrs = self._items("okrs", ".yml", "okr", parse_okr, diags, files)
        roadmap = None
        if head is not None:
            roadmap = m.Roadmap(**head, **(journey or {}), metrics=metrics, okrs=okrs, **md)
        fingerprint = hashlib.blake2b(repr((self._keys, diags.sorted())).encode(), digest_size=16).hexdigest()
        return LoadResult(roadmap, diags.sorted(), tuple(files), self._parsed, frozenset(unreadable), fingerprint,
                          frozenset(self._unreadable_items))

    def _head(self, diags: Diagnostics, files: list[Path]) -> dict[str, Any] | None:
        """roadmap.yml, which every roadmap needs."""
        kind = self.files.kind("roadmap.yml")
        if kind == FILE:
            return self._cached("roadmap.yml", "roadmap", parse_roadmap, diags, files)
        if kind is None:  # a link or a special file is reported by _check_entries
            diags.error(Location(self.display("roadmap.yml")), "missing roadmap.yml: every roadmap needs one with "
                                                                "`title`, `vision` and `mission`")
        return None

    def _journey(self, diags: Diagnostics, files: list[Path]) -> dict[str, tuple] | None:
        """journey.yml's stages, journeys and behaviours; None when it cannot be read."""
        found = self.files.kind("journey.yml")
        if found == FILE:
            return self._cached("journey.yml", "journey", parse_journey, diags, files)
        if found is None:
            diags.error(Location(self.display("journey.yml")),
                        "missing journey.yml: every roadmap needs at least one customer-journey stage")
            return {}
        return None  # a link or a special file, reported by _check_entries

    def _list_file(self, key: str, kind: str, builder: Callable[..., Any], diags: Diagnostics,
                   files: list[Path], missing: str = "") -> tuple | None:
        """The items of ``<key>.yml``: () when it is absent (an error if ``missing`` says why), None if unreadable."""
        rel = f"{key}.yml"
        found = self.files.kind(rel)
        if found == FILE:
            return self._cached(rel, key, list_parser(kind, key, builder), diags, files)
        if found is not None:  # a link or a special file (reported by _check_entries): unreadable
            return None
        if missing:
            diags.error(Location(self.display(rel)), missing)
        return ()

    def _items(self, folder: str, ext: str, kind: str, parse_fn: ParseFn, diags: Diagnostics,
               files: list[Path]) -> tuple:
        """The items of a folder of one file per item, in file-name order; the ids of files that could not
        be read are remembered, so that references to them are not reported as unknown too."""
        items = []
        for rel in self._folder(folder, ext, diags):
            item = self._cached(rel, kind, parse_fn, diags, files)
            if item is None:
                self._unreadable_items.add((kind, posixpath.splitext(posixpath.basename(rel))[0]))
            else:
                items.append(item)
        return tuple(items)

    def _folder(self, folder: str, ext: str, diags: Diagnostics) -> list[str]:
        """The files of a folder that are named like items, as paths in the content folder."""
        if self.files.kind(folder) != FOLDER:
            return []  # absent; a link or a special file is reported by _check_entries
        out = []
        for name in self.files.names(folder):
            rel = f"{folder}/{name}"
            if name.startswith("."):
                continue
            found = self.files.kind(rel)
            stem, suffix = posixpath.splitext(name)
            where = Location(self.display(rel))
            if found in (LINK, OTHER):
                diags.error(where, self.files.refusal(rel))
            elif found == FOLDER or suffix != ext:
                other = ".yaml" if ext == ".yml" else ".markdown"
                hint = f"; rename it to {excerpt(stem)}{ext}" if suffix == other else ""
                diags.error(where, f"unexpected {'folder' if found == FOLDER else 'file'} in "
                                   f"{folder}/: expected `<id>{ext}` files{hint}")
            elif check_id(stem, where, diags, "file name (the id)"):
                out.append(rel)
        return out

    def _check_entries(self, diags: Diagnostics) -> None:
        for name in self.files.names(""):
            if name.startswith("."):
                continue
            found = self.files.kind(name)
            if found in (LINK, OTHER):
                diags.error(Location(self.display(name)), self.files.refusal(name))
            elif name not in KNOWN_ENTRIES and not name.lower().startswith("readme"):
                what = "folder" if found == FOLDER else "file"
                diags.error(Location(self.display(name)), f"unknown {what} `{excerpt(name)}` in the content folder"
                                                           f"{suggestion(name, KNOWN_ENTRIES)}")

    def _attach_series(self, metrics: tuple | None, diags: Diagnostics, files: list[Path]) -> tuple:
        """Each metric with its measurements. When metrics.yml could not be read (``None``), its error is
        the only one: no CSV is reported as the data of an unknown metric."""
        series: dict[str, tuple[tuple, str]] = {}
        for rel in self._folder("metrics", ".csv", diags):
            value = self._cached(rel, "series", parse_csv, diags, files)
            if value is not None:
                series[posixpath.splitext(posixpath.basename(rel))[0]] = (value, rel)
        if metrics is None:
            return ()
        known = {mt.id for mt in metrics}
        for id in sorted(set(series) - known):
            diags.error(Location(self.display(f"metrics/{id}.csv")),
                        f"measurements for unknown metric `{id}`: add it to metrics.yml{suggestion(id, known)}")
        return tuple(replace(mt, measurements=series[mt.id][0], series_source=series[mt.id][1])
                     if mt.id in series else mt for mt in metrics)
