"""Group a sentence's matches into actor phrases around their syntactic heads.

"Iraqi Foreign Minister Fuad Hussein" is one phrase headed by "Hussein": "Minister"
(with "Foreign") and "Iraqi" describe it. "Hungarian and Romanian officials" is two
candidates, both headed by "officials". A capital after a locative preposition ("in
Tehran") is a place, not an actor.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from .actors_find import (
    MODIFIER_DEPS,
    STATE_KINDS,
    Candidate,
    Hit,
    Place,
    find_hits,
    role_at,
    same_surname,
)
from .gazetteer import default_gazetteer
from .kb import Entry, KnowledgeBase, RoleNoun
from .syntax import clause_verb

LINKING_PREPS = ("of", "for")
SUBJECT_DEPS = ("nsubj", "nsubjpass")
PLACE_LABELS = ("GPE", "LOC")
QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''"})
SINGULAR_SPEAKER = frozenset({"i", "me"})


@dataclass
class Info:
    """What the modifiers, appositives and "of X" of one head say about it."""

    states: list[tuple[Entry, int, str]] = field(default_factory=list)  # entry, token, surface
    roles: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    groups: list[Entry] = field(default_factory=list)
    possessor: Optional[int] = None
    location: Optional[str] = None
    ethnic: bool = False
    domestic: bool = False

    def merge(self, other: "Info", roles: bool = True) -> None:
        """Take another phrase's descriptions (its roles only when `roles`)."""
        self.states += other.states
        self.groups += other.groups
        if roles:
            self.roles += other.roles
            self.titles += other.titles
            self.domestic = self.domestic or other.domestic
        if self.possessor is None:
            self.possessor = other.possessor


