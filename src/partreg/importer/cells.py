"""One cell into a row's draft entry: read by its column's field, or kept in the notes saying why.

A text cell loses control characters first, and a one-line field its line breaks; a cell that
cannot be placed goes, under its header, into the entry's internal notes.
"""

from __future__ import annotations

import re
from typing import Any

from partreg.importer.draft import Draft, Finding
from partreg.importer.headers import Column, is_date_field
from partreg.importer.money import read_amount, read_contribution
from partreg.importer.periods import SINCE, read_date_cell, read_period, read_term
from partreg.importer.published import is_text, judged, listed, public_text, stands_for
from partreg.importer.synonyms import (
    MONEY,
    NEXT_REVIEW,
    NOTES,
    NUMBERED,
    REVIEW_OUTCOME,
    TERM,
    normal,
    words_of,
)
from partreg.importer.values import (
    AGREEMENTS,
    LEVELS,
    NO,
    RATINGS,
    YES,
    cell_text,
    date_text,
    form_from_words,
    kind_from_label,
    priority_ids,
    quoted,
    read_as_field,
    read_boolean,
    read_extensions,
    read_outcome,
    status_in_kind,
    yes_no,
)
from partreg.models import PartialDate, Settings, is_id, plural
from partreg.questionnaire import propose_id
from partreg.readers import (
    FORMS,
    NO_END,
    STATUSES,
    Unplaced,
    ascii_slug,
    read_months,
    representative,
    split_list,
    split_names,
)
from partreg.sheetdates import Placeholder, financial_year


def _representatives(
    draft: Draft, column: Column, text: str, names: list[str], row: int, settings: Settings | None
) -> list[dict[str, str]]:
    """The council's representatives a cell names: a councillor as `member` (a public office); anyone
    else by the role, as the lead's role is read: a person's name, email or phone is kept in the
    notes, not published ("John Brown (Housing Officer)" is the role "Housing Officer")."""
    people: list[dict[str, str]] = []
    whys: list[str] = []
    for name in names:
        person = representative(name)
        if "role" in person:  # judged as the lead's role is
            role, why = judged(person["role"], ("representatives", "role"), settings)
            whys += [f"{quoted(person['role'])}: {why}"] if why else []
            if not role:
                continue
            person = {"role": role}
        people.append(person)
    said = "; ".join(whys)
    if said and people:
        shown = ", ".join(quoted(p.get("member") or p.get("role") or "") for p in people)
        draft.keep(column, text, row=row, read_as=f"representatives {shown} ({said})")
    elif said:
        draft.keep(column, text, f"{said}: representatives is left for you to record", row)
    return people


