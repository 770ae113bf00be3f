from transforms.intel.entities import find_mentions


def _sites(text, language="en"):
    return {(m.attrs["site_type"], m.attrs["name"], m.attrs["industry"], m.attrs["iso"])
            for m in find_mentions(text, language) if m.kind == "site"}  # fmt: skip


def test_named_sites_in_both_languages_meet():
    ru = _sites("Резидент ОЭЗ «Калуга» открыл завод в Калужской области.", "ru")
    en = _sites("A resident of the Kaluga SEZ opened a plant in the Kaluga Region.")
    assert ru == en == {("sez", "Kaluga", None, "RU-KLU")}


def test_sites_by_industry_need_a_site_noun():
    found = _sites("In the Tula Region a pharmaceutical cluster and a cluster of food products were formed.")
    assert found == {("cluster", "pharmaceutical cluster", "pharmaceutical", "RU-TUL"),
                     ("cluster", "food cluster", "food", "RU-TUL")}  # fmt: skip
    assert _sites("Pharmaceutical companies in the Tula Region grew.") == set()


def test_generic_site_words_are_not_sites():
    assert _sites("They spoke of industrial parks as a tool for innovative development.") == set()


def test_russian_adjective_names_the_site():
    assert _sites("Томская ОЭЗ насчитывает 77 резидентов.", "ru") == {("sez", "Tomsk", None, "RU-TOM")}


def test_foreign_sites_are_filed_under_their_own_country():
    text = (
        "The program includes visits to major European technoparks Adlershof (Berlin) and E.S.T.E.R. "
        "(France) and industrial clusters (automotive - AutoCluster.NRW, aerospace - ASTech, chemical - "
        "ChemSite and food industry - Ernährung.NRW).\n"
        "Kaluga's pharmaceutical cluster is an active participant of France's biggest pharmaceutical "
        "cluster Eurobiomed."
    )
    countries = {m.canonical: m.attrs["iso"] for m in find_mentions(text, "en") if m.kind == "site"}
    assert countries["Adlershof"] == "DE" and countries["E.S.T.E.R"] == "FR"  # the place in brackets
    assert countries["AutoCluster.NRW"] == countries["Ernährung.NRW"] == "DE"  # NRW in the name
    assert countries["ChemSite"] == countries["ASTech"] == "DE"  # the list's other items agree on DE
    assert countries["Eurobiomed"] == "FR"


def _named(text, language="ru"):
    return {
        (m.attrs["site_type"], m.attrs["name"]) for m in find_mentions(text, language) if m.kind == "site"
    }


def test_sites_listed_after_a_colon():
    text = (
        "В области действуют три индустриальных парка: «Луговой» (Кузнецк) и «Сосновка» (Никольск), а также "
        "Индустриальный парк Ульяновской области."
    )
    assert _named(text) == {
        ("industrial_park", "Lugovoy"),
        ("industrial_park", "Sosnovka"),
        ("industrial_park", "Ulyanovsk Oblast"),
    }


def test_names_only_the_locals_use():
    assert _named("Резиденты Нанопарка и Агродолины получили льготы.") == {
        ("technopark", "Nanopark"),
        ("technopark", "Agrodolina"),
    }
    assert _named("Площадки технопарка: в Биопарке работают 12 компаний.") == {("technopark", "Biopark")}


def test_types_written_out_between_the_noun_and_the_name():
    assert _named("Резидент ОЭЗ ППТ «Ступино Квадрат» запустил линию.") == {("sez", "Stupino Kvadrat")}
    assert _named("в особой экономической зоне промышленно-производственного типа «Моглино» открыт цех") == {
        ("sez", "Moglino")
    }
    assert _named("SEZ of the industrial production type “Stupino” grew", "en") == {("sez", "Stupino")}


def test_quoted_names_before_the_noun_and_no_names_across_lines():
    assert _named("the “Kamskaya” Industrial Park opened", "en") == {("industrial_park", "Kamskaya")}
    assert _named("funds for the “Ozerny” industrial park\nCo-financing was approved", "en") == {
        ("industrial_park", "Ozerny")
    }


def test_capitalised_words_after_site_words_are_not_always_names():
    assert _named("Kirov Park Is Among the Leaders of the rating", "en") == set()
    assert _named("The SEZ Supervisory Board and the Cluster Development Council met.", "en") == set()
    assert _named("The decree On technology parks was signed.", "en") == set()


def test_a_title_after_the_site_word_is_not_its_name():
    assert _sites("Technopark Director Oleg Belov opened the session.") == set()
    assert _sites("Technopark Polyot hosted the session.") == {("technopark", "Polyot", None, None)}


def test_a_park_named_with_the_park_word_is_never_an_sez():
    text = ("Директор рассказал, что индустриальный парк в сфере машиностроения «Технопарк-Юг», который "
            "находится на территории особой экономической зоны «Ока», заполнен.")  # fmt: skip
    found = {(kind, name) for kind, name, _, _ in _sites(text, "ru")}
    assert ("sez", "Oka") in found and ("sez", "Tekhnopark-Yug") not in found


def test_a_colon_list_after_the_parks_region():
    text = "Проверку прошли три парка Тверской области: «Боровлёво», «Раменское» и «Redkino»."
    assert {(kind, name, iso) for kind, name, _, iso in _sites(text, "ru")} == {
        ("industrial_park", "Borovlevo", "RU-TVE"), ("industrial_park", "Ramenskoe", "RU-TVE"),
        ("industrial_park", "Redkino", "RU-TVE"),
    }  # fmt: skip
    text = "В реестр вошли индустриальные парки Тверской области: «Боровлёво» и «Раменское»."
    assert {name for _, name, _, _ in _sites(text, "ru")} == {"Borovlevo", "Ramenskoe"}


def test_a_place_before_the_site_word_is_not_its_name():
    assert _sites("Восемь инвесторов пришли в Подмосковье индустриальные парки региона.", "ru") == set()


def _registered(text, language="ru"):
    return {(m.attrs["site_type"], m.attrs["name"], m.attrs["registry_id"])
            for m in find_mentions(text, language) if m.kind == "site"}  # fmt: skip


