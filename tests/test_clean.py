from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path

import pytest

from digest.clean import (
    caps_heading_end,
    caption_credit_end,
    clean_article,
    clean_articles,
    comments_start,
    lead_in_end,
    live_blog_times,
    looked_up_lines,
    lower_case_words,
    repeated_lines,
    run_in_dateline_end,
    run_in_heading_end,
    run_in_parts,
)
from digest.ingest import read_articles
from digest.types import Article, Sentence

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.t17 import T17_DIR, read_folder  # noqa: E402

JUNK_TOKENS = ("cart", "Leave a Reply", "Askume", "Tags:", "#Ukraine", "- Geopolitics", "About")


def test_seed_junk_never_survives(example_dir: Path) -> None:
    arts = clean_articles(read_articles([example_dir]))
    for a in arts:
        for line in a.text.split("\n"):
            assert line.strip() not in ("About", "Leave a Reply", "Tags:"), (a.id, line)
            assert "cart is currently" not in line
            assert "| Askume" not in line
            assert not line.startswith("#")
            assert not line.startswith("- ")


def test_seed_titles_and_headings(example_dir: Path) -> None:
    arts = {a.id[:3]: a for a in clean_articles(read_articles([example_dir]))}
    assert arts["002"].title == "Ukraine says N Korea troops may have quit front line after heavy losses"
    assert arts["004"].title == "Russia Withdraws North Korean Troops After Heavy Losses in Kursk, Says South Korea"
    assert arts["000"].title is None  # its first line is a sentence, not a headline
    headings = [arts["004"].text[h.start : h.end] for h in arts["004"].headings]
    assert "Deployment of North Korean Troops to Russia" in headings
    assert len(headings) == 5


def test_removed_lines_have_reasons(example_dir: Path) -> None:
    arts = {a.id[:3]: a for a in clean_articles(read_articles([example_dir]))}
    reasons = dict(arts["002"].removed)
    assert reasons["Your cart is currently empty!"] == "page chrome before the headline"
    assert reasons["#Ukraine #Korea #troops #quit #front #line #heavy #losses"] == "hashtag line"
    assert reasons["- Geopolitics"] == "tag or link list"
    assert "Leave a Reply" in reasons


def test_an_aggregators_links_with_their_age_are_a_link_list() -> None:
    links = (
        "co.za Robotic subs race to cap leaking US oil well - 9 hrs ago New York Times Robots Working to "
        "Stop Oil Leak in Gulf of Mexico - 14 hrs ago NEWS.com."
    )
    text = "\n".join([*_STORY, links, "Booo hoo, a man in Ireland sneezed 15 mins ago, breaking news!"])
    cleaned = clean_article(Article("links", text, "a"))
    assert dict(cleaned.removed)[links] == "tag or link list"
    assert "sneezed 15 mins ago" in cleaned.text  # an age in a sentence is no link's


def test_a_standfirst_under_the_headline_is_no_title() -> None:
    # a BP October-December window titled a BBC source "The report says the government's response
    # 'seemed to lag' in the early stages of the disaster" and dropped its headline as page chrome
    headline = "Gulf oil spill commission criticises White House"
    standfirst = 'The report says the government\'s response "seemed to lag" in the early stages of the disaster'
    body = (
        "The White House commission on the oil spill says the government's response seemed to lag in the "
        "early stages of the disaster.\nThe commission also says the White House blocked the report on the "
        "disaster for weeks."
    )
    cleaned = clean_article(Article("a", f"{headline}\n{standfirst}\n{body}", "a"))
    assert cleaned.title == headline
    # alone, the line with an article is the headline there is
    assert clean_article(Article("b", f"{standfirst}\n{body}", "b")).title == standfirst
    # a headline with an article under a line of page furniture stays the title
    menu = "Home News Sport Weather"
    assert clean_article(Article("c", f"{menu}\n{standfirst}\n{body}", "c")).title == standfirst


def test_a_headline_run_into_its_caption_and_first_sentence_titles_the_article() -> None:
    # a BBC page: headline, photo caption and first sentence on one line; the caption was the title
    body = (
        "The US government has demanded immediate clarification from BP over its commitment to pay for costs "
        "caused by the oil spill in the Gulf of Mexico.\nThe Obama administration said it wanted to be sure BP "
        "would honour commitments not to limit payments for damages caused by the oil spill.\nThousands of "
        "barrels of oil a day have been leaking from the seabed since the rig sank."
    )
    headline = "US demands oil spill costs 'clarification' from BP"
    caption = "Thousands of barrels of oil a day have been leaking from the seabed"
    cleaned = clean_article(Article("a", f"{headline} {caption} {body}", "a"))
    assert cleaned.title == headline
    # on lines of their own, the line nearest the body reads as the headline, as before
    menu = "Oil spill coverage from across the Gulf of Mexico coast"
    assert clean_article(Article("c", f"{menu}\n{headline}\n{body}", "c")).title == headline


@pytest.mark.parametrize(
    "line",
    [
        "By the CNN Wire Staff Protesters have embraced Egyptian troops since they were deployed",
        "It is believed the doctor was at Jackson's house when he died last month",
    ],
)
def test_a_byline_or_a_caption_is_no_headline(line: str) -> None:
    body = (
        "CNN Wire Staff: protesters have embraced Egyptian troops since they were deployed; it is believed "
        "the doctor was at the house of Jackson when he died last month."
    )
    cleaned = clean_article(Article("a", f"Egyptian troops deployed as protesters gather\n{line}\n{body}", "a"))
    assert cleaned.title == "Egyptian troops deployed as protesters gather"
    alone = clean_article(Article("b", f"{line}\n{body}", "b"))
    assert alone.title is None


def test_unfinished_last_sentence_is_dropped() -> None:
    a = Article(
        "x",
        "The army moved troops to the border after heavy losses, officials said.\n"
        "The army said it would regroup near the border and then",
        "x",
    )
    out = clean_article(a)
    assert out.text.endswith("officials said.")
    assert any(r == "unfinished last sentence" for _, r in out.removed)


def test_unfinished_tail_after_full_stop_is_trimmed() -> None:
    a = Article("x", "Troops left the front line after heavy losses, officials said. The army said it would", "x")
    assert clean_article(a).text == "Troops left the front line after heavy losses, officials said."


def test_boilerplate_repeated_across_documents() -> None:
    body = "The ministry said troops had left the region after weeks of heavy fighting there."
    arts = [Article(f"a{i}", f"{body}\nShare this story\nMore from World News\n{body}", f"a{i}") for i in range(3)]
    for a in clean_articles(arts):
        assert "Share this" not in a.text and "More from World News" not in a.text
        assert a.text.count("heavy fighting") == 2


def _junked(sentences: list[str]) -> str:
    return "\n".join(
        [
            "Your basket is empty",
            "Home | World | Europe",
            "– [Latest], World News | Dailysite",
            "Skip to content",
            *sentences[:3],
            "Share this article",
            *sentences[3:],
            "Related Posts:",
            "- Politics",
            "- World",
            "- Disaster",
            "- Opinion",
            "#news #world #breaking",
            "Leave a Comment",
            "Subscribe to our newsletter",
        ]
    )


@pytest.mark.skipif(not T17_DIR.is_dir(), reason="T17 evaluation data not found at ../shared/eval/t17")
def test_junk_added_to_real_articles_is_removed_and_text_kept() -> None:
    articles = [a for a in read_folder(T17_DIR / "haiti_bbc") if len(a.sentences) >= 8][:40]
    assert len(articles) >= 20
    kept_total = 0
    for t in articles:
        raw = Article(t.id, _junked(list(t.sentences)), "bbc")
        out = clean_article(raw)
        for junk in (
            "basket",
            "Home | World",
            "Dailysite",
            "Skip to content",
            "Share this article",
            "Related Posts",
            "- Politics",
            "#news",
            "Leave a Comment",
            "Subscribe",
        ):
            assert junk not in out.text, (t.id, junk)
        # Every real sentence of the story that ends like a sentence survives (the last may be
        # unfinished); a headline run into it is split off as its own line. Reader comments go.
        story_end = comments_start("\n".join(t.sentences))
        story = [
            s
            for s, at in zip(t.sentences, itertools.accumulate(len(x) + 1 for x in t.sentences), strict=True)
            if at <= story_end
        ]
        # a live blog's posting times ("2050 Haiti's President ...") are cut from its entries
        # and split where entries were run together ("... killed 2050 Haiti's President, ...")
        if live_blog_times("\n".join(t.sentences)):
            entry = re.compile(r"(?:^|(?<=[a-z.,;:!?'\")] ))(?:[01]\d|2[0-3])[0-5]\d (?=[A-Z])")
            story = [piece.strip() for s in story for piece in entry.split(s) if piece.strip()]
        real = [s[run_in_heading_end(s) :] for s in story if s.rstrip()[-1:] in '.!?"']
        kept = sum(s in out.text for s in real)
        kept_total += kept
        assert kept >= len(real) - 1, (t.id, [s for s in real if s not in out.text])
    assert kept_total > 300


