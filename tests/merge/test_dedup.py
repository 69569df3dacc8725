"""Duplicate documents on the real seeds (through ingest) and composed variants."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from communique.ingest import iter_documents
from communique.merge import DedupOptions, DocumentIndex, find_duplicate_documents
from communique.records import Document
from communique.settings import Settings


@pytest.fixture(scope="module")
def seed_docs(seeds_dir: Path) -> dict[str, Document]:
    docs = [d for d in iter_documents([seeds_dir], Settings()) if isinstance(d, Document)]
    assert len(docs) == 5
    return {d.doc_id[:3]: d for d in docs}


def _variant(doc: Document, doc_id: str, clean: str) -> Document:
    return replace(doc, doc_id=doc_id, clean=clean, original=clean, stories=())


def test_story_reprinted_from_a_bundle_is_contained(seed_docs: dict[str, Document]) -> None:
    links = find_duplicate_documents(list(seed_docs.values()))
    by_doc = {lk.doc_id: lk for lk in links}
    lk = by_doc[seed_docs["001"].doc_id]
    assert lk.duplicate_of == seed_docs["000"].doc_id
    assert lk.kind == "contained" and lk.score >= 0.9
    # the other seeds report related events but are different articles
    assert set(by_doc) == {seed_docs["001"].doc_id}


def test_whole_page_comparison_alone_would_miss_it(seed_docs: dict[str, Document]) -> None:
    """Without stories the page-level similarity is too low for a near-duplicate."""
    page = replace(seed_docs["000"], stories=())
    links = find_duplicate_documents([page, seed_docs["001"]], DedupOptions())
    assert all(lk.kind != "near" for lk in links)


def test_exact_and_near_duplicates(seed_docs: dict[str, Document]) -> None:
    base = seed_docs["004"]
    copy = _variant(base, "zz-copy", "  " + base.clean.upper() + "\n")
    words = base.clean.split()
    for i in (10, 60, 120, 200, 300):
        words[i] = "changed"
    near = _variant(base, "zz-near", " ".join(words))
    links = {lk.doc_id: lk for lk in find_duplicate_documents([near, base, copy, seed_docs["003"]])}
    assert links["zz-copy"].kind == "exact" and links["zz-copy"].duplicate_of == base.doc_id
    assert links["zz-near"].kind == "near" and 0.8 <= links["zz-near"].score < 1.0
    assert links["zz-near"].duplicate_of == base.doc_id
    assert seed_docs["003"].doc_id not in links and base.doc_id not in links


def test_links_do_not_depend_on_order_batches_or_storage(
    seed_docs: dict[str, Document], tmp_path: Path
) -> None:
    docs = list(seed_docs.values())
    docs.append(_variant(docs[4], "zz-copy", docs[4].clean))
    expected = find_duplicate_documents(docs)
    assert find_duplicate_documents(list(reversed(docs))) == expected
    index = DocumentIndex(DedupOptions(index_path=str(tmp_path / "fp.sqlite")))
    index.add(docs[3:])
    index.add(docs[:3])
    assert index.links() == expected
    index.close()
    assert (tmp_path / "fp.sqlite").stat().st_size > 0


def test_options_are_validated() -> None:
    from communique.errors import ConfigError

    with pytest.raises(ConfigError):
        DedupOptions(near_threshold=1.5)
