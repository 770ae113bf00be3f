from transforms.intel.entities import extract_people


def _roles(text, language):
    frame = extract_people(text, language)
    return {(r["canonical_name"], r["role"], r["organization"]) for r in frame.iter_rows(named=True)}


def test_role_after_and_before_the_name():
    text = (
        "A meeting was held between Mikhail Labudin, Director of the Association of Clusters, "
        "Technoparks and SEZ of Russia, and Deputy Governor Vladimir Popov."
    )
    assert _roles(text, "en") == {
        ("Mikhail Labudin", "Director", "Association of Clusters, Technoparks and SEZ of Russia"),
        ("Vladimir Popov", "Deputy Governor", None),
    }


def test_russian_roles():
    text = "Сессию провёл директор Ассоциации кластеров и технопарков России Андрей Шпиленко."
    assert _roles(text, "ru") == {
        ("Andrey Shpilenko", "директор", "Association of Clusters, Technoparks and SEZ of Russia")
    }


def test_people_without_a_role():
    assert _roles("Alexey Laptev spoke.", "en") == {("Alexey Laptev", None, None)}
    assert extract_people("", "en").is_empty()


def _codes(text, language):
    frame = extract_people(text, language)
    return {(r["canonical_name"], r["role_code"]) for r in frame.iter_rows(named=True)}


def test_role_codes_group_titles_across_languages():
    assert _codes("Director Ivan Orlov met director Oleg Sidorov.", "en") == {
        ("Ivan Orlov", "director"),
        ("Oleg Sidorov", "director"),
    }
    assert _codes("Директор технопарка Иван Орлов", "ru") == {("Ivan Orlov", "director")}
    assert _codes("Замгубернатора Олег Сидоров и вице-губернатор Иван Орлов", "ru") == {
        ("Oleg Sidorov", "deputy_governor"),
        ("Ivan Orlov", "deputy_governor"),
    }


def test_long_role_phrases():
    assert _codes("the acting head of the city administration Pavel Gusev said", "en") == {
        ("Pavel Gusev", "head")
    }
    assert _codes("Слова гендиректора управляющей компании ОЭЗ «Озёрная» Ивана Гусева приводит пресс-служба.",
                  "ru") == {("Ivan Gusev", "general_director")}  # fmt: skip
    assert _codes("заместитель председателя правительства региона Олег Гусев", "ru") == {
        ("Oleg Gusev", "deputy_prime_minister")
    }


def test_a_title_with_capitalised_words_is_not_a_person():
    text = "Deputy Governor for Investment Policy and Foreign Relations Roman Gusev opened the forum."
    assert _codes(text, "en") == {("Roman Gusev", "deputy_governor")}


def test_a_title_before_the_next_name_is_that_persons():
    text = "Пришли губернатор области Иван Орлов, первый вице-спикер Госдумы Олег Сидоров."
    assert _codes(text, "ru") == {("Ivan Orlov", "governor"), ("Oleg Sidorov", "deputy_speaker")}


def _codes(text, language):
    frame = extract_people(text, language)
    return {(r["canonical_name"], r["role_code"]) for r in frame.iter_rows(named=True)}


def test_titles_joined_by_a_dash_take_the_first_titles_code():
    text = "Выступил вице-премьер – министр финансов и экономики республики Олег Смирнов."
    assert _codes(text, "ru") == {("Oleg Smirnov", "deputy_prime_minister")}
    text = "Первый заместитель губернатора – председатель правительства области Иван Котов приехал."
    assert _codes(text, "ru") == {("Ivan Kotov", "deputy_governor")}
    text = "Present was Deputy Prime Minister - Kostroma Digital Development Minister Igor Lebedev."
    assert _codes(text, "en") == {("Igor Lebedev", "deputy_prime_minister")}


def test_inflected_vice_premier_and_the_presidential_envoy():
    text = "Губернатор Павел Орлов доложил вице-премьеру Сергею Белову о ходе работ."
    assert _codes(text, "ru") == {("Pavel Orlov", "governor"), ("Sergey Belov", "deputy_prime_minister")}
    text = "Совещание провёл полномочный представитель президента в округе Игорь Волков."
    assert _codes(text, "ru") == {("Igor Volkov", "envoy")}


