"""Events stage: find event triggers, type them, and attach source and target.

Per sentence, in two steps (find, then record):
1. `match_sentence` looks every token's lemma up in the trigger lexicon (data/triggers.tsv),
   preferring multiword entries ("break off relations", "put down") whose extra words
   depend on the head; those words are then part of the trigger, not triggers of their own.
2. `candidates` assesses each match (events_modality): negated, possible, conditional and
   failed events are dropped, except that not agreeing or yielding is itself a REJECT
   ("failed to reach agreement", `refusal_types`); promised or planned events change type
   the way PLOVER says (future cooperation is AGREE, a future retreat is CONCEDE, a future
   attack or sanction is THREATEN); a trigger framed by a speech act ("urged Iran to
   release", "condemned the attack") or repeating the same event ("bombings struck") is not
   a second event; a light verb ("launched an attack", "held talks") lends the noun its
   subject and is no event itself. Arguments come from the parse (events_args); a predicate
   word ("Y was behind the attack") is an allegation by whoever asserts it ("X said ...",
   "according to X"). Coordinated actors give one record per distinct ordered source-target
   pair; symmetric events ("Hungarian and Romanian officials agreed", "The United States and
   Jordan have agreed upon a pact") give both directions, HUN->ROU and ROU->HUN, as the
   PLOVER gold standard codes them.
Within a sentence each (type, source, target) is kept once, at its highest confidence; a
target-less repeat of a targeted event is dropped; events with no source are dropped unless
an attack (data/event_cues.yaml, `sourceless_types`); events in background clauses (relative
clauses on actors, "after ..." clauses, "since ..." phrases) are kept only when the sentence
reports nothing in its main clause. Also not events: an object-less trigger used in the
passive ("was struck by a truck"), a doer-less death caused by a mishap or natural disaster
(`accident_nouns`), a doer-less toll after an attack just told ("at least 20 were killed"), a
generic description ("usually", `habitual_adverbs`) and talk that frames a quote ("Speaking to
reporters, he said"). AID and CONSULT with no recipient are dropped later, in events_targets.
Every rejected candidate goes to `document.dropped` with its reason, for `--explain`.
"""
from __future__ import annotations

from typing import Callable, Optional

from spacy.tokens import Span, Token

from .config import Config
from .events_args import (actors_at, clause_subjects, mishap_cause, noun_modifiers, noun_slot, pairs, participle_hosts,
                          predicate_clause, prep_objects, resolve, speaker, verb_object, verb_slot, verb_subject)
from .events_lexicon import Cues, Lexicon, Trigger, cues, lexicon
from .events_modality import Match, Status, assess, background
from .model import Actor, Document, Dropped, Event
from .quantities import cues as quantity_cues
from .registry import components
from .syntax import clause_verb

Arguments = tuple[list[Actor], list[Actor], bool]
RECIPROCAL_SLOTS = frozenset(("with", "between", "obj"))
RESTATE_LOOKBACK = 2


@components.register("events")
def make_events(config: Config) -> Callable[[Document], None]:
    """Component that codes each sentence's events."""
    lex, cue = lexicon(tuple(config.trigger_files)), cues()
    casualty = quantity_cues()["kill"] | quantity_cues()["injure"]

    def events(document: Document) -> None:
        for n, sent in enumerate(document.sentences):
            kept, dropped = candidates(document, n, sent, lex, cue)
            kept, repeats = without_restated_casualties(document, kept, casualty)
            document.events.extend(kept)
            document.dropped.extend(dropped + repeats)
    return events


def without_restated_casualties(document: Document, events: list[Event],
                                casualty: frozenset[str]) -> tuple[list[Event], list[Dropped]]:
    """Split off casualty reports that restate an attack just told: a killing or wounding with no doer
    or cause of its own ("The 176 people on board were all killed", "at least 20 were killed") after
    an attack in the same or the two sentences before is that attack's toll (the quantities stage), not news."""
    restated = [e for e in events if e.source is None and e.event_type == "ASSAULT"
                and uncaused(document.doc[e.trigger[0]], casualty) and attack_before(document, e, events)]
    gone = {id(e) for e in restated}
    return ([e for e in events if id(e) not in gone],
            [Dropped(e, "restates the casualties of an attack just reported") for e in restated])


