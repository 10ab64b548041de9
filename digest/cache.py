"""A persistent embedding cache: re-running on the same or a grown collection embeds only new texts.

    embedder = CachedEmbedder(SentenceTransformerEmbedder(), "embeddings.sqlite")
    vectors = embedder.encode(texts)          # cached rows come from the file

One SQLite file, table ``vectors(model, hash, dim, vector)`` keyed by the model name and the
SHA-256 of the text (UTF-8), the vector stored as little-endian float32 bytes, so a cached row
is bit-identical to the one first computed. The output has one row per input text, in input
order, whatever was cached. The file is opened in WAL mode: any number of processes may read
while one writes; writers wait for each other (``timeout``). A file that is not such a cache is
refused with :class:`CacheError` (a :class:`digest.errors.InputError`) and never modified.

The same file can also keep the date tagger's results (:class:`CachedTimexes`, table
``timexes``), keyed by a fingerprint of the tagger's source code and the SHA-256 of the
reference date and text: on a re-run the tagging, the other slow step of ``digest timeline``,
is skipped too. A changed tagger gets a new fingerprint, so stale results are never served.
For ``digest timeline`` it also keeps each article's cleaned text (:class:`CachedCleaning`, table
``cleaned``, with the lines the cleaner looks up in table ``looked_up``) and sentence offsets
(:class:`CachedSegments`, table ``segments``), keyed the same way by a fingerprint of the code's
source and the SHA-256 of the article, and the words the collection writes in lower case (table
``lower_words``, keyed by the collection's texts).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import sqlite3
import sys
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from digest.embed import Embedder, ProgressFn
from digest.errors import CacheError
from digest.types import Article, Sentence, Span, Timex

if TYPE_CHECKING:
    import numpy as np

__all__ = ["CacheError", "CachedCleaning", "CachedEmbedder", "CachedSegments", "CachedTimexes"]

FORMAT = "digest-embedding-cache"
VERSION = "1"
_BIG_ENDIAN = sys.byteorder == "big"
# SQLite's default limit on bound parameters is 999 in old builds; stay well under it.
_CHUNK = 500


class CachedEmbedder:
    """Wraps an :class:`~digest.embed.Embedder`; vectors persist in a SQLite file at ``path``."""

    def __init__(self, inner: Embedder, path: str | os.PathLike[str], *, timeout: float = 60.0) -> None:
        self.inner = inner
        self.name = inner.name
        self.path = os.fspath(path)
        self.hits = 0  # texts served from the file (counters for reports)
        self.misses = 0  # texts the inner embedder computed
        self._db = _open(self.path, timeout)

    # --- Embedder protocol -------------------------------------------------------------
    def encode(self, texts: Sequence[str], *, progress: ProgressFn | None = None) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        hashes = [hashlib.sha256(t.encode("utf-8", "surrogatepass")).digest() for t in texts]
        found = self._lookup(list(dict.fromkeys(hashes)))
        missing: dict[bytes, str] = {}
        for h, t in zip(hashes, texts, strict=True):
            if h not in found and h not in missing:
                missing[h] = t
        if missing:
            new = np.asarray(self.inner.encode(list(missing.values()), progress=progress), dtype=np.float32)
            if new.ndim != 2 or new.shape[0] != len(missing):
                raise CacheError(self.path, f"the embedder returned {new.shape} for {len(missing)} texts")
            rows = {h: new[i] for i, h in enumerate(missing)}
            self._store(rows)
            found.update(rows)
        dims = {v.shape[0] for v in found.values()}
        if len(dims) > 1:
            raise CacheError(
                self.path,
                f"holds vectors of several sizes {sorted(dims)} for model {self.name!r}: "
                "the model changed under the same name; delete the cache file",
            )
        self.hits += len(texts) - sum(1 for h in hashes if h in missing)
        self.misses += len(missing)
        out = np.empty((len(texts), dims.pop()), dtype=np.float32)
        for i, h in enumerate(hashes):
            out[i] = found[h]
        if progress:
            progress("embedding", len(texts), len(texts))
        return out

    # --- housekeeping ------------------------------------------------------------------
    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> CachedEmbedder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def stored(self) -> int:
        """Vectors stored for this embedder's model. (Not ``__len__``: an empty cache must stay truthy.)"""
        with _readable(self.path):
            return int(self._db.execute("SELECT COUNT(*) FROM vectors WHERE model = ?", (self.name,)).fetchone()[0])

    # --- internals ---------------------------------------------------------------------
    def _lookup(self, hashes: list[bytes]) -> dict[bytes, np.ndarray]:
        import numpy as np

        found: dict[bytes, np.ndarray] = {}
        with _readable(self.path):
            for h, dim, blob in _select(self._db, "vectors", "model", self.name, "dim, vector", hashes):
                vec = np.frombuffer(blob, dtype="<f4")
                if vec.shape[0] != dim:
                    raise CacheError(self.path, "has a damaged vector; delete the cache file")
                found[bytes(h)] = vec.astype(np.float32, copy=False)
        return found

    def _store(self, rows: dict[bytes, np.ndarray]) -> None:
        import numpy as np

        data = [
            (self.name, h, int(v.shape[0]), np.ascontiguousarray(v, dtype="<f4").tobytes()) for h, v in rows.items()
        ]
        _insert(self._db, self.path, "vectors", data)


