"""A synthetic news site of N pages for the benchmark: `python -m bench.corpus N [--out DIR] [--seed S]`.

Pages recombine the sentences of the sample articles (samples/site) into Russian and English news pages,
wrapped in boilerplate like the sample pages'; about 30% are windows-1251, 5% are syndicated copies of
another page's body. Links use the __BASE_URL__ placeholder, so samples.server.serve_site can serve it.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import random
import re
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path

import lxml.html
from razdel import sentenize

from samples.server import SITE_DIR

DEFAULT_SEED = 20140408
CP1251_SHARE = 0.3
DUPLICATE_SHARE = 0.05
SITEMAP_LIMIT = 5000
MIN_SENTENCES, MAX_SENTENCES, POOL_SHARE = 8, 20, 0.6
META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.I)
CYRILLIC = re.compile(r"[а-яё]", re.I)
FIRST_DAY, LAST_DAY = datetime(2014, 1, 1, tzinfo=UTC), datetime(2024, 12, 31, 23, 59, tzinfo=UTC)

AUTHORS = {
    "ru": ("Ирина Соколова", "Дмитрий Иевлев", "Анна Кузнецова", "Павел Морозов", "Елена Власова"),
    "en": ("Maria Petrova", "John Harris", "Olga Smirnova", "Alexei Volkov", "Sarah Collins"),
}
PARTNERS = ("regnews", "promvestnik", "industry-digest", "cluster-info")
# Boilerplate class-name schemes: (article, nav, sidebar, comments, share widget).
SCHEMES = (
    ("news-article", "main-nav", "sidebar", "comments", "share"),
    ("post", "menu", "aside-col", "discussion", "social-share"),
    ("material", "topnav", "rail", "comment-list", "sharing"),
    ("story", "site-menu", "side-panel", "talk", "share-box"),
)
UI = {
    "ru": {
        "nav": ("Главная", "Новости", "Промышленность", "Кластеры", "Технопарки", "ОЭЗ", "Интервью"),
        "share": "Поделиться:",
        "rating": "Ваша реакция",
        "comments": "Комментарии",
        "reply": "Ответить",
        "related": "Читайте также",
        "partners": "Новости партнёров",
        "partner_links": (
            "Как выбрать складской комплекс: пять ошибок",
            "Лизинг оборудования для малых предприятий",
        ),
        "cookie": "Мы используем файлы cookie, чтобы сайт работал удобнее. "
        "Продолжая пользоваться сайтом, вы соглашаетесь с этим.",
        "ok": "Понятно",
        "footer": "Сетевое издание о промышленности, кластерах, технопарках и особых экономических зонах. "
        "Адрес редакции: 248000, г. Калуга, ул. Промышленная, д. 1.",
        "rights": "Все права защищены. Перепечатка только с активной ссылкой на источник.",
        "comment_texts": (
            "Хорошая новость, давно пора.",
            "А рабочие места там будут для местных?",
            "Интересно, сколько это стоит бюджету.",
            "Посмотрим, что будет через год.",
        ),
        "index_title": "Все новости",
    },
    "en": {
        "nav": ("Home", "News", "Industry", "Clusters", "Technoparks", "SEZ", "Interviews"),
        "share": "Share this story:",
        "rating": "Reader mood",
        "comments": "Comments",
        "reply": "Reply",
        "related": "Related news",
        "partners": "Partner news",
        "partner_links": (
            "Choosing a warehouse: five costly mistakes",
            "Leasing equipment for small manufacturers",
        ),
        "cookie": "This website uses cookies to make browsing more convenient. "
        "By continuing you agree to their use.",
        "ok": "Accept",
        "footer": "An online newsroom covering industry, clusters, technoparks and special economic zones. "
        "Newsroom: 1 Promyshlennaya St, Kaluga, 248000.",
        "rights": "All rights reserved. Reprinting only with an active link to the source.",
        "comment_texts": (
            "Good news at last.",
            "Will there be jobs for local people?",
            "I wonder what this costs the budget.",
            "Let's see where this is in a year.",
        ),
        "index_title": "All news",
    },
}


@dataclass(frozen=True)
class Page:
    """One generated page: where it lives, its language and charset, its metadata and body."""

    path: str
    language: str
    charset: str
    title: str
    author: str
    published: str
    paragraphs: tuple[str, ...]
    scheme: int
    duplicate_of: str | None = None


def _decoded(raw: bytes) -> str:
    match = META_CHARSET.search(raw[:2048])
    return raw.decode(match.group(1).decode("ascii") if match else "utf-8")


def sample_sentences(site_dir: Path = SITE_DIR) -> dict[str, list[str]]:
    """The sentences of the paragraphs inside <article> in the sample pages, by language (ru, en)."""
    pools: dict[str, list[str]] = {"ru": [], "en": []}
    for path in sorted(site_dir.rglob("*.html")):
        doc = lxml.html.fromstring(_decoded(path.read_bytes()))
        for para in doc.xpath("//article//p"):
            for sentence in sentenize(" ".join(para.text_content().split())):
                lang = "ru" if len(CYRILLIC.findall(sentence.text)) > len(sentence.text) / 4 else "en"
                pools[lang].append(sentence.text)
    if not pools["ru"] or not pools["en"]:
        raise ValueError(f"{site_dir} has no Russian or no English article paragraphs")
    return pools


def _title(rng: random.Random, pool: list[str]) -> str:
    words = rng.choice(pool).split()
    return " ".join(words[: rng.randint(6, 12)]).strip(' ,.:;—-«»"“”')


def _paragraphs(rng: random.Random, pool: list[str]) -> tuple[str, ...]:
    """8-20 sentences, but at most 60% of a small pool: pages drawing nearly the whole pool would be
    near-duplicates of each other (the Russian sample gives only about 20 sentences)."""
    most = max(MIN_SENTENCES, min(MAX_SENTENCES, int(len(pool) * POOL_SHARE)))
    sentences = rng.sample(pool, min(rng.randint(MIN_SENTENCES, most), len(pool)))
    paragraphs, i = [], 0
    while i < len(sentences):
        size = rng.randint(1, 4)
        paragraphs.append(" ".join(sentences[i : i + size]))
        i += size
    return tuple(paragraphs)


def _original(rng: random.Random, number: int, pools: dict[str, list[str]]) -> Page:
    lang = rng.choice(("ru", "en"))
    when = FIRST_DAY + timedelta(minutes=rng.randrange(int((LAST_DAY - FIRST_DAY).total_seconds() // 60)))
    prefix = "/news" if lang == "ru" else "/en/news"
    return Page(
        path=f"{prefix}/{when:%Y/%m/%d}/story-{number:05d}.html",
        language=lang,
        charset="windows-1251" if rng.random() < CP1251_SHARE else "utf-8",
        title=_title(rng, pools[lang]),
        author=rng.choice(AUTHORS[lang]),
        published=when.isoformat(timespec="minutes"),
        paragraphs=_paragraphs(rng, pools[lang]),
        scheme=rng.randrange(len(SCHEMES)),
    )


def _syndicated(rng: random.Random, number: int, source: Page, pools: dict[str, list[str]]) -> Page:
    """The source's body under another path, title, date and boilerplate."""
    when = min(datetime.fromisoformat(source.published) + timedelta(hours=rng.randint(1, 72)), LAST_DAY)
    title = _title(rng, pools[source.language])
    while title == source.title:
        title = _title(rng, pools[source.language])
    return replace(
        source,
        path=f"/partners/{rng.choice(PARTNERS)}/{when:%Y}/reprint-{number:05d}.html",
        charset="windows-1251" if rng.random() < CP1251_SHARE else "utf-8",
        title=title,
        published=when.isoformat(timespec="minutes"),
        scheme=(source.scheme + rng.randint(1, len(SCHEMES) - 1)) % len(SCHEMES),
        duplicate_of=source.path,
    )


