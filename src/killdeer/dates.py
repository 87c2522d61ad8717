"""Time stage: find temporal expressions and give each event its own date.

Two components. "time" runs after parse: it finds the document's temporal expressions
(`find_mentions`), resolves each against the publication date or the narrative's
reference time (`resolve_mentions`), infers the document's date when none is given,
and records the results as `document.timexes`. "event_dates" runs after events: it
dates each event from the expression in its own clause, else its sentence, else the
time the story last set (`choose_timex`), else the document's date.

A resolved date is a `When`: the first day of the period and its precision ("day",
"month", "year"); `iso` writes it at that precision.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable, Optional

import yaml
from dateparser.date import DateDataParser

from .config import Config
from .datafiles import packaged_text
from .model import Document, Event, Timex
from .registry import components
from .syntax import clause_verb

PRECISIONS = ("year", "month", "day")
SPACE = r"[^\S\n]+"  # the words of one date never span a line break
YEARLESS_KINDS = ("month_day", "day_month", "month")


@dataclass(frozen=True)
class When:
    """A date at a precision: `day` is the first day of the period it names."""

    day: dt.date
    precision: str

    def iso(self) -> str:
        """ISO 8601 at the precision the text supports: 2024, 2024-02 or 2024-02-07."""
        return {"year": self.day.strftime("%Y"), "month": self.day.strftime("%Y-%m")}.get(
            self.precision, self.day.isoformat())


@dataclass(frozen=True)
class Mention:
    """A temporal expression found in text, before it is resolved.

    `kind` names the grammar rule that found it; `fields` are its parts (month,
    day, year, weekday, step, count, unit, and prep: the preposition kept with it).
    """

    start: int
    end: int
    kind: str
    fields: tuple[tuple[str, object], ...] = ()

    def get(self, name: str, default: object = None) -> object:
        """One named part of the expression."""
        return dict(self.fields).get(name, default)


@dataclass(frozen=True)
class Lexicon:
    """The time words of data/time_words.yaml and the patterns built from them."""

    words: dict
    patterns: tuple[tuple[str, re.Pattern], ...]


# ---------------------------------------------------------------- lexicon

@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load the time words once and compile the grammar's patterns over them."""
    words = yaml.safe_load(packaged_text("time_words.yaml"))
    return Lexicon(words=words, patterns=tuple(_build_patterns(words)))


def _alt(phrases: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, spaces matching any whitespace."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", SPACE) for p in ordered)


def _build_patterns(w: dict) -> list[tuple[str, re.Pattern]]:
    """The grammar of news dates, one named pattern per kind of expression."""
    s = SPACE
    month = rf"(?P<month>{_alt(w['months'])})"
    dated_month = rf"(?P<month>{_alt(w['months'])}|(?:{_alt(w['month_abbreviations'])})\.?)"
    weekday = rf"(?P<weekday>{_alt(w['weekdays'])})\.?"
    year = r"(?P<year>(?:1[89]|20)\d\d)(?!\d|[,-]\d)"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
    part = rf"(?:(?P<part>{_alt(w['period_parts'])})(?:-|{s}))"
    day_part = rf"(?:{s}(?:{_alt(w['day_parts'])}))?"
    number = rf"(?P<count>\d{{1,3}}|{_alt(w['numbers'])})"
    unit = rf"(?P<unit>{_alt(w['units'])})"
    lead = rf"(?:(?i:(?P<prep>{_alt(w['prepositions'])})){s})?"
    i = "(?i:{})".format
    grammar = {
        "iso": r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b",
        "month_day": rf"\b{lead}(?:{weekday},?{s})?{dated_month}{s}{day}(?:,?{s}{year})?",
        "day_month": rf"\b{lead}(?:{weekday},?{s})?(?:the{s})?{day}{s}(?:of{s})?{dated_month}(?:,?{s}{year})?",
        "month": rf"\b{lead}{part}?(?:(?P<step>{i(_alt(w['deictic_steps']))}){s})?{month}(?:,?{s}(?:of{s})?{year})?\b",
        "year": rf"\b{lead}{part}?{year}",
        "weekday": rf"\b{lead}(?:(?P<step>{i('last|this|next')}){s})?{weekday}{day_part}\b",
        "deictic_day": rf"\b(?P<phrase>{i(_alt(w['deictic_days']))})\b",
        "anaphoric_day": rf"\b(?P<phrase>{i(_alt(w['anaphoric_days']))})\b",
        "offset": rf"\b{i(number)}{s}{i(unit)}{s}(?P<direction>{i(_alt(w['offset_words']))})\b",
        "deictic_unit": rf"\b(?P<step>{i(_alt(w['deictic_steps']))}){s}{i(unit)}\b",
        "anaphoric_unit": rf"\b(?P<step>{i(_alt(w['anaphoric_steps']))}){s}{i(unit)}\b",
    }
    return [(kind, re.compile(pattern)) for kind, pattern in grammar.items()]


