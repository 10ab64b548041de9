"""Stories: whether a collection's articles tell one story or several.

digest briefs one story: its key points, disagreements and timeline assume the articles report the
same events. A folder of a day's news, or two topics pooled, holds several, and a briefing of it
mixes them (the BP spill's key points beside a swine-flu count). Each article is the mean of its
sentence vectors; average-linkage clustering joins articles while the mean cosine distance
between two groups is at most ``Config.story_distance``; a group of at least ``story_min_share``
of the articles (and at least :data:`MIN_STORY` of them) is a story; the articles of smaller
groups are in none. Two stories or more are named in the briefing.

Measured with ``benchmarks/stories.py`` on the Timeline17 topics and the seeds, alone and pooled.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from digest.types import Article, Sentence, Story

if TYPE_CHECKING:
    import numpy as np

# A story is told by at least this many articles.
MIN_STORY = 3
# Above this many articles the groups are found on an even sample of them (average linkage keeps
# n^2 / 2 distances: 16 MB at 2,000 articles), and every other article joins the group of the
# sampled article most like it.
MAX_LINKED = 2000


def article_means(sentences: Sequence[Sentence], embeddings: np.ndarray) -> tuple[list[str], np.ndarray]:
    """The ids of the articles that have sentences (in sentence order) and each one's mean sentence
    vector, a text repeated within an article counted once (a page repeating a filler paragraph a
    hundred times is not about the filler)."""
    import numpy as np

    rows: dict[str, dict[str, int]] = {}
    for i, s in enumerate(sentences):
        rows.setdefault(s.article_id, {}).setdefault(s.text, i)
    if not rows:
        return [], np.zeros((0, embeddings.shape[1]), dtype=embeddings.dtype)
    return list(rows), np.stack([embeddings[list(own.values())].mean(axis=0) for own in rows.values()])


def find_stories(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    embeddings: np.ndarray,
    *,
    distance: float,
    min_share: float,
) -> tuple[Story, ...]:
    """The stories the articles tell, largest first, when they tell two or more; else ``()``. An
    article of a group too small to be a story is in none."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage

    ids, means = article_means(sentences, embeddings)
    vectors = means.astype(np.float64)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors /= np.where(norms == 0, 1, norms)
    smallest = max(MIN_STORY, min_share * len(ids))
    if len(ids) < 2 * smallest:
        return ()
    step = -(-len(ids) // MAX_LINKED)  # an even sample: every step-th article
    sample = vectors[::step]
    labels = fcluster(linkage(sample, method="average", metric="cosine"), distance, criterion="distance")
    if step > 1:  # every other article takes the group of the sampled article most like it
        labels = np.concatenate(
            [labels[(vectors[i : i + 2048] @ sample.T).argmax(axis=1)] for i in range(0, len(ids), 2048)]
        )
    found, counts = np.unique(labels, return_counts=True)
    big = [int(label) for label, count in zip(found, counts, strict=True) if count >= smallest]
    if len(big) < 2:
        return ()
    titles = {a.id: " ".join(a.title.split()) for a in articles if a.title}
    stories = []
    for label in big:
        members = np.flatnonzero(labels == label)
        centre = vectors[members].mean(axis=0)
        by_centrality = [ids[i] for i in members[np.argsort(-(vectors[members] @ centre), kind="stable")].tolist()]
        title = next((titles[a] for a in by_centrality if a in titles), None)
        stories.append(
            Story(
                article_ids=tuple(ids[i] for i in members.tolist()),
                title=title or _central_statement(set(by_centrality), sentences, embeddings, centre),
            )
        )
    position = {a: i for i, a in enumerate(ids)}
    return tuple(sorted(stories, key=lambda s: (-len(s.article_ids), position[s.article_ids[0]])))


def _central_statement(
    members: set[str], sentences: Sequence[Sentence], embeddings: np.ndarray, centre: np.ndarray
) -> str:
    """A story without headlines: its sentence nearest its centre that states something by itself."""
    from digest.select import self_contained, states_something

    rows = [i for i, s in enumerate(sentences) if s.article_id in members]
    scores = embeddings[rows] @ centre.astype(embeddings.dtype)
    ranked = [rows[k] for k in sorted(range(len(rows)), key=lambda k: (-float(scores[k]), k))]
    for i in ranked:
        text = sentences[i].text
        if states_something(text, max_words=_LABEL_WORDS) and self_contained(text) >= 1.0:
            return " ".join(text.split())
    return " ".join(sentences[ranked[0]].text.split())


# A story's label, when its articles have no headline, is a sentence of at most this many words.
_LABEL_WORDS = 30
