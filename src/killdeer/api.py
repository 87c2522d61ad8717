"""The Python API: text in, event records out, with the CLI's pipeline behind it."""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable, Iterator, Optional, Union

from .config import Config
from .ingest import make_document
from .model import Document, DocumentError
from .output import records
from .pipeline import Pipeline

Input = Union[str, dict[str, Any], Document]


@lru_cache(maxsize=4)
def get_pipeline(config: Config = Config()) -> Pipeline:
    """One pipeline per configuration, built once per process."""
    return Pipeline(config)


def code_text(text: str, date: Optional[str] = None, doc_id: Optional[str] = None,
              config: Config = Config()) -> list[dict[str, Any]]:
    """Code one article's text; `date` is its publication date (ISO). Returns event records."""
    return list(code_docs([{"id": doc_id or "doc", "text": text, "date": date}], config=config))


def code_docs(items: Iterable[Input], config: Config = Config()) -> Iterator[dict[str, Any]]:
    """Stream event records from texts, `{"id", "text", "date"?...}` dicts or Documents.

    Raises DocumentError, naming the document, for one that cannot be coded.
    """
    for result in get_pipeline(config).process(to_documents(items)):
        if isinstance(result, DocumentError):
            raise result
        yield from records(result, config.min_confidence)


def to_documents(items: Iterable[Input]) -> Iterator[Union[Document, DocumentError]]:
    """Documents from API inputs, numbering bare texts and id-less dicts by position."""
    for n, item in enumerate(items):
        if isinstance(item, Document):
            yield item
        elif isinstance(item, str):
            yield make_document({"id": f"doc{n}", "text": item}, f"item {n}")
        elif isinstance(item, dict):
            yield make_document({**item, "id": item.get("id") or f"doc{n}"}, f"item {n} ({item.get('id', 'no id')})")
        else:
            yield DocumentError(f"item {n}", f"expected a text, a dict or a Document, not {type(item).__name__}")
