"""Encodings: BOMs, UTF-8, detected legacy code pages, binary input."""

from __future__ import annotations

import codecs

from communique.ingest.decode import decode_bytes

RUSSIAN = "Министр иностранных дел России встретился с коллегой из Вьетнама в Ханое."
FRENCH = "Le ministre a déclaré « une coopération élargie » lors de la réunion à Hanoï."
CURLY = "The minister said \u201cwe agreed\u201d \u2014 and signed the memorandum\u2019s text."


def test_utf8_and_utf8_bom() -> None:
    plain = decode_bytes(RUSSIAN.encode("utf-8"))
    assert plain is not None and plain.text == RUSSIAN and plain.encoding == "utf-8"
    bom = decode_bytes(codecs.BOM_UTF8 + RUSSIAN.encode("utf-8"))
    assert bom is not None and bom.text == RUSSIAN  # BOM stripped


def test_utf16_with_bom_both_orders() -> None:
    for data in (RUSSIAN.encode("utf-16"), codecs.BOM_UTF16_BE + RUSSIAN.encode("utf-16-be")):
        decoded = decode_bytes(data)
        assert decoded is not None and decoded.text == RUSSIAN


def test_cp1251_russian_is_detected() -> None:
    decoded = decode_bytes(RUSSIAN.encode("cp1251"))
    assert decoded is not None and decoded.encoding == "cp1251"
    assert decoded.text == RUSSIAN


def test_cp1252_curly_quotes_and_accents_are_detected() -> None:
    for text in (CURLY, FRENCH):
        decoded = decode_bytes(text.encode("cp1252"))
        assert decoded is not None and decoded.encoding == "cp1252", text
        assert decoded.text == text


def test_latin1_fallback_when_cp125x_cannot_decode() -> None:
    data = "Caf\u00e9 au lait".encode("latin-1") + b"\x81"  # 0x81 is undefined in cp1252
    decoded = decode_bytes(data)
    assert decoded is not None and decoded.text.startswith("Café")


def test_binary_is_refused() -> None:
    assert decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") is None
    assert decode_bytes(bytes(range(256)) * 4) is None
