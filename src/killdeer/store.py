"""Store: coded documents, their events and failures in one DuckDB file.

Three tables (see docs/store.md):

- `documents`: one row per coded document (metadata, killdeer version, coded_at, event count,
  and `seq`, its arrival order);
- `events`: one row per event record, actors and place flattened to `source_*`, `target_*`,
  `location_*` columns (lists such as roles and contexts stay `VARCHAR[]`), plus `position`
  (the record's number in its document) and `date_start`/`date_end`, the first and last day
  the event's date covers, for range queries;
- `failures`: documents that could not be read or coded, with origin and message.

Documents are written in batches, one transaction per batch. Writing a document whose id
is already stored replaces it and its events, so re-coding never duplicates.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Optional, Union

from . import __version__
from .dedup import date_period, deduplicate
from .engine import Coded
from .model import Document, DocumentError
from .output import FIELDS

ACTOR_COLUMNS = {"name": "VARCHAR", "text": "VARCHAR", "country": "VARCHAR", "roles": "VARCHAR[]", "id": "VARCHAR"}
PLACE_COLUMNS = {"name": "VARCHAR", "country": "VARCHAR", "admin1": "VARCHAR", "lat": "DOUBLE", "lon": "DOUBLE",
                 "geonameid": "BIGINT", "feature": "VARCHAR"}
SCALAR_COLUMNS = {"id": "VARCHAR", "doc_id": "VARCHAR", "event_type": "VARCHAR", "mode": "VARCHAR",
                  "contexts": "VARCHAR[]", "quad": "INTEGER", "intensity": "DOUBLE", "cameo": "VARCHAR",
                  "date": "VARCHAR", "date_text": "VARCHAR", "fatalities": "INTEGER", "injured": "INTEGER", "arrested": "INTEGER",
                  "participants": "INTEGER", "count": "INTEGER", "aggregate": "BOOLEAN", "sentence": "VARCHAR",
                  "sentence_index": "INTEGER", "trigger": "VARCHAR", "confidence": "DOUBLE"}
DOCUMENT_COLUMNS = {"id": "VARCHAR", "title": "VARCHAR", "date": "VARCHAR", "url": "VARCHAR", "source": "VARCHAR",
                    "origin": "VARCHAR", "date_inferred": "VARCHAR", "version": "VARCHAR",
                    "coded_at": "TIMESTAMP", "events": "INTEGER", "seq": "BIGINT"}
FAILURE_COLUMNS = {"origin": "VARCHAR", "message": "VARCHAR", "version": "VARCHAR", "failed_at": "TIMESTAMP"}
DOCUMENT_META = ("title", "date", "url", "source")
NESTED = {"source": ACTOR_COLUMNS, "target": ACTOR_COLUMNS, "location": PLACE_COLUMNS}


def event_columns() -> dict[str, str]:
    """The events table's columns and SQL types, in schema order."""
    columns: dict[str, str] = {}
    for key in FIELDS:
        if key in NESTED:
            columns.update({f"{key}_{sub}": kind for sub, kind in NESTED[key].items()})
        elif key == "span":
            columns.update({"span_start": "INTEGER", "span_end": "INTEGER"})
        else:
            columns[key] = SCALAR_COLUMNS[key]
    columns.update({"position": "INTEGER", "date_start": "DATE", "date_end": "DATE"})
    return columns


EVENT_COLUMNS = event_columns()


def event_row(record: dict[str, Any], position: int) -> dict[str, Any]:
    """A schema record as an events-table row."""
    row: dict[str, Any] = {}
    for key, value in record.items():
        if key in NESTED:
            row.update({f"{key}_{sub}": (value or {}).get(sub) for sub in NESTED[key]})
        elif key == "span":
            row["span_start"], row["span_end"] = value
        else:
            row[key] = value
    row["position"] = position
    row["date_start"], row["date_end"] = date_period(record.get("date")) or (None, None)
    return row