def test_cleaning_depends_on_repetition_only_through_the_lines_it_looks_up(example_dir: Path) -> None:
    """What digest.cache.CachedCleaning keys on: an article cleaned with the collection's
    repeated lines equals it cleaned with only those of its looked-up lines that repeat,
    including a line whose repeated part follows a lead-in that is cut."""
    seeds = read_articles([example_dir])
    hub = "Gulf Coast Oil Disaster Special Coverage Hub"
    first = "BP said on Monday that the new cap held overnight, its engineers said."
    last = "The relief well is nearly done, officials said on Tuesday afternoon."
    # (further down than a page's first lines, where the line before a credit is its caption)
    body = seeds[0].text + "\n"
    extra = [
        Article("x1", f"{body}{first}\nPhotograph: Win McNamee/Getty Images {hub}\n{last}", "x"),
        Article("x2", f"{first}\n{hub}\n{last}", "y"),
        Article("x3", f"{last}\n{hub}\n{first}", "z"),
    ]
    collection = [*seeds, *extra]
    repeated = repeated_lines(collection)
    assert hub.lower() in looked_up_lines(extra[0]) & repeated
    for article in collection:
        narrowed = repeated & looked_up_lines(article)
        assert clean_article(article, repeated=repeated) == clean_article(article, repeated=narrowed)
    # and the repetition matters here: without it the cut line is not recognised as boilerplate
    assert clean_article(extra[0], repeated=repeated) != clean_article(extra[0])


def test_live_blog_update_stamps_are_cut_and_recorded() -> None:
    text = "\n".join(
        [
            "Egypt live: protests continue",
            "(Update 4:33 a.m. Thursday in Cairo, 9:33 p.m. ET Wednesday) Heavy gunfire reverberated in central "
            "Cairo early Thursday as rival protesters faced off at Tahrir Square.",
            "-- (Updated 5:45 p.m. (0045 in Egypt)) Protesters in the streets of Cairo called for President Hosni "
            "Mubarak to leave, chanting in unison for hours.",
            "Officials gave updated figures (Update: 611 injured) late on Wednesday after the clashes in the square.",
        ]
    )
    cleaned = clean_article(Article("live", text, source="blog"))
    assert "(Update" not in cleaned.text.split("\n")[0] and "(Updated" not in cleaned.text
    assert cleaned.text.startswith("Heavy gunfire reverberated")
    assert "\n\nProtesters in the streets of Cairo" in cleaned.text
    assert "(Update: 611 injured)" in cleaned.text  # only an opening stamp is cut
    stamps = [text for text, reason in cleaned.removed if reason == "live-blog update stamp"]
    assert stamps == [
        "(Update 4:33 a.m. Thursday in Cairo, 9:33 p.m. ET Wednesday)",
        "-- (Updated 5:45 p.m. (0045 in Egypt))",
    ]


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("Photograph: Sean Gardner/Reuters Scientists warned there was a risk.", "Scientists warned there was a risk."),
        ("Photograph: Ho\\/AFP\\/Getty Images BP's shares fell 3% today.", "BP's shares fell 3% today."),
        ("Photograph: Carl de Souza/AFP/Getty images Two new cases were found.", "Two new cases were found."),
        ("Photograph: KPA/Zuma/Rex Features The vast deposits lie deep.", "The vast deposits lie deep."),
        ("Photograph: Pete Souza/White House BP will pay $20bn into a fund.", "BP will pay $20bn into a fund."),
        ("Photograph: Jae C Hong/AP House Speaker Nancy Pelosi said so.", "House Speaker Nancy Pelosi said so."),
        (
            "Photograph: Sarah Lee for the Guardian Tony Hayward has claimed it is tiny.",
            "Tony Hayward has claimed it is tiny.",
        ),
        ("Photograph: AP Nine new cases of swine flu were confirmed.", "Nine new cases of swine flu were confirmed."),
        ("AP Photo The White House said BP would pay.", "The White House said BP would pay."),
        (
            "(AP) U.S. officials confirmed Thursday the first oil sheen.",
            "U.S. officials confirmed Thursday the first oil sheen.",
        ),
        (
            "AP June 17: BP CEO Tony Hayward testifies before a House panel.",
            "June 17: BP CEO Tony Hayward testifies before a House panel.",
        ),
        # a caption (or headline) before the credit goes with it
        (
            "BP oil spill: final tests due Photograph: AFP/Getty Images BP hopes to seal the well.",
            "BP hopes to seal the well.",
        ),
    ],
)
def test_caption_credit_run_into_a_sentence_is_cut(text: str, rest: str) -> None:
    assert text[caption_credit_end(text) :] == rest


@pytest.mark.parametrize(
    "text",
    [
        "Photograph: Graeme Robertson The smear was an eyesore.",  # where the name ends is unknown
        "How the oil spill would look over England Photograph: guardian.",  # no sentence follows
        "The photograph: AP reporters saw the well burn on Tuesday.",  # lower case: not a credit
        "Officials said the AP/Reuters poll was wrong.",
        "Reuters reported on Monday that the cap was holding.",
        "AP Photo/Dave Martin The well was capped on Thursday.",  # where the photographer's name ends is unknown
    ],
)
def test_caption_credit_is_not_guessed(text: str) -> None:
    assert caption_credit_end(text) == 0


def test_caption_credits_are_cut_and_recorded() -> None:
    text = "\n".join(
        [
            "Gulf oil spill: BP tries again",
            "BP oil spill: final tests due Photograph: Win McNamee/Getty Images BP hopes to carry out a crucial "
            "test on the ruptured well this week, officials said on Monday.",
            "Engineers said the cap was holding and that no oil had leaked since Thursday.",
        ]
    )
    cleaned = clean_article(Article("credit", text, source="paper"))
    assert cleaned.text.startswith("BP hopes to carry out a crucial test")
    assert ("BP oil spill: final tests due Photograph: Win McNamee/Getty Images", "photo caption and credit") in (
        cleaned.removed
    )


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("NEW CAP FOR LEAKING OIL WELL When engineers removed the cap, oil flowed again.", "When engineers"),
        ("HOW THE OIL FUNNEL WORKS The funnel is a 40ft tall iron box.", "The funnel is"),
        ("THE WORLD WE LIVE IN Hayward is one of those minds.", "Hayward is one"),
        # a live blog's entry header that opens with its day
        ("18 JANUARY, 2200 GMT, SANTO DOMINGO AIRPORT Even the most stoic Haitians are angry.", "Even the most"),
        ("LOZAMA HOTTELINE, 25, SUPERMARKET Rescue workers said it was remarkable.", "Rescue workers"),
    ],
)
def test_caps_heading_run_into_a_sentence_is_cut(text: str, rest: str) -> None:
    assert text[caps_heading_end(text) :].startswith(rest)


@pytest.mark.parametrize(
    "text",
    [
        "BP CEO Tony Hayward testified before Congress on Thursday.",  # acronyms only
        "NIC ROBERTSON, CNN SENIOR INTERNATIONAL CORRESPONDENT: Protesters are gathering again.",  # a speaker
        "HOW DID MARKETS REACT TO SARS?",  # nothing follows
        "NEW YORK (Reuters) - Oil prices rose on Monday.",
    ],
)
def test_caps_heading_is_not_guessed(text: str) -> None:
    assert caps_heading_end(text) == 0


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        # Fortune and CNNMoney pages (T17 Egypt): the byline and its stamp run into the first sentence
        (
            "By Patricia Sellers February 9, 2011: 2:42 PM ET In Monday's Postcard, Amany Eid wrote about it.",
            "In Monday's Postcard, Amany Eid wrote about it.",
        ),
        (
            "By Annalyn Censky, staff reporterJanuary 28, 2011: 5:11 PM ET NEW YORK (CNNMoney) -- Food prices rose.",
            "NEW YORK (CNNMoney) -- Food prices rose.",
        ),
        # CNN pages: a date stamp, the byline and the outlet
        (
            "January 27, 2011 | By Tim Lister and Emily Smith, CNN Protesters have used social media sites.",
            "Protesters have used social media sites.",
        ),
        (
            "By Bryony Jones for CNN Ban Ki-moon said leaders must protect protesters.",
            "Ban Ki-moon said leaders must protect protesters.",
        ),
        (
            "By Tarek Osman, Special to CNN This week tens of thousands swamped Cairo.",
            "This week tens of thousands swamped Cairo.",
        ),
    ],
)
def test_a_byline_with_its_time_stamp_run_into_a_sentence_is_cut(text: str, rest: str) -> None:
    cut, reasons = lead_in_end(text)
    assert (text[cut:], reasons) == (rest, "byline")


@pytest.mark.parametrize(
    "text",
    [
        "By February 9, 2011, the protests had spread to Alexandria and Suez.",  # "By" a date
        "By Dan Primack February 2, 2011: 2:24 PM ET",  # nothing follows
        "By 8 p.m. on Tuesday the crowd had grown to tens of thousands.",
        "By Friday, NATO Secretary General Anders Rasmussen said the alliance would act.",
        "By Peter Bowes BBC News, Los Angeles Jackson was due to play 50 UK dates.",  # the outlet's name goes on
    ],
)
def test_a_byline_stamp_is_not_guessed(text: str) -> None:
    assert lead_in_end(text) == (0, "")


