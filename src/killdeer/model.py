"""The document model every pipeline stage reads and writes.

A `Document` enters the pipeline from ingest with its text and metadata. Each stage
adds its findings to it: parse sets `doc` (the spaCy Doc) and `sentences`, time adds `timexes`,
actors adds `mentions`, events adds `events` (and `dropped` for candidates it
rejected), places and numbers fill fields on the events. Output turns events into
records. Stages share this model and nothing else.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional


@dataclass
class Actor:
    """A resolved actor: who, for which country, in what roles."""

    name: str
    text: str
    country: Optional[str] = None
    roles: list[str] = field(default_factory=list)
    id: Optional[str] = None

    def as_record(self) -> dict[str, Any]:
        """The actor as the schema's JSON object."""
        return {"name": self.name, "text": self.text, "country": self.country,
                "roles": list(self.roles), "id": self.id}


@dataclass
class Place:
    """A place resolved against the gazetteer."""

    name: str
    country: Optional[str] = None
    admin1: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonameid: Optional[int] = None
    feature: Optional[str] = None

    def as_record(self) -> dict[str, Any]:
        """The place as the schema's JSON object."""
        return {"name": self.name, "country": self.country, "admin1": self.admin1,
                "lat": self.lat, "lon": self.lon, "geonameid": self.geonameid,
                "feature": self.feature}


@dataclass
class Mention:
    """A stretch of text that refers to an actor, with the actor it resolves to.

    `start`/`end` are token indices in the parsed doc (end exclusive); `root` is the
    syntactic head token of the mention, the token event arguments attach to.
    `kind` says how it was recognised: named, nationality, role, pronoun, metonym...
    """

    start: int
    end: int
    root: int
    sentence: int
    actor: Actor
    kind: str = "named"
    confidence: float = 1.0


@dataclass
class Timex:
    """A temporal expression resolved to an ISO value at its own precision."""

    start: int
    end: int
    sentence: int
    text: str
    value: str
    precision: str  # "day", "month", "year"


@dataclass
class Event:
    """One coded event, built up stage by stage before it becomes a record."""

    event_type: str
    sentence: int
    trigger: list[int]
    mode: Optional[str] = None
    contexts: list[str] = field(default_factory=list)
    source: Optional[Actor] = None
    target: Optional[Actor] = None
    date: Optional[str] = None
    date_text: Optional[str] = None
    location: Optional[Place] = None
    fatalities: Optional[int] = None
    injured: Optional[int] = None
    arrested: Optional[int] = None
    participants: Optional[int] = None
    count: Optional[int] = None
    aggregate: bool = False
    confidence: float = 0.5
    explain: list[str] = field(default_factory=list)


@dataclass
class Dropped:
    """A candidate event a stage rejected, kept so `--explain` can say why."""

    event: Event
    reason: str


@dataclass
class Document:
    """One article and everything the pipeline has found in it."""

    id: str
    text: str
    title: Optional[str] = None
    date: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    origin: Optional[str] = None
    date_inferred: Optional[str] = None
    focus_country: Optional[str] = None
    doc: Any = None
    sentences: list[Any] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)

    def mentions_at(self, token: int) -> list[Mention]:
        """Every mention rooted at `token` ("Hungarian and Romanian officials" has two)."""
        return [m for m in self.mentions if m.root == token]

    def mention_at(self, token: int) -> Optional[Mention]:
        """The mention whose root is `token`, else the narrowest one covering it."""
        covering = [m for m in self.mentions if m.start <= token < m.end]
        for m in covering:
            if m.root == token:
                return m
        return min(covering, key=lambda m: m.end - m.start, default=None)


class DocumentError(Exception):
    """A document that cannot be coded, with where it came from."""

    def __init__(self, origin: str, message: str):
        super().__init__(f"{origin}: {message}")
        self.origin = origin
        self.message = message
