"""The questionnaire's flow with scripted answers: forgiving, re-asking, classifying first."""

import datetime as dt

import pytest

from partreg.models import Arrangement, Kind
from partreg.questionnaire import (
    Cancelled,
    Finding,
    Invalid,
    Questionnaire,
    canonical,
    choice,
    org_id_of,
    parse_date,
    parse_pounds,
    propose_id,
)
from tests.common import SETTINGS

TODAY = dt.date(2026, 11, 24)


def run(answers, exists=lambda _: False):
    script = iter(answers)
    prompts, said = [], []

    def ask(prompt):
        prompts.append(prompt)
        try:
            return next(script)
        except StopIteration:
            raise AssertionError(f"no scripted answer for {prompt!r}; said: {said[-3:]}") from None

    draft = Questionnaire(ask, said.append, SETTINGS, TODAY, exists).run()
    assert next(script, None) is None, "not every scripted answer was used"
    return draft, prompts, said


def contract_answers(
    buys=("yes",),
    ids=("",),
    start=("2019-04-01",),
    value=("£1,200,000",),
    reviewed=("",),
    covers=("",),
    supplier=("", "", "", ""),
    then=("",),
):
    """A contract's answers in the order asked; each slot may hold bad answers before the good one.
    ``then`` answers the summary (Enter writes it)."""
    return [
        "Street cleansing contract",  # title
        *buys,  # the council buys the service: decided, no further fact questions
        "",  # record it as contract? [yes]
        *ids,  # id [street-cleansing-contract]
        "",  # status [active]
        "",  # summary (optional)
        "Street Scene Manager",
        "Environment",
        "",  # lead councillor (optional)
        "",  # priorities (optional for a contract)
        "BIFFA",
        "private",
        "",  # no second partner
        *start,
        "",  # end (optional)
        *reviewed,  # last reviewed (optional), and its outcome and reviewer where given
        "ENV-1",
        *value,
        *covers,  # a year's value or the whole contract's [?]
        *supplier,  # its number, the route it was let through, SME, VCSE: all optional
        *then,
    ]


def test_a_contract_asks_only_what_a_contract_needs():
    draft, prompts, said = run(contract_answers())
    entry = Arrangement.model_validate(draft)
    assert entry.kind is Kind.CONTRACT and entry.id == "street-cleansing-contract"
    assert entry.contract is not None and entry.contract.value_gbp == 1_200_000
    assert draft["characteristics"] == {"council_sole_procurer": True}
    assert any("This is a contract: the council is the sole procurer" in s for s in said)
    assert not any("objective" in p.lower() for p in prompts)
    assert list(draft) == [k for k in Arrangement.model_fields if k in draft], "the format's key order"


def test_bad_answers_are_asked_again():
    answers = contract_answers(
        buys=("perhaps", "yes"),
        start=("1/4/2019", "no", "next week", "2019-02-30", "2019-04-01"),
        value=("lots", "-5", "1200000"),
    )
    draft, prompts, said = run(answers)
    assert draft["start"] == dt.date(2019, 4, 1)
    assert "  Is 1/4/2019 1 April 2019? [yes]: " in prompts, "either order: asked once"
    assert "  Then write it as YYYY-MM-DD, so it cannot be misread." in said
    [wrong_format] = [
        line for line in said if line.startswith("  Write dates as YYYY-MM-DD, or YYYY-MM or YYYY")
    ]
    assert wrong_format.endswith("or the UK way, such as 31/03/2026 or 1 April 2026.")
    assert "  '2019-02-30' is not a real date: February 2019 has 28 days." in said
    assert "  Answer yes, no, or ? if you don't know." in said
    assert "  An amount cannot be negative." in said


def test_an_id_in_use_is_refused():
    answers = contract_answers(ids=("street-cleansing-contract", "Bad_Id", "street-cleansing-2"))
    draft, prompts, said = run(answers, exists=lambda i: i == "street-cleansing-contract")
    assert draft["id"] == "street-cleansing-2"
    assert any("already exists" in s for s in said)
    assert "Id (the file name) [street-cleansing-contract-2]: " in prompts, "the id proposed is a free one"


