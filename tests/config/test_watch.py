"""The watchlists file: the bundled example loads, names become ISO codes, and every mistake is told in
one line naming the file, the list and the key."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from config.watch import KINDS, WatchError, load_watch
from flows.watch import read_watchlists
from transforms.watch.kinds import KINDS as DIGEST_KINDS

EXAMPLE = Path("config/watch.yaml")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "watch.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _refusal(tmp_path: Path, text: str) -> str:
    with pytest.raises(WatchError) as raised:
        read_watchlists(_write(tmp_path, text))
    return str(raised.value)


def test_the_bundled_example_loads() -> None:
    watch = read_watchlists(EXAMPLE)
    assert [item.name for item in watch.lists] == ["kaluga", "foreign-investors", "cluster-policy"]
    assert watch.named("kaluga").regions == ["RU-KLU"]
    assert watch.named("foreign-investors").investor_countries == ["DE", "FR", "TR"]


def test_region_and_country_names_become_codes(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "lists:\n  - name: a\n    regions: [Калужская область, kaluga oblast, RU-KLU, Omsk Oblast]\n"
        "    investor_countries: [Germany, de, Германия, Korea]\n    sites: [8496245503121407461, Vorsino]\n",
    )
    found = read_watchlists(path).named("a")
    assert found.regions == ["RU-KLU", "RU-OMS"]
    assert found.sites == ["8496245503121407461", "Vorsino"]
    assert found.investor_countries == ["DE", "KR"]


ESCAPING = os.pardir + "/etc"  # a list name that would lead out of the digests' folder


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "lists:\n  - name: a\n    region: [RU-KLU]\n",
            "list 'a': unknown key 'region' (did you mean 'regions'?)",
        ),
        ("lists:\n  - name: a\n    regions: [RU-XXX]\n", "list 'a': regions: unknown region 'RU-XXX'"),
        ("lists:\n  - name: a\n    regions: [Atlantis]\n", "list 'a': regions: unknown region 'Atlantis'"),
        ("lists:\n  - name: a\n    investor_countries: [ZZ]\n", "investor_countries: unknown country 'ZZ'"),
        (
            "lists:\n  - name: a\n    kinds: [new_sites]\n",
            "unknown kind 'new_sites' (did you mean 'new_site'?)",
        ),
        ("lists:\n  - name: a\n    webhook: chat.example.org/hook\n", "webhook: not an absolute http(s) URL"),
        ("lists:\n  - name: a\n  - name: A\n", "list names must be unique, repeated: a"),
        ("lists: []\n", "at least one list is needed"),
        ("feed_runs: 0\nlists:\n  - name: a\n", "feed_runs: Input should be greater than or equal to 1"),
        ("webhook_retries: 50\nlists:\n  - name: a\n", "webhook_retries: Input should be less than or equal"),
        (f"lists:\n  - name: {ESCAPING}\n", f"list '{ESCAPING}': name: String should match pattern"),
        ("lists:\n  - title: no name\n", "lists[0]: missing key 'name'"),
        ("list:\n  - name: a\n", "unknown key 'list' (did you mean 'lists'?)"),
        ("lists:\n  - name: a\n    keywords: ['', x]\n", "list 'a': keywords: an empty entry"),
    ],
)
def test_each_mistake_is_told_in_one_line(tmp_path: Path, text: str, message: str) -> None:
    lines = _refusal(tmp_path, text).splitlines()  # one line per problem, each naming the file
    assert all(line.startswith(str(tmp_path / "watch.yaml") + ": ") for line in lines)
    assert any(message in line for line in lines)


def test_a_missing_file_and_a_list_that_is_not_there_are_named(tmp_path: Path) -> None:
    with pytest.raises(WatchError, match="watchlists file not found"):
        load_watch(tmp_path / "nothing.yaml")
    with pytest.raises(WatchError, match=r"no list named 'kaluqa' \(did you mean 'kaluga'\?\)"):
        read_watchlists(EXAMPLE).named("kaluqa")


def test_the_file_and_the_digest_know_the_same_kinds() -> None:
    assert KINDS == DIGEST_KINDS
