"""Facts to a kind, by the policy's own definitions, always saying why.

``classify`` reads the ``characteristics`` facts (each true, false or not
known) and the entry's statutory basis, and returns the kind they point to,
the reasons (each quoting the policy sentence or naming the council practice
it rests on), any contradictions (each naming the fact to change), and the
facts still missing whose answer would change the result. A contradiction is
reported, never resolved silently; where the policy itself settles one (a
provider that calls a contract a "partnership"), the kind is given and the
contradiction shown.

Real registers rarely state every fact, so two things are read as the policy
reads them. A named statutory basis (``statutory: true`` with
``statutory_basis``) settles the formal agreement: the law constitutes the
arrangement, fixes its partners and sets their shared duty, so unless the
register records otherwise it is a partnership. A forum whose agreement is
not known leans to joint working, and the one question that would settle it
is asked. Where facts are missing and nothing contradicts a kind, the result
is "not decided yet", with the questions to answer; "contradicted" is kept
for facts that really contradict.
"""

from __future__ import annotations

import functools
import itertools
import operator
from dataclasses import dataclass, field
from typing import Any

from partreg.models import KIND_LABELS, Arrangement, Characteristics, Kind
from partreg.spelling import did_you_mean

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
        "Is it only a forum or group where councillors or officers come together to discuss policy, "
        "strategy or forthcoming issues, with no formal agreement or no agreed outcomes? (A partnership "
        "board whose members also discuss strategy is not only a forum: answer no.)"
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

#: The facts of a partnership, beside its formal agreement: the definition's words, in order.
PARTNERSHIP_FACTS = ("formal_agreement", "shared_objectives", "shared_responsibility", "independent_partners")
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

#: Where each classification step comes from: the policy's sentence, or the council practice.
#: (Tested: every quotation is the policy's own words.)
STEPS: dict[str, str] = {
    "contract": 'Policy: "The Council is the sole procurer of the service, and the third party is the contracted provider."',
    "community-funding": 'Policy: "the Council provides funding over a fixed period in return for an agreed set of actions"',
    "joint-working": 'Policy: "the key difference is there is no formal agreement or in some cases agreed outcomes"',
    "partnership": 'Policy: "A formal agreement is made by all partners to work together for specific outcomes."',
    "statute": (
        'Policy: "Recognise the statutory obligations of the Council", and "A formal agreement is made by all '
        "partners to work together for specific outcomes\"; practice: councils' registers list statutory "
        "partnerships (community safety, safeguarding, health and wellbeing) as partnerships, Brentwood's "
        "its Community Safety Partnership."
    ),
    "forum": (
        'Policy: "Forums or groups that the Elected Members and/or Officers belong to who come together to '
        'discuss policy, strategy or forthcoming issues", and "the key difference is there is no formal '
        'agreement or in some cases agreed outcomes"'
    ),
    "independent": 'Policy: "Be independent bodies working willingly in collaboration with each other."',
}


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
    #: The step of :data:`STEPS` that decided it (or that it leans by).
    step: str = ""


def facts_of(characteristics: Characteristics | None) -> Facts:
    """The facts recorded in an entry, every fact present (``None`` where not known)."""
    return {name: getattr(characteristics, name) if characteristics else None for name in FACTS}


def statute_of(entry: Arrangement) -> str | None:
    """The law an entry names as constituting it: its ``statutory_basis``, when ``statutory: true``.

    A basis alone may name a law that only enables the arrangement (the power
    to share services); ``statutory: true`` says the law requires it.
    """
    return entry.statutory_basis if entry.statutory is True and entry.statutory_basis else None


def facts_from(data: object) -> Facts:
    """Facts from a mapping of fact -> true/false (``--answers``); ``ValueError`` says what is wrong."""
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


def _values(facts: Facts | Characteristics | None) -> tuple[bool | None, ...]:
    if isinstance(facts, dict):
        return tuple(facts.get(n) for n in FACTS)
    return (None,) * len(FACTS) if facts is None else _FACTS_OF(facts)


#: The facts of a ``Characteristics``, in one call: lint decides each entry's kind several times.
_FACTS_OF = operator.attrgetter(*FACTS)


def decide(facts: Facts | Characteristics | None, statute: str | None = None) -> Decision:
    """The kind, its basis and the contradictions, without the questions: quick, for lint."""
    return _decided(_values(facts), statute)


def classify(
    facts: Facts | Characteristics | None, *, statute: str | None = None, missing: bool = True
) -> Classification:
    """Classify by the policy; ``statute`` is the law that constitutes the arrangement, if any
    (:func:`statute_of`), which settles its formal agreement unless the facts say otherwise.

    With ``missing`` (the default), also list the unknown facts whose answer
    could still change the kind, in the order worth asking them; where the
    facts lean to a kind, only the one question that would settle it.
    """
    d = _decided(_values(facts), statute)
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
    values = _values(facts)
    current = _decided(values, statute)
    order = [*current.deciding, *(f for f in FACTS if f not in current.deciding)]
    found = []
    for name in order:
        if name not in QUESTIONS:
            continue
        i = FACTS.index(name)
        for value in (False, True):
            if values[i] is value:
                continue
            changed = _decided((*values[:i], value, *values[i + 1 :]), statute)
            if changed.kind is kind and not changed.conflicts:
                found.append((name, value))
    return found


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
def _decided(values: tuple[bool | None, ...], statute: str | None) -> Decision:
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


def _open(values: tuple[bool | None, ...]) -> tuple[list[str], frozenset[Kind]]:
    """The unknown facts that change the kind for at least one answer to the other unknown facts,
    and every kind some answers make; the facts as :func:`_presume` reads them."""
    relevant, kinds = _opened(values)
    return list(relevant), kinds


@functools.lru_cache(maxsize=8192)
def _opened(values: tuple[bool | None, ...]) -> tuple[tuple[str, ...], frozenset[Kind]]:
    known = dict(zip(FACTS, values, strict=True))
    unknown = [name for name in FACTS if known[name] is None]
    kinds: dict[tuple[bool, ...], Kind | None] = {}
    for bits in itertools.product((True, False), repeat=len(unknown)):
        kinds[bits] = _kind_of(
            tuple(known[n] if known[n] is not None else bits[unknown.index(n)] for n in FACTS)
        )
    relevant = []
    for i, name in enumerate(unknown):
        if any(kind != kinds[(*bits[:i], False, *bits[i + 1 :])] for bits, kind in kinds.items() if bits[i]):
            relevant.append(name)
    return tuple(relevant), frozenset(k for k in kinds.values() if k is not None)


@functools.lru_cache(maxsize=1024)
def _kind_of(values: tuple[bool | None, ...]) -> Kind | None:
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
