"""Fixtures of the runner tests: a small composed corpus beside the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

#: Short reports written for these tests (invented people, real countries), so the
#: corpus has several JSONL lines to cut into partitions and several kinds of input.
COMPOSED: tuple[tuple[str, str], ...] = (
    (
        "Chile and Kenya sign a memorandum on water management",
        (
            "NAIROBI, March 4 - Kenyan Minister of Water Amina Wekesa and Chilean Minister of"
            " Public Works Tomas Aravena signed a memorandum of understanding on cooperation in"
            " water management in Nairobi on Tuesday.\n\nThe two ministers also discussed drought"
            " forecasting and irrigation."
        ),
    ),
    (
        "Norway's foreign minister visits Ghana",
        (
            "ACCRA, May 12 - Norwegian Foreign Minister Ingrid Solberg-Haug arrived in Accra on"
            " Monday for a two-day official visit to Ghana.\n\nDuring the visit she held talks"
            " with Ghanaian Foreign Minister Kwame Asante-Boateng on trade and fisheries."
        ),
    ),
    (
        "Peru and Laos agree to expand rice research",
        (
            "LIMA, April 3 - Peru's Minister of Agriculture Rosa Quispe Huaman received the Lao"
            " Minister of Agriculture Khamla Vongsa in Lima on Wednesday.\n\nThe two ministers"
            " discussed seed exchanges and irrigation."
        ),
    ),
    (
        "Weather",
        "Rain is expected across the north of the country on Thursday, with snow on high ground.",
    ),
    (
        "Mongolia and Portugal to hold talks",
        (
            "Mongolian Prime Minister Batbold Erdene will visit Lisbon next month, where he is"
            " expected to meet Portuguese Prime Minister Joao Ferreira Lima."
        ),
    ),
)


def write_corpus(folder: Path) -> Path:
    """A JSONL file of the composed reports (plus a bad line and an empty text) and an
    HTML page; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        json.dumps(
            {"id": f"composed-{i}", "title": title, "text": text, "published": f"2024-06-1{i}"}
        )
        for i, (title, text) in enumerate(COMPOSED)
    ]
    lines.insert(2, "{not json")
    lines.insert(4, json.dumps({"id": "composed-empty", "text": "   "}))
    (folder / "reports.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    title, text = COMPOSED[0]
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    (folder / "page.html").write_text(
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    return folder


@pytest.fixture(scope="session")
def composed_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("composed"))
