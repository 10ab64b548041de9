from __future__ import annotations

import pytest

from digest.quantities import (
    UNRESOLVED,
    agree,
    bound_figures,
    distinctive_figures,
    figures_apart,
    find_quantities,
    same_what,
)


def q(text: str) -> list[tuple[str, str, float, float, bool]]:
    return [(x.text, x.measure, round(x.low, 1), round(x.high, 1), x.approximate) for x in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "out of some 11,000 troops sent from North Korea to fight for Russia, 1,000 had been killed",
            [("some 11,000", "troops", 11000, 11000, True), ("1,000", "killed", 1000, 1000, False)],
        ),
        (
            "around 300 North Korean soldiers have been killed, and 2,700 have been wounded.",
            [("around 300", "killed", 300, 300, True), ("2,700", "wounded", 2700, 2700, False)],
        ),
        (
            "there were 4,000 North Korean losses after just a few weeks of fighting, including 1,000 deaths.",
            [("4,000", "casualties", 4000, 4000, False), ("1,000", "killed", 1000, 1000, False)],
        ),
        (
            "seizing more than 1,000 sq km (386 sq miles) of territory",
            [("more than 1,000 sq km", "area", 1000, 1000, True)],
        ),
        ("seizing around 500 sq miles.", [("around 500 sq miles", "area", 1295.0, 1295.0, True)]),
        ("for the past three weeks", [("three weeks", "duration", 21, 21, False)]),
        ("a force of 11,000 to 12,000,", [("11,000 to 12,000", "troops", 11000, 12000, False)]),
        ("up to 50% of the forces", [("up to 50%", "percent", 50, 50, True)]),
        ("the 1,000km-long (620 miles) frontline", [("1,000km-long", "length", 1000, 1000, False)]),
        ("2.5 million people fled", []),  # no measure digest compares
        ("Russia invaded in February 2022 and in 2014.", []),  # years are not counts
        ("It cost $2,000.", []),
        ("A 23-month-old Mexican child has died of swine flu.", []),  # an age, not a death toll
        ("The 52-year-old man was killed on Friday.", []),
        ("After a five-day battle 40 soldiers died.", [("40", "killed", 40, 40, False)]),
        ("A 300-strong force was sent.", [("300", "troops", 300, 300, False)]),
        # A number that counts something else, with a casualty word later in its clause.
        ("The 2,200 swine flu infections reported have resulted in deaths.", []),
        ("The virus spread to 20 countries where deaths were reported.", []),
        ("Seven laboratory-confirmed deaths from swine flu in Mexico.", [("Seven", "killed", 7, 7, False)]),
        ("So far a couple of hundred have died.", []),  # "hundred" alone is no figure
        ("About a hundred people died.", [("About a hundred", "killed", 100, 100, True)]),
        ("between 100,000 and 200,000 dead", [("between 100,000 and 200,000", "killed", 100000, 200000, False)]),
        ("Of 10 20 died.", [("20", "killed", 20, 20, False)]),  # "and" joins a range only after "between"
        ("Forty-eight people have died.", [("Forty-eight", "killed", 48, 48, False)]),
        # hundreds in words (before: "Three" and "fifty-two")
        ("Three hundred people died.", [("Three hundred", "killed", 300, 300, False)]),
        ("A hundred and fifty-two were wounded.", [("A hundred and fifty-two", "wounded", 152, 152, False)]),
        ("Two hundred thousand died.", [("Two hundred thousand", "killed", 200000, 200000, False)]),
        # a casualty verb with its own count after it: the number before counts something else
        ("A vaccine given to 40m people killed 25 of them.", [("25", "killed", 25, 25, False)]),
        # a casualty verb or a death toll before the number
        ("The quake killed at least 300 people.", [("at least 300", "killed", 300, 300, True)]),
        ("The attack injured 45 and killed 12.", [("45", "wounded", 45, 45, False), ("12", "killed", 12, 12, False)]),
        ("The death toll rose to 150 on Monday.", [("150", "killed", 150, 150, False)]),
        ("The virus has claimed the lives of 26 people.", [("26", "killed", 26, 26, False)]),
        ("The blast killed 20 pigs.", []),  # what the number counts comes after it
        ("The explosion killed 11 men.", [("11", "killed", 11, 11, False)]),  # not 11 troops
        # animals are not people
        ("Nearly 200 sea turtles were found dead.", []),
        ("The oil killed 250,000 seabirds.", []),
        ("5 people died 2 days ago.", [("5", "killed", 5, 5, False), ("2 days", "duration", 2, 2, False)]),
        # the denominator of a fraction is no figure: a scraped "2½" reads "21/2"
        ("the Macondo field, about 21/2 miles below the floor of the gulf.", []),
        ("Some 3/4 of 20 miles.", [("20 miles", "length", 32.2, 32.2, False)]),
        # the clause ends at a digit run into a word ("died1871"): "died" is its last word there
        ("There were 12 in Llandiloes died1871.", [("12", "killed", 12, 12, False)]),
        # a flow, in barrels a day: converted, with its conversion and the words before its rate
        ("Up to 5,000 barrels of oil a day gush.", [("Up to 5,000 barrels of oil a day", "flow", 5000, 5000, True)]),
        (
            "Oil flowed at 5,000 barrels (210,000 gallons) a day.",
            [("5,000 barrels (210,000 gallons) a day", "flow", 5000, 5000, False)],
        ),
        ("5,000 barrels are leaking daily.", [("5,000 barrels are leaking daily", "flow", 5000, 5000, False)]),
        (
            "35,000 to 60,000 barrels leak into the Gulf every day.",
            [("35,000 to 60,000 barrels leak into the Gulf every day", "flow", 35000, 60000, False)],
        ),
        ("It leaks 2.5 million gallons a day.", [("2.5 million gallons a day", "flow", 59523.8, 59523.8, False)]),
        ("It pumps 40 barrels per minute.", [("40 barrels per minute", "flow", 57600, 57600, False)]),
        ("Output was 26,000 bpd.", [("26,000 bpd", "flow", 26000, 26000, False)]),
        (
            "It leaks 35,000 barrels a day, and possibly as much as 60,000 barrels.",
            [("35,000 barrels a day, and possibly as much as 60,000 barrels", "flow", 35000, 60000, False)],
        ),
        (
            "It is between 20,000 barrels a day or up to 100,000 barrels a day.",
            [("between 20,000 barrels a day or up to 100,000 barrels", "flow", 20000, 100000, False)],
        ),
        (
            "Estimates ranged from 3.8m litres to 8m litres a day.",
            [("3.8m litres to 8m litres a day", "flow", 23901.3, 50318.6, False)],
        ),
        (
            "BP has estimated about 5,000 barrels a day, or 210,000 gallons a day, has been leaking.",
            [("about 5,000 barrels a day", "flow", 5000, 5000, True)],
        ),
        ("An estimated 4.9 million barrels leaked.", []),  # a volume, no flow
        ("It stopped 5,000 barrels a day later.", []),
    ],
)
def test_find_quantities(text: str, expected: list[tuple[str, str, float, float, bool]]) -> None:
    assert q(text) == expected


