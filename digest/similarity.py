"""Pairs of similar rows of an embedding matrix, found block by block (bounded memory)."""

from __future__ import annotations

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
    groups: Sequence[int] | None = None,
) -> Iterator[tuple[int, int, float]]:
    """``(i, j, cosine)`` for rows ``i`` before ``j`` in ``rows`` whose cosine is at least ``threshold``.

    ``groups``: a group number for each of ``rows``; two rows of one group (e.g. sentences of one
    article) are never a pair, and are left out before any pair is listed, so a long group of
    near-identical rows costs no more than the products.
    Memory is ``block x len(rows)`` floats, not ``len(rows)^2``.
    """
    import numpy as np

    index = np.asarray(rows, dtype=np.int64)
    group = None if groups is None else np.asarray(groups, dtype=np.int64)
    if group is not None and group.shape != index.shape:
        raise ValueError(f"groups has {group.size} entries for {index.size} rows")
    if group is not None and (group == group[:1]).all():
        return  # one group: no pair to look for
    matrix = embeddings[index]
    for start in range(0, len(index), block):
        sims = matrix[start : start + block] @ matrix[start:].T
        close = sims >= threshold
        if group is not None:
            close &= group[start : start + block, None] != group[None, start:]
        hits = np.argwhere(close)
        hits = hits[hits[:, 1] > hits[:, 0]]  # each pair once, no row with itself
        values = sims[hits[:, 0], hits[:, 1]].tolist()
        firsts = index[start + hits[:, 0]].tolist()
        seconds = index[start + hits[:, 1]].tolist()
        yield from zip(firsts, seconds, values, strict=True)
