"""Imports every stage module so its components register themselves by name."""
from . import actors, dates, events, places, quantities  # noqa: F401
