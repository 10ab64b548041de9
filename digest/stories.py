"""Stories: whether a collection's articles tell one story or several.

digest briefs one story: its key points, disagreements and timeline assume the articles report the
same events. A folder of a day's news, or two topics pooled, holds several, and a briefing of it
mixes them (the BP spill's key points beside a swine-flu count). Each article is the mean of its
sentence vectors; average-linkage clustering joins articles while the mean cosine distance
between two groups is at most ``Config.story_distance``; a group of at least ``story_min_share``
of the articles (and at least :data:`MIN_STORY` of them) is a story; the articles of smaller
groups are in none. Two such groups where enough of one's articles say what the other's say
(:func:`tell_one_story`) are one story: a side thread of the events, told in other words than the
news reports (a charity single for an earthquake's victims, among reports on the rescue), restates
their facts. Two stories or more are named in the briefing.

Measured with ``benchmarks/stories.py`` on the Timeline17 topics and the seeds, alone and pooled.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from digest.types import Article, Sentence, Skipped, Story
from digest.unionfind import UnionFind

if TYPE_CHECKING:
    import numpy as np

    from digest.config import Config

# A story is told by at least this many articles.
MIN_STORY = 3
# Two groups tell one story when at least JOIN_SHARE of the smaller one's articles (of at most
# MAX_JOIN_ARTICLES, an even sample) have a statement at least JOIN_SIMILARITY similar (cosine) to a
# statement of the other's (tell_one_story). Measured on the groups kept apart at story_distance in
# 12- and 31-day windows of the T17 topics, alone and two topics' windows pooled: of 26 pairs of one
# topic's groups, 22 have 0.22 to 0.57 of the smaller one's articles so (4, of 3 to 7 articles,
# none); of 112 pairs of two topics' groups, 110 have at most 0.08 (the other two join a group half
# of whose articles are of the other's topic). A window of 123 BBC articles on the Haiti earthquake
# splits into reports (64 articles) and celebrities' fundraising (18): 8 of the 18 restate the toll,
# the homeless or the telethon's total.
JOIN_SIMILARITY = 0.8
JOIN_SHARE = 0.15
MAX_JOIN_ARTICLES = 100
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


# An article is judged off the story only on this many sentences or more: one or two sentences
# (a video page's caption) are too few to tell.
MIN_OFF_STORY_SENTENCES = 3
# ... and only when fewer than this share of its sentences (and fewer than two) use the story's
# words (digest.tls.story_words): a side story of the same events names them ("a seven-year-old boy
# has raised more than £190,000 for victims of the Haiti earthquake"). On the 606 articles of up
# to 12 random days of 3 to 30 articles of each T17 topic, 5 are left out, each about something
# else (a blog on covering the L'Aquila quake, Asia's downturn, Six Flags, an Italian soap opera,
# Halloween; shares 0.00 to 0.11); the side stories that also say nothing the others say name the
# story in half their sentences or more (measured in stop 43).
OFF_STORY_WORD_SHARE = 0.15


def off_story(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    embeddings: np.ndarray,
    *,
    distance: float,
    shared: float,
    words: int,
) -> dict[str, str]:
    """Articles about something else than the rest of a collection of three or more, each with
    why: its mean vector is farther than ``distance`` (cosine) from every other article's but those
    about something else too, none of
    its sentences (at least :data:`MIN_OFF_STORY_SENTENCES`) is ``shared`` similar to a sentence of
    another article (it says nothing the others say), and few of them use any of the ``words``
    words most articles share (:data:`OFF_STORY_WORD_SHARE`). A radio schedule, a genealogy
    message board or a site's help page picked up with a week's stories about a trial; a short
    report in the story's own words shares a statement with another, and a side story names what
    the others are about."""
    import numpy as np

    from digest.text import content_words
    from digest.tls import story_words

    ids, means = article_means(sentences, embeddings)
    if len(ids) < 3:
        return {}
    owner = np.asarray([s.article_id for s in sentences])
    story = set(story_words(articles, sentences, count=words))
    found: dict[int, str] = {}  # article row -> why, by what its sentences say
    for k, article_id in enumerate(ids):
        own = np.flatnonzero(owner == article_id)
        others = np.flatnonzero(owner != article_id)
        if len(own) < MIN_OFF_STORY_SENTENCES or not len(others):
            continue
        naming = sum(bool(story.intersection(content_words(sentences[i].text))) for i in own.tolist())
        if naming >= max(2, OFF_STORY_WORD_SHARE * len(own)):  # one word in passing ("a new session") is none
            continue
        best = max(float((embeddings[own[i : i + 256]] @ embeddings[others].T).max()) for i in range(0, len(own), 256))
        if best < shared:
            found[k] = (
                f"is about something else: none of its {len(own):,} sentences says what another article says "
                f"(closest sentence similarity {best:.2f}), and {naming:,} use the words the others share"
            )
    # Far from every article of the story: two pages about something else (a radio schedule, a
    # page of sports quotes) may be nearer each other than to any report.
    rest = [k for k in range(len(ids)) if k not in found]
    if not found or not rest:
        return {}
    vectors = means.astype(np.float64)
    vectors /= np.where((norms := np.linalg.norm(vectors, axis=1, keepdims=True)) == 0, 1, norms)
    nearest = 1.0 - (vectors[sorted(found)] @ vectors[rest].T).max(axis=1)
    return {
        ids[k]: why for (k, why), far in zip(sorted(found.items()), nearest.tolist(), strict=True) if far > distance
    }


def without_off_story(
    articles: Sequence[Article], sentences: Sequence[Sentence], embeddings: np.ndarray, config: Config
) -> tuple[list[Article], list[Sentence], list[int], tuple[Skipped, ...]]:
    """``articles`` and ``sentences`` without those of the articles :func:`off_story` finds in a
    collection of up to ``config.large_collection`` articles (none when ``config.story_distance``
    or ``config.off_story_similarity`` is None), the rows of ``embeddings`` kept, and the articles
    left out, each with why."""
    rows = list(range(len(sentences)))
    distance, shared = config.story_distance, config.off_story_similarity
    if distance is None or shared is None or not 3 <= len(articles) <= config.large_collection:
        return list(articles), list(sentences), rows, ()
    off = off_story(
        articles, sentences, embeddings, distance=distance, shared=shared, words=config.timeline.story_words
    )
    if not off:
        return list(articles), list(sentences), rows, ()
    kept = [i for i in rows if sentences[i].article_id not in off]
    return (
        [a for a in articles if a.id not in off],
        [sentences[i] for i in kept],
        kept,
        tuple(Skipped(a.id, a.path, off[a.id]) for a in articles if a.id in off),
    )


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
    members_of = {label: [ids[i] for i in np.flatnonzero(labels == label).tolist()] for label in big}
    joined, rows = UnionFind(big), statements(sentences)
    for a, b in itertools.combinations(big, 2):
        if joined.find(a) != joined.find(b) and tell_one_story(
            members_of[a], members_of[b], sentences, embeddings, rows
        ):
            joined.union(a, b)
    for group in joined.groups():
        labels[np.isin(labels, group)] = group[0]
    big = [group[0] for group in joined.groups()]
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


def statements(sentences: Sequence[Sentence]) -> list[int]:
    """The rows of the sentences that are statements :func:`tell_one_story` compares: assertions
    that name an actor, a place or a figure, as an echo of a key point is
    (:func:`digest.select.is_specific`). Two stories' transcripts share "I don't know." and "Thanks
    for joining us."."""
    from digest.select import is_specific
    from digest.text import is_assertion

    return [i for i, s in enumerate(sentences) if is_assertion(s.text) and is_specific(s.text)]


