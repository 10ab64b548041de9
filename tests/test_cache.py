"""The persistent embedding cache, on real temporary SQLite files, with a counting fake embedder."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Sequence

import numpy as np
import pytest

from digest.cache import CachedEmbedder, CacheError
from digest.errors import DigestError, InputError


class CountingEmbedder:
    """Deterministic vectors from the text's bytes; records every text it is asked to embed."""

    def __init__(self, name: str = "fake", dim: int = 8) -> None:
        self.name = name
        self.dim = dim
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str], *, progress=None) -> np.ndarray:
        self.calls.append(list(texts))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            seed = int.from_bytes(hashlib.sha256(t.encode("utf-8", "surrogatepass")).digest()[:8], "little")
            rng = np.random.default_rng(seed)
            v = rng.standard_normal(self.dim).astype(np.float32)
            out[i] = v / np.linalg.norm(v)
        return out

    @property
    def embedded(self) -> list[str]:
        return [t for call in self.calls for t in call]


def test_rerun_embeds_nothing_and_returns_identical_bytes(tmp_path) -> None:
    path = tmp_path / "cache.sqlite"
    texts = ["one", "two", "three", "two"]
    inner = CountingEmbedder()
    with CachedEmbedder(inner, path) as cache:
        first = cache.encode(texts)
        assert inner.embedded == ["one", "two", "three"]  # a repeated text is embedded once
        assert cache.name == "fake"
    inner2 = CountingEmbedder()
    with CachedEmbedder(inner2, str(path)) as cache:
        again = cache.encode(texts)
        assert inner2.calls == []
        assert cache.hits == 4 and cache.misses == 0
    assert again.dtype == np.float32 and again.shape == (4, 8)
    assert again.tobytes() == first.tobytes()
    np.testing.assert_array_equal(again[1], again[3])


def test_grown_collection_embeds_only_new_texts_in_input_order(tmp_path) -> None:
    path = tmp_path / "c.sqlite"
    inner = CountingEmbedder()
    cache = CachedEmbedder(inner, path)
    cache.encode(["a", "b"])
    out = cache.encode(["c", "b", "a", "d"])
    assert inner.calls[-1] == ["c", "d"]
    direct = CountingEmbedder().encode(["c", "b", "a", "d"])
    np.testing.assert_array_equal(out, direct)
    assert cache.stored() == 4
    cache.close()


def test_models_do_not_share_vectors(tmp_path) -> None:
    path = tmp_path / "c.sqlite"
    CachedEmbedder(CountingEmbedder("model-a"), path).encode(["x"])
    other = CountingEmbedder("model-b", dim=4)
    out = CachedEmbedder(other, path).encode(["x"])
    assert other.embedded == ["x"] and out.shape == (1, 4)


def test_empty_input(tmp_path) -> None:
    inner = CountingEmbedder()
    out = CachedEmbedder(inner, tmp_path / "c.sqlite").encode([])
    assert out.shape[0] == 0 and inner.calls == []


def test_unicode_and_long_texts(tmp_path) -> None:
    texts = ["Zürich – “quoted” 🚀", "x" * 100_000, "\ud800 lone surrogate"]
    first = CachedEmbedder(CountingEmbedder(), tmp_path / "c.sqlite").encode(texts)
    inner = CountingEmbedder()
    again = CachedEmbedder(inner, tmp_path / "c.sqlite").encode(texts)
    assert inner.calls == [] and again.tobytes() == first.tobytes()