def _open(path: str, timeout: float) -> sqlite3.Connection:
    if os.path.isdir(path):
        raise CacheError(path, "is a directory, not an embedding cache file")
    if os.path.exists(path) and os.path.getsize(path) > 0:
        with open(path, "rb") as f:
            if f.read(16) != b"SQLite format 3\x00":
                raise CacheError(path, "is not an embedding cache (not a SQLite database); give another path")
    try:
        db = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    except sqlite3.Error as exc:
        raise CacheError(path, f"cannot open the embedding cache ({exc})") from None
    try:
        _check_or_create(db, path)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise CacheError(path, f"is not a usable embedding cache ({exc})") from None
    except CacheError:
        db.close()
        raise
    return db


_TABLES = (
    "CREATE TABLE IF NOT EXISTS vectors (model TEXT NOT NULL, hash BLOB NOT NULL, dim INTEGER NOT NULL,"
    " vector BLOB NOT NULL, PRIMARY KEY (model, hash)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS timexes (tagger TEXT NOT NULL, hash BLOB NOT NULL, found TEXT NOT NULL,"
    " PRIMARY KEY (tagger, hash)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS segments (segmenter TEXT NOT NULL, hash BLOB NOT NULL, spans BLOB NOT NULL,"
    " PRIMARY KEY (segmenter, hash)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS cleaned (cleaner TEXT NOT NULL, hash BLOB NOT NULL, article TEXT NOT NULL,"
    " PRIMARY KEY (cleaner, hash)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS timex_groups (tagger TEXT NOT NULL, hash BLOB NOT NULL, found TEXT NOT NULL,"
    " PRIMARY KEY (tagger, hash)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS looked_up (cleaner TEXT NOT NULL, hash BLOB NOT NULL, lines TEXT NOT NULL,"
    " PRIMARY KEY (cleaner, hash)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS lower_words (counter TEXT NOT NULL, hash BLOB NOT NULL, words TEXT NOT NULL,"
    " PRIMARY KEY (counter, hash)) WITHOUT ROWID",
)


