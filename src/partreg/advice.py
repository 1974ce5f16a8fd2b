"""What to write instead: the fix for a mistake officers make, in plain words and exact text.

Lint finds that something is wrong; this module says what the officer meant
and what to write. Every piece of advice here is one an officer can apply as
written: the corrected line, the value in the format's own form, or the key
the format uses for what they meant. Nothing here reads files or knows
positions: it is given the text and the value and returns words.
"""

from __future__ import annotations

import re
from typing import Any

from partreg.models import shown, uk_date
from partreg.readers import FORMS, NO_END, OUTCOMES, STATUSES, Unplaced, read_money, read_months, slug

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
    "lead_officer": "lead",
    "officer": "lead",
    "owner": "lead",
    "value": "value_gbp",
    "amount": "amount_gbp",
    "funding": "funding_gbp",
    "next_review": "review",
    "review_date": "review",
    "reviews": "review",
}


def meant_key(name: str, known: list[str]) -> str | None:
    """The key of ``known`` that ``name`` means (``notes`` -> ``internal``), where the format has one."""
    meant = MEANT_KEYS.get(name.lower())
    return meant if meant in known else None


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


def wrong_type(name: str, value: Any, wanted: str) -> str | None:
    """What to write where ``value`` is not of the type the field ``name`` takes, or ``None``."""
    text = value if isinstance(value, str) else None
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
    if name == "lead" and text is not None:
        return f"write lead: {{role: {_flow(text)}, service: ...}} (the lead service in place of ...)"
    if name == "partners" and text is not None:
        return f"write partners: [{{name: {_flow(text)}}}] (a list: one `- name:` for each partner)"
    if name == "priorities" and text is not None:
        return f"write a list of priority ids: priorities: [{slug(text)}]"
    if wanted == "a list" and text is not None:
        return f"write a list: {name}: [{_flow(text)}]"
    return None


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


def item_as_mapping(list_name: str, value: Any, where: str) -> str | None:
    """What to write where an item of the list ``list_name`` (at ``where``, as a message names it)
    is plain text (``- NHS Wessex ICB``) and the format takes a mapping of the item's fields
    (``- name: NHS Wessex ICB``), or ``None``."""
    if isinstance(value, dict | list) or value is None or list_name not in ITEM_FIELDS:
        return None
    text = str(value).strip()
    first, otherwise = ITEM_FIELDS[list_name]
    shape = _SHAPED.get(first)
    field = first if otherwise is None or (shape is not None and shape.fullmatch(text)) else otherwise
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
    return text if plain else _quoted(text)


def _flow(text: str) -> str:
    """``text`` as a value inside ``[...]`` or ``{...}``: quoted where a comma or colon would split it."""
    plain = re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 .'&()/-]*", text.strip())
    return text.strip() if plain else '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def no_end(name: str, value: object) -> str | None:
    """``end: ongoing``: an arrangement with no end date has no ``end``."""
    if name in ("end", "period_end") and isinstance(value, str) and value.strip().lower() in NO_END:
        return (
            f"{shown(value)} is not a date: an arrangement with no end date has no `{name}`; remove the line"
        )
    return None


def date_written_the_uk_way(value: object) -> str | None:
    """``31/03/2024`` -> ``write 2024-03-31 ...``; for one that reads either way, the question."""
    if not isinstance(value, str):
        return None
    said = uk_date(value)
    if said is None:
        return None
    parts = re.match(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-]", value)
    if parts and int(parts[1]) != int(parts[2]) and max(int(parts[1]), int(parts[2])) <= 12:
        return (
            f"{shown(value)} could be read either way: if it is {said.display()}, write {said.iso} "
            "(files keep dates as YYYY-MM-DD)"
        )
    form = "dates as YYYY-MM-DD" if said.day else "a month as YYYY-MM, where only the month is known"
    return f"{shown(value)} is written the UK way: write {said.iso} (files keep {form})"


# --------------------------------------------------------------------------- YAML


_KEY_LINE = re.compile(r"( *)(?:- +)?([A-Za-z_][\w-]*):(?: |$)")


def unindented_text(detail: str, text: str, line: int) -> tuple[str, int, int] | None:
    """Where a line of a key's text (wrapped, or pasted) is not indented under the key, so that YAML
    reads it as a key of its own: what to do, and the line and column of that line; ``None`` where the
    parser's complaint at ``line`` is another."""
    lines = text.splitlines()
    if "multiline quoted scalar" in detail:
        k = line - 1  # the line itself
    elif "expect ':'" in detail:
        k = line - 2  # the nearest line above with something on it
        while k >= 0 and (not lines[k].strip(" ") or lines[k].lstrip(" ").startswith("#")):
            k -= 1
    else:
        return None
    if not 0 <= k < len(lines):
        return None
    content = lines[k].lstrip(" ")
    indent = len(lines[k]) - len(content)
    if not content or ": " in content or content.rstrip(" ").endswith(":") or content[0] in "-#[{?|>":
        return None
    if re.match(r"[A-Za-z_][\w-]*\s*[:=]", content):  # `title:Town`: a key without its space
        return None
    for j in range(k - 1, -1, -1):  # the key whose text it goes on: no other key in between
        owner = _KEY_LINE.match(lines[j])
        if owner is not None:
            break
    else:
        return None
    key = owner.group(2)
    if len(owner.group(1)) < indent:  # indented further than the key: not this mistake
        return None
    return (
        f"line {k + 1} is more of the text of `{key}:`, but it is not indented under `{key}:`, so YAML "
        f"reads it as a new key: indent it further than `{key}:`, as the text's other lines are",
        k + 1,
        indent + 1,
    )


