"""The grounding check: a generated sentence may only state what its cited source sentences state.

Rule checks (:func:`rule_checks`), each a named :class:`Check` with the reason when it fails:

- ``form``: not empty, at most ``max_sentences`` sentences and ``max_words`` words, no
  leftover markup (``<sources>``, ``[1]``), no five words repeated, no talk about the task ("The sentence is ...",
  "The headline is about ...") unless the sources use the word;
- ``numbers``: every number in the output (digits or words, "1,000" = "1000" = "one thousand",
  "1.5 million" = "1500000") is a number of the evidence; a number whose measure
  :mod:`digest.quantities` recognises ("1,000 killed") must also count the same thing there
  (a "1,000 wounded" against a source's "1,000 killed" fails);
- ``dates``: every year, month, day of month, weekday and relative date word ("last week",
  "yesterday") in the output is in the evidence;
- ``entities``: every named entity (a run of capitalised words or an acronym, after aliases:
  "N Korea" = "North Korea", "U.S." = "US" = "United States") is in the evidence: each of its
  words appears there capitalised, with demonyms matched to names ("North Korean" ~ "North
  Korea", "Ukrainian" ~ "Ukraine");
- ``attribution``: who the output says states it ("X said", "according to X") is who some cited
  sentence says states it (digest.attribution on both): "The Mexican government confirmed" fails
  when the sources have Spain's health ministry say so;
- ``roles``: a name after a preposition that marks who does what to whom ("for Russia", "against
  Ukraine", "by Kyiv", "from North Korea") stands after the same preposition in some evidence
  sentence: "troops sent to fight for North Korea" fails against "sent from North Korea to
  fight for Russia" (a small model's typical swap, which the embedding similarity barely sees);
- ``quotes``: a quotation of three words or more appears verbatim in the evidence;
- ``novelty``: at most :data:`MAX_NOVELTY` of the output's content words are words that no cited
  sentence uses ("continues to push forward" about a region "retaken"): a small model's
  embellishments that name nothing and count nothing;
- ``keeps``: what the output must keep is in it: a key point's representative figures and who says
  it, a timeline entry's attribution, every side's figures of a disagreement, and a hedge
  ("reportedly", "may", "said" ...) when the representative sentence has one.

Then :func:`similarity_check`: the cosine similarity of each output sentence to the centroid of
the evidence sentences' embeddings is at least a threshold (:data:`SIMILARITY_THRESHOLD`, measured
by ``benchmarks/llm_grounding.py --calibrate``; see its docstring for the data and the numbers).

The evidence is the cited source sentences, plus for a timeline entry its date label, which
digest derived from them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from digest.attribution import find_attribution
from digest.quantities import find_quantities
from digest.segment import segment
from digest.text import STOPWORDS, canonical_names, content_words, normalize
from digest.timex.lexicon import MONTHS, WEEKDAYS

if TYPE_CHECKING:
    import numpy as np

# Measured by `benchmarks/llm_grounding.py --calibrate` with all-MiniLM-L6-v2 on the seeds and 8 T17
# days: the highest value that keeps 99% of real cross-outlet paraphrases (lexical pairs: TPR 1.00,
# FPR 0.010; against cluster centroids: TPR 0.994, FPR 0.086). See that script's docstring.
SIMILARITY_THRESHOLD = 0.6
# At most this share of an output's content words may be words no cited sentence uses (inflections
# match). Real cross-outlet rewordings of one statement in the seeds have median 0.25 and upper
# quartile 0.43 against each other: a rewrite that is a third new words says more than its sources.
MAX_NOVELTY = 0.34

_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "dozen": 12, "million": 1e6, "billion": 1e9,
}  # fmt: skip
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "bn": 1e9, "m": 1e6, "k": 1e3}
_NUMBER = re.compile(
    r"(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<scale>thousand|million|billion|bn|m|k)\b)?",
    re.I,
)
_WORD_NUMBER = re.compile(
    r"\b(?:a\s+|one\s+)?(?P<word>" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
    r"(?:\s+(?P<scale>thousand|million|billion)\b)?\b",
    re.I,
)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
# Month and weekday names are the date tagger's (digest.timex.lexicon): "sept" and "Sept." are September.
_MONTH_RE = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH = re.compile(rf"\b(?P<month>{_MONTH_RE})(?=\W|$)(?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,\d))?", re.I)
_DAY_MONTH = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH_RE})(?=\W|$)", re.I)
_WEEKDAY = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b", re.I)
_RELATIVE = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|(?:last|this|next|past)\s+(?:week|month|year|weekend|quarter|"
    r"summer|winter|spring|autumn|fall)|(?:few|several|recent|coming)\s+(?:days|weeks|months|years)|(?:earlier|later)\s+this\s+(?:week|month|year)|recently)\b",
    re.I,
)
_DEMONYMS = {
    "american": "united states", "americans": "united states", "british": "united kingdom",
    "briton": "united kingdom", "britons": "united kingdom",
}  # fmt: skip
# Capitalised words that start sentences without naming anything.
_OPENERS_TEXT = (
    "according after although amid among as before despite during following however if in instead last "
    "meanwhile since so still though thus today under unlike until when whereas while yet earlier later here there"
)
_OPENERS = frozenset(_OPENERS_TEXT.split())
_ENTITY = re.compile(
    r"(?:[A-Z][\w’'-]*|\d+[A-Z][\w-]*)(?:\s+(?:(?:of|de|du|al|bin|von|van|the|and|for)\s+)?(?:[A-Z][\w’'-]*))*"
)
_CASUALTY = frozenset({"killed", "wounded"})
_DATE_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
_CONNECTORS = frozenset({"of", "de", "du", "al", "bin", "von", "van", "the", "and", "for"})
# Prepositions that mark a role ("fight for X", "against X", "attacked by X", "troops from X") before a name.
_ROLE = re.compile(
    r"\b(?P<prep>for|against|by|from)\s+(?:the\s+)?"
    r"(?P<who>[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*)"
)
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_QUOTE = re.compile(r"[\"“”]([^\"“”]+)[\"“”]")
_MARKUP = re.compile(r"</?\s*(?:sources|sides)\s*>|^\s*\[\d+\]", re.I | re.M)
_LABEL = re.compile(
    r"^\s*(?:(?:sure|okay|ok)[,!.]?\s+)?(?:here(?:'s| is)[^:\n]{0,60}:|"
    r"(?:the\s+)?(?:(?:rewritten|new|fused|short|shorter|one|final)\s+)?(?:headline|sentence|answer|entry|summary|"
    r"output|timeline entry)(?:\s+is)?\s*:)\s*",
    re.I,
)
_ENUMERATOR = re.compile(r"^(?:\[\d{1,2}\]|\d{1,2}[.)](?=\s))\s*")
# Words about the prompt rather than the news ("The sentence is ...", "The headline is about ...").
_META = re.compile(
    r"\b(?:sentences?|articles?|headlines?|text|story|summary|passage|quoted|instructions?|prompt|rewrite|rewritten)\b",
    re.I,
)
_META_OPENER = re.compile(
    r"^\W*(?:the|this|that|a|an)\s+(?:\w+\s+)?(sentences?|articles?|headlines?|text|story|summary|sources?|news)\s+"
    r"(?:is|are|was|says?|said|reads?|tells?|states?|reports?|describes?)\b",
    re.I,
)
# Words that report, count or compare without stating anything: not novel in any rewrite.
_NEUTRAL_TEXT = (
    "figure figures number numbers estimate estimates estimated put puts putting give gives given giving "
    "according report reports reported reporting saying states stated whereas however different differ "
    "differs disagree version versions source sources toll total around roughly nearly almost"
)
_NEUTRAL = frozenset(_NEUTRAL_TEXT.split())
# Speakers that a rewrite may name without a source naming them the same way.
_MAX_SPEAKER_WORDS = 7
_REPEAT_WORDS = 5  # the same five words twice: a small model looping
_GENERIC_SPEAKERS = frozenset({"officials", "official", "sources", "source", "spokesman", "spokeswoman", "reports"})
_TAG = re.compile(r"</?\s*(?:title|headline|sentence|answer|entry|summary|h\d|p|b|i|em|strong)\s*>", re.I)
# Words that mark a statement as reported, estimated or uncertain: a rewrite must not drop them all.
_HEDGE = re.compile(
    r"\b(?:reportedly|allegedly|apparently|may|might|could|possibly|probably|likely|believes?|believed|suspected|"
    r"unconfirmed|fears?|feared|concerns?|expected|thinks?|thought|"
    r"claim(?:s|ed)?|sa(?:y|ys|id)|according|estimate[sd]?|reports?|reported|told|suggest(?:s|ed)?|appear(?:s|ed)?)\b",
    re.I,
)


_MAX_DETAIL = 300


def _listed(items: Sequence[str]) -> str:
    """Distinct items, comma-separated, cut to a readable length."""
    text = ", ".join(dict.fromkeys(items))
    return text if len(text) <= _MAX_DETAIL else text[: _MAX_DETAIL - 1].rsplit(",", 1)[0] + ", …"


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str  # "ok" or the reason it failed

    def as_pair(self) -> tuple[str, str]:
        return (self.name, self.detail)


def answer_lines(text: str) -> list[str]:
    """The answer's non-empty lines."""
    return [line for line in text.strip().splitlines() if line.strip()]


