"""Fuzzing every reader: random bytes and Unicode, wrong JSON types, huge lines, deep
HTML, malformed WARC and a gzip bomb. No crash, no hang, a clear message.

Real files in a temporary folder, read through :func:`communique.ingest.iter_documents`
(the pipeline's first stage). Hypothesis runs derandomised with a bounded number of
examples (times ``COMMUNIQUE_FUZZ_SCALE``).
"""

from __future__ import annotations

import io
import json
import tempfile
import time
import tracemalloc
import zlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from communique.ingest import LanguageDetector, iter_documents
from communique.records import Document, Rejection
from communique.settings import Settings

from .conftest import Tally, fuzz

SUITE = "fuzz-readers"
EXTENSIONS = (".txt", ".html", ".jsonl", ".warc", ".warc.gz")
#: Seconds any one small fuzz input may take to read (a hang shows up as a failure).
SMALL_INPUT_SECONDS = 10.0

TEXT_LINE = (
    "Foreign Minister Ana Torres met her Kenyan counterpart in Nairobi on Monday "
    "and signed a memorandum on fisheries."
)


def read_bytes(
    data: bytes, ext: str, det: LanguageDetector, limits: Settings | None = None
) -> list[Document | Rejection]:
    """Write ``data`` to a real file with extension ``ext`` and read it back."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{ext}"
        path.write_bytes(data)
        started = time.monotonic()
        items = list(iter_documents([path], limits or Settings(), det))
        assert time.monotonic() - started < SMALL_INPUT_SECONDS, f"{ext}: reading hung"
    return items


def check_items(items: list[Document | Rejection]) -> None:
    """What every reader promises: records only, clear one-line messages, sane offsets."""
    assert items, "every input yields at least one Document or Rejection"
    for item in items:
        if isinstance(item, Rejection):
            assert item.code and item.code == item.code.strip() and " " not in item.code
            assert item.detail.strip() and "\n" not in item.detail, item
            assert len(item.detail) < 500 and item.origin
        else:
            assert isinstance(item, Document)
            assert item.clean.strip() and item.doc_id
            for story in item.stories:
                assert 0 <= story.start <= story.end <= len(item.clean)
            start, end = item.clean_span_to_original(0, len(item.clean))
            assert 0 <= start <= end <= len(item.original)


def warc_bytes(html: bytes, *, gzip: bool, ctype: str = "text/html; charset=utf-8") -> bytes:
    """One HTML response record written by warcio (the format a crawler produces)."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        "http://example.org/a",
        "response",
        payload=io.BytesIO(html),
        length=len(html),
        http_headers=headers,
    )
    writer.write_record(record)
    return buf.getvalue()


# -- random bytes and random text in every format ---------------------------------


@pytest.mark.parametrize("ext", EXTENSIONS)
def test_random_bytes_in_every_format(ext: str, detector: LanguageDetector, tally: Tally) -> None:
    @fuzz(60)
    @given(data=st.binary(max_size=4096))
    def case(data: bytes) -> None:
        check_items(read_bytes(data, ext, detector))
        tally.add(SUITE, f"random bytes as {ext}")

    case()