def test_lead_ins_one_after_another_are_all_cut_and_named() -> None:
    text = "(Update 4:33 a.m. Thursday) Photograph: Ben Curtis/AP Tens of thousands gathered in Tahrir Square."
    cut, reasons = lead_in_end(text)
    assert text[cut:] == "Tens of thousands gathered in Tahrir Square."
    assert reasons == "live-blog update stamp, photo caption and credit"
    assert lead_in_end("Tens of thousands gathered in Tahrir Square.") == (0, "")


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        (
            "Haiti survivors sleep on streets Thousands of people in Haiti have spent a second night outside.",
            "Thousands of people",
        ),
        (
            "Earthquake aftershocks hit Haiti orphanage A paediatrics nurse says aftershocks are still happening.",
            "A paediatrics nurse",
        ),
        ("Mark Doyle, BBC News, Haiti The scene an hour's drive west of the capital is apocalyptic.", "The scene"),
        ("French rescuers arrive in Haiti The EU has pledged more than 400m euros in aid.", "The EU has"),
        ("Aid groups complain of delays A Royal Navy ship carrying aid is to be sent to Haiti.", "A Royal Navy"),
        ("Swine flu outbreak reaches Europe The UN has warned that the virus could become a pandemic.", "The UN"),
        ("Second pupil tested for swine flu A second child is being treated with antiviral drugs.", "A second"),
        ("Children pulled from Haiti rubble An 11-year-old girl has been pulled from the ruins.", "An 11-year-old"),
        ("Yeny Gregorio Davila, Mexico City The WHO is advising all member states to be vigilant.", "The WHO is"),
        ("Matthew Price reports from Mexico A 23-month-old child has died of swine flu in Texas.", "A 23-month-old"),
        # a video's caption naming its reporter (a week of BP coverage quoted it in a key point)
        (
            "James Reynolds reports as BP say the oil has stopped leaking BP says it has temporarily stopped oil "
            "flowing into the Gulf of Mexico.",
            "BP says it has",
        ),
        (
            "Rory Carroll reports from Mexico City on the country's five-day shutdown Swine flu hits Mexico's economy.",
            "Swine flu hits",
        ),
        # a headline ending with its verb's particle, or run into "Between" (a month of Haiti coverage)
        (
            "Haiti earthquake rescue operation declared over A 23-year-old man has been pulled alive from the rubble.",
            "A 23-year-old man",
        ),
        (
            "Treating the victims of the Haiti earthquake Between 100,000 and 200,000 people may have died.",
            "Between 100,000",
        ),
        # "For", and a number in words (an H1N1 month)
        (
            "First death of swine flu patient in UK For the first time in Britain, a patient with swine flu has died.",
            "For the first time",
        ),
        (
            "Students were given advice about swine flu Seventeen new cases have been confirmed at the university.",
            "Seventeen new cases",
        ),
        # a name that ends the heading and starts the sentence
        (
            "The White House meeting was the first between the president and BP BP executives have met Obama.",
            "BP executives have met",
        ),
        ("Gulf oil spill cap is holding, says BP BP's cautious statement says the well is secure.", "BP's cautious"),
        ("Supply trucks from the Dominican Republic arrive in Haiti Haiti has a land border with it.", "Haiti has a"),
        ("Subscribe to Over To You You can stay up to date with Over To You via email.", "You can stay"),
        # a caption's quotation, closed without a stop (T17)
        (
            "Mike O'Berry, US Coast Guard: \"We'll search until all likelihood of success has passed\" The US "
            "Coast Guard says that no oil appears to be leaking from the rig.",
            "The US Coast Guard says",
        ),
        (
            "Dr Chan said the pandemic would be of\u201d moderate severity\u201d The WHO has declared a pandemic.",
            "The WHO",
        ),
        # a headline's quotation in single quotes (a BP week's timeline: "BP oil leak plug 'going as planned' The ...")
        (
            "BP oil leak plug 'going as planned' The oil company BP says its new attempt is going according to plan.",
            "The oil company BP",
        ),
        (
            "Haitian families 'sleeping among the dead' Thousands of Haitians are spending a second night outside.",
            "Thousands",
        ),
        # a pull quote whose opening mark the page lost (a month of BP coverage)
        (
            'If BP were found to be grossly negligent, the costs could rise very significantly indeed" The oil '
            "leak became the worst environmental disaster in US history.",
            "The oil leak",
        ),
    ],
)
def test_heading_run_into_a_sentence_is_found(text: str, rest: str) -> None:
    assert text[run_in_heading_end(text) :].startswith(rest)


@pytest.mark.parametrize(
    "text",
    [
        "Last August, elite Ukrainian troops launched a lightning offensive in Kursk.",
        "He said the film This Is It was a tribute to the singer and his fans.",  # a title
        "Jackson would cancel his This Is It concerts if he could not sleep, he said.",
        "Echoes appears on their second record, Surfing The Void, which was produced by Korn.",
        "Scott Mills The Musical was the surprise hit of last summer's festival.",
        "Talking Heads play Life During Wartime at the festival on Friday night, fans said.",
        "Their new single Found Love In A Graveyard is out this week on seven-inch vinyl.",
        "The CDC goes for novel influenza A (H1N1) and the WHO for a new name.",
        "The virus is an influenza A virus, carrying the designation H1N1.",  # a type, not a new sentence
        "Tests confirmed that eight schoolchildren had a type A influenza virus, the city said.",
        'One sign read: "From The Nile, To the Sea -- Egypt Soon Will Be Free!"',  # inside a quotation
        'He sang "Beat It" The Way You Make Me Feel and other hits at the show on Friday.',  # titles
        "The award-winning director has given The New Yorker an interview about the film.",
        "Before this, Exhibit A was the health care bill, he told the meeting.",
        "People have just left this coastline, tourists in particular, because This could all go wrong.",
        "Haiti survivors sleep on streets Thousands of people",  # no sentence follows
        "The port has suffered severe damage In Haiti",  # nothing after the opener to be a sentence
        # a doubled name that is a name ("Bora Bora"), a heading's capitals, brackets, a sentence's start
        "Tourists flocked to the island of Bora Bora in French Polynesia last year.",
        "Tourists flocked to the island of Bora Bora recently, the ministry said.",
        "My Great Great Grandfather Edwin Jones was Station Master in the town.",
        "It has links with anything British (Mau Mau connections are old) and we forgive.",
        "Very Very rude and unprofessional of the airline to do that to us.",
        "HIS SISTERS DIED IN BRISBANE IN 1941 A FEW YEARS APART FROM EACH OTHER.",  # shouting
        "He wrote songs such as Isn't She Lovely, I Wish and Sir Duke for the album.",
        "The orchestra played the symphony in A minor on Friday, and the hall was full.",  # a key, no particle
        "The storm blew over A Coruna and into the Bay of Biscay by Tuesday night.",  # a place goes on
        "The band played Caught Between Two Worlds at the start of the show.",  # a title
        # a number in words in a name: a channel, a band, a school year, a company
        "The final will be broadcast on BBC Two and simulcast on the BBC HD Channel.",
        "The audition at the theater in 1967 led to the Jackson Five being signed to Motown Records.",
        "Other recent cases included five Year Seven pupils at the school, officials said.",
        "The virus and the recession were among the factors that hurt Six Flags, the theme park firm said.",
        "The organisers said the fans' The Way You Make Me Feel tribute was played at the show on Friday.",  # no quote
        # a reporter's caption that is all caption: names go on, a comma continues it
        "Alistair Leathead reports from Los Angeles on reaction to the verdict.",
        "Phil Mackie reports on the campaign, and historian David Starkey discusses the gold's historic value.",
        "Matthew Price reports from a hospital Haiti, speaking to those sleeping amongst the dead outside.",
        "Anderson Cooper reports on the manhunt for former LAPD officer Christopher Dorner, who is accused.",
    ],
)
def test_heading_run_into_a_sentence_is_not_guessed(text: str) -> None:
    assert run_in_heading_end(text) == 0