def tell_one_story(
    group: Sequence[str],
    other: Sequence[str],
    sentences: Sequence[Sentence],
    embeddings: np.ndarray,
    rows: Sequence[int],
) -> bool:
    """Whether two groups of articles (ids) tell one story: at least :data:`JOIN_SHARE` of the
    smaller group's articles (an even sample of at most :data:`MAX_JOIN_ARTICLES`) have a statement
    at least :data:`JOIN_SIMILARITY` similar to a statement of the other group's articles ("It is
    believed the 7.0 magnitude quake on 12 January killed as many as 200,000 people." in an article
    on a charity single). ``rows``: the sentences that are statements (:func:`statements`)."""
    import numpy as np

    smaller, larger = sorted((group, other), key=len)
    step = -(-len(smaller) // MAX_JOIN_ARTICLES)
    sampled, within = set(smaller[::step]), set(larger)
    own = [i for i in rows if sentences[i].article_id in sampled]
    theirs = embeddings[[i for i in rows if sentences[i].article_id in within]]
    if not own or not len(theirs):
        return False
    best = np.concatenate([(embeddings[own[k : k + 1024]] @ theirs.T).max(axis=1) for k in range(0, len(own), 1024)])
    restating = {
        sentences[i].article_id for i, score in zip(own, best.tolist(), strict=True) if score >= JOIN_SIMILARITY
    }
    return len(restating) >= JOIN_SHARE * len(sampled)


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
