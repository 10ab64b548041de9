"""Selecting what to say: a representative sentence per statement, and the key points.

Representative: the member that best states the statement, by three signals:

- *centrality*: cosine similarity to the cluster centroid (it says what the
  members have in common);
- *attestation*: the share of its content words that other articles also use.
  A word-spun copy swaps words for odd synonyms ("particular forces
  combating", "New York Occasions") that no independent text uses, so its
  wording is less attested than the original's, which copies and other outlets
  share. This is a property of the collection, not a list of bad words;
- *self-containedness*: complete, of useful length, not opening with a pronoun
  that needs the previous sentence. A member that stands alone is preferred to
  any that does not, whatever their other scores (:func:`representative_rank`).

Key points: statements ranked by their support (by default how many independent
sources make them; the pipeline also gives half weight to each further wording
within one outlet, see :meth:`digest.sourcing.SourceGraph.support`), counted
over the members that say what the representative says, the ones the key point
cites (:func:`digest.support.says_the_same`): a cluster of BP's running totals
("$2.35 billion so far", "$930 million", "$3.12 billion") is no statement forty
articles make. The support of all members bounds it, so statements are scored
lazily, best bound first, and a large collection's thousands of small ones never
are. Support times how central they are to the story (the centroid's similarity
to the whole collection's), so boilerplate many pages repeat ("To play this
content JavaScript must be turned on") ranks low, and times 0.6 + 0.4 of its
representative's self-containedness, so one that leans on the sentence before
("She told the BBC ...") ranks below one as widely reported that stands alone;
a statement that says the same as a higher-ranked one (representatives at or
above the redundancy similarity) is skipped. The news everyone reports is often
written in many ways ("Mubarak stepped down Friday and handed over power to the
military ...", "Mubarak decided Friday to step down, Vice President Omar
Suleiman said"), which clustering keeps apart as statements of a few members
each. So the best-ranked statements are ranked again with their *echoes* counted
as support: in each article none of whose sentences the statement cites, its
sentence most similar to the representative, when at least the echo similarity
(an assertion: no question, no writer's own voice). Only a statement that names an
actor, a place or a figure has echoes: a vague one ("Swine flu is a cause of
concern to the world.") is like every sentence on its topic. A chosen key point's
echoes (in every article outside its cluster) are weighed as its members are: one
that says what it quotes is cited, the others are related reports, so a key point
is "uncorroborated" only when no other source has a sentence like it.
"""

from __future__ import annotations

import heapq
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from digest.config import Config
from digest.text import (
    content_words,
    gives_contact,
    is_assertion,
    is_unattributed_quote,
    opens_with_reference,
    words,
)
from digest.types import Citation, Cluster, KeyPoint, Sentence

if TYPE_CHECKING:
    import numpy as np

SourceCounter = Callable[[Sequence[str]], float]
# How widely a statement's sentences are reported, for ranking key points.
Support = Callable[[Sequence[Sentence]], float]
# Lower is better: 0 an original's wording, 1 unconfirmed original text, 2 a copy's wording.
Preference = Callable[[Sentence], int]
# Openers that lean on the sentence before: "Since then, ...", "However, ...".
_CONNECTIVE = re.compile(
    r"^(?:since then|then|however|but|and|or|nor|also|meanwhile|separately|still|instead|yet|so|thus|therefore|"
    r"moreover|besides|in addition|as a result|individually)\b"
    # ... and these when a comma follows: "At the same time, infections were breaking out ..." ("After
    # that, ...", "In that case, ..." point back: digest.text.opens_with_reference)
    r"|^(?:at the same time|nevertheless|nonetheless|furthermore|in contrast|by contrast|on the other hand|"
    r"likewise|similarly|in turn|even so|in response|by then|until then)\s*,",
    re.I,
)
_TERMINAL = re.compile(r"""[.!?]['"’”)\]]*$""")
# A teaser cut off by its site: an ellipsis right after a word ("... saying they belie...").
_CUT_OFF = re.compile(r"""\w(?:\.{3,}|…)['"’”)\]]*$""")


def distinct_sources(article_ids: Sequence[str]) -> float:
    return float(len(set(article_ids)))


def no_preference(sentence: Sentence) -> int:
    return 0


def never_filler(sentence: Sentence) -> bool:
    return False


def always_quotable(sentence: Sentence) -> bool:
    return True


_DEMONYM = re.compile(r"^(?:[A-Z][a-z]+(?:ian|ean|ese|ish|ic|i)|Western|Eastern|Northern|Southern|Allied)$")
_PROPER = re.compile(r"(?<=[\w,;:] )[A-Z][\w’'-]+")
_NUMBER = re.compile(r"\d+")


