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