def test_a_kind_of_site_is_not_a_site():
    text = "Правительство выделило субсидии на создание технопарков в сфере высоких технологий."
    assert _sites(text, "ru") == set()
    assert _sites("Residents joined the microelectronics, IT and medicine clusters.") == set()
    assert _sites("The report came from the Cluster Observatory of the institute.") == set()
    assert _sites("Московские технопарки привлекли инвесторов.", "ru") == set()


def test_an_organisation_named_after_a_kind_of_site_is_not_a_site():
    assert _sites("Компании «Индустриально-логистический парк» дали участки в Ногинске.", "ru") == set()
    assert _sites('The shareholder of the management company is JSC "Special Economic Zones".') == set()


def test_members_of_a_listed_set_stay_sites():
    text = "There are over 10 industrial clusters, including automotive and pharmaceutical clusters."
    assert {(kind, industry) for kind, _, industry, _ in _sites(text)} == {
        ("cluster", "automotive"), ("cluster", "pharmaceutical")}  # fmt: skip


def test_a_sites_own_type_wins():
    sez = ("sez", "Technopolis Moscow", "sez-technopolis-moscow")
    assert _registered("The Technopolis Moscow special economic zone hosts 150 residents.", "en") == {sez}
    assert _registered("Резиденты ОЭЗ «Технополис „Москва“» выпустили продукцию.") == {sez}
    assert _registered('Собянин сообщил о лидерстве "Технополиса Москва" в рейтинге ОЭЗ.') == {sez}
    park = _sites("Промышленно-логистический парк «Север» открыл первую очередь.", "ru")
    assert {(kind, name) for kind, name, _, _ in park} == {("industrial_park", "Sever")}


def test_a_registered_name_takes_the_registrys_key_type_and_region():
    found = [m for m in find_mentions("Новый завод построят в ОЭЗ Алабуга.", "ru") if m.kind == "site"]
    facts = [(m.attrs["registry_id"], m.attrs["iso"], m.attrs["zone_type"], m.attrs["year"]) for m in found]
    assert facts == [("sez-alabuga", "RU-TA", "industrial_production", 2005)]
    # the region named in the sentence does not move a registered site
    found = [m for m in find_mentions("В Москве рассказали об ОЭЗ «Липецк».", "ru") if m.kind == "site"]
    assert [(m.attrs["name"], m.attrs["iso"]) for m in found] == [("Lipetsk", "RU-LIP")]


def test_the_site_word_beside_a_name_keeps_its_type():
    found = _registered("Металлургический кластер «Титановая долина» и ОЭЗ «Титановая долина» растут.")
    assert found == {("cluster", "Titanovaya Dolina", "cl-titanovaya-dolina"),
                     ("sez", "Titanium Valley", "sez-titanium-valley")}  # fmt: skip


def test_a_name_not_in_the_registry_is_kept_and_flagged_unregistered():
    assert _registered("Резидентом технопарка «Полёт» стала компания.") == {("technopark", "Polet", None)}


def test_russian_adjectives_name_sites():
    assert _registered("Первый участок Столыпинского индустриального парка передан резиденту.") == {
        ("industrial_park", "Stolypinsky", "ip-stolypinsky")}  # fmt: skip
    assert _registered("Завод строится в липецкой особой экономической зоне.") == {
        ("sez", "Lipetsk", "sez-lipetsk")}  # fmt: skip
    found = _registered("Семь предприятий вошли в Московский инновационный кластер.")
    assert found == {("cluster", "Moscow", None)}
    # a region's adjective in lower case is where parks and clusters are, not their name
    assert _registered("Два новых калужских промышленных кластера войдут в реестр.") == set()


def test_names_listed_before_a_plural_site_word_are_sites_each():
    found = _registered("The Kaluga, Lipetsk and Tambov SEZs grew.", "en")
    assert found == {("sez", "Kaluga", "sez-kaluga"), ("sez", "Lipetsk", "sez-lipetsk"),
                     ("sez", "Tambov", "sez-tambov")}  # fmt: skip
    assert _registered("Moscow technoparks hosted 100 companies.", "en") == set()


def test_a_singular_word_ending_in_s_is_not_a_plural():
    assert _registered("Residents of the Khimgrad Technopolis grew.", "en") == {
        ("technopark", "Khimgrad", None)}  # fmt: skip


def test_two_registered_parks_of_one_name_take_the_region_the_text_gives():
    stavropol = "Губернатор Ставропольского края открыл первую очередь индустриального парка «Мастер»."
    assert _registered(stavropol) == {("industrial_park", "Master", "ip-master-stavropol")}
    assert _registered("Резиденты индустриального парка «Мастер» в Набережных Челнах растут.") == {
        ("industrial_park", "Master", "ip-master")}  # fmt: skip
    # a third park of the name, in a region neither entry is in, stays unregistered there
    assert _registered("Оренбургская область создаст индустриальный парк «Северный».") == {
        ("industrial_park", "Severny", None)}  # fmt: skip
    assert _registered("Новосибирская область создаст индустриальный парк «Титан».") == {
        ("industrial_park", "Titan", None)}  # fmt: skip
    assert _registered("Губернатор Подмосковья посетил индустриальный парк «Титан».") == {
        ("industrial_park", "Titan", "ip-titan")}  # fmt: skip


def test_a_quoted_place_name_in_a_list_after_a_colon_is_a_site_name():
    found = _registered("Сейчас в Москве функционирует 6 технопарков: «Москва», «Слава», «Строгино».")
    assert found == {("technopark", "Moskva", None), ("technopark", "Slava", "tp-slava"),
                     ("technopark", "Strogino", "tp-strogino")}  # fmt: skip


def test_a_kind_written_out_between_the_noun_and_the_name():
    assert _registered("Строительство технопарка в сфере высоких технологий «Анкудиновка» завершено.") == {
        ("technopark", "Ankudinovka", "tp-ankudinovka")}  # fmt: skip
    found = _registered('The Technopark in the sphere of high technologies "IT Park" opened its doors.', "en")
    assert found == {("technopark", "IT Park", "tp-it-park-kazan")}


def test_a_registered_common_word_or_town_alone_is_not_a_site():
    text = "Система заработала на Севере. Мастер цеха из Липецка рассказал об идее; в Тольятти открыли центр."
    assert _registered(text) == set()


