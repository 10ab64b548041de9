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
    "timebank.jsonl": (0.91, 0.94, 0.83),
    "aquaint.jsonl": (0.836, 0.93, 0.77),
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


@pytest.mark.parametrize(
    "gold,pred,kind",
    [
        (("DATE", "2000-W7"), ("DATE", "2000-W07"), "notation"),
        (("DATE", "198X"), ("DATE", "198"), "notation"),
        (("DATE", "1949-XX"), ("DATE", "1949"), "notation"),
        (("DURATION", "1998-08-04"), ("DATE", "1998-W32"), "gold type/value mismatch"),
        (("DATE", "P1W"), ("DATE", "1998-W33"), "gold type/value mismatch"),
        (("DATE", "1989-WXX"), ("DATE", "1989-W43"), "gold unspecified"),
        (("DATE", "1988"), ("DATE", "1988-Q3"), "granularity"),
        (("DATE", "1998-10-23"), ("TIME", "1998-10-23TNI"), "granularity"),
        (("DATE", "2000-01-05"), ("DATE", "2000-01-12"), "other"),
        (("DURATION", "P2Q"), ("DURATION", "P6M"), "other"),
        (("DATE", "1990-02"), ("DATE", "1989-02"), "other"),
    ],
)
def test_value_error_kind(gold: tuple[str, str], pred: tuple[str, str], kind: str) -> None:
    bench = _bench()
    g = bench.Span(0, 4, gold[0], gold[1])
    p = bench.Span(0, 4, pred[0], pred[1])
    assert bench.value_error_kind(g, p) == kind
