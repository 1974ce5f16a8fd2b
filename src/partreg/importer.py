"""From a council's spreadsheet register to register entries, losing nothing.

Headers are matched as councils write them ("Partnership name", "Lead Officer",
"Annual contribution (£)", "Statutory (Y/N)"), by their words against a table of
synonyms; values are read as councils write them ("Yes", "April 2016", "£4.2m",
partners one a line). Every row becomes an entry, however incomplete: what is
missing is for ``partreg lint`` to list. A value that cannot be placed in a field
goes, under its header, into the entry's internal notes, which are never published;
a value read with a qualifier left over ("£25,000 pa") keeps its original text there
too. Each such cell is reported at its row and column letter.

This module is pure: it reads cells, not files (see :mod:`partreg.sheets`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from partreg import questionnaire
from partreg.lint import Linter
from partreg.models import (
    ID_PATTERN,
    LAST_YEAR,
    MONTHS,
    RESERVED_NAMES,
    Arrangement,
    Kind,
    PartialDate,
    Settings,
    inner_model,
    shown,
    uk_date,
)
from partreg.problems import Problem, Severity, dotted
from partreg.questionnaire import canonical, propose_id
from partreg.readers import (
    FORMS,
    NO_END,
    OUTCOMES,
    STATUSES,
    Unplaced,
    read_money,
    read_months,
    representative,
    word_table,
)
from partreg.rules import ALL, missing_field

Key = tuple[str | int, ...]
NOTES: Key = ("internal", "notes")
#: A money column whose field follows the row's kind: a contract's value, a grant's amount,
#: otherwise the council's contribution.
MONEY: Key = ("money",)
#: The next review date: format v1 works it out (last review, or start, plus review.months).
NEXT_REVIEW: Key = ("next-review",)
#: The outcome of the last review: with the "Last review" column's date, its `review.history` item.
REVIEW_OUTCOME: Key = ("review-outcome",)


#: What a header score adds when the header names the title: a sheet of arrangements has one.
TITLED = 100


def letter(column: int) -> str:
    """The spreadsheet's name for a column: 1 -> A, 27 -> AA."""
    name = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        name = chr(65 + rest) + name
    return name


def _words(text: str) -> list[str]:
    """A header's words, as compared: lower case, units and punctuation dropped, singular."""
    text = str(text).lower().replace("&", " and ").replace("organization", "organisation")
    text = re.sub(
        r"\((?:£|gbp|y/n|yes/no|yes or no|y or n|dd/mm/yy(?:yy)?|if any|if applicable|optional|s)\)",
        " ",
        text,
    )
    # "Council contribution 2023/24", "(£pa)", "per annum": the year and the unit do not change the field
    text = re.sub(r"\b(19|20)\d\d(\s*[/-]\s*\d{2,4})?\b|\bper annum\b|\bp\.?a\.?(?=\W|$)|£pa", " ", text)
    text = re.sub(r"\by\s*/\s*n\b", " ", text)
    words = re.findall(r"[a-z0-9]+", text.replace("£", " "))
    out = []
    for word in words:
        if word in ("the", "a", "an", "of", "gbp", "yn"):
            continue
        if word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith("s") and len(word) > 3 and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
        out.append(word)
    return out


def normal(header: str) -> str:
    return " ".join(_words(header))


