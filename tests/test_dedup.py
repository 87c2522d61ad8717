"""Cross-article deduplication: merge reports of one event, never two distinct events."""
import datetime as dt

from event_factory import GAZA_STRIP, ISRAELI_MILITARY, KHAN_YOUNIS, blinken_visit, rafah_strike

from killdeer.dedup import compatible_dates, compatible_places, date_period, deduplicate


def test_three_articles_on_one_strike_become_one_event_with_links():
    mentions = [rafah_strike("reuters-1"), rafah_strike("ap-7", source=ISRAELI_MILITARY),
                rafah_strike("aljazeera-3", location=None, date="2024-02-13")]
    [event] = deduplicate(mentions)
    assert event["mentions"] == 3
    assert event["mention_ids"] == ["reuters-1:0", "ap-7:0", "aljazeera-3:0"]
    assert event["doc_ids"] == ["reuters-1", "ap-7", "aljazeera-3"]
    assert event["location"]["name"] == "Rafah"


def test_same_day_strikes_in_two_cities_stay_two_events_even_through_an_unplaced_report():
    mentions = [rafah_strike("reuters-1"), rafah_strike("ap-7", location=KHAN_YOUNIS),
                rafah_strike("afp-2", location=None)]
    events = deduplicate(mentions)
    assert [(e["location"]["name"], e["mentions"]) for e in events] == [("Rafah", 2), ("Khan Yunis", 1)]
    assert events[0]["mention_ids"] == ["reuters-1:0", "afp-2:0"]


def test_region_contains_its_city_but_two_cities_do_not_match():
    assert compatible_places(GAZA_STRIP, KHAN_YOUNIS)
    assert not compatible_places(rafah_strike("a")["location"], KHAN_YOUNIS)


def test_one_article_reporting_two_strikes_keeps_both():
    events = deduplicate([rafah_strike("reuters-1", 0), rafah_strike("reuters-1", 1)])
    assert [e["mentions"] for e in events] == [1, 1]


def test_dates_merge_at_coarser_precision_or_within_one_day_only():
    assert compatible_dates("2024-02", "2024-02-12")
    assert compatible_dates("2024-02-12", "2024-02-13")
    assert not compatible_dates("2024-02-12", "2024-02-14")
    assert not compatible_dates("2024-02", "2024-03-01")
    assert not compatible_dates(None, "2024-02-12")


def test_different_types_and_actors_do_not_merge():
    events = deduplicate([rafah_strike("reuters-1"), blinken_visit("ap-7", date="2024-02-12")])
    assert [e["event_type"] for e in events] == ["ASSAULT", "CONSULT"]


def test_visits_a_week_apart_are_two_events():
    events = deduplicate([blinken_visit("reuters-1", date="2024-02-07"), blinken_visit("ap-7", date="2024-02-14")])
    assert [e["date"] for e in events] == ["2024-02-07", "2024-02-14"]


def test_aggregate_statements_never_merge():
    summary = {**rafah_strike("ocha-1"), "aggregate": True}
    assert [e["mentions"] for e in deduplicate([summary, rafah_strike("ap-7")])] == [1, 1]


def test_date_period_spans_the_precision():
    assert date_period("2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert date_period("2023") == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert date_period("2024-02-12") == (dt.date(2024, 2, 12), dt.date(2024, 2, 12))
    assert date_period("last week") is None