def uncaused(token: Token, casualty: frozenset[str]) -> bool:
    """True for a casualty verb with no subject or by-agent naming who or what did it ("were all killed")."""
    return token.pos_ == "VERB" and token.lemma_ in casualty and \
        not any(c.dep_ in ("nsubj", "csubj", "agent") for c in token.children)


def attack_before(document: Document, event: Event, same_sentence: list[Event]) -> bool:
    """True when an attack is reported earlier in the sentence or in the two sentences before."""
    earlier = [e for e in document.events if event.sentence - RESTATE_LOOKBACK <= e.sentence < event.sentence]
    earlier += [e for e in same_sentence if e.trigger[0] < event.trigger[0]]
    return any(e.event_type == "ASSAULT" for e in earlier)


def match_sentence(document: Document, sent: Span, lex: Lexicon, cue: Cues) -> dict[int, Match]:
    """Trigger matches in a sentence, keyed by head token; phrase words are not matched again."""
    found: dict[int, Match] = {}
    armed = sentence_is_armed(sent, cue)
    for token in sent:
        if token.pos_ in ("NOUN", "PROPN") and token.ent_iob_ != "O":
            continue  # part of a name ("the Warsaw Pact"), not an event noun
        for trigger in lex.candidates(token.lemma_.lower(), token.pos_):
            if (trigger.armed and not armed) or (trigger.obligation and not obliges(token, cue)) or \
                    (trigger.predicative and not has_object_predicate(token)) or \
                    (trigger.clausal and not any(c.dep_ == "ccomp" for c in token.children)) or \
                    (trigger.thing_object and not has_thing_object(document, token)) or \
                    (trigger.pos == "pred" and predicate_clause(token, cue.copulas) is None) or \
                    passive_of_intransitive(token, trigger):
                continue
            extra = required_tokens(token, trigger.requires)
            if extra is not None:
                found[token.i] = Match(token, trigger, sorted([token.i, *extra]))
                break
    consumed = {i for m in found.values() for i in m.tokens if i != m.token.i}
    return {i: m for i, m in found.items() if i not in consumed}


def passive_of_intransitive(token: Token, trigger: Trigger) -> bool:
    """True when a verb that takes no object is used in the passive: another sense of the word ("was
    struck by a car" is a hit, not a labour strike; "was walked out" is no walkout)."""
    transitive = any(slot in ("obj", "comp", "dative") for slot in trigger.target)
    return trigger.pos == "verb" and not transitive and any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)


def obliges(token: Token, cue: Cues) -> bool:
    """True when a report's that-clause (or its own object's) says someone must or should act."""
    clauses = [c for h in (token, *token.children) for c in h.children if c.dep_ in ("ccomp", "acl")]
    return any(a.dep_ == "aux" and a.lower_ in cue.obligation_aux for c in clauses for a in c.children)


def has_object_predicate(verb: Token) -> bool:
    """True when a verb says what its object is ("called the vote a fraud"): an object predicate, which
    the parser gives as `oprd`, as a second object, or as an indefinite noun right after the object."""
    if any(c.dep_ == "oprd" for c in verb.children):
        return True
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) > 1:
        return True
    return any(a.dep_ == "appos" and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in a.children)
               and not any(t.is_punct for t in verb.doc[o.i:a.left_edge.i]) for o in objects for a in o.children)