def test_cleaner_splits_a_run_in_heading_off_its_line() -> None:
    """As if the line break were there: the opening headline becomes the title, a caption in
    the body becomes a heading line, and neither is part of a sentence."""
    text = "\n".join(
        [
            "Haiti quake survivors spend second night in the open Thousands of people in Haiti have spent a "
            "second night in the open after the quake, survivors said on Thursday.",
            "Aid is slowly starting to arrive The Democratic Republic of Congo has announced it is sending "
            "$2.5m in emergency aid to Haiti, to help it cope with the earthquake.",
            "Rescue teams searching through the rubble are continuing to find people alive, officials said.",
        ]
    )
    cleaned = clean_article(Article("runin", text, source="bbc"))
    assert cleaned.title == "Haiti quake survivors spend second night in the open"
    assert cleaned.text.startswith("Thousands of people in Haiti have spent a second night")
    headings = [cleaned.text[h.start : h.end] for h in cleaned.headings]
    assert headings == ["Aid is slowly starting to arrive"]
    assert "\n\nThe Democratic Republic of Congo has announced" in cleaned.text
    # what the cleaner looks up for repetition includes the split-off parts
    assert "aid is slowly starting to arrive" in looked_up_lines(Article("runin", text, source="bbc"))


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "24 June 2010 Last updated at 14:59 GMT Help A year on, the singer's fans are as passionate as ever.",
            ["A year on, the singer's fans are as passionate as ever."],
        ),
        (
            "Jackson was 'murdered for money', says sister Page last updated at 08:58 GMT, Thursday, 24 June 2010 "
            "09:58 UK Michael Jackson was murdered for money, according to his sister.",
            [
                "Jackson was 'murdered for money', says sister",
                "Michael Jackson was murdered for money, according to his sister.",
            ],
        ),
        (
            "Page last updated at 05:32 GMT, Tuesday, 6 September 2011 06:32 UK (an error occurred while processing "
            "this directive) Haiti quake survivors spend a night outside The rain kept falling on the camps.",
            ["Haiti quake survivors spend a night outside", "The rain kept falling on the camps."],
        ),
        (
            "Last updated: 9 May, 2009 - 13:40 GMT Mexico shuts down in an attempt to halt the virus.",
            ["Mexico shuts down in an attempt to halt the virus."],
        ),
        (
            "The page was last updated at 10:00 by the editors, who said so.",
            ["The page was last updated at 10:00 by the editors, who said so."],
        ),
        (  # a headline and standfirst before the page's publication stamp
            "Mexican swine flu deaths spark worldwide action WHO says virus has killed 81 people in Mexico "
            "Sunday 26 April 2009 18.45 BST People wear surgical masks on the Mexico City subway.",
            [
                "Mexican swine flu deaths spark worldwide action WHO says virus has killed 81 people in Mexico",
                "People wear surgical masks on the Mexico City subway.",
            ],
        ),
        (  # a page's publication stamp before the sentence (a month of BP coverage: a key point opened so)
            "Wednesday, December 15, 2010; 8:18 PM The Justice Department sued BP and eight other companies.",
            ["The Justice Department sued BP and eight other companies."],
        ),
        (
            "Friday, May 28, 2010; 1:00 PM Bill Nye, the Science Guy, was online Friday, May 28, at 1 p.m. ET.",
            ["Bill Nye, the Science Guy, was online Friday, May 28, at 1 p.m. ET."],
        ),
        (
            "Republicans escalate criticism of oil spill response Tuesday, May 25, 2010; 7:12 PM Republican "
            "criticism of the response grew.",
            ["Republicans escalate criticism of oil spill response", "Republican criticism of the response grew."],
        ),
        (  # a headline, a caption and the sentence
            "BP bosses hold Obama crisis talks The White House meeting was the first between the president and "
            "BP BP executives have met US President Barack Obama at the White House.",
            [
                "BP bosses hold Obama crisis talks",
                "The White House meeting was the first between the president and BP",
                "BP executives have met US President Barack Obama at the White House.",
            ],
        ),
        (  # a sentence opening with a subordinating word ("During", "Although", "Despite", "Meanwhile")
            "Congress tells Hayward BP ignored oil well dangers During the course of the day, Mr Hayward faced "
            "attacks from politicians.",
            [
                "Congress tells Hayward BP ignored oil well dangers",
                "During the course of the day, Mr Hayward faced attacks from politicians.",
            ],
        ),
        (  # a sentence that repeats its headline's subject
            "Dr Murray's lawyer said he had been helping police with inquiries Dr Murray's lawyer, Edward Chernoff, "
            "confirmed that a search had been carried out.",
            [
                "Dr Murray's lawyer said he had been helping police with inquiries",
                "Dr Murray's lawyer, Edward Chernoff, confirmed that a search had been carried out.",
            ],
        ),
        (  # a headline and a caption before a sentence opening as the headline does: a name in capitals, its verb
            "BP says 'static kill' to stop oil leak was successful BP pumped mud into the well for eight hours "
            'during the procedure BP says the "static kill" of its ruptured Gulf of Mexico oil well has worked.',
            [
                "BP says 'static kill' to stop oil leak was successful BP pumped mud into the well for eight hours "
                "during the procedure",
                'BP says the "static kill" of its ruptured Gulf of Mexico oil well has worked.',
            ],
        ),
        (
            "US troops land at Haiti's presidential palace US troops are stepping up aid operations across Haiti.",
            ["US troops land at Haiti's presidential palace", "US troops are stepping up aid operations across Haiti."],
        ),
        (  # after a conjunction, the name and its verb go on the sentence
            "BP says the cap is holding for now but BP says more tests are needed before the well is shut.",
            ["BP says the cap is holding for now but BP says more tests are needed before the well is shut."],
        ),
        (  # a headline, a caption, the sentence, all with one subject
            "Mariah Carey joins line-up for Haiti charity single Mariah Carey is the latest star to be added to the "
            "bill Mariah Carey is the latest performer to join an all-star charity single for the victims.",
            [
                "Mariah Carey joins line-up for Haiti charity single",
                "Mariah Carey is the latest star to be added to the bill",
                "Mariah Carey is the latest performer to join an all-star charity single for the victims.",
            ],
        ),
        (  # the sentence names the headline's subject as its own ("Michael Jackson's ...")
            "Michael Jackson doctor gets four years in prison Michael Jackson's former doctor, Conrad Murray, has "
            "been sentenced to four years in prison.",
            [
                "Michael Jackson doctor gets four years in prison",
                "Michael Jackson's former doctor, Conrad Murray, has been sentenced to four years in prison.",
            ],
        ),
        (  # ... but not after a word that introduces a title
            "The estate had asked for the program - entitled Michael Jackson's Autopsy: What Really Killed Michael "
            "Jackson - to be canceled.",
            [
                "The estate had asked for the program - entitled Michael Jackson's Autopsy: What Really Killed Michael "
                "Jackson - to be canceled."
            ],
        ),
        (  # a caption run into a sentence opening with "So"
            "Wyclef Jean helped organise the Hope For Haiti Now telethon in America So far it's raised $66m with an "
            "album going straight to number one.",
            [
                "Wyclef Jean helped organise the Hope For Haiti Now telethon in America",
                "So far it's raised $66m with an album going straight to number one.",
            ],
        ),
        (  # a headline, a caption opening with "The", the sentence opening with "The"
            "US sends extra troops for Haiti earthquake relief The US says it is doing everything in its power to "
            "speed aid to Haiti The US is sending another 4,000 sailors and marines to Haiti for the relief effort.",
            [
                "US sends extra troops for Haiti earthquake relief",
                "The US says it is doing everything in its power to speed aid to Haiti",
                "The US is sending another 4,000 sailors and marines to Haiti for the relief effort.",
            ],
        ),
    ],
)
def test_run_in_parts_split_headlines_and_drop_page_stamps(text: str, parts: list[str]) -> None:
    assert [text[s:e] for s, e in run_in_parts(text)] == parts


# A page that writes "doctors", "gulf", "relief" and "shell" in lower case, and "Shell" as a name.
_PAGE = (
    "Field hospitals need more doctors, the doctors said. The gulf coast waits for relief, and relief "
    "flights land. Shell said Shell staff in the shell of the old port and Shell managers would help."
)


@pytest.mark.parametrize(
    "text,parts",
    [
        (  # a word the page writes in lower case starts the sentence run into the headline
            "Amputees may struggle to survive Doctors treating injured survivors say they are having to amputate.",
            ["Amputees may struggle to survive", "Doctors treating injured survivors say they are having to amputate."],
        ),
        (  # a headline, its standfirst and the sentence
            "Haiti medics braced for wave of amputations A lack of facilities means amputees may struggle to "
            "survive Doctors treating injured survivors say they are having to amputate.",
            [
                "Haiti medics braced for wave of amputations",
                "A lack of facilities means amputees may struggle to survive",
                "Doctors treating injured survivors say they are having to amputate.",
            ],
        ),
        (  # a name the page writes capitalised goes on the sentence
            "Rescue teams asked the oil company Shell for help with fuel and it sent two tankers.",
            ["Rescue teams asked the oil company Shell for help with fuel and it sent two tankers."],
        ),
        (  # "of" and a capital after it: a name goes on
            "The fate of the gushing Gulf of Mexico oil well is still unclear to the engineers.",
            ["The fate of the gushing Gulf of Mexico oil well is still unclear to the engineers."],
        ),
        (  # after a word that introduces a name
            "The charity raised money for a campaign called Relief for survivors of the earthquake last week.",
            ["The charity raised money for a campaign called Relief for survivors of the earthquake last week."],
        ),
    ],
)
def test_run_in_parts_starts_a_sentence_at_a_word_the_page_writes_in_lower_case(text: str, parts: list[str]) -> None:
    page = f"{text}\n{_PAGE}"
    assert [text[s:e] for s, e in run_in_parts(text, page)] == parts
    if len(parts) > 1:  # without the page, not that split
        assert [text[s:e] for s, e in run_in_parts(text)] != parts


def test_lower_case_words_are_the_collections_common_words() -> None:
    texts = [
        "The engineers said the well was safe. Engineers from BP agreed.",
        "Two engineers and the Coast Guard met. The engineers left, and the guard stayed.",
        "He told the Coast Guard and the Coast Guard told him. A coast road.",
    ]
    words = lower_case_words(texts)
    assert "engineers" in words  # 4 times in lower case, never capitalised after a word in lower case
    assert "guard" not in words  # once in lower case, 2 times "the Guard": a name here
    assert "coast" not in words  # once: below LOWER_CASE_MIN
    assert lower_case_words([]) == frozenset()


_COLLECTION = frozenset({"engineers", "businesses", "science", "marine", "propofol", "presidential"})


