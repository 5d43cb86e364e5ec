"""What ``new`` and ``init`` share: the kinds, the two exceptions, ids, titles and YAML scalars."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from roadmap_gen.format import model as m
from roadmap_gen.format.diagnostics import did_you_mean
from roadmap_gen.format.spec import ID_RE, YAML11_BOOL, YAML11_NULL, NUMBER_RE, kebab

FILE_KINDS: dict[str, tuple[str, str]] = {
    "outcome": ("outcomes", ".md"), "theme": ("themes", ".md"), "question": ("questions", ".md"),
    "hypothesis": ("hypotheses", ".md"), "opportunity": ("opportunities", ".md"), "okr": ("okrs", ".yml"),
    "insight": ("insights", ".md"),
}
"""Kinds with a file per item: folder and extension."""

LIST_KINDS: dict[str, tuple[str, str]] = {
    "goal": ("roadmap.yml", "goals"), "strategy": ("roadmap.yml", "strategies"),
    "tactic": ("roadmap.yml", "tactics"), "journey": ("journey.yml", "journeys"),
    "stage": ("journey.yml", "stages"), "behaviour": ("journey.yml", "boosters"),
    "metric": ("metrics.yml", "metrics"),
}
"""Kinds that are entries of a YAML list: file and key (a behaviour: ``boosters`` or ``blockers``)."""


class ScaffoldError(Exception):
    """A problem with the request (exit code 2), e.g. a bad id or an unknown stage."""


class Refused(Exception):
    """The request is fine but would overwrite something (exit code 2, as for any usage error)."""


def resolve_kind(name: str) -> str:
    """``hypotheses`` / ``Hypothesis`` -> ``hypothesis``; any kind of the format, or ScaffoldError."""
    key = name.strip().lower()
    key = m.SINGULAR.get(key, {"tactics": "tactic"}.get(key, key))
    if key in FILE_KINDS or key in LIST_KINDS:
        return key
    near = did_you_mean(key, [*FILE_KINDS, *LIST_KINDS, *m.SINGULAR])
    near = m.SINGULAR.get(near, near) if near else None
    hint = f" (did you mean `{near}`?)" if near else ""
    raise ScaffoldError(f"unknown kind `{name}`{hint}; `new` writes: {', '.join(FILE_KINDS)}")


def check_new_id(id: str) -> None:
    if ID_RE.match(id):
        return
    fixed = kebab(id)
    hint = f"; try `{fixed}`" if fixed else ""
    raise ScaffoldError(f"`{id}` is not a valid id: ids are lower-case ASCII kebab-case (a-z, 0-9, single "
                        f"hyphens), and the id is the file name{hint}")


def yaml_text(text: str) -> str:
    """``text`` as a YAML scalar that every YAML reader (and roadmap-gen) reads back as that text."""
    plain = (re.fullmatch(r"[^\W\d_][\w ,.?!'()/%+]*(?<! )", text) and ": " not in text and " #" not in text
             and not YAML11_BOOL.match(text) and not YAML11_NULL.match(text) and not NUMBER_RE.match(text))
    return text if plain else json.dumps(text, ensure_ascii=False)


def title_from_id(id: str) -> str:
    words = id.replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def quarter(d: date) -> str:
    return f"{d.year}-Q{(d.month - 1) // 3 + 1}"


def write_new_file(path: Path, text: str) -> None:
    """Write ``text`` to a file that must not exist yet (FileExistsError otherwise), with LF line ends."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
