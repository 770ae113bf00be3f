"""Extraction: one raw page (bytes and its HTTP charset) → one article record, or a reason to hold it back.

Sniffing and decoding, furniture removal, trafilatura's main text, the publication date, the language
and the checks that tell an article from a listing or a garbled page. `pages` runs it over a batch.
"""
