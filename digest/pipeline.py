"""The pipeline: composes the stages. No file I/O, no clock, no printing.

articles -> clean -> segment -> embed -> cluster -> select -> timeline -> Briefing
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from digest.attribution import find_attribution
from digest.clean import clean_articles, cut_run_in_boxes
from digest.cluster import Clusterer, HdbscanClusterer, merge_leaves, merge_on_figures, refine
from digest.config import Config
from digest.conflicts import find_conflicts, not_current
from digest.embed import Embedder, ProgressFn, SentenceTransformerEmbedder
from digest.errors import ConfigError, InputError
from digest.quantities import agree
from digest.reference import choose_reference, dated_by_datelines
from digest.segment import english_articles, sentences_of, usable
from digest.select import (
    CentralAttestedSelector,
    Selector,
    attestation,
    citation_of,
    is_specific,
    representative_score,
    self_contained,
    states_something,
)
from digest.sourcing import AttestationCopyDetector, CopyDetector, SourceGraph
from digest.stories import find_stories, without_off_story
from digest.text import is_assertion, is_question, opens_with_reference, words
from digest.timeline import DateResolver, TimexResolver, build_events, relative_dates
from digest.transcript import speech_start
from digest.types import (
    Article,
    Briefing,
    Citation,
    Cluster,
    Conflict,
    KeyPoint,
    Sentence,
    Skipped,
    Timex,
    check_articles,
)

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

    ``embeddings``, if given, replaces the embedder: one row per sentence of the cleaned articles,
    in order (see :func:`prepare`), then, to choose the briefing's title as the embedder's vectors
    do, one row per title of the kept articles that have one (:func:`texts_to_embed` lists both);
    without the title rows the first title is the briefing's.
    """
    import numpy as np

    config = config or Config()
    parts = components or Components()
    if not articles:
        raise InputError("(input)", "no articles were given")
    check_articles(articles)
    cleaned, sentences, skipped = _prepare(articles, skip_unusable=config.skip_unusable)
    texts = texts_to_embed(cleaned, sentences)
    if embeddings is None:
        embedder = parts.embedder or SentenceTransformerEmbedder.from_config(config)
        vectors = embedder.encode(texts, progress=progress)
        embeddings, title_vectors = vectors[: len(sentences)], vectors[len(sentences) :]
        model_name = embedder.name
    else:
        vectors = _precomputed(embeddings, len(sentences), len(texts) - len(sentences))
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        vectors = np.asarray(vectors / np.where(norms == 0, 1, norms), dtype=np.float32)
        embeddings = vectors[: len(sentences)]
        title_vectors = vectors[len(sentences) :] if len(vectors) > len(sentences) else None
        model_name = "precomputed"

    # A page about something else (a radio schedule among a week's trial reports) says nothing the
    # others say: left out, and named in the output.
    titled = [a.id for a in cleaned if a.title]
    cleaned, sentences, rows, off = without_off_story(cleaned, sentences, embeddings, config)
    if off:
        embeddings = embeddings[rows]
        gone = {s.article_id for s in off}
        if title_vectors is not None and len(title_vectors) == len(titled):
            title_vectors = title_vectors[[k for k, a in enumerate(titled) if a not in gone]]
        skipped = (*skipped, *off)

    if progress:
        progress("clustering", 0, 1)
    clusterer = parts.clusterer or HdbscanClusterer(
        min_cluster_size=config.min_cluster_size, min_samples=config.min_samples
    )
    labels = clusterer.fit_labels(embeddings)
    # A question or the writer's own voice ("I think he will go") does not say a statement: it is
    # no member of one, so it is never cited for it.
    labels[[i for i, s in enumerate(sentences) if not is_assertion(s.text)]] = -1
    article_ids = [s.article_id for s in sentences]
    leaves = refine(
        merge_leaves(labels, embeddings, min_similarity=config.leaf_merge_similarity),
        embeddings,
        article_ids,
        min_similarity=config.min_member_similarity,
    )
    labels = leaves
    if config.figure_merge_similarity is not None:
        # One statement in several outlets' words, the same figure in each ("$20bn", "$20 billion").
        # Conflicts are still looked for among the leaves: a merge joins figures that agree.
        merged = merge_on_figures(
            leaves, embeddings, [s.text for s in sentences], min_similarity=config.figure_merge_similarity
        )
        labels = refine(merged, embeddings, article_ids, min_similarity=config.min_member_similarity)
    selector = parts.selector or CentralAttestedSelector(
        redundancy_similarity=config.redundancy_similarity,
        min_words=config.min_sentence_words,
        max_words=config.max_point_words,
        specificity_weight=config.specificity_weight,
        echo_similarity=config.echo_similarity,
        citation_probability=config.citation_probability,
    )
    graph = (parts.copy_detector or AttestationCopyDetector()).analyze(cleaned, sentences, embeddings)
    graph = graph.with_outlets(cleaned)

    def is_filler(sentence: Sentence) -> bool:
        return sentence.key in graph.uncopied or not is_specific(sentence.text)

    # A broadcast transcript's speech does not name its speaker: it supports statements, but is not
    # quoted as one.
    speech = {a.id: speech_start(a.text) for a in cleaned}

    def quotable(sentence: Sentence) -> bool:
        return sentence.start < speech[sentence.article_id]

    selection = selector.select(
        sentences,
        embeddings,
        labels,
        max_points=config.max_points,
        count_sources=graph.independent_count,
        preference=graph.preference,
        is_filler=is_filler,
        support=graph.support,
        quotable=quotable,
    )
    row = {s.key: i for i, s in enumerate(sentences)}
    # The representative of a statement stands for the leaf it is a member of.
    representatives = {
        int(leaves[row[c.representative]]): row[c.representative]
        for c in selection.clusters
        if len(c.members) > 1 and leaves[row[c.representative]] >= 0
    }
    resolver = parts.resolver or TimexResolver()
    dated_articles = dated_by_datelines(cleaned, resolver)  # a dateline dates its report as publication does
    conflicts = find_conflicts(
        sentences,
        embeddings,
        leaves,
        representatives,
        subject_similarity=config.subject_similarity,
        count_sources=graph.independent_count,
        preference=graph.preference,
        published={a.id: a.published for a in dated_articles},
        max_conflicts=config.max_conflicts,
    )
    reference, per_article = choose_reference(cleaned, resolver, as_of=config.as_of)
    by_id = {a.id: a for a in cleaned}
    points = (
        _attributed(_same_figures(_undisputed(p, conflicts, graph), sentences, row, graph), sentences, row)
        for p in selection.key_points
    )
    tagged: dict[str, list[Timex]] = {}  # an article's expressions, found once for all its key points
    key_points = tuple(_dated(p, sentences, row, by_id, resolver, per_article, tagged) for p in points)
    single = _single_source(selection.clusters, sentences, row, graph, is_filler)
    if progress:
        progress("clustering", 1, 1)

    from digest.tls import large_and_dated

    if large_and_dated(dated_articles, config):
        # A day's or a month's coverage: the timeline machinery of `digest timeline` (dates ranked by
        # how many articles mention them, central sentences per day), with the vectors already computed.
        from digest.embed import PrecomputedEmbedder
        from digest.tls import timeline_events

        vectors = PrecomputedEmbedder(dict(zip((s.text for s in sentences), embeddings, strict=True)))
        events, _ = timeline_events(
            dated_articles,
            sentences,
            replace(config, max_dates=config.max_events, per_date=1),
            embedder=vectors,
            progress=progress,
            find=resolver.find,
            references=per_article,
            count_sources=graph.independent_count,
        )
    else:
        from digest.tls import is_chatter

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
            redundancy_similarity=config.redundancy_similarity,
            count_sources=graph.independent_count,
            preference=graph.preference,
            citation_probability=config.citation_probability,
            # nor does a sentence that states nothing by itself, as it is no key point either (the
            # writer's "we": "If you have a comment on any of the stories on today's show, we want
            # to hear it."; '"This is until the company finishes drilling a relief well later in the
            # summer."'; a list run together; a transcript's speech), nor one that leans on the
            # sentence before ('He said, "Welcome back Egypt" today.'), as in `digest timeline`
            quotable=lambda s: (
                quotable(s)
                and not is_chatter(s.text)
                and states_something(s.text, max_words=config.max_point_words)
                and self_contained(s.text) >= config.timeline.min_self_contained
            ),
        )
    return Briefing(
        title=_title(
            cleaned,
            embeddings,
            title_vectors,
            # no titles: the first key point, else the first sentence (a collection too short for statements)
            selection.key_points[0].text if selection.key_points else sentences[0].text if sentences else "Briefing",
        ),
        articles=tuple(cleaned),
        sentences=tuple(sentences),
        clusters=selection.clusters,
        key_points=key_points,
        events=events,
        reference=reference,
        derivations=graph.derivations,
        conflicts=conflicts,
        single_source=single,
        model=model_name,
        settings=config.record(),
        skipped=skipped,
        stories=(
            find_stories(
                cleaned, sentences, embeddings, distance=config.story_distance, min_share=config.story_min_share
            )
            if config.story_distance is not None
            else ()
        ),
    )


