"""Events stage: triggers, arguments, modality and pairs on news-style sentences."""
from __future__ import annotations

import pytest

import killdeer
from killdeer.events_lexicon import lexicon

DATE = "2024-03-05"

# (sentence, type, source country, target country); None means "no actor on that side".
POSITIVES = [
    # AGREE
    ("Egypt and Sudan agreed on Monday to share data on the Nile dam.", "AGREE", "EGY", "SDN"),
    ("Norway offered Colombia help with the peace process.", "AGREE", "NOR", "COL"),
    ("Japan pledged to Vietnam that it would expand trade links.", "AGREE", "JPN", "VNM"),
    ("Kenya reached an agreement with Somalia on border security on Friday.", "AGREE", "KEN", "SOM"),
    ("Germany will send more tanks to Ukraine, the chancellor said.", "AGREE", "DEU", "UKR"),
    # CONSULT
    ("The Turkish foreign minister met with his Greek counterpart in Athens on Tuesday.", "CONSULT", "TUR", "GRC"),
    ("Chile's president visited Argentina last week.", "CONSULT", "CHL", "ARG"),
    ("India held talks with China on the disputed border on Sunday.", "CONSULT", "IND", "CHN"),
    ("The French president telephoned the Iranian president on Monday.", "CONSULT", "FRA", "IRN"),
    ("Qatar hosted Afghanistan's foreign minister in Doha.", "CONSULT", "QAT", "AFG"),
    # SUPPORT
    ("Brazil praised Portugal for its handling of the migrant crisis.", "SUPPORT", "BRA", "PRT"),
    ("Canada recognized Kosovo as an independent state on Thursday.", "SUPPORT", "CAN", "XKX"),
    ("Spain endorsed Morocco's autonomy plan for Western Sahara.", "SUPPORT", "ESP", "MAR"),
    ("Italy commended Tunisia for its efforts against smuggling.", "SUPPORT", "ITA", "TUN"),
    ("Ghana restored diplomatic ties with Libya after a ten-year break.", "SUPPORT", "GHA", "LBY"),
    # CONCEDE
    ("Belarus pardoned two Lithuanian activists on Saturday.", "CONCEDE", "BLR", "LTU"),
    ("Pakistan lifted the curfew in Karachi on Wednesday.", "CONCEDE", "PAK", None),
    ("Japan apologized to South Korea for the wartime abuses.", "CONCEDE", "JPN", "KOR"),
    ("Myanmar eased restrictions on foreign journalists.", "CONCEDE", "MMR", None),
    ("Kenya said it would withdraw its troops from Somalia next year.", "CONCEDE", "KEN", "SOM"),
    # COOPERATE
    ("Poland extradited a Belgian suspect to Belgium on Monday.", "COOPERATE", "POL", "BEL"),
    ("Colombia shared intelligence with Ecuador about the cartel.", "COOPERATE", "COL", "ECU"),
    ("Indonesia and Australia cooperated on the rescue of the crew.", "COOPERATE", "IDN", "AUS"),
    ("Peru collaborated with Bolivia on the water project.", "COOPERATE", "PER", "BOL"),
    ("Greek and Cypriot warships held joint war games in the Aegean.", "COOPERATE", "GRC", "CYP"),
    # AID
    ("Sweden donated medical supplies to Gaza hospitals on Friday.", "AID", "SWE", "PSE"),
    ("Saudi Arabia provided emergency fuel to Yemen.", "AID", "SAU", "YEM"),
    ("Mexico granted asylum to the Bolivian former president.", "AID", "MEX", "BOL"),
    ("Britain sent humanitarian aid to Turkey after the earthquake.", "AID", "GBR", "TUR"),
    ("Norway funded Sudan's vaccination drive.", "AID", "NOR", "SDN"),
    # RETREAT
    ("Russia withdrew its troops from Ukraine's Kherson region on Friday.", "RETREAT", "RUS", "UKR"),
    ("Iran released a French aid worker on Tuesday.", "RETREAT", "IRN", "FRA"),
    ("Lebanon's prime minister resigned on Sunday.", "RETREAT", "LBN", None),
    ("Israel freed dozens of Palestinian prisoners on Thursday.", "RETREAT", "ISR", "PSE"),
    ("Ethiopia pulled out of the Eritrean border town on Monday.", "RETREAT", "ETH", "ERI"),
    # REQUEST
    ("France urged Iran to release the detained journalists.", "REQUEST", "FRA", "IRN"),
    ("Ukraine called on Germany to deliver more air defences.", "REQUEST", "UKR", "DEU"),
    ("Poland demanded that Russia return the wreckage.", "REQUEST", "POL", "RUS"),
    ("Poland demanded the release of two Belarusian journalists.", "REQUEST", "POL", "BLR"),
    ("The Arab League called on Israel on Monday to halt its offensive.", "REQUEST", "IGO", "ISR"),
    ("Somalia appealed to Ethiopia for help against the militants.", "REQUEST", "SOM", "ETH"),
    ("Serbia asked Hungary to reopen the border crossing.", "REQUEST", "SRB", "HUN"),
    # ACCUSE
    ("China accused Japan of provoking tensions in the East China Sea.", "ACCUSE", "CHN", "JPN"),
    ("Jordan condemned Israel's raid on the refugee camp.", "ACCUSE", "JOR", "ISR"),
    ("Venezuela criticized Colombia over the border closure.", "ACCUSE", "VEN", "COL"),
    ("Armenia blamed Azerbaijan for the shelling.", "ACCUSE", "ARM", "AZE"),
    ("Qatar denounced Egypt's decision as illegal.", "ACCUSE", "QAT", "EGY"),
    # REJECT
    ("Iran rejected France's proposal for new nuclear talks.", "REJECT", "IRN", "FRA"),
    ("Serbia refused to recognize Kosovo's independence.", "REJECT", "SRB", "XKX"),
    ("Egypt dismissed Ethiopia's offer of talks on the dam.", "REJECT", "EGY", "ETH"),
    ("Turkey vetoed Sweden's bid to join the alliance on Monday.", "REJECT", "TUR", "SWE"),
    ("Algeria rebuffed Morocco's invitation to the summit.", "REJECT", "DZA", "MAR"),
    # THREATEN
    ("North Korea threatened to strike South Korea with missiles.", "THREATEN", "PRK", "KOR"),
    ("Russia warned Finland against joining the alliance.", "THREATEN", "RUS", "FIN"),
    ("China said it would impose sanctions on Lithuania.", "THREATEN", "CHN", "LTU"),
    ("Iran vowed to attack Israel if its embassy was targeted again.", "THREATEN", "IRN", "ISR"),
    ("Turkey threatened Greece with military action over the islands.", "THREATEN", "TUR", "GRC"),
    # PROTEST
    ("Thousands of Kenyan students protested against the government in Nairobi.", "PROTEST", "KEN", "KEN"),
    ("Iranian women staged demonstrations against Iran's clerics on Friday.", "PROTEST", "IRN", "IRN"),
    ("Greek farmers blocked roads into Athens to protest fuel prices.", "PROTEST", "GRC", None),
    ("Chilean miners began a hunger strike against Chile's mining law.", "PROTEST", "CHL", "CHL"),
    ("Palestinians rallied outside the Israeli embassy in Amman.", "PROTEST", "PSE", "ISR"),
    # SANCTION
    ("The United States imposed sanctions on Venezuela on Tuesday.", "SANCTION", "USA", "VEN"),
    ("Bahrain severed diplomatic relations with Qatar.", "SANCTION", "BHR", "QAT"),
    ("Mali expelled France's ambassador on Monday.", "SANCTION", "MLI", "FRA"),
    ("Germany suspended military aid to Niger after the coup.", "SANCTION", "DEU", "NER"),
    ("Australia cut off trade with Iran.", "SANCTION", "AUS", "IRN"),
    # MOBILIZE
    ("Russia deployed troops to Ukraine's northern border.", "MOBILIZE", "RUS", "UKR"),
    ("Armenia mobilized its reservists against Azerbaijan.", "MOBILIZE", "ARM", "AZE"),
    ("India massed tanks on Pakistan's eastern border.", "MOBILIZE", "IND", "PAK"),
    ("Israel strengthened its forces in Lebanon after the rocket fire.", "MOBILIZE", "ISR", "LBN"),
    ("China deployed warships against Taiwan on Monday.", "MOBILIZE", "CHN", "TWN"),
    # COERCE
    ("Egyptian police arrested two Italian journalists in Cairo.", "COERCE", "EGY", "ITA"),
    ("Turkey detained a German lawyer at Istanbul airport.", "COERCE", "TUR", "DEU"),
    ("Nigeria imposed a curfew in Kano after the riots.", "COERCE", "NGA", None),
    ("Hungary deported five Afghan migrants on Monday.", "COERCE", "HUN", "AFG"),
    ("Thai police cracked down on Thai protesters in Bangkok.", "COERCE", "THA", "THA"),
    # ASSAULT
    ("Israeli jets attacked Syria on Sunday.", "ASSAULT", "ISR", "SYR"),
    ("Houthi rebels fired missiles at Saudi Arabia overnight.", "ASSAULT", "YEM", "SAU"),
    ("The protesters were put down by Iranian security forces.", "COERCE", "IRN", None),
    ("A Turkish drone strike on Iraq killed four people.", "ASSAULT", "TUR", "IRQ"),
    ("Russia launched an attack on Ukraine's power grid.", "ASSAULT", "RUS", "UKR"),
    ("Pakistani soldiers clashed with Afghan forces on the border.", "ASSAULT", "PAK", "AFG"),
    ("Iraq said Iran shelled Iraqi villages near the border.", "ASSAULT", "IRN", "IRQ"),
]

