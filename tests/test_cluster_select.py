from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from digest.cluster import HdbscanClusterer, merge_leaves, merge_on_figures, refine
from digest.select import CentralAttestedSelector, attestation, is_specific, self_contained, statement_groups
from digest.types import Article, Event, KeyPoint, Sentence, Timex

ROOT = Path(__file__).resolve().parents[1]


def unit(v: list[float]) -> np.ndarray:
    a = np.asarray(v, dtype=np.float32)
    return a / np.linalg.norm(a)


def test_hdbscan_finds_near_duplicates_and_leaves_the_rest() -> None:
    rng = np.random.default_rng(0)
    base = rng.normal(size=(6, 384))
    rows = [base[0], base[0] + 0.01, base[0] - 0.01, base[1], base[1] + 0.01, *base[2:]]
    emb = np.asarray([r / np.linalg.norm(r) for r in rows], dtype=np.float32)
    raw = HdbscanClusterer().fit_labels(emb)
    assert raw[0] == raw[1] == raw[2] >= 0
    # hdbscan alone may group the unrelated rest (single linkage chains); refine drops them.
    labels = refine(raw, emb, [f"a{i}" for i in range(len(emb))], min_similarity=0.6)
    assert labels[0] == labels[1] == labels[2] >= 0
    assert labels[3] == labels[4] >= 0 and labels[3] != labels[0]
    assert (labels[5:] == -1).all()


def test_refine_keeps_one_sentence_per_article_and_drops_outliers() -> None:
    emb = np.asarray([unit([1, 0, 0]), unit([1, 0.05, 0]), unit([1, 0.1, 0]), unit([0.2, 1, 0])])
    labels = np.asarray([0, 0, 0, 0])
    out = refine(labels, emb, ["a", "b", "b", "c"], min_similarity=0.7)
    assert out[0] == 0 and out[1] + out[2] == -1 and max(out[1], out[2]) == 0  # one member of b stays
    assert out[3] == -1  # not similar to the centroid


def test_leaves_of_one_statement_merge_and_others_stay_apart() -> None:
    # Leaves 1 and 4 say one thing in other words (centroids at cosine 0.995); 2 is close to both
    # (about 0.87) and joins them; 3 is another statement (cosine 0.6 to the others).
    rows = [[1, 0.05, 0, 0], [1, 0.1, 0, 0], [1, 0, 0.1, 0], [1, 0, 0.12, 0]]
    rows += [[0.6, 0, 0, 0.8], [0.6, 0, 0.02, 0.8], [1, 0.45, 0.3, 0], [1, 0.6, 0.3, 0]]
    emb = np.asarray([unit(r) for r in rows])
    labels = np.asarray([1, 1, 4, 4, 3, 3, 2, 2])
    sims = [
        float(unit([1, 0.075, 0, 0]) @ unit([1, 0, 0.11, 0])),
        float(unit([1, 0, 0.11, 0]) @ unit([1, 0.52, 0.3, 0])),
    ]
    assert sims[0] > 0.99 and 0.85 < sims[1] < 0.9
    out = merge_leaves(labels, emb, min_similarity=0.85)
    assert out.tolist() == [1, 1, 1, 1, 3, 3, 1, 1]
    # at 0.9 the loose leaf 2 stays on its own; noise stays noise
    assert merge_leaves(labels, emb, min_similarity=0.9).tolist() == [1, 1, 1, 1, 3, 3, 2, 2]
    with_noise = np.asarray([1, 1, 4, -1, 3, 3, -1, -1])
    assert merge_leaves(with_noise, emb, min_similarity=0.85).tolist() == [1, 1, 1, -1, 3, 3, -1, -1]


def test_clusters_that_give_one_figure_in_other_words_merge() -> None:
    # Leaves 0 and 1 give the fund's $20bn in two outlets' words (centroids at cosine ~0.75); leaf 2
    # gives it too but says something else (cosine ~0.3: a congressman's "shakedown"); leaf 3 is as
    # close to leaf 0 but gives another figure; leaf 4 gives none. Leaf 1's third member gives another
    # amount of money, and the group not its $20bn: it is no member of the merged statement.
    texts = [
        "BP has agreed to put aside $20bn to compensate victims.",
        "BP has agreed to put aside $20bn (£13.5 bn) to compensate victims.",
        "BP agreed on Wednesday to set up a $20 billion fund for damage claims.",
        "Under pressure, BP agreed to set up a $20 billion fund.",
        "BP agreed to set up a fund; analysts expect $38 billion to $60 billion in costs.",
        'Barton called the $20 billion fund a "shakedown".',
        'Barton apologised for the $20 billion "shakedown".',
        "BP agreed to pay $5bn this year.",
        "BP will pay $5bn into the fund this year.",
        "BP agreed to set up a fund.",
        "BP agreed to set up a claims fund.",
    ]
    rows = [[1, 0, 0, 0], [1, 0.05, 0, 0], [0.75, 0.66, 0, 0], [0.75, 0.7, 0, 0], [0.75, 0.68, 0, 0]]
    rows += [[0.3, 0, 0.95, 0], [0.3, 0.05, 0.95, 0], [0.75, 0, 0.66, 0], [0.75, 0, 0.7, 0], [0.75, 0, 0, 0.66]]
    rows += [[0.75, 0, 0, 0.7]]
    emb = np.asarray([unit(r) for r in rows])
    labels = np.asarray([0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 4])
    out = merge_on_figures(labels, emb, texts, min_similarity=0.7)
    assert out.tolist() == [0, 0, 0, 0, -1, 2, 2, 3, 3, 4, 4]
    # apart, each keeps its members
    assert merge_on_figures(labels, emb, texts, min_similarity=0.8).tolist() == labels.tolist()
    noise = np.asarray([0, 0, -1, -1, -1, 2, 2, 3, 3, 4, 4])  # unclustered sentences stay so
    assert merge_on_figures(noise, emb, texts, min_similarity=0.7).tolist() == noise.tolist()


def test_merging_on_figures_does_not_chain_through_a_cluster_that_gives_two() -> None:
    # Leaf 1 gives both the flow estimate of leaf 0 and the amount captured of leaf 2; it is closer
    # to leaf 0 and joins it. The group's centroid is close enough to leaf 2 (cosine ~0.76), but the
    # group gives only 35,000-60,000: leaf 2's 15,000 barrels stay a statement of their own.
    texts = [
        "Scientists estimate 35,000-60,000 barrels a day are leaking.",
        "Between 35,000 and 60,000 barrels a day are leaking, scientists say.",
        "A cap captures 15,000 barrels of the 35,000-60,000 leaking each day.",
        "The cap captures 15,000 barrels while 35,000 to 60,000 leak every day.",
        "A cap is collecting about 15,000 barrels a day.",
        "The cap now collects some 15,000 barrels daily.",
    ]
    rows = [[1, 0, 0], [1, 0.05, 0], [0.92, 0.39, 0], [0.92, 0.41, 0], [0.6, 0.79, 0], [0.6, 0.81, 0]]
    emb = np.asarray([unit(r) for r in rows])
    labels = np.asarray([0, 0, 1, 1, 2, 2])
    assert merge_on_figures(labels, emb, texts, min_similarity=0.7).tolist() == [0, 0, 0, 0, 2, 2]


def test_identical_vectors_form_a_cluster() -> None:
    # hdbscan alone calls them noise (five copies of one one-sentence wire item)
    rng = np.random.default_rng(0)
    same, other = (unit(rng.normal(size=384).tolist()) for _ in range(2))
    for rows in ([same] * 2, [same] * 5, [same, same, same, other]):
        labels = HdbscanClusterer().fit_labels(np.asarray(rows, dtype=np.float32))
        n = sum(1 for r in rows if r is same)
        assert (labels[:n] == labels[0]).all() and labels[0] >= 0
        assert (labels[n:] == -1).all()