@pytest.mark.parametrize("ext", [".txt", ".html"])
def test_random_unicode_in_text_and_html(
    ext: str, detector: LanguageDetector, tally: Tally
) -> None:
    @fuzz(60)
    @given(
        text=st.text(max_size=2000),
        encoding=st.sampled_from(("utf-8", "utf-8-sig", "utf-16", "cp1252", "cp1251")),
    )
    def case(text: str, encoding: str) -> None:
        items = read_bytes(text.encode(encoding, errors="replace"), ext, detector)
        check_items(items)
        assert len(items) == 1
        tally.add(SUITE, f"random Unicode as {ext} (5 encodings)")

    case()


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_mutated_warc(gz: bool, detector: LanguageDetector, tally: Tally) -> None:
    """A valid archive with random bytes overwritten, inserted or deleted: headers,
    lengths, gzip framing and payload all get hit."""
    html = f"<html><body><article><p>{TEXT_LINE}</p></article></body></html>".encode()
    base = warc_bytes(html, gzip=gz) * 2
    edit = st.tuples(
        st.sampled_from(("set", "insert", "delete")),
        st.integers(0, len(base) - 1),
        st.binary(min_size=1, max_size=4),
    )

    @fuzz(60)
    @given(edits=st.lists(edit, min_size=1, max_size=8))
    def case(edits: list[tuple[str, int, bytes]]) -> None:
        data = bytearray(base)
        for op, pos, chunk in edits:
            pos = min(pos, len(data))
            if op == "set":
                data[pos : pos + len(chunk)] = chunk
            elif op == "insert":
                data[pos:pos] = chunk
            else:
                del data[pos : pos + len(chunk)]
        check_items(read_bytes(bytes(data), ".warc.gz" if gz else ".warc", detector))
        tally.add(SUITE, "mutated WARC archives (set/insert/delete bytes)")

    case()


@fuzz(40)
@given(text=st.text(min_size=1, max_size=1500), wrap=st.sampled_from(("plain", "html")))
def test_random_unicode_in_jsonl_and_warc(
    text: str, wrap: str, detector: LanguageDetector, tally: Tally
) -> None:
    body = text if wrap == "plain" else f"<html><body><p>{text}</p></body></html>"
    field = "text" if wrap == "plain" else "html"
    line = json.dumps({"id": "x", field: body}).encode()
    check_items(read_bytes(line + b"\n", ".jsonl", detector))
    raw = body.encode("utf-8", errors="replace")
    for gz in (False, True):
        check_items(read_bytes(warc_bytes(raw, gzip=gz), ".warc.gz" if gz else ".warc", detector))
    tally.add(SUITE, "random Unicode as JSONL/WARC", 3)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=200),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=12,
)
JSON_KEYS = st.sampled_from(("id", "text", "html", "published", "title", "url", "extra"))


@fuzz(80)
@given(lines=st.lists(st.dictionaries(JSON_KEYS, JSON_VALUES, max_size=6), min_size=1, max_size=8))
def test_jsonl_with_wrong_types(
    lines: list[dict[str, object]], detector: LanguageDetector, tally: Tally
) -> None:
    data = b"\n".join(json.dumps(obj).encode() for obj in lines) + b"\n"
    items = read_bytes(data, ".jsonl", detector)
    check_items(items)
    assert len(items) == len(lines), "one record per non-blank line, never more or fewer"
    for lineno, (obj, item) in enumerate(zip(lines, items, strict=True), 1):
        if isinstance(item, Rejection) and item.code != "no-text":
            assert f"line {lineno}" in item.detail, item  # JSONL details name the line
        if isinstance(item, Rejection):
            assert item.origin.endswith(f":{lineno}")
        if not isinstance(obj.get("id"), str | int) or isinstance(obj.get("id"), bool):
            assert isinstance(item, Rejection) and "'id'" in item.detail
    tally.add(SUITE, "JSONL lines with wrong types", len(lines))


# -- named pathological inputs -----------------------------------------------------

WRONG_TYPES: tuple[tuple[object, str | None], ...] = (
    ({"id": 7, "text": TEXT_LINE}, None),  # a number id is accepted as text
    ({"id": "a", "text": ["x", "y"]}, "needs a 'text' or 'html' string"),
    ({}, "missing or invalid 'id'"),
    ({"id": None, "text": TEXT_LINE}, "missing or invalid 'id'"),
    ({"id": True, "text": TEXT_LINE}, "missing or invalid 'id'"),
    ({"id": "  ", "text": TEXT_LINE}, "missing or invalid 'id'"),
    ({"id": "b", "html": {"p": 1}}, "needs a 'text' or 'html' string"),
    ({"id": "c", "text": TEXT_LINE, "published": 2024, "title": ["t"], "url": 5}, None),
    ([1, 2, 3], "not a JSON object"),
    ("just a string", "not a JSON object"),
    ({"id": 0, "html": ""}, "empty 'html'"),  # found by the fuzzer: had no line number
    ({"id": "t", "text": " \n\t"}, "empty 'text'"),
)


