"""Classification by the policy's definitions: kind, reasons, contradictions, questions still to ask."""

import itertools
import re

import pytest

from partreg.classify import DEFINITIONS, FACTS, QUESTIONS, classify
from partreg.models import Kind
from partreg.store import open_register
from tests.common import REPO

PARTNERSHIP = dict(
    formal_agreement=True,
    shared_objectives=True,
    shared_responsibility=True,
    independent_partners=True,
    agreed_outcomes=True,
    council_sole_procurer=False,
    council_funds_fixed_period=False,
    discussion_forum=False,
)
CONTRACT = dict(
    council_sole_procurer=True, shared_objectives=False, provider_profit_motive=True, formal_agreement=True
)
FUNDING = dict(council_funds_fixed_period=True, council_sole_procurer=False, formal_agreement=True)
FORUM = dict(
    discussion_forum=True,
    formal_agreement=False,
    council_sole_procurer=False,
    council_funds_fixed_period=False,
)


def test_the_definitions_are_the_policys_words():
    policy = REPO.parent / "shared" / "seed" / "partnerships-policy.txt"
    if not policy.exists():
        pytest.skip(f"the policy text is not at {policy}")
    text = " ".join(policy.read_text().split()).lower()
    for definition in DEFINITIONS.values():
        for fragment in re.split(r" \.\.\. |\. ", definition):
            assert fragment.lower() in text, f"not in the policy: {fragment!r}"


@pytest.mark.parametrize(
    ("facts", "kind"),
    [
        (PARTNERSHIP, Kind.PARTNERSHIP),
        (CONTRACT, Kind.CONTRACT),
        (FUNDING, Kind.COMMUNITY_FUNDING),
        (FORUM, Kind.JOINT_WORKING),
    ],
    ids=["partnership", "contract", "community-funding", "joint-working"],
)
def test_each_definition(facts, kind):
    result = classify(facts)
    assert (result.kind, result.conflicts, result.missing) == (kind, [], [])
    assert DEFINITIONS[kind] in result.reasons[0], "the reason quotes the definition it rests on"
    assert result.settled


def test_biffa_a_provider_that_calls_it_partnership_is_a_contract():
    """The policy's worked example: the provider says partnership, the council is the sole buyer."""
    result = classify({**CONTRACT, "shared_objectives": True, "shared_responsibility": True})
    assert result.kind is Kind.CONTRACT
    assert "profit" in " ".join(result.reasons)
    [conflict] = result.conflicts
    assert "BIFFA" in conflict and "not regarded as a partnership" in conflict
    assert not result.settled


def test_formal_agreement_sole_procurer_and_profit_with_shared_objectives_is_a_contradiction():
    result = classify(
        {
            "formal_agreement": True,
            "council_sole_procurer": True,
            "provider_profit_motive": True,
            "shared_objectives": True,
        }
    )
    assert result.kind is Kind.CONTRACT and len(result.conflicts) == 1


def test_a_forum_with_a_formal_agreement_and_agreed_outcomes():
    result = classify({**PARTNERSHIP, "discussion_forum": True})
    assert result.kind is Kind.PARTNERSHIP
    [conflict] = result.conflicts
    assert "no formal agreement or in some cases agreed outcomes" in conflict


def test_a_forum_with_agreed_outcomes_but_no_agreement_is_joint_working():
    assert classify({**FORUM, "agreed_outcomes": True}).kind is Kind.JOINT_WORKING


def test_joint_working_without_a_forum_when_there_is_no_formal_agreement():
    result = classify({**PARTNERSHIP, "formal_agreement": False})
    assert result.kind is Kind.JOINT_WORKING
    assert "no formal agreement" in result.basis


def test_grant_funded_body_that_also_sits_on_a_partnership_board():
    result = classify({**PARTNERSHIP, "council_funds_fixed_period": True})
    assert result.kind is Kind.COMMUNITY_FUNDING
    [conflict] = result.conflicts
    assert "register the board or forum separately" in conflict


def test_funding_and_buying_at_once_is_a_contradiction():
    result = classify({**CONTRACT, "council_funds_fixed_period": True})
    assert any("a grant is community funding, a purchase is a contract" in c for c in result.conflicts)


def test_shared_service_between_two_councils_is_a_partnership():
    """Brentwood and Rochford: public bodies are independent bodies 'from any sector'."""
    result = classify(PARTNERSHIP)
    assert result.kind is Kind.PARTNERSHIP and "from any sector" in result.reasons[0]


def test_statutory_partnership_with_partners_fixed_by_law():
    result = classify(PARTNERSHIP, statutory=True)
    assert result.kind is Kind.PARTNERSHIP and result.settled
    assert any("fixed by law" in r and "statutory obligations" in r for r in result.reasons)


def test_joint_procurement_between_councils_is_a_contract():
    """Two councils buying together from a third party are one client: the arrangement is a contract."""
    assert "jointly with another council" in QUESTIONS["council_sole_procurer"]
    result = classify(
        {"council_sole_procurer": True, "provider_profit_motive": True, "shared_objectives": False}
    )
    assert result.kind is Kind.CONTRACT and result.settled


def test_a_not_for_profit_provider_is_still_contracted():
    result = classify({**CONTRACT, "provider_profit_motive": False})
    assert result.kind is Kind.CONTRACT and "contracted provider" in result.reasons[1]


def test_parties_that_are_not_independent():
    result = classify({**PARTNERSHIP, "independent_partners": False})
    assert result.kind is None and "independent bodies" in result.reasons[0]


def test_nothing_known_lists_every_decisive_question_in_order():
    result = classify({})
    assert result.kind is None
    assert result.missing == [f for f in FACTS if f != "provider_profit_motive"]


def test_missing_lists_only_facts_that_could_change_the_answer():
    assert classify({"council_sole_procurer": True}).missing == []
    partial = {k: v for k, v in PARTNERSHIP.items() if k != "agreed_outcomes"}
    assert classify(partial).missing == ["agreed_outcomes"]
    assert classify(partial).kind is None


def test_json_shape():
    document = classify({"council_sole_procurer": None, "council_funds_fixed_period": True}).as_dict()
    assert set(document) == {"kind", "basis", "reasons", "conflicts", "missing"}
    assert document["kind"] == "community-funding"
    assert document["missing"] == [
        {"fact": "council_sole_procurer", "question": QUESTIONS["council_sole_procurer"]}
    ]


def test_the_example_register_agrees_with_every_recorded_kind():
    register = open_register(REPO)
    for entry in register.entries:
        result = classify(entry.characteristics, statutory=bool(entry.statutory))
        assert result.kind == entry.kind, entry.id
        assert result.settled, (entry.id, result.conflicts)


def test_every_quotation_in_every_reason_is_in_the_policy():
    policy = REPO.parent / "shared" / "seed" / "partnerships-policy.txt"
    if not policy.exists():
        pytest.skip(f"the policy text is not at {policy}")
    text = " ".join(policy.read_text().split()).lower()
    quoted = set()
    for bits in itertools.product((True, False), repeat=len(FACTS)):
        for statutory in (True, False):
            result = classify(dict(zip(FACTS, bits, strict=True)), statutory=statutory, missing=False)
            for sentence in result.reasons + result.conflicts:
                quoted.update(re.findall(r'"([^"]+)"', sentence))
    assert len(quoted) >= 8
    for quote in quoted:
        for fragment in re.split(r" \.\.\. |\. ", quote):
            assert fragment.lower() in text, f"not in the policy: {fragment!r}"
