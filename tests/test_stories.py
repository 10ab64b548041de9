"""digest.stories: whether a collection's articles tell one story or several."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from digest.types import Article, Briefing, ReferenceDate, Sentence, Story

ROOT = Path(__file__).resolve().parents[1]


def _collection(sizes: list[int], seed: int = 0) -> tuple[list[Article], list[Sentence], np.ndarray]:
    """Articles of len(sizes) stories, each story's sentences near a direction of its own."""
    rng = np.random.default_rng(seed)
    directions = np.eye(16, dtype=np.float32)[: len(sizes)]
    articles, sentences, rows = [], [], []
    for story, size in enumerate(sizes):
        for k in range(size):
            article_id = f"s{story}-a{k}"
            articles.append(
                Article(article_id, f"Story {story}, report {k}.", "wire", title=f"Story {story} report {k}")
            )
            for index in range(3):
                sentences.append(Sentence(article_id, index, 0, 5, f"Story {story}, report {k}, line {index}."))
                rows.append(directions[story] + rng.normal(scale=0.15, size=16).astype(np.float32))
    vectors = np.asarray(rows, dtype=np.float32)
    return articles, sentences, vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_two_stories_are_found_largest_first_with_their_articles() -> None:
    from digest.stories import find_stories

    articles, sentences, vectors = _collection([4, 9])
    stories = find_stories(articles, sentences, vectors, distance=0.5, min_share=0.1)
    assert [len(s.article_ids) for s in stories] == [9, 4]
    assert set(stories[0].article_ids) == {f"s1-a{k}" for k in range(9)}
    assert stories[0].title.startswith("Story 1 report")  # the headline of its most central article


def test_one_story_and_a_group_too_small_to_be_a_story_are_no_stories() -> None:
    from digest.stories import find_stories

    articles, sentences, vectors = _collection([30])
    assert find_stories(articles, sentences, vectors, distance=0.5, min_share=0.1) == ()
    articles, sentences, vectors = _collection([30, 2])  # two off-topic pages
    assert find_stories(articles, sentences, vectors, distance=0.5, min_share=0.1) == ()
    articles, sentences, vectors = _collection([30, 2, 9])  # ... beside a second story: in none
    stories = find_stories(articles, sentences, vectors, distance=0.5, min_share=0.1)
    assert [len(s.article_ids) for s in stories] == [30, 9]