def test_unknown_facts_leave_the_choice_to_the_officer():
    answers = ["Town centre group", "no", "no", "no", "yes", "yes", "yes", "?", "yes"]
    answers += ["", "1"]  # the kind is not decided; choose 1 (partnership)
    script = iter(answers)
    said = []
    q = Questionnaire(lambda p: next(script), said.append, SETTINGS, TODAY, lambda _: False)
    q.need("Title", str)
    kind = q.kind(q.facts())
    assert kind is Kind.PARTNERSHIP
    assert any("independent bodies" in s for s in said), "says which unknown answer the kind hinges on"


def test_propose_id():
    assert propose_id("Brentwood Community Fund (2025)") == "brentwood-community-fund-2025"
    assert propose_id("Con") == "con-arrangement"
    assert len(propose_id("word " * 40)) <= 64


@pytest.mark.parametrize(
    ("title", "proposed"),
    [
        ("Café Forum", "cafe-forum"),
        ("Rhôs-on-Sea Community Partnership", "rhos-on-sea-community-partnership"),
        ("Côte Brasserie Contract", "cote-brasserie-contract"),
        ("Siân's Fund", "sian-s-fund"),
        ("Ysgol Gymraeg Bro Morgannwg Partneriaeth Iaith", "ysgol-gymraeg-bro-morgannwg-partneriaeth-iaith"),
        ("Łódź Twinning", "lodz-twinning"),  # letters with no decomposition: ł, ø, æ, ß
        ("Ærø Øresund Straße", "aero-oresund-strasse"),
        ("CAFÉ FORUM", "cafe-forum"),
        ("Ŵyl Gerdd Œuvre", "wyl-gerdd-oeuvre"),
    ],
)
def test_a_proposed_id_reads_accented_letters_without_their_accents(title, proposed):
    assert propose_id(title) == proposed


@pytest.mark.parametrize(
    ("text", "value"),
    [("£25,000", 25000), ("25000.50", 25000.5), ("GBP 3,500", 3500), ("£4.2m", 4_200_000), ("25k", 25000)],
)
def test_money_is_forgiving(text, value):
    assert parse_pounds(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2025-04-01", dt.date(2025, 4, 1)),
        ("2025-04", "2025-04"),
        ("31/03/2032", dt.date(2032, 3, 31)),
        ("1 April 2019", dt.date(2019, 4, 1)),
        ("April 2016", "2016-04"),
    ],
)
def test_dates_are_read_as_an_officer_writes_them(text, value):
    assert parse_date(text) == value


def test_an_approximate_date_is_told_what_may_be_written_not_taken_as_certain():
    """ "c. 2019" is not recorded as 2019 on the officer's behalf: the year is written only if it is
    certain as far as it goes, and the question says so (not "write dates as YYYY-MM-DD")."""
    for said, year in (("c. 2019", "2019"), ("circa 2019", "2019"), ("about April 2016", "2016-04")):
        with pytest.raises(Invalid, match=f"^'{said}' is approximate: write {year} if that is certain"):
            parse_date(said)
    with pytest.raises(Invalid, match="says only that it was before 2010: a date records what is known"):
        parse_date("pre-2010")


def test_parsers_refuse_what_they_cannot_use():
    refused = (
        (parse_date, "31/02/2026"),
        (parse_date, "next week"),
        (parse_pounds, "a lot"),
        (parse_pounds, "£25,000 - £30,000"),
        (choice(["low", "high"]), "3"),
    )
    for parse, text in refused:
        with pytest.raises(Invalid):
            parse(text)
    assert choice(["proposed", "active", "ended"])("act") == "active"


def test_answers_are_read_as_import_reads_a_sheets_cells():
    from partreg.questionnaire.answers import choices, parse_amount, parse_covers, parse_fact

    for text in ("£12,500 pa", "£12,500 p.a.", "12500 per annum"):
        amount = parse_amount(text)
        assert (amount.value, amount.yearly, amount.read_as()) == (12500, True, "£12,500 a year")
    assert parse_amount("£5,605 + VAT").qualified and not parse_amount("£5,605 + VAT").yearly
    assert parse_amount("£25,000").plain and not parse_amount("25k").plain
    assert [parse_covers(t) for t in ("per year", "annual", "whole life", "dunno")] == [
        "year",
        "year",
        "whole",
        "?",
    ]
    pick = choices(["growing-our-economy", "developing-our-communities"], SETTINGS.priorities)
    assert (
        pick("1 and 2")
        == pick("1 & 2")
        == pick("Growing our economy; developing our communities")
        == [
            "growing-our-economy",
            "developing-our-communities",
        ]
    )
    assert [parse_fact(t) for t in ("dunno", "Not known", "TBC", "don\u2019t know")] == [None] * 4