class SentencePhrases:
    """The actor phrases of one sentence, built from its KB hits, role nouns and pronouns."""

    def __init__(self, sent: Any, n: int, kb: KnowledgeBase, surnames: frozenset[str] = frozenset(),
                 context: frozenset[str] = frozenset()):
        """Match the sentence once; `surnames` are people the document named before it, `context`
        the states it names."""
        self.sent, self.n, self.kb, self.doc = sent, n, kb, sent.doc
        hits = _with_surnames(find_hits(sent, kb, context), sent, surnames)
        self.hits, self.places = _split_places(hits, sent, kb)
        self.roles = self._role_nouns()
        self.heads = self._heads()

    def _role_nouns(self) -> dict[int, tuple[str, RoleNoun]]:
        """Role nouns outside KB names (an unknown ORG entity's head may be one)."""
        found = {}
        for token in self.sent:
            hit = self.hits.get(token.i)
            if hit is not None and (hit.entries or hit.people or (hit.label == "PERSON" and hit.root == token.i)):
                continue
            key, role = role_at(token, self.kb)
            if role is not None and not self._condition(token) and not _in_place_name(token):
                found[token.i] = (key, role)
        return found

    def _condition(self, token: Any) -> bool:
        """True for "a state of emergency", "state of war": the noun names a condition, no actor;
        and for "the movement of workers": a motion noun with a common-noun "of" is a motion."""
        motion = self.kb.cues.get(token.lower_) == "motion"
        return any(c.dep_ == "prep" and c.lower_ == "of" and any(
            self.kb.cues.get(o.lower_) == "condition" or (motion and o.pos_ == "NOUN")
            for o in c.children if o.dep_ == "pobj") for c in token.children)

    def _heads(self) -> set[int]:
        """Tokens that can head an actor phrase: names, people nouns, role nouns, pronouns; not the
        last word of a title like "Secretary of State", which belongs to its first word."""
        heads = {h.root for h in self.hits.values() if h.entries or h.people or h.label}
        heads |= set(self.roles)
        heads |= {t.i for t in self.sent if _pronoun_class(t, self.kb) and t.dep_ != "poss"}
        return heads - {t for t, (key, _) in self.roles.items() if " of " in key}

    def nearest_head(self, token: Any) -> Optional[Any]:
        """The actor head this token modifies, climbing through modifiers and their conjuncts
        ("British" in "US and British forces" modifies "forces", not "US")."""
        u = token
        while u.dep_ in MODIFIER_DEPS or (u.dep_ == "conj" and u.head.dep_ in MODIFIER_DEPS):
            coordinated = u.dep_ == "conj"
            u = u.head
            if u.i in self.heads and not coordinated:
                return u
        return None

    def place_countries(self) -> list[str]:
        """Countries of the sentence's places, for the document's focus; an actor's whereabouts
        ("officials in Nairobi") already votes through that actor's country."""
        return [country for t, country in self.places.items() if not self._located_actor(self.doc[t])]

    def _located_actor(self, token: Any) -> bool:
        """True for the place of "officials in Nairobi": where a person actor is."""
        return token.dep_ == "pobj" and self._whereabouts(token.head.head)

    def _located_actor(self, token: Any) -> bool:
        """True for the place of "officials in Nairobi": where a person actor is."""
        return token.dep_ == "pobj" and self._whereabouts(token.head.head)

    def event_places(self) -> list[Place]:
        """Places where the sentence's events happen: not an actor's own
        whereabouts ("officials in Nairobi"), nor an origin or destination ("flew to Moscow")."""
        found = []
        for t, country in self.places.items():
            token = self.doc[t]
            prep = token.head if token.dep_ == "pobj" else None
            if prep is None or (self.kb.cues.get(prep.lower_) != "goal" and not self._located_actor(token)):
                found.append(Place(t, country, clause_verb(token).i))
        for hit in {id(h): h for h in self.hits.values()}.values():
            token = self.doc[hit.root]
            if hit.entries and hit.entries[0].kind == "country" and token.dep_ == "pobj" and self._setting(token.head):
                found.append(Place(hit.root, hit.entries[0].country, clause_verb(token).i))
        return found

    def _whereabouts(self, head: Any) -> bool:
        """True for a person's own whereabouts ("officials in Nairobi"); a building or body's place
        ("the parliament in Yerevan") is where the events happen."""
        role = self.roles.get(head.i)
        return head.i in self.heads and (role is None or role[1].kind == "person")

    def _setting(self, prep: Any) -> bool:
        """A preposition that sets a state as the scene: "in Iraq", or "a strike on Iraq"."""
        if self.kb.cues.get(prep.lower_) == "locative":
            return prep.head.i not in self.heads
        return prep.lower_ in ("on", "against") and self._military_noun(prep.head)

    def candidates(self) -> list[Candidate]:
        """Every actor candidate of the sentence, heads first then stray nationality adjectives."""
        out: list[Candidate] = []
        for token in self.sent:
            if token.i in self.heads and self.nearest_head(token) is None and (
                    not self._is_appositive(token) or self._titled_person(token)):
                out += self._head_candidates(token)
            elif self._stray_nationality(token):
                out.append(self._nationality(token))
        return out

    def _titled_person(self, token: Any) -> bool:
        """A named person in apposition to a role noun ("Qatar's emir, Sheikh Hamad")."""
        hit = self.hits.get(token.i)
        return hit is not None and hit.label == "PERSON" or bool(hit and hit.entries and hit.entries[0].kind == "person")

    def _is_appositive(self, token: Any) -> bool:
        """An appositive ("Lorenzana, the Defence Secretary") describes its head, it is no new actor."""
        return token.dep_ == "appos" and token.head.i in self.heads

    def _stray_nationality(self, token: Any) -> bool:
        """A nationality or state modifying a non-actor noun ("French mediation", "Israel's wish")."""
        hit = self.hits.get(token.i)
        if hit is None or hit.root != token.i or token.i in self.heads or hit.state is None or hit.sponsor:
            return False
        return self.nearest_head(token) is None

    def _nationality(self, token: Any) -> Candidate:
        """A nationality adjective standing for its state, spanning up to the noun it modifies."""
        state = self.hits[token.i].state
        end = max(token.i, token.head.i) + 1 if token.head.i > token.i else self.hits[token.i].end
        return Candidate(self.hits[token.i].start, end, token.i, self.n, "nationality", self.doc[token.i:end].text,
                         entries=[state], name=state.name, country=state.country, country_named=state.country,
                         roles=self._modified_roles(token),
                         subject=token.dep_ in SUBJECT_DEPS)

    def _modified_roles(self, token: Any) -> list[str]:
        """Roles of what a stray nationality modifies: its role-noun compounds ("Israeli army
        bulldozers"), civilians for a people noun ("Iraqi Kurds") or for where civilians live
        ("Palestinian homes", "Iraqi towns"), else the state (GOV)."""
        noun = token.head
        if self._military_act(token):
            return ["MIL"]
        if self.kb.cues.get(noun.lemma_.lower()) == "dwelling":
            return ["CVL"]
        roles = [r for c in noun.children if c.dep_ == "compound" and c.i in self.roles for r in self.roles[c.i][1].roles]
        if roles:
            return roles
        people = noun.ent_type_ == "NORP" or (noun.tag_ in ("NNS", "NNPS") and noun.pos_ == "PROPN")
        return ["CVL"] if people else ["GOV"]

    def _military_act(self, token: Any) -> bool:
        """True for a state naming who did a military act ("US airstrike", "Israeli air raids")."""
        noun = token
        while noun.dep_ in ("compound", "amod") and noun.head.i > noun.i:
            noun = noun.head
        return noun.i != token.i and self._military_noun(noun)

    def _armed_state_roles(self, cand: Candidate, head: Any) -> list[str]:
        """MIL for a state named as doing a military act ("US airstrike", "Syria shelled the town")."""
        kind = cand.entries[0].kind if cand.entries else ""
        if kind in STATE_KINDS and self._military_act(head):
            return ["MIL"]
        if cand.kind == "named" and kind == "country" and self._military_subject(head):
            return ["MIL", "GOV"]
        return []

    def _military_subject(self, head: Any) -> bool:
        """True for a state acting militarily: "Syria shelled", "Iran fired missiles", "Turkey
        launched an offensive" (PLOVER codes the military sector for armed action)."""
        verb = head.head
        if head.dep_ != "nsubj" or verb.pos_ != "VERB":
            return False
        return self.kb.cues.get(verb.lemma_.lower()) == "military" or any(
            c.dep_ == "dobj" and self._military_noun(c) for c in verb.children)

    def _military_noun(self, noun: Any) -> bool:
        """A noun naming a military act: "raid", "shelling", "air strike", "drone strike"."""
        words = [noun.lower_, noun.lemma_.lower()] + [f"{c.lower_} {noun.lemma_.lower()}" for c in noun.children
                                                       if c.dep_ == "compound"]
        return any(self.kb.cues.get(w) == "military" for w in words)

    def info(self, head: Any) -> Info:
        """What the phrase headed by `head` says about it, from every descriptor below it."""
        info = Info()
        for token in self.doc[max(head.left_edge.i, self.sent.start):head.i]:
            if token.i in self.hits and self.hits[token.i].root != token.i and token.i not in self.roles:
                continue
            nearest = self.nearest_head(token)
            if nearest is None or nearest.i != head.i:
                continue
            self._describe(token, info)
        if head.dep_ == "appos" and head.head.i in self.roles and self._titled_person(head):
            info.merge(self.info(head.head))
            self._add_own_role(head.head, info)
        for child in head.children:
            if child.dep_ == "appos" and child.i in self.roles:
                info.merge(self.info(child))
                self._add_own_role(child, info)
            elif child.dep_ == "prep" and child.lower_ in LINKING_PREPS:
                self._add_linked(head, child, info)
            elif child.dep_ in ("amod", "compound") and child.lower_ == "ethnic":
                info.ethnic = True
        info.location = info.location or self._location(head)
        return info

    def _location(self, head: Any) -> Optional[str]:
        """Country of "militants in Iraq", "a group based in Trinidad": where the actor is."""
        for child in head.children:
            cue = self.kb.cues.get(child.lower_)
            if child.dep_ == "acl" and cue == "based":
                return self._location(child)
            if child.dep_ == "acl" and cue == "origin":
                return next(filter(None, (self._place_country(t) for t in child.subtree)), None)
            if child.dep_ == "prep" and child.lower_ in ("in", "from"):
                return next(filter(None, (self._place_country(t) for t in child.children if t.dep_ == "pobj")), None)
        return None

    def _place_country(self, token: Any) -> Optional[str]:
        """The country a state, capital or gazetteer place token stands for."""
        hit = self.hits.get(token.i)
        if hit is not None and hit.root == token.i and hit.entries and hit.entries[0].kind in STATE_KINDS:
            return hit.entries[0].country
        return self.places.get(token.i)

    def _describe(self, token: Any, info: Info) -> None:
        """Add one modifier's meaning: a state, a group, a role noun or a possessive pronoun."""
        if token.i in self.places and info.location is None:
            info.location = self.places[token.i]
        hit = self.hits.get(token.i)
        if hit is not None and not hit.sponsor:
            if hit.entries and hit.entries[0].kind in ("org", "group"):
                info.groups.append(hit.entries[0])
            elif hit.state is not None:
                info.states.append((hit.state, token.i, self.doc[hit.start:hit.end].text))
                if self._title_before_name(hit):
                    info.roles += [r for r in hit.entries[0].roles if r not in info.roles]
            if hit.entries and hit.entries[0].kind == "person":
                return
        if token.i in self.roles:
            info.merge(self.info(token))
            self._add_own_role(token, info)
        if token.dep_ == "poss" and _pronoun_class(token, self.kb):
            info.possessor = token.i
        elif token.dep_ == "poss" and hit is not None and hit.label == "PERSON":
            info.domestic = True

    def _title_before_name(self, hit: Hit) -> bool:
        """True for an institution's title right before a person's name ("Secretary of
        Transportation Elaine Chao"): the person holds that office, so takes its sector."""
        after = self.hits.get(hit.end)
        return bool(hit.entries) and hit.entries[0].kind == "seat" and after is not None and (
            after.label == "PERSON" or bool(after.entries and after.entries[0].kind == "person"))

    def _add_own_role(self, token: Any, info: Info) -> None:
        """Add the role noun at `token` itself; a former office holder is one of the elite (ELI)."""
        if token.i in self.roles:
            key, role = self.roles[token.i]
            info.roles += _as_former(role.roles) if self._former(token) else role.roles
            info.titles.append(key)
            info.domestic = info.domestic or role.domestic

    def _former(self, token: Any) -> bool:
        """True for "former President", "ousted leader", "ex-minister"."""
        first = token.left_edge.i if token.left_edge.i >= self.sent.start else token.i
        return any(self.kb.cues.get(t.lower_) == "former" for t in self.doc[first:token.i])

    def _add_linked(self, head: Any, prep: Any, info: Info) -> None:
        """ "President of Armenia", "members of parliament", "Mijares of the police"."""
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or pobj.i not in self.heads:
                continue
            linked = self.info(pobj)
            hit = self.hits.get(pobj.i)
            if hit is not None and hit.root == pobj.i:
                self._describe(pobj, linked)
            self._add_own_role(pobj, linked)
            role = self.roles.get(head.i)
            takes_roles = role is None or role[1].generic or not role[1].roles
            info.merge(linked, roles=takes_roles)

    def _head_candidates(self, head: Any) -> list[Candidate]:
        """One candidate per state the phrase names in a conjunction, else one."""
        info = self.info(head)
        base = self._base(head, info)
        groups = _conjoined_states(info.states, self.doc)
        if len(groups) < 2:
            return [base]
        out = []
        for entry, _, surface in groups:
            single = Candidate(**{**base.__dict__, "roles": list(base.roles), "titles": list(base.titles)})
            single.country = single.country_named = entry.country
            single.name = f"{surface} {self._role_text(head)}".strip()
            out.append(single)
        return out

    def _base(self, head: Any, info: Info) -> Candidate:
        """The candidate for a head: identity, explicit country, roles, number, definiteness."""
        hit = self.hits.get(head.i)
        role = self.roles.get(head.i)
        start = max(min(head.left_edge.i, hit.start if hit else head.i), self.sent.start)
        end = max(head.i + 1, hit.end if hit and hit.root == head.i else 0)
        cand = Candidate(start, end, head.i, self.n, "role", self.doc[start:end].text,
                         subject=_subject(head), possessor=info.possessor,
                         destination=head.dep_ == "pobj" and self.kb.cues.get(head.head.lower_) == "goal",
                         plural=head.tag_ in ("NNS", "NNPS"), clause=clause_verb(head).i)
        cand.titles = list(info.titles)
        owner = self.doc[info.possessor] if info.possessor is not None else None
        cand.possessor_person = owner is not None and _pronoun_class(owner, self.kb) == "person"
        if hit is not None and hit.root == head.i:
            _name_from_hit(cand, hit, self.doc)
            cand.roles = self._armed_state_roles(cand, head) or cand.roles
            titles = [t for t in range(hit.start, hit.root) if t in self.roles]
            if titles and not hit.entries:
                cand.name = self.doc[titles[-1] + 1:hit.end].text
            if not hit.entries and any(self.kb.roles[t].kind == "person" for t in info.titles):
                cand.person = True
        elif role is None:
            cand.start, cand.text = head.i, head.text
            kind = _pronoun_class(head, self.kb)
            cand.kind, cand.person = "pronoun", kind == "person" or head.lower_ in SINGULAR_SPEAKER
            cand.plural = kind == "plural" or (kind == "speaker" and not cand.person)
            cand.after_thing = kind == "thing" and cand.subject and _after_thing(head, self.kb)
            if kind == "speaker":
                cand.first_person, cand.quoted = True, _quoted(head)
                cand.speaker = quote_speaker(head, self.kb) if cand.quoted else None
        named = self._appositive_person(head) if hit is None else None
        if named is not None:
            _name_from_hit(cand, named, self.doc)
            cand.end = max(cand.end, named.end)
            cand.text = self.doc[start:cand.end].text
        if role is not None:
            key, noun = role
            head_roles = _as_former(noun.roles) if self._former(head) else list(noun.roles)
            cand.roles = info.roles + head_roles if noun.generic else head_roles + info.roles
            cand.titles.append(key)
            cand.person = cand.person or noun.kind == "person"
            cand.domestic = (noun.domestic or (noun.generic and info.domestic)) and not any(
                c.dep_ in ("amod", "compound") and self.kb.cues.get(c.lower_) == "global" for c in head.children)
            cand.definite = any(c.lower_ in ("the", "this", "that") for c in head.children if c.dep_ == "det")
            cand.count = self._group_size(head) if cand.plural else 0
            cand.describes = _copula_subject(head)
            cand.name = cand.name or self._role_name(head, info)
        else:
            cand.roles = info.roles + [r for r in cand.roles if not ("ELI" in info.roles and r == "GOV")]
        _set_country(cand, info)
        return cand

    def _group_size(self, head: Any) -> int:
        """How many known actors "the two men", "both leaders", "the three countries" refer back to;
        0 for an indefinite count ("two men were killed")."""
        words = [c.lower_ for c in head.children if c.dep_ in ("det", "predet", "preconj", "nummod")]
        sizes = [int(self.kb.cues[w]) for w in words if self.kb.cues.get(w, "").isdigit()]
        if not sizes or not ("both" in words or "the" in words):
            return 0
        return sizes[0]

    def _appositive_person(self, head: Any) -> Optional[Hit]:
        """The named person or group a title stands in apposition to ("chief constable Nick
        Adderley", "the militant group Hamas")."""
        for child in head.children:
            if child.dep_ == "appos" and child.i > head.i and (self._titled_person(child) or self._named_group(child)):
                return self.hits[child.i]
        return None

    def _named_group(self, token: Any) -> bool:
        """A known organisation or armed group rooted at `token`."""
        hit = self.hits.get(token.i)
        return bool(hit and hit.root == token.i and hit.entries and hit.entries[0].kind in ("group", "org"))

    def _role_text(self, head: Any) -> str:
        """The role words of a phrase: the role-noun key span ending at the head."""
        key, _ = self.roles.get(head.i, ("", None))
        width = len(key.split()) if key else 1
        return self.doc[head.i - width + 1:head.i + 1].text

    def _role_name(self, head: Any, info: Info) -> str:
        """A readable name for a role phrase: its group or nationality, then its role words."""
        if info.groups:
            return info.groups[0].name
        prefix = info.states[0][2] if info.states else ""
        return f"{prefix} {self._role_text(head)}".strip()


