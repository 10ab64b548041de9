"""Typed errors. Every message names the input and says what to do about it."""

from __future__ import annotations

from collections.abc import Sequence


def named(items: Sequence[str], shown: int = 3) -> str:
    """The first ``shown`` items for a message, and how many more: "a, b, c and 2 more"."""
    more = f" and {len(items) - shown} more" if len(items) > shown else ""
    return ", ".join(items[:shown]) + more


class DigestError(Exception):
    """Base class of all errors digest raises on purpose."""

    exit_code = 1


class InputError(DigestError):
    """An input path or document cannot be used (missing, unreadable, binary, empty...)."""

    exit_code = 2

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class NoSentencesError(InputError):
    """Input was readable but yielded no usable sentences."""


class CacheError(InputError):
    """A cache file exists but is not a digest cache (or cannot be used)."""


class ConfigError(DigestError):
    """An option has a value digest cannot work with."""

    exit_code = 3


class ModelError(DigestError):
    """The embedding model could not be loaded or run."""

    exit_code = 4


class OutputError(DigestError):
    """The output cannot be written where it was asked for (missing folder, no permission, an input)."""

    exit_code = 5


class DateError(DigestError):
    """A date given by the user could not be understood."""

    exit_code = 3
