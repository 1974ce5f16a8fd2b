"""Forgiving readers of what officers and spreadsheets write: amounts, review intervals, "no end".

``import`` reads a sheet's cells with them, ``add`` an officer's answers, and
lint's advice the value it refuses: one reading of ``£4.2m`` or ``6 monthly``
everywhere. Each says what it read, or raises :class:`Unplaced` saying why not.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from typing import Any


class Unplaced(ValueError):
    """A cell that cannot be read into its field: it goes to the notes, and the message says why."""


def word_table(table: str) -> dict[str, str]:
    """``value: word | word`` lines as a lookup from each word to its value."""
    return {
        word.strip(): value
        for value, _, words in (line.partition(": ") for line in table.strip().splitlines())
        for word in words.split("|")
    }


#: What registers call each status, each review outcome and each form of body.
STATUSES = word_table(
    """
active: active | current | live | ongoing | in place | operational | open | yes | y
ended: ended | closed | expired | terminated | ceased | dissolved | inactive | complete | completed |
    finished | no longer active | withdrawn | lapsed | cancelled | canceled | discontinued | disbanded |
    wound up | not renewed | no | n
proposed: proposed | planned | pending | in development | draft | in progress | not yet started
""".replace("|\n    ", "| ")
)
OUTCOMES = word_table(
    """
continue: continue | retain | keep | continue as is | no change | ongoing | remain
amend: amend | change | revise | amended | vary | review and amend
exit: exit | end | withdraw | terminate | cease | leave | close
reassess: reassess | re assess | reassessment | review again | look again
proposed-for-removal: proposed for removal | propose for removal | remove | removal | remove from register |
    delete | delete from register | proposed removal
""".replace("|\n    ", "| ")
)


FORMS = word_table(
    """
shared-service: shared service | shared services | shared service arrangement | shared team
joint-committee: joint committee | joint advisory committee | joint board
council-company: council company | wholly owned company | local authority company | teckal company |
    council owned company | arm length company | arms length company | almo
joint-venture: joint venture | jv | joint venture company | limited liability partnership | llp
trust: trust | charitable trust | leisure trust | community trust
charity: charity | charitable incorporated organisation | cio | registered charity
tenant-management-organisation: tenant management organisation | tmo
statutory-partnership: statutory partnership | statutory body | statutory board | statutory committee
business-improvement-district: business improvement district | bid
forum: forum | board | group | network | steering group | working group | partnership board
other: other
""".replace("|\n    ", "| ")
)


#: What a spreadsheet's cell or an officer writes for "no value" (import keeps such a cell out of
#: the entry without a word).
BLANK = {"-", "--", "\u2013", "\u2014", "n/a", "na", "n.a.", "n/k", "not applicable", "none", "nil", "?", "."}
#: Those, and what is written for a value not known yet: none of them is a value, nor an item of a list.
NOTHING = BLANK | {
    "tbc",
    "tba",
    "tbd",
    "to be confirmed",
    "unknown",
    "not known",
    "nothing",
    "none yet",
    "not yet",
}
#: What says only that a value is not known (or does not apply), as an officer answers: of
#: :data:`NOTHING`, the words that are not a dash or "none" (which, for an amount, is £0), and how
#: people say they do not know.
NOT_KNOWN = frozenset(
    (NOTHING - {"-", "--", "\u2013", "\u2014", ".", "none", "nil", "nothing"})
    | {"??", "nk", "don't know", "dont know", "do not know", "dunno", "not sure", "to be decided"}
)


def not_known(text: str) -> bool:
    """Whether ``text`` says only that the value is not known: ``?``, ``Not known``, ``TBC``,
    ``N/A``, ``dunno``, ``don't know`` (also with the curly apostrophe phones and Word type)."""
    said = " ".join(text.lower().replace("\u2019", "'").split())
    return said in NOT_KNOWN or said.rstrip(".!") in NOT_KNOWN


@functools.cache
def placeholder() -> re.Pattern[str]:
    """A cell or a value that stands for a value written elsewhere or not known yet: "TBC", "TBC - see
    below", "See attached list", "see note", "Various", "Various partners", "As above". A name that
    starts with such a word is a name: "See Hear Trust", "Various Voices Choir". (Compiled when
    first asked for: compiled as the module loaded, it cost every lint's start-up 8 million
    instructions, 0.9%, where most lints never ask.)"""
    return re.compile(
        r"^\W*(?:(?:tbc|tba|tbd)(?:\W.*)?|to be (?:confirmed|agreed|advised|decided|determined|announced)\W*|"
        r"(?:(?:please\s+)?see|refer\s+to)\s+(?:the\s+|attached\s+|separate\s+)?(?:notes?|comments?|attached|"
        r"attachments?|below|above|lists?|appendix|annex|schedule|sheet|tab|column|file|link|website|details|"
        r"reports?|documents?|minutes|register|spreadsheet|overleaf|email)\b.*|"
        r"(?:not (?:yet )?known|unknown|as above|ditto|to follow)\W*|"
        r"various(?:\s+(?:local|other|partners?|organi[sz]ations?|bodies|agencies|groups?|parties|"
        r"stakeholders|providers?|suppliers?|recipients?|schemes?))*\W*)$",
        re.IGNORECASE | re.DOTALL,
    )


