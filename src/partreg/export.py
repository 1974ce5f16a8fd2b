"""Plain records built from the models, for tables, CSV and JSON.

What is public is decided here, once: ``internal``, any field the settings
mark internal, and officers' contact details never reach a public record.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from partreg.models import Arrangement, Kind, Settings, Status, total_pounds, without_unshown
from partreg.review import DueItem, State, exit_decided, last_review, went_on_after_end
from partreg.significance import Assessment, assess

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
    "next_review",
    "money_gbp",
    "money_is",
    "last_review",
    "reviewed_after_end",
    "exit_decided",
)
CONTACT_FIELDS = frozenset({"email", "phone"})


def spreadsheet_safe(value: Any) -> Any:
    """A text cell as a CSV file may hold it; every CSV partreg writes passes its cells through here.

    One that a spreadsheet would run as a formula (``=HYPERLINK(...)``, ``+cmd|...``, ``@SUM(...)``,
    or one opening with a tab or carriage return) gets a leading apostrophe, as OWASP recommends,
    and so does such a formula after a ``;`` or ``,`` within it (``a;=2+3``), which a spreadsheet
    set to split on that would see as a cell of its own; control characters are left out
    (:func:`partreg.models.without_unshown`).
    """
    if not isinstance(value, str):
        return value  # a number stays a number (a negative one included)
    if value[:1] in FORMULA_FIRST:
        value = "'" + value
    if ";" in value or "," in value:  # a spreadsheet that splits on either sees each piece as a cell
        value = _AFTER_SEPARATOR.sub(r"\1'\2", value)
    if "\r" in value:  # a carriage return alone would overwrite the line it is printed on
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return without_unshown(value)


#: What starts a formula in a spreadsheet's cell.
FORMULA_FIRST = ("=", "+", "-", "@", "\t", "\r")
_AFTER_SEPARATOR = re.compile(r"([;,][ ]*)([=+\-@\t\r])")


def csv_writer(out: TextIO, lineterminator: str = "\r\n") -> Any:
    """The CSV writer for every CSV partreg writes: each cell quoted, so that a spreadsheet set to
    read ``;`` or tab as the separator (as in much of Europe) still sees one cell for each."""
    return csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator=lineterminator)


#: How :func:`council_money` qualifies a contract's value a year, and its whole life's.
A_YEAR = " a year"
WHOLE_LIFE = " whole life"


def whole_numbers(value: Any) -> Any:
    """``value`` with every whole float an int, at any depth: open data writes ``25000``, not ``25000.0``."""
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, dict):
        return {k: whole_numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [whole_numbers(v) for v in value]
    return value


def council_money(entry: Arrangement) -> tuple[float | None, str, str]:
    """What the council puts in, by the entry's kind: the amount, where it comes from (``contract``,
    ``funding``, ``council`` or ``contributions``), and what qualifies it (`` a year``, `` whole
    life``, `` in 2024/25``, or nothing). A contract's value a year comes before one that does not
    say which, and that before its whole-life value."""
    e = entry
    if e.kind is Kind.CONTRACT and e.contract:
        c = e.contract
        for value, said in (
            (c.annual_value_gbp, A_YEAR),
            (c.value_gbp, ""),
            (c.whole_life_value_gbp, WHOLE_LIFE),
        ):
            if value is not None:
                return value, "contract", said
        return None, "", ""
    if e.kind is Kind.COMMUNITY_FUNDING and e.funding:
        return e.funding.amount_gbp, "funding", ""
    if e.resources and e.resources.council and e.resources.council.funding_gbp is not None:
        return e.resources.council.funding_gbp, "council", ""
    if e.contributions:  # format 1.1: the council's money in the latest year recorded
        year, latest = latest_contributions(e)
        parts = [latest.get(k) for k in ("cash", "in_kind", "loan")]
        if any(p is not None for p in parts):
            return total_pounds(p or 0 for p in parts), "contributions", f" in {year}"
    return None, "", ""


def latest_contributions(e: Arrangement) -> tuple[str | None, dict[str, float | None]]:
    """The latest financial year with contributions, and the council's cash, in kind and loans that
    year and the partners' total (``None`` where not recorded)."""
    years = sorted({c.year for c in e.contributions if c.year})
    if not years:
        return None, {}
    year = years[-1]
    council = [c for c in e.contributions if c.year == year and (c.by or "").casefold() == "council"]
    partners = [c for c in e.contributions if c.year == year and c.by and c.by.casefold() != "council"]

    def total(items: list[Any], *names: str) -> float | None:
        values = [getattr(c, n) for c in items for n in names if getattr(c, n) is not None]
        return total_pounds(values) if values else None

    return year, {
        "cash": total(council, "cash_gbp"),
        "in_kind": total(council, "in_kind_gbp"),
        "loan": total(council, "loan_gbp"),
        "partners": total(partners, "cash_gbp", "in_kind_gbp", "loan_gbp"),
    }


