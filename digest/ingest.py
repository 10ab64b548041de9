"""Reading articles: the only module that touches input files.

Paths may be files, directories (searched recursively) or glob patterns.
Formats: ``.txt`` and ``.md`` with optional YAML front matter (title, source, url,
published); ``.html``/``.htm`` (main text and metadata through trafilatura; a
publication date as the page declares or shows it, never a copyright year or a
date its story names);
``.json`` (one record or a list of records) and ``.jsonl`` (one record a line),
each record with ``text`` plus optional ``id``, ``title``, ``source``, ``url``,
``published``.

The text returned is the raw text; cleaning is the next stage.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import functools
import glob
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from digest.errors import InputError
from digest.types import Article

SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl")
MAX_FILE_BYTES = 50 * 1024 * 1024
# One article's text: four times T17's longest page (246,000 characters, a report with its reader
# comments), some 160,000 words. A longer "article" is a book or many articles run together, and
# reading it as one would take minutes and date every sentence against one reference.
MAX_ARTICLE_CHARS = 1_000_000
_GLOB_CHARS = re.compile(r"[*?\[]")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:(.*?)\n)?---[ \t]*(?:\n|\Z)", re.S)
_OPENED = re.compile(r"\A---[ \t]*\n[\w-]+[ \t]*:")  # "---" then a "key:" line


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named by ``paths``, in a stable order, each once."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = _files_below(path)
            if not files:
                raise InputError(str(path), f"directory has no article files ({', '.join(SUPPORTED)})")
            found.extend(files)
        elif path.is_file():
            found.append(path)
        elif _GLOB_CHARS.search(str(raw)):
            matches = sorted(Path(m) for m in _glob(str(raw)) if Path(m).is_file())
            if not matches:
                raise InputError(str(raw), "no file matches this pattern")
            found.extend(matches)
        elif path.exists():
            raise InputError(str(path), "not a regular file or directory")
        else:
            raise InputError(str(path), "no such file or directory")
    seen: set[Path] = set()
    unique: list[Path] = []
    for p in found:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    if not unique:
        raise InputError("(no paths)", "give at least one article file, directory or pattern")
    return unique


# Documents digest cannot read: a directory's files of these kinds are left out, and named
# (:func:`left_out_documents`) so a user does not take them for read.
UNREAD_DOCUMENTS = (".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub", ".pages", ".xps")


def left_out_documents(paths: Iterable[str | Path]) -> list[Path]:
    """Files below the directories among ``paths`` that are documents in a format digest does
    not read (PDF, Word, ...; :data:`UNREAD_DOCUMENTS`), sorted. A file named directly, or by a
    pattern, is read and rejected with an error instead."""
    return sorted(p for raw in paths if Path(raw).is_dir() for p in _files_below(Path(raw), UNREAD_DOCUMENTS))


def _walk(root: Path) -> Iterator[tuple[str, list[str]]]:
    """Each folder below ``root`` with its visible files, hidden files and folders left out.
    Symbolic links to folders are followed, each real folder once (a link loop ends there)."""
    seen: set[str] = set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        yield folder, sorted(f for f in files if not f.startswith("."))


def _files_below(root: Path, kinds: tuple[str, ...] = SUPPORTED) -> list[Path]:
    """Files below ``root`` whose extension is one of ``kinds`` (by default the article formats),
    sorted (see :func:`_walk`)."""
    found = [
        Path(folder, f)
        for folder, files in _walk(root)
        for f in files
        if Path(f).suffix.lower() in kinds and Path(folder, f).is_file()
    ]
    return sorted(found)


def _glob(pattern: str) -> list[str]:
    """``glob`` where ``**`` is any number of folders. Its folders are walked as for a directory
    input (:func:`_walk`): Python's ``glob`` follows a symbolic-link loop without end."""
    if "**" not in pattern:
        return glob.glob(pattern)
    parts = Path(pattern).parts
    fixed = next(i for i, part in enumerate(parts) if _GLOB_CHARS.search(part))
    root = Path(*parts[:fixed]) if fixed else Path(".")
    wanted = parts[fixed:]
    return [
        str(Path(folder, f))
        for folder, files in _walk(root)
        for f in files
        if _matches((*Path(folder).relative_to(root).parts, f), wanted)
    ]


