from partreg.problems import Severity
from tests.common import PARTNERSHIP, check, lint_text, replace

#: A partnership the law does not require, so that only its recorded facts decide it.
CHOSEN = replace(PARTNERSHIP, "statutory: true\nstatutory_basis: Crime and Disorder Act 1998\n", "")
BOARD = """\
characteristics:
  discussion_forum: true
  formal_agreement: true
  agreed_outcomes: true
  shared_objectives: true
  shared_responsibility: true
  independent_partners: true
"""


def test_a_partnership_board_that_also_discusses_strategy():
    check(CHOSEN + BOARD)


def test_a_statutory_board_that_also_discusses_strategy():
    check(PARTNERSHIP + "characteristics: {discussion_forum: true}\n")


def test_a_partnership_that_records_only_that_it_is_a_forum():
    [p] = lint_text(CHOSEN + "characteristics:\n  discussion_forum: true\n")
    assert (p.rule, p.severity, p.key) == (
        "forum-recorded-as-partnership",
        Severity.WARNING,
        "characteristics.discussion_forum",
    )
    assert "record `formal_agreement: true`, `agreed_outcomes: true`, `shared_objectives: true`" in p.message
    assert "or change `kind: joint-working`" in p.message


def test_a_forum_with_no_formal_agreement_is_kind_mismatch_instead():
    text = CHOSEN + "characteristics:\n  discussion_forum: true\n  formal_agreement: false\n"
    assert [p.rule for p in lint_text(text)] == ["kind-mismatch"]
