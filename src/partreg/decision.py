"""The policy's decision: the facts (recorded, or presumed) to a kind, with its reasons and contradictions.

Real registers rarely state every fact, so two things are read as the policy
reads them. A named statutory basis (``statutory: true`` with
``statutory_basis``) settles the formal agreement: the law constitutes the
arrangement, fixes its partners and sets their shared duty, so unless the
register records otherwise it is a partnership. A forum whose agreement is
not known leans to joint working. Decisions are remembered: lint decides each
entry's kind several times, and there are only 3**9 combinations of facts.
"""

from __future__ import annotations

import functools
import operator
from dataclasses import dataclass

from partreg.facts import DEFINITIONS, FACTS, PARTNERSHIP_FACTS, Facts
from partreg.models import KIND_LABELS, Characteristics, Kind

#: What a named statutory basis settles, unless the register records otherwise.
BY_LAW: dict[str, bool] = {
    "formal_agreement": True,
    "shared_objectives": True,
    "shared_responsibility": True,
    "independent_partners": True,
    "agreed_outcomes": True,
    "council_sole_procurer": False,
    "council_funds_fixed_period": False,
}
#: What a forum is not, unless the register records otherwise: a purchase, or a grant.
BY_FORUM: dict[str, bool] = {"council_sole_procurer": False, "council_funds_fixed_period": False}


@dataclass(frozen=True)
class Decision:
    """The kind the facts make an arrangement: what lint needs, for every file, quickly."""

    kind: Kind | None
    basis: str
    reasons: tuple[str, ...]
    conflicts: tuple[str, ...]
    deciding: tuple[str, ...]
    leaning: Kind | None
    presumed: tuple[tuple[str, bool], ...]
    #: The facts as read: recorded, or presumed where ``presumed`` says.
    facts: tuple[bool | None, ...]
    #: The step of :data:`partreg.facts.STEPS` that decided it (or that it leans by).
    step: str = ""


def values_of(facts: Facts | Characteristics | None) -> tuple[bool | None, ...]:
    """The facts in ``FACTS`` order (``None`` where not known), as :func:`decided` takes them."""
    if isinstance(facts, dict):
        return tuple(facts.get(n) for n in FACTS)
    return (None,) * len(FACTS) if facts is None else _FACTS_OF(facts)


#: The facts of a ``Characteristics``, in one call: lint decides each entry's kind several times.
_FACTS_OF = operator.attrgetter(*FACTS)


def decide(facts: Facts | Characteristics | None, statute: str | None = None) -> Decision:
    """The kind, its basis and the contradictions, without the questions: quick, for lint."""
    return decided(values_of(facts), statute)


def _presume(values: tuple[bool | None, ...], statute: str | None) -> tuple[Facts, dict[str, bool]]:
    """The facts as classification reads them: recorded, and where not recorded, what the law
    (for a named statutory basis) or a forum settles."""
    f = dict(zip(FACTS, values, strict=True))
    presumed: dict[str, bool] = {}
    if statute and f["council_sole_procurer"] is not True and f["council_funds_fixed_period"] is not True:
        presumed.update({k: v for k, v in BY_LAW.items() if f[k] is None})
    elif f["discussion_forum"] is True:
        presumed.update({k: v for k, v in BY_FORUM.items() if f[k] is None})
    f.update(presumed)
    return f, presumed


