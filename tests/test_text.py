"""The shared text tests (digest.text) that several stages rely on."""

from __future__ import annotations

import pytest

from digest.text import is_question


@pytest.mark.parametrize(
    "text",
    [
        "Will the oil spill reach Florida?",
        'He asked: "Who pays for the clean-up?"',
        "He asked: “Who pays for the clean-up?”",
        "(Why now?)",
        "Is the toll rising? ",
        # a question put to the reader or a panel without its question mark (T17)
        "Could you please review your estimated mortality rate for Swine flu (H1N1).",
        "DO YOU THINK THE ARABS WANT YOU.",
    ],
)
def test_a_question_ends_with_a_question_mark_maybe_inside_closing_quotes(text: str) -> None:
    assert is_question(text)


@pytest.mark.parametrize(
    "text",
    [
        '"Why?" he asked, and the minister said 40 people had died.',
        "The question is who pays.",
        "Who pays? The company, officials said.",
        '"Should we receive instructions from the Health Protection Agency, we will respond," she said.',
    ],
)
def test_a_statement_with_a_question_inside_is_no_question(text: str) -> None:
    assert not is_question(text)


def test_who_a_sentence_speaks_as() -> None:
    from digest.text import addresses_the_reader, is_assertion

    assert addresses_the_reader("You agree that anything you post may be used.")
    assert not addresses_the_reader('"You will see us again," a protester said.')
    assert is_assertion('"I will not run again," Mubarak said.')
    assert not is_assertion("I talked to ElBaradei on Monday.")
    assert not is_assertion("My father just calmly said something like that.")
    assert not is_assertion("We're hearing reports that in some places, even getting bread is difficult.")
    # a quotation over several sentences: its tail, its opening
    assert is_assertion('We are working against the clock."')
    assert is_assertion("\"We've seen about 8 percent of the sea floor.")
    assert not is_assertion('"The divers are back," we were told by the harbour master.')
    assert not is_assertion("There were several dozen people on our flight out there this morning.")
    assert is_assertion('"We are working against the clock," a rescuer said.')
    # an imperative tells the reader to do something; a quoted one, with its speaker, is reported
    assert not is_assertion("Give the Brotherhood of Islam an example they can ALL follow.")
    assert not is_assertion("Remember when he was talking about how the foreign media was inciting people.")
    assert not is_assertion("Watch AC360 at 8 & 10 p.m. ET.")
    assert not is_assertion("Let's hope the cap holds this time.")
    assert is_assertion('"Remember us," a protester in Tahrir Square told reporters.')
    assert is_assertion("Help came very fast, President Rene Preval said.")
    assert is_assertion("Stop-gap measures failed to contain the oil leaking from the well.")
    assert is_assertion("Our correspondent says the US embassy has been evacuated.")
    assert not is_assertion("As for beliefs contrary to mine, let them be.")
    assert is_assertion("The coal mine where 29 workers died was owned by Massey Energy.")
    assert is_assertion("Wesley was stuck on a train hurtling down from a mine in New Brunswick.")
    assert is_assertion("The sons later moved to the Rhondda for mine work.")
    assert is_assertion("ME and MS are not the same illness, the Myanmar ministry said.")
    assert not is_assertion("Will Mubarak go?")