def test_the_head_of_a_region_named_by_a_common_noun():
    assert _codes("Глава республики Тимур Хасанов открыл цех.", "ru") == {
        ("Timur Khasanov", "head_of_region")
    }
    assert _codes("Об этом сказал руководитель региона Олег Ковалёв.", "ru") == {
        ("Oleg Kovalev", "head_of_region")
    }


def test_the_head_of_a_regions_department_is_a_head_not_the_regions():
    text = "Слово взял начальник департамента экономики Тверской области Антон Гусев."
    assert _codes(text, "ru") == {("Anton Gusev", "head")}
    text = "The head of the Industry Department of the Tver Region Anton Gusev spoke."
    assert _codes(text, "en") == {("Anton Gusev", "head")}


def test_a_title_belongs_to_the_first_name_after_it():
    text = "Губернатор Андрей Лебедев рассказал министру Павлу Серову о проекте, а Иван Крылов промолчал."
    assert _codes(text, "ru") == {("Andrey Lebedev", "governor"), ("Pavel Serov", "minister"),
                                  ("Ivan Krylov", None)}  # fmt: skip


def test_a_plural_title_is_shared_by_the_names_listed_after_it():
    text = "Two Deputy Governors, Oleg Frolov and Pavel Zimin, visited the park."
    assert _codes(text, "en") == {("Oleg Frolov", "deputy_governor"), ("Pavel Zimin", "deputy_governor")}


def _mentions(text, language="ru"):
    from transforms.intel.entities import find_mentions

    return {m.canonical: m.attrs for m in find_mentions(text, language) if m.entity_type == "person"}


def test_head_of_government_after_the_name():
    people = _mentions("Михаил Мишустин, председатель правительства, провёл совещание.")
    assert people["Mikhail Mishustin"]["role_code"] == "prime_minister"


def test_a_dash_starts_a_new_title():
    people = _mentions("На форуме выступил член Ассоциации – директор ОЭЗ «Калуга» Алексей Лаптев.")
    assert people["Alexey Laptev"]["role_code"] == "director"
    assert people["Alexey Laptev"]["organization"] == "Kaluga"


def test_a_governors_region_comes_from_the_title_or_else_the_article():
    named = _mentions("Губернатор Калужской области Владислав Шапша открыл завод.")
    assert named["Vladislav Shapsha"]["role_iso"] == "RU-KLU"
    text = "В Калужской области открыли завод. Губернатор Владислав Шапша перерезал ленту."
    assert _mentions(text)["Vladislav Shapsha"]["role_iso"] == "RU-KLU"
    director = _mentions("В Калужской области открыли завод. Директор завода Иван Орлов рассказал о планах.")
    assert director["Ivan Orlov"]["role_iso"] is None  # not a regional title
    alone = _mentions("Губернатор Владислав Шапша перерезал ленту.")
    assert alone["Vladislav Shapsha"]["role_iso"] is None  # no region anywhere


def test_a_region_named_by_its_common_noun_is_the_articles():
    text = (
        "В Бурятии построят промышленный парк. Об этом сообщил министр промышленности, торговли и инвестиций "
        "республики Денис Гармаев."
    )
    assert _mentions(text)["Denis Garmaev"]["role_iso"] == "RU-BU"


def test_the_role_normalised_leaves_case_and_dashes():
    text = "Соглашение подписали заместителем министра Иваном Орловым и вице-губернатором Олегом Сидоровым."
    people = _mentions(text)
    assert people["Ivan Orlov"]["role_normalised"] == "заместитель министра"
    assert people["Oleg Sidorov"]["role_normalised"] == "вице губернатор"
    assert _mentions("Vice-Governor Oleg Sidorov spoke.", "en")["Oleg Sidorov"]["role_normalised"] == (
        "vice governor"
    )


