"""Word lists and small parsers shared by detection and resolution (no heavy imports)."""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_ORDER = ["SP", "SU", "FA", "WI"]  # winter last: it starts in December

ONES: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
VAGUE_QUANT = {
    "several",
    "few",
    "a few",
    "some",
    "many",
    "couple",
    "a couple",
    "a couple of",
    "couple of",
    "dozens of",
    "numerous",
    "various",
}

# Unit word -> (TimeML duration letter, is_time_unit)
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True),
    "minute": ("M", True),
    "hour": ("H", True),
    "day": ("D", False),
    "night": ("D", False),
    "week": ("W", False),
    "weekend": ("WE", False),
    "fortnight": ("W", False),
    "month": ("M", False),
    "quarter": ("Q", False),
    "year": ("Y", False),
    "decade": ("DE", False),
    "century": ("CE", False),
    "centurie": ("CE", False),
}

# --- regex fragments (no capturing groups) ---------------------------------------------------------
_ONES_RE = "|".join(sorted(ONES, key=len, reverse=True))
_TENS_RE = "|".join(TENS)
NUMWORD = rf"(?:(?:{_TENS_RE})(?:[\s-](?:{_ONES_RE}))?|{_ONES_RE}|a\s+hundred|hundred|a\s+dozen|dozen)"
NUMWORDS = rf"(?:{NUMWORD}(?:[\s-](?:hundred|thousand)(?:\s+(?:and\s+)?{NUMWORD})?)?)"
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+\d/\d)?"
QUANT = r"(?:a\s+few|a\s+couple\s+of|a\s+couple|couple\s+of|several|few|some|many|dozens\s+of|numerous)"
NUM = rf"(?:{DIGITS}|{NUMWORDS}|{QUANT}|an?)"


def _cap(words: list[str]) -> str:
    """Case-sensitive alternation of Capitalized and UPPER forms."""
    forms: list[str] = []
    for w in sorted(words, key=len, reverse=True):
        forms.append(w.capitalize())
        forms.append(w.upper())
    return "(?-i:" + "|".join(forms) + ")"


_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("june", "july", "may")]
_ABBR_MONTHS = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec"]
MONTH = rf"(?:{_cap(_FULL_MONTHS)}|{_cap(_ABBR_MONTHS)}\.)"
# abbreviations without dot only before a day number (handled in the date patterns)
MONTH_LOOSE = rf"(?:{_cap(_FULL_MONTHS)}|{_cap(_ABBR_MONTHS)}\.?)"
WEEKDAY = _cap(list(WEEKDAYS))
SEASON = r"(?:spring|summer|fall|autumn|winter)"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
DAYORD = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
    r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[\s-]first|"
    r"twenty[\s-]second|twenty[\s-]third|twenty[\s-](?:fourth|fifth|sixth|seventh|eighth|ninth)|"
    r"thirtieth|thirty[\s-]first)"
)
YEAR4 = r"(?:1[89]\d\d|20\d\d)"
SPELLED_YEAR = (
    rf"(?:(?:nineteen|eighteen|twenty)[\s-](?:(?:{_TENS_RE})(?:[\s-](?:{_ONES_RE}))?|ten|eleven|twelve|thirteen|"
    rf"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|oh[\s-](?:{_ONES_RE}))"
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{_ONES_RE}))?)"
)
YEAR = rf"(?:{YEAR4}|{SPELLED_YEAR})"
UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|"
    r"decades?|century|centuries)"
)


def parse_number(s: str) -> float | None:
    """Parse a number written in digits or words; None for vague quantities ('several')."""
    s = s.lower().strip().replace(",", "")
    if not s:
        return None
    if s in ("a", "an", "one"):
        return 1.0
    if s in ("a couple of", "a couple", "couple of", "couple"):
        return 2.0
    if s in VAGUE_QUANT or s.startswith("a few") or s.startswith("several"):
        return None
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s+(\d)/(\d))?", s)
    if m:
        v = float(m.group(1))
        if m.group(2):
            v += int(m.group(2)) / int(m.group(3))
        return v
    total = 0
    cur = 0
    seen = False
    for tok in re.split(r"[\s-]+", s):
        if tok == "and" or tok == "a":
            if tok == "a":
                cur = max(cur, 1)
            continue
        if tok in ONES:
            cur += ONES[tok]
        elif tok in TENS:
            cur += TENS[tok]
        elif tok in ("hundred",):
            cur = max(cur, 1) * 100
        elif tok == "dozen":
            cur = max(cur, 1) * 12
        elif tok == "thousand":
            total += max(cur, 1) * 1000
            cur = 0
        else:
            return None
        seen = True
    if not seen:
        return None
    return float(total + cur)


def parse_year(s: str) -> int | None:
    s = s.lower().strip()
    if re.fullmatch(r"\d{4}", s):
        return int(s)
    m = re.fullmatch(r"(nineteen|eighteen|twenty)[\s-](.+)", s)
    if m:
        century = {"nineteen": 1900, "eighteen": 1800, "twenty": 2000}[m.group(1)]
        rest = m.group(2).replace("oh ", "").replace("oh-", "")
        n = parse_number(rest)
        return century + int(n) if n is not None and n < 100 else None
    m = re.fullmatch(r"two\s+thousand(?:\s+(?:and\s+)?(\w+))?", s)
    if m:
        return 2000 + (ONES.get(m.group(1) or "", 0))
    return None


def parse_dayord(s: str) -> int | None:
    s = s.lower().strip()
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", s)
    if m:
        return int(m.group(1))
    parts = re.split(r"[\s-]+", s)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ORDINALS:
        return TENS[parts[0]] + ORDINALS[parts[1]]
    return ORDINALS.get(s)


def month_of(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]