def test_a_registered_place_after_of_or_in_names_the_site():
    dubna = ("sez", "Dubna", "sez-dubna")
    assert _registered("The Moscow region has one innovative SEZ of Dubna.", "en") == {dubna}
    assert _registered("Residents of the special economic zone in Lipetsk grew.", "en") == {
        ("sez", "Lipetsk", "sez-lipetsk")}  # fmt: skip
    # a place the registry lists no site of this type by takes no entry (a town names it unregistered, the
    # convention for a site known by its town); "the SEZ" in a region of one zone is that zone (as "the
    # Moscow SEZ" is), in a region of several none of them
    assert _registered("A technopark in Kazan opened.", "en") == {("technopark", "Kazan", None)}
    assert _registered("The SEZ in the Kaluga Region grew.", "en") == {("sez", "Kaluga", "sez-kaluga")}
    assert _registered("The SEZ in the Moscow Oblast grew.", "en") == set()


def test_a_quoted_name_after_a_company_word_is_the_companys():
    text = "Так, компания-резидент технопарка «Облачные технологии» открыла для клиентов безлимит."
    assert _registered(text) == set()
    # a registered site's name stays the site's: the companies are its residents
    assert _registered("Компании-резиденты технопарка «Строгино» наняли 300 человек.") == {
        ("technopark", "Strogino", "tp-strogino")}  # fmt: skip


def test_a_name_led_by_the_sites_own_abbreviation_names_it_alone():
    text = "Замминистра Ставропольского края рассказал, что активно развивается СКИП Мастер."
    assert _registered(text) == {("industrial_park", "Master", "ip-master-stavropol")}


def _keyed(text, language="ru"):
    return {
        (m.attrs["site_type"], m.attrs["registry_id"] or m.attrs["name"])
        for m in find_mentions(text, language)
        if m.kind == "site"
    }


def test_quoted_names_after_a_dash_and_registered_names_anywhere_in_the_sentence():
    text = (
        "В Воронежской области власти планируют запустить новые индустриальные парки – «Подгоренский», "
        "«Богучарский» и расширить «Масловский»."
    )
    assert _keyed(text) == {
        ("industrial_park", "ip-podgorensky"),
        ("industrial_park", "ip-bogucharsky"),
        ("industrial_park", "ip-maslovsky"),
    }
    text = "В Курской области планируют запустить новые индустриальные парки – «Ромашка», «Лесной»."
    assert _keyed(text) == {("industrial_park", "Romashka"), ("industrial_park", "Lesnoy")}  # not registered
    # a quoted name the registry does not list, away from the site word, is not a site
    assert _keyed("В Воронежской области есть индустриальные парки, их строит «Альфа».") == set()


def test_a_site_word_inside_an_organisations_name_needs_its_own_quoted_name():
    assert _named('Институт "Технопарк "Родина"" планируется создать в Казани.') == {("technopark", "Rodina")}
    text = (
        'In May LLC "Electronic Technology Park" secured the green light for constructing the "Erkon" '
        "technopark in Nizhny Novgorod."
    )
    assert _named(text, "en") == {("technopark", "Erkon")}


def test_capitals_of_a_title_case_headline_name_nothing():
    text = "‘Uzlovaya’ Industrial Park Expands Capacity\nThe park grows."
    assert _named(text, "en") == {("industrial_park", "Uzlovaya")}


def test_an_unquoted_russian_name_after_the_site_word():
    assert _named("В области действует технопарк Волга на Бору.") == {("technopark", "Volga")}
    assert _named("Технопарк Эркон будет выпускать электронику.") == {("technopark", "Erkon")}
    assert _named("В технопарке Минпромторг провёл совещание.") == set()  # the subject of the verb
    assert _named("Технопарк Татарстана растёт, его посетил Сергей Иванов.") == set()  # a place
    assert _named("Гостей встретил директор технопарка Сергей Иванов.") == set()  # a person


def test_compound_adjectives_keep_their_hyphen():
    found = _named("Соглашение о создании Южно-Уральского промкластера подписали в октябре.")
    assert found == {("cluster", "Yuzhno-Uralsky")}


def test_a_region_adjective_opening_a_sentence_names_no_park():
    assert _named("Тюменский индустриальный парк включили в реестр.") == set()
    assert _named("Власти открыли Тюменский индустриальный парк.") == {("industrial_park", "Tyumen")}


def test_an_sez_named_by_a_region_with_one_zone_is_that_zone():
    assert _keyed("Residents of the Moscow SEZ build plants.", "en") == {("sez", "sez-technopolis-moscow")}
    assert _keyed("Residents of SEZ Zelenograd build plants.", "en") == {("sez", "Zelenograd")}  # a town


def test_registered_names_beside_the_site_word():
    assert _keyed("A plant opens in the first SEZ in Mordovia, Sistema.", "en") == {("sez", "sez-sistema")}
    assert _keyed("Tatarstan created the Tura 2.0 industrial park.", "en") == {("industrial_park", "ip-tura")}
    found = _keyed("In Tatarstan, Himgrad and Master parks received support.", "en")
    assert found == {("industrial_park", "ip-khimgrad"), ("industrial_park", "ip-master")}
    assert _keyed("The Gorky and Sokolniki parks opened in Moscow.", "en") == set()


def test_a_regional_name_the_registry_lists_whole():
    found = _keyed("В реестр вошёл также Промышленно-логистический парк Новосибирской области.")
    assert found == {("industrial_park", "ip-plp-novosibirsk")}


def test_a_kind_of_site_after_status_or_creating_a_is_no_site():
    assert _sites("Критики опасались, что под видом создания кластера построят жильё.", "ru") == set()
    ru = "Закон определяет правовой статус технопарка в сфере высоких технологий."
    assert _sites(ru, "ru") == set()
    assert _sites("The law defines the status of an industrial park in the Tula Region.") == set()
    guise = "They feared that under the guise of creating a high-tech cluster, housing would be built."
    assert _sites(guise) == set()
    assert _sites("Any industrial park may apply for the subsidy.") == set()
    # a cluster of an industry to be created is a site all the same
    formed = _sites("In the Tula Region they agreed to create a pharmaceutical cluster.")
    assert formed == {("cluster", "pharmaceutical cluster", "pharmaceutical", "RU-TUL")}


