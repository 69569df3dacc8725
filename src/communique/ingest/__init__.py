"""ingest stage (see :mod:`communique.pipeline`): read -> clean -> split stories.

Every input becomes a fully built :class:`~communique.records.Document` (clean text,
offset map, metadata with provenance, language, stories) or a
:class:`~communique.records.Rejection`::

    readers.iter_raw     paths -> RawInput | Rejection   (formats, encodings: decode)
    html.extract_html    HTML -> main text + page metadata (trafilatura)
    clean.clean_text     text -> clean text, OffsetMap, metadata found (metadata)
    stories.split_stories clean text -> Story...
    language             LanguageDetector.detect(clean) -> ISO 639-1
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from communique.ingest.clean import Cleaned, clean_text
from communique.ingest.html import HtmlText, extract_html
from communique.ingest.language import LanguageDetector
from communique.ingest.readers import RawInput, iter_raw
from communique.ingest.stories import split_stories
from communique.records import (
    DatePrecision,
    Document,
    Provenance,
    Rejection,
    Story,
    content_hash,
)
from communique.settings import Settings

__all__ = ["LanguageDetector", "document_from_raw", "document_from_text", "iter_documents"]

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
#: A date in an article's URL path, as news sites write them ("/2025/05/10/slug",
#: "/2024-06-20/", "/2023/09/"): year and month, maybe the day, between separators.
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])(?:[/-](0?[1-9]|[12]\d|3[01]))?(?=[/-]|$)"
)


def iter_documents(
    paths: Iterable[str | Path], settings: Settings, detector: LanguageDetector | None = None
) -> Iterator[Document | Rejection]:
    """Every article under ``paths`` as a Document, or a Rejection saying why not.

    Why: the one entry point of the pipeline's first stage; the language detector
    is built once here (or passed in) and shared by all documents.
    """
    detector = detector or LanguageDetector.build()
    for item in iter_raw([Path(p) for p in paths], settings):
        if isinstance(item, Rejection):
            yield item
        else:
            yield document_from_raw(item, detector)


def document_from_raw(raw: RawInput, detector: LanguageDetector) -> Document | Rejection:
    """clean -> split for one input that a reader produced (local and Dask runners alike)."""
    return document_from_text(
        raw.text or "",
        raw.doc_id,
        raw.origin,
        fmt=raw.fmt,
        published=raw.published,
        title=raw.title,
        url=raw.url,
        html=raw.html,
        detector=detector,
    )


def document_from_text(
    text: str,
    doc_id: str,
    origin: str,
    *,
    fmt: str = "txt",
    published: str | None = None,
    title: str | None = None,
    url: str | None = None,
    html: str | None = None,
    detector: LanguageDetector | None = None,
) -> Document | Rejection:
    """Build a Document from decoded text (or HTML when ``html`` is given).

    Why: the JSONL and WARC readers and other stages' tests need the same clean ->
    metadata -> stories -> language chain as files. ``published``/``title``/``url``
    given by the caller (JSONL fields) win over what the text states. Pass a
    ``detector`` when building many documents (one is built per call otherwise).
    """
    page = HtmlText(text) if html is None else extract_html(html, url)
    if page is None:
        return Rejection("read", "no-text", doc_id, origin, "no article text found in the HTML")
    text, url = page.text, url or page.url
    if not text.strip():
        return Rejection("read", "empty", doc_id, origin, "the document holds no text")
    cleaned = clean_text(text, menus=html is None)
    if not cleaned.clean.strip():
        return Rejection("clean", "no-text", doc_id, origin, "nothing left after cleaning")
    provenance: list[tuple[str, Provenance]] = []
    date, precision = _published(cleaned, published, page.date, provenance)
    if date is None:
        date, precision = _url_published(url, provenance)
    byline = _pick("byline", page.author, cleaned, provenance)
    outlet = _pick("outlet", page.sitename, cleaned, provenance)
    stories = split_stories(cleaned.clean, title or page.title)
    title = _title(title, page.title, stories, cleaned, provenance)
    detector = detector or LanguageDetector.build()
    return Document(
        doc_id=doc_id,
        origin=origin,
        fmt=fmt,
        original=text,
        clean=cleaned.clean,
        offsets=cleaned.offsets,
        content_hash=content_hash(text),
        title=title,
        byline=byline,
        outlet=outlet,
        published=date,
        published_precision=precision,
        language=detector.detect(cleaned.clean),
        url=url,
        provenance=tuple(provenance),
        stories=stories,
        chars_removed=cleaned.chars_removed,
    )


def _published(
    cleaned: Cleaned,
    given: str | None,
    page_date: str | None,
    provenance: list[tuple[str, Provenance]],
) -> tuple[str | None, DatePrecision | None]:
    """The publication date: caller's field, else page metadata, else the text's own."""
    for value, method in ((given, "jsonl-field"), (page_date, "html-meta")):
        iso = _iso(value)
        if iso is not None:
            provenance.append(("published", Provenance(method)))
            return iso
    found = cleaned.meta.published
    if found is None:
        return None, None
    method = cleaned.meta.published_method or "text"
    provenance.append(("published", Provenance(method, found.start, found.end)))
    return found.value, found.precision


def _url_published(
    url: str | None, provenance: list[tuple[str, Provenance]]
) -> tuple[str | None, DatePrecision | None]:
    """The date an article's URL path states, the last resort when neither the caller,
    the page's metadata nor the text give one (many news sites date their paths)."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url or "").split("?")[0]
    match = _URL_DATE.search(path)
    if match is None:
        return None, None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        dt.date(year or 0, month or 1, day or 1)
    except ValueError:
        return None, None
    provenance.append(("published", Provenance("url")))
    if day is None:
        return f"{year:04d}-{month:02d}", "month"
    return f"{year:04d}-{month:02d}-{day:02d}", "day"


def _iso(value: str | None) -> tuple[str, DatePrecision] | None:
    match = _ISO.match((value or "").strip())
    if not match:
        return None
    year, month, day = match.groups()
    if day:
        return f"{year}-{month}-{day}", "day"
    if month:
        return f"{year}-{month}", "month"
    return year, "year"


def _pick(
    name: str, page_value: str | None, cleaned: Cleaned, provenance: list[tuple[str, Provenance]]
) -> str | None:
    """A metadata string from the page's metadata if any, else from the text."""
    if page_value:
        provenance.append((name, Provenance("html-meta")))
        return page_value
    found = cleaned.meta.byline if name == "byline" else cleaned.meta.outlet
    if found is None:
        return None
    method = "byline-line" if name == "byline" else cleaned.meta.outlet_method or "text"
    provenance.append((name, Provenance(method, found.start, found.end)))
    return found.value


def _title(
    given: str | None,
    page_title: str | None,
    stories: tuple[Story, ...],
    cleaned: Cleaned,
    provenance: list[tuple[str, Provenance]],
) -> str | None:
    """The caller's title, else the page's, else the first story's headline line."""
    if given:
        provenance.append(("title", Provenance("jsonl-field")))
        return given
    if page_title:
        provenance.append(("title", Provenance("html-meta")))
        return page_title
    first = stories[0] if stories else None
    if first is None or first.headline_start is None:
        return None
    start, end = cleaned.offsets.span_to_original(
        first.headline_start, first.headline_end or first.start
    )
    provenance.append(("title", Provenance("headline", start, end)))
    return first.headline
