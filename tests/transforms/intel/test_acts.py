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


def _numbers(text):
    return [(m.attrs["act_type"], m.attrs["number"]) for m in find_acts(text)]


def test_a_date_between_the_act_word_and_its_number():
    assert _numbers("по постановлению Правительства от 5 февраля 2021 года № 212 парк получит") == [
        ("government_decree", "212")
    ]
    assert _numbers("under Resolution of the Government of the Russian Federation of 02.09.2016 No. 872") == [
        ("government_decree", "872")
    ]
    assert _numbers("Decree of the Government of Russia dated March 3, 2022 No. 301 applies") == [
        ("government_decree", "301")
    ]


def test_bare_decrees_resolutions_regulations_and_hash_numbers():
    assert _numbers("соответствует постановлением Правительства №546 требованиям") == [
        ("government_decree", "546")
    ]
    assert _numbers("the park meets regulation #1204 in full") == [("government_decree", "1204")]
    assert _numbers("Resolution No. 77 was adopted") == [("government_decree", "77")]


def test_lists_of_act_numbers_are_one_act_each():
    assert _numbers("Government Decrees Nos. 43 and 1508 set the rules") == [
        ("government_decree", "43"),
        ("government_decree", "1508"),
    ]
    assert _numbers("постановления Правительства РФ № 794 и 1119") == [
        ("government_decree", "794"),
        ("government_decree", "1119"),
    ]


def test_federal_laws_and_orders_without_their_suffix_word():
    assert _numbers("the law 69-FZ on investment") == [("federal_law", "69-FZ")]
    assert _numbers("распоряжением Правительства Российской федерации от 11.11.2011 N 812") == [
        ("government_order", "812-r")
    ]


def test_ministry_orders_in_both_languages():
    assert _acts("Приказом Минэкономразвития России №4120 от 03.05.2021 г. парк внесён в реестр.") == [
        ("ministry_order", "4120", None)
    ]
    assert _acts(
        "приказ Министерства промышленности и торговли Российской Федерации от 5 мая 2020 г. № 1412"
    ) == [("ministry_order", "1412", None)]
    assert _acts("The requirements are set by Order No. 2217 of the ministry.") == [
        ("ministry_order", "2217", None)
    ]
    assert _acts("Government Order No. 3310-r") == [("government_order", "3310-r", None)]
