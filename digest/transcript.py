"""Broadcast transcripts: where a page's speech starts.

A news show's transcript ("ANDERSON COOPER, CNN ANCHOR: Good evening, everyone.", "COOPER: Wael,
what does the protest movement do now?", "GHONIM: Today is the day for celebration.") is speech:
each line belongs to the speaker whose label opened the turn, lines below it carry no label. So
"Always the people of Egypt are very happy because Mubarak is going." or "Remember when he was
talking about how the foreign media was inciting people" reads like a report's own statement
though a guest said it. Such lines still tell what a collection is about (they are cited as
support), but they are never quoted as a statement or a timeline entry by themselves.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["opens_with_speaker_label", "speech_start"]

# A speaker's label opening a line: a name in capitals (at most four words), maybe a role after a
# comma and a remark in brackets, then a colon: "ANDERSON COOPER, CNN ANCHOR:", "COOPER:",
# "WAEL GHONIM, EGYPTIAN ACTIVIST (via telephone):", "GRETA VAN SUSTEREN, FOX NEWS HOST:".
_LABEL = re.compile(
    r"^[ \t]*((?:[A-Z][A-Z.'’-]*[ \t]+){0,3}[A-Z][A-Z'’-]+)(?:,[^:\n]{1,80})?(?:[ \t]*\([^)\n]{1,40}\))?:[ \t]+\S",
    re.M,
)
# The notice a transcript opens with: "THIS IS A RUSH TRANSCRIPT.", "This copy may not be in its
# final form and may be updated.", "THIS IS A RUSH FDCH TRANSCRIPT."
_NOTICE = re.compile(r"\brush\s+(?:fdch\s+)?transcript\b|\bthis copy may not be in its final form\b", re.I)
# A transcript has at least this many labelled turns, two speakers or more, one of them speaking
# twice: a page with a few headings in capitals ("PLUME MODELING ESTIMATE: 12,000-25,000 bpd",
# "PS: It would have been nice ...") is no transcript.
_MIN_TURNS = 3


def speech_start(text: str) -> int:
    """Where a broadcast transcript's speech starts in ``text``: the line of its first speaker label,
    or of the transcript notice before it ("... Aired February 11, 2011 - 11:53 ET THIS IS A RUSH
    TRANSCRIPT."); ``len(text)`` when the text is no transcript. Everything from there on is speech.
    """
    labels = [(m.start(), m.group(1).split()[-1]) for m in _LABEL.finditer(text)]
    speakers = Counter(name for _, name in labels)
    if len(labels) < _MIN_TURNS or len(speakers) < 2 or max(speakers.values()) < 2:
        return len(text)
    first = labels[0][0]
    notice = _NOTICE.search(text, 0, first)
    if notice is not None:
        first = text.rfind("\n", 0, notice.start()) + 1
    return first


def opens_with_speaker_label(line: str) -> bool:
    """Whether a line opens with a speaker's label ("COOPER: ...", "WAEL GHONIM, EGYPTIAN ACTIVIST
    (via telephone): ..."); only telling in a transcript (:func:`speech_start`)."""
    return _LABEL.match(line) is not None