# (sentence, a type that must not be coded): negation, possibility, conditions, questions, near-synonyms.
NEGATIVES = [
    ("Egypt and Sudan did not agree on the dam.", "AGREE"),
    ("Egypt might agree to share data with Sudan.", "AGREE"),
    ("Chile's president did not visit Argentina.", "CONSULT"),
    ("Will India hold talks with China?", "CONSULT"),
    ("Brazil has never praised Portugal.", "SUPPORT"),
    ("Spain could endorse Morocco's plan.", "SUPPORT"),
    ("Belarus refused to pardon the Lithuanian activists.", "CONCEDE"),
    ("Pakistan may lift the curfew in Karachi.", "CONCEDE"),
    ("Poland did not extradite the suspect to Belgium.", "COOPERATE"),
    ("Peru could collaborate with Bolivia.", "COOPERATE"),
    ("Sweden did not donate supplies to Gaza.", "AID"),
    ("Britain urged Turkey to send aid to Syria.", "AID"),
    ("Russia has not withdrawn its troops from Kherson.", "RETREAT"),
    ("Iran refused to release the French aid worker.", "RETREAT"),
    ("France did not urge Iran to release the journalists.", "REQUEST"),
    ("Would Ukraine call on Germany for help?", "REQUEST"),
    ("China did not accuse Japan of anything.", "ACCUSE"),
    ("Armenia may blame Azerbaijan for the shelling.", "ACCUSE"),
    ("Iran did not reject France's proposal.", "REJECT"),
    ("Egypt accepted Ethiopia's offer of talks.", "REJECT"),
    ("North Korea did not threaten South Korea.", "THREATEN"),
    ("North Korea fired missiles at South Korea.", "THREATEN"),
    ("Kenyan students did not protest against the government.", "PROTEST"),
    ("Jordan condemned Israel's raid on the refugee camp.", "PROTEST"),
    ("The United States did not impose sanctions on Venezuela.", "SANCTION"),
    ("The United States lifted sanctions on Venezuela.", "SANCTION"),
    ("Russia has not deployed troops to the border.", "MOBILIZE"),
    ("Russia could deploy troops to the border if talks fail.", "MOBILIZE"),
    ("Egyptian police did not arrest the Italian journalists.", "COERCE"),
    ("Turkey released a German lawyer from detention.", "COERCE"),
    ("Israeli jets did not attack Syria.", "ASSAULT"),
    ("The conflict could escalate if Israel attacks Syria.", "ASSAULT"),
    ("Would Israel attack Syria?", "ASSAULT"),
]