def has_thing_object(document: Document, verb: Token) -> bool:
    """True when a verb's direct object is a thing, not an actor: "welcomed the decision" approves,
    "welcomed the Iranian president" hosts."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and all(document.mention_at(o.i) is None for o in objects)


def is_date_phrase(token: Token) -> bool:
    """True for a preposition that only dates the event ("called on Monday"), not one that marks an actor."""
    return token.dep_ == "prep" and any(c.ent_type_ in ("DATE", "TIME") for c in token.children)


def required_tokens(head: Token, lemmas: tuple[str, ...]) -> Optional[list[int]]:
    """Indices of the dependents (children or grandchildren) spelling a phrase's extra words."""
    near = [c for c in head.children] + [g for c in head.children for g in c.children]
    found = []
    for lemma in lemmas:
        hit = next((t for t in near if (t.lemma_.lower() == lemma or t.lower_ == lemma) and not is_date_phrase(t)), None)
        if hit is None:
            return None
        found.append(hit.i)
    return found


def candidates(document: Document, n: int, sent: Span, lex: Lexicon, cue: Cues) -> tuple[list[Event], list[Dropped]]:
    """The sentence's events and the candidates it rejected (pure: writes nothing)."""
    matches = match_sentence(document, sent, lex, cue)
    statuses = {i: assess(m, matches, cue) for i, m in matches.items()}
    args = {i: arguments(document, m, statuses[i]) for i, m in matches.items()}
    inherit_content_targets(statuses, args)
    mark_participle_repeats(matches, statuses)
    inherit_repeat_arguments(matches, statuses, args)
    lights = {s.light.i for s in statuses.values() if s.light is not None}
    question = sent.text.rstrip().endswith("?")
    sentence_contexts, assault_mode = sentence_cues(sent, cue)
    best: dict[tuple, tuple[Event, Optional[str]]] = {}
    dropped: list[Dropped] = []
    for i, match in matches.items():
        status = statuses[i]
        refusal = status.refused and match.trigger.event_type in cue.refusal_types
        reason = rejection(match, status, statuses, lights, question)
        if refusal and reason == status.reason:
            reason = None
        typed = ("REJECT", None) if refusal else retype(match.trigger, status, cue)
        if reason is None and typed is None:
            reason = "future or planned, not yet happened"
        for event in build_events(n, match, status, args[i], typed or (match.trigger.event_type, None)):
            event.contexts = sorted(set(match.trigger.contexts) | sentence_contexts)
            if event.event_type == "ASSAULT" and event.mode is None:
                event.mode = assault_mode
            why = reason or missing_actor(event, cue) or unpolitical(event, match.trigger) or \
                accident(event, match.token) or habitual(match.token, cue.habitual_adverbs) or \
                framing_talk(event, match.token, cue.speech_verbs)
            if why:
                dropped.append(Dropped(event, why))
                continue
            key = (event.event_type, actor_key(event.source), actor_key(event.target))
            if key not in best or best[key][0].confidence < event.confidence:
                best[key] = (event, background(match.token, matches, cue))
    kept, backdrop = foreground(list(best.values()))
    kept, repeats = without_partial_repeats(kept, sent)
    return sorted(kept, key=lambda e: e.trigger), dropped + backdrop + repeats


def without_partial_repeats(events: list[Event], sent: Span) -> tuple[list[Event], list[Dropped]]:
    """Drop a target-less event that repeats one with a target ("denounced Uganda's decision, calling it
    a betrayal"): same type and source, so the sentence reports it once. A coordinated verb is an act
    of its own ("kidnapped Russian advisers and exploded bombs in Kabul")."""
    targeted = {(e.event_type, actor_key(e.source)) for e in events if e.target is not None}
    repeat = [e.target is None and (e.event_type, actor_key(e.source)) in targeted
              and sent.doc[e.trigger[0]].dep_ != "conj" for e in events]
    return ([e for e, r in zip(events, repeat) if not r],
            [Dropped(e, "repeats an event of the sentence that names its target") for e, r in zip(events, repeat) if r])


def foreground(found: list[tuple[Event, Optional[str]]]) -> tuple[list[Event], list[Dropped]]:
    """A sentence's main events; background ones ("after X had alleged", "where 28 were killed") only
    when the sentence reports nothing else, since the news is the main clause."""
    if all(why is not None for _, why in found):
        return [e for e, _ in found], []
    return [e for e, why in found if why is None], [Dropped(e, f"background: {why}") for e, why in found if why]


