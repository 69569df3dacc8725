"""Document language (ISO 639-1) with lingua, restricted to the languages we meet.

The detector is an object built once (per :func:`communique.ingest.iter_documents`
call, or by the caller) and passed in: building is cheap but its models load on
first use, and there must be no module-level cache.
"""

from __future__ import annotations

from dataclasses import dataclass

from lingua import Language, LanguageDetectorBuilder
from lingua import LanguageDetector as _LinguaDetector

from communique.errors import ConfigError

#: Languages news about official contacts in our region arrive in. Restricting the
#: set keeps detection fast and avoids exotic confusions on short texts.
DEFAULT_LANGUAGES: tuple[str, ...] = (
    "en", "ru", "vi", "fr", "de", "es", "pt", "it", "zh", "ja", "ko", "th", "id", "ms",
    "uk", "ar", "tr", "pl", "nl",
)  # fmt: skip
#: Only the first characters of a document are looked at (speed; enough for news).
SAMPLE_CHARS = 3000


@dataclass(frozen=True, slots=True)
class LanguageDetector:
    """Detects a document's language; build with :meth:`build`."""

    detector: _LinguaDetector

    @classmethod
    def build(
        cls, codes: tuple[str, ...] = DEFAULT_LANGUAGES, *, low_accuracy: bool = True
    ) -> LanguageDetector:
        """A detector for the given ISO 639-1 codes (unknown codes are a ConfigError).

        Why low accuracy by default: lingua's trigram-only mode builds in milliseconds
        instead of ~1 s (full models load per detector) and is as reliable on texts
        longer than a sentence or two, which news documents always are.
        """
        by_code = {lang.iso_code_639_1.name.lower(): lang for lang in Language.all()}
        missing = [c for c in codes if c not in by_code]
        if missing:
            raise ConfigError(f"unknown ISO 639-1 codes {missing}; use codes lingua supports")
        languages = [by_code[c] for c in codes]
        builder = LanguageDetectorBuilder.from_languages(*languages)
        if low_accuracy:
            builder = builder.with_low_accuracy_mode()
        return cls(builder.build())

    def detect(self, text: str) -> str | None:
        """ISO 639-1 code of ``text``, or ``None`` when unsure (or no letters)."""
        sample = text[:SAMPLE_CHARS]
        if not any(ch.isalpha() for ch in sample):
            return None
        language = self.detector.detect_language_of(sample)
        return language.iso_code_639_1.name.lower() if language else None
