"""The lint run: a file's data in, its problems out.

Rules return :class:`~partreg.problems.Hit` values (a key and a message); the run turns them
into :class:`~partreg.problems.Problem` values with a file, line and column, adds what the
schema finds, applies ``# partreg: disable`` comments and finds ids used twice. Only the CLI
decides how problems are shown and what the exit code is.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from partreg import advice
from partreg.models import ID_PATTERN, RULE_IDS, Arrangement, Settings, inner_model, read_arrangement, shown
from partreg.problems import Check, Context, Key, Problem, Rule, Severity, Source, dotted
from partreg.rules import (
    BY_ID,
    disable_unknown_rule,
    disable_without_reason,
    duplicate_id,
    invalid_value,
    missing_field,
    unknown_key,
    wrong_type,
    yaml_syntax,
)
from partreg.rules import internal_error as internal_error_rule
from partreg.spelling import close_matches, closest, did_you_mean


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused, for the work on one file: a megabyte of YAML makes up to a
    million objects and no cycle, and the collector walked them again and again as they were
    made, half the time or more (a megabyte of partners: 3.5 s, and 1.8 s paused)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


# --------------------------------------------------------------------------- schema


def _model_at(model: type[BaseModel], key: Key) -> type[BaseModel] | None:
    """The model class whose fields live at ``key`` inside ``model``."""
    current: Any = model
    for part in key:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = inner_model(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


ID_RULE = (
    "use lower-case letters, digits and hyphens, 3-64 characters, starting and ending with a letter or digit"
)

_TYPE_NAMES = {
    "string_type": "text",
    "bool_type": "true or false",
    "int_type": "a whole number",
    "float_type": "a number",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
}


def _value_repr(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    return shown(value)


#: How many problems of one rule at one place in the format (each partner's `name`, the keys of
#: `lead`) a file reports one by one; the next one also says how many more there are. A file with
#: more was generated, not typed, and each problem costs a position and a fix (40,000 unknown keys
#: took a minute and a half to lint, most of it suggesting a spelling for each).
SAME_PROBLEMS_SHOWN = 20


def _place(key: Key) -> str:
    """Where ``key`` is in the format, whichever item of a list it is in: ``partners[*].name``."""
    out = ""
    for part in key:
        out += "[*]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


class _Repeats:
    """Counts a file's problems by rule and place: the first ``SAME_PROBLEMS_SHOWN`` of each are
    shown, the next one stands for itself and every one after it, and those are only counted."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str], int] = {}
        self._stand_ins: list[tuple[Problem, str]] = []

    def count(self, rule: str, place: str) -> int:
        """How many problems of ``rule`` at ``place`` there are, this one included."""
        n = self._seen[rule, place] = self._seen.get((rule, place), 0) + 1
        return n

    def shown(self, problem: Problem, place: str, n: int) -> bool:
        """Whether ``problem``, the ``n``-th of its rule at ``place``, is shown as it is; if not,
        it is the stand-in, kept for :meth:`stand_ins`."""
        if n > SAME_PROBLEMS_SHOWN:
            self._stand_ins.append((problem, place))
        return n <= SAME_PROBLEMS_SHOWN

    def stand_ins(self) -> Iterator[Problem]:
        """Each stand-in, saying how many more problems like it there are."""
        for problem, place in self._stand_ins:
            more = self._seen[problem.rule, place] - SAME_PROBLEMS_SHOWN - 1
            where = f" at {place}" if place else ""
            said = f" (and {more:,} more like it{where}, not shown one by one)" if more else ""
            yield replace(problem, message=problem.message + said)


_SCHEMA_RULES = {
    "invalid_key": yaml_syntax.ID,
    "extra_forbidden": unknown_key.ID,
    "missing": missing_field.ID,
    "literal_error": invalid_value.ID,
    "enum": invalid_value.ID,
}


