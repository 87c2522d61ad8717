"""Event arguments from the dependency parse: which tokens hold the source and the target.

Verbs take their source from the subject (the by-agent when passive; the governing clause's
subject for conjoined, participial and controlled verbs; the head noun for relative clauses)
and their target from the slots the trigger's lexicon entry lists. Event nouns take their
source from a possessor or nationality/compound modifier ("Israeli strikes", "the US attack",
"an attack by militants") or from the light verb that governs them ("launched an attack").
Tokens become actors through the actor stage's mentions; a token without a mention is
searched through its modifiers (compound, possessor, of-, by- and from-objects, apposition:
"an offer from India").
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Token

from .events_lexicon import cues
from .model import Actor, Document

SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
MODIFIER_DEPS = ("compound", "poss", "amod", "nmod", "appos", "npadvmod")
NOUN_SOURCE_DEPS = ("poss", "amod", "compound", "nmod")
WH_TAGS = ("WDT", "WP", "WP$")


def is_passive(verb: Token) -> bool:
    """True for a passive verb ("were put down", "was attacked", a participle on a noun: "rebels backed
    by Iran"), not a stance ("is opposed to")."""
    passive = any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in verb.children) or \
        (verb.dep_ == "acl" and verb.tag_ == "VBN")
    return passive and not is_stative(verb)


def is_stative(verb: Token) -> bool:
    """True for "be" + a stance participle without a by-agent: "Israel is opposed to", "is committed to"."""
    return verb.lemma_ in cues().stative_participles and not prep_objects([verb], ["by"])


def prep_objects(heads: Iterable[Token], preps: Iterable[str]) -> list[Token]:
    """Objects of the named prepositions under any of `heads`, in the order `preps` lists them."""
    wanted = tuple(preps)
    found: list[Token] = []
    for prep in wanted:
        for head in heads:
            for child in head.children:
                if child.dep_ in ("prep", "agent", "dative") and child.lower_ == prep:
                    found.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
                    found.extend(stranded_object(child))
    return found


def stranded_object(prep: Token) -> list[Token]:
    """The object of a preposition the parser left empty by reading its noun as the subject of a reduced
    relative clause ("granted asylum to five officers holed up in the embassy": "officers" -> "holed")."""
    if any(c.dep_ == "pobj" for c in prep.children):
        return []
    clauses = [c for c in prep.children if c.dep_ == "pcomp"]
    clauses += [c for c in prep.head.children if c.dep_ in ("advcl", "ccomp", "conj") and c.i > prep.i]
    return [s for clause in clauses for s in clause.children if s.dep_ in SUBJECTS and s.left_edge.i == prep.i + 1]


def verb_subject(verb: Token) -> Optional[Token]:
    """The token that does what `verb` says, following passives, relatives and control."""
    if is_passive(verb):
        agents = prep_objects([verb], ["by"])
        return agents[0] if agents else None
    for child in verb.children:
        if child.dep_ in SUBJECTS + (PASSIVE_SUBJECTS if is_stative(verb) else ()):
            return verb.head if child.tag_ in WH_TAGS and verb.dep_ == "relcl" else child
    return inherited_subject(verb)


def inherited_subject(verb: Token) -> Optional[Token]:
    """The subject a subjectless verb shares with the clause it hangs from ("is willing to withdraw")."""
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp":
        return verb_subject(verb.head.head)
    if verb.dep_ == "acomp" and verb.head.i != verb.i:  # "Greece is opposed to": the copula's subject
        return verb_subject(verb.head)
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        if verb.dep_ == "conj":
            subjects = [c for c in verb.head.children if c.dep_ in SUBJECTS + PASSIVE_SUBJECTS]
            return subjects[0] if subjects else inherited_subject(verb.head)
        if verb.dep_ == "xcomp":
            objects = [c for c in verb.head.children if c.dep_ == "dobj"]
            if objects:
                return objects[0]
        return verb_subject(verb.head)
    return None


def verb_object(verb: Token) -> list[Token]:
    """The thing acted upon: direct object, passive subject, or the noun a participle modifies."""
    if is_passive(verb):
        subjects = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS]
        if subjects:
            return subjects
        return [verb.head] if verb.dep_ in ("acl", "relcl") else adjunct_controller(verb)
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")] or up_to_object(verb)
    if not objects and verb.dep_ == "relcl":
        return [verb.head]
    return objects


def up_to_object(verb: Token) -> list[Token]:
    """An object counted with "up to", which the parser hangs on the verb as particle and preposition
    ("kidnapped up to 16 Russian advisers")."""
    ups = [c for c in verb.children if c.lower_ == "up" and c.dep_ in ("prt", "advmod", "prep")]
    return [o for up in ups for c in (*up.children, *verb.children) if c.dep_ == "prep" and c.lower_ == "to"
            and c.i == up.i + 1 for o in c.children if o.dep_ == "pobj"]


