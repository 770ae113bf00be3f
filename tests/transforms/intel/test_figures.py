from transforms.intel.figures import extract_figures


def _facts(text, language):
    frame = extract_figures(text, language)
    return list(zip(frame["metric_code"], frame["value"], frame["unit"], frame["qualifier"], strict=True))


def test_money_with_scale_and_qualifier():
    assert _facts("a subsidy of up to 900 million rubles", "en") == [("money", 900e6, "RUB", "up_to")]
    assert _facts("субсидия до 900 млн руб. и 1,2 млрд ₽", "ru") == [
        ("money", 900e6, "RUB", "up_to"),
        ("money", 1.2e9, "RUB", "exact"),
    ]
    assert _facts("investment of $50 million", "en") == [("money", 50e6, "USD", "exact")]


def test_number_formats_and_counts():
    assert _facts("парк площадью 1 042 га, более 30 резидентов и 27,5%", "ru") == [
        ("area", 1042.0, "ha", "exact"),
        ("count", 30.0, "items", "over"),
        ("percent", 27.5, "%", "exact"),
    ]
    assert _facts("nearly 6,000 hectares", "en") == [("area", 6000.0, "ha", "about")]


def test_dates_decree_numbers_and_phones_are_not_figures():
    text = "On April 8, 2014 Decree No. 1659 and 27 апреля 2021 года, № 779, 488-ФЗ, tel. +7 (4842) 56-12-34."
    assert _facts(text, "en") == []


def test_empty_and_long_text():
    assert extract_figures("", "ru").is_empty()
    long = "Ничего не сказано. " * 11_000
    assert extract_figures(long, "ru").is_empty()


def test_act_and_order_numbers_with_suffixes_are_not_figures():
    assert _facts("распоряжение Правительства РФ № 2816-р и постановление № 181", "ru") == []


def test_percent_subject_skips_places_and_stops_at_the_sentence():
    frame = extract_figures(
        "Trade with Germany was 27.5% of Kaluga Region’s overall foreign trade turnover.", "en"
    )
    assert frame["subject"].to_list() == ["overall foreign trade turnover"]


def test_ranges_share_scale_and_unit():
    assert _facts("от 100 до 200 млн рублей", "ru") == [
        ("money", 100e6, "RUB", "from"),
        ("money", 200e6, "RUB", "up_to"),
    ]
    assert _facts("почти в 60 млрд рублей", "ru") == [("money", 60e9, "RUB", "about")]
    assert _facts("On May 16-21, 2015 in 2021–2023", "en") == []
