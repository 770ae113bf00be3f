from transforms.intel.lexicon.role_codes import role_code


def test_one_code_across_languages_and_spellings():
    assert {role_code(t) for t in ("Director", "director", "директор", "директора")} == {"director"}
    assert {role_code(t) for t in ("Governor", "губернатору", "Acting Governor", "врио губернатора")} == {
        "governor"
    }
    assert {role_code(t) for t in ("CEO", "гендиректор", "генеральный директор", "Director General")} == {
        "general_director"
    }


def test_deputies_prime_ministers_and_heads_of_regions():
    assert role_code("Deputy Governor") == role_code("заместитель губернатора") == "deputy_governor"
    assert role_code("vice-governor") == role_code("Вице-губернатор") == "deputy_governor"
    assert role_code("замминистра") == role_code("Deputy Minister") == "deputy_minister"
    assert role_code("Head of the Government") == role_code("председатель правительства") == "prime_minister"
    assert role_code("Head", of_region=True) == role_code("Глава", of_region=True) == "head_of_region"
    assert role_code("Head") == "head"


def test_unknown_titles():
    assert role_code("member") is None and role_code("") is None and role_code(None) is None
