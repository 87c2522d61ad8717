"""Ingest: files, folders and streams become Documents, or errors naming file and line."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from killdeer.ingest import MAX_CHARS, read_inputs, read_stream
from killdeer.model import Document, DocumentError

STORY = ("Colombian troops clashed with FARC dissidents in Cauca on Sunday, killing six rebels. "
         "The army said two soldiers were wounded.")


def summary(items: list) -> list[tuple[str, str]]:
    """Each item as (kind, id or error text), for exact comparisons."""
    return [("doc", i.id) if isinstance(i, Document) else ("error", str(i)) for i in items]


def write_jsonl(path: Path, *lines: object) -> Path:
    """A JSON Lines file; str lines are written as they are, anything else as JSON."""
    path.write_text("".join((l if isinstance(l, str) else json.dumps(l)) + "\n" for l in lines), encoding="utf-8")
    return path


def test_txt_title_is_first_non_empty_line(tmp_path: Path) -> None:
    """A .txt article: title from its first non-empty line, the rest is the coded body."""
    path = tmp_path / "cauca-clash.txt"
    path.write_text(f"\n\n  Six rebels killed in Cauca clash  \n\n{STORY}\n", encoding="utf-8")
    [doc] = read_inputs([str(path)], date="2019-03-11")
    assert (doc.id, doc.title, doc.date, doc.origin) == ("cauca-clash", "Six rebels killed in Cauca clash",
                                                         "2019-03-11", str(path))
    assert doc.text.strip() == STORY


def test_one_line_txt_is_its_own_body(tmp_path: Path) -> None:
    """A one-line article is not left empty: the line is both title and text."""
    path = tmp_path / "one.txt"
    path.write_text(STORY, encoding="utf-8")
    [doc] = read_inputs([str(path)])
    assert (doc.title, doc.text, doc.date) == (STORY, STORY, None)


def test_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    """Files saved with a UTF-8 BOM (common on Windows) read like any other."""
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbfTitle\n\n" + STORY.encode())
    write_jsonl(tmp_path / "b.jsonl", {"id": "b1", "text": STORY})
    (tmp_path / "b.jsonl").write_bytes(b"\xef\xbb\xbf" + (tmp_path / "b.jsonl").read_bytes())
    docs = list(read_inputs([str(tmp_path)]))
    assert summary(docs) == [("doc", "a"), ("doc", "b1")]
    assert docs[0].title == "Title"


def test_jsonl_fields_ids_and_dates(tmp_path: Path) -> None:
    """JSON lines keep their fields; missing ids come from file and line; --date fills missing dates."""
    path = write_jsonl(tmp_path / "wire.jsonl",
                       {"id": "x1", "title": "Clash", "text": STORY, "date": "2019-03-11T08:30:00Z",
                        "url": "https://example.org/x1", "source": "wire"},
                       "",
                       {"text": STORY})
    first, second = read_inputs([str(path)], date="2019-03-12")
    assert (first.id, first.title, first.date, first.url, first.source, first.origin) == (
        "x1", "Clash", "2019-03-11", "https://example.org/x1", "wire", f"{path}:1")
    assert (second.id, second.date, second.origin) == ("wire:3", "2019-03-12", f"{path}:3")


def test_folder_is_read_recursively_in_order(tmp_path: Path) -> None:
    """A folder gives every .txt and .jsonl below it (any case), sorted; other files are ignored."""
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a.TXT").write_text(STORY, encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    write_jsonl(tmp_path / "b" / "c.jsonl", {"id": "c1", "text": STORY})
    assert summary(list(read_inputs([str(tmp_path)]))) == [("doc", "a"), ("doc", "c1"), ("doc", "z")]


def test_stdin_jsonl_and_plain_text() -> None:
    """A stream is JSON Lines when it starts with `{`, else one plain-text article."""
    lines = (json.dumps({"id": "s1", "text": STORY}) + "\n" + json.dumps({"text": STORY}) + "\n").encode()
    assert summary(list(read_stream(io.BytesIO(lines), "<stdin>"))) == [("doc", "s1"), ("doc", "stdin:2")]
    [doc] = read_stream(io.BytesIO(f"Headline\n\n{STORY}".encode()), "<stdin>", "2019-03-11")
    assert (doc.id, doc.title, doc.date, doc.text.strip()) == ("stdin", "Headline", "2019-03-11", STORY)


def test_unreadable_inputs_are_named(tmp_path: Path) -> None:
    """A missing path, a folder named like a file and an unknown suffix each give one error."""
    (tmp_path / "x.txt").mkdir()
    (tmp_path / "table.csv").write_text("a,b\n", encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "gone.txt"), str(tmp_path / "x.txt"), str(tmp_path / "table.csv")]))
    assert summary(items) == [
        ("error", f"{tmp_path / 'gone.txt'}: cannot read file: No such file or directory"),
        ("error", f"{tmp_path / 'x.txt'}: folder holds no .txt or .jsonl files"),
        ("error", f"{tmp_path / 'table.csv'}: unknown input type '.csv': expected .txt or .jsonl"),
    ]


def test_bad_json_lines_are_named_and_the_rest_kept(tmp_path: Path) -> None:
    """Each bad line is an error naming file:line; the good lines around it are still documents."""
    path = tmp_path / "mixed.jsonl"
    bad_bytes = b'{"id": "latin1", "text": "Caf\xe9 bombed in Kabul."}'
    path.write_bytes(b"\n".join([
        json.dumps({"id": "ok1", "text": STORY}).encode(),
        b'{"id": "broken", "text": ',
        json.dumps({"id": "notext", "title": "No body"}).encode(),
        bad_bytes,
        json.dumps({"id": "blank", "text": "  \n "}).encode(),
        json.dumps(["a", "list"]).encode(),
        json.dumps({"id": "num", "text": 42}).encode(),
        json.dumps({"id": "baddate", "text": STORY, "date": "last Tuesday"}).encode(),
        json.dumps({"id": "ok2", "text": STORY}).encode(),
    ]))
    assert summary(list(read_inputs([str(path)]))) == [
        ("doc", "ok1"),
        ("error", f"{path}:2: invalid JSON at column 26: Expecting value"),
        ("error", f'{path}:3: missing "text" field'),
        ("error", f"{path}:4: not UTF-8 text (bad byte 0xe9 at offset 29)"),
        ("error", f"{path}:5: empty document: no text to code"),
        ("error", f'{path}:6: a JSON line must be an object with a "text" field'),
        ("error", f'{path}:7: "text" must be a string, not int'),
        ("error", f"{path}:8: \"date\" must be an ISO date like 2024-02-07, not 'last Tuesday'"),
        ("doc", "ok2"),
    ]


def test_bad_txt_files(tmp_path: Path) -> None:
    """Non-UTF-8 bytes (named by line), an empty file and an enormous file are rejected."""
    (tmp_path / "a-latin1.txt").write_bytes(b"Title\n\nTroops entered Bogot\xe1 on Monday.")
    (tmp_path / "b-empty.txt").write_text("\n  \n", encoding="utf-8")
    (tmp_path / "c-huge.txt").write_text("Title\n" + "Protesters marched. " * 250_000, encoding="utf-8")
    assert summary(list(read_inputs([str(tmp_path)]))) == [
        ("error", f"{tmp_path / 'a-latin1.txt'}:3: not UTF-8 text (bad byte 0xe1 at offset 27)"),
        ("error", f"{tmp_path / 'b-empty.txt'}: empty document: no text to code"),
        ("error", f"{tmp_path / 'c-huge.txt'}: document too large: 5,000,000 characters "
                  f"(limit {MAX_CHARS:,}); split it into articles"),
    ]


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    """A folder with nothing to code says so rather than coding nothing silently."""
    assert summary(list(read_inputs([str(tmp_path)]))) == [
        ("error", f"{tmp_path}: folder holds no .txt or .jsonl files")]


@pytest.mark.parametrize("value, expected", [("2024-02-07", "2024-02-07"), ("2024-02-07T10:00:00+03:00", "2024-02-07"),
                                             ("2024-02-07 junk", None), ("07/02/2024", None), (20240207, None)])
def test_document_dates_must_be_iso(value: object, expected: str | None) -> None:
    """Publication dates are ISO dates or datetimes, kept to the day; anything else is an error."""
    [item] = read_stream(io.BytesIO(json.dumps({"id": "d", "text": STORY, "date": value}).encode()), "<stdin>")
    assert (item.date if isinstance(item, Document) else None) == expected
    assert isinstance(item, DocumentError) == (expected is None)


def test_jsonl_is_read_line_by_line(tmp_path: Path) -> None:
    """A .jsonl is streamed: a line appended after the first document was read is still seen."""
    path = tmp_path / "feed.jsonl"
    filler = "x" * 200
    lines = [json.dumps({"id": f"a{n}", "text": f"Article {n}. {filler}"}) for n in range(5000)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_inputs([str(path)])
    assert next(items).id == "a0"
    with path.open("a", encoding="utf-8") as f:
        f.write(json.dumps({"id": "late", "text": "Appended while reading."}) + "\n")
    assert [d.id for d in items][-1] == "late"
