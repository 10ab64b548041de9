from __future__ import annotations

import pytest

from digest.segment import segment, sentences_of
from digest.types import Article, Sentence, Span


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in segment(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gen. Syrsky said U.S. officials agreed. The war goes on.",
            ["Gen. Syrsky said U.S. officials agreed.", "The war goes on."],
        ),
        ("He lives in the U.S. The war goes on.", ["He lives in the U.S.", "The war goes on."]),
        (
            "It seized 1,000 sq km (386 sq miles). Then it stopped.",
            ["It seized 1,000 sq km (386 sq miles).", "Then it stopped."],
        ),
        (
            '"Those are staggering casualties for a force of 11,000 to 12,000," he said. It ended.',
            ['"Those are staggering casualties for a force of 11,000 to 12,000," he said.', "It ended."],
        ),
        ("“We will win.” The army left.", ["“We will win.”", "The army left."]),
        (
            "N. Korea sent troops. Mr. Kim agreed on Jan. 5. Really? Yes!",
            ["N. Korea sent troops.", "Mr. Kim agreed on Jan. 5.", "Really?", "Yes!"],
        ),
        ("The rate was 3.5 per cent. It rose.", ["The rate was 3.5 per cent.", "It rose."]),
        ("Line one has no stop\nLine two does.", ["Line one has no stop", "Line two does."]),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_offsets_are_exact_and_headings_skipped() -> None:
    text = "A Heading\n\nFirst sentence here. Second one.\n\nThird."
    article = Article("a", text, "a", headings=(Span(0, 9),))
    sents = sentences_of(article)
    assert [s.text for s in sents] == ["First sentence here.", "Second one.", "Third."]
    assert [s.index for s in sents] == [0, 1, 2]
    for s in sents:
        assert text[s.start : s.end] == s.text


def test_word_counts_agree_with_words() -> None:
    from digest.text import has_words, word_count, words

    for text in ["", "One.", "Kim Jong Un's troops, 11,000 of them, left.", "— “quoted” words —"]:
        assert word_count(text) == len(words(text))
        for n in range(6):
            assert has_words(text, n) == (len(words(text)) >= n)


def test_usable_articles_and_what_is_left_out() -> None:
    from digest.errors import NoSentencesError
    from digest.segment import NO_SENTENCES, usable
    from digest.types import Skipped

    good = Article("a", "One sentence here that says something.", "s", path="/in/a.txt")
    menu = Article("menu", "Home | World", "s", path="/in/feed.jsonl")
    sentences = [Sentence("a", 0, 0, 38, good.text)]
    assert usable([good], sentences, skip_unusable=False) == ([good], ())
    with pytest.raises(NoSentencesError, match=r"/in/feed.jsonl \(record menu\): .*--skip-unusable"):
        usable([good, menu], sentences, skip_unusable=False)
    kept, skipped = usable([good, menu], sentences, skip_unusable=True)
    assert kept == [good] and skipped == (Skipped("menu", "/in/feed.jsonl", NO_SENTENCES),)
    assert skipped[0].label == "/in/feed.jsonl (record menu)"
    other = Article("b", "Home", "s", path="/in/b.txt")
    with pytest.raises(NoSentencesError, match=r"^/in/feed.jsonl \(record menu\): .* \(nor in the 1 other input\)$"):
        usable([menu, other], [], skip_unusable=True)  # nothing usable: an error even when skipping
