"""Clustering sentences into statements.

The default clusterer is hdbscan over L2-normalized sentence embeddings with
the euclidean metric (on unit vectors, |a-b|^2 = 2 - 2cos, so this is cosine
order), ``min_cluster_size=2`` (a statement made twice is a cluster) and
``min_samples=1`` (no smoothing of density: near-duplicates across sources are
the clusters we want; larger values push paraphrases to noise), with the
``generic`` algorithm (measured ~15x faster than the tree algorithms on
384-dimensional vectors, same labels) and ``leaf`` selection (the finest
clusters: a statement, not a topic).

Leaf selection has the opposite fault in a large collection: a statement that hundreds of
articles make in their own words falls into many leaves, each with a few of its sources.
:func:`merge_leaves` joins leaves whose centroids are nearly the same direction (cosine at
least ``leaf_merge_similarity``, 0.85 by default) into one statement.

hdbscan's single-linkage tree can chain (and with ``min_cluster_size=2`` it
groups loose leftovers): :func:`refine` then keeps at most one sentence per
article in a cluster (the one most similar to the others) and drops members
whose cosine similarity to the mean of the other members is below
``min_similarity`` (for a pair, their cosine); dropped sentences become
single-source statements of their own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from digest.config import Config

if TYPE_CHECKING:
    import numpy as np


class Clusterer(Protocol):
    """Labels each row of an embedding matrix with a cluster id, or -1 for none."""

    def fit_labels(self, embeddings: np.ndarray) -> np.ndarray:
        """One integer label per row of ``embeddings``: a cluster id, or -1 for a sentence in none."""
        ...


# Sentences either side of a cut that go to both cells: a statement the cut runs through is whole in
# one of them at least, and its clusters in the two cells are one through the sentences they share.
_CUT_OVERLAP = 32


class HdbscanClusterer:
    """hdbscan on blocks of at most ``block_size`` sentences.

    The generic algorithm needs an n x n distance matrix (about 11 GB at 37,000 sentences),
    so larger collections are first cut into cells of at most a block (:meth:`_cells`) and
    hdbscan runs in each cell: a statement's near-duplicate sentences sit close together and
    land in the same cell, while memory stays O(block_size^2) however large the collection.
    Cells overlap at their cuts: clusters of two cells that share two sentences or more are one,
    and a sentence clustered in both cells otherwise stays with the cluster nearer to it.
    """

    def __init__(
        self,
        *,
        min_cluster_size: int = Config.min_cluster_size,
        min_samples: int = Config.min_samples,
        block_size: int = 4000,
    ) -> None:
        self.min_cluster_size = min_cluster_size
        self.min_samples = min_samples
        self.block_size = block_size

    def fit_labels(self, embeddings: np.ndarray) -> np.ndarray:
        import numpy as np

        from digest.unionfind import UnionFind

        n = len(embeddings)
        if n <= self.block_size:
            return self._fit_block(embeddings)
        labels = np.full(n, -1, dtype=np.int64)
        found_in: list[tuple[int, int]] = []  # (row, cluster) for rows clustered in a second cell
        offset = 0
        for cell in self._cells(embeddings):
            block = self._fit_block(embeddings[cell])
            for row, label in zip(cell.tolist(), block.tolist(), strict=True):
                if label < 0:
                    continue
                if labels[row] < 0:
                    labels[row] = label + offset
                else:
                    found_in.append((row, label + offset))
            offset += int(block.max()) + 1 if (block >= 0).any() else 0
        # Two clusters are one when they share two sentences or more. One shared sentence may be a
        # cell's edge attached to the nearest cluster there: it goes with the cluster nearer to it.
        shared = Counter((int(labels[row]), label) for row, label in found_in)
        sets = UnionFind(range(offset))
        for (a, b), count in sorted(shared.items()):
            if count >= 2:
                first, second = sorted((sets.find(a), sets.find(b)))
                sets.union(first, second)
        labels = np.asarray([sets.find(x) if x >= 0 else -1 for x in labels.tolist()], dtype=np.int64)
        for row, label in found_in:
            other = sets.find(label)
            if other != labels[row] and self._nearer(embeddings, labels, row, other):
                labels[row] = other
        return labels

    @staticmethod
    def _nearer(embeddings: np.ndarray, labels: np.ndarray, row: int, other: int) -> bool:
        """Whether ``row`` is more similar to the centroid of cluster ``other`` than to that of its
        own cluster without it."""
        import numpy as np

        own = np.flatnonzero(labels == labels[row])
        own = own[own != row]
        theirs = np.flatnonzero(labels == other)
        if not len(theirs):
            return False
        if not len(own):
            return True
        vector = embeddings[row]
        return float(embeddings[theirs].mean(axis=0) @ vector) > float(embeddings[own].mean(axis=0) @ vector)

    def _cells(self, embeddings: np.ndarray) -> list[np.ndarray]:
        """Row indices of cells of at most ``block_size`` rows: a set too large is cut in two halves
        at the median of its first principal component (with :data:`_CUT_OVERLAP` rows either side
        in both), and each half again until it fits.

        The cut depends on the whole set only through its principal direction and median, which
        one sentence more or less hardly moves: a grown collection keeps its cells, but for the
        few sentences nearest a cut. (k-means cells moved a fifth of the clustered pairs when one
        sentence of 28,759 was left out.)"""
        import numpy as np

        pending = [np.arange(len(embeddings))]
        cells: list[np.ndarray] = []
        while pending:
            rows = pending.pop()
            if len(rows) <= self.block_size:
                cells.append(rows)
                continue
            x = embeddings[rows].astype(np.float64)
            x -= x.mean(axis=0)
            _, vectors = np.linalg.eigh(x.T @ x)
            order = np.argsort(x @ vectors[:, -1], kind="stable")
            half = len(rows) // 2
            overlap = min(_CUT_OVERLAP, (self.block_size - 1) // 4)
            pending.extend([np.sort(rows[order[: half + overlap]]), np.sort(rows[order[half - overlap :]])])
        return sorted(cells, key=lambda c: int(c[0]))

    def _fit_block(self, embeddings: np.ndarray) -> np.ndarray:
        import numpy as np

        n = len(embeddings)
        if n < max(self.min_cluster_size, 2):
            return np.full(n, -1, dtype=np.int64)
        import hdbscan

        model = hdbscan.HDBSCAN(
            min_cluster_size=self.min_cluster_size,
            min_samples=self.min_samples,
            metric="euclidean",
            algorithm="generic",
            cluster_selection_method="leaf",
            allow_single_cluster=True,
        )
        labels = np.asarray(model.fit_predict(np.asarray(embeddings, dtype=np.float64)), dtype=np.int64)
        return _identical_rows_together(embeddings, labels, self.min_cluster_size)


def _identical_rows_together(embeddings: np.ndarray, labels: np.ndarray, min_cluster_size: int) -> np.ndarray:
    """hdbscan calls a set of identical vectors noise when nothing else is near (five copies of one
    one-sentence wire item): at least ``min_cluster_size`` identical rows left as noise form a cluster."""
    import numpy as np

    _, group, counts = np.unique(embeddings, axis=0, return_inverse=True, return_counts=True)
    group = group.reshape(-1)
    labels = labels.copy()
    for g in np.flatnonzero(counts >= min_cluster_size).tolist():
        rows = np.flatnonzero(group == g)
        if (labels[rows] == -1).all():
            labels[rows] = int(labels.max()) + 1
    return labels


def merge_leaves(labels: np.ndarray, embeddings: np.ndarray, *, min_similarity: float) -> np.ndarray:
    """One label for clusters whose centroids are at least ``min_similarity`` similar (cosine),
    and for clusters linked through such pairs; each merged cluster keeps its smallest label."""
    import numpy as np

    from digest.similarity import similar_pairs
    from digest.unionfind import UnionFind

    ids = sorted(set(labels.tolist()) - {-1})
    if len(ids) < 2:
        return labels
    centroids = _unit_rows(_label_sums(labels, embeddings, ids))
    sets = UnionFind(range(len(ids)))
    for i, j, _ in similar_pairs(centroids.astype(np.float32), range(len(ids)), min_similarity):
        sets.union(min(sets.find(i), sets.find(j)), max(sets.find(i), sets.find(j)))
    root = {ids[k]: ids[sets.find(k)] for k in range(len(ids))}
    return np.asarray([root[label] if label >= 0 else -1 for label in labels.tolist()], dtype=labels.dtype)


def _label_sums(labels: np.ndarray, embeddings: np.ndarray, ids: Sequence[int]) -> np.ndarray:
    """The sum of each cluster's member vectors (float64), one row per label of ``ids``, in order."""
    import numpy as np

    sums = np.zeros((int(labels.max()) + 1, embeddings.shape[1]), dtype=np.float64)
    np.add.at(sums, labels[labels >= 0], embeddings[labels >= 0])
    return sums[list(ids)]