def test_a_text_file_is_refused_and_left_alone(tmp_path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("my notes, not a cache\n", encoding="utf-8")
    with pytest.raises(CacheError) as info:
        CachedEmbedder(CountingEmbedder(), path)
    assert isinstance(info.value, InputError) and isinstance(info.value, DigestError)
    assert "not an embedding cache" in str(info.value) and str(path) in str(info.value)
    assert path.read_text(encoding="utf-8") == "my notes, not a cache\n"


def test_another_sqlite_database_is_refused(tmp_path) -> None:
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE people (name TEXT)")
    db.commit()
    db.close()
    with pytest.raises(CacheError, match="not a digest embedding cache"):
        CachedEmbedder(CountingEmbedder(), path)
    tables = {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}
    assert tables == {"people"}


def test_a_directory_is_refused(tmp_path) -> None:
    with pytest.raises(CacheError, match="directory"):
        CachedEmbedder(CountingEmbedder(), tmp_path)


def test_concurrent_readers_and_a_writer(tmp_path) -> None:
    path = tmp_path / "c.sqlite"
    texts = [f"sentence {i}" for i in range(200)]
    expected = CachedEmbedder(CountingEmbedder(), path).encode(texts)
    errors: list[BaseException] = []

    def read() -> None:
        try:
            inner = CountingEmbedder()
            with CachedEmbedder(inner, path) as cache:
                for _ in range(5):
                    np.testing.assert_array_equal(cache.encode(texts), expected)
            assert inner.calls == []
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    def write() -> None:
        try:
            with CachedEmbedder(CountingEmbedder(), path) as cache:
                for k in range(5):
                    cache.encode([f"new {k} {i}" for i in range(50)])
        except BaseException as exc:  # pragma: no cover
            errors.append(exc)

    threads = [threading.Thread(target=read) for _ in range(3)] + [threading.Thread(target=write)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    with CachedEmbedder(CountingEmbedder(), path) as cache:
        assert cache.stored() == 200 + 250


def test_tagging_results_are_kept_in_the_same_file(tmp_path) -> None:
    import datetime as dt

    from digest.cache import CachedTimexes
    from digest.timex import find_timexes

    path = tmp_path / "c.sqlite"
    CachedEmbedder(CountingEmbedder(), path).encode(["a vector too"])
    ref = dt.date(2010, 6, 17)
    texts = ["BP agreed on Wednesday to pay $20bn.", "No date here at all.", "On 16 June 2010 the fund was set up."]
    with CachedTimexes(path) as tagger:
        first = [tagger.find(t, ref) for t in texts]
        assert tagger.misses == 3
    assert first == [find_timexes(t, ref) for t in texts]
    with CachedTimexes(path) as tagger:
        again = [tagger.find(t, ref) for t in texts]
        assert tagger.hits == 3 and tagger.misses == 0
        assert tagger.find(texts[0], dt.date(2010, 6, 25)) == find_timexes(texts[0], dt.date(2010, 6, 25))
        assert tagger.misses == 1  # another reference date is another entry
    assert again == first
    assert CachedEmbedder(CountingEmbedder(), path).stored() == 1  # the vectors are still there


def test_tagging_in_batches_equals_one_by_one(tmp_path) -> None:
    """find_many (what digest timeline asks) returns what find_timexes returns, in input order,
    a text repeated in the batch tagged once, and everything served from the file next time."""
    import datetime as dt

    from digest.cache import CachedTimexes
    from digest.timex import find_timexes

    path = tmp_path / "c.sqlite"
    ref = dt.date(2010, 6, 17)
    items = [
        ("BP agreed on Wednesday to pay $20bn.", ref),
        ("No date here at all.", ref),
        ("BP agreed on Wednesday to pay $20bn.", ref),
        ("BP agreed on Wednesday to pay $20bn.", dt.date(2010, 6, 25)),
        ("On 16 June 2010 the fund was set up.", None),
    ]
    expected = [find_timexes(t, r) for t, r in items]
    assert expected[0] != expected[3]  # the reference date matters, so it is part of the key
    with CachedTimexes(path) as tagger:
        assert tagger.find_many(items) == expected
        assert (tagger.misses, tagger.hits) == (4, 1)
        assert tagger.find_many([]) == []
    with CachedTimexes(path) as tagger:
        assert tagger.find_many(items) == expected
        assert (tagger.misses, tagger.hits) == (0, 5)
        assert tagger(*items[4]) == expected[4]  # the object is itself a tagger function


def test_articles_are_tagged_as_one_entry(tmp_path) -> None:
    """find_in_sentences (what digest timeline asks) equals digest.timex.find_in_sentences; a
    re-run reads each article's entry and tags nothing; an edited article is tagged again, its
    unchanged sentences served by their own entries."""
    import datetime as dt

    from digest.cache import CachedTimexes
    from digest.timex import find_in_sentences

    ref = dt.date(2010, 6, 17)
    groups = [
        (["BP agreed on Wednesday to pay $20bn.", "No date here at all.", "The fund opened on 16 June 2010."], ref),
        (["The cap held on Thursday night.", "Engineers were pleased."], dt.date(2010, 7, 16)),
        ([], ref),
    ]
    expected = find_in_sentences(groups)
    path = tmp_path / "c.sqlite"
    with CachedTimexes(path) as tagger:
        assert tagger.find_in_sentences(groups) == expected
        assert tagger.misses == 3  # only the sentences that may name a day were tagged
    with CachedTimexes(path) as tagger:
        assert tagger.find_in_sentences(groups) == expected
        assert tagger.misses == 0 and tagger.hits == 5
        edited = [(["BP agreed on Wednesday to pay $20bn.", "It paid on Friday."], ref)]
        assert tagger.find_in_sentences(edited) == find_in_sentences(edited)
        assert tagger.misses == 1 and tagger.hits == 6  # the first sentence from its own entry


def test_segments_are_kept_and_rebuilt_exactly(tmp_path) -> None:
    """CachedSegments gives digest.tls.segment_all's sentences, from the file on a re-run; an
    edited article is segmented again; a cache file from before the table existed gains it."""
    import datetime as dt

    from digest.cache import CachedSegments, CachedTimexes
    from digest.tls import segment_all
    from digest.types import Article, Span

    text = (
        "Oil spill live\nNEW ORLEANS (AP) -- BP said on Monday that the cap held. Mr. Smith, of the U.S. "
        "Coast Guard, agreed.\nPhotograph: Win McNamee/Getty Images Engineers watched the well overnight."
    )
    articles = [
        Article("a", text, source="a", published=dt.date(2010, 7, 19), headings=(Span(0, 14),)),
        Article("b", "Short. Tiny.\nThe relief well reached 17,000 feet by Tuesday.", source="b"),
        Article("c", "", source="c"),
    ]
    expected = segment_all(articles)
    assert [s.text for s in expected][:2] == [
        "BP said on Monday that the cap held.",
        "Mr. Smith, of the U.S. Coast Guard, agreed.",
    ]
    path = tmp_path / "c.sqlite"
    with sqlite3.connect(path) as db:  # the layout of a cache written before the segments table
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.execute("INSERT INTO meta VALUES ('format', 'digest-embedding-cache'), ('version', '1')")
        db.execute(
            "CREATE TABLE vectors (model TEXT NOT NULL, hash BLOB NOT NULL, dim INTEGER NOT NULL,"
            " vector BLOB NOT NULL, PRIMARY KEY (model, hash)) WITHOUT ROWID"
        )
        db.execute(
            "CREATE TABLE timexes (tagger TEXT NOT NULL, hash BLOB NOT NULL, found TEXT NOT NULL,"
            " PRIMARY KEY (tagger, hash)) WITHOUT ROWID"
        )
    with CachedSegments(path) as segmenter:
        assert segmenter.segment_all(articles) == expected
        assert (segmenter.misses, segmenter.hits) == (3, 0)
    with CachedSegments(path) as segmenter, CachedTimexes(path):
        assert segmenter(articles) == expected
        assert (segmenter.misses, segmenter.hits) == (0, 3)
        edited = [articles[0], Article("b", "The relief well reached 18,000 feet by Friday.", source="b")]
        assert segmenter(edited) == segment_all(edited)
        assert (segmenter.misses, segmenter.hits) == (1, 4)
        assert segmenter(articles, min_words=6) == segment_all(articles, min_words=6)
        assert segmenter.misses == 4  # another minimum is another entry


def test_cleaned_articles_are_kept_and_equal_the_cleaner(tmp_path, example_dir) -> None:
    """CachedCleaning returns what clean_articles returns (text, title, headings, removed lines)
    for the seed articles, from the file on a re-run. A grown collection whose repeated lines
    change is cleaned again where it matters: repetition across documents is one of the
    cleaner's signals."""
    from digest.cache import CachedCleaning
    from digest.clean import clean_articles, lower_case_words, lower_words_of, repeated_lines
    from digest.ingest import read_articles
    from digest.text import normalize
    from digest.types import Article

    seeds = read_articles([example_dir])
    expected = clean_articles(seeds)
    assert any(a.removed for a in expected) and any(a.title for a in expected)
    path = tmp_path / "c.sqlite"
    with CachedCleaning(path) as cleaner:
        assert cleaner.clean_articles(seeds) == expected
        assert (cleaner.misses, cleaner.hits) == (len(seeds), 0)
    with CachedCleaning(path) as cleaner, pytest.MonkeyPatch.context() as patch:
        # The lines the cleaner looks up, and the words the collection writes in lower case, come from
        # the file too: nothing is recomputed.
        patch.setattr("digest.clean.looked_up_lines", lambda *a, **k: pytest.fail("recomputed"))
        patch.setattr("digest.clean.lower_case_words", lambda *a, **k: pytest.fail("recounted"))
        assert cleaner(seeds) == expected
        assert (cleaner.misses, cleaner.hits) == (0, len(seeds))
    with CachedCleaning(path) as cleaner:
        # A new article sharing a line with one seed: that line now repeats, so that seed and the
        # new article are cleaned again, and so is a seed that capitalises a word whose case the
        # grown collection reads otherwise (lower_case_words); the other seeds come from the file,
        # and the result still equals the cleaner's.
        first_line = seeds[0].text.split("\n")[0]
        assert normalize(first_line).lower() not in repeated_lines(seeds)
        grown = [*seeds, Article("new", first_line + "\nA new paragraph about the front, long enough to keep.", "x")]
        before, after = lower_case_words(a.text for a in seeds), lower_case_words(a.text for a in grown)
        recased = [a.id for a in seeds[1:] if lower_words_of(a.text, before) != lower_words_of(a.text, after)]
        assert cleaner(grown) == clean_articles(grown)
        assert (cleaner.misses, cleaner.hits) == (2 + len(recased), len(seeds) - 1 - len(recased))


def test_a_line_that_becomes_widespread_cleans_its_articles_again(tmp_path) -> None:
    """A teaser on nine pages is kept; on the tenth it is site furniture on every page: the cache
    must clean all ten again, and equal the cleaner."""
    from digest.cache import CachedCleaning
    from digest.clean import WIDESPREAD, clean_articles
    from digest.types import Article

    teaser = "2 men charged in death of Chicago teen who performed in inauguration event."

    def page(i: int) -> Article:
        story = [
            f"Protesters gathered in Cairo ({i} reports) on Tuesday, demanding that Mubarak leave office.",
            f"Police fired tear gas at the protesters in Cairo ({i} reports) as the crowds grew.",
        ]
        return Article(f"p{i}", "\n".join([teaser, *story]), f"p{i}")

    pages = [page(i) for i in range(WIDESPREAD - 1)]
    with CachedCleaning(tmp_path / "c.sqlite") as cleaner:
        assert all(teaser in a.text for a in cleaner(pages))
    with CachedCleaning(tmp_path / "c.sqlite") as cleaner:
        grown = [*pages, page(WIDESPREAD)]
        cleaned = cleaner(grown)
        assert cleaned == clean_articles(grown) and not any(teaser in a.text for a in cleaned)
        assert (cleaner.misses, cleaner.hits) == (WIDESPREAD, 0)


def test_build_on_a_large_collection_tags_through_the_cache(tmp_path) -> None:
    """`digest build --cache` on a day's coverage: the timeline's date tagging goes through the
    cache too, so a re-run tags nothing."""
    import datetime as dt

    from digest.cache import CachedTimexes
    from digest.config import Config
    from digest.pipeline import Components, run
    from digest.types import Article

    places = ["Leeds", "Hull", "York", "Bath", "Ely", "Wells", "Derby", "Truro"]
    articles = [
        Article(
            f"a{i:02d}",
            f"The river rose in {places[i % 8]} on Monday, March {1 + i % 9}, 2010, officials said. "
            f"Engineers inspected the flood wall at site {i} on Tuesday and found no cracks in it. "
            f"About {100 + i} residents of {places[(i + 3) % 8]} went back to their homes on Wednesday.",
            source=f"outlet{i}",
            published=dt.date(2010, 3, 2 + i % 9),
        )
        for i in range(36)
    ]
    config = Config(large_collection=30)
    path = tmp_path / "c.sqlite"
    with CachedTimexes(path) as tagger:
        first = run(articles, config, components=Components(embedder=CountingEmbedder(), resolver=tagger))
        assert tagger.misses > 0
    assert first.events, "the timeline machinery found no events"
    with CachedTimexes(path) as tagger:
        again = run(articles, config, components=Components(embedder=CountingEmbedder(), resolver=tagger))
        assert tagger.misses == 0 and tagger.hits > 0
    assert again.to_json() == first.to_json()
