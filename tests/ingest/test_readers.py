"""Readers on real files written to tmp_path: txt, HTML, JSONL, WARC, folders, bad input."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from communique.ingest import LanguageDetector, document_from_text, iter_documents
from communique.records import Document, Rejection
from communique.settings import Settings

LEAD = (
    "The foreign ministers of Peru and Laos held talks in Lima on Monday and agreed "
    "to expand cooperation in rice research and irrigation."
)
BODY = (
    "Both ministers welcomed the growth of trade between the two countries and "
    "agreed to meet again in Vientiane next year to review progress."
)
NAV = "".join(f'<li><a href="/s/{i}">Section {i}</a></li>' for i in range(12))
PAGE = f"""<!DOCTYPE html><html><head>
<title>Peru and Laos expand rice research | Daily Example</title>
<meta property="og:title" content="Peru and Laos expand rice research">
<meta property="article:published_time" content="2024-03-12T08:00:00+00:00">
<meta name="author" content="Ana Torres">
</head><body>
<nav><ul>{NAV}</ul></nav>
<article><h1>Peru and Laos expand rice research</h1>
<p>{LEAD}</p><p>{BODY}</p>
<p>Officials said a memorandum on seed exchanges would be prepared for signature by both agriculture ministries.</p>
</article>
<footer><p>Copyright 2024 Daily Example. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


def _read(paths: list[Path], settings: Settings | None = None) -> list[Document | Rejection]:
    return list(iter_documents(paths, settings or Settings(), LanguageDetector.build(("en", "ru"))))


def _one(items: list[Document | Rejection]) -> Document:
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


def test_txt_file(tmp_path: Path) -> None:
    path = tmp_path / "peru_laos.txt"
    path.write_text(f"Peru and Laos expand rice research\n\n{LEAD}\n\n{BODY}\n", encoding="utf-8")
    doc = _one(_read([path]))
    assert doc.doc_id == "peru_laos" and doc.fmt == "txt" and doc.origin == str(path)
    assert doc.title == "Peru and Laos expand rice research"
    assert doc.original == path.read_text(encoding="utf-8")
    assert doc.language == "en" and len(doc.stories) == 1


def test_html_page_gives_article_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = _one(_read([path]))
    assert doc.fmt == "html" and doc.doc_id == "page"
    assert LEAD in doc.original and BODY in doc.clean
    assert "Section 3" not in doc.original and "Copyright" not in doc.original
    assert doc.title == "Peru and Laos expand rice research"
    assert doc.published == "2024-03-12"
    prov = doc.provenance_of("published")
    assert prov is not None and prov.method == "html-meta"
    assert doc.byline == "Ana Torres"


def test_truncated_html_without_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "broken.htm"
    path.write_text("<html><head><title>x</title></head><body><div><a href='/", encoding="utf-8")
    (item,) = _read([path])
    assert isinstance(item, Rejection) and item.code == "no-text" and item.doc_id == "broken"


def test_jsonl_with_a_bad_line_keeps_the_others(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps(
            {"id": "a1", "text": f"Peru and Laos talk rice\n\n{LEAD}", "published": "2024-03-11"}
        ),
        '{"id": "a2", "text": ',
        json.dumps({"id": "a3", "html": PAGE, "url": "https://example.org/a3"}),
        json.dumps({"text": "no id here"}),
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = _read([path])
    docs = [i for i in items if isinstance(i, Document)]
    bad = [i for i in items if isinstance(i, Rejection)]
    assert [d.doc_id for d in docs] == ["a1", "a3"]
    assert docs[0].published == "2024-03-11" and docs[0].fmt == "jsonl"
    assert docs[0].provenance_of("published") is not None
    assert docs[1].url == "https://example.org/a3" and LEAD in docs[1].original
    assert [(r.code, r.origin.rsplit(":", 1)[1]) for r in bad] == [
        ("bad-json", "2"),
        ("bad-json", "4"),
    ]
    assert "line 2" in bad[0].detail and "line 4" in bad[1].detail


def _warc(path: Path) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        http = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            "https://example.org/news/peru-laos", "response",
            payload=io.BytesIO(PAGE.encode("utf-8")), http_headers=http,
        )  # fmt: skip
        writer.write_record(record)
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://example.org/logo.png",
                "response",
                payload=io.BytesIO(b"\x89PNG\r\n\x1a\n"),
                http_headers=image,
            )
        )
        meta = writer.create_warc_record(
            "https://example.org/", "metadata", payload=io.BytesIO(b"x: y")
        )
        writer.write_record(meta)


def test_warc_html_responses_only(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path)
    doc = _one(_read([path]))
    assert doc.fmt == "warc" and doc.url == "https://example.org/news/peru-laos"
    assert doc.doc_id.startswith("warc_") and LEAD in doc.original
    again = _one(_read([path]))
    assert again.doc_id == doc.doc_id  # stable across runs


