"""Exports (jsonl, csv, parquet, POLECAT), stats and the query/stats/export commands."""
import csv
import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from event_factory import KHAN_YOUNIS, blinken_visit, coded, rafah_strike

from killdeer.cli import cli
from killdeer.export import POLECAT_COLUMNS, count_by, export
from killdeer.store import Store

POLECAT_REQUIRED = ["Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
                    "Actor Name", "Actor Country", "Primary Actor Sector", "Actor Sectors", "Recipient Name",
                    "Recipient Country", "Primary Recipient Sector", "Recipient Sectors", "Placename", "Country",
                    "Latitude", "Longitude", "GeoNames ID", "Source", "Publication Date"]


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "events.duckdb")
    with Store(path) as store:
        store.write([coded("reuters-1", [rafah_strike("reuters-1"), blinken_visit("reuters-1", 1)]),
                     coded("ap-7", [rafah_strike("ap-7"), rafah_strike("ap-7", 1, location=KHAN_YOUNIS)],
                           source="AP", date="2024-02-12")])
    return path


def run(*args):
    """Run the CLI, failing the test on a non-zero exit."""
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_export_jsonl_is_deduplicated_with_links(db, tmp_path):
    out = tmp_path / "e.jsonl"
    run("export", "--db", db, "--format", "jsonl", "-o", str(out))
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["id"], r["mentions"], r["doc_ids"]) for r in rows] == [
        ("reuters-1:0", 2, ["reuters-1", "ap-7"]), ("reuters-1:1", 1, ["reuters-1"]), ("ap-7:1", 1, ["ap-7"])]
    assert "document" not in rows[0]


def test_export_raw_keeps_every_mention_as_schema_records(db, tmp_path):
    out = tmp_path / "e.jsonl"
    run("export", "--db", db, "--format", "jsonl", "--raw", "-o", str(out))
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["reuters-1:0", "reuters-1:1", "ap-7:0", "ap-7:1"]
    assert rows[0] == rafah_strike("reuters-1")


def test_export_csv_flat_columns(db, tmp_path):
    out = tmp_path / "e.csv"
    run("export", "--db", db, "--format", "csv", "--type", "ASSAULT", "-o", str(out))
    rows = list(csv.DictReader(out.open()))
    assert [(r["location_name"], r["source_roles"], r["mentions"], r["mention_ids"]) for r in rows] == [
        ("Rafah", "MIL", "2", "reuters-1:0;ap-7:0"), ("Khan Yunis", "MIL", "1", "ap-7:1")]


def test_export_parquet_typed_columns(db, tmp_path):
    out = tmp_path / "e.parquet"
    run("export", "--db", db, "--format", "parquet", "--raw", "-o", str(out))
    table = pq.read_table(out).to_pylist()
    assert [(r["id"], r["fatalities"], r["location_lat"]) for r in table] == [
        ("reuters-1:0", 12, 31.29), ("reuters-1:1", None, None), ("ap-7:0", 12, 31.29), ("ap-7:1", 12, 31.34)]


def test_export_polecat_columns_and_values(db, tmp_path):
    out = tmp_path / "e.tsv"
    run("export", "--db", db, "--format", "polecat", "-o", str(out))
    reader = csv.DictReader(out.open(), delimiter="\t")
    assert POLECAT_REQUIRED == [c for c in reader.fieldnames if c in POLECAT_REQUIRED]
    first = next(reader)
    assert {k: first[k] for k in ("Event ID", "Event Date", "Event Type", "Event Mode", "Quad Code", "Actor Name",
                                  "Actor Country", "Primary Actor Sector", "Recipient Country", "Placename",
                                  "Country", "GeoNames ID", "Source", "Publication Date", "Mentions",
                                  "Story IDs")} == {
        "Event ID": "reuters-1:0", "Event Date": "2024-02-12", "Event Type": "ASSAULT", "Event Mode": "aerial",
        "Quad Code": "4", "Actor Name": "Israel Defense Forces", "Actor Country": "ISR",
        "Primary Actor Sector": "MIL", "Recipient Country": "PSE", "Placename": "Rafah", "Country": "PSE",
        "GeoNames ID": "281102", "Source": "Reuters", "Publication Date": "2024-02-13", "Mentions": "2",
        "Story IDs": "reuters-1; ap-7"}


def test_export_polecat_parquet(db, tmp_path):
    out = tmp_path / "e.parquet"
    run("export", "--db", db, "--format", "polecat", "--country", "USA", "-o", str(out))
    [row] = pq.read_table(out).to_pylist()
    assert list(row) == list(POLECAT_COLUMNS)
    assert (row["Event Type"], row["Actor Name"], row["Placename"], row["Quad Code"]) == (
        "CONSULT", "Antony Blinken", None, 1)


def test_export_of_no_events_writes_headers(db, tmp_path):
    out = tmp_path / "e.csv"
    assert export([], "csv", str(out)) == 0
    assert out.read_text().startswith("id,doc_id,event_type")


def test_query_table_and_json(db):
    table = run("query", "--db", db, "--country", "ISR", "--place", "rafah")
    assert table.splitlines()[2].split()[:2] == ["2024-02-12", "ASSAULT"]
    assert len(table.splitlines()) == 3
    rows = [json.loads(line) for line in run("query", "--db", db, "--actor", "netanyahu", "--json").splitlines()]
    assert [r["id"] for r in rows] == ["reuters-1:1"]


def test_query_rejects_a_bad_date(db):
    result = CliRunner().invoke(cli, ["query", "--db", db, "--since", "yesterday"])
    assert result.exit_code == 2
    assert "not an ISO date" in result.output


def test_stats_counts_by_each_key(db):
    with Store(db, read_only=True) as store:
        records = list(store.select())
    assert count_by(records, "dyad") == [("ISR -> PSE", 2), ("USA -> ISR", 1)]
    assert count_by(records, "type") == [("ASSAULT", 2), ("CONSULT", 1)]
    assert count_by(records, "quad") == [("4 material conflict", 2), ("1 verbal cooperation", 1)]
    assert count_by(records, "month") == [("2024-02", 3)]
    assert json.loads(run("stats", "--db", db, "--by", "type", "--raw", "--json")) == {"ASSAULT": 3, "CONSULT": 1}


def test_stats_plot_writes_a_png(db, tmp_path):
    out = tmp_path / "timeline.png"
    run("stats", "--db", db, "--by", "month", "--plot", str(out))
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert out.stat().st_size > 5000