def place(draft: Draft, column: Column, raw: Any, row: int, settings: Settings | None) -> None:
    """Read one cell into the draft, or into the notes saying why."""
    key = column.key
    assert key is not None
    if isinstance(raw, str):
        raw = _clean(draft, column, raw, row)
        if raw and key in ONE_LINE:  # each line's spaces one apart (a line of its own parts a name)
            raw = "\n".join(" ".join(line.split()) for line in raw.splitlines() if line.strip())
        if raw and is_text(key):  # a person's details, a placeholder: to the notes
            raw = public_text(draft, column, raw, row, settings)
        if raw and key in ONE_LINE:
            raw = " ".join(raw.split())
        if not raw:
            return
    try:
        if isinstance(raw, str) and _EXCEL_ERROR.match(raw.strip()):
            raise Unplaced(f"an Excel error ({raw.strip()}): correct the formula in the sheet")
        if key == NOTES:
            draft.keep(column, cell_text(raw))
        elif key == NEXT_REVIEW:
            draft.keep(column, date_text(raw))
        elif is_date_field(key):  # start, end, agreement.date, funding.period_start, ...
            if key == ("end",) and isinstance(raw, str) and raw.strip().lower() in NO_END:
                draft.keep(column, cell_text(raw))  # no end: what an absent `end` means (its words kept)
                return
            if key == ("end",) and isinstance(raw, str) and SINCE.match(raw):
                # "Since 2010" says when it began, not when it ends: the start, where no column gives one
                draft.since = (column, cell_text(raw), read_date_cell(column, raw)[0])
                return
            try:
                date, rough = read_date_cell(column, raw)
            except Placeholder:
                if key != ("end",):
                    raise
                draft.keep(column, cell_text(raw))  # 31/12/9999: no end, which an absent `end` means
                draft.findings.append(
                    Finding(row, column, f"{quoted(cell_text(raw))} read as no end date", "note")
                )
                return
            draft.set(key, date.yaml_value())
            if rough:
                draft.keep(column, cell_text(raw), row=row, read_as=date.iso)
        elif key == ("funding", "period"):
            read_period(draft, column, raw, row)
        elif key == TERM:
            read_term(draft, column, raw, row)
        elif key == ("review", "history"):
            date, rough = read_date_cell(column, raw)
            history = draft.data.setdefault("review", {}).setdefault("history", [{}])
            history[0] = {
                "date": date.yaml_value(),
                **history[0],
            }  # an outcome column may have given its outcome
            if rough:
                draft.keep(column, cell_text(raw), row=row, read_as=date.iso)
        elif key == ("review", "months"):
            draft.set(key, read_months(raw))
        elif key == ("kind",):
            _kind(draft, column, raw, row)
        elif key == ("status",):
            status = STATUSES.get(" ".join(cell_text(raw).lower().split()))
            if status is None and (ended := _ended_when(draft, column, cell_text(raw))):  # "Ended 2021"
                status = ended
            if status is None:
                raise Unplaced("not a status (active, ended or proposed)")
            draft.set(key, status)
            if cell_text(raw).strip().lower() in YES | NO:  # a "Status" column of Yes and No: said
                draft.keep(column, cell_text(raw), row=row, read_as=_YES_NO_READ[status])
        elif key in (("statutory",), ("characteristics", "formal_agreement")):
            value, rest = read_boolean(raw)
            draft.set(key, value)
            basis, why = judged(rest, BASIS, settings) if value and key == ("statutory",) else ("", "")
            if basis and not why:
                # placed once every cell is read
                draft.basis, draft.basis_cell = rest, (column, cell_text(raw))
            elif rest:  # "Y - see note": the words after yes name no law
                why = f" ({quoted(rest)}: {why})" if why else ""
                draft.keep(column, cell_text(raw), row=row, read_as=("yes" if value else "no") + why)
        elif key == ("significance",):
            text = cell_text(raw).lower()
            said = yes_no(text) if text not in LEVELS else None
            if text in LEVELS:
                draft.set(key, LEVELS[text])
            elif said is not None and not said[1]:
                draft.set(key, "high" if said[0] else "low")
            else:
                raise Unplaced("not a significance (yes, no, high, medium or low)")
        elif key == ("rating",):
            word = cell_text(raw).lower().replace("assurance", "").strip()
            if word not in RATINGS:
                raise Unplaced("not an assurance rating (substantial, reasonable, limited or weak)")
            draft.set(key, word)
        elif key == ("agreement", "type"):
            low = " ".join(words_of(cell_text(raw)))
            if low not in AGREEMENTS:
                raise Unplaced("not a type of agreement partreg knows")
            draft.set(key, AGREEMENTS[low])
        elif key == ("partners",):
            names, by_commas = split_names(cell_text(raw), stands_for)
            names = listed(draft, column, cell_text(raw), names, row)
            draft.extend(key, [{"name": n} for n in names])
            split = f"read as {plural(len(names), 'partner')}, separated by {'commas' if ',' in cell_text(raw) else 'slashes'}"
            if by_commas and names and _AND.search(names[-1]):
                # "and" is not split on ("Essex Fire and Rescue Service"), but before the last it
                # often joins two bodies ("..., NHS Mid Essex CCG and Brentwood CVS")
                split += (
                    f"; the last, {quoted(names[-1])}, may be two joined by 'and': "
                    "check it, and if it names two, separate them with ';'"
                )
                draft.findings.append(Finding(row, column, split))
            elif by_commas and len(names) > 1:
                draft.findings.append(Finding(row, column, split, "note"))
            elif len(names) > 1 and not re.search(r"[;\n\r]", cell_text(raw)):  # "1. Essex Police 2. NHS"
                numbered = f"read as {plural(len(names), 'partner')}, numbered on one line"
                draft.findings.append(Finding(row, column, numbered, "note"))
            elif len(names) == 1 and ("," in names[0] or _two_bodies(names[0])):
                draft.findings.append(
                    Finding(
                        row,
                        column,
                        f"{quoted(names[0])} kept as one partner: if it names several, separate them with ';'",
                        "note",
                    )
                )
        elif key == ("priorities",):
            names = listed(draft, column, cell_text(raw), split_list(cell_text(raw)), row)
            if len(names) == 1 and names[0].lower() in LEVELS and "significance" not in draft.data:
                # a "Priority" column saying High, Medium or Low is the arrangement's significance
                draft.set(("significance",), LEVELS[names[0].lower()])
                draft.keep(column, names[0], row=row, read_as=f"significance {LEVELS[names[0].lower()]}")
                return
            ids = priority_ids(names, settings)
            if "arrangement" in ids and not any(re.search(r"[A-Za-z0-9]", n) for n in names):
                raise Unplaced("names no priority")
            draft.extend(key, ids)
            if settings is not None:
                draft.unknown.extend(
                    n for n, i in zip(names, ids, strict=True) if i not in settings.priorities
                )
        elif key in (("objectives",), ("funding", "actions")):
            draft.extend(key, listed(draft, column, cell_text(raw), split_list(cell_text(raw)), row))
        elif key[0] in NUMBERED and column.number is not None:
            joined = "; ".join(split_list(cell_text(raw)))
            draft.numbered.setdefault((str(key[0]), column.number), {})[str(key[1])] = joined
        elif key[0] in NUMBERED:
            draft.lists[(str(key[0]), str(key[1]))] = (column, split_list(cell_text(raw)), cell_text(raw))
        elif key == MONEY or key[-1] in (
            "funding_gbp",
            "value_gbp",
            "amount_gbp",
            "annual_value_gbp",
            "whole_life_value_gbp",
        ):
            read_amount(draft, column, raw, row, settings)
        elif key == ("links",):
            url = cell_text(raw)
            if url.lower().startswith("www."):
                url = "https://" + url
            if not re.match(r"^https?://\S+$", url, re.IGNORECASE):
                raise Unplaced("not a web address")
            draft.data.setdefault("links", []).append({"title": column.header or "Website", "url": url})
        elif key == ("form",):
            form = form_from_words(cell_text(raw))
            if form is None:
                raise Unplaced(f"not a form of body partreg knows ({', '.join(FORMS)})")
            draft.set(key, form)
        elif key == ("representatives",):
            names = listed(draft, column, cell_text(raw), split_list(cell_text(raw)), row)
            draft.extend(key, _representatives(draft, column, cell_text(raw), names, row, settings))
        elif key in (("replaces",), ("replaced_by",)):
            names = listed(draft, column, cell_text(raw), split_list(cell_text(raw)), row)
            draft.referred |= {propose_id(n): propose_id(n, ascii_slug) for n in names} if names else {}
            draft.extend(key, [propose_id(name) for name in names])
        elif key[0] == "decisions":
            decision = draft.data.setdefault("decisions", [{}])[0]
            if key[1] == "date":
                date, rough = read_date_cell(column, raw)
                decision["date"] = date.yaml_value()
                if rough:
                    draft.keep(column, cell_text(raw), row=row, read_as=date.iso)
            elif key[1] == "url" and not re.match(r"^https?://\S+$", cell_text(raw), re.IGNORECASE):
                raise Unplaced("not a web address")
            else:
                decision[str(key[1])] = cell_text(raw)
        elif key[0] == "contributions":
            read_contribution(draft, column, raw, row)
        elif key == ("contract", "extensions"):
            draft.set(key, read_extensions(cell_text(raw)))
        elif key == ("significance", "reason"):
            draft.reason = cell_text(raw)
        elif key == REVIEW_OUTCOME:
            outcome, more = read_outcome(cell_text(raw))  # (Unplaced, where it says none)
            if more:  # "Exit - end March 2026": the outcome, and the words after it kept
                draft.keep(column, cell_text(raw), row=row, read_as=outcome)
            history = draft.data.setdefault("review", {}).setdefault("history", [{}])
            history[0]["outcome"] = outcome
        elif key == ("id",):
            if not is_id(cell_text(raw)):
                raise Unplaced(
                    "cannot be an id (lower-case letters, digits and hyphens, not a name Windows reserves)"
                )
            draft.set(key, cell_text(raw))
        else:
            draft.set(key, read_as_field(key, raw))
    except Unplaced as e:
        draft.keep(column, cell_text(raw), str(e), row)


