"""The history in roadmap terms for stakeholders: a headline per commit, and computed events.

:func:`headline` names the most telling change of a diff (``Evening slots for
working clients: testing → validated``, ``Target of Clients meeting their
advisor within 14 days: 60% → 55%``) and counts the rest. :func:`events`
finds what the figures did: an outcome or goal changing status and an OKR
changing traffic light (at the commit that caused it), a metric crossing its
target (at the measurement that crossed it) or going stale (the day after its
next measurement was due).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Iterable

from roadmap_gen.compile.okr import traffic_light
from roadmap_gen.git.changes import KIND_TITLES, Transition
from roadmap_gen.git.goalposts import goalpost_what
from roadmap_gen.git.phrases import cap, transition_phrase, with_unit
from roadmap_gen.git.repo import Commit
from roadmap_gen.git.roadmap_diff import RoadmapDiff

EVENT_KINDS = ("status", "light", "target-reached", "target-lost", "stale")
_ANCHOR = re.compile(r"[^a-z0-9-]+")
_ORDER = ("status", "target", "computed-status", "addressed", "horizon", "stages", "journey", "score", "link")


def _words(status: Any) -> str:
    return "—" if status in (None, "—") else str(status).replace("-", " ")


def transition_headline(t: Transition) -> str:
    """One transition, naming its item first."""
    if t.aspect == "target":
        what = goalpost_what(t)
        if what == "deadline":
            return f"Deadline of {t.title}: {t.old_label} → {t.new_label}"
        if what == "target":
            return f"Target of {t.title}: {t.old_label} → {t.new_label}"
        return f"{t.title}: {transition_phrase(t)}"
    if t.aspect == "status" and t.detail:
        return f"{t.title}: experiment “{t.detail}” {t.old_label} → {t.new_label}"
    if t.aspect in ("status", "computed-status"):
        return f"{t.title}: {_words(t.old_label)} → {_words(t.new_label)}"
    if t.aspect == "addressed":
        return f"{t.title}: {t.old_label} → {t.new_label}"
    if t.aspect == "journey":
        return f"{t.title}: moved to journey {t.new_label}"
    if t.aspect == "link":
        return f"{t.title}: {transition_phrase(t)}"
    if t.aspect == "horizon":
        return f"{t.title}: moved from {t.old_label} to {t.new_label}"
    if t.aspect == "stages":
        return f"{t.title}: moved to {t.new_label}"
    return f"{t.title}: score {t.old_label} → {t.new_label}"


def headline_phrases(d: RoadmapDiff) -> list[str]:
    """Every change of a diff as a short phrase naming its item, the most telling first."""
    out = [transition_headline(t) for aspect in _ORDER for t in d.transitions if t.aspect == aspect]
    for action, lead in (("added", "New"), ("removed", "Removed")):
        group = [i for i in d.items if i.action == action]
        kinds = {i.kind for i in group}
        if len(group) > 3 and len(kinds) > 1:
            out.append(f"{lead}: {len(group)} items")
            continue
        out += [f"{lead} {KIND_TITLES[i.kind][0]}: {i.title}" for i in group]
    out += [f"New measurement of {x.title}: {x.label} ({x.date})" for x in d.measurements]
    moved = {(t.kind, t.id) for t in d.transitions}
    out += [f"Edited {KIND_TITLES[i.kind][0]}: {i.title}" for i in d.items
            if i.action == "changed" and (i.kind, i.id) not in moved]
    out += [f"Roadmap {c.path} changed" for c in d.roadmap]
    return out


def headline(d: RoadmapDiff) -> str:
    """The entry title of a commit: its most telling change, and how many more it made."""
    phrases = headline_phrases(d)
    if not phrases:
        return "No roadmap changes"
    rest = len(phrases) - 1
    return phrases[0] + (f" (and {rest} more change{'s' if rest != 1 else ''})" if rest else "")


@dataclass(frozen=True)
class Event:
    """Something the figures did, dated: ``what`` is one of :data:`EVENT_KINDS`; ``commit`` is the commit that
    caused it (None for events read from measurements and dates)."""

    date: str  # ISO 8601 date-time
    kind: str
    id: str
    title: str
    what: str
    old: str
    new: str
    headline: str
    commit: Commit | None = None

    @property
    def anchor(self) -> str:
        """The event's fragment on the changes page."""
        return _ANCHOR.sub("-", f"event-{self.what}-{self.kind}-{self.id}-{self.date[:10]}".lower())


def events(entries: Iterable[Any], current: Any = None) -> tuple[Event, ...]:
    """Computed events, newest first: from history entries (their diffs) and from ``current`` (a compiled
    roadmap: its measurements and figures)."""
    out = [ev for e in entries for ev in _commit_events(e)]
    if current is not None and getattr(current, "roadmap", None) is not None:
        out += _metric_events(current.roadmap, current.figures)
    out.sort(key=lambda ev: (ev.date, ev.kind, ev.id, ev.what), reverse=True)
    return tuple(out)


def _commit_events(e: Any) -> list[Event]:
    out = []
    for t in e.diff.transitions:
        if t.aspect == "computed-status" and t.old is not None and t.new is not None:
            out.append(Event(e.commit.date, t.kind, t.id, t.title, "status", str(t.old), str(t.new),
                             f"{t.title}: {_words(t.old)} → {_words(t.new)}", e.commit))
        elif t.aspect == "score":
            old, new = traffic_light(t.old), traffic_light(t.new)
            if old != new and "none" not in (old, new):
                out.append(Event(e.commit.date, t.kind, t.id, t.title, "light", old, new,
                                 f"{t.title}: traffic light {old} → {new}", e.commit))
    return out


def _metric_events(roadmap: Any, figures: Any) -> list[Event]:
    out = []
    for mt in roadmap.metrics:
        if mt.target is not None and mt.measurements:
            goal = mt.target.value
            met = [(x.value >= goal) if mt.direction == "up" else (x.value <= goal) for x in mt.measurements]
            for prev, x, now in zip(met, mt.measurements[1:], met[1:]):
                if prev != now:
                    value, target = with_unit(x.value, mt.unit), with_unit(goal, mt.unit)
                    text = (f"{mt.title} reached its target: {value} (target {target})" if now else
                            f"{mt.title} fell back from its target: {value} (target {target})")
                    out.append(Event(f"{x.date.isoformat()}T00:00:00+00:00", "metric", mt.id, mt.title,
                                     "target-reached" if now else "target-lost", "", value, text))
        mf = figures.metrics.get(mt.id)
        if mf is not None and mf.stale and mf.next_due is not None:
            day = mf.next_due + timedelta(days=1)
            out.append(Event(f"{day.isoformat()}T00:00:00+00:00", "metric", mt.id, mt.title, "stale", "",
                             mf.current_date.isoformat() if mf.current_date else "",
                             f"{mt.title} went stale: no measurement since "
                             f"{mf.current_date.isoformat() if mf.current_date else '—'}"))
    return out


def event_line(ev: Event) -> str:
    """The event as a sentence for a feed entry's content."""
    return cap(ev.headline) + "."
