"""Codes shown as words: legal acts, site types, figures with their qualifier."""

from __future__ import annotations

from reports.words import act, amount, code, outcome, site_type


def test_acts_and_sites_as_words() -> None:
    assert act("government_decree", "1659") == "government decree No. 1659"
    assert act("strategy", None, "Strategy 2030") == "Strategy 2030"
    assert site_type("industrial_park") == "industrial park" and site_type("sez") == "special economic zone"
    assert code("agreement_signed") == "agreement signed" and outcome("not_modified") == "not modified"


def test_amounts_say_their_qualifier_and_unit() -> None:
    assert amount(9e8, "RUB", "up_to") == "up to 900 M ₽"
    assert amount(3e9, "RUB", "exact") == "3 B ₽"
    assert amount(40, "%", "over") == "more than 40%"
    assert amount(50, "items", "exact") == "50"
    assert amount(1042, "ha", "about") == "about 1 042 ha"
    assert amount(None, "RUB") == ""
