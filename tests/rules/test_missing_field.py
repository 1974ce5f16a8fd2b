from tests.common import PARTNERSHIP, check, replace


def test_all_required_fields():
    check(PARTNERSHIP)


def test_missing_top_level_field():
    check(replace(PARTNERSHIP, "start: 2021-04-01\n", ""), ("missing-field", 1, 1))


def test_missing_nested_field_points_at_its_parent():
    check(replace(PARTNERSHIP, "  service: Community Safety\n", ""), ("missing-field", 6, 1))


def test_no_partners():
    check(
        replace(PARTNERSHIP, "partners:\n  - name: Essex Police\n    sector: public\n", "partners: []\n"),
        ("wrong-type", 10, 11),
    )
