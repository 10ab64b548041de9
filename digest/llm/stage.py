"""The optional LLM stage: rewrite parts of a finished briefing with a model, keeping only what is grounded.

For each target (the title, every key point, every timeline entry, every disagreement) the stage
renders the task's prompt with the target's cited sentences quoted as data, asks the model
through the ``llm`` library (``llm.get_model(model_id).prompt(...)``: any provider an ``llm``
plugin supports, no provider code here), cleans the answer and runs the grounding check
(:mod:`digest.llm.grounding`). An answer that passes replaces the extractive text; one that fails
is dropped and the extractive text stays. Either way a :class:`~digest.types.Generation`
records the answer, every check and its result. Citations are never touched: they always come
from the cluster.

No logging of prompts or answers: ``llm``'s Python API writes no log (its CLI writes
``logs.db`` under the user's ``llm`` folder; digest never calls the code that does). ``llm``
still reads its own ``keys.json``/``aliases.json`` there to find a model and its key.

No file I/O except reading prompt files and the answer cache given; no clock.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any

from digest.attribution import find_attribution
from digest.embed import Embedder, ProgressFn
from digest.errors import ModelError
from digest.llm.cache import AnswerCache, answer_key
from digest.llm.grounding import (
    SIMILARITY_THRESHOLD,
    Check,
    Evidence,
    answer_lines,
    centroid_similarity,
    clean_output,
    hedge,
    required_numbers,
    required_words,
    rule_checks,
    similarity_check,
    split_sentences,
)
from digest.llm.injection import strip_instructions
from digest.llm.prompts import PromptTemplate, load_prompts, quote_sources
from digest.sourcing import derivation_chains
from digest.text import normalize
from digest.types import Briefing, Citation, Conflict, Generation

if TYPE_CHECKING:
    import numpy as np

# SmolLM2's context is 512 tokens: the quoted sources of one prompt stay within about 300.
MAX_SOURCE_CHARS = 1100
HEADLINE_POINTS = 3
# Passed as the generic `max_tokens` option to models whose llm plugin declares it (SmolLM2's does not).
MAX_ANSWER_TOKENS = 160


class LLMError(ModelError):
    """The LLM named with --llm cannot be found or loaded."""


@dataclass(frozen=True)
class Job:
    """One thing to generate: its prompt's inputs, the evidence to check it against, and the fallback."""

    task: str
    target: str
    sources: tuple[str, ...]  # quoted into the prompt, in order
    evidence: tuple[str, ...]  # the cited sentences the answer is checked against
    fallback: str
    values: tuple[tuple[str, str], ...] = ()  # other template variables
    keep_numbers: tuple[float, ...] = ()
    keep_words: tuple[str, ...] = ()
    keep_hedge: str | None = None
    # Text digest derived from the cited sentences (a date label, a side's figures): the rule checks
    # accept what it states; the similarity check compares with the cited sentences only.
    derived: tuple[str, ...] = ()
    # Text addressed to a model, cut from the sources and the evidence (digest.llm.injection).
    removed: tuple[str, ...] = ()


def _news(text: str) -> str:
    """``text`` without any instruction to a model: what a rewrite must keep is taken from this."""
    return strip_instructions(text).text


def _without_instructions(job: Job) -> Job:
    """``job`` with any text addressed to a model cut from its sources and evidence: the model never
    sees it, and an answer that repeats it is not grounded by it."""
    removed: dict[str, None] = {}

    def strip(texts: Sequence[str]) -> tuple[str, ...]:
        out = []
        for text in texts:
            stripped = strip_instructions(text)
            if stripped.removed:
                removed[stripped.removed] = None
            if stripped.text:
                out.append(stripped.text)
        return tuple(out)

    sources, evidence = strip(job.sources), strip(job.evidence)
    if not removed:
        return job
    return replace(job, sources=sources, evidence=evidence, removed=tuple(removed))


def _dedupe(texts: Sequence[str]) -> list[str]:
    seen: dict[str, str] = {}
    for t in texts:
        seen.setdefault(normalize(t).lower(), t)
    return list(seen.values())


def _budget(texts: Sequence[str], limit: int = MAX_SOURCE_CHARS) -> list[str]:
    """The first texts that fit in ``limit`` characters (always at least the first)."""
    out: list[str] = []
    used = 0
    for t in texts:
        if out and used + len(t) > limit:
            break
        out.append(t)
        used += len(t)
    return out


