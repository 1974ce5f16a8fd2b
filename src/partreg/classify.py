"""Facts to a kind, by the policy's own definitions, always saying why.

``classify`` reads the ``characteristics`` facts (each true, false or not
known) and returns the kind they point to, the reasons (each quoting the
definition it rests on), any contradictions, and the facts still missing
whose answer would change the result. A contradiction is reported, never
resolved silently; where the policy itself settles one (a provider that calls
a contract a "partnership"), the kind is given and the contradiction shown.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, field
from typing import Any

from partreg.models import KIND_LABELS, Characteristics, Kind

#: The policy's definitions, in its own words.
DEFINITIONS: dict[Kind, str] = {
    Kind.PARTNERSHIP: (
        "a formal working arrangement involving one or more independent bodies, from any sector, "
        "who share responsibility for agreeing and/or then delivering a set of planned actions and "
        "outcomes. A formal agreement is made by all partners to work together for specific outcomes"
    ),
    Kind.CONTRACT: (
        "an arrangement made by the Council with a third party to deliver a service on its behalf "
        "where the Council and the service provider do not have a shared objective ... The Council is "
        "the sole procurer of the service, and the third party is the contracted provider"
    ),
    Kind.JOINT_WORKING: (
        "forums or groups that the Elected Members and/or Officers belong to who come together to "
        "discuss policy, strategy or forthcoming issues. Whilst these involve collaborative working "
        "and are similar to partnerships, the key difference is there is no formal agreement or in "
        "some cases agreed outcomes"
    ),
    Kind.COMMUNITY_FUNDING: (
        "where the Council provides funding over a fixed period in return for an agreed set of actions"
    ),
}

#: The questions behind each fact, in plain English, in the order worth asking them.
QUESTIONS: dict[str, str] = {
    "council_sole_procurer": (
        "Is the council buying a service that another organisation delivers on its behalf? "
        "(Buying jointly with another council, as one client, counts as yes.)"
    ),
    "council_funds_fixed_period": (
        "Is the council giving funding for a fixed period in return for an agreed set of actions, "
        "such as a grant?"
    ),
    "discussion_forum": (
        "Is this a forum or group that councillors or officers attend to discuss policy, strategy "
        "or forthcoming issues?"
    ),
    "formal_agreement": (
        "Have all the parties signed a formal agreement to work together "
        "(a partnership agreement, memorandum of understanding or terms of reference)?"
    ),
    "shared_objectives": "Do the council and the other parties share the same objectives?",
    "shared_responsibility": (
        "Do the parties share responsibility for agreeing and/or delivering the planned actions and outcomes?"
    ),
    "independent_partners": (
        "Are the other parties independent bodies (not part of the council or a company it controls)?"
    ),
    "agreed_outcomes": "Have the parties agreed specific outcomes to achieve together?",
    "provider_profit_motive": "Is the other party's aim to make a profit from the arrangement?",
}
FACTS = tuple(QUESTIONS)
Facts = dict[str, bool | None]


@dataclass(frozen=True)
class Classification:
    """What the facts say: a kind (or ``None``), why, what contradicts, what is still to ask."""

    kind: Kind | None
    basis: str = ""
    reasons: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def settled(self) -> bool:
        """A kind is determined and nothing contradicts it."""
        return self.kind is not None and not self.conflicts

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind) if self.kind else None,
            "basis": self.basis,
            "reasons": self.reasons,
            "conflicts": self.conflicts,
            "missing": [{"fact": f, "question": QUESTIONS[f]} for f in self.missing],
        }


def facts_of(characteristics: Characteristics | None) -> Facts:
    """The facts recorded in an entry, every fact present (``None`` where not known)."""
    return {name: getattr(characteristics, name) if characteristics else None for name in FACTS}


def facts_from(data: object) -> Facts:
    """Facts from a mapping of fact -> true/false (``--answers``); ``ValueError`` says what is wrong."""
    from partreg.lint import did_you_mean

    if not isinstance(data, dict):
        raise ValueError(
            f"should be a mapping of facts to true or false, such as `council_sole_procurer: true`; the facts are: {', '.join(FACTS)}"
        )
    facts: Facts = {}
    for name, value in data.items():
        if name not in QUESTIONS:
            raise ValueError(
                f"{name!r} is not a fact{did_you_mean(str(name), FACTS)}; the facts are: {', '.join(FACTS)}"
            )
        if value is not None and not isinstance(value, bool):
            raise ValueError(f"{name}: should be true, false or null, not {value!r}")
        facts[name] = value
    return facts


def decide(facts: Characteristics, statutory: bool) -> tuple[Kind | None, str, tuple[str, ...]]:
    """Just the kind, its basis and the contradictions: what lint needs, for every file, quickly."""
    kind, basis, _, conflicts = _decided(tuple(getattr(facts, n) for n in FACTS), statutory)
    return kind, basis, conflicts


def classify(
    facts: Facts | Characteristics | None, *, statutory: bool = False, missing: bool = True
) -> Classification:
    """Classify by the policy; ``statutory`` notes partners fixed by law (still a partnership).

    With ``missing`` (the default), also list the unknown facts whose answer
    could still change the kind, in the order worth asking them.
    """
    if isinstance(facts, dict):
        values = tuple(facts.get(n) for n in FACTS)
    else:
        values = tuple(getattr(facts, n) if facts is not None else None for n in FACTS)
    kind, basis, reasons, conflicts = _decided(values, statutory)
    found = _missing(dict(zip(FACTS, values, strict=True)), statutory) if missing else []
    return Classification(kind, basis, list(reasons), list(conflicts), found)


@functools.lru_cache(maxsize=4096)
def _decided(
    values: tuple[bool | None, ...], statutory: bool
) -> tuple[Kind | None, str, tuple[str, ...], tuple[str, ...]]:
    """The decision for facts in ``FACTS`` order, remembered: there are only 3**9 combinations."""
    kind, basis, reasons, conflicts = _decide(dict(zip(FACTS, values, strict=True)), statutory)
    if kind is None and not reasons:
        reasons.append("None of the policy's four definitions fits the facts recorded so far.")
    return kind, basis, tuple(reasons), tuple(conflicts)


def _missing(known: Facts, statutory: bool) -> list[str]:
    """Unknown facts that change the kind for at least one answer to the other unknown facts."""
    unknown = [name for name in FACTS if known[name] is None]
    kinds: dict[tuple[bool, ...], Kind | None] = {}
    for bits in itertools.product((True, False), repeat=len(unknown)):
        kinds[bits] = _decide({**known, **dict(zip(unknown, bits, strict=True))}, statutory)[0]
    relevant = []
    for i, name in enumerate(unknown):
        if any(kind != kinds[(*bits[:i], False, *bits[i + 1 :])] for bits, kind in kinds.items() if bits[i]):
            relevant.append(name)
    return relevant


def _quote(kind: Kind) -> str:
    return f'the policy defines {kind.value} as "{DEFINITIONS[kind]}"'


def _because(kind: Kind, basis: str) -> str:
    """The reason that decides ``kind``: the facts that make it so, and the policy's words."""
    return f"{KIND_LABELS[kind]}: {basis}; {_quote(kind)}."


