"""Language of a text, detected from the text itself (py3langid), not from the page's lang attribute."""

from __future__ import annotations

import py3langid

MIN_CHARS = 20


def detect_language(text: str) -> str | None:
    """ISO 639-1 code, or None when the text is too short to tell."""
    sample = text[:5000].strip()
    if len(sample) < MIN_CHARS:
        return None
    code, _score = py3langid.classify(sample)
    return code