#: What councils' registers call each field: ``field: header | header | ...``. Compared by
#: :func:`normal`, so case, punctuation, units such as "(£)" and "(Y/N)", and plurals do not
#: matter. "(money)" follows the row's kind; "(next review)" and "(notes)" go to the notes.
SYNONYMS_TABLE = """
id: id | partreg id
title: title | name | partnership | partnership name | name of partnership | partnership title |
    arrangement | arrangement name | name of arrangement | partnership or arrangement |
    partnership body | name of body | body | organisation | organisation name | contract title | contract name |
    grant name | scheme | project | project name | group | group name
kind: kind | type | category | partnership type | type of partnership | arrangement type |
    type of arrangement | classification | partnership category | nature of arrangement
status: status | current status | partnership status | active | live | state
summary: summary | aim | aims | purpose | description | aim and objective | aims and objectives |
    purpose of partnership | aim of partnership | brief description | remit | overview | what it doe |
    description of service | description of goods or service | aim purpose
lead.role: lead role | lead officer | responsible officer | officer | lead officer role |
    council lead | lead contact | contact officer | officer lead | lead officer title |
    senior responsible officer | council officer | council lead officer | officer representative |
    accountable officer
lead.service: lead service | service | department | directorate | service area | team |
    lead department | responsible service | division | lead directorate | council service |
    department responsible | service responsible | business unit
lead.member: lead member | portfolio holder | lead councillor | cabinet member | councillor |
    council member |
    member lead | lead portfolio holder | elected member | lead cabinet member | responsible member |
    member representative | councillor representative | lead member portfolio holder
lead.email: email | lead email | contact email | email address | officer email | lead officer email
lead.phone: phone | telephone | lead phone | contact number | telephone number | phone number
partners: partners | partner | partner organisation | other partner | partner body | partner agency |
    member organisation | membership | organisation involved | key partner |
    partners involved | other organisation | partner name | supplier | supplier name |
    provider | contractor | recipient | beneficiary | grant recipient | organisation funded
priorities: priority | corporate priority | council priority | strategic priority |
    corporate plan priority | corporate objective | corporate plan | link to corporate priority |
    corporate plan theme
statutory: statutory | statutory partnership | is it statutory | statutory requirement |
    statutory non statutory | statutory or non statutory
statutory_basis: statutory basis | legislation | legal basis | statute | legislative basis |
    statutory duty | relevant legislation | act | statutory power
agreement.type: agreement type | type of agreement | governance document | agreement
agreement.date: agreement date | date of agreement | date agreed | date signed | signed
characteristics.formal_agreement: formal agreement | formal agreement in place | signed agreement
objectives: objective | objectives | shared objective | key objective | strategic objective
outcomes.description: outcome | outcomes | measurable outcome | expected outcome | intended outcome |
    key outcome | outcomes achieved | deliverable
outcomes.measure: measure | measures | performance measure | kpi | performance indicator |
    outcome measure
outcomes.target: target | targets | outcome target
risks.description: risk | risks | key risk | main risk | risk description
risks.mitigation: mitigation | mitigations | risk mitigation | control | controls |
    mitigating action
resources.council.funding_gbp: council contribution | annual contribution | contribution |
    council funding | financial contribution | council financial contribution | council resources |
    annual council contribution | council budget | council funding gbp | council cost |
    council investment | financial commitment | cost to council | annual cost to council
resources.council.staff: staff time | officer time | staff resource | staffing | council staff
resources.partners: partner contribution | partners contribution | partner resource |
    other contribution | contribution from partner
(money): value | amount | annual value | total value | cost | annual cost | funding
contract.reference: contract reference | contract ref | contract number | contract no
contract.value_gbp: contract value | value of contract | contract sum | contract value gbp
contract.annual_value_gbp: annual contract value | annual value of contract | yearly contract value |
    contract annual value gbp | annual contract sum
contract.whole_life_value_gbp: whole life value | whole life contract value | total contract value |
    lifetime value | total value of contract | contract whole life value gbp | whole life cost
contract.extensions: extension | extension option | option to extend | extension period |
    contract extension | possible extension | contract extensions
contract.procurement_route: procurement route | procurement method | route to market | how procured
contract.supplier_registration: supplier registration | company number | charity number |
    registration number | company registration | charity registration number |
    companies house number
funding.amount_gbp: funding amount | grant amount | amount awarded | award amount | grant awarded |
    grant value | value of grant | funding amount gbp | amount of grant | grant
funding.period: funding period | grant period | period funded | period of funding
funding.period_start: funding start | grant start | funding period start | grant start date
funding.period_end: funding end | grant end | funding period end | grant end date
funding.actions: agreed action | actions | grant condition | conditions of funding |
    what funding is for
funding.award_date: date awarded | award date | date of award | date grant awarded | grant award date
funding.recipient_org_id: recipient org id | recipient org identifier | org id | organisation identifier
funding.recipient_registration: beneficiary registration number | recipient registration number |
    beneficiary registration | beneficiary charity number
contract.irrecoverable_vat_gbp: irrecoverable vat | vat that cannot be recovered | non recoverable vat |
    irrecoverable vat gbp
contract.supplier_sme: sme | sme supplier | small or medium enterprise | supplier sme
contract.supplier_vcse: vcse | vcse supplier | voluntary or community sector | supplier vcse
added_value: added value | value added | benefit | benefits | benefit to council
exit_strategy: exit strategy | exit plan | exit arrangement
form: form | legal form | form of body | type of body | body type | organisation type | structure |
    legal status | legal structure | governance structure | delivery model | delivery vehicle
representatives: council representative | representative | appointed representative |
    outside body representative | appointed member | nominated member | council nominee | nominee |
    council appointee
contributions.cash_gbp: cash contribution | council cash contribution | council cash
contributions.in_kind_gbp: in kind contribution | council in kind contribution | in kind |
    value in kind | in kind support | council in kind
contributions.loan_gbp: loan | council loan | loan amount | loan facility | loan from council
decisions.summary: decision | key decision | decision taken | decision made
decisions.date: decision date | date of decision | date approved | approved on | approval date
decisions.reference: decision reference | minute reference | minute | minute number |
    decision ref | report reference | decision number
decisions.body: decision maker | approved by | decided by | decision body | authorised by |
    approving body
decisions.url: decision link | minutes link | link to decision | link to minute | decision url
reporting.committee: reports to | reporting to | reporting route | reporting line |
    scrutiny committee | governance route | accountable to | monitored by | reported to | scrutiny
reporting.months: reporting frequency | frequency of reporting | how often reported | report frequency
reporting.last_report: last reported | last report | date last reported | last report date |
    last reported to committee
replaced_by: replaced by | successor | superseded by | succeeded by | successor body
replaces: replaces | predecessor | supersedes | predecessor body | formerly
last_verified: last verified | date verified | verified | last checked | date checked |
    information correct at | correct as at | last confirmed | date confirmed
significance.reason: significance reason | reason for significance | why significant |
    significance rationale | justification for significance
(review outcome): review outcome | outcome of review | recommendation | review recommendation |
    review decision | last review outcome
rating: rating | assurance | assurance rating | assurance level | level of assurance
significance: significance | significant | significant partnership | is it significant |
    significance level
start: start | start date | date created | commenced | date commenced | from | date started |
    started | established | date established | commencement date | created | date formed | formed |
    date set up | contract start | contract start date | start of arrangement | date joined | joined
end: end | end date | expiry | expiry date | to | date end | ends | expires | termination date |
    contract end | contract end date | end of arrangement | date ended | ended | until | exit date
(next review): review date | next review | next review date | date of next review | review due |
    due for review
review.history: last review | last reviewed | date last reviewed | last review date |
    date of last review | reviewed | review date last
review.months: review frequency | review period | frequency of review | review cycle | review month |
    reviewed every | how often reviewed
links: website | web link | link | url | web page | web address | more information
(notes): note | notes | comment | comments | remark | additional information | other information |
    officer note | internal note | further information
"""
SPECIAL = {
    "(money)": MONEY,
    "(next review)": NEXT_REVIEW,
    "(notes)": NOTES,
    "(review outcome)": REVIEW_OUTCOME,
}
SYNONYMS: dict[Key, tuple[str, ...]] = {
    SPECIAL.get(name, tuple(name.split("."))): tuple(s.strip() for s in said.split("|"))
    for name, _, said in (
        line.partition(": ") for line in SYNONYMS_TABLE.strip().replace(" |\n    ", " | ").splitlines()
    )
}
HEADERS: dict[str, Key] = {normal(s): key for key, said in SYNONYMS.items() for s in said}
#: Words that frame a header without changing what it holds: "Partnership start date" is a start.
FRAMING = {"partnership", "arrangement", "council", "date"}
#: Columns of partreg's own ``register.csv``: what it writes, read back.
OWN_COLUMNS: dict[str, Key] = {
    "lead role": ("lead", "role"),
    "lead service": ("lead", "service"),
    "lead member": ("lead", "member"),
    "council funding gbp": ("resources", "council", "funding_gbp"),
    "contract value gbp": ("contract", "value_gbp"),
    "funding amount gbp": ("funding", "amount_gbp"),
    "last review": ("review", "history"),
    "next review": NEXT_REVIEW,
    # format 1.1
    "reporting committee": ("reporting", "committee"),
    "reporting month": ("reporting", "months"),
    "contract extension": ("contract", "extensions"),
    "last review outcome": REVIEW_OUTCOME,
    "contribution year": ("contributions", "year"),
}
#: Columns of partreg's own export that are computed from the rest, not recorded (the year and the
#: partners' total of the latest contributions, and how the significance was reached, go to the notes).
COMPUTED = {"page", "partner total", "significance basis"}
NUMBERED = ("outcomes", "risks")
#: Fields that are lists of text: several columns may add to them ("Partner 1", "Partner 2").
LISTS: set[Key] = {
    ("partners",),
    ("priorities",),
    ("objectives",),
    ("funding", "actions"),
    ("representatives",),
    ("replaces",),
    ("replaced_by",),
}


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

    @property
    def label(self) -> str:
        if self.key is None or self.key == NOTES:
            return f"internal notes ({self.why})" if self.why else "internal notes"
        if self.key == MONEY:
            return (
                "contract.value_gbp, funding.amount_gbp or resources.council.funding_gbp, by the row's kind"
            )
        if self.key == ("resources", "council", "funding_gbp"):
            return "resources.council.funding_gbp (a contract's value, a grant's amount, where no column gives them)"
        if self.key == NEXT_REVIEW:
            return "internal notes (partreg works out the next review from the last review or start, and review.months)"
        if self.key == ("review", "history"):
            return "review.history (a review held on that date)"
        if self.key == ("funding", "period"):
            return "funding.period_start and funding.period_end"
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
    return None, None


def map_columns(headers: Sequence[str], given: dict[str, str]) -> Mapping:
    """Where each column goes; ``given`` maps a header to a field path such as ``lead.role``
    (or ``notes``), overriding the table."""
    chosen = {normal(h): path for h, path in given.items()}
    columns = []
    for index, header in enumerate(headers):
        name = normal(header)
        if name in COMPUTED:
            continue
        if not header.strip():
            key, number = None, None
        elif name in chosen:
            key = NOTES if chosen[name] in ("notes", "internal.notes") else tuple(chosen[name].split("."))
            number = None
        else:
            key, number = _key_for(header)
        columns.append(Column(index, letter(index + 1), header, key, number, name in chosen))
    # a field filled by two columns: the first wins, the others go to notes (reported)
    seen: dict[tuple[Key, int | None], Column] = {}
    for i, column in enumerate(columns):
        if column.key is None or column.key == NOTES:
            continue
        first = seen.setdefault((column.key, column.number), column)
        if first is not column and column.key != MONEY and column.key not in LISTS:
            why = f"{first.label} comes from column {first.letter}"
            columns[i] = Column(column.index, column.letter, column.header, None, None, column.given, why)
    return Mapping(columns, assume_active=not any(c.key == ("status",) for c in columns))


def _field(key: Key) -> tuple[Any, Any] | None:
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


def can_map(path: str) -> bool:
    """Whether ``--map HEADER=path`` names somewhere a cell can go: a field that holds one value
    or a list of text (``lead.role``, ``objectives``), a list the importer fills from text
    (``partners``, ``outcomes.measure``), or ``notes``."""
    if path in ("notes", "internal.notes"):
        return True
    key = tuple(path.split("."))
    if key in SYNONYMS:
        return True
    found = None if key[0] == "internal" else _field(key)
    return found is not None and not hasattr(found[1], "model_fields")


