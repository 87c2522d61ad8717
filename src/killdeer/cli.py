"""The `killdeer` command line: a thin layer over the Python API."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Optional, Union

import click

from . import __version__
from .config import Config
from .ingest import read_inputs
from .model import Document, DocumentError
from .output import FORMATS, Writer, records


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="killdeer")
def cli() -> None:
    """Code English news articles into PLOVER political event records.

    \b
    Example:
        killdeer code examples/ > events.jsonl
        killdeer eval gold.jsonl events.jsonl
    """


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write records to this file (default: stdout).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: from the -o suffix, else jsonl).")
@click.option("--date", help="Publication date (YYYY-MM-DD) of .txt and stdin articles.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actor entries (CSV or YAML); may be repeated.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Drop events below this confidence.")
@click.option("--explain", is_flag=True, help="Print each dropped candidate event and why, to stderr.")
def code(inputs: tuple[str, ...], output: Optional[str], fmt: Optional[str], date: Optional[str],
         actor_files: tuple[str, ...], min_confidence: float, explain: bool) -> None:
    """Code articles into event records, one per line.

    INPUTS are .txt files (first non-empty line is the title), .jsonl files (one
    article per line: id, text, and optional title, date, url, source), folders of
    these, or - for standard input.

    A document that cannot be read or coded is reported on stderr with its file and
    line; the others are still coded, and the exit status is 1.

    \b
    Examples:
        killdeer code examples/articles.jsonl
        killdeer code story.txt --date 2024-02-07 -o events.csv
        cat articles.jsonl | killdeer code - --min-confidence 0.5
    """
    fmt = fmt or _format_from_suffix(output)
    config = Config(actor_files=tuple(Path(p) for p in actor_files), min_confidence=min_confidence,
                    explain=explain)
    stream = open(output, "w", encoding="utf-8", newline="") if output and fmt != "parquet" else None
    writer = Writer(stream or (None if output else sys.stdout), fmt, output)
    try:
        failed = _code_to(writer, read_inputs(inputs, date), config)
    finally:
        writer.close()
        if stream:
            stream.close()
    if failed:
        sys.exit(1)


def _format_from_suffix(output: Optional[str]) -> str:
    """The output format a file name implies (jsonl when unsure)."""
    suffix = Path(output).suffix.lstrip(".") if output else ""
    return suffix if suffix in FORMATS else "jsonl"


def _code_to(writer: Writer, items: Iterable[Union[Document, DocumentError]], config: Config) -> int:
    """Code every item into `writer`, reporting failures; returns how many failed."""
    from .api import get_pipeline
    started = time.perf_counter()
    totals = {"documents": 0, "failed": 0, "sentences": 0, "events": 0}
    for result in _progress(get_pipeline(config).process(items)):
        totals["documents"] += 1
        if isinstance(result, DocumentError):
            totals["failed"] += 1
            click.echo(f"error: {result}", err=True)
            continue
        rows = records(result, config.min_confidence)
        writer.write(rows)
        totals["sentences"] += len(result.sentences)
        totals["events"] += len(rows)
        if config.explain:
            _explain(result, sys.stderr)
    seconds = time.perf_counter() - started
    click.echo(f"{totals['documents']} documents ({totals['failed']} failed), {totals['sentences']} sentences, "
               f"{totals['events']} events, {seconds:.1f} seconds", err=True)
    return totals["failed"]


def _progress(results: Iterator[Any]) -> Iterator[Any]:
    """Wrap results in a progress bar when stderr is a terminal."""
    if not sys.stderr.isatty():
        return results
    from tqdm import tqdm
    return tqdm(results, unit="doc", file=sys.stderr)


def _explain(document: Document, stream: IO[str]) -> None:
    """Print each candidate event the pipeline dropped, and why."""
    for dropped in document.dropped:
        event = dropped.event
        trigger = " ".join(document.doc[i].text for i in event.trigger)
        stream.write(json.dumps({"doc_id": document.id, "sentence_index": event.sentence,
                                 "event_type": event.event_type, "trigger": trigger,
                                 "dropped": dropped.reason}, ensure_ascii=False) + "\n")


@cli.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("pred", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the full result as JSON.")
@click.option("--show", is_flag=True, help="Print one line per gold event: FULL, core, seen or MISS.")
def eval_(gold: str, pred: str, as_json: bool, show: bool) -> None:
    """Score event records PRED against hand-coded GOLD events.

    Matching follows the project's scorer: a predicted event is a candidate for a
    gold event when its sentence contains the gold hint (and its doc_id matches);
    core = right type and right source/target countries.

    \b
    Example:
        killdeer code ../shared/eval/dev/wikinews.docs.jsonl -o pred.jsonl
        killdeer eval ../shared/eval/dev/wikinews.gold.jsonl pred.jsonl
    """
    from .evaluate import format_report, load_jsonl, score
    result = score(load_jsonl(gold), load_jsonl(pred))
    click.echo(json.dumps(result, indent=1) if as_json else format_report(result, show))


def main() -> None:
    """Console-script entry point."""
    cli()
