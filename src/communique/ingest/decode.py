"""Bytes -> text: BOMs, UTF-8, and a detected legacy single-byte fallback.

News files arrive as UTF-8 (with or without a BOM), UTF-16 with a BOM, or in a
legacy single-byte code page (cp1252 for Western European pages, cp1251 for
Cyrillic ones, latin-1 as the last resort). The legacy page is *detected*: every
candidate is decoded strictly and the one whose text looks most like real words
wins (see :func:`_implausibility`). Binary input (NUL bytes outside UTF-16, many
control characters) is reported, never decoded into garbage.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

#: Legacy code pages tried in order of preference when the text is not UTF-8; a tie
#: on plausibility goes to the earlier one.
LEGACY_ENCODINGS: tuple[str, ...] = ("cp1252", "cp1251", "latin-1")
#: Share of C0 control characters (other than tab/newlines) above which bytes are binary.
MAX_CONTROL_SHARE = 0.01
#: How many bytes the binary and plausibility checks look at (keeps decoding linear
#: and cheap on multi-megabyte inputs).
SAMPLE_BYTES = 65536

_WORD = re.compile(r"[^\W\d_]+")
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and the encoding it was read with."""

    text: str
    encoding: str


def decode_bytes(data: bytes) -> Decoded | None:
    """Decode file bytes to text; ``None`` when the bytes are binary.

    Why: the reader must accept every encoding news files really come in, and keep
    ``Document.original`` exactly the decoded text (BOM stripped) so that quote
    offsets are stable.
    """
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError:
                return None
    if _looks_binary(data):
        return None
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data)


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters mean the file is not text."""
    sample = data[:SAMPLE_BYTES]
    if b"\x00" in sample:
        return True
    controls = len(_CONTROL.findall(sample))
    return controls > MAX_CONTROL_SHARE * max(len(sample), 1)


def _decode_legacy(data: bytes) -> Decoded | None:
    """The most plausible strict decode among :data:`LEGACY_ENCODINGS`."""
    best: tuple[float, int, str] | None = None
    sample = data[:SAMPLE_BYTES]
    for rank, encoding in enumerate(LEGACY_ENCODINGS):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _implausibility(text)
        if best is None or (score, rank) < best[:2]:
            best = (score, rank, encoding)
    if best is None:
        return None
    try:
        return Decoded(data.decode(best[2]), best[2])
    except UnicodeDecodeError:  # the tail differs from the sample
        return Decoded(data.decode("latin-1"), "latin-1")


def _implausibility(text: str) -> float:
    """Lower is more plausible: penalise words that real text does not contain.

    Wrongly decoded text shows as (a) C1 control characters (latin-1 on cp125x
    bytes), (b) words mixing Latin and Cyrillic letters (cp1251 on accented Western
    text: "cafй"), (c) words made only of accented Latin-1 letters (cp1252 on
    Cyrillic text: "Ïðèâåò"), (d) case changes inside a word after the second letter.
    """
    penalty = 0.0
    penalty += 5 * sum(1 for ch in text if 0x80 <= ord(ch) <= 0x9F)
    words = _WORD.findall(text)
    for word in words:
        if word.isascii():
            continue
        scripts = {_script(ch) for ch in word}
        if len({s.split("-")[0] for s in scripts}) > 1:
            penalty += 3
        elif scripts == {"latin-ext"} and len(word) >= 3:
            penalty += 2
        if len(word) > 2 and not (word[1:].islower() or word.isupper()):
            penalty += 1
    return penalty / max(len(words), 1)


def _script(ch: str) -> str:
    """A coarse script class for the plausibility score."""
    if ch.isascii():
        return "latin"
    name = unicodedata.name(ch, "")
    if name.startswith("CYRILLIC"):
        return "cyrillic"
    if name.startswith("LATIN"):
        return "latin-ext"
    if name.startswith("GREEK"):
        return "greek"
    return "other"