def test_agreement_with_units_and_rounding() -> None:
    [km] = find_quantities("more than 1,000 sq km")
    [mi386] = find_quantities("386 sq miles")
    [mi500] = find_quantities("about 500 sq miles")
    [some] = find_quantities("some 11,000 troops")
    [rng] = find_quantities("a force of 11,000 to 12,000,")
    [two] = find_quantities("about two weeks")
    [three] = find_quantities("three weeks")
    assert km.agrees_with(mi386)
    assert not km.agrees_with(mi500)
    assert some.agrees_with(rng)
    assert not two.agrees_with(three)
    assert not km.agrees_with(three)  # different measures never agree
    # miles beside kilometres: one was converted and rounded
    [mi10], [km15], [mi15] = (find_quantities(t) for t in ("10 miles from the capital", "15 km from it", "15 miles"))
    assert mi10.agrees_with(km15) and km15.agrees_with(mi10)
    assert not mi10.agrees_with(mi15)
    # how long something lasted: a day either way is how the days are counted
    [d18], [d19], [d12] = (find_quantities(f"leaking for {n} days") for n in (18, 19, 12))
    assert d18.agrees_with(d19) and d19.agrees_with(d18)
    assert not d12.agrees_with(d18)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Shares fell more than 30 percent on Monday.", "more than 30 percent"),
        ("Shares fell 5 per cent.", "5 per cent"),
        ("Shares fell 15.8% today.", "15.8%"),
        ("Some 1,000 had been killed.", "Some 1,000 killed"),
        ("It seized 386 sq miles.", "386 sq miles"),
        # a flow without what stood between its figure and its rate
        ("About 5,000 barrels (210,000 gallons) have been leaking every day.", "About 5,000 barrels every day"),
        ("It leaks 35,000 barrels a day, and possibly as much as 60,000.", "35,000 to 60,000 barrels a day"),
        ("So instead of 5,000 barrels/day, it was more.", "5,000 barrels/day"),
        ("Output was 26,000 bpd.", "26,000 bpd"),
        ("Estimates range from 3.8 m litres to 8m litres a day.", "3.8 m to 8m litres a day"),
        # a bound after a flow is shown with it: the reader sees a floor, not a point
        ("Oil gushes into the Gulf at a rate of 4,000 barrels a day or more.", "4,000 barrels a day or more"),
        ("Some 5,000 barrels a day or so, BP said.", "Some 5,000 barrels a day or so"),
        ("The well leaks 5,000 barrels a day, or so officials say.", "5,000 barrels a day"),
    ],
)
def test_a_figure_is_phrased_as_written_with_what_it_counts(text: str, phrase: str) -> None:
    (q,) = find_quantities(text)
    assert q.phrase == phrase