#: The longest line a message writes out as the fix: a longer one is said, not written out.
_LONGEST_FIX = 200


def yaml_mistake(detail: str, text: str, line: int) -> str | None:
    """The common YAML mistakes in plain words, with the line as it should be written; ``None`` for
    the rare ones, which keep the parser's own words."""
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    above = _line_above(lines, line)
    near = [row for row in (here, above or "", lines[line] if line < len(lines) else "")]
    if any("\t" in row for row in near) and ("tab" in detail or "whitespace" in detail):
        return "a tab is used to indent or to space a line here: YAML takes spaces only; replace the tab with spaces"
    long_key = _too_long_a_key(here)
    if long_key is not None and ("expect ':'" in detail or "mapping values are not allowed" in detail):
        return (
            f"this line reads as a key, for the colon and space after its first {long_key:,} characters, "
            f"and YAML takes a key of at most {LONGEST_IMPLICIT_KEY:,}: where it is text, put it in quotes, "
            "or write the key above it with > (summary: >) and the text on the lines below; "
            "where it is a key, shorten it"
        )
    for row in (here, above or ""):
        if re.match(r"^\s*-[^\s-]", row):  # `-name: x`: a list item needs a space after its dash
            return f"a list item needs a space after its dash: write {row.strip().replace('-', '- ', 1)}"
    if "expect ':'" in detail or "could not find expected ':'" in detail:
        for row in (here, above or ""):
            if m := re.match(r"^\s*([A-Za-z_][\w-]*)\s*(?::(?=\S)|=)\s*(.*)$", row):
                return f"a key needs a colon and a space after it: write {m.group(1)}: {m.group(2)}"
    key, sep, value = here.partition(": ")
    name = key.strip()
    text_part, comment = _without_comment(value.strip())
    first = text_part[:1]
    colon_inside = "mapping values are not allowed" in detail and (
        ": " in value or value.rstrip().endswith(":")
    )
    trailing = "trailing content after" in detail
    special_start = first in tuple("@`*|>!%&-") or (
        first in ("[", "{") and not text_part.endswith(("]", "}"))
    )
    if (
        sep
        and re.fullmatch(r"(?:-\s*)?[A-Za-z_][\w-]*", name)
        and (colon_inside or trailing or special_start)
    ):
        if trailing and len(text_part) > 1 and text_part[0] in "'\"" and text_part.endswith(text_part[0]):
            text_part = text_part[
                1:-1
            ]  # 'Council's Street Cleansing': the outer quotes were meant to hold it
        fixed = f"{name}: {_quoted(text_part)}" + (f"  {comment}" if comment else "")
        if len(fixed) > _LONGEST_FIX:  # a paragraph is not written out again: how to quote it is said
            fixed = (
                f"{name}: '...', with a ' before the text and one after it, and each ' in it written twice"
            )
        why = (
            "has a colon and a space in it, which YAML reads as a new key"
            if colon_inside
            else "goes on after its closing quote"
            if trailing
            else f"starts with {first}, which YAML reads as its own"
        )
        return f"the text after `{name}:` {why}: put the text in quotes: {fixed}"
    if "mapping values are not allowed" in detail and above is not None:
        wanted = len(above) - len(above.lstrip(" -"))
        return (
            f"this line is indented more than the line above: start `{here.strip().split(':')[0]}:` "
            f"with {wanted} spaces, as `{above.strip().split(':')[0]}:` starts"
        )
    if "did not find expected key" in detail or "expected <block end>" in detail or "expected '-'" in detail:
        return (
            "this line does not line up with the lines around it: in a list each item starts with `- `, "
            "and the keys of one item line up under its first key (- name: ... then   sector: ...)"
        )
    return None


def _without_comment(value: str) -> tuple[str, str]:
    """A plain value and the comment after it (`` # ...``), which YAML never makes part of the value."""
    at = value.find(" #")
    return (value, "") if at < 0 else (value[:at].rstrip(), value[at:].strip())


def unclosed(what: str, quote: str | None) -> str:
    """The fix for a quote or bracket opened and not closed."""
    if what == "quoted text" and quote:
        return f"the quoted text that starts here is not closed: add {quote} at its end"
    closing = {"[ list": "]", "{ mapping": "}"}.get(what, "")
    return f"the {what} that starts here is not closed" + (f": add {closing} at its end" if closing else "")


def _quoted(value: str) -> str:
    """``value`` in single quotes, the YAML quoting in which nothing is an escape (``S:\\new`` stays
    as written); a quote inside is written twice."""
    return "'" + value.replace("'", "''") + "'"


#: The longest key YAML takes where it is written without ``?``, in characters.
LONGEST_IMPLICIT_KEY = 1024


def _too_long_a_key(row: str) -> int | None:
    """How long the key of ``row`` (``key: value`` or ``key:``, after any list dashes) is, where it is
    longer than YAML takes a key to be; ``None`` otherwise."""
    content = row.lstrip(" ")
    while content.startswith("- "):
        content = content[2:].lstrip(" ")
    colon = content.find(": ")
    if colon < 0 and content.rstrip(" ").endswith(":"):
        colon = len(content.rstrip(" ")) - 1
    return colon if colon > LONGEST_IMPLICIT_KEY else None


def _line_above(lines: list[str], line: int) -> str | None:
    for above in reversed(lines[: line - 1]):
        if above.strip() and not above.lstrip().startswith("#"):
            return above
    return None