@pytest.mark.parametrize(
    "text,parts",
    [
        (  # a word the collection writes in lower case starts the sentence, where the page never does
            "Oil leak repairs start final stages Engineers have begun the final stages of plugging the well.",
            ["Oil leak repairs start final stages", "Engineers have begun the final stages of plugging the well."],
        ),
        (  # ... and then another rule's split further in: headline, caption, sentence
            "Mexico City lifts swine flu curbs Businesses in Mexico City have been hit hard by the flu outbreak "
            "Mexico City has lifted all restrictions imposed last month.",
            [
                "Mexico City lifts swine flu curbs",
                "Businesses in Mexico City have been hit hard by the flu outbreak",
                "Mexico City has lifted all restrictions imposed last month.",
            ],
        ),
        (  # not after a short heading: a name the collection writes in lower case as a word
            "In what the journal Science described as a quick analysis, the virus was found to be mild.",
            ["In what the journal Science described as a quick analysis, the virus was found to be mild."],
        ),
        (  # not after a word before a name
            "Michael Williams, a former Marine who survived the April 20 inferno, told a federal panel.",
            ["Michael Williams, a former Marine who survived the April 20 inferno, told a federal panel."],
        ),
        (  # not where the clause goes on
            "The team has dropped its claim that the star swallowed a fatal dose of the anesthetic Propofol "
            "while the medic was not looking.",
            [
                "The team has dropped its claim that the star swallowed a fatal dose of the anesthetic Propofol "
                "while the medic was not looking."
            ],
        ),
        (  # ... or only who said it follows
            "Michael Jackson's death was homicide, primarily caused by the powerful anesthetic Propofol, the Los "
            "Angeles coroner has confirmed.",
            [
                "Michael Jackson's death was homicide, primarily caused by the powerful anesthetic Propofol, the Los "
                "Angeles coroner has confirmed."
            ],
        ),
    ],
)
def test_run_in_parts_starts_a_sentence_at_a_word_the_collection_writes_in_lower_case(
    text: str, parts: list[str]
) -> None:
    page = f"{text}\n{_PAGE}"
    assert [text[s:e] for s, e in run_in_parts(text, page, _COLLECTION)] == parts
    if len(parts) > 1:  # with the page alone, not that split
        assert [text[s:e] for s, e in run_in_parts(text, page)] != parts


def test_the_cleaner_splits_a_headline_at_a_word_other_articles_write_in_lower_case() -> None:
    glued = Article(
        "glued",
        "Oil leak repairs start final stages Engineers have begun the final stages of plugging the well in the Gulf.\n"
        "The operation to plug the well is well under way and so far the results look promising, BP said.",
        source="bbc",
    )
    others = [
        Article(f"other{i}", f"BP engineers pumped mud into the well on day {i}, and the engineers were pleased.", "ap")
        for i in range(2)
    ]
    cleaned = clean_articles([glued, *others])[0]
    assert cleaned.text.startswith("Engineers have begun")
    assert ("Oil leak repairs start final stages", "page chrome before the headline") in cleaned.removed
    # the page alone never writes "engineers": the line stays whole
    assert clean_articles([glued])[0].text.startswith("Oil leak repairs start final stages Engineers")


def test_a_short_last_line_is_the_storys_when_it_shares_the_headlines_words() -> None:
    text = "\n".join(
        [
            "Swine flu cases close UK school",
            "Another nine UK cases of swine flu have been confirmed taking the total to 27, the agency said.",
            "Five of the nine diagnosed with the virus were pupils from Alleyn's School in Dulwich, south London.",
            "It is the fourth school to close.",
        ]
    )
    cleaned = clean_article(Article("school", text, source="bbc"))
    assert cleaned.title == "Swine flu cases close UK school"
    assert cleaned.text.endswith("It is the fourth school to close.")


def test_a_capitalised_common_word_splits_only_the_first_lines() -> None:
    run_in = "Amputees may struggle to survive Doctors treating injured survivors say they are having to amputate."
    lines = [run_in, *(f"Line {n} says the doctors are tired and need more help today." for n in range(1, 5)), run_in]
    cleaned = clean_article(Article("page", "\n".join(lines), source="bbc"))
    kept = cleaned.text.split("\n")
    assert kept[0].startswith("Doctors treating")  # split off (and the headline left out, as headlines are)
    assert kept[-1] == run_in


def test_cleaner_records_a_page_update_stamp() -> None:
    text = "\n".join(
        [
            "12 October 2011 Last updated at 20:01 GMT Help The legal team representing Michael Jackson's doctor "
            "has dropped its claim that the singer swallowed the fatal dose himself, the court heard.",
            "The trial continues on Thursday with more witnesses for the defence, officials said on Wednesday.",
        ]
    )
    cleaned = clean_article(Article("stamp", text, source="bbc"))
    assert cleaned.text.startswith("The legal team representing")
    assert ("12 October 2011 Last updated at 20:01 GMT Help", "page update stamp") in cleaned.removed


_STORY = [
    "BP says it is now collecting about 10,000 barrels of oil a day from the leaking well in the Gulf.",
    "The spill began when a drilling rig exploded and sank in April, killing 11 people, officials said.",
]


@pytest.mark.parametrize(
    ("comments", "first"),
    [
        (
            [
                "At 10:14 am on 28 May 2010, pzero wrote: I think the response by BP is admirable so far.",
                "Obama's hidden agenda of bashing foreign oil companies has become distasteful.",
                "At 10:28 am on 28 May 2010, mridul_h wrote: We wish BP all our best in the current effort.",
            ],
            "At 10:14 am",
        ),
        (["At 04:23 23rd Aug 2010, dylen wrote: This comment was removed by the moderators."], "At 04:23"),
        (["At 6:53 P.M. on Jan 13, 2010, Jessica Clark wrote: My heartfelt condolences to all."], "At 6:53"),
        (
            [
                "James1976 wrote: Fix the problem first, then worry about who pays for it.",
                "They should work with, not against, the oil industry on this.",
                "Napier wrote: There is a sense here that these attacks are being made because BP is British.",
            ],
            "James1976",
        ),
    ],
)
def test_reader_comments_are_cut_from_the_first_header_on(comments: list[str], first: str) -> None:
    text = "\n".join([*_STORY, *comments])
    assert comments_start(text) == text.index(first)
    cleaned = clean_article(Article("hys", text, source="hys"))
    assert cleaned.text == "\n\n".join(_STORY)
    assert [line for line, reason in cleaned.removed if reason == "reader comments"] == comments


def test_comments_stamped_after_their_text_start_with_the_first_comments_text() -> None:
    # an Egypt briefing's key point 7 was a reader's rant above the first "| Report abuse |" stamp
    comments = [
        "Does this mean that you support Mubarak?",
        "I sincerely hope not !!! January 27, 2011 at 7:59 pm | Report abuse | I do not believe it.",
        "January 27, 2011 at 10:04 pm | Report abuse | Social unrest is a different thing.",
        "Comments are not pre-screened before they post.",
    ]
    text = "\n".join([*_STORY, *comments])
    assert comments_start(text) == text.index("Does this mean")
    # the story's last lines, which report nothing, stay: the comments start in a reader's voice
    ending = ["Nearly 1,000 people have been injured in clashes in the Cairo square.", "The embassy vans were stolen."]
    text = "\n".join([*_STORY, *ending, *comments])
    assert comments_start(text) == text.index("Does this mean")
    # a speaker's words end the story too ("BLAIR: Well, it is over ...")
    spoken = "BLAIR: Well, it is over, we are talking about a period of transition, you know."
    text = "\n".join([*_STORY, spoken, *comments])
    assert comments_start(text) == text.index("Does this mean")
    # no line of the story in sight: the first stamp's line
    rant = ["Obama and CNN have this uprising wrong, and you know it."] * 31
    text = "\n".join([*_STORY, *rant, *comments])
    assert comments_start(text) == text.index("I sincerely")
    # one stamp is not a comment section
    one = "\n".join([*_STORY, comments[1]])
    assert comments_start(one) == len(one)
    # ... unless the comment form follows it
    form = "Comments are not pre-screened before they post."
    one = "\n".join([*_STORY, comments[0], comments[1], form])
    assert comments_start(one) == one.index("Does this mean")


@pytest.mark.parametrize(
    ("comments", "first"),
    [
        (  # a blog's comments stamped without the links
            [
                "February 2, 2011 at 5:46 pm | The information age gives the people of Egypt a new view.",
                "Glad to see this is happening.",
                "February 2, 2011 at 5:51 pm | Once they are in control, Egypt will be worse off.",
                "February 2, 2011 at 6:07 pm | The Middle East is heading into a revolutionary phase.",
            ],
            "February 2, 2011 at 5:46",
        ),
        (  # a blog's comments stamped before their text, the day an ordinal
            [
                "Read more ... January 30th, 2011 12:47 pm ET Americas puppet dictator looks like he will not last.",
                "Whats happening in Egypt is in fact happening all over the world.",
                "January 31st, 2011 5:12 am ET Funny how you quit reporting it on Sunday night.",
                "February 1st, 2011 12:17 am ET Miriam, you are the type to repeat what you have been told.",
            ],
            "Read more",
        ),
    ],
)
def test_three_bare_comment_stamps_or_more_start_the_comments(comments: list[str], first: str) -> None:
    text = "\n".join([*_STORY, *comments])
    assert comments_start(text) == text.index(first)
    two = "\n".join([*_STORY, *comments[:3]])
    assert comments_start(two) == len(two)


def test_site_notices_and_teasers_on_many_pages_are_boilerplate() -> None:
    story = [
        "Protesters gathered in Cairo on Tuesday, demanding that President Mubarak leave office.",
        "Police fired tear gas at the protesters in Cairo as the crowds grew through the day.",
    ]
    notices = [
        "Comments are not pre-screened before they post.",  # a short call to action in a sentence
        "You agree that anything you post may be used, along with your name, under our Terms of Service.",
        "2 men charged in death of Chicago teen who performed in inauguration event.",  # a teaser, on every page
    ]
    stories = [[line.replace("Cairo", f"Cairo ({i + 2} reports)") for line in story] for i in range(10)]
    arts = [Article(f"a{i}", "\n".join([notices[2], *stories[i], *notices[:2]]), f"a{i}") for i in range(10)]
    for a, own in zip(clean_articles(arts), stories, strict=True):
        assert a.text == "\n\n".join(own)
        assert {line for line, _ in a.removed} == set(notices)
    # on fewer pages a sentence is kept: a wire story's line repeated by a few outlets is news
    for a in clean_articles(arts[:9]):
        assert notices[2] in a.text and notices[1] not in a.text
    # ten copies of one story: its lines are its text, however many pages carry them
    copies = [Article(f"c{i}", "\n".join([notices[2], *story]), f"c{i}") for i in range(10)]
    for a in clean_articles(copies):
        assert a.text == "\n\n".join([notices[2], *story])
    # a sentence quoting someone speaking to "you" is not a notice
    quote = '"You will see us in the streets again," a protester told reporters on Tuesday.'
    arts = [Article(f"b{i}", "\n".join([*story, quote]), f"b{i}") for i in range(3)]
    assert all(quote in a.text for a in clean_articles(arts))


