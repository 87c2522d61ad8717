"""Every knowledge-base entry says where it comes from."""
from __future__ import annotations

import pytest

from killdeer.datafiles import read_tsv

KB_FILES = ("countries.tsv", "countries_extra.tsv", "institutions.tsv", "organisations.tsv", "groups.tsv",
            "officeholders.tsv")


@pytest.mark.parametrize("name", KB_FILES)
def test_every_entry_has_a_source(name: str) -> None:
    rows = read_tsv(name)
    assert rows, name
    assert [r for r in rows if not (r.get("source") or "").strip()] == []