#: How a listing names each source of :func:`council_money`.
MONEY_SOURCES = {
    "contract": "contract value",
    "funding": "funding",
    "council": "council funding a year",
    "contributions": "council's contributions",
}


def summary_record(
    entry: Arrangement, next_review: str | None = None, *, reviewed_after_end: bool = False
) -> dict[str, Any]:
    """The few facts a listing shows; nothing internal. What is not recorded is ``None``.
    ``next_review``: as precisely as it is known (``review.known_iso``: ``2026-12``, ``2026-06-30``).
    ``reviewed_after_end``: its end has passed, but a review after it went on (as ``review-due``
    says it, with ``reviewed_after_end``). ``exit_decided``: its latest review decided its exit (no
    review is due after it), and the file does not say it ended."""
    last = last_review(entry)
    decided = exit_decided(entry) if entry.status is not Status.ENDED else None
    money, source, said = council_money(entry)
    money_is = MONEY_SOURCES[source] + said if money is not None else None
    return {
        "id": entry.id,
        "title": entry.title,
        "kind": entry.kind.value if entry.kind else None,
        "status": entry.status.value if entry.status else None,
        "lead_service": entry.lead.service if entry.lead else None,
        "priorities": list(entry.priorities),
        "partners": [p.name for p in entry.partners if p.name],
        "start": entry.start.iso if entry.start else None,
        "end": entry.end.iso if entry.end else None,
        "next_review": next_review,
        "money_gbp": int(money) if isinstance(money, float) and money.is_integer() else money,
        "money_is": money_is,
        "last_review": last.iso if last else None,
        "reviewed_after_end": reviewed_after_end,
        "exit_decided": decided is not None,
    }


def full_record(entry: Arrangement, settings: Settings | None, *, internal: bool) -> dict[str, Any]:
    """Every field that is set; with ``internal=False``, only what may be published."""
    if not internal:
        return public_record(entry, settings)
    record: dict[str, Any] = entry.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    if "partners" not in record:  # the default, but a record always says who the partners are
        record["partners"] = [p.model_dump(mode="json", exclude_none=True) for p in entry.partners]
    return record


def grant_recipient(entry: Arrangement) -> str | None:
    """Whom a grant that records no awards was given to, as the Transparency Code and 360Giving
    publish it: its one partner; else the one with the role of recipient, or the one with no role (a
    partner with another role is a co-funder or a delivery partner). ``None`` where that leaves
    several, or none: a beneficiary is not guessed (one charity published as given all of a grant
    two shared)."""
    named = [p for p in entry.partners if p.name]
    for picked in (
        named,
        [p for p in named if p.role and re.search(r"(?<![\w-])recipient\b", p.role, re.IGNORECASE)],
        [p for p in named if not p.role],
    ):
        if len(picked) == 1:
            return picked[0].name
    return None


def recipient_unsure(entry: Arrangement) -> bool:
    """A grant naming several partners, none told from the others as its recipient: the Transparency
    Code's and 360Giving's beneficiary is left empty (lint asks, and an export says so)."""
    return sum(1 for p in entry.partners if p.name) > 1 and grant_recipient(entry) is None


def public_entry(entry: Arrangement, settings: Settings | None) -> Arrangement:
    """``entry`` with everything that may not be published reset: ``internal``, the fields the
    settings mark internal, and officers' contact details and risks unless the settings publish them.

    Public outputs are built from this copy only, so nothing else can reach them.
    """
    return public_entries([entry], settings)[0]


def unpublished_fields(settings: Settings | None) -> set[str]:
    """The fields of an arrangement no public output holds: ``internal``, the fields the settings
    mark internal, and ``risks`` unless the settings publish them (the lead's contact details,
    within ``lead``, are :func:`is_published`'s to say)."""
    hidden = {"internal", *(settings.internal_fields if settings else ())}
    if not (settings and settings.publish.risks):
        hidden.add("risks")
    return hidden


def reviews_published(settings: Settings | None) -> bool:
    """Whether public outputs may say anything of reviews: one held, one due, one overdue. Each is
    read from the reviews a council may keep internal; worked out from the start alone, a review
    held last month would be published as years overdue."""
    return not (settings and "review" in settings.internal_fields)


def is_published(path: Sequence[str | int], settings: Settings | None) -> bool:
    """Whether the field at ``path`` (``("lead", "role")``) reaches public outputs, as
    :func:`public_entries` decides."""
    if not path or path[0] in unpublished_fields(settings):
        return False
    if path[0] == "lead" and len(path) > 1 and path[1] in CONTACT_FIELDS:
        return bool(settings and settings.publish.contacts)
    return True


