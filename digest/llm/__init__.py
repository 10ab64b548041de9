"""The optional LLM stage (``digest build --llm MODEL_ID``): written headline, fused key points,
short timeline entries and disagreement phrasings from the ``prompts/`` templates, each used only
when it passes the grounding check against its cited sentences.

    from digest.llm import apply_llm
    briefing = apply_llm(briefing, model_id="SmolLM2", embedder=embedder)

Importing this package does not import ``llm``: that happens when a model is first asked.
"""

from __future__ import annotations

from digest.llm.grounding import SIMILARITY_THRESHOLD
from digest.llm.prompts import PromptError, PromptTemplate, default_prompts_dir, load_prompt, load_prompts
from digest.llm.stage import LLMError, apply_llm, model_asker

__all__ = [
    "SIMILARITY_THRESHOLD",
    "LLMError",
    "PromptError",
    "PromptTemplate",
    "apply_llm",
    "default_prompts_dir",
    "load_prompt",
    "load_prompts",
    "model_asker",
]
