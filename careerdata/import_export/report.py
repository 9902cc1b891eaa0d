"""What an import did or would do: one `Change` per record, gathered in an `ImportReport`."""

from __future__ import annotations

from dataclasses import dataclass, field

from careerdata.import_export.common import ENTITY_LABELS, ENTITY_ORDER

ADDED, UPDATED, SKIPPED = "added", "updated", "skipped"


@dataclass(frozen=True)
class Change:
    entity: str
    record: str  # the natural key, readable
    action: str  # added / updated / skipped
    fields: tuple[str, ...]  # what an update changes
    where: str
    note: str = ""  # why a record was skipped, when that is not "nothing new"


@dataclass
class ImportReport:
    source: str
    format: str
    dry_run: bool
    changes: list[Change] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, dict[str, int]]:
        """{entity: {added, updated, skipped}} for every entity the file touched, in write order."""
        out: dict[str, dict[str, int]] = {}
        for entity in ENTITY_ORDER:
            mine = [c for c in self.changes if c.entity == entity]
            if mine:
                out[entity] = {a: sum(c.action == a for c in mine) for a in (ADDED, UPDATED, SKIPPED)}
        return out

    def totals(self) -> dict[str, int]:
        return {a: sum(c.action == a for c in self.changes) for a in (ADDED, UPDATED, SKIPPED)}

    @property
    def changed(self) -> bool:
        return any(c.action != SKIPPED for c in self.changes)

    def rows(self) -> list[dict]:
        """One row per record for a preview table."""
        return [
            {"what": ENTITY_LABELS[c.entity], "record": c.record, "action": c.action,
             "changes": c.note or ", ".join(c.fields), "from": c.where}
            for c in self.changes
        ]

    def as_dict(self) -> dict:
        return {"source": self.source, "format": self.format, "dry_run": self.dry_run,
                "counts": self.counts(), "totals": self.totals(), "notes": list(self.notes)}