def test_small_inputs_are_all_noise() -> None:
    assert (HdbscanClusterer().fit_labels(np.zeros((1, 4), dtype=np.float32)) == -1).all()


def test_statement_groups_keep_singletons_in_order() -> None:
    assert statement_groups(np.asarray([-1, 0, 1, 0, -1])) == [[0], [1, 3], [2], [4]]


def test_attestation_prefers_the_wording_other_articles_use() -> None:
    sentences = [
        Sentence("orig", 0, 0, 0, "Ukrainian special forces fighting in the Kursk region told the BBC."),
        Sentence("spun", 0, 0, 0, "Ukrainian particular forces combating in the Kursk area instructed the BBC."),
        Sentence("other", 0, 0, 0, "Special forces were fighting in the region, officials told reporters."),
    ]
    att = attestation(sentences)
    assert att[0] > att[1]


def test_self_contained_penalises_context_dependence() -> None:
    assert self_contained("Russia launched a full-scale invasion of Ukraine in February 2022.") == 1.0
    assert self_contained("Since then, Russian forces have managed to retake a sizeable chunk of that region.") < 1.0
    assert self_contained("They may return after receiving extra training.") < 1.0
    assert self_contained("the soldiers could return after receiving additional training") < 0.5
    cut = "Coast Guard officials on Friday suspended the three-day search for 11 workers, saying they belie..."
    assert self_contained(cut) < 0.5  # a teaser cut off mid-word is no statement
    assert self_contained(cut.replace("...", "…")) == self_contained(cut) == 0.4  # one penalty for a missing end
    # a sentence missing its start: the segmenter cut "Rep. Joe Barton, R-Texas" off it
    headless = ", who has received more than $100,000 from the oil industry, revealed Thursday that BP deserves it."
    assert self_contained(headless) < 0.5
    assert self_contained("The rig was owned by Transocean Ltd....") < 0.5
    assert self_contained("Officials said the search for the 11 missing workers would go on ... for now.") == 1.0
    # A piece of a longer quotation: who says it is in another sentence.
    assert self_contained('"BP needs to tell us what it will do if the wellbore is compromised.') < 1.0
    assert self_contained('It will take years to clean the marshes of the Gulf coast," he said.') < 1.0
    assert self_contained('"Cleaning the marshes of the Gulf will take years," the mayor said.') == 1.0
    assert self_contained("“The oil is everywhere on the beaches,” the mayor of the town said.") == 1.0
    assert self_contained("People here say it's BP's fault and the company's alone, officials said.") == 1.0
    # A connective phrase with its comma refers back; the same words starting a clause do not.
    assert self_contained("At the same time, infections were breaking out globally.") < 1.0
    assert self_contained("In response, BP said it would pay.") < 1.0
    assert self_contained("Or, the opening day of Michael Jackson's trial in Santa Maria, in 2005.") < 1.0
    assert self_contained("Oregon's governor declared a state of emergency on Friday night.") == 1.0
    assert self_contained("In response to the spill, BP said it would pay.") == 1.0


def test_is_specific() -> None:
    assert is_specific("The offensive seized 1,000 sq km.")
    assert is_specific("Troops crossed into Kursk.")
    assert not is_specific("The deployment has proven costly.")
    assert not is_specific("The unfamiliar terrain and relentless Ukrainian drone attacks made them vulnerable.")


def test_selector_ranks_by_sources_skips_redundant_and_filler() -> None:
    s = [
        Sentence("a", 0, 0, 10, "Troops left the Kursk front after heavy losses, officials said."),
        Sentence("b", 0, 0, 10, "Troops have left the Kursk front after heavy losses, officials say."),
        Sentence("c", 0, 0, 10, "Troops left the Kursk front line after suffering heavy losses."),
        Sentence("a", 1, 11, 20, "The deployment has proven very costly for everyone involved."),
        Sentence("b", 1, 11, 20, "Russia retook half of the land in the Kursk region so far."),
    ]
    e = np.asarray([unit([1, 0, 0]), unit([1, 0.02, 0]), unit([1, 0, 0.02]), unit([0, 1, 0]), unit([0, 0, 1])])
    labels = np.asarray([0, 0, 0, -1, -1])
    sel = CentralAttestedSelector().select(s, e, labels, max_points=5, is_filler=lambda x: not is_specific(x.text))
    texts = [p.text for p in sel.key_points]
    assert len(texts) == 2  # the three copies are one point; the generic single-source line is filler
    assert sel.key_points[0].source_count == 3
    assert "costly" not in " ".join(texts)
    rep = sel.key_points[0].representative
    assert (rep.article_id, rep.sentence_index) in {
        (c.article_id, c.sentence_index) for c in sel.key_points[0].citations
    }


def test_preference_keeps_copies_from_being_quoted() -> None:
    s = [
        Sentence("copy", 0, 0, 10, "Ukrainian particular forces combating in Kursk instructed the BBC."),
        Sentence("orig", 0, 0, 10, "Ukrainian special forces fighting in Kursk told the BBC so."),
    ]
    e = np.asarray([unit([1, 0]), unit([1, 0.3])])
    sel = CentralAttestedSelector().select(
        s, e, np.asarray([0, 0]), max_points=1, preference=lambda x: 2 if x.article_id == "copy" else 0
    )
    assert sel.key_points[0].representative.article_id == "orig"


def test_speech_supports_a_statement_but_is_not_quoted_as_one() -> None:
    # A transcript's line does not name who says it: another member states the statement, and a
    # statement only speech makes is no key point.
    said = "The army will run the country until elections are held in September."
    reported = "The army will run Egypt until elections in September, the military council said."
    guest = "Always the people of Egypt are very happy because Mubarak is going now."
    s = [
        Sentence("show", 0, 0, 10, said),
        Sentence("show2", 0, 0, 10, said),
        Sentence("wire", 0, 0, 10, reported),
        Sentence("show", 1, 20, 30, guest),
        Sentence("show2", 1, 20, 30, guest),
    ]
    e = np.asarray([unit([1, 0, 0]), unit([1, 0, 0]), unit([1, 0.3, 0]), unit([0, 0.1, 1]), unit([0, 0.11, 1])])
    labels = np.asarray([0, 0, 0, 1, 1])
    everything = CentralAttestedSelector().select(s, e, labels, max_points=2)
    assert sorted(p.text for p in everything.key_points) == [guest, said]
    sel = CentralAttestedSelector().select(s, e, labels, max_points=2, quotable=lambda x: x.article_id == "wire")
    assert [p.text for p in sel.key_points] == [reported]
    assert {c.article_id for c in sel.key_points[0].citations} == {"show", "show2", "wire"}
    assert sel.clusters[1].representative in {("show", 1), ("show2", 1)}  # a statement still has a representative


LEANS = "Since then, Russian forces have managed to retake a sizeable chunk of that region."
ALONE = "Russia has managed to retake around half of the land in Kursk so far."


def test_a_member_that_stands_alone_states_the_statement() -> None:
    assert self_contained(LEANS) < 1.0 <= self_contained(ALONE)
    wire = "Since then, Russian forces have retaken a sizeable chunk of that region."
    s = [Sentence("orig", 0, 0, 10, LEANS), Sentence("wire", 0, 0, 10, wire), Sentence("other", 0, 0, 10, ALONE)]
    # The member leaning on the sentence before it is the more central and the more attested one
    # (another article uses its words): it still is not quoted.
    e = np.asarray([unit([1, 0.05]), unit([1, 0]), unit([1, 0.6])])
    labels = np.asarray([0, 0, 0])
    sel = CentralAttestedSelector().select(s, e, labels, max_points=1)
    assert sel.key_points[0].text == ALONE
    point = sel.key_points[0]
    assert {c.article_id for c in (*point.citations, *point.related)} == {"orig", "wire", "other"}
    # A copy's wording stays out even when it is the one that stands alone.
    copied = CentralAttestedSelector().select(
        s, e, labels, max_points=1, preference=lambda x: 2 if x.article_id == "other" else 0
    )
    assert copied.key_points[0].text == LEANS


