"""The load pass: files of a content folder into typed models.

Each file is parsed on its own and the result is cached by its path and the
hash of its bytes, so a preview rebuild after one edit re-parses one file.
Every problem becomes a located diagnostic; a file that cannot be read
contributes nothing but its errors.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import os
import posixpath
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, Callable

from roadmap_gen.format import model as m
from roadmap_gen.format.diagnostics import Diagnostic, Diagnostics, Location, display_path, suggestion
from roadmap_gen.format.spec import (
    FILE_SPECS, Converter, Record, Spec, check_id, parse_date, parse_number, INVALID,
)
from roadmap_gen.format.yamlsrc import MAX_FILE_BYTES, YScalar, decode, parse

MAX_CSV_BYTES = 5_000_000

MD_FOLDERS: dict[str, str] = {
    "outcomes": "outcome", "themes": "theme", "questions": "question",
    "hypotheses": "hypothesis", "opportunities": "opportunity",
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


def as_written(value: Any) -> Any:
    """A converted value back to JSON-ready form, as the author wrote it."""
    if isinstance(value, Record):
        return {k: as_written(v) for k, v in value.values.items()}
    if isinstance(value, tuple):
        return [as_written(v[0] if isinstance(v, tuple) and len(v) == 2 and isinstance(v[1], Location) else v)
                for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _converter(node: Any, diags: Diagnostics) -> Converter:
    """A file whose YAML could not be read reports only that, not every field as missing too."""
    return Converter(Diagnostics() if node is None and diags.errors else diags)


def _written(rec: Record, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: as_written(v) for k, v in rec.values.items() if k not in skip}


def _ids(value: Any) -> tuple[str, ...]:
    return tuple(v for v, _ in value) if value else ()


def _stages(rec: Record) -> tuple[str, ...]:
    if "stage" in rec.values:
        return (rec.values["stage"],)
    return _ids(rec.values.get("stages"))


def _outcomes(rec: Record) -> tuple[str, ...]:
    if "outcome" in rec.values:
        return (rec.values["outcome"],)
    return _ids(rec.values.get("outcomes"))


def _locs(rec: Record) -> dict[str, Location]:
    locs = dict(rec.locs)
    for name, value in rec.values.items():  # each list entry's own place: `stages[1]`
        if isinstance(value, tuple):
            for i, v in enumerate(value):
                if isinstance(v, tuple) and len(v) == 2 and isinstance(v[1], Location):
                    locs[f"{name}[{i}]"] = v[1]
    # `stage`/`outcome` and their list forms are one reference field each
    for one, many in (("stage", "stages"), ("outcome", "outcomes")):
        if one in locs and many not in locs:
            locs[many] = locs[one]
    return locs


def _common(rec: Record, id: str, source: str, title_field: str = "title") -> dict[str, Any]:
    return dict(
        id=id, title=rec.get(title_field, id), source=source, loc=rec.loc,
        visibility=rec.get("visibility", "internal"), fields=_written(rec), locs=_locs(rec),
    )


# -- builders: Record -> model -------------------------------------------------

def _goal(rec: Record, source: str) -> m.Goal:
    return m.Goal(**_common(rec, rec.get("id"), source), metric=rec.get("metric"), target=rec.get("target"),
                  by=rec.get("by"), north_star=rec.get("north_star", False), description=rec.get("description"))


def _strategy(rec: Record, source: str) -> m.Strategy:
    tactics = tuple(
        m.Tactic(loc=t.loc, fields=_written(t), locs=t.locs, title=t.get("title", ""),
                 active=t.get("active", True), description=t.get("description"))
        for t in rec.get("tactics", ()))
    return m.Strategy(**_common(rec, rec.get("id"), source), goal=rec.get("goal"), metric=rec.get("metric"),
                      active=rec.get("active", True), tactics=tactics, description=rec.get("description"))


def _stage(rec: Record, source: str) -> m.Stage:
    return m.Stage(**_common(rec, rec.get("id"), source), description=rec.get("description"),
                   boosters=_ids(rec.get("boosters")), blockers=_ids(rec.get("blockers")))


def _metric(rec: Record, source: str) -> m.Metric:
    b, t, r = rec.get("baseline"), rec.get("target"), rec.get("review")
    return m.Metric(
        **_common(rec, rec.get("id"), source), category=rec.get("category", "business"),
        unit=rec.get("unit", ""), direction=rec.get("direction", "up"),
        baseline=m.Baseline(b.get("value"), b.get("date")) if b and "value" in b.values else None,
        target=m.Target(t.get("value"), t.get("by")) if t and "value" in t.values else None,
        review=m.Cadence.parse(r) if r else None, source_text=rec.get("source"), owner=rec.get("owner"),
        description=rec.get("description"))


def _md_common(rec: Record, id: str, source: str, body: str, body_line: int) -> dict[str, Any]:
    return dict(**_common(rec, id, source), body=body, body_line=body_line)


def _outcome(rec, id, source, body, line):
    return m.Outcome(**_md_common(rec, id, source, body, line), stages=_stages(rec), metric=rec.get("metric", ""),
                     strategy=rec.get("strategy"), target=rec.get("target"), by=rec.get("by"), team=rec.get("team"))


def _theme(rec, id, source, body, line):
    return m.Theme(**_md_common(rec, id, source, body, line), stages=_stages(rec),
                   horizon=rec.get("horizon", "later"), outcomes=_outcomes(rec), team=rec.get("team"))


def _question(rec, id, source, body, line):
    return m.Question(**_md_common(rec, id, source, body, line), stages=_stages(rec),
                      horizon=rec.get("horizon", "later"), outcomes=_outcomes(rec), theme=rec.get("theme"),
                      status=rec.get("status", "open"), answer=rec.get("answer"), team=rec.get("team"))


def _hypothesis(rec, id, source, body, line):
    experiments = tuple(
        m.Experiment(loc=e.loc, fields=_written(e), locs=e.locs, title=e.get("title", ""),
                     status=e.get("status", "planned"), start=e.get("start"), end=e.get("end"),
                     result=e.get("result"))
        for e in rec.get("experiments", ()))
    links = tuple(m.Link(loc=k.loc, fields=_written(k), locs=k.locs, title=k.get("title", ""), url=k.get("url", ""))
                  for k in rec.get("links", ()) if "url" in k.values)
    return m.Hypothesis(
        **_md_common(rec, id, source, body, line), stages=_stages(rec), horizon=rec.get("horizon", "later"),
        we_believe=rec.get("we_believe", ""), will_result_in=rec.get("will_result_in", ""),
        we_will_know_when=rec.get("we_will_know_when", ""), status=rec.get("status", "idea"),
        outcomes=_outcomes(rec), theme=rec.get("theme"), question=rec.get("question"),
        opportunity=rec.get("opportunity"), confidence=rec.get("confidence"), team=rec.get("team"),
        experiments=experiments, links=links)


def _opportunity(rec, id, source, body, line):
    return m.Opportunity(**_md_common(rec, id, source, body, line), outcome=rec.get("outcome"),
                         parent=rec.get("parent"), stages=_stages(rec))


MD_BUILDERS: dict[str, Callable[..., m.MarkdownItem]] = {
    "outcome": _outcome, "theme": _theme, "question": _question,
    "hypothesis": _hypothesis, "opportunity": _opportunity,
}


def _okr(rec: Record, id: str, source: str) -> m.Okr:
    krs = []
    for k in rec.get("key_results", ()):
        krs.append(m.KeyResult(loc=k.loc, fields=_written(k), locs=_locs(k), title=k.get("title", ""),
                               start=k.get("from", 0), to=k.get("to", 0), current=k.get("current"),
                               metric=k.get("metric")))
    return m.Okr(**_common(rec, id, source, "objective"), period=m.Period.parse(rec.get("period", "1970")),
                 key_results=tuple(krs), team=rec.get("team"), strategy=rec.get("strategy"))


# -- files ----------------------------------------------------------------------

def split_front_matter(text: str, path: str, diags: Diagnostics) -> tuple[str, str, int] | None:
    """``(front matter, body, body's first line)``; None when it is missing or not closed."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        diags.error(Location(path, 1, 1), "missing front matter: start the file with a `---` line, "
                                          "the YAML fields, and another `---` line")
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            body = "\n".join(lines[i + 1:]).strip("\n")
            return "\n".join(lines[1:i]), (body + "\n") if body else "", i + 2
    diags.error(Location(path, 1, 1), "front matter is not closed: add a `---` line after the YAML fields")
    return None


