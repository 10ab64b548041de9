"""The Timeline17 reader of the benchmarks (benchmarks/t17.py): undoing Penn-Treebank tokens."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.t17 import detokenize


@pytest.mark.parametrize(
    ("tokens", "text"),
    [
        ("It -LRB- BP -RRB- said : `` We will pay . ''", 'It (BP) said: "We will pay."'),
        (
            "Official : U.S. , Egypt talk ways to ` move ' political transition forward",
            ("Official: U.S., Egypt talk ways to 'move' political transition forward"),
        ),
        ("Jackson family left ` speechless ' by star 's death", "Jackson family left 'speechless' by star's death"),
        ("the students ' rights , and the 9\\/11 attacks", "the students' rights, and the 9/11 attacks"),
        ("he said ` no . '", "he said 'no.'"),
        ("they ca n't go", "they can't go"),
    ],
)
def test_detokenize(tokens: str, text: str) -> None:
    assert detokenize(tokens) == text
