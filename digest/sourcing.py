"""Which articles are copies of which: independent sources are counted once.

Two articles are *related* when enough of one's sentences have a near-identical
counterpart (cosine >= ``match_similarity``) in the other. Independent outlets
covering one story share a few statements, not most of their sentences.

Direction: in aligned sentence pairs the words that differ are a copy's edits.
A word spinner or a paraphraser replaces the original's words with words no
other article uses ("particular forces combating", "New York Occasions"),
while the original's words are the ones the other articles (other outlets,
other copies) also use. So of two related articles the one whose differing
words are less *attested* in the rest of the collection is the derived one.
Each connected family of related articles has one original: the member whose
differing words are best attested against all its relatives. A copy is derived
from the relative it shares its text with: the original when the two are
related, else the relative one step nearer the original that holds the largest share
of its sentences; the whole family counts as one source.

Kinds: ``spun`` (words changed, mostly one for one on the same skeleton),
``paraphrase`` (words changed, reworded), else verbatim: ``partial`` (covers at
most 70% of the original) or ``copy``. Direction ties (verbatim copies) go to
the article that contains the other.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol

from digest.similarity import similar_pairs
from digest.text import content_words, normalize, words
from digest.types import Article, Derivation, Sentence
from digest.unionfind import UnionFind

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class SourceGraph:
    """Derivations between articles and the family (original) of every article."""

    derivations: tuple[Derivation, ...] = ()
    family: dict[str, str] = field(default_factory=dict)  # article id -> id of its family's original
    # Sentences of a family's original that none of its copies reproduces (a scraped page's additions).
    uncopied: frozenset[tuple[str, int]] = frozenset()
    # Article id -> the outlet that published it, where the input names one (Article.source set
    # by metadata): one outlet's articles are one source, however many there are.
    outlet: dict[str, str] = field(default_factory=dict)

    def independent_count(self, article_ids: Sequence[str]) -> float:
        """Sources behind these articles: an original and its copies count once, and so do the
        articles of one outlet."""
        roots = {self.family.get(a, a) for a in article_ids}
        return float(len({(True, self.outlet[r]) if r in self.outlet else (False, r) for r in roots}))

    def support(self, sentences: Sequence[Sentence]) -> float:
        """How widely these sentences are reported, for ranking: their independent sources, plus
        half for each further wording within one outlet. An outlet's verbatim repeats (its page
        template on every article, a background paragraph it reuses) add nothing; articles
        without a named outlet count as before, copies with their original."""
        units: set[tuple[str, str]] = set()
        for s in sentences:
            root = self.family.get(s.article_id, s.article_id)
            units.add((self.outlet[root], normalize(s.text).lower()) if root in self.outlet else ("", root))
        independent = self.independent_count([s.article_id for s in sentences])
        return independent + 0.5 * (len(units) - independent)

    def with_outlets(self, articles: Sequence[Article]) -> SourceGraph:
        """This graph, counting the articles of one named outlet as one source."""
        return replace(self, outlet={a.id: a.source for a in articles if a.source != a.id})

    def is_derived(self, article_id: str) -> bool:
        return self.family.get(article_id, article_id) != article_id

    def preference(self, sentence: Sentence) -> int:
        """0: an original's (or independent) wording; 1: an original's text no copy confirms; 2: a copy's."""
        if self.is_derived(sentence.article_id):
            return 2
        return 1 if sentence.key in self.uncopied else 0


class CopyDetector(Protocol):
    """Finds which articles copy which (verbatim, spun or paraphrased), so that a copy does not count
    as corroboration (default :class:`AttestationCopyDetector`)."""

    def analyze(
        self, articles: Sequence[Article], sentences: Sequence[Sentence], embeddings: np.ndarray
    ) -> SourceGraph:
        """The collection's source graph: each copy with its original, and the outlets that count once."""
        ...


