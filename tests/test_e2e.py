"""End to end on examples/kursk with the real packaged model: invariants, golden files, determinism."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from markdown_it import MarkdownIt

import digest
from digest.types import Article, Briefing, Event

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return digest.build(["examples/kursk"])
    finally:
        os.chdir(cwd)


def test_markdown_is_commonmark_with_the_sections(briefing: Briefing) -> None:
    md = briefing.to_markdown()
    tokens = MarkdownIt("commonmark").parse(md)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[1:] == ["Key points", "Where sources differ", "Timeline", "Sources"]
    assert not any(t.type == "link_open" for t in tokens)  # nothing from a source became a link


def test_no_junk_line_reaches_the_briefing(briefing: Briefing) -> None:
    md = briefing.to_markdown()
    for article in briefing.articles:
        for line, reason in article.removed:
            if reason.startswith("headline"):
                continue
            assert line not in md, (article.id, line, reason)
    for junk in ("cart is currently", "Leave a Reply", "Askume", "#Ukraine", "Tags:"):
        assert junk not in md


def test_every_citation_resolves_to_a_sentence_of_the_cited_article(briefing: Briefing) -> None:
    texts = {a.id: a.text for a in briefing.articles}
    sentences = {s.key: s for s in briefing.sentences}
    cites = [c for p in briefing.key_points for c in p.citations] + [c for e in briefing.events for c in e.citations]
    assert cites
    for c in cites:
        s = sentences[(c.article_id, c.sentence_index)]
        assert (s.start, s.end) == (c.start, c.end)
        assert texts[c.article_id][c.start : c.end] == s.text
    for p in briefing.key_points:
        assert p.representative in p.citations
        assert texts[p.representative.article_id][p.representative.start : p.representative.end] == p.text


def test_key_points_do_not_repeat_and_account_for_every_member(briefing: Briefing) -> None:
    from digest.embed import SentenceTransformerEmbedder

    points = briefing.key_points
    assert 5 <= len(points) <= 8
    assert len({p.cluster_id for p in points}) == len(points)
    vectors = SentenceTransformerEmbedder().encode([p.text for p in points])
    sims = vectors @ vectors.T
    for i in range(len(points)):
        for j in range(i + 1, len(points)):
            assert sims[i, j] < 0.8, (points[i].text, points[j].text)
    clusters = {c.id: c for c in briefing.clusters}
    for p in points:
        # each member is cited, or gives other figures, or is on the subject without saying it
        parts = [p.citations, p.disputed_by, p.other_figures, p.related]
        keys = [(c.article_id, c.sentence_index) for part in parts for c in part]
        assert len(keys) == len(set(keys))
        assert set(keys) == set(clusters[p.cluster_id].members)


def test_copies_are_found_and_never_quoted(briefing: Briefing) -> None:
    derived = {(d.article_id[:3], d.source_id[:3], d.kind) for d in briefing.derivations}
    assert ("000", "002", "spun") in derived
    assert ("001", "002", "paraphrase") in derived
    assert not any(d.article_id[:3] in ("002", "003", "004") for d in briefing.derivations)
    quoted = [p.representative.article_id[:3] for p in briefing.key_points]
    quoted += [e.representative.article_id[:3] for e in briefing.events]
    assert "000" not in quoted and "001" not in quoted
    md = briefing.to_markdown()
    for spun in ("particular forces", "New York Occasions", "Final August", "Final week"):
        assert spun not in md
    for p in briefing.key_points:
        assert p.independent_count <= p.source_count


def test_timeline_places_the_four_events(briefing: Briefing) -> None:
    ref = briefing.reference
    assert ref.origin == "inferred" and ref.date is not None
    values = [e.value for e in briefing.events]
    assert any(v.startswith("2022-02") for v in values)  # full-scale invasion
    invasion = next(e for e in briefing.events if e.value.startswith("2022-02"))
    assert "invasion" in invasion.text
    incursion = [e for e in briefing.events if e.value == "2024-08" and "Kursk" in e.text]
    assert incursion and max(len({c.article_id for c in e.citations}) for e in incursion) >= 3
    deployment = [e for e in briefing.events if e.value in ("2024-11", "2024") and "11,000" in e.text]
    assert deployment, values
    assert {c.article_id[:3] for c in deployment[0].citations} >= {"003", "004"}
    recent = [e for e in briefing.events if ref.date - dt.timedelta(days=45) <= e.sort_key <= ref.date]
    withdrawal = [
        e
        for e in recent
        if any(d.value.startswith("20") and "week" in d.text for d in e.evidence)
        and ("not seen" in e.text or "withdraw" in e.text)
    ]
    assert withdrawal, [(e.label, e.text) for e in recent]
    assert [e.sort_key for e in briefing.events] == sorted(e.sort_key for e in briefing.events)


def no_cited_figure_differs(events: Sequence[Event], articles: Sequence[Article]) -> None:
    """An event cites no sentence that gives another value for a figure its quoted sentence states."""
    from digest.conflicts import comparable_figures, figures_differ

    texts = {a.id: a.text for a in articles}
    for e in events:
        quoted = comparable_figures(e.text)
        for c in e.citations:
            cited = texts[c.article_id][c.start : c.end]
            assert not figures_differ(quoted, comparable_figures(cited)), (e.text, cited)


def test_no_event_cites_a_sentence_giving_other_figures(briefing: Briefing) -> None:
    # 003 says the troops have not been seen "for about two weeks", 002 "for the past three weeks";
    # 003's "around 500 sq miles" against 002's "1,000 sq km (386 sq miles)"
    no_cited_figure_differs(briefing.events, briefing.articles)
    withdrawal = [e for e in briefing.events if "not seen" in e.text or "not been seen" in e.text]
    assert {e.label for e in withdrawal} == {"the 3 weeks before 1 February 2025", "the 2 weeks before 1 February 2025"}


def test_every_event_date_is_explained_by_a_span_in_a_cited_sentence(briefing: Briefing) -> None:
    texts = {a.id: a.text for a in briefing.articles}
    for e in briefing.events:
        assert e.evidence
        for d in e.evidence:
            assert d.citation in e.citations
            assert texts[d.citation.article_id][d.start : d.end] == d.text
            assert d.citation.start <= d.start < d.end <= d.citation.end
        # the quoted sentence itself names the date the event is shown under
        assert any(d.citation == e.representative and d.value == e.value for d in e.evidence), e.text


def test_a_key_points_relative_dates_are_resolved_from_spans_of_its_quoted_sentence(briefing: Briefing) -> None:
    texts = {a.id: a.text for a in briefing.articles}
    for p in briefing.key_points:
        for d in p.dates:
            assert d.citation == p.representative
            assert texts[d.citation.article_id][d.start : d.end] == d.text
            assert d.citation.start <= d.start < d.end <= d.citation.end
    # "Last week, Western officials told the BBC ..." (reference 1 February 2025, a Saturday) and
    # "Last August, elite Ukrainian troops ..."; "In late 2024, ..." is written out and not repeated
    dates = {d.text: (d.value, d.label) for p in briefing.key_points for d in p.dates}
    assert dates.get("Last week") == ("2025-W04", "week of 20 January 2025"), dates
    assert dates.get("Last August") == ("2024-08", "August 2024"), dates
    assert not any("2024" in text for text in dates), dates


def test_outputs_are_identical_on_a_second_run(briefing: Briefing) -> None:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        again = digest.build(["examples/kursk"])
    finally:
        os.chdir(cwd)
    assert again.to_markdown() == briefing.to_markdown()
    assert again.to_json() == briefing.to_json()
    assert again.to_html() == briefing.to_html()


def test_golden_files_match_the_cli_output(tmp_path: Path) -> None:
    """examples/kursk/briefing.{md,json} are what `make example` writes; regenerate them with it."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    out = tmp_path / "b.json"
    md = subprocess.run(
        [sys.executable, "-m", "digest", "build", "examples/kursk", "--precision", "float32"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    subprocess.run(
        [sys.executable, "-m", "digest", "build", "examples/kursk", "--precision", "float32", "-o", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert md == (ROOT / "examples/kursk/briefing.md").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == (ROOT / "examples/kursk/briefing.json").read_text(encoding="utf-8")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema_version"] == "1"
    assert data["reference"]["origin"] == "inferred"


def test_where_sources_differ_states_the_three_disagreements(briefing: Briefing) -> None:
    by_measure = {c.measure: c for c in briefing.conflicts}
    assert {"casualties", "area", "duration"} <= set(by_measure)

    def side_of(conflict, prefix: str):
        return next(s for s in conflict.sides if any(c.article_id.startswith(prefix) for c in s.citations))

    killed = by_measure["casualties"]
    assert "1,000" in side_of(killed, "002").summary
    assert "300" in side_of(killed, "004").summary and "2,700" in side_of(killed, "004").summary
    assert "4,000" in side_of(killed, "003").summary
    assert len({id(side_of(killed, p)) for p in ("002", "003", "004")}) == 3
    area = by_measure["area"]
    assert "386 sq miles" in briefing.to_markdown() or "1,000 sq km" in side_of(area, "002").summary
    assert "500 sq miles" in side_of(area, "003").summary
    assert side_of(area, "002") is not side_of(area, "003")
    weeks = by_measure["duration"]
    assert "three weeks" in side_of(weeks, "002").summary and "two weeks" in side_of(weeks, "003").summary
    texts = {a.id: a.text for a in briefing.articles}
    for conflict in briefing.conflicts:
        for side in conflict.sides:
            for q in side.claims:  # every figure is a span of a cited sentence
                assert q.citation in side.citations
                assert texts[q.citation.article_id][q.start : q.end] == q.text
                assert q.citation.start <= q.start < q.end <= q.citation.end


def test_independent_sources_and_filler(briefing: Briefing) -> None:
    for p in briefing.key_points:
        families = {"002" if c.article_id[:3] in ("000", "001") else c.article_id[:3] for c in p.citations}
        assert p.independent_count == len(families)
    # 002's machine-written tail: no other source supports it; it is never a key point.
    tail = _article_text(briefing, "002").split("February 2022.")[1]
    for p in briefing.key_points:
        assert p.text not in tail
    notes = {text: note for _, text, note in briefing.single_source}
    assert any(text in tail for text in notes)
    # A key point never cites a sentence that gives other figures for what it states.
    for p in briefing.key_points:
        assert not set(p.disputed_by) & set(p.citations)


def _article_text(b: Briefing, prefix: str) -> str:
    return next(a.text for a in b.articles if a.id.startswith(prefix))


def test_the_embedder_encodes_each_text_once_whatever_the_order() -> None:
    from digest.embed import SentenceTransformerEmbedder

    texts = [
        "North Korean troops have left the front.",
        "Western officials said some 11,000 troops had been sent from North Korea to fight for Russia.",
        "North Korean troops have left the front.",
    ]
    seen: list[tuple[str, int, int]] = []
    embedder = SentenceTransformerEmbedder()
    forward = embedder.encode(texts, progress=lambda stage, done, total: seen.append((stage, done, total)))
    backward = embedder.encode(texts[::-1])
    assert forward.shape == (3, 384)
    assert seen == [("embedding", 2, 2)]  # the repeated text is encoded once
    # Vectors depend on the set of texts, not on their order: the batches are the same.
    assert np.array_equal(forward[0], forward[2])
    assert np.array_equal(forward, backward[::-1])


def test_bfloat16_vectors_are_float32_rows_close_to_float32s() -> None:
    from digest.embed import SentenceTransformerEmbedder

    texts = [
        "North Korean troops have left the front.",
        "Western officials said some 11,000 troops had been sent from North Korea to fight for Russia.",
        "Ukraine's surprise offensive in Kursk in August 2024 inflicted severe casualties.",
    ]
    full = SentenceTransformerEmbedder(precision="float32")
    half = SentenceTransformerEmbedder(precision="bfloat16")
    assert (full.name, half.name) == ("all-MiniLM-L6-v2 (packaged)", "all-MiniLM-L6-v2 (packaged) [bfloat16]")
    a, b = full.encode(texts), half.encode(texts)
    assert b.dtype == np.float32 and b.shape == a.shape
    assert np.allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-5)
    assert not np.array_equal(a, b)  # bfloat16 was used
    assert (a * b).sum(axis=1).min() > 0.999
    assert np.array_equal(b, half.encode(texts))  # and is deterministic


def test_the_seed_briefing_reads_the_same_in_bfloat16(tmp_path: Path) -> None:
    """Precision changes vectors by less than 1e-4 cosine: the example's Markdown stays the same."""
    run = subprocess.run(
        [sys.executable, "-m", "digest", "build", "examples/kursk", "--precision", "bfloat16"],
        cwd=ROOT,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout == (ROOT / "examples/kursk/briefing.md").read_text(encoding="utf-8")


def write_articles(folder: Path, texts: dict[str, str], *, published: str) -> None:
    """One article file per text (name -> text), with its publication date in front matter."""
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(f"---\npublished: {published}\n---\n{text}\n", encoding="utf-8")


def test_a_small_collections_timeline_has_no_questions_first_person_lines_bare_quotes_or_lists(tmp_path: Path) -> None:
    # A small collection's events come from every dated sentence; a question, a reader's or the
    # writer's own voice, a sentence that leans on the one before reports no event (as in a large
    # collection's timeline).
    texts = {
        "a": "Mubarak stepped down on Friday and handed power to the military. "
        "I think the army will keep its word after Friday's announcement. "
        "Will the elections come in September?",
        "b": "Egypt's president Hosni Mubarak stepped down on Friday, handing power to the army. "
        "Crowds cheered in Tahrir Square on Friday night. "
        '"We will hold free elections in September, as the people ask." '
        # leans on the sentence before
        'He said, "Welcome back Egypt" on Sunday.',
        "c": "Could the next pope be from Africa, as a poll posted on February 11 asked? "
        "Mubarak resigned on Friday after 18 days of protests. "
        "If you have a comment on what happened on Friday, we want to hear it. "
        # quotes of a page's list run together with the next sentence
        'Parag Khanna: "The triumph of people power over the inertia of political power" Shadi Hamid: "Cabinet '
        'reshuffles are business as usual for Jordan," not so significant Isobel Coleman: If reforms come, "expect '
        'Islam to play a larger role in government" Blake Hounshell: Popular comedy "Terrorism and Kebab" '
        "predicted this unrest (CNN) -- Bowing to the pressure of demonstrators, Egypt's President Hosni Mubarak "
        "said on Friday he would step down after 30 years in power.",
    }
    write_articles(tmp_path, texts, published="2011-02-12")
    events = digest.build([tmp_path]).events
    said = [e.text for e in events]
    assert any("stepped down on Friday" in t for t in said), said
    assert not [t for t in said if t.endswith("?") or t.startswith("I think") or " we " in t], said
    # whose words a bare quotation is, another sentence says: it is no event, as it is no key point
    assert not [t for t in said if t.startswith('"')], said
    assert not [t for t in said if len(t.split()) > 60], said
    assert not [t for t in said if t.startswith("He said")], said


def test_a_transcripts_speech_supports_statements_but_is_never_quoted(tmp_path: Path) -> None:
    # A news show's transcript: its lines belong to the speakers whose labels opened the turns, so
    # none is quoted as a key point or an event by itself; it still counts for what others report.
    texts = {
        "wire": "Egypt's president Hosni Mubarak stepped down on Friday and handed power to the military. "
        "Crowds celebrated in Tahrir Square through the night after the announcement.",
        "paper": "Hosni Mubarak stepped down as president of Egypt on Friday, handing power to the army. "
        "Thousands of people celebrated in Tahrir Square through the night.",
        "show": "ANDERSON COOPER, CNN ANCHOR: Good evening, everyone.\n"
        "President Hosni Mubarak stepped down on Friday and handed power to the military.\n"
        "WAEL GHONIM, EGYPTIAN ACTIVIST (via telephone): I'm proud to be Egyptian.\n"
        "The protesters will march again on Tuesday to demand free elections.\n"
        "COOPER: What happens now?\n"
        "GHONIM: Always the people of Egypt are very happy because Mubarak is going.\n",
    }
    write_articles(tmp_path, texts, published="2011-02-12")
    briefing = digest.build([tmp_path])
    quoted = [p.representative.article_id for p in briefing.key_points]
    quoted += [e.representative.article_id for e in briefing.events]
    assert quoted and "show" not in quoted, [(p.text, p.representative) for p in briefing.key_points]
    stepped_down = next(p for p in briefing.key_points if "stepped down" in p.text)
    assert {c.article_id for c in stepped_down.citations} == {"wire", "paper", "show"}
    assert not [e.text for e in briefing.events if "Tuesday" in e.text]


def test_one_figure_in_three_outlets_words_is_one_key_point_citing_them_all(tmp_path: Path) -> None:
    # Each outlet's wording is a cluster of its own (two articles each): the model puts the three
    # wordings of the fund at cosine 0.72-0.76, too far apart for one cluster. They give the same
    # $20bn: one key point. The congressman's "$20 billion shakedown" (cosine ~0.44 to them) gives
    # it too but says something else.
    fund = {
        "bbc": "BP has agreed to put aside $20bn to compensate victims of the oil spill.",
        "reuters": "Under intense pressure from President Barack Obama, BP agreed on Wednesday to set up a "
        "$20 billion fund for damage claims from the Gulf oil spill.",
        "guardian": "BP will pay $20bn into a special clean-up fund for the Gulf of Mexico oil disaster after "
        "company executives met Barack Obama.",
    }
    shakedown = (
        "Texas Republican Joe Barton apologised to BP for what he called a $20 billion shakedown by the White House."
    )
    flow = "Scientists now estimate that up to 60,000 barrels of oil a day are leaking from the well."
    others = {
        "bbc1": "The company's chief executive will testify before Congress.",
        "bbc2": "Fishermen in Louisiana say they have lost their livelihoods.",
        "reuters1": shakedown,
        "reuters2": flow,
        "guardian1": flow,
        "guardian2": shakedown,
    }
    texts = {name: f"{fund[name[:-1]]} {other}" for name, other in others.items()}
    write_articles(tmp_path, texts, published="2010-06-17")

    def fund_points(config: digest.Config) -> list[set[str]]:
        points = digest.build([tmp_path], config=config).key_points
        return [{c.article_id for c in p.citations} for p in points if "$20" in p.text and "Barton" not in p.text]

    assert fund_points(digest.Config()) == [set(texts)]
    # without merging on figures, each outlet's wording is a key point of its own
    assert len(fund_points(digest.Config(figure_merge_similarity=None))) >= 2
    barton = next(p for p in digest.build([tmp_path]).key_points if "Barton" in p.text)
    assert {c.article_id for c in barton.citations} == {"reuters1", "guardian2"}


def test_the_timeline_command_places_the_examples_months_and_quotes_no_copy() -> None:
    # `digest timeline` on five undated articles: they name one day, so the months, the weeks and
    # the periods they name most fill its dates; a spun or paraphrased copy is counted with its original
    # and none of its sentences is an entry's wording, as the original says each of them.
    from digest.config import Config
    from digest.ingest import read_articles
    from digest.tls import build_timeline

    timeline = build_timeline(read_articles([ROOT / "examples" / "kursk"]), Config(max_dates=8))
    labels = [e.label for e in timeline.events]
    assert {"August 2024", "November 2024", "31 January 2025"} <= set(labels), labels
    # the recent withdrawal: "have not seen any North Korean troops there for the past three weeks"
    assert [e for e in timeline.events if "not seen" in e.text and "weeks" in e.evidence[0].text], labels
    assert [e.sort_key for e in timeline.events] == sorted(e.sort_key for e in timeline.events)
    incursion = next(e for e in timeline.events if e.label == "August 2024")
    assert "Kursk" in incursion.text and incursion.evidence[0].text in incursion.text
    no_cited_figure_differs(timeline.events, timeline.articles)  # 003's "around 500 sq miles"
    assert {c.article_id[:3] for c in incursion.citations} == {"000", "001", "002"}
    copies = {d.article_id for d in timeline.derivations}
    assert {c[:3] for c in copies} == {"000", "001"}
    assert not [e.text for e in timeline.events if e.representative.article_id in copies]
    assert (
        timeline.to_markdown()
        == build_timeline(read_articles([ROOT / "examples" / "kursk"]), Config(max_dates=8)).to_markdown()
    )
