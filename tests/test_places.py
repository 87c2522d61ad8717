"""Places: where an event happened, resolved against the gazetteer."""
from killdeer import code_text
from killdeer.gazetteer import default_gazetteer


def place(text: str, trigger: str) -> tuple:
    """(name, country, feature) of the event with `trigger`."""
    record = next(r for r in code_text(text, date="2024-02-01") if r["trigger"] == trigger)
    loc = record["location"] or {}
    return loc.get("name"), loc.get("country"), loc.get("feature")


def test_country_abbreviations_resolve_to_the_country():
    g = default_gazetteer()
    assert g.resolve("U.S.").country == "USA"
    assert g.resolve("USA", weak={"CAN"}).feature == "country"
    assert g.resolve("the United States").name == "United States"


def test_georgia_is_the_country_unless_the_context_is_american():
    g = default_gazetteer()
    assert g.resolve("Georgia").country == "GEO"
    assert g.resolve("Georgia", weak={"USA"}).admin1 == "Georgia"
    assert g.resolve("Georgia", weak={"USA", "RUS"}).country == "GEO"


def test_a_capital_resolves_to_the_city_and_size_beats_a_namesake():
    g = default_gazetteer()
    assert g.resolve("Tehran").feature == "city"
    assert g.resolve("London", weak={"USA"}).country == "GBR"


def test_place_in_the_triggers_clause():
    assert place("Militants attacked a base in Jordan on Sunday.", "attacked") == ("Jordan", "JOR", "country")


def test_city_beats_the_country_it_is_in():
    assert place("Gunmen attacked a market in Mosul, Iraq, on Friday, police said.", "attacked") == ("Mosul", "IRQ", "city")


def test_visited_city_is_the_place():
    assert place("Blinken visited Baghdad on Tuesday.", "visited") == ("Baghdad", "IRQ", "city")


def test_georgia_with_american_city_is_the_state():
    assert place("Protesters rallied in Atlanta, Georgia, after the vote.", "rallied")[:2] == ("Atlanta", "USA")



def test_a_persons_name_is_never_a_place():
    """"King Hassan" is a person, not the Indian city of Hassan: the event is placed in Morocco."""
    text = "King Hassan of Morocco said on Monday that he would host talks between the two sides."
    assert place(text, "host") == ("Morocco", "MAR", "country")
