"""Short plain-text phrases for values and changes, shared by the diff, its sentences and its renderers."""

from __future__ import annotations

import difflib
from types import MappingProxyType
from typing import Any, Iterable

from roadmap_gen.git.changes import FieldChange, NewMeasurement, Transition

SCORE_PLACES = 2

_ENTRY_NOUNS = MappingProxyType({"experiments": "experiment", "key_results": "key result", "tactics": "tactic",
                                 "links": "link", "boosters": "booster", "blockers": "blocker"})
_ASPECT_WORDS = MappingProxyType({"status": "status", "horizon": "horizon", "stages": "stage", "target": "target",
                                  "computed-status": "computed status", "score": "score", "evidence": "evidence",
                                  "journey": "journey", "addressed": "", "link": "link"})


# -- numbers and values -----------------------------------------------------------------

def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def round_score(x: float | None) -> float | None:
    return None if x is None else round(float(x), SCORE_PLACES)


def number_text(x: Any) -> str:
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return str(x)
    if isinstance(x, int):
        return str(x)
    return ("%.6f" % x).rstrip("0").rstrip(".")


def with_unit(x: Any, unit: str) -> str:
    text = number_text(x)
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def score_text(score: float | None, light: str) -> str:
    if score is None:
        return "no score"
    return f"{score:.{SCORE_PLACES}f}" + (f" ({light})" if light and light != "none" else "")


def evidence_text(counts: dict | None) -> str:
    """``2 for · 1 against``: an item's evidence counts (``{"supports", "contradicts"}``)."""
    counts = counts or {}
    return f"{counts.get('supports', 0)} for · {counts.get('contradicts', 0)} against"


def value_text(value: Any, path: str = "", unit: str = "", limit: int = 80) -> str:
    """A value as written, short, for people. None is ``—``."""
    if value is None:
        return "—"
    if path.endswith("by") or path.endswith("date"):
        unit = ""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, (int, float)):
        text = with_unit(value, unit)
    elif isinstance(value, dict):
        text = _dict_text(value, unit)
    elif isinstance(value, list):
        text = ", ".join(value_text(v, "", "", 40) for v in value) or "none"
    else:
        text = " ".join(str(value).split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def _dict_text(value: dict, unit: str) -> str:
    """A target (``10 % by 2026-06-30``), a titled entry (its title), or ``key: value, …``."""
    if "value" in value and set(value) <= {"value", "by", "date"}:
        rest = value.get("by") or value.get("date")
        return with_unit(value["value"], unit) + (f" by {rest}" if "by" in value else
                                                  f" on {rest}" if rest else "")
    if isinstance(value.get("title"), str):
        return value["title"]
    return ", ".join(f"{k}: {value_text(v, k, '', 30)}" for k, v in value.items())


def body_stat(old: Any, new: Any) -> str:
    """``+2 −1 lines``: how many lines of a body were added and removed."""
    a = (old or "").splitlines()
    b = (new or "").splitlines()
    plus = minus = 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            minus += i2 - i1
        if op in ("replace", "insert"):
            plus += j2 - j1
    return f"+{plus} −{minus} lines"


# -- field changes ------------------------------------------------------------------------

def _label_path(c: FieldChange) -> str:
    """``experiment “Fake door” status`` for a path through a titled list entry."""
    if not c.entry or "[" not in c.path:
        return c.path
    head, _, rest = c.path.partition("[")
    rest = rest.partition("]")[2].lstrip(".")
    noun = _ENTRY_NOUNS.get(head, head)
    return f"{noun} “{c.entry}”" + (f" {rest}" if rest else "")


def short_path(c: FieldChange) -> str:
    if c.path == "body":
        return "body"
    if c.path.startswith("measurements["):
        return c.path
    return _label_path(c)


def dedupe_paths(changes: Iterable[FieldChange]) -> list[FieldChange]:
    """The changes, one per :func:`short_path`."""
    seen: set[str] = set()
    out = []
    for c in changes:
        key = short_path(c)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def change_text(c: FieldChange) -> str:
    """``status: idea → testing``; ``body: edited (+2 −1 lines)``; added/removed list entries."""
    if c.path == "body":
        return f"body edited ({body_stat(c.old, c.new)})"
    if "[" in c.path and c.path.endswith("]") and not c.path.startswith("measurements["):
        head = c.path.partition("[")[0]
        noun = _ENTRY_NOUNS.get(head, head)
        if c.old is None:
            return f"{noun} added: “{c.entry or value_text(c.new)}”"
        if c.new is None:
            return f"{noun} removed: “{c.entry or value_text(c.old)}”"
    return f"{_label_path(c)}: {value_text(c.old, c.path)} → {value_text(c.new, c.path)}"


def changes_phrase(changes: list[FieldChange], detailed: int = 3) -> str:
    """A few changes with their values (``confidence: low → high; body edited (+2 −0 lines)``), or
    just the names of many."""
    if len(changes) <= detailed:
        return "; ".join(change_text(c) for c in changes)
    return ", ".join(short_path(c) for c in dedupe_paths(changes))


# -- transitions and measurements -----------------------------------------------------------

def transition_what(t: Transition) -> str:
    """What a transition changed: ``status``, ``deadline``, ``key result “K” target``, ``tactic``, … (``""``
    for a behaviour becoming addressed or unaddressed: its labels say it)."""
    what = _ASPECT_WORDS[t.aspect]
    if t.aspect == "target" and t.detail in ("by", "target.by"):
        what = "deadline"
    elif t.aspect == "target" and t.detail:
        what = f"key result “{t.detail}” {'start' if t.path.endswith('].from') else 'target'}"
    elif t.aspect == "status" and t.detail:
        what = f"experiment “{t.detail}”"
    elif t.aspect == "link":
        field = t.path.rsplit(".", 1)[-1]
        what = f"key result “{t.detail}” {field}" if t.detail else field
    return what


def transition_phrase(t: Transition) -> str:
    """``status testing → validated``, ``deadline 2026-06-30 → 2026-09-30``, ``unaddressed → addressed by 1
    item``, …"""
    what = transition_what(t)
    return f"{what} {t.old_label} → {t.new_label}" if what else f"{t.old_label} → {t.new_label}"


def transition_paths(t: Transition) -> set[str]:
    """The field paths a transition already explains (so they are not repeated)."""
    if t.aspect == "stages":
        return {"stage", "stages"}
    return {t.path} if t.path else set()


def measurement_phrase(x: NewMeasurement) -> str:
    return f"new measurement {x.date}: {x.label}" + (f" ({x.note})" if x.note else "")
