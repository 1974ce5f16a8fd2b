"""Add an entry: from a draft file or the questionnaire's answers, checked as lint will check it
today, written as ``register/<id>.yaml`` and never over a file that exists.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from partreg.app.register import entry_file, ids_on_disk, register_settings
from partreg.errors import PartregError, UsageError, WriteRefused
from partreg.files import make_folder, one_writer, write_atomic
from partreg.folders import REGISTER_DIR, register_files
from partreg.importer.duplicates import forms
from partreg.lint import Linter
from partreg.models import Arrangement, plain
from partreg.problems import Problem, Severity
from partreg.questionnaire import Finding, Questionnaire, canonical, free_id, propose_id
from partreg.questionnaire.asking import Ask, Say
from partreg.rules import ALL, characteristics_conflict
from partreg.yaml.emitting import SCHEMA_LINE, dump_entry
from partreg.yaml.reading import Document, load_fast_data, parse_document, read_document

#: The rules that report something not recorded, not something recorded wrongly: an honest entry
#: with gaps is written (as ``import --write`` writes one), and lint reports each gap until it is
#: filled in, whatever its severity. Any other error stops the write: a value that is wrong, facts
#: that contradict each other or the kind, a priority the register does not have.
GAPS = frozenset(rule.id for rule in ALL if rule.gap)


def stops_the_write(problem: Problem) -> bool:
    """Whether ``problem`` keeps an entry out of the register: an error that is not a gap, or facts
    that contradict each other (an entry `partreg classify` would reject)."""
    if problem.rule == characteristics_conflict.ID:
        return True
    return problem.severity is Severity.ERROR and problem.rule not in GAPS


class NotWritten(PartregError):
    """The entry was not written, for ``problems`` (shown before the message)."""

    def __init__(self, message: str, problems: list[Problem]) -> None:
        super().__init__(message)
        self.problems = problems


@dataclass
class Added:
    """An entry as written (or, on a dry run, as it would be): its file's text and name, and the
    problems lint finds that did not stop it (warnings, and the gaps it reports as errors)."""

    text: str
    name: str
    entry_id: str
    problems: list[Problem]
    #: A file for this id exists already, so the write is (or would be) refused.
    taken: bool
    #: Where it is taken, the first id free after it (``-2``, ``-3``...), to suggest.
    free: str = ""

    @property
    def refusal(self) -> str:
        """Why the write is refused, where a file for this id exists."""
        return (
            f"{self.name} already exists, and partreg never replaces a file: choose another id, "
            f"e.g. {self.free or self.entry_id + '-2'}"
        )


@dataclass
class Asking:
    """The terminal's questionnaire: how a question is asked, and how a line is said."""

    ask: Ask
    say: Say


def add_entry(
    base: Path,
    today: dt.date,
    *,
    draft: Path | None = None,
    asking: Asking | None = None,
    write: bool = True,
    note: Callable[[str], None] = lambda _: None,
) -> Added:
    """Add an entry to the register at ``base``, from ``draft`` or, without one, from the answers
    to the questionnaire (``asking``). With ``write`` false nothing is written (a dry run).
    ``note`` is told what partreg decided for the draft (an id from its title)."""
    settings = register_settings(base)
    linter = Linter(settings, ALL, today)  # what lint will say today: reviews due, ends passed
    doc: Document | None = None
    if draft is not None:
        doc = _read_draft(base, draft, note)
        data = doc.data
    elif asking is not None:

        def check(answers: dict[str, Any]) -> list[Finding]:
            name = f"{REGISTER_DIR}/{answers['id']}.yaml"
            _, found = linter.check(parse_document(dump_entry(answers).encode(), name), answers["id"])
            return [Finding(p.severity is Severity.ERROR, p.message, stops=stops_the_write(p)) for p in found]

        def exists(arrangement_id: str) -> bool:
            return arrangement_id in ids_on_disk(base)

        data = Questionnaire(asking.ask, asking.say, settings, today, exists).run(check)
    else:
        raise UsageError("partreg add asks questions: run it in a terminal, or give --from DRAFT.yaml")
    added = _checked(base, linter, data, doc, str(draft or "the answers"))
    same = _recorded_already(base, settings.council, data.get("title") if isinstance(data, dict) else None)
    if same:
        note(same)
    if write:
        _write(base, added)
    return added


