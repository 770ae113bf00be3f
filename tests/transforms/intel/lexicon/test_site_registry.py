import pytest

from transforms.intel.lexicon.gazetteer import cities, read_rows, regions, tokenize
from transforms.intel.lexicon.site_registry import (
    SITE_TYPES,
    RegistryError,
    lookup,
    parse_row,
    registry,
    standalone_hits,
)

ROW = {"registry_id": "sez-x", "site_type": "sez", "zone_type": "port", "name_en": "X", "name_ru": "Икс",
       "region_iso": "RU-MUR", "year": "2010", "status": "active", "aliases_en": "", "aliases_ru": "",
       "standalone": "no"}  # fmt: skip


def test_every_entry_has_a_known_type_and_a_russian_region():
    entries = registry().values()
    assert {e.site_type for e in entries} == set(SITE_TYPES)
    assert all(e.region_iso in regions() and e.region_iso.startswith("RU-") for e in entries)
    assert sum(e.site_type == "sez" for e in entries) >= 55


def test_names_meet_their_entry_in_any_case_form_and_script():
    assert lookup("Технополиса «Москва»", "sez").registry_id == "sez-technopolis-moscow"
    assert lookup("Technopolis Moscow", "sez").registry_id == "sez-technopolis-moscow"
    assert lookup("Титановой долины", "sez").registry_id == "sez-titanium-valley"
    assert lookup("ТИТАНОВАЯ ДОЛИНА", "sez").registry_id == "sez-titanium-valley"


def test_a_name_counts_only_for_an_entry_of_its_type():
    assert lookup("Титановая долина", "cluster").registry_id == "cl-titanovaya-dolina"
    assert lookup("Липецк", "technopark").registry_id == "tp-lipetsk"
    assert lookup("Липецк", "industrial_park") is None
    assert lookup("Север", "industrial_park") is None


def test_a_park_is_found_in_its_own_region_only():
    assert lookup("Титан", "industrial_park", "RU-NVS") is None  # another park of the name
    assert lookup("Титан", "industrial_park", "RU-MOW").registry_id == "ip-titan"  # Moscow and its oblast
    assert lookup("Липецк", "sez", "RU-MOW").registry_id == "sez-lipetsk"  # a zone's name is its own


def test_two_entries_sharing_a_name_are_told_apart_by_region():
    assert lookup("Мастер", "industrial_park", "RU-PNZ").registry_id == "ip-master-serdobsk"
    assert lookup("Мастера", "industrial_park", "RU-YAR").registry_id == "ip-master-tutaev"
    assert lookup("Мастер", "industrial_park", "RU-ORE") is None
    assert lookup("Мастер", "industrial_park").registry_id == "ip-master"  # no region: the first
    assert lookup("Северного", "industrial_park", "RU-BEL").registry_id == "ip-severny-belgorod"
    assert lookup("Алабуга", "sez", "RU-MOW").registry_id == "sez-alabuga"  # one entry: any region


def test_standalone_names_are_distinctive():
    """A name found without a site word beside it must not be a dictionary word or a town: «Система», «Центр»,
    «Липецк» stay standalone=no, or every mention of the word would become the site."""
    from transforms.intel.lexicon.nlp_ru import parses

    towns = {name.lower() for row in cities().values() for name in (row["name_ru"], row["name_en"])}
    for row in read_rows("sites.csv"):
        if row["standalone"] != "yes":
            continue
        for name in [row["name_ru"], *row["aliases_ru"].split("|")]:
            words = name.split()
            if len(words) == 1 and name:
                assert name.lower() not in towns, f"{row['registry_id']}: {name} is a town"
                known = any(parse.is_known for parse in parses(name))
                assert not known, f"{row['registry_id']}: {name} is a common word"


def test_only_distinctive_names_are_found_alone():
    hits = standalone_hits(tokenize("Резидент Алабуги переехал из Липецка в Технополис «Москва»."))
    assert [entry.registry_id for _, _, entry in hits] == ["sez-alabuga", "sez-technopolis-moscow"]


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("site_type", "zone", "site_type 'zone' is not one of"),
        ("zone_type", "offshore", "zone_type 'offshore': SEZs only"),
        ("status", "dormant", "status 'dormant' is not one of"),
        ("year", "1890", "year '1890' is not a year between 1990 and 2100"),
        ("standalone", "maybe", "standalone must be yes or no"),
        ("source", "Kommersant, 2025", "source must be web addresses"),
    ],
)
def test_a_bad_row_is_refused_with_its_id_and_column(column, value, message):
    assert parse_row(ROW).year == 2010
    with pytest.raises(RegistryError, match=f"sites.csv sez-x: {message}"):
        parse_row(ROW | {column: value})


