"""PLOVER's tables: each type's quad class, score and CAMEO root, and each mode's score."""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from typing import Any

from .model import Event

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a packaged tab-separated data file, skipping `#` comment lines."""
    text = resources.files("killdeer").joinpath(f"data/{name}").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


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
