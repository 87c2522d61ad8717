"""Every record the coder writes validates against the packaged JSON Schema."""
from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from killdeer import code_docs
from killdeer.output import FIELDS, schema


def load(path: Path) -> list[dict[str, Any]]:
    """The articles of a JSON Lines file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    """A validator for the packaged schema (itself checked against its metaschema)."""
    jsonschema.Draft202012Validator.check_schema(schema())
    return jsonschema.Draft202012Validator(schema())


@pytest.fixture(scope="module")
def example_records(examples_dir: Path) -> list[dict[str, Any]]:
    """Records coded from the dated example articles."""
    return list(code_docs(load(examples_dir / "articles.jsonl")))


def test_examples_give_records(example_records: list[dict[str, Any]], examples_dir: Path) -> None:
    """The examples are real political news: each article yields at least one event."""
    assert {r["doc_id"] for r in example_records} == {a["id"] for a in load(examples_dir / "articles.jsonl")}


def test_example_records_validate(example_records: list[dict[str, Any]],
                                  validator: jsonschema.Draft202012Validator) -> None:
    """Every record from the examples, dates and all, meets the schema."""
    for record in example_records:
        errors = [e.message for e in validator.iter_errors(record)]
        assert errors == [], f"{record['id']}: {errors}"


def test_dev_records_validate(dev_dir: Path, validator: jsonschema.Draft202012Validator) -> None:
    """Records from real Wikinews articles (places, numbers, actors) meet the schema too."""
    for record in code_docs(load(dev_dir / "wikinews.docs.jsonl")):
        errors = [e.message for e in validator.iter_errors(record)]
        assert errors == [], f"{record['id']}: {errors}"


def test_schema_fields_are_the_writer_fields() -> None:
    """The schema requires exactly the fields the writer emits, in the same order."""
    assert schema()["required"] == list(FIELDS)
    assert list(schema()["properties"]) == list(FIELDS)


BREAKAGES = {
    "unknown event type": lambda r: r.update(event_type="FIGHT"),
    "missing field": lambda r: r.pop("confidence"),
    "extra field": lambda r: r.update(tone=-3.2),
    "quad out of range": lambda r: r.update(quad=5),
    "date not ISO": lambda r: r.update(date="Feb. 7, 2024"),
    "country not ISO3": lambda r: r.update(source={"name": "Iraq", "text": "Iraq", "country": "IQ",
                                                   "roles": ["GOV"], "id": None}),
    "span of one number": lambda r: r.update(span=[17]),
    "confidence above one": lambda r: r.update(confidence=1.5),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_broken_record_fails(breakage: str, example_records: list[dict[str, Any]],
                             validator: jsonschema.Draft202012Validator) -> None:
    """A record broken on purpose is rejected, so the validation above can fail."""
    record = copy.deepcopy(example_records[0])
    assert validator.is_valid(record)
    BREAKAGES[breakage](record)
    assert not validator.is_valid(record)