def clean_output(text: str) -> str:
    """The first non-empty line of the model's answer without labels ("Headline:", "The sentence is:"), a list
    number ("1.", "[1]"), tags like ``<title>``, markdown emphasis or wrapping quotes. Only this text
    can be used; the rest of the answer (a repeat, a list, a comment) is dropped, never used."""
    for line in answer_lines(text):
        cleaned = _clean_line(line)
        if cleaned:
            return cleaned
    return ""


def _clean_line(text: str) -> str:
    text = normalize(_TAG.sub("", text).replace("**", "").replace("__", ""))
    previous = None
    while text != previous:  # "The sentence is: "The sentence is: ..."" happens
        previous = text
        text = _ENUMERATOR.sub("", _LABEL.sub("", text)).strip()
        if len(text) >= 2 and text[0] in "\"'“‘" and text[-1] in "\"'”’" and text.count(text[0]) <= 2:
            text = text[1:-1].strip()
        elif text and text[0] in '"“' and text.count(text[0]) == 1 and "”" not in text:
            text = text[1:].strip()
        text = text.lstrip("#-* ").strip()
    return text


def split_sentences(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in segment(text) if text[a:b].strip()]


def _aliased(text: str) -> str:
    return canonical_names(normalize(text))


def numbers(text: str) -> list[tuple[str, float]]:
    """Numbers stated in ``text`` (not years, not "one"), with their values."""
    out: list[tuple[str, float]] = []
    text = _aliased(text)
    taken: list[tuple[int, int]] = []
    for m in _NUMBER.finditer(text):
        raw = m.group("num")
        if _YEAR.match(raw):
            continue
        value = float(raw.replace(",", "")) * _SCALES.get((m.group("scale") or "").lower(), 1.0)
        out.append((m.group(0), value))
        taken.append(m.span())
    for m in _WORD_NUMBER.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        value = _NUMBER_WORDS[m.group("word").lower()] * _SCALES.get((m.group("scale") or "").lower(), 1.0)
        out.append((m.group(0), float(value)))
    return out