def test_confirmed_counts_and_places() -> None:
    def scope(text: str) -> list[tuple[str, bool, str | None]]:
        return [(x.text, x.confirmed, x.place) for x in find_quantities(text)]

    assert scope("Swine flu has been confirmed as the cause of 26 deaths in Mexico.") == [("26", True, "Mexico")]
    assert scope("Mexico says 26 deaths were confirmed.") == [("26", True, None)]
    assert scope("The toll rose to 26 deaths, confirmed by laboratories.") == [("26", True, None)]
    # a bracket after the figure holds another figure's words: the H1N1 week set "101 deaths" confirmed
    # against "29 deaths" from "Mexico: 101 estimated deaths (25 confirmed), 590 confirmed cases."
    assert scope("Mexico: 101 estimated deaths (25 confirmed), 590 confirmed cases.") == [("101", False, None)]
    # "40 other possible fatalities" is an addition to the 20, no count of its own
    assert scope("Mexico has confirmed 20 deaths and has 40 other possible fatalities.") == [("20", True, None)]
    # a toll with more deaths that may be added to it is the confirmed part (the swine-flu week set "20
    # killed" against "up to 60" from an article on both sides)
    more = "Mexico's government said at least 20 people have died and it may be responsible for 40 other deaths."
    assert scope(more) == [("at least 20", True, None)]
    assert scope("The flu had killed 20 people and could be to blame for 48 more deaths.") == [("20", True, None)]
    assert scope("The quake killed 300 people and injured 40 more.") == [("300", False, None)]
    # a part of the toll is no toll: T17 Egypt set "Ten of the dead are police officers" against 38 dead
    assert scope("Ten of the dead are police officers.") == []
    assert scope("Three of those killed were children.") == []
    assert scope("Twenty of them died in Mexico City.") == [("Twenty", False, "Mexico City")]
    assert scope("Seven people have died in the U.S. so far.") == [("Seven", False, "United States")]
    assert scope("300 were killed in August.") == [("300", False, None)]  # a month is no place
    # a place opening the sentence scopes its figures; "outside" a place is another scope
    assert scope("In Mexico, 159 people have died.") == [("159", False, "Mexico")]
    assert scope("Outside Mexico, one person has died.") == [("one", False, "outside Mexico")]
    assert scope("In August, 300 died.") == [("300", False, None)]
    assert scope("Last week, 20 died.") == [("20", False, None)]
    # a figure that is part of a confirmed count is confirmed
    assert scope("He says Mexico has 260 confirmed swine flu cases, including 12 deaths.") == [("12", True, None)]
    assert scope("Officials confirmed 20 cases, among them three deaths.") == [("three", True, None)]
    assert scope("Mexico has 2,000 suspected cases, including 150 deaths.") == [("150", False, None)]
    text = "The WHO says 26 cases had been confirmed in Mexico and that seven of those had died."
    assert scope(text) == [("seven", True, None)]
    assert scope("Of 300 suspected cases, 20 of them died.") == [("20", False, None)]
    # outside a place named right before the figure; a possessive is not part of the place
    assert scope("Fact outside of Mexico 1 person has died.") == [("1", False, "outside Mexico")]
    assert scope("20 people died in Mexico's capital.") == [("20", False, "Mexico")]


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("BP shares represent 1.5 percent of the total assets of pension funds.", "asset"),
        ("It owns 39% of BP's shares.", "bp share"),
        ("Some 20 percent of Egypt's population lives below the poverty line.", "egypt population"),
        ("Nearly 75% of all the oil leaked into the Gulf has been removed.", "oil leaked"),
        ("At least 50 percent of the oil that was released is gone.", "oil"),
        ("Up to 75% of it is still in the water.", UNRESOLVED),  # a whole the sentence before names
        ("Health officials said 30% of them were young adults.", UNRESOLVED),
        ("About 20% of those who died were children.", UNRESOLVED),
        ("Some 41 percent of those hospitalized were young.", "hospitalized"),
        ("Some Egyptians, 20% of whom live in poverty, agree.", "egyptian"),
        ("The port is running at only 10% capacity.", "capacity"),
        ("The jobless rate was 9.7 percent.", None),
        ("The storm was about 55 miles south-southwest of Campeche.", "position southsouthwest from campeche"),
        ("The rig sank about 40 miles offshore.", "position offshore"),  # from the coast
        ("The rig sank about 40 miles off Louisiana.", "position from louisiana"),
        ("The sheen had crept to within 6 miles of Florida's coast.", "position from florida coast"),
        ("The well lies about a mile (1.5 km) underwater.", "depth"),
        ("It has soiled 100 miles (160 km) of coastline.", "extent coastline"),
        ("The front line is 1,000 km long.", None),
        ("They seized 1,000 sq km (386 sq miles) of Russian territory.", "russian territory"),
        ("Some 940 Sri Lankan security forces are in Haiti.", "Sri Lankan"),
        ("A UN peacekeeping force of 9,000 is there.", "United Nations"),
        ("There are 11,000 to 12,000 troops.", None),
        # what a flow is of: the leak (unsaid), or what is taken, could be taken, produced, pumped in
        ("The well is leaking 35,000 barrels of oil a day.", None),
        ("BP is now collecting 15,000 barrels of oil a day.", "captured"),
        ("BP said it was removing 2,000 barrels of oil a day from the leak.", "captured"),
        ("A cap is now keeping up to 462,000 gallons of oil a day from leaking into the Gulf.", "captured"),
        (
            "The collection of oil and gas leaking into the Gulf has leveled off at about 15,400 barrels a day.",
            "captured",
        ),
        ("It would be able to capture 1,000 barrels a day after inserting a tube.", "capacity"),
        ("There will be 53,000 barrels a day of capacity by June.", "capacity"),
        ("Its oil exports, at 2.13 million barrels per day, fell.", "production"),
        ("They pump 40 barrels per minute of drilling mud.", "pumped down"),
        ("The worst case is 100,000 barrels a day.", "worst case"),
        # the clause of the figure, not the one before it
        ("BP collected 10,000 barrels on Monday, while the leak is 35,000 barrels a day.", None),
    ],
)
def test_what_a_figure_is_of(text: str, what: str | None) -> None:
    (q,) = find_quantities(text)
    assert q.what == what


