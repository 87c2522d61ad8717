"""Imports every stage module so its components register themselves by name."""
from . import actors, dates, events, events_targets, places, quantities  # noqa: F401