@pytest.mark.parametrize(
    "quote",
    [
        # One bare "Name wrote:" is a quote in the story, and a header needs its year.
        'Napier wrote: "There is a sense here that these attacks are being made because BP is British."',
        "At 7:02 am on Monday, the president wrote: the spill must be stopped whatever it costs.",
    ],
)
def test_a_quote_in_the_story_is_not_a_comment(quote: str) -> None:
    text = "\n".join([_STORY[0], quote, _STORY[1]])
    assert comments_start(text) == len(text)
    assert "wrote" in clean_article(Article("story", text, source="story")).text


def test_a_dateline_opening_a_paragraph_is_cut_and_recorded() -> None:
    text = "\n".join(
        [
            "MEXICO CITY | Sat Apr 25, 2009 12:51 am BST MEXICO CITY (Reuters) - A dangerous strain of flu never "
            "seen before has killed up to 60 people in Mexico and spread into the United States.",
            "WASHINGTON (Reuters) - The meeting, due at 10:30 GMT - was delayed by two hours, officials said.",
            "Officials met in WASHINGTON -- the capital -- on Friday to discuss the outbreak and the response.",
        ]
    )
    cleaned = clean_article(Article("wire", text, source="reuters"))
    assert cleaned.text.split("\n\n") == [
        "A dangerous strain of flu never seen before has killed up to 60 people in Mexico and spread into the "
        "United States.",
        "The meeting, due at 10:30 GMT - was delayed by two hours, officials said.",  # the first dateline only
        "Officials met in WASHINGTON -- the capital -- on Friday to discuss the outbreak and the response.",
    ]
    assert [line for line, reason in cleaned.removed if reason == "dateline"] == [
        "MEXICO CITY | Sat Apr 25, 2009 12:51 am BST MEXICO CITY (Reuters) -",
        "WASHINGTON (Reuters) -",
    ]


def test_a_dateline_after_a_photo_credit_is_cut_with_it() -> None:
    # digest build on a week of BP coverage quoted the credit and the dateline in a statement
    text = (
        "Credit: Reuters/Pete Souza/The White House/Handout WASHINGTON | Wed Jun 16, 2010 7:59 pm EDT WASHINGTON "
        "(Reuters) - Under intense pressure from President Barack Obama, BP Plc agreed on Wednesday to set up a "
        "$20 billion fund for damage claims.\nThe deal gave Obama his most tangible success since the crisis began."
    )
    cleaned = clean_article(Article("wire", text, source="reuters"))
    assert cleaned.text.startswith("Under intense pressure from President Barack Obama, BP Plc agreed")
    assert [line for line, reason in cleaned.removed if reason == "dateline"] == [
        "Credit: Reuters/Pete Souza/The White House/Handout WASHINGTON | Wed Jun 16, 2010 7:59 pm EDT WASHINGTON "
        "(Reuters) -"
    ]


def test_a_pages_update_stamp_run_into_its_first_sentence_is_cut() -> None:
    # CNN, January 2011: the stamp became the source's title
    text = (
        "updated: Sun Jul 29 2012 08:01:00 Since the start of the Arab spring in Tunis, Malek Jaziri has risen "
        "almost 300 places in the men's rankings.\nThe Tunisian government declared a curfew Tuesday in eight "
        "governorates, including the capital city of Tunis."
    )
    cleaned = clean_article(Article("cnn", text, source="cnn"))
    assert cleaned.text.startswith("Since the start of the Arab spring in Tunis, Malek Jaziri")
    assert ("updated: Sun Jul 29 2012 08:01:00", "live-blog update stamp") in cleaned.removed
    stamped = "updated: Fri Nov 19 2010 03:22:00 Aung San Suu Kyi tells CNN that there has to be change.\nIt is late."
    assert clean_article(Article("c", stamped, source="cnn")).text.startswith("Aung San Suu Kyi tells CNN")
    # "updated" in a sentence is a sentence's word
    kept = "Officials updated: the toll rose to 30 on Monday.\nIt was late in the day when the news came."
    assert clean_article(Article("x", kept, source="x")).text.startswith("Officials updated")


def test_a_dateline_after_a_credit_via_an_agency_is_cut_with_it() -> None:
    # Fox News, 25 April 2010: the day's news was quoted with the photo credit and dateline before it
    text = (
        "Coast Guard via AP NEW ORLEANS -- The Coast Guard discovered Saturday that oil is leaking from the "
        "damaged well.\nFor days, the Coast Guard has said no oil appeared to be escaping."
    )
    cleaned = clean_article(Article("fox", text, source="foxnews"))
    assert cleaned.text.startswith("The Coast Guard discovered Saturday that oil is leaking")
    assert [line for line, reason in cleaned.removed if reason == "dateline"] == ["Coast Guard via AP NEW ORLEANS --"]
    # "via" in a sentence is a sentence's word: no dateline after it
    kept = "Aid arrived via the port NEW ORLEANS -- officials said so.\nIt was late."
    assert clean_article(Article("x", kept, source="x")).text.startswith("Aid arrived via the port")


def test_a_photo_caption_stamped_with_its_day_is_cut_but_a_chronologys_entry_is_kept() -> None:
    # Fox News, 25 April 2010: "Apr. 21: Fire boat crews battle ..." was the timeline's 21 April entry
    text = (
        "Apr. 21: An oil slick is seen as the Deepwater Horizon oil rig burns in the Gulf of Mexico.\n"
        "AP Apr. 21: Fire boat crews battle the blazing remnants of the offshore oil rig Deepwater Horizon.\n"
        "Coast Guard via AP NEW ORLEANS -- The Coast Guard discovered Saturday that oil is leaking from the well.\n"
        "For days, the Coast Guard has said no oil appeared to be escaping from the well.\n"
        "May 10: Boats work with containment boom on the shoreline of Grand Isle, La. (AP)\n"
        "The boom was laid over the weekend along miles of the island's coast."
    )
    cleaned = clean_article(Article("fox", text, source="foxnews"))
    assert cleaned.text.startswith("The Coast Guard discovered Saturday that oil is leaking")
    assert "Fire boat crews" not in cleaned.text and "slick is seen" not in cleaned.text
    assert "Boats work" not in cleaned.text and "The boom was laid" in cleaned.text
    assert [reason for line, reason in cleaned.removed if "Boats work" in line] == ["photo caption"]
    chronology = (
        "The spill, day by day.\n"
        "BP gave these figures over the first weeks of the spill, as its engineers tried to stop the leak.\n"
        "May 27: Scientists say the well leaks 12,000 to 19,000 barrels of oil a day into the Gulf.\n"
        "May 28: The top kill fails to stop the flow of oil from the well, BP says in a statement.\n"
        "June 1: BP shares fall 17 percent in London as the company's latest attempt to stop the leak fails."
    )
    assert "May 27: Scientists say" in clean_article(Article("list", chronology, source="x")).text


def test_a_headline_or_highlights_run_into_an_agency_dateline_are_cut_with_it() -> None:
    # digest build on a week of BP coverage quoted a Reuters headline and dateline in key point 2
    reuters = (
        "BP says test shuts off oil leak from Gulf well HOUSTON | Thu Jul 15, 2010 7:36 pm EDT HOUSTON (Reuters) - "
        "BP Plc said on Thursday no oil was leaking into the Gulf of Mexico for the first time since April.\n"
        "For the test, BP closed valves and vents on a tight-sealing containment cap installed earlier this week."
    )
    cnn = (
        "Tens of thousands emboldened to join protests Saturday (CNN) -- Defiance and hope replaced Friday's "
        "scenes of chaos in Cairo on Saturday.\nAt least five people were reported dead in clashes with police."
    )
    # after a stamp that opens the line, a correction note and a second dateline
    stamped = (
        "Wed Jun 16, 2010 2:56 pm EDT (Adds BP forgoing dividend for year) WASHINGTON, June 16 (Reuters) - BP's "
        "chairman apologized on Wednesday to the American people for the oil spill.\n"
        "The company also said it would forgo paying dividends to its shareholders this year."
    )
    for text, lead, cut in [
        (reuters, "BP Plc said on Thursday no oil", "BP says test shuts off oil leak from Gulf well HOUSTON"),
        (cnn, "Defiance and hope replaced", "Tens of thousands emboldened to join protests Saturday (CNN) --"),
        (stamped, "BP's chairman apologized", "(Adds BP forgoing dividend for year) WASHINGTON, June 16 (Reuters) -"),
    ]:
        cleaned = clean_article(Article("wire", text, source="wire"))
        assert cleaned.text.startswith(lead)
        cuts = [line for line, reason in cleaned.removed if reason == "headline run into the dateline"]
        assert [line for line in cuts if line.startswith(cut)], cuts


