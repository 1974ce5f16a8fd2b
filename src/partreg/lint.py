"""Problems, rules, and the lint run: data in, problems out.

Rules return :class:`Hit` values (a key and a message); the run turns them
into :class:`Problem` values with a file, line and column. Only the CLI
decides how problems are shown and what the exit code is.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from pydantic import BaseModel, ValidationError

from partreg.models import Arrangement, Settings

Key = tuple[str | int, ...]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One problem in one file, at a line and column (1-based)."""

    path: str
    line: int
    column: int
    rule: str
    severity: Severity
    message: str
    key: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "key": self.key,
        }


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule found: where in the entry (a key path) and what to do about it."""

    key: Key
    message: str
    at_key: bool = False


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule may know besides the entry itself."""

    settings: Settings | None
    file_id: str


Check = Callable[[Arrangement, Context], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule: its id, default severity, documentation, and its check.

    Rules with no ``check`` document problems that the loader or the schema
    find (a syntax error, an unknown key) or that need the whole register.
    """

    id: str
    severity: Severity
    doc: str
    check: Check | None = None

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].strip()


class Source(Protocol):
    """A file as the loader read it (see ``store.Document``)."""

    display: str
    data: Any
    problems: list[Problem]

    def locate(self, key: Key, *, at_key: bool = False) -> tuple[int, int]: ...


def dotted(key: Key) -> str:
    """``('partners', 0, 'name')`` -> ``partners[0].name``."""
    out = ""
    for part in key:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


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
        current = _unwrap(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """The model inside ``X | None``, ``list[X]``, ``Annotated[X, ...]``."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType, list):
            inner = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(inner) != 1:
                return None
            annotation = inner[0]
        else:
            return annotation


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
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def schema_problems(source: Source, error: ValidationError, model: type[BaseModel]) -> Iterator[Problem]:
    """One problem per schema error, with a position and a fix.

    A misspelt required key is one fault, not two: the unknown key is
    reported with its "did you mean", and the missing key it stands for is not.
    """
    errors = error.errors(include_url=False)
    missing = {tuple(e["loc"]) for e in errors if e["type"] == "missing"}
    misspelt: set[tuple[Any, ...]] = set()
    for err in errors:
        loc = tuple(err["loc"])
        if err["type"] == "extra_forbidden" and loc and isinstance(loc[-1], str):
            close = difflib.get_close_matches(
                loc[-1], [str(m[-1]) for m in missing if m[:-1] == loc[:-1]], n=1
            )
            if close:
                misspelt.add((*loc[:-1], close[0]))
    for err in errors:
        key: Key = tuple(p for p in err["loc"] if isinstance(p, str | int))
        kind = err["type"]
        if kind == "missing" and tuple(err["loc"]) in misspelt:
            continue
        name = str(key[-1]) if key else ""
        value = err.get("input")
        if kind == "extra_forbidden":
            owner = _model_at(model, key[:-1])
            known = list(owner.model_fields) if owner else []
            rule = "unknown-key"
            message = f"unknown key {name!r}{did_you_mean(name, known)}"
            if owner and not did_you_mean(name, known):
                message += f"; the keys here are: {', '.join(known)}"
            at_key = True
        elif kind == "missing":
            rule, at_key = "missing-field", True
            where = f" in {dotted(key[:-1])}" if len(key) > 1 else ""
            message = f"required field {name!r} is missing{where}: add `{name}: ...`"
        elif kind in ("literal_error", "enum"):
            expected = err.get("ctx", {}).get("expected", "")
            choices = [c.strip().strip("'") for c in expected.replace(" or ", ",").split(",") if c.strip()]
            rule, at_key = "invalid-value", False
            message = (
                f"{name}: {_value_repr(value)} is not allowed{did_you_mean(str(value), choices)}; "
                f"use one of: {', '.join(choices)}"
            )
        else:
            rule, at_key = "wrong-type", False
            wanted = _TYPE_NAMES.get(kind)
            if wanted:
                message = f"{name}: should be {wanted}, not {_value_repr(value)}"
                if kind == "bool_type" and isinstance(value, str):
                    message += ": write true or false (YAML 1.2 reads yes, no, on and off as text)"
            else:
                message = f"{name}: {err['msg'].removeprefix('Value error, ')}"
        line, column = source.locate(key, at_key=at_key)
        yield Problem(source.display, line, column, rule, Severity.ERROR, message, dotted(key))


def validate_settings(source: Source) -> tuple[Settings | None, list[Problem]]:
    """The register settings in ``source``, or the problems that stop them being read."""
    if source.problems:
        return None, list(source.problems)
    try:
        return Settings.model_validate(source.data), []
    except ValidationError as e:
        return None, list(schema_problems(source, e, Settings))


# --------------------------------------------------------------------------- run


@dataclass
class Linter:
    """Lints files one at a time, keeping only what cross-file rules need."""

    settings: Settings | None
    rules: tuple[Rule, ...]
    severities: dict[str, Severity] = field(default_factory=dict)
    _ids: dict[str, str] = field(default_factory=dict)

    def check(self, source: Source, file_id: str) -> tuple[Arrangement | None, list[Problem]]:
        """Problems in one arrangement file, and the entry if it could be read."""
        if source.problems:
            return None, list(source.problems)
        try:
            entry = Arrangement.model_validate(source.data)
        except ValidationError as e:
            return None, list(schema_problems(source, e, Arrangement))
        ctx = Context(self.settings, file_id)
        problems: list[Problem] = []
        for rule in self.rules:
            if rule.check is None:
                continue
            severity = self.severities.get(rule.id, rule.severity)
            for hit in rule.check(entry, ctx):
                line, column = source.locate(hit.key, at_key=hit.at_key)
                problems.append(
                    Problem(
                        source.display,
                        line,
                        column,
                        rule.id,
                        severity,
                        hit.message,
                        dotted(hit.key),
                    )
                )
        seen = self._ids.get(entry.id)
        if seen is not None:
            line, column = source.locate(("id",))
            problems.append(
                Problem(
                    source.display,
                    line,
                    column,
                    "duplicate-id",
                    Severity.ERROR,
                    f"the id {entry.id!r} is already used by {seen}: give each arrangement its own id",
                    "id",
                )
            )
        else:
            self._ids[entry.id] = source.display
        problems.sort()
        return entry, problems


def run(
    settings: Settings | None,
    sources: Iterable[tuple[Source, str]],
    rules: tuple[Rule, ...],
) -> Iterator[tuple[Source, Arrangement | None, list[Problem]]]:
    """Lint ``(source, file_id)`` pairs one at a time, in order.

    Yields each source with its entry (``None`` where it could not be read)
    and its problems, so a caller can stream a register of any size.
    """
    linter = Linter(settings, rules)
    for source, file_id in sources:
        entry, problems = linter.check(source, file_id)
        yield source, entry, problems
