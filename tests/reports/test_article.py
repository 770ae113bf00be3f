"""The article evidence page: facts found where they stand, typed, never overlapping, every anchor a
link may name present; hostile text stays text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reports.article import (
    Mark,
    article_page,
    first_span_end,
    marks,
    resolve,
    sentence_anchor,
    sentence_spans,
)
from reports.build import build_home_report
from tests.reports.conftest import BAD_TEXT, SCRIPT_TITLE

TEXT = "Губернатор Калужской области посетил парк. Калужской области выделят до 900 млн рублей."


def _mention(start: int, count: int = 1, **row: object) -> dict:
    base = {"start": start, "mention_count": count, "kind": "region", "thing_key": 7, "name": "Kaluga Oblast",
            "variants": [None, "Калужская область", None, None], "iso_code": "RU-KLU"}  # fmt: skip
    return {**base, **row}


def _evidence(mentions: list[dict], figures: list[dict] | None = None) -> dict:
    return {"mentions": mentions, "figures": figures or [], "participants": [], "relations": [], "events": [],
            "roles": []}  # fmt: skip


def test_a_mention_spans_its_inflected_words() -> None:
    end = first_span_end(TEXT, 11, ["Kaluga Oblast", "Калужская область"])
    assert TEXT[11:end] == "Калужской области"


def test_a_mention_with_no_matching_word_is_its_first_word() -> None:
    text = "Минпромторга находятся 50 промкластеров"
    assert text[: first_span_end(text, 0, ["Ministry of Industry and Trade"])] == "Минпромторга"


def test_other_occurrences_are_marked_up_to_the_count() -> None:
    found = marks(TEXT, _evidence([_mention(11, count=2)]))
    assert [TEXT[m.start : m.end] for m in found] == ["Калужской области", "Калужской области"]
    assert found[0].ids == ["region-RU-KLU"] and found[1].ids == []
    assert len(marks(TEXT, _evidence([_mention(11, count=1)]))) == 1


def test_other_cases_of_the_same_words_are_marked_when_the_count_asks_for_them() -> None:
    text = "Калужская область растёт. В Калужской области и Калужскую область. Калуга и Калужане."
    found = marks(text, _evidence([_mention(text.index("Калужской"), count=3)]))
    shown = [(text[m.start : m.end], m.ids) for m in found]  # in text order; the anchor on the first seen
    assert shown == [
        ("Калужская область", []),
        ("Калужской области", ["region-RU-KLU"]),
        ("Калужскую область", []),
    ]
    place = _mention(text.index("Калуга"), count=3, kind="location", name="Kaluga", variants=["Калуга"])
    assert [text[m.start : m.end] for m in marks(text, _evidence([place]))] == ["Калуга"]  # not Калужане


def test_figures_win_and_a_left_out_mark_gives_its_anchor_to_the_kept_one() -> None:
    kept = resolve([Mark(0, 10, "figure", "f", ["fig-1"]), Mark(5, 12, "site", "s", ["site-2"])])
    assert len(kept) == 1 and kept[0].ids == ["fig-1", "site-2"]


def test_sentences_have_anchors_by_their_first_character() -> None:
    spans = sentence_spans(TEXT)
    assert len(spans) == 2 and sentence_anchor(spans, 50) == f"s-{spans[1][0]}"


def test_the_page_has_every_fact_typed_in_its_sentence() -> None:
    start = TEXT.index("до 900")
    figure = {"figure_key": 9, "start": start, "end": start + 17, "value": 9e8, "unit": "RUB",
              "qualifier": "up_to", "subject": "subsidy", "act_type": None, "act_number": None,
              "act_title": None}  # fmt: skip
    evidence = _evidence([_mention(11, count=2)], [figure])
    page = article_page({"article": {"text": TEXT}, **evidence})
    pieces = [p for para in page["paragraphs"] for s in para for p in s["pieces"] if p["mark"]]
    region = ("REGION", "Калужской области")
    assert [(p["mark"].label, p["text"]) for p in pieces] == [region, region, ("FIGURE", "до 900 млн рублей")]
    assert pieces[2]["mark"].title == "FIGURE: up to 900 M ₽ (subsidy)"
    assert figure["at"] == "fig-9" and figure["sentence_id"] == sentence_anchor(sentence_spans(TEXT), start)


@pytest.fixture(scope="module")
def article(bad_home: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    home = tmp_path_factory.mktemp("article-home")
    shutil.copytree(bad_home, home, dirs_exist_ok=True)
    build_home_report(home)
    return (home / "report" / "article" / "1.html").read_text(encoding="utf-8")


def test_hostile_title_and_text_are_escaped_on_the_article_page(article: str) -> None:
    assert "<script>window" not in article and "<img src" not in article and "<svg onload" not in article
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;Kaluga opens a park" in article  # the title
    assert "&lt;img src=x onerror=" in article  # the text
    assert BAD_TEXT and SCRIPT_TITLE


def test_the_article_page_names_its_metadata_and_source(article: str) -> None:
    for shown in ("http://news.test/1", "<code>r1</code>", "Kaluga News", "2021-04-27"):
        assert shown in article
    assert 'class="ent t-region" id="at-0"' in article and 'class="ent t-person" id="at-120"' in article
    assert "<h2>The text</h2>" in article and 'download="1-things.csv"' in article
