"""Table-driven tests of the temporal-expression engine (digest.timex)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import time

import pytest

from digest.timex import find_in_sentences, find_timexes, may_name_day, precision_of, to_interval

REF = dt.date(2025, 2, 1)  # a Saturday

# (text, reference, span, type, value, mod) ; mod "*" = don't care
CASES: list[tuple[str, dt.date | None, str, str, str | None, str | None]] = [
    # seed expressions
    (
        "Last August, elite Ukrainian troops launched a lightning offensive.",
        REF,
        "Last August",
        "DATE",
        "2024-08",
        "*",
    ),
    (
        "From November onwards, Kim Jong Un sent around 11,000 trained fighters.",
        REF,
        "November",
        "DATE",
        "2024-11",
        "*",
    ),
    (
        "Last week, Western officials told the BBC that 1,000 had been killed.",
        REF,
        "Last week",
        "DATE",
        "2025-W04",
        "*",
    ),
    (
        "On Friday, the spokesman told the BBC he was only referring to areas.",
        REF,
        "Friday",
        "DATE",
        "2025-01-31",
        "*",
    ),
    (
        "In late 2024, North Korea reportedly sent approximately 11,000 troops.",
        REF,
        "late 2024",
        "DATE",
        "2024",
        "END",
    ),
    (
        "In late 2024, North Korea reportedly sent approximately 11,000 troops.",
        None,
        "late 2024",
        "DATE",
        "2024",
        "END",
    ),
    ("1,000 had been killed in just three months.", REF, "three months", "DURATION", "P3M", "*"),
    (
        "they have not seen any troops there for the previous three weeks.",
        REF,
        "the previous three weeks",
        "DURATION",
        "P3W",
        "*",
    ),
    (
        "they have not seen any troops there for the past three weeks.",
        REF,
        "the past three weeks",
        "DURATION",
        "P3W",
        "*",
    ),
    (
        "Russia launched a full-scale invasion of Ukraine in February 2022.",
        REF,
        "February 2022",
        "DATE",
        "2022-02",
        None,
    ),
    (
        "Russia launched a full-scale invasion of Ukraine in February 2022.",
        None,
        "February 2022",
        "DATE",
        "2022-02",
        None,
    ),
    (
        "Footage posted by President Zelenskyy in January showed two soldiers.",
        REF,
        "January",
        "DATE",
        "2025-01",
        "*",
    ),
    (
        "Sources told the BBC earlier this month that there were 4,000 losses.",
        REF,
        "earlier this month",
        "DATE",
        "2025-02",
        "*",
    ),
    (
        "Pyongyang signed a mutual defence agreement with Moscow last year.",
        REF,
        "last year",
        "DATE",
        "2024",
        None,
    ),
    (
        "He is pushing for a peace deal to end the war within 100 days.",
        REF,
        "100 days",
        "DURATION",
        "P100D",
        None,
    ),
    (
        "Ukraine's surprise offensive in Kursk in August 2024 inflicted casualties.",
        REF,
        "August 2024",
        "DATE",
        "2024-08",
        None,
    ),
    (
        "Putin and Kim have in recent months deepened bilateral ties.",
        REF,
        "recent months",
        "DURATION",
        "PXM",
        None,
    ),
    (
        "seizing a number of settlements in the Donetsk region in recent weeks.",
        REF,
        "recent weeks",
        "DURATION",
        "PXW",
        None,
    ),
    (
        "Ukrainian troops then crossed the Russian border in August in a shock incursion.",
        REF,
        "August",
        "DATE",
        "2024-08",
        "*",
    ),
    (
        "the soldiers have not been seen at the frontline for about two weeks.",
        REF,
        "about two weeks",
        "DURATION",
        "P2W",
        "APPROX",
    ),
    (
        "Now Kyiv is looking to hold on to the land it occupies in Kursk.",
        REF,
        "Now",
        "DATE",
        "PRESENT_REF",
        None,
    ),
    # general behaviour
    ("The meeting will be held on Friday.", REF, "Friday", "DATE", "2025-02-07", "*"),
    ("He left last Friday.", dt.date(2025, 1, 31), "last Friday", "DATE", "2025-01-24", "*"),
    ("Sales rose this month.", REF, "this month", "DATE", "2025-02", None),
    ("the company said it had been founded three years ago.", REF, "three years ago", "DATE", "2022", "*"),
    ("The deal closed two weeks ago.", REF, "two weeks ago", "DATE", "2025-01-18", "*"),
    ("Profit rose in the third quarter.", dt.date(1989, 11, 2), "the third quarter", "DATE", "1989-Q3", "*"),
    ("Profit rose in the third quarter of 1990.", REF, "the third quarter of 1990", "DATE", "1990-Q3", "*"),
    ("Fiscal 1989 results were strong.", REF, "Fiscal 1989", "DATE", "1989", "*"),
    ("the company was founded in the 1990s.", REF, "the 1990s", "DATE", "199", "*"),
    ("the economy grew this summer.", REF, "this summer", "DATE", "2025-SU", "*"),
    ("the talks will resume next year.", REF, "next year", "DATE", "2026", "*"),
    ("Things were different in the past.", REF, "the past", "DATE", "PAST_REF", None),
    ("Prices recently rose.", REF, "recently", "DATE", "PAST_REF", None),
    ("We will see what happens in the future.", REF, "the future", "DATE", "FUTURE_REF", None),
    ("Shares closed yesterday at $5.", REF, "yesterday", "DATE", "2025-01-31", None),
    ("The index is published every week.", REF, "every week", "SET", "P1W", None),
    ("The fee is paid annually.", REF, "annually", "SET", "P1Y", None),
    ("It happened on Oct. 15, 1999, in Paris.", REF, "Oct. 15, 1999", "DATE", "1999-10-15", None),
    ("It happened in mid-November.", REF, "mid-November", "DATE", "2024-11", "MID"),
    ("The strike lasted 2 1/2 years.", REF, "2 1/2 years", "DURATION", "P2Y6M", None),
    ("Last August they attacked.", None, "Last August", "DATE", None, "*"),
    ("He died last Thanksgiving.", dt.date(1999, 12, 1), "last Thanksgiving", "DATE", "1999-11-25", None),
    ("The vote is on Election Day.", dt.date(2024, 10, 1), "Election Day", "DATE", "2024-11-05", None),
    ("Maybe some day they will return.", REF, "some day", "DATE", "FUTURE_REF", None),
    ("The plant runs 24 hours a day.", REF, "24 hours", "DURATION", "PT24H", None),
    ("It costs $5 a day.", REF, "a day", "SET", "P1D", None),
    ("The market closed at 4 p.m. Friday.", REF, "4 p.m. Friday", "TIME", "2025-01-31T16:00", None),
    ("He spoke this morning.", REF, "this morning", "TIME", "2025-02-01TMO", None),
    # a part of a day on a named day is of that day, not of the reference day ("... collapsed at his
    # Los Angeles home at about midday on Thursday." was dated to the day it was published)
    ("He collapsed at about midday on Thursday.", REF, "midday on Thursday", "TIME", "2025-01-30TMI", None),
    (
        "By mid-afternoon on Tuesday the artists were there.",
        REF,
        "mid-afternoon on Tuesday",
        "TIME",
        "2025-01-28TAF",
        None,
    ),
    ("He collapsed at midday on June 25, 2009.", REF, "midday on June 25, 2009", "TIME", "2009-06-25TMI", None),
    ("The board meets each Thursday.", REF, "each Thursday", "SET", "XXXX-WXX-4", None),
    ("Profit fell in the first half of 2024.", REF, "the first half of 2024", "DATE", "2024-H1", None),
    ("Sales in fiscal 1998 rose.", REF, "fiscal 1998", "DATE", "1998", None),
    ("It peaked in the early 1980s.", REF, "the early 1980s", "DATE", "198", "START"),
    (
        "Profit rose in the third quarter. A year ago it fell.",
        dt.date(1989, 11, 2),
        "A year ago",
        "DATE",
        "1988-Q3",
        None,
    ),
    ("The company was founded five years ago.", REF, "five years ago", "DATE", "2020", None),
    ("the talks that ended Tuesday", dt.date(2025, 2, 5), "Tuesday", "DATE", "2025-02-04", None),
    ("The summit will be held Tuesday.", dt.date(2025, 2, 5), "Tuesday", "DATE", "2025-02-11", None),
    ("He was hired in the 1990s.", None, "the 1990s", "DATE", "199", None),
    ("a 6-year-old boy", REF, "", "", None, None),
    # bare months and month-days: one or two months ahead of the reference is upcoming, whatever the verb
    ("It said it would acquire the bank in January.", dt.date(1989, 11, 2), "January", "DATE", "1990-01", None),
    ("The offer was extended to Nov. 16.", dt.date(1989, 10, 30), "Nov. 16", "DATE", "1989-11-16", None),
    ("NATO decided to admit Poland in early March.", dt.date(1999, 2, 10), "early March", "DATE", "1999-03", "START"),
    # ... but further ahead, a past verb puts it in the previous year
    ("Sales slumped in April.", dt.date(1989, 10, 26), "April", "DATE", "1989-04", None),
    ("Sales slumped in July.", dt.date(1989, 2, 10), "July", "DATE", "1988-07", None),
    # no tense at all: a later month than the reference's lies in the previous year
    ("Found off the coast in late November, the boy", dt.date(2000, 1, 6), "late November", "DATE", "1999-11", "END"),
    ("The vote comes in May.", dt.date(1998, 3, 22), "May", "DATE", "1998-05", None),
    # an initial or a title does not end the sentence that carries the tense
    ("Mr. Schwarz will succeed Daniel P. Davison Feb. 1.", dt.date(1989, 10, 26), "Feb. 1", "DATE", "1990-02-01", None),
    # "next to" is a place, not the future
    (
        "The bomb went off next to the U.S. embassy in Nairobi Friday morning.",
        dt.date(1998, 8, 8),
        "Friday morning",
        "TIME",
        "1998-08-07TMO",
        None,
    ),
    # irregular past verbs count as past
    (
        "In January, the company brought in a new chief who will remain chairman.",
        dt.date(1989, 10, 27),
        "January",
        "DATE",
        "1989-01",
        None,
    ),
    # "until <day>" looks ahead; a fronted "Until Thursday, they had ..." does not
    (
        "Officials postponed until Tuesday morning any action.",
        dt.date(2000, 3, 30),
        "Tuesday morning",
        "TIME",
        "2000-04-04TMO",
        None,
    ),
    (
        "The relatives have until 9 a.m. Tuesday to sign.",
        dt.date(2000, 4, 3),
        "9 a.m. Tuesday",
        "TIME",
        "2000-04-04T09:00",
        None,
    ),
    ("Until Thursday, they had not called him a suspect.", dt.date(1999, 5, 7), "Thursday", "DATE", "1999-05-06", None),
    # "a year ago" compares with the recent reporting quarter, not a historical one
    (
        "It stopped paying in the third quarter of 1984. Third-quarter net rose from $66 million a year ago.",
        dt.date(1989, 10, 27),
        "a year ago",
        "DATE",
        "1988-Q3",
        None,
    ),
    # "the quarter ended <day>" is the calendar quarter that day closes
    (
        "It lost $92 million for the quarter ended Sept. 30.",
        dt.date(1989, 11, 1),
        "the quarter",
        "DATE",
        "1989-Q3",
        None,
    ),
    ("It earned $5 million for the quarter.", dt.date(1989, 11, 1), "the quarter", "DATE", "1989-Q3", None),
    ("For the year ended Sept. 30, it earned $422 million.", dt.date(1989, 11, 2), "the year", "DURATION", "P1Y", None),
    # "now" is still a time when not a sentence-initial discourse marker
    ("For now, the department says, he stays.", REF, "now", "DATE", "PRESENT_REF", None),
    ("Iraq now controls 20 percent of the oil.", REF, "now", "DATE", "PRESENT_REF", None),
    # days and weeks named by another date
    (
        "A hearing may come the week of March 6, lawyers said.",
        dt.date(2000, 2, 24),
        "the week of March 6",
        "DATE",
        "2000-W10",
        None,
    ),
    (
        "A hearing may come the week of March 6th.",
        dt.date(2000, 2, 24),
        "the week of March 6th",
        "DATE",
        "2000-W10",
        None,
    ),
    ("They met the weekend of Oct. 3, 1998.", REF, "the weekend of Oct. 3, 1998", "DATE", "1998-W40-WE", None),
    (
        "He was seen on the day before last Tuesday.",
        dt.date(2000, 2, 24),
        "the day before last Tuesday",
        "DATE",
        "2000-02-21",
        None,
    ),
    ("It opened the day after Christmas Eve.", REF, "Christmas Eve", "DATE", "2024-12-24", "*"),
    # a clock time takes the day named right after it, past a parenthesis
    (
        "The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.",
        dt.date(1998, 8, 8),
        "about 10:35 a.m.",
        "TIME",
        "1998-08-07T10:35",
        "APPROX",
    ),
    (
        "He will leave at 4 in the morning (4 a.m. EDT Thursday), Castro said.",
        dt.date(2000, 4, 5),
        "4 in the morning",
        "TIME",
        "2000-04-06T04:00",
        None,
    ),
    ("The shots came at 11 at night.", dt.date(2000, 4, 5), "11 at night", "TIME", "2000-04-05T23:00", None),
    ("He was shot at 10 p.m. (0300 GMT).", dt.date(1998, 10, 24), "10 p.m.", "TIME", "1998-10-24T22:00", None),
    # "can" before a weekday looks ahead, unless a past verb is nearer
    (
        "Mubarak says he has asked the government to resign so he can appoint a new government Saturday.",
        dt.date(2011, 1, 28),
        "Saturday",
        "DATE",
        "2011-01-29",
        None,
    ),
    ("He can't say what happened on Saturday.", dt.date(2011, 1, 27), "Saturday", "DATE", "2011-01-22", None),
    # "due by" and "due to" + a verb look ahead; "due to" a cause does not, nor "had been due to"
    ("Several hundred more troops are due by Friday.", dt.date(2010, 1, 14), "Friday", "DATE", "2010-01-15", None),
    ("The ship is due to arrive on Friday.", dt.date(2010, 1, 14), "Friday", "DATE", "2010-01-15", None),
    ("Flights were cancelled on Friday due to the storm.", dt.date(2010, 1, 13), "Friday", "DATE", "2010-01-08", None),
    ("The offer had been due to expire on Friday.", dt.date(2010, 1, 13), "Friday", "DATE", "2010-01-08", None),
    # a US generic zone ("ET") or a weekday between a clock time and its date does not cut the date off:
    # the time is on the day named, not on the reference day (a blog's "7:01 pm ET February 11, 2013")
    (
        "ie/11BX93W 7:01 pm ET February 11, 2013 RETWEET Could the next pope be from Africa?",
        dt.date(2011, 2, 11),
        "7:01 pm ET February 11, 2013",
        "TIME",
        "2013-02-11T19:01",
        None,
    ),
    (
        "The vote will open at 10 a.m. ET Wednesday.",
        dt.date(2011, 2, 7),
        "10 a.m. ET Wednesday",
        "TIME",
        "2011-02-09T10:00",
        None,
    ),
    (
        "Updated 10:32 a.m. EST, Friday, February 11, 2011.",
        dt.date(2011, 2, 12),
        "10:32 a.m. EST, Friday, February 11, 2011",
        "TIME",
        "2011-02-11T10:32",
        None,
    ),
    # "the latest quarter" is the last one completed, even after another quarter was named
    (
        "Profit should rise in the fourth quarter. Sales in the latest quarter rose 5%.",
        dt.date(1989, 11, 2),
        "the latest quarter",
        "DATE",
        "1989-Q3",
        None,
    ),
    # a modal with a perfect is past: the month day lies before the reference
    (
        "But on April 8, investigators, wondering how he could have emerged, searched.",
        dt.date(1999, 5, 5),
        "April 8",
        "DATE",
        "1999-04-08",
        None,
    ),
    ("On June 8, he will announce it.", dt.date(1999, 5, 5), "June 8", "DATE", "1999-06-08", None),
    # the tense comes from the expression's own clause, not from a verb past a comma (T17 sentences)
    (
        "UN Secretary General Ban Ki-moon, who is due to visit Haiti on Sunday, said distribution was under way.",
        dt.date(2010, 1, 16),
        "Sunday",
        "DATE",
        "2010-01-17",
        None,
    ),
    (
        "Bob Dudley, who will replace Tony Hayward as CEO on October 1, said safety would be a priority.",
        dt.date(2010, 7, 27),
        "October 1",
        "DATE",
        "2010-10-01",
        None,
    ),
    (
        "The cap, which was mounted on the well Monday, will be used to shut in the oil, Allen said.",
        dt.date(2010, 7, 15),
        "Monday",
        "DATE",
        "2010-07-12",
        None,
    ),
    (
        "An EU meeting will discuss possible travel restrictions on Thursday, she added.",
        dt.date(2009, 4, 28),
        "Thursday",
        "DATE",
        "2009-04-30",
        None,
    ),
    # ... but decides when that clause has none
    ("On Sunday, he said the talks would go on.", dt.date(2010, 1, 15), "Sunday", "DATE", "2010-01-10", None),
    # "May" is a month, not a modal: past months stay in the reference's year (T17 sentences)
    (
        "20 April: Deepwater Horizon rig explodes 8 May: Giant metal dome fails to cap leak 2 June: inquiry begins",
        dt.date(2010, 9, 8),
        "2 June",
        "DATE",
        "2010-06-02",
        None,
    ),
    (
        "Unfortunately in the protests in April and May there was violence.",
        dt.date(2011, 1, 28),
        "April",
        "DATE",
        "2010-04",
        None,
    ),
    # "due" as a cause, or a plan given up, looks nowhere
    (
        "In early May, the cofferdam failed due to a build up of crystallised gas.",
        dt.date(2010, 8, 3),
        "early May",
        "DATE",
        "2010-05",
        "START",
    ),
    (
        "Wilson had been due to spend his Easter holidays on the Scilly Isles.",
        dt.date(2010, 6, 24),
        "Easter holidays",
        "DATE",
        "2010-W13",  # the holidays around Easter (4 April 2010), no one day
        None,
    ),
    # "since" a few words back still looks back
    (
        "On Friday, Obama will make his third trip to the region since the fatal April 20 explosion on the rig.",
        dt.date(2010, 6, 4),
        "April 20",
        "DATE",
        "2010-04-20",
        None,
    ),
    # an adverb between "be" and a participle keeps it a participle
    (
        "The report is scheduled to be officially released on Wednesday.",
        dt.date(2010, 11, 16),
        "Wednesday",
        "DATE",
        "2010-11-17",
        None,
    ),
    # a hyphenated "-ed" word is an adjective, not a past verb
    (
        "The oil giant will try to plug the leaking well in a so-called top kill operation on Wednesday.",
        dt.date(2010, 5, 25),
        "Wednesday",
        "DATE",
        "2010-05-26",
        None,
    ),
    # a verb the expression follows with only a preposition between governs it (T17 sentences)
    (
        "The top kill procedure launched on Wednesday will choke off the well, BP said.",
        dt.date(2010, 5, 27),
        "Wednesday",
        "DATE",
        "2010-05-26",
        None,
    ),
    # a bracketed aside does not end the clause
    (
        "BP said at around 1800 CDT (2300 GMT) on Wednesday that it will take 24 hours to know.",
        dt.date(2010, 5, 27),
        "Wednesday",
        "DATE",
        "2010-05-26",
        None,
    ),
    # "would not comment" reports a refusal
    (
        "The company would not comment in April on whether methane caused the blast.",
        dt.date(2010, 7, 7),
        "April",
        "DATE",
        "2010-04",
        None,
    ),
    # a plan for a day: "planned for", "set for", "organizing ... for" (T17 sentences)
    (
        "Mass protests planned for Friday as Mubarak holds on.",
        dt.date(2011, 2, 3),
        "Friday",
        "DATE",
        "2011-02-04",
        None,
    ),
    ("He has a status hearing set for Friday.", dt.date(2010, 12, 15), "Friday", "DATE", "2010-12-17", None),
    (
        "Demonstrators also told CNN on Monday that they were organizing a similar march in Alexandria for Tuesday.",
        dt.date(2011, 1, 31),
        "Tuesday",
        "DATE",
        "2011-02-01",
        None,
    ),
    # "this weekend" written on a Sunday is that weekend, even before a verb of the future (T17)
    (
        "With the failure this weekend of BP's top kill attempt, fears are growing that the impact can only spread.",
        dt.date(2010, 5, 30),
        "this weekend",
        "DATE",
        "2010-W21-WE",
        None,
    ),
    # "due to" and a verb: a plan (T17)
    (
        "Mr Obama is due to make his second visit to the Gulf of Mexico region on Friday.",
        dt.date(2010, 5, 26),
        "Friday",
        "DATE",
        "2010-05-28",
        None,
    ),
    # a bare weekday that names the day after the reference is that day, not six days back ("last
    # Friday" is), whatever the tense: a plan, or the next day's news filed under the reference (T17)
    (
        "President Obama arrived Friday in the Gulf, where he planned to tour a beach.",
        dt.date(2010, 5, 27),
        "Friday",
        "DATE",
        "2010-05-28",
        None,
    ),
    (
        "Friday's trip was the president's second to the coast.",
        dt.date(2010, 5, 27),
        "Friday",
        "DATE",
        "2010-05-28",
        None,
    ),
    ("He left last Friday.", dt.date(2010, 5, 27), "last Friday", "DATE", "2010-05-21", None),
    # ... but a disaster named by its day has happened (written on Monday 18 January; T17)
    (
        "Downing Street said more than 60 Britons were safe and well after Tuesday's 7.0-magnitude earthquake.",
        dt.date(2010, 1, 18),
        "Tuesday",
        "DATE",
        "2010-01-12",
        None,
    ),
    (
        "Police are investigating Saturday\u2019s deadly crash.",
        dt.date(2010, 1, 22),
        "Saturday",
        "DATE",
        "2010-01-16",
        None,
    ),
    ("Tuesday's planned protests were called off.", dt.date(2010, 1, 18), "Tuesday", "DATE", "2010-01-19", None),
    # a day's occasion four to six days back is mostly still ahead (T17: 14 of 15), three back is past
    (
        "The Hollywood Foreign Press Association, organisers of Sunday's Golden Globe awards, have pledged $100,000.",
        dt.date(2010, 1, 15),
        "Sunday",
        "DATE",
        "2010-01-17",
        None,
    ),
    (
        "McKay did not offer much new ahead of Thursday's testimony by BP's chief executive.",
        dt.date(2010, 6, 15),
        "Thursday",
        "DATE",
        "2010-06-17",
        None,
    ),
    ("Today the institute published a paper.", dt.date(2010, 1, 13), "Today", "DATE", "2010-01-13", None),
    ("Figures released today show a rise.", dt.date(2010, 1, 13), "today", "DATE", "2010-01-13", None),
    ("Its bill is up from Friday's figure of $2.35 bn.", dt.date(2010, 6, 28), "Friday", "DATE", "2010-06-25", None),
    ("Tuesday's earthquake killed tens of thousands.", dt.date(2010, 1, 17), "Tuesday", "DATE", "2010-01-12", None),
    # a weekday after "by" is a deadline: a modal or an aim puts it ahead (T17: all 27 such changes
    # right), a past or a past perfect behind
    (
        "Adm Mike Mullen said 9-10,000 troops would be in or off Haiti by Monday.",
        dt.date(2010, 1, 15),
        "Monday",
        "DATE",
        "2010-01-18",
        None,
    ),
    (
        "The groupings then hoped to get relief supplies into Haiti by Thursday or Friday.",
        dt.date(2010, 1, 13),
        "Friday",
        "DATE",
        "2010-01-15",
        None,
    ),
    ("Officials say the well could be sealed by Sunday.", dt.date(2010, 9, 15), "Sunday", "DATE", "2010-09-19", None),
    ("The company had hoped to finish by Friday.", dt.date(2010, 1, 13), "Friday", "DATE", "2010-01-08", None),
    ("The slick had reached the coast by Friday.", dt.date(2010, 1, 13), "Friday", "DATE", "2010-01-08", None),
    ("He said troops would arrive on Monday.", dt.date(2010, 1, 15), "Monday", "DATE", "2010-01-11", None),
    # the plan right before the day outweighs a past verb after it
    (
        "Shares in BP gained 4.7 percent on Thursday as a call planned for Friday gave hope of an update.",
        dt.date(2010, 6, 3),
        "Friday",
        "DATE",
        "2010-06-04",
        None,
    ),
    # a participle right after the day modifies a noun of the clause whose verb is the future one
    (
        "Tony Hayward will face a separate House hearing on Thursday devoted to the disaster.",
        dt.date(2010, 6, 15),
        "Thursday",
        "DATE",
        "2010-06-17",
        None,
    ),
    (
        "Hayward will meet Obama at the White House on Wednesday prepared to offer concessions.",
        dt.date(2010, 6, 14),
        "Wednesday",
        "DATE",
        "2010-06-16",
        None,
    ),
    # ... but not across a subordinate clause ("after lawmakers in July voted"), nor a finite past verb
    (
        "The U.S. will ban BP from drilling after lawmakers on Thursday voted to pass an amendment.",
        dt.date(2010, 10, 1),
        "Thursday",
        "DATE",
        "2010-09-30",
        None,
    ),
    (
        "His announcement that he was going to dissolve the government Saturday did not sit well.",
        dt.date(2011, 1, 30),
        "Saturday",
        "DATE",
        "2011-01-29",
        None,
    ),
    # a holiday's weekend, holidays or break are no one day; "Easter Sunday" is one expression
    (
        "They came back from Mexico over the Easter holidays.",
        dt.date(2009, 4, 28),
        "Easter holidays",
        "DATE",
        "2009-W15",
        None,
    ),
    ("On Easter Sunday, he spoke.", dt.date(2009, 4, 28), "Easter Sunday", "DATE", "2009-04-12", None),
    ("Traffic rose over the Easter weekend.", dt.date(2009, 4, 28), "Easter weekend", "DATE", "2009-W15-WE", None),
    (
        "The blowout preventer was raised from the sea over Labor Day weekend.",
        dt.date(2010, 9, 8),
        "Labor Day weekend",
        "DATE",
        "2010-W35-WE",  # 4-6 September, the weekend before the Monday
        None,
    ),
    (
        "He spent the Memorial Day holiday golfing.",
        dt.date(2010, 6, 19),
        "Memorial Day holiday",
        "DATE",
        "2010-05-31",
        None,
    ),
    # a holiday a few days away is this year's, whatever the tense
    (
        "Critics, smarting over the criticism Bush fielded, say Obama's trip over Memorial Day is poorly timed.",
        dt.date(2010, 5, 27),
        "Memorial Day",
        "DATE",
        "2010-05-31",
        None,
    ),
    (
        "Reports cite 70 percent declines in hotel occupancy over Memorial Day and other signals.",
        dt.date(2010, 6, 3),
        "Memorial Day",
        "DATE",
        "2010-05-31",
        None,
    ),
    (
        "Off to Tampa for a long Thanksgiving break.",
        dt.date(2010, 11, 17),
        "Thanksgiving break",
        "DATE",
        "2010-W47",
        None,
    ),
    # irregular past forms
    (
        "Its shares slid 8 percent on Thursday, and it will face more claims.",
        dt.date(2010, 10, 29),
        "Thursday",
        "DATE",
        "2010-10-28",
        None,
    ),
]


@pytest.mark.parametrize("text,ref,span,typ,value,mod", CASES)
def test_case(text: str, ref: dt.date | None, span: str, typ: str, value: str | None, mod: str | None) -> None:
    found = find_timexes(text, ref)
    if not span:
        assert found == [], found
        return
    hits = [t for t in found if t.text == span]
    assert hits, f"{span!r} not found in {[t.text for t in found]}"
    t = hits[0]
    assert text[t.start : t.end] == t.text
    assert (t.type, t.value) == (typ, value)
    if mod != "*":
        assert t.mod == mod


def test_relative_without_reference_is_anchored() -> None:
    t = find_timexes("Last August they attacked.")[0]
    assert t.value is None and t.anchored
    a = find_timexes("They attacked in August 2024.")[0]
    assert a.value == "2024-08" and not a.anchored


NEGATIVES = [
    "A spokesman said they may have pulled out.",
    "We have not commented.",
    "It was the second attempt to reach the border.",
    "out of some 11,000 troops sent from North Korea, 1,000 had been killed",
    "The ticket cost $2000 and 50% of buyers complained.",
    "seizing more than 1,000 sq km (386 sq miles) of territory",
    "Thousands of protesters march through the capital.",
    "They will march on the capital.",
    "Prices fall in the spring of discontent.",
    "He took a second look.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_false_positives(text: str) -> None:
    bad = {"may", "we", "second", "11,000", "1,000", "2000", "$2000", "50%", "386", "march", "fall"}
    found = [t.text.lower() for t in find_timexes(text, REF)]
    assert not bad.intersection(found), found


# (text, a span that must not be found)
ABSENT = [
    ('Now, he says, "it looks like the end."', "Now"),
    ("Control Data had losses.\n\nNow, following asset sales, it is healthy.", "Now"),
    ("The economy has been creating jobs at a rate of 358,000 a month.", "a month"),
    ("This will add nearly 700 seats a week on the route.", "a week"),
    ("guards outside every office, 24 hours a day, let it be done", "a day"),
    # four digits before a time zone or "local time" are a 24-hour clock time, not a year (T17)
    ("The procedure began at 1300 local time (1800 GMT), shortly after approval.", "1800"),
    ("This was completed at 1930 CDT on 1 June.", "1930"),
    ("The curfew starts at 2000 local time.", "2000"),
    # a programme's name is no date (T17: 31 such, all programmes)
    ("Speaking on BBC Radio 4's Today programme, he said the spill was serious.", "Today"),
    ("Tony Hayward told NBC's Today show that BP was responsible.", "Today"),
    ("The Today program's John Humphrys became frantic.", "Today"),
]


@pytest.mark.parametrize("text,span", ABSENT)
def test_absent(text: str, span: str) -> None:
    found = [t.text for t in find_timexes(text, REF)]
    assert span not in found, found


def test_sorted_no_overlap() -> None:
    text = "Last week, in late 2024 and on Friday, three months ago, the past three weeks and now."
    found = find_timexes(text, REF)
    assert [t.start for t in found] == sorted(t.start for t in found)
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start


@pytest.mark.parametrize(
    "value,interval",
    [
        ("2024", (dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
        ("2024-08", (dt.date(2024, 8, 1), dt.date(2024, 8, 31))),
        ("2024-Q3", (dt.date(2024, 7, 1), dt.date(2024, 9, 30))),
        ("2024-SU", (dt.date(2024, 6, 1), dt.date(2024, 8, 31))),
        ("2024-W05", (dt.date(2024, 1, 29), dt.date(2024, 2, 4))),
        ("2024-08-15", (dt.date(2024, 8, 15), dt.date(2024, 8, 15))),
        ("2024-H2", (dt.date(2024, 7, 1), dt.date(2024, 12, 31))),
        ("199", (dt.date(1990, 1, 1), dt.date(1999, 12, 31))),
        ("PRESENT_REF", None),
        ("P3M", None),
    ],
)
def test_to_interval(value: str, interval: tuple[dt.date, dt.date] | None) -> None:
    assert to_interval(value) == interval


@pytest.mark.parametrize(
    "value,prec",
    [
        ("2024", "year"),
        ("2024-08", "month"),
        ("2024-Q3", "quarter"),
        ("2024-SU", "season"),
        ("2024-W05", "week"),
        ("2024-08-15", "day"),
        ("2024-H1", "half"),
        ("199", "decade"),
        ("20", "century"),  # "the 21st century": 2000-2099
        ("19XX", "century"),
    ],
)
def test_precision_of(value: str, prec: str) -> None:
    assert precision_of(value) == prec


def test_labels_of_decades_and_centuries() -> None:
    from digest.timeline import human_date

    assert human_date("199", "decade") == "the 1990s"
    assert human_date("20", "century") == "the 21st century"  # was "the 200s"
    assert human_date("19", "century") == "the 20th century"
    assert human_date("10", "century") == "the 11th century"


@pytest.mark.parametrize(
    ("text", "reference", "value"),
    [
        # "2009-WI" is the winter that starts in December 2009: from June 2009 the coming winter
        # (it was 2010-WI, a winter a year later), from February 2010 the one under way
        ("Officials expect more cases this winter.", dt.date(2009, 6, 11), "2009-WI"),
        ("Swine flu could do more damage once the winter flu season starts.", dt.date(2009, 6, 11), "2009-WI"),
        ("Last winter was very cold.", dt.date(2009, 6, 11), "2008-WI"),
        ("Officials expect more cases this winter.", dt.date(2010, 2, 10), "2009-WI"),
        ("The virus could return next winter.", dt.date(2010, 2, 10), "2010-WI"),
        # this year's summer, before or after it ("this summer" in TimeBank)
        ("Protesters pledge to block roads this summer.", dt.date(1998, 3, 22), "1998-SU"),
        ("The stock began trading this summer at $14 apiece.", dt.date(1989, 11, 1), "1989-SU"),
        ("Cases rose last summer.", dt.date(1989, 11, 1), "1989-SU"),
        # ... but a season before a function word or a verb is one
        ("The winter was cold.", dt.date(2009, 4, 28), "2008-WI"),
        ("Last winter vaccine supplies ran out.", dt.date(2009, 4, 28), "2008-WI"),
    ],
)
def test_a_season_resolves_to_the_one_meant(text: str, reference: dt.date, value: str) -> None:
    (timex,) = find_timexes(text, reference)
    assert timex.value == value


@pytest.mark.parametrize(
    "text",
    [
        "It might not be much worse than a bad normal winter of flu.",
        "Every winter, flu kills thousands of people.",
        "Each summer the city floods.",
        # a season qualifying a noun is a kind of thing (T17, H1N1: "winter 2008-09" in a key point)
        "Britain will offer the seasonal, winter vaccine as usual.",
        "Sales fall in winter months.",
        # a capitalised season in a name (T17, MJ: "Winter 2008-09" for the coroner's spokesman)
        "County coroner assistant chief Ed Winter did not discuss the reasons for the delay.",
        "He won gold at the Vancouver Winter Olympics.",
        "The band played Summer Sundae, the Leicester festival.",
    ],
)
def test_a_season_in_general_is_no_date(text: str) -> None:
    assert find_timexes(text, dt.date(2009, 6, 11)) == []


@pytest.mark.parametrize(
    "text",
    ["Swine flu could return in Autumn, experts warn.", "Swine Flu Could Return In Autumn, Experts Warn"],
)
def test_a_capitalised_season_after_a_temporal_word_is_a_date(text: str) -> None:
    assert [(t.text, t.value) for t in find_timexes(text, dt.date(2009, 6, 11))] == [("Autumn", "2009-FA")]


def test_a_winter_is_labelled_with_both_its_years() -> None:
    from digest.timeline import human_date

    assert human_date("2009-WI", "season") == "winter 2009–10"
    assert human_date("1999-WI", "season", "START") == "early winter 1999–00"
    assert human_date("2009-SU", "season") == "summer 2009"


def test_a_weekend_is_labelled_with_its_days() -> None:
    # "over the weekend" (2010-W23-WE) was labelled "week of 12 June 2010", a Saturday
    from digest.timeline import human_date

    assert human_date("2010-W23-WE", "week") == "weekend of 12–13 June 2010"
    assert human_date("2009-W53-WE", "week") == "weekend of 2–3 January 2010"
    assert human_date("2010-W23", "week") == "week of 7 June 2010"


def test_a_part_of_a_day_is_labelled_as_on_that_day() -> None:
    # "the explosion late Tuesday" was shown as "late 20 April 2010"
    from digest.timeline import human_date

    assert human_date("2010-04-20", "day", "END") == "late on 20 April 2010"
    assert human_date("2010-04-20", "day", "START") == "early on 20 April 2010"
    assert human_date("2010-04-20", "day") == "20 April 2010"
    assert human_date("2010-04", "month", "END") == "late April 2010"


# 11 February 2011 was a Friday: the Sunday before it is 6 February, the one after it 13 February.
@pytest.mark.parametrize(
    "text,span,value",
    [
        ("Go back to your work on Sunday.", "Sunday", "2011-02-13"),
        # a tweet quoted in T17 (CNN, 11 and 12 February 2011): work resumed on 13 February
        (
            'Ghonim wrote on his Twitter account, "Dear Egyptians, Go back to your work on Sunday, '
            'work like never before and help Egypt become a developed country."',
            "Sunday",
            "2011-02-13",
        ),
        ("Please come on Monday.", "Monday", "2011-02-14"),
        ("Egyptians, please vote on Tuesday.", "Tuesday", "2011-02-15"),
        ("Vote on Tuesday.", "Tuesday", "2011-02-15"),
        ("Don't go out on Sunday, police told residents.", "Sunday", "2011-02-13"),
        ("Let's meet on Monday.", "Monday", "2011-02-14"),
        ('He told them: "Stay home on Sunday."', "Sunday", "2011-02-13"),
        ("Register by Monday.", "Monday", "2011-02-14"),
    ],
)
def test_a_weekday_an_imperative_asks_for_is_the_coming_one(text: str, span: str, value: str) -> None:
    hits = [t for t in find_timexes(text, dt.date(2011, 2, 11)) if t.text == span]
    assert [t.value for t in hits] == [value]


@pytest.mark.parametrize(
    "text,span,value",
    [
        ("He went back to work on Sunday.", "Sunday", "2011-02-06"),
        ("Return flights resumed on Sunday.", "Sunday", "2011-02-06"),
        ("Help arrived on Monday.", "Monday", "2011-02-07"),
        ("Report on Monday said the talks had failed.", "Monday", "2011-02-07"),
        ("Remember what happened on Sunday.", "Sunday", "2011-02-06"),
        ('"Come back," he said on Monday.', "Monday", "2011-02-07"),
        ('An analyst raised his rating to "buy back" on Monday.', "Monday", "2011-02-07"),
    ],
)
def test_a_weekday_told_of_in_the_past_stays_past_beside_an_imperatives_look_alike(
    text: str, span: str, value: str
) -> None:
    hits = [t for t in find_timexes(text, dt.date(2011, 2, 11)) if t.text == span]
    assert [t.value for t in hits] == [value]


# 14 June 2010 was a Monday.
@pytest.mark.parametrize(
    "text,expected",
    [
        ("The virus was found on 25 June last year.", [("25 June last year", "2009-06-25")]),
        ("It was found on June 25 of last year.", [("June 25 of last year", "2009-06-25")]),
        ("The vote is on 3 March next year.", [("3 March next year", "2011-03-03")]),
        ("The plant opened on 2 May this year.", [("2 May this year", "2010-05-02")]),
        ("It happened in March last year.", [("March last year", "2009-03")]),
        ("It happened in June of last year.", [("June of last year", "2009-06")]),
        ("Prices rose in March of this year.", [("March of this year", "2010-03")]),
        ("The law took effect on the 25th of last month.", [("the 25th of last month", "2010-05-25")]),
        ("The law took effect on the 3rd last month.", [("the 3rd last month", "2010-05-03")]),
        ("The law takes effect on the first of next month.", [("the first of next month", "2010-07-01")]),
    ],
)
def test_a_day_or_month_followed_by_a_year_or_month_named_from_the_reference_is_one_date(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(t.text, t.value) for t in find_timexes(text, dt.date(2010, 6, 14))] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("He died on June 25, last year's winner said.", [("June 25", "2010-06-25"), ("last year", "2009")]),
        ("They met on June 25 and last year.", [("June 25", "2010-06-25"), ("last year", "2009")]),
        ("It was the second this month.", [("this month", "2010-06")]),
    ],
)
def test_a_day_is_not_joined_to_a_year_or_month_named_across_other_words(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(t.text, t.value) for t in find_timexes(text, dt.date(2010, 6, 14))] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Growth slowed in the last decade of the 20th century.", [("the last decade of the 20th century", "199")]),
        ("It was built in the first decade of the 21st century.", [("the first decade of the 21st century", "200")]),
        (
            "Prices fell in the final decade of the nineteenth century.",
            [("the final decade of the nineteenth century", "189")],
        ),
        ("Jazz spread in the third decade of the 20th century.", [("the third decade of the 20th century", "192")]),
    ],
)
def test_a_numbered_decade_of_a_named_century_is_that_decade(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in find_timexes(text, dt.date(2010, 6, 14))] == expected


@pytest.mark.parametrize(
    "text", ["It grew in the last years of the 20th century.", "It grew in the first years of the 21st century."]
)
def test_the_first_or_last_years_of_a_century_name_no_decade(text: str) -> None:
    found = find_timexes(text, dt.date(2010, 6, 14))
    assert not [t for t in found if t.value and precision_of(t.value) == "decade"], found


@pytest.mark.parametrize(
    "reference,value",
    [
        (dt.date(2010, 6, 13), "2010-W23"),  # a Sunday: the week just ending, 7-13 June
        (dt.date(2010, 6, 12), "2010-W22"),  # a Saturday: the week before the one under way
        (dt.date(2010, 6, 14), "2010-W23"),  # a Monday: the week just ended
    ],
)
def test_last_week_written_on_a_sunday_is_the_week_just_ending(reference: dt.date, value: str) -> None:
    found = find_timexes("BP said last week it would suspend its dividend.", reference)
    assert [(t.text, t.value) for t in found] == [("last week", value)]


# TimeBank's convention (Sunday 22 March 1998: "two weeks ago" 1998-03-08; Sunday 1 March 1998 and
# Thursday 6 January 2000: "six weeks ago" a week; "five months ago" a month): up to two weeks back is
# a day, further back a week.
@pytest.mark.parametrize(
    "text,value",
    [
        ("Talks resumed two weeks ago.", "2010-05-31"),
        ("Talks resumed a week ago.", "2010-06-07"),
        ("Talks resumed six weeks ago.", "2010-W18"),
        ("Talks resumed five months ago.", "2010-01"),
        ("Talks resumed two years ago.", "2008"),
    ],
)
def test_a_span_counted_back_is_dated_at_the_precision_timebank_gives_it(text: str, value: str) -> None:
    (timex,) = find_timexes(text, dt.date(2010, 6, 14))
    assert timex.value == value


def test_import_is_cheap() -> None:
    import subprocess
    import sys

    code = "import sys, digest.timex; print('torch' in sys.modules or 'dateparser' in sys.modules)"
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
    assert time.perf_counter() - t0 < 2.0


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Feb. 30, 2020",
        "the 0th century",
        "2 1/0 years",
        "Thursday, February 30",
        "12 p.m. Dec. 32",
        "99999999999999999999 days ago",
        "1,000,000 years ago",
        "every 1/0 days",
        "Q5 2024",
    ],
)
@pytest.mark.parametrize("ref", [REF, dt.date(2024, 2, 29), dt.date(1, 1, 1), dt.date(9999, 12, 31), None])
def test_never_raises(text: str, ref: dt.date | None) -> None:
    for t in find_timexes(text, ref):
        assert text[t.start : t.end] == t.text
        assert t.value is None or not t.value.startswith("-")


def test_find_in_sentences_skips_only_sentences_that_name_no_day() -> None:
    """The day-cue prefilter never hides a day-precise expression the tagger would find, over
    the seed-like sentences of this file's table; and groups keep their own reference date."""
    texts = [case[0] for case in CASES]
    for text in texts:
        if not may_name_day(text):
            found = find_timexes(text, dt.date(2025, 1, 10))
            assert not [t for t in found if t.value and re.match(r"\d{4}-\d{2}-\d{2}", t.value)], text
    groups = [(["Troops left on Friday.", "No date here at all.", "They arrived in November."], dt.date(2025, 1, 10))]
    groups.append((["Troops left on Friday."], dt.date(2024, 3, 6)))
    got = find_in_sentences(groups)
    assert got[0][1] == []
    assert got[0][0] == find_timexes("Troops left on Friday.", dt.date(2025, 1, 10))
    assert got[1][0] == find_timexes("Troops left on Friday.", dt.date(2024, 3, 6)) != got[0][0]
    asked: list[str] = []

    def many(items):  # type: ignore[no-untyped-def]
        asked.extend(text for text, _ref in items)
        return [find_timexes(text, ref) for text, ref in items]

    assert find_in_sentences(groups, find_many=many) == got
    assert "No date here at all." not in asked