def _attributed(point: KeyPoint, sentences: Sequence[Sentence], row: dict[tuple[str, int], int]) -> KeyPoint:
    found = []
    for c in point.citations:
        who = find_attribution(sentences[row[(c.article_id, c.sentence_index)]].text)
        if who:
            found.append((c.article_id, who))
    rep = sentences[row[(point.representative.article_id, point.representative.sentence_index)]]
    return replace(point, attribution=find_attribution(rep.text), attributions=tuple(found))


def _dated(
    point: KeyPoint,
    sentences: Sequence[Sentence],
    row: dict[tuple[str, int], int],
    articles: Mapping[str, Article],
    resolver: DateResolver,
    references: Mapping[str, dt.date | None],
    tagged: dict[str, list[Timex]],
) -> KeyPoint:
    """The key point with the dates its relative expressions name ("Last week" in its article);
    ``tagged`` keeps the expressions of each article tagged so far."""
    rep = point.representative
    sentence = sentences[row[(rep.article_id, rep.sentence_index)]]
    article, reference = articles[rep.article_id], references.get(rep.article_id)
    if reference is not None and article.id not in tagged:
        tagged[article.id] = resolver.find(article.text, reference)
    dates = relative_dates(article, sentence, resolver, reference, found=tagged.get(article.id))
    return replace(point, dates=dates) if dates else point


