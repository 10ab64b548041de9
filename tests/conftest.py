from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kursk"
SHARED = ROOT.parent / "shared"
T17 = SHARED / "eval" / "t17"


@pytest.fixture(scope="session")
def example_dir() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def t17_days_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One embedding cache for the evaluation gates that build the same T17 days (key points and
    their citations): the second gate re-embeds nothing."""
    return tmp_path_factory.mktemp("t17-days") / "cache.sqlite"


@pytest.fixture(scope="session")
def kursk_briefing():
    """The example briefing, built once per session with the real packaged model."""
    import digest

    return digest.build([EXAMPLE])


def seed_articles() -> list[Path]:
    return sorted(p for p in EXAMPLE.glob("*.txt"))
