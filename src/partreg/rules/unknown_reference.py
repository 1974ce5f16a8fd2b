DOC = """A successor or predecessor that is not in the register.

What it checks:
    That every id under `replaces` and `replaced_by` is the id of another
    entry in the register (a file `register/<id>.yaml`), and not the entry's
    own.
Why it matters:
    When a partnership is replaced (by one body, or by two boards), the
    register keeps the history: the old entry says what replaced it, and the
    new what it replaced. A reference to an entry that does not exist is a
    typing mistake, or a successor nobody registered, and the page would
    link to nothing.

    Practice: registers record what replaced an arrangement (Darlington's register: a partnership replaced by two boards), and the register reviewed annually "and updated accordingly" keeps its history.
Example:
    ```yaml
    replaced_by: [safeguarding-adult-board]
    ```
Instead:
    ```yaml
    replaced_by: [safeguarding-adults-board]   # register/safeguarding-adults-board.yaml
    ```
"""

from collections.abc import Iterator

from partreg.models import NAMED, Arrangement, shown
from partreg.problems import Context, Hit, Rule, Severity
from partreg.spelling import did_you_mean

ID = "unknown-reference"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    for name in ("replaces", "replaced_by"):
        for i, other in enumerate(getattr(entry, name)):
            if other == entry.id:
                yield Hit(
                    (name, i),
                    f"{name} names this entry itself ({shown(other, NAMED)}): name another entry's id",
                )
            elif ctx.ids is not None and other not in ctx.ids:
                hint = did_you_mean(other, ctx.ids)
                yield Hit(
                    (name, i),
                    f"{name}: no entry {shown(other, NAMED)} in the register{hint}: add register/{other}.yaml, "
                    "or correct the id",
                )


RULE = Rule(ID, Severity.ERROR, DOC or "", check)
