"""Record a review: check what was given, add the review to the entry's file (or complete the review
of that date that records no outcome), changing nothing else in it, and read the result back first."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from partreg.app import exitreview
from partreg.app.exitreview import another_exit, closes, end_refused, goes_on_refused, held_refused, open_exit
from partreg.app.register import entry_file, register_settings
from partreg.errors import PartregError, UsageError, WriteRefused
from partreg.files import one_writer, write_atomic
from partreg.folders import REGISTER_DIR
from partreg.lint import Linter
from partreg.models import Arrangement, PartialDate, ReviewRecord, Settings, Status, date_or_none, plain
from partreg.names import LOOKS_LIKE_A_NAME, not_a_role
from partreg.problems import Problem, Severity
from partreg.review import ended_in_fact, known_iso, next_review, next_review_as_known, went_on_after_end
from partreg.rules import ALL
from partreg.yaml.editor import add_review, complete_review, review_place
from partreg.yaml.reading import Document, parse_document, read_bytes

#: A line or paragraph separator (pasted from a word processor) is a line break in the notes.
_SEPARATORS = {0x2028: "\n", 0x2029: "\n", 0x85: "\n"}


@dataclass
class Review:
    """A review as given: the outcome (``continue``, ``amend``, ``exit``, ``reassess``,
    ``proposed-for-removal``), when it was held (default: today), by whom, notes, and for ``exit``
    the day the arrangement ends."""

    outcome: str
    held: PartialDate | None = None
    by: str | None = None
    notes: str | None = None
    end: PartialDate | None = None


#: A refusal of a value, in words (``is before the arrangement started ...``), or ``None``: taken.
Refusal = Callable[[Any], str | None]


@dataclass(frozen=True)
class Terminal:
    """How ``review`` asks an officer at a terminal for what was not given, or given and refused:
    ``date(question, default, refused)`` asks until ``refused`` takes the date;
    ``text(question, why, refused)`` says why the value given was refused, then asks until
    ``refused`` takes the answer."""

    date: Callable[[str, PartialDate, Refusal], PartialDate]
    text: Callable[[str, str, Refusal], str]


@dataclass
class Recorded:
    """A review recorded: when, with what outcome; the end (for ``exit``) or the next review, and
    how many days that is overdue (0: it is not); whether it completed a review of that date that
    had no outcome; and the recorded end where it has passed while the arrangement was not ended
    (``went_on``: it was reviewed after that end, and its reviews go on)."""

    arrangement_id: str
    held: PartialDate
    outcome: str
    end: PartialDate | None
    next_review: dt.date | None
    overdue_days: int = 0
    #: The next review as precisely as what it counts from is known (``2027-06`` from a review held
    #: in June 2026), as ``list`` gives it.
    next_known: str = ""
    #: What it completed: ``"outcome"``, a review of that date that had none; ``"end"``, the end (and
    #: status) of an exit its review of that date had decided already (an imported "Exit"); else "".
    completed: str = ""
    passed_end: PartialDate | None = None
    went_on: bool = False
    #: Its status is ended now (an exit's end has passed).
    ended: bool = False


def record_review(
    base: Path, arrangement_id: str, review: Review, today: dt.date, terminal: Terminal | None = None
) -> Recorded:
    """Add ``review`` to the history of the entry with this id in the register at ``base``; where
    the history has a review of that date with no outcome, complete that one. ``terminal`` asks
    an officer for what was not given (an ``exit``'s end, and when it was decided) or refused."""
    settings = register_settings(base)
    path = entry_file(base, arrangement_id)
    linter = Linter(settings, ALL)
    review = _given(review, today, terminal)
    if terminal is not None and review.outcome == "exit" and (review.held is None or review.end is None):
        # asked before the register is locked: an officer answering holds up no other writer
        read = _read(path, arrangement_id, linter, settings.max_file_bytes)
        review = _asked(read, review, today, terminal)
    no_end = ""
    if terminal is None and review.outcome == "exit" and review.end is None:  # (no one to ask)
        read = _read(path, arrangement_id, linter, settings.max_file_bytes)
        end, no_end = exitreview.recorded_end(read.entry, today)
        review = replace(review, end=end)
    given_held = review.held is not None
    review = replace(review, held=review.held or PartialDate.parse(today))
    if review.outcome == "exit" and review.end is None:
        raise UsageError(
            f"--outcome exit ends the arrangement, and {no_end}: give --end YYYY-MM-DD, the day it ends"
            + (
                ""
                if given_held
                else ", and --date YYYY-MM-DD, the day its exit was decided, where that was not today"
            )
        )
    with one_writer(path.parent):  # read, edit and write with no other writer in between
        read = _read(path, arrangement_id, linter, settings.max_file_bytes)
        decided = open_exit(read.entry) if review.outcome == "exit" and not given_held else None
        if decided is not None and decided.date is not None:  # an imported "Exit": that review is closed
            review = replace(review, held=decided.date)
        updated, completed = _write(read, linter, review, today, given_held)
    return _recorded(updated, review, settings, today, completed)


def _given(review: Review, today: dt.date, terminal: Terminal | None) -> Review:
    """``review`` with its text tidied, checked before the file is read: a usage mistake where it
    does not make a review (a role that is a person's name is asked again at a terminal)."""
    if review.held is not None and (refused := held_refused(review.held, today, None)):
        raise UsageError(f"--date {review.held} {refused}")
    if review.end is not None and review.outcome != "exit":
        raise UsageError("--end goes with --outcome exit")
    notes = review.notes.translate(_SEPARATORS) if review.notes else review.notes
    by = " ".join(review.by.translate(_SEPARATORS).split()) if review.by else review.by
    if by and (refused := _not_a_role(by)):
        if terminal is None:
            raise UsageError(f"--by {by!r} {refused}")
        by = terminal.text("The role that reviewed it", f"{by!r} {refused}", _role_refused(by)) or None
    review = replace(review, by=by, notes=notes)
    record = {k: v for k, v in (("outcome", review.outcome), ("by", by), ("notes", notes)) if v is not None}
    try:
        ReviewRecord.model_validate(record)
    except ValidationError as e:
        raise UsageError(
            f"--{e.errors()[0]['loc'][0]}: {e.errors()[0]['msg'].removeprefix('Value error, ')}"
        ) from None
    return review


def _not_a_role(by: str, example: str = "--by 'Community Safety Manager'") -> str | None:
    """Why ``by`` is not a role, which the published review history names (never a person), in words,
    with ``example``; ``None`` where it may be one. The test is the one lint's
    ``role-looks-like-a-name`` makes, and ``add`` asks the lead's role with (:func:`partreg.names.not_a_role`)."""
    what = not_a_role(by)
    if what is None:
        return None
    return (
        f"{what}, and the review history is published: give the role that reviewed it, for example {example}"
    )


def _only_a_name(text: str) -> bool:
    """Whether ``text`` is refused as a role only for reading as a name, which may be a team's: an
    email address or a phone number is refused however often it is typed."""
    return not_a_role(text) == LOOKS_LIKE_A_NAME


def _role_refused(given: str) -> Refusal:
    """At a terminal, a role asked again: a name is refused once, and taken if typed again (as
    ``add`` takes it: "Grace Lane" may be a team); an email address is always refused."""
    last = [given]

    def refused(answer: str) -> str | None:
        said = _not_a_role(answer, "Community Safety Manager") if answer else None
        if said is None or (_only_a_name(answer) and answer == last[0]):
            return None
        last[0] = answer
        return f"{answer!r} {said}" + (" (type it again if it is a role)" if _only_a_name(answer) else "")

    return refused


def _asked(read: _Read, review: Review, today: dt.date, terminal: Terminal) -> Review:
    """An ``exit``'s date and end, where not given, asked at the terminal, each until it is one the
    file allows: when the exit was decided (today by default), and the day it ends (by default the
    end the file records, where it allows that one)."""
    entry = read.entry
    if review.held is not None and (refused := held_refused(review.held, today, entry)):
        raise UsageError(f"--date {review.held} {refused}")  # said before the end is asked for
    decided = open_exit(entry)  # (an imported "Exit": its day is the one to close)
    held = review.held or terminal.date(
        "When was the exit decided (the review held; YYYY-MM-DD, or YYYY-MM or YYYY)",
        decided.date if decided is not None and decided.date else PartialDate.parse(today),
        lambda d: held_refused(d, today, entry),
    )
    given = {"outcome": review.outcome, "by": review.by, "notes": review.notes}
    _same_day(read, held, given, closes(entry, review.end, today))  # (before the end is asked)
    end = review.end
    if end is None:
        recorded = (
            entry.end if entry.end is not None and end_refused(entry.end, entry, today) is None else None
        )
        end = terminal.date(
            "The arrangement ends on (YYYY-MM-DD, or YYYY-MM or YYYY)",
            recorded or held,
            lambda d: end_refused(d, entry, today),
        )
    return replace(review, held=held, end=end)


@dataclass
class _Read:
    """The entry's file as read: its bytes, the document, the entry and its problems."""

    name: str
    file_id: str
    raw: bytes
    doc: Document
    entry: Arrangement
    problems: list[Problem]


def _read(path: Path, arrangement_id: str, linter: Linter, max_bytes: int) -> _Read:
    """The entry's file, read as lint reads it; a mistake that stops a review where it cannot be."""
    name = f"{REGISTER_DIR}/{path.name}"
    doc = Document(path, name)
    raw = read_bytes(doc, max_bytes)
    if raw is None:  # a link, a folder, too large: not a file partreg edits
        raise UsageError(f"{name} {doc.problems[0].message}; the review was not recorded")
    doc = parse_document(raw, name, doc=doc)
    entry, problems = linter.check(doc, arrangement_id)
    if entry is None:
        first = problems[0]
        raise PartregError(
            f"{first.path}:{first.line}:{first.column}: {first.message} ({first.rule}); "
            "the review was not recorded: fix this first"
        )
    return _Read(name, arrangement_id, raw, doc, entry, problems)


def _same_day(read: _Read, held: PartialDate, given: dict[str, Any], closing: bool) -> int | None:
    """Where the history has a review of the day ``held``: refused where it is this review (its outcome
    ``given``) or one with another outcome; its place where it has no outcome, to complete (with
    ``given``'s by and notes, where it records none or the same), or where it is this exit and ``closing``
    (it records the end and status of an imported exit). ``None``: none, or only other bodies' of that day."""
    review = read.doc.data.get("review")
    history = review.get("history") if isinstance(review, dict) else None
    items = [
        (i, r) for i, r in enumerate(history if isinstance(history, list) else []) if isinstance(r, dict)
    ]
    by = given["by"]
    # a review of that day by another body (both name who reviewed it, and they differ), which
    # records its outcome, is another review: two bodies may review an arrangement on one day, as
    # review-recorded-twice reads them (one with no outcome is the one to complete, or said)
    same = [
        (i, r)
        for i, r in items
        if date_or_none(r.get("date")) == held
        and not (by is not None and r.get("by") not in (None, by) and r.get("outcome") is not None)
    ]
    outcome = given["outcome"]

    def at(i: int) -> str:
        return f"at line {read.doc.locate(('review', 'history', i))[0]} of {read.name}"

    for i, r in same:
        if r.get("outcome") == outcome and closing:  # an exit decided, whose end is recorded now
            _keeps(r, given, f"the review of {held}, {at(i)}, records")
            return i
        if r.get("outcome") == outcome:
            changed = [f for f in ("by", "notes") if given[f] is not None and r.get(f) != given[f]]
            end = read.entry.end if outcome == "exit" else None
            hint = (
                f" (to change its {' or '.join(changed)}, edit {'it' if changed == ['by'] else 'them'} there)"
                if changed
                else f" (its end, {end}, is recorded: to change it, edit `end:` there)"
                if end is not None
                else ""
            )
            raise UsageError(
                f"the review of {held} ({outcome}) is already recorded, {at(i)}: nothing was written{hint}"
            )
    for i, r in same:
        if r.get("outcome") is None:
            _keeps(r, given, f"the review of {held}, {at(i)}, records no outcome, and")
            return i
    if same:
        i, r = same[0]
        more = ", and write `status: ended` and the day it ended as `end:`" if outcome == "exit" else ""
        raise UsageError(
            f"a review of {held} is already recorded, {at(i)}, with the outcome {r.get('outcome')}: if this "
            f"is that review and it decided {outcome}, change its outcome there to `outcome: {outcome}`"
            f"{more}; nothing was written"
        )
    return None


def _keeps(record: dict[str, Any], given: dict[str, Any], said: str) -> None:
    """Refused where the review to complete (``said``: which, and where) records another by or notes
    than ``given``'s: completing it would overwrite them."""
    for field in ("by", "notes"):
        if record.get(field) is not None and given[field] is not None and record[field] != given[field]:
            raise UsageError(
                f"{said} {field}: {record[field]!r}, not {given[field]!r}: leave out --{field} to keep it, "
                "or change it there; nothing was written"
            )


def _write(
    read: _Read, linter: Linter, review: Review, today: dt.date, dated: bool
) -> tuple[Arrangement, str]:
    """The entry's file with the review added (or the review of that day completed, or an exit
    decided closed), checked and written; the entry as it now reads, and which of the three it was
    (``""``, ``"outcome"``, ``"end"``: ``Recorded.completed``). An exit's end that has passed ends it (``status: ended``);
    one to come leaves its status as it is until then."""
    name, raw, entry, end = read.name, read.raw, read.entry, review.end
    held = review.held
    assert held is not None
    if refused := held_refused(held, today, entry) or goes_on_refused(entry, review.outcome, held):
        raise UsageError(f"--date {held} {refused}")
    if end is not None and (refused := end_refused(end, entry, today)):
        raise UsageError(f"--end {end} {refused}; the review was not recorded")
    given = {"outcome": review.outcome, "by": review.by, "notes": review.notes}
    status = "ended" if end is not None and end.latest < today else None
    index = _same_day(read, held, given, end is not None and closes(entry, end, today))
    history = read.doc.data["review"]["history"] if index is not None else []
    if review.outcome == "exit" and (index is None or history[index].get("outcome") != "exit"):
        where = lambda i: f"at line {read.doc.locate(('review', 'history', i))[0]} of {name}"  # noqa: E731
        if refused := another_exit(entry, dated, where):
            raise UsageError(refused)
    if end is not None and end == entry.end:
        end = None  # (recorded: its line is left as it is written, and only the status is written)
    bom = raw.startswith(b"\xef\xbb\xbf")
    try:
        text = raw[3 if bom else 0 :].decode("utf-8")
    except UnicodeDecodeError:
        raise PartregError(
            f"{name} is not saved as UTF-8: save it as UTF-8, then record the review"
        ) from None
    place = None
    try:
        if index is None:
            record = plain({"date": held, **{k: v for k, v in given.items() if v is not None}})
            place = review_place(text, record)
            text = add_review(text, record, status=status, end=end)
        else:
            fields = {k: v for k, v in given.items() if v is not None and history[index].get(k) != v}
            text = complete_review(text, index, fields, status=status, end=end)
    except WriteRefused as e:
        raise WriteRefused(f"{name}: not written: {e}") from None
    updated, found = linter.check(parse_document(text.encode(), name), read.file_id)
    # an entry with gaps can still record its reviews: only a problem the review itself brings stops it
    # (a problem of a review after the one added is the same problem, one place down)
    before = {(p.rule, _moved(p.key, place)) for p in read.problems if p.severity is Severity.ERROR}
    errors = [p for p in found if p.severity is Severity.ERROR and (p.rule, p.key) not in before]
    if updated is None or errors:
        raise PartregError(
            f"not written: the review would leave {name} with a problem: {(errors or found)[0].message}"
        )
    write_atomic(read.doc.path, ("\ufeff" if bom else "") + text, expect=raw)
    if index is None:
        return updated, ""
    return updated, "end" if history[index].get("outcome") else "outcome"


def _moved(key: str, place: int | None) -> str:
    """``key`` (``review.history[2].outcome``) once a review is added at ``place`` of the history."""
    found = _IN_HISTORY.match(key)
    if place is None or found is None or int(found[1]) < place:
        return key
    return f"review.history[{int(found[1]) + 1}]{key[found.end() :]}"


_IN_HISTORY = re.compile(r"review\.history\[(\d+)\]")


def _recorded(
    updated: Arrangement, review: Review, settings: Settings, today: dt.date, completed: str
) -> Recorded:
    """What was recorded, and what it makes due: the next review (and how late it is already),
    or, where the recorded end has passed and no later review found it running, none."""
    held = review.held
    assert held is not None
    ended = updated.status is Status.ENDED
    done = Recorded(
        updated.id or "", held, review.outcome, review.end, None, completed=completed, ended=ended
    )
    if review.end is not None or updated.status is Status.ENDED:  # nothing more is due
        return done
    if ended_in_fact(updated, today):
        done.passed_end = updated.end
        done.went_on = went_on_after_end(updated)
        if not done.went_on:
            return done
    done.next_review = next_review(updated, settings.review)
    known = next_review_as_known(updated, settings.review, done.next_review) if done.next_review else None
    done.next_known = known_iso(known) if known else ""
    if done.next_review is not None and done.next_review < today:
        done.overdue_days = (today - done.next_review).days
    return done
