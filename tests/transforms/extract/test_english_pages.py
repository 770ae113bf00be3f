"""English news pages, one per failure class found on daniel-en, written for these tests around facts
retold from public news pages (tests/data/extraction/en_failures/, labelled in manifest.json; each
page names its source): a lead paragraph behind an ad server's markup comment, a list of promotion
cards after the article, a box the page marks as complementary beside it, and a standfirst printed under
the headline apart from the story's paragraphs (in a named block, and in an h2), a blog's paragraph
that opens with its "read more" anchor, which precision mode drops, and a lead set loose in the article's
block before its first paragraph.
Each page's assertion failed before the rule it checks (F1 0.878, 0.859, 0.813, 0.951, 0.917, 0.912 and
0.844 then)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import lxml.html

from tests.processes import REPO
from transforms.extract.article import extract_article
from transforms.extract.htmlclean import card_lists, clean_tree, drop_inline_comments, parse_html
from transforms.extract.layout import wrap_loose_leads
from transforms.extract.links import cut_related_tail
from transforms.extract.standfirst import standfirst

ROOT = REPO
LABELLED = ROOT / "tests" / "data" / "extraction"
MANIFEST = json.loads((LABELLED / "manifest.json").read_text("utf-8"))
FETCHED = date(2026, 11, 23)


def extracted(name: str) -> dict[str, Any]:
    entry = next(p for p in MANIFEST["pages"] if p["html"].endswith(f"en_failures/{name}.html"))
    return extract_article((ROOT / entry["html"]).read_bytes(), entry["url"], reference_date=FETCHED)


def _tree(body: str) -> lxml.html.HtmlElement:
    return parse_html(f"<html><body>{body}</body></html>")


def test_the_lead_behind_a_markup_comment_is_kept() -> None:
    text = extracted("inline_comment_lead")["text"]
    assert text.startswith("The Dubna special economic zone in the Moscow Region")
    assert "ad_section" not in text


def test_promotion_cards_after_the_article_are_left_out() -> None:
    text = extracted("card_list_promotions")["text"]
    assert text.endswith("more than 50 companies to become its residents by 2025.")
    assert "Download our new app" not in text and "Follow our reporters" not in text


def test_the_complementary_box_and_the_aside_are_left_out() -> None:
    text = extracted("aside_landmark")["text"]
    assert text.startswith("Six Russian regions have won the right")
    assert "External Links" not in text and "earlier coverage" not in text
    assert "second tender" not in text  # the <aside> factbox inside the article's body
    assert "Terms of use" not in text


def test_the_paragraph_after_the_read_more_anchor_is_kept_in_place() -> None:
    article = extracted("more_anchor_paragraph")
    assert article["extraction_method"] == "precision"
    lines = article["text"].splitlines()
    assert lines[3].startswith("The companies of the zone employed 8,375 people")
    assert lines[4].startswith('The zone is building as well: two new technoparks of the "boomerang" kind')
    assert lines[5].startswith("Deputy Prime Minister of Tatarstan Roman Shaykhutdinov")
    assert "Photo by" not in article["text"] and "This entry was posted" not in article["text"]


def test_the_lead_set_loose_before_the_first_paragraph_is_kept() -> None:
    text = extracted("loose_lead")["text"]
    first, _, rest = text.partition("\n")
    assert first.startswith("Innopolis will mark the tenth anniversary of the start of its construction")
    assert first.endswith(
        "its own special economic zone, university and industry, Deputy Prime Minister of "
        "Tatarstan Roman Shaikhutdinov told a press conference."
    )
    assert rest.startswith("He described the project as uniting a town")


def test_only_a_long_loose_text_before_paragraphs_is_wrapped_with_the_links_that_continue_it() -> None:
    lead = "The zone took four new residents this week, " + "the managing company said in a statement, " * 2
    tree = _tree(f"<div id='a'>{lead}<a href='/z'>read the list</a> of them.<p>Second.</p></div>")
    assert wrap_loose_leads(tree) == 1
    first = tree.get_element_by_id("a")[0]
    assert first.tag == "p" and first.text_content() == f"{lead}read the list of them."
    assert [child.tag for child in tree.get_element_by_id("a")] == ["p", "p"]
    short = _tree("<div>Updated 12:05 GMT<p>The zone took four new residents this week.</p></div>")
    no_paragraph = _tree(f"<div>{lead}<br>{lead}</div>")
    assert wrap_loose_leads(short) == 0 and wrap_loose_leads(no_paragraph) == 0


def test_the_standfirst_apart_from_the_body_is_put_back_at_the_top() -> None:
    article = extracted("standfirst_apart")
    first, _, rest = article["text"].partition("\n")
    assert first == (
        "Tatarstan's zone is named for new investment, for a Danish producer's new line of growing substrates"
    )
    assert (
        rest.startswith("The Alabuga special economic zone in Tatarstan") and "By Staff Reporter" not in rest
    )
    assert article["title"] == "Alabuga makes the world ranking of free zones again"


def test_an_h2_standfirst_is_put_back_and_the_headline_stays_the_title() -> None:
    article = extracted("standfirst_h2")
    assert article["text"].startswith("Founded in 2005 on the site of a tractor plant that was never built")
    assert "\nThe federal special economic zone of the industrial production type" in article["text"]
    assert article["title"] == "What the Alabuga zone is" and "Kama Region News staff" not in article["text"]


STORY = "<p>The technopark signed its tenth resident this year, the regional ministry said on Monday.</p>"
TEXT = "The technopark signed its tenth resident this year, the regional ministry said on Monday."
DECK = "Ten companies now work in the park, which opened in the spring of last year"


def _standfirst(body: str, text: str = TEXT) -> str | None:
    return standfirst(_tree(body), text, "A headline of the story")


def test_a_standfirst_is_a_named_block_between_the_h1_and_the_opening_paragraph() -> None:
    assert _standfirst(f'<h1>A headline</h1><div class="subheadline">{DECK}</div>{STORY}') == DECK
    assert _standfirst(f'<h1>A headline</h1><div class="byline">{DECK}</div>{STORY}') is None  # not named
    assert _standfirst(f'<div class="standfirst">{DECK}</div><h1>A headline</h1>{STORY}') is None  # above h1
    assert _standfirst(f'<h1>A headline</h1>{STORY}<div class="summary">{DECK}</div>') is None  # below
    assert (
        _standfirst(f'<h1>A headline</h1><div class="summary">{DECK}</div>{STORY}', f"{DECK}\n{TEXT}") is None
    )


def test_an_h2_under_the_h1_is_a_standfirst_unless_it_is_the_headline_or_a_credited_caption() -> None:
    assert _standfirst(f"<h1>A headline</h1><h2>{DECK}</h2>{STORY}") == DECK
    headline = "<h1>Region Wire</h1><h2>A headline of the story</h2>"
    assert _standfirst(f"{headline}{STORY}") is None
    credit = f"<h1>A headline</h1><h2>{DECK}. Photo / Press Service</h2>{STORY}"
    assert _standfirst(credit) is None
    assert _standfirst(f"<h1>A headline</h1><h3>{DECK}</h3>{STORY}") is None  # an h3 is not one


def test_teasers_hidden_blocks_short_lines_and_captions_are_no_standfirst() -> None:
    linked = f'<h1>A headline</h1><div class="summary"><a href="/other">{DECK}</a></div>{STORY}'
    hidden = f'<h1>A headline</h1><div class="excerpt display-none">{DECK}</div>{STORY}'
    short = f'<h1>A headline</h1><div class="summary">Average 2.8 (8 votes)</div>{STORY}'
    caption = f'<h1>A headline</h1><div class="caption">{DECK}</div>{STORY}'
    assert [_standfirst(body) for body in (linked, hidden, short, caption)] == [None] * 4
    assert _standfirst(f'<h1>A headline</h1><div class="summary">{DECK}</div><p>Another story.</p>') is None


def test_comments_go_from_paragraphs_with_their_text_kept_and_stay_between_blocks() -> None:
    tree = _tree(
        "<div><!-- between --><p><strong><!-- ad --> The lead. <!-- end --></strong> More.</p></div>"
    )
    drop_inline_comments(tree)
    comments = [c.text for c in tree.iter(lxml.etree.Comment)]
    assert comments == [" between "]
    assert tree.find(".//p").text_content() == " The lead.  More."


def test_a_list_is_cards_only_when_every_item_is_a_short_picture_link() -> None:
    card = '<li><a href="/x"><img src="/x.jpg"></a><h4><a href="/x">Our app</a></h4><p>Download it.</p></li>'
    no_picture = '<li><h4><a href="/y">A headline</a></h4><p>Its teaser.</p></li>'
    long_item = f'<li><img src="/z.jpg"><a href="/z">More</a><p>{"A sentence of the article. " * 10}</p></li>'
    tree = _tree(
        f"<ul>{card * 3}</ul><ol>{card * 2}</ol><ul>{card * 3}{no_picture}</ul><ul>{card * 3}{long_item}</ul>"
    )
    found = card_lists(tree)
    assert [len(listing) for listing in found] == [3]


def test_an_aside_that_holds_the_article_is_never_dropped() -> None:
    article = "<p>" + "The park has signed its tenth resident this year. " * 20 + "</p>"
    tree = _tree(f'<div role="complementary"><h2>Related</h2></div><aside>{article}</aside>')
    text = clean_tree(tree).text_content()
    assert "tenth resident" in text and "Related" not in text


def test_a_comment_thread_heading_and_notice_opening_the_text_go_unless_comments_are_kept() -> None:
    article = "Six regions have won the right to host special economic zones. " * 5
    text = (
        "Reader's comments »\n"
        "By adding a comment on the site, you accept our terms and conditions and our netiquette rules.\n"
        f"{article}"
    )
    assert cut_related_tail(text, 200) == article
    assert cut_related_tail(text, 200, keep_comments=True) == text
    assert cut_related_tail(f"Comments are a way to talk.\n{article}", 200).startswith("Comments are a way")
