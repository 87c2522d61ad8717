"""Implicit targets: a recipient for events whose text names none, after places are known.

PLOVER codes a recipient for most events even where the sentence gives it only as a place
or leaves it implied. This stage runs after `places` and fills a missing target, in order:
1. For protests (data/event_cues.yaml, `grievance_types`), a foreign actor the event's clause
   names other than as a place (`locative_preps`): "blocked a road in Baghdad to show their
   disapproval of the United States' policies" -> USA, even though it happens in Iraq.
2. The place the event happens, when the sentence itself names it: "agreed to set up an
   energy research center in Tokyo" -> JPN; "fired shells at targets in Jericho" -> PSE.
   The recipient is that country's generic actor: its government for types aimed at a
   government (protests, rejections, demands, accusations, sanctions; `government_directed`),
   its people (CVL) for attacks, coercion and threats on a place (`population_directed`).
   A place inside the source's own words ("Sudan's government") is the actor's home, not a recipient.
3. When the event answers a speech act ("denied the accusation", "rejected the demand";
   `speech_act_nouns`) whose phrase names no author, the source of the latest earlier
   accusation, request or threat from another country in the document (`answered_types`);
   with none, no target: rejecting a claim never targets one's own country.
4. When the sentence before has the same kind of act by the same side aimed abroad, its recipient:
   a follow-up request is addressed to the same party.
5. For domestic types (`own_country_types`) by a state actor with no place given, the source's
   own country: landowners on hunger strike protest their own government; a ministry refusing
   a permit refuses its own people.
An implied country actor carries the country's canonical name ("Iran", from the knowledge base)
and, as `text`, the words it came from: the place name, or "" when the sentence names nothing
(an own-country recipient is inferred, not written).
An attack with no named doer gets PLOVER's unidentified actor (UNK) of the country where it
happens (`unknown_attacker`), as the manual codes "two civilians were killed by a bomb".
Types that need a recipient (`recipient_types`: aid, consultations) and still have none after this
are dropped to `document.dropped`: help to nobody or a meeting with no counterpart gives no dyad.
Implied actors are guesses: each lowers the event's confidence and says so in `explain`.
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from spacy.tokens import Token

from .config import Config
from .events_lexicon import Cues, cues
from .kb import KnowledgeBase, load_kb
from .model import Actor, Document, Dropped, Event, Place
from .registry import components
from .syntax import clause_verb

NON_STATES = frozenset({"IGO", "UNO", "EUR", "NGO", "IMG", "MNC"})
IMPLIED_CONFIDENCE = 0.85


@components.register("implicit_targets")
def make_implicit_targets(config: Config) -> Callable[[Document], None]:
    """Component that gives target-less events the recipient their place or type implies."""
    cue, kb = cues(), load_kb(tuple(config.actor_files))

    def implicit_targets(document: Document) -> None:
        for event in document.events:
            if event.source is None:
                attacker = unknown_attacker(document, event, cue.sourceless_types)
                if attacker is not None:
                    record_source(event, attacker)
            if event.target is None and event.source is not None:
                target = implied_target(document, event, cue, kb)
                if target is not None:
                    record_target(event, target)
        drop_recipientless(document, cue.recipient_types)
    return implicit_targets


def drop_recipientless(document: Document, needing: frozenset[str]) -> None:
    """Move events whose type needs a recipient but found none, named or implied, to `dropped`:
    aid to nobody gives an analyst no dyad."""
    lacking = [e for e in document.events if e.target is None and e.event_type in needing]
    document.events = [e for e in document.events if not (e.target is None and e.event_type in needing)]
    document.dropped.extend(Dropped(e, "no recipient, named or implied, for a type that needs one") for e in lacking)


def implied_target(document: Document, event: Event, cue: Cues, kb: KnowledgeBase) -> Optional[Actor]:
    """The recipient a protest's foreign grievance, the event's place, the speech act it answers, or its
    domestic type implies."""
    foreign = foreign_aim(document, event, cue.locative_preps) if event.event_type in cue.grievance_types else None
    if foreign is not None:
        return foreign
    place = place_target(document, event, cue, kb)
    if place is not None:
        return place
    if answers_speech_act(document, event, cue.speech_act_nouns):
        return earlier_speaker(document, event, cue.answered_types)
    repeated = repeated_addressee(document, event)
    if repeated is not None:
        return repeated
    return own_country_target(event, cue.own_country_types, cue.government_directed, kb)


def placed(token: Token, clause: Token, locative: frozenset[str]) -> bool:
    """True when a token hangs from its clause through a place preposition ("in Baghdad", "at a jail")."""
    while token.i != clause.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ in locative:
            return True
        token = token.head
    return False


def foreign_aim(document: Document, event: Event, locative: frozenset[str]) -> Optional[Actor]:
    """The first actor of another country that the event's clause names other than as a place."""
    source = event.source
    clause = clause_verb(document.doc[event.trigger[0]])
    span = range(clause.left_edge.i, clause.right_edge.i + 1)
    for mention in sorted(document.mentions, key=lambda m: m.start):
        actor = mention.actor
        if mention.root in span and actor.country and source is not None and actor.country != source.country \
                and actor.country not in NON_STATES and not placed(document.doc[mention.root], clause, locative):
            return actor
    return None


