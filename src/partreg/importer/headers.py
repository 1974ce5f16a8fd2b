"""A sheet's header row to fields: where each column goes, and how well a row names columns."""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from typing import Any

from partreg.importer.synonyms import (
    COMPUTED,
    FRAMING,
    HEADERS,
    LISTS,
    MONEY,
    NEXT_REVIEW,
    NOTES,
    NUMBERED,
    OWN_COLUMNS,
    REVIEW_OUTCOME,
    SYNONYMS,
    TERM,
    Key,
    normal,
)
from partreg.models import Arrangement, PartialDate, inner_model
from partreg.problems import dotted

#: What a header score adds when the header names the title: a sheet of arrangements has one.
TITLED = 100


def letter(column: int) -> str:
    """The spreadsheet's name for a column: 1 -> A, 27 -> AA."""
    name = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        name = chr(65 + rest) + name
    return name


@dataclass(frozen=True)
class Column:
    """One column of the sheet and where its values go."""

    index: int
    letter: str
    header: str
    key: Key | None  # None: into internal notes
    number: int | None = None  # "Outcome 2" -> 2
    given: bool = False  # named with --map
    why: str = ""  # why a column goes to the notes, where the reason is not its header
    #: Its dates in numbers alone that could be either order (04/05/2016) are read month first: the
    #: column writes dates so (see :mod:`.dateorder`).
    month_first: bool = False
    #: Hidden in the sheet: read like any column, and named so in the report.
    hidden: bool = False

    @property
    def label(self) -> str:
        if self.key is None or self.key == NOTES:
            return f"internal notes ({self.why})" if self.why else "internal notes"
        if self.key == MONEY:
            return (
                "contract.value_gbp, funding.amount_gbp or resources.council.funding_gbp (where it says a "
                "year's), by the row's kind"
            )
        if self.key == ("resources", "council", "funding_gbp"):
            return "resources.council.funding_gbp (a contract's value, a grant's amount, where no column gives them)"
        if self.key == NEXT_REVIEW:
            return "internal notes (partreg works out the next review from the last review or start, and review.months)"
        if self.key == ("review", "history"):
            return "review.history (a review held on that date)"
        if self.key == ("funding", "period"):
            return "funding.period_start and funding.period_end"
        if self.key == TERM:
            return "start and end (a term: 'April 2016 - March 2019', '2016-2019')"
        if self.key == REVIEW_OUTCOME:
            return "review.history (the outcome of the review the last review column dates)"
        if self.key[0] == "contributions":
            return (
                f"contributions (the council's, {self.key[1]} in the year the header or a year column names)"
            )
        if self.key[0] in NUMBERED:
            return f"{self.key[0]}[{self.number or 'each line'}].{self.key[1]}"
        return dotted(self.key)


@dataclass
class Mapping:
    columns: list[Column]
    #: True when no column gives the status: each row is recorded as active.
    assume_active: bool = False


def _key_for(header: str) -> tuple[Key | None, int | None]:
    if re.search(r"%|\bper ?cent", str(header), re.IGNORECASE):
        return None, None  # "% of budget": a share, not an amount
    name = normal(header)
    if name in OWN_COLUMNS:
        return OWN_COLUMNS[name], None
    if name in HEADERS:
        return HEADERS[name], None
    words = name.split()
    # "Outcome 1", "Risk 2 mitigation", "Measure (1)": numbered outcome and risk columns
    numbers = [w for w in words if w.isdigit() and len(w) <= 3]
    if len(numbers) == 1:
        rest = " ".join(w for w in words if not w.isdigit())
        key = HEADERS.get(rest)
        if key is None and rest.startswith(("risk ", "outcome ")):
            key = HEADERS.get(rest.split(" ", 1)[1])
            if key is not None and key[0] not in NUMBERED:
                key = None
        if key is not None and key[0] in NUMBERED:
            return key, int(numbers[0])
        if key in LISTS:
            return key, None  # "Partner 1", "Partner 2": each adds to the list
    framed = " ".join(w for w in words if w not in FRAMING)
    if framed and framed != name and framed in HEADERS:
        return HEADERS[framed], None
    # "Lead Officer (name & job title)": a bracketed explanation says what to write, not which field
    # but not one that says the column holds something else: "Lead Officer (tel)", "(internal only)"
    bare = _BRACKETED.sub(" ", str(header))
    if (
        bare != header
        and bare.strip()
        and not any(_OTHER_THING.search(b) for b in _BRACKETED.findall(header))
    ):
        return _key_for(bare)
    return None, None


_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
#: Words in a header's brackets that say the column holds a contact or what is not published: such
#: a column stays in the internal notes, whatever the words outside the brackets say.
_OTHER_THING = re.compile(
    r"\b(?:tel|telephone|phone|mobile|e-?mail|contact|address|internal|confidential|private|not for|"
    r"publication|publish|restricted)\b",
    re.IGNORECASE,
)