def coded(sentence: str) -> list[tuple[str, object, object]]:
    """(type, source country, target country) of every event coded from a sentence."""
    records = killdeer.code_text(sentence, date=DATE, doc_id="t")
    side = (lambda a: a["country"] if a else None)
    return [(r["event_type"], side(r["source"]), side(r["target"])) for r in records]


@pytest.mark.parametrize("sentence,event_type,source,target", POSITIVES)
def test_positive(sentence: str, event_type: str, source: object, target: object) -> None:
    """Each sentence codes its event with the right type, source and target."""
    events = coded(sentence)
    wanted = [(t, s, g) for t, s, g in events if t == event_type and s == source]
    assert wanted, f"{event_type} {source} not in {events}"
    if target is not None:
        assert any(g == target for _, _, g in wanted), f"target {target} not in {events}"


@pytest.mark.parametrize("sentence,event_type", NEGATIVES)
def test_negative(sentence: str, event_type: str) -> None:
    """Negated, possible, conditional, questioned or near-synonym events are not coded as this type."""
    assert event_type not in [t for t, _, _ in coded(sentence)]


def test_symmetric_agreement_gives_both_directions() -> None:
    """Coordinated parties to an agreement code one record per ordered pair."""
    events = coded("The United States and Jordan have agreed upon a new free-trade pact.")
    assert sorted(events) == [("AGREE", "JOR", "USA"), ("AGREE", "USA", "JOR")]


def test_light_verb_is_one_event() -> None:
    """'launched an attack on' is one ASSAULT, not a second event for 'launched'."""
    assert coded("Russia launched an attack on Ukraine on Monday.") == [("ASSAULT", "RUS", "UKR")]


def test_reported_speech_codes_the_reported_event() -> None:
    """'Y said X attacked Z' is X->Z; the saying is not an event."""
    assert coded("Syria said Israel attacked Lebanon.") == [("ASSAULT", "ISR", "LBN")]


def test_dropped_candidates_say_why() -> None:
    """A negated trigger goes to document.dropped with its reason."""
    from killdeer.api import get_pipeline
    from killdeer.model import Document
    pipeline = get_pipeline()
    document = next(iter(pipeline.process([Document(id="t", text="Israel did not attack Syria.")])))
    assert document.events == []
    assert any("negated" in d.reason for d in document.dropped)


def test_lexicon_is_indexed_by_lemma_and_pos() -> None:
    """Lookup returns only the entries for that lemma, most specific phrase first."""
    entries = lexicon().candidates("call", "VERB")
    assert entries[0].requires and {e.event_type for e in entries} >= {"REQUEST", "CONSULT"}
    assert lexicon().candidates("attack", "NOUN")[0].event_type == "ASSAULT"


def test_user_trigger_file_extends_lexicon(tmp_path) -> None:
    """A user's lexicon file adds entries in the packaged format."""
    path = tmp_path / "extra.tsv"
    path.write_text("phrase\tpos\ttype\tmode\tcontexts\tsource\ttarget\tflags\tconf\n"
                    "snub\tverb\tREJECT\tmeet\tdiplomatic\tsubj\tobj\t-\t0.8\n", encoding="utf-8")
    assert lexicon((path,)).candidates("snub", "VERB")[0].event_type == "REJECT"


def test_place_gives_the_missing_target() -> None:
    """An event whose recipient is only the place named in the sentence targets that country."""
    records = killdeer.code_text("The African Union agreed to open a liaison office in Nairobi.", date=DATE, doc_id="t")
    assert [(r["event_type"], r["source"]["country"], r["target"]["country"], r["target"]["roles"])
            for r in records] == [("AGREE", "IGO", "KEN", [])]