@pytest.mark.parametrize(
    "text,reference,span,value",
    [
        # a Wednesday: the Tuesday of the week before, not the day before
        ("200,000 people died in last Tuesday's quake.", dt.date(2010, 1, 20), "last Tuesday", "2010-01-12"),
        ("I saw him last Thursday, he was fine then.", dt.date(2009, 5, 1), "last Thursday", "2009-04-23"),
        (
            "He was seen on the day before last Tuesday.",
            dt.date(2010, 1, 20),
            "the day before last Tuesday",
            "2010-01-11",
        ),
        # two days back and further: the most recent such weekday
        ("We watched history being made last Friday.", dt.date(2011, 2, 13), "last Friday", "2011-02-11"),
        ("It shut the leak last Thursday.", dt.date(2010, 7, 19), "last Thursday", "2010-07-15"),
        # the same weekday: a week back
        ("He left last Wednesday.", dt.date(2010, 1, 20), "last Wednesday", "2010-01-13"),
    ],
)
def test_last_weekday_of_the_day_before_the_reference_is_the_one_a_week_earlier(
    text: str, reference: dt.date, span: str, value: str
) -> None:
    found = find_timexes(text, reference)
    assert [(t.text, t.value) for t in found] == [(span, value)]


def test_this_past_weekday_of_the_day_before_the_reference_is_the_day_before() -> None:
    found = find_timexes("He spoke this past Sunday.", dt.date(2010, 6, 7))
    assert [(t.text, t.value) for t in found] == [("this past Sunday", "2010-06-06")]