def test_a_company_named_in_quotes_keeps_its_name_whole():
    text = "Генеральный директор компании «Технотрейд» Сергей Кузнецов рассказал о планах."
    person = _mentions(text)["Sergey Kuznetsov"]
    assert person["role_code"] == "general_director"
    assert person["organization"] == "Tekhnotreyd"
    assert person["organization_surface"] == "компании «Технотрейд»"


def test_a_body_ending_in_a_closing_quote_is_still_the_titles():
    text = "Гендиректор управкомпании «Индустриальные парки Тюменской области» Андрей Саносян рассказал."
    assert _mentions(text)["Andrey Sanosyan"]["role_code"] == "general_director"
    assert _mentions("Столичный градоначальник Сергей Собянин выступил.")["Sergey Sobyanin"]["role_code"] == (
        "mayor"
    )


def test_a_title_before_and_does_not_pass_to_the_next_name():
    text = (
        "He was accompanied by Alexander Morozov, Deputy Minister of Industry and Trade of the Russian "
        "Federation and Timur Shagivaleev, the CEO of the SEZ Alabuga."
    )
    people = _mentions(text, "en")
    assert people["Alexander Morozov"]["role_code"] == "deputy_minister"
    assert people["Timur Shagivaleev"]["role_code"] == "general_director"


def _all_roles(text, language):
    """(name, role code, organisation) for every title a person holds."""
    from transforms.intel.entities import find_mentions

    return {
        (m.canonical, role["role_code"], role["organization"])
        for m in find_mentions(text, language)
        if m.entity_type == "person"
        for role in m.attrs.get("roles", [])
    }


def test_two_titles_joined_by_a_comma_before_the_name_are_both_kept():
    text = (
        "Председатель комитета Законодательного Собрания по экономической политике, генеральный директор "
        "Агентства инвестиционного развития Ростовской области Игорь Бураков выступил."
    )
    codes = {(name, code) for name, code, _ in _all_roles(text, "ru")}
    assert codes == {("Igor Burakov", "chairman"), ("Igor Burakov", "general_director")}
    text = (
        "Подписал председатель Совета директоров S7 Group, генеральный директор холдинга «Мотор» "
        "Евгений Елин."
    )
    assert {code for _, code, _ in _all_roles(text, "ru")} == {"chairman", "general_director"}


def test_two_titles_after_the_name_each_with_its_own_body():
    text = "Ivan Petrov, director of KAMAZ and chairman of the Association of Clusters, said it."
    assert {(code, org) for _, code, org in _all_roles(text, "en")} == {
        ("director", "KAMAZ"),
        ("chairman", "Association of Clusters"),
    }
    text = "Заявил Михаил Иванов, министр экономики и губернатор Калужской области."
    assert {code for _, code, _ in _all_roles(text, "ru")} == {"minister", "governor"}
    text = "Пришёл Иван Петров, член Ассоциации – директор ОЭЗ «Калуга»."  # the dash starts a new title
    assert _codes(text, "ru") == {("Ivan Petrov", "director")}


def test_titles_that_lead_into_the_next_name_are_that_persons():
    text = (
        "Пришли вице-губернатор Петербурга Сергей Вязалов, председатель Совета ректоров Петербурга, "
        "ректор ИТМО Владимир Васильев."
    )
    assert {(name, code) for name, code, _ in _all_roles(text, "ru")} == {
        ("Sergey Vyazalov", "deputy_governor"),
        ("Vladimir Vasilyev", "chairman"),
        ("Vladimir Vasilyev", "rector"),
    }
    text = (
        "He was accompanied by Alexander Morozov, Deputy Minister of Industry and Timur Shagivaleev, the CEO."
    )
    assert {(name, code) for name, code, _ in _all_roles(text, "en")} == {
        ("Alexander Morozov", "deputy_minister"),
        ("Timur Shagivaleev", "general_director"),
    }


def test_a_title_inside_a_bodys_name_is_not_the_next_names():
    text = "Встречу провёл руководитель Администрации Президента РФ Сергей Иванов."
    assert _codes(text, "ru") == {("Sergey Ivanov", "head")}
    text = "Приказом первого замминистра промышленности Василия Осьмакова кластер внесён в реестр."
    assert _codes(text, "ru") == {("Vasily Osmakov", "deputy_minister")}


