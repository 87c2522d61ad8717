"""Execution engines: code documents in this process, in a process pool, or on a Dask cluster.

Every engine takes the items ingest yields (Documents and DocumentErrors) and yields one
result per item, **in input order**, so any engine's output equals an in-process run.
A worker codes a batch of documents with a pipeline built once per process
(`api.get_pipeline` is cached) and sends back plain data (`Coded`), never spaCy objects.
At most a bounded number of batches is in flight, so memory stays flat on any input size.
Engines are chosen by name from `registry.engines`: "local" and "dask".
"""
from __future__ import annotations

import os
from collections import deque
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Callable, Iterable, Iterator, Optional, Union

from .config import Config
from .model import Document, DocumentError
from .output import records
from .parse import BATCH_SIZE
from .registry import engines

META_FIELDS = ("id", "title", "date", "url", "source", "origin", "date_inferred")


@dataclass
class Coded:
    """One coded document as plain data: its metadata, records and sentence count.

    `document` is the full Document only when it was coded in this process (for `--explain`).
    """

    meta: dict[str, Any]
    records: list[dict[str, Any]]
    sentences: int
    document: Optional[Document] = field(default=None, repr=False)


Result = Union[Coded, DocumentError]
Item = Union[Document, DocumentError]


def code_batch(batch: list[Any], config: Config, keep_documents: bool = False) -> list[Any]:
    """Code one packed batch with this process's cached pipeline; failures travel as (origin, message)."""
    from .api import get_pipeline
    items = [DocumentError(*item) if isinstance(item, tuple) else item for item in batch]
    out: list[Any] = []
    for result in get_pipeline(config).process(items):
        if isinstance(result, DocumentError):
            out.append((result.origin, result.message))
        else:
            out.append(to_coded(result, config, keep_documents))
    return out


def to_coded(document: Document, config: Config, keep_document: bool = False) -> Coded:
    """A coded Document as plain, picklable data."""
    meta = {name: getattr(document, name) for name in META_FIELDS}
    return Coded(meta, records(document, config.min_confidence), len(document.sentences),
                 document if keep_document else None)


def pack(item: Item) -> Any:
    """An item ready to pickle: a DocumentError travels as its (origin, message) pair."""
    return (item.origin, item.message) if isinstance(item, DocumentError) else item


def as_result(value: Any) -> Result:
    """Turn a worker's answer back into a Coded or a DocumentError."""
    return value if isinstance(value, Coded) else DocumentError(*value)


def batches(items: Iterable[Item], size: int = BATCH_SIZE) -> Iterator[list[Any]]:
    """Consecutive packed lists of `size` items, read lazily."""
    items = iter(items)
    while batch := list(islice(items, size)):
        yield [pack(item) for item in batch]


def ordered(submit: Callable[[list[Any]], Any], wait: Callable[[Any], list[Any]],
            items: Iterable[Item], in_flight: int, batch_size: int = BATCH_SIZE) -> Iterator[Result]:
    """Submit batches, keep at most `in_flight` running, yield their results in input order."""
    pending: deque[Any] = deque()
    for batch in batches(items, batch_size):
        pending.append(submit(batch))
        if len(pending) >= in_flight:
            yield from map(as_result, wait(pending.popleft()))
    while pending:
        yield from map(as_result, wait(pending.popleft()))


class LocalEngine:
    """Codes in this process (`jobs=1`) or in a pool of `jobs` processes, each with its own pipeline."""

    def __init__(self, config: Config, jobs: Optional[int] = None, batch_size: int = BATCH_SIZE, **_: Any):
        self.config, self.batch_size = config, batch_size
        self.jobs = max(1, jobs or os.cpu_count() or 1)

    def run(self, items: Iterable[Item]) -> Iterator[Result]:
        """One result per item, in input order."""
        if self.jobs == 1 or self.config.explain:
            for batch in batches(items, self.batch_size):
                yield from map(as_result, code_batch(batch, self.config, keep_documents=True))
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        from .api import get_pipeline
        get_pipeline(self.config)  # forked workers inherit the loaded models instead of loading their own
        with ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            yield from ordered(lambda b: pool.submit(code_batch, b, self.config), lambda f: f.result(),
                               items, 2 * self.jobs, self.batch_size)


class DaskEngine:
    """Codes batches on a Dask cluster: at `scheduler`, else a local cluster of `workers` processes."""

    def __init__(self, config: Config, scheduler: Optional[str] = None, workers: Optional[int] = None,
                 client: Any = None, batch_size: int = BATCH_SIZE, **_: Any):
        self.config, self.scheduler, self.workers, self.client = config, scheduler, workers, client
        self.batch_size = batch_size

    def run(self, items: Iterable[Item]) -> Iterator[Result]:
        """One result per item, in input order; starts and stops its own cluster if needed."""
        if self.client is not None:
            yield from self._run(self.client, items)
            return
        from distributed import Client, LocalCluster
        if self.scheduler:
            with Client(self.scheduler) as client:
                yield from self._run(client, items)
            return
        n = self.workers or os.cpu_count() or 1
        with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            yield from self._run(client, items)

    def _run(self, client: Any, items: Iterable[Item]) -> Iterator[Result]:
        """Stream batches through `client`, two per worker thread in flight."""
        slots = max(1, sum(client.nthreads().values()))
        yield from ordered(lambda b: client.submit(code_batch, b, self.config, pure=False),
                           lambda f: f.result(), items, 2 * slots, self.batch_size)


@engines.register("local")
def local_engine(config: Config, **options: Any) -> LocalEngine:
    """The default engine: this machine's cores (`jobs`), or this process when jobs=1."""
    return LocalEngine(config, **options)


@engines.register("dask")
def dask_engine(config: Config, **options: Any) -> DaskEngine:
    """A Dask cluster: `scheduler` address, or a local cluster of `workers` processes."""
    return DaskEngine(config, **options)
