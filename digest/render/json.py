"""JSON output: the briefing's full content, with offsets, cluster members and scores.

Fields (``schema_version`` "1"):

- ``kind``: "briefing" (``digest build``) or "timeline" (``digest timeline``: events only);
- ``title``, ``provenance``; ``reference``: ``{date, origin, explanation, evidence_text,
  evidence_article}`` where origin is given | metadata | inferred | none, and the evidence is
  the expression an inferred date rests on;
- ``key_points[]``: ``{text, cluster_id, source_count, independent_count, score, representative,
  citations[]}``; ``source_count`` counts articles, ``independent_count`` counts an original and
  its copies once, and the articles of one outlet (their ``source``) once;
  a citation is ``{source: n, article_id, sentence_index, start, end}`` with offsets into
  that article's cleaned ``text``;
- ``timeline[]``: ``{date: TimeML value, precision, label, mod, text, independent_count,
  representative, citations[],
  evidence[]: {article_id, sentence_index, start, end, text, value, origin}}``; evidence
  offsets point into the article text and cover the expression that dates the event
  (origin "text"), or are an empty span when the sentence is dated by its article's
  publication date (origin "published", only in ``digest timeline``), and ``related[]``: the
  date's sentences on the entry's subject that do not say what its sentence says, by
  ``digest.support``: not cited;
- ``conflicts[]``: ``{measure, label, period, subject, text, sides[]: {summary, attribution,
  independent_count, citations[], claims[]: {article_id, sentence_index, start, end, text, measure,
  low, high, approximate}}}``; ``low``/``high`` in a canonical unit (km², km, days, count,
  percent, barrels a day); ``period``: ``[first, last]`` publication date of the articles compared in a dated
  collection (figures days apart are updates, not disagreements), else null;
- ``single_source[]``: ``{citation, text, note}``: statements one independent source makes;
  ``note`` says why they are not key points (uncorroborated, no named actor/number/place, or
  text of an original that none of its copies reproduces);
- key points also carry ``attribution`` (who says it, in the representative sentence) and
  ``attributions[]`` (``{article_id, attribution}`` for every cited sentence that names one) and
  ``disputed_by[]`` (cluster members that give other figures, not cited for this wording) and
  ``other_figures[]`` (cluster members whose amounts, shares or counts of thousands are all other
  ones of a kind the representative gives: they state something else, and are not cited) and
  ``related[]`` (cluster members that do not say what the representative says, by
  ``digest.support``: on its topic, not cited) and
  ``dates[]`` (``{start, end, text, value, label}``: the representative's expressions whose date
  depends on its article's reference date, "Last week", with the TimeML value and human form
  they resolve to, a duration that ends at the reference by its first day; offsets into the
  representative's article text);
- ``clusters[]``: ``{id, members: [[article_id, index]], representative, centrality,
  scores}`` for every statement (single-sentence statements only in collections of up to 30
  articles);
- ``sources[]``: ``{n, id, title, source, url, published, path, removed: [[line, reason]],
  headings: [[start, end]], text}``: every article of a collection of up to 30, else the cited
  ones;
- ``skipped[]``: ``{article_id, path, problem}``: inputs left out (``--skip-unusable``) for having
  no usable sentences after cleaning; empty otherwise;
- ``stories[]``: ``{title, article_ids}``: the stories the articles tell, largest first, when they
  tell two or more (``digest.stories``); empty otherwise;
- ``sentences[]``: ``{article_id, index, start, end}`` of the listed sources;
- ``derived_from[]``: ``{article_id, source_id, kind, score, evidence}``: copies (kind copy |
  spun | paraphrase | partial) and what they copy, with the measurements behind it;
- ``generations[]``: the optional LLM stage: ``{task, target, prompt_file, output, accepted,
  checks[]: {check, result}, used}``; empty without ``--llm``;
- ``model``, ``settings``.
"""

from __future__ import annotations

import json

from digest.render.common import ALL_SOURCES_UP_TO, listed_articles, provenance, source_numbers
from digest.types import Briefing, Citation

SCHEMA_VERSION = "1"


def _citation(c: Citation, numbers: dict[str, int]) -> dict[str, object]:
    return {
        "source": numbers[c.article_id],
        "article_id": c.article_id,
        "sentence_index": c.sentence_index,
        "start": c.start,
        "end": c.end,
    }