def test_pro_rector_director_general_and_deputy_mayor():
    text = (
        "Alexander Uvarov, the pro-rector for development, the director of the Institute of Innovation spoke."
    )
    assert {code for _, code, _ in _all_roles(text, "en")} == {"deputy_rector", "director"}
    assert _codes("Director-General of Technopark Sergey Yushko spoke.", "en") == {
        ("Sergey Yushko", "general_director")
    }
    assert _codes("— сказал заммэра Москвы Владимир Ефимов.", "ru") == {("Vladimir Efimov", "deputy_mayor")}


def test_a_regional_title_takes_a_towns_region_when_no_region_is_named():
    text = (
        "В Туле подписано соглашение. Как сообщил первый заместитель главы региона Вячеслав Федорищев, "
        "центр появится."
    )
    person = _mentions(text)["Vyacheslav Fedorishchev"]
    assert person["role_code"] == "deputy_head_of_region" and person["role_iso"] == "RU-TUL"


def test_a_title_given_by_a_verb_or_a_post_is_the_clauses_persons():
    text = "Новым руководителем агентства назначен заместитель главы РосОЭЗ Андрей Алпатов."
    assert {code for _, code, _ in _all_roles(text, "ru")} == {"head", "deputy_head"}
    text = "Юрий Жданов покидает пост главы агентства. Сергей Петров вступил в должность директора завода."
    assert _codes(text, "ru") == {("Yury Zhdanov", "head"), ("Sergey Petrov", "director")}


def test_titles_before_and_after_the_name_are_both_held():
    text = (
        "В группу вошли: первый заместитель председателя регионального правительства Сергей Самохин, "
        "председатель рабочей группы, зампред регионального правительства Елена Буняшина, заместитель "
        "председателя рабочей группы, министр экономического развития Светлана Горячкина."
    )
    codes = {(name, code) for name, code, _ in _all_roles(text, "ru")}
    assert codes == {
        ("Sergey Samokhin", "deputy_prime_minister"), ("Sergey Samokhin", "chairman"),
        ("Elena Bunyashina", "deputy_prime_minister"), ("Elena Bunyashina", "deputy_chairman"),
        ("Svetlana Goryachkina", "minister"),
    }  # fmt: skip
    # a title chain after a name leading into the next name, in no such list, stays the next name's
    text = (
        "Приняли участие вице-губернатор Сергей Вязалов, председатель Совета ректоров, ректор ИТМО Владимир "
        "Васильев."
    )
    assert {(name, code) for name, code, _ in _all_roles(text, "ru")} == {
        ("Sergey Vyazalov", "deputy_governor"), ("Vladimir Vasilyev", "rector"),
        ("Vladimir Vasilyev", "chairman"),
    }  # fmt: skip


def test_each_title_of_a_dashed_chain_is_held():
    text = "Подписал первый заместитель генерального директора — директор Блока по развитию Кирилл Комаров."
    assert {code for _, code, _ in _all_roles(text, "ru")} == {"deputy_general_director", "director"}
    assert _codes(text, "ru") == {("Kirill Komarov", "deputy_general_director")}  # the first is his role


def test_a_title_in_another_case_than_the_genitive_is_still_the_names():
    text = 'Генеральным директором ОЭЗ "Иннополис" Ренат Халимов рассказал о парке.'
    assert _codes(text, "ru") == {("Renat Khalimov", "general_director")}


def test_a_regional_ministry_or_government_takes_the_articles_region():
    text = "В Белгородской области новости. Утверждён глава регионального Минэка Максим Гусев."
    person = _mentions(text)["Maxim Gusev"]
    assert person["role_code"] == "minister" and person["role_iso"] == "RU-BEL"
    text = "В Белгородской области новости. Выступил начальник регионального центра Максим Гусев."
    assert _mentions(text)["Maxim Gusev"]["role_iso"] is None  # a centre is not the region's


def test_a_title_after_a_name_does_not_lead_into_the_next_sentences_name():
    text = 'The zone grows, said Vitali Milyavsky, Director General of OJSC "SEZ". Grigori Nikitin agreed.'
    assert _codes(text, "en") == {("Vitali Milyavsky", "general_director"), ("Grigori Nikitin", None)}


