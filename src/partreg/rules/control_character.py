DOC = """A value holds a control character.

What it checks:
    That no text in the file holds a control character (other than tab and
    line breaks), whether typed raw or written as an escape such as `"\\e"`
    or `"\\x1b"`, nor a bidirectional embedding, override or isolate
    (U+202A to U+202E, U+2066 to U+2069), which reorders the text around it
    on screen. The left-to-right and right-to-left marks are not reported:
    a name in Arabic or Hebrew needs them, and published pages keep them.
Why it matters:
    They never mean anything in a register, and they act where the text is
    shown: an escape sequence can clear an officer's terminal or rename its
    window. partreg leaves them out of everything it publishes and shows
    them written out (`\\x1b`) at the terminal, so the file should not keep
    them.

    Format: "control characters and characters that reorder text on screen (bidirectional overrides) are removed" (README, Publishing)
Example:
    ```yaml
    title: "Town grants\\x0b fund"
    ```
Instead:
    ```yaml
    title: Town grants fund
    ```
"""

import re
from collections.abc import Iterator

from partreg.models import REORDERING, UNPUBLISHED, Arrangement, has_control
from partreg.problems import Context, Hit, Rule, Severity, dotted
from partreg.rules._base import texts

ID = "control-character"

#: What published output leaves out: the controls and the characters that reorder text.
_FLAGGED = UNPUBLISHED
_OVERRIDE = re.compile(f"[{REORDERING}]")


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    text = ctx.text
    if (
        text is not None
        and "\\" not in text
        and not has_control(text)
        and (text.isascii() or not _OVERRIDE.search(text))
    ):
        return  # nothing raw, and no escape that could stand for one: skip the walk
    for key, value in texts(entry.model_dump(exclude_none=True)):
        found = sorted(set(_FLAGGED.findall(value)))
        if found:
            said = ", ".join(f"{c!r} (U+{ord(c):04X})" for c in found)
            acts = (
                "which reorder the text around them on screen"
                if all(_OVERRIDE.match(c) for c in found)
                else "which act on a terminal or reorder text rather than show"
            )
            yield Hit(
                key,
                f"{dotted(key)} holds {said}, {acts}: remove {'it' if len(found) == 1 else 'them'}; "
                "partreg leaves them out of what it publishes",
            )


RULE = Rule(ID, Severity.WARNING, DOC or "", check)
