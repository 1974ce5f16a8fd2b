DOC = """The id does not match the file name.

What it checks:
    That `register/<name>.yaml` says `id: <name>`.
Why it matters:
    The id names the arrangement everywhere (`partreg show ID`, its page,
    its review reminders); people find the file by that name.

    Format: "The file's name is its `id`"
Example:
    `register/community-fund.yaml` with `id: brentwood-community-fund`.
Instead:
    Rename the file to `brentwood-community-fund.yaml`, or change the id.
"""

from collections.abc import Iterator

from partreg.models import Arrangement
from partreg.problems import Context, Hit, Rule, Severity

ID = "id-mismatch"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if entry.id != ctx.file_id:
        yield Hit(
            ("id",),
            f"the id {entry.id!r} does not match the file name {ctx.file_id + '.yaml'!r}: "
            f"write id: {ctx.file_id}; or, to keep the id, rename the file with "
            f"`git mv register/{ctx.file_id}.yaml register/{entry.id}.yaml`, which never replaces a file",
        )


RULE = Rule(ID, Severity.ERROR, DOC or "", check)