def plan_corpus(n: int, seed: int = DEFAULT_SEED, pools: dict[str, list[str]] | None = None) -> list[Page]:
    """N pages, round(5% of N) of them syndicated copies of earlier originals; deterministic for a seed."""
    if n < 1:
        raise ValueError("the corpus needs at least one page")
    pools = pools or sample_sentences()
    rng = random.Random(seed)
    duplicates = set(rng.sample(range(1, n), round(n * DUPLICATE_SHARE))) if n > 1 else set()
    pages: list[Page] = []
    for number in range(n):
        if number in duplicates:
            source = rng.choice([p for p in pages[-200:] if p.duplicate_of is None])
            pages.append(_syndicated(rng, number, source, pools))
        else:
            pages.append(_original(rng, number, pools))
    return pages


def _el(tag: str, cls: str | None, inner: str, **attrs: str) -> str:
    """One element; `inner` is HTML already, attribute values are escaped."""
    pairs = ([("class", cls)] if cls else []) + [(k.rstrip("_"), v) for k, v in attrs.items()]
    opening = "".join(f' {k}="{escape(v)}"' for k, v in pairs)
    return f"<{tag}{opening}>{inner}</{tag}>"


def _links(items: list[tuple[str, str]]) -> str:
    return "".join(_el("li", None, _el("a", None, escape(text), href=href)) for href, text in items)


def _nav(lang: str, cls: str) -> str:
    anchors = ("", "#news", "#industry", "#clusters", "#technoparks", "#sez", "#interview")
    items = "".join(
        _el("li", f"{cls}__item", _el("a", f"{cls}__link", label, href=f"/{anchor}"))
        for anchor, label in zip(anchors, UI[lang]["nav"], strict=True)
    )
    return _el("nav", cls, _el("ul", f"{cls}__list", items))


