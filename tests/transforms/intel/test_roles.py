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