def test_dates_are_read_as_import_reads_them_and_a_placeholder_end_is_no_end():
    answers = contract_answers(start=("c. 2019", "Apr-2019"))
    at = answers.index("ENV-1") - 2  # the end, then the last review
    answers[at] = "31/12/9999"
    draft, _, said = run(answers)
    assert draft["start"] == "2019-04" and "end" not in draft
    assert "  Read as April 2019 (2019-04)." in said and "  Read as no end date." in said
    assert (
        "  'c. 2019' is approximate: write 2019 if that is certain as far as it goes (a year alone says no more); a date records what is known, not a guess."
        in said
    ), "c. 2019 is asked again"
    answers = contract_answers(start=("01/04/19", "yes"))
    assert run(answers)[0]["start"] == dt.date(2019, 4, 1)
    assert "  Is 01/04/19 1 April 2019? [yes]: " in run(answers)[1], "either order: asked once"


def test_canonical_orders_nested_keys():
    data = {"start": "2025-01-01", "id": "x", "lead": {"service": "S", "role": "R"}}
    assert canonical(data) == {"id": "x", "lead": {"role": "R", "service": "S"}, "start": "2025-01-01"}
    assert list(canonical(data)["lead"]) == ["role", "service"]


# --------------------------------------------------------------------------- the form at the end


def summary_of(said):
    """The last summary shown: its numbered lines, by label."""
    start = max(i for i, line in enumerate(said) if line.startswith("The new entry, "))
    lines = {}
    for line in said[start + 1 :]:
        number, _, rest = line.strip().partition(". ")
        if not number.isdigit():
            break
        label, _, value = rest.partition(": ")
        lines[label] = (int(number), value)
    return lines


def test_the_summary_shows_every_answer_and_a_change_keeps_the_others():
    first, _, said = run(contract_answers())
    lines = summary_of(said)
    assert lines["Title"] == (1, "Street cleansing contract")
    assert lines["Contract value"][1] == "£1,200,000" and lines["Last review"][1] == "none recorded"
    number = lines["Lead officer's role"][0]
    # change the role by its number: only that question is asked again; then write
    changed, prompts, said = run(contract_answers(then=(str(number), "Head of Street Scene", "")))
    assert changed["lead"]["role"] == "Head of Street Scene"
    assert {k: v for k, v in changed.items() if k != "lead"} == {
        k: v for k, v in first.items() if k != "lead"
    }
    assert changed["lead"]["service"] == first["lead"]["service"]
    assert (
        prompts[-2] == "Lead officer's role (a role, not a name; empty if not known) [Street Scene Manager]: "
    )


def test_enter_keeps_an_answer_and_a_dash_clears_an_optional_one():
    summary_at = summary_of(run(contract_answers())[2])["What it is for"][0]
    answers = contract_answers(then=(str(summary_at), "Keeping streets clean", str(summary_at), "", ""))
    assert run(answers)[0]["summary"] == "Keeping streets clean"
    answers = contract_answers(then=(str(summary_at), "Keeping streets clean", str(summary_at), "-", ""))
    assert "summary" not in run(answers)[0]


def test_cancel_at_the_summary_returns_nothing():
    with pytest.raises(Cancelled) as stopped:
        run(contract_answers(then=("cancel",)))
    assert str(stopped.value) == "Cancelled. Nothing was written." and stopped.value.exit_code == 1


def test_changing_the_kind_asks_what_the_new_kind_needs_and_drops_the_old():
    kind_at = summary_of(run(contract_answers())[2])["Kind"][0]
    grant = ["no", "yes", "", "£5,000", "", "2020-03-31", "", "", "Run ten sessions", "", ""]
    # no longer bought; funding for a fixed period; record it as community funding; the amount;
    # the funded period starts [the start]; ends; awarded [the period's start]; no number; one
    # action; no second; write
    draft, prompts, _said = run(contract_answers(then=(str(kind_at), *grant)))
    assert draft["kind"] == "community-funding" and "contract" not in draft
    assert draft["funding"] == {
        "amount_gbp": 5000,
        "period_start": dt.date(2019, 4, 1),
        "period_end": dt.date(2020, 3, 31),
        "actions": ["Run ten sessions"],
    }
    assert "Funded period starts (optional) [2019-04-01]: " in prompts, "defaults to the arrangement's start"