def test_folder_is_read_recursively_sorted_unknown_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "002_second.txt").write_text(f"Second report\n\n{LEAD}", encoding="utf-8")
    (tmp_path / "001_first.txt").write_text(f"First report\n\n{BODY}", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# not an input", encoding="utf-8")
    (tmp_path / "archive.warc.gz").write_bytes(b"")
    items = _read([tmp_path])
    assert [i.doc_id for i in items] == ["001_first", "archive", "002_second"]
    assert isinstance(items[1], Rejection) and items[1].code == "empty"
    named = _read([tmp_path / "notes.md"])
    assert isinstance(named[0], Rejection) and named[0].code == "unknown-format"


def test_bad_inputs_are_rejections_not_exceptions(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\n\t\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (tmp_path / "big.txt").write_text(LEAD * 20, encoding="utf-8")
    (tmp_path / "bad.warc").write_bytes(b"<html>not an archive</html>\n")
    (tmp_path / "broken.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\n\r\nabc")
    (tmp_path / "text.warc").write_bytes(b"this is not a warc file at all\r\n\r\n")
    names = (
        "empty.txt",
        "blank.txt",
        "binary.txt",
        "big.txt",
        "bad.warc",
        "broken.warc",
        "text.warc",
    )
    items = _read([tmp_path / n for n in (*names, "gone.txt")], Settings(max_bytes=len(LEAD) * 10))
    assert all(isinstance(i, Rejection) and i.stage in ("read", "clean") for i in items), items
    codes = [i.code for i in items if isinstance(i, Rejection)]
    assert codes == [
        "empty", "empty", "binary", "too-large", "unreadable", "unreadable", "no-text", "not-found"
    ]  # fmt: skip
    assert all(i.detail and "\n" not in i.detail for i in items if isinstance(i, Rejection))


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(LEAD, encoding="utf-8")
    path.chmod(0)
    (item,) = _read([path])
    assert isinstance(item, Rejection) and item.code == "unreadable"


def test_encodings_through_the_reader(tmp_path: Path) -> None:
    russian = "Министр иностранных дел России провёл переговоры с коллегой из Лаоса в Москве.\n"
    (tmp_path / "ru.txt").write_bytes(russian.encode("cp1251"))
    (tmp_path / "u16.txt").write_bytes(russian.encode("utf-16"))
    docs = [_one(_read([tmp_path / n])) for n in ("ru.txt", "u16.txt")]
    assert [d.original for d in docs] == [russian, russian]
    assert [d.language for d in docs] == ["ru", "ru"]


def test_nbsp_normalised_in_clean_but_kept_in_original() -> None:
    text = f"Peru\u00a0and Laos expand rice research\n\n{LEAD.replace(' ', chr(0xA0), 3)}"
    doc = document_from_text(text, "nbsp", "test")
    assert isinstance(doc, Document)
    assert "\u00a0" in doc.original and "\u00a0" not in doc.clean
    assert doc.title == "Peru and Laos expand rice research"


def test_five_megabyte_single_line_does_not_hang(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("The ministers met again. " * 210_000, encoding="utf-8")
    doc = _one(_read([path]))
    assert len(doc.clean) > 5_000_000 and len(doc.stories) == 1


def test_gzip_compressed_inputs(tmp_path: Path) -> None:
    import gzip

    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    (tmp_path / "note.txt.gz").write_bytes(gzip.compress(f"Title\n\n{LEAD}\n".encode()))
    line = json.dumps({"id": "j1", "text": f"{LEAD}\n\n{BODY}"})
    (tmp_path / "batch.jsonl.gz").write_bytes(gzip.compress(f"{line}\n".encode()))
    docs = _read([tmp_path])
    assert sorted(d.doc_id for d in docs if isinstance(d, Document)) == ["j1", "note", "page"]
    page = next(d for d in docs if isinstance(d, Document) and d.doc_id == "page")
    assert page.fmt == "html" and LEAD in page.clean and "Section 3" not in page.clean


def test_broken_or_bomb_gzip_is_a_rejection(tmp_path: Path) -> None:
    import gzip

    (tmp_path / "cut.html.gz").write_bytes(gzip.compress(PAGE.encode())[:60])
    (tmp_path / "fake.txt.gz").write_bytes(b"not gzip at all")
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 5_000_000))
    good = json.dumps({"id": "j1", "text": LEAD}) + "\n"
    (tmp_path / "cut.jsonl.gz").write_bytes(gzip.compress((good * 400).encode())[:-30])
    items = _read(sorted(tmp_path.iterdir()), Settings(max_bytes=100_000))
    rejected = {(i.doc_id, i.code) for i in items if isinstance(i, Rejection)}
    assert ("bomb", "too-large") in rejected
    assert ("cut", "unreadable") in rejected and ("fake", "unreadable") in rejected
    kept = [i for i in items if isinstance(i, Document)]
    assert kept and all(d.doc_id == "j1" for d in kept)  # lines before the cut survive
