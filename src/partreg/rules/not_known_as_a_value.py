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

from partreg.models import NAMED, Arrangement, shown
from partreg.problems import Context, Hit, Rule, Severity, dotted
from partreg.rules._base import texts

ID = "not-known-as-a-value"

#: What says only that it is not known, as a whole value (any case).
_NOT_KNOWN = re.compile(r"\?+|not known|unknown", re.IGNORECASE)


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    text = ctx.text
    if text is not None and "?" not in text and "nown" not in text and "NOWN" not in text:
        return  # (most files: three searches in C, about 2 µs a page, where a pattern took 14)
    private = {"internal", *(ctx.settings.internal_fields if ctx.settings else ())}
    for key, value in texts(entry.model_dump(exclude=private, exclude_none=True)):
        if _NOT_KNOWN.fullmatch(value.strip()):
            yield Hit(
                key,
                f"{dotted(key)}: {shown(value, NAMED)} says only that it is not known, and the page would "
                "publish it: leave the line out until it is known (lint then names the gap where the "
                "field is needed)",
            )


RULE = Rule(ID, Severity.WARNING, DOC or "", check)