def _unit_rows(rows: np.ndarray) -> np.ndarray:
    """``rows`` scaled to unit length (a zero row stays zero)."""
    import numpy as np

    return rows / np.where((norms := np.linalg.norm(rows, axis=1, keepdims=True)) == 0, 1, norms)


def _loo_similarity(vectors: np.ndarray) -> np.ndarray:
    """Each row's cosine similarity to the mean of the other rows (for a pair: their cosine)."""
    import numpy as np

    if len(vectors) < 2:
        return np.ones(len(vectors), dtype=np.float32)
    total = vectors.sum(axis=0)
    others = total[None, :] - vectors
    norms = np.linalg.norm(others, axis=1)
    return (vectors * others).sum(axis=1) / np.where(norms == 0, 1, norms)


def refine(labels: np.ndarray, embeddings: np.ndarray, groups: Sequence[str], *, min_similarity: float) -> np.ndarray:
    """One member per group (article) per cluster, each close to the centroid; renumbered in order."""
    import numpy as np

    labels = labels.copy()
    for label in sorted(set(labels.tolist()) - {-1}):
        idx = np.flatnonzero(labels == label)
        # One sentence per article: the one most similar to the rest of the cluster.
        best: dict[str, tuple[float, int]] = {}
        for i, s in zip(idx.tolist(), _loo_similarity(embeddings[idx]).tolist(), strict=True):
            if groups[i] not in best or s > best[groups[i]][0]:
                best[groups[i]] = (s, i)
        chosen = {i for _, i in best.values()}
        labels[[i for i in idx.tolist() if i not in chosen]] = -1
        idx = np.asarray(sorted(chosen), dtype=np.int64)
        # Then drop, one at a time, the member least similar to the others while it is below the bar.
        while len(idx) >= 2:
            sims = _loo_similarity(embeddings[idx])
            worst = int(sims.argmin())
            if sims[worst] >= min_similarity:
                break
            labels[idx[worst]] = -1
            idx = np.delete(idx, worst)
        if len(idx) < 2:
            labels[idx] = -1
    # Renumber by first member so ids are stable and dense.
    order: dict[int, int] = {}
    out = np.full(len(labels), -1, dtype=np.int64)
    for i, label in enumerate(labels.tolist()):
        if label >= 0:
            out[i] = order.setdefault(label, len(order))
    return out


