"""A persistent cache of LLM answers (one SQLite file), so re-running a build costs nothing.

One table, ``llm_answers``, so the file may be shared with the embedding cache. The key is a
SHA-256 of the model id, the prompt file's content hash and the rendered prompt and system prompt
(which contain every input). Nothing else is stored: no time, no user.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from digest.errors import DigestError


def answer_key(model_id: str, prompt_sha256: str, prompt: str, system: str | None) -> str:
    payload = json.dumps([model_id, prompt_sha256, prompt, system], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class AnswerCache:
    """``get``/``put`` answers by key; ``None`` path: a cache that keeps nothing."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        self.hits = 0
        self.misses = 0
        if path is None:
            return
        if not Path(path).parent.is_dir():
            raise DigestError(f"{path}: folder of the LLM answer cache does not exist")
        try:
            self._db = sqlite3.connect(path, timeout=60.0)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS llm_answers (key TEXT PRIMARY KEY, model TEXT NOT NULL, "
                "prompt_file_sha256 TEXT NOT NULL, answer TEXT NOT NULL)"
            )
            self._db.commit()
        except sqlite3.Error as exc:
            raise DigestError(f"{path}: cannot open the LLM answer cache ({exc})") from None

    def get(self, key: str) -> str | None:
        if self._db is None:
            self.misses += 1
            return None
        row = self._db.execute("SELECT answer FROM llm_answers WHERE key = ?", (key,)).fetchone()
        if row is None:
            self.misses += 1
            return None
        self.hits += 1
        return str(row[0])

    def put(self, key: str, model_id: str, prompt_sha256: str, answer: str) -> None:
        if self._db is None:
            return
        self._db.execute(
            "INSERT OR REPLACE INTO llm_answers (key, model, prompt_file_sha256, answer) VALUES (?, ?, ?, ?)",
            (key, model_id, prompt_sha256, answer),
        )
        self._db.commit()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