def test_implied_target_lowers_confidence_and_says_so() -> None:
    """A target taken from the place is a guess: lower confidence, explained."""
    from killdeer.api import get_pipeline
    from killdeer.model import Document
    text = "Pakistan lifted the curfew in Karachi on Wednesday."
    document = next(iter(get_pipeline().process([Document(id="t", text=text, date=DATE)])))
    [event] = document.events
    assert (event.event_type, event.target.country, event.target.text) == ("CONCEDE", "PAK", "Karachi")
    assert event.explain[-1] == "target implied: PAK (Karachi)"
    assert event.confidence < 0.8


def test_domestic_protest_targets_own_government() -> None:
    """Protesters with no recipient or place named protest their own government."""
    assert coded("Hundreds of Kenyan farmers began a hunger strike on Monday.") == [("PROTEST", "KEN", "KEN")]
    records = killdeer.code_text("Hundreds of Kenyan farmers began a hunger strike on Monday.", date=DATE, doc_id="t")
    assert records[0]["target"]["roles"] == ["GOV"]


def test_domestic_concession_targets_own_people() -> None:
    """A government easing a measure with no recipient or place named concedes to its own people."""
    records = killdeer.code_text("Kenya's government on Sunday lifted a nationwide curfew imposed after last "
                                 "month's riots, state radio reported.", date=DATE, doc_id="t")
    [record] = records
    assert (record["event_type"], record["source"]["country"]) == ("CONCEDE", "KEN")
    assert (record["target"]["name"], record["target"]["country"], record["target"]["roles"]) == ("Kenya", "KEN", [])


def test_stated_willingness_to_withdraw_is_agree() -> None:
    """'is willing to withdraw' is an offer (AGREE), the subject taken through the adjective."""
    assert coded("Armenia says it is willing to withdraw its troops from Azerbaijan.") == [("AGREE", "ARM", "AZE")]


def test_announced_future_withdrawal_stays_concede() -> None:
    """A plain announcement of a future retreat is CONCEDE, per the manual."""
    assert coded("Kenya announced it will withdraw its troops from Somalia.") == [("CONCEDE", "KEN", "SOM")]


def test_future_action_unless_is_a_threat() -> None:
    """'will withdraw ... unless ...' is an ultimatum: THREATEN."""
    events = coded("Chad said it will withdraw its soldiers from Mali unless the junta holds elections.")
    assert ("THREATEN", "TCD", "MLI") in events and not any(t == "CONCEDE" for t, _, _ in events)


def test_report_of_obligation_is_a_request() -> None:
    """'X declared that Y must ...' is a demand by X on Y."""
    assert coded("The Japanese government declared that China must release the detained fishermen.") == \
        [("REQUEST", "JPN", "CHN")]


def test_plain_report_is_no_request() -> None:
    """Without must or should, a report is not a demand."""
    assert coded("The Japanese government said that China released the fishermen.") == [("RETREAT", "CHN", None)]


def test_participle_takes_the_subject_of_its_clause() -> None:
    """'issued a statement blaming X' has the issuer as source."""
    assert coded("Lithuania issued a statement blaming Russia for the cyberattack.") == [("ACCUSE", "LTU", "RUS")]


def test_stance_participle_is_not_passive() -> None:
    """'is opposed to Turkish mediation': the subject opposes, the adjective names the target."""
    assert coded("Greece is opposed to Turkish mediation in the dispute.") == [("REJECT", "GRC", "TUR")]


def test_threat_takes_the_target_of_its_content() -> None:
    """'threatened to break relations with X' targets X."""
    assert coded("Ecuador threatened to break relations with Mexico.") == [("THREATEN", "ECU", "MEX")]


def test_rejected_proposal_targets_its_author() -> None:
    """'rejected an offer from X' targets X, through the object's from-phrase."""
    assert coded("Pakistan rejected a fresh offer from India for direct talks.") == [("REJECT", "PAK", "IND")]


def test_sourceless_event_is_dropped_unless_an_attack() -> None:
    """An arrest by nobody named gives no dyad; an attack on named victims by unknown hands is still news."""
    assert coded("Dozens of protesters were arrested in Minsk on Sunday.") == []
    assert coded("Three Nigerian soldiers were killed by a roadside bomb on Sunday.") == [("ASSAULT", None, "NGA")]


def test_background_clauses_are_not_events_of_their_own() -> None:
    """A temporal clause or a relative clause on an actor is background to the main clause's event."""
    assert coded("Ghana expelled two Togolese diplomats on Monday after Togo accused Ghana of backing rebels.") == \
        [("SANCTION", "GHA", "TGO")]
    assert coded("Peru recalled its ambassador from Bolivia, whose president had accused Peru of espionage.") == \
        [("SANCTION", "PER", "BOL")]
    assert coded("Chad closed its border with Sudan, where rebels attacked a Chadian convoy last week.") == \
        [("SANCTION", "TCD", "SDN")]


def test_relative_clause_on_event_or_predicate_noun_is_kept() -> None:
    """'the airstrike that killed' and 'was the third day that teachers protested' say what happened."""
    assert coded("Italy condemned the Libyan airstrike that killed 12 Italian workers.") == \
        [("ACCUSE", "ITA", "LBY"), ("ASSAULT", "LBY", "ITA")]
    assert coded("Friday was the third day in a row that Kenyan teachers protested against the government.") == \
        [("PROTEST", "KEN", "KEN")]


