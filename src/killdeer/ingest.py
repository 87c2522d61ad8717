"""Ingest stage: turn files, folders, stdin and dicts into Documents.

Every input item becomes either a `Document` or a `DocumentError` that names the
file (and line) it came from, so nothing is silently dropped. Rules:

- `.txt`: one article; the first non-empty line is the title, the rest the body (the text
  that is coded); a one-line article is its own body.
- `.jsonl`: one article per line: `id`, `text`, and optional `title`, `date`, `url`, `source`.
- a UTF-8 byte-order mark at the start of a file is ignored.
- the `date` given to `read_inputs` is the publication date of every article that has none.
- a folder: every `.txt` and `.jsonl` inside it, recursively, in sorted order.
- `-`: standard input, read as JSON Lines when it starts with `{`, else as one `.txt` article.

A document is rejected when its file is unreadable, its bytes are not UTF-8, its JSON
line is invalid or not an object, its `text` is missing, not a string or blank, its
`date` is not ISO 8601, or its text is longer than `MAX_CHARS`.
"""
from __future__ import annotations

import codecs
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator, Optional, Union

from .model import Document, DocumentError

MAX_CHARS = 1_000_000
SUFFIXES = (".txt", ".jsonl")

Item = Union[Document, DocumentError]


def read_inputs(inputs: Iterable[str], date: Optional[str] = None) -> Iterator[Item]:
    """Documents from each input path (or `-`); `date` is the publication date of undated articles."""
    for name in inputs:
        if name == "-":
            yield from read_stream(sys.stdin.buffer, "<stdin>", date)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
            if not files:
                yield DocumentError(str(path), "folder holds no .txt or .jsonl files")
            for file in files:
                yield from read_path(file, date)
        else:
            yield from read_path(path, date)


def read_path(path: Path, date: Optional[str] = None) -> Iterator[Item]:
    """Documents from one `.txt` or `.jsonl` file; a `.jsonl` is read line by line (flat memory)."""
    suffix = path.suffix.lower()
    try:
        handle = path.open("rb")
    except OSError as err:
        yield DocumentError(str(path), f"cannot read file: {err.strerror or err}")
        return
    with handle:
        if suffix == ".jsonl":
            yield from read_jsonl(file_lines(handle), str(path), path.stem, date)
        elif suffix == ".txt":
            yield read_txt(handle.read().removeprefix(codecs.BOM_UTF8), str(path), path.stem, date)
        else:
            yield DocumentError(str(path), f"unknown input type {path.suffix!r}: expected .txt or .jsonl")


def file_lines(lines: Iterable[bytes]) -> Iterator[bytes]:
    """A byte stream's lines without their endings, and without a byte-order mark on the first."""
    for number, line in enumerate(lines):
        line = line.rstrip(b"\r\n")
        yield line.removeprefix(codecs.BOM_UTF8) if number == 0 else line


def read_stream(stream: BinaryIO, origin: str, date: Optional[str] = None) -> Iterator[Item]:
    """Documents from a byte stream: JSON Lines if it starts with `{`, else one article."""
    data = stream.read().removeprefix(codecs.BOM_UTF8)
    if data.lstrip()[:1] == b"{":
        yield from read_jsonl(data.splitlines(), origin, "stdin", date)
    else:
        yield read_txt(data, origin, "stdin", date)


def read_txt(data: bytes, origin: str, doc_id: str, date: Optional[str] = None) -> Item:
    """One article from the bytes of a `.txt` file: its title line, then its body."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        return DocumentError(f"{origin}:{line}", not_utf8(err))
    title, body = split_title(text)
    return make_document({"id": doc_id, "title": title, "text": body, "date": date}, origin)


def read_jsonl(lines: Iterable[bytes], origin: str, stem: str, date: Optional[str] = None) -> Iterator[Item]:
    """One document per non-blank JSON line; errors name the line number."""
    for number, raw in enumerate(lines, start=1):
        where = f"{origin}:{number}"
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as err:
            yield DocumentError(where, not_utf8(err))
            continue
        except json.JSONDecodeError as err:
            yield DocumentError(where, f"invalid JSON at column {err.colno}: {err.msg}")
            continue
        if not isinstance(record, dict):
            yield DocumentError(where, "a JSON line must be an object with a \"text\" field")
            continue
        if record.get("id") in (None, ""):
            record["id"] = f"{stem}:{number}"
        if record.get("date") is None:
            record["date"] = date
        yield make_document(record, where)


def not_utf8(err: UnicodeDecodeError) -> str:
    """The message for bytes that are not UTF-8, naming the first bad byte."""
    return f"not UTF-8 text (bad byte 0x{err.object[err.start]:02x} at offset {err.start})"


def make_document(record: dict[str, Any], origin: str) -> Item:
    """Check one input record and build its Document, or say what is wrong with it."""
    text = record.get("text")
    if text is None:
        return DocumentError(origin, "missing \"text\" field")
    if not isinstance(text, str):
        return DocumentError(origin, f"\"text\" must be a string, not {type(text).__name__}")
    if not text.strip():
        return DocumentError(origin, "empty document: no text to code")
    if len(text) > MAX_CHARS:
        return DocumentError(origin, f"document too large: {len(text):,} characters (limit {MAX_CHARS:,}); "
                                     "split it into articles")
    date = record.get("date")
    if date is not None:
        date = normalise_date(date)
        if date is None:
            return DocumentError(origin, f"\"date\" must be an ISO date like 2024-02-07, not {record['date']!r}")
    return Document(id=str(record["id"]), text=text, title=record.get("title"), date=date,
                    url=record.get("url"), source=record.get("source"), origin=origin)


def normalise_date(value: Any) -> Optional[str]:
    """An ISO date string (YYYY-MM-DD) from an ISO date or datetime, else None."""
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.fromisoformat(value.strip()).date().isoformat()
    except ValueError:
        return None


def split_title(text: str) -> tuple[Optional[str], str]:
    """A `.txt` article's title (its first non-empty line, stripped) and its body (the rest)."""
    head, _, body = text.lstrip().partition("\n")
    title = head.strip() or None
    return title, body if body.strip() else text
