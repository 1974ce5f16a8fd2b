"""What to write where a list or a mapping is written as a word for "no value" (``partners: N/A``,
``risks: none``, ``- TBC``, ``resources: TBC``): it records no item, not one called N/A. The fix is
the list (or mapping) written with its values; and, where the entry's kind does not need it, the
line removed (a gap is fine).
"""

from __future__ import annotations

from partreg.dateadvice import history_as_text
from partreg.models import shown
from partreg.problems import Key
from partreg.readers import NOTHING, not_known


def records_nothing(text: str) -> bool:
    """``text`` is a word for "no value" (``N/A``, ``-``, ``none``, ``TBC``, ``dunno``), never a
    value or an item."""
    return " ".join(text.lower().split()) in NOTHING or not_known(text)


#: What a list that ``N/A`` stands in for would hold, by the list's key (or its key in the entry,
#: where two lists share a name): its item in words; the list as it is written, with ``...`` for
#: what the officer fills in; what goes there; and, where a kind needs the list (``"*"``: every
#: kind), the kind and why.
_LISTS: dict[str, tuple[str, str, str, tuple[str, str] | None]] = {
    "partners": (
        "partner",
        "[{name: ...}]",
        "the body's name",
        ("*", "an arrangement is made with at least one other body"),
    ),
    "outcomes": (
        "outcome",
        "[{description: ..., measure: ..., target: ...}]",
        "what the outcome is, how it is measured and its target",
        ("partnership", "a partnership must agree clear measurable outcomes"),
    ),
    "risks": (
        "risk",
        "[{description: ..., mitigation: ...}]",
        "the risk and how it is managed",
        ("partnership", "a partnership must agree its risks"),
    ),
    "objectives": (
        "objective",
        "[...]",
        "the objectives",
        ("partnership", "a partnership must agree a shared strategic vision or objectives"),
    ),
    "priorities": (
        "corporate priority",
        "[...]",
        "the ids (as partreg.yaml lists them) of the priorities it serves",
        ("partnership", "a partnership names the corporate priorities it serves"),
    ),
    "funding.actions": (
        "action",
        "[...]",
        "the actions agreed in return for the funding",
        ("community-funding", "community funding is given in return for an agreed set of actions"),
    ),
    "links": ("link", "[{title: ..., url: ...}]", "the link's title and address", None),
    "decisions": (
        "decision",
        "[{date: YYYY-MM-DD, body: ..., summary: ...}]",
        "the day it was decided for YYYY-MM-DD, the body that decided and what it decided",
        None,
    ),
    "representatives": (
        "representative",
        "[{member: ...}]",
        "the councillor (or role: and an officer's role)",
        None,
    ),
    "contributions": (
        "contribution",
        "[{year: 2024/25, by: ..., cash_gbp: ...}]",
        "who gave it and how much that financial year",
        None,
    ),
    "replaces": ("entry it replaces", "[...]", "the ids of the entries it replaces", None),
    "replaced_by": ("entry that replaces it", "[...]", "the ids of the entries that replace it", None),
    "awards": (
        "award",
        "[{recipient: ..., amount_gbp: ..., award_date: YYYY-MM-DD}]",
        "the award's recipient, its amount and, for YYYY-MM-DD, the day it was awarded",
        None,
    ),
    "extensions": ("extension", "[{years: ...}]", "the extension's length in years", None),
    "actions": ("action", "[{description: ...}]", "the action agreed at the review", None),
    "history": (
        "review",
        "[{date: YYYY-MM-DD, outcome: ...}]",
        "the day it was held for YYYY-MM-DD and its outcome (continue, amend or exit)",
        None,
    ),
}


def item_noun(name: str) -> str:
    """An item of the list ``name`` in words: ``partner``, ``risk``; ``item`` for a list not known here."""
    return _LISTS[name][0] if name in _LISTS else "item"