def test_a_wire_headline_cut_with_its_dateline_titles_the_article() -> None:
    # a BP October-December window: 12 Reuters sources "Untitled", their headlines cut as run into the
    # dateline
    from digest.clean import wire_headline

    text = (
        "BP sells Gulf of Mexico fields to pay for oil spill TOKYO/LONDON | Mon Oct 25, 2010 4:50 pm IST "
        "TOKYO/LONDON (Reuters) - BP Plc sold oil fields in the Gulf of Mexico to Japan's Marubeni Corp.\n"
        "The sale is part of BP's plan to raise $30 billion to pay for the oil spill, the company said."
    )
    cleaned = clean_article(Article("wire", text, source="reuters"))
    assert cleaned.text.startswith("BP Plc sold oil fields")
    assert cleaned.title == "BP sells Gulf of Mexico fields to pay for oil spill"
    given = clean_article(Article("wire", text, source="reuters", title="Given by the feed"))
    assert given.title == "Given by the feed"
    # the dateline's city again ends the headline, even a city of two words and a state
    assert (
        wire_headline(
            "Trial to parse Gulf spill blame set for Feb 2012 NEW YORK | Wed Oct 6, 2010 7:20 pm EDT NEW YORK "
            "Oct 6 (Reuters) -"
        )
        == "Trial to parse Gulf spill blame set for Feb 2012"
    )
    assert (
        wire_headline(
            "In new book, Jindal criticizes Obama over BP oil spill OCEAN SPRINGS, Mississippi | Wed Nov 10, 2010 "
            "7:31 pm EST OCEAN SPRINGS, Mississippi (Reuters) -"
        )
        == "In new book, Jindal criticizes Obama over BP oil spill"
    )
    # a byline, a city alone: no headline
    byline = "By Maggie Fox, Health and Science Editor WASHINGTON | Tue Apr 21, 2009 10:19 pm BST WASHINGTON (Reuters)"
    assert wire_headline(byline) is None
    assert wire_headline("MEXICO CITY | Sat Apr 25, 2009 12:51 am BST MEXICO CITY (Reuters) -") is None
    # a byline after the headline goes; credits and a list of links to other stories are no headline
    stamp = " WASHINGTON | Thu Jun 11, 2009 1:14 pm EDT WASHINGTON (Reuters) -"
    study = "New flu has been around for years in pigs: study"
    assert wire_headline(f"{study} By Maggie Fox, Health and Science Editor{stamp}") == study
    assert wire_headline(f"S. Navy photo/Handout By Caren Bohan and Steve Gorman{stamp}") is None
    assert wire_headline(f"Full Article Egypt orders cull of pig herds, U.N. says a mistake{stamp}") is None


def test_an_agency_named_further_down_is_no_dateline() -> None:
    text = "\n".join(
        [
            "Rescue teams searched the rubble of the capital on Thursday, officials said.",
            "The agency said more teams would arrive, a spokesman told reporters.",
            "Food and water were short in the camps around the airport, aid workers said.",
            "Aid workers quoted a wire report from the port (Reuters) - Ships could not dock there, it said.",
        ]
    )
    cleaned = clean_article(Article("story", text, source="story"))
    assert "a wire report from the port (Reuters) - Ships" in cleaned.text  # not among a page's first lines
    opening = "Officials said a report (Reuters) - which cited no one - was wrong about the rescue teams."
    assert run_in_dateline_end(opening) == 0  # lower case after the dash: a parenthesis, not a dateline


def test_a_caption_whose_credit_opens_the_next_line_is_cut_on_a_pages_first_lines() -> None:
    # digest build on a BP week: key point 1 was a Guardian page's headline, standfirst and caption
    glued = (
        "Plugging the Gulf oil spill: 'top kill' 'Top kill' is BP's attempt to shut off the massive oil spill - "
        "the first five hours as it happened Oil from the Deepwater Horizon well approaching the coast of Louisiana."
    )
    stamped = (
        "Full damage from BP oil spill is not yet known Crude poured into the Gulf is what Americans burn in five "
        "hours Friday 16 July 2010 18.18 BST A container ship sails past the oil slick off the coast of Louisiana."
    )
    for first, caption in [
        (glued, glued),
        (stamped, "A container ship sails past the oil slick off the coast of Louisiana."),
    ]:
        text = "\n".join(
            [
                first,
                "Photograph: Liz Condo/AP BP has announced it has started its procedure known as top kill to stop the "
                "oil gushing from the well.",
                "All the action is taking place deep on the sea floor of the Gulf of Mexico, officials said today.",
            ]
        )
        cleaned = clean_article(Article("page", text, source="guardian"))
        assert caption not in cleaned.text
        assert (caption, "photo caption (its credit opens the next line)") in cleaned.removed
        assert cleaned.text.startswith("BP has announced it has started its procedure")


MULTI_LINE_CAPTION = [
    "BP claims to be slowing the flow of oil A small tube is capturing 1,000 barrels a day Monday 17 May 2010 "
    "22.40 BST Oil barrels stacked up in a yard.",
    "BP's tube can collect an amount of oil equal to 1,000 of these each day.",
    "But between 4,000 and 99,000 barrels per day are still leaking into the Gulf of Mexico.",
    "Photograph: Kay Nietfeld/Corbis The company said that it would now be able to capture 1,000 barrels a day.",
    "Official estimates put the spill at 5,000 barrels of oil a day.",
]


def test_a_caption_of_several_lines_between_a_pages_stamp_and_its_credit_is_cut() -> None:
    # a T17 Guardian page: its caption's figures were two entries of a BP timeline (17 May)
    cleaned = clean_article(Article("page", "\n".join(MULTI_LINE_CAPTION), source="guardian"))
    assert cleaned.text.startswith("The company said that it would now be able to capture")
    for caption in ("Oil barrels stacked up in a yard.", *MULTI_LINE_CAPTION[1:3]):
        assert (caption, "photo caption (its credit opens the next line)") in cleaned.removed
    # four lines since the stamp are more than a caption
    longer = [*MULTI_LINE_CAPTION[:3], "The leak began on 20 April.", *MULTI_LINE_CAPTION[3:]]
    cleaned = clean_article(Article("page", "\n".join(longer), source="guardian"))
    assert MULTI_LINE_CAPTION[1] in cleaned.text and "The leak began on 20 April." in cleaned.text


def test_a_line_before_a_credit_further_down_or_of_several_sentences_is_kept() -> None:
    credit = "Photograph: Liz Condo/AP The spill closed a third of the Gulf's fishing grounds in June."
    several = [
        "Engineers will test the cap again on Wednesday. The test could take two days.",
        credit,
        "Shrimpers returned to the water on Thursday after the fishing grounds reopened.",
    ]
    further_down = [
        "BP said on Monday that the new cap held overnight, its engineers said.",
        "The relief well is nearly done, officials said on Tuesday afternoon.",
        "Shrimpers returned to the water on Thursday after the fishing grounds reopened.",
        "Hotels on the coast reported more bookings than in June, the tourism board said.",
        credit,
    ]
    for lines in (several, further_down):
        cleaned = clean_article(Article("page", "\n".join(lines), source="guardian"))
        assert lines[-2 if lines is further_down else 0] in cleaned.text
        assert not [r for _, r in cleaned.removed if r == "photo caption (its credit opens the next line)"]


def test_a_live_blogs_posting_times_are_cut_and_a_chronologys_years_kept() -> None:
    blog = "\n".join(
        [
            "Live coverage following the earthquake in Haiti. (All times GMT.)",
            "2357 The BBC is discontinuing this live update page for the night.",
            "2050 Haiti's President, Rene Preval, tells CNN he has heard that thousands were killed.",
            "1817 Meinie Nicolai of Medecins Sans Frontieres says three of its health centres were destroyed.",
            "The UN headquarters was destroyed by the earthquake 1541 President Barack Obama says rescue "
            "teams will arrive on Thursday.",
        ]
    )
    out = clean_article(Article("blog", blog, "bbc"))
    assert [r for _, r in out.removed].count("live-blog time stamp") == 4
    for text in (
        "Haiti's President, Rene Preval, tells CNN he has heard that thousands were killed.",
        "President Barack Obama says rescue teams will arrive on Thursday.",
    ):
        assert f"\n{text}" in f"\n{out.text}"
    assert not re.search(r"\b(?:2357|2050|1817|1541)\b", out.text)
    # a chronology opens its lines with years; none is 2100 or later
    chronology = "\n".join(
        [
            "Key dates in the case against Dr Murray.",
            "2000 Dr Murray opens a practice in Las Vegas, expanding to Houston in 2006.",
            "2006 Dr Murray meets Michael Jackson after treating one of his children.",
            "2009 Jackson dies at his home in Los Angeles after a cardiac arrest.",
        ]
    )
    assert live_blog_times(chronology) == []
    assert "2006 Dr Murray meets Michael Jackson" in clean_article(Article("c", chronology, "bbc")).text


def test_a_live_pages_heading_and_update_stamp_before_an_entry_are_cut_off() -> None:
    text = (
        "Developments, as confirmed by CNN, on the revolution in Egypt: (Update 5:30 a.m. in Cairo, 10:30 p.m. ET) "
        "Even as daylight neared on Saturday, throngs remained on the streets of Cairo."
    )
    assert [text[s:e] for s, e in run_in_parts(text)] == [
        "Developments, as confirmed by CNN, on the revolution in Egypt:",
        "Even as daylight neared on Saturday, throngs remained on the streets of Cairo.",
    ]
    # a remark in brackets inside a sentence, after no heading, is no stamp
    inside = "The figures, as confirmed by CNN (updated on Friday at 5 p.m. ET) show that 300 have died."
    assert run_in_parts(inside) == [(0, len(inside))]


