"""Scoring: compare event records with hand-coded gold events.

The matching rules are the project scorer's (shared/eval/score.py):
- a prediction is a candidate for a gold event when its sentence contains the gold
  `hint` (compared after NFKC, quote folding, lower-casing and space squeezing) and,
  where the gold names a `doc`, its `doc_id` is that doc;
- each gold key that is present is one field check; `core` is the right type with
  every named source/target country right;
- the best candidate is the one that is core, then has the most fields right;
- precision is the share of in-scope predictions that are the core match of some gold event.
"""
from __future__ import annotations

import json
import re
import unicodedata
from typing import Any, Iterator

FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
SPACES = re.compile(r"\s+")


def normalise(text: str | None) -> str:
    """Text folded the way hints and sentences are compared."""
    folded = unicodedata.normalize("NFKC", text or "").translate(FOLD).lower()
    return SPACES.sub(" ", folded).strip()


def load_jsonl(path: str) -> list[dict[str, Any]]:
    """Records from a JSON Lines file, skipping blank lines."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def actor_fields(side: str, want: dict[str, Any], actor: dict[str, Any] | None) -> Iterator[tuple[str, bool]]:
    """Field checks for one gold actor constraint against a predicted actor."""
    actor = actor or {}
    if "country" in want:
        yield f"{side}.country", actor.get("country") == want["country"]
    if "country_any" in want:
        yield f"{side}.country", actor.get("country") in want["country_any"]
    if "roles" in want:
        have = set(actor.get("roles") or []) | ({actor["role"]} if actor.get("role") else set())
        yield f"{side}.roles", not have.isdisjoint(want["roles"])
    if "name_any" in want:
        name = normalise(actor.get("name"))
        yield f"{side}.name", any(normalise(n) in name or (bool(name) and name in normalise(n))
                                  for n in want["name_any"])


def field_checks(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, bool]:
    """Every check the gold event asks for, on one prediction."""
    out = {"type": pred.get("event_type") in gold["types"]}
    for side in ("source", "target"):
        if side in gold:
            out.update(actor_fields(side, gold[side], pred.get(side)))
    place = pred.get("location") or {}
    if "date" in gold:
        out["date"] = (pred.get("date") or "").startswith(gold["date"])
    if "location_country" in gold:
        out["location.country"] = place.get("country") == gold["location_country"]
    if "location_name" in gold:
        have, want = normalise(place.get("name")), normalise(gold["location_name"])
        out["location.name"] = bool(have) and (have in want or want in have)
    if "fatalities" in gold:
        out["fatalities"] = pred.get("fatalities") == gold["fatalities"]
    if "count" in gold:
        out["count"] = gold["count"] in (pred.get("count"), pred.get("participants"))
    if "aggregate" in gold:
        out["aggregate"] = bool(pred.get("aggregate")) == bool(gold["aggregate"])
    return out


def is_core(checks: dict[str, bool]) -> bool:
    """Right type, and every source/target country check right."""
    sides = [ok for k, ok in checks.items() if k in ("source.country", "target.country")]
    return checks["type"] and all(sides)


def is_candidate(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """A prediction can answer a gold event when it is in the hinted sentence of its doc."""
    in_doc = "doc" not in gold or pred.get("doc_id") == gold["doc"]
    return in_doc and normalise(gold["hint"]) in normalise(pred.get("sentence"))


def score(gold: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[str, Any]:
    """Recall, precision and per-field accuracy of `preds` against `gold`."""
    preds = [dict(p, source=p.get("source", p.get("actor")), target=p.get("target", p.get("recipient")))
             for p in preds if p.get("event_type")]
    empty = {g["doc"] for g in gold if not g["types"]}
    gold = [g for g in gold if g["types"]]
    rows, matched = [], set()
    for g in gold:
        ranked = []
        for i, p in enumerate(preds):
            if is_candidate(g, p):
                checks = field_checks(g, p)
                ranked.append(((is_core(checks), sum(checks.values())), i, checks))
        best = max(ranked, key=lambda r: r[0], default=None)
        core = bool(best and best[0][0])
        if core:
            matched.add(best[1])
        rows.append({"id": g["id"], "hint": g["hint"], "found": bool(ranked), "core": core,
                     "full": core and all(best[2].values()), "fields": best[2] if best else {}})
    return summarise(gold, preds, rows, matched, empty)


def summarise(gold: list[dict[str, Any]], preds: list[dict[str, Any]], rows: list[dict[str, Any]],
              matched: set[int], empty: set[str]) -> dict[str, Any]:
    """The score's totals from per-gold rows."""
    n = len(gold) or 1
    totals: dict[str, list[int]] = {}
    for row in rows:
        for key, ok in row["fields"].items():
            totals.setdefault(key, [0, 0])
            totals[key][0] += int(ok)
            totals[key][1] += 1
    docs = {g.get("doc") for g in gold}
    scope = [p for p in preds if None in docs or p.get("doc_id") in docs | empty]
    aligned = sum(any(is_candidate(dict(g, doc=g.get("doc", p.get("doc_id"))), p) for g in gold) for p in preds)
    return {
        "gold": len(gold),
        "predicted": len(preds),
        "precision": round(len(matched) / len(scope), 3) if scope else None,
        "false_positives_in_empty_docs": sum(p.get("doc_id") in empty for p in preds),
        "empty_docs_with_events": len({p.get("doc_id") for p in preds} & empty),
        "empty_docs": len(empty),
        "found": sum(r["found"] for r in rows) / n,
        "core_recall": sum(r["core"] for r in rows) / n,
        "full_recall": sum(r["full"] for r in rows) / n,
        "field_accuracy": {k: round(ok / total, 3) for k, (ok, total) in sorted(totals.items())},
        "predicted_outside_gold_sentences": len(preds) - aligned,
        "rows": rows,
    }


def format_report(result: dict[str, Any], show: bool = False) -> str:
    """The score as the three summary lines (with one line per gold event if `show`)."""
    lines = []
    if show:
        for r in result["rows"]:
            wrong = " ".join(k for k, ok in r["fields"].items() if not ok)
            mark = "FULL" if r["full"] else "core" if r["core"] else "seen" if r["found"] else "MISS"
            lines.append(f"{mark:4} {r['id']:>6}  {r['hint'][:50]:50}  {wrong}")
    fields = " ".join(f"{k}={v:.2f}" for k, v in result["field_accuracy"].items())
    lines.append(f"gold={result['gold']} predicted={result['predicted']} "
                 f"outside={result['predicted_outside_gold_sentences']} precision={result['precision']} "
                 f"empty_docs={result['empty_docs']} empty_docs_with_events={result['empty_docs_with_events']}")
    lines.append(f"fields: {fields}")
    lines.append(f"found={result['found']:.3f} core_recall={result['core_recall']:.3f} "
                 f"full_recall={result['full_recall']:.3f}")
    return "\n".join(lines)
