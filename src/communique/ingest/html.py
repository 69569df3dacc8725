"""Main text and metadata of an HTML page, through trafilatura.

Strategy (measured by ``bench/html_extraction.py`` on the article-extraction
benchmark): trafilatura with ``favor_precision`` drops more page furniture than its
default; when that precise pass keeps less than FALLBACK_RATIO of what the default
pass finds, it has cut into the article, and the default (recall-balanced) text is
used instead. Dates come from the page's own metadata only (no extensive search in
the body, no guessing from the URL), as everywhere in ingest.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import trafilatura

#: Below this share of the default extraction's length, the precise text is distrusted.
FALLBACK_RATIO = 0.25
#: htmldate options: the page's stated original publication date, no body search.
DATE_PARAMS: Mapping[str, bool] = MappingProxyType(
    {"extensive_search": False, "original_date": True}
)
_ISO_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass(frozen=True, slots=True)
class HtmlText:
    """What trafilatura found on a page."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None  # ISO 8601
    sitename: str | None = None
    url: str | None = None


def extract_html(html: str, url: str | None = None) -> HtmlText | None:
    """The page's main text and metadata, or ``None`` when it holds no article text.

    Why: for HTML inputs the extracted text is ``Document.original``, the text quote
    offsets refer to; trafilatura finds the main content far better than tag rules.
    """
    if not html.strip():
        return None
    precise = _bare(html, url, favor_precision=True)
    default = _bare(html, url, favor_precision=False)
    best = precise
    p_len = len(precise.text or "") if precise else 0
    d_len = len(default.text or "") if default else 0
    if default is not None and p_len < FALLBACK_RATIO * d_len:
        best = default
    if best is None or not (best.text or "").strip():
        return None
    meta = precise if precise is not None else best
    date = meta.date if meta.date and _ISO_DATE.match(meta.date) else None
    return HtmlText(
        text=best.text or "",
        title=_clean(meta.title),
        author=_clean(meta.author),
        date=date,
        sitename=_clean(meta.sitename),
        url=_clean(meta.url) or url,
    )


def _bare(
    html: str, url: str | None, *, favor_precision: bool
) -> trafilatura.settings.Document | None:
    result = trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=favor_precision,
        include_comments=False,
        include_images=False,
        with_metadata=True,
        date_extraction_params=dict(DATE_PARAMS),
    )
    if isinstance(result, dict) or result is None:  # dict only with as_dict=True
        return None
    return result


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None
