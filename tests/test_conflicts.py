from __future__ import annotations

import numpy as np

from digest.conflicts import find_conflicts
from digest.types import Sentence


def _run(texts: list[tuple[str, str]], labels: list[int], similar: bool = True):
    sentences = [Sentence(a, i, 0, len(t), t) for i, (a, t) in enumerate(texts)]
    n = len(sentences)
    emb = np.eye(n, dtype=np.float32)
    if similar:
        emb = np.ones((n, n), dtype=np.float32) / np.sqrt(n)
    return find_conflicts(
        sentences,
        emb,
        np.asarray(labels),
        {},
        subject_similarity=0.7,
        count_sources=lambda ids: float(len(set(ids))),
        preference=lambda s: 0,
    )


def test_casualty_figures_conflict_with_every_side_listed() -> None:
    [c] = _run(
        [
            ("a", "Officials said 1,000 had been killed in just three months."),
            ("b", "There were 4,000 losses after a few weeks, including 1,000 deaths."),
            ("c", "Around 300 soldiers have been killed, and 2,700 have been wounded."),
            ("d", "Some 1,000 had been killed, officials told the BBC."),
        ],
        [0, 0, 0, 0],
    )
    assert c.measure == "casualties"
    summaries = [side.summary for side in c.sides]
    assert "1,000 killed" in summaries[0]
    assert {x.article_id for x in c.sides[0].citations} == {"a", "d"}  # rounding: "some 1,000" agrees
    assert any("300" in s and "2,700" in s for s in summaries)
    assert any("4,000 losses" in s for s in summaries)


def test_converted_units_agree_and_different_areas_conflict() -> None:
    assert _run([("a", "They seized 1,000 sq km of land."), ("b", "They seized 386 sq miles of land.")], [0, 0]) == ()
    [c] = _run([("a", "They seized 1,000 sq km of land."), ("b", "They seized about 500 sq miles of land.")], [0, 0])
    assert c.measure == "area" and len(c.sides) == 2


def test_ranges_and_approximations_agree() -> None:
    texts = [("a", "Some 11,000 troops were sent."), ("b", "A force of 11,000 to 12,000 was sent.")]
    assert _run(texts, [0, 0]) == ()


def test_unrelated_sentences_and_one_article_never_conflict() -> None:
    texts = [("a", "They seized 1,000 sq km of land."), ("b", "They seized about 500 sq miles of land.")]
    assert _run(texts, [-1, -1], similar=False) == ()  # different subjects
    assert _run([("a", "1,000 were killed."), ("a", "300 were killed.")], [0, 0]) == ()  # one article


def test_lists_ages_and_spans_are_not_compared() -> None:
    # "the worst in 200 years" and "a two-year-old" are not how long something lasted
    assert (
        _run([("a", "It is the worst quake in 200 years."), ("b", "It is the worst quake in 150 years.")], [0, 0]) == ()
    )
    assert _run([("a", "A two-year-old was rescued."), ("b", "A six-year-old was rescued.")], [0, 0]) == ()
    # a sentence listing three figures of one measure is an enumeration, not a figure
    texts = [("a", "They were rescued after 10 days, 8 days and 15 days."), ("b", "He was rescued after 11 days.")]
    assert _run(texts, [0, 0]) == ()
    # how long a state has lasted is compared
    [c] = _run(
        [("a", "No troops were seen for three weeks."), ("b", "No troops were seen for about two weeks.")], [0, 0]
    )
    assert c.measure == "duration"


def test_articles_published_days_apart_give_updates_not_conflicts() -> None:
    import datetime as dt

    sentences = [
        Sentence("a", 0, 0, 10, "Officials said 1,000 people were killed."),
        Sentence("b", 0, 0, 10, "Officials said 5,000 people were killed."),
    ]
    emb = np.ones((2, 2), dtype=np.float32) / np.sqrt(2)
    kwargs = dict(subject_similarity=0.7, count_sources=lambda ids: float(len(set(ids))), preference=lambda s: 0)
    week = {"a": dt.date(2010, 1, 13), "b": dt.date(2010, 1, 20)}
    assert find_conflicts(sentences, emb, np.asarray([0, 0]), {}, published=week, **kwargs) == ()
    same_day = {"a": dt.date(2010, 1, 13), "b": dt.date(2010, 1, 14)}
    assert len(find_conflicts(sentences, emb, np.asarray([0, 0]), {}, published=same_day, **kwargs)) == 1
