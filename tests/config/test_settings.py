"""load_settings: defaults < YAML file < environ mapping < keyword overrides."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from config.settings import FetchSettings, Settings, load_settings


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    path = tmp_path / "settings.yaml"
    path.write_text(
        "home: /from/file\nfetch:\n  read_timeout: 30\n  retries: 7\nlanguages: [ru]\n", encoding="utf-8"
    )
    return path


def test_defaults_with_empty_environ() -> None:
    settings = load_settings(environ={})
    assert settings == Settings()
    assert settings.home == Path("data")
    assert settings.fetch.read_timeout == 15.0
    assert settings.database_path == Path("data") / "clusterwatch.duckdb"


def test_yaml_file_overrides_defaults_and_keeps_other_nested_defaults(settings_file: Path) -> None:
    settings = load_settings(settings_file, environ={})
    assert settings.home == Path("/from/file")
    assert settings.fetch.read_timeout == 30.0
    assert settings.fetch.retries == 7
    assert settings.fetch.connect_timeout == FetchSettings().connect_timeout
    assert settings.languages == ("ru",)
    assert settings.database_path == Path("/from/file/clusterwatch.duckdb")


def test_environ_overrides_file_including_nested_keys(settings_file: Path) -> None:
    environ = {
        "CLUSTERWATCH_HOME": "/from/env",
        "CLUSTERWATCH_FETCH__READ_TIMEOUT": "2.5",
        "OTHER_HOME": "/ignored",
    }
    settings = load_settings(settings_file, environ=environ)
    assert settings.home == Path("/from/env")
    assert settings.fetch.read_timeout == 2.5
    assert settings.fetch.retries == 7  # from the file, untouched by the environment


def test_keyword_overrides_beat_environ_and_none_is_ignored(settings_file: Path) -> None:
    environ = {"CLUSTERWATCH_HOME": "/from/env", "CLUSTERWATCH_FETCH__READ_TIMEOUT": "2.5"}
    settings = load_settings(settings_file, environ=environ, home=Path("/from/kw"), languages=None)
    assert settings.home == Path("/from/kw")
    assert settings.fetch.read_timeout == 2.5
    assert settings.languages == ("ru",)


def test_nested_keyword_override_merges_with_file(settings_file: Path) -> None:
    settings = load_settings(settings_file, environ={}, fetch={"retries": 0})
    assert settings.fetch.retries == 0
    assert settings.fetch.read_timeout == 30.0


def test_environ_defaults_to_os_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLUSTERWATCH_FETCH__MAX_REDIRECTS", "9")
    assert load_settings().fetch.max_redirects == 9


def test_bad_environ_value_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="read_timeout"):
        load_settings(environ={"CLUSTERWATCH_FETCH__READ_TIMEOUT": "soon"})
