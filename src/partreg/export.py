"""Plain records built from the models, for tables, CSV and JSON.

What is public is decided here, once: ``internal``, any field the settings
mark internal, and officers' contact details never reach a public record.
"""

from __future__ import annotations

from typing import Any

from partreg.models import Arrangement, Settings

SUMMARY_COLUMNS = (
    "id",
    "title",
    "kind",
    "status",
    "lead_service",
    "priorities",
    "partners",
    "start",
    "end",
)
CONTACT_FIELDS = frozenset({"email", "phone"})


def summary_record(entry: Arrangement) -> dict[str, Any]:
    """The few facts a listing shows; nothing internal."""
    return {
        "id": entry.id,
        "title": entry.title,
        "kind": str(entry.kind),
        "status": str(entry.status),
        "lead_service": entry.lead.service,
        "priorities": list(entry.priorities),
        "partners": [p.name for p in entry.partners],
        "start": entry.start.isoformat(),
        "end": entry.end.isoformat() if entry.end else None,
    }


def full_record(entry: Arrangement, settings: Settings | None, *, internal: bool) -> dict[str, Any]:
    """Every field that is set; internal fields and contact details only when ``internal``."""
    record: dict[str, Any] = entry.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    record.setdefault("partners", [p.model_dump(mode="json", exclude_none=True) for p in entry.partners])
    if not internal:
        for name in ("internal", *(settings.internal_fields if settings else ())):
            record.pop(name, None)
        for name in CONTACT_FIELDS:
            record["lead"].pop(name, None)
    return record
