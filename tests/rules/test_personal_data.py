import pytest

from tests.common import PARTNERSHIP, check, lint_text, replace


def test_roles_and_role_mailboxes_are_fine():
    check(PARTNERSHIP)
    check(
        replace(
            PARTNERSHIP, "added_value: Joint tasking.", "added_value: Write to partnerships@brentwood.gov.uk."
        )
    )
    check(
        replace(
            PARTNERSHIP,
            "  service: Community Safety\n",
            "  service: Community Safety\n  email: jo.bloggs@example.org\n  phone: 07700 900123\n",
        )
    )
    check(PARTNERSHIP + "internal:\n  notes: Call Jo on 07700 900123\n")
    check(
        replace(
            PARTNERSHIP,
            "added_value: Joint tasking.",
            "added_value: Since 2021-04-01, ref BBC-2019-014, GBP 14106.",
        )
    )


def test_a_personal_email_address_in_a_published_field():
    [p] = lint_text(
        replace(PARTNERSHIP, "added_value: Joint tasking.", "added_value: Ask jo.bloggs@brentwood.gov.uk.")
    )
    assert (p.rule, p.line, p.column, str(p.severity)) == ("personal-data", 23, 14, "warning")
    assert "jo.bloggs@brentwood.gov.uk" in p.message


def test_a_phone_number_in_a_nested_published_field():
    text = replace(
        PARTNERSHIP,
        "    mitigation: Information sharing agreement",
        "    mitigation: Ring +44 1277 312500 if late",
    )
    check(text, ("personal-data", 26, 17))
    check(
        replace(PARTNERSHIP, "  - name: Essex Police", "  - name: Essex Police 01277 312 500"),
        ("personal-data", 11, 11),
    )


def test_a_phone_number_folded_over_two_lines():
    text = replace(
        PARTNERSHIP,
        "added_value: Joint tasking.",
        "added_value: Joint tasking; ring 07700\n  900123 to join.",
    )
    check(text, ("personal-data", 23, 14))


@pytest.mark.parametrize(
    ("address", "personal"),
    [
        ("housing.options@basildon.gov.uk", False),  # a service's mailbox of two words
        ("community-safety@brentwood.gov.uk", False),
        ("building.control@brentwood.gov.uk", False),
        ("data.protection@brentwood.gov.uk", False),
        ("partnerships@brentwood.gov.uk", False),
        ("jo.bloggs@brentwood.gov.uk", True),
        ("j.smith@brentwood.gov.uk", True),
        ("smith.jo@brentwood.gov.uk", True),
        ("jbloggs@brentwood.gov.uk", True),
    ],
)
def test_a_service_mailbox_of_several_words_is_not_a_person(address, personal):
    found = lint_text(replace(PARTNERSHIP, "added_value: Joint tasking.", f"added_value: Ask {address}."))
    assert [p.rule for p in found] == (["personal-data"] if personal else [])


@pytest.mark.parametrize("number", ["(01702) 546366", "(020) 7946 0018", "(0161) 496 0000", "01702 546366"])
def test_a_phone_number_with_its_area_code_in_brackets_or_a_full_stop_after_it(number):
    """As letterheads and email signatures write it, and at the end of a sentence."""
    check(
        replace(PARTNERSHIP, "added_value: Joint tasking.", f"added_value: Joint tasking; ring {number}."),
        ("personal-data", 23, 14),
    )