#: The field the words after "Yes" in a statutory column go to.
BASIS = ("statutory_basis",)
#: How a status cell that is only yes or no is read, which a register may mean as "active?" or
#: "has it started?".
_YES_NO_READ = {
    "active": "status active: if it has not started yet, write status: proposed",
    "ended": "status ended: if it has not started yet, write status: proposed; if it is running, active",
}

#: A status cell that says it ended, and when: "Ended 2021", "Closed on 31/03/2020", "Expired (March 2019)".
_ENDED_WHEN = re.compile(
    r"(?:ended|closed|expired|terminated|ceased|dissolved|completed|finished|withdrawn|lapsed|wound up)"
    r"(?: (?:in|on|at))?[ :(-]*([^()]*)\)?",
    re.IGNORECASE,
)


def _ended_when(draft: Draft, column: Column, text: str) -> str | None:
    """``ended`` for a status cell that says when it ended, that day kept for the end (placed once
    every cell is read); ``None`` for any other cell (one word of ending and no date after it:
    "Closed to new members 2020" is no status)."""
    said = " ".join(text.split())  # (one space apart: the pattern then reads each run once)
    found = _ENDED_WHEN.fullmatch(said)
    if found is None or not re.search(r"\d", found.group(1)):
        return None
    when = found.group(1).strip()
    if period := financial_year(when):  # "Ended 2019/20": by the year's end
        draft.ended = (column, text, PartialDate(period[1].year, period[1].month, period[1].day))
        return "ended"
    try:
        draft.ended = (column, text, read_date_cell(column, when)[0])
    except Unplaced:
        return None
    return "ended"


