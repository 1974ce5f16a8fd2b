from partreg.models import Settings
from tests.common import COMMUNITY_FUNDING, SETTINGS, check, lint_text, replace

EXPORTING = Settings.model_validate({**SETTINGS.model_dump(), "exports": {"org_id": "GB-LAE-TST"}})
COMPLETE = replace(
    COMMUNITY_FUNDING,
    "  amount_gbp: 3500\n",
    "  amount_gbp: 3500\n  award_date: 2025-03-10\n  recipient_org_id: GB-CHC-1164883\n",
)


def test_a_grant_with_what_the_code_and_360giving_publish():
    check(COMPLETE, settings=EXPORTING)


def test_a_registration_number_will_do_for_the_code():
    check(
        replace(COMPLETE, "recipient_org_id: GB-CHC-1164883", "recipient_registration: '1164883'"),
        settings=EXPORTING,
    )


def test_a_grant_lacking_its_award_date_and_recipient():
    [p] = lint_text(COMMUNITY_FUNDING, settings=EXPORTING)
    assert (p.rule, p.line, p.column, p.severity) == ("transparency-grant-incomplete", 9, 3, "warning")
    assert "`funding.award_date`" in p.message and "recipient_org_id" in p.message


def test_each_award_of_a_scheme():
    scheme = replace(
        COMPLETE,
        "  actions: [Refurbish the scout hut]\n",
        "  actions: [Refurbish the scout hut]\n  awards:\n    - {recipient: Scouts, amount_gbp: 500, award_date: 2025-04-02}\n"
        "    - {recipient: Guides, amount_gbp: 300}\n",
    )
    [p] = lint_text(scheme, settings=EXPORTING)
    assert (p.rule, p.line) == ("transparency-grant-incomplete", 17)  # the second award
    assert "`award_date`" in p.message and "recipient" not in p.message


def test_only_where_the_council_publishes_with_partreg_export():
    check(COMMUNITY_FUNDING)


def test_switched_off_for_a_parish_or_outside_england():
    off = Settings.model_validate(
        {**SETTINGS.model_dump(), "exports": {}, "rules": {"transparency-grant-incomplete": "off"}}
    )
    check(COMMUNITY_FUNDING, settings=off)


def test_an_award_date_known_to_the_month_is_told_that_360giving_needs_the_day():
    """`add` and lint accept `award_date: 2025-03`; `export 360giving` leaves such a grant out, so
    lint says so before the export does."""
    [p] = lint_text(replace(COMPLETE, "award_date: 2025-03-10", "award_date: 2025-03"), settings=EXPORTING)
    assert p.message == (
        "the Transparency Code and 360Giving publish this grant: add the day of `funding.award_date` "
        "(360Giving needs the day the grant was awarded; it records 2025-03)"
    )
    scheme = replace(
        COMPLETE,
        "  actions: [Refurbish the scout hut]\n",
        "  actions: [Refurbish the scout hut]\n  awards:\n    - {recipient: Scouts, amount_gbp: 500, award_date: 2025}\n",
    )
    [p] = lint_text(scheme, settings=EXPORTING)
    assert "the day of `funding.awards[0].award_date`" in p.message and "it records 2025)" in p.message
