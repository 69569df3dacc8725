"""Fuzzing extraction: random and adversarial Documents through ``Extractor``.

Documents are built by the real ingest chain (:func:`document_from_text`) from random
Unicode, from shuffled news vocabulary (so triggers, titles and countries collide in
odd orders) and from pathological texts; the extractor holds to its contract (quotes
are the original text at their offsets, types and statuses from the contract) and
to its per-document time limit, reported as a Rejection with code "timeout".
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.extract import Extractor
from communique.ingest import LanguageDetector, document_from_text
from communique.records import Document, Event, Rejection
from communique.settings import Settings

from .conftest import Tally, fuzz

SUITE = "fuzz-extract"
#: Words of diplomatic news, written for this test (generic titles, verbs, places).
VOCAB = (
    "President",
    "Prime",
    "Minister",
    "Foreign",
    "Deputy",
    "of",
    "the",
    "and",
    "met",
    "held",
    "talks",
    "with",
    "visited",
    "signed",
    "agreement",
    "memorandum",
    "on",
    "in",
    "Hanoi",
    "Moscow",
    "Nairobi",
    "Chile",
    "Viet",
    "Nam",
    "Russia",
    "Kenya",
    "Monday",
    "March",
    "12",
    "2024",
    ",",
    ".",
    "'s",
    "(",
    ")",
    '"',
    "-",
    "\n\n",
    "will",
    "visit",
    "next",
    "week",
    "received",
    "counterpart",
    "his",
    "her",
    "He",
    "She",
    "Mr",
    "Ms",
    "Dr",
    "King",
    "Sheikh",
    "bin",
    "Al",
    "de",
    "van",
    "O'Neil",
    "Ana",
    "Torres",
    "Otieno",
    "Nguyen",
    "Ivanov",
    "Lavrov",
    "cooperation",
    "trade",
    "fisheries",
    "Embassy",
    "Ministry",
    "UN",
    "EU",
    "ASEAN",
    "summit",
    "sidelines",
)
EVENT_TYPES = {"MEET", "VISIT", "SIGN"}
STATUSES = {"occurred", "planned"}


def check_events(doc: Document, events: tuple[Event, ...]) -> None:
    """The contract every event keeps, whatever the input."""
    for event in events:
        assert event.type in EVENT_TYPES and event.status in STATUSES
        assert re.fullmatch(r"[a-z]+_[0-9a-f]+", event.event_id)
        if event.date is not None:
            assert re.fullmatch(r"-?\d{4}(-\d{2}(-\d{2})?)?", event.date), event.date
        assert event.sources, "every fact is traceable to a sentence"
        for src in event.sources:
            assert src.doc_id == doc.doc_id
            assert 0 <= src.start <= src.end <= len(doc.original)
            assert doc.original[src.start : src.end] == src.quote
        event.to_json()  # serialisable


def run(
    extractor: Extractor, det: LanguageDetector, text: str, published: str | None = None
) -> tuple[Document | Rejection, tuple[Event, ...], Rejection | None]:
    """Build the document (detected as English or Russian, so that the front-ends are
    reached) and extract it, checking the contract and the time limit's report."""
    doc = document_from_text(text, "fz", "fz.txt", published=published, detector=det)
    if isinstance(doc, Rejection):
        return doc, (), None
    events, timeout = extractor.extract_checked(doc)
    check_events(doc, events)
    return doc, events, timeout


@fuzz(100)
@given(text=st.text(max_size=3000))
def test_random_unicode_documents(
    text: str, hard_extractor: Extractor, en_detector: LanguageDetector, tally: Tally
) -> None:
    run(hard_extractor, en_detector, text)
    tally.add(SUITE, "random Unicode documents")


@fuzz(100)
@given(
    words=st.lists(st.sampled_from(VOCAB), min_size=1, max_size=400),
    published=st.one_of(
        st.none(), st.sampled_from(("2024-03-12", "1999-01", "2031", "0001-01-01"))
    ),
)
def test_shuffled_news_vocabulary(
    words: list[str],
    published: str | None,
    hard_extractor: Extractor,
    en_detector: LanguageDetector,
    tally: Tally,
) -> None:
    run(hard_extractor, en_detector, " ".join(words), published)
    tally.add(SUITE, "shuffled news-vocabulary documents")