def only_placeholder(text: str) -> bool:
    """Whether ``text``, a value an officer typed, is only a placeholder: read more strictly than a
    sheet's cell (:func:`is_placeholder`), since it is read wherever a value is: four words at most
    (`See schedule 2 of the Care Act 2014` names a law; `See appendix 2` does not), and after `TBC`
    nothing but more of the same (`TBC?`, `TBC - see notes`; not `TBC - Essex Police`)."""
    said = " ".join(text.lower().split()).strip(" .!")
    if not said or len(re.findall(r"[^\W\d_]+", said)) > 4:
        return False
    tbc = re.match(r"(?:tbc|tba|tbd)\b\W*(.*)$", said)
    if tbc:
        rest = tbc.group(1)
        return not rest.strip(" ?!.-:;()[]\u2013\u2014") or only_placeholder(rest)
    return not_known(said) or placeholder().match(said) is not None


#: Words that name a law, which a placeholder's words before them do not hide (`TBC - Care Act
#: 2014 s.43`, `See schedule 2 of the Care Act 2014`).
_LAW = re.compile(r"\b(?:act|regulations?|order|measure|directive|s\.\s*\d|sections?\s+\d)\b", re.IGNORECASE)


def names_no_law(text: str) -> bool:
    """Whether a statutory basis names no law: a placeholder (`TBC?`, `To be confirmed`, `See
    appendix 2`, `TBC - awaiting legal advice`) naming no Act, regulations or section, or words for
    none (`None`, `-`, `Non-statutory`, `No statutory basis`)."""
    said = " ".join(text.lower().split()).strip(" .!")
    if said in NOTHING or _NO_LAW.fullmatch(said):
        return True
    return only_placeholder(text) or (is_placeholder(text) and _LAW.search(text) is None)


#: What a statutory basis says where there is none.
_NO_LAW = re.compile(
    r"(?:non|not)[- ]?statutory|no (?:statutory|legal) (?:basis|duty|requirement)|not applicable"
)


def is_placeholder(text: str) -> bool:
    """Whether ``text`` stands for a value rather than being one (:func:`placeholder`), or says only
    that it is not known, as ``partreg add`` and lint's not-known-as-a-value read it ("dunno", "n/k",
    "don't know")."""
    return placeholder().match(text.strip()) is not None or not_known(text)


#: What a spreadsheet or an officer writes for "it has no end date".
NO_END = {
    "ongoing", "on going", "indefinite", "no end date", "open ended", "open-ended", "permanent", "none",
    "rolling", "rolling contract", "until further notice", "annual renewal", "renewed annually", "continuous",
    "no end", "no fixed end", "not time limited",
}  # fmt: skip


_MONEY = re.compile(
    r"^(?P<before>(?:up to|upto|approx\.?|approximately|c\.|circa|about|around|est\.?|max\.?|maximum|min\.?)\s*)?"
    r"(?:£|gbp)?\s*(?P<number>\d{1,3}(?:,\d{3}){1,5}(?:\.\d{1,4})?|\d{1,3}(?: \d{3}){1,5}(?:\.\d{1,4})?"
    r"|\d{1,16}(?:\.\d{1,4})?)\s*"
    r"(?P<scale>k|m|mn|bn|million|billion|thousand)?\b\.?(?P<after>.*)$",
    re.IGNORECASE,
)
_SCALE = {
    "k": 1_000,
    "thousand": 1_000,
    "m": 10**6,
    "mn": 10**6,
    "million": 10**6,
    "bn": 10**9,
    "billion": 10**9,
}


#: Words that say an amount is a year's: beside it (``£12,500 pa``) or in a sheet's header ("Annual
#: contribution").
YEARLY = re.compile(r"\b(?:annual|annually|yearly|per (?:annum|year)|a year|p\.?a\.?)(?=\W|$)", re.IGNORECASE)


#: A trillion pounds: a larger amount is a typing mistake, not a council's arrangement.
MAX_POUNDS = 10**12