def test_the_last_review_is_recorded_so_the_entry_is_not_born_overdue():
    reviewed = ("14/10/2026", "", "Street Scene Manager")
    draft, _prompts, said = run(contract_answers(reviewed=reviewed))
    assert draft["review"] == {
        "history": [{"date": dt.date(2026, 10, 14), "outcome": "continue", "by": "Street Scene Manager"}]
    }
    assert "  Read as 14 October 2026 (2026-10-14)." in said
    assert summary_of(said)["Last review"][1] == "14 October 2026 (continue, by Street Scene Manager)"
    # a review before the start, or one in the future, is asked again
    draft, _, said = run(contract_answers(reviewed=("2018-01-01", "2030-01-01", "2026-10", "amend", "")))
    assert draft["review"]["history"] == [{"date": "2026-10", "outcome": "amend"}]
    assert "  That is before 2019-04-01: give a date on or after it." in said
    assert "  That is in the future: a review is recorded once it has been held." in said


def test_a_person_named_as_the_role_is_asked_again_once():
    answers = contract_answers()
    at = answers.index("Street Scene Manager")
    answers[at : at + 1] = ["Jane Smith", "Street Scene Manager"]
    draft, _, said = run(answers)
    assert draft["lead"]["role"] == "Street Scene Manager"
    assert any("'Jane Smith' looks like a person's name" in line for line in said)
    answers[at : at + 2] = ["Grace Lane", "Grace Lane"]  # the officer insists: it is a team's name
    assert run(answers)[0]["lead"]["role"] == "Grace Lane"


@pytest.mark.parametrize("name", ["Siân Jones", "Cllr Siân Jones", "Seán O'Brien", "Ffion Ap Dafydd"])
def test_a_name_with_letters_beyond_ascii_as_the_role_is_asked_again_once(name):
    answers = contract_answers()
    at = answers.index("Street Scene Manager")
    answers[at : at + 1] = [name, "Rheolwr Tai"]  # (the Welsh for Housing Manager: a role)
    draft, _, said = run(answers)
    assert draft["lead"]["role"] == "Rheolwr Tai"
    assert (
        f"  {name!r} looks like a person's name, and the register is published: give the role, for example "
        "Community Safety Manager (type it again if it is a role)."
    ) in said


def test_an_error_in_the_draft_stops_the_write_until_an_answer_changes():
    def check(draft):
        problem = draft["contract"]["reference"] == "ENV-1"
        return [Finding(True, "the reference ENV-1 is taken", stops=True)] if problem else []

    script = iter(contract_answers(then=("yes", "cancel")))
    prompts, said = [], []

    def ask(prompt):
        prompts.append(prompt)
        return next(script)

    with pytest.raises(Cancelled):
        Questionnaire(ask, said.append, SETTINGS, TODAY, lambda _: False).run(check)
    assert "  Error: the reference ENV-1 is taken" in said
    assert "  Answer a number from 1 to 20 to change an answer, or cancel." in said
    assert prompts[-1] == "Change which answer (a number), or cancel: "


def test_an_entry_whose_only_errors_are_gaps_can_be_written():
    """What is not known is left out, and lint reports it: that is no reason to refuse the entry."""

    def check(draft):
        return [Finding(True, "a contract needs its reference: add `reference:` under `contract:`")]

    script = iter(contract_answers())
    prompts, said = [], []

    def ask(prompt):
        prompts.append(prompt)
        return next(script)

    draft = Questionnaire(ask, said.append, SETTINGS, TODAY, lambda _: False).run(check)
    assert draft["id"] == "street-cleansing-contract"
    assert "  Error: a contract needs its reference: add `reference:` under `contract:`" in said
    assert (
        "What is not known can be left out: the entry can be written with these gaps, and lint reports "
        "each until it is recorded."
    ) in said
    assert prompts[-1] == "Write it? yes, a number to change that answer, or cancel [yes]: "


