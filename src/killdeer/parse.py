"""Parse stage: tokens, sentences, dependencies and entities from spaCy."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language

from .model import Document

BATCH_SIZE = 32
DASHES = {"—", "–", "-", "--"}
DATELINE_MAX_TOKENS = 8


@Language.component("killdeer_paragraphs")
def split_paragraphs(doc: spacy.tokens.Doc) -> spacy.tokens.Doc:
    """Start a sentence after a blank line (a headline never runs into the lead) and after a
    news dateline ("MOSCOW —"), so the lead sentence parses alone."""
    for start in paragraph_starts(doc):
        if start > 0 and is_blank_line(doc[start - 1]):
            doc[start].is_sent_start = True
        dash = dateline_dash(doc, start)
        if dash is not None:
            for token in doc[start:dash + 2]:
                token.is_sent_start = token.i in (start, dash + 1)
    return doc


def paragraph_starts(doc: spacy.tokens.Doc) -> Iterator[int]:
    """Indices of the first token of each paragraph (after a line break)."""
    for token in doc:
        if token.i == 0 or "\n" in doc[token.i - 1].whitespace_ or "\n" in doc[token.i - 1].text:
            if not token.is_space:
                yield token.i


def is_blank_line(token: spacy.tokens.Token) -> bool:
    """Whether a token is, or is followed by, a blank line (two line breaks)."""
    return (token.text + token.whitespace_).count("\n") >= 2


def dateline_dash(doc: spacy.tokens.Doc, start: int) -> int | None:
    """The dash ending a dateline at `start` ("CAIRO (AP) —" before a capitalised word), else None."""
    for token in doc[start:start + DATELINE_MAX_TOKENS]:
        if token.text in DASHES:
            spaced = token.i > start and doc[token.i - 1].whitespace_ and token.whitespace_
            opens_sentence = token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper()
            return token.i if spaced and opens_sentence else None
        if token.is_alpha and not token.is_upper:
            return None
    return None


@lru_cache(maxsize=None)
def load_model(name: str) -> Language:
    """Load a spaCy pipeline once per process; it must be an installed package."""
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise RuntimeError(f"spaCy model {name!r} is not installed; "
                           "install the project with `make demo` or `pip install -e .`") from err
    nlp.add_pipe("killdeer_paragraphs", before="parser")
    return nlp


def parse(documents: Iterable[Document], model: str) -> Iterator[Document]:
    """Parse documents in batches, setting `doc` and `sentences` on each."""
    nlp = load_model(model)
    stream = ((d.text, d) for d in documents)
    for parsed, document in nlp.pipe(stream, as_tuples=True, batch_size=BATCH_SIZE):
        document.doc = parsed
        document.sentences = list(parsed.sents)
        yield document