def dates(text: str) -> set[str]:
    """Date mentions as normalized tokens: ``year:2024``, ``month:8``, ``day:8-15``, ``weekday:friday``,
    ``relative:last week``."""
    text = _aliased(text)
    found: set[str] = set()
    for m in re.finditer(r"(?<![\w.,])(?:1[89]|20)\d\d(?!\w|,\d)", text):
        found.add(f"year:{m.group(0)}")
    for pattern in (_MONTH, _DAY_MONTH):
        for m in pattern.finditer(text):
            word = m.group("month").rstrip(".").lower()
            if word == "mar" or m.group("month")[0].islower():
                continue  # lower-case "march", "may", "sept" are not months here
            month = MONTHS[word]
            found.add(f"month:{month}")
            if m.group("day") and 1 <= int(m.group("day")) <= 31:
                found.add(f"day:{month}-{int(m.group('day'))}")
    for m in _WEEKDAY.finditer(text):
        found.add(f"weekday:{m.group(0).lower()}")
    for m in _RELATIVE.finditer(text):
        found.add("relative:" + " ".join(m.group(0).lower().split()))
    return found


def _tokens(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(text.replace("’", "'").replace("'s ", " "))]


def entities(text: str) -> list[str]:
    """Named entities: runs of capitalised words and acronyms, after aliases; a sentence's first
    word only when it is not a common opener."""
    text = _aliased(text)
    out: list[str] = []
    starts = {a for a, _ in segment(text)} | {0}
    for m in _ENTITY.finditer(text):
        words = m.group(0).split()
        begin = m.start()
        at_start = begin in starts or (begin > 0 and text[:begin].rstrip().endswith(('"', "“", ":", "(")))
        if at_start and words[0].lower().strip("'’") in STOPWORDS | _OPENERS:
            words = words[1:]
            while words and words[0].lower() in _CONNECTORS:
                words = words[1:]
        while words and words[-1].lower() in _CONNECTORS:
            words = words[:-1]
        if not words:
            continue
        entity = " ".join(words)
        entity = re.sub(r"['’]s$", "", entity)
        if entity.lower() in STOPWORDS or entity.lower().rstrip(".") in _DATE_WORDS:
            continue  # dates are the dates check's
        out.append(entity)
    return out