def test_when_no_member_stands_alone_the_best_scored_one_states_it() -> None:
    other = "Since then, the Russians have taken back a large part of that area."
    third = "That left Russian forces holding a sizeable chunk of that region again."
    assert max(self_contained(other), self_contained(third)) < 1.0
    s = [Sentence("a", 0, 0, 10, other), Sentence("b", 0, 0, 10, LEANS), Sentence("c", 0, 0, 10, third)]
    e = np.asarray([unit([1, 0.6]), unit([1, 0.05]), unit([1, 0])])
    sel = CentralAttestedSelector().select(s, e, np.asarray([0, 0, 0]), max_points=1)
    assert sel.key_points[0].text == LEANS  # the most central and most attested of the three


def _events_of_two(
    texts: list[str], quality: list[float], reference: dt.date, *, citation_probability: float | None = None
) -> tuple[Event, ...]:
    """The events of two one-sentence articles "a" and "b" saying one thing (similar vectors)."""
    from digest.timeline import TimexResolver, build_events
    from digest.types import Article

    articles = [Article(x, t, x) for x, t in zip("ab", texts, strict=True)]
    sentences = [Sentence(x, 0, 0, len(t), t) for x, t in zip("ab", texts, strict=True)]
    return build_events(
        articles,
        sentences,
        np.asarray([unit([1, 0.05]), unit([1, 0.1])]),
        np.asarray([0, 0]),
        quality,
        TimexResolver(),
        {"a": reference, "b": reference},
        max_events=5,
        merge_similarity=0.8,
        citation_probability=citation_probability,
    )


def test_a_timeline_entry_cites_the_members_that_say_it_and_lists_the_others_as_related() -> None:
    said = "An oil rig exploded on April 20 in the Gulf of Mexico, killing eleven workers."
    other = "BP's shares fell in London on April 20 as traders sold oil stocks."  # near in the vectors given
    (entry,) = _events_of_two([said, other], [0.9, 0.5], dt.date(2010, 4, 22), citation_probability=0.5)
    assert entry.text == said
    assert [c.article_id for c in entry.citations] == ["a"] and [c.article_id for c in entry.related] == ["b"]
    assert {d.citation.article_id for d in entry.evidence} == {"a"}  # the date is explained by a cited sentence
    assert entry.independent_count == 1
    (every,) = _events_of_two([said, other], [0.9, 0.5], dt.date(2010, 4, 22))  # None: every member is cited
    assert [c.article_id for c in every.citations] == ["a", "b"] and every.related == ()


def test_a_list_run_together_is_no_key_point() -> None:
    # a page's list of reports without its punctuation: one "sentence" of 70 words on three pages
    items = [
        "eight suspected cases are being investigated at a New York City high school",
        "Ten New Zealand students who traveled to Mexico have tested positive for influenza A",
        "In France a top health official said two people may be carrying the virus",
        "Spain's health ministry says three people who returned from Mexico are in isolation",
        "In Israel medics are testing a man who was taken to hospital after a trip to Mexico.",
    ]
    run_on = " ".join(items)
    said = "The WHO has warned the virus has the potential to become a pandemic."
    assert len(run_on.split()) > 60
    s = [Sentence(x, 0, 0, 1, run_on) for x in "abc"] + [Sentence(x, 0, 0, 1, said) for x in "de"]
    e = np.asarray([unit([1, 0.1])] * 3 + [unit([1, -0.1])] * 2)
    sel = CentralAttestedSelector(redundancy_similarity=0.999).select(s, e, np.asarray([0, 0, 0, 1, 1]), max_points=2)
    assert [p.text for p in sel.key_points] == [said]
    longer = CentralAttestedSelector(redundancy_similarity=0.999, max_words=80)
    # allowed, the list ranks below the statement that stands alone, though more pages repeat it
    assert [p.text for p in longer.select(s, e, np.asarray([0, 0, 0, 1, 1]), max_points=2).key_points] == [said, run_on]


def test_a_large_collection_keeps_its_clusters_when_one_sentence_is_left_out() -> None:
    # 400 statements of one story, four wordings each, in cells of at most 400 sentences. k-means
    # cells kept about 90% of the pairs clustered together (and 78% on T17's Egypt topic, where
    # 4 of 8 key points then changed); cuts along the principal direction keep almost all.
    def together(labels: np.ndarray) -> set[tuple[int, int]]:
        members: dict[int, list[int]] = {}
        for i, label in enumerate(labels.tolist()):
            if label >= 0:
                members.setdefault(label, []).append(i)
        return {(a, b) for m in members.values() for k, a in enumerate(m) for b in m[k + 1 :]}

    rng = np.random.default_rng(5)
    centres = rng.normal(size=32) + rng.normal(scale=0.6, size=(400, 32))
    rows = np.concatenate([centres + rng.normal(scale=0.15, size=centres.shape) for _ in range(4)])
    emb = (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)
    clusterer = HdbscanClusterer(block_size=400)
    full = together(clusterer.fit_labels(emb))
    fewer = together(np.concatenate([[-1], clusterer.fit_labels(emb[1:])]))
    assert len(full) > 1500
    assert len(full & fewer) >= 0.95 * len(full)


def test_an_events_text_is_a_member_that_stands_alone() -> None:
    leans = "Then in August 2024 they seized a sizeable chunk of that region."
    alone = "In August 2024 Ukrainian troops seized 1,000 sq km of the Kursk region."
    assert self_contained(leans) < 1.0 <= self_contained(alone)
    # the leaning sentence has the better quality score
    events = _events_of_two([leans, alone], [0.9, 0.5], dt.date(2025, 2, 1))
    assert [(e.label, e.text) for e in events] == [("August 2024", alone)]
    assert {c.article_id for c in events[0].citations} == {"a", "b"}


def test_large_inputs_are_clustered_in_blocks_with_the_same_result_for_near_duplicates() -> None:
    rng = np.random.default_rng(3)
    centres = rng.normal(size=(300, 64))
    rows = np.concatenate([centres + rng.normal(scale=0.01, size=centres.shape) for _ in range(3)])
    emb = (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)
    labels = HdbscanClusterer(block_size=200).fit_labels(emb)
    # every statement's three copies share one label, and no two statements share one
    triples = labels.reshape(3, 300).T
    assert (triples[:, 0] >= 0).all()
    assert (triples == triples[:, :1]).all()
    assert len(set(triples[:, 0].tolist())) == 300
    again = HdbscanClusterer(block_size=200).fit_labels(emb)
    assert (again == labels).all()


def test_one_outlets_coverage_ranks_by_what_many_of_its_articles_say() -> None:
    """All articles from one outlet (every statement has one independent source): a statement three
    of its articles make in their own words outranks one article's line and the outlet's template
    repeated verbatim on every page."""
    from digest.sourcing import SourceGraph
    from digest.types import Article

    s = [
        Sentence("a", 0, 0, 10, "Troops left the Kursk front after heavy losses, officials said."),
        Sentence("b", 0, 0, 10, "Troops have left the Kursk front after heavy losses, officials say."),
        Sentence("c", 0, 0, 10, "Troops left the Kursk front line after suffering heavy losses."),
        Sentence("a", 1, 11, 20, "Kyiv said 500 Russian soldiers died near Sudzha in a single week."),
        *(Sentence(x, 2, 21, 30, "Your comments may be published on any BBC media worldwide.") for x in "abcd"),
    ]
    e = np.asarray(
        [unit([1, 0, 0]), unit([1, 0.02, 0]), unit([1, 0, 0.02]), unit([0.6, 0.8, 0])] + [unit([0.7, 0, 0.7])] * 4
    )
    labels = np.asarray([0, 0, 0, -1, 1, 1, 1, 1])
    graph = SourceGraph().with_outlets([Article(x, "t", "BBC") for x in "abcd"])
    sel = CentralAttestedSelector().select(
        s, e, labels, max_points=3, count_sources=graph.independent_count, support=graph.support
    )
    assert sel.key_points[0].text.startswith("Troops") and sel.key_points[0].independent_count == 1
    template = next(p for p in sel.key_points if p.text.startswith("Your"))
    assert template.source_count == 4 and template.score < sel.key_points[0].score  # four pages, one support
    # Counted by article, the template's four pages would outrank the three articles' statement:
    by_article = CentralAttestedSelector().select(s, e, labels, max_points=3)
    assert by_article.key_points[0].text.startswith("Your")


