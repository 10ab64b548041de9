from __future__ import annotations

import pytest

from digest.attribution import find_attribution, same_speaker, speaker_groups


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Last week, Western officials told the BBC that 1,000 had been killed.", "Western officials to the BBC"),
        (
            "Ukrainian special forces fighting in Russia’s western Kursk region have told the BBC they have not "
            "seen any North Korean troops.",
            "Ukrainian special forces to the BBC",
        ),
        ("The newspaper quoted US officials as saying the withdrawal may not be permanent.", "US officials"),
        ("The newspaper, citing U.S. officials, stated that this may not be permanent.", "U.S. officials"),
        ("Reports attributed to South Korean intelligence say the troops are unprepared.", "South Korean intelligence"),
        ("According to South Korean intelligence, around 300 soldiers have been killed.", "South Korean intelligence"),
        (
            "Ukraine’s top military commander General Oleksandr Syrsky also said that the ranks diminished by half.",
            "Ukraine’s top military commander General Oleksandr Syrsky",
        ),
        ("Sources told the New York Times that the soldiers have not been seen.", "Sources to the New York Times"),
        # who goes on television to tell: the name before its verb (Egypt, January 2011)
        (
            "Mubarak goes on national television to tell Egyptians his government will resign.",
            "Mubarak to Egyptians",
        ),
        ("The president went on television to tell the nation he would stay.", None),
        # a stray quotation mark is no part of the source's name
        ('Seventeen people have been shot dead, according to Reuters" news agency.', "Reuters news agency"),
        # a recap's list item: its date label is no part of who speaks
        ("April 28 - The Coast Guard says the flow of oil is 5,000 barrels per day.", "The Coast Guard"),
        ("* May 9 - BP says it might try to plug the undersea leak with a junk shot.", "BP"),
        (
            "June 10 - In his first comments, Prime Minister David Cameron says Britain is ready to help BP.",
            "Prime Minister David Cameron",
        ),
        ("The spokesman did not say how long that front line was.", "The spokesman"),
        ("The ministry earlier said 300 people had died.", "The ministry"),  # not "The ministry earlier"
        ("Officials later said 12 were killed.", "Officials"),
        ("They said Friday night's event had set a new record.", None),  # a pronoun is no attribution
        ("The withdrawal of North Korean troops, if confirmed, could be a significant step.", None),
        ("Russia launched a full-scale invasion of Ukraine in February 2022.", None),
        # "reports" as a noun after a word that qualifies it: no speaker named (T17, H1N1)
        ("Initial reports that 176 people had died from swine flu in Mexico were only suspected cases.", None),
        ("Unconfirmed reports say 20 people were killed.", None),
        ("Reuters reports that 20 people were killed.", "Reuters"),
        # An attribution closing the sentence, after the statement or its quote.
        (
            "The virus is suspected of claiming 101 lives in Mexico though the number of confirmed cases there is "
            "26, its health minister said on Monday.",
            "its health minister",
        ),
        ("At least 300 people died, the Red Cross said in a statement.", "the Red Cross"),
        ('"The toll is 300," said the minister.', "the minister"),
        ('"The toll is 300," he said on Tuesday.', None),
        ("The local news is reporting 200 fatalities.", "The local news"),
        # an inverted "so says": the speaker follows the verb; "So" is nobody
        ("So says Addison Wiggin, as the US government admits that nearly 75% of the oil is gone.", "Addison Wiggin"),
        ("Thus said the minister on Tuesday.", "the minister"),
        ("So says the report.", "the report"),
        ("So said he.", None),
        # A reporting verb used as an adjective names no speaker.
        ("The facts are only eight people have been officially confirmed deaths from the virus.", None),
        ("Mexico's confirmed cases rose to 300.", None),
        ("The number of reported deaths is 300.", None),
        # a comparison, not who estimated: "far more than previously estimated"
        ("The well has been spewing 12,000 barrels a day, far more than previously estimated.", None),
        ("The leak is bigger than thought, larger than BP estimated.", None),
        # a pronoun at the end of a subject is who speaks: no name for it ("there" is a place)
        ("Speaking from the White House he said the spill was a disaster.", None),
        ("BLITZER: We said the well was capped.", None),
        ("Correspondents there say 300 people died.", "Correspondents there"),
        # an adverb between a subject and its verb is no part of it
        ("McLaughlin further said the rig was safe.", "McLaughlin"),
        ("The WHO just reported 20 deaths.", "The WHO"),
        ("A panel of scientists now believes 35,000-60,000 barrels are leaking.", "A panel of scientists"),
        ("Democracy Now reports that a suit was filed in Ecuador.", "Democracy Now"),  # a name's "Now" stays
        # after a determiner a reporting word is an adjective: no one is named
        ("Last month's explosion continues to result in the leakage of an estimated 200,000 gallons a day.", None),
        ("The earthquake in Haiti has left an estimated 1.5 million people homeless.", None),
        ("The measures taken by the authorities underscore the concern about the confirmed case.", None),
        # an abbreviation's stops are no sentence's end
        ("The rate was 25,000 bpd, according to the U.S. Geological Survey.", "the U.S. Geological Survey"),
        ("It is 300, according to officials. They said more.", "officials"),
        ("The threat level is high, according to DHS.", "DHS"),  # the sentence's stop
        # "estimates" after a word that makes it a noun: no one says
        ("A new team from the Woods Hole Institute came in with even higher estimates, up to 8m litres a day.", None),
        ("There have been 248 deaths linked to the virus in Mexico, with 12 confirmed.", None),
        # a live blog's entry time is not part of who speaks; a statement is not who tells it
        ("1948 The authorities told the AFP that 9,000 to 10,000 had died.", "The authorities to the AFP"),
        (
            "Haiti's Prime Minister says more than 100,000 people may have been killed 2050 Haiti's President, "
            "Rene Preval, tells CNN he has heard that 30,000 were killed.",
            "Haiti's Prime Minister",
        ),
        # "..., X said" frames the whole sentence: a reporting verb before it is the statement's (T17, bpoil)
        (
            "Individuals and businesses have claimed an estimated $600 million in damages from BP, but the company "
            "had paid only $71 million, the U.S. House Judiciary Committee said on Friday.",
            "the U.S. House Judiciary Committee",
        ),
        ("Crew members on three vessels reported nausea and headaches, the Coast Guard said.", "the Coast Guard"),
        ('"All I can say is that we are working on it," the president said.', "the president"),
        ("The company said sales rose 5%, beating what analysts estimated.", "The company"),
        # the reporting verb of a relative clause inside the subject is not the sentence's
        (
            "The announcement follows an Oval Office address to the nation Tuesday night in which the president "
            "said he was meeting with BP executives.",
            None,
        ),
        ("Mubarak had incited another round of protests Tuesday when he said he would wait.", None),
        # a reporter relaying a source: the source's (T17 haiti)
        (
            "The BBC's Barbara Plett at the United Nations says: \"The UN says 36 of its personnel were killed.",
            "The UN",
        ),
        ('The minister said: "We will rebuild."', "The minister"),
        # a name in apposition, a parenthesis, a quotation before the speaker (T17)
        (
            "Haiti's President, Rene Preval, tells CNN he has heard that 30,000 were killed.",
            "Haiti's President Rene Preval to CNN",
        ),
        (
            "The company's chief executive, Tony Hayward, said the leak was small.",
            "The company's chief executive Tony Hayward",
        ),
        ("Smith, 45, said he saw it.", "Smith"),
        ("Officials, including the mayor, said 20 died.", "Officials"),
        ('"It is bad," Obama told the BBC.', "Obama to the BBC"),
        ('"Honestly, this is a monstrosity," he told Texas Lawyer magazine.', None),
        ("Egypt's Interior Ministry denied claims of curfews in parts of the country, MENA reported.", "MENA"),
        (
            "Churning waters could help dissipate oil in the water, spreading out the slick, said Jane Lubchenco, "
            "leader of NOAA.",
            None,
        ),
        (
            'A Waitrose spokesman said: "A partner at our branch has been confirmed as having swine flu.',
            "A Waitrose spokesman",
        ),
    ],
)
def test_find_attribution(sentence: str, expected: str | None) -> None:
    assert find_attribution(sentence) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("US officers", "U.S. officials", True),
        ("Western officials to the BBC", "Anonymous Western sources to the BBC", True),
        ("a report by The New York Times", "the US officials to the New York Times", True),
        ("South Korea’s National Intelligence Service (NIS)", "Ukraine’s defense ministry", False),
        ("The House Judiciary Committee", "BP", False),
        ("Obama", "the president", None),  # a description that names nobody may be anyone
        ("Officials", "Police sources", None),  # a capital that only opens the sentence names nobody
    ],
)
def test_same_speaker(a: str, b: str, expected: bool | None) -> None:
    assert same_speaker(a, b) is expected
    assert same_speaker(b, a) is expected


