"""A watchlist's digest as files: an offline HTML page in the report's style (`page`), Markdown for
mail or chat (`text`) and an Atom feed (`feed`), written side by side (`write`)."""