@fuzz(80)
@given(
    sentence=st.sampled_from(
        (
            "{a} met {b} in {p} on {d}.",
            "{a} will visit {p} next week at the invitation of {b}.",
            "{a} and {b} signed a memorandum on {p} cooperation on {d}.",
            "On {d}, {a} held talks with {b}, {a}'s counterpart, in {p}.",
        )
    ),
    a=st.text(min_size=1, max_size=40),
    b=st.text(min_size=1, max_size=40),
    p=st.text(min_size=1, max_size=30),
    d=st.text(max_size=30),
)
def test_templates_with_random_slots(
    sentence: str,
    a: str,
    b: str,
    p: str,
    d: str,
    hard_extractor: Extractor,
    en_detector: LanguageDetector,
    tally: Tally,
) -> None:
    text = "Headline\n\n" + sentence.format(a=a, b=b, p=p, d=d)
    run(hard_extractor, en_detector, text, "2024-03-12")
    tally.add(SUITE, "event templates with random slot fillers")


PATHOLOGICAL = {
    "title-chain": "Foreign Minister " * 5000 + "Ana Torres met President " * 3 + "Kenya.",
    "no-spaces": "Minister" * 200_000,
    "caps": " ".join(["Mr"] * 50_000) + " met " + " ".join(["Al"] * 50_000),
    "one-sentence": ("the minister met " + "x" * 100 + " ") * 20_000,
    "names-only": " ".join(f"Name{i} Surname{i}" for i in range(40_000)),
    "dates": "On March 12, 2024 " * 30_000 + "they met.",
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_documents_stay_in_time(
    name: str, hard_extractor: Extractor, en_detector: LanguageDetector, tally: Tally
) -> None:
    limit = hard_extractor.settings.doc_seconds
    started = time.monotonic()
    _, _, timeout = run(hard_extractor, en_detector, PATHOLOGICAL[name])
    spent = time.monotonic() - started
    assert spent < 4 * limit + 5, f"{name}: {spent:.1f} s against a {limit} s limit"
    if timeout is not None:
        assert timeout.code == "timeout" and timeout.stage == "extract"
        assert f"{limit:g} s" in timeout.detail and timeout.doc_id == "fz"
    tally.add(SUITE, "pathological documents (time-limited)")


def test_huge_trigger_page_is_cut_short_with_a_timeout_rejection(
    hard_extractor: Extractor, en_detector: LanguageDetector, tally: Tally
) -> None:
    # 40,000 sentences, each with a trigger and two titled people: ~40 s without a limit.
    text = "President Alpha Beta met Prime Minister Gamma Delta in Paris on Monday. " * 20_000
    limit = hard_extractor.settings.doc_seconds
    started = time.monotonic()
    _, _, timeout = run(hard_extractor, en_detector, text)
    spent = time.monotonic() - started
    assert timeout is not None and timeout.code == "timeout", "the cut must be reported"
    assert spent < 3 * limit + 5, f"{spent:.1f} s against a {limit} s limit"
    tally.add(SUITE, "huge trigger page (timeout path)")


LONG_ENGLISH = " ".join(
    f"On day {i} the President of Kenya, Alpha Beta, met the Prime Minister of Chile, "
    f"Gamma Delta, in Paris, and the two leaders discussed trade and fisheries."
    for i in range(3000)
)


def test_ingest_stores_the_timeout_rejection(tmp_path: Path, tally: Tally) -> None:
    """Through the real ingest (local engine): a cut-short document is stored with its
    events so far, and its "timeout" Rejection is stored and counted."""
    from communique.runners import run_ingest
    from communique.store import Store

    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "big.txt").write_text("Talks\n\n" + LONG_ENGLISH, encoding="utf-8")
    (corpus / "small.txt").write_text("Short note\n\nNothing happened here.\n", encoding="utf-8")
    with Store.open(tmp_path / "t.db") as store:
        summary = run_ingest([corpus], store, Settings(doc_seconds=0.2), "local")
        stored = [r for r in store.iter_rejections() if r.code == "timeout"]
        assert store.counts()["documents"] == 2
    assert summary.failed == 1
    assert [r.doc_id for r in stored] == ["big"]
    tally.add(SUITE, "ingest with a cut-short document")
