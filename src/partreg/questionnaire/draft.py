"""A new entry's draft: its id proposed from its title, its fields from the answers, in the format's order.

What ``add`` writes, and ``import`` and ``init`` start from: plain data (no
YAML here), keyed and ordered as the models declare the format.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from partreg.models import RESERVED_NAMES, Arrangement, Kind, inner_model
from partreg.readers import representative, slug

#: What a contract's value covers, as the officer answers: the field it goes in, and how it reads.
VALUE_COVERS = {
    "year": ("annual_value_gbp", "a year"),
    "whole": ("whole_life_value_gbp", "the whole contract"),
    "?": ("value_gbp", "not known (a year or the whole contract)"),
}


def propose_id(title: str, words: Callable[[str], str] = slug, *, of: str = "arrangement") -> str:
    """An id from a title: ``Brentwood Community Fund (2025)`` -> ``brentwood-community-fund-2025``,
    ``Café Forum`` -> ``cafe-forum``. With ``words`` :func:`~partreg.readers.ascii_slug`, the id
    partreg proposed before it read accented letters (``caf-forum``), to recognise a file made so.
    A title too short for an id, or a name Windows keeps, is followed by what it is the id ``of``:
    ``CSP`` is ``csp``, ``A`` ``a-arrangement`` (a priority ``A``: ``a-priority``)."""
    proposed = words(title)
    if len(proposed) > 64:
        proposed = proposed[:64].rsplit("-", 1)[0]
    if proposed in RESERVED_NAMES or len(proposed) < 3:
        proposed = f"{proposed}-{of}".strip("-")
    return proposed


def free_id(proposed: str, taken: Callable[[str], bool]) -> str:
    """``proposed``, or with the first number that makes it unused: ``-2``, ``-3``..."""
    n, found = 1, proposed
    while taken(found):
        n += 1
        found = f"{proposed}-{n}"
    return found


def entry_from(a: dict[str, Any], today: dt.date, notes: list[str] | None = None) -> dict[str, Any]:
    """The entry the answers ``a`` make (by the key of each question that applies), as plain data in
    the format's key order; ``today`` is when every fact was given. ``notes`` are lines for the
    internal notes: answers as typed, where words beside a value were left out of it."""
    facts, kind = a["kind"]
    draft: dict[str, Any] = {
        "id": a["id"],
        "title": a["title"],
        "kind": kind.value,
        "status": a["status"],
    }
    if a.get("summary"):
        draft["summary"] = a["summary"]
    lead = {k: a[k] for k in ("role", "service", "member") if a.get(k)}
    if lead:
        draft["lead"] = lead
    if a.get("priorities"):
        draft["priorities"] = a["priorities"]
    if a.get("partners"):  # none known yet: left out, a gap lint names
        draft["partners"] = a["partners"]
    if a.get("form"):
        draft["form"] = a["form"]
    if a.get("representatives"):
        draft["representatives"] = [representative(name) for name in a["representatives"]]
    # an answer not known is left out, never written as "?" or "not known": lint reports the gap
    if kind is Kind.CONTRACT:
        contract = _known({"reference": a.get("reference")})
        if a.get("value") is not None:
            covers = "year" if a["value"].yearly else a.get("value_covers") or "?"
            contract[VALUE_COVERS[covers][0]] = a["value"].value
        contract.update(
            _known(
                {
                    k: a.get(k)
                    for k in ("procurement_route", "supplier_registration", "supplier_sme", "supplier_vcse")
                }
            )
        )
        if contract:
            draft["contract"] = contract
    elif kind is Kind.COMMUNITY_FUNDING:
        funding = _known(
            {
                "amount_gbp": _value(a.get("amount")),
                "period_start": a.get("period_start"),
                "period_end": a.get("period_end"),
                "actions": a.get("actions"),
                "award_date": a.get("award_date"),
            }
        )
        if a.get("recipient_registration"):
            number = a["recipient_registration"]
            funding["recipient_registration"] = number
            if org_id := org_id_of(number):
                funding["recipient_org_id"] = org_id
        if funding:
            draft["funding"] = funding
    elif kind is Kind.PARTNERSHIP:
        if a.get("statutory") is not None:
            draft["statutory"] = a["statutory"] is not False
        if isinstance(a.get("statutory"), str):
            draft["statutory_basis"] = a["statutory"]
        draft.update(_known({"objectives": a.get("objectives"), "outcomes": a.get("outcomes")}))
        council = _known({"funding_gbp": _value(a.get("council_funding")), "staff": a.get("staff")})
        resources = _known({"council": council, "partners": a.get("partners_commit")})
        draft.update(
            _known({"resources": resources, "added_value": a.get("added_value"), "risks": a.get("risks")})
        )
    known = {k: v for k, v in facts.items() if v is not None}
    if known:
        draft["characteristics"] = known
    draft.update(_known({"start": a.get("start"), "end": a.get("end")}))
    draft["last_verified"] = today  # every fact was given just now
    review: dict[str, Any] = {}
    if kind is Kind.PARTNERSHIP and a.get("months") is not None:
        review["months"] = a["months"]
    if a.get("last_review"):
        review["history"] = [a["last_review"]]
    if review:
        draft["review"] = review
    if notes:
        draft["internal"] = {"notes": "\n".join(notes)}
    ordered: dict[str, Any] = canonical(draft)
    return ordered


def _value(amount: Any) -> Any:
    """The pounds an amount answered gives (:class:`partreg.questionnaire.answers.Amount`)."""
    return None if amount is None else amount.value


def _known(values: dict[str, Any]) -> dict[str, Any]:
    """``values`` without those not known: ``None``, and an empty list or mapping."""
    return {k: v for k, v in values.items() if v is not None and v != [] and v != {}}


def org_id_of(number: str) -> str | None:
    """The org-id of a registration number where its form says which register it is in: a charity
    in England and Wales (6 or 7 digits, ``GB-CHC-``) or a company (8 digits, or two letters and 6,
    ``GB-COH-``); ``None`` where it does not."""
    n = "".join(number.split()).upper()
    if re.fullmatch(r"\d{6,7}", n):
        return f"GB-CHC-{n}"
    if re.fullmatch(
        r"(?:\d{8}|(?:OC|NI|SO|FC|IP|RS)\d{6})", n
    ):  # SC and 6 digits: a Scottish charity or company
        return f"GB-COH-{n}"
    return None


def canonical(data: Any, model: Any = Arrangement) -> Any:
    """``data`` with its keys in the format's order (the models' field order), recursively."""
    if isinstance(data, dict) and model is not None and hasattr(model, "model_fields"):
        fields = model.model_fields
        ordered = {k: data[k] for k in fields if k in data}
        ordered.update({k: v for k, v in data.items() if k not in ordered})
        return {
            k: canonical(v, inner_model(fields[k].annotation) if k in fields else None)
            for k, v in ordered.items()
        }
    if isinstance(data, list):
        return [canonical(v, model) for v in data]
    return data
