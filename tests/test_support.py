"""digest.support: whether a member of a statement says what its quoted sentence says."""

from __future__ import annotations

import pytest

from digest.support import FEATURES, WEIGHTS, features, says_the_same

QUOTED = (
    "Last week, Western officials told the BBC that, out of some 11,000 troops sent from North Korea to fight for "
    "Russia, 1,000 had been killed in just three months."
)


def test_one_weight_per_feature() -> None:
    assert len(FEATURES) == len(WEIGHTS) == len(features("a b", "a b", 1.0))


@pytest.mark.parametrize(
    ("member", "cosine", "same"),
    [
        # the example's spun copy and another outlet's version of the BBC's figures (cosines measured)
        (
            "Final week, Western officers instructed the BBC that, out of some 11,000 troops despatched from North "
            "Korea to combat for Russia, 1,000 had been killed in simply three months.",
            0.94,
            True,
        ),
        (
            "Anonymous Western sources told the BBC earlier this month that there were 4,000 North Korean losses "
            "after just a few weeks of fighting, including 1,000 deaths.",
            0.70,
            True,
        ),
        # another figure, from another source
        (
            "According to South Korean intelligence, around 300 North Korean soldiers have been killed, and 2,700 "
            "have been wounded.",
            0.68,
            False,
        ),
    ],
)
def test_says_the_same(member: str, cosine: float, same: bool) -> None:
    assert (says_the_same(QUOTED, member, cosine) >= 0.5) is same


def test_each_sign_of_another_statement_lowers_the_probability() -> None:
    quoted = "The White House said Obama spoke with Mubarak by phone on Tuesday."
    base = says_the_same(quoted, "Obama spoke with Mubarak by phone on Tuesday, the White House said.", 0.8)
    assert says_the_same(quoted, "Obama has not spoken with Mubarak, the White House said.", 0.8) < base
    assert says_the_same(quoted, "Obama spoke with Mubarak by phone on Tuesday, Egyptian state TV said.", 0.8) < base
    assert says_the_same(quoted, "Obama spoke with Mubarak by phone on Tuesday, the White House said.", 0.6) < base
    money = "BP has paid $71 million out of an estimated $600 million in claims."
    assert says_the_same(money, "BP has paid out $104 million in claims.", 0.8) < says_the_same(
        money, "BP had paid just $71m of $600m in claims.", 0.8
    )


def test_a_ceiling_at_the_top_of_a_range_is_no_other_figure() -> None:
    quoted = "As many as 200,000 people died in the 12 January earthquake."
    other = dict(zip(FEATURES, features(quoted, "Officials say between 100,000 and 200,000 died.", 0.8), strict=True))
    apart = dict(zip(FEATURES, features(quoted, "Officials say between 20,000 and 30,000 died.", 0.8), strict=True))
    assert (other["other_figures"], apart["other_figures"]) == (0.0, 1.0)
