"""Renderers on a briefing built from hand-made articles with precomputed embeddings (no model)."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace

import numpy as np
import pytest
from markdown_it import MarkdownIt

from digest.config import Config
from digest.pipeline import prepare, run
from digest.render.markdown import escape
from digest.types import Article, Briefing, Citation, Derivation, KeyPoint, ReferenceDate

EVIL = (
    'Officials said <script>alert("x")</script> [click](http://evil.example) **loud** and `code` in Kursk. '
    "They added that 1. lists and # headings stay text in Kursk too."
)


def _articles() -> list[Article]:
    return [
        Article(
            "a",
            EVIL + "\nRussia launched a full-scale invasion of Ukraine in February 2022.",
            "Outlet A",
            title="First <b>title</b>",
            url="https://example.org/a?x=1&y=2",
            published=dt.date(2025, 2, 1),
        ),
        Article(
            "b",
            "Russia launched its full-scale invasion of Ukraine in February 2022, officials said.\n"
            "Officials said in Kursk that troops had left after 1,000 were killed.",
            "Outlet B",
        ),
    ]


def _embeddings(articles: list[Article]) -> np.ndarray:
    _, sentences = prepare(articles)
    rng = np.random.default_rng(1)
    vectors = rng.normal(size=(len(sentences), 32))
    invasion = [i for i, s in enumerate(sentences) if "invasion" in s.text]
    vectors[invasion] = vectors[invasion[0]] + rng.normal(scale=0.01, size=(len(invasion), 32))
    return vectors.astype(np.float32)


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    arts = _articles()
    return run(arts, Config(as_of=dt.date(2025, 2, 1)), embeddings=_embeddings(arts))


def test_source_text_never_becomes_markup(briefing: Briefing) -> None:
    md = briefing.to_markdown()
    tokens = MarkdownIt("commonmark").parse(md)
    flat = [t for tok in tokens for t in ([tok, *(tok.children or [])])]
    # Only what digest itself writes is markup: source urls, ids, event labels, the marker comment.
    links = [t.attrGet("href") for t in flat if t.type == "link_open"]
    assert links == ["https://example.org/a?x=1&y=2"]
    assert {t.content for t in flat if t.type == "code_inline"} == {"a", "b"}
    strong = [flat[i + 1].content for i, t in enumerate(flat) if t.type == "strong_open"]
    assert strong == [e.label[:1].upper() + e.label[1:] for e in briefing.events]
    assert not any(t.type in ("html_inline", "image") for t in flat)
    assert [t.type for t in tokens].count("html_block") == 1  # the marker comment on line 1
    html = briefing.to_html()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="http://evil.example"' not in html
    assert "<b>title</b>" not in html


def test_escape_round_trips_through_commonmark() -> None:
    md = MarkdownIt("commonmark")
    for text in [EVIL, "1. not a list", "- not a bullet", "# not a heading", "a_b_c *x* &amp; <t>", "+ plus"]:
        rendered = md.render(escape(text))
        inline = md.parseInline(escape(text))[0].children
        assert all(t.type in ("text", "softbreak") for t in inline), (text, [t.type for t in inline])
        assert "<em>" not in rendered and "<strong>" not in rendered


@pytest.mark.parametrize("text", ["7. Then it fell", "12) item", "3.", "7.9 percent", "2010.5 m", "1234567890. x"])
def test_a_number_starting_a_list_item_is_literal_and_escaped_only_where_needed(text: str) -> None:
    """A list item's text that starts with an ordered-list marker ("7. ", up to nine digits before "."
    or ")" and a space or the end) is escaped, and nothing else: "7.9 percent" stays as written."""
    tokens = MarkdownIt("commonmark").parse(f"- {escape(text)}")
    assert [t.type for t in tokens].count("ordered_list_open") == 0
    assert ["".join(c.content for c in t.children or []) for t in tokens if t.type == "inline"] == [text]
    marker = re.match(r"\d{1,9}[.)](?:\s|$)", text)
    assert ("\\" in escape(text)) == bool(marker)


def test_json_is_complete_and_stable(briefing: Briefing) -> None:
    data = json.loads(briefing.to_json())
    assert data["schema_version"] == "1"
    assert data["reference"]["date"] == "2025-02-01" and data["reference"]["origin"] == "given"
    assert {s["id"] for s in data["sources"]} == {"a", "b"}
    for point in data["key_points"]:
        source = next(s for s in data["sources"] if s["id"] == point["representative"]["article_id"])
        r = point["representative"]
        assert source["text"][r["start"] : r["end"]] == point["text"]
    assert briefing.to_json() == briefing.to_json()
    assert json.loads(briefing.to_json())["model"] == "precomputed"


def test_timeline_and_sources_in_markdown(briefing: Briefing) -> None:
    md = briefing.to_markdown()
    assert "**February 2022**" in md
    assert "reference date 2025-02-01 (given)" in md
    assert "<https://example.org/a?x=1&y=2>" in md  # an autolink we made, not one from a source
    assert md.startswith("<!-- digest briefing")
    assert md.endswith("\n") and not md.endswith("\n\n")


def test_a_conflicts_period_is_named_in_markdown_and_json(briefing: Briefing) -> None:
    from dataclasses import replace

    from digest.timeline import human_period
    from digest.types import Citation, Conflict, ConflictSide

    cite = Citation("a", 0, 0, 10)
    sides = (ConflictSide("100 killed", (), (cite,)), ConflictSide("150 killed", (), (cite,)))
    period = (dt.date(2009, 4, 27), dt.date(2009, 4, 29))
    dated = replace(
        briefing, conflicts=(Conflict("casualties", "Killed and wounded", "Officials said.", sides, period=period),)
    )
    # the reports' dates, not the deaths': "Deaths, 12 March 2024" read as deaths on that day
    assert (
        "- **Killed and wounded, reported 27–29 April 2009** (“Officials said.”): 100 killed [1]; 150 killed [1]"
        in (dated.to_markdown())
    )
    assert json.loads(dated.to_json())["conflicts"][0]["period"] == ["2009-04-27", "2009-04-29"]
    assert human_period(dt.date(2009, 4, 30), dt.date(2009, 5, 2)) == "30 April – 2 May 2009"
    assert human_period(dt.date(2009, 12, 31), dt.date(2010, 1, 1)) == "31 December 2009 – 1 January 2010"
    assert human_period(period[0], period[0]) == "27 April 2009"


def test_uncorroborated_only_when_the_collection_has_other_sources() -> None:
    from digest.render.markdown import support

    assert support(3, 1) == "*(3 articles, 1 independent source: uncorroborated)*"
    assert support(3, 1, one_outlet=True) == "*(3 articles, 1 independent source)*"  # all from one outlet
    assert support(1, 1) == "*(single source)*"
    assert support(3, 3) == "*(3 sources)*"


def test_a_key_points_relative_dates_are_named_before_its_sourcing() -> None:
    from digest.render.markdown import support
    from digest.types import Citation, DateEvidence

    cite = Citation("a", 0, 0, 60)
    week = DateEvidence(cite, 0, 9, "Last week", "2024-W52", label="week of 23 December 2024")
    friday = DateEvidence(cite, 30, 39, "on Friday", "2024-12-27", label="27 December 2024")
    assert support(3, 3, dates=[week]) == "*(“Last week”: week of 23 December 2024; 3 sources)*"
    assert support(1, 1, dates=[week, friday]) == (
        "*(“Last week”: week of 23 December 2024; “on Friday”: 27 December 2024; single source)*"
    )


def test_a_key_points_date_is_named_only_while_its_text_has_the_expression(briefing: Briefing) -> None:
    # a phrasing the LLM stage wrote replaces the quoted sentence and may not say "Last week"
    from dataclasses import replace

    from digest.render.markdown import render_markdown
    from digest.types import DateEvidence

    point = briefing.key_points[0]
    week = DateEvidence(point.representative, 0, 9, "Last week", "2025-W04", label="week of 20 January 2025")
    quoted = replace(point, text="Last week, " + point.text, dates=(week,))
    written = replace(point, dates=(week,))
    for p, named in ((quoted, True), (written, False)):
        text = render_markdown(replace(briefing, key_points=(p, *briefing.key_points[1:])))
        assert ("*(“Last week”: week of 20 January 2025; " in text) is named


def test_a_key_point_names_who_each_source_attributes_it_to_when_they_differ(briefing: Briefing) -> None:
    from digest.render.markdown import render_markdown

    point = briefing.key_points[0]
    ids = [c.article_id for c in point.citations]
    numbers = {a.id: n for n, a in enumerate(briefing.articles, 1)}
    differ = replace(
        point,
        attribution="South Korea’s *NIS*",
        attributions=((ids[0], "South Korea’s *NIS*"), (ids[1], "US officials")),
    )
    same = replace(point, attribution="US officers", attributions=((ids[0], "US officers"), (ids[1], "U.S. officials")))
    assert len(ids) == 2
    text = render_markdown(replace(briefing, key_points=(differ,)))
    assert f"; attributed to South Korea’s \\*NIS\\* [{numbers[ids[0]]}], US officials [{numbers[ids[1]]}])*" in text
    assert "attributed to" not in render_markdown(replace(briefing, key_points=(same,)))


def test_a_key_point_names_the_sources_of_its_statement_that_give_other_figures(briefing: Briefing) -> None:
    # H1N1, May 2009: "More than 2,000 people in 24 countries have been infected ..." kept two later
    # WHO counts ("4,379 ... on Sunday") out of its citations, and the Markdown did not say so
    from digest.render.markdown import render_markdown, support

    assert support(2, 2, other=[4]) == "*(2 sources; [4] gives other figures)*"
    assert (
        support(3, 1, other=[4, 5]) == "*(3 articles, 1 independent source: uncorroborated; [4, 5] give other figures)*"
    )
    point = briefing.key_points[0]
    numbers = {a.id: n for n, a in enumerate(briefing.articles, 1)}
    *kept, moved = point.citations
    other = replace(point, citations=tuple(kept), other_figures=(moved,), related=(moved,))
    text = render_markdown(replace(briefing, key_points=(other, *briefing.key_points[1:])))
    line = next(x for x in text.splitlines() if x.startswith("1. "))
    assert f"; [{numbers[moved.article_id]}] gives other figures" in line
    assert "related reports" not in line  # listed once, for what it is


def test_related_reports_are_named_and_leave_corroboration_open() -> None:
    from digest.render.markdown import support

    assert support(3, 1, related=[4, 5]) == "*(3 articles, 1 independent source; related reports [4, 5])*"
    assert support(1, 1, related=[2]) == "*(single source; related reports [2])*"
    assert support(3, 1) == "*(3 articles, 1 independent source: uncorroborated)*"


def test_an_entry_dated_by_its_report_of_the_next_day_says_so() -> None:
    import datetime as dt

    from digest.render.markdown import _dated_by_publication
    from digest.types import Citation, DateEvidence, Event

    cite = Citation("a", 0, 0, 10)

    def event(published: str, origin: str = "published", *others: str) -> Event:
        evidence = DateEvidence(cite, 0, 0, "", published, origin=origin)  # type: ignore[arg-type]
        cites = [cite] + [Citation(f"b{i}", 0, 0, 10) for i, _ in enumerate(others)]
        more = [DateEvidence(c, 0, 0, "", v, origin=origin) for c, v in zip(cites[1:], others, strict=True)]  # type: ignore[arg-type]
        day = dt.date(2011, 11, 7)
        return Event(
            "2011-11-07",
            "day",
            "7 November 2011",
            day,
            "A jury found him guilty.",
            tuple(cites),
            (evidence, *more),
            cite,
        )

    assert _dated_by_publication(event("2011-11-07")) == "no date in the text; published that day"
    assert _dated_by_publication(event("2011-11-08")) == "no date in the text; published the next day, 8 November 2011"
    assert _dated_by_publication(event("2011-11-09")) == "no date in the text; published 2 days later, 9 November 2011"
    assert _dated_by_publication(event("2011-11-07", origin="text")) == ""
    # its reports came out that day and the next: the H1N1 week's "published the next day, 6 May
    # 2009" stood under 5 May for a sentence published on 5 May, cited with one of 6 May
    both = "no date in the text; published that day and the next day, 8 November 2011"
    assert _dated_by_publication(event("2011-11-07", "published", "2011-11-08")) == both
    assert _dated_by_publication(event("2011-11-08", "published", "2011-11-07")) == both


def test_an_entry_shows_its_date_once_when_its_sentence_opens_with_it() -> None:
    # "**26 May 2010**: 26 May: BP starts its "top kill" procedure ..." (a recap list's item), "**27
    # October 2011**: 27 October 2011 Dr Murray weeps in court ..."
    from digest.render.markdown import _without_own_label
    from digest.types import Citation, DateEvidence, Event

    def event(text: str, at: int) -> Event:
        cite = Citation("a", 3, 100, 100 + len(text))
        evidence = DateEvidence(cite, 100 + at, 100 + at + 6, text[at : at + 6], "2010-05-26")
        return Event("2010-05-26", "day", "26 May 2010", dt.date(2010, 5, 26), text, (cite,), (evidence,), cite)

    item = 'May 26: BP starts its "top kill" procedure to plug the well.'
    assert _without_own_label(event(item, 0)) == 'BP starts its "top kill" procedure to plug the well.'
    recap = "26 May 2010 BP starts its top kill procedure to plug the well."
    assert _without_own_label(event(recap, 0)) == "BP starts its top kill procedure to plug the well."
    # a label of another day, or an entry dated by a later date in its sentence, keeps its label
    other = "May 20: BP says it will try a top kill on May 26 to plug the well."
    assert _without_own_label(event(other, other.index("May 26"))) == other
    plain = "On May 26, BP started its top kill procedure."
    assert _without_own_label(event(plain, 3)) == plain


def test_a_statement_many_articles_make_cites_some_of_each_outlet_inline_and_all_in_json() -> None:
    """A statement 24 articles make shows 8 citation marks (the first article of each of the three
    outlets among them, then the lowest numbers) and how many more; JSON and the Sources list keep
    every article."""
    from digest.render.markdown import MAX_REFS
    from digest.types import Citation, DateEvidence, Event, KeyPoint, ReferenceDate

    assert MAX_REFS == 8
    outlets = ["wire"] * 16 + ["daily"] * 4 + ["weekly"] * 4
    text = "Rescue teams reached the town on Tuesday."
    articles = tuple(Article(f"a{i:02}", text, source=s) for i, s in enumerate(outlets, 1))
    cites = tuple(Citation(a.id, 0, 0, len(text)) for a in articles)
    point = KeyPoint(text, 0, cites, cites[0], source_count=24, score=1.0, independent_count=3)
    day = dt.date(2010, 1, 19)
    evidence = tuple(DateEvidence(c, 33, 40, "Tuesday", "2010-01-19") for c in cites)
    event = Event("2010-01-19", "day", "19 January 2010", day, text, cites, evidence, cites[0])
    briefing = Briefing(
        title="Rescue",
        articles=articles,
        sentences=(),
        clusters=(),
        key_points=(point,),
        events=(event,),
        reference=ReferenceDate(day, "given"),
    )
    marks = "[1, 2, 3, 4, 5, 6, 17, 21, +16 more]"
    markdown = briefing.to_markdown()
    assert f"1. {text} {marks} *(24 articles, 3 independent sources)*" in markdown
    assert f"- **19 January 2010**: {text} {marks}" in markdown
    assert "24. Untitled (`a24`, weekly)" in markdown
    assert marks in re.sub(r"<[^>]+>", "", briefing.to_html())  # its numbers are links
    data = json.loads(briefing.to_json())
    assert [c["source"] for c in data["key_points"][0]["citations"]] == list(range(1, 25))
    assert len(data["timeline"][0]["citations"]) == 24


def test_the_provenance_line_counts_a_copy_with_its_original() -> None:
    # "5 articles from 5 sources" over a list that says two are copies "counted with it as one source"
    from digest.render.common import provenance
    from digest.types import Derivation, ReferenceDate

    arts = tuple(Article(i, "Text.", source=src) for i, src in [("a", "a"), ("b", "b"), ("c", "c"), ("d", "wire")])
    plain = Briefing("T", arts, (), (), (), (), ReferenceDate(dt.date(2025, 1, 1), "given", "given"))
    assert provenance(plain).startswith("4 articles from 4 sources; reference date 2025-01-01")
    copies = (Derivation("b", "a", "spun", 0.9), Derivation("c", "b", "paraphrase", 0.8))  # c copies b copies a
    assert provenance(replace(plain, derivations=copies)).startswith("4 articles from 4 sources (2 independent);")
    wire_copy = (Derivation("a", "d", "copy", 1.0),)  # an outlet's copy of the wire's report
    assert provenance(replace(plain, derivations=wire_copy)).startswith("4 articles from 4 sources (3 independent);")


def test_counts_of_a_thousand_or_more_are_written_with_a_thousands_separator() -> None:
    # "1,456 articles from 5 sources", as the briefing writes its figures ("1,000 sq km"); source
    # numbers in citation marks stay plain ("[1204]" would otherwise read as two sources)
    from digest.render.common import provenance
    from digest.types import Citation, KeyPoint, ReferenceDate

    text = "Rescue teams reached the town on Tuesday."
    arts = tuple(Article(f"a{i:04}", text, source=f"s{i % 3}") for i in range(1, 1211))
    cites = tuple(Citation(a.id, 0, 0, len(text)) for a in arts)
    point = KeyPoint(text, 0, cites, cites[0], source_count=1210, score=1.0, independent_count=3)
    briefing = Briefing("T", arts, (), (), (point,), (), ReferenceDate(dt.date(2025, 1, 1), "given", "given"))
    assert provenance(briefing).startswith("1,210 articles from 3 sources; reference date 2025-01-01")
    markdown = briefing.to_markdown()
    assert "+1,202 more] *(1,210 articles, 3 independent sources)*" in markdown
    assert "1210. Untitled (`a1210`, s1)" in markdown


def test_html_links_each_citation_number_to_its_source() -> None:
    from digest.render.markdown import CITE_CLOSE, CITE_OPEN

    # an article's own private-use marks around a bracket are dropped, never a link
    arts = _articles()
    arts[1] = replace(arts[1], text=arts[1].text + f"\nOfficials in Kursk cited {CITE_OPEN}[7]{CITE_CLOSE} as proof.")
    briefing = run(arts, Config(as_of=dt.date(2025, 2, 1)), embeddings=_embeddings(arts))
    page = briefing.to_html()
    targets = set(re.findall(r'<li id="source-(\d+)">', page))
    links = re.findall(r'<a href="#source-(\d+)">(\d+)</a>', page)
    assert targets == {"1", "2"} and links
    assert all(href == text and href in targets for href, text in links)
    assert CITE_OPEN not in page and CITE_CLOSE not in page and "#source-7" not in page
    # the Markdown carries no marks and no links
    md = briefing.to_markdown()
    assert CITE_OPEN not in md and "#source-" not in md


def _forty_articles() -> tuple[str, tuple[Article, ...], list[Citation]]:
    text = "Rescue teams reached the town on Tuesday."
    articles = tuple(Article(f"a{i:02}", text, source=f"s{i}") for i in range(1, 41))
    return text, articles, [Citation(a.id, 0, 0, len(text)) for a in articles]


def test_a_large_collections_sources_list_says_how_many_of_its_sources_only_the_json_cites() -> None:
    """Of 40 articles, a key point cites 10 (8 shown inline, "+2 more") and a single-source statement
    1 more: the Sources list holds those 11, as JSON's does; the Markdown cites 8 of them, says the
    other 3 are cited only in the JSON output, and that 29 further articles are not cited."""
    text, articles, cites = _forty_articles()
    point = KeyPoint(text, 0, tuple(cites[:10]), cites[0], source_count=10, score=1.0, independent_count=10)
    briefing = Briefing(
        "T",
        articles,
        (),
        (),
        (point,),
        (),
        ReferenceDate(dt.date(2025, 1, 1), "given", "given"),
        single_source=((cites[14], text, "one source"),),
    )
    markdown = briefing.to_markdown()
    assert f"1. {text} [1, 2, 3, 4, 5, 6, 7, 8, +2 more]" in markdown
    assert "\n11. Untitled (`a15`, s15)\n" in markdown
    assert markdown.endswith(
        "\n\n3 of the sources above are cited only in the JSON output, which has every citation and the "
        "single-source statements. 29 further articles in the collection are not cited.\n"
    )
    assert [s["id"] for s in json.loads(briefing.to_json())["sources"]] == [a.id for a in articles[:10]] + ["a15"]
    # without single-source statements, the Markdown names what else the JSON output has
    assert (
        replace(briefing, single_source=())
        .to_markdown()
        .endswith(
            "\n\n2 of the sources above are cited only in the JSON output, which has every citation. "
            "30 further articles in the collection are not cited.\n"
        )
    )
    # the single-source statements shown: the Markdown cites [11] too
    shown = replace(briefing, settings=(("show_single_source", True),)).to_markdown()
    assert f"- {text} [11] *(one source)*" in shown
    assert shown.endswith(
        "\n\n2 of the sources above are cited only in the JSON output, which has every citation "
        "and the single-source statements. 29 further articles in the collection are not cited.\n"
    )


def test_a_cited_copy_of_a_copy_lists_both_articles_it_derives_from_in_a_large_collection() -> None:
    # a03 copies part of a02, itself a copy of a01; of 40 articles only a03 is cited
    text, articles, cites = _forty_articles()
    point = KeyPoint(text, 0, (cites[2],), cites[2], source_count=1, score=1.0, independent_count=1)
    briefing = Briefing(
        "T",
        articles,
        (),
        (),
        (point,),
        (),
        ReferenceDate(dt.date(2025, 1, 1), "given", "given"),
        derivations=(Derivation("a02", "a01", "copy", 1.0), Derivation("a03", "a02", "partial", 1.0)),
    )
    markdown = briefing.to_markdown()
    assert (
        "1. Untitled (`a01`, s1)\n"
        "2. Untitled (`a02`, s2); copy of [1], counted with it as one source\n"
        "3. Untitled (`a03`, s3); partial copy of [2], counted with it as one source\n\n"
        "37 further articles in the collection are not cited.\n"
    ) in markdown
    assert [s["id"] for s in json.loads(briefing.to_json())["sources"]] == ["a01", "a02", "a03"]