def test_a_name_after_named_or_in_single_quotes():
    found = _sites("The decree established a Special Economic Zone named ‘Center’ in the Voronezh region.")
    assert {(t, n) for t, n, _, _ in found} == {("sez", "Tsentr")}
    assert {n for _, n, _, _ in _sites("Nokia opened a site in the Tomsk economic zone.")} == {"Tomsk"}


def test_english_industry_words_between_name_and_site_word():
    found = _sites("The region registered the Kaluga Pharmaceutical Cluster Association in 2012.")
    assert {(t, n, i) for t, n, i, _ in found} == {("cluster", "Kaluga", "pharmaceutical")}
    # in lower case the words are the cluster's industry and Kaluga its place
    found = _sites("Exports of the Kaluga pharmaceutical cluster reached $120 million.")
    assert {(t, n, i) for t, n, i, _ in found} == {("cluster", "pharmaceutical cluster", "pharmaceutical")}


def test_counted_sites_in_a_sphere_are_a_kind():
    text = "В регионе откроют два технопарка, в том числе в сфере электронной промышленности."
    assert _sites(text, "ru") == set()


def test_names_listed_in_brackets_after_a_plural_site_word():
    text = "Four industrial parks (Vorsino, Kaluga-Yug, Grabcevo) successfully operate in the region."
    assert _named(text, "en") == {("industrial_park", "Vorsino"), ("industrial_park", "Kaluga-Yug"),
                                  ("industrial_park", "Grabtsevo")}  # fmt: skip
    assert _named("Three technoparks (see below) opened.", "en") == set()
    assert _named("Two industrial parks (IPs) opened in the region.", "en") == set()
    assert _named("New industrial parks (Moscow, Kazan and Perm) opened.", "en") == set()


def test_a_short_form_and_an_abbreviation_after_the_site_word():
    assert _named("Компания «Адель инструмент» работала в ОЭЗ «Технополис» с 2016 года.") == {
        ("sez", "Technopolis Moscow")
    }
    assert _named("Это второй научный технопарк области, первый — Технопарк ЦАГИ из Жуковского.") == {
        ("technopark", "TsAGI")
    }
    assert _named("Соглашение подписали в технопарке Минпромторга России.") == set()


def test_a_latin_name_after_a_russian_site_word():
    text = "Площадь всех зданий промышленного парка Industrial City Коледино составляет 105 тыс. кв. метров."
    assert {name for _, name in _named(text)} == {"Industrial City Koledino"}
    # an industry after the site word is the cluster's industry, not its name
    found = _named("Резиденты кластера IT получили субсидии.")
    assert found == {("cluster", "information technology cluster")}


def test_clusters_described_by_their_industry_are_named_by_their_region():
    text = (
        "The number was made by the Information Technologies Cluster in the Republic of Tatarstan. The "
        "Kama Innovative Territorial and Production Cluster in the Tatarstan Republic and the Innovative "
        "Information and Bio-pharmaceutical Technologies Cluster in the Novosibirsk Region lead the Cluster "
        "Map of Russia."
    )
    assert _named(text, "en") == {("cluster", "Tatarstan"), ("cluster", "Kama"), ("cluster", "Novosibirsk")}


def test_a_registered_name_ending_in_the_site_word():
    assert _named("The method will be tested by the management company of the high-tech IT Park.", "en") == {
        ("technopark", "IT Park")
    }
    assert _named("Zelenodolsk IT Park is to be built. IT parks in small towns pay off.", "en") == {
        ("technopark", "Zelenodolsk")
    }


def test_a_zone_named_by_a_russian_place_in_a_text_about_sezs():
    text = (
        "There are four technology implementation zones. The businesses based in the Zelenograd Zone will "
        "specialize in microelectronics. The special economic zone in Dubna will host IT companies."
    )
    assert ("sez", "Zelenograd") in _named(text, "en")
    euro = _named("The Alabuga special economic zone grew. The Euro Zone stalled.", "en")
    assert euro == {("sez", "Alabuga")}
    assert _named("The businesses based in the Zelenograd Zone grew.", "en") == set()  # no SEZ in the text


def test_names_after_such_facilities_as_take_the_site_word_before_them():
    text = (
        "The rating noted 33 technoparks. 6 technoparks out of 33 are located in the capital, moreover, such "
        "facilities as ELMA and POLYUS are among the top three."
    )
    assert _named(text, "en") == {("technopark", "Elma"), ("technopark", "Polyus")}
    assert _named("Such facilities as Vorsino and Rosva are planned.", "en") == set()  # no site word before


def test_every_case_form_of_prompark_is_the_site_word():
    """pymorphy2 reads промпарке as a form of a guessed промпарка: the site's own word wins, and the park's
    word beside the name beats an SEZ word further off."""
    text = "ОЭЗ может появиться в промпарке «Узловая». Тульская область подала заявку."
    assert _named(text, "ru") == {("industrial_park", "Uzlovaya")}


def test_a_registered_name_after_a_bare_park_word():
    text = "В Дмитровском городском округе заработал новый индустриальный парк ПНК парк Белый Раст."
    assert _named(text, "ru") == {("industrial_park", "Bely Rast")}
    assert _named("В Дмитрове открылся парк Горький.", "ru") == set()  # not a registered name


def test_registered_quoted_names_in_the_sentences_after_the_site_word_misspelt_by_a_letter():
    text = (
        "Пять индустриальных парков получили региональный знак качества. Знак качества подтверждает "
        "профессионализм управляющих компаний. Его получили две площадки в Богородском округе — «Богородкий» "
        "и «М7-М12»."
    )
    assert _named(text, "ru") == {("industrial_park", "Bogorodsky"), ("industrial_park", "M7-M12")}
    # a new paragraph is another subject; a quoted name that is no registered site is not one
    assert (
        _named("Пять индустриальных парков получили знак.\nЕго получили «Богородский» и «Ромашка».", "ru")
        == set()
    )


