def test_look_alike_letters_are_folded_into_the_words_own_script():
    from transforms.intel.lexicon.translit import fold_lookalikes

    assert fold_lookalikes("Станκомаш пοсетили Аlabuga") == "Станкомаш посетили Alabuga"
    assert fold_lookalikes("Москва Moscow IT-парк") == "Москва Moscow IT-парк"  # one script a word: kept