def header_score(cells: Sequence[Any], given: dict[str, str] | None = None) -> int:
    """How well a row names columns partreg knows: 0 unless it names at least two fields, one of
    them a title, kind, partners or lead officer, or it is a lone title over a list of names;
    more for each field it names, and :data:`partreg.sheets.TITLED` more when one is the title."""
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


# ---------------------------------------------------------------- values


#: Cells that say nothing but "no value" (kept out of the entry without a word).
BLANK = {"-", "--", "\u2013", "\u2014", "n/a", "na", "n.a.", "n/k", "not applicable", "none", "nil", "?", "."}
#: The questionnaire's answers, and what sheets write: 1/0 and ticks.
YES = questionnaire.YES | {"1", "✓", "✔", "☑"}
NO = questionnaire.NO | {"0", "✗", "✘", "☐"}


LEVELS = word_table("""
high: high | h
medium: medium | med | m
low: low | l
""")
RATINGS = {"substantial", "reasonable", "limited", "weak"}
AGREEMENTS = word_table("""
terms-of-reference: terms of reference | tor
memorandum-of-understanding: memorandum understanding | mou
partnership-agreement: partnership agreement
contract: contract
funding-agreement: funding agreement | grant agreement
none: none
""")


#: ``Yes``/``No``, what separates it from the words after it, and those words (one line); or
#: ``Yes``/``No`` and separators only (``Yes.``). The separators are possessive (``++``): given back
#: one at a time to look for a line end, they made a cell of 30,000 commas take three seconds.
_YES_NO = re.compile(
    r"^(yes|no|y|n)\b(?:([\s,:;.\-\u2013\u2014(]++)(.+)|[\s,:;.\-\u2013\u2014(]+)$", re.IGNORECASE
)


def _yes_no(text: str) -> tuple[bool, str] | None:
    """``Yes``/``No`` and the words after it: ``Yes - Crime and Disorder Act 1998``."""
    low = text.strip().lower()
    if low in YES:
        return True, ""
    if low in NO:
        return False, ""
    m = _YES_NO.match(text.strip())
    if m:
        rest = (m.group(3) or "").strip()
        if "(" in (m.group(2) or "") and rest.endswith(")") and rest.count(")") > rest.count("("):
            rest = rest[:-1].strip()
        return m.group(1).lower().startswith("y"), rest
    return None


def _boolean(raw: Any) -> tuple[bool, str]:
    if isinstance(raw, bool):
        return raw, ""
    if isinstance(raw, int | float) and raw in (0, 1):
        return bool(raw), ""
    said = _yes_no(str(raw))
    if said is None:
        raise Unplaced("not yes or no")
    return said


_MONTH = {name[:3].lower(): i for i, name in enumerate(MONTHS, 1)}
_DMY_SHORT = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2})$")
_D_MON_Y = re.compile(r"^(\d{1,2})[\s\-/]([A-Za-z]{3,9})\.?[\s\-/,]+(\d{2}|\d{4})$")
_MON_Y = re.compile(r"^([A-Za-z]{3,9})\.?[\s\-/]+(\d{2}|\d{4})$")
_FINANCIAL_YEAR = re.compile(r"^(?:fy\s*)?(\d{4})\s*[/\-\u2013]\s*(\d{2}|\d{4})$", re.IGNORECASE)
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ISO_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$")
_ROUGHLY = re.compile(
    r"^(?:c\.?|circa|approx\.?|approximately|about|around|est\.?|pre|before|since)\s+", re.IGNORECASE
)


def _year(text: str) -> int:
    year = int(text)
    return year if len(text) == 4 else (2000 + year if year < 70 else 1900 + year)


def financial_year(text: str) -> tuple[dt.date, dt.date] | None:
    """``2019/20`` -> 1 April 2019 to 31 March 2020, the UK public sector's year."""
    m = _FINANCIAL_YEAR.match(text.strip())
    if not m:
        return None
    first = int(m.group(1))
    second = _year(m.group(2)) if len(m.group(2)) == 2 else int(m.group(2))
    if len(m.group(2)) == 2:
        second = first // 100 * 100 + int(m.group(2))
    if second != first + 1:
        return None
    return dt.date(first, 4, 1), dt.date(second, 3, 31)


#: Excel's day numbers for 1 January 1950 and 31 December 2099: a number in a date column between
#: them is a date whose cell lost its format.
EXCEL_DAYS = (18264, 73415)


class Placeholder(Unplaced):
    """A date such as 31/12/9999, which spreadsheets write for "no end"."""


def read_date(raw: Any) -> tuple[PartialDate, bool]:
    """A date cell as a date as precise as the sheet, and whether words around it were dropped
    (``c. 2005``): those keep the cell's text in the notes."""
    date, rough = _read_date(raw)
    if date.year > LAST_YEAR:
        raise Placeholder(f"the year {date.year} is a placeholder, not a date")
    return date, rough


def _read_date(raw: Any) -> tuple[PartialDate, bool]:
    if isinstance(raw, dt.datetime):
        return PartialDate(
            raw.year, raw.month, raw.day
        ), raw.time() != dt.time()  # a time of day is kept in the notes
    if isinstance(raw, dt.date):
        return PartialDate(raw.year, raw.month, raw.day), False
    if isinstance(raw, bool):
        raise Unplaced("not a date")
    if isinstance(raw, int | float) and float(raw).is_integer() and 1000 <= raw <= 9999:
        return PartialDate(int(raw), None, None), False
    if isinstance(raw, int | float) and EXCEL_DAYS[0] <= raw <= EXCEL_DAYS[1]:
        # a date cell that lost its date format (Excel counts days from 30 December 1899)
        counted = dt.date(1899, 12, 30) + dt.timedelta(days=int(raw))
        return PartialDate(counted.year, counted.month, counted.day), True
    text = " ".join(str(raw).split())
    rough = bool(_ROUGHLY.match(text))
    text = _ROUGHLY.sub("", text)
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    if m := _ISO_TIME.match(text):
        rough = rough or not re.search(r"[T ]00:00(:00(\.0+)?)?$", text)
        text = m.group(1)
    try:
        if _ISO.match(text):
            stated = int(text[:4])
            return (PartialDate.parse(text) if stated <= LAST_YEAR else PartialDate(stated)), rough
    except ValueError:
        raise Unplaced("not a real date") from None
    said = uk_date(text)
    if said is not None:
        return said, rough
    if (m := re.match(r"^\d{1,2}[/.\-]\d{1,2}[/.\-](\d{4})$", text)) and int(m.group(1)) > LAST_YEAR:
        return PartialDate(int(m.group(1))), rough  # 31/12/9999: refused by read_date as a placeholder
    day = month = year = None
    if m := _DMY_SHORT.match(text):
        day, month, year = int(m.group(1)), int(m.group(2)), _year(m.group(3))
    elif m := _D_MON_Y.match(text):
        day, month, year = int(m.group(1)), _MONTH.get(m.group(2)[:3].lower()), _year(m.group(3))
    elif m := _MON_Y.match(text):
        month, year = _MONTH.get(m.group(1)[:3].lower()), _year(m.group(2))
    if month is not None and year is not None:
        try:
            dt.date(year, month, day or 1)
            return PartialDate(year, month, day), rough
        except ValueError:
            pass
    if re.match(r"^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}$", text):
        raise Unplaced("not a real date (day/month/year)")
    if financial_year(text):
        raise Unplaced("a financial year, not a date: record the date it began or ends")
    raise Unplaced("not a date")


_BULLET = re.compile(r"^\s*(?:[•·\-*\u2013\u2014]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+", re.IGNORECASE)


def split_list(text: str) -> list[str]:
    """A cell's items: one a line, or separated by semicolons; bullets and numbering dropped."""
    items = [_BULLET.sub("", part).strip() for part in re.split(r"[;\n\r]+", text)]
    return [item for item in items if item]