def event_record(row: dict[str, Any]) -> dict[str, Any]:
    """An events-table row back as the schema's record (nested actors and place)."""
    record: dict[str, Any] = {}
    for key in FIELDS:
        if key in NESTED:
            nested = {sub: row[f"{key}_{sub}"] for sub in NESTED[key]}
            record[key] = None if nested["name"] is None else nested
        elif key == "span":
            record[key] = [row["span_start"], row["span_end"]]
        else:
            record[key] = row[key]
    return record


@dataclass(frozen=True)
class Filters:
    """What `query`, `stats` and `export` select: all given conditions must hold."""

    country: Optional[str] = None
    actor: Optional[str] = None
    types: tuple[str, ...] = ()
    since: Optional[str] = None
    until: Optional[str] = None
    place: Optional[str] = None

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition on the events table `e`, and its parameters."""
        clauses, params = ["TRUE"], []
        if self.country:
            clauses.append("(e.source_country = ? OR e.target_country = ?)")
            params += [self.country.upper()] * 2
        if self.actor:
            clauses.append("(e.source_name ILIKE ? OR e.target_name ILIKE ?)")
            params += [f"%{self.actor}%"] * 2
        if self.types:
            clauses.append(f"e.event_type IN ({', '.join('?' * len(self.types))})")
            params += [t.upper() for t in self.types]
        if self.since:
            clauses.append("e.date_end >= ?")
            params.append(_bound(self.since, 0))
        if self.until:
            clauses.append("e.date_start <= ?")
            params.append(_bound(self.until, 1))
        if self.place:
            clauses.append("(e.location_name ILIKE ? OR e.location_admin1 ILIKE ?)")
            params += [f"%{self.place}%"] * 2
        return " AND ".join(clauses), params


def _bound(value: str, end: int) -> dt.date:
    """The first (end=0) or last (end=1) day of an ISO date at any precision."""
    period = date_period(value)
    if period is None:
        raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    return period[end]


class Store:
    """A DuckDB file of documents, events and failures."""

    def __init__(self, path: str, read_only: bool = False):
        import duckdb
        self.path = path
        self.con = duckdb.connect(path, read_only=read_only)
        if not read_only:
            self._create()

    def _create(self) -> None:
        """Create the tables the first time a file is used."""
        for name, columns in (("documents", DOCUMENT_COLUMNS), ("events", EVENT_COLUMNS),
                              ("failures", FAILURE_COLUMNS)):
            body = ", ".join(f'"{c}" {kind}' for c, kind in columns.items())
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({body})")

    def close(self) -> None:
        """Close the file (uncommitted work is rolled back)."""
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def coded_ids(self, version: str = __version__) -> set[str]:
        """Ids of documents already coded by `version` (what `--resume` skips)."""
        return {r[0] for r in self.con.execute("SELECT id FROM documents WHERE version = ?", [version]).fetchall()}

    def skip_coded(self, items: Iterable[Any], version: str = __version__) -> Iterator[Any]:
        """Items less the documents this version already stored (`--resume`)."""
        done = self.coded_ids(version)
        return (item for item in items if not (isinstance(item, Document) and item.id in done))

    def write(self, results: Iterable[Union[Coded, DocumentError]]) -> None:
        """Store one batch of results in one transaction: all of it or (on error) none."""
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        coded = list({r.meta["id"]: r for r in results if isinstance(r, Coded)}.values())
        failed = [r for r in results if isinstance(r, DocumentError)]
        self.con.begin()
        try:
            self._write_documents(coded, now)
            self._write_failures(failed, now)
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise

    def _write_documents(self, coded: list[Coded], now: dt.datetime) -> None:
        """Replace these documents and their events; clear failures they used to have."""
        if not coded:
            return
        seq = self.con.execute("SELECT coalesce(max(seq), -1) + 1 FROM documents").fetchone()[0]
        docs = [{**c.meta, "version": __version__, "coded_at": now, "events": len(c.records), "seq": seq + n}
                for n, c in enumerate(coded)]
        events = [event_row(r, p) for c in coded for p, r in enumerate(c.records)]
        self.con.register("batch_documents", _arrow(docs, DOCUMENT_COLUMNS))
        self.con.register("batch_events", _arrow(events, EVENT_COLUMNS))
        self.con.execute("DELETE FROM events WHERE doc_id IN (SELECT id FROM batch_documents)")
        self.con.execute("DELETE FROM documents WHERE id IN (SELECT id FROM batch_documents)")
        self.con.execute("DELETE FROM failures WHERE origin IN (SELECT origin FROM batch_documents)")
        self.con.execute("INSERT INTO documents SELECT * FROM batch_documents")
        self.con.execute("INSERT INTO events SELECT * FROM batch_events")
        self.con.unregister("batch_documents")
        self.con.unregister("batch_events")

    def _write_failures(self, failed: list[DocumentError], now: dt.datetime) -> None:
        """Record failures, replacing earlier ones from the same origin."""
        for failure in failed:
            self.con.execute("DELETE FROM failures WHERE origin = ?", [failure.origin])
            self.con.execute("INSERT INTO failures VALUES (?, ?, ?, ?)",
                             [failure.origin, failure.message, __version__, now])

    def saving(self, results: Iterable[Union[Coded, DocumentError]],
               batch_size: int = 64) -> Iterator[Union[Coded, DocumentError]]:
        """Pass results through, committing every `batch_size` of them (and the rest at the end)."""
        batch: list[Union[Coded, DocumentError]] = []
        for result in results:
            batch.append(result)
            yield result
            if len(batch) >= batch_size:
                self.write(batch)
                batch = []
        if batch:
            self.write(batch)

    def events(self, filters: Filters = Filters(), with_document: bool = False,
               chunk: int = 2048) -> Iterator[dict[str, Any]]:
        """Stored event records matching `filters`, in document arrival then text order.

        With `with_document`, each record also carries `document`: its article's title,
        publication date, url and source (for exports such as POLECAT's).
        """
        condition, params = filters.where()
        cursor = self.con.execute(
            f"SELECT e.*, {', '.join(f'd.{c} AS document_{c}' for c in DOCUMENT_META)} "
            f"FROM events e JOIN documents d ON d.id = e.doc_id WHERE {condition} "
            "ORDER BY d.seq, e.position", params)
        names = [c[0] for c in cursor.description]
        while rows := cursor.fetchmany(chunk):
            for values in rows:
                row = dict(zip(names, values))
                record = event_record(row)
                if with_document:
                    record["document"] = {c: row[f"document_{c}"] for c in DOCUMENT_META}
                yield record

    def select(self, filters: Filters = Filters(), raw: bool = False,
               with_document: bool = False) -> Iterable[dict[str, Any]]:
        """Matching events: one per real event (dedup.py's rule) unless `raw`, then one per mention."""
        mentions = self.events(filters, with_document)
        return mentions if raw else deduplicate(mentions)

    def documents(self) -> dict[str, dict[str, Any]]:
        """Every stored document's metadata, by id."""
        cursor = self.con.execute("SELECT * FROM documents ORDER BY seq")
        names = [c[0] for c in cursor.description]
        return {row[0]: dict(zip(names, row)) for row in cursor.fetchall()}

    def failures(self) -> list[dict[str, Any]]:
        """Every recorded failure, oldest first."""
        cursor = self.con.execute("SELECT * FROM failures ORDER BY failed_at, origin")
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]


def _arrow(rows: list[dict[str, Any]], columns: dict[str, str]) -> Any:
    """Rows as an Arrow table typed like the SQL `columns` (so DuckDB inserts them as is)."""
    import pyarrow as pa
    types = {"VARCHAR": pa.string(), "VARCHAR[]": pa.list_(pa.string()), "INTEGER": pa.int32(),
             "BIGINT": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "DATE": pa.date32(),
             "TIMESTAMP": pa.timestamp("us")}
    schema = pa.schema([(name, types[kind]) for name, kind in columns.items()])
    return pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows], schema=schema)
