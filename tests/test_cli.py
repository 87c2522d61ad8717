"""The `killdeer` command line: inputs, outputs, the summary line and errors."""
from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result

from killdeer import __version__
from killdeer.cli import cli
from killdeer.output import flat_columns

ATTACK = "Rebels attacked an army base near Goma on Monday, the military said."
MEETING = "The foreign ministers of India and China met in Moscow on Thursday."
SUMMARY = re.compile(r"^(\d+) documents \((\d+) failed\), (\d+) sentences, (\d+) events, \d+\.\d seconds$")
KILLDEER = Path(sys.executable).parent / "killdeer"


def run(*args: str, stdin: str | None = None) -> Result:
    """Invoke the CLI in-process (sharing the cached pipeline), stdout and stderr apart."""
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)


def parse_summary(stderr: str) -> tuple[int, ...]:
    """(documents, failed, sentences, events) from the last stderr line."""
    match = SUMMARY.match(stderr.splitlines()[-1])
    assert match, stderr
    return tuple(int(g) for g in match.groups())


def doc_ids(jsonl: str) -> set[str]:
    """The doc_ids of a JSON Lines output."""
    return {json.loads(line)["doc_id"] for line in jsonl.splitlines()}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of good articles mixed with every kind of bad input."""
    (tmp_path / "attack.txt").write_text(f"Rebels attack army base\n\n{ATTACK}\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "huge.txt").write_text("Protesters marched. " * 250_000, encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes(f"Headline\n{ATTACK}\nTroops entered Bogot\xe1.".encode("latin-1"))
    (tmp_path / "x.txt").mkdir()
    (tmp_path / "wire.jsonl").write_text("\n".join([
        json.dumps({"id": "meeting", "text": MEETING, "date": "2020-09-10"}),
        '{"id": "cut off", "text": "Rebels',
        json.dumps({"id": "no-text", "title": MEETING}),
        json.dumps({"id": "huge", "text": "Protesters marched. " * 250_000}),
        json.dumps({"id": "attack", "text": ATTACK, "date": "2020-09-07"}),
    ]) + "\n", encoding="utf-8")
    return tmp_path


def test_bad_inputs_are_reported_and_the_rest_coded(corpus: Path) -> None:
    """Each bad document is one error line naming file (and line); good ones are still coded; exit 1."""
    result = run("code", str(corpus), str(corpus / "missing.txt"))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:-1] == [
        f"error: {corpus / 'empty.txt'}: empty document: no text to code",
        f"error: {corpus / 'huge.txt'}: document too large: 5,000,000 characters (limit 1,000,000); "
        "split it into articles",
        f"error: {corpus / 'latin1.txt'}:3: not UTF-8 text (bad byte 0xe1 at offset 98)",
        f"error: {corpus / 'wire.jsonl'}:2: invalid JSON at column 27: Unterminated string starting at",
        f"error: {corpus / 'wire.jsonl'}:3: missing \"text\" field",
        f"error: {corpus / 'wire.jsonl'}:4: document too large: 5,000,000 characters (limit 1,000,000); "
        "split it into articles",
        f"error: {corpus / 'missing.txt'}: cannot read file: No such file or directory",
    ]
    documents, failed, sentences, events = parse_summary(result.stderr)
    assert (documents, failed, sentences) == (10, 7, 3)
    assert doc_ids(result.stdout) == {"attack", "meeting"}
    assert events == len(result.stdout.splitlines())


def test_txt_input_and_date(tmp_path: Path) -> None:
    """A .txt is coded without its title line; --date is the fallback date of its events."""
    path = tmp_path / "talks.txt"
    path.write_text(f"Ministers meet in Moscow\n\n{MEETING}\n", encoding="utf-8")
    result = run("code", str(path), "--date", "2020-09-10")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.exit_code == 0
    assert parse_summary(result.stderr)[:3] == (1, 0, 1)
    assert {(r["doc_id"], r["sentence_index"], r["sentence"]) for r in records} == {("talks", 0, MEETING)}


def test_bad_date_option_is_a_usage_error(tmp_path: Path) -> None:
    """A mistyped --date stops the run before coding, with exit status 2."""
    result = run("code", "-", "--date", "10/09/2020", stdin=MEETING)
    assert result.exit_code == 2
    assert "Invalid value for '--date': '10/09/2020' is not an ISO date like 2024-02-07" in result.stderr


def test_stdin_jsonl() -> None:
    """`-` reads JSON Lines from standard input."""
    lines = "\n".join(json.dumps({"id": i, "text": t}) for i, t in (("a", ATTACK), ("m", MEETING)))
    result = run("code", "-", stdin=lines + "\n")
    assert result.exit_code == 0
    assert doc_ids(result.stdout) == {"a", "m"}


def test_stdin_plain_text() -> None:
    """`-` reads one plain-text article when standard input is not JSON."""
    result = run("code", "-", stdin=f"{ATTACK}\n")
    assert result.exit_code == 0
    assert doc_ids(result.stdout) == {"stdin"}


def read_output(path: Path, fmt: str) -> list[dict[str, Any]]:
    """Rows of an output file: JSON objects, CSV rows or Parquet rows."""
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            assert reader.fieldnames == flat_columns()
            return list(reader)
    table = pq.read_table(path)
    assert table.column_names == flat_columns()
    assert str(table.schema.field("span_start").type) == "int64"
    return table.to_pylist()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_output_file_formats(fmt: str, tmp_path: Path, examples_dir: Path) -> None:
    """-o writes the format its suffix names, with the same events as the JSON Lines on stdout."""
    articles = str(examples_dir / "articles.jsonl")
    expected = [json.loads(line) for line in run("code", articles).stdout.splitlines()]
    out = tmp_path / f"events.{fmt}"
    result = run("code", articles, "-o", str(out))
    assert (result.exit_code, result.stdout) == (0, "")
    rows = read_output(out, fmt)
    starts = [r["span"][0] for r in rows] if fmt == "jsonl" else [int(r["span_start"]) for r in rows]
    assert [(r["id"], r["event_type"]) for r in rows] == [(r["id"], r["event_type"]) for r in expected]
    assert starts == [r["span"][0] for r in expected]
    assert len(expected) > 0


def test_csv_to_stdout() -> None:
    """--format csv writes a header and one row per event to stdout."""
    result = run("code", "-", "--format", "csv", stdin=ATTACK)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["doc_id"] for r in rows] == ["stdin"] * len(rows) and rows


def test_parquet_needs_a_file() -> None:
    """Parquet cannot go to stdout: a usage error, not a traceback."""
    result = run("code", "-", "--format", "parquet", stdin=ATTACK)
    assert result.exit_code == 2
    assert "parquet output needs a file: pass -o FILE.parquet" in result.stderr


def test_version() -> None:
    """--version names the program and its version."""
    assert run("--version").stdout == f"killdeer, version {__version__}\n"


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_with_an_example(command: str) -> None:
    """--help works on every command and shows a real example invocation."""
    result = run(command, "--help")
    assert result.exit_code == 0
    assert f"Usage: cli {command}" in result.stdout
    assert f"killdeer {command}" in result.stdout


def test_no_progress_bar_when_stderr_is_not_a_terminal(examples_dir: Path) -> None:
    """Captured (non-terminal) stderr gets only the one-line summary."""
    result = run("code", str(examples_dir / "articles.jsonl"))
    assert result.exit_code == 0
    assert len(result.stderr.splitlines()) == 1
    assert parse_summary(result.stderr)[:2] == (4, 0)


def test_progress_bar_on_a_terminal(examples_dir: Path) -> None:
    """A terminal on stderr gets a progress bar counting documents."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([str(KILLDEER), "code", str(examples_dir / "articles.jsonl")],
                            stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    shown = b""
    while chunk := read_terminal(leader):
        shown += chunk
    assert proc.wait(timeout=120) == 0
    assert re.search(rb"\r4doc \[\d\d:\d\d, +[\d.?]+(doc/s|s/doc)\]", shown), shown


def read_terminal(fd: int) -> bytes:
    """Bytes from a pseudo-terminal, empty once the other side has closed."""
    try:
        return os.read(fd, 4096)
    except OSError:
        return b""


def test_user_trigger_file_extends_the_lexicon(tmp_path: Path) -> None:
    """A word the packaged lexicon lacks becomes a trigger when the user's --triggers file gives it."""
    story = tmp_path / "story.txt"
    story.write_text("Border row\n\nKenya lambasted Uganda over the border closure on Monday.\n", encoding="utf-8")
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text("phrase\tpos\ttype\tmode\tcontexts\tsource\ttarget\tflags\tconf\n"
                       "lambaste\tverb\tACCUSE\tdisapprove\t-\tsubj\tobj\tspeech\t0.9\n", encoding="utf-8")
    assert run("code", str(story), "--date", "2024-03-04", "--jobs", "1").stdout == ""
    result = run("code", str(story), "--date", "2024-03-04", "--jobs", "1", "--triggers", str(lexicon))
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["event_type"], record["mode"], record["source"]["country"], record["target"]["country"],
            record["trigger"]) == ("ACCUSE", "disapprove", "KEN", "UGA", "lambasted")