def test_a_bodys_abbreviation_in_brackets_between_title_and_name():
    text = "It was stated by the director general of Alabuga economic zone (IP SEZ) JSC, Timur Shagivaleev."
    assert _codes(text, "en") == {("Timur Shagivaleev", "general_director")}


def test_a_deputy_minister_with_the_ministrys_words_inside_the_title():
    text = "Deputy Economic Development Minister Oleg Savelyev spoke. Deputy Governor Vladimir Popov agreed."
    assert _codes(text, "en") == {("Oleg Savelyev", "deputy_minister"), ("Vladimir Popov", "deputy_governor")}


def test_an_english_title_with_for_and_lower_case_words():
    text = "At the forum Russian minister for information technology and communication Leonid Reiman spoke."
    assert _codes(text, "en") == {("Leonid Reyman", "minister")}


def test_a_post_given_goes_to_no_name_in_another_case_after_it():
    text = (
        "Максим Гусев исполнял обязанности главы регионального Минэка с августа после ухода в отставку "
        "Зои Астанковой."
    )
    assert _codes(text, "ru") == {("Maxim Gusev", "minister"), ("Zoya Astankova", None)}


def test_a_region_named_right_before_an_english_title_is_the_roles():
    text = "YELABUGA — Tatarstan President Rustam Minnikhanov unveiled a park. Director Ivan Orlov spoke."
    people = _mentions(text, "en")
    assert people["Rustam Minnikhanov"]["role_iso"] == "RU-TA"
    assert people["Ivan Orlov"]["role_iso"] is None


def test_a_member_of_a_federation_council_committee_is_a_senator():
    text = "Игорь Кошин - член комитета Совета Федерации по регламенту, представляет парламент округа."
    assert _codes(text, "ru") == {("Igor Koshin", "senator")}


def _known_codes(text, language):
    frame = extract_people(text, language)
    return {(r["canonical_name"], r["role_code"]) for r in frame.iter_rows(named=True) if r["role_code"]}


def test_a_list_of_officials_with_a_dash_before_each_name():
    text = (
        "Согласованы кандидатуры:\n- министр промышленности Саратовской области – Иван Орлов,\n"
        "- директор департамента экономики Ивановской области – Пётр Белов."
    )
    assert _known_codes(text, "ru") == {("Ivan Orlov", "minister"), ("Pyotr Belov", "director")}


def test_a_bodys_abbreviation_in_brackets_and_a_region_inside_a_bodys_name():
    text = "Гендиректор особой экономической зоны (ОЭЗ) «Лотос» Иван Орлов выступил."
    assert _known_codes(text, "ru") == {("Ivan Orlov", "general_director")}
    frame = extract_people("Гендиректор Корпорации развития Приморского края Иван Орлов выступил.", "ru")
    assert frame["role_code"].to_list() == ["general_director"]
    assert frame["organization"].to_list() == [None]  # not Primorsky Krai: the corporation is not read
    governor = extract_people("Губернатор Приморского края Иван Орлов выступил.", "ru")
    assert governor["organization"].to_list() == ["Primorsky Krai"]


def test_the_head_of_tatarstan_and_a_founder():
    text = "Кандидатов утвердил раис Татарстана Иван Орлов. Соглашение подписал учредитель фирмы Пётр Белов."
    assert _known_codes(text, "ru") == {("Ivan Orlov", "head_of_region"), ("Pyotr Belov", "founder")}


def test_an_english_title_given_by_as_or_an_appointing_verb():
    text = "Ivan Orlov, who was appointed RF presidential plenipotentiary representative, arrived."
    assert _known_codes(text, "en") == {("Ivan Orlov", "envoy")}
    assert _known_codes("Oleg Belov has been working as deputy prime minister since 2015.", "en") == {
        ("Oleg Belov", "deputy_prime_minister")
    }


def test_an_english_title_before_a_verb_of_saying_is_its_subject():
    text = "Describing the candidacy of Ivan Orlov, head of the Government noted that he works hard."
    assert _known_codes(text, "en") == set()


