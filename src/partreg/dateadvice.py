"""What to write for a date the format does not read, as officers and spreadsheets write dates:
``31/03/2024``, ``April 2016``, ``2016-4-1``, a time of day after it, an Excel day number, a
financial year, ``TBC``; and for an end that is no date (``ongoing``)."""

from __future__ import annotations

import re

from partreg.models import LAST_YEAR, shown, uk_date
from partreg.models import read_date as read_typed_date
from partreg.problems import Key, value_at
from partreg.readers import NO_END, NOTHING, Unplaced, split_list
from partreg.sheetdates import date_part, excel_day, financial_year, full_year, is_real_date, read_date


def no_end(name: str, value: object, key: Key = (), entry: object = None) -> str | None:
    """``end: ongoing``: an arrangement with no end date has no ``end`` (``key`` says where the date
    is, in ``entry``: community funding's period has an end, which :func:`date_fix` asks for)."""
    if _needed(key, entry) is not None:
        return None
    if name in ("end", "period_end") and isinstance(value, str) and value.strip().lower() in NO_END:
        return (
            f"{shown(value)} is not a date: an arrangement with no end date has no `{name}`; remove the line"
        )
    return None


_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_ISO_LOOSE = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?")
_SHORT_YEAR = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{2})")
_PLACEHOLDER = re.compile(r"(?:\d{1,2}[/.-]){2}9\d{3}")
_ISO_PLACEHOLDER = re.compile(r"(9\d{3})(?:-\d{2}){0,2}")
#: A date the format reads, then words: ``2024-03-12 (Cabinet)``, ``2024-03-12 - deferred``.
_DATE_THEN_WORDS = re.compile(r"(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:\s*[,;:(\-\u2013]\s*|\s+)(.*[A-Za-z].*)")

#: What a review's date needs, where it is not a date or not there: a review without one is an
#: error (``missing-field``), so leaving the line out, as for a date that may be a gap, is no fix.
REVIEW_DATE = (
    "write date: YYYY-MM-DD, the day the review was held (YYYY-MM or YYYY where only the month or "
    "year is known); if it has not been held, or no one knows when, remove this review from the "
    "history (and `history:` with it, where it is the only one): the next is then counted from an "
    "earlier review, or from `start:`"
)
#: What an exit review's date needs: removing the review, as :data:`REVIEW_DATE` offers where no one
#: knows when it was held, would lose the exit it decided.
EXIT_REVIEW_DATE = (
    "write date: YYYY-MM-DD, the day its exit was decided (YYYY-MM or YYYY where only the month or year "
    "is known: the year at least keeps the exit it decided); where no one knows even the year, record "
    "the exit as the arrangement's end instead, status: ended and end: the day it ended (or, if it has "
    "not ended yet, only end: the day it will), then remove this review from the history"
)
#: What a decision's date needs, where it is not a date: the date, looked up in the minutes; left out
#: only where no one knows it (the decision is kept, and ``decision-date-not-recorded`` asks for it).
DECISION_DATE = (
    "write date: YYYY-MM-DD, the day it was decided, as the minutes record it (YYYY-MM or YYYY where "
    "only the month or year is known); where no one knows when, leave the line out (the decision is "
    "kept, and lint asks for its date); if it has not been decided yet, remove this decision (and "
    "`decisions:` with it, where it is the only one)"
)


def _is_review_date(key: Key) -> bool:
    """``key`` is a review's date: ``review.history[i].date``."""
    return len(key) == 4 and key[:2] == ("review", "history") and key[3] == "date"


def _needed(key: Key, entry: object) -> str | None:
    """What to write where the date at ``key`` in ``entry`` cannot be left out (leaving it out would
    be an error of its own): a review's, a decision's, community funding's period; else ``None``."""
    if _is_review_date(key):
        review = value_at(entry, key[:-1]) if isinstance(entry, dict) else None
        return (
            EXIT_REVIEW_DATE if isinstance(review, dict) and review.get("outcome") == "exit" else REVIEW_DATE
        )
    if len(key) == 3 and key[0] == "decisions" and key[2] == "date":
        return DECISION_DATE
    if key in (("funding", "period_start"), ("funding", "period_end")) and (
        isinstance(entry, dict) and entry.get("kind") == "community-funding"
    ):
        day = "begins" if key[1] == "period_start" else "ends"
        return (
            f"community funding is for a fixed period: write {key[1]}: YYYY-MM-DD, the day the funded period "
            f"{day} (YYYY-MM or YYYY where only the month or year is known)"
        )
    return None


