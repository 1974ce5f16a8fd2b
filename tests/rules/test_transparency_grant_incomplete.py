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
    assert "`award_date:`" in p.message and "recipient_org_id" in p.message
    assert p.message.endswith("under the file's `funding:`"), "keys, and where they go: not dotted paths"


def test_each_award_of_a_scheme():
    scheme = replace(
        COMPLETE,
        "  actions: [Refurbish the scout hut]\n",
        "  actions: [Refurbish the scout hut]\n  awards:\n    - {recipient: Scouts, amount_gbp: 500, award_date: 2025-04-02, "
        "recipient_registration: '1164883'}\n    - {recipient: Guides, amount_gbp: 300, recipient_org_id: GB-CHC-1000000}\n",
    )
    [p] = lint_text(scheme, settings=EXPORTING)
    assert (p.rule, p.line) == ("transparency-grant-incomplete", 17)  # the second award
    assert p.message == "the Transparency Code and 360Giving publish each award: add `award_date:` to it"
    unnamed = scheme.replace(", recipient_org_id: GB-CHC-1000000", "")
    [p] = lint_text(unnamed, settings=EXPORTING)
    assert p.message.endswith(
        "`award_date:`, the recipient's `recipient_org_id:` (e.g. GB-CHC-1164883) or `recipient_registration:` to it"
    )


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
        "the Transparency Code and 360Giving publish this grant: add the day of `award_date:` "
        "(360Giving needs the day the grant was awarded; it records 2025-03) under the file's `funding:`"
    )
    scheme = replace(
        COMPLETE,
        "  actions: [Refurbish the scout hut]\n",
        "  actions: [Refurbish the scout hut]\n  awards:\n    - {recipient: Scouts, amount_gbp: 500, award_date: 2025}\n",
    )
    [p] = lint_text(scheme, settings=EXPORTING)
    assert "the day of `award_date:`" in p.message and "it records 2025)" in p.message
    assert (p.line, p.key) == (16, "funding.awards[0]"), "placed at the award"


def test_a_grant_to_several_partners_is_told_that_one_beneficiary_is_published():
    """A grant to `Brentwood Foodbank` and `St Thomas' Church` was exported with the first alone as
    its beneficiary, and nothing said so."""
    text = replace(
        COMPLETE,
        "partners: [{name: Scout Group, ",
        "partners: [{name: St Thomas' Church}, {name: Scout Group, ",
    )
    [p] = lint_text(text, settings=EXPORTING)
    assert (p.rule, p.key) == ("transparency-grant-incomplete", "partners")
    assert p.message.startswith(
        "the grant names 2 partners, and the Transparency Code and 360Giving publish one beneficiary a grant: "
        "the export leaves it empty until it is told which; if each was awarded a share"
    )


def test_a_grant_whose_other_partners_have_their_roles_is_told_nothing_more():
    """Following the advice (the recipient first, a role for the others) clears it: a co-funder was
    told to list the recipient first, as it was, and could not clear the warning."""
    text = replace(
        COMPLETE,
        "partners: [{name: Scout Group, ",
        "partners: [{name: Essex County Council, role: Co-funder}, {name: Scout Group, ",
    )
    check(text, settings=EXPORTING)
