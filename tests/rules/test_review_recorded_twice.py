import datetime as dt

from tests.common import PARTNERSHIP, check, lint_text, replace

TWICE = replace(
    PARTNERSHIP,
    "review:\n  months: 12\n",
    "review:\n  months: 12\n  history:\n"
    "    - {date: 2025-06-30, outcome: continue}\n"
    "    - {date: 2025-06-30, outcome: continue, notes: Pasted again}\n",
)


def test_a_review_listed_twice():
    [p] = lint_text(TWICE, today=dt.date(2026, 1, 1))
    assert (p.rule, p.line, p.severity) == ("review-recorded-twice", 32, "warning")  # the second
    assert p.message == (
        "the review of 2025-06-30 (continue) is listed twice, as review.history[0] and review.history[1]: "
        "remove this one (keep what its notes say that the other lacks)"
    )


def test_two_reviews_of_one_day_with_different_outcomes_are_two_decisions():
    check(TWICE.replace("outcome: continue, notes", "outcome: amend, notes"), today=dt.date(2026, 1, 1))


def test_one_review_is_fine():
    check(
        replace(
            PARTNERSHIP,
            "review:\n  months: 12\n",
            "review:\n  months: 12\n  history: [{date: 2025-06-30, outcome: continue}]\n",
        ),
        today=dt.date(2026, 1, 1),
    )


def test_two_bodies_reviewing_it_on_one_day_are_two_reviews():
    two = TWICE.replace(
        "    - {date: 2025-06-30, outcome: continue}\n    - {date: 2025-06-30, outcome: continue, notes: Pasted again}\n",
        "    - {date: 2025-06-30, outcome: continue, by: Cabinet}\n"
        "    - {date: 2025-06-30, outcome: continue, by: Audit Committee}\n",
    )
    assert two != TWICE
    check(two, today=dt.date(2026, 1, 1))
