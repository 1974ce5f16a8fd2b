"""What a cell may put in a text field: not what reads as a person's (a name where a role belongs, an
email address, a phone number) in a field the register publishes, nor a placeholder that stands
for a value (``TBC``, ``Various``, ``See attached list``). Either is kept in the entry's internal
notes instead, and said at its cell; the rest of the cell, where there is a rest, is the value.

What is published is what :func:`partreg.export.is_published` says, with the council's settings;
what reads as a person's is what lint's ``personal-data`` and ``role-looks-like-a-name`` find
(:mod:`partreg.names`).
"""

from __future__ import annotations

from partreg.export import CONTACT_FIELDS, is_published
from partreg.importer.draft import Draft, Finding
from partreg.importer.headers import Column, field_at
from partreg.importer.synonyms import LISTS, MONEY, NEXT_REVIEW, NOTES, NUMBERED, REVIEW_OUTCOME, Key
from partreg.importer.values import quoted
from partreg.models import Settings
from partreg.names import bare_name, contact_details, without_person
from partreg.problems import dotted
from partreg.readers import BLANK, is_placeholder, split_list, split_names, unjoined

#: Fields for a role: a person's name there is a person's, not the role's.
ROLES: set[Key] = {("lead", "role"), ("lead", "service"), ("representatives", "role")}
#: The fields of an officer's role, where words that name no office are a person's name (``Raj Patel``).
OFFICERS: set[Key] = {("lead", "role"), ("representatives", "role")}
#: A decision's fields, which councils' sheets fill with who decided ("Decision", "Approved by",
#: "Decision maker"): a body or an office ("Cabinet", "Chief Executive (delegated)"), read as a
#: role is. A councillor's name is a person's there too, as in the lead's role; their office
#: ("Cabinet Member for Housing") is kept. Lint's ``role-looks-like-a-name`` reads both so too.
DECIDED: set[Key] = {("decisions", "body"), ("decisions", "summary")}
#: Fields of one line where a name or a contact is set beside what belongs there ("Joe Bloggs,
#: Head of Housing", "Cllr Patel (07700 900123)"): the rest is kept. Elsewhere the whole cell is.
PARTED: set[Key] = {*ROLES, *DECIDED, ("lead", "member")}
#: What to record in a field whose cell held only a person's details.
EXAMPLES: dict[Key, str] = {
    ("lead", "role"): "'Community Safety Manager'",
    ("decisions", "body"): "'Cabinet' or 'Chief Executive (delegated)'",
}


def fields_of(key: Key) -> list[Key]:
    """The fields a column's cells may go to: a money column's three, by the row's kind."""
    if key in (NOTES, NEXT_REVIEW):
        return []
    if key == MONEY:
        return [("contract", "value_gbp"), ("funding", "amount_gbp"), ("resources", "council", "funding_gbp")]
    return [("review", "history")] if key == REVIEW_OUTCOME else [key]


def published(key: Key, settings: Settings | None) -> bool:
    """Whether the field a column fills is published, with the council's settings (a money
    column's, where any of its fields is)."""
    return any(is_published(found, settings) for found in fields_of(key))


def is_text(key: Key) -> bool:
    """Whether a cell goes into ``key`` as its text (a title, a role, a partner's name, a web
    address), not read as a date, an amount, yes or no, or a word from a list."""
    if key in LISTS or key[0] in NUMBERED or key == ("links",):
        return True
    if key[0] == "decisions":
        return key[1] in ("summary", "reference", "body")
    found = field_at(key)
    return found is not None and found[1] is str


def judged(text: str, key: Key, settings: Settings | None) -> tuple[str, str]:
    """What of ``text`` the field ``key`` may hold, and why the rest may not (``""`` where all
    may): what reads as a person's may not be in a published field, and a placeholder in none."""
    field = dotted(key)
    contact = key[0] == "lead" and key[-1] in CONTACT_FIELDS  # the register's own field for it
    value, why = text, ""
    if not contact and published(key, settings):
        if key in PARTED:
            left, taken = without_person(text, names=key in ROLES or key in DECIDED)
        else:
            taken = contact_details(text)
            left = "" if taken else text
        if taken:
            whole = text.strip()
            said = "; ".join(
                f"{'it' if part.strip() == whole else quoted(part)} reads as {what}" for part, what in taken
            )
            value = left.strip()
            why = f"{said}, not published" if value else f"{said}, and {field} is published"
    if value and is_placeholder(value) and not (key in LISTS and len(_items(key, value)) > 1):
        # "TBC", or "Joe Bloggs, TBC": no value is left (in a list, "TBC; Essex Police", each item is
        # judged as the list is read: `listed`)
        why = f"{why}; {quoted(value)} is a placeholder, not a value" if why else "a placeholder, not a value"
        value = ""
    return value, why


def public_text(
    draft: Draft, column: Column, text: str, row: int, settings: Settings | None, key: Key | None = None
) -> str:
    """``text`` as the field ``key`` (the column's) may hold it (:func:`judged`), or ``""``; what
    it may not hold is kept, with the whole cell, in the internal notes, and said at the cell."""
    key = key or column.key
    assert key is not None
    value, why = judged(text, key, settings)
    if why and value:
        draft.keep(column, text, row=row, read_as=f"{dotted(key)} {quoted(value)} ({why})")
    elif why:
        such = f" (such as {EXAMPLES[key]})" if key in EXAMPLES else ""
        draft.keep(column, text, f"{why}: {dotted(key)}{such} is left for you to record", row)
    elif key in OFFICERS and value and bare_name(value.strip()):  # ("Wei Zhang"; or "Harbour Master")
        draft.findings.append(
            Finding(
                row,
                column,
                f"{quoted(value.strip())} names no office or service, and may be a person's name, which "
                f"{dotted(key)} publishes: if it is, record the role instead (lint warns of it until then)",
            )
        )
    return value


def _items(key: Key, text: str) -> list[str]:
    """A list cell's items, as the list is read: partners' names at commas too ("TBC, Essex Police")."""
    return split_names(text, stands_for)[0] if key == ("partners",) else split_list(text)


def stands_for(item: str) -> bool:
    """Whether a list's item stands for an item rather than being one ("TBC", "N/A", "Various")."""
    return is_placeholder(item) or item.strip().lower() in BLANK


def listed(draft: Draft, column: Column, text: str, items: list[str], row: int) -> list[str]:
    """A list cell's items without those that stand for an item ("Various", "TBC", "N/A" among
    names): kept with the whole cell in the notes, and said. A line that ends or starts with "and"
    is said too: each line is an item, the "and" left out, unless an item was broken over two lines."""
    joined = next(
        (
            line.strip()
            for line in text.splitlines()
            if unjoined(line).rstrip(",") != line.strip().rstrip(",")
        ),
        None,
    )
    if joined is not None and "\n" in text.strip():
        starts = joined.partition(" ")[0].lower() in ("and", "&")
        said = (
            f"{quoted(joined)} {'starts' if starts else 'ends'} with 'and': each line is "
            "read as one item, without it; if an item goes on over two lines, join them"
        )
        draft.findings.append(Finding(row, column, said))
    gone = [item for item in items if stands_for(item)]
    if not gone:
        return items
    kept = [item for item in items if item not in gone]
    field = dotted(column.key or ())
    said = f"{', '.join(quoted(item) for item in gone)}: {'a placeholder' if len(gone) == 1 else 'placeholders'}, not {field}"
    if kept:
        draft.keep(column, text, row=row, read_as=f"{field} {', '.join(quoted(k) for k in kept)} ({said})")
    else:
        draft.keep(column, text, f"{said}: {field} is left for you to record", row)
    return kept
