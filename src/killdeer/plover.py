"""PLOVER's tables: each type's quad class, score and CAMEO root, and each mode's score."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from .datafiles import read_tsv
from .model import Event

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


@lru_cache(maxsize=None)
def type_table() -> dict[str, dict[str, Any]]:
    """Type -> {quad, intensity, cameo}."""
    return {r["type"]: {"quad": int(r["quad"]), "intensity": float(r["intensity"]), "cameo": r["cameo"]}
            for r in read_tsv("plover_types.tsv")}


@lru_cache(maxsize=None)
def mode_table() -> dict[tuple[str, str], float]:
    """(type, mode) -> intensity."""
    return {(r["type"], r["mode"]): float(r["intensity"]) for r in read_tsv("plover_modes.tsv")}


def describe(event: Event) -> dict[str, Any]:
    """Quad, intensity (the mode's where the manual gives one) and CAMEO root of an event."""
    row = dict(type_table()[event.event_type])
    if event.mode:
        row["intensity"] = mode_table().get((event.event_type, event.mode), row["intensity"])
    return row
