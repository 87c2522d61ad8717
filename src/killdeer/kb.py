"""The actor knowledge base: countries, organisations, groups, office holders and role nouns.

Everything is read once from the TSV files in `data/` (plus the user's own CSV/YAML
actor files) into plain lookup dicts keyed by lower-cased surface form, so matching a
document is a handful of dict look-ups per token.

`institutions.tsv` lists only bodies and titles that name one country ("Knesset",
"Taoiseach", "Secretary of Transportation"). Words many states share ("Senate",
"Congress", "parliament", "Politburo") stay role nouns in `roles.tsv`: a bare one is
domestic and takes the document's focus country, "US Congress" its named state.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional

import yaml

from .datafiles import read_tsv

STATE_ROLES = ("GOV",)


@dataclass(frozen=True)
class Entry:
    """One knowledge-base actor: a state, seat of power, organisation, group or office holder."""

    id: str
    name: str
    country: Optional[str]
    roles: tuple[str, ...]
    kind: str  # country, capital, seat, org, group, person
    office: Optional[str] = None
    start: Optional[str] = None
    end: Optional[str] = None

    def holds_office_on(self, date: Optional[str]) -> bool:
        """True when the entry's term covers `date` (ISO, any precision); undated entries always do."""
        if date is None:
            return True
        return (self.start or "") <= date[:10] and (not self.end or date[:10] < self.end)


@dataclass(frozen=True)
class RoleNoun:
    """A role noun's meaning: sectors, person or body, whether it defaults to the focus country."""

    roles: tuple[str, ...]
    kind: str
    domestic: bool
    generic: bool
    office: Optional[str]


@dataclass
class KnowledgeBase:
    """Lookup tables built from the data files."""

    names: dict[str, list[Entry]]
    demonyms: dict[str, Entry]
    peoples: dict[str, Entry]
    roles: dict[str, RoleNoun]
    cues: dict[str, str]
    holders: dict[tuple[str, str], list[Entry]]
    countries: dict[str, Entry]
    exact_case: dict[str, frozenset[str]]
    max_tokens: int
    prefixes: frozenset[str] = frozenset()
    lower_starts: frozenset[str] = frozenset()
    role_heads: frozenset[str] = frozenset()
    role_words: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        """Quick-reject sets: every way a name can start, every last word of a role noun."""
        keys = [*self.names, *self.demonyms, *self.peoples]
        self.prefixes = frozenset(k[:i] for k in keys for i, c in enumerate(k + " ") if c in " -'.") | set(keys)
        self.role_heads = frozenset(k.split()[-1] for k in self.roles)
        self.role_words = frozenset(w for k in self.roles for w in k.split())
        self.lower_starts = frozenset(_first_word(e.name) for entries in self.names.values() for e in entries
                                      if e.name[:1].islower()) | {"al", "el", "dos", "de"}

    def lookup(self, text: str) -> list[Entry]:
        """Entries named by `text`; an acronym ("US", "WHO", "IS") matches only in its own case."""
        key = normalise(text)
        entries = self.names.get(key)
        if not entries:
            return []
        exact = self.exact_case.get(key)
        return [] if exact and text.strip() not in exact else list(entries)

    def holder(self, country: Optional[str], office: str, date: Optional[str]) -> Optional[Entry]:
        """Who held `office` in `country` on `date`; None when the date or the holder is unknown."""
        terms = self.holders.get((country or "", office), [])
        if date is None:
            return None
        current = [e for e in terms if e.holds_office_on(date)]
        return current[-1] if current else None


def _first_word(name: str) -> str:
    """The first word of a name, up to a space or hyphen ("al" of "al-Qaeda")."""
    return name.replace("-", " ").split()[0].lower()


def normalise(text: str) -> str:
    """Lower-cased, single-spaced, curly quotes straightened: the key for every lookup."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.lower().split())


def _user_rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a user's actor file: CSV/TSV with a header, or YAML (a list of mappings)."""
    if path.suffix.lower() in (".yaml", ".yml"):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            yield {k: "|".join(v) if isinstance(v, list) else str(v or "") for k, v in item.items()}
        return
    with path.open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f, delimiter="\t" if path.suffix.lower() == ".tsv" else ",")


def _split(value: Optional[str]) -> list[str]:
    """A |-separated cell as a list, empty cells dropped."""
    return [v.strip() for v in (value or "").split("|") if v.strip()]


