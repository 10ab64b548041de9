"""Timelines of large dated collections (digest.tls): logic with a tiny fake embedder, the cache
end to end on real temporary files, and the real model on a small Timeline17 slice."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pytest

from digest.cache import CachedCleaning, CachedEmbedder, CachedSegments, CachedTimexes
from digest.config import Config, TimelineSettings
from digest.errors import InputError
from digest.tls import (
    Mention,
    build_timeline,
    date_mentions,
    is_chatter,
    lead_mentions,
    rank_dates,
    says_more_than_when,
    segment_all,
    story_words,
)
from digest.types import Article, Briefing, Event, Sentence

from .conftest import ROOT, T17

D = dt.date


class BagOfWords:
    """A tiny deterministic embedder: hashed word counts, L2-normalized."""

    name = "bag-of-words"

    def __init__(self) -> None:
        self.texts: list[str] = []

    def encode(self, texts: Sequence[str], *, progress=None) -> np.ndarray:
        self.texts.extend(texts)
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in re.findall(r"[a-z]+", t.lower()):
                out[i, int(hashlib.md5(w.encode()).hexdigest(), 16) % 64] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)


def article(i: int, published: D, *lines: str) -> Article:
    return Article(f"a{i}", "\n".join(lines), source=f"s{i}", published=published)


def collection() -> list[Article]:
    """Three days of a story: the leak (mentioned by most articles), a hearing, a fund."""
    return [
        article(
            1,
            D(2010, 4, 21),
            "An oil rig exploded on Tuesday in the Gulf of Mexico, killing eleven workers.",
            "The rig was operated by BP under contract with the owner of the platform.",
        ),
        article(
            2,
            D(2010, 4, 22),
            "The explosion on April 20 started a leak of oil that officials call serious.",
            "Coast Guard crews searched the water for the missing workers all through the night.",
        ),
        article(
            3,
            D(2010, 5, 3),
            "Since the April 20 explosion, oil has spread toward the coast of Louisiana.",
            "On May 2, President Obama visited the coast and promised that BP would pay for the spill.",
        ),
        article(
            4,
            D(2010, 5, 3),
            "Obama travelled to Venice, Louisiana on Sunday to see the oil spill response.",
            "He said the federal government would hold BP responsible for the cleanup costs.",
        ),
        article(
            5,
            D(2010, 6, 17),
            "BP agreed on Wednesday to put $20bn into a fund for victims of the spill.",
            "The company also said it would pay no dividend to shareholders this year at all.",
        ),
        article(
            6,
            D(2010, 6, 18),
            "The April 20 blast was the worst disaster of its kind, a hearing heard.",
            "Lawmakers questioned the chief executive of BP for more than five hours on Thursday.",
        ),
        article(
            7,
            D(2010, 6, 18),
            "A fund of $20bn for the victims was agreed on June 16 after talks in Washington.",
            "Football results from the weekend were announced by the league on June 16 as usual.",
        ),
    ]


def days(b: Briefing) -> list[str]:
    return sorted({e.value for e in b.events})


def test_most_mentioned_days_win_and_every_date_is_explained_by_a_span() -> None:
    arts = collection()
    b = build_timeline(arts, Config(max_dates=3, per_date=1), embedder=BagOfWords())
    assert b.events and not b.key_points and not b.clusters
    assert days(b)[0] == "2010-04-20"  # named by four articles
    assert set(days(b)) == {"2010-04-20", "2010-05-02", "2010-06-16"}
    texts = {a.id: a.text for a in b.articles}
    for e in b.events:
        c = e.representative
        assert e.citations[0] == c and texts[c.article_id][c.start : c.end] == e.text
        assert [ev.citation for ev in e.evidence] == list(e.citations)  # each cited sentence's date
        for ev in e.evidence:
            c = ev.citation
            assert c.start <= ev.start < ev.end <= c.end  # the dating span lies in the cited sentence
            assert texts[c.article_id][ev.start : ev.end] == ev.text
            assert ev.value == e.value and e.precision == "day" and e.sort_key == D.fromisoformat(e.value)
    assert [e.sort_key for e in b.events] == sorted(e.sort_key for e in b.events)
    assert b.events[0].label == "20 April 2010"
    # the fund's entry cites both reports of it ("agreed on Wednesday", "agreed on June 16"), not
    # the league's results of that day
    fund = next(e for e in b.events if e.value == "2010-06-16")
    assert {c.article_id for c in fund.citations} == {"a5", "a7"} and fund.independent_count == 2


def test_per_date_count_no_repeats_and_determinism() -> None:
    config = Config(max_dates=2, per_date=3)
    b1 = build_timeline(collection(), config, embedder=BagOfWords())
    b2 = build_timeline(collection(), config, embedder=BagOfWords())
    assert b1.events == b2.events
    per_day = Counter(e.value for e in b1.events)
    assert len(per_day) <= 2 and max(per_day.values()) <= 3
    keys = [(e.representative.article_id, e.representative.sentence_index) for e in b1.events]
    assert len(keys) == len(set(keys))
    assert len({e.text for e in b1.events}) == len(b1.events)


def test_a_sentence_with_a_label_before_it_is_no_new_entry() -> None:
    # a week of Egypt coverage had "Thousands of demonstrators took to the streets ... on Friday ...
    # since unrest began Tuesday." under 25 January and "Unrest in Egypt: Thousands of ..." under 28
    told = (
        "Thousands of demonstrators took to the streets of Cairo and Suez on Friday, "
        "for the first time since the unrest began on Tuesday."
    )
    label = "Unrest in Egypt, with reports from our correspondents: "
    arts = [
        article(1, D(2011, 1, 29), told),
        article(2, D(2011, 1, 29), label + told),
        article(3, D(2011, 1, 30), label + told),
        article(4, D(2011, 1, 26), "Police fired tear gas at the protesters in Cairo on Tuesday as marches began."),
        article(5, D(2011, 1, 29), "On Friday, officials said demonstrators had closed the road to the airport."),
        article(6, D(2011, 1, 29), "Thousands of demonstrators marched in the streets of Cairo and Suez on Friday."),
    ]
    b = build_timeline(arts, Config(max_dates=2, per_date=1), embedder=BagOfWords())
    assert days(b) == ["2011-01-25", "2011-01-28"]
    texts = [e.text for e in b.events]
    assert not any(a != b and a in b for a in texts for b in texts), texts


def test_keywords_filter_sentences_as_in_news_tls() -> None:
    b = build_timeline(collection(), Config(max_dates=4, per_date=2, keywords=("BP",)), embedder=BagOfWords())
    assert b.events
    assert all("bp" in e.text.lower() for e in b.events)
    assert "Football" not in " ".join(e.text for e in b.events)


REPORTS = (
    "Police searched the Las Vegas home of Michael Jackson's doctor Conrad Murray on Tuesday.",
    "Michael Jackson's doctor Conrad Murray was questioned by police again on Tuesday in July.",
    "The coroner said on Monday that Michael Jackson died of an overdose given by Conrad Murray.",
    "Conrad Murray, Michael Jackson's doctor, told police on Monday he gave the singer propofol.",
)


def coverage_with_a_listing() -> list[Article]:
    """Reports on one story, and a programme listing that names more days than they do."""
    reports = REPORTS
    listing = [
        "Jamie introduces music from Madeleine Peyroux in the second programme of the series on Monday.",
        "Arlo White presents the sport news on Tuesday and is joined by Steve Claridge in the studio.",
        "On Wednesday the Monday Night Club discusses the latest football issues with its guests.",
        "Gideon Coe's archive selection on Thursday places the spotlight on Reading once more.",
        "Presenter Steve Lamacq is live from the Roundhouse on Friday ahead of the Electric Proms.",
    ]
    arts = [article(i, D(2009, 7, 29), text) for i, text in enumerate(reports, 1)]
    return [*arts, article(9, D(2009, 7, 29), *listing)]


def test_the_story_words_are_the_words_most_articles_use() -> None:
    arts = coverage_with_a_listing()
    words = story_words(arts, segment_all(arts), count=10)
    # in 4 or 5 of the 5 articles; not "tuesday", "monday" (days), nor the listing's own words
    assert set(words) == {"michael", "jackson's", "doctor", "conrad", "murray", "police"}
    assert story_words(arts, segment_all(arts), count=2) == ("conrad", "michael")  # most widely used first
    # the articles of the small collection share one word ("oil"): too few to tell the story by
    assert story_words(collection(), segment_all(collection()), count=10) == ()
    # nor units of time, which every listing's "Monday" would hold ("day" as a keyword)
    week = [article(i, D(2009, 8, 25), f"{text} The next day, police said so.") for i, text in enumerate(REPORTS, 1)]
    assert "day" not in story_words(week, segment_all(week), count=10)


def test_without_keywords_the_story_words_keep_an_aside_out() -> None:
    arts = coverage_with_a_listing()
    b = build_timeline(arts, Config(max_dates=5, per_date=1), embedder=BagOfWords())
    assert b.events and all("Murray" in e.text for e in b.events), [e.text for e in b.events]
    unfiltered = Config(max_dates=5, per_date=1, timeline=TimelineSettings(story_words=0))
    texts = [e.text for e in build_timeline(arts, unfiltered, embedder=BagOfWords()).events]
    assert any("Murray" not in t for t in texts), texts


def test_window_limits_articles_and_days() -> None:
    config = Config(max_dates=5, per_date=1, start=D(2010, 6, 1), end=D(2010, 6, 30))
    b = build_timeline(collection(), config, embedder=BagOfWords())
    assert {a.id for a in b.articles} == {"a5", "a6", "a7"}
    assert all(D(2010, 6, 1) <= e.sort_key <= D(2010, 6, 30) for e in b.events)
    with pytest.raises(InputError, match="no articles"):
        build_timeline(collection(), Config(start=D(2011, 1, 1)), embedder=BagOfWords())
    # the error names the inputs
    filed = [replace(a, path=f"feed/{a.id}.md") for a in collection()]
    with pytest.raises(InputError, match=r"^feed/a1\.md, feed/a2\.md, feed/a3\.md and \d+ more: no articles published"):
        build_timeline(filed, Config(start=D(2011, 1, 1)), embedder=BagOfWords())


def test_progress_is_reported_by_stage() -> None:
    seen: list[tuple[str, int, int]] = []
    build_timeline(collection(), Config(max_dates=2), embedder=BagOfWords(), progress=lambda *a: seen.append(a))
    stages = {s for s, _, _ in seen}
    assert {"dating", "selecting"} <= stages
    assert all(0 <= done <= total for _, done, total in seen)


def test_lead_sentence_without_a_date_is_dated_by_publication_and_says_so() -> None:
    arts = [
        article(
            1,
            D(2011, 1, 25),
            "Thousands of protesters filled Tahrir Square on Tuesday demanding change.",
            "Police fired tear gas at crowds in the centre of Cairo for hours.",
        ),
        article(
            2,
            D(2011, 1, 26),
            "Egyptian protesters clashed with police in Cairo on Tuesday, January 25.",
            "Protesters demanded the resignation of President Hosni Mubarak after 30 years in power.",
        ),
    ]
    b = build_timeline(arts, Config(max_dates=1, per_date=4, keywords=("protest",)), embedder=BagOfWords())
    assert days(b) == ["2011-01-25"]
    by_kind = {bool(e.evidence[0].text) for e in b.events}
    assert by_kind == {True, False}  # dated by a span of its own text, and by its publication
    for e in b.events:
        ev = e.evidence[0]
        if not ev.text:  # publication-dated: an empty span at the sentence, the publication date as value
            assert ev.start == ev.end == e.representative.start
            pub = next(a.published for a in b.articles if a.id == e.representative.article_id)
            assert ev.value == pub.isoformat() and 0 <= (pub - e.sort_key).days <= 1


def test_a_lead_that_points_back_is_no_entry_but_a_dated_sentence_that_does_is() -> None:
    lead = "He explains what the protesters will be doing in Tahrir Square next."
    arts = [
        article(1, D(2011, 1, 25), "Thousands of protesters filled Tahrir Square on Tuesday demanding change."),
        article(2, D(2011, 1, 25), lead, "Protesters and police clashed for hours in the centre of Cairo."),
        article(3, D(2011, 1, 26), "They said riot police used water cannon against protesters on January 25."),
    ]
    b = build_timeline(arts, Config(max_dates=1, per_date=4, keywords=("protest",)), embedder=BagOfWords())
    texts = {e.text for e in b.events}
    assert lead not in texts  # dated only by its publication: "He" is in the sentence before
    assert "They said riot police used water cannon against protesters on January 25." in texts
    assert "Protesters and police clashed for hours in the centre of Cairo." in texts


def test_a_lead_that_names_no_actor_place_or_figure_is_no_entry() -> None:
    """Dated only by its publication, a lead stands for the day's news; "The flu virus is a
    survivor." is background of any day, however central its words are to the collection."""
    generic = "The flu virus is a survivor and spreads through coughs and sneezes of those infected."
    arts = [
        article(1, D(2009, 4, 28), generic, "Doctors say the flu virus spreads fast."),
        article(2, D(2009, 4, 28), "Spain confirmed 13 cases of flu on Tuesday as the virus spread in Europe."),
        article(3, D(2009, 4, 29), "New Zealand said 14 people had the flu virus, up from 10 on Tuesday."),
    ]
    b = build_timeline(arts, Config(max_dates=1, per_date=3, keywords=("flu",)), embedder=BagOfWords())
    texts = [e.text for e in b.events]
    assert generic not in texts
    assert "Spain confirmed 13 cases of flu on Tuesday as the virus spread in Europe." in texts


