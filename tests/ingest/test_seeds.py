"""Acceptance points of the ingest stage on the five real seed articles."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

from communique.records import Document


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def test_seed_ids_are_file_names(
    seed_docs: dict[str, Document], seed_paths: dict[str, Path]
) -> None:
    assert {d.doc_id for d in seed_docs.values()} == {p.name[:-4] for p in seed_paths.values()}
    assert all(d.fmt == "txt" for d in seed_docs.values())


@pytest.mark.parametrize(
    ("seed", "published"),
    [
        ("000", None),
        ("001", "2017-07-25"),
        ("002", "2017-07-27"),
        ("003", None),
        ("004", "2021-03-17"),
    ],
)
def test_published_dates(seed_docs: dict[str, Document], seed: str, published: str | None) -> None:
    doc = seed_docs[seed]
    assert doc.published == published
    prov = doc.provenance_of("published")
    if published is None:
        assert prov is None and doc.published_precision is None
    else:
        assert prov is not None and prov.start is not None and prov.end is not None
        assert doc.published_precision == "day"
        # the provenance span is the date as the text states it
        assert any(ch.isdigit() for ch in doc.original[prov.start : prov.end])


def test_published_provenance_methods(seed_docs: dict[str, Document]) -> None:
    methods = {k: d.provenance_of("published") for k, d in seed_docs.items()}
    assert methods["001"] is not None and methods["001"].method == "metadata-line"
    assert methods["002"] is not None and methods["002"].method == "timestamp-line"
    assert methods["004"] is not None and methods["004"].method == "timestamp-line"
    one = seed_docs["001"]
    assert methods["001"].start is not None
    assert one.original[methods["001"].start : methods["001"].end] == "2017-07-25"


def test_bylines(seed_docs: dict[str, Document]) -> None:
    assert seed_docs["002"].byline == "Linh Bui"
    assert seed_docs["004"].byline == "Thuy Dung"
    assert seed_docs["000"].byline is None
    assert "By Linh Bui" not in seed_docs["002"].clean


def test_outlets_named_by_the_text(seed_docs: dict[str, Document]) -> None:
    assert seed_docs["001"].outlet == "VNA"  # trailing "-VNA"
    assert seed_docs["002"].outlet == "PSNews"  # lead "PSNews -"
    assert seed_docs["003"].outlet == "VNA"  # last line is the acronym
    assert seed_docs["004"].outlet == "VGP"  # lead "VGP –"
    assert seed_docs["000"].outlet is None
    assert not seed_docs["001"].clean.rstrip().endswith("VNA")


def test_menu_removed_and_headline_first(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["004"]
    assert doc.clean.startswith("Public Security Minister Holds Talks")
    assert (
        doc.title
        == "Public Security Minister Holds Talks With Russian Secretary Of Security Council"
    )
    assert doc.chars_removed > 500


def test_boilerplate_lines_removed(seed_docs: dict[str, Document]) -> None:
    assert "Back to top" not in seed_docs["003"].clean
    assert "Photos of the meeting." not in seed_docs["002"].clean
    assert "27/07/2017" not in seed_docs["002"].clean
    assert "8:25 AM" not in seed_docs["004"].clean
    assert not seed_docs["001"].clean.lstrip().startswith("date")
    assert "2017-07-25" not in seed_docs["001"].clean
    caption = "at their meeting in Ha Noi on December 9. (Photo: Dang Khoa)"
    assert caption in seed_docs["003"].original and caption not in seed_docs["003"].clean


def test_event_evidence_survives_cleaning(shared: Path, seed_docs: dict[str, Document]) -> None:
    by_id = {d.doc_id: d for d in seed_docs.values()}
    checked = 0
    for line in (shared / "gold" / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        clean = _norm(by_id[gold["doc_id"]].clean)
        for event in gold["events"] + gold.get("planned", []):
            assert _norm(event["evidence"]) in clean, (gold["doc_id"], event["evidence"])
            checked += 1
    assert checked >= 20


def test_story_counts_and_headlines(seed_docs: dict[str, Document]) -> None:
    bundle = seed_docs["000"].stories
    assert len(bundle) == 3
    assert (
        bundle[1].headline == "Security minister stresses need to beef up partnership with Russia"
    )
    assert bundle[2].headline == "Vietnam, Russia intensify defence ties"
    assert bundle[0].headline and bundle[0].headline.startswith("Vietnam wishes to strengthen")
    assert bundle[0].headline_start is None  # no headline line: derived from the lead
    for key in ("001", "002", "003", "004"):
        assert len(seed_docs[key].stories) == 1, key
    assert seed_docs["003"].stories[0].headline == seed_docs["003"].title


def test_stories_tile_the_clean_text(seed_docs: dict[str, Document]) -> None:
    for doc in seed_docs.values():
        stories = doc.stories
        assert stories[0].start == 0 and stories[-1].end == len(doc.clean.rstrip())
        for a, b in itertools.pairwise(stories):
            assert a.end <= b.start and doc.clean[a.end : b.start].strip() == ""
        for story in stories:
            if story.headline_start is not None:
                assert doc.clean[story.headline_start : story.headline_end] == story.headline


def test_language_is_english(seed_docs: dict[str, Document]) -> None:
    assert {d.language for d in seed_docs.values()} == {"en"}


def test_clean_maps_back_to_original(seed_docs: dict[str, Document]) -> None:
    for doc in seed_docs.values():
        for story in doc.stories:
            s, e = doc.clean_span_to_original(story.start, story.end)
            assert _norm(doc.original[s:e]).startswith(
                _norm(doc.clean[story.start : story.start + 40])
            )
        sentence = "Lam and Platonovich witnessed the signing ceremony"
        if sentence in doc.clean:
            at = doc.clean.index(sentence)
            s, e = doc.clean_span_to_original(at, at + len(sentence))
            assert doc.original[s:e] == sentence
