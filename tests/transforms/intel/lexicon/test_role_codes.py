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


def test_a_title_is_normalised_to_one_form():
    from transforms.intel.lexicon.role_codes import normalised_title

    assert normalised_title("Генеральным директором") == "генеральный директор"
    assert normalised_title("первым заместителем Председателя Правительства") == (
        "первый заместитель председателя правительства"
    )
    assert normalised_title("временно исполняющего обязанности губернатора") == (
        "временно исполняющий обязанности губернатора"
    )
    assert normalised_title("Deputy  Governor") == normalised_title("deputy governor") == "deputy governor"
    assert normalised_title("вице-премьер – министр экономического развития") == "вице премьер"
    assert normalised_title("") is None and normalised_title(None) is None


def test_abbreviated_and_descriptive_titles():
    assert role_code("зампреда правительства Башкортостана") == "deputy_prime_minister"
    assert role_code("членом Совета Федерации") == role_code("Senator") == "senator"
    assert role_code("управляющим директором") == role_code("managing director") == "general_director"