def test_a_dated_sentence_whose_subject_is_the_sentence_before_is_no_entry() -> None:
    that = "That is more than 30% higher than the low hit on January 25, analysts said of the protest."
    arts = [
        article(1, D(2011, 1, 25), "Thousands of protesters filled Tahrir Square on Tuesday demanding change."),
        article(2, D(2011, 1, 26), "Shares fell sharply.", that),
        article(3, D(2011, 1, 26), "Riot police used water cannon against protesters on January 25."),
    ]
    b = build_timeline(arts, Config(max_dates=1, per_date=4, keywords=("protest",)), embedder=BagOfWords())
    texts = {e.text for e in b.events}
    assert that not in texts  # what is 30% higher is in the sentence before
    assert "Riot police used water cannon against protesters on January 25." in texts


def test_a_dated_sentence_that_points_back_gives_way_to_one_that_names_its_subject() -> None:
    # BP's whole story: "28 May 2010: He is due to visit the Gulf of Mexico for a second time on
    # Friday." Who is due is in the sentence before.
    he = "He visited the oil spill on the Gulf coast with the governor on Friday, May 28."
    arts = [
        article(1, D(2010, 5, 29), "Obama spoke in California on the economy.", he),
        article(2, D(2010, 5, 29), "President Obama visited the oil spill on May 28."),
        article(3, D(2010, 5, 30), "The governor was on the Gulf coast on Friday, May 28."),
    ]
    config = Config(max_dates=1, per_date=1, keywords=("spill",))
    b = build_timeline(arts, config, embedder=BagOfWords())
    assert [e.value for e in b.events] == ["2010-05-28"]
    assert b.events[0].text != he
    # still an entry when the day has no other report
    b = build_timeline(arts[:1], config, embedder=BagOfWords())
    assert [(e.value, e.text) for e in b.events] == [("2010-05-28", he)]


def test_a_piece_of_a_longer_quotation_gives_way_to_a_whole_sentence() -> None:
    # Egypt, February 2011: '... Wael Ghonim tweeted, "Pray for #Egypt.' opens a quotation that the
    # article's next sentences go on with and close.
    piece = 'On January 27 Wael Ghonim tweeted about the protest, "Pray for Egypt and its protest.'
    arts = [
        article(1, D(2011, 2, 7), piece, 'Very worried as it seems the government is planning a crackdown."'),
        article(2, D(2011, 2, 7), "Ghonim joined the protest in Cairo on January 27, his family said."),
    ]
    config = Config(max_dates=1, per_date=1, keywords=("protest",))
    b = build_timeline(arts, config, embedder=BagOfWords())
    assert [(e.value, e.text) for e in b.events] == [
        ("2011-01-27", "Ghonim joined the protest in Cairo on January 27, his family said.")
    ]
    # still an entry when the day has no other report
    b = build_timeline(arts[:1], config, embedder=BagOfWords())
    assert [(e.value, e.text) for e in b.events] == [("2011-01-27", piece)]