def briefing_dict(briefing: Briefing) -> dict[str, object]:
    numbers = source_numbers(briefing)
    ref = briefing.reference
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": briefing.kind,
        "title": briefing.title,
        "provenance": provenance(briefing),
        "reference": {
            "date": ref.date.isoformat() if ref.date else None,
            "origin": ref.origin,
            "explanation": ref.explanation,
            "evidence_text": ref.evidence_text,
            "evidence_article": ref.evidence_article,
        },
        "key_points": [
            {
                "text": p.text,
                "cluster_id": p.cluster_id,
                "source_count": p.source_count,
                "independent_count": p.independent_count,
                "score": p.score,
                "representative": _citation(p.representative, numbers),
                "citations": [_citation(c, numbers) for c in p.citations],
                "disputed_by": [_citation(c, numbers) for c in p.disputed_by],
                "other_figures": [_citation(c, numbers) for c in p.other_figures],
                "related": [_citation(c, numbers) for c in p.related],
                "attribution": p.attribution,
                "attributions": [{"article_id": a, "attribution": who} for a, who in p.attributions],
                "dates": [
                    {"start": d.start, "end": d.end, "text": d.text, "value": d.value, "label": d.label}
                    for d in p.dates
                ],
            }
            for p in briefing.key_points
        ],
        "conflicts": [
            {
                "measure": c.measure,
                "label": c.label,
                "period": [d.isoformat() for d in c.period] if c.period else None,
                "subject": c.subject,
                "text": c.text,
                "sides": [
                    {
                        "summary": side.summary,
                        "attribution": side.attribution,
                        "independent_count": side.independent_count,
                        "citations": [_citation(x, numbers) for x in side.citations],
                        "claims": [
                            {
                                "article_id": q.citation.article_id,
                                "sentence_index": q.citation.sentence_index,
                                "start": q.start,
                                "end": q.end,
                                "text": q.text,
                                "measure": q.measure,
                                "low": q.low,
                                "high": q.high,
                                "approximate": q.approximate,
                            }
                            for q in side.claims
                        ],
                    }
                    for side in c.sides
                ],
            }
            for c in briefing.conflicts
        ],
        "single_source": [
            {"citation": _citation(c, numbers), "text": text, "note": note} for c, text, note in briefing.single_source
        ],
        "timeline": [
            {
                "date": e.value,
                "precision": e.precision,
                "label": e.label,
                "mod": e.mod,
                "text": e.text,
                "independent_count": e.independent_count,
                "representative": _citation(e.representative, numbers),
                "citations": [_citation(c, numbers) for c in e.citations],
                "evidence": [
                    {
                        "article_id": d.citation.article_id,
                        "sentence_index": d.citation.sentence_index,
                        "start": d.start,
                        "end": d.end,
                        "text": d.text,
                        "value": d.value,
                        "origin": d.origin,
                    }
                    for d in e.evidence
                ],
                "related": [_citation(c, numbers) for c in e.related],
            }
            for e in briefing.events
        ],
        "clusters": [
            {
                "id": c.id,
                "members": [list(m) for m in c.members],
                "representative": list(c.representative),
                "centrality": c.centrality,
                "scores": dict(c.scores),
            }
            for c in briefing.clusters
            if len(briefing.articles) <= ALL_SOURCES_UP_TO or len(c.members) > 1
        ],
        "sources": [
            {
                "n": numbers[a.id],
                "id": a.id,
                "title": a.title,
                "source": a.source,
                "url": a.url,
                "published": a.published.isoformat() if a.published else None,
                "path": a.path,
                "removed": [list(r) for r in a.removed],
                "headings": [[h.start, h.end] for h in a.headings],
                "text": a.text,
            }
            for a in listed_articles(briefing)
        ],
        "skipped": [{"article_id": s.article_id, "path": s.path, "problem": s.problem} for s in briefing.skipped],
        "stories": [{"title": s.title, "article_ids": list(s.article_ids)} for s in briefing.stories],
        "sentences": [
            {"article_id": s.article_id, "index": s.index, "start": s.start, "end": s.end}
            for s in briefing.sentences
            if s.article_id in numbers
        ],
        "derived_from": [
            {
                "article_id": d.article_id,
                "source_id": d.source_id,
                "kind": d.kind,
                "score": d.score,
                "evidence": dict(d.evidence),
            }
            for d in briefing.derivations
        ],
        "generations": [
            {
                "task": g.task,
                "target": g.target,
                "prompt_file": g.prompt_file,
                "output": g.output,
                "accepted": g.accepted,
                "checks": [{"check": name, "result": result} for name, result in g.checks],
                "used": g.used,
            }
            for g in briefing.generations
        ],
        "model": briefing.model,
        "settings": dict(briefing.settings),
    }


def render_json(briefing: Briefing) -> str:
    return json.dumps(briefing_dict(briefing), ensure_ascii=False, indent=2) + "\n"
