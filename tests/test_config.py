"""The one configuration object: validation, and the record of settings a briefing keeps."""

from __future__ import annotations

import datetime as dt

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
