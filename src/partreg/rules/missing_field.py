"""A required field is missing.

What it checks:
    That every arrangement has `id`, `title`, `kind`, `status`, `lead` (role
    and service), at least one partner, and `start`; and that nested entries
    (an outcome, a risk, a review) have their own required fields.
Why it matters:
    Without these the arrangement cannot be listed, classified or reviewed.
Example:
    ```yaml
    lead:
      role: Community Safety Manager
    ```
Instead:
    ```yaml
    lead:
      role: Community Safety Manager
      service: Community Safety
    ```
"""

from partreg.rules._base import documented

RULE = documented(__doc__, "missing-field")
