"""The read side of the store: a time-limited reader and the filters every listing takes.

Why a reader: the CLI, the JSON API and the web pages ask the same questions, and a
served database must never hang on one expensive query. Every query here goes
through :meth:`communique.store.Store.query` with a time limit (SQLite's progress
handler interrupts it) and parameterised SQL only.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import pycountry

from communique.errors import ConfigError
from communique.merge.dates import PartialDate
from communique.store import Store

EventKind = Literal["document", "merged"]

#: Longest a single read query may run (seconds) before it is interrupted.
DEFAULT_QUERY_SECONDS = 5.0
#: Largest page any listing returns (the API caps ``limit`` here too).
MAX_LIMIT = 200
#: Page size when none is asked for.
DEFAULT_LIMIT = 50

_ISO3 = re.compile(r"^[A-Za-z]{3}$")


@dataclass(frozen=True, slots=True)
class Reader:
    """A store opened for reading plus the time limit each query gets."""

    store: Store
    seconds: float = DEFAULT_QUERY_SECONDS

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        """Run one parameterised query under the time limit."""
        return self.store.query(sql, params, seconds=self.seconds)

    def value(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row (None when there is no row)."""
        rows = self.rows(sql, params)
        return rows[0][0] if rows else None

    def event_kind(self) -> EventKind:
        """Merged events when merging has run, else the per-document events."""
        merged = self.value("SELECT 1 FROM events WHERE kind = 'merged' LIMIT 1")
        return "merged" if merged else "document"


@dataclass(frozen=True, slots=True)
class Page:
    """Which slice of a listing to return."""

    limit: int = DEFAULT_LIMIT
    offset: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_LIMIT:
            raise ConfigError(f"limit must be 1..{MAX_LIMIT}, got {self.limit}")
        if self.offset < 0:
            raise ConfigError(f"offset must be >= 0, got {self.offset}")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What a timeline keeps. ``between`` holds two ISO 3166-1 alpha-3 codes."""

    between: tuple[str, str] | None = None
    since: PartialDate | None = None
    until: PartialDate | None = None
    type: str | None = None
    q: str | None = None
    kind: EventKind | None = None  # None: merged when present, else per-document


def country_code(text: str) -> str | None:
    """An ISO 3166-1 alpha-3 code from a code or a country name (``vnm``, ``VN``,
    ``Viet Nam``); None when it names no country. Unlisted three-letter codes
    (e.g. ``XKX``) are kept as given, upper-cased."""
    text = text.strip()
    if not text:
        return None
    try:
        return str(pycountry.countries.lookup(text).alpha_3)
    except LookupError:
        return text.upper() if _ISO3.match(text) else None


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with ``%``/``_`` escaped by ``\\``."""
    escaped = text.replace("\x00", "").replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
