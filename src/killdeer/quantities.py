"""Numbers stage: fatalities, injured, participants and aggregate counts per event."""
from __future__ import annotations

from typing import Callable

from .config import Config
from .model import Document
from .registry import components


@components.register("quantities")
def make_quantities(config: Config) -> Callable[[Document], None]:
    """Component that fills the numeric fields of each event."""
    def quantities(document: Document) -> None:
        return None
    return quantities
