"""resident_of and invests_in, on short texts written for these tests."""

from __future__ import annotations


def test_resident_word_and_resident_lists(relations) -> None:
    text = (
        "Volkswagen is an anchor resident of the Kaluga SEZ. Residents of the Alabuga SEZ include Rockwool, "
        "Saint-Gobain and Knauf."
    )
    found = relations(text)
    assert ("resident_of", "Volkswagen", "Kaluga") in found
    assert {r[1] for r in found if r[0] == "resident_of" and r[2] == "Alabuga"} == {
        "Rockwool", "Saint-Gobain", "Knauf"
    }  # fmt: skip


def test_houses_based_in_and_the_zone_pointing_back(relations) -> None:
    text = (
        "The Vorsino industrial park houses a factory of Nestle. Bosch LLC, a maker of tools based in the "
        "Rosva industrial park, grows. We saw the Lipetsk SEZ. Among the companies of the zone, Yokohama is "
        "a key resident."
    )
    found = relations(text)
    assert ("resident_of", "Nestle", "Vorsino") in found
    assert ("resident_of", "Bosch", "Rosva") in found


def test_russian_resident_after_a_dash_and_an_opened_plant(relations) -> None:
    text = (
        "Компания Knauf, резидент индустриального парка «Ворсино», расширяет производство. На этой "
        "территории открыла свой завод компания Danone. Особая экономическая зона «Липецк» растёт."
    )
    found = relations(text, "ru")
    assert ("resident_of", "Knauf", "Vorsino") in found


def test_no_resident_when_planned_refused_or_counted(relations) -> None:
    text = (
        "Danone plans to become a resident of the Kaluga SEZ. Nestle is not a resident of the Vorsino "
        "industrial park. ТАСС - Пять новых резидентов ОЭЗ «Алабуга» вложат 3 млрд рублей."
    )
    assert not [r for r in relations(text) if r[0] == "resident_of"]
    assert not [r for r in relations(text, "ru") if r[0] == "resident_of"]


def test_investment_lists_and_verbs_with_the_amount(relations) -> None:
    text = (
        "Italian investment projects implemented in the Lipetsk Region include Pirelli; Gestamp LLC, a maker "
        "of car bodies based at the Severstal JSC site in Lipetsk; and Michelin. Sanofi will invest "
        "3 billion rubles in the Kaluga Region."
    )
    found = relations(text)
    invested = {r[1] for r in found if r[0] == "invests_in"}
    assert invested == {"Pirelli", "Gestamp", "Michelin", "Sanofi"}
    assert ("from_country", "Severstal", "IT") not in found


def test_residents_named_after_the_count_in_russian_order(relations) -> None:
    text = (
        "В Калуге открылся технопарк «Калибр». Резидентами технопарка «Калибр» стали пять компаний, "
        "среди них «Альфа» и Siemens."
    )
    found = {(r, s, o) for r, s, o in relations(text, "ru") if r == "resident_of"}
    assert found == {("resident_of", "Альфа", "Kalibr"), ("resident_of", "Siemens", "Kalibr")}
