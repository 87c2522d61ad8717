"""Implicit targets: a recipient for events whose text names none, after places are known.

PLOVER codes a recipient for most events even where the sentence gives it only as a place
or leaves it implied. This stage runs after `places` and fills a missing target, in order:
1. The place the event happens, when the sentence itself names it: "agreed to set up an
   energy research center in Tokyo" -> JPN; "fired shells at targets in Jericho" -> PSE.
   The recipient is that country's generic actor, its government for types aimed at a
   government (protests, rejections, demands). A place inside the source's own words
   ("Sudan's government") is the actor's home, not a recipient.
2. For domestic types (data/event_cues.yaml, `own_country_types`) by a state actor with no
   place given, the source's own country: landowners on hunger strike protest their own
   government; a ministry refusing a permit refuses its own people.
Implied targets are guesses: each lowers the event's confidence and says so in `explain`.
"""
from __future__ import annotations

from typing import Callable, Optional

from .config import Config
from .events_lexicon import cues
from .model import Actor, Document, Event
from .registry import components

NON_STATES = frozenset({"IGO", "UNO", "EUR", "NGO", "IMG", "MNC"})
IMPLIED_CONFIDENCE = 0.85


@components.register("implicit_targets")
def make_implicit_targets(config: Config) -> Callable[[Document], None]:
    """Component that gives target-less events the recipient their place or type implies."""
    cue = cues()

    def implicit_targets(document: Document) -> None:
        for event in document.events:
            if event.target is None and event.source is not None:
                target = place_target(document, event, cue.government_directed) or \
                    own_country_target(event, cue.own_country_types, cue.government_directed)
                if target is not None:
                    record_target(event, target)
    return implicit_targets


def place_target(document: Document, event: Event, government_directed: frozenset[str]) -> Optional[Actor]:
    """The generic actor of the country where the sentence says the event happens."""
    place = event.location
    if place is None or not place.country or place.country in NON_STATES:
        return None
    sentence = document.sentences[event.sentence].text
    if place.name not in sentence or place.name in (event.source.text if event.source else ""):
        return None
    return Actor(name=place.name, text=place.name, country=place.country,
                 roles=["GOV"] if event.event_type in government_directed else [])


def own_country_target(event: Event, domestic: frozenset[str], government_directed: frozenset[str]) -> Optional[Actor]:
    """For a domestic type by a state actor, its own country: the government when a citizen acts, else the people."""
    source = event.source
    if event.event_type not in domestic or source is None or not source.country or source.country in NON_STATES:
        return None
    aimed_up = event.event_type in government_directed and "GOV" not in source.roles
    return Actor(name=source.country, text=source.country, country=source.country,
                 roles=["GOV"] if aimed_up else [])


def record_target(event: Event, target: Actor) -> None:
    """Set an implied target, lowering the event's confidence and saying why."""
    event.target = target
    event.confidence = round(event.confidence * IMPLIED_CONFIDENCE, 3)
    event.explain.append(f"target implied: {target.country} ({target.text})")