def split_names(text: str) -> tuple[list[str], bool]:
    """Partners' names from a cell, and whether commas were taken as separators.

    Commas separate names only where that cannot be a misreading: every part has at least
    two words and starts with a capital or a digit ("Essex Police, Sport England"). A comma
    inside a name ("Basildon, Brentwood and Thurrock Mind") leaves the cell as one name.
    """
    names = split_list(text)
    if len(names) != 1 or "," not in names[0]:
        return names, False
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?", names[0])]
    if len(parts) > 1 and all(len(p.split()) >= 2 and p[:1].isupper() | p[:1].isdigit() for p in parts):
        return parts, True
    return names, False


def kind_from_label(label: str) -> tuple[Kind | None, dict[str, Any]]:
    """A council's own label for the kind, as the policy's kind where its words decide it:
    "Contractual arrangement", "Significant partnership" (also high significance), "Statutory
    partnership" (also statutory), "Shared working arrangement", "Grant"; ``None`` where they
    do not ("Alliance", "Shared service") or point two ways."""
    words = set(_words(label))
    said = {
        Kind.CONTRACT: bool(words & {"contract", "contractual", "commissioned", "procured", "procurement"}),
        Kind.COMMUNITY_FUNDING: bool(
            words & {"grant"} or {"community", "funding"} <= words or {"funding", "agreement"} <= words
        ),
        Kind.JOINT_WORKING: bool(
            words & {"forum", "network"}
            or ("working" in words and words & {"joint", "collaborative", "shared"})
            or {"working", "group"} <= words
        ),
        Kind.PARTNERSHIP: bool(words & {"partnership", "partner"}),
    }
    kinds = [k for k, yes in said.items() if yes]
    if len(kinds) != 1:
        return None, {}
    extra: dict[str, Any] = {}
    if kinds[0] is Kind.PARTNERSHIP and "significant" in words:
        extra["significance"] = "high"
    if "statutory" in words and "non" not in words:
        extra["statutory"] = True
    return kinds[0], extra


def form_from_words(text: str) -> str | None:
    """What the body is, from a council's words for it: "Shared service", "Wholly-owned company",
    "Joint venture (LLP)"; ``None`` where they name no form partreg knows."""
    words = " ".join(_words(text.replace("-", " ").replace("'", "")))
    if words in FORMS:
        return FORMS[words]
    found = {
        form for said, form in FORMS.items() if len(said) > 3 and re.search(rf"\b{re.escape(said)}\b", words)
    }
    return found.pop() if len(found) == 1 else None


_EXTENSION_PLUS = re.compile(
    r"^(\d+(?:\.\d+)?)((?:\s*\+\s*\d+(?:\.\d+)?)+)\s*(years?|yrs?|months?|mths?)?$", re.IGNORECASE
)
_EXTENSION_LENGTH = re.compile(r"(\d+(?:\.\d+)?)\s*(years?|yrs?|months?|mths?)\b", re.IGNORECASE)
_EXTENSION_UNTIL = re.compile(r"\b(?:to|until|till)\s+", re.IGNORECASE)
_EXTENSION_STATUS = re.compile(r"\s*\((available|taken|declined)\)\s*$", re.IGNORECASE)


def read_extensions(text: str) -> list[dict[str, Any]]:
    """A contract's extension options as registers write them: ``3 + 3 years`` (a term of 3 years
    and one extension of 3), ``10 + 10``, ``2 + 1 + 1 years``, ``option to extend to 2039``,
    ``10 years, to 31 March 2039 (available)`` (as partreg writes them), several separated by ``;``."""
    out: list[dict[str, Any]] = []
    for part in split_list(text):
        said = " ".join(part.split())
        if m := _EXTENSION_PLUS.match(said):
            unit = (m.group(3) or "years").lower()
            lengths = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", m.group(2))]
            out += [{"years": _whole(n / 12 if unit.startswith("m") else n)} for n in lengths]
            continue
        extension: dict[str, Any] = {}
        if m := _EXTENSION_LENGTH.search(said):
            n = float(m.group(1))
            extension["years"] = _whole(n / 12 if m.group(2).lower().startswith("m") else n)
        status = _EXTENSION_STATUS.search(said)
        if status:
            extension["status"] = status.group(1).lower()
            said = said[: status.start()].strip()
        for m in _EXTENSION_UNTIL.finditer(said):  # "option to extend to 2039": the "to" a date follows
            with contextlib.suppress(Unplaced):
                extension["until"] = read_date(said[m.end() :].strip(" ,."))[0].yaml_value()
                break
        if not extension:
            raise Unplaced("not an extension option (such as '3 + 3 years' or 'to 31 March 2039')")
        out.append(extension)
    return out


def _whole(years: float) -> float | int:
    return int(years) if float(years).is_integer() else round(years, 2)


def _contribution(draft: _Draft, column: Column, raw: Any, row: int) -> None:
    """A council contribution column: cash, in kind or a loan, in the year its header names
    ("In kind 2023/24"), or a year column gives (placed once every cell is read), else in a year
    the officer records (lint asks for it)."""
    if column.key == ("contributions", "year"):
        period = financial_year(_text(raw))
        if period is None:
            raise Unplaced("not a financial year (such as 2024/25)")
        draft.year = f"{period[0].year}/{period[1].year % 100:02d}"
        return
    amount, qualified = read_money(raw)
    year = re.search(r"\b((?:19|20)\d\d)\s*[/-]\s*(\d\d)\b", column.header)
    contributions = draft.data.setdefault("contributions", [])
    key = f"{year.group(1)}/{year.group(2)}" if year else None
    found = next((c for c in contributions if c.get("year") == key), None)
    if found is None:
        found = {"year": key, "by": "council"} if key else {"by": "council"}
        contributions.append(found)
    found[str(column.key[-1]) if column.key else "cash_gbp"] = amount
    if qualified:
        draft.keep(column, _text(raw), row=row, read_as=f"£{amount:,}")


def _show(value: Any) -> str:
    """A cell as a message quotes it (:func:`partreg.models.shown`, with room for a sentence)."""
    return shown(value.strip() if isinstance(value, str) else value, 60)


# ---------------------------------------------------------------- rows


@dataclass
class Finding:
    """Something about one cell the officer should know: where it is and what became of it."""

    row: int
    column: Column | None
    message: str
    #: "warning": a value went to the notes, or was read leaving words out; "note": for information.
    severity: str = "warning"

    def line(self, display: str) -> str:
        where = f"{display}:{self.row}:{self.column.letter}" if self.column else f"{display}:{self.row}"
        header = f"{self.column.header!r}: " if self.column and self.column.header else ""
        return f"{where}: [{self.severity}] {header}{self.message}"


@dataclass
class Row:
    """One row's entry, as data for a new file, and what became of its cells."""

    number: int
    data: dict[str, Any]
    findings: list[Finding] = field(default_factory=list)
    #: What lint finds in the entry: what it still needs.
    needs: list[Problem] = field(default_factory=list)

    @property
    def id(self) -> str:
        return str(self.data["id"])


@dataclass
class _Draft:
    data: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    lists: dict[tuple[str, str], tuple[Column, list[str], str]] = field(default_factory=dict)
    numbered: dict[tuple[str, int], dict[str, Any]] = field(default_factory=dict)
    money: list[tuple[Column, int | float, str]] = field(default_factory=list)
    #: Priorities named in the sheet that partreg.yaml does not list.
    unknown: list[str] = field(default_factory=list)
    #: The law named after "Yes" in a statutory column, and that cell.
    basis: str = ""
    basis_cell: tuple[Column, str] = (Column(0, "A", "", None), "")
    #: The reason given for the significance (placed once every cell is read, beside its level).
    reason: str = ""
    #: The financial year a "contributions year" column gives the council's contributions.
    year: str = ""

    def set(self, key: Key, value: Any) -> None:
        target = self.data
        for part in key[:-1]:
            target = target.setdefault(str(part), {})
            if not isinstance(target, dict):
                raise Unplaced(f"{dotted(key[: key.index(part) + 1])} already holds another column's value")
        target[str(key[-1])] = value

    def extend(self, key: Key, items: list[Any]) -> None:
        """Add to a list field, which several columns may fill ("Partner 1", "Partner 2")."""
        target = self.data
        for part in key[:-1]:
            target = target.setdefault(str(part), {})
        found = target.setdefault(str(key[-1]), [])
        found.extend(i for i in items if i not in found)

    def has(self, key: Key) -> bool:
        target: Any = self.data
        for part in key:
            if not isinstance(target, dict) or str(part) not in target:
                return False
            target = target[str(part)]
        return True

    def keep(
        self, column: Column, raw: Any, why: str | None = None, row: int = 0, *, read_as: str = ""
    ) -> None:
        """The cell's text into the notes, under its header; ``why`` it could not be placed, or
        what it was ``read_as`` leaving words out, reported at the cell."""
        text = raw.strip() if isinstance(raw, str) else str(raw)
        text = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
        self.notes.append(f"{column.header or 'Column ' + column.letter}: {text}")
        if read_as:
            message = f"{_show(text)} read as {read_as}; the whole text is kept in internal notes"
            self.findings.append(Finding(row, column, message))
        elif why:
            self.findings.append(Finding(row, column, f"{_show(text)} kept in internal notes: {why}"))


