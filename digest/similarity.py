"""Pairs of similar rows of an embedding matrix, found block by block (bounded memory)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


def similar_pairs(
    embeddings: np.ndarray,
    rows: Sequence[int],
    threshold: float,
    *,
    block: int = 2048,
    columns: int = 8192,
    groups: Sequence[int] | None = None,
) -> Iterator[tuple[int, int, float]]:
    """``(i, j, cosine)`` for rows ``i`` before ``j`` in ``rows`` whose cosine is at least ``threshold``,
    in the order of ``i``, then ``j``.

    ``groups``: a group number for each of ``rows``; two rows of one group (e.g. sentences of one
    article) are never a pair, and are left out before any pair is listed, so a long group of
    near-identical rows costs no more than the products.
    Memory is about ``block x columns`` floats, whatever the number of rows: a block of rows is
    compared with the rows after it ``columns`` at a time, a last span of fewer than half as many
    joined to the one before (a sliver of a product is one the linear algebra library may compute
    another way, to the last bit, than the whole).
    """
    import numpy as np

    index = np.asarray(rows, dtype=np.int64)
    group = None if groups is None else np.asarray(groups, dtype=np.int64)
    if group is not None and group.shape != index.shape:
        raise ValueError(f"groups has {group.size} entries for {index.size} rows")
    if group is not None and (group == group[:1]).all():
        return  # one group: no pair to look for
    matrix = embeddings[index]
    n = len(index)
    for start in range(0, n, block):
        head = matrix[start : start + block]
        found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        for first, last in _spans(start, n, columns):
            sims = head @ matrix[first:last].T
            close = sims >= threshold
            if group is not None:
                close &= group[start : start + block, None] != group[None, first:last]
            hits = np.argwhere(close)
            hits = hits[first + hits[:, 1] > start + hits[:, 0]]  # each pair once, no row with itself
            found.append((hits[:, 0], first + hits[:, 1], sims[hits[:, 0], hits[:, 1]]))
        mine = np.concatenate([f[0] for f in found])
        theirs = np.concatenate([f[1] for f in found])
        values = np.concatenate([f[2] for f in found])
        order = np.lexsort((theirs, mine))
        firsts = index[start + mine[order]].tolist()
        seconds = index[theirs[order]].tolist()
        yield from zip(firsts, seconds, values[order].tolist(), strict=True)


def _spans(start: int, stop: int, size: int) -> Iterator[tuple[int, int]]:
    """``[start, stop)`` in spans of ``size``; a last span shorter than half of it joins the one before."""
    edges = [*range(start, stop, size), stop]
    if len(edges) > 2 and edges[-1] - edges[-2] < size // 2:
        del edges[-2]
    yield from itertools.pairwise(edges)