def test_a_dictionary_word_ending_in_park_is_not_a_name():
    text = (
        "Будут созданы два региональных парка: туристско-рекреационного типа («Аквапарк») и индустриальный "
        "парк «Меховой кластер» в Лермонтове."
    )
    assert _named(text, "ru") == {("industrial_park", "Mekhovoy Klaster")}


def test_a_company_before_a_quoted_name_is_not_a_site():
    text = (
        "Управляющей компанией объекта назначено ОАО «Калибр». Технопарк появится на северо-востоке Москвы."
    )
    assert _named(text, "ru") == set()


def test_a_long_quoted_name_and_a_quote_left_open():
    text = (
        'Among pilot projects is the territorial cluster "Pharmaceutics, Medical Equipment and Information '
        'Technologies" formed in Tomsk Region.'
    )
    assert _named(text, "en") == {("cluster", "Tomsk")}
    text = 'He is to tour enterprises of the "Alabuga Special Economic Area, where 25 companies operate.'
    assert _named(text, "en") == {("sez", "Alabuga")}


def test_registered_names_listed_after_parks_are_each_with_its_place():
    text = (
        "The largest, by the occupied area, operating parks are Vorsino in Kaluga Region, “Sheksna” in "
        "Vologda Region. The area of each of them is about 2 thousand hectares."
    )
    assert _named(text, "en") == {("industrial_park", "Vorsino"), ("industrial_park", "Sheksna")}
    assert _named("The best parks are Moscow and Kazan.", "en") == set()  # places, no registered park


def test_a_registered_name_leading_a_quoted_name_that_ends_in_the_site_word():
    text = 'The consortium "Samara Aerospace Research and Production Cluster" met. Staff of "Alabuga SEZ".'
    assert _named(text, "en") == {("cluster", "Samara"), ("sez", "Alabuga")}
    assert _named('He spoke at the "Association of Industrial Parks".', "en") == set()


def test_ip_before_a_registered_industrial_parks_name():
    assert _named('New economic property "IP-Uzlovaya" is to appear in Tula region.', "en") == {
        ("industrial_park", "Uzlovaya")
    }
    assert _named("The IP address of the Kaluga office changed.", "en") == set()


def test_a_park_called_by_the_other_park_word_takes_its_registered_entry():
    text = 'Три технопарка Калужской области: "Грабцево", "Ворсино" и "Росва" получили сертификаты.'
    assert _named(text, "ru") == {
        ("industrial_park", "Grabtsevo"),
        ("industrial_park", "Vorsino"),
        ("industrial_park", "Rosva"),
    }
    # a name the registry lists as a park of another region stays the text's own, unregistered
    found = _sites("В Тульской области открыт технопарк «Ворсино».", "ru")
    assert {(t, n) for t, n, _, _ in found} == {("technopark", "Vorsino")}


def test_a_zone_named_by_its_region_alone_is_the_regions_one_zone():
    text = "Включили его в систему особой экономической зоны Москвы и начали сами создавать корпуса."
    assert _named(text, "ru") == {("sez", "Technopolis Moscow")}


def test_a_title_case_site_word_inside_a_title_takes_no_bare_name():
    text = (
        "Combine and Improve: The Cluster Path to Innovation. Marina Zinina, director of the Center for "
        "Cluster Development, spoke. Innovation Clusters Presented at Gaidar Forum."
    )
    assert _named(text, "en") == set()
    text = "It won alongside Moscow State University Science Park, Technopark Strogino and others."
    assert ("technopark", "Strogino") in _named(text, "en")


def test_a_site_word_listed_among_members_of_another_kind_is_none():
    text = (
        "She said that a total of four clusters are planned to be created within the ISTC: Biomedicine, "
        "Biotechnology, Marine Engineering, and IT Park."
    )
    assert all(site_type != "technopark" for site_type, _ in _named(text, "en"))
    assert _named("The Technopark in the sphere of high technologies IT Park opened.", "en") == {
        ("technopark", "IT Park")
    }


def test_a_quoted_name_after_a_group_of_companies_is_the_companys():
    text = (
        "Его создание обсудили представители Ассоциации кластеров, технопарков и ОЭЗ России, ГК «Титан» и "
        "облправительства. Индустриальный парк будет специализироваться на пиролизе."
    )
    assert all(name != "Titan" for _, name in _named(text, "ru"))


def test_more_words_for_technoparks_and_industrial_parks():
    text = "Университет получил медаль за проект «Технико-внедренческий парк «Техно-Пермь»."
    assert _named(text, "ru") == {("technopark", "Tekhno-Perm")}
    found = _sites("В Ставропольском крае создадут агропромышленный парк «Казьминский».", "ru")
    assert {(t, n) for t, n, _, _ in found} == {("industrial_park", "Kazminsky")}


def test_a_towns_name_after_the_site_word_names_the_site():
    assert _named("В Подмосковье открыт индустриальный парк Лыткарина.", "ru") == {
        ("industrial_park", "Lytkarino")
    }
    assert _named("Резиденты технопарка Татарстана выросли.", "ru") == set()  # a region's, no name
    assert _named("Четыре строящихся технопарка России получили субсидии.", "ru") == set()
    text = "«Есипово» — первый государственный индустриальный парк Солнечногорска."
    assert ("industrial_park", "Solnechnogorsk") not in _named(text, "ru")


def test_an_industrial_technopark_keeps_its_own_type():
    text = "В Нижегородской области открылся промышленный технопарк «Ока-Полимер»."
    assert _named(text, "ru") == {("technopark", "Oka-Polimer")}


def test_the_zone_in_a_region_of_one_zone_is_that_zone():
    text = "Investments in the SEZ in Mordovia will amount to over US$363 million."
    assert _named(text, "en") == {("sez", "Sistema")}
    assert _named("A special economic zone in the Kaluga Region is planned.", "en") == set()


def test_a_biomedical_cluster_is_a_medical_one():
    found = _sites("A new biomedical cluster will be created in the Russian Far East.")
    assert {(t, industry) for t, _, industry, _ in found} == {("cluster", "medical")}


def test_an_abbreviated_place_after_of_is_read_whole():
    text = (
        "Marina Zinina, director of the Center for Cluster Development of the Technopark of St. Petersburg, "
        "spoke."
    )
    assert _named(text, "en") == {("technopark", "Saint Petersburg")}
    assert (
        _named("Funds came to create a technopark in St. Petersburg on the core of a university.", "en")
        == set()
    )