def _undisputed(point: KeyPoint, conflicts: Sequence[Conflict], graph: SourceGraph) -> KeyPoint:
    """Cite for a key point only sentences whose figures agree with the representative's: a member
    giving another value for a measure the representative states is listed in ``disputed_by``."""
    rep = point.representative
    disputed: set[Citation] = set()
    members = set(point.citations) | set(point.related)
    for conflict in conflicts:
        claims = [q for side in conflict.sides for q in side.claims]
        mine = [q for q in claims if q.citation == rep]
        if not mine:
            continue
        for q in claims:
            if q.citation in members and q.citation != rep:
                same = [m for m in mine if m.measure == q.measure]
                if same and not any(agree(m, q) for m in same):
                    disputed.add(q.citation)
    if not disputed:
        return point
    return _recounted(
        point,
        tuple(c for c in point.citations if c not in disputed),
        graph,
        related=tuple(c for c in point.related if c not in disputed),
        disputed_by=tuple(c for c in (*point.citations, *point.related) if c in disputed),
    )


def _recounted(point: KeyPoint, kept: tuple[Citation, ...], graph: SourceGraph, **moved: object) -> KeyPoint:
    """``point`` citing only ``kept``, its articles and independent sources counted again, with the
    fields ``moved`` says (where the others went)."""
    return replace(
        point,
        citations=kept,
        source_count=len({c.article_id for c in kept}),
        independent_count=int(graph.independent_count([c.article_id for c in kept])),
        **moved,  # type: ignore[arg-type]
    )


