"""The stage order, in one place.

Data flows one way; each stage takes and returns typed records
(:mod:`communique.records`)::

    read      ingest.readers      PATH...            -> RawInput | Rejection
    clean     ingest.clean        RawInput           -> clean text + OffsetMap, metadata
    split     ingest.stories      clean text         -> Story...          (=> Document)
    annotate  nlp                 Document           -> Mentions (people, places, orgs, dates)
    extract   extract             Document+Mentions  -> Event... (one document each)
    resolve   resolve             Event...           -> Event... with canonical names, Entity...
    merge     merge               Event...           -> Event... one per real event, sources[]
    store     store               Document, Event... -> SQLite
    query     cli / web           SQLite             -> tables, JSON, pages

Stages are pure functions of their inputs plus a context built once
(:class:`Context`: settings, the spaCy model, gazetteers), so runners
(:mod:`communique.runners`) can run them locally or on Dask workers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from communique.errors import PipelineError
from communique.records import Document, Entity, Event, Rejection
from communique.settings import Settings

if TYPE_CHECKING:
    from communique.store import Store


@dataclass(frozen=True, slots=True)
class Stage:
    """A stage's name, what it needs on its input and what it sets."""

    name: str
    package: str
    needs: frozenset[str]
    sets: frozenset[str]


STAGES: tuple[Stage, ...] = (
    Stage("read", "communique.ingest.readers", frozenset({"path"}), frozenset({"raw"})),
    Stage("clean", "communique.ingest.clean", frozenset({"raw"}), frozenset({"clean", "meta"})),
    Stage("split", "communique.ingest.stories", frozenset({"clean"}), frozenset({"stories"})),
    Stage("annotate", "communique.nlp", frozenset({"clean", "stories"}), frozenset({"mentions"})),
    Stage("extract", "communique.extract", frozenset({"mentions", "meta"}), frozenset({"events"})),
    Stage("resolve", "communique.resolve", frozenset({"events"}), frozenset({"entities"})),
    Stage("merge", "communique.merge", frozenset({"events", "entities"}), frozenset({"merged"})),
    Stage("store", "communique.store", frozenset({"merged"}), frozenset({"db"})),
)


def check_chain(stages: Sequence[Stage] = STAGES) -> None:
    """Raise :class:`PipelineError` if a stage needs something no earlier stage sets."""
    have: set[str] = {"path"}
    for stage in stages:
        missing = stage.needs - have
        if missing:
            raise PipelineError(
                f"stage {stage.name!r} needs {sorted(missing)} that no earlier stage sets"
            )
        have |= stage.sets


def read_documents(paths: Iterable[str], settings: Settings) -> Iterator[Document | Rejection]:
    """read -> clean -> split: every input as a cleaned Document, or a Rejection."""
    from communique.ingest import iter_documents

    yield from iter_documents(paths, settings)


@dataclass(frozen=True)
class Context:
    """What the annotate/extract stages need, built once and passed in."""

    settings: Settings
    extractor: object  # communique.extract.Extractor

    @classmethod
    def build(cls, settings: Settings) -> Context:
        """Load the model and gazetteers once."""
        from communique.extract import Extractor

        return cls(settings=settings, extractor=Extractor.load(settings))


def extract_document(doc: Document, ctx: Context) -> tuple[Event, ...]:
    """annotate -> extract for one document (pure given ``ctx``).

    Event ids are content hashes; should two distinct events of one document ever hash
    alike, the later ones get an ordinal suffix, so ids stay unique and stable.
    """
    events: tuple[Event, ...] = ctx.extractor.extract(doc)  # type: ignore[attr-defined]
    return unique_ids(events)


def unique_ids(events: Sequence[Event]) -> tuple[Event, ...]:
    """The events with colliding ids disambiguated by their order (``_2``, ``_3`` ...)."""
    seen: dict[str, int] = {}
    out: list[Event] = []
    for event in events:
        n = seen.get(event.event_id, 0) + 1
        seen[event.event_id] = n
        out.append(event if n == 1 else replace(event, event_id=f"{event.event_id}_{n}"))
    return tuple(out)


def resolve_events(events: Sequence[Event]) -> tuple[tuple[Event, ...], tuple[Entity, ...]]:
    """resolve: canonical names and entity ids across all given events."""
    from communique.resolve import resolve

    return resolve(events)


def merge_events(events: Sequence[Event], docs: Sequence[Document]) -> tuple[Event, ...]:
    """merge: one record per real event, with every report in ``sources``."""
    from communique.merge import merge

    return merge(events, docs)


def extract_all(docs: Sequence[Document], ctx: Context) -> list[Event]:
    """annotate -> extract over several documents, in their order."""
    events: list[Event] = []
    for doc in docs:
        events.extend(extract_document(doc, ctx))
    return events


def events_from_documents(
    docs: Sequence[Document], ctx: Context, *, merged: bool
) -> tuple[tuple[Event, ...], tuple[Entity, ...]]:
    """extract -> resolve [-> merge]: what ``communique extract`` prints."""
    resolved, entities = resolve_events(extract_all(docs, ctx))
    if not merged:
        return resolved, entities
    return merge_events(resolved, docs), entities


def store_document_events(store: Store, doc: Document, ctx: Context) -> Rejection | None:
    """extract one stored document and keep its (unresolved) per-document events.

    Returns the "timeout" Rejection when extraction hit ``settings.doc_seconds`` (the
    events found before the limit are still stored), so ingest counts and shows it.
    """
    events, rejection = ctx.extractor.extract_checked(doc)  # type: ignore[attr-defined]
    store.replace_document_events(doc.doc_id, unique_ids(events))
    return rejection  # type: ignore[no-any-return]


def refresh_store(store: Store) -> tuple[int, int, int]:
    """resolve -> merge over every stored per-document event; store the results.

    Per-document events keep their surface names until now; here they are resolved
    against the entities already stored (ids stay stable), merged across documents,
    and written back: resolved per-document events, merged events, entities.
    Returns (document events, merged events, entities). Runs as one transaction
    (:meth:`Store.exclusive`): all of it is stored or none, from one consistent read.
    """
    with store.exclusive():  # no other ingest may write between our read and write
        return _refresh(store)


def _refresh(store: Store) -> tuple[int, int, int]:
    """Resolve and merge the archive; write back only the documents whose events
    changed. Merging reads each document's publication day, never its text, so the
    driver holds the events and a few bytes per document, not the archive."""
    from communique.records import OffsetMap
    from communique.resolve import resolve

    raw = list(store.iter_events("document"))
    resolved, entities = resolve(raw, list(store.iter_entities()))
    changed = {new.sources[0].doc_id for old, new in zip(raw, resolved, strict=True) if old != new}
    del raw
    days = [
        Document(doc_id, "", "", "", "", OffsetMap(()), "", published=published)
        for doc_id, published in store.iter_publication_days()
    ]
    merged = merge_events(resolved, days)
    by_doc: dict[str, list[Event]] = {}
    for event in resolved:
        by_doc.setdefault(event.sources[0].doc_id, []).append(event)
    for doc_id in sorted(changed):  # unchanged documents already hold these very events
        store.replace_document_events(doc_id, by_doc[doc_id])
    store.replace_merged_events(merged)
    store.replace_entities(entities)
    return len(resolved), len(merged), len(entities)