def plan(briefing: Briefing) -> list[Job]:
    """The generation jobs for a briefing, in order: title, key points, timeline, disagreements."""
    text_of = {s.key: s.text for s in briefing.sentences}
    sources_of = derivation_chains(briefing.derivations)

    def cited(citations: Sequence[Citation], first: Citation | None = None) -> list[str]:
        """The cited sentences, representative first. A copy's sentence is left out when an article
        it derives from (its source, or that source's own) is cited too: it adds nothing, and its
        spun wording must not reach the model."""
        ids = {c.article_id for c in citations}
        ordered = ([first] if first else []) + [c for c in citations if c != first]
        ordered = [c for c in ordered if c == first or not ids.intersection(sources_of(c.article_id))]
        return _dedupe([text_of[(c.article_id, c.sentence_index)] for c in ordered])

    jobs: list[Job] = []
    if briefing.key_points:
        points = [p.text for p in briefing.key_points[:HEADLINE_POINTS]]
        title = (("title", briefing.title),)
        jobs.append(Job("headline", "title", tuple(_budget(points)), tuple(points), briefing.title, title))
    for i, point in enumerate(briefing.key_points, 1):
        texts = cited(point.citations, point.representative)
        jobs.append(
            Job(
                "key_point",
                f"key_point:{i}",
                tuple(_budget(texts)),
                tuple(texts),
                point.text,
                (("attribution", point.attribution or "not stated"),),
                tuple(required_numbers(_news(point.text))),
                tuple(required_words(point.attribution)),
                hedge(_news(point.text)),
            )
        )
    for i, event in enumerate(briefing.events, 1):
        texts = cited(event.citations, event.representative)
        jobs.append(
            Job(
                "timeline_entry",
                f"event:{i}",
                tuple(_budget(texts)),
                tuple(texts),
                event.text,
                (("date", event.label),),
                keep_words=tuple(required_words(find_attribution(_news(event.text)))),
                keep_hedge=hedge(_news(event.text)),
                derived=(event.label,),
            )
        )
    for i, conflict in enumerate(briefing.conflicts, 1):
        lines = [f"{side.summary} (given by {side.attribution or 'a source not named'})" for side in conflict.sides]
        texts = _dedupe([text_of[(c.article_id, c.sentence_index)] for side in conflict.sides for c in side.citations])
        keep = [v for side in conflict.sides for v in required_numbers(side.summary)]
        jobs.append(
            Job(
                "disagreement",
                f"conflict:{i}",
                tuple(_budget(texts)),
                tuple(texts),
                conflict_fallback(conflict),
                (("label", conflict.label), ("sides", quote_sources(lines, tag="sides"))),
                tuple(dict.fromkeys(keep)),
                derived=tuple(lines),
            )
        )
    return [_without_instructions(job) for job in jobs]


def conflict_fallback(conflict: Conflict) -> str:
    """The extractive phrasing of a disagreement: the label, then each side's figures and who gives them."""
    sides = "; ".join(f"{s.summary} ({s.attribution})" if s.attribution else s.summary for s in conflict.sides)
    return f"{conflict.label}: {sides}"


def render(job: Job, template: PromptTemplate) -> tuple[str, str | None]:
    values = dict(job.values)
    values["sources"] = quote_sources(job.sources)
    return template.render(values)


def check(
    output: str,
    job: Job,
    template: PromptTemplate,
    embedder: Embedder,
    *,
    threshold: float = SIMILARITY_THRESHOLD,
    evidence_vectors: np.ndarray | None = None,
) -> list[Check]:
    """Every grounding check of one cleaned answer; the similarity check runs only when the rules pass."""
    evidence = Evidence((*job.evidence, *job.derived))
    checks = rule_checks(
        output,
        evidence,
        max_words=template.max_words,
        max_sentences=template.max_sentences,
        keep_numbers=job.keep_numbers,
        keep_words=job.keep_words,
        keep_hedge=job.keep_hedge,
    )
    if not all(c.ok for c in checks):
        checks.append(Check("similarity", False, "not run: a rule check failed"))
        return checks
    sentences = split_sentences(output)
    vectors = embedder.encode(sentences)
    if evidence_vectors is None:
        evidence_vectors = embedder.encode(list(job.evidence))
    checks.append(similarity_check(centroid_similarity(vectors, evidence_vectors), threshold))
    return checks


Ask = Callable[[str, str | None], str]


def model_asker(model_id: str) -> Ask:
    """A function that asks ``model_id`` (through ``llm``) one prompt and returns its whole answer."""
    # OpenMP runtimes (llama.cpp's among them) spin-wait by default, which slows generation
    # many times over when another process holds the other core.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    try:
        import llm
    except ImportError:
        raise LLMError(
            "the llm library is not installed: pip install 'digest[llm]' (or scripts/install_llm.sh)"
        ) from None
    try:
        model: Any = llm.get_model(model_id)
    except llm.UnknownModelError:
        raise LLMError(f"unknown LLM {model_id!r}: `llm models` lists the models its installed plugins offer") from None

    options = getattr(getattr(model, "Options", None), "model_fields", {})
    limits = {"max_tokens": MAX_ANSWER_TOKENS} if "max_tokens" in options else {}

    def ask(prompt: str, system: str | None) -> str:
        # model.prompt() logs nothing; only the CLI calls response.log_to_db().
        response = model.prompt(prompt, system=system, **limits)
        return str(response.text())

    return ask