def test_a_duration_said_as_a_bound_spans_to_the_next_unit() -> None:
    [more] = find_quantities("for more than two weeks")
    [less] = find_quantities("for less than three months")
    assert (more.low, more.high) == (14.0, 21.0)
    assert (less.low, less.high) == (60.0, 90.0)
    assert find_quantities("an extra 3,500 troops") == []  # an addition, not a total


def test_the_time_since_the_last_one_is_no_duration() -> None:
    # h1 window: "How long: 41 years [28]; around seven weeks [16]" was shown as sources differing
    assert find_quantities("WHO declared the outbreak a pandemic, the first global flu epidemic in 41 years.") == []
    assert find_quantities("It is the first pandemic in more than 40 years.") == []
    assert find_quantities("The worst storm in the past ten years hit the coast.") == []
    assert find_quantities("It was the first strain of influenza to reach this mark for 41 years.") == []
    (drills,) = find_quantities("It was the first of the drills, which ran for three weeks.")
    assert drills.measure == "duration"
    (speaker,) = find_quantities("I had only been speaker for about three days when it began.")
    assert speaker.measure == "duration"
    assert find_quantities("BP's shares slumped to their lowest level in 14 years.") == []
    (tracked,) = find_quantities("Officials have been charting the spread of the virus for around seven weeks now.")
    assert tracked.measure == "duration" and tracked.text == "around seven weeks"
    *_, months = find_quantities("Out of some 11,000 troops, 1,000 had been killed in just three months.")
    assert months.measure == "duration" and months.low == 90.0


