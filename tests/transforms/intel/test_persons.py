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


def test_russian_given_names_outside_the_list():
    assert _people("The plant was opened by Vsevolod Gromov and Savely Kuzin.", "en") == {
        "Vsevolod Gromov",
        "Savely Kuzin",
    }
    assert _people("Russian Ministry and Economic Development agreed.", "en") == set()


def test_nominative_and_genitive_forms_of_women_and_men():
    assert _people("Об этом рассказала Алена Кузина.", "ru") == {"Alena Kuzina"}
    assert _people("По словам министра Виталия Ковалева, парк готов.", "ru") == {"Vitaly Kovalev"}


def test_a_surname_alone_is_a_person():
    assert _people("«Мы построим парк за год», — сказал Смирнов.", "ru") == {"Smirnov"}
    assert _people("Иван Смирнов открыл завод. Смирнов доволен.", "ru") == {"Ivan Smirnov"}
