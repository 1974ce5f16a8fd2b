"""Facts to a kind, by the policy's own definitions, always saying why; and what to ask or change.

``classify`` reads the ``characteristics`` facts (each true, false or not
known) and the entry's statutory basis, and returns the kind they point to,
the reasons (each quoting the policy sentence or naming the council practice
it rests on), any contradictions (each naming the fact to change), and the
facts still missing whose answer would change the result. A contradiction is
reported, never resolved silently; where the policy itself settles one (a
provider that calls a contract a "partnership"), the kind is given and the
contradiction shown. Where facts are missing and nothing contradicts a kind,
the result is "not decided yet", with the questions to answer; "contradicted"
is kept for facts that really contradict. A forum whose agreement is not
known leans to joint working, and the one question that would settle it is
asked.

The facts and the policy's words are in :mod:`partreg.facts`, the decision
itself (quick, for lint) in :mod:`partreg.decision`; both are re-exported
here, the one place the rest of partreg asks about a kind.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, field
from typing import Any

from partreg.decision import Decision, decide, decided, kind_of, values_of
from partreg.facts import (
    DEFINITIONS,
    FACTS,
    PARTNERSHIP_FACTS,
    QUESTIONS,
    STEPS,
    Facts,
    facts_from,
    facts_of,
    statute_of,
)
from partreg.models import Characteristics, Kind

__all__ = [
    "DEFINITIONS",
    "FACTS",
    "PARTNERSHIP_FACTS",
    "QUESTIONS",
    "STEPS",
    "Classification",
    "Decision",
    "Facts",
    "changes_to",
    "classify",
    "decide",
    "facts_from",
    "facts_of",
    "statute_of",
]


@dataclass(frozen=True)
class Classification:
    """What the facts say: a kind (or ``None``), why, what contradicts, what is still to ask.

    Where no kind is decided, ``possible`` lists the kinds nothing recorded rules out, and
    ``leaning`` the one the facts lean to (a forum whose agreement is not known: joint working).
    ``deciding`` names the facts the kind rests on, and ``presumed`` those of the facts taken as
    settled by the law (a named statutory basis) or by a forum, not recorded.
    """

    kind: Kind | None
    basis: str = ""
    reasons: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    leaning: Kind | None = None
    possible: list[Kind] = field(default_factory=list)
    deciding: list[str] = field(default_factory=list)
    presumed: dict[str, bool] = field(default_factory=dict)
    #: The classification step that decided it, as :data:`STEPS` names it (``""`` where none did).
    step: str = ""
    #: The facts as read: recorded, or presumed where ``presumed`` says.
    facts: dict[str, bool | None] = field(default_factory=dict)

    @property
    def settled(self) -> bool:
        """A kind is determined and nothing contradicts it."""
        return self.kind is not None and not self.conflicts

    def contradicts(self, recorded: Kind | str | None) -> bool:
        """Whether the facts contradict ``recorded``: a contradiction among them, a kind decided
        that is another, or (where none is decided) no answer still open that could make it so."""
        if recorded is None:
            return bool(self.conflicts)
        if self.conflicts:
            return True
        if self.kind is not None:
            return self.kind != recorded
        return recorded not in self.possible

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind) if self.kind else None,
            "basis": self.basis,
            "reasons": self.reasons,
            "conflicts": self.conflicts,
            "missing": [{"fact": f, "question": QUESTIONS[f]} for f in self.missing],
            "leaning": str(self.leaning) if self.leaning else None,
            "possible": [str(k) for k in self.possible],
            "deciding": [
                {"fact": n, "value": self.facts.get(n), "presumed": n in self.presumed} for n in self.deciding
            ],
            "presumed": self.presumed,
            "source": STEPS.get(self.step, ""),
        }


def classify(
    facts: Facts | Characteristics | None, *, statute: str | None = None, missing: bool = True
) -> Classification:
    """Classify by the policy; ``statute`` is the law that constitutes the arrangement, if any
    (:func:`statute_of`), which settles its formal agreement unless the facts say otherwise.

    With ``missing`` (the default), also list the unknown facts whose answer
    could still change the kind, in the order worth asking them; where the
    facts lean to a kind, only the one question that would settle it.
    """
    d = decide(facts, statute)
    questions: list[str] = []
    possible: list[Kind] = []
    reasons = list(d.reasons)
    if missing:
        questions, reachable = _open(d.facts)
        if d.kind is None:
            possible = [k for k in Kind if k in reachable]
            if d.leaning is not None:
                questions = [
                    f for f in ("formal_agreement", "agreed_outcomes") if d.facts[FACTS.index(f)] is None
                ][:1]
            reasons.insert(0, _not_decided(possible, d.leaning))
    return Classification(
        d.kind,
        d.basis,
        reasons,
        list(d.conflicts),
        questions,
        d.leaning,
        possible,
        list(d.deciding),
        dict(d.presumed),
        d.step,
        dict(zip(FACTS, d.facts, strict=True)),
    )


def _not_decided(possible: list[Kind], leaning: Kind | None) -> str:
    if not possible:
        return "None of the policy's four definitions fits the facts recorded so far."
    values = [k.value for k in possible]
    names = values[0] if len(values) == 1 else f"{', '.join(values[:-1])} or {values[-1]}"
    lean = f"; the facts lean to {leaning.value}" if leaning else ""
    return f"Not decided yet: nothing recorded contradicts {names}{lean}. Answer the questions below to decide it."


def changes_to(
    facts: Facts | Characteristics | None, statute: str | None, kind: Kind
) -> list[tuple[str, bool]]:
    """The single facts whose recording (or correcting) would make the arrangement ``kind`` without
    a contradiction: what a message says to change, where the recorded kind is ``kind``."""
    values = values_of(facts)
    current = decided(values, statute)
    order = [*current.deciding, *(f for f in FACTS if f not in current.deciding)]
    found = []
    for name in order:
        if name not in QUESTIONS:
            continue
        i = FACTS.index(name)
        for value in (False, True):
            if values[i] is value:
                continue
            changed = decided((*values[:i], value, *values[i + 1 :]), statute)
            if changed.kind is kind and not changed.conflicts:
                found.append((name, value))
    return found


def _open(values: tuple[bool | None, ...]) -> tuple[list[str], frozenset[Kind]]:
    """The unknown facts that change the kind for at least one answer to the other unknown facts,
    and every kind some answers make; the facts as :func:`partreg.decision.decided` reads them."""
    relevant, kinds = _opened(values)
    return list(relevant), kinds


@functools.lru_cache(maxsize=8192)
def _opened(values: tuple[bool | None, ...]) -> tuple[tuple[str, ...], frozenset[Kind]]:
    known = dict(zip(FACTS, values, strict=True))
    unknown = [name for name in FACTS if known[name] is None]
    kinds: dict[tuple[bool, ...], Kind | None] = {}
    for bits in itertools.product((True, False), repeat=len(unknown)):
        kinds[bits] = kind_of(
            tuple(known[n] if known[n] is not None else bits[unknown.index(n)] for n in FACTS)
        )
    relevant = []
    for i, name in enumerate(unknown):
        if any(kind != kinds[(*bits[:i], False, *bits[i + 1 :])] for bits, kind in kinds.items() if bits[i]):
            relevant.append(name)
    return tuple(relevant), frozenset(k for k in kinds.values() if k is not None)