@functools.lru_cache(maxsize=4096)
def decided(values: tuple[bool | None, ...], statute: str | None) -> Decision:
    """The decision for facts in ``FACTS`` order, remembered: there are only 3**9 combinations
    (for each statute named)."""
    f, presumed = _presume(values, statute)
    kind, basis, reasons, conflicts, deciding, leaning = _decide(f, statute)
    if presumed and statute and kind is Kind.PARTNERSHIP and "formal_agreement" in presumed:
        reasons = [r for r in reasons if not r.startswith("Its partners are fixed by law")]
        reasons.insert(
            1,
            f"Its statutory basis, the {statute}, settles the formal agreement: the law constitutes the "
            "arrangement, fixes its partners and sets their shared duty, so it stands for the formal "
            'agreement the definition asks for ("A formal agreement is made by all partners to work together '
            'for specific outcomes"), and the partners "recognise the statutory obligations of the Council". '
            f"Facts taken from the law, not recorded: {', '.join(n for n in presumed if BY_LAW[n])}.",
        )
    step = kind.value if kind else ("forum" if leaning else "")
    if kind is Kind.PARTNERSHIP and statute and "formal_agreement" in presumed:
        step = "statute"
    elif kind is None and f["independent_partners"] is False:
        step = "independent"
    return Decision(
        kind,
        basis,
        tuple(reasons),
        tuple(conflicts),
        tuple(deciding),
        leaning,
        tuple(presumed.items()),
        tuple(f[n] for n in FACTS),
        step,
    )


@functools.lru_cache(maxsize=1024)
def kind_of(values: tuple[bool | None, ...]) -> Kind | None:
    """The kind of facts every one of which is known (2**9 of them): remembered."""
    return _decide(dict(zip(FACTS, values, strict=True)), None)[0]


def _quote(kind: Kind) -> str:
    return f'the policy defines {kind.value} as "{DEFINITIONS[kind]}"'


def _because(kind: Kind, basis: str) -> str:
    """The reason that decides ``kind``: the facts that make it so, and the policy's words."""
    return f"{KIND_LABELS[kind]}: {basis}; {_quote(kind)}."


def _recorded(f: Facts, *names: str) -> str:
    """``council_sole_procurer: true`` and ``shared_objectives: true``, as a message names them."""
    return " with ".join(f"`{n}: {str(f[n]).lower()}`" for n in names)


_Decided = tuple[Kind | None, str, list[str], list[str], list[str], Kind | None]


