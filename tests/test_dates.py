"""Tests of the time stage: finding, resolving and attaching event dates."""
import datetime as dt

import pytest

from killdeer import code_text
from killdeer.api import get_pipeline, to_documents
from killdeer.dates import (When, find_mentions, is_later, lexicon, parse_iso, parse_numeric,
                            resolve, shift_unit)


def dates_of(text, date=None):
    """(trigger, date, date_text) of each event coded from `text`."""
    return [(r["trigger"], r["date"], r["date_text"]) for r in code_text(text, date=date)]


def coded(text, date=None):
    """The coded Document for `text`, to look at its timexes and inferred date."""
    return next(get_pipeline().process(to_documents([{"id": "t", "text": text, "date": date}])))


# ---------------------------------------------------------------- through the pipeline

@pytest.mark.parametrize("text, published, expected", [
    ("Russian forces shelled Kharkiv on Feb. 2.", "2024-02-07", ("shelled", "2024-02-02", "on Feb. 2")),
    ("Police arrested 40 protesters in Nairobi on 7 February 2024.", None,
     ("arrested", "2024-02-07", "on 7 February 2024")),
    ("The army launched an offensive against the rebels in October 2023.", "2024-02-07",
     ("offensive", "2023-10", "in October 2023")),
    ("Israeli troops raided the Jenin camp in January.", "2024-03-05", ("raided", "2024-01", "in January")),
    ("Ukraine and Poland signed a grain agreement in early November.", "2023-12-01",
     ("signed", "2023-11", "in early November")),
    ("The president threatened to expel the ambassador by mid-December.", "2023-12-01",
     ("threatened", "2023-12", "by mid-December")),
    ("Al-Shabaab militants have attacked the town repeatedly since 2019.", "2024-03-07",
     ("attacked", "2019", "since 2019")),
    ("Gunmen killed five soldiers yesterday in northern Mali.", "2024-03-07", ("killed", "2024-03-06", "yesterday")),
    ("Protesters clashed with police on Tuesday in Dakar.", "2024-03-07", ("clashed", "2024-03-05", "on Tuesday")),
    ("Police arrested the opposition leader on Friday.", "2024-03-07", ("arrested", "2024-03-01", "on Friday")),
    ("The European Union imposed new sanctions on Iran last week.", "2024-03-07",
     ("sanctions", "2024-02", "last week")),
    ("Troops withdrew from the border later in November.", "2023-12-01", ("withdrew", "2023-11", "later in November")),
    ("Two days ago, militants kidnapped a priest in Kaduna.", "2024-03-07", ("kidnapped", "2024-03-05", "Two days ago")),
    ("Earlier this month, Turkey arrested dozens of journalists.", "2024-03-20",
     ("arrested", "2024-03", "Earlier this month")),
    ("Thousands of farmers protested in Paris this week.", "2024-03-07", ("protested", "2024-03", "this week")),
])
def test_each_kind_of_expression_dates_its_event(text, published, expected):
    assert dates_of(text, published)[0] == expected


def test_story_across_the_new_year_goes_back_to_december():
    assert dates_of("Militants attacked a checkpoint in Sinai on Dec. 30.", "2024-01-03") == [
        ("attacked", "2023-12-30", "on Dec. 30")]


def test_the_next_day_counts_from_the_previous_event():
    text = "Rebels attacked the town on Monday. The next day, the army bombed their camp."
    assert dates_of(text, "2024-03-07") == [("attacked", "2024-03-04", "on Monday"),
                                             ("bombed", "2024-03-05", "The next day")]


def test_each_clause_keeps_its_own_date():
    text = "The ministry said on Monday that rebels had attacked the base on Saturday."
    assert ("attacked", "2024-03-02", "on Saturday") in dates_of(text, "2024-03-07")


def test_weekday_without_publication_date_takes_the_inferred_month():
    text = "In March 2021, the junta arrested protest leaders. On Friday, soldiers shot dead ten demonstrators."
    assert dates_of(text)[-1] == ("shot", "2021-03", "On Friday")


def test_yearless_month_runs_forward_from_the_last_year_given():
    text = "In March 2021, the junta arrested protest leaders. In January, soldiers shot dead ten demonstrators."
    assert dates_of(text) == [("arrested", "2021-03", "In March 2021"), ("shot", "2022-01", "In January")]
    assert coded(text).date_inferred == "2022-01"


def test_publication_date_is_not_replaced_by_an_inferred_one():
    document = coded("In March 2021, the junta arrested protest leaders.", "2024-03-07")
    assert (document.date, document.date_inferred) == ("2024-03-07", None)


