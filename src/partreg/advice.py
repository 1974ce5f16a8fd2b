"""What to write instead: the fix for a mistake officers make, in plain words and exact text.

Lint finds that something is wrong; this module says what the officer meant
and what to write. Every piece of advice here is one an officer can apply as
written: the corrected line, the value in the format's own form, or the key
the format uses for what they meant. Nothing here reads files or knows
positions: it is given the text and the value and returns words.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from partreg.dateadvice import history_as_text
from partreg.listadvice import item_noun, mapping_none_recorded, none_recorded, records_nothing
from partreg.models import shown
from partreg.problems import Key
from partreg.readers import (
    FORMS,
    OUTCOMES,
    STATUSES,
    Unplaced,
    not_known,
    read_money,
    read_months,
    slug,
    split_list,
    split_names,
)

# --------------------------------------------------------------------------- keys

#: Keys officers write for a field the format names otherwise: what they mean, not how they are spelt.
MEANT_KEYS = {
    "notes": "internal",
    "note": "internal",
    "comments": "internal",
    "comment": "internal",
    "private": "internal",
    "end_date": "end",
    "enddate": "end",
    "end-date": "end",
    "finish": "end",
    "expiry": "end",
    "expires": "end",
    "start_date": "start",
    "startdate": "start",
    "start-date": "start",
    "began": "start",
    "commenced": "start",
    "description": "summary",
    "purpose": "summary",
    "aims": "objectives",
    "aim": "objectives",
    "type": "kind",
    "category": "kind",
    "name": "title",
    "partner": "partners",
    "lead_officer": "lead.role",
    "officer": "lead.role",
    "owner": "lead.role",
    "lead_member": "lead.member",
    "lead_councillor": "lead.member",
    "councillor": "lead.member",
    "lead_service": "lead.service",
    "service": "lead.service",
    "value": "value_gbp",
    "amount": "amount_gbp",
    "funding": "funding_gbp",
    "reviews": "review",
}


#: Characters that do not show, which a key pasted from Word or a web page may carry: spaces that
#: are not spaces, and the zero-width ones.
_UNSEEN = re.compile("[\u00a0\u1680\u2000-\u200f\u202f\u205f\u2060\u3000\ufeff]")


def unseen_in_key(name: str, known: list[str]) -> str | None:
    """Where ``name`` is a key of ``known`` with a character in it that does not show (`title` and
    a non-breaking space, `ki` and a zero-width space and `nd`): what to say of it, else ``None``."""
    odd = _UNSEEN.search(name)
    clean = _UNSEEN.sub("", name).strip()
    if odd is None or clean not in known:
        return None
    character = odd.group()
    where = (
        "before it"
        if not name[: odd.start()].strip()
        else "after it"
        if not name[odd.end() :].strip()
        else "in it"
    )
    return (
        f"it is `{clean}` with a {unicodedata.name(character, 'hidden character').lower()} (U+{ord(character):04X}) "
        f"{where}, which does not show: retype the key{' and its indent with spaces' if where == 'before it' else ''}"
    )


#: Keys for what format v1 works out rather than records: what to do instead.
_NEXT_REVIEW = (
    "format v1 works the next review out from the last one held and `months:` under `review:`: record the "
    "last review with `partreg review ID --date YYYY-MM-DD --outcome continue`, or set `months: 12` under "
    "`review:`; a date to keep goes in `internal: {notes: ...}`"
)
NOT_FIELDS = {"review_date": _NEXT_REVIEW, "next_review": _NEXT_REVIEW, "next_review_date": _NEXT_REVIEW}


def not_a_field(name: str, known: list[str]) -> str | None:
    """What to do with a key for what the format works out (``Review date``), where ``known`` are
    the entry's top-level keys; ``None`` for another key."""
    return NOT_FIELDS.get(_as_key(name)) if "review" in known else None


def _as_key(name: str) -> str:
    """``name`` as a key of the format, from how a spreadsheet's heading writes it: capitals, and
    spaces or hyphens between the words (``Start date`` -> ``start_date``)."""
    return "_".join(name.strip().lower().replace("-", " ").split())


def meant_key(name: str, known: list[str]) -> str | None:
    """The key of ``known`` that ``name`` means (``notes`` -> ``internal``, ``Start date`` ->
    ``start``, ``Title`` -> ``title``), where the format has one; a key under it after a dot
    (``Lead Officer`` -> ``lead.role``)."""
    plain = _as_key(name)
    if plain != name and plain in known:
        return plain
    meant = MEANT_KEYS.get(plain) or MEANT_KEYS.get(plain.replace("_", ""))
    return meant if meant is not None and meant.split(".")[0] in known else None


# --------------------------------------------------------------------------- choices

