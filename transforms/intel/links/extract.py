"""A text's relations and events: the rules of this package run over its mentions, sentence by sentence."""

from __future__ import annotations

from datetime import date

from transforms.intel.entities import find_mentions
from transforms.intel.figures import figure_records
from transforms.intel.links.events import find_events
from transforms.intel.links.origins import from_country
from transforms.intel.links.places import heads, locations, memberships, parts
from transforms.intel.links.records import Event, Relation, unique
from transforms.intel.links.residents import investments, residents
from transforms.intel.links.text import Article
from transforms.intel.mentions import Mention


def figure_spans(records: list[dict]) -> dict[str, list[tuple[int, int]]]:
    """The offsets of the text's figures, by metric (money, area, count, percent)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for record in records:
        spans.setdefault(record["metric_code"], []).append((record["start"], record["end"]))
    return spans


def relations_of(article: Article, figures: dict[str, list[tuple[int, int]]]) -> list[Relation]:
    """Every relation the sentences state, one per subject and object, none from a thing to itself."""
    found: list[Relation] = []
    money = figures.get("money", [])
    for sentence in article.sentences:
        found += heads(article, sentence) + residents(article, sentence)
        found += investments(article, sentence, money) + from_country(article.text, sentence)
        found += locations(article, sentence) + memberships(article, sentence) + parts(article, sentence)
    return unique([r for r in found if not is_self_relation(r)])


def is_self_relation(relation: Relation) -> bool:
    obj = relation.obj
    return obj is not None and (obj.kind, obj.key) == (relation.subject.kind, relation.subject.key)


def links(
    text: str,
    language: str = "en",
    published: date | None = None,
    mentions: list[Mention] | None = None,
    records: list[dict] | None = None,
) -> tuple[list[Relation], list[Event]]:
    """(relations, events) of a text; the mentions and figure records are found when not given."""
    if not isinstance(text, str) or not text.strip():
        return [], []
    article = Article(text, find_mentions(text, language) if mentions is None else mentions)
    figures = figure_spans(figure_records(text, language) if records is None else records)
    return relations_of(article, figures), find_events(article, published, figures)