class Loader:
    """Loads a content folder; keep one instance alive to reuse its parse cache."""

    def __init__(self, content_dir: Path, display_base: Path | None = None) -> None:
        self.root = Path(content_dir)
        self.display_base = display_base
        self._cache: dict[tuple[str, str], tuple[Any, tuple[Diagnostic, ...]]] = {}
        self._parsed = 0
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

    # parse functions: bytes -> model(s); pure, so their results can be cached
    @staticmethod
    def _yaml(data: bytes, shown: str, diags: Diagnostics, line_offset: int = 0, limit: int = MAX_FILE_BYTES):
        text = decode(data, shown, diags, limit)
        if text is None:
            return None
        return parse(text, shown, diags, line_offset)

    def _parse_roadmap(self, data: bytes, shown: str, rel: str, diags: Diagnostics):
        node = self._yaml(data, shown, diags)
        rec = _converter(node, diags).record(node, FILE_SPECS["roadmap"], Location(shown))
        if rec is None:
            return None
        ids_seen: dict[str, dict[str, Location]] = {"goal": {}, "strategy": {}}
        goals = tuple(_goal(g, rel) for g in rec.get("goals", ()) if "id" in g.values)
        strategies = tuple(_strategy(s, rel) for s in rec.get("strategies", ()) if "id" in s.values)
        for kind, items in (("goal", goals), ("strategy", strategies)):
            _duplicates(kind, items, ids_seen[kind], diags)
        review = None
        r = rec.get("review")
        if r is not None and "last" in r.values and "every" in r.values:
            review = m.Review(loc=r.loc, fields=_written(r), locs=r.locs, last=r.get("last"),
                              every=m.Cadence.parse(r.get("every")))
        return dict(title=rec.get("title", ""), vision=rec.get("vision", ""), mission=rec.get("mission", ""),
                    review=review, goals=goals, strategies=strategies, loc=rec.loc,
                    fields=_written(rec, ("goals", "strategies")), locs=rec.locs)

    def _parse_list(self, kind: str, key: str, builder):
        def parse_fn(data: bytes, shown: str, rel: str, diags: Diagnostics):
            node = self._yaml(data, shown, diags)
            if node is None and diags.errors:
                return None  # unreadable: its kind's references are not checked against nothing
            rec = _converter(node, diags).record(node, FILE_SPECS[key], Location(shown))
            if rec is None:
                return ()
            items = tuple(builder(r, rel) for r in rec.get(key if key != "journey" else "stages", ())
                          if "id" in r.values)
            _duplicates(kind, items, {}, diags)
            return items
        return parse_fn

    def _parse_md(self, kind: str):
        spec: Spec = FILE_SPECS[kind]

        def parse_fn(data: bytes, shown: str, rel: str, diags: Diagnostics):
            text = decode(data, shown, diags)
            if text is None:
                return None
            parts = split_front_matter(text, shown, diags)
            if parts is None:
                return None
            front, body, body_line = parts
            node = parse(front, shown, diags, line_offset=1)
            rec = _converter(node, diags).record(node, spec, Location(shown, 1, 1))
            if rec is None:
                return None
            id = Path(rel).stem
            return MD_BUILDERS[kind](rec, id, rel, body, body_line)
        return parse_fn

    def _parse_okr(self, data: bytes, shown: str, rel: str, diags: Diagnostics):
        node = self._yaml(data, shown, diags)
        rec = _converter(node, diags).record(node, FILE_SPECS["okr"], Location(shown))
        if rec is None:
            return None
        return _okr(rec, Path(rel).stem, rel)

    @staticmethod
    def _parse_csv(data: bytes, shown: str, rel: str, diags: Diagnostics):
        text = decode(data, shown, diags, MAX_CSV_BYTES)
        if text is None:
            return None
        return parse_series(text, shown, diags)

    # -- the pass ---------------------------------------------------------------
    def load(self) -> LoadResult:
        unreadable: set[str] = set()
        diags = Diagnostics()
        files: list[Path] = []
        self._parsed = 0
        self._keys: list[tuple[str, str]] = []
        self._shown_dirs = {}
        root = self.root
        if not root.is_dir():
            diags.error(Location(self.display(root)), "content folder not found; set the plugin's `content_dir` "
                                                      "or pass the folder to `roadmap-gen check`")
            return LoadResult(None, diags.sorted(), (), 0)
        self._check_entries(diags)

        head = None
        path = root / "roadmap.yml"
        if path.is_file():
            head = self._cached(path, "roadmap", self._parse_roadmap, diags, files)
        else:
            diags.error(Location(self.display(path)), "missing roadmap.yml: every roadmap needs one with "
                                                      "`title`, `vision` and `mission`")
        stages: tuple = ()
        path = root / "journey.yml"
        if path.is_file():
            stages = self._cached(path, "journey", self._parse_list("stage", "journey", _stage), diags, files)
            if stages is None:
                unreadable.add("stage")
        else:
            diags.error(Location(self.display(path)), "missing journey.yml: every roadmap needs at least one "
                                                      "customer-journey stage")
        metrics: tuple = ()
        path = root / "metrics.yml"
        if path.is_file():
            metrics = self._cached(path, "metrics", self._parse_list("metric", "metrics", _metric), diags, files)
            if metrics is None:
                unreadable.add("metric")
        metrics = self._attach_series(metrics or (), diags, files)

        md: dict[str, tuple] = {}
        for folder, kind in MD_FOLDERS.items():
            md[folder] = tuple(
                item for item in (self._cached(p, kind, self._parse_md(kind), diags, files)
                                  for p in self._folder(folder, ".md", diags)) if item is not None)
        okrs = tuple(item for item in (self._cached(p, "okr", self._parse_okr, diags, files)
                                       for p in self._folder("okrs", ".yml", diags)) if item is not None)
        roadmap = None
        if head is not None:
            roadmap = m.Roadmap(**head, stages=stages or (), metrics=metrics, okrs=okrs, **md)
        fingerprint = hashlib.blake2b(repr((self._keys, diags.sorted())).encode(), digest_size=16).hexdigest()
        return LoadResult(roadmap, diags.sorted(), tuple(files), self._parsed, frozenset(unreadable), fingerprint)

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
            value = self._cached(p, "series", self._parse_csv, diags, files)
            if value is not None:
                series[p.stem] = (value, p.relative_to(self.root).as_posix())
        known = {mt.id for mt in metrics}
        for id in sorted(set(series) - known):
            path = self.root / "metrics" / f"{id}.csv"
            diags.error(Location(self.display(path)), f"measurements for unknown metric `{id}`: add it to "
                                                      f"metrics.yml{suggestion(id, known)}")
        return tuple(replace(mt, measurements=series[mt.id][0], series_source=series[mt.id][1])
                     if mt.id in series else mt for mt in metrics)


