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

import shlex
from collections.abc import Iterator

from partreg.models import Arrangement, is_id, shown
from partreg.problems import Context, Hit, Rule, Severity

ID = "id-mismatch"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if entry.id != ctx.file_id:
        # the file as named, with its folder and its ending (`.yml` stays `.yml`)
        named = ctx.display or ""
        cut = max(named.rfind("/"), named.rfind("\\")) + 1  # where the name starts, after its folder
        if not named[cut:].startswith(ctx.file_id):  # (the id a name gives is the name without its ending)
            named, cut = f"register/{ctx.file_id}.yaml", len("register/")
        name = named[cut:]
        renamed = named[:cut] + entry.id + name[len(ctx.file_id) :]
        rename = f"`git mv {shlex.quote(named)} {shlex.quote(renamed)}`, which never replaces a file"
        if ctx.ids is not None and entry.id in ctx.ids:  # `csp copy.yaml`: the name it would take is taken
            fix = (
                f"another file of the register is named {entry.id}: if this one is a copy of it, delete one of "
                f"the two; if it records another arrangement, give it its own id, and name the file after it"
            )
        elif is_id(ctx.file_id):
            fix = f"write id: {ctx.file_id}; or, to keep the id, rename the file with {rename}"
        else:  # a name such as `Community Safety Partnership.yaml` is no id: only the file can change
            fix = f"the file's name is not an id, so rename the file with {rename}"
        yield Hit(
            ("id",),
            f"the id {entry.id!r} does not match the file name {shown(name)}: {fix}",
        )


RULE = Rule(ID, Severity.ERROR, DOC or "", check)
