from __future__ import annotations

import itertools
import sys
from pathlib import Path

import numpy as np
import pytest

from digest.sourcing import AttestationCopyDetector, align
from digest.types import Article, Sentence

ROOT = Path(__file__).resolve().parents[1]


def test_align_is_monotonic_and_one_to_one() -> None:
    sims = np.asarray([[0.9, 0.85, 0.1], [0.95, 0.2, 0.1], [0.1, 0.1, 0.9]])
    pairs = align(sims, 0.8)
    assert pairs == [(0, 1), (2, 2)] or pairs == [(1, 0), (2, 2)]
    assert all(a < b for (a, _), (b, _) in itertools.pairwise(pairs))
    assert align(np.asarray([[0.5]]), 0.8) == []


def _align_cell_by_cell(sims: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """The alignment's dynamic programme written out cell by cell, as a reference."""
    n, m = sims.shape
    gain = [[float(sims[i, j]) if sims[i, j] >= threshold else 0.0 for j in range(m)] for i in range(n)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = gain[i][j] + best[i + 1][j + 1] if gain[i][j] else 0.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if gain[i][j] and best[i][j] == gain[i][j] + best[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def test_align_row_at_a_time_equals_the_cell_by_cell_programme() -> None:
    rng = np.random.default_rng(0)
    for case in range(300):
        n, m = rng.integers(0, 25, 2)
        sims = rng.random((n, m), dtype=np.float32)
        if case % 3 == 0:
            sims = np.round(sims * 4) / 4  # ties between alignments
        assert align(sims, 0.8) == _align_cell_by_cell(sims, 0.8)


def _collection(texts: dict[str, list[str]]) -> tuple[list[Article], list[Sentence], np.ndarray]:
    """Articles whose sentences are embedded by a bag of words (identical wording -> identical vector)."""
    vocab: dict[str, int] = {}
    sentences: list[Sentence] = []
    rows: list[dict[int, float]] = []
    for aid, lines in texts.items():
        for i, line in enumerate(lines):
            sentences.append(Sentence(aid, i, 0, len(line), line))
            bag: dict[int, float] = {}
            for w in line.lower().strip(".").split():
                bag[vocab.setdefault(w, len(vocab))] = 1.0
            rows.append(bag)
    emb = np.zeros((len(rows), len(vocab)), dtype=np.float32)
    for r, bag in enumerate(rows):
        for k, v in bag.items():
            emb[r, k] = v
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    return [Article(a, "\n".join(t), a) for a, t in texts.items()], sentences, emb


ORIGINAL = [
    "Ukrainian special forces fighting in the Kursk region told the BBC they saw no troops.",
    "A spokesman said it was likely they had pulled out after suffering heavy losses.",
    "Western officials told the BBC that one thousand troops had been killed in three months.",
    "North Korea and Russia have not commented on the reports from the front line.",
]
SPUN = [
    "Ukrainian particular forces combating in the Kursk area instructed the BBC they saw no troops.",
    "A spokesman stated it was possible they had pulled out after struggling heavy losses.",
    "Western officers instructed the BBC that one thousand troops had been slain in three months.",
    "North Korea and Russia have not commented on the reports from the entrance line.",
]
OTHER = [
    "Special forces fighting near Kursk told the BBC the troops were gone.",
    "Officials said heavy losses were likely behind the pull out from the front line.",
]


def test_spun_copy_is_derived_from_the_original_whatever_the_order() -> None:
    for order in (["orig", "spun", "other"], ["spun", "orig", "other"]):
        texts = {"orig": ORIGINAL, "spun": SPUN, "other": OTHER}
        arts, sents, emb = _collection({k: texts[k] for k in order})
        graph = AttestationCopyDetector(match_similarity=0.6).analyze(arts, sents, emb)
        assert graph.family == {"orig": "orig", "spun": "orig", "other": "other"}
        [d] = graph.derivations
        assert (d.article_id, d.source_id, d.kind) == ("spun", "orig", "spun")
        assert graph.independent_count(["orig", "spun"]) == 1
        assert graph.independent_count(["orig", "spun", "other"]) == 2
        first = {s.article_id: s for s in reversed(sents)}
        assert graph.preference(first["orig"]) == 0 and graph.preference(first["spun"]) == 2


def test_partial_verbatim_copy() -> None:
    arts, sents, emb = _collection({"orig": ORIGINAL, "part": ORIGINAL[:3], "other": OTHER})
    arts2, sents2, emb2 = _collection({"part": ORIGINAL[:3], "orig": ORIGINAL, "other": OTHER})
    for a, s, e in ((arts, sents, emb), (arts2, sents2, emb2)):
        graph = AttestationCopyDetector(match_similarity=0.9).analyze(a, s, e)
        [d] = graph.derivations
        assert (d.article_id, d.source_id) == ("part", "orig")


def test_a_copy_is_never_older_than_its_original() -> None:
    # One outlet's first short report and its fuller update of the next day: by wording alone the
    # first reads as a partial copy of the update; by date, the update follows it.
    import datetime as dt
    from dataclasses import replace

    arts, sents, emb = _collection({"orig": ORIGINAL, "part": ORIGINAL[:3], "other": OTHER})
    day = {"orig": dt.date(2011, 1, 30), "part": dt.date(2011, 1, 28), "other": dt.date(2011, 1, 29)}
    dated = [replace(a, published=day[a.id]) for a in arts]
    [d] = AttestationCopyDetector(match_similarity=0.9).analyze(dated, sents, emb).derivations
    assert (d.article_id, d.source_id) == ("orig", "part")
    # the same day, or a member without a date: by wording, as before
    same_day = [replace(a, published=dt.date(2011, 1, 30)) for a in arts]
    one_undated = [replace(a, published=None) if a.id == "orig" else a for a in dated]
    for collection in (same_day, one_undated):
        [d] = AttestationCopyDetector(match_similarity=0.9).analyze(collection, sents, emb).derivations
        assert (d.article_id, d.source_id) == ("part", "orig")


ADDED = [
    "Seoul said the soldiers had been moved to the border by train last month.",
    "Analysts expect the deployment to continue through the coming winter.",
    "The ministry in Kyiv published photographs of captured identity documents.",
]
ADDED_LATER = [
    "Satellite images show new barracks built near the airfield since spring.",
    "A defector described months of training in artillery and drone warfare.",
    "Both governments denied that any agreement on troops had been signed.",
    "Prices of rice and fuel in Pyongyang rose sharply over the summer.",
]


def _dated(texts: dict[str, list[str]], day: dict[str, int]) -> tuple[list[Article], list[Sentence], np.ndarray]:
    import datetime as dt
    from dataclasses import replace

    arts, sents, emb = _collection(texts)
    return [replace(a, published=dt.date(2011, 1, day[a.id])) for a in arts], sents, emb


def test_a_copy_of_a_copy_names_the_copy_it_shares_its_text_with_and_counts_with_the_original() -> None:
    # b reproduces a and adds three sentences; c reproduces only b's additions: it shares no sentence with a
    texts = {"a": ORIGINAL, "b": ORIGINAL + ADDED, "c": ADDED, "other": OTHER}
    day = {"a": 28, "b": 29, "c": 30, "other": 29}
    for order in (["a", "b", "c", "other"], ["c", "other", "b", "a"]):
        arts, sents, emb = _dated({k: texts[k] for k in order}, day)
        graph = AttestationCopyDetector(match_similarity=0.9).analyze(arts, sents, emb)
        assert {(d.article_id, d.source_id, d.kind) for d in graph.derivations} == {
            ("b", "a", "copy"),
            ("c", "b", "partial"),
        }
        assert graph.family == {"a": "a", "b": "a", "c": "a", "other": "other"}
        assert graph.independent_count(["a", "c"]) == 1
        assert graph.independent_count(["c", "other"]) == 2


def test_every_copy_in_a_chain_of_copies_leads_back_to_the_original() -> None:
    # a <- b (a and three sentences) <- c (b's three and four of its own) <- d (c's four): c shares
    # more of its sentences with d than with b, yet d is copied from c, and c from b, never the reverse
    texts = {"a": ORIGINAL, "b": ORIGINAL + ADDED, "c": ADDED + ADDED_LATER, "d": ADDED_LATER}
    arts, sents, emb = _dated(texts, {"a": 27, "b": 28, "c": 29, "d": 30})
    graph = AttestationCopyDetector(match_similarity=0.9).analyze(arts, sents, emb)
    assert {(d.article_id, d.source_id) for d in graph.derivations} == {("b", "a"), ("c", "b"), ("d", "c")}
    assert set(graph.family.values()) == {"a"}


def test_short_articles_are_copies_only_when_reproduced_word_for_word() -> None:
    brief = ["The troops withdrew from the Kursk region on Monday.", "Officials said 11,000 soldiers had served there."]
    arts, sents, emb = _collection({"a": brief, "b": list(brief), "c": list(brief), "other": OTHER})
    graph = AttestationCopyDetector().analyze(arts, sents, emb)
    assert graph.independent_count(["a", "b", "c"]) == 1
    assert graph.independent_count(["a", "other"]) == 2
    # one sentence in common, the rest its own: another report
    own = [brief[0], "Officials in Seoul said the soldiers had left the front for good."]
    arts, sents, emb = _collection({"a": brief, "d": own})
    assert AttestationCopyDetector().analyze(arts, sents, emb).independent_count(["a", "d"]) == 2


def test_unrelated_articles_are_independent() -> None:
    arts, sents, emb = _collection({"orig": ORIGINAL, "other": OTHER})
    graph = AttestationCopyDetector(match_similarity=0.8).analyze(arts, sents, emb)
    assert graph.derivations == ()
    assert graph.independent_count(["orig", "other"]) == 2


def test_one_outlets_articles_are_one_source() -> None:
    """Articles an input names as one outlet's (Article.source) count once, like a copy and its
    original: twenty Reuters pages ending in the same comment policy are not twenty sources."""
    from digest.sourcing import SourceGraph

    arts = [
        Article("r1", "x", "Reuters"),
        Article("r2", "y", "Reuters"),
        Article("b1", "z", "BBC"),
        Article("own", "w", "own"),  # no outlet given: the source is the article itself
        Article("copy", "v", "copy"),
    ]
    graph = SourceGraph(family={"copy": "r1"}).with_outlets(arts)
    assert graph.outlet == {"r1": "Reuters", "r2": "Reuters", "b1": "BBC"}
    assert graph.independent_count(["r1", "r2"]) == 1
    assert graph.independent_count(["r1", "r2", "b1"]) == 2
    assert graph.independent_count(["r2", "copy", "own"]) == 2  # the copy counts with its original's outlet
    assert SourceGraph().independent_count(["r1", "r2"]) == 2  # without outlets: articles


def test_support_counts_outlets_and_half_for_each_further_wording_within_one() -> None:
    """Ranking support: an outlet's template on twenty pages is one source; one outlet's
    coverage (a single-outlet feed) still ranks what many of its articles say in their own words."""
    from digest.sourcing import SourceGraph

    arts = [Article(f"r{i}", "x", "Reuters") for i in range(20)] + [
        Article("b1", "y", "BBC"),
        Article("own", "z", "own"),
    ]
    graph = SourceGraph(family={"copy": "own"}).with_outlets(arts)
    template = [Sentence(f"r{i}", 9, 0, 10, "We welcome comments that advance the story.") for i in range(20)]
    assert graph.support(template) == 1.0
    reworded = [
        Sentence("r1", 0, 0, 5, "Troops left."),
        Sentence("r2", 0, 0, 9, "The troops have left."),
        *template[:1],
    ]
    assert graph.support(reworded) == 2.0  # one outlet, three wordings: 1 + 0.5 * 2
    mixed = [*reworded, Sentence("b1", 0, 0, 5, "Troops left."), Sentence("own", 0, 0, 5, "Troops left.")]
    assert graph.support(mixed) == 4.0  # three sources, two further Reuters wordings
    copies = [Sentence("own", 0, 0, 5, "Troops left."), Sentence("copy", 0, 0, 5, "Troopers departed.")]
    assert graph.support(copies) == 1.0  # no outlet given: a copy counts with its original, as before


T17 = ROOT.parent / "shared" / "eval" / "t17"


@pytest.mark.slow
@pytest.mark.skipif(not T17.is_dir(), reason="T17 evaluation data not found at ../shared/eval/t17")
def test_copy_and_conflict_detection_on_t17_cases() -> None:
    """The evaluation gate of benchmarks/sourcing.py on a slice; pinned minimums only rise."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.sourcing import run

    result = run(T17, 5)
    copy, conflict = result["copy"], result["conflict"]
    assert copy["precision"] >= 1.0 and copy["recall"] >= 1.0
    assert copy["direction_accuracy"] >= 0.8
    assert copy["kind_accuracy"] >= 0.8
    assert conflict["precision"] >= 0.9 and conflict["recall"] >= 0.9
