"""Realistic event records and coded documents built directly, for store, dedup and export tests."""
from __future__ import annotations

from typing import Any, Optional

from killdeer.engine import Coded

RAFAH = {"name": "Rafah", "country": "PSE", "admin1": "Gaza Strip", "lat": 31.29, "lon": 34.25,
         "geonameid": 281102, "feature": "city"}
KHAN_YOUNIS = {"name": "Khan Yunis", "country": "PSE", "admin1": "Gaza Strip", "lat": 31.34, "lon": 34.30,
               "geonameid": 281133, "feature": "city"}
GAZA_STRIP = {"name": "Gaza Strip", "country": "PSE", "admin1": "Gaza Strip", "lat": 31.4, "lon": 34.4,
              "geonameid": None, "feature": "admin1"}


def actor(name: str, country: Optional[str], roles: list[str], text: Optional[str] = None) -> dict[str, Any]:
    """An actor object as the schema has it."""
    return {"name": name, "text": text or name, "country": country, "roles": roles, "id": None}


IDF = actor("Israel Defense Forces", "ISR", ["MIL"], "Israeli forces")
ISRAELI_MILITARY = actor("Israeli military", "ISR", ["MIL"])
PALESTINIANS = actor("Palestinian civilians", "PSE", ["CVL"], "Palestinians")
BLINKEN = actor("Antony Blinken", "USA", ["GOV"], "Blinken")
NETANYAHU = actor("Benjamin Netanyahu", "ISR", ["GOV"], "Netanyahu")


def record(doc_id: str, n: int, event_type: str, sentence: str, trigger: str, *,
           source: Optional[dict] = None, target: Optional[dict] = None, date: Optional[str] = None,
           location: Optional[dict] = None, fatalities: Optional[int] = None, quad: int = 4,
           intensity: float = -9.0, cameo: str = "19", mode: Optional[str] = None,
           contexts: tuple[str, ...] = (), aggregate: bool = False, confidence: float = 0.8) -> dict[str, Any]:
    """One schema record with every field set, the trigger located in its sentence."""
    start = sentence.index(trigger)
    return {"id": f"{doc_id}:{n}", "doc_id": doc_id, "event_type": event_type, "mode": mode,
            "contexts": list(contexts), "quad": quad, "intensity": intensity, "cameo": cameo,
            "source": source, "target": target, "date": date, "date_text": None, "location": location,
            "fatalities": fatalities, "injured": None, "arrested": None, "participants": None, "count": None,
            "aggregate": aggregate, "sentence": sentence, "sentence_index": 0, "trigger": trigger,
            "span": [start, start + len(trigger)], "confidence": confidence}


def coded(doc_id: str, records: list[dict[str, Any]], date: str = "2024-02-13",
          source: str = "Reuters", title: Optional[str] = None) -> Coded:
    """A coded document as an engine yields it."""
    meta = {"id": doc_id, "title": title or f"Story {doc_id}", "date": date, "url": f"https://news.example/{doc_id}",
            "source": source, "origin": f"feed.jsonl:{doc_id}", "date_inferred": None}
    return Coded(meta, records, sentences=3)


def rafah_strike(doc_id: str, n: int = 0, location: Optional[dict] = RAFAH, date: str = "2024-02-12",
                 source: dict = IDF) -> dict[str, Any]:
    """An air strike on Palestinians, as one article reports it."""
    sentence = "Israeli air strikes killed at least 12 people in Rafah on Monday, health officials said."
    return record(doc_id, n, "ASSAULT", sentence, "air strikes", source=source, target=PALESTINIANS,
                  date=date, location=location, fatalities=12, mode="aerial", contexts=("military",))


def blinken_visit(doc_id: str, n: int = 0, date: str = "2024-02-07") -> dict[str, Any]:
    """A diplomatic visit, as one article reports it."""
    sentence = "U.S. Secretary of State Antony Blinken met Prime Minister Benjamin Netanyahu in Jerusalem."
    return record(doc_id, n, "CONSULT", sentence, "met", source=BLINKEN, target=NETANYAHU, date=date,
                  location=None, quad=1, intensity=2.5, cameo="04", mode="visit", contexts=("diplomatic",))