def _in_place_name(token: Any) -> bool:
    """True for "State" in "Borno State", "Province" in "Helmand Province": part of a place's name."""
    return token.ent_iob_ == "I" and token.ent_type_ in PLACE_LABELS


def _copula_subject(head: Any) -> Optional[int]:
    """The subject a predicate noun describes: "Cengiz" in "Cengiz is a Turkish national"."""
    verb = head.head
    if head.dep_ != "attr" or verb.lemma_ != "be":
        return None
    return next((c.i for c in verb.children if c.dep_ == "nsubj"), None)


def _subject(head: Any) -> bool:
    """True for a clause subject, or one conjunct of a coordinated subject ("Both he and Mold")."""
    return head.dep_ in SUBJECT_DEPS or (head.dep_ == "conj" and head.head.dep_ in SUBJECT_DEPS)


def _with_surnames(hits: dict[int, Hit], sent: Any, surnames: frozenset[str]) -> dict[int, Hit]:
    """A lone proper noun that is the surname of a person named earlier is that person."""
    for token in sent:
        if token.pos_ != "PROPN" or (token.i in hits and hits[token.i].entries):
            continue
        known = token.text in surnames or any(same_surname(token.text, name) for name in surnames)
        if known and (token.i not in hits or hits[token.i].label != "PERSON"):
            hits[token.i] = Hit(token.i, token.i + 1, token.i, [], label="PERSON")
    return hits


