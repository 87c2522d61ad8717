"""The actors stage on news-style sentences: names, nationalities, roles, coreference, office holders."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

import pytest

from killdeer.config import Config
from killdeer.ingest import make_document
from killdeer.kb import load_kb
from killdeer.model import Document, Mention
from killdeer.pipeline import Pipeline


@lru_cache(maxsize=4)
def pipeline(actor_files: tuple[Path, ...] = ()) -> Pipeline:
    """A time+actors pipeline, built once per set of user actor files."""
    return Pipeline(Config(actor_files=actor_files), stages=("time", "actors"))


def run(text: str, date: Optional[str] = None, actor_files: tuple[Path, ...] = ()) -> Document:
    """The document after the actors stage."""
    return next(pipeline(actor_files).process([make_document({"id": "t", "text": text, "date": date}, "test")]))


def at(document: Document, word: str, nth: int = 0) -> list[Mention]:
    """Mentions rooted at the nth occurrence of `word`."""
    tokens = [t.i for t in document.doc if t.text == word]
    return document.mentions_at(tokens[nth])


def one(document: Document, word: str, nth: int = 0) -> tuple[str, Optional[str], list[str]]:
    """(name, country, roles) of the single mention rooted at `word`."""
    found = at(document, word, nth)
    assert len(found) == 1, found
    actor = found[0].actor
    return actor.name, actor.country, actor.roles


def test_title_and_nationality_root_at_the_name():
    doc = run("Iraqi Foreign Minister Fuad Hussein met the delegation on Monday.")
    assert one(doc, "Hussein") == ("Fuad Hussein", "IRQ", ["GOV"])
    assert at(doc, "Hussein")[0].actor.id == "irq-fm-fuadhussein"


def test_conjoined_nationalities_give_one_mention_per_country():
    doc = run("Senior Hungarian and Romanian officials agreed on Wednesday to cooperate.")
    found = at(doc, "officials")
    assert sorted(m.actor.country for m in found) == ["HUN", "ROU"]
    assert all(m.actor.roles == ["GOV"] for m in found)


def test_conjoined_states_are_separate_mentions():
    doc = run("The United States and Jordan have agreed upon a new free-trade pact.")
    assert one(doc, "States") == ("United States", "USA", ["GOV"])
    assert one(doc, "Jordan") == ("Jordan", "JOR", ["GOV"])


def test_short_forms_share_one_canonical_name():
    doc = run("U.S. officials said America and the US would not yield.")
    assert at(doc, "officials")[0].actor.country == "USA"
    assert one(doc, "America") == ("United States", "USA", ["GOV"])
    assert one(doc, "US") == ("United States", "USA", ["GOV"])


def test_capital_as_government_versus_as_place():
    doc = run("Tehran rejected the proposal after envoys flew to Moscow.")
    assert one(doc, "Tehran") == ("Iran", "IRN", ["GOV"])
    assert at(doc, "Moscow") == []


def test_seat_of_power_metonym():
    doc = run("The Kremlin denied the report, and the Pentagon declined to comment.")
    assert one(doc, "Kremlin") == ("Russia", "RUS", ["GOV"])
    assert one(doc, "Pentagon") == ("United States", "USA", ["MIL"])


def test_sponsor_is_not_the_groups_country():
    doc = run("The Iran-sponsored Kata'ib Hezbollah claimed the attack.")
    actor = doc.mention_at([t.i for t in doc.doc if t.text == "Hezbollah"][0]).actor
    assert (actor.name, actor.country, actor.roles) == ("Kata'ib Hezbollah", "IRQ", ["REB"])


def test_based_in_descriptor_gives_the_country():
    doc = run("A terror group based in Pakistan claimed the bombing.")
    assert one(doc, "group") == ("terror group", "PAK", ["REB"])


def test_role_nouns_map_to_sectors_and_nationality():
    doc = run("Iraqi security forces clashed with militants while protesters gathered.")
    assert one(doc, "forces") == ("Iraqi security forces", "IRQ", ["COP", "MIL"])
    assert one(doc, "militants")[2] == ["REB"]
    assert one(doc, "protesters")[2] == ["OPP", "CVL"]


def test_members_of_parliament_root_at_members():
    doc = run("Members of parliament in Kenya voted against the bill.")
    assert one(doc, "Members") == ("Members", "KEN", ["LEG"])


def test_people_noun_and_ethnic_kin():
    assert one(run("The Israelis rejected the plan."), "Israelis") == ("Israelis", "ISR", ["CVL"])
    doc = run("Ethnic Albanians in southern Serbia demanded autonomy.")
    assert one(doc, "Albanians") == ("Albanians", "SRB", ["CVL"])


def test_surname_resolves_to_earlier_full_name():
    doc = run("Police chief Carlos Mendoza spoke to reporters on Monday. Mendoza said two suspects were held.")
    first, later = at(doc, "Mendoza")[0].actor, at(doc, "Mendoza", 1)[0].actor
    assert later.name == first.name == "Carlos Mendoza"
    assert later.roles == ["COP"]


def test_shared_surname_resolves_to_most_recent_person():
    doc = run("Senator Ted Kennedy spoke first. Later, Governor Joe Kennedy answered. Kennedy then left.")
    assert at(doc, "Kennedy", 2)[0].actor.name == "Joe Kennedy"


def test_pronoun_after_two_candidates_prefers_the_subject():
    doc = run("Putin met Macron in Paris on Monday. He said the talks were useful.")
    assert one(doc, "He") == ("Vladimir Putin", "RUS", ["GOV"])


def test_possessive_pronoun_gives_the_country():
    doc = run("Syria says it is willing to withdraw its troops from Lebanon.")
    assert one(doc, "troops") == ("troops", "SYR", ["MIL"])
    assert one(doc, "it")[1] == "SYR"


def test_the_minister_resolves_to_the_titled_person():
    doc = run("Defence Minister Pierre Joxe visited the base. The minister praised the troops.")
    assert one(doc, "minister") == ("Pierre Joxe", "FRA", ["GOV"])


def test_the_president_depends_on_the_article_date():
    text = "The United States imposed tariffs. The president said more would follow."
    assert one(run(text, date="2019-06-01"), "president")[0] == "Donald Trump"
    assert one(run(text, date="2022-06-01"), "president")[0] == "Joe Biden"


def test_president_with_surname_in_office_on_the_date():
    assert at(run("President Bush spoke in Ohio.", date="1990-05-01"), "Bush")[0].actor.name == "George H. W. Bush"
    assert at(run("President Bush spoke in Ohio.", date="2003-05-01"), "Bush")[0].actor.name == "George W. Bush"


def test_unqualified_domestic_actor_takes_focus_country():
    doc = run("Kenyan authorities arrested six men. Police said the government would act.")
    assert doc.focus_country == "KEN"
    assert one(doc, "Police") == ("Police", "KEN", ["COP"])
    assert one(doc, "government")[1] == "KEN"


def test_former_office_holder_is_elite():
    doc = run("Ousted President Askar Akayev has agreed to resign.")
    assert one(doc, "Akayev") == ("Askar Akayev", "KGZ", ["ELI"])


def test_international_organisations_use_plover_codes():
    doc = run("NATO and the European Union urged the United Nations to act.")
    assert one(doc, "NATO")[1] == "IGO"
    assert one(doc, "Union")[1] == "EUR"
    assert one(doc, "Nations")[1] == "UNO"


def test_user_actor_file_extends_the_knowledge_base(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text("id,name,aliases,country,roles\nzrf,Zarnian Resistance Front,ZRF,MLI,REB\n", encoding="utf-8")
    doc = run("The ZRF attacked an army post.", actor_files=(path,))
    assert at(doc, "ZRF")[0].actor.as_record() == {"name": "Zarnian Resistance Front", "text": "The ZRF",
                                                   "country": "MLI", "roles": ["REB"], "id": "zrf"}


@pytest.mark.parametrize("alias,country", [("Burma", "MMR"), ("Ivory Coast", "CIV"), ("Britain", "GBR"),
                                           ("UK", "GBR"), ("America", "USA")])
def test_knowledge_base_short_forms(alias, country):
    assert load_kb().lookup(alias)[0].country == country


def test_acronym_alias_needs_its_case():
    kb = load_kb()
    assert kb.lookup("us") == [] and kb.lookup("who") == []
    assert kb.lookup("WHO")[0].country == "IGO"


def test_officeholders_are_sourced_and_dated():
    import csv
    from importlib import resources
    with resources.files("killdeer.data").joinpath("officeholders.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert rows and all(r["source"].startswith("https://") and r["start"] for r in rows)
    assert all(not r["end"] or r["start"] < r["end"] for r in rows)


def test_titled_name_is_a_person_of_the_focus_country():
    doc = run("Vice-President Moody Awori met donors in Kenya on Monday.")
    assert one(doc, "Awori") == ("Moody Awori", "KEN", ["GOV"])


def test_state_adjective_beats_a_people_nouns_country():
    assert one(run("Bosnian Serbs shelled Sarajevo overnight."), "Serbs") == ("Serbs", "BIH", ["CVL"])


def test_ethnic_kin_and_victims_belong_where_the_sentence_places_them():
    doc = run("Ethnic Turks protested on Monday in Bulgaria, where 12 people were arrested.")
    assert one(doc, "Turks") == ("Turks", "BGR", ["CVL"])
    assert one(doc, "people") == ("people", "BGR", ["CVL"])


def test_victims_take_the_event_place_not_the_focus():
    doc = run("Indian officials said on Monday that 20 people were killed in Nepal.")
    assert doc.focus_country == "IND"
    assert one(doc, "people") == ("people", "NPL", ["CVL"])


def test_an_actors_own_whereabouts_is_not_the_event_place():
    doc = run("Nepalese rebels killed 20 villagers, officials in New Delhi said.")
    assert one(doc, "villagers")[1] == "NPL"
    assert one(doc, "officials")[1] == "IND"
    assert doc.focus_country == "NPL"


def test_currency_prefix_is_not_a_state():
    doc = run("The former president stole US $50 million from Haiti's treasury.")
    assert at(doc, "US") == []
    assert one(doc, "president") == ("president", "HTI", ["ELI"])


def test_state_doing_a_military_act_is_military():
    doc = run("Israeli air strikes and a US drone attack hit the town.")
    assert one(doc, "Israeli") == ("Israel", "ISR", ["MIL"])
    assert one(doc, "US") == ("United States", "USA", ["MIL"])
    assert one(run("French strikes paralysed the railways."), "French")[2] == ["GOV"]


def test_title_in_apposition_to_a_name_is_that_person():
    doc = run("Northamptonshire's chief constable Nick Adderley wrote to the embassy.")
    assert one(doc, "constable") == ("Nick Adderley", None, ["COP"])
    assert one(doc, "Adderley") == ("Nick Adderley", None, ["COP"])


def test_title_read_as_adjective_still_gives_the_role():
    assert one(run("Iranian general Qasem Soleimani was killed."), "Soleimani") == ("Qasem Soleimani", "IRN", ["MIL"])


def test_group_owned_by_a_person_is_domestic():
    doc = run("Zoran Djindjic's opposition coalition won in Serbian cities.")
    assert one(doc, "coalition") == ("coalition", "SRB", ["OPP"])


def test_occupier_is_not_the_peoples_country():
    doc = run("Palestinians of the Israeli-occupied West Bank went on strike.")
    assert one(doc, "Palestinians") == ("Palestinians", "PSE", ["CVL"])


def test_capital_of_a_dissolved_state_stands_for_its_successor():
    assert one(run("Belgrade rejected the plan."), "Belgrade") == ("Serbia", "SRB", ["GOV"])


def test_office_holders_of_the_1980s_and_1990s():
    doc = run("President F.W. de Klerk met Lt. Gen. Prosper Avril.")
    assert one(doc, "Klerk") == ("F. W. de Klerk", "ZAF", ["GOV"])
    assert one(doc, "Avril") == ("Prosper Avril", "HTI", ["MIL", "GOV"])
    assert one(run("Crown Prince Mohammed bin Salman met reporters."), "Salman") == \
        ("Mohammed bin Salman", "SAU", ["GOV"])


def test_other_first_name_is_another_person():
    assert one(run("Zulfikar Ali Bhutto was executed."), "Bhutto") == ("Zulfikar Ali Bhutto", None, [])


def test_civil_society_and_media_role_nouns():
    doc = run("The Berlin charity Cinema for Peace Foundation flew him out.")
    assert one(doc, "charity") == ("Berlin charity", "DEU", ["SOC"])
    assert one(run("Kenyan state television said the talks failed."), "television")[1:] == ("KEN", ["JRN", "GOV"])


def test_victims_of_an_attack_on_a_state_belong_to_it():
    doc = run("A Syrian missile strike on Lebanon killed six civilians.")
    assert one(doc, "Syrian") == ("Syria", "SYR", ["MIL"])
    assert one(doc, "civilians") == ("civilians", "LBN", ["CVL"])


@pytest.mark.parametrize("sentence, word, country", [
    ("An American diplomat arrived in Tokyo on Monday.", "diplomat", "USA"),
    ("French police cleared the camp near Calais.", "police", "FRA"),
    ("Chinese officials rejected the report.", "officials", "CHN"),
    ("Indian troops patrolled the border.", "troops", "IND"),
])
def test_shared_demonym_names_the_main_state(sentence: str, word: str, country: str) -> None:
    """A demonym that territories share too ("American", "French") means the main state."""
    assert one(run(sentence, "2021-05-04"), word)[1] == country


def test_object_pronoun_does_not_mean_its_own_subject():
    doc = run("Protesters gathered outside the assembly in Belgrade. As they tried to storm parliament, "
              "police fired tear gas at them.")
    assert one(doc, "them") == ("Protesters", "SRB", ["OPP", "CVL"])


def test_coordinated_pronoun_subject_is_its_own_mention():
    doc = run("The chief constable met the family on Monday. Both he and the commissioner urged the immunity be waived.")
    found = at(doc, "he")
    assert [(m.start, m.end, m.actor.name) for m in found] == [(found[0].root, found[0].root + 1, "chief constable")]


def test_capital_voicing_a_claim_is_its_government():
    doc = run("The Russian government dismissed the claim from Berlin as groundless.")
    assert one(doc, "Berlin") == ("Germany", "DEU", ["GOV"])


def test_capital_of_a_journey_stays_a_place():
    doc = run("The Russian foreign minister flew from Berlin on Monday.")
    assert at(doc, "Berlin") == []


def test_web_platform_is_no_actor():
    doc = run("US Secretary of State Mike Pompeo posted a message on Twitter blaming Iran for the attacks.")
    assert at(doc, "Twitter") == []
    assert one(doc, "Pompeo")[:2] == ("Mike Pompeo", "USA")


def test_dateline_gives_no_focus():
    doc = run("MOSCOW — The German government said the opposition leader was poisoned. Police arrested protesters.")
    assert doc.focus_country == "DEU"
    assert at(doc, "MOSCOW") == []


def test_unknown_organisation_takes_its_city_modifier():
    doc = run("Russian doctors said the opposition leader was stable before he was airlifted by "
              "Berlin non-profit Cinema for Peace Foundation.")
    assert one(doc, "Cinema") == ("Cinema for Peace Foundation", "DEU", ["SOC"])


def test_domestic_bodies_belong_where_the_sentence_places_them():
    doc = run("Russian President Vladimir Putin urged calm on Tuesday as Russian officials watched the unrest. "
              "Protesters stormed the government headquarters and the parliament in Yerevan.")
    assert doc.focus_country == "RUS"
    assert one(doc, "government") == ("government", "ARM", ["GOV"])
    assert one(doc, "parliament") == ("parliament", "ARM", ["LEG"])
    assert one(doc, "Protesters") == ("Protesters", "ARM", ["OPP", "CVL"])


def names_at(document: Document, word: str) -> list[tuple[str, Optional[str]]]:
    """(name, country) of every mention rooted at `word`, in text order of their referents."""
    return [(m.actor.name, m.actor.country) for m in at(document, word)]


def test_the_two_leaders_are_the_last_two_people():
    doc = run("French President Emmanuel Macron met German Chancellor Angela Merkel in Paris. "
              "The two leaders agreed to cooperate.")
    assert names_at(doc, "leaders") == [("Emmanuel Macron", "FRA"), ("Angela Merkel", "DEU")]


def test_the_three_countries_are_the_last_three_states():
    doc = run("India, China and Nepal met in Delhi. The three countries agreed on trade. Police said two men were killed.")
    assert names_at(doc, "countries") == [("India", "IND"), ("China", "CHN"), ("Nepal", "NPL")]
    assert names_at(doc, "men") == [("men", "IND")]


def test_both_sides_are_the_last_two_actors():
    doc = run("Israeli troops and Hamas militants clashed on Sunday. Both sides claimed victory.")
    assert names_at(doc, "sides") == [("Israeli troops", "ISR"), ("Hamas", "PSE")]


def test_person_takes_the_nationality_given_later_in_the_document():
    doc = run("Saudi officials denied it. Hatice Cengiz addressed reporters. Cengiz said she wanted justice. "
              "Hatice Cengiz is a Turkish national now living in London.")
    assert one(doc, "Cengiz") == ("Hatice Cengiz", "TUR", ["CVL"])
    assert one(doc, "she") == ("Hatice Cengiz", "TUR", ["CVL"])


def test_appositive_un_post_gives_a_person_the_un_keeping_the_name():
    doc = run("Saudi officials denied it. Agnès Callamard, a UN rapporteur, cautioned justice does not come swiftly. "
              "Callamard encouraged the CIA to release the files.")
    assert one(doc, "Callamard") == ("Agnès Callamard", "UNO", ["GOV"])
    assert one(doc, "Callamard", 1) == ("Agnès Callamard", "UNO", ["GOV"])


def test_government_of_a_known_president_is_his_country():
    doc = run("Saudi Arabia started supporting the government of Abdrabbuh Mansur Hadi against the Houthi rebellion.",
              date="2019-09-15")
    assert one(doc, "government") == ("Abdrabbuh Mansur Hadi government", "YEM", ["GOV"])


def test_state_in_a_title_is_no_actor_of_its_own():
    doc = run("US Secretary of State Mike Pompeo posted a message.")
    assert [m.actor.name for m in doc.mentions] == ["Mike Pompeo"]


def test_state_of_emergency_is_no_actor():
    doc = run("The Sudanese government on Sunday lifted a state of emergency in the region.")
    assert [m.actor.name for m in doc.mentions] == ["Sudanese government"]


def test_the_two_men_named_before_as_a_group_stay_that_group():
    doc = run("Police chief John Smith said officers arrested two men in Lagos. The two men were charged on Monday.")
    assert names_at(doc, "men") == [("men", "NGA")]
    assert [(m.actor.name, m.actor.country) for m in at(doc, "men", 1)] == [("men", "NGA")]


def test_a_destination_weighs_less_in_the_focus_than_an_actor():
    doc = run("Flights to Cuba will end, US officials announced on Friday. The transportation secretary signed the order.")
    assert doc.focus_country == "USA"
    assert one(doc, "secretary") == ("secretary", "USA", ["GOV"])


def test_name_and_adjective_conjoined_give_one_mention_each():
    doc = run("The Red Cross said US and British forces must ensure security.")
    assert names_at(doc, "forces") == [("US forces", "USA"), ("British forces", "GBR")]


def test_role_noun_in_apposition_to_a_known_group_is_that_group():
    doc = run("Israel's Cabinet decided not to allow candidates from the militant group Hamas on the ballots.")
    assert one(doc, "group") == ("Hamas", "PSE", ["REB"])


def test_old_demonym_names_its_state():
    doc = run("Vietnamese-led forces launched rocket fire against Kampuchean guerrilla camps near the Thai border.")
    assert one(doc, "Kampuchean") == ("Cambodia", "KHM", ["REB"])


def test_capital_making_a_request_or_demands_is_its_government():
    doc = run("China rejected a request by Washington and dismissed Moscow's demands.")
    assert one(doc, "Washington") == ("United States", "USA", ["GOV"])
    assert one(doc, "Moscow") == ("Russia", "RUS", ["GOV"])


def test_state_in_a_place_name_is_no_actor():
    doc = run("Gunmen attacked a village in Borno State, Nigerian police said.")
    assert [m.actor.name for m in doc.mentions] == ["Gunmen", "Nigerian police"]


@pytest.mark.parametrize("text, word, expected", [
    ("The Lok Sabha passed the farm bill on Friday.", "Sabha", ("India", "IND", ["LEG"])),
    ("The Taoiseach met union leaders in Dublin on Monday.", "Taoiseach", ("Ireland", "IRL", ["GOV"])),
    ("The Secretary of Defense criticized China on Tuesday.", "Secretary", ("United States", "USA", ["GOV"])),
    ("Secretary of Transportation Elaine Chao criticized the airlines.", "Chao", ("Elaine Chao", "USA", ["GOV"])),
    ("Vietnam's Politburo expelled two officials.", "Politburo", ("Politburo", "VNM", ["GOV"])),
])
def test_institutions_and_titles_name_their_country(text: str, word: str, expected: tuple) -> None:
    """A body or title used by one country only names that country (institutions.tsv)."""
    assert one(run(text), word) == expected


@pytest.mark.parametrize("text, word, expected", [
    ("Syria launched missiles at Israeli positions on Tuesday.", "Syria", ("Syria", "SYR", ["MIL", "GOV"])),
    ("Turkey invaded northern Cyprus in 1974.", "Turkey", ("Turkey", "TUR", ["MIL", "GOV"])),
    ("Russia criticized the new sanctions on Tuesday.", "Russia", ("Russia", "RUS", ["GOV"])),
])
def test_state_acting_militarily_is_military(text: str, word: str, expected: tuple) -> None:
    """A state as subject of an armed act is its military; otherwise its government."""
    assert one(run(text), word) == expected


def test_possessed_followers_take_the_possessors_country():
    doc = run("Russian opposition leader Alexei Navalny said police detained hundreds of his supporters in Moscow.")
    assert one(doc, "supporters") == ("supporters", "RUS", ["CVL", "OPP"])


def test_nationality_of_homes_and_towns_stands_for_civilians():
    doc = run("Israeli army bulldozers demolished Palestinian homes in southern Gaza on Sunday.")
    assert one(doc, "Palestinian") == ("Palestine", "PSE", ["CVL"])


def test_possessed_followers_of_a_movement_figure_join_the_movement():
    doc = run("Venezuelan opposition leader Juan Guaido said his associates were arrested by police.")
    assert one(doc, "associates") == ("associates", "VEN", ["OPP", "CVL"])
    doc = run("President Nicolas Maduro of Venezuela said his associates were arrested by police.")
    assert one(doc, "associates") == ("associates", "VEN", ["CVL"])


def test_service_members_are_military():
    doc = run("Three US servicemen were killed by a roadside bomb near Basra.")
    assert one(doc, "servicemen") == ("US servicemen", "USA", ["MIL"])


@pytest.mark.parametrize("text, word, expected", [
    ("Rebels kidnapped 16 Russian civilian advisers in Kabul.", "advisers", ("Russian advisers", "RUS", ["CVL", "GOV"])),
    ("Algerian workers began a general strike on Monday.", "workers", ("Algerian workers", "DZA", ["LAB"])),
])
def test_sector_adjective_names_the_sector(text: str, word: str, expected: tuple) -> None:
    """ "civilian", "military" as adjectives name a sector; other adjectives do not."""
    assert one(run(text), word) == expected


@pytest.mark.parametrize("text, word, expected", [
    ('"We will crush the rebels in Basilan," said Philippine Defence Secretary Delfin Lorenzana.', "We",
     ("Delfin Lorenzana", "PHL", ["GOV"])),
    ('Iranian Foreign Minister Javad Zarif said: "We will not negotiate under sanctions."', "We",
     ("Mohammad Javad Zarif", "IRN", ["GOV"])),
    ('According to the Kenyan police chief, "we arrested twelve suspects in Mombasa."', "we",
     ("Kenyan police chief", "KEN", ["COP"])),
])
def test_first_person_in_a_quotation_is_its_speakers_side(text: str, word: str, expected: tuple) -> None:
    assert one(run(text, "2019-05-01"), word) == expected


def test_first_person_plural_drops_the_speakers_own_id():
    document = run('"We will attack the Saudis," said Houthi spokesman Yahya Saree.', "2019-09-15")
    actor = at(document, "We")[0].actor
    assert (actor.country, actor.id) == ("YEM", None)


def test_first_person_outside_quotation_has_no_actor():
    assert at(run("We will never accept the new border, said the Armenian army."), "We") == []


def test_speaker_named_again_with_another_spelling_is_the_same_person():
    document = run('Houthi spokesman Yahya Sarea said the drones hit Abqaiq. "We will strike again," Saree said.',
                   "2019-09-15")
    assert one(document, "Saree")[:2] == ("Yahya Sarea", "YEM")


@pytest.mark.parametrize("text, word, expected", [
    ("The PRC protested to Japan over the islands.", "PRC", ("China", "CHN", ["GOV"])),
    ("The ILO criticised Qatar over the deaths of migrant workers.", "ILO",
     ("International Labour Organization", "UNO", ["LAB"])),
    ("The FAO delivered seeds to farmers in Somalia.", "FAO", ("Food and Agriculture Organization", "UNO", ["AGR"])),
    ("Islamic fundamentalists attacked a police station in Algeria.", "fundamentalists",
     ("fundamentalists", "DZA", ["REL"])),
])
def test_organisations_and_religious_movements(text: str, word: str, expected: tuple) -> None:
    assert one(run(text, "2019-05-01"), word) == expected


@pytest.mark.parametrize("text, country", [
    ("Protesters in Tripoli threw stones at Lebanese soldiers.", "LBN"),
    ("Protesters in Tripoli threw stones at Libyan soldiers.", "LBY"),
    ("Protesters in Tripoli threw stones at soldiers.", "LBY"),
])
def test_a_shared_city_name_takes_the_documents_state(text: str, country: str) -> None:
    assert one(run(text), "Protesters")[1] == country


@pytest.mark.parametrize("text, word, expected", [
    ("Turkish Kurd refugees protested outside the Greek parliament.", "refugees", ("TUR", ["REF", "CVL"])),
    ("Iraqi Kurds fled across the border into Turkey.", "Iraqi", ("IRQ", ["CVL"])),
    ("Bosnian Muslims accused Serbian forces of shelling Sarajevo.", "Bosnian", ("BIH", ["CVL"])),
])
def test_nationality_before_an_ethnic_group_gives_the_country(text: str, word: str, expected: tuple) -> None:
    assert one(run(text), word)[1:] == expected


def test_unattributed_quotation_continues_the_previous_speaker():
    document = run('"We warn the Saudis," said Houthi spokesman Yahya Saree. "We have the right to strike back."',
                   "2019-09-15")
    assert [m.actor.country for m in at(document, "We", 1)] == ["YEM"]


@pytest.mark.parametrize("sentence, word, expected", [
    ("The South American trade bloc Mercosur suspended Paraguay on Friday.", "Mercosur", ("Mercosur", "IGO", [])),
    ("The Commonwealth suspended Fiji after the coup.", "Commonwealth", ("Commonwealth of Nations", "IGO", [])),
    ("The European Council extended sanctions on Belarus.", "Council", ("European Council", "EUR", ["GOV"])),
])
def test_regional_body_is_the_organisation_not_a_state(sentence: str, word: str, expected: tuple) -> None:
    """A regional body's name, even beside a continent's adjective, means the body, not a state."""
    assert one(run(sentence), word) == expected


def test_continental_adjective_names_no_state():
    doc = run("Central American migrants crossed into Mexico on Tuesday.")
    assert one(doc, "migrants") == ("migrants", None, ["REF"])
    assert one(doc, "Mexico")[1] == "MEX"


def test_it_after_a_thing_subject_is_not_an_earlier_state():
    doc = run("Nigeria said on Monday that militants had attacked a pipeline in the delta. "
              "The attack killed five workers. It also damaged a pumping station, officials said.")
    assert at(doc, "It") == []


def test_speaking_it_after_a_thing_subject_is_the_earlier_state():
    doc = run("Iran condemned the sanctions on Tuesday. The decision was announced in Brussels. "
              "It said it would retaliate against Europe.")
    assert one(doc, "It") == ("Iran", "IRN", ["GOV"])


def test_movement_of_people_is_a_motion_not_a_movement():
    doc = run("Israel eased restrictions on the movement of Palestinian workers on Monday.")
    assert at(doc, "movement") == []
    assert one(doc, "workers") == ("Palestinian workers", "PSE", ["LAB"])


def test_former_state_name_demonym_names_the_state():
    assert one(run("Zairean troops crossed the border on Monday."), "troops") == ("Zairean troops", "COD", ["MIL"])


def test_role_word_inside_a_hyphenated_noun_is_no_actor():
    doc = run("The U.S. said it would not meet the hostage-takers demands to release prisoners in Iraq.")
    assert at(doc, "hostage") == []