#: A footnote's mark after a value ("Essex Police¹", "£5,000*", "Active (see note 3)"): the sheet's
#: footnotes are not read, and the mark is no part of the value.
_MARK = re.compile(
    # (after a word of two letters or more, not a unit's "m²" nor "Plan B*"; the bracket's spaces only
    # from the start of their run, so that a long run is read once)
    r"(?<=[^\W\d_]{2})[¹²³⁴⁵⁶⁷⁸⁹⁰†‡§]+(?=[ \t]*(?:$|[,;/]))|(?<=\w\w)\*+(?=[ \t]*(?:$|[,;/]))"
    r"|(?<![ \t])[ \t]*\((?:see )?notes? \d+\)",
    re.MULTILINE | re.IGNORECASE,
)
_EXCEL_ERROR = re.compile(r"^#(N/A|REF!|DIV/0!|VALUE!|NAME\?|NULL!|NUM!|SPILL!|CALC!|GETTING_DATA)$")
#: Control characters, and the escape sequences a terminal would act on; tab and line breaks stay.
_CONTROL = re.compile(
    r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|.)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff]"
)
#: Fields of one line: a line break in their cell (Alt+Enter in Excel) is a space.
ONE_LINE = {("title",), ("lead", "role"), ("lead", "service"), ("lead", "member"), ("statutory_basis",),
            ("contract", "reference"), ("contract", "procurement_route"), ("id",)}  # fmt: skip


def _clean(draft: Draft, column: Column, raw: str, row: int) -> str:
    """A text cell without control characters (reported), and without a footnote's mark (said)."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x85", "\n").replace("\u2028", "\n")
    cleaned = _CONTROL.sub("", text)
    if cleaned != text:
        draft.findings.append(
            Finding(row, column, "control characters removed (they would act on a terminal)")
        )
    if column.key == NOTES:  # (kept as written)
        return cleaned
    if (marked := _MARK.sub("", cleaned)) != cleaned and marked.strip():
        draft.keep(column, cleaned, row=row, read_as=f"{quoted(marked.strip())} (a footnote's mark left out)")
        return marked
    return cleaned


def _kind(draft: Draft, column: Column, raw: Any, row: int) -> None:
    label = cell_text(raw)
    if ends := status_in_kind(label):  # `Partnership - Proposed`: its kind, and its status
        draft.said_status, label = (ends[0], column, label), ends[1]
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
    draft.data.update({key: value for key, value in extra.items() if key not in draft.data})
    named = normal(kind.value.replace("-", " "))
    if ends is not None or normal(label) not in (named, named + "s"):
        draft.keep(column, cell_text(raw), row=row)  # the council's own label stays with the entry


#: "and" (or "&") between two words: what may join two bodies' names in one cell.
_AND = re.compile(r"\s(?:and|&)\s", re.IGNORECASE)


def _two_bodies(name: str) -> bool:
    """Whether ``name`` may be two bodies joined by "and": each side two words or more, the second
    capitalised ("Home Office and Essex PFCC", "Southend BID and Southend Traders Association"); not
    "Mid and South Essex NHS". Some one body reads so too ("Essex Fire and Rescue Service"): the
    officer is asked to check, and nothing is split."""
    parts = _AND.split(name, maxsplit=1)
    return len(parts) == 2 and all(len(p.split()) >= 2 for p in parts) and parts[1][:1].isupper()