def test_calling_someone_something_is_an_accusation() -> None:
    """'called X a war criminal' characterises X (ACCUSE); 'called X on Monday' is a phone call (CONSULT)."""
    assert coded("Turkey called the Israeli prime minister a war criminal.") == [("ACCUSE", "TUR", "ISR")]
    assert sorted(coded("Japan called Vietnam on Monday to discuss the crisis.")) == \
        [("CONSULT", "JPN", "VNM"), ("CONSULT", "VNM", "JPN")]


def test_targetless_repeat_of_an_event_is_dropped() -> None:
    """'denounced X's decision, calling it a betrayal' is one accusation of X."""
    assert coded("Kenya denounced Uganda's decision, calling it a betrayal.") == [("ACCUSE", "KEN", "UGA")]


def test_one_actor_is_never_its_own_target() -> None:
    """Two mentions resolved to one actor ("he ... him") make no source-target pair."""
    from killdeer.events_args import pairs
    from killdeer.model import Actor
    he, him = Actor(name="Moshe Katsav", text="he", country="ISR"), Actor(name="Moshe Katsav", text="him", country="ISR")
    assert pairs([he], [him], symmetric=False) == [(he, None)]


def actor_fields(text: str) -> list[tuple[str, object, object, object, object]]:
    """(type, source name, target name, target text, target country) of every event in a text."""
    records = killdeer.code_text(text, date=DATE, doc_id="t")
    return [(r["event_type"], r["source"]["name"] if r["source"] else None, r["target"]["name"] if r["target"] else None,
             r["target"]["text"] if r["target"] else None, r["target"]["country"] if r["target"] else None)
            for r in records]


def test_implied_country_target_has_canonical_name_and_own_words() -> None:
    """An implied country is named as a country; its text is the place named, or nothing when inferred."""
    assert actor_fields("Pakistan lifted the curfew in Karachi on Wednesday.") == [
        ("CONCEDE", "Pakistan", "Pakistan", "Karachi", "PAK")]
    assert actor_fields("Hundreds of Kenyan farmers began a hunger strike on Monday.") == [
        ("PROTEST", "Kenyan farmers", "Kenya", "", "KEN")]


def test_rejected_speech_act_targets_its_author() -> None:
    """Denying a claim answers whoever made it: its from-phrase, else the earlier accuser, else nobody."""
    assert actor_fields("Iran rejected the demand from Washington on Tuesday.") == [
        ("REJECT", "Iran", "United States", "Washington", "USA")]
    assert actor_fields("Russia accused Ukraine of shelling the plant on Sunday. "
                        "Ukraine's defence ministry dismissed the claim on Monday.") == [
        ("ACCUSE", "Russia", "Ukraine", "Ukraine", "UKR"), ("REJECT", "defence ministry", "Russia", "Russia", "RUS")]
    assert actor_fields("Venezuela rejected the accusation on Friday.") == [("REJECT", "Venezuela", None, None, None)]


def test_participle_source_is_a_political_actor_not_a_platform() -> None:
    """"posted a message on Twitter blaming Iran": the poster blames, not the platform."""
    assert actor_fields("Pompeo posted a message on Twitter blaming Iran for the attack.") == [
        ("ACCUSE", "Mike Pompeo", "Iran", "Iran", "IRN")]


def test_coordinated_objects_do_not_pair_with_each_other() -> None:
    """"met French and Indian diplomats": the minister with each, never the French with the Indians."""
    assert sorted(coded("The Saudi minister met French and Indian diplomats in Riyadh on Monday.")) == [
        ("CONSULT", "FRA", "SAU"), ("CONSULT", "IND", "SAU"), ("CONSULT", "SAU", "FRA"), ("CONSULT", "SAU", "IND")]
    assert coded("Talks between Russia and Ukraine resumed in Istanbul.") == [
        ("CONSULT", "RUS", "UKR"), ("CONSULT", "UKR", "RUS")]


def test_reported_allegation_is_the_speakers_accusation() -> None:
    """"X said Y was behind the attack": the speaker accuses Y; an unasserted or denied one is no event."""
    assert coded("Iraqi officials said Kataib Hezbollah was behind the rocket attack.") == [("ACCUSE", "IRQ", "IRQ")]
    assert coded("Hezbollah is responsible for the attack, Israel said.") == [("ACCUSE", "ISR", "LBN")]
    assert coded("According to Israeli officials, Hezbollah was behind the attack.") == [("ACCUSE", "ISR", "LBN")]
    assert coded("Turkish police said Kurdish militants are the suspected perpetrators.") == [("ACCUSE", "TUR", "TUR")]
    assert coded("Israel said Hezbollah is not responsible for the attack.") == []
    assert coded("The minister is responsible for foreign affairs.") == []


def test_speech_noun_source_from_its_from_phrase() -> None:
    """"Condemnation has come from X": the from-phrase of the verb the speech noun is subject of is its author."""
    assert coded("Statements of condemnation have come from the Turkish government.") == [("ACCUSE", "TUR", None)]


def test_everyday_verbs_need_political_actors() -> None:
    """"arrived", "sent": political only between actors with a role; a place still implies the host."""
    assert coded("The shipment arrived in the port on Tuesday.") == []
    assert coded("Iraqi President Saddam Hussein arrived in Amman on Wednesday.") == [("CONSULT", "IRQ", "JOR")]
    assert coded("Germany sent medical supplies to the Ukrainian army.") == [("AID", "DEU", "UKR")]


