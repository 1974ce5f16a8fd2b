"""What a check finds and how a rule is described: problems, hits, rules and their context.

The vocabulary every rule, the lint run and every output share; it checks nothing itself.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol, TypeVar, cast

from partreg.models import Arrangement, Kind, Settings, is_id

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

    def __reduce__(self) -> tuple[type[Problem], tuple[Any, ...]]:
        # sent from worker processes, one or more a file: as a tuple, pickled and unpickled in less
        # than half the time of a frozen dataclass's state (set field by field)
        return Problem, (self.path, self.line, self.column, self.rule, self.severity, self.message, self.key)

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
    #: The fields a hit is about, where they are not ``key`` (which says where to point): if such a
    #: field was written but set aside as wrong, that is reported already, and this hit is not.
    about: tuple[Key, ...] = ()


T = TypeVar("T")


@dataclass(slots=True)
class Context:
    """What a rule may know besides the entry itself. (Not frozen: one is made for every file, and a
    frozen dataclass is made three times as slowly; no rule changes it.)"""

    settings: Settings | None
    file_id: str
    today: dt.date | None = None
    text: str | None = None  # the file as written, for a rule's quick first look
    #: The ids of the register's entries (its files' names), where the run knows them: for rules
    #: about references between entries.
    ids: frozenset[str] | None = None
    #: Whether a key lies where a value was set aside as wrong (reported already, as that).
    aside: Callable[[Key], bool] | None = None
    #: The file as reports name it (from the register's root: ``register/csp.yml``), where known.
    display: str | None = None
    #: What :meth:`once` has worked out: a name's entry and value.
    _known: dict[Callable[[Arrangement], Any], tuple[Arrangement, Any]] = field(
        default_factory=dict, repr=False, compare=False
    )

    @property
    def review_id(self) -> str:
        """The id ``partreg review`` (and ``history``) finds this file by, for a command a message
        gives: its name, where that is an id; ``ID`` where it is not (``Café-Board.yaml``: the file is
        renamed first, as its id problem says), since an id the file does not have finds nothing."""
        return self.file_id if is_id(self.file_id) else "ID"

    def level(self, rule_id: str) -> str | None:
        """The level ``partreg.yaml`` sets for ``rule_id`` (``error``, ``warning``, ``off``), if any."""
        return self.settings.rules.get(rule_id) if self.settings else None

    def once(self, work: Callable[[Arrangement], T], entry: Arrangement) -> T:
        """``work(entry)``, worked out once for ``entry`` where several rules ask (the kind its facts
        decide, its last review): each rule reads the entry's fields anew, and each read of a
        model's field costs several times a plain object's."""
        known = self._known.get(work)
        if known is not None and known[0] is entry:  # (the entry held: no other can take its place)
            return cast(T, known[1])
        value = work(entry)
        self._known[work] = (entry, value)
        return value


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
    #: The kind the check looks at, where it looks at entries recorded as one kind only (its check
    #: returns at once for any other): the run does not call it for the others.
    only_for: Kind | None = None
    #: Whether it reports something not recorded (a gap), not something recorded wrongly: ``add``
    #: writes an honest entry with gaps, as ``import --write`` does, and lint reports each gap until
    #: it is filled in, whatever its level.
    gap: bool = False

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].strip()

    @property
    def basis(self) -> str:
        """What the rule enforces and where that is written: the last paragraph of its *Why it
        matters*, which starts ``Policy:`` (a sentence of the council's policy, quoted), ``Format:``
        (a rule of the register format, quoted) or ``Practice:`` (a council practice, and where it
        is documented)."""
        for heading, body in _sections(self.doc):
            if heading == "Why it matters":
                last = body.split("\n\n")[-1]
                if last.startswith(BASES):
                    return " ".join(last.split())
        return ""


#: How a rule's basis starts (``Rule.basis``).
BASES = ("Policy:", "Format:", "Practice:")


class Source(Protocol):
    """A file as the loader read it (see ``partreg.yaml.reading.Document``)."""

    display: str
    text: str | None
    data: Any
    problems: list[Problem]

    def locate(self, key: Key, *, at_key: bool = False) -> tuple[int, int]: ...


def dotted(key: Key) -> str:
    """``('partners', 0, 'name')`` -> ``partners[0].name``."""
    out = ""
    for part in key:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def value_at(data: Any, key: Key) -> Any:
    """What ``data`` holds at ``key`` (``('partners', 0, 'name')``), or ``None`` where it holds nothing there."""
    for part in key:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def rules_markdown(rules: Iterable[Rule]) -> str:
    """The rule catalogue as Markdown, from the rules' own docstrings (``docs/rules.md``)."""
    out = ["# Lint rules", "", "Generated by `partreg rules --format markdown`; do not edit by hand.", ""]
    listed = list(rules)
    out += ["| rule | severity | what it checks |", "| --- | --- | --- |"]
    out += [f"| [`{r.id}`](#{r.id}) | {r.severity} | {r.summary} |" for r in listed]
    for rule in listed:
        out += ["", f"## {rule.id}", "", f"{rule.summary} Default severity: {rule.severity}."]
        for heading, body in _sections(rule.doc):
            out += ["", f"**{heading}**", "", body]
    return "\n".join(out) + "\n"


def _sections(doc: str) -> Iterator[tuple[str, str]]:
    """The docstring's *What it checks / Why it matters / Example / Instead* sections, dedented."""
    parts = re.split(r"^\s*(What it checks|Why it matters|Example|Instead):\s*$", doc, flags=re.M)
    for heading, body in zip(parts[1::2], parts[2::2], strict=True):
        yield heading, textwrap.dedent(body).strip()
