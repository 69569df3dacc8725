"""Read paths into raw inputs: files and folders, in every supported format.

Formats by extension: ``.txt``; ``.html``/``.htm``; ``.jsonl`` (one article a line:
``id``, ``text`` or ``html``, optional ``url``, ``published``, ``title``);
``.warc``/``.warc.gz`` (HTML responses only); ``.txt``, ``.html``, ``.htm`` and
``.jsonl`` may also be gzip-compressed (``.html.gz`` ...). Folders are read recursively in
sorted order; unknown extensions inside a folder are skipped, an explicitly named
unknown file is a Rejection. Every failure an input can have is a
:class:`Rejection` value; nothing here raises on bad input.

Size limit: ``settings.max_bytes`` applies to a ``.txt``/``.html`` file as a whole,
to a compressed one once inflated, and to each line of a JSONL file and each
record of a WARC file (containers may be large; one article in them may not).
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from communique.ingest.decode import decode_bytes
from communique.records import Rejection, stable_id
from communique.settings import Settings

#: Extensions we read, longest first so ".warc.gz" wins over ".gz".
FORMATS: tuple[tuple[str, str], ...] = (
    (".warc.gz", "warc"),
    (".warc", "warc"),
    (".jsonl.gz", "jsonl"),
    (".html.gz", "html"),
    (".htm.gz", "html"),
    (".txt.gz", "txt"),
    (".jsonl", "jsonl"),
    (".html", "html"),
    (".htm", "html"),
    (".txt", "txt"),
)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
#: Longest quoted parser message in a Rejection's detail (details stay one short line).
MAX_DETAIL = 160
#: A WARC file may declare at most this many times its size on disk in records (and
#: at least ``settings.max_bytes``): gzip reaches ~10x on HTML, a compression bomb
#: ~1000x. Checked before each record is inflated, so a bomb is never expanded.
MAX_INFLATION = 100
#: What warcio raises on malformed archives: its own ArchiveLoadFailed, and on broken
#: headers or truncated gzip members plain AttributeError / ValueError / EOFError /
#: zlib.error from inside its parser.
GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)
WARC_ERRORS = (ArchiveLoadFailed, AttributeError, ValueError, EOFError, zlib.error)


@dataclass(frozen=True, slots=True)
class RawInput:
    """One article before cleaning: decoded text or HTML, and what came with it."""

    doc_id: str
    origin: str
    fmt: str  # txt | html | jsonl | warc
    text: str | None = None
    html: str | None = None
    published: str | None = None
    title: str | None = None
    url: str | None = None


def file_format(path: Path) -> tuple[str, str] | None:
    """(format, doc_id) of a file by its extension, or ``None`` if we do not read it."""
    name = path.name
    lower = name.lower()
    for ext, fmt in FORMATS:
        if lower.endswith(ext) and len(name) > len(ext):
            return fmt, name[: -len(ext)]
    return None


def iter_raw(paths: list[Path], settings: Settings) -> Iterator[RawInput | Rejection]:
    """Every article in ``paths`` (files or folders) as a RawInput, or a Rejection.

    Why: one entry point for all formats keeps the order deterministic (sorted
    folders) and turns every bad input into a value the caller can count and show.
    """
    for path in paths:
        known = file_format(path)
        doc_id = known[1] if known else path.name
        if not path.exists():
            yield Rejection(
                "read", "not-found", doc_id, str(path), f"no such file or folder: {path}"
            )
        elif path.is_dir():
            try:
                children = sorted(p for p in path.rglob("*") if p.is_file() and file_format(p))
            except OSError as exc:
                yield Rejection(
                    "read", "unreadable", doc_id, str(path), f"cannot list folder: {exc}"
                )
                continue
            for child in children:
                yield from read_file(child, settings)
        else:
            yield from read_file(path, settings)


def read_file(path: Path, settings: Settings) -> Iterator[RawInput | Rejection]:
    """The articles of one file (one, or several for JSONL and WARC)."""
    known = file_format(path)
    if known is None:
        yield Rejection(
            "read", "unknown-format", path.stem, str(path), f"unsupported file type: {path.name}"
        )
        return
    fmt, doc_id = known
    origin = str(path)
    try:
        size = path.stat().st_size
        if fmt in ("txt", "html") and size > settings.max_bytes and not _gzipped(path):
            yield Rejection(
                "read", "too-large", doc_id, origin, f"{size} bytes > limit {settings.max_bytes}"
            )
            return
        if size == 0:
            yield Rejection("read", "empty", doc_id, origin, "the file is empty")
            return
        if fmt == "jsonl":
            try:
                yield from _read_jsonl(path, doc_id, settings)
            except GZIP_ERRORS as exc:  # a truncated or corrupt .jsonl.gz, mid-stream
                yield _broken_gzip(path, doc_id, exc)
        elif fmt == "warc":
            yield from _read_warc(path, doc_id, settings)
        elif _gzipped(path):
            yield _read_gzipped(path, doc_id, settings, fmt)
        else:
            yield _read_single(path.read_bytes(), doc_id, origin, fmt)
    except OSError as exc:
        yield Rejection("read", "unreadable", doc_id, origin, f"cannot read: {exc.strerror or exc}")


def _gzipped(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def _read_gzipped(path: Path, doc_id: str, settings: Settings, fmt: str) -> RawInput | Rejection:
    """A gzip-compressed page or text, inflated at most to ``settings.max_bytes``
    (so a compression bomb is refused, never expanded)."""
    origin = str(path)
    try:
        with gzip.open(path, "rb") as handle:
            data = handle.read(settings.max_bytes + 1)
    except GZIP_ERRORS as exc:
        return _broken_gzip(path, doc_id, exc)
    if len(data) > settings.max_bytes:
        return Rejection(
            "read", "too-large", doc_id, origin, f"inflates past the limit {settings.max_bytes}"
        )
    return _read_single(data, doc_id, origin, fmt)


def _open_binary(path: Path) -> IO[bytes]:
    """The file's bytes, inflated on the fly when it is gzip-compressed."""
    return cast(IO[bytes], gzip.open(path, "rb")) if _gzipped(path) else path.open("rb")


