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