def _matches(parts: Sequence[str], pattern: Sequence[str]) -> bool:
    """Whether path ``parts`` match glob ``pattern`` parts, ``**`` standing for any number of parts."""
    if not pattern:
        return not parts
    if pattern[0] == "**":
        return any(_matches(parts[i:], pattern[1:]) for i in range(len(parts) + 1))
    return bool(parts) and fnmatch.fnmatchcase(parts[0], pattern[0]) and _matches(parts[1:], pattern[1:])


def read_articles(paths: Iterable[str | Path]) -> list[Article]:
    """Read every article named by ``paths``. Raises InputError naming the first bad file.

    Briefings digest wrote (its Markdown, JSON or HTML output) are never read as
    articles: skipped inside directories and patterns, an error when named directly.
    """
    paths = list(paths)
    articles: list[Article] = []
    derived: list[bool] = []  # whether an article's id was made from its file's name, not given
    named = {Path(p).resolve() for p in paths if Path(p).is_file()}
    for path in expand_paths(paths):
        text = _read_text(path)
        if is_briefing(path, text):
            if path.resolve() in named:
                raise InputError(str(path), "is a briefing digest wrote, not an article")
            continue
        for article, made in _parse(path, text):
            articles.append(article)
            derived.append(made)
    if not articles:
        raise InputError(", ".join(str(p) for p in paths), "holds no articles (only briefings digest wrote)")
    articles = _distinct_ids(articles, derived)
    ids: dict[str, str] = {}
    for article in articles:
        if article.id in ids:
            raise InputError(
                article.path or article.id,
                f"article id {article.id!r} is used twice (also in {ids[article.id]}); ids must be unique",
            )
        ids[article.id] = article.path or article.id
    return articles


def read_file(path: Path) -> list[Article]:
    return [article for article, _ in _parse(path, _read_text(path))]


def _distinct_ids(articles: list[Article], derived: list[bool]) -> list[Article]:
    """Ids made from file names that two files share ("d1/story.txt" and "d2/story.txt", or
    "story.txt" and "story.md") become the files' paths below their common folder, with the
    record number for a record without an id. Ids a record gives are never changed."""
    counts = Counter(a.id for a, made in zip(articles, derived, strict=True) if made)
    clashing = [i for i, (a, made) in enumerate(zip(articles, derived, strict=True)) if made and counts[a.id] > 1]
    if not clashing:
        return articles
    paths = [Path(articles[i].path or "").resolve() for i in clashing]
    common = Path(os.path.commonpath([p.parent for p in paths]))
    out = list(articles)
    for i, path in zip(clashing, paths, strict=True):
        article = articles[i]
        relative = path.relative_to(common).as_posix()
        stem = Path(article.path or "").stem
        suffix = article.id[len(stem) :] if article.id.startswith(stem) else ""  # a record's "-3"
        out[i] = replace(
            article, id=relative + suffix, source=relative + suffix if article.source == article.id else article.source
        )
    return out


def is_briefing(path: Path, text: str) -> bool:
    """True for output digest wrote (see digest.render): Markdown marker, JSON schema, HTML generator tag."""
    head = text[:2000]
    if head.startswith("<!-- digest briefing"):
        return True
    if '<meta name="generator" content="digest">' in head:
        return True
    return path.suffix.lower() == ".json" and '"schema_version"' in head and '"key_points"' in text


