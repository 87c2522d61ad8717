"""Exports: event records to JSON Lines, CSV, Parquet, or a POLECAT-style table, streamed.

`jsonl` keeps the schema's records; `csv` and `parquet` use the flat columns of
`output.flat_columns()`; `polecat` renames fields to POLECAT's column names (mapping in
docs/store.md and `POLECAT_COLUMNS`) and is tab-separated, like POLECAT's own files, or
Parquet when the file name ends in `.parquet`. Deduplicated records add `mentions`,
`mention_ids` and `doc_ids`. Everything is written in chunks, so memory stays flat.
"""
from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Optional

from . import __version__
from .output import flat, flat_columns, flat_types

EXPORT_FORMATS = ("jsonl", "csv", "parquet", "polecat")
STATS_KEYS = ("month", "type", "dyad", "quad")
QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
DEDUP_FIELDS = ("mentions", "mention_ids", "doc_ids")
CHUNK_ROWS = 10_000

Record = dict[str, Any]


def _actor(role: str) -> dict[str, Callable[[Record], Any]]:
    """POLECAT's columns for the actor in `role` ("source" -> Actor, "target" -> Recipient)."""
    prefix = "Actor" if role == "source" else "Recipient"
    return {
        f"{prefix} Name": lambda r: _get(r, role, "name"),
        f"{prefix} Country": lambda r: _get(r, role, "country"),
        f"Primary {prefix} Sector": lambda r: next(iter(_get(r, role, "roles") or []), None),
        f"{prefix} Sectors": lambda r: _join(_get(r, role, "roles")),
        f"{prefix} Name Raw": lambda r: _get(r, role, "text"),
    }


def _get(record: Record, key: str, sub: str) -> Any:
    """A nested field (`source.name`), None when the actor or place is absent."""
    return (record.get(key) or {}).get(sub)


def _join(values: Optional[list[Any]]) -> Optional[str]:
    """POLECAT's multi-value cell: values joined by "; "."""
    return "; ".join(str(v) for v in values) if values else None


POLECAT_COLUMNS: dict[str, Callable[[Record], Any]] = {
    "Event ID": lambda r: r["id"],
    "Event Date": lambda r: r["date"],
    "Event Type": lambda r: r["event_type"],
    "Event Mode": lambda r: r["mode"],
    "Intensity": lambda r: r["intensity"],
    "Quad Code": lambda r: r["quad"],
    "Contexts": lambda r: _join(r["contexts"]),
    **_actor("source"),
    **_actor("target"),
    "Placename": lambda r: _get(r, "location", "name"),
    "Province": lambda r: _get(r, "location", "admin1"),
    "Country": lambda r: _get(r, "location", "country"),
    "Latitude": lambda r: _get(r, "location", "lat"),
    "Longitude": lambda r: _get(r, "location", "lon"),
    "GeoNames ID": lambda r: _get(r, "location", "geonameid"),
    "Feature Type": lambda r: _get(r, "location", "feature"),
    "Source": lambda r: _get(r, "document", "source"),
    "Publication Date": lambda r: _get(r, "document", "date"),
    "Story ID": lambda r: r["doc_id"],
    "URL": lambda r: _get(r, "document", "url"),
    "Event Text": lambda r: r["sentence"],
    "Mentions": lambda r: r.get("mentions", 1),
    "Story IDs": lambda r: _join(r.get("doc_ids") or [r["doc_id"]]),
    "Language": lambda r: "en",
    "Version": lambda r: f"killdeer {__version__}",
}


def polecat_row(record: Record) -> dict[str, Any]:
    """One record as a POLECAT-style row (needs `record["document"]` for Source and Publication Date)."""
    return {column: get(record) for column, get in POLECAT_COLUMNS.items()}


def table_row(record: Record) -> dict[str, Any]:
    """One record as a flat CSV/Parquet row; dedup's id lists are joined by ";"."""
    plain = {k: v for k, v in record.items() if k not in ("document", "mention_ids", "doc_ids")}
    row = flat(plain)
    for key in ("mention_ids", "doc_ids"):
        if key in record:
            row[key] = ";".join(record[key])
    return row