def test_positions_are_of_one_thing_only_from_places_that_share_a_word() -> None:
    def position(text: str) -> str | None:
        [q] = [q for q in find_quantities(text) if q.measure == "length"]
        return q.what

    pensacola = position("The slick is only seven miles (11km) from Pensacola on the Florida panhandle.")
    assert pensacola == "position from pensacola"
    again = position("The slick, containing tar balls, is only nine miles (15km) from Pensacola, officials said.")
    beaches = position("Oil drifted six miles from the Florida Panhandle's popular sugar-white beaches.")
    assert same_what("length", pensacola, again)
    assert not same_what("length", pensacola, beaches)
    # the well's distance off the coast is not a seep's from the well
    well = position("BP's Macondo well is located 50 miles off the coast of Louisiana.")
    seep = position("One of the seepage areas, less than two miles from the Macondo well, is a natural leak.")
    assert not same_what("length", well, seep)
    assert same_what("length", well, position("The rig sank about 40 miles offshore."))  # from an unsaid coast
    # a place named two ways: "the center of the capital, Port au Prince" and "Port-au-Prince, the capital"
    center = position("The epicentre was only 15 km from the center of the capital, Port au Prince, which suffered.")
    west = position("The earthquake's epicentre was 25 km west of Port-au-Prince, the capital.")
    assert same_what("length", center, west)
    assert same_what(
        "length",
        position("The sheen was within 6 miles of Florida's Gulf coast panhandle."),
        position(
            "An oil sheen has been seen about nine miles (14.5 km) off the coast of Florida, with officials warning."
        ),
    )