def test_a_sentence_opening_with_a_connective_gives_way_to_one_that_stands_alone() -> None:
    # BP, August 2010: "But the Coast Guard ... has largely escaped scrutiny." was a day's entry
    but = "But the spill response of the Coast Guard in the Gulf ended on August 12."
    others = [
        "The spill response in the Gulf ended on August 12.",
        "The Coast Guard spill response ended on August 12.",
    ]
    arts = [
        article(1, D(2010, 8, 13), "Officials praised the crews.", but),
        article(2, D(2010, 8, 13), others[0]),
        article(3, D(2010, 8, 13), others[1]),
    ]
    config = Config(max_dates=1, per_date=1, keywords=("spill",))
    b = build_timeline(arts, config, embedder=BagOfWords())
    assert [e.value for e in b.events] == ["2010-08-12"] and b.events[0].text in others
    # still an entry when the day has no other report
    b = build_timeline(arts[:1], config, embedder=BagOfWords())
    assert [(e.value, e.text) for e in b.events] == [("2010-08-12", but)]


def test_a_headline_splits_at_a_word_the_collection_writes_in_lower_case() -> None:
    glued = article(
        1,
        D(2010, 8, 6),
        "Oil leak repairs start final stages Engineers have begun the final stages of plugging the well.",
        "The operation is well under way and so far the results look promising.",
    )
    others = [
        article(i, D(2010, 8, 5), f"BP engineers pumped mud into the well, and the engineers {i} said so.")
        for i in (2, 3)
    ]
    first = segment_all([glued, *others])[:2]
    assert [s.text for s in first] == [
        "Oil leak repairs start final stages",
        "Engineers have begun the final stages of plugging the well.",
    ]
    assert segment_all([glued])[0].text.startswith("Oil leak repairs start final stages Engineers")


def test_dateline_is_not_part_of_a_sentence() -> None:
    a = article(
        1,
        D(2009, 4, 24),
        "MEXICO CITY | Fri Apr 24, 2009 7:50 pm EDT MEXICO CITY (Reuters) - A strain of flu has killed 60 people.",
        "Officials said on Friday that schools would close.",
    )
    (first, second) = segment_all([a])
    assert first.text == "A strain of flu has killed 60 people."
    assert a.text[first.start : first.end] == first.text
    assert second.index == 1


@pytest.mark.parametrize(
    ("lead", "rest"),
    [
        ("AP NEW ORLEANS -- ", "Oil from the worst spill in U.S. history could reach gas stations."),
        ("PORT-AU-PRINCE, Haiti -- ", "Rescuers dug through the rubble of the cathedral."),
        ("NOAA, via AP NEW ORLEANS -- ", "The tropical storm could send oil skimmers back to port."),
    ],
)
def test_ap_dateline_is_not_part_of_a_sentence(lead: str, rest: str) -> None:
    (first,) = segment_all([article(1, D(2010, 6, 30), lead + rest)])
    assert first.text == rest


def test_a_dateline_after_captions_is_cut_where_it_opens_a_sentence() -> None:
    a = article(
        1,
        D(2010, 4, 24),
        "An oil rig burns in the Gulf.",
        "Fire boat crews battle the blaze.",
        "The rig sank on Thursday.",
        "NEW ORLEANS (AP) -- Choppy seas halted the cleanup on Saturday.",
        "Officials met in WASHINGTON -- the capital -- on Friday.",
    )
    texts = [s.text for s in segment_all([a])]
    assert texts[3] == "Choppy seas halted the cleanup on Saturday."
    assert texts[4] == "Officials met in WASHINGTON -- the capital -- on Friday."


def test_a_heading_run_into_a_sentence_is_a_sentence_of_its_own() -> None:
    a = article(
        1,
        D(2010, 1, 14),
        "Haiti survivors sleep on streets Thousands of people in Haiti have spent a second night outside.",
        "He said the film This Is It was a tribute to the singer.",
        "20 January 2010 Last updated at 10:03 GMT Help A strong aftershock has rocked Haiti again.",
    )
    texts = [s.text for s in segment_all([a])]
    assert texts == [
        "Haiti survivors sleep on streets",
        "Thousands of people in Haiti have spent a second night outside.",
        "He said the film This Is It was a tribute to the singer.",
        "A strong aftershock has rocked Haiti again.",  # the page's update stamp is not a sentence
    ]


def test_story_highlights_run_into_a_dateline_are_not_part_of_the_lead() -> None:
    # CNN's highlights run together before "(CNN) --", further than a dateline is looked for
    highlights = (
        "By the CNN Wire Staff Obama on Egypt: Change must happen now NEW: President Obama spoke to Egypt's "
        "president on Tuesday NEW: Obama warns of difficult days ahead for Egypt and pledges continued partnership "
        "Mubarak announces he won't run for re-election in September Protesters want him to step down immediately "
    )
    lead = "President Barack Obama said Tuesday that an orderly transition in Egypt must begin now."
    (first, _second) = segment_all([article(1, D(2011, 2, 2), highlights + "(CNN) -- " + lead, "Protests went on.")])
    assert len(highlights) > 250
    assert first.text == lead


def test_a_caption_whose_credit_opens_the_next_line_is_no_lead() -> None:
    a = article(
        1,
        D(2010, 5, 26),
        "Plugging the Gulf oil spill: top kill Oil from the Deepwater Horizon well approaching the coast of Louisiana.",
        "Photograph: Liz Condo/AP BP has started its procedure known as top kill to stop the oil gushing out.",
        "Engineers will test the cap again on Wednesday. The test could take two days.",
        "Photograph: Liz Condo/AP The spill closed a third of the Gulf's fishing grounds in June.",
    )
    texts = [s.text for s in segment_all([a])]
    assert texts[:2] == [
        "Plugging the Gulf oil spill: top kill",  # the headline, run in before the caption
        "BP has started its procedure known as top kill to stop the oil gushing out.",
    ]
    assert "The test could take two days." in texts  # the last of several sentences on its line stays


def test_a_caption_of_several_lines_between_a_pages_stamp_and_its_credit_is_no_sentence() -> None:
    from tests.test_clean import MULTI_LINE_CAPTION

    texts = [s.text for s in segment_all([article(1, D(2010, 5, 17), *MULTI_LINE_CAPTION)])]
    assert texts == [  # the headline and standfirst go with the stamp, as a dateline
        "The company said that it would now be able to capture 1,000 barrels a day.",
        "Official estimates put the spill at 5,000 barrels of oil a day.",
    ]


def test_a_dash_after_a_short_name_is_not_a_dateline() -> None:
    text = "BP -- the London company -- said on Monday that the cap was holding."
    (first,) = segment_all([article(1, D(2010, 7, 19), text)])
    assert first.text == text


def test_update_stamps_and_photo_credits_are_not_part_of_a_sentence() -> None:
    a = article(
        1,
        D(2011, 2, 2),
        "Protests continued across Egypt for a ninth day.",
        "(Update 4:33 a.m. Thursday in Cairo, 9:33 p.m. ET Wednesday) Heavy gunfire reverberated in central Cairo.",
        "-- (Updated 5:45 p.m. (0045 in Egypt)) Protesters in the streets of Cairo called for Mubarak to leave.",
        "Officials gave updated figures (Update: 611 injured) late on Wednesday.",
        "Cairo protest Photograph: Ben Curtis/AP Tens of thousands gathered in Tahrir Square.",
    )
    sentences = segment_all([a])
    assert [s.text for s in sentences] == [
        "Protests continued across Egypt for a ninth day.",
        "Heavy gunfire reverberated in central Cairo.",
        "Protesters in the streets of Cairo called for Mubarak to leave.",
        "Officials gave updated figures (Update: 611 injured) late on Wednesday.",
        "Tens of thousands gathered in Tahrir Square.",
    ]
    assert all(a.text[s.start : s.end] == s.text for s in sentences)


