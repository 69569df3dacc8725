"""Duplicate documents: exact copies, near copies and stories copied out of bundles.

Documents are linked, never deleted (:class:`DuplicateLink`).

* **exact** — the same text after case and whitespace folding (SHA-256).
* **near** — MinHash (datasketch, fixed seed) over word shingles; candidates come
  from banded LSH, and a pair is a near-duplicate when its estimated Jaccard
  similarity reaches ``near_threshold`` (a few words changed).
* **contained** — one document is (almost) all inside another. Pages are compared
  *story by story* (``Document.stories``): a story reprinted alone from a bundle
  page shares only a third of the page's words, but nearly all of one story's. The
  containment |A∩B|/|A| is estimated from the MinHash Jaccard and the shingle counts.

Memory stays bounded: only fingerprints (``num_perm`` 32-bit values per document
and per story) and LSH band keys are kept, in memory or — with ``index_path`` — in a
SQLite file (:class:`SqliteFingerprints`), so a corpus larger than memory can be
indexed in batches with :meth:`DocumentIndex.add`.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal, Protocol

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param

from communique.errors import ConfigError
from communique.records import Document

DuplicateKind = Literal["exact", "near", "contained"]
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class DuplicateLink:
    """``doc_id`` repeats ``duplicate_of`` (the earlier or the containing document)."""

    doc_id: str
    duplicate_of: str
    kind: DuplicateKind
    score: float


@dataclass(frozen=True, slots=True)
class DedupOptions:
    """Tuning of duplicate detection; defaults suit news articles."""

    shingle_words: int = 3  # word n-grams: robust to a few changed words
    num_perm: int = 128
    seed: int = 1  # fixed: the same fingerprints on every run
    candidate_threshold: float = 0.5  # LSH recall target (Jaccard) for candidates
    near_threshold: float = 0.8  # estimated Jaccard at or above: near-duplicate
    containment_threshold: float = 0.8  # estimated |A∩B|/|A| at or above: contained
    min_shingles: int = 8  # shorter texts are too small to fingerprint reliably
    index_path: str | None = None  # SQLite file for fingerprints (bounded memory)

    def __post_init__(self) -> None:
        for name in ("candidate_threshold", "near_threshold", "containment_threshold"):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise ConfigError(f"{name} must be in (0, 1], got {value}")
        if self.shingle_words < 1 or self.num_perm < 16:
            raise ConfigError("shingle_words must be >= 1 and num_perm >= 16")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """One document (``part`` -1) or one story (``part`` = its index) as MinHash values."""

    doc_id: str
    part: int
    size: int  # number of distinct shingles
    rank: str  # earlier-is-original order: publication date, then doc_id
    values: bytes  # num_perm uint32 MinHash values


class FingerprintStore(Protocol):
    """Where fingerprints and LSH band keys live."""

    def put(self, fp: Fingerprint, bands: list[bytes]) -> None: ...
    def candidates(self, bands: list[bytes]) -> set[tuple[str, int]]: ...
    def get(self, doc_id: str, part: int) -> Fingerprint: ...
    def exact(self, digest: str, doc_id: str, rank: str) -> list[tuple[str, str]]: ...


class MemoryFingerprints:
    """Fingerprints in dicts (fast; memory grows ~1 KB per document and story)."""

    def __init__(self) -> None:
        self._fps: dict[tuple[str, int], Fingerprint] = {}
        # Band keys are kept as their (per-process) hash: 8 bytes instead of ~60; a
        # rare collision only adds a candidate, which is then judged on its values.
        self._bands: dict[int, list[tuple[str, int]]] = {}
        self._hashes: dict[str, set[tuple[str, str]]] = {}

    def put(self, fp: Fingerprint, bands: list[bytes]) -> None:
        entry = (fp.doc_id, fp.part)  # one tuple shared by all its bands
        self._fps[entry] = fp
        for band in bands:
            self._bands.setdefault(hash(band), []).append(entry)

    def candidates(self, bands: list[bytes]) -> set[tuple[str, int]]:
        return {entry for b in bands for entry in self._bands.get(hash(b), ())}

    def get(self, doc_id: str, part: int) -> Fingerprint:
        return self._fps[(doc_id, part)]

    def exact(self, digest: str, doc_id: str, rank: str) -> list[tuple[str, str]]:
        group = self._hashes.setdefault(digest, set())
        group.add((rank, doc_id))
        return sorted(group)


class SqliteFingerprints:
    """Fingerprints and band keys in a SQLite file: memory stays flat at any corpus size."""

    def __init__(self, path: str) -> None:
        self._conn = sqlite3.connect(path)
        self._conn.executescript(
            "CREATE TABLE IF NOT EXISTS fp (doc_id TEXT, part INTEGER, size INTEGER, rank TEXT,"
            " hv BLOB, PRIMARY KEY (doc_id, part));"
            "CREATE TABLE IF NOT EXISTS band (key BLOB, doc_id TEXT, part INTEGER);"
            "CREATE INDEX IF NOT EXISTS band_key ON band (key);"
            "CREATE TABLE IF NOT EXISTS exact (digest TEXT, doc_id TEXT, rank TEXT,"
            " PRIMARY KEY (digest, doc_id));"
        )

    def put(self, fp: Fingerprint, bands: list[bytes]) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO fp VALUES (?, ?, ?, ?, ?)",
            (fp.doc_id, fp.part, fp.size, fp.rank, fp.values),
        )
        self._conn.executemany(
            "INSERT INTO band VALUES (?, ?, ?)", [(b, fp.doc_id, fp.part) for b in bands]
        )

    def candidates(self, bands: list[bytes]) -> set[tuple[str, int]]:
        marks = ",".join("?" * len(bands))
        rows = self._conn.execute(
            f"SELECT DISTINCT doc_id, part FROM band WHERE key IN ({marks})", bands
        )
        return {(d, p) for d, p in rows}

    def get(self, doc_id: str, part: int) -> Fingerprint:
        row = self._conn.execute(
            "SELECT size, rank, hv FROM fp WHERE doc_id = ? AND part = ?", (doc_id, part)
        ).fetchone()
        return Fingerprint(doc_id, part, row[0], row[1], row[2])

    def exact(self, digest: str, doc_id: str, rank: str) -> list[tuple[str, str]]:
        self._conn.execute("INSERT OR REPLACE INTO exact VALUES (?, ?, ?)", (digest, doc_id, rank))
        rows = self._conn.execute("SELECT rank, doc_id FROM exact WHERE digest = ?", (digest,))
        return sorted((r, d) for r, d in rows)

    def close(self) -> None:
        """Commit and close the file."""
        self._conn.commit()
        self._conn.close()


def shingles(text: str, words: int) -> set[bytes]:
    """Distinct word n-grams of ``text`` (case-folded), as bytes for hashing."""
    toks = _WORD.findall(text.lower())
    if len(toks) < words:
        return {" ".join(toks).encode()} if toks else set()
    return {" ".join(toks[i : i + words]).encode() for i in range(len(toks) - words + 1)}


def _rank(doc: Document) -> str:
    return f"{doc.published or '9999'}|{doc.doc_id}"


def _parts(doc: Document) -> Iterator[tuple[int, str]]:
    """The whole clean text, and each story when the page bundles several."""
    yield -1, doc.clean
    if len(doc.stories) > 1:
        for story in doc.stories:
            yield story.index, doc.clean[story.start : story.end]


def _strength(lk: DuplicateLink) -> tuple[int, float]:
    return ({"exact": 3, "contained": 2, "near": 1}[lk.kind], lk.score)


class DocumentIndex:
    """Fingerprints documents in batches; :meth:`links` gives the duplicate links.
    The links depend only on the set of documents added, not on order or batches."""

    def __init__(self, options: DedupOptions | None = None) -> None:
        self.options = options or DedupOptions()
        o = self.options
        self._bands, self._rows = _optimal_param(o.candidate_threshold, o.num_perm, 0.5, 0.5)
        self._perms = MinHash(num_perm=o.num_perm, seed=o.seed, scheme="affine32").permutations
        self._store: FingerprintStore = (
            SqliteFingerprints(o.index_path) if o.index_path else MemoryFingerprints()
        )
        self._best: dict[str, DuplicateLink] = {}

    def _fingerprint(
        self, doc: Document, part: int, text: str
    ) -> tuple[Fingerprint, list[bytes]] | None:
        grams = shingles(text, self.options.shingle_words)
        if len(grams) < self.options.min_shingles:
            return None
        mh = MinHash(
            num_perm=self.options.num_perm,
            seed=self.options.seed,
            permutations=self._perms,
            scheme="affine32",
        )
        mh.update_batch(list(grams))
        values = mh.hashvalues.astype(np.uint32).tobytes()
        step = self._rows * 4
        bands = [
            i.to_bytes(2, "big") + values[i * step : (i + 1) * step] for i in range(self._bands)
        ]
        return Fingerprint(doc.doc_id, part, len(grams), _rank(doc), values), bands

    def add(self, docs: Iterable[Document]) -> None:
        """Fingerprint ``docs`` and link them to every earlier-added document."""
        for doc in docs:
            folded = " ".join(doc.clean.lower().split())
            group = self._store.exact(
                hashlib.sha256(folded.encode()).hexdigest(), doc.doc_id, _rank(doc)
            )
            for _, copy in group[1:]:
                if copy != group[0][1]:
                    self._offer(DuplicateLink(copy, group[0][1], "exact", 1.0))
            for part, text in _parts(doc):
                made = self._fingerprint(doc, part, text)
                if made is None:
                    continue
                fp, bands = made
                for cand_doc, cand_part in sorted(self._store.candidates(bands)):
                    if cand_doc != doc.doc_id:
                        self._judge(fp, self._store.get(cand_doc, cand_part))
                self._store.put(fp, bands)

    def _judge(self, a: Fingerprint, b: Fingerprint) -> None:
        """Classify a candidate pair (symmetric: the result does not depend on which
        document came first)."""
        if a.part != -1 and b.part != -1:
            return  # two bundles sharing a story are not duplicate documents
        va = np.frombuffer(a.values, dtype=np.uint32)
        vb = np.frombuffer(b.values, dtype=np.uint32)
        jac = float(np.mean(va == vb))
        if a.part == -1 and b.part == -1:
            if jac >= self.options.near_threshold:
                orig, dup = sorted((a, b), key=lambda f: f.rank)
                self._offer(DuplicateLink(dup.doc_id, orig.doc_id, "near", round(jac, 3)))
                return
            small, big = sorted((a, b), key=lambda f: (f.size, f.rank))
        else:
            small, big = (a, b) if a.part == -1 else (b, a)  # a whole page vs a story
        inter = jac * (small.size + big.size) / (1.0 + jac)
        contain = min(1.0, inter / small.size)
        if contain >= self.options.containment_threshold:
            self._offer(DuplicateLink(small.doc_id, big.doc_id, "contained", round(contain, 3)))

    def _offer(self, lk: DuplicateLink) -> None:
        """Keep, per document, its strongest link (exact > contained > near, then the
        higher score, then the smaller ``duplicate_of``)."""
        old = self._best.get(lk.doc_id)
        if (
            old is None
            or _strength(lk) > _strength(old)
            or (_strength(lk) == _strength(old) and lk.duplicate_of < old.duplicate_of)
        ):
            self._best[lk.doc_id] = lk

    def links(self) -> tuple[DuplicateLink, ...]:
        """One link per duplicate document (its strongest), sorted by ``doc_id``."""
        return tuple(lk for _, lk in sorted(self._best.items()))

    def close(self) -> None:
        """Release the on-disk index, if any."""
        if isinstance(self._store, SqliteFingerprints):
            self._store.close()


def find_duplicate_documents(
    docs: Iterable[Document], options: DedupOptions | None = None
) -> tuple[DuplicateLink, ...]:
    """Link every exact, near and contained duplicate among ``docs`` to its original,
    so later stages can count a story reprinted by ten sites once."""
    index = DocumentIndex(options)
    try:
        index.add(docs)
        return index.links()
    finally:
        index.close()