def public_entries(entries: Iterable[Arrangement], settings: Settings | None) -> list[Arrangement]:
    """``public_entry`` for many entries, deciding once what to reset."""
    publish = settings.publish if settings else None
    hidden = unpublished_fields(settings)
    reset: dict[str, Any] = {
        name: Arrangement.model_fields[name].get_default(call_default_factory=True) for name in hidden
    }
    keep_contacts = bool(publish and publish.contacts)
    out = []
    for entry in entries:
        update = dict(reset)
        if (
            not keep_contacts
            and entry.lead
            and (entry.lead.email is not None or entry.lead.phone is not None)
        ):
            update["lead"] = entry.lead.model_copy(update=dict.fromkeys(CONTACT_FIELDS))
        copy = entry.model_copy(update=update)
        if "review" in hidden and went_on_after_end(entry):  # (said without the review)
            copy = went_on_class().model_construct(copy.model_fields_set, **copy.__dict__)
        out.append(copy)
    return out


@functools.cache
def went_on_class() -> type[Arrangement]:
    """The class of a public copy of an arrangement past its end that a review, kept internal, went
    on with: its status is published as the file has it, not as ended, and its end as passed, with
    no word of the review (``published.end_passed``). Made when first needed: making a model class
    is 4 million instructions of every lint's start-up. (Named in this module, for pickle.)"""

    class _WentOn(Arrangement):
        @property
        def went_on_unsaid(self) -> bool:
            return True

    _WentOn.__qualname__ = "_WentOn"
    globals()["_WentOn"] = _WentOn
    return _WentOn


def public_record(entry: Arrangement, settings: Settings | None) -> dict[str, Any]:
    """The public fields of ``entry`` that are set, as plain data."""
    return full_record(public_entry(entry, settings), settings, internal=True)


#: The fields the council's tests of significance read (``significance.tests_met``).
SIGNIFICANCE_READS = frozenset({"contributions", "resources", "contract", "statutory"})


def public_significance(entry: Arrangement, settings: Settings | None) -> Assessment | None:
    """The significance an output may show of ``entry`` (a public entry): ``None`` where the settings
    keep `significance` internal; the officer's level only, where the council's tests would read a
    field the settings keep internal (what they give would tell of it)."""
    hidden = set(settings.internal_fields) if settings else set()
    if "significance" in hidden:
        return None
    if hidden & SIGNIFICANCE_READS:
        return assess(entry, None)
    return assess(entry, settings)


def significance_record(
    entry: Arrangement, settings: Settings | None, *, internal: bool
) -> dict[str, Any] | None:
    """The significance ``partreg show`` adds after the entry's own fields: the level used, what the
    council's tests give and which they meet, and the officer's level and reason; ``None`` where
    there is nothing to say (or, without ``internal``, nothing that may be shown)."""
    found = (
        assess(entry, settings) if internal else public_significance(public_entry(entry, settings), settings)
    )
    if found is None or found.level is None:
        return None
    record: dict[str, Any] = {"level": found.level, "by": found.explain()}
    if found.computed is not None:
        record["council_tests"] = {"level": found.computed, "met": found.met}
    return record


# --------------------------------------------------------------------------- reviews

DUE_COLUMNS = (
    "id",
    "title",
    "kind",
    "lead_role",
    "lead_service",
    "lead_member",
    "last_review",
    "next_review",
    "end",
    "state",
    "days",
    "reviewed_after_end",
)


def public_items(items: list[DueItem], settings: Settings | None) -> list[DueItem]:
    """``items`` as an output may show them (what is due decided on the whole entry): each entry its
    :func:`public_entry`; no last review, no item dated by the end, and none for what a review
    decided, where those are internal."""
    internal = settings.internal_fields if settings else ()
    hidden = {State.ENDING, State.ENDED_NOT_CLOSED} if "end" in internal else set()
    if hide_reviews := "review" in internal:
        hidden.add(State.EXIT_NOT_CLOSED)
    items = [i for i in items if i.state not in hidden]
    return [
        dataclasses.replace(
            item,
            entry=entry,
            last_review=None if hide_reviews else item.last_review,
            reviews_withheld=hide_reviews,
        )
        for item, entry in zip(items, public_entries([i.entry for i in items], settings), strict=True)
    ]


def due_record(item: DueItem) -> dict[str, Any]:
    """One due item as a flat row (CSV) ; ``DueItem.as_dict`` is the nested JSON form."""
    d = item.as_dict()
    lead = d.pop("lead")
    return {**d, "lead_role": lead["role"], "lead_service": lead["service"], "lead_member": lead["member"]}