def rejection(match: Match, status: Status, statuses: dict[int, Status], lights: set[int],
              question: bool) -> Optional[str]:
    """Why a match is not an event of its own, or None."""
    if question:
        return "question, not a report"
    if status.reason:
        return status.reason
    outer = status.enclosing
    if outer is not None and statuses[outer.token.i].reason:
        return f"inside '{outer.token.text}', which is {statuses[outer.token.i].reason}"
    if match.token.i in lights:
        return "light verb: its object noun is the event"
    governor = status.governor
    if governor is not None:
        return f"part of the {governor.trigger.event_type} event '{governor.token.text}'"
    return None


def missing_actor(event: Event, cue: Cues) -> Optional[str]:
    """Why an event lacks the actors it needs: none at all, or no source for a type that must name its doer."""
    if event.source is None and event.target is None:
        return "no actor found"
    if event.source is None and event.event_type not in cue.sourceless_types:
        return "no source: only an attack is news without its doer"
    return None


def accident(event: Event, token: Token) -> Optional[str]:
    """Why a doer-less death is no attack: its clause names a mishap or disaster as the cause."""
    if event.source is not None:
        return None
    cause = mishap_cause(token)
    return f"accident: caused by '{cause.text}', not an attacker" if cause is not None else None


def habitual(token: Token, habits: frozenset[str]) -> Optional[str]:
    """Why a trigger reports a habit, not an event: it or the verb of its clause has a generic adverb
    ("G7 meetings usually center on politics")."""
    verb = clause_verb(token)
    adverb = next((c for h in (token, verb) for c in h.children if c.dep_ == "advmod" and c.lower_ in habits), None)
    return f"habitual: '{adverb.text}'" if adverb is not None else None


def framing_talk(event: Event, token: Token, speech: frozenset[str]) -> Optional[str]:
    """Why talk that frames a statement is no consultation: "Speaking to reporters, the minister said"
    names where a quote was given (an interview), not a meeting. The parser may hang it from the quote's
    verb ("Speaking to the BBC, he said, 'It happened'"), so the speech verb may be that verb's head or
    its parenthetical."""
    if event.event_type != "CONSULT" or token.dep_ != "advcl":
        return None
    host = token.head
    near = [host, *([host.head] if host.dep_ in ("ccomp", "parataxis") else []),
            *(c for c in host.children if c.dep_ == "parataxis")]
    verb = next((v for v in near if v.lemma_.lower() in speech), None)
    return f"frames the statement '{verb.text}'" if verb is not None else None


def unpolitical(event: Event, trigger: Trigger) -> Optional[str]:
    """Why an everyday verb ("arrived", "sent", "helped") is no political event: its source and any
    target it names must be political actors, ones with a role (a target-less "arrived in Amman" waits
    for the place to imply one)."""
    if trigger.dyadic and not (event.source and event.source.roles and (event.target is None or event.target.roles)):
        return "everyday verb without a political actor on both sides"
    return None


def retype(trigger: Trigger, status: Status, cue: Cues) -> Optional[tuple[str, Optional[str]]]:
    """The (type, mode) an event takes given its status; None when a future drops it."""
    if not status.future:
        return trigger.event_type, trigger.mode
    if status.ultimatum:
        return "THREATEN", None
    if status.willing and trigger.event_type in cue.willing_types:
        return cue.willing_types[trigger.event_type]
    return cue.future_types.get(trigger.event_type)


def inherit_content_targets(statuses: dict[int, Status], args: dict[int, Arguments]) -> None:
    """A speech act with no target of its own takes its content's ("offered to hand over to Britain")."""
    for i, status in statuses.items():
        governor = status.governor
        if governor is None or not governor.trigger.speech:
            continue
        sources, targets, _ = args[governor.token.i]
        content_sources, content_targets, _ = args[i]
        if not targets and content_targets:
            args[governor.token.i] = (sources, content_targets, False)


