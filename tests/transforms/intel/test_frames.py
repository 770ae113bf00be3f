import json

import polars as pl
import pytest

import transforms.intel.frames as frames_module
from tests.processes import REPO
from transforms.extract.article import extract_article
from transforms.intel.frames import article_facts, reference_dims
from transforms.intel.lexicon.gazetteer import read_rows
from transforms.intel.schema import HELD_BACK, SCHEMAS
from transforms.keys import stable_key

SITE = REPO / "samples" / "site"


@pytest.fixture(scope="module")
def facts():
    rows = []
    for i, page in enumerate(sorted(SITE.glob("**/news/**/*.html"))):
        article = extract_article(page.read_bytes())
        rows.append(
            {
                "article_key": i + 1,
                "text": article["text"],
                "language": article["language"],
                "published": None,
                "duplicate_of": None,
            }
        )
    rows.append(
        {"article_key": 99, "text": rows[0]["text"], "language": "en", "published": None, "duplicate_of": 1}
    )
    return article_facts(pl.DataFrame(rows))


def test_frames_have_the_contract_schema(facts):
    for table, frame in facts.items():
        assert frame.schema == pl.Schema(SCHEMAS[table]), table
    empty = article_facts(pl.DataFrame({"article_key": [1], "text": [""], "language": ["en"]}))
    assert all(frame.schema == pl.Schema(SCHEMAS[t]) for t, frame in empty.items())


def test_one_row_per_person_across_articles_and_languages(facts):
    people = facts["dim_entity"].filter(pl.col("entity_type") == "person")
    assert people["canonical_name"].is_unique().all()
    labudin = people.filter(pl.col("canonical_name") == "Mikhail Labudin")
    assert labudin["entity_key"].to_list() == [stable_key("entity", "person", "Mikhail Labudin")]
    association = facts["dim_entity"].filter(
        pl.col("canonical_name").str.starts_with("Association of Clusters")
    )
    assert association.height == 1
    mentions = facts["fact_mention"].filter(pl.col("entity_key") == association["entity_key"][0])
    assert mentions["article_key"].n_unique() == 4


def test_regions_sites_acts_and_figures(facts):
    kaluga = stable_key("region", "RU-KLU")
    assert facts["fact_mention"].filter(pl.col("region_key") == kaluga)["article_key"].n_unique() == 4
    assert {"1659", "1119", "779"} <= set(facts["dim_legal_act"]["number"].drop_nulls())
    assert "Vorsino" in facts["dim_site"]["name"].to_list()
    subsidy = facts["fact_figure"].filter(pl.col("subject") == "subsidy")
    assert subsidy["value"].to_list() == [900e6] and subsidy["act_key"][0] == stable_key(
        "act", "government_decree", "1659"
    )


def test_duplicates_get_no_facts(facts):
    assert 99 not in facts["fact_mention"]["article_key"].to_list()


def test_reference_dims_cover_every_subject():
    dims = reference_dims()
    regions = dims["dim_region"]
    assert regions.filter(pl.col("iso_code").str.starts_with("RU-")).height == 83
    assert regions.filter(pl.col("iso_code") == "RU-KLU")["name_ru"].to_list() == ["Калужская область"]
    assert regions["region_key"].is_unique().all()


def test_figures_are_linked_to_what_their_sentence_names(facts):
    figures = facts["fact_figure"]
    sez = figures.filter(pl.col("value") == 1042.0)
    assert sez["site_key"].to_list() == [stable_key("site", "sez", "Kaluga", "RU-KLU")]
    assert sez["region_key"].to_list() == [stable_key("region", "RU-KLU")]
    parks = figures.filter((pl.col("value") == 12.0) & (pl.col("subject") == "industrial parks"))
    assert parks["site_key"].to_list() == [None]
    clusters = figures.filter(pl.col("value") == 50.0)
    assert clusters["act_key"].to_list() == [None] and clusters["subject"].to_list() == [
        "industrial clusters"
    ]


def test_person_roles_point_at_people_and_bodies(facts):
    roles = facts["fact_person_role"]
    people = set(facts["dim_entity"].filter(pl.col("entity_type") == "person")["entity_key"])
    bodies = set(facts["dim_entity"].filter(pl.col("entity_type") != "person")["entity_key"])
    assert set(roles["entity_key"]) <= people
    assert set(roles["organisation_key"].drop_nulls()) <= bodies
    labudin = roles.filter(pl.col("entity_key") == stable_key("entity", "person", "Mikhail Labudin"))
    assert set(labudin["role"].str.to_lowercase()) == {"director"}
    assert set(labudin["organisation_key"]) == {
        stable_key(
            "entity",
            "organization",
            facts["dim_entity"].filter(pl.col("canonical_name").str.starts_with("Association of Clusters"))[
                "canonical_name"
            ][0],
        )
    }