def test_a_paragraph_repeated_on_one_page_does_not_move_the_story() -> None:
    # a page repeating a filler paragraph 100 times: the statement two articles make still ranks
    # above one only the other article makes
    filler, statement, single = unit([1, 0, 0]), unit([0, 1, 0]), unit([0.8, 0.5, 0.3])
    s = [Sentence("a", 0, 0, 10, "North Korean troops have left the Kursk front line, officials said.")]
    filler_text = "Filler paragraph about the weather in the capital this week."
    s += [Sentence("a", i, 0, 10, filler_text) for i in range(1, 101)]
    s += [
        Sentence("b", 0, 0, 10, "North Korean troops have withdrawn from the Kursk front line."),
        Sentence("b", 1, 0, 10, "Some 11,000 soldiers had been sent by North Korea to Russia."),
    ]
    e = np.asarray([statement, *[filler] * 100, statement, single])
    labels = np.asarray([0, *[-1] * 100, 0, -1])
    # (no echoes: the filler would echo the single statement, as its vector is the nearer)
    sel = CentralAttestedSelector(echo_similarity=None).select(s, e, labels, max_points=2)
    assert sel.key_points[0].text.startswith("North")


@pytest.mark.parametrize(
    ("not_a_point", "points", "kept"),
    [
        (  # a question
            "WASHINGTON -- What makes an oil spill really bad?",
            ("BP said the cap had stopped the flow of oil on Thursday.", "BP says the cap stopped the flow of oil."),
            "BP",
        ),
        (  # the writer's own voice; a quoted speaker's "I" is no writer's voice
            "I talked to Mohamed ElBaradei earlier on Monday about the protests.",
            ('"I will not run again," Mubarak said in a speech on Tuesday.', '"I will not run again," Mubarak said.'),
            '"I',
        ),
        (  # a quotation without its speaker; a phone appeal
            '"Clearly, this is a disaster of epic proportions, and we have a lot of work ahead."',
            (
                "The Red Cross said three million people were affected.",
                "The Red Cross says three million were affected.",
            ),
            "The Red Cross",
        ),
        (
            "Donations can be made via the DEC website or by telephoning 0370 60 60 900.",
            (
                "The Red Cross said three million people were affected.",
                "The Red Cross says three million were affected.",
            ),
            "The Red Cross",
        ),
    ],
)
def test_a_question_or_the_writers_own_voice_is_not_a_key_point(
    not_a_point: str, points: tuple[str, str], kept: str
) -> None:
    s = [
        Sentence("a", 0, 0, 10, not_a_point),
        Sentence("b", 0, 0, 10, not_a_point),
        Sentence("a", 1, 11, 20, points[0]),
        Sentence("b", 1, 11, 20, points[1]),
    ]
    e = np.asarray([unit([1, 0]), unit([1, 0]), unit([0, 1]), unit([0.02, 1])])
    sel = CentralAttestedSelector().select(s, e, np.asarray([0, 0, 1, 1]), max_points=2)
    assert [p.text[: len(kept)] for p in sel.key_points] == [kept]


def test_a_question_or_the_writers_own_voice_is_never_cited_for_a_statement() -> None:
    from digest.pipeline import prepare, run
    from digest.types import Article

    lines = {
        "a": "Mubarak has refused to step down despite the protests, officials said on Friday.",
        "b": "Mubarak has refused to step down despite the protests, aides said on Friday.",
        "c": "Has Mubarak refused to step down despite the protests in Cairo this week?",
        "d": "I think Mubarak has refused to step down despite the protests in Cairo.",
        "e": "Mubarak has refused to step down despite protests, his office said on Friday.",
    }
    other = "Thousands of people gathered in Tahrir Square on Friday for the fourth day running."
    articles = [Article(k, f"{v}\n{other.replace('fourth', k)}", k) for k, v in lines.items()]
    _, sentences = prepare(articles)
    same = unit([1, 0, 0])
    embeddings = np.asarray([same if s.index == 0 else unit([0.05 * i, 1, 0.05]) for i, s in enumerate(sentences)])
    briefing = run(articles, embeddings=embeddings)
    point = next(p for p in briefing.key_points if p.text.startswith("Mubarak"))
    assert sorted(c.article_id for c in point.citations) == ["a", "b", "e"]


def test_an_events_text_names_the_date_it_is_shown_under() -> None:
    # "21 June 2010" stood above the year-dated sentence, because the other member names the
    # payment due on 21 June
    year = "BP said it will suspend its dividend for the rest of this year and set up the fund."
    day = "BP cancelled the $2.6 billion dividend payment scheduled for June 21."
    events = _events_of_two([year, day], [0.9, 0.5], dt.date(2010, 6, 16))
    assert [(e.label, e.text) for e in events] == [("21 June 2010", day)]
    assert {c.article_id for c in events[0].citations} == {"a", "b"}


def test_a_sentence_is_quoted_once_in_a_timeline_even_with_a_label_before_it() -> None:
    from digest.timeline import TimexResolver, build_events
    from digest.types import Article

    plain = "Thousands marched in Egypt's cities on Friday, the first time since unrest began Tuesday."
    texts = {"a": plain, "b": f"Unrest in Egypt: {plain}"}
    articles = [Article(k, t, k) for k, t in texts.items()]
    sentences = [Sentence(k, 0, 0, len(t), t) for k, t in texts.items()]
    events = build_events(
        articles,
        sentences,
        np.eye(2, dtype=np.float32),  # nothing merges: each sentence gives a Friday and a Tuesday event
        np.asarray([-1, -1]),
        [0.9, 0.9],
        TimexResolver(),
        dict.fromkeys(texts, dt.date(2011, 1, 29)),
        max_events=12,
        merge_similarity=0.6,
    )
    assert len(events) == 1, [(e.label, e.text) for e in events]


def test_a_sentence_with_two_dates_stands_under_the_one_it_names_first() -> None:
    # "the previous year" (2007) and "in 2008" tie: the sentence was shown under 2007, the earlier one
    shrimp = "U.S. landings of shrimp were valued at $442 million in 2008, up 2 percent from the previous year."
    events = _events_of_two([shrimp, shrimp], [0.9, 0.9], dt.date(2010, 4, 29))
    assert [(e.label, e.text) for e in events] == [("2008", shrimp)]
    rig = "On Thursday BP said the leak had been worse since the explosion on 20 April, officials say."
    events = _events_of_two([rig, rig], [0.9, 0.9], dt.date(2010, 4, 30))
    assert [e.label for e in events] == ["29 April 2010"]


