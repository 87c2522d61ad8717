"""Places stage: find where each event happened and resolve it against the gazetteer.

An event's place is, in order of preference: a place phrase attached in the trigger's
clause ("in Baghdad", "visited Tehran"), one elsewhere in its sentence, a city or
region the sentence names as the thing acted on ("Sanaa fell"), the setting the story
last gave in that country (news keeps a setting until it changes), and else the one
country the event plainly happens in (its actors' country, or the document's focus).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator, Optional

from spacy.tokens import Span, Token

from .config import Config
from .datafiles import data_lines, packaged_text
from .gazetteer import Entry, Gazetteer
from .model import Document, Event
from .registry import components, gazetteers

PLACE_LABELS = ("GPE", "LOC", "FAC")
# Entity labels the tagger gives some towns; a PERSON ("King Hassan") is never read as a place.
MISTAGGED_LABELS = ("ORG", "")
SPECIFICITY = {"city": 4, "region": 3, "admin2": 3, "admin1": 2, "country": 1}
CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "csubj", "acl", "xcomp", "pcomp"}
CHAIN_DEPS = {"compound", "appos", "conj", "nmod", "npadvmod"}
SUBJECTS = {"nsubj", "nsubjpass", "dobj", "attr"}


@dataclass(frozen=True)
class Candidate:
    """A place named in a sentence; `locative` when a cue makes it a setting."""

    root: int
    top: int
    entry: Entry
    locative: bool
    clause: int

    @property
    def specificity(self) -> int:
        """How narrow the place is: a city beats its country."""
        return SPECIFICITY.get(self.entry.feature, 0)


@lru_cache(maxsize=None)
def cue_table(filename: str) -> dict[str, frozenset[str]]:
    """kind -> words, from a packaged `kind<TAB>word` data file."""
    cues: dict[str, set[str]] = defaultdict(set)
    for line in data_lines(packaged_text(filename)):
        kind, word = line.split("\t")[:2]
        cues[kind].add(word)
    return {k: frozenset(v) for k, v in cues.items()}


def place_cues() -> dict[str, frozenset[str]]:
    """The locative, directional, motion, area and facility words."""
    return cue_table("place_cues.tsv")


def clause_head(token: Token) -> Token:
    """The head of the clause a token belongs to (itself for a clause's verb)."""
    while token.dep_ not in CLAUSE_DEPS or (token.dep_ == "conj" and token.pos_ not in ("VERB", "AUX")):
        if token.head is token:
            break
        token = token.head
    return token


def trigger_head(document: Document, event: Event) -> Token:
    """The trigger's syntactic head: its token whose head lies outside the trigger."""
    tokens = [document.doc[i] for i in event.trigger]
    inside = set(event.trigger)
    return next((t for t in tokens if t.head.i not in inside or t.head is t), tokens[0])


def phrase_top(token: Token) -> Token:
    """Climb from a place name through appositions, compounds and area nouns
    ("the port town of Mokha, Yemen", "the border with Syria") to the phrase's top."""
    area = place_cues()["area"]
    while True:
        if token.dep_ in CHAIN_DEPS and token.head is not token:
            token = token.head
        elif token.dep_ == "pobj" and token.head.lower_ in ("of", "with") and token.head.head.lemma_.lower() in area:
            token = token.head.head
        else:
            return token


def is_locative(top: Token) -> bool:
    """Whether a place phrase sets where something happens ("in X", "visited X", "flew to X")."""
    cues = place_cues()
    if top.dep_ == "pobj":
        prep, attached = top.head.lower_, top.head.head
        return (prep in cues["locative"] or (prep in cues["verbal"] and attached.pos_ in ("VERB", "AUX"))
                or (prep in cues["directional"] and attached.lemma_ in cues["motion"]))
    return top.dep_ == "dobj" and top.head.lemma_ in cues["motion"]


def name_spans(sent: Span) -> Iterator[Span]:
    """Place-like spans of a sentence: place entities, any entity that is all a place name
    (the tagger calls some towns ORG), and the town that names a facility ("a Baghdad airport")."""
    facility = place_cues()["facility"]
    for ent in sent.ents:
        yield ent
        if ent.label_ != "GPE" and ent.root.lemma_.lower() in facility:
            yield from (ent.doc[t.i:t.i + 1] for t in ent if t.dep_ == "compound" and t.pos_ == "PROPN")


def sentence_candidates(document: Document, n: int, gazetteer: Gazetteer, hints: set[str]) -> list[Candidate]:
    """Every place the sentence names (and "in Iraqi bases"), resolved with the sentence's own countries."""
    sent = document.sentences[n]
    named = [(span, gazetteer.candidates(span.text)) for span in name_spans(sent)]
    named = [(span, options) for span, options in named
             if options and (span.label_ in PLACE_LABELS
                             or (span.label_ in MISTAGGED_LABELS and any(primary for _, primary in options)))]
    local = {e.country for _, found in named for e, _ in found if e.feature == "country" and len(found) == 1}
    found: list[Candidate] = []
    for span, _ in named:
        entry = gazetteer.resolve(span.text, local, hints)
        if entry:
            top = phrase_top(span.root)
            found.append(Candidate(span.root.i, top.i, entry, is_locative(top), clause_head(top).i))
    return found + demonym_candidates(sent, gazetteer)


def demonym_candidates(sent: Span, gazetteer: Gazetteer) -> list[Candidate]:
    """Countries named by an adjective on a locative noun ("in Iraqi military bases")."""
    found = []
    for token in sent:
        if token.dep_ == "amod" and token.ent_type_ == "NORP" and is_locative(token.head):
            entry = gazetteer.country_of_demonym(token.text)
            if entry:
                found.append(Candidate(token.i, token.head.i, entry, True, clause_head(token.head).i))
    return found


def tree_distance(a: Token, b: Token) -> int:
    """Arcs between two tokens in the dependency tree."""
    depth = {a.i: 0}
    for d, anc in enumerate(a.ancestors, 1):
        depth[anc.i] = d
    for d, anc in enumerate([b, *b.ancestors]):
        if anc.i in depth:
            return depth[anc.i] + d
    return 99


def pick(document: Document, event: Event, candidates: list[Candidate]) -> Optional[Entry]:
    """The sentence's best place for the event, or None when it names no setting."""
    head = trigger_head(document, event)
    clause = clause_head(head).i
    source_text = event.source.text if event.source else ""
    doc = document.doc

    def tier(c: Candidate) -> int:
        top = doc[c.top]
        argument = (c.entry.feature != "country" and top.dep_ in SUBJECTS
                    and doc[c.root].text not in source_text)
        if (c.locative or (argument and top.head.i == head.i)) and in_clause(c):
            return 3
        return 2 if c.locative else int(argument)

    def in_clause(c: Candidate) -> bool:
        return c.clause == clause or doc[c.clause].head.i == head.i

    ranked = [(tier(c), c.specificity, -tree_distance(head, doc[c.root]), c) for c in candidates]
    ranked = [r for r in ranked if r[0] > 0]
    return max(ranked, key=lambda r: r[:3])[3].entry if ranked else None


def event_countries(event: Event, gazetteer: Gazetteer) -> set[str]:
    """The states the event's actors belong to (international codes left out)."""
    return {a.country for a in (event.source, event.target)
            if a and a.country and gazetteer.country(a.country)}


def carried_over(settings: list[Entry], countries: set[str], focus: Optional[str]) -> Optional[Entry]:
    """The story's last setting, narrowed to its last city or region in that country, when it fits."""
    if not settings:
        return None
    country = settings[-1].country
    if (countries and country not in countries) or (not countries and focus and country != focus):
        return None
    narrow = [s for s in settings if s.country == country and s.feature != "country"]
    return narrow[-1] if narrow else settings[-1]


def country_fallback(countries: set[str], focus: Optional[str], gazetteer: Gazetteer) -> Optional[Entry]:
    """The one country a domestic event happens in: its actors' shared one, else the focus."""
    if len(countries) == 1:
        return gazetteer.country(next(iter(countries)))
    return gazetteer.country(focus) if focus and not countries else None


def document_hints(document: Document, gazetteer: Gazetteer) -> set[str]:
    """Countries the whole document is about: focus, actors', and countries it names."""
    hints = {m.actor.country for m in document.mentions if m.actor.country}
    hints |= {e.country for ent in document.doc.ents if ent.label_ == "GPE"
              for e, _ in gazetteer.candidates(ent.text) if e.feature == "country"}
    if document.focus_country:
        hints.add(document.focus_country)
    return hints


def find_places(document: Document, gazetteer: Gazetteer) -> dict[int, Entry]:
    """id(event) -> its place; pure: records nothing on the document.

    Before the story names any setting, its first city or region stands in for it
    (leads often give the setting a sentence after the first event).
    """
    hints = document_hints(document, gazetteer)
    by_sentence: dict[int, list[Event]] = defaultdict(list)
    for event in document.events:
        by_sentence[event.sentence].append(event)
    per_sentence = [sentence_candidates(document, n, gazetteer, hints) for n in range(len(document.sentences))]
    first = [c.entry for cs in per_sentence for c in sorted(cs, key=lambda c: c.root)
             if c.locative and c.entry.feature != "country"][:1]
    settings: list[Entry] = []
    found: dict[int, Entry] = {}
    for n, candidates in enumerate(per_sentence):
        for event in by_sentence.get(n, []):
            countries = event_countries(event, gazetteer)
            entry = (pick(document, event, candidates)
                     or carried_over(settings or first, countries, document.focus_country)
                     or country_fallback(countries, document.focus_country, gazetteer))
            if entry:
                found[id(event)] = entry
        settings += [c.entry for c in sorted(candidates, key=lambda c: c.root) if c.locative]
    return found


def set_places(document: Document, places: dict[int, Entry]) -> None:
    """Record each event's place."""
    for event in document.events:
        entry = places.get(id(event))
        if entry:
            event.location = entry.as_place()


@components.register("places")
def make_places(config: Config) -> Callable[[Document], None]:
    """Component that sets `location` on each event."""
    gazetteer = gazetteers.get(config.gazetteer)()

    def places(document: Document) -> None:
        set_places(document, find_places(document, gazetteer))
    return places
