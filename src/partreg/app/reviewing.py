"""Record a review: check what was given, add the review to the entry's file, changing nothing
else in it, and read the result back before it is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from partreg.app.register import entry_file, register_settings
from partreg.errors import PartregError, UsageError, WriteRefused
from partreg.files import one_writer, write_atomic
from partreg.folders import REGISTER_DIR
from partreg.lint import Linter
from partreg.models import Arrangement, PartialDate, ReviewRecord, plain
from partreg.problems import Severity
from partreg.review import newest_review, next_review
from partreg.rules import ALL
from partreg.yaml.editor import add_review
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


@dataclass
class Recorded:
    """A review recorded: when, with what outcome; the end (for ``exit``) or the next review."""

    arrangement_id: str
    held: PartialDate
    outcome: str
    end: PartialDate | None
    next_review: dt.date | None


def record_review(
    base: Path,
    arrangement_id: str,
    review: Review,
    today: dt.date,
    ask_end: Callable[[PartialDate], PartialDate] | None = None,
) -> Recorded:
    """Add ``review`` to the history of the entry with this id in the register at ``base``.
    ``ask_end`` asks for an ``exit``'s end where it was not given (at a terminal)."""
    settings = register_settings(base)
    path = entry_file(base, arrangement_id)
    held, record, end = _record(review, today, ask_end)
    linter = Linter(settings, ALL)
    with one_writer(path.parent):  # read, edit and write with no other writer in between
        updated = _write(path, arrangement_id, linter, settings.max_file_bytes, held, record, end)
    upcoming = None if end is not None else next_review(updated, settings.review)
    return Recorded(arrangement_id, held, review.outcome, end, upcoming)


def _record(
    review: Review, today: dt.date, ask_end: Callable[[PartialDate], PartialDate] | None
) -> tuple[PartialDate, dict[str, Any], PartialDate | None]:
    """When the review was held, the record to add, and the end it sets; a usage mistake where
    they do not make a review."""
    held = review.held or PartialDate.parse(today)
    if held.earliest > today:
        raise UsageError(f"--date {held} is in the future: record a review once it has been held")
    end = review.end
    if review.outcome == "exit":
        if end is None and ask_end is not None:
            end = ask_end(held)
        if end is None:
            raise UsageError("--outcome exit ends the arrangement: give --end YYYY-MM-DD, the day it ends")
    elif end is not None:
        raise UsageError("--end goes with --outcome exit")
    notes = review.notes.translate(_SEPARATORS) if review.notes else review.notes
    by = " ".join(review.by.translate(_SEPARATORS).split()) if review.by else review.by
    record = {"date": held, "outcome": review.outcome, "by": by, "notes": notes}
    record = {k: v for k, v in record.items() if v is not None}
    try:
        ReviewRecord.model_validate(record)
    except ValidationError as e:
        raise UsageError(
            f"--{e.errors()[0]['loc'][0]}: {e.errors()[0]['msg'].removeprefix('Value error, ')}"
        ) from None
    return held, record, end


def _check_end(end: PartialDate, entry: Arrangement) -> None:
    """An exit's end is refused where the file says the arrangement was still running after it:
    before its start, or before the latest review that did not end it (an exit review may be held
    after the end it records)."""
    start = entry.start
    if start is not None and end.latest < start.earliest:
        raise UsageError(
            f"--end {end} is before the arrangement started ({start}): give the day it ended, on or after "
            f"{start}; the review was not recorded"
        )
    running = newest_review(r for r in (entry.review.history if entry.review else []) if r.outcome != "exit")
    held = running.date if running is not None else None
    if running is not None and held is not None and end.latest < held.earliest:
        outcome = f" ({running.outcome})" if running.outcome else ""
        raise UsageError(
            f"--end {end} is before its latest review, of {held}{outcome}, when it was still running: give "
            f"the day it ended, on or after {held}; the review was not recorded"
        )


def _write(
    path: Path,
    arrangement_id: str,
    linter: Linter,
    max_bytes: int,
    held: PartialDate,
    record: dict[str, Any],
    end: PartialDate | None,
) -> Arrangement:
    """The entry's file with the review added, checked and written; the entry as it now reads."""
    name = f"{REGISTER_DIR}/{path.name}"
    doc = Document(path, name)
    raw = read_bytes(doc, max_bytes)
    if raw is None:  # a link, a folder, too large: not a file partreg edits
        raise UsageError(f"{name} {doc.problems[0].message}; the review was not recorded")
    entry, problems = linter.check(parse_document(raw, name, doc=doc), arrangement_id)
    if entry is None:
        first = problems[0]
        raise PartregError(
            f"{first.path}:{first.line}:{first.column}: {first.message} ({first.rule}); "
            "the review was not recorded: fix this first"
        )
    if entry.start is not None and held.latest < entry.start.earliest:
        raise UsageError(f"--date {held} is before the arrangement started ({entry.start})")
    if end is not None:
        _check_end(end, entry)
    bom = raw.startswith(b"\xef\xbb\xbf")
    try:
        text = raw[3 if bom else 0 :].decode("utf-8")
    except UnicodeDecodeError:
        raise PartregError(
            f"{name} is not saved as UTF-8: save it as UTF-8, then record the review"
        ) from None
    try:
        text = add_review(text, plain(record), status="ended" if end is not None else None, end=end)
    except WriteRefused as e:
        raise WriteRefused(f"{name}: not written: {e}") from None
    updated, found = linter.check(parse_document(text.encode(), name), arrangement_id)
    # an entry with gaps can still record its reviews: only a problem the review itself brings stops it
    before = {(p.rule, p.key) for p in problems if p.severity is Severity.ERROR}
    errors = [p for p in found if p.severity is Severity.ERROR and (p.rule, p.key) not in before]
    if updated is None or errors:
        raise PartregError(
            f"not written: the review would leave {name} with a problem: {(errors or found)[0].message}"
        )
    write_atomic(path, ("\ufeff" if bom else "") + text, expect=raw)
    return updated