def _check_or_create(db: sqlite3.Connection, path: str) -> None:
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if tables and "meta" not in tables:
        raise CacheError(path, "is a SQLite database but not a digest embedding cache; give another path")
    if "meta" in tables:
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("format") != FORMAT:
            raise CacheError(path, "is a SQLite database but not a digest embedding cache; give another path")
        if meta.get("version") != VERSION:
            raise CacheError(
                path, f"is an embedding cache of version {meta.get('version')}; this digest reads {VERSION}"
            )
        if tables >= {"vectors", "timexes", "segments", "cleaned", "timex_groups", "looked_up", "lower_words"}:
            _wal(db)
            return
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            db.execute("INSERT OR IGNORE INTO meta VALUES ('format', ?), ('version', ?)", (FORMAT, VERSION))
            for sql in _TABLES:
                db.execute(sql)
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
    except sqlite3.OperationalError as exc:
        # A read-only cache from an older digest (without a newer table) still serves what it has.
        if "meta" not in tables or not ("readonly" in str(exc) or "read-only" in str(exc)):
            raise
    _wal(db)


def _select(
    db: sqlite3.Connection, table: str, owner_column: str, owner: str, values: str, hashes: Sequence[bytes]
) -> Iterator[tuple[Any, ...]]:
    """Rows ``(hash, values...)`` of ``table`` for ``owner`` among ``hashes``, a chunk of
    hashes per query."""
    for i in range(0, len(hashes), _CHUNK):
        part = hashes[i : i + _CHUNK]
        marks = ",".join("?" * len(part))
        sql = f"SELECT hash, {values} FROM {table} WHERE {owner_column} = ? AND hash IN ({marks})"
        yield from db.execute(sql, (owner, *part))


def _stored(
    db: sqlite3.Connection, path: str, table: str, owner_column: str, owner: str, value: str, hashes: Sequence[bytes]
) -> dict[bytes, Any]:
    """``{hash: value}`` of ``table`` for ``owner`` among ``hashes``; empty when the table is
    missing (a read-only cache from an older digest never got it: the caller computes)."""
    try:
        return {bytes(h): v for h, v in _select(db, table, owner_column, owner, value, hashes)}
    except sqlite3.OperationalError as exc:
        if "no such table" not in str(exc):
            raise CacheError(path, f"cannot read the cache ({exc})") from None
        return {}
    except sqlite3.DatabaseError as exc:
        raise CacheError(path, f"is damaged ({exc}); delete the cache file") from None


@contextlib.contextmanager
def _readable(path: str) -> Iterator[None]:
    """Reading a cache whose pages are damaged is a CacheError naming it, not a crash."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        raise CacheError(path, f"cannot read the cache ({exc})") from None
    except sqlite3.DatabaseError as exc:
        raise CacheError(path, f"is damaged ({exc}); delete the cache file") from None


def _insert(db: sqlite3.Connection, path: str, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """Add ``rows`` to ``table`` in one transaction (existing keys are kept). A read-only cache
    still serves what it holds: new rows are then just not kept."""
    if not rows:
        return
    try:
        db.execute("BEGIN IMMEDIATE")
        db.executemany(f"INSERT OR IGNORE INTO {table} VALUES ({','.join('?' * len(rows[0]))})", rows)
        db.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        if db.in_transaction:
            db.execute("ROLLBACK")
        if not isinstance(exc, sqlite3.OperationalError):
            raise CacheError(path, f"is damaged ({exc}); delete the cache file") from None
        message = str(exc)
        if "readonly" in message or "read-only" in message:
            return
        if "no such table" in message:  # a read-only cache from an older digest: the table never came
            return
        raise CacheError(path, f"cannot write to the cache ({exc})") from None


def _wal(db: sqlite3.Connection) -> None:
    # A read-only location or a reader holding the lock: the rollback journal still works.
    with contextlib.suppress(sqlite3.OperationalError):
        db.execute("PRAGMA journal_mode=WAL")


def tagger_fingerprint() -> str:
    """A digest of digest.timex's source: cached tagging results are valid for this code only."""
    import digest.timex

    h = hashlib.sha256()
    folder = os.path.dirname(os.path.abspath(digest.timex.__file__))
    for name in sorted(os.listdir(folder)):
        if name.endswith(".py"):
            with open(os.path.join(folder, name), "rb") as f:
                h.update(name.encode() + b"\0" + f.read())
    return "digest.timex:" + h.hexdigest()[:16]


