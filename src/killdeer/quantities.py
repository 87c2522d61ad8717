"""Numbers stage: fatalities, injured, arrested, participants and aggregate counts per event.

Each number phrase in a sentence ("at least 20", "half a million", "a dozen") is read
to a value (vague ones, "dozens", to none), and what it counts is read off the parse:
the patient of a killing verb or a word for the dead (fatalities), of a wounding verb
(injured), the plural trigger noun itself ("100 attacks": an aggregate statement), or
the doers of the event (participants). A number goes to the event whose trigger
shares its clause; a casualty report with no event of its own ("at least 20 were
killed") goes to the violent event just before it, in its sentence or the two before,
unless its clause names a mishap or natural disaster as the cause ("floods killed five people").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator, Optional

from spacy.tokens import Span, Token

from .config import Config
from .datafiles import data_lines, packaged_text
from .events_args import mishap_cause
from .model import Document, Event
from .places import clause_head, cue_table, trigger_head
from .registry import components

VIOLENT = {"ASSAULT", "COERCE", "PROTEST"}
# Which event types a number of this kind may belong to (others: any event in its clause).
EVENT_KINDS = {"fatalities": VIOLENT, "injured": VIOLENT, "arrested": frozenset({"COERCE"})}
PATIENTS = {"nsubjpass", "dobj", "nsubj"}
LOOKBACK = 2


@dataclass(frozen=True)
class Quantity:
    """A number phrase: its value (None when vague), its head token and what it counts."""

    value: Optional[int]
    head: int
    counted: int
    other: bool


@dataclass(frozen=True)
class Finding:
    """A number read as one field ("fatalities", "injured", "arrested", "participants", "count") near a token."""

    field: str
    value: Optional[int]
    anchor: int
    other: bool = False


@lru_cache(maxsize=None)
def number_words() -> dict[str, tuple[str, float]]:
    """word -> (kind, value), from data/number_words.tsv."""
    table = {}
    for line in data_lines(packaged_text("number_words.tsv")):
        word, kind, value = (line.split("\t") + [""])[:3]
        table[word] = (kind, float(value) if value else 0.0)
    return table


def cues() -> dict[str, frozenset[str]]:
    """The kill, injure, arrest, dead, hurt, held, tally and other words."""
    return cue_table("quantity_cues.tsv")


def is_number_word(token: Token) -> bool:
    """Whether a token may be part of a number phrase."""
    if token.ent_type_ not in ("", "CARDINAL"):
        return False
    return token.like_num or token.lower_ in number_words()


def parse_number(words: list[str]) -> tuple[Optional[float], bool]:
    """(value, vague) of a number phrase: "1.2 million", "half a million", "4,500", "a dozen"."""
    table = number_words()
    total, current = 0.0, 0.0
    for word in (w.lower() for w in words):
        kind, value = table.get(word, ("digits", 0.0))
        if kind == "vague":
            return None, True
        if kind == "digits":
            try:
                current += float(word.replace(",", ""))
            except ValueError:
                continue
        elif kind in ("unit", "tens", "fraction"):
            current += value
        elif kind in ("scale", "group"):
            current = (current or 1.0) * value
            if value >= 1000:
                total, current = total + current, 0.0
    value = total + current
    return (value, False) if value else (None, False)


def number_phrases(sent: Span) -> Iterator[list[Token]]:
    """Maximal runs of number words, with a leading "a" of "a dozen" / "half a million"."""
    run: list[Token] = []
    for token in sent:
        joins = token.lower_ in ("a", "an", "and") and run
        if is_number_word(token) or joins:
            run.append(token)
            continue
        yield from _trimmed(run)
        run = []
    yield from _trimmed(run)


def _trimmed(run: list[Token]) -> Iterator[list[Token]]:
    """A run without trailing joining words, if anything is left."""
    while run and run[-1].lower_ in ("a", "an", "and"):
        run = run[:-1]
    if run:
        yield run


def read_quantity(tokens: list[Token]) -> Optional[Quantity]:
    """A number phrase as a Quantity; None when it is no count (a year, a "one of")."""
    value, vague = parse_number([t.text for t in tokens])
    if value is None and not vague:
        return None
    last = tokens[-1]
    head = last if last.dep_ not in ("nummod", "quantmod", "compound") else last.head
    of = [p for c in last.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    counted = of[0] if of else head
    other = any(c.lower_ in cues()["other"] for c in [*head.children, *counted.children])
    return Quantity(None if vague else int(value), head.i, counted.i, other)


def classify(q: Quantity, doc, triggers: set[int]) -> Optional[Finding]:
    """What a number counts, read off the parse; None when it counts nothing coded here."""
    c = cues()
    head, counted = doc[q.head], doc[q.counted]
    if counted.i in triggers and counted.tag_ in ("NNS", "NNPS"):
        return Finding("count", q.value, counted.i)
    verb = head.head
    for field, verbs, words in (("fatalities", c["kill"], c["dead"]), ("injured", c["injure"], c["hurt"]),
                                ("arrested", c["arrest"], c["held"])):
        if head.dep_ in PATIENTS and verb.lemma_ in verbs and not (head.dep_ == "nsubj" and verb.lemma_ != "die"):
            return Finding(field, q.value, verb.i, q.other)
        if counted.lemma_ in words or any(ch.lower_ in words for ch in head.children):
            return Finding(field, q.value, verb.i, q.other)
        if head.dep_ == "pobj" and _under(head, words):
            return Finding(field, q.value, head.i, q.other)
    doer = head.dep_ == "nsubj" or (head.dep_ == "pobj" and head.head.lower_ == "by")
    if doer and verb.i in triggers and head.lemma_ not in c["dead"]:
        return Finding("participants", q.value, head.i)
    return None


def _under(token: Token, words: frozenset[str]) -> bool:
    """Whether a number hangs from a clause about one of `words` ("the death toll rose to 12")."""
    verb = token.head.head
    return any(t.lemma_ in words for t in verb.subtree if t.dep_ in ("nsubj", "nsubjpass", "compound"))


def singular_victims(sent: Span, triggers: set[int]) -> Iterator[Finding]:
    """A killing verb whose patient is one person counts one dead ("Khashoggi was murdered",
    "a prisoner died", "killed the deputy chief")."""
    kill = cues()["kill"]
    for token in sent:
        if token.lemma_ not in kill or token.pos_ != "VERB":
            continue
        deps = ("nsubjpass", "dobj", "nsubj") if token.lemma_ == "die" else ("nsubjpass", "dobj")
        for child in token.children:
            if child.dep_ in deps and child.tag_ in ("NN", "NNP") and not any(c.dep_ == "nummod" for c in child.children):
                yield Finding("fatalities", 1, token.i)


def aggregate_tallies(sent: Span, triggers: set[int]) -> Iterator[Finding]:
    """ "The number of attacks had exceeded 180": a tally noun over a plural trigger, and its number."""
    tally = cues()["tally"]
    for token in sent:
        if token.lemma_ in tally and token.dep_ in ("nsubj", "nsubjpass"):
            of = [p for c in token.children if c.lower_ == "of" for p in c.children if p.i in triggers]
            if of:
                value = _clause_number(token.head, token)
                yield Finding("count", value, of[0].i)


def _clause_number(verb: Token, exclude: Token) -> Optional[int]:
    """The first number in a clause outside one phrase of it."""
    skip = {t.i for t in exclude.subtree}
    for tokens in number_phrases(verb.doc[verb.left_edge.i:verb.right_edge.i + 1]):
        if tokens[0].i not in skip:
            value, _ = parse_number([t.text for t in tokens])
            return int(value) if value else None
    return None


def sentence_findings(document: Document, n: int, triggers: set[int]) -> list[Finding]:
    """Every number reading of one sentence."""
    sent, doc = document.sentences[n], document.doc
    found = list(aggregate_tallies(sent, triggers))
    for tokens in number_phrases(sent):
        q = read_quantity(tokens)
        finding = classify(q, doc, triggers) if q else None
        if finding:
            found.append(finding)
    return found + list(singular_victims(sent, triggers))


def related(document: Document, event: Event, anchor: Token) -> bool:
    """Whether a number's anchor lies in the event trigger's clause, or in one hanging from it."""
    head = trigger_head(document, event)
    if anchor.i in event.trigger:
        return True
    clause, own = clause_head(head), clause_head(anchor)
    return own.i == clause.i or own.head.i in (clause.i, head.i)


def owner(document: Document, finding: Finding, events: list[Event], earlier: list[Event]) -> Optional[Event]:
    """The event a finding belongs to: the one whose clause holds it, else (casualties) the last violent
    one; none for casualties of a mishap or disaster ("a flood killed five"), which no attack caused."""
    anchor = document.doc[finding.anchor]
    if finding.field == "count":
        return next((e for e in events if finding.anchor in e.trigger), None)
    if finding.field in ("fatalities", "injured") and mishap_cause(anchor) is not None:
        return None
    kinds = EVENT_KINDS.get(finding.field)
    mine = [e for e in events if related(document, e, anchor)
            and (kinds is None or e.event_type in kinds or anchor.i in e.trigger)]
    if mine:
        return min(mine, key=lambda e: abs(e.trigger[0] - finding.anchor))
    if finding.field in ("fatalities", "injured"):
        before = earlier + [e for e in events if e.trigger[0] < finding.anchor]
        return next((e for e in reversed(before) if e.event_type in VIOLENT), None)
    return None


def restated(document: Document, event: Event, earlier: list[Event]) -> Optional[Event]:
    """The earlier violent event an agentless killing restates ("The 176 people on board were all killed")."""
    if event.source is not None or document.doc[event.trigger[0]].lemma_ not in cues()["kill"]:
        return None
    return next((e for e in reversed(earlier) if e.event_type in VIOLENT), None)


def find_quantities(document: Document) -> list[tuple[Event, Finding]]:
    """(event, finding) pairs for the whole document; pure."""
    pairs = []
    for n in range(len(document.sentences)):
        events = [e for e in document.events if e.sentence == n]
        earlier = [e for e in document.events if n - LOOKBACK <= e.sentence < n]
        triggers = {i for e in events for i in e.trigger}
        for finding in sentence_findings(document, n, triggers):
            event = owner(document, finding, events, earlier)
            if event:
                pairs.append((event, finding))
                also = restated(document, event, earlier) if finding.field != "count" else None
                pairs += [(also, finding)] if also else []
    return pairs


def set_quantities(pairs: list[tuple[Event, Finding]]) -> None:
    """Record each finding on its event: the first reading of a field wins; one "other" reading
    adds to it (a second restates it: a headline's "and five others" and the body's "five other civilians")."""
    added: set[tuple[int, str]] = set()
    for event, finding in pairs:
        if finding.field == "count":
            event.aggregate = True
            event.count = event.count or finding.value
            continue
        current = getattr(event, finding.field)
        if current is None:
            setattr(event, finding.field, finding.value)
        elif finding.other and finding.value and (id(event), finding.field) not in added:
            added.add((id(event), finding.field))
            setattr(event, finding.field, current + finding.value)


@components.register("quantities")
def make_quantities(config: Config) -> Callable[[Document], None]:
    """Component that fills the numeric fields of each event."""
    def quantities(document: Document) -> None:
        set_quantities(find_quantities(document))
    return quantities
