"""Resolve actor candidates within one document: focus country, coreference, office holders.

No coreference model: later short forms ("Al-Sudani", "the minister", "the group"),
pronouns and unqualified domestic actors ("the prime minister", "police") are linked to
earlier mentions, to the office holder of the document's date, or to the document's
focus country by a few general rules.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Optional

from .actors_find import STATE_KINDS, Candidate, Place, same_surname
from .kb import Entry, KnowledgeBase
from .model import Actor

GROUP_NOUNS = ("group", "organisation", "organization", "movement", "faction", "coalition")
SENTENCE_WEIGHT = (3, 2)
GROUP_REACH = 2
STATE_NOUNS = frozenset({"country", "nation", "state", "government"})
NON_STATES = frozenset({"IGO", "UNO", "EUR", "NGO", "IMG", "MNC"})
LOCAL_SECTORS = frozenset({"CVL", "REB", "COP", "UAF", "CRM", "UNK", "LAB", "EDU", "AGR", "OPP"})
LOCAL_BODIES = LOCAL_SECTORS | {"GOV", "LEG", "MIL", "JUD"}
MOVEMENT_SECTORS = ("OPP", "REB", "PTY", "REL")


@dataclass
class Resolved:
    """A candidate with the actor it resolved to."""

    cand: Candidate
    actor: Actor


def focus_country(cands: list[Candidate], places: list[tuple[int, str]], title: list[str]) -> Optional[str]:
    """The country the document is about: states, nationalities and places, lead and title weighted;
    a destination ("flights to Cuba") counts half, the story is more about who goes than where."""
    votes: Counter[str] = Counter()
    named = [(c.sentence, c.country_named, 0.5 if c.destination else 1.0) for c in cands
             if c.kind != "pronoun" and c.country_named]
    for sentence, country, share in named + [(n, country, 1.0) for n, country in places]:
        if country not in NON_STATES:
            votes[country] += share * (SENTENCE_WEIGHT[sentence] if sentence < len(SENTENCE_WEIGHT) else 1)
    for country in title:
        votes[country] += 2
    return votes.most_common(1)[0][0] if votes else None


class Resolver:
    """Walks a document's candidates in order, linking each to what came before."""

    def __init__(self, kb: KnowledgeBase, focus: Optional[str], date: Optional[str],
                 local: Optional[dict[int, list[Place]]] = None,
                 nationalities: Optional[dict[str, tuple[str, list[str]]]] = None):
        """Resolve against `kb`, the focus country, the date (for office holders), each sentence's
        event places and the countries the document gives unknown people."""
        self.kb, self.focus, self.date, self.local = kb, focus, date, local or {}
        self.nationalities = nationalities or {}
        self.done: list[Resolved] = []

    def home(self, cand: Candidate) -> Optional[str]:
        """Country of an actor the text does not place: civilians, police, rebels and domestic bodies
        (parliament, army) belong where their sentence's events happen ("20 people were killed in
        Juba"; bodies only in their own clause: "stormed the parliament in Yerevan"), others to the focus."""
        places = self.local.get(cand.sentence, [])
        if not cand.person:
            places = [p for p in places if p.clause == cand.clause]
        if places and cand.roles and set(cand.roles) <= (LOCAL_SECTORS if cand.person else LOCAL_BODIES):
            return min(places, key=lambda p: abs(p.token - cand.root)).country
        return self.focus

    def resolve(self, cand: Candidate) -> Optional[Actor]:
        """The actor a candidate refers to, or None for a pronoun with no antecedent."""
        if cand.kind != "role" and cand.domestic and not cand.country:
            cand.country = self.home(cand)
        if cand.first_person:
            actor = self._speaker(cand)
        elif cand.kind == "pronoun":
            antecedent = self.antecedent(cand)
            actor = _copy(antecedent.actor, cand.text) if antecedent else None
        elif cand.person and cand.kind == "named":
            actor = self._person(cand)
        elif cand.kind == "role":
            actor = self._role(cand)
        else:
            actor = self._actor(cand, cand.entries[0] if cand.entries else None)
        if actor is not None:
            self.done.append(Resolved(cand, actor))
        return actor

    def resolve_all(self, cand: Candidate) -> list[Actor]:
        """The actors a candidate refers to: each referent of "the two leaders", else at most one."""
        members = self._members(cand) if cand.count else []
        if len(members) == cand.count > 0:
            actors = [_copy(m.actor, cand.text) for m in members]
            self.done += [Resolved(cand, a) for a in actors]
            return actors
        actor = self.resolve(cand)
        return [actor] if actor is not None else []

    def _speaker(self, cand: Candidate) -> Optional[Actor]:
        """A quotation's "I" is its speaker; its "we" the speaker's side: same country and roles,
        not the person's own id. A quotation with no attribution of its own goes on the one just
        before it. None when no speaker was found (resolve first persons last)."""
        if cand.speaker is not None:
            speaker = next((d for d in self.done if d.cand.root == cand.speaker), None)
        elif cand.quoted:
            speaker = next((d for d in reversed(self.done) if d.cand.first_person
                            and cand.sentence - 1 <= d.cand.sentence <= cand.sentence), None)
        else:
            speaker = None
        if speaker is None:
            return None
        actor = _copy(speaker.actor, cand.text)
        if cand.plural:
            actor.id = None
        return actor

    def _members(self, cand: Candidate) -> list[Resolved]:
        """The most recent distinct earlier actors of the group noun's kind, in text order: persons
        for "men" and "leaders", states for "countries", any actor for "sides"; none when the
        group was itself named before ("two men were arrested ... the two men")."""
        found: dict[str, Resolved] = {}
        for done in reversed(self.done):
            if len(found) == cand.count or done.cand.sentence < cand.sentence - GROUP_REACH:
                break
            if done.cand.plural and done.cand.titles[-1:] == cand.titles[-1:]:
                return []
            if done.cand.root < cand.root and done.cand.kind != "pronoun" and _member_kind(cand, done.cand) \
                    and done.actor.name not in found:
                found[done.actor.name] = done
        return list(reversed(found.values()))

    def _actor(self, cand: Candidate, entry: Optional[Entry]) -> Actor:
        """The actor for a candidate as it stands, its KB entry giving name and id."""
        roles = list(dict.fromkeys(cand.roles or (entry.roles if entry else [])))
        own = entry is not None and cand.kind not in ("role", "people")
        return Actor(name=entry.name if own else (cand.name or cand.text), text=cand.text, country=cand.country,
                     roles=roles, id=entry.id if entry and cand.kind != "people" else None)

    def _person(self, cand: Candidate) -> Actor:
        """A named person: an earlier mention of the same surname, else the KB holder of the date."""
        earlier = self._same_person(cand.name or cand.text)
        if earlier is not None:
            actor = _copy(earlier.actor, cand.text)
            actor.roles = list(dict.fromkeys(cand.roles + actor.roles))
            if cand.country and cand.country != actor.country and cand.titles:
                actor.country = cand.country
            return actor
        entry = self._by_date(cand.entries)
        if entry is not None:
            cand.country = cand.country or entry.country
            if "ELI" not in cand.roles:
                cand.roles += [r for r in entry.roles if r not in cand.roles]
        elif (cand.name or cand.text) in self.nationalities and not cand.country:
            cand.country, roles = self.nationalities[cand.name or cand.text]
            cand.roles = cand.roles or list(roles)
        elif not cand.country and (not cand.titles or any(self.kb.roles[t].domestic for t in cand.titles)):
            cand.country = self.focus
        return self._actor(cand, entry)

    def _same_person(self, name: str) -> Optional[Resolved]:
        """The most recent earlier person whose name ends with this one-word name."""
        words = name.split()
        if len(words) != 1:
            return None
        for done in reversed(self.done):
            if done.cand.person and done.cand.kind == "named" and same_surname(done.actor.name.split()[-1], words[0]) \
                    and done.actor.name != name:
                return done
        return None

    def _by_date(self, entries: list[Entry]) -> Optional[Entry]:
        """Of several KB people sharing a name, the one in office on the document's date."""
        if not entries:
            return None
        current = [e for e in entries if e.holds_office_on(self.date)] if self.date else []
        return (current or sorted(entries, key=lambda e: e.start or ""))[-1]

    def _role(self, cand: Candidate) -> Actor:
        """A role phrase: the earlier titled person, the group, the office holder, or the focus state."""
        if cand.definite and not cand.country and not cand.plural:
            earlier = self._earlier_titled(cand)
            if earlier is not None:
                return _copy(earlier.actor, cand.text)
        if cand.possessor is not None and not cand.country:
            owner = self._owner(cand.possessor, cand.possessor_person)
            cand.country = owner.country if owner else None
            cand.roles = self._movement_roles(cand, owner) + cand.roles
        if not cand.country and cand.domestic:
            cand.country = self.home(cand)
        holder = self._holder(cand)
        if holder is not None:
            return Actor(holder.name, cand.text, holder.country, list(dict.fromkeys(cand.roles + list(holder.roles))),
                         holder.id)
        return self._actor(cand, cand.entries[0] if cand.entries else None)

    def _earlier_titled(self, cand: Candidate) -> Optional[Resolved]:
        """"The minister" after "Foreign Minister X"; "the embassy" after "the US Embassy";
        "the group" after a named group."""
        title = cand.titles[-1] if cand.titles else ""
        for done in reversed(self.done):
            if title in GROUP_NOUNS:
                if done.cand.entries and done.cand.entries[0].kind in ("group", "org"):
                    return done
            elif done.cand.kind in ("named", "role") and done.actor.country and any(
                    t == title or t.endswith(" " + title) for t in done.cand.titles):
                return done
        return None

    def _owner(self, pronoun: int, person: bool) -> Optional[Actor]:
        """The actor a possessive pronoun points back to: the nearest state or group for "its
        troops", the subject person of the nearest sentence naming one for "his supporters"."""
        fits = [d for d in self.done if d.cand.root < pronoun and d.cand.person == person]
        if not fits:
            return None
        if not person:
            return fits[-1].actor
        same = [d for d in fits if d.cand.sentence == fits[-1].cand.sentence]
        return next((d for d in same if d.cand.subject), same[-1]).actor

    def _movement_roles(self, cand: Candidate, owner: Optional[Actor]) -> list[str]:
        """An opposition, rebel, party or religious figure's own people ("his supporters", "her
        aides") belong to that movement, as "X's spokesman" takes X's sector."""
        if owner is None or not cand.possessor_person or not cand.titles:
            return []
        if not self.kb.roles[cand.titles[-1]].generic:
            return []
        return [r for r in owner.roles if r in MOVEMENT_SECTORS and r not in cand.roles]

    def _holder(self, cand: Candidate) -> Optional[Entry]:
        """The KB holder of a singular office title ("the president", "the Iraqi prime minister")."""
        if cand.plural or not cand.titles:
            return None
        office = self.kb.roles[cand.titles[-1]].office
        return self.kb.holder(cand.country, office, self.date) if office else None

    def antecedent(self, cand: Candidate) -> Optional[Resolved]:
        """Nearest compatible earlier actor, preferring the subject of the nearest sentence that has one."""
        fits = [d for d in self.done if d.cand.root < cand.root and _compatible(cand, d.cand) and not _bound(cand, d.cand)]
        if not fits:
            return None
        sentence = fits[-1].cand.sentence
        if cand.after_thing and sentence < cand.sentence:
            return None
        same = [d for d in fits if d.cand.sentence == sentence]
        subjects = [d for d in same if d.cand.subject]
        return (subjects or same)[0] if sentence < cand.sentence else (subjects or same)[-1]


