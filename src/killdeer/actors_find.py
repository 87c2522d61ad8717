"""Find actor phrases in a parsed sentence: names, nationalities, role nouns and pronouns.

Pure functions over the spaCy parse: they return `Candidate`s and write nothing. A
candidate is one actor phrase around a syntactic head token, with whatever the phrase
itself says (titles, nationality adjectives, possessors, appositives, "of X"); the
resolver (actors_resolve) later links candidates to each other and to the focus country.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple, Optional

from .kb import Entry, KnowledgeBase, RoleNoun, normalise

MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})
ENTITY_LABELS = frozenset({"PERSON", "ORG"})
STATE_KINDS = frozenset({"country", "capital", "seat"})


class Place(NamedTuple):
    """A place where a sentence's events happen: its token, country and clause verb."""

    token: int
    country: str
    clause: int


@dataclass
class Hit:
    """A knowledge-base or named-entity match over tokens [start, end)."""

    start: int
    end: int
    root: int
    entries: list[Entry]
    demonym: Optional[Entry] = None
    people: Optional[Entry] = None
    label: str = ""
    sponsor: bool = False

    @property
    def state(self) -> Optional[Entry]:
        """The country this hit names or describes, if any."""
        for entry in self.entries:
            if entry.country:
                return entry
        return self.demonym or self.people


@dataclass
class Candidate:
    """One actor phrase, before coreference and focus-country resolution."""

    start: int
    end: int
    root: int
    sentence: int
    kind: str
    text: str
    entries: list[Entry] = field(default_factory=list)
    name: Optional[str] = None
    country: Optional[str] = None
    country_named: Optional[str] = None
    roles: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    person: bool = False
    plural: bool = False
    definite: bool = False
    domestic: bool = False
    possessor: Optional[int] = None
    possessor_person: bool = False
    subject: bool = False
    clause: int = -1
    count: int = 0
    describes: Optional[int] = None
    destination: bool = False
    first_person: bool = False
    quoted: bool = False
    speaker: Optional[int] = None
    after_thing: bool = False


def same_surname(a: str, b: str) -> bool:
    """Equal, or a one-letter transliteration variant of a long name ("Sarea" and "Saree")."""
    if a == b:
        return True
    return len(a) == len(b) >= 5 and a[0] == b[0] and sum(x != y for x, y in zip(a, b)) == 1


def find_hits(sent: Any, kb: KnowledgeBase, context: frozenset[str] = frozenset()) -> dict[int, Hit]:
    """Longest knowledge-base matches, then PERSON/ORG entities, keyed by every token they cover;
    a name several states share means the one among the document's `context` countries."""
    doc = sent.doc
    hits: dict[int, Hit] = {}
    i = sent.start
    while i < sent.end:
        hit = _longest_match(doc, i, sent.end, kb, context)
        if hit is None or _currency(doc, hit.end, kb) or _continental(doc, hit, kb):
            i = hit.end if hit else i + 1
            continue
        for t in range(hit.start, hit.end):
            hits[t] = hit
        i = hit.end
    for ent in sent.ents:
        if ent.label_ in ENTITY_LABELS and not any(t in hits for t in range(ent.start, ent.end)):
            if kb.cues.get(ent.root.lower_) != "platform" and not _lone_role_noun(ent, kb):
                _add_entity(ent, hits)
        elif ent.label_ == "PERSON":
            _absorb_person(ent, hits, kb)
    return hits


def _longest_match(doc: Any, i: int, stop: int, kb: KnowledgeBase, context: frozenset[str]) -> Optional[Hit]:
    """The longest name, nationality or people noun starting at token i."""
    first = doc[i]
    capitalised = first.text[:1].isupper() or first.text[:1].isdigit()
    if not (capitalised or first.lower_ in kb.lower_starts) or first.lower_ not in kb.prefixes:
        return None
    words = [t.text_with_ws for t in doc[i:min(i + kb.max_tokens, stop)]]
    for n in range(len(words), 0, -1):
        text = "".join(words[:n]).strip()
        key = normalise(text)
        if key not in kb.prefixes:
            continue
        entries = sorted(kb.lookup(text), key=lambda e: e.country not in context)
        demonym, people = kb.demonyms.get(key), kb.peoples.get(key)
        if entries or demonym or people:
            span = doc[i:i + n]
            return Hit(i, i + n, span.root.i, entries, demonym, people, sponsor=_sponsor(doc, i, i + n, kb))
    return None


def document_countries(doc: Any, kb: KnowledgeBase) -> frozenset[str]:
    """States the document's place and nationality entities name unambiguously, to choose
    between states sharing a city name ("Tripoli" in a story about Lebanon)."""
    found = set()
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP", "LOC"):
            text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            demonym = kb.demonyms.get(normalise(text))
            countries = {e.country for e in kb.lookup(text) if e.kind in STATE_KINDS}
            countries |= {demonym.country} if demonym else set()
            if len(countries) == 1:
                found |= countries
    return frozenset(found)


def _currency(doc: Any, after: int, kb: KnowledgeBase) -> bool:
    """True for "US $50 million", "Hong Kong dollars": the name qualifies a currency, no actor."""
    return after < len(doc) and kb.cues.get(doc[after].lower_) == "currency"