def test_person_roles_carry_their_role_code(facts):
    roles = facts["fact_person_role"]
    labudin = roles.filter(pl.col("entity_key") == stable_key("entity", "person", "Mikhail Labudin"))
    assert set(labudin["role_code"]) == {"director"}
    codes = {row["role_code"] for row in read_rows("role_codes.csv")} | {"head_of_region"}
    known = codes | {f"deputy_{code}" for code in codes}
    assert set(roles["role_code"].drop_nulls()) <= known


TANGUT = "Губернатор A\U00017000 сказал."  # a letter Python's unicodedata cannot name (U+17000)


def _ru_article(key: int, text: str) -> dict:
    return {"article_key": key, "text": text, "language": "ru", "url": f"https://e.com/{key}"}


def test_a_letter_without_a_unicode_name_does_not_stop_the_facts() -> None:
    text = f"{TANGUT} Губернатор Калужской области Владислав Шапша открыл индустриальный парк «Ворсино»."
    facts = article_facts(pl.DataFrame([_ru_article(1, text)]))
    assert facts[HELD_BACK].height == 0
    assert "Vladislav Shapsha" in facts["dim_entity"]["canonical_name"].to_list()
    kaluga = stable_key("region", "RU-KLU")
    assert facts["fact_mention"].filter(pl.col("region_key") == kaluga).height == 1


def test_an_article_whose_facts_raise_is_held_back_and_the_others_go_on(monkeypatch: pytest.MonkeyPatch):
    """Any exception while one article is analysed (here: a fault put into mention finding for one
    text) holds that article back at stage intel, with the error; it gets no facts, the others do."""
    real = frames_module.find_mentions

    def faulty(text: str, language: str) -> list:
        if "Ворсино" in text:
            raise ValueError("no such name")
        return real(text, language)

    monkeypatch.setattr(frames_module, "find_mentions", faulty)
    texts = ["Калужская область открыла парк «Ворсино» за 900 млн рублей.", "Калужская область растёт."]
    facts = article_facts(pl.DataFrame([_ru_article(key, text) for key, text in enumerate(texts, 1)]))
    held = facts[HELD_BACK]
    assert held.select("stage", "record_key", "reason").rows() == [
        ("intel", "https://e.com/1", "intel failed (ValueError: no such name)")
    ]
    assert json.loads(held.item(0, "record")) == {
        "article_key": 1, "url": "https://e.com/1", "language": "ru", "text_length": len(texts[0])
    }  # fmt: skip
    tables = [frame for name, frame in facts.items() if "article_key" in frame.columns and name != HELD_BACK]
    assert all(set(frame["article_key"]) <= {2} for frame in tables)
    assert facts["fact_mention"]["article_key"].to_list() == [2]


def test_dim_site_rows_carry_the_registry_of_a_registered_site():
    text = "Резидентом ОЭЗ «Алабуга» стала компания, а технопарк «Полёт» открыл второй корпус."
    rows = article_facts(pl.DataFrame({"article_key": [1], "text": [text], "language": ["ru"]}))["dim_site"]
    columns = ["registry_id", "zone_type", "year_created", "status", "is_registered"]
    got = {row["name"]: tuple(row[c] for c in columns) for row in rows.iter_rows(named=True)}
    assert got == {
        "Alabuga": ("sez-alabuga", "industrial_production", 2005, "active", True),
        "Polet": (None, None, None, None, False),
    }


def test_a_person_with_two_titles_has_a_role_row_for_each():
    text = (
        "Председатель комитета Законодательного Собрания Ростовской области по экономической политике, "
        "генеральный директор Агентства инвестиционного развития Ростовской области Игорь Бураков выступил."
    )
    found = article_facts(pl.DataFrame({"article_key": [7], "text": [text], "language": ["ru"]}))
    burakov = stable_key("entity", "person", "Igor Burakov")
    roles = found["fact_person_role"].filter(pl.col("entity_key") == burakov)
    assert set(roles["role_code"]) == {"chairman", "general_director"}
