"""Actors stage: find actor mentions and resolve them to name, country and roles."""
from __future__ import annotations

from typing import Callable

import pycountry

from .config import Config
from .model import Actor, Document, Mention
from .registry import components


def country_code(name: str) -> str | None:
    """ISO3 code of a country name, or None."""
    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        return None


@components.register("actors")
def make_actors(config: Config) -> Callable[[Document], None]:
    """Component that records every actor mention the text makes."""
    def actors(document: Document) -> None:
        for n, sent in enumerate(document.sentences):
            for ent in sent.ents:
                if ent.label_ in ("GPE", "NORP", "ORG", "PERSON"):
                    actor = Actor(name=ent.text, text=ent.text, country=country_code(ent.text))
                    document.mentions.append(Mention(ent.start, ent.end, ent.root.i, n, actor))
    return actors