def _recorded_already(base: Path, council: str, title: Any) -> str:
    """Where an entry of the register has the title ``title`` (written another way, as import
    compares them: case, punctuation, the council's name aside), what to say; else ``""``."""
    if not isinstance(title, str):
        return ""
    mine = forms(title, council)
    for path in register_files(base):  # (a look at each file's title line: reading 12,000 took 3 s)
        try:
            found = _TITLE.search(path.read_text("utf-8", "replace"))
        except OSError:
            continue
        other = found.group(1).split(" #")[0].strip().strip("'\"").strip() if found else ""
        if other and mine & forms(other, council):
            return (
                f"{REGISTER_DIR}/{path.name} records {other!r}: if it is this arrangement, change that "
                "file instead of adding this one"
            )
    return ""


#: A title as most files write it: on its own line, plain or in quotes (others are not compared).
_TITLE = re.compile(r"^title:(.*)$", re.MULTILINE)


def _read_draft(base: Path, draft: Path, note: Callable[[str], None]) -> Document:
    """The draft, read; one with a title and no id is given the id its title proposes."""
    doc = read_document(draft, str(draft))
    data = doc.data
    titled = isinstance(data, dict) and isinstance(data.get("title"), str)
    if titled and not doc.problems and "id" not in data:
        data = {"id": free_id(propose_id(data["title"]), ids_on_disk(base).__contains__), **data}
        doc.data = data  # checked with the id partreg gave it; problems still point into the draft
        note(f"The draft has no id: it is {data['id']}, from its title.")
    if doc.problems:
        raise NotWritten(f"{draft}: not written; fix the problems above and try again", doc.problems)
    return doc


def _checked(base: Path, linter: Linter, data: Any, doc: Document | None, source: str) -> Added:
    """The entry ``data`` gives, as its file's text, checked; refused where it cannot be read as an
    entry (a value of the wrong type, an unknown key) or lint finds a problem that stops the write
    (:func:`stops_the_write`); an entry whose only errors are gaps is written, with them."""
    try:
        entry = Arrangement.model_validate(data)
    except ValidationError:
        checked = doc or parse_document(dump_entry(canonical(data)).encode(), "draft.yaml")
        named = data.get("id") if isinstance(data, dict) else None  # a draft's file name is not its id
        found = linter.check(checked, named if isinstance(named, str) else "")[1]
        raise NotWritten(f"{source}: not written; fix the problems above and try again", found) from None
    text = (doc and _as_drafted(doc, entry.id)) or dump_entry(
        canonical(plain(entry.model_dump(exclude_unset=True)))
    )
    name = f"{REGISTER_DIR}/{entry.id}.yaml"
    _, found = linter.check(doc or parse_document(text.encode(), name), entry.id)
    if any(stops_the_write(p) for p in found):
        raise NotWritten(f"{source}: not written; fix the problems above and try again", found)
    on_disk = ids_on_disk(base)
    taken = entry.id in on_disk
    if taken:  # register/<id>.yml is the same arrangement
        name = str(entry_file(base, entry.id).relative_to(base))
    return Added(text, name, entry.id, found, taken, free_id(entry.id, on_disk.__contains__) if taken else "")


def _as_drafted(doc: Document, entry_id: str) -> str | None:
    """The draft's own text, its comments and layout kept, with ``id:`` first where it has none (as
    its title gave it); ``None`` where it is not a mapping in block style at the first column, or
    reads back as other than the entry (which is then written in the format's order)."""
    text = doc.text or ""
    newline = "\r\n" if "\r\n" in text else "\r" if "\r" in text and "\n" not in text else "\n"
    text += "" if text.endswith(("\n", "\r")) else newline
    lines = text.splitlines(keepends=True)
    first = next(
        (i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")), None
    )
    if first is None or lines[first][:1] in (" ", "\t", "{", "[", "-") or lines[first].startswith("---"):
        return None
    if "id" not in load_fast_data(text):
        text = "".join([*lines[:first], f"id: {entry_id}{newline}", *lines[first:]])
    if "# yaml-language-server:" not in text:
        text = SCHEMA_LINE + newline + text
    try:
        same = load_fast_data(text) == doc.data
    except ValueError:
        same = False
    return text if same else None


def _write(base: Path, added: Added) -> None:
    folder = base / REGISTER_DIR
    try:
        if added.taken:
            raise WriteRefused(added.name)
        make_folder(folder)
        with one_writer(folder):  # every writer in register/ holds its lock
            write_atomic(folder / f"{added.entry_id}.yaml", added.text, exclusive=True)
    except WriteRefused:
        raise WriteRefused(added.refusal) from None
