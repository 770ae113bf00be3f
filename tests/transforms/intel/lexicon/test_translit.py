from transforms.intel.lexicon.translit import fold_latin, to_cyrillic, to_latin


def test_cyrillic_names_to_latin():
    assert to_latin("Михаил Лабудин") == "Mikhail Labudin"
    assert to_latin("Виталий Хоценко") == "Vitaly Khotsenko"


def test_latin_back_to_cyrillic_and_fold():
    assert to_cyrillic("Labudin") == "Лабудин"
    assert to_cyrillic("Azarovsky") == "Азаровский"
    assert fold_latin("Ovsyannikov") == "Ovsyannikov"


def test_i_between_a_vowel_and_a_consonant_is_short_i():
    assert to_cyrillic("Kuivashev") == "Куйвашев"
    assert fold_latin("Khairullin") == fold_latin("Khayrullin") == "Khayrullin"
    assert to_cyrillic("Daniil") == "Даниил" and to_cyrillic("Moiseev") == "Моисеев"


def test_look_alike_letters_are_folded_into_the_words_own_script():
    from transforms.intel.lexicon.translit import fold_lookalikes

    assert fold_lookalikes("Станκомаш пοсетили Аlabuga") == "Станкомаш посетили Alabuga"
    assert fold_lookalikes("Москва Moscow IT-парк") == "Москва Moscow IT-парк"  # one script a word: kept