def is_specific(text: str) -> bool:
    """Names an actor, a place, a number or a date: a digit or a proper noun other than a demonym."""
    return specificity(text) > 0


def specificity(text: str) -> float:
    """How much a sentence names, from 0 to 1: its proper nouns after the first word (not
    demonyms) and its numbers, four or more for full marks. "In a somber, one-minute announcement
    on state television, Vice President Omar Suleiman announced Mubarak's resignation" names
    more than "Always the people of Egypt are very happy because Mubarak is going"."""
    names = sum(1 for m in _PROPER.finditer(text) if not _DEMONYM.match(m.group(0).rstrip("’'s")))
    return min(1.0, (names + len(_NUMBER.findall(text))) / 4)


@dataclass(frozen=True)
class Selection:
    clusters: tuple[Cluster, ...]
    key_points: tuple[KeyPoint, ...]


class Selector(Protocol):
    """Picks the key points from the clustered sentences: for each, a representative sentence and
    the citations of every sentence that makes the statement (default :class:`CentralAttestedSelector`)."""

    def select(
        self,
        sentences: Sequence[Sentence],
        embeddings: np.ndarray,
        labels: np.ndarray,
        *,
        max_points: int,
        count_sources: SourceCounter = distinct_sources,
        preference: Preference = no_preference,
        is_filler: Callable[[Sentence], bool] = never_filler,
        support: Support | None = None,
        quotable: Callable[[Sentence], bool] = always_quotable,
    ) -> Selection:
        """At most ``max_points`` key points, ranked; sources counted by ``count_sources``, wordings
        ranked by ``preference`` (an original's before a copy's); a statement one independent source
        makes whose every sentence ``is_filler`` is no key point; only ``quotable`` sentences quoted."""
        ...