def test_speaker_groups_are_given_only_when_a_cited_sentence_names_another_speaker() -> None:
    # the example's key point 2: only 004 has South Korea's NIS confirm the withdrawal
    cited = [
        ("001", "a report by The New York Times"),
        ("002", "Ukraine’s defense ministry"),
        ("003", "the US officials to the New York Times"),
        ("004", "South Korea’s NIS"),
    ]
    assert speaker_groups("South Korea’s NIS", cited) == [
        ("South Korea’s NIS", ["004"]),
        ("a report by The New York Times", ["001", "003"]),
        ("Ukraine’s defense ministry", ["002"]),
    ]
    # the same speaker in other words, or someone unnamed, is no other speaker
    assert (
        speaker_groups("US officials", [("a", "U.S. officials"), ("b", "the spokesman"), ("c", "US officials")]) == []
    )
    assert speaker_groups(None, cited) == []
    # a quoted speaker no cited sentence gives (a phrasing the LLM stage wrote) is left out
    assert speaker_groups("BP", [("a", "Obama"), ("b", "Svanberg")]) == [("Obama", ["a"]), ("Svanberg", ["b"])]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # an organisation's word beside a named person and a role: the role may or may not be that person
        ("BP Chief Executive Tony Hayward", "BP's top lobbyist", None),
        ("BP spokesman", "BP CEO Tony Hayward", None),
        ("BP", "BP chief executive Tony Hayward to the BBC", None),
        # a title, an outlet or an organisation shared by two named persons
        ("Mr Hayward", "Mr Obama", False),
        ("The BBC's David Loyn", "The BBC's Nick Davies", False),
        ("BP Chief Executive Tony Hayward", "BP spokesman Andrew Gowers", False),
        ("President Obama", "Obama's spokesman Robert Gibbs", False),
        # the person's surname is shared
        ("Tony Hayward", "BP's Hayward", True),
        ("BP Chief Executive Tony Hayward", "Mr Hayward to the BBC", True),
        ("Coast Guard Adm. Thad Allen", "Allen", True),
        ("Louisiana's governor Bobby Jindal", "Louisiana Gov. Bobby Jindal (R)", True),
        ("Interior Secretary Ken Salazar and Homeland Security Secretary Janet Napolitano", "Ken Salazar", True),
        ("US officers", "U.S. officials", True),  # no person: the shared name
    ],
)
def test_a_word_shared_with_a_named_person_is_the_same_speaker_only_when_it_is_the_persons_surname(
    a: str, b: str, expected: bool | None
) -> None:
    assert same_speaker(a, b) is expected
    assert same_speaker(b, a) is expected


def test_a_role_beside_a_named_person_of_its_organisation_is_a_speaker_group_of_its_own() -> None:
    # a BP key point: [66] is "BP's top lobbyist says ...", not Hayward
    cited = [("50", "BP Chief Executive Tony Hayward"), ("66", "BP's top lobbyist"), ("114", "Napolitano")]
    assert speaker_groups("BP Chief Executive Tony Hayward", cited) == [
        ("BP Chief Executive Tony Hayward", ["50"]),
        ("BP's top lobbyist", ["66"]),
        ("Napolitano", ["114"]),
    ]
    # ... and the person's surname in other words is the same speaker
    assert speaker_groups("Tony Hayward", [("1", "BP's Hayward"), ("2", "Mr Hayward"), ("3", "Obama")]) == [
        ("Tony Hayward", ["1", "2"]),
        ("Obama", ["3"]),
    ]