def test_a_large_collection_is_grouped_on_a_sample_and_every_article_joins_its_group(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import digest.stories

    articles, sentences, vectors = _collection([25, 40, 15])
    whole = digest.stories.find_stories(articles, sentences, vectors, distance=0.5, min_share=0.1)
    monkeypatch.setattr(digest.stories, "MAX_LINKED", 20)  # every 4th article is linked
    sampled = digest.stories.find_stories(articles, sentences, vectors, distance=0.5, min_share=0.1)
    assert sampled == whole
    assert [len(s.article_ids) for s in sampled] == [40, 25, 15]


def test_a_side_thread_whose_articles_restate_the_storys_facts_is_no_story_of_its_own() -> None:
    """Thirty reports of a quake and ten articles on a charity single for its victims, told in other
    words (another direction), four of which restate a report's sentence ("The quake killed ..."):
    one story. Without the restated sentences the two are separate stories."""
    from digest.stories import find_stories

    articles, sentences, vectors = _collection([30, 10])
    assert len(find_stories(articles, sentences, vectors, distance=0.5, min_share=0.1)) == 2
    restated = vectors.copy()
    for k in range(4):  # the first sentence of side-thread articles 0-3 is report k's first
        side, report = sentences.index(Sentence(f"s1-a{k}", 0, 0, 5, f"Story 1, report {k}, line 0.")), 3 * k
        restated[side] = vectors[report]
    assert find_stories(articles, sentences, restated, distance=0.5, min_share=0.1) == ()
    # a sentence that names nothing ("I don't know." in two stories' transcripts) restates no fact
    restating = {f"s{story}-a{k}" for story in (0, 1) for k in range(4)}
    chatter = [replace(s, text="I don't know.") if s.index == 0 and s.article_id in restating else s for s in sentences]
    assert len(find_stories(articles, chatter, restated, distance=0.5, min_share=0.1)) == 2
    # one restated sentence among ten articles is too few: two stories
    one = vectors.copy()
    one[sentences.index(Sentence("s1-a0", 0, 0, 5, "Story 1, report 0, line 0."))] = vectors[0]
    assert len(find_stories(articles, sentences, one, distance=0.5, min_share=0.1)) == 2


def test_the_briefing_names_the_stories_in_markdown_and_json() -> None:
    articles = tuple(Article(f"a{i}", "Text.", source=f"s{i}") for i in range(10))
    stories = (
        Story(tuple(f"a{i}" for i in range(6)), "BP agrees to a $20bn fund for the victims of the oil spill."),
        Story(("a6", "a7", "a8"), "Protesters fill Tahrir Square"),
    )
    plain = Briefing("T", articles, (), (), (), (), ReferenceDate(dt.date(2025, 1, 1), "given", "given"))
    assert "Several stories" not in plain.to_markdown()
    assert json.loads(plain.to_json())["stories"] == []
    mixed = replace(plain, stories=stories)
    assert (
        "**Several stories.** These articles tell 2 separate stories, briefed here together: “BP agrees to a $20bn"
        " fund for the victims of the oil…” (6 articles), “Protesters fill Tahrir Square” (3 articles) and"
        " 1 article on other subjects. A briefing of each story on its own is clearer."
    ) in mixed.to_markdown()
    assert json.loads(mixed.to_json())["stories"][1] == {
        "title": "Protesters fill Tahrir Square",
        "article_ids": ["a6", "a7", "a8"],
    }


FLOOD = [
    "Floods hit Riverton\n\nFlood water from the River Wend swept through the town of Riverton on Monday after "
    "days of heavy rain. About 200 homes in Riverton were evacuated as the flood reached the town centre. "
    "Rescue crews in boats took families from flooded houses, the mayor of Riverton said.",
    "Riverton counts the cost of the flood\n\nShopkeepers in Riverton cleared mud from their flooded stores "
    "after the River Wend burst its banks in heavy rain. Insurers expect flood claims of several million pounds "
    "in Riverton. The council opened a fund for residents whose homes were flooded.",
    "Rain eases in flooded Riverton\n\nThe heavy rain that flooded Riverton eased on Tuesday and the River Wend "
    "began to fall. Families evacuated from flooded homes in Riverton may return by the weekend. Rescue crews "
    "stayed in the town in case the flood water rose again.",
    "Riverton flood defences criticised\n\nResidents of flooded Riverton said the flood walls along the River "
    "Wend were too low to hold back the water after the heavy rain. The council promised a review of the town's "
    "flood defences. Hundreds of homes in Riverton were flooded this week.",
]


@pytest.mark.slow
def test_a_collection_of_two_stories_is_named_as_such_end_to_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The seeds and four reports of a flood, with the real model: two stories in the briefing, and
    a warning from the CLI; the seeds alone are one story."""
    import digest
    from digest.cli import main
    from digest.config import Config

    folder = tmp_path / "mixed"
    shutil.copytree(ROOT / "examples" / "kursk", folder, ignore=shutil.ignore_patterns("briefing.*"))
    for i, text in enumerate(FLOOD):
        (folder / f"flood{i}.txt").write_text(text + "\n", encoding="utf-8")
    briefing = digest.build([folder])
    assert len(briefing.stories) == 2
    flood_ids = {a.id for a in briefing.articles if a.id.startswith("flood")}
    assert {frozenset(s.article_ids) for s in briefing.stories} == {
        frozenset(flood_ids),
        frozenset(a.id for a in briefing.articles) - flood_ids,
    }
    assert main(["build", str(folder), "-o", str(tmp_path / "b.md"), "--no-progress"]) == 0
    assert "warning: the articles tell 2 separate stories (5, 4 articles)" in capsys.readouterr().err
    assert "**Several stories.**" in (tmp_path / "b.md").read_text(encoding="utf-8")
    assert digest.build([ROOT / "examples" / "kursk"]).stories == ()
    assert digest.build([folder], Config(story_distance=None)).stories == ()  # no check


def _with_aside(words: str, n_sentences: int = 4) -> tuple[list[Article], list[Sentence], np.ndarray]:
    """Five reports of one story (their sentences name "quake" and "haiti") and an aside whose
    sentences point another way and say ``words``."""
    rng = np.random.default_rng(1)
    articles, sentences, rows = [], [], []
    for k in range(5):
        articles.append(Article(f"r{k}", "x", "wire"))
        for index in range(3):
            sentences.append(
                Sentence(f"r{k}", index, 0, 5, f"The quake in Haiti killed many, report {k} line {index}.")
            )
            rows.append(np.eye(16, dtype=np.float32)[0] + rng.normal(scale=0.15, size=16).astype(np.float32))
    articles.append(Article("aside", "x", "radio"))
    for index in range(n_sentences):
        sentences.append(Sentence("aside", index, 0, 5, f"{words} {index}."))
        rows.append(np.eye(16, dtype=np.float32)[5] + rng.normal(scale=0.15, size=16).astype(np.float32))
    vectors = np.asarray(rows, dtype=np.float32)
    return articles, sentences, vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_an_article_that_says_nothing_the_others_say_and_not_their_words_is_off_the_story() -> None:
    from digest.config import Config
    from digest.stories import off_story, without_off_story

    articles, sentences, vectors = _with_aside("Jamie introduces music from the late night session")
    found = off_story(articles, sentences, vectors, distance=0.5, shared=0.6, words=10)
    assert list(found) == ["aside"] and "none of its 4 sentences says what another article says" in found["aside"]
    kept, kept_sentences, rows, skipped = without_off_story(articles, sentences, vectors, Config())
    assert [a.id for a in kept] == [f"r{k}" for k in range(5)] and rows == list(range(15))
    assert kept_sentences == sentences[:15] and [s.article_id for s in skipped] == ["aside"]
    # a side story of the same events names them: kept
    articles, sentences, vectors = _with_aside("A boy raised money for Haiti quake victims")
    assert off_story(articles, sentences, vectors, distance=0.5, shared=0.6, words=10) == {}
    # two sentences are too few to tell; a larger collection, or none asked for, keeps every article
    articles, sentences, vectors = _with_aside("Jamie introduces music", n_sentences=2)
    assert off_story(articles, sentences, vectors, distance=0.5, shared=0.6, words=10) == {}
    articles, sentences, vectors = _with_aside("Jamie introduces music")
    for config in (Config(large_collection=5), Config(off_story_similarity=None)):
        assert without_off_story(articles, sentences, vectors, config)[3] == ()


def test_two_pages_about_something_else_are_off_the_story_though_near_each_other() -> None:
    from digest.stories import off_story

    # a radio schedule and a page of sports quotes picked up with a week's reports: each page's
    # sentences are far from the other's (cosine at most 0.58), their mean vectors near
    articles, sentences, vectors = _with_aside("Jamie introduces music from the late night session")
    axes = np.eye(16, dtype=np.float32)
    rows = [*vectors[:15], *(axes[5 + i] for i in range(4))]
    articles.append(Article("sport", "x", "radio"))
    for skip in range(4):
        sentences.append(Sentence("sport", skip, 0, 5, f"Torquay fans cheered the goal in minute {skip}."))
        v = sum(axes[5 + i] for i in range(4) if i != skip)
        rows.append(v / np.linalg.norm(v))
    found = off_story(articles, sentences, np.asarray(rows), distance=0.5, shared=0.6, words=10)
    assert sorted(found) == ["aside", "sport"]


@pytest.mark.slow
def test_a_page_about_something_else_is_left_out_of_a_small_collections_briefing(tmp_path: Path) -> None:
    """The seeds and a radio schedule, with the real model: the schedule is left out, named in the
    Markdown's "Left out" and the JSON's skipped, and nothing cites it."""
    import digest

    for path in sorted((ROOT / "examples" / "kursk").glob("*.txt")):
        shutil.copy(path, tmp_path / path.name)
    schedule = [
        "Jamie introduces music from Madeleine Peyroux and a new session from a Glasgow folk band.",
        "The afternoon play is a comedy about two sisters who run a bakery in a seaside town.",
        "Listeners phone in with their questions about gardening in a wet spring.",
        "The late show features jazz standards recorded live at a London club last winter.",
        "A panel of cooks discusses the best way to bake bread at home.",
    ]
    (tmp_path / "zz_radio.txt").write_text("\n".join(schedule) + "\n", encoding="utf-8")
    briefing = digest.build([str(tmp_path)])
    assert [s.article_id for s in briefing.skipped] == ["zz_radio"]
    assert "zz_radio" not in {a.id for a in briefing.articles}
    cited = {c.article_id for p in briefing.key_points for c in p.citations} | {
        c.article_id for e in briefing.events for c in e.citations
    }
    assert "zz_radio" not in cited
    assert "is about something else" in briefing.to_markdown().split("Left out:")[1]
    assert json.loads(briefing.to_json())["skipped"][0]["problem"].startswith("is about something else")
