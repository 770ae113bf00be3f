"""Tables used for page layout read as blocks: many Russian news sites of the 2000s set the whole page
(menus, the article, the news feed) in nested tables, and an extractor reads a table as one block of
cells, article and furniture together. A table that holds another table, or a cell with paragraphs or
a long text, lays out the page; it becomes plain blocks, so the article is a block of its own. Tables
of data (short cells, no blocks inside) are kept as they are. A lead set loose in the article's block,
before its first paragraph, becomes a paragraph of its own."""

from __future__ import annotations

from lxml.html import HtmlElement

BLOCK_TAGS = ("p", "div", "h1", "h2", "h3", "h4", "ul", "ol", "form", "blockquote")
TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"})
LONG_CELL_CHARS = 400  # a cell holding this much text is a page's column, not a figure
BLOCK_CELL_CHARS = 150  # a cell with blocks inside and this much text lays out the page
LEAD_BLOCKS = ("div", "td", "article", "section")
INLINE_TAGS = frozenset({"a", "b", "strong", "em", "i", "u", "span", "font", "small", "br"})
MIN_LOOSE_LEAD_CHARS = 80  # shorter loose text in an article's container is a label or a dateline


def _cell_lays_out(cell: HtmlElement) -> bool:
    chars = len(cell.text_content().strip())
    if chars >= LONG_CELL_CHARS:
        return True
    return chars >= BLOCK_CELL_CHARS and any(True for _ in cell.iterdescendants(*BLOCK_TAGS))


def is_layout_table(table: HtmlElement) -> bool:
    """A table that holds another table, or a cell that is a column of the page."""
    if any(True for _ in table.iterdescendants("table")):
        return True
    return any(_cell_lays_out(cell) for cell in table.iterdescendants("td", "th"))


def _own_parts(table: HtmlElement) -> list[HtmlElement]:
    """The table's rows, cells and sections, not those of the tables inside it."""
    parts = []
    for element in table.iterdescendants(*TABLE_PARTS):
        if element.tag == "table":
            continue
        owner = next(element.iterancestors("table"), None)
        if owner is table:
            parts.append(element)
    return parts


def unwrap_layout_tables(tree: HtmlElement) -> int:
    """Layout tables, their rows and cells become <div>s in place; returns how many tables."""
    layout = [table for table in tree.iter("table") if is_layout_table(table)]
    for table in layout:
        for part in _own_parts(table):
            part.tag = "div"
            part.attrib.pop("colspan", None)
            part.attrib.pop("rowspan", None)
        table.tag = "div"
    return len(layout)


def _leading_inline(block: HtmlElement) -> list[HtmlElement]:
    """The block's children before its first child that is not inline text markup (a link, emphasis)."""
    children = []
    for child in block:
        if child.tag not in INLINE_TAGS:
            break
        children.append(child)
    return children


def wrap_loose_leads(tree: HtmlElement) -> int:
    """A block's own text before its first paragraph (a lead a site sets loose in the article's container,
    `<div class="body">The lead…<p>The second paragraph…`) goes into a paragraph of its own, with the links
    and emphasis that continue it: extractors read paragraphs and drop the container's loose text. Only a
    text of MIN_LOOSE_LEAD_CHARS or more, in a block that holds paragraphs; returns how many."""
    wrapped = 0
    for block in list(tree.iter(*LEAD_BLOCKS)):
        if len((block.text or "").strip()) < MIN_LOOSE_LEAD_CHARS or block.find("p") is None:
            continue
        lead = block.makeelement("p", {})
        lead.text, block.text = block.text, None
        lead.extend(_leading_inline(block))
        block.insert(0, lead)
        wrapped += 1
    return wrapped