#: What a hidden column's header says where the column holds what is not published: contact
#: details, internal, confidential or personal data.
_PRIVATE = re.compile(
    rf"{_OTHER_THING.pattern}|\b(?:personal|sensitive|exempt|officers? only|use only)\b",
    re.IGNORECASE,
)


def map_columns(
    headers: Sequence[str], given: dict[str, str], hidden: Collection[int] = frozenset()
) -> Mapping:
    """Where each column goes; ``given`` maps a header to a field path such as ``lead.role``
    (or ``notes``), overriding the table. A column ``hidden`` in the sheet (by index from 0) goes
    where its header says, but to the internal notes where its header names contact details or
    what is internal ("Officer email", "Contact officer"), which a hidden column often holds."""
    chosen = {normal(h): path for h, path in given.items()}
    columns = []
    for index, header in enumerate(headers):
        name = normal(header)
        if name in COMPUTED:
            continue
        why = ""
        if not header.strip():
            key, number = None, None
        elif name in chosen:
            key = NOTES if chosen[name] in ("notes", "internal.notes") else tuple(chosen[name].split("."))
            number = None
        else:
            key, number = _key_for(header)
            if index in hidden and key not in (None, NOTES, NEXT_REVIEW) and _PRIVATE.search(header):
                field = dotted(key)
                key, number = None, None
                why = f"hidden, and by its header contact details or internal data: --map '{header}={field}' reads it into {field}"
        columns.append(
            Column(index, letter(index + 1), header, key, number, name in chosen, why, hidden=index in hidden)
        )
    # a field filled by two columns: the first wins, the others go to notes (reported); of two for the
    # title, one that says it is a name ("Partnership name" beside "Partnership / Arrangement", which
    # may hold the kind) comes first
    titles = [c for c in columns if c.key == ("title",)]
    named = [c for c in titles if {"name", "title"} & set(normal(c.header).split())]
    if named and len(titles) > 1:
        columns = sorted(columns, key=lambda c: c.key == ("title",) and c not in named)
    seen: dict[tuple[Key, int | None], Column] = {}
    for i, column in enumerate(columns):
        if column.key is None or column.key == NOTES:
            continue
        first = seen.setdefault((column.key, column.number), column)
        if first is not column and column.key != MONEY and column.key not in LISTS:
            why = f"{first.label} comes from column {first.letter}"
            columns[i] = replace(column, key=None, number=None, why=why)
    columns.sort(key=lambda c: c.index)
    return Mapping(columns, assume_active=not any(c.key == ("status",) for c in columns))


def field_at(key: Key) -> tuple[Any, Any] | None:
    """The annotation of the field at ``key`` and the type inside it, or ``None`` where ``key`` is
    no field, or passes through a list of records (which the importer fills only as SYNONYMS says)."""
    model: Any = Arrangement
    annotation: Any = None
    for depth, part in enumerate(key):
        fields = getattr(model, "model_fields", None)
        if fields is None or part not in fields:
            return None
        annotation = fields[part].annotation
        model = inner_model(annotation)
        if "list[" in str(annotation) and depth < len(key) - 1:
            return None
    return annotation, model


@functools.cache
def is_date_field(key: Key) -> bool:
    """Whether ``key`` is a field that holds one date (``start``, ``agreement.date``, ``last_verified``)."""
    found = field_at(key)
    return found is not None and found[1] is PartialDate


def can_map(path: str) -> bool:
    """Whether ``--map HEADER=path`` names somewhere a cell can go: a field that holds one value
    or a list of text (``lead.role``, ``objectives``), a list the importer fills from text
    (``partners``, ``outcomes.measure``), or ``notes``."""
    if path in ("notes", "internal.notes"):
        return True
    key = tuple(path.split("."))
    if key in SYNONYMS:
        return True
    found = None if key[0] == "internal" else field_at(key)
    return found is not None and not hasattr(found[1], "model_fields")


def header_score(cells: Sequence[Any], given: dict[str, str] | None = None) -> int:
    """How well a row names columns partreg knows: 0 unless it names at least two fields, one of
    them a title, kind, partners or lead officer, or it is a lone title over a list of names;
    more for each field it names, and :data:`TITLED` more when one is the title."""
    said = [c for c in cells if isinstance(c, str) and c.strip()]
    chosen = {normal(h): tuple(p.split(".")) for h, p in (given or {}).items()}
    keys = {chosen.get(normal(c)) or _key_for(c)[0] for c in said}
    keys.discard(None)
    titled = TITLED if ("title",) in keys else 0
    if len(said) == 1 and len([c for c in cells if c not in (None, "")]) == 1:
        return 1 + titled if keys == {("title",)} else 0
    if len(keys) >= 2 and keys & {("title",), ("kind",), ("partners",), ("lead", "role")}:
        return len(keys) + 1 + titled
    return 0
