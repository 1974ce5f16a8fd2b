DOC = """A partnership whose facts describe a forum, without the facts of a partnership.

What it checks:
    That an arrangement recorded as a `partnership` whose `characteristics`
    say `discussion_forum: true` also records what makes a forum a
    partnership: its formal agreement and agreed outcomes (or a statutory
    basis, which settles them), and the other partnership facts. Where the
    facts decide another kind, `kind-mismatch` reports it instead.
Why it matters:
    The policy's test for joint working is a forum or group that members or
    officers belong to with no formal agreement or no agreed outcomes. A
    partnership board whose members also discuss strategy is still a
    partnership, but only the formal agreement and agreed outcomes show it;
    without them recorded the entry reads as a forum, and the register
    should not pass it silently.

    Policy: "Whilst these involve collaborative working and are similar to partnerships, the key difference is there is no formal agreement or in some cases agreed outcomes."
Example:
    ```yaml
    kind: partnership
    characteristics:
      discussion_forum: true
    ```
Instead:
    ```yaml
    kind: partnership
    characteristics:
      discussion_forum: true     # the board also discusses strategy
      formal_agreement: true     # terms of reference signed by all partners
      agreed_outcomes: true      # the partnership plan's targets
      shared_objectives: true
      shared_responsibility: true
      independent_partners: true
    ```
"""

from collections.abc import Iterator

from partreg.classify import FACTS, PARTNERSHIP_FACTS
from partreg.models import Arrangement, Kind
from partreg.problems import Context, Hit, Rule, Severity
from partreg.rules._base import decision_of

ID = "forum-recorded-as-partnership"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    facts = entry.characteristics
    if entry.kind is not Kind.PARTNERSHIP or facts is None or facts.discussion_forum is not True:
        return
    decided = ctx.once(decision_of, entry)
    if decided is None or decided.kind is not None:
        return  # a partnership board (no problem), or another kind (kind-mismatch says so)
    needed = ("formal_agreement", "agreed_outcomes", *PARTNERSHIP_FACTS[1:])
    wanted = [f"`{n}: true`" for n in needed if decided.facts[FACTS.index(n)] is not True]
    yield Hit(
        ("characteristics", "discussion_forum"),
        "recorded as a partnership, but the facts describe a forum and not its formal agreement and agreed "
        f"outcomes, which the policy's test for joint working turns on: record {', '.join(wanted)} if "
        "that is so, or change `kind: joint-working`",
    )


RULE = Rule(ID, Severity.WARNING, DOC or "", check, only_for=Kind.PARTNERSHIP)
