"""Per-file parsers: the bytes of one content file into its model(s).

roadmap.yml, journey.yml, metrics.yml with the CSV series of metrics/, the
Markdown items and the OKRs. Every parser has the signature
``(data, shown, rel, diags)`` and is pure, so the loader can cache its result
by the hash of the file's bytes.
"""

from __future__ import annotations

import csv
import io
import math
import re
from datetime import date
from pathlib import Path
from typing import Any, Callable

from roadmap_gen.compile.builders import (
    MD_BUILDERS, build_goal, build_journey, build_okr, build_roadmap_head, build_stage, build_strategy,
)
from roadmap_gen.format import model as m
from roadmap_gen.format.convert import Converter
from roadmap_gen.format.diagnostics import Diagnostics, Location, excerpt
from roadmap_gen.format.fields import Record, Spec
from roadmap_gen.format.scalars import DATE_RE, INVALID, parse_date, parse_number
from roadmap_gen.format.spec import FILE_SPECS
from roadmap_gen.format.yamlsrc import MAX_FILE_BYTES, decode, parse

MAX_CSV_BYTES = 5_000_000

ParseFn = Callable[[bytes, str, str, Diagnostics], Any]


def _converter(node: Any, diags: Diagnostics) -> Converter:
    """A file whose YAML could not be read reports only that, not every field as missing too."""
    return Converter(Diagnostics() if node is None and diags.errors else diags)


def read_yaml(data: bytes, shown: str, diags: Diagnostics, line_offset: int = 0, limit: int = MAX_FILE_BYTES):
    text = decode(data, shown, diags, limit)
    if text is None:
        return None
    return parse(text, shown, diags, line_offset)


def duplicates(kind: str, items, seen: dict[str, Location], diags: Diagnostics) -> None:
    for item in items:
        loc = item.loc_of("id")
        if item.id in seen:
            diags.error(loc, f"duplicate {kind} id `{item.id}` (first at line {seen[item.id].line})")
        else:
            seen[item.id] = loc


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


# -- YAML files -----------------------------------------------------------------

def parse_roadmap(data: bytes, shown: str, rel: str, diags: Diagnostics):
    """roadmap.yml: the fields of the roadmap itself, its goals and strategies."""
    node = read_yaml(data, shown, diags)
    rec = _converter(node, diags).record(node, FILE_SPECS["roadmap"], Location(shown))
    if rec is None:
        return None
    ids_seen: dict[str, dict[str, Location]] = {"goal": {}, "strategy": {}}
    goals = tuple(build_goal(g, rel) for g in rec.get("goals", ()) if "id" in g.values)
    strategies = tuple(build_strategy(s, rel) for s in rec.get("strategies", ()) if "id" in s.values)
    for kind, items in (("goal", goals), ("strategy", strategies)):
        duplicates(kind, items, ids_seen[kind], diags)
    tactic_ids: dict[str, Location] = {}
    for t in (t for s in strategies for t in s.tactics if t.id):
        if t.id in tactic_ids:
            diags.error(t.loc_of("id"), f"duplicate tactic id `{t.id}` (first at line {tactic_ids[t.id].line})")
        else:
            tactic_ids[t.id] = t.loc_of("id")
    return build_roadmap_head(rec, goals, strategies)


def parse_journey(data: bytes, shown: str, rel: str, diags: Diagnostics):
    """journey.yml: one list of ``stages`` (v1) or several ``journeys``, each with its stages; the stages and
    behaviours with an id of all journeys, each id unique across the file. None when it cannot be read."""
    node = read_yaml(data, shown, diags)
    if node is None and diags.errors:
        return None
    rec = _converter(node, diags).record(node, FILE_SPECS["journey"], Location(shown))
    if rec is None:
        return {"stages": (), "journeys": (), "behaviours": ()}
    journeys = tuple(build_journey(j, rel) for j in rec.get("journeys", ()) if "id" in j.values)
    # both forms at once is an error (reported by the converter); their stages are all loaded all the same, so
    # that references to them are not reported as unknown too
    groups = [(None, rec.get("stages", ())),
              *((j.get("id"), j.get("stages", ())) for j in rec.get("journeys", ()) if "id" in j.values)]
    stages, behaviours = [], []
    for journey, recs in groups:
        for st in recs:
            if "id" in st.values:
                stage, found = build_stage(st, rel, journey)
                stages.append(stage)
                behaviours.extend(found)
    for kind, items in (("journey", journeys), ("stage", stages), ("behaviour", behaviours)):
        duplicates(kind, items, {}, diags)
    return {"stages": tuple(stages), "journeys": journeys, "behaviours": tuple(behaviours)}


def list_parser(kind: str, key: str, builder: Callable[[Record, str], Any]) -> ParseFn:
    """The parser of a file listing items of one kind: journey.yml (stages), metrics.yml (metrics)."""
    def parse_fn(data: bytes, shown: str, rel: str, diags: Diagnostics):
        node = read_yaml(data, shown, diags)
        if node is None and diags.errors:
            return None  # unreadable: its kind's references are not checked against nothing
        rec = _converter(node, diags).record(node, FILE_SPECS[key], Location(shown))
        if rec is None:
            return ()
        items = tuple(builder(r, rel) for r in rec.get(key if key != "journey" else "stages", ())
                      if "id" in r.values)
        duplicates(kind, items, {}, diags)
        return items
    return parse_fn