def test_memory_stays_bounded_embeddings_only_for_shortlisted_sentences() -> None:
    # 300 articles x 6 sentences; only a bounded shortlist per chosen day is embedded.
    arts = [
        article(
            i,
            D(2010, 4, 1) + dt.timedelta(days=i % 30),
            f"Report {i}: the well leaked again on {['Monday', 'Tuesday', 'Friday'][i % 3]} said officials.",
            *[f"Filler sentence number {k} of article {i} says nothing about anything at all." for k in range(5)],
        )
        for i in range(300)
    ]
    emb = BagOfWords()
    b = build_timeline(arts, Config(max_dates=3, per_date=2), embedder=emb)
    assert len(b.sentences) == 1800
    # A round embeds at most (days still needed + margin) x max(12, 4K) shortlisted sentences; the
    # fake's near-identical fillers are redundant, so a few rounds run: still far from all 1,800.
    assert 0 < len(emb.texts) <= 200
    assert len(emb.texts) == len(set(emb.texts))  # nothing embedded twice


def test_cached_embedder_end_to_end(tmp_path) -> None:
    path = tmp_path / "emb.sqlite"
    inner = BagOfWords()
    with CachedEmbedder(inner, path) as cache:
        first = build_timeline(collection(), Config(max_dates=3, per_date=2), embedder=cache)
    assert inner.texts
    again_inner = BagOfWords()
    with CachedEmbedder(again_inner, path) as cache, CachedTimexes(path) as tagger, CachedSegments(path) as seg:
        again = build_timeline(collection(), Config(max_dates=3, per_date=2), embedder=cache, find=tagger, segment=seg)
        assert cache.misses == 0 and cache.hits > 0
        assert seg.misses == len(collection()) and seg.hits == 0
    with CachedTimexes(path) as tagger, CachedSegments(path) as seg, CachedCleaning(path) as cleaner:
        third = build_timeline(
            collection(),
            Config(max_dates=3, per_date=2),
            embedder=BagOfWords(),
            find=tagger.find,
            segment=seg,
            clean=cleaner,
        )
        assert tagger.misses == 0 and tagger.hits > 0
        assert seg.misses == 0 and seg.hits == len(collection())
        assert cleaner.misses == len(collection())
    assert third == build_timeline(collection(), Config(max_dates=3, per_date=2), embedder=BagOfWords())
    assert third.events == first.events
    assert again_inner.texts == []
    assert again.events == first.events
    grown = [*collection(), article(9, D(2010, 6, 18), "BP set up the $20bn fund on June 16, officials confirmed.")]
    grown_inner = BagOfWords()
    with CachedEmbedder(grown_inner, path) as cache:
        build_timeline(grown, Config(max_dates=3, per_date=2), embedder=cache)
    assert set(grown_inner.texts) <= {"BP set up the $20bn fund on June 16, officials confirmed."}


def test_chatter_is_recognised_and_reports_are_not() -> None:
    assert is_chatter("February 1, 2011 at 5:24 pm | Withhold aid to Egypt?")
    assert is_chatter("January 31, 2011 at 6:06 pm | Reply The events in Egypt are flash democracy.")
    assert is_chatter("I think BP should pay for every drop of the oil spill.")
    assert is_chatter('"I\'m sad and I miss him," said a fan outside the Jackson family home.')
    assert is_chatter("Will the oil spill reach the coast of Florida this week?")
    assert is_chatter('A reader asks: "Will the oil reach the coast of Florida this week?"')
    assert is_chatter("when will the internet in egypt be back on.")
    assert is_chatter("At 17:13 30th Apr 2009, virtualsilverlady wrote: Any panic has been caused by the WHO.")
    assert is_chatter("Caledonian Comment At 4:20 pm on 18 Jan 2010, rg wrote: There is a current obsession.")
    assert is_chatter("At 8:51 pm on 18 Jan 2010, Jukka Rohila wrote: Barbados never had it as bad.")
    assert is_chatter("At 6:53 P.M. on Jan 13, 2010, Jessica Clark wrote: Condolences are being sent to Haiti.")
    assert is_chatter("James1976 wrote: Jesus says, He that is without sin amongst you let him cast the first stone.")
    assert not is_chatter('In a letter on Monday, the governor wrote: "We need more boom along the coast."')
    assert not is_chatter("BP agreed on Wednesday to put $20bn into a fund for victims of the spill.")
    assert not is_chatter("Mubarak announces he will not seek a new term in September's elections.")
    assert not is_chatter("Thousands of gallons of oil begin gushing into the Gulf of Mexico from the well.")
    # a photo caption describes a picture
    assert is_chatter("In this image made from video provided by BP, Wednesday, June 2, 2010, shows the site.")
    assert is_chatter("This photo taken on Friday shows oil on the beach at Grand Isle.")
    assert not is_chatter("This picture of the Gulf coast is grim, the governor said on Friday.")
    # a line that speaks to the reader (a BP window's 16 May entry was the page's appeal for ideas)
    assert is_chatter("We want your ideas on how to stop the leak - we'll publish your suggestions online.")
    assert is_chatter("Thanks for your support.")
    assert not is_chatter('"You will see us again," a protester in Tahrir Square told reporters on Friday.')
    # a credit line reports nothing
    assert is_chatter("Staff writer Joel Achenbach contributed to this report on Monday.")
    # contact details are no event
    assert is_chatter("Donations can be made via the DEC website or by telephoning 0370 60 60 900.")
    # a line that announces what follows says nothing itself
    assert is_chatter("A summary of events on Wednesday, June 16, Day 57 of the Gulf of Mexico oil spill.")
    assert is_chatter("Here are the latest developments as confirmed by CNN:")
    assert is_chatter("Below is a timeline of the spill and its impact.")
    assert is_chatter("The video below is a roundup, from CNN's correspondents in Cairo, of the clashes.")
    assert not is_chatter("The list above the fireplace in the minister's office was read out in court.")
    assert not is_chatter("The following year, poor maintenance prompted BP's pipelines in Alaska to leak.")
    assert not is_chatter("Hereford council said on Monday it would send help to Haiti.")
    # an imperative is an appeal or a promotion
    assert is_chatter("Watch ElBaradei on CNN Sunday.")
    assert is_chatter("Take a look at this report from Cairo on Friday.")
    # a reader's message on a live page
    assert is_chatter('A-cui from Beijing e-mails: "Sichuan people suffered the pain of earthquake on 12 May 2008.')
    assert is_chatter("Peter in Tarrytown, New York writes: It is time for the U.S. to fish or cut bait.")
    assert is_chatter("Charles Gomila, London, UK emails: Haiti needs the help of every nation now.")
    assert not is_chatter("Andrew Clark writes: To clarify further, the government had three measures.")
    assert not is_chatter("Officials in Washington said on Monday that the talks would resume.")
    # an aggregator's links
    assert is_chatter("The Sun The Haitian boat people - 8 hrs ago Wyclef Jean: Haiti Should Evacuate - 19 hrs ago")


def test_a_list_item_is_an_entry_only_for_the_day_its_label_names() -> None:
    item = "June 10 - The White House says Obama has invited BP's chairman to a meeting on June 16."
    arts = [
        article(1, D(2010, 6, 20), item),
        article(2, D(2010, 6, 17), "BP agreed on June 16 to put $20bn into a fund for victims of the spill."),
        article(3, D(2010, 6, 17), "Obama met BP's chairman at the White House on June 16 to discuss the spill."),
    ]
    b = build_timeline(arts, Config(max_dates=2, per_date=3), embedder=BagOfWords())
    by_day = {(e.value, e.text) for e in b.events}
    assert ("2010-06-16", item) not in by_day
    assert ("2010-06-10", item) in by_day