def roles(text: str) -> list[tuple[str, str]]:
    """(preposition, entity) pairs that mark who does what to whom: "for Russia", "against Ukraine"."""
    out = []
    for m in _ROLE.finditer(_aliased(text)):
        who = [w for w in m.group("who").split() if w.lower() not in _CONNECTORS or w.islower()]
        while who and who[-1].lower() in _CONNECTORS:
            who.pop()
        if who and " ".join(who).lower().rstrip(".") not in _DATE_WORDS:
            out.append((m.group("prep").lower(), " ".join(who)))
    return out


def _same_word(a: str, b: str) -> bool:
    """Equal, or one a demonym/inflection of the other ("Korea" ~ "Korean", "Ukraine" ~ "Ukrainian")."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= 4 and common >= min(len(a), len(b)) - 2


class Evidence:
    """The cited source sentences (and any derived text like a date label), indexed for the rule checks."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = [normalize(t) for t in texts]
        joined = "\n".join(self.texts)
        aliased = _aliased(joined)
        self.numbers = [v for _, v in numbers(joined)]
        self.quantities = [q for t in self.texts for q in find_quantities(_aliased(t))]
        self.dates = dates(joined)
        words = _tokens(aliased)
        self.capitalised = {w.lower() for w in words if w[:1].isupper() or w[:1].isdigit()}
        self.capitalised |= {_DEMONYMS[w.lower()] for w in words if w.lower() in _DEMONYMS}
        self.words = {w.lower() for w in words}
        self.flat = " ".join(w.lower() for w in words)
        self.roles = [r for t in self.texts for r in roles(t)]
        self.attribution_words = {w.lower() for t in self.texts for w in required_words(find_attribution(t) or "")}

    def has_number(self, value: float) -> bool:
        return any(abs(v - value) <= 1e-9 * max(1.0, abs(value)) for v in self.numbers)

    def has_word(self, word: str, *, capitalised: bool = True) -> bool:
        pool = self.capitalised if capitalised else self.words
        word = word.lower()
        if word in pool:
            return True
        return any(_same_word(word, w) for w in pool)

    def has_role(self, preposition: str, entity: str) -> bool:
        """Some evidence sentence puts ``entity`` after ``preposition`` too (or uses it as a demonym there)."""
        want = [w.lower() for w in _tokens(entity)]
        for prep, who in self.roles:
            if prep != preposition:
                continue
            have = [w.lower() for w in _tokens(who)]
            if any(_same_word(w, h) for w in want[-1:] for h in have):
                return True
        return False

    def has_entity(self, entity: str, *, sentence_start: bool = False) -> bool:
        words = [w for w in _tokens(entity) if w.lower() not in _CONNECTORS]
        if not words:
            return True
        whole = " ".join(w.lower() for w in words)
        if whole in _DEMONYMS.values() and whole in self.flat:
            return True
        capitalised_only = not sentence_start or len(words) > 1
        return all(self.has_word(w, capitalised=capitalised_only) for w in words)