def _regions(text, language="ru"):
    """(canonical name, role code, the role's region) of every title each person holds."""
    from transforms.intel.entities import find_mentions

    return {
        (m.canonical, role["role_code"], role["role_iso"])
        for m in find_mentions(text, language)
        if m.entity_type == "person"
        for role in m.attrs.get("roles") or []
    }


def test_a_title_in_the_genitive_before_a_name_in_the_nominative_is_not_its():
    text = "Должности в команде губернатора Тульской области покинули Владислав Ефанов и Юрий Умеренко."
    assert {code for _, code, _ in _regions(text)} == set()


def test_initials_fused_to_a_surname():
    text = "Глава Мордовии В.Д.Волков провел совещание с генеральным директором технопарка В.В.Якубой."
    assert _regions(text) == {
        ("V. D. Volkov", "head_of_region", "RU-MO"),
        ("V. V. Yakuba", "general_director", None),
    }


def test_the_region_of_an_article_named_by_a_titles_adjective():
    text = (
        "Омский губернатор представил новых членов правительства.\n"
        "Заместителем председателя правительства края назначен Иван Орлов."
    )
    assert _regions(text) == {("Ivan Orlov", "deputy_prime_minister", "RU-OMS")}


def test_a_minister_appointed_in_a_regions_article_is_the_regions():
    text = "Губернатор Тверской области Иван Орлов назначил Петра Смирнова министром промышленности и науки."
    assert ("Pyotr Smirnov", "minister", "RU-TVE") in _regions(text)
    # a federal minister's title names the country
    text = "Губернатор Тверской области Иван Орлов сказал: министром промышленности РФ назначен Петр Смирнов."
    assert ("Pyotr Smirnov", "minister", None) in _regions(text)
    text = "The meeting was attended by the regional Minister of Industry Ivan Orlov. Tatarstan is the host."
    assert _regions(text, "en") == {("Ivan Orlov", "minister", "RU-TA")}


def test_the_same_title_twice_takes_the_region_one_of_them_names():
    text = (
        "Губернатор края Иван Орлов и губернатор Санкт-Петербурга Олег Сидоров встретились. "
        "Губернатор Красноярского края Иван Орлов и губернатор Санкт-Петербурга Олег Сидоров подписали карту."
    )
    assert _regions(text) == {("Ivan Orlov", "governor", "RU-KYA"), ("Oleg Sidorov", "governor", "RU-SPE")}


def test_the_head_of_a_town_is_its_regions():
    text = "Тула. 19 июля. Глава города Иван Орлов сообщил о новом парке."
    assert _regions(text) == {("Ivan Orlov", "head", "RU-TUL")}


def test_the_region_in_a_headline_counts_twice():
    text = (
        "В правительстве Тульской области назначен новый заместитель\n"
        "Заместителем губернатора стал Иван Орлов. Он работал в Подмосковье, а семья живет в Подмосковье."
    )
    assert _regions(text) == {("Ivan Orlov", "deputy_governor", "RU-TUL")}


def test_english_titles_between_commas_and_in_a_country():
    text = "While negotiating with Ivan Orlov, Governor of Kaluga Region, Peter Smith highlighted the plans."
    assert _regions(text, "en") == {("Ivan Orlov", "governor", "RU-KLU")}
    text = (
        "Russia's Ambassador in Turkey Andrey Karlov said. Igor Petrov, Extraordinary and Plenipotentiary "
        "Ambassador of the Republic of Belarus, came."
    )
    assert _regions(text, "en") == {
        ("Andrey Karlov", "ambassador", None),
        ("Igor Petrov", "ambassador", None),
    }
    text = (
        "The Rais (Head) of Tatarstan Rustam Minnikhanov met the Head of the Mariy El Yuriy Zaytsev. "
        "Rais Suleymanov came."
    )
    assert _regions(text, "en") == {
        ("Rustam Minnikhanov", "head_of_region", "RU-TA"),
        ("Yury Zaytsev", "head_of_region", "RU-ME"),
    }


