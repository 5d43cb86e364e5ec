"""A :class:`~roadmap_gen.git.roadmap_diff.RoadmapDiff` as terminal text, Markdown or JSON.

:func:`render_markdown` is meant for pull-request comments and CI job
summaries; :func:`render_json` writes the stable :meth:`RoadmapDiff.to_dict`
structure. :data:`RENDERERS` maps ``roadmap-gen diff --format`` names to them.
"""

from __future__ import annotations

import json
from types import MappingProxyType
from typing import Any

from roadmap_gen.format import model as m
from roadmap_gen.format.diagnostics import printable
from roadmap_gen.git.changes import KIND_TITLES
from roadmap_gen.git.phrases import (change_text, dedupe_paths, short_path, transition_phrase, transition_what,
                                     value_text)
from roadmap_gen.git.roadmap_diff import RoadmapDiff

_TRANSITION_SECTIONS = (
    ("Status", ("status", "computed-status", "addressed")),
    ("Moves", ("horizon", "stages", "journey")),
    ("Targets", ("target",)),
    ("OKR scores", ("score",)),
    ("Evidence", ("evidence",)),
    ("Links", ("link",)),
)
_MARKS = MappingProxyType({"added": "+", "removed": "-", "changed": "~"})
_MD_SPECIAL = MappingProxyType(str.maketrans({c: "\\" + c for c in "\\`*_[]|~"}
                                             | {"<": "&lt;", ">": "&gt;", "&": "&amp;"}))
_MD_CUT_NOTE = "\n\n_…cut here: run `roadmap-gen diff` locally for the full list._\n"


def _sides(diff: RoadmapDiff) -> str:
    if diff.base or diff.head:
        return f"{diff.base or 'base'} → {diff.head or 'working tree'}"
    return ""


# -- text -----------------------------------------------------------------------------------

def render_text(diff: RoadmapDiff) -> str:
    """Terminal-friendly text: a header, the summary, then one section per aspect and kind."""
    sides = _sides(diff)
    out = ["Roadmap changes" + (f": {sides}" if sides else "") + (f" (as of {diff.as_of})" if diff.as_of else ""),
           diff.summary().capitalize() if diff.is_empty else diff.summary()]
    if diff.is_empty:
        return "\n".join(out) + "\n"
    if diff.roadmap:
        out += ["", "Roadmap"]
        out += [f"  {change_text(c)}" for c in diff.roadmap]
    for title, aspects in _TRANSITION_SECTIONS:
        ts = [t for t in diff.transitions if t.aspect in aspects]
        if ts:
            out += ["", title]
            out += [f"  {KIND_TITLES[t.kind][0]} {t.id} “{t.title}”: {transition_phrase(t)}" for t in ts]
    if diff.measurements:
        out += ["", "New measurements"]
        out += [f"  {x.metric} {x.date}: {x.label}" + (f" ({x.note})" if x.note else "") for x in diff.measurements]
    for kind in m.KINDS:
        items = [i for i in diff.items if i.kind == kind]
        if items:
            out += ["", KIND_TITLES[kind][1]]
        for i in items:
            out.append(f"  {_MARKS[i.action]} {i.id} “{i.title}”" + (f" ({i.where})" if i.where else ""))
            out += [f"      {change_text(c)}" for c in i.changes]
    return "\n".join(map(printable, out)) + "\n"  # a title's line break or escape code stays on its line


# -- Markdown -------------------------------------------------------------------------------

def md_escape(text: Any, limit: int = 120) -> str:
    """Text from the roadmap, safe inside Markdown (and a table cell): one line, escaped."""
    s = printable(" ".join(str(text).split()))
    if len(s) > limit:
        s = s[: limit - 1].rstrip() + "…"
    return s.translate(_MD_SPECIAL)


def _md_item(id: str, title: str) -> str:
    return f"**{md_escape(title)}** (`{id}`)"


