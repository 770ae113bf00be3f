from transforms.intel.entities import extract_people


def _roles(text, language):
    frame = extract_people(text, language)
    return {(r["canonical_name"], r["role"], r["organization"]) for r in frame.iter_rows(named=True)}


def test_role_after_and_before_the_name():
    text = (
        "A meeting was held between Mikhail Labudin, Director of the Association of Clusters, "
        "Technoparks and SEZ of Russia, and Deputy Governor Vladimir Popov."
    )
    assert _roles(text, "en") == {
        ("Mikhail Labudin", "Director", "Association of Clusters, Technoparks and SEZ of Russia"),
        ("Vladimir Popov", "Deputy Governor", None),
    }


def test_russian_roles():
    text = "Сессию провёл директор Ассоциации кластеров и технопарков России Андрей Шпиленко."
    assert _roles(text, "ru") == {
        ("Andrey Shpilenko", "директор", "Association of Clusters, Technoparks and SEZ of Russia")
    }


def test_people_without_a_role():
    assert _roles("Alexey Laptev spoke.", "en") == {("Alexey Laptev", None, None)}
    assert extract_people("", "en").is_empty()


def _codes(text, language):
    frame = extract_people(text, language)
    return {(r["canonical_name"], r["role_code"]) for r in frame.iter_rows(named=True)}


def test_role_codes_group_titles_across_languages():
    assert _codes("Director Ivan Orlov met director Oleg Sidorov.", "en") == {
        ("Ivan Orlov", "director"),
        ("Oleg Sidorov", "director"),
    }
    assert _codes("Директор технопарка Иван Орлов", "ru") == {("Ivan Orlov", "director")}
    assert _codes("Замгубернатора Олег Сидоров и вице-губернатор Иван Орлов", "ru") == {
        ("Oleg Sidorov", "deputy_governor"),
        ("Ivan Orlov", "deputy_governor"),
    }


def test_long_role_phrases():
    assert _codes("the acting head of the city administration Pavel Gusev said", "en") == {
        ("Pavel Gusev", "head")
    }
    assert _codes("Слова гендиректора управляющей компании ОЭЗ «Озёрная» Ивана Гусева приводит пресс-служба.",
                  "ru") == {("Ivan Gusev", "general_director")}  # fmt: skip
    assert _codes("заместитель председателя правительства региона Олег Гусев", "ru") == {
        ("Oleg Gusev", "deputy_prime_minister")
    }


def test_a_title_with_capitalised_words_is_not_a_person():
    text = "Deputy Governor for Investment Policy and Foreign Relations Roman Gusev opened the forum."
    assert _codes(text, "en") == {("Roman Gusev", "deputy_governor")}


def test_a_title_before_the_next_name_is_that_persons():
    text = "Пришли губернатор области Иван Орлов, первый вице-спикер Госдумы Олег Сидоров."
    assert _codes(text, "ru") == {("Ivan Orlov", "governor"), ("Oleg Sidorov", "deputy_speaker")}