# ---------------------------------------------------------------------------- the forum question


def test_the_forum_question_asks_what_the_policy_means():
    """Joint working is a forum only: no formal agreement or no agreed outcomes (the policy's key difference)."""
    from partreg.classify import QUESTIONS

    question = QUESTIONS["discussion_forum"]
    assert question.startswith("Is it only a forum or group")
    assert "with no formal agreement or no agreed outcomes" in question
    assert (
        "A partnership board whose members also discuss strategy is not only a forum: answer no." in question
    )


def scripted(answers):
    script = iter(answers)
    said = []
    q = Questionnaire(lambda p: next(script), said.append, SETTINGS, TODAY, lambda _: False)
    return q, said


def test_a_community_safety_board_answered_no_to_the_forum_question_is_a_partnership():
    """A partnership board also discusses strategy, but it is not *only* a forum: the question says to
    answer no, and the partnership's facts decide it."""
    from partreg.classify import classify

    q, said = scripted(["no", "no", "no", "yes", "yes", "yes", "yes", "yes", ""])
    facts = q.facts()
    assert q.kind(facts) is Kind.PARTNERSHIP
    assert not any("Note:" in s for s in said), "no contradiction"
    assert classify(facts).settled and not classify(facts).contradicts("partnership")


def test_a_yes_to_the_forum_question_is_joint_working_and_asks_nothing_it_answered():
    """The forum question asks the policy's key difference ("with no formal agreement or no agreed
    outcomes"): a yes is joint working, and its formal agreement is not asked again."""
    from partreg.classify import classify

    q, said = scripted(["no", "no", "yes", ""])
    facts = q.facts()
    assert facts == {
        "council_sole_procurer": False,
        "council_funds_fixed_period": False,
        "discussion_forum": True,
    }, "after a yes to the forum, no other fact is asked"
    assert q.kind(facts) is Kind.JOINT_WORKING
    assert any(
        s.startswith("This is joint working: a forum for discussion with no formal agreement") for s in said
    )
    assert not classify(facts).contradicts("joint-working"), "the file add writes is one classify accepts"


def test_declining_the_kind_the_answers_decide_asks_again():
    answers = ["Street cleansing", "yes", "no"]  # a purchase; not recorded as a contract
    answers += ["no", "yes", ""]  # asked again: a grant this time; recorded as community funding
    script = iter(answers)
    said = []
    q = Questionnaire(lambda p: next(script), said.append, SETTINGS, TODAY, lambda _: False)
    q.need("Title", str)
    facts = q.facts()
    while (kind := q.kind(facts)) is None:
        facts = q.facts()
    assert kind is Kind.COMMUNITY_FUNDING
    assert "The answers make it that kind: to record another, the questions are asked again." in said


def _every_way_through():
    """Every sequence of yes, no and ? the fact questions can be answered with, and each kind offered."""
    from partreg.classify import classify

    pending = [[]]
    while pending:
        prefix = pending.pop()
        script = iter(prefix)
        asked = []

        def ask(prompt, script=script, asked=asked):
            asked.append(prompt)
            return next(script)

        q = Questionnaire(ask, lambda _: None, SETTINGS, TODAY, lambda _: False)
        try:
            facts = q.facts()
        except StopIteration:
            pending.extend([*prefix, a] for a in ("yes", "no", "?"))
            continue
        result = classify(facts)
        if (
            result.kind is not None or facts.get("discussion_forum") is True
        ):  # a yes to the forum: joint working
            yield facts, ["yes"]
        else:
            yield facts, [str(i) for i in range(1, len(result.possible) + 1)]


@pytest.mark.slow
def test_add_never_records_a_kind_its_own_classify_rejects():
    """Whatever the officer answers, the kind `add` records is one the answers do not contradict."""
    from partreg.classify import classify

    ways = 0
    for facts, picks in _every_way_through():
        for pick in picks:
            q, _ = scripted([pick])
            kind = q.kind(facts)
            if kind is None:
                continue  # asked again: nothing is written from these answers
            ways += 1
            result = classify(facts)
            assert not result.contradicts(kind), (facts, kind, result.conflicts)
    assert ways > 100