def _duplicates(kind: str, items, seen: dict[str, Location], diags: Diagnostics) -> None:
    for item in items:
        loc = item.loc_of("id")
        if item.id in seen:
            diags.error(loc, f"duplicate {kind} id `{item.id}` (first at line {seen[item.id].line})")
        else:
            seen[item.id] = loc


def parse_series(text: str, shown: str, diags: Diagnostics) -> tuple[m.Measurement, ...]:
    """A metric's CSV: ``date,value[,note]``, oldest first, one row per date."""
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[list[str]] = []
    lines: list[int] = []  # the line each row starts on: a quoted note may span lines
    try:
        first = 1
        for row in reader:
            rows.append(row)
            lines.append(first)
            first = reader.line_num + 1
    except csv.Error as exc:
        diags.error(Location(shown, reader.line_num, 1), f"not valid CSV: {exc}")
    if not rows:
        return ()
    header = [h.strip().lower() for h in rows[0]]
    start = 1
    if header[:2] != ["date", "value"] or len(header) > 3 or (len(header) == 3 and header[2] != "note"):
        if header and header[0][:1].isdigit():
            start = 0  # no header row: data from line 1
            diags.error(Location(shown, 1, 1), "missing header row: start the file with `date,value,note`")
        else:
            diags.error(Location(shown, 1, 1), f"header must be `date,value` or `date,value,note`, "
                                               f"found `{','.join(rows[0])}`")
            return ()
    out: list[m.Measurement] = []
    prev: date | None = None
    for n, row in zip(lines[start:], rows[start:]):
        if not row or all(not c.strip() for c in row):
            continue
        loc = Location(shown, n, 1)
        if len(row) < 2 or len(row) > 3:
            diags.error(loc, f"expected `date,value[,note]`, found {len(row)} column(s); quote a note "
                             "that contains commas")
            continue
        d = parse_date(row[0], loc, diags, "date")
        vloc = Location(shown, n, len(row[0]) + 2)
        raw = row[1].strip()
        v = parse_number(raw, vloc, diags, "value") if raw else INVALID
        if not raw:
            diags.error(vloc, "value is empty")
        if isinstance(v, float) and not math.isfinite(v):  # pragma: no cover - NUMBER_RE refuses these
            diags.error(vloc, f"value must be a finite number, found `{raw}`")
            v = INVALID
        if d is INVALID or v is INVALID:
            continue
        if prev is not None and d <= prev:
            word = "repeated" if d == prev else "out of order"
            diags.error(loc, f"date {d.isoformat()} is {word}: rows must be oldest first, one per date "
                             f"(previous row is {prev.isoformat()})")
            continue
        prev = d
        out.append(m.Measurement(d, v, row[2].strip() if len(row) == 3 else "", loc))
    return tuple(out)