def answers_speech_act(document: Document, event: Event, speech_nouns: frozenset[str]) -> bool:
    """True when the trigger's object is a speech act ("denied the accusation", "rejected the call")."""
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in speech_nouns
               for i in event.trigger for c in document.doc[i].children)


def earlier_speaker(document: Document, event: Event, answered: frozenset[str]) -> Optional[Actor]:
    """The source of the latest accusation, request or threat from another country in an earlier sentence:
    what a denial answers (a state does not answer its own officials' claims with a denial)."""
    own = event.source.country if event.source else None
    earlier = [e for e in document.events if e.sentence < event.sentence and e.event_type in answered
               and e.source is not None and e.source.country != own]
    return max(earlier, key=lambda e: (e.sentence, e.trigger)).source if earlier else None


def repeated_addressee(document: Document, event: Event) -> Optional[Actor]:
    """The recipient of the same kind of act by the same side in the sentence before: a follow-up
    ("wrote to the US Embassy asking it to waive her immunity. He also urged the immunity be waived")
    is addressed to the same party, not to the speaker's own country."""
    own = event.source.country if event.source else None
    before = [e for e in document.events if e.sentence == event.sentence - 1 and e.event_type == event.event_type
              and e.target is not None and e.source is not None and e.source.country == own
              and e.target.country != own]
    return before[-1].target if before else None


def country_actor(kb: KnowledgeBase, code: str, text: str, roles: list[str]) -> Actor:
    """A country's generic actor under its canonical name ("Iran", not "IRN")."""
    entry = kb.countries.get(code)
    return Actor(name=entry.name if entry else code, text=text, country=code, roles=roles)


def place_target(document: Document, event: Event, cue: Cues, kb: KnowledgeBase) -> Optional[Actor]:
    """The generic actor of the country where the sentence says the event happens."""
    place = named_place(document, event)
    if place is None or place.name in (event.source.text if event.source else ""):
        return None
    return country_actor(kb, place.country, place.name, place_roles(event.event_type, cue))


def place_roles(event_type: str, cue: Cues) -> list[str]:
    """Who in a place an event aims at: its government for demands and protests, its people for
    attacks and threats, neither said otherwise."""
    if event_type in cue.government_directed:
        return ["GOV"]
    return ["CVL"] if event_type in cue.population_directed else []


def own_country_target(event: Event, domestic: frozenset[str], government_directed: frozenset[str],
                       kb: KnowledgeBase) -> Optional[Actor]:
    """For a domestic type by a state actor, its own country: the government when a citizen acts, else the people."""
    source = event.source
    if event.event_type not in domestic or source is None or not source.country or source.country in NON_STATES:
        return None
    aimed_up = event.event_type in government_directed and "GOV" not in source.roles
    return country_actor(kb, source.country, "", ["GOV"] if aimed_up else [])


def named_place(document: Document, event: Event, whole_word: bool = False) -> Optional[Place]:
    """The event's place when it is in a state and the event's own sentence names it, also inside a
    nationality ("Iraqi towns" is in Iraq), or only as a word (`whole_word`: "Nigeria", not "Nigerian")."""
    place = event.location
    if place is None or not place.country or place.country in NON_STATES:
        return None
    text = document.sentences[event.sentence].text
    named = re.search(rf"\b{re.escape(place.name)}\b", text) if whole_word else place.name in text
    return place if named else None


def unknown_attacker(document: Document, event: Event, sourceless: frozenset[str]) -> Optional[Actor]:
    """For an attack with no named doer ("a roadside bomb killed two soldiers near Samarra"), PLOVER's
    generic unidentified actor (UNK) of the country where it happened, when the sentence names the place
    (a victim's nationality says where they are from, not where the attack was)."""
    place = named_place(document, event, whole_word=True)
    if event.event_type not in sourceless or place is None:
        return None
    return Actor(name="unidentified attackers", text="", country=place.country, roles=["UNK"])


def record_source(event: Event, source: Actor) -> None:
    """Set an implied source, lowering the event's confidence and saying why."""
    event.source = source
    event.confidence = round(event.confidence * IMPLIED_CONFIDENCE, 3)
    event.explain.append(f"source implied: unidentified actor in {source.country}")


def record_target(event: Event, target: Actor) -> None:
    """Set an implied target, lowering the event's confidence and saying why."""
    event.target = target
    event.confidence = round(event.confidence * IMPLIED_CONFIDENCE, 3)
    event.explain.append(f"target implied: {target.country} ({target.text or 'own country'})")
