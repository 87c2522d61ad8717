"""Whether a trigger reports an event that happened, and what governs it.

From the trigger, walk up the parse through noun-argument and control links (object,
preposition, to-clause) until a clause boundary. On the way collect the cues that change
the event's status: negation ("did not attack", "no talks"), possibility ("could escalate"),
conditions ("if attacked"), futures and intentions ("will meet", "plans to withdraw",
"is ready to send"; an offer, "is willing to withdraw", is marked `willing`; one on a condition,
"will withdraw unless", is an `ultimatum`), failures ("failed to agree"). A negated or failed event
is marked `refused`: not agreeing or yielding is itself a REJECT (events, `refusal_types`). The walk also finds the trigger that
governs this one: a speech act whose content it is ("urged Iran to release", "condemned the
attack"), a trigger of the same type it repeats ("bombings struck the cathedral"), or a
light verb that lends it subject and tense ("launched an attack").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Token

from .events_lexicon import Cues, Trigger

CHAIN_DEPS = frozenset(("dobj", "obj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "oprd", "xcomp",
                        "pcomp", "compound", "amod", "appos", "acomp", "agent", "dative", "nmod"))

PURPOSE_DEPS = frozenset(("advcl", "acl", "relcl"))


@dataclass
class Match:
    """A trigger found at a token: the lexicon entry and the tokens that spell it."""

    token: Token
    trigger: Trigger
    tokens: list[int]


@dataclass
class Status:
    """What the walk up from a trigger found."""

    future: bool = False
    willing: bool = False
    ultimatum: bool = False
    refused: bool = False
    reason: Optional[str] = None
    governor: Optional[Match] = None
    enclosing: Optional[Match] = None
    light: Optional[Token] = None


def own_cue(node: Token, cues: Cues, status: Status) -> Optional[str]:
    """The reason a token's own dependents rule its event out, marking futures on the way."""
    for child in node.children:
        word = child.lower_
        if child.dep_ == "neg" or (word in cues.negators and child.dep_ in ("det", "advmod", "preconj")):
            status.refused = True
            return f"negated by '{child.text}'"
        if child.dep_ in ("aux", "auxpass"):
            if word in cues.possible_aux:
                return f"possibility, not a report ('{child.text}')"
            if word in cues.future_aux or word in cues.conditional_aux:
                status.future = True
        if child.dep_ == "mark" and word in cues.condition_marks:
            return f"condition or question ('{child.text}')"
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cues.ultimatum_marks for m in child.children):
            status.ultimatum = True
        if child.dep_ == "aux" and word == "to" and node.dep_ in PURPOSE_DEPS:
            return "purpose or intention ('to ...'), not a report"
    return None


def control_cue(node: Token, parent: Token, cues: Cues, status: Status) -> Optional[str]:
    """The effect of the word whose to-clause or object `node` is ("failed to", "plans to")."""
    if node.dep_ not in ("xcomp", "dobj", "pobj", "prep", "pcomp"):
        return None
    if parent.lemma_ in cues.failure_verbs:
        status.refused = True
        return f"not carried out ('{parent.text}')"
    if parent.lemma_ in cues.intent_words or parent.lower_ in cues.intent_words:
        status.future = True
        status.willing = status.willing or parent.lower_ in cues.willing_words
    return None


def assess(match: Match, matches: dict[int, Match], cues: Cues) -> Status:
    """Walk up from a trigger collecting status cues and the trigger that governs it."""
    status = Status()
    node = match.token
    while True:
        reason = own_cue(node, cues, status)
        if reason:
            status.reason = reason
            return status
        parent = node.head
        if node.dep_ == "ccomp" and parent.i in matches and matches[parent.i].trigger.speech:
            status.governor = matches[parent.i]
        if parent.i == node.i:
            return status
        if node.dep_ not in CHAIN_DEPS:
            status.enclosing = matches.get(parent.i)
            return status
        if node.dep_ == "dobj" and parent.lemma_ in cues.light_verbs and status.light is None \
                and not is_phrasal_trigger(parent, matches):
            status.light = parent
        elif parent.i in matches and matches[parent.i].token.i != match.token.i:
            governor = matches[parent.i]
            if _governs(node, governor, match):
                status.governor = governor
            else:
                status.enclosing = governor
            return status
        reason = control_cue(node, parent, cues, status)
        if reason:
            status.reason = reason
            return status
        node = parent


def is_phrasal_trigger(verb: Token, matches: dict[int, Match]) -> bool:
    """True when a light verb is part of a trigger phrase of its own ("called off a strike", "took over
    the town"): the phrase is the event, not a mere carrier of its object noun."""
    return verb.i in matches and len(matches[verb.i].tokens) > 1


def _governs(node: Token, governor: Match, match: Match) -> bool:
    """True when the trigger above frames this one (speech act, verb and its object) or repeats it."""
    same = governor.trigger.event_type == match.trigger.event_type
    return same or governor.trigger.speech or node.dep_ == "dobj"


def background(token: Token, triggers: dict[int, Match], cues: Cues) -> Optional[str]:
    """What makes a trigger background to its sentence's news: a relative clause or past participle on a
    person, thing or place ("who had vowed", "where 28 were killed", "property seized by the army"), a
    temporal or causal clause ("after officials alleged", "as rebels fought") or phrase ("since last
    month's invasion"), on its path to the root.
    A relative clause on an event noun ("the airstrike that killed") or on a predicate noun ("was the
    fourth night that Serbians protested") says what happened, and is not background."""
    node = token
    while node.head.i != node.i:
        if node.dep_ == "relcl" and node.head.i not in triggers and not predicate_noun(node.head):
            return "relative clause"
        if node.dep_ == "acl" and node.tag_ == "VBN" and node.head.i not in triggers \
                and not predicate_noun(node.head):
            return "participle on a noun"
        if node.dep_ == "advcl":
            mark = next((c.lower_ for c in node.children if c.dep_ == "mark" and c.lower_ in cues.background_marks), None)
            if mark:
                return f"'{mark}' clause"
        if node.dep_ in ("pobj", "pcomp") and node.head.lower_ in cues.background_preps:
            return f"'{node.head.lower_}' phrase"
        node = node.head
    return None


def predicate_noun(noun: Token) -> bool:
    """True for a copula's predicate noun, or a noun in its phrase ("was the fourth night in a row")."""
    while noun.dep_ in ("pobj", "prep") and noun.head.i != noun.i:
        noun = noun.head
    return noun.dep_ == "attr"