def _text(raw: Any) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat(" ")
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return str(raw).strip()


def _is_blank(raw: Any, key: Key | None = None) -> bool:
    """An empty cell, or, for a field, one that says only "no value" ("N/A", "-"); for money, "Nil"
    is £0. A cell bound for the notes is kept as the sheet has it."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return True
    if key is None or key == NOTES:
        return False  # to the notes as the sheet has it
    said = str(raw).strip().lower() if isinstance(raw, str) else None
    if said in ("nil", "none") and (key == MONEY or str(key[-1]).endswith("_gbp")):
        return False
    return said in BLANK


def _place(draft: _Draft, column: Column, raw: Any, row: int, settings: Settings | None) -> None:
    """Read one cell into the draft, or into the notes saying why."""
    key = column.key
    assert key is not None
    if isinstance(raw, str):
        raw = _clean(draft, column, raw, row)
        if not raw:
            return
    try:
        if isinstance(raw, str) and _EXCEL_ERROR.match(raw.strip()):
            raise Unplaced(f"an Excel error ({raw.strip()}): correct the formula in the sheet")
        if key == NOTES:
            draft.keep(column, _text(raw))
        elif key == NEXT_REVIEW:
            draft.keep(column, _date_text(raw))
        elif key in (
            ("start",),
            ("end",),
            ("agreement", "date"),
            ("funding", "period_start"),
            ("funding", "period_end"),
        ):
            if key == ("end",) and isinstance(raw, str) and raw.strip().lower() in NO_END:
                return  # no end: what an absent `end` means
            try:
                date, rough = read_date(raw)
            except Placeholder:
                if key != ("end",):
                    raise
                draft.keep(column, _text(raw))  # 31/12/9999: no end, which an absent `end` means
                draft.findings.append(
                    Finding(row, column, f"{_show(_text(raw))} read as no end date", "note")
                )
                return
            draft.set(key, date.yaml_value())
            if rough:
                draft.keep(column, _text(raw), row=row, read_as=date.iso)
        elif key == ("funding", "period"):
            _period(draft, column, raw, row)
        elif key == ("review", "history"):
            date, rough = read_date(raw)
            history = draft.data.setdefault("review", {}).setdefault("history", [{}])
            history[0] = {
                "date": date.yaml_value(),
                **history[0],
            }  # an outcome column may have given its outcome
            if rough:
                draft.keep(column, _text(raw), row=row, read_as=date.iso)
        elif key == ("review", "months"):
            draft.set(key, read_months(raw))
        elif key == ("kind",):
            _kind(draft, column, raw, row)
        elif key == ("status",):
            status = STATUSES.get(" ".join(_text(raw).lower().split()))
            if status is None:
                raise Unplaced("not a status (active, ended or proposed)")
            draft.set(key, status)
        elif key in (("statutory",), ("characteristics", "formal_agreement")):
            value, rest = _boolean(raw)
            draft.set(key, value)
            if rest and key == ("statutory",) and value:
                draft.basis, draft.basis_cell = rest, (column, _text(raw))  # placed once every cell is read
            elif rest:
                draft.keep(column, _text(raw), row=row, read_as="yes" if value else "no")
        elif key == ("significance",):
            text = _text(raw).lower()
            said = _yes_no(text) if text not in LEVELS else None
            if text in LEVELS:
                draft.set(key, LEVELS[text])
            elif said is not None and not said[1]:
                draft.set(key, "high" if said[0] else "low")
            else:
                raise Unplaced("not a significance (yes, no, high, medium or low)")
        elif key == ("rating",):
            word = _text(raw).lower().replace("assurance", "").strip()
            if word not in RATINGS:
                raise Unplaced("not an assurance rating (substantial, reasonable, limited or weak)")
            draft.set(key, word)
        elif key == ("agreement", "type"):
            low = " ".join(_words(_text(raw)))
            if low not in AGREEMENTS:
                raise Unplaced("not a type of agreement partreg knows")
            draft.set(key, AGREEMENTS[low])
        elif key == ("partners",):
            names, by_commas = split_names(_text(raw))
            draft.extend(key, [{"name": n} for n in names])
            if by_commas:
                draft.findings.append(
                    Finding(row, column, f"read as {len(names)} partners, separated by commas", "note")
                )
            elif len(names) == 1 and "," in names[0]:
                draft.findings.append(
                    Finding(
                        row,
                        column,
                        f"{_show(names[0])} kept as one partner: if it names several, separate them with ';'",
                        "note",
                    )
                )
        elif key == ("priorities",):
            names = split_list(_text(raw))
            if len(names) == 1 and names[0].lower() in LEVELS and "significance" not in draft.data:
                # a "Priority" column saying High, Medium or Low is the arrangement's significance
                draft.set(("significance",), LEVELS[names[0].lower()])
                draft.keep(column, names[0], row=row, read_as=f"significance {LEVELS[names[0].lower()]}")
                return
            ids = _priorities(names, settings)
            if "arrangement" in ids and not any(re.search(r"[A-Za-z0-9]", n) for n in names):
                raise Unplaced("names no priority")
            draft.extend(key, ids)
            if settings is not None:
                draft.unknown.extend(
                    n for n, i in zip(names, ids, strict=True) if i not in settings.priorities
                )
        elif key in (("objectives",), ("funding", "actions")):
            draft.extend(key, split_list(_text(raw)))
        elif key[0] in NUMBERED and column.number is not None:
            joined = "; ".join(split_list(_text(raw)))
            draft.numbered.setdefault((str(key[0]), column.number), {})[str(key[1])] = joined
        elif key[0] in NUMBERED:
            draft.lists[(str(key[0]), str(key[1]))] = (column, split_list(_text(raw)), _text(raw))
        elif key == MONEY or key[-1] in (
            "funding_gbp",
            "value_gbp",
            "amount_gbp",
            "annual_value_gbp",
            "whole_life_value_gbp",
        ):
            _money(draft, column, raw, row)
        elif key == ("links",):
            url = _text(raw)
            if url.lower().startswith("www."):
                url = "https://" + url
            if not re.match(r"^https?://\S+$", url, re.IGNORECASE):
                raise Unplaced("not a web address")
            draft.data.setdefault("links", []).append({"title": column.header or "Website", "url": url})
        elif key == ("form",):
            form = form_from_words(_text(raw))
            if form is None:
                raise Unplaced(f"not a form of body partreg knows ({', '.join(FORMS)})")
            draft.set(key, form)
        elif key == ("representatives",):
            draft.extend(key, [representative(name) for name in split_list(_text(raw))])
        elif key in (("replaces",), ("replaced_by",)):
            draft.extend(key, [propose_id(name) for name in split_list(_text(raw))])
        elif key[0] == "decisions":
            decision = draft.data.setdefault("decisions", [{}])[0]
            if key[1] == "date":
                date, rough = read_date(raw)
                decision["date"] = date.yaml_value()
                if rough:
                    draft.keep(column, _text(raw), row=row, read_as=date.iso)
            elif key[1] == "url" and not re.match(r"^https?://\S+$", _text(raw), re.IGNORECASE):
                raise Unplaced("not a web address")
            else:
                decision[str(key[1])] = _text(raw)
        elif key[0] == "contributions":
            _contribution(draft, column, raw, row)
        elif key == ("contract", "extensions"):
            draft.set(key, read_extensions(_text(raw)))
        elif key == ("significance", "reason"):
            draft.reason = _text(raw)
        elif key == REVIEW_OUTCOME:
            outcome = OUTCOMES.get(" ".join(_words(_text(raw))))
            if outcome is None:
                raise Unplaced(
                    "not a review outcome (continue, amend, exit, reassess or proposed for removal)"
                )
            history = draft.data.setdefault("review", {}).setdefault("history", [{}])
            history[0]["outcome"] = outcome
        elif key == ("id",):
            if not re.match(ID_PATTERN, _text(raw)) or _text(raw) in RESERVED_NAMES:
                raise Unplaced(
                    "cannot be an id (lower-case letters, digits and hyphens, not a name Windows reserves)"
                )
            draft.set(key, _text(raw))
        else:
            draft.set(key, _as_field(key, raw))
    except Unplaced as e:
        draft.keep(column, _text(raw), str(e), row)


_EXCEL_ERROR = re.compile(r"^#(N/A|REF!|DIV/0!|VALUE!|NAME\?|NULL!|NUM!|SPILL!|CALC!|GETTING_DATA)$")
#: Control characters, and the escape sequences a terminal would act on; tab and line breaks stay.
_CONTROL = re.compile(
    r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|.)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff]"
)
#: Fields of one line: a line break in their cell (Alt+Enter in Excel) is a space.
ONE_LINE = {("title",), ("lead", "role"), ("lead", "service"), ("lead", "member"), ("statutory_basis",),
            ("contract", "reference"), ("contract", "procurement_route"), ("id",)}  # fmt: skip
#: A cell in a lead officer column that reads as a person's name, not a role.
_PERSON = re.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z]\.?)?\s+[A-Z][a-zA-Z'\-]+$")
_ROLE_WORDS = re.compile(
    r"\b(manager|officer|head|director|lead|chief|executive|coordinator|co-ordinator|team|service|adviser|advisor|"
    r"assistant|deputy|principal|senior|specialist|partnership|community|development|policy|clerk|secretary)\b",
    re.IGNORECASE,
)


def _clean(draft: _Draft, column: Column, raw: str, row: int) -> str:
    """A text cell without control characters (reported), one line for a one-line field."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x85", "\n").replace("\u2028", "\n")
    cleaned = _CONTROL.sub("", text)
    if cleaned != text:
        draft.findings.append(
            Finding(row, column, "control characters removed (they would act on a terminal)")
        )
    if column.key in ONE_LINE:
        cleaned = " ".join(cleaned.split())
    if column.key == ("lead", "role") and _PERSON.match(cleaned.strip()) and not _ROLE_WORDS.search(cleaned):
        draft.findings.append(
            Finding(
                row,
                column,
                f"{_show(cleaned)} reads as a person's name: the register records the lead's role, "
                "which is published (e.g. 'Community Safety Manager')",
            )
        )
    return cleaned


