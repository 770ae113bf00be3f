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


def test_compound_amounts_add_up():
    assert _facts("инвестиции составят 212 млн 340 тыс. рублей", "ru") == [
        ("money", 212_340_000.0, "RUB", "exact")
    ]
    assert _facts("создано свыше 4 тыс. 150 рабочих мест", "ru") == [("count", 4150.0, "items", "over")]


def test_scale_words_currency_codes_and_signs():
    assert _facts("The project costs 3.2 bln rubles, almost RUR 1.4 bln and RUB 7.5 bn.", "en") == [
        ("money", 3.2e9, "RUB", "exact"),
        ("money", 1.4e9, "RUB", "about"),
        ("money", 7.5e9, "RUB", "exact"),
    ]
    assert _facts("Выручка — 820 тыс. руб., затраты — 15 000 ₽.", "ru") == [
        ("money", 820e3, "RUB", "exact"),
        ("money", 15000.0, "RUB", "exact"),
    ]
    assert _facts("a dividend of $0.37 per share and $2.5m in grants", "en") == [
        ("money", 0.37, "USD", "exact"),
        ("money", 2.5e6, "USD", "exact"),
    ]


def test_a_scaled_amount_takes_the_currency_of_its_sentence():
    assert _facts("turnover of 120.5 million rubles and 48.3 million in taxes", "en") == [
        ("money", 120.5e6, "RUB", "exact"),
        ("money", 48.3e6, "RUB", "exact"),
    ]


def test_clock_times_ratios_and_measures_are_not_figures():
    assert (
        _facts("The meeting starts at 9:45 members time; the split is 70:30 shares and 3:2 votes.", "en")
        == []
    )
    assert _facts("Через порт прошло 2 400 тонн груза, линия длиной 12 км.", "ru") == []
    assert _facts("the park has 40 more in the pipeline", "en") == []
    assert _facts("a top ten logistics company and a top-5 region, в топ-10 регионов", "en") == []


def test_numbers_written_as_words():
    assert _facts("В регионе работают шесть индустриальных парков и около двадцати резидентов.", "ru") == [
        ("count", 6.0, "items", "exact"),
        ("count", 20.0, "items", "about"),
    ]
    assert _facts(
        "Region Signs Three Agreements Worth Two Billion Rubles; five technoparks are planned.", "en"
    ) == [
        ("count", 3.0, "items", "exact"),
        ("money", 2e9, "RUB", "exact"),
        ("count", 5.0, "items", "exact"),
    ]
    assert _facts("на это выделят порядка восьми миллиардов рублей и ещё полмиллиарда рублей", "ru") == [
        ("money", 8e9, "RUB", "about"),
        ("money", 0.5e9, "RUB", "exact"),
    ]
    assert _facts("more than a thousand residents work there", "en") == [("count", 1000.0, "items", "over")]


def test_number_words_of_time_and_pronouns_are_not_figures():
    assert _facts("Парк строили в течение трёх лет, и один из резидентов вырос в два раза.", "ru") == []


def test_dots_between_groups_of_three_digits_are_thousands():
    assert _facts("the park covers more than 1.800 ha", "en") == [("area", 1800.0, "ha", "over")]
    assert _facts("a loan of 1.125 billion rubles and growth of 2.5 percent", "en") == [
        ("money", 1.125e9, "RUB", "exact"), ("percent", 2.5, "%", "exact")
    ]  # fmt: skip


def test_a_count_of_them_counts_the_sites_of_the_sentence_before():
    from transforms.intel.figures import figure_records

    text = "В Калужской области действуют промышленные кластеры. В регионе их уже 8."
    assert [(r["value"], r["subject"]) for r in figure_records(text, "ru")] == [(8.0, "industrial clusters")]
    assert figure_records("Компании получили субсидии. Их 8.", "ru") == []  # no site named before
    assert figure_records("Технопарки растут. В регионе их уже 8 и будет больше.", "ru") == []
