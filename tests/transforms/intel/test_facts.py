from transforms import detect_language, extract_facts, ner_spans

TEXT = (
    "Губернатор Тульской области Иван Орлов открыл ОЭЗ «Узловая» по постановлению Правительства РФ № 794. "
    "Инвестиции составят 12 млрд рублей, в Китае ждут."
)


def test_every_fact_type_with_its_fields():
    facts = extract_facts(TEXT, "ru")
    by_type = {f["type"]: f for f in facts}
    assert by_type["region"]["iso_code"] == "RU-TUL"
    assert by_type["country"]["iso_code"] == "CN"
    person = by_type["person"]
    assert (person["canonical_name"], person["role_code"]) == ("Ivan Orlov", "governor")
    site = by_type["site"]
    assert (site["site_type"], site["name"], site["region_iso"]) == ("sez", "Uzlovaya", "RU-TUL")
    assert (by_type["legal_act"]["act_type"], by_type["legal_act"]["number"]) == ("government_decree", "794")
    figure = by_type["figure"]
    assert (figure["metric"], figure["value"], figure["unit"], figure["qualifier"]) == (
        "money",
        12e9,
        "RUB",
        "exact",
    )
    assert all(TEXT[f["start"] : f["end"]] == f["text"] for f in facts)
    assert [f["start"] for f in facts] == sorted(f["start"] for f in facts)


def test_language_detection_and_empty_text():
    assert detect_language(TEXT) == "ru" and detect_language("Kaluga Region") == "en"
    assert extract_facts(TEXT, "auto") == extract_facts(TEXT, "ru")
    assert extract_facts("", "auto") == [] and ner_spans("   ") == []


def test_ner_spans_in_both_languages():
    assert ("PER", TEXT.index("Иван"), TEXT.index("Иван") + len("Иван Орлов")) in ner_spans(TEXT, "ru")
    english = "Governor Ivan Orlov visited the Tula Region."
    assert ("PER", 9, 19) in ner_spans(english, "en") and ("LOC", 32, 43) in ner_spans(english, "en")
