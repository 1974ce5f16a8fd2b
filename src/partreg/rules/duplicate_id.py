DOC = """Two files use the same id.

What it checks:
    That no two arrangement files in the register have the same `id`.
Why it matters:
    The id names the arrangement's page and its review reminders; two
    arrangements with one id would overwrite each other when published.

    Format: "`register/` holds one `<id>.yaml` file per arrangement."
Example:
    `register/community-fund.yaml` and `register/community-fund-2.yaml`
    both say `id: community-fund`.
Instead:
    Give each arrangement its own id, matching its file name.
"""

from partreg.rules._base import documented

ID = "duplicate-id"

RULE = documented(DOC, ID)
