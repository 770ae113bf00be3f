from transforms.intel.lexicon.number_words import find_number_words, word_value


def _found(text):
    return [(text[start:end], value) for start, end, value in find_number_words(text)]


def test_russian_case_forms_and_scales():
    assert _found("пяти компаниям выделят семи миллиардов") == [("пяти", 5.0), ("семи миллиардов", 7e9)]
    assert _found("двадцать три резидента") == [("двадцать три", 23.0)]
    assert _found("полмиллиона рублей") == [("полмиллиона", 0.5e6)]


def test_english_words_and_a_thousand():
    assert _found("Nine Projects Worth Four Billion") == [("Nine", 9.0), ("Four Billion", 4e9)]
    assert _found("more than a thousand jobs") == [("a thousand", 1000.0)]


def test_not_numbers():
    assert _found("один из них, 7 млрд рублей, первый") == []
    assert word_value("the") is None and word_value("ok") is None