#: Words officers use for a value the format spells otherwise, by field: the words registers
#: use for a status, a review outcome or a form of body (which ``import`` reads too), and more.
MEANT_CHOICES: dict[str, dict[str, str]] = {
    "status": STATUSES,
    "outcome": OUTCOMES,
    "form": FORMS,
    "kind": {
        "grant": "community-funding",
        "grants": "community-funding",
        "funding": "community-funding",
        "community grant": "community-funding",
        "grant funding": "community-funding",
        "joint working": "joint-working",
        "shared working": "joint-working",
        "forum": "joint-working",
        "contractual": "contract",
        "commissioned": "contract",
        "contract arrangement": "contract",
        "strategic partnership": "partnership",
        "statutory partnership": "partnership",
    },
    "sector": {
        "public sector": "public",
        "private sector": "private",
        "business": "private",
        "charity": "voluntary",
        "third sector": "voluntary",
        "vcs": "voluntary",
        "vcse": "voluntary",
        "university": "academic",
    },
}


def meant_choice(field: str, value: object, choices: list[str]) -> str | None:
    """The choice ``value`` stands for: the same word in other capitals or spacing (``Joint working``),
    or a word officers use for it (``grant``, ``closed``)."""
    if not isinstance(value, str):
        return None
    said = " ".join(value.lower().replace("_", " ").split())
    for choice in choices:
        if said in (choice, choice.replace("-", " ")):
            return choice
    meant = MEANT_CHOICES.get(field, {}).get(said) or MEANT_CHOICES.get(field, {}).get(said.replace("-", " "))
    return meant if meant in choices else None


# --------------------------------------------------------------------------- values


def wrong_type(name: str, value: Any, wanted: str, key: Key = (), kind: object = None) -> str | None:
    """What to write where ``value`` is not of the type the field ``name`` takes, or ``None``.
    ``key`` says where the value is, in an entry of ``kind``."""
    text = value if isinstance(value, str) else None
    if wanted in ("a number", "a whole number", "true or false") and text is not None and not_known(text):
        # `funding_gbp: TBC`, `statutory: N/A`: what is not known is left out (`none`, for an amount, is 0)
        return (
            f"{shown(text)} stands for no value: leave the line out while it is not known or does not apply "
            "(lint then names the gap where the field is needed)"
        )
    if name.endswith("_gbp") and text is not None:
        try:
            amount, qualified = read_money(text)
        except Unplaced:
            return f"write the amount as a plain number of pounds, for example {name}: 25000"
        if qualified:  # "£25,000 pa": what the words say belongs in the notes
            return f"write {name}: {amount}, and what the amount covers in `internal: {{notes: ...}}`"
        return f"write {name}: {amount} (an amount is a plain number of pounds, without £ or commas)"
    if name == "months" and text is not None:
        try:
            return f"write months: {read_months(text)} (a whole number of months)"
        except Unplaced:
            return "write a whole number of months, for example months: 12"
    if wanted == "true or false" and text is not None:
        truth = {"yes": "true", "y": "true", "no": "false", "n": "false", "on": "true", "off": "false"}
        word = truth.get(text.strip().lower())
        if word:
            return f"write {name}: {word} (YAML 1.2 reads yes, no, on and off as text)"
        return "write true or false"
    if name == "review" and isinstance(value, int) and not isinstance(value, bool):
        return f"write review: {{months: {value}}}"
    if name == "lead" and text is not None and records_nothing(text):
        return (
            f"{shown(text)} records no lead: write lead: {{role: ..., service: ...}} with the lead officer's "
            "role (not a name) and service in place of ... (or lead: {member: ...}, the lead councillor)"
        )
    if name == "lead" and text is not None:
        return f"write lead: {{role: {_flow(text)}, service: ...}} (the lead service in place of ...)"
    if wanted == "a mapping" and text is not None and key and all(isinstance(k, str) for k in key):
        # `resources: TBC`, `agreement: none`, `resources: {council: N/A}` (a list's fixes, below, are for lists)
        return mapping_none_recorded(name, text, kind, key)
    if wanted == "a list" and (fix := bulleted(name, value)):
        return fix
    if wanted == "a list" and (value is None or (text is not None and records_nothing(text))):
        return none_recorded(name, text, key, kind)
    if wanted == "a list" and text is not None:
        return _as_list(name, text, key)
    return None