def test_a_pictures_caption_is_no_assertion() -> None:
    from digest.text import is_assertion, is_caption

    assert is_caption("Satellite image of Port-au-Prince, Haiti taken on 13 January.")
    assert is_caption("This photo from a gathering outside the UN Egyptian mission in New York.")
    assert is_caption("An electron micrograph of the A H1N1 swine influenza virus.")
    assert is_caption(
        "Fire boat crews battle the blazing remnants of the rig, off Louisiana, in this handout photograph "
        "taken on April 21, 2010 and obtained on April 22."
    )
    assert not is_caption("The problem does not stop there; the big problem in this picture is greed.")
    # a gallery's dated caption (T17's Fox pages)
    assert is_caption("April 27: Weathered oil from the leaking well is seen in the Gulf of Mexico near Louisiana.")
    assert is_caption("AFP/Getty Images June 28: Tropical Storm Alex is seen churning in the southeastern Gulf.")
    assert is_caption("May 29: This image made from video released by BP shows the gushing oil well.")
    assert not is_caption("June 16: President Obama meets with BP Chairman Carl-Henric Svanberg in the Oval Office.")
    assert not is_caption("April 27: The well is seen as the worst in decades, officials said.")
    assert not is_caption("A map of the spill shows oil reaching Florida.")
    assert is_caption("In this image made from video provided by BP, Wednesday, June 2, 2010, shows the site.")
    assert not is_assertion("Satellite image of Port-au-Prince, Haiti taken on 13 January.")
    # a wire photo's caption: the present tense, the day the picture was taken at the end (an Egypt
    # timeline's 2 February: "Supporters of former ... President Hosni Mubarak tear through the crowd ...")
    assert is_caption(
        "Supporters of former Egyptian President Hosni Mubarak tear through the crowd at Tahrir Square on February 2."
    )
    assert is_caption("Oil floats on the surface of the Gulf of Mexico around a work boat June 2, 2010.")
    assert is_caption("President Barack Obama walks out to speak at Tyndall Air Force Base, Saturday, Aug. 14, 2010.")
    assert not is_caption("Huge waves hit the Louisiana coast on June 2.")  # a noun as often as a verb
    assert not is_caption("Supporters of Mubarak tore through the crowd at Tahrir Square on February 2.")
    assert not is_caption("The Senate committee said it would hold a hearing on the issue on July 29.")
    assert not is_caption("A woman holds a poster with a picture of Nasser at a protest in Paris, officials said.")
    assert is_caption("In this May 26, 2010 photo, officials work to plug the gushing oil well.")
    assert not is_caption("In this case, the photo shows nothing the officials did not know.")
    assert is_caption("Picture credit: BP CEO Tony Hayward walks past protesters as he arrives to testify.")
    assert not is_caption("The picture is grim for credit markets, analysts said on Friday.")
    # a caption ending in its credit (T17)
    assert is_caption(
        "BP oil spill: company hopes new cap can halt oil gushing into Mexican Gulf Photograph: guardian."
    )
    assert is_caption("The shoreline is ringed by booms and work boats Photograph: Gerald Herbert/AP")
    assert not is_caption("Photograph: Gerald Herbert/AP Plan A to halt the Deepwater Horizon leak has been dashed.")
    # a sentence about a picture that reports something
    assert not is_caption("Video from Sinai on Thursday showed a protester being shot after he picked up a rock.")
    assert not is_caption("Grainy video from the Department of Homeland Security shows three men at the gate.")
    assert not is_caption("Images of oil-soaked birds have become a symbol of the disaster.")
    assert is_assertion("Video taken by a passenger aboard the ship caught the collision as it unfolded.")


@pytest.mark.parametrize(
    ("text", "contact"),
    [
        ("Donations can be made via the DEC website or by telephoning 0370 60 60 900.", True),
        ("Send your pictures to yourpics@bbc.co.uk or text them to +447725100100.", True),
        ("You can also request volunteer information at 866-448-5816.", True),
        ("Gabriela Powers, Marketing Manager, 1-800-216-4016.", True),
        ("Join by dialling (800)860-2442 at 10:30 a.m.", True),
        ("The quake killed 200,000 people on 12 January 2010.", False),
        ("Flights 1 240 and 1 250 were cancelled, officials said on 20-04-2010.", False),
        ("Some 11,000 troops, 1,000 of them killed, left the 2024-25 campaign.", False),
    ],
)
def test_contact_details_are_found(text: str, contact: bool) -> None:
    from digest.text import gives_contact

    assert gives_contact(text) is contact


def test_contact_details_are_found_in_linear_time() -> None:
    """A long token of address characters without an "@" ("a.b-a.b-...") once took a minute at
    200 KB (every start position scanned to the token's end); now as long as plain words."""
    import time

    from digest.text import gives_contact

    def best_time(text: str) -> float:
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            assert not gives_contact(text)
            best = min(best, time.perf_counter() - start)
        return best

    baseline = best_time("word " * 40_000)
    assert best_time("a.b-" * 50_000) <= 10 * baseline + 0.05


