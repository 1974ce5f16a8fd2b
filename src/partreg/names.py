"""What reads as a person's in text the register publishes: a name where a role belongs, an email
address, a phone number.

The register is published, and the policy's register names roles, not
people: "Community Safety Manager", not "Jane Smith". A role almost always
has a word of office in it (manager, officer, head, director...); a name is
two or three capitalised words, and starts with a title (Mrs, Cllr) or an
initial, or with a common given name. Letters beyond ASCII are letters
("Siân Jones", "Seán O'Brien", "José García"), and a particle may stand
between a given name and a surname ("Ffion ap Dafydd", "Máire Ní Bhriain").
An address is a person's unless it is a role's or a service's mailbox
(`partnerships@`, `housing.options@`); any UK phone number counts. Lint warns of each, never refuses ("Grace Lane" can
be a team); `import` keeps each out of the fields it publishes
(:func:`without_person`).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from partreg.namewords import (
    BODY_WORDS,
    GIVEN_NAMES,
    MORE_ROLE_WORDS,
    PARTICLES,
    ROLE_MAILBOXES,
    ROLE_WORDS,
    SERVICE_WORDS,
    TITLES,
)
from partreg.readers import plain_letters

#: The look-behind starts an address only where a run of address characters starts: tried from
#: every character of a long run (`a.a.a...`), the pattern would rescan the rest of the run each
#: time, and a megabyte of text would take hours.
EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
#: UK numbers: 0 or +44 then 9 or 10 more digits, in groups separated by spaces; or the area code
#: in brackets, as letterheads write it: (01702) 546366, (020) 7946 0018.
PHONE = re.compile(
    r"(?<![\w/.-])(?:(?:\+44\s?\(?0?\)?\s?|0)\d(?:[\s-]?\d){8,9}"
    r"|\(0\d{2}\)\s?\d{4}[\s-]?\d{4}|\(0\d{3}\)\s?\d{3}[\s-]?\d{4}|\(0\d{4}\)\s?\d{5,6}|\(0\d{4}\s?\d\)\s?\d{4,5})"
    r"(?![\w/-]|\.\w)"  # a full stop may end the sentence after it, not go on to more digits
)
#: What :func:`contact_details` and :func:`without_person` say a part of text reads as.
EMAIL_ADDRESS = "a person's email address"
PHONE_NUMBER = "a phone number"
PERSONS_NAME = "a person's name"

#: A capitalised word of a name: "Jones", "O'Brien", "Smith-Jones", "McDonald", "MacLeod".
_WORD = re.compile(r"^[A-Z](?:[a-z]+(?:[A-Z][a-z]+)?|(?=['\u2019]))(?:[-'\u2019][A-Z]?[a-z]+)*$")
_INITIAL = re.compile(r"^[A-Z]\.?$")
_SURNAME_FIRST = re.compile(r"\s*([A-Z][a-z'\u2019-]+),\s*([A-Z][a-z]+)\s*")


def _shape(text: str) -> str:
    """``text`` as the patterns above read it: each capital letter beyond ASCII an ``A``, each small
    one (or a mark typed apart from its letter, in decomposed text) an ``a``, so that "Siân",
    "Seán O'Brien" and "García" read as "Jones" and "O'Brien" do; as long as ``text``, so a match's
    place is the same in both."""
    # (rather than classes of every capital and small letter in the patterns: those took several
    # milliseconds to compile, on every run of partreg)
    if text.isascii():
        return text
    return "".join(
        c if c.isascii() else "A" if c.isupper() else "a" if c.islower() or unicodedata.combining(c) else c
        for c in text
    )


def _given(word: str) -> bool:
    """Whether ``word`` is a common given name, with or without its accents ("Siân", "Zoë")."""
    lower = word.lower()
    if lower in GIVEN_NAMES:
        return True
    if "-" in lower.strip("-"):  # "Sarah-Jane", "Anne-Marie": each part a given name
        return all(_given(part) for part in word.split("-"))
    if lower.isascii():
        return False
    return plain_letters(word) in GIVEN_NAMES


#: What parts a name from a role beside it: a dash between spaces, brackets, a slash, a comma
#: ("Sarah Jones, Head of Housing", the commonest form in councils' sheets), a line break (a cell
#: of two lines).
_BESIDE = re.compile(
    r"\s+c/o\s+|\s+[-\u2013\u2014]\s+|[()]|(?<!\bc)/|/(?!o\b)|,\s+|:\s+|\s*[\r\n]\s*", re.IGNORECASE
)


@functools.lru_cache(maxsize=4096)  # a register names the same few roles in file after file
def looks_like_a_name(text: str) -> bool:
    """``Jane Smith``, ``Mrs J Smith``, ``J. Smith``, ``Cllr Patel``, ``Councillor Jane Patel``, ``Smith,
    Jane``, ``Mary Jones (Housing Manager)``, ``Housing Manager - Jane Smith``, ``Sarah Jones, Head of
    Housing``, ``Approved by John Smith``, ``Siân Jones``, ``Seán O'Brien``, ``Ffion ap Dafydd``: yes.
    ``Head of Housing``, ``Community Safety Manager``, ``Environmental Health``, ``Councillor
    Services``, ``Approved by Cabinet``, ``Café Development Officer``, ``Rheolwr Tai``: no."""
    surname_first = _SURNAME_FIRST.fullmatch(_shape(text))
    if surname_first and _given(text[surname_first.start(2) : surname_first.end(2)]):
        return True
    parts = [p for p in _BESIDE.split(text) if p.strip()]
    if len(parts) > 1:  # a name beside a role: "Mary Jones (Housing Manager)"
        return any(_name_beside(p) or _run_on(p) is not None for p in parts)
    return _one_name(text) or _run_on(text) is not None


_WORDS = re.compile(r"\S+")


def _run_on(text: str) -> int | None:
    """Where a role and a name that run on with nothing between them meet (``Head of Housing Jane
    Smith``, ``Jane Smith Head of Housing``, ``Cllr Jane Smith Portfolio Holder``): the offset the
    second starts at; else ``None``. The name (three words, then two: a title's or a particle's
    first) starts with a title, an initial or a common given name, as :func:`_one_name` reads one,
    and is no place's (``Manager, Grace Lane``). Read strictly, as a role may hold such words: after
    the name, the role starts with a word that starts roles (``Head``, ``Director``, ``Portfolio``:
    not ``Bill Payments Officer``, ``Victoria Gate Project Manager``); before it, the role ends with a
    word of office or of a service (not ``Head of Victoria Quarter``). A name after a title that is a
    word of office too is one name (``Councillor Siobhan O'Connell``), and ``Sir`` starts no name
    here (``Cyngor Sir Ceredigion``: the county's council)."""
    if _one_name(text):
        return None
    words = [(m.start(), m.group()) for m in _WORDS.finditer(text)]
    for n in (3, 2):  # the longest name first: "Dr Jane Smith", not "Jane Smith" and a role's "Dr"
        if len(words) <= n:
            continue
        role = words[:-n]  # the name last
        name = text[words[-n][0] :]
        if role[-1][1].lower().strip(".,") in SERVICE_WORDS and _starts_a_name(name):
            return words[-n][0]
        role, name = words[n:], text[: words[n][0]].rstrip()  # the name first
        if role[0][1].lower().strip(".,") in ROLE_STARTS and _starts_a_name(name):
            return words[n][0]
    return None


#: Words that start a role's title, where a name before it runs on into it ("Jane Smith Head of Housing").
ROLE_STARTS = frozenset(
    [
        "head",
        "director",
        "chief",
        "deputy",
        "assistant",
        "lead",
        "senior",
        "principal",
        "interim",
        "acting",
        "portfolio",
        "cabinet",
        "chair",
        "chairman",
        "chairwoman",
        "chairperson",
        "executive",
        "strategic",
        "corporate",
    ]
)


def _starts_a_name(part: str) -> bool:
    return part[:4].lower() != "sir " and _name_beside(part)


#: Letters after a person's name: honours and offices ("Sarah Jones MBE", "J. Smith JP").
POST_NOMINALS = frozenset(
    {"mbe", "obe", "cbe", "bem", "kbe", "dbe", "jp", "dl", "kc", "qc", "mp", "ms", "frsa"}
)

#: Last words that make a place's name, not a person's: "Victoria Park", "Mark Lane Centre".
_PLACE = frozenset(
    [
        "park",
        "lane",
        "way",
        "road",
        "street",
        "centre",
        "center",
        "house",
        "hall",
        "court",
        "square",
        "garden",
        "gardens",
        "green",
        "close",
        "avenue",
        "drive",
        "place",
        "library",
        "school",
        "college",
        "estate",
        "ward",
        "village",
        "town",
        "hub",
        "gate",
        "valley",
        "hospital",
        "quarter",
        "chapel",
        "museum",
        "theatre",
        "gallery",
        "market",
        "station",
        "surgery",
        "clinic",
        "project",
        "unit",
    ]
)


def _name_beside(part: str) -> bool:
    """Whether ``part`` of a role's text is a name; after a comma, a given name may start a place's
    ("Centre Manager, Victoria Park")."""
    words = part.replace("-", " ").split()
    return _one_name(part) and not (words and words[-1].lower() in _PLACE)


#: Words before a name that say what the person did, as a decision's cell writes it: "Approved by
#: John Smith", "Delegated to J. Smith".
_DID = re.compile(
    r"^(?:(?:(?:approved|agreed|decided|authori[sz]ed|signed(?:\s+off)?|endorsed|taken|made)\s+by|delegated\s+to|by)\s+"
    r"|(?:(?:lead\s+|named\s+|main\s+)?contact(?:\s+name)?|c/o|care\s+of|attn|attention|fao|for\s+the\s+attention\s+of)\b"
    r"\s*:?\s*)",
    re.IGNORECASE,
)


def _one_name(text: str) -> bool:
    said = _DID.sub("", text.strip()).replace(",", " ").split()
    # a particle between the first word and the last is part of a surname: "Ffion ap Dafydd", "Máire
    # Ní Bhriain", "Ana de la Cruz"
    words = [w for i, w in enumerate(said) if not (0 < i < len(said) - 1 and w.lower() in PARTICLES)]
    while len(words) > 2 and words[-1].lower().strip(".") in POST_NOMINALS:  # "Sarah Jones MBE"
        words.pop()
    if not 2 <= len(words) <= 4:
        return False
    first, rest = words[0], words[1:]
    titled = first.lower().strip(".") in TITLES
    if titled and len(rest) >= 3 and rest[-1].lower().strip(".") in BODY_WORDS:
        return False  # a body named after a person: "Sir John Moore Foundation"
    # "Councillor" is a title and a word of office: after it, a name ("Councillor Jane Smith") or
    # an office ("Councillor Services")
    if any(w.lower().strip(".") in ROLE_WORDS for w in (rest if titled else words)):
        return False
    if not titled and words[-1].lower().strip(".") in BODY_WORDS:  # a body's or venue's: "Nia Centre"
        return False
    shapes = [_shape(w) for w in rest]
    if titled:
        return all(_WORD.match(w) or _INITIAL.match(w) for w in shapes)
    if len(words) > 3 or not all(_WORD.match(w) for w in shapes):
        return False
    shape = _shape(first)
    return bool(_INITIAL.match(shape) or (_WORD.match(shape) and _given(first)))


def personal_mailbox(local: str) -> bool:
    """Whether the part of an address before its `@` looks like a person's (`jo.bloggs`, `j.smith`,
    `jbloggs`), not a role's or a service's mailbox (`partnerships`, `housing.options`)."""
    if local in ROLE_MAILBOXES:
        return False
    words = [w for w in re.split(r"[._-]+", local) if w]
    if len(words) < 2:
        return True  # one word that is no known mailbox: a name, as `jbloggs`
    if any(len(w) == 1 or w in GIVEN_NAMES for w in words):
        return True  # an initial or a given name: `j.smith`, `jo.bloggs`, `smith.jo`
    return not any(w in SERVICE_WORDS for w in words)


def contact_details(text: str) -> list[tuple[str, str]]:
    """Each person's email address in ``text`` (not a role's or a service's mailbox), then each
    phone number, with what it is (:data:`EMAIL_ADDRESS`, :data:`PHONE_NUMBER`)."""
    found = [
        (address, EMAIL_ADDRESS)
        for address in EMAIL.findall(text)
        if personal_mailbox(address.split("@", 1)[0].lower())
    ]
    return found + [(number.strip(), PHONE_NUMBER) for number in PHONE.findall(text)]


@functools.lru_cache(maxsize=4096)
def bare_name(text: str) -> bool:
    """Whether ``text``, given as a role, is two or three capitalised words shaped as a name's, of
    which none names an office, a service or a body (:data:`MORE_ROLE_WORDS` and the words of
    office, services, bodies and titles): ``Wei Zhang``, ``Raj Patel``, ``Olumide Adebayo``, whose
    given names no list holds. ``Street Scene``, ``Essex Police``, ``Chief Executive``: no. For a
    role's field alone, where a name has no place: a body's or a place's name may be so written."""
    words = text.split()
    return (
        2 <= len(words) <= 3
        and all(_WORD.match(_shape(w)) for w in words)
        and not any(w.lower() in _ROLE_VOCABULARY for w in words)
    )


_ROLE_VOCABULARY = SERVICE_WORDS | BODY_WORDS | TITLES | MORE_ROLE_WORDS | _PLACE


#: What :func:`not_a_role` says of a name: the one answer an officer may confirm by typing it again.
LOOKS_LIKE_A_NAME = "looks like a person's name"


def not_a_role(text: str) -> str | None:
    """Why ``text``, given as a role (a lead's, or the one that reviewed an arrangement), reads as a
    person's rather than a role's, in words ("is an email address"); ``None`` where it may be a
    role. An email address or a phone number is never one; a name may be a team's ("Grace Lane"),
    so whoever asks may take it when the officer says it again."""
    if "@" in text:
        return "is an email address"
    if PHONE.search(text):
        return "holds a phone number"
    if looks_like_a_name(text):
        return LOOKS_LIKE_A_NAME
    return None


def without_person(text: str, *, names: bool = True) -> tuple[str, list[tuple[str, str]]]:
    """``text`` less each part of it that reads as a person's, parted as a name is set beside a role
    (``Joe Bloggs, Head of Housing``, ``Head of Housing (01702 546366)``): what is left (``""``
    where nothing else is), and each part taken out with what it reads as. A name is looked for
    only where ``names`` (a field for a role, or for who decided), as :func:`looks_like_a_name`
    reads one."""
    whole = text.strip()
    if names and (m := _SURNAME_FIRST.fullmatch(_shape(whole))) and _given(whole[m.start(2) : m.end(2)]):
        return "", [(whole, PERSONS_NAME)]
    parts = _parts(text, names)
    if len(parts) <= 1:
        said = _reads_as(whole, names and looks_like_a_name(whole))
        if said is not None and said != PERSONS_NAME and names:  # "ICT Manager 01277 312500": the role stays
            rest = " ".join(_LABEL.sub(" ", PHONE.sub(" ", EMAIL.sub(" ", whole))).split()).strip(
                " ,;:-\u2013()"
            )
            office = any(
                w.lower().strip(".,") in SERVICE_WORDS for w in rest.split()
            )  # (not "Call", "Wei Green")
            if office and not contact_details(rest) and not looks_like_a_name(rest) and not bare_name(rest):
                return rest, contact_details(whole)
        return ("", [(whole, said)]) if said else (text, [])
    said_of = {(s, e): _reads_as(text[s:e], names and _name_beside(text[s:e])) for s, e in parts}
    taken = {span: said for span, said in said_of.items() if said}
    kept = [(start, end) for start, end in parts if (start, end) not in taken]
    if kept and taken:
        between = any(kept[0][0] < start < kept[-1][1] for start, _ in taken)
        left = ", ".join(text[s:e] for s, e in kept) if between else text[kept[0][0] : kept[-1][1]]
        left = left + ")" * (left.count("(") - left.count(")"))
    else:
        left = "" if taken else text
    # what parting missed: a number that brackets part ("(01702) 546366"), a name left whole
    if left and (contact_details(left) or (names and looks_like_a_name(left.strip()))):
        return "", [(whole, _reads_as(whole, names) or PERSONS_NAME)]
    return left, [(text[s:e], said) for (s, e), said in taken.items()]


#: What labels a phone number or an address run on after a role ("ICT Manager tel. 01277 312500").
_LABEL = re.compile(
    r"(?<!\S)(?:(?:tel|telephone|phone|mob|mobile|email|e-mail)\.?:?|[tem][.:])(?!\S)|(?<!\S)(?:ext|extn|x)\.?\s?\d{2,6}\b",
    re.IGNORECASE,
)


def _parts(text: str, names: bool) -> list[tuple[int, int]]:
    """Where each part of ``text`` between the marks that part a name from a role starts and ends,
    its spaces left out; blank parts are none. Where ``names``, a role and a name that run on
    (:func:`_run_on`) are two parts."""
    found, start = [], 0
    for mark in [*_BESIDE.finditer(text), None]:
        end = mark.start() if mark else len(text)
        part = text[start:end]
        if part.strip():
            first, last = start + len(part) - len(part.lstrip()), end - len(part) + len(part.rstrip())
            at = _run_on(text[first:last]) if names else None
            if at is None:
                found.append((first, last))
            else:
                found += [(first, first + len(text[first : first + at].rstrip())), (first + at, last)]
        start = mark.end() if mark else end
    return found


def _reads_as(part: str, name: bool) -> str | None:
    """What ``part`` reads as: a person's email address or phone number, or (where ``name`` says
    it is one) a person's name; ``None`` for none of them."""
    details = contact_details(part)
    return details[0][1] if details else (PERSONS_NAME if name else None)
