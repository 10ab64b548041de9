"""Loading a model given by hub name, in a real subprocess with a clean environment: a copy in the
local Hugging Face cache loads without the network, and a name that is not there fails at once when
the hub cannot be reached (the hub client would otherwise retry every file for over a minute)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE

# A port nothing listens on: connections are refused at once, on any machine, network or not.
UNREACHABLE = "http://127.0.0.1:9"


def run(*args: str, hf_home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "TRANSFORMERS_"))}
    env.update(HF_HOME=str(hf_home), HF_ENDPOINT=UNREACHABLE)
    return subprocess.run([sys.executable, "-m", "digest", *args], capture_output=True, text=True, env=env)


def cache_model(hf_home: Path, repo: str) -> None:
    """The packaged model's files as the hub client stores a download of ``repo``."""
    from digest.embed import packaged_model_path

    revision = "0" * 40
    folder = hf_home / "hub" / f"models--{repo.replace('/', '--')}"
    snapshot = folder / "snapshots" / revision
    source = Path(packaged_model_path())
    for path in source.rglob("*"):
        if path.is_file():
            target = snapshot / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(path)
    (folder / "refs").mkdir(parents=True)
    (folder / "refs" / "main").write_text(revision)


def test_a_hub_name_in_the_local_cache_needs_no_network(tmp_path: Path) -> None:
    cache_model(tmp_path / "hf", "someone/minilm-copy")
    out = tmp_path / "briefing.md"
    done = run(
        "build", str(EXAMPLE), "--model", "someone/minilm-copy", "--precision", "float32", "-o", str(out),
        hf_home=tmp_path / "hf",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "127.0.0.1:9" not in done.stderr  # the hub client logs every request it fails; none was made
    # The same weights as the packaged model: the same briefing as the committed example.
    assert out.read_text(encoding="utf-8") == (EXAMPLE / "briefing.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["nosuchmodel", "someone/not-downloaded"])
def test_a_hub_name_not_cached_fails_at_once_when_the_hub_cannot_be_reached(tmp_path: Path, name: str) -> None:
    out = tmp_path / "briefing.md"
    done = run("build", str(EXAMPLE), "--model", name, "-o", str(out), hf_home=tmp_path / "hf")
    assert done.returncode == 4
    message = done.stderr.strip().splitlines()[-1]
    assert f"cannot load embedding model {name!r}" in message
    assert "not in the local Hugging Face cache" in message and "cannot be reached" in message
    assert not out.exists()
