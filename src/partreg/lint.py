"""The lint run: a file's data in, its problems out.

Rules return :class:`~partreg.problems.Hit` values (a key and a message); the run turns them
into :class:`~partreg.problems.Problem` values with a file, line and column, adds what the
schema finds (:mod:`partreg.schemaerrors`), applies ``# partreg: disable`` comments and finds
ids used twice. Problems are values: the front ends show them, and the exit code is decided
with ``partreg.app.checking.fails``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar

from pydantic import ValidationError

from partreg.collector import collector_paused
from partreg.models import (
    RULE_IDS,
    Arrangement,
    Kind,
    Settings,
    entry_stem,
    key_as_written,
    read_arrangement,
    yaml_lines,
)
from partreg.problems import Check, Context, Problem, Rule, Severity, Source, dotted
from partreg.repeats import SAME_PROBLEMS_SHOWN, Repeats, place_of, stands_for_more
from partreg.rules import (
    BY_ID,
    disable_unknown_rule,
    disable_without_reason,
    duplicate_id,
    internal_error,
    yaml_syntax,
)
from partreg.schemaerrors import Aside, schema_problems, set_aside
from partreg.spelling import did_you_mean


def validate_settings(source: Source) -> tuple[Settings | None, list[Problem]]:
    """The register settings in ``source``, or the problems that stop them being read."""
    if source.problems:
        return None, list(source.problems)
    try:
        return Settings.model_validate(source.data, context={RULE_IDS: frozenset(BY_ID)}), []
    except ValidationError as e:
        errors = e.errors(include_url=False)
        for err in errors:  # a mapping's key that is wrong (`rules: {1: off}`) is found as the file writes it
            if len(err["loc"]) > 1 and err["loc"][-1] == "[key]":
                err["loc"] = (*err["loc"][:-2], key_as_written(err["loc"][-2]) or err["loc"][-2], "[key]")
        return None, list(schema_problems(source, errors, Settings))


# --------------------------------------------------------------------------- run


@dataclass
class Linter:
    """Lints one file at a time; the same for every file, so files can be linted anywhere, in any process."""

    settings: Settings | None
    rules: tuple[Rule, ...]
    today: dt.date | None = None
    #: The register's ids, where known (see ``Context.ids``).
    ids: frozenset[str] | None = None
    severities: dict[str, Severity] = field(init=False)
    _off: set[str] = field(init=False)
    _checks: list[tuple[str, Severity, Check]] = field(init=False)
    #: The checks for an entry recorded as each kind (or as none): those for one kind only are
    #: called for that kind only.
    _checks_for: dict[Kind | None, list[tuple[str, Severity, Check]]] = field(init=False)

    def __post_init__(self) -> None:
        # the levels partreg.yaml sets, which differ from the rules' defaults
        levels = self.settings.rules if self.settings else {}
        self._off = {rule_id for rule_id, level in levels.items() if level == "off"}
        self.severities = {rule_id: Severity(level) for rule_id, level in levels.items() if level != "off"}
        self._checks = [
            (r.id, self.severities.get(r.id, r.severity), r.check)
            for r in self.rules
            if r.check is not None and r.id not in self._off
        ]
        only_for = {r.id: r.only_for for r in self.rules}
        self._checks_for = {
            kind: [c for c in self._checks if only_for[c[0]] in (None, kind)] for kind in (*Kind, None)
        }

    def check(self, source: Source, file_id: str) -> tuple[Arrangement | None, list[Problem]]:
        """Problems in one arrangement file, and the entry if it could be read.

        Whatever fails while the file is checked is the file's one
        ``internal-error`` problem: every other file is still checked.
        """
        try:
            return self._checked(source, file_id)
        except Exception as error:  # a fault in partreg, not the user's: that file's problem, not the run's
            return None, [internal_error.problem(source.display, error)]

    def _checked(self, source: Source, file_id: str) -> tuple[Arrangement | None, list[Problem]]:
        with collector_paused():
            try:
                entry, problems = self._check(source, file_id)
            except RecursionError:  # values nested too deep to validate (the reading refuses most first)
                entry, problems = None, [yaml_syntax.too_deep(source.display)]
        if entry is None:
            # the file could not be read: what stopped it is an error whatever the settings' levels or
            # the file's comments say, since a file not read is left out of every command
            return None, problems
        if source.text is not None and ("isable" in source.text or "ISABLE" in source.text):  # (a look in C)
            problems = apply_disables(source, problems)
        if self._off or self.severities:
            problems = [
                p if p.rule not in self.severities else replace(p, severity=self.severities[p.rule])
                for p in problems
                if p.rule not in self._off
            ]
        return entry, problems

    def _check(self, source: Source, file_id: str) -> tuple[Arrangement | None, list[Problem]]:
        if source.problems:
            return None, list(source.problems)
        entry, errors = read_arrangement(source.data, file_id)
        problems = list(schema_problems(source, errors, Arrangement, self.ids)) if errors else []
        wrong = Aside(set_aside(errors, source.data) if errors else [])
        ctx = Context(
            self.settings,
            file_id,
            self.today,
            source.text,
            self.ids,
            wrong.touches if wrong else None,
            source.display,
        )
        repeats = Repeats()
        for rule_id, severity, check in self._checks_for[entry.kind]:
            for hit in check(entry, ctx):
                if wrong and any(wrong.touches(k) for k in hit.about or (hit.key,)):
                    continue  # that value is reported already, as what is wrong with it
                place = place_of(hit.key)
                n = repeats.count(rule_id, place)
                if n > SAME_PROBLEMS_SHOWN + 1:
                    continue
                line, column = source.locate(hit.key, at_key=hit.at_key)
                problem = Problem(
                    source.display, line, column, rule_id, severity, hit.message, dotted(hit.key)
                )
                if repeats.shown(problem, place, n):
                    problems.append(problem)
        problems.extend(repeats.stand_ins())
        problems.sort()
        return entry, problems


DISABLE = re.compile(r"#\s*partreg:\s*disable\s*=\s*([A-Za-z0-9_,-]*)[ \t]*(.*)$", re.IGNORECASE)
#: A comment that means to disable a rule, read or not (``# partreg: disable no-such-thing``).
MEANT_TO_DISABLE = re.compile(r"#\s*partreg\W*disable", re.IGNORECASE)
#: A rule id at the start of a comment's reason, after an id and a comma and a space.
_ANOTHER_ID = re.compile(r"([a-z0-9-]+)(,?)[ \t]*", re.IGNORECASE)


def apply_disables(source: Source, problems: list[Problem]) -> list[Problem]:
    """Drop the problems a ``# partreg: disable=rule-id reason`` comment on their line names.

    A comment without a reason, or naming no known rule, is itself a warning.
    """
    disabled: dict[int, set[str]] = {}
    comments: dict[int, int] = {}  # the column of each line's disable comment
    found: list[Problem] = []
    repeats = Repeats()

    def warn(line: int, column: int, rule: str, message: Callable[[], str]) -> None:
        n = repeats.count(rule, "")
        if n <= SAME_PROBLEMS_SHOWN + 1:  # the message is worded only for a problem that is shown
            problem = Problem(source.display, line, column, rule, Severity.WARNING, message())
            if repeats.shown(problem, "", n):
                found.append(problem)

    # lines as YAML and problems' positions count them: a comment after a vertical tab is on its line
    for number, line in enumerate(yaml_lines(source.text or ""), 1):
        match = DISABLE.search(line)
        if match is None:
            meant = MEANT_TO_DISABLE.search(line)
            if meant is not None:  # `# partreg: disable no-review-history`: would be read as nothing
                warn(
                    number,
                    meant.start() + 1,
                    disable_unknown_rule.ID,
                    lambda: (
                        "the comment is not read, so it disables nothing: "
                        "write `# partreg: disable=rule-id the reason`"
                    ),
                )
            continue
        at = (number, match.start() + 1)
        ids, reason = match.group(1), match.group(2)
        while ids.endswith(",") and (more := _ANOTHER_ID.match(reason)) and more.group(1).lower() in BY_ID:
            ids, reason = ids + more.group(1) + more.group(2), reason[more.end() :]  # `a, b the reason`
        names = {n.lower() for n in ids.split(",") if n}
        disabled[number], comments[number] = names, match.start() + 1
        if not line[: match.start()].strip(" \t"):
            comments.pop(number)  # said below: such a comment excuses nothing, wherever its problem is
            warn(
                *at,
                disable_unknown_rule.ID,
                lambda: (
                    "a disable comment excuses the problems on its own line, and this line has nothing "
                    "else: put the comment at the end of the line it is about"
                ),
            )
        for name in sorted(names - set(BY_ID)):
            warn(
                *at,
                disable_unknown_rule.ID,
                # called at once, in this iteration: B023's late binding does not arise
                lambda: f"there is no rule {name!r}{did_you_mean(name, BY_ID)}: nothing is disabled by it",  # noqa: B023
            )
        if not names:
            warn(
                *at,
                disable_unknown_rule.ID,
                lambda: "the comment names no rule: write `# partreg: disable=rule-id reason`",
            )
        if not reason.strip():
            warn(
                *at,
                disable_without_reason.ID,
                lambda: "say why the rule does not apply here: `# partreg: disable=rule-id the reason`",
            )
    kept = [p for p in problems if p.rule not in disabled.get(p.line, ())]
    _unused(disabled, comments, problems, warn)
    return sorted([*kept, *found, *repeats.stand_ins()])


def _unused(
    disabled: dict[int, set[str]],
    comments: dict[int, int],
    problems: list[Problem],
    warn: Callable[[int, int, str, Callable[[], str]], None],
) -> None:
    """Warn of each rule a comment disables that has nothing to excuse on the comment's line: it is
    on another line (a comment on `role:` for a problem placed at `lead:`), or there is none, and
    the comment was left behind."""
    excused = {(p.line, p.rule) for p in problems}
    # a rule whose problems were counted past the 21 shown may have one on the comment's line unshown
    counted = {p.rule for p in problems if stands_for_more(p)}
    for number, names in sorted(disabled.items()):
        if number not in comments:
            continue
        for name in sorted(
            n for n in names if n in BY_ID and n not in counted and (number, n) not in excused
        ):
            lines = sorted({p.line for p in problems if p.rule == name})
            where = (
                f"its problem is on line {lines[0]}: put the comment at the end of that line"
                if len(lines) == 1
                else f"its problems are on lines {', '.join(map(str, lines))}: put it at the end of the line "
                "of the one it excuses"
                if lines
                else "remove the comment, or put it on the line of the problem it is meant to excuse"
            )
            warn(
                number,
                comments[number],
                disable_unknown_rule.ID,
                # called at once, in this iteration: B023's late binding does not arise
                lambda: f"{name} finds nothing on line {number} to disable: {where}",  # noqa: B023
            )


Where = TypeVar("Where")


@dataclass
class Ids(Generic[Where]):
    """The ids seen so far in a run, each with where it was seen first: the one cross-file rule
    (``duplicate-id``) needs only these. A lint keeps the file as shown, a render its path;
    ``named_by`` says whether a file is named by an id (asked only of two files of one id)."""

    named_by: Callable[[Where, str], bool]
    _first: dict[str, Where] = field(default_factory=dict)
    #: Where the file last put out of place by one named by its id was (see :meth:`duplicate`).
    _displaced: Where | None = None

    def duplicate(self, entry_id: str, where: Where) -> Where | None:
        """Where ``entry_id`` was seen first, if not ``where``, and ``where`` is its duplicate;
        remembers it otherwise. Of two files of one id where one is named by it and the other is not
        (``CSP.yaml``, ``csp copy.yaml`` beside ``csp.yaml``), the other is the one out of place, and
        its own id problem (``id-mismatch``, or an id that is no id) says what to change: neither is
        a duplicate here, and the one named by it keeps it (:meth:`displaced`)."""
        first = self._first.setdefault(entry_id, where)
        if first == where:
            return None
        owns, first_owns = self.named_by(where, entry_id), self.named_by(first, entry_id)
        if owns != first_owns:
            if owns:
                self._first[entry_id], self._displaced = where, first
            return None
        return first

    def holder(self, entry_id: str) -> Where | None:
        """The file that has ``entry_id`` now: the first seen, or the one named by it that took it."""
        return self._first.get(entry_id)

    def displaced(self) -> Where | None:
        """The file the last call to :meth:`duplicate` found out of place, if it was seen first (a
        render leaves it out, for the one named by the id); ``None`` where there is none. Read once."""
        found, self._displaced = self._displaced, None
        return found


def owns(display: str, entry_id: str) -> bool:
    """Whether the file shown as ``display`` is named by ``entry_id`` (its name, without its ending)."""
    return _stem(display) == entry_id


def duplicate_problem(source: Source, entry_id: str, first: str) -> Problem:
    """``duplicate-id`` for ``source``, whose id ``first`` (a file read before it) has too."""
    line, column = source.locate(("id",))
    message = f"the id {entry_id!r} is already used by {first}: give each arrangement its own id"
    return Problem(source.display, line, column, duplicate_id.ID, Severity.ERROR, message, "id")


def _stem(display: str) -> str:
    """A file's name as its id would be, from how a problem names the file (``register/csp.yaml``)."""
    return entry_stem(display.replace("\\", "/").rsplit("/", 1)[-1])


def run(
    settings: Settings | None,
    sources: Iterable[tuple[Source, str]],
    rules: tuple[Rule, ...],
    today: dt.date | None = None,
    known: frozenset[str] | None = None,
) -> Iterator[tuple[Source, Arrangement | None, list[Problem]]]:
    """Lint ``(source, file_id)`` pairs one at a time, in order.

    Yields each source with its entry (``None`` where it could not be read)
    and its problems, so a caller can stream a register of any size. Rules
    about dates (reviews overdue, arrangements ending) run only when
    ``today`` is given; rules about references between entries only when the
    register's ids are ``known``.
    """
    linter, ids = Linter(settings, rules, today, known), Ids[str](owns)
    for source, file_id in sources:
        entry, problems = linter.check(source, file_id)
        if entry is not None:
            first = ids.duplicate(entry.id, source.display)
            if first is not None:
                problems = sorted([*problems, duplicate_problem(source, entry.id, first)])
        yield source, entry, problems
