from tests.common import PARTNERSHIP, check, lint_text, replace


def test_a_reason_is_given():
    check(
        replace(
            PARTNERSHIP.replace("  service: Community Safety\n", ""),
            "lead:\n",
            "lead:  # partreg: disable=lead-service-not-recorded the board decided\n",
        )
    )


def test_no_reason():
    check(
        replace(
            PARTNERSHIP.replace("  service: Community Safety\n", ""),
            "lead:\n",
            "lead:  # partreg: disable=lead-service-not-recorded\n",
        ),
        ("disable-without-reason", 6, 8),
    )


def test_many_comments_without_a_reason_are_counted_after_twenty():
    objectives = "".join(f"  - Objective {i}  # partreg: disable=kind-mismatch\n" for i in range(30))
    text = PARTNERSHIP.replace("objectives: [Reduce crime and disorder]\n", "objectives:\n" + objectives)
    found = [p for p in lint_text(text) if p.rule == "disable-without-reason"]  # (each excuses nothing, too)
    assert [p.rule for p in found] == ["disable-without-reason"] * 21
    assert found[-1].message.endswith("(and 9 more like it, not shown one by one)")
