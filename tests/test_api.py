"""The Python API: `code_text` and `code_docs` give the CLI's records, and name bad inputs."""
from __future__ import annotations

from typing import Iterator

import pytest

from killdeer import code_docs, code_text
from killdeer.config import Config
from killdeer.ingest import make_document
from killdeer.model import Document, DocumentError
from killdeer.pipeline import Pipeline

ATTACK = "Rebels attacked an army base near Goma, the military said."
MEETING = "The foreign ministers of India and China met in Moscow on Thursday."


def test_code_text_returns_records() -> None:
    """One text in, a list of plain record dicts out, numbered within the document."""
    records = code_text(ATTACK, date="2020-09-07", doc_id="goma")
    assert isinstance(records, list) and records
    assert [(r["id"], r["doc_id"], r["sentence"]) for r in records] == \
        [(f"goma:{n}", "goma", ATTACK) for n in range(len(records))]


def test_code_text_falls_back_to_the_publication_date() -> None:
    """A sentence without a date of its own takes the document's date, with no date_text."""
    [record] = [r for r in code_text(ATTACK, date="2020-09-07") if r["event_type"] == "ASSAULT"]
    assert (record["doc_id"], record["date"], record["date_text"]) == ("doc", "2020-09-07", None)


def test_code_docs_takes_texts_dicts_and_documents() -> None:
    """Bare texts and id-less dicts are numbered by position; given ids and Documents are kept."""
    items = [ATTACK, {"text": MEETING, "date": "2020-09-12"}, {"id": "m2", "text": MEETING},
             make_document({"id": "goma", "text": ATTACK}, "test")]
    assert {r["doc_id"] for r in code_docs(items)} == {"doc0", "doc1", "m2", "goma"}


def test_code_docs_streams() -> None:
    """Records come out before the input is used up, so a long feed needs no memory for it all."""
    taken: list[int] = []

    def feed() -> Iterator[str]:
        """An endless-looking feed that records how far it has been read."""
        for n in range(1000):
            taken.append(n)
            yield ATTACK

    first = next(code_docs(feed()))
    assert first["doc_id"] == "doc0"
    assert len(taken) < 100


@pytest.mark.parametrize("bad, message", [
    ({"id": "q7", "title": "No body"}, 'item 1 (q7): missing "text" field'),
    ({"id": "q8", "text": ATTACK, "date": "yesterday"},
     "item 1 (q8): \"date\" must be an ISO date like 2024-02-07, not 'yesterday'"),
    ("   ", "item 1: empty document: no text to code"),
    (42, "item 1: expected a text, a dict or a Document, not int"),
])
def test_bad_item_raises_document_error_naming_it(bad: object, message: str) -> None:
    """The records before a bad item are still yielded; then DocumentError names the item."""
    stream = code_docs([{"id": "ok", "text": ATTACK}, bad, MEETING])
    before = []
    with pytest.raises(DocumentError) as caught:
        for record in stream:
            before.append(record["doc_id"])
    assert str(caught.value) == message
    assert set(before) == {"ok"}


def test_code_text_rejects_a_bad_date() -> None:
    """A publication date that is not ISO is refused, naming the document."""
    with pytest.raises(DocumentError, match=r"^item 0 \(goma\): \"date\" must be an ISO date"):
        code_text(ATTACK, date="07/09/2020", doc_id="goma")


def explode_on_goma(document: Document) -> None:
    """A stage that crashes on documents mentioning Goma."""
    if "Goma" in document.text:
        raise RuntimeError("boom")


def test_failing_component_becomes_an_error_naming_the_document() -> None:
    """A stage crashing on one document turns it into a DocumentError; the others go on."""
    pipeline = Pipeline(Config(), stages=())
    pipeline.components = [explode_on_goma]
    items = [make_document({"id": i, "text": t}, f"wire.jsonl:{n}") for n, (i, t) in
             enumerate([("a", MEETING), ("b", ATTACK), ("c", MEETING)], start=1)]
    results = [str(r) if isinstance(r, DocumentError) else r.id for r in pipeline.process(items)]
    assert results == ["a", "wire.jsonl:2: coding failed: RuntimeError: boom", "c"]
