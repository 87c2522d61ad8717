"""Output stage: events become schema records, written as JSON Lines, CSV or Parquet."""
from __future__ import annotations

import csv
import json
from functools import lru_cache
from typing import IO, Any, Iterable

from .datafiles import packaged_text
from .model import Document, Event
from .plover import describe

FORMATS = ("jsonl", "csv", "parquet")
FIELDS = ("id", "doc_id", "event_type", "mode", "contexts", "quad", "intensity", "cameo",
          "source", "target", "date", "date_text", "location", "fatalities", "injured", "arrested",
          "participants", "count", "aggregate", "sentence", "sentence_index", "trigger",
          "span", "confidence")


def records(document: Document, min_confidence: float = 0.0) -> list[dict[str, Any]]:
    """The document's events as schema records, numbered in text order."""
    kept = [e for e in document.events if e.confidence >= min_confidence]
    return [to_record(document, event, n, describe(event)) for n, event in enumerate(kept)]


def to_record(document: Document, event: Event, n: int, plover: dict[str, Any]) -> dict[str, Any]:
    """One event as the schema's record; `plover` holds quad, intensity and cameo."""
    doc = document.doc
    tokens = [doc[i] for i in sorted(event.trigger)]
    sentence = document.sentences[event.sentence]
    return {
        "id": f"{document.id}:{n}",
        "doc_id": document.id,
        "event_type": event.event_type,
        "mode": event.mode,
        "contexts": list(event.contexts),
        "quad": plover["quad"],
        "intensity": plover["intensity"],
        "cameo": plover["cameo"],
        "source": event.source.as_record() if event.source else None,
        "target": event.target.as_record() if event.target else None,
        "date": event.date,
        "date_text": event.date_text,
        "location": event.location.as_record() if event.location else None,
        "fatalities": event.fatalities,
        "injured": event.injured,
        "arrested": event.arrested,
        "participants": event.participants,
        "count": event.count,
        "aggregate": event.aggregate,
        "sentence": sentence.text.strip(),
        "sentence_index": event.sentence,
        "trigger": " ".join(t.text for t in tokens),
        "span": [tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)],
        "confidence": round(event.confidence, 3),
    }


@lru_cache(maxsize=None)
def schema() -> dict[str, Any]:
    """The event record's JSON Schema, shipped in the package."""
    return json.loads(packaged_text("event.schema.json"))


def flat(record: dict[str, Any]) -> dict[str, Any]:
    """A record with nested actors, place and lists flattened for tables (CSV, Parquet)."""
    row: dict[str, Any] = {}
    for key, value in record.items():
        if isinstance(value, dict):
            for sub, v in value.items():
                row[f"{key}_{sub}"] = ";".join(v) if isinstance(v, list) else v
        elif key in ("source", "target", "location"):
            continue
        elif key == "span":
            row["span_start"], row["span_end"] = value
        elif isinstance(value, list):
            row[key] = ";".join(value)
        else:
            row[key] = value
    return row


def flat_columns() -> list[str]:
    """Column names of a flattened record, in schema order."""
    return list(flat_types())


@lru_cache(maxsize=None)
def flat_types() -> dict[str, str]:
    """Each flat column's JSON type ("string", "integer", ...), read from the schema."""
    properties = schema()["properties"]
    types: dict[str, str] = {}
    for key in FIELDS:
        if key in ("source", "target", "location"):
            types.update({f"{key}_{sub}": json_type(spec) for sub, spec in properties[key]["properties"].items()})
        elif key == "span":
            types["span_start"] = types["span_end"] = "integer"
        else:
            types[key] = json_type(properties[key])
    return types


def json_type(spec: dict[str, Any]) -> str:
    """The non-null JSON type a schema property allows; lists flatten to strings."""
    kinds = spec.get("type", "string")
    kind = next(k for k in ([kinds] if isinstance(kinds, str) else kinds) if k != "null")
    return "string" if kind == "array" else kind


class Writer:
    """Writes records to a stream or file in one of FORMATS."""

    def __init__(self, stream: IO[str] | None, fmt: str = "jsonl", path: str | None = None):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        if fmt == "parquet" and path is None:
            raise ValueError("parquet output needs a file: pass -o FILE.parquet")
        self.fmt, self.stream, self.path = fmt, stream, path
        self._csv: csv.DictWriter | None = None
        self._rows: list[dict[str, Any]] = []

    def write(self, rows: Iterable[dict[str, Any]]) -> None:
        """Write records as they come (Parquet collects them until `close`)."""
        for record in rows:
            if self.fmt == "jsonl":
                self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            elif self.fmt == "csv":
                if self._csv is None:
                    self._csv = csv.DictWriter(self.stream, fieldnames=flat_columns())
                    self._csv.writeheader()
                self._csv.writerow(flat(record))
            else:
                self._rows.append(flat(record))

    def close(self) -> None:
        """Finish the output (writes the Parquet file)."""
        if self.fmt == "parquet":
            write_parquet(self._rows, self.path)
        elif self.stream is not None:
            self.stream.flush()


def write_parquet(rows: list[dict[str, Any]], path: str) -> None:
    """Write flattened records to a Parquet file with the flat columns and their schema types."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    arrow = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_()}
    table_schema = pa.schema([(name, arrow[kind]) for name, kind in flat_types().items()])
    pq.write_table(pa.Table.from_pylist(rows, schema=table_schema), path)

