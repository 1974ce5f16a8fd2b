"""Shared building blocks for rule modules."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from partreg.classify import Decision, decide, statute_of
from partreg.models import Arrangement, Kind, Status
from partreg.problems import Context, Hit, Key, Rule, Severity

#: The ids of the two rules these helpers consult (their modules take ``ID`` from here: a rule
#: module imports this one, so this one cannot import them).
KIND_MISMATCH = "kind-mismatch"
GROUPED = "partnership-missing-elements"


def texts(value: Any, key: Key = ()) -> Iterator[tuple[Key, str]]:
    """Every text in a dumped entry, with the key that leads to it."""
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from texts(v, (*key, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from texts(v, (*key, i))


def documented(doc: str | None, rule_id: str, severity: Severity = Severity.ERROR) -> Rule:
    """A rule that the loader or the schema reports; the module documents it."""
    assert doc, f"rule {rule_id} needs a docstring"
    return Rule(rule_id, severity, doc)


def decision_of(entry: Arrangement) -> Decision | None:
    """What the entry's facts (and its statutory basis) decide; ``None`` where neither is recorded.
    Several rules ask: ``ctx.once(decision_of, entry)``."""
    statute = statute_of(entry)
    if entry.characteristics is None and statute is None:
        return None
    return decide(entry.characteristics, statute)


def council_funding(entry: Arrangement) -> float | None:
    """What ``resources.council.funding_gbp`` records, where an imported row's money goes while its
    kind is not known: a contract's value or a grant's amount may be that."""
    council = entry.resources.council if entry.resources else None
    return council.funding_gbp if council else None


def mismatched(entry: Arrangement, ctx: Context) -> bool:
    """``kind-mismatch`` reports this entry: its facts decide another kind than the one recorded."""
    if entry.kind is None or ctx.level(KIND_MISMATCH) == "off":
        return False
    decision = ctx.once(decision_of, entry)
    return decision is not None and decision.kind is not None and decision.kind is not entry.kind


def recorded_as(entry: Arrangement, kind: Kind, ctx: Context) -> bool:
    """The entry is recorded as ``kind`` and that kind's rules apply to it: not where its facts make
    it another kind, which ``kind-mismatch`` reports instead (the recorded kind's rules step back,
    since what the entry needs follows from what it really is)."""
    return entry.kind is kind and not mismatched(entry, ctx)


@dataclass(frozen=True)
class Element:
    """One of the six things every partnership must agree, and where an entry records it."""

    rule_id: str
    name: str  # as a list of what is missing says it
    present: Callable[[Arrangement], bool]
    what: str  # what a partnership must agree, and how to add it
    fields: tuple[str, ...]
    hint: str  # where to record it, as a list of what is missing says: `objectives:`
    #: ``what`` and ``hint`` for an entry whose file has part of it already (a `review:` with no
    #: `months:`), where adding it as ``hint`` writes would repeat a key
    said_for: Callable[[Arrangement], tuple[str, str] | None] | None = None

    def said(self, entry: Arrangement) -> tuple[str, str]:
        """What a partnership must agree, and where to record it, for ``entry``."""
        return (self.said_for(entry) if self.said_for else None) or (self.what, self.hint)

    def missing(self, entry: Arrangement, ctx: Context) -> bool:
        """Not recorded, nor written and set aside as wrong (which is reported as that already)."""
        if self.present(entry):
            return False
        return not (ctx.aside and any(ctx.aside((f,)) for f in self.fields))


#: The policy's six agreed elements, in the policy's order (filled by each element's rule module).
ELEMENTS: dict[str, Element] = {}


def agreement_asked(entry: Arrangement, ctx: Context) -> bool:
    """What a partnership must agree is asked of ``entry``: it is recorded as a partnership (and is
    one, :func:`recorded_as`) and not as ended. An ended one is kept as a record of what was; what
    it agreed, years ago, may be known to no one now, and its gaps are no longer the council's to fill."""
    return entry.status is not Status.ENDED and recorded_as(entry, Kind.PARTNERSHIP, ctx)


def missing_elements(entry: Arrangement, ctx: Context) -> list[Element]:
    """The agreed elements a partnership has not recorded, of those whose rule is not off."""
    if not agreement_asked(entry, ctx):
        return []
    return [e for e in ELEMENTS.values() if ctx.level(e.rule_id) != "off" and e.missing(entry, ctx)]


def grouped(entry: Arrangement, ctx: Context) -> bool:
    """Several elements are missing and the grouped rule reports them, as one problem."""
    return ctx.level(GROUPED) != "off" and len(missing_elements(entry, ctx)) >= 2


def partnership_element(
    doc: str | None,
    rule_id: str,
    present: Callable[[Arrangement], bool],
    what: str,
    fields: tuple[str, ...],
    *,
    name: str,
    hint: str = "",
    said_for: Callable[[Arrangement], tuple[str, str] | None] | None = None,
) -> Rule:
    """A rule that a partnership has agreed one of the policy's six elements, recorded in ``fields``.

    Where two or more are missing, ``partnership-missing-elements`` reports them as one problem, and
    this rule says nothing."""
    assert doc, f"rule {rule_id} needs a docstring"
    element = Element(
        rule_id, name, present, what, fields, hint or " or ".join(f"`{f}:`" for f in fields), said_for
    )
    ELEMENTS[rule_id] = element

    def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
        if entry.kind is not Kind.PARTNERSHIP or present(entry):
            return
        if agreement_asked(entry, ctx) and not grouped(entry, ctx):
            said = element.said(entry)[0]
            yield Hit(("kind",), f"a partnership must agree {said}", about=tuple((f,) for f in fields))

    return Rule(rule_id, Severity.ERROR, doc, check, only_for=Kind.PARTNERSHIP, gap=True)
