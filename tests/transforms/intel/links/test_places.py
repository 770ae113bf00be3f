"""located_in, part_of, member_of and head_of, on short texts written for these tests."""

from __future__ import annotations


def test_located_in_lists_the_places_after_the_verb_and_stops(relations) -> None:
    text = (
        "The Kaluga SEZ occupies sites in Lyudinovo and Borovsk Districts of Kaluga Region and is the "
        "closest site of its kind to Moscow."
    )
    found = {r[2] for r in relations(text) if r[0] == "located_in"}
    assert found == {"Lyudinovo", "Borovsk", "Kaluga Oblast"}


def test_located_in_from_brackets_possessives_and_russian(relations) -> None:
    found = relations("Visits to technoparks Adlershof (Berlin) and France’s biggest cluster Eurobiomed.")
    assert {("located_in", "Adlershof", "Berlin"), ("located_in", "Eurobiomed", "France")} <= found
    found = relations("ОЭЗ «Алабуга» расположена в Татарстане.", "ru")
    assert ("located_in", "Alabuga", "Republic of Tatarstan") in found


def test_member_of_a_cluster_or_the_association(relations) -> None:
    text = (
        "Kaluga’s pharmaceutical cluster is an active participant of France’s biggest pharmaceutical "
        "cluster Eurobiomed. I met the Association of Clusters, Technoparks and SEZ of Russia. Later "
        "Dmitry Probryzganov, a member of the Association, spoke."
    )
    found = relations(text)
    assert ("member_of", "pharmaceutical cluster", "Eurobiomed") in found
    assert (
        "member_of",
        "Dmitry Probryzganov",
        "Association of Clusters, Technoparks and SEZ of Russia",
    ) in found


def test_head_of_from_the_role_but_not_a_deputy(relations) -> None:
    text = (
        "Mikhail Labudin, Director of the Association of Clusters, Technoparks and SEZ of Russia, and "
        "Vladimir Popov, Deputy Governor of the Kaluga Region, met the Governor of the Omsk Region, "
        "Vitaly Khotsenko."
    )
    heads = {(r[1], r[2]) for r in relations(text) if r[0] == "head_of"}
    assert heads == {
        ("Mikhail Labudin", "Association of Clusters, Technoparks and SEZ of Russia"),
        ("Vitaly Khotsenko", "Omsk Oblast"),
    }


def test_a_title_leading_into_the_next_name_is_not_the_first_persons(relations) -> None:
    text = (
        "Подписи поставили глава Минпромторга РФ Денис Мантуров, губернатор Санкт-Петербурга Георгий "
        "Полтавченко и губернатор Ивановской области Павел Коньков."
    )
    heads = {(r[1], r[2]) for r in relations(text, "ru") if r[0] == "head_of"}
    assert ("Denis Manturov", "Saint Petersburg") not in heads
    assert {("Georgy Poltavchenko", "Saint Petersburg"), ("Pavel Konkov", "Ivanovo Oblast")} <= heads


def test_nothing_links_a_place_named_only_for_comparison(relations) -> None:
    text = "Kaluga SEZ is the closest industrial site of its kind to Moscow; Volkswagen is resident there."
    assert not [r for r in relations(text) if "Moscow" in (r[1], r[2])]


def test_part_of_a_site_on_another_sites_territory(relations) -> None:
    text = "Строится технопарк «Сигма», который находится на территории ОЭЗ «Ока» под Рязанью."
    assert ("part_of", "Sigma", "Oka") in relations(text, "ru")
    text = "The Sigma technopark, located on the territory of the Oka SEZ, has 12 residents."
    assert ("part_of", "Sigma", "Oka") in relations(text)


def test_no_part_of_when_the_text_only_puts_two_sites_side_by_side(relations) -> None:
    found = relations("Технопарк «Сигма» построен рядом с ОЭЗ «Ока».", "ru")
    assert not any(r[0] == "part_of" for r in found)
    found = relations("Технопарк «Сигма» пока не находится на территории ОЭЗ «Ока».", "ru")
    assert not any(r[0] == "part_of" for r in found)