def _comment(rng: random.Random, lang: str, cls: str, text: str) -> str:
    author = _el("div", f"{cls}__author", f"user{rng.randint(1, 999)}")
    actions = _el("button", None, UI[lang]["reply"], type="button")
    likes = _el("span", f"{cls}__likes", f"+{rng.randint(0, 30)}")
    body = author + _el("div", f"{cls}__text", escape(text)) + actions + likes
    return _el("li", f"{cls}__item", body, id=f"c{rng.randint(10000, 99999)}")


def _comments(rng: random.Random, lang: str, cls: str) -> str:
    texts = rng.sample(UI[lang]["comment_texts"], rng.randint(0, 3))
    items = "".join(_comment(rng, lang, cls, text) for text in texts)
    return _el("section", cls, _el("div", f"{cls}__title", UI[lang]["comments"]) + _el("ul", None, items))


def _widgets(rng: random.Random, lang: str, share: str) -> str:
    buttons = "".join(
        _el("button", f"{share}__btn", s.upper(), type="button", data_share=s) for s in ("vk", "ok", "tg")
    )
    moods = "".join(
        _el("button", "mood__btn", f"&#{emoji}; {_el('span', None, str(rng.randint(0, 40)))}", data_mood=m)
        for m, emoji in (("joy", 128578), ("wow", 128558), ("sad", 128546))
    )
    shares = _el("div", share, _el("span", None, UI[lang]["share"]) + buttons)
    return shares + _el("section", "mood", _el("div", "mood__title", UI[lang]["rating"]) + moods)


def _sidebar(lang: str, cls: str, related: list[Page]) -> str:
    partners = [(f"/#partner-{i}", text) for i, text in enumerate(UI[lang]["partner_links"])]
    blocks = (
        _el(
            "section",
            f"{cls}__block",
            _el("h3", None, UI[lang]["related"])
            + _el("ul", None, _links([(p.path, p.title) for p in related])),
        )
        if related
        else ""
    ) + _el(
        "section", f"{cls}__block", _el("h3", None, UI[lang]["partners"]) + _el("ul", None, _links(partners))
    )
    return _el("aside", cls, blocks)


STYLE = (
    "body{margin:0;font:16px/1.5 Georgia,serif;color:#222}"
    ".site-header,.site-footer,.layout{max-width:1140px;margin:0 auto;padding:0 16px}"
    ".layout{display:grid;grid-template-columns:1fr 300px;gap:32px}.lead{font-weight:bold}"
    ".cookie-banner{position:fixed;bottom:0;left:0;right:0;background:#333;color:#fff;padding:8px}"
    ".js-session-state{display:none}.mood__btn{border:0;background:none}"
)
TRACKER = (
    "window.kinStat=window.kinStat||[];window.kinStat.push(['init',{{siteId:480117,page:'{page}'}}]);"
    "(function(d){{var s=d.createElement('script');s.async=true;s.src='/static/js/kin-stat.js';"
    "d.head.appendChild(s);}})(document);"
)


def _tail(rng: random.Random, lang: str) -> str:
    session = base64.b64encode(rng.randbytes(rng.randint(900, 2400))).decode("ascii")
    footer = _el("div", None, UI[lang]["footer"]) + _el(
        "div", None, f"© Kaluga Industrial News. {UI[lang]['rights']}"
    )
    cookie = _el("span", None, UI[lang]["cookie"]) + _el("button", None, UI[lang]["ok"], type="button")
    return (
        _el("footer", "site-footer", footer)
        + _el("div", "cookie-banner", cookie, role="dialog")
        + _el("div", "js-session-state", session, hidden="hidden")
        + _el("script", None, TRACKER.format(page=rng.randint(1, 10**6)))
        + '<noscript><img src="/counter/hit.gif?sid=480117" width="1" height="1" alt=""></noscript>'
    )


def _head(page: Page) -> str:
    title, url = escape(page.title), escape(f"__BASE_URL__{page.path}")
    return (
        f'<head><meta charset="{page.charset}"><title>{title} | Kaluga Industrial News</title>'
        f'<meta name="author" content="{escape(page.author)}"><meta property="og:type" content="article">'
        f'<meta property="og:title" content="{title}"><meta property="og:url" content="{url}">'
        f'<meta property="article:published_time" content="{page.published}">'
        f'<link rel="canonical" href="{url}">{_json_ld(page, url)}<style>{STYLE}</style></head>'
    )


def _json_ld(page: Page, url: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "mainEntityOfPage": url,
        "inLanguage": page.language,
        "datePublished": page.published,
        "author": {"@type": "Person", "name": page.author},
        "publisher": {"@type": "Organization", "name": "Kaluga Industrial News"},
    }
    return _el(
        "script", None, json.dumps(data, ensure_ascii=False).replace("</", "<\\/"), type="application/ld+json"
    )