def test_a_contract_value_says_whether_it_is_a_year_or_the_whole_contract():
    assert run(contract_answers(covers=("year",)))[0]["contract"] == {
        "reference": "ENV-1",
        "annual_value_gbp": 1_200_000,
    }
    assert run(contract_answers(covers=("whole",)))[0]["contract"]["whole_life_value_gbp"] == 1_200_000
    draft, _, said = run(contract_answers())  # not known: the format 1 field, which says neither
    assert draft["contract"]["value_gbp"] == 1_200_000
    assert summary_of(said)["The value covers"][1] == "not known (a year or the whole contract)"
    assert draft["last_verified"] == TODAY, "every fact was given by the officer today"


def test_a_forum_records_what_the_body_is_and_the_councils_representatives():
    answers = [
        "Town Centre Forum",
        "no",  # not buying
        "no",  # not a grant
        "yes",  # only a forum: joint working
        "",  # record it as joint-working
        "",  # id
        "",  # status
        "Venues and police discuss the night-time economy.",
        "Licensing Manager",
        "Licensing",
        "",  # lead councillor
        "",  # what the body is: none of these
        "Cllr A. Patel, Licensing Manager",
        "",  # priorities
        "Essex Police",
        "public",
        "",
        "2024-05-01",
        "",  # end
        "2026-05-01",  # last reviewed
        "",  # continue
        "",  # by
        "",  # write
    ]
    draft, _, said = run(answers)
    entry = Arrangement.model_validate(draft)
    assert entry.kind is Kind.JOINT_WORKING and entry.form is None
    assert draft["representatives"] == [{"member": "Cllr A. Patel"}, {"role": "Licensing Manager"}]
    assert summary_of(said)["Council representatives"][1] == "Cllr A. Patel; Licensing Manager"


def test_moving_the_start_asks_again_what_was_checked_against_it():
    """A last review is dropped once the start moves to the future, and one before a new start is
    asked again: the summary and the file say the same."""
    start_at = summary_of(run(contract_answers(reviewed=("2025-04-01", "", "")))[2])["Start"][0]
    later = contract_answers(reviewed=("2025-04-01", "", ""), then=(str(start_at), "2027-06-01", "", ""))
    draft, _, said = run(later)  # the new start; its end [none]; write
    assert draft["start"] == dt.date(2027, 6, 1) and "review" not in draft
    assert "Last review" not in summary_of(said)
    earlier = contract_answers(
        reviewed=("2025-04-01", "", ""),
        then=(str(start_at), "2026-01-01", "", "", "2026-02-01", "", "", ""),
    )  # the new start; end [none]; the old review is refused, a new one; continue; no role; write
    draft, _, said = run(earlier)
    assert draft["review"]["history"] == [{"date": dt.date(2026, 2, 1), "outcome": "continue"}]
    assert "  That is before 2026-01-01: give a date on or after it." in said


def test_a_list_asked_again_can_be_kept_and_a_kind_keeps_its_answers():
    partners_at = summary_of(run(contract_answers())[2])["Partners"][0]
    draft, _, _ = run(contract_answers(then=(str(partners_at), "", "")))  # keep them; write
    assert draft["partners"] == [{"name": "BIFFA", "sector": "private"}]
    kind_at = summary_of(run(contract_answers())[2])["Kind"][0]
    draft, prompts, _ = run(contract_answers(then=(str(kind_at), "", "", "")))  # Enter keeps the fact
    assert draft["kind"] == "contract"
    assert any(p.endswith("[yes]: ") and "buying a service" in p for p in prompts)


def test_a_dash_or_a_control_character_is_not_an_answer():
    answers = contract_answers()
    answers[0:1] = ["Street\x1b[Dcleansing contract", "-", "Street cleansing contract"]
    draft, _, said = run(answers)
    assert draft["title"] == "Street cleansing contract" and draft["partners"][0]["name"] == "BIFFA"
    assert "  The answer holds a control character (an arrow key?): type it again." in said
    assert any(
        line.startswith("  An answer is needed here: the title names it on the register") for line in said
    )