def merge_on_figures(
    labels: np.ndarray, embeddings: np.ndarray, texts: Sequence[str], *, min_similarity: float
) -> np.ndarray:
    """One label for clusters that give the same distinctive figure (an amount of money, a share, a
    count of thousands in digits: :func:`digest.quantities.distinctive_figures`, stated by at least half
    of each cluster's members; a round count in words, "two million", "a million", is too common to
    make two clusters one statement: with it, bpoil's whole-topic key points fell from 0.408 to 0.396
    on benchmarks/keypoints.py) and whose centroids are at least ``min_similarity`` similar: "BP has agreed to
    place $20bn (£13.5 bn) in a special fund ..." and "BP Plc agreed on Wednesday to set up a $20 billion
    fund ..." are one statement in two outlets' words, which hdbscan's leaves keep apart."""
    import numpy as np

    from digest.quantities import distinctive_figures
    from digest.similarity import similar_pairs
    from digest.unionfind import UnionFind

    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels.tolist()):
        if label >= 0:
            members.setdefault(label, []).append(i)
    given = {i: distinctive_figures(texts[i], words=False) for rows in members.values() for i in rows}
    figures: dict[int, set[tuple[str, float, float]]] = {}
    for label, rows in members.items():
        counts: Counter[tuple[str, float, float]] = Counter()
        for i in rows:
            counts.update(given[i])
        if common := {f for f, n in counts.items() if 2 * n >= len(rows)}:
            figures[label] = common
    ids = sorted(figures)
    if len(ids) < 2:
        return labels
    sums = _label_sums(labels, embeddings, ids)
    centroids = _unit_rows(sums)
    # Most similar pairs first. A merged group keeps only the figures all its clusters give, and two
    # groups join only while they share one and their centroids stay similar: no chain of pairs from
    # "35,000-60,000 barrels" through "35,000-60,000 and 15,000 captured" to "15,000 barrels", nor
    # from the "$20bn fund" to a congressman's "$20bn shakedown".
    sets = UnionFind(range(len(ids)))
    common = [set(figures[label]) for label in ids]
    pairs = sorted(
        similar_pairs(centroids.astype(np.float32), range(len(ids)), min_similarity), key=lambda t: (-t[2], t[0], t[1])
    )
    for i, j, _ in pairs:
        a, b = sets.find(i), sets.find(j)
        if a == b or not common[a] & common[b]:
            continue
        cosine = float(sums[a] @ sums[b]) / ((float(np.linalg.norm(sums[a])) * float(np.linalg.norm(sums[b]))) or 1.0)
        if cosine < min_similarity:
            continue
        keep, other = min(a, b), max(a, b)
        sets.union(keep, other)
        sums[keep] = sums[a] + sums[b]
        common[keep] = common[a] & common[b]
    root = {ids[k]: ids[sets.find(k)] for k in range(len(ids))}
    out = np.asarray([root.get(label, label) if label >= 0 else -1 for label in labels.tolist()], dtype=labels.dtype)
    # A member of a merged group that gives another figure of the group's kind, and not the group's,
    # says something else: "$38 billion to $60 billion in spill-related costs" beside BP's "$40 billion
    # estimate", "fines of up to $1,100 for each barrel" beside "up to $4,300".
    for group in sets.groups():
        if len(group) < 2:
            continue
        k = sets.find(group[0])
        kinds = {kind for kind, _, _ in common[k]}
        for i in np.flatnonzero(out == ids[k]).tolist():
            if not given[i] & common[k] and any(kind in kinds for kind, _, _ in given[i]):
                out[i] = -1
    return out