class CachedTimexes:
    """:func:`digest.timex.find_timexes` with results kept in the cache file (table ``timexes``).

    ``find(text, reference)`` is a drop-in for the tagger (e.g. ``build_timeline(..., find=...)``).
    New results are written in batches; call :meth:`flush` or :meth:`close` (or use ``with``).
    """

    def __init__(self, path: str | os.PathLike[str], *, timeout: float = 60.0) -> None:
        from digest.timex import find_timexes

        self.path = os.fspath(path)
        self.tagger = tagger_fingerprint()
        self._find = find_timexes
        self._db = _open(self.path, timeout)
        self._pending: list[tuple[str, bytes, str]] = []
        self.hits = 0
        self.misses = 0

    def find(self, text: str, reference: dt.date | None = None) -> list[Timex]:
        key = _timex_key(text, reference)
        with _readable(self.path):
            row = self._db.execute(
                "SELECT found FROM timexes WHERE tagger = ? AND hash = ?", (self.tagger, key)
            ).fetchone()
        if row is not None:
            self.hits += 1
            return _timexes(row[0])
        return self._compute(key, text, reference)

    __call__ = find

    def find_many(self, items: Sequence[tuple[str, dt.date | None]]) -> list[list[Timex]]:
        """``[find(text, reference) for text, reference in items]``, looked up a few hundred at a
        time (a re-run over tens of thousands of sentences spends half the time)."""
        keys = [_timex_key(text, reference) for text, reference in items]
        unique = list(dict.fromkeys(keys))
        with _readable(self.path):
            stored = {bytes(h): v for h, v in _select(self._db, "timexes", "tagger", self.tagger, "found", unique)}
        computed: dict[bytes, list[Timex]] = {}  # a text repeated in ``items`` is tagged once
        out: list[list[Timex]] = []
        for key, (text, reference) in zip(keys, items, strict=True):
            payload = stored.get(key)
            if payload is not None:
                self.hits += 1
                out.append(_timexes(payload))
            elif key in computed:
                self.hits += 1
                out.append(list(computed[key]))
            else:
                computed[key] = self._compute(key, text, reference)
                out.append(list(computed[key]))
        return out

    def find_in_sentences(self, groups: Sequence[tuple[Sequence[str], dt.date | None]]) -> list[list[list[Timex]]]:
        """:func:`digest.timex.find_in_sentences` with one stored entry per group (an article's
        sentences and reference date, table ``timex_groups``): a re-run reads an article's
        expressions at once, without testing or looking up its sentences one by one. A group
        not stored is tagged through :meth:`find_many`, so its sentences' entries serve too."""
        from digest.timex import find_in_sentences

        keys = [
            hashlib.sha256(
                json.dumps([ref.isoformat() if ref else None, list(texts)], ensure_ascii=False).encode(
                    "utf-8", "surrogatepass"
                )
            ).digest()
            for texts, ref in groups
        ]
        unique = list(dict.fromkeys(keys))
        stored = _stored(self._db, self.path, "timex_groups", "tagger", self.tagger, "found", unique)
        missing = [i for i, key in enumerate(keys) if key not in stored]
        computed = dict(zip(missing, find_in_sentences([groups[i] for i in missing], self.find_many), strict=True))
        out: list[list[list[Timex]]] = []
        new: list[tuple[str, bytes, str]] = []
        for i, (key, (texts, _ref)) in enumerate(zip(keys, groups, strict=True)):
            if i in computed:
                found = computed[i]
                stored[key] = json.dumps([[n, _rows(f)] for n, f in enumerate(found) if f])
                new.append((self.tagger, key, stored[key]))
                out.append(found)
                continue
            self.hits += len(texts)  # every sentence's answer came from the file
            per_sentence: list[list[Timex]] = [[] for _ in texts]
            for n, items in json.loads(stored[key]):
                per_sentence[n] = [Timex(*item) for item in items]
            out.append(per_sentence)
        _insert(self._db, self.path, "timex_groups", new)
        return out

    def _compute(self, key: bytes, text: str, reference: dt.date | None) -> list[Timex]:
        self.misses += 1
        found = self._find(text, reference)
        self._pending.append((self.tagger, key, _payload(found)))
        if len(self._pending) >= 2000:
            self.flush()
        return found

    def flush(self) -> None:
        _insert(self._db, self.path, "timexes", self._pending)
        self._pending = []

    def close(self) -> None:
        self.flush()
        self._db.close()

    def __enter__(self) -> CachedTimexes:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _timex_key(text: str, reference: dt.date | None) -> bytes:
    return hashlib.sha256(
        (reference.isoformat() if reference else "-").encode() + b"\0" + text.encode("utf-8", "surrogatepass")
    ).digest()


