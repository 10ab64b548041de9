"""Reading articles: the only module that touches input files.

Paths may be files, directories (searched recursively) or glob patterns.
Formats: ``.txt``; ``.md`` with optional YAML front matter (title, source, url,
published); ``.html``/``.htm`` (main text and metadata through trafilatura);
``.json`` (one record or a list of records) and ``.jsonl`` (one record a line),
each record with ``text`` plus optional ``id``, ``title``, ``source``, ``url``,
``published``.

The text returned is the raw text; cleaning is the next stage.
"""

from __future__ import annotations

import datetime as dt
import glob
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from digest.errors import InputError
from digest.types import Article

SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl")
MAX_FILE_BYTES = 50 * 1024 * 1024
_GLOB_CHARS = re.compile(r"[*?\[]")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named by ``paths``, in a stable order, each once."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
            files = [p for p in files if not any(part.startswith(".") for part in p.relative_to(path).parts)]
            if not files:
                raise InputError(str(path), f"directory has no article files ({', '.join(SUPPORTED)})")
            found.extend(files)
        elif path.is_file():
            found.append(path)
        elif _GLOB_CHARS.search(str(raw)):
            matches = sorted(Path(m) for m in glob.glob(str(raw), recursive=True) if Path(m).is_file())
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


def read_articles(paths: Iterable[str | Path]) -> list[Article]:
    """Read every article named by ``paths``. Raises InputError naming the first bad file.

    Briefings digest wrote (its Markdown, JSON or HTML output) are never read as
    articles: skipped inside directories and patterns, an error when named directly.
    """
    paths = list(paths)
    articles: list[Article] = []
    named = {Path(p).resolve() for p in paths if Path(p).is_file()}
    for path in expand_paths(paths):
        text = _read_text(path)
        if is_briefing(path, text):
            if path.resolve() in named:
                raise InputError(str(path), "is a briefing digest wrote, not an article")
            continue
        articles.extend(_parse(path, text))
    if not articles:
        raise InputError(", ".join(str(p) for p in paths), "holds no articles (only briefings digest wrote)")
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
    return _parse(path, _read_text(path))


def is_briefing(path: Path, text: str) -> bool:
    """True for output digest wrote (see digest.render): Markdown marker, JSON schema, HTML generator tag."""
    head = text[:2000]
    if head.startswith("<!-- digest briefing"):
        return True
    if '<meta name="generator" content="digest">' in head:
        return True
    return path.suffix.lower() == ".json" and '"schema_version"' in head and '"key_points"' in text


def _parse(path: Path, text: str) -> list[Article]:
    suffix = path.suffix.lower()
    if suffix in (".json", ".jsonl"):
        return list(_json_articles(path, text))
    if suffix in (".html", ".htm"):
        return [_html_article(path, text)]
    meta: dict[str, Any] = {}
    if suffix in (".md", ".markdown"):
        meta, text = _front_matter(path, text)
    return [_make_article(path, path.stem, text, meta)]


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(
                str(path), f"file is {size / 1e6:.0f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB per file"
            )
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
    if b"\x00" in data[:8192]:
        raise InputError(str(path), "looks like a binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            str(path),
            f"is not valid UTF-8 (bad byte 0x{data[exc.start]:02x} at offset {exc.start}); convert it to UTF-8",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _front_matter(path: Path, text: str) -> tuple[dict[str, Any], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    import yaml

    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise InputError(str(path), f"front matter is not valid YAML ({exc})") from None
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
                    raise InputError(f"{path}:{lineno}", f"not valid JSON ({exc.msg})") from None
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
        items = data if isinstance(data, list) else [data]
        records = [(f"record {i + 1}", item) for i, item in enumerate(items)]
    if not records:
        raise InputError(str(path), "holds no records")
    for n, (where, record) in enumerate(records, 1):
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(f"{path} ({where})", 'each record must be an object with a "text" string')
        record_id = str(record.get("id") or f"{path.stem}-{n}")
        yield _make_article(path, record_id, record["text"], record)


def _html_article(path: Path, html: str) -> Article:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_precision=True)
    if extracted is None:
        raise InputError(str(path), "no article text could be extracted from this HTML page")
    doc = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = doc.get("text") or ""
    meta = {
        "title": doc.get("title"),
        "source": doc.get("sitename") or doc.get("hostname"),
        "url": doc.get("url"),
        "published": doc.get("date"),
    }
    if not text.strip():
        raise InputError(str(path), "no article text could be extracted from this HTML page")
    return _make_article(path, path.stem, text, meta)


def _make_article(path: Path, article_id: str, text: str, meta: dict[str, Any]) -> Article:
    if not text.strip():
        raise InputError(str(path), "article text is empty")
    published = _parse_published(path, meta.get("published") or meta.get("date"))
    title = meta.get("title")
    return Article(
        id=article_id,
        text=text,
        source=str(meta.get("source") or article_id),
        title=str(title).strip() if title else None,
        url=str(meta["url"]) if meta.get("url") else None,
        published=published,
        path=str(path),
    )


def _parse_published(path: Path, value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    if parsed is None:
        raise InputError(str(path), f"publication date {text!r} is not a date digest can read (use YYYY-MM-DD)")
    return parsed.date()