def test_a_long_off_topic_page_does_not_make_its_lines_the_central_events() -> None:
    # A day of reports and a programme listing of many lines: by the mean of all sentences, the
    # listing's lines were the most central, and filled the timeline
    from digest.timeline import TimexResolver, build_events
    from digest.types import Article

    report = "Police searched the home of Jackson's doctor on Tuesday as part of the inquiry."
    texts = {
        "a": report,
        "b": "The doctor says he did nothing wrong, and his lawyer says he is cooperating with the police.",
        "c": "\n".join(
            ["Jamie introduces music from Madeleine Peyroux in tonight's second programme of the series."]
            + [f"Presenter number {i} joins the team with songs and guests from the studio." for i in range(9)]
        ),
    }
    articles = [Article(k, t, k) for k, t in texts.items()]
    sentences = []
    for k, t in texts.items():
        start = 0
        for i, line in enumerate(t.split("\n")):
            sentences.append(Sentence(k, i, start, start + len(line), line))
            start += len(line) + 1
    story, listing = unit([1, 0, 0.1]), unit([0, 1, 0.1])
    embeddings = np.asarray([story, story] + [listing] * 10)
    events = build_events(
        articles,
        sentences,
        embeddings,
        np.full(len(sentences), -1),
        [0.9] * len(sentences),
        TimexResolver(),
        dict.fromkeys(texts, dt.date(2009, 7, 30)),
        max_events=1,
        merge_similarity=0.99,
    )
    assert [e.text for e in events] == [report]


def test_a_century_dates_no_event() -> None:
    # "the first pandemic of the 21st century" was an event of "the 200s"
    texts = [
        "A scientist called the avian flu outbreak the first pandemic of the 21st century.",
        "Avian flu broke out again in 2006, killing dozens of people in Asia.",
    ]
    events = _events_of_two(texts, [0.9, 0.9], dt.date(2009, 4, 29))
    # nor does it join the 2006 event as its quoted text
    assert [(e.label, e.text) for e in events] == [("2006", texts[1])]


def test_a_statement_that_names_its_actors_ranks_above_an_as_central_vague_one() -> None:
    from digest.select import specificity

    vague = "Not everyone is rejoicing over the developments in the country, it seems."
    named = "Vice President Omar Suleiman announced the resignation of Hosni Mubarak on state television."
    assert specificity(vague) == 0.0 and specificity(named) == 1.0
    assert specificity("Some 11,000 troops were sent to Kursk.") == 0.75  # "11", "000", "Kursk"
    s = [Sentence("a", 0, 0, 1, vague), Sentence("b", 0, 0, 1, vague), Sentence("c", 0, 0, 1, named)]
    s.append(Sentence("d", 0, 0, 1, named))
    e = np.asarray([unit([1, 0.2]), unit([1, 0.2]), unit([1, -0.2]), unit([1, -0.2])])
    labels = np.asarray([0, 0, 1, 1])  # two statements, each in two sources, equally central
    # the two statements echo each other (cosine 0.92): echoes left out, specificity alone decides
    plain = CentralAttestedSelector(redundancy_similarity=0.999, specificity_weight=0.0, echo_similarity=None).select(
        s, e, labels, max_points=2
    )
    assert [p.text for p in plain.key_points] == [vague, named]  # a tie: the first statement first
    ranked = CentralAttestedSelector(redundancy_similarity=0.999, specificity_weight=0.25, echo_similarity=None).select(
        s, e, labels, max_points=2
    )
    assert [p.text for p in ranked.key_points] == [named, vague]


def test_a_background_year_gets_one_entry_and_a_day_several() -> None:
    from digest.timeline import TimexResolver, build_events
    from digest.types import Article

    texts = [
        "Estimates of the death toll from the 1918 outbreak of Spanish flu range from 20 to 40 million.",
        "In 1918, an influenza pandemic started that became a global disaster.",
        "The strain is an H1N1, a type that has been around since the 1918 Spanish flu pandemic.",
        "The WHO raised its pandemic alert to phase 5 on 29 April 2009.",
        "Three more cases of swine flu were confirmed in the UK on 29 April 2009.",
    ]
    ids = "abcde"
    articles = [Article(x, t, x) for x, t in zip(ids, texts, strict=True)]
    sentences = [Sentence(x, 0, 0, len(t), t) for x, t in zip(ids, texts, strict=True)]
    vectors = np.eye(5, dtype=np.float32)  # five different statements: nothing merges
    reference = dt.date(2009, 4, 29)
    events = build_events(
        articles,
        sentences,
        vectors,
        np.asarray([-1] * 5),
        [0.9] * 5,
        TimexResolver(),
        dict.fromkeys(ids, reference),
        max_events=12,
        merge_similarity=0.6,
    )
    labels = [e.label for e in events]
    assert labels.count("1918") == 1
    assert labels.count("29 April 2009") == 2


def test_a_statement_written_in_many_ways_ranks_with_its_echoes_which_it_does_not_cite() -> None:
    # Statement 0 (articles a1, a2) is echoed by a sentence of three more articles that clustering
    # left out (cosine 0.8 to its representative, 0.64 to each other); statement 1 has four members
    # and no echoes.
    said = "Mubarak stepped down on Friday and handed power to the army, Egyptian television said."
    told = "Egyptian television said Mubarak stepped down on Friday and handed power to the army."
    party = "Protesters celebrated in Tahrir Square through the night, waving flags and singing."
    echo = "President Hosni Mubarak has resigned after weeks of protests, his vice president said."
    s = [Sentence("a1", 0, 0, 10, said), Sentence("a2", 0, 0, 10, told)]
    s += [Sentence(f"b{i}", 0, 0, 10, party) for i in range(4)]
    s += [Sentence(f"e{i}", 0, 0, 10, echo) for i in range(3)]
    s += [Sentence("a1", 1, 20, 30, echo)]  # a member's own article: no echo
    echoes = [unit([1, 0, 0.75, 0, 0]), unit([1, 0, 0, 0.75, 0]), unit([1, 0, 0, 0, 0.75])]
    statements = [unit([1, 0, 0, 0, 0]), unit([1, 0.05, 0, 0, 0])] + [unit([0, 1, 0, 0, 0])] * 4
    e = np.asarray(statements + echoes + echoes[:1])
    labels = np.asarray([0, 0, 1, 1, 1, 1, -1, -1, -1, -1])
    assert 0.75 <= float(e[6] @ e[0]) < 0.85 and float(e[6] @ e[7]) < 0.7
    alone = CentralAttestedSelector(echo_similarity=None).select(s, e, labels, max_points=1)
    assert alone.key_points[0].text == party  # four articles against two
    echoed = CentralAttestedSelector(echo_similarity=0.75).select(s, e, labels, max_points=1)
    assert echoed.key_points[0].text in (said, told)  # two articles and three echoes
    assert {c.article_id for c in echoed.key_points[0].citations} == {"a1", "a2"}
    # ... which are its related reports: on its subject, leaving open whether they say it (BP's
    # September briefing called its report "uncorroborated" while three more outlets reported it)
    assert [(c.article_id, c.sentence_index) for c in echoed.key_points[0].related] == [("e0", 0), ("e1", 0), ("e2", 0)]
    assert alone.key_points[0].related == ()
    # an echo that says what the key point quotes is cited as a member that does (and the rest are related)
    same = "Mubarak stepped down on Friday and handed power to the army, Egyptian television reported."
    s[6] = Sentence("e0", 0, 0, 10, same)
    cited = CentralAttestedSelector(echo_similarity=0.75).select(s, e, labels, max_points=1).key_points[0]
    assert [c.article_id for c in cited.citations] == ["a1", "a2", "e0"] and cited.source_count == 3
    assert [c.article_id for c in cited.related] == ["e1", "e2"]
    # echoes below the similarity do not count
    assert CentralAttestedSelector(echo_similarity=0.85).select(s, e, labels, max_points=1).key_points[0].text == party
    # nor those of a statement that names no one, nowhere and no number: it is like any sentence on its topic
    vague = "Thousands of people are feared dead and injured after the quake, officials said."
    s[:2] = [Sentence("a1", 0, 0, 10, vague), Sentence("a2", 0, 0, 10, vague)]
    unechoed = CentralAttestedSelector(echo_similarity=0.75).select(s, e, labels, max_points=1)
    assert unechoed.key_points[0].text == party