def _error_place(err: ErrorDetails) -> tuple[Key, str, str]:
    """An error's key, its rule, and its place (of the mapping, for an unknown key)."""
    key: Key = tuple(p for p in err["loc"] if isinstance(p, str | int))
    rule = _SCHEMA_RULES.get(err["type"], wrong_type.ID)
    return key, rule, _place(key[:-1] if rule == unknown_key.ID else key)


def _guessed(errors: list[ErrorDetails]) -> list[bool]:
    """Whether each error is an unknown key whose meaning is guessed: those shown (see
    ``SAME_PROBLEMS_SHOWN``), since a guess costs a fuzzy match against every field."""
    repeats, out = _Repeats(), []
    for err in errors:
        if err["type"] != "extra_forbidden":
            out.append(False)
            continue
        key, rule, place = _error_place(err)
        shown = repeats.count(rule, place) <= SAME_PROBLEMS_SHOWN + 1
        out.append(shown and bool(key) and isinstance(key[-1], str))
    return out


def schema_problems(source: Source, errors: list[ErrorDetails], model: type[BaseModel]) -> Iterator[Problem]:
    """One problem per schema error, with a position and a fix.

    A misspelt required key is one fault, not two: the unknown key is
    reported with its "did you mean", and the missing key it stands for is not.
    Problems of one rule at one place beyond ``SAME_PROBLEMS_SHOWN`` are one problem.
    """
    guessed = _guessed(errors)
    missing = {tuple(e["loc"]) for e in errors if e["type"] == "missing"}
    misspelt: set[tuple[Any, ...]] = set()
    for err, guess in zip(errors, guessed, strict=True):
        loc = tuple(err["loc"])
        if guess:
            close = close_matches(str(loc[-1]), tuple(str(m[-1]) for m in missing if m[:-1] == loc[:-1]), 1)
            if close:
                misspelt.add((*loc[:-1], close[0]))
    repeats = _Repeats()
    for err in errors:
        key, rule, place = _error_place(err)
        kind = err["type"]
        if kind == "missing" and tuple(err["loc"]) in misspelt:
            continue
        n = repeats.count(rule, place)
        if n > SAME_PROBLEMS_SHOWN + 1:
            continue
        name = str(key[-1]) if key else ""
        value = err.get("input")
        if kind == "extra_forbidden":
            owner = _model_at(model, key[:-1])
            known = list(owner.model_fields) if owner else []
            meant = advice.meant_key(name, known)
            hint = did_you_mean(name, known)
            if meant == "internal":
                message = f"unknown key {name!r}: notes that are not published go under `internal:`; write internal: {{notes: ...}}"
            elif meant:
                message = f"unknown key {name!r}: the format calls it `{meant}`; write {meant}: instead"
            else:
                message = f"unknown key {name!r}{hint}"
            if owner and not hint and not meant:
                message += f"; the keys here are: {', '.join(known)}"
            at_key = True
        elif kind == "invalid_key":  # `1.5:`, `~:` or `[a]:` where a field's name belongs
            at_key = True
            message = (
                f"has the key {shown(name)} in {dotted(key[:-1])}, which is not text: keys are field names; "
                "write the key as a name (quote it if it looks like a number)"
            )
        elif kind == "missing":
            at_key = True
            where = f" in {dotted(key[:-1])}" if len(key) > 1 else ""
            message = f"required field {name!r} is missing{where}: add `{name}: ...`"
        elif kind in ("literal_error", "enum"):
            expected = err.get("ctx", {}).get("expected", "")
            choices = [c.strip().strip("'") for c in expected.replace(" or ", ",").split(",") if c.strip()]
            at_key = False
            meant = advice.meant_choice(name, value, choices)
            message = f"{name}: {_value_repr(value)} is not allowed" + (
                f": write {name}: {meant}" if meant else f"{did_you_mean(str(value), choices)}"
            )
            message += f" (one of: {', '.join(choices)})" if meant else f"; use one of: {', '.join(choices)}"
        else:
            at_key = False
            wanted = _TYPE_NAMES.get(kind)
            if kind == "string_pattern_mismatch" and name == "id":
                message = f"id: {_value_repr(value)} is not an id: {ID_RULE}"
            elif kind == "string_pattern_mismatch" and err.get("ctx", {}).get("pattern") == ID_PATTERN:
                message = f"{dotted(key)}: {_value_repr(value)} is not an entry's id: {ID_RULE}"
            elif kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
                bound = err["msg"].removeprefix("Input should be ")
                message = f"{name}: {_value_repr(value)} is out of range: it should be {bound}"
            elif kind == "string_too_short":
                message = f"{name}: is empty: write something or remove the line"
            elif isinstance(value, int | float) and not isinstance(value, bool) and kind.startswith("finite"):
                message = f"{name}: {_value_repr(value)} is not a finite number: write the amount in pounds"
            elif isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 256:
                message = f"{name}: {_value_repr(value)} is too large to be an amount"
            elif wanted:
                message = f"{name}: should be {wanted}, not {_value_repr(value)}"
                fix = advice.wrong_type(name, value, wanted)
                message += f": {fix}" if fix else ""
            else:
                dated = "write dates as" in err["msg"]
                fix = (advice.no_end(name, value) or advice.date_written_the_uk_way(value)) if dated else None
                message = f"{name}: {fix}" if fix else f"{name}: {err['msg'].removeprefix('Value error, ')}"
        line, column = source.locate(key, at_key=at_key)
        problem = Problem(source.display, line, column, rule, Severity.ERROR, message, dotted(key))
        if repeats.shown(problem, place, n):
            yield problem
    yield from repeats.stand_ins()


