"""The `killdeer` command line: a thin layer over the Python API."""
from __future__ import annotations

import json
import sys
import time
from itertools import islice
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Optional, Union

import click

from . import __version__
from .config import Config
from .engine import Result
from .export import EXPORT_FORMATS, STATS_KEYS, ParquetParts, count_by, export, plot_timeline, write_stream
from .ingest import normalise_date, read_inputs
from .model import Document, DocumentError
from .output import FORMATS, Writer
from .registry import engines, gazetteers
from .store import Filters, Store


def _iso_date(ctx: click.Context, param: click.Parameter, value: Optional[str]) -> Optional[str]:
    """Check --date up front, so a typo is a usage error rather than one error per document."""
    if value is None:
        return None
    date = normalise_date(value)
    if date is None:
        raise click.BadParameter(f"{value!r} is not an ISO date like 2024-02-07")
    return date


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
@click.option("-o", "--output", type=click.Path(),
              help="Write records to this file, or with --format parquet to this folder of partitions "
                   "(default: stdout, unless --db is given).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: from the -o suffix, else jsonl).")
@click.option("--date", callback=_iso_date,
              help="Publication date (YYYY-MM-DD) of articles that give none (.txt, stdin, undated JSON lines).")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actor entries (CSV or YAML); may be repeated.")
@click.option("--triggers", "trigger_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra event triggers, in the format of the packaged data/triggers.tsv; may be repeated.")
@click.option("--gazetteer", type=click.Choice(gazetteers.names()), default="geonames", show_default=True,
              help="Gazetteer that places are resolved against.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Drop events below this confidence.")
@click.option("--explain", is_flag=True, help="Print each dropped candidate event and why, to stderr (runs in-process).")
@click.option("--db", type=click.Path(dir_okay=False),
              help="Also store documents, events and failures in this DuckDB file (committed per batch).")
@click.option("--resume", is_flag=True, help="With --db: skip documents this version already stored.")
@click.option("--engine", "engine_name", type=click.Choice(engines.names()), default="local", show_default=True,
              help="Where to code: this machine's cores, or a Dask cluster.")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Local engine: processes to use (default: all cores; 1 = in this process).")