def _compatible(pronoun: Candidate, cand: Candidate) -> bool:
    """he/she take people; they take plurals and groups; it takes states, groups and bodies."""
    if cand.kind == "pronoun":
        return False
    if pronoun.person:
        return cand.person and not cand.plural
    if pronoun.plural:
        return cand.plural or (not cand.person and bool(cand.entries) and cand.entries[0].kind in ("group", "org"))
    return not cand.person and not cand.plural


def _member_kind(group: Candidate, cand: Candidate) -> bool:
    """Whether an earlier actor can be one of a group noun's referents."""
    title = group.titles[-1] if group.titles else ""
    if group.person:
        return cand.person and not cand.plural
    if title in STATE_NOUNS:
        return bool(cand.entries) and cand.entries[0].kind in STATE_KINDS and not cand.plural
    return True


def _bound(pronoun: Candidate, cand: Candidate) -> bool:
    """Principle B: in "police fired tear gas at them", a non-reflexive object pronoun cannot
    mean its own clause's subject."""
    return (not pronoun.subject and cand.subject and cand.sentence == pronoun.sentence
            and cand.clause == pronoun.clause and not pronoun.text.lower().endswith(("self", "selves")))


def _copy(actor: Actor, text: str) -> Actor:
    """The same actor, as referred to by other words."""
    return Actor(actor.name, text, actor.country, list(actor.roles), actor.id)
