from transforms.intel.lexicon.nlp_ru import NerSpan
from transforms.intel.ner import refine, russian_entities


def _spans(text):
    return [(s.kind, text[s.start : s.end]) for s in russian_entities(text)]


def _span(text, kind, word):
    start = text.index(word)
    return NerSpan(kind, start, start + len(word), word, word)


def test_descriptor_nouns_join_the_name():
    text = "Заявление сделала партия «Заря», а правительство Норвегии промолчало."
    spans = refine(text, [_span(text, "ORG", "Заря"), _span(text, "LOC", "Норвегии")])
    assert [(s.kind, s.text) for s in spans] == [("ORG", "партия «Заря"), ("ORG", "правительство Норвегии")]


def test_places_keep_an_agreeing_descriptor_only():
    text = "Он жил в городе Твери, гулял по улицам Лондона; это старый город Германии."
    spans = refine(
        text, [_span(text, "LOC", "Твери"), _span(text, "LOC", "Лондона"), _span(text, "LOC", "Германии")]
    )
    assert [s.text for s in spans] == ["городе Твери", "Лондона", "Германии"]


def test_a_place_name_in_the_nominative_joins_its_descriptor_in_any_case():
    text = "Он приехал из штата Орегон, это большой город Германии."
    spans = refine(text, [_span(text, "LOC", "Орегон"), _span(text, "LOC", "Германии")])
    assert [s.text for s in spans] == ["штата Орегон", "Германии"]


def test_plural_descriptors_name_no_single_entity():
    text = "Акции компаний Orion и Vega выросли."
    spans = refine(text, [_span(text, "ORG", "Orion"), _span(text, "ORG", "Vega")])
    assert [s.text for s in spans] == ["Orion", "Vega"]


def test_quotes_fixed_types_and_organisation_place_runs():
    text = "«Звезда» и ЕС, Министерство финансов Чили."
    found = [("ORG", "«Звезда»"), ("LOC", "ЕС"), ("ORG", "Министерство финансов"), ("LOC", "Чили")]
    spans = refine(text, [_span(text, kind, word) for kind, word in found])
    assert [(s.kind, s.text) for s in spans] == [
        ("ORG", "Звезда"),
        ("ORG", "ЕС"),
        ("ORG", "Министерство финансов Чили"),
    ]


def test_natasha_spans_pass_through_on_real_text():
    assert ("PER", "Иван Петров") in _spans("Вчера Иван Петров прилетел в Томск.")


def test_list_bullets_and_line_breaks_end_a_name():
    text = "Страны: Чад • Мали • Нигер\nВторник выдался тёплым."
    spans = refine(text, [_span(text, "LOC", "Чад • Мали • Нигер\nВторник")])
    assert [s.text for s in spans] == ["Чад", "Мали", "Нигер", "Вторник"]


def test_a_bracketed_abbreviation_is_a_name_of_its_own():
    text = "Заявление сделал Союз северных кооперативов (ССК) и члены ПАСЕ (Совета)."
    found = [("ORG", "Союз северных кооперативов (ССК)"), ("ORG", "ПАСЕ (")]
    spans = refine(text, [_span(text, kind, word) for kind, word in found])
    assert [s.text for s in spans] == ["Союз северных кооперативов", "ССК", "ПАСЕ"]


def test_relational_adjectives_join_an_organisation_qualitative_ones_do_not():
    text = "Глава норвежского МИДа выступил, а нового Сената ждут, как и этого Банка."
    found = [("ORG", "МИДа"), ("ORG", "Сената"), ("ORG", "Банка")]
    spans = refine(text, [_span(text, kind, word) for kind, word in found])
    assert [s.text for s in spans] == ["норвежского МИДа", "Сената", "Банка"]


def test_an_abbreviation_after_an_organisation_runs_on_with_it():
    text = "Всемирная федерация кёрлинга ВФК провела турнир «Кубок», ФИФА промолчала."
    found = [("ORG", "Всемирная федерация кёрлинга"), ("ORG", "ВФК"), ("ORG", "Кубок"), ("ORG", "ФИФА")]
    spans = refine(text, [_span(text, kind, word) for kind, word in found])
    assert [s.text for s in spans] == ["Всемирная федерация кёрлинга ВФК", "Кубок", "ФИФА"]


def test_new_descriptor_nouns_join_organisations_only_where_their_column_says():
    text = "Игрок клуба «Нева» и суд Перми, но не центр Перми."
    found = [("ORG", "Нева"), ("LOC", "Перми"), ("LOC", "Перми")]
    spans = [_span(text, kind, word) for kind, word in found[:2]]
    second = text.rindex("Перми")
    spans.append(NerSpan("LOC", second, second + 5, "Перми", "Пермь"))
    assert [(s.kind, s.text) for s in refine(text, spans)] == [
        ("ORG", "клуба «Нева"),
        ("ORG", "суд Перми"),
        ("LOC", "Перми"),
    ]


def test_a_state_body_named_by_a_place_adjective_is_an_organisation():
    text = "Норвежское правительство и шведского министерства ждали, как и новое правительство и власти."
    spans = refine(text, [])
    assert [(s.kind, s.text) for s in spans] == [
        ("ORG", "Норвежское правительство"),
        ("ORG", "шведского министерства"),
    ]


def test_a_comma_separates_people_and_an_unclosed_bracket_separates_names():
    text = "Голы: Сидоров (Петров, Козлов), Лебедев (Орлов"
    found = [("PER", "Петров, Козлов"), ("PER", "Лебедев (Орлов")]
    spans = refine(text, [_span(text, kind, word) for kind, word in found])
    assert [s.text for s in spans] == ["Петров", "Козлов", "Лебедев", "Орлов"]
