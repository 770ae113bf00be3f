from transforms.intel.entities_en import companies_ru


def test_russian_legal_forms_in_english_text():
    found = companies_ru('Residents OOO «Agrolux-Tula» and LLC «SteelLine» and JSC "Volga Plast" signed.')
    assert [m.canonical for m in found] == ["Agrolux-Tula", "SteelLine", "Volga Plast"]
    assert {m.entity_type for m in found} == {"company"}


def test_cyrillic_legal_forms_keep_working():
    found = companies_ru("ООО «Рассвет» и АНО «Центр кластерного развития»")
    assert [(m.entity_type, m.canonical) for m in found] == [
        ("company", "Rassvet"),
        ("organization", "Центр кластерного развития"),
    ]
