"""The warehouse's codes as the words a reader expects (pure): "government decree No. 1659",
"industrial park", "up to 900 M ₽". Unknown codes are shown with their underscores as spaces."""

from __future__ import annotations

SITE_TYPES = {
    "cluster": "cluster",
    "technopark": "technopark",
    "industrial_park": "industrial park",
    "sez": "special economic zone",
}
ACT_TYPES = {
    "government_decree": "government decree",
    "federal_law": "federal law",
    "regional_law": "regional law",
    "presidential_decree": "presidential decree",
    "strategy": "strategy",
    "programme": "programme",
}
QUALIFIERS = {"exact": "", "up_to": "up to", "over": "more than", "about": "about", "from": "from"}
CURRENCIES = {"RUB": "₽", "USD": "$", "EUR": "€", "CNY": "¥"}
SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k"))
OUTCOMES = {"not_modified": "not modified"}


def code(value: object) -> str:
    """Any code as words: 'agreement_signed' → 'agreement signed'; None → ''."""
    return "" if value is None else str(value).replace("_", " ")


def site_type(value: str | None) -> str:
    return SITE_TYPES.get(value or "", code(value))


def act(act_type: str | None, number: str | None, title: str | None = None) -> str:
    """'government decree No. 1659'; a strategy without a number by its title."""
    kind = ACT_TYPES.get(act_type or "", code(act_type))
    if number:
        return f"{kind} No. {number}".strip()
    return title or kind


def _figure(value: float) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ")


def _scaled(value: float) -> str:
    for size, suffix in SCALES[:3]:
        if abs(value) >= size:
            return f"{value / size:.3g} {suffix}"
    return _figure(value)


def amount(value: float | None, unit: str | None, qualifier: str | None = "exact") -> str:
    """A figure as a reader says it: 'up to 900 M ₽', 'more than 40%', '50', 'about 1 200 ha'."""
    if value is None:
        return ""
    words = QUALIFIERS.get(qualifier or "exact", code(qualifier))
    if unit in CURRENCIES:
        shown = f"{_scaled(value)} {CURRENCIES[unit]}"
    elif unit == "%":
        shown = f"{_figure(value)}%"
    elif unit in (None, "", "items"):
        shown = _figure(value)
    else:
        shown = f"{_figure(value)} {unit}"
    return f"{words} {shown}".strip()


def outcome(value: str | None) -> str:
    return OUTCOMES.get(value or "", code(value))
