from transforms.intel.entities import extract_entities


def _people(text, language):
    frame = extract_entities(text, language)
    return set(frame.filter(frame["entity_type"] == "person")["canonical_name"])


def test_cases_and_scripts_meet_on_one_name():
    assert _people("По словам Владислава Шапши, губернатор Владислав ШАПША доволен.", "ru") == {
        "Vladislav Shapsha"
    }
    assert _people("Встреча со Светланой Баженовой.", "ru") == {"Svetlana Bazhenova"}
    assert _people("Губернатор Вениамин Кондратьев", "ru") == _people("Governor Veniamin Kondratyev", "en")


def test_english_names_need_a_known_given_name_or_a_role():
    assert _people("Vladimir Region and Vladimir Oblast", "en") == set()
    assert _people("Governor Radiy Khabirov said", "en") == {"Radiy Khabirov"}