def test_a_quotation_without_its_speaker() -> None:
    from digest.text import is_unattributed_quote

    assert is_unattributed_quote('"Clearly, this is a disaster of epic proportions."')
    assert is_unattributed_quote("“BP is a huge company and it can certainly fund the cost.”")
    assert is_unattributed_quote("\"We've seen about 8 percent of the sea floor.")  # runs on
    assert not is_unattributed_quote('"We are working," a rescuer said.')
    assert not is_unattributed_quote('He said: "We are working."')
    # the end of a quotation that opened in the sentence before (Egypt's key point 1 of 28 January)
    assert is_unattributed_quote("I'm calling on Egyptian authorities to refrain from any violence on protesters.\"")
    assert not is_unattributed_quote('The 12" pipe burst on Tuesday, officials said.')  # inches, no quotation


def test_a_demonstrative_subject_restates_the_sentence_before() -> None:
    from digest.text import restates_previous

    assert restates_previous("That is more than 30% higher than the low hit on 25 June.")
    assert restates_previous("This was the third attempt it had made to insert a tube.")
    assert restates_previous('"That\'s limited freedom," he said.')
    assert not restates_previous("This week BP said the cap was holding.")
    assert not restates_previous("That day, protesters filled the square.")
    assert not restates_previous("Those killed included two children.")


def test_a_preposition_and_a_demonstrative_point_back() -> None:
    from digest.text import opens_with_reference

    # a week's BP briefing dated 'In that interview, the president compared ...' by its publication
    assert opens_with_reference("In that interview, the president compared the BP oil spill to 9/11.")
    assert opens_with_reference("During that meeting, Clinton stressed the need for reform.")
    assert opens_with_reference("After that, the company could place another blowout preventer on top.")
    assert opens_with_reference('"At that point, the people had taken the streets downtown."')
    assert opens_with_reference("He explains what they will be doing in Haiti.")
    # an answer leans on its question
    assert opens_with_reference("Yes, the swine flu could mutate and become more dangerous.")
    assert opens_with_reference('"No -- we have nothing," he says.')
    assert not opens_with_reference("No-one can be sure what is going to happen.")
    assert not opens_with_reference("No deaths have been reported outside Mexico.")
    # the writer's own time is no reference
    assert not opens_with_reference("At this time, there is no public health implication.")
    assert not opens_with_reference("During this week's talks, BP agreed to a fund.")
    assert not opens_with_reference("In the interview, the president compared the spill to 9/11.")
    assert not opens_with_reference("In Thatcham, residents met on Friday.")
    # a pronoun before its contraction (Haiti's first days: "It's the worst earthquake to hit Haiti in
    # 200 years." as a key point, while "It is ..." was known to lean on the sentence before)
    assert opens_with_reference("It's the worst earthquake to hit Haiti in 200 years.")
    assert opens_with_reference("They’re safe now, the charity said.")
    assert opens_with_reference("He'd been missing since the quake.")
    assert not opens_with_reference("Haiti's capital was flattened.")
    assert not opens_with_reference("Let's be clear about the numbers.")


def test_a_tweet_as_posted_reports_nothing() -> None:
    from digest.text import is_assertion, is_tweet

    # an Egypt day's key point 5
    tweet = "#Jan 25 #Egypt Egypt TV: Police have established complete control in all areas."
    assert is_tweet(tweet) and not is_assertion(tweet)
    assert is_tweet("@AC360 8:42 pm ET February 11, 2013 RETWEET New details about the killing.")
    assert is_tweet("The Mubarak regime miscalculated the people of #Egypt from day one (#Jan 25).")
    # a report that names a handle, a list number, a programming language
    assert not is_tweet("In Alexandria, CNN's Nic Robertson (#NicRobertsonCNN) tweeted that gangs stalk the streets.")
    assert not is_tweet("#1: The spill is the largest in US history.")
    assert not is_tweet("The code was written in C# and F# by the contractor.")


