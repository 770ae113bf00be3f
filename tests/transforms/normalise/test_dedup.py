"""SimHash and duplicate marking: exact copies, syndicated near copies, earlier runs' articles."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from polars.testing import assert_series_equal

from tests.processes import REPO
from transforms.normalise.dedup import (
    MAX_HAMMING,
    _earlier,
    _Listed,
    duplicate_marks,
    hamming,
    mark_duplicates,
    simhash,
)

LABELLED = REPO / "tests" / "data" / "extraction"
ORIGINAL = (LABELLED / "sample_site" / "labudin-kaluga-visit.txt").read_text("utf-8")
OTHER = (LABELLED / "sample_site" / "act-rf-omsk-industrial-clusters.txt").read_text("utf-8")
RU_ORIGINAL = (LABELLED / "sample_site" / "kaluga-industrial-clusters.txt").read_text("utf-8")
RU_COPY = (LABELLED / "own_pages" / "ru_syndicated_shapsha.txt").read_text("utf-8")


def frame(keys: list[int], texts: list[str], hashes: list[str] | None = None) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "article_key": keys,
            "content_hash": hashes or [f"h{k}" for k in keys],
            "simhash": [simhash(t) for t in texts],
        },
        schema={"article_key": pl.Int64, "content_hash": pl.String, "simhash": pl.Int64},
    )


def test_simhash_is_stable_signed_64_bit() -> None:
    value = simhash(ORIGINAL)
    assert value == simhash(ORIGINAL)
    assert -(2**63) <= value < 2**63
    assert simhash(ORIGINAL.upper()) == value  # case does not matter


def test_short_text_has_no_simhash() -> None:
    assert simhash("Калуга и Обнинск: 2 кластера.") is None
    assert simhash(None) is None


def test_hamming_of_signed_values() -> None:
    assert hamming(-1, 0) == 64
    assert hamming(5, 4) == 1
    assert hamming(-(2**63), 2**63 - 1) == 64


def test_syndicated_copy_is_near_and_other_story_is_far() -> None:
    assert hamming(simhash(RU_ORIGINAL), simhash(RU_COPY)) <= MAX_HAMMING
    assert hamming(simhash(ORIGINAL), simhash(OTHER)) > 3 * MAX_HAMMING


def test_exact_and_near_copies_point_at_the_first_seen() -> None:
    texts = [RU_ORIGINAL, OTHER, RU_COPY, RU_ORIGINAL]
    marked = mark_duplicates(frame([10, 20, 30, 40], texts, ["a", "b", "c", "a"]))
    assert_series_equal(marked["duplicate_of"], pl.Series("duplicate_of", [None, None, 10, 10], pl.Int64))


def test_copy_of_a_copy_points_at_the_original() -> None:
    edited = RU_COPY + "\nФото: пресс-служба."
    marked = mark_duplicates(frame([1, 2, 3], [RU_ORIGINAL, RU_COPY, edited]))
    assert marked["duplicate_of"].to_list() == [None, 1, 1]


def test_known_articles_of_earlier_runs_come_first() -> None:
    known = frame([7], [RU_ORIGINAL]).with_columns(pl.lit(None, pl.Int64).alias("duplicate_of"))
    marked = mark_duplicates(frame([8, 9], [RU_COPY, OTHER]), known)
    assert marked["duplicate_of"].to_list() == [7, None]


def test_known_copy_leads_to_its_original() -> None:
    known = pl.DataFrame(
        {"article_key": [1, 2], "content_hash": ["x", "y"], "simhash": [simhash(ORIGINAL)] * 2},
        schema={"article_key": pl.Int64, "content_hash": pl.String, "simhash": pl.Int64},
    ).with_columns(pl.Series("duplicate_of", [None, 1], pl.Int64))
    assert mark_duplicates(frame([3], [OTHER], ["y"]), known)["duplicate_of"].to_list() == [1]


def test_the_same_article_again_is_not_its_own_duplicate() -> None:
    known = frame([5], [ORIGINAL], ["same"])
    assert mark_duplicates(frame([5], [ORIGINAL], ["same"]), known)["duplicate_of"].to_list() == [None]


@pytest.mark.parametrize("known", [None, frame([], [])])
def test_empty_frame(known: pl.DataFrame | None) -> None:
    marked = mark_duplicates(frame([], []), known)
    assert marked.height == 0 and marked.schema["duplicate_of"] == pl.Int64


def test_input_is_not_modified() -> None:
    original = frame([1, 2], [ORIGINAL, ORIGINAL], ["a", "a"])
    mark_duplicates(original)
    assert original.columns == ["article_key", "content_hash", "simhash"]


def test_a_row_that_cannot_be_compared_is_reported_and_the_others_are_marked() -> None:
    """A row whose SimHash is not a number raises when compared: duplicate_marks reports it (and does
    not compare later rows with it), mark_duplicates raises it."""
    rows = frame([1, 2, 3], [ORIGINAL, OTHER, ORIGINAL], hashes=["a", "b", "c"])
    broken = rows.with_columns(
        pl.Series("simhash", [rows.item(0, "simhash"), "x", rows.item(2, "simhash")], pl.Object)
    )
    marks, failed = duplicate_marks(broken)
    assert marks == [None, None, 1]
    assert list(failed) == [1] and isinstance(failed[1], TypeError)
    with pytest.raises(TypeError):
        mark_duplicates(broken)


def _simhash_bit_by_bit(text: str) -> int | None:
    """SimHash as its definition reads: each shingle's hash as a number, each of its 64 bits voted on."""
    import hashlib
    import re

    words = re.findall(r"\w+", text.lower())
    shingles = {" ".join(words[i : i + 3]) for i in range(len(words) - 2)}
    if len(shingles) < 20:
        return None
    hashes = [int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big") for s in shingles]
    votes = [sum(h >> bit & 1 for h in hashes) * 2 - len(hashes) for bit in range(64)]
    value = sum(1 << bit for bit in range(64) if votes[bit] > 0)
    return value - (1 << 64) if value >= 1 << 63 else value


@pytest.mark.parametrize("path", sorted(LABELLED.glob("*/*.txt"))[:40], ids=lambda p: p.name)
def test_simhash_equals_its_bit_by_bit_definition(path: Path) -> None:
    text = path.read_text("utf-8")
    assert simhash(text) == _simhash_bit_by_bit(text)


ROWS = st.lists(
    st.tuples(
        st.integers(1, 12),  # article_key: the same article again, now and then
        st.one_of(st.none(), st.sampled_from(["h1", "h2", "h3", "h4"])),  # content hash
        st.one_of(st.none(), st.sampled_from([0, 1, 3, -1, 2**62, -(2**63), 2**63 - 1, 0xFF, 0x7F])),
    ),
    max_size=25,
)


@settings(database=None, deadline=None)
@given(ROWS, ROWS, st.booleans())
def test_indexed_comparison_marks_what_one_by_one_comparison_marks(
    rows: list[tuple], earlier: list[tuple], chained: bool
) -> None:
    schema = {"article_key": pl.Int64, "content_hash": pl.String, "simhash": pl.Int64}
    batch = pl.DataFrame(rows, schema=schema, orient="row")
    known = pl.DataFrame(earlier, schema=schema, orient="row")
    if chained:  # earlier copies point at their originals
        known = known.with_columns(duplicate_of=pl.when(pl.col("article_key") > 6).then(pl.lit(3)))
    marks, failed = duplicate_marks(batch, known)
    listed, one_by_one = _Listed(*_earlier(known)), []
    for key, content, sim in batch.iter_rows():
        one_by_one.append(listed.match(key, content, sim))
        listed.add(one_by_one[-1] if one_by_one[-1] is not None else key, content, sim)
    assert (marks, failed) == (one_by_one, {})