def _payload(found: Sequence[Timex]) -> str:
    return json.dumps(_rows(found))


def _rows(found: Sequence[Timex]) -> list[list[object]]:
    return [[t.start, t.end, t.text, t.type, t.value, t.mod, t.anchored] for t in found]


def _timexes(payload: str) -> list[Timex]:
    return [Timex(*item) for item in json.loads(payload)]


_Cache = TypeVar("_Cache", bound="_ArticleCache")
_T = TypeVar("_T")


class _ArticleCache:
    """Per-article results in one table ``(owner, hash, value)`` of the cache file."""

    table = ""
    owner_column = ""
    value_column = ""
    owner = ""  # the fingerprint of the code whose results are kept

    def __init__(self, path: str | os.PathLike[str], *, timeout: float = 60.0) -> None:
        self.path = os.fspath(path)
        self._db = _open(self.path, timeout)
        self.hits = 0  # articles served from the file
        self.misses = 0  # articles computed

    def close(self) -> None:
        self._db.close()

    def __enter__(self: _Cache) -> _Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _each(
        self,
        articles: Sequence[Article],
        keys: list[bytes],
        decode: Callable[[Article, bytes | str], list[_T]],
        compute: Callable[[Article], tuple[list[_T], bytes | str | None]],
    ) -> list[_T]:
        """Each article's results in order: decoded from the file, or computed and stored (a
        result whose value is None is not stored)."""
        stored = self._lookup(list(dict.fromkeys(keys)))
        out: list[_T] = []
        new: list[tuple[str, bytes, bytes | str]] = []
        for article, key in zip(articles, keys, strict=True):
            value = stored.get(key)
            if value is not None:
                self.hits += 1
                out.extend(decode(article, value))
                continue
            self.misses += 1
            results, value = compute(article)
            out.extend(results)
            if value is not None:
                stored[key] = value
                new.append((self.owner, key, value))
        self._store(new)
        return out

    def _lookup(self, keys: list[bytes]) -> dict[bytes, bytes | str]:
        return _stored(self._db, self.path, self.table, self.owner_column, self.owner, self.value_column, keys)

    def _store(self, rows: list[tuple[str, bytes, bytes | str]]) -> None:
        _insert(self._db, self.path, self.table, rows)


