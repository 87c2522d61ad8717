"""`killdeer eval` reports exactly what the project scorer (shared/eval/score.py) reports."""
from __future__ import annotations

import contextlib
import copy
import importlib.util
import io
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner

from killdeer import code_docs
from killdeer.cli import cli
from killdeer.evaluate import load_jsonl, score

SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
DEV_SETS = ("plover_gsr", "wikinews")


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    """The project's own scorer, imported from ../shared/eval/score.py."""
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module", params=DEV_SETS)
def dev_set(request: pytest.FixtureRequest, dev_dir: Path, tmp_path_factory: pytest.TempPathFactory
            ) -> tuple[Path, Path]:
    """(gold file, prediction file) for one dev set, coded here with the pipeline."""
    pred = tmp_path_factory.mktemp(request.param) / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as f:
        for record in code_docs(load_jsonl(str(dev_dir / f"{request.param}.docs.jsonl"))):
            f.write(json.dumps(record) + "\n")
    return dev_dir / f"{request.param}.gold.jsonl", pred


def both(scorer: ModuleType, gold: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[str, Any]:
    """Score with Killdeer and with score.py, assert the full results are equal, return one."""
    ours = score(copy.deepcopy(gold), copy.deepcopy(preds))
    assert ours == scorer.score(copy.deepcopy(gold), copy.deepcopy(preds))
    return ours


def test_dev_set_scores_match(scorer: ModuleType, dev_set: tuple[Path, Path]) -> None:
    """On the pipeline's own output for a dev set, every figure and per-gold row agrees."""
    gold, pred = (load_jsonl(str(p)) for p in dev_set)
    assert both(scorer, gold, pred)["gold"] == len([g for g in gold if g["types"]])


def mimic(gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Predictions made from gold events, each spoiled in a different way, to reach every rule."""
    spoilers = [
        lambda p: p,
        lambda p: p.update(event_type="AGREE" if p["event_type"] != "AGREE" else "ASSAULT"),
        lambda p: p.update(source=None),
        lambda p: p.update(target={"name": "", "text": "", "country": "XXX", "roles": [], "id": None}),
        lambda p: p.update(date="1999-01-01", fatalities=(p["fatalities"] or 0) + 1, aggregate=True),
        lambda p: p.update(location={"name": "Nowhere", "country": "ZZZ"}, count=None, participants=p["count"]),
        lambda p: p.update(doc_id="elsewhere"),
        lambda p: p.update(sentence=p["sentence"].upper().replace(" ", "  \n")),
    ]
    preds = []
    for n, g in enumerate(gold):
        if not g["types"]:
            preds.append({"doc_id": g["doc"], "event_type": "PROTEST", "sentence": "Nothing happened."})
            continue
        pred = {"doc_id": g.get("doc"), "event_type": g["types"][0], "sentence": f"Then {g['hint']} today.",
                "date": g.get("date"), "fatalities": g.get("fatalities"), "count": g.get("count"),
                "location": {"name": g.get("location_name"), "country": g.get("location_country")}}
        for side in ("source", "target"):
            want = g.get(side, {})
            pred[side] = {"name": (want.get("name_any") or ["Someone"])[0], "text": "",
                          "country": want.get("country") or (want.get("country_any") or [None])[0],
                          "roles": want.get("roles", [])[-1:], "id": None}
        spoilers[n % len(spoilers)](pred)
        preds.append(pred)
    return preds


@pytest.mark.parametrize("name", DEV_SETS)
def test_spoiled_gold_scores_match(name: str, scorer: ModuleType, dev_dir: Path) -> None:
    """On predictions built to hit and miss each field, the two scorers still agree exactly."""
    gold = load_jsonl(str(dev_dir / f"{name}.gold.jsonl"))
    result = both(scorer, gold, mimic(gold))
    assert 0 < result["core_recall"] < 1 and 0 < result["full_recall"] < result["core_recall"]


@pytest.mark.parametrize("flags", [[], ["--show"], ["--json"]])
def test_cli_prints_what_score_py_prints(flags: list[str], scorer: ModuleType, dev_set: tuple[Path, Path]) -> None:
    """`killdeer eval GOLD PRED` prints score.py's lines (and its --show and --json forms)."""
    gold, pred = (str(p) for p in dev_set)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        scorer.main([gold, pred, *flags])
    result = CliRunner().invoke(cli, ["eval", gold, pred, *flags])
    assert result.exit_code == 0
    assert result.stdout == printed.getvalue()


GOLD_JOLO = {"id": "g1", "doc": "d1", "hint": "\u201cfull force of the law\u201d", "types": ["ASSAULT"],
             "source": {"country_any": ["PHL", "IMG"], "roles": ["REB"], "name_any": ["Abu Sayyaf Group"]},
             "target": {"country": "PHL", "roles": ["CVL", "REL"]},
             "date": "2019-01", "location_country": "PHL", "location_name": "Jolo", "fatalities": 20}


def jolo_pred(**changes: Any) -> dict[str, Any]:
    """A prediction that answers GOLD_JOLO in full, with `changes` applied."""
    pred = {"doc_id": "d1", "event_type": "ASSAULT",
            "sentence": 'He vowed to use the "Full Force  of the\nLaw" against them.',
            "source": {"name": "Abu Sayyaf", "country": "IMG", "roles": ["REB"]},
            "target": {"name": "Catholic worshippers", "country": "PHL", "roles": ["REL", "CVL"]},
            "date": "2019-01-27", "location": {"name": "Jolo, Sulu", "country": "PHL"}, "fatalities": 20}
    pred.update(changes)
    return pred


def test_curly_quoted_hint_matches_straight_quotes_any_case_and_spacing(scorer: ModuleType) -> None:
    """Hints and sentences compare after folding quotes, case and runs of spaces."""
    result = both(scorer, [GOLD_JOLO], [jolo_pred()])
    assert (result["found"], result["core_recall"], result["full_recall"], result["precision"]) == (1, 1, 1, 1)
    assert result["rows"][0]["fields"] == {
        "type": True, "source.country": True, "source.roles": True, "source.name": True,
        "target.country": True, "target.roles": True, "date": True, "location.country": True,
        "location.name": True, "fatalities": True}


def test_prediction_in_another_document_is_no_candidate(scorer: ModuleType) -> None:
    """The same sentence in another document does not answer the gold event."""
    result = both(scorer, [GOLD_JOLO], [jolo_pred(doc_id="d2")])
    assert (result["found"], result["precision"], result["predicted_outside_gold_sentences"]) == (0, None, 1)


@pytest.mark.parametrize("country, core", [("PHL", True), ("IMG", True), ("IDN", False), (None, False)])
def test_country_any(country: str | None, core: bool, scorer: ModuleType) -> None:
    """A source country in `country_any` is right; any other (or none) misses the core match."""
    pred = jolo_pred(source={"name": "Abu Sayyaf", "country": country, "roles": ["REB"]})
    result = both(scorer, [GOLD_JOLO], [pred])
    assert (result["rows"][0]["core"], result["rows"][0]["fields"]["source.country"]) == (core, core)


@pytest.mark.parametrize("actor, ok", [({"roles": ["MIL", "REB"]}, True), ({"roles": [], "role": "REB"}, True),
                                       ({"roles": ["GOV"]}, False), ({}, False)])
def test_roles_need_one_in_common(actor: dict[str, Any], ok: bool, scorer: ModuleType) -> None:
    """Roles are right when one predicted role (or a legacy `role`) is among the gold roles; core ignores them."""
    result = both(scorer, [GOLD_JOLO], [jolo_pred(source={"name": "Abu Sayyaf", "country": "PHL", **actor})])
    assert (result["rows"][0]["fields"]["source.roles"], result["rows"][0]["core"]) == (ok, True)


@pytest.mark.parametrize("name, ok", [("Abu Sayyaf", True), ("the Abu Sayyaf Group (ASG)", True),
                                      ("\u201cAbu  SAYYAF\u201d", False), ("Moro rebels", False), ("", False)])
def test_name_any_matches_either_way_round(name: str, ok: bool, scorer: ModuleType) -> None:
    """A name is right when it holds a gold name or lies inside one, after folding; empty never is."""
    result = both(scorer, [GOLD_JOLO], [jolo_pred(source={"name": name, "country": "PHL", "roles": ["REB"]})])
    assert result["rows"][0]["fields"]["source.name"] is ok


def test_core_candidate_beats_one_with_more_fields(scorer: ModuleType) -> None:
    """The best candidate is core first, then has the most fields right."""
    wrong_country = jolo_pred(target={"name": "worshippers", "country": "IDN", "roles": ["CVL"]})
    bare = jolo_pred(source=None, date=None, location=None, fatalities=None)
    result = both(scorer, [GOLD_JOLO], [wrong_country, bare])
    assert (result["rows"][0]["core"], result["rows"][0]["full"], result["precision"]) == (False, False, 0.0)
    assert (result["rows"][0]["fields"]["target.country"], result["rows"][0]["fields"]["date"]) == (False, True)
    bare_target = jolo_pred(source={"name": "x", "country": "PHL"}, date=None, location=None, fatalities=None)
    result = both(scorer, [GOLD_JOLO], [wrong_country, bare_target])
    assert (result["rows"][0]["core"], result["precision"]) == (True, 0.5)


def test_events_in_empty_docs_count_against_precision(scorer: ModuleType) -> None:
    """A doc the gold says reports no event turns every event predicted there into a false positive."""
    gold = [GOLD_JOLO, {"id": "g2", "doc": "d2", "hint": "", "types": []}]
    preds = [jolo_pred(), jolo_pred(doc_id="d2"), jolo_pred(doc_id="d2", event_type="PROTEST"),
             jolo_pred(doc_id="d3")]
    result = both(scorer, gold, preds)
    assert {k: result[k] for k in ("gold", "predicted", "precision", "false_positives_in_empty_docs",
                                   "empty_docs_with_events", "empty_docs", "core_recall")} == {
        "gold": 1, "predicted": 4, "precision": round(1 / 3, 3), "false_positives_in_empty_docs": 2,
        "empty_docs_with_events": 1, "empty_docs": 1, "core_recall": 1.0}


def test_records_without_event_type_are_skipped(scorer: ModuleType) -> None:
    """Lines that are not events do not count as predictions."""
    result = both(scorer, [GOLD_JOLO], [jolo_pred(), {"doc_id": "d1", "sentence": "full force of the law"}])
    assert (result["predicted"], result["precision"]) == (1, 1.0)
