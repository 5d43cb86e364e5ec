"""Drives the passes: load -> validate -> audience -> compute -> health. No MkDocs here."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from roadmap_gen.format import model as m
from roadmap_gen.compile.audience import Dropped, for_audience
from roadmap_gen.compile.compute import Figures, compute
from roadmap_gen.compile.health import Finding, check_rules, health
from roadmap_gen.format.diagnostics import Diagnostic, sort_diagnostics
from roadmap_gen.compile.loader import Loader
from roadmap_gen.compile.validate import validate


@dataclass(frozen=True)
class Compiled:
    """A compiled roadmap: the audience's view of it and every computed figure."""

    roadmap: m.Roadmap | None  # what the audience sees (None when loading failed)
    figures: Figures | None
    diagnostics: list[Diagnostic]
    dropped: list[Dropped]
    as_of: date
    audience: str
    files: tuple[Path, ...]
    timings: dict[str, float] = field(default_factory=dict)
    parsed: int = 0
    findings: list[Finding] = field(default_factory=list)
    """Roadmap health (:mod:`roadmap_gen.compile.health`) of the audience's roadmap, once it has no errors:
    not errors or warnings of the content, so never in ``diagnostics``."""
    health_ignore: tuple[str, ...] = ()  # the rules switched off

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def ok(self) -> bool:
        return self.roadmap is not None and not self.errors


class Compiler:
    """Compiles one content folder; keep it alive between builds to reuse the parse cache."""

    def __init__(self, content_dir: Path, display_base: Path | None = None, files: Any = None) -> None:
        self.content_dir = Path(content_dir)
        self.loader = Loader(self.content_dir, display_base, files)  # files: see Loader
        self._last: tuple[tuple, Compiled] | None = None  # the last result, by content fingerprint and options

    def compile(self, as_of: date, audience: str = "internal",
                visible: frozenset[tuple[str, str]] | None = None, health_ignore: Iterable[str] = ()) -> Compiled:
        """The compiled roadmap; unchanged content (same fingerprint) and options give the last result again.
        ``visible`` leaves out of a public roadmap the items not in it (see :func:`for_audience`);
        ``health_ignore`` names roadmap health rules to skip (:class:`~roadmap_gen.compile.health.UnknownRule`,
        a ValueError, for a name that is not a rule)."""
        t0 = time.perf_counter()
        ignore = check_rules(health_ignore)
        loaded = self.loader.load()
        key = (loaded.fingerprint, as_of, audience, visible, ignore)
        if self._last is not None and self._last[0] == key:  # the same roadmap and figures, nothing parsed
            return replace(self._last[1], parsed=loaded.parsed, timings={"load": time.perf_counter() - t0})
        compiled = self._passes(loaded, as_of, audience, t0, visible, ignore)
        self._last = (key, compiled)
        return compiled

    def _passes(self, loaded, as_of: date, audience: str, t0: float, visible=None,
                ignore: tuple[str, ...] = ()) -> Compiled:
        t1 = time.perf_counter()
        diags = list(loaded.diagnostics)
        roadmap, figures, dropped = loaded.roadmap, None, []
        if roadmap is not None:
            diags.extend(validate(roadmap, loaded.unreadable, loaded.unreadable_items))
        t2 = time.perf_counter()
        if roadmap is not None:
            roadmap, dropped = for_audience(roadmap, audience, visible)
            figures = compute(roadmap, as_of)
        t3 = time.perf_counter()
        diags = sort_diagnostics(diags)
        findings = [] if roadmap is None or any(d.is_error for d in diags) else health(roadmap, figures, ignore)
        t4 = time.perf_counter()
        timings = {"load": t1 - t0, "validate": t2 - t1, "compute": t3 - t2, "health": t4 - t3}
        return Compiled(roadmap, figures, diags, dropped, as_of, audience, loaded.files, timings, loaded.parsed,
                        findings, ignore)
