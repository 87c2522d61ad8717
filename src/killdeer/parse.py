"""Parse stage: tokens, sentences, dependencies and entities from spaCy."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language

from .model import Document

BATCH_SIZE = 32


@lru_cache(maxsize=None)
def load_model(name: str) -> Language:
    """Load a spaCy pipeline once per process; it must be an installed package."""
    try:
        return spacy.load(name)
    except OSError as err:
        raise RuntimeError(f"spaCy model {name!r} is not installed; "
                           "install the project with `make demo` or `pip install -e .`") from err


def parse(documents: Iterable[Document], model: str) -> Iterator[Document]:
    """Parse documents in batches, setting `doc` and `sentences` on each."""
    nlp = load_model(model)
    stream = ((d.text, d) for d in documents)
    for parsed, document in nlp.pipe(stream, as_tuples=True, batch_size=BATCH_SIZE):
        document.doc = parsed
        document.sentences = list(parsed.sents)
        yield document