def validate_settings(source: Source) -> tuple[Settings | None, list[Problem]]:
    """The register settings in ``source``, or the problems that stop them being read."""
    if source.problems:
        return None, list(source.problems)
    try:
        return Settings.model_validate(source.data, context={RULE_IDS: frozenset(BY_ID)}), []
    except ValidationError as e:
        return None, list(schema_problems(source, e.errors(include_url=False), Settings))


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

    def check(self, source: Source, file_id: str) -> tuple[Arrangement | None, list[Problem]]:
        """Problems in one arrangement file, and the entry if it could be read.

        Whatever fails while the file is checked is the file's one
        ``internal-error`` problem: every other file is still checked.
        """
        try:
            return self._checked(source, file_id)
        except Exception as error:  # a fault in partreg, not the user's: that file's problem, not the run's
            return None, [internal_error(source.display, error)]

    def _checked(self, source: Source, file_id: str) -> tuple[Arrangement | None, list[Problem]]:
        with collector_paused():
            entry, problems = self._check(source, file_id)
        if source.text is not None and "partreg:" in source.text:
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
        problems = list(schema_problems(source, errors, Arrangement)) if errors else []
        wrong = _Aside(set_aside(errors, source.data) if errors else [])
        ctx = Context(
            self.settings, file_id, self.today, source.text, self.ids, wrong.touches if wrong else None
        )
        repeats = _Repeats()
        for rule_id, severity, check in self._checks:
            for hit in check(entry, ctx):
                if wrong and any(wrong.touches(k) for k in hit.about or (hit.key,)):
                    continue  # that value is reported already, as what is wrong with it
                place = _place(hit.key)
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


def internal_error(display: str, error: BaseException) -> Problem:
    """The problem that stands for partreg failing on a file: what failed, and whom to tell."""
    return Problem(
        display,
        1,
        1,
        internal_error_rule.ID,
        Severity.ERROR,
        f"partreg failed while checking this file ({type(error).__name__}: {shown(str(error), 80)}), so it is "
        "left out: please report it to partreg's maintainers with the file and `partreg --version`",
    )


