DOC = """A value holds a control character.

What it checks:
    That no text in the file holds a control character (other than tab and
    line breaks), whether typed raw or written as an escape such as `"\\e"`
    or `"\\x1b"`.
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

from collections.abc import Iterator

from partreg.models import CONTROL, Arrangement, has_control
from partreg.problems import Context, Hit, Rule, Severity, dotted
from partreg.rules._base import texts

ID = "control-character"


def check(entry: Arrangement, ctx: Context) -> Iterator[Hit]:
    if ctx.text is not None and "\\" not in ctx.text and not has_control(ctx.text):
        return  # nothing raw, and no escape that could stand for one: skip the walk
    for key, text in texts(entry.model_dump(exclude_none=True)):
        found = CONTROL.search(text)
        if found:
            yield Hit(
                key,
                f"{dotted(key)} holds the control character {found.group()!r} (U+{ord(found.group()):04X}): remove it; "
                "partreg leaves it out of what it publishes",
            )


RULE = Rule(ID, Severity.WARNING, DOC or "", check)