def apply_llm(
    briefing: Briefing,
    *,
    model_id: str,
    embedder: Embedder,
    prompts_dir: str | None = None,
    cache_path: str | None = None,
    progress: ProgressFn | None = None,
    similarity_threshold: float = SIMILARITY_THRESHOLD,
    ask: Ask | None = None,
) -> Briefing:
    """A copy of ``briefing`` with the title, key point texts, timeline entries (and disagreement
    phrasings, where the briefing type has room for them) replaced by the model's text where it
    passed the grounding check; ``generations`` records every attempt.

    ``ask`` replaces the model call (tests, or a caller with its own client); the model is then
    only named by ``model_id`` (which still keys the cache).
    """
    templates = load_prompts(prompts_dir)
    jobs = plan(briefing)
    cache = AnswerCache(cache_path)
    asker = ask
    generations: list[Generation] = []
    try:
        for n, job in enumerate(jobs):
            if progress:
                progress("llm", n, len(jobs))
            template = templates[job.task]
            if not job.sources:  # every cited sentence was an instruction to a model
                generations.append(_not_asked(job, template))
                continue
            prompt, system = render(job, template)
            key = answer_key(model_id, template.sha256, prompt, system)
            answer = cache.get(key)
            error = None
            if answer is None:
                if asker is None:
                    asker = model_asker(model_id)
                try:
                    answer = asker(prompt, system)
                except Exception as exc:  # a provider's errors are of its own kinds (network, quota...)
                    error = f"{type(exc).__name__}: {exc}"
                    answer = ""
                else:
                    cache.put(key, model_id, template.sha256, answer)
            output = clean_output(answer)
            if error is not None:
                checks = [Check("model", False, f"the model call failed ({error})")]
            else:
                checks = check(output, job, template, embedder, threshold=similarity_threshold)
                extra = len(answer_lines(answer)) - 1
                if extra > 0 and checks[0].ok:
                    checks[0] = Check("form", True, f"ok (the first line; {extra} more dropped, unused)")
            if job.removed:
                checks.append(_removed_check(job))
            accepted = all(c.ok for c in checks)
            generations.append(
                Generation(
                    task=job.task,
                    target=job.target,
                    prompt_file=os.path.basename(template.path),
                    output=answer.strip(),
                    accepted=accepted,
                    checks=tuple(c.as_pair() for c in checks),
                    used=output if accepted else job.fallback,
                )
            )
        if progress:
            progress("llm", len(jobs), len(jobs))
    finally:
        cache.close()
    merged = merge(briefing, generations)
    settings = (*briefing.settings, ("llm", model_id), ("llm_similarity_threshold", similarity_threshold))
    return replace(merged, settings=settings)


def _removed_check(job: Job) -> Check:
    quoted = "; ".join(repr(r) for r in job.removed)
    return Check("sources", True, f"ok (cut from the sources and the evidence as text addressed to a model: {quoted})")


def _not_asked(job: Job, template: PromptTemplate) -> Generation:
    quoted = "; ".join(repr(r) for r in job.removed)
    return Generation(
        task=job.task,
        target=job.target,
        prompt_file=os.path.basename(template.path),
        output="",
        accepted=False,
        checks=(("sources", f"not asked: every cited sentence is text addressed to a model ({quoted})"),),
        used=job.fallback,
    )


def merge(briefing: Briefing, generations: Sequence[Generation]) -> Briefing:
    """The briefing with every accepted generation's text in place, and all generations recorded."""
    accepted = {g.target: g.used for g in generations if g.accepted}
    title = accepted.get("title", briefing.title)
    points = tuple(
        replace(p, text=accepted[f"key_point:{i}"]) if f"key_point:{i}" in accepted else p
        for i, p in enumerate(briefing.key_points, 1)
    )
    events = tuple(
        replace(e, text=accepted[f"event:{i}"]) if f"event:{i}" in accepted else e
        for i, e in enumerate(briefing.events, 1)
    )
    conflict_text = _CONFLICT_TEXT_FIELD in {f.name for f in fields(Conflict)}
    conflicts = tuple(
        replace(c, **{_CONFLICT_TEXT_FIELD: accepted[f"conflict:{i}"]})
        if conflict_text and f"conflict:{i}" in accepted
        else c
        for i, c in enumerate(briefing.conflicts, 1)
    )
    return replace(
        briefing,
        title=title,
        key_points=points,
        events=events,
        conflicts=conflicts,
        generations=(*briefing.generations, *generations),
    )


# Conflict has no field for a written phrasing yet; when it gets one by this name, accepted
# disagreement sentences go there (until then they are recorded in ``generations`` only).
_CONFLICT_TEXT_FIELD = "text"