def read_money(raw: Any) -> tuple[int | float, bool]:
    """An amount in pounds, and whether a qualifier ("pa", "+ VAT", "up to") was left over:
    ``£4.2m``, ``£25,000 pa``, ``£5,605 + VAT``, ``25k``."""
    if isinstance(raw, bool):
        raise Unplaced("not an amount")
    if isinstance(raw, int | float):
        if not 0 <= raw <= MAX_POUNDS:  # also NaN
            raise Unplaced("not an amount in pounds")
        raw = round(raw, 6)  # what a formula leaves in binary (450000*1.1 = 495000.00000000006), not pence
        return (int(raw) if float(raw).is_integer() else raw), False
    text = " ".join(str(raw).split())
    if text.lower() in ("£0", "0", "nil", "£nil", "none", "zero"):
        return 0, False
    if "%" in text:
        raise Unplaced("a percentage, not an amount")
    if len(re.findall(r"£\s*\d", text)) > 1 and not re.search(r"\d\s*(?:[-\u2013]|to)\s*£?\d", text):
        raise Unplaced("more than one amount: record the council's total, or each where it belongs")
    m = _MONEY.match(text)
    if not m or (re.search(r"\d", m.group("after")) and re.search(r"[-\u2013]|\bto\b", m.group("after"))):
        if re.search(r"\d\s*(?:[-\u2013]|to)\s*£?\d", text):
            raise Unplaced("a range, not one amount: record the amount")
        raise Unplaced("not an amount in pounds")
    if re.match(r"[.,]\d", m.group("after")):  # 2,50,000 or 25.000,00: grouped otherwise than by thousands
        raise Unplaced("its digits are grouped otherwise than in thousands: not read as an amount")
    number = m.group("number").replace(",", "").replace(" ", "")  # 4,200,000 and 4 200 000
    value = float(number) * _SCALE.get((m.group("scale") or "").lower(), 1)
    value = round(value, 2)
    if value > MAX_POUNDS:
        raise Unplaced("not an amount in pounds")
    qualified = bool(m.group("before") or m.group("after").strip(" .()"))
    return (int(value) if value.is_integer() else value), qualified


_MONTHS_SAID = word_table("""
12: annual | annually | yearly | year | each year | 12 monthly
6: half yearly | 6 monthly | twice a year
3: quarterly | quarter
1: monthly | month
24: biennial | biennially | 2 yearly
36: triennial | 3 yearly
""")
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "twelve": 12, "eighteen": 18}


def read_months(raw: Any) -> int:
    """A review frequency as months: ``Annual``, ``6 monthly``, ``every 2 years``, ``18 months``."""
    if (
        isinstance(raw, int | float)
        and not isinstance(raw, bool)
        and abs(raw) < 10**5
        and float(raw).is_integer()
    ):
        months = int(raw)
    else:
        text = str(raw).strip().lower().replace("-", " ")
        if re.search(r"\d{5}", text):
            raise Unplaced("not a review frequency (such as 'Annual' or '6 months')")
        for word, n in _WORD_NUMBERS.items():
            text = re.sub(rf"\b{word}\b", str(n), text)
        text = re.sub(r"^(every|each|once every|once a|once an?)\s+", "", text)
        fixed = _MONTHS_SAID.get(text)
        if fixed is not None:
            months = int(fixed)
        elif m := re.fullmatch(r"(\d+)\s*(months?|mths?|m)", text):
            months = int(m.group(1))
        elif m := re.fullmatch(r"(\d+)\s*(years?|yrs?|y)", text):
            months = 12 * int(m.group(1))
        elif text.isdigit():
            months = int(text)
        else:
            raise Unplaced("not a review frequency (such as 'Annual' or '6 months')")
    if not 1 <= months <= 120:
        raise Unplaced("not between 1 and 120 months")
    return months


def representative(name: str) -> dict[str, str]:
    """One of the council's representatives as written: a councillor (``Cllr A. Patel``,
    ``Councillor Patel``) as `member`, anyone else as `role`."""
    return (
        {"member": name}
        if re.match(r"^(cllr|councillor|cllrs|councillors)\b", name, re.IGNORECASE)
        else {"role": name}
    )


def pounds(amount: float) -> str:
    """An amount as a UK page writes it: ``£4,200,000``, ``£1,000.50``."""
    return f"£{amount:,.2f}" if isinstance(amount, float) and not amount.is_integer() else f"£{int(amount):,}"


#: Latin letters that no Unicode decomposition takes to a plain one (after casefold, which reads
#: ``ß`` as ``ss``).
_UNDECOMPOSED = str.maketrans(
    {"æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ħ": "h", "ŧ": "t"}
    | {"\N{LATIN SMALL LETTER DOTLESS I}": "i"}
)


def plain_letters(text: str) -> str:
    """``text`` in small letters, each without its accent: ``Siân`` -> ``sian``, ``Łódź Straße`` ->
    ``lodz strasse``, ``Ærø`` -> ``aero``; a mark typed apart from its letter is dropped too."""
    letters = unicodedata.normalize("NFKD", text).casefold().translate(_UNDECOMPOSED)
    return "".join(c for c in letters if not unicodedata.combining(c))


