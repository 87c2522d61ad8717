"""The DuckDB store: append, replace on re-coding, resume, failures, filters."""
import pytest
from event_factory import KHAN_YOUNIS, blinken_visit, coded, rafah_strike

from killdeer import __version__
from killdeer.model import Document, DocumentError
from killdeer.store import Filters, Store


@pytest.fixture
def store(tmp_path):
    with Store(str(tmp_path / "events.duckdb")) as s:
        s.write([coded("reuters-1", [rafah_strike("reuters-1"), blinken_visit("reuters-1", 1)]),
                 coded("ap-7", [rafah_strike("ap-7", location=KHAN_YOUNIS)], source="AP")])
        yield s


def test_events_come_back_as_schema_records_in_order(store):
    records = list(store.events())
    assert [r["id"] for r in records] == ["reuters-1:0", "reuters-1:1", "ap-7:0"]
    assert records[0] == rafah_strike("reuters-1")
    assert records[1]["location"] is None


def test_documents_keep_metadata_version_and_count(store):
    doc = store.documents()["ap-7"]
    assert (doc["source"], doc["date"], doc["version"], doc["events"]) == ("AP", "2024-02-13", __version__, 1)
    assert doc["coded_at"] is not None


def test_recoding_a_document_replaces_its_events(store):
    store.write([coded("reuters-1", [blinken_visit("reuters-1")])])
    assert [r["id"] for r in store.events()] == ["ap-7:0", "reuters-1:0"]
    assert [r["event_type"] for r in store.events(Filters(types=("CONSULT",)))] == ["CONSULT"]
    assert len(store.documents()) == 2


def test_resume_skips_documents_this_version_stored(store):
    items = [Document(id="reuters-1", text="Old."), Document(id="afp-2", text="New."), DocumentError("x.jsonl:3", "bad")]
    kept = list(store.skip_coded(items))
    assert [getattr(i, "id", None) for i in kept] == ["afp-2", None]
    assert store.coded_ids("0.0.1") == set()


def test_failures_are_recorded_and_cleared_when_the_document_codes(store):
    store.write([DocumentError("feed.jsonl:afp-2", "invalid JSON: Expecting value at column 1")])
    assert [(f["origin"], f["message"]) for f in store.failures()] == [
        ("feed.jsonl:afp-2", "invalid JSON: Expecting value at column 1")]
    store.write([coded("afp-2", [])])
    assert store.failures() == []


def test_a_failed_batch_commits_nothing(store, monkeypatch):
    monkeypatch.setattr(store, "_write_failures", lambda *a: (_ for _ in ()).throw(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        store.write([coded("afp-2", [rafah_strike("afp-2")]), DocumentError("x", "y")])
    assert "afp-2" not in store.documents()


def test_saving_commits_every_batch_as_results_pass(tmp_path):
    path = str(tmp_path / "e.duckdb")
    results = [coded(f"d{n}", [blinken_visit(f"d{n}")]) for n in range(5)]
    with Store(path) as s:
        passed = s.saving(iter(results), batch_size=2)
        assert [next(passed).meta["id"] for _ in range(3)] == ["d0", "d1", "d2"]
    with Store(path, read_only=True) as s:
        assert sorted(s.documents()) == ["d0", "d1"]


@pytest.mark.parametrize("filters, ids", [
    (Filters(country="pse"), ["reuters-1:0", "ap-7:0"]),
    (Filters(country="USA"), ["reuters-1:1"]),
    (Filters(actor="blinken"), ["reuters-1:1"]),
    (Filters(types=("assault",)), ["reuters-1:0", "ap-7:0"]),
    (Filters(place="khan"), ["ap-7:0"]),
    (Filters(since="2024-02-08"), ["reuters-1:0", "ap-7:0"]),
    (Filters(until="2024-02-07"), ["reuters-1:1"]),
    (Filters(since="2024-02", until="2024-02"), ["reuters-1:0", "reuters-1:1", "ap-7:0"]),
    (Filters(country="ISR", place="Rafah"), ["reuters-1:0"]),
])
def test_filters(store, filters, ids):
    assert [r["id"] for r in store.events(filters)] == ids


def test_month_precision_event_overlaps_a_day_range(tmp_path):
    with Store(str(tmp_path / "e.duckdb")) as s:
        s.write([coded("a", [blinken_visit("a", date="2024-02")])])
        assert [r["id"] for r in s.events(Filters(since="2024-02-20", until="2024-03-05"))] == ["a:0"]
        assert list(s.events(Filters(since="2024-03-01"))) == []


def test_bad_date_filter_is_a_clear_error(store):
    with pytest.raises(ValueError, match="not an ISO date"):
        list(store.events(Filters(since="last week")))