POLECAT_TYPES = {"Intensity": "number", "Quad Code": "integer", "Latitude": "number", "Longitude": "number",
                 "GeoNames ID": "integer", "Mentions": "integer", "mentions": "integer"}


def arrow_type(column: str) -> Any:
    """The Parquet type of a flat or POLECAT column (text unless the schema says numeric or boolean)."""
    import pyarrow as pa
    kind = POLECAT_TYPES.get(column) or flat_types().get(column, "string")
    return {"integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_()}.get(kind, pa.string())


class DelimitedFile:
    """A CSV (or, with tab, TSV) file of rows with fixed columns."""

    def __init__(self, stream: IO[str], columns: list[str], delimiter: str = ","):
        self.writer = csv.DictWriter(stream, fieldnames=columns, delimiter=delimiter, extrasaction="ignore")
        self.writer.writeheader()

    def write(self, rows: Iterable[dict[str, Any]]) -> None:
        """Append rows."""
        self.writer.writerows(rows)

    def close(self) -> None:
        """Nothing to finish: the stream's owner closes it."""


class ParquetFile:
    """A Parquet file written one row group per `CHUNK_ROWS` rows, with a fixed typed schema."""

    def __init__(self, path: str, columns: list[str]):
        import pyarrow as pa
        import pyarrow.parquet as pq
        self.columns = columns
        self.schema = pa.schema([(c, arrow_type(c)) for c in columns])
        self.writer = pq.ParquetWriter(path, self.schema)
        self.buffer: list[dict[str, Any]] = []

    def write(self, rows: Iterable[dict[str, Any]]) -> None:
        """Append rows, flushing a row group when the buffer is full."""
        self.buffer.extend(rows)
        if len(self.buffer) >= CHUNK_ROWS:
            self._flush()

    def _flush(self) -> None:
        """Write the buffered rows as one row group."""
        import pyarrow as pa
        if self.buffer:
            rows = [{c: row.get(c) for c in self.columns} for row in self.buffer]
            self.writer.write_table(pa.Table.from_pylist(rows, schema=self.schema))
            self.buffer = []

    def close(self) -> None:
        """Flush and finish the file."""
        self._flush()
        self.writer.close()


class ParquetParts:
    """A folder of Parquet partitions `part-00000.parquet`..., each of at most `rows_per_part` records.

    Takes schema records, like `output.Writer`, so `code -o DIR --format parquet` streams.
    """

    def __init__(self, folder: str, rows_per_part: int = 100_000):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.rows_per_part, self.part, self.rows = rows_per_part, 0, 0
        self.file: Optional[ParquetFile] = None

    def write(self, records: Iterable[Record]) -> None:
        """Append records, starting a new partition when the current one is full."""
        for record in records:
            if self.file is None:
                self.file = ParquetFile(str(self.folder / f"part-{self.part:05d}.parquet"), flat_columns())
            self.file.write([table_row(record)])
            self.rows += 1
            if self.rows == self.rows_per_part:
                self._next_part()

    def _next_part(self) -> None:
        """Close the current partition; the next record opens a new one."""
        if self.file is not None:
            self.file.close()
        self.file, self.rows, self.part = None, 0, self.part + 1

    def close(self) -> None:
        """Finish the last partition."""
        self._next_part()


def export(records: Iterable[Record], fmt: str, path: str) -> int:
    """Write records to `path` in `fmt` (one of EXPORT_FORMATS); returns how many were written."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    if _is_text(fmt, path):
        with open(path, "w", encoding="utf-8", newline="") as stream:
            return write_stream(records, fmt, stream)
    return _write_rows(records, fmt, None, path)


def write_stream(records: Iterable[Record], fmt: str, stream: IO[str]) -> int:
    """Write records to a text stream as jsonl, csv or polecat (TSV); returns how many."""
    if fmt == "jsonl":
        return _write_all(records, lambda r: stream.write(json.dumps(_plain(r), ensure_ascii=False) + "\n"))
    return _write_rows(records, fmt, stream, None)


def _write_rows(records: Iterable[Record], fmt: str, stream: Optional[IO[str]], path: Optional[str]) -> int:
    """Write records as table rows, to `stream` (CSV/TSV) or to the Parquet file `path`."""
    records = iter(records)
    first = next(records, None)
    sink, convert = _table_sink(fmt, path, stream, first is not None and "mentions" in first)
    try:
        return _write_all(_chain(first, records), lambda r: sink.write([convert(r)]))
    finally:
        sink.close()


def _table_sink(fmt: str, path: Optional[str], stream: Optional[IO[str]], dedup: bool) -> tuple[Any, Callable[[Record], Any]]:
    """The writer and row conversion for a tabular format."""
    if fmt == "polecat":
        columns = list(POLECAT_COLUMNS)
        sink = ParquetFile(path, columns) if stream is None else DelimitedFile(stream, columns, "\t")
        return sink, polecat_row
    columns = flat_columns() + (list(DEDUP_FIELDS) if dedup else [])
    return (ParquetFile(path, columns) if fmt == "parquet" else DelimitedFile(stream, columns)), table_row


def _is_text(fmt: str, path: str) -> bool:
    """Whether the export is a text file (all but Parquet and POLECAT-as-Parquet)."""
    return fmt != "parquet" and not (fmt == "polecat" and path.endswith(".parquet"))


def _plain(record: Record) -> Record:
    """A record without the joined document metadata (JSON Lines keeps the schema)."""
    return {k: v for k, v in record.items() if k != "document"}


def _chain(first: Optional[Record], rest: Iterable[Record]) -> Iterable[Record]:
    """`first` followed by `rest` (nothing when `first` is None)."""
    if first is not None:
        yield first
        yield from rest


def _write_all(rows: Iterable[Record], write: Callable[[Record], Any]) -> int:
    """Apply `write` to every row; returns the count."""
    n = 0
    for n, row in enumerate(rows, start=1):
        write(row)
    return n



def stat_key(record: Record, by: str) -> str:
    """The group a record counts under: its month, type, dyad (source -> target country) or quad."""
    if by == "month":
        return (record["date"] or "undated")[:7]
    if by == "type":
        return record["event_type"]
    if by == "quad":
        return f"{record['quad']} {QUADS.get(record['quad'], '')}".strip()
    if by == "dyad":
        return f"{_get(record, 'source', 'country') or '?'} -> {_get(record, 'target', 'country') or '?'}"
    raise ValueError(f"unknown grouping {by!r}; choose one of {', '.join(STATS_KEYS)}")


def count_by(records: Iterable[Record], by: str) -> list[tuple[str, int]]:
    """Event counts per group: months in time order, other groups most frequent first."""
    counts = Counter(stat_key(r, by) for r in records)
    if by == "month":
        return sorted(counts.items())
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def plot_timeline(records: Iterable[Record], path: str) -> int:
    """Draw monthly event counts, stacked by quad class, to a PNG; returns how many events were drawn."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator
    counts = Counter((stat_key(r, "month"), r["quad"]) for r in records if r["date"])
    months = sorted({month for month, _ in counts})
    fig, ax = plt.subplots(figsize=(max(6.0, 0.4 * len(months)), 4), dpi=100)
    bottom = [0] * len(months)
    for quad, label in QUADS.items():
        heights = [counts.get((m, quad), 0) for m in months]
        if not any(heights):
            continue
        ax.bar(months, heights, bottom=bottom, label=label)
        bottom = [b + h for b, h in zip(bottom, heights)]
    ax.set(title="Events per month", xlabel="month", ylabel="events")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize="small")
    ax.tick_params(axis="x", labelrotation=45)
    fig.tight_layout()
    fig.savefig(path, format="png")
    plt.close(fig)
    return sum(counts.values())
