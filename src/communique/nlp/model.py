"""Loading the spaCy model named in the settings (once per process, passed around)."""

from __future__ import annotations

from typing import Any

from communique.errors import ModelError
from communique.settings import Settings


def load_model(settings: Settings, disable: tuple[str, ...] = ()) -> Any:
    """Load ``settings.model``; a missing package is a :class:`ModelError` with a hint,
    because nothing downstream can work without it."""
    import spacy

    try:
        return spacy.load(settings.model, disable=list(disable))
    except OSError as exc:
        raise ModelError(f"cannot load spaCy model {settings.model!r}: {exc}") from exc