def test_a_date_an_offset_counts_from_is_not_the_day_the_sentence_tells_of() -> None:
    # "Speaking a few days after Jackson's 25 June death, Mr Chernoff denied ..." stood under 25 June
    from digest.timeline import anchors_an_offset

    later = "Two weeks after the April 20 explosion, BP said it had spent $350m on the spill."
    assert anchors_an_offset(later, later.index("April"))
    assert anchors_an_offset("Speaking a few days after Jackson's 25 June death, he denied it.", 36)
    assert not anchors_an_offset(later, later.index("Two"))
    assert not anchors_an_offset("The rig exploded on April 20, two days after the inspection.", 20)
    # a word that puts the sentence's event before or after the date, unless it goes on to tell that day's
    adoptions = "Haiti imposed new controls on adoptions after the 12 January earthquake."
    assert anchors_an_offset(adoptions, adoptions.index("12"), adoptions.index(" earthquake"))
    leak = "About 5,000 barrels a day have leaked since 20 April."
    assert anchors_an_offset(leak, leak.index("20"), leak.index("."))
    told = "Oil has been gushing from the well since 22 April, when the rig exploded and sank."
    assert not anchors_an_offset(told, told.index("22"), told.index(","))
    assert not anchors_an_offset("The quake struck on 12 January, killing thousands.", 20, 30)
    # ... or after the few words that name what it is the date of (a Haiti week's "15 January: ...
    # reconstruction will take several decades, following the devastating earthquake two weeks ago")
    decades = "Reconstruction will take several decades, following the devastating earthquake two weeks ago."
    assert anchors_an_offset(decades, decades.index("two weeks"), decades.index("."))
    sent = "Doctors have been sent to Haiti since the earthquake on 12 January."
    assert anchors_an_offset(sent, sent.index("12"), sent.index("."))
    assert not anchors_an_offset("Since then the leak stopped on Thursday.", 31, 39)  # "since then": no date of its own
    assert not anchors_an_offset("After the delay BP started the well test on Thursday.", 42, 50)
    arts = [
        article(1, D(2010, 5, 5), later),
        article(2, D(2010, 4, 21), "The Deepwater Horizon rig exploded on April 20, killing 11 workers."),
        article(3, D(2010, 4, 22), "The rig, which exploded on April 20, sank into the Gulf of Mexico."),
    ]
    b = build_timeline(arts, Config(max_dates=1, per_date=3), embedder=BagOfWords())
    assert b.events and all(e.value == "2010-04-20" for e in b.events)
    assert later not in {e.text for e in b.events}
    since = "BP says 5,000 barrels of oil a day have leaked from the well since April 20."
    b = build_timeline(
        [*arts, article(4, D(2010, 4, 29), since)], Config(max_dates=1, per_date=3), embedder=BagOfWords()
    )
    assert b.events and since not in {e.text for e in b.events}


def test_a_date_in_a_clause_about_someone_is_not_the_day_the_sentence_tells_of() -> None:
    # Egypt window: 7 February was "Ghonim, who was freed Monday ..., said it is 'no longer the time
    # to negotiate'", said in an interview on Wednesday 9 February
    from digest.timeline import in_a_side_clause

    said = "Ghonim, who was freed Monday, said it is no longer the time to negotiate with the regime."
    assert in_a_side_clause(said, said.index("Monday"), said.index(", said"))
    met = "Police questioned Ghonim, who was freed on Monday."
    assert in_a_side_clause(met, met.index("Monday"), met.index("."))
    told = "Ghonim was freed on Monday, the ministry said."
    assert not in_a_side_clause(told, told.index("Monday"), told.index(","))
    after = "Obama, who spoke to Mubarak, said on Friday that change must come."
    assert not in_a_side_clause(after, after.index("Friday"), after.index(" that"))
    # a clause about the event itself ("The top kill attempt, which began on Wednesday, involves ...")
    # is left to tell its day
    which = "The top kill attempt, which began on Wednesday, involves pumping mud into the well."
    assert not in_a_side_clause(which, which.index("Wednesday"), which.index(", involves"))
    freed = "Wael Ghonim was freed on Monday after twelve days in detention by the Egyptian police."
    arts = [
        article(1, D(2011, 2, 9), said.replace("Monday,", "Monday, February 7,")),
        article(2, D(2011, 2, 8), freed),
        article(3, D(2011, 2, 8), "Ghonim, who was freed on Monday, February 7, thanked the protesters in the square."),
    ]
    b = build_timeline(arts, Config(max_dates=1, per_date=3, keywords=("ghonim",)), embedder=BagOfWords())
    assert [(e.value, e.text) for e in b.events] == [("2011-02-07", freed)]


def test_a_sentence_written_days_before_the_day_it_names_gives_way_to_a_report_of_it() -> None:
    # MJ trial window: 29 November was "In a sentencing memorandum ... in advance of a 29 November
    # hearing, Mr Walgren said ...", written on 23 November; the sentencing went unreported
    ahead = "Prosecutors want Dr Murray to get four years in prison at the hearing on 29 November in Los Angeles."
    report = "Dr Murray got four years in prison at the hearing on 29 November, the judge said."
    arts = [
        article(1, D(2011, 11, 23), ahead),
        article(2, D(2011, 11, 24), "Dr Murray faces four years in prison at the 29 November hearing in Los Angeles."),
        article(3, D(2011, 11, 29), report),
    ]
    b = build_timeline(arts, Config(max_dates=1, per_date=1), embedder=BagOfWords())
    assert [(e.value, e.text) for e in b.events] == [("2011-11-29", report)]


def test_comment_lines_are_never_timeline_sentences() -> None:
    comments = [
        article(
            10 + i,
            D(2010, 5, 3),
            f"May 3, 2010 at {i + 1}:15 pm | I think BP and the oil spill are a disgrace to us all, really.",
        )
        for i in range(4)
    ]
    b = build_timeline([*collection(), *comments], Config(max_dates=3, per_date=2), embedder=BagOfWords())
    assert b.events and not any("|" in e.text or re.search(r"\bI\b", e.text) for e in b.events)


def test_dates_at_the_calendars_ends_do_not_overflow() -> None:
    arts = [
        article(1, D(1, 1, 1), "The first council met on 1 January of year one to discuss the harvest."),
        article(2, D(1, 1, 2), "The council met again on Monday and agreed on the harvest plan for the year."),
    ]
    b = build_timeline(arts, Config(max_dates=2, per_date=1), embedder=BagOfWords())
    days = [e for e in b.events if e.precision == "day"]  # (and "the year" fills the other date)
    assert days and all(e.value.startswith("0001-01") for e in days)
    assert all(e.value.startswith("0001") for e in b.events)


def test_the_timeline_knobs_come_from_the_config() -> None:
    comments = [
        article(10 + i, D(2010, 5, 3), f"May 3, 2010 at {i + 1}:15 pm | I think BP and the oil spill are a disgrace.")
        for i in range(4)
    ]
    config = Config(max_dates=3, per_date=2, timeline=TimelineSettings(skip_chatter=False))
    b = build_timeline([*collection(), *comments], config, embedder=BagOfWords())
    assert any("|" in e.text for e in b.events)  # chatter is not left out when the knob says so
    assert dict(b.settings)["timeline.skip_chatter"] is False


def test_rank_dates_counts_only_mentions_on_topic_with_keywords() -> None:
    arts = [
        article(1, D(2010, 5, 3), "The oil spill reached the coast on May 2.", "BP said on May 2 it would pay."),
        article(2, D(2010, 5, 4), "Oil washed ashore on May 2, officials said.", "A concert is on May 1."),
        article(3, D(2010, 5, 5), "A concert is on May 1 in the park.", "The band plays on May 1 at nine."),
        article(4, D(2010, 5, 6), "Tickets for the May 1 concert sold out.", "Nothing else happened that day."),
    ]
    sents = segment_all(arts)
    mentions = []
    for i, s in enumerate(sents):
        for day in (D(2010, 5, 1), D(2010, 5, 2)):
            if f"May {day.day}" in s.text:
                mentions.append(Mention(i, day, None))
    plain = rank_dates(arts, sents, mentions)
    assert plain[0][0] == D(2010, 5, 1)  # three articles name the concert's day, two the spill's
    on_topic = rank_dates(arts, sents, mentions, keywords=("oil", "spill", "bp"))
    assert [d for d, _ in on_topic] == [D(2010, 5, 2)]  # the concert's day is named only off topic
    assert on_topic[0][1] == 2.0  # two articles mention it; the others were published later


