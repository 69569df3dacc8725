"""Vietnamese names written in Cyrillic, spelled back in Vietnamese Latin letters.

Why: Russian reports spell Vietnamese names by the Russian practical transcription of
Vietnamese (Kontsevich's system: "Lương Văn Thành" -> "Лыонг Ван Тхань", "Trần" ->
"Чан", "Phạm Minh Chính" -> "Фам Минь Тьинь"). Plain Cyrillic -> Latin transliteration
gives "Lyong Tam Kuang", which meets the English and Vietnamese reports of the same
person only by luck; reversing the transcription gives "Luong Van Thanh", which is the
diacritic-folded Vietnamese spelling those reports use.

The tables below are the transcription rules read backwards (source: the Russian
practical transcription of Vietnamese, as described in the Russian Wikipedia article
"Вьетнамско-русская практическая транскрипция"). Where the transcription merged two
Vietnamese letters (d and gi both -> "з", ư and u after some consonants) the more
frequent one is chosen; the result is a matching key more than a faithful spelling.
"""

from __future__ import annotations

import re

from anyascii import anyascii

#: Syllable-initial consonant clusters, longest first (Cyrillic -> Vietnamese).
_INITIALS: tuple[tuple[str, str], ...] = (
    ("нг", "ng"),
    ("нь", "nh"),
    ("кх", "kh"),
    ("тх", "th"),
    ("ть", "ch"),
    ("зь", "d"),
    ("ку", "qu"),
    ("б", "b"),
    ("в", "v"),
    ("г", "g"),
    ("д", "d"),
    ("ж", "gi"),
    ("з", "d"),
    ("к", "c"),
    ("л", "l"),
    ("м", "m"),
    ("н", "n"),
    ("п", "p"),
    ("р", "r"),
    ("с", "x"),
    ("т", "t"),
    ("ф", "ph"),
    ("х", "h"),
    ("ч", "tr"),
    ("ш", "s"),
    ("ц", "ts"),
)
#: Syllable-final consonants (Cyrillic -> Vietnamese).
_FINALS: tuple[tuple[str, str], ...] = (
    ("нг", "ng"),
    ("нь", "nh"),
    ("ть", "ch"),
    ("к", "c"),
    ("м", "m"),
    ("н", "n"),
    ("п", "p"),
    ("т", "t"),
    ("й", "i"),
    ("у", "u"),
    ("ю", "u"),
)
#: Vowel nuclei (Cyrillic -> folded Vietnamese).
_VOWELS: tuple[tuple[str, str], ...] = (
    ("ыо", "uo"),
    ("ыа", "ua"),
    ("уо", "uo"),
    ("уа", "ua"),
    ("уи", "ui"),
    ("уе", "uye"),
    ("уэ", "ue"),
    ("ие", "ie"),
    ("ье", "ie"),
    ("иа", "ia"),
    ("юэ", "ue"),
    ("ю", "uy"),
    ("я", "ia"),
    ("ы", "u"),
    ("э", "e"),
    ("е", "e"),
    ("ё", "o"),
    ("о", "o"),
    ("а", "a"),
    ("и", "i"),
    ("у", "u"),
)
_VOWEL_LETTERS = "аеёиоуыэюя"
_SYLLABLE = re.compile(rf"^[^{_VOWEL_LETTERS}]*[{_VOWEL_LETTERS}]+[^{_VOWEL_LETTERS}]*$")
_CYRILLIC_WORD = re.compile(r"^[А-Яа-яЁё]+$")


def looks_vietnamese(name: str) -> bool:
    """True for a Cyrillic name of two to four words that are each one syllable
    ("Во Хан", "Лыонг Ван Тхань"), the shape of a transcribed Vietnamese name."""
    words = name.split()
    if not 2 <= len(words) <= 4:
        return False
    return all(_CYRILLIC_WORD.match(w) and _SYLLABLE.match(w.lower()) for w in words)


def vietnamese_latin(name: str) -> str:
    """Each word spelled back: "Нгуен Фу Чонг" -> "Nguyen Phu Trong". Letters the
    transcription never uses are spelled by anyascii, so the result is always ASCII."""
    return " ".join(anyascii(_syllable(w)) or w for w in name.split())


def _syllable(word: str) -> str:
    low = word.lower()
    m = re.match(rf"^([^{_VOWEL_LETTERS}]*)([{_VOWEL_LETTERS}]+)([^{_VOWEL_LETTERS}]*)$", low)
    if m is None:
        return word  # no vowel: not a syllable
    onset, nucleus, coda = m.groups()
    if onset == "к" and nucleus.startswith("у") and len(nucleus) > 1:
        lat_onset, nucleus = "qu", nucleus[1:]
    else:
        lat_onset = _convert(onset, _INITIALS)
        if lat_onset == "c" and nucleus[:1] in "еиэ":
            lat_onset = "k"
        if onset.endswith("ь") and onset not in ("нь", "ть", "зь"):
            lat_onset += "i"  # "Вьет" -> "Viet": a soft sign before e marks the glide i
    lat = lat_onset + _convert(nucleus, _VOWELS) + _convert(coda, _FINALS)
    return lat[:1].upper() + lat[1:] if word[:1].isupper() else lat


def _convert(part: str, table: tuple[tuple[str, str], ...]) -> str:
    out = []
    i = 0
    while i < len(part):
        for src, dst in table:
            if part.startswith(src, i):
                out.append(dst)
                i += len(src)
                break
        else:
            if part[i] != "ь":
                out.append(part[i])
            i += 1
    return "".join(out)
