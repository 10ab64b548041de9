"""Disjoint sets: grouping items linked by pairs (copy families, subjects of figures)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class UnionFind(Generic[T]):
    def __init__(self, items: Iterable[T]) -> None:
        self._parent: dict[T, T] = {item: item for item in items}

    def find(self, item: T) -> T:
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, keep: T, other: T) -> None:
        """Join the two sets; ``keep``'s root stays the root."""
        self._parent[self.find(other)] = self.find(keep)

    def groups(self) -> list[list[T]]:
        """The sets, each in insertion order, ordered by their first item."""
        out: dict[T, list[T]] = {}
        for item in self._parent:
            out.setdefault(self.find(item), []).append(item)
        return list(out.values())
