"""The HTML briefing in a real browser (headless Chromium): it renders, the sections are there,
and nothing from a source runs as script. Skips when Chromium is not installed (.ci/run installs it)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from digest.config import Config
from digest.pipeline import run

from .test_render import EVIL, _articles, _embeddings

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed (apt-get install chromium)")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    cmd = [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True)


def test_html_renders_in_chromium_without_running_source_script(tmp_path: Path) -> None:
    arts = _articles()
    briefing = run(arts, Config(as_of=dt.date(2025, 2, 1)), embeddings=_embeddings(arts))
    page = tmp_path / "briefing.html"
    page.write_text(briefing.to_html(), encoding="utf-8")
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    assert "<h2>Key points</h2>" in dom and "<h2>Timeline</h2>" in dom and "<h2>Sources</h2>" in dom
    assert "&lt;script&gt;" in dom and "<script>" not in dom
    assert 'href="http://evil.example"' not in dom
    assert EVIL.split("<script>")[0].strip() in dom
    # each citation number links to its source's item in the list, as the browser parsed them
    links = set(re.findall(r'<a href="#(source-\d+)">', dom))
    assert links and links <= set(re.findall(r'<li id="(source-\d+)">', dom))
    shot = tmp_path / "shot.png"
    _chromium(tmp_path, f"--screenshot={shot}", "--window-size=900,1200", page.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000


def test_a_timeline_renders_in_chromium(tmp_path: Path) -> None:
    # `digest timeline` output: no key points, its entries in date order (months before the day)
    from digest.tls import build_timeline

    from .test_tls import BagOfWords, kursk_like

    timeline = build_timeline(kursk_like(), Config(max_dates=4, as_of=dt.date(2025, 1, 1)), embedder=BagOfWords())
    page = tmp_path / "timeline.html"
    page.write_text(timeline.to_html(), encoding="utf-8")
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    assert "<h2>Timeline</h2>" in dom and "<h2>Sources</h2>" in dom and "Key points" not in dom
    labels = [dom.index(f"<strong>{label}</strong>") for label in ("August 2024", "November 2024", "27 December 2024")]
    assert labels == sorted(labels)