def test_a_figure_said_as_a_ceiling_agrees_with_any_below_it() -> None:
    [ceiling] = find_quantities("The oil was spotted less than 10 miles from the Florida Panhandle.")
    [six] = find_quantities("Oil drifted six miles from the Florida Panhandle.")
    [twelve] = find_quantities("Oil drifted 12 miles from the Florida Panhandle.")
    assert (ceiling.low, ceiling.high) == (0.0, ceiling.high) and ceiling.agrees_with(six)
    assert not ceiling.agrees_with(twelve)


def test_a_floor_and_a_ceiling_that_overlap_agree_and_so_does_an_open_ended_figure() -> None:
    [floor] = find_quantities("Scientists said the well leaks at least 12,000 barrels per day.")
    [ceiling] = find_quantities("Scientists said the well leaks up to 25,000 barrels each day.")
    [open_ended] = find_quantities("Scientists said the leak was 4,000 barrels a day or more.")
    [point] = find_quantities("An estimated 5,000 barrels a day are leaking.")
    assert (floor.bound, ceiling.bound, open_ended.bound, point.bound) == ("floor", "ceiling", "open", "")
    assert agree(floor, ceiling) and agree(ceiling, floor)
    assert agree(open_ended, point) and agree(point, open_ended)
    assert not agree(floor, point)  # "at least 12,000" is a count 5,000 does not give
    [high_floor] = find_quantities("Scientists said the well leaks at least 30,000 barrels per day.")
    assert not agree(high_floor, ceiling)
    # two floors are two counts: "at least eight killed" is not "at least five killed"
    [eight] = find_quantities("At least 8 people were killed.")
    [five] = find_quantities("At least 5 people were killed.")
    assert not agree(eight, five)


def test_shares_of_a_pronoun_are_of_no_known_whole() -> None:
    # "30% of them" (Scottish cases) and "41 percent of those hospitalized" (in the U.S.): a T17
    # H1N1 week's briefing had shown them as two versions of one share
    assert not same_what("percent", UNRESOLVED, UNRESOLVED)
    assert not same_what("percent", UNRESOLVED, None)
    assert not same_what("percent", UNRESOLVED, "oil")
    assert same_what("percent", None, None)
    assert same_what("percent", "oil", "oil leaked")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # money in any spelling of its scale, each currency apart
        (
            "BP has agreed to put aside $20bn (£13.5 bn) to compensate victims.",
            {("$", 2e10, 2e10), ("£", 1.35e10, 1.35e10)},
        ),
        ("BP agreed to set up a $20 billion fund.", {("$", 2e10, 2e10)}),
        ("BP has paid $71 million out of an estimated $600 million.", {("$", 7.1e7, 7.1e7), ("$", 6e8, 6e8)}),
        # a share, a count of thousands, a scaled count
        ("Shares closed up almost 7% after 26 percent of the oil was gone.", {("%", 7, 7), ("%", 26, 26)}),
        ("About 11,000 troops and 1,500 police", {("", 11000, 11000), ("", 1500, 1500)}),
        ("4.9 million barrels", {("", 4.9e6, 4.9e6)}),
        # a range is one figure, however it is written
        ("35,000-60,000 barrels a day", {("", 35000, 60000)}),
        ("between 35,000 and 60,000 barrels a day", {("", 35000, 60000)}),
        ("Between 35,000 and 60,000 barrels a day", {("", 35000, 60000)}),
        ("35,000 to 60,000 barrels a day", {("", 35000, 60000)}),
        ("About 45,000-50,000 people have died", {("", 45000, 50000)}),
        ("$1-2bn", {("$", 1e9, 2e9)}),
        # a range around a conversion in brackets is a range too
        (
            "between 35,000 (1.47 million gallons/5.56 million liters) and 60,000 barrels a day",
            {("", 35000, 60000), ("", 35000, 35000), ("", 60000, 60000), ("", 1.47e6, 1.47e6)},
        ),
        # a headline's capitals
        ("BP Pays $20 Billion in Reparations", {("$", 2e10, 2e10)}),
        ("a 5-10% rise", {("%", 5, 10)}),
        # a count of millions in words (Haiti, January 2010: "two million made homeless" was cited for
        # "1.5 million homeless"); not "one in a million"
        ("200,000 people were killed and two million made homeless", {("", 200000, 200000), ("", 2e6, 2e6)}),
        ("At least one million people were left homeless.", {("", 1e6, 1e6)}),
        ("A million people need food; half a million have none.", {("", 1e6, 1e6), ("", 5e5, 5e5)}),
        ("Twenty-five billion dollars", {("", 2.5e10, 2.5e10)}),
        ("a one in a million chance, a thousand times", set()),
        # small counts, years, clock times, decimals and parts of names single nothing out
        ("The explosion killed 11 workers on April 20, 2010 at 10:30.", set()),
        ("From 2009 to 2010 the A380 flew 2.5 miles.", set()),
        ("10 to 20 people", set()),
    ],
)
def test_distinctive_figures(text: str, expected: set[tuple[str, float, float]]) -> None:
    assert distinctive_figures(text) == {(kind, float(low), float(high)) for kind, low, high in expected}