def parse_okr(data: bytes, shown: str, rel: str, diags: Diagnostics):
    """okrs/<id>.yml: one objective and its key results."""
    node = read_yaml(data, shown, diags)
    rec = _converter(node, diags).record(node, FILE_SPECS["okr"], Location(shown))
    if rec is None:
        return None
    return build_okr(rec, Path(rel).stem, rel)


# -- Markdown items ---------------------------------------------------------------

def md_parser(kind: str) -> ParseFn:
    """The parser of a Markdown item of ``kind``: YAML front matter and a body."""
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


# -- CSV series -------------------------------------------------------------------

def parse_csv(data: bytes, shown: str, rel: str, diags: Diagnostics):
    """metrics/<id>.csv: the measurements of one metric."""
    text = decode(data, shown, diags, MAX_CSV_BYTES)
    if text is None:
        return None
    return parse_series(text, shown, diags)


def _semicolons(text: str, shown: str, diags: Diagnostics) -> bool:
    """A file whose fields are separated by semicolons (a spreadsheet's Dutch or German CSV): one error."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip()
    fields = [f.strip().lower() for f in first.split(";")]
    if len(fields) in (2, 3) and (fields[:2] == ["date", "value"] or DATE_RE.match(fields[0])):
        diags.error(Location(shown, 1, len(first.split(";")[0]) + 1),
                    "fields are separated by semicolons: separate them with commas (`date,value,note`); a "
                    "spreadsheet set to Dutch or German saves semicolons, so choose comma-separated when saving")
        return True
    return False


def parse_series(text: str, shown: str, diags: Diagnostics) -> tuple[m.Measurement, ...]:
    """A metric's CSV: ``date,value[,note]``, oldest first, one row per date."""
    if _semicolons(text, shown, diags):
        return ()
    rows, lines = _csv_rows(text, shown, diags)
    if not rows:
        return ()
    start = _first_data_row(rows[0], shown, diags)
    if start is None:
        return ()
    has_note = start == 0 or len(rows[0]) == 3
    out: list[m.Measurement] = []
    prev: date | None = None
    for n, row in zip(lines[start:], rows[start:]):
        if not row or all(not c.strip() for c in row):
            continue
        item = _measurement(row, n, shown, diags, has_note)
        if item is None:
            continue
        d = item.date
        if prev is not None and d <= prev:
            word = "repeated" if d == prev else "out of order"
            diags.error(item.loc, f"date {d.isoformat()} is {word}: rows must be oldest first, one per date "
                                  f"(previous row is {prev.isoformat()})")
            continue
        prev = d
        out.append(item)
    return tuple(out)


def _csv_rows(text: str, shown: str, diags: Diagnostics) -> tuple[list[list[str]], list[int]]:
    """The rows, and the line each row starts on: a quoted note may span lines."""
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[list[str]] = []
    lines: list[int] = []
    try:
        first = 1
        for row in reader:
            rows.append(row)
            lines.append(first)
            first = reader.line_num + 1
    except csv.Error as exc:
        diags.error(Location(shown, reader.line_num, 1), f"not valid CSV: {exc}")
    return rows, lines


def _first_data_row(first: list[str], shown: str, diags: Diagnostics) -> int | None:
    """1 after a header row, 0 when the header row is missing, None when it is wrong."""
    header = [h.strip().lower() for h in first]
    if header[:2] != ["date", "value"] or len(header) > 3 or (len(header) == 3 and header[2] != "note"):
        if header and header[0][:1].isdigit():
            diags.error(Location(shown, 1, 1), "missing header row: start the file with `date,value,note`")
            return 0  # no header row: data from line 1
        diags.error(Location(shown, 1, 1), f"header must be `date,value` or `date,value,note`, "
                                           f"found `{excerpt(','.join(first))}`")
        return None
    return 1


def _measurement(row: list[str], n: int, shown: str, diags: Diagnostics, has_note: bool = True
                 ) -> m.Measurement | None:
    """One data row on line ``n``; None (after reporting why) when it cannot be read."""
    loc = Location(shown, n, 1)
    whole, fraction = (row[1].strip(), row[2].strip()) if len(row) == 3 else ("", "")
    if re.fullmatch(r"[-+]?\d+", whole) and re.fullmatch(r"\d+", fraction):  # 2026-01-01,21,4
        vloc = Location(shown, n, len(row[0]) + 2)
        if not has_note:
            diags.error(vloc, f"`{whole},{fraction}` is split into two fields by its decimal comma: write "
                              f"`{whole}.{fraction}`")
            return None
        diags.warning(vloc, f"value `{whole}` with the note `{fraction}`: if `{whole},{fraction}` is one number, "
                            f"write `{whole}.{fraction}`; a note that is a number goes in quotes")
    if len(row) < 2 or len(row) > 3:
        diags.error(loc, f"expected `date,value[,note]`, found {len(row)} column(s); quote a note "
                         "that contains commas")
        return None
    d = parse_date(row[0], loc, diags, "date")
    vloc = Location(shown, n, len(row[0]) + 2)
    raw = row[1].strip()
    v = parse_number(raw, vloc, diags, "value") if raw else INVALID
    if not raw:
        diags.error(vloc, "value is empty")
    if isinstance(v, float) and not math.isfinite(v):  # pragma: no cover - NUMBER_RE refuses these
        diags.error(vloc, f"value must be a finite number, found `{excerpt(raw)}`")
        v = INVALID
    if d is INVALID or v is INVALID:
        return None
    return m.Measurement(d, v, row[2].strip() if len(row) == 3 else "", loc)