@pytest.mark.parametrize(("obj", "message"), WRONG_TYPES)
def test_jsonl_wrong_types_named(
    obj: object, message: str | None, detector: LanguageDetector, tally: Tally
) -> None:
    (item,) = read_bytes(json.dumps(obj).encode() + b"\n", ".jsonl", detector)
    if message is None:
        assert isinstance(item, Document), item
    else:
        assert isinstance(item, Rejection)
        assert item.code == ("empty" if message.startswith("empty") else "bad-json")
        assert message in item.detail and "line 1" in item.detail
    tally.add(SUITE, "JSONL named wrong-type lines")


def test_jsonl_broken_lines(detector: LanguageDetector, tally: Tally) -> None:
    data = b'{"id": "ok", "text": "%s"}\n\xff\xfe\x00bad\n{"id": "x", "text": \n\n[]\n' % (
        TEXT_LINE.encode()
    )
    items = read_bytes(data, ".jsonl", detector)
    check_items(items)
    assert isinstance(items[0], Document)
    assert [i.code for i in items[1:] if isinstance(i, Rejection)] == ["bad-json"] * 3
    tally.add(SUITE, "JSONL broken lines", 4)


def test_jsonl_of_blank_lines_is_rejected(detector: LanguageDetector, tally: Tally) -> None:
    (item,) = read_bytes(b"\t\n\n  \r\n", ".jsonl", detector)
    assert isinstance(item, Rejection) and item.code == "empty" and "blank" in item.detail
    tally.add(SUITE, "JSONL broken lines")