def _as_list(name: str, text: str, key: Key = ()) -> str:
    """What to write where a list is written as one line of text: an item for each of its parts
    (split as import splits a cell: at semicolons, or at commas between names), each item a
    mapping of the field the list's items need (`partners: [{name: A}, {name: B}]`)."""
    if name == "history":  # each item a review, held on a date: `N/A` is none, not a review on 'N/A'
        return history_as_text(text)
    parts = split_names(text)[0] if name == "partners" else split_list(text)
    if name == "priorities":  # ids, by commas too: `developing-our-communities, improving-housing`
        ids = [slug(p) for part in parts for p in part.split(",") if slug(p)]
        return f"write a list of priority ids: priorities: [{', '.join(ids)}]"
    # (a funding's actions are text; a review's, mappings)
    field = None if key == ("funding", "actions") else ITEM_FIELDS.get(name, (None, None))[0]
    items = [f"{{{field}: {_flow(p)}}}" if field else _flow(p) for p in parts]
    written = f"{name}: [{', '.join(items)}]"
    if len(written) > 240:  # a paragraph is not written out again: what to do is said
        return f"write {name}: as a list, one item for each" + (
            f", each a mapping with `{field}:`" if field else ""
        )
    more = _MORE_NEEDED.get(name)
    return f"write {written} (a list, {'one item for each' if len(items) > 1 else 'even of one'})" + (
        f"; each {more[0]} also needs its `{more[1]}:`" if more else ""
    )


#: Lists whose items need more than the one field a line of text gives: an item, and its field.
_MORE_NEEDED = {"links": ("link", "title")}


#: Bullets and dashes a word processor starts a list's line with (• ◦ ▪ ▫ ‣, the hyphen bullet, the
#: middle dot, the en and em dashes).
BULLETS = "\u2022\u25e6\u25aa\u25ab\u2023\u2043\u00b7\u2013\u2014"


def bulleted(name: str, value: Any) -> str | None:
    """Where the lines under a list's key start with a word processor's bullet (`• name: Essex
    Police`), which YAML reads as a mapping's key: what to write; ``None`` otherwise."""
    if not isinstance(value, dict) or not any(str(k)[:1] in BULLETS for k in value):
        return None
    bullet = next(str(k)[0] for k in value if str(k)[:1] in BULLETS)
    return (
        f"the lines under {name} start with {bullet}, a bullet from a word processor, which YAML reads as "
        "part of a key: YAML starts a list's item with - and a space: write - in its place"
    )


#: The field a list's item written as plain text stands for, by the list's key; where two are
#: likely, the second is for text that is not shaped as the first (a date, an address, a councillor).
ITEM_FIELDS: dict[str, tuple[str, str | None]] = {
    "partners": ("name", None),
    "outcomes": ("description", None),
    "risks": ("description", None),
    "actions": ("description", None),
    "awards": ("recipient", None),
    "contributions": ("by", None),
    "links": ("url", "title"),
    "decisions": ("date", "summary"),
    "history": ("date", "notes"),
    "representatives": ("member", "role"),
}
_SHAPED = {
    "url": re.compile(r"https?://\S+"),
    "date": re.compile(r"\d{4}(?:-\d{2}){0,2}"),
    "member": re.compile(r"(?:cllr|councillor)\b.*", re.IGNORECASE),
}


def item_as_mapping(
    list_name: str, value: Any, where: str, items: Any = None, kind: object = None
) -> str | None:
    """What to write where an item of the list ``list_name`` (at ``where``, as a message names it;
    the list's ``items``, in an entry of ``kind``) is plain text (``- NHS Wessex ICB``) and the
    format takes a mapping of the item's fields (``- name: NHS Wessex ICB``), or ``None``."""
    if isinstance(value, dict | list) or value is None or list_name not in ITEM_FIELDS:
        return None
    text = str(value).strip()
    if records_nothing(text):  # `- N/A`: no item; and where no item is more than that, no list
        if isinstance(items, list) and all(isinstance(i, str) and records_nothing(i) for i in items):
            return none_recorded(list_name, text, kind=kind)
        return f"{shown(text)} is no {item_noun(list_name)}: remove this item"
    first, otherwise = ITEM_FIELDS[list_name]
    shape = _SHAPED.get(first)
    field = first if otherwise is None or (shape is not None and shape.fullmatch(text)) else otherwise
    if len(text) > 120 or "\n" in text:  # a paragraph is not written out again: where it goes is said
        return f"write - {field}: and the text after it (each item of {where} is a mapping of its fields)"
    return f"write - {field}: {_block(text)} (each item of {where} is a mapping of its fields)"


def _block(text: str) -> str:
    """``text`` as a value after ``key: `` in block style: as it is where YAML reads it as that text,
    else in quotes."""
    plain = (
        re.fullmatch(r"[A-Za-z0-9(][^\n]*", text)
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and not re.fullmatch(
            r"[-+]?(?:\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+)", text, re.IGNORECASE
        )
        and text.lower() not in ("true", "false", "null", "~")
    )
    return text if plain else single_quoted(text)


def _flow(text: str) -> str:
    """``text`` as a value inside ``[...]`` or ``{...}``: quoted where a comma or colon would split it."""
    plain = re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 .'&()/-]*", text.strip())
    return text.strip() if plain else '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def single_quoted(value: str) -> str:
    """``value`` in single quotes, the YAML quoting in which nothing is an escape (``S:\\new`` stays
    as written); a quote inside is written twice."""
    return "'" + value.replace("'", "''") + "'"