def _decide(f: Facts, statute: str | None) -> _Decided:
    """The kind the facts make an arrangement, the basis, the reasons, any contradictions, the
    facts it rests on, and the kind an undecided arrangement leans to."""
    reasons: list[str] = []
    conflicts: list[str] = []
    looks_like_partnership = all(f[n] is True for n in PARTNERSHIP_FACTS)

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
        shared = [n for n in ("shared_objectives", "shared_responsibility") if f[n] is True]
        if shared:
            conflicts.append(
                f"{_recorded(f, 'council_sole_procurer', *shared)}: the policy treats this as a contract even "
                'when the provider calls it a partnership ("Whilst BIFFA state they are working in partnership '
                'with the Council ... it is a formal contractual arrangement and not regarded as a partnership"). '
                f"If the council is the only buyer, record {' and '.join(f'`{n}: false`' for n in shared)}; "
                "if it is not, record `council_sole_procurer: false`."
            )
        if f["council_funds_fixed_period"] is True:
            conflicts.append(
                f"{_recorded(f, 'council_sole_procurer', 'council_funds_fixed_period')}: a grant is community "
                "funding, a purchase is a contract. Record `council_funds_fixed_period: false` if the council "
                "buys a service, or `council_sole_procurer: false` if it gives a grant; if it does both, "
                "register them as two arrangements."
            )
        if f["discussion_forum"] is True:
            conflicts.append(
                f"{_recorded(f, 'council_sole_procurer', 'discussion_forum')}: the council is buying a service, "
                "and a forum is joint working. Record `discussion_forum: false` for the contract, and register "
                "the forum as a separate joint-working arrangement."
            )
        return Kind.CONTRACT, basis, reasons, conflicts, ["council_sole_procurer"], None

    if f["council_funds_fixed_period"] is True:
        basis = "the council provides funding over a fixed period in return for agreed actions"
        reasons.append(_because(Kind.COMMUNITY_FUNDING, basis))
        if f["shared_objectives"] is True and not looks_like_partnership:
            reasons.append(
                "The funded body shares the council's objectives, as a grant's recipient often does: the "
                "funding for agreed actions is what makes it community funding, whatever the parties call it."
            )
        if looks_like_partnership or f["discussion_forum"] is True:
            what = "a partnership" if looks_like_partnership else "a forum"
            fix = (
                "`shared_responsibility: false` if the funded body delivers the agreed actions alone"
                if looks_like_partnership
                else "`discussion_forum: false`"
            )
            conflicts.append(
                f"`council_funds_fixed_period: true`, and the facts also describe {what}: a funded body that "
                "also sits on a partnership board or forum is two arrangements. Keep this entry for the "
                f"funding (record {fix}) and register the board or forum separately."
            )
        return Kind.COMMUNITY_FUNDING, basis, reasons, conflicts, ["council_funds_fixed_period"], None

    if f["discussion_forum"] is True:
        lacking_facts = [n for n in ("formal_agreement", "agreed_outcomes") if f[n] is False]
        if lacking_facts:
            lacking = " and ".join(
                {"formal_agreement": "no formal agreement", "agreed_outcomes": "no agreed outcomes"}[n]
                for n in lacking_facts
            )
            basis = f"a forum for discussion with {lacking}"
            reasons.append(_because(Kind.JOINT_WORKING, basis))
            return Kind.JOINT_WORKING, basis, reasons, conflicts, ["discussion_forum", *lacking_facts], None
        if f["formal_agreement"] is True and f["agreed_outcomes"] is True:
            if looks_like_partnership:
                basis = "a formal agreement between independent bodies who share objectives and responsibility for agreed outcomes"
                reasons.append(_because(Kind.PARTNERSHIP, basis))
                reasons.append(
                    "Its members also meet to discuss policy and strategy, as a partnership board does; that does "
                    'not make it joint working, whose key difference from a partnership is that "there is no '
                    'formal agreement or in some cases agreed outcomes", and this has both.'
                )
                return (
                    Kind.PARTNERSHIP,
                    basis,
                    reasons,
                    conflicts,
                    [*PARTNERSHIP_FACTS, "agreed_outcomes", "discussion_forum"],
                    None,
                )
            if f["independent_partners"] is False:
                reasons.append(_not_independent())
            return None, "", reasons, conflicts, [], None
        reasons.append(
            "A forum for discussion whose formal agreement and agreed outcomes are not both known: the policy "
            'calls such forums joint working, since "the key difference is there is no formal agreement or in '
            'some cases agreed outcomes". One question would settle it: without a formal agreement (or without '
            "agreed outcomes), it is joint working."
        )
        return None, "", reasons, conflicts, [], Kind.JOINT_WORKING

    if looks_like_partnership and f["agreed_outcomes"] is True:
        basis = (
            "a formal agreement between independent bodies who share objectives and responsibility "
            "for agreed outcomes"
        )
        reasons.append(_because(Kind.PARTNERSHIP, basis))
        if statute:
            reasons.append(
                'Its partners are fixed by law, and it is still a partnership: partners must "recognise the '
                'statutory obligations of the Council", and the definition rests on the formal agreement and '
                "shared responsibility, which a statutory partnership has."
            )
        if f["provider_profit_motive"] is True:
            reasons.append(
                'A partner that aims for profit can still be a partner: partnerships are "from any sector".'
            )
        return Kind.PARTNERSHIP, basis, reasons, conflicts, [*PARTNERSHIP_FACTS, "agreed_outcomes"], None

    collaborative = [n for n in ("shared_objectives", "shared_responsibility") if f[n] is True]
    lacking_facts = [n for n in ("formal_agreement", "agreed_outcomes") if f[n] is False]
    if collaborative and lacking_facts:
        lacking = "no formal agreement" if f["formal_agreement"] is False else "no agreed outcomes"
        basis = f"collaborative, but with {lacking}, the key difference from a partnership"
        reasons.append(_because(Kind.JOINT_WORKING, basis))
        return Kind.JOINT_WORKING, basis, reasons, conflicts, [*collaborative, lacking_facts[0]], None

    if f["independent_partners"] is False:
        reasons.append(_not_independent())
    return None, "", reasons, conflicts, [], None


def _not_independent() -> str:
    return (
        "The other parties are not independent bodies, so this is not a partnership: partners should "
        '"be independent bodies working willingly in collaboration with each other".'
    )
