"""The pipeline: composes the stages. No file I/O, no clock, no printing.

articles -> clean -> segment -> embed -> cluster -> select -> timeline -> Briefing
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from digest.clean import clean_articles
from digest.cluster import Clusterer, HdbscanClusterer, refine
from digest.config import Config
from digest.embed import Embedder, ProgressFn, SentenceTransformerEmbedder
from digest.errors import ConfigError, InputError, NoSentencesError
from digest.segment import sentences_of
from digest.select import (
    CentralAttestedSelector,
    Selector,
    attestation,
    representative_score,
)
from digest.sourcing import AttestationCopyDetector, CopyDetector
from digest.text import words
from digest.timeline import DateResolver, TimexResolver, build_events, choose_reference
from digest.types import Article, Briefing, Sentence

if TYPE_CHECKING:
    import numpy as np


@dataclass
class Components:
    """The swappable stages. Any field left None gets the default built from the config."""

    embedder: Embedder | None = None
    clusterer: Clusterer | None = None
    selector: Selector | None = None
    resolver: DateResolver | None = None
    copy_detector: CopyDetector | None = None


def run(
    articles: Sequence[Article],
    config: Config | None = None,
    *,
    components: Components | None = None,
    embeddings: np.ndarray | None = None,
    progress: ProgressFn | None = None,
) -> Briefing:
    """Build a briefing from raw (uncleaned) articles.

    ``embeddings``, if given, must have one row per sentence of the cleaned
    articles, in order (see :func:`prepare`), and replaces the embedder.
    """
    import numpy as np

    config = config or Config()
    parts = components or Components()
    if not articles:
        raise InputError("(input)", "no articles were given")
    cleaned, sentences = prepare(articles)
    if embeddings is None:
        embedder = parts.embedder or SentenceTransformerEmbedder(config.model, batch_size=config.batch_size)
        titles = [a.title for a in cleaned if a.title]
        vectors = embedder.encode([s.text for s in sentences] + titles, progress=progress)
        embeddings, title_vectors = vectors[: len(sentences)], vectors[len(sentences) :]
        model_name = embedder.name
    else:
        if embeddings.shape[0] != len(sentences):
            raise ConfigError(f"precomputed embeddings have {embeddings.shape[0]} rows; expected {len(sentences)}")
        norms = np.linalg.norm(embeddings, axis=1, keepdims=True)
        embeddings = np.asarray(embeddings / np.where(norms == 0, 1, norms), dtype=np.float32)
        title_vectors = None
        model_name = "precomputed"

    if progress:
        progress("clustering", 0, 1)
    clusterer = parts.clusterer or HdbscanClusterer(
        min_cluster_size=config.min_cluster_size, min_samples=config.min_samples
    )
    labels = refine(
        clusterer.fit_labels(embeddings),
        embeddings,
        [s.article_id for s in sentences],
        min_similarity=config.min_member_similarity,
    )
    selector = parts.selector or CentralAttestedSelector(
        redundancy_similarity=config.redundancy_similarity, min_words=config.min_sentence_words
    )
    graph = (parts.copy_detector or AttestationCopyDetector()).analyze(cleaned, sentences, embeddings)
    selection = selector.select(
        sentences,
        embeddings,
        labels,
        max_points=config.max_points,
        count_sources=graph.independent_count,
        preference=graph.preference,
    )
    if progress:
        progress("clustering", 1, 1)

    resolver = parts.resolver or TimexResolver()
    reference, per_article = choose_reference(cleaned, resolver, as_of=config.as_of)
    attested = attestation(sentences)
    quality = [representative_score(1.0, a, s.text) for a, s in zip(attested, sentences, strict=True)]
    events = build_events(
        cleaned,
        sentences,
        embeddings,
        labels,
        quality,
        resolver,
        per_article,
        max_events=config.max_events,
        merge_similarity=config.event_merge_similarity,
        count_sources=graph.independent_count,
        preference=graph.preference,
    )
    return Briefing(
        title=_title(cleaned, embeddings, title_vectors, selection.key_points[0].text if selection.key_points else ""),
        articles=tuple(cleaned),
        sentences=tuple(sentences),
        clusters=selection.clusters,
        key_points=selection.key_points,
        events=events,
        reference=reference,
        derivations=graph.derivations,
        model=model_name,
        settings=tuple((k, v.isoformat() if hasattr(v, "isoformat") else v) for k, v in config.items()),
    )


def prepare(articles: Sequence[Article]) -> tuple[list[Article], list[Sentence]]:
    """Clean and segment; the sentence list is what embeddings are aligned to."""
    cleaned = clean_articles(articles)
    sentences: list[Sentence] = []
    for article in cleaned:
        found = [s for s in sentences_of(article) if len(words(s.text)) >= 2]
        if not found:
            raise NoSentencesError(article.path or article.id, "no usable sentences after cleaning")
        # Re-index densely so (article_id, index) stays the identity after filtering.
        sentences.extend(Sentence(s.article_id, i, s.start, s.end, s.text) for i, s in enumerate(found))
    return cleaned, sentences


def _title(articles: Sequence[Article], embeddings: np.ndarray, title_vectors: np.ndarray | None, fallback: str) -> str:
    titles = [a.title for a in articles if a.title]
    if not titles:
        text = fallback.rstrip(".")
        return text if len(text) <= 90 else text[:87].rsplit(" ", 1)[0] + "…"
    if title_vectors is None or len(title_vectors) != len(titles):
        return titles[0]
    centroid = embeddings.mean(axis=0)
    scores = title_vectors @ centroid
    return titles[int(scores.argmax())]
