DOC = """A value of the wrong type: text where a number is needed, a bad date.

What it checks:
    That dates are `YYYY-MM-DD`, money is a plain number of pounds, facts
    are `true` or `false`, lists are lists, mappings are mappings, and ids
    have the right form. A list or a mapping written as a word for no value
    (`partners: N/A`, `resources: TBC`) records nothing: it is told what to
    write (`agreement: none` is `agreement: {type: none}`), and that the
    line may go only where the kind does not need it.
Why it matters:
    Review dates and totals are computed from these values; `£25,000` or
    `1st April` cannot be computed with.

    Format: "Dates are ISO 8601, as precise as the source: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. Money is a finite number of pounds."
Example:
    ```yaml
    start: 01/04/2021
    resources:
      council: {funding_gbp: "£25,000"}
    ```
Instead:
    ```yaml
    start: 2021-04-01
    resources:
      council: {funding_gbp: 25000}
    ```
"""

from partreg.rules._base import documented

ID = "wrong-type"

RULE = documented(DOC, ID)