def test_no_partner_known_yet_is_a_gap_the_entry_is_written_with():
    """An officer with no partner list had no way on at `Partner 1 name` but to invent one, where
    `add --from` and `import` write the entry with the gap, which lint reports."""
    answers = contract_answers()
    at = answers.index("BIFFA")
    answers[at : at + 3] = ["not known"]  # the name, its sector and the second partner's (not asked now)
    draft, _, said = run(answers)
    assert "partners" not in draft
    assert any(line.endswith("Partners: none recorded") for line in said)


def test_what_the_transparency_code_asks_of_a_contract_and_a_grant():
    draft, _, said = run(contract_answers(supplier=("01234567", "tender", "no", "?")))
    assert draft["contract"] == {
        "reference": "ENV-1",
        "value_gbp": 1_200_000,
        "procurement_route": "invitation-to-tender",
        "supplier_registration": "01234567",
        "supplier_sme": False,
    }
    assert summary_of(said)["Supplier is a VCSE"][1] == "not known"
    assert [org_id_of(n) for n in ("1164883", "01234567", "OC123456", "SC012345", "12")] == [
        "GB-CHC-1164883",
        "GB-COH-01234567",
        "GB-COH-OC123456",
        None,  # a Scottish charity or a Scottish company: the number alone does not say
        None,
    ]


def test_a_placeholder_date_is_told_to_leave_the_answer_empty_only_where_it_may_be():
    """31/12/9999 is what a spreadsheet writes for "no end": the end question may be left empty,
    so it says so; a date that must be given is asked for itself."""
    from partreg.questionnaire.asking import Asker

    for required, answers in ((False, ["31/12/9999", ""]), (True, ["9999-12-31", "2027-03-31"])):
        script, said = iter(answers), []
        Asker(lambda _prompt, s=script: next(s), said.append).date("End date", required=required)
        assert said[0].startswith("  The year 9999 is a placeholder, not a date: give the date itself."), said
        assert ("Leave the answer empty where there is none." in said[0]) is not required, said


def test_the_role_that_reviewed_it_is_asked_as_the_leads_is():
    """`add`'s last review took any text for the role that reviewed it, and the page publishes it;
    an email address or a phone number is never a role, a name is asked again (as for the lead)."""
    script = iter(
        [
            "2025-06-01",
            "continue",
            "jane.smith@rochford.gov.uk",
            "Safety Manager, 01702 546366",
            "Jane Smith",
            "Community Safety Manager",
        ]
    )
    said = []
    q = Questionnaire(lambda p: next(script), said.append, SETTINGS, TODAY, lambda _: False)
    q.answers = {}  # (what the questions before it answered: nothing here)
    record = q.last_review(None)
    assert record is not None and (record["outcome"], record["by"]) == (
        "continue",
        "Community Safety Manager",
    )
    told = " ".join(said)
    assert "That is an email address: give the role" in told
    assert "That holds a phone number: give the role" in told
    assert "'Jane Smith' looks like a person's name" in told


def test_representatives_are_councillors_or_roles_and_not_known_is_left_out():
    """`Cllr A. Patel, ?, Jane Smith, unknown` had been written as four representatives, two of them
    '?' and 'unknown', one a person's name, all published."""
    from partreg.questionnaire.answers import Invalid

    q = Questionnaire(lambda p: "", lambda s: None, SETTINGS, TODAY, lambda _: False)
    answer = "Cllr A. Patel, ?, Jane Smith, unknown"
    with pytest.raises(Invalid, match="'Jane Smith' looks like a person's name"):
        q.representatives(answer)
    assert q.representatives(answer) == ["Cllr A. Patel", "Jane Smith"]  # typed again: taken as a role
    assert q.representatives("Cllr A. Patel, Head of Housing, n/a") == ["Cllr A. Patel", "Head of Housing"]
    with pytest.raises(Invalid, match="is an email address"):
        q.representatives("jane.smith@rochford.gov.uk")


def test_a_placeholder_typed_as_an_answer_is_a_gap_as_lint_reads_it():
    """`To be agreed` for what it is for, `Various partners` for a partner: written as values, then
    told by lint to go."""
    answers = contract_answers()
    answers[answers.index("BIFFA") : answers.index("BIFFA") + 3] = ["Various partners"]
    at = answers.index("Street Scene Manager") - 1  # what is it for (optional)
    answers[at] = "To be agreed"
    draft, _, _ = run(answers)
    assert "summary" not in draft and "partners" not in draft