def _same_figures(
    point: KeyPoint, sentences: Sequence[Sentence], row: dict[tuple[str, int], int], graph: SourceGraph
) -> KeyPoint:
    """Cite for a key point no member that states something else: one whose distinctive figures
    (:func:`digest.quantities.figures_apart`) are all other ones of a kind the representative gives
    ("BP has paid out $104 million" is no citation for "BP has paid $71 million out of an estimated
    $600 million"), leaving out those the representative gives as earlier ones ("NOAA experts now
    estimate 5,000 barrels a day ..., far more than the previous estimate of 1,000": "Some 1,000
    barrels of oil a day are leaking" says something else). It is listed in ``other_figures``."""
    from digest.quantities import bound_figures, distinctive_figures, figures_apart

    def text(c: Citation) -> str:
        return sentences[row[(c.article_id, c.sentence_index)]].text

    def apart(c: Citation) -> bool:
        member = text(c)
        return figures_apart(quoted, distinctive_figures(member), bounds=bounds | bound_figures(member))

    rep = text(point.representative)
    for start, end in not_current(rep):
        rep = rep[:start] + " " * (end - start) + rep[end:]
    quoted = distinctive_figures(rep)
    if not quoted:
        return point
    bounds = bound_figures(rep)
    other = {c for c in point.citations if c != point.representative and apart(c)}
    if not other:
        return point
    return _recounted(
        point,
        tuple(c for c in point.citations if c not in other),
        graph,
        other_figures=tuple(c for c in point.citations if c in other),
    )


def _single_source(
    clusters: Sequence[Cluster],
    sentences: Sequence[Sentence],
    row: dict[tuple[str, int], int],
    graph: SourceGraph,
    is_filler: Callable[[Sentence], bool],
) -> tuple[tuple[Citation, str, str], ...]:
    out = []
    for cluster in clusters:
        if graph.independent_count([a for a, _ in cluster.members]) > 1:
            continue
        rep = sentences[row[cluster.representative]]
        if rep.key in graph.uncopied:
            note = f"not reproduced by any copy of {rep.article_id}"
        elif not is_specific(rep.text):
            note = "no named actor, number or place"
        else:
            note = "uncorroborated"
        out.append((citation_of(rep), rep.text, note))
    return tuple(out)


def _precomputed(embeddings: object, n_sentences: int, n_titles: int) -> np.ndarray:
    """Given embeddings as a float array: a row per sentence, and optionally one per title."""
    import numpy as np

    try:
        vectors = np.asarray(embeddings, dtype=np.float32)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"precomputed embeddings are not an array of numbers ({exc})") from None
    if vectors.ndim != 2 or vectors.shape[1] == 0:
        raise ConfigError(
            f"precomputed embeddings must be a 2-D array (one row per sentence), not of shape {vectors.shape}"
        )
    if vectors.shape[0] not in (n_sentences, n_sentences + n_titles):
        expected = f"{n_sentences} (one per sentence)"
        if n_titles:
            expected += f" or {n_sentences + n_titles} (then one per title)"
        raise ConfigError(f"precomputed embeddings have {vectors.shape[0]} rows; expected {expected}")
    if not np.isfinite(vectors).all():
        raise ConfigError("precomputed embeddings hold NaN or infinite values")
    return vectors


def texts_to_embed(articles: Sequence[Article], sentences: Sequence[Sentence]) -> list[str]:
    """What :func:`run` embeds for ``prepare``'s output, in order: the sentences, then the titles of
    the articles that have one. Embeddings of these, passed to :func:`run`, give the briefing the
    embedder gives."""
    return [s.text for s in sentences] + [a.title for a in articles if a.title]