def test_a_day_near_the_collections_end_is_scored_by_the_coverage_it_has_had_time_to_get() -> None:
    # 1 May is named by 24 articles: 6 on the day, 6 each 2, 4 and 8 days later; 12 May, the
    # collection's last day, by 5 articles of that day
    lags = [0, 2, 4, 8] * 6
    arts = [
        article(i, D(2010, 5, 1 + lag), "The oil spill reached the coast on May 1, officials said.")
        for i, lag in enumerate(lags)
    ]
    arts += [article(100 + i, D(2010, 5, 12), "The oil well was capped on May 12, officials said.") for i in range(5)]

    def named(articles: list[Article]) -> tuple[list[Sentence], list[Mention]]:
        sents = segment_all(articles)
        days = [D(2010, 5, int(re.search(r"May (\d+)", s.text)[1])) for s in sents]
        return sents, [Mention(i, day, None) for i, day in enumerate(days)]

    # a quarter of 1 May's mentioning articles came on the day: 12 May's five count as 5 / 0.3 (the floor)
    ranked = rank_dates(arts, *named(arts))
    assert [d for d, _ in ranked] == [D(2010, 5, 1), D(2010, 5, 12)]
    assert ranked[1][1] == pytest.approx(5 / 0.3)
    counted = rank_dates(arts, *named(arts), settings=TimelineSettings(recent_days=0))
    assert dict(counted)[D(2010, 5, 12)] == 5.0
    # too few articles to measure how soon a day is named (19 of 1 May's): the counts as they are
    few = [a for a in arts if a.id not in ("a20", "a21", "a22", "a23", "a19")]
    assert dict(rank_dates(few, *named(few)))[D(2010, 5, 12)] == 5.0


def test_renders_as_markdown_and_json() -> None:
    b = build_timeline(collection(), Config(max_dates=2, per_date=1), embedder=BagOfWords())
    md = b.to_markdown()
    assert "20 April 2010" in md
    assert '"timeline"' in b.to_json()


def test_the_title_names_the_span_of_days_once_when_it_is_one_day() -> None:
    one = build_timeline(collection(), Config(max_dates=1, per_date=1), embedder=BagOfWords())
    assert len({e.value for e in one.events}) == 1
    assert one.title == f"Timeline, {one.events[0].label}"
    two = build_timeline(collection(), Config(max_dates=2, per_date=1), embedder=BagOfWords())
    assert two.title == f"Timeline, {two.events[0].label} to {two.events[-1].label}"


@pytest.mark.slow
def test_real_model_on_a_t17_slice() -> None:
    folder = T17 / "haiti_bbc"
    if not folder.is_dir():
        pytest.skip(f"Timeline17 data not found at {folder} (shared evaluation data is not checked out)")
    import sys

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from benchmarks.t17 import read_folder

    items = [a for a in read_folder(folder) if a.published <= D(2010, 1, 15)]
    arts = [Article(a.id, a.text, "bbc", published=a.published) for a in items]
    config = Config(
        max_dates=3, per_date=2, start=D(2010, 1, 12), end=D(2010, 1, 15), keywords=("haiti", "quake", "earthquake")
    )
    b = build_timeline(arts, config)
    assert "2010-01-12" in days(b)  # the day of the earthquake
    assert len(days(b)) == 3 and all(Counter(e.value for e in b.events)[d] <= 2 for d in days(b))
    assert all(re.search("haiti|quake", e.text, re.I) for e in b.events)
    assert b.model.startswith("all-MiniLM-L6-v2")


def test_leave_one_topic_out_scores_each_topic_with_settings_chosen_on_the_others() -> None:
    from benchmarks.tls_select import leave_one_topic_out

    def rows(a: float, b: float, c: float) -> list[dict]:
        return [
            {"name": "A_1", "topic": "A", "ar1_f": a},
            {"name": "B_1", "topic": "B", "ar1_f": b},
            {"name": "C_1", "topic": "C", "ar1_f": c},
        ]

    results = [("x", rows(0.9, 0.1, 0.1)), ("y", rows(0.2, 0.3, 0.3))]
    choice, held = leave_one_topic_out(results, "ar1_f")
    # A is scored with y (best on B and C), though x would have been best on A itself
    assert choice == {"A": "y", "B": "x", "C": "x"}
    assert {r["name"]: r["ar1_f"] for r in held} == {"A_1": 0.2, "B_1": 0.1, "C_1": 0.1}


def test_undated_articles_resolve_against_their_own_datelines() -> None:
    # No metadata dates: each article's dateline (which the cleaner removes from its text) dates it,
    # so the same "on Tuesday" is a different day in each.
    stamps = ("MEXICO CITY | Fri May 7, 2010 4:56 pm EDT", "MEXICO CITY | Fri May 14, 2010 1:10 pm EDT")
    undated = [
        Article(
            f"u{i}",
            f"Mexico news\n{stamp} MEXICO CITY (Reuters) - Officials said on Tuesday that {what} would reopen.\n"
            "The outbreak of the flu began in April 2010, officials said.\n",
            source=f"s{i}",
        )
        for i, (stamp, what) in enumerate(zip(stamps, ("schools", "markets and museums"), strict=True))
    ]
    briefing = build_timeline(undated, Config(max_dates=4, per_date=1), embedder=BagOfWords())
    assert briefing.reference.origin == "inferred" and briefing.reference.date == D(2010, 5, 14)
    assert briefing.reference.explanation == "the articles' datelines; the reference is the latest dateline"
    tuesdays = {e.sort_key: {c.article_id for c in e.citations} for e in briefing.events if "Tuesday" in e.text}
    assert tuesdays == {D(2010, 5, 4): {"u0"}, D(2010, 5, 11): {"u1"}}


def test_undated_articles_resolve_against_the_given_or_inferred_reference() -> None:
    undated = [
        Article(
            f"u{i}",
            "Oil began gushing into the Gulf on Tuesday, officials said.\n"
            "Officials said on Tuesday that the leak started after the blast in late April 2010.",
            source=f"s{i}",
        )
        for i in range(3)
    ]
    config = Config(max_dates=2, per_date=1)
    given = build_timeline(undated, replace(config, as_of=D(2010, 5, 7)), embedder=BagOfWords())
    assert given.reference.origin == "given" and given.reference.date == D(2010, 5, 7)
    given_days = {e.sort_key for e in given.events if e.precision == "day"}  # (late April 2010 may fill)
    assert given_days == {D(2010, 5, 4)}  # the Tuesday before Friday 7 May
    inferred = build_timeline(undated, config, embedder=BagOfWords())
    # "late April 2010" is the latest period named: written on 1 May 2010 at the earliest
    assert inferred.reference.origin == "inferred" and inferred.reference.date == D(2010, 5, 1)
    inferred_days = [e for e in inferred.events if e.precision == "day"]
    assert {e.sort_key for e in inferred_days} == {D(2010, 4, 27)}
    for e in inferred_days:  # the three articles say it in the same words: all are cited
        assert [c.article_id for c in e.citations] == ["u0", "u1", "u2"]
        assert all(ev.text == "Tuesday" and ev.value == "2010-04-27" for ev in e.evidence)


def test_a_reader_comment_is_never_an_entry() -> None:
    story = "BP said on Monday that it collected 10,000 barrels of oil from the leaking well."
    comments = (
        "At 11:45 pm on 7 Jun 2010, SheffTim wrote: BP is to blame for all of it.\n"
        "People who say on Monday that BP did it don't know what they are talking about, honestly.\n"
        "Since Monday the oil company has been capturing oil from the well, its officials said."
    )
    arts = [
        article(1, D(2010, 6, 8), story, comments),
        article(2, D(2010, 6, 8), "Engineers on Monday began to pump the captured oil to a ship on the surface."),
    ]
    b = build_timeline(arts, Config(max_dates=1, per_date=3), embedder=BagOfWords(), clean=False)
    assert [e.value for e in b.events] == ["2010-06-07"] * 2
    assert {e.text for e in b.events} == {story, arts[1].text}


def test_a_transcripts_speech_is_never_an_entry() -> None:
    story = "BP said on Monday that it collected 10,000 barrels of oil from the leaking well."
    show = (
        "GRETA VAN SUSTEREN, FOX NEWS HOST: Well, it simply will not stop.\n"
        "TONY HAYWARD, BP CEO: We began on Monday to collect oil from the leaking well with a cap.\n"
        "VAN SUSTEREN: And the cap collected on Monday how much of the oil, Mr. Hayward?\n"
        "HAYWARD: The cap collected 10,000 barrels of oil from the well on Monday, and more today."
    )
    arts = [article(1, D(2010, 6, 8), story), article(2, D(2010, 6, 8), show)]
    b = build_timeline(arts, Config(max_dates=1, per_date=3), embedder=BagOfWords(), clean=False)
    assert [e.text for e in b.events] == [story]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("-- June 02, 2010 2:43 PM OH.", False),
        ("Posted on June 3, 2010 at 11:52 AM EST.", False),
        ("Updated: Monday, 14 June 2010, 10:32 GMT.", False),
        ("May 2 - Obama visits the Gulf Coast.", True),
        ("The rig sank on Tuesday.", True),
    ],
)
def test_a_timeline_entry_says_more_than_when(text: str, says: bool) -> None:
    assert says_more_than_when(text) is says