def mark_participle_repeats(matches: dict[int, Match], statuses: dict[int, Status]) -> None:
    """A participle clause of the same type elaborates its main verb ("attacked a base, killing three
    servicemen"): one attack, so the main verb governs it."""
    for i, match in matches.items():
        token, status = match.token, statuses[i]
        head = matches.get(token.head.i)
        if token.dep_ == "advcl" and token.tag_ == "VBG" and status.governor is None and head is not None \
                and head.token.i != i and head.trigger.event_type == match.trigger.event_type:
            status.governor = head


def inherit_repeat_arguments(matches: dict[int, Match], statuses: dict[int, Status],
                             args: dict[int, Arguments]) -> None:
    """An event takes the doer or recipient its repetition names ("were injured after being attacked by
    protesters": the protesters injured them; "attacked a base, killing three servicemen")."""
    for i, status in statuses.items():
        governor = status.governor
        if governor is None or governor.trigger.event_type != matches[i].trigger.event_type:
            continue
        sources, targets, reciprocal = args[governor.token.i]
        args[governor.token.i] = (sources or args[i][0], targets or args[i][1], reciprocal)


def build_events(n: int, match: Match, status: Status, found: Arguments, typed: tuple[str, Optional[str]]) -> list[Event]:
    """One Event per source-target pair of a match, with confidence and explanation."""
    sources, targets, reciprocal = found
    event_type, mode = typed
    events = []
    for source, target in pairs(sources, targets, match.trigger.symmetric, reciprocal):
        event = Event(event_type=event_type, sentence=n, trigger=list(match.tokens), mode=mode,
                      source=source, target=target)
        event.confidence = confidence(match.trigger, source, target, status)
        event.explain.append(f"trigger '{match.trigger.phrase}' ({match.trigger.pos}) -> {match.trigger.event_type}"
                             + (f"; future -> {event_type}" if status.future else ""))
        events.append(event)
    return events


def arguments(document: Document, match: Match, status: Status) -> Arguments:
    """Source and target actors of a match, and whether the target is a co-actor ("met with")."""
    token, trigger = match.token, match.trigger
    consumed = [token.doc[i] for i in match.tokens if i != token.i]
    if trigger.pos == "pred":
        return predicate_arguments(document, token, cues())
    if trigger.pos == "verb":
        source_tokens = [t for slot in trigger.source for t in verb_source(token, slot)]
        slots = [(slot, verb_slot(token, slot, consumed)) for slot in trigger.target]
    else:
        taking_part = participation_verb(token, cues().participation_verbs)
        heads = consumed + ([status.light] if status.light is not None else []) + governing_verb(token) + \
            subject_of(token) + compound_head(token) + taking_part
        source_tokens = [t for slot in trigger.source for t in noun_slot(token, slot, heads)
                         if "gen" not in trigger.target or t.dep_ != "poss" or t.head.i != token.i]
        if status.light is not None:
            source_tokens.append(verb_subject(status.light))
        source_tokens.extend(s for verb in taking_part for s in clause_subjects(verb))
        slots = [(slot, noun_slot(token, slot, heads)) for slot in trigger.target if slot != "poss"]
        slots.append(("obj", impact_target(token)))
    sources = resolve(document, [t for t in source_tokens if t is not None])
    if not sources and trigger.pos == "verb" and "subj" in trigger.source:
        sources = participle_source(document, token, trigger.dyadic)
    for slot, tokens in slots:
        targets = resolve(document, tokens)
        if targets and not sources and slot == "with" and trigger.pos == "noun":
            sources = resolve(document, adjunct_host(token))
        if targets:
            return sources, targets, slot in RECIPROCAL_SLOTS
    if trigger.pos == "noun" and "poss" in trigger.target:
        return sources, resolve(document, noun_modifiers(token)), False
    return sources, [], False


def predicate_arguments(document: Document, word: Token, cue: Cues) -> Arguments:
    """An allegation said of a subject ("X said Y was behind the attack"): the asserter accuses the subject."""
    clause = predicate_clause(word, cue.copulas)
    if clause is None:
        return [], [], False
    sources = resolve(document, [t for t in speaker(clause, cue.speech_verbs) if t is not None])
    return sources, resolve(document, clause_subjects(clause)), False