def test_a_headline_that_asks_exclaims_or_answers_is_no_title_when_another_is_plain() -> None:
    from digest.pipeline import _title

    # a week's BP briefing was titled by a column: "Yes, the BP oil spill is Obama s Katrina"
    def article(i: int, title: str) -> Article:
        return Article(f"a{i}", "Text.", source=f"s{i}", title=title)

    titles = [
        "Yes, the BP oil spill is Obama's Katrina",
        "BP oil spill: can you fix it?",
        "Obama plays golf during BP oil spill!",
        "BP agrees to set up $20bn fund for spill victims",
    ]
    embeddings = np.array([unit([1, 0, 0])] * 3)
    vectors = np.array([unit([1, 0, 0]), unit([1, 0.1, 0]), unit([1, 0.2, 0]), unit([1, 1, 0])])
    articles = [article(i, t) for i, t in enumerate(titles)]
    assert _title(articles, embeddings, vectors, "fallback") == titles[3]
    # only columns: the most central of them
    assert _title(articles[:3], embeddings, vectors[:3], "fallback") == titles[0]
    # a headline under a column's label is a column's too
    for label in ("Opinion | ", "Opinion: ", "COMMENT: ", "Editorial — ", "Letters: "):
        columns = [article(0, label + "The government cannot protect us from every catastrophe"), articles[3]]
        assert _title(columns, embeddings, vectors[[0, 3]], "fallback") == titles[3]
    news = [article(0, "Comment sought from BP on spill fund"), articles[3]]  # a word, not a label
    assert _title(news, embeddings, vectors[[0, 3]], "fallback") == news[0].title
    # a name's label: a columnist's, a speaker's or a feature's; a story's label is in lower case
    for label in ("Kenneth Pollack: ", "Deepwater Horizon: "):
        voiced = [article(0, label + "The government cannot protect us from every catastrophe"), articles[3]]
        assert _title(voiced, embeddings, vectors[[0, 3]], "fallback") == titles[3]
    story = [article(0, "Gulf oil spill: BP to pay $20bn into a fund"), articles[3]]
    assert _title(story, embeddings, vectors[[0, 3]], "fallback") == story[0].title
    # someone's words
    quoted = [article(0, "'My mission to help Haiti rebuild'"), articles[3]]
    assert _title(quoted, embeddings, vectors[[0, 3]], "fallback") == titles[3]
    term = [article(0, "'Top kill' BP operation to halt US oil leak fails"), articles[3]]
    assert _title(term, embeddings, vectors[[0, 3]], "fallback") == term[0].title


def test_a_short_headline_is_the_title_before_a_more_central_long_one() -> None:
    from digest.pipeline import _title

    # a month's MJ briefing was titled by a headline with its caption run in
    glued = (
        "Conrad Murray drops claim Jackson swallowed propofol Dr Murray say he was trying to wean Michael "
        "Jackson off using propofol for his insomnia"
    )
    titles = [glued, "Michael Jackson's doctor Conrad Murray goes on trial"]
    articles = [Article(f"a{i}", "Text.", source=f"s{i}", title=t) for i, t in enumerate(titles)]
    embeddings = np.array([unit([1, 0, 0])] * 3)
    vectors = np.array([unit([1, 0.1, 0]), unit([1, 0.5, 0])])
    assert _title(articles, embeddings, vectors, "fallback") == titles[1]
    # only long ones: the most central
    assert _title(articles[:1], embeddings, vectors[:1], "fallback") == glued


def test_an_entry_that_leans_on_the_sentence_before_ranks_below_one_that_stands_alone() -> None:
    # a month of MJ coverage: "He said the star still had a faint pulse ... on Thursday afternoon."
    # filled a slot of the timeline before "Jackson's body was released to the family on Friday night."
    from digest.timeline import TimexResolver, build_events
    from digest.types import Article

    texts = {
        "a": "He said the star still had a faint pulse when the doctor found him on Thursday afternoon.",
        "b": "Jackson's body was released to the family by the coroner on Friday night.",
        "c": "Michael Jackson died in Los Angeles after he collapsed at his home.",
    }
    articles = [Article(k, t, k) for k, t in texts.items()]
    sentences = [Sentence(k, 0, 0, len(t), t) for k, t in texts.items()]
    events = build_events(
        articles,
        sentences,
        np.asarray([unit([1, 0, 0]), unit([1, 0.5, 0]), unit([1, -0.1, 0])]),  # the first the more central
        np.asarray([-1, -1, -1]),
        [0.9, 0.9, 0.9],
        TimexResolver(),
        dict.fromkeys(texts, dt.date(2009, 6, 28)),
        max_events=1,
        merge_similarity=0.999,
    )
    assert [e.text for e in events] == [texts["b"]]


def test_a_date_an_offset_counts_from_gives_no_event() -> None:
    # an MJ month's timeline put "Speaking a few days after Jackson's 25 June death, Mr Chernoff
    # denied ..." under 25 June
    later = "Speaking a few days after Jackson's 25 June death, Mr Chernoff denied his client gave him drugs."
    events = _events_of_two([later, later], [0.9, 0.9], dt.date(2009, 7, 22))
    assert events == ()
    died = "Jackson died at his Los Angeles home on 25 June aged 50, his family said."
    assert [e.label for e in _events_of_two([died, died], [0.9, 0.9], dt.date(2009, 7, 22))] == ["25 June 2009"]


def test_one_fact_in_two_wordings_with_different_dates_is_one_entry() -> None:
    # an explosion week's timeline had a February and an April 1 entry for the regulator's
    # inspections "in February, March and April this year" and "in February, March and on April 1"
    from digest.timeline import TimexResolver, build_events
    from digest.types import Article

    texts = {
        "a": "Inspectors found no violations on the rig when they carried out routine inspections in February.",
        "b": "The regulator found no violations on the rig in three routine inspections, the last on April 1.",
    }
    articles = [Article(k, t, k) for k, t in texts.items()]
    sentences = [Sentence(k, 0, 0, len(t), t) for k, t in texts.items()]

    def events(redundancy: float) -> tuple[Event, ...]:
        return build_events(
            articles,
            sentences,
            np.asarray([unit([1, 0.1]), unit([1, 0.15])]),
            np.asarray([-1, -1]),
            [0.9, 0.9],
            TimexResolver(),
            dict.fromkeys(texts, dt.date(2010, 4, 26)),
            max_events=5,
            merge_similarity=0.6,
            redundancy_similarity=redundancy,
        )

    assert len(events(1.0)) == 2
    assert len(events(0.8)) == 1


def test_a_quoted_sentences_relative_dates_are_resolved_against_its_articles_reference() -> None:
    # "Last week the World Health Organization (WHO) declared a global flu pandemic." was a key
    # point of three weeks of H1N1 coverage: which week it was depends on the article's date
    from digest.timeline import TimexResolver, relative_dates
    from digest.types import Article

    text = (
        "Schools reopened. Last week the World Health Organization declared a global flu pandemic, "
        "and on Friday it said 30,000 cases had been confirmed in 74 countries since April 2009."
    )
    article = Article("a", text, "a")
    sentence = Sentence("a", 1, text.index("Last"), len(text), text[text.index("Last") :])
    found = relative_dates(article, sentence, TimexResolver(), dt.date(2009, 6, 17))
    assert [(d.text, d.value, d.label) for d in found] == [
        ("Last week", "2009-W24", "week of 8 June 2009"),
        ("Friday", "2009-06-12", "12 June 2009"),
    ]  # "April 2009" is written out in full
    assert all(text[d.start : d.end] == d.text and d.citation.sentence_index == 1 for d in found)
    later = relative_dates(article, sentence, TimexResolver(), dt.date(2009, 6, 24))
    assert [d.label for d in later] == ["week of 15 June 2009", "19 June 2009"]
    assert relative_dates(article, sentence, TimexResolver(), None) == ()
    # what happens every year names no date (a Haiti week's key point: "rainy season, which typically
    # begins in May" was told "May 2009")
    rainy = "Tents were ordered for the rainy season, which typically begins in May, officials said."
    article = Article("r", rainy, "r")
    sentence = Sentence("r", 0, 0, len(rainy), rainy)
    assert relative_dates(article, sentence, TimexResolver(), dt.date(2010, 1, 28)) == ()
    once = rainy.replace("typically ", "")
    sentence = Sentence("r", 0, 0, len(once), once)
    assert [d.label for d in relative_dates(Article("r", once, "r"), sentence, TimexResolver(), dt.date(2010, 1, 28))]
    # a duration is a date only when it ends at the reference
    text = "Troops have not been seen for the past three weeks, after 1,000 were killed in three months."
    sentence = Sentence("b", 0, 0, len(text), text)
    found = relative_dates(Article("b", text, "b"), sentence, TimexResolver(), dt.date(2025, 1, 1))
    assert [(d.text, d.label) for d in found] == [("the past three weeks", "the 3 weeks before 1 January 2025")]
    # a day counted back approximately is named as a bound or as about that day
    text = "The protests began more than two weeks ago; about a month ago, nearly three months ago, he said."
    sentence = Sentence("c", 0, 0, len(text), text)
    found = relative_dates(Article("c", text, "c"), sentence, TimexResolver(), dt.date(2011, 2, 10))
    assert [(d.text, d.label) for d in found] == [
        ("more than two weeks ago", "before 27 January 2011"),
        ("about a month ago", "about January 2011"),
        ("nearly three months ago", "about November 2010"),
    ]


