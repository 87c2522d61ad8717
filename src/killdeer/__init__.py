"""Killdeer: code English news into PLOVER political event records."""
from __future__ import annotations

__version__ = "0.1.0"

from .api import code_docs, code_text  # noqa: E402

__all__ = ["code_docs", "code_text", "__version__"]
