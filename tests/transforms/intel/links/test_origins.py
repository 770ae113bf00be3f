"""from_country, on short texts written for these tests."""

from __future__ import annotations

from transforms.intel.links.origins import demonyms


def test_adjective_before_the_name_in_both_languages(relations) -> None:
    assert ("from_country", "Bosch", "DE") in relations("The German engineering group Bosch opened a plant.")
    found = relations("Японская компания Toyota и американская Cummins расширяют выпуск.", "ru")
    assert {("from_country", "Toyota", "JP"), ("from_country", "Cummins", "US")} <= found


def test_a_list_after_an_adjective_and_its_group_noun(relations) -> None:
    text = (
        "French brands in the region include Danone, Michelin (a partner of Toyota and Pirelli) and Sanofi; "
        "the Japanese firm Nissan is there too."
    )
    found = {(r[1], r[2]) for r in relations(text) if r[0] == "from_country"}
    assert {("Danone", "FR"), ("Michelin", "FR"), ("Sanofi", "FR"), ("Nissan", "JP")} <= found
    assert ("Toyota", "FR") not in found and ("Pirelli", "FR") not in found and ("Nissan", "FR") not in found


def test_country_named_after_the_company_or_owning_it(relations) -> None:
    found = relations("Rockwool (Denmark) and Germany’s Siemens build new lines.")
    assert {("from_country", "Rockwool", "DK"), ("from_country", "Siemens", "DE")} <= found


def test_joint_venture_keeps_the_foreign_partner_only() -> None:
    text = "Russian-German venture and российско-китайское предприятие"
    assert [d.iso for d in demonyms(text, 0, len(text))] == ["DE", "CN"]


def test_no_country_without_a_company_next_to_it(relations) -> None:
    text = "The German market is large, and Knauf sells in it."
    assert not [r for r in relations(text) if r[0] == "from_country"]