def _as_field(key: Key, raw: Any) -> Any:
    """A cell for a field the table has no rule for (one named with --map), read by the field's type."""
    found = _field(key)
    assert found is not None  # can_map let it through
    annotation, model = found
    if model is bool:
        value, rest = _boolean(raw)
        if rest:
            raise Unplaced("not yes or no")
        return value
    if model is PartialDate or "PartialDate" in str(annotation):
        return read_date(raw)[0].yaml_value()
    if model is int:
        return read_months(raw)
    if model is float:
        amount, qualified = read_money(raw)
        if qualified:
            raise Unplaced("an amount with words around it")
        return amount
    if "list[" in str(annotation):
        return split_list(_text(raw))
    if isinstance(model, type) and issubclass(model, StrEnum):
        word = "-".join(_words(_text(raw)))
        if word not in {m.value for m in model}:
            raise Unplaced(f"not one of: {', '.join(m.value for m in model)}")
        return word
    return _text(raw)


def _date_text(raw: Any) -> str:
    try:
        return read_date(raw)[0].display() if not isinstance(raw, str) else raw.strip()
    except Unplaced:
        return _text(raw)


#: `` - `` or `` to `` between two dates. The look-behind starts it only where a run of spaces
#: starts: tried from every space of a long run, it made a cell of 30,000 spaces take six seconds.
_PERIOD_SEPARATOR = re.compile(r"(?<!\s)\s+(?:-|\u2013|\u2014|to|until)\s+")


def _period(draft: _Draft, column: Column, raw: Any, row: int) -> None:
    text = _text(raw)
    if year := financial_year(text):
        draft.set(("funding", "period_start"), year[0])
        draft.set(("funding", "period_end"), year[1])
        return
    parts = _PERIOD_SEPARATOR.split(text)
    if len(parts) != 2:
        raise Unplaced("not a period (such as '01/04/2025 - 31/03/2026' or '2025/26')")
    start, _ = read_date(parts[0])
    end, _ = read_date(parts[1])
    draft.set(("funding", "period_start"), start.yaml_value())
    draft.set(("funding", "period_end"), end.yaml_value())


def _kind(draft: _Draft, column: Column, raw: Any, row: int) -> None:
    label = _text(raw)
    kind, extra = kind_from_label(label)
    form = form_from_words(label)
    if form is not None and form != "other":  # "Shared service", "Joint venture": what the body is
        draft.data.setdefault("form", form)
    if kind is None:
        raise Unplaced(
            "not one of the policy's four kinds, and its words do not decide one: "
            "record the kind (`partreg classify` explains each)"
        )
    draft.set(("kind",), kind.value)
    for key, value in extra.items():
        draft.data.setdefault(key, value)
    if normal(label) not in (
        normal(kind.value.replace("-", " ")),
        normal(kind.value.replace("-", " ") + "s"),
    ):
        draft.keep(column, label)  # the council's own label stays with the entry


def _money(draft: _Draft, column: Column, raw: Any, row: int) -> None:
    try:
        amount, qualified = read_money(raw)
    except Unplaced:
        text = _text(raw)
        if column.key == ("resources", "council", "funding_gbp") and not re.search(r"\d", text):
            # "Officer time", "In kind": what the council gives is not money
            if re.search(r"\b(staff|officers?|time|fte|hours?|days?)\b", text, re.IGNORECASE):
                draft.set(("resources", "council", "staff"), text)
                return
            if re.search(r"\b(in[ -]kind|premises|venue|accommodation|equipment)\b", text, re.IGNORECASE):
                draft.set(("resources", "council", "other"), text)
                return
        raise
    draft.money.append((column, amount, _text(raw)))
    if qualified:
        draft.keep(column, _text(raw), row=row, read_as=f"£{amount:,}")


def _priorities(names: list[str], settings: Settings | None) -> list[str]:
    if settings is None:
        return [propose_id(n) for n in names]
    exact = {" ".join(v.casefold().split()): k for k, v in settings.priorities.items()}
    by_words = {normal(v): k for k, v in settings.priorities.items() if normal(v)}
    return [
        n
        if n in settings.priorities
        else exact.get(" ".join(n.casefold().split())) or by_words.get(normal(n)) or propose_id(n)
        for n in names
    ]


