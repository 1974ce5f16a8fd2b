"""From a spreadsheet register to register entries: rows in, drafts and a to-do list out.

Columns are matched by their headers (``Title``, ``Lead service``, ``Start
date``, the columns of partreg's own ``register.csv``, ...) or by ``--map``.
Each row becomes a draft entry, checked by the same linter as a file, with
every problem placed at its spreadsheet row and column.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from partreg.lint import Linter, Problem, Severity, did_you_mean, dotted
from partreg.models import Arrangement, Kind, Settings, plain, uk_date
from partreg.questionnaire import Invalid, canonical, parse_pounds, propose_id
from partreg.rules import ALL

Key = tuple[str | int, ...]

#: Field paths, by normalised header. "last review" becomes a review held on that date.
FIELDS: dict[str, Key] = {
    "id": ("id",),
    "title": ("title",),
    "name": ("title",),
    "arrangement": ("title",),
    "partnership": ("title",),
    "kind": ("kind",),
    "type": ("kind",),
    "status": ("status",),
    "summary": ("summary",),
    "purpose": ("summary",),
    "description": ("summary",),
    "lead role": ("lead", "role"),
    "lead officer": ("lead", "role"),
    "lead officer role": ("lead", "role"),
    "lead service": ("lead", "service"),
    "service": ("lead", "service"),
    "department": ("lead", "service"),
    "lead member": ("lead", "member"),
    "lead councillor": ("lead", "member"),
    "partners": ("partners",),
    "partner organisations": ("partners",),
    "priorities": ("priorities",),
    "corporate priorities": ("priorities",),
    "statutory basis": ("statutory_basis",),
    "start": ("start",),
    "start date": ("start",),
    "end": ("end",),
    "end date": ("end",),
    "council contribution": ("resources", "council", "funding_gbp"),
    "council funding gbp": ("resources", "council", "funding_gbp"),
    "contract reference": ("contract", "reference"),
    "contract value": ("contract", "value_gbp"),
    "contract value gbp": ("contract", "value_gbp"),
    "funding amount": ("funding", "amount_gbp"),
    "funding amount gbp": ("funding", "amount_gbp"),
    "review months": ("review", "months"),
    "last review": ("review", "history"),
}
#: Columns of partreg's own export that are computed, not recorded.
COMPUTED = {"next review", "page"}
KIND_WORDS = {
    "partnership": Kind.PARTNERSHIP,
    "contract": Kind.CONTRACT,
    "contractual": Kind.CONTRACT,
    "joint working": Kind.JOINT_WORKING,
    "joint-working": Kind.JOINT_WORKING,
    "collaborative working": Kind.JOINT_WORKING,
    "community funding": Kind.COMMUNITY_FUNDING,
    "community-funding": Kind.COMMUNITY_FUNDING,
    "grant": Kind.COMMUNITY_FUNDING,
}
UK_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def normal(header: str) -> str:
    return " ".join(re.sub(r"[_\s]+", " ", str(header)).strip().lower().split())


@dataclass
class Mapping:
    """Which column fills which field; what is left out and why."""

    columns: dict[int, Key]
    unmapped: list[str] = field(default_factory=list)


def map_columns(headers: list[str], extra: dict[str, str]) -> Mapping:
    """Match headers to fields; ``extra`` maps a header to a field path such as ``lead.role``."""
    known = {normal(h): tuple(p for p in path.split(".")) for h, path in extra.items()}
    columns: dict[int, Key] = {}
    unmapped = []
    for index, header in enumerate(headers):
        name = normal(header)
        if name in known:
            columns[index] = known[name]
        elif name in FIELDS:
            columns[index] = FIELDS[name]
        elif name and name not in COMPUTED:
            unmapped.append(header)
    return Mapping(columns, unmapped)


@dataclass
class RowSource:
    """A spreadsheet row as the linter sees a file: positions are (row, column)."""

    display: str
    row: int
    places: dict[Key, int]
    data: Any
    text: str | None = None
    problems: list[Problem] = field(default_factory=list)

    def locate(self, key: tuple[str | int, ...], *, at_key: bool = False) -> tuple[int, int]:
        for length in range(len(key), 0, -1):
            if key[:length] in self.places:
                return self.row, self.places[key[:length]]
        return self.row, 1


@dataclass
class RowResult:
    row: int
    entry: Arrangement | None
    problems: list[Problem]


def _value(key: Key, raw: Any, settings: Settings | None) -> Any:
    """A cell's value as the register format wants it, or ``Invalid`` saying why not."""
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, str):
        raw = raw.strip()
    if key in (("start",), ("end",), ("review", "history")):
        if isinstance(raw, dt.date):
            return raw.isoformat()
        if isinstance(raw, int | float) and float(raw).is_integer():
            return int(raw)  # a year on its own: as precise as the sheet
        said = uk_date(str(raw))  # 31/03/2026, 1 April 2019, April 2016: as precise as the sheet
        if said:
            return said.iso
        if UK_DATE.match(str(raw)):
            raise Invalid(f"{raw!r} is not a real date")
        return str(raw)
    if key == ("kind",):
        word = normal(str(raw)).replace("arrangement", "").strip()
        if word in KIND_WORDS:
            return KIND_WORDS[word].value
        raise Invalid(
            f"{raw!r} is not a kind{did_you_mean(word, KIND_WORDS)}: use partnership, contract, joint working or community funding"
        )
    if key == ("status",):
        return normal(str(raw))
    if key == ("partners",):
        return [{"name": name.strip()} for name in re.split(r"[;\n]", str(raw)) if name.strip()]
    if key == ("priorities",):
        names = [p.strip() for p in re.split(r"[;\n]", str(raw)) if p.strip()]
        by_name = {normal(v): k for k, v in settings.priorities.items()} if settings else {}
        return [
            by_name.get(normal(n), n if settings is None or n in settings.priorities else propose_id(n))
            for n in names
        ]
    if key[-1] in ("funding_gbp", "value_gbp", "amount_gbp"):
        return raw if isinstance(raw, int | float) else parse_pounds(str(raw))
    if key == ("review", "months"):
        return int(raw) if isinstance(raw, int | float) or str(raw).isdigit() else raw
    return raw if not isinstance(raw, float) or not raw.is_integer() else int(raw)