class CentralAttestedSelector:
    """The default selector (see the module docstring)."""

    def __init__(
        self,
        *,
        redundancy_similarity: float = Config.redundancy_similarity,
        min_words: int = Config.min_sentence_words,
        max_words: int = Config.max_point_words,
        specificity_weight: float = Config.specificity_weight,
        echo_similarity: float | None = Config.echo_similarity,
        citation_probability: float | None = Config.citation_probability,
    ) -> None:
        self.redundancy_similarity = redundancy_similarity
        self.echo_similarity = echo_similarity
        self.citation_probability = citation_probability
        self.min_words = min_words
        self.max_words = max_words
        self.specificity_weight = specificity_weight

    def select(
        self,
        sentences: Sequence[Sentence],
        embeddings: np.ndarray,
        labels: np.ndarray,
        *,
        max_points: int,
        count_sources: SourceCounter = distinct_sources,
        preference: Preference = no_preference,
        is_filler: Callable[[Sentence], bool] = never_filler,
        support: Support | None = None,
        quotable: Callable[[Sentence], bool] = always_quotable,
    ) -> Selection:
        """Key points skip single-source statements that are filler (``is_filler`` for every member).
        ``support`` ranks them (default: ``count_sources`` of the members' articles). A member that
        is not ``quotable`` by itself (a broadcast transcript's speech, whose speaker the sentence
        does not name) is the representative only when no member is quotable, and then the statement
        is no key point."""
        import numpy as np

        attested = attestation(sentences)
        groups = statement_groups(labels)
        collection = story_direction(sentences, embeddings)

        clusters: list[Cluster] = []
        bounds: list[tuple[float, int]] = []
        factors: dict[int, float] = {}
        for cid, members in enumerate(groups):
            centroid = embeddings[members].mean(axis=0)
            centroid /= np.linalg.norm(centroid) or 1.0
            scores = [
                representative_score(float(embeddings[i] @ centroid), attested[i], sentences[i].text) for i in members
            ]
            # A copy's wording is never the representative when an original's is in the cluster.
            speakable = [k for k, i in enumerate(members) if quotable(sentences[i])] or range(len(members))
            tier = min(preference(sentences[members[k]]) for k in speakable)
            eligible = [k for k in speakable if preference(sentences[members[k]]) == tier]
            best = members[
                max(eligible, key=lambda k: (*representative_rank(scores[k], sentences[members[k]].text), -k))
            ]
            centrality = float(centroid @ collection)
            clusters.append(
                Cluster(
                    id=cid,
                    members=tuple(sentences[i].key for i in members),
                    representative=sentences[best].key,
                    centrality=round(centrality, 4),
                    scores=tuple(
                        (f"{sentences[i].article_id}:{sentences[i].index}", round(s, 4))
                        for i, s in zip(members, scores, strict=True)
                    ),
                )
            )
            n_independent = count_sources([sentences[i].article_id for i in members])
            filler = n_independent <= 1 and all(is_filler(sentences[i]) for i in members)
            rep_text = sentences[best].text
            # A key point is a complete statement: quotable, of useful length (not a list run
            # together), ended, not a question, not in the writer's own voice (a presenter's "I talked
            # to ElBaradei earlier on Monday."), not a quotation without its speaker, and giving no
            # phone number or e-mail address (an appeal).
            complete = (
                quotable(sentences[best])
                and len(words(rep_text)) >= self.min_words
                and _TERMINAL.search(rep_text)
                and states_something(rep_text, max_words=self.max_words)
                and not gives_contact(rep_text)
            )
            if complete and not filler:
                # Support times centrality: many sources repeating off-topic page text rank low.
                # A statement that names who, where and how many ranks a little higher than a
                # vague one as central ("Not everyone's rejoicing over the developments in Egypt").
                factor = 1 + self.specificity_weight * specificity(rep_text)
                # One that leans on the sentence before ("She told the BBC ...") tells a reader less.
                factor *= 0.6 + 0.4 * self_contained(rep_text)
                factors[cid] = factor * max(centrality, 0.0)
                weight = support([sentences[i] for i in members]) if support else n_independent
                bounds.append((weight * factors[cid], cid))

        row = {s.key: i for i, s in enumerate(sentences)}
        cited: dict[int, list[int]] = {}

        def cited_support(cid: int) -> float:
            """A statement ranks by the members it cites (:meth:`_cited`), not by all it gathers."""
            cited[cid] = self._cited(groups[cid], row[clusters[cid].representative], sentences, embeddings)
            own = [sentences[i] for i in cited[cid]]
            weight = support(own) if support else count_sources([s.article_id for s in own])
            return weight * factors[cid]

        order = _best_first(bounds, cited_support)
        ranked = list(itertools.islice(order, ECHO_POOL * max_points))
        if self.echo_similarity is not None:
            # Only the best-ranked few: a statement's echoes cost a pass over the collection.
            ranked = sorted(
                (
                    (
                        weight
                        * self._echo_factor(
                            cited[cid], row[clusters[cid].representative], sentences, embeddings, support
                        ),
                        cid,
                    )
                    for weight, cid in ranked
                ),
                key=lambda t: (-round(t[0], 6), t[1]),
            )
        chosen: list[int] = []
        chosen_reps: list[int] = []
        score_of: dict[int, float] = {}
        for score, cid in itertools.chain(ranked, order):
            if len(chosen) >= max_points:
                break
            rep = row[clusters[cid].representative]
            if any(float(embeddings[rep] @ embeddings[r]) >= self.redundancy_similarity for r in chosen_reps):
                continue
            if any(_within(sentences[rep].text, sentences[r].text) for r in chosen_reps):
                continue
            chosen.append(cid)
            chosen_reps.append(rep)
            score_of[cid] = score
        points = []
        for cid in chosen:
            # Its echoes (a sentence of each other article most like it) are its wider reporting: one
            # that says what it quotes is cited as a member that does; the others are related reports.
            rep = row[clusters[cid].representative]
            echoes = sorted(self._echoes(groups[cid], rep, sentences, embeddings).values())
            saying = self._cited(echoes, rep, sentences, embeddings) if self.citation_probability is not None else []
            points.append(
                self._key_point(
                    clusters[cid],
                    [*groups[cid], *echoes],
                    [*cited[cid], *saying],
                    sentences,
                    count_sources,
                    score_of[cid],
                )
            )
        return Selection(clusters=tuple(clusters), key_points=tuple(points))

    def _cited(
        self, members: Sequence[int], rep: int, sentences: Sequence[Sentence], embeddings: np.ndarray
    ) -> list[int]:
        """The members that say what the representative ``rep`` says (:func:`digest.support.says_the_same`
        at least ``citation_probability``), ``rep`` among them. A statement cluster gathers a topic's
        sentences (another remark of the same speaker, the same event on another day, another
        running total); only these are cited, and the statement ranks by them."""
        from digest.support import cites

        vector = embeddings[rep]
        text = sentences[rep].text
        return [
            i
            for i in members
            if i == rep or cites(text, sentences[i].text, float(embeddings[i] @ vector), self.citation_probability)
        ]

    def _key_point(
        self,
        cluster: Cluster,
        member_rows: Sequence[int],
        cited_rows: Sequence[int],
        sentences: Sequence[Sentence],
        count: SourceCounter,
        score: float,
    ) -> KeyPoint:
        """A statement as a key point: its representative quoted, and the members that say what it
        says (:meth:`_cited`) cited; the other members are listed in ``related``: on its subject, and
        leaving open whether it is corroborated. ``member_rows`` may hold the statement's echoes
        (:meth:`_echoes`) too, and ``cited_rows`` those of them that say it."""
        cited = [sentences[i] for i in cited_rows]
        rep = next(s for s in cited if s.key == cluster.representative)
        said = set(cited_rows)
        uncited = [sentences[i] for i in member_rows if i not in said]
        return KeyPoint(
            text=rep.text,
            cluster_id=cluster.id,
            citations=tuple(citation_of(s) for s in cited),
            representative=citation_of(rep),
            source_count=len({s.article_id for s in cited}),
            score=round(score, 4),
            independent_count=int(count([s.article_id for s in cited])),
            related=tuple(citation_of(s) for s in uncited),
        )

    def _echo_factor(
        self,
        members: Sequence[int],
        rep: int,
        sentences: Sequence[Sentence],
        embeddings: np.ndarray,
        support: Support | None,
    ) -> float:
        """How much wider a statement is reported with its echoes than by its members: the support
        of members and echoes over the members' (one echo per article outside the statement, its
        sentence most similar to the representative, at least ``echo_similarity``); 1.0 for a
        statement that names nothing (:func:`is_specific`)."""
        echoes = self._echoes(members, rep, sentences, embeddings)
        if not echoes:
            return 1.0
        own = [sentences[i] for i in members]
        if support is None:
            within = {s.article_id for s in own}
            return len(within | echoes.keys()) / len(within)
        return support(own + [sentences[i] for i in sorted(echoes.values())]) / (support(own) or 1.0)

    def _echoes(
        self, members: Sequence[int], rep: int, sentences: Sequence[Sentence], embeddings: np.ndarray
    ) -> dict[str, int]:
        """A statement's echoes: for each article none of ``members`` is in, its sentence most similar to
        the representative, when at least ``echo_similarity`` and an assertion (not a question nor the
        writer's own voice, which no statement cites: :func:`digest.text.is_assertion`); none for a
        statement that names nothing (:func:`is_specific`)."""
        import numpy as np

        if self.echo_similarity is None or not is_specific(sentences[rep].text):
            # A statement that names no one, nowhere and no number ("Thousands of people are feared
            # dead and injured.") is like any sentence on its topic: its echoes say nothing of it.
            return {}
        sims = embeddings @ embeddings[rep]
        within = {sentences[i].article_id for i in members}
        echoes: dict[str, int] = {}
        for i in np.flatnonzero(sims >= self.echo_similarity).tolist():
            article = sentences[i].article_id
            if article in within or (article in echoes and sims[i] <= sims[echoes[article]]):
                continue
            if is_assertion(sentences[i].text):
                echoes[article] = i
        return echoes