def test_an_entry_cites_every_article_that_says_it_and_counts_one_outlets_once() -> None:
    def april_20(arts: list[Article]) -> Event:
        b = build_timeline(arts, Config(max_dates=1, per_date=1), embedder=BagOfWords())
        return next(e for e in b.events if e.value == "2010-04-20")

    said = "An oil rig exploded on April 20 in the Gulf of Mexico, killing eleven workers."
    arts = [
        article(1, D(2010, 4, 21), said),
        article(2, D(2010, 4, 21), said),  # an agency's report, word for word
        article(3, D(2010, 4, 22), "An oil rig exploded on Tuesday in the Gulf of Mexico, killing eleven of its crew."),
        article(4, D(2010, 4, 22), "The oil rig that exploded on April 20 in the Gulf of Mexico killed eleven men."),
        article(5, D(2010, 4, 22), "BP's shares fell in London on April 20 as traders sold oil stocks."),
    ]
    entry = april_20(arts)
    assert {c.article_id for c in entry.citations} == {"a1", "a2", "a3", "a4"}  # not a5: another event
    assert entry.independent_count == 3  # a2 is a copy of a1, and counts with it
    same_outlet = [replace(a, source="reuters") if a.id in ("a3", "a4") else a for a in arts]
    assert april_20(same_outlet).independent_count == 2


class Aliased(BagOfWords):
    """Bag of words, but some texts embed as others do: near in the vectors, whatever they say."""

    def __init__(self, aliases: dict[str, str]) -> None:
        super().__init__()
        self.aliases = aliases

    def encode(self, texts: Sequence[str], *, progress=None) -> np.ndarray:
        return super().encode([self.aliases.get(t, t) for t in texts])


def test_a_sentence_of_the_date_that_says_something_else_is_related_not_cited() -> None:
    said = "An oil rig exploded on April 20 in the Gulf of Mexico, killing eleven workers."
    shares = "BP's shares fell in London on April 20 as traders sold oil stocks."
    arts = [
        article(1, D(2010, 4, 21), said),
        article(2, D(2010, 4, 22), "The oil rig that exploded on April 20 in the Gulf of Mexico killed eleven men."),
        article(3, D(2010, 4, 22), shares),
    ]
    embedder = Aliased({shares: said})  # as close as the same words: only digest.support tells them apart
    entry = build_timeline(arts, Config(max_dates=1, per_date=1), embedder=embedder).events[0]
    assert entry.text == said
    assert [c.article_id for c in entry.citations] == ["a1", "a2"] and [c.article_id for c in entry.related] == ["a3"]
    assert {d.citation.article_id for d in entry.evidence} == {"a1", "a2"}
    markdown = build_timeline(arts, Config(max_dates=1, per_date=1), embedder=embedder).to_markdown()
    assert "killing eleven workers. [1, 2] *(related reports [3])*" in markdown
    every = build_timeline(arts, Config(max_dates=1, per_date=1, citation_probability=None), embedder=embedder)
    assert [c.article_id for c in every.events[0].citations] == ["a1", "a2", "a3"] and every.events[0].related == ()


def test_a_sentence_supports_one_entry_of_the_timeline() -> None:
    # a2's lead names no date: it is a candidate for the day it was published and the day before.
    # It is the 20 April entry, and so no citation of 21 April's, which it resembles too.
    arts = [
        article(1, D(2010, 4, 21), "An oil rig exploded on April 20 in the Gulf of Mexico, killing eleven workers."),
        article(
            2,
            D(2010, 4, 21),
            "An oil rig exploded in the Gulf of Mexico, killing eleven workers, and burned on.",
            "The Coast Guard searched the Gulf of Mexico on April 21 for eleven missing workers of the oil rig.",
        ),
        article(
            3,
            D(2010, 4, 22),
            "The burning oil rig in the Gulf of Mexico sank on April 21, with eleven workers missing.",
        ),
        article(
            4,
            D(2010, 4, 22),
            "On April 21 the oil rig sank in the Gulf of Mexico after it exploded, killing eleven workers.",
        ),
    ]
    b = build_timeline(arts, Config(max_dates=2, per_date=1), embedder=BagOfWords())
    assert [e.value for e in b.events] == ["2010-04-20", "2010-04-21"]
    assert (b.events[0].representative.article_id, b.events[0].representative.sentence_index) == ("a2", 0)
    cited = Counter((c.article_id, c.sentence_index) for e in b.events for c in e.citations)
    assert cited.most_common(1)[0][1] == 1
    assert ("a2", 1) in {(c.article_id, c.sentence_index) for c in b.events[1].citations}


def test_a_page_in_another_language_is_left_out_of_a_timeline() -> None:
    spanish = (
        "Los manifestantes llenaron la plaza Tahrir el 25 de enero para exigir la renuncia del presidente. "
        "La policía usó cañones de agua contra la multitud durante horas en el centro de El Cairo, según "
        "los testigos que hablaron con los periodistas de la agencia."
    )
    arts = [
        article(1, D(2011, 1, 25), "Thousands of protesters filled Tahrir Square on Tuesday demanding change."),
        article(2, D(2011, 1, 26), spanish),
    ]
    config = Config(max_dates=1, per_date=2, keywords=("protest",), skip_unusable=True)
    b = build_timeline(arts, config, embedder=BagOfWords())
    assert [s.article_id for s in b.skipped] == [arts[1].id]
    assert "not in English" in b.skipped[0].problem
    assert {e.representative.article_id for e in b.events} == {arts[0].id}


def kursk_like() -> list[Article]:
    """Three undated reports of one story that name months and a week, and one day."""
    return [
        Article(
            "k1",
            "Last August, Ukrainian troops launched an offensive in the Kursk region of Russia.\n"
            "From November onwards, thousands of North Korean troops fought for Russia in Kursk.\n"
            "On Friday, a Ukrainian spokesman said the North Korean troops had left the Kursk front.",
            source="s1",
        ),
        Article(
            "k2",
            "The Ukrainian offensive in Kursk began in August, when troops crossed the border of Russia.\n"
            "Last week, officials said that a thousand North Korean troops had been killed in Kursk.",
            source="s2",
        ),
        Article(
            "k3",
            "In August 2024 Ukrainian troops seized hundreds of villages in the Kursk region.\n"
            "North Korean troops were sent to Kursk in November 2024 to help Russia, officials said.",
            source="s3",
        ),
    ]


def test_too_few_days_are_filled_with_the_periods_the_articles_name_most() -> None:
    config = Config(max_dates=4, per_date=1, as_of=D(2025, 1, 1))
    b = build_timeline(kursk_like(), config, embedder=BagOfWords())
    by_label = {e.label: e for e in b.events}
    # the one day named first, then the periods by the articles naming them: August (3), November (2)
    assert list(by_label) == ["August 2024", "November 2024", "week of 23 December 2024", "27 December 2024"]
    assert [e.precision for e in b.events] == ["month", "month", "week", "day"]
    assert [e.value for e in b.events] == ["2024-08", "2024-11", "2024-W52", "2024-12-27"]
    assert [e.sort_key for e in b.events] == sorted(e.sort_key for e in b.events)
    # every report of the incursion is cited; November's two sentences tell different things
    assert [c.article_id for c in by_label["August 2024"].citations] == ["k1", "k2", "k3"]
    assert by_label["August 2024"].independent_count == 3 and by_label["November 2024"].independent_count == 1
    texts = {a.id: a.text for a in b.articles}
    for e in b.events:  # every date is explained by a span of each cited sentence
        c = e.representative
        assert texts[c.article_id][c.start : c.end] == e.text
        assert [ev.citation for ev in e.evidence] == list(e.citations)
        for ev in e.evidence:
            c = ev.citation
            assert c.start <= ev.start < ev.end <= c.end and texts[c.article_id][ev.start : ev.end] == ev.text
            assert ev.value == e.value
    fewer = build_timeline(kursk_like(), replace(config, max_dates=2), embedder=BagOfWords())
    assert [e.label for e in fewer.events] == ["August 2024", "27 December 2024"]  # the best-named period
    off = replace(config, timeline=replace(config.timeline, fill_periods=False))
    assert [e.label for e in build_timeline(kursk_like(), off, embedder=BagOfWords()).events] == ["27 December 2024"]


