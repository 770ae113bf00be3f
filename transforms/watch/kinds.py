"""The kinds of item a digest tells, in the order it shows them, with their headings."""

from __future__ import annotations

KIND_LABELS: dict[str, str] = {
    "new_site": "New sites",
    "new_resident": "New residents",
    "foreign_investor": "Foreign investors",
    "support_measure": "Support measures",
    "legal_act": "Legal acts",
    "event": "Events",
    "person_role": "People in new roles",
}
KINDS: tuple[str, ...] = tuple(KIND_LABELS)


def kind_rank(kind: str) -> int:
    """The position of a kind in a digest; an unknown kind goes last."""
    return KINDS.index(kind) if kind in KIND_LABELS else len(KINDS)
