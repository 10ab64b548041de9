"""How ``benchmarks/conflicts.py`` judges a conflict from hand judgments of sentence pairs, and its
evaluation gates on whole T17 topics: haiti and H1N1, and bpoil for flow rates (skipped when
../shared/eval/t17 is absent)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from digest.types import Citation, Conflict, ConflictSide

from .conftest import ROOT, T17

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.conflicts import JUDGMENTS, read_judgments, shown, text_hash, verdict


def _conflict(*sides: tuple[str, int]) -> Conflict:
    built = tuple(
        ConflictSide(summary=str(n), claims=(), citations=(Citation(a, 0, 0, 1),), independent_count=n)
        for a, n in sides
    )
    return Conflict("casualties", "Killed and wounded", "", built)


def test_a_conflict_is_real_false_or_unjudged_by_its_sides_pairs() -> None:
    text = {("a", 0): "300 died.", ("b", 0): "1,000 died.", ("c", 0): "50 died in Canada."}
    ab, ac, bc = (frozenset((text_hash(text[(x, 0)]), text_hash(text[(y, 0)]))) for x, y in ("ab", "ac", "bc"))
    c = _conflict(("a", 1), ("b", 1), ("c", 1))
    assert verdict(c, text, {ab: 1}) == "real"  # one real disagreement among the sides is enough
    assert verdict(c, text, {ab: 0, ac: 0}) == "unjudged"  # a pair not judged yet
    assert verdict(c, text, {ab: 0, ac: 0, bc: 0}) == "false"
    # hashes ignore spacing, so a judgment survives a re-wrapped line
    assert text_hash("300  died.") == text_hash("300 died.")


def test_the_shown_conflicts_are_those_with_the_most_independent_sources() -> None:
    conflicts = [_conflict(("a", 1), ("b", 1)), _conflict(("a", 3), ("b", 2)), _conflict(("a", 1), ("b", 3))]
    assert shown(conflicts, 2) == [1, 2]


def test_the_judgments_file_reads_and_never_judges_a_pair_twice() -> None:
    judged = read_judgments(JUDGMENTS)
    assert judged and set(judged.values()) <= {0, 1}
    rows = [line.split("\t") for line in JUDGMENTS.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    assert len(rows) == len(judged)


# Measured 2026-11-23 on haiti and H1N1 in float32 (the same on any CPU; "auto" picks bfloat16 where
# the CPU has it, and the conflicts found differ): 14 real of 19 judged (0.737), the 10 shown all
# real. At 94926fd, before conflicts compared only figures of one thing: 14 of 22 (0.636), shown 8
# of 10. In bfloat16 now: 14 of 16, shown 10 of 10. Stop 27 (cleaning changes moved the subjects):
# 12 of 18 with 3 pairs unjudged; with those judged and "Mexico remains ..." placing its toll, 14 of 19
# again, shown 10 of 10. Stop 37 (headlines and captions split off their sentences by the words the
# collection writes in lower case): the clusters moved, and haiti lost two real conflicts (45-50,000
# vs more than 100,000 dead; up to 200,000 vs 45,000-50,000) and now shows its one false one: 12 of 17,
# shown 9 of 10. Stop 38 (a toll with "N other deaths" that may be added to it is the confirmed part):
# the false "More than 80 died vs Twenty died" is gone, 12 of 16 (0.750), shown 9 of 10. Stop 39 (a
# figure said to be an earlier one, or one that would be, is no version): the false "0.1% vs less than
# 1%" ("if there have been hundreds of thousands of cases ..., then ... 0.1%") is gone, 12 of 15
# (0.800), shown 9 of 10; and with "Initial reports that 176 people had died ..." an earlier count,
# "176 died vs at least 100 killed" is gone too: 12 of 14 (0.857), shown 9 of 10.
#
# bpoil, since stop 39 made flow rates a measure (its conflicts were lengths, shares and an area
# before: 5 real of 10, shown 3 of 5): 10 of 19 (0.526), shown 3 of 5. The six real flow conflicts
# are BP's and the government's 5,000 barrels a day against scientists' higher estimates, in May and
# June 2010; its three false ones are estimates that agree ("4,000 barrels a day or more"), or one
# estimate rounded two ways. Shares of opinion (polls) no longer compared: 10 of 16 (0.625), shown 3
# of 5. Stop 43: cutting Fox News's dated photo captions (84 pages) moved bpoil's clusters: 25
# conflicts, 13 real of 25 (0.520) with the 19 new pairs judged blind. A peak ("At its peak, the
# BP well was spewing 62,000 barrels a day") and an estimate a later report says it revised up are
# no versions, a floor and a ceiling that overlap agree, as does "4,000 barrels a day or more"
# with 5,000, and "the collection of oil and gas ..." is captured oil: 13 of 20 (0.650), shown 3
# of 5. The false ones left: a column's May figure reprinted in June pages, "53,000" within "up to
# 60,000", complementary shares ("26% ... still in the water", "75% ... taken care of"), distances
# from two states' coasts, two reopened fishing areas, and "at least 50 percent" beside 75%. Stop 44:
# reporting lines such as "A BP spokesman declined to comment." are no calls to action (31 T17 pages
# keep one); the clusters moved again: 16 conflicts, 8 real, 4 false and 4 unjudged, which a helper
# judged blind (1 real). Two of the false ones were potentials ("a leak of 336,000 gallons per day
# ... in the event of a complete blowout", "could spew 100,000 barrels a day"); as no versions:
# 9 real of 14 (0.643), shown 4 of 5. Fewer conflicts are judged because the false ones are gone.
#
# A day's coverage (``--days 4``: each topic's four busiest gold days, 16 builds), stop 43: before
# its changes 10 real of 14 at --days 4 (0.714) and 15 of 25 at --days 12 (0.600), with the 24
# pairs judged blind then. False ones were distances from different places (plumes from the well and from
# "the source of the leak"), a figure since revised ("5,000 ... increased last week to ..."), the base
# of a multiple ("five times BP's estimate of 5,000"), a leak beside what a cap keeps "from
# leaking", a tally since the protests began beside one day's count, a ceiling ("less than 10
# miles") beside a figure under it, and two moves of a share price. After: --days 4, 10 of 11
# (0.909); --days 12, 15 of 17 (0.882), no real conflict lost.
GATES = {
    "haiti H1N1": (["--only", "haiti", "H1N1"], 0.85, 0.90, 14),  # precision, shown precision, fewest judged
    "bpoil": (["--only", "bpoil"], 0.64, 0.80, 14),
    "busiest days": (["--days", "4"], 0.90, 0.90, 11),
}


@pytest.mark.slow
@pytest.mark.parametrize("topics", list(GATES))
def test_where_sources_differ_on_whole_topics_meets_the_pinned_precision(tmp_path: Path, topics: str) -> None:
    """Evaluation gate: every conflict of ``digest build`` on whole T17 topics, and on the day
    collections of their busiest days (real model), judged from ``benchmarks/conflict_judgments.tsv``
    (see ``benchmarks/conflicts.py``)."""
    if not T17.is_dir():
        pytest.skip(f"Timeline17 data not found at {T17} (shared evaluation data is not checked out)")
    from benchmarks.conflicts import main

    which, precision, shown_precision, min_judged = GATES[topics]
    out = tmp_path / "conflicts.json"
    argv = ["--data", str(T17), *which, "--precision", "float32", "--json", str(out)]
    assert main(argv) == 0
    total, shown = (json.loads(out.read_text())["total"][k] for k in ("all", "shown"))
    assert total["real"] + total["false"] >= min_judged, total  # conflicts nobody judged: run --show, judge
    assert total["precision"] >= precision, total
    assert shown["precision"] >= shown_precision, shown