@dataclass(frozen=True)
class _Pair:
    a: str
    b: str
    coverage_a: float  # share of a's sentences matched in b
    coverage_b: float
    lexical: float  # mean word-sequence similarity of matched sentences (1 = verbatim)
    attested_a: float  # share of a's differing words used by other articles
    attested_b: float
    matches: int
    substitution: float  # share of edited words that are like-for-like swaps (a spinner's mark)
    word_edits: float  # edited alphabetic words per word of the matched sentences (figures excluded)


_VERBATIM = 0.9  # mean word-sequence similarity of a short copy's sentences to the original's


class AttestationCopyDetector:
    """The default copy detector (see the module docstring)."""

    def __init__(
        self, *, match_similarity: float = 0.8, min_coverage: float = 0.4, min_matches: int = 3, min_words: int = 5
    ) -> None:
        self.match_similarity = match_similarity
        self.min_coverage = min_coverage
        self.min_matches = min_matches
        self.min_words = min_words

    def analyze(
        self, articles: Sequence[Article], sentences: Sequence[Sentence], embeddings: np.ndarray
    ) -> SourceGraph:

        ids = [a.id for a in articles]
        rows: dict[str, list[int]] = {a: [] for a in ids}
        for i, s in enumerate(sentences):
            if len(words(s.text)) >= self.min_words:
                rows.setdefault(s.article_id, []).append(i)
        vocab = {a: {w for i in rows[a] for w in content_words(sentences[i].text)} for a in ids}
        df: Counter[str] = Counter(w for v in vocab.values() for w in v)
        # Candidate pairs: articles sharing at least min_matches near-identical sentences.
        order = {a: k for k, a in enumerate(ids)}
        shared: Counter[tuple[str, str]] = Counter()
        statement_rows = [i for a in ids for i in rows[a]]
        article_of = [order[sentences[i].article_id] for i in statement_rows]
        for i, j, _ in similar_pairs(embeddings, statement_rows, self.match_similarity, groups=article_of):
            a, b = sentences[i].article_id, sentences[j].article_id
            shared[(a, b) if order[a] < order[b] else (b, a)] += 1

        # An article shorter than min_matches statements is a copy only when the other reproduces
        # all of it nearly word for word (a one-paragraph wire item run twice).
        def needed(p: tuple[str, str]) -> int:
            return min(self.min_matches, len(rows[p[0]]), len(rows[p[1]]))

        pairs: list[_Pair] = []
        for a, b in sorted((p for p, n in shared.items() if n >= needed(p)), key=lambda p: (order[p[0]], order[p[1]])):
            sims = embeddings[rows[a]] @ embeddings[rows[b]].T
            aligned = align(sims, self.match_similarity)
            matched = [(rows[a][r], rows[b][c]) for r, c in aligned]
            coverage_a = len(matched) / len(rows[a])
            coverage_b = len(matched) / len(rows[b])
            if len(matched) < needed((a, b)) or max(coverage_a, coverage_b) < self.min_coverage:
                continue

            def elsewhere(w: str, a: str = a, b: str = b) -> bool:
                return df[w] - (w in vocab[a]) - (w in vocab[b]) > 0

            pair = _pair(a, b, matched, sentences, elsewhere, coverage_a, coverage_b)
            if len(matched) < self.min_matches and (max(coverage_a, coverage_b) < 1.0 or pair.lexical < _VERBATIM):
                continue
            pairs.append(pair)
        graph = _families(ids, pairs, {a.id: a.published for a in articles})
        return SourceGraph(graph.derivations, graph.family, self._uncopied(graph, rows, sentences, embeddings))

    def _uncopied(
        self, graph: SourceGraph, rows: dict[str, list[int]], sentences: Sequence[Sentence], embeddings: np.ndarray
    ) -> frozenset[tuple[str, int]]:
        out: set[tuple[str, int]] = set()
        for original in sorted(set(graph.family.values())):
            copies = [a for a, o in graph.family.items() if o == original and a != original and rows[a]]
            if not copies or not rows[original]:
                continue
            # A copy confirms the original's sentences it reproduces, in order.
            confirmed: set[int] = set()
            for copy in copies:
                sims = embeddings[rows[copy]] @ embeddings[rows[original]].T
                confirmed.update(rows[original][c] for _, c in align(sims, self.match_similarity))
            out.update(sentences[i].key for i in rows[original] if i not in confirmed)
        return frozenset(out)


