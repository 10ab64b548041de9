"""Evaluation gate: key-point and timeline citations judged by reading (``benchmarks/citations.py``).

For the four busiest gold days of each Timeline17 topic and the example, ``digest build`` runs with
the real packaged model, and every member of every key point's statement is looked up in
``benchmarks/citation_judgments.tsv`` (does its sentence say what the key point quotes?); so is
every sentence a timeline entry cites or lists as related, in ``benchmarks/event_citation_judgments.tsv``.
Precision: judged members cited that say it; recall: members that say it that are cited. The pinned
minimums sit a little below the measured values and may only rise. Skipped when ../shared/eval/t17
is absent.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, T17

# Measured 2026-11-24 (digest.support, citation_probability 0.5): precision 0.854, recall 0.717,
# none unjudged; every member cited (citation_probability None): 0.476, 1.000. The weights were
# fitted on these judgments; leave-one-topic-out they give 0.753 / 0.678 (benchmarks/citations.py --fit).
# Stop 37 (headlines and captions split off their sentences): 0.843, 0.721, with 10 new pairs judged;
# timeline entries 0.831, 0.607; then with a date right after "after", "since", "until" ... no entry's
# own day (timeline.anchors_an_offset): 0.844, 0.651, with 19 more event pairs judged.
# 2026-11-25, key points ranked by the members they cite (96 new pairs judged by a helper blind to
# which were cited): 0.839, 0.888. Then with the echoes of a key point cited when they say it (61 new
# pairs judged by a helper blind to which were cited; 14 of the 18 echoes cited say it, 5 of the 43
# listed as related do): 0.834, 0.871.
PINNED_PRECISION = 0.83
PINNED_RECALL = 0.86
MAX_UNJUDGED = 5
# Timeline entries' citations (benchmarks/event_citation_judgments.tsv), measured 2026-11-24: precision
# 0.831, recall 0.600, none unjudged; every candidate cited (as before, citation_probability None):
# 0.539, 1.000. The model was not fitted on these pairs: they are held out. 2026-11-25, an undated lead
# naming no actor, place or figure is no entry (8 new pairs judged blind to which were cited): 0.833, 0.655.
PINNED_EVENT_PRECISION = 0.81
PINNED_EVENT_RECALL = 0.63


@pytest.mark.slow
def test_key_point_citations_meet_the_pinned_minimums(tmp_path: Path, t17_days_cache: Path) -> None:
    if not T17.is_dir():
        pytest.skip(f"Timeline17 data not found at {T17} (shared evaluation data is not checked out)")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from benchmarks.citations import main

    out = tmp_path / "citations.json"
    assert main(["--data", str(T17), "--days", "4", "--json", str(out), "--cache", str(t17_days_cache)]) == 0
    record = json.loads(out.read_text())
    total = record["total"]
    assert total["unjudged"] <= MAX_UNJUDGED, total  # a change that cites other members needs judgments
    assert total["precision"] >= PINNED_PRECISION, total
    assert total["recall"] >= PINNED_RECALL, total
    events = record["events"]
    assert events["unjudged"] <= MAX_UNJUDGED, events
    assert events["precision"] >= PINNED_EVENT_PRECISION, events
    assert events["recall"] >= PINNED_EVENT_RECALL, events
