"""Named registries, so stages, gazetteers, stores and engines are chosen by name."""
from __future__ import annotations

from typing import Any, Callable


class Registry:
    """A name -> factory table, filled with the `register` decorator."""

    def __init__(self, kind: str):
        self.kind = kind
        self._factories: dict[str, Callable[..., Any]] = {}

    def register(self, name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Decorator: file `func` under `name`."""
        def wrap(func: Callable[..., Any]) -> Callable[..., Any]:
            self._factories[name] = func
            return func
        return wrap

    def get(self, name: str) -> Callable[..., Any]:
        """The factory filed under `name`; a clear error lists the known names."""
        try:
            return self._factories[name]
        except KeyError:
            known = ", ".join(sorted(self._factories)) or "none"
            raise KeyError(f"no {self.kind} named {name!r} (known: {known})") from None

    def names(self) -> list[str]:
        """Every registered name, sorted."""
        return sorted(self._factories)


components = Registry("pipeline component")
engines = Registry("engine")
gazetteers = Registry("gazetteer")