def test_a_site_word_and_its_quoted_name_may_be_a_registered_name():
    text = "Новыми резидентами технополиса «Москва» стали двенадцать компаний."
    assert _named(text, "ru") == {("sez", "Technopolis Moscow")}


def test_the_long_name_of_a_territory_of_advanced_development_is_an_sez_word():
    text = "A plant will be built in the territory of advanced social and economic development Pikalevo."
    assert {site_type for site_type, _, _, _ in _sites(text)} == {"sez"}


def test_auto_before_cluster_is_the_industry_not_a_name():
    found = _sites("Auto cluster in the Kaluga region increases capacity.")
    assert {(t, industry) for t, _, industry, _ in found} == {("cluster", "automotive")}


def test_a_project_named_after_a_bodys_abbreviation_is_no_park():
    assert _sites("Власти утвердили проект «МГУ Хайпарк» на юге города.", "ru") == set()
    assert _named("Резиденты Академпарка выросли.", "ru") == {("technopark", "Akadempark")}


def test_a_registered_park_after_in_keeps_the_body_of_the_same_name():
    found = find_mentions("The technology park in Skolkovo hosts 250 start-ups.", "en")
    sites = {(m.attrs["site_type"], m.attrs["name"]) for m in found if m.kind == "site"}
    assert ("technopark", "Skolkovo") in sites


def test_an_upper_case_brand_and_a_word_after_the_site_word_are_one_name():
    text = "The company develops its industrial park RAUM Bugry near the city."
    assert ("industrial_park", "RAUM Bugry") in _named(text, "en")


def _entries(text, language="ru"):
    return {
        (m.attrs["site_type"], m.attrs.get("registry_id"))
        for m in find_mentions(text, language)
        if m.kind == "site"
    }


def test_agroparks_are_industrial_parks_not_names_holding_the_word():
    text = "В Агропромпарке разместились мясной и овощной цеха. Обсудили строительство Агропарка «Анива»."
    assert _named(text) == {("industrial_park", "Aniva")}


def test_a_quoted_name_after_a_working_title_is_the_parks():
    text = "Площадка в формате индустриального парка с рабочим названием «Технополис Метмаш» растёт."
    assert _named(text) == {("industrial_park", "Tekhnopolis Metmash")}


def test_a_registered_latin_name_of_two_words_and_its_own_type():
    text = "A session opened on the territory of industrial park Morion Digital (Perm)."
    assert _entries(text, "en") == {("technopark", "tp-morion-digital")}


def test_a_hyphen_between_latin_words_is_a_space_in_a_registered_name():
    assert _entries("In October 2009, a newly built Kazan IT-Park opened its doors.", "en") == {
        ("technopark", "tp-it-park-kazan")
    }


def test_a_registered_zone_named_with_zone_in_lower_case():
    text = "The region develops special economic zones. We may set up 20 enterprises in the Lipetsk zone."
    assert _entries(text, "en") == {("sez", "sez-lipetsk")}
    assert (
        _sites("The special economic zones are far from the Euro zone and the time zone of Moscow.") == set()
    )


def test_a_towns_adjective_names_the_zone_the_registry_lists_by_the_town():
    assert _entries("Тольяттинская ОЭЗ получила новый импульс для развития.") == {("sez", "sez-tolyatti")}


def test_a_regions_adjective_without_its_centres_stem_names_the_park_itself():
    assert _named("Губернатор проинспектировал ход строительства Сахалинского индустриального парка.") == {
        ("industrial_park", "Sakhalinsky")
    }
    assert _named("Томская ОЭЗ насчитывает 77 резидентов.") == {("sez", "Tomsk")}


def test_a_quote_of_a_site_word_and_a_name_is_the_site():
    assert _named("Руководство «Технопарка Пермь» готово построить собственное здание.") == {
        ("technopark", "Perm")
    }
    assert _named("Руководство ООО «Технопарк Пермь» сменилось.") == set()  # the company
    listed = "Участниками кластера стали компании «Кориб», «Начало» и «Технопарк Прикамья»."
    assert ("technopark", "Prikamya") not in _named(listed)


def test_a_town_after_v_names_the_registered_site_only_when_it_hangs_on_the_site_word():
    assert _entries("Резиденты ОЭЗ в Тольятти выпускают автокомпоненты.") == {("sez", "sez-tolyatti")}
    assert ("sez", "sez-tolyatti") not in _entries(
        "Во время визита в Тольятти губернатор посетил особую экономическую зону."
    )
    # the verb's town names a new park by the town (the convention for a site known by its town), never
    # the registered site of another place
    assert _named("Новый технопарк в Казани откроют в здании бывшей фабрики.") == {("technopark", "Kazan")}


def test_a_single_site_known_by_its_town_is_named_by_the_town():
    saransk = "Премьер провёл совещание по строительству технопарка в Саранске."
    assert _named(saransk) == {("technopark", "Saransk")}
    assert _named("Президент сообщил о появлении технопарка в Казани.") == {("technopark", "Kazan")}
    cheboksary = "Поступили средства на инфраструктуру индустриального парка в городе Чебоксары."
    assert _named(cheboksary) == {("industrial_park", "Cheboksary")}
    headline = (
        "Премьер провёл совещание по строительству технопарка в Саранске\n"
        "Глава рабочей группы по строительству в Саранске технопарка выступил."
    )
    assert ("technopark", "Saransk") in _named(headline)  # a headline is parsed without the next line


def test_a_town_on_the_parks_verb_names_a_new_park_by_the_town():
    assert _named("В Челябинске появится индустриальный парк.") == {("industrial_park", "Chelyabinsk")}
    assert _named("Ещё один технопарк заработал в Зеленограде.") == {("technopark", "Zelenograd")}
    planned = "До 2026 года в Рыбинске планируют построить новый промышленный парк."
    assert _named(planned) == {("industrial_park", "Rybinsk")}  # a town by pymorphy's Geox, on the infinitive
    region = "Новый промпарк построят в Бурятии."
    assert _named(region) == {("industrial_park", "Buryatia")}  # a region of one word, in its nominative
    assert _named("Около 137 млрд рублей привлекли в Подмосковье индустриальные парки.") == set()  # a plural