def test_a_zone_type_belongs_to_sezs_only():
    with pytest.raises(RegistryError, match="SEZs only"):
        parse_row(ROW | {"site_type": "technopark"})


def test_every_year_status_and_zone_type_has_a_source():
    """A fact beyond the name and region comes from a page: the row that states it lists the page."""
    for row in read_rows("sites.csv"):
        if row["year"] or row["status"] or row["zone_type"]:
            assert row["source"].startswith("http"), f"{row['registry_id']}: a fact without a source"


def test_every_row_names_the_page_it_comes_from():
    """A site's name and region come from a page too: no row without a source."""
    unsourced = [row["registry_id"] for row in read_rows("sites.csv") if not row["source"].startswith("http")]
    assert unsourced == []


def test_a_short_form_names_the_one_entry_it_shortens():
    from transforms.intel.lexicon.site_registry import lookup_short

    assert lookup_short("Технополис", "sez").registry_id == "sez-technopolis-moscow"  # «Технополис Москва»
    assert lookup_short("Technopolis", "sez").registry_id == "sez-technopolis-moscow"
    assert lookup_short("Технополис", "technopark") is None  # no technopark of that name and a place
    assert lookup_short("Москва", "sez") is None  # a place is no short form


def test_a_name_misspelt_by_one_letter_meets_its_entry():
    from transforms.intel.lexicon.site_registry import lookup_near

    assert lookup_near("Богородкий", "industrial_park").registry_id == "ip-bogorodsky"
    assert lookup_near("Богородкий", "industrial_park", "RU-MOS").registry_id == "ip-bogorodsky"
    assert lookup_near("Богородкий", "industrial_park", "RU-TA") is None  # not where the text puts it
    assert lookup_near("Богородкий", "technopark") is None  # nor of another type
    assert lookup_near("Липецо", "sez") is None  # too short to guess


def test_the_header_counts_match_the_rows():
    """The header says how complete each group is: its counts are the rows' own, so a row added or removed
    without the header fails here."""
    import re
    from collections import Counter

    import reference

    comment = " ".join(
        line[1:].strip()
        for line in reference.path("sites.csv").read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    )
    counts = Counter(entry.site_type for entry in registry().values())
    stated = {
        "sez": r"Completeness as of \w+ \d{4}: (\d+) entries",
        "technopark": r"(\d+) of the ~\d+ technoparks",
        "industrial_park": r"(\d+) of the ~\d+ industrial parks",
        "cluster": r"(\d+) of the ~\d+ registered industrial clusters",
    }
    for site_type, pattern in stated.items():
        found = re.search(pattern, comment)
        assert found, f"the header states no count for {site_type}"
        stated_count = int(found.group(1))
        assert stated_count == counts[site_type], f"{site_type}: header {stated_count}, rows {counts}"


def test_one_site_is_one_row():
    """The same site under two names is one row with aliases: no name of a type is listed twice in a
    region (in any case form)."""
    seen: dict[tuple[str, str, tuple[str, ...]], str] = {}
    for row in read_rows("sites.csv"):
        names = [row["name_en"], row["name_ru"], *row["aliases_en"].split("|"), *row["aliases_ru"].split("|")]
        for name in filter(None, names):
            key = (row["site_type"], row["region_iso"], tuple(token.norm for token in tokenize(name)))
            assert seen.setdefault(key, row["registry_id"]) == row["registry_id"], f"{name}: {seen[key]} too"


def test_a_latin_name_spelt_with_y_for_i_meets_its_entry():
    from transforms.intel.lexicon.site_registry import lookup_spelling

    assert lookup_spelling("Tyulyachy", "industrial_park", "RU-TA").registry_id == "ip-tyulyachi"
    assert lookup_spelling("Tyulyachy", "technopark") is None  # not of another type
    assert lookup_spelling("Tyulyachi", "industrial_park") is None  # the name itself is lookup's
    assert lookup_spelling("Тюлячи", "industrial_park") is None  # Latin spellings only


def test_a_hyphen_between_latin_words_reads_as_a_space():
    assert lookup("Kazan IT-Park", "technopark").registry_id == "tp-it-park-kazan"