def _lists(draft: _Draft, row: int) -> None:
    """Outcome and risk columns into their lists: numbered columns by number; one cell a line each,
    paired with its measure or mitigation cell line by line where both have as many lines."""
    for (name, _number), parts in sorted(draft.numbered.items()):
        items = draft.data.setdefault(name, [])
        items.append({k: v for k, v in parts.items() if v})
    for name, main in (("outcomes", "description"), ("risks", "description")):
        first = draft.lists.get((name, main))
        others = {part: cell for (n, part), cell in draft.lists.items() if n == name and part != main}
        if first is None:
            for column, _, text in others.values():
                draft.keep(column, text, f"no {name[:-1]} column to pair it with", row)
            continue
        column, values, _ = first
        items = [{main: v} for v in values]
        for part, (other, said, text) in others.items():
            if len(said) == len(items):
                for item, value in zip(items, said, strict=True):
                    item[part] = value
            else:
                draft.keep(
                    other,
                    text,
                    f"{len(said)} lines against {len(items)} in {column.header!r}: cannot pair them",
                    row,
                )
        draft.data.setdefault(name, []).extend(items)


#: The money field each kind has of its own.
BY_KIND: dict[str, Key] = {
    "contract": ("contract", "value_gbp"),
    "community-funding": ("funding", "amount_gbp"),
}


def _place_money(draft: _Draft, row: int) -> None:
    for column, amount, text in draft.money:
        key = column.key
        if key == MONEY:
            kind = draft.data.get("kind")
            key = BY_KIND.get(str(kind), ("resources", "council", "funding_gbp"))
        if key == ("resources", "council", "funding_gbp"):
            # what the council pays for a contract is its value; what it puts into a grant is the grant
            given = BY_KIND.get(str(draft.data.get("kind")))
            if given is not None and not draft.has(given):
                key = given
        assert key is not None
        if draft.has(key):
            draft.keep(column, text, f"{dotted(key)} is given by another column", row)
        else:
            draft.set(key, amount)


@dataclass
class Result:
    """The sheet's rows as entries, with what the importer did that the officer should know."""

    rows: list[Row]
    blank_rows: list[int]
    #: Rows that are not arrangements (a section heading, a totals row, a note under the table):
    #: (row, its text, what it was read as).
    passed: list[tuple[int, str, str]]
    #: Priorities the sheet names that partreg.yaml does not list, with how many rows name each.
    unknown_priorities: dict[str, int] = field(default_factory=dict)


def read_rows(
    display: str,
    stem: str,
    rows: Iterable[tuple[int, list[Any]]],
    mapping: Mapping,
    settings: Settings | None,
    merged: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
) -> Result:
    """Every row that is an arrangement as an entry: its cells placed, its id unique within the
    sheet, checked by the linter for what it still needs. A row that only adds to the one above
    (another partner on the next line, under a title merged down) is added to it; a section
    heading, a totals row, a note about the sheet and a repeated header are passed over, named."""
    placed = [c for c in mapping.columns if c.key is not None]
    title = next((c for c in mapping.columns if c.key == ("title",)), None)
    header = [normal(c.header) for c in mapping.columns]
    out: list[Row] = []
    blank: list[int] = []
    passed: list[tuple[int, str, str]] = []
    section: tuple[Kind, dict[str, Any]] | None = None
    ids: dict[str, int] = {}
    counters: dict[str, int] = {}
    unknown: dict[str, int] = {}
    previous: tuple[Row, list[Any]] | None = None
    for number, cells in rows:
        filled = [c for c in mapping.columns if c.index < len(cells) and not _is_blank(cells[c.index], c.key)]
        if not any(not _is_blank(cell) for cell in cells):
            blank.append(number)
            continue
        if [normal(_text(c)) if c is not None else "" for c in cells] == header:
            passed.append((number, _text(cells[filled[0].index]), "the header row again"))
            continue
        total = _total(cells, title)
        if total:
            passed.append((number, total, "a totals row, not an arrangement"))
            continue
        if len(filled) == 1 and len(placed) >= 3:
            text = _text(cells[filled[0].index])
            kind, extra = kind_from_label(text)
            if filled[0] is title and kind is not None and set(_words(text)) <= _SECTION_WORDS:
                section = (kind, extra)
                passed.append(
                    (number, text, "a section heading: the rows below take its kind where they give none")
                )
                continue
            if _FOOTNOTE.match(text) or (filled[0] is not title and filled[0].key not in CONTINUED):
                passed.append((number, text, "a note about the sheet, not an arrangement"))
                continue
        if (
            previous is not None
            and title is not None
            and _continues(number, cells, previous[1], filled, title, merged)
        ):
            _add_to(previous[0], number, cells, previous[1], filled, settings)
            continue
        draft = _Draft()
        for column in mapping.columns:
            raw = cells[column.index] if column.index < len(cells) else None
            if _is_blank(raw, column.key):
                continue  # empty, or "N/A", "-": nothing to keep
            if column.key is None:
                draft.keep(column, _text(raw))
            else:
                _place(draft, column, raw, number, settings)
        if section is not None and "kind" not in draft.data:
            draft.set(("kind",), section[0].value)
            for key, value in section[1].items():
                draft.data.setdefault(key, value)
        _finish(draft, number)
        if mapping.assume_active:
            draft.data.setdefault("status", "active")
        data = draft.data
        base = data.get("id") or (propose_id(data["title"]) if isinstance(data.get("title"), str) else None)
        if base is None:
            # from what the row says, not where it is: a second import finds the same id
            said = "\x1f".join(_text(c) for c in cells if not _is_blank(c))
            base = f"{propose_id(stem)[:48].rstrip('-')}-untitled-{hashlib.sha256(said.encode()).hexdigest()[:6]}"
        entry_id = _unique(str(base), ids, counters)
        if entry_id != base:
            message = f"row {ids[str(base)]} has the same id {base!r}: this row's id is {entry_id}"
            draft.findings.append(Finding(number, title, message, "note"))
        ids[entry_id] = number
        data["id"] = entry_id
        for name in draft.unknown:
            unknown[name] = unknown.get(name, 0) + 1
        row = Row(number, canonical(data), draft.findings)
        out.append(row)
        previous = (row, cells)
    _check(display, out, settings)
    return Result(out, blank, passed, unknown)


def _unique(base: str, ids: dict[str, int], counters: dict[str, int]) -> str:
    """``base``, or ``base-2``, ``base-3``... where it is taken, within the 64 characters an id has."""
    if base not in ids:
        return base
    n = counters.get(base, 1)
    while True:
        n += 1
        suffix = f"-{n}"
        candidate = base[: 64 - len(suffix)].rstrip("-") + suffix
        if candidate not in ids:
            counters[base] = n
            return candidate


def _finish(draft: _Draft, row: int) -> None:
    """What is placed once every cell is read: money by kind, outcome and risk lists, the notes."""
    _place_money(draft, row)
    _lists(draft, row)
    if draft.basis and draft.data.get("statutory_basis") != draft.basis:
        if "statutory_basis" in draft.data:
            column, text = draft.basis_cell
            draft.keep(column, text, row=row, read_as="yes")
        else:
            draft.data["statutory_basis"] = draft.basis
    if draft.year:
        for contribution in draft.data.get("contributions", []):
            contribution.setdefault("year", draft.year)
    if draft.reason:
        level = draft.data.get("significance")
        draft.data["significance"] = (
            {"level": level, "reason": draft.reason} if level else {"reason": draft.reason}
        )
    if draft.notes:
        notes = draft.data.setdefault("internal", {})
        old = notes.get("notes")
        notes["notes"] = "\n".join(([old] if old else []) + draft.notes)


#: Columns a row may add to the entry above it: lists, and text that goes to the notes.
CONTINUED: set[Key | None] = {*LISTS, ("outcomes", "description"), ("outcomes", "measure"), ("outcomes", "target"),
                              ("risks", "description"), ("risks", "mitigation"), NOTES, None}  # fmt: skip


def _continues(
    number: int,
    cells: list[Any],
    above: list[Any],
    filled: list[Column],
    title: Column,
    merged: set[tuple[int, int]] | frozenset[tuple[int, int]],
) -> bool:
    """Whether a row only adds to the entry above it: it has no title of its own (or the title
    merged down from above), and each of its cells adds to a list or the notes, or repeats the row
    above (a merged cell)."""
    own_title = title in filled and (number, title.index) not in merged
    if own_title:
        return False
    new = [c for c in filled if c is not title and not _same(cells[c.index], above[c.index])]
    return bool(new) and all(c.key in CONTINUED for c in new)


