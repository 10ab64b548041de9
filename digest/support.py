"""Whether a member of a statement says what its quoted sentence says.

A statement cluster gathers the sentences of a topic that embed close together: the same fact in
other words, but also another remark of the same speaker, the same event on another day, another
figure for the same thing, or the opposite ("has not spoken with"). A key point cites a member
only when it says what the representative says: the probability from a logistic model over a
few measurements of the pair (:func:`features`), at least ``Config.citation_probability``
(:func:`cites`). A timeline entry cites its date's sentences by the same rule.

The weights were fitted on ``benchmarks/citation_judgments.tsv`` (376 judged pairs from the
key-points gate's T17 days and the example) by ``python benchmarks/citations.py --fit``, which
also prints their leave-one-topic-out precision and recall.
"""

from __future__ import annotations

import functools
import math
import re

from digest.attribution import find_attribution, same_speaker
from digest.quantities import bound_figures, distinctive_figures, figures_apart
from digest.text import content_words

FEATURES = (
    "cosine",  # of the two sentence embeddings
    "shared",  # content words in common, over the shorter sentence's
    "shared_of_quoted",  # ... over the quoted sentence's
    "shared_of_member",  # ... over the member's
    "length_ratio",  # the shorter sentence's content words over the longer's
    "same_figure",  # a distinctive figure in both ("$20bn", "11,000")
    "other_figures",  # digest.quantities.figures_apart
    "negation_differs",  # one says "not", "no", "never", the other does not
    "other_speaker",  # both name who says it, and not the same (digest.attribution.same_speaker)
    "same_speaker",
)
# Fitted by `python benchmarks/citations.py --fit` (logistic regression, C=1), in FEATURES order.
WEIGHTS = (1.17, 1.73, 2.51, 1.10, 0.68, 2.56, -1.56, -0.61, -0.42, 1.10)
INTERCEPT = -3.62

_NEGATION = re.compile(r"\b(?:not|no|never|nor|denied|denies)\b|n[’']t\b", re.I)


@functools.lru_cache(maxsize=8192)
def _profile(
    text: str,
) -> tuple[frozenset[str], frozenset[tuple[str, float, float]], frozenset[tuple[str, float, float]], str | None, bool]:
    """What :func:`features` reads of one sentence: its content words, distinctive figures (and
    those said as bounds), speaker and negation. Found once per text: a statement's representative
    is compared with every member."""
    return (
        frozenset(content_words(text)),
        distinctive_figures(text),
        bound_figures(text),
        find_attribution(text),
        bool(_NEGATION.search(text)),
    )


def features(quoted: str, member: str, cosine: float) -> tuple[float, ...]:
    """The measurements of a (quoted sentence, member) pair, in :data:`FEATURES` order."""
    a, figures_a, bounds_a, who_a, negated_a = _profile(quoted)
    b, figures_b, bounds_b, who_b, negated_b = _profile(member)
    common = len(a & b)
    speaker = same_speaker(who_a, who_b) if who_a and who_b else None
    return (
        cosine,
        common / max(1, min(len(a), len(b))),
        common / max(1, len(a)),
        common / max(1, len(b)),
        min(len(a), len(b)) / max(1, len(a), len(b)),
        float(bool(figures_a & figures_b)),
        float(figures_apart(figures_a, figures_b, bounds=bounds_a | bounds_b)),
        float(negated_a != negated_b),
        float(speaker is False),
        float(speaker is True),
    )


def says_the_same(quoted: str, member: str, cosine: float) -> float:
    """The probability that ``member`` says what ``quoted`` says (``cosine``: of their embeddings)."""
    z = INTERCEPT + sum(w * x for w, x in zip(WEIGHTS, features(quoted, member, cosine), strict=True))
    return 1.0 / (1.0 + math.exp(-z))


def cites(quoted: str, member: str, cosine: float, threshold: float | None) -> bool:
    """Whether a statement quoting ``quoted`` cites ``member``: :func:`says_the_same` at least
    ``threshold`` (``Config.citation_probability``); None cites every member."""
    return threshold is None or says_the_same(quoted, member, cosine) >= threshold