# ---------------------------------------------------------------- finding

def find_mentions(text: str) -> list[Mention]:
    """Every temporal expression the grammar finds in `text`, longest first where they overlap."""
    found = []
    for kind, pattern in lexicon().patterns:
        for m in pattern.finditer(text):
            fields = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
            if _is_date_shaped(kind, dict(fields)):
                found.append(Mention(m.start(), m.end(), kind, fields))
    return _without_overlaps(found)


def _is_date_shaped(kind: str, fields: dict) -> bool:
    """Reject matches that only look like dates: a bare year needs a preposition or part."""
    if kind == "year":
        return bool(fields.get("prep") or fields.get("part"))
    if kind == "month":  # a bare "May" is as likely a name or a modal
        return any(fields.get(k) for k in ("prep", "part", "step", "year"))
    if kind in ("month_day", "day_month"):
        return 1 <= int(fields["day"]) <= 31
    if kind == "deictic_unit":
        return fields["unit"].lower() not in ("days", "weeks", "months", "years")
    return True


def _without_overlaps(found: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions, in text order."""
    kept: list[Mention] = []
    for m in sorted(found, key=lambda m: (m.start - m.end, m.start)):
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def entity_mentions(doc, taken: list[Mention]) -> list[Mention]:
    """spaCy DATE entities in a numeric form the grammar does not cover ("2/7/2024")."""
    extra = []
    for ent in doc.ents:
        if ent.label_ == "DATE" and re.search(r"\d[/.]\d", ent.text) and \
                all(ent.end_char <= k.start or ent.start_char >= k.end for k in taken):
            extra.append(Mention(ent.start_char, ent.end_char, "numeric", (("text", ent.text),)))
    return extra


# ---------------------------------------------------------------- resolving

def resolve(mention: Mention, document_when: Optional[When], narrative: Optional[When],
            forward: bool) -> Optional[When]:
    """The date a mention names, against the document's date or the narrative's time.

    `forward` says which way a yearless month or weekday lies from its anchor:
    ahead (future tense, or a story running forward) or back (past reporting).
    """
    w = lexicon().words
    kind = mention.kind
    if kind in ("iso", "month_day", "day_month", "month", "year"):
        return _resolve_calendar(mention, _calendar_anchor(mention, document_when, narrative), forward)
    if kind == "weekday":
        return _resolve_weekday(mention, document_when, forward)
    if kind == "deictic_day":
        return shift_days(document_when, w["deictic_days"][_phrase(mention)])
    if kind == "anaphoric_day":
        return shift_days(narrative or document_when, w["anaphoric_days"][_phrase(mention)])
    if kind == "deictic_unit":
        return shift_unit(document_when, mention.get("unit"), _step(mention, "deictic_steps"))
    if kind == "anaphoric_unit":
        return shift_unit(narrative or document_when, mention.get("unit"), _step(mention, "anaphoric_steps"))
    if kind == "offset":
        return _resolve_offset(mention, document_when, narrative)
    if kind == "numeric":
        return parse_numeric(str(mention.get("text")), document_when)
    return None


def _phrase(mention: Mention) -> str:
    """The mention's fixed phrase, lower-cased with single spaces, as the lexicon spells it."""
    return " ".join(str(mention.get("phrase")).lower().split())


def _step(mention: Mention, table: str) -> int:
    """How many units a determiner ("last", "the following") steps from its anchor."""
    return lexicon().words[table][" ".join(str(mention.get("step")).lower().split())]


def _calendar_anchor(mention: Mention, document_when: Optional[When],
                     narrative: Optional[When]) -> Optional[When]:
    """A yearless calendar date lies near the narrative's time, or the document's when it has none."""
    if mention.get("year") or mention.get("step"):
        return document_when or narrative
    return narrative or document_when


def _resolve_calendar(mention: Mention, anchor: Optional[When], forward: bool) -> Optional[When]:
    """Month names, days of the month and years: fill in a missing year from the anchor."""
    w = lexicon().words
    month = mention.get("month")
    if month:
        name = str(month).rstrip(".")
        month = int(name) if name.isdigit() else w["months"].get(name) or w["month_abbreviations"][name]
    day = int(mention.get("day")) if mention.get("day") else None
    year = int(mention.get("year")) if mention.get("year") else None
    if month is None:
        return When(dt.date(year, 1, 1), "year")
    if year is None:
        if anchor is None:
            return None
        year = _year_for(month, day, anchor, forward, _step(mention, "deictic_steps") if mention.get("step") else None)
    try:
        return When(dt.date(year, month, day), "day") if day else When(dt.date(year, month, 1), "month")
    except ValueError:
        return None


def _year_for(month: int, day: Optional[int], anchor: When, forward: bool, step: Optional[int]) -> int:
    """The year of a yearless month (and day) nearest the anchor in the given direction."""
    if anchor.precision == "year":
        return anchor.day.year
    here = (anchor.day.month, anchor.day.day if anchor.precision == "day" and day else 0)
    there = (month, day or 0)
    if step is not None:  # "last October" is strictly before, "next March" strictly after
        if step < 0:
            return anchor.day.year if there < here else anchor.day.year - 1
        if step > 0:
            return anchor.day.year if there > here else anchor.day.year + 1
        return anchor.day.year
    if forward:
        return anchor.day.year if there >= here else anchor.day.year + 1
    return anchor.day.year if there <= here else anchor.day.year - 1


def _resolve_weekday(mention: Mention, anchor: Optional[When], forward: bool) -> Optional[When]:
    """A weekday: the nearest one at or before the anchor in past reporting, after it in future."""
    if anchor is None or anchor.precision != "day":
        return anchor
    weekday = lexicon().words["weekdays"][mention.get("weekday")]
    step = str(mention.get("step") or "").lower()
    back = (anchor.day.weekday() - weekday) % 7
    ahead = (weekday - anchor.day.weekday()) % 7
    if step == "last" or (not step and not forward):
        delta = -(back or 7) if step == "last" else -back
    else:
        delta = (ahead or 7) if step == "next" else ahead
    return When(anchor.day + dt.timedelta(days=delta), "day")


def _resolve_offset(mention: Mention, document_when: Optional[When],
                    narrative: Optional[When]) -> Optional[When]:
    """"Two days ago" counts from the document's date, "a week later" from the narrative's."""
    w = lexicon().words
    count = str(mention.get("count")).lower()
    count = int(count) if count.isdigit() else w["numbers"][count]
    direction = w["offset_words"][str(mention.get("direction")).lower()]
    anchor = document_when if str(mention.get("direction")).lower() == "ago" else (narrative or document_when)
    unit = w["units"][str(mention.get("unit")).lower()]
    if unit == "day":
        return shift_days(anchor, direction * count)
    if unit in ("week", "weekend"):
        moved = shift_days(anchor, direction * count * 7)
        return coarsen(moved, "month") if moved else None
    return shift_unit(anchor, unit, direction * count)


def shift_days(anchor: Optional[When], days: int) -> Optional[When]:
    """The anchor moved by whole days; an anchor coarser than a day stays as it is."""
    if anchor is None or anchor.precision != "day":
        return anchor
    return When(anchor.day + dt.timedelta(days=days), "day")


def shift_unit(anchor: Optional[When], unit_word: Optional[str], step: int) -> Optional[When]:
    """The week, month or year `step` units from the anchor's, at that unit's precision.

    A week is given as the month it falls in (its Thursday's, as ISO weeks count).
    """
    if anchor is None or unit_word is None:
        return None
    unit = lexicon().words["units"][unit_word.lower()]
    if unit == "day":
        return shift_days(anchor, step)
    if unit == "year":
        return When(dt.date(anchor.day.year + step, 1, 1), "year")
    if unit == "month":
        if anchor.precision == "year":
            return anchor
        index = anchor.day.year * 12 + anchor.day.month - 1 + step
        return When(dt.date(index // 12, index % 12 + 1, 1), "month")
    if anchor.precision != "day":
        return anchor
    thursday = anchor.day - dt.timedelta(days=anchor.day.weekday()) + dt.timedelta(days=3 + 7 * step)
    return When(thursday.replace(day=1), "month")


def is_later(a: When, b: When) -> bool:
    """Whether `a` lies after `b` at the coarser of their two precisions."""
    common = min(a.precision, b.precision, key=PRECISIONS.index)
    return coarsen(a, common).day > coarsen(b, common).day


def coarsen(when: When, precision: str) -> When:
    """The same date at a coarser precision (never a finer one)."""
    if PRECISIONS.index(precision) >= PRECISIONS.index(when.precision):
        return when
    day = when.day.replace(day=1) if precision == "month" else dt.date(when.day.year, 1, 1)
    return When(day, precision)


def parse_numeric(text: str, anchor: Optional[When]) -> Optional[When]:
    """A numeric date ("2/7/2024") through dateparser, month first as in US news."""
    base = anchor.day.isoformat() if anchor else None
    return _dateparser(text, base)


@lru_cache(maxsize=4096)
def _dateparser(text: str, base: Optional[str]) -> Optional[When]:
    """dateparser's reading of `text` relative to `base`, cached: it is slow."""
    settings = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "MDY"}
    if base:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(base)
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if data.date_obj is None or data.period not in PRECISIONS:
        return None
    return coarsen(When(data.date_obj.date(), "day"), data.period)


# ---------------------------------------------------------------- syntax

def _verb_chain(verb) -> list:
    """A verb and the verbs it is the open complement of ("is to take", "expected to meet")."""
    chain = [verb]
    while chain[-1].dep_ == "xcomp" and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def is_future(token) -> bool:
    """Whether the clause a token sits in looks forward ("will meet", "is to take effect")."""
    w = lexicon().words
    chain = _verb_chain(clause_verb(token))
    if any(c.dep_ == "aux" and c.lower_ in w["future_auxiliaries"] for v in chain for c in v.children):
        return True
    infinitive = any(c.lower_ == "to" for c in chain[0].children)
    return infinitive and any(v.lemma_ in w["future_governors"] for v in chain[1:])


def is_past_perfect(token) -> bool:
    """Whether the clause a token sits in is in the past perfect ("had left")."""
    verb = clause_verb(token)
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


# ---------------------------------------------------------------- the time component

@dataclass
class _Found:
    """A mention placed in the parse: its tokens, sentence, paragraph and tense."""

    mention: Mention
    span: object
    sentence: int
    paragraph: int
    future: bool
    perfect: bool
    when: Optional[When] = None


def paragraph_starts(text: str) -> list[int]:
    """Character offsets where a new paragraph (a line break) begins."""
    return [m.end() for m in re.finditer(r"\n\s*", text)]


def place_mentions(document: Document, mentions: list[Mention]) -> list[_Found]:
    """Tie each mention to its tokens, sentence, paragraph and the tense of its clause."""
    doc = document.doc
    sentence_starts = [s.start for s in document.sentences]
    breaks = paragraph_starts(document.text)
    placed = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        root = span.root
        placed.append(_Found(m, span, bisect.bisect_right(sentence_starts, span.start) - 1,
                             bisect.bisect_right(breaks, m.start), is_future(root), is_past_perfect(root)))
    return placed


def resolve_mentions(found: list[_Found], document_when: Optional[When], published: bool) -> None:
    """Resolve each mention in reading order, carrying the narrative's reference time.

    A yearless date ("in January") follows the story's own years: forward from the
    last date it gave (back in the past perfect) when that date named its year in the
    same paragraph, or anywhere in an article without a publication date. Otherwise
    it lies back from the publication date, or ahead of it in a future clause.
    """
    narrative: Optional[When] = None
    narrative_day: Optional[When] = None
    story: Optional[When] = None
    story_paragraph = -1
    for f in found:
        if f.mention.kind in YEARLESS_KINDS:
            in_story = story if (not published or story_paragraph == f.paragraph) else None
            f.when = resolve(f.mention, document_when, in_story, not f.perfect if in_story else f.future)
        elif f.mention.kind == "anaphoric_day":  # a count of days needs a day to count from
            f.when = resolve(f.mention, document_when, narrative_day or narrative, f.future)
        else:
            f.when = resolve(f.mention, document_when, narrative, f.future)
        if f.when is None or f.future or (document_when and is_later(f.when, document_when)):
            continue
        narrative = f.when
        narrative_day = f.when if f.when.precision == "day" else narrative_day
        if f.mention.get("year") or not published:
            story, story_paragraph = f.when, f.paragraph


def infer_document_date(found: list[_Found]) -> Optional[When]:
    """The latest date the story reports as past: an article is written after what it tells."""
    past = [f.when for f in found if f.when is not None and not f.future]
    return max(past, key=lambda w: w.day, default=None)


def parse_iso(value: Optional[str]) -> Optional[When]:
    """A When from an ISO date of any precision, or None."""
    if not value:
        return None
    parts = value.split("-")
    precision = PRECISIONS[min(len(parts), 3) - 1]
    numbers = [int(p) for p in parts[:3]] + [1] * (3 - len(parts[:3]))
    return When(dt.date(*numbers), precision)


def find_timexes(document: Document) -> tuple[list[_Found], Optional[When]]:
    """Find and resolve the document's dates; returns them and the inferred date, if any."""
    mentions = find_mentions(document.text)
    mentions = sorted(mentions + entity_mentions(document.doc, mentions), key=lambda m: m.start)
    found = place_mentions(document, mentions)
    published = parse_iso(document.date)
    inferred = None
    if published is None:
        resolve_mentions(found, None, False)
        inferred = infer_document_date(found)
    resolve_mentions(found, published or inferred, published is not None)
    return found, inferred


@components.register("time")
def make_time(config: Config) -> Callable[[Document], None]:
    """Component that finds and resolves the document's temporal expressions."""
    def time(document: Document) -> None:
        """Record the document's resolved timexes and, without a publication date, its inferred one."""
        found, inferred = find_timexes(document)
        document.timexes = [Timex(f.span.start, f.span.end, f.sentence, document.text[f.mention.start:f.mention.end],
                                  f.when.iso(), f.when.precision) for f in found if f.when is not None]
        if inferred is not None:
            document.date_inferred = inferred.iso()
    return time


# ---------------------------------------------------------------- the event_dates component

@dataclass
class _DatingContext:
    """What dating events needs from a document, computed once per document."""

    document: Document
    paragraph_of: Callable[[int], int]
    sets_time: dict[int, bool] = field(default_factory=dict)
    lede: Optional[Timex] = None


def dating_context(document: Document) -> _DatingContext:
    """Paragraphs, which timexes set the story's time, and the lede's time (the story's own).

    A future date, or the open start of a range ("since 2015"), sets no time for
    the sentences after it.
    """
    breaks = paragraph_starts(document.text)
    doc = document.doc

    def paragraph_of(token: int) -> int:
        """The paragraph a token stands in, counted from 0."""
        return bisect.bisect_right(breaks, doc[token].idx)

    ctx = _DatingContext(document, paragraph_of)
    published = parse_iso(document.date or document.date_inferred)
    open_range = tuple(lexicon().words["open_range_prepositions"])
    for t in document.timexes:
        ctx.sets_time[t.start] = not (is_future(doc[t.start:t.end].root)
                                      or t.text.lower().startswith(open_range)
                                      or (published is not None and is_later(parse_iso(t.value), published)))
    ctx.lede = next((t for t in document.timexes if paragraph_of(t.start) <= 1 and ctx.sets_time[t.start]), None)
    return ctx


def choose_timex(event: Event, ctx: _DatingContext) -> Optional[Timex]:
    """The timex that dates an event: own clause, then sentence, then the story's time."""
    return _in_sentence(event, ctx) or _carried(event, ctx) or ctx.lede


def _in_sentence(event: Event, ctx: _DatingContext) -> Optional[Timex]:
    """The sentence's timex nearest the event in the parse: its clause, then the clauses above."""
    doc = ctx.document.doc
    candidates = [t for t in ctx.document.timexes if t.sentence == event.sentence]
    if not candidates or not event.trigger:
        return None
    trigger = doc[event.trigger[0]]
    for i in event.trigger:
        if doc[i].head.i not in event.trigger:
            trigger = doc[i]
    levels = _clause_levels(clause_verb(trigger))

    def rank(t: Timex) -> tuple[float, int]:
        """Clauses up from the event (0.5: a clause below it, 99: unrelated), then distance."""
        root = doc[t.start:t.end].root
        head = clause_verb(root.head)
        if root.i == trigger.i or trigger in root.ancestors:
            return (0, 0)
        level = levels.get(head.i)
        if level is None:
            level = 0.5 if clause_verb(trigger) in root.ancestors else 99
        return (level, abs(t.start - trigger.i))
    return min(candidates, key=rank)


def _clause_levels(verb) -> dict[int, int]:
    """Each clause head above a verb, with how many clauses up it is (its own is 0)."""
    levels = {verb.i: 0}
    level = 0
    while verb.head.i != verb.i:
        verb = clause_verb(verb.head)
        level += 1
        levels.setdefault(verb.i, level)
    return levels


def _carried(event: Event, ctx: _DatingContext) -> Optional[Timex]:
    """The last timex that set the story's time in earlier sentences of the event's paragraph."""
    paragraph = ctx.paragraph_of(event.trigger[0]) if event.trigger else -1
    earlier = [t for t in ctx.document.timexes if t.sentence < event.sentence
               and ctx.paragraph_of(t.start) == paragraph and ctx.sets_time[t.start]]
    return earlier[-1] if earlier else None


@components.register("event_dates")
def make_event_dates(config: Config) -> Callable[[Document], None]:
    """Component that dates each event, falling back to the document date."""
    def event_dates(document: Document) -> None:
        """Set each event's date and the words it came from."""
        ctx = dating_context(document)
        for event in document.events:
            timex = choose_timex(event, ctx)
            if timex is None:
                event.date, event.date_text = document.date or document.date_inferred, None
            else:
                event.date, event.date_text = timex.value, timex.text
    return event_dates
