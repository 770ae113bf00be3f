from transforms.intel.entities import extract_entities
from transforms.keys import stable_key


def _pairs(text, language):
    frame = extract_entities(text, language)
    return set(zip(frame["entity_type"], frame["canonical_name"], strict=True))


def test_russian_cases_normalise_to_one_key():
    frame = extract_entities("Губернатор Калужской области встретился с директором Михаилом Лабудиным.", "ru")
    region = frame.filter(frame["entity_type"] == "region")
    assert region["entity_id"].to_list() == [stable_key("region", "RU-KLU")]
    assert ("person", "Mikhail Labudin") in _pairs("Михаил Лабудин посетил Калугу.", "ru")


def test_english_people_bodies_and_acts():
    pairs = _pairs(
        "Deputy Governor Vladimir Popov met the Ministry of Industry and Trade of Russia "
        "about Government Decree No. 1119 in the Kaluga Region.",
        "en",
    )
    assert {
        ("person", "Vladimir Popov"),
        ("government_body", "Ministry of Industry and Trade"),
        ("legal_act", "government_decree 1119"),
        ("region", "Kaluga Oblast"),
    } <= pairs


def test_minpromtorg_is_one_body_in_both_languages():
    ru = extract_entities("Минпромторг России включил кластер в реестр.", "ru")
    en = extract_entities("The Ministry of Industry and Trade included the cluster.", "en")
    assert set(ru["entity_id"]) == set(en["entity_id"])


def test_no_entities_and_mixed_text():
    assert extract_entities("the weather was mild", "en").is_empty()
    assert extract_entities("", "ru").is_empty()
    mixed = _pairs("ОЭЗ «Алабуга» в Республике Татарстан and the Tula Region", "ru")
    assert ("region", "Republic of Tatarstan") in mixed and ("region", "Tula Oblast") in mixed


LONG_TEXT = 60_000  # characters: three of the Russian model's 20,000-character chunks (nlp_ru)


def test_a_long_mixed_language_text_is_processed_whole():
    paragraph = (
        "Deputy Governor Vladimir Popov visited the Vorsino industrial park in the Kaluga Region. "
        "Губернатор Владислав Шапша открыл технопарк в Калужской области.\n"
    )
    text = paragraph * (LONG_TEXT // len(paragraph) + 1)
    frame = extract_entities(text, "en")
    people = frame.filter(frame["entity_type"] == "person")
    assert set(people["canonical_name"]) == {"Vladimir Popov", "Vladislav Shapsha"}
    assert people.height == 2 * (LONG_TEXT // len(paragraph) + 1)
    assert frame["end"].max() > LONG_TEXT - 1_000


def _regions(text):
    frame = extract_entities(text, "ru")
    return set(frame.filter(frame["entity_type"] == "region")["canonical_name"])


def test_region_adjectives_listed_before_one_head_word_share_it():
    assert _regions("ОЭЗ создали в Мордовии, Ростовской и Тверской областях.") == {
        "Republic of Mordovia", "Rostov Oblast", "Tver Oblast",
    }  # fmt: skip
    assert _regions("Соглашения заключены с Московской, Воронежской, Рязанской областями.") == {
        "Moscow Oblast", "Voronezh Oblast", "Ryazan Oblast",
    }  # fmt: skip
    assert _regions("Новой и Тверской области выделили средства.") == {"Tver Oblast"}  # Новая область is none