def _continental(doc: Any, hit: Hit, kb: KnowledgeBase) -> bool:
    """True for "South American", "Latin American": a compass word makes the nationality a
    continent's, so it names no state."""
    before = doc[hit.start - 1] if hit.start > 0 else None
    compass = before is not None and before.text[:1].isupper() and kb.cues.get(before.lower_) == "compass"
    return compass and not hit.entries and hit.demonym is not None


def _sponsor(doc: Any, start: int, after: int, kb: KnowledgeBase) -> bool:
    """True for "Iran-sponsored", "US-backed", "anti-Syria": the name is not the noun's country."""
    backed = after + 1 < len(doc) and doc[after].text == "-" and kb.cues.get(doc[after + 1].lower_) == "sponsor"
    stance = start >= 2 and doc[start - 1].text == "-" and kb.cues.get(doc[start - 2].lower_) == "stance"
    return backed or stance or (start >= 1 and kb.cues.get(doc[start - 1].lower_.rstrip("-")) == "stance")


def _lone_role_noun(ent: Any, kb: KnowledgeBase) -> bool:
    """True for a one-word PERSON that is a role noun the tagger took for a name ("Turkish Kurd refugees")."""
    root = ent.root
    return ent.label_ == "PERSON" and len(ent) == 1 and (root.lower_ in kb.roles or root.lemma_.lower() in kb.roles)


def _add_entity(ent: Any, hits: dict[int, Hit]) -> None:
    """A PERSON or ORG entity the knowledge base does not know, kept under its own name."""
    start = ent.start + (1 if ent[0].lower_ == "the" else 0)
    if start >= ent.end:
        return
    hit = Hit(start, ent.end, ent.root.i, [], label=ent.label_)
    for t in range(start, ent.end):
        hits[t] = hit


def _absorb_person(ent: Any, hits: dict[int, Hit], kb: KnowledgeBase) -> None:
    """A PERSON entity wider than the KB matches inside it ("George Washington") is a person.

    Matches of exactly the entity, and organisation, group or institution names, keep their KB sense;
    a leading nationality adjective ("Iraqi") stays a separate match.
    """
    covered = list({id(hits[t]): hits[t] for t in range(ent.start, ent.end) if t in hits}.values())
    if any(h.start < ent.start or h.end > ent.end for h in covered):
        return
    if any((h.start, h.end) == (ent.start, ent.end) or (h.entries and h.entries[0].kind in ("org", "group", "seat"))
           for h in covered):
        return
    start = max((h.end for h in covered if not h.entries), default=ent.start)
    if start >= ent.end or ent.root.i < start:
        return
    persons = [e for h in covered for e in h.entries if e.kind == "person" and _same_names(ent, h, e, kb)]
    hit = Hit(start, ent.end, ent.root.i, persons, label="PERSON")
    for t in range(start, ent.end):
        hits[t] = hit


def _same_names(ent: Any, hit: Hit, entry: Entry, kb: KnowledgeBase) -> bool:
    """True when the entity's words beyond the matched name are the KB person's other names or
    titles: "Zulfikar Ali Bhutto" is not "Benazir Bhutto"."""
    names = set(normalise(entry.name.replace("-", " ")).split()) | kb.role_words
    extra = [t for t in ent if not hit.start <= t.i < hit.end and t.is_alpha and t.text[:1].isupper()]
    return all(t.lower_ in names or kb.cues.get(t.lower_) == "former" for t in extra)


def role_at(token: Any, kb: KnowledgeBase) -> tuple[Optional[str], Optional[RoleNoun]]:
    """The longest role-noun phrase ending at `token` ("prime minister", "security forces")."""
    if not (_noun_like(token) or _sector_adjective(token, kb)) or (
            token.lower_ not in kb.role_heads and token.lemma_.lower() not in kb.role_heads) or _hyphen_modifier(token):
        return None, None
    doc = token.doc
    for k in (3, 2, 1):
        first = token.i - k + 1
        if first < token.sent.start:
            continue
        words = [t.lower_ for t in doc[first:token.i]] + [token.lemma_.lower()]
        for key in (" ".join(words), " ".join(t.lower_ for t in doc[first:token.i + 1])):
            if key in kb.roles:
                return key, kb.roles[key]
    return None, None


def _hyphen_modifier(token: Any) -> bool:
    """True for "hostage" in "hostage-takers": the first part of a hyphenated word only modifies it."""
    doc = token.doc
    return token.i + 2 < len(doc) and not token.whitespace_ and doc[token.i + 1].text == "-" \
        and not doc[token.i + 1].whitespace_ and doc[token.i + 2].pos_ == "NOUN"


def _sector_adjective(token: Any, kb: KnowledgeBase) -> bool:
    """A sector adjective on a noun ("civilian advisers", "military police") names the sector;
    most role words used as adjectives ("general strike", "official visit") do not."""
    return token.pos_ == "ADJ" and token.dep_ == "amod" and token.head.pos_ == "NOUN" \
        and kb.cues.get(token.lower_) == "sector"


def _noun_like(token: Any) -> bool:
    """A noun, or a title the tagger read as an adjective before a name ("general Qasem Soleimani")."""
    return token.pos_ in ("NOUN", "PROPN") or (token.pos_ == "ADJ" and token.dep_ in ("amod", "compound")
                                               and token.head.pos_ == "PROPN" and token.head.ent_type_ == "PERSON")