def test_an_entrys_update_stamp_inside_a_line_starts_a_sentence() -> None:
    # a live page ran an entry into the cut text of the one before it
    text = (
        "But 11 days of bloody protests and high tension have offered no assurance (Update 3:30 a.m. in Cairo, "
        "8:30 p.m. ET) Five human rights activists were released Friday, the group said."
    )
    assert [text[s:e] for s, e in run_in_parts(text)] == [
        "But 11 days of bloody protests and high tension have offered no assurance",
        "Five human rights activists were released Friday, the group said.",
    ]
    # a stamp with its time far into a long line
    long = "Internet access is back in at least parts of Egypt, CNN has confirmed" + " again" * 50
    text = long + " (Update 11:51 a.m. Wednesday in Cairo, 4:51 a.m. ET Wednesday) The ministry urged the youth home."
    assert [text[s:e] for s, e in run_in_parts(text)] == [long, "The ministry urged the youth home."]
    # a time in brackets that the sentence goes on after is no stamp
    inside = "Officials said (updated 5 p.m. figures) that 300 have died."
    assert run_in_parts(inside) == [(0, len(inside))]


@pytest.mark.parametrize(
    "text",
    [
        # after a conjunction, a preposition or an article the words go on the sentence
        "House Minority Leader John Boehner, R-Ohio, and House Minority Whip Eric Cantor, R-Va. met on Monday.",
        "Mary Ann and John Bands were back in Swansea where Mary Ann remarried in 1865 so the time is short.",
        # a day or month opens a stamp, not a subject
        "Friday, May 28, 2010 Bill Nye, the Science Guy, was online Friday, May 28, at 1 p.m. ET to talk.",
        # inside a name: the sentence starts at "Pop"
        "Michael Jackson was being treated for insomnia, court documents show Pop star Michael Jackson had lethal "
        "levels of propofol in his body.",
        # after a possessive: "today's Afternoon Play offering"
        "Afternoon Play -- Meryl The Mounted Meryl The Mounted, today's Afternoon Play offering, is a black comedy.",
    ],
)
def test_a_repeated_name_inside_a_sentence_is_no_new_sentence(text: str) -> None:
    assert run_in_parts(text) == [(0, len(text))]


def test_a_repeated_name_after_the_sentence_began_is_its_object() -> None:
    # the headline ends at its quotation; the name repeated further on is the sentence's object
    text = (
        "Michael Jackson's syringe 'up for sale' The syringe that allegedly administered Michael Jackson's fatal "
        "dose of drugs is reportedly set to go on sale."
    )
    assert [text[s:e] for s, e in run_in_parts(text)] == [
        "Michael Jackson's syringe 'up for sale'",
        "The syringe that allegedly administered Michael Jackson's fatal dose of drugs is reportedly set to go on "
        "sale.",
    ]


def test_a_caption_run_into_the_sentences_of_two_pages_is_cut() -> None:
    # an MJ month's timeline: "Dr Murray has denied he caused Michael Jackson's death Michael
    # Jackson's former doctor, who is facing a manslaughter charge ..., has returned to work in Nevada."
    from digest.clean import cut_run_in_boxes

    caption = "Dr Murray has denied he caused Michael Jackson's death"
    tails = [
        "Michael Jackson's former doctor, who is facing a manslaughter charge, has returned to work in Nevada.",
        "Los Angeles prosecutors will file a criminal case against Michael Jackson's doctor on Monday.",
    ]
    assert [s.text for s in cut_run_in_boxes(_box_sentences(caption, tails))] == tails
    # an acronym may end it ("Hope for Haiti Now footage courtesy of MTV")
    credit = "Hope for Haiti Now footage courtesy of MTV"
    tails = ["George Clooney hosted the telethon in Los Angeles.", "The show raised a record sum for the appeal."]
    assert [s.text for s in cut_run_in_boxes(_box_sentences(credit, tails))] == tails


def _box_sentences(head: str, tails: list[str]) -> list[Sentence]:
    texts = [f"{head} {tail}" for tail in tails]
    return [Sentence(f"page{i}", 3, 100, 100 + len(t), t) for i, t in enumerate(texts)]


def test_a_box_run_into_the_sentences_of_several_pages_is_cut() -> None:
    from digest.clean import cut_run_in_boxes

    # a month of Haiti coverage had the BBC's radio box with a different sentence after it as a key point
    box = (
        "Broadcasting on FM radio daily in Haitian Creole at 0910 local time (1410 GMT), for 20 minutes "
        "Giving up-to-date information about where to get basic services and aid"
    )
    tails = [
        '"We\'re missing a leader, a co-ordination capacity," he said.',
        'Rescuers described his survival as "a miracle".',
        "He was also expected to meet Ecuadorean troops during his visit.",
    ]
    cut = cut_run_in_boxes(_box_sentences(box, tails))
    assert [s.text for s in cut] == tails
    assert all(
        (s.article_id, s.index, s.end) == (f"page{i}", 3, 100 + len(box) + 1 + len(tails[i])) for i, s in enumerate(cut)
    )
    assert all(s.start == 100 + len(box) + 1 for s in cut)
    # a byline box: the dateline after it goes too
    byline = _box_sentences(
        "By Maggie Fox, Health and Science Editor WASHINGTON |",
        [
            f"{day} May 10, 2009 2:51 pm EDT WASHINGTON (Reuters) - The flu virus has spread to {n} states."
            for day, n in (("Sun", 30), ("Fri", 31), ("Thu", 32))
        ],
    )
    assert cut_run_in_boxes(byline)[0].text == "The flu virus has spread to 30 states."
    # a heading in capitals after the box goes too, as it would at the start of a sentence
    headed = [tails[0], f"HAITI CRIPPLED BY DEVASTATING EARTHQUAKE {tails[1]}", tails[2]]
    assert [s.text for s in cut_run_in_boxes(_box_sentences(box, headed))] == tails


@pytest.mark.parametrize(
    ("head", "tails"),
    [
        # two pages only, and the shared words end on a name
        (
            "The DEC appeal for victims of the earthquake in Haiti",
            ["Britons have donated more than 30m.", "Relief efforts have been hampered by damage."],
        ),
        # two versions of one sentence: cut before a name, an object, or after a comma
        (
            "The Mexican government yesterday issued a decree authorising President Felipe",
            ["Calderon to order the isolation of patients.", "Calderón, in office since 2006, to isolate the sick."],
        ),
        (
            "British Prime Minister David Cameron is to meet",
            ["Mr Obama in Washington on Tuesday.", "US President Barack Obama in Washington on Tuesday."],
        ),
        (
            "The UN has estimated that 75% of the capital,",
            ["Port-au-Prince, will have to be rebuilt.", "Port au Prince, was destroyed in the quake."],
        ),
        # ... or two pages that go on in the same words
        (
            "The man expected to replace Mr Hayward, BP managing director",
            [
                "Bob Dudley, is an American who grew up in Mississippi.",
                "American Bob Dudley, is to take over in October.",
            ],
        ),
        # a background sentence in several wordings goes on in lower case
        (
            "An estimated 1.5 million people were left homeless by the",
            [
                "quake, which killed as many as 200,000.",
                "7.0-magnitude quake last month.",
                "earthquake, officials said today.",
            ],
        ),
        # a name goes on ("the White" + "House")
        (
            "\"I'm ashamed of what happened in the White",
            [
                'House" on Wednesday, Barton said today.',
                'House yesterday," he said to reporters.',
                'House yesterday," Barton said in the statement.',
            ],
        ),
        # the shared words end a sentence: the segmenter's business
        (
            "The well was capped on 15 July after 87 days of leaking oil.",
            [
                "BP shares rose sharply on the news.",
                "Engineers began a pressure test.",
                "Fishermen said they were relieved.",
            ],
        ),
    ],
)
def test_shared_words_that_are_no_box_are_kept(head: str, tails: list[str]) -> None:
    from digest.clean import cut_run_in_boxes

    sentences = _box_sentences(head, tails)
    assert cut_run_in_boxes(sentences) == sentences


@pytest.mark.parametrize(
    "line",
    [
        "A BP spokesman declined to comment.",
        "The White House had no immediate comment.",
        "Halliburton did not respond to a request for comment.",
        "The headteacher, Chris Smith, was unavailable for comment yesterday.",
        "An ADIA spokesman declined comment.",
    ],
)
def test_a_source_declining_to_comment_is_reporting_not_a_call_to_action(line: str) -> None:
    story = [
        "BP said on Friday that the containment dome had failed to stop the leak in the Gulf of Mexico.",
        "Engineers are now weighing a smaller dome and a tube to collect the oil from the broken riser.",
    ]
    text = "\n".join([story[0], line, story[1]])
    cleaned = clean_article(Article("story", text, source="story"))
    assert line in cleaned.text
    assert cleaned.removed == ()


@pytest.mark.parametrize(
    "line", ["Be the first to comment.", "No comments yet.", "Share your comments below.", "Comment on this story"]
)
def test_a_line_asking_readers_to_comment_is_a_call_to_action(line: str) -> None:
    story = [
        "BP said on Friday that the containment dome had failed to stop the leak in the Gulf of Mexico.",
        "Engineers are now weighing a smaller dome and a tube to collect the oil from the broken riser.",
    ]
    cleaned = clean_article(Article("story", "\n".join([*story, line]), source="story"))
    assert line not in cleaned.text
    assert [reason for _, reason in cleaned.removed] == ["call to action"]