def _broken_gzip(path: Path, doc_id: str, exc: Exception) -> Rejection:
    why = repr(exc)[:MAX_DETAIL]
    return Rejection("read", "unreadable", doc_id, str(path), f"broken gzip data: {why}")


def _read_single(data: bytes, doc_id: str, origin: str, fmt: str) -> RawInput | Rejection:
    decoded = decode_bytes(data)
    if decoded is None:
        return Rejection(
            "read", "binary", doc_id, origin, "binary content (NUL bytes or undecodable)"
        )
    if not decoded.text.strip():
        return Rejection("read", "empty", doc_id, origin, "the file holds only whitespace")
    if fmt == "html":
        return RawInput(doc_id, origin, fmt, html=decoded.text)
    return RawInput(doc_id, origin, fmt, text=decoded.text)


def _read_jsonl(path: Path, stem: str, settings: Settings) -> Iterator[RawInput | Rejection]:
    found = 0
    with _open_binary(path) as handle:
        for lineno, (raw, size) in enumerate(_bounded_lines(handle, settings.max_bytes), 1):
            origin = f"{path}:{lineno}"
            if size <= settings.max_bytes and not raw.strip():
                continue
            found += 1
            if size > settings.max_bytes:
                yield Rejection(
                    "read", "too-large", None, origin, f"line {lineno}: {size} bytes > limit"
                )
                continue
            yield _jsonl_line(
                raw.removeprefix(b"\xef\xbb\xbf") if lineno == 1 else raw, lineno, origin
            )
    if not found:  # only blank lines: say so rather than yield nothing
        yield Rejection("read", "empty", stem, str(path), "the JSONL file holds only blank lines")


#: Bytes read at a time while skipping the rest of an over-long JSONL line.
SKIP_CHUNK = 1 << 20


def _bounded_lines(handle: IO[bytes], limit: int) -> Iterator[tuple[bytes, int]]:
    """``(line, size)`` for each line; a line over ``limit`` bytes is cut (its rest is
    skipped in chunks and only counted), so one huge line never sits in memory."""
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        size = len(raw)
        while size > limit and not raw.endswith(b"\n"):
            raw = handle.readline(SKIP_CHUNK)
            if not raw:
                break
            size += len(raw)
        yield raw, size


def _jsonl_line(raw: bytes, lineno: int, origin: str) -> RawInput | Rejection:
    try:
        obj = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return Rejection("read", "bad-json", None, origin, f"line {lineno}: not UTF-8")
    except json.JSONDecodeError as exc:
        return Rejection(
            "read", "bad-json", None, origin, f"line {lineno}: invalid JSON ({exc.msg})"
        )
    if not isinstance(obj, dict):
        return Rejection("read", "bad-json", None, origin, f"line {lineno}: not a JSON object")
    doc_id = obj.get("id")
    if not isinstance(doc_id, str | int) or isinstance(doc_id, bool) or not str(doc_id).strip():
        return Rejection(
            "read", "bad-json", None, origin, f"line {lineno}: missing or invalid 'id'"
        )
    doc_id = str(doc_id)
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return Rejection(
            "read", "bad-json", doc_id, origin, f"line {lineno}: needs a 'text' or 'html' string"
        )
    extras = {
        k: obj.get(k) if isinstance(obj.get(k), str) else None
        for k in ("published", "title", "url")
    }
    if isinstance(text, str):
        if not text.strip():
            return Rejection("read", "empty", doc_id, origin, f"line {lineno}: empty 'text'")
        return RawInput(doc_id, origin, "jsonl", text=text, **extras)
    assert isinstance(html, str)
    if not html.strip():
        return Rejection("read", "empty", doc_id, origin, f"line {lineno}: empty 'html'")
    return RawInput(doc_id, origin, "jsonl", html=html, **extras)


