"""Scale-out benchmark: documents/second on a Dask cluster of 1 and 2 workers, and memory per worker.

It writes a large JSON Lines feed (the example articles repeated under new ids, `--mb`
megabytes), then streams the first `--docs` documents of it through the dask engine
into Parquet partitions, once per cluster size. Model loading is done before timing
(`client.run` warms every worker). Worker CPU time is reported too: on a machine
shared with other work, wall-clock scaling understates what the workers achieve. Worker memory (RSS) is sampled every 0.2 s; a
flat peak over the run (close to the warm-up figure) shows that workers hold only
their batches. The driver reads the feed line by line, so its memory does not grow with
the file either.

    python benchmarks/scale.py --mb 300 --docs 600
"""
from __future__ import annotations

import argparse
import json
import resource
import tempfile
import threading
import time
from itertools import islice
from pathlib import Path
from typing import Any

import psutil

from killdeer.config import Config
from killdeer.engine import Coded, DaskEngine
from killdeer.ingest import read_inputs
from killdeer.export import ParquetParts

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles.jsonl"
MB = 1024 * 1024


def write_feed(path: Path, megabytes: int) -> int:
    """Repeat the example articles under new ids until the file holds `megabytes`; returns the line count."""
    articles = [json.loads(line) for line in EXAMPLES.read_text().splitlines() if line.strip()]
    n = 0
    with path.open("w", encoding="utf-8") as out:
        while out.tell() < megabytes * MB:
            article = articles[n % len(articles)]
            out.write(json.dumps({**article, "id": f"{article['id']}-{n}"}) + "\n")
            n += 1
    return n


def warm(config: Config) -> int:
    """Load the pipeline in this worker process; returns the worker's RSS in bytes."""
    from killdeer.api import get_pipeline
    get_pipeline(config)
    return psutil.Process().memory_info().rss


def worker_pid() -> int:
    """This worker's process id."""
    import os
    return os.getpid()


class MemorySampler(threading.Thread):
    """Samples the RSS of some processes until stopped."""

    def __init__(self, pids: list[int], every: float = 0.2):
        super().__init__(daemon=True)
        self.processes = [psutil.Process(pid) for pid in pids]
        self.samples: list[list[int]] = []
        self.every = every
        self.done = threading.Event()

    def run(self) -> None:
        """Sample until `stop`."""
        while not self.done.is_set():
            self.samples.append([p.memory_info().rss for p in self.processes])
            self.done.wait(self.every)

    def cpu_seconds(self) -> float:
        """User + system CPU time the processes have used so far."""
        return sum(p.cpu_times().user + p.cpu_times().system for p in self.processes)

    def stop(self) -> tuple[list[int], list[int]]:
        """Stop sampling; returns each process's peak RSS in the first and in the second half of the run."""
        self.done.set()
        self.join()
        half = max(1, len(self.samples) // 2)
        first, second = self.samples[:half], self.samples[half:] or self.samples[:half]
        return [max(col) for col in zip(*first)], [max(col) for col in zip(*second)]


def run_cluster(feed: Path, workers: int, docs: int, out: Path) -> dict[str, Any]:
    """Code the first `docs` documents of `feed` on a local cluster of `workers` processes."""
    from distributed import Client, LocalCluster
    config = Config()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        warm_rss = list(client.run(warm, config).values())
        sampler = MemorySampler(list(client.run(worker_pid).values()))
        sampler.start()
        cpu_before = sampler.cpu_seconds()
        writer = ParquetParts(str(out), rows_per_part=5_000)
        started = time.perf_counter()
        coded = events = 0
        for result in DaskEngine(config, client=client).run(islice(read_inputs([str(feed)]), docs)):
            if isinstance(result, Coded):
                coded += 1
                events += len(result.records)
                writer.write(result.records)
        writer.close()
        seconds = time.perf_counter() - started
        cpu = sampler.cpu_seconds() - cpu_before
        first_half, second_half = sampler.stop()
    return {"workers": workers, "documents": coded, "events": events, "seconds": seconds,
            "docs_per_second": coded / seconds,
            "worker_cpu_seconds": cpu, "docs_per_cpu_second": coded / cpu, "warm_rss_mb": [r / MB for r in warm_rss],
            "peak_rss_mb_first_half": [p / MB for p in first_half],
            "peak_rss_mb_second_half": [p / MB for p in second_half]}


def _mb(values: list[float]) -> str:
    """Megabyte figures, comma-separated."""
    return ", ".join(f"{v:.0f}" for v in values)


def main() -> None:
    """Write the feed, time 1 and 2 workers, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=300, help="size of the generated feed in MB")
    parser.add_argument("--docs", type=int, default=600, help="documents to code per run")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="killdeer-scale-") as tmp:
        feed = Path(tmp) / "feed.jsonl"
        lines = write_feed(feed, args.mb)
        print(f"feed: {feed.stat().st_size / MB:.0f} MB, {lines} articles; coding the first {args.docs}")
        runs = [run_cluster(feed, n, args.docs, Path(tmp) / f"parts-{n}") for n in args.workers]
    for r in runs:
        print(f"{r['workers']} worker(s): {r['documents']} docs, {r['events']} events, {r['seconds']:.1f} s, "
              f"{r['docs_per_second']:.1f} docs/s ({r['worker_cpu_seconds']:.1f} worker CPU-s, "
              f"{r['docs_per_cpu_second']:.1f} docs per worker CPU-s); RSS per worker after warm-up "
              f"{_mb(r['warm_rss_mb'])} MB, peak in 1st half {_mb(r['peak_rss_mb_first_half'])} MB, "
              f"in 2nd half {_mb(r['peak_rss_mb_second_half'])} MB")
    if len(runs) > 1:
        print(f"scaling {runs[-1]['workers']} vs {runs[0]['workers']} workers: "
              f"{runs[-1]['docs_per_second'] / runs[0]['docs_per_second']:.2f}x")
    print(f"driver peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