def _word_count(text: str) -> int:
    return len(_TOKEN.findall(text))


def rule_checks(
    output: str,
    evidence: Evidence,
    *,
    max_words: int = 60,
    max_sentences: int = 1,
    keep_numbers: Sequence[float] = (),
    keep_words: Sequence[str] = (),
    keep_hedge: str | None = None,
    max_novelty: float = MAX_NOVELTY,
) -> list[Check]:
    """The rule checks of an (already cleaned) output against its evidence, in order; all are run."""
    checks: list[Check] = []
    sentences = split_sentences(output)
    problems = []
    if not output.strip():
        problems.append("empty")
    if len(sentences) > max_sentences:
        problems.append(f"{len(sentences)} sentences, at most {max_sentences} allowed")
    if _word_count(output) > max_words:
        problems.append(f"{_word_count(output)} words, at most {max_words} allowed")
    if _MARKUP.search(output):
        problems.append("contains prompt markup")
    tokens = [w.lower() for w in _TOKEN.findall(output)]
    grams = [tuple(tokens[i : i + _REPEAT_WORDS]) for i in range(len(tokens) - _REPEAT_WORDS + 1)]
    if len(set(grams)) < len(grams):
        problems.append(f"repeats itself ({' '.join(next(g for g in grams if grams.count(g) > 1))!r})")
    meta = sorted({w.lower() for w in _META.findall(output)} - evidence.words)
    opener = _META_OPENER.match(output)
    if opener:
        meta = sorted({*meta, opener.group(1).lower()})
    if meta:
        problems.append(f"talks about the task ({', '.join(meta)})")
    checks.append(Check("form", not problems, "; ".join(problems) or "ok"))

    text = _aliased(output)
    missing = [raw for raw, value in numbers(text) if not evidence.has_number(value)]
    for q in find_quantities(text):
        if q.measure not in _CASUALTY:
            continue
        same_value = [s for s in evidence.quantities if s.low <= q.high and q.low <= s.high]
        # Only a plain swap is flagged (killed <-> wounded): measures parsed from different
        # phrasings disagree too often for anything finer.
        if same_value and all(s.measure in _CASUALTY and s.measure != q.measure for s in same_value):
            missing.append(f"{q.phrase} (the sources: {same_value[0].phrase})")
    checks.append(Check("numbers", not missing, "not in the sources: " + _listed(missing) if missing else "ok"))

    extra_dates = sorted(dates(text) - evidence.dates)
    checks.append(
        Check("dates", not extra_dates, "not in the sources: " + _listed(extra_dates) if extra_dates else "ok")
    )

    starts = {a for a, _ in segment(text)} | {0}
    unknown = []
    for entity in entities(text):
        position = text.find(entity)
        if not evidence.has_entity(entity, sentence_start=position in starts):
            unknown.append(entity)
    unknown = list(dict.fromkeys(unknown))
    checks.append(Check("entities", not unknown, "not in the sources: " + _listed(unknown) if unknown else "ok"))

    who = find_attribution(text)
    if who and len(who.split()) <= _MAX_SPEAKER_WORDS:  # a longer one is a misparse of a trailing "..., X said"
        words = [w for w in required_words(who) if w.lower() not in _GENERIC_SPEAKERS]
        missing_who = [w for w in words if not any(_same_word(w.lower(), a) for a in evidence.attribution_words)]
        checks.append(
            Check(
                "attribution",
                not missing_who,
                f"the sources do not attribute it to {who!r} ({', '.join(missing_who)})" if missing_who else "ok",
            )
        )
    else:
        checks.append(Check("attribution", True, "ok"))

    swapped = [f"{prep} {who}" for prep, who in roles(text) if not evidence.has_role(prep, who)]
    checks.append(Check("roles", not swapped, "no source says: " + _listed(swapped) if swapped else "ok"))

    flat_evidence = " ".join(w.lower() for w in _tokens(" ".join(evidence.texts)))
    bad_quotes = []
    for m in _QUOTE.finditer(output):
        quoted = " ".join(w.lower() for w in _tokens(m.group(1)))
        if len(quoted.split()) >= 3 and quoted not in flat_evidence:
            bad_quotes.append(m.group(0))
    checks.append(
        Check("quotes", not bad_quotes, "not verbatim in the sources: " + _listed(bad_quotes) if bad_quotes else "ok")
    )

    share, new = novelty(text, evidence)
    checks.append(
        Check(
            "novelty",
            share <= max_novelty,
            f"{share:.0%} of its content words are in no source (at most {max_novelty:.0%}): {_listed(new)}"
            if share > max_novelty
            else "ok" + (f" ({share:.0%} new: {_listed(new)})" if new else ""),
        )
    )

    if keep_numbers or keep_words or keep_hedge:
        stated = [v for _, v in numbers(text)]
        dropped = [_show(v) for v in keep_numbers if not any(abs(v - s) <= 1e-9 * max(1.0, v) for s in stated)]
        out_words = {w.lower() for w in _tokens(text)}
        dropped += [w for w in keep_words if not any(_same_word(w.lower(), o) for o in out_words)]
        if keep_hedge and not _HEDGE.search(text):
            dropped.append(f"the hedge {keep_hedge!r}")
        checks.append(Check("keeps", not dropped, "dropped: " + _listed(dropped) if dropped else "ok"))
    return checks


