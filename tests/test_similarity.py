"""digest.similarity: pairs of similar rows, block by block."""

from __future__ import annotations

import numpy as np
import pytest

from digest.similarity import similar_pairs


def _unit_rows(n: int, seed: int = 0) -> np.ndarray:
    rows = np.random.default_rng(seed).normal(size=(n, 4)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def _brute_force(e: np.ndarray, rows: list[int], threshold: float, groups: list[int] | None) -> set[tuple[int, int]]:
    return {
        (rows[a], rows[b])
        for a in range(len(rows))
        for b in range(a + 1, len(rows))
        if float(e[rows[a]] @ e[rows[b]]) >= threshold and (groups is None or groups[a] != groups[b])
    }


@pytest.mark.parametrize("block", [1, 7, 2048])
def test_pairs_across_blocks_are_those_of_the_whole_matrix(block: int) -> None:
    e = _unit_rows(40)
    rows = list(range(3, 40, 2))
    found = list(similar_pairs(e, rows, 0.5, block=block))
    assert {(i, j) for i, j, _ in found} == _brute_force(e, rows, 0.5, None)
    assert len(found) == len({(i, j) for i, j, _ in found}) > 0  # each pair once
    assert all(abs(c - float(e[i] @ e[j])) < 1e-6 and c >= 0.5 for i, j, c in found)


@pytest.mark.parametrize("block", [1, 7, 2048])
def test_rows_of_one_group_are_never_a_pair(block: int) -> None:
    e = _unit_rows(30, seed=1)
    rows = list(range(30))
    groups = [i // 4 for i in rows]  # e.g. the article of each sentence
    found = {(i, j) for i, j, _ in similar_pairs(e, rows, 0.3, block=block, groups=groups)}
    assert found == _brute_force(e, rows, 0.3, groups)
    assert found < _brute_force(e, rows, 0.3, None)  # some same-group pairs were similar


def test_one_group_of_identical_rows_gives_no_pair() -> None:
    e = np.tile(np.asarray([[1.0, 0.0]], dtype=np.float32), (500, 1))
    assert list(similar_pairs(e, range(500), 0.9, block=64, groups=[0] * 500)) == []
    assert len(list(similar_pairs(e, range(500), 0.9, block=64))) == 500 * 499 // 2


def test_groups_must_match_the_rows() -> None:
    with pytest.raises(ValueError, match="groups has 2 entries for 3 rows"):
        list(similar_pairs(_unit_rows(3), [0, 1, 2], 0.5, groups=[0, 1]))


@pytest.mark.parametrize(("block", "columns"), [(1, 1), (7, 3), (7, 5), (2048, 4), (2048, 8192)])
def test_pairs_are_those_of_the_whole_matrix_in_row_then_column_order_whatever_the_spans(
    block: int, columns: int
) -> None:
    e = _unit_rows(60, seed=2)
    rows = list(range(60))
    groups = [i // 3 for i in rows]
    whole = list(similar_pairs(e, rows, 0.2, block=4096, columns=4096, groups=groups))
    found = list(similar_pairs(e, rows, 0.2, block=block, columns=columns, groups=groups))
    assert [(i, j) for i, j, _ in found] == [(i, j) for i, j, _ in whole] == sorted(_brute_force(e, rows, 0.2, groups))
    assert all(abs(c - float(e[i] @ e[j])) < 1e-6 for i, j, c in found)


def test_a_block_is_compared_a_bounded_number_of_columns_at_a_time() -> None:
    from digest.similarity import _spans

    assert list(_spans(0, 20_000, 8192)) == [(0, 8192), (8192, 20_000)]  # 3,616 left: no sliver of its own
    assert list(_spans(0, 22_000, 8192)) == [(0, 8192), (8192, 16_384), (16_384, 22_000)]
    assert list(_spans(100, 300, 8192)) == [(100, 300)]
    e = _unit_rows(50)
    products: list[tuple[int, ...]] = []

    class Recorded(np.ndarray):
        def __matmul__(self, other: np.ndarray) -> np.ndarray:
            products.append(np.shape(other))
            return np.asarray(self) @ np.asarray(other)

    list(similar_pairs(e.view(Recorded), range(50), 0.5, block=16, columns=8))
    assert products and max(shape[1] for shape in products) <= 8 + 8 // 2 - 1