def test_a_town_on_the_verb_names_no_counted_zoned_or_already_named_park():
    assert _named("В Красноярске появится сразу два промышленных парка.") == set()  # a count
    assert _named("В России появится 31 новый промышленный парк.") == set()  # a count, and a country
    assert _named("Презентация технопарка прошла в Казани.") == set()  # the site word hangs on a noun
    assert _named("В Ижевске появится особая экономическая зона.") == set()  # a zone is named by decree
    named = "В Белоярке появится агропромышленный парк. Парк получит название «Шипелово» и займёт 300 га."
    assert ("industrial_park", "Beloyarka") not in _named(named)
    itself = "В Белоярке появится агропромышленный парк. Агропромышленный парк «Шипелово» займёт 300 га."
    found = _named(itself)
    assert ("industrial_park", "Shipelovo") in found and ("industrial_park", "Beloyarka") not in found


def test_a_plural_a_kind_or_a_visits_town_names_no_site_by_the_town():
    assert _named("Технопарки в Казани привлекли новых резидентов.") == set()
    assert _named("Выделены субсидии на создание технопарков в Казани.") == set()
    assert _named("Во время визита в Казани губернатор посетил технопарк.") == set()
    assert _named("Первый индустриальный парк в Чувашии создаётся с 2013 года.") == set()  # a region


def test_a_business_park_the_registry_lists_as_an_industrial_park():
    text = "Tyulyachi Business Park is a private development east of Kazan, capital of Tatarstan."
    assert _entries(text, "en") == {("industrial_park", "ip-tyulyachi")}


def test_the_press_misspelling_custer_after_territorial():
    text = (
        "5 clusters boast a high level: the Petrochemical Territorial Custer in the Bashkortostan Republic."
    )
    assert ("cluster", "Bashkortostan") in _named(text, "en")


def test_a_foreign_place_after_from_is_where_someone_comes_from_not_the_site():
    text = "A major businessman from Istanbul is expanding his business at Tyulyachy industrial park."
    assert _entries(text, "en") == {("industrial_park", "ip-tyulyachi")}
    found = find_mentions("The event will be held at the Zhongguancun Science Park in Beijing, China.", "en")
    assert {m.attrs["iso"] for m in found if m.kind == "site"} == {"CN"}  # a place after the site: its own


def test_tad_tor_and_the_port_zone_are_sez_words():
    assert ("sez", "Severnaya") in _named("Investors chose TAD “Severnaya” for a new plant.", "en")
    assert ("sez", "Vostok") in _named('The area of the TOR "Vostok" grew to 300 ha.', "en")
    text = "A new hangar opened at the Special economic port zone (SEPZ) in Ulyanovsk Region."
    assert _entries(text, "en") == {("sez", "sez-ulyanovsk")}
    assert _named("The plan costs a tad more than expected, said the director.", "en") == set()


def test_it_park_is_a_technopark_word_and_another_towns_one_is_not_kazans():
    assert _entries("Новые резиденты пришли в IT-парк в Набережных Челнах.") == {
        ("technopark", "tp-it-park-chelny")
    }
    vologda = "В Вологде появится IT-парк, сообщили в мэрии."
    assert _named(vologda) == {("technopark", "Vologda")}  # the town's own new park, not Kazan's
    assert _named("Строительство IT-парка в Вологде начнётся весной.") == {("technopark", "Vologda")}


def test_a_town_pymorphy_reads_as_a_place_names_the_site():
    # Кирово-Чепецк is not in reference/cities.csv: pymorphy2's Geox tag makes it a town
    assert _named("Началось строительство индустриального парка в Кирово-Чепецке.") == {
        ("industrial_park", "Kirovo-Chepetsk")
    }
    assert _named("Началось строительство индустриального парка в Бурятии.") == set()  # a region


def test_parks_listed_after_of_the_region_namely():
    text = "The first industrial parks of the region, namely Vorsino, Rosva and Grabtsevo, are full."
    assert _entries(text, "en") == {
        ("industrial_park", "ip-vorsino"),
        ("industrial_park", "ip-rosva"),
        ("industrial_park", "ip-grabtsevo"),
    }


def test_an_adjective_before_the_industry_words_names_the_cluster():
    text = "Компания вошла в состав Калужского фармацевтического кластера."
    assert _entries(text) == {("cluster", "cl-kaluga-pharma")}
    assert ("cluster", "Sibirsky") in _named("Соглашение подписано с Сибирским фармацевтическим кластером.")
    text = "Промышленный машиностроительный кластер вошёл в реестр."
    assert _named(text) == {("cluster", "machine building cluster")}  # промышленный is no name


def test_an_abbreviation_after_an_industrial_parks_word_is_a_registered_park():
    text = "В Челябинской области открылся Промышленный парк ЗЭМ при заводе."
    assert _entries(text) == {("technopark", "tp-zem")}
    assert _named("Индустриальный парк ЛМК расширили.") == set()  # the registry lists no park so


def test_a_zone_with_its_type_is_the_zone_of_its_region():
    text = "В 2010 году в Ульяновской области создали особую экономическую зону портового типа."
    assert _entries(text) == {("sez", "sez-ulyanovsk")}
    text = "Тульская область подготовила проект создания особой экономической зоны портового типа в регионе."
    assert _named(text) == set()  # a zone to be made is none yet


def test_zones_of_a_type_listed_by_region_in_the_next_sentence():
    text = (
        "Власти утвердили создание двух особых экономических зон туристско-рекреационного типа. "
        "Такие зоны появятся в Иркутской области и Бурятии."
    )
    assert _entries(text) == {("sez", "sez-baikal-gates"), ("sez", "sez-baikal-harbour")}


def test_a_plural_site_word_before_two_towns_is_a_site_in_each():
    text = "Строительство индустриальных парков начнут в Рыбинске и Угличе."
    assert _named(text) == {("industrial_park", "Rybinsk"), ("industrial_park", "Uglich")}
    assert _named("Строительство технопарков начнут в Татарстане и Башкирии.") == set()  # regions