def slug(text: str) -> str:
    """Words as an id is written, each letter without its accent (:func:`plain_letters`): ``Growing
    our economy`` -> ``growing-our-economy``, ``Rhôs-on-Sea Café`` -> ``rhos-on-sea-cafe``, ``Łódź
    Straße`` -> ``lodz-strasse``. Letters of other scripts are left out, as any other character is."""
    return ascii_slug(plain_letters(text))


def ascii_slug(text: str) -> str:
    """Words as an id was written before :func:`slug` read accented letters: a letter outside a-z
    broke the words as a space does (``Café Forum`` -> ``caf-forum``, ``Môn`` -> ``m-n``). Not for
    a new id: for one made so, which stays (a file's, that import finds again; the feed's ids)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


_BULLET = re.compile(r"^\s*(?:[•·\-*\u2013\u2014]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+", re.IGNORECASE)


def unjoined(item: str) -> str:
    """``item`` without what joins a line of a list to the next ("Essex Police,", "NHS Southend CCG
    and", "& Sport England"); by words: a pattern tried at each space of a long run read it each time."""
    text = item.strip()
    head, _, rest = text.partition(" ")
    if head.lower() in ("and", "&"):
        text = rest.strip()
    body, _, tail = text.rpartition(" ")
    text = body.rstrip() if body and tail.lower() in ("and", "&") else text
    return text[:-1].rstrip() if text.endswith(",") else text


def split_list(text: str) -> list[str]:
    """A cell's items: one a line, or separated by semicolons, or numbered on one line ("1. Essex
    Police 2. NHS"); bullets and numbering dropped, and what joins a line to the next
    (:func:`unjoined`)."""
    parts = [piece for part in re.split(r"[;\n\r]+", text) for piece in _numbered(part)]
    items = [unjoined(_BULLET.sub("", part)) for part in parts]
    return [item for item in items if item]


#: An item's number in a line of numbered items: ``1.`` or ``1)``, at the start or after a space.
_NUMBER = r"(?:^|(?<=\s))(\d{1,2})[.)]\s+"


def _numbered(line: str) -> list[str]:
    """A line of items numbered from 1 ("1. Essex Police 2. NHS"), each with its number; else the line."""
    if ". " not in line and ") " not in line:  # (most lines: no look for numbers)
        return [line]
    marks = list(re.finditer(_NUMBER, line))
    if len(marks) < 2 or line[: marks[0].start()].strip() or marks[0].group(1) != "1":
        return [line]  # (numbered from 1 at its start; a slip in the numbers after is still a number)
    return [
        line[m.start() : n.start() if n else len(line)]
        for m, n in zip(marks, [*marks[1:], None], strict=True)
    ]


#: A part of a name that a comma set off: one word joined by "and" to the next ("Fire and Crime
#: Commissioner", after "Office of the Police,").
_JOINED = re.compile(r"[^\s,]+ and ", re.IGNORECASE)


def _slashed(name: str) -> list[str]:
    """A name, or the names it gives separated by slashes between spaces, each starting with a capital
    (not where a comma is in it: the comma is read as it is in a name)."""
    parts = [p.strip() for p in name.split(" / ")]
    if len(parts) > 1 and "," not in name and all(p[:1].isupper() or p[:1].isdigit() for p in parts):
        return parts
    return [name]


def split_names(text: str, stands_for: Callable[[str], bool] = lambda part: False) -> tuple[list[str], bool]:
    """Partners' names from a cell, and whether commas were taken as separators.

    Slashes between spaces separate names where each part starts with a capital. Commas separate
    names only where that cannot be a misreading: every part has at least
    two words and starts with a capital or a digit ("Essex Police, Sport England"), and none after
    the first is one word joined by "and" to what follows it. A comma inside a name ("Basildon,
    Brentwood and Thurrock Mind", "Office of the Police, Fire and Crime Commissioner", "Department
    for Levelling Up, Housing and Communities") leaves the cell as one name; "Essex County Fire and
    Rescue Service" among other names is one of them. A part that ``stands_for`` a name rather than
    being one ("TBC", "see attached list") is a part, whatever its words, for the caller to set aside.
    """
    listed = split_list(text)
    names = [part for name in listed for part in _slashed(name)]  # "NHS Mid Essex / Essex County Council"
    if len(names) > len(listed):
        return names, True
    if len(names) != 1 or "," not in names[0]:
        return names, False
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?", names[0])]
    named = [p for p in parts if not stands_for(p)]
    if (
        len(parts) > 1
        and named
        and all(len(p.split()) >= 2 and p[:1].isupper() | p[:1].isdigit() for p in named)
        and not any(_JOINED.match(p) for p in named[1:])
    ):
        return parts, True
    return names, False
