"""What the check hands to the flow's crawl: taken once, for the database and sources it was made on."""

from __future__ import annotations

from pathlib import Path

from config.settings import load_settings
from config.sources import Source, SourcesConfig
from flows.precheck.handoff import drop, hand_on, take
from ingest.crawl import Found, Learned
from ingest.records import fetch_log_frame


def _config(name: str) -> SourcesConfig:
    source = Source(name=name, feeds=["http://127.0.0.1:9/rss.xml"], allowed_domains=["127.0.0.1"])
    return SourcesConfig(allow_private_networks=True, sources=[source])


def _learned() -> Learned:
    return Learned(Found([], fetch_log_frame([], kind="seed")), {}, {})


def test_a_hand_off_is_taken_once_and_only_for_its_database_and_sources(tmp_path: Path) -> None:
    here, there = load_settings(home=tmp_path / "a"), load_settings(home=tmp_path / "b")
    learned = _learned()
    hand_on(here, _config("s"), learned)
    assert take(there, _config("s")) is None  # another database
    assert take(here, _config("s")) is learned
    assert take(here, _config("s")) is None  # a retried crawl crawls whole
    hand_on(here, _config("s"), learned)
    assert take(here, _config("t")) is None  # other sources: dropped, not handed on
    assert take(here, _config("s")) is None
    hand_on(here, _config("s"), learned)
    drop(here)
    assert take(here, _config("s")) is None
