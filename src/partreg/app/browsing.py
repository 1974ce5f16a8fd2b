"""What ``list``, ``show``, ``review-due`` and ``history`` show: the entries chosen by their
filters, in their order, with the fields that may be published, decided on every field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from partreg.app.register import Loaded, find_entry, register_file, register_settings
from partreg.errors import UsageError
from partreg.export import full_record, public_entries, public_items, significance_record, summary_record
from partreg.history import Change, file_history
from partreg.models import Arrangement, Kind, Status
from partreg.review import (
    DueItem,
    State,
    due,
    known_iso,
    next_review,
    next_review_as_known,
    over_in_fact,
    went_on,
)
from partreg.spelling import did_you_mean

# --------------------------------------------------------------------------- list


@dataclass(frozen=True)
class Filters:
    """What ``partreg list`` keeps: a kind, a status, a priority (each ``None``: any)."""

    kind: str | None = None
    status: str | None = None
    priority: str | None = None


def list_filters(kind: str | None, status: str | None, priority: str | None) -> Filters:
    """The filters as an officer types them (``Active``, ``Joint working``), read; an unknown kind or
    status is a usage mistake, with the nearest suggested."""
    kind = "-".join(kind.lower().split()) if kind else kind
    status = status.strip().lower() if status else status
    for value, choices, name in (
        (kind, [k.value for k in Kind], "kind"),
        (status, [s.value for s in Status], "status"),
    ):
        if value is not None and value not in choices:
            raise UsageError(
                f"--{name} {value!r} is not one of {', '.join(choices)}{did_you_mean(value, choices)}"
            )
    return Filters(kind, status, priority)


def list_entries(register: Loaded, filters: Filters, today: dt.date) -> list[dict[str, Any]]:
    """The register's entries that pass ``filters``, by kind then name, each as its public summary
    with its next review (none where it has ended, as ``review-due`` has none: an end passed with
    no later review that went on)."""
    kind, status, priority = filters.kind, filters.status, filters.priority
    if priority is not None and priority not in register.settings.priorities:
        hint = did_you_mean(priority, register.settings.priorities)
        raise UsageError(f"--priority {priority!r} is not a priority of this register{hint}")
    order: list[Kind | None] = [*Kind, None]  # entries whose kind is not recorded come last
    chosen = [
        e
        for e in sorted(register.entries, key=lambda e: (order.index(e.kind), e.name.casefold()))
        if (kind is None or e.kind == kind)
        and (status is None or e.status == status)
        and (priority is None or priority in e.priorities)
    ]
    # chosen, and their reviews scheduled, by every field; shown without the fields kept internal
    reviews = register.settings.review
    upcoming = [None if over_in_fact(e, today) else next_review(e, reviews) for e in chosen]
    known = [
        next_review_as_known(e, reviews, d) if d else None for e, d in zip(chosen, upcoming, strict=True)
    ]
    return [
        # (said only with the end it is about: where the settings keep the end internal, not at all)
        summary_record(e, d and known_iso(d), reviewed_after_end=went_on(full, today) and e.end is not None)
        for e, d, full in zip(public_entries(chosen, register.settings), known, chosen, strict=True)
    ]


# --------------------------------------------------------------------------- show


@dataclass
class Shown:
    """One entry as ``partreg show`` gives it: its record, and the fields left out as not published."""

    record: dict[str, Any]
    not_shown: list[str]


def show_entry(register: Loaded, arrangement_id: str, *, internal: bool) -> Shown:
    """The entry with this id: every field that is set and may be published (``internal``: all),
    and what partreg works out from the council's tests of significance."""
    entry = find_entry(register, arrangement_id)
    record = full_record(entry, register.settings, internal=internal)
    significance = significance_record(entry, register.settings, internal=internal)
    if significance is not None and "council_tests" in significance:
        # after the entry's own fields, what partreg works out from the council's tests
        record["computed"] = {"significance": significance}
    everything = full_record(entry, register.settings, internal=True)
    left_out = [k for k in everything if k not in record]
    left_out += [f"lead.{k}" for k in everything.get("lead", {}) if k not in record.get("lead", {})]
    return Shown(record, left_out)


# --------------------------------------------------------------------------- review-due


@dataclass
class Due:
    """What ``partreg review-due`` shows: the items, most urgent first, without internal fields."""

    items: list[DueItem]
    today: dt.date
    #: The calendar's name: the council's.
    council: str
    overdue: bool


def _matches(wanted: str | None, *values: str | None) -> bool:
    return wanted is None or any((v or "").casefold() == wanted.casefold() for v in values)


def _owners(e: Arrangement) -> tuple[str | None, ...]:
    """Who ``--owner`` finds an entry by: its lead officer's role, or its lead councillor."""
    return (e.lead.role, e.lead.member) if e.lead else ()


def _services(e: Arrangement) -> tuple[str | None, ...]:
    return (e.lead.service,) if e.lead else ()


def reviews_due(
    register: Loaded, today: dt.date, within: int | None, *, owner: str | None, service: str | None
) -> Due:
    """What is overdue, due within ``within`` days (default: the settings' window), or ending soon,
    among the entries whose lead role or lead councillor is ``owner`` and lead service ``service``
    (any case). A filter that no entry's lead has is a mistake (``Comunities``), not "nothing due":
    said, with the nearest recorded, as ``list --priority`` says it."""
    for wanted, of, option, what in (
        (owner, _owners, "--owner", "lead officer's role or lead councillor"),
        (service, _services, "--service", "lead service"),
    ):
        recorded = sorted({v for e in register.entries for v in of(e) if v})
        if wanted is not None and register.entries and not any(_matches(wanted, v) for v in recorded):
            raise UsageError(
                f"{option} {wanted!r} is the {what} of no arrangement on the register"
                f"{did_you_mean(wanted, recorded)}"
            )
    settings = register.settings.review
    entries = [
        e for e in register.entries if _matches(owner, *_owners(e)) and _matches(service, *_services(e))
    ]
    found = due(entries, settings, today, settings.window_days if within is None else within)
    items = public_items(found, register.settings)  # decided on every field, shown without the internal ones
    council = register.settings.council
    return Due(items, today, council, any(i.state is State.OVERDUE for i in items))


# --------------------------------------------------------------------------- history


@dataclass
class History:
    """An entry's file and its changes in git, newest first."""

    path: Path
    changes: list[Change]


def entry_history(base: Path, target: str) -> History:
    """The history of the entry ``target`` names (its id, or its file's path)."""
    limit = register_settings(base).max_file_bytes
    path = register_file(base, target, limit, paths=True)
    return History(path, file_history(base, path, limit))