def align(sims: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """Monotonic one-to-one alignment of two sentence sequences maximising the summed similarity of
    pairs at or above ``threshold`` (copies keep their source's order; a paraphrase of one sentence
    elsewhere in the text does not count as reproducing it)."""
    import numpy as np

    n, m = sims.shape
    values = np.asarray(sims, dtype=np.float64)
    gains = np.where(values >= threshold, values, 0.0)
    # best[i, j]: the best sum for rows i.. and columns j..; a row is the suffix maximum of
    # max(take, skip the row), computed a row at a time (the same float sums as cell by cell).
    best = np.zeros((n + 1, m + 1), dtype=np.float64)
    for i in range(n - 1, -1, -1):
        below = best[i + 1]
        take = np.where(gains[i] != 0.0, gains[i] + below[1:], 0.0)
        best[i, :m] = np.maximum.accumulate(np.maximum(take, below[:m])[::-1])[::-1]
    gain = gains.tolist()
    best_rows = best.tolist()
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        if gain[i][j] and best_rows[i][j] == gain[i][j] + best_rows[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best_rows[i][j] == best_rows[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def _pair(
    a: str,
    b: str,
    matched: list[tuple[int, int]],
    sentences: Sequence[Sentence],
    elsewhere: Callable[[str], bool],
    coverage_a: float,
    coverage_b: float,
) -> _Pair:
    diff_a: list[str] = []
    diff_b: list[str] = []
    ratios: list[float] = []
    swapped = edited = word_edits = total = 0
    for i, j in matched:
        x, y = words(sentences[i].text), words(sentences[j].text)
        matcher = difflib.SequenceMatcher(a=x, b=y, autojunk=False)
        ratios.append(matcher.ratio())
        total += max(len(x), len(y))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag != "equal":
                word_edits += max(sum(not w.isdigit() for w in x[i1:i2]), sum(not w.isdigit() for w in y[j1:j2]))
                diff_a.extend(content_words(" ".join(x[i1:i2])))
                diff_b.extend(content_words(" ".join(y[j1:j2])))
                size = max(i2 - i1, j2 - j1)
                edited += size
                if tag == "replace" and abs((i2 - i1) - (j2 - j1)) <= 1:
                    swapped += size

    def attested(ws: list[str]) -> float:
        return sum(elsewhere(w) for w in ws) / len(ws) if ws else 1.0

    return _Pair(
        a,
        b,
        coverage_a,
        coverage_b,
        sum(ratios) / len(ratios),
        attested(diff_a),
        attested(diff_b),
        len(matched),
        swapped / edited if edited else 1.0,
        word_edits / total if total else 0.0,
    )


def _families(ids: list[str], pairs: list[_Pair], published: dict[str, dt.date | None]) -> SourceGraph:
    families = UnionFind(ids)
    for p in pairs:
        families.union(p.a, p.b)

    # An article's standing in its family: how much better attested its wording is than its relatives';
    # then how much of its relatives it contains (a partial copy is contained in its source).
    standing = {a: 0.0 for a in ids}
    containment = {a: 0.0 for a in ids}
    for p in pairs:
        standing[p.a] += p.attested_a - p.attested_b
        standing[p.b] += p.attested_b - p.attested_a
        containment[p.a] += p.coverage_b - p.coverage_a
        containment[p.b] += p.coverage_a - p.coverage_b
    family: dict[str, str] = {}
    derivations: list[Derivation] = []
    by_pair = {(p.a, p.b): p for p in pairs} | {(p.b, p.a): _flip(p) for p in pairs}
    related: dict[str, list[str]] = {a: [] for a in ids}
    for a, b in by_pair:
        related[a].append(b)
    order = {a: i for i, a in enumerate(ids)}
    for relatives in related.values():
        relatives.sort(key=order.__getitem__)
    for group in families.groups():
        # A copy is never older than its original: where every member has a publication date, the
        # original is one of the first published ("[14 January] paraphrase of [15 January]" was read
        # from the wording alone, and one outlet's updates reword its earlier reports).
        days = [published.get(a) for a in group]
        first = min(d for d in days if d) if all(days) else None
        candidates = [a for a, d in zip(group, days, strict=True) if first is None or d == first]
        original = max(candidates, key=lambda a: (round(standing[a], 6), round(containment[a], 6), -ids.index(a)))
        steps = _steps_from(original, related)
        for a in group:
            family[a] = original
            if a == original:
                continue
            # Copied from a relative one step nearer the original (the original itself when the two are
            # related), the one holding the largest share of its sentences: every copy leads back to the original.
            pair = max((by_pair[(a, o)] for o in related[a] if steps[o] < steps[a]), key=lambda q: q.coverage_a)
            derivations.append(_derivation(a, pair.b, pair, standing))
    derivations.sort(key=lambda d: (ids.index(d.article_id), d.source_id))
    return SourceGraph(tuple(derivations), family)


def derivation_chains(derivations: Sequence[Derivation]) -> Callable[[str], tuple[str, ...]]:
    """For an article id, the articles it derives from, nearest first: its source, that source's
    own, and so on to its family's original; () for an article that is no copy."""
    source = {d.article_id: d.source_id for d in derivations}

    def chain(article_id: str) -> tuple[str, ...]:
        out: list[str] = []
        seen = {article_id}
        while (article_id := source.get(article_id, "")) and article_id not in seen:
            seen.add(article_id)
            out.append(article_id)
        return tuple(out)

    return chain


def _steps_from(original: str, related: dict[str, list[str]]) -> dict[str, int]:
    """Distance from the original, in related pairs, of each member of its family (the original's: 0)."""
    steps = {original: 0}
    frontier = [original]
    while frontier:
        following: list[str] = []
        for a in frontier:
            for o in related[a]:
                if o not in steps:
                    steps[o] = steps[a] + 1
                    following.append(o)
        frontier = following
    return steps


def _flip(p: _Pair) -> _Pair:
    return replace(
        p,
        a=p.b,
        b=p.a,
        coverage_a=p.coverage_b,
        coverage_b=p.coverage_a,
        attested_a=p.attested_b,
        attested_b=p.attested_a,
    )


def _derivation(copy: str, original: str, pair: _Pair, standing: dict[str, float]) -> Derivation:
    if pair.word_edits >= 0.02:  # words were changed: swapped one for one (spun) or rewritten
        kind = "spun" if pair.substitution >= 0.6 else "paraphrase"
    elif pair.coverage_b <= 0.7:  # verbatim, but only part of the source
        kind = "partial"
    else:
        kind = "copy"
    evidence = (
        ("coverage", round(pair.coverage_a, 4)),
        ("source_coverage", round(pair.coverage_b, 4)),
        ("lexical_similarity", round(pair.lexical, 4)),
        ("substitution_share", round(pair.substitution, 4)),
        ("word_edit_rate", round(pair.word_edits, 4)),
        ("attested_words", round(pair.attested_a, 4)),
        ("source_attested_words", round(pair.attested_b, 4)),
        ("matched_sentences", float(pair.matches)),
        ("standing", round(standing[copy], 4)),
    )
    return Derivation(copy, original, kind, round(pair.coverage_a, 4), evidence)  # type: ignore[arg-type]
