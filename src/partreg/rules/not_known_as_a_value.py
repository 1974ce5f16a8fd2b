DOC = """A value that says only that it is not known.

What it checks:
    That no text the register publishes is only a mark of not knowing:
    `?`, `not known` or `unknown`, in any case (what an older `partreg add`,
    or an officer's hand, wrote where nothing was known). `TBC` and `N/A`
    are not reported: they say something (it is to be confirmed; it does
    not apply).
Why it matters:
    The page publishes it as a fact ("measured by ?", "Lead service: ?"),
    where a field left out is shown as not recorded and lint names the gap
    where one matters.

    Practice: what is not known is left out, never written as a value (README, partreg add).
Example:
    ```yaml
    outcomes:
      - description: Fewer repeat victims
        measure: '?'
    ```
Instead:
    ```yaml
    outcomes:
      - description: Fewer repeat victims
    ```
"""

import re
from collections.abc import Iterator

from partreg.export import is_published
from partreg.models import NAMED, Arrangement, shown
from partreg.problems import Context, Hit, Rule, Severity, dotted
from partreg.rules._base import texts

ID = "not-known-as-a-value"

#: What says only that it is not known, as a whole value (any case).
_NOT_KNOWN = re.compile(r"\?+|not known|unknown", re.IGNORECASE)


#: Values another rule reads, and says what to write for: a web address, a priority's id, an
#: entry's id.
_CHECKED_ELSEWHERE = frozenset({"url", "priorities", "replaces", "replaced_by"})


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    text = ctx.text
    if text is not None and "?" not in text and "nown" not in text and "NOWN" not in text:
        return  # (most files: three searches in C, about 2 µs a page, where a pattern took 14)
    for key, value in texts(entry.model_dump(exclude={"internal"}, exclude_none=True)):
        if (
            not _NOT_KNOWN.fullmatch(value.strip())
            or key[-1] in _CHECKED_ELSEWHERE
            or key[0] in _CHECKED_ELSEWHERE
        ):
            continue
        if not is_published([k for k in key if isinstance(k, str)], ctx.settings):
            continue  # (risks unless published, contacts unless published, fields kept internal)
        item = isinstance(key[-1], int)  # `objectives: [Discuss housing, Unknown]`: an item of a list
        yield Hit(
            key,
            f"{dotted(key)}: {shown(value, NAMED)} says only that it is not known, and the page would "
            "publish it: "
            + (
                "remove the item until it is known"
                if item
                else "leave the line out until it is known (lint then names the gap where the field is needed)"
            ),
        )


RULE = Rule(ID, Severity.WARNING, DOC or "", check)