def participle_source(document: Document, verb: Token, direct: bool = False) -> list[Actor]:
    """Who does what a participle says: the first of its hosts naming a political actor (one with a
    role), so "posted a message on Twitter blaming Iran" is the poster's, not the platform's. An
    everyday verb (`direct`) is only its own noun's doing: "sought documents allowing him to marry"
    is the documents' allowing, not the seeker's."""
    for host in participle_hosts(verb)[:1] if direct else participle_hosts(verb):
        political = [a for a in actors_at(document, host) if a.roles]
        if political:
            return political
    return []


def governing_verb(noun: Token) -> list[Token]:
    """The verb an event noun is the object of, whose prepositions may carry its target."""
    return [noun.head] if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" else []


def participation_verb(noun: Token, participation: frozenset[str]) -> list[Token]:
    """The verb an event noun is the in-phrase of when it says its subject takes part ("were engaged in
    ethnic cleansing", "participated in the attack"): its subject is the doer."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "in" and prep.head.lemma_ in participation:
        return [prep.head]
    return []


def compound_head(noun: Token) -> list[Token]:
    """For an event noun modifying another ("a mediation effort between", "a peace mission to"), that
    noun and the verb it is the object of, where the event's prepositions then hang."""
    if noun.dep_ != "compound" or noun.head.pos_ != "NOUN":
        return []
    return [noun.head, *governing_verb(noun.head)]


def adjunct_host(noun: Token) -> list[Token]:
    """The subject of the clause an event noun is an adjunct of: who fought "fierce fighting with
    guerrillas" in "the forces retook the village after fierce fighting with guerrillas"."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    return [t for t in [verb_subject(verb)] if t is not None] if verb.pos_ == "VERB" else []


def subject_of(noun: Token) -> list[Token]:
    """The verb an event noun (or the noun it is "of") is the subject of, whose from-phrase names its
    author: "Condemnation came from the Pope", "Statements of condemnation have come from the OIC"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head
    return [noun.head] if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" else []


def verb_source(verb: Token, slot: str) -> list[Optional[Token]]:
    """Tokens in a verb trigger's source slot: its subject, or a preposition's object."""
    return [verb_subject(verb)] if slot == "subj" else list(prep_objects([verb], [slot]))


def impact_target(noun: Token) -> list[Token]:
    """For an event noun that is the subject of a verb ("bombings struck the cathedral"), that verb's object."""
    return verb_object(noun.head) if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" else []


def confidence(trigger: Trigger, source: Optional[Actor], target: Optional[Actor], status: Status) -> float:
    """How likely the event is right: the word's prior, lowered for missing actors and futures."""
    found = 1.0 if source and target else 0.8 if source else 0.55
    score = trigger.confidence * 0.6 + found * 0.4
    return round(score * (0.9 if status.future else 1.0), 3)


def sentence_is_armed(sent: Span, cue: Cues) -> bool:
    """True when the sentence speaks of weapons or armed forces (disambiguates "strike", "hit")."""
    words = {t.lemma_.lower() for t in sent}
    return bool(words & cue.armed_words) or sentence_cues(sent, cue)[1] is not None


def sentence_cues(sent: Span, cue: Cues) -> tuple[set[str], Optional[str]]:
    """Contexts the sentence's words add, and the ASSAULT mode its weapon words suggest."""
    words = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    text = sent.text.lower()
    contexts = {c for w, labels in cue.context_words.items() if (w in words if " " not in w else w in text)
                for c in labels}
    modes = [m for w, labels in cue.assault_modes.items() if (w in words if " " not in w else w in text)
             for m in labels]
    return contexts, (modes[0] if modes else None)


def actor_key(actor: Optional[Actor]) -> Optional[tuple[str, Optional[str]]]:
    """What makes two actors the same for deduplication."""
    return (actor.name, actor.country) if actor else None