def prepare(articles: Sequence[Article], *, skip_unusable: bool = False) -> tuple[list[Article], list[Sentence]]:
    """Clean and segment; the sentence list is what embeddings are aligned to. An article with
    no usable sentences is an error, or with ``skip_unusable`` left out (see
    :func:`digest.segment.usable`)."""
    kept, sentences, _skipped = _prepare(articles, skip_unusable=skip_unusable)
    return kept, sentences


def _prepare(
    articles: Sequence[Article], *, skip_unusable: bool
) -> tuple[list[Article], list[Sentence], tuple[Skipped, ...]]:
    cleaned = clean_articles(articles)
    sentences: list[Sentence] = []
    for article in english_articles(cleaned):
        found = [s for s in sentences_of(article) if len(words(s.text)) >= 2]
        # Re-index densely so (article_id, index) stays the identity after filtering.
        sentences.extend(Sentence(s.article_id, i, s.start, s.end, s.text) for i, s in enumerate(found))
    sentences = cut_run_in_boxes(sentences)  # a box a site runs into its pages' sentences
    kept, skipped = usable(cleaned, sentences, skip_unusable=skip_unusable, originals={a.id: a.text for a in articles})
    return kept, sentences, skipped


# Headlines longer than this are mostly a headline with its caption or standfirst run in.
_TITLE_MAX_WORDS = 14
# A section label that marks a headline as a column's ("Opinion | ...", "Comment: ...").
_COLUMN_LABEL = re.compile(r"^\W*(?:opinion|comment|commentary|editorial|op-ed|column|letters?)\s*[:|–—]\s*", re.I)
# A name before a colon: a columnist's or a speaker's ("Kenneth Pollack: With president's
# resignation, ...", "Nicola Sturgeon: 'The patients ...'"), or a feature's ("Deepwater Horizon: what
# went wrong?", "Swine Flu: Your questions answered"); a story's label is in lower case ("Gulf oil
# spill: ...").
_NAME_LABEL = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z'’-]+){1,2}:\s")
# A headline that is all one quotation is someone's words ("'My mission to help Haiti rebuild'").
_ALL_QUOTED = re.compile(r"^[\"'“‘][^\"'“”‘’]+[\"'”’]$")


def _title(articles: Sequence[Article], embeddings: np.ndarray, title_vectors: np.ndarray | None, fallback: str) -> str:
    titles = [a.title for a in articles if a.title]
    if not titles:
        text = fallback.rstrip(".")
        return text if len(text) <= 90 else text[:87].rsplit(" ", 1)[0] + "…"
    if title_vectors is None or len(title_vectors) != len(titles):
        return titles[0]
    centroid = embeddings.mean(axis=0)
    scores = title_vectors @ centroid
    # A headline that asks, exclaims or answers is a column's, not the story's ("BP oil spill: can you
    # fix it?", "Obama plays golf during BP oil spill!", "Yes, the BP oil spill is Obama's Katrina"),
    # and so is one under a column's label ("Opinion | The government cannot protect us") or a name's
    # ("Kenneth Pollack: With president's resignation, ...").
    plain = [
        i
        for i, t in enumerate(titles)
        if not (
            is_question(t)
            or t.rstrip().endswith("!")
            or opens_with_reference(t)
            or _COLUMN_LABEL.match(t)
            or _NAME_LABEL.match(t)
            or _ALL_QUOTED.match(t.strip())
        )
    ]
    # A longer "headline" is mostly a headline with its caption or standfirst run in ("Conrad Murray
    # drops claim Jackson swallowed propofol Dr Murray say he was trying to wean ..."), and it wins
    # on centrality by its extra words: a short one is preferred.
    return titles[
        max(
            plain or range(len(titles)),
            key=lambda i: (len(titles[i].split()) <= _TITLE_MAX_WORDS, float(scores[i]), -i),
        )
    ]
