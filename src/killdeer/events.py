"""Events stage: find event triggers, type them, and attach source and target."""
from __future__ import annotations

from typing import Callable

from .config import Config
from .model import Document, Event
from .registry import components

TRIGGERS = {"attack": "ASSAULT", "meet": "CONSULT", "urge": "REQUEST", "condemn": "ACCUSE"}


@components.register("events")
def make_events(config: Config) -> Callable[[Document], None]:
    """Component that codes each sentence's events."""
    def events(document: Document) -> None:
        for n, sent in enumerate(document.sentences):
            for token in sent:
                kind = TRIGGERS.get(token.lemma_) if token.pos_ == "VERB" else None
                if kind is None:
                    continue
                event = Event(event_type=kind, sentence=n, trigger=[token.i])
                for child in token.children:
                    mention = document.mention_at(child.i)
                    if mention and child.dep_ == "nsubj":
                        event.source = mention.actor
                    elif mention and child.dep_ == "dobj":
                        event.target = mention.actor
                document.events.append(event)
    return events