def _placeholder(value: object) -> str | None:
    """What a placeholder is (``31/12/9999``, ``9999-12-31``, ``9999``: a year after the last a date
    may have, which spreadsheets write for "no date"), in words; ``None`` for another value."""
    text = str(value).strip() if isinstance(value, str | int) and not isinstance(value, bool) else ""
    if _PLACEHOLDER.fullmatch(text):
        return f"{shown(value)} is a placeholder, not a date"
    if (m := _ISO_PLACEHOLDER.fullmatch(text)) and int(m.group(1)) > LAST_YEAR:
        return f"the year {m.group(1)} is a placeholder, not a date"
    return None


def _no_date(value: object) -> bool:
    """``value`` is written where a date goes but says none: ``TBC``, ``N/A``, ``Never``, a placeholder."""
    if _placeholder(value) is not None:
        return True
    text = value.strip().lower() if isinstance(value, str) else None
    return text is not None and (text in NOTHING or not re.search(r"\d", text))


def not_held(key: Key, entry: object) -> bool:
    """``key`` is the date of a review in ``entry`` that says nothing of a review held: its date is
    none (``TBC``, ``N/A``) and it records no outcome. Such a review is one problem, not two: it is
    told to go (its missing outcome is not said as well)."""
    if not _is_review_date(key):
        return False
    review = value_at(entry, key[:-1])
    return isinstance(review, dict) and review.get("outcome") is None and _no_date(review.get("date"))


def not_held_advice(arrangement: str | None, written: bool = False) -> str:
    """What to do with a review that records neither a date nor an outcome, in the entry whose id is
    ``arrangement`` (where it has one): nothing in it says a review was held. ``written``: it holds
    notes or actions, which removing it would lose."""
    kept = (
        "move what its notes or actions say that is still wanted to `internal: {notes: ...}`, then "
        if written
        else ""
    )
    return (
        f"nothing says it was held; {kept}remove it from the history (and `history:` with it, where it is "
        "the only one), and once it is held, record it with "
        f"`partreg review {arrangement or 'ID'} --date YYYY-MM-DD --outcome continue`"
    )


def history_as_text(text: str) -> str:
    """What to write where ``review.history`` is one line of text: ``N/A`` records no review (and
    ``history: [{date: N/A}]`` would be a review with no date); dates, a review held on each."""
    parts = split_list(text)
    try:
        held = [read_date(part)[0].iso for part in parts]
    except Unplaced:
        if re.search(r"\d", text):
            return "write each review held as an item of the list: - date: YYYY-MM-DD, with its outcome:"
        return (
            "where no review has been held, remove the line (reviews are then counted from `start:`); "
            "else write each review held as - date: YYYY-MM-DD, with its outcome:"
        )
    items = ", ".join(f"{{date: {date}}}" for date in held)
    return (
        f"write history: [{items}] (a list, {'one review for each' if len(held) > 1 else 'even of one'}); "
        "each review also needs its `outcome:`"
    )