class CachedSegments(_ArticleCache):
    """:func:`digest.tls.segment_all` with each article's sentence offsets kept in the cache file
    (table ``segments``): ``segment_all(articles)`` is a drop-in, e.g. ``build_timeline(...,
    segment=CachedSegments(path))``. Sentences are rebuilt from the offsets into the article's
    own text, so a cached result equals a computed one.
    """

    table, owner_column, value_column = "segments", "segmenter", "spans"

    def __init__(self, path: str | os.PathLike[str], *, timeout: float = 60.0) -> None:
        super().__init__(path, timeout=timeout)
        self.owner = _source_fingerprint("digest.tls.segment_all", ("clean", "segment", "text", "tls", "types"))

    def segment_all(self, articles: Sequence[Article], *, min_words: int = 2) -> list[Sentence]:
        from digest.tls import segment_article

        lower_words, cased = _collection_lower_words(self._db, self.path, articles)

        def decode(article: Article, blob: bytes | str) -> list[Sentence]:
            if not isinstance(blob, bytes) or len(blob) % 16:
                raise CacheError(self.path, "has damaged sentence offsets; delete the cache file")
            offsets = array("q")
            offsets.frombytes(blob)
            if _BIG_ENDIAN:
                offsets.byteswap()
            text = article.text
            pairs = zip(offsets[::2], offsets[1::2], strict=True)
            return [Sentence(article.id, i, s, e, text[s:e]) for i, (s, e) in enumerate(pairs)]

        def compute(article: Article) -> tuple[list[Sentence], bytes | None]:
            found = segment_article(article, min_words=min_words, lower_words=lower_words)
            if any(s.text != article.text[s.start : s.end] for s in found):
                return found, None  # not rebuildable from offsets: not kept
            offsets = array("q", [x for s in found for x in (s.start, s.end)])
            if _BIG_ENDIAN:
                offsets.byteswap()  # stored little-endian, as the vectors
            return found, offsets.tobytes()

        keys = [_segments_key(a, min_words, words) for a, words in zip(articles, cased, strict=True)]
        return self._each(articles, keys, decode, compute)

    __call__ = segment_all


class CachedCleaning(_ArticleCache):
    """:func:`digest.clean.clean_articles` with each cleaned article kept in the cache file (table
    ``cleaned``): ``clean_articles(articles)`` is a drop-in, e.g. ``build_timeline(...,
    clean=CachedCleaning(path))``. An article's entry is keyed by its title and text and by
    which of its lines repeat elsewhere in the collection, and which in many documents (cleaning
    signals), and by which of the words it capitalises the collection writes in lower case (see
    :func:`digest.clean.lower_case_words`): in a grown collection, only the new articles and those
    with a line that now repeats (or has become widespread), or a word whose case now reads otherwise,
    are cleaned again.
    """

    table, owner_column, value_column = "cleaned", "cleaner", "article"

    def __init__(self, path: str | os.PathLike[str], *, timeout: float = 60.0) -> None:
        super().__init__(path, timeout=timeout)
        self.owner = _source_fingerprint("digest.clean.clean_articles", ("clean", "text", "types"))

    def clean_articles(self, articles: Sequence[Article]) -> list[Article]:
        from digest.clean import clean_article, line_keys, repetition

        own = [line_keys(a) for a in articles]
        repeated, widespread = repetition(articles, keys=own)
        lower_words, cased = _collection_lower_words(self._db, self.path, articles)
        keys = [
            hashlib.sha256(
                json.dumps(
                    [a.title, a.text, sorted(looked_up & repeated), sorted(looked_up & widespread), words],
                    ensure_ascii=False,
                ).encode("utf-8", "surrogatepass")
            ).digest()
            for a, looked_up, words in zip(
                articles, self._looked_up(articles, own, cased, lower_words), cased, strict=True
            )
        ]

        def decode(article: Article, payload: bytes | str) -> list[Article]:
            text, title, headings, removed = json.loads(payload)
            spans = tuple(Span(s, e) for s, e in headings)
            lines = tuple((line, reason) for line, reason in removed)
            return [replace(article, text=text, title=title, headings=spans, removed=lines)]

        def compute(article: Article) -> tuple[list[Article], str]:
            cleaned = clean_article(article, repeated=repeated, widespread=widespread, lower_words=lower_words)
            headings = [[h.start, h.end] for h in cleaned.headings]
            payload = json.dumps([cleaned.text, cleaned.title, headings, cleaned.removed], ensure_ascii=False)
            return [cleaned], payload

        return self._each(articles, keys, decode, compute)

    __call__ = clean_articles

    def _looked_up(
        self,
        articles: Sequence[Article],
        own: Sequence[set[str]],
        cased: Sequence[list[str]],
        lower_words: frozenset[str],
    ) -> list[set[str]]:
        """Each article's :func:`digest.clean.looked_up_lines` (given its ``line_keys``, and the
        collection's ``lower_words``, of which its text capitalises ``cased``), the lines beyond
        ``own`` kept in table ``looked_up``: finding them runs the lead-in and run-in rules over
        every line, which was half of a re-run's cleaning."""
        from digest.clean import looked_up_lines

        hashes = [
            hashlib.sha256(f"{a.text}\0{' '.join(words)}".encode("utf-8", "surrogatepass")).digest()
            for a, words in zip(articles, cased, strict=True)
        ]
        stored = _stored(self._db, self.path, "looked_up", "cleaner", self.owner, "lines", list(dict.fromkeys(hashes)))
        out: list[set[str]] = []
        new: list[tuple[str, bytes, str]] = []
        for article, lines, key in zip(articles, own, hashes, strict=True):
            value = stored.get(key)
            if isinstance(value, str):
                out.append(lines | set(json.loads(value)))
                continue
            found = looked_up_lines(article, keys=lines, lower_words=lower_words)
            stored[key] = json.dumps(sorted(found - lines), ensure_ascii=False)
            new.append((self.owner, key, stored[key]))
            out.append(found)
        _insert(self._db, self.path, "looked_up", new)
        return out