def _article(page: Page, cls: str) -> str:
    lead, *body = page.paragraphs
    header = _el("h1", f"{cls}__title", escape(page.title)) + _el("p", "lead", escape(lead))
    byline = _el("a", None, escape(page.author), rel="author", href="/#author") + _el(
        "time", None, page.published[:10], datetime=page.published
    )
    paragraphs = "".join(_el("p", None, escape(p)) for p in body)
    inner = _el("header", f"{cls}__header", header) + _el("div", f"{cls}__meta", byline)
    return _el("article", cls, inner + _el("div", f"{cls}__body", paragraphs))


def render_page(page: Page, related: list[Page], rng: random.Random) -> bytes:
    """The page's HTML, encoded in its charset (characters outside it as character references)."""
    art, nav, side, comments, share = SCHEMES[page.scheme]
    lang = page.language
    header = _el(
        "header", "site-header", _el("a", "site-logo", "Kaluga Industrial News", href="/") + _nav(lang, nav)
    )
    main = _el(
        "main", None, _article(page, art) + _widgets(rng, lang, share) + _comments(rng, lang, comments)
    )
    layout = _el("div", "layout", main + _sidebar(lang, side, related))
    body = _el("body", "page page--article", header + layout + _tail(rng, lang))
    html = f'<!DOCTYPE html>\n<html lang="{lang}">{_head(page)}{body}</html>\n'
    return html.encode(page.charset, errors="xmlcharrefreplace")


def render_sitemaps(pages: list[Page], limit: int = SITEMAP_LIMIT) -> dict[str, str]:
    """File name → XML: one urlset as sitemap.xml, or a sitemap index over sitemap-K.xml parts."""
    chunks = [pages[i : i + limit] for i in range(0, len(pages), limit)]
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'

    def urlset(chunk: list[Page]) -> str:
        urls = "".join(
            f"<url><loc>__BASE_URL__{p.path}</loc><lastmod>{p.published[:10]}</lastmod></url>\n"
            for p in chunk
        )
        return f"{head}<urlset {ns}>\n{urls}</urlset>\n"

    if len(chunks) == 1:
        return {"sitemap.xml": urlset(chunks[0])}
    files = {f"sitemap-{k}.xml": urlset(chunk) for k, chunk in enumerate(chunks, start=1)}
    entries = "".join(f"<sitemap><loc>__BASE_URL__/{name}</loc></sitemap>\n" for name in files)
    return {**files, "sitemap.xml": f"{head}<sitemapindex {ns}>\n{entries}</sitemapindex>\n"}


def render_index(pages: list[Page]) -> str:
    """A listing page with the 50 latest stories."""
    latest = sorted(pages, key=lambda p: p.published, reverse=True)[:50]
    main = _el("h1", None, UI["ru"]["index_title"]) + _el(
        "ul", "news-list", _links([(p.path, p.title) for p in latest])
    )
    head = '<head><meta charset="utf-8"><title>Kaluga Industrial News</title></head>'
    body = _el("body", "page page--listing", _nav("ru", "main-nav") + _el("main", None, main))
    return f'<!DOCTYPE html>\n<html lang="ru">{head}{body}</html>\n'


def write_corpus(
    n: int, out: Path, seed: int = DEFAULT_SEED, sitemap_limit: int = SITEMAP_LIMIT
) -> list[Page]:
    """Write N pages, the sitemap(s), robots.txt, an index page and manifest.json into OUT."""
    pages = plan_corpus(n, seed)
    rng = random.Random(seed + 1)
    for i, page in enumerate(pages):
        related = [pages[j] for j in rng.sample(range(n), min(4, n)) if j != i][:3]
        target = out / page.path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(render_page(page, related, rng))
    for name, xml in render_sitemaps(pages, sitemap_limit).items():
        (out / name).write_text(xml, encoding="utf-8")
    (out / "robots.txt").write_text(
        "User-agent: *\nDisallow:\n\nSitemap: __BASE_URL__/sitemap.xml\n", encoding="utf-8"
    )
    (out / "index.html").write_text(render_index(pages), encoding="utf-8")
    manifest = {"pages": n, "seed": seed, "generator": generator_id(), "items": [asdict(p) for p in pages]}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return pages


def generator_id() -> str:
    """Changes whenever this generator does, so a stale corpus on disk can be told apart."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]


def default_out(n: int) -> Path:
    return Path(__file__).parent / "out" / f"site-{n}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", type=int, help="number of article pages")
    parser.add_argument("--out", type=Path, help="target folder [bench/out/site-N]")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    out = args.out or default_out(args.pages)
    pages = write_corpus(args.pages, out, args.seed)
    print(f"wrote {len(pages)} pages to {out}")


if __name__ == "__main__":
    main()
