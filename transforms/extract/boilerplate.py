"""What page furniture looks like, as data: XPaths of elements dropped before extraction, and the lines
and tokens dropped from extracted text. The logic that applies them is in transforms/extract/htmlclean.py."""

from __future__ import annotations

import re

# Never read by a person: hidden by the page itself. The attribute tests share one walk over the page's
# elements, the style's spaces are taken out only where there is a style.
HIDDEN_XPATH = (
    "//*[@hidden or (@aria-hidden='true' and not(.//p)) or (@style and ("
    "contains(translate(@style, ' ', ''), 'display:none')"
    " or contains(translate(@style, ' ', ''), 'visibility:hidden')))]"
    " | //script[not(contains(@type, 'ld+json'))] | //style | //noscript | //template"
    " | //iframe | //svg | //canvas | //object | //embed"
)

# Polls and "rate this article" surveys: forms of radio buttons or checkboxes (an ASP.NET page wrapped in
# one form is the article: the half-of-the-text rule keeps it).
POLL_XPATH = "//form[.//input[@type='radio' or @type='checkbox']]"
# What the page's own markup says is not its main content: <aside>, and the ARIA landmarks of the
# content beside it, the site's navigation, banner and footer, and the search box.
ASIDE_XPATH = (
    "//*[@role='complementary' or @role='navigation' or @role='banner' or @role='contentinfo'"
    " or @role='search'] | //aside"
)

# Class or id tokens of widgets around an article, kept to those that measured a gain on the real
# development sets (menus, footers, sidebars, tags and pagers are left to trafilatura: dropping them by
# class lost article text on real pages). A token is delimited by a space, "_" or "-",
# so "sidebar__block--related" matches "related" and "relationship" does not.
_TOKEN = r"(^|[\s_-]){}([\s_-]|$)"
WIDGET_TOKENS = (
    "cookie|cookies|consent|gdpr|cc-banner|share|sharing|social|newsletter|subscribe|subscription|poll"
    "|rating|ratings|related|recommended|advert|ads|promo"
)
COMMENT_TOKENS = "comments?|comment-item|discuss|discussion|disqus|replies|reply"
WIDGET_CLASS = re.compile(_TOKEN.format("(" + WIDGET_TOKENS + ")"), re.I)
COMMENT_CLASS = re.compile(_TOKEN.format("(" + COMMENT_TOKENS + ")"), re.I)
# Class or id tokens of the article's own containers: an element that also carries a widget token
# ("main-with-sidebar", "layout-sidebar-sticky story-body", "post-body pagination-1") is the article.
CONTENT_TOKENS = "main|content|article|story|post|entry|body|text|news-text|article-body"
CONTENT_CLASS = re.compile(_TOKEN.format("(" + CONTENT_TOKENS + ")"), re.I)
# Any of the three: a name that holds none of them is passed over in one search.
ANY_NAMED_CLASS = re.compile(_TOKEN.format(f"({WIDGET_TOKENS}|{COMMENT_TOKENS}|{CONTENT_TOKENS})"), re.I)
# The whole text of the link or button each comment of a thread carries (transforms/extract/comments.py).
REPLY_WORDS = frozenset({"ответить", "ответ", "цитировать", "цитата", "reply", "відповісти"})
# Whole lines that head the other pages a site lists after its article ("Читайте также:"): the text
# ends before them (transforms/extract/links.py). The same words opening a longer line ("Читайте также:
# <headline>") make a one-line link inside the text, dropped alone.
RELATED_HEADINGS = frozenset(
    {
        "читайте также",
        "смотрите также",
        "см. также",
        "новости по теме",
        "по теме",
        "материалы по теме",
        "статьи по теме",
        "еще по теме",
        "ещё по теме",
        "другие новости",
        "другие новости раздела",
        "другие новости по теме",
        "похожие новости",
        "похожие материалы",
        "последние новости",
        "новости партнеров",
        "читайте по теме",
        "related stories",
        "related articles",
        "see also",
        "more on this story",
    }
)
# Whole lines that head a site's furniture below its article (adverts, classifieds, the site's headline
# lists): the text ends before them too, and nothing else is done with them.
FURNITURE_HEADINGS = frozenset(
    {
        "more news",
        "more headlines",
        "featured content",
        "related subjects",
        "sponsored links",
        "ads by google",
        "looking for",
    }
)
# A site's list of its other headlines: "Latest Health News Headlines", "Top Stories", "More News Stories"
HEADLINES_HEADING = re.compile(
    r"^(?:latest|top|more)(?: [\w.'-]+){0,3} (?:news|headlines|stories)(?: headlines)?$"
)
# Lines that open a comment thread: the text ends before them (unless comments are asked for)
COMMENT_HEADINGS = frozenset(
    {
        "комментарии",
        "комментарии читателей",
        "добавить комментарий",
        "оставить комментарий",
        "написать комментарий",
        "ваш комментарий",
        "comments",
        "reader comments",
        "reader's comments",
        "add a comment",
        "add your comment",
        "leave a comment",
        "post a comment",
        "leave a reply",
        "latest comments",
        "blog comments powered by",
    }
)
COMMENT_NOTICE = re.compile(
    r"^\W*(?:submitted comments are subject to moderation|comments are moderated"
    r"|comments are (?:now )?closed|comments for this (?:story|article) are (?:now )?closed"
    r"|if you are commenting using a facebook account|by adding a comment on (?:the|this) site"
    r"|комментарии проходят модерацию)",
    re.I,
)
# Lines that sign an article off below its text, for the newsroom rather than the reader: the reporter's
# address alone ("dabma@postmedia.com"), a wire's contact lines ("To contact the reporter on this story:
# …", "--Editors: …"), a blog's filing line ("Posted in: Canada, News Tags: …")
SIGN_OFF_LINE = re.compile(
    r"^\W*(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+\W*$"
    r"|to contact the (?:reporter|editor)\b|editors?:|posted in:|tags:)",
    re.I,
)
# Paragraphs and the runs of text inside them: a markup comment here sits in the middle of the text.
TEXT_LEVEL_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "b", "strong", "em", "i", "u", "span", "font", "small"}
)
# A list of this many cards or more, each a picture, a link and at most this much text, is the site's
# promotions or other stories (htmlclean.card_lists).
MIN_CARDS = 3
MAX_CARD_CHARS = 200
# Elements never dropped, whatever their class: they hold (or are) the article.
PROTECTED_TAGS = frozenset({"html", "body", "main", "article", "h1"})

# Tokens of encoded data (base64 session blobs, tracking ids) that are never words.
ENCODED_TOKEN = re.compile(r"(?<![\w/])[A-Za-z0-9+/_-]{32,}={0,2}(?![\w/])")
# Lines of script that leak when a page prints code as text.
SCRIPT_LINE = re.compile(
    r"^\s*(window\.|document\.|var\s+\w+\s*=|let\s+\w+\s*=|const\s+\w+\s*=|function\s*\(|\(function\s*\(|"
    r"[\w.]+\.push\(\[|}\)\(|/\*.*\*/\s*$)"
)
# Whole lines that are interface words, not text (compared case-insensitively, trailing ":" dropped).
UI_LINES = frozenset(
    {
        "поделиться",
        "ответить",
        "читайте также",
        "читать далее",
        "подробнее",
        "комментарии",
        "обсудить новость",
        "версия для печати",
        "подписаться",
        "share",
        "share this story",
        "reply",
        "read more",
        "related news",
        "comments",
        "discuss this story",
        "print",
        "subscribe",
        "accept",
    }
)