def render_markdown(diff: RoadmapDiff, max_chars: int = 60000, details: bool = True) -> str:
    """Markdown for a pull-request comment or a CI job summary.

    A heading, a summary line with counts, tables for status changes, moves,
    targets, measurements and scores, then one section per kind listing added,
    removed and changed items with their titles. Output longer than
    ``max_chars`` (GitHub refuses comments over 65,536 characters) is rendered
    again without the field-level details, then cut.
    """
    out = _md_heading(diff)
    if diff.is_empty:
        out.append("No roadmap changes: the roadmap reads the same as before.")
        return "\n".join(out) + "\n"
    out += [f"**{diff.summary()}**", ""]
    out += _md_roadmap(diff) + _md_transitions(diff) + _md_measurements(diff) + _md_items(diff, details)
    text = "\n".join(out).rstrip("\n") + "\n"
    if len(text) > max_chars:
        if details:
            return render_markdown(diff, max_chars, details=False)
        text = text[: max_chars - 80].rsplit("\n", 1)[0] + _MD_CUT_NOTE
    return text


def _md_heading(diff: RoadmapDiff) -> list[str]:
    out = ["### Roadmap changes", ""]
    meta = []
    if _sides(diff):
        base, head = (x.replace("`", "'") for x in (diff.base or "base", diff.head or "working tree"))
        meta.append(f"`{base}` → `{head}`")
    if diff.as_of:
        meta.append(f"figures as of {diff.as_of}")
    if meta:
        out += [" · ".join(meta), ""]
    return out


def _md_roadmap(diff: RoadmapDiff) -> list[str]:
    if not diff.roadmap:
        return []
    out = ["#### Vision, mission and journey", "", "| Field | Before | After |", "| --- | --- | --- |"]
    for c in diff.roadmap:
        out.append(f"| {md_escape(c.path)} | {md_escape(value_text(c.old, c.path, '', 200))} | "
                   f"{md_escape(value_text(c.new, c.path, '', 200))} |")
    return out + [""]


def _md_transitions(diff: RoadmapDiff) -> list[str]:
    out: list[str] = []
    for title, aspects in _TRANSITION_SECTIONS:
        ts = [t for t in diff.transitions if t.aspect in aspects]
        if not ts:
            continue
        out += [f"#### {title}", "", "| Item | What | Before | After |", "| --- | --- | --- | --- |"]
        for t in ts:
            what = transition_what(t) or t.aspect
            out.append(f"| {KIND_TITLES[t.kind][0]} {_md_item(t.id, t.title)} | {md_escape(what)} | "
                       f"{md_escape(t.old_label)} | **{md_escape(t.new_label)}** |")
        out.append("")
    return out


def _md_measurements(diff: RoadmapDiff) -> list[str]:
    if not diff.measurements:
        return []
    out = ["#### New measurements", "", "| Metric | Date | Value | Note |", "| --- | --- | --- | --- |"]
    for x in diff.measurements:
        out.append(f"| {_md_item(x.metric, x.title)} | {x.date} | {md_escape(x.label)} | {md_escape(x.note)} |")
    return out + [""]


def _md_items(diff: RoadmapDiff, details: bool) -> list[str]:
    out: list[str] = []
    for kind in m.KINDS:
        items = [i for i in diff.items if i.kind == kind]
        if not items:
            continue
        out += [f"#### {KIND_TITLES[kind][1]}", ""]
        for i in items:
            line = f"- {i.action.capitalize()}: {_md_item(i.id, i.title)}"
            if i.where:
                line += f" · {md_escape(i.where)}"
            if i.action == "changed" and not details:
                line += " · " + md_escape(", ".join(short_path(c) for c in dedupe_paths(i.changes)), 300)
            out.append(line)
            if details:
                out += [f"  - {md_escape(change_text(c), 300)}" for c in i.changes]
        out.append("")
    return out


# -- JSON -----------------------------------------------------------------------------------

def render_json(diff: RoadmapDiff) -> str:
    """:meth:`RoadmapDiff.to_dict` as deterministic JSON text with a final newline."""
    return json.dumps(diff.to_dict(), ensure_ascii=False, indent=2) + "\n"


RENDERERS = MappingProxyType({"text": render_text, "markdown": render_markdown, "json": render_json})
"""Format name -> renderer, for ``roadmap-gen diff --format``."""
