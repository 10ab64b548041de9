"""Accuracy gate: digest.timex on TimeBank and AQUAINT (TempEval-3 training data).

Pinned minimums sit a little below the measured scores; they may only rise.
Skipped when ../shared/eval/timex is absent.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared/eval/timex"

# file -> (strict F1, relaxed F1, value F1) minimums
PINNED = {
    "timebank.jsonl": (0.91, 0.94, 0.828),
    "aquaint.jsonl": (0.832, 0.928, 0.76),
}


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("timex_bench", ROOT / "benchmarks" / "timex.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["timex_bench"] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("name", sorted(PINNED))
def test_timex_accuracy(name: str) -> None:
    path = DATA / name
    if not path.exists():
        pytest.skip(f"evaluation data not found: {path}")
    bench = _bench()
    docs = bench.load(path)
    golds = [bench.gold_spans(d) for d in docs]
    preds, cps = bench.run_digest(docs, repeats=1)
    s = bench.score(golds, preds, cps)
    strict, relaxed, value = PINNED[name]
    got = f"strict {s.strict_f1:.3f} relaxed {s.relaxed_f1:.3f} value {s.value_f1:.3f}"
    assert s.strict_f1 >= strict, got
    assert s.relaxed_f1 >= relaxed, got
    assert s.value_f1 >= value, got