def _parse(path: Path, text: str) -> list[tuple[Article, bool]]:
    """The file's articles, each with whether its id was made from the file's name."""
    suffix = path.suffix.lower()
    if suffix in (".json", ".jsonl"):
        return list(_json_articles(path, text))
    if suffix in (".html", ".htm"):
        return [(_html_article(path, text), True)]
    meta: dict[str, Any] = {}
    # A text file may carry front matter as Markdown does: a "---" line, "key: value" lines, a
    # closing "---" line. Unclosed, it is text (a rule line and a "Note:" line).
    if suffix in (".md", ".markdown") or (_OPENED.match(text) and _FRONT_MATTER.match(text)):
        meta, text = _front_matter(path, text)
    return [(_make_article(str(path), path, path.stem, text, meta), True)]


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(str(path), f"file is {_size(size)}; the limit is {_size(MAX_FILE_BYTES)} per file")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(str(path), "permission denied") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a directory, not a file") from None
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise InputError(str(path), "file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(str(path), "is UTF-16 text; convert it to UTF-8")
    if b"\x00" in data:
        offset = data.index(b"\x00")
        raise InputError(str(path), f"looks like a binary file (NUL byte at offset {offset}), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            str(path),
            f"is not valid UTF-8 (bad byte 0x{data[exc.start]:02x} at offset {exc.start}); convert it to UTF-8",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MiB" if n >= 2**20 else f"{n:,} bytes"


def _front_matter(path: Path, text: str) -> tuple[dict[str, Any], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        if _OPENED.match(text):
            raise InputError(str(path), "front matter opened with '---' on the first line is never closed with '---'")
        return {}, text
    import yaml

    try:
        meta = yaml.safe_load(match.group(1) or "") or {}
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        # a YAML syntax error, or a value YAML cannot build ("published: 2010-02-30")
        detail = " ".join(str(exc).split()) or type(exc).__name__
        if isinstance(exc, ValueError) and ("out of range" in detail or "must be in" in detail):  # a date's day
            raise InputError(str(path), f"front matter holds a date that does not exist ({detail})") from None
        raise InputError(str(path), f"front matter is not valid YAML ({detail})") from None
    if not isinstance(meta, dict):
        raise InputError(str(path), "front matter must be a YAML mapping (key: value lines)")
    return meta, text[match.end() :]


def _json_articles(path: Path, text: str) -> Iterator[Article]:
    records: list[tuple[str, Any]] = []
    if path.suffix.lower() == ".jsonl":
        for lineno, line in enumerate(text.split("\n"), 1):
            if line.strip():
                try:
                    records.append((f"line {lineno}", json.loads(line)))
                except json.JSONDecodeError as exc:
                    raise InputError(
                        f"{path}:{lineno}", f"not valid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})"
                    ) from None
                except (ValueError, RecursionError) as exc:  # a 5,000-digit number, nesting too deep
                    raise InputError(f"{path}:{lineno}", f"JSON digest cannot read ({_json_problem(exc)})") from None
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(
                str(path), f"not valid JSON ({exc.msg.removesuffix(' at')} at line {exc.lineno})"
            ) from None
        except (ValueError, RecursionError) as exc:
            raise InputError(str(path), f"JSON digest cannot read ({_json_problem(exc)})") from None
        items = data if isinstance(data, list) else [data]
        records = [(f"record {i + 1}", item) for i, item in enumerate(items)]
    if not records:
        raise InputError(str(path), "holds no records")
    for n, (where, record) in enumerate(records, 1):
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(f"{path} ({where})", 'each record must be an object with a "text" string')
        given = record.get("id")
        if isinstance(given, (dict, list)):
            raise InputError(f"{path} ({where})", '"id" must be a string or a number')
        record_id = str(given or f"{path.stem}-{n}")
        # an empty text is a document with no sentences: digest.segment.usable names it, or skips it
        yield _make_article(f"{path} ({where})", path, record_id, record["text"], record, allow_empty=True), not given


def _json_problem(exc: BaseException) -> str:
    return "nested too deeply" if isinstance(exc, RecursionError) else " ".join(str(exc).split())


def _html_article(path: Path, html: str) -> Article:
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, favor_precision=True, config=_declared_dates_only()
    )
    doc = {} if extracted is None else extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    # A page with no article text (a link list) is a document with no sentences:
    # digest.segment.usable names it, or leaves it out with skip_unusable.
    text = doc.get("text") or ""
    meta = {
        "title": doc.get("title"),
        "source": doc.get("sitename") or doc.get("hostname"),
        "url": doc.get("url"),
        "published": doc.get("date") or _page_date(html, text),
    }
    return _make_article(str(path), path, path.stem, text, meta, allow_empty=True)


@functools.cache
def _declared_dates_only() -> Any:
    """trafilatura's default settings, but a publication date only as the page declares it (meta
    tags, structured data, ``<time>`` elements, a dated byline): :func:`_page_date` judges the
    dates its extensive search would guess from the page's text."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    return config


def _page_date(html: str, text: str) -> str | None:
    """The date a page shows without declaring it ("Friday 31 January 2025 10.40 GMT" above the
    story), as htmldate's extensive search finds it; None when that is a guess: a copyright line's
    year ("Copyright 2025" gives 2025-01-01), or a date the story itself names ("The offensive
    began on 6 August 2024", "Elections are due on 3 March 2026"), which digest's own dating reads
    in context (a dateline, or a date named) and explains."""
    from htmldate import find_date

    try:
        found = find_date(html, extensive_search=True, original_date=True)
    except Exception:  # htmldate on a page it cannot parse: no date, as for a page without one
        return None
    if not found:
        return None
    day = dt.date.fromisoformat(found[:10])
    if (day.month, day.day) == (1, 1) and re.search(
        rf"(?:©|&copy;|&#169;|&#xa9;|\(c\)|\bcopyright\b)[^<\n]{{0,40}}?\b{day.year}\b", html, re.I
    ):
        return None
    return None if _names_day(text, day) else found


def _names_day(text: str, day: dt.date) -> bool:
    """Whether ``text`` names ``day`` as a calendar date: "6 August 2024", "Aug. 6", "2024-08-06",
    "6/8/2024" or "8/6/2024"."""
    from digest.timex.lexicon import MONTHS

    month = "|".join(sorted((name for name, n in MONTHS.items() if n == day.month), key=len, reverse=True))
    d = rf"0?{day.day}(?:st|nd|rd|th)?"
    patterns = (
        rf"\b{d}\s+(?:of\s+)?(?:{month})\b\.?",
        rf"\b(?:{month})\.?\s+{d}\b",
        rf"\b{day.year}-{day.month:02d}-{day.day:02d}\b",
        rf"\b0?{day.day}[/.]0?{day.month}[/.]{day.year}\b",
        rf"\b0?{day.month}/0?{day.day}/{day.year}\b",
    )
    return any(re.search(p, text, re.I) for p in patterns)


def _make_article(
    where: str, path: Path, article_id: str, text: str, meta: dict[str, Any], *, allow_empty: bool = False
) -> Article:
    """``where`` names the document in messages: the file, or the file and the record."""
    if not text.strip() and not allow_empty:
        raise InputError(where, "article text is empty")
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(
            where,
            f"article text is {len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,} per article"
            " (some 160,000 words): give a long text as the articles it holds, one per file or record",
        )
    title, source, url = (_scalar(where, meta, key) for key in ("title", "source", "url"))
    for name, value in (("text", text), ("id", article_id), ("title", title), ("source", source), ("url", url)):
        if value and not _encodable(value):
            raise InputError(where, f"{name} holds an unpaired surrogate (a broken \\u escape), not text")
    published = _parse_published(where, meta.get("published") or meta.get("date"))
    return Article(
        id=article_id,
        text=text.replace("\r\n", "\n").replace("\r", "\n"),
        source=source or article_id,
        title=title.strip() if title else None,
        url=url or None,
        published=published,
        path=str(path),
    )


def _scalar(where: str, meta: dict[str, Any], key: str) -> str | None:
    """A metadata field as text: a single value, not a list or mapping (which YAML aliases can
    make enormous)."""
    value = meta.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, (list, dict, set, tuple)):
        raise InputError(where, f"{key!r} must be a single value, not a {type(value).__name__}")
    return str(value)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# A publication date must be a whole date on its own: nothing relative to the clock ("yesterday",
# "Tuesday", "March 5"), so the same input reads the same on any day and in any time zone. A time
# with a zone counts in UTC; an ISO date ("2010-06-02T23:30-05:00") is read as written.
_DATEPARSER_SETTINGS = {
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "TIMEZONE": "UTC",
    "RETURN_AS_TIMEZONE_AWARE": True,
}


def _parse_published(where: str, value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (list, dict, set, tuple)):
        raise InputError(where, f"publication date must be a single value, not a {type(value).__name__}")
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    import dateparser

    try:
        parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError):
        parsed = None
    if parsed is None:
        raise InputError(where, f"publication date {text!r} is not a whole, valid date (use YYYY-MM-DD)")
    return parsed.date()
