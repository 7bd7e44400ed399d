"""Typed relations between records, and the inverse edges derived from them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class RelationPair(NamedTuple):
    forward: str
    inverse: str
    label: str


RELATION_PAIRS: tuple[RelationPair, ...] = (
    RelationPair("amends", "amended_by", "amends / amended by"),
    RelationPair("applies", "applied_in", "applies / applied in"),
    RelationPair("cites", "cited_by", "cites / cited by"),
    RelationPair("appeal_of", "appealed_in", "appeal of / appealed in"),
    RelationPair("responds_to", "prompted", "responds to / prompted"),
    RelationPair("implements", "implemented_by", "implements / implemented by"),
    RelationPair("interprets", "interpreted_by", "interprets / interpreted by"),
    RelationPair("replaces", "replaced_by", "replaces / replaced by"),
    RelationPair("arises_from", "gave_rise_to", "arises from / gave rise to"),
    RelationPair("related", "related", "related"),
)

INVERSE: dict[str, str] = {}
for _pair in RELATION_PAIRS:
    INVERSE[_pair.forward] = _pair.inverse
    INVERSE[_pair.inverse] = _pair.forward


@dataclass(frozen=True)
class Edge:
    """One directed edge; ``declared`` is False for an edge derived as the inverse of another."""

    source: str
    type: str
    target: str
    source_provision: str | None = None
    target_provision: str | None = None
    note: str | None = None
    declared: bool = True

    def inverse(self) -> Edge:
        return Edge(
            source=self.target,
            type=INVERSE[self.type],
            target=self.source,
            source_provision=self.target_provision,
            target_provision=self.source_provision,
            note=self.note,
            declared=False,
        )

    def key(self) -> tuple[str, str, str | None, str, str | None]:
        """Identity of the edge regardless of which end declared it."""
        forward = self if self.type in {p.forward for p in RELATION_PAIRS} else self.inverse()
        return (forward.source, forward.type, forward.source_provision, forward.target, forward.target_provision)