def test_periods_keep_to_the_window_and_a_large_dated_collection_gets_days_only() -> None:
    config = Config(max_dates=4, per_date=1, as_of=D(2025, 1, 1))
    since = build_timeline(kursk_like(), replace(config, start=D(2024, 10, 1)), embedder=BagOfWords())
    assert "August 2024" not in {e.label for e in since.events}
    assert {"November 2024", "27 December 2024"} <= {e.label for e in since.events}
    dated = [replace(a, published=D(2025, 1, 1)) for a in kursk_like()]
    small = build_timeline(dated, config, embedder=BagOfWords())
    assert {e.precision for e in small.events} > {"day"}
    large = build_timeline(dated, replace(config, large_collection=2), embedder=BagOfWords())
    assert {e.precision for e in large.events} == {"day"}


def kursk_timeline_with(*lines: str, max_dates: int) -> Briefing:
    """The timeline of :func:`kursk_like` and a fourth undated article of these lines, written on 1 January 2025."""
    fourth = Article("k4", "\n".join(lines), source="s4")
    config = Config(max_dates=max_dates, per_date=1, as_of=D(2025, 1, 1))
    return build_timeline([*kursk_like(), fourth], config, embedder=BagOfWords())


def test_a_span_back_from_when_it_was_written_is_a_period_as_in_digest_build() -> None:
    # the recent withdrawal: "have not seen any ... for the past three weeks"
    b = kursk_timeline_with(
        "Ukrainian troops have not seen any North Korean troops in Kursk for the past three weeks.",
        "The North Korean troops in Kursk may have been pulled back to Russia for training.",
        max_dates=5,
    )
    (quiet_entry,) = [e for e in b.events if e.representative.article_id == "k4"]
    assert quiet_entry.label == "the 3 weeks before 1 January 2025" and quiet_entry.precision == "week"
    assert quiet_entry.sort_key == D(2024, 12, 11) and quiet_entry.text.startswith("Ukrainian troops have not seen")
    (ev,) = quiet_entry.evidence
    assert ev.text in quiet_entry.text and "three weeks" in ev.text
    assert [e.sort_key for e in b.events] == sorted(e.sort_key for e in b.events)


def test_a_period_that_says_what_an_entry_within_it_says_is_no_new_entry() -> None:
    b = kursk_timeline_with(
        "In late 2024 thousands of North Korean troops fought for Russia in Kursk, officials said.",
        "In late 2024 Russia asked North Korea for shells and rockets for the war.",
        max_dates=6,
    )
    entries = {e.label: e.text for e in b.events}
    assert entries["November 2024"].startswith("From November onwards, thousands of North Korean troops")
    # late 2024's other sentence is its entry: the first says what November 2024's says
    assert entries["late 2024"] == "In late 2024 Russia asked North Korea for shells and rockets for the war."


def test_a_period_not_over_when_written_or_long_before_the_story_is_no_date() -> None:
    from digest.tls import period_mentions

    arts = [
        Article(
            "p1",
            "Last year, Kursk troops trained in the north of Russia.\n"  # 2024: over by 1 January 2025
            "The Kursk troops will not be paid this year, officials said.\n"  # 2025: not over
            "Kursk troops will return home later this month, officials said.\n"  # late January 2025
            "We must return to 1900, when Kursk troops had no guns at all.",  # long before the story
            source="s1",
        )
    ]
    sentences = segment_all(arts)
    found = period_mentions(arts, sentences, since=D(2023, 12, 1), references={"p1": D(2025, 1, 1)})
    assert [(m.value, m.day, m.last) for m in found] == [("2024", D(2024, 1, 1), D(2024, 12, 31))]
    assert len(period_mentions(arts, sentences, references={"p1": D(2025, 1, 1)})) == 2  # and 1900
    b = build_timeline(arts, Config(max_dates=5, as_of=D(2025, 1, 1)), embedder=BagOfWords())
    assert [e.label for e in b.events] == ["2024"]
    # an article with no reference date: a period is over by ``until`` (the window's end)
    undated = [Article("p2", "In August 2024 Kursk troops arrived in the north, officials said.", source="s2")]
    named = segment_all(undated)
    assert [m.label for m in period_mentions(undated, named)] == ["August 2024"]
    assert [m.label for m in period_mentions(undated, named, until=D(2024, 9, 1))] == ["August 2024"]
    assert period_mentions(undated, named, until=D(2024, 8, 15)) == []


def test_the_copy_detector_of_a_small_collection_is_swappable() -> None:
    from digest.sourcing import SourceGraph
    from digest.types import Derivation

    class K2CopiesK1:
        def __init__(self) -> None:
            self.asked: list[int] = []

        def analyze(self, articles, sentences, embeddings) -> SourceGraph:
            self.asked.append(len(embeddings))
            return SourceGraph((Derivation("k2", "k1", "copy", 1.0),), {"k2": "k1"})

    detector = K2CopiesK1()
    config = Config(max_dates=4, per_date=1, as_of=D(2025, 1, 1))
    b = build_timeline(kursk_like(), config, embedder=BagOfWords(), copy_detector=detector)
    assert detector.asked == [len(b.sentences)]  # every sentence embedded for it
    assert b.derivations == (Derivation("k2", "k1", "copy", 1.0),)
    august = next(e for e in b.events if e.label == "August 2024")
    assert {c.article_id for c in august.citations} == {"k1", "k2", "k3"} and august.independent_count == 2


def test_a_copys_wording_gives_way_to_its_originals_for_an_entry() -> None:
    """timeline_events' preference: a picked sentence is replaced by the day's candidate that says the
    same in a preferred wording (an original's over a copy's)."""
    from digest.sourcing import SourceGraph
    from digest.tls import timeline_events

    lines = {
        "o": "On May 2, the president visited the coast and promised that the company would pay.",
        "c": "On May 2, the president visited the coast of the state and promised the company would pay.",
        "x": "On May 2, the president of the country visited the coast of the state and the company would pay.",
    }
    arts = [Article(k, text, source=k, published=D(2010, 5, 3)) for k, text in lines.items()]
    sentences = segment_all(arts)
    config = Config(max_dates=1, per_date=1)
    plain, _ = timeline_events(arts, sentences, config, embedder=BagOfWords())
    assert plain[0].representative.article_id == "c"  # the most central wording ...
    graph = SourceGraph(family={"c": "o", "x": "o"})
    preferred, _ = timeline_events(arts, sentences, config, embedder=BagOfWords(), preference=graph.preference)
    assert preferred[0].representative.article_id == "o"  # ... is a copy's: the original's is quoted


def test_a_lead_goes_to_the_one_of_its_two_days_the_article_names() -> None:
    arts = [
        article(
            1,
            D(2009, 4, 21),  # a Tuesday
            "U.S. health officials said on Tuesday they were looking for more cases of the flu.",
            "In a special alert, the CDC asked doctors in California to test anyone with symptoms.",
        ),
        article(
            2,
            D(2009, 4, 22),
            "Health officials are looking for more cases of the new flu in the country.",
            "Doctors in California were asked to test anyone with symptoms of the flu.",
        ),
        article(
            3,
            D(2009, 4, 23),
            "Mexico closed its schools yesterday after more deaths from the new flu.",
            "Millions of children stayed at home in the capital and the towns around it.",
        ),
    ]
    sentences = segment_all(arts)
    mentions = date_mentions(arts, sentences)
    leads = lead_mentions(arts, sentences, mentions)
    days: dict[str, set[str]] = {}
    for m in leads:
        days.setdefault(sentences[m.sentence].text, set()).add(m.day.isoformat())
    # the sentence before names the publication day: the undated lead goes on with that day's news
    assert days["In a special alert, the CDC asked doctors in California to test anyone with symptoms."] == {
        "2009-04-21"
    }
    # a report naming neither day: its leads may be of either
    assert days["Doctors in California were asked to test anyone with symptoms of the flu."] == {
        "2009-04-22",
        "2009-04-21",
    }
    # "yesterday": the day before
    assert days["Millions of children stayed at home in the capital and the towns around it."] == {"2009-04-22"}