def date_fix(name: str, value: object, key: Key = (), entry: object = None) -> str | None:
    """What to write for a date as spreadsheets and officers write it, where the format does not
    read it: ``2016-4-1``, a time of day after it, spaces around it, ``1/4/16``, an Excel day
    number, a financial year, ``TBC``, a placeholder, words after it; ``None`` for another value.
    Read as ``import`` reads a sheet's cells (:mod:`partreg.sheetdates`), so that the two never
    differ on a date. ``key`` says where the date is, in ``entry``: a review's or a decision's date
    cannot be left out, and an end's placeholder means no end."""
    needed = _needed(key, entry)
    if not_held(key, entry):
        arrangement = (
            entry.get("id") if isinstance(entry, dict) and isinstance(entry.get("id"), str) else None
        )
        what = _placeholder(value) or f"{shown(value)} is not a date"
        review = value_at(entry, key[:-1])
        written = isinstance(review, dict) and bool(review.get("notes") or review.get("actions"))
        return f"{what}, and the review records no outcome: {not_held_advice(arrangement, written)}"
    if (placeholder := _placeholder(value)) is not None:
        if needed is not None:
            return f"{placeholder}: {needed}"
        if name in ("end", "period_end"):
            return f"{placeholder}: an arrangement with no end date has no `{name}`; remove the line"
        return f"{placeholder}: leave the date out where it is not known (a gap is fine)"
    if isinstance(value, int) and not isinstance(value, bool) and (day := excel_day(value)) is not None:
        return (
            f"{value} is a date as Excel counts days, {day.day} {day:%B %Y}: write {name}: {day.isoformat()}"
        )
    if not isinstance(value, str):
        return None
    text = value.strip()
    held = _is_review_date(key)
    if needed is not None and _no_date(value):
        return f"{shown(value)} is not a date: {needed}"
    if text.lower() in NOTHING:
        return f"{shown(value)} is not a date: where it is not known yet, leave the line out (a gap is fine)"
    if text != value and _ISO.fullmatch(text):
        return f"write {name}: {text}, without the spaces around it"
    if (date := date_part(text)) is not None and _ISO.fullmatch(date):
        return f"write {name}: {date} (a date, without the time of day)"
    if (m := _ISO_LOOSE.fullmatch(text)) and is_real_date(*(int(g) for g in m.groups() if g)):
        iso = "-".join([m.group(1), *(f"{int(g):02d}" for g in m.groups()[1:] if g)])
        return f"write {name}: {iso} (two digits for the month{' and the day' if m.group(3) else ''})"
    if m := _SHORT_YEAR.fullmatch(text):  # 1/4/16
        year = full_year(m.group(4))
        said = date_written_the_uk_way(f"{m.group(1)}/{m.group(3)}/{year}")
        return f"{shown(value)} has a year of two digits, read as {year}; {said}" if said else None
    if (m := _DATE_THEN_WORDS.fullmatch(text)) and is_real_date(*(int(g) for g in m.group(1).split("-"))):
        words = m.group(2).strip()
        if words.endswith(")") and "(" not in words:  # `2024-03-12 (Cabinet)`: the bracket opened before
            words = words[:-1]
        return f"write {name}: {m.group(1)}; " + (
            f"the words after the date, {shown(words)}, go in the review's `notes:`"
            if held
            else f"the words after the date, {shown(words)}, are not part of it"
        )
    if (period := financial_year(text)) is not None:
        first, last = period
        ends = name in ("end", "period_end")
        return (
            f"{text} is a financial year, not a date: write {name}: "
            + (
                f"{last.isoformat()} if it ended with that year"
                if ends
                else f"{first.isoformat()} if it began with it"
            )
            + ", or the day it did"
        )
    return None


def date_written_the_uk_way(value: object) -> str | None:
    """``31/03/2024`` -> ``write 2024-03-31 ...``; for one that reads either way, the question."""
    if not isinstance(value, str):
        return None
    said = uk_date(value)
    if said is None:
        try:
            read_typed_date(value)  # as commands and questions read a date typed the UK way
        except ValueError as e:  # 31/04/2026: the UK way, and no day of the calendar
            if "written month first" in str(e):  # 12/31/2020
                return str(e)
            typed, real, why = str(e).partition(" is not a real date: ")
            if real:  # (why: ``April 2026 has 30 days``)
                return f"{typed} is not a real date ({why}): check it against the source, and write it as YYYY-MM-DD"
        return None
    parts = re.match(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-]", value)
    if parts and int(parts[1]) != int(parts[2]) and max(int(parts[1]), int(parts[2])) <= 12:
        return (
            f"{shown(value)} could be read either way: if it is {said.display()}, write {said.iso} "
            "(files keep dates as YYYY-MM-DD)"
        )
    form = "dates as YYYY-MM-DD" if said.day else "a month as YYYY-MM, where only the month is known"
    return f"{shown(value)} is written the UK way: write {said.iso} (files keep {form})"