def test_an_english_regions_adjective_before_lower_case_industry_words_names_the_site():
    assert _named("Last year Chuvash chemical cluster added two plants.", "en") == {("cluster", "Chuvashia")}
    text = "Last year Kaluga machine-building cluster added two plants."  # the place's own name: its place
    assert _named(text, "en") == {("cluster", "machine building cluster")}


def test_a_cluster_word_holding_its_industry_is_a_cluster_word():
    assert _named("Резиденты агрокластера «Зелёная долина» получили субсидии.") == {
        ("cluster", "Zelenaya Dolina")
    }
    assert _named("Участники IT-кластера «Сибирь» выросли.") == {("cluster", "Sibir")}
    assert _named("В регионе вырос Калужский фармакластер.") == {("cluster", "Kaluga")}


def test_a_clusters_region_adjective_names_it_at_a_sentences_start_when_its_industry_is_given():
    headline = "Калужский фармакластер пополняется\nОбласть заявила о создании кластера фармацевтики."
    assert ("cluster", "Kaluga") in _named(headline)
    assert _named("Калужский фармацевтический кластер вырос.") == {("cluster", "Kaluga")}
    assert _named("Калужский кластер вырос.") == set()  # no industry: any cluster of the region
    assert _named("Тюменский индустриальный парк включили в реестр.") == set()  # a park: no name


def test_akademgorodoks_technopark_by_its_full_name_is_akadempark():
    english = "The Technology Park of Novosibirsk Akademgorodok gives its residents premises."
    assert _entries(english, "en") == {("technopark", "tp-akadempark")}
    assert _entries("Резиденты Технопарка новосибирского Академгородка выросли.") == {
        ("technopark", "tp-akadempark")
    }


def test_an_english_park_in_a_listed_town_is_named_by_the_town():
    assert _named("Residents of the technopark in Kazan grew.", "en") == {("technopark", "Kazan")}
    assert _named("An industrial park in Cheboksary opened.", "en") == {("industrial_park", "Cheboksary")}


def test_an_english_park_in_a_town_names_none_after_plans_in_a_region_abroad_or_as_a_zone():
    assert _named("A technopark will be built in Kazan.", "en") == set()  # where one may be
    assert _named("The region plans to create an industrial park in Kazan.", "en") == set()
    assert _named("The industrial park in Kaluga Region grew.", "en") == set()  # a region
    assert _named("Technoparks in Kazan grew.", "en") == set()  # a kind
    assert _named("The technopark in Berlin grew.", "en") == set()  # no Russian town
    assert ("sez", "Borovsk") not in _named("Residents came to the special economic zone in Borovsk.", "en")


def test_a_park_on_a_towns_territory_is_named_by_the_town():
    text = "В перечень вошёл индустриальный парк на территории города Буденновска."
    assert _named(text) == {("industrial_park", "Budennovsk")}
    assert _named("Технопарки на территории города Казани открыли.") == set()  # a kind
    assert _named("Индустриальный парк на территории Ставропольского края вырос.") == set()  # a region's


def test_a_park_under_a_town_is_named_by_the_town():
    assert _named("Резиденты индустриального парка под Челябинском начали стройку.") == {
        ("industrial_park", "Chelyabinsk")
    }
    assert _named("Резиденты индустриального парка под управлением фонда начали стройку.") == set()


def test_look_alike_letters_of_other_scripts_are_folded_before_lookup():
    text = "Гости пοсетили индустриальный парк «Станκомаш»."
    assert _named(text) == {("industrial_park", "Stankomash")}
    assert _entries(text) == {("industrial_park", "ip-stankomash")}


def test_a_name_in_straight_single_quotes_or_after_named_is_the_sites():
    assert _named("Индустриальный парк 'Станкомаш' вырос.") == {("industrial_park", "Stankomash")}
    assert _named("An industrial park named Razvitie grew.", "en") == {("industrial_park", "Razvitie")}
    assert _named("An industrial park named after Lenin is being created.", "en") == set()
    assert _named("Индустриальный парк 'вторая очередь' готов.") == set()  # lower case: no name


def test_a_cluster_development_centre_is_a_body_not_a_cluster():
    text = "The Cluster Development Centre of Kaluga Region was presented by its director."
    assert _named(text, "en") == set()
    assert _named("The Kama Cluster grew in Tatarstan.", "en") == {("cluster", "Kama")}  # no body after


def test_a_technopark_named_by_its_university_in_the_genitive_takes_its_nominative():
    text = "На площадке технопарка Уральского федерального университета открыли центр."
    assert _named(text) == {("technopark", "Uralsky Federalny Universitet")}
    assert _named("На площадке технопарка университета открыли центр.") == set()  # no name
    text = "Технопарк Института инженерной физики «Техноинноватика» получил статус."
    assert ("technopark", "Institut") not in _named(text)  # the park's own name follows


def test_a_headline_lends_no_industry_to_a_site_word_on_the_next_line():
    text = "High Tech Plantations\nIn the essence, a technology park is the initial stage of a town."
    assert _sites(text) == set()
    assert _sites("A high tech technology park opened in Kazan.") != set()


def test_a_parks_name_in_brackets_after_its_site_word_is_its_name():
    text = "В Уфе заработает технопарк высоких технологий (IQ-парк), который разместится в здании."
    assert _named(text) == {("technopark", "IQ-park")}
    assert ("technopark", "IT-park") not in _named("В Уфе заработает технопарк (IT-парк) в здании.")


def test_a_name_registered_as_a_zone_and_a_park_takes_the_type_the_text_names():
    text = "Инвесторы придут в «Ступино Квадрат». На 1 тысяче гектаров парка разместят 200 инвесторов."
    assert _entries(text) == {("industrial_park", "ip-stupino-kvadrat")}
    text = "Инвесторы придут в «Ступино Квадрат». Резидентами особой экономической зоны стали 20 компаний."
    assert _entries(text) == {("sez", "sez-stupino-kvadrat")}


def test_a_headlines_quoted_name_is_no_name_for_the_next_lines_site_word():
    text = 'Инвесторы придут в "Альфа Бета"\nКластер для турецких компаний планируют создать.'
    assert ("cluster", "Alfa Beta") not in _named(text)