def test_counts_in_words_can_be_left_out() -> None:
    # digest.cluster.merge_on_figures does: "a million" is too round to make two clusters one statement
    assert distinctive_figures("Two million people and $20bn", words=False) == {("$", 2e10, 2e10)}
    text = "The Red Cross says about 1.5 million people are homeless."
    assert figures_apart(distinctive_figures(text), distinctive_figures("Two million people were made homeless."))


@pytest.mark.parametrize(
    ("quoted", "other", "apart"),
    [
        # BP June week: the House committee's paid-claims figures against BP's own, and the fund
        ("BP has paid $71 million out of an estimated $600 million.", "BP has paid out $104 million (£70m).", True),
        ("BP has paid $71 million out of an estimated $600 million.", "BP will pay $20 billion into a fund.", True),
        ("BP has paid $71 million out of an estimated $600 million.", "BP had paid just $71m out of $600m.", False),
        ("BP has agreed to a $20bn fund.", "BP will pay $5bn this year until the total $20bn is paid.", False),
        ("BP agreed to a $20 billion fund.", "BP agreed to a fund of about $20.5 billion.", False),  # rounding
        ("BP agreed to a $20 billion fund.", "BP agreed to a fund for claims.", False),  # no figure: no test
        ("BP agreed to a $20 billion fund.", "More than 40,000 claims have been filed.", False),  # another kind
        ("BP agreed to a fund.", "BP has paid $104 million.", False),
        # H1N1, May 2009: two counts written to the unit are two tallies, not one rounded
        ("Nearly 10,250 people in 41 countries have been infected.", "41 countries had 11,034 cases.", True),
        ("The virus has infected nearly 13,000 people.", "The WHO counts nearly 13,400 cases.", False),
    ],
)
def test_figures_apart(quoted: str, other: str, apart: bool) -> None:
    assert figures_apart(distinctive_figures(quoted), distinctive_figures(other)) is apart


@pytest.mark.parametrize(
    "text",
    [
        # BP, 7-8 May 2010: all say the blast killed 11
        "Nine workers on the drill deck were killed, along with two others working in the nearby mud storage room.",
        "Nine rig crew on the rig floor and two engineers died.",
        "Officials said nine rig crew and two engineers died.",
        "Nine died on the rig and two more died in hospital.",
        "11 workers plus two contractors were killed.",
    ],
)
def test_a_casualty_count_joined_to_another_of_the_same_kind_is_a_part_not_the_toll(text: str) -> None:
    assert q(text) == []


