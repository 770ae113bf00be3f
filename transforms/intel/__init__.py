"""Domain intelligence: article text → facts, and the dimension and fact frames that carry them.

Mentions of regions, countries, people (with roles), organisations, companies, industrial sites and
legal acts, and figures with their qualifier and subject; `frames` turns a batch of articles into the
frames the warehouse loads (column types in `schema`). Word lists and models live in `lexicon`.
"""