def test_refusal_targets_the_actor_of_its_to_clause() -> None:
    """"refused to allow UN planes to land" is aimed at the UN; with no one named, at the own country."""
    assert coded("The Turkish government has refused to commit to any direct assistance to the US-led war.") == [
        ("REJECT", "TUR", "USA")]
    assert coded("The Angolan rebels refused to allow United Nations planes to land.") == [("REJECT", "AGO", "UNO")]
    assert coded("The Kenyan minister refused to resign.") == [("REJECT", "KEN", "KEN")]


def test_mediator_pairs_with_each_party_not_the_parties_with_each_other() -> None:
    """"mediation between X and Y" is the mediator with each side; the sides are objects, not a dyad."""
    assert coded("Qatar's emir launched a mediation effort on Saturday between the Emirates and Saudi Arabia.") == [
        ("CONSULT", "QAT", "ARE"), ("CONSULT", "QAT", "SAU")]


def test_negated_or_failed_agreement_is_a_rejection() -> None:
    """Not agreeing or yielding is a REJECT; a negated attack is still no event."""
    assert coded("Palestinians and Israelis failed to reach agreement on the fate of the offices on Sunday.") == [
        ("REJECT", "PSE", "ISR"), ("REJECT", "ISR", "PSE")]
    assert coded("Pakistan did not lift the curfew in Karachi.") == [("REJECT", "PAK", "PAK")]
    assert coded("Egypt did not attack Libya.") == []


def test_protest_aimed_at_a_foreign_actor_its_clause_names() -> None:
    """A protest's grievance against a foreign actor makes it the recipient; a place alone implies its host."""
    assert coded("Demonstrators in Baghdad blocked a road to show their disapproval of the United States' "
                 "military policies.") == [("PROTEST", "IRQ", "USA")]
    assert coded("Hundreds of students rallied in Nairobi on Friday.") == [("PROTEST", "KEN", "KEN")]


def test_claim_accuses_only_through_its_that_clause() -> None:
    """"claimed Hamas had hidden weapons" accuses Hamas; "claimed responsibility" accuses nobody."""
    assert coded("Israel claimed Hamas had hidden weapons in the hospital.") == [("ACCUSE", "ISR", "PSE")]
    assert coded("The Pakistani Taliban claimed responsibility for the bombing.") == []


def test_conjuncts_hung_on_an_apposition_are_all_actors() -> None:
    """"from OIC head Yousef Al-Othaimeen, Pope Francis and a spokesperson": each condemns."""
    records = killdeer.code_text("Statements of condemnation have come from Organisation of Islamic Cooperation (OIC) "
                                 "head Yousef Al-Othaimeen, Pope Francis, and a spokesperson for President Rodrigo "
                                 "Duterte.", date="2019-01-28", doc_id="t")
    assert [(r["event_type"], r["source"]["country"], r["target"]) for r in records] == [
        ("ACCUSE", "IGO", None), ("ACCUSE", "VAT", None), ("ACCUSE", "PHL", None)]


def test_genitive_of_an_arrest_or_killing_is_its_victim() -> None:
    """"Imran Khan's arrest": the possessor undergoes it; a nationality adjective ("Saudi detention") does it."""
    assert coded("Iraqi militias carried out the American contractor's killing.") == [("ASSAULT", "IRQ", "USA")]
    assert coded("The Saudi detention of the activists drew criticism.") == [("COERCE", "SAU", "SAU")]


def test_welcoming_a_thing_supports_welcoming_a_person_hosts() -> None:
    """"welcomed Reagan's statement" is SUPPORT for Reagan; "welcomed the Iranian minister" is CONSULT."""
    assert coded("The German government welcomed President Reagan's latest policy statement.") == [
        ("SUPPORT", "DEU", "USA")]
    assert coded("Egypt's president welcomed the Iranian foreign minister in Cairo.") == [("CONSULT", "EGY", "IRN")]


def test_event_noun_adjunct_takes_the_clause_subject_as_co_actor() -> None:
    """"recaptured the town after heavy fighting with Tuareg rebels": the troops fought the rebels."""
    records = killdeer.code_text("Malian troops recaptured the town after heavy fighting with Tuareg rebels.",
                                 date=DATE, doc_id="t")
    assert [(r["event_type"], r["source"]["roles"], r["target"]["roles"]) for r in records] == [
        ("ASSAULT", ["MIL"], ["REB"]), ("ASSAULT", ["REB"], ["MIL"])]


# Round 5: where the recipient sits (object-noun phrases, compounds, conditions) and phrase verbs.
ARGUMENT_CASES = [
    # the recipient in a phrase on the trigger's thing object
    ("The Russian president threatened further action against Georgia on Monday.", ("THREATEN", "RUS", "GEO")),
    ("A Dutch minister threatened to impose import restrictions against Belgian goods.", ("THREATEN", "NLD", "BEL")),
    # a condition's subject is whom a threat is aimed at
    ("Venezuela threatened to halt oil exports if Colombia closes the border.", ("THREATEN", "VEN", "COL")),
    # a compound event noun's phrases hang on the noun it modifies
    ("Oman launched a mediation effort between Iran and Saudi Arabia on Sunday.", ("CONSULT", "OMN", "IRN")),
    # a noun's of-object carries its phrases ("suspension of links with")
    ("Morocco announced a suspension of air links with Algeria on Tuesday.", ("SANCTION", "MAR", "DZA")),
    # a demand's object event names its recipient before any from-phrase of that event
    ("Ukraine demanded the withdrawal of Russian forces from Crimea.", ("REQUEST", "UKR", "RUS")),
    # a complaint's recipient is what it is about, not whom it is told to
    ("Lebanon complained to the United Nations about Israeli air raids.", ("ACCUSE", "LBN", "ISR")),
    # calling off a strike concedes; the strike is no event of its own
    ("The Kenyan doctors' union called off its strike after talks with the Kenyan government.",
     ("CONCEDE", "KEN", None)),
    # obstructing a street is a protest
    ("Chilean truck drivers blocked highways near Santiago on Monday.", ("PROTEST", "CHL", None)),
    ("Thailand's government lodged a protest with Cambodia over the border shelling.", ("ACCUSE", "THA", "KHM")),
]


