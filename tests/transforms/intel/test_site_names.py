from transforms.intel.site_names import (
    compound_names,
    followed_by_body,
    inside_quotes,
    listed_after_colon,
    quoted_after,
    quoted_before,
)


def test_a_written_out_type_may_stand_before_the_quoted_name():
    text = "ОЭЗ (ОЭЗ) промышленно-производственного типа «Лотос» и ОЭЗ ППТ «Моглино»"
    assert quoted_after(text, 3) == ("Лотос", text.index("Лотос") + len("Лотос"))
    assert quoted_after(text, text.index("ППТ") - 1)[0] == "Моглино"
    assert quoted_after("ОЭЗ\n«Лотос»", 3) is None


def test_quoted_before_and_listed_after_a_colon():
    text = "the “Kamskaya” Industrial Park"
    assert quoted_before(text, text.index("Industrial")) == ("Kamskaya", 4)
    listed = "парка: «Луговой» (Кузнецк), «Сосновка» и «Озёрный». Дальше"
    found = listed_after_colon(listed, 5, listed.index("."))
    assert [name for name, _ in found] == ["Луговой", "Сосновка", "Озёрный"]
    assert listed_after_colon("парка «Луговой»", 5, 15) == []


def test_compound_names_and_bodies():
    assert compound_names("В Нанопарке и Агродолине, но не в технопарке") == [
        ("Нанопарк", 2, 11),
        ("Агродолина", 14, 24),
    ]
    assert followed_by_body("SEZ Investment Board", 3) and not followed_by_body("SEZ Alabuga grew", 3)


def test_a_site_word_inside_a_quoted_name_but_not_inside_quoted_speech():
    name = "Компании «Индустриально-логистический парк» дали участки."
    assert inside_quotes(name, name.index("Индустриально"))
    assert inside_quotes('owned by JSC "Special Economic Zones".', 14)
    speech = "«Технопарк «Идея» откроет корпус», — сказал он. Губернатор: «Индустриальный парк растёт»."
    assert not inside_quotes(speech, speech.index("Технопарк"))
    assert not inside_quotes(speech, speech.index("Индустриальный"))
    assert not inside_quotes("the technopark “Slava” and the Skolkovo technopark", 40)