def _name_from_hit(cand: Candidate, hit: Hit, doc: Any) -> None:
    """Identity of a named head: its KB entries or its entity text."""
    cand.entries = list(hit.entries)
    if hit.people is not None and not hit.entries:
        cand.kind, cand.entries = "people", [hit.people]
        cand.name, cand.country_named, cand.roles, cand.plural = doc[hit.start:hit.end].text, hit.people.country, ["CVL"], True
        return
    kind = hit.entries[0].kind if hit.entries else ""
    cand.kind = "metonym" if kind in ("capital", "seat") else "named"
    cand.person = kind == "person" or hit.label == "PERSON"
    cand.name = hit.entries[0].name if hit.entries else doc[hit.start:hit.end].text
    if hit.entries:
        cand.country_named = hit.entries[0].country
        cand.roles = list(hit.entries[0].roles)


def _set_country(cand: Candidate, info: Info) -> None:
    """Country: a state the phrase names beats the KB's, except for a state's own name.

    Ethnic kin ("ethnic Albanians in Serbia") and unqualified roles ("rebels in Chad")
    belong where the text places them.
    """
    named_state = cand.kind != "people" and cand.entries and cand.entries[0].kind in STATE_KINDS
    if info.location and (info.ethnic or (cand.kind == "role" and not info.states and not info.groups)):
        cand.country = info.location
    elif info.ethnic:
        cand.country, cand.country_named, cand.domestic = None, None, True
    elif info.location and cand.kind == "named" and not cand.entries and not cand.person:
        cand.country = info.location
    elif info.states and not named_state:
        cand.country = info.states[0][0].country
    elif info.groups and not cand.entries:
        cand.country = info.groups[0].country
        cand.entries = [] if cand.person and cand.kind == "named" else [info.groups[0]]
        cand.roles += [r for r in info.groups[0].roles if r not in cand.roles]
    else:
        cand.country = cand.country_named
    if cand.country is not None and cand.country != cand.country_named:
        cand.country_named = cand.country