@pytest.mark.parametrize("sentence,expected", ARGUMENT_CASES)
def test_argument_selection(sentence: str, expected: tuple[str, object, object]) -> None:
    """The event's type and the source and target countries it takes from these paths."""
    event_type, source, target = expected
    found = [(t, s, g) for t, s, g in coded(sentence) if t == event_type and s == source]
    assert found, f"{expected} not in {coded(sentence)}"
    if target is not None:
        assert (event_type, source, target) in found, f"{expected} not in {coded(sentence)}"


def test_called_off_strike_is_not_a_protest() -> None:
    """"called off its strike": the calling off is the event, not the strike."""
    assert "PROTEST" not in [t for t, _, _ in coded("The Kenyan doctors' union called off its strike on Monday.")]


def test_everyday_participle_is_its_own_nouns_doing() -> None:
    """"sought documents allowing him to stay": the documents allow, the seeker concedes nothing."""
    assert "CONCEDE" not in [t for t, _, _ in coded(
        "The Egyptian minister sought documents allowing him to stay in Turkey.")]


def test_follow_up_request_is_addressed_to_the_same_party() -> None:
    """A second request by the same side goes to the party the first one addressed, not home."""
    text = ("Dutch prosecutor Anna Smit wrote to the Russian embassy asking it to hand over the suspect. "
            "She also urged that the suspect be extradited.")
    records = killdeer.code_text(text, date=DATE, doc_id="t")
    second = [r for r in records if r["event_type"] == "REQUEST" and "urged" in r["trigger"]]
    assert [(r["source"]["country"], r["target"]["country"]) for r in second] == [("NLD", "RUS")]


def test_passive_participle_takes_its_by_agent() -> None:
    """"journalists attacked by police": the police attacked the journalists."""
    sentence = "Two Kenyan journalists attacked by Kenyan police were taken to hospital."
    assert ("ASSAULT", "KEN", "KEN") in coded(sentence)


def test_repeated_event_lends_its_doer() -> None:
    """"were injured after being attacked by protesters": the protesters are the attackers."""
    assert coded("Three Serbian journalists were injured after being attacked by Serbian protesters.") == [
        ("ASSAULT", "SRB", "SRB")]


def test_unclaimed_attack_is_by_an_unidentified_actor_where_it_happened() -> None:
    """PLOVER's UNK actor: "a car bomb killed four soldiers in Mogadishu" is by someone in Somalia."""
    records = killdeer.code_text("A car bomb killed four soldiers in Mogadishu on Sunday.", date=DATE, doc_id="t")
    assert [(r["event_type"], r["source"]["country"], r["source"]["roles"]) for r in records] == [
        ("ASSAULT", "SOM", ["UNK"])]


def test_taking_part_in_an_event_makes_the_subject_its_doer() -> None:
    """"troops participated in the attack on the village": the troops attacked."""
    assert ("ASSAULT", "RUS", "UKR") in coded("Russian troops participated in the attack on the Ukrainian village.")


def test_same_type_participle_is_one_event_with_its_victims() -> None:
    """"attacked a base, killing three soldiers": one attack, aimed at the soldiers."""
    records = killdeer.code_text("Syrian militants attacked a base in Jordan, killing three Jordanian soldiers.",
                                 date=DATE, doc_id="t")
    assert [(r["event_type"], r["trigger"], r["target"]["country"]) for r in records] == [
        ("ASSAULT", "attacked", "JOR")]


def dropped_reasons(text: str) -> list[tuple[str, str]]:
    """(type, reason) of every candidate the pipeline rejected in a text."""
    from killdeer.api import get_pipeline
    from killdeer.model import Document
    document = next(iter(get_pipeline().process([Document(id="t", text=text)])))
    return [(d.event.event_type, d.reason) for d in document.dropped]


def test_passive_of_an_intransitive_trigger_is_another_sense() -> None:
    """"was struck by a truck" is a hit, not a labour strike; "struck against" still is one."""
    assert coded("A Kenyan cyclist was struck by a truck driving on the wrong side of the road in Nairobi.") == []
    assert coded("Kenyan teachers struck against the government on Monday.") == [("PROTEST", "KEN", "KEN")]


def test_doerless_death_by_a_mishap_is_an_accident() -> None:
    """A crash or collision kills without an attacker; a bomb does not."""
    assert dropped_reasons("Four Indian pilgrims were killed in a crash near Delhi.") == [
        ("ASSAULT", "accident: caused by 'crash', not an attacker")]
    assert ("ASSAULT", "accident: caused by 'collision', not an attacker") in dropped_reasons(
        "The minister's son was involved in a collision which killed a Nigerian motorcyclist in Lagos.")
    assert coded("A roadside bomb killed four Afghan soldiers in Kandahar on Sunday.") == [("ASSAULT", None, "AFG")]


