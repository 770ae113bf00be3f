"""load_settings: defaults < YAML file < environ mapping < keyword overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from config.settings import FetchSettings, Settings, SettingsError, load_settings


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


def test_bad_environ_value_is_a_settings_error_naming_the_variable() -> None:
    with pytest.raises(SettingsError, match="CLUSTERWATCH_FETCH__READ_TIMEOUT='soon'"):
        load_settings(environ={"CLUSTERWATCH_FETCH__READ_TIMEOUT": "soon"})


@pytest.mark.parametrize("value", ["abc", "0"])
def test_bad_batch_size_names_the_variable_in_one_line(value: str) -> None:
    with pytest.raises(SettingsError) as info:
        load_settings(environ={"CLUSTERWATCH_BATCH_SIZE": value})
    message = str(info.value)
    assert message.startswith(f"CLUSTERWATCH_BATCH_SIZE={value!r}: ")
    assert "\n" not in message


def test_bad_file_value_names_the_file_and_key(settings_file: Path) -> None:
    settings_file.write_text("fetch:\n  retries: many\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"fetch\.retries='many'") as info:
        load_settings(settings_file, environ={})
    assert str(settings_file) in str(info.value)


def test_unknown_key_in_the_settings_file_is_refused(settings_file: Path) -> None:
    settings_file.write_text("fetch:\n  read_timout: 3\n", encoding="utf-8")
    expected = r"fetch\.read_timout: unknown setting \(did you mean 'read_timeout'"
    with pytest.raises(SettingsError, match=expected):
        load_settings(settings_file, environ={})


def test_unknown_variable_is_warned_about_with_the_close_match(caplog: pytest.LogCaptureFixture) -> None:
    environ = {"CLUSTERWATCH_BACH_SIZE": "5", "CLUSTERWATCH_FETCH__RETRIS": "1", "CLUSTERWATCH_REPO": "/r"}
    with caplog.at_level("WARNING", logger="clusterwatch.config"):
        settings = load_settings(environ=environ)
    assert settings == Settings()  # ignored, not applied
    messages = [r.getMessage() for r in caplog.records]
    assert any("CLUSTERWATCH_BACH_SIZE" in m and "CLUSTERWATCH_BATCH_SIZE" in m for m in messages)
    assert any("CLUSTERWATCH_FETCH__RETRIS" in m and "CLUSTERWATCH_FETCH__RETRIES" in m for m in messages)
    assert not any("CLUSTERWATCH_REPO" in m for m in messages)  # used by deployments, not a setting


ABSURD = [
    ("CLUSTERWATCH_FETCH__READ_TIMEOUT", "inf"),
    ("CLUSTERWATCH_FETCH__CONNECT_TIMEOUT", "nan"),
    ("CLUSTERWATCH_EXTRACT__MAX_PAGE_BYTES", "-1"),
    ("CLUSTERWATCH_EXTRACT__MAX_MARKUP_CHARS", "0"),
    ("CLUSTERWATCH_EXTRACT__MAX_LINK_SHARE", "-3"),
    ("CLUSTERWATCH_EXTRACT__MIN_TEXT_CHARS", "-5"),
    ("CLUSTERWATCH_FETCH__MAX_BODY_BYTES", str(10**12)),
    ("CLUSTERWATCH_WORKERS", "100000"),
    ("CLUSTERWATCH_BATCH_SIZE", str(10**12)),
    ("CLUSTERWATCH_FETCH__RETRIES", "1000"),
    ("CLUSTERWATCH_FETCH__BACKOFF_SECONDS", "1e9"),
    ("CLUSTERWATCH_ANALYST__TIMEOUT_SECONDS", "0"),
    ("CLUSTERWATCH_RUN__LEASE_WAIT_SECONDS", "-1"),
    ("CLUSTERWATCH_RUN__MEMORY_LIMIT_MB", "16"),
    ("CLUSTERWATCH_RUN__SERVER_KEEP_SECONDS", "1e6"),
    ("CLUSTERWATCH_REPORT__URLS_PER_CHECK", "0"),
]


@pytest.mark.parametrize(("name", "value"), ABSURD)
def test_an_absurd_value_is_refused_naming_the_variable_and_its_range(name: str, value: str) -> None:
    with pytest.raises(SettingsError) as info:
        load_settings(environ={name: value})
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{name}={value!r}: ")
    assert "(range: " in message and "value" in message


def test_every_numeric_setting_has_a_lower_and_an_upper_bound() -> None:
    from config.settings import setting_range, setting_variables

    unbounded = []
    for name, path in setting_variables().items():
        model = Settings
        for part in path[:-1]:
            model = model.model_fields[part].annotation
        annotation = model.model_fields[path[-1]].annotation
        if annotation in (int, float):
            found = setting_range(path)
            lower = "< value" in found or "<= value" in found
            if not (found.startswith(" (range: ") and " value <" in found and lower):
                unbounded.append(name)
    assert unbounded == []


def test_the_tasks_retries_are_settings_with_ranges() -> None:
    environ = {
        "CLUSTERWATCH_TASKS__PUBLISH__RETRY_DELAYS": "0, 1.5",
        "CLUSTERWATCH_TASKS__CRAWL__RETRIES": "4",
    }
    tasks = load_settings(environ=environ).tasks
    assert tasks.publish.retry_delays == (0.0, 1.5) and tasks.publish.retries == 2
    crawl = tasks.crawl
    assert (crawl.retries, crawl.retry_delays, crawl.retry_jitter) == (4, (60.0, 120.0), 0.5)
    from_file = load_settings(environ={}, tasks={"warehouse_state": {"retries": 0}}).tasks
    assert from_file.warehouse_state.retries == 0 and from_file.warehouse_state.retry_delays == (1, 5, 20)


@pytest.mark.parametrize(
    ("name", "value", "told"),
    [
        ("CLUSTERWATCH_TASKS__PUBLISH__RETRY_DELAYS", "2,99999", "(range: 0 <= value <= 3600)"),
        ("CLUSTERWATCH_TASKS__PUBLISH__RETRY_DELAYS", "-1", "(range: 0 <= value <= 3600)"),
        ("CLUSTERWATCH_TASKS__CRAWL__RETRY_DELAYS", "1,2,3,4,5,6,7,8,9,10,11", "at most 10 items"),
        ("CLUSTERWATCH_TASKS__CRAWL__RETRIES", "11", "(range: 0 <= value <= 10)"),
        ("CLUSTERWATCH_TASKS__WAREHOUSE_STATE__RETRY_JITTER", "2", "(range: 0 <= value <= 1)"),
    ],
)
def test_a_retry_setting_out_of_range_is_one_line(name: str, value: str, told: str) -> None:
    with pytest.raises(SettingsError) as info:
        load_settings(environ={name: value})
    message = str(info.value)
    assert message.startswith(f"{name}={value!r}: ") and told in message
    assert "\n" not in message and ";" not in message  # one error, not the list's length besides
