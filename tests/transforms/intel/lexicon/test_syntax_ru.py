from transforms.intel.lexicon.syntax_ru import dependencies, hangs_on


def _span(sentence, word):
    start = sentence.index(word)
    return start, start + len(word)


def test_a_town_hangs_on_the_site_word_or_on_the_verb():
    zone = "Резиденты ОЭЗ в Тольятти выпускают автокомпоненты."
    assert hangs_on(zone, _span(zone, "Тольятти"), _span(zone, "ОЭЗ"))
    visit = "Во время визита в Тольятти губернатор посетил особую экономическую зону."
    assert not hangs_on(visit, _span(visit, "Тольятти"), _span(visit, "зону"))
    opening = "Новый технопарк в Казани откроют в здании фабрики."
    assert not hangs_on(opening, _span(opening, "Казани"), _span(opening, "технопарк"))


def test_every_token_has_a_head_or_is_the_root():
    found = dependencies("Технопарк открыли в мае.")
    assert sum(head == -1 for _, _, head in found) == 1
    assert all(-1 <= head < len(found) for _, _, head in found)