def test_a_casualty_count_said_as_part_of_an_earlier_one_is_no_figure() -> None:
    assert q("Eleven people died, nine of them killed on the drill floor.") == [("Eleven", "killed", 11, 11, False)]
    assert q("Eleven people died, including nine killed on the drill floor.") == [("Eleven", "killed", 11, 11, False)]
    # part of a count of something else: the toll itself
    assert q("26 cases had been confirmed and seven of those had died.") == [("seven", "killed", 7, 7, False)]
    assert q("There were 4,000 losses, including 1,000 deaths.") == [
        ("4,000", "casualties", 4000, 4000, False),
        ("1,000", "killed", 1000, 1000, False),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two clauses, each with its own verb: the count after "and" is the toll
        ("The ship carried 30 people and two died.", [("two", "killed", 2, 2, False)]),
        ("Thirty people were rescued and two died.", [("two", "killed", 2, 2, False)]),
        # counts of other kinds or of another place
        (
            "Around 300 soldiers were killed, and 2,700 were wounded.",
            [
                ("Around 300", "killed", 300, 300, True),
                ("2,700", "wounded", 2700, 2700, False),
            ],
        ),
        (
            "The explosion killed 11 workers and injured 17 others.",
            [
                ("11", "killed", 11, 11, False),
                ("17", "wounded", 17, 17, False),
            ],
        ),
        ("At least 300 people were killed, along with 40 cows.", [("At least 300", "killed", 300, 300, True)]),
        ("Nine were killed, along with 20 in Chile.", [("Nine", "killed", 9, 9, False)]),
        ("Eleven people were killed and 2,000 homes destroyed.", [("Eleven", "killed", 11, 11, False)]),
    ],
)
def test_counts_in_separate_clauses_or_of_other_kinds_are_not_parts(
    text: str, expected: list[tuple[str, str, float, float, bool]]
) -> None:
    assert q(text) == expected


def test_a_toll_with_other_possible_deaths_stays_its_confirmed_part() -> None:
    [toll] = find_quantities("Mexico has 20 deaths and 40 other possible fatalities.")
    assert (toll.text, toll.confirmed) == ("20", True)


def test_figures_said_as_a_floor_or_a_ceiling() -> None:
    assert bound_figures("As many as 200,000 people died in the earthquake.") == {("", 200000.0, 200000.0)}
    assert bound_figures("BP will pay up to $20bn.") == {("$", 2e10, 2e10)}
    assert bound_figures("More than 100,000 died; over half a million are homeless.") == {
        ("", 100000.0, 100000.0),
        ("", 5e5, 5e5),
    }
    assert bound_figures("200,000 died, as many as 35,000-60,000 were hurt.") == set()  # a point, not a range
    assert bound_figures("BP agreed to a $20bn fund.") == set()


@pytest.mark.parametrize(
    ("quoted", "other", "apart"),
    [
        # Haiti, January 2010: a ceiling at the top of the officials' range is one of its figures
        (
            "As many as 200,000 people died in the 12 January earthquake.",
            "Haitian officials say the death toll is likely to be between 100,000 and 200,000.",
            False,
        ),
        (
            "Haitian officials say the death toll is likely to be between 100,000 and 200,000.",
            "Up to 200,000 people may have died.",
            False,
        ),
        ("Between 100,000 and 200,000 died.", "At least 150,000 people died.", False),  # a floor within it
        ("Between 100,000 and 200,000 died.", "At least 250,000 people died.", True),  # outside it
        ("Between 100,000 and 200,000 died.", "200,000 people died.", True),  # a figure said as no bound
        ("Between 45,000 and 50,000 died.", "Up to 50,000 to 100,000 died.", True),  # two ranges
    ],
)
def test_a_figure_said_as_a_bound_is_one_with_a_range_it_lies_within(quoted: str, other: str, apart: bool) -> None:
    bounds = bound_figures(quoted) | bound_figures(other)
    assert figures_apart(distinctive_figures(quoted), distinctive_figures(other), bounds=bounds) is apart
