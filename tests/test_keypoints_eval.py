"""Evaluation gate: key points of a day's coverage (``benchmarks/keypoints.py --days 4``).

For the four busiest gold days of each Timeline17 topic (16 days; MJ has none with 10 articles),
``digest build`` runs on that day's articles with the real packaged model, and each key point is
scored by its best ROUGE-1 match among the gold sentences journalists recorded for that day and the
day before. The pinned minimums sit a little below the measured means and may only rise.
Skipped when ../shared/eval/t17 is absent.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, T17

# Measured 2026-11-22: r1 0.173, hit 0.15 (cc370ac); with the specificity weight 0.183, 0.164.
# 2026-11-23: 0.185, 0.17 before key points ranked with their echoes; 0.206, 0.21 with them.
# Eight random sentences: r1 0.079, hit 0.02. 2026-11-24, headlines split off by the words the
# collection writes in lower case: 0.204, 0.20 (r2 0.082 -> 0.085).
# 2026-11-25, statements ranked by the members they cite, not all their cluster gathers: 0.219, 0.21
# (r2 0.092; whole topics 0.377 -> 0.422, hit 0.53 -> 0.65).
PINNED_R1 = 0.21
PINNED_HIT = 0.20


@pytest.mark.slow
def test_key_points_of_a_days_coverage_meet_the_pinned_minimums(tmp_path: Path, t17_days_cache: Path) -> None:
    if not T17.is_dir():
        pytest.skip(f"Timeline17 data not found at {T17} (shared evaluation data is not checked out)")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from benchmarks.keypoints import main

    out = tmp_path / "days.json"
    assert main(["--data", str(T17), "--days", "4", "--json", str(out), "--cache", str(t17_days_cache)]) == 0
    result = json.loads(out.read_text())
    assert len(result["days"]) == 16
    mean, floor = result["mean"], result["random"]
    assert mean["r1"] >= PINNED_R1, mean
    assert mean["hit"] >= PINNED_HIT, mean
    assert mean["r1"] > floor["r1"] + 0.05, (mean, floor)  # well above sentences drawn at random