def none_recorded(name: str, text: str | None, key: Key = (), kind: object = None) -> str:
    """What to write where a list (``name``, at ``key`` in an entry of ``kind``) is written as a
    word for "no value" (``text``), or as nothing (``None``: ``partners:`` with no item under it):
    ``partners: N/A`` records no partner, not one called N/A. Where the kind needs the list,
    removing the line would be a problem of its own, so it is not offered."""
    if name == "history" and text is not None:  # `N/A` is no review held, not a review on 'N/A'
        return history_as_text(text)
    noun, written, fill, needed = _LISTS.get(".".join(map(str, key))) or _LISTS.get(
        name, ("item", "[...]", "the items", None)
    )
    each = f" (one {{...}} for each {noun})" if written.startswith("[{") else ", separated by commas"
    # in brackets a comma ends a value: "Department for Levelling Up, Housing and Communities" is two
    quote = "; a value with a comma in it goes in quotes, 'like, this'"
    write = f"write {name}: {written} with {fill} in place of ...{each}{quote}"
    said = "it" if text is None else shown(text)
    if needed is not None and needed[0] in ("*", kind):
        return f"{said} records no {noun}, and {needed[1]}: {write}"
    return f"{said} records no {noun}: remove the line where there is none (a gap is fine), or {write}"


#: The fields of an entry that are mappings, where one is written as a word for "no value": what it
#: records in words; the mapping as it is written, with ``...`` for what the officer fills in; what
#: goes where; and, where a kind needs it, the kind and why.
_MAPPINGS: dict[str, tuple[str, str, str, tuple[str, str] | None]] = {
    "agreement": (
        "agreement",
        "{type: ..., reference: ...}",
        "with its type (partnership-agreement, memorandum-of-understanding, terms-of-reference, contract or "
        "funding-agreement) and its reference in place of ...",
        None,
    ),
    "resources.council": (
        "council resources",
        "{funding_gbp: ..., staff: ...}",
        "with the council's money a year and its staff time in place of ...",
        ("partnership", "a partnership must agree the resources committed"),
    ),
    "resources": (
        "resources",
        "{council: {funding_gbp: ..., staff: ...}, partners: ...}",
        "with the council's money a year, its staff time and what the partners commit in place of ...",
        ("partnership", "a partnership must agree its resource availability and requirements"),
    ),
    "review": (
        "review timescale",
        "{months: 12}",
        "for a review every 12 months (another number where it is reviewed more or less often)",
        ("partnership", "a partnership must agree timescales for its review or life"),
    ),
    "contract": (
        "contract",
        "{reference: ..., value_gbp: ...}",
        "with the contract's reference and its value in pounds in place of ...",
        ("contract", "a contract needs its reference and value"),
    ),
    "funding": (
        "funding",
        "{amount_gbp: ..., period_start: YYYY-MM-DD, period_end: YYYY-MM-DD, actions: [...]}",
        "with the amount in pounds and the actions agreed in return in place of ..., and the days the funded "
        "period begins and ends in place of YYYY-MM-DD",
        (
            "community-funding",
            "community funding is given for a fixed period in return for an agreed set of actions",
        ),
    ),
    "characteristics": ("fact", "", "", None),  # (no fact is known: there is nothing to write instead)
    "reporting": (
        "reporting",
        "{committee: ..., months: ...}",
        "with the committee it reports to and how often, in months, in place of ...",
        None,
    ),
}

#: The words for "there is none" (not "not known yet"): an agreement that is none is `type: none`.
_NONE = {"none", "no", "n/a", "na", "n.a.", "not applicable", "nil", "no agreement"}


def mapping_none_recorded(name: str, text: str, kind: object = None, key: Key = ()) -> str | None:
    """What to write where the field ``name`` (at ``key`` in the entry, where it is not the entry's
    own: ``resources.council``), a mapping, is written as a word for "no value" (``text``), in an
    entry of ``kind``; ``None`` for a field not known here. Where the kind needs the field,
    removing the line would be a problem of its own, so it is not offered."""
    words = " ".join(text.lower().split())
    if name == "agreement" and len(key) <= 1 and words in _NONE:
        return f"{shown(text)} records no agreement: where there is no formal agreement, write agreement: {{type: none}}"
    where = ".".join(map(str, key)) if len(key) > 1 else name
    if where not in _MAPPINGS or not records_nothing(text):
        return None
    said = shown(text)
    noun, written, fill, needed = _MAPPINGS[where]
    if not written:
        return f"{said} records no {noun}: remove the line (a gap is fine)"
    write = f"write {name}: {written} {fill}"
    if needed is not None and needed[0] == kind:
        return f"{said} records no {noun}, and {needed[1]}: {write}"
    return f"{said} records no {noun}: remove the line where there is none (a gap is fine), or {write}"