def set_aside(errors: list[ErrorDetails], data: Any) -> list[Key]:
    """Where an entry's values were set aside as wrong, and the keys misspelt ones stand for.

    Rules that read such a place say nothing of it: a wrong value is one
    problem (what is wrong with it), not one more for each rule that reads it.
    """
    keys: list[Key] = []
    for err, guess in zip(errors, _guessed(errors), strict=True):
        key: Key = tuple(p for p in err["loc"] if isinstance(p, str | int))
        keys.append(key)
        if guess:
            owner = _model_at(Arrangement, key[:-1])
            meant = closest(str(key[-1]), owner.model_fields) if owner else None
            parent = _value_at(data, key[:-1])
            if meant is not None and isinstance(parent, dict) and meant not in parent:
                keys.append((*key[:-1], meant))
    return keys


def _value_at(data: Any, key: Key) -> Any:
    for part in key:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


class _Aside:
    """The places set aside, asked about a key in time that grows with the key, not with the number
    of places: a file may hold a wrong value in each of 100,000 items, and a rule a hit in each."""

    def __init__(self, keys: list[Key]) -> None:
        self._keys = set(keys)
        self._holders = {k[:i] for k in keys for i in range(len(k))}

    def __bool__(self) -> bool:
        return bool(self._keys)

    def touches(self, key: Key) -> bool:
        """``key`` lies within a place set aside, or holds one (a list that lost a wrong item)."""
        return key in self._holders or any(key[:i] in self._keys for i in range(len(key) + 1))


DISABLE = re.compile(r"#\s*partreg:\s*disable=([A-Za-z0-9_,-]*)[ \t]*(.*)$")


def apply_disables(source: Source, problems: list[Problem]) -> list[Problem]:
    """Drop the problems a ``# partreg: disable=rule-id reason`` comment on their line names.

    A comment without a reason, or naming no known rule, is itself a warning.
    """
    disabled: dict[int, set[str]] = {}
    found: list[Problem] = []
    repeats = _Repeats()

    def warn(line: int, column: int, rule: str, message: Callable[[], str]) -> None:
        n = repeats.count(rule, "")
        if n <= SAME_PROBLEMS_SHOWN + 1:  # the message is worded only for a problem that is shown
            problem = Problem(source.display, line, column, rule, Severity.WARNING, message())
            if repeats.shown(problem, "", n):
                found.append(problem)

    for number, line in enumerate((source.text or "").splitlines(), 1):
        match = DISABLE.search(line)
        if match is None:
            continue
        at = (number, match.start() + 1)
        names = {n for n in match.group(1).split(",") if n}
        disabled[number] = names
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
        if not match.group(2).strip():
            warn(
                *at,
                disable_without_reason.ID,
                lambda: "say why the rule does not apply here: `# partreg: disable=rule-id the reason`",
            )
    kept = [p for p in problems if p.rule not in disabled.get(p.line, ())]
    return sorted([*kept, *found, *repeats.stand_ins()])


@dataclass
class Ids:
    """The ids seen so far in a run: the one cross-file rule (``duplicate-id``) needs only these."""

    _first: dict[str, str] = field(default_factory=dict)

    def duplicate(self, entry_id: str, display: str) -> str | None:
        """Where ``entry_id`` was seen first, if not in ``display``; remembers it otherwise."""
        first = self._first.setdefault(entry_id, display)
        return first if first != display else None


def duplicate_problem(source: Source, entry_id: str, first: str) -> Problem:
    line, column = source.locate(("id",))
    return Problem(
        source.display,
        line,
        column,
        duplicate_id.ID,
        Severity.ERROR,
        f"the id {entry_id!r} is already used by {first}: give each arrangement its own id",
        "id",
    )


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
    linter, ids = Linter(settings, rules, today, known), Ids()
    for source, file_id in sources:
        entry, problems = linter.check(source, file_id)
        if entry is not None:
            first = ids.duplicate(entry.id, source.display)
            if first is not None:
                problems = sorted([*problems, duplicate_problem(source, entry.id, first)])
        yield source, entry, problems
