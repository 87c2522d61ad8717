"""Packaged data files: the one reader every stage uses for its lexicons and tables."""
from __future__ import annotations

import csv
from importlib import resources


def packaged_text(name: str) -> str:
    """The text of a data file shipped in the package (`killdeer/data/NAME`)."""
    return resources.files("killdeer").joinpath(f"data/{name}").read_text(encoding="utf-8")


def data_lines(text: str) -> list[str]:
    """The lines of a data text that hold data: not blank, not a `#` comment."""
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def parse_tsv(text: str) -> list[dict[str, str]]:
    """Rows of a tab-separated text with a header line, as dicts."""
    return list(csv.DictReader(data_lines(text), delimiter="\t"))


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a packaged tab-separated data file, as dicts."""
    return parse_tsv(packaged_text(name))