def test_jsonl_huge_line_is_not_held_in_memory(
    tmp_path: Path, detector: LanguageDetector, tally: Tally
) -> None:
    limit = 1 << 20
    huge = b'{"id": "big", "text": "' + b"word " * (16 * limit // 5) + b'"}\n'
    path = tmp_path / "big.jsonl"
    path.write_bytes(huge + json.dumps({"id": "after", "text": TEXT_LINE}).encode() + b"\n")
    tracemalloc.start()
    try:
        items = list(iter_documents([path], Settings(max_bytes=limit), detector))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    first, second = items
    assert isinstance(first, Rejection) and first.code == "too-large"
    assert f"{len(huge)} bytes" in first.detail and "line 1" in first.detail
    assert isinstance(second, Document) and second.doc_id == "after"
    assert peak < 4 * limit, f"reading held {peak} bytes for a {len(huge)}-byte line"
    tally.add(SUITE, "JSONL line over the size limit (16 MB)")


@pytest.mark.parametrize(
    "data",
    [
        (TEXT_LINE + " ") * 40_000,  # 4.4 MB on one line, real words
        "a" * 3_000_000,  # one 3 MB word
        "\u200b\u00a0" * 500_000 + TEXT_LINE,  # invisible spaces
        ". " * 1_000_000,
    ],
    ids=["sentences", "one-word", "invisible", "dots"],
)
def test_megabyte_lines(
    data: str, tmp_path: Path, detector: LanguageDetector, tally: Tally
) -> None:
    path = tmp_path / "long.txt"
    path.write_text(data, encoding="utf-8")
    started = time.monotonic()
    items = list(iter_documents([path], Settings(), detector))
    assert time.monotonic() - started < 60
    check_items(items)
    tally.add(SUITE, "megabyte single-line text")


@pytest.mark.parametrize(
    "html",
    [
        "<html><body>" + "<div>" * 10_000 + f"<p>{TEXT_LINE}</p>" + "</div>" * 10_000,
        "<div>" * 10_000 + TEXT_LINE,  # never closed
        "<table><tr><td>" * 3_000 + TEXT_LINE,
        "<b><i>" * 5_000 + TEXT_LINE + "</b>" * 3,
        "<!--" + "x" * 100_000,
        "<script>" + "a<" * 50_000,
    ],
    ids=["div-10k", "div-10k-unclosed", "table-3k", "inline-10k", "open-comment", "script"],
)
def test_deeply_nested_html(html: str, detector: LanguageDetector, tally: Tally) -> None:
    items = read_bytes(html.encode(), ".html", detector)
    check_items(items)
    (item,) = items
    if isinstance(item, Rejection):
        assert item.code in ("no-text", "empty")
    tally.add(SUITE, "deeply nested / unterminated HTML")


def _gzip_bomb(body_bytes: int) -> bytes:
    """One gzip member holding a WARC response of ``body_bytes`` spaces (about 1000:1)."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>"
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/bomb\r\n"
        "WARC-Date: 2024-01-01T00:00:00Z\r\n"
        "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http) + body_bytes}\r\n\r\n"
    ).encode()
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [comp.compress(head + http)]
    chunk = b" " * (1 << 22)
    for _ in range(body_bytes // len(chunk)):
        parts.append(comp.compress(chunk))
    parts.append(comp.flush())
    return b"".join(parts)


def test_gzip_bomb_warc_is_rejected_before_inflating(
    tmp_path: Path, detector: LanguageDetector, tally: Tally
) -> None:
    inflated = 256 << 20
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(_gzip_bomb(inflated))
    assert path.stat().st_size < inflated // 500
    # Baseline: what merely walking the archive (inflating it) costs.
    started = time.monotonic()
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle):
            record.content_stream().read(1)
    walk = time.monotonic() - started
    started = time.monotonic()
    items = list(iter_documents([path], Settings(max_bytes=1 << 20), detector))
    ours = time.monotonic() - started
    (item,) = items
    assert isinstance(item, Rejection) and item.code == "too-large", item
    assert "not read" in item.detail
    assert ours < walk / 4, f"rejection took {ours:.2f} s, inflating takes {walk:.2f} s"
    tally.add(SUITE, "gzip-bomb WARC (256 MB from ~250 KB)")


def test_warc_within_the_limit_still_reads(detector: LanguageDetector, tally: Tally) -> None:
    html = f"<html><body><article><p>{TEXT_LINE}</p><p>{TEXT_LINE}</p></article></body></html>"
    for gz, ext in ((True, ".warc.gz"), (False, ".warc")):
        (item,) = read_bytes(warc_bytes(html.encode(), gzip=gz), ext, detector)
        assert isinstance(item, Document) and "Nairobi" in item.clean
    tally.add(SUITE, "well-formed WARC controls", 2)


MALFORMED_WARC = {
    "short-content": b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort",
    "no-length": b"WARC/1.0\r\nWARC-Type: response\r\n\r\n<html>x</html>",
    "bad-length": b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: -5\r\n\r\nabc",
    "huge-length": b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999999999\r\n\r\nx",
    "not-warc": b"GIF89a\x00\x00\x01\x02" * 10,
    "header-only": b"WARC/1.0\r\n",
    "binary-header": b"WARC/1.0\r\n\xff\xfe\x00\x00: \x80\r\n\r\n",
}


@pytest.mark.parametrize("name", sorted(MALFORMED_WARC))
@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
def test_malformed_warc(name: str, gz: bool, detector: LanguageDetector, tally: Tally) -> None:
    data = MALFORMED_WARC[name]
    if gz:
        data = zlib.compress(data, 6, wbits=31)
    items = read_bytes(data, ".warc.gz" if gz else ".warc", detector)
    check_items(items)
    assert all(isinstance(i, Rejection) for i in items)
    tally.add(SUITE, "malformed WARC")


def test_truncated_gzip_warc(detector: LanguageDetector, tally: Tally) -> None:
    html = f"<html><body><p>{TEXT_LINE}</p></body></html>".encode()
    whole = warc_bytes(html, gzip=True)
    for cut in (10, len(whole) // 2, len(whole) - 9):
        check_items(read_bytes(whole[:cut], ".warc.gz", detector))
    tally.add(SUITE, "truncated gzip WARC", 3)
