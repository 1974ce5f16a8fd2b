"""The facts that decide an arrangement's kind: the question behind each, the policy's words they test.

Each fact is true, false or not known (``None``). Here too: the policy's four
definitions and the sentence each classification step rests on, quoted, and
how the facts are read from an entry (its ``characteristics`` and the law it
names) or from a mapping of answers.
"""

from __future__ import annotations

from partreg.models import Arrangement, Characteristics, Kind
from partreg.readers import names_no_law
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


def facts_of(characteristics: Characteristics | None) -> Facts:
    """The facts recorded in an entry, every fact present (``None`` where not known)."""
    return {name: getattr(characteristics, name) if characteristics else None for name in FACTS}


def statute_of(entry: Arrangement) -> str | None:
    """The law an entry names as constituting it: its ``statutory_basis``, when ``statutory: true``.

    A basis alone may name a law that only enables the arrangement (the power
    to share services); ``statutory: true`` says the law requires it. A basis that only stands for
    one (``TBC?``, ``To be confirmed``, ``See appendix 2``) names no law.
    """
    basis = entry.statutory_basis
    return basis if entry.statutory is True and basis and not names_no_law(basis) else None


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
