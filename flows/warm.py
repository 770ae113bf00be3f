"""What a worker process of the CPU stages (flows.workers) does as it starts: loads the extraction and
intelligence code and their models (natasha's, pymorphy2's dictionaries, the gazetteers) by running both
stages once on made-up input, so that its first batch does not pay for them."""

from __future__ import annotations

import polars as pl

from transforms.extract.pages import extract_pages
from transforms.intel.frames import article_facts

TEXTS = (
    ("ru", "Губернатор Калужской области Владислав Шапша открыл завод в ОЭЗ «Калуга» за 1,2 млрд рублей."),
    ("en", "The governor of the Kaluga Region opened a plant in the Kaluga SEZ for 1.2 billion rubles."),
)
PAGE = (
    b"<html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1><p>"
    + TEXTS[1][1].encode()
    + b"</p></article></body></html>"
)


def warm() -> None:
    """Both stages once, on made-up input; the results are dropped."""
    rows = [
        {
            "article_key": n,
            "text": text,
            "language": lang,
            "published": None,
            "url": f"https://warm.invalid/{n}",
        }
        for n, (lang, text) in enumerate(TEXTS, start=1)
    ]
    article_facts(pl.DataFrame(rows))
    page = {"url": "https://warm.invalid/page", "source_name": "warm", "body": PAGE, "charset": "utf-8"}
    extract_pages(pl.DataFrame([page]))
