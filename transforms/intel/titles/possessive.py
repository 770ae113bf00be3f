"""A deputy named by a possessive: «Председателем Правительства … В.Ф.Сушковым, его заместителем – министром
… А.И.Седовым» (the deputy of the prime minister), «Денис Паслер назначил своим заместителем … Игоря
Сухарева» (the deputy of the governor who appoints him). The deputy holds the title of the person the
possessive stands for, as a deputy: «его» / «её» the nearest person named before it in its sentence who holds
a title, «свой» the one named before it in its clause (its subject). The deputy is the first person named
after it in its sentence."""

from __future__ import annotations

import re
from collections.abc import Callable

from transforms.intel.mentions import Mention, sentence_of

# «его заместителем», «своим первым заместителем», «её заместитель»: no complement of its own after it
POSSESSIVE_DEPUTY = re.compile(
    r"(?i)\b(его|её|ее|сво[а-яё]+)\s+(?:перв[а-яё]+\s+)?(заместител[а-яё]+)\b(?!\s+(?:министр|губернатор|"
    r"глав|председател|мэр|директор|руководител|начальник|генеральн)[а-яё]*)"
)
# the codes of a region's head, whose deputy is the deputy governor («заместитель губернатора»)
_REGION_HEADS = {"governor", "head_of_region"}


def possessive_deputies(
    text: str, people: list[Mention], code_of: Callable[[Mention], str | None]
) -> list[tuple[Mention, str, Mention, re.Match]]:
    """(the deputy, the deputy's role code, the person he is the deputy of, the title's match) for each
    possessive deputy whose two people are named in its sentence; code_of gives a person's role code."""
    found = []
    for match in POSSESSIVE_DEPUTY.finditer(text):
        start, end = sentence_of(text, match.start())
        before = [p for p in people if start <= p.start and p.end <= match.start()]
        after = next((p for p in people if match.end() <= p.start < end), None)
        own = match.group(1).lower().startswith("сво")
        principal = before[-1] if own and before else next((p for p in reversed(before) if code_of(p)), None)
        code = code_of(principal) if principal is not None else None
        if after is None or code is None or code.startswith("deputy_"):
            continue
        deputy = "deputy_governor" if code in _REGION_HEADS else f"deputy_{code}"
        found.append((after, deputy, principal, match))
    return found