def test_the_head_of_state_is_the_president():
    text = "Указ подписал Владимир Путин. Ранее глава государства увеличил число вице-премьеров."
    assert _regions(text) == {("Vladimir Putin", "president", None)}


def test_acting_and_a_plural_title_after_the_names_before_its_verb():
    text = "Иван Орлов назначен и.о. первого заместителя врио губернатора."
    assert _regions(text) == {("Ivan Orlov", "deputy_governor", None)}
    text = "Д.А. Матвеев и С.В. Щерчков назначены заместителями председателя правительства Кировской области."
    assert _regions(text) == {
        ("D. A. Matveev", "deputy_prime_minister", "RU-KIR"),
        ("S. V. Shcherchkov", "deputy_prime_minister", "RU-KIR"),
    }
    text = "Губернатор Иван Орлов подписал документ о назначении и.о. замгубернатора региона."
    assert _regions(text) == {("Ivan Orlov", "governor", None)}


def test_a_foreign_officials_title_takes_no_russian_region_after_his_country():
    text = "A delegation headed by Ivan Orlov, First Deputy Prime Minister of Belarus visited Kaluga Region."
    assert _regions(text, "en") == {("Ivan Orlov", "deputy_prime_minister", None)}


def test_an_english_name_opening_its_clause_keeps_its_title_before_a_verb_of_saying():
    text = "The plant will open this year, Ivan Orlov, director of the Regional Development Fund says."
    assert _known_codes(text, "en") == {("Ivan Orlov", "director")}
    text = "Olga Belova, Deputy Minister of Economy of the Tomsk Region told the participants about it."
    assert _known_codes(text, "en") == {("Olga Belova", "deputy_minister")}


def test_a_nominative_title_after_a_name_in_another_case_opens_its_own_clause():
    text = "По словам Ивана Орлова, глава государства сегодня находится в Кремле."
    assert _known_codes(text, "ru") == set()
    text = "Указ касается Ивана Орлова, губернатора Тульской области."
    assert _known_codes(text, "ru") == {("Ivan Orlov", "governor")}


def test_a_plural_title_of_heads_before_a_list_of_names():
    text = "Прошла встреча с главами Тульской и Курской областей Иваном Орловым и Петром Беловым."
    assert _known_codes(text, "ru") == {("Ivan Orlov", "head_of_region"), ("Pyotr Belov", "head_of_region")}


def test_a_title_after_another_verbs_passive_participle_is_its_agent():
    text = "Иван Орлов назначен главой минпрома, сам документ был подписан губернатором 8 июня."
    assert _known_codes(text, "ru") == {("Ivan Orlov", "minister")}


def test_a_fused_deputy_title_after_a_post_word_and_a_post_held_by_the_name_before():
    text = "Ивана Орлова утвердили на должность замглавы Минпромторга России."
    assert _known_codes(text, "ru") == {("Ivan Orlov", "deputy_minister")}
    text = "Иван Орлов на посту директора сменил Петра Белова."
    assert _known_codes(text, "ru") == {("Ivan Orlov", "director")}


def test_a_plural_title_naming_as_many_regions_as_names_gives_each_its_own():
    text = "Прошла встреча с губернаторами Тульской и Курской областей Иваном Орловым и Петром Беловым."
    assert _regions(text) == {("Ivan Orlov", "governor", "RU-TUL"), ("Pyotr Belov", "governor", "RU-KRS")}


def test_the_head_of_a_republic_named_by_its_abbreviation_heads_a_region():
    text = "Указ подписал глава РК Иван Орлов."
    assert _known_codes(text, "ru") == {("Ivan Orlov", "head_of_region")}


def test_a_title_given_by_re_election_is_held():
    text = "Иван Орлов, переизбранный председателем совета директоров завода, рассказал о планах."
    assert _known_codes(text, "ru") == {("Ivan Orlov", "chairman")}


def test_acting_with_its_title_word_left_out_before_a_region_is_the_acting_governor():
    text = "Путин встретился с врио Тульской области Иваном Орловым."
    assert _regions(text) == {("Ivan Orlov", "governor", "RU-TUL")}
