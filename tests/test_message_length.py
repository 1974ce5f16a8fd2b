"""No message writes out an unbounded amount of what a file says: a pasted paragraph, a long key or
name, a list of every partner. A message is one line that says where, what and how to fix it."""

import pytest

from tests.common import PARTNERSHIP, lint_text, replace

LONG = "Fewer repeat victims of anti-social behaviour in the town centre " * 40  # 2,600 characters
WORD = "x" * 3_000

#: A message may be this long (the longest name the format's fields, every key of a mapping).
LONGEST = 1_000

SHAPES = {
    "a paragraph with a colon in it": replace(
        PARTNERSHIP, "added_value: Joint tasking.", f"added_value: {LONG}Note: see the minutes"
    ),
    "an outcome": replace(
        PARTNERSHIP,
        "  - description: Fewer repeat victims\n    measure: repeat victims per year\n    target: 10% fewer\n",
        f"  - description: {LONG}\n",
    ),
    "a risk": replace(
        PARTNERSHIP,
        "  - description: Data not shared\n    mitigation: Information sharing agreement\n",
        f"  - description: {LONG}\n",
    ),
    "an outcome written as plain text": replace(
        PARTNERSHIP,
        "  - description: Fewer repeat victims\n    measure: repeat victims per year\n    target: 10% fewer\n",
        f"  - {LONG}\n",
    ),
    "a priority": replace(PARTNERSHIP, "[developing-our-communities]", f"[developing-{WORD}]"),
    "an unknown key": PARTNERSHIP + f"{WORD[:1000]}: a value\n",
    "a contributor, among many partners": replace(
        PARTNERSHIP,
        "  - name: Essex Police\n    sector: public\n",
        "".join(f"  - name: Partner Organisation {i}\n" for i in range(3_000)),
    )
    + f"contributions:\n  - {{year: 2024/25, by: {LONG}, cash_gbp: 1}}\n",
    "a reference": PARTNERSHIP + f"replaces: [{WORD[:60]}-{WORD}]\n",
    "a significance test": PARTNERSHIP + f"significance: {{meets: [{WORD}]}}\n",
    "digits for a summary": replace(
        PARTNERSHIP, "summary: Tackle crime and disorder together.", f"summary: {'7' * 5_000}"
    ),
    "an address in a summary": replace(
        PARTNERSHIP, "summary: Tackle crime", f"summary: {'a.' * 2_000}a@example.org Tackle crime"
    ),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_a_message_is_bounded_whatever_the_file_says(shape):
    found = lint_text(SHAPES[shape])
    assert found, "the shape has a problem"
    longest = max(found, key=lambda p: len(p.message))
    assert len(longest.message) <= LONGEST, (longest.rule, len(longest.message), longest.message[:300])
