from partreg.models import Settings
from tests.common import CONTRACT, SETTINGS, check, lint_text, replace

EXPORTING = Settings.model_validate({**SETTINGS.model_dump(), "exports": {}})
COMPLETE = replace(
    CONTRACT.replace(
        "start: 2019-04-01\n", "start: 2019-04-01\nend: 2029-03-31\nsummary: Street cleansing.\n"
    ),
    "contract: {reference: ENV-1, value_gbp: 1000000}",
    "contract: {reference: ENV-1, whole_life_value_gbp: 1000000, irrecoverable_vat_gbp: 0, "
    "procurement_route: invitation-to-tender, supplier_registration: '01234567', "
    "supplier_sme: false, supplier_vcse: false}",
)


def test_a_contract_with_what_the_code_publishes():
    check(COMPLETE, settings=EXPORTING)


def test_a_contract_lacking_the_codes_facts():
    [p] = lint_text(CONTRACT, settings=EXPORTING)
    assert (p.rule, p.line, p.column, p.severity) == ("transparency-contract-incomplete", 7, 11, "warning")
    for name in ("supplier_registration", "irrecoverable_vat_gbp", "procurement_route", "supplier_sme"):
        assert f"`{name}:`" in p.message
    assert "which the value is" in p.message
    assert p.message.startswith("the Transparency Code publishes this contract: add `summary:`; and `")
    assert p.message.endswith("(which the value is) under the file's `contract:`")


def test_a_contract_lacking_only_its_description_is_told_so():
    """What `partreg export transparency-contracts` says is missing, lint names too."""
    [p] = lint_text(COMPLETE.replace("summary: Street cleansing.\n", ""), settings=EXPORTING)
    assert p.message == "the Transparency Code publishes this contract: add `summary:`"


def test_only_where_the_council_publishes_with_partreg_export():
    check(CONTRACT)  # no `exports:` in the settings


def test_not_under_the_threshold():
    small = replace(CONTRACT, "value_gbp: 1000000", "value_gbp: 5000")
    check(small, settings=EXPORTING)
    raised = Settings.model_validate({**SETTINGS.model_dump(), "exports": {"contracts_over_gbp": 2000000}})
    check(CONTRACT, settings=raised)


def test_a_proposed_contract_is_not_published_yet():
    check(replace(CONTRACT, "status: active", "status: proposed"), settings=EXPORTING)


def test_switched_off_for_a_parish_or_outside_england():
    off = Settings.model_validate(
        {**SETTINGS.model_dump(), "exports": {}, "rules": {"transparency-contract-incomplete": "off"}}
    )
    check(CONTRACT, settings=off)


def test_a_rolling_contract_is_not_asked_for_an_end():
    """`end: ongoing` is told to leave the line out, since a contract with no end date has no `end`:
    doing so reveals nothing more."""
    rolling = COMPLETE.replace("end: 2029-03-31\n", "end: ongoing\n")
    [p] = lint_text(rolling, settings=EXPORTING)
    assert p.rule == "wrong-type" and "remove the line" in p.message
    check(rolling.replace("end: ongoing\n", ""), settings=EXPORTING)
