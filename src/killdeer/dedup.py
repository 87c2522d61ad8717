"""Cross-article deduplication: one event per real happening, linked to every article that reports it.

Two event records (mentions) report the same event when all of these hold (docs/store.md):

1. they come from different documents (an article that reports two similar events in two
   sentences is taken at its word), and neither is an aggregate statement;
2. the same `event_type`;
3. the same source and the same target: both absent, or the same name (ignoring case), or
   the same country and the same primary role (first PLOVER sector code);
4. compatible dates: one date's period contains the other's ("2024-02" and "2024-02-07"),
   or both are days at most `window_days` apart (default 1: reports from different time
   zones or publication days resolve "yesterday" a day apart); an undated mention merges with none;
5. compatible places: either unknown, the same GeoNames id, the same name in the same
   country, or one is a country or first-level region that contains the other.

Groups are built greedily in date order with complete linkage: a mention joins the first
open group *every* member of which it matches. So two mentions that do not match are never
merged, even through a third that matches both (two attacks in two cities on the same day
stay two events when a third report names no city).
"""
from __future__ import annotations

import calendar
import datetime as dt
from typing import Any, Iterable, Optional

DEFAULT_WINDOW_DAYS = 1

Record = dict[str, Any]


def date_period(value: Optional[str]) -> Optional[tuple[dt.date, dt.date]]:
    """First and last day an ISO date covers at its precision ("2024-02" -> Feb 1..29), else None."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value[:10].split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
        day = dt.date(*parts)
    except (ValueError, TypeError):
        return None
    return day, day


def same_actor(a: Optional[Record], b: Optional[Record]) -> bool:
    """Both absent, the same name, or the same country in the same primary role."""
    if a is None or b is None:
        return a is b
    if a["name"] and b["name"] and a["name"].casefold() == b["name"].casefold():
        return True
    return a["country"] is not None and a["country"] == b["country"] and a["roles"][:1] == b["roles"][:1]


def compatible_dates(a: Optional[str], b: Optional[str], window_days: int = DEFAULT_WINDOW_DAYS) -> bool:
    """One period contains the other, or two days at most `window_days` apart."""
    pa, pb = date_period(a), date_period(b)
    if pa is None or pb is None:
        return False
    if pa[0] == pa[1] and pb[0] == pb[1]:
        return abs((pa[0] - pb[0]).days) <= window_days
    return (pa[0] <= pb[0] and pb[1] <= pa[1]) or (pb[0] <= pa[0] and pa[1] <= pb[1])


def compatible_places(a: Optional[Record], b: Optional[Record]) -> bool:
    """Either unknown, the same place, or one a country or region containing the other."""
    if a is None or b is None:
        return True
    if a["geonameid"] is not None and a["geonameid"] == b["geonameid"]:
        return True
    if a["country"] != b["country"]:
        return False
    return _same_name(a["name"], b["name"]) or _contains(a, b) or _contains(b, a)


def _same_name(a: Optional[str], b: Optional[str]) -> bool:
    """Two place names equal ignoring case."""
    return bool(a and b) and a.casefold() == b.casefold()


def _contains(outer: Record, inner: Record) -> bool:
    """`outer` is the country, or the first-level region, that `inner` lies in."""
    if outer["feature"] == "country":
        return True
    return outer["feature"] == "admin1" and _same_name(outer["name"], inner["admin1"])


def same_event(a: Record, b: Record, window_days: int = DEFAULT_WINDOW_DAYS) -> bool:
    """Whether two mentions from different articles report one event (the module's rule)."""
    return (a["doc_id"] != b["doc_id"] and not a["aggregate"] and not b["aggregate"]
            and a["event_type"] == b["event_type"]
            and same_actor(a["source"], b["source"]) and same_actor(a["target"], b["target"])
            and compatible_dates(a["date"], b["date"], window_days)
            and compatible_places(a["location"], b["location"]))


def deduplicate(records: Iterable[Record], window_days: int = DEFAULT_WINDOW_DAYS) -> list[Record]:
    """One record per event, in order of first mention, with `mentions`, `mention_ids` and `doc_ids`."""
    mentions = list(records)
    groups = _group(mentions, window_days)
    merged = [_merge([mentions[i] for i in sorted(g)]) for g in groups]
    return [record for _, record in sorted(zip((min(g) for g in groups), merged), key=lambda p: p[0])]


def _group(mentions: list[Record], window_days: int) -> list[list[int]]:
    """Indices of mentions grouped by the rule, scanning in date order and retiring past groups."""
    periods = [date_period(m["date"]) for m in mentions]
    order = sorted(range(len(mentions)), key=lambda i: (periods[i] is None, periods[i] or (), i))
    groups: list[list[int]] = []
    open_groups: dict[str, list[tuple[dt.date, list[int]]]] = {}
    for i in order:
        group = _find_group(i, mentions, periods, open_groups, window_days)
        if group is None:
            group = [i]
            groups.append(group)
            if periods[i] is not None:
                open_groups.setdefault(mentions[i]["event_type"], []).append((periods[i][1], group))
        else:
            group.append(i)
    return groups


def _find_group(i: int, mentions: list[Record], periods: list[Any],
                open_groups: dict[str, list[tuple[dt.date, list[int]]]], window_days: int) -> Optional[list[int]]:
    """The first open group whose every member reports the same event as mention `i`."""
    if periods[i] is None:
        return None
    start = periods[i][0] - dt.timedelta(days=window_days)
    candidates = [(end, g) for end, g in open_groups.get(mentions[i]["event_type"], []) if end >= start]
    open_groups[mentions[i]["event_type"]] = candidates
    for _, group in candidates:
        if all(same_event(mentions[j], mentions[i], window_days) for j in group):
            return group
    return None


def _merge(members: list[Record]) -> Record:
    """The most informative mention, with the count and ids of every mention."""
    best = max(members, key=lambda m: (len(m["date"] or ""), m["location"] is not None, m["confidence"]))
    doc_ids = list(dict.fromkeys(m["doc_id"] for m in members))
    return {**best, "mentions": len(members), "mention_ids": [m["id"] for m in members], "doc_ids": doc_ids}