@pytest.mark.parametrize(
    "text,label",
    [
        # a Haiti week's key point was told "the 6 months before 18 January 2010": the appeal is for the
        # six months to come, "for" belongs to "to help", not to "has launched"
        (
            "The UN has launched an appeal for $562m (£346m) intended to help three million people for six months.",
            None,
        ),
        ("The UN has launched an appeal to help three million people for six months.", None),
        ("Ban Ki-moon, who has arrived in Haiti, said aid would be needed for six months.", None),
        ("A committee has agreed measures that would ban the firm from drilling for six months.", None),
        ("The agency has asked donors for money; the camps will need it for six months.", None),
        # the perfect is the duration's own verb, before or after it
        ("UN staff have been in Haiti for six months.", "the 6 months before 18 January 2010"),
        ("She has lived there with her two children for six months.", "the 6 months before 18 January 2010"),
        ("The girl has been trapped under the rubble for six days.", "the 6 days before 18 January 2010"),
        ("Oil has now been gushing for six days.", "the 6 days before 18 January 2010"),
        ("For six months, the agency has managed the camp.", "the 6 months before 18 January 2010"),
        ("Critics who for six months have lobbied the government were heard.", "the 6 months before 18 January 2010"),
    ],
)
def test_a_duration_after_for_ends_at_the_reference_only_when_a_perfect_is_its_own_verb(
    text: str, label: str | None
) -> None:
    from digest.timeline import TimexResolver, relative_dates

    sentence = Sentence("h", 0, 0, len(text), text)
    found = relative_dates(Article("h", text, "h"), sentence, TimexResolver(), dt.date(2010, 1, 18))
    assert [d.label for d in found] == ([label] if label else [])


def test_a_statement_that_says_little_another_key_point_does_not_is_no_key_point() -> None:
    # three days of Haiti coverage: "Thousands of people are feared dead and injured." beside
    # "Thousands of people are feared dead after a powerful earthquake hit ... Haiti, ..."
    wide = "Thousands of people are feared dead after a powerful earthquake hit the Caribbean nation of Haiti."
    narrow = "Thousands of people are feared dead and injured."
    other = "Aid is being sent to the area, and several countries have offered money to help Haiti."
    s = [Sentence(a, 0, 0, 1, t) for a, t in zip("abcdefg", [wide] * 3 + [narrow] * 2 + [other] * 2, strict=True)]
    e = np.asarray([unit([1, 0, 0])] * 3 + [unit([0.6, 0.8, 0])] * 2 + [unit([0.6, 0, 0.8])] * 2)
    labels = np.asarray([0, 0, 0, 1, 1, 2, 2])
    points = CentralAttestedSelector(echo_similarity=None).select(s, e, labels, max_points=3).key_points
    assert [p.text for p in points] == [wide, other]


def test_each_date_is_owned_by_the_sentence_it_stands_in() -> None:
    from digest.timeline import TimexResolver, _candidates
    from digest.types import Article

    head = "Plant news of 3 March 2024\n"  # a headline that is no sentence: its date has no owner
    body = "On 5 May 2024 the plant closed. Workers left. It reopened on 7 June 2024 after repairs."
    text = head + body
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^. ][^.]*\.", body)]
    # listed out of text order: owners are found by offsets, not by the list's order
    sentences = [Sentence("a", k, len(head) + s, len(head) + e, body[s:e]) for k, (s, e) in enumerate(spans)]
    sentences = [sentences[2], sentences[0], sentences[1]]
    found = _candidates([Article("a", text, "a")], sentences, TimexResolver(), {"a": dt.date(2024, 7, 1)})
    owners = {c.value: sentences[c.sentence].index for c in found}
    assert owners == {"2024-05-05": 0, "2024-06-07": 2}


def test_an_articles_text_is_tagged_once_for_all_its_key_points() -> None:
    # A key point's relative dates come from tagging its article's whole text; four key points
    # quoting one article used to tag it four times, minutes on a long article.
    from collections import Counter

    from digest.config import Config
    from digest.ingest import read_articles
    from digest.pipeline import Components, run
    from digest.timeline import TimexResolver

    from .test_cache import CountingEmbedder

    class Counting(TimexResolver):
        def __init__(self) -> None:
            self.texts: list[str] = []

        def find(self, text: str, reference: dt.date | None) -> list[Timex]:
            self.texts.append(text)
            return super().find(text, reference)

    tagger = Counting()
    config = Config(as_of=dt.date(2025, 2, 1))
    parts = Components(embedder=CountingEmbedder(), resolver=tagger)
    briefing = run(read_articles([ROOT / "examples" / "kursk"]), config, components=parts)
    quoted = Counter(p.representative.article_id for p in briefing.key_points)
    assert max(quoted.values()) >= 3, quoted  # the case: one article quoted by several key points
    full = {a.text: a.id for a in briefing.articles}
    tagged = Counter(full[t] for t in tagger.texts if t in full)
    # once for the timeline's events, once for the key points' dates
    assert tagged and max(tagged.values()) <= 2, tagged


def test_a_key_point_cites_no_member_whose_figures_are_other_ones() -> None:
    # BP June week: one statement cluster held the House committee's paid-claims figures, BP's own
    # and the $20bn fund; only those that give the quoted figures say what is quoted
    from digest.pipeline import _same_figures
    from digest.sourcing import SourceGraph
    from digest.types import Citation

    texts = {
        "fox": "The House Judiciary Committee said BP has paid $71 million out of an estimated $600 million in claims.",
        "guardian": "A House committee estimated that BP had paid just $71m out of an estimated $600m in claims.",
        "bbc": "Meanwhile, BP announced that it has already paid out $104 million (£70m) for claims.",
        "wapo": "Under the deal, BP will pay $5 billion annually into an escrow account for damage claims.",
        "ap": "BP is paying claims, the committee said.",  # no figure: nothing to compare
    }
    sentences = [Sentence(a, 0, 0, len(t), t) for a, t in texts.items()]
    row = {s.key: i for i, s in enumerate(sentences)}
    cites = tuple(Citation(s.article_id, 0, s.start, s.end) for s in sentences)
    point = KeyPoint(texts["fox"], 0, cites, cites[0], source_count=5, score=1.0, independent_count=5)
    kept = _same_figures(point, sentences, row, SourceGraph())
    assert [c.article_id for c in kept.citations] == ["fox", "guardian", "ap"]
    assert [c.article_id for c in kept.other_figures] == ["bbc", "wapo"]
    assert (kept.source_count, kept.independent_count) == (3, 3)
    # a representative without distinctive figures keeps every member
    plain = replace(point, representative=cites[4], text=texts["ap"])
    assert _same_figures(plain, sentences, row, SourceGraph()) == plain
    # the representative's earlier figure is not what it states: BP, 20-30 April 2010
    texts = {
        "noaa": "NOAA experts now estimate that 5,000 barrels a day are leaking, far more than the previous estimate "
        "of 1,000 barrels a day.",
        "landry": "Some 1,000 barrels of oil a day were leaking from the well, the admiral said.",
        "cnn": "The well is leaking some 5,000 barrels of oil a day, the Coast Guard said.",
    }
    kept = _figures_kept(texts)
    assert [c.article_id for c in kept.citations] == ["noaa", "cnn"]
    assert [c.article_id for c in kept.other_figures] == ["landry"]