def _best_first(bounds: Sequence[tuple[float, int]], exact: Callable[[int], float]) -> Iterator[tuple[float, int]]:
    """``(exact(cid), cid)`` for the ``(bound, cid)`` pairs, best first (ties by ``cid``), where each
    bound is at least its exact score. Lazily: a bound is made exact only when it is the best left,
    so a large collection's many small statements are never scored."""
    heap = [(-round(bound, 6), cid, False, bound) for bound, cid in bounds]
    heapq.heapify(heap)
    while heap:
        _key, cid, is_exact, score = heapq.heappop(heap)
        if is_exact:
            yield score, cid
        else:
            score = exact(cid)
            heapq.heappush(heap, (-round(score, 6), cid, True, score))


def _within(text: str, other: str) -> bool:
    """Whether a statement says little that ``other`` does not: four fifths of its content words are
    ``other``'s ("Thousands of people are feared dead and injured." beside "Thousands of people are
    feared dead after a powerful earthquake hit the Caribbean nation of Haiti, ...")."""
    own = set(content_words(text))
    return bool(own) and len(own & set(content_words(other))) >= 0.8 * len(own)


# Key points: this many times max_points of the best-ranked statements are ranked again with their echoes.
ECHO_POOL = 4


def states_something(text: str, *, max_words: int) -> bool:
    """Whether a sentence can be quoted as a statement by itself: an assertion in a report's voice
    (:func:`digest.text.is_assertion`: no question, caption or writer's own voice), not a quotation
    without its speaker, and no list run together (more than ``max_words`` words). Key points and
    the events of a small collection's timeline both ask it."""
    return is_assertion(text) and not is_unattributed_quote(text) and len(words(text)) <= max_words


