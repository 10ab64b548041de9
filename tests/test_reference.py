"""Inferring the reference date of undated articles (digest.reference)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from benchmarks.reference import Doc, measure
from digest.clean import clean_articles
from digest.reference import choose_reference, dated_by_datelines, infer_reference, stamped_day
from digest.timeline import TimexResolver
from digest.types import Article, ReferenceDate


def infer(*texts: str) -> ReferenceDate:
    articles = [Article(f"a{i}", t, source=f"s{i}") for i, t in enumerate(texts)]
    return infer_reference(articles, TimexResolver())


def test_a_period_named_makes_the_day_after_it_the_reference() -> None:
    ref = infer("In late 2024, North Korea sent troops to Kursk.", "The offensive began in August 2024.")
    assert ref.origin == "inferred" and ref.date == dt.date(2025, 1, 1)
    assert ref.evidence_text == "late 2024" and ref.evidence_article == "a0"
    assert ref.explanation == "the day after the latest period the articles name explicitly"


def test_a_month_named_without_its_year_that_holds_the_bound_was_over_too() -> None:
    # The example's 004: "late 2024" bounds the writing date, and footage "posted ... in January"
    # read against that bound is January 2025, over by the time of writing.
    late = "In late 2024, North Korea sent troops to Kursk."
    january = "Captured footage posted by Zelenskyy in January showed two soldiers."
    ref = infer(late, january)
    assert ref.date == dt.date(2025, 2, 1) and ref.evidence_text == "January" and ref.evidence_article == "a1"
    assert ref.explanation.startswith("the day after January 2025, the latest month the articles name")
    # A month that does not hold the bound ("in December", 2024) and one in a sentence about the
    # future say nothing more; nor does a month after a day named, which may be the day of writing.
    assert infer(late, "The troops arrived in December.").date == dt.date(2025, 1, 1)
    assert infer(late, "Kim will visit Moscow in January.").date == dt.date(2025, 1, 1)
    assert infer("On 2 January 2025 Seoul said troops posted in January had left.").date == dt.date(2025, 1, 2)


def test_a_day_named_may_be_the_day_of_writing() -> None:
    ref = infer("NEW YORK | Mon May 18, 2009 4:02 pm EDT\nA New York City school reopened on Monday.")
    assert ref.date == dt.date(2009, 5, 18)
    assert ref.explanation == "the latest day the articles name explicitly"


@pytest.mark.parametrize(
    "bound",
    [
        "Holders of its debentures due March 1, 2011, elected to convert them.",
        "It hopes to control 5% of the business by the end of 1992.",
        "The restriction stays until 1993.",
        "Analysts see the impact stretching into 2011.",
        "Shares are redeemable after the end of 1994.",
    ],
)
def test_deadlines_and_bounds_are_no_evidence(bound: str) -> None:
    ref = infer(f"Sales rose in the third quarter of 1989. {bound}")
    assert ref.date == dt.date(1989, 10, 1), ref
    assert ref.evidence_text == "the third quarter of 1989"


def test_periods_longer_than_a_year_are_no_evidence() -> None:
    ref = infer("The fund was among the most significant events of the 20th century. It opened in 1971.")
    assert ref.date == dt.date(1972, 1, 1) and ref.evidence_text == "1971"
    assert infer("Little of the vitriol of the early 1990s remains.").origin == "none"


def test_only_future_and_bound_dates_leave_the_reference_unresolved() -> None:
    ref = infer("The trial is scheduled for February 2012. Bonds are due Nov. 1, 2009.")
    assert ref.origin == "none" and ref.date is None


def test_the_benchmark_scores_inferred_against_true_dates() -> None:
    docs = [
        Doc("exact", "WASHINGTON, Tuesday, June 29, 2010; 9:57 PM. Oil kept flowing.", dt.date(2010, 6, 29)),
        Doc("later", "In 2011, BP paid.", dt.date(2011, 6, 1)),  # inferred 2012-01-01: 214 days later
        Doc("none", "Oil kept flowing on Friday.", dt.date(2010, 6, 1)),
    ]
    row = measure("t", docs)
    assert row.docs == 3 and row.inferred == pytest.approx(2 / 3)
    assert row.exact == pytest.approx(1 / 3) and row.within_31 == pytest.approx(1 / 3)
    assert row.later == pytest.approx(1 / 2) and row.median_error_days == pytest.approx(107)
    assert row.value_f1_inferred is None


REUTERS = (
    "Mexico reopens schools\n"
    "MEXICO CITY | Mon May 24, 2010 4:56 pm EDT MEXICO CITY (Reuters) - Mexico reopened its schools on Friday "
    "after the outbreak, officials said.\n"
    "The outbreak began in April 2010, health officials said.\n"
)
BBC = (
    "6 January 2011 Last updated at 18:51 GMT Help\n"
    "A bodyguard to the former governor said on Tuesday that he had been questioned by police.\n"
    "The governor was shot in late 2010, police said.\n"
)
UNSTAMPED = "The spill began in April 2010, and BP capped the well on Thursday.\n"


def test_a_dateline_the_cleaner_removed_dates_its_article() -> None:
    (cleaned,) = clean_articles([Article("r", REUTERS, source="Reuters")])
    assert "Mon May 24, 2010" not in cleaned.text  # the cleaner took the dateline out of the text
    assert stamped_day(cleaned, TimexResolver()) == (dt.date(2010, 5, 24), "May 24, 2010")
    ref = infer_reference([cleaned], TimexResolver())
    assert ref.date == dt.date(2010, 5, 24) and ref.evidence_text == "May 24, 2010"
    assert ref.explanation == "the latest day named in the articles' datelines"


def test_each_article_resolves_against_its_own_dateline() -> None:
    june = "BP capped the well on Thursday. The spill had begun in June 2010."
    articles = clean_articles(
        [
            Article("r", REUTERS, source="Reuters"),
            Article("b", BBC, source="BBC"),
            Article("u", UNSTAMPED, source="U"),
            Article("j", june, source="J"),
        ]
    )
    ref, per_article = choose_reference(articles, TimexResolver(), as_of=None)
    assert ref.origin == "inferred" and ref.date == dt.date(2011, 1, 6)  # the latest dateline
    assert (ref.evidence_text, ref.evidence_article) == ("6 January 2011", "b")
    assert ref.explanation == (
        "the articles' datelines; of 4 articles, 2 have no date of their own, dated: 1 by the latest date it names"
        " within their span, 1 by their median, 6 January 2011; the reference is the latest dateline"
    )
    assert per_article == {
        "r": dt.date(2010, 5, 24),
        "b": dt.date(2011, 1, 6),
        "u": dt.date(2011, 1, 6),  # "April 2010" is before every dateline: no evidence of when it was written
        "j": dt.date(2010, 7, 1),  # "June 2010" lies between the datelines
    }


def test_fully_dated_articles_each_resolve_against_their_own_publication_date_and_say_so() -> None:
    articles = [
        Article(f"d{i}", "Oil kept flowing on Monday.", source=f"d{i}", published=dt.date(2010, 6, i)) for i in (1, 9)
    ]
    ref, per_article = choose_reference(articles, TimexResolver(), as_of=None)
    # The provenance line gives the date; this line says what it means for relative dates.
    assert ref == ReferenceDate(
        dt.date(2010, 6, 9),
        "metadata",
        "each article's relative dates are read from its own publication date; the reference is the latest",
    )
    assert per_article == {"d1": dt.date(2010, 6, 1), "d9": dt.date(2010, 6, 9)}


def test_publication_dates_anchor_the_undated_articles_of_a_mixed_collection() -> None:
    dated = [Article(f"d{i}", "Oil kept flowing.", source=f"d{i}", published=dt.date(2010, 6, i)) for i in (1, 5, 9)]
    late = Article("late", "Officials said the leak started in late April 2010. It was capped on Thursday.", source="x")
    outlier = Article("out", "The wreck is to be raised in 2057. The 2055 report was read on Friday.", source="y")
    ref, per_article = choose_reference([*dated, late, outlier], TimexResolver(), as_of=None)
    assert ref == ReferenceDate(
        dt.date(2010, 6, 9),
        "metadata",
        "the articles' publication dates; of 5 articles, 2 have no date of their own, dated: 2 by their median,"
        " 5 June 2010; the reference is the latest",
    )
    assert per_article["late"] == per_article["out"] == dt.date(2010, 6, 5)


def test_a_collection_without_dates_of_its_own_is_taken_as_written_together() -> None:
    texts = ["The offensive began last August.", "In late 2024, troops were sent.", "The war began in February 2022."]
    ref, per_article = choose_reference(
        [Article(f"a{i}", t, source=f"s{i}") for i, t in enumerate(texts)], TimexResolver(), as_of=None
    )
    assert ref.origin == "inferred" and ref.date == dt.date(2025, 1, 1) and ref.evidence_article == "a1"
    assert set(per_article.values()) == {dt.date(2025, 1, 1)}


def test_reader_comments_do_not_date_the_article() -> None:
    text = REUTERS + "Comments\nAt 08:26 am on 17 Jun 2010, lincoln wrote: The schools should have stayed shut.\n"
    (cleaned,) = clean_articles([Article("r", text, source="Reuters")])
    assert any(reason == "reader comments" for _, reason in cleaned.removed)
    assert stamped_day(cleaned, TimexResolver()) == (dt.date(2010, 5, 24), "May 24, 2010")


def test_dated_by_datelines_gives_an_undated_article_its_dateline_day() -> None:
    dated = Article("d", "Oil kept flowing.", source="d", published=dt.date(2010, 6, 1))
    articles = clean_articles([Article("r", REUTERS, source="Reuters"), Article("u", UNSTAMPED, source="U"), dated])
    out = dated_by_datelines(articles, TimexResolver())
    assert [a.published for a in out] == [dt.date(2010, 5, 24), None, dt.date(2010, 6, 1)]
    assert [a.text for a in out] == [a.text for a in articles]


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, dt.date | None]]:
    """The publication dates of the articles each call of the timeline machinery was given."""
    import digest.tls

    calls: list[dict[str, dt.date | None]] = []
    original = digest.tls.timeline_events

    def recording(articles, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append({a.id: a.published for a in articles})
        return original(articles, *args, **kwargs)

    monkeypatch.setattr(digest.tls, "timeline_events", recording)
    return calls


def test_build_counts_datelines_as_publication_dates(seen: list[dict[str, dt.date | None]]) -> None:
    """A large undated collection whose reports carry datelines is a dated one: `digest build` uses
    the timeline machinery of large collections on it, with each report dated by its dateline."""
    from digest.config import Config
    from digest.pipeline import Components, run

    from .test_cache import CountingEmbedder

    places = ["Leeds", "Hull", "York", "Bath", "Ely", "Wells", "Derby", "Truro"]
    articles = [
        Article(
            f"a{i:02d}",
            f"Floods in {places[i % 8]}\n"
            f"LONDON | Mon Mar {1 + i % 9}, 2010 4:56 pm EDT LONDON (Reuters) - The river rose in {places[i % 8]} "
            f"on Monday, officials said. Engineers inspected the flood wall at site {i} and found no cracks.\n"
            f"About {100 + i} residents of {places[(i + 3) % 8]} went back to their homes on Wednesday.\n",
            source=f"outlet{i}",
        )
        for i in range(36)
    ]
    briefing = run(articles, Config(large_collection=30), components=Components(embedder=CountingEmbedder()))
    assert all(a.published is None for a in briefing.articles)  # the briefing keeps the articles as given
    assert seen == [{f"a{i:02d}": dt.date(2010, 3, 1 + i % 9) for i in range(36)}]
    assert briefing.events and briefing.reference.explanation.startswith("the articles' datelines")


def test_digest_timeline_counts_datelines_as_publication_dates(seen: list[dict[str, dt.date | None]]) -> None:
    import digest.tls
    from digest.config import Config

    from .test_cache import CountingEmbedder

    articles = [Article("r", REUTERS, source="Reuters"), Article("u", UNSTAMPED, source="U")]
    briefing = digest.tls.build_timeline(articles, Config(max_dates=2, per_date=1), embedder=CountingEmbedder())
    assert seen == [{"r": dt.date(2010, 5, 24), "u": None}]
    assert [a.published for a in briefing.articles] == [None, None]


def test_a_stamp_removed_together_with_a_caption_dates_the_article() -> None:
    removed = (
        (
            "Rescuers at work. Photo: Reuters 2109 GMT Thursday 14 January 2010",
            "photo caption and credit, live-blog update stamp",
        ),
    )
    article = Article("a", "Rescuers searched the rubble on Thursday.", source="a", removed=removed)
    assert stamped_day(article, TimexResolver()) == (dt.date(2010, 1, 14), "Thursday 14 January 2010")
    assert stamped_day(replace(article, removed=((removed[0][0], "reader comments"),)), TimexResolver()) is None


def test_the_benchmark_scores_each_article_of_a_pooled_topic(tmp_path: Path) -> None:
    from benchmarks.reference import measure_pooled

    day = tmp_path / "flu_reuters" / "InputDocs" / "2010-05-24"
    day.mkdir(parents=True)
    (day / "1.htm.txt").write_text(REUTERS, encoding="utf-8")  # its dateline: 24 May 2010
    (day / "2.htm.txt").write_text(UNSTAMPED, encoding="utf-8")  # nothing of its own: the median, 6 January 2011
    late = tmp_path / "flu_bbc" / "InputDocs" / "2011-01-07"
    late.mkdir(parents=True)
    (late / "3.htm.txt").write_text(BBC, encoding="utf-8")  # its page stamp: 6 January 2011, a day early
    row = measure_pooled(tmp_path)
    assert row.corpus == "t17 topics" and row.docs == 3
    # errors: 0, +227 and -1 days (the two folders are one topic, "flu")
    assert row.exact == pytest.approx(1 / 3) and row.within_7 == pytest.approx(2 / 3)
    assert row.later == pytest.approx(1 / 3) and row.median_error_days == 1


def test_explicit_dates_are_read_line_by_line_with_offsets_into_the_text() -> None:
    from digest.reference import _explicit_dates

    text = (
        "Officials met on Friday and said so now.\n"
        "The war began in February 2022, he said.\n"
        "In nineteen ninety-six a bomb went off in Atlanta.\n"
    )
    found = _explicit_dates(text, TimexResolver())
    assert [(t.text, t.value) for t in found] == [("February 2022", "2022-02"), ("nineteen ninety-six", "1996")]
    assert all(text[t.start : t.end] == t.text for t in found)
