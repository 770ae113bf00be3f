"""Language of a text, detected from the text itself (py3langid over all its languages), not from the
page's lang attribute; the attribute only decides when the text is too short or the detector unsure."""

from __future__ import annotations

from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

MIN_CHARS = 20
SAMPLE_CHARS = 5000
MIN_CONFIDENCE = 0.5  # below it the page's own declaration may decide


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_and_score(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability) of the text, (None, 0.0) when it is too short to tell."""
    sample = text[:SAMPLE_CHARS].strip()
    if len(sample) < MIN_CHARS:
        return None, 0.0
    code, score = _identifier().classify(sample)
    return code, float(score)


def _declared(hint: str | None) -> str | None:
    """'ru-RU', 'en_US', 'RU' → 'ru'; anything else → None."""
    code = (hint or "").strip().replace("_", "-").split("-")[0].lower()
    return code if len(code) == 2 and code.isalpha() else None


def detect_language(text: str, hint: str | None = None) -> str | None:
    """ISO 639-1 code of the text. The hint (a lang attribute) decides only when the text is too short,
    or when the detector is unsure and rates the hinted language at least half as likely as its pick."""
    code, score = language_and_score(text)
    declared = _declared(hint)
    if code is None:
        return declared
    if score >= MIN_CONFIDENCE or declared is None or declared == code:
        return code
    hinted = dict(_identifier().rank(text[:SAMPLE_CHARS].strip())).get(declared, 0.0)
    return declared if hinted >= score / 2 else code