def _show(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def required_numbers(text: str) -> list[float]:
    """The numbers a rewrite of ``text`` must keep."""
    return list(dict.fromkeys(v for _, v in numbers(text)))


def novel_words(text: str, evidence: Evidence) -> list[str]:
    """Content words of ``text`` that no evidence sentence uses (inflections and demonyms match);
    words that only report or compare ("figures", "puts", "whereas") do not count."""
    out = []
    for w in content_words(text):
        if w.isdigit() or w in evidence.words or w in _NEUTRAL:
            continue
        if not any(_same_word(w, e) for e in evidence.words):
            out.append(w)
    return out


def novelty(text: str, evidence: Evidence) -> tuple[float, list[str]]:
    """The share of ``text``'s content words that are new, and those words."""
    words = [w for w in content_words(text) if not w.isdigit() and w not in _NEUTRAL]
    new = novel_words(text, evidence)
    return (len(new) / len(words) if words else 0.0), new


def hedge(text: str) -> str | None:
    """The first word of ``text`` that marks it as reported or uncertain ("reportedly", "may", "said")."""
    m = _HEDGE.search(text)
    return m.group(0) if m else None


def required_words(attribution: str | None) -> list[str]:
    """The words of an attribution a rewrite must keep ("Western officials to the BBC" -> Western, officials, BBC)."""
    if not attribution:
        return []
    return [w for w in _tokens(_aliased(attribution)) if w.lower() not in STOPWORDS and len(w) > 1]


def centroid_similarity(sentence_vectors: np.ndarray, evidence_vectors: np.ndarray) -> list[float]:
    """Cosine similarity of each (normalized) sentence vector to the centroid of the evidence vectors."""
    import numpy as np

    centroid = evidence_vectors.mean(axis=0)
    norm = float(np.linalg.norm(centroid)) or 1.0
    return [float(v @ centroid / norm) for v in sentence_vectors]


def similarity_check(similarities: Sequence[float], threshold: float = SIMILARITY_THRESHOLD) -> Check:
    if not similarities:
        return Check("similarity", False, "no sentence to compare")
    low = min(similarities)
    shown = ", ".join(f"{s:.2f}" for s in similarities)
    if low < threshold:
        return Check("similarity", False, f"{low:.2f} < {threshold:.2f} to the cited sentences (sentences: {shown})")
    return Check("similarity", True, f"ok ({shown} >= {threshold:.2f})")
