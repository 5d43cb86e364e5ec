"""The building blocks of the field tables: field types, ``Field``, ``Spec`` and ``Record``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from roadmap_gen.format.diagnostics import Location

# Field types
TEXT, ID, REF, REFS, DATE, PERIOD, CADENCE, NUMBER, BOOL, ENUM, TEXTS, OBJECT, OBJECTS, URL = (
    "text", "id", "ref", "refs", "date", "period", "cadence", "number", "bool", "enum",
    "texts", "object", "objects", "url",
)
INTEGER = "integer"
MIXED = "mixed"  # a list whose entries are plain texts or objects of ``spec`` (journey behaviours)


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool = False
    doc: str = ""
    ref: str | None = None  # kind referenced by REF/REFS
    choices: tuple[str, ...] = ()
    spec: "Spec | None" = None  # for OBJECT / OBJECTS
    default: Any = None
    min_items: int = 0


@dataclass(frozen=True)
class Spec:
    """The fields of one kind (or one nested object)."""

    name: str
    fields: tuple[Field, ...]
    doc: str = ""
    one_of: tuple[tuple[str, ...], ...] = ()  # at least one of these is required
    exclusive: tuple[tuple[str, str], ...] = ()  # not both
    extensions: tuple[str, ...] = ()  # fields added by roadmap-gen beyond format v1

    def field(self, name: str) -> Field | None:
        for f in self.fields:
            if f.name == name:
                return f
        return None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


@dataclass(frozen=True, slots=True)
class Record:
    """A converted mapping: typed values, as-written values and locations."""

    values: dict[str, Any]
    locs: dict[str, Location]
    loc: Location

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def loc_of(self, name: str) -> Location:
        return self.locs.get(name, self.loc)
