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
