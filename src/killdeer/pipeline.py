"""The pipeline: ingest -> parse -> time -> actors -> events -> places and numbers."""
from __future__ import annotations

from itertools import islice
from typing import Callable, Iterable, Iterator, Union

from . import stages as _registered  # noqa: F401  (importing registers the components)
from .config import Config
from .model import Document, DocumentError
from .parse import BATCH_SIZE, parse
from .registry import components

DEFAULT_STAGES = ("time", "actors", "events", "event_dates", "places", "implicit_targets", "quantities")

Component = Callable[[Document], None]


class Pipeline:
    """Runs the registered components, in order, over parsed documents."""

    def __init__(self, config: Config | None = None, stages: Iterable[str] = DEFAULT_STAGES):
        self.config = config or Config()
        self.stage_names = tuple(stages)
        self.components: list[Component] = [components.get(n)(self.config) for n in self.stage_names]

    def process(self, items: Iterable[Union[Document, DocumentError]]) -> Iterator[Union[Document, DocumentError]]:
        """Code each document; a failure becomes a DocumentError naming it, never a lost doc."""
        items = iter(items)
        while batch := list(islice(items, BATCH_SIZE)):
            results = self._code_batch([d for d in batch if isinstance(d, Document)])
            for item in batch:
                yield results.get(id(item), item)

    def _code_batch(self, docs: list[Document]) -> dict[int, Union[Document, DocumentError]]:
        """Parse a batch, then run every component over each document alone."""
        results: dict[int, Union[Document, DocumentError]] = {}
        try:
            parsed = list(parse(docs, self.config.model))
        except Exception:  # one bad text must not sink the batch: retry one by one
            parsed = []
            for d in docs:
                try:
                    parsed.extend(parse([d], self.config.model))
                except Exception as err:
                    results[id(d)] = _failure(d, err)
        for document in parsed:
            results[id(document)] = self.run_components(document)
        return results

    def run_components(self, document: Document) -> Union[Document, DocumentError]:
        """Apply each stage to one parsed document."""
        try:
            for component in self.components:
                component(document)
        except Exception as err:
            return _failure(document, err)
        return document


def _failure(document: Document, err: Exception) -> DocumentError:
    """Wrap an unexpected error so it names the document it came from."""
    origin = document.origin or document.id
    failure = DocumentError(origin, f"coding failed: {type(err).__name__}: {err}")
    failure.__cause__ = err
    return failure