def _conjoined_states(states: list[tuple[Entry, int, str]], doc: Any) -> list[tuple[Entry, int, str]]:
    """The distinct states of a conjunction ("Hungarian and Romanian"), else none."""
    if not any(doc[i].dep_ == "conj" for _, i, _ in states):
        return []
    seen: dict[str, tuple[Entry, int, str]] = {}
    for state in states:
        seen.setdefault(state[0].country or "", state)
    return list(seen.values())


def _pronoun_class(token: Any, kb: KnowledgeBase) -> Optional[str]:
    """person / plural / thing for a personal pronoun, else None."""
    if token.pos_ != "PRON" and token.tag_ not in ("PRP", "PRP$"):
        return None
    return kb.cues.get(token.lower_) if kb.cues.get(token.lower_) in ("person", "plural", "thing", "speaker") else None


def _after_thing(pronoun: Any, kb: KnowledgeBase) -> bool:
    """True when the nearest subject before a subject "it" (back to the previous sentence) is a
    thing ("The attack killed five. It also damaged ..."): the pronoun continues the thing, not an
    actor further back; a speaking "it" ("It said ...") is still an actor."""
    if kb.cues.get(pronoun.head.lemma_.lower()) in ("attribution", "speech"):
        return False
    doc, start = pronoun.doc, pronoun.sent.start
    first = doc[start - 1].sent.start if start > 0 else start
    for token in reversed(doc[first:pronoun.i]):
        if token.dep_ in SUBJECT_DEPS:
            return token.tag_ == "NN" and not token.ent_type_ and role_at(token, kb)[1] is None
    return False


