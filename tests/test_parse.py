"""Parse stage: headlines and datelines are split from the lead sentence, and nothing else is."""
from __future__ import annotations

import pytest

from killdeer.config import Config
from killdeer.parse import load_model


def sentences(text: str) -> list[str]:
    """The sentence texts the parse stage gives for `text`."""
    return [s.text for s in load_model(Config().model)(text).sents]


@pytest.mark.parametrize("text, expected", [
    ("SINGAPORE — President Donald Trump met Kim Jong Un on Tuesday.",
     ["SINGAPORE —", "President Donald Trump met Kim Jong Un on Tuesday."]),
    ("Summit ends\n\nWASHINGTON (AP) -- Biden met Xi in California.",
     ["Summit ends\n\n", "WASHINGTON (AP) --", "Biden met Xi in California."]),
    ("Talks resume\n\nKYIV — Ukrainian forces shelled the city overnight.",
     ["Talks resume\n\n", "KYIV —", "Ukrainian forces shelled the city overnight."]),
])
def test_dateline_is_its_own_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize("text", [
    "US-China talks resumed in Geneva — officials said the mood was calm.",
    "NATO — the alliance of 32 states — met in Brussels.",
    "The army — backed by militias — advanced on the town.",
])
def test_dashes_inside_sentences_are_not_datelines(text: str) -> None:
    assert sentences(text) == [text]


def test_headline_without_full_stop_does_not_run_into_the_lead() -> None:
    text = "Bombs kill at least 20 at cathedral in Mindanao, Philippines\n\nTwin bombings struck the cathedral."
    assert sentences(text) == ["Bombs kill at least 20 at cathedral in Mindanao, Philippines\n\n",
                               "Twin bombings struck the cathedral."]


def test_a_single_line_break_inside_a_sentence_is_kept() -> None:
    assert sentences("Police said the\nsuspects fled on Monday.") == ["Police said the\nsuspects fled on Monday."]