def _figures_kept(texts: dict[str, str]) -> KeyPoint:
    """A key point quoting the first of ``texts`` (article id -> sentence) and citing them all, after
    ``pipeline._same_figures``."""
    from digest.pipeline import _same_figures
    from digest.sourcing import SourceGraph
    from digest.types import Citation

    sentences = [Sentence(a, 0, 0, len(t), t) for a, t in texts.items()]
    row = {s.key: i for i, s in enumerate(sentences)}
    cites = tuple(Citation(s.article_id, 0, s.start, s.end) for s in sentences)
    point = KeyPoint(sentences[0].text, 0, cites, cites[0], source_count=3, score=1.0, independent_count=3)
    return _same_figures(point, sentences, row, SourceGraph())


def test_a_key_point_quoting_a_ceiling_cites_a_member_whose_range_reaches_it() -> None:
    # Haiti, 23-31 January 2010: "As many as 200,000" was said to have "other figures" in "between
    # 100,000 and 200,000"
    texts = {
        "a": "As many as 200,000 people died in the 12 January earthquake.",
        "b": "Haitian officials say the death toll is likely to be between 100,000 and 200,000.",
        "c": "Haitian officials say the death toll is likely to be between 20,000 and 30,000.",
    }
    kept = _figures_kept(texts)
    assert [c.article_id for c in kept.citations] == ["a", "b"]
    assert [c.article_id for c in kept.other_figures] == ["c"]


def test_a_key_point_cites_the_members_that_say_what_it_quotes_and_lists_the_others_as_related() -> None:
    said = "Gordon Brown said the earthquake in Haiti was a tragedy beyond imagination for its people."
    again = "The earthquake in Haiti is a tragedy beyond imagination for its people, Gordon Brown said."
    other = "Mr Brown said he was deeply saddened and offered British help to the government."
    s = [Sentence("a", 0, 0, 10, said), Sentence("b", 0, 0, 10, again), Sentence("c", 0, 0, 10, other)]
    e = np.asarray([unit([1, 0.05, 0]), unit([1, 0, 0.05]), unit([1, 0.9, 0])])
    labels = np.asarray([0, 0, 0])
    (point,) = CentralAttestedSelector().select(s, e, labels, max_points=1).key_points
    assert point.text in (said, again)
    assert {c.article_id for c in point.citations} == {"a", "b"}
    assert [c.article_id for c in point.related] == ["c"]
    assert (point.source_count, point.independent_count) == (2, 2)
    # without the check every member is cited
    (everyone,) = CentralAttestedSelector(citation_probability=None).select(s, e, labels, max_points=1).key_points
    assert {c.article_id for c in everyone.citations} == {"a", "b", "c"} and not everyone.related


def test_a_key_point_that_leans_on_the_sentence_before_ranks_below_one_that_stands_alone() -> None:
    # A T17 window's key point 7 was 'She told the BBC Dr Murray "feels so deeply ..."': who is she?
    leans = "She told the BBC that relief flights would resume from the capital's airport on Monday."
    alone = "The airline's chief executive told Reuters that cargo deliveries to Haiti were suspended on Monday."
    assert self_contained(leans) < 1.0 == self_contained(alone)
    s = [Sentence(x, 0, 0, 10, leans) for x in "ab"] + [Sentence(x, 1, 20, 30, alone) for x in "cd"]
    # mirror images around the collection's direction: the same centrality and support
    e = np.asarray([unit([1, 0.2]), unit([1, 0.21]), unit([1, -0.2]), unit([1, -0.21])])
    sel = CentralAttestedSelector(redundancy_similarity=0.999).select(s, e, np.asarray([0, 0, 1, 1]), max_points=2)
    assert [p.text for p in sel.key_points] == [alone, leans]


def test_a_statement_ranks_by_the_members_that_say_it_not_by_all_its_cluster_gathers() -> None:
    # Whole-BP key point 2 was "BP said it has paid out $2.35 billion so far ...", citing 2 articles: it
    # ranked on its cluster's 40 running totals, each another figure, which it does not cite.
    totals = [
        "BP said it has paid out $2.35 billion so far in clean-up and compensation costs.",
        "BP said it had paid out $2.35 billion so far in clean-up and compensation costs for the spill.",
        "BP said the cost of its response to the spill had reached $930 million.",
        "BP has spent $3.12 billion on the spill response so far, the company said.",
        "BP said it had paid $104 million in compensation claims to Gulf residents.",
    ]
    meeting = [
        "President Obama met BP chairman Carl-Henric Svanberg at the White House on Wednesday.",
        "BP chairman Carl-Henric Svanberg met President Obama at the White House on Wednesday.",
        "Carl-Henric Svanberg, BP's chairman, met President Obama at the White House on Wednesday.",
    ]
    s = [Sentence(f"t{k}", 0, 0, 10, x) for k, x in enumerate(totals)]
    s += [Sentence(f"m{k}", 0, 0, 10, x) for k, x in enumerate(meeting)]
    # two statements either side of the collection's direction, alike in centrality; the other
    # totals too far from the quoted one (cosine 0.73) to be its echoes
    e = np.asarray(
        [unit([1, 0.4, 0.01 * k]) for k in range(2)]
        + [unit([1, 0.4, 1 + 0.01 * k]) for k in range(3)]
        + [unit([1, -0.4, 0.01 * k]) for k in range(3)]
    )
    labels = np.asarray([0] * len(totals) + [1] * len(meeting))
    sel = CentralAttestedSelector().select(s, e, labels, max_points=2)
    assert [len(p.citations) for p in sel.key_points] == [3, 2]  # the meeting first: three say it
    assert sel.key_points[0].text in meeting and sel.key_points[1].text in totals[:2]
    assert len(sel.key_points[1].related) == 3
    # citing every member, the totals' five articles rank first
    everyone = CentralAttestedSelector(citation_probability=None).select(s, e, labels, max_points=2)
    assert [len(p.citations) for p in everyone.key_points] == [5, 3]


def test_statements_are_scored_lazily_best_first_in_the_order_a_full_sort_gives() -> None:
    from itertools import islice

    from digest.select import _best_first

    rng = np.random.default_rng(0)
    bounds = [(float(b), cid) for cid, b in enumerate(rng.uniform(0, 10, 200))]
    share = rng.uniform(0.2, 1.0, 200)
    share[::17] = 1.0  # some exact at their bound: ties with the bounds left in the heap
    scored: list[int] = []

    def exact(cid: int) -> float:
        scored.append(cid)
        return bounds[cid][0] * float(share[cid])

    full = sorted(((b * float(share[c]), c) for b, c in bounds), key=lambda t: (-round(t[0], 6), t[1]))
    top = list(islice(_best_first(bounds, exact), 5))
    assert top == full[:5]
    fifth = top[-1][0]
    assert all(bounds[c][0] >= fifth for c in scored)  # none below the fifth best was scored
    assert len(scored) < 50
    scored.clear()
    assert list(_best_first(bounds, exact)) == full and sorted(scored) == list(range(200))