def _decide(f: Facts, statutory: bool) -> tuple[Kind | None, str, list[str], list[str]]:
    """The kind the facts make an arrangement, the basis for it, the reasons, and any contradictions."""
    reasons: list[str] = []
    conflicts: list[str] = []
    partnership_facts = (
        "formal_agreement",
        "shared_objectives",
        "shared_responsibility",
        "independent_partners",
    )
    looks_like_partnership = all(f[n] is True for n in partnership_facts)

    if f["council_sole_procurer"] is True:
        basis = "the council is the sole procurer of the service"
        reasons.append(_because(Kind.CONTRACT, basis))
        if f["provider_profit_motive"] is True:
            reasons.append(
                'The provider\'s objective is profit: "the objective of the service provider is to secure a profit".'
            )
        elif f["provider_profit_motive"] is False:
            reasons.append(
                "The provider does not aim for profit, but the council still buys the service from it: "
                "it is the contracted provider."
            )
        if f["shared_objectives"] is True or f["shared_responsibility"] is True:
            conflicts.append(
                "Shared objectives or shared responsibility are recorded, but the council is the sole procurer: "
                "the policy treats this as a contract even when the provider calls it a partnership "
                '("Whilst BIFFA state they are working in partnership with the Council ... it is a formal '
                'contractual arrangement and not regarded as a partnership"). Record shared_objectives: false, '
                "or check whether the council really is the only buyer."
            )
        if f["council_funds_fixed_period"] is True:
            conflicts.append(
                "The council both buys a service and gives funding for agreed actions: a grant is community "
                "funding, a purchase is a contract. Decide which this is, or register them separately."
            )
        if f["discussion_forum"] is True:
            conflicts.append(
                "A forum for discussion is recorded, but the council is buying a service: register the forum "
                "as a separate joint-working arrangement."
            )
        return Kind.CONTRACT, basis, reasons, conflicts

    if f["council_funds_fixed_period"] is True:
        basis = "the council provides funding over a fixed period in return for agreed actions"
        reasons.append(_because(Kind.COMMUNITY_FUNDING, basis))
        if looks_like_partnership or f["discussion_forum"] is True:
            what = "a partnership" if looks_like_partnership else "a forum"
            conflicts.append(
                f"The facts also describe {what}: a funded body that also sits on a partnership board or forum "
                "is two arrangements. Keep this entry for the funding and register the board or forum separately."
            )
        return Kind.COMMUNITY_FUNDING, basis, reasons, conflicts

    if f["discussion_forum"] is True:
        if f["formal_agreement"] is False or f["agreed_outcomes"] is False:
            lacking = " and ".join(
                what
                for what, name in (
                    ("no formal agreement", "formal_agreement"),
                    ("no agreed outcomes", "agreed_outcomes"),
                )
                if f[name] is False
            )
            basis = f"a forum for discussion with {lacking}"
            reasons.append(_because(Kind.JOINT_WORKING, basis))
            return Kind.JOINT_WORKING, basis, reasons, conflicts
        if f["formal_agreement"] is True and f["agreed_outcomes"] is True:
            conflicts.append(
                "A discussion forum is recorded, but it also has a formal agreement and agreed outcomes, which is "
                "what makes a partnership: the policy's test for joint working is that there is \"no formal "
                'agreement or in some cases agreed outcomes". Check whether the forum has become a partnership.'
            )
            if looks_like_partnership:
                basis = "formal agreement, shared objectives and responsibility"
                reasons.append(_because(Kind.PARTNERSHIP, basis))
                return Kind.PARTNERSHIP, basis, reasons, conflicts
        return None, "", reasons, conflicts

    if looks_like_partnership and f["agreed_outcomes"] is True:
        basis = (
            "a formal agreement between independent bodies who share objectives and responsibility "
            "for agreed outcomes"
        )
        reasons.append(_because(Kind.PARTNERSHIP, basis))
        if statutory:
            reasons.append(
                'Its partners are fixed by law, and it is still a partnership: partners must "recognise the '
                'statutory obligations of the Council", and the definition rests on the formal agreement and '
                "shared responsibility, which a statutory partnership has."
            )
        if f["provider_profit_motive"] is True:
            reasons.append(
                'A partner that aims for profit can still be a partner: partnerships are "from any sector".'
            )
        return Kind.PARTNERSHIP, basis, reasons, conflicts

    collaborative = f["shared_objectives"] is True or f["shared_responsibility"] is True
    if collaborative and (f["formal_agreement"] is False or f["agreed_outcomes"] is False):
        lacking = "no formal agreement" if f["formal_agreement"] is False else "no agreed outcomes"
        basis = f"collaborative, but with {lacking}, the key difference from a partnership"
        reasons.append(_because(Kind.JOINT_WORKING, basis))
        return Kind.JOINT_WORKING, basis, reasons, conflicts

    if f["independent_partners"] is False:
        reasons.append(
            "The other parties are not independent bodies, so this is not a partnership: partners should "
            '"be independent bodies working willingly in collaboration with each other".'
        )
    return None, "", reasons, conflicts