def story_direction(sentences: Sequence[Sentence], embeddings: np.ndarray) -> np.ndarray:
    """What the collection is about: the mean of its articles' mean sentences (unit length). Each
    article weighs the same, and a text repeated within one counts once: a page repeating a filler
    paragraph a hundred times does not pull the story towards it."""
    import numpy as np

    from digest.stories import article_means

    _, means = article_means(sentences, embeddings)
    if not len(means):
        return np.zeros(embeddings.shape[1], dtype=embeddings.dtype)
    direction = means.mean(axis=0)
    return direction / (np.linalg.norm(direction) or 1.0)


def representative_score(centrality: float, attested: float, text: str) -> float:
    """How well a member states its cluster: central and attested, scaled down when it leans on context."""
    return (0.5 * centrality + 0.5 * attested) * (0.6 + 0.4 * self_contained(text))


def representative_rank(score: float, text: str) -> tuple[bool, float]:
    """How members of one statement compete to state it (higher first): a member that stands alone
    (full marks from :func:`self_contained`) before any that leans on the sentence before it, is cut
    short or is part of a longer quotation, then by ``score``. "Since then, Russian forces have
    managed to retake a sizeable chunk of that region." states nothing a reader can place when
    another outlet's member says "Russia has managed to retake around half of the land in Kursk"."""
    return self_contained(text) >= 1.0, score


def statement_groups(labels: np.ndarray) -> list[list[int]]:
    """Members of each statement, ordered by first member; unclustered rows are statements of one."""
    groups: dict[int, list[int]] = {}
    out: list[list[int]] = []
    for i, label in enumerate(labels.tolist()):
        if label < 0:
            out.append([i])
        elif label in groups:
            groups[label].append(i)
        else:
            groups[label] = [i]
            out.append(groups[label])
    return out


def attestation(sentences: Sequence[Sentence]) -> list[float]:
    """Per sentence, the share of its content words found in at least one other article."""
    by_article: dict[str, set[str]] = {}
    for s in sentences:
        by_article.setdefault(s.article_id, set()).update(content_words(s.text))
    df: Counter[str] = Counter()
    for vocab in by_article.values():
        df.update(vocab)
    out: list[float] = []
    for s in sentences:
        cw = set(content_words(s.text))
        if not cw:
            out.append(0.0)
            continue
        # df counts the sentence's own article once; attested means used elsewhere too.
        out.append(sum(df[w] >= 2 for w in cw) / len(cw))
    return out


def leans_on_previous(text: str) -> bool:
    """Whether a sentence needs the one before it: it opens with a word that points back ("He
    explains ...", :func:`digest.text.opens_with_reference`) or with a connective ("But the Coast
    Guard ... has largely escaped scrutiny", "Meanwhile, ...")."""
    return opens_with_reference(text) or bool(_CONNECTIVE.match(text.lstrip("\"'“‘ ")))


def self_contained(text: str) -> float:
    """1.0 for a complete sentence of useful length that does not lean on the one before; a
    sentence cut off with an ellipsis ("... saying they belie...") or missing its start (", who
    has received ...") is below 0.5, and a piece of a longer quotation
    (:func:`part_of_a_quotation`) scores less."""
    tokens = words(text)
    score = 1.0
    if not tokens:
        return 0.0
    if opens_with_reference(text):
        score -= 0.4
    elif _CONNECTIVE.match(text.lstrip("\"'“‘ ")):
        score -= 0.3
    if _CUT_OFF.search(text.strip()):
        score -= 0.6  # the statement is missing its end
    elif not _TERMINAL.search(text.strip()):
        score -= 0.4
    if text.lstrip()[:1] in (",", ";", ":", ")"):
        score -= 0.6  # ... or its start: ", who has received more than $100,000 ..., revealed Thursday ..."
    if part_of_a_quotation(text):
        score -= 0.3  # who says it is in another sentence
    if len(tokens) < 8:
        score -= 0.3
    elif len(tokens) > 45:
        score -= 0.2
    if text[:1].islower():
        score -= 0.3
    return max(score, 0.0)


def part_of_a_quotation(text: str) -> bool:
    """A sentence that opens a quotation another sentence closes, or closes one another opened
    ("\"BP needs to tell us what it will do ...", "... for years to come," he said.): a piece of
    a longer quote. Double quotes only; single ones double as apostrophes."""
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”")


def citation_of(sentence: Sentence) -> Citation:
    return Citation(sentence.article_id, sentence.index, sentence.start, sentence.end)
