"""Related-news blocks cut out of a text; listings told from articles."""

from __future__ import annotations

import pytest

from transforms.extract.links import cut_link_list, cut_related_tail, headline_pairs, split_headlines

ANCHORS = {"Park opens in Kaluga", "Cluster fund doubles", "New technopark in Tula"}
ARTICLE = "The governor opened the industrial park on Monday. " * 6


def test_a_related_block_is_cut_and_the_article_stays() -> None:
    text = "\n".join(
        [
            ARTICLE,
            "Related news",
            "- Park opens in Kaluga",
            "The first resident moved in on Monday.",
            "- Cluster fund doubles",
            "The fund will lend more to the parks.",
        ]
    )
    found = split_headlines(text, ANCHORS)
    assert found.pairs == 2
    assert found.text == f"{ARTICLE}\nRelated news"
    assert 0 < found.share < 0.5


def test_one_linked_line_in_the_text_is_kept() -> None:
    text = f"{ARTICLE}\nPark opens in Kaluga\nThe first resident moved in."
    found = split_headlines(text, ANCHORS)
    assert found.pairs == 1 and found.text == text


def test_a_list_of_links_without_teasers_is_not_a_headline_block() -> None:
    lines = ["Park opens in Kaluga", "Cluster fund doubles", "New technopark in Tula"]
    assert headline_pairs(lines, ANCHORS) == []
    assert split_headlines("\n".join(lines), ANCHORS).text == "\n".join(lines)


def test_a_listing_is_mostly_headlines_and_teasers() -> None:
    text = "Latest news\n" + "\n".join(f"{a}\nA teaser sentence about it." for a in sorted(ANCHORS))
    found = split_headlines(text, ANCHORS)
    assert found.pairs == 3 and found.share > 0.9 and found.text == "Latest news"


@pytest.mark.parametrize(
    "heading",
    [
        "Latest Health News Headlines",
        "Top Stories",
        "More news",
        "Looking for...",
        "Ads by Google",
        "Latest Comments",
    ],
)
def test_the_sites_furniture_below_the_article_ends_the_text(heading: str) -> None:
    assert cut_related_tail(f"{ARTICLE}\n{heading}\nJobs\nSearch for a job", 200) == ARTICLE


def test_a_furniture_heading_near_the_top_or_inside_a_sentence_stays() -> None:
    text = "Top Stories\nThe governor opened the park.\nThe latest news from the park is good news."
    assert cut_related_tail(text, 200) == text
    assert cut_related_tail(f"{ARTICLE}\nMore news on the park came on Tuesday.", 200).endswith("Tuesday.")


def test_latest_comments_stay_when_comments_are_kept() -> None:
    text = f"{ARTICLE}\nLatest Comments\nPosted by: a reader"
    assert cut_related_tail(text, 200, keep_comments=True) == text


def test_a_bulleted_list_of_linked_headlines_closing_the_text_is_cut() -> None:
    anchors = ANCHORS | {"All About Peanut Allergy"}
    tail = "- Park opens in Kaluga\n- 10 April, 17:35 Cluster fund doubles\n- All About Peanut Allergy"
    assert cut_link_list(f"{ARTICLE}\n{tail}", anchors, 200) == ARTICLE.rstrip()


def test_two_linked_lines_or_a_list_of_unlinked_points_stay() -> None:
    two = f"{ARTICLE}\n- Park opens in Kaluga\n- Cluster fund doubles"
    points = f"{ARTICLE}\n- tax relief for residents\n- cheaper land\n- grants for equipment"
    assert cut_link_list(two, ANCHORS, 200) == two
    assert cut_link_list(points, ANCHORS, 200) == points
