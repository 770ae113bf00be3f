from transforms.intel.acts import find_acts


def _acts(text):
    return [(m.attrs["act_type"], m.attrs["number"], m.attrs["title"]) for m in find_acts(text)]


def test_government_decrees_in_both_languages():
    assert _acts("According to the decree of the Government of the Russian Federation No. 1659, a park") == [
        ("government_decree", "1659", None)
    ]
    assert _acts("постановлением Правительства РФ от 31.07.2015 № 779 «О промышленных кластерах»") == [
        ("government_decree", "779", "О промышленных кластерах")
    ]


def test_federal_laws_share_one_number_across_scripts():
    assert _acts("Федеральный закон № 488-ФЗ")[0][:2] == ("federal_law", "488-FZ")
    assert _acts('Federal Law No. 488-FZ "On Industrial Policy"') == [
        ("federal_law", "488-FZ", "On Industrial Policy")
    ]


def test_strategies_have_a_title_and_jurisdiction():
    found = find_acts(
        "приоритетов Стратегии социально-экономического развития Калужской области до 2030 года."
    )
    assert found[0].attrs["title"].startswith("Стратегия социально-экономического развития")
    assert found[0].attrs["jurisdiction"] == "RU-KLU"


def test_numbers_alone_are_not_acts():
    assert find_acts("There are 1659 companies and 779 parks.") == []


def test_regional_presidential_and_order_acts():
    regional = find_acts("постановлением Правительства Калужской области от 12.03.2020 № 181")
    english = find_acts("Kaluga Region Government Decree No. 181")
    assert regional[0].attrs["jurisdiction"] == english[0].attrs["jurisdiction"] == "RU-KLU"
    assert regional[0].key == english[0].key != find_acts("постановлением Правительства РФ № 181")[0].key
    assert _acts("Указ Президента РФ от 07.05.2018 № 204") == [("presidential_decree", "204", None)]
    assert _acts("распоряжение Правительства РФ № 2816-р")[0][:2] == ("government_order", "2816-r")
    assert _acts("Government Order No. 2816-r")[0][:2] == ("government_order", "2816-r")