def _set(draft: dict[str, Any], key: Key, value: Any) -> None:
    target = draft
    for part in key[:-1]:
        target = target.setdefault(str(part), {})
    target[str(key[-1])] = value


def rows_to_entries(
    display: str,
    headers: list[str],
    rows: Iterable[tuple[int, list[Any]]],
    mapping: Mapping,
    settings: Settings | None,
) -> Iterator[RowResult]:
    """Each row's entry (``None`` if it cannot be one) and its problems, with row and column.

    One fault is one problem: a cell that cannot be read is not reported again
    as a missing field, nor a missing title as the id it would have given.
    """
    linter = Linter(settings, ALL)
    places = {key: index + 1 for index, key in mapping.columns.items()}
    fields = sorted(
        ((dotted(key), index) for index, key in mapping.columns.items()), key=lambda f: -len(f[0])
    )
    first_row: dict[str, int] = {}
    for number, cells in rows:
        if not any(c not in (None, "") for c in cells):
            continue  # a blank row
        draft: dict[str, Any] = {}
        problems: list[Problem] = []
        refused: set[str] = set()
        for index, key in mapping.columns.items():
            raw = cells[index] if index < len(cells) else None
            if raw is None or raw == "":
                continue
            try:
                value = _value(key, raw, settings)
            except Invalid as e:
                message = f"{headers[index]}: {e}"
                problems.append(
                    Problem(display, number, index + 1, "invalid-value", Severity.ERROR, message, dotted(key))
                )
                refused.add(dotted(key))
                continue
            if key == ("review", "history"):
                value = [{"date": value, "outcome": "continue"}]
            _set(draft, key, value)
        if "id" not in draft:
            if isinstance(draft.get("title"), str):
                draft["id"] = propose_id(draft["title"])
            else:
                refused.add("id")  # it would come from the title, whose absence is reported
        draft.setdefault("status", "active")
        entry, found = linter.check(RowSource(display, number, places, draft), str(draft.get("id", "")))
        for p in found:
            if any(r == p.key or r.startswith((p.key + ".", p.key + "[")) for r in refused):
                continue
            # name the column, which is how a spreadsheet's user finds the cell
            column = next(
                (headers[i] for d, i in fields if p.key == d or p.key.startswith((d + ".", d + "["))), ""
            )
            where = f"{column}: " if column and not p.message.startswith(column) else ""
            problems.append(Problem(p.path, p.line, p.column, p.rule, p.severity, where + p.message, p.key))
        if entry is not None:
            first = first_row.setdefault(entry.id, number)
            if first != number:
                message = f"row {first} has the same id {entry.id!r}: give this row its own title or id"
                problems.append(
                    Problem(
                        display,
                        number,
                        places.get(("title",), 1),
                        "duplicate-id",
                        Severity.ERROR,
                        message,
                        "id",
                    )
                )
        yield RowResult(number, entry, sorted(problems))


def entry_data(entry: Arrangement) -> dict[str, Any]:
    """An imported entry as data for a new file, in the format's key order."""
    data: dict[str, Any] = canonical(plain(entry.model_dump(exclude_unset=True)))
    return data