def _collection_lower_words(
    db: sqlite3.Connection, path: str, articles: Sequence[Article]
) -> tuple[frozenset[str], list[list[str]]]:
    """:func:`digest.clean.lower_case_words` of the articles' texts, and each article's
    :func:`digest.clean.lower_words_of`, kept in table ``lower_words`` under the collection's texts:
    counting every word of a large collection is most of a re-run's cleaning and segmenting."""
    from digest.clean import lower_case_words, lower_words_of

    owner = _source_fingerprint("digest.clean.lower_case_words", ("clean",))
    hashes = [hashlib.sha256(a.text.encode("utf-8", "surrogatepass")).hexdigest() for a in articles]
    key = hashlib.sha256("\n".join(sorted(set(hashes))).encode()).digest()
    value = _stored(db, path, "lower_words", "counter", owner, "words", [key]).get(key)
    if isinstance(value, str):
        words, cased = json.loads(value)
        return frozenset(words), [cased.get(h, []) for h in hashes]
    lower_words = lower_case_words(a.text for a in articles)
    per_article = [lower_words_of(a.text, lower_words) for a in articles]
    stored = {h: c for h, c in zip(hashes, per_article, strict=True) if c}
    _insert(db, path, "lower_words", [(owner, key, json.dumps([sorted(lower_words), stored]))])
    return lower_words, per_article


def _segments_key(article: Article, min_words: int, lower_words: Sequence[str]) -> bytes:
    h = hashlib.sha256(f"{min_words}|{' '.join(lower_words)}|".encode())
    for span in article.headings:
        h.update(f"{span.start}-{span.end},".encode())
    h.update(b"\0" + article.text.encode("utf-8", "surrogatepass"))
    return h.digest()


def _source_fingerprint(label: str, modules: Sequence[str]) -> str:
    """A digest of the source of the digest modules that decide a cached result: entries are
    valid for this code only."""
    import digest

    h = hashlib.sha256()
    folder = os.path.dirname(os.path.abspath(digest.__file__))
    for name in modules:
        with open(os.path.join(folder, name + ".py"), "rb") as f:
            h.update(name.encode() + b"\0" + f.read())
    return f"{label}:{h.hexdigest()[:16]}"