def _same(a: Any, b: Any) -> bool:
    return a == b or (isinstance(a, str) and isinstance(b, str) and a.strip() == b.strip())


def _add_to(
    entry: Row,
    number: int,
    cells: list[Any],
    above: list[Any],
    filled: list[Column],
    settings: Settings | None,
) -> None:
    """A continuation row's lists and notes, added to the entry above."""
    draft = _Draft()
    for column in filled:
        if column.key == ("title",) or _same(cells[column.index], above[column.index]):
            continue
        if column.key is None:
            draft.keep(column, _text(cells[column.index]))
        else:
            _place(draft, column, cells[column.index], number, settings)
    _finish(draft, number)
    added = []
    for name, items in draft.data.items():
        if name == "internal":
            old = entry.data.setdefault("internal", {}).get("notes")
            entry.data["internal"]["notes"] = "\n".join([*([old] if old else []), items["notes"]])
        elif name == "funding":
            entry.data.setdefault("funding", {}).setdefault("actions", []).extend(items.get("actions", []))
            added.append("funding.actions")
        elif isinstance(items, list):
            entry.data.setdefault(name, []).extend(items)
            added.append(name)
    entry.data = canonical(entry.data)
    entry.findings.extend(draft.findings)
    what = " and ".join(added) or "notes"
    entry.findings.append(
        Finding(number, None, f"continues row {entry.number}: its {what} added to {entry.id}", "note")
    )


def _total(cells: list[Any], title: Column | None) -> str:
    """The label of a totals row ("Total", "TOTAL COST", "Sub total - statutory"), or ``""``."""
    if title is not None and not _is_blank(cells[title.index]):
        text = _text(cells[title.index])
        return text if _TOTAL.match(text) else ""
    labels = [_text(c) for c in cells if isinstance(c, str) and _TOTAL.match(c.strip())]
    return labels[0] if labels else ""


_TOTAL = re.compile(
    r"^(grand\s+|sub[\s-]*)?totals?(\s*$|\s*[:(\-\u2013]|\s+(cost|spend|value|funding|budget|excl|incl|for|of|to)\b|\s+\d)",
    re.IGNORECASE,
)
#: A line under (or above) the table that describes the sheet, in the title column.
_FOOTNOTE = re.compile(
    r"^(notes?\s*:|key\s*:|source\s*:|version\s*[:\d]|last updated|updated\s*(:|on\b)|"
    r"prepared by|produced by|correct as (at|of)|as at\s+\d)",
    re.IGNORECASE,
)
#: The words of a section heading within a sheet ("Strategic partnerships", "Contracts"), which
#: sets the kind of the rows below it; a row titled "Essex Climate Action Network" is an entry.
_SECTION_WORDS = set(
    [
        "strategic",
        "significant",
        "statutory",
        "key",
        "external",
        "other",
        "and",
        "partnership",
        "contract",
        "contractual",
        "arrangement",
        "joint",
        "working",
        "collaborative",
        "shared",
        "community",
        "funding",
        "grant",
        "agreement",
        "forum",
        "network",
    ]
)


@dataclass
class _RowSource:
    """A row as the linter sees a file: every position is the row's first cell."""

    display: str
    row: int
    data: Any
    text: str | None = None
    problems: list[Problem] = field(default_factory=list)

    def locate(self, key: tuple[str | int, ...], *, at_key: bool = False) -> tuple[int, int]:
        return self.row, 1


def _check(display: str, rows: list[Row], settings: Settings | None) -> None:
    linter = Linter(settings, ALL)
    for row in rows:
        _, problems = linter.check(_RowSource(display, row.number, row.data), row.id)
        row.needs = [p for p in problems if p.severity is Severity.ERROR]


def needs_summary(rows: Sequence[Row]) -> list[tuple[str, int]]:
    """What the entries most often still need, most common first, as a missing field or a rule:
    ``("lead.role", 17)``, ``("partnership-missing-risks", 18)``."""
    counts: dict[str, int] = {}
    for row in rows:
        for key in sorted(
            {re.sub(r"\[\d+\]", "", p.key) if p.rule == missing_field.ID else p.rule for p in row.needs}
        ):
            counts[key] = counts.get(key, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def plural(n: int, word: str) -> str:
    if n == 1:
        return f"{n:,} {word}"
    return f"{n:,} {word[:-1]}ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else f"{n:,} {word}s"


def import_report(
    table: Any, mapping: Mapping, result: Result, existing: set[int], folder: str
) -> tuple[list[str], bool]:
    """The dry run's lines: how the sheet was read, where each column goes, each cell the officer
    should look at, and the totals; and whether anything needs attention."""
    where = (
        f"row {table.header_row}"
        if table.header_rows == 1
        else f"rows {table.header_row} and {table.header_row + 1}"
    )
    lines = [f"Read {table.display}: {table.described}, headers on {where}."]
    lines += [f"  {note}" for note in table.notes]
    lines.append("Columns:")
    width = max((len(c.header) for c in mapping.columns), default=0) + 2
    for column in mapping.columns:
        if not column.header and column.key is None:
            continue  # an empty column between filled ones
        shown = repr(column.header) if column.header else "(no header)"
        lines.append(
            f"  {column.letter:>2} {shown:<{width}} → {column.label}{' (--map)' if column.given else ''}"
        )
    if any(c.key is None and c.header and not c.why for c in mapping.columns):
        lines.append("A column going to the notes can be read into a field with --map 'HEADER=field.path'.")
    if mapping.assume_active:
        lines.append(
            "No column gives the status: each row is recorded as active (a register lists current arrangements)."
        )
    if not any(c.key == ("title",) for c in mapping.columns):
        lines.append("No column gives the title: name one with --map 'HEADER=title'.")
    attention = False
    rows = result.rows
    new = [r for r in rows if r.number not in existing]
    # a row already in the register is not written again: its cells are not reported again either
    found = sorted(
        (f for r in new for f in r.findings), key=lambda f: (f.row, f.column.index if f.column else -1)
    )
    by_index = {c.index: c for c in mapping.columns}
    unreadable = [
        Finding(r, by_index.get(c - 1) or Column(c - 1, letter(c), "", None), m)
        for r, c, m in table.unreadable
    ]
    if found or unreadable:
        lines.append("Cells:")
        for finding in sorted([*found, *unreadable], key=lambda f: f.row):
            lines.append(finding.line(table.display))
            attention = attention or finding.severity == "warning"
    said = f"{plural(len(rows), 'row')}: {len(new):,} to write"
    if existing:
        said += f", {len(existing):,} already in the register (not written again)"
    lines.append(said + ".")
    for row in rows:
        if row.number in existing:
            lines.append(f"  row {row.number}: {folder}/{row.id}.yaml exists already")
    if result.blank_rows:
        lines.append(
            f"{plural(len(result.blank_rows), 'blank row')} passed over: {_numbers(result.blank_rows)}."
        )
    for number, text, what in result.passed:
        lines.append(f"Row {number} passed over, {_show(text)}: {what}.")
    if result.unknown_priorities:
        named = ", ".join(
            f"{name!r} ({plural(n, 'row')})" for name, n in sorted(result.unknown_priorities.items())
        )
        lines.append(
            f"Priorities that partreg.yaml does not list: {named}. Add each under `priorities:` in "
            "partreg.yaml (its id is the name in lower case with hyphens), or correct the sheet."
        )
    incomplete = [r for r in new if r.needs]
    if incomplete:
        most = ", ".join(f"{name} ({n:,})" for name, n in needs_summary(incomplete)[:6])
        lines.append(
            f"Incomplete: {len(incomplete):,} of {len(new):,} new {'entry' if len(new) == 1 else 'entries'}; "
            f"most often missing or to fix: {most}. `partreg lint` lists what each needs."
        )
    if unreadable:
        attention = True
    return lines, attention


def _numbers(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers[:10])) + (
        f" and {len(numbers) - 10:,} more" if len(numbers) > 10 else ""
    )