def quote_speaker(token: Any, kb: KnowledgeBase) -> Optional[int]:
    """The head of who speaks a quotation holding `token`: the subject of its attribution verb
    ('"We will fight," said Lorenzana') or the object of "according to"."""
    for word in token.sent:
        if _quoted(word):
            continue
        if word.pos_ in ("VERB", "AUX") and kb.cues.get(word.lemma_.lower()) == "attribution":
            speaker = next((c for c in word.children if c.dep_ in SUBJECT_DEPS), None)
        elif word.lower_ == "according":
            speaker = next((o for c in word.children if c.lower_ == "to" for o in c.children if o.dep_ == "pobj"), None)
        else:
            continue
        if speaker is not None and not _quoted(speaker):
            return speaker.i
    return None


def _quoted(token: Any) -> bool:
    """True inside quotation marks: an odd number of marks before it in its sentence, or none
    before and an odd number after (a quotation begun in an earlier sentence)."""
    marks = [t.i for t in token.sent if t.text in QUOTE_MARKS]
    before = sum(1 for i in marks if i < token.i)
    return before % 2 == 1 or (before == 0 and len(marks) % 2 == 1)


def _split_places(hits: dict[int, Hit], sent: Any, kb: KnowledgeBase) -> tuple[dict[int, Hit], dict[int, str]]:
    """Set apart capitals used as places ("in Tehran", "Tehran University") and other known places.

    Returns the actor hits, and the country of each place token (for "rebels in X" and focus).
    """
    doc = sent.doc
    places = set()
    for hit in {id(h): h for h in hits.values()}.values():
        if not hit.entries or any(e.kind != "capital" for e in hit.entries):
            continue
        root = doc[hit.root]
        if root.dep_ == "pobj" and kb.cues.get(root.head.lower_) in ("locative", "goal") and not _voiced(root, kb):
            places.add(id(hit))
        elif root.dep_ in ("compound", "nmod") and root.head.pos_ in ("NOUN", "PROPN") and _place_noun(root.head, kb):
            places.add(id(hit))
    located = {h.root: h.entries[0].country for h in hits.values() if id(h) in places}
    for ent in sent.ents:
        if ent.label_ in PLACE_LABELS and ent.root.i not in hits:
            place = default_gazetteer().resolve(ent.text)
            if place is not None and place.country:
                located[ent.root.i] = place.country
    return {t: h for t, h in hits.items() if id(h) not in places}, located


def _voiced(root: Any, kb: KnowledgeBase) -> bool:
    """True for "the claim from Berlin", "pressure from Washington": a capital that says or
    demands something is its government, unlike "flew from Moscow"."""
    prep = root.head
    return prep.lower_ == "from" and prep.dep_ == "prep" and kb.cues.get(prep.head.lower_) == "speech"


def _place_noun(token: Any, kb: KnowledgeBase) -> bool:
    """A noun a capital can modify as a place name ("Tehran University"): not a role noun."""
    return role_at(token, kb)[1] is None


def _as_former(roles: tuple[str, ...]) -> list[str]:
    """A former office holder's roles: government becomes elite."""
    return ["ELI" if r == "GOV" else r for r in roles]
