"""The pieces a roadmap diff is made of: changed fields, items, transitions, new measurements.

Plain, immutable dataclasses; :class:`~roadmap_gen.git.roadmap_diff.RoadmapDiff`
holds them, :func:`~roadmap_gen.git.diff.diff_roadmaps` makes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Mapping

DIFF_FORMAT = 1
"""Version of the JSON structure of :meth:`RoadmapDiff.to_dict`."""

ACTIONS = ("added", "removed", "changed")
ASPECTS = ("status", "horizon", "stages", "journey", "target", "computed-status", "addressed", "score", "evidence",
           "link")
"""Kinds of :class:`Transition`, in the order they are shown. ``journey``: a stage moved to another journey;
``addressed``: a behaviour that became addressed or unaddressed; ``link``: a changed ``tactic``,
``behaviours`` or key result ``outcome`` or ``hypotheses``."""

KIND_TITLES: Mapping[str, tuple[str, str]] = MappingProxyType({
    "goal": ("goal", "Goals"), "strategy": ("strategy", "Strategies"), "stage": ("journey stage", "Journey stages"),
    "metric": ("metric", "Metrics"), "outcome": ("outcome", "Outcomes"), "theme": ("theme", "Themes"),
    "question": ("question", "Questions"), "hypothesis": ("hypothesis", "Hypotheses"),
    "opportunity": ("opportunity", "Opportunities"), "okr": ("OKR", "OKRs"), "insight": ("insight", "Insights"),
    "journey": ("journey", "Journeys"), "behaviour": ("behaviour", "Behaviours"),
})
"""Kind -> (noun, plural heading)."""


@dataclass(frozen=True)
class FieldChange:
    """One changed value inside an item (or the roadmap head).

    ``path`` names it: ``status``, ``target.value``, ``experiments[1].status``,
    ``key_results[0].to``, ``body``, ``measurements[2026-03-01]``. List indexes are
    positions in the new list (the old one for removed entries); ``entry`` is the
    title of the list entry the path goes through, for people. ``old`` and ``new``
    are JSON-ready values as written (dates as ISO text); None means absent.
    """

    path: str
    old: Any = None
    new: Any = None
    entry: str = ""


@dataclass(frozen=True)
class ItemChange:
    """An item ``added``, ``removed`` or ``changed``.

    ``title`` is the new title (the old one for removed items); ``where`` a short
    description of its place for added and removed items (``stage Onboard ·
    horizon now · status idea``); ``changes`` the changed fields of a changed item.
    """

    kind: str
    id: str
    action: str
    title: str
    where: str = ""
    changes: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class Transition:
    """A change that moves an item on the roadmap.

    ``aspect`` is one of :data:`ASPECTS`. ``old``/``new`` are the raw values (ids,
    numbers, statuses; None when absent), ``old_label``/``new_label`` the same
    for people (stage titles, numbers with units, scores with their traffic
    light). ``detail`` says what inside the item changed when it is not the item
    itself: ``by`` / ``target.by`` for deadlines, a key result's or an
    experiment's title. ``path`` is the :class:`FieldChange` path it was read
    from (``""`` for computed figures and stage moves, which may span ``stage``
    and ``stages``).
    """

    kind: str
    id: str
    title: str
    aspect: str
    old: Any
    new: Any
    old_label: str
    new_label: str
    detail: str = ""
    path: str = ""


@dataclass(frozen=True)
class NewMeasurement:
    """A measurement present on the new side only, of a metric present on both."""

    metric: str
    title: str
    date: str
    value: float | int
    label: str  # the value with the metric's unit
    note: str = ""
