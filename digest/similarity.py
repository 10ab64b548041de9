"""Pairs of similar rows of an embedding matrix, found block by block (bounded memory)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


def similar_pairs(
    embeddings: np.ndarray, rows: Sequence[int], threshold: float, *, block: int = 2048
) -> Iterator[tuple[int, int, float]]:
    """``(i, j, cosine)`` for rows ``i`` before ``j`` in ``rows`` whose cosine is at least ``threshold``.

    Memory is ``block x len(rows)`` floats, not ``len(rows)^2``.
    """
    import numpy as np

    index = np.asarray(rows, dtype=np.int64)
    matrix = embeddings[index]
    for start in range(0, len(index), block):
        sims = matrix[start : start + block] @ matrix[start:].T
        hits = np.argwhere(sims >= threshold)
        hits = hits[hits[:, 1] > hits[:, 0]]  # each pair once, no row with itself
        values = sims[hits[:, 0], hits[:, 1]].tolist()
        firsts = index[start + hits[:, 0]].tolist()
        seconds = index[start + hits[:, 1]].tolist()
        yield from zip(firsts, seconds, values, strict=True)
