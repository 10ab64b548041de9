"""The Timeline17 reader of the benchmarks (benchmarks/t17.py): undoing Penn-Treebank tokens."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.t17 import detokenize, rejoin


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
        ("a $ 20bn -LRB- # 13bn -RRB- fund and # 38m raised", "a $20bn (£13bn) fund and £38m raised"),
        ("kklimmy wrote : Re # 23 Beijing", "kklimmy wrote: Re # 23 Beijing"),
    ],
)
def test_detokenize(tokens: str, text: str) -> None:
    assert detokenize(tokens) == text


def test_lines_broken_inside_a_bracket_are_joined_back() -> None:
    lines = [
        "The U.S. government has launched an investigation into BP Plc's (BP.",
        "L) massive oil spill in the Gulf of Mexico, Eric Holder said.",
        "(Update 9:33 p.m.",
        "ET) A group of protesters maintained a human chain.",
        "It (the company) said so.",
        "N) stays alone: no bracket is open.",
    ]
    assert rejoin(lines) == [
        "The U.S. government has launched an investigation into BP Plc's (BP.L) massive oil spill in the Gulf of "
        "Mexico, Eric Holder said.",
        "(Update 9:33 p.m. ET) A group of protesters maintained a human chain.",
        "It (the company) said so.",
        "N) stays alone: no bracket is open.",
    ]


def test_gold_by_date_and_busiest_days(tmp_path: Path) -> None:
    import datetime as dt

    from benchmarks.keypoints import busiest_gold_days, gold_by_date, gold_sentences

    timelines = tmp_path / "topic_outlet" / "timelines"
    timelines.mkdir(parents=True)
    (timelines / "a.txt").write_text(
        "2010-06-16\nBP agrees to a $ 20bn fund .\nObama meets BP .\n"
        "--------------------------------\n2011-04-0\nA block under a malformed date .\n"
        "--------------------------------\n2010-06-17\nHayward testifies .\n",
        encoding="utf-8",
    )
    (timelines / "b.txt").write_text("2010-06-17\nHayward is accused of `` stonewalling '' .\n", encoding="utf-8")
    by_date = gold_by_date([tmp_path / "topic_outlet"])
    assert by_date == {
        dt.date(2010, 6, 16): ["BP agrees to a $20bn fund.", "Obama meets BP."],
        dt.date(2010, 6, 17): ["Hayward testifies.", 'Hayward is accused of "stonewalling".'],
    }
    # the flat list used for whole topics keeps the malformed block's sentence
    assert "A block under a malformed date." in gold_sentences([tmp_path / "topic_outlet"])
    published = [dt.date(2010, 6, 16)] * 12 + [dt.date(2010, 6, 17)] * 15 + [dt.date(2010, 6, 18)] * 30
    # 18 June is busiest but no gold day; ties and days under 10 articles are handled by the rule
    assert busiest_gold_days(published, by_date, 4) == [dt.date(2010, 6, 17), dt.date(2010, 6, 16)]
    assert busiest_gold_days(published[:9], by_date, 4) == []
