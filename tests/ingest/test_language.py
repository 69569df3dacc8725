"""Language detection on composed texts in several scripts."""

from __future__ import annotations

import pytest

from communique.errors import ConfigError
from communique.ingest import LanguageDetector


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The ministers of Peru and Laos met in Lima on Monday to discuss rice research.", "en"),
        ("Министры иностранных дел двух стран провели переговоры в Москве в понедельник.", "ru"),
        ("Bộ trưởng Ngoại giao hai nước đã hội đàm tại Hà Nội vào sáng thứ Hai.", "vi"),
        ("Les ministres des deux pays se sont rencontrés lundi à Paris pour discuter.", "fr"),
        ("两国外长星期一在北京举行会谈，讨论双边合作。", "zh"),
    ],
)
def test_detects_language(detector: LanguageDetector, text: str, code: str) -> None:
    assert detector.detect(text) == code


def test_no_letters_no_language(detector: LanguageDetector) -> None:
    assert detector.detect("2024-03-12 12:07 +++ 42") is None


def test_unknown_code_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        LanguageDetector.build(("en", "xx"))
