"""Throughput of Killdeer's full pipeline against bare spaCy parsing of the same text.

The corpus is the example articles plus the Wikinews dev articles (when ../shared is
beside the repository), repeated until it holds a few thousand sentences. Both runs use
the same spaCy model object and batch size, are warmed up first, and are timed in this
one process, alternating, best of `--repeats`. The house rule is a ratio of at least 0.5.

    python benchmarks/bench.py [--sentences 3000] [--repeats 2] [--fail-under 0.5]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Callable

from killdeer.api import get_pipeline
from killdeer.ingest import make_document
from killdeer.output import records
from killdeer.parse import BATCH_SIZE, load_model

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "examples" / "articles.jsonl", ROOT.parent / "shared" / "eval" / "dev" / "wikinews.docs.jsonl")


def load_texts() -> list[str]:
    """Article texts from every source file that exists."""
    return [json.loads(line)["text"] for path in SOURCES if path.exists()
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def corpus(texts: list[str], sentences: int) -> list[str]:
    """The texts repeated until they hold at least `sentences` sentences."""
    nlp = load_model(get_pipeline().config.model)
    per_round = sum(len(list(doc.sents)) for doc in nlp.pipe(texts, batch_size=BATCH_SIZE))
    return texts * -(-sentences // per_round)


def spacy_parse(texts: list[str]) -> int:
    """Parse with bare spaCy; returns the number of sentences."""
    nlp = load_model(get_pipeline().config.model)
    return sum(len(list(doc.sents)) for doc in nlp.pipe(texts, batch_size=BATCH_SIZE))


def killdeer_code(texts: list[str]) -> int:
    """Code with the full pipeline, down to event records; returns the number of sentences."""
    documents = (make_document({"id": f"bench{n}", "text": t, "date": "2020-01-15"}, "bench")
                 for n, t in enumerate(texts))
    total = 0
    for document in get_pipeline().process(documents):
        records(document)
        total += len(document.sentences)
    return total


def timed(run: Callable[[list[str]], int], texts: list[str]) -> tuple[int, float]:
    """(sentences, seconds) of one run."""
    started = time.perf_counter()
    sentences = run(texts)
    return sentences, time.perf_counter() - started


def best_rates(texts: list[str], repeats: int) -> tuple[int, float, float]:
    """(sentences, spaCy's and Killdeer's best sentences/second), the two runs alternating."""
    spacy_best = killdeer_best = float("inf")
    for _ in range(repeats):
        sentences, seconds = timed(spacy_parse, texts)
        spacy_best = min(spacy_best, seconds)
        killdeer_best = min(killdeer_best, timed(killdeer_code, texts)[1])
    return sentences, sentences / spacy_best, sentences / killdeer_best


def main() -> None:
    """Warm up, time both, print sentences/second and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=3000, help="corpus size in sentences")
    parser.add_argument("--repeats", type=int, default=2, help="timed runs of each; the best counts")
    parser.add_argument("--fail-under", type=float, default=0.5, help="exit 1 when the ratio is below this")
    args = parser.parse_args()
    texts = load_texts()
    spacy_parse(texts)
    killdeer_code(texts)
    texts = corpus(texts, args.sentences)
    sentences, spacy_rate, killdeer_rate = best_rates(texts, args.repeats)
    ratio = killdeer_rate / spacy_rate
    print(f"corpus: {len(texts)} documents, {sentences} sentences, batch size {BATCH_SIZE}")
    print(f"spacy    {spacy_rate:8.1f} sentences/s")
    print(f"killdeer {killdeer_rate:8.1f} sentences/s")
    print(f"ratio    {ratio:8.2f} (killdeer / spacy; required >= {args.fail_under})")
    sys.exit(0 if ratio >= args.fail_under else 1)


if __name__ == "__main__":
    main()
