"""Who says it: the attribution of a statement ("Western officials to the BBC").

Rule-based, on the reporting frames news prose uses:

- "X told / has told / revealed to / said to Y ..."  -> "X to Y"
- "according to X, ..."                               -> "X"
- "citing X" / "quoted X as saying"                   -> "X"
- "reports attributed to X"                           -> "X"
- "X said / says / stated / reported / confirmed / estimated ..." -> "X"
- "X is reporting / saying ..."                       -> "X"
- "..., X said on Monday."                            -> "X"

X is the noun phrase before the reporting verb, trimmed of leading adverbials
("Last week, ", "Separately, ") and of trailing participle or relative clauses
("Ukrainian special forces fighting in Russia's western Kursk region" ->
"Ukrainian special forces"). Pronouns are not attributions.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from digest.text import DATE_LABEL

_SPEECH = (
    r"(?:told|tells|tell|revealed to|said to|explained to|confirmed to|speaking to|talking to|"
    r"have told|has told|had told|have said to)"
)
_SAY = (
    r"(?:said|says|say|stated|states|reported|reports|confirmed|confirms|estimated|estimates|claimed|claims|"
    r"announced|announces|warned|added|noted|believes|believe|suggested|revealed)"
)
_TO = re.compile(
    rf"^(?P<who>.+?)\s+(?:also\s+)?{_SPEECH}\s+(?P<to>the\s+[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*)*|[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*)*)"
)
_ACCORDING = re.compile(
    r"\baccording to\s+(?P<who>(?:[^,.;]|(?<=(?-i:[A-Z]))\.(?=\s*[A-Za-z]))+)", re.I
)  # "U.S." goes on
_CITING = re.compile(r"\b(?i:citing|quoted|quoting)\s+(?P<who>.+?)(?:\s+as saying\b|,|;|\.(?=\s+[A-Z]|$)|$)")
_ATTRIBUTED = re.compile(r"\battributed to\s+(?P<who>.+?)\s+(?:say|says|said|suggest|show)\b", re.I)
_SAYING = r"(?:is|are|was|were|has been|have been)\s+(?:reporting|saying|claiming|estimating|predicting|warning)"
# The subject may hold one parenthesis between commas: "The company's chief executive, Tony Hayward, said".
_SUBJECT_SAYS = re.compile(
    rf"^(?P<who>[^,]+?(?:,[^,]{{1,60}},)?)\s+(?:(?:have|has|had)\s+)?(?:also\s+)?(?:{_SAY}|{_SAYING})\b"
)
# A name in apposition: "Haiti's President, Rene Preval," -> "Haiti's President Rene Preval".
_APPOSITION = re.compile(r"^(?P<head>[^,]+),\s*(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}),?$")
# The speaker after an inverted "so says": "So says Addison Wiggin, as the US government admits ...".
_INVERTED_SAYS = re.compile(r"^(?:so|thus)\s+(?:says|said)\s+(?P<who>[^,;:]+?)(?=\s*(?:[,;:]|[.!?]?$))", re.I)
# An attribution closing the sentence: '..., its health minister said on Monday.', '"...," said the minister.'
_WHEN = r"(?:\s+(?:on\s+\w+|\w+day|yesterday|today|tonight|last\s+\w+|earlier|later|in\s+a\s+statement))*"
_SAYS_AT_END = re.compile(
    rf"[,\"”]\s*(?:(?P<who>[^,\"“”]+?)\s+(?P<verb>{_SAY})|(?:said|says)\s+(?P<who2>(?=(?i:the|a|an|its|his|her|their)\s|[^,\"“”]*[A-Z])[^,\"“”]+?)){_WHEN}\s*[.!]?[\"”]?$"
)
# A subject that holds a relative clause with a subject of its own: the reporting verb is that
# clause's ("The announcement follows an address in which the president said ...").
_RELATIVE = re.compile(
    r"\b(?:(?:in|at|on|during|after|before|to|from|with|by|for|of)\s+(?:which|whom)|where|when)\s", re.I
)
_QUOTATION_FIRST = re.compile(r"^\s*[\"“][^\"“”]*[\"”]\s*")
# What opens a quotation after its speaker's verb: 'says: "', 'said, "'.
_QUOTE_OPENS = re.compile(r"\s*[:,]?\s*[\"“]")
# A quotation that opens with another's words said: "The UN says ...", "The WHO has said ...".
_RELAYED = re.compile(r"[^,\"“”]{1,80}?\s+(?:has\s+|have\s+)?(?:says|said|told|tells)\b")
# A live blog's entry time opening the sentence ("1948 The authorities told AFP ...").
_CLOCK = re.compile(r"^(?:[01]\d|2[0-3])[0-5]\d\s+(?=[A-Z])")
_REPORTING = re.compile(r"\b(?:says|said|tells|told)\b")
# A subject that holds a verb of its own is a clause, not who speaks ("The virus is suspected of
# claiming ... confirmed cases": the verb matched was an adjective).
_CLAUSE_VERB = re.compile(r"\b(?:is|are|was|were|am|be|been|being|could|would|should|can|may|might|must)\b", re.I)
_LEADING = re.compile(
    r"^(?:(?:(?:last|this|next|on|in|earlier|later|meanwhile|however|but|and|also|now|then|since then)"
    r"\b[^,]{0,40}|\w+ly),\s*)+",
    re.I,
)
# Auxiliaries, negation and adverbs left between a subject and its reporting verb.
_TAIL_WORDS = re.compile(
    r"(?:\s+(?:did|does|do|has|have|had|would|could|will|not|n[’']t|didn[’']t|doesn[’']t|also|earlier|later|"
    r"again|previously|yesterday|today|just|further|still|too|(?-i:now)|\w+ly))+$",
    re.I,
)
_TRAILING = re.compile(
    r"\s+(?:\w+ing|who|which|that|from the front|in|on|at|while|with)\b.*$",
)
# A comparison, unless it counts who speaks ("more than 100 scientists said").
_COMPARISON = re.compile(r"\bthan\b(?!\s+(?:\d|(?:a|one|two|three|four|five|six|seven|eight|nine|ten)\s))", re.I)
_PRONOUNS = frozenset(["he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there"])
_MAX_WORDS = 12
# A phrase opening with these is an adverbial ("..., with 12 confirmed."), not who speaks.
_NOT_A_SUBJECT = frozenset(
    ["with", "of", "in", "on", "for", "to", "by", "from", "as", "at", "and", "but", "or", "while", "though",
     "although", "including", "after", "before", "if", "when", "not", "only"]
)  # fmt: skip
_DANGLING = frozenset(["of", "the", "a", "an", "its", "their", "his", "her", "our", "in", "on", "for", "to", "and"])


# "Reports" and "estimates" after a word that qualifies them are a noun, the statement's subject,
# not a verb after its speaker: "Initial reports that ...", "Unconfirmed reports say ...".
_REPORTS_NOUN = re.compile(
    r"^(?i:initial|early|earlier|unconfirmed|conflicting|local|official|preliminary|previous|latest|recent|"
    r"media|press|news|other|some|many|first|further|separate|similar|several|independent)\s+"
    r"(?:reports|estimates|claims)\b"
)

# Before "reports", "estimates", "claims", a word that makes it a noun: "... came in with even higher
# estimates", "... rejected the claims".
_NOUN_BEFORE = re.compile(
    r"\b(?i:the|a|an|its|their|his|her|our|your|these|those|such|with|of|higher|lower|bigger|smaller|new|newer"
    r"|latest|earlier|previous|initial|official|preliminary|conflicting|rough|conservative|independent|separate"
    r"|similar)$"
)


# Before any reporting word, a determiner makes it a noun or an adjective: "the leakage of an estimated
# 200,000 gallons", "the reported 5,000 deaths", "its confirmed cases".
_DETERMINER_BEFORE = re.compile(r"\b(?i:the|a|an|its|their|his|her|our|your|these|those)$")


def _a_noun(m: re.Match[str]) -> bool:
    """Whether the reporting word a subject matched is a noun or an adjective, no verb (see
    :data:`_NOUN_BEFORE`, :data:`_DETERMINER_BEFORE`)."""
    if _DETERMINER_BEFORE.search(m.group("who")):
        return True
    return m.group(0).endswith(("reports", "estimates", "claims")) and bool(_NOUN_BEFORE.search(m.group("who")))


_INFINITIVE_END = re.compile(r"\s(?:in\s+order\s+)?to$")
_NAME_FIRST = re.compile(r"(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*(?=\s+[a-z])")


def _clean(who: str) -> str | None:
    who = _LEADING.sub("", _CLOCK.sub("", who.strip())).strip(" ;:\"“”'")
    if who.count('"') == 1:
        who = " ".join(who.replace('"', " ").split())  # a stray mark: 'Reuters" news agency'

    named = _APPOSITION.match(who)
    # a parenthesis that is no name is no part of who speaks ("Smith, 45,", "Officials, including ...,")
    who = f"{named['head']} {named['name']}" if named else who.split(",")[0].strip()
    if not who:
        return None
    # Keep titles with names ("General Oleksandr Syrsky"); cut participle/relative clauses.
    first = who.split()[0]
    rest = _TRAILING.sub("", who[len(first) :])
    who = _TAIL_WORDS.sub("", (first + rest).strip())
    words = who.split()
    if not any(c.isalpha() for c in who):
        return None  # "And then, 1967, ... estimated": a year, no speaker
    if not words or words[0].lower() in _PRONOUNS or len(words) > _MAX_WORDS or _CLAUSE_VERB.search(who):
        return None
    if len(words) > 1 and words[-1].lower() in _PRONOUNS - {"there"}:  # "Correspondents there" speak
        return None  # "Speaking from the White House he", "So I", "BLITZER: We": the pronoun speaks
    if _REPORTING.search(who):
        return None  # "Haiti's Prime Minister says more than 100": a statement, not who tells it
    if _COMPARISON.search(who):
        return None  # "far more than previously estimated", "larger than BP estimated": no speaker
    if words[0].lower() in _NOT_A_SUBJECT or words[-1].lower() in _DANGLING or re.search(r"['’]s?$", words[-1]):
        return None  # "Mexico's confirmed cases", "the number of reported deaths": an adjective, no speaker
    if words[0].lower() in ("the", "a", "an") and len(words) == 2 and words[1].islower():
        return who  # "the spokesman": generic but still who said it
    return who


def find_attribution(sentence: str) -> str | None:
    """The source a sentence attributes its statement to, or None when it attributes none."""
    text = " ".join(sentence.split())
    # a list item's date label is no part of who speaks: "April 28 - The Coast Guard says ..."
    body = _LEADING.sub("", DATE_LABEL.sub("", text, count=1).lstrip())
    m = _TO.match(body)
    if m:
        # after a quotation, who speaks: '"Honestly, ...," he told Texas Lawyer' is no "Honestly"
        raw = _QUOTATION_FIRST.sub("", m.group("who"))
        if _INFINITIVE_END.search(raw):
            # "Mubarak goes on national television to tell Egyptians ...": the name before its verb
            name = _NAME_FIRST.match(raw)
            raw = name.group(0) if name else ""
        who = _clean(raw) if raw else None
        to = m.group("to")
        if to.endswith(".") and "." not in to.split()[-1][:-1]:
            to = to[:-1]  # the sentence's full stop ("told Reuters."), not an abbreviation ("the U.S.")
        if who:
            return f"{who} to {to}"
    for pattern in (_ACCORDING, _ATTRIBUTED, _CITING):
        m = pattern.search(text)
        if m:
            who = _clean(m.group("who"))
            if who:
                return who
    m = _INVERTED_SAYS.match(body)
    if m:
        return _clean(m.group("who"))
    end = _SAYS_AT_END.search(text)
    at_end = _clean(end.group("who") or end.group("who2")) if end else None
    if at_end and end and end.group("verb") in (None, "said", "says", "reported"):
        # "..., X said on Friday." frames the whole sentence; a verb before it is the statement's
        # ("Individuals and businesses have claimed $600 million in damages ..., the committee said.")
        return at_end
    m = _SUBJECT_SAYS.match(body)
    if m and (_REPORTS_NOUN.match(body) or _RELATIVE.search(m.group("who")) or _a_noun(m)):
        m = None  # "Initial reports that 176 people had died ... were only suspected": no one named
    if m and (who := _clean(m.group("who"))):
        quoted = _QUOTE_OPENS.match(body, m.end())
        relayed = body[quoted.end() :] if quoted else ""
        inner = find_attribution(relayed) if _RELAYED.match(relayed) else None
        # A reporter relaying a source: 'The BBC's Barbara Plett says: "The UN says 36 ..."' is the UN's.
        return inner or who
    return at_end


# Words that open an attribution in capitals without naming anyone ("Officials", "The ministry").
_UNNAMED = frozenset(
    ["the", "a", "an", "its", "their", "his", "her", "our", "some", "other", "several", "two", "three"]
)


@functools.lru_cache(maxsize=8192)
def _names(attribution: str) -> frozenset[str]:
    """The name words of an attribution: capitalised words, with their dots dropped ("U.S." = "US").
    A first word counts only when it is no plural ("Officials", "Sources" open a sentence)."""
    words = re.findall(r"[\w.&’'-]+", attribution.replace("’s", "").replace("'s", ""))
    names = set()
    for i, word in enumerate(words):
        word = word.replace(".", "").strip("’'-")
        if not word[:1].isupper() or word.lower() in _UNNAMED:
            continue
        if i == 0 and word.endswith("s") and not word.isupper():
            continue
        names.add(word.lower())
    return frozenset(names)


# Words that give a person's office or standing before the name ("BP Chief Executive Tony Hayward",
# "Coast Guard Adm. Thad Allen", "Mr Hayward", "BP spokesman Andrew Gowers"); matched in any case.
_TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "lord", "lady", "dame", "rev", "reverend", "father",
     "bishop", "archbishop", "pope", "king", "queen", "prince", "princess", "sheikh", "president", "vice", "prime",
     "minister", "premier", "chancellor", "secretary", "senator", "sen", "rep", "representative", "congressman",
     "congresswoman", "gov", "governor", "mayor", "ambassador", "envoy", "judge", "justice", "attorney", "general",
     "gen", "adm", "admiral", "rear", "col", "colonel", "capt", "captain", "cmdr", "commander", "commandant", "lt",
     "lieutenant", "sgt", "sergeant", "major", "officer", "chief", "executive", "ceo", "coo", "cfo", "chairman",
     "chairwoman", "chair", "director", "head", "administrator", "commissioner", "deputy", "assistant", "adviser",
     "advisor", "spokesman", "spokeswoman", "spokesperson", "correspondent", "editor", "reporter", "analyst",
     "economist", "inspector", "superintendent", "sheriff", "state", "former", "acting"]
)  # fmt: skip
# Words that end an organisation's name ("the White House", "the Coast Guard", "the US Geological
# Survey"): a run of capitals holding one names no person.
_ORGANISATION_WORDS = frozenset(
    ["house", "guard", "times", "news", "post", "journal", "press", "service", "services", "agency", "ministry",
     "department", "office", "council", "committee", "commission", "cross", "nations", "organization",
     "organisation", "bank", "fund", "institute", "university", "college", "association", "union", "party", "group",
     "company", "corp", "corporation", "inc", "ltd", "plc", "network", "television", "radio", "court", "police",
     "army", "navy", "force", "forces", "command", "center", "centre", "centers", "survey", "administration",
     "authority", "board", "foundation", "society", "programme", "program", "coalition", "alliance", "federation",
     "reserve", "exchange", "street", "watch", "international", "government", "senate", "congress", "parliament",
     "brotherhood", "county", "parish", "city", "bureau", "hospital", "school", "church", "club", "team", "tv"]
)  # fmt: skip
_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])
_POSSESSIVE = re.compile(r"[’']s?$")
# A bracket or a party and state after a name ("Bobby Jindal (R)", "Sen. John Cornyn R-Texas").
_ASIDE = re.compile(r"\([^()]*\)|\s[RDI]-[A-Z][\w.]*")


@functools.lru_cache(maxsize=8192)
def _surnames(attribution: str) -> frozenset[str]:
    """The surnames of the persons an attribution names, lower case; none for a name that cannot
    be told from an organisation's or a role's. A person is the run of capitalised words that ends
    who speaks (before "to ..." whom it was told; each of two speakers joined by "and"): the words
    after its last title ("BP Chief Executive Tony Hayward", "Mr Hayward", "BP spokesman Andrew
    Gowers"), after a possessive ("BP's Hayward", "the BBC's Barbara Plett"), or two words or more
    standing alone ("Tony Hayward"). A run holding an acronym or an organisation's word ("the Coast
    Guard", "US officials", "Nile TV") and a lone word ("Obama", "BP", "Reuters") name none."""
    speaker = _ASIDE.sub("", re.split(r"\s+to\s+", attribution, maxsplit=1)[0])
    return frozenset(filter(None, (_surname(part) for part in re.split(r"\s+(?:and|&)\s+", speaker))))


def _surname(speaker: str) -> str | None:
    """The surname of the person one speaker names (see :func:`_surnames`), or None."""
    words = [w for w in (w.strip(',;:"“”') for w in speaker.split()) if w]
    start = len(words)
    while start > 0 and words[start - 1][:1].isupper() and not _POSSESSIVE.search(words[start - 1]):
        start -= 1
    run, before = words[start:], words[start - 1] if start else None
    titled = [i for i, w in enumerate(run) if w.replace(".", "").lower() in _TITLES]
    if titled:
        run, before = run[titled[-1] + 1 :], run[titled[-1]]
    elif before is not None and before.replace(".", "").lower() in _TITLES:
        pass  # "BP spokesman Andrew Gowers"
    elif not (before is not None and _POSSESSIVE.search(before)) and (before is not None or len(run) < 2):
        return None  # "the White House", "Obama": no person that can be told
    name = [w for w in (w.replace(".", "").strip("’'-") for w in run) if w and w.lower() not in _SUFFIXES]
    if not name or any((len(w) > 1 and w.isupper()) or w.lower() in _ORGANISATION_WORDS for w in name):
        return None
    return name[-1].lower()


def same_speaker(a: str, b: str) -> bool | None:
    """Whether two attributions name the same speaker: True when they share a name word ("US
    officers", "U.S. officials"; "Western officials to the BBC", "Anonymous Western sources to the
    BBC"), False when both name someone and no name is shared ("South Korea's NIS", "Ukraine's
    defense ministry"), None when either names nobody ("the president", "Officials"), who may be
    anyone. When either names a person (:func:`_surnames`), a shared word counts only when it is
    that person's surname ("Tony Hayward", "BP's Hayward"): persons of other surnames are not one
    speaker ("Mr Hayward", "Mr Obama"), and a person beside an organisation or its role that shares
    another word ("BP Chief Executive Tony Hayward", "BP's top lobbyist"; "BP") is None, as the role
    may or may not be that person."""
    names_a, names_b = _names(a), _names(b)
    if not names_a or not names_b:
        return None
    persons_a, persons_b = _surnames(a), _surnames(b)
    if persons_a and persons_b:
        return bool(persons_a & persons_b)
    if persons_a & names_b or persons_b & names_a:
        return True
    if persons_a or persons_b:
        return None if names_a & names_b else False
    return bool(names_a & names_b)


def speaker_groups(attribution: str | None, attributions: Sequence[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    """Who each cited sentence says a statement comes from, when some name another speaker than
    the quoted sentence does: ``[(speaker, [article ids])]``, the quoted sentence's speaker first,
    and ``[]`` when no cited sentence names another. ``attributions``: (article id, attribution)
    of the cited sentences that name one. An attribution that names nobody is left out; one that
    :func:`same_speaker` cannot tell from a group's (a role beside a named person) is a group of its
    own."""
    if attribution is None or not _names(attribution):
        return []
    groups: list[tuple[str, list[str]]] = [(attribution, [])]
    for article_id, who in attributions:
        if not _names(who):
            continue
        for speaker, ids in groups:
            if same_speaker(speaker, who):
                ids.append(article_id)
                break
        else:
            groups.append((who, [article_id]))
    groups = [(speaker, ids) for speaker, ids in groups if ids]
    return groups if len(groups) > 1 else []
