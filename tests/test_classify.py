"""Classification by the policy's definitions: kind, reasons, contradictions, questions still to ask."""

import itertools
import re

import pytest

from partreg.app.register import open_register
from partreg.classify import DEFINITIONS, FACTS, QUESTIONS, STEPS, changes_to, classify, decide, statute_of
from partreg.models import Kind
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


def test_a_partnership_board_whose_members_also_discuss_strategy_is_no_conflict():
    """The issue's case: a partnership board also meets to discuss strategy; the key difference from
    joint working is the formal agreement and agreed outcomes, which it has."""
    result = classify({**PARTNERSHIP, "discussion_forum": True})
    assert (result.kind, result.conflicts, result.missing) == (Kind.PARTNERSHIP, [], [])
    assert result.settled
    assert any("no formal agreement or in some cases agreed outcomes" in r for r in result.reasons)


def test_a_board_with_an_agreement_and_outcomes_but_partnership_facts_unknown_asks_for_them():
    result = classify({"discussion_forum": True, "formal_agreement": True, "agreed_outcomes": True})
    assert result.kind is None and result.leaning is None and result.conflicts == []
    assert result.possible == [Kind.PARTNERSHIP]
    assert result.missing == ["shared_objectives", "shared_responsibility", "independent_partners"]


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
    result = classify(PARTNERSHIP, statute="Crime and Disorder Act 1998")
    assert result.kind is Kind.PARTNERSHIP and result.settled and result.presumed == {}
    assert any("fixed by law" in r and "statutory obligations" in r for r in result.reasons)


# ---------------------------------------------------------------------------- real cases (issue 15)


def test_a_statutory_community_safety_partnership_with_a_named_act_and_nothing_else():
    """The law constitutes the arrangement and fixes its partners: a partnership, with no question left."""
    result = classify({}, statute="Crime and Disorder Act 1998")
    assert (result.kind, result.conflicts, result.missing) == (Kind.PARTNERSHIP, [], [])
    assert result.settled and result.step == "statute"
    assert result.presumed["formal_agreement"] is True
    said = " ".join(result.reasons)
    assert "Crime and Disorder Act 1998, settles the formal agreement" in said
    assert "Facts taken from the law, not recorded: formal_agreement" in said
    assert [d["fact"] for d in result.as_dict()["deciding"] if d["presumed"]] == [
        "formal_agreement",
        "shared_objectives",
        "shared_responsibility",
        "independent_partners",
        "agreed_outcomes",
    ]


def test_what_the_register_records_overrides_what_the_law_would_settle():
    """A district that only attends a county's statutory board records that it is not a party."""
    result = classify({"formal_agreement": False}, statute="Care Act 2014, section 43")
    assert result.kind is Kind.JOINT_WORKING and result.settled
    assert classify({"council_sole_procurer": True}, statute="Environmental Protection Act 1990").kind is (
        Kind.CONTRACT
    )
    assert changes_to({}, "Care Act 2014, section 43", Kind.JOINT_WORKING)[0] == ("formal_agreement", False)


def test_a_basis_without_statutory_true_settles_nothing():
    """`statutory_basis` may name a law that only enables the arrangement (the power to share services)."""
    from partreg.models import Arrangement

    enabling = Arrangement(id="shared-service", statutory_basis="Local Government Act 1972, section 101")
    required = Arrangement(id="csp", statutory=True, statutory_basis="Crime and Disorder Act 1998")
    assert statute_of(enabling) is None and statute_of(required) == "Crime and Disorder Act 1998"
    assert statute_of(Arrangement(id="csp", statutory=True)) is None, "the law must be named"


def test_a_standing_conference_of_agencies_with_no_agreement_recorded_leans_to_joint_working():
    """A forum whose agreement is unknown: not decided, leaning to joint working, and one question."""
    result = classify({"discussion_forum": True, "shared_objectives": True})
    assert result.kind is None and result.conflicts == [] and not result.settled
    assert result.leaning is Kind.JOINT_WORKING
    assert result.missing == ["formal_agreement"], "the one question that would settle it"
    assert result.reasons[0].startswith("Not decided yet: nothing recorded contradicts")
    assert "lean to joint-working" in result.reasons[0]
    assert not result.contradicts("joint-working") and not result.contradicts("partnership")
    answered = classify({"discussion_forum": True, "shared_objectives": True, "formal_agreement": False})
    assert answered.kind is Kind.JOINT_WORKING and answered.settled


