"""The one configuration object: validation, and the record of settings a briefing keeps."""

from __future__ import annotations

import datetime as dt
import platform

import pytest

from digest.config import Config, TimelineSettings
from digest.errors import ConfigError


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"max_points": 0}, "max_points must be at least 1"),
        ({"min_cluster_size": 1}, "min_cluster_size must be at least 2"),
        ({"per_date": 0}, "max_dates and per_date must be at least 1"),
        ({"start": dt.date(2010, 5, 2), "end": dt.date(2010, 5, 1)}, "start 2010-05-02 is after end 2010-05-01"),
        ({"redundancy_similarity": 1.5}, "redundancy_similarity must be a cosine similarity"),
        ({"leaf_merge_similarity": -2.0}, "leaf_merge_similarity must be a cosine similarity"),
        ({"figure_merge_similarity": 1.2}, "figure_merge_similarity must be a cosine similarity"),
        ({"precision": "float16"}, "precision must be one of auto, float32, bfloat16, got 'float16'"),
        ({"specificity_weight": -0.5}, "specificity_weight must not be negative, got -0.5"),
        ({"citation_probability": 1.5}, r"citation_probability must be a probability in \[0, 1\], got 1.5"),
        ({"max_point_words": 4}, r"max_point_words \(4\) must be at least min_sentence_words \(5\)"),
        ({"story_distance": 0.0}, r"story_distance must be a cosine distance in \(0, 2\), got 0.0"),
        ({"story_min_share": 0.6}, r"story_min_share must be in \(0, 0.5\], got 0.6"),
    ],
)
def test_a_bad_option_is_a_config_error_naming_it(options: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Config(**options)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("knobs", "message"),
    [
        ({"max_words": 0}, "timeline.max_words must be at least 1"),
        ({"repeat_similarity": 2.0}, "timeline.repeat_similarity must be a cosine similarity"),
        ({"lead_days": (0, -1)}, "timeline.lead_sentences and lead_days must not be negative"),
    ],
)
def test_a_bad_timeline_knob_is_a_config_error_naming_it(knobs: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        TimelineSettings(**knobs)  # type: ignore[arg-type]


def test_options_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        Config("all-MiniLM-L6-v2")  # type: ignore[misc]
    with pytest.raises(TypeError):
        TimelineSettings(0.5)  # type: ignore[misc]


def test_with_options_ignores_none_and_keeps_the_rest() -> None:
    config = Config(max_points=3).with_options(max_points=None, per_date=2)
    assert (config.max_points, config.per_date) == (3, 2)


def test_the_settings_record_names_every_option_once_with_the_timeline_knobs_prefixed() -> None:
    config = Config(start=dt.date(2010, 4, 20), timeline=TimelineSettings(lexical_weight=0.5))
    record = dict(config.record())
    assert len(record) == len(config.record())
    assert record["max_points"] == 8 and record["timeline.lexical_weight"] == 0.5
    assert record["start"] == "2010-04-20" and record["end"] is None
    assert "timeline" not in record
    assert record["timeline.lead_days"] == (0, 1)


@pytest.mark.skipif(
    platform.system() != "Linux" or platform.machine().lower() not in {"x86_64", "amd64"}, reason="reads x86 CPU flags"
)
def test_auto_precision_is_bfloat16_only_on_a_cpu_that_has_it(tmp_path) -> None:
    from digest.embed import native_bfloat16

    with_bf16 = tmp_path / "zen4"
    with_bf16.write_text("processor\t: 0\nflags\t\t: fpu avx2 avx512f avx512_bf16 avx512_vnni\n\n")
    without = tmp_path / "skylake"
    without.write_text("processor\t: 0\nflags\t\t: fpu avx2 avx512f avx512bw\n\n")
    assert native_bfloat16(str(with_bf16)) is True
    assert native_bfloat16(str(without)) is False
    assert native_bfloat16(str(tmp_path / "missing")) is False


def test_precision_names_what_the_embedder_computes_in(monkeypatch) -> None:
    import digest.embed as embed

    monkeypatch.setattr(embed, "native_bfloat16", lambda: False)
    assert embed.resolve_precision("auto") == "float32"
    assert embed.SentenceTransformerEmbedder.from_config(Config()).name == "all-MiniLM-L6-v2 (packaged)"
    monkeypatch.setattr(embed, "native_bfloat16", lambda: True)
    assert embed.resolve_precision("auto") == "bfloat16"
    assert embed.SentenceTransformerEmbedder.from_config(Config()).name.endswith(" [bfloat16]")
    assert embed.resolve_precision("float32") == "float32"
    with pytest.raises(ConfigError, match="precision must be one of"):
        embed.resolve_precision("fp16")


@pytest.mark.parametrize(
    ("component", "options"),
    [
        (
            "digest.select.CentralAttestedSelector",
            {
                "redundancy_similarity": "redundancy_similarity",
                "min_words": "min_sentence_words",
                "max_words": "max_point_words",
                "specificity_weight": "specificity_weight",
                "echo_similarity": "echo_similarity",
                "citation_probability": "citation_probability",
            },
        ),
        ("digest.cluster.HdbscanClusterer", {"min_cluster_size": "min_cluster_size", "min_samples": "min_samples"}),
        (
            "digest.embed.SentenceTransformerEmbedder",
            {"model": "model", "batch_size": "batch_size", "precision": "precision"},
        ),
    ],
)
def test_a_stage_made_without_options_has_configs_defaults(component: str, options: dict[str, str]) -> None:
    """A stage made by hand (``CentralAttestedSelector()``) works as the pipeline's, which it makes
    from a default Config: the defaults are Config's, defined once."""
    import importlib
    import inspect

    module, name = component.rsplit(".", 1)
    parameters = inspect.signature(getattr(importlib.import_module(module), name)).parameters
    default = Config()
    for parameter, option in options.items():
        assert parameters[parameter].default == getattr(default, option), (component, parameter)
