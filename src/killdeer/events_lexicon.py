"""The events stage's knowledge: the trigger lexicon and the cue words, loaded once.

Triggers live in data/triggers.tsv (and any user files in the same format); cue words
(light verbs, modal auxiliaries, context and weapon words) in data/event_cues.yaml.
Both are indexed by lemma once, so matching a token costs one dict lookup.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Optional

import yaml

from .datafiles import packaged_text, parse_tsv, read_tsv
from .plover import TYPES

# A `pred` trigger is a word said of a subject through a copula, an allegation when someone
# asserts it: "Y is responsible for", "Y was behind", "Y are the perpetrators", "Y were involved in".
POS_TAGS = {"verb": ("VERB", "AUX"), "noun": ("NOUN", "PROPN"), "pred": ("ADJ", "ADP", "NOUN", "VERB")}


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a word or phrase that names an event, and where its actors sit."""

    head: str
    requires: tuple[str, ...]
    pos: str
    event_type: str
    mode: Optional[str]
    contexts: tuple[str, ...]
    source: tuple[str, ...]
    target: tuple[str, ...]
    symmetric: bool
    speech: bool
    armed: bool
    obligation: bool
    predicative: bool
    clausal: bool
    thing_object: bool
    dyadic: bool
    confidence: float

    @property
    def phrase(self) -> str:
        """The entry as written in the lexicon ("break off relation", "drone strike")."""
        words = (*self.requires, self.head) if self.pos == "noun" else (self.head, *self.requires)
        return " ".join(words)


def _slots(cell: str) -> tuple[str, ...]:
    """A comma list cell as a tuple; `-` or empty means none."""
    return tuple(x.strip() for x in cell.split(",") if x.strip() and x.strip() != "-")


def parse_row(row: dict[str, str], origin: str) -> Trigger:
    """One TSV row as a Trigger; a bad type or part of speech names its file."""
    words = row["phrase"].split()
    if row["pos"] == "noun":  # English noun phrases end in their head: "drone strike"
        words = words[-1:] + words[:-1]
    if row["type"] not in TYPES or row["pos"] not in POS_TAGS:
        raise ValueError(f"{origin}: bad trigger row {row!r}")
    flags = set(_slots(row["flags"]))
    return Trigger(head=words[0], requires=tuple(words[1:]), pos=row["pos"], event_type=row["type"],
                   mode=None if row["mode"] in ("-", "") else row["mode"], contexts=_slots(row["contexts"]),
                   source=_slots(row["source"]), target=_slots(row["target"]),
                   symmetric="sym" in flags, speech="speech" in flags, armed="armed" in flags,
                   obligation="obligation" in flags, predicative="predicative" in flags,
                   clausal="clausal" in flags, thing_object="thing" in flags, dyadic="dyadic" in flags,
                   confidence=float(row["conf"]))


class Lexicon:
    """Triggers indexed by head lemma and part of speech; most specific entry first."""

    def __init__(self, triggers: Iterable[Trigger]):
        self.index: dict[tuple[str, str], list[Trigger]] = {}
        for trigger in triggers:
            for tag in POS_TAGS[trigger.pos]:
                self.index.setdefault((trigger.head, tag), []).append(trigger)
        for entries in self.index.values():
            entries.sort(key=lambda t: (-len(t.requires), -t.confidence))

    def candidates(self, lemma: str, pos: str) -> list[Trigger]:
        """Entries whose head is `lemma` with spaCy part of speech `pos`."""
        return self.index.get((lemma, pos), [])


@lru_cache(maxsize=None)
def lexicon(extra_files: tuple[Path, ...] = ()) -> Lexicon:
    """The packaged trigger lexicon plus the user's files, read and indexed once."""
    triggers = [parse_row(r, "triggers.tsv") for r in read_tsv("triggers.tsv")]
    for path in extra_files:
        rows = parse_tsv(Path(path).read_text(encoding="utf-8"))
        triggers.extend(parse_row(r, str(path)) for r in rows)
    return Lexicon(triggers)


@dataclass(frozen=True)
class Cues:
    """Cue-word sets from data/event_cues.yaml, as sets and lookup dicts."""

    light_verbs: frozenset[str]
    aspect_verbs: frozenset[str]
    intent_words: frozenset[str]
    future_aux: frozenset[str]
    conditional_aux: frozenset[str]
    possible_aux: frozenset[str]
    condition_marks: frozenset[str]
    failure_verbs: frozenset[str]
    negators: frozenset[str]
    impact_verbs: frozenset[str]
    armed_words: frozenset[str]
    government_directed: frozenset[str]
    population_directed: frozenset[str]
    own_country_types: frozenset[str]
    speech_act_nouns: frozenset[str]
    speech_verbs: frozenset[str]
    refusal_types: frozenset[str]
    locative_preps: frozenset[str]
    grievance_types: frozenset[str]
    copulas: frozenset[str]
    answered_types: frozenset[str]
    willing_words: frozenset[str]
    obligation_aux: frozenset[str]
    ultimatum_marks: frozenset[str]
    stative_participles: frozenset[str]
    participation_verbs: frozenset[str]
    object_target_preps: tuple[str, ...]
    sourceless_types: frozenset[str]
    accident_nouns: frozenset[str]
    recipient_types: frozenset[str]
    habitual_adverbs: frozenset[str]
    background_marks: frozenset[str]
    background_preps: frozenset[str]
    future_types: dict[str, tuple[str, Optional[str]]]
    willing_types: dict[str, tuple[str, Optional[str]]]
    context_words: dict[str, tuple[str, ...]]
    assault_modes: dict[str, tuple[str, ...]]


def _word_table(groups: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    """{label: [words]} inverted to {word: labels}, the way sentences are looked up."""
    table: dict[str, tuple[str, ...]] = {}
    for label, words in groups.items():
        for word in words:
            table[word] = table.get(word, ()) + (label,)
    return table


@lru_cache(maxsize=None)
def cues() -> Cues:
    """The cue words, read once."""
    data: dict[str, Any] = yaml.safe_load(packaged_text("event_cues.yaml"))
    sets = {k: frozenset(str(w) for w in data[k]) for k in (
        "light_verbs", "aspect_verbs", "intent_words", "future_aux", "conditional_aux", "possible_aux",
        "condition_marks", "failure_verbs", "negators", "impact_verbs", "armed_words", "government_directed",
        "population_directed",
        "own_country_types", "speech_act_nouns", "speech_verbs", "copulas", "refusal_types", "locative_preps",
        "grievance_types", "answered_types", "willing_words", "obligation_aux", "stative_participles",
        "ultimatum_marks", "participation_verbs",
        "sourceless_types", "accident_nouns", "recipient_types", "habitual_adverbs", "background_marks", "background_preps")}
    future = {k: (v[0], v[1]) for k, v in data["future_types"].items()}
    willing = {k: (v[0], v[1]) for k, v in data["willing_types"].items()}
    return Cues(**sets, object_target_preps=tuple(data["object_target_preps"]), future_types=future,
                willing_types=willing, context_words=_word_table(data["context_words"]),
                assault_modes=_word_table(data["assault_modes"]))