def test_a_charity_under_a_service_level_agreement_with_an_annual_grant_is_community_funding():
    """The register called it a partner; the policy calls funding for agreed actions community funding."""
    result = classify(
        {
            "council_funds_fixed_period": True,
            "formal_agreement": True,  # the SLA
            "independent_partners": True,
            "provider_profit_motive": False,
            "shared_objectives": True,
        }
    )
    assert (result.kind, result.conflicts) == (Kind.COMMUNITY_FUNDING, [])
    assert result.settled and result.contradicts("partnership")
    assert any("whatever the parties call it" in r for r in result.reasons)


def test_a_joint_venture_company_says_which_facts_would_decide_it():
    result = classify(
        {"formal_agreement": True, "independent_partners": True, "provider_profit_motive": True}
    )
    assert result.kind is None and result.conflicts == [] and result.leaning is None
    assert set(result.missing) >= {
        "council_sole_procurer",
        "shared_objectives",
        "shared_responsibility",
        "agreed_outcomes",
    }
    assert result.possible == list(Kind), "nothing recorded rules a kind out"
    assert result.reasons[0] == (
        "Not decided yet: nothing recorded contradicts partnership, contract, joint-working or "
        "community-funding. Answer the questions below to decide it."
    )


def test_contradicted_is_kept_for_facts_that_contradict():
    result = classify({"independent_partners": False, "council_sole_procurer": False})
    assert (
        result.kind is None and result.contradicts("partnership") and not result.contradicts("joint-working")
    )
    assert classify(CONTRACT).contradicts("partnership") and not classify(CONTRACT).contradicts("contract")


def test_every_conflict_names_the_fact_to_change():
    for bits in itertools.product((True, False, None), repeat=4):
        facts = dict(
            zip(
                (
                    "council_sole_procurer",
                    "council_funds_fixed_period",
                    "discussion_forum",
                    "shared_objectives",
                ),
                bits,
                strict=True,
            )
        )
        for conflict in classify({**PARTNERSHIP, **facts}).conflicts:
            assert re.search(r"record `[a-z_]+: (true|false)`", conflict, re.IGNORECASE), conflict


def test_every_step_names_the_policy_sentence_or_the_practice():
    policy = REPO.parent / "shared" / "seed" / "partnerships-policy.txt"
    if not policy.exists():
        pytest.skip(f"the policy text is not at {policy}")
    text = " ".join(policy.read_text().split()).lower()
    for step, source in STEPS.items():
        assert source.startswith("Policy: "), step
        for quote in re.findall(r'"([^"]+)"', source):
            for fragment in re.split(r" \.\.\. |\. ", quote.rstrip(".")):
                assert fragment.lower() in text, f"{step}: not in the policy: {fragment!r}"
    decided = {classify(f).step for f in (PARTNERSHIP, CONTRACT, FUNDING, FORUM, {"discussion_forum": True})}
    decided |= {classify({}, statute="Crime and Disorder Act 1998").step}
    decided |= {classify({**PARTNERSHIP, "independent_partners": False}).step}
    assert decided == set(STEPS), "every step is used, and every step used has its source"
    assert classify(CONTRACT).as_dict()["source"] == STEPS["contract"]


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
    assert result.kind is None and any("independent bodies" in r for r in result.reasons)
    assert result.possible == [], "none of the four fits"
    assert result.reasons[0] == "None of the policy's four definitions fits the facts recorded so far."


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
    assert set(document) == {
        "kind",
        "basis",
        "reasons",
        "conflicts",
        "missing",
        "leaning",
        "possible",
        "deciding",
        "presumed",
        "source",
    }
    assert document["kind"] == "community-funding"
    assert document["missing"] == [
        {"fact": "council_sole_procurer", "question": QUESTIONS["council_sole_procurer"]}
    ]


def test_the_example_register_agrees_with_every_recorded_kind():
    register = open_register(REPO)
    for entry in register.entries:
        result = classify(entry.characteristics, statute=statute_of(entry))
        assert result.kind == entry.kind, entry.id
        assert result.settled, (entry.id, result.conflicts)
        assert decide(entry.characteristics, statute_of(entry)).kind == entry.kind


def test_every_quotation_in_every_reason_is_in_the_policy():
    policy = REPO.parent / "shared" / "seed" / "partnerships-policy.txt"
    if not policy.exists():
        pytest.skip(f"the policy text is not at {policy}")
    text = " ".join(policy.read_text().split()).lower()
    quoted = set()
    for bits in itertools.product((True, False), repeat=len(FACTS)):
        for statute in ("Crime and Disorder Act 1998", None):
            result = classify(dict(zip(FACTS, bits, strict=True)), statute=statute, missing=False)
            for sentence in result.reasons + result.conflicts:
                quoted.update(re.findall(r'"([^"]+)"', sentence))
    assert len(quoted) >= 8
    for quote in quoted:
        for fragment in re.split(r" \.\.\. |\. ", quote):
            assert fragment.lower() in text, f"not in the policy: {fragment!r}"