class _Builder:
    """Accumulates the lookup tables while the data files are read."""

    def __init__(self) -> None:
        """Empty tables."""
        self.names: dict[str, list[Entry]] = {}
        self.demonyms: dict[str, Entry] = {}
        self.peoples: dict[str, Entry] = {}
        self.holders: dict[tuple[str, str], list[Entry]] = {}
        self.countries: dict[str, Entry] = {}
        self.exact_case: dict[str, frozenset[str]] = {}
        self.loose: set[str] = set()

    def add_name(self, alias: str, entry: Entry) -> None:
        """File `entry` under `alias` (a leading "the" is dropped; acronyms keep their case)."""
        alias = alias.strip()
        if alias.lower().startswith("the "):
            alias = alias[4:]
        key = normalise(alias)
        if alias.isupper() or (len(alias) <= 4 and any(c.isupper() for c in alias[1:])):
            self.exact_case[key] = self.exact_case.get(key, frozenset()) | {alias}
        else:
            self.loose.add(key)
        bucket = self.names.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)

    def add_demonym(self, word: str, entry: Entry) -> None:
        """File a nationality adjective and, where English forms one, its plural people noun."""
        self.demonyms.setdefault(normalise(word), entry)
        if not word.endswith(("s", "sh", "ch", "ese", "i")) and word[0].isupper() and " " not in word:
            self.peoples.setdefault(normalise(word + "s"), entry)
        if word.endswith("i"):
            self.peoples.setdefault(normalise(word + "s"), entry)


def _load_countries(b: _Builder) -> None:
    """Countries from the generated table, then the hand-made extras."""
    names = {r["id"]: r["name"] for r in read_tsv("countries.tsv")}
    extras = list(read_tsv("countries_extra.tsv"))
    names.update({r["id"]: r["text"] for r in extras if r["kind"] == "name"})
    for row in read_tsv("countries.tsv"):
        state = Entry(row["id"], names[row["id"]], row["id"], STATE_ROLES, "country")
        b.countries[row["id"]] = state
        for alias in [row["name"], names[row["id"]], *_split(row["aliases"])]:
            b.add_name(alias, state)
        for word in _split(row["demonyms"]):
            b.add_demonym(word, state)
        if row["capital"]:
            b.add_name(row["capital"], Entry(row["id"], names[row["id"]], row["id"], STATE_ROLES, "capital"))
    for row in extras:
        _add_extra(b, row)
    for row in read_tsv("institutions.tsv"):
        _add_extra(b, row)


def _add_extra(b: _Builder, row: dict[str, str]) -> None:
    """One hand-made country row: alias, demonym, people noun, capital, a city sharing another
    state's capital's name (Tripoli, Lebanon), or an institution or title that names its one
    country without saying it (a seat)."""
    state = b.countries.get(row["id"])
    if state is None:
        return
    kind, text = row["kind"], row["text"]
    roles = tuple(_split(row.get("roles"))) or STATE_ROLES
    if kind == "alias":
        b.add_name(text, state)
    elif kind == "demonym":
        b.add_demonym(text, state)
    elif kind == "people":
        b.peoples[normalise(text)] = state
    elif kind in ("seat", "capital", "city", "title"):
        entry_kind = "capital" if kind in ("capital", "city") else "seat"
        b.add_name(text, Entry(state.id, state.name, state.id, roles, entry_kind))


def _add_actor_row(b: _Builder, row: dict[str, str], kind: str) -> None:
    """An organisation, group, office holder or user entry: its name and every alias."""
    if kind == "user":
        kind = row.get("kind") or ("person" if row.get("office") else "org")
    entry = Entry(row.get("id") or row["name"], row["name"], row.get("country") or None,
                  tuple(_split(row.get("roles"))), kind,
                  row.get("office") or None, row.get("start") or None, row.get("end") or None)
    for alias in [row["name"], *_split(row.get("aliases"))]:
        b.add_name(alias, entry)
    if entry.office:
        b.holders.setdefault((entry.country or "", entry.office), []).append(entry)


def _load_roles() -> dict[str, RoleNoun]:
    """The role-noun lexicon, keyed by lemma phrase."""
    return {normalise(r["word"]): RoleNoun(tuple(_split(r["roles"])), r["kind"], r["domestic"] == "yes",
                                           r["generic"] == "yes", r["office"] or None)
            for r in read_tsv("roles.tsv")}


@lru_cache(maxsize=8)
def load_kb(actor_files: tuple[Path, ...] = ()) -> KnowledgeBase:
    """Build the knowledge base once per set of user actor files."""
    b = _Builder()
    _load_countries(b)
    for file, kind in (("organisations.tsv", "org"), ("groups.tsv", "group"), ("officeholders.tsv", "person")):
        for row in read_tsv(file):
            _add_actor_row(b, row, kind)
    for path in actor_files:
        for row in _user_rows(Path(path)):
            _add_actor_row(b, row, "user")
    for terms in b.holders.values():
        terms.sort(key=lambda e: e.start or "")
    longest = max(len(k.replace("-", " - ").split()) for k in b.names)
    cues = {r["word"]: r["cue"] for r in read_tsv("actor_cues.tsv")}
    exact = {k: v for k, v in b.exact_case.items() if k not in b.loose}
    return KnowledgeBase(b.names, b.demonyms, b.peoples, _load_roles(), cues, b.holders, b.countries,
                         exact, longest + 2)
