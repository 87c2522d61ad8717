"""Engines: a process pool and a Dask cluster give exactly the in-process output, in input order."""
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from killdeer.cli import cli
from killdeer.config import Config
from killdeer.engine import Coded
from killdeer.ingest import read_inputs
from killdeer.registry import engines
from killdeer.store import Store

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def feed(tmp_path_factory):
    """Forty real articles (the examples, repeated under new ids) and one broken line."""
    articles = [json.loads(line) for line in (EXAMPLES / "articles.jsonl").read_text().splitlines()]
    lines = [json.dumps({**a, "id": f"{a['id']}-{n}"}) for n in range(10) for a in articles]
    lines.insert(17, '{"id": "broken", "text": ')
    path = tmp_path_factory.mktemp("feed") / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def outcome(results):
    """Each result as comparable plain data: (id, records) or the failure's origin."""
    return [(r.meta["id"], r.records) if isinstance(r, Coded) else r.origin for r in results]


@pytest.fixture(scope="module")
def in_process(feed):
    return outcome(engines.get("local")(Config(), jobs=1).run(read_inputs([str(feed)])))


def test_in_process_run_keeps_input_order_and_failures(in_process, feed):
    assert len(in_process) == 41
    assert in_process[17] == f"{feed}:18"
    assert in_process[0][0] == "ind-chn-galwan-clash-2020-0"
    assert sum(len(r[1]) for r in in_process if isinstance(r, tuple)) > 0


def test_process_pool_equals_in_process(in_process, feed):
    pool = engines.get("local")(Config(), jobs=2, batch_size=4)
    assert outcome(pool.run(read_inputs([str(feed)]))) == in_process


def test_dask_local_cluster_equals_in_process(in_process, feed):
    from distributed import Client, LocalCluster
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        dask = engines.get("dask")(Config(), client=client, batch_size=4)
        assert outcome(dask.run(read_inputs([str(feed)]))) == in_process


def run(*args):
    """Run the CLI, returning (exit code, stdout)."""
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.stdout


def test_cli_jobs_2_equals_jobs_1(feed, tmp_path):
    code1, one = run("code", feed, "--jobs", "1")
    code2, two = run("code", feed, "--jobs", "2")
    assert (code1, code2) == (1, 1)
    assert one == two and one.count("\n") > 10


def test_cli_store_records_failures_and_resumes(feed, tmp_path):
    db = tmp_path / "events.duckdb"
    assert run("code", feed, "--db", db, "--jobs", "1") == (1, "")
    with Store(str(db), read_only=True) as store:
        assert len(store.documents()) == 40
        assert [f["origin"] for f in store.failures()] == [f"{feed}:18"]
        stored = [r["id"] for r in store.events()]
    _, jsonl = run("code", feed, "--jobs", "1")
    assert stored == [json.loads(line)["id"] for line in jsonl.splitlines()]
    result = CliRunner().invoke(cli, ["code", str(feed), "--db", str(db), "--resume", "--jobs", "1"])
    assert "1 documents (1 failed)" in result.stderr


def test_cli_dask_writes_parquet_partitions_equal_to_local(feed, tmp_path):
    parts = tmp_path / "parts"
    code, _ = run("code", feed, "--engine", "dask", "--workers", "1", "-o", parts, "--format", "parquet")
    assert code == 1
    _, jsonl = run("code", feed, "--jobs", "1")
    rows = pq.read_table(parts).to_pylist()
    assert [r["id"] for r in rows] == [json.loads(line)["id"] for line in jsonl.splitlines()]
    assert sorted(p.name for p in parts.iterdir()) == ["part-00000.parquet"]


def test_cli_rejects_scheduler_without_dask(feed):
    assert run("code", feed, "--scheduler", "tcp://127.0.0.1:8786")[0] == 2