def test_a_line_typed_in_haste_reports_nothing() -> None:
    from digest.text import is_assertion, is_informal

    # a reader's comment was key point 4 of a month of Egypt coverage
    comment = "For all the people that say if Mubarak left it would be chaos and he should stay till September.."
    assert is_informal(comment) and not is_assertion(comment)
    assert is_informal("good luck, America..")
    assert is_informal("No idea?? That is just a comment made on the WHO website!!")
    # an abbreviation's stop before the sentence's, an ellipsis
    assert not is_informal("The rig was owned by Transocean Ltd..")
    assert not is_informal("He spoke at a town hall meeting in Racine, Wis..")
    assert not is_informal("It was bought for drugs, a Glock, ammo, etc..")
    assert not is_informal("The page's conclusions generally rely upon...")


def test_please_asks_the_reader() -> None:
    from digest.text import is_imperative

    assert is_imperative("Please get involved and leave a comment.")
    assert not is_imperative('"Please come forward," the police said.')
    assert not is_imperative("Pleased with the result, BP shares rose.")


def test_a_credit_line_states_nothing() -> None:
    from digest.text import is_assertion, is_credit

    for credit in (
        "CNN's Ben Wedeman, Nic Robertson and Amir Ahmed contributed to this report.",
        "ProPublica's Ryan Knutson contributed reporting to this story.",
        "(Reporting by Tom Bergin; Editing by Louise Heavens and Robert MacMillan)",
        "Additional reporting by Kristen Hays in Houston.",
    ):
        assert is_credit(credit) and not is_assertion(credit)
    assert not is_credit("BP contributed $20 billion to the compensation fund.")
    assert not is_credit("The editor said reporting by local journalists had been vital.")


def test_a_fact_box_run_into_one_line_states_nothing() -> None:
    # key point 2 of a swine-flu week was a BBC fact box, "attributed to Mexico: 103 dead - 20"
    from digest.text import is_assertion, is_fact_box

    for box in (
        "Mexico: 103 dead - 20 confirmed to have died from swine flu, 18 confirmed ill with swine flu United "
        "States: 20 confirmed cases of swine flu Spain: 1 confirmed case, 17 others being investigated.",
        "US: one death, at least 109 confirmed cases New Zealand: 4 confirmed, 12 probable cases",
        "Central Park: 36 inches (27.4, 1925) Newark, New Jersey: 37.3 inches (31.6, 1996)",
    ):
        assert is_fact_box(box) and not is_assertion(box)
    for sentence in (
        "Mexico has 20 deaths: 10 in the capital and 10 elsewhere, officials said.",
        "The health minister said: 20 people have died of the flu in Mexico.",
        "At 10:30 the police arrived; by 11:45 they had left.",
    ):
        assert not is_fact_box(sentence)


def test_a_line_that_announces_what_follows_states_nothing() -> None:
    from digest.text import announces_what_follows, is_assertion

    blurb = "Live coverage of the trial of Michael Jackson's personal physician, Conrad Murray, who is charged."
    assert announces_what_follows(blurb) and not is_assertion(blurb)
    assert announces_what_follows("Here are the latest developments as confirmed by CNN:")
    title = "As it happened: Haiti earthquake 14 Jan Live coverage following Tuesday's earthquake in Haiti."
    assert announces_what_follows(title)
    assert announces_what_follows("Live coverage following the earthquake in Haiti, in which thousands died.")
    assert not announces_what_follows("As it happened, the rig had been inspected days before the blast.")
    assert not announces_what_follows("Live television coverage showed crowds in Tahrir Square.")
    assert not announces_what_follows('"Here is a situation where the oil is not visible," Hollander said.')


def test_a_pronoun_after_a_linking_adverb_points_back() -> None:
    from digest.text import opens_with_reference

    # a BP window's timeline took an op-ed's third sentence and a dangling "it" as a day's leads
    assert opens_with_reference("Here, he argues that the BP oil spill makes the need for a global ethic pressing.")
    assert opens_with_reference("Now it is sending its products to the Gulf to help with the clean-up.")
    assert opens_with_reference("Meanwhile, they kept drilling the relief well.")
    assert not opens_with_reference("Now BP is sending its products to the Gulf.")
    assert not opens_with_reference("Here is what we know about the spill.")
    assert not opens_with_reference("Meanwhile, the oil kept flowing into the Gulf.")
