"""Small dependency-parse helpers that several stages share."""
from __future__ import annotations

from spacy.tokens import Token


def clause_verb(token: Token) -> Token:
    """The verb whose clause a token belongs to: its nearest verb ancestor (itself for a verb), else the root."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token