@click.option("--scheduler", help="Dask engine: scheduler address, e.g. tcp://host:8786.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Dask engine without --scheduler: local worker processes (default: all cores).")
def code(inputs: tuple[str, ...], output: Optional[str], fmt: Optional[str], date: Optional[str],
         actor_files: tuple[str, ...], trigger_files: tuple[str, ...], gazetteer: str, min_confidence: float, explain: bool, db: Optional[str], resume: bool,
         engine_name: str, jobs: Optional[int], scheduler: Optional[str], workers: Optional[int]) -> None:
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
        killdeer code examples/ --actors my_actors.csv --triggers my_triggers.tsv
        killdeer code big.jsonl --db events.duckdb --resume --jobs 2
        killdeer code big.jsonl --engine dask --scheduler tcp://host:8786 -o parts/ --format parquet
    """
    fmt = fmt or _format_from_suffix(output)
    if fmt == "parquet" and not output:
        raise click.UsageError("parquet output needs a file: pass -o FILE.parquet")
    config = Config(actor_files=tuple(Path(p) for p in actor_files),
                    trigger_files=tuple(Path(p) for p in trigger_files), gazetteer=gazetteer,
                    min_confidence=min_confidence, explain=explain)
    if engine_name != "dask" and (scheduler or workers):
        raise click.UsageError("--scheduler and --workers need --engine dask")
    store = Store(db) if db else None
    items = read_inputs(inputs, date)
    if store and resume:
        items = store.skip_coded(items)
    results = engines.get(engine_name)(config, jobs=jobs, scheduler=scheduler, workers=workers).run(items)
    if store:
        results = store.saving(results)
    stream = open(output, "w", encoding="utf-8", newline="") if output and fmt != "parquet" else None
    writer = _writer(stream, fmt, output) if output or not store else None
    try:
        failed = _code_to(writer, results, config)
    finally:
        if writer:
            writer.close()
        if stream:
            stream.close()
        if store:
            store.close()
    if failed:
        sys.exit(1)


def _format_from_suffix(output: Optional[str]) -> str:
    """The output format a file name implies (jsonl when unsure)."""
    suffix = Path(output).suffix.lstrip(".") if output else ""
    return suffix if suffix in FORMATS else "jsonl"


def _writer(stream: Optional[IO[str]], fmt: str, output: Optional[str]) -> Union[Writer, ParquetParts]:
    """The record writer: a folder of Parquet partitions when -o names a folder, else one file or stdout."""
    if fmt == "parquet" and output and (Path(output).is_dir() or not Path(output).suffix):
        return ParquetParts(output)
    return Writer(stream or (None if output else sys.stdout), fmt, output)


def _code_to(writer: Optional[Union[Writer, ParquetParts]], results: Iterable[Result], config: Config) -> int:
    """Send every coded result to `writer` (if any), reporting failures; returns how many failed."""
    started = time.perf_counter()
    totals = {"documents": 0, "failed": 0, "sentences": 0, "events": 0}
    for result in _progress(results):
        totals["documents"] += 1
        if isinstance(result, DocumentError):
            totals["failed"] += 1
            click.echo(f"error: {result}", err=True)
            continue
        rows = result.records
        if writer:
            writer.write(rows)
        totals["sentences"] += result.sentences
        totals["events"] += len(rows)
        if config.explain and result.document:
            _explain(result.document, sys.stderr)
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


def _filter_options(command: Callable[..., None]) -> Callable[..., None]:
    """The store options shared by query, stats and export: --db, the filters and --raw."""
    options = [
        click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False),
                     help="The DuckDB file `killdeer code --db` wrote."),
        click.option("--country", help="Source or target country (ISO3, e.g. UKR)."),
        click.option("--actor", help="Source or target name contains this (any case)."),
        click.option("--type", "types", multiple=True, help="PLOVER event type, e.g. ASSAULT; may be repeated."),
        click.option("--since", help="Events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--until", help="Events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--place", help="Place or region name contains this (any case)."),
        click.option("--raw", is_flag=True, help="One row per mention: no cross-article deduplication."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _filters(options: dict[str, Any]) -> Filters:
    """The store filters from the shared command-line options."""
    return Filters(country=options["country"], actor=options["actor"], types=options["types"],
                   since=options["since"], until=options["until"], place=options["place"])


def _selected(options: dict[str, Any], with_document: bool = False) -> Iterator[dict[str, Any]]:
    """Stream the records the shared options select; a malformed filter is a usage error."""
    with Store(options["db"], read_only=True) as store:
        try:
            yield from store.select(_filters(options), options["raw"], with_document)
        except ValueError as err:
            raise click.BadParameter(str(err)) from err


@cli.command()
@_filter_options
@click.option("--format", "fmt", type=click.Choice(("table", "jsonl", "csv")), default="table", show_default=True,
              help="table for people, jsonl or csv for programs.")
@click.option("--json", "as_json", is_flag=True, help="Same as --format jsonl.")
@click.option("--limit", type=click.IntRange(min=1), help="Show at most this many events.")
def query(fmt: str, as_json: bool, limit: Optional[int], **options: Any) -> None:
    """Show stored events that match the filters, one per real event.

    Reports of the same event from several articles are merged into one row with a
    mention count (see docs/store.md for the rule); --raw shows every mention.

    \b
    Examples:
        killdeer query --db events.duckdb --country UKR --type ASSAULT --since 2024-02
        killdeer query --db events.duckdb --actor hamas --place gaza --json
    """
    records = list(islice(_selected(options), limit))
    fmt = "jsonl" if as_json else fmt
    if fmt != "table":
        write_stream(records, fmt, sys.stdout)
        return
    rows = [[r["date"] or "", r["event_type"], _name(r["source"]), _name(r["target"]),
             (r["location"] or {}).get("name") or "", str(r.get("mentions", 1)), r["id"]] for r in records]
    click.echo(_table(["date", "type", "source", "target", "place", "mentions", "id"], rows))


def _name(actor: Optional[dict[str, Any]]) -> str:
    """An actor as "name (COUNTRY)" for tables."""
    if not actor:
        return ""
    return f"{actor['name']} ({actor['country']})" if actor["country"] else actor["name"]


def _table(headers: list[str], rows: list[list[str]], width: int = 40) -> str:
    """A plain-text table with aligned columns, cells cut to `width` characters."""
    cells = [headers] + [[c if len(c) <= width else c[:width - 1] + "…" for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


@cli.command()
@_filter_options
@click.option("--by", type=click.Choice(STATS_KEYS), default="month", show_default=True,
              help="Count per month, event type, dyad (source country -> target country) or quad class.")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as a JSON object.")
@click.option("--plot", type=click.Path(dir_okay=False), help="Also draw events per month by quad class to this PNG.")
def stats(by: str, as_json: bool, plot: Optional[str], **options: Any) -> None:
    """Count stored events (one per real event unless --raw) by month, type, dyad or quad.

    \b
    Examples:
        killdeer stats --db events.duckdb --by dyad --type ASSAULT
        killdeer stats --db events.duckdb --by month --plot timeline.png
    """
    records = list(_selected(options))
    counts = count_by(records, by)
    if as_json:
        click.echo(json.dumps(dict(counts), ensure_ascii=False))
    else:
        click.echo(_table([by, "events"], [[key, str(n)] for key, n in counts]))
    if plot:
        plot_timeline(records, plot)
        click.echo(f"wrote {plot}", err=True)


@cli.command("export")
@_filter_options
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="jsonl (schema records), csv or parquet (flat columns), polecat (POLECAT column names; "
                   "tab-separated, or Parquet if FILE ends in .parquet).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The file to write.")
def export_(fmt: str, output: str, **options: Any) -> None:
    """Export stored events, one per real event unless --raw, to a file.

    Deduplicated exports add mentions, mention_ids and doc_ids. The POLECAT table maps
    id -> Event ID, date -> Event Date, event_type -> Event Type, mode -> Event Mode,
    intensity -> Intensity, quad -> Quad Code, contexts -> Contexts, source ->
    Actor Name/Country/Primary Actor Sector/Actor Sectors/Actor Name Raw, target ->
    Recipient ..., location -> Placename/Province/Country/Latitude/Longitude/GeoNames ID/
    Feature Type, the article's source and date -> Source, Publication Date; plus Story
    ID, URL, Event Text, Mentions, Story IDs, Language, Version (docs/store.md).

    \b
    Examples:
        killdeer export --db events.duckdb --format polecat -o events.tsv
        killdeer export --db events.duckdb --format parquet --raw --since 2024 -o mentions.parquet
    """
    n = export(_selected(options, with_document=fmt == "polecat"), fmt, output)
    click.echo(f"wrote {n} events to {output}", err=True)


def main() -> None:
    """Console-script entry point."""
    cli()