def adjunct_controller(verb: Token) -> list[Token]:
    """The main clause's subject, which a participle in its prepositional adjunct is about ("were
    injured after being attacked by protesters": the injured were attacked)."""
    if verb.dep_ != "pcomp" or verb.head.dep_ != "prep" or verb.head.head.pos_ not in ("VERB", "AUX"):
        return []
    main = verb.head.head
    return [c for c in main.children if c.dep_ in SUBJECTS + PASSIVE_SUBJECTS]


def participle_hosts(verb: Token) -> list[Token]:
    """Who does what a participle says: the noun it modifies ("protesters demanding"), else the subject
    of the clause whose object or adjunct that noun is ("issued a declaration demanding", "posted a
    message on Twitter blaming")."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG":
        return []
    hosts = [verb.head]
    node = verb.head
    while node.dep_ in ("dobj", "pobj", "prep", "appos") and node.head.i != node.i:
        node = node.head
    if node.pos_ in ("VERB", "AUX"):
        hosts.append(verb_subject(node))
    return [h for h in hosts if h is not None]


def complement_subject(verb: Token) -> list[Token]:
    """Who a that- or to-clause is about ("demanded that Sudan return", "urged Iran to"); a speech verb
    there is the sentence's reporting frame ("demanded the withdrawal ..., diplomats quoted"), not content."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") and child.lemma_ not in cues().speech_verbs:
            subjects = [c for c in child.children if c.dep_ in SUBJECTS + PASSIVE_SUBJECTS]
            if subjects:
                return subjects
    return []


def condition_subjects(verb: Token) -> list[Token]:
    """Whose action a threat is conditioned on: the subject of its if/unless clause, on the verb or on
    its to-clause ("threatened to stop talks if the United States goes ahead")."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp"))]
    return [s for h in heads for c in h.children if c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in cues().condition_marks for m in c.children)
            for s in c.children if s.dep_ in SUBJECTS + PASSIVE_SUBJECTS]


def content_nouns(verb: Token) -> list[Token]:
    """Nouns of a verb's to-clause, in text order: who a refusal is aimed at ("refused to respond to
    a demand from the US", "refused to allow UN planes to land")."""
    return [t for c in verb.children if c.dep_ == "xcomp" for t in c.subtree
            if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in SUBJECTS]


def verb_slot(verb: Token, slot: str, extra_heads: list[Token]) -> list[Token]:
    """Tokens in one of a verb trigger's target slots."""
    if slot in ("obj", "poss"):
        objects = verb_object(verb)
        return objects + prep_objects(objects, cues().object_target_preps)
    if slot == "cond":
        return condition_subjects(verb)
    if slot == "dative":
        return [c for c in verb.children if c.dep_ in ("dative", "iobj") and c.pos_ != "ADP"]
    if slot == "comp":
        return complement_subject(verb)
    if slot == "content":
        return content_nouns(verb)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return prep_objects([verb, *extra_heads, *objects], [slot])


def predicate_clause(word: Token, copulas: frozenset[str]) -> Optional[Token]:
    """The clause a predicate word is said of: its copula ("Y is responsible", "Y was behind", "Y are
    the perpetrators") or, for a passive participle ("Y were involved in"), the participle itself."""
    if word.dep_ in ("acomp", "attr", "prep") and word.head.lemma_ in copulas:
        return word.head
    if word.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in word.children):
        return word
    return None


def clause_subjects(clause: Token) -> list[Token]:
    """The subjects a copular or passive clause is about."""
    return [c for c in clause.children if c.dep_ in SUBJECTS + PASSIVE_SUBJECTS]


def speaker(clause: Token, speech_verbs: frozenset[str]) -> list[Optional[Token]]:
    """Who asserts a clause: the subject of the speech verb whose content it is ("X said Y was behind"),
    or that it frames ("Y is responsible, X said"), or the object of "according to"."""
    if clause.dep_ == "ccomp" and clause.head.lemma_ in speech_verbs:
        return [verb_subject(clause.head)]
    for child in clause.children:
        if child.dep_ in ("ccomp", "parataxis") and child.lemma_ in speech_verbs:
            return [verb_subject(child)]
        if child.lower_ == "according":
            return list(prep_objects([child], ["to"]))
    return []


def noun_modifiers(noun: Token) -> list[Token]:
    """Possessor, nationality and compound modifiers of an event noun, plus its by-agent."""
    return [c for c in noun.children if c.dep_ in NOUN_SOURCE_DEPS] + prep_objects([noun], ["by"])


