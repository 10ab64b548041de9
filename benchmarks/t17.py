"""Reading Timeline17 (T17) from ../shared/eval/t17: detokenized articles with publication dates.

T17 articles are sentence-split and Penn-Treebank tokenized (``-LRB-``, ````` ``, ``''``, `````,
``\\/``, spaces before punctuation and clitics). This reader undoes that; it lives with the
benchmarks, not in digest's core.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

T17_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "t17"

_REPLACEMENTS = [
    (re.compile(r"-LRB-"), "("),
    (re.compile(r"-RRB-"), ")"),
    (re.compile(r"-LSB-"), "["),
    (re.compile(r"-RSB-"), "]"),
    (re.compile(r"-LCB-"), "{"),
    (re.compile(r"-RCB-"), "}"),
    (re.compile(r"\\([/*])"), r"\1"),  # escaped slash and asterisk: "9\/11", "\* H5N1 ..."
    # T17 writes the pound sign as "#" ("$ 20bn -LRB- # 13bn -RRB-"), but not a reader comment's
    # number ("kklimmy wrote : Re # 23 ...")
    (re.compile(r"(?<!: )(?<!Re )#\s+(?=\d)"), "£"),
]
_OPEN_QUOTE = re.compile(r"``\s*")
_CLOSE_QUOTE = re.compile(r"\s*''")
# Single quotes: "` move '" -> "'move'"; a lone "'" after a space closes a quote or a plural
# possessive ("the students ' rights" -> "the students' rights").
_OPEN_SINGLE = re.compile(r"`\s*")
_CLOSE_SINGLE = re.compile(r"\s+'(?=\s|$|[.,;:!?)\]])(?!\s+\d0s\b)")  # not "the '60s"
_SPACE_BEFORE = re.compile(r"\s+([.,;:!?%)\]}]|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b|'S\b)")
_SPACE_AFTER = re.compile(r"([(\[{$])\s+")


def detokenize(line: str) -> str:
    text = line.strip()
    for pattern, repl in _REPLACEMENTS:
        text = pattern.sub(repl, text)
    text = _OPEN_QUOTE.sub('"', text)
    text = _CLOSE_QUOTE.sub('"', text)
    text = _OPEN_SINGLE.sub("'", text)
    text = _CLOSE_SINGLE.sub("'", text)
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _SPACE_AFTER.sub(r"\1", text)
    text = re.sub(r"\s+", " ", text)
    return text


@dataclass(frozen=True)
class T17Article:
    id: str
    published: dt.date
    sentences: tuple[str, ...]
    path: Path

    @property
    def text(self) -> str:
        return "\n".join(self.sentences)


# T17's sentence splitter broke lines inside brackets after a stop: "... into BP Plc's (BP." /
# "L) massive oil spill ...", "(Update 9:33 p.m." / "ET) A group of protesters ...".
_CLOSES_BRACKET = re.compile(r"^[A-Za-z]{1,5}\)")
_TICKER_STOP = re.compile(r"\([A-Z]{1,5}\.$")


def rejoin(lines: list[str]) -> list[str]:
    """The lines with a line that only closes the previous line's open bracket joined back to it
    ("(BP." + "L) massive ..." -> "(BP.L) massive ...")."""
    out: list[str] = []
    for line in lines:
        if out and out[-1].count("(") > out[-1].count(")") and _CLOSES_BRACKET.match(line):
            glue = "" if _TICKER_STOP.search(out[-1]) else " "
            out[-1] = out[-1] + glue + line
        else:
            out.append(line)
    return out


def read_folder(folder: Path) -> list[T17Article]:
    """Articles of one T17 folder (``InputDocs/<YYYY-MM-DD>/<id>.htm.txt``), sorted by date and id."""
    out = []
    for path in sorted((folder / "InputDocs").glob("*/*.txt")):
        lines = [detokenize(x) for x in path.read_text(encoding="utf-8", errors="replace").splitlines()]
        lines = rejoin([x for x in lines if x])
        if lines:
            day = dt.date.fromisoformat(path.parent.name)
            out.append(T17Article(f"{path.parent.name}/{path.name.split('.')[0]}", day, tuple(lines), path))
    return out


def topic_of(folder: Path) -> str:
    """A folder's topic: the name's prefix before ``_`` (``bpoil_bbc`` -> ``bpoil``)."""
    return folder.name.split("_", 1)[0]


def topics(data: Path) -> dict[str, list[Path]]:
    """The topics under ``data`` and their folders (those with ``InputDocs``), sorted."""
    out: dict[str, list[Path]] = {}
    for folder in sorted(p for p in data.iterdir() if (p / "InputDocs").is_dir()):
        out.setdefault(topic_of(folder), []).append(folder)
    return out


def read_topic(folders: list[Path]) -> list[T17Article]:
    """A topic's pooled collection: the articles of all its folders, one copy of each text.

    Copies are recognised by identical (detokenized) text; the earliest-dated copy is kept, ids
    are prefixed with the folder name so they stay unique across folders.
    """
    seen: dict[tuple[str, ...], T17Article] = {}
    for folder in folders:
        for a in read_folder(folder):
            article = T17Article(f"{folder.name}/{a.id}", a.published, a.sentences, a.path)
            kept = seen.get(a.sentences)
            if kept is None or (article.published, article.id) < (kept.published, kept.id):
                seen[a.sentences] = article
    return sorted(seen.values(), key=lambda a: (a.published, a.id))
