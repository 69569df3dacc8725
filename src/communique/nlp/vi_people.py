"""People in Vietnamese sentences: names as runs of capitalised syllables, with the office
written before them or in apposition after them.

Why no segmenter model: in Vietnamese news every syllable of a personal name is
capitalised while office titles and organisation names mostly are not throughout
("Bộ trưởng Bộ Công an Trần Văn Bình", "Thư ký Hội đồng An ninh"), so runs of
capitalised syllables isolate names well. A run is a person when it starts with a
Vietnamese family name (the family name comes first; "Hà Nội" is excluded as a place),
or when a title or honorific stands before it or an office after it (foreign names:
"ngài Sergei Lavrov"). Leading country words ("Nga Sergei Lavrov") are stripped.
Names keep their diacritics; :func:`fold_name` gives the folded Latin form.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any

from communique.nlp.people import Cast, PersonMention
from communique.records import Organization

#: Longest personal name, in syllables.
MAX_NAME_WORDS = 4
#: How far before a name an office may start (characters).
MAX_TITLE_CHARS = 90
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
#: Words that end an office phrase read backwards or forwards (verbs, prepositions),
#: written without diacritics: they are matched on folded text (:func:`fold_keep`).
_BREAK = re.compile(
    r"\b(?:da|se|dang|tiep|gap|voi|cua|do|va|cung|la|co|duoc|cho|tai|ngay|sang|chieu|toi|hom|khi|sau|"
    r"truoc|le|don|hoi\s+dam|hoi\s+kien|tiep\s+kien|dien\s+dam|gap\s+go|ky|ky\s+ket|lam\s+viec|tham|nhan\s+manh|cho\s+biet|chao\s+mung|dan\s+dau|than\s+mat|ngai|ong|ba)\b"
)  # case-sensitive: "Độ" of "Ấn Độ" is no "do"


def fold_keep(text: str) -> str:
    """``text`` without diacritics, one character for one, so offsets stay valid."""
    return "".join((fold_name(c) or c)[:1] for c in text)


#: The institution words that open an organisation's name ("Bộ Công an").
_INSTITUTION = re.compile(
    r"\b(?:Bộ|Hội\s+đồng|Ủy\s+ban|Uỷ\s+ban|Ngân\s+hàng|Tập\s+đoàn|Tổng\s+công\s+ty|Công\s+ty|Đại\s+học|"
    r"Học\s+viện|Viện|Tổng\s+cục|Cục|Văn\s+phòng|Thông\s+tấn\s+xã|Đài|Tòa\s+án)\b"
)
_DELEGATION = re.compile(r"(?i)\bđoàn\b([^.;]{0,120}?)\s*,?\s*do\s*$")
#: Lower-case words that never continue a name (verbs, prepositions).
_NAME_STOP = frozenset(
    [
        "đã",
        "sẽ",
        "đang",
        "ký",
        "kí",
        "và",
        "của",
        "về",
        "với",
        "tại",
        "cùng",
        "là",
        "có",
        "được",
        "cho",
        "trong",
        "ngày",
    ]
)


@dataclass(frozen=True, slots=True)
class VietnameseLexicon:
    """Offices, ranks, honorifics and family names (``data/vi_lexicon.json``)."""

    offices: tuple[str, ...]
    ranks: tuple[str, ...]
    honorifics: frozenset[str]
    surnames: frozenset[str]

    @classmethod
    def load(cls) -> VietnameseLexicon:
        """Read the lexicon shipped with the package."""
        raw = json.loads(
            resources.files("communique.data").joinpath("vi_lexicon.json").read_text("utf-8")
        )
        honorifics = set(raw["honorifics"]) | {fold_name(h) for h in raw["honorifics"]}
        surnames = set(raw["surnames"]) | {fold_name(s) for s in raw["surnames"]}
        return cls(
            tuple(raw["offices"]), tuple(raw["ranks"]), frozenset(honorifics), frozenset(surnames)
        )

    def given_last(self) -> frozenset[str]:
        """The family names, lower-cased, with and without diacritics: their bearers are
        called by the last part of the name in English text ("Nguyen Van Lich" is
        "Lich"), unlike Korean ones ("Park Min Jun" is "Park")."""
        return frozenset(s.lower() for s in self.surnames)

    def title_pattern(self) -> re.Pattern[str]:
        """Any office or rank, longest first, case-insensitive (titles may be lower-cased),
        with or without diacritics ("Thủ tướng", "Thu tuong")."""
        titles = set(self.offices) | set(self.ranks)
        words = sorted(titles | {fold_name(t) for t in titles}, key=len, reverse=True)
        return re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE
        )


#: A Vietnamese syllable (diacritics folded): an initial of the Vietnamese alphabet, a
#: vowel nucleus and one of the finals the language allows (c, ch, m, n, ng, nh, p, t).
_VI_SYLLABLE = re.compile(
    r"(?!\w*[ei]ng$)(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}"
    r"(?:ch|ng|nh|[cmnpt])?",  # "-eng", "-ing" are pinyin; Vietnamese writes "-ênh", "-inh"
    re.IGNORECASE,
)


def vietnamese_in_form(name: str, family_names: frozenset[str]) -> bool:
    """Is ``name`` Vietnamese in form: three or four parts, led by a Vietnamese family
    name, every part a Vietnamese syllable ("Pham Binh Minh", "Nguyen Thi Kim Ngan")?

    Why: a document about a visit to Japan must not make the visiting Vietnamese
    minister Japanese by default; Korean or Chinese names led by a shared family name
    ("Kim Jong Un") fail the syllable test."""
    parts = fold_name(name).split()
    return (
        3 <= len(parts) <= 4
        and parts[0].lower() in family_names
        and all(_VI_SYLLABLE.fullmatch(p) for p in parts)
    )


def fold_name(name: str) -> str:
    """Diacritics removed ("Trần Văn Bình" -> "Tran Van Binh", "Đặng" -> "Dang")."""
    text = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c))


class VietnamesePeople:
    """Finds people in Vietnamese sentences; holds only loaded, read-only resources."""

    def __init__(self, lexicon: VietnameseLexicon, gazetteer: Any) -> None:
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.titles = lexicon.title_pattern()
        self.rank_set = {r.lower() for r in lexicon.ranks} | {
            fold_name(r).lower() for r in lexicon.ranks
        }

    @classmethod
    def load(cls, gazetteer: Any) -> VietnamesePeople:
        """Build from the shipped lexicon."""
        return cls(VietnameseLexicon.load(), gazetteer)

    def find(self, text: str, offset: int, cast: Cast | None) -> list[PersonMention]:
        """People of one sentence (``offset`` = its start in the clean text)."""
        out: list[PersonMention] = []
        for s, e in self._runs(text):
            name_span = self._name(text, s, e)
            if name_span is None:
                continue
            ns, ne = name_span
            name = _dedupe_words(text[ns:ne])
            title_start, before = self._title_before(text, ns)
            after, after_end = self._apposition(text, ne)
            role = before if before and before.lower() not in self.rank_set else (after or before)
            known = cast.lookup(name) if cast is not None else None
            if known is not None:
                rank_only = role is None or role.lower() in self.rank_set
                name, role = known.name, (known.role or role) if rank_only else role
            first = title_start if before else ns
            country = (
                self._country(role)
                or (known.country if known else None)
                or self._delegation_country(text[:first])
            )
            anchored = bool(
                before or after or self._honorific(text, ns) or len(name.split()) >= 2 or known
            )
            out.append(
                PersonMention(
                    offset + ns,
                    offset + ne,
                    name,
                    role,
                    country,
                    anchored,
                    offset + (title_start if before else ns),
                    offset + max(ne, after_end),
                )
            )
        out = [m for m in out if m.anchored]
        if cast is not None:
            out.extend(self._office_refs(text, offset, out, cast))
        return sorted(out, key=lambda m: m.start)

    def _office_refs(
        self, text: str, offset: int, named: Sequence[PersonMention], cast: Cast
    ) -> list[PersonMention]:
        """An office with no name ("thư ký Hội đồng An ninh Nga thăm ...") standing for the
        one person of the document whose office shares its title and another word."""
        out: list[PersonMention] = []
        for m in self.titles.finditer(text):
            s = offset + m.start()
            if m.group(0).lower() in self.rank_set or any(
                p.span_start <= s < max(p.span_end, p.end) for p in named
            ):
                continue
            phrase = re.split(r"[,.;:()]", text[m.start() :])[0]
            stop = _BREAK.search(fold_keep(phrase), m.end() - m.start())
            phrase = phrase[: stop.start()] if stop else phrase
            words = set(fold_name(phrase).lower().split())
            head = set(fold_name(m.group(0)).lower().split())
            fits = [
                p
                for p in cast.people
                if p.role
                and head <= set(fold_name(p.role).lower().split())
                and len((words - head) & set(fold_name(p.role).lower().split())) >= 1
            ]
            if len({p.name for p in fits}) == 1:
                p = fits[0]
                e = s + len(phrase.rstrip())
                out.append(PersonMention(s, e, p.name, p.role, p.country, True, s, e))
        return out

    def without_ranks(self, mentions: Sequence[PersonMention]) -> list[PersonMention]:
        """Mentions whose only title is a rank lose it, so that a document's cast keeps a
        person's office ("Bộ trưởng Bộ Công an") over a rank read first ("Đại tướng")."""
        return [
            replace(m, role=None) if m.role and m.role.lower() in self.rank_set else m
            for m in mentions
        ]

    def organizations(self, text: str) -> list[Organization]:
        """Bodies named in a sentence ("Bộ Công an Việt Nam", "Hội đồng Biển Liên bang
        Nga"): an institution word and the words of its name, each part starting with a
        capital; the country is the one the name ends with."""
        out: list[Organization] = []
        for m in _INSTITUTION.finditer(text):
            name = text[m.start() : _org_end(text, m.end())].strip()
            if name == m.group(0):
                continue
            found = self.gazetteer.find_countries(name, lang="vi")
            country = found[-1][2] if found else None
            if name.lower() not in {o.name.lower() for o in out}:
                out.append(Organization(name=name, country=country, mention=name))
        return out

    def _runs(self, text: str) -> list[tuple[int, int]]:
        """Maximal runs of capitalised words separated by single spaces."""
        runs: list[tuple[int, int]] = []
        for m in _WORD.finditer(text):
            if not m.group(0)[0].isupper():
                continue
            if runs and text[runs[-1][1] : m.start()] == " ":
                runs[-1] = (runs[-1][0], m.end())
            else:
                runs.append((m.start(), m.end()))
        return runs

    def _name(self, text: str, s: int, e: int) -> tuple[int, int] | None:
        """The person name inside a capitalised run, if it is one."""
        words = [(m.start() + s, m.end() + s) for m in _WORD.finditer(text[s:e])]
        while words and text[words[0][0] : words[0][1]] in self.lexicon.honorifics:
            words = words[1:]  # "Ông Peter Brown" at a sentence start
        title = self.titles.match(text, words[0][0]) if words else None
        if title is not None:  # "Phó Thủ" of "Phó Thủ tướng": the run starts a title
            words = [w for w in words if w[0] >= title.end()]
        words = self._strip_places(text, words)
        if not words or len(words) > MAX_NAME_WORDS + 1:
            return None
        ns, ne = words[0][0], words[-1][1]
        candidate = text[ns:ne]
        if (
            self.gazetteer.find_places(candidate, lang="vi")
            and self.gazetteer.place(candidate) is not None
        ):
            return None
        if self.titles.fullmatch(candidate):
            return None
        first = text[words[0][0] : words[0][1]]
        vietnamese = first in self.lexicon.surnames and 2 <= len(words) <= MAX_NAME_WORDS
        introduced = (
            self._honorific(text, ns)
            or bool(self._title_before(text, ns)[1])
            or bool(self._apposition(text, ne)[0])
        )
        foreign = fold_name(candidate) == candidate and len(words) <= 3
        if vietnamese and not _after_institution(text, ns):
            return ns, ne
        if introduced and (foreign or vietnamese) and len(words) >= 2:
            return ns, ne
        if len(words) == 1 and (
            self._honorific(text, ns) or (foreign and introduced and _foreign_word(candidate))
        ):
            return ns, ne
        return None

    def _strip_places(self, text: str, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Drop country or place words leading a run ("Nga Ivan Petrov")."""
        while len(words) > 1:
            for k in range(min(3, len(words) - 1), 0, -1):
                if self.gazetteer.place(text[words[0][0] : words[k - 1][1]]) is not None:
                    words = words[k:]
                    break
            else:
                return words
        return words

    def _honorific(self, text: str, start: int) -> bool:
        m = re.search(r"((?:\w+\s+)?\w+)\s+$", text[max(0, start - 12) : start])
        return m is not None and (
            m.group(1) in self.lexicon.honorifics
            or m.group(1).split()[-1] in self.lexicon.honorifics
        )

    def _title_before(self, text: str, start: int) -> tuple[int, str | None]:
        """The office chain ending right before ``start``: (its start, its text)."""
        window_start = max(0, start - MAX_TITLE_CHARS)
        window = text[window_start:start]
        cut = max(window.rfind(c) for c in '.;:()\n"“”')
        heads = [m for m in self.titles.finditer(window) if m.start() > cut]
        chosen = None
        for m in reversed(heads):
            between = window[m.end() :]
            if _BREAK.search(fold_keep(between)) or ("," in between and chosen is None):
                break
            gap = window[m.end() : chosen.start()] if chosen is not None else ""
            if chosen is not None and "," not in gap and gap.strip():
                break  # an earlier office joins the chain only across a comma
            prev = re.search(r"([^\W\d_]+)\s*$", window[: m.start()])
            if (
                chosen is not None
                and prev
                and prev.group(1)[0].isupper()
                and not self.titles.search(prev.group(1))
            ):
                break  # "tại Phủ Chủ tịch, Chủ tịch nước X": that office names a building
            chosen = m
        if chosen is None:
            return start, None
        phrase = window[chosen.start() :].strip(" ,")
        last = heads[-1]
        if last.start() > chosen.start() and last.group(0).lower() in self.rank_set:
            # "Thư ký Hội đồng An ninh, Đại tướng X": the office, not the trailing rank
            phrase = window[chosen.start() : last.start()].strip(" ,")
        return window_start + chosen.start(), phrase or None

    def _apposition(self, text: str, end: int) -> tuple[str | None, int]:
        """Offices after the name: "Trần Văn Bình, Ủy viên ..., Bộ trưởng Bộ Công an"."""
        parts: list[str] = []
        pos = end
        while True:
            m = re.match(r"\s*,\s*", text[pos:])
            if m is None:
                break
            seg_start = pos + m.end()
            head = self.titles.match(text, seg_start)
            if head is None:
                break
            seg = re.split(r"[,.;:()\n]", text[seg_start:])[0]
            stop = _BREAK.search(fold_keep(seg), head.end() - seg_start)
            seg = seg[: stop.start()] if stop else seg
            parts.append(seg.strip())
            pos = seg_start + len(seg)
        offices = [p for p in parts if p.lower() not in self.rank_set]
        return (", ".join(offices[-2:]) if offices else None), pos

    def _delegation_country(self, before: str) -> str | None:
        """ "Đoàn đại biểu Bộ Công an Việt Nam do X dẫn đầu": X belongs to that country."""
        m = _DELEGATION.search(before)
        return self._country(m.group(1)) if m else None

    def _country(self, role: str | None) -> str | None:
        if not role:
            return None
        found = self.gazetteer.find_countries(role, lang="vi")
        return found[-1][2] if found else None


_INSTITUTION_BEFORE = re.compile(
    r"(?:\b(?:Bộ|Ban|Sở|Cục|Viện|Hội|Ủy|Uỷ|Quận|Huyện)|(?i:\b(?:tỉnh|thành\s+phố|TP\.?|quận|huyện|xã|phường|sân\s+bay|đường|phố)))\s+$"
)


def _org_end(text: str, pos: int) -> int:
    """End of an organisation's name whose institution word ends at ``pos``: capitalised
    words, each followed by at most one lower-case syllable, and "và" between two
    capitalised words that do not open another institution."""
    end = cursor = pos
    lower_run = 0
    for m in _WORD.finditer(text, pos):
        if text[cursor : m.start()].strip():  # punctuation ends the name
            break
        word, cursor = m.group(0), m.end()
        if word[0].isupper():
            end, lower_run = m.end(), 0
        elif word == "và" and _joins_name(text, m.end()):
            continue
        elif lower_run == 0 and end > pos and word not in _NAME_STOP:
            end, lower_run = m.end(), 1
        else:
            break
    return end


def _joins_name(text: str, pos: int) -> bool:
    """ "và" inside a name: a capitalised word follows that opens no other institution."""
    nxt = re.match(r"\s+([^\W\d_]+)", text[pos:])
    return (
        nxt is not None
        and nxt.group(1)[0].isupper()
        and not _INSTITUTION.match(text, pos + nxt.start(1))
    )


def _after_institution(text: str, start: int) -> bool:
    """True when the run continues an organisation name ("Bộ Công an Hà ..."): the word
    before is capitalised and glued to it by a lower-case syllable."""
    return _INSTITUTION_BEFORE.search(text[max(0, start - 12) : start]) is not None


def _foreign_word(word: str) -> bool:
    """A single word that can only be a (foreign) surname: not an acronym, long enough,
    and not spelled like a Vietnamese syllable ("Sokolov", "Dubois"; not "Nam", "UBND")."""
    return (
        len(word) >= 4
        and not word.isupper()
        and re.fullmatch(r"[A-Z][a-z]+", word) is not None
        and not re.fullmatch(
            r"(?:ng|nh|kh|th|tr|ch|ph|gi|qu|gh|[bcdghklmnpqrstvx])?(?:[aeiouy]{1,3})(?:ng|nh|ch|[cmnpt])?",
            word.lower(),
        )
    )


def _dedupe_words(name: str) -> str:
    """ "Petrov Ivan Petrov" (family name written twice) -> "Ivan Petrov"."""
    words = name.split()
    if len(words) >= 3 and words[0] == words[-1]:
        return " ".join(words[1:])
    return name


def is_vietnamese_text(sample: Sequence[str]) -> bool:
    """True when the words look Vietnamese (letters with Vietnamese diacritics)."""
    text = " ".join(sample)
    return bool(
        re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", text, re.IGNORECASE)
    )
