"""Actors stage: find actor mentions and resolve them to name, country and roles.

Finding (actors_find, actors_phrase) is pure: it turns each parsed sentence into
candidate phrases. Resolving (actors_resolve) links them within the document. This
module records the result on the Document in one place: `mentions` and `focus_country`.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Optional

from .actors_find import Candidate, Place, document_countries
from .actors_phrase import SentencePhrases
from .actors_resolve import Resolver, focus_country
from .config import Config
from .kb import KnowledgeBase, load_kb
from .model import Document, Mention
from .registry import components

WORD = re.compile(r"[\w.'-]+")
DASHES = frozenset({"—", "–", "-", "--"})


def find_candidates(document: Document, kb: KnowledgeBase) -> tuple[list[Candidate], list[tuple[int, str]],
                                                                     dict[int, list[Place]]]:
    """Every actor candidate of the document in text order, (sentence, country) of its places,
    and each sentence's event places."""
    found: list[Candidate] = []
    places: list[tuple[int, str]] = []
    local: dict[int, list[Place]] = {}
    surnames: frozenset[str] = frozenset()
    context = document_countries(document.doc, kb)
    for n, sent in enumerate(document.sentences):
        if n == 0 and _dateline(sent):
            continue
        phrases = SentencePhrases(sent, n, kb, surnames, context)
        found += phrases.candidates()
        surnames |= {c.name.split()[-1] for c in found if c.person and c.kind == "named" and c.name and " " in c.name}
        places += [(n, country) for country in phrases.place_countries()]
        local[n] = phrases.event_places()
    return found, places, local


def _dateline(sent: Any) -> bool:
    """True for an opening "MOSCOW —": where the reporter files from, not what the story is about."""
    tokens = [t for t in sent if not t.is_space]
    words = [t for t in tokens if not t.is_punct]
    return bool(tokens) and tokens[-1].text in DASHES and 0 < len(words) <= 4 and all(t.pos_ == "PROPN" or t.is_upper for t in words)


def title_countries(title: Optional[str], text: str, kb: KnowledgeBase) -> list[str]:
    """States a title names, when the title is not already the text's first line."""
    if not title or text.lstrip().startswith(title.strip()):
        return []
    words = WORD.findall(title)
    found = []
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i:i + n])
            entries = kb.lookup(phrase)
            state = next((e for e in entries if e.kind == "country"), None) or kb.demonyms.get(phrase.lower())
            if state is not None:
                found.append(state.country)
    return found


def nationalities(cands: list[Candidate]) -> dict[str, tuple[str, list[str]]]:
    """Country and roles the document gives its unknown people anywhere ("Turkish national Hatice
    Cengiz", "Cengiz is a Turkish national"), so that earlier bare mentions need not take the focus."""
    found: dict[str, tuple[str, list[str]]] = {}
    people = {c.root: c for c in cands if c.person and c.kind == "named" and not c.entries}
    for cand in cands:
        subject = people.get(cand.describes) if cand.describes is not None else None
        if subject is not None and subject.name and cand.country:
            found.setdefault(subject.name, (cand.country, cand.roles))
        elif cand.root in people and cand.name and cand.country:
            found.setdefault(cand.name, (cand.country, cand.roles))
    return found


def resolve_mentions(document: Document, cands: list[Candidate], places: list[tuple[int, str]],
                     local: dict[int, list[Place]], kb: KnowledgeBase) -> tuple[list[Mention], Optional[str]]:
    """Resolve candidates in text order into mentions; also return the focus country."""
    focus = focus_country(cands, places, title_countries(document.title, document.text, kb))
    resolver = Resolver(kb, focus, document.date or document.date_inferred, local, nationalities(cands))
    mentions = []
    for cand in sorted(cands, key=lambda c: (c.first_person, c.root, c.start)):
        for actor in resolver.resolve_all(cand):
            mentions.append(Mention(cand.start, cand.end, cand.root, cand.sentence, actor, cand.kind,
                                    0.6 if cand.kind == "pronoun" else 0.9))
    return sorted(mentions, key=lambda m: (m.root, m.start)), focus


@components.register("actors")
def make_actors(config: Config) -> Callable[[Document], None]:
    """Component that records every actor mention the text makes, and the focus country."""
    kb = load_kb(tuple(config.actor_files))

    def actors(document: Document) -> None:
        """Find, resolve and record the document's actor mentions."""
        mentions, focus = resolve_mentions(document, *find_candidates(document, kb), kb)
        document.mentions = mentions
        document.focus_country = focus
    return actors
