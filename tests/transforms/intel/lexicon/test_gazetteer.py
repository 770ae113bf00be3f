import pytest

from transforms.intel.lexicon.gazetteer import first_names, matcher, read_rows, regions, tokenize


def _hits(text, kinds=None):
    tokens = tokenize(text)
    return [
        (text[tokens[i].start : tokens[j - 1].end], e.kind, e.ident)
        for i, j, e in matcher().find(tokens, kinds)
    ]


@pytest.mark.parametrize(
    "text",
    ["Калужская область", "в Калужской области", "Калужскую область", "Калужский регион", "Kaluga Region",
     "the Kaluga region", "Kaluga Oblast"],
)  # fmt: skip
def test_every_form_of_a_region_is_one_code(text):
    assert [h[2] for h in _hits(text, {"region"})] == ["RU-KLU"]


def test_every_federal_subject_has_a_district_and_type():
    subjects = [row for row in read_rows("regions.csv")]
    assert len(subjects) == 83
    assert all(row["federal_district"] and row["region_type"] for row in subjects)
    assert regions()["DE"]["name_ru"] == "Германия"


def test_bodies_and_associations_by_alias():
    assert _hits("Минпромторга России", {"organization"})[0][2] == "minpromtorg"
    assert _hits("the Russian Ministry of Industry and Trade", {"organization"})[0][2] == "minpromtorg"
    assert _hits("AC&T RF", {"organization"})[0][2] == "actrf"
    assert _hits("Ассоциации кластеров, технопарков и ОЭЗ России", {"organization"})[0][2] == "actrf"


def test_acronyms_are_case_sensitive_and_function_words_are_not_places():
    assert _hits("tell us more", {"country"}) == []
    assert _hits("Те, кто пришёл", {"country"}) == []


def test_industries_and_given_names():
    assert [h[2] for h in _hits("кластеров композитных материалов", {"industry"})] == ["composites"]
    assert [h[2] for h in _hits("transport & logistics", {"industry"})] == ["logistics"]
    assert first_names()["alexei"] == ("Alexey", "Алексей")


def test_the_word_it_is_no_industry_and_it_in_capitals_is():
    assert _hits("It is large, and it hosts 40 companies.", {"industry"}) == []
    assert [h[2] for h in _hits("the IT industry of Kazan", {"industry"})] == ["it"]
    assert [h[2] for h in _hits("развитие отрасли IT в регионе", {"industry"})] == ["it"]
    assert _hits("WHY IT MATTERS", {"industry"}) == []  # a line in capitals: a word, not the abbreviation
