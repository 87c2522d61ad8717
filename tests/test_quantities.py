"""Numbers: fatalities, injured, arrested, participants and aggregate counts."""
import pytest

from killdeer import code_text
from killdeer.quantities import parse_number


def event(text: str, trigger: str) -> dict:
    """The record of the event with `trigger`."""
    return next(r for r in code_text(text, date="2024-02-01") if r["trigger"] == trigger)


@pytest.mark.parametrize("words,value", [
    ("three", 3), ("1.2 million", 1_200_000), ("half a million", 500_000), ("4,500", 4500),
    ("a dozen", 12), ("twenty five", 25), ("dozens", None)])
def test_number_forms(words, value):
    assert parse_number(words.split())[0] == value


def test_killing_participle_counts_the_dead():
    assert event("Militants attacked a base in Jordan, killing three servicemen.", "attacked")["fatalities"] == 3


def test_aggregate_count_ignores_qualifiers():
    record = event("Nearly 100 attacks on US bases have been reported since October.", "attacks")
    assert (record["aggregate"], record["count"]) == (True, 100)


def test_casualty_clause_goes_to_the_attack_before_it():
    record = event("Gunmen attacked a village in Borno state; at least 20 were killed and 15 were wounded.", "attacked")
    assert (record["fatalities"], record["injured"]) == (20, 15)


def test_death_toll_in_the_next_sentence():
    assert event("Rebels attacked the town on Monday. The death toll rose to 12.", "attacked")["fatalities"] == 12


def test_number_of_another_event_is_not_attached():
    records = code_text("Militants attacked a checkpoint, and separately a flood killed five people.", date="2024-02-01")
    attack = next(r for r in records if r["trigger"] == "attacked")
    assert attack["fatalities"] is None


@pytest.mark.parametrize("text", [
    "Suspected militants attacked a police post in Mandera on Sunday. Separately, floods killed five people "
    "in Garissa on Monday, police said.",
    "Rebels attacked an army base near Goma on Sunday. Five people died in floods in the south on Monday.",
    "Rebels attacked an army base near Goma on Sunday, while a landslide killed five villagers in the south."])
def test_disaster_toll_is_not_hung_on_an_earlier_attack(text):
    [record] = [r for r in code_text(text, date="2024-02-01") if r["event_type"]]
    assert (record["trigger"], record["fatalities"]) == ("attacked", None)


@pytest.mark.parametrize("text, trigger, arrested", [
    ("Police arrested 45 protesters outside parliament on Sunday.", "arrested", 45),
    ("Security forces detained more than 200 opposition supporters in the capital.", "detained", 200),
    ("Twelve activists were jailed by the authorities after the rally.", "jailed", 12),
])
def test_arrests_are_counted_on_the_arrest(text, trigger, arrested):
    assert event(text, trigger)["arrested"] == arrested


def test_arrests_in_another_clause_do_not_go_to_a_clash():
    records = code_text("Police clashed with protesters, and 30 people were arrested.", date="2024-02-01")
    assert [(r["trigger"], r["arrested"]) for r in records] == [("clashed", None), ("clashed", None)]