def noun_slot(noun: Token, slot: str, extra_heads: list[Token]) -> list[Token]:
    """Tokens in one of an event noun's slots; a preposition may hang on the noun's of-object
    ("a suspension of air links with Serbia")."""
    if slot == "poss":
        return noun_modifiers(noun)
    if slot == "gen":
        return [c for c in noun.children if c.dep_ == "poss"]
    return prep_objects([noun, *extra_heads, *prep_objects([noun], ["of"])], [slot])


def actors_at(document: Document, token: Token, depth: int = 2) -> list[Actor]:
    """Actors a token refers to: its mentions, else its modifiers' (one level down); then its conjuncts'."""
    actors = [m.actor for m in document.mentions_at(token.i)]
    if not actors:
        mention = document.mention_at(token.i)
        actors = [mention.actor] if mention else []
    if not actors and depth > 0:
        for child in token.children:
            if child.dep_ in MODIFIER_DEPS:
                actors.extend(actors_at(document, child, depth - 1))
            elif child.dep_ in ("prep", "agent") and child.lower_ in ("of", "by", "from"):
                for obj in child.children:
                    actors.extend(actors_at(document, obj, depth - 1))
            if actors:
                break
    for conj in coordinated(token):
        actors.extend(actors_at(document, conj, depth))
    return distinct(actors)


def coordinated(token: Token) -> list[Token]:
    """Conjuncts of a token, also those the parser hangs on its apposition ("the OIC head Yousef
    Al-Othaimeen, Pope Francis and a spokesperson")."""
    heads = [token, *(c for c in token.children if c.dep_ == "appos")]
    return [c for h in heads for c in h.children if c.dep_ == "conj"]


def distinct(actors: Iterable[Actor]) -> list[Actor]:
    """Actors without repeats (same name and country), first occurrence kept."""
    seen: set[tuple[str, Optional[str]]] = set()
    kept = []
    for actor in actors:
        key = (actor.name, actor.country)
        if key not in seen:
            seen.add(key)
            kept.append(actor)
    return kept


def resolve(document: Document, tokens: Iterable[Token]) -> list[Actor]:
    """Actors for the first token, among `tokens`, that names any."""
    for token in tokens:
        actors = actors_at(document, token)
        if actors:
            return actors
    return []


def pairs(sources: list[Actor], targets: list[Actor], symmetric: bool,
          reciprocal: bool = True) -> list[tuple[Optional[Actor], Optional[Actor]]]:
    """Ordered source-target pairs an event's actors make.

    Coordinated sources each act on each target ("The US and France accused Russia" gives two
    records). A symmetric event ("X and Y agreed", "X held talks with Y") has no direction:
    coordinated subjects pair with each other both ways ("Hungarian and Romanian officials agreed"
    gives HUN->ROU and ROU->HUN, as the PLOVER gold standard codes it), and each subject pairs both
    ways with each co-actor of a reciprocal slot ("met with"). Coordinated objects never pair with
    each other: "A met French and Indian diplomats" is A with each, not the French with the Indians.
    A target from a non-reciprocal slot ("agreed to a UN mandate") stays a plain target. With no
    subject found, a reciprocal slot's co-actors are the participants.
    """
    if symmetric:
        people, others = (distinct(sources), targets) if sources or not reciprocal else (distinct(targets), [])
        links = [(a, b) for a in people for b in people if not same_actor(a, b)]
        for source in people:
            for target in others:
                if not same_actor(source, target):
                    links.extend([(source, target), (target, source)] if reciprocal else [(source, target)])
        if links:
            return links
    if not sources:
        return [(None, t) for t in targets] or [(None, None)]
    if not targets:
        return [(s, None) for s in sources]
    return [(s, t) for s in sources for t in targets if not same_actor(s, t)] or [(s, None) for s in sources]


def same_actor(a: Actor, b: Actor) -> bool:
    """True when two mentions name one actor ("he ... him" resolved alike): no dyad, no event between them."""
    return a is b or (a.name, a.country) == (b.name, b.country)


def mishap_cause(token: Token) -> Optional[Token]:
    """The mishap a death clause names as its cause: the subject, the noun the clause describes, or the
    noun it happened in or by ("a flood killed", "a collision which killed", "died in a crash"); else None."""
    causes = [c for c in token.children if c.dep_ in SUBJECTS]
    causes += [g for c in token.children if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "during")
               for g in c.children if g.dep_ == "pobj"]
    if token.dep_ == "relcl":
        causes.append(token.head)
    mishaps = cues().accident_nouns
    return next((c for c in causes if c.lemma_.lower() in mishaps), None)