def test_preposition_object_misparsed_as_clause_subject() -> None:
    """"granted asylum to three officers holed up in ..." still gives asylum to the officers."""
    assert coded("Turkey granted asylum to three Syrian officers holed up in a border village.") == [
        ("AID", "TUR", "SYR")]


def test_doerless_toll_after_an_attack_restates_it() -> None:
    """"At least 15 people were killed" after an attack is its toll, not a second attack; a new doer is news."""
    text = "Gunmen stormed a hotel in Mogadishu on Friday. At least 15 people were killed, police said."
    assert dropped_reasons(text) == [("ASSAULT", "restates the casualties of an attack just reported")]
    assert [(r["trigger"], r["fatalities"]) for r in killdeer.code_text(text, date=DATE, doc_id="t")] == [("stormed", 15)]
    assert [r["trigger"] for r in killdeer.code_text(
        "Gunmen stormed a hotel in Mogadishu on Friday. A day later, a suicide bomber killed nine soldiers in Kismayo.",
        date=DATE, doc_id="t")] == ["stormed", "killed"]


def test_doerless_death_by_a_natural_disaster_is_no_attack() -> None:
    """Floods and earthquakes kill without an attacker; gunmen do not."""
    assert dropped_reasons("Floods killed five people in northern Kenya on Monday, police said.") == [
        ("ASSAULT", "accident: caused by 'Floods', not an attacker")]
    assert dropped_reasons("An earthquake killed at least 300 people in eastern Turkey.") == [
        ("ASSAULT", "accident: caused by 'earthquake', not an attacker")]
    assert coded("Gunmen killed five Nigerian villagers in Kaduna on Monday.") == [("ASSAULT", "NGA", "NGA")]


def test_aid_without_a_recipient_is_dropped() -> None:
    """Help given to nobody named or implied is a courtesy, not aid; aid to a country stays."""
    assert dropped_reasons("Japan gave its deepest sympathies on Monday.") == [
        ("AID", "no recipient, named or implied, for a type that needs one")]
    assert coded("Japan sent aid to the Philippines on Monday.") == [("AID", "JPN", "PHL")]


def test_consultation_without_a_counterpart_is_dropped() -> None:
    """A meeting with no counterpart or host is no dyad; a trip to a foreign capital implies its host."""
    assert dropped_reasons("The Nigerian president held meetings on Tuesday.") == [
        ("CONSULT", "no recipient, named or implied, for a type that needs one")]
    assert coded("The Kenyan foreign minister travelled to Addis Ababa on Monday.") == [("CONSULT", "KEN", "ETH")]


def test_generic_description_is_no_event() -> None:
    """"usually"/"typically" describe a habit; "routinely beat up detainees" reports repeated acts."""
    assert dropped_reasons("ASEAN summits usually focus on trade.") == [("CONSULT", "habitual: 'usually'")]
    assert coded("Israeli soldiers routinely beat up Palestinian detainees in the West Bank.") == [
        ("ASSAULT", "ISR", "PSE")]


@pytest.mark.parametrize("sentence,event_type,target,roles", [
    ("Israeli tanks fired shells at targets in Gaza on Monday.", "ASSAULT", "PSE", ["CVL"]),
    ("The president threatened to impose a curfew in Lagos after the riots.", "THREATEN", "NGA", ["CVL"]),
    ("Amnesty International condemned the crackdown in Eritrea on Monday.", "ACCUSE", "ERI", ["GOV"]),
    ("Farmers staged a protest in Nairobi on Tuesday.", "PROTEST", "KEN", ["GOV"]),
    ("Iraqi officials signed a trade deal in Tokyo on Monday.", "SUPPORT", "JPN", []),
])
def test_place_recipient_role_follows_the_type(sentence: str, event_type: str, target: str, roles: list[str]) -> None:
    """A place's government for accusations and protests, its people for attacks and threats."""
    records = killdeer.code_text(sentence, date=DATE, doc_id="t")
    assert [(r["event_type"], r["target"]["country"], r["target"]["roles"]) for r in records] == [
        (event_type, target, roles)]


@pytest.mark.parametrize("sentence", [
    "Speaking to Kenyan reporters in Nairobi, the Ugandan president said the border would reopen.",
    'Speaking to a Kenyan newspaper, Uganda\'s president said, "The border will reopen soon."',
])
def test_talk_framing_a_statement_is_an_interview(sentence: str) -> None:
    """"Speaking to reporters, X said" gives where a quote was said, not a consultation."""
    assert dropped_reasons(sentence) == [("CONSULT", "frames the statement 'said'")]
    assert coded(sentence) == []


def test_talk_reported_by_a_spokesman_is_still_a_consultation() -> None:
    """A main-clause call stays an event when an office reports it."""
    assert coded("The Ugandan president spoke to his Kenyan counterpart on Monday, his office said.") == [
        ("CONSULT", "UGA", "KEN")]


def test_talk_framing_a_quote_hung_from_the_quote_is_an_interview() -> None:
    """The parser may hang "Speaking to" from the quoted verb with "he said" as an aside: still an interview."""
    text = 'The Kenyan president visited Uganda on Monday. Speaking to John Simpson of the BBC, he said, "It happened under my watch."'
    assert coded(text) == [("CONSULT", "KEN", "UGA")]
    assert dropped_reasons(text) == [("CONSULT", "frames the statement 'said'")]