@pytest.mark.parametrize("text", [
    "Armenia and Azerbaijan have fought over the region for decades.",
    "In recent years, militants have attacked schools in the region.",
    "Police arrested the opposition leader.",
])
def test_durations_and_vague_times_fall_back_to_the_publication_date(text):
    assert {(d, t) for _, d, t in dates_of(text, "2024-03-07")} == {("2024-03-07", None)}


def test_later_paragraph_without_a_date_returns_to_the_lede_time():
    text = ("On Monday, police arrested 40 protesters in Minsk. The crackdown began in 2020.\n\n"
            "The opposition leader condemned the arrests.")
    assert dates_of(text, "2024-03-07")[-1] == ("condemned", "2024-03-04", "On Monday")


def test_earlier_sentence_in_the_paragraph_carries_its_date():
    text = ("Troops entered the city on Oct. 2, 2018.\n\n"
            "Rebels shelled the port in August. The navy blockaded the coast.")
    assert dates_of(text, "2019-09-29")[-1] == ("blockaded", "2019-08", "in August")


def test_future_date_sets_no_time_for_later_sentences():
    text = ("On Friday, the United States announced sanctions on Cuba. The ban takes effect on December 10.\n"
            "Cuba condemned the sanctions.")
    assert dates_of(text, "2019-10-27")[-1] == ("condemned", "2019-10-25", "On Friday")


# ---------------------------------------------------------------- finding

def test_find_mentions_names_each_kind():
    text = ("On Friday, 7 February 2024, rebels attacked; the next day and two days ago, "
            "last week and in early November, since 2019, yesterday, on Monday.")
    kinds = [(text[m.start:m.end], m.kind) for m in find_mentions(text)]
    assert kinds == [("On Friday, 7 February 2024", "day_month"),
                     ("the next day", "anaphoric_day"), ("two days ago", "offset"),
                     ("last week", "deictic_unit"), ("in early November", "month"),
                     ("since 2019", "year"), ("yesterday", "deictic_day"),
                     ("on Monday", "weekday")]


@pytest.mark.parametrize("text", ["Theresa May said", "for decades", "in recent years", "over the past week",
                                  "2,019 people", "for two weeks", "2000000 days ago"])
def test_find_mentions_skips_what_only_looks_like_a_date(text):
    assert find_mentions(text) == []


def test_a_date_stops_at_a_line_break():
    text = "Rebels took the town in October\n\n2023 people fled."
    assert [text[m.start:m.end] for m in find_mentions(text)] == ["in October"]


# ---------------------------------------------------------------- resolving

def mention(text):
    """The one mention found in `text`."""
    (found,) = find_mentions(text)
    return found


PUBLISHED = When(dt.date(2024, 1, 3), "day")


@pytest.mark.parametrize("text, forward, expected", [
    ("on Dec. 30", False, "2023-12-30"),
    ("on Dec. 30", True, "2024-12-30"),
    ("last October", False, "2023-10"),
    ("in mid-March", True, "2024-03"),
    ("on Wednesday", False, "2024-01-03"),
    ("on Tuesday", False, "2024-01-02"),
    ("on Tuesday", True, "2024-01-09"),
    ("last year", False, "2023"),
    ("this week", False, "2024-01"),
    ("tomorrow", True, "2024-01-04"),
])
def test_resolve_against_the_publication_date(text, forward, expected):
    assert resolve(mention(text), PUBLISHED, None, forward).iso() == expected


def test_resolve_anaphora_against_the_narrative_time():
    narrative = When(dt.date(2021, 3, 31), "day")
    assert resolve(mention("the following day"), PUBLISHED, narrative, False).iso() == "2021-04-01"
    assert resolve(mention("a week later"), PUBLISHED, narrative, False).iso() == "2021-04"


def test_relative_date_without_any_anchor_is_unresolved():
    assert resolve(mention("yesterday"), None, None, False) is None


def test_shift_unit_keeps_a_coarse_anchor():
    assert shift_unit(When(dt.date(2021, 1, 1), "year"), "month", -1) == When(dt.date(2021, 1, 1), "year")
    assert shift_unit(When(dt.date(2024, 1, 15), "month"), "month", -1).iso() == "2023-12"


def test_is_later_compares_at_the_coarser_precision():
    assert not is_later(parse_iso("2024-01-20"), parse_iso("2024-01"))
    assert is_later(parse_iso("2024-02-01"), parse_iso("2024-01"))


def test_numeric_dates_go_through_dateparser():
    assert parse_numeric("2/7/2024", PUBLISHED).iso() == "2024-02-07"


def test_lexicon_words_are_loaded_once():
    assert lexicon() is lexicon()
    assert lexicon().words["months"]["December"] == 12