def _read_warc(path: Path, stem: str, settings: Settings) -> Iterator[RawInput | Rejection]:
    """HTML responses of a WARC file; a malformed archive ends in one Rejection."""
    found = declared = 0
    on_disk = path.stat().st_size
    with path.open("rb") as handle:
        records = iter(ArchiveIterator(handle))
        while True:
            try:
                record = next(records, None)
                if record is None:
                    break
                declared += record.length or 0
                if declared > max(settings.max_bytes, MAX_INFLATION * on_disk):
                    # Reading or skipping a record inflates it: stop before a bomb does.
                    yield Rejection(
                        "read",
                        "too-large",
                        stem,
                        str(path),
                        f"WARC records declare {declared} bytes, over {MAX_INFLATION}x the "
                        f"{on_disk} bytes on disk; the rest of the archive was not read",
                    )
                    return
                item = _warc_record(record, path, settings)
            except WARC_ERRORS as exc:
                # One short line: warcio quotes the offending bytes, which may be binary.
                why = repr(exc)[:MAX_DETAIL] + ("..." if len(repr(exc)) > MAX_DETAIL else "")
                yield Rejection("read", "unreadable", stem, str(path), f"malformed WARC: {why}")
                return
            if item is not None:
                found += 1
                yield item
    if not found:
        yield Rejection(
            "read", "no-text", stem, str(path), "no HTML response records in the WARC file"
        )


def _warc_record(record: object, path: Path, settings: Settings) -> RawInput | Rejection | None:
    """An HTML response record as a RawInput; other records are skipped (None)."""
    if getattr(record, "rec_type", None) != "response":
        return None
    http = getattr(record, "http_headers", None)
    ctype = (http.get_header("Content-Type") or "") if http is not None else ""
    if not ctype.lower().startswith(_HTML_TYPES):
        return None
    headers = record.rec_headers  # type: ignore[attr-defined]
    uri = headers.get_header("WARC-Target-URI") or ""
    doc_id = stable_id("warc", {"uri": uri, "date": headers.get_header("WARC-Date") or ""})
    origin = f"{path}#{uri}"
    data = record.content_stream().read(settings.max_bytes + 1)  # type: ignore[attr-defined]
    if len(data) > settings.max_bytes:
        return Rejection(
            "read", "too-large", doc_id, origin, f"record over {settings.max_bytes} bytes"
        )
    if not data.strip():
        return Rejection("read", "empty", doc_id, origin, "empty HTML response")
    text = _decode_declared(data, ctype)
    if text is None:
        return Rejection("read", "binary", doc_id, origin, "binary content in an HTML response")
    return RawInput(doc_id, origin, "warc", html=text, url=uri or None)


def _decode_declared(data: bytes, ctype: str) -> str | None:
    """Decode with the charset the HTTP header declares, else detect."""
    for part in ctype.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            try:
                return data.decode(value.strip().strip('"'))
            except (LookupError, UnicodeDecodeError):
                break
    decoded = decode_bytes(data)
    return decoded.text if decoded else None


def read_jsonl_range(
    path: Path, start: int, end: int, first_lineno: int, settings: Settings
) -> Iterator[RawInput | Rejection]:
    """The articles on the lines in bytes ``[start, end)`` of a JSONL file.

    Why: a runner (:mod:`communique.runners`) splits one large JSONL file into
    partitions read in parallel; this gives each partition exactly what reading the
    whole file gives for those lines (same line numbers, origins and rejections).
    ``start`` must be a line start and ``first_lineno`` its 1-based line number.
    """
    with path.open("rb") as handle:
        handle.seek(start)
        lineno, pos = first_lineno, start
        lines = _bounded_lines(handle, settings.max_bytes)
        while pos < end:
            raw, size = next(lines, (b"", 0))
            if not size:
                break
            pos += size
            origin = f"{path}:{lineno}"
            if size > settings.max_bytes:
                yield Rejection(
                    "read", "too-large", None, origin, f"line {lineno}: {size} bytes > limit"
                )
            elif raw.strip():
                yield _jsonl_line(
                    raw.removeprefix(b"\xef\xbb\xbf") if lineno == 1 else raw, lineno, origin
                )
            lineno += 1
